"""Metadata comes from JSON-LD, <meta> tags and <link rel=canonical>, never from the body text."""

import json

from scraper import extract

BODY = (
    "<article><p>"
    + "The harbour reopened on Monday after a week of repairs to the sea wall. " * 4
    + "</p></article>"
)


def _page(head: str, html_attrs: str = "") -> str:
    return f"<html{html_attrs}><head>{head}</head><body>{BODY}</body></html>"


def test_json_ld_graph_gives_headline_authors_date_publisher_and_image() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Harbour Times"},
            {
                "@type": ["NewsArticle"],
                "headline": "Harbour reopens after repairs",
                "datePublished": "2024-05-06T08:30:00+02:00",
                "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Li Wei"}],
                "publisher": {"@type": "Organization", "name": "Harbour Times"},
                "image": {"@type": "ImageObject", "url": "/img/harbour.jpg"},
            },
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'

    article = extract(_page(head), url="https://harbour.example/news/1")

    assert article.title == "Harbour reopens after repairs"
    assert article.author == "Ana Ruiz; Li Wei"
    assert article.published == "2024-05-06T08:30:00+02:00"
    assert article.site_name == "Harbour Times"
    assert article.image == "https://harbour.example/img/harbour.jpg"


def test_open_graph_and_meta_tags() -> None:
    head = (
        '<meta property="og:title" content="Harbour reopens">'
        '<meta property="og:site_name" content="Harbour Times">'
        '<meta property="article:published_time" content="2024-05-06">'
        '<meta name="author" content="Ana Ruiz">'
        '<meta name="description" content="The sea wall is fixed.">'
        '<meta property="og:image" content="https://cdn.example/h.jpg">'
        '<link rel="canonical" href="/news/harbour-reopens">'
    )

    article = extract(_page(head, ' lang="es-ES"'), url="https://harbour.example/amp/1?utm_source=x")

    assert article.title == "Harbour reopens"
    assert article.author == "Ana Ruiz"
    assert article.published == "2024-05-06T00:00:00"
    assert article.language == "es"
    assert article.description == "The sea wall is fixed."
    assert article.canonical_url == "https://harbour.example/news/harbour-reopens"
    assert article.url == "https://harbour.example/amp/1?utm_source=x"
    assert article.image == "https://cdn.example/h.jpg"


def test_title_tag_loses_the_site_name() -> None:
    article = extract(_page("<title>Harbour reopens after repairs | Harbour Times</title>"))
    assert article.title == "Harbour reopens after repairs"


def test_og_title_keeps_a_dash_of_its_own() -> None:
    article = extract(_page('<meta property="og:title" content="Harbour reopens - but not for long">'))
    assert article.title == "Harbour reopens - but not for long"


def test_malformed_json_ld_is_skipped() -> None:
    head = '<script type="application/ld+json">{"headline": broken</script><title>Fallback title</title>'
    assert extract(_page(head)).title == "Fallback title"


def test_http_date_formats_are_normalised() -> None:
    head = '<meta name="date" content="Mon, 06 May 2024 08:30:00 GMT">'
    assert extract(_page(head)).published == "2024-05-06T08:30:00+00:00"


def test_missing_metadata_is_none_not_guessed() -> None:
    article = extract(_page(""))
    assert (article.title, article.author, article.published, article.site_name) == (None, None, None, None)
