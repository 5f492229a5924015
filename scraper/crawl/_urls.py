"""URLs: checking, normalising, and reading a URL list as a stream."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

from .._errors import InvalidURL

# Query parameters that only say where a click came from. They are removed before URLs are
# compared or stored, so one article shared through several channels is one URL.
TRACKING_PARAMETER_PREFIXES = (
    "utm_",  # Google Analytics campaigns: utm_source, utm_medium, utm_campaign...
    "pk_",  # Matomo/Piwik campaigns: pk_campaign, pk_kwd...
    "mtm_",  # Matomo campaigns (new names)
)
TRACKING_PARAMETERS = frozenset({
    "fbclid",  # Facebook click id
    "gclid", "dclid", "gbraid", "wbraid", "gclsrc",  # Google Ads click ids
    "msclkid",  # Microsoft Ads click id
    "yclid",  # Yandex click id
    "twclid",  # X/Twitter click id
    "ttclid",  # TikTok click id
    "li_fat_id",  # LinkedIn click id
    "igshid",  # Instagram share id
    "mc_cid", "mc_eid",  # Mailchimp campaign and subscriber ids
    "_ga", "_gl",  # Google Analytics cross-domain linker
    "_hsenc", "_hsmi",  # HubSpot e-mail tracking
    "mkt_tok",  # Marketo e-mail tracking
    "oly_anon_id", "oly_enc_id",  # Omeda e-mail tracking
    "vero_id", "vero_conv",  # Vero e-mail tracking
    "s_cid",  # Adobe Analytics campaign id
    "cmpid",  # campaign id used by many publishers' newsletters
    "ocid",  # Microsoft/MSN referral id
    "smid",  # share-menu id (New York Times and others)
})  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}
# The name of the threads that read a URL list (`scraper run` ends without waiting for one
# blocked on a pipe or terminal left open).
READER_THREAD = "read-url-list"

# What a job is: a line of the list (the content decides whether it is a page, a feed or a
# sitemap), a feed or sitemap, or a page listed in one.
JobKind = Literal["line", "listing", "page"]


@dataclass(frozen=True, slots=True)
class URLLine:
    """A URL to work on: a line of the list (`error` set when it is not a usable URL), or
    one found in a feed or sitemap (`source` is that feed or sitemap)."""

    line: int | None  # None for a feed or sitemap named on the command line
    url: str
    error: InvalidURL | None = None
    kind: JobKind = "line"
    source: str | None = None
    depth: int = 0  # listings followed to find it (a sitemap index's sitemap: 1)


def check_url(url: str) -> str:
    """The URL if it is an absolute http(s) URL with a host; InvalidURL otherwise."""
    _checked_parts(url)
    return url


def _checked_parts(url: str) -> SplitResult:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError as error:
        raise InvalidURL(f"{url!r} is not a URL: {error}") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        raise InvalidURL(
            f"{url!r} is not an http(s) URL ({shown}); give a full address such as https://example.com/page"
        )
    if not parts.hostname:
        raise InvalidURL(f"{url!r} has no host name")
    if any(character.isspace() for character in url):
        raise InvalidURL(f"{url!r} contains white space; encode it as %20")
    return parts


def without_credentials(url: str) -> str:
    """`url` without `user:pass@` (credentials are never sent, stored or printed)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PARAMETER_PREFIXES)


def normalise_url(url: str) -> str:
    """The form in which URLs are compared, fetched and stored: scheme and host in lower
    case, the default port, credentials (`user:pass@`: never stored, sent or printed), the
    fragment and tracking parameters dropped, an empty path made "/".
    Raises InvalidURL for what `check_url` refuses."""
    parts = _checked_parts(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    if parts.port is not None and parts.port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{parts.port}"
    return urlunsplit((scheme, host, parts.path or "/", without_tracking(parts.query), ""))


_QUERY_FIELD = re.compile(r"([^&;]*)([&;]?)")  # a field of a query and the separator after it


def without_tracking(query: str) -> str:
    """`query` with its tracking parameters removed and every other byte as it was: no
    re-encoding, `flag` stays without `=`, `;` separators stay `;`."""
    kept: list[str] = []
    removed = False
    for name_value, separator in _QUERY_FIELD.findall(query):
        if name_value and _is_tracking(unquote_plus(name_value.split("=", 1)[0])):
            removed = True
        elif name_value:
            kept.extend((name_value, separator))
        elif not name_value and separator and kept:  # an empty field (`a=1&&b=2`) is kept
            kept.append(separator)
    if not removed:
        return query
    if kept and kept[-1] in ("&", ";"):
        kept.pop()  # the separator after the last field kept
    return "".join(kept)


def read_url_lines(stream: Iterable[bytes] | Iterable[str]) -> Iterator[URLLine]:
    """The URL lines of `stream`, read lazily (a list of any length takes no more memory).

    Give a file opened in binary mode: lines then end at `\n` only, so a stray carriage
    return inside a line cannot split it (and shift every later line number); a UTF-8 byte
    order mark is skipped, and a line that is not UTF-8 is reported, not guessed at."""
    for number, raw in enumerate(stream, start=1):
        try:
            text: str = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        except UnicodeDecodeError:
            yield URLLine(number, repr(raw)[2:-1], InvalidURL(f"line {number}: is not UTF-8 text"))
            continue
        text = (text.removeprefix("\ufeff") if number == 1 else text).strip()
        if not text or text.startswith("#"):
            continue
        try:
            yield URLLine(number, normalise_url(text))
        except InvalidURL as error:
            yield URLLine(number, text, InvalidURL(f"line {number}: {error.detail}"))


def listing_jobs(urls: Iterable[str]) -> Iterator[URLLine]:
    """Jobs for feeds and sitemaps named on the command line (`--feed`, `--sitemap`)."""
    for url in urls:
        try:
            yield URLLine(None, normalise_url(url), kind="listing")
        except InvalidURL as error:
            yield URLLine(None, url, InvalidURL(f"--feed/--sitemap: {error.detail}"), kind="listing")
