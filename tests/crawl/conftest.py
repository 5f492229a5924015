"""Shared helpers: running `scraper run` in this process against loopback servers."""

from __future__ import annotations

import io
import ipaddress
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from postgres import PostgresServer, postgres_server, server_binaries

from scraper import RunConfig, run_urls
from scraper._errors import is_known_outcome

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)


@dataclass
class RunResult:
    records: list[dict[str, Any]]
    errors: list[dict[str, Any]]
    counts: Counter[str]

    def outcome_of(self, url: str) -> str:
        if any(record["url"] == url for record in self.records):
            return "emitted"
        outcome: str = next(error["outcome"] for error in self.errors if error["url"] == url)
        return outcome


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


class Runner:
    """Runs the job over a list of URLs with a state, output and errors file in tmp_path;
    each call returns only what that run wrote."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.output = directory / "articles.jsonl"
        self.errors = directory / "errors.jsonl"
        self.state = directory / "state.sqlite"

    def config(self, **options: Any) -> RunConfig:
        settings: dict[str, Any] = {
            "state": self.state, "allow_network": LOOPBACK, "delay": 0.0, "workers": 0, "quiet": True,
            "timeout": 5.0, "retries": 1,
        }  # fmt: skip
        return RunConfig(**{**settings, **options})

    def __call__(self, urls: list[str], listings: Sequence[str] = (), **options: Any) -> RunResult:
        before = (len(read_jsonl(self.output)), len(read_jsonl(self.errors)))
        source = io.StringIO("\n".join(urls) + "\n")
        counts = run_urls(self.config(**options), source, self.output, self.errors, listings=listings)
        unknown = [outcome for outcome in counts if not is_known_outcome(outcome)]
        assert not unknown, f"outcomes missing from scraper._errors.OUTCOMES: {unknown}"
        return RunResult(read_jsonl(self.output)[before[0] :], read_jsonl(self.errors)[before[1] :], counts)


@pytest.fixture
def run(tmp_path: Path) -> Runner:
    return Runner(tmp_path)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole session (each test takes a database of its own)."""
    binaries = server_binaries()
    if binaries is None:
        pytest.skip("no PostgreSQL server: pip install '.[test]' (pgserver) or install postgresql")
    with postgres_server(binaries) as server:
        yield server
