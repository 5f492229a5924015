"""How the engine chooses among its extractions: the pruned page's, that of the page less
only its structural junk (only on evidence that pruning cost article text), and every
paragraph of the pruned page (when trafilatura picked one box of many)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper import extract
from scraper.extract._article import TextBlock
from scraper.extract._engine import _or_all_boxes, _or_all_paragraphs, _whole_page_check
from scraper.extract._prune import Pruning, prune_structure
from scraper.extract._tidy import PageFacts

FACTS = PageFacts(headlines=frozenset(), image_texts=frozenset())
SENTENCES = [
    f"Box {n} of the story follows the harbour's fishermen, who set out before dawn on every day of the year."
    for n in range(12)
]
LONG_TEXT = (TextBlock("paragraph", " ".join(SENTENCES)),)


def _boxes(texts: list[str]) -> str:
    boxes = "".join(f'<div class="box"><p>{text}</p></div>' for text in texts)
    return f"<html><body><main>{boxes}</main></body></html>"


def test_one_box_of_many_is_replaced_by_every_paragraph_of_the_pruned_page() -> None:
    picked = (TextBlock("paragraph", SENTENCES[0]),)
    blocks = _or_all_paragraphs(picked, _boxes(SENTENCES), FACTS, short=True)
    assert [block.text for block in blocks] == SENTENCES


def test_a_menu_is_not_taken_for_the_article() -> None:
    picked = (TextBlock("paragraph", SENTENCES[0]),)
    menu = _boxes([f"Section {n}" for n in range(200)])
    assert _or_all_paragraphs(picked, menu, FACTS, short=True) == picked


def test_paragraphs_that_add_little_leave_the_extraction_as_it_is() -> None:
    picked = (TextBlock("paragraph", " ".join(SENTENCES[:6])),)
    assert _or_all_paragraphs(picked, _boxes(SENTENCES), FACTS, short=True) == picked


def test_a_long_extraction_that_is_not_short_of_the_pages_prose_is_kept() -> None:
    assert _or_all_paragraphs(LONG_TEXT, _boxes(SENTENCES * 5), FACTS, short=False) == LONG_TEXT


def test_the_page_is_read_again_only_on_evidence_that_pruning_cost_text() -> None:
    nothing_lost = Pruning(prose_chars=100, named_share=0.01, prose_left=1000)
    assert _whole_page_check(nothing_lost, LONG_TEXT) is None
    assert _whole_page_check(nothing_lost, ()) == "full"
    short_of_prose = Pruning(prose_chars=0, named_share=0.0, prose_left=10 * len(LONG_TEXT[0].text))
    assert _whole_page_check(short_of_prose, LONG_TEXT) == "full"
    prose_went_by_name = Pruning(prose_chars=5000, named_share=0.4, prose_left=1000)
    assert _whole_page_check(prose_went_by_name, LONG_TEXT) == "full"
    much_went_by_name = Pruning(prose_chars=0, named_share=0.5, prose_left=1000)
    assert _whole_page_check(much_went_by_name, LONG_TEXT) == "fast"


def test_the_page_read_again_keeps_what_names_pruned_but_not_menus_or_scripts() -> None:
    page = LexborHTMLParser(
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<script>var tracking = 1;</script>"
        f"<div class='comment'><p>{SENTENCES[0]}</p></div>"
        f"<div class='related-posts'><p>{SENTENCES[1]}</p></div>"
        "<noscript><p>This page shows its text to readers without scripts too.</p></noscript>"
        "<footer>Copyright the publisher</footer></body></html>"
    )
    prune_structure(page)
    text = page.body.text() if page.body is not None else ""
    assert SENTENCES[0] in text and SENTENCES[1] in text
    assert "readers without scripts" in text
    assert "News" not in text and "tracking" not in text and "Copyright" not in text


def test_text_that_only_a_noscript_fallback_holds_is_extracted() -> None:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in SENTENCES)
    page = (
        f"<html><body><div id='app'></div><noscript><article>{paragraphs}</article></noscript></body></html>"
    )
    article = extract(page)
    assert article.text is not None and SENTENCES[0] in article.text and SENTENCES[-1] in article.text


def _split_article(box: str, other: str) -> LexborHTMLParser:
    first = "".join(f"<p>{text}</p>" for text in SENTENCES[:4])
    second = "".join(f"<p>{text}</p>" for text in SENTENCES[4:])
    return LexborHTMLParser(
        f"<html><body><main><div class='grid'><div class='{box}'>{first}</div></div>"
        "<div class='grid'><div class='ad-slot'>Advertisement</div></div>"
        f"<div class='grid'><div class='{other}'>{second}</div></div></main></body></html>"
    )


ROOM_FOR_MORE = Pruning(prose_left=len(" ".join(SENTENCES)))
FIRST_BOX = tuple(TextBlock("paragraph", text) for text in SENTENCES[:4])


def test_an_article_split_over_boxes_of_one_kind_is_given_whole() -> None:
    page = _split_article("article__body body", "article__body body")
    blocks = _or_all_boxes(FIRST_BOX, page, FACTS, ROOM_FOR_MORE)
    assert [block.text for block in blocks] == SENTENCES


def test_a_box_of_another_kind_is_not_added_to_the_article() -> None:
    page = _split_article("article__body body", "related-stories")
    assert _or_all_boxes(FIRST_BOX, page, FACTS, ROOM_FOR_MORE) == FIRST_BOX


def test_boxes_without_a_class_name_say_nothing_of_their_kind() -> None:
    page = _split_article("", "")
    assert _or_all_boxes(FIRST_BOX, page, FACTS, ROOM_FOR_MORE) == FIRST_BOX


def test_an_extraction_holding_the_pages_prose_is_not_looked_at_again() -> None:
    page = _split_article("article__body body", "article__body body")
    nothing_more = Pruning(prose_left=len(" ".join(SENTENCES[:4])) // 2)
    assert _or_all_boxes(FIRST_BOX, page, FACTS, nothing_more) == FIRST_BOX
