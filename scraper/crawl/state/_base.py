"""What a run needs of its state, whatever keeps it: the values it reads and writes, and the
interface every backend implements.

Crash safety rests on one order: an article's line is written to the output whole, then
its URL is committed to the state together with the output's new size. A run killed in
between leaves a line the state does not know; the next run finds it after the recorded
size and commits it (`scraper.crawl._output.recover_output`). So an article written to a
file is never lost nor written twice.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from ..._errors import GOOD_OUTCOMES, InvalidURL
from .._urls import JobKind, normalise_url

# Outcomes after which a URL found in a feed or sitemap is not fetched again.
SETTLED = tuple(sorted(GOOD_OUTCOMES))


@dataclass(frozen=True, slots=True)
class Known:
    """What the state holds of a URL when a run takes it up."""

    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None
    outcome: str | None = None  # of the last run that settled it


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of a URL in this run. Validators and hash are kept only when the
    article is safe (emitted or known unchanged), so a failed run never turns into a 304."""

    url: str
    outcome: str
    fetched_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


# An article's outcome and the keys it is known by (see `article_keys`).
Emitted = tuple[Outcome, Sequence[str]]


class State(Protocol):
    """The state of one run at a time: opening one that another run holds raises
    StateLockedError; a location that cannot be used raises ConfigError."""

    def take_up(self, urls: Sequence[str]) -> dict[str, Known]:
        """Mark `urls` as taken up by this run; what is known of those not already taken
        up by it (a URL listed twice is fetched once)."""
        ...

    def record(
        self, outcome: Outcome, output: tuple[str, int] | None = None, keys: Sequence[str] = ()
    ) -> None:
        """Record what became of a URL. An emitted article (given with the output's new
        size and the keys it is known by) is committed at once; other outcomes may be
        committed in groups, as losing them to a kill costs no more than asking again."""
        ...

    def holder(self, keys: Sequence[str], url: str) -> str | None:
        """The URL under which an article with one of `keys` was already emitted, if not `url`."""
        ...

    def add_items(self, source: str, kind: JobKind, urls: Sequence[str]) -> None:
        """Remember the URLs a feed or sitemap lists (those known already are left as they are)."""
        ...

    def items_to_do(
        self, source: str, after: str = "", limit: int | None = None
    ) -> list[tuple[str, JobKind]]:
        """The (url, kind) listed by `source` still to do: pages never settled well (and not
        given up after MAX_ITEM_ATTEMPTS runs), and every sitemap of a sitemap index; in the
        order of their URLs, those after `after`, at most `limit` of them (a page at a time)."""
        ...

    def output_size(self, output: str) -> int | None:
        """The size of `output` that holds committed records (None: an output never seen)."""
        ...

    def commit_output(self, output: str, size: int, emitted: Sequence[Emitted] = ()) -> None:
        """Commit that `output` holds `size` bytes of records, with the articles found in
        it past the size committed before (written by a run killed before committing them)."""
        ...

    def close(self) -> None:
        """Commit what is recorded and release the state for the next run."""
        ...

    def __enter__(self) -> State: ...

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None: ...


def article_keys(canonical_url: str | None, content_hash: str) -> list[str]:
    """The keys an emitted article is known by: its canonical address and its text's hash."""
    keys = [f"text:{content_hash}"]
    if canonical_url:
        with contextlib.suppress(InvalidURL):
            keys.insert(0, f"canonical:{normalise_url(canonical_url)}")
    return keys
