"""A box is junk by its class names or id when one of them is made of junk words, however
the name is written (dashes, underscores, camel case, among other names), and only when the
word is a whole part of the name: "shareholders" is not "share", "loadMore" not "read more".
A microdata property (`itemprop`) is junk when it is one of the junk properties whole."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from scraper.extract._prune import prune

ARTICLE = "".join(
    f"<p>{sentence}</p>"
    for sentence in (
        "The council approved the new cycling plan on Tuesday after a long debate about its costs.",
        "Work on the first three routes starts in spring and should be finished before the winter.",
        "Residents will be able to comment on the later routes at two public meetings in May.",
    )
)
BOX_TEXT = "Find us elsewhere today"


def _box_survives(attributes: str) -> bool:
    tree = LexborHTMLParser(
        f"<html><body><article>{ARTICLE}</article><div {attributes}>{BOX_TEXT}</div></body></html>"
    )
    prune(tree)
    return BOX_TEXT in (tree.body.text() if tree.body is not None else "")


@pytest.mark.parametrize(
    "attributes",
    [
        'class="share-bar"',
        'class="wrap shareBar"',
        'class="Wrap_ShareBar"',
        'class="layout relatedPosts col-4"',
        'class="post_readMore"',
        'class="x SOCIAL-links"',
        'id="followUs"',
        'class="col" id="sidebar_newsletter"',
        'class="box2Ads"',
    ],
)
def test_a_box_named_as_junk_in_any_spelling_goes(attributes: str) -> None:
    assert not _box_survives(attributes)


@pytest.mark.parametrize(
    "attributes",
    [
        'class="shareholders"',
        'class="loadMore"',
        'class="read more"',
        'class="headline-box"',
        'class="adventure-box"',
        'class="uploads"',
        'id="related2"',
    ],
)
def test_a_box_whose_names_only_contain_a_junk_word_stays(attributes: str) -> None:
    assert _box_survives(attributes)


@pytest.mark.parametrize("prop", ["datePublished", "publisher", "image", "author"])
def test_a_box_of_junk_microdata_goes(prop: str) -> None:
    assert not _box_survives(f'itemprop="{prop}"')


@pytest.mark.parametrize("prop", ["articleBody", "description", "imageGallery", "name"])
def test_a_box_of_other_microdata_stays(prop: str) -> None:
    assert _box_survives(f'itemprop="{prop}"')
