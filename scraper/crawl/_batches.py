"""The scheduling of `scraper run`: URLs waiting for work, grouped by host into batches."""

from __future__ import annotations

import asyncio
from collections import deque

from . import _settings
from ._politeness import host_key
from ._urls import URLLine


class HostBatches:
    """URLs waiting for work, grouped by host; a batch is up to BATCH_SIZE URLs of one host,
    and at most one batch of a host is at work at a time. `changed` is notified whenever
    URLs arrive, a batch is taken or released, or the list is read to its end."""

    def __init__(self) -> None:
        self._waiting: dict[str, deque[URLLine]] = {}
        self._busy: set[str] = set()
        self.count = 0
        self.reading = True
        self.changed = asyncio.Condition()

    def add(self, item: URLLine) -> None:
        self._waiting.setdefault(host_key(item.url), deque()).append(item)
        self.count += 1

    @property
    def full(self) -> bool:
        return self.count >= _settings.MAX_PENDING_URLS

    @property
    def at_work(self) -> int:
        """Batches taken and not yet released."""
        return len(self._busy)

    @property
    def exhausted(self) -> bool:
        return not self.reading and not self._waiting

    def take(self) -> list[URLLine] | None:
        """The next batch: a full one of a host not at work, or, once the list is read or
        the buffer is full, the biggest there is."""
        free = [host for host in self._waiting if host not in self._busy]
        if not free:
            return None
        host = max(free, key=lambda h: len(self._waiting[h]))
        queue = self._waiting[host]
        if len(queue) < _settings.BATCH_SIZE and self.reading and not self.full:
            return None
        batch = [queue.popleft() for _ in range(min(_settings.BATCH_SIZE, len(queue)))]
        if not queue:
            del self._waiting[host]
        self._busy.add(host)
        self.count -= len(batch)
        return batch

    def release(self, batch: list[URLLine]) -> None:
        self._busy.discard(host_key(batch[0].url))
