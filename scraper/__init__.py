"""scraper: clean article text and metadata from news pages.

`extract` turns one page into an `Article`; `run_urls` (the `scraper run` command) fetches
a list of URLs politely, extracts each and keeps state between runs.
"""

from ._article import Article, TextBlock
from ._config import RunConfig
from ._errors import (
    ConfigError,
    FetchError,
    ScraperError,
    StateLockedError,
)
from ._extract import extract
from ._run import run_urls

__all__ = [
    "Article",
    "ConfigError",
    "FetchError",
    "RunConfig",
    "ScraperError",
    "StateLockedError",
    "TextBlock",
    "extract",
    "run_urls",
]
__version__ = "0.1.0"
