"""`scraper run` on a Dask cluster against the local process pool, in one run: the 905-URL
loopback list of `bench/run.py` (the benchmark's 181 pages x 5 copies, from nginx on ten
loopback addresses), each mode with a fresh state.

    python bench/cluster.py [--dataset DIR] [--copies 5] [--hosts 10] [--workers 1,2] [--repeat 2]

The clusters are started as a user starts one (`dask scheduler`, `dask worker --nworkers N
--nthreads 1 --preload scraper.crawl.executor.dask_worker`) and kept up across the runs, as
a cluster is; the local pool starts with each run, as it does. The modes run in turn,
`--repeat` times. Printed per mode: the best wall time, pages per second, the CPU seconds
of each worker process and of the scheduler during that run, and the scheduler's overhead
per batch (its CPU time over the batches it ran, heartbeats included: an upper bound), then
the round trip of an empty task (submit to result, one at a time).
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from run import Measure, _scraper, add_list_options, dataset_site, measure, page_list

DASK = str(Path(sys.executable).with_name("dask"))
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Result:
    mode: str
    run: Measure
    command_cpu: float  # seconds of `scraper run` (on a cluster, the client's)
    worker_cpu: list[float]  # seconds, each worker process
    scheduler_cpu: float
    batches: int


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def dask_cluster(workers: int) -> Iterator[tuple[str, int]]:
    """A scheduler and `workers` single-threaded worker processes, started by the `dask`
    command; yields the scheduler's address and pid once every worker has joined."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    silent = subprocess.DEVNULL
    scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], stdout=silent, stderr=silent)  # fmt: skip
    worker = subprocess.Popen([DASK, "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                               "--preload", "scraper.crawl.executor.dask_worker", "--no-dashboard",
                               "--memory-limit", "0"], stdout=silent, stderr=silent)  # fmt: skip
    try:
        with Client(address, timeout=60) as client:  # type: ignore[no-untyped-call]
            client.wait_for_workers(workers, timeout=120)
        yield address, scheduler.pid
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)


def on_cluster(address: str, call: Callable[..., object]) -> object:
    from distributed import Client

    with Client(address, timeout=30) as client:  # type: ignore[no-untyped-call]
        return call(client)


def batches_done(client: object) -> int:
    def count(dask_scheduler: object) -> int:
        prefix = dask_scheduler.task_prefixes.get("work_batch")  # type: ignore[attr-defined]
        return int(prefix.state_counts["memory"]) if prefix is not None else 0

    return int(client.run_on_scheduler(count))  # type: ignore[attr-defined]


def measured(command: list[str], output: Path) -> tuple[Measure, float]:
    """`measure`, and the CPU seconds of the command and every process it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = measure(command, output)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return run, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def cluster_mode(
    address: str, scheduler: int, command: list[str], output: Path
) -> tuple[tuple[Measure, float], list[float], float, int]:
    pids = list(on_cluster(address, lambda c: c.run(os.getpid)).values())  # type: ignore[attr-defined]
    before = [cpu_seconds(pid) for pid in pids] + [cpu_seconds(scheduler)]
    batches = on_cluster(address, batches_done)
    run = measured([*command, "--cluster", address], output)
    after = [cpu_seconds(pid) for pid in pids] + [cpu_seconds(scheduler)]
    used = [b - a for a, b in zip(before, after, strict=True)]
    return run, used[:-1], used[-1], on_cluster(address, batches_done) - batches  # type: ignore[operator]


def round_trip_ms(address: str, tasks: int = 100) -> float:
    def trip(client: object) -> float:
        started = time.perf_counter()
        for n in range(tasks):
            client.submit(abs, -n, pure=False).result()  # type: ignore[attr-defined]
        return (time.perf_counter() - started) / tasks * 1000

    return float(on_cluster(address, trip))  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_list_options(parser)
    parser.add_argument("--workers", default="1,2", help="cluster sizes to measure, comma-separated")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each mode (the best is shown)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scraper-bench-cluster-"))
    results: list[Result] = []
    trips: dict[int, float] = {}
    with ExitStack() as stack:
        ids = stack.enter_context(dataset_site(args.dataset, work, args.hosts))
        urls = work / "urls.txt"
        total = page_list(urls, ids, args.copies, args.hosts)
        counter = iter(range(1_000_000))

        def fresh() -> tuple[list[str], Path]:
            n = next(counter)
            output = work / f"articles-{n}.jsonl"
            return _scraper(urls, work / f"state-{n}.sqlite", output), output

        sizes = [int(n) for n in args.workers.split(",")]
        clusters = [stack.enter_context(dask_cluster(size)) for size in sizes]  # idle ones cost ~nothing
        local: list[tuple[Measure, float]] = []
        runs: dict[int, list[tuple[tuple[Measure, float], list[float], float, int]]] = {n: [] for n in sizes}
        for _ in range(args.repeat):  # the modes in turn, so that the machine's noise hits each alike
            local.append(measured(*fresh()))
            for size, (address, scheduler) in zip(sizes, clusters, strict=True):
                runs[size].append(cluster_mode(address, scheduler, *fresh()))
        best = min(local, key=lambda m: m[0].seconds)
        results.append(Result("local process pool (2 processes)", best[0], best[1], [], 0, 0))
        for size, (address, _) in zip(sizes, clusters, strict=True):
            (run, command), workers, sched, batches = min(runs[size], key=lambda r: r[0][0].seconds)
            name = f"Dask, {size} worker{'s' * (size > 1)} x 1 thread"
            results.append(Result(name, run, command, workers, sched, batches))
            trips[size] = round_trip_ms(address)
    report(total, f"{len(ids)} pages x {args.copies} copies", results, trips)
    return 0


def report(total: int, title: str, results: list[Result], trips: dict[int, float]) -> None:
    print(f"{total} URLs ({title}) from nginx on loopback, {os.cpu_count()} cores, SQLite state\n")
    print("| mode | wall s | pages/s | records | client CPU s | CPU s of each worker "
          "| scheduler CPU s | batches | scheduler ms/batch |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|")
    for r in results:
        workers = ", ".join(f"{cpu:.1f} ({cpu / r.run.seconds:.0%})" for cpu in r.worker_cpu) or "-"
        per_batch = f"{r.scheduler_cpu / r.batches * 1000:.1f}" if r.batches else "-"
        scheduler = f"{r.scheduler_cpu:.2f}" if r.batches else "-"
        rate, client = r.run.lines / r.run.seconds, f"{r.command_cpu:.1f}" if r.batches else "-"
        print(f"| {r.mode} | {r.run.seconds:.2f} | {rate:.0f} | {r.run.lines} | {client} | "
              f"{workers} | {scheduler} | {r.batches or '-'} | {per_batch} |")  # fmt: skip
    print()
    local = results[0].run.seconds
    for r in results[1:]:
        print(f"wall time, {r.mode} / local pool: {r.run.seconds / local:.3f}")
    for size, ms in trips.items():
        print(f"round trip of an empty task, {size} worker(s): {ms:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
