"""The progress bar of a run on a terminal (rich), loaded only when one is shown."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:5.1f} URLs/s", style="progress.data.speed")


def progress_bar(stream: TextIO) -> Progress:
    """done/total, rate and time left, drawn on `stream` and erased at the end."""
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=True,
    )
