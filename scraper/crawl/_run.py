"""`scraper run`: read a URL list, fetch politely, extract in other processes, store.

The stages: the list is read in a thread, a little ahead of the work (`HostBatches` bounds
how far); URLs are grouped by host into batches, at most one batch of a host at work at a
time (`_batches`); each URL of a batch is fetched with its host's politeness and read in an
executor (`_jobs`, `executor`); what it gave is written and committed to the state one URL
at a time (`_settle`, `state`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TextIO

import httpx

from .._errors import BackendLost, ConfigError, OutputClosed
from ._batches import HostBatches
from ._config import RunConfig
from ._jobs import JobRunner, Workers
from ._output import Destination, JsonLines, recover_output
from ._report import Reporter
from ._settle import Settler
from ._urls import READER_THREAD, JobKind, URLLine, listing_jobs, read_url_lines
from .executor import cluster_workers, local_executor
from .state import Known, State, open_state

_READ_CHUNK = 500  # lines read from the list at a time, in a thread


class Run:
    """One run over a URL list: reads it into host batches and keeps batches at work."""

    def __init__(
        self, config: RunConfig, state: State, output: JsonLines, reporter: Reporter,
        transport: httpx.AsyncBaseTransport | None = None, workers: Workers | None = None,
    ) -> None:  # fmt: skip
        """`workers` work the batches (a cluster's); by default, this process and its pool."""
        self._config = config
        self._state = state
        self._reporter = reporter
        self._transport = transport
        self._workers = workers
        self._batches = HostBatches()
        self._settler = Settler(config, state, output, reporter, self._enqueue)
        self._tasks: set[asyncio.Task[None]] = set()  # batches at work, referenced as asyncio asks
        self._halted: OutputClosed | BackendLost | None = None

    async def run(self, lines: Iterator[URLLine]) -> None:
        """Work through `lines`; raises OutputClosed when the output's reader went away,
        BackendLost when the cluster's scheduler or the state database did."""
        self._jobs = self._workers or JobRunner(
            self._config, local_executor(self._config.workers), self._transport
        )
        self._main = asyncio.current_task()
        reader = asyncio.create_task(self._read(lines))
        try:
            await self._dispatch()
            await reader
        except asyncio.CancelledError:
            if self._halted is None or self._main is None or self._main.uncancel():
                raise  # cancelled from outside (Ctrl-C), not by `_halt`
        finally:
            for task in (reader, *self._tasks):
                task.cancel()
            await asyncio.gather(reader, *self._tasks, return_exceptions=True)
            await self._jobs.aclose()
        if self._halted is not None:
            raise self._halted

    def _halt(self, error: OutputClosed | BackendLost) -> None:
        """Stop the whole run: nothing more can be written, or done."""
        if self._halted is None and self._main is not None:
            self._halted = error
            self._main.cancel()

    async def _read(self, lines: Iterator[URLLine]) -> None:
        batches = self._batches
        try:
            while chunk := await _next_chunk(lines):
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
        most_batches = self._jobs.most_batches
        tasks = self._tasks
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
        except (OutputClosed, BackendLost) as error:
            self._halt(error)
        finally:
            async with self._batches.changed:
                self._batches.release(batch)
                self._batches.changed.notify_all()

    async def _enqueue(self, source: URLLine, found: list[tuple[str, JobKind]]) -> None:
        """Add URLs found in `source` to the work (they keep its line number for reports)."""
        jobs = [URLLine(source.line, url, kind=kind, source=source.url, depth=source.depth + 1)
                for url, kind in found]  # fmt: skip
        self._reporter.expect(len(jobs))
        async with self._batches.changed:
            for job in jobs:
                self._batches.add(job)
            self._batches.changed.notify_all()


async def _next_chunk(lines: Iterator[URLLine]) -> list[URLLine]:
    """The next lines of the list, read in a daemon thread: a list that is a terminal or a
    pipe left open may block for good, and must not hold the run up when Ctrl-C ends it
    (asyncio's own threads are waited for at the end of a run)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[list[URLLine]] = loop.create_future()

    def deliver(chunk: list[URLLine] | None, error: BaseException | None) -> None:
        if not future.done():
            future.set_exception(error) if error is not None else future.set_result(chunk or [])

    def read() -> None:
        try:
            chunk, error = list(itertools.islice(lines, _READ_CHUNK)), None
        except BaseException as failure:  # given to the run, which raises it
            chunk, error = None, failure
        with contextlib.suppress(RuntimeError):  # the run is over: nobody waits for it
            loop.call_soon_threadsafe(deliver, chunk, error)

    threading.Thread(target=read, name=READER_THREAD, daemon=True).start()
    return await future


def take_up(state: State, batch: list[URLLine], reporter: Reporter) -> list[tuple[URLLine, Known]]:
    """The jobs of `batch` this run has not taken up yet, each with what the state knows of
    it, in the list's order (the first of a URL listed twice; the others count as duplicates)."""
    known = state.take_up([job.url for job in batch])
    jobs: dict[str, URLLine] = {}
    for job in batch:
        if job.url in known:
            jobs.setdefault(job.url, job)
    for job in batch:
        if jobs.get(job.url) is not job:
            reporter.done("duplicate", job.url, "listed twice: fetched once")
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
    config: RunConfig, source: Iterable[bytes] | Iterable[str] | None, output: Destination = None,
    errors: Destination = None, *, listings: Sequence[str] = (),
    transport: httpx.AsyncBaseTransport | None = None, stderr: TextIO | None = None,
    progress: bool = True,
) -> Counter[str]:  # fmt: skip
    """Fetch and extract every URL listed in `source` (an open file, or any iterable of
    lines; each may be a page, a feed or a sitemap) and in `listings` (feeds and sitemaps).

    Articles are written as JSON Lines to `output`: a path (`str` or `Path`, appended to;
    a run killed half-way loses nothing there), an open file object, or None for standard
    output. URLs that gave no article go, one JSON line each, to `errors` (the same
    kinds) or, if None, to `stderr` when given and to the `scraper` logger in any case.
    Nothing is printed unless `stderr` is given: then failures (without `errors`), the
    progress bar (if `progress` and it is a terminal) and the summary go there.

    Returns the count of URLs per outcome. Raises ConfigError or StateLockedError before
    any work when the setup is wrong, OutputClosed when the output's reader goes away
    (`| head`), BackendLost when the Dask scheduler of `config.cluster` (which then works
    the batches) or a PostgreSQL state cannot be reached or goes away; a URL's failure is
    reported, never raised."""
    if config.cluster is not None and transport is not None:
        raise ConfigError("transport= cannot be used with a cluster: its workers fetch, over the network")
    jobs = itertools.chain(listing_jobs(listings), read_url_lines(source) if source is not None else ())
    with open_state(config.state) as state:
        articles = JsonLines(output)
        if articles.path is not None:
            recover_output(articles.path, state)
        failures = JsonLines(errors) if errors is not None else None
        records_to = sys.stdout if output is None else None
        reporter = Reporter(failures, config.quiet, stderr, records_to=records_to, progress=progress)
        stopped = True
        try:
            workers = cluster_workers(config) if config.cluster is not None else None
            with asyncio.Runner(loop_factory=_event_loop_factory()) as runner:
                runner.run(Run(config, state, articles, reporter, transport, workers).run(jobs))
            stopped = False
        finally:
            reporter.close(summary=not stopped)  # a run stopped (Ctrl-C, a closed pipe) says no more
            articles.close()
            if failures is not None:
                failures.close()
    return reporter.counts
