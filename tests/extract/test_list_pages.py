"""Pages that are lists (catalogues, listings, job boards): their items are the content.

Pruning removes boxes named as junk ("caption", "widget", a `<header>`, text hidden from
screen readers) and tidying removes alt texts printed as lines and runs of teasers: on a
list page, the same names and shapes are what the page is about, and they must stay. The
same junk beside an article still goes (see test_junk.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pages import Placement, expected_text, page
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract._prune import prune

PRODUCTS = {
    "en": [
        "Waterproof hiking boots, brown", "Lightweight rain jacket, navy blue",
        "Insulated steel water bottle", "Folding trekking poles, carbon",
        "Merino wool hiking socks", "Two-person dome tent",
    ],
    "es": [
        "Botas de montaña impermeables", "Chaqueta ligera para la lluvia",
        "Botella térmica de acero", "Bastones plegables de carbono",
        "Calcetines de lana merina", "Tienda de campaña para dos",
    ],
    "de": [
        "Wasserdichte Wanderschuhe, braun", "Leichte Regenjacke, marineblau",
        "Isolierte Trinkflasche aus Stahl", "Faltbare Trekkingstöcke aus Carbon",
        "Wandersocken aus Merinowolle", "Kuppelzelt für zwei Personen",
    ],
    "fr": [
        "Chaussures de randonnée imperméables", "Veste de pluie légère, bleu marine",
        "Gourde isotherme en acier", "Bâtons de marche pliants en carbone",
        "Chaussettes en laine mérinos", "Tente dôme pour deux personnes",
    ],
}  # fmt: skip
DETAILS = {
    "en": "Free delivery on orders over 50 euros, returns within 30 days",
    "es": "Envío gratuito a partir de 50 euros, devolución en 30 días",
    "de": "Kostenloser Versand ab 50 Euro, Rückgabe innerhalb von 30 Tagen",
    "fr": "Livraison gratuite dès 50 euros, retour sous 30 jours",
}
MENU = '<nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/help">Help</a></nav>'


def _catalogue(cards: str) -> str:
    head = "<head><title>Outdoor gear</title></head>"
    return f"<html>{head}<body>{MENU}<main><h1>Outdoor gear</h1>{cards}</main></body></html>"


def _texts(text: str, names: list[str]) -> list[str]:
    return [name for name in names if name not in text]


def _products_lost(lang: str, card: Callable[[int, str], str], grid: str = "{}") -> list[str]:
    """The product names missing from the text of a catalogue made of one card per product."""
    cards = "".join(card(i, name) for i, name in enumerate(PRODUCTS[lang]))
    return _texts(extract(_catalogue(grid.format(cards))).text, PRODUCTS[lang])


@pytest.mark.parametrize("lang", PRODUCTS)
def test_product_cards_named_caption_stay(lang: str) -> None:
    def card(i: int, name: str) -> str:
        return (
            f"<div class='product'><img src='/p{i}.jpg' alt=''><div class='product-caption'>"
            f"<a href='/p/{i}'>{name}</a> <span>{19 + i},90 €</span> <p>{DETAILS[lang]}</p></div></div>"
        )

    assert _products_lost(lang, card) == []


@pytest.mark.parametrize("lang", PRODUCTS)
def test_a_catalogue_grid_naming_each_product_under_its_picture_keeps_the_names(lang: str) -> None:
    def card(i: int, name: str) -> str:
        image = f"<a href='/p/{i}'><img src='/p{i}.jpg' alt='{name}'></a>"
        return f"<div class='grid-item'>{image}<span>{name}</span></div>\n"

    assert _products_lost(lang, card, grid="<div class='grid'>{}</div>") == []


@pytest.mark.parametrize("lang", PRODUCTS)
def test_a_grid_of_cards_giving_name_price_and_number_under_each_picture_keeps_the_names(lang: str) -> None:
    """A card prints the picture's alt text as the product's name, then its price, rating
    and item number: the names are a quarter of the lines, and the page's own."""

    def card(i: int, name: str) -> str:
        image = f"<a href='/p/{i}'><img src='/p{i}.jpg' alt='{name}'></a>"
        lines = (name, f"{19 + i},90 €", f"{4 + i % 2},{i} ★", f"#{4711 + i}")
        return "<div class='grid-item'>" + image + "".join(f"<p>{line}</p>" for line in lines) + "</div>\n"

    assert _products_lost(lang, card, grid="<div class='grid'>{}</div>") == []


def test_teaser_rows_whose_excerpt_link_is_hidden_from_screen_readers_stay() -> None:
    """Cards repeat their link on the excerpt and hide that one from screen readers."""
    excerpts = [
        f"We took the {name.lower()} on a week in the hills: what held up, what did not"
        for name in PRODUCTS["en"]
    ]
    rows = "".join(
        f"<article class='story'><h2><a href='/s/{i}'>{name} reviewed</a></h2>"
        f"<a aria-hidden='true' href='/s/{i}'><p>{excerpt}</p></a></article>"
        for i, (name, excerpt) in enumerate(zip(PRODUCTS["en"], excerpts, strict=True))
    )
    assert _texts(extract(_catalogue(rows)).text, excerpts) == []


def test_job_rows_in_boxes_named_widget_stay() -> None:
    jobs = [
        "Senior backend engineer",
        "Data analyst",
        "Product designer",
        "Support specialist",
        "QA engineer",
    ]
    rows = "".join(
        f"<div class='elementor-widget elementor-widget-{i}a7f'><div class='elementor-widget-container'>"
        f"<h3>{job}</h3><p>Location: Remote</p><p>Salary: 60,000 - 80,000</p></div></div>"
        for i, job in enumerate(jobs)
    )
    assert _texts(extract(_catalogue(rows)).text, jobs) == []


def test_many_menu_entries_named_as_menus_still_go() -> None:
    entries = "".join(
        f"<div class='menu-item'><a href='/c/{i}'>{name}</a> <a href='/c/{i}/sale'>Sale</a></div>"
        for i, name in enumerate(PRODUCTS["en"])
    )
    html = page("en", Placement(after_article=f"<div class='site-links'>{entries}</div>"))
    assert extract(html).text == expected_text("en")


def test_teasers_that_are_the_whole_listing_stay() -> None:
    teasers = "".join(
        f"<div><h3><a href='/s/{i}'>{name} reviewed</a></h3>"
        f"<p>We took the {name.lower()} on a week of rain in the hills to see what held up…</p></div>"
        for i, name in enumerate(PRODUCTS["en"])
    )
    intro = "<p>Every piece of gear we tested this year, with the full review of each one below it.</p>"
    text = extract(_catalogue(intro + teasers)).text
    assert _texts(text, [f"{name} reviewed" for name in PRODUCTS["en"]]) == []


DESCRIPTIONS = {
    "en": [
        "The simple design with clean lines makes the shelf easy to place in any room of the home, old or new.",
        "Stand it upright as a bookcase or lay it down on its side and use it as a low sideboard in the hall instead.",
        "Display your favourite things on the open shelves, or add boxes and doors to hide away all of the rest.",
    ],
    "es": [
        "El diseño sencillo y de líneas limpias hace que la estantería encaje en cualquier habitación de la casa.",
        "Colócala en vertical como librería o en horizontal para usarla como aparador bajo en el recibidor de casa.",
        "Expón tus objetos favoritos en los estantes abiertos o añade cajas y puertas para guardar todo el resto.",
    ],
    "de": [
        "Das schlichte Design mit klaren Linien passt das Regal in jeden Raum der Wohnung ein, ob alt oder neu.",
        "Stell es hochkant als Bücherregal auf oder leg es hin und nutze es als niedriges Sideboard im Flur.",
        "Zeig deine Lieblingsstücke in den offenen Fächern oder füge Boxen und Türen für all den Rest hinzu.",
    ],
}


@pytest.mark.parametrize("lang", DESCRIPTIONS)
def test_a_product_description_split_into_small_boxes_named_modal_is_not_pruned(lang: str) -> None:
    """Each box is under the prose a name alone may remove; together they are the text."""
    paragraphs = "".join(f"<p class='product-details-modal__paragraph'>{p}</p>" for p in DESCRIPTIONS[lang])
    details = f"<p>{DETAILS[lang]}.</p><ul><li>80 x 147 cm</li><li>16 kg</li><li>4 x 4</li></ul>"
    product = f"<h2>Shelf unit, white</h2><span>79,99 €</span>{paragraphs}{details}"
    tree = LexborHTMLParser(_catalogue(f"<div class='product'>{product}</div>"))
    prune(tree)
    assert tree.body is not None
    assert _texts(tree.body.text(), DESCRIPTIONS[lang]) == []
