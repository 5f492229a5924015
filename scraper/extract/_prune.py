"""The pruning engine: removes junk subtrees and junk sections from a parsed page.

It applies the tables of `_rules` and knows nothing of particular sites. Two safeguards keep
the article: an element holding the page's main run of paragraphs is never removed, nor is
one holding more than `MAX_JUNK_SHARE_OF_TEXT` of the page's text.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import _rules
from ._language import latin_width
from ._settings import (
    ANCHOR_MIN_SHARE,
    BUILDER_WRAPPERS,
    LINKED_SECTION_PROSE_CHARS,
    LISTING_MIN_ITEMS,
    LISTING_MIN_SHARE,
    MAX_ANCHOR_TEXT_CHARS,
    MAX_JUNK_SHARE_OF_TEXT,
    MAX_SECTION_PROSE_CHARS,
    MIN_ANCHOR_WORDS,
    NEEDLE_CHARS,
    PROSE_KEEP_CHARS,
    PROSE_SENTENCE_CHARS,
    SECTION_MIN_PROSE_SHARE,
    SHORT_BLOCK_CHARS,
    SPLIT_PROSE_CHARS,
)

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADING_SELECTOR = ",".join(sorted(_HEADING_TAGS))
# How many wrappers are climbed out of to find the block after a heading, and how many
# blocks after it are read for its section's prose.
_MAX_WRAPPERS = 4
_MAX_SECTION_BLOCKS = 6
_NEVER_REMOVED = frozenset({"html", "body", "head"})
_CODE_TAGS = frozenset({"pre", "code"})
_DIGIT = re.compile(r"\d")
_SLUG_WORD = re.compile(r"[a-z0-9]+")
# Where a camel-case name starts a word: between a lower-case letter or digit and a capital.
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_ELLIPSIS_END = re.compile(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading)\W*\Z", re.I)

_JUNK_HEADINGS = _rules.compile_table(_rules.JUNK_HEADINGS)


def _name_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A regex finding any of `words` as whole words of a dashed name (`findall` gives
    each, the dashes around them left out)."""
    alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    return re.compile(r"(?:^|(?<=-))(?:" + alternatives + r")(?=-|$)")


_ALL_JUNK_WORDS = frozenset(word for words in _rules.JUNK_NAME_WORDS.values() for word in words)
_JUNK_WORDS = _name_pattern(_ALL_JUNK_WORDS)
# The first dashed part of each junk word ("sr" of "sr-only"): where a junk word can start.
_JUNK_WORD_STARTS = frozenset(word.split("-")[0] for word in _ALL_JUNK_WORDS)
_NEVER_LISTED_NAME = _name_pattern(
    word for kind in _rules.NEVER_LISTING_KINDS for word in _rules.JUNK_NAME_WORDS[kind]
)
# The marks that end a sentence: Latin, the full-width marks of Chinese and Japanese, the
# Arabic question mark and Urdu full stop, the Devanagari danda.
SENTENCE_MARKS = ".!?。！？؟۔।"
# What may close a sentence after its mark: quotes and brackets, Latin and full-width.
SENTENCE_CLOSERS = '"”’»)」』）'
# A sentence's end: its mark (not an ellipsis's last dot), maybe a closing quote or bracket.
_SENTENCE_END = re.compile(rf"(?<!\.\.)[{SENTENCE_MARKS}][{SENTENCE_CLOSERS}]?\s*\Z")
# Text cut after each sentence end and line break (one linear pass): a long run that ends
# as a sentence does is a sentence of article prose.
_TEXT_RUN = re.compile(rf"[^{SENTENCE_MARKS}\n]+[{SENTENCE_MARKS}]?")
_HEADING_CANDIDATES = "h1,h2,h3,h4,h5,h6,p,strong,b,dt,[class*=title i],[class*=heading i]"


def _dashed(name: str) -> str:
    """A class name or id as lower-case words joined by dashes ("postMeta_x" -> "post-meta-x");
    the names of a class attribute stay apart, each made so."""
    return _CAMEL_HUMP.sub("-", name).lower().replace("_", "-")


def _name_is_junk(value: str | None, builder_words: frozenset[str]) -> bool:
    """True when one of the class names or the id in `value` holds junk words other than
    `builder_words` (those naming the page's own building blocks)."""
    if not value:
        return False
    junk = _junk_words(value)
    return bool(junk) and not junk <= builder_words


@functools.lru_cache(maxsize=16384)
def _junk_words(value: str) -> frozenset[str]:
    """The junk words of the class names or the id in `value` ("related-posts-widget" ->
    related, widget). Cached: a page repeats its elements' class attributes. A junk word
    starts at one of a name's dashed parts: a name without the first part of any (most of
    them) is not searched."""
    names = _dashed(value).split()
    return frozenset(
        word
        for name in names
        if not _JUNK_WORD_STARTS.isdisjoint(name.split("-"))
        for word in _JUNK_WORDS.findall(name)
    )


def _named_junk(page: _Page) -> Iterator[LexborNode]:
    """The elements whose class names or id are made of junk words (read from the parsed
    attributes: no value of the page is ever put into a CSS selector). An id spelling the
    element's own text is an anchor made from it ("h-how-to-grow-your-social-following"
    on that heading), not a name."""
    builder_words = page.builder_words
    verdicts: dict[str | None, bool] = {None: False}  # by value: a page repeats its classes
    for node in page.tree.css("[class],[id]"):
        attributes = node.attributes
        if (junk := verdicts.get(value := attributes.get("class"))) is None:
            junk = verdicts[value] = _name_is_junk(value, builder_words)
        element_id = attributes.get("id")
        if junk or (
            element_id and _name_is_junk(element_id, builder_words) and not _spells_own_text(node, element_id)
        ):
            yield node


def _spells_own_text(node: LexborNode, element_id: str) -> bool:
    """Whether an id is the element's short text written as a slug: most of its words are
    words of the text, and most of the text's words are in it (slugs drop a few)."""
    text = node.text()
    if len(text) > MAX_ANCHOR_TEXT_CHARS:
        return False
    id_words = _SLUG_WORD.findall(_dashed(element_id))
    text_words = set(_SLUG_WORD.findall(_ascii_folded(text).lower()))
    if len(id_words) < MIN_ANCHOR_WORDS or not text_words:
        return False
    in_text = sum(word in text_words for word in id_words)
    return in_text >= ANCHOR_MIN_SHARE * len(id_words) and in_text >= ANCHOR_MIN_SHARE * len(text_words)


def _ascii_folded(text: str) -> str:
    """`text` without its accents, as slugs write it ("Über" -> "Uber")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def prose_chars(node: LexborNode) -> int:
    """How much of `node`'s text reads as article prose: long sentences, discounted by the
    share of the text that is link text (a teaser list is links, an article is not)."""
    return _prose_in(node, node.text(separator="\n"))


def paragraph_prose_chars(node: LexborNode) -> int:
    """`prose_chars` counted in `node`'s paragraphs, each read whole (inline code, links and
    the line breaks of the source joined into its words): documentation breaks its
    sentences with inline markup and wraps them over several source lines."""
    text = "\n".join(" ".join(paragraph.text().split()) for paragraph in node.css("p"))
    return _prose_in(node, text, paragraphs_only=True)


def _sentence_chars(text: str) -> int:
    return sum(
        len(run)
        for run in _TEXT_RUN.findall(text)
        if run[-1] in SENTENCE_MARKS and _is_wide(run, PROSE_SENTENCE_CHARS + 1)
    )


def _is_wide(text: str, width: int) -> bool:
    """Whether `text` is at least `width` characters of Latin text long (`latin_width`);
    its plain length, cheaper, settles most texts."""
    return len(text) >= width or latin_width(text) >= width


def needle(text: str) -> str:
    """What a line is looked up by on the page: its first `NEEDLE_CHARS` characters, white
    space folded."""
    return " ".join(text.split())[:NEEDLE_CHARS]


def _prose_in(node: LexborNode, text: str, *, paragraphs_only: bool = False) -> int:
    """The sentence characters of `text` (read from `node`: all its text, or only its
    paragraphs'), less the share of links in all its text."""
    if not _is_wide(text, PROSE_SENTENCE_CHARS + 1) or not (sentences := _sentence_chars(text)):
        return 0
    link_chars = sum(len(link.text()) for link in node.css("a"))
    total = len(node.text().strip()) if paragraphs_only else len(text.strip())
    return int(sentences * max(0.0, 1 - link_chars / max(1, total)))


def is_prose_line(line: str) -> bool:
    """A line of article prose: a sentence of `PROSE_SENTENCE_CHARS` or more (as Latin text)."""
    return _is_wide(line, PROSE_SENTENCE_CHARS) and is_sentence(line)


def is_sentence(text: str) -> bool:
    """True when `text` ends as a sentence does (a heading or a trailing "..." does not)."""
    # Only the end can match: searched in the last four characters before trailing white
    # space (two dots before the mark, the mark, a closing quote), not the whole text.
    return _SENTENCE_END.search(text.rstrip()[-4:]) is not None


@functools.lru_cache(maxsize=4096)
def junk_heading_kind(text: str) -> str | None:
    """The kind of junk section a heading with this text starts, or None. Cached: a page's
    headings are read when it is pruned, and again as lines of its extractions."""
    phrase = _rules.normalise_phrase(text)
    if not phrase or len(phrase) > 80:
        return None
    return _rules.matched_kind(_JUNK_HEADINGS, phrase)


def _builder_words(main: LexborNode | None) -> frozenset[str]:
    """The building-block words (`_rules.BUILDING_BLOCK_WORDS`) naming the element holding
    the page's main run of paragraphs or its nearest wrappers: on this page they name the
    blocks of the text (a page builder's "widget", a forum's "comment"), not junk."""
    words: set[str] = set()
    for _ in range(BUILDER_WRAPPERS):
        if main is None or main.tag in _NEVER_REMOVED:
            break
        for value in (main.attributes.get("class") or "", main.attributes.get("id") or ""):
            words |= _junk_words(value)
        main = main.parent
    return frozenset(words & _rules.BUILDING_BLOCK_WORDS)


class _Page:
    """One parsed page being pruned, with what is needed to keep its article safe."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self.body = tree.body
        self.total_chars = max(1, len(self.body.text())) if self.body else 1
        main = self._main_container()
        self.protected = {node.mem_id for node in (main, *_ancestors(main))} if main is not None else set()
        self.builder_words = _builder_words(main)
        self.removed_prose = 0  # prose characters of what was removed: a reason to double-check
        self.removed_named_chars = 0  # text removed on the weak evidence of a name alone

    def _main_container(self) -> LexborNode | None:
        """The element holding most paragraph text: that of `<p>` children, or all the
        text of an element that separates its paragraphs with `<br>`."""
        chars_by_parent: dict[int, int] = {}
        parents: dict[int, LexborNode] = {}
        for node in self.tree.css("p, br"):
            parent = node.parent
            if parent is None:
                continue
            key = parent.mem_id
            if node.tag == "p":
                chars_by_parent[key] = chars_by_parent.get(key, 0) + len(node.text())
            elif key not in parents:
                chars_by_parent[key] = chars_by_parent.get(key, 0) + len(parent.text(deep=False))
            parents[key] = parent
        if not chars_by_parent:
            return None
        return parents[max(chars_by_parent, key=chars_by_parent.__getitem__)]

    def removable(self, node: LexborNode) -> bool:
        if node.tag in _NEVER_REMOVED or node.mem_id in self.protected:
            return False
        return len(node.text()) <= MAX_JUNK_SHARE_OF_TEXT * self.total_chars

    def remove_all(
        self, nodes: Iterable[LexborNode], *, named: bool = False, prose: Mapping[int, int] | None = None
    ) -> None:
        """Remove nodes, skipping those inside another removed node (already gone); `prose`
        holds the `prose_chars` of some of them, by `mem_id`, where already measured."""
        for node in _outermost(nodes):  # all found first: a removed node's descendants are freed with it
            known = prose.get(node.mem_id) if prose is not None else None
            self.removed_prose += prose_chars(node) if known is None else known
            if named:
                self.removed_named_chars += len(node.text())
            node.decompose()


def _ancestors(node: LexborNode) -> Iterator[LexborNode]:
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def _outermost(nodes: Iterable[LexborNode]) -> list[LexborNode]:
    """`nodes`, in their order, less those inside another of them."""
    by_id = {node.mem_id: node for node in nodes}
    clear: set[int] = set()
    return [node for node in by_id.values() if not _inside_any(node, by_id, clear)]


def _inside_any(node: LexborNode, ids: Collection[int], clear: set[int]) -> bool:
    """Whether an ancestor of `node` is one of `ids`. `clear` holds the elements known to
    have none of them among themselves and their ancestors, and gains those found so: the
    elements of a page share their outer ancestors, which are then climbed once."""
    climbed = []
    for parent in _ancestors(node):
        if parent.mem_id in ids:
            return True
        if parent.mem_id in clear:
            break
        climbed.append(parent.mem_id)
    clear.update(climbed)
    return False


def _inside_code(node: LexborNode) -> bool:
    """Whether `node` is part of a code listing, whose class names are a highlighter's."""
    return any(parent.tag in _CODE_TAGS for parent in _ancestors(node))


def _structural_junk(page: _Page) -> Iterator[LexborNode]:
    """Elements that are junk by what they are: menus, sidebars, footers, image figures."""
    found = page.tree.css(",".join(_rules.JUNK_ELEMENT_SELECTORS))
    found += [
        node
        for node in page.tree.css("[itemprop]")
        if node.attributes.get("itemprop") in _rules.JUNK_ITEMPROPS
    ]
    # Found once per selector it matches (`<nav role=navigation>` twice): judged once.
    for node in {node.mem_id: node for node in found}.values():
        if page.removable(node):
            yield node
    body_tags = ",".join(_rules.FIGURE_BODY_TAGS)
    for figure in page.tree.css("figure"):
        if figure.css_first(body_tags) is None and page.removable(figure):
            yield figure


def _named_junk_elements(page: _Page) -> tuple[list[LexborNode], dict[int, int]]:
    """Elements whose tag or class names say junk and whose text does not read as article
    prose (a name alone is weak evidence), never parts of a code listing, nor the repeated
    items that make up a listing page or, together, a passage of prose; with the
    `prose_chars` of each (by `mem_id`), measured to judge them."""
    found = itertools.chain(page.tree.css(",".join(_rules.NAMED_JUNK_SELECTORS)), _named_junk(page))
    named = {node.mem_id: node for node in found}.values()  # one found both ways is judged once
    has_code = page.tree.css_first(",".join(_CODE_TAGS)) is not None
    candidates = [node for node in named if page.removable(node) and not (has_code and _inside_code(node))]
    texts = {node.mem_id: node.text(separator="\n") for node in candidates}
    prose = {node.mem_id: _prose_in(node, texts[node.mem_id]) for node in candidates}
    candidates = [node for node in candidates if not _holds_prose(node, prose[node.mem_id])]
    kept = _kept_groups(page, candidates, prose)
    doomed = {node.mem_id for node in candidates if node.mem_id not in kept}
    junk = [
        node
        for node in candidates
        if node.mem_id in doomed and not _heads_kept_prose(node, texts[node.mem_id], doomed)
    ]
    return junk, prose


def _heads_kept_prose(node: LexborNode, text: str, doomed: set[int]) -> bool:
    """Whether a named element (of text `text`) is nothing but a subheading over prose that
    stays: page builders wrap each heading in a "widget", themes put a section's heading in
    a `<header>`. A linked heading needs a section of prose under it (a listicle's item
    links its title; a teaser's excerpt is a sentence or two); a comment list goes itself."""
    if len(text) > SHORT_BLOCK_CHARS or not (phrase := _rules.normalise_phrase(text)):
        return False
    heading = node if node.tag in _HEADING_TAGS else node.css_first(_HEADING_SELECTOR)
    if heading is None or phrase != _rules.normalise_phrase(heading.text(separator="\n")):
        return False
    following = _next_element(node)
    if following is None or following.mem_id in doomed:
        return False
    prose = _section_prose(following)
    if sum(len(link.text().strip()) for link in node.css("a")) * 2 >= len(phrase):
        return prose >= LINKED_SECTION_PROSE_CHARS  # a listicle's item, not a teaser's title
    return prose >= PROSE_KEEP_CHARS


def _section_prose(first: LexborNode) -> int:
    """The prose of the blocks from `first` up to the next heading (a few blocks at most)."""
    prose, blocks = 0, 0
    node: LexborNode | None = first
    while node is not None and blocks < _MAX_SECTION_BLOCKS:
        if node.is_element_node:
            if node.tag in _HEADING_TAGS or node.tag == "header":
                break
            prose, blocks = prose + prose_chars(node), blocks + 1
        node = node.next
    return prose


def _next_element(node: LexborNode) -> LexborNode | None:
    """The element after `node` in reading order: its next sibling, or its parent's
    (climbing out of the wrappers a page builder puts around each block)."""
    current: LexborNode | None = node
    for _ in range(_MAX_WRAPPERS):
        if current is None:
            return None
        sibling = current.next
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next
        if sibling is not None:
            return sibling
        current = current.parent
    return None


def _holds_prose(node: LexborNode, prose: int) -> bool:
    """Whether an element holds a few sentences of prose (`prose` of them as laid out), or
    its paragraphs read whole do (documentation wraps its sentences over source lines)."""
    return prose >= PROSE_KEEP_CHARS or paragraph_prose_chars(node) >= PROSE_KEEP_CHARS


def item_signature(node: LexborNode) -> str:
    """What the items of one list have in common: the tag and the class names, less those
    holding a digit (page builders give every element a unique one: "elementor-element-6e4d78d")."""
    names = (node.attributes.get("class") or "").split()
    return " ".join([node.tag or "", *sorted({name for name in names if not _DIGIT.search(name)})])


def _kept_groups(page: _Page, candidates: list[LexborNode], prose: dict[int, int]) -> set[int]:
    """mem_ids of candidates kept for what their kind makes together (a kind is a
    signature: tag and class names), unless named as menus or hidden text:
    - the items of the page's own list: at least `LISTING_MIN_ITEMS` of one kind holding
      together `LISTING_MIN_SHARE` of the page's text (product cards named "caption", job
      rows in "widget" boxes; a box of related links beside an article is a small share);
    - a passage of prose split into small boxes: at least two of one kind holding together
      `SPLIT_PROSE_CHARS` of prose (a product's description in "modal__paragraph"s)."""
    groups: dict[str, dict[int, LexborNode]] = {}
    for node in candidates:
        groups.setdefault(item_signature(node), {})[node.mem_id] = node
    kept: set[int] = set()
    for items in groups.values():
        first = next(iter(items.values()))
        names = f"{first.attributes.get('class') or ''} {first.attributes.get('id') or ''}"
        if len(items) < 2 or _NEVER_LISTED_NAME.search(_dashed(names)):
            continue
        listing = len(items) >= LISTING_MIN_ITEMS and (
            sum(len(item.text()) for item in items.values()) >= LISTING_MIN_SHARE * page.total_chars
        )
        if listing or sum(prose[key] for key in items) >= SPLIT_PROSE_CHARS:
            kept.update(items)
    return kept


def _shouted_teasers(page: _Page) -> Iterator[LexborNode]:
    """Paragraphs that are nothing but a link in capital letters: inline teasers."""
    for link in page.tree.css(_rules.LONE_LINK_SELECTOR):
        text = link.text().strip()
        if not text.isupper() or len(text.split()) < _rules.MIN_TEASER_WORDS:
            continue
        paragraph = link.parent if link.parent is not None and link.parent.tag == "p" else None
        paragraph = paragraph or (link.parent.parent if link.parent is not None else None)
        if paragraph is not None and paragraph.text().strip() == text and page.removable(paragraph):
            yield paragraph


def _outermost_equal_text(node: LexborNode, phrase: str) -> LexborNode:
    """Climb from `node` while the parent says nothing more than it (`<p><b>Title</b></p>`)."""
    while node.parent is not None and node.parent.tag not in _NEVER_REMOVED:
        if _rules.normalise_phrase(node.parent.text()) != phrase:
            break
        node = node.parent
    return node


def _section_box(page: _Page, heading: LexborNode, phrase: str) -> LexborNode | None:
    """The largest removable box that starts with the heading, if any."""
    box = None
    parent = heading.parent
    while parent is not None and page.removable(parent):
        if not _rules.normalise_phrase(parent.text()).startswith(phrase):
            break
        box, parent = parent, parent.parent
    return box


def _is_teaser(node: LexborNode) -> bool:
    """A sibling after a junk heading that still belongs to the junk: links, thumbnails, excerpts."""
    text = node.text().strip()
    if not text:
        return True
    link_chars = sum(len(link.text()) for link in node.css("a"))
    if link_chars >= 0.5 * len(text) or _ELLIPSIS_END.search(text[-_rules.ENDING_CHARS :]):
        return True
    return len(text) <= SHORT_BLOCK_CHARS and node.css_first("img") is not None


def _belongs_to_section(page: _Page, sibling: LexborNode, kind: str) -> bool:
    """Whether a sibling after a junk heading is part of its section (and not the article)."""
    if not page.removable(sibling):
        return False
    if kind in _rules.WHOLE_SECTION_KINDS:
        return len(sibling.text()) <= MAX_SECTION_PROSE_CHARS
    return _is_teaser(sibling)


def _section_in_flow(page: _Page, heading: LexborNode, kind: str) -> Iterator[LexborNode]:
    """The heading and the siblings after it that belong to its section, up to the next
    real heading: short prose for prose sections, teasers for lists of teasers."""
    yield heading
    sibling = heading.next
    while sibling is not None:
        if sibling.is_element_node:
            if sibling.tag in _HEADING_TAGS and junk_heading_kind(sibling.text()) is None:
                return
            if not _belongs_to_section(page, sibling, kind):
                return
            yield sibling
        sibling = sibling.next


def _reads_as_prose(box: LexborNode) -> bool:
    """Whether a box is mostly paragraphs of prose (a section of the page's own text), not
    a list of teasers that each add a sentence of description to their title."""
    prose = paragraph_prose_chars(box)
    return prose >= PROSE_KEEP_CHARS and prose >= SECTION_MIN_PROSE_SHARE * len(box.text())


def _junk_sections(page: _Page) -> Iterator[LexborNode]:
    seen: set[int] = set()
    for candidate in page.tree.css(_HEADING_CANDIDATES):
        text = candidate.text().strip()
        if candidate.tag not in _HEADING_TAGS and is_sentence(text):
            continue
        kind = junk_heading_kind(text)
        if kind is None:
            continue
        phrase = _rules.normalise_phrase(text)
        heading = _outermost_equal_text(candidate, phrase)
        if heading.mem_id in seen or not page.removable(heading):
            continue
        seen.add(heading.mem_id)
        box = _section_box(page, heading, phrase)
        if box is not None and (kind in _rules.PROSE_SECTION_KINDS or not _reads_as_prose(box)):
            yield box
        else:
            yield from _section_in_flow(page, heading, kind)


@dataclass(frozen=True, slots=True)
class Pruning:
    """What pruning removed that may have been the article: the caller compares the
    extraction with the unpruned page's when it is more than a caption's worth."""

    prose_chars: int = 0  # characters of prose in the removed elements
    named_share: float = 0.0  # share of the page's text removed on the evidence of names
    prose_left: int = 0  # characters of prose in what is left: what the extraction should hold
    page_chars: int = 0  # characters of the page's text before pruning, white space folded


def _unwrap_title_buttons(tree: LexborHTMLParser) -> None:
    """Unwrap the buttons that hold a heading or are inside one (`_rules.TITLE_HEADING_TAGS`:
    a FAQ's questions), so that their text outlives the removal of form controls."""
    headings = ",".join(_rules.TITLE_HEADING_TAGS)
    for button in tree.css("button"):
        parent = button.parent
        if (parent is not None and parent.tag in _rules.TITLE_HEADING_TAGS) or button.css_first(
            headings
        ) is not None:
            button.unwrap()


def prune(tree: LexborHTMLParser) -> Pruning:
    """Remove from `tree`, in place, all that is not the article's body."""
    tree.strip_tags(list(_rules.CODE_TAGS))
    page_chars = len(" ".join(tree.body.text(separator=" ").split())) if tree.body is not None else 0
    _unwrap_title_buttons(tree)
    tree.strip_tags(list(_rules.NON_CONTENT_TAGS))
    if tree.body is None:
        return Pruning()
    page = _Page(tree)
    page.remove_all(_structural_junk(page))
    named, prose = _named_junk_elements(page)
    page.remove_all(named, named=True, prose=prose)
    page.remove_all(_junk_sections(page))
    page.remove_all(_shouted_teasers(page))
    left = prose_chars(tree.body) if tree.body is not None else 0
    return Pruning(page.removed_prose, page.removed_named_chars / page.total_chars, left, page_chars)


def prune_structure(tree: LexborHTMLParser) -> None:
    """Remove from `tree`, in place, only what is junk by what it is (code, media, form
    controls, menus, sidebars, footers): not what names, headings or shapes say is junk.
    The page left is the one to check that pruning on that weaker evidence cost no article
    text, and costs its extraction less than the whole page (menus and scripts are much of
    a page). `<noscript>` stays: on pages that render nothing without scripts it holds
    the text."""
    _unwrap_title_buttons(tree)
    tree.strip_tags(list(_rules.TEXTLESS_TAGS))
    if tree.body is not None:
        page = _Page(tree)
        page.remove_all(_structural_junk(page))


def boxes_of_kind(tree: LexborHTMLParser, line: str) -> list[LexborNode]:
    """The boxes of the kind of the one holding the paragraph that holds `line` (its
    `needle`): the outermost elements of the same tag and class names (`item_signature`),
    in page order; empty when that box has no class name (a bare `<div>` says nothing of
    its kind)."""
    start = needle(line)
    holder = next((p for p in tree.css("p") if start in " ".join(p.text().split())), None)
    box = holder.parent if holder is not None else None
    if box is None or not box.attributes.get("class"):
        return []
    kind = item_signature(box)
    return _outermost(node for node in tree.css(box.tag or "div") if item_signature(node) == kind)
