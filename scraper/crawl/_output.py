"""The store stage of `scraper run`: JSON Lines written so that a kill never leaves half a line."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from .._errors import ConfigError


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
