"""The evidence extraction weighs reads the same in every script: a sentence of prose ends
with the marks of its language (。！？ ؟ ।) and is as long in Chinese at a third of the
characters; words are counted in scripts written without spaces too. Without this a
Chinese or Japanese article reads as no prose at all: its boxes lose the protection prose
gives, and every such page is extracted twice, checked as if it were a menu."""

from __future__ import annotations

import pytest

from scraper import extract
from scraper.extract._article import TextBlock
from scraper.extract._engine import _whole_page_check
from scraper.extract._prune import Pruning, is_prose_line

PARAGRAPHS = {
    "en": [
        "The council voted on Monday to build new flood barriers along the whole river bank, "
        "and work will start next spring.",
        "The barriers will cost about two hundred million euros, shared equally between the "
        "state and the city, officials said.",
        "Most residents welcome the plan, although some shop owners fear losing trade while "
        "the works close the riverside road.",
        "Engineers say that other cities will need similar defences as heavy rain becomes more "
        "frequent with the changing climate.",
    ],
    "zh": [
        "市议会周一投票决定沿整条河岸修建新的防洪屏障，工程将于明年春天开始，预计持续两年。",
        "官员表示，这些屏障的造价约为两亿欧元，由国家和城市平均分担，其余费用来自保险基金。",
        "大多数居民欢迎这项计划，但一些店主担心施工期间沿河道路关闭会导致生意大幅减少。",
        "工程师们说，随着气候变化带来的暴雨越来越频繁，其他城市也将需要类似的防御设施。",
    ],
    "ja": [
        "市議会は月曜日、川岸全体に沿って新しい防潮堤を建設することを決め、工事は来年の春に始まる。",
        "担当者によると、費用はおよそ二億ユーロで、国と市が半分ずつ負担することになっているという。",
        "住民の多くは計画を歓迎しているが、一部の商店主は工事期間中の売り上げの減少を心配している。",
        "専門家は、気候変動による豪雨の増加に備えるため、同様の対策が他の都市でも必要になると指摘した。",
    ],
}


@pytest.mark.parametrize(
    "sentence",
    [
        PARAGRAPHS["zh"][0],
        PARAGRAPHS["ja"][0],
        "هل ستكفي الحواجز الجديدة لحماية المدينة من الفيضانات القادمة في فصل الشتاء المقبل؟",
        "परिषद ने सोमवार को नदी के पूरे किनारे पर बाढ़ से बचाव के लिए नई दीवारें बनाने का फैसला किया।",
    ],
)
def test_a_sentence_of_prose_ends_with_its_own_scripts_mark(sentence: str) -> None:
    assert is_prose_line(sentence)


@pytest.mark.parametrize("heading", ["防洪工程的费用", "市議会の決定について", "Flood barriers: the cost"])
def test_a_heading_is_no_prose_in_any_script(heading: str) -> None:
    assert not is_prose_line(heading)


def test_a_short_line_of_chinese_is_no_prose_even_with_its_full_stop() -> None:
    assert not is_prose_line("工程明年开始。")


def _article_with_a_named_box(lang: str) -> str:
    """An article whose middle paragraphs sit in a box named like an advert ("promo-box")."""
    paragraphs = [f"{number}. {text}" for number in range(3) for text in PARAGRAPHS[lang]]
    before, boxed, after = paragraphs[:4], paragraphs[4:8], paragraphs[8:]

    def html(texts: list[str]) -> str:
        return "".join(f"<p>{text}</p>" for text in texts)

    menu = "".join(f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(10))
    return (
        f"<html><body><nav><ul>{menu}</ul></nav><main><h1>Headline</h1><div class='entry-content'>"
        f"{html(before)}<div class='promo-box'>{html(boxed)}</div>{html(after)}"
        "</div></main></body></html>"
    )


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_a_box_named_as_junk_holding_prose_is_kept_in_every_script(lang: str) -> None:
    text = extract(_article_with_a_named_box(lang)).text
    assert all(f"1. {paragraph}" in text for paragraph in PARAGRAPHS[lang])


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_an_article_in_any_script_is_not_extracted_a_second_time(lang: str) -> None:
    """A complete extraction holding the page's prose is not checked against the whole page:
    that check doubles the page's time."""
    article = tuple(TextBlock("paragraph", text) for text in PARAGRAPHS[lang] * 2)
    assert _whole_page_check(Pruning(prose_left=200), article) is None
