"""`scraper run`: read a URL list, fetch politely, extract in other processes, store.

The stages: the list is read in a thread, a little ahead of the work (`_Batches` bounds how
far); URLs are grouped by host into batches, at most one batch of a host at work at a time,
with that host's politeness inside it; pages are extracted in a process pool while others
download; records are written and committed to the state one at a time (see `_state`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import httpx

from .._errors import (
    LISTING_OUTCOMES,
    BadListing,
    EmptyPage,
    ExtractionFailed,
    FetchError,
    InvalidURL,
    ListingTruncated,
)
from . import _settings
from ._config import RunConfig
from ._fetch import Fetcher, Page, Validators, body_limit
from ._listings import Listing
from ._output import JsonLines
from ._politeness import HostSlot, Politeness, host_key
from ._records import Discovered, content_hash, make_record, read_document
from ._report import Reporter
from ._state import Known, Outcome, State, article_keys
from ._urls import JobKind, URLLine, listing_jobs, normalise_url, read_url_lines

if TYPE_CHECKING:
    import concurrent.futures

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
        self._workers = len(os.sched_getaffinity(0)) if workers is None else workers
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    async def read(
        self, page: Page, kind: JobKind, config: RunConfig
    ) -> Listing | Discovered | dict[str, Any] | str:
        """`read_document` on `page`, in an extraction process."""
        arguments = (page, kind, config.discover, config.max_bytes)
        if self._workers == 0:
            return read_document(*arguments)
        from concurrent.futures.process import BrokenProcessPool  # loaded once pages arrive

        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["scraper._extract", "scraper._records"])
            self._pool = ProcessPoolExecutor(
                self._workers, mp_context=context, initializer=_exit_with, initargs=(os.getpid(),)
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


def _exit_with(parent: int) -> None:
    """In an extraction process: exit when the run is gone (killed with -9, it cannot say so)."""

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

    async def run(self, lines: Iterator[URLLine]) -> None:
        self._fetcher = Fetcher(self._config, self._transport)
        self._politeness = Politeness(
            self._fetcher, self._config.per_host, self._config.delay, self._config.user_agent
        )
        try:
            reader = asyncio.create_task(self._read(lines))
            await self._dispatch()
            await reader
        finally:
            await self._fetcher.aclose()
            self._extractors.close()

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
            known = self._state.take_up([job.url for job in batch])
            jobs: dict[str, URLLine] = {}  # in the list's order, the first of a URL listed twice
            for job in batch:
                if job.url in known:
                    jobs.setdefault(job.url, job)
            for _ in range(len(batch) - len(jobs)):
                self._reporter.done("duplicate")
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
            limit = body_limit(job.kind, self._config.max_bytes)
            async with self._requests, slot.connection():
                page = await self._fetcher.fetch(
                    job.url, validators, pacer=slot, html_only=job.kind == "page", limit=limit
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
        self._reporter.done("not_modified")

    async def _expand(self, job: URLLine, page: Page, listing: Listing) -> None:
        """Queue what a feed or sitemap lists that is new (or failed before), then settle it."""
        since = self._config.since
        urls = []
        for entry in listing.entries:
            if since is None or entry.published is None or entry.published >= since:
                with contextlib.suppress(InvalidURL):
                    urls.append(normalise_url(entry.url))
        kind: JobKind = "listing" if listing.kind == "sitemap_index" else "page"
        if kind == "listing" and job.depth >= _settings.MAX_LISTING_DEPTH:
            raise BadListing(
                f"sitemap indexes nested {job.depth + 1} deep (the limit is {_settings.MAX_LISTING_DEPTH}): "
                "the sitemaps this one lists are not read; list them directly"
            )
        problem = None
        if listing.dropped:
            problem = ListingTruncated(
                f"lists {len(listing.entries) + listing.dropped:,} URLs; only the first "
                f"{len(listing.entries):,} are taken (the most from one feed or sitemap): split it"
            )
        await self._take_listed(job, page, listing.kind, kind, urls, problem)

    async def _take_listed(
        self, job: URLLine, page: Page, outcome: str, kind: JobKind, urls: Sequence[str],
        problem: FetchError | None = None,
    ) -> None:  # fmt: skip
        """Remember what a feed, sitemap or front page lists, queue what of it is still to
        do, and settle the listing itself (its validators make the next request conditional)."""
        self._state.add_items(job.url, kind, urls)
        await self._enqueue(job, self._state.items_to_do(job.url))
        settled = Outcome(job.url, outcome, _now(), *_validators(page), content_hash(page.body))
        if problem is None:
            self._settle(settled)
        else:  # read, and what it gave is done, but the run says what it could not take
            self._state.record(settled)
            self._reporter.failed(job.url, problem.outcome, problem.detail, job.line)

    async def _enqueue(self, source: URLLine, found: list[tuple[str, JobKind]]) -> None:
        """Add URLs found in `source` to the work (they keep its line number for reports)."""
        jobs = [URLLine(source.line, url, kind=kind, source=source.url, depth=source.depth + 1)
                for url, kind in found]  # fmt: skip
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
        if not self._config.force and self._state.holder(checked, page.url) is not None:
            self._settle(replace(outcome, outcome="duplicate"))
            return
        size = self._output.write(make_record(page, fields, fetched_at))
        key = self._output.key
        self._state.record(outcome, (key, size) if key is not None else None, keys)
        self._reporter.done("emitted")

    def _settle(self, outcome: Outcome) -> None:
        self._state.record(outcome)
        self._reporter.done(outcome.outcome)

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
    config: RunConfig, source: Iterable[bytes] | Iterable[str] | None, output: Path | None = None,
    errors: Path | None = None, *, listings: Sequence[str] = (),
    transport: httpx.AsyncBaseTransport | None = None, stderr: TextIO | None = None,
) -> Counter[str]:  # fmt: skip
    """Fetch and extract every URL listed in `source` (a file opened in binary mode, or
    any lines; each may be a page, a feed or a sitemap) and in `listings` (feeds and
    sitemaps), writing articles as JSON Lines to
    `output` (standard output if None) and failures to `errors` (stderr if None).
    Returns the count of URLs per outcome. Raises ConfigError or StateLockedError before
    any work when the setup is wrong; a URL's failure is reported, never raised."""
    jobs = itertools.chain(listing_jobs(listings), read_url_lines(source) if source is not None else ())
    with State(config.state) as state:
        if output is not None:
            state.recover_output(output)
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
