"""The workers' side of a run on a Dask cluster: one host batch fetched and read in the
worker's process (Dask runs it in a thread of its own, on an event loop of its own).

Give it to `dask worker --preload scraper.crawl.executor.dask_worker` to have the
extraction stack loaded when a worker starts rather than by its first batch.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from .._config import RunConfig
from .._jobs import JobRunner, Result
from .._politeness import HostMemory
from .._urls import URLLine
from ..state import Known
from ._local import InProcess


def work_batch(
    config: RunConfig, jobs: Sequence[tuple[URLLine, Known]], memory: HostMemory | None
) -> tuple[list[Result], HostMemory | None]:
    """What each URL of a host batch gave (in the batch's order), and what its host's
    politeness learnt, for the next batch of that host."""
    return asyncio.run(_work(config, jobs, memory))


async def _work(
    config: RunConfig, jobs: Sequence[tuple[URLLine, Known]], memory: HostMemory | None
) -> tuple[list[Result], HostMemory | None]:
    runner = JobRunner(config, InProcess())
    url = jobs[0][0].url
    if memory is not None:
        runner.politeness.remember(url, memory)
    results: dict[int, Result] = {}
    positions = {id(job): n for n, (job, _) in enumerate(jobs)}

    async def keep(job: URLLine, known: Known, result: Result) -> None:
        results[positions[id(job)]] = result

    try:
        await runner.batch(jobs, keep)
        return [results[n] for n in range(len(jobs))], runner.politeness.memory(url)
    finally:
        await runner.aclose()


def dask_setup(worker: Any) -> None:
    """As a `--preload` module: load the extraction stack now, not in the first batch."""
    import scraper.extract._engine  # noqa: F401
