"""The state interface, as every backend must keep it (one set of tests, run on each backend)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from postgres import PostgresServer

from scraper import BackendLost, ConfigError, StateLockedError
from scraper.crawl import _settings
from scraper.crawl.state import Known, Outcome, State, open_state

A, B, C = "https://a.example/1", "https://a.example/2", "https://a.example/3"
FEED = "https://a.example/feed"
OUTPUT = "/srv/out.jsonl"

Opener = Callable[[], State]


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new, empty state is: a SQLite file, or a PostgreSQL database."""
    if request.param == "postgresql":
        url: str = request.getfixturevalue("postgres").database()
        return url
    return str(tmp_path / "state.sqlite")


@pytest.fixture
def open_fresh(location: str) -> Iterator[Opener]:
    """Opens the same state, each call as a new run."""
    yield lambda: open_state(location)


def test_a_url_never_seen_is_known_for_nothing_and_taken_up_once_per_run(open_fresh: Opener) -> None:
    with open_fresh() as state:
        assert state.take_up([A, B, A]) == {A: Known(), B: Known()}
        assert state.take_up([A, C]) == {C: Known()}  # A is this run's already


def test_what_an_emitted_article_gave_is_known_to_the_next_run(open_fresh: Opener) -> None:
    with open_fresh() as state:
        state.take_up([A])
        state.record(
            Outcome(A, "emitted", "2026-01-01T00:00:00Z", '"e1"', "Mon", "h1"), (OUTPUT, 10), ["text:h1"]
        )
    with open_fresh() as state:
        assert state.take_up([A]) == {A: Known('"e1"', "Mon", "h1", "emitted")}
        assert state.output_size(OUTPUT) == 10


def test_outcomes_recorded_in_groups_are_committed_when_the_run_closes(open_fresh: Opener) -> None:
    urls = [f"https://b.example/{n}" for n in range(3)]
    with open_fresh() as state:
        state.take_up(urls)
        for url in urls:
            state.record(Outcome(url, "http_404", "2026-01-01T00:00:00Z"))
    with open_fresh() as state:
        assert {known.outcome for known in state.take_up(urls).values()} == {"http_404"}


def test_a_failure_keeps_the_text_hash_but_no_validators(open_fresh: Opener) -> None:
    with open_fresh() as state:
        state.take_up([A])
        state.record(Outcome(A, "emitted", None, '"e1"', None, "h1"), (OUTPUT, 1), ["text:h1"])
    with open_fresh() as state:
        state.take_up([A])
        state.record(Outcome(A, "timeout", "2026-01-02T00:00:00Z"))
    with open_fresh() as state:
        assert state.take_up([A]) == {A: Known(None, None, "h1", "timeout")}


def test_an_article_is_held_by_the_first_url_it_was_emitted_under(open_fresh: Opener) -> None:
    with open_fresh() as state:
        state.take_up([A, B])
        keys = ["canonical:https://a.example/story", "text:h1"]
        state.record(Outcome(A, "emitted", None, None, None, "h1"), (OUTPUT, 1), keys)
        assert state.holder(["text:h1"], B) == A
        assert state.holder(["canonical:https://a.example/story"], A) is None  # itself
        assert state.holder(["text:other"], B) is None


def test_listed_urls_stay_to_do_until_settled_or_given_up(open_fresh: Opener) -> None:
    with open_fresh() as state:
        state.take_up([FEED])
        state.add_items(FEED, "page", [A, B])
        state.add_items(FEED, "listing", [C])
        assert sorted(state.items_to_do(FEED)) == [(A, "page"), (B, "page"), (C, "listing")]
        state.take_up([A, B])
        state.record(Outcome(A, "emitted", None, None, None, "h1"), (OUTPUT, 1), ["text:h1"])
        state.record(Outcome(B, "timeout"))
        assert sorted(state.items_to_do(FEED)) == [(B, "page"), (C, "listing")]
    for _ in range(_settings.MAX_ITEM_ATTEMPTS - 1):
        with open_fresh() as state:
            state.take_up([B])
            state.record(Outcome(B, "timeout"))
    with open_fresh() as state:
        assert state.items_to_do(FEED) == [(C, "listing")]


def test_listed_urls_to_do_are_read_a_page_at_a_time_in_the_order_of_their_urls(open_fresh: Opener) -> None:
    urls = [f"https://a.example/story/{n:02}" for n in range(25)]
    with open_fresh() as state:
        state.add_items(FEED, "page", list(reversed(urls)))
        pages, after = [], ""
        while page := state.items_to_do(FEED, after, 10):
            pages.append([url for url, _ in page])
            after = page[-1][0]
    assert [len(page) for page in pages] == [10, 10, 5]
    assert [url for page in pages for url in page] == urls


def test_articles_found_in_the_output_are_committed_with_its_size(open_fresh: Opener) -> None:
    with open_fresh() as state:
        assert state.output_size(OUTPUT) is None
        state.commit_output(OUTPUT, 0)
        state.commit_output(OUTPUT, 120, [(Outcome(A, "emitted", None, content_hash="h1"), ["text:h1"])])
    with open_fresh() as state:
        assert state.output_size(OUTPUT) == 120
        assert state.take_up([A])[A].content_hash == "h1"
        assert state.holder(["text:h1"], B) == A


def test_a_second_run_on_the_same_state_is_refused(open_fresh: Opener) -> None:
    with open_fresh(), pytest.raises(StateLockedError, match="another scraper run"):
        open_fresh()
    with open_fresh():  # released when the first closed
        pass


def test_the_postgresql_schema_is_made_on_first_use_and_versioned(postgres: PostgresServer) -> None:
    url = postgres.database()
    with open_state(url):
        pass
    with psycopg.connect(url, autocommit=True) as db:
        assert db.execute("SELECT version FROM scraper.schema_version").fetchall() == [(1,)]
        db.execute("UPDATE scraper.schema_version SET version = 99")  # as a later scraper would leave it
    with pytest.raises(ConfigError, match="newer scraper"):
        open_state(url)


def test_a_database_that_cannot_be_reached_is_said_without_the_password() -> None:
    with pytest.raises(BackendLost, match=r"cannot be reached") as raised:
        open_state(f"postgresql://scraper:secret@127.0.0.1:{_closed_port()}/news")
    assert "secret" not in str(raised.value) and "scraper:***@127.0.0.1" in str(raised.value)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_the_command_exits_3_while_another_run_holds_the_state(location: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("https://example.com/\n")
    with open_state(location):
        done = subprocess.run(
            [sys.executable, "-m", "scraper", "run", str(urls), "--state", location],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 3
    assert "another scraper run" in done.stderr and f"pid {os.getpid()}" in done.stderr
    assert done.stdout == ""


def test_a_database_gone_mid_run_stops_it_with_backend_lost(postgres: PostgresServer) -> None:
    url = postgres.database()
    state = open_state(url)
    state.take_up([A])
    with psycopg.connect(url, autocommit=True) as admin:  # as a restart or a failover would
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ''"
                      " AND pid <> pg_backend_pid() AND datname = current_database()")  # fmt: skip
    with pytest.raises(BackendLost, match=r"went away.*run again"):
        state.record(Outcome(A, "emitted", None, None, None, "h1"), (OUTPUT, 1), ["text:h1"])
    with pytest.raises(BackendLost):  # closing says so too, and lets the connection go
        state.close()
