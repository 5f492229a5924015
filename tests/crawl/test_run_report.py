"""What a run tells people: a progress bar only on a terminal, failures, a summary."""

from __future__ import annotations

import io
import json
from pathlib import Path

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


def test_quiet_prints_nothing_and_failures_go_to_the_errors_file(tmp_path: Path) -> None:
    stderr = Terminal()
    errors = JsonLines(tmp_path / "errors.jsonl")
    reporter = Reporter(errors, quiet=True, stderr=stderr)
    assert reporter._progress is None
    _a_run(reporter)
    errors.close()
    assert stderr.getvalue() == ""
    (line,) = (tmp_path / "errors.jsonl").read_text().splitlines()
    assert json.loads(line) == {
        "url": "https://a.example/x",
        "outcome": "http_404",
        "detail": "the server answered 404 Not Found",
        "line": 7,
    }
    assert reporter.failures == 1
