"""The exceptions of scraper, in one hierarchy.

    ScraperError
    ├── ConfigError          bad options or config file (exit status 2)
    │   └── StateDamaged     the state file is damaged or was emptied (exit status 2)
    ├── StateLockedError     another run holds the state file (exit status 3)
    ├── BackendLost          the cluster's scheduler or the state database went away
    │                        mid-run, or cannot be reached (exit status 4)
    ├── StorageError         a file of the run cannot be written: disk full... (exit status 5)
    ├── RunInterrupted       SIGTERM stopped the run in order (exit status 143)
    ├── OutputClosed         the reader of the output went away (`| head`): the run stops
    └── FetchError           one URL gave no page; `outcome` names why, for the errors file
        ├── InvalidURL           not an http(s) URL              outcome "invalid_url"
        ├── RobotsDisallowed     robots.txt forbids it           outcome "robots_disallowed"
        ├── NetworkRefused       resolves to a non-public address outcome "refused_network"
        ├── FetchTimeout         no whole answer in time         outcome "timeout"
        ├── ConnectionFailed     refused, reset, TLS...          outcome "connection_error"
        │   └── DNSFailed            the host name does not resolve  outcome "dns_error"
        ├── DecodingFailed       a body that cannot be decompressed outcome "decoding_error"
        ├── HTTPStatusError      a 4xx/5xx answer                outcome "http_<status>"
        ├── RedirectError        a loop, or too many redirects   outcome "redirect_loop"
        ├── TooLarge             body over max_bytes             outcome "too_large"
        ├── NotHTML              another content type            outcome "not_html"
        ├── EmptyPage            no article text in the page     outcome "empty"
        ├── NotArticle           too little text to be an article outcome "not_article"
        ├── BadListing           a malformed or unsafe listing   outcome "bad_listing"
        ├── ListingTruncated     a listing over MAX_LISTING_ENTRIES outcome "listing_truncated"
        ├── ExtractionFailed     the extraction process died     outcome "extraction_failed"
        └── ExtractionTimeout    past --extract-timeout          outcome "extraction_timeout"

`extract()` raises none of these: it reports problems in `Article.reason`. Every outcome
code, with its meaning, is in `OUTCOMES` below.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class OutcomeCode:
    """What happened to one URL of `scraper run`: the code the summary, the errors file and
    the state use, whether it counts as a failure (exit status 1), and what it means."""

    code: str
    kind: Literal["article", "listing", "failure"]
    meaning: str

    @property
    def failed(self) -> bool:
        return self.kind == "failure"


# Every outcome, in one place: `scraper run --help`, the README's table and the tests read
# them from here. A FetchError subclass's `outcome` is one of the failures.
OUTCOMES: tuple[OutcomeCode, ...] = (
    OutcomeCode("emitted", "article", "an article was written"),
    OutcomeCode("unchanged", "article", "fetched again, the same text as last time: nothing written"),
    OutcomeCode("not_modified", "article", "the server answered 304 Not Modified: nothing written"),
    OutcomeCode("duplicate", "article", "an article already written under another address (see --dedupe)"),
    OutcomeCode("feed", "listing", "an RSS, Atom or JSON feed, whose items were queued"),
    OutcomeCode("sitemap", "listing", "a sitemap, whose pages were queued"),
    OutcomeCode("sitemap_index", "listing", "a sitemap index, whose sitemaps were queued"),
    OutcomeCode("discovered", "listing", "a front page whose announced feeds were queued (--discover)"),
    OutcomeCode("invalid_url", "failure", "not an http(s) URL"),
    OutcomeCode("robots_disallowed", "failure", "robots.txt forbids it"),
    OutcomeCode("refused_network", "failure", "its address is not public (see --allow-network)"),
    OutcomeCode("timeout", "failure", "no whole answer within --timeout"),
    OutcomeCode("connection_error", "failure", "no connection: refused, reset, TLS error..."),
    OutcomeCode("dns_error", "failure", "the host name does not resolve"),
    OutcomeCode("decoding_error", "failure", "a body that cannot be decompressed (Content-Encoding)"),
    OutcomeCode("http_<status>", "failure", "an HTTP error status, such as http_404 or http_503"),
    OutcomeCode("redirect_loop", "failure", "a redirect loop, or too many redirects"),
    OutcomeCode(
        "too_large", "failure", "the body is over --max-bytes, or 50 MB for a feed or sitemap (decompressed)"
    ),
    OutcomeCode("not_html", "failure", "another content type than HTML, a feed or a sitemap"),
    OutcomeCode("empty", "failure", "no article text in the page"),
    OutcomeCode("not_article", "failure", "too little prose for an article: a menu, a listing (--min-words)"),
    OutcomeCode(
        "bad_listing", "failure", "a malformed or unsafe feed or sitemap, or sitemap indexes nested too deep"
    ),
    OutcomeCode(
        "listing_truncated", "failure", "a feed or sitemap of more URLs than are taken: the first were queued"
    ),
    OutcomeCode("extraction_failed", "failure", "the extraction process died"),
    OutcomeCode("extraction_timeout", "failure", "reading the page took over --extract-timeout"),
    OutcomeCode("internal_error", "failure", "a bug in scraper: please report it with the detail"),
)
LISTING_OUTCOMES = frozenset(o.code for o in OUTCOMES if o.kind == "listing")
GOOD_OUTCOMES = frozenset(o.code for o in OUTCOMES if not o.failed)


def is_known_outcome(code: str) -> bool:
    """Whether `code` is one of `OUTCOMES` (`http_404` is an `http_<status>`)."""
    if code.startswith("http_") and code[5:].isdigit():
        return True
    return any(outcome.code == code for outcome in OUTCOMES)


def count_failures(counts: Mapping[str, int]) -> int:
    """How many URLs of a run's outcome counts failed (exit status 1 if any)."""
    return sum(count for outcome, count in counts.items() if outcome not in GOOD_OUTCOMES)


class ScraperError(Exception):
    """Base of every error scraper raises on purpose."""


class ConfigError(ScraperError):
    """Options or a config file that cannot be used; the message says which and why."""


class StateDamaged(ConfigError):
    """The state cannot be trusted: damaged, truncated, emptied, or not a state at all. The
    message names it and what to do; a run never starts afresh over it by itself."""


class StateLockedError(ScraperError):
    """Another `scraper run` is using the same state file."""


class BackendLost(ScraperError):
    """The Dask scheduler or the PostgreSQL state a run works with cannot be reached, or went
    away during the run: it stops; what was written and committed is kept, a rerun finishes."""


class StorageError(ScraperError):
    """A file of the run (the output, the errors file, the state) could not be written: the
    disk is full, an I/O error, a file size limit. The run stops; the file is left as it was
    before the failed write and nothing unwritten is committed, so a run once space is back
    loses and repeats nothing."""


class RunInterrupted(ScraperError):
    """SIGTERM stopped the run: no new work was taken, URLs at work were abandoned (the next
    run does them), what was done is committed and the summary written. (SIGINT does the
    same and raises KeyboardInterrupt.)"""

    def __init__(self, signal_number: int) -> None:
        super().__init__(f"stopped by signal {signal_number}")
        self.signal_number = signal_number


class OutputClosed(ScraperError):
    """The output was closed by its reader (a broken pipe, as under `| head -1`): nothing
    more can be written, so the run stops; what was written is committed to the state."""


class FetchError(ScraperError):
    """A URL that gave no article. `outcome` is a short code, the message the detail."""

    outcome = "error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class InvalidURL(FetchError):
    outcome = "invalid_url"


class RobotsDisallowed(FetchError):
    outcome = "robots_disallowed"


class NetworkRefused(FetchError):
    outcome = "refused_network"


class FetchTimeout(FetchError):
    outcome = "timeout"


class ConnectionFailed(FetchError):
    outcome = "connection_error"


class DNSFailed(ConnectionFailed):
    """The host name did not resolve (no such name, or the resolver failed)."""

    outcome = "dns_error"


class DecodingFailed(FetchError):
    """A body whose Content-Encoding is unknown or whose compressed data is damaged."""

    outcome = "decoding_error"


class RedirectError(FetchError):
    outcome = "redirect_loop"


class TooLarge(FetchError):
    outcome = "too_large"


class NotHTML(FetchError):
    outcome = "not_html"


class EmptyPage(FetchError):
    outcome = "empty"


class NotArticle(FetchError):
    """A page with text, but too little to be an article: a front page, a menu, a
    directory listing (see `--min-words`)."""

    outcome = "not_article"


class HTTPStatusError(FetchError):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.outcome = f"http_{status}"


class BadListing(FetchError):
    """A feed or sitemap that cannot be read safely: malformed, or declaring entities."""

    outcome = "bad_listing"


class ListingTruncated(FetchError):
    """A feed or sitemap listing more URLs than are taken from one: the first are done,
    the rest are reported (through this outcome, for the listing) rather than dropped."""

    outcome = "listing_truncated"


class ExtractionFailed(FetchError):
    outcome = "extraction_failed"


class ExtractionTimeout(FetchError):
    """Reading the page took longer than its deadline; the process reading it was killed."""

    outcome = "extraction_timeout"
