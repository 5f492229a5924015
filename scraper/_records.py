"""The parse stage of `scraper run`: a downloaded page into the record written for it.

`article_fields` runs in the extraction processes, so it takes and returns plain values.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ._fetch import Page

# The fields of a record, in the order they are written.
RECORD_FIELDS = (
    "url", "final_url", "canonical_url", "status", "fetched_at", "title", "author",
    "published", "language", "site_name", "text", "word_count", "content_hash",
)  # fmt: skip
_ARTICLE_FIELDS = (
    "canonical_url",
    "title",
    "author",
    "published",
    "language",
    "site_name",
    "text",
    "word_count",
)


def article_fields(body: bytes, charset: str | None, url: str) -> dict[str, Any] | str:
    """The article's fields from a page's bytes, or the reason there is no article text."""
    from ._extract import extract  # here, not above: only extraction processes load it

    article = extract(body, url=url, charset=charset)
    if not article.text:
        return article.reason or "no article text found on the page"
    return {name: getattr(article, name) for name in _ARTICLE_FIELDS}


def content_hash(text: str) -> str:
    """The hash by which an article is known to be unchanged (SHA-256 of its text)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
