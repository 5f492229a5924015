"""Every default of extraction, in one place, each with the reason for its value."""

from __future__ import annotations

MIB = 1024 * 1024

# Largest HTML document `extract` accepts. Real article pages are under 2 MB; a larger one
# is almost always an error page, a data dump or an attack, and parsing it would cost seconds.
DEFAULT_MAX_HTML_BYTES = 10 * MIB

# Deepest element nesting `extract` parses. HTML5 tree building costs grow with the square
# of the depth: 5,000 levels take ~20 ms, 100,000 take ~10 s. Real pages stay in the low
# hundreds (counting the elements they never close), so a deeper page is an attack and is
# refused before parsing.
MAX_NESTING_DEPTH = 5_000

# Most elements (start tags) `extract` parses. The largest of 1,678 real pages (both
# development corpora) has 15,800; parsing and extraction cost grows faster than the count
# (40,000 sibling paragraphs take ~5 s), so twice the largest real page is the limit.
MAX_ELEMENTS = 32_000

# Most attributes on one element. Real elements carry a few dozen; both the HTML parser and
# lxml spend time in the square of the count (40,000 attributes: ~6 s; 5,000: ~0.1 s).
# (An SVG inlined in an attribute value can look like a tag of 1,700 attributes.)
MAX_ATTRIBUTES_PER_ELEMENT = 5_000

# Most formatting elements (`<b>`, `<font>`...) the HTML parser may reopen in later
# blocks because they were left unclosed (as estimated, an overestimate, before parsing).
# The most of 1,678 real pages is 29,400; 2,000 unclosed tags before 2,000 paragraphs make
# 4 million elements (60 s, 1.8 GB); 190,000 copies still take ~3 s, 60,000 under 1 s.
MAX_RECONSTRUCTED_ELEMENTS = 60_000

# How much of the start of an undeclared page is given to charset detection: enough to
# see non-ASCII text, little enough to keep detection to a millisecond.
CHARSET_SNIFF_BYTES = 64 * 1024

# How far into a page `<meta charset>` is looked for (the HTML standard says 1024 bytes;
# real pages put it later, after long comments or inline scripts).
META_CHARSET_SCAN_BYTES = 16 * 1024

# A junk rule never removes an element holding more than this share of the page's text:
# such an element is a wrapper around the article, not a box beside it.
MAX_JUNK_SHARE_OF_TEXT = 0.5

# Text blocks up to this many characters can be a heading, a label or a credit line.
SHORT_BLOCK_CHARS = 200

# A prose junk section (an author's bio, a newsletter pitch) is a few sentences: a longer
# block after such a heading is article text and ends the section.
MAX_SECTION_PROSE_CHARS = 600
