"""The exceptions of scraper, in one hierarchy.

    ScraperError
    ├── ConfigError          bad options or config file (exit status 2)
    ├── StateLockedError     another run holds the state file (exit status 3)
    ├── BackendLost          the cluster's scheduler or the state database went away
    │                        mid-run, or cannot be reached (exit status 4)
    └── FetchError           one URL gave no page; `outcome` names why, for the errors file
        ├── InvalidURL           not an http(s) URL              outcome "invalid_url"
        ├── RobotsDisallowed     robots.txt forbids it           outcome "robots_disallowed"
        ├── NetworkRefused       resolves to a non-public address outcome "refused_network"
        ├── FetchTimeout         no whole answer in time         outcome "timeout"
        ├── ConnectionFailed     DNS, refused, reset, TLS...     outcome "connection_error"
        ├── HTTPStatusError      a 4xx/5xx answer                outcome "http_<status>"
        ├── RedirectError        a loop, or too many redirects   outcome "redirect_loop"
        ├── TooLarge             body over max_bytes             outcome "too_large"
        ├── NotHTML              another content type            outcome "not_html"
        ├── EmptyPage            no article text in the page     outcome "empty"
        ├── BadListing           a malformed or unsafe listing   outcome "bad_listing"
        └── ExtractionFailed     the extraction process died     outcome "extraction_failed"

`extract()` raises none of these: it reports problems in `Article.reason`.
"""

from __future__ import annotations

from collections.abc import Mapping

# The outcomes of a URL that are no failure. A feed or sitemap read is recorded by its kind.
LISTING_OUTCOMES = frozenset({"feed", "sitemap", "sitemap_index", "discovered"})
GOOD_OUTCOMES = frozenset({
    "emitted",  # an article written
    "unchanged",  # fetched again, same text: nothing written
    "not_modified",  # the server answered 304
    "duplicate",  # already written under another address
    *LISTING_OUTCOMES,
})  # fmt: skip


def count_failures(counts: Mapping[str, int]) -> int:
    """How many URLs of a run's outcome counts failed (exit status 1 if any)."""
    return sum(count for outcome, count in counts.items() if outcome not in GOOD_OUTCOMES)


class ScraperError(Exception):
    """Base of every error scraper raises on purpose."""


class ConfigError(ScraperError):
    """Options or a config file that cannot be used; the message says which and why."""


class StateLockedError(ScraperError):
    """Another `scraper run` is using the same state file."""


class BackendLost(ScraperError):
    """The Dask scheduler or the PostgreSQL state a run works with cannot be reached, or went
    away during the run: it stops; what was written and committed is kept, a rerun finishes."""


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


class RedirectError(FetchError):
    outcome = "redirect_loop"


class TooLarge(FetchError):
    outcome = "too_large"


class NotHTML(FetchError):
    outcome = "not_html"


class EmptyPage(FetchError):
    outcome = "empty"


class HTTPStatusError(FetchError):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.outcome = f"http_{status}"


class BadListing(FetchError):
    """A feed or sitemap that cannot be read safely: malformed, or declaring entities."""

    outcome = "bad_listing"


class ExtractionFailed(FetchError):
    outcome = "extraction_failed"
