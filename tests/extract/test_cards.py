"""A grid of cards (a catalogue's product tiles, a listing's rows, a service page's boxes)
is the content of its page: when trafilatura keeps only a blurb and leaves the cards out,
they go back, where the grid is on the page. Menus, lists of names, comments and a box of
related products beside a product's description are not such grids and stay out."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract import _engine
from scraper.extract._article import TextBlock
from scraper.extract._cards import with_missing_cards
from scraper.extract._tidy import PageFacts

FACTS = PageFacts(headlines=frozenset(), image_texts=frozenset())

# Per language: the category's blurb, then (name, price, brand) of each product.
CATALOGUES = {
    "en": ("Our office chairs support your back through the longest working day.", [
        ("Mesh task chair with lumbar support", "$403.00", "SitOnIt"),
        ("High back executive chair, leather", "$595.00", "Open Plan"),
        ("Heavy duty ergonomic tilter chair", "$1,095.00", "Dauphin"),
        ("Armless mid back task chair", "$353.00", "Hon"),
        ("Drafting stool with foot ring", "$249.00", "Friant"),
    ]),
    "es": ("Nuestras sillas de oficina cuidan su espalda durante toda la jornada.", [
        ("Silla de malla con soporte lumbar", "403,00 €", "Sentado"),
        ("Sillón de dirección en piel", "595,00 €", "Plano Abierto"),
        ("Silla ergonómica reforzada", "1.095,00 €", "Delfín"),
        ("Silla operativa sin brazos", "353,00 €", "Honda"),
        ("Taburete alto con aro reposapiés", "249,00 €", "Frío"),
    ]),
    "de": ("Unsere Bürostühle stützen Ihren Rücken den ganzen Arbeitstag lang.", [
        ("Netzstuhl mit Lordosenstütze", "403,00 €", "Sitzgut"),
        ("Chefsessel mit hoher Lehne, Leder", "595,00 €", "Offenplan"),
        ("Robuster ergonomischer Drehstuhl", "1.095,00 €", "Delfin"),
        ("Arbeitsstuhl ohne Armlehnen", "353,00 €", "Hohn"),
        ("Zeichnerstuhl mit Fußring", "249,00 €", "Fried"),
    ]),
    "fr": ("Nos sièges de bureau soutiennent votre dos pendant toute la journée.", [
        ("Siège en résille avec soutien lombaire", "403,00 €", "Assis"),
        ("Fauteuil de direction en cuir", "595,00 €", "Plan Ouvert"),
        ("Siège ergonomique renforcé", "1 095,00 €", "Dauphin"),
        ("Chaise de travail sans accoudoirs", "353,00 €", "Hon"),
        ("Tabouret haut avec repose-pieds", "249,00 €", "Friand"),
    ]),
}  # fmt: skip
# A line of each card, the same on all of them.
DELIVERY = {
    "en": "Free delivery, returns within 30 days",
    "es": "Envío gratuito, devolución en 30 días",
    "de": "Kostenloser Versand, Rückgabe in 30 Tagen",
    "fr": "Livraison gratuite, retour sous 30 jours",
}
OUTRO = "Every chair ships assembled, with a five-year warranty on its frame and its mechanism."


def _div_card(name: str, price: str, brand: str, delivery: str) -> str:
    return (
        f"<div class='product-card'><a href='/p'><img src='/p.jpg' alt=''></a>"
        f"<a class='name' href='/p'>{name}</a><span class='price'>{price}</span>"
        f"<span class='brand'>{brand}</span><div>{delivery}</div></div>"
    )


def _li_card(name: str, price: str, brand: str, delivery: str) -> str:
    return (
        f"<li class='product'><h3><a href='/p'>{name}</a></h3>"
        f"<p>{price}</p><p>{brand}</p><p>{delivery}</p></li>"
    )


def _row_card(name: str, price: str, brand: str, delivery: str) -> str:
    return f"<tr><td><a href='/p'>{name}</a></td><td>{price}</td><td>{brand}</td><td>{delivery}</td></tr>"


MARKUPS = {
    "div": (_div_card, "<div class='product-grid'>{}</div>"),
    "li": (_li_card, "<ul class='products'>{}</ul>"),
    "tr": (_row_card, "<table><tbody>{}</tbody></table>"),
}


def _catalogue(lang: str, markup: str, *, outro: str = "") -> LexborHTMLParser:
    blurb, products = CATALOGUES[lang]
    card, grid = MARKUPS[markup]
    cards = grid.format("".join(card(*product, DELIVERY[lang]) for product in products))
    return LexborHTMLParser(f"<html><body><main><p>{blurb}</p>{cards}{outro}</main></body></html>")


def _text(blocks: tuple[TextBlock, ...]) -> str:
    return "\n".join(block.text for block in blocks)


@pytest.mark.parametrize("markup", MARKUPS)
@pytest.mark.parametrize("lang", CATALOGUES)
def test_the_cards_of_a_grid_left_out_go_back_after_the_blurb(lang: str, markup: str) -> None:
    blurb, products = CATALOGUES[lang]
    blocks = with_missing_cards((TextBlock("paragraph", blurb),), _catalogue(lang, markup), FACTS)
    assert blocks[0].text == blurb
    expected = [[*product, DELIVERY[lang]] for product in products]
    assert [block.text.splitlines() for block in blocks[1:]] == expected


def test_the_cards_go_between_the_blocks_around_the_grid() -> None:
    blurb, products = CATALOGUES["en"]
    kept = (TextBlock("paragraph", blurb), TextBlock("paragraph", OUTRO))
    blocks = with_missing_cards(kept, _catalogue("en", "div", outro=f"<p>{OUTRO}</p>"), FACTS)
    assert blocks[0] == kept[0] and blocks[-1] == kept[1]
    assert len(blocks) == 2 + len(products)


def test_cards_the_extraction_holds_are_not_added_twice() -> None:
    blurb, products = CATALOGUES["en"]
    held = TextBlock("paragraph", "\n".join([*products[0], DELIVERY["en"]]))
    blocks = with_missing_cards((TextBlock("paragraph", blurb), held), _catalogue("en", "li"), FACTS)
    assert _text(blocks).count(products[0][0]) == 1
    assert all(name in _text(blocks) for name, _, _ in products)


def test_a_grid_smaller_than_the_extraction_stays_out() -> None:
    """A product page's description beside a box of related products: the description is
    the content, the box is not."""
    description = " ".join(["This chair adjusts in height, depth and tilt, and its mesh back breathes."] * 12)
    page = _catalogue("en", "div", outro=f"<p>{description}</p>")
    kept = (TextBlock("paragraph", description),)
    assert with_missing_cards(kept, page, FACTS) == kept


def test_a_menu_of_link_lists_stays_out() -> None:
    columns = "".join(
        f"<li class='menu-column'><a href='/c'>Category {c}</a><ul>"
        + "".join(f"<li><a href='/c/{c}/{i}'>Section {c}.{i} of the shop</a></li>" for i in range(8))
        + "</ul></li>"
        for c in range(5)
    )
    page = LexborHTMLParser(f"<html><body><p>{CATALOGUES['en'][0]}</p><ul>{columns}</ul></body></html>")
    kept = (TextBlock("paragraph", CATALOGUES["en"][0]),)
    assert with_missing_cards(kept, page, FACTS) == kept


def test_a_list_of_names_stays_out() -> None:
    """One piece of text a card: a list of authors, of tags, of links."""
    names = "".join(f"<li class='author'><a href='/a/{i}'>Author Number {i}</a></li>" for i in range(40))
    page = LexborHTMLParser(f"<html><body><p>{OUTRO}</p><ul>{names}</ul></body></html>")
    kept = (TextBlock("paragraph", OUTRO),)
    assert with_missing_cards(kept, page, FACTS) == kept


def test_comments_beside_an_article_stay_out() -> None:
    """A run of boxes of sentences is an article's comments (or a thread's posts): the
    checks for lost prose judge those, not this stage."""
    comment = (
        "<li class='comment'><b>reader{0}</b><span>2 days ago</span><p>I have read this twice and I still"
        " think the author misses the point about the cost of training new staff.</p><p>Still, the figures"
        " on hiring are worth the read for anyone who runs a team of any size.</p></li>"
    )
    comments = "".join(comment.format(i) for i in range(8))
    page = LexborHTMLParser(f"<html><body><article><p>{OUTRO}</p></article><ol>{comments}</ol></body></html>")
    kept = (TextBlock("paragraph", OUTRO),)
    assert with_missing_cards(kept, page, FACTS) == kept


def test_the_junk_lines_of_a_card_are_tidied() -> None:
    blurb, products = CATALOGUES["en"]
    cards = "".join(
        f"<div class='tile'><a href='/p'>{name}</a><span>{price}</span><span>Advertisement</span></div>"
        for name, price, _ in products
    )
    page = LexborHTMLParser(f"<html><body><p>{blurb}</p><div class='grid'>{cards}</div></body></html>")
    text = _text(with_missing_cards((TextBlock("paragraph", blurb),), page, FACTS))
    assert "Advertisement" not in text
    assert all(name in text for name, _, _ in products)


def test_extract_puts_back_the_cards_its_extraction_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole pipeline: whatever the extraction keeps, the grid's cards follow the blurb."""
    blurb, products = CATALOGUES["de"]
    monkeypatch.setattr(_engine, "_body_text", lambda *args: (TextBlock("paragraph", blurb),))
    text = extract(_catalogue("de", "li").html or "").text
    assert text.startswith(blurb)
    assert all(name in text for name, _, _ in products)


# Per language: a short news brief's sentence, and a date as its sites print it.
BRIEFS = {
    "en": (
        "The son of a former president was stabbed to death during a lecture at a Berlin clinic.",
        "November 20, 2019",
    ),
    "es": (
        "El hijo de un expresidente murió apuñalado durante una conferencia en una clínica de Berlín.",
        "20 de noviembre de 2019",
    ),
    "de": (
        "Der Sohn eines früheren Bundespräsidenten ist bei einem Vortrag in Berlin erstochen worden.",
        "20. November 2019",
    ),
}


def _dated_cards(date: str) -> str:
    card = "<div class='story'><a href='/s/{0}'>Story number {0} of the day, in a few words</a><span>By</span><span>Staff writer</span><span>{1}</span></div>"  # noqa: E501
    return "<div class='stories'>" + "".join(card.format(i, date) for i in range(10)) + "</div>"


@pytest.mark.parametrize("lang", BRIEFS)
def test_dated_teasers_beside_an_article_stay_out(lang: str) -> None:
    """A short article and a sidebar of dated stories: the stories are not the page's."""
    brief, date = BRIEFS[lang]
    page = LexborHTMLParser(
        f"<html><body><article><p>{brief}</p></article>{_dated_cards(date)}</body></html>"
    )
    kept = (TextBlock("paragraph", brief),)
    assert with_missing_cards(kept, page, FACTS) == kept


@pytest.mark.parametrize("lang", BRIEFS)
def test_the_dated_posts_of_a_listing_go_back(lang: str) -> None:
    """A blog's index: the extraction holds its title line and no prose, the posts are the page."""
    _, date = BRIEFS[lang]
    page = LexborHTMLParser(f"<html><body><h2>Latest stories</h2>{_dated_cards(date)}</body></html>")
    blocks = with_missing_cards((TextBlock("heading", "Latest stories"),), page, FACTS)
    assert [line for block in blocks for line in block.text.splitlines() if line.startswith("Story")] == [
        f"Story number {i} of the day, in a few words" for i in range(10)
    ]


def test_a_card_naming_its_picture_keeps_its_name() -> None:
    """Catalogues print each product's name under its picture, whose alt text is the name:
    in a grid that is the item's name, not an image described twice."""
    blurb, products = CATALOGUES["fr"]
    cards = "".join(
        f"<li class='product'><a href='/p'><img src='/p.jpg' alt='{name}'></a>"
        f"<h3><a href='/p'>{name}</a></h3><p>{price}</p><p>{brand}</p></li>"
        for name, price, brand in products
    )
    page = LexborHTMLParser(f"<html><body><p>{blurb}</p><ul class='products'>{cards}</ul></body></html>")
    facts = PageFacts(headlines=frozenset(), image_texts=frozenset(name.lower() for name, _, _ in products))
    text = _text(with_missing_cards((TextBlock("paragraph", blurb),), page, facts))
    assert all(name in text for name, _, _ in products)
