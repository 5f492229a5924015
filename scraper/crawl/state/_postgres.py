"""The shared state: PostgreSQL, for runs on a cluster or from several machines in turn.

It keeps what the SQLite state keeps (see `_sqlite`), in the schema `scraper` of the
database named by the URL, created on first use and versioned (`schema_version`). One run
at a time holds a session advisory lock on it; a second gets StateLockedError. The
connection is psycopg 3's, in autocommit mode with explicit transactions, as SQLite's.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from ..._errors import BackendLost, ConfigError, StateLockedError
from ._sql import SQLState, tables

SCHEMA = "scraper"
# The advisory lock a run holds on the state (any fixed 64-bit number; "scraper" in ASCII).
_RUN_LOCK = 0x73637261706572
_CONNECT_SECONDS = 10  # to give up on a database that does not answer

# The schema, one step per version: a state made by an earlier version is brought up to
# date step by step, in one transaction, by the first run that opens it.
_MIGRATIONS = (
    tables()
    + """
    CREATE TABLE runs (
        id BIGSERIAL PRIMARY KEY,
        started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        host TEXT,               -- the machine and process of the run, named when it holds the lock
        pid INTEGER
    );
    """,
)


def redacted(url: str) -> str:
    """`url` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{netloc}"))


class PostgresState(SQLState):
    """The state in a PostgreSQL database, held by one run at a time."""

    def __init__(self, url: str) -> None:
        super().__init__()
        try:
            import psycopg  # only a run with such a state needs it
        except ImportError:
            raise ConfigError(
                "a PostgreSQL --state needs psycopg: pip install 'newsprune[cluster]'"
            ) from None

        self.url = redacted(url)
        try:
            self._db = psycopg.connect(
                url, autocommit=True, connect_timeout=_CONNECT_SECONDS, options=f"-c search_path={SCHEMA}"
            )
        except psycopg.OperationalError as error:  # down, unreachable, or refusing us
            raise BackendLost(
                f"the state database {self.url} cannot be reached: {_said(error, url)}; "
                "check that it is up and the --state URL"
            ) from None
        except psycopg.Error as error:
            raise ConfigError(f"state {self.url}: {_said(error, url)}; check the --state URL") from None
        try:
            self._hold_lock()
            self._migrate()
            rows = self._query("INSERT INTO runs (host, pid) VALUES (?, ?) RETURNING id",
                               (socket.gethostname(), os.getpid()))  # fmt: skip
        except psycopg.Error as error:
            self._db.close()
            raise ConfigError(f"state {self.url}: {_said(error, url)}") from None
        except BaseException:
            self._db.close()
            raise
        self.run = int(rows[0][0])

    def _hold_lock(self) -> None:
        if self._db.execute("SELECT pg_try_advisory_lock(%s)", (_RUN_LOCK,)).fetchone() == (True,):
            return
        holder = "unknown"
        row = self._db.execute("SELECT to_regclass('runs') IS NOT NULL").fetchone()
        if row == (True,):
            last = self._db.execute("SELECT host, pid FROM runs ORDER BY id DESC LIMIT 1").fetchone()
            holder = f"pid {last[1]} on {last[0]}" if last else holder
        raise StateLockedError(
            f"another scraper run ({holder}) is using the state {self.url}; "
            "let it finish, or give this run its own --state"
        )

    def _migrate(self) -> None:
        """Create the schema on first use; bring one made by an earlier version up to date."""
        with self._db.transaction():
            self._db.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = self._db.execute("SELECT max(version) FROM schema_version").fetchone()
            version = row[0] if row and row[0] is not None else 0
            if version > len(_MIGRATIONS):
                raise ConfigError(
                    f"state {self.url}: made by a newer scraper (schema version {version}); upgrade scraper"
                )
            for step in _MIGRATIONS[version:]:
                self._db.execute(step.encode())  # bytes: a script of several statements, no parameters
            self._db.execute("DELETE FROM schema_version")
            self._db.execute("INSERT INTO schema_version VALUES (%s)", (len(_MIGRATIONS),))

    def _disconnect(self) -> None:
        import psycopg

        # Unlocked before closing: the server ends a closed session (and frees its locks) a
        # moment after the client has gone, when the next run may already be knocking.
        with contextlib.suppress(psycopg.Error):
            self._db.execute("SELECT pg_advisory_unlock(%s)", (_RUN_LOCK,))
        self._db.close()

    def _query(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lost():
            cursor = self._db.execute(_format(sql), parameters)
            return cursor.fetchall() if cursor.description is not None else []

    def _query_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._lost(), self._db.cursor() as cursor:
                cursor.executemany(_format(sql), rows)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lost(), self._db.transaction():
            yield

    @contextmanager
    def _lost(self) -> Iterator[None]:
        """A connection lost mid-run stops the run (a rerun finishes it), rather than failing
        every URL that follows."""
        import psycopg

        try:
            yield
        except psycopg.OperationalError as error:
            raise BackendLost(
                f"the state database {self.url} went away: {str(error).strip()}; "
                "what was committed is kept, run again to finish"
            ) from None


def _said(error: Exception, url: str) -> str:
    """What the database or driver said, on one line, without the URL's password."""
    message = " ".join(str(error).split())
    password = urlsplit(url).password
    return message.replace(password, "***") if password else message


def _format(sql: str) -> str:
    """The shared queries' `?` placeholders as psycopg's `%s` (they hold no literal ? or %)."""
    return sql.replace("?", "%s")
