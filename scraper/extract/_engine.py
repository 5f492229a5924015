"""The single entry point of extraction: decode, parse, prune, extract, tidy."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import fields, replace
from typing import Literal

import trafilatura
from lxml.etree import _Element
from selectolax.lexbor import LexborHTMLParser

from . import _rules
from ._article import Article, TextBlock, lines_of
from ._cards import with_missing_cards
from ._decode import decode_page
from ._gaps import with_gap_runs
from ._guards import input_refusal, markup_refusal
from ._language import article_language, count_words, identifier, latin_width
from ._lxml import Html, html_tree
from ._metadata import Metadata, read_metadata
from ._prune import Pruning, boxes_of_kind, is_prose_line, prune, prune_structure
from ._settings import (
    DEFAULT_MAX_HTML_BYTES,
    FALLBACK_MAX_CHARS,
    FALLBACK_MIN_GAIN,
    FALLBACK_MIN_LINE_CHARS,
    LOST_LIST_ROWS,
    LOST_SPEC_LINES,
    MAX_LOST_PROSE_SHARE,
    MAX_LOST_PROSE_WORDS,
    MIN_EXTRACTED_PROSE_SHARE,
    MIN_SURE_WORDS,
    NAMED_FAST_RECHECK_SHARE,
    NAMED_RECHECK_SHARE,
    PROSE_RECHECK_CHARS,
    RECALL_RETRY_GAIN,
    RECALL_RETRY_MAX_CHARS,
    RECALL_RETRY_PAGE_SHARE,
    SPLIT_BOX_KEPT_LINES,
    SPLIT_BOX_MIN_GAIN,
)
from ._tidy import PageFacts, body_blocks, tidy, words

# The language model loads with the engine (half a second), not on the first page: the
# crawl's fork server imports this module once and its workers start with it loaded.
identifier()
_NUMBER = re.compile(r"\d+")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters one by one: looking for each at C speed (`in`) takes a third of the
# time of the class's search over a page that has none of them, as nearly all have none.
_CONTROL_CHAR_LIST = tuple(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]))
# Alt texts shorter than this (as Latin text: see `latin_width`) are labels, not descriptions.
_MIN_ALT_TEXT_CHARS = 15
# A text of at least this many lines, half of them this short, is a menu, not an article.
_MIN_MENU_LINES = 8
_MAX_MENU_LINE_WORDS = 3


def _extract(html: bytes | str, url: str | None, charset: str | None, max_bytes: int) -> Article:
    if (reason := input_refusal(html, max_bytes)) is not None:
        return Article(url=url, reason=reason)
    text, utf8 = decode_page(html, charset) if isinstance(html, bytes) else (html, None)
    if any(char in text for char in _CONTROL_CHAR_LIST):
        text, utf8 = _CONTROL_CHARS.sub("", text), None
    if (reason := markup_refusal(text)) is not None:
        return Article(url=url, reason=reason)
    # The parser reads UTF-8: the page's bytes, when they are its text's, are not encoded again.
    source = text if utf8 is None else utf8
    tree = LexborHTMLParser(source)
    metadata = read_metadata(tree, url, text)
    facts = PageFacts(
        headlines=_headlines(tree, metadata),
        image_texts=_image_texts(tree),
        addresses=frozenset(filter(None, (url, metadata.canonical_url))),
    )
    pruning = prune(tree)
    pruned = _page_for_trafilatura(tree)
    blocks = _or_all_boxes(_body_text(pruned, source, url, facts, pruning), tree, facts, pruning)
    blocks = with_missing_cards(with_gap_runs(blocks, tree, facts), tree, facts)
    return _article(blocks, url, metadata)


def _headlines(tree: LexborHTMLParser, metadata: Metadata) -> frozenset[tuple[str, ...]]:
    """The page's headline in all the forms it takes: metadata title, `<h1>`, `<title>`."""
    texts = [metadata.title or ""]
    texts += [node.text() for node in tree.css("h1, title")]
    texts += [node.attributes.get("content") or "" for node in tree.css('meta[property="og:title"]')]
    return frozenset(w for w in map(words, texts) if w)


def _image_texts(tree: LexborHTMLParser) -> frozenset[str]:
    """Alt texts of the page's images, which some themes also print as text."""
    texts = (_rules.normalise_phrase(img.attributes.get("alt") or "") for img in tree.css("img[alt]"))
    return frozenset(text for text in texts if latin_width(text) >= _MIN_ALT_TEXT_CHARS)


def _main_text(
    html: Html, url: str | None, facts: PageFacts, page_chars: int = 0, *, fast: bool = False
) -> tuple[TextBlock, ...]:
    """trafilatura's extraction of `html` (a tree: see `html_tree`), tidied: the full one
    (with its fallback comparison) unless `fast`. The extraction of a pruned page is
    retried for recall when it covers little of the page as it was before pruning
    (`page_chars` long: see `RECALL_RETRY_PAGE_SHARE`); a page with its named junk left in
    (`page_chars` 0) is not: recall mode would take that junk too."""
    body = _trafilatura_body(html, url, fast=fast)
    length = _body_chars(body)
    if 0 < length < RECALL_RETRY_MAX_CHARS and length < RECALL_RETRY_PAGE_SHARE * page_chars:
        retry = _trafilatura_body(html, url, fast=fast, recall=True)
        if _body_chars(retry) > RECALL_RETRY_GAIN * length:
            body = retry
    return tidy(body_blocks(body), facts) if body is not None else ()


def _trafilatura_body(html: Html, url: str | None, *, fast: bool, recall: bool = False) -> _Element | None:
    """trafilatura's body of `html` (no comments, tables kept), in recall mode if `recall`."""
    # A text format: the body is read as a tree (`body_blocks`), and the default "python"
    # format would also render it as text.
    document = trafilatura.bare_extraction(
        html, url=url, fast=fast, favor_recall=recall, include_comments=False, include_tables=True,
        with_metadata=False, output_format="txt",
    )  # fmt: skip
    body: _Element | None = getattr(document, "body", None)
    return body


def _body_chars(body: _Element | None) -> int:
    """The length of trafilatura's body text, measured as trafilatura measures it."""
    return 0 if body is None else len(" ".join(body.itertext()).strip())


def _looks_like_link_list(blocks: tuple[TextBlock, ...]) -> bool:
    """True for text that is mostly one- to three-word lines: a menu picked by mistake."""
    lines = lines_of(blocks)
    if len(lines) < _MIN_MENU_LINES:
        return False
    return statistics.median(map(count_words, lines)) <= _MAX_MENU_LINE_WORDS


def _body_text(
    pruned: Html, original_html: str | bytes, url: str | None, facts: PageFacts, pruning: Pruning
) -> tuple[TextBlock, ...]:
    """The article's blocks: trafilatura's full extraction of the pruned page, unless
    there is evidence that pruning cost article text: then the extraction of the page
    less only what is junk by what it is (menus, footers, scripts; `prune_structure`)
    too, kept if it holds prose the pruned one lost."""
    # One parse of the pruned page serves every extraction of it: trafilatura copies a tree
    # before it changes anything.
    blocks = _main_text(pruned, url, facts, pruning.page_chars)
    short = _too_short(pruning, blocks)
    if (recheck := _whole_page_check(pruning, blocks)) is not None:
        unpruned = _main_text(_without_structure(original_html), url, facts, fast=recheck == "fast")
        if _pruning_cost_text(blocks, unpruned):
            blocks, short = unpruned, False
    return _or_all_paragraphs(blocks, pruned, facts, short=short)


def _or_all_boxes(
    blocks: tuple[TextBlock, ...], pruned: LexborHTMLParser, facts: PageFacts, pruning: Pruning
) -> tuple[TextBlock, ...]:
    """`blocks`, or every paragraph of all the boxes of the kind holding their first
    sentence, when the extraction holds less than the prose left on the `pruned` page and
    those boxes give `SPLIT_BOX_MIN_GAIN` times its text with `SPLIT_BOX_KEPT_LINES` of its
    lines: an article split over boxes of one kind, of which trafilatura picked one."""
    if not blocks or _chars(blocks) >= pruning.prose_left:
        return blocks
    lines = lines_of(blocks)
    first = next(filter(is_prose_line, lines), None)
    boxes = boxes_of_kind(pruned, first) if first is not None else []
    if len(boxes) < 2:
        return blocks
    body, _, _ = trafilatura.baseline(
        html_tree("<html><body>" + "".join(box.html or "" for box in boxes) + "</body></html>")
    )
    whole = tidy(body_blocks(body), facts)
    if _chars(whole) < SPLIT_BOX_MIN_GAIN * _chars(blocks):
        return blocks
    have = set(lines_of(whole))
    return whole if sum(line in have for line in lines) >= SPLIT_BOX_KEPT_LINES * len(lines) else blocks


def _without_structure(html: str | bytes) -> Html:
    """The page less only what is junk by what it is (`prune_structure`)."""
    tree = LexborHTMLParser(html)
    prune_structure(tree)
    return _page_for_trafilatura(tree)


def _page_for_trafilatura(tree: LexborHTMLParser) -> Html:
    """The body of `tree` as the tree trafilatura reads (`html_tree`)."""
    return html_tree(f"<html>{tree.body.html if tree.body is not None else ''}</html>")


def _too_short(pruning: Pruning, blocks: tuple[TextBlock, ...]) -> bool:
    """Whether trafilatura's extraction holds much less than the prose the pruned page
    keeps: it picked one block of an article split in several."""
    return _chars(blocks) < MIN_EXTRACTED_PROSE_SHARE * pruning.prose_left


def _chars(blocks: tuple[TextBlock, ...]) -> int:
    return sum(len(block.text) for block in blocks)


def _lost_lines(kept: tuple[TextBlock, ...], other: tuple[TextBlock, ...]) -> list[str]:
    """The lines of `other` that `kept` lacks."""
    have = set(lines_of(kept))
    return [line for line in lines_of(other) if line not in have]


def _or_all_paragraphs(
    blocks: tuple[TextBlock, ...], pruned: Html, facts: PageFacts, *, short: bool
) -> tuple[TextBlock, ...]:
    """`blocks`, or every paragraph of the pruned page (trafilatura's baseline) when the
    extraction is short or small and the paragraphs hold several times as much text, in
    lines as long as sentences (not a menu's). Pruning already took the junk away, and an
    article, a thread or a list split in many sibling boxes defeats trafilatura's choice
    of one main block."""
    extracted = _chars(blocks)
    if not short and extracted >= FALLBACK_MAX_CHARS:
        return blocks
    body, _, length = trafilatura.baseline(pruned)
    if length < FALLBACK_MIN_GAIN * max(1, extracted):
        return blocks
    paragraphs = tidy(body_blocks(body), facts)
    lines, chars = lines_of(paragraphs), _chars(paragraphs)
    if not lines or chars < FALLBACK_MIN_GAIN * max(1, extracted):
        return blocks
    return paragraphs if chars / len(lines) >= FALLBACK_MIN_LINE_CHARS else blocks


def _whole_page_check(pruning: Pruning, blocks: tuple[TextBlock, ...]) -> Literal["full", "fast"] | None:
    """How the page is extracted again, less only its structural junk, to check that
    pruning cost no article text: "full"
    on strong evidence that it did (trafilatura found nothing, or much less than the prose
    left on the pruned page, or pruning removed prose on the weak evidence of class names
    or left a menu, or it removed more prose than it left, or the extraction is short and
    holds no prose), "fast" on weaker evidence (most text went on class names alone: a
    forum's posts named "comment"), and not at all otherwise (the check costs more than
    the first extraction: that page is larger)."""
    if not blocks or _too_short(pruning, blocks) or _short_without_prose(blocks):
        return "full"
    named = pruning.named_share > NAMED_RECHECK_SHARE
    # Pruning removed more prose than it left: whatever the evidence it went on.
    removed_most = pruning.prose_chars > pruning.prose_left
    if pruning.prose_chars > PROSE_RECHECK_CHARS and (named or removed_most or _looks_like_link_list(blocks)):
        return "full"
    return "fast" if pruning.named_share > NAMED_FAST_RECHECK_SHARE else None


def _short_without_prose(blocks: tuple[TextBlock, ...]) -> bool:
    """Whether the extraction is short (under `MIN_SURE_WORDS`) and holds no sentence of
    prose: a product's table of variants or prices, picked because pruning a box made
    trafilatura choose another block; a short article holds sentences."""
    # Sentences first: nearly every extraction holds one, and counting words costs more.
    return not any(map(is_prose_line, lines_of(blocks))) and _word_count(blocks) < MIN_SURE_WORDS


def _word_count(blocks: tuple[TextBlock, ...]) -> int:
    return sum(count_words(block.text) for block in blocks)


def _pruning_cost_text(pruned: tuple[TextBlock, ...], unpruned: tuple[TextBlock, ...]) -> bool:
    """Whether the unpruned extraction is the better one: the pruned page gave nothing, or
    the unpruned extraction holds enough prose lines the pruned one lacks, or a list's rows
    or a product's specification lines it lacks while it holds no prose the unpruned one
    lacks (rows and specifications never replace prose)."""
    if not pruned:
        return True
    words = _word_count(pruned)
    lost = _lost_lines(pruned, unpruned)
    if _much_prose(lost, words):
        return True
    if not (_lost_rows(lost, words) or _lost_specifications(lost)):
        return False
    return not _much_prose(_lost_lines(unpruned, pruned), _word_count(unpruned))


def _lost_specifications(lost: list[str]) -> bool:
    """Whether the `lost` lines hold at least `LOST_SPEC_LINES` "label: value" lines
    (`_rules.SPEC_LINE`: "Weight: 700 g", "Material: Alder"): a product's specifications,
    left out when pruning a box made trafilatura pick another block."""
    return sum(_rules.SPEC_LINE.fullmatch(line) is not None for line in lost) >= LOST_SPEC_LINES


def _lost_rows(lost: list[str], pruned_words: int) -> bool:
    """Whether a short pruned extraction (of `pruned_words`) lost the rows of a list: the
    `lost` lines hold lines of one shape but for their numbers (prices, item numbers,
    dates), at least `LOST_LIST_ROWS` of them, and more words than the pruned extraction has."""
    if pruned_words >= MIN_SURE_WORDS or sum(map(count_words, lost)) < pruned_words:
        return False
    shapes = Counter(_NUMBER.sub("0", line) for line in lost if _NUMBER.search(line))
    return sum(count for count in shapes.values() if count > 1) >= LOST_LIST_ROWS


def _much_prose(lines: list[str], words: int) -> bool:
    """Whether `lines` hold more prose than `MAX_LOST_PROSE_WORDS` words, or than
    `MAX_LOST_PROSE_SHARE` of an extraction of `words`."""
    prose = sum(count_words(line) for line in lines if is_prose_line(line))
    return prose > max(MAX_LOST_PROSE_WORDS, MAX_LOST_PROSE_SHARE * words)


def _article(blocks: tuple[TextBlock, ...], url: str | None, metadata: Metadata) -> Article:
    article = Article(url=url, **{field.name: getattr(metadata, field.name) for field in fields(Metadata)})
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
