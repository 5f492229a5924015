"""Turning trafilatura's body into text blocks, and dropping the junk lines left in them."""

from __future__ import annotations

import functools
import itertools
import operator
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from lxml.etree import _Element

from . import _rules
from ._article import BlockKind, TextBlock, lines_of
from ._language import count_words, latin_width
from ._prune import SENTENCE_CLOSERS, SENTENCE_MARKS, is_prose_line, is_sentence, junk_heading_kind
from ._settings import ITEM_NAMES_MIN_SHARE, LISTING_MIN_ITEMS, MIN_COPY_PROSE_CHARS, MIN_COPY_PROSE_LINES

# The line rules at the text's edges, and those that apply anywhere.
_EDGE_LINES = _rules.compile_table(_rules.JUNK_LINES)
_LINES = _rules.compile_table(_rules.JUNK_LINES, leave_out=_rules.EDGE_ONLY_LINE_KINDS)
_CASED_EDGE_LINES = _rules.compile_table(_rules.CASED_JUNK_LINES, flags=0)
_CASED_LINES = _rules.compile_table(_rules.CASED_JUNK_LINES, flags=0, leave_out=_rules.EDGE_ONLY_LINE_KINDS)
_BLOCK_KINDS: dict[str, BlockKind] = {
    "p": "paragraph", "head": "heading", "list": "list", "table": "table",
    "quote": "quote", "code": "code",
}  # fmt: skip
# Runs of spaces, each folded to one " ": any run but a lone " ", which is left as it is
# (replacing it by itself would cost a substitution a word).
_SPACE = r"[ \t\u00a0\u2009\u202f]"
_INLINE_SPACES = re.compile(rf"[\t\u00a0\u2009\u202f]{_SPACE}*| {_SPACE}+")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])\W*\Z")
# A teaser's line ends cut off with an ellipsis, or with no sentence's end (a title).
_TEASER_END = re.compile(_ELLIPSIS_END.pattern + rf"|[^{SENTENCE_MARKS}{SENTENCE_CLOSERS}:;：；]\Z")
_TOKEN = re.compile(r"\w+")
_SOFT_HYPHEN = "\u00ad"
# Between the cells of a table row: a row of several cells is data, and no line rule
# applies to it; a row of one cell is layout, and its lines are read like the body's.
CELL_SEPARATOR = " | "
# trafilatura's elements that stand on lines of their own inside another: list items,
# table rows, and the paragraphs, headings and lists nested in an item.
_LINE_TAGS = frozenset({"item", "row", "p", "head", "list", "quote"})
# Blocks whose lines are never junk lines: code listings are printed as they are.
_VERBATIM_KINDS = frozenset({"code"})
# How many blocks at each end of the text are searched for bylines and datelines.
_EDGE_BLOCKS = 2


def _element_text(element: _Element) -> str:
    """Text of a trafilatura element, `<lb/>` as a line break, items, rows and the blocks
    nested in them on lines of their own ("Get started<p>This page will...</p>" is a
    title and a description, not "startedThis")."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _LINE_TAGS:
            parts.append("\n" + _element_text(child) + "\n")
        elif child.tag == "cell":
            parts.append(CELL_SEPARATOR + _element_text(child))
        else:
            parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean_lines(text: str) -> list[str]:
    """Lines in Unicode's composed form (NFC), soft hyphens dropped, spaces folded."""
    text = _INLINE_SPACES.sub(" ", unicodedata.normalize("NFC", text.replace(_SOFT_HYPHEN, "")))
    # The runs of spaces folded hold no line break: folded in the whole text, as in each line.
    lines = (line.strip(" |") for line in text.split("\n"))
    return [line for line in lines if line]


def body_blocks(body: _Element) -> list[TextBlock]:
    """trafilatura's `<body>` as text blocks, empty ones left out.

    Text can stand loose between elements (as `body.text` and element tails): it is a
    paragraph of its own."""
    pieces: list[tuple[BlockKind, str]] = [("paragraph", body.text or "")]
    for element in body:
        pieces.append((_BLOCK_KINDS.get(str(element.tag), "paragraph"), _element_text(element)))
        pieces.append(("paragraph", element.tail or ""))
    blocks = []
    for kind, text in pieces:
        if lines := _clean_lines(text):
            blocks.append(TextBlock(kind, "\n".join(lines)))
    return blocks


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What is known of the page that tells junk lines apart: its headlines and alt texts."""

    headlines: frozenset[tuple[str, ...]]  # as word sequences, from <title>, og:title, <h1>...
    image_texts: frozenset[str]
    addresses: frozenset[str] = frozenset()  # the page's own URLs, printed by share widgets


def words(text: str) -> tuple[str, ...]:
    """The lower-cased word sequence of `text`, to compare texts whatever their punctuation."""
    return tuple(_TOKEN.findall(text.lower()))


@functools.lru_cache(maxsize=4096)
def _phrase(line: str) -> str:
    """`normalise_phrase` of a line, cached: a line is compared with the alt texts, then
    matched as a junk line, and comes back in the page's other extractions."""
    return _rules.normalise_phrase(line)


@functools.lru_cache(maxsize=4096)
def line_junk_kind(line: str, at_edge: bool) -> str | None:
    """The kind of junk this whole line is, or None when it may be article text. Cached:
    a page's lines come back in its second extraction and its fallbacks."""
    if len(line) > _rules.MAX_CAPTION_CHARS:
        return None
    if kind := _rules.matched_kind(_CASED_EDGE_LINES if at_edge else _CASED_LINES, line):
        return kind
    phrase = _phrase(line)
    if len(phrase) > _rules.MAX_JUNK_LINE_CHARS:
        return None
    if at_edge and _rules.DATELINE.fullmatch(phrase):
        return "dateline"
    return _rules.matched_kind(_EDGE_LINES if at_edge else _LINES, phrase)


def _is_teaser_line(line: str) -> bool:
    """A line after a junk heading that is a headline or excerpt, not a sentence of the body."""
    return len(line) <= _rules.MAX_CAPTION_CHARS and bool(_TEASER_END.search(line[-_rules.ENDING_CHARS :]))


def _is_verbatim(block: TextBlock, line: str) -> bool:
    """Lines no rule applies to: code, and the rows of data tables."""
    return block.kind in _VERBATIM_KINDS or (block.kind == "table" and CELL_SEPARATOR in line)


def _kept_lines(blocks: list[TextBlock], facts: PageFacts) -> Iterator[tuple[int, str]]:
    """(block index, line) for every line that is not junk. A list's item is never taken
    for a section's heading ("More on query planning by Jane Doe" is a link of the list)."""
    in_junk_section = False
    for index, block in enumerate(blocks):
        at_edge = index < _EDGE_BLOCKS or index >= len(blocks) - 1
        for line in filter(str.strip, block.text.split("\n")):
            if _is_verbatim(block, line):
                in_junk_section = False
                yield index, line
                continue
            if in_junk_section and _is_teaser_line(line):
                continue
            heading_kind = None if is_sentence(line) or block.kind == "list" else junk_heading_kind(line)
            in_junk_section = heading_kind in _rules.TRAILING_SECTION_KINDS
            if heading_kind or not _is_body_line(line, at_edge, facts, block.kind):
                continue
            yield index, line


def _is_excerpt(line: str) -> bool:
    """A teaser's excerpt: a run of text cut off with an ellipsis ("Engineers have warned…")."""
    return (
        _ELLIPSIS_END.search(line[-_rules.ENDING_CHARS :]) is not None
        and len(line) <= _rules.MAX_CAPTION_CHARS
        and latin_width(line) >= _rules.MIN_EXCERPT_CHARS
    )


def _is_teaser_title(line: str) -> bool:
    """A teaser's title: short, and no sentence (nor an excerpt)."""
    return len(line) <= _rules.MAX_TEASER_TITLE_CHARS and not is_sentence(line) and not _is_excerpt(line)


def _trailing_teasers_start(lines: list[tuple[int, str]], blocks: list[TextBlock]) -> tuple[int, int]:
    """Where the run of teasers (an excerpt, each perhaps after its title) closing the text
    starts, and how many teasers it holds."""
    start, teasers = len(lines), 0
    while (
        start > 0 and _is_excerpt(lines[start - 1][1]) and not _is_verbatim(blocks[lines[start - 1][0]], "")
    ):
        start, teasers = start - 1, teasers + 1
        if start > 0 and _is_teaser_title(lines[start - 1][1]):
            start -= 1
    return start, teasers


def _without_trailing_teasers(lines: list[tuple[int, str]], blocks: list[TextBlock]) -> list[tuple[int, str]]:
    """The lines without a run of teasers closing the text after the article's prose (a list
    of other stories with no heading of its own). A run goes only when it holds at least
    `MIN_TEASER_RUN` teasers, follows a sentence of prose, is shorter than the text before
    it and that text holds no excerpt itself: on a listing page, teasers are the text."""
    start, teasers = _trailing_teasers_start(lines, blocks)
    if teasers < _rules.MIN_TEASER_RUN:
        return lines
    before, run = lines[:start], lines[start:]
    if any(_is_excerpt(line) for _, line in before):
        return lines
    if not any(is_prose_line(line) for _, line in before):
        return lines
    words_before = sum(count_words(line) for _, line in before)
    return before if sum(count_words(line) for _, line in run) < words_before else lines


def _without_repeated_copies(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines without a second copy of the text: a run of lines each printed before,
    holding at least `MIN_COPY_PROSE_LINES` sentences of prose and `MIN_COPY_PROSE_CHARS`
    of them (themes print the body again for print, mobile or a closed tab; a recipe's or
    a plan's repeated short steps, a pull quote, a repeated sentence stay)."""
    seen: set[str] = set()
    repeated = []
    for _, line in lines:
        repeated.append(line in seen)
        seen.add(line)
    kept: list[tuple[int, str]] = []
    for is_copy, group in itertools.groupby(zip(repeated, lines, strict=True), key=operator.itemgetter(0)):
        run = [pair for _, pair in group]
        if not (is_copy and _is_copy_of_prose([line for _, line in run])):
            kept += run
    return kept


def _is_copy_of_prose(run: list[str]) -> bool:
    prose = [line for line in run if is_prose_line(line)]
    return len(prose) >= MIN_COPY_PROSE_LINES and sum(map(len, prose)) >= MIN_COPY_PROSE_CHARS


def _is_body_line(line: str, at_edge: bool, facts: PageFacts, kind: BlockKind) -> bool:
    """Whether a line is none of: an image's alt text (unless a subheading: the picture
    of a section is described by its title), the page's address, a junk line."""
    if kind != "heading" and facts.image_texts and _phrase(line) in facts.image_texts:
        return False
    if line in facts.addresses:
        return False
    return line_junk_kind(line, at_edge) is None


def _drop_headline(blocks: list[TextBlock], headlines: frozenset[tuple[str, ...]]) -> list[TextBlock]:
    """The blocks without a headline among the first few (the title repeated in the body).
    A text that is nothing but its headline (a post whose body is its title) keeps it: the
    headline is dropped as a repetition, never as the whole of the text."""
    if len(blocks) < 2:
        return blocks
    for index, block in enumerate(blocks[:_EDGE_BLOCKS]):
        if words(block.text) in headlines:
            return blocks[:index] + blocks[index + 1 :]
    return blocks


def _names_items(blocks: list[TextBlock], image_texts: frozenset[str]) -> bool:
    """Whether the images' alt texts printed as lines are the names of the page's items (a
    catalogue's grid names every product under its picture) rather than an image described
    twice: at least `LISTING_MIN_ITEMS` such lines, and `ITEM_NAMES_MIN_SHARE` of all lines."""
    lines = lines_of(blocks)
    named = sum(_phrase(line) in image_texts for line in lines)
    return named >= LISTING_MIN_ITEMS and named >= ITEM_NAMES_MIN_SHARE * len(lines)


def tidy(blocks: Iterable[TextBlock], facts: PageFacts) -> tuple[TextBlock, ...]:
    """The blocks without junk lines, the headline, bylines and datelines."""
    source = _drop_headline(list(blocks), facts.headlines)
    if facts.image_texts and _names_items(source, facts.image_texts):
        facts = replace(facts, image_texts=frozenset())
    kept: dict[int, list[str]] = {}
    lines = _without_repeated_copies(list(_kept_lines(source, facts)))
    for index, line in _without_trailing_teasers(lines, source):
        kept.setdefault(index, []).append(line)
    return tuple(TextBlock(source[i].kind, "\n".join(lines)) for i, lines in kept.items())
