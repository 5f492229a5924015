"""What must go and what must stay, per kind of junk, markup and language.

Every case puts one kind of junk (related posts, comment forms, captions and credits,
"Source link", share bars, newsletter boxes, ad labels, post navigation, tag lists, author
bios, copyright notices) into a page, in one markup (semantic classes, no class names, or
flattened into the article's own `<p>`/`<br>` text), in one of eleven languages (three of them
in Cyrillic, Chinese and Japanese script). The junk must
be gone and the article must be whole: the text equals the clean body to the character.
"""

import pytest
from junk_cases import LANGS, JunkCase, all_cases
from pages import Placement, expected_text, page

from scraper import extract

CASES = all_cases()


@pytest.mark.parametrize("lang", LANGS)
def test_clean_article_is_kept_whole(lang: str) -> None:
    assert extract(page(lang)).text == expected_text(lang)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_junk_goes_and_article_stays(case: JunkCase) -> None:
    text = extract(page(case.lang, case.placement)).text

    for junk in case.must_go:
        assert junk.rstrip(" *") not in text
    assert text == expected_text(case.lang)


def test_every_kind_is_covered_in_three_markups_and_two_languages() -> None:
    markups: dict[str, set[str]] = {}
    langs: dict[str, set[str]] = {}
    for case in CASES:
        markups.setdefault(case.kind, set()).add(case.markup)
        langs.setdefault(case.kind, set()).add(case.lang)
    for kind in markups:
        assert len(markups[kind]) >= 2 if kind == "source" else len(markups[kind]) >= 3, kind
        assert len(langs[kind]) >= 2, kind


@pytest.mark.parametrize(
    ("paragraph", "why"),
    [
        ("By the end of the year, prices had risen by a third.", "starts like a byline"),
        ("Published in Nature, the study followed 4,000 patients.", "starts like a dateline"),
        ("Copyright law has changed little since the 1970s, experts say.", "mentions copyright"),
        ("Read more about the plan on the council's website, officials said.", "starts like a teaser"),
        ("Comments from residents were mostly positive.", "starts like a comment heading"),
        ("The photo, taken in March, shows the flooded square.", "mentions a photo"),
        ("Browsers use cookies to remember a reader between visits, the report found.", "about cookies"),
        ("Via the new bridge, residents reach the market in minutes.", "starts like an aggregator's credit"),
        ("Google uses cookies to store settings such as the language a reader chose.", "a brand's cookies"),
    ],
)
def test_sentences_that_resemble_junk_stay(paragraph: str, why: str) -> None:
    html = page("en", Placement(end_of_body=f"<p>{paragraph}</p>"))

    assert extract(html).text == expected_text("en") + "\n\n" + paragraph, why


@pytest.mark.parametrize(
    ("lang", "paragraph"),
    [
        ("ru", "Источник в мэрии сообщил, что работы начнутся весной."),
        ("ru", "Комментарии жителей на встрече были в основном положительными."),
        ("ru", "Фото затопленной площади облетело все городские газеты."),
        ("zh", "来源于上游的洪水在三天内淹没了整个河区，许多居民不得不撤离。"),
        ("zh", "评论人士认为，这项计划来得太晚了，但总比没有好。"),
        ("zh", "分享经济在这座城市发展迅速，许多居民通过手机平台出租自己的车位。"),
        ("nl", "Bron van de overstroming was een gebroken dijk bij de oude brug."),
        ("nl", "Reacties van bewoners op het plan waren overwegend positief."),
        ("pl", "Źródłem problemu okazał się stary wał przy moście kolejowym."),
        ("pl", "Komentarze mieszkańców na spotkaniu były w większości pozytywne."),
        ("ja", "写真家の山田さんは、浸水した広場の様子を今も記録し続けている。"),
        ("ja", "関連する予算案は、来月の市議会で審議される予定だ。"),
        ("ja", "タグボートが、川に流された車を岸まで引き上げた。"),
    ],
)
def test_sentences_that_resemble_junk_stay_in_other_languages(lang: str, paragraph: str) -> None:
    html = page(lang, Placement(end_of_body=f"<p>{paragraph}</p>"))

    assert extract(html).text == expected_text(lang) + "\n\n" + paragraph


def test_body_subheading_that_resembles_a_junk_heading_keeps_its_section() -> None:
    section = (
        "<h2>More on the river</h2><p>" + "The river rose by two metres in a single night. " * 3 + "</p>"
    )
    text = extract(page("en", Placement(end_of_body=section))).text

    assert "The river rose by two metres in a single night." in text


COMMENT_LISTS = {
    # The heading over the list, the writer's verb, the reply link, a comment.
    "es": ("2 comentarios en “Defensas contra inundaciones”", "dice:", "Responder",
           "Vivo a dos calles del río y nos inundamos dos veces, así que me alegra la decisión."),
    "de": ("2 Gedanken zu „Neuer Hochwasserschutz“", "sagt:", "Antworten",
           "Ich wohne zwei Straßen vom Fluss entfernt und wir wurden zweimal überflutet, endlich!"),
    "fr": ("2 réflexions sur « De nouvelles digues »", "dit :", "Répondre",
           "J'habite à deux rues du fleuve et nous avons été inondés deux fois, enfin une décision."),
    "nl": ("2 gedachten over “Nieuwe hoogwaterbescherming”", "schreef:", "Beantwoorden",
           "Ik woon twee straten van de rivier en we zijn twee keer overstroomd, eindelijk een besluit."),
    "ru": ("2 комментария к записи «Защита от наводнений»", "говорит:", "Ответить",
           "Я живу в двух улицах от реки, нас затапливало дважды, наконец-то решение."),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(COMMENT_LISTS))
def test_a_comment_list_headed_by_its_count_and_the_title_goes(lang: str) -> None:
    """WordPress themes head the comments with their count and the post's title ("2 thoughts
    on “…”" in every translation); the list, with no class names, sits in the body's box."""
    heading, says, reply, comment = COMMENT_LISTS[lang]
    items = "".join(
        f"<li><div><b>Mark {n}</b> <span>{says}</span></div><div><a href='#c{n}'>13.03.2024 09:02</a></div>"
        f"<p>{comment} ({n})</p><a href='#'>{reply}</a></li>"
        for n in range(2)
    )
    html = page(lang, Placement(end_of_body=f"<div><h2>{heading}</h2><ol>{items}</ol></div>"))
    assert extract(html).text == expected_text(lang)


def test_headline_byline_and_dateline_are_not_in_the_text() -> None:
    header = "<p>By Anna Weber</p><p>Tuesday, March 12, 2024 at 10:15 am</p>"
    html = page("en").replace('<div class="body">', '<div class="body">' + header)

    assert extract(html).text == expected_text("en")


@pytest.mark.parametrize(
    ("lang", "first", "last"),
    [
        ("ru", "Автор: Анна Вебер", "Текст: Анна Вебер и Олег Орлов"),
        ("zh", "本报记者 李明、王芳", "（责任编辑：张伟）"),
    ],
)
def test_a_byline_at_the_start_and_an_editors_credit_at_the_end_go(lang: str, first: str, last: str) -> None:
    html = page(lang, Placement(end_of_body=f"<p>{last}</p>"))
    html = html.replace('<div class="body">', f'<div class="body"><p>{first}</p>')

    assert extract(html).text == expected_text(lang)


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Twitter @DailyExample and on Facebook.",
        "Email Anna Weber at anna@example.com or follow her @annaweber.",
        "Follow The Daily Example Opinion section on Facebook, Twitter (@DailyOpinion) and Instagram.",
        "Subscribe to our YouTube channel for all of the latest videos and reviews!",
        "Listen: http://po.st/episode615",
        "[button link=”https://example.com/submit”]Send us your review[/button]",
        "Photo/Jane Doe",
        "Sandbags stacked along the river bank (Jane Doe/Reuters)",
        "Wei-An Jin/Quanta Magazine",
        "Via: daily-news.example",
        "H/T: Anna Weber",
        "[newsletter_form id=42]",
        "[/accordion]",
        "[CTA_MODULE]",
        "Sígueme en Instagram para más fotos del río: @anaweber",
        "Folgen Sie mir auf Instagram: @annaweber",
        "Suivez-moi sur Twitter pour les prochaines crues : @annaweber",
        "Suscríbete a nuestro canal de YouTube para ver todos los vídeos.",
        "Abonniere unseren YouTube-Kanal für alle Videos zur Flut!",
        "Abonnez-vous à notre chaîne YouTube pour toutes les vidéos.",
    ],
)
def test_promotion_and_widget_lines_inside_the_body_go(line: str) -> None:
    html = page("en", Placement(end_of_body=f"<p>{line}</p>"))
    assert extract(html).text == expected_text("en")


def test_shouted_inline_teaser_links_go() -> None:
    teaser = "<p><strong><a href='/other'>MAYOR SAYS FLOOD PLAN WILL BE READY BY SPRING</a></strong></p>"
    html = page("en", Placement(between_paragraphs=teaser))
    assert extract(html).text == expected_text("en")


def test_the_pages_own_address_printed_by_a_share_widget_goes() -> None:
    url = "https://daily.example/news/flood-defences-approved"
    html = page("en", Placement(end_of_body=f"<p>{url}</p>"))
    assert extract(html, url=url).text == expected_text("en")


@pytest.mark.parametrize(
    "paragraph",
    [
        "Follow the money, the investigators told reporters on Monday.",
        "Police asked residents to follow them on foot to the shelter.",
        "The mayor's office said the full plan is at www.example.org, along with maps.",
        "A LINK IN CAPITALS WITH MORE TEXT AROUND IT, said the sign by the river.",
        "Best daily trainer: Brooks Ghost 17 (Men’s/Women’s)",  # variants, not a credit
        "Coffee/Tea",  # a category with a slash is no "Name/Agency" photo credit
        "Action / Adventure",
        "[Nature]",  # a source cited in brackets is the article's, not a CMS shortcode
        "[Methods]",
        "Subscribe to the council's flood alerts podcast, the mayor urged residents.",
        "The comments will be published next week by the planning committee.",  # no moderation notice
        "Published by the city in 2019, the report found the barriers too low.",  # no post's meta line
        "Updated at the council's request, the plan now includes a second pumping station.",
    ],
)
def test_sentences_that_resemble_promotions_stay(paragraph: str) -> None:
    html = page("en", Placement(end_of_body=f"<p>{paragraph}</p>"))
    assert extract(html).text == expected_text("en") + "\n\n" + paragraph


def test_microdata_values_printed_in_the_body_go() -> None:
    microdata = (
        "<p itemprop='datePublished'>2024-03-12T10:15:00+01:00</p>"
        "<p itemprop='dateModified'>2024-03-12T11:02:00+01:00</p>"
        "<p itemprop='keywords'>Hochwasser, Stadtrat, Flussviertel</p>"
        "<p itemprop='mainEntityOfPage'>https://daily.example/news/flood-defences</p>"
        "<div itemprop='publisher' itemscope><p itemprop='name'>The Daily Example</p>"
        "<p itemprop='logo'>https://daily.example/logo.png</p></div>"
    )
    for placement in (Placement(end_of_body=microdata), Placement(between_paragraphs=microdata)):
        assert extract(page("de", placement)).text == expected_text("de")


@pytest.mark.parametrize("lang", ["en", "es", "de", "fr", "zh", "ja"])
def test_a_subheading_that_is_also_its_pictures_alt_text_stays(lang: str) -> None:
    """Writers describe a section's picture by the section's title: the heading is the
    article's, though a line repeating an alt text is otherwise the picture described twice."""
    subheading = expected_text(lang).split("\n\n")[3]
    html = page(lang).replace(
        f"<h2>{subheading}</h2>", f"<img src='/s.jpg' alt='{subheading}'><h2>{subheading}</h2>"
    )
    assert subheading in html
    assert extract(html).text == expected_text(lang)


@pytest.mark.parametrize(("lang", "alt"), [("zh", "居民在河边装沙袋"), ("ja", "土のうを運ぶ住民")])
def test_a_short_alt_text_in_chinese_or_japanese_printed_as_text_goes(lang: str, alt: str) -> None:
    """Eight characters of Chinese describe a picture as fully as 24 of English: an alt
    text is measured as Latin text (`latin_width`) before it counts as a description."""
    figure = f"<div><img src='/p.jpg' alt='{alt}'><span>{alt}</span></div>"
    assert extract(page(lang, Placement(between_paragraphs=figure))).text == expected_text(lang)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "All comments are moderated before they appear on the site."),
        ("en", "Comments that are off-topic or abusive will not be published."),
        ("es", "Los comentarios están moderados y se publicarán tras su revisión."),
        ("de", "Kommentare werden moderiert und erscheinen erst nach einer Prüfung."),
        ("fr", "Les commentaires sont modérés avant leur publication."),
        ("es", "ATENCIÓN: Los comentarios con insultos no serán aprobados por el moderador."),
        ("en", "Posted by Anna Weber | Category: Politics | Tags: flood, council"),
        ("es", "05/10/2024 - Publicado por: Ana Ruiz - Categoría: Política - Etiquetas: río"),
        ("de", "Veröffentlicht von Anna Weber · Kategorie: Politik"),
        ("en", "Updated at 1:23 p.m."),
        ("es", "Actualizado a las 14:05"),
        ("de", "Aktualisiert um 9.30 Uhr"),
    ],
)
def test_a_moderation_notice_a_post_meta_line_or_an_update_time_at_the_end_goes(lang: str, line: str) -> None:
    """Notices of the comment form, the post's meta line (who posted it, under which
    category or tags) and a time of update alone on the text's last line are no article."""
    html = page(lang, Placement(end_of_body=f"<p>{line}</p>"))
    assert extract(html).text == expected_text(lang)
