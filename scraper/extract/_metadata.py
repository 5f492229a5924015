"""Metadata of a page: title, authors, dates, language, tags... Each field is taken from the
most trusted source that gives it, in the order documented at each field's function:

- structured data: JSON-LD (schema.org, `@graph` included) and microdata (`itemprop`);
- `<meta>`: OpenGraph, `article:*`, Dublin Core, `parsely-*`, `sailthru.*`, plain names;
- the visible head of the article: the byline and the dateline printed under the headline,
  and the author link or byline box of the page's theme;
- the URL's date path, and htmldate (fast mode) when nothing above dates the page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._article_head import head_pieces, headline, pieces_after, title_element
from ._authors import byline, head_byline, split_names, unique
from ._dates import (
    DATE_RANGE,
    UPDATED_LABEL,
    labelled_date,
    local_day,
    month_date,
    page_date,
    parse_date,
    text_date,
    url_date,
)
from ._settings import BYLINE_DATE_PIECES, MIN_HEADLINE_OVERLAP

_ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "techarticle",
        "scholarlyarticle", "report", "liveblogposting", "webpage", "posting", "socialmediaposting",
        "discussionforumposting",
    }
)  # fmt: skip
# Types that describe the page, not the article: used only when the page has no article.
_PAGE_TYPES = frozenset({"webpage", "posting"})
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:-]\s+|\s+-\s+")
_SPACES = re.compile(r"\s+")
# A letter or a digit: what a tag or a category must hold.
_WORD = re.compile(r"[^\W_]")
# `<meta>` names and properties of each field, most reliable first.
_PUBLISHED_META_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created", "date",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time",
    "og:article:published_time", "og:publish_date", "dcterms.date", "cxenseparse:publishtime",
    "citation_publication_date", "citation_date", "published", "published_at", "pub_date",
    "datecreated",
)  # fmt: skip
_MODIFIED_META_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "dc.date.modified", "last-modified", "lastmod", "article.updated", "modified_time",
    "og:article:modified_time", "last-updated", "updated_at", "updated",
)  # fmt: skip
_AUTHOR_META_KEYS = ("author", "article:author", "parsely-author", "dc.creator", "dcterms.creator",
                     "sailthru.author", "byl", "citation_author")  # fmt: skip
_TAG_META_KEYS = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
_CATEGORY_META_KEYS = ("article:section", "parsely-section", "sailthru.section", "category")
# English-speaking regions that write the day first (5/6/2024 is 5 June there).
_DAY_FIRST_ENGLISH = frozenset({"gb", "uk", "au", "nz", "ie", "in", "za", "sg", "pk", "ng", "ke"})
# Most tags or categories kept: a longer list is a site's keyword stuffing.
_MAX_TAGS = 20
_MAX_TAG_CHARS = 60


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", html.unescape(value)).strip()  # unescape: some pages escape twice
    return value or None


class _Head:
    """Lookups into `<meta>`, `<link>`, JSON-LD and microdata of one page."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self.meta: dict[str, list[str]] = {}
        for node in tree.css("meta[content]"):
            attrs = node.attributes
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            if key and (content := _clean(attrs.get("content"))):
                self.meta.setdefault(key.lower(), []).append(content)
        self.ld, self.ld_by_id = _json_ld(tree)

    def first_meta(self, *keys: str) -> str | None:
        return next((self.meta[k][0] for k in keys if k in self.meta), None)

    def all_meta(self, *keys: str) -> list[str]:
        return [value for key in keys for value in self.meta.get(key, [])]

    def ld_value(self, *path: str) -> Any:
        value: Any = self.ld
        for key in path:
            if isinstance(value, list):
                value = value[0] if value else None
            value = value.get(key) if isinstance(value, dict) else None
        return value[0] if isinstance(value, list) and value else value

    def microdata(self, prop: str) -> str | None:
        """The value of the first element with `itemprop=prop` outside `<meta>` (those are
        read as meta): its `datetime` or `content` attribute, else its text."""
        for node in self.tree.css(f'[itemprop="{prop}"]'):
            if node.tag != "meta":
                attrs = node.attributes
                return _clean(attrs.get("datetime") or attrs.get("content") or node.text(strip=True))
        return None


def _json_ld_objects(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [obj for item in data for obj in _json_ld_objects(item)]
    if isinstance(data, dict):
        return [data, *_json_ld_objects(data.get("@graph", []))]
    return []


def _json_ld(tree: LexborHTMLParser) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The page's JSON-LD article (the first object of an article type, else of a page
    type) and every object by its `@id`; malformed blocks are skipped."""
    objects: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            objects += _json_ld_objects(json.loads(script.text()))
        except (ValueError, RecursionError):
            continue

    def kinds(obj: dict[str, Any]) -> set[str]:
        types = obj.get("@type")
        return {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}

    articles = [obj for obj in objects if kinds(obj) & _ARTICLE_TYPES]
    article = next(
        (obj for obj in articles if not kinds(obj) <= _PAGE_TYPES), articles[0] if articles else {}
    )
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and len(obj) > 1}
    return article, by_id


def _ld_people(head: _Head, value: Any, *, organisations: bool) -> list[str]:
    """Names of JSON-LD `author` values (references by `@id` followed): persons (and bare
    strings), or organisations."""
    if isinstance(value, list):
        return [name for item in value for name in _ld_people(head, item, organisations=organisations)]
    is_organisation = False
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        value = head.ld_by_id.get(value["@id"], value)
    if isinstance(value, dict):
        kinds = value.get("@type")
        is_organisation = any(k in ("Organization", "NewsMediaOrganization", "Corporation")
                              for k in (kinds if isinstance(kinds, list) else [kinds]))  # fmt: skip
        value = value.get("name")
    cleaned = _clean(value)
    if not cleaned or cleaned.startswith("http") or is_organisation != organisations:
        return []
    return split_names(cleaned)


# A date printed in the article's head, and whether it is labelled as an update.
Dateline = tuple[str, bool]


# How a page's dates are read: `text_date` with the page's conventions set.
DateReader = Callable[[str], str | None]


def _date_reader(head: _Head, expected: str | None, language: str | None) -> DateReader:
    """`text_date` with the page's conventions: month first on American English pages,
    month names in the markup's `language`, numeric dates that read both ways read as the
    `expected` day (the markup's or the URL's) when they can be."""
    return partial(text_date, month_first=_month_first(head), expected=expected, language=language)


def _datelines(pieces: list[str], read: DateReader) -> Iterator[Dateline]:
    """The dates printed in the article's head, in order, each with whether it is labelled
    as an update ("Updated May 6, 2024", or "Last updated:" in the two pieces before it; a
    date before the label in its piece is not: "May 3, 2024 · Updated May 6, 2024"). A
    period between two days is no dateline."""
    for index, piece in enumerate(pieces):
        if DATE_RANGE.search(piece):
            continue
        label = UPDATED_LABEL.search(piece)
        if label is not None and (day := read(piece[: label.start()])) is not None:
            yield day, False
        if (day := read(piece[label.start() :] if label else piece)) is not None:
            before = " ".join([*pieces[max(0, index - 2) : index], piece])
            yield day, bool(UPDATED_LABEL.search(before))


def _article_text(tree: LexborHTMLParser) -> str:
    """The text of the article (`<article>`, else `<main>`, else the page), one line per
    element, where it labels its dates ("Published: May 6, 2024", "Last updated: May 9,
    2024") wherever it prints them (at its foot, say)."""
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    return root.text(separator="\n") if root is not None else ""


def _month_dateline(pieces: list[str], language: str | None) -> str | None:
    """The month (`YYYY-MM`) of the first piece of the article's head that is a month and a
    year alone ("November 2015", "noviembre de 2015"), not labelled as an update: the date
    of a page that gives no day."""
    return next(
        (
            month
            for piece in pieces
            if not UPDATED_LABEL.search(piece) and (month := month_date(piece, language))
        ),
        None,
    )


def _month_first(head: _Head) -> bool:
    """True for a page in American English, whose numeric dates put the month first."""
    root = head.tree.css_first("html")
    lang = ((root.attributes.get("lang") if root else None) or head.first_meta("og:locale") or "").lower()
    region = lang.replace("_", "-").partition("-")[2]
    return lang.startswith("en") and region not in _DAY_FIRST_ENGLISH


@dataclass(frozen=True, slots=True)
class _Structured:
    """The dates the page's markup gives: JSON-LD or microdata, `<meta>`, `<time>`; every
    publication date it gives, most trusted first."""

    publications: tuple[str, ...]
    modified: str | None

    @property
    def published(self) -> str | None:
        return self.publications[0] if self.publications else None

    @classmethod
    def read(cls, head: _Head) -> _Structured:
        time = head.tree.css_first("time[datetime]")
        publications = (
            parse_date(_clean(head.ld_value("datePublished"))),
            parse_date(head.microdata("datePublished")),
            *map(parse_date, head.all_meta(*_PUBLISHED_META_KEYS)),
            parse_date(time.attributes.get("datetime") if time is not None else None),
        )
        modified = (
            parse_date(_clean(head.ld_value("dateModified")))
            or parse_date(head.microdata("dateModified"))
            or next(filter(None, map(parse_date, head.all_meta(*_MODIFIED_META_KEYS))), None)
        )
        return cls(tuple(filter(None, publications)), modified)

    def is_last_update(self, day: str) -> bool:
        """True for a day that is the markup's modification day, not its publication day:
        a theme printing the last update's date under the headline, unlabelled."""
        return (
            self.published is not None
            and self.modified is not None
            and self.modified.startswith(day)
            and self.modified[:10] > self.published[:10]
        )


def _byline_date(
    node: LexborNode | None, names: list[str], authors: list[str], read: DateReader
) -> str | None:
    """The date printed right after the page's byline element `node` ("Jane Doe · May 6,
    2024"), wherever the theme puts it (at the article's foot, say), when that byline's
    `names` are the article's `authors` (not a related story's) and the date is not
    labelled as an update."""
    if node is None or not set(names) & set(authors):
        return None
    pieces = pieces_after(node, BYLINE_DATE_PIECES)
    return next((day for day, updated in _datelines(pieces, read) if not updated), None)


def _printed_day(structured: _Structured, shown: str, url: str | None) -> str:
    """A day the page prints, or a structured publication date where it is that day: the
    most trusted one on that day, else the most trusted one when it is a UTC date-time on
    that day in the page's time zone (the printed day renders the instant the markup
    states), for its time and offset. The URL's date path records the local day as data,
    though: where it gives the printed day, that day beats a UTC date-time."""
    on_day = next((found for found in structured.publications if found.startswith(shown)), None)
    if on_day is not None:
        return on_day
    found = structured.published
    return found if found is not None and local_day(found, shown) and url_date(url) != shown else shown


def _published(
    structured: _Structured,
    datelines: list[Dateline],
    labelled: Callable[[], str | None],
    url: str | None,
    fallbacks: Iterable[Callable[[], str | None]],
) -> str | None:
    """Order of trust: the dateline under the headline (what the reader is shown; where a
    structured date falls on that day, that one, for its time and offset), unless it is
    labelled as an update or is the day the markup gives as the last modification; the
    date the article `labelled` as its publication ("Published: ...", or the date printed
    just before its "Updated: ..." label, wherever it prints them; the same way); JSON-LD
    or microdata `datePublished`; `<meta>` publication dates; the first `<time datetime>`
    (a structured date is no publication when the page prints an update before it, and a
    UTC one gives way to the URL's day when that is its day in the page's time zone); the
    URL's date path; then the `fallbacks`, in order (the date printed after the byline,
    htmldate's search of the page, a month and year alone under the headline); last, an
    "Updated ..." dateline, the only date such a page gives."""
    found = structured.published
    shown = next((day for day, updated in datelines if not updated), None)
    if shown is not None and not structured.is_last_update(shown):
        return _printed_day(structured, shown, url)
    if (shown := labelled()) is not None:
        return _printed_day(structured, shown, url)
    if found is not None:
        earlier_update = next((day for day, updated in datelines if updated and day < found[:10]), None)
        return earlier_update or local_day(found, url_date(url)) or found
    return (
        url_date(url)
        or next(filter(None, (find() for find in fallbacks)), None)
        or next((day for day, updated in datelines if updated), None)
    )


def _modified(
    structured: _Structured,
    datelines: list[Dateline],
    published: str | None,
    labelled: Callable[[], str | None],
) -> str | None:
    """Order of trust: JSON-LD or microdata `dateModified`; `<meta>` update dates; an
    "Updated ..." dateline; the date the article `labelled` as its last update ("Last
    updated: ...", wherever it prints it). Never before the publication day."""
    modified = structured.modified or next((day for day, updated in datelines if updated), None) or labelled()
    if modified is None or (published is not None and modified[:10] < published[:10]):
        return None
    return modified


def _is_site(name: str, site_name: str | None, url: str | None) -> bool:
    """True for a name that is the site's own (its `og:site_name`, or its host's name)."""
    key = re.sub(r"\W", "", name.casefold())
    host = re.sub(r"\W", "", urlsplit(url).hostname or "") if url else ""
    return bool(key) and (key == re.sub(r"\W", "", (site_name or "").casefold()) or key in host)


def _authors(
    head: _Head, pieces: list[str], boxes: list[str], site_name: str | None, url: str | None
) -> list[str]:
    """Order of trust: JSON-LD persons, unless the visible byline names them and more, or
    gives a full name where they give a handle; the visible byline ("By ..." by the
    headline, the theme's author link or byline box); `<meta>` authors; then organisations
    (JSON-LD organisation authors, else a name that is the site's own) when no person is
    named."""

    def persons(names: Iterable[str]) -> list[str]:
        return [name for name in unique(names) if not _is_site(name, site_name, url)]

    ld_names = _ld_people(head, head.ld.get("author"), organisations=False)
    people = persons(ld_names)
    shown = persons(head_byline(pieces)) or persons(boxes)
    meta = [name for value in head.all_meta(*_AUTHOR_META_KEYS) for name in split_names(value)]
    shown_keys, people_keys = {n.casefold() for n in shown}, {n.casefold() for n in people}
    handles_only = all(" " not in name for name in people) and any(" " in name for name in shown)
    if people and not (people_keys < shown_keys or handles_only):
        return people
    if shown:
        return shown
    organisations = _ld_people(head, head.ld.get("author"), organisations=True)
    return persons(meta) or unique([*organisations, *ld_names, *meta, *boxes])


def _terms(*sources: Any) -> tuple[str, ...]:
    """Tags or categories from JSON-LD values (a list, or a comma-separated string) and
    `<meta>` values, each once, in order; a piece without a letter or digit (a stray quote
    between two commas) is none."""
    terms: list[str] = []
    for source in sources:
        items = source if isinstance(source, list) else [source]
        for item in items:
            if isinstance(item, str):
                pieces = map(_clean, item.split(","))
                terms += [t for t in pieces if t and len(t) <= _MAX_TAG_CHARS and _WORD.search(t)]
    return tuple(unique(terms)[:_MAX_TAGS])


def _tags(head: _Head) -> tuple[str, ...]:
    """JSON-LD `keywords`, `<meta>` tags and keywords, then the page's `rel=tag` links."""
    if terms := _terms(head.ld.get("keywords"), *head.all_meta(*_TAG_META_KEYS)):
        return terms
    return _terms([node.text(strip=True) for node in head.tree.css('a[rel~="tag"]')
                   if "category" not in (node.attributes.get("rel") or "")])  # fmt: skip


def _categories(head: _Head) -> tuple[str, ...]:
    """JSON-LD `articleSection`, `<meta>` sections, then `rel="category tag"` links."""
    if terms := _terms(head.ld.get("articleSection"), *head.all_meta(*_CATEGORY_META_KEYS)):
        return terms
    return _terms([node.text(strip=True) for node in head.tree.css('a[rel~="category"]')])


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


def _title_forms(title: str | None) -> list[str]:
    """A title and its beginnings before each separator ('Headline | Site' -> 'Headline'):
    the forms a page may print it in."""
    if not title:
        return []
    beginnings = (title[: match.start()] for match in _TITLE_SEPARATORS.finditer(title))
    return [title, *(form for form in beginnings if len(form.split()) >= 2)]  # one word: a brand


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _title(head: _Head, site_name: str | None) -> str | None:
    """Order of trust: the visible headline of two words or more (the wording the reader
    sees, with no site name), unless it shares almost no words with the markup's title (then
    it is a logo or a section name); on a page with no headline, the beginning of the
    markup's title (before a separator) that it prints as a heading or paragraph; the
    markup's title (JSON-LD `headline`, `og:title`), less a site name at its end; a
    one-word headline; `<title>`, less its last short part (the brand)."""
    node = head.tree.css_first("title")
    page_title = _clean(node.text()) if node else None
    marked = _clean(head.ld_value("headline")) or head.first_meta("og:title", "twitter:title")
    shown = headline(head.tree)
    if shown and len(shown.split()) >= 2:
        reference = marked or page_title
        words = _words(shown)
        if not reference or len(words & _words(reference)) >= MIN_HEADLINE_OVERLAP * len(words):
            return shown
    if shown is None and (printed := title_element(head.tree, _title_forms(marked or page_title)[1:])):
        return " ".join(printed.text().split())
    if marked:
        return _strip_site_name(marked, site_name, short_brand=False)
    if shown:
        return shown
    return _strip_site_name(page_title, site_name, short_brand=True) if page_title else None


def _language(head: _Head) -> str | None:
    """The language the markup declares: `<html lang>`, then `<meta>` (checked against the
    text later, in `_language.article_language`)."""
    root = head.tree.css_first("html")
    lang = (root.attributes.get("lang") if root else None) or head.first_meta(
        "content-language", "og:locale", "dc.language", "language"
    )
    lang = _clean(lang)
    return lang.replace("_", "-").split("-")[0].lower() if lang else None


def _url(base: str | None, href: str | None) -> str | None:
    href = _clean(href)
    if not href:
        return None
    return urljoin(base, href) if base else href


def _dates(
    tree: LexborHTMLParser,
    head: _Head,
    pieces: list[str],
    byline_found: tuple[LexborNode | None, list[str], list[str]],
    language: str | None,
    where: tuple[str | None, str | None],
) -> tuple[str | None, str | None]:
    """The publication and last update dates, each by its order of trust (`_published`,
    `_modified`); `byline_found` is the byline element, its names and the article's authors,
    `language` the markup's, `where` the page's URL and HTML."""
    url, page = where
    structured = _Structured.read(head)
    read = _date_reader(head, structured.published or url_date(url), language)
    datelines = list(_datelines(pieces, read))
    fallbacks = (
        partial(_byline_date, *byline_found, read),
        partial(page_date, page or "", url),
        partial(_month_dateline, pieces, language),
    )
    article_text = cache(partial(_article_text, tree))

    def labelled(*, update: bool = False) -> str | None:
        return labelled_date(article_text(), read, update=update)

    last_update = cache(partial(labelled, update=True))
    # A page whose only date is its last update's ("Last updated: ...") is dated by it.
    published = _published(structured, datelines, labelled, url, fallbacks) or last_update()
    return published, _modified(structured, datelines, published, last_update)


def read_metadata(tree: LexborHTMLParser, url: str | None, page: str | None = None) -> Metadata:
    """Metadata of the page parsed as `tree` (read before any pruning); `page` is its HTML,
    given to htmldate when nothing else dates it. Absent fields are None or empty."""
    head = _Head(tree)
    site_name = head.first_meta("og:site_name", "application-name") or _clean(
        head.ld_value("publisher", "name")
    )
    title = _title(head, site_name)
    pieces = head_pieces(tree, _title_forms(title))
    byline_node, byline_names = byline(tree)
    authors = _authors(head, pieces, byline_names, site_name, url)
    language = _language(head)
    published, modified = _dates(
        tree, head, pieces, (byline_node, byline_names, authors), language, (url, page)
    )
    canonical = tree.css_first('link[rel="canonical"][href]')
    image = head.ld_value("image")
    return Metadata(
        title=title,
        author="; ".join(authors) or None,
        authors=tuple(authors),
        published=published,
        modified=modified,
        language=language,
        site_name=site_name,
        canonical_url=_url(url, canonical.attributes.get("href") if canonical else None)
        or _url(url, head.first_meta("og:url")),
        image=_url(url, head.first_meta("og:image", "twitter:image"))
        or _url(url, image.get("url") if isinstance(image, dict) else image),
        description=head.first_meta("description", "og:description", "twitter:description"),
        tags=_tags(head),
        categories=_categories(head),
    )
