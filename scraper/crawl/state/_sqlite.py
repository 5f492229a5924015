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
from types import TracebackType

from ..._errors import ConfigError, StateLockedError
from .. import _lock, _settings
from .._urls import JobKind
from ._base import SETTLED, Emitted, Known, Outcome

_SAVE_EVERY = 100  # outcomes that are not articles, committed together

_SCHEMA = """
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    outcome TEXT,            -- emitted, unchanged, not_modified, or an error outcome
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,       -- of the last article emitted for this URL
    fetched_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,  -- runs that took this URL up
    run INTEGER,             -- the last run that took it up
    source TEXT,             -- the feed or sitemap it was found in, if any
    kind TEXT                -- for a URL found in a listing: page, or listing (a sitemap's sitemap)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS urls_by_source ON urls (source) WHERE source IS NOT NULL;
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,    -- canonical:<address> or text:<content hash> of an emitted article
    url TEXT NOT NULL        -- the URL it was emitted for
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outputs (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL    -- bytes of the file that hold committed records
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
"""


class SQLiteState:
    """The state file of one run at a time (a second run gets StateLockedError)."""

    def __init__(self, path: Path) -> None:
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
        self._unsaved: list[Outcome] = []
        self.run = int(self._db.execute("INSERT INTO runs DEFAULT VALUES RETURNING id").fetchone()[0])

    def _migrate(self) -> None:
        """Bring a state file made by an earlier version up to this schema."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(urls)")}
        for column in ("source", "kind"):
            if columns and column not in columns:
                self._db.execute(f"ALTER TABLE urls ADD COLUMN {column} TEXT")

    def close(self) -> None:
        self.save()
        self._db.close()
        _lock.release(self._lock)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def __enter__(self) -> SQLiteState:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def take_up(self, urls: Sequence[str]) -> dict[str, Known]:
        marks = ",".join("?" * len(urls))
        with self._transaction():
            columns = "url, run, etag, last_modified, content_hash, outcome"
            rows = self._db.execute(f"SELECT {columns} FROM urls WHERE url IN ({marks})", urls).fetchall()
            known = {row[0]: (row[1], Known(*row[2:])) for row in rows}
            fresh = [url for url in dict.fromkeys(urls) if known.get(url, (None,))[0] != self.run]
            self._db.executemany(
                "INSERT INTO urls (url, attempts, run) VALUES (?, 1, ?) "
                "ON CONFLICT (url) DO UPDATE SET attempts = attempts + 1, run = excluded.run",
                [(url, self.run) for url in fresh],
            )
        return {url: known[url][1] if url in known else Known() for url in fresh}

    def record(
        self, outcome: Outcome, output: tuple[str, int] | None = None, keys: Sequence[str] = ()
    ) -> None:
        self._unsaved.append(outcome)
        if output is not None or keys or len(self._unsaved) >= _SAVE_EVERY:
            self.save(output, [(key, outcome.url) for key in keys])

    def save(self, output: tuple[str, int] | None = None, keys: Sequence[tuple[str, str]] = ()) -> None:
        """Commit the outcomes recorded so far and, if given, an output's new size."""
        with self._transaction():
            for outcome in self._unsaved:
                self._record(outcome)
            if output is not None:
                self._set_output_size(*output)
            self._db.executemany("INSERT OR REPLACE INTO articles (key, url) VALUES (?, ?)", keys)
        self._unsaved.clear()

    def holder(self, keys: Sequence[str], url: str) -> str | None:
        for key in keys:
            row = self._db.execute(
                "SELECT url FROM articles WHERE key = ? AND url != ?", (key, url)
            ).fetchone()
            if row is not None:
                return str(row[0])
        return None

    def add_items(self, source: str, kind: JobKind, urls: Sequence[str]) -> None:
        with self._transaction():
            self._db.executemany(
                "INSERT INTO urls (url, source, kind) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING",
                [(url, source, kind) for url in urls],
            )

    def items_to_do(self, source: str) -> list[tuple[str, JobKind]]:
        rows = self._db.execute(
            "SELECT url, kind FROM urls WHERE source = ? AND (kind = 'listing' OR ("
            f"coalesce(outcome, '') NOT IN ({','.join('?' * len(SETTLED))}) AND attempts < ?))",
            (source, *SETTLED, _settings.MAX_ITEM_ATTEMPTS),
        ).fetchall()
        return [(str(url), "listing" if kind == "listing" else "page") for url, kind in rows]

    def _record(self, outcome: Outcome) -> None:
        keep = outcome.content_hash is not None
        self._db.execute(
            "UPDATE urls SET outcome = ?, fetched_at = coalesce(?, fetched_at), "
            "etag = CASE WHEN ? THEN ? ELSE NULL END, last_modified = CASE WHEN ? THEN ? ELSE NULL END, "
            "content_hash = coalesce(?, content_hash) WHERE url = ?",
            (outcome.outcome, outcome.fetched_at, keep, outcome.etag, keep, outcome.last_modified,
             outcome.content_hash, outcome.url),
        )  # fmt: skip

    def output_size(self, output: str) -> int | None:
        row = self._db.execute("SELECT size FROM outputs WHERE path = ?", (output,)).fetchone()
        return None if row is None else int(row[0])

    def commit_output(self, output: str, size: int, emitted: Sequence[Emitted] = ()) -> None:
        with self._transaction():
            for outcome, keys in emitted:
                self._db.execute("INSERT OR IGNORE INTO urls (url) VALUES (?)", (outcome.url,))
                self._record(outcome)
                self._db.executemany(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?)", [(k, outcome.url) for k in keys]
                )
            self._set_output_size(output, size)

    def _set_output_size(self, output: str, size: int) -> None:
        self._db.execute("INSERT OR REPLACE INTO outputs (path, size) VALUES (?, ?)", (output, size))


def _lock_state(path: Path) -> int:
    """An exclusive lock on `path`.lock, held until the state is closed."""
    try:
        return _lock.acquire(path.with_name(path.name + ".lock"))
    except _lock.LockHeld as held:
        raise StateLockedError(
            f"another scraper run (pid {held.holder}) is using the state {path}; "
            "let it finish, or give this run its own --state"
        ) from None
