"""`scraper run --cluster`: host batches worked on a real Dask cluster (a LocalCluster of
worker processes), the state in a real PostgreSQL; output and state as on one machine."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from conftest import Runner, read_jsonl
from faults import ARTICLE_ETAG, FaultServer, Reply, fault_server
from postgres import PostgresServer

from scraper import BackendLost, ConfigError, RunConfig, run_urls
from scraper._cli import main
from scraper.crawl import _settings

distributed = pytest.importorskip("distributed", reason="pip install '.[test]' (distributed) for the cluster")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A scheduler and two single-threaded worker processes, for the whole module."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as running:
        yield running


@pytest.fixture
def servers() -> Iterator[list[FaultServer]]:
    """Three loopback sites (three hosts: three batches can be at work at once)."""
    with ExitStack() as stack:
        yield [stack.enter_context(fault_server()) for _ in range(3)]


def stories(servers: list[FaultServer], each: int) -> list[str]:
    """`each` stories of each site, interleaved; every story an article of its own."""
    return [server.url(f"/story/{site}-{n}") for n in range(each) for site, server in enumerate(servers)]


def without_times(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(
        ({k: v for k, v in r.items() if k != "fetched_at"} for r in records), key=lambda r: r["url"]
    )


def test_a_cluster_run_gives_the_records_of_a_local_run(
    cluster: Any, servers: list[FaultServer], postgres: PostgresServer, tmp_path: Path
) -> None:
    urls = [*stories(servers, 8), servers[0].url("/article"), servers[1].url("/private/article")]
    local, on_cluster = Runner(tmp_path / "local"), Runner(tmp_path / "cluster")
    for runner in (local, on_cluster):
        runner.directory.mkdir()
    expected = local(urls)
    got = on_cluster(urls, cluster=cluster.scheduler_address, state=postgres.database())
    assert len(got.records) == len(urls) - 1
    assert without_times(got.records) == without_times(expected.records)
    assert got.errors == expected.errors  # robots.txt obeyed on the workers too
    assert got.counts == expected.counts


def test_a_second_cluster_run_sends_conditional_requests_and_emits_nothing(
    cluster: Any, servers: list[FaultServer], postgres: PostgresServer, run: Runner
) -> None:
    urls, state = [servers[0].url("/article"), *stories(servers, 2)], postgres.database()
    assert len(run(urls, cluster=cluster.scheduler_address, state=state).records) == 7
    again = run(urls, cluster=cluster.scheduler_address, state=state)
    assert again.records == [] and again.errors == []
    assert again.counts == {"not_modified": 1, "unchanged": 6}
    (article,) = [r for r in servers[0].requests[1:] if r.path == "/article"][-1:]
    assert article.headers.get("if-none-match") == ARTICLE_ETAG


def test_a_worker_killed_mid_batch_loses_and_doubles_nothing(
    cluster: Any, servers: list[FaultServer], postgres: PostgresServer, run: Runner
) -> None:
    for server in servers:
        server.story_delay = 0.03
    urls = stories(servers, 30)
    finished: list[Counter[str]] = []
    work = threading.Thread(
        target=lambda: finished.append(
            run(urls, cluster=cluster.scheduler_address, state=postgres.database()).counts
        )
    )
    with distributed.Client(cluster, set_as_default=False) as client:
        pids = client.run(os.getpid)
        work.start()
        _wait_until(lambda: sum(server.hits["/robots.txt"] for server in servers) >= 2)
        time.sleep(0.2)  # well inside the batches (each takes about half a second)
        os.kill(next(iter(pids.values())), signal.SIGKILL)
        work.join(timeout=90)
        client.wait_for_workers(2, timeout=60)  # the nanny starts another, for the next tests
    assert finished == [Counter(emitted=len(urls))]
    records = read_jsonl(run.output)
    assert sorted(r["url"] for r in records) == sorted(urls)  # each once
    assert any(count > 1 for server in servers for path, count in server.hits.items() if "/story/" in path)


def test_robots_txt_and_its_crawl_delay_hold_across_batches(
    cluster: Any, servers: list[FaultServer], run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_settings, "BATCH_SIZE", 2)  # the client makes the batches
    server = servers[0]
    server.robots = Reply(200, {}, b"User-agent: *\nCrawl-delay: 0.5\nDisallow: /private/\n")
    urls = [*(server.url(f"/story/{n}") for n in range(4)), server.url("/private/article")]
    result = run(urls, cluster=cluster.scheduler_address, delay=0.0, per_host=2)
    assert len(result.records) == 4 and result.errors[0]["outcome"] == "robots_disallowed"
    assert server.hits["/robots.txt"] == 1  # read by the first batch, its rules carried to the others
    starts = sorted(r.at for r in server.requests if r.path.startswith("/story/"))
    # Arrival times, not start times: a request that opens a connection may come in late.
    assert all(later - earlier >= 0.4 for earlier, later in itertools.pairwise(starts))


def test_a_scheduler_gone_stops_the_run_with_backend_lost_and_a_rerun_finishes(
    cluster: Any, servers: list[FaultServer], postgres: PostgresServer, run: Runner
) -> None:
    for server in servers:
        server.story_delay = 0.02
    urls, state = stories(servers, 30), postgres.database()
    stopped: list[BaseException] = []

    def doomed_run(address: str) -> None:
        try:
            run(urls, cluster=address, state=state)
        except BaseException as error:
            stopped.append(error)

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0") as doomed:
        work = threading.Thread(target=doomed_run, args=(doomed.scheduler_address,))
        work.start()
        _wait_until(lambda: run.output.exists() and run.output.stat().st_size > 0)
    work.join(timeout=60)
    assert [type(error) for error in stopped] == [BackendLost]
    assert "scheduler" in str(stopped[0]) and "run again" in str(stopped[0])
    assert 0 < len(read_jsonl(run.output)) < len(urls)
    assert run(urls, cluster=cluster.scheduler_address, state=state).counts["emitted"] > 0
    assert sorted(r["url"] for r in read_jsonl(run.output)) == sorted(urls)


def test_a_client_killed_with_9_is_followed_by_a_rerun_that_loses_and_doubles_nothing(
    cluster: Any, servers: list[FaultServer], postgres: PostgresServer, tmp_path: Path
) -> None:
    for server in servers:
        server.story_delay = 0.02
    urls, output, state = stories(servers, 30), tmp_path / "out.jsonl", postgres.database()
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n")
    command = [sys.executable, "-m", "scraper", "run", str(tmp_path / "urls.txt"), "-o", str(output),
               "--state", state, "--cluster", cluster.scheduler_address, "--allow-network", "127.0.0.1",
               "--delay", "0", "--quiet"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    _wait_until(lambda: output.exists() and output.stat().st_size > 0)
    process.kill()
    process.wait()
    assert 0 < len(output.read_bytes().splitlines()) < len(urls)
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(r["url"] for r in read_jsonl(output)) == sorted(urls)


def test_a_scheduler_that_cannot_be_reached_exits_4_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_settings, "CLUSTER_CONNECT_SECONDS", 0.5)
    (tmp_path / "urls.txt").write_text("http://127.0.0.1:9/story/1\n")
    arguments = ["run", str(tmp_path / "urls.txt"), "--state", str(tmp_path / "s.sqlite"), "--cluster",
                 "tcp://127.0.0.1:9", "-o", str(tmp_path / "out.jsonl")]  # fmt: skip
    done = CliRunner().invoke(main, arguments)
    assert done.exit_code == 4
    assert "scheduler at tcp://127.0.0.1:9 cannot be reached" in done.output
    assert read_jsonl(tmp_path / "out.jsonl") == []


def test_state_and_cluster_come_from_the_config_file_or_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_settings, "CLUSTER_CONNECT_SECONDS", 0.5)
    (tmp_path / "urls.txt").write_text("http://127.0.0.1:9/story/1\n")
    config_file = tmp_path / "run.toml"
    config_file.write_text('state = "postgresql://news:pw@127.0.0.1:9/news"\n')
    done = CliRunner().invoke(main, ["run", str(tmp_path / "urls.txt"), "--config", str(config_file)])
    assert done.exit_code == 4 and "postgresql://news:***@127.0.0.1:9/news cannot be reached" in done.output
    config_file.write_text(f'state = "{tmp_path / "s.sqlite"}"\ncluster = "tcp://127.0.0.1:9"\n')
    done = CliRunner().invoke(main, ["run", str(tmp_path / "urls.txt"), "--config", str(config_file)])
    assert done.exit_code == 4 and "scheduler at tcp://127.0.0.1:9 cannot be reached" in done.output
    config_file.write_text('cluster = "127.0.0.1:8786"\n')
    done = CliRunner().invoke(main, ["run", str(tmp_path / "urls.txt"), "--config", str(config_file)])
    assert done.exit_code == 2 and "not a scheduler address" in done.output
    assert RunConfig(state="postgres://db/news").state == "postgres://db/news"
    assert RunConfig(state="~/s.sqlite").state == Path("~/s.sqlite").expanduser()
    with pytest.raises(ConfigError, match="not a scheduler address"):
        RunConfig(cluster="sched:8786")
    on_cluster = RunConfig(state=tmp_path / "s.sqlite", cluster="tcp://127.0.0.1:9")
    with pytest.raises(ConfigError, match="transport= cannot be used with a cluster"):
        run_urls(on_cluster, [], transport=httpx.MockTransport(lambda request: httpx.Response(200)))


def _wait_until(condition: Any, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)
