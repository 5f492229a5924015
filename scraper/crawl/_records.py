"""The parse stage of `scraper run`: a downloaded document into an article's record, or
into the URLs it lists when it is a feed or sitemap.

`read_document` runs in the extraction processes, so it takes and returns plain values.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from .._errors import BadListing, NotArticle, NotHTML, TooLarge
from ..extract._language import unspaced_chars
from . import _settings
from ._fetch import Page
from ._listings import Listing, feed_links, read_listing
from ._schema import ARTICLE_FIELDS, RECORD_FIELDS
from ._urls import JobKind


@dataclass(frozen=True, slots=True)
class Discovered:
    """The feeds a front page announces (followed instead of reading it as an article)."""

    feeds: tuple[str, ...]


def read_document(
    page: Page, kind: JobKind, discover: bool, max_bytes: int, min_words: int = 0
) -> Listing | Discovered | dict[str, Any] | str:
    """What a downloaded document is: a feed or sitemap (unless it was listed in one as a
    page), a front page announcing feeds (with `discover`), or an article page: its fields,
    or the reason it has no article text."""
    if kind != "page" and (listing := read_listing(page.body, page.final_url)) is not None:
        return listing
    if kind == "listing":
        raise BadListing(
            f"this is no feed or sitemap but {page.content_type or 'a document of no stated type'}; "
            "to follow the feeds a front page announces, list it as a line and pass --discover"
        )
    if page.content_type and page.content_type not in _settings.HTML_CONTENT_TYPES:
        raise NotHTML(f"the content type is {page.content_type}, neither HTML nor a feed or sitemap")
    if len(page.body) > max_bytes:
        raise TooLarge(f"the page ({len(page.body):,} bytes) is over --max-bytes {max_bytes:,}")
    if discover and kind == "line" and (feeds := feed_links(page.body, page.final_url)):
        return Discovered(tuple(feeds))
    return article_fields(page.body, page.charset, page.final_url, max_bytes, min_words)


def article_fields(
    body: bytes, charset: str | None, url: str, max_bytes: int, min_words: int = 0
) -> dict[str, Any] | str:
    """The article's fields from a page's bytes, or the reason there is no article text.
    `max_bytes` is the run's --max-bytes: the page passed it, so extraction takes it too.
    Raises NotArticle when the text has fewer than `min_words` words of prose."""
    from ..extract import extract  # here, not above: only extraction processes load it

    article = extract(body, url=url, charset=charset, max_bytes=max_bytes)
    if not article.text:
        return article.reason or "no article text found on the page"
    if (words := prose_words(article.text)) < min_words:
        raise NotArticle(
            f"the page's text has {words} words of prose, fewer than --min-words {min_words}: "
            "a front page, a menu or a directory listing rather than an article"
        )
    return {name: getattr(article, name) for name in ARTICLE_FIELDS}


# A word of prose: letters (with inner apostrophes or hyphens), maybe inside quotes or
# brackets and followed by punctuation. A file name, a date, a size or a number is none.
_PROSE_WORD = re.compile(r"""^[(\[«"'“‘¿¡]*[^\W\d_]+(?:['’\-][^\W\d_]+)*[)\]»"'”’.,;:!?…]*$""")


def prose_words(text: str) -> int:
    """How many words of `text` are prose (see `_PROSE_WORD`), for the `--min-words` test."""
    spaced = sum(1 for token in text.split() if _PROSE_WORD.match(token))
    # In scripts written without spaces (Chinese, Japanese, Thai...) two characters count as a word.
    return spaced + unspaced_chars(text) // 2


def content_hash(content: str | bytes) -> str:
    """The hash by which an article (its text) or a feed (its bytes) is known unchanged: SHA-256."""
    return hashlib.sha256(content.encode("utf-8") if isinstance(content, str) else content).hexdigest()


def make_record(page: Page, fields: dict[str, Any], fetched_at: str) -> dict[str, Any]:
    """The record of an article, its fields in `RECORD_FIELDS` order."""
    values = {
        **fields,
        "url": page.url,
        "final_url": page.final_url,
        "status": page.status,
        "fetched_at": fetched_at,
        "content_hash": content_hash(fields["text"]),
    }
    return {name: values.get(name) for name in RECORD_FIELDS}
