"""The guards of extraction: inputs refused before parsing, each with a reason.

Every check here is a linear pass over the input, most at C speed, so that no input up to
`max_bytes` costs more than a few milliseconds to refuse: binary data, oversized input,
elements nested too deep, elements with too many attributes, too many elements, and
unclosed formatting tags that the HTML parser would copy into every paragraph.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from ._settings import (
    MAX_ATTRIBUTES_PER_ELEMENT,
    MAX_ELEMENTS,
    MAX_NESTING_DEPTH,
    MAX_RECONSTRUCTED_ELEMENTS,
)

# File signatures of formats that are sometimes served or saved in place of HTML.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "gzip-compressed data (decompress it first)",
    b"RIFF": "a RIFF media file",
    b"\x00\x00\x00": "binary data",
}
# Bytes that text holds (all but the C0 controls other than tab, newlines and form feed),
# and how many control bytes (one in N) make the start of a file binary, not damaged text.
_TEXT_BYTES = bytes(sorted(set(range(256)) - set(range(0x09)) - set(range(0x0E, 0x20))))
_MAX_CONTROL_BYTES_RATIO = 50

# A start tag or an end tag: its name, then what follows up to the next `<` or `>` (never
# past it, so that the scans starting at two tags never overlap: linear time).
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)([^<>]*)")
_START_TAG = re.compile(r"<[a-zA-Z]")
# A tag whose inside is long enough to hold MAX_ATTRIBUTES_PER_ELEMENT attributes (each
# takes at least two characters: a space and a name).
_LONG_TAG = re.compile(rf"<[a-zA-Z][^<>]{{{2 * MAX_ATTRIBUTES_PER_ELEMENT},}}")
_RAW_TEXT = (("<script", "</script"), ("<style", "</style"), ("<!--", "-->"))
_VALUE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*)""")
_ATTRIBUTE_NAME = re.compile(r"""(?<![^\s"'])[A-Za-z_:][^\s"'>/=]*""")

# Elements the parser may nest without limit, and those it never nests (void elements and
# those closed implicitly by their next sibling).
_NEVER_NESTED = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr", "p", "li", "option", "dt", "dd", "td", "tr", "th",
})  # fmt: skip
# Roots of foreign content (SVG and MathML), inside which "<tag/>" is an empty element (in
# HTML the "/" is ignored: `<div/>` opens a div); the foreign elements that hold HTML; and
# the HTML tags that end foreign content when met inside it (HTML standard, "parsing
# tokens in foreign content"), `<font>` only with one of the attributes given.
_FOREIGN_ROOTS = frozenset({"svg", "math"})
_HTML_INTEGRATION_POINTS = frozenset({"foreignobject", "desc", "title", "mi", "mo", "mn", "ms",
                                      "mtext", "annotation-xml"})  # fmt: skip
_FOREIGN_BREAKOUT = frozenset({
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
    "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
})  # fmt: skip
_FONT_BREAKOUT = re.compile(r"\s(?:color|face|size)\s*=", re.I)
# Formatting elements the HTML parser reopens ("reconstructs") in every new block while
# they are left unclosed (HTML standard, "list of active formatting elements"); `a` is
# left out: a new `<a>` closes the last one, so at most one is ever open.
_FORMATTING = frozenset({"b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                         "strong", "tt", "u"})  # fmt: skip
# Start tags that close a paragraph or a list item, after which unclosed formatting
# elements are reopened; an overestimate of where the parser reconstructs them.
_BLOCKS = frozenset({"p", "div", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                     "td", "th", "table", "ul", "ol", "dl", "blockquote", "section", "article",
                     "pre", "form"})  # fmt: skip


def _any_of(names: frozenset[str]) -> str:
    """A regex for any of `names`, their first letters looked at first: most tags are none
    of them, and a class of letters turns them away at a fraction of an alternation's cost."""
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return f"(?=[{''.join(sorted({name[0] for name in names}))}])(?:{alternatives})"


_FORMATTING_START_TAG = re.compile(rf"<(?:{_any_of(_FORMATTING)})(?=[\s>/])[^<>]*", re.I)
_BLOCK_START = re.compile(rf"<(?:{_any_of(_BLOCKS)})[\s>/]", re.I)
# A formatting element's start or end tag, or a block's start tag (a block's end tag
# changes nothing here, and skipping it halves the tags the count looks at).
_FORMATTING_TAG_OR_BLOCK_START = re.compile(
    rf"<(?:(/?)({_any_of(_FORMATTING)})|({_any_of(_BLOCKS)}))(?=[\s>/])([^<>]*)", re.I
)
_NOAHS_ARK = 3  # identical formatting elements kept open at most (HTML standard)


def binary_kind(data: bytes) -> str | None:
    """What binary format `data` is, when it is plainly not text."""
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    head = data[:1024]
    if len(head.translate(None, _TEXT_BYTES)) > len(head) // _MAX_CONTROL_BYTES_RATIO:
        return "binary data"
    return None


def input_refusal(html: bytes | str, max_bytes: int) -> str | None:
    """Why this input is not extracted at all, before decoding it; None when it may be."""
    if len(html) > max_bytes:
        return (
            f"input too large: {len(html):,} bytes is over the limit of {max_bytes:,}; "
            "pass a larger max_bytes to extract it"
        )
    if not html.strip():
        return "empty input: there is no HTML to extract from"
    if isinstance(html, bytes) and (kind := binary_kind(html)):
        return f"not HTML: the input is {kind}"
    return None


def markup_refusal(text: str) -> str | None:
    """Why this decoded page would cost the parser more than any real page does (so it is
    not parsed), or None. Cheap upper bounds first; exact counts on suspect pages only."""
    tags = text.count("<")  # a bound on the tags of every kind, counted once at C speed
    reason = (
        _too_deep(text, tags)
        or _too_many_attributes(text)
        or _too_many_elements(text, tags)
        or _too_much_reconstruction(text, tags)
    )
    return f"hostile input: {reason}; no real page is, so it was not parsed" if reason else None


def _too_many_attributes(text: str) -> str | None:
    for position, tag in _long_tags(text):
        count = len(_ATTRIBUTE_NAME.findall(_VALUE.sub(" ", tag[1:]))) - 1
        if count > MAX_ATTRIBUTES_PER_ELEMENT and not _in_raw_text(text, position):
            return f"an element with {count:,} attributes (the limit is {MAX_ATTRIBUTES_PER_ELEMENT:,})"
    return None


def _long_tags(text: str) -> Iterator[tuple[int, str]]:
    """What `_LONG_TAG` finds in `text`, with its position: looked for only at the `<`
    before a stretch without `<` long enough to hold the tag (twice a window's width).
    Such a stretch holds one whole window of those the text is cut into, so only the
    windows without a `<` are climbed out of (found at C speed; scripts make a few), each
    stretch once: the windows before its end share its `<`."""
    width, stretch_end = MAX_ATTRIBUTES_PER_ELEMENT, 0
    for start in range(0, len(text) - width + 1, width):
        if start < stretch_end or text.find("<", start, start + width) >= 0:
            continue
        opening, end = text.rfind("<", 0, start), text.find("<", start + width)
        stretch_end = len(text) if end < 0 else end
        # The text before the first `<` is in no tag.
        long_enough = opening >= 0 and stretch_end - opening - 1 >= 2 * width
        if long_enough and (match := _LONG_TAG.match(text, opening)) is not None:
            yield opening, match.group(0)


def _in_raw_text(text: str, position: int) -> bool:
    """Whether `position` is inside a script, a style sheet or a comment (where `a<b` is
    no tag). Run only on the rare long tags."""
    head = text[:position].lower()
    return any(head.rfind(start) > head.rfind(end) for start, end in _RAW_TEXT)


def _too_many_elements(text: str, tags: int) -> str | None:
    if tags <= MAX_ELEMENTS:  # a bound on the start tags
        return None
    count = len(_START_TAG.findall(text))
    if count > MAX_ELEMENTS:
        return f"{count:,} elements (the limit is {MAX_ELEMENTS:,})"
    return None


def _too_deep(text: str, tags: int) -> str | None:
    # Fewer tags than the limit bound the depth (most pages end here), and so do fewer tags
    # that are no end tag (`_nesting_depth_bound` adds up no more); both counted at C speed.
    if (
        tags <= MAX_NESTING_DEPTH
        or tags - text.count("</") <= MAX_NESTING_DEPTH
        or _nesting_depth_bound(text) <= MAX_NESTING_DEPTH
    ):
        return None
    depth = _exact_nesting_depth(text)
    if depth > MAX_NESTING_DEPTH:
        return f"elements nested {depth:,} deep (the limit is {MAX_NESTING_DEPTH:,})"
    return None


def _nesting_depth_bound(text: str) -> int:
    """An upper bound on element nesting, in a few C-speed passes: opening tags minus
    closing ones, counted between one closing tag and the next."""
    depth = peak = 0
    for chunk in text.split("</"):
        depth += chunk.count("<") - 1
        peak = max(peak, depth)
    return peak


def _exact_nesting_depth(text: str) -> int:
    """Element nesting as the HTML parser builds it (run on suspect pages only). An end tag
    closes its element and every element left open inside it; one with no open element of
    its name is ignored. In SVG and MathML a tag ending in "/>" is closed at once (an SVG
    drawing of thousands of `<path/>` nests nothing), and an HTML tag such as `<div>` there
    closes the drawing first; in HTML, "/>" is ignored (`<div/>` opens a div). Void
    elements and those closed by their next sibling are not counted. Linear: each element
    is opened and closed once."""
    stack: list[tuple[str, bool]] = []  # open elements: name, and whether SVG/MathML
    open_count: dict[str, int] = {}
    peak = 0
    for closing, name, rest in _TAG.findall(text):
        name = name.lower()
        if closing:
            if open_count.get(name, 0):
                while (top := stack.pop()[0]) != name:
                    open_count[top] -= 1
                open_count[name] -= 1
            continue
        foreign = _in_foreign_content(stack)
        if foreign and (name in _FOREIGN_BREAKOUT or (name == "font" and _FONT_BREAKOUT.search(rest))):
            while stack and _in_foreign_content(stack):
                open_count[stack.pop()[0]] -= 1
            foreign = False
        foreign = foreign or name in _FOREIGN_ROOTS
        if (foreign and rest.endswith("/")) or (not foreign and name in _NEVER_NESTED):
            continue
        stack.append((name, foreign))
        open_count[name] = open_count.get(name, 0) + 1
        peak = max(peak, len(stack))
    return peak


def _in_foreign_content(stack: list[tuple[str, bool]]) -> bool:
    """Whether the parser reads the next tag as SVG/MathML: the current element is one, and
    not one that holds HTML (`<foreignObject>`, MathML's text elements)."""
    return bool(stack) and stack[-1][1] and stack[-1][0] not in _HTML_INTEGRATION_POINTS


def _too_much_reconstruction(text: str, tags: int) -> str | None:
    """Unclosed formatting tags are copied by the parser into every following block:
    2,000 of them before 2,000 paragraphs make 4 million elements from 40 KB."""
    # At most three identical formatting elements are kept open, so no more than three per
    # distinct start tag are open at once, each copied at most once per block; the tags
    # bound the blocks before these are counted.
    formatting = _FORMATTING_START_TAG.findall(text)
    most_open = min(len(formatting), _NOAHS_ARK * len(set(formatting)))
    if most_open * tags <= MAX_RECONSTRUCTED_ELEMENTS:
        return None
    if most_open * len(_BLOCK_START.findall(text)) <= MAX_RECONSTRUCTED_ELEMENTS:
        return None
    copies = _reconstructed_elements(text)
    if copies > MAX_RECONSTRUCTED_ELEMENTS:
        return (
            "unclosed formatting tags the parser would copy into later blocks more than "
            f"{MAX_RECONSTRUCTED_ELEMENTS:,} times (counting stopped there)"
        )
    return None


def _reconstructed_elements(text: str) -> int:
    """An overestimate of the formatting elements the HTML parser reopens: at every block
    start, every formatting element still open (identical ones kept three at most). Stops
    counting past the limit; each tag costs O(1) (amortised)."""
    active: dict[int, tuple[str, str]] = {}  # the open formatting elements, oldest first
    by_name: dict[str, list[int]] = {}
    identical: dict[tuple[str, str], deque[int]] = {}
    copies = 0
    for number, (closing, name, block, attributes) in enumerate(_FORMATTING_TAG_OR_BLOCK_START.findall(text)):
        if block:
            copies += len(active)
            if copies > MAX_RECONSTRUCTED_ELEMENTS:
                break
            continue
        name = name.lower()
        if closing:
            stack = by_name.get(name, [])
            while stack and active.pop(stack.pop(), None) is None:
                pass  # already closed as a fourth identical element
            continue
        entry = (name, " ".join(attributes.split()))
        same = identical.setdefault(entry, deque())
        while same and same[0] not in active:
            same.popleft()
        if len(same) >= _NOAHS_ARK:
            del active[same.popleft()]
        same.append(number)
        active[number] = entry
        by_name.setdefault(name, []).append(number)
    return copies
