"""The embedded state: SQLite (WAL) in one file, locked by one run at a time.

Per URL: the last outcome, its ETag and Last-Modified (sent back as a conditional request),
the hash of the last article emitted, when it was fetched and how many runs took it up;
for a URL found in a feed or sitemap, which one. Per emitted article: the keys it is known
by (canonical address, text hash), so that another address of it is not emitted again.
Per output file: the size that holds committed records (see `._base` for why).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..._errors import ConfigError, StateLockedError
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


class SQLiteState(SQLState):
    """The state file of one run at a time (a second run gets StateLockedError)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = _lock_state(path)
            self._db = sqlite3.connect(path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # safe against kills; fsync left to the OS
            self._migrate()
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as error:
            raise ConfigError(f"state file {path}: {error}; move it away to start afresh") from None
        except OSError as error:
            raise ConfigError(
                f"state file {path}: {error.strerror or error}; choose another with --state"
            ) from None
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
        return self._db.execute(sql, parameters).fetchall()

    def _query_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._db.executemany(sql, rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


def _lock_state(path: Path) -> int:
    """An exclusive lock on `path`.lock, held until the state is closed."""
    try:
        return _lock.acquire(path.with_name(path.name + ".lock"))
    except _lock.LockHeld as held:
        raise StateLockedError(
            f"another scraper run (pid {held.holder}) is using the state {path}; "
            "let it finish, or give this run its own --state"
        ) from None
