"""The result of extraction: an immutable, typed `Article`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

from ._language import count_words

BlockKind = Literal["paragraph", "heading", "list", "table", "quote", "code"]


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One block of the article's body: a paragraph, a subheading, a list, a table..."""

    kind: BlockKind
    text: str


def lines_of(blocks: Iterable[TextBlock]) -> list[str]:
    """The lines of `blocks`' texts, in order."""
    return [line for block in blocks for line in block.text.splitlines()]


@dataclass(frozen=True, slots=True)
class Article:
    """An article's clean body text and its metadata.

    `text` is the body only: blocks separated by one blank line, subheadings kept as blocks
    of their own, no headline, standfirst, byline or dateline. When `text` is empty,
    `reason` says why (empty input, not HTML, too large, no article found...).

    `author` is `authors` joined with "; ". `published` and `modified` are ISO 8601 (with
    the page's offset when it gives one; see `scraper.extract._dates`). `word_count` counts
    each character of scripts written without spaces (Chinese, Japanese, Thai...) as a word.
    """

    title: str | None = None
    text: str = ""
    author: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    site_name: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    word_count: int = 0
    blocks: tuple[TextBlock, ...] = field(default=(), repr=False)
    reason: str | None = None

    def with_blocks(self, blocks: tuple[TextBlock, ...]) -> Article:
        """This article with `blocks` as its body (`text` and `word_count` follow from them)."""
        text = "\n\n".join(block.text for block in blocks)
        return replace(self, text=text, word_count=count_words(text), blocks=blocks)

    def to_markdown(self) -> str:
        """The body as Markdown: subheadings marked with `##`, list items with `-`."""
        parts = []
        for block in self.blocks:
            if block.kind == "heading":
                parts.append(f"## {block.text}")
            elif block.kind == "list":
                parts.append("\n".join(f"- {line}" for line in block.text.splitlines()))
            elif block.kind == "quote":
                parts.append("\n".join(f"> {line}" for line in block.text.splitlines()))
            else:
                parts.append(block.text)
        return "\n\n".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of every field but `blocks`."""
        data = asdict(self)
        del data["blocks"]
        return data
