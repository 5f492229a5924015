"""`scraper extract FILE...`: JSON Lines, text or Markdown out; errors name the file."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper._cli import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, main

SEED = Path(__file__).parent / "fixtures" / "seed-page.html"
EXPECTED = (Path(__file__).parent / "fixtures" / "seed-expected-text.txt").read_text().strip()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_json_lines_one_object_per_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(SEED), str(SEED), "--url", "https://x.example/a"])

    assert result.exit_code == EXIT_OK
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    assert records[0]["input"] == str(SEED)
    assert records[0]["text"] == EXPECTED
    assert records[0]["url"] == "https://x.example/a"
    assert "blocks" not in records[0]


def test_text_format_prints_only_the_body(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "--format", "text", str(SEED)])
    assert result.exit_code == EXIT_OK
    assert result.stdout.strip() == EXPECTED


def test_markdown_marks_subheadings(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "--format", "markdown", str(SEED)])
    assert "\n## Reports claim that 12,000 troops have already been sent\n" in result.stdout


def test_dash_reads_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "--format", "text", "-"], input=SEED.read_bytes())
    assert result.stdout.strip() == EXPECTED


def test_missing_file_is_named_and_the_rest_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"

    result = runner.invoke(main, ["extract", str(missing), str(SEED)])

    assert result.exit_code == EXIT_SOME_FAILED
    assert f"scraper: {missing}: no such file" in result.stderr
    unreadable, page = map(json.loads, result.stdout.splitlines())
    assert (unreadable["input"], unreadable["text"], unreadable["reason"]) == (
        str(missing),
        "",
        "no such file",
    )
    assert unreadable.keys() == page.keys()  # the same line as for a page with no article
    assert page["text"] == EXPECTED


def test_page_without_article_is_reported_with_its_reason(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")

    result = runner.invoke(main, ["extract", str(empty)])

    assert result.exit_code == EXIT_SOME_FAILED
    assert f"{empty}: empty input" in result.stderr
    assert json.loads(result.stdout)["reason"].startswith("empty input")


def test_directory_is_refused_with_advice(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == EXIT_SOME_FAILED
    assert "is a directory" in result.stderr


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["extract"]).exit_code == EXIT_USAGE
    assert runner.invoke(main, ["extract", "--format", "xml", str(SEED)]).exit_code == EXIT_USAGE


def test_extract_help_shows_examples_and_every_field(runner: CliRunner) -> None:
    text = runner.invoke(main, ["extract", "--help"]).stdout
    assert "EXAMPLES" in text and "scraper extract page.html" in text
    for field in (
        "title",
        "text",
        "author",
        "published",
        "language",
        "canonical_url",
        "word_count",
        "reason",
    ):
        assert field in text


def test_ctrl_c_exits_130_without_a_traceback(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(sys.modules["scraper.extract"], "extract", interrupted)
    result = runner.invoke(main, ["extract", str(SEED)])
    assert result.exit_code == 130
    assert "Traceback" not in result.output and "Aborted" not in result.output


def test_extract_piped_into_head_ends_quietly_with_the_status_of_a_closed_pipe() -> None:
    pages = " ".join([str(SEED)] * 60)  # more lines than a pipe holds
    pipeline = f"{sys.executable} -m scraper extract {pages} | head -1; echo status ${{PIPESTATUS[0]}} >&2"
    done = subprocess.run(
        ["bash", "-c", pipeline],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert json.loads(done.stdout)["text"] == EXPECTED
    assert done.stderr.strip() == "status 141"
