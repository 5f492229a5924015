"""What a run tells people: a progress bar on a terminal, failures, and a summary at the end.

Every URL's outcome is also logged to the `scraper.run` logger (INFO, failures WARNING), so
`-v` and `--log-file` show it; the library itself writes nothing unless given a stream.
"""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from .._errors import count_failures
from ._output import JsonLines

if TYPE_CHECKING:
    from rich.progress import Progress

log = logging.getLogger("scraper.run")

# Set on the log records of failures the reporter has printed already, so that a handler
# writing to the same terminal (`-v`) can leave them out.
PRINTED = "scraper_printed"


class Reporter:
    """Counts outcomes, sends failures to the errors file (or else to `stderr`), draws
    progress and prints a summary. With `stderr` None (the library's default) it prints
    nothing: failures go to the errors file, or to the log.

    The progress bar is drawn only where it cannot get in anyone's way: `stderr` is a
    terminal, the run is not quiet, and the records do not go to that same terminal.
    `-q` silences what is not a failure: failures are still printed when there is no
    errors file, and a failing run ends with one line saying so. Without `-q` the
    summary is printed when the run did something (wrote an article or failed) or when
    someone is watching (stderr is a terminal): a cron job that finds nothing new is silent.
    """

    def __init__(
        self, errors: JsonLines | None, quiet: bool, stderr: TextIO | None = None,
        *, records_to: TextIO | None = None, progress: bool = True,
    ) -> None:  # fmt: skip
        self.counts: Counter[str] = Counter()
        self._errors = errors
        self._quiet = quiet
        self._stderr = stderr
        self._started = time.monotonic()
        self._progress: Progress | None = None
        watched = stderr is not None and _is_terminal(stderr)
        self._watched = watched
        if progress and watched and not quiet and not _same_terminal(records_to, stderr):
            from ._progress import progress_bar

            assert stderr is not None
            self._progress = progress_bar(stderr)
            self._task = self._progress.add_task("fetching", total=None)
            self._progress.start()

    def expect(self, urls: int) -> None:
        """`urls` more URLs to do (the total grows as the list is read)."""
        if self._progress is not None:
            task = self._progress.tasks[0]
            self._progress.update(self._task, total=(task.total or 0) + urls)

    def done(self, outcome: str, url: str | None = None, detail: str = "") -> None:
        """One URL settled with `outcome` (logged with its `detail`, e.g. what it duplicated)."""
        self.counts[outcome] += 1
        if url is not None:
            log.info("%s: %s%s", url, outcome, f": {detail}" if detail else "")
        if self._progress is not None:
            self._progress.advance(self._task)

    def failed(self, url: str, outcome: str, detail: str, line: int | None) -> None:
        self.done(outcome)
        record: dict[str, Any] = {"url": url, "outcome": outcome, "detail": detail}
        if line is not None:  # a line of the URL list, or the line that named the feed
            record["line"] = line
        printed = self._errors is None and self._stderr is not None
        if self._errors is not None:
            self._errors.write(record)
        elif printed:
            self._say(f"{url}: {outcome}: {detail}")
        log.warning("%s: %s: %s", url, outcome, detail, extra={PRINTED: printed})

    @property
    def failures(self) -> int:
        return count_failures(self.counts)

    def _say(self, message: str) -> None:
        if self._progress is not None:
            self._progress.console.print(f"scraper: {message}", markup=False, highlight=False)
        elif self._stderr is not None:
            print(f"scraper: {message}", file=self._stderr, flush=True)

    def close(self, summary: bool = True) -> None:
        """Stop the progress bar and print the summary, as the class says (not at all for
        a run that was stopped: `summary` False). The summary's first line is logged too."""
        if self._progress is not None:
            self._progress.stop()
        total = sum(self.counts.values())
        line = f"{total} URLs in {time.monotonic() - self._started:.1f} s, {self.failures} failed"
        printed = summary and self._stderr is not None and not self._quiet
        printed = printed and bool(self.failures or self.counts["emitted"] or self._watched)
        log.info("%s", line, extra={PRINTED: printed})
        if printed:
            width = max((len(outcome) for outcome in self.counts), default=0)
            counts = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
            lines = [f"scraper: {line}", *(f"  {outcome:<{width}}  {count:>8}" for outcome, count in counts)]
            print("\n".join(lines), file=self._stderr, flush=True)
        elif summary and self._quiet and self.failures and self._errors is not None:
            where = self._errors.path or "the errors file"
            self._say(f"{self.failures} of {total} URLs failed; see {where}")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or no such method
        return False


def _same_terminal(records: TextIO | None, stderr: TextIO | None) -> bool:
    """Whether records go to the terminal `stderr` is (where a bar would cut into them)."""
    if records is None or stderr is None or not _is_terminal(records):
        return False
    try:
        return os.path.samestat(os.fstat(records.fileno()), os.fstat(stderr.fileno()))
    except (AttributeError, OSError, ValueError):
        return True  # a terminal that cannot be told apart: assume the same one
