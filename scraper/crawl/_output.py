"""The store stage of `scraper run`: JSON Lines written so that a kill never leaves half a
line, and read back after a kill for the lines the state did not commit."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from .._errors import ConfigError
from .state import Emitted, Outcome, State, article_keys


class JsonLines:
    """Appends JSON objects, one a line, each line in a single write to a file opened for
    appending (or to standard output when `path` is None)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path is None:
            self._descriptor = sys.stdout.fileno()
            return
        try:
            self._descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as error:
            raise ConfigError(f"{path}: cannot be opened for writing: {error.strerror or error}") from None

    @property
    def key(self) -> str | None:
        """How the state names this output (None for standard output, which it cannot read back)."""
        return None if self.path is None else str(self.path.resolve())

    def write(self, record: dict[str, Any]) -> int:
        """Append `record`; returns the size of the output after it (0 for standard output)."""
        data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        view = memoryview(data)
        while view:  # a pipe may take a long line in several writes
            view = view[os.write(self._descriptor, view) :]
        return 0 if self.path is None else os.fstat(self._descriptor).st_size

    def close(self) -> None:
        if self.path is not None:
            os.close(self._descriptor)


def recover_output(output: Path, state: State) -> int:
    """Commit to `state` the records a killed run wrote to `output` after its last commit,
    and cut off a half-written last line. Returns how many records were recovered."""
    key = str(output.resolve())
    size = output.stat().st_size if output.exists() else 0
    committed = state.output_size(key)
    if committed is None or committed > size:  # a new file, or one rotated since
        state.commit_output(key, size)
        return 0
    with output.open("rb") as file:
        file.seek(committed)
        tail = file.read()
    whole, _, partial = tail.rpartition(b"\n")
    lines = [line for line in whole.split(b"\n") if line]
    if partial:
        os.truncate(output, size - len(partial))
    recovered = [found for found in map(_emitted_by, lines) if found is not None]
    state.commit_output(key, size - len(partial), recovered)
    return len(recovered)


def _emitted_by(line: bytes) -> Emitted | None:
    """The outcome of a written record, and the keys its article is known by."""
    try:
        record = json.loads(line)
        outcome = Outcome(
            record["url"], "emitted", record.get("fetched_at"), content_hash=record["content_hash"]
        )
    except (ValueError, KeyError, TypeError):
        return None
    return outcome, article_keys(record.get("canonical_url"), outcome.content_hash or "")
