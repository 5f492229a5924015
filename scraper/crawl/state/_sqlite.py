"""The embedded state: SQLite (WAL) in one file, locked by one run at a time.

Per URL: the last outcome, its ETag and Last-Modified (sent back as a conditional request),
the hash of the last article emitted, when it was fetched and how many runs took it up;
for a URL found in a feed or sitemap, which one. Per emitted article: the keys it is known
by (canonical address, text hash), so that another address of it is not emitted again.
Per output file: the size that holds committed records (see `._base` for why).

A state file that cannot be trusted (emptied, truncated, damaged, not a state) raises
StateDamaged, at opening or when found later, rather than being started afresh: a fresh
state would write every article again. A write the disk refuses raises StorageError.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..._errors import ConfigError, StateDamaged, StateLockedError, StorageError
from .. import _lock
from ._sql import SQLState, tables

_SCHEMA = (
    tables(without_rowid=" WITHOUT ROWID")
    + """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
"""
)


# The columns a run reads and writes: a file without them is no state of this tool.
_COLUMNS = {"url", "outcome", "etag", "last_modified", "content_hash", "fetched_at", "attempts", "run"}
_HEADER = b"SQLite format 3\x00"
_WHAT_TO_DO = "restore it from a backup, or delete it to start afresh knowing nothing"


class SQLiteState(SQLState):
    """The state file of one run at a time (a second run gets StateLockedError)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = _lock_state(path)
        except OSError as error:
            raise ConfigError(
                f"state file {path}: {error.strerror or error}; choose another with --state"
            ) from None
        try:
            with self._translated():
                self._open()
        except BaseException:
            _lock.release(self._lock)
            raise

    def _open(self) -> None:
        _check_file(self.path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as error:
            raise ConfigError(
                f"state file {self.path}: cannot be opened: {error}; choose another with --state"
            ) from None
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # safe against kills; fsync left to the OS
        self._migrate()
        self._db.executescript(_SCHEMA)
        missing = _COLUMNS - {row[1] for row in self._db.execute("PRAGMA table_info(urls)")}
        if missing:
            raise StateDamaged(
                f"state file {self.path}: not a state of scraper (its table urls has no "
                f"{', '.join(sorted(missing))}); give another with --state, or {_WHAT_TO_DO}"
            )
        self.run = int(self._db.execute("INSERT INTO runs DEFAULT VALUES RETURNING id").fetchone()[0])

    def _migrate(self) -> None:
        """Bring a state file made by an earlier version up to this schema."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(urls)")}
        for column in ("source", "kind"):
            if columns and column not in columns:
                self._db.execute(f"ALTER TABLE urls ADD COLUMN {column} TEXT")

    def _disconnect(self) -> None:
        self._db.close()
        _lock.release(self._lock)

    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._translated():
            return self._db.execute(sql, parameters).fetchall()

    def _query_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._translated():
            self._db.executemany(sql, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._translated():
            self._db.execute("BEGIN")
            try:
                yield
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """SQLite's errors as ours: the disk refusing a write is a StorageError, anything
        else (a damaged page, a missing table) StateDamaged."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            code = getattr(error, "sqlite_errorcode", 0) & 0xFF
            if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
                raise StorageError(
                    f"state file {self.path}: cannot be written: {error}; free space and run again"
                ) from None
            raise StateDamaged(f"state file {self.path}: damaged ({error}); {_WHAT_TO_DO}") from None


def _check_file(path: Path) -> None:
    """Refuse a state file that was emptied or cut short (SQLite would take the first for a
    new database, and find the second damaged only where a query reads past its end)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return  # a new state
    wal = path.with_name(path.name + "-wal")
    if size == 0 and not (wal.exists() and wal.stat().st_size):
        raise StateDamaged(
            f"state file {path} is empty (0 bytes). A state a run has used never is: it was "
            f"emptied or truncated, and what it knew is lost; {_WHAT_TO_DO}"
        )
    with path.open("rb") as file:
        header = file.read(100)
    if size and (len(header) < 100 or not header.startswith(_HEADER)):
        raise StateDamaged(
            f"state file {path}: not a SQLite database (damaged, or another file); {_WHAT_TO_DO}"
        )
    if size:
        page_size = int.from_bytes(header[16:18]) or 65536  # 1 in the header means 65,536
        pages = int.from_bytes(header[28:32])
        # The page count holds only if written by the same change as the header (SQLite's rule).
        if header[24:28] == header[92:96] and size < pages * page_size:
            raise StateDamaged(
                f"state file {path}: truncated ({size:,} bytes of the {pages * page_size:,} it "
                f"had); {_WHAT_TO_DO}"
            )


def _lock_state(path: Path) -> int:
    """An exclusive lock on `path`.lock, held until the state is closed."""
    try:
        return _lock.acquire(path.with_name(path.name + ".lock"))
    except _lock.LockHeld as held:
        raise StateLockedError(
            f"another scraper run (pid {held.holder}) is using the state {path}; "
            "let it finish, or give this run its own --state"
        ) from None
