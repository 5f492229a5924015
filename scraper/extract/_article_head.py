"""The article's head as the reader sees it: the headline (`<h1>`) and the short texts
printed around it, where the byline and the dateline are."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._settings import HEAD_CONTAINER_MAX_CHARS, HEAD_LONG_PIECES, HEAD_PIECE_MAX_CHARS, HEAD_TEXT_PIECES

# Elements that can print the headline of a page without `<h1>`.
_TITLE_TAGS = "h2, h3, p"
# Headings that can print the headline of a page without `<h1>` in other words than the title.
_HEADING_TAGS = "h2, h3"
# A word, to compare a heading with the markup's title.
_WORD = re.compile(r"\w+")
# Nodes that are no elements: text between elements, comments.
_NOT_ELEMENTS = frozenset({"-text", "-comment"})
# Elements whose text the reader never sees.
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg"})


def _is_shown_text(node: LexborNode) -> bool:
    return node.tag == "-text" and node.parent is not None and node.parent.tag not in _SKIPPED_TAGS


def _following_texts(start: LexborNode) -> Iterator[str]:
    """The text pieces after `start` in document order (its own text excluded)."""
    node: LexborNode | None = start
    while node is not None:
        sibling = node.next
        while sibling is None and node is not None:
            node = node.parent
            sibling = node.next if node is not None else None
        if sibling is None:
            return
        node = sibling
        if node.tag not in _SKIPPED_TAGS:
            yield from _shown_texts(node)


def _shown_texts(node: LexborNode) -> Iterator[str]:
    """The text pieces of `node` that the reader sees, in document order."""
    for child in node.traverse(include_text=True):
        if _is_shown_text(child):
            yield child.text_content or ""


def _short_pieces(texts: Iterable[str]) -> list[str]:
    """The short non-empty texts, at most `HEAD_TEXT_PIECES`, until article prose begins:
    the long texts after the first (a standfirst is long, and the dateline may follow it)."""
    pieces: list[str] = []
    long_texts = 0
    for text in texts:
        text = " ".join(text.split())
        if len(text) > HEAD_PIECE_MAX_CHARS:
            long_texts += 1
            if long_texts > HEAD_LONG_PIECES:
                break
        elif text:
            pieces.append(text)
        if len(pieces) >= HEAD_TEXT_PIECES:
            break
    return pieces


def pieces_after(node: LexborNode, count: int) -> list[str]:
    """The first `count` short text pieces printed after `node` (a byline, say)."""
    return _short_pieces(_following_texts(node))[:count]


def _preceding_texts(headline: LexborNode) -> list[str]:
    """The texts before the headline in its article header, nearest first: the nearest
    ancestor (up to three levels) whose text stays short, read up to the headline, then the
    element just before that header when its text is short too (a title bar printing the
    date above the headline's own wrapper)."""
    container = headline
    for _ in range(3):
        parent = container.parent
        if parent is None or len(parent.text()) > HEAD_CONTAINER_MAX_CHARS:
            break
        container = parent
    texts = []
    for node in container.traverse(include_text=True):
        if node.mem_id == headline.mem_id:
            break
        if _is_shown_text(node):
            texts.append(node.text_content or "")
    before = container.prev
    while before is not None and before.tag in _NOT_ELEMENTS:
        before = before.prev
    if (
        before is not None
        and before.tag not in _SKIPPED_TAGS
        and len(before.text()) <= HEAD_CONTAINER_MAX_CHARS
    ):
        texts = [*_shown_texts(before), *texts]
    return texts[::-1]


def title_element(tree: LexborHTMLParser, titles: Collection[str]) -> LexborNode | None:
    """The first heading or paragraph whose whole text is one of `titles`: the headline of
    a page that marks none with `<h1>` (page builders print it in a `<p>` or an `<h2>`)."""
    wanted = _normalised(titles)
    if not wanted:
        return None
    longest = max(map(len, wanted))
    for node in tree.css(_TITLE_TAGS):
        text = node.text()
        if len(text) <= 2 * longest and " ".join(text.split()).casefold() in wanted:
            return node
    return None


def _normalised(titles: Collection[str]) -> set[str]:
    return {" ".join(title.split()).casefold() for title in titles} - {""}


def _heading_with_words(tree: LexborHTMLParser, titles: Collection[str]) -> LexborNode | None:
    """The first heading that holds every word of one of `titles` (of three words or more)
    and is at most twice as long: where a page without `<h1>` prints its headline when the
    markup's title leaves words out of it. (Its dateline is read around it; the title stays
    the markup's, as the heading may add a word of its own: "Introducing ...".)"""
    wanted = _normalised(titles)
    word_sets = [words for title in wanted if len(words := set(_WORD.findall(title))) >= 3]
    if not word_sets:
        return None
    longest = max(map(len, wanted))
    for node in tree.css(_HEADING_TAGS):
        text = node.text()
        if len(text) <= 2 * longest and any(
            words <= set(_WORD.findall(text.casefold())) for words in word_sets
        ):
            return node
    return None


def head_pieces(tree: LexborHTMLParser, titles: Collection[str] = ()) -> list[str]:
    """The short text pieces printed around the headline, where the byline and the dateline
    are: those after it, then those before it in its header. The headline is the first
    `<h1>`, else the first heading or paragraph that prints one of the `titles` the markup
    gives, else the first heading that holds all its words; without any, there are none."""
    headline = tree.css_first("h1") or title_element(tree, titles) or _heading_with_words(tree, titles)
    if headline is None:
        return []
    return _short_pieces(_following_texts(headline)) + _short_pieces(_preceding_texts(headline))


def headline(tree: LexborHTMLParser) -> str | None:
    """The visible headline: the `<h1>` of the article (`<article>`, `<main>`), else the
    page's only `<h1>`."""
    node = tree.css_first("article h1, main h1, [itemprop=headline]")
    if node is None:
        headings = tree.css("h1")
        node = headings[0] if len(headings) == 1 else None
    return " ".join(node.text(separator=" ").split()) or None if node is not None else None
