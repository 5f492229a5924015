"""The record `scraper run` writes per article, field by field: `--help`, the README's table
and the tests read the fields from here, and `_records.make_record` writes them in this order."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecordField:
    """One field of a record: its name, what it holds, and whether it comes from the
    extracted `Article` (an attribute of the same name) rather than from the fetch."""

    name: str
    meaning: str
    from_article: bool = True


RECORD_SCHEMA: tuple[RecordField, ...] = (
    RecordField("url", "the URL as listed, normalised (tracking parameters, fragment dropped)", False),
    RecordField("final_url", "the URL after redirects", False),
    RecordField("canonical_url", "the page's canonical address (`<link rel=canonical>`, `og:url`)"),
    RecordField("status", "the HTTP status of the final answer", False),
    RecordField("fetched_at", "when it was fetched (ISO 8601, UTC)", False),
    RecordField("title", "the headline"),
    RecordField("author", "the author or authors, joined by `; ` (`authors` as one string)"),
    RecordField(
        "authors",
        "the authors' names, a list (a person's, or an organisation's when that is all the page gives)",
    ),
    RecordField(
        "published",
        "the publication date: ISO 8601, with the page's offset when it gives one, "
        "a date alone when it gives no time, a month alone when it gives no day",
    ),
    RecordField("modified", "the last update's date, in the same form (never before `published`)"),
    RecordField("language", "the language (ISO 639-1 code): the markup's, unless the text says otherwise"),
    RecordField("site_name", "the site's name"),
    RecordField("description", "the page's summary (`<meta name=description>`, `og:description`)"),
    RecordField("image", "the article's main image, an absolute URL (`og:image`, JSON-LD `image`)"),
    RecordField("tags", "the article's tags, a list (JSON-LD `keywords`, `article:tag`, `rel=tag` links)"),
    RecordField("categories", "the article's sections, a list (JSON-LD `articleSection`, `article:section`)"),
    RecordField("text", "the article's clean text: paragraphs separated by a blank line"),
    RecordField(
        "word_count", "the words of `text` (each character of Chinese, Japanese, Thai... counts as one)"
    ),
    RecordField("content_hash", "SHA-256 of `text`: how an unchanged article is known", False),
)
RECORD_FIELDS: tuple[str, ...] = tuple(field.name for field in RECORD_SCHEMA)
ARTICLE_FIELDS: tuple[str, ...] = tuple(field.name for field in RECORD_SCHEMA if field.from_article)
