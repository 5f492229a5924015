"""Pages as bytes are decoded as a browser would: BOM, HTTP charset, <meta charset>, detection."""

import codecs

import pytest

from scraper import extract
from scraper.extract._decode import charset_from_content_type, decode_html, decode_page

FRENCH = "Le café de la gare a rouvert ses portes, à la grande joie des habitués. " * 4
JAPANESE = "東京都は月曜日、新しい防災計画を発表した。川沿いの地域では、住民の避難訓練が行われる予定だ。" * 4
CHINESE = "市政府周一宣布了新的防洪计划，沿河地区将修建新的堤坝和泵站，居民对此表示欢迎。" * 4


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><article><p>{body}</p></article></body></html>"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(FRENCH, "cp1252"), (JAPANESE, "shift_jis"), (CHINESE, "gb18030"), (FRENCH, "utf-8")],
)
def test_undeclared_pages_are_detected(text: str, encoding: str) -> None:
    assert decode_html(_page(text).encode(encoding)) == _page(text)


def test_byte_order_mark_wins_over_everything() -> None:
    data = "\ufeff".encode("utf-16-le") + _page(FRENCH, '<meta charset="iso-8859-1">').encode("utf-16-le")
    assert FRENCH in decode_html(data, charset="shift_jis")


def test_http_charset_wins_over_meta_charset() -> None:
    data = _page(FRENCH, '<meta charset="utf-8">').encode("cp1252")
    assert FRENCH in decode_html(data, charset="windows-1252")


def test_meta_charset_is_used() -> None:
    data = _page(JAPANESE, '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    assert JAPANESE in decode_html(data.encode("shift_jis"))


def test_latin1_label_means_windows_1252_as_in_browsers() -> None:
    data = _page("“Quoted” – dash", '<meta charset="iso-8859-1">').encode("cp1252")
    assert "“Quoted” – dash" in decode_html(data)


@pytest.mark.parametrize("label", ["no-such-charset", "utf-8"])
def test_a_declared_charset_the_bytes_do_not_fit_is_ignored(label: str) -> None:
    data = _page(FRENCH, f'<meta charset="{label}">').encode("cp1252")
    assert FRENCH in decode_html(data)


UTF8_META = '<meta charset="utf-8">'


@pytest.mark.parametrize(
    ("data", "exact"),
    [
        (_page(FRENCH).encode("utf-8"), True),
        (_page(JAPANESE, UTF8_META).encode("utf-8"), True),
        (_page(FRENCH).encode("cp1252"), False),
        (codecs.BOM_UTF8 + _page(FRENCH).encode("utf-8"), False),
        (_page(FRENCH, UTF8_META).encode("utf-8").replace(b"caf\xc3\xa9", b"caf\xe9"), False),
    ],
    ids=["utf-8", "declared-utf-8", "cp1252", "bom", "stray-byte"],
)
def test_the_bytes_go_to_the_parser_only_when_they_are_the_texts_utf8(data: bytes, exact: bool) -> None:
    text, utf8 = decode_page(data)
    assert text == decode_html(data)
    assert utf8 == (text.encode("utf-8") if exact else None)


def test_charset_from_content_type() -> None:
    assert charset_from_content_type('text/html; charset="Shift_JIS"') == "Shift_JIS"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None


def test_extract_decodes_bytes_and_takes_a_charset() -> None:
    article = extract(_page(FRENCH).encode("cp1252"), charset="windows-1252")
    assert article.text == FRENCH.strip()
