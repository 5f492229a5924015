"""Downloading one page: redirects, conditional requests, limits, deadline and retries."""

from __future__ import annotations

import asyncio
import http.cookiejar
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import httpx

from .._errors import (
    ConfigError,
    ConnectionFailed,
    DNSFailed,
    FetchTimeout,
    InvalidURL,
    NotHTML,
    RedirectError,
    TooLarge,
)
from ..extract._decode import charset_from_content_type
from . import _settings
from ._config import RunConfig
from ._inflate import BoundedDecoder, ByteLimit
from ._listings import LISTING_LIMIT, looks_like_listing
from ._network import NetworkPolicy, PerHostTransport, ProxyTransport
from ._retry import Pacer, Retryable, RetryPolicy
from ._urls import JobKind, check_url, without_credentials

_DRAIN_BYTES = 64 * 1024  # the most read of a body that is thrown away
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last fetch of a URL said of its version, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


# The limit of a robots.txt (that of a feed or sitemap is in `_listings`).
ROBOTS_LIMIT = ByteLimit(
    _settings.MAX_ROBOTS_BYTES, f"{_settings.MAX_ROBOTS_BYTES:,} bytes, the most read of a robots.txt"
)


@dataclass(frozen=True, slots=True)
class BodyLimit:
    """What a body may weigh: `first`; or, when `listing` is given, `listing` as soon as
    the body's first bytes show a feed or sitemap (a line of the list is a page until then)."""

    first: ByteLimit
    listing: ByteLimit | None = None

    def declared_error(self, size: int) -> TooLarge | None:
        """The error for a Content-Length over every limit that may apply, if it is."""
        largest = max(self.first, self.listing or self.first, key=lambda limit: limit.bytes)
        if size <= largest.bytes:
            return None
        named = self.first.named if self.listing is None else f"{self.first.named} and {self.listing.named}"
        return ByteLimit(largest.bytes, named).error(f"the body ({size:,} bytes)")


def body_limit(kind: JobKind, max_bytes: int) -> BodyLimit:
    """The byte limit of a document of this kind: a page (listed in a feed) has
    --max-bytes, a feed or sitemap the listing limit, a line of the list the one its first
    bytes call for."""
    page = ByteLimit(max_bytes, f"--max-bytes {max_bytes:,}")
    return {"page": BodyLimit(page), "listing": BodyLimit(LISTING_LIMIT)}.get(
        kind, BodyLimit(page, LISTING_LIMIT)
    )


@dataclass(frozen=True, slots=True)
class Page:
    """A downloaded page (status 200), or `not_modified` for a 304 with no body."""

    url: str
    final_url: str
    status: int
    body: bytes
    charset: str | None
    validators: Validators
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


async def _drain(response: httpx.Response) -> None:
    """Read the short body of a 304, redirect or error, so that its connection goes back to
    the pool instead of being closed; a long one is left (closing costs less than reading)."""
    read = 0
    if response.is_stream_consumed:  # read already, as by httpx.MockTransport
        return
    try:
        async for chunk in response.aiter_raw():
            read += len(chunk)
            if read > _DRAIN_BYTES:
                return
    except (httpx.HTTPError, OSError):
        return  # the connection is closed instead, as it would have been


def _content_type(response: httpx.Response) -> str:
    header: str = response.headers.get("content-type", "")
    return header.split(";")[0].strip().lower()


def _cookie_jar(path: Path) -> http.cookiejar.CookieJar:
    """The cookies of a cookies.txt file (Netscape format), each sent to its own domain."""
    jar = http.cookiejar.MozillaCookieJar(path)
    try:
        jar.load(ignore_discard=True, ignore_expires=True)
    except (OSError, http.cookiejar.LoadError) as error:
        raise ConfigError(
            f"--cookies {path}: not a cookies.txt file (Netscape format) that can be read: {error}"
        ) from None
    for cookie in jar:
        if cookie.expires == 0:  # curl and browser exporters write a session cookie's expiry as 0
            cookie.expires = None
    return jar


class Fetcher:
    """Fetches pages over one HTTP client: pooled connections per host, HTTP/2 where offered."""

    def __init__(self, config: RunConfig, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._config = config
        self._retry = RetryPolicy(retries=config.retries)
        limits = httpx.Limits(max_connections=config.per_host, max_keepalive_connections=config.per_host)
        policy = NetworkPolicy(config.allow_network)
        if transport is None and config.proxy is not None:
            transport = ProxyTransport(policy, config.proxy, limits)
        headers = {"User-Agent": config.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
        self._client = httpx.AsyncClient(
            transport=transport or PerHostTransport(policy, limits, _settings.MAX_POOLED_HOSTS),
            headers={**headers, **dict(config.headers)},
            cookies=_cookie_jar(config.cookies) if config.cookies is not None else None,
            timeout=httpx.Timeout(config.timeout),
            follow_redirects=False,
            trust_env=False,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self,
        url: str,
        validators: Validators = Validators(),
        *,
        pacer: Pacer | None = None,
        html_only: bool = True,
        limit: BodyLimit | None = None,
    ) -> Page:
        """GET `url`, retrying what is worth retrying; raises a FetchError subclass.
        Each attempt waits for the host's `pacer`, which a `Retry-After` holds back.
        The body is refused past `limit` (by default --max-bytes)."""
        limit = limit or body_limit("page", self._config.max_bytes)

        async def attempt() -> Page:
            if pacer is not None:
                await pacer.turn()
            return await self._fetch_once(url, validators, html_only, limit)

        return await self._retry.call(attempt, pacer)

    async def _fetch_once(self, url: str, validators: Validators, html_only: bool, limit: BodyLimit) -> Page:
        try:
            async with asyncio.timeout(self._config.timeout):
                return await self._follow(url, validators, html_only, limit)
        except TimeoutError:
            raise Retryable(FetchTimeout(f"no complete answer within {self._config.timeout:g} s")) from None
        except httpx.TimeoutException as error:
            raise Retryable(FetchTimeout(f"timed out: {type(error).__name__}")) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as error:
            raise InvalidURL(f"{url!r} cannot be requested: {error}") from None
        except socket.gaierror as error:
            failure = DNSFailed(f"the host name does not resolve: {error.strerror or error}")
            raise (Retryable(failure) if error.errno == socket.EAI_AGAIN else failure) from None
        except (httpx.TransportError, OSError) as error:
            raise Retryable(ConnectionFailed(f"{type(error).__name__}: {error}".rstrip(": "))) from None

    async def _follow(self, url: str, validators: Validators, html_only: bool, limit: BodyLimit) -> Page:
        current, seen = url, [url]
        for _ in range(_settings.MAX_REDIRECTS + 1):
            # every hop carries the validators: they came from the last hop's answer last time
            request = self._client.build_request("GET", current, headers=validators.headers())
            response = await self._client.send(request, stream=True)
            try:
                if response.has_redirect_location:
                    await _drain(response)
                    current = self._next_hop(current, response, seen)
                    continue
                return await self._page(url, current, response, validators, html_only, limit)
            finally:
                await response.aclose()
        raise RedirectError(f"more than {_settings.MAX_REDIRECTS} redirects: {' -> '.join(seen[-4:])} ...")

    @staticmethod
    def _next_hop(current: str, response: httpx.Response, seen: list[str]) -> str:
        target = urljoin(current, response.headers["location"])
        try:
            target = without_credentials(check_url(target))
        except InvalidURL:
            raise RedirectError(f"redirect to {target!r}, which is not an http(s) URL") from None
        if target in seen:
            raise RedirectError(f"redirect loop: {' -> '.join([*seen, target])}")
        seen.append(target)
        return target

    async def _page(
        self, url: str, final_url: str, response: httpx.Response, validators: Validators,
        html_only: bool, limit: BodyLimit,
    ) -> Page:  # fmt: skip
        status = response.status_code
        if not 200 <= status < 300:
            await _drain(response)
            if status == 304:
                return Page(url, final_url, 304, b"", None, validators)
            raise self._retry.status_error(
                status, response.reason_phrase, response.headers.get("retry-after")
            )
        content_type = _content_type(response)
        if html_only and content_type and content_type not in _settings.HTML_CONTENT_TYPES:
            raise NotHTML(f"the content type is {content_type}, not HTML")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and (error := limit.declared_error(int(declared))) is not None:
            raise error
        body = await self._read_body(response, limit)
        found = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        charset = charset_from_content_type(response.headers.get("content-type"))
        return Page(url, final_url, status, body, charset, found, content_type)

    @staticmethod
    async def _read_body(response: httpx.Response, limit: BodyLimit) -> bytes:
        """The body, decoded here in bounded steps and stopped as soon as it passes its
        limit (a gzip bomb never gets further than that in memory). With a listing limit,
        the first bytes decide which limit applies."""
        sniff = limit.listing is not None
        first = limit.first
        if sniff:  # enough room to see whether it is a listing
            first = ByteLimit(max(first.bytes, _settings.LISTING_SNIFF_BYTES), first.named)
        if response.is_stream_consumed:  # read and decoded already, as by httpx.MockTransport
            decoder = BoundedDecoder("", first)
            chunks: AsyncIterator[bytes] = _once(response.content)
        else:
            decoder = BoundedDecoder(response.headers.get("content-encoding", ""), first)
            chunks = response.aiter_raw()
        async for chunk in chunks:
            decoder.feed(chunk)
            if sniff and decoder.size >= _settings.LISTING_SNIFF_BYTES:
                sniff = False
                decoder.set_limit(_limit_for(limit, decoder.head(_settings.LISTING_SNIFF_BYTES)))
        body = decoder.finish()
        if sniff:
            decoder.set_limit(_limit_for(limit, body))
        return body


def _limit_for(limit: BodyLimit, head: bytes) -> ByteLimit:
    return limit.listing if limit.listing is not None and looks_like_listing(head) else limit.first


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data
