"""What a run tells people: a progress bar only on a terminal, failures, a summary."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from scraper.crawl._output import JsonLines
from scraper.crawl._report import Reporter


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _a_run(reporter: Reporter) -> None:
    reporter.expect(3)
    reporter.done("emitted")
    reporter.done("not_modified")
    reporter.failed("https://a.example/x", "http_404", "the server answered 404 Not Found", 7)
    reporter.close()


def test_no_progress_bar_when_stderr_is_not_a_terminal_but_a_summary() -> None:
    stderr = io.StringIO()
    _a_run(Reporter(None, quiet=False, stderr=stderr))
    text = stderr.getvalue()
    assert "\x1b[" not in text and "URLs/s" not in text  # no drawing in a pipe or a cron mail
    assert "scraper: https://a.example/x: http_404: the server answered 404 Not Found" in text
    assert "3 URLs in" in text and "1 failed" in text
    assert "emitted" in text and "not_modified" in text


def test_a_progress_bar_on_a_terminal() -> None:
    terminal = Terminal()
    reporter = Reporter(None, quiet=False, stderr=terminal)
    assert reporter._progress is not None
    _a_run(reporter)
    assert "1 failed" in terminal.getvalue()


def test_quiet_sends_failures_to_the_errors_file_and_says_only_that_some_failed(tmp_path: Path) -> None:
    stderr = Terminal()
    errors = JsonLines(tmp_path / "errors.jsonl")
    reporter = Reporter(errors, quiet=True, stderr=stderr)
    assert reporter._progress is None
    _a_run(reporter)
    errors.close()
    assert stderr.getvalue() == f"scraper: 1 of 3 URLs failed; see {tmp_path / 'errors.jsonl'}\n"
    (line,) = (tmp_path / "errors.jsonl").read_text().splitlines()
    assert json.loads(line) == {
        "url": "https://a.example/x",
        "outcome": "http_404",
        "detail": "the server answered 404 Not Found",
        "line": 7,
    }
    assert reporter.failures == 1


def test_quiet_still_prints_failures_when_there_is_no_errors_file() -> None:
    stderr = io.StringIO()
    _a_run(Reporter(None, quiet=True, stderr=stderr))
    assert stderr.getvalue() == "scraper: https://a.example/x: http_404: the server answered 404 Not Found\n"


def test_a_run_that_found_nothing_new_says_nothing_when_no_one_is_watching() -> None:
    stderr = io.StringIO()
    reporter = Reporter(None, quiet=False, stderr=stderr)
    reporter.expect(2)
    reporter.done("not_modified")
    reporter.done("unchanged")
    reporter.close()
    assert stderr.getvalue() == ""


def test_a_run_that_wrote_articles_gives_its_summary() -> None:
    stderr = io.StringIO()
    reporter = Reporter(None, quiet=False, stderr=stderr)
    reporter.done("emitted")
    reporter.close()
    assert stderr.getvalue().startswith("scraper: 1 URLs in")


def test_no_progress_bar_when_the_records_go_to_the_same_terminal(tmp_path: Path) -> None:
    with open(os.devnull, "w") as device:  # one file standing for one terminal
        terminal = Terminal()
        terminal.fileno = device.fileno  # type: ignore[method-assign]
        records = Terminal()
        records.fileno = device.fileno  # type: ignore[method-assign]
        assert Reporter(None, quiet=False, stderr=terminal, records_to=records)._progress is None
        drawn = Reporter(None, quiet=False, stderr=terminal, records_to=None)
        assert drawn._progress is not None
        drawn.close()


def test_the_library_prints_nothing_without_a_stream(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = Reporter(None, quiet=False, stderr=None)
    _a_run(reporter)
    assert capsys.readouterr() == ("", "")  # failures go to the `scraper` logger only
