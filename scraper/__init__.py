"""scraper: clean article text and metadata from news pages.

`extract` turns one page into an `Article`; `run_urls` (the `scraper run` command) fetches
a list of URLs politely, extracts each and keeps state between runs.

Names are imported when first used: a run's main process fetches and never loads the
extraction stack (its worker processes do), which keeps a run that finds nothing new short.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

# `scraper.extract` is both the subpackage and, here, its function: importing the (light)
# subpackage now binds the name to the function for good, whatever is imported later.
from .extract import Article, TextBlock, extract

if TYPE_CHECKING:
    from ._errors import (
        BackendLost,
        ConfigError,
        FetchError,
        RunInterrupted,
        ScraperError,
        StateDamaged,
        StateLockedError,
        StorageError,
    )
    from .crawl import RunConfig, run_urls

_HOMES = {
    "BackendLost": "_errors",
    "RunConfig": "crawl._config",
    "ConfigError": "_errors",
    "FetchError": "_errors",
    "ScraperError": "_errors",
    "StateLockedError": "_errors",
    "StateDamaged": "_errors",
    "StorageError": "_errors",
    "RunInterrupted": "_errors",
    "run_urls": "crawl._run",
}

__all__ = [
    "Article",
    "BackendLost",
    "ConfigError",
    "FetchError",
    "RunConfig",
    "RunInterrupted",
    "ScraperError",
    "StateDamaged",
    "StateLockedError",
    "StorageError",
    "TextBlock",
    "extract",
    "run_urls",
]
__version__ = "0.1.0"

# A library logs, the application decides where it goes: nothing is printed unless it does
# (`scraper run -v` and `--log-file` do; so does `logging.basicConfig()` in a script).
logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'scraper' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
