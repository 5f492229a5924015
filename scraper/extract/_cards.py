"""The cards of a grid that trafilatura left out, put back.

A catalogue, a listing or a service page is a grid of cards: sibling boxes of one kind,
each a few short pieces of text (a name, a price, a brand, a date, a line of description).
trafilatura picks one main block and keeps a category's blurb, or one card, and leaves the
items out: their lines are short and linked. When the pruned page's largest grid holds
more text than the extraction, the cards the extraction lacks go back, where the grid is
on the page. Menus (cards that are lists of links), lists of names (one piece a card) and
runs of prose boxes (an article's comments, a thread's posts: the lost-text checks judge
those) are not grids of cards, nor, beside an article, dated cards (its related stories).
Only the pruned page is read: what pruning removed stays out.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import _rules
from ._article import TextBlock, lines_of
from ._prune import is_prose_line, item_signature, needle, prose_chars
from ._settings import (
    CARD_MAX_DATED_SHARE,
    CARD_MAX_EXTRACTED_SHARE,
    CARD_MAX_LINKS,
    CARD_MAX_PIECES,
    CARD_MAX_PROSE_SHARE,
    CARD_MENU_LINK_SHARE,
    CARD_MENU_LINKS,
    CARD_MIN_ITEMS,
    CARD_MIN_PAGE_SHARE,
    CARD_MIN_PIECES,
    PROSE_SENTENCE_CHARS,
)
from ._tidy import PageFacts, tidy

_DIGIT = re.compile(r"\d")
# A card: its element and its pieces of text, one a line.
_Card = tuple[LexborNode, list[str]]


def with_missing_cards(
    blocks: tuple[TextBlock, ...], tree: LexborHTMLParser, facts: PageFacts
) -> tuple[TextBlock, ...]:
    """`blocks` with the cards of the pruned page's largest grid that they lack (whose name,
    `_names`, is not in their text), one block a card, tidied, placed after the last block
    the grid follows on the page."""
    body = tree.body
    if not blocks or body is None:
        return blocks
    page_chars = len(" ".join(body.text(separator=" ").split()))
    least = max(
        CARD_MIN_PAGE_SHARE * page_chars, sum(len(block.text) for block in blocks) / CARD_MAX_EXTRACTED_SHARE
    )
    beside_prose = any(map(is_prose_line, lines_of(blocks)))
    if least > page_chars or (grid := _largest_grid(body, least, beside_prose)) is None:
        return blocks
    text = " ".join(" ".join(block.text.split()) for block in blocks)
    missing = [card for card, name in zip(grid, _names(grid), strict=True) if name not in text]
    if not missing:
        return blocks
    # Each card tidied alone: a run of cards is the page's list, not a run of teasers; and
    # a card's name repeating its picture's alt text is the item's name (see `tidy`).
    card_facts = replace(facts, image_texts=frozenset())
    restored = tuple(
        block
        for _, lines in missing
        for block in tidy([TextBlock("paragraph", "\n".join(lines))], card_facts)
    )
    return _inserted(blocks, restored, " ".join(body.text().split()), missing[0][0])


def _names(grid: list[_Card]) -> list[str]:
    """Each card's name: its longest piece of its own (not one other cards print too:
    "Add to cart", "Free delivery")."""
    counts = Counter(line for _, lines in grid for line in set(lines))
    return [max(lines, key=lambda line: (counts[line] == 1, len(line))) for _, lines in grid]


def _sibling_groups(body: LexborNode, least: float) -> Iterator[list[LexborNode]]:
    """The elements of one parent and one kind (`item_signature`), at least
    `CARD_MIN_ITEMS` of them, whose parent holds at least `least` characters."""
    by_parent: dict[int, list[LexborNode]] = {}
    for node in body.traverse():
        parent = node.parent
        if parent is not None and node.is_element_node:
            by_parent.setdefault(parent.mem_id, []).append(node)
    for children in by_parent.values():
        parent = children[0].parent
        if len(children) < CARD_MIN_ITEMS or parent is None or len(parent.text()) < least:
            continue
        kinds: dict[str, list[LexborNode]] = {}
        for child in children:
            kinds.setdefault(item_signature(child), []).append(child)
        yield from (nodes for nodes in kinds.values() if len(nodes) >= CARD_MIN_ITEMS)


def _largest_grid(body: LexborNode, least: float, beside_prose: bool) -> list[_Card] | None:
    """The cards of the largest group of siblings holding at least `least` characters
    that is a grid of cards (`_is_grid`), or None. Beside an extraction holding prose
    (`beside_prose`), cards that carry a date are stories or posts (an article's related
    stories, its comments), not a grid of the page's own."""
    groups = []
    for nodes in _sibling_groups(body, least):
        cards = [(node, lines) for node in nodes if (lines := _pieces(node))]
        chars = sum(len(" ".join(lines)) for _, lines in cards)
        if len(cards) >= CARD_MIN_ITEMS and chars >= least:
            groups.append((chars, cards))
    groups.sort(key=lambda group: group[0], reverse=True)
    return next(
        (cards for chars, cards in groups if _is_grid(cards, chars) and not (beside_prose and _dated(cards))),
        None,
    )


def _has_date(line: str) -> bool:
    """Whether a piece of text holds a date (a digit first: the date pattern is costly)."""
    return _DIGIT.search(line) is not None and _rules.DATELINE.search(line) is not None


def _dated(cards: list[_Card]) -> bool:
    """Whether at least `CARD_MAX_DATED_SHARE` of the cards carry a date."""
    dated = sum(any(map(_has_date, lines)) for _, lines in cards)
    return dated >= CARD_MAX_DATED_SHARE * len(cards)


def _pieces(node: LexborNode) -> list[str]:
    """The pieces of text of an element, white space folded, one a line."""
    return [line for piece in node.text(separator="\n").splitlines() if (line := " ".join(piece.split()))]


def _is_grid(cards: list[_Card], chars: int) -> bool:
    """Whether siblings holding `chars` characters are cards: a few pieces of text each,
    shorter than a sentence of prose, a few links, not lists of links, not prose."""
    if not CARD_MIN_PIECES <= statistics.median(len(lines) for _, lines in cards) <= CARD_MAX_PIECES:
        return False
    if statistics.median(len(line) for _, lines in cards for line in lines) > PROSE_SENTENCE_CHARS:
        return False
    links = [[text for link in node.css("a") if (text := " ".join(link.text().split()))] for node, _ in cards]
    median_links = statistics.median(map(len, links))
    if median_links > CARD_MAX_LINKS:
        return False
    if (
        median_links > CARD_MENU_LINKS
        and sum(len(text) for texts in links for text in texts) > CARD_MENU_LINK_SHARE * chars
    ):
        return False
    return sum(prose_chars(node) for node, _ in cards) <= CARD_MAX_PROSE_SHARE * chars


def _inserted(
    blocks: tuple[TextBlock, ...], cards: tuple[TextBlock, ...], page_text: str, first: LexborNode
) -> tuple[TextBlock, ...]:
    """`blocks` with `cards` after the last block found before the `first` card in the page's
    text (`page_text`, white space folded), at the start when all come after it, at the end
    when none is found."""
    start = page_text.find(needle(first.text()))
    places = [page_text.find(needle(block.text)) for block in blocks]
    if start < 0 or all(place < 0 for place in places):
        return blocks + cards
    before = [number for number, place in enumerate(places) if 0 <= place < start]
    at = before[-1] + 1 if before else 0
    return blocks[:at] + cards + blocks[at:]
