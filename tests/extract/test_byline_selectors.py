"""A byline selector is skipped on a page where its broader selector finds nothing: that
must never skip an element it would have found. Checked on pages of nested elements whose
class, id and itemprop values are made of the words the selectors look for."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract._authors import BYLINE_QUERIES

NARROWED = [(query.selector, query.broader) for query in BYLINE_QUERIES if query.broader is not None]
WORDS = ["author", "Author", "name", "Name", "-", "_", "__", "writer", "byline", "box", "x"]
VALUES = st.lists(st.sampled_from(WORDS), max_size=4).map("".join)
ATTRIBUTES = st.sampled_from(["class", "id", "itemprop"])


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page of up to three levels of nested elements with byline-like attributes."""

    def element(depth: int) -> str:
        attributes = " ".join(
            f'{name}="{draw(VALUES)}"' for name in draw(st.lists(ATTRIBUTES, max_size=2, unique=True))
        )
        children = "".join(element(depth + 1) for _ in range(draw(st.integers(0, 2)))) if depth < 3 else ""
        return f"<div {attributes}>Jane Doe{children}</div>"

    return "<html><body>" + element(0) + element(0) + "</body></html>"


def _ancestors_and_self(node: LexborNode) -> set[int]:
    ids = set()
    current: LexborNode | None = node
    while current is not None:
        ids.add(current.mem_id)
        current = current.parent
    return ids


def test_some_selectors_have_a_broader_one() -> None:
    assert NARROWED


@pytest.mark.parametrize(("selector", "broader"), NARROWED)
@settings(max_examples=300, deadline=None)
@given(page=pages())
def test_a_broader_selector_finds_every_element_of_its_narrower_one_or_an_ancestor(
    selector: str, broader: str | None, page: str
) -> None:
    assert broader is not None
    tree = LexborHTMLParser(page)
    broad = {node.mem_id for node in tree.css(broader)}
    for node in tree.css(selector):
        assert broad & _ancestors_and_self(node), (selector, node.html)
