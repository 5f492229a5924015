"""`python -m scraper` is the `scraper` command."""

from ._cli import main

main()
