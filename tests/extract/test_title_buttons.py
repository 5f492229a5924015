"""A FAQ or an accordion writes each question as a button that opens its answer: inside a
heading (`<h3><button>`) or holding one (`<button><h5>`). Those questions are the page's
text and stay; every other button (a menu toggle, "Add to cart") goes with the form
controls."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract._prune import prune, prune_structure

FAQS = {
    "en": [
        (
            "How long can I rent the equipment for?",
            "You can rent any item for a day, a week or a whole month, and extend it online.",
        ),
        (
            "Do you deliver to my address?",
            "We deliver to every address in the country within two working days, free above fifty euros.",
        ),
    ],
    "es": [
        (
            "¿Cuánto tiempo puedo alquilar el equipo?",
            "Puede alquilar cualquier artículo por un día, una semana o un mes entero, y ampliarlo en línea.",
        ),
        (
            "¿Hacen entregas a mi dirección?",
            "Entregamos en todo el país en dos días laborables, gratis desde cincuenta euros.",
        ),
    ],
    "de": [
        (
            "Wie lange kann ich die Ausrüstung mieten?",
            "Sie können jeden Artikel für einen Tag, eine Woche oder einen ganzen Monat mieten.",
        ),
        (
            "Liefern Sie an meine Adresse?",
            "Wir liefern an jede Adresse im Land innerhalb von zwei Werktagen, ab fünfzig Euro frei.",
        ),
    ],
    "fr": [
        (
            "Combien de temps puis-je louer le matériel ?",
            "Vous pouvez louer chaque article pour un jour, une semaine ou un mois entier.",
        ),
        (
            "Livrez-vous à mon adresse ?",
            "Nous livrons partout dans le pays en deux jours ouvrés, gratuitement dès cinquante euros.",
        ),
    ],
}
INTRO = (
    "<p>Renting your gear is simple: choose the items, pick the dates and we bring everything to your door,"
    " checked and cleaned, ready for the trip you have been planning all year.</p>"
)


def _heading_around(question: str) -> str:
    button = f"<button type='button' class='accordion-button'>{question}</button>"
    return f"<h3 class='accordion-header'>{button}</h3>"


def _heading_inside(question: str) -> str:
    return f"<button type='button' class='flex'><h5>{question}</h5><div class='icon'></div></button>"


MARKUPS = {"button in heading": _heading_around, "heading in button": _heading_inside}


def _faq_page(lang: str, markup: str) -> str:
    title = MARKUPS[markup]
    items = "".join(
        f"<div class='item'>{title(q)}<div class='panel'><p>{a}</p></div></div>" for q, a in FAQS[lang]
    )
    menu = "<button type='button' class='menu-toggle'>Open menu</button>"
    return f"<html><body>{menu}<main><h1>Rentals</h1>{INTRO}<h2>FAQ</h2>{items}</main></body></html>"


@pytest.mark.parametrize("markup", MARKUPS)
@pytest.mark.parametrize("lang", FAQS)
def test_the_questions_of_a_faq_written_as_buttons_stay(lang: str, markup: str) -> None:
    text = extract(_faq_page(lang, markup)).text
    for question, answer in FAQS[lang]:
        assert question in text
        assert text.index(question) < text.index(answer)


@pytest.mark.parametrize("pruning", [prune, prune_structure])
def test_other_buttons_still_go(pruning: object) -> None:
    tree = LexborHTMLParser(_faq_page("en", "button in heading"))
    pruning(tree)  # type: ignore[operator]
    assert tree.body is not None
    text = tree.body.text()
    assert "Open menu" not in text
    assert FAQS["en"][0][0] in text
