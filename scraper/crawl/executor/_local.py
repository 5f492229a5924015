"""Extraction on this machine: a process pool started when the first page arrives (a run of
304s never starts it), or the calling process itself."""

from __future__ import annotations

import ast
import asyncio
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from ..._errors import ExtractionFailed
from . import Document, ReadTask

if TYPE_CHECKING:
    import concurrent.futures
    from multiprocessing.context import BaseContext

_PARENT_CHECK_SECONDS = 1.0  # how often an extraction process checks that the run is alive
# Imported once by the fork server, so each extraction process starts with them loaded.
_PRELOAD = ["scraper.extract._engine", "scraper.crawl._records"]


class InProcess:
    """Reads each page in the calling process, on the event loop (`--workers 0`)."""

    async def submit(self, task: ReadTask) -> Document:
        return task()

    def shutdown(self) -> None:
        pass


class ProcessPool:
    """A pool of `workers` extraction processes (None: one per core), forked from a server
    that has the extraction stack loaded; a process that dies costs its page only."""

    def __init__(self, workers: int | None, context: BaseContext) -> None:
        self._workers = _usable_cores() if workers is None else workers
        self._context = context
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
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(
            self._workers, mp_context=self._context, initializer=_exit_with, initargs=(os.getpid(),)
        )
        return self._pool

    def shutdown(self) -> None:
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
        context.set_forkserver_preload(_PRELOAD)
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

    import multiprocessing

    run = multiprocessing.parent_process()  # its sentinel: portable (os.kill(pid, 0) ends a
    # process on Windows rather than probing it)

    def alive() -> bool:
        if run is not None:
            return run.is_alive()
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            return False
        return True

    def watch() -> None:
        while alive():
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-run", daemon=True).start()
