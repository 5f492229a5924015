"""`scraper run`: read a URL list, fetch politely, extract in other processes, store.

The stages: the list is read in a thread, and the URLs feeds and sitemaps list are taken
from the state, a little ahead of the work (`HostBatches` bounds how far); URLs are grouped
by host into batches, at most one batch of a host at work at a time (`_batches`); each URL
of a batch is fetched with its host's politeness and read in an executor (`_jobs`,
`executor`); what it gave is written and committed to the state one URL at a time
(`_settle`, `state`).

Whatever goes wrong with one URL is its outcome; anything else (a file that cannot be
written or whose reader went away, a damaged state, a lost cluster, a bug outside a URL's
handling) stops the whole run and is raised, never lost with its task. SIGINT and SIGTERM
stop it in order (`_stopping_on`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

import httpx

from .._errors import ConfigError, RunInterrupted, ScraperError, StateDamaged, StorageError
from ._batches import HostBatches
from ._config import RunConfig
from ._jobs import JobRunner, Workers
from ._output import Destination, JsonLines, recover_output
from ._report import Reporter
from ._settle import Settler
from ._urls import READER_THREAD, URLLine, listing_jobs, read_url_lines
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
        self._batches = HostBatches(state.items_to_do)
        self._settler = Settler(config, state, output, reporter, self._enqueue)
        self.stopped_by: int | None = None  # the signal that stopped the run, if one did

    async def run(self, lines: Iterator[URLLine], signals: Sequence[int] = ()) -> None:
        """Work through `lines`. Anything that stops the run is raised (OutputClosed when the
        output's reader went away, BackendLost when the cluster's scheduler or the state
        database did, StorageError, StateDamaged); on one of `signals` it stops taking work
        and abandons the URLs at work (nothing of them is committed: the next run does them)."""
        self._jobs = self._workers or JobRunner(
            self._config, local_executor(self._config.workers), self._transport
        )
        try:
            with self._stopping_on(signals):
                async with asyncio.TaskGroup() as group:
                    group.create_task(self._read(lines))
                    await self._dispatch(group)
        except BaseExceptionGroup as failures:
            raise _first(failures) from None
        finally:
            await self._jobs.aclose()  # kills the extraction processes, even one busy with a page

    @contextlib.contextmanager
    def _stopping_on(self, signals: Sequence[int]) -> Iterator[None]:
        """Cancel the run (its task, so every batch with it) on the first of `signals`; a
        second one has its default effect, at once."""
        loop, task = asyncio.get_running_loop(), asyncio.current_task()
        assert task is not None

        def stop(number: int) -> None:
            if self.stopped_by is not None:  # asked twice: the signal's own effect, at once
                signal.signal(number, signal.SIG_DFL)
                os.kill(os.getpid(), number)
                return
            self.stopped_by = number
            task.cancel()

        for number in signals:
            loop.add_signal_handler(number, stop, number)
        try:
            yield
        finally:
            for number in signals:
                loop.remove_signal_handler(number)

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

    async def _dispatch(self, group: asyncio.TaskGroup) -> None:
        batches = self._batches
        most_batches = self._jobs.most_batches
        async with batches.changed:
            while True:
                self._reporter.expect(batches.queue_listed())
                while batches.at_work < most_batches and (batch := batches.take()) is not None:
                    group.create_task(self._do_batch(batch))
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

    async def _enqueue(self, source: URLLine) -> None:
        """Add what the feed or sitemap `source` lists still to do to the work, as room frees
        up (its URLs keep its line number for reports)."""
        async with self._batches.changed:
            self._batches.add_listed(source)
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


def _first(failures: BaseExceptionGroup[BaseException]) -> BaseException:
    """The error to report of those that stopped a run: one of ours (it says what to do)
    before another."""
    found = [error for error in _leaves(failures) if not isinstance(error, asyncio.CancelledError)]
    ours = [error for error in found if isinstance(error, ScraperError)]
    return (ours or found or [asyncio.CancelledError()])[0]


def _leaves(error: BaseException) -> Iterator[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        for inner in error.exceptions:
            yield from _leaves(inner)
    else:
        yield error


def _signals_to_handle() -> list[int]:
    """SIGINT and SIGTERM, where this run may handle them: in the main thread, and where the
    program calling it has not set handlers of its own."""
    if threading.current_thread() is not threading.main_thread():
        return []
    defaults = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}
    return [number for number, default in defaults.items() if signal.getsignal(number) is default]


def _open_state(location: str | Path, output: Destination) -> State:
    """The run's state; if it is damaged, the error says too what a fresh one would cost."""
    try:
        return open_state(location)
    except StateDamaged as error:
        path = Path(output).expanduser() if isinstance(output, str | os.PathLike) else None
        size = path.stat().st_size if path is not None and path.exists() else 0
        if not size:
            raise
        raise StateDamaged(
            f"{error}. {path} already holds {size:,} bytes of records: with a fresh state every "
            "article in it would be written again"
        ) from None


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
    the batches) or a PostgreSQL state cannot be reached or goes away, StorageError when a
    file of the run cannot be written (it is left as it was), StateDamaged (a ConfigError)
    for a state that cannot be trusted; a URL's failure is reported, never raised. SIGTERM
    stops the run in order with RunInterrupted, SIGINT with KeyboardInterrupt (both after
    the summary)."""
    if config.cluster is not None and transport is not None:
        raise ConfigError("transport= cannot be used with a cluster: its workers fetch, over the network")
    jobs = itertools.chain(listing_jobs(listings), read_url_lines(source) if source is not None else ())
    with _open_state(config.state, output) as state:
        articles = JsonLines(output)
        if articles.path is not None:
            recover_output(articles.path, state)
        failures = JsonLines(errors) if errors is not None else None
        records_to = sys.stdout if output is None else None
        reporter = Reporter(failures, config.quiet, stderr, records_to=records_to, progress=progress)
        run: Run | None = None
        summary = False  # a run whose output's reader or cluster went away says no more
        try:
            workers = cluster_workers(config) if config.cluster is not None else None
            run = Run(config, state, articles, reporter, transport, workers)
            with asyncio.Runner(loop_factory=_event_loop_factory()) as runner:
                runner.run(run.run(jobs, _signals_to_handle()))
            summary = True
        except asyncio.CancelledError:
            if run is None or run.stopped_by is None:
                raise
            summary = True
        except (StorageError, StateDamaged):
            summary = True
            raise
        finally:
            reporter.close(summary=summary)
            articles.close()
            if failures is not None:
                failures.close()
    stopped_by = run.stopped_by if run is not None else None
    if stopped_by == signal.SIGINT:
        raise KeyboardInterrupt
    if stopped_by is not None:
        raise RunInterrupted(stopped_by)
    return reporter.counts
