"""The state's queries, written once for every SQL backend (SQLite and PostgreSQL read them
alike: `?` placeholders, `ON CONFLICT` upserts). A backend opens the connection, holds the
lock of the run and keeps the schema; it gives the queries a connection through `_query`,
`_query_many` and `_transaction`."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self

from .. import _settings
from .._urls import JobKind
from ._base import SETTLED, Emitted, Known, Outcome

_SAVE_EVERY = 100  # outcomes that are not articles, committed together


def tables(without_rowid: str = "") -> str:
    """The tables every SQL backend keeps (SQLite stores the keyed ones `WITHOUT ROWID`);
    each backend adds its own `runs` table."""
    return f"""
CREATE TABLE IF NOT EXISTS urls (
    url TEXT PRIMARY KEY,
    outcome TEXT,            -- emitted, unchanged, not_modified, or an error outcome
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,       -- of the last article emitted for this URL
    fetched_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,  -- runs that took this URL up
    run BIGINT,              -- the last run that took it up
    source TEXT,             -- the feed or sitemap it was found in, if any
    kind TEXT                -- for a URL found in a listing: page, or listing (a sitemap's sitemap)
){without_rowid};
CREATE INDEX IF NOT EXISTS urls_by_source ON urls (source) WHERE source IS NOT NULL;
CREATE TABLE IF NOT EXISTS articles (
    key TEXT PRIMARY KEY,    -- canonical:<address> or text:<content hash> of an emitted article
    url TEXT NOT NULL        -- the URL it was emitted for
){without_rowid};
CREATE TABLE IF NOT EXISTS outputs (
    path TEXT PRIMARY KEY,
    size BIGINT NOT NULL     -- bytes of the file that hold committed records
);
"""


class SQLState:
    """The `State` of a run over an SQL database (see `_base.State` for what each does)."""

    run: int  # this run's number, given by the backend when it opens

    def __init__(self) -> None:
        self._unsaved: list[Outcome] = []

    # What a backend provides.
    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _query_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _disconnect(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        try:
            self.save()
        finally:
            self._disconnect()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def take_up(self, urls: Sequence[str]) -> dict[str, Known]:
        marks = ",".join("?" * len(urls))
        with self._transaction():
            columns = "url, run, etag, last_modified, content_hash, outcome"
            rows = self._query(f"SELECT {columns} FROM urls WHERE url IN ({marks})", urls)
            known = {row[0]: (row[1], Known(*row[2:])) for row in rows}
            fresh = [url for url in dict.fromkeys(urls) if known.get(url, (None,))[0] != self.run]
            self._query_many(
                "INSERT INTO urls (url, attempts, run) VALUES (?, 1, ?) "
                "ON CONFLICT (url) DO UPDATE SET attempts = urls.attempts + 1, run = excluded.run",
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
            self._record(self._unsaved)
            if output is not None:
                self._set_output_size(*output)
            self._add_keys(keys)
        self._unsaved.clear()

    def holder(self, keys: Sequence[str], url: str) -> str | None:
        for key in keys:
            rows = self._query("SELECT url FROM articles WHERE key = ? AND url != ?", (key, url))
            if rows:
                return str(rows[0][0])
        return None

    def add_items(self, source: str, kind: JobKind, urls: Sequence[str]) -> None:
        with self._transaction():
            self._query_many(
                "INSERT INTO urls (url, source, kind) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING",
                [(url, source, kind) for url in urls],
            )

    def items_to_do(
        self, source: str, after: str = "", limit: int | None = None
    ) -> list[tuple[str, JobKind]]:
        rows = self._query(
            "SELECT url, kind FROM urls WHERE source = ? AND url > ? AND (kind = 'listing' OR ("
            f"coalesce(outcome, '') NOT IN ({','.join('?' * len(SETTLED))}) AND attempts < ?)) "
            f"ORDER BY url{' LIMIT ?' if limit is not None else ''}",
            (source, after, *SETTLED, _settings.MAX_ITEM_ATTEMPTS, *([] if limit is None else [limit])),
        )
        return [(str(url), "listing" if kind == "listing" else "page") for url, kind in rows]

    def output_size(self, output: str) -> int | None:
        rows = self._query("SELECT size FROM outputs WHERE path = ?", (output,))
        return int(rows[0][0]) if rows else None

    def commit_output(self, output: str, size: int, emitted: Sequence[Emitted] = ()) -> None:
        with self._transaction():
            urls = [(outcome.url,) for outcome, _ in emitted]
            self._query_many("INSERT INTO urls (url) VALUES (?) ON CONFLICT (url) DO NOTHING", urls)
            self._record([outcome for outcome, _ in emitted])
            self._add_keys([(key, outcome.url) for outcome, keys in emitted for key in keys])
            self._set_output_size(output, size)

    def _record(self, outcomes: Sequence[Outcome]) -> None:
        self._query_many(
            "UPDATE urls SET outcome = ?, fetched_at = coalesce(?, fetched_at), "
            "etag = CASE WHEN ? THEN ? ELSE NULL END, last_modified = CASE WHEN ? THEN ? ELSE NULL END, "
            "content_hash = coalesce(?, content_hash) WHERE url = ?",
            [_record_row(outcome) for outcome in outcomes],
        )

    def _add_keys(self, keys: Sequence[tuple[str, str]]) -> None:
        self._query_many(
            "INSERT INTO articles (key, url) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET url = excluded.url",
            keys,
        )

    def _set_output_size(self, output: str, size: int) -> None:
        self._query(
            "INSERT INTO outputs (path, size) VALUES (?, ?) "
            "ON CONFLICT (path) DO UPDATE SET size = excluded.size",
            (output, size),
        )


def _record_row(outcome: Outcome) -> tuple[Any, ...]:
    keep = outcome.content_hash is not None  # validators only with a safe article
    return (outcome.outcome, outcome.fetched_at, keep, outcome.etag, keep, outcome.last_modified,
            outcome.content_hash, outcome.url)  # fmt: skip
