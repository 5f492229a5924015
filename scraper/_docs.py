"""The record schema and the outcome codes rendered for `--help` and for the README, so the
help, the README and the code cannot disagree (a test compares the README with these)."""

from __future__ import annotations

from collections.abc import Iterable

from ._errors import OUTCOMES
from .crawl._schema import RECORD_SCHEMA

# Where the README's generated tables start and end.
README_MARKERS = {
    "record-fields": ("<!-- record-fields: made by scripts/update_readme.py -->", "<!-- /record-fields -->"),
    "outcomes": ("<!-- outcomes: made by scripts/update_readme.py -->", "<!-- /outcomes -->"),
}


def _help_rows(rows: Iterable[tuple[str, str]]) -> str:
    pairs = list(rows)
    width = max(len(name) for name, _ in pairs)
    return "\n".join(f"  {name.ljust(width)}  {meaning}" for name, meaning in pairs)


def record_fields_help() -> str:
    """The record's fields, a line each, for `--help` (click keeps `\\b` paragraphs as written)."""
    return _help_rows((field.name, field.meaning.replace("`", "")) for field in RECORD_SCHEMA)


def outcomes_help() -> str:
    """The outcome codes, failures marked, a line each, for `--help`."""
    return _help_rows(
        (outcome.code, ("failed: " if outcome.failed else "") + outcome.meaning) for outcome in OUTCOMES
    )


def readme_tables() -> dict[str, str]:
    """The README's generated tables, by marker name, in Markdown."""
    fields = ["| field | what it holds |", "|---|---|"]
    fields += [f"| `{field.name}` | {field.meaning} |" for field in RECORD_SCHEMA]
    outcomes = ["| outcome | counts as a failure | what it means |", "|---|---|---|"]
    outcomes += [f"| `{o.code}` | {'yes' if o.failed else 'no'} | {o.meaning} |" for o in OUTCOMES]
    return {"record-fields": "\n".join(fields), "outcomes": "\n".join(outcomes)}


def with_readme_tables(readme: str) -> str:
    """`readme` with each generated table, between its markers, made anew."""
    for name, table in readme_tables().items():
        start, end = README_MARKERS[name]
        before, _, rest = readme.partition(start)
        _, _, after = rest.partition(end)
        if not rest:
            raise ValueError(f"the README has no {start!r} marker")
        readme = f"{before}{start}\n{table}\n{end}{after}"
    return readme
