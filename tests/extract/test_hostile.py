"""Hostile documents small enough to pass the size limit: each is extracted or refused
with a reason, never hangs (a generous 20 s bound, run in a child process so that a
runaway regex cannot hold the test up) and never takes the machine's memory."""

from __future__ import annotations

import multiprocessing

import pytest

from scraper import Article, extract

ARTICLE = "<p>" + "The council voted to build new flood barriers along the river. " * 5 + "</p>"
NO_HANG_SECONDS = 20


def _extract_in_child(html: bytes) -> Article:
    with multiprocessing.get_context("fork").Pool(1) as pool:
        return pool.apply_async(extract, (html,)).get(timeout=NO_HANG_SECONDS)


def _page(body: str) -> bytes:
    return f"<html><body><article>{body}</article></body></html>".encode()


def test_unclosed_formatting_tags_copied_into_every_paragraph_are_refused() -> None:
    opens = "".join(f'<b class="f{i}">' for i in range(2000))
    article = _extract_in_child(_page("<p>" + opens + "<p>x" * 2000))
    assert article.text == ""
    assert "hostile input" in (article.reason or "") and "formatting" in (article.reason or "")


def test_a_few_unclosed_formatting_tags_are_read_as_usual() -> None:
    article = _extract_in_child(_page("<b><i>" + ARTICLE * 3 + "<p>More text.</p>" * 50))
    assert "flood barriers" in article.text


@pytest.mark.parametrize("valued", [True, False])
def test_an_element_with_forty_thousand_attributes_is_refused(valued: bool) -> None:
    attributes = " ".join(f"a{i}=1" if valued else f"a{i}" for i in range(40_000))
    article = _extract_in_child(_page(f"<div {attributes}>{ARTICLE}</div>"))
    assert article.text == ""
    assert "40,000 attributes" in (article.reason or "")


def test_too_many_attributes_after_a_long_script_are_refused_and_inside_one_are_not() -> None:
    attributes = " ".join(f"a{i}=1" for i in range(6000))
    script = f"<script>var data = {{{'1,' * 20_000}}}; var html = '<div {attributes}>';</script>"
    refused = _extract_in_child(_page(script + f"<div {attributes}>{ARTICLE}</div>"))
    assert "6,000 attributes" in (refused.reason or "")
    assert "flood barriers" in _extract_in_child(_page(script + ARTICLE)).text


@pytest.mark.parametrize("offset", [0, 1, 4_996, 4_997, 5_000, 9_999, 10_000, 12_345])
def test_an_element_with_too_many_attributes_is_refused_wherever_it_starts(offset: int) -> None:
    # The guard looks for long tags from the stretches of the page without a `<`: a tag is
    # found whatever its position, and as long a text with no tag is no tag.
    attributes = " ".join(f"a{i}" for i in range(5_001))
    refused = _extract_in_child(_page("x" * offset + f"<div {attributes}>{ARTICLE}</div>"))
    assert "5,001 attributes" in (refused.reason or "")
    text = _extract_in_child(_page("x" * offset + "<p>" + "word " * 3_000 + f"</p>{ARTICLE}"))
    assert "flood barriers" in text.text


def test_two_hundred_thousand_sibling_paragraphs_are_refused() -> None:
    article = _extract_in_child(_page("<p>a</p>" * 200_000))
    assert article.text == ""
    assert "200,0" in (article.reason or "") and "elements" in (article.reason or "")


def test_a_related_heading_followed_by_forty_thousand_dots_keeps_the_article() -> None:
    article = _extract_in_child(_page(ARTICLE * 150 + "<h2>Related Posts</h2><p>" + "." * 40_000 + "x</p>"))
    assert "flood barriers" in article.text


def test_a_byline_like_line_that_cannot_match_does_not_backtrack_for_ever() -> None:
    article = _extract_in_child(_page("<p>By A" + "Ae" * 200 + "!</p>" + ARTICLE * 3))
    assert "flood barriers" in article.text


def test_many_comments_before_a_lowercase_doctype_are_read_as_a_page() -> None:
    html = ("<!-- c -->" * 40 + "<!doctype html><html><body><article>" + ARTICLE * 3).encode()
    assert "flood barriers" in _extract_in_child(html).text


def test_thousands_of_unclosed_meta_tags_do_not_slow_charset_detection() -> None:
    html = b"<html><head>" + b"<meta" * 3_000 + b"><body><article>" + ARTICLE.encode() * 3
    assert "flood barriers" in _extract_in_child(html).text


@pytest.mark.parametrize("page", ["http://127.0.0.1:9/admin", "https://169.254.169.254/latest/meta-data/"])
def test_a_page_that_is_an_address_is_never_fetched(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """htmldate downloads a string it takes for a URL: extraction must make no request."""
    import htmldate.utils

    fetched: list[str] = []
    monkeypatch.setattr(htmldate.utils, "fetch_url", lambda url: fetched.append(url))
    for html in (page, page.encode()):
        extract(html)
    assert fetched == []
