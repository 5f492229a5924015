"""Metadata of a page (title, author, dates, language...) read from its head and JSON-LD."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

_ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
        "scholarlyarticle", "report", "liveblogposting", "webpage", "posting", "socialmediaposting",
    }
)  # fmt: skip
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:-]\s+|\s+-\s+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_SPACES = re.compile(r"\s+")
# `<meta>` names and properties that give the publication date, most reliable first.
_PUBLISHED_META_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "dcterms.created",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    description: str | None = None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", html.unescape(value)).strip()  # unescape: some pages escape twice
    return value or None


class _Head:
    """Lookups into `<meta>`, `<link>` and JSON-LD of one page."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self.meta: dict[str, str] = {}
        for node in tree.css("meta[content]"):
            attrs = node.attributes
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            if key and (content := _clean(attrs.get("content"))):
                self.meta.setdefault(key.lower(), content)
        self.ld = _json_ld_article(tree)

    def first_meta(self, *keys: str) -> str | None:
        return next((self.meta[k] for k in keys if k in self.meta), None)

    def ld_value(self, *path: str) -> Any:
        value: Any = self.ld
        for key in path:
            if isinstance(value, list):
                value = value[0] if value else None
            value = value.get(key) if isinstance(value, dict) else None
        return value[0] if isinstance(value, list) and value else value


def _json_ld_objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [obj for item in data for obj in _json_ld_objects(item)]
    if isinstance(data, dict):
        return [data, *_json_ld_objects(data.get("@graph", []))]
    return []


def _json_ld_article(tree: LexborHTMLParser) -> dict[str, Any]:
    """The first JSON-LD object of an article type; malformed blocks are skipped."""
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            objects = _json_ld_objects(json.loads(script.text()))
        except (ValueError, RecursionError):
            continue
        for obj in objects:
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                return obj
    return {}


def _author_names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _author_names(item)]
    if isinstance(value, dict):
        value = value.get("name")
    cleaned = _clean(value)
    return [cleaned] if cleaned and not cleaned.startswith("http") else []


def normalise_date(value: str | None) -> str | None:
    """An ISO 8601 date or date-time from the usual ways pages write one, else None."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.match(value)
    if match:
        try:
            return datetime.fromisoformat(match.group(0).replace(" ", "T")).isoformat()
        except ValueError:
            return match.group(0)[:10]
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _strip_site_name(title: str, site_name: str | None, short_brand: bool) -> str:
    """'Headline | Site' -> 'Headline', when the tail is the site's name (or, for a
    `<title>`, which conventionally ends with one, any tail of up to three words)."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    tail = parts[-1].strip()
    if (site_name and tail.lower() == site_name.lower()) or (short_brand and len(tail.split()) <= 3):
        return title[: title.rfind(tail)].rstrip(" |–—·•:-") or title
    return title


def _title(head: _Head, site_name: str | None) -> str | None:
    title = _clean(head.ld_value("headline")) or head.first_meta("og:title", "twitter:title")
    if not title:
        h1 = head.tree.css_first("h1")
        title = _clean(h1.text()) if h1 else None
    if title:
        return _strip_site_name(title, site_name, short_brand=False)
    node = head.tree.css_first("title")
    title = _clean(node.text()) if node else None
    return _strip_site_name(title, site_name, short_brand=True) if title else None


def _language(head: _Head) -> str | None:
    html = head.tree.css_first("html")
    lang = (html.attributes.get("lang") if html else None) or head.first_meta(
        "content-language", "og:locale", "dc.language", "language"
    )
    lang = _clean(lang)
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


def _url(head: _Head, base: str | None, href: str | None) -> str | None:
    href = _clean(href)
    if not href:
        return None
    return urljoin(base, href) if base else href


def read_metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    """Metadata from `<meta>` tags, JSON-LD and `<link rel=canonical>`; absent fields are None."""
    head = _Head(tree)
    site_name = head.first_meta("og:site_name", "application-name") or _clean(
        head.ld_value("publisher", "name")
    )
    authors = _author_names(head.ld.get("author")) or _author_names(
        head.first_meta("author", "article:author", "parsely-author", "dc.creator", "sailthru.author")
    )
    published = normalise_date(
        _clean(head.ld_value("datePublished")) or head.first_meta(*_PUBLISHED_META_KEYS)
    )
    if published is None and (time := tree.css_first("time[datetime]")) is not None:
        published = normalise_date(time.attributes.get("datetime"))
    canonical = tree.css_first('link[rel="canonical"][href]')
    image = head.ld_value("image")
    return Metadata(
        title=_title(head, site_name),
        author="; ".join(dict.fromkeys(authors)) or None,
        published=published,
        language=_language(head),
        site_name=site_name,
        canonical_url=_url(head, url, canonical.attributes.get("href") if canonical else None)
        or _url(head, url, head.first_meta("og:url")),
        image=_url(head, url, head.first_meta("og:image", "twitter:image"))
        or _url(head, url, image.get("url") if isinstance(image, dict) else image),
        description=head.first_meta("description", "og:description", "twitter:description"),
    )
