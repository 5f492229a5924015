"""scraper: clean article text and metadata from news pages.

`extract` turns one page into an `Article`; `run_urls` (the `scraper run` command) fetches
a list of URLs politely, extracts each and keeps state between runs.

`run_urls` and `RunConfig` are imported when first used, and `extract` loads its engine on
its first call: a run's main process fetches and never loads the extraction stack (its
worker processes do), which keeps a run that finds nothing new short.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

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

# `scraper.extract` is both the subpackage and, here, its function: importing the (light)
# subpackage now binds the name to the function for good, whatever is imported later.
from .extract import Article, TextBlock, extract

if TYPE_CHECKING:
    from .crawl import RunConfig, run_urls

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
    """`RunConfig` and `run_urls`, from `scraper.crawl` when first asked for."""
    if name not in ("RunConfig", "run_urls"):
        raise AttributeError(f"module 'scraper' has no attribute {name!r}")
    from . import crawl

    value = getattr(crawl, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
