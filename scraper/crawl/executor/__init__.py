"""Where the work is done.

Pages are read (extracted) off the event loop that fetches, since extraction is the
CPU-bound part of a run. `Executor` is all a run asks of one: `submit` a `ReadTask`, await
what the page is, and `shutdown` at the end. `local_executor` gives a process pool on this
machine (`_local`), or this very process for `workers=0`. Each task carries its
`deadline`: an executor stops the reading of a page past it (ExtractionTimeout) and goes
on with the next.

On a cluster the unit is the host batch: `cluster_workers` sends batches to a Dask
scheduler (`_dask`, the client's side); its workers fetch and read them
(`dask_worker`, the workers' side, with this process's in-process reading).
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .. import _settings
from .._fetch import Page
from .._listings import Listing
from .._records import Discovered, read_document
from .._urls import JobKind

if TYPE_CHECKING:
    from .._config import RunConfig
    from .._jobs import Workers

# What a page is: a feed or sitemap, a front page's feeds, an article's fields, or the
# reason (a str) it has no article text. See `read_document`.
Document = Listing | Discovered | dict[str, Any] | str

__all__ = ["Document", "Executor", "ReadTask", "cluster_workers", "local_executor"]


@dataclass(frozen=True, slots=True)
class ReadTask:
    """One downloaded page to read, with what reading it depends on (plain, picklable values)."""

    page: Page
    kind: JobKind
    discover: bool
    max_bytes: int
    min_words: int = 0
    deadline: float = _settings.DEFAULT_EXTRACT_TIMEOUT  # seconds the reading may take

    def __call__(self) -> Document:
        return read_document(self.page, self.kind, self.discover, self.max_bytes, self.min_words)


class Executor(Protocol):
    def submit(self, task: ReadTask) -> Awaitable[Document]:
        """Start reading a page; the awaitable gives what it is, or raises its FetchError
        (ExtractionFailed when the reading process died, ExtractionTimeout when it took
        over `task.deadline` and was stopped)."""
        ...

    def shutdown(self) -> None:
        """Stop every process this executor started, at once, even one busy with a page
        (tasks still queued or at work are dropped: the run is over or stopping)."""
        ...


def local_executor(workers: int | None) -> Executor:
    """`workers` extraction processes on this machine (None: one per core; 0: none, pages
    are read in this process, for tests and debugging). None either where the processes
    could not import the main module safely (see `worker_context`)."""
    from ._local import InProcess, ProcessPool, worker_context

    context = worker_context() if workers != 0 else None
    return InProcess() if context is None else ProcessPool(workers, context)


def cluster_workers(config: RunConfig) -> Workers:
    """The workers of the Dask scheduler at `config.cluster`, connected (BackendLost when
    it cannot be reached)."""
    from ._dask import DaskWorkers

    return DaskWorkers(config)
