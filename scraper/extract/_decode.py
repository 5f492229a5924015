"""Turning the bytes of a page into text: BOM, declared charset, `<meta charset>`, detection."""

from __future__ import annotations

import codecs
import re

from ._settings import (
    CHARSET_SNIFF_BYTES,
    MAX_INVALID_UTF8_SHARE,
    META_CHARSET_SCAN_BYTES,
    WESTERN_CHARS_SHARE,
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
# `[^<>]` keeps each search attempt within one tag, so the scan is linear whatever the page.
_META_CHARSET = re.compile(rb"""<meta[^<>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
_CONTENT_TYPE_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.I)

# Letters, signs and punctuation of the Western European languages in windows-1252.
_WESTERN_CHARS = frozenset("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒ"
                           "€£¥©®°±ºª«»¡¿‘’‚“”„–—…•·§¶\u00a0")  # fmt: skip

# Labels that browsers read as another encoding (WHATWG Encoding Standard).
_BROWSER_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-sjis": "shift_jis",
    "x-gbk": "gb18030",
}


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    match = _CONTENT_TYPE_CHARSET.search(content_type)
    return match.group(1) if match else None


def _codec_name(label: str | None) -> str | None:
    """Python's codec for a charset label, or None when the label names no known codec."""
    if not label:
        return None
    label = label.strip().lower()
    label = _BROWSER_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try_decode(data: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 with its few invalid bytes replaced, when nearly all of its non-ASCII
    bytes are valid UTF-8 (a UTF-8 page with a stray Latin-1 byte or a cut sequence)."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(data) - len(data.decode("ascii", errors="ignore"))
    return text if invalid <= MAX_INVALID_UTF8_SHARE * non_ascii else None


def _western_european(data: bytes) -> str | None:
    """`data` as windows-1252 when the characters that gives are nearly all the letters and
    punctuation of Western European languages (statistical detection, on short texts, often
    reads Italian or Spanish as windows-1250 or Turkish)."""
    text = _try_decode(data, "cp1252")
    if text is None:
        return None
    non_ascii = [char for char in text if char > "\x7f"]
    western = sum(char in _WESTERN_CHARS for char in non_ascii)
    return text if non_ascii and western >= WESTERN_CHARS_SHARE * len(non_ascii) else None


def _detect(data: bytes) -> tuple[str, bool]:
    """Decode a page that declares no (usable) charset; True with the text when it is the
    page read as UTF-8."""
    if utf8 := _try_decode(data, "utf-8"):
        return utf8, True
    if (text := _western_european(data)) is not None:
        return text, False
    from charset_normalizer import from_bytes  # here: a run's fetching process never needs it

    best = from_bytes(data[:CHARSET_SNIFF_BYTES]).best()
    codec = _codec_name(best.encoding) if best is not None else None
    return data.decode(codec or "cp1252", errors="replace"), False


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode HTML bytes the way a browser would, never failing.

    Order: a byte order mark; the `charset` given (from HTTP headers); `<meta charset>`;
    then detection (UTF-8 first, windows-1252 for Western European text, then statistical
    detection). A declared charset the bytes do not fit is ignored rather than trusted,
    except UTF-8 when nearly all the bytes are valid UTF-8 (the few bad ones are replaced).
    """
    return _decoded(data, charset)[0]


def decode_page(data: bytes, charset: str | None = None) -> tuple[str, bytes | None]:
    """The page's text (`decode_html`), and `data` when the text is `data` read as UTF-8
    exactly (most pages; None otherwise): a parser that reads UTF-8 is given the bytes
    rather than the text encoded again."""
    text, exact = _decoded(data, charset)
    return text, data if exact else None


def _decoded(data: bytes, charset: str | None) -> tuple[str, bool]:
    """`decode_html`'s text, and whether it is `data` read as UTF-8 exactly (no byte order
    mark, no byte replaced)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), False
    match = _META_CHARSET.search(data[:META_CHARSET_SCAN_BYTES])
    declared = _codec_name(match.group(1).decode("ascii", "replace")) if match else None
    if declared and declared.startswith(("utf-16", "utf-32")):
        declared = "utf-8"  # a page that can declare itself in ASCII is not UTF-16
    for candidate in (_codec_name(charset), declared):
        if (decoded := _try_decode(data, candidate)) is not None:
            return decoded, candidate == "utf-8"
        if candidate == "utf-8" and (decoded := _mostly_utf8(data)) is not None:
            return decoded, False
    return _detect(data)
