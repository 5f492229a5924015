"""Nothing escapes `extract`: any input gives an Article, with a reason when it has no text."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper import Article, extract

ARTICLE = "<p>" + "The council voted to build new flood barriers along the river. " * 5 + "</p>"


@pytest.mark.parametrize("html", [b"", "", b"   \n\t ", "\n"])
def test_empty_input(html: bytes | str) -> None:
    article = extract(html)
    assert article.text == ""
    assert article.reason is not None and "empty" in article.reason


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_input_is_named(data: bytes, kind: str) -> None:
    article = extract(data)
    assert article.text == ""
    assert kind in (article.reason or "")


def test_enormous_input_is_refused_with_the_limit_named() -> None:
    html = b"<html><body>" + b"<p>word word word word</p>" * (50 * 1024 * 1024 // 26) + b"</body></html>"
    assert len(html) >= 50 * 1024 * 1024 - 64

    article = extract(html)

    assert article.text == ""
    assert "too large" in (article.reason or "") and "max_bytes" in (article.reason or "")


def test_a_larger_limit_can_be_given() -> None:
    html = "<html><body><article>" + ARTICLE + "</article></body></html>"
    assert extract(html, max_bytes=100).reason is not None
    assert extract(html, max_bytes=len(html)).text


@pytest.mark.parametrize("tag", ["div", "span", "b", "table"])
def test_hostile_nesting_is_refused_without_parsing(tag: str) -> None:
    html = "<html><body>" + ARTICLE + f"<{tag}>" * 100_000 + "x" + f"</{tag}>" * 100_000 + "</body></html>"

    article = extract(html)

    assert isinstance(article, Article)
    if article.text:  # inline tags do not nest in the HTML tree: nothing hostile is parsed
        assert tag in ("span", "b")
    else:
        assert "nested" in (article.reason or "")


def test_deep_but_reasonable_nesting_is_extracted() -> None:
    depth = 200  # deeper than any real page; lxml (under trafilatura) reads up to 256
    html = "<html><body>" + "<div>" * depth + ARTICLE + "</div>" * depth + "</body></html>"
    assert "flood barriers" in extract(html).text


def test_a_drawing_of_thousands_of_self_closed_svg_shapes_is_extracted() -> None:
    drawing = "<svg><g>" + '<path d="M0 0L1 1"/>' * 12_000 + "</g></svg>"
    html = "<html><body><article>" + ARTICLE + drawing + "</article></body></html>"
    article = extract(html)
    assert article.reason is None
    assert "flood barriers" in article.text


def test_elements_left_open_inside_a_closed_parent_do_not_add_up() -> None:
    rows = "<section><span><em>Row</section>" * 6_000  # each </section> closes its span and em
    html = "<html><body><article>" + ARTICLE + rows + "</article></body></html>"
    assert "flood barriers" in extract(html).text


@pytest.mark.parametrize(
    "opening",
    ["<div/>", "<svg/><div/>", "<svg><div/>", '<svg><font color="red"/>', "<svg><foreignObject><div/>"],
)
def test_self_closing_slashes_the_parser_ignores_do_not_hide_hostile_nesting(opening: str) -> None:
    """In HTML, "<div/>" opens a div; an HTML tag inside SVG ends the drawing first."""
    head, _, repeated = opening.rpartition("<")
    html = "<html><body>" + ARTICLE + head + ("<" + repeated) * 100_000 + "</body></html>"
    article = extract(html)
    assert article.text == ""
    assert "nested" in (article.reason or "")


def test_malformed_html_is_still_read() -> None:
    html = (
        "<html><body><article><p>"
        + "Unclosed paragraphs are common in old pages. " * 5
        + "<p><b><i>bad</b></i><div></span>"
    )
    assert "Unclosed paragraphs are common" in extract(html).text


def test_control_characters_and_nul_bytes_do_not_break_parsing() -> None:
    html = "<html><body><article>" + ARTICLE.replace("river", "ri\x00ver\x0b") + "</article></body></html>"
    assert "river" in extract(html.encode()).text


@pytest.mark.parametrize(
    "char", [*map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]), "\ufffe", "\uffff"]
)
def test_every_control_character_is_dropped_from_the_text(char: str) -> None:
    html = "<html><body><article>" + ARTICLE.replace("river", f"ri{char}ver") + "</article></body></html>"
    assert "river" in extract(html).text


def test_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="bytes or str"):
        extract(123)  # type: ignore[arg-type]


TAGS = st.sampled_from(
    [
        "p",
        "div",
        "article",
        "h2",
        "figure",
        "figcaption",
        "ul",
        "li",
        "table",
        "tr",
        "td",
        "script",
        "style",
        "form",
        "nav",
        "aside",
        "br",
        "img",
        "a",
        "span",
        "section",
    ]
)
ATTRS = st.sampled_from(
    [
        "",
        " class='related'",
        " id='comments'",
        " class='sr-only'",
        " hidden",
        " alt='x'",
        " class='caption credit'",
        " aria-hidden='true'",
        " role='navigation'",
    ]
)
WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@st.composite
def html_documents(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        tag, attrs = draw(TAGS), draw(ATTRS)
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append(f"<{tag}{attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        else:
            parts.append(draw(WORDS))
    return "".join(parts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_random_html_never_raises(html: str) -> None:
    article = extract(html)
    assert isinstance(article, Article)
    assert article.text or article.reason


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4096))
def test_random_bytes_never_raise(data: bytes) -> None:
    article = extract(data)
    assert isinstance(article, Article)
    assert article.text or article.reason


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2000), st.sampled_from([None, "utf-8", "nonsense", "shift_jis", ""]))
def test_random_text_with_any_charset_never_raises(text: str, charset: str | None) -> None:
    assert isinstance(extract(text.encode("utf-8", "surrogatepass"), charset=charset), Article)
