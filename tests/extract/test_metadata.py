"""Metadata: each field from the most trusted source that gives it (JSON-LD, microdata, <meta>,
the visible byline and dateline, the URL), dates plausible and in ISO 8601."""

import json

import pytest

from scraper import extract
from scraper.extract._dates import labelled_date

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

    article = extract(_page(head, ' lang="en-GB"'), url="https://harbour.example/amp/1?utm_source=x")

    assert article.title == "Harbour reopens"
    assert article.author == "Ana Ruiz"
    assert article.published == "2024-05-06"  # a date alone stays a date alone
    assert article.language == "en"
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


def _body_page(body: str, head: str = "", html_attrs: str = "") -> str:
    return f"<html{html_attrs}><head>{head}</head><body>{body}</body></html>"


PROSE = "<p>" + "The harbour reopened on Monday after a week of repairs to the sea wall. " * 4 + "</p>"


def test_json_ld_placeholder_and_future_dates_are_rejected() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00+00:00", "dateModified": "2999-01-01"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = extract(_body_page(f"<article>{PROSE}</article>", head), url="https://x.example/a")
    assert (article.published, article.modified) == (None, None)


def test_date_without_offset_keeps_no_offset_and_z_becomes_utc_offset() -> None:
    ld = {"@type": "Article", "datePublished": "2024-05-06 08:30", "dateModified": "2024-05-07T10:00:00Z"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = extract(_body_page(f"<article>{PROSE}</article>", head))
    assert article.published == "2024-05-06T08:30:00"
    assert article.modified == "2024-05-07T10:00:00+00:00"


def test_url_date_path_dates_a_page_without_any_other_date() -> None:
    article = extract(
        _body_page(f"<article>{PROSE}</article>"), url="https://blog.example/2023/11/04/harbour"
    )
    assert article.published == "2023-11-04"


@pytest.mark.parametrize(
    "url",
    ["https://news.example/books/2025/dec/05/sci-fi", "https://blog.example/2025/December/5/sci-fi/"],
)
def test_url_date_path_with_the_month_by_name(url: str) -> None:
    assert extract(_body_page(f"<article>{PROSE}</article>"), url=url).published == "2025-12-05"
    # A word that only begins like a month is no month.
    assert extract(_body_page(f"<article>{PROSE}</article>"), url=url.replace("ec", "ecor")).published is None


def test_visible_byline_and_dateline_under_the_headline() -> None:
    body = (
        "<article><h1>Harbour reopens</h1><p class='meta'>By Ana Ruiz and Li Wei</p>"
        f"<span>May 6, 2024</span>{PROSE}</article>"
    )
    article = extract(_body_page(body))
    assert article.authors == ("Ana Ruiz", "Li Wei")
    assert article.author == "Ana Ruiz; Li Wei"
    assert article.published == "2024-05-06"


def test_byline_in_german_and_spanish_datelines() -> None:
    german = extract(
        _body_page(f"<article><h1>Hafen offen</h1><p>Von Jana Roth</p><p>6. Mai 2024</p>{PROSE}</article>")
    )
    assert (german.authors, german.published) == (("Jana Roth",), "2024-05-06")
    french = extract(
        _body_page(
            f"<article><h1>Le port</h1><p>Par Luc Martin</p><p>le 12 janvier 2023</p>{PROSE}</article>"
        )
    )
    assert (french.authors, french.published) == (("Luc Martin",), "2023-01-12")


@pytest.mark.parametrize(
    ("lang", "byline", "dateline", "authors"),
    [
        ("ru", "Автор: Иван Петров", "5 марта 2024", ("Иван Петров",)),
        ("ru", "Текст: Анна Смирнова и Олег Орлов", "05.03.2024", ("Анна Смирнова", "Олег Орлов")),
        ("zh", "作者：张伟", "2024年3月5日 14:30", ("张伟",)),
        ("zh", "本报记者 李明、王芳", "2024-03-05", ("李明", "王芳")),
    ],
)
def test_byline_in_russian_and_chinese(
    lang: str, byline: str, dateline: str, authors: tuple[str, ...]
) -> None:
    """The label before the names goes in every language of the rules; in Chinese no space
    need follow it, and names are listed with an enumeration comma."""
    body = f"<article><h1>Harbour</h1><p class='byline'>{byline}</p><p>{dateline}</p>{PROSE}</article>"
    article = extract(_body_page(body, html_attrs=f' lang="{lang}"'))
    assert (article.authors, article.published) == (authors, "2024-03-05")


def test_byline_is_cleaned_of_roles_updates_and_handles() -> None:
    body = (
        "<article><h1>Harbour reopens</h1>"
        "<div class='byline'>By Ana Ruiz, Senior Editor | Updated May 7, 2024</div>"
        f"{PROSE}</article>"
    )
    assert extract(_body_page(body)).authors == ("Ana Ruiz",)
    handle = '<meta name="author" content="@anaruiz">'
    assert extract(_body_page(f"<article>{PROSE}</article>", handle)).authors == ()


def test_rel_author_link_and_itemprop_author() -> None:
    body = f'<article><h1>Harbour</h1><a rel="author" href="/u/ana">Ana Ruiz</a>{PROSE}</article>'
    assert extract(_body_page(body)).author == "Ana Ruiz"
    microdata = '<span itemprop="author" itemscope><span itemprop="name">Li Wei</span></span>'
    body = f"<article>{microdata}{PROSE}</article>"
    assert extract(_body_page(body)).author == "Li Wei"


def test_comment_authors_are_not_the_article_author() -> None:
    comments = '<section class="comments"><span class="author-name">Troll Fan</span></section>'
    body = f"<article>{PROSE}</article>{comments}"
    assert extract(_body_page(body)).author is None


def test_json_ld_author_reference_is_followed_in_the_graph() -> None:
    ld = {"@graph": [
        {"@type": "Article", "headline": "Harbour", "author": {"@id": "#ana"}},
        {"@type": "Person", "@id": "#ana", "name": "Ana Ruiz"},
    ]}  # fmt: skip
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert extract(_body_page(f"<article>{PROSE}</article>", head)).authors == ("Ana Ruiz",)


def test_conflict_json_ld_person_beats_meta_author_and_visible_superset_beats_json_ld() -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ana Ruiz"}}
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script><meta name="author" content="Web Desk">'
    )
    assert extract(_body_page(f"<article>{PROSE}</article>", head)).authors == ("Ana Ruiz",)
    body = f"<article><h1>Harbour</h1><p>By Ana Ruiz and Li Wei</p>{PROSE}</article>"
    assert extract(_body_page(body, head)).authors == ("Ana Ruiz", "Li Wei")


def test_conflict_organisation_author_gives_way_to_a_person_in_the_byline() -> None:
    ld = {"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Harbour Times"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f"<article><h1>Harbour</h1><p>By Ana Ruiz</p>{PROSE}</article>"
    assert extract(_body_page(body, head)).authors == ("Ana Ruiz",)
    assert extract(_body_page(f"<article>{PROSE}</article>", head)).authors == ("Harbour Times",)


def test_conflict_visible_dateline_beats_json_ld_but_keeps_its_offset_on_the_same_day() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2024-05-06T08:30:00+02:00"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    same_day = f"<article><h1>Harbour</h1><p>May 6, 2024</p>{PROSE}</article>"
    assert extract(_body_page(same_day, head)).published == "2024-05-06T08:30:00+02:00"
    other_day = f"<article><h1>Harbour</h1><p>May 9, 2024</p>{PROSE}</article>"
    assert extract(_body_page(other_day, head)).published == "2024-05-09"


def test_conflict_updated_dateline_is_the_modified_date_not_the_published_one() -> None:
    ld = {"@type": "NewsArticle", "datePublished": "2020-01-02"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f"<article><h1>Harbour</h1><p>Updated on March 3, 2024</p>{PROSE}</article>"
    article = extract(_body_page(body, head))
    assert (article.published, article.modified) == ("2020-01-02", "2024-03-03")


def test_tags_and_categories_from_meta_json_ld_and_links() -> None:
    ld = {"@type": "NewsArticle", "keywords": 'ports, ", repairs, -', "articleSection": "Local"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    article = extract(_body_page(f"<article>{PROSE}</article>", head))
    assert (article.tags, article.categories) == (("ports", "repairs"), ("Local",))
    head = (
        '<meta property="article:tag" content="Ports"><meta property="article:tag" content="Sea">'
        '<meta property="article:section" content="City">'
    )
    article = extract(_body_page(f"<article>{PROSE}</article>", head))
    assert (article.tags, article.categories) == (("Ports", "Sea"), ("City",))
    links = '<a rel="tag" href="/t/ports">ports</a><a rel="category tag" href="/c/news">News</a>'
    article = extract(_body_page(f"<article>{PROSE}</article><footer>{links}</footer>"))
    assert (article.tags, article.categories) == (("ports",), ("News",))


def test_language_from_text_when_markup_is_silent_or_wrong() -> None:
    german = (
        "<p>"
        + "Der Hafen wurde am Montag nach einer Woche Reparaturen an der Ufermauer wieder geöffnet. " * 4
        + "</p>"
    )
    assert extract(_body_page(f"<article>{german}</article>")).language == "de"
    assert extract(_body_page(f"<article>{german}</article>", html_attrs=' lang="en"')).language == "de"
    assert extract(_body_page(f"<article>{PROSE}</article>", html_attrs=' lang="en-US"')).language == "en"


def test_word_count_counts_characters_of_unspaced_scripts() -> None:
    japanese = "<p>" + "港は一週間の修理の後、月曜日に再開されました。" * 10 + "</p>"
    article = extract(_body_page(f"<article>{japanese}</article>"))
    assert article.language == "ja"
    assert article.word_count > 150
    assert extract(_body_page(f"<article>{PROSE}</article>")).word_count == 56


@pytest.mark.parametrize(
    "address",
    ["/author/ana-ruiz/", "https://news.example/autor/ana-ruiz", "/en/people/ana-ruiz", "/staff/ana-ruiz/"],
)
def test_link_to_the_authors_archive_page_is_a_byline(address: str) -> None:
    body = f'<article><h1>Harbour</h1><a href="{address}">Ana Ruiz</a>{PROSE}</article>'
    assert extract(_body_page(body)).authors == ("Ana Ruiz",)


@pytest.mark.parametrize("address", ["/tag/ana-ruiz/", "/AUTHOR/ana-ruiz/", "/authorship/ana-ruiz"])
def test_link_to_another_page_naming_a_person_is_no_byline(address: str) -> None:
    body = f'<article><h1>Harbour</h1><a href="{address}">Ana Ruiz</a>{PROSE}</article>'
    assert extract(_body_page(body)).authors == ()


def test_section_labels_and_interface_words_are_no_authors() -> None:
    body = (
        '<article><h1>Harbour</h1><div class="author-box"><a href="/share">Share Post</a></div>'
        f'<p class="byline">No Comments</p>{PROSE}</article>'
    )
    assert extract(_body_page(body)).authors == ()


def test_byline_in_the_articles_own_footer_counts_but_not_in_the_pages() -> None:
    link = '<a rel="author" href="/u/h">Halina Goetz</a>'
    inside = f'<article>{PROSE}<footer class="meta">{link}</footer></article>'
    assert extract(_body_page(inside)).authors == ("Halina Goetz",)
    outside = f"<article>{PROSE}</article><footer>{link}</footer>"
    assert extract(_body_page(outside)).authors == ()


def test_byline_box_gives_its_first_line_of_names_and_short_names_survive() -> None:
    box = '<div class="author-info"><span>Keith Barry</span><span>Senior Autos Reporter</span></div>'
    assert extract(_body_page(f"<article><h1>Cars</h1>{box}{PROSE}</article>")).authors == ("Keith Barry",)
    short = '<span class="post-author">Kev</span>'
    assert extract(_body_page(f"<article><h1>Coffee</h1>{short}{PROSE}</article>")).authors == ("Kev",)


def test_credentials_after_a_name_are_dropped_in_every_case() -> None:
    ld = {"@type": "BlogPosting", "author": {"@type": "Person", "name": "Jane Doe, MD, Ph.D."}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert extract(_body_page(f"<article>{PROSE}</article>", head)).authors == ("Jane Doe",)


def test_numeric_slash_dates_follow_the_pages_english_convention() -> None:
    body = f"<article><h1>Harbour</h1><p>8/1/2025</p>{PROSE}</article>"
    assert extract(_body_page(body, html_attrs=' lang="en-US"')).published == "2025-08-01"
    assert extract(_body_page(body, html_attrs=' lang="en-GB"')).published == "2025-01-08"


def test_language_comes_from_the_markup_when_the_model_cannot_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """py3langid unpacks its model to a temporary file: on a full disk that fails, and
    extraction must go on with the markup's language."""
    from py3langid.langid import LanguageIdentifier

    from scraper.extract._language import article_language, identifier

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(LanguageIdentifier, "from_model_file", full_disk)
    identifier.cache_clear()
    try:
        german = "Der Hafen wurde am Montag nach einer Woche Reparaturen wieder geöffnet. " * 5
        assert article_language("en", german) == "en"
        assert article_language(None, german) is None
    finally:
        monkeypatch.undo()
        identifier.cache_clear()


def test_conflict_unlabelled_dateline_on_the_markups_modification_day_is_not_the_publication() -> None:
    meta = (
        '<meta property="article:published_time" content="2022-01-03T16:52:00+00:00">'
        '<meta property="article:modified_time" content="2025-11-03T06:10:53+00:00">'
    )
    shown_update = f"<article><h1>Harbour</h1><p>November 3, 2025</p>{PROSE}</article>"
    article = extract(_body_page(shown_update, meta))
    assert (article.published, article.modified) == ("2022-01-03T16:52:00+00:00", "2025-11-03T06:10:53+00:00")
    # German page, the update printed first and the publication after it.
    both = f"<article><h1>Hafen</h1><p>3. November 2025</p><p>3. Januar 2022</p>{PROSE}</article>"
    assert extract(_body_page(both, meta, ' lang="de"')).published == "2022-01-03T16:52:00+00:00"
    # A "modification" before the publication is no update: the dateline stands.
    backwards = meta.replace("2025-11-03T06:10:53", "2021-11-03T06:10:53").replace("2022-01-03", "2025-12-01")
    dated = f"<article><h1>Harbour</h1><p>November 3, 2021</p>{PROSE}</article>"
    assert extract(_body_page(dated, backwards)).published == "2021-11-03"
    # A dateline the markup does not call an update still wins over the markup.
    other = f"<article><h1>Harbour</h1><p>9 mars 2024</p>{PROSE}</article>"
    assert extract(_body_page(other, meta, ' lang="fr"')).published == "2024-03-09"


@pytest.mark.parametrize(
    "meta",
    [
        '<meta name="published" content="July 17, 2025">',
        '<meta name="citation_publication_date" content="2025/07/17">',
        '<meta property="og:article:published_time" content="2025-07-17">',
        '<meta name="dcterms.date" content="2025-07-17">',
    ],
)
def test_publication_date_from_common_meta_vocabularies(meta: str) -> None:
    assert extract(_body_page(f"<article>{PROSE}</article>", meta)).published == "2025-07-17"


def test_numeric_dateline_that_reads_both_ways_follows_the_markups_day() -> None:
    ld = {"@type": "BlogPosting", "datePublished": "2024-09-10T16:07:00Z"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f"<article><h1>Harbour</h1><p>09.10.2024</p>{PROSE}</article>"
    # Dots are read day first on an English page; the markup says the month comes first here.
    assert extract(_body_page(body, head, ' lang="en"')).published == "2024-09-10T16:07:00+00:00"
    # The URL's date path settles it too, in a day-first language.
    page = _body_page(body.replace("09.10.2024", "10/09/2024"), html_attrs=' lang="nl"')
    assert extract(page, url="https://x.example/2024/09/10/haven").published == "2024-09-10"
    # Without a hint the page's convention stands; an unambiguous date is never turned.
    assert extract(_body_page(body, html_attrs=' lang="en-GB"')).published == "2024-10-09"
    unambiguous = body.replace("09.10.2024", "25.10.2024")
    assert extract(_body_page(unambiguous, head, ' lang="de"')).published == "2024-10-25"


def test_a_period_between_two_days_is_no_dateline() -> None:
    meta = '<meta property="article:published_time" content="2025-11-24T13:30:10+00:00">'
    for offer in ("The offer is valid November 26 – December 3, 2025.", "Salon du livre : 16-19 mars 2026"):
        body = f"<article><h1>Deals</h1><p><b>50% off</b> {offer}</p>{PROSE}</article>"
        assert extract(_body_page(body, meta)).published == "2025-11-24T13:30:10+00:00"


def test_page_without_h1_prints_its_title_in_a_paragraph_with_byline_and_dateline_after_it() -> None:
    head = "<title>Top 5 HR Tools in 2026 | Acme HR</title>"
    body = (
        "<div><p>Top 5 HR Tools in 2026</p></div><div><p>Acme Team</p><p>Feb 16, 2026</p></div>"
        f"<article>{PROSE}</article>"
    )
    article = extract(_body_page(body, head, ' lang="en"'))
    assert (article.title, article.published) == ("Top 5 HR Tools in 2026", "2026-02-16")
    head = '<meta property="og:title" content="Die besten Werkzeuge – Acme Magazin">'
    body = f"<h2>Die besten Werkzeuge</h2><span>16. Februar 2026</span><article>{PROSE}</article>"
    article = extract(_body_page(body, head, ' lang="de"'))
    assert (article.title, article.published) == ("Die besten Werkzeuge", "2026-02-16")
    # A one-word beginning is the site's brand, printed as its logo: not the headline.
    head = "<title>Harbourly - read, write and learn about harbours</title>"
    body = f"<div><p>Harbourly</p></div><article>{PROSE}</article>"
    assert extract(_body_page(body, head)).title == "Harbourly - read, write and learn about harbours"


def test_date_printed_after_the_byline_at_the_articles_foot() -> None:
    foot = (
        "<article><h1>How apps are made</h1>{prose}"
        "<div><div><p>Written by <a href='/blog/author/ana-ruiz'>Ana Ruiz</a></p><p>{date}</p></div></div>"
        "</article><footer><p>Imprint</p></footer>"
    )
    page = _body_page(foot.format(prose=PROSE * 3, date="April 8, 2024"), html_attrs=' lang="en"')
    assert (extract(page).author, extract(page).published) == ("Ana Ruiz", "2024-04-08")
    page = _body_page(foot.format(prose=PROSE * 3, date="8 avril 2024"), html_attrs=' lang="fr"')
    assert extract(page).published == "2024-04-08"
    # A date after a byline that is not the article's (a related story's) is not its date.
    related = (
        f"<article><h1>How apps are made</h1><p>By Li Wei</p>{PROSE * 3}</article>"
        "<div><a href='/author/ana-ruiz'>Ana Ruiz</a><p>April 8, 2024</p></div>"
    )
    assert extract(_body_page(related)).published is None


@pytest.mark.parametrize(
    ("dateline", "lang"),
    [
        ("OCTOBER 13, 2025", "en"),  # capitals, which htmldate alone does not read
        ("PUBLISHED: OCT. 13, 2025", "en"),
        ("13 OCTOBRE 2025", "fr"),
        ("13. OKTOBER 2025", "de"),
        ("Publicado el 13 de octubre de 2025", "es"),  # month names htmldate does not know
        ("13 de outubro de 2025", "pt-BR"),
        ("13 ottobre 2025", "it"),
        ("13 października 2025", "pl"),
        ("Опубликовано 13 октября 2025 г.", "ru"),
        ("2025年10月13日 10:00", "ja"),
        ("2025년 10월 13일", "ko"),
    ],
)
def test_dateline_in_capitals_or_with_the_month_in_words_of_the_pages_language(
    dateline: str, lang: str
) -> None:
    body = f"<article><h1>Harbour</h1><p>{dateline}</p>{PROSE}</article>"
    assert extract(_body_page(body, html_attrs=f' lang="{lang}"')).published == "2025-10-13"


def test_numeric_dates_with_a_two_digit_year_follow_the_pages_convention() -> None:
    body = f"<article><h1>Harbour</h1><p>12/11/25</p>{PROSE}</article>"
    assert extract(_body_page(body, html_attrs=' lang="en-US"')).published == "2025-12-11"
    assert extract(_body_page(body, html_attrs=' lang="en-GB"')).published == "2025-11-12"
    dashes = body.replace("12/11/25", "12-11-2025")
    assert extract(_body_page(dashes, html_attrs=' lang="en-US"')).published == "2025-12-11"
    assert extract(_body_page(dashes, html_attrs=' lang="en-GB"')).published == "2025-11-12"
    # A markup's date-time a day off (its UTC day) picks the reading of a date that reads both
    # ways: the page prints that instant's local day, so the date-time is given.
    meta = '<meta property="article:published_time" content="2025-11-11T23:30:00+00:00">'
    assert extract(_body_page(body, meta, ' lang="en-US"')).published == "2025-11-11T23:30:00+00:00"
    # So does the URL's day.
    page = _body_page(body, html_attrs=' lang="en-US"')
    assert extract(page, url="https://x.example/2025/11/11/harbour").published == "2025-11-12"


_URL_OF_THE_18TH = "https://blog.example/2025/12/18/comfort-watches"


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("2025-12-19T02:41:41+00:00", "2025-12-18"),  # 21:41 in New York, on the 18th
        ("2025-12-17T20:05:00Z", "2025-12-18"),  # 09:05 in Auckland, on the 18th
        ("2025-12-19T14:00:00+00:00", "2025-12-19T14:00:00+00:00"),  # the 18th in no time zone
        ("2025-12-20T01:00:00+00:00", "2025-12-20T01:00:00+00:00"),  # two days off
        ("2025-12-19T02:41:41-05:00", "2025-12-19T02:41:41-05:00"),  # the page's own clock
    ],
)
def test_a_utc_date_time_gives_way_to_the_urls_day_when_that_is_its_local_day(
    stamp: str, published: str
) -> None:
    meta = f'<meta property="article:published_time" content="{stamp}">'
    article = extract(_body_page(f"<article>{PROSE}</article>", meta), url=_URL_OF_THE_18TH)
    assert article.published == published


@pytest.mark.parametrize(
    ("update", "lang"),
    [
        ("Page updated: 12 November 2025", "en-GB"),
        ("Aktualisiert am 12. November 2025", "de"),
        ("Actualizado el 12 de noviembre de 2025", "es"),
        ("Mis à jour le 12 novembre 2025", "fr"),
    ],
)
def test_conflict_a_markup_publication_after_the_printed_update_is_no_publication(
    update: str, lang: str
) -> None:
    ld = {"@type": "Article", "datePublished": "2025-11-13", "dateModified": "2025-11-13"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f"<article><h1>Harbour</h1><p>{update}</p>{PROSE}</article>"
    assert extract(_body_page(body, head, f' lang="{lang}"')).published == "2025-11-12"
    # An update printed after the publication leaves the publication as it is.
    later = body.replace("12", "20")
    assert extract(_body_page(later, head, f' lang="{lang}"')).published == "2025-11-13"


_NAVIGATION = "<nav>" + "".join(f"<a href='/s/{n}'>Section number {n}</a>" for n in range(120)) + "</nav>"


@pytest.mark.parametrize(
    ("dateline", "lang"), [("March 1, 2024", "en"), ("1 mars 2024", "fr"), ("1. März 2024", "de")]
)
def test_dateline_printed_just_above_the_headlines_header(dateline: str, lang: str) -> None:
    meta = '<meta property="article:published_time" content="2024-07-05T14:20:08+00:00">'
    title_bar = f"<section class='title-bar'><time datetime='2024-03-01'>{dateline}</time></section>"
    body = (
        f"<main>{_NAVIGATION}{title_bar}<!-- title -->"
        f"<div class='page-title'><h1>Healthy eating tips</h1></div><div>{PROSE * 3}</div></main>"
    )
    assert extract(_body_page(body, meta, f' lang="{lang}"')).published == "2024-03-01"
    # The date printed at the top of the page's navigation, before the header, is today's: not read.
    body = (
        f"<main><section>{dateline}{_NAVIGATION}</section>"
        f"<div class='page-title'><h1>Healthy eating tips</h1></div><div>{PROSE * 3}</div></main>"
    )
    assert extract(_body_page(body, meta, f' lang="{lang}"')).published == "2024-07-05T14:20:08+00:00"


@pytest.mark.parametrize(
    ("dateline", "lang"),
    [("November 2015", "en"), ("Nov. 2015", "en"), ("noviembre de 2015", "es"), ("novembre 2015", "fr"),
     ("November 2015", "de")],
)  # fmt: skip
def test_a_month_and_a_year_alone_date_a_page_that_gives_no_day(dateline: str, lang: str) -> None:
    body = f"<article><h1>The five best headphones</h1><p>Pulse!</p><p>{dateline}</p>{PROSE}</article>"
    assert extract(_body_page(body, html_attrs=f' lang="{lang}"')).published == "2015-11"
    # A day, from anywhere, is better than a month; an update's month is no publication.
    meta = '<meta property="article:published_time" content="2015-11-03">'
    assert extract(_body_page(body, meta, f' lang="{lang}"')).published == "2015-11-03"
    updated = body.replace(f"<p>{dateline}</p>", f"<p>Updated {dateline}</p>")
    assert extract(_body_page(updated, html_attrs=f' lang="{lang}"')).published is None


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("Published August 13, 2025", "en"),
        ("Posted on<br>August 13, 2025", "en"),
        ("Post time: 08-13-2025", "en"),
        ("Publicado el 13 de agosto de 2025", "es"),
        ("Veröffentlicht am 13. August 2025", "de"),
        ("Publié le 13 août 2025", "fr"),
        ("Pubblicato il 13 agosto 2025", "it"),
    ],
)
def test_date_labelled_as_the_publication_at_the_articles_foot(label: str, lang: str) -> None:
    ld = {"@type": "Article", "datePublished": "2025-11-29T12:28:31-05:00"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f"<article><h1>Free accounting tools</h1>{PROSE * 3}<div>{label}</div></article>"
    assert extract(_body_page(body, head, f' lang="{lang}"')).published == "2025-08-13"
    # On the markup's day, the markup's date-time stands; in a sentence, a label is no dateline.
    assert extract(_body_page(body, head.replace("11-29", "08-13"), f' lang="{lang}"')).published == (
        "2025-08-13T12:28:31-05:00"
    )
    sentence = body.replace(f"<div>{label}</div>", "<p>The book was first published May 3, 2001.</p>")
    assert extract(_body_page(sentence, head, f' lang="{lang}"')).published == "2025-11-29T12:28:31-05:00"


@pytest.mark.parametrize(
    ("label", "lang"),
    [
        ("Last updated: November 13, 2025", "en"),
        ("Updated on<br>November 13, 2025", "en"),
        ("Última actualización: 13 de noviembre de 2025", "es"),
        ("Zuletzt aktualisiert am 13. November 2025", "de"),
        ("Dernière mise à jour le 13 novembre 2025", "fr"),
        ("Ultimo aggiornamento: 13 novembre 2025", "it"),
    ],
)
def test_date_labelled_as_the_last_update_at_the_articles_foot(label: str, lang: str) -> None:
    body = f"<article><h1>Park webcams</h1>{PROSE * 3}<p>{label}</p></article>"
    # The page's only date: it dates the page, and it is its last update.
    article = extract(_body_page(body, html_attrs=f' lang="{lang}"'))
    assert (article.published, article.modified) == ("2025-11-13", "2025-11-13")
    # With a publication date in the markup, the label gives the last update only.
    meta = '<meta property="article:published_time" content="2024-02-01">'
    article = extract(_body_page(body, meta, f' lang="{lang}"'))
    assert (article.published, article.modified) == ("2024-02-01", "2025-11-13")
    # In a sentence, an update is no label.
    sentence = body.replace(f"<p>{label}</p>", "<p>The rules were updated on November 13, 2025.</p>")
    assert extract(_body_page(sentence, meta, f' lang="{lang}"')).modified is None


@pytest.mark.parametrize(
    ("label", "update"),
    [
        *((label, False) for label in (
            "Published", "Posted", "Post time", "Publication date", "Publicado", "Publicada",
            "Publié", "Publiée", "Publie", "Pubblicato", "Pubblicata", "Date published",
            "Veröffentlicht", "Veroffentlicht",
        )),
        *((label, True) for label in (
            "Updated", "Modified", "Last updated", "Actualizado", "Aktualisiert", "Mis à jour",
            "Atualizado", "Aggiornato", "Zuletzt aktualisiert", "Última actualización",
            "Dernière mise à jour", "Ultimo aggiornamento", "Última atualização",
            "Letzte Aktualisierung",
        )),
    ],
)  # fmt: skip
def test_every_label_of_a_date_line_is_read_in_any_case(label: str, update: bool) -> None:
    # The date after the label, whatever the label's case; never in a sentence, nor as the
    # other kind of label.
    def read(rest: str) -> str | None:
        return rest or None

    for written in (label, label.upper(), label.lower()):
        text = f"Intro\n  {written}: 13 November 2025\nMore"
        assert labelled_date(text, read, update=update) == "13 November 2025"
        assert labelled_date(text, read, update=not update) is None
        assert labelled_date(f"It was {written} on 13 November 2025", read, update=update) is None


@pytest.mark.parametrize(
    ("title", "heading", "dateline", "lang"),
    [
        ("7 Ways to a Plant-Based Diet | Koia", "7 Ways to Help You Move to a Plant Based Diet",
         "blog | February 01, 2022", "en"),
        ("Sieben Wege zur pflanzlichen Ernährung – Koia", "Sieben einfache Wege zur pflanzlichen Ernährung",
         "Blog | 1. Februar 2022", "de"),
        ("Siete pasos hacia una dieta vegetal | Koia", "Siete pasos sencillos hacia una dieta vegetal",
         "Blog | 1 de febrero de 2022", "es"),
    ],
)  # fmt: skip
def test_page_without_h1_prints_a_longer_headline_than_its_title_in_a_heading(
    title: str, heading: str, dateline: str, lang: str
) -> None:
    body = (
        "<nav><h2>Shop</h2><h2>Plant based recipes</h2></nav>"
        f"<div><h3>{dateline}</h3><h2>{heading}</h2></div><article>{PROSE}</article>"
    )
    article = extract(_body_page(body, f"<title>{title}</title>", f' lang="{lang}"'))
    # The dateline is read around that heading; the title stays the markup's, less the brand.
    assert (article.title, article.published) == (title.rsplit(" ", 2)[0], "2022-02-01")
    # A heading that leaves out one of the title's words is not its headline.
    other = body.replace(heading, heading.split()[0] + " " + heading.split()[-1])
    assert extract(_body_page(other, f"<title>{title}</title>", f' lang="{lang}"')).published is None


@pytest.mark.parametrize(
    ("dateline", "lang"),
    [
        ("December 3, 2025. Updated: December 7, 2025", "en"),
        ("3. Dezember 2025 · aktualisiert am 7. Dezember 2025", "de"),
        ("3 de diciembre de 2025 | Actualizado el 7 de diciembre de 2025", "es"),
        ("3 décembre 2025, mis à jour le 7 décembre 2025", "fr"),
    ],
)
def test_publication_and_update_on_one_line(dateline: str, lang: str) -> None:
    body = f"<article><h1>Award-winning novels</h1><p>{dateline}</p>{PROSE}</article>"
    article = extract(_body_page(body, html_attrs=f' lang="{lang}"'))
    assert (article.published, article.modified) == ("2025-12-03", "2025-12-07")


@pytest.mark.parametrize(
    ("dateline", "lang"),
    [("3 days ago", "en"), ("hace 3 días", "es"), ("vor 3 Tagen", "de"), ("il y a 3 jours", "fr")],
)
def test_a_relative_dateline_is_never_turned_into_a_day(dateline: str, lang: str) -> None:
    # "3 days ago" is relative to a moment the page does not give (when it was cached, say):
    # no day is guessed from it, and the page's other sources date it.
    body = f"<article><h1>Harbour reopens</h1><p>{dateline}</p>{PROSE}</article>"
    assert extract(_body_page(body, html_attrs=f' lang="{lang}"')).published is None
    url = "https://harbour.example/2024/05/06/reopens"
    assert extract(_body_page(body, html_attrs=f' lang="{lang}"'), url=url).published == "2024-05-06"


@pytest.mark.parametrize(
    ("published", "label", "updated", "lang"),
    [
        ("December 3, 2025.", "Updated:", "December 7, 2025", "en"),
        ("3. Dezember 2025", "Aktualisiert am", "7. Dezember 2025", "de"),
        ("3 de diciembre de 2025", "Actualizado el", "7 de diciembre de 2025", "es"),
        ("3 décembre 2025", "Mis à jour le", "7 décembre 2025", "fr"),
    ],
)
def test_publication_printed_just_before_the_update_label_at_the_articles_foot(
    published: str, label: str, updated: str, lang: str
) -> None:
    # The theme prints both under the article, in two elements: the first is the publication,
    # and the page's own, as a label is, beats the markup's.
    def page(first: str) -> str:
        meta = '<meta property="article:published_time" content="2024-02-01">'
        foot = f'<div class="credit"><p class="date">{first} <i>{label} {updated}</i></p></div>'
        body = f"<article><h1>Award-winning novels</h1>{PROSE * 3}{foot}</article>"
        return _body_page(body, meta, f' lang="{lang}"')

    article = extract(page(published))
    assert (article.published, article.modified) == ("2025-12-03", "2025-12-07")
    # The update's day printed twice says nothing of the publication: the markup's stands.
    article = extract(page(updated))
    assert (article.published, article.modified) == ("2024-02-01", "2025-12-07")


@pytest.mark.parametrize(
    ("dateline", "lang"),
    [("December 9, 2021", "en-US"), ("9. Dezember 2021", "de"), ("9 de diciembre de 2021", "es")],
)
def test_conflict_a_printed_day_that_renders_the_markups_utc_instant_gives_that_instant(
    dateline: str, lang: str
) -> None:
    meta = '<meta property="article:published_time" content="2021-12-10T02:17:00+00:00">'
    body = f"<article><h1>Sourdough for one</h1><p>{dateline}</p>{PROSE}</article>"
    # 02:17 UTC on the 10th is the evening of the 9th in the Americas: one instant, with its time.
    assert extract(_body_page(body, meta, f' lang="{lang}"')).published == "2021-12-10T02:17:00+00:00"
    # The URL's date path records the page's local day: that day stands.
    url = "https://bread.example/2021/12/09/sourdough"
    assert extract(_body_page(body, meta, f' lang="{lang}"'), url=url).published == "2021-12-09"
    # An instant that falls on the printed day in no time zone is another event: the dateline stands.
    later = meta.replace("02:17", "14:17")
    assert extract(_body_page(body, later, f' lang="{lang}"')).published == "2021-12-09"


def test_forum_thread_dates_and_author_from_its_discussion_forum_posting() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "DiscussionForumPosting",
        "headline": "Pros and cons of using a travel agent",
        "author": {"@type": "Person", "name": "thanosmano"},
        "datePublished": "2024-04-18T00:13:04+0300",
        "dateModified": "2024-04-21T04:11:38+0300",
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = (
        "<h1>Pros and cons of using a travel agent</h1><p>Members</p>"
        f"<time datetime='2024-04-17T21:13:04Z'>April 18, 2024</time>{PROSE}"
    )
    article = extract(_body_page(body, head, ' lang="en"'))
    assert (article.author, article.published) == ("thanosmano", "2024-04-18T00:13:04+03:00")
    assert article.modified == "2024-04-21T04:11:38+03:00"


@pytest.mark.parametrize(("dateline", "lang"), [("2 May 2025 18:48", "en-GB"), ("2. Mai 2025, 18:48", "de")])
def test_conflict_the_structured_date_on_the_printed_day_beats_a_more_trusted_one_on_another(
    dateline: str, lang: str
) -> None:
    meta = '<meta property="article:published_time" content="2025-05-02T18:48:59+00:00">'
    body = (
        f"<h1>Struggling with getting stronger</h1><p>hayley.p</p><p>{dateline}</p>{PROSE}"
        "<div><p>A reply.</p><time itemprop='datePublished' datetime='2025-05-03T09:21:40Z'>3 May</time>"
        "</div>"
    )
    # Microdata is trusted before <meta>, but the reply's date is not the day the thread prints.
    assert extract(_body_page(body, meta, f' lang="{lang}"')).published == "2025-05-02T18:48:59+00:00"
