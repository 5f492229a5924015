"""Score the metadata of `scraper.extract` against trafilatura's (and newspaper4k's, when it
is installed) on the article pages of WCXB-dev, all measured in the same run.

    flock /tmp/scraper-bench.lock .venv/bin/python bench/metadata.py [--sample N] [--misses FIELD]

The comparison rules, the same for every system (defined once, below):

- title equal: both titles normalised (Unicode NFKC, case-folded, every run of characters
  that are not letters or digits made one space, trimmed) are the same string.
- author, every name found: the truth is split into names at `;`, `&`, `|`, `,` and the
  word "and"; parts that are only credentials (all-capitals abbreviations like "MS", "RD",
  "DVM", or degrees like "Ph.D.", "M.D.") are dropped. The page counts when each remaining
  name, normalised as titles are, occurs as a whole-word run in the system's author string
  (all its names joined), normalised the same way. "exact" in brackets: the system's names,
  split by the same rule, are the truth's names and no others.
- date same day: the first characters of the system's ISO 8601 date equal the truth
  (`YYYY-MM-DD`, or `YYYY-MM` for the two truths that give a month only).

Each rate is over the pages whose truth has that field. The sanity check then runs
`scraper.extract` on every page of both shared corpora (WCXB-dev, all types, and the article
extraction benchmark), lists any `published` or `modified` before 1990 or after tomorrow, and
counts the pages given a language and tags.
Times, per page, one page after another, after a warm-up on five pages: scraper's metadata
stage (parsing and `read_metadata`, htmldate included where it runs; decoding excluded),
its language detection on the article text, its whole `extract`; trafilatura's
`extract_metadata` on the page (which parses it too; decoding excluded as well).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import random
import re
import statistics
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser
from trafilatura.metadata import extract_metadata

from scraper import extract
from scraper.extract._decode import decode_html
from scraper.extract._language import article_language
from scraper.extract._metadata import read_metadata

SHARED = Path(__file__).resolve().parents[2] / "shared/datasets"
_NOT_WORD = re.compile(r"[\W_]+")
_NAME_SEPARATORS = re.compile(r"\s*(?:[;&|,]|\band\b)\s*", re.IGNORECASE)
_CREDENTIAL = re.compile(
    r"(?:[A-Z]+(?:-[A-Z]+)*\b\.?|(?:[A-Z][a-z]?\.){1,3}|Ph\.?D\.?|Sr\.|Jr\.|\(.*\)|\d+|\W)+"
)


def normalise(text: str | None) -> str:
    """The form two titles or names are compared in (see the module's docstring)."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text or "").casefold()).strip()


def names(author: str | None) -> list[str]:
    """The names of an author string, by the rule of the module's docstring."""
    parts = (part.strip() for part in _NAME_SEPARATORS.split(author or ""))
    kept = [normalise(p) for p in parts if p and not _CREDENTIAL.fullmatch(p) and normalise(p)]
    return kept or ([normalise(author)] if normalise(author) else [])


def title_equal(truth: str, predicted: str | None) -> bool:
    return normalise(truth) == normalise(predicted)


def authors_found(truth: str, predicted: str | None) -> bool:
    found = f" {normalise(predicted)} "
    wanted = names(truth)
    return bool(wanted) and all(f" {name} " in found for name in wanted)


def authors_exact(truth: str, predicted: str | None) -> bool:
    return set(names(truth)) == set(names(predicted))


def same_day(truth: str, predicted: str | None) -> bool:
    return bool(predicted) and str(predicted)[: len(truth)] == truth


@dataclass
class Page:
    key: str
    url: str
    html: bytes
    truth: dict[str, Any]


def wcxb_pages(folder: Path, articles_only: bool) -> list[Page]:
    pages = []
    for path in sorted((folder / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text())
        if articles_only and record["_internal"]["page_type"]["primary"] != "article":
            continue
        html = gzip.decompress((folder / f"html/{path.stem}.html.gz").read_bytes())
        pages.append(Page(path.stem, record.get("url") or "", html, record["ground_truth"]))
    return pages


def aeb_pages(folder: Path) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text())
    return [
        Page(key, value.get("url", ""), gzip.decompress((folder / f"html/{key}.html.gz").read_bytes()), {})
        for key, value in truth.items()
    ]


# Each system: page -> (title, author string, date) .
System = Callable[[Page], tuple[str | None, str | None, str | None]]


# Each page's article text and declared language, kept to time language detection alone.
ARTICLE_TEXTS: dict[str, tuple[str | None, str]] = {}


def scraper_system(page: Page) -> tuple[str | None, str | None, str | None]:
    article = extract(page.html, url=page.url)
    ARTICLE_TEXTS[page.key] = (article.language, article.text)
    return article.title, article.author, article.published


def trafilatura_system(page: Page) -> tuple[str | None, str | None, str | None]:
    document = extract_metadata(decode_html(page.html, None), default_url=page.url or None)
    return document.title, document.author, document.date


def newspaper_system() -> System | None:
    try:
        from newspaper import Article as NewspaperArticle
    except ImportError:
        return None

    def run(page: Page) -> tuple[str | None, str | None, str | None]:
        article = NewspaperArticle(page.url or "http://localhost/")
        article.download(input_html=decode_html(page.html, None))
        article.parse()
        when = article.publish_date.isoformat() if article.publish_date else None
        return article.title, ", ".join(article.authors) or None, when

    return run


def timed(system: System, pages: list[Page]) -> tuple[dict[str, tuple[Any, ...]], float]:
    for page in pages[:5]:
        system(page)  # warm-up: lazy imports, regex compilation, dateparser's locales
    start = time.perf_counter()
    outputs = {page.key: system(page) for page in pages}
    return outputs, (time.perf_counter() - start) * 1000 / len(pages)


FIELDS: dict[str, tuple[int, Callable[[str, str | None], bool]]] = {
    "title": (0, title_equal),
    "author": (1, authors_found),
    "publish_date": (2, same_day),
}


def rates(pages: list[Page], outputs: dict[str, tuple[Any, ...]]) -> dict[str, tuple[float, int]]:
    result = {}
    for field, (index, rule) in FIELDS.items():
        scored = [rule(p.truth[field], outputs[p.key][index]) for p in pages if p.truth.get(field)]
        result[field] = (statistics.fmean(scored) if scored else 0.0, len(scored))
    with_author = [p for p in pages if p.truth.get("author")]
    exact = [authors_exact(p.truth["author"], outputs[p.key][1]) for p in with_author]
    result["author exact"] = (statistics.fmean(exact) if exact else 0.0, len(exact))
    return result


@dataclass
class Sanity:
    """What `extract` gives on every page of both corpora."""

    checked: int = 0
    dated: int = 0
    with_language: int = 0
    with_tags: int = 0
    bad_dates: list[str] = dataclasses.field(default_factory=list)


def corpus_sanity(pages: list[Page]) -> Sanity:
    """Pages dated, with a language and with tags, and every date outside 1990..tomorrow."""
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    sanity = Sanity(checked=len(pages))
    for page in pages:
        article = extract(page.html, url=page.url)
        sanity.dated += article.published is not None
        sanity.with_language += article.language is not None
        sanity.with_tags += bool(article.tags)
        for name in ("published", "modified"):
            value = getattr(article, name)
            if value is not None and not ("1990-01-01" <= value[:10] <= tomorrow):
                sanity.bad_dates.append(f"{page.key[:16]} {name}={value} {page.url[:60]}")
    return sanity


def metadata_stage(page: Page) -> tuple[str | None, str | None, str | None]:
    """Parsing and `read_metadata` (htmldate included, where it runs) on the decoded page."""
    text = decode_html(page.html, None)
    metadata = read_metadata(LexborHTMLParser(text), page.url, text)
    return metadata.title, metadata.author, metadata.published


def language_stage(page: Page) -> tuple[str | None, str | None, str | None]:
    """Language detection alone, on the article text `extract` gave."""
    declared, text = ARTICLE_TEXTS[page.key]
    return article_language(declared, text), None, None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--wcxb", type=Path, default=SHARED / "wcxb-dev", help="WCXB-dev folder")
    parser.add_argument("--aeb", type=Path, default=SHARED / "article-extraction-benchmark")
    parser.add_argument("--sample", type=int, default=0, help="score N random articles (0: all)")
    parser.add_argument("--misses", choices=[*FIELDS], help="list scraper's misses on a field")
    parser.add_argument("--no-sanity", action="store_true", help="skip the date sanity check")
    args = parser.parse_args()

    pages = wcxb_pages(args.wcxb, articles_only=True)
    if args.sample:
        pages = random.Random(0).sample(pages, min(args.sample, len(pages)))
    systems: dict[str, System] = {"scraper": scraper_system, "trafilatura": trafilatura_system}
    if (newspaper := newspaper_system()) is not None:
        systems["newspaper4k"] = newspaper
    outputs, times = {}, {}
    for name, system in systems.items():
        outputs[name], times[name] = timed(system, pages)
    decoding_ms = timed(lambda page: (decode_html(page.html, None), None, None), pages)[1]
    stage_ms = timed(metadata_stage, pages)[1] - decoding_ms
    language_ms = timed(language_stage, pages)[1]
    scores = {name: rates(pages, out) for name, out in outputs.items()}

    print(f"{len(pages)} WCXB-dev article pages, one process, all systems in this run\n")
    print("| field (pages with a truth) | " + " | ".join(systems) + " |")
    print("|---|" + "---|" * len(systems))
    for field in (*FIELDS, "author exact"):
        count = scores["scraper"][field][1]
        print(f"| {field} ({count}) | " + " | ".join(f"{scores[n][field][0]:.3f}" for n in systems) + " |")
    print(
        f"\nms/page: scraper metadata stage {stage_ms:.1f} (parse, read_metadata, htmldate where "
        f"it runs), language detection {language_ms:.2f}, scraper whole extract "
        f"{times['scraper']:.1f}, trafilatura extract_metadata {times['trafilatura'] - decoding_ms:.1f}"
        + (f", newspaper4k {times['newspaper4k']:.1f}" if "newspaper4k" in times else "")
    )
    if args.misses:
        index, rule = FIELDS[args.misses]
        print(f"\nscraper's misses on {args.misses}: truth | scraper | trafilatura")
        for page in pages:
            truth = page.truth.get(args.misses)
            if truth and not rule(truth, outputs["scraper"][page.key][index]):
                ours, peer = outputs["scraper"][page.key][index], outputs["trafilatura"][page.key][index]
                print(f"{page.key} {truth!r} | {ours!r} | {peer!r}  {page.url[:70]}")
    if not args.no_sanity:
        corpus = wcxb_pages(args.wcxb, articles_only=False) + aeb_pages(args.aeb)
        sanity = corpus_sanity(corpus)
        bad = sanity.bad_dates
        print(
            f"\nboth corpora, {sanity.checked} pages: {sanity.dated} dated, {len(bad)} dates outside "
            f"1990..tomorrow; language given on {sanity.with_language}, tags on {sanity.with_tags}"
        )
        for line in bad:
            print("  " + line)


if __name__ == "__main__":
    main()
