"""Crawling: URLs (lists, feeds, sitemaps) to records, politely, with state between runs.

The stages, each a module: `_urls` (the URL list), `_batches` (URLs grouped by host into
batches, the unit of work), `_run` (the run: the list read into batches kept at work),
`_jobs` (a batch's URLs fetched and read), `_politeness` (slots, delay, robots.txt),
`_fetch` (HTTP) with `_retry` (the retry policy), `_network` (the address guard),
`_inflate` (bounded Content-Encoding decoding), `_listings` (feeds and sitemaps), `_records`
(a fetched document to a record), `_settle` (results to output, state and report),
`_output` (JSON Lines, and their recovery after a kill), `_report` and `_progress` (what a
run says), `_config` (`RunConfig` and the parsers of its values), `_lock` (the portable
file lock of a state) and `_settings` (every default).
Two seams with backends behind them: `state/` (what earlier runs saw: the `State`
interface, SQLite) and `executor/` (where pages are read: the local process pool).

Names are imported when first used, so `import scraper.crawl` costs nothing until a run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._config import RunConfig
    from ._run import run_urls

_HOMES = {"RunConfig": "_config", "run_urls": "_run"}

__all__ = ["RunConfig", "run_urls"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'scraper.crawl' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value
