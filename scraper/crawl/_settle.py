"""The store stage of `scraper run`: what each URL gave becomes a record in the output, an
outcome in the state and the report, and, for a feed or sitemap, more URLs to do.

Records are written and committed one at a time, in the order that makes a kill harmless
(see `state._base`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from .._errors import LISTING_OUTCOMES, BadListing, FetchError, InvalidURL, ListingTruncated, ScraperError
from . import _settings
from ._config import RunConfig
from ._fetch import Page
from ._jobs import Failed, Read, Result
from ._listings import Listing
from ._output import JsonLines
from ._records import Discovered, content_hash, make_record
from ._report import Reporter
from ._urls import JobKind, URLLine, normalise_url
from .state import Known, Outcome, State, article_keys

# Adds what a feed, sitemap or front page lists still to do (the state remembers it) to the work.
Enqueue = Callable[[URLLine], Awaitable[None]]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Settler:
    """Settles each URL's result: written, committed, counted, and its listed URLs queued."""

    def __init__(
        self, config: RunConfig, state: State, output: JsonLines, reporter: Reporter, enqueue: Enqueue
    ) -> None:
        self._config = config
        self._state = state
        self._output = output
        self._reporter = reporter
        self._enqueue = enqueue

    async def settle(self, job: URLLine, known: Known, result: Result) -> None:
        try:
            if isinstance(result, Failed):
                self.fail(job, result.outcome, result.detail)
            elif result.document is None:
                await self._not_modified(job, known)
            elif isinstance(result.document, Listing):
                await self._expand(job, result, result.document)
            elif isinstance(result.document, Discovered):
                await self._take_listed(job, result, "discovered", "listing", result.document.feeds)
            else:
                self._store(result.page, result.document, known)
        except FetchError as error:
            self.fail(job, error.outcome, error.detail)
        except ScraperError:  # nothing more can be written or kept (a closed pipe, a full
            raise  # disk, a damaged state, a lost cluster): the run stops
        except Exception as error:  # a bug must cost one URL, not the run
            self.fail(job, "internal_error", f"{type(error).__name__}: {error}")

    async def _not_modified(self, job: URLLine, known: Known) -> None:
        """A 304: nothing to emit; for a feed or sitemap, what it listed is still to do."""
        listing = known.outcome in LISTING_OUTCOMES
        if listing:
            await self._enqueue(job)
        outcome = Outcome(job.url, known.outcome if listing and known.outcome else "not_modified", _now(),
                          known.etag, known.last_modified, known.content_hash)  # fmt: skip
        self._state.record(outcome)
        self._reporter.done("not_modified", job.url)

    async def _expand(self, job: URLLine, read: Read, listing: Listing) -> None:
        """Queue what a feed or sitemap lists that is new (or failed before), then settle it."""
        since = self._config.since
        urls = []
        for entry in listing.entries:
            if since is None or entry.published is None or entry.published >= since:
                with contextlib.suppress(InvalidURL):
                    urls.append(normalise_url(entry.url))
        kind: JobKind = "listing" if listing.kind == "sitemap_index" else "page"
        if kind == "listing" and job.depth >= _settings.MAX_LISTING_DEPTH:
            raise BadListing(
                f"sitemap indexes nested {job.depth + 1} deep (the limit is {_settings.MAX_LISTING_DEPTH}): "
                "the sitemaps this one lists are not read; list them directly"
            )
        problem = None
        if listing.dropped:
            problem = ListingTruncated(
                f"lists {len(listing.entries) + listing.dropped:,} URLs; only the first "
                f"{len(listing.entries):,} are taken (the most from one feed or sitemap): split it"
            )
        await self._take_listed(job, read, listing.kind, kind, urls, problem)

    async def _take_listed(
        self, job: URLLine, read: Read, outcome: str, kind: JobKind, urls: Sequence[str],
        problem: FetchError | None = None,
    ) -> None:  # fmt: skip
        """Remember what a feed, sitemap or front page lists, queue what of it is still to
        do, and settle the listing itself (its validators make the next request conditional)."""
        self._state.add_items(job.url, kind, urls)
        await self._enqueue(job)
        settled = Outcome(job.url, outcome, _now(), *_validators(read.page), read.body_hash)
        if problem is None:
            self._settle(settled)
        else:  # read, and what it gave is queued, but the run says what it could not take
            self._state.record(settled)
            self._reporter.failed(job.url, problem.outcome, problem.detail, job.line)

    def _store(self, page: Page, fields: dict[str, Any], known: Known) -> None:
        """Emit the article unless it is unchanged or already emitted under another address."""
        fetched_at = _now()
        digest = content_hash(fields["text"])
        outcome = Outcome(page.url, "emitted", fetched_at, *_validators(page), digest)
        if digest == known.content_hash and not self._config.force:
            self._settle(replace(outcome, outcome="unchanged"))
            return
        keys = article_keys(fields.get("canonical_url"), digest)
        checked = {"all": keys, "canonical": keys[:-1], "off": []}[self._config.dedupe]
        holder = None if self._config.force else self._state.holder(checked, page.url)
        if holder is not None:
            self._settle(replace(outcome, outcome="duplicate"), f"the same article as {holder}")
            return
        size = self._output.write(make_record(page, fields, fetched_at))
        key = self._output.key
        self._state.record(outcome, (key, size) if key is not None else None, keys)
        self._reporter.done("emitted", page.url)

    def _settle(self, outcome: Outcome, detail: str = "") -> None:
        self._state.record(outcome)
        self._reporter.done(outcome.outcome, outcome.url, detail)

    def fail(self, job: URLLine, outcome: str, detail: str) -> None:
        """Report a failure, then record it: a failure the errors file did not take is not
        committed either (the run stops, and the next does the URL again)."""
        if job.source is not None:
            detail = f"{detail} (listed in {job.source})"
        self._reporter.failed(job.url, outcome, detail, job.line)
        self._state.record(Outcome(job.url, outcome, _now()))


def _validators(page: Page) -> tuple[str | None, str | None]:
    return page.validators.etag, page.validators.last_modified
