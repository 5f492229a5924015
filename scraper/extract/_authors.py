"""Author names: found in a visible byline, split into names, cleaned of what is not a name."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._dates import UPDATE_WORDS, text_date


@dataclass(frozen=True, slots=True)
class BylineQuery:
    """Elements that may hold a byline: those `selector` finds, links only where their
    address holds one of `paths` when some are given (read from each link's address: one
    query, where a selector per path walked the page once each). Not run on a page where
    `broader`, a selector that finds each of its elements or an ancestor, finds nothing."""

    selector: str
    broader: str | None = None
    paths: tuple[str, ...] = ()


_AUTHOR_ITEMPROP = '[itemprop="author"]'
_AUTHOR_NAMES = '[class*="author"], [class*="Author"], [class*="writer"], [id*="author"]'
# Paths of the author's archive page, the URL convention of blog and news CMSs, that a link
# to it holds.
_AUTHOR_ARCHIVE_PATHS = ("/author/", "/authors/", "/autor/", "/auteur/", "/contributors/", "/writers/",
                         "/people/", "/staff/")  # fmt: skip
# Elements that hold a byline, most specific first: the author link or microdata, then a
# byline box, then any element whose class or id names the author or writer. Attribute
# words are the conventions of publishing themes (WordPress, schema.org, news CMSs), not of
# one site.
BYLINE_QUERIES: tuple[BylineQuery, ...] = (
    BylineQuery(f'{_AUTHOR_ITEMPROP} [itemprop="name"]', broader=_AUTHOR_ITEMPROP),
    BylineQuery('a[rel="author"]'),
    BylineQuery("a[href]", paths=_AUTHOR_ARCHIVE_PATHS),
    BylineQuery(_AUTHOR_ITEMPROP),
    BylineQuery(
        '[class*="author-name"], [class*="author__name"], [class*="authorName"], [class*="AuthorName"]',
        broader=_AUTHOR_NAMES,
    ),
    BylineQuery('[class*="byline"], [class*="Byline"], [data-component*="Byline"], [id*="byline"]'),
    BylineQuery(_AUTHOR_NAMES),
)
# Containers whose author links are not the article's: comments, related stories, bios.
# A word of a class, not a part of one: page builders name every box "elementor-widget".
_FOREIGN_CONTAINERS = re.compile(
    r"(?<![\w-])(?:comments?|comment-\w+|related\w*|recommend\w*|sidebar|footer|widget|popular|more-\w+)(?![\w-])",
    re.I,
)
# How far up an element's ancestors are looked at for such a container.
_MAX_ANCESTORS = 8
# What precedes a name in a byline, in the languages of the rules: "By", "Written by",
# "Author:", "Von", "Por", "Par", "Di", "Door", "Автор:", "Текст:"; in Chinese, where no
# space need follow, "作者：", "记者", "本报记者", "责任编辑：", "文／".
_BY = re.compile(
    r"^(?:(?:(?:written|posted|published|reported|compiled|text|words|story)\s+by|by"
    r"|author(?:ed by|s)?|autor(?:a|in|es)?|auteur|von|por|par|di|door|de|автор(?:ы)?|текст)"
    r"\s*[:：|-]?(?:\s+|$)"
    r"|(?:作者|(?:本报)?(?:特约)?记者|(?:责任)?编辑|通讯员)\s*[:：]?\s*|文\s*[:：/／]\s*)",
    re.IGNORECASE,
)
# Where a byline stops being names: an "Updated ..." or "Published ..." label, a reading
# time, a bullet or a pipe followed by more text, a date.
_BYLINE_END = re.compile(
    rf"\s*(?:\b(?:{UPDATE_WORDS}|published|posted|reviewed|fact[- ]checked|publicado|veröffentlicht|publié)\b"
    r"|\d+\s*min(?:ute)?s?\b|[•·|—–]\s|\son\s(?=\D{0,20}\d)).*$",
    re.IGNORECASE,
)
# Separators between several names: ",", ";", "&", "and", "und", "y", "et", "e", "и", and
# the Chinese comma and enumeration comma.
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;&，、；]|\s(?:and|und|y|et|e|и)\s)\s*")
# A credential after a name ("Jane Doe, MD", "Ph.D.") is not a second name (case matters).
_CREDENTIAL = re.compile(r"^(?:(?:[A-Z][A-Za-z]?\.){1,3}|[A-Z]{2,6}|Ph\.?D\.?)$")
# Nor is a role ("John Roe, Senior Editor"); a role alone is no name.
_ROLE = re.compile(
    r"\b(?:editor|writer|reporter|correspondent|contributor|staff|columnist|expert|director|"
    r"manager|analyst|founder|ceo|cto|head of|redakteur(?:in)?|redactor(?:a)?|rédact(?:eur|rice)|"
    r"journalist(?:in|e|a)?|корреспондент|редактор|обозреватель|журналист(?:ка)?)\b",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"[@#]\w+|\S+@\S+\.\w+|https?://\S+|www\.\S+")
# A credit line of a picture or a video is no byline: "Photo: Jane Doe", "Image by ...".
_CREDIT = re.compile(r"(?:photo(?:graph)?s?|image|picture|video|illustration|credit|source)\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]")
# Longest name kept, in words and characters: a longer "name" is a sentence or a bio.
_MAX_NAME_WORDS = 6
_MAX_NAME_CHARS = 60
# Words that are never an author's name on their own: labels left by a template.
_NOT_NAMES = frozenset(
    {"admin", "author", "authors", "by", "posted", "published", "updated", "editor", "staff",
     "guest", "anonymous", "unknown", "the author", "about the author", "share", "follow", "more",
     "view all posts", "posts"}
)  # fmt: skip


def clean_name(text: str) -> str | None:
    """A name as a byline prints it, less the "By", handles and what is not a name."""
    text = _HANDLE.sub(" ", " ".join(text.split()))
    text = _BY.sub("", text.strip(" :|-–—•·,")).strip(" :|-–—•·,")
    if text_date(text) is not None:  # "Jane Doe May 6, 2024": the date is not part of the name
        text = re.split(r"\s+(?=\w+\.? \d{1,2},? \d{4}|\d{1,2}[./ ])", text)[0]
    if not text or not _LETTERS.search(text) or text.casefold() in _NOT_NAMES or _CREDIT.match(text):
        return None
    if len(text) > _MAX_NAME_CHARS or len(text.split()) > _MAX_NAME_WORDS:
        return None
    if " " not in text and (any(ch.isdigit() for ch in text) or "." in text or "_" in text):
        return None  # a user handle or an account number: "kffnirmitap42", "andrew.keaveney"
    return text


def split_names(text: str) -> list[str]:
    """Every name of a byline or an author field: "By Ana Ruiz and Li Wei, Staff Writers |
    Updated May 6" gives ["Ana Ruiz", "Li Wei"]."""
    text = _BYLINE_END.sub("", _BY.sub("", " ".join(text.split())))
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(text):
        if names and (_CREDENTIAL.match(part.strip()) or _ROLE.search(part)):
            continue  # "Jane Doe, MD" or "Jane Doe, Senior Editor": a role, not a second name
        if (name := clean_name(part)) is not None:
            names.append(name)
    return names


def unique(names: Iterable[str]) -> list[str]:
    """Names in order, each once (compared without case)."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


def looks_like_name(name: str) -> bool:
    """True for text shaped like a person's or an organisation's name as bylines print it:
    no digits, not an interface label, every word capitalised but for name particles ("van",
    "de", "bin") (scripts without case pass)."""
    words = name.split()
    if any(ch.isdigit() for ch in name) or name.casefold() in _INTERFACE_LABELS or text_date(name):
        return False
    if _ROLE.search(name) and not re.search(r"\b(?:staff|team|desk|editors)\b", name, re.I):
        return False  # "Marketing Director", "Senior Editor": a role, not a name
    return all(w[0].isupper() or not w[0].isalpha() or w[0].lower() == w[0].upper() or w in _PARTICLES
               or w in _COLLECTIVES for w in words)  # fmt: skip


def _is_foreign(node: LexborNode) -> bool:
    """True for an element in comments, related stories, a sidebar, navigation, or the
    page's footer or aside (an `<article>`'s own, where themes print the byline, are not)."""
    parent, in_footer = node.parent, False
    for _ in range(_MAX_ANCESTORS):
        if parent is None or parent.tag in {"body", "html"}:
            break
        attrs = parent.attributes
        if _FOREIGN_CONTAINERS.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        if parent.tag == "nav":
            return True
        if parent.tag == "article":
            return False
        in_footer = in_footer or parent.tag in {"footer", "aside"}
        parent = parent.parent
    return in_footer


_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das",
                        "la", "le", "bin", "ibn", "al", "el", "y", "e", "zu", "ten", "ter"})  # fmt: skip
# Lowercase words that end an organisation's byline: "The Currency editors", "Acme team".
_COLLECTIVES = frozenset({"team", "staff", "editors", "desk", "newsroom", "writers", "contributors"})
# Texts of the interface that byline boxes also hold.
_INTERFACE_LABELS = frozenset(
    {"sign in", "log in", "text size", "text link", "follow", "share", "share post", "subscribe",
     "read more", "view profile", "see all", "more", "contact", "email", "bio", "about", "posts",
     "menu", "no comments", "comments", "in this article", "top picks", "originally", "paid"}
)  # fmt: skip


# A piece of the article's head that is a byline: "By Jane Doe", "Von Jana Roth", "Por ...".
_BYLINE_PIECE = re.compile(r"^(?:by|von|por|par|di|door|written by|text:?)\s+\S", re.I)
# A piece that only labels the byline after it: "By", "Written by", "Author:", "Von".
_BYLINE_LABEL = re.compile(
    r"(?:(?:written|posted|text|story|words|reported)\s+)?(?:by|von|por|par|di|door|author|autor|auteur)\s*:?",
    re.I,
)
# The piece before a "by" that makes it someone other than the author.
_NOT_AUTHOR_ROLE = re.compile(
    r"(?:reviewed|edited|checked|photo(?:graph)?s?|illustrat\w*|video|translated)\s*$", re.I
)
_NOT_BYLINE_TAGS = frozenset({"meta", "link", "script", "style", "body", "html", "article"})


def _has_path(link: LexborNode, paths: tuple[str, ...]) -> bool:
    """Whether the address of `link` holds one of `paths` (any address when none are given)."""
    if not paths:
        return True
    address = link.attributes.get("href") or ""
    return any(path in address for path in paths)


def _candidates(tree: LexborHTMLParser) -> Iterator[tuple[LexborNode, list[str]]]:
    """Each byline element with its lines, in the order of `BYLINE_QUERIES`."""
    found = functools.cache(tree.css)  # a broader selector's query serves its own turn too
    for query in BYLINE_QUERIES:
        if query.broader is not None and not found(query.broader):
            continue
        for node in found(query.selector):
            if node.tag in _NOT_BYLINE_TAGS or not _has_path(node, query.paths) or _is_foreign(node):
                continue
            text = node.text(separator="\n", strip=True)
            if text and len(text) <= 200:  # a byline is short; a long text is a bio box
                yield node, [line for line in text.splitlines() if line.strip()]


def _names_in(lines: list[str]) -> list[str]:
    """The names of a byline element: its whole text when that reads as names, else its
    first line that does ("Keith Barry" of "Keith Barry / Senior Autos Reporter")."""
    for text in (" ".join(lines), *lines):
        names = split_names(text)
        if names and all(map(looks_like_name, names)):
            return unique(names)
    return []


def head_byline(pieces: list[str]) -> list[str]:
    """The names of the byline by the headline: a "By Jane Doe" piece, or a "By" or
    "Written by" piece followed by the names."""
    for index, piece in enumerate(pieces):
        if index > 0 and _NOT_AUTHOR_ROLE.search(pieces[index - 1]):
            continue  # "Medically reviewed" "by" ...: a reviewer, not the author
        if _BYLINE_LABEL.fullmatch(piece) and index + 1 < len(pieces):
            piece = pieces[index + 1]
        elif not _BYLINE_PIECE.match(piece):
            continue
        names = split_names(piece)
        if names and all(map(looks_like_name, names)):
            return unique(names)
    return []


def byline(tree: LexborHTMLParser) -> tuple[LexborNode | None, list[str]]:
    """The page's visible byline element and its names: the first byline element (by the
    order of `BYLINE_QUERIES`) that holds a name, outside comments, related stories and
    footers."""
    for node, lines in _candidates(tree):
        if names := _names_in(lines):
            return node, names
    return None, []
