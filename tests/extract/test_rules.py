"""The line-rule tables' shortcut: a line holding none of a `Costly` pattern's literals is
matched against its table without that pattern, and gets the same kind as from all of it."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.extract import _rules

COSTLY = [
    (rule, flags)
    for table, flags in ((_rules.JUNK_LINES, re.I), (_rules.CASED_JUNK_LINES, 0))
    for rules in table.values()
    for rule in rules
    if isinstance(rule, _rules.Costly)
]
ODDITIES = re.compile(f"[{_rules._CASE_FOLD_ODDITIES}]")


@pytest.mark.parametrize(("rule", "flags"), COSTLY, ids=lambda value: str(getattr(value, "needs", "")))
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(data=st.data())
def test_every_line_a_costly_pattern_matches_holds_one_of_its_literals(
    rule: _rules.Costly, flags: int, data: st.DataObject
) -> None:
    line = data.draw(st.from_regex(re.compile(rule.pattern, flags | re.S), fullmatch=True))
    folded = line.lower()
    assert any(need in folded for need in rule.needs) or ODDITIES.search(folded)


def test_the_letters_case_folding_equates_with_a_literal_are_all_known() -> None:
    """Every letter that a `Costly` literal's letter matches when case is ignored is either
    turned into it by `lower()` or sends the line to the whole table."""
    every_letter = "".join(map(chr, range(sys.maxunicode + 1))).replace("\n", "")
    for letter in {letter for rule, _ in COSTLY for need in rule.needs for letter in need}:
        for match in re.finditer(re.escape(letter), every_letter, re.I):
            folded = match.group().lower()
            assert letter in folded or ODDITIES.search(folded), (letter, match.group())


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Comments will not be published until approved.", "comment_form"),
        ("Installation views, photos © Inexhibit, 2018", "credit"),
        ("Sign up for our daily newsletter", "newsletter"),
        ("We use cookies to give you the best experience.", "cookies"),
        ("Copyright 2024 Example Media. All rights reserved.", "notice"),
        ("The council met on Monday, and the vote was close.", None),
    ],
)
def test_a_line_gets_the_kind_of_its_whole_table(line: str, kind: str | None) -> None:
    for table, text in (
        (_rules.compile_table(_rules.CASED_JUNK_LINES, flags=0), line),
        (_rules.compile_table(_rules.JUNK_LINES), _rules.normalise_phrase(line)),
    ):
        match = table.every.match(text)
        assert _rules.matched_kind(table, text) == (match.lastgroup if match else None)
        if match:
            assert match.lastgroup == kind
