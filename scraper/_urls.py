"""Reading a URL list as a stream: one URL a line, blanks and `#` comments skipped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO
from urllib.parse import urlsplit

from ._errors import InvalidURL


@dataclass(frozen=True, slots=True)
class URLLine:
    """A line of the list that names a URL; `error` is set when it is not a usable one."""

    line: int
    url: str
    error: InvalidURL | None = None


def check_url(url: str) -> str:
    """The URL if it is an absolute http(s) URL with a host; InvalidURL otherwise."""
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
    return url


def read_url_lines(stream: TextIO) -> Iterator[URLLine]:
    """The URL lines of `stream`, read lazily (a list of any length takes no more memory)."""
    for number, raw in enumerate(stream, start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        try:
            yield URLLine(number, check_url(text))
        except InvalidURL as error:
            yield URLLine(number, text, InvalidURL(f"line {number}: {error.detail}"))
