"""State between runs: only new work is done, nothing is lost or emitted twice, one run at a time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Runner, read_jsonl
from faults import ARTICLE_ETAG, FaultServer, fault_server, story

from scraper import StateLockedError
from scraper.crawl._output import recover_output
from scraper.crawl.state import Outcome
from scraper.crawl.state._sqlite import SQLiteState as State


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


def test_a_second_run_sends_the_etag_back_and_a_304_emits_nothing(server: FaultServer, run: Runner) -> None:
    url = server.url("/article")
    assert len(run([url]).records) == 1
    second = run([url])
    assert second.records == [] and second.errors == []
    assert second.counts == {"not_modified": 1}
    assert server.requests[-1].headers.get("if-none-match") == ARTICLE_ETAG


def test_unchanged_text_emits_nothing_and_changed_text_a_new_record(server: FaultServer, run: Runner) -> None:
    url = server.url("/page")
    server.pages["/page"] = story("one")
    assert len(run([url]).records) == 1
    assert run([url]).counts == {"unchanged": 1}
    server.pages["/page"] = story("two")
    (record,) = run([url]).records
    assert "story two" in record["text"]


def test_force_fetches_afresh_and_emits_again(server: FaultServer, run: Runner) -> None:
    url = server.url("/article")
    run([url])
    forced = run([url], force=True)
    assert len(forced.records) == 1
    assert "if-none-match" not in server.requests[-1].headers


def test_a_url_listed_twice_is_fetched_once(server: FaultServer, run: Runner) -> None:
    result = run([server.url("/story/7"), server.url("/story/7")])
    assert len(result.records) == 1
    assert result.counts["duplicate"] == 1
    assert server.hits["/story/7"] == 1


def test_a_failure_keeps_no_validators_so_the_next_run_fetches_in_full(
    server: FaultServer, run: Runner
) -> None:
    url = server.url("/page")
    server.pages["/page"] = b""
    assert run([url]).counts == {"empty": 1}
    server.pages["/page"] = story("late")
    assert len(run([url]).records) == 1


def test_state_records_outcome_validators_hash_time_and_attempts(server: FaultServer, run: Runner) -> None:
    run([server.url("/article")])
    run([server.url("/article")])
    with State(run.state) as state:
        row = state._db.execute(
            "SELECT outcome, etag, content_hash, fetched_at, attempts FROM urls WHERE url = ?",
            (server.url("/article"),),
        ).fetchone()
    outcome, etag, digest, fetched_at, attempts = row
    assert (outcome, etag, attempts) == ("not_modified", ARTICLE_ETAG, 2)
    assert len(digest) == 64 and fetched_at.endswith("Z")


def test_a_second_run_on_a_locked_state_raises_at_once(run: Runner) -> None:
    with State(run.state), pytest.raises(StateLockedError, match="another scraper run"):
        State(run.state)


def test_the_command_exits_3_with_a_clear_message_when_locked(run: Runner, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("https://example.com/\n")
    with State(run.state):
        done = subprocess.run(
            [sys.executable, "-m", "scraper", "run", str(urls), "--state", str(run.state)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 3
    assert "another scraper run" in done.stderr and str(run.state) in done.stderr
    assert done.stdout == ""


def test_recovery_commits_a_written_line_and_cuts_a_half_written_one(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    with State(tmp_path / "state.sqlite") as state:
        state.take_up(["https://a.example/1"])
        output.write_bytes(b'{"url": "https://a.example/0", "content_hash": "00"}\n')
        state.record(
            Outcome("https://a.example/0", "emitted", content_hash="00"),
            (str(output.resolve()), output.stat().st_size),
        )
    written = json.dumps(
        {"url": "https://a.example/1", "content_hash": "11", "fetched_at": "2026-01-01T00:00:00Z"}
    )
    with output.open("ab") as file:  # a run wrote this line, then was killed before committing it...
        file.write(written.encode() + b"\n")
        file.write(b'{"url": "https://a.example/2", "conte')  # ...or killed in the middle of a line
    with State(tmp_path / "state.sqlite") as state:
        assert recover_output(output, state) == 1
        known = state.take_up(["https://a.example/1", "https://a.example/2"])
    assert known["https://a.example/1"].content_hash == "11"
    assert known["https://a.example/2"].content_hash is None
    assert output.read_bytes().endswith(b"\n") and len(output.read_text().splitlines()) == 2


def test_kill_9_at_any_moment_then_rerun_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    stories = [f"/story/{n}" for n in range(120)]
    urls = tmp_path / "urls.txt"
    output = tmp_path / "out.jsonl"
    command = [
        sys.executable, "-m", "scraper", "run", str(urls), "-o", str(output),
        "--state", str(tmp_path / "s.sqlite"), "--allow-network", "127.0.0.1",
        "--delay", "0", "--quiet", "--workers", "1", "--per-host", "4",
    ]  # fmt: skip
    with fault_server() as server:
        server.story_delay = 0.02
        urls.write_text("".join(server.url(path) + "\n" for path in stories))
        written = [0]
        for attempt in range(8):  # kill -9 eight times, each just after the run wrote something
            process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _wait_for_more_lines(output, written[-1], process)
            time.sleep(0.007 * attempt)  # ...and a little later each time
            process.kill()
            process.wait()
            written.append(_lines(output))
        final = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert final.returncode == 0, final.stderr
    assert written[1] > 0 and written[-1] < len(stories)  # the kills landed in the middle of the work
    records = read_jsonl(output)  # fails on a half-written line
    assert sorted(record["url"] for record in records) == sorted(server.url(path) for path in stories)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _wait_for_more_lines(path: Path, than: int, process: subprocess.Popen[bytes]) -> None:
    """Until the run has written past `than` lines (however slow the machine)."""
    deadline = time.monotonic() + 60
    while _lines(path) <= than and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)


def test_unchanged_article_in_a_file_that_was_rotated_is_not_written_again(
    server: FaultServer, run: Runner
) -> None:
    run([server.url("/story/1")])
    run.output.unlink()  # logrotate took the file away
    assert run([server.url("/story/1")]).counts == {"unchanged": 1}
    assert not run.output.exists() or run.output.read_text() == ""


def test_the_state_lock_names_its_holder_and_is_free_again_once_released(tmp_path: Path) -> None:
    from scraper.crawl import _lock

    held = _lock.acquire(tmp_path / "state.lock")
    with pytest.raises(_lock.LockHeld) as refused:
        _lock.acquire(tmp_path / "state.lock")
    assert refused.value.holder == str(os.getpid())
    _lock.release(held)
    _lock.release(_lock.acquire(tmp_path / "state.lock"))
