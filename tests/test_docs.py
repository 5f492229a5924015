"""The record schema and the outcome codes are written once; the help, the README and the
errors hierarchy all agree with them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import scraper._errors as errors
from scraper._cli import main
from scraper._docs import with_readme_tables
from scraper._errors import OUTCOMES, FetchError, HTTPStatusError, is_known_outcome
from scraper.crawl._schema import RECORD_SCHEMA

README = Path(__file__).resolve().parent.parent / "README.md"


def _failure_classes() -> list[type[FetchError]]:
    found: list[type[FetchError]] = []
    pending = [FetchError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return [cls for cls in found if cls.__module__ == errors.__name__ and cls is not FetchError]


def test_the_readme_tables_are_made_from_the_code() -> None:
    readme = README.read_text(encoding="utf-8")
    assert with_readme_tables(readme) == readme, "run: python scripts/update_readme.py"


def test_every_error_class_names_a_documented_failure_outcome() -> None:
    failures = {outcome.code for outcome in OUTCOMES if outcome.failed}
    for cls in _failure_classes():
        if cls is HTTPStatusError:
            assert HTTPStatusError(404, "gone").outcome == "http_404" and "http_<status>" in failures
        elif not cls.__name__.startswith("_"):
            assert cls.outcome in failures, f"{cls.__name__}.outcome {cls.outcome!r} is not in OUTCOMES"


def test_outcome_codes_are_known_by_name_and_http_statuses_by_shape() -> None:
    assert is_known_outcome("emitted") and is_known_outcome("http_503")
    assert not is_known_outcome("http_") and not is_known_outcome("exploded")


def test_run_help_lists_every_record_field_and_every_outcome() -> None:
    shown = CliRunner().invoke(main, ["run", "--help"], terminal_width=200).output
    for field in RECORD_SCHEMA:
        assert f"\n    {field.name} " in shown
    for outcome in OUTCOMES:
        assert f"\n    {outcome.code} " in shown
