"""A run never hangs on a page and leaves nothing behind: each page is read under a deadline,
and the extraction processes end with their run however it ends (kill -9, SIGTERM, Ctrl-C),
SIGTERM and Ctrl-C after an orderly stop with the summary written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import processes
import pytest
from conftest import Runner, read_jsonl
from faults import FaultServer, fault_server

from scraper import ConfigError, RunConfig
from scraper.extract._settings import MAX_ELEMENTS

# A real but very long page: as many paragraphs as extraction accepts, up to 30,000 (7 MB,
# under every limit), take seconds to read, hundreds of times the seed article; so a
# deadline of a second is always past for it and never for a story.
_SENTENCE = "The council met again on Tuesday to weigh the plan; the members said it was far from settled. "
_PARAGRAPHS = min(30_000, MAX_ELEMENTS - 100)
LONG_PAGE = (
    "<html><head><title>The long report</title></head><body><article><h1>The long report</h1>"
    + "".join(f"<p>{n}: {_SENTENCE * 2}</p>\n" for n in range(_PARAGRAPHS))
    + "</article></body></html>"
).encode()

needs_proc = pytest.mark.skipif(not processes.AVAILABLE, reason="reads processes from /proc")


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        running.pages["/long"] = LONG_PAGE
        yield running


def test_a_page_past_the_extraction_deadline_is_given_up_and_the_run_goes_on(
    server: FaultServer, run: Runner
) -> None:
    urls = [server.url("/long"), server.url("/story/a"), server.url("/story/b")]
    started = time.monotonic()
    result = run(urls, workers=1, extract_timeout=1.0)
    assert time.monotonic() - started < 30
    assert sorted(record["url"] for record in result.records) == urls[1:]
    (error,) = result.errors
    assert (error["url"], error["outcome"]) == (urls[0], "extraction_timeout")
    assert "--extract-timeout" in error["detail"]


def test_the_next_run_gives_the_timed_out_page_another_chance(server: FaultServer, run: Runner) -> None:
    url = server.url("/long")
    assert run([url], workers=1, extract_timeout=0.5).counts == {"extraction_timeout": 1}
    assert run([url], workers=1, extract_timeout=0.5).counts == {"extraction_timeout": 1}


@pytest.mark.parametrize("seconds", [0, -1])
def test_an_extraction_deadline_must_be_above_zero(seconds: float) -> None:
    with pytest.raises(ConfigError, match="--extract-timeout must be above 0"):
        RunConfig(extract_timeout=seconds)


@needs_proc
@pytest.mark.parametrize(
    ("stop", "status", "says"),
    [
        (signal.SIGKILL, -signal.SIGKILL, None),
        (signal.SIGTERM, 128 + signal.SIGTERM, "stopped by SIGTERM"),
        (signal.SIGINT, 128 + signal.SIGINT, ""),
    ],
    ids=["kill-9", "sigterm", "ctrl-c"],
)
def test_no_extraction_process_outlives_its_run_and_the_next_run_does_what_was_abandoned(
    server: FaultServer, tmp_path: Path, stop: int, status: int, says: str | None
) -> None:
    output, urls = tmp_path / "out.jsonl", tmp_path / "urls.txt"
    story = server.url(f"/story/stopped-{stop}")
    urls.write_text(f"{story}\n{server.url('/long')}\n")  # the story is read first, then the long page
    command = [
        sys.executable, "-m", "scraper", "run", str(urls), "-o", str(output),
        "--state", str(tmp_path / "state.sqlite"), "--allow-network", "127.0.0.1", "--delay", "0",
        "--workers", "1", "--per-host", "1",
    ]  # fmt: skip
    # A session of its own: SIGTERM and Ctrl-C go to the whole group, as a terminal or a
    # service manager sends them; kill -9 only to the run, which cannot pass it on.
    process = subprocess.Popen(
        [*command, "--extract-timeout", "600"], stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        worker = processes.busy_worker(process, cpu=0.3)
        left = processes.descendants(process.pid)
        sent = time.monotonic()
        if stop == signal.SIGKILL:
            process.kill()
        else:
            os.killpg(process.pid, stop)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == status, stderr
        assert time.monotonic() - sent < 5, "the run waited for the page being read"
        assert worker in left and processes.all_gone(left, within=10), "extraction processes outlived the run"
    finally:
        if process.poll() is None:
            process.kill()
    if says is not None:
        assert says in stderr and "URLs in" in stderr and "emitted" in stderr  # the summary
        assert "Traceback" not in stderr and "never retrieved" not in stderr
        assert "leaked" not in stderr  # multiprocessing's resource tracker finds nothing left
    again = subprocess.run([*command, "--extract-timeout", "1"], capture_output=True, text=True, timeout=120)
    assert again.returncode == 1, again.stderr  # the long page failed, past its deadline
    assert [record["url"] for record in read_jsonl(output)] == [story]  # once
