"""The README's Python examples, run as a user runs them: each code block as a script of
its own, in a directory laid out like the repository, against the example site served on
127.0.0.1. What a `print(...)  # value` line promises is checked against what it prints."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"^```python\n(.*?)^```$", README, re.S | re.M)
RUN_EXAMPLE = next(block for block in BLOCKS if "run_urls(" in block)
_PROMISE = re.compile(r"^\s*print\(.*\)  # (.+)$", re.M)


@pytest.fixture(scope="module")
def example_site() -> Iterator[str]:
    """examples/site/ served on 127.0.0.1, as the README's first command serves it."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(ROOT / "examples/site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def checkout(tmp_path: Path, example_site: str) -> Path:
    """A directory with the files the examples name, examples/urls.txt pointing at the site."""
    (tmp_path / "tests/fixtures").mkdir(parents=True)
    shutil.copy(ROOT / "tests/fixtures/seed-page.html", tmp_path / "tests/fixtures")
    (tmp_path / "examples").mkdir()
    listed = (ROOT / "examples/urls.txt").read_text().replace("http://127.0.0.1:8765", example_site)
    (tmp_path / "examples/urls.txt").write_text(listed)
    return tmp_path


def _run_script(
    directory: Path, source: str, *, from_stdin: bool = False
) -> subprocess.CompletedProcess[str]:
    script = directory / "example.py"
    script.write_text(source, encoding="utf-8")
    command = [sys.executable, "-"] if from_stdin else [sys.executable, str(script)]
    return subprocess.run(
        command,
        cwd=directory,
        input=source if from_stdin else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_promises_kept(source: str, stdout: str) -> None:
    promised = _PROMISE.findall(source)
    assert promised, "each example shows what it prints"
    assert stdout.splitlines() == promised


OTHER_EXAMPLES = [block for block in BLOCKS if block is not RUN_EXAMPLE]


@pytest.mark.parametrize("source", OTHER_EXAMPLES, ids=[f"block{n}" for n in range(len(OTHER_EXAMPLES))])
def test_each_python_example_of_the_readme_runs_as_a_script(checkout: Path, source: str) -> None:
    done = _run_script(checkout, source)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # the library prints nothing of its own
    _assert_promises_kept(source, done.stdout)


def test_the_run_example_writes_its_articles_and_a_second_run_finds_nothing_new(checkout: Path) -> None:
    first = _run_script(checkout, RUN_EXAMPLE)
    assert (first.returncode, first.stderr) == (0, "")  # in worker processes, printing nothing
    _assert_promises_kept(RUN_EXAMPLE, first.stdout)
    again = _run_script(checkout, RUN_EXAMPLE)
    assert again.stdout.strip() == "Counter({'not_modified': 3})"
    lines = (checkout / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and (checkout / "errors.jsonl").read_text() == ""


def _unguarded(source: str) -> str:
    """The example as people paste it: the body of its `if __name__` block at the top level."""
    head, _, body = source.partition('if __name__ == "__main__":')
    return head + textwrap.dedent(body.split("\n", 1)[1])


@pytest.mark.parametrize("from_stdin", [False, True], ids=["unguarded script", "python -"])
def test_the_run_example_works_unguarded_and_from_stdin_and_says_why_it_uses_one_core(
    checkout: Path, from_stdin: bool
) -> None:
    source = _unguarded(RUN_EXAMPLE)
    assert "__main__" not in source
    done = _run_script(checkout, source, from_stdin=from_stdin)
    assert done.returncode == 0, done.stderr
    _assert_promises_kept(RUN_EXAMPLE, done.stdout)
    assert "RuntimeWarning: scraper: extracting in this process only (one core)" in done.stderr
    assert 'if __name__ == "__main__":' in done.stderr  # and what to do about it
    assert "Traceback" not in done.stderr


CONSOLE_BLOCKS = re.findall(r"^```console\n(.*?)^```$", README, re.S | re.M)
# `$ command` lines of the README's console examples with the output they show, for the
# commands that need nothing but this checkout (the `scraper run` one shows a made-up list).
SHOWN = [
    (match.group(1), match.group(2).rstrip("\n"))
    for block in CONSOLE_BLOCKS
    for match in re.finditer(r"^\$ (scraper extract .+)\n((?:[^$].*\n)+)", block, re.M)
]


@pytest.mark.parametrize(("command", "shown"), SHOWN)
def test_console_examples_print_what_the_readme_shows(command: str, shown: str) -> None:
    if "| jq" in command and shutil.which("jq") is None:
        pytest.skip("jq is not installed")
    scraper = Path(sys.executable).parent / "scraper"
    done = subprocess.run(
        command.replace("scraper ", f"{scraper} ", 1), shell=True, cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.stdout.rstrip("\n") == shown
