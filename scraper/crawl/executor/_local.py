"""Extraction on this machine: a process pool started when the first page arrives (a run of
304s never starts it), or the calling process itself."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from typing import TYPE_CHECKING

from ..._errors import ExtractionFailed
from . import Document, ReadTask

if TYPE_CHECKING:
    import concurrent.futures

_PARENT_CHECK_SECONDS = 1.0  # how often an extraction process checks that the run is alive
# Imported once by the fork server, so each extraction process starts with them loaded.
_PRELOAD = ["scraper.extract", "scraper.crawl._records"]


class InProcess:
    """Reads each page in the calling process, on the event loop (`--workers 0`)."""

    async def submit(self, task: ReadTask) -> Document:
        return task()

    def shutdown(self) -> None:
        pass


class ProcessPool:
    """A pool of `workers` extraction processes (None: one per core), forked from a server
    that has the extraction stack loaded; a process that dies costs its page only."""

    def __init__(self, workers: int | None) -> None:
        self._workers = len(os.sched_getaffinity(0)) if workers is None else workers
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    async def submit(self, task: ReadTask) -> Document:
        from concurrent.futures.process import BrokenProcessPool  # loaded once pages arrive

        pool = self._pool or self._start()
        try:
            return await asyncio.wrap_future(pool.submit(task))
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            if self._pool is pool:
                self._pool = None
            raise ExtractionFailed("the extraction process died on this page (out of memory?)") from None

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        self._pool = ProcessPoolExecutor(
            self._workers, mp_context=context, initializer=_exit_with, initargs=(os.getpid(),)
        )
        return self._pool

    def shutdown(self) -> None:
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
