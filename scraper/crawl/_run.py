"""`scraper run`: read a URL list, fetch politely, extract in other processes, store.

The stages: the list is read in a thread, a little ahead of the work (`HostBatches` bounds
how far); URLs are grouped by host into batches, at most one batch of a host at work at a
time (`_batches`); each URL of a batch is fetched with its host's politeness and read in an
executor (`_jobs`, `executor`); what it gave is written and committed to the state one URL
at a time (`_settle`, `state`).
"""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import httpx

from ._batches import HostBatches
from ._config import RunConfig
from ._jobs import JobRunner
from ._output import JsonLines, recover_output
from ._report import Reporter
from ._settle import Settler
from ._urls import JobKind, URLLine, listing_jobs, read_url_lines
from .executor import local_executor
from .state import Known, State, open_state

_READ_CHUNK = 500  # lines read from the list at a time, in a thread


class Run:
    """One run over a URL list: reads it into host batches and keeps batches at work."""

    def __init__(
        self, config: RunConfig, state: State, output: JsonLines, reporter: Reporter,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:  # fmt: skip
        self._config = config
        self._state = state
        self._reporter = reporter
        self._transport = transport
        self._batches = HostBatches()
        self._settler = Settler(config, state, output, reporter, self._enqueue)

    async def run(self, lines: Iterator[URLLine]) -> None:
        executor = local_executor(self._config.workers)
        self._jobs = JobRunner(self._config, executor, self._transport)
        try:
            reader = asyncio.create_task(self._read(lines))
            await self._dispatch()
            await reader
        finally:
            await self._jobs.aclose()
            executor.shutdown()

    async def _read(self, lines: Iterator[URLLine]) -> None:
        batches = self._batches
        try:
            while chunk := await asyncio.to_thread(list, itertools.islice(lines, _READ_CHUNK)):
                valid = [item for item in chunk if item.error is None]
                self._reporter.expect(len(chunk))
                for item in chunk:
                    if item.error is not None:
                        self._reporter.failed(item.url, item.error.outcome, item.error.detail, item.line)
                async with batches.changed:
                    for item in valid:
                        batches.add(item)
                    batches.changed.notify_all()
                    await batches.changed.wait_for(lambda: not batches.full)
        finally:
            async with batches.changed:
                batches.reading = False
                batches.changed.notify_all()

    async def _dispatch(self) -> None:
        batches = self._batches
        most_batches = max(1, self._config.concurrency // self._config.per_host)
        tasks: set[asyncio.Task[None]] = set()  # referenced until done, as asyncio asks
        async with batches.changed:
            while True:
                while batches.at_work < most_batches and (batch := batches.take()) is not None:
                    task = asyncio.create_task(self._do_batch(batch))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    batches.changed.notify_all()  # the reader may go on
                if batches.exhausted and not batches.at_work:
                    return
                await batches.changed.wait()

    async def _do_batch(self, batch: list[URLLine]) -> None:
        try:
            jobs = take_up(self._state, batch, self._reporter)
            if jobs:
                await self._jobs.batch(jobs, self._settler.settle)
        finally:
            async with self._batches.changed:
                self._batches.release(batch)
                self._batches.changed.notify_all()

    async def _enqueue(self, source: URLLine, found: list[tuple[str, JobKind]]) -> None:
        """Add URLs found in `source` to the work (they keep its line number for reports)."""
        jobs = [URLLine(source.line, url, kind=kind, source=source.url) for url, kind in found]
        self._reporter.expect(len(jobs))
        async with self._batches.changed:
            for job in jobs:
                self._batches.add(job)
            self._batches.changed.notify_all()


def take_up(state: State, batch: list[URLLine], reporter: Reporter) -> list[tuple[URLLine, Known]]:
    """The jobs of `batch` this run has not taken up yet, each with what the state knows of
    it, in the list's order (the first of a URL listed twice; the others count as duplicates)."""
    known = state.take_up([job.url for job in batch])
    jobs: dict[str, URLLine] = {}
    for job in batch:
        if job.url in known:
            jobs.setdefault(job.url, job)
    for _ in range(len(batch) - len(jobs)):
        reporter.done("duplicate")
    return [(job, known[url]) for url, job in jobs.items()]


def _event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop where it is installed (Linux and macOS): the loop's own work is
    a good part of a run that only sends conditional requests."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run_urls(
    config: RunConfig, source: TextIO | None, output: Path | None = None, errors: Path | None = None,
    *, listings: Sequence[str] = (), transport: httpx.AsyncBaseTransport | None = None,
    stderr: TextIO | None = None,
) -> Counter[str]:  # fmt: skip
    """Fetch and extract every URL listed in `source` (each may be a page, a feed or a
    sitemap) and in `listings` (feeds and sitemaps), writing articles as JSON Lines to
    `output` (standard output if None) and failures to `errors` (stderr if None).
    Returns the count of URLs per outcome. Raises ConfigError or StateLockedError before
    any work when the setup is wrong; a URL's failure is reported, never raised."""
    jobs = itertools.chain(listing_jobs(listings), read_url_lines(source) if source is not None else ())
    with open_state(config.state) as state:
        if output is not None:
            recover_output(output, state)
        articles = JsonLines(output)
        failures = JsonLines(errors) if errors is not None else None
        reporter = Reporter(failures, config.quiet, stderr)
        try:
            with asyncio.Runner(loop_factory=_event_loop_factory()) as runner:
                runner.run(Run(config, state, articles, reporter, transport).run(jobs))
        finally:
            reporter.close()
            articles.close()
            if failures is not None:
                failures.close()
    return reporter.counts
