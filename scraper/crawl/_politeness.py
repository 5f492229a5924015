"""Politeness towards each host: its own connection slots, spacing, and robots.txt."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from .._errors import (
    ConnectionFailed,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NetworkRefused,
    RobotsDisallowed,
    TooLarge,
)
from . import _settings
from ._fetch import ROBOTS_LIMIT, BodyLimit, Fetcher


def host_key(url: str) -> str:
    """scheme://host:port, the unit of politeness and of robots.txt."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{(parts.hostname or '').lower()}:{port}"


class HostSlot:
    """At most `per_host` requests to one host at a time, their starts `delay` apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.delay = delay
        self._connections = asyncio.Semaphore(per_host)
        self._spacing = asyncio.Lock()
        self._next_start = 0.0

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[None]:
        """Hold one of the host's connection slots; every attempt inside waits its turn."""
        async with self._connections:
            yield

    async def turn(self) -> None:
        """Wait until the next request to this host may start."""
        async with self._spacing:
            loop = asyncio.get_running_loop()
            wait = self._next_start - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            self._next_start = loop.time() + self.delay

    def hold_off(self, seconds: float) -> None:
        """Start no request to this host for `seconds` (it answered 429 or 503 with Retry-After)."""
        self._next_start = max(self._next_start, asyncio.get_running_loop().time() + seconds)

    def next_start(self) -> float:
        """When the next request to this host may start, on the wall clock (time.time())."""
        return time.time() + max(0.0, self._next_start - asyncio.get_running_loop().time())


class _Robots:
    """One host's rules: robots.txt (its `text`, parsed), or no rules (allow all), or a
    refusal for every URL of the host (`refusal`, raised afresh for each)."""

    def __init__(self, text: str | None, refusal: FetchError | None = None) -> None:
        self.text = text
        self.parser = Protego.parse(text) if text is not None else None
        self.refusal = refusal
        # Decisions per path and query: matching costs time in the number of rules (a
        # robots.txt of 500 KB of wildcard rules: ~20 ms a URL), so each is made once.
        self._decisions: OrderedDict[str, bool] = OrderedDict()
        self._decisions_lock = threading.Lock()  # a long robots.txt is matched in threads
        self.off_loop = text is not None and len(text) > _settings.ROBOTS_OFF_LOOP_BYTES

    def check(self, url: str, user_agent: str) -> None:
        if self.refusal is not None:
            raise type(self.refusal)(self.refusal.detail)
        if self.parser is not None and not self._allows(url, user_agent):
            raise RobotsDisallowed(f"robots.txt disallows {urlsplit(url).path or '/'} for {user_agent}")

    def _allows(self, url: str, user_agent: str) -> bool:
        assert self.parser is not None
        parts = urlsplit(url)
        key = f"{parts.path}?{parts.query}"
        with self._decisions_lock:
            allowed = self._decisions.pop(key, None)
        if allowed is None:
            allowed = bool(self.parser.can_fetch(url, user_agent))
        with self._decisions_lock:
            self._decisions[key] = allowed
            if len(self._decisions) > _settings.MAX_ROBOTS_DECISIONS:
                self._decisions.popitem(last=False)
        return allowed


@dataclass(frozen=True, slots=True)
class HostMemory:
    """What the politeness towards a host learnt in one batch, carried to its next batch
    when batches run on different machines: robots.txt, the delay it set, and when the
    next request may start (wall clock: machines' clocks are taken to agree, as NTP keeps
    them)."""

    robots_text: str | None
    refusal: FetchError | None
    delay: float
    next_start: float


@dataclass(slots=True)
class _Host:
    slot: HostSlot
    robots: asyncio.Future[_Robots] | None = None  # fetched once, by the first URL to ask


class Politeness:
    """The slot and robots.txt of every host of a run (least recently used forgotten)."""

    def __init__(self, fetcher: Fetcher, per_host: int, delay: float, user_agent: str) -> None:
        self._fetcher = fetcher
        self._per_host = per_host
        self._delay = delay
        self._user_agent = user_agent
        self._hosts: OrderedDict[str, _Host] = OrderedDict()

    def _host(self, url: str) -> _Host:
        key = host_key(url)
        host = self._hosts.pop(key, None) or _Host(HostSlot(self._per_host, self._delay))
        self._hosts[key] = host
        while len(self._hosts) > _settings.MAX_HOSTS_REMEMBERED:
            self._hosts.popitem(last=False)
        return host

    def slot(self, url: str) -> HostSlot:
        return self._host(url).slot

    def remember(self, url: str, memory: HostMemory) -> None:
        """Take up what an earlier batch of `url`'s host learnt (elsewhere)."""
        host = self._host(url)
        host.slot.delay = memory.delay
        host.slot.hold_off(memory.next_start - time.time())
        robots: asyncio.Future[_Robots] = asyncio.get_running_loop().create_future()
        robots.set_result(_Robots(memory.robots_text, memory.refusal))
        host.robots = robots

    def memory(self, url: str) -> HostMemory | None:
        """What this run learnt of `url`'s host, once its robots.txt is read."""
        host = self._hosts.get(host_key(url))
        robots_read = host is not None and host.robots is not None and host.robots.done()
        if host is None or host.robots is None or not robots_read or host.robots.exception() is not None:
            return None
        robots = host.robots.result()
        return HostMemory(robots.text, robots.refusal, host.slot.delay, host.slot.next_start())

    async def check_robots(self, url: str) -> None:
        """Raise RobotsDisallowed unless robots.txt lets us fetch `url` (fetched once a host)."""
        host = self._host(url)
        if host.robots is None:
            host.robots = asyncio.ensure_future(self._load_robots(url, host.slot))
        robots = await host.robots
        if robots.off_loop:
            await asyncio.to_thread(robots.check, url, self._user_agent)
        else:
            robots.check(url, self._user_agent)

    async def _load_robots(self, url: str, slot: HostSlot) -> _Robots:
        """RFC 9309: a 4xx means no rules; a 5xx or no answer means all is disallowed."""
        parts = urlsplit(url)
        try:
            async with slot.connection():
                page = await self._fetcher.fetch(
                    f"{parts.scheme}://{parts.netloc}/robots.txt",
                    pacer=slot,
                    html_only=False,
                    limit=BodyLimit(ROBOTS_LIMIT),
                )
        except HTTPStatusError as error:
            if error.status < 500:
                return _Robots(None)
            return _Robots(
                None, RobotsDisallowed(f"robots.txt answered {error.status}, so all is disallowed")
            )
        except (NetworkRefused, TooLarge) as error:
            # A refused host refuses its pages too; an oversized file is no rule at all.
            return _Robots(None, error if isinstance(error, NetworkRefused) else None)
        except (ConnectionFailed, FetchTimeout) as error:
            # No answer: nothing of the host is fetched (RFC 9309), under what happened.
            detail = f"robots.txt could not be fetched, so nothing of this host is: {error.detail}"
            return _Robots(None, type(error)(detail))
        except FetchError as error:
            return _Robots(None, RobotsDisallowed(f"robots.txt could not be fetched ({error.detail})"))
        robots = _Robots(page.body.decode("utf-8", errors="replace"))
        crawl_delay = robots.parser.crawl_delay(self._user_agent) if robots.parser else None
        if crawl_delay is not None and crawl_delay > slot.delay:
            slot.delay = min(float(crawl_delay), _settings.MAX_CRAWL_DELAY)
        return robots
