"""Feeds and sitemaps: recognised by their content, read for the article URLs they list.

RSS 2.0, RSS 1.0 (RDF) and Atom are read by feedparser; JSON Feed by `json`; sitemaps
(index, urlset, Google News) with defusedxml. XML that declares entities is refused before
any parser sees it (entity expansion, "billion laughs"), and nothing external is loaded.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urljoin

from .._errors import BadListing, DecodingFailed
from . import _settings
from ._inflate import BoundedDecoder, ByteLimit

ListingKind = Literal["feed", "sitemap", "sitemap_index"]

# The most a feed or sitemap may weigh, decompressed (no option sets it).
LISTING_LIMIT = ByteLimit(
    _settings.MAX_LISTING_BYTES, f"{_settings.MAX_LISTING_BYTES:,} bytes, the most a feed or sitemap may have"
)

# The first element of an XML document, after its declaration, comments and doctype. Each
# of these is matched once, atomically (`(?>...)*+`): a comment can never be re-read as
# part of a longer one, so a page of many comments costs linear time, not exponential.
_ROOT = re.compile(
    rb"(?>\s+|<\?.*?\?>|<!--.*?-->|<!(?i:DOCTYPE)[^>\[]*(?:\[.*?\])?\s*>)*+<([A-Za-z_][\w.:-]*)", re.S
)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
# The XML declaration, and its encoding (read in ASCII: any encoding an XML parser reads
# without a byte order mark writes the declaration in ASCII, or in UTF-16 detected below).
_XML_DECLARATION = re.compile(r"\A<\?xml[^<>]*?\?>")
_DECLARED_ENCODING = re.compile(rb"\A<\?xml[^<>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
# Byte order marks and the UTF-16/32 forms of "<?" without one (XML 1.0, appendix F).
_XML_SIGNATURES = (
    (b"\x00\x00\xfe\xff", "utf-32-be", 4), (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\xef\xbb\xbf", "utf-8", 3), (b"\xfe\xff", "utf-16-be", 2), (b"\xff\xfe", "utf-16-le", 2),
    (b"\x00\x00\x00<", "utf-32-be", 0), (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00<\x00?", "utf-16-be", 0), (b"<\x00?\x00", "utf-16-le", 0),
)  # fmt: skip
_FEED_ROOTS = {"rss", "rdf:RDF", "RDF", "feed"}
_SITEMAP_ROOTS: dict[str, ListingKind] = {"urlset": "sitemap", "sitemapindex": "sitemap_index"}
# <link rel="alternate" type=...> types that announce a feed on an HTML page.
FEED_LINK_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json",
                             "application/rdf+xml"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """A URL a feed or sitemap lists, with its date (feed date, `lastmod`, news date)."""

    url: str
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """What a feed or sitemap lists. A sitemap index lists other sitemaps."""

    kind: ListingKind
    entries: tuple[Entry, ...]
    dropped: int = 0  # URLs past MAX_LISTING_ENTRIES, not taken


def read_listing(body: bytes, url: str) -> Listing | None:
    """The listing in `body`, or None when it is no feed or sitemap (an HTML page, say).
    A gzipped body is inflated first (up to the size a sitemap may have). XML is decoded
    as an XML parser would and handed on re-encoded in UTF-8, so that an entity declared
    in UTF-7 or UTF-16 is seen (and refused) like any other."""
    if body[:2] == b"\x1f\x8b":
        body = _gunzip(body)
    if body.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        return _json_feed(body.removeprefix(b"\xef\xbb\xbf").lstrip(), url)
    root = _xml_root(body[: _settings.LISTING_SNIFF_BYTES])
    if root is None:
        return None
    text = _as_utf8(body)
    if _ENTITY_DECLARATION.search(text):
        raise BadListing("the XML declares entities, which are refused (an entity-expansion attack?)")
    if root.rsplit(":", 1)[-1] in _SITEMAP_ROOTS:
        return _sitemap(text, url)
    return _feed(text, url)


def looks_like_listing(head: bytes) -> bool:
    """Whether a document starting with `head` is read as a feed or sitemap (gzipped
    data is taken for a sitemap: a page is never gzipped once its encoding is undone)."""
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return head[:2] == b"\x1f\x8b" or stripped.startswith(b"{") or _xml_root(head) is not None


def _xml_root(head: bytes) -> str | None:
    """The name of the root element of a feed or sitemap starting with `head`, else None."""
    try:
        match = _ROOT.match(_as_utf8(head))
    except BadListing:  # an unknown encoding: no parser reads it as XML
        return None
    if match is None:
        return None
    root = match.group(1).decode("ascii")
    if root in _FEED_ROOTS or root.rsplit(":", 1)[-1] in _SITEMAP_ROOTS:
        return root
    return None


def _xml_encoding(data: bytes) -> tuple[str, int]:
    """The encoding an XML parser reads `data` in, and the length of its byte order mark."""
    for signature, encoding, length in _XML_SIGNATURES:
        if data.startswith(signature):
            return encoding, length
    declared = _DECLARED_ENCODING.match(data.lstrip())
    return (declared.group(1).decode("ascii").lower() if declared else "utf-8"), 0


def _as_utf8(data: bytes) -> bytes:
    """The XML document decoded as a parser would, re-encoded in UTF-8 under a declaration
    that says so (bytes no encoding can read are replaced, as feed readers do)."""
    encoding, bom = _xml_encoding(data)
    try:
        text = data[bom:].decode(encoding, errors="replace")
    except LookupError:
        raise BadListing(f"the XML declares the encoding {encoding!r}, which is unknown") from None
    text = _XML_DECLARATION.sub("", text.lstrip(), count=1)
    return ('<?xml version="1.0" encoding="utf-8"?>' + text).encode("utf-8")


def _gunzip(body: bytes) -> bytes:
    """A gzipped sitemap inflated, up to the size a sitemap may have."""
    try:
        return BoundedDecoder("gzip", LISTING_LIMIT).whole(body)
    except DecodingFailed as error:
        raise BadListing(error.detail) from None


def _bounded(kind: ListingKind, entries: list[Entry]) -> Listing:
    unique = list({entry.url: entry for entry in entries}.values())
    kept = unique[: _settings.MAX_LISTING_ENTRIES]
    return Listing(kind, tuple(kept), len(unique) - len(kept))


def iso_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 / W3C date or date-time, as an aware datetime (UTC when no zone is
    given); None when it is none."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _json_feed(text: bytes, url: str) -> Listing | None:
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
        "https://jsonfeed.org/"
    ):
        return None
    entries = []
    for item in document.get("items") or []:
        link = isinstance(item, dict) and (item.get("url") or item.get("external_url"))
        if isinstance(link, str):
            entries.append(
                Entry(
                    urljoin(url, link), iso_datetime(item.get("date_published") or item.get("date_modified"))
                )
            )
    return _bounded("feed", entries)


def _feed(text: bytes, url: str) -> Listing:
    import feedparser  # loaded only when a feed comes

    parsed: Any = feedparser.parse(text, response_headers={"content-location": url})
    if parsed.bozo and not parsed.entries:
        raise BadListing(f"the feed is malformed: {parsed.get('bozo_exception')}")
    entries = []
    for item in parsed.entries:
        link = item.get("link") or next(
            (li.get("href") for li in item.get("links", []) if li.get("href")), None
        )
        if link:
            when = item.get("published_parsed") or item.get("updated_parsed")
            entries.append(Entry(urljoin(url, link), _struct_time(when)))
    return _bounded("feed", entries)


def _struct_time(value: Any) -> datetime | None:
    return datetime.fromtimestamp(calendar.timegm(value), UTC) if value else None


def _sitemap(text: bytes, url: str) -> Listing:
    from xml.etree.ElementTree import Element, ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root: Element = fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (ParseError, DefusedXmlException) as error:
        raise BadListing(f"the sitemap is malformed: {error}") from None
    kind = _SITEMAP_ROOTS[_local(root.tag)]
    entries = []
    for node in root:
        fields = {_local(child.tag): child for child in node.iter()}
        location = fields.get("loc")
        if location is None or not (location.text or "").strip():
            continue
        news = fields.get("publication_date")
        modified = fields.get("lastmod")
        when = iso_datetime(
            news.text if news is not None else modified.text if modified is not None else None
        )
        entries.append(Entry(urljoin(url, (location.text or "").strip()), when))
    return _bounded(kind, entries)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def feed_links(html: bytes, url: str) -> list[str]:
    """The feeds a page announces with `<link rel="alternate" type="application/rss+xml">`."""
    from selectolax.lexbor import LexborHTMLParser

    found = []
    for link in LexborHTMLParser(html).css("link[rel][href][type]"):
        rel = (link.attributes.get("rel") or "").lower().split()
        kind = (link.attributes.get("type") or "").lower().strip()
        if "alternate" in rel and kind in FEED_LINK_TYPES:
            found.append(urljoin(url, link.attributes.get("href") or ""))
    return list(dict.fromkeys(found))
