"""Extraction: the bytes of one page to an `Article` (its clean text and metadata).

The stages, each a module: `_decode` (bytes to text), `_engine` (guards, then the stages in
order), `_metadata` (title, authors, dates, tags... each from its most trusted source, with
`_article_head` for the headline's surroundings, `_authors` for bylines and names, `_dates`
for parsing and plausibility, `_language` for the language and word count), `_prune` (junk
subtrees removed before extraction), trafilatura (the main text), `_tidy` (junk lines
removed after it). The junk recognisers are data, in `_rules`; the defaults are in
`_settings`.

Nothing here imports from `scraper.crawl`: extraction knows nothing of fetching.
"""

from __future__ import annotations

from ._article import Article, TextBlock
from ._settings import DEFAULT_MAX_HTML_BYTES

__all__ = ["Article", "TextBlock", "extract"]


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    charset: str | None = None,
    max_bytes: int = DEFAULT_MAX_HTML_BYTES,
) -> Article:
    """Extract the article of a news page: its clean body text and its metadata.

    `html` is the page as bytes (decoded here: BOM, then `charset` as given by HTTP headers,
    then `<meta charset>`, then detection) or as text. `url` is the page's address, used to
    resolve relative links. Never raises for any content of `html`: when no text can be
    extracted, the `Article` has empty `text` and its `reason` says why.
    """
    from ._engine import extract_article  # the engine (trafilatura, lxml) loads on first use

    return extract_article(html, url, charset=charset, max_bytes=max_bytes)
