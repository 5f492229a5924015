"""The single entry point of extraction: decode, parse, prune, extract, tidy."""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from . import _rules
from ._article import Article, TextBlock
from ._decode import decode_html
from ._language import article_language
from ._metadata import Metadata, read_metadata
from ._prune import prune
from ._settings import DEFAULT_MAX_HTML_BYTES, MAX_NESTING_DEPTH
from ._tidy import PageFacts, body_blocks, tidy, words

# File signatures of formats that are sometimes served or saved in place of HTML.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data (decompress it first)",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x00": "binary data",
}
# Bytes that text holds (all but the C0 controls other than tab, newlines and form feed),
# and how many control bytes (one in N) make the start of a file binary, not damaged text.
_TEXT_BYTES = bytes(sorted(set(range(256)) - set(range(0x09)) - set(range(0x0E, 0x20))))
_MAX_CONTROL_BYTES_RATIO = 50
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_MIN_ALT_TEXT_CHARS = 15
# A text of at least this many lines, half of them this short, is a menu, not an article.
_MIN_MENU_LINES = 8
_MAX_MENU_LINE_WORDS = 3


def _binary_kind(data: bytes) -> str | None:
    """What binary format `data` is, when it is plainly not text."""
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    head = data[:1024]
    if len(head.translate(None, _TEXT_BYTES)) > len(head) // _MAX_CONTROL_BYTES_RATIO:
        return "binary data"
    return None


def _nesting_depth_bound(text: str) -> int:
    """An upper bound on element nesting, in a few C-speed passes: opening tags minus
    closing ones, counted between one closing tag and the next."""
    depth = peak = 0
    for chunk in text.split("</"):
        depth += chunk.count("<") - 1
        peak = max(peak, depth)
    return peak


def _exact_nesting_depth(text: str) -> int:
    """Element nesting, counting only tags that can hold others (run on suspect pages only)."""
    void = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr", "p", "li", "option", "dt", "dd", "td", "tr", "th"}  # fmt: skip
    depth = peak = 0
    for closing, name in re.findall(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)", text):
        if name.lower() in void:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        peak = max(peak, depth)
    return peak


def _refusal(html: bytes | str, max_bytes: int) -> str | None:
    """Why this input is not extracted at all, or None when it is worth parsing."""
    if len(html) > max_bytes:
        return (
            f"input too large: {len(html):,} bytes is over the limit of {max_bytes:,}; "
            "pass a larger max_bytes to extract it"
        )
    if not html.strip():
        return "empty input: there is no HTML to extract from"
    if isinstance(html, bytes) and (kind := _binary_kind(html)):
        return f"not HTML: the input is {kind}"
    return None


def _extract(html: bytes | str, url: str | None, charset: str | None, max_bytes: int) -> Article:
    if (reason := _refusal(html, max_bytes)) is not None:
        return Article(url=url, reason=reason)
    text = decode_html(html, charset) if isinstance(html, bytes) else html
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub("", text)
    if _nesting_depth_bound(text) > MAX_NESTING_DEPTH:
        depth = _exact_nesting_depth(text)
        if depth > MAX_NESTING_DEPTH:
            return Article(
                url=url,
                reason=f"hostile input: elements nested {depth:,} deep (the limit is "
                f"{MAX_NESTING_DEPTH:,}); no real page is, so it was not parsed",
            )
    tree = LexborHTMLParser(text)
    metadata = read_metadata(tree, url, text)
    facts = PageFacts(
        headlines=_headlines(tree, metadata),
        image_texts=_image_texts(tree),
        addresses=frozenset(filter(None, (url, metadata.canonical_url))),
    )
    prune(tree, text)
    pruned = f"<html>{tree.body.html if tree.body is not None else ''}</html>"
    return _article(_body_text(pruned, text, url, facts), url, metadata)


def _headlines(tree: LexborHTMLParser, metadata: Metadata) -> frozenset[tuple[str, ...]]:
    """The page's headline in all the forms it takes: metadata title, `<h1>`, `<title>`."""
    texts = [metadata.title or ""]
    texts += [node.text() for node in tree.css("h1, title")]
    texts += [node.attributes.get("content") or "" for node in tree.css('meta[property="og:title"]')]
    return frozenset(w for w in map(words, texts) if w)


def _image_texts(tree: LexborHTMLParser) -> frozenset[str]:
    """Alt texts of the page's images, which some themes also print as text."""
    texts = (_rules.normalise_phrase(img.attributes.get("alt") or "") for img in tree.css("img[alt]"))
    return frozenset(text for text in texts if len(text) >= _MIN_ALT_TEXT_CHARS)


def _main_text(html: str, url: str | None, facts: PageFacts, *, fast: bool) -> tuple[TextBlock, ...]:
    document = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=False, fast=fast
    )
    body = getattr(document, "body", None)
    return tidy(body_blocks(body), facts) if body is not None else ()


def _looks_like_link_list(blocks: tuple[TextBlock, ...]) -> bool:
    """True for text that is mostly one- to three-word lines: a menu picked by mistake."""
    lines = [line for block in blocks for line in block.text.splitlines()]
    if len(lines) < _MIN_MENU_LINES:
        return False
    return statistics.median(len(line.split()) for line in lines) <= _MAX_MENU_LINE_WORDS


def _body_text(
    pruned_html: str, original_html: str, url: str | None, facts: PageFacts
) -> tuple[TextBlock, ...]:
    """The article's blocks: trafilatura's fast pass on the pruned page; its full pass when
    that found nothing or a menu; the unpruned page when pruning left nothing to find."""
    blocks = _main_text(pruned_html, url, facts, fast=True)
    if not blocks or _looks_like_link_list(blocks):
        blocks = _main_text(pruned_html, url, facts, fast=False) or blocks
    if not blocks:
        blocks = _main_text(original_html, url, facts, fast=True)
    return blocks


def _article(blocks: tuple[TextBlock, ...], url: str | None, metadata: Metadata) -> Article:
    article = Article(
        url=url,
        title=metadata.title,
        author=metadata.author,
        authors=metadata.authors,
        published=metadata.published,
        modified=metadata.modified,
        language=metadata.language,
        site_name=metadata.site_name,
        canonical_url=metadata.canonical_url,
        image=metadata.image,
        description=metadata.description,
        tags=metadata.tags,
        categories=metadata.categories,
    )
    if not blocks:
        return replace(article, reason="no article text found on the page")
    article = article.with_blocks(blocks)
    return replace(article, language=article_language(metadata.language, article.text))


def extract_article(
    html: bytes | str,
    url: str | None = None,
    *,
    charset: str | None = None,
    max_bytes: int = DEFAULT_MAX_HTML_BYTES,
) -> Article:
    """`scraper.extract.extract`, whose docstring says what it does."""
    if isinstance(html, bytearray | memoryview):
        html = bytes(html)
    if not isinstance(html, bytes | str):
        raise TypeError(f"extract() takes the page as bytes or str, not {type(html).__name__}")
    try:
        return _extract(html, url, charset, max_bytes)
    except Exception as error:
        return Article(url=url, reason=f"extraction failed: {type(error).__name__}: {error}")
