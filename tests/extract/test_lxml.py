"""The trees handed to trafilatura: parsed here, they must give what trafilatura's own
parse of the same string gives."""

from __future__ import annotations

import threading
from pathlib import Path

import lxml.html
import pytest
import trafilatura
from lxml import etree

from scraper.extract._lxml import html_tree

SEED_PAGE = Path(__file__).parents[1] / "fixtures" / "seed-page.html"
FORM_PAGE = """<html><body><article><h1>Opening hours</h1>
<p>The library opens at nine on weekdays and at ten on Saturdays, all year round.</p>
<form action="/search"><label>Search</label><input name="q"><select><option>All</option></select>
<textarea>Note</textarea></form>
<p>It closes on public holidays, which the notice board at the entrance lists each month.</p>
</article></body></html>"""

# Text of every width: Latin-1, the rest of the BMP, and beyond it (emoji), which lxml
# reads from a str in three different encodings.
WORLD_PAGE = """<html><body><article><h1>Café — 東京 🙂</h1>
<p>Le café ouvre à neuf heures, et la terrasse reste ouverte jusqu’au soir en été.</p>
<p>東京の喫茶店は朝九時に開店し、夜まで営業しています。テラス席もあります。</p>
<p>Emoji in a sentence 🙂 stay where they are 🎉, between the words of the paragraph.</p>
</article></body></html>"""


def _body_text(source: str | lxml.html.HtmlElement) -> str:
    document = trafilatura.bare_extraction(
        source, include_comments=False, include_tables=True, with_metadata=False, output_format="txt"
    )
    return etree.tostring(document.body, encoding="unicode")


@pytest.mark.parametrize(
    "page", [SEED_PAGE.read_text(encoding="utf-8"), FORM_PAGE, WORLD_PAGE], ids=["seed", "form", "world"]
)
def test_trafilatura_extracts_the_same_body_from_the_tree_as_from_the_string(page: str) -> None:
    assert _body_text(html_tree(page)) == _body_text(page)


def test_every_element_is_a_plain_html_element_even_in_a_form() -> None:
    tree = html_tree(FORM_PAGE)
    assert isinstance(tree, lxml.html.HtmlElement)
    assert {type(element) for element in tree.iter(etree.Element)} == {lxml.html.HtmlElement}


DECLARED_XML = "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>"


@pytest.mark.parametrize("html", ["", "   ", DECLARED_XML])
def test_what_lxml_cannot_parse_here_is_left_to_trafilatura_as_a_string(html: str) -> None:
    assert html_tree(html) == html


def test_threads_parsing_at_once_each_get_their_whole_tree() -> None:
    pages = [f"<html><body>{'<p>paragraph</p>' * (100 + n)}</body></html>" for n in range(8)]
    counts: dict[int, int] = {}

    def parse(n: int) -> None:
        for _ in range(20):
            tree = html_tree(pages[n])
            assert not isinstance(tree, str)
            counts[n] = len(tree.findall(".//p"))

    threads = [threading.Thread(target=parse, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counts == {n: 100 + n for n in range(8)}
