"""The fetch and read stages of `scraper run`: each URL of a host batch fetched politely
(robots.txt, the host's slots and delay, a conditional request) and read in an executor.

What a URL gave is a plain value (`Read` or `Failed`), so that it can be settled where the
state and output are, on this machine or, from a cluster worker, on the client.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

import httpx

from .._errors import EmptyPage, FetchError
from ._config import RunConfig
from ._fetch import Fetcher, Page, Validators, body_limit
from ._listings import Listing
from ._politeness import HostSlot, Politeness
from ._records import Discovered, content_hash
from ._urls import URLLine
from .executor import Executor, ReadTask
from .state import Known


@dataclass(frozen=True, slots=True)
class Read:
    """A URL fetched and read: its page (without the body) and what it is; `document` is
    None when the server answered 304 Not Modified."""

    page: Page
    document: Listing | Discovered | dict[str, Any] | None
    body_hash: str | None = None  # of a feed, sitemap or front page: it is known unchanged by it


@dataclass(frozen=True, slots=True)
class Failed:
    """A URL that gave nothing: its outcome (an error outcome) and the detail for the report."""

    outcome: str
    detail: str


Result = Read | Failed
# What is done with each URL's result as soon as it is there.
Settle = Callable[[URLLine, Known, Result], Awaitable[None]]


class Workers(Protocol):
    """Where host batches are worked: in this process (`JobRunner`) or on a cluster."""

    @property
    def most_batches(self) -> int:
        """Batches worth having at work at once."""
        ...

    async def batch(self, jobs: Sequence[tuple[URLLine, Known]], settle: Settle) -> None:
        """Fetch and read `jobs` (URLs of one host), settling each; BackendLost stops the run."""
        ...

    async def aclose(self) -> None: ...


class JobRunner:
    """Fetches and reads the URLs of host batches, with every host's politeness, reading
    pages in `executor` (shut down with it)."""

    def __init__(
        self, config: RunConfig, executor: Executor, transport: httpx.AsyncBaseTransport | None = None
    ) -> None:
        self._config = config
        self._executor = executor
        self._fetcher = Fetcher(config, transport)
        self.politeness = Politeness(self._fetcher, config.per_host, config.delay, config.user_agent)
        self._requests = asyncio.Semaphore(config.concurrency)
        # Each batch keeps up to --per-host requests going, so this many fill --concurrency.
        self.most_batches = max(1, config.concurrency // config.per_host)

    async def aclose(self) -> None:
        try:
            await self._fetcher.aclose()
        finally:
            self._executor.shutdown()

    async def batch(self, jobs: Sequence[tuple[URLLine, Known]], settle: Settle) -> None:
        """Fetch and read `jobs` (URLs of one host, --per-host at a time), settling each."""
        todo = deque(jobs)
        slot = self.politeness.slot(jobs[0][0].url)

        async def work() -> None:
            while todo:
                job, known = todo.popleft()
                await settle(job, known, await self.job(job, known, slot))

        async with asyncio.TaskGroup() as group:  # one that fails stops the others
            for _ in range(min(self._config.per_host, len(todo))):
                group.create_task(work())

    async def job(self, job: URLLine, known: Known, slot: HostSlot) -> Result:
        """What one URL gives; a failure of any kind is a `Failed`, never raised."""
        try:
            await self.politeness.check_robots(job.url)
            validators = Validators() if self._config.force else Validators(known.etag, known.last_modified)
            limit = body_limit(job.kind, self._config.max_bytes)
            async with self._requests, slot.connection():
                page = await self._fetcher.fetch(
                    job.url, validators, pacer=slot, html_only=job.kind == "page", limit=limit
                )
            if page.not_modified:
                return Read(page, None)
            config = self._config
            task = ReadTask(page, job.kind, config.discover, config.max_bytes, config.min_words,
                            config.extract_timeout)  # fmt: skip
            document = await self._executor.submit(task)
            if isinstance(document, str):
                raise EmptyPage(document)
            listed = isinstance(document, Listing | Discovered)
            return Read(replace(page, body=b""), document, content_hash(page.body) if listed else None)
        except FetchError as error:
            return Failed(error.outcome, error.detail)
        except Exception as error:  # a bug must cost one URL, not the run
            return Failed("internal_error", f"{type(error).__name__}: {error}")
