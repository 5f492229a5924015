"""The client's side of a run on a Dask cluster: host batches sent to the scheduler as
tasks (`dask_worker.work_batch`), their results settled here, where the output and the
state are, so that output and crash safety are as in a run on one machine.

Politeness holds cluster-wide: the run keeps one batch of a host at work at a time (as on
one machine), and what a batch learnt of its host (robots.txt, Crawl-delay, when the next
request may start) goes with the host's next batch, wherever it runs. A batch whose worker
died is run again by the scheduler; its results arrive once, so nothing is written twice.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import CancelledError
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..._errors import BackendLost, ConfigError
from .. import _settings
from .._config import RunConfig
from .._jobs import Failed, Result, Settle
from .._politeness import HostMemory, host_key
from .._urls import URLLine
from ..state import Known
from .dask_worker import work_batch


class DaskWorkers:
    """The workers of the Dask scheduler at `config.cluster`, working this run's batches."""

    def __init__(self, config: RunConfig) -> None:
        try:
            from distributed import Client  # only a run on a cluster needs it
        except ImportError:
            raise ConfigError("--cluster needs Dask distributed: pip install 'newsprune[cluster]'") from None
        assert config.cluster is not None
        self.address = config.cluster
        # The workers need no state, and a state URL may hold a password.
        self._config = replace(config, state=Path(), cluster=None)
        try:
            self._client = Client(  # type: ignore[no-untyped-call]
                self.address, timeout=_settings.CLUSTER_CONNECT_SECONDS, set_as_default=False
            )
        except (OSError, TimeoutError, ValueError) as error:
            raise BackendLost(
                f"the Dask scheduler at {self.address} cannot be reached ({error}); "
                "start it (dask scheduler) or check --cluster"
            ) from None
        threads = sum(self._client.nthreads().values())  # type: ignore[no-untyped-call]
        self.most_batches = max(2, _settings.CLUSTER_BATCHES_PER_THREAD * threads)
        self._hosts: OrderedDict[str, HostMemory] = OrderedDict()

    async def batch(self, jobs: Sequence[tuple[URLLine, Known]], settle: Settle) -> None:
        host = host_key(jobs[0][0].url)
        results = await self._work(list(jobs), self._hosts.get(host))  # kept if the batch fails
        for (job, known), result in zip(jobs, results, strict=True):
            await settle(job, known, result)

    async def _work(self, jobs: list[tuple[URLLine, Known]], memory: HostMemory | None) -> list[Result]:
        from distributed import KilledWorker

        try:
            future = self._client.submit(work_batch, self._config, jobs, memory, pure=False)
            done: tuple[list[Result], HostMemory | None] = await _outcome(future)
            results, memory = done
        except KilledWorker:
            detail = "cluster workers died on this URL's batch more often than allowed (out of memory?)"
            return [Failed("extraction_failed", detail)] * len(jobs)
        except (CancelledError, OSError) as error:
            raise BackendLost(
                f"the Dask scheduler at {self.address} went away ({type(error).__name__}); "
                "what was written is kept, run again to finish"
            ) from None
        except Exception as error:  # a worker without scraper, or a bug: this batch's URLs fail
            detail = f"on a cluster worker: {type(error).__name__}: {error}"
            return [Failed("internal_error", detail)] * len(jobs)
        if memory is not None:
            host = host_key(jobs[0][0].url)
            self._hosts[host] = memory
            self._hosts.move_to_end(host)  # the least recently worked hosts are forgotten first
            while len(self._hosts) > _settings.MAX_HOSTS_REMEMBERED:
                self._hosts.popitem(last=False)
        return results

    async def aclose(self) -> None:
        await asyncio.to_thread(self._client.close)


def _outcome(future: Any) -> asyncio.Future[Any]:
    """The result of a Dask future, awaitable on this event loop (the Dask client runs on a
    thread of its own and calls back from another)."""
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[Any] = loop.create_future()

    def settle(outcome: Any, error: BaseException | None) -> None:
        if waiter.done():
            return
        if error is not None:
            waiter.set_exception(error)
        else:
            waiter.set_result(outcome)

    def done(finished: Any) -> None:
        try:
            outcome = finished.result()
        except BaseException as error:  # handed over to the run, as it is
            loop.call_soon_threadsafe(settle, None, error)
        else:
            loop.call_soon_threadsafe(settle, outcome, None)
        finally:
            finished.release()

    future.add_done_callback(done)
    return waiter
