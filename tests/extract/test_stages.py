"""Each stage of extraction on its own, so that an exception inside one is seen (`extract`
turns every exception into a `reason`, which would hide it), and the plumbing between them:
selectors, Unicode forms, code and tables, the comparison that undoes harmful pruning."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from pages import Placement, expected_text, page
from selectolax.lexbor import LexborHTMLParser
from test_robustness import html_documents

from scraper import extract
from scraper.extract._article import TextBlock
from scraper.extract._decode import decode_html
from scraper.extract._engine import _main_text, _pruning_cost_text, _whole_page_check
from scraper.extract._prune import Pruning, prune
from scraper.extract._tidy import PageFacts, body_blocks, tidy

FACTS = PageFacts(headlines=frozenset(), image_texts=frozenset())
PROSE = "The council voted on Monday to build new flood barriers along the whole river bank. "


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_pruning_any_html_never_raises(html: str) -> None:
    pruning = prune(LexborHTMLParser(html))
    assert pruning.prose_chars >= 0 and pruning.named_share >= 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["paragraph", "heading", "list", "table", "code"]), st.text())))
def test_tidying_any_blocks_never_raises(blocks: list[tuple[str, str]]) -> None:
    tidied = tidy((TextBlock(kind, text) for kind, text in blocks), FACTS)  # type: ignore[arg-type]
    assert all(block.text for block in tidied)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_documents())
def test_no_stage_fails_on_any_html(html: str) -> None:
    reason = extract(html).reason or ""
    assert not reason.startswith("extraction failed"), reason


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from([None, "utf-8", "windows-1252", "x-unknown"]))
def test_decoding_any_bytes_never_raises(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_html(data, charset), str)


def test_a_raw_carriage_return_in_a_class_name_does_not_empty_the_page() -> None:
    html = page("en").replace('<div class="side">', '<div class="side\rwidget">')
    article = extract(html)
    assert article.reason is None
    assert article.text == expected_text("en")


def test_text_comes_in_composed_unicode_without_soft_hyphens() -> None:
    paragraph = "Die Verkehrs\u00adbehörde in Mu\u0308nchen prüft den Plan seit dem Frühjahr sehr genau."
    text = extract(page("en", Placement(end_of_body=f"<p>{paragraph}</p>"))).text
    assert text.endswith("Die Verkehrsbehörde in München prüft den Plan seit dem Frühjahr sehr genau.")


def test_code_listings_keep_lines_that_look_like_junk() -> None:
    comment = "<span class='hljs-comment'># Share this: the cache is shared</span>"
    code = f"<pre><code>{comment}\nshare(cache)\nprint(x)</code></pre>"
    text = extract(page("en", Placement(end_of_body=code))).text
    assert "# Share this: the cache is shared" in text
    assert "print(x)" in text


def test_data_table_rows_keep_cells_that_look_like_junk() -> None:
    table = "<table><tr><th>Source</th><th>Share</th></tr><tr><td>Tweet</td><td>40%</td></tr></table>"
    text = extract(page("en", Placement(end_of_body=table))).text
    assert "Tweet" in text and "40%" in text


def test_a_labelled_address_that_is_the_articles_own_line_stays() -> None:
    line = "Full report: https://council.example/flood-report.pdf"
    text = extract(page("en", Placement(end_of_body=f"<p>{line}</p>"))).text
    assert text == expected_text("en") + "\n\n" + line


def test_a_forum_thread_named_comments_is_kept() -> None:
    posts = "".join(
        f"<article class='comment' id='comment-{n}'><p>Poster {n} wrote:</p>"
        f"<p>{PROSE}I agree with it.</p></article>"
        for n in range(6)
    )
    html = f"<html><head><title>Thread</title></head><body><h1>Flood barriers</h1>{posts}</body></html>"
    text = extract(html).text
    assert text.count("I agree with it.") == 6


@pytest.mark.parametrize("box", ["header", "div class='subtitle'", "div class='standfirst'"])
def test_a_box_named_as_junk_holding_the_lead_is_kept(box: str) -> None:
    lead = (
        "Flood barriers will be built along the whole river, the council decided on Monday after a long "
        "debate. Residents of the lower town, flooded three times in five years, welcomed the decision."
    )
    boxed = f"<{box}><p>{lead}</p></{box.split()[0]}>"
    html = page("en").replace('<div class="body">', '<div class="body">' + boxed, 1)
    assert extract(html).text == lead + "\n\n" + expected_text("en")


def test_declared_utf8_with_a_stray_byte_stays_utf8() -> None:
    body = "Überall schöne Grüße aus dem Café am Fluss. " * 20
    data = f"<html><head><meta charset='utf-8'></head><body><p>{body}</p>".encode() + b"\xe9</body></html>"
    assert body in decode_html(data)


def test_undeclared_italian_in_windows_1252_is_read_as_such() -> None:
    body = "Il caffè è arrivato in città. Perché? Però è così: più qualità, più velocità. "
    data = f"<html><body><p>{body}</p></body></html>".encode("cp1252")
    assert body in decode_html(data)


@pytest.mark.parametrize(
    "headline",
    [
        "Regulator to Europe: if you restrict our satellite providers, we will ban yours",
        "El regulador advierte a Europa sobre los proveedores de satélites",
        "Die Regulierungsbehörde warnt Europa vor Regeln für Satellitenanbieter",
    ],
)
def test_a_post_whose_whole_text_is_its_headline_keeps_it(headline: str) -> None:
    html = (
        f"<html><head><title>{headline}</title><meta property='og:title' content='{headline}'>"
        f"</head><body><main><div class='post'><a href='/p/1'>{headline}</a></div></main></body></html>"
    )
    assert extract(html).text == headline


def test_the_headline_repeated_above_the_body_is_still_dropped() -> None:
    headline = "Council approves new flood barriers"
    body = f"<article><p>{headline}</p><p>{PROSE * 3}</p></article>"
    html = f"<html><head><title>{headline}</title></head><body>{body}</body></html>"
    text = extract(html).text
    assert headline not in text and text.startswith("The council voted")


def test_a_short_extraction_without_prose_is_checked_against_the_whole_page() -> None:
    """Pruning a box (a "related products" panel) can make trafilatura pick a product's
    table of variants instead of its description: a short result holding no sentence is
    compared with the whole page's extraction. A short article (sentences) is not."""
    variants = (TextBlock("paragraph", "Trekking backpack 40L\nBlue / 40L\nPrice: 89 euros"),)
    assert _whole_page_check(Pruning(), variants) == "full"
    short_article = (TextBlock("paragraph", PROSE * 2),)
    assert _whole_page_check(Pruning(), short_article) is None
    assert _whole_page_check(Pruning(named_share=0.5), short_article) == "fast"


def test_pruning_that_removed_more_prose_than_it_left_is_checked_against_the_whole_page() -> None:
    """Whatever evidence pruning went on (a documentation page's sections), removing most
    of the page's prose is reason enough to compare with the whole page's extraction."""
    long = (TextBlock("paragraph", PROSE * 30),)
    assert _whole_page_check(Pruning(prose_chars=2500, named_share=0.01, prose_left=1000), long) == "full"
    assert _whole_page_check(Pruning(prose_chars=900, named_share=0.01, prose_left=5000), long) is None


@pytest.mark.parametrize(
    ("heading", "sentence"),
    [
        ("More about form classes", "All form classes are created as subclasses of <code>Form</code>"),
        (
            "Más sobre las clases de formularios",
            "Todas las clases de formulario heredan de <code>Form</code>",
        ),
        (
            "Mehr zu Formularklassen",
            "Alle Formularklassen werden als Unterklassen von <code>Form</code>",
        ),
    ],
)
def test_a_documentation_section_under_a_heading_like_related_links_stays(
    heading: str, sentence: str
) -> None:
    """A box that starts with a "related" heading goes whole only when it holds no prose:
    documentation opens real sections with "More about ..." and breaks its sentences with
    inline code and source line wraps."""
    paragraph = (
        f"<p>{sentence}\nand share their validation, rendering and cleaning of the\nsubmitted data.</p>"
    )
    section = f"<section><h2>{heading}</h2>{paragraph * 3}</section>"
    intro = f"<section><h1>Working with forms</h1><p>{PROSE * 8}</p><p>{PROSE * 8}</p></section>"
    html = f"<html><body><div class='document'>{intro}{section}</div></body></html>"
    assert "and share their validation" in extract(html).text


@pytest.mark.parametrize(
    ("section_id", "wrapped"),
    [
        (
            "respond-to-review-comments",
            "Your patch will get comments from reviewers on ways in\nwhich it can be improved,"
            " in a reply to your email; respond to them politely.",
        ),
        (
            "reply-etiquette",
            "Ihr Patch wird von den Prüfern kommentiert, meist mit Vorschlägen,\nwie er sich"
            " verbessern lässt; beantworten Sie die Kommentare höflich.",
        ),
        (
            "respond-to-reviewers",
            "Su parche recibirá comentarios de los revisores sobre cómo\nmejorarlo, en respuesta"
            " a su correo; conteste siempre con cortesía.",
        ),
    ],
)
def test_a_section_whose_id_names_comments_keeps_its_source_wrapped_prose(
    section_id: str, wrapped: str
) -> None:
    """A name is weak evidence: an element holding prose stays, even when its sentences are
    wrapped over the lines of the HTML source (as documentation generators write them)."""
    section = f"<section id='{section_id}'><h2>Review</h2><p>{wrapped}</p><p>{wrapped}</p></section>"
    intro = f"<section><h1>Submitting patches</h1><p>{PROSE * 8}</p><p>{PROSE * 8}</p></section>"
    html = f"<html><body><div class='document'>{intro}{section}</div></body></html>"
    assert wrapped.split("\n")[1][:30] in extract(html).text


@pytest.mark.parametrize(
    "rows",
    [
        [f"Automatic watch model {i}\nItem# {59370 + i}\n${199 + i}.00" for i in range(10)],
        [f"Zapatilla de trail {i}\nRef. {4410 + i}\n{89 + i},95 €" for i in range(10)],
        [f"Wanderschuh Modell {i}\nArtikelnr. {3310 + i}\n{129 + i},00 €" for i in range(10)],
    ],
)
def test_a_short_extraction_that_lost_a_lists_rows_gives_way_to_the_whole_page(rows: list[str]) -> None:
    """Pruning can make trafilatura pick another block of a catalogue: the whole page's
    extraction wins when it holds the rows (one shape but for their numbers) that were lost."""
    pruned = (TextBlock("paragraph", "Shop with confidence: returns are free within 30 days."),)
    unpruned = (*pruned, TextBlock("list", "\n".join(rows)))
    assert _pruning_cost_text(pruned, unpruned)


SPECIFICATIONS = {
    "en": ["Body: Alder", "Neck: Maple", "Fingerboard: Rosewood", "Scale: 648 mm", "Pickups: 3 single coils"],
    "es": ["Cuerpo: aliso", "Mástil: arce", "Diapasón: palisandro", "Escala: 648 mm", "Pastillas: 3 simples"],
    "de": ["Korpus: Erle", "Hals: Ahorn", "Griffbrett: Palisander", "Mensur: 648 mm", "Pickups: 3"],
    "fr": ["Corps : aulne", "Manche : érable", "Touche : palissandre", "Diapason : 648 mm", "Micros : 3"],
}
PRODUCT_PROSE = (
    "This guitar pairs a classic body with a modern neck, and it stays in tune through long "
    "evenings on stage thanks to its locking machine heads."
)


@pytest.mark.parametrize("lang", SPECIFICATIONS)
def test_an_extraction_that_lost_a_products_specifications_gives_way_to_the_whole_page(lang: str) -> None:
    """Pruning a box can make trafilatura pick a block without the product's
    specifications ("label: value" lines): the whole page's extraction wins when it holds
    them, and all the prose the pruned one had."""
    pruned = (TextBlock("paragraph", PRODUCT_PROSE),)
    unpruned = (*pruned, TextBlock("list", "\n".join(SPECIFICATIONS[lang])))
    assert _pruning_cost_text(pruned, unpruned)


def test_specification_lines_never_replace_prose() -> None:
    """An extraction holding the product's description is not traded for one that holds
    its specifications without that description."""
    pruned = (TextBlock("paragraph", PRODUCT_PROSE * 2),)
    unpruned = (TextBlock("list", "\n".join(SPECIFICATIONS["en"])),)
    assert not _pruning_cost_text(pruned, unpruned)


def test_a_few_label_lines_are_not_a_products_specifications() -> None:
    """Four "label: value" lines (a dateline, a price) are no specification list."""
    pruned = (TextBlock("paragraph", PRODUCT_PROSE),)
    unpruned = (*pruned, TextBlock("list", "\n".join(SPECIFICATIONS["en"][:4])))
    assert not _pruning_cost_text(pruned, unpruned)


def test_a_short_extraction_does_not_give_way_to_a_menu() -> None:
    pruned = (TextBlock("paragraph", "Shop with confidence: returns are free within 30 days."),)
    menu = "\n".join(
        ["Home", "Men", "Women", "Kids", "Sale", "Gift cards", "Stores", "Help", "Log in", "Cart"]
    )
    assert not _pruning_cost_text(pruned, (*pruned, TextBlock("list", menu)))


@pytest.mark.parametrize(
    "items",
    [
        "More on query planning by Jane Doe\nFaster counting in SQL by John Roe",
        "Más sobre la planificación de consultas, de Ana Pérez\nContar filas más rápido, de Juan Ruiz",
        "Mehr zur Abfrageplanung von Anna Weber\nSchneller zählen in SQL von Max Muster",
    ],
)
def test_a_list_item_is_never_taken_for_a_junk_heading(items: str) -> None:
    """A reading list whose first link starts like "More on ..." is the page's list, not a
    "related" section's heading that would take the list with it."""
    blocks = [TextBlock("paragraph", PROSE.strip()), TextBlock("list", items)]
    assert [block.text for block in tidy(blocks, FACTS)] == [PROSE.strip(), items]


def test_the_rows_of_a_list_never_replace_prose() -> None:
    """The whole page's rows do not win over a pruned extraction holding prose they lack."""
    prose = (
        "Each course teaches you to read data and to explain what it shows to the people who need it.\n"
        "The programme runs over eight weeks and ends with a project that you present to your class.\n"
        "Teachers from three faculties answer your questions every week in a live session online."
    )
    rows = "\n".join(f"Online\nPrice\n${950 + i}\nDuration\n{4 + i} weeks long" for i in range(10))
    pruned = (TextBlock("paragraph", prose),)
    assert not _pruning_cost_text(pruned, (TextBlock("list", rows),))


@pytest.mark.parametrize(
    ("title", "description"),
    [
        ("Get started", "This page shows you how to install the tools on Windows, Mac and Linux"),
        ("Primeros pasos", "Esta página explica cómo instalar las herramientas en Windows, Mac y Linux"),
        (
            "Erste Schritte",
            "Diese Seite zeigt, wie man die Werkzeuge unter Windows, Mac und Linux installiert",
        ),
    ],
)
def test_a_paragraph_nested_in_a_list_item_stands_on_its_own_line(title: str, description: str) -> None:
    """trafilatura nests a card's description in its item: the words must not be glued."""
    body = etree.fromstring(f"<body><list><item>{title}<p>{description}</p></item></list></body>")
    assert [block.text for block in body_blocks(body)] == [f"{title}\n{description}"]


def test_a_hidden_panel_holding_prose_is_kept_and_a_hidden_label_goes() -> None:
    """`hidden` marks the closed panels of tabs and accordions (a guide's steps for another
    language) as well as dialogs: prose in such a panel is the page's own text."""
    panel = (
        "Install the library with your package manager, then open a new file called "
        "server.js and paste in the code below. Run it with node and send a text message "
        "to your number: the reply comes back within a few seconds."
    )
    html = (
        f"<html><body><article><p>{PROSE * 3}</p>"
        f"<div hidden><p>{panel}</p></div><div hidden><span>Close this dialog</span></div>"
        "</article></body></html>"
    )
    text = extract(html).text
    assert panel in text
    assert "Close this dialog" not in text


BODY_SENTENCES = {
    "en": [
        "The council voted on Monday to build new flood barriers along "
        "the whole river bank, after years of delays.",
        "Engineers say the barriers will protect four thousand homes "
        "and the old market from a hundred-year flood.",
        "Work starts in spring and should end before the autumn "
        "storms of next year, the mayor told reporters.",
        "Residents who lost their shops in the last flood asked for "
        "help with insurance while the work goes on.",
        "The cost, forty million euros, will be shared between the "
        "city, the region and a national flood fund.",
        "A public meeting on the plans will be held in the town hall "
        "on Thursday evening, the council announced.",
        "Opponents say the money would be better spent on moving the most exposed homes away from the river.",
        "The mayor answered that both would be done, and that the "
        "barriers were only the first step of the plan.",
    ],
    "es": [
        "El ayuntamiento aprobó el lunes la construcción de nuevas "
        "barreras a lo largo de toda la orilla del río.",
        "Los ingenieros dicen que las barreras protegerán cuatro mil "
        "viviendas y el viejo mercado de una gran crecida.",
        "Las obras empiezan en primavera y deberían terminar antes de "
        "las tormentas de otoño del año que viene.",
        "Los vecinos que perdieron sus tiendas en la última inundación "
        "pidieron ayuda con los seguros durante las obras.",
        "El coste, cuarenta millones de euros, se repartirá entre la ciudad, la región y un fondo nacional.",
        "Habrá una reunión pública sobre los planes el jueves por la "
        "tarde en el ayuntamiento, según el consistorio.",
        "Los críticos dicen que el dinero estaría mejor empleado en "
        "trasladar las casas más expuestas lejos del río.",
        "La alcaldesa respondió que se harán ambas cosas y que las "
        "barreras son solo el primer paso del plan.",
    ],
}


@pytest.mark.parametrize("lang", sorted(BODY_SENTENCES))
def test_a_second_copy_of_the_body_goes(lang: str) -> None:
    """Themes print the body again (for print, for mobile, in a closed tab): the text
    holds it once."""
    body = "\n".join(BODY_SENTENCES[lang])
    blocks = [TextBlock("paragraph", body), TextBlock("paragraph", "Share"), TextBlock("paragraph", body)]
    assert "\n".join(block.text for block in tidy(blocks, FACTS)) == body


def test_a_page_printing_its_article_twice_gives_it_once() -> None:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in BODY_SENTENCES["en"])
    html = f"<html><body><article>{paragraphs}<div class='print'>{paragraphs}</div></article></body></html>"
    assert extract(html).text == "\n\n".join(BODY_SENTENCES["en"])


def test_repeated_steps_and_a_repeated_sentence_stay() -> None:
    """A plan's steps repeated for a second day (short lines) and a sentence printed again
    as a pull quote are the page's own text, not a copy of it."""
    steps = "Breakfast\nEat within an hour of waking\nOats, berries and a spoon of nut butter"
    quote = BODY_SENTENCES["en"][2]
    blocks = [
        TextBlock("paragraph", "\n".join(BODY_SENTENCES["en"][:4])),
        TextBlock("heading", "Day 1"),
        TextBlock("list", steps),
        TextBlock("heading", "Day 2"),
        TextBlock("list", steps),
        TextBlock("quote", quote),
    ]
    assert tidy(blocks, FACTS) == tuple(blocks)


def _article_with_subheading(lang: str, subheading_html: str, subheading: str) -> tuple[str, str]:
    """A page whose article has `subheading_html` between its paragraphs, and its text."""
    first, second = BODY_SENTENCES[lang][:4], BODY_SENTENCES[lang][4:]
    paragraphs = ["".join(f"<p>{sentence}</p>" for sentence in part) for part in (first, second)]
    article = f"{paragraphs[0]}{subheading_html}<div>{paragraphs[1]}</div>"
    return f"<html><body><article>{article}</article></body></html>", "\n\n".join(
        [*first, subheading, *second]
    )


@pytest.mark.parametrize(
    ("anchor", "heading"),
    [
        ("h-how-to-grow-your-social-following", "How to Grow Your Social Following"),
        ("what-is-social-media-marketing", "What is Social Media Marketing?"),
        ("publicidad-en-redes-los-ads-que-funcionan", "Publicidad en redes: los ads que funcionan"),
        ("social-media-werbung-fur-kleine-firmen", "Social-Media-Werbung für kleine Firmen"),
        ("le-marketing-social-en-2024", "Le marketing social en 2024"),
    ],
)
def test_a_subheading_whose_anchor_holds_a_junk_word_stays(anchor: str, heading: str) -> None:
    """Markdown and page builders give each subheading an id made from its text: the
    words of the heading are no class names."""
    html, expected = _article_with_subheading("en", f"<h2 id='{anchor}'>{heading}</h2>", heading)
    assert extract(html).text == expected


def test_a_share_box_whose_id_starts_like_its_label_still_goes() -> None:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in BODY_SENTENCES["en"])
    box = "<div id='share-this-story'><span>Share</span> <a href='/fb'>Facebook</a> <a href='/x'>X</a></div>"
    text = extract(f"<html><body><article>{paragraphs}{box}</article></body></html>").text
    assert text == "\n\n".join(BODY_SENTENCES["en"])


@pytest.mark.parametrize("lang", sorted(BODY_SENTENCES))
def test_a_subheading_in_a_header_stays_over_its_prose(lang: str) -> None:
    """Themes put a section's heading in a `<header>` (page builders in a "widget"): a
    heading over prose that stays is the article's."""
    heading = {"en": "What the barriers will cost", "es": "Lo que costarán las barreras"}[lang]
    html, expected = _article_with_subheading(lang, f"<header><h2>{heading}</h2></header>", heading)
    assert extract(html).text == expected


def test_a_linked_heading_in_a_box_named_as_junk_still_goes() -> None:
    """A teaser's title is a link: its box goes even over an excerpt."""
    body = "".join(f"<p>{sentence}</p>" for sentence in BODY_SENTENCES["en"])
    teaser = (
        "<div class='teaser'><h3><a href='/other'>Bridge repairs to start in May</a></h3></div>"
        "<p class='teaser-text'>Work on the old rail bridge will begin in May "
        "and last until the end of the year, "
        "the transport office said on Friday, closing the line for weeks.</p>"
    )
    text = extract(f"<html><body><article>{body}</article>{teaser}</body></html>").text
    assert "Bridge repairs to start in May" not in text


STEPS = {
    "en": ["Open the app.", "Tap Settings.", "Choose Devices.", "Add the sensor.", "Name it."],
    "es": ["Abre la app.", "Toca Ajustes.", "Elige Dispositivos.", "Añade el sensor.", "Ponle nombre."],
}


def _widget(kind: str, inner: str) -> str:
    return (
        f"<div class='elementor-element elementor-widget elementor-widget-{kind}'>"
        f"<div class='elementor-widget-container'>{inner}</div></div>"
    )


@pytest.mark.parametrize("lang", sorted(BODY_SENTENCES))
def test_a_page_builders_text_blocks_named_widget_stay_and_its_share_box_goes(lang: str) -> None:
    """A page builder wraps every heading and paragraph in a "widget": where the page's
    main run of paragraphs is in one, the word names the text's blocks, not junk; a box
    named for what it is (sharing) still goes."""
    sentences = BODY_SENTENCES[lang]
    blocks = [
        _widget("text-editor", "".join(f"<p>{sentence}</p>" for sentence in sentences)),
        _widget("heading", "<h2>Setup</h2>"),
        *(_widget("text-editor", f"<p>{step}</p>") for step in STEPS[lang]),
        "<div class='elementor-widget elementor-widget-share-buttons'><a href='/fb'>Facebook</a>"
        "<a href='/x'>X</a><a href='/in'>LinkedIn</a></div>",
    ]
    text = extract(f"<html><body><main>{''.join(blocks)}</main></body></html>").text
    assert text == "\n\n".join([*sentences, "Setup", *STEPS[lang]])


def test_a_widget_beside_an_article_still_goes() -> None:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in BODY_SENTENCES["en"])
    widget = "<div class='widget widget_text'><h3>Opening hours</h3><p>Mon-Fri 9-5</p><p>Sat 10-2</p></div>"
    html = f"<html><body><div class='content'><article>{paragraphs}</article>{widget}</div></body></html>"
    assert extract(html).text == "\n\n".join(BODY_SENTENCES["en"])


def test_a_listicles_linked_item_titles_in_headers_stay_over_their_sections() -> None:
    """A "best of" list links each item's title (in a `<header>`) to the item's site; the
    section of prose under it makes it the article's heading, not a teaser's title."""
    items = [("Riverside Trail", BODY_SENTENCES["en"][:4]), ("Old Mill Loop", BODY_SENTENCES["en"][4:])]
    sections = "".join(
        f"<section><header><h3><a href='/t{i}'>{title}</a></h3></header>"
        + "".join(f"<p>{sentence}</p>" for sentence in sentences)
        + "</section>"
        for i, (title, sentences) in enumerate(items)
    )
    html = f"<html><body><article><p>{PROSE * 2}</p>{sections}</article></body></html>"
    text = extract(html).text
    assert "\n\nRiverside Trail\n\n" in text and "\n\nOld Mill Loop\n\n" in text


FAQ = [
    (
        "How can I protect my bike from theft?",
        "Thieves look for bikes that are easy and fast to steal, so make yours a challenge with these steps:",
        [
            "Secure your bike to a solid, immovable object that cannot be lifted away.",
            "Lock it in a busy area with security cameras nearby.",
            "Use more than one lock, so that a thief needs more than one tool.",
        ],
    ),
    (
        "Which locks do you offer?",
        "We offer keyed and combination locks, steel cables, folding locks and U-locks "
        "for every kind of bike.",
        [
            "U-locks resist cutting and prying but are heavy and rigid.",
            "Cables are light and versatile but easier to cut.",
            "Folding locks are strong and fold into a small bracket.",
        ],
    ),
    (
        "How do I reset a lost combination?",
        "Every combination lock can be reset at home in a few minutes, when you still have it open, "
        "by following the steps below:",
        [
            "Open the lock with the current combination and turn the shackle half a turn.",
            "Press the shackle down and set the new combination on the dials.",
            "Release the shackle and scramble the dials to test the new combination.",
        ],
    ),
]


def _category_page_less_its_menus() -> str:
    """A shop's category page as pruning leaves it: a small product box that trafilatura
    takes for the main one, and an FAQ whose questions and steps are not paragraphs."""
    answers = "".join(
        f"<div class='faq'><div class='question'>{question}</div><div><p>{answer}</p>"
        f"<ol>{''.join(f'<li>{step}</li>' for step in steps)}</ol></div></div>"
        for question, answer, steps in FAQ
    )
    products = "<div id='content'><p>Showing 12 bike locks</p><p>Sort by price</p></div>"
    return f"<html><body>{products}<section>{answers}</section></body></html>"


def test_a_short_extraction_covering_little_of_the_page_before_pruning_is_retried_for_recall() -> None:
    """trafilatura retries a short extraction in recall mode when it covers little of its
    input; pruning menus first makes the input small, so the retry is made against the
    page's text as it was before pruning: an FAQ's questions and steps are kept."""
    html = _category_page_less_its_menus()
    menus_and_all = 20_000  # the page's text before pruning: mostly menus
    text = "\n".join(block.text for block in _main_text(html, None, FACTS, menus_and_all))
    for question, _, steps in FAQ:
        assert question in text and all(step in text for step in steps)


def test_an_extraction_covering_much_of_the_page_before_pruning_is_not_retried() -> None:
    html = _category_page_less_its_menus()
    text = "\n".join(block.text for block in _main_text(html, None, FACTS, len(html)))
    assert FAQ[0][1] in text and FAQ[0][2][0] not in text


def test_pruning_measures_the_pages_text_before_it_removes_menus_but_not_its_scripts() -> None:
    menu = "<nav>" + "".join(f"<a href='/{i}'>Section {i}</a>" for i in range(20)) + "</nav>"
    script = "<script>var tracking = 'x'.repeat(5000);</script>"
    html = f"<html><body>{menu}{script}<article><p>{PROSE * 3}</p></article></body></html>"
    tree = LexborHTMLParser(html)
    pruning = prune(tree)
    menu_text = " ".join(f"Section {i}" for i in range(20))
    assert pruning.page_chars == len(f"{menu_text} {(PROSE * 3).strip()}")
    assert "Section 3" not in (tree.body.text() if tree.body is not None else "")
