"""`scraper run`: read a URL list, fetch politely, extract in other processes, store.

The stages: the list is read in a thread, a little ahead of the work (`_Batches` bounds how
far); URLs are grouped by host into batches, at most one batch of a host at work at a time,
with that host's politeness inside it; pages are extracted in a process pool while others
download; records are written and committed to the state one at a time (see `_state`).
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import itertools
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import httpx

from .._errors import LISTING_OUTCOMES, EmptyPage, ExtractionFailed, FetchError, InvalidURL, OutputClosed
from . import _settings
from ._config import RunConfig
from ._fetch import Fetcher, Page, Validators
from ._listings import Listing
from ._output import Destination, JsonLines
from ._politeness import HostSlot, Politeness, host_key
from ._records import Discovered, content_hash, make_record, read_document
from ._report import Reporter
from ._state import Known, Outcome, State, article_keys
from ._urls import JobKind, URLLine, listing_jobs, normalise_url, read_url_lines

if TYPE_CHECKING:
    import concurrent.futures
    from multiprocessing.context import BaseContext

_READ_CHUNK = 500  # lines read from the list at a time, in a thread
_PARENT_CHECK_SECONDS = 1.0  # how often an extraction process checks that the run is alive


class _Batches:
    """URLs waiting for work, grouped by host; a batch is up to BATCH_SIZE URLs of one host."""

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


class _Extractors:
    """Extraction off the event loop: a process pool, one process per core, started when
    the first page arrives (a run of 304s never starts it). `workers=0` extracts in this
    process, for tests and debugging."""

    def __init__(self, workers: int | None) -> None:
        self._workers = _usable_cores() if workers is None else workers
        self._context = worker_context() if self._workers else None
        if self._context is None:
            self._workers = 0
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    async def read(
        self, page: Page, kind: JobKind, config: RunConfig
    ) -> Listing | Discovered | dict[str, Any] | str:
        """`read_document` on `page`, in an extraction process."""
        arguments = (page, kind, config.discover, config.max_bytes, config.min_words)
        if self._workers == 0:
            return read_document(*arguments)
        from concurrent.futures.process import BrokenProcessPool  # loaded once pages arrive

        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                self._workers, mp_context=self._context, initializer=_exit_with, initargs=(os.getpid(),)
            )
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, read_document, *arguments)
        except BrokenProcessPool:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            raise ExtractionFailed("the extraction process died on this page (out of memory?)") from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


def _usable_cores() -> int:
    """The cores this process may run on (all of them where the OS cannot say)."""
    if hasattr(os, "sched_getaffinity"):  # Linux
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_context() -> BaseContext | None:
    """The multiprocessing context of the extraction processes, or None to extract in
    this process (with a warning that says why and what to do).

    Processes are started by a fork server (forking a process that runs threads and an
    event loop is unsafe), and Python starts each one by importing the main module again,
    as `__mp_main__`. A script that calls `run_urls` outside `if __name__ == "__main__":`
    would run the whole job again in every worker, and a program read from standard input
    (`python -`) cannot be imported at all; for those, extraction stays in this process."""
    import multiprocessing

    problem = _main_module_problem()
    if problem is not None:
        reason, filename, line = problem
        warnings.warn_explicit(
            f"scraper: extracting in this process only (one core): {reason}. Put the call under "
            '`if __name__ == "__main__":` in a script file to extract on every core.',
            RuntimeWarning,
            filename,
            line,
        )
        return None
    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    if sys.platform != "win32":
        context.set_forkserver_preload(["scraper.extract", "scraper.crawl._records"])
    return context


def _main_module_problem() -> tuple[str, str, int] | None:
    """Why worker processes cannot import the main module again safely, and where the
    main module calls this (for the warning); None when they can."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and (spec.name == "__main__" or spec.name.endswith(".__main__")):
        return None  # `python -m package`: multiprocessing does not import it again
    path = spec.origin if spec is not None else getattr(main, "__file__", None)
    if path is None:
        return None  # the interactive interpreter or `python -c`: nothing to import again
    calls = [frame for frame, _ in traceback.walk_stack(None) if frame.f_globals is vars(main)]
    top = next((frame for frame in reversed(calls) if frame.f_code.co_name == "<module>"), None)
    where = (path, top.f_lineno if top is not None else 0)
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return f"the main program ({path}) is no file that extraction processes can import", *where
    if top is None or _guarded(source, top.f_lineno):
        return None
    guard = '`if __name__ == "__main__":`'
    return f"{path} calls it outside {guard}, so each extraction process would run it again", *where


def _guarded(source: str, line: int) -> bool:
    """Whether `line` of a module's `source` is inside an `if __name__ == ...:` block."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return True  # it ran, so it parses; an encoding mismatch: do not second-guess it
    for statement in tree.body:
        if statement.lineno <= line <= (statement.end_lineno or statement.lineno):
            return isinstance(statement, ast.If) and "__name__" in ast.unparse(statement.test)
    return False


def _exit_with(parent: int) -> None:
    """In an extraction process: exit when the run is gone (killed with -9, it cannot say
    so), and leave Ctrl-C to the run (it stops the workers itself)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while True:
            time.sleep(_PARENT_CHECK_SECONDS)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-run", daemon=True).start()


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Run:
    """One run over a URL list, with its state, output, process pool and politeness."""

    def __init__(
        self, config: RunConfig, state: State, output: JsonLines, reporter: Reporter,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:  # fmt: skip
        self._config = config
        self._state = state
        self._output = output
        self._reporter = reporter
        self._transport = transport
        self._batches = _Batches()
        self._requests = asyncio.Semaphore(config.concurrency)
        self._extractors = _Extractors(config.workers)
        self._tasks: set[asyncio.Task[None]] = set()  # batches at work, referenced as asyncio asks
        self._halted: OutputClosed | None = None

    async def run(self, lines: Iterator[URLLine]) -> None:
        """Work through `lines`; raises OutputClosed when the output's reader went away."""
        self._fetcher = Fetcher(self._config, self._transport)
        self._politeness = Politeness(
            self._fetcher, self._config.per_host, self._config.delay, self._config.user_agent
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
            await self._fetcher.aclose()
            self._extractors.close()
        if self._halted is not None:
            raise self._halted

    def _halt(self, error: OutputClosed) -> None:
        """Stop the whole run: nothing more can be written."""
        if self._halted is None and self._main is not None:
            self._halted = error
            self._main.cancel()

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
            known = self._state.take_up([job.url for job in batch])
            jobs: dict[str, URLLine] = {}  # in the list's order, the first of a URL listed twice
            for job in batch:
                if job.url in known:
                    jobs.setdefault(job.url, job)
            for job in batch:
                if jobs.get(job.url) is not job:
                    self._reporter.done("duplicate", job.url, "listed twice: fetched once")
            todo = deque(jobs.values())
            slot = self._politeness.slot(batch[0].url)

            async def work() -> None:
                while todo:
                    job = todo.popleft()
                    await self._do_job(job, known[job.url], slot)

            await asyncio.gather(*(work() for _ in range(min(self._config.per_host, len(todo)))))
        finally:
            async with self._batches.changed:
                self._batches.release(batch)
                self._batches.changed.notify_all()

    async def _do_job(self, job: URLLine, known: Known, slot: HostSlot) -> None:
        try:
            await self._politeness.check_robots(job.url)
            validators = Validators() if self._config.force else Validators(known.etag, known.last_modified)
            limit = self._config.max_bytes  # a line may be a sitemap, larger than a page may be
            limit = limit if job.kind == "page" else max(limit, _settings.MAX_LISTING_BYTES)
            async with self._requests, slot.connection():
                page = await self._fetcher.fetch(
                    job.url, validators, pacer=slot, html_only=job.kind == "page", max_bytes=limit
                )
            if page.not_modified:
                await self._not_modified(job, known)
                return
            document = await self._extractors.read(page, job.kind, self._config)
            if isinstance(document, Listing):
                await self._expand(job, page, document)
            elif isinstance(document, Discovered):
                await self._take_listed(job, page, "discovered", "listing", document.feeds)
            elif isinstance(document, str):
                raise EmptyPage(document)
            else:
                self._store(page, document, known)
        except FetchError as error:
            self._fail(job, error.outcome, error.detail)
        except OutputClosed as error:
            self._halt(error)
        except Exception as error:  # a bug must cost one URL, not the run
            self._fail(job, "internal_error", f"{type(error).__name__}: {error}")

    async def _not_modified(self, job: URLLine, known: Known) -> None:
        """A 304: nothing to emit; for a feed or sitemap, what it listed is still to do."""
        listing = known.outcome in LISTING_OUTCOMES
        if listing:
            await self._enqueue(job, self._state.items_to_do(job.url))
        outcome = Outcome(job.url, known.outcome if listing and known.outcome else "not_modified", _now(),
                          known.etag, known.last_modified, known.content_hash)  # fmt: skip
        self._state.record(outcome)
        self._reporter.done("not_modified", job.url)

    async def _expand(self, job: URLLine, page: Page, listing: Listing) -> None:
        """Queue what a feed or sitemap lists that is new (or failed before), then settle it."""
        since = self._config.since
        urls = []
        for entry in listing.entries:
            if since is None or entry.published is None or entry.published >= since:
                with contextlib.suppress(InvalidURL):
                    urls.append(normalise_url(entry.url))
        kind: JobKind = "listing" if listing.kind == "sitemap_index" else "page"
        await self._take_listed(job, page, listing.kind, kind, urls)

    async def _take_listed(
        self, job: URLLine, page: Page, outcome: str, kind: JobKind, urls: Sequence[str]
    ) -> None:
        """Remember what a feed, sitemap or front page lists, queue what of it is still to
        do, and settle the listing itself (its validators make the next request conditional)."""
        self._state.add_items(job.url, kind, urls)
        await self._enqueue(job, self._state.items_to_do(job.url))
        self._settle(Outcome(job.url, outcome, _now(), *_validators(page), content_hash(page.body)))

    async def _enqueue(self, source: URLLine, found: list[tuple[str, JobKind]]) -> None:
        """Add URLs found in `source` to the work (they keep its line number for reports)."""
        jobs = [URLLine(source.line, url, kind=kind, source=source.url) for url, kind in found]
        self._reporter.expect(len(jobs))
        async with self._batches.changed:
            for job in jobs:
                self._batches.add(job)
            self._batches.changed.notify_all()

    def _store(self, page: Page, fields: dict[str, Any], known: Known) -> None:
        """Emit the article unless it is unchanged or already emitted under another address."""
        fetched_at = _now()
        digest = content_hash(fields["text"])
        outcome = Outcome(page.url, "emitted", fetched_at, *_validators(page), digest)
        if digest == known.content_hash and not self._config.force:
            self._settle(replace(outcome, outcome="unchanged"))
            return
        keys = article_keys(fields.get("canonical_url"), digest)
        checked = {"all": keys, "canonical": keys[:-1], "off": []}[self._config.dedupe]
        holder = None if self._config.force else self._state.holder(checked, page.url)
        if holder is not None:
            self._settle(replace(outcome, outcome="duplicate"), f"the same article as {holder}")
            return
        size = self._output.write(make_record(page, fields, fetched_at))
        key = self._output.key
        self._state.record(outcome, (key, size) if key is not None else None, keys)
        self._reporter.done("emitted", page.url)

    def _settle(self, outcome: Outcome, detail: str = "") -> None:
        self._state.record(outcome)
        self._reporter.done(outcome.outcome, outcome.url, detail)

    def _fail(self, job: URLLine, outcome: str, detail: str) -> None:
        self._state.record(Outcome(job.url, outcome, _now()))
        if job.source is not None:
            detail = f"{detail} (listed in {job.source})"
        self._reporter.failed(job.url, outcome, detail, job.line)


def _validators(page: Page) -> tuple[str | None, str | None]:
    return page.validators.etag, page.validators.last_modified


def _event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    """uvloop's event loop where it is installed (Linux and macOS): the loop's own work is
    a good part of a run that only sends conditional requests."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def run_urls(
    config: RunConfig, source: Iterable[str] | None, output: Destination = None,
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
    (`| head`); a URL's failure is reported, never raised."""
    jobs = itertools.chain(listing_jobs(listings), read_url_lines(source) if source is not None else ())
    with State(config.state) as state:
        articles = JsonLines(output)
        if articles.path is not None:
            state.recover_output(articles.path)
        failures = JsonLines(errors) if errors is not None else None
        records_to = sys.stdout if output is None else None
        reporter = Reporter(failures, config.quiet, stderr, records_to=records_to, progress=progress)
        stopped = True
        try:
            with asyncio.Runner(loop_factory=_event_loop_factory()) as runner:
                runner.run(Run(config, state, articles, reporter, transport).run(jobs))
            stopped = False
        finally:
            reporter.close(summary=not stopped)  # a run stopped (Ctrl-C, a closed pipe) says no more
            articles.close()
            if failures is not None:
                failures.close()
    return reporter.counts
