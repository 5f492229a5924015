"""A sick disk or a damaged state stops the run with a clear error and a distinct exit
status, and costs no article: what could not be written whole is neither left half-written
nor committed, so the run after the disk is mended loses and doubles nothing. A state that
was emptied or damaged is named, never silently started afresh."""

from __future__ import annotations

import errno
import io
import json
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Runner, read_jsonl
from faults import FaultServer, fault_server

from scraper import StorageError, run_urls
from scraper._cli import main


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


def _earlier_lines(count: int, size: int = 1000) -> bytes:
    """Lines an earlier day left in a file: enough to put the file near the size limit."""
    return b"".join(
        json.dumps({"url": f"https://earlier.example/{n}", "text": "x" * size}).encode() + b"\n"
        for n in range(count)
    )


def _file_size_limit(limit: int) -> Callable[[], None]:
    """For a child process: files may not grow past `limit` bytes, and a write past it fails
    with EFBIG (SIGXFSZ ignored), as one to a full disk fails with ENOSPC."""

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    return apply


def _command(tmp_path: Path, server: FaultServer, paths: list[str]) -> list[str]:
    urls = tmp_path / "urls.txt"
    urls.write_text("".join(server.url(path) + "\n" for path in paths))
    return [
        sys.executable, "-m", "scraper", "run", str(urls), "-o", str(tmp_path / "out.jsonl"),
        "--errors", str(tmp_path / "errors.jsonl"), "--state", str(tmp_path / "state.sqlite"),
        "--allow-network", "127.0.0.1", "--delay", "0", "--workers", "0", "--per-host", "4", "--quiet",
    ]  # fmt: skip


def test_a_full_disk_stops_the_run_with_status_5_and_the_next_run_loses_and_doubles_nothing(
    server: FaultServer, tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    earlier = _earlier_lines(1000)
    output.write_bytes(earlier)
    stories = [f"/story/disk-{n}" for n in range(12)]
    command = _command(tmp_path, server, stories)
    # Room for two or three records (about 4 KB each), not twelve: a write fails halfway.
    room = _file_size_limit(len(earlier) + 10_000)
    full = subprocess.run(command, capture_output=True, text=True, timeout=120, preexec_fn=room)
    assert full.returncode == 5, full.stderr
    assert f"{output}: cannot be written: File too large" in full.stderr
    assert "Traceback" not in full.stderr
    kept = output.read_bytes()
    assert kept.startswith(earlier) and kept.endswith(b"\n")  # no half-written line
    first = [record["url"] for record in read_jsonl(output)[1000:]]
    assert 0 < len(first) < len(stories)

    again = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    emitted = [record["url"] for record in read_jsonl(output)[1000:]]
    assert sorted(emitted) == sorted(server.url(path) for path in stories)  # each once


def test_an_errors_file_that_cannot_be_written_stops_the_run_it_is_not_lost_in_a_task(
    server: FaultServer, tmp_path: Path
) -> None:
    errors = tmp_path / "errors.jsonl"
    earlier = _earlier_lines(1000, size=200)
    errors.write_bytes(earlier)
    missing = [f"/missing/{n}" for n in range(5)]
    command = _command(tmp_path, server, missing)
    failed = subprocess.run(
        command, capture_output=True, text=True, timeout=120, preexec_fn=_file_size_limit(len(earlier) + 300)
    )
    assert failed.returncode == 5, failed.stderr
    assert f"{errors}: cannot be written" in failed.stderr
    assert "never retrieved" not in failed.stderr and "Traceback" not in failed.stderr
    kept = errors.read_bytes()
    assert kept.startswith(earlier) and kept.endswith(b"\n")
    assert 1 <= len(read_jsonl(errors)) - 1000 < len(missing)


class _FullDisk(io.StringIO):
    """An output whose every write fails as on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_an_output_stream_that_fails_stops_the_run_and_commits_nothing_it_did_not_take(
    server: FaultServer, run: Runner
) -> None:
    url = server.url("/story/stream")
    with pytest.raises(StorageError, match="No space left on device"):
        run_urls(run.config(), [url], output=_FullDisk())
    assert run([url]).counts == {"emitted": 1}  # the state did not take it for written


def _invoke(run: Runner, url: str) -> tuple[int, str]:
    urls = run.directory / "urls.txt"
    urls.write_text(url + "\n")
    options = ["--state", str(run.state), "-o", str(run.output), "--allow-network", "127.0.0.1"]
    result = CliRunner().invoke(main, ["run", str(urls), *options, "--workers", "0", "--quiet"])
    return result.exit_code, result.output


def test_an_emptied_state_is_named_with_the_output_it_would_repeat_and_nothing_is_emitted(
    server: FaultServer, run: Runner
) -> None:
    url = server.url("/story/emptied")
    assert len(run([url]).records) == 1
    run.state.write_bytes(b"")  # a full disk, or a careless `> state.sqlite`
    before = run.output.read_bytes()
    status, said = _invoke(run, url)
    assert status == 2
    assert f"state file {run.state} is empty" in said and str(run.output) in said
    assert "delete it" in said  # what to do
    assert run.output.read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        (lambda data: data[: len(data) // 2], "truncated"),
        (lambda data: b"this is not a database\n" * 100, "not a SQLite database"),
        (lambda data: data[:4096] + bytes(len(data) - 4096), "damaged"),
    ],
    ids=["cut-short", "another-file", "pages-zeroed"],
)
def test_a_damaged_state_stops_the_run_with_status_2_naming_it(
    server: FaultServer, run: Runner, damage: Callable[[bytes], bytes], said: str
) -> None:
    urls = [server.url(f"/story/damaged-{n}") for n in range(30)]
    run(urls)
    run.state.write_bytes(damage(run.state.read_bytes()))
    status, output = _invoke(run, urls[0])
    assert status == 2, output
    assert f"state file {run.state}" in output and said in output
    assert "Traceback" not in output


def test_a_state_table_found_damaged_during_the_run_stops_it_with_status_2(
    server: FaultServer, run: Runner
) -> None:
    urls = [server.url(f"/story/table-{n}") for n in range(30)]
    run(urls)
    with sqlite3.connect(run.state) as db:  # the file opens; the table of URLs is unreadable
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'urls'").fetchone()[0]
    data = bytearray(run.state.read_bytes())
    data[(root - 1) * page_size : root * page_size] = bytes(page_size)
    run.state.write_bytes(bytes(data))
    status, output = _invoke(run, urls[0])
    assert status == 2, output
    assert f"state file {run.state}: damaged" in output
    assert "never retrieved" not in output and "Traceback" not in output


def test_a_new_state_beside_an_existing_output_starts_afresh(server: FaultServer, run: Runner) -> None:
    run.output.write_bytes(_earlier_lines(2))
    status, _ = _invoke(run, server.url("/story/fresh"))
    assert status == 0
    assert len(read_jsonl(run.output)) == 3
