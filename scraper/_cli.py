"""The `scraper` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import BinaryIO

import click

from ._article import Article
from ._extract import extract

# Exit codes of `scraper extract`, for scripts and cron.
EXIT_OK = 0  # every input gave article text
EXIT_SOME_FAILED = 1  # at least one input could not be read or had no article text
EXIT_USAGE = 2  # bad options or arguments (click's own code for usage errors)


def _warn(message: str) -> None:
    click.echo(f"scraper: {message}", err=True)


def _read(source: str, stdin: BinaryIO) -> bytes | None:
    """The bytes of FILE (or of standard input for "-"), or None after saying what failed."""
    if source == "-":
        return stdin.read()
    try:
        return Path(source).read_bytes()
    except IsADirectoryError:
        _warn(f"{source}: is a directory; give the HTML files inside it")
    except FileNotFoundError:
        _warn(f"{source}: no such file")
    except PermissionError:
        _warn(f"{source}: permission denied")
    except OSError as error:
        _warn(f"{source}: cannot be read: {error.strerror or error}")
    return None


def _render(article: Article, source: str, output_format: str) -> str:
    if output_format == "json":
        return json.dumps({"input": source, **article.to_dict()}, ensure_ascii=False)
    if output_format == "markdown":
        return article.to_markdown()
    return article.text


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsprune", prog_name="scraper")
def main() -> None:
    """Download news pages and strip their boilerplate, leaving clean article text."""


@main.command("extract")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text", "markdown"]),
    default="json",
    show_default=True,
    help="json: one JSON object per input (JSON Lines); text: the body only; "
    "markdown: the body with subheadings marked '##'.",
)
@click.option("--url", help="The page's address (resolves relative links, fills `url`).")
@click.option("--charset", help="The page's charset when known (e.g. from HTTP headers).")
def extract_command(files: tuple[str, ...], output_format: str, url: str | None, charset: str | None) -> None:
    """Extract the article from each HTML FILE ('-' reads standard input).

    \b
    Exit status:
      0  every input gave article text
      1  an input could not be read or had no article text (each is named on stderr)
      2  usage error
    """
    failed = False
    for index, source in enumerate(files):
        data = _read(source, sys.stdin.buffer)
        if data is None:
            failed = True
            continue
        article = extract(data, url=url, charset=charset)
        if not article.text:
            failed = True
            _warn(f"{source}: {article.reason}")
        if output_format != "json" and index:
            click.echo("\f")  # a form feed between the bodies of several inputs
        if output_format == "json" or article.text:
            click.echo(_render(article, source, output_format))
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)
