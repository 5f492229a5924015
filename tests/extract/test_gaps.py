"""A list or a subheading that trafilatura dropped from between two lines it kept goes back
between them, and so does a run of them; a list of links, a list already in the text and a
list whose neighbours are not next to each other in the text stay as they are."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract import _engine
from scraper.extract._article import TextBlock
from scraper.extract._gaps import with_gap_runs
from scraper.extract._tidy import PageFacts

FACTS = PageFacts(headlines=frozenset(), image_texts=frozenset())
INTRO = "The standards ask every firm to follow a handful of principles, and here they are:"
OUTRO = "Tax and audit-ready books follow from these principles, whatever the size of the firm."
ITEMS = [
    "Regularity: the books conform to the rules and laws in force.",
    "Consistency: the same methods apply from one period to the next.",
]
KEPT = (TextBlock("paragraph", INTRO), TextBlock("paragraph", OUTRO))


def _page(between: str, *, intro: str = INTRO) -> LexborHTMLParser:
    return LexborHTMLParser(
        f"<html><body><article><p>{intro}</p>{between}<p>{OUTRO}</p></article></body></html>"
    )


def _list(items: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


@pytest.mark.parametrize("tag", ["ul", "ol"])
def test_a_list_dropped_between_two_kept_paragraphs_goes_back_between_them(tag: str) -> None:
    blocks = with_gap_runs(KEPT, _page(_list(ITEMS, tag)), FACTS)
    assert blocks == (KEPT[0], TextBlock("list", "\n".join(ITEMS)), KEPT[1])


def test_a_run_of_subheadings_and_lists_goes_back_in_order() -> None:
    run = f"<h3>Pros</h3>{_list(ITEMS[:1])}<h3>Cons</h3>{_list(ITEMS[1:])}"
    blocks = with_gap_runs(KEPT, _page(run), FACTS)
    assert [(block.kind, block.text) for block in blocks] == [
        ("paragraph", INTRO),
        ("heading", "Pros"),
        ("list", ITEMS[0]),
        ("heading", "Cons"),
        ("list", ITEMS[1]),
        ("paragraph", OUTRO),
    ]


def test_a_subheading_dropped_between_two_kept_paragraphs_goes_back() -> None:
    blocks = with_gap_runs(KEPT, _page("<h2>Final thoughts on the principles</h2>"), FACTS)
    assert blocks == (KEPT[0], TextBlock("heading", "Final thoughts on the principles"), KEPT[1])


def test_spacers_without_a_word_do_not_part_a_run_from_its_neighbours() -> None:
    spacer = "<p>&nbsp;</p><p>\u200d</p><p>* * *</p>"
    blocks = with_gap_runs(KEPT, _page(f"{spacer}<h3>Pros</h3>{spacer}{_list(ITEMS)}{spacer}"), FACTS)
    assert [block.kind for block in blocks] == ["paragraph", "heading", "list", "paragraph"]


def test_a_subheading_the_text_holds_is_the_neighbour_of_a_dropped_list() -> None:
    kept = (KEPT[0], TextBlock("heading", "Overview"), KEPT[1])
    blocks = with_gap_runs(kept, _page(f"{_list(ITEMS)}<h2>Overview</h2>"), FACTS)
    assert [block.kind for block in blocks] == ["paragraph", "list", "heading", "paragraph"]


def test_a_list_goes_back_inside_a_block_of_many_lines_which_it_splits() -> None:
    """A layout table's cell comes out as one block of many paragraphs."""
    cell = (TextBlock("table", f"{INTRO}\n{OUTRO}"),)
    blocks = with_gap_runs(cell, _page(_list(ITEMS)), FACTS)
    assert blocks == (
        TextBlock("table", INTRO),
        TextBlock("list", "\n".join(ITEMS)),
        TextBlock("table", OUTRO),
    )


def test_a_list_of_links_between_two_paragraphs_stays_out() -> None:
    related = [f'<a href="/story-{n}">Another story of the week, number {n}</a>' for n in range(4)]
    assert with_gap_runs(KEPT, _page(_list(related)), FACTS) == KEPT


def test_a_list_already_in_the_text_is_not_added_twice() -> None:
    kept = (KEPT[0], TextBlock("list", ITEMS[0]), KEPT[1])
    assert with_gap_runs(kept, _page(_list(ITEMS)), FACTS) == kept


def test_a_list_whose_neighbours_are_apart_in_the_text_stays_out() -> None:
    apart = (KEPT[0], TextBlock("paragraph", "A paragraph the page prints elsewhere."), KEPT[1])
    assert with_gap_runs(apart, _page(_list(ITEMS)), FACTS) == apart


def test_a_list_next_to_text_the_extraction_left_out_stays_out() -> None:
    page = _page(_list(ITEMS), intro="Sign up for our newsletter and never miss a story again")
    assert with_gap_runs(KEPT, page, FACTS) == KEPT


def test_the_junk_lines_of_a_restored_list_are_tidied() -> None:
    blocks = with_gap_runs(KEPT, _page(_list([*ITEMS, "Advertisement"])), FACTS)
    assert "Advertisement" not in "\n".join(block.text for block in blocks)
    assert ITEMS[1] in blocks[1].text


def test_extract_puts_back_a_list_its_extraction_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole pipeline: whatever the extraction keeps, a dropped list is put back."""
    monkeypatch.setattr(_engine, "_body_text", lambda *args: KEPT)
    html = _page(_list(ITEMS)).html or ""
    assert extract(html).text == "\n\n".join([INTRO, "\n".join(ITEMS), OUTRO])
