"""The scheduling of `scraper run`: URLs waiting for work, grouped by host into batches."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from . import _settings
from ._politeness import host_key
from ._urls import JobKind, URLLine

# The (url, kind) a feed or sitemap lists still to do, after a URL, at most so many: the
# state's `items_to_do`, which remembers every listing's URLs.
ItemsToDo = Callable[[str, str, int], list[tuple[str, JobKind]]]


@dataclass(slots=True)
class _Listed:
    """A feed or sitemap whose URLs are still to be queued: they wait in the state, not in
    memory, and are queued a page at a time (in the order of their URLs) as room frees up."""

    source: URLLine
    after: str = ""  # the last of its URLs queued


class HostBatches:
    """URLs waiting for work, grouped by host; a batch is up to BATCH_SIZE URLs of one host,
    and at most one batch of a host is at work at a time. URLs read from the list and URLs
    found in feeds and sitemaps wait under one bound, MAX_PENDING_URLS. `changed` is
    notified whenever URLs arrive, a batch is taken or released, or the list is read to its end."""

    def __init__(self, items_to_do: ItemsToDo) -> None:
        self._waiting: dict[str, deque[URLLine]] = {}
        self._busy: set[str] = set()
        self._listed: deque[_Listed] = deque()
        self._items_to_do = items_to_do
        self.count = 0
        self.reading = True
        self.changed = asyncio.Condition()

    def add(self, item: URLLine) -> None:
        self._waiting.setdefault(host_key(item.url), deque()).append(item)
        self.count += 1

    def add_listed(self, source: URLLine) -> None:
        """Queue what the feed or sitemap `source` lists still to do, as room frees up
        (`queue_listed`): however many URLs it lists, they take no memory while they wait."""
        self._listed.append(_Listed(source))

    def queue_listed(self) -> int:
        """Queue URLs of the listings waiting until the bound is reached; how many were
        queued. The listing read last goes first (a sitemap's pages before the next sitemaps
        of its index), so that few listings are ever half-queued at once."""
        queued = 0
        while self._listed and not self.full:
            listed, room = self._listed[-1], _settings.MAX_PENDING_URLS - self.count
            found = self._items_to_do(listed.source.url, listed.after, room)
            if len(found) < room:
                self._listed.pop()
            if found:
                listed.after = found[-1][0]
            source = listed.source
            for url, kind in found:
                self.add(URLLine(source.line, url, kind=kind, source=source.url, depth=source.depth + 1))
            queued += len(found)
        return queued

    @property
    def full(self) -> bool:
        return self.count >= _settings.MAX_PENDING_URLS

    @property
    def at_work(self) -> int:
        """Batches taken and not yet released."""
        return len(self._busy)

    @property
    def exhausted(self) -> bool:
        return not self.reading and not self._waiting and not self._listed

    def take(self) -> list[URLLine] | None:
        """The next batch: a full one of a host not at work, or, once nothing more is to
        come (the list is read, the listings queued) or the buffer is full, the biggest there is."""
        free = [host for host in self._waiting if host not in self._busy]
        if not free:
            return None
        host = max(free, key=lambda h: len(self._waiting[h]))
        queue = self._waiting[host]
        more_to_come = self.reading or bool(self._listed)
        if len(queue) < _settings.BATCH_SIZE and more_to_come and not self.full:
            return None
        batch = [queue.popleft() for _ in range(min(_settings.BATCH_SIZE, len(queue)))]
        if not queue:
            del self._waiting[host]
        self._busy.add(host)
        self.count -= len(batch)
        return batch

    def release(self, batch: list[URLLine]) -> None:
        self._busy.discard(host_key(batch[0].url))
