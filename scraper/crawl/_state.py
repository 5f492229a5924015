"""What earlier runs learnt of each URL, kept in SQLite (WAL) so a cron job does only new work.

Per URL: the last outcome, its ETag and Last-Modified (sent back as a conditional request),
the hash of the last article emitted, when it was fetched and how many runs took it up;
for a URL found in a feed or sitemap, which one. Per emitted article: the keys it is known
by (canonical address, text hash), so that another address of it is not emitted again.

Crash safety rests on one order: an article's line is written to the output whole, then
its URL is committed here together with the output's new size. A run killed in between
leaves a line the state does not know; the next run finds it after the recorded size,
commits it, and cuts off a half-written line if there is one (`recover_output`). So an
article written to a file is never lost nor written twice. On standard output nothing can
be read back: a kill at that moment emits that article again on the next run.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from .._errors import GOOD_OUTCOMES, ConfigError, InvalidURL, StateLockedError
from . import _lock, _settings
from ._urls import JobKind, normalise_url

_SAVE_EVERY = 100  # outcomes that are not articles, committed together
# Outcomes after which a URL found in a feed or sitemap is not fetched again.
SETTLED = tuple(sorted(GOOD_OUTCOMES))

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


class State:
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

    def __enter__(self) -> State:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def take_up(self, urls: list[str]) -> dict[str, Known]:
        """Mark `urls` as taken up by this run; what is known of those not already taken
        up by it (a URL listed twice is fetched once)."""
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
        """Record what became of a URL. An emitted article (given with the output's new
        size and the keys it is known by) is committed at once; other outcomes are committed
        in groups, as losing them to a kill costs no more than asking the server again."""
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
        """The URL under which an article with one of `keys` was already emitted, if not `url`."""
        for key in keys:
            row = self._db.execute(
                "SELECT url FROM articles WHERE key = ? AND url != ?", (key, url)
            ).fetchone()
            if row is not None:
                return str(row[0])
        return None

    def add_items(self, source: str, kind: str, urls: Sequence[str]) -> None:
        """Remember the URLs a feed or sitemap lists (those known already are left as they are)."""
        with self._transaction():
            self._db.executemany(
                "INSERT INTO urls (url, source, kind) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING",
                [(url, source, kind) for url in urls],
            )

    def items_to_do(self, source: str) -> list[tuple[str, JobKind]]:
        """The (url, kind) listed by `source` still to do: pages never settled well (and not
        given up after MAX_ITEM_ATTEMPTS runs), and every sitemap of a sitemap index."""
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

    def committed_size(self, output: str) -> int | None:
        row = self._db.execute("SELECT size FROM outputs WHERE path = ?", (output,)).fetchone()
        return None if row is None else int(row[0])

    def recover_output(self, output: Path) -> int:
        """Commit the records a killed run wrote to `output` after its last commit, and cut
        off a half-written last line. Returns how many records were recovered."""
        key = str(output.resolve())
        size = output.stat().st_size if output.exists() else 0
        committed = self.committed_size(key)
        if committed is None or committed > size:  # a new file, or one rotated since
            self.record_output_size(key, size)
            return 0
        with output.open("rb") as file:
            file.seek(committed)
            tail = file.read()
        whole, _, partial = tail.rpartition(b"\n")
        lines = [line for line in whole.split(b"\n") if line]
        if partial:
            os.truncate(output, size - len(partial))
        recovered = [found for found in map(_outcome_of_line, lines) if found is not None]
        with self._transaction():
            for outcome, keys in recovered:
                self._db.execute("INSERT OR IGNORE INTO urls (url) VALUES (?)", (outcome.url,))
                self._record(outcome)
                self._db.executemany(
                    "INSERT OR REPLACE INTO articles VALUES (?, ?)", [(k, outcome.url) for k in keys]
                )
            self._set_output_size(key, size - len(partial))
        return len(recovered)

    def record_output_size(self, output: str, size: int) -> None:
        with self._transaction():
            self._set_output_size(output, size)

    def _set_output_size(self, output: str, size: int) -> None:
        self._db.execute("INSERT OR REPLACE INTO outputs (path, size) VALUES (?, ?)", (output, size))


def _outcome_of_line(line: bytes) -> tuple[Outcome, list[str]] | None:
    """The outcome of a written record, and the keys its article is known by."""
    try:
        record = json.loads(line)
        outcome = Outcome(
            record["url"], "emitted", record.get("fetched_at"), content_hash=record["content_hash"]
        )
    except (ValueError, KeyError, TypeError):
        return None
    return outcome, article_keys(record.get("canonical_url"), outcome.content_hash or "")


def article_keys(canonical_url: str | None, content_hash: str) -> list[str]:
    """The keys an emitted article is known by: its canonical address and its text's hash."""
    keys = [f"text:{content_hash}"]
    if canonical_url:
        with contextlib.suppress(InvalidURL):
            keys.insert(0, f"canonical:{normalise_url(canonical_url)}")
    return keys


def _lock_state(path: Path) -> int:
    """An exclusive lock on `path`.lock, held until the state is closed."""
    try:
        return _lock.acquire(path.with_name(path.name + ".lock"))
    except _lock.LockHeld as held:
        raise StateLockedError(
            f"another scraper run (pid {held.holder}) is using the state {path}; "
            "let it finish, or give this run its own --state"
        ) from None
