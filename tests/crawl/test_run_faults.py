"""`scraper run` against a server that misbehaves: each fault gives its outcome, the run
ends, and only real articles are emitted."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from conftest import Runner
from faults import FIXTURES, FaultServer, fault_server


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


@pytest.mark.parametrize(
    ("path", "outcome"),
    [
        ("/gone", "http_404"),
        ("/loop-a", "redirect_loop"),
        ("/pdf", "not_html"),
        ("/empty", "empty"),
        ("/private/article", "robots_disallowed"),
        ("/to-metadata", "refused_network"),
        ("/huge", "too_large"),
        ("/bomb", "too_large"),
    ],
)
def test_a_fault_is_recorded_with_its_outcome_and_nothing_is_emitted(
    server: FaultServer, run: Runner, path: str, outcome: str
) -> None:
    result = run([server.url(path)])
    assert result.records == []
    assert [(e["url"], e["outcome"]) for e in result.errors] == [(server.url(path), outcome)]
    assert result.errors[0]["detail"]


def test_a_body_dripping_a_byte_a_second_is_cut_off_at_the_deadline(server: FaultServer, run: Runner) -> None:
    started = time.monotonic()
    result = run([server.url("/drip")], timeout=2.0, retries=0)
    assert result.outcome_of(server.url("/drip")) == "timeout"
    assert time.monotonic() - started < 10


def test_a_server_that_never_answers_times_out_after_each_try(server: FaultServer, run: Runner) -> None:
    started = time.monotonic()
    result = run([server.url("/hang")], timeout=1.0, retries=1)
    assert result.outcome_of(server.url("/hang")) == "timeout"
    assert 2.0 <= time.monotonic() - started < 10
    assert result.records == []


def test_a_connection_reset_is_retried_then_recorded(server: FaultServer, run: Runner) -> None:
    before = server.hits["/reset"]
    result = run([server.url("/reset")], retries=2)
    assert result.outcome_of(server.url("/reset")) == "connection_error"
    assert server.hits["/reset"] - before == 3


def test_429_with_retry_after_is_waited_out_then_the_article_emitted(
    server: FaultServer, run: Runner
) -> None:
    started = time.monotonic()
    result = run([server.url("/retry-after")])
    assert result.outcome_of(server.url("/retry-after")) == "emitted"
    assert time.monotonic() - started >= 1.0  # Retry-After: 1
    assert server.hits["/retry-after"] == 2


def test_503_twice_then_200_emits_the_article(server: FaultServer, run: Runner) -> None:
    result = run([server.url("/flaky")], retries=2)
    assert [record["url"] for record in result.records] == [server.url("/flaky")]
    assert server.hits["/flaky"] == 3
    assert result.errors == []


def test_no_retry_on_a_404(server: FaultServer, run: Runner) -> None:
    before = server.hits["/gone"]
    run([server.url("/gone")], retries=3)
    assert server.hits["/gone"] - before == 1


def test_an_unknown_charset_still_gives_the_article(server: FaultServer, run: Runner) -> None:
    result = run([server.url("/odd-charset")])
    assert result.records[0]["title"].startswith("Zelenskyy cites")


def test_without_allow_network_loopback_itself_is_refused(server: FaultServer, run: Runner) -> None:
    before = sum(server.hits.values())
    result = run([server.url("/article")], allow_network=())
    assert result.outcome_of(server.url("/article")) == "refused_network"
    assert "--allow-network" in result.errors[0]["detail"]
    assert sum(server.hits.values()) == before  # nothing was even connected to


def test_every_fault_in_one_run_ends_and_the_good_pages_come_through(
    server: FaultServer, run: Runner
) -> None:
    paths = ["/gone", "/loop-a", "/pdf", "/empty", "/private/article", "/to-metadata", "/drip", "/hang"]
    good = ["/article", "/flaky", "/odd-charset"]
    lines = [server.url(p) for p in paths + good] + [
        "not a url",
        "ftp://example.com/file",
        "javascript:alert(1)",
    ]
    started = time.monotonic()
    result = run(lines, timeout=2.0, retries=2)
    assert time.monotonic() - started < 30
    assert sorted(record["url"] for record in result.records) == sorted(server.url(p) for p in good)
    assert len(result.errors) == len(paths) + 3
    invalid = [e for e in result.errors if e["outcome"] == "invalid_url"]
    assert [e["line"] for e in invalid] == [12, 13, 14]


def test_a_record_holds_every_documented_field(server: FaultServer, run: Runner) -> None:
    (record,) = run([server.url("/article")]).records
    assert list(record) == [
        "url", "final_url", "canonical_url", "status", "fetched_at", "title", "author", "authors",
        "published", "modified", "language", "site_name", "description", "image", "tags", "categories",
        "text", "word_count", "content_hash",
    ]  # fmt: skip
    assert record["status"] == 200
    assert record["text"] == (FIXTURES / "seed-expected-text.txt").read_text(encoding="utf-8").strip()
    assert record["fetched_at"].endswith("Z")


def test_the_request_carries_the_listed_query_exactly_without_its_tracking_parameters(
    server: FaultServer, run: Runner
) -> None:
    result = run([server.url("/story/query?flag&utm_source=rss&b=%7e+x")])
    assert [record["url"] for record in result.records] == [server.url("/story/query?flag&b=%7e+x")]
    assert "/story/query?flag&b=%7e+x" in [request.path for request in server.requests]
