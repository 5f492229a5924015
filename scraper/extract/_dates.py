"""Dates of a page: parsing what pages write, the plausibility window, the URL's date path.

How a date is written (the convention of every date `extract` gives):

- a date-time whose offset the page states is ISO 8601 with that offset, to the second:
  `2024-05-06T08:30:00+02:00` (`Z` is written `+00:00`);
- a date-time without an offset is the page's local clock time, zone unknown, and is given
  without one: `2024-05-06T08:30:00` (no zone is invented);
- a date alone stays a date alone: `2024-05-06` (no midnight is invented);
- a month alone, for a page that prints a month and a year and no day, stays a month
  alone: `2015-11` (ISO 8601's reduced precision; no first of the month is invented).

Nothing before `EARLIEST_DATE` or after tomorrow (UTC, a day of slack for time zones) is
ever given: such values are placeholders (`0001-01-01`), typos or clocks set wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from htmldate import find_date
from htmldate.extractors import try_date_expr

from ._settings import EARLIEST_DATE, HTMLDATE_MAX_CHARS

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
# English month names: URL date paths write them whole or by their first three letters
# (or four: "sept").
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")  # fmt: skip
_MONTH_IN_URL = "|".join(f"{name[:3]}(?:{name[3:]}|{name[3:4]})?" for name in _MONTHS)
# A date in a URL's path: /2024/05/06/, /2024-05-06-slug, /20240506/, /2024/oct/06/ (the
# month by name, as several news CMSs write it); year 19xx or 20xx.
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    r"|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    rf"|/((?:19|20)\d{{2}})/({_MONTH_IN_URL})/(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)",
    re.IGNORECASE,
)

# The furthest time zones from UTC, in hours: a local day is UTC's day shifted this far.
_UTC_OFFSET_HOURS = (-12, 14)

# Words that label a date as the last update, in the languages of the rules.
UPDATE_WORDS = r"updated|modified|last updated|actualizado|aktualisiert|mis à jour|atualizado|aggiornato"
UPDATED_LABEL = re.compile(rf"\b(?:{UPDATE_WORDS})\b", re.IGNORECASE)


def _label_line(labels: str, initials: str) -> re.Pattern[str]:
    """A line that begins with one of `labels` (and a preposition: "on", "el", "am"...):
    group 1 is the rest of the line, group 2 the next line (the date of a label alone).
    `initials` are the letters the labels begin with: a line that begins with none of them
    is turned away at once (trying the labels at every line of the article cost six times
    as much)."""
    return re.compile(
        rf"\n[ \t]*(?=[{initials}])(?:{labels})\b"
        r"(?:[ \t]+(?:on|at|el|em|am|le|il))?[ \t:]*([^\n]*)\n?([^\n]*)",
        re.IGNORECASE,
    )


# A line that labels its date, or the next line's, as the publication: "Published: May 6,
# 2024", "Posted on", "Post time:", "Publicado el", "Veröffentlicht am", "Publié le",
# "Pubblicato il". (The line begins with the label: "first published in 1951" in a
# sentence is no dateline.)
_PUBLISHED_LINE = _label_line(
    r"p(?:ublished|osted|ost time|ublication date|ublicad[oa]|ubli[ée]e?|ubblicat[oa])"
    r"|date published|ver[öo]ffentlicht",
    initials="pdv",
)
# A line that labels its date, or the next line's, as the last update: "Last updated: May
# 6, 2024", "Updated on", "Zuletzt aktualisiert am", "Última actualización:", "Dernière
# mise à jour le", "Ultimo aggiornamento", "Última atualização".
_UPDATED_LINE = _label_line(
    rf"(?:zuletzt[ \t]+)?(?:{UPDATE_WORDS})|última actualización|dernière mise à jour"
    r"|ultimo aggiornamento|última atualização|letzte aktualisierung",
    initials="zumladú",
)
# The longest text after a publication label read for its date: a longer one is prose.
_LABELLED_DATE_MAX_CHARS = 80
# Scripts, styles and drawings: most of a large page's bytes, and never its date (JSON-LD
# has been read before htmldate runs). Each ends at its first end tag, found by skipping the
# text up to each `<` at C speed (what `.*?` would do one character at a time).
_CODE_BLOCKS = re.compile(r"<(script|style|svg|noscript|template)\b[^<]*(?:<(?!/\1\s*>)[^<]*)*</\1\s*>", re.I)
_CODE_OPENING = re.compile(r"<(script|style|svg|noscript|template)\b", re.I)
# A numeric date with slashes or dashes: 5/6/2024, 05-06-2024, 5/6/24 (month or day first,
# by the page's convention).
_SLASH_DATE = re.compile(r"(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)?\d{2})(?![\d/-])")
# A numeric date with any separator: 03/10/2023, 09.10.2024, 3-10-23.
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)?\d{2})(?![\d/.-])")
# A period between two days ("November 26 – December 3, 2025", "16-19 March 2026"): an
# offer's or an event's dates, not a dateline.
DATE_RANGE = re.compile(r"(?<![\d./-])\d{1,2}\s*[–—-]\s*(?:[^\W\d_]{3,}\.?\s*)?\d{1,2}\b(?![./-]\d)")
# A date with the month in words, day first or month first, as other languages than
# htmldate's write it: "13 de octubre de 2025", "13. října 2025", "ottobre 13, 2025".
_WORDED_DATE = re.compile(
    r"\b\d{1,2}\.?\s+(?:(?:de|di|del)\s+)?[^\W\d_]{3,}\.?,?\s+(?:(?:de|del)\s+)?(?:19|20)\d{2}(?!\d)"
    r"|\b[^\W\d_]{3,}\.?\s+\d{1,2},?\s+(?:19|20)\d{2}(?!\d)"
)
# A month and a year alone, the month in words: "November 2015", "Nov. 2015", "noviembre de
# 2015", "novembre 2015".
_MONTH_YEAR = re.compile(r"[^\W\d_]{3,}\.?,?\s+(?:(?:de|del)\s+)?((?:19|20)\d{2})")
# A date in Chinese, Japanese or Korean: 2025年10月13日, 2025년 10월 13일.
_CJK_DATE = re.compile(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})")
# "Dec. 9, 2025": htmldate reads month abbreviations without their dot.
_ABBREVIATION_DOT = re.compile(r"\b([^\W\d_]{3,5})\.(?=\s*\d)")
# "OCTOBER 13, 2025": htmldate takes a word in capitals for a currency code and gives up.
_CAPITALS = re.compile(r"\b[A-Z][A-ZÀ-Ý]{2,}\b")


def _latest() -> date:
    return datetime.now(UTC).date() + timedelta(days=1)


def plausible(day: date) -> bool:
    """True for a day between `EARLIEST_DATE` and tomorrow."""
    return EARLIEST_DATE <= day <= _latest()


def _plausible_day(year: int, month: int, day: int) -> str | None:
    """`YYYY-MM-DD` of a day that exists and is plausible, else None."""
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return when.isoformat() if plausible(when) else None


def _from_iso(match: re.Match[str]) -> str | None:
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        when = date(int(year), int(month), int(day))
        if hour is None:
            return when.isoformat() if plausible(when) else None
        stamp_text = f"{when.isoformat()}T{int(hour):02d}:{minute}:{second or '00'}"
        if offset:
            stamp_text += (
                "+00:00" if offset == "Z" else offset if ":" in offset else f"{offset[:3]}:{offset[3:]}"
            )
        stamp = datetime.fromisoformat(stamp_text)
    except ValueError:
        return None
    return stamp.isoformat() if plausible(stamp.date()) else None


@lru_cache(maxsize=1024)
def parse_date(value: str | None) -> str | None:
    """The ISO 8601 form (see the module's convention) of a date as pages write it in
    markup: ISO 8601, RFC 2822 (`Mon, 06 May 2024 08:30:00 GMT`), or words and numbers
    (`May 6, 2024`, `6. Mai 2024`, `06.05.2024`, read by htmldate); None when there is no
    date or it is implausible."""
    if not value or not (value := value.strip()):
        return None
    if (match := _ISO.match(value)) is not None:
        return _from_iso(match)
    try:
        stamp = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return text_date(value)
    return stamp.isoformat() if plausible(stamp.date()) else None


def _full_year(year: int) -> int:
    """The year a numeric date means: two digits are this century's year, or the last's
    when that would be in the future (`24` is 2024, `98` is 1998)."""
    if year >= 100:
        return year
    return 2000 + year if 2000 + year <= _latest().year else 1900 + year


def _slash_date(match: re.Match[str], month_first: bool) -> str | None:
    first, second, year = int(match[1]), int(match[3]), int(match[4])
    month, day = (first, second) if month_first and first <= 12 else (second, first)
    return _plausible_day(_full_year(year), month, day)


def text_date(
    text: str, *, month_first: bool = False, expected: str | None = None, language: str | None = None
) -> str | None:
    """The day a short text names (`Updated May 6, 2024`, `6. Mai 2024`, `06.05.2024`), as
    `YYYY-MM-DD`, by htmldate's fast rules (its slow search is never run), else, for a
    month in words of another language (`13 de octubre de 2025`, `2025年10月13日`), by
    dateparser in the page's `language`; None when it names none in the plausible window.
    `month_first` reads `5/6/2024` as May 6 (the US convention, for pages in American
    English) rather than 5 June. A numeric date that reads both ways is read the way that
    gives the `expected` day (the markup's) or the day next to it (the markup's day may be
    UTC's, the page prints its own), if one does: the page's own convention beats the
    guess from its language."""
    if month_first and (match := _SLASH_DATE.search(text)) is not None:
        day = _slash_date(match, month_first)
    else:
        text = _CAPITALS.sub(lambda word: word[0].capitalize(), _ABBREVIATION_DOT.sub(r"\1", text))
        earliest = datetime.combine(EARLIEST_DATE, datetime.min.time())
        latest = datetime.combine(_latest(), datetime.min.time())
        day = try_date_expr(text, "%Y-%m-%d", False, earliest, latest) or _worded_date(text, language)
    if day is None or expected is None or _days_apart(day, expected) <= 1:
        return day
    other = _other_reading(text, day)
    return other if other is not None and _days_apart(other, expected) <= 1 else day


def _days_apart(day: str, stamp: str) -> int:
    """Days between `day` and the day of the date or date-time `stamp`."""
    return abs((date.fromisoformat(day[:10]) - date.fromisoformat(stamp[:10])).days)


@lru_cache(maxsize=64)
def _date_parser(language: str, parts: tuple[str, ...] = ("day", "month", "year")) -> Any:
    """dateparser's parser for one language, requiring the given `parts` of a date (None
    for a language it does not know). Imported here: it takes 60 ms to import and is needed
    on few pages."""
    from dateparser import DateDataParser

    try:
        return DateDataParser(languages=[language], settings={"REQUIRE_PARTS": list(parts)})
    except ValueError:
        return None


def month_date(text: str, language: str | None) -> str | None:
    """The month, as `YYYY-MM` (ISO 8601 without the day), of a text that is a month in
    words and a year and nothing else ("November 2015"), in English or the page's
    `language`; None for any other text or a month outside the plausible window."""
    if (
        _MONTH_YEAR.fullmatch(text) is None
        or (parser := _date_parser(language or "en", ("month", "year"))) is None
    ):
        return None
    found = parser.get_date_data(text)
    if found.date_obj is None or found.period != "month":
        return None
    month = found.date_obj.date().replace(day=1)
    return month.isoformat()[:7] if EARLIEST_DATE <= month <= _latest() else None


def _worded_date(text: str, language: str | None) -> str | None:
    """The day of a date in Chinese, Japanese or Korean numerals, or of a date with the
    month in words read by dateparser in `language` (a known language only: guessing it
    costs a second)."""
    if (match := _CJK_DATE.search(text)) is not None:
        year, month, day = (int(part) for part in match.groups())
        return _plausible_day(year, month, day)
    if language and (match := _WORDED_DATE.search(text)) and (parser := _date_parser(language)):
        stamp = parser.get_date_data(match[0]).date_obj
        return _plausible_day(stamp.year, stamp.month, stamp.day) if stamp is not None else None
    return None


def _other_reading(text: str, day: str) -> str | None:
    """`day` read the other way round (month for day) when `text` writes it as a numeric
    date that reads both ways (03/10/2023); else None."""
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return None
    first, second, year = int(match[1]), int(match[3]), _full_year(int(match[4]))
    if first == second or first > 12 or second > 12:
        return None
    readings = {date(year, first, second).isoformat(), date(year, second, first).isoformat()}
    return next(iter(readings - {day}), None) if day in readings else None


def _line_date(line: str, read: Callable[[str], str | None]) -> str | None:
    """The date `read` finds in a short line, unless the line gives a period between two
    days or is longer than a dateline."""
    if len(line) > _LABELLED_DATE_MAX_CHARS or DATE_RANGE.search(line):
        return None
    return read(line)


def labelled_date(text: str, read: Callable[[str], str | None], *, update: bool = False) -> str | None:
    """The date, read by `read`, of the first line of `text` (its lines separated by
    newlines) that begins with a publication label (an update label if `update`), in the
    rest of that line or, when the label stands alone, in the next line; else, for a
    publication, the date printed just before an update label (`_date_before_update`);
    None when no such line gives one. A period between two days is no date."""
    for match in (_UPDATED_LINE if update else _PUBLISHED_LINE).finditer("\n" + text):
        if (day := _line_date(match[1] or match[2], read)) is not None:
            return day
    return None if update else _date_before_update("\n" + text, read)


def _date_before_update(text: str, read: Callable[[str], str | None]) -> str | None:
    """The date of the line just before the first dated update label, when it is earlier
    than that update and is not labelled as one itself: the publication of a page that
    prints both in two elements ("December 3, 2025." then "Updated: December 7, 2025"), at
    its foot, say. (The same day printed twice is the update's, and says nothing of the
    publication.)"""
    for match in _UPDATED_LINE.finditer(text):
        if (updated := _line_date(match[1] or match[2], read)) is None:
            continue
        line = text[: match.start()].rstrip().rpartition("\n")[2].strip()
        if UPDATED_LABEL.search(line) is None and (day := _line_date(line, read)) and day < updated[:10]:
            return day
        return None
    return None


def local_day(stamp: str, day: str | None) -> str | None:
    """`day` when it is the day of the UTC date-time `stamp` in the page's own time zone,
    whichever it is (UTC-12:00 to UTC+14:00), and `stamp` falls on another day in UTC: the
    local day a page prints or puts in its URL (a post of 21:41 in New York on May 6 is
    stamped `2024-05-07T01:41:00+00:00`). None otherwise, and for a stamp whose offset is
    not UTC (the page's local clock: its day is the local day)."""
    if day is None or not stamp.endswith("+00:00") or stamp.startswith(day):
        return None
    instant = datetime.fromisoformat(stamp)
    earliest, latest = (instant + timedelta(hours=hours) for hours in _UTC_OFFSET_HOURS)
    return day if earliest.date().isoformat() <= day <= latest.date().isoformat() else None


def url_date(url: str | None) -> str | None:
    """The day a URL's path gives (`/2024/05/06/slug`, `/2024-05-06-slug`, `/2024/may/06/`),
    else None."""
    if not url or (match := _URL_DATE.search(url.split("?")[0])) is None:
        return None
    year, month, day = (part for part in match.groups() if part is not None)
    number = int(month) if month.isdigit() else [name[:3] for name in _MONTHS].index(month[:3].lower()) + 1
    return _plausible_day(int(year), number, int(day))


def _head_without_code(html: str, limit: int) -> str:
    """The first `limit` characters of `html` less its `_CODE_BLOCKS`, found up to there only
    (a 1 MB page's blocks cost tens of milliseconds). A tag with no end tag after it has none
    after its later copies either: they are not searched to the page's end again (a page
    with 27 unclosed `<script` tags cost 40 ms)."""
    kept: list[str] = []
    kept_chars = start = 0
    unclosed: set[str] = set()
    opening = _CODE_OPENING.search(html)
    while opening is not None and kept_chars < limit:
        tag = opening.group(1).lower()
        block = None if tag in unclosed else _CODE_BLOCKS.match(html, opening.start())
        if block is None:
            unclosed.add(tag)
            opening = _CODE_OPENING.search(html, opening.start() + 1)
            continue
        kept.append(html[start : block.start()])
        kept_chars += block.start() - start
        start = block.end()
        opening = _CODE_OPENING.search(html, start)
    if kept_chars < limit:
        kept.append(html[start:])
    return "".join(kept)[:limit]


def page_date(html: str, url: str | None) -> str | None:
    """The publication day htmldate finds in the page (its markup, URL and date elements;
    its slow scan of all the text is not run), read from the page less its scripts and
    styles, cut at `HTMLDATE_MAX_CHARS`; None when none. Run only on pages nothing else
    dates: it costs a few milliseconds, up to some tens on the largest pages."""
    html = _head_without_code(html, HTMLDATE_MAX_CHARS)
    # htmldate downloads a string that starts with "http" and holds no space, taking it for
    # a URL: a page whose whole text is an address must never make the extractor fetch it.
    if not html or (html.startswith("http") and " " not in html):
        return None
    try:
        found = find_date(
            html,
            url=url,
            original_date=True,
            extensive_search=False,
            min_date=EARLIEST_DATE.isoformat(),
            max_date=_latest().isoformat(),
        )
    except Exception:  # htmldate fails on some malformed pages; a missing date is the answer
        return None
    return parse_date(found)
