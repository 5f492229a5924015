"""The `scraper` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import click

from ._docs import outcomes_help, record_fields_help
from ._errors import ConfigError, StateLockedError, count_failures
from .crawl._config import default_state_path, load_config
from .crawl._settings import (
    DEFAULT_CONCURRENCY,
    DEFAULT_DELAY,
    DEFAULT_MAX_BYTES,
    DEFAULT_PER_HOST,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
)
from .extract import Article

# Exit codes of `scraper extract`, for scripts and cron.
EXIT_OK = 0  # every input gave article text
EXIT_SOME_FAILED = 1  # at least one input could not be read or had no article text
EXIT_USAGE = 2  # bad options or arguments (click's own code for usage errors)
EXIT_LOCKED = 3  # `scraper run`: another run holds the state file


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
    from .extract import extract  # loaded only by the command that needs it

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


_RUN_HELP = f"""Fetch every URL listed in URLFILE, extract its article, and print one JSON
object per article (JSON Lines). URLFILE has one URL a line; blank lines and lines
starting with '#' are skipped; '-' reads standard input. The list is read as a stream,
so its length does not matter. A line may also be a feed or a sitemap (see FEEDS AND SITEMAPS).

\b
OUTPUT
  Each record (one JSON object a line) holds these fields, in this order:
{record_fields_help()}

\b
OUTCOMES
  Every URL ends with one outcome; the summary counts them. A URL that failed is
  reported (url, outcome, detail, line) to the --errors file, or else to standard error.
{outcomes_help()}

\b
STATE
  What each URL gave last time (ETag, Last-Modified, the hash of its text) is kept in
  a SQLite file, by default {default_state_path()}.
  The next run asks only for what changed: a page that answers 304 Not Modified or
  whose text is unchanged emits nothing (--force emits it anyway). With -o FILE a run
  killed at any moment loses no article and, run again, writes none twice. Two runs
  cannot share a state file: the second exits at once with status 3.

\b
FEEDS AND SITEMAPS
  A line of URLFILE, a --feed or a --sitemap may be an RSS 2.0, RSS 1.0, Atom or
  JSON feed, a sitemap, sitemap index or Google News sitemap (gzipped or not): the
  content decides. The pages it lists are fetched, once: the state remembers them, so
  a run where nothing was published makes only conditional requests and emits
  nothing. --since skips older items. With --discover, a line that is a site's front
  page is read for the feeds its <link rel="alternate"> tags announce. URLs are
  compared without tracking parameters (utm_*, fbclid, gclid...), fragments or default
  ports; an article already emitted under its canonical address, or with the same
  text under another address, is not emitted again (see --dedupe).

\b
POLITENESS
  robots.txt is fetched once per host and obeyed (its Crawl-delay can only make
  --delay longer). Each host gets at most --per-host connections, their requests
  --delay seconds apart; 408, 425, 429 and 5xx answers and network failures are
  retried with exponential backoff, obeying Retry-After. Only public addresses are
  contacted, after every redirect too, unless --allow-network opens a range.

\b
CONFIG FILE
  --config FILE reads any of the long options from TOML, for example:
      concurrency = 16
      delay = 1.0
      allow-network = ["10.0.0.0/8"]
  Options given on the command line win over the file.

\b
EXIT STATUS
  0  every URL gave an article, or was unchanged since the last run
  1  some URLs failed (each one is reported)
  2  usage or configuration error; nothing was fetched
  3  another run is using the same state file

\b
EXAMPLES
  scraper run urls.txt -o articles.jsonl --errors errors.jsonl
  grep -v example.org urls.txt | scraper run - --delay 1 --quiet
"""


@main.command("run", help=_RUN_HELP, short_help="Fetch a list of URLs and extract their articles.")
@click.argument(
    "urlfile", required=False, type=click.File("r", encoding="utf-8", errors="replace", lazy=True)
)
@click.option(
    "--feed", "feeds", multiple=True, metavar="URL", help="Read this RSS, Atom or JSON feed (repeatable)."
)
@click.option(
    "--sitemap",
    "sitemaps",
    multiple=True,
    metavar="URL",
    help="Read this sitemap or sitemap index (repeatable).",
)
@click.option(
    "--since",
    metavar="AGE|DATE",
    help="Skip feed and sitemap items dated before this: an age (30m, 12h, 2d, 1w) or a date (2026-11-01).",
)
@click.option(
    "--discover", is_flag=True, default=None, help="Follow the feeds a front page announces (see FEEDS)."
)
@click.option(
    "--dedupe",
    type=click.Choice(["all", "canonical", "off"]),
    help="Skip an article already emitted under another address with the same canonical address "
    "or text (all), the same canonical address only (canonical), or never (off). [default: all]",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append articles to this file instead of standard output.",
)
@click.option(
    "--errors",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append one JSON line per URL that gave no article (url, outcome, detail, line).",
)
@click.option(
    "--concurrency",
    type=int,
    help=f"Requests in flight, all hosts together. [default: {DEFAULT_CONCURRENCY}]",
)
@click.option(
    "--per-host", type=int, help=f"Connections to one host at a time. [default: {DEFAULT_PER_HOST}]"
)
@click.option("--delay", type=float, help=f"Seconds between requests to one host. [default: {DEFAULT_DELAY}]")
@click.option(
    "--timeout",
    type=float,
    help=f"Seconds for a whole request, redirects and body included. [default: {DEFAULT_TIMEOUT:g}]",
)
@click.option(
    "--retries", type=int, help=f"Retries after a failure worth retrying. [default: {DEFAULT_RETRIES}]"
)
@click.option("--user-agent", help="The User-Agent header sent, and the name robots.txt rules are read for.")
@click.option(
    "--max-bytes",
    type=int,
    help=f"Largest page, counted after decompression. [default: {DEFAULT_MAX_BYTES:,}]",
)
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), help="The state file (see STATE).")
@click.option("--force", is_flag=True, default=None, help="Fetch everything afresh and emit every article.")
@click.option(
    "--allow-network",
    multiple=True,
    metavar="CIDR",
    help="Also contact this address range, e.g. 10.0.0.0/8 or 127.0.0.1 (repeatable).",
)
@click.option("--workers", type=int, help="Extraction processes. [default: one per core]")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress bar and no summary.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="A TOML file of options (see CONFIG FILE).",
)
def run_command(urlfile: TextIO | None, feeds: tuple[str, ...], sitemaps: tuple[str, ...],
                output: Path | None, errors: Path | None, config_file: Path | None,
                **options: Any) -> None:  # fmt: skip
    from .crawl._run import run_urls  # the fetching stack is only loaded for this command

    if urlfile is None and not feeds and not sitemaps:
        raise click.UsageError("give a URLFILE ('-' for standard input), or a --feed or --sitemap")
    try:
        config = load_config(config_file).with_options(**options)
        counts = run_urls(config, urlfile, output, errors, listings=[*feeds, *sitemaps])
    except ConfigError as error:
        _warn(str(error))
        sys.exit(EXIT_USAGE)
    except StateLockedError as error:
        _warn(str(error))
        sys.exit(EXIT_LOCKED)
    failed = count_failures(counts)
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)
