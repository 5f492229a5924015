"""The run path on real news pages, replayed from vcrpy cassettes (no network).

`cassettes/real-pages.yaml` was made by `scripts/make_cassettes.py` from pages of the
shared benchmark, under their original addresses, gzip-compressed with ETag and
Last-Modified; `real-pages.truth.json` holds their hand-made article bodies.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import vcr
from conftest import Runner

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes"
TRUTH: dict[str, str] = json.loads((CASSETTES / "real-pages.truth.json").read_text(encoding="utf-8"))


def _same_if_none_match(recorded: Any, sent: Any) -> None:
    assert recorded.headers.get("If-None-Match") == sent.headers.get("If-None-Match")


def _replay() -> vcr.VCR:
    """Replay only: a request the cassette lacks fails, and a 304 is only played back to a
    request that carries the ETag it was recorded with."""
    replay = vcr.VCR(record_mode="none")
    replay.register_matcher("conditional", _same_if_none_match)
    replay.match_on = ("method", "scheme", "host", "port", "path", "query", "conditional")
    return replay


def _word_overlap(predicted: str, truth: str) -> float:
    """The F1 of the two texts' word multisets."""
    got, want = Counter(re.findall(r"\w+", predicted)), Counter(re.findall(r"\w+", truth))
    common = sum((got & want).values())
    return 2 * common / (sum(got.values()) + sum(want.values()))


def test_first_run_emits_every_page_and_the_next_asks_only_whether_they_changed(run: Runner) -> None:
    with _replay().use_cassette(str(CASSETTES / "real-pages.yaml")) as cassette:
        first = run(list(TRUTH))
        second = run(list(TRUTH))
        assert cassette.all_played
    assert first.errors == []
    assert sorted(record["url"] for record in first.records) == sorted(TRUTH)
    for record in first.records:
        assert record["status"] == 200 and record["final_url"] == record["url"]
        assert record["title"] and record["language"]
        assert _word_overlap(record["text"], TRUTH[record["url"]]) > 0.9, record["url"]
    assert second.records == [] and second.counts == {"not_modified": len(TRUTH)}


def test_a_korean_page_with_no_http_charset_is_decoded(run: Runner) -> None:
    with _replay().use_cassette(str(CASSETTES / "real-pages.yaml"), allow_playback_repeats=True):
        result = run(list(TRUTH))
    korean = next(record for record in result.records if record["url"].startswith("http://entermedia.co.kr"))
    assert re.search(r"[\uac00-\ud7a3]{2}", korean["text"])


def test_feeds_and_sitemaps_of_every_format_lead_to_each_article_once(run: Runner) -> None:
    """RSS 2.0, RSS 1.0, Atom, JSON Feed, a sitemap index with a gzipped news sitemap and a
    plain one; a malformed feed and an entity-expansion payload are refused."""
    lines = [
        "https://www.sciencealert.com/feed",
        "https://www.slashgear.com/feed/atom",
        "http://entermedia.co.kr/rss.xml",
        "http://www.remember8090.it/feed.json",
        "https://www.polygraph.info/sitemap_index.xml",
        "https://www.slashgear.com/feed/broken",
        "https://www.slashgear.com/feed/laughs",
    ]
    since = datetime(2019, 11, 1, tzinfo=UTC)  # as recorded: older items are skipped
    with _replay().use_cassette(str(CASSETTES / "listings.yaml")) as cassette:
        first = run(lines, since=since)
        second = run(lines, since=since)
        assert cassette.all_played
    assert sorted(record["url"] for record in first.records) == sorted(TRUTH)
    assert {(e["url"], e["outcome"]) for e in first.errors} == {
        ("https://www.slashgear.com/feed/broken", "bad_listing"),
        ("https://www.slashgear.com/feed/laughs", "bad_listing"),
    }
    assert second.records == []
    assert second.counts["not_modified"] == 7  # 4 feeds, the index and its 2 sitemaps: all 304
