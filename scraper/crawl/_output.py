"""The store stage of `scraper run`: JSON Lines written so that a kill never leaves half a
line, and read back after a kill for the lines the state did not commit."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import IO, Any

from .._errors import ConfigError, OutputClosed, StorageError
from .state import Emitted, Outcome, State, article_keys

# Where records go: a path (appended to), an open file object, or None for standard output.
Destination = str | os.PathLike[str] | IO[str] | IO[bytes] | None


class JsonLines:
    """Appends JSON objects, one a line, each line in a single write: to a file opened for
    appending, to standard output, or to a file object given by the caller (a notebook's
    or a test's `sys.stdout` that has no file descriptor included). A write that fails (a
    full disk, an I/O error) is undone, a file cut back to its last whole line, and raises
    StorageError: the run stops rather than go on with a file it cannot write."""

    def __init__(self, destination: Destination) -> None:
        self.path: Path | None = None
        self._stream: IO[Any] | None = None
        self._descriptor = -1
        if destination is None:  # standard output: by its descriptor, a line in one write
            self._stream = sys.stdout
            self._descriptor = _descriptor_of(sys.stdout)
            return
        if not isinstance(destination, str | os.PathLike):
            self._stream = destination
            return
        self.path = Path(destination).expanduser()
        try:
            self._descriptor = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as error:
            raise ConfigError(
                f"{self.path}: cannot be opened for writing: {error.strerror or error}"
            ) from None

    @property
    def key(self) -> str | None:
        """How the state names this output (None for a stream, which it cannot read back)."""
        return None if self.path is None else str(self.path.resolve())

    def write(self, record: dict[str, Any]) -> int:
        """Append `record`; returns the size of the output after it (0 for a stream).
        Raises OutputClosed when the reader has gone (a broken pipe), StorageError when the
        line cannot be written (the file is left as it was)."""
        line = json.dumps(record, ensure_ascii=False) + "\n"
        before = 0 if self.path is None else os.fstat(self._descriptor).st_size
        try:
            if self._descriptor < 0:
                _write_to_stream(self._stream, line)
                return 0
            view = memoryview(line.encode("utf-8"))
            while view:  # a pipe may take a long line in several writes
                view = view[os.write(self._descriptor, view) :]
        except BrokenPipeError:
            raise OutputClosed("the output was closed by its reader (a broken pipe)") from None
        except OSError as error:
            raise self._failed(error, before) from None
        return 0 if self.path is None else os.fstat(self._descriptor).st_size

    def _failed(self, error: OSError, size: int) -> StorageError:
        """Cut the file back to `size` (a half-written line undone): the error to raise."""
        reason = error.strerror or str(error)
        if self.path is None:
            return StorageError(f"the output cannot be written: {reason}")
        try:
            os.ftruncate(self._descriptor, size)
        except OSError as undo:
            return StorageError(
                f"{self.path}: cannot be written ({reason}), nor cut back to its last whole "
                f"line ({undo.strerror or undo}); the next run cuts the half-written line off"
            )
        return StorageError(
            f"{self.path}: cannot be written: {reason}; the file is left as it was before this "
            "record. Free space (or mend the disk) and run again: nothing is lost or written twice"
        )

    def close(self) -> None:
        if self.path is not None:
            os.close(self._descriptor)


def _descriptor_of(stream: IO[Any]) -> int:
    """The file descriptor behind `stream`, after flushing what it buffered, or -1 when it
    has none (io.StringIO, a notebook's or pytest's captured output)."""
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        return -1
    stream.flush()
    return descriptor


def _write_to_stream(stream: IO[Any] | None, line: str) -> None:
    assert stream is not None
    try:
        stream.write(line)
    except TypeError:  # a binary stream
        stream.write(line.encode("utf-8"))
    stream.flush()


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
