"""Politeness: robots.txt read as RFC 9309 says, Crawl-delay and per-host pacing obeyed."""

from __future__ import annotations

import itertools

from conftest import Runner
from faults import Reply, fault_server


def test_robots_txt_is_fetched_once_per_host_and_obeyed(run: Runner) -> None:
    with fault_server() as server:
        result = run([server.url("/story/1"), server.url("/private/article"), server.url("/story/2")])
        assert server.hits["/robots.txt"] == 1
    assert sorted(record["url"] for record in result.records) == [
        server.url("/story/1"),
        server.url("/story/2"),
    ]
    assert [e["outcome"] for e in result.errors] == ["robots_disallowed"]
    assert "/private/article" in result.errors[0]["detail"]


def test_no_robots_txt_means_no_rules(run: Runner) -> None:
    with fault_server() as server:
        server.robots = Reply(404, {}, b"not found")
        result = run([server.url("/private/article")])
    assert len(result.records) == 1


def test_a_robots_txt_that_fails_with_5xx_disallows_the_whole_host(run: Runner) -> None:
    with fault_server() as server:
        server.robots = Reply(500, {}, b"oops")
        result = run([server.url("/story/1"), server.url("/story/2")], retries=0)
        assert not any(path.startswith("/story/") for path in server.hits)
    assert [e["outcome"] for e in result.errors] == ["robots_disallowed"] * 2
    assert "500" in result.errors[0]["detail"]


def test_a_user_agent_group_is_matched_to_our_user_agent(run: Runner) -> None:
    with fault_server() as server:
        server.robots = Reply(200, {}, b"User-agent: mybot\nDisallow: /\n\nUser-agent: *\nAllow: /\n")
        blocked = run([server.url("/story/1")], user_agent="mybot/2.0")
        allowed = run([server.url("/story/2")], user_agent="otherbot/1.0")
    assert blocked.errors[0]["outcome"] == "robots_disallowed"
    assert len(allowed.records) == 1


def test_crawl_delay_spaces_the_requests_to_a_host(run: Runner) -> None:
    with fault_server() as server:
        server.robots = Reply(200, {}, b"User-agent: *\nCrawl-delay: 1\n")
        result = run([server.url(f"/story/{n}") for n in range(3)], delay=0.0)
        starts = sorted(r.at for r in server.requests if r.path.startswith("/story/"))
    assert len(result.records) == 3
    # the server notes arrivals as its thread gets the CPU: a loaded machine shifts one by a
    # tenth of a second or more, while a delay not kept shows as gaps near zero
    assert all(later - earlier >= 0.75 for earlier, later in itertools.pairwise(starts))


def test_delay_spaces_requests_and_per_host_bounds_connections(run: Runner) -> None:
    with fault_server() as server:
        server.story_delay = 0.3
        run([server.url(f"/story/{n}") for n in range(6)], delay=0.0, per_host=2)
        starts = sorted(r.at for r in server.requests if r.path.startswith("/story/"))
    # two at a time, each taking 0.3 s: the 6 requests start in three waves
    assert starts[-1] - starts[0] >= 0.55


def test_retry_after_holds_back_every_request_to_that_host(run: Runner) -> None:
    with fault_server() as server:
        server.story_delay = 0.1  # the 429 is seen while the first story is still on its way
        result = run([server.url("/retry-after"), *(server.url(f"/story/{n}") for n in range(4))], per_host=2)
        throttled = next(r.at for r in server.requests if r.path == "/retry-after")
        later = [
            r.at for r in server.requests if r.path.startswith("/story/") and r.at > throttled + 0.3
        ]  # those under way already may pass
    assert len(result.records) == 5
    assert len(later) >= 2 and all(at >= throttled + 0.9 for at in later)
