"""Lists that trafilatura dropped from the middle of the text it kept, put back.

trafilatura sometimes keeps the paragraphs on both sides of a list and drops the list
itself (a "Here are the principles:" paragraph, then nothing, then the next paragraph). A
list whose neighbours are both extracted, one right after the other, was part of the text
the extraction chose: it goes back between them. A list of links (a menu, a box of related
stories placed between two paragraphs) stays out, and so does any list pruning removed:
only the pruned page's lists are read.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._article import TextBlock
from ._settings import GAP_LIST_MAX_LINK_SHARE
from ._tidy import PageFacts, tidy, words


def with_gap_lists(
    blocks: tuple[TextBlock, ...], tree: LexborHTMLParser, facts: PageFacts
) -> tuple[TextBlock, ...]:
    """`blocks` with each list of the pruned page `tree` that sits between two of their
    lines, adjacent in `blocks`, and none of whose items they hold, put back between them."""
    if not blocks:
        return blocks
    line_at = _line_positions(blocks)
    after: dict[int, list[TextBlock]] = {}
    for node in tree.css("ul, ol"):
        if (place := _gap_of(node, line_at)) is not None and (restored := _restored(node, line_at, facts)):
            after.setdefault(place, []).extend(restored)
    if not after:
        return blocks
    return tuple(block for index, block in enumerate(blocks) for block in (block, *after.get(index, [])))


def _line_positions(blocks: tuple[TextBlock, ...]) -> dict[tuple[str, ...], tuple[int, int]]:
    """Each line's words, with its block's index and its line's index over all blocks."""
    positions: dict[tuple[str, ...], tuple[int, int]] = {}
    number = 0
    for index, block in enumerate(blocks):
        for line in block.text.splitlines():
            positions.setdefault(words(line), (index, number))
            number += 1
    return positions


def _gap_of(node: LexborNode, line_at: dict[tuple[str, ...], tuple[int, int]]) -> int | None:
    """The index of the block after which the list `node` belongs: the block of its
    preceding element's text, when the element after it is the very next line; else None
    (a list without both neighbours in the text, or with other text between them, is no
    gap)."""
    before, following = _sibling(node, backwards=True), _sibling(node, backwards=False)
    if before is None or following is None:
        return None
    start, end = line_at.get(words(before) or ("",)), line_at.get(words(following) or ("",))
    if start is None or end is None or end[1] != start[1] + 1 or end[0] == start[0]:
        return None
    return start[0]


def _restored(
    node: LexborNode, line_at: dict[tuple[str, ...], tuple[int, int]], facts: PageFacts
) -> tuple[TextBlock, ...]:
    """The list `node` as a tidied block, or nothing when it is links or the text already
    holds one of its items."""
    items = [" ".join(child.text().split()) for child in node.iter() if child.tag == "li"]
    items = [item for item in items if item]
    text = " ".join(items)
    if not items or any(words(item) in line_at for item in items):
        return ()
    link_chars = sum(len(" ".join(link.text().split())) for link in node.css("a"))
    if link_chars > GAP_LIST_MAX_LINK_SHARE * len(text):
        return ()
    return tidy([TextBlock("list", "\n".join(items))], facts)


def _sibling(node: LexborNode, *, backwards: bool) -> str | None:
    """The text of the element or text run next to `node` (whitespace and comments
    skipped), or None at the edge of its parent."""
    current = node.prev if backwards else node.next
    while current is not None:
        if current.tag != "-comment" and (text := current.text(deep=True).strip()):
            return text
        current = current.prev if backwards else current.next
    return None
