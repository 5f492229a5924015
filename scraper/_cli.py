"""The `scraper` command line."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import logging
import os
import sys
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from ._docs import outcomes_help, record_fields_help
from ._errors import (
    BackendLost,
    ConfigError,
    OutputClosed,
    RunInterrupted,
    StateLockedError,
    StorageError,
    count_failures,
)
from .crawl._config import (
    RunConfig,
    default_config_path,
    default_state_path,
    format_size,
    parse_header,
    parse_network,
    parse_proxy,
    parse_since,
    parse_size,
    parse_state,
)
from .crawl._report import PRINTED
from .crawl._settings import (
    DEFAULT_CONCURRENCY,
    DEFAULT_DELAY,
    DEFAULT_EXTRACT_TIMEOUT,
    DEFAULT_MAX_BYTES,
    DEFAULT_MIN_WORDS,
    DEFAULT_PER_HOST,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
)
from .crawl._urls import READER_THREAD
from .extract import Article

# Exit codes of `scraper extract`, for scripts and cron.
EXIT_OK = 0  # every input gave article text
EXIT_SOME_FAILED = 1  # at least one input could not be read or had no article text
EXIT_USAGE = 2  # bad options or arguments (click's own code for usage errors)
EXIT_LOCKED = 3  # `scraper run`: another run holds the state file
EXIT_BACKEND_LOST = 4  # `scraper run`: the cluster scheduler or state database is gone; run again
EXIT_STORAGE = 5  # `scraper run`: a file of the run could not be written (disk full...)
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it
EXIT_BROKEN_PIPE = 141  # the reader of standard output went away: 128 + SIGPIPE, as shells report it
EXIT_TERMINATED = 143  # `scraper run` stopped in order by SIGTERM: 128 + SIGTERM

F = TypeVar("F", bound=Callable[..., Any])


def _warn(message: str) -> None:
    click.echo(f"scraper: {message}", err=True)


class _Failure(click.ClickException):
    """A problem with the setup, printed as `scraper: ...`; nothing was fetched."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        _warn(self.message)


class _Locked(_Failure):
    exit_code = EXIT_LOCKED


class _Lost(_Failure):
    exit_code = EXIT_BACKEND_LOST


class _Unwritable(_Failure):
    """A file of the run could not be written: the run stopped (exit status 5)."""

    exit_code = EXIT_STORAGE


def _conventional_exits(command: F) -> F:
    """Ctrl-C exits 130 and a closed standard output (`| head -1`) exits 141, as shells
    report a process killed by SIGINT or SIGPIPE, quietly: no traceback, no summary."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except KeyboardInterrupt:
            _exit_now(EXIT_INTERRUPTED)
        except (OutputClosed, BrokenPipeError):
            # nothing more can be written; Python would complain flushing stdout at exit
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            _exit_now(EXIT_BROKEN_PIPE)

    return wrapper  # type: ignore[return-value]


def _exit_now(status: int) -> None:
    """Exit with `status`. A run stopped while its URL list was still being read (a pipe
    or terminal left open) leaves a thread blocked in that read, which Python's own exit
    would wait on, or abort over: then the process ends at once, its files flushed."""
    if not any(thread.name == READER_THREAD and thread.is_alive() for thread in threading.enumerate()):
        sys.exit(status)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)


def _read(source: str, stdin: BinaryIO) -> bytes | str:
    """The bytes of FILE (or of standard input for "-"), or why it cannot be read."""
    if source == "-":
        return stdin.read()
    try:
        return Path(source).read_bytes()
    except IsADirectoryError:
        return "is a directory; give the HTML files inside it"
    except FileNotFoundError:
        return "no such file"
    except PermissionError:
        return "permission denied"
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"


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


_ARTICLE_FIELDS = ", ".join(f.name for f in dataclasses.fields(Article) if f.name != "blocks")

_EXTRACT_HELP = f"""Extract the article from each HTML FILE ('-' reads standard input).

\b
OUTPUT
  --format json (the default) prints one JSON object per FILE, JSON Lines:
  input (the FILE as given) and {_ARTICLE_FIELDS}.
  A FILE that cannot be read, or has no article text, still gets its line: text
  empty and reason saying why (also said on standard error, naming the FILE).
  --format text prints the body only, markdown the body with subheadings marked
  '##'; several bodies are separated by a form feed line.

\b
EXIT STATUS
  0  every input gave article text
  1  an input could not be read or had no article text (each is named on stderr)
  2  usage error

\b
EXAMPLES
  scraper extract page.html --url https://example.com/news/story
  scraper extract saved/*.html > articles.jsonl
  curl -s https://example.com/story | scraper extract - --format markdown
  scraper extract page.html | jq -r .title
"""


@main.command("extract", help=_EXTRACT_HELP, short_help="Extract the article from saved HTML files.")
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
@_conventional_exits
def extract_command(files: tuple[str, ...], output_format: str, url: str | None, charset: str | None) -> None:
    from .extract import extract  # loaded only by the command that needs it

    failed = False
    for index, source in enumerate(files):
        data = _read(source, sys.stdin.buffer)
        if isinstance(data, str):  # unreadable: said like an input with no article
            article = Article(url=url, reason=data)
        else:
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
  --state postgresql://USER:PASSWORD@HOST:PORT/DATABASE keeps it in PostgreSQL
  instead (the schema 'scraper' is made on first use), to share it between machines.

\b
CLUSTER
  --cluster tcp://HOST:8786 sends the host batches to a Dask scheduler: its workers
  fetch and extract (each needs newsprune[cluster] installed), this command writes
  the output and keeps the state. One batch of a host is at work at a time, cluster-
  wide, with its delay and robots.txt. A worker lost mid-batch has its batch re-run;
  nothing is written twice. --workers has no effect there.

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
MESSAGES
  A URL that fails is named on standard error (unless --errors takes it). A progress
  bar is drawn on a terminal, unless the records are printed to it. The summary is
  printed when the run wrote an article or something failed, or on a terminal: a
  cron job that finds nothing new prints nothing. -q leaves only the failures (and,
  with --errors, one line saying how many failed). -v names every URL's outcome
  (what a duplicate duplicated, too), -vv adds each HTTP request; --log-file FILE
  keeps that log, with times, whatever the terminal shows.

\b
CONFIG FILE AND ENVIRONMENT
  Any long option can be set in a TOML file, with the command line's name and a
  value of the type it takes, for example:
      concurrency = 16
      delay = 1.0
      max-bytes = "20MiB"
      allow-network = ["10.0.0.0/8"]
      output = "~/news/articles.jsonl"
  The file is --config FILE, or else SCRAPER_CONFIG, or else
  {default_config_path()} if it exists.
  Each option can also be set as SCRAPER_<OPTION> in the environment, e.g.
  SCRAPER_DELAY=1 or SCRAPER_ALLOW_NETWORK="10.0.0.0/8 127.0.0.1" (lists separated
  by spaces; SCRAPER_HEADERS by new lines). The command line wins over the
  environment, which wins over the file, which wins over the defaults.

\b
EXIT STATUS
  0  every URL gave an article, or was unchanged since the last run
  1  some URLs failed (each one is reported)
  2  usage or configuration error, or a damaged or emptied state file (named, with
     what to do); nothing was fetched
  3  another run is using the same state file
  4  the cluster's scheduler or the state database cannot be reached or went away;
     what was written is kept, run again to finish
  5  the output, the errors file or the state could not be written (disk full, I/O
     error): the run stopped; the file was left as it was before the failed write and
     nothing unwritten was committed, so a run once space is back loses and repeats nothing
  130  interrupted (Ctrl-C), 143  stopped by SIGTERM: no new work was taken, the URLs
     at work were abandoned (the next run does them), the summary was written
  141  the reader of standard output went away (| head): the run stopped quietly

\b
DEADLINES
  --timeout bounds each request, --extract-timeout the reading of each page in its
  extraction process: a page past it is given up (extraction_timeout), its process
  replaced, and the run goes on. Extraction processes end with their run, however it ends.

\b
EXAMPLES
  scraper run urls.txt -o articles.jsonl --errors errors.jsonl
  grep -v example.org urls.txt | scraper run - --delay 1 --quiet
  scraper run --feed https://example.com/rss -o ~/news.jsonl -q      (in a crontab)
"""


class _Parsed(click.ParamType):  # type: ignore[type-arg]  # generic from click 8.3 only
    """A click type made of one of the parsers of `crawl._config`, so that the command line,
    the environment and the config file accept exactly what `RunConfig` accepts."""

    def __init__(self, name: str, parse: Callable[[str], Any], splitter: str | None = None) -> None:
        self.name = name
        self._parse = parse
        self.envvar_list_splitter = splitter  # type: ignore[misc]

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value  # converted already
        try:
            return self._parse(value)
        except ConfigError as error:
            message = str(error)  # "--option 'value' is not ...": click names the option itself
            self.fail(message.split(" ", 1)[1] if message.startswith("--") else message, param, ctx)


_NETWORK = _Parsed("CIDR", parse_network)
_SIZE = _Parsed("SIZE", parse_size)
_HEADER = _Parsed("'NAME: VALUE'", parse_header, splitter="\n")
_SINCE = _Parsed("AGE|DATE", parse_since)
_PROXY = _Parsed("URL", parse_proxy)
_STATE = _Parsed("PATH|URL", parse_state)

# What a config file must give for an option of each click type: (TOML types, said as).
_TOML_TYPES: dict[type[click.ParamType[Any, Any]], tuple[tuple[type, ...], str]] = {
    click.types.IntParamType: ((int,), "an integer"),
    click.types.FloatParamType: ((int, float), "a number"),
}


def _config_value(ctx: click.Context, option: click.Option, value: Any) -> Any:
    """A value of the config file, checked for its TOML type and then converted by the
    option's own click type; click.BadParameter says what was expected."""
    accepted: tuple[type, ...]
    if option.is_flag:
        accepted, said = (bool,), "true or false"
    elif option.type is _SIZE:
        accepted, said = (int, str), "a size such as 10MiB, or bytes"
    else:
        accepted, said = _TOML_TYPES.get(type(option.type), ((str,), "a string"))
    if isinstance(option.type, click.Path) and isinstance(value, str):
        value = os.path.expanduser(value)  # as a shell does for the command line
    items = (value if isinstance(value, list) else [value]) if option.multiple else [value]
    for item in items:
        if isinstance(item, bool) != (bool in accepted) or not isinstance(item, accepted):
            expected = f"{said} or a list of them" if option.multiple else said
            raise click.BadParameter(f"{item!r} is not {expected}")
    return option.type_cast_value(ctx, items if option.multiple else value)


def _read_config_file(ctx: click.Context, param: click.Parameter, path: Path | None) -> Path | None:
    """Eager `--config`: read the file (or the default one, if it exists) into click's
    `default_map`, so that the environment and the command line win over it."""
    if path is None:
        path = default_config_path()
        if not path.is_file():
            return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise _Failure(f"config file {path}: cannot be read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise _Failure(f"config file {path}: not valid TOML: {error}") from None
    options = {
        p.name: p for p in ctx.command.params if isinstance(p, click.Option) and p.name and p is not param
    }
    options.pop("help", None)
    values: dict[str, Any] = {}
    for key, value in data.items():
        option = options.get(key.replace("-", "_"))
        if option is None:
            known = ", ".join(sorted(name.replace("_", "-") for name in options))
            raise _Failure(f"config file {path}: unknown setting {key!r}; known: {known}")
        try:
            values[str(option.name)] = _config_value(ctx, option, value)
        except click.BadParameter as error:
            raise _Failure(f"config file {path}: {key}: {error.message}") from None
    try:  # the ranges RunConfig checks
        RunConfig(**{name: value for name, value in values.items() if name in _RUN_CONFIG_FIELDS})
    except ConfigError as error:
        raise _Failure(f"config file {path}: {error}") from None
    ctx.default_map = {**(ctx.default_map or {}), **values}
    return path


_RUN_CONFIG_FIELDS = frozenset(f.name for f in dataclasses.fields(RunConfig))


def _set_up_logging(verbose: int, log_file: Path | None) -> None:
    """-v: each URL's outcome on stderr; -vv: each HTTP request too; --log-file: the same
    log, with times, in a file (INFO, or DEBUG with -vv)."""
    handlers: list[logging.Handler] = []
    if verbose:
        terminal = logging.StreamHandler(sys.stderr)
        terminal.setFormatter(logging.Formatter("scraper: %(message)s"))
        terminal.addFilter(lambda record: not getattr(record, PRINTED, False))  # printed already
        handlers.append(terminal)
    if log_file is not None:
        try:
            file = logging.FileHandler(log_file.expanduser(), encoding="utf-8")
        except OSError as error:
            raise _Failure(f"--log-file {log_file}: cannot be opened: {error.strerror or error}") from None
        file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(file)
    names = ["scraper", "httpx"] if verbose > 1 else ["scraper"]
    for logger in map(logging.getLogger, names if handlers else []):
        logger.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
        for handler in handlers:
            logger.addHandler(handler)


class _RunCommand(click.Command):
    """`scraper run`: a bad value taken from the environment is said to come from there."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.BadParameter as error:
            param = error.param
            source = ctx.get_parameter_source(param.name) if param is not None and param.name else None
            if source is click.core.ParameterSource.ENVIRONMENT and isinstance(param, click.Option):
                said = f"{error.message} (from the environment: {param.envvar})"
                raise click.BadParameter(said, ctx=ctx, param=param) from None
            raise


@main.command(
    "run", cls=_RunCommand, help=_RUN_HELP, short_help="Fetch a list of URLs and extract their articles."
)
@click.argument("urlfile", required=False, type=click.File("rb", lazy=True))
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
    type=_SINCE,
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
    "--extract-timeout",
    type=float,
    metavar="SECONDS",
    help=f"Seconds to read (extract) one page before giving it up. [default: {DEFAULT_EXTRACT_TIMEOUT:g}]",
)
@click.option(
    "--retries", type=int, help=f"Retries after a failure worth retrying. [default: {DEFAULT_RETRIES}]"
)
@click.option("--user-agent", help="The User-Agent header sent, and the name robots.txt rules are read for.")
@click.option(
    "-H",
    "--header",
    "headers",
    type=_HEADER,
    multiple=True,
    help="Send this header with every request, e.g. -H 'Accept-Language: de' (repeatable; "
    "it goes to every host of the list).",
)
@click.option(
    "--cookies",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Send the cookies of this cookies.txt file (Netscape format, as curl, wget and browser "
    "extensions write it), each to its own domain.",
)
@click.option(
    "--proxy",
    type=_PROXY,
    help="Send every request through this proxy (http://host:port). The address guard still "
    "applies to each page's own host (see POLITENESS).",
)
@click.option(
    "--max-bytes",
    type=_SIZE,
    help="Largest page, counted after decompression: bytes, or a size such as 512KiB, 10MiB, 20MB. "
    f"[default: {format_size(DEFAULT_MAX_BYTES)}]",
)
@click.option(
    "--min-words",
    type=int,
    help="Fewest words of prose a page needs to be an article; fewer is outcome not_article "
    f"(a front page, a menu, a directory listing). [default: {DEFAULT_MIN_WORDS}]",
)
@click.option("--state", type=_STATE, help="The state file, or a PostgreSQL URL (see STATE).")
@click.option("--cluster", metavar="ADDRESS", help="Work on this Dask scheduler (see CLUSTER).")
@click.option("--force", is_flag=True, default=None, help="Fetch everything afresh and emit every article.")
@click.option(
    "--allow-network",
    type=_NETWORK,
    multiple=True,
    help="Also contact this address range, e.g. 10.0.0.0/8 or 127.0.0.1 (repeatable).",
)
@click.option("--workers", type=int, help="Extraction processes. [default: one per core]")
@click.option("-q", "--quiet", is_flag=True, default=None, help="Say nothing but failures (see MESSAGES).")
@click.option("-v", "--verbose", count=True, help="Name each URL's outcome; -vv each request too.")
@click.option(
    "--log-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append the log (each URL's outcome, with times) to this file.",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    is_eager=True,
    expose_value=False,
    callback=_read_config_file,
    envvar="SCRAPER_CONFIG",
    help="A TOML file of options (see CONFIG FILE AND ENVIRONMENT).",
)
@_conventional_exits
def run_command(urlfile: BinaryIO | None, feeds: tuple[str, ...], sitemaps: tuple[str, ...],
                output: Path | None, errors: Path | None, verbose: int, log_file: Path | None,
                **options: Any) -> None:  # fmt: skip
    from .crawl._run import run_urls  # the fetching stack is only loaded for this command

    if urlfile is None and not feeds and not sitemaps:
        raise click.UsageError("give a URLFILE ('-' for standard input), or a --feed or --sitemap")
    _set_up_logging(verbose, log_file)
    try:
        config = RunConfig().with_options(**options)
        counts = run_urls(
            config, urlfile, output, errors, listings=[*feeds, *sitemaps], stderr=sys.stderr,
            progress=not verbose,
        )  # fmt: skip
    except ConfigError as error:
        raise _Failure(str(error)) from None
    except StateLockedError as error:
        raise _Locked(str(error)) from None
    except BackendLost as error:
        raise _Lost(str(error)) from None
    except StorageError as error:
        raise _Unwritable(str(error)) from None
    except RunInterrupted:
        _warn("stopped by SIGTERM: what was done is kept, the next run does the rest")
        _exit_now(EXIT_TERMINATED)
    sys.exit(EXIT_SOME_FAILED if count_failures(counts) else EXIT_OK)


# Every option of `scraper run` can be set in the environment as SCRAPER_<OPTION>.
for _option in run_command.params:
    if isinstance(_option, click.Option) and _option.envvar is None and _option.name:
        _option.envvar = f"SCRAPER_{_option.name.upper()}"
