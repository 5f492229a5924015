"""Feeds and sitemaps, recognised by their content: what URLs and dates each format gives,
and what is refused (malformed documents, entity expansion)."""

from __future__ import annotations

import gzip
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from scraper._errors import BadListing
from scraper.crawl._listings import Entry, feed_links, read_listing
from scraper.crawl._urls import normalise_url

LISTINGS = Path(__file__).parent.parent / "fixtures" / "listings"


def _read(name: str, url: str) -> tuple[str, list[Entry]]:
    listing = read_listing((LISTINGS / name).read_bytes(), url)
    assert listing is not None
    return listing.kind, list(listing.entries)


def test_rss_2_gives_item_links_and_dates() -> None:
    kind, entries = _read("sciencealert-rss2.xml", "https://www.sciencealert.com/feed")
    assert kind == "feed"
    assert [normalise_url(e.url) for e in entries] == [
        "https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa",
        "https://www.sciencealert.com/we-finally-have-a-global-geological-map-of-saturn-s-moon-titan",
        "https://www.sciencealert.com/an-old-story-from-2015",
    ]
    assert entries[0].published == datetime(2019, 11, 19, 1, 30, 12, tzinfo=UTC)


def test_atom_links_are_resolved_against_the_document() -> None:
    kind, entries = _read("slashgear-atom.xml", "https://www.slashgear.com/feed/atom")
    assert kind == "feed"
    assert entries == [
        Entry(
            "https://www.slashgear.com/the-vw-id-space-vizzion-is-a-weird-ev-sports-wagon-with-a-secret-message-19600475/",
            datetime(2019, 11, 19, 15, 30, tzinfo=UTC),
        )
    ]


def test_rss_1_rdf_is_a_feed() -> None:
    kind, entries = _read("entermedia-rss1.rdf", "http://entermedia.co.kr/rss.xml")
    assert kind == "feed"
    assert entries[0].url.startswith("http://entermedia.co.kr/news/news_view.html?idx=8576")
    assert entries[0].published == datetime(2019, 11, 19, 0, 0, tzinfo=UTC)


def test_json_feed() -> None:
    kind, entries = _read("remember8090-jsonfeed.json", "http://www.remember8090.it/feed.json")
    assert kind == "feed"
    assert (
        entries[0].url
        == "http://www.remember8090.it/black-friday-per-nostalgici-le-occasioni-da-non-perdere/"
    )
    assert entries[0].published == datetime(2019, 11, 19, 9, 12, tzinfo=UTC)


def test_a_sitemap_index_lists_sitemaps() -> None:
    kind, entries = _read("polygraph-sitemap-index.xml", "https://www.polygraph.info/sitemap_index.xml")
    assert kind == "sitemap_index"
    assert [e.url for e in entries] == [
        "https://www.polygraph.info/sitemap-news.xml.gz",
        "https://www.polygraph.info/sitemap-pages.xml",
    ]
    assert entries[1].published == datetime(2019, 11, 1, tzinfo=UTC)


def test_a_news_sitemap_gives_the_publication_date_and_a_gzipped_one_is_inflated() -> None:
    body = gzip.compress((LISTINGS / "polygraph-news-sitemap.xml").read_bytes())
    listing = read_listing(body, "https://www.polygraph.info/sitemap-news.xml.gz")
    assert listing is not None and listing.kind == "sitemap"
    assert listing.entries == (
        Entry(
            "https://www.polygraph.info/a/fact-check-russia-us-al-tanf-rukban/30279001.html",
            datetime(2019, 11, 18, 17, 40, tzinfo=UTC),
        ),
    )


def test_a_urlset_gives_lastmod() -> None:
    kind, entries = _read("polygraph-pages-sitemap.xml", "https://www.polygraph.info/sitemap-pages.xml")
    assert kind == "sitemap" and entries[1].published == datetime(2014, 3, 2, tzinfo=UTC)


def test_html_and_other_documents_are_no_listing() -> None:
    assert (
        read_listing(b"<!DOCTYPE html><html><head><title>x</title></head></html>", "https://a.example/")
        is None
    )
    assert read_listing(b'{"name": "not a feed"}', "https://a.example/") is None
    assert read_listing(b"%PDF-1.7", "https://a.example/") is None


def test_a_malformed_feed_is_refused_with_the_reason() -> None:
    with pytest.raises(BadListing, match="malformed"):
        read_listing((LISTINGS / "malformed-rss.xml").read_bytes(), "https://www.slashgear.com/feed/broken")


def test_entity_expansion_is_refused_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(BadListing, match="declares entities"):
        read_listing(
            (LISTINGS / "entity-expansion.xml").read_bytes(), "https://www.slashgear.com/feed/laughs"
        )
    assert time.monotonic() - started < 1


def test_a_sitemap_with_an_external_entity_is_refused() -> None:
    payload = b'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>&x;</loc></url></urlset>'
    with pytest.raises(BadListing):
        read_listing(payload, "https://a.example/sitemap.xml")


def test_a_front_page_announces_its_feeds() -> None:
    page = b"""<html><head>
    <link rel="alternate" type="application/rss+xml" title="News" href="/feed/">
    <link rel="alternate" type="application/atom+xml" href="https://a.example/atom.xml">
    <link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="stylesheet" type="text/css" href="/style.css">
    </head><body></body></html>"""
    assert feed_links(page, "https://a.example/") == ["https://a.example/feed/", "https://a.example/atom.xml"]
