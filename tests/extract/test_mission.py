"""The mission's own example: the republished page gives exactly the expected title and text."""

from pathlib import Path

from scraper import extract

FIXTURES = Path(__file__).parent.parent / "fixtures"
URL = "https://worldnewstoday.example/zelenskyy-cites-the-risks-of-north-korea-sending-more-troops/"


def test_seed_page_gives_the_expected_title_and_text() -> None:
    article = extract((FIXTURES / "seed-page.html").read_bytes(), url=URL)

    assert article.title == (FIXTURES / "seed-expected-title.txt").read_text().strip()
    assert article.text == (FIXTURES / "seed-expected-text.txt").read_text().strip()


def test_seed_page_metadata() -> None:
    article = extract((FIXTURES / "seed-page.html").read_bytes(), url=URL)

    assert article.published == "2024-12-23T14:05:11+00:00"
    assert article.author is None  # the page's only "author" is WordPress's placeholder account, "admin"
    assert article.language == "en"
    assert article.canonical_url == URL
    assert article.word_count == len([w for w in article.text.split() if any(c.isalnum() for c in w)])
    assert article.reason is None


def test_seed_page_keeps_its_subheading_as_a_block() -> None:
    article = extract((FIXTURES / "seed-page.html").read_bytes(), url=URL)

    headings = [block.text for block in article.blocks if block.kind == "heading"]
    assert headings == ["Reports claim that 12,000 troops have already been sent"]
    assert "## Reports claim that 12,000 troops have already been sent" in article.to_markdown()
