"""What earlier runs learnt of each URL, so that a cron job does only new work.

`State` (in `_base`) is all a run asks of it; `open_state` picks the backend from the
location: a path is a SQLite file (`_sqlite`, the embedded default), a `postgresql://`
or `postgres://` URL a PostgreSQL database (`_postgres`, the shared one); `_sql` holds the
queries both run.
"""

from __future__ import annotations

from pathlib import Path

from .._config import DATABASE_URL_SCHEMES
from ._base import SETTLED, Emitted, Known, Outcome, State, article_keys

__all__ = ["SETTLED", "Emitted", "Known", "Outcome", "State", "article_keys", "open_state"]


def open_state(location: str | Path) -> State:
    """The state at `location`, opened for this run (see `State` for the errors raised)."""
    if isinstance(location, str) and location.startswith(DATABASE_URL_SCHEMES):
        from ._postgres import PostgresState

        return PostgresState(location)
    from ._sqlite import SQLiteState

    return SQLiteState(Path(location))
