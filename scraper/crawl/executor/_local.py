"""Extraction on this machine: worker processes started when pages arrive (a run of 304s
never starts one), or the calling process itself.

Each worker reads one page at a time over a pipe of its own, so that a worker past its
page's deadline can be killed and replaced alone (a `concurrent.futures` pool can only be
broken as a whole). Workers die with their run however it ends: the run kills them when it
stops, and when the run itself is killed they are killed by the kernel (see `_serve`).
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..._errors import ExtractionFailed, ExtractionTimeout
from . import Document, ReadTask

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

_PARENT_CHECK_SECONDS = 1.0  # how often an idle worker checks that the run is alive
_START_SECONDS = 60.0  # the most a new worker may take to say it is ready (a loaded machine)
# Imported once by the fork server, so each worker (a replacement too) starts with the
# extraction stack loaded rather than spending a third of a second on its first page.
_PRELOAD = ["scraper.extract._engine", "scraper.crawl._records"]
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class InProcess:
    """Reads each page in the calling process, on the event loop (`--workers 0`, for tests
    and debugging: nothing can stop a page there, so it has no deadline)."""

    async def submit(self, task: ReadTask) -> Document:
        return task()

    def shutdown(self) -> None:
        pass


class ProcessPool:
    """`workers` extraction processes (None: one per core), forked from a server that has
    the extraction stack loaded; a worker that dies or runs past a deadline costs its page
    only, and is replaced."""

    def __init__(self, workers: int | None, context: BaseContext) -> None:
        self._size = _usable_cores() if workers is None else workers
        self._context = context
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._closing = threading.Event()
        self._calls = ThreadPoolExecutor(self._size, thread_name_prefix="scraper-extract")

    async def submit(self, task: ReadTask) -> Document:
        if self._idle.empty() and len(self._workers) < self._size:
            self._workers.append(_Worker(self._context, self._closing))
            self._idle.put_nowait(self._workers[-1])
        worker = await self._idle.get()
        call = asyncio.get_running_loop().run_in_executor(self._calls, worker.read, task)
        call.add_done_callback(lambda _: self._idle.put_nowait(worker))  # free once really done
        try:
            return await asyncio.shield(call)  # a cancelled run stops waiting; shutdown ends the call
        except asyncio.CancelledError:
            call.add_done_callback(_forget)
            raise

    def shutdown(self) -> None:
        self._closing.set()
        for worker in self._workers:
            worker.stop()
        self._calls.shutdown(wait=True)  # each call ends as its worker is gone


def _forget(call: asyncio.Future[Document]) -> None:
    """Take the outcome of a call nobody awaits any more (the run stopped), so that asyncio
    does not report it as never retrieved."""
    if not call.cancelled():
        call.exception()


class _Worker:
    """One extraction process and its pipe, (re)started on demand by the thread calling it."""

    def __init__(self, context: BaseContext, closing: threading.Event) -> None:
        self._context = context
        self._closing = closing
        self._lock = threading.Lock()  # between the thread calling and `stop`
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def read(self, task: ReadTask) -> Document:
        """What the page of `task` is, read in this worker's process (called in a thread)."""
        try:
            connection = self._connection or self._start()
            connection.send(task)
            if not connection.poll(task.deadline):
                self.stop()
                raise ExtractionTimeout(
                    f"reading the page took over {task.deadline:g} s (--extract-timeout): "
                    "its extraction process was stopped and replaced"
                )
            succeeded, value = connection.recv()
        except (EOFError, OSError):
            self.stop()
            raise ExtractionFailed("the extraction process died on this page (out of memory?)") from None
        if succeeded:
            return value  # type: ignore[no-any-return]
        raise value

    def _start(self) -> Connection:
        with self._lock:
            if self._closing.is_set():
                raise EOFError  # the run is stopping: no new process
            ours, theirs = self._context.Pipe()
            start: Any = self._context.Process  # type: ignore[attr-defined]  # each context has one
            process: BaseProcess = start(target=_serve, args=(theirs, os.getpid()), daemon=True)
            process.start()
            theirs.close()
            self._process, self._connection = process, ours
        if not ours.poll(_START_SECONDS) or ours.recv() != "ready":
            raise EOFError
        return ours

    def stop(self) -> None:
        """Kill the process at once (busy or not); the next `read` starts another."""
        with self._lock:
            process, connection = self._process, self._connection
            self._process = self._connection = None
        if process is not None:
            process.kill()
            process.join()
        if connection is not None:
            connection.close()


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


def _serve(connection: Connection, run: int) -> None:
    """A worker's life: read the pages sent until the pipe closes. Signals sent to the whole
    process group (Ctrl-C, a service manager's SIGTERM) are the run's to handle: it kills
    its workers when it stops."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_run(run)
    connection.send("ready")
    while True:
        try:
            task = connection.recv()
        except EOFError:
            return
        result: tuple[bool, Any]
        try:
            result = (True, task())
        except Exception as error:
            result = (False, error)
        try:
            connection.send(result)
        except Exception as error:  # an exception that cannot be pickled
            connection.send((False, RuntimeError(f"{type(result[1]).__name__}: {error}")))


def _die_with_run(run: int) -> None:
    """Make sure this worker ends when its run does, even killed with -9 while this worker
    spins in C code holding the GIL: on Linux the kernel kills it when its parent (the fork
    server, which exits when the run is gone) dies; elsewhere, and as a second guard, a
    thread checks now and then that the run is alive (it needs the GIL, so it acts only
    between two pages or inside Python code)."""
    _let_the_fork_server_go()
    if sys.platform == "linux":
        server = os.getppid()
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != server:  # it died before the line above
            os._exit(0)

    import multiprocessing

    parent = multiprocessing.parent_process()  # the run, through its sentinel: portable
    # (os.kill(pid, 0) ends a process on Windows rather than probing it)

    def alive() -> bool:
        if parent is not None:
            return parent.is_alive()
        try:
            os.kill(run, 0)
        except ProcessLookupError:
            return False
        return True

    def watch() -> None:
        while alive():
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-run", daemon=True).start()


def _let_the_fork_server_go() -> None:
    """Close this worker's copy of the fork server's "alive" pipe: the server exits when
    no process holds it, so with only the run holding it the server ends with the run (and
    takes this worker with it, see `_die_with_run`). A worker starts no processes itself."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    alive = getattr(server, "_forkserver_alive_fd", None)
    if isinstance(alive, int):
        with contextlib.suppress(OSError):
            os.close(alive)
        server._forkserver_alive_fd = None  # type: ignore[union-attr]
