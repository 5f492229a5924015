"""Lists and subheadings that trafilatura dropped from the middle of the text it kept, put
back.

trafilatura sometimes keeps the paragraphs on both sides of a list, of a subheading or of a
run of them ("Pros", a list, "Cons", a list) and drops the run itself: a "Here are the
principles:" paragraph, then nothing, then the next paragraph. A run whose neighbours are
both extracted, one right after the other, was part of the text the extraction chose: it
goes back between them. Lists of links (a menu, a box of related stories placed between
two paragraphs) stay out, and so does anything pruning removed: only the pruned page is
read.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._article import BlockKind, TextBlock, lines_of
from ._settings import GAP_RUN_MAX_LINK_SHARE
from ._tidy import PageFacts, tidy, words

_LIST_TAGS = frozenset({"ul", "ol"})
# What a run between two paragraphs may hold besides lists: their subheadings.
_RUN_TAGS = _LIST_TAGS | {"h2", "h3", "h4", "h5", "h6"}
_RUN_SELECTOR = ", ".join(sorted(_RUN_TAGS))
# Each line's words, with its index over all the blocks' lines.
_Positions = dict[tuple[str, ...], int]


def with_gap_runs(
    blocks: tuple[TextBlock, ...], tree: LexborHTMLParser, facts: PageFacts
) -> tuple[TextBlock, ...]:
    """`blocks` with each run of lists and subheadings of the pruned page `tree` that sits
    between two of their lines, adjacent in `blocks`, and none of whose lines they hold,
    put back between them."""
    if not blocks:
        return blocks
    line_at = _line_positions(blocks)
    after: dict[int, list[TextBlock]] = {}
    seen: set[int] = set()
    for node in tree.css(_RUN_SELECTOR):
        if node.mem_id in seen or words(node.text()) in line_at:  # a subheading the text holds
            continue
        run, before, following = _run_around(node, line_at)
        seen.update(element.mem_id for element in run)
        if (place := _gap_between(before, following, line_at)) is not None:
            after.setdefault(place, []).extend(_restored(run, line_at, facts))
    return _inserted(blocks, after) if after else blocks


def _line_positions(blocks: tuple[TextBlock, ...]) -> _Positions:
    positions: _Positions = {}
    for number, line in enumerate(lines_of(blocks)):
        positions.setdefault(words(line), number)
    return positions


def _inserted(blocks: tuple[TextBlock, ...], after: dict[int, list[TextBlock]]) -> tuple[TextBlock, ...]:
    """`blocks` with the blocks `after[n]` put after their `n`th line (splitting its block
    when that line is not its last: a layout table's cell holds many paragraphs)."""
    result: list[TextBlock] = []
    number = 0
    for block in blocks:
        lines: list[str] = []
        for line in block.text.splitlines():
            lines.append(line)
            if number in after:
                result += [TextBlock(block.kind, "\n".join(lines)), *after[number]]
                lines = []
            number += 1
        if lines:
            result.append(TextBlock(block.kind, "\n".join(lines)))
    return tuple(result)


def _run_around(node: LexborNode, line_at: _Positions) -> tuple[list[LexborNode], str | None, str | None]:
    """The run of sibling lists and subheadings holding `node` (one of them), in order, with
    the text right before it and right after it (None at the edge of their parent)."""
    earlier, before = _run_side(node, line_at, backwards=True)
    later, following = _run_side(node, line_at, backwards=False)
    return [*reversed(earlier), node, *later], before, following


def _run_side(
    node: LexborNode, line_at: _Positions, *, backwards: bool
) -> tuple[list[LexborNode], str | None]:
    """The lists and subheadings next to `node` on one side, nearest first, that the text
    lacks, and the text of the first other element or text run there (comments and
    spacers without a word skipped: `<p>&nbsp;</p>`, a zero-width joiner, "* * *"): a
    subheading the text holds ends the run."""
    run: list[LexborNode] = []
    current = node.prev if backwards else node.next
    while current is not None:
        if current.tag != "-comment" and (found := words(text := current.text(deep=True))):
            if current.tag not in _RUN_TAGS or found in line_at:
                return run, text
            run.append(current)
        current = current.prev if backwards else current.next
    return run, None


def _gap_between(before: str | None, following: str | None, line_at: _Positions) -> int | None:
    """The number of the line `before` when `following` is the next line; else None (no gap
    there)."""
    if before is None or following is None:
        return None
    start, end = line_at.get(words(before)), line_at.get(words(following))
    return start if start is not None and end == start + 1 else None


def _restored(run: list[LexborNode], line_at: _Positions, facts: PageFacts) -> tuple[TextBlock, ...]:
    """The run as tidied blocks, or nothing when it is mostly links or the text already
    holds one of its lines."""
    pieces = [(_kind(element), lines) for element in run if (lines := _lines(element))]
    every_line = [line for _, lines in pieces for line in lines]
    if not every_line or any(words(line) in line_at for line in every_line):
        return ()
    link_chars = sum(len(" ".join(link.text().split())) for element in run for link in element.css("a"))
    if link_chars > GAP_RUN_MAX_LINK_SHARE * sum(map(len, every_line)):
        return ()
    return tidy([TextBlock(kind, "\n".join(lines)) for kind, lines in pieces], facts)


def _kind(element: LexborNode) -> BlockKind:
    return "list" if element.tag in _LIST_TAGS else "heading"


def _lines(element: LexborNode) -> list[str]:
    """A list's items, or a subheading's text, each on one line."""
    parts = (
        [child for child in element.iter() if child.tag == "li"] if element.tag in _LIST_TAGS else [element]
    )
    return [line for part in parts if (line := " ".join(part.text().split()))]
