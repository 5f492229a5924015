"""scraper: clean article text and metadata from news pages."""

from ._article import Article, TextBlock
from ._extract import extract

__all__ = ["Article", "TextBlock", "extract"]
__version__ = "0.1.0"
