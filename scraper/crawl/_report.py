"""What a run tells people: a progress bar on a terminal, failures, and a summary at the end."""

from __future__ import annotations

import sys
import time
from collections import Counter
from typing import TYPE_CHECKING, Any, TextIO

from .._errors import count_failures
from ._output import JsonLines

if TYPE_CHECKING:
    from rich.progress import Progress


class Reporter:
    """Counts outcomes, sends failures to the errors file (or stderr), and draws progress
    on stderr only when it is a terminal and the run is not quiet."""

    def __init__(self, errors: JsonLines | None, quiet: bool, stderr: TextIO | None = None) -> None:
        self.counts: Counter[str] = Counter()
        self._errors = errors
        self._quiet = quiet
        self._stderr = stderr or sys.stderr
        self._started = time.monotonic()
        self._progress: Progress | None = None
        if not quiet and self._stderr.isatty():
            from ._progress import progress_bar

            self._progress = progress_bar(self._stderr)
            self._task = self._progress.add_task("fetching", total=None)
            self._progress.start()

    def expect(self, urls: int) -> None:
        """`urls` more URLs to do (the total grows as the list is read)."""
        if self._progress is not None:
            task = self._progress.tasks[0]
            self._progress.update(self._task, total=(task.total or 0) + urls)

    def done(self, outcome: str) -> None:
        self.counts[outcome] += 1
        if self._progress is not None:
            self._progress.advance(self._task)

    def failed(self, url: str, outcome: str, detail: str, line: int | None) -> None:
        self.done(outcome)
        record: dict[str, Any] = {"url": url, "outcome": outcome, "detail": detail}
        if line is not None:  # a line of the URL list, or the line that named the feed
            record["line"] = line
        if self._errors is not None:
            self._errors.write(record)
        elif not self._quiet:
            self._say(f"{url}: {outcome}: {detail}")

    @property
    def failures(self) -> int:
        return count_failures(self.counts)

    def _say(self, message: str) -> None:
        if self._progress is not None:
            self._progress.console.print(f"scraper: {message}", markup=False, highlight=False)
        else:
            print(f"scraper: {message}", file=self._stderr)

    def close(self) -> None:
        """Stop the progress bar and print the summary (counts per outcome) unless quiet."""
        if self._progress is not None:
            self._progress.stop()
        if self._quiet:
            return
        seconds = time.monotonic() - self._started
        total = sum(self.counts.values())
        lines = [f"scraper: {total} URLs in {seconds:.1f} s, {self.failures} failed"]
        width = max((len(outcome) for outcome in self.counts), default=0)
        for outcome, count in sorted(self.counts.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {outcome:<{width}}  {count:>8}")
        print("\n".join(lines), file=self._stderr)
