"""Every default of extraction, in one place, each with the reason for its value."""

from __future__ import annotations

from datetime import date

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

# A page declared UTF-8 whose bytes are not all valid UTF-8 is still read as UTF-8 (bad
# bytes replaced) when at most this share of its non-ASCII bytes is invalid: one stray byte
# should not make the whole page go through detection and come back as another charset.
MAX_INVALID_UTF8_SHARE = 0.05

# An undeclared page that is not UTF-8 is read as windows-1252 when at least this share of
# its non-ASCII characters, so read, are Western European letters and punctuation.
WESTERN_CHARS_SHARE = 0.95

# A junk rule never removes an element holding more than this share of the page's text:
# such an element is a wrapper around the article, not a box beside it.
MAX_JUNK_SHARE_OF_TEXT = 0.5

# Text blocks up to this many characters can be a heading, a label or a credit line.
SHORT_BLOCK_CHARS = 200

# A prose junk section (an author's bio, a newsletter pitch) is a few sentences: a longer
# block after such a heading is article text and ends the section.
MAX_SECTION_PROSE_CHARS = 600

# No date before this is believed (nor after tomorrow): the web's news pages start in the
# 1990s, and earlier values are placeholders (`0001-01-01`) or typos.
EARLIEST_DATE = date(1990, 1, 1)

# Language identification (py3langid) reads the first this many characters of the article:
# a few paragraphs decide the language, and the cost grows with the length (1,000
# characters take 0.6 ms, 2,000 take 1 ms, and agreed on 725 of 726 corpus texts).
LANGUAGE_SAMPLE_CHARS = 1000
# Shorter texts are not identified: a title or a caption alone misleads the identifier.
LANGUAGE_TEXT_MIN_CHARS = 200
# The markup's language is overruled only when the identifier is at least this sure (its
# normalised probability): pages declare `lang="en"` in a template whatever they print.
LANGUAGE_MIN_CONFIDENCE = 0.95

# How much of the page after the headline is read for the byline and the dateline: this
# many text pieces, each at most the given length (a longer piece is article prose).
HEAD_TEXT_PIECES = 15
HEAD_PIECE_MAX_CHARS = 120
# Text before the headline is read inside its header only: the nearest ancestor holding at
# most this many characters (a larger one is the page, whose top prints today's date), and
# the element just before that header when it holds at most as many.
HEAD_CONTAINER_MAX_CHARS = 1500

# How many short text pieces after the page's byline element are read for its date: the
# date follows the name, after a separator or a role at most ("Jane Doe", "Editor", "·").
BYLINE_DATE_PIECES = 3

# The visible headline (`<h1>`) is the title unless fewer than this share of its words are
# in the markup's title: then it is a logo, a section name or a teaser, not the headline.
MIN_HEADLINE_OVERLAP = 0.2
# Long texts (standfirsts, teasers) skipped in the headline's surroundings before article
# prose is taken to have begun.
HEAD_LONG_PIECES = 2

# htmldate reads at most this much of a page (scripts and styles removed first): a date is
# in the head or near the headline, and htmldate's cost grows with the page (0.3 s on a
# 1.3 MB product page).
HTMLDATE_MAX_CHARS = 100_000

# A run of at least this many characters ending in ".", "!" or "?" (or the marks of other
# scripts: "。", "؟", "।") is a sentence of prose, not a label, a title or a teaser. Measured
# as Latin text: a character of Chinese, Japanese or Thai counts three (`latin_width`).
PROSE_SENTENCE_CHARS = 80

# The page is extracted again, less only its structural junk (`prune_structure`), to check
# that pruning cost no article text, only on evidence that it may have (the check costs more
# than the first extraction: that page is larger). Measured on both corpora, under looser
# triggers it ran on 42% of the pages, changed one result in six there and took more time
# than the first extraction; these keep the same quality at half the cost:
# - a full extraction when pruning removed more than this many characters of prose...
PROSE_RECHECK_CHARS = 800
# - ...and either more than this share of the page's text went on the evidence of class
#   names alone (a forum's posts named "comment", a page builder's "teaser" blocks), or
#   what was extracted reads as a menu;
NAMED_RECHECK_SHARE = 0.15
# - a fast one (no fallback comparison: it did as well there) when more than this share
#   went on names alone without such prose (forums: WCXB forum F1 0.72 without the check,
#   0.73 with it from 0.3, 0.74 from 0.15 at twice the cost);
NAMED_FAST_RECHECK_SHARE = 0.3
# - a full extraction when the first is empty, or holds less than this share of the prose
#   left on the pruned page: trafilatura picked one block of an article split in several.
MIN_EXTRACTED_PROSE_SHARE = 0.5

# An extraction of fewer words than this is short. A short one holding no sentence of prose
# (a product's table of variants, picked because pruning a box made trafilatura choose
# another block) is checked against the second extraction, which may also replace a
# short one for the rows of a list it lacks (below). (Checking every short extraction cost
# 8 ms a page on average for no gain once every paragraph of the pruned page was tried on
# them; checking those without prose: WCXB product F1 0.618 -> 0.626, AEB unchanged.)
MIN_SURE_WORDS = 200

# Pruning is also undone when a short extraction (under `MIN_SURE_WORDS`) lacks the rows of
# a list the second extraction holds: at least this many lines of one shape but for
# their numbers ("Item# 59370 / $199.00"). Catalogue pages lose their product rows so when
# pruning makes trafilatura pick another block (WCXB-dev: 6 pages gain 0.2 to 0.6 F1, 2 lose).
LOST_LIST_ROWS = 8

# Pruning is also undone when the second extraction holds at least this many "label:
# value" lines (a product's specifications: "Body: Alder", "Weight: 700 g") that the
# pruned one lacks, unless the pruned one holds prose the second lacks (WCXB-dev: a
# guitar's specifications come back, 0.09 -> 0.27; 3 lines also took a "Sale price: $24"
# row on a collection and an article's quoted "Name: says" lines).
LOST_SPEC_LINES = 5

# trafilatura retries a short extraction in recall mode (lists, headings and `<div>` text
# kept) when it covers less than a fifth of its input's text: a catalogue or a product page
# whose text is not in paragraphs. Pruning menus and footers first shrinks that input, so
# the retry no longer fires on the pages that need it (a category's FAQ and lists lost).
# The retry is made again here with trafilatura's own figures, the share measured on the
# page as it was before pruning: an extraction under this many characters...
RECALL_RETRY_MAX_CHARS = 3000
# ...covering less than this share of the page's text before pruning...
RECALL_RETRY_PAGE_SHARE = 0.2
# ...is replaced by the recall-mode extraction when that is this many times longer.
RECALL_RETRY_GAIN = 1.5

# When the extraction is short (see MIN_EXTRACTED_PROSE_SHARE) or holds fewer than this
# many characters, every paragraph of the pruned page (trafilatura's baseline) is taken
# instead if it holds at least this many times as much text, in lines of at least this
# many characters on average (sentences and item descriptions, not a menu's one-word
# links). An article, a forum thread or a listing split in many sibling boxes makes
# trafilatura pick one box; pruning has already taken the junk away. Measured on both
# corpora: 16 of 1,678 pages change, 15 for the better (F1 +8.6 points in all: listings,
# forums, articles), one worse; no AEB page changes.
FALLBACK_MAX_CHARS = 1500
FALLBACK_MIN_GAIN = 3
FALLBACK_MIN_LINE_CHARS = 40

# A line of the extraction is looked up on the page by its first this many characters,
# white space folded (`_prune.needle`): enough to tell it from any other, and few enough
# that a line the page breaks otherwise is still found.
NEEDLE_CHARS = 60

# An article split over several boxes of one kind (one tag and class names: a theme that
# closes the body's box at each advert and opens another) makes trafilatura pick one box.
# When the extraction holds less than the prose left on the pruned page, the box holding
# its first sentence (found by its `needle`) is looked up; if more boxes of
# its kind exist, every paragraph of them all replaces the extraction when that gives at
# least this many times its text and keeps this share of its lines (the same article,
# whole). Measured on both corpora: AEB F1 0.975 -> 0.978; no WCXB page type worse, and
# no page worse by more than 0.01.
SPLIT_BOX_MIN_GAIN = 1.2
SPLIT_BOX_KEPT_LINES = 0.9

# A list or subheading trafilatura dropped from between two lines it kept goes back
# (`_gaps`) unless more than this share of its text is link text: a menu or a box of
# related stories.
GAP_RUN_MAX_LINK_SHARE = 0.5

# Pruning is undone when the second extraction holds prose lines, missing from the
# pruned one, of more than this many words, or this share of the pruned extraction's words.
MAX_LOST_PROSE_WORDS = 40
MAX_LOST_PROSE_SHARE = 0.15

# An element named as junk (by its class, id or a `<header>` tag) holding at least this many
# characters of prose is kept: page builders and forums put real text in such boxes.
PROSE_KEEP_CHARS = 150

# Elements named as junk are kept when they are items of the page's own list: at least this
# many of one kind (tag and junk words of their names) holding together at least this share
# of the page's text. Catalogues, listings and job boards name their cards "caption",
# "widget" or give each a `<header>`; a box of related links beside an article is a small
# share of its page.
LISTING_MIN_ITEMS = 4
LISTING_MIN_SHARE = 0.15

# A line that repeats an image's alt text is the image described twice, and goes, unless
# at least `LISTING_MIN_ITEMS` lines, and this share of all lines, do so: then they are the
# names a catalogue prints under its pictures (an article's photos are a few of its lines;
# a card giving its price, rating and a line of description besides the name: a quarter.
# 0.2 rather than 0.3: 4 WCXB pages better, collection +0.002, none worse).
ITEM_NAMES_MIN_SHARE = 0.2

# A box opened by a "related" (or tags, share...) heading is the page's own section, and
# only its heading goes, when at least this share of its text is prose read per paragraph
# (documentation's "More about forms": about 40%; a box of teasers that each add a
# sentence of description to their title: 5 to 15%).
SECTION_MIN_PROSE_SHARE = 0.3

# Small elements named as junk ("modal__paragraph", "widget-text") are kept when at least
# two of one kind hold together this much prose: each is under `PROSE_KEEP_CHARS`, and
# together they are a passage of the page's own text (a product's description).
SPLIT_PROSE_CHARS = 2 * PROSE_KEEP_CHARS

# A run of lines each already printed in the text is a second copy of it (themes print the
# body again for print, for mobile or in a closed tab) and goes when it holds at least this
# many sentences of prose, of at least this many characters in all. Repeated short lines (a
# meal plan's steps for a second day, a form's labels) and a repeated sentence (a pull
# quote) are the page's own. (Both corpora: WCXB articles +0.001, forums +0.006,
# collections +0.005, 2 of 1,497 pages worse; one AEB page printed thrice 0.31 -> 0.88.)
MIN_COPY_PROSE_LINES = 3
MIN_COPY_PROSE_CHARS = 800

# An id that spells its element's own text ("h-how-to-grow-your-social-following" on that
# heading: page builders and Markdown make anchors so) is no name of junk: at least this
# many words, this share of them words of the text and this share of the text's words in
# it, for a text of at most this many characters (a heading's or a label's).
MIN_ANCHOR_WORDS = 2
ANCHOR_MIN_SHARE = 0.7
MAX_ANCHOR_TEXT_CHARS = 200

# The building-block words (`_rules.BUILDING_BLOCK_WORDS`: "widget", "comment"...) naming
# the element that holds the page's main run of paragraphs, or one of this many of its
# nearest wrappers, name the page's blocks (a page builder wraps every heading and
# paragraph in a "widget", a forum every post in a "comment"): on that page, an element
# named by them alone is not removed on its name.
BUILDER_WRAPPERS = 3

# A subheading boxed in an element named as junk stays over prose that stays (see
# `PROSE_KEEP_CHARS`); a linked one (a listicle's item linking its title) only over at
# least this much prose: a teaser's title is a link over an excerpt of a sentence or two.
LINKED_SECTION_PROSE_CHARS = 400

# A grid of cards (a catalogue's product tiles, a listing's rows, a service page's
# feature boxes) defeats trafilatura's choice of one main block: it keeps a category's
# blurb and leaves the items out, their lines being short and linked. The cards it left
# out go back (`_cards`) when the pruned page holds a grid: at least this many sibling
# elements of one kind (tag and class names)...
CARD_MIN_ITEMS = 4
# ...holding together at least this share of the pruned page's text...
CARD_MIN_PAGE_SHARE = 0.2
# ...and more text than the extraction: the extraction is at most this share of the
# grid's text (a product page's description beside a box of related products is not)...
CARD_MAX_EXTRACTED_SHARE = 0.6
# ...each card a few short pieces of text (a name, a price, a brand, a line of
# description): between these many text pieces for the median card (one piece is a menu
# entry or a name list; dozens are a menu's category of links), the median piece shorter
# than a sentence of prose (`PROSE_SENTENCE_CHARS`: comments are sentences)...
CARD_MIN_PIECES = 2
CARD_MAX_PIECES = 20
# ...with at most this many links for the median card, and not a group of link lists
# (more than `CARD_MENU_LINKS` links a card, more than `CARD_MENU_LINK_SHARE` of the text
# link text: a table of contents or a mega menu)...
CARD_MAX_LINKS = 8
CARD_MENU_LINKS = 4
CARD_MENU_LINK_SHARE = 0.9
# ...and at most this share of the cards' text prose (a run of prose boxes is an article's
# comments or a thread's posts, which the lost-text checks judge, not a grid of cards).
CARD_MAX_PROSE_SHARE = 0.6
# Beside an extraction holding a sentence of prose (an article), a grid of which at least
# this share of the cards carry a date (`_rules.DATELINE`) is its related stories or its
# comments, and stays out; on a listing whose extraction holds no prose, dated cards are
# its posts. (Both corpora: 4 AEB pages lost 0.4 to 0.75 F1 to a sidebar of dated
# teasers or a comment list without this; WCXB forums gain 0.01 less.)
CARD_MAX_DATED_SHARE = 0.5
# (Both corpora, against the extraction before this stage: WCXB collections +0.044 (18
# pages better, 4 worse), listings +0.048 (12, 3), services +0.016 (9, 1), forums +0.008
# (3, 1), articles +0.0015 (2, none), products +0.002 (3, 3); AEB unchanged; ~1 ms a page.)
