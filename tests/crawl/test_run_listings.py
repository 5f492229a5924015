"""Feeds and sitemaps as inputs of `scraper run`: each run fetches only what is new,
conditionally, and never emits one article twice under two addresses."""

from __future__ import annotations

import io
import ipaddress
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from conftest import Runner, read_jsonl
from faults import FaultServer, Reply, fault_server

from scraper import run_urls
from scraper.crawl import _settings

LOOPBACK_ONLY = ipaddress.ip_network("127.0.0.1/32")


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


def _dated(days_ago: float) -> str:
    return format_datetime(datetime.now(UTC) - timedelta(days=days_ago))


def _publish(server: FaultServer, *names: str, days_ago: float = 0.1) -> None:
    server.feed += [(server.url(f"/story/{name}"), _dated(days_ago)) for name in names]


def _page_requests(server: FaultServer, since: int) -> list[str]:
    return [r.path for r in server.requests[since:] if r.path.startswith("/story/")]


def test_run_1_emits_every_item_and_run_2_only_the_new_ones_after_a_conditional_request(
    server: FaultServer, run: Runner
) -> None:
    _publish(server, "a", "b", "c")
    first = run([server.url("/feed.xml")])
    assert sorted(r["url"] for r in first.records) == [server.url(f"/story/{n}") for n in "abc"]

    _publish(server, "d", "e")
    before = len(server.requests)
    second = run([server.url("/feed.xml")])
    assert sorted(r["url"] for r in second.records) == [server.url("/story/d"), server.url("/story/e")]
    assert sorted(_page_requests(server, before)) == ["/story/d", "/story/e"]
    feed_request = next(r for r in server.requests[before:] if r.path == "/feed.xml")
    assert "if-none-match" in feed_request.headers

    before = len(server.requests)
    third = run([server.url("/feed.xml")])
    assert third.records == [] and third.errors == []
    assert [r.path for r in server.requests[before:]] == ["/robots.txt", "/feed.xml"]  # a 304, nothing else


def test_feed_option_and_since_skip_older_items(server: FaultServer, run: Runner) -> None:
    _publish(server, "old", days_ago=10)
    _publish(server, "new", days_ago=0.5)
    result = run([], since=datetime.now(UTC) - timedelta(days=2), listings=[server.url("/feed.xml")])
    assert [r["url"] for r in result.records] == [server.url("/story/new")]


def test_tracking_parameters_and_fragments_do_not_make_a_second_url(server: FaultServer, run: Runner) -> None:
    server.feed += [
        (server.url("/story/x?utm_source=rss&amp;utm_medium=feed"), _dated(0)),
        (server.url("/story/x#comments"), _dated(0)),
    ]
    result = run([server.url("/feed.xml"), server.url("/story/x?fbclid=abc")])
    assert [r["url"] for r in result.records] == [server.url("/story/x")]
    assert len(_page_requests(server, 0)) == 1


def test_an_article_is_not_emitted_again_under_another_address(server: FaultServer, run: Runner) -> None:
    first = run([server.url("/story/y")])
    second = run([server.url("/amp/y")])  # an AMP copy: the same canonical address
    assert len(first.records) == 1 and second.records == []
    assert second.counts == {"duplicate": 1}
    (run.directory / "off").mkdir()
    every = Runner(run.directory / "off")([server.url("/story/y"), server.url("/amp/y")], dedupe="off")
    assert len(every.records) == 2


def test_identical_text_from_another_address_is_emitted_once_unless_asked(
    server: FaultServer, run: Runner
) -> None:
    both = [server.url("/story/z"), server.url("/mirror/z")]
    assert len(run(both).records) == 1
    (run.directory / "kept").mkdir()
    assert len(Runner(run.directory / "kept")(both, dedupe="canonical").records) == 2


def test_a_feed_item_on_a_private_address_is_refused(server: FaultServer, run: Runner) -> None:
    server.feed += [("http://169.254.169.254/latest/meta-data/", _dated(0))]
    _publish(server, "fine")
    result = run([server.url("/feed.xml")], allow_network=(LOOPBACK_ONLY,))
    assert [r["url"] for r in result.records] == [server.url("/story/fine")]
    (error,) = result.errors
    assert error["outcome"] == "refused_network"
    assert server.url("/feed.xml") in error["detail"]  # says where the URL was found


def test_discover_follows_the_feed_a_front_page_announces(server: FaultServer, run: Runner) -> None:
    _publish(server, "found")
    result = run([server.url("/front")], discover=True)
    assert [r["url"] for r in result.records] == [server.url("/story/found")]
    (run.directory / "plain").mkdir()
    plain = Runner(run.directory / "plain")([server.url("/front")])  # without --discover: a page
    assert plain.records == []
    assert [e["outcome"] for e in plain.errors] == ["not_article"]  # of four words, not an article


def test_an_item_that_failed_is_tried_again_even_when_the_feed_has_not_changed(
    server: FaultServer, run: Runner
) -> None:
    _publish(server, "late")
    server.pages["/story/late"] = b""  # not there yet: no article text
    assert run([server.url("/feed.xml")]).counts == {"feed": 1, "empty": 1}
    del server.pages["/story/late"]
    second = run([server.url("/feed.xml")])
    assert [r["url"] for r in second.records] == [server.url("/story/late")]
    assert second.counts["not_modified"] == 1


def test_a_feed_option_that_names_a_page_is_reported_not_read_as_an_article(
    server: FaultServer, run: Runner
) -> None:
    result = run([], listings=[server.url("/story/1")])
    assert result.records == []
    (error,) = result.errors
    assert error["outcome"] == "bad_listing" and "--discover" in error["detail"]
    assert "line" not in error  # named on the command line, not in the list


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _serve_sitemap(server: FaultServer, path: str, tag: str, locs: list[str]) -> str:
    entry = "sitemap" if tag == "sitemapindex" else "url"
    entries = "".join(f"<{entry}><loc>{loc}</loc></{entry}>" for loc in locs)
    body = (
        f'<?xml version="1.0"?><{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</{tag}>'
    )
    reply = Reply(200, {"Content-Type": "application/xml"}, body.encode())
    server.routes[path] = lambda request: reply
    return server.url(path)


def test_a_sitemap_index_listing_more_than_the_read_ahead_emits_each_page_once_within_the_bound(
    server: FaultServer, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The URLs sitemaps list wait in the state, not in memory: the progress bar's total,
    which counts every URL the run has taken in, runs ahead of what is done by no more than
    the read-ahead bound and the batch at work."""
    bound, batch = 10, 5
    monkeypatch.setattr(_settings, "MAX_PENDING_URLS", bound)
    monkeypatch.setattr(_settings, "BATCH_SIZE", batch)
    monkeypatch.setenv("TERM", "xterm")  # a terminal the bar is drawn on
    pages = {s: [server.url(f"/story/s{s}-{n:02}") for n in range(30)] for s in range(3)}
    sitemaps = [_serve_sitemap(server, f"/sitemap-{s}.xml", "urlset", urls) for s, urls in pages.items()]
    index = _serve_sitemap(server, "/sitemap-index.xml", "sitemapindex", sitemaps)
    server.story_delay = 0.01  # so that the bar is drawn many times while the pages are fetched

    terminal = _Terminal()
    config = run.config(quiet=False, concurrency=1, per_host=1)  # one batch at work at a time
    counts = run_urls(config, io.StringIO(index + "\n"), run.output, run.errors, stderr=terminal)

    emitted = [record["url"] for record in read_jsonl(run.output)]
    assert sorted(emitted) == sorted(url for urls in pages.values() for url in urls)
    assert counts["emitted"] == 90 and counts["sitemap"] == 3 and counts["sitemap_index"] == 1
    # every time the bar was drawn: URLs done / URLs taken in
    drawn = [(int(done), int(total)) for done, total in re.findall(r"(\d+)/(\d+)", terminal.getvalue())]
    assert len(drawn) > 5 and max(total for _, total in drawn) > 3 * bound
    assert max(total - done for done, total in drawn) <= bound + batch
