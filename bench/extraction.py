"""Score `scraper.extract` and plain `trafilatura.extract` side by side, in one run, on two
corpora with their own published metrics:

- AEB (article extraction benchmark): 181 news pages; 4-token shingles, F1 and accuracy;
  shown for all pages and per language of the ground truth.
- WCXB-dev: 1,497 pages of seven types; bag of `\\w+` words (lowercased), per-page P/R/F1,
  mean over pages; shown for all pages, per page type and, for articles, per language of the
  ground truth (detected with py3langid: `pip install -e '.[bench]'`).

    python bench/extraction.py [--corpus aeb|wcxb|both] [--sample N] [--show-losses K]
                               [--cached-peer] [--aeb DIR] [--wcxb DIR]

The peer runs as its published scores were measured: default (not fast) mode,
include_comments=False, include_tables=True. Each page is extracted by both systems back to
back, so the printed time ratio compares them on the same machine at the same moment.
`--cached-peer` reuses trafilatura's outputs and timings from bench/out/ (keyed by its
version and the page's hash) to iterate quickly; the published table is run without it.
Run it under `flock /tmp/scraper-bench.lock`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura

from scraper import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared/datasets"
CACHE = ROOT / "bench/out/peer-cache"
_TOKEN = re.compile(r"\w+")
_SYSTEMS = ("scraper", "trafilatura")


@dataclass(frozen=True)
class Page:
    """One page of a corpus, with what its metric needs."""

    key: str
    html: bytes
    url: str
    truth: str
    kind: str = "article"  # the page type (WCXB) or "article" (AEB)
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    language: str = "?"


@dataclass
class Outcome:
    """What one system gave for each page, and the time it took."""

    texts: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


# ------------------------------------------------------------------ corpora


def _sample(keys: Iterable[str], size: int | None) -> list[str]:
    """A deterministic subset: the keys with the smallest hashes (the same on every run)."""
    ordered = sorted(keys, key=lambda key: hashlib.sha1(key.encode()).hexdigest())
    return sorted(ordered[:size] if size else ordered)


def load_aeb(folder: Path, size: int | None) -> list[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text())
    return [
        Page(key, gzip.decompress((folder / f"html/{key}.html.gz").read_bytes()),
             truth[key].get("url", ""), truth[key]["articleBody"],
             language=_language(truth[key]["articleBody"]))
        for key in _sample(truth, size)
    ]  # fmt: skip


def _language(text: str) -> str:
    import py3langid  # bench-only dependency

    return str(py3langid.classify(text[:3000])[0])


def load_wcxb(folder: Path, size: int | None) -> list[Page]:
    keys = [path.name.removesuffix(".json") for path in (folder / "ground-truth").glob("*.json")]
    pages = []
    for key in _sample(keys, size):
        record = json.loads((folder / f"ground-truth/{key}.json").read_text())
        truth = record["ground_truth"]
        html_path = folder / f"html/{record.get('file_id', key)}.html.gz"
        if not html_path.exists():
            html_path = folder / f"html/{key}.html.gz"
        kind = record["_internal"]["page_type"]["primary"]
        pages.append(Page(
            key, gzip.decompress(html_path.read_bytes()), record.get("url") or "",
            truth.get("main_content") or "", kind,
            tuple(truth.get("with") or ()), tuple(truth.get("without") or ()),
            _language(truth.get("main_content") or "") if kind == "article" else "?",
        ))  # fmt: skip
    return pages


# ------------------------------------------------------------------ running


def ours(page: Page) -> str:
    return extract(page.html, url=page.url or None).text


def peer(page: Page) -> str:
    return trafilatura.extract(page.html, url=page.url or None, include_comments=False,
                               include_tables=True) or ""  # fmt: skip


def _timed(function: Callable[[Page], str], page: Page) -> tuple[str, float]:
    start = time.perf_counter()
    text = function(page)
    return text, time.perf_counter() - start


def _cache_path(page: Page) -> Path:
    digest = hashlib.sha256(page.html + page.url.encode()).hexdigest()[:24]
    return CACHE / f"{trafilatura.__version__}-{digest}.json"


def run_both(pages: list[Page], cached_peer: bool) -> dict[str, Outcome]:
    """Both systems on every page, back to back (the peer from the cache when asked)."""
    outcomes = {name: Outcome() for name in _SYSTEMS}
    CACHE.mkdir(parents=True, exist_ok=True)
    for page in pages:
        text, seconds = _timed(ours, page)
        outcomes["scraper"].texts[page.key] = text
        outcomes["scraper"].seconds += seconds
        path = _cache_path(page)
        if cached_peer and path.exists():
            text, seconds = json.loads(path.read_text())
        else:
            text, seconds = _timed(peer, page)
            path.write_text(json.dumps([text, seconds]))
        outcomes["trafilatura"].texts[page.key] = text
        outcomes["trafilatura"].seconds += seconds
    return outcomes


# ------------------------------------------------------------------ metrics


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def aeb_scores(true: str, pred: str) -> tuple[float, float, float]:
    """AEB's metric for one page: tp, fp, fn of 4-token shingles, normalised to sum 1."""
    true_shingles, pred_shingles = _shingles(true), _shingles(pred)
    tp = sum((true_shingles & pred_shingles).values())
    fp = sum((pred_shingles - true_shingles).values())
    fn = sum((true_shingles - pred_shingles).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def aeb_table_row(pages: list[Page], texts: dict[str, str]) -> tuple[float, ...]:
    """F1, precision, recall (means over pages, F1 of the means, as published) and accuracy."""
    precisions, recalls, exact = [], [], 0
    for page in pages:
        pred = texts[page.key]
        tp, fp, fn = aeb_scores(page.truth, pred)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        exact += _TOKEN.findall(page.truth) == _TOKEN.findall(pred)
    precision, recall = statistics.fmean(precisions or [0]), statistics.fmean(recalls or [0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall, exact / len(pages)


def wcxb_scores(true: str, pred: str) -> tuple[float, float, float]:
    """WCXB's metric for one page: P, R, F1 of the bags of lowercased `\\w+` words."""
    truth, output = Counter(_TOKEN.findall(true.lower())), Counter(_TOKEN.findall(pred.lower()))
    if not truth and not output:
        return 1.0, 1.0, 1.0
    common = sum((truth & output).values())
    precision = common / sum(output.values()) if output else 0.0
    recall = common / sum(truth.values()) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def wcxb_table_row(pages: list[Page], texts: dict[str, str]) -> tuple[float, ...]:
    """Mean F1, P, R over pages, and the shares of `with` snippets found, `without` leaked."""
    rows = [wcxb_scores(page.truth, texts[page.key]) for page in pages]
    found = [_snippet_share(page.with_snippets, texts[page.key]) for page in pages if page.with_snippets]
    leaked = [_snippet_share(page.without_snippets, texts[page.key])
              for page in pages if page.without_snippets]  # fmt: skip
    return (
        statistics.fmean(r[2] for r in rows), statistics.fmean(r[0] for r in rows),
        statistics.fmean(r[1] for r in rows), statistics.fmean(found or [0]),
        statistics.fmean(leaked or [0]),
    )  # fmt: skip


def _snippet_share(snippets: Iterable[str], text: str) -> float:
    snippets = [s for s in snippets if s.strip()]
    lowered = " ".join(text.lower().split())
    return sum(" ".join(s.lower().split()) in lowered for s in snippets) / max(1, len(snippets))


# ------------------------------------------------------------------ printing


def _print_table(header: str, rows: list[tuple[str, int, str, tuple[float, ...]]]) -> None:
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for label, count, system, cells in rows:
        print(f"| {label} | {count} | {system} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")


def print_aeb(pages: list[Page], outcomes: dict[str, Outcome]) -> None:
    print(f"\n### AEB ({len(pages)} pages)\n")
    rows = [
        (label, len(group), name, aeb_table_row(group, outcomes[name].texts))
        for label, group in [("all", pages), *_language_groups(pages)]
        for name in _SYSTEMS
    ]
    _print_table("| pages | n | system | F1 | precision | recall | accuracy |", rows)


def _language_groups(articles: list[Page]) -> list[tuple[str, list[Page]]]:
    """Articles per language of their truth: a group for each language with at least 5
    pages, largest first, and one for all the other languages together."""
    by_language: dict[str, list[Page]] = defaultdict(list)
    for page in articles:
        by_language[page.language].append(page)
    big = sorted(((f"articles {lang}", group) for lang, group in by_language.items() if len(group) >= 5),
                 key=lambda item: -len(item[1]))  # fmt: skip
    rest = [page for group in by_language.values() if len(group) < 5 for page in group]
    return big + ([("articles, other languages", rest)] if rest else [])


def _groups(pages: list[Page]) -> list[tuple[str, list[Page]]]:
    by_kind: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        by_kind[page.kind].append(page)
    groups = [("all", pages), *sorted(by_kind.items(), key=lambda item: -len(item[1]))]
    return groups + _language_groups(by_kind["article"])


def print_wcxb(pages: list[Page], outcomes: dict[str, Outcome]) -> None:
    print(f"\n### WCXB-dev ({len(pages)} pages)\n")
    rows = []
    for label, group in _groups(pages):
        for name in _SYSTEMS:
            rows.append((label, len(group), name, wcxb_table_row(group, outcomes[name].texts)))
    _print_table("| pages | n | system | F1 | precision | recall | with found | without leaked |", rows)


def print_time(pages: list[Page], outcomes: dict[str, Outcome], cached_peer: bool) -> None:
    ms = {name: outcomes[name].seconds * 1000 / max(1, len(pages)) for name in _SYSTEMS}
    note = " (trafilatura's times read from the cache: not a same-run figure)" if cached_peer else ""
    print(f"\ntime per page: scraper {ms['scraper']:.1f} ms, trafilatura {ms['trafilatura']:.1f} ms,"
          f" ratio {ms['scraper'] / max(ms['trafilatura'], 1e-9):.2f}{note}")  # fmt: skip


def _snippet_diff(snippets: Iterable[str], first: str, second: str) -> list[str]:
    """Snippets found in `first` and not in `second`."""
    return [s for s in snippets if _snippet_share([s], first) and not _snippet_share([s], second)]


def print_losses(pages: list[Page], outcomes: dict[str, Outcome], count: int) -> None:
    ours_texts, peer_texts = outcomes["scraper"].texts, outcomes["trafilatura"].texts
    deltas = []
    for page in pages:
        ours_f1 = wcxb_scores(page.truth, ours_texts[page.key])[2]
        deltas.append((ours_f1 - wcxb_scores(page.truth, peer_texts[page.key])[2], page))
    print(f"\n### The {count} pages where scraper loses most to trafilatura (F1 difference)\n")
    for delta, page in sorted(deltas, key=lambda item: item[0])[:count]:
        if delta >= 0:
            break
        ours_p, ours_r, _ = wcxb_scores(page.truth, ours_texts[page.key])
        peer_p, peer_r, _ = wcxb_scores(page.truth, peer_texts[page.key])
        print(f"{delta:+.3f} {page.key} [{page.kind}/{page.language}] P {ours_p:.2f}/{peer_p:.2f} "
              f"R {ours_r:.2f}/{peer_r:.2f} {page.url[:90]}")  # fmt: skip
        for snippet in _snippet_diff(page.with_snippets, peer_texts[page.key], ours_texts[page.key]):
            print(f"    lost:   {snippet[:140]!r}")
        for snippet in _snippet_diff(page.without_snippets, ours_texts[page.key], peer_texts[page.key]):
            print(f"    leaked: {snippet[:140]!r}")


# ------------------------------------------------------------------ main


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", choices=("aeb", "wcxb", "both"), default="both")
    parser.add_argument("--aeb", type=Path, default=SHARED / "article-extraction-benchmark")
    parser.add_argument("--wcxb", type=Path, default=SHARED / "wcxb-dev")
    parser.add_argument("--sample", type=int, help="a fixed subset of N pages of each corpus")
    parser.add_argument("--show-losses", type=int, default=0, metavar="K", help="list the K worst losses")
    parser.add_argument("--cached-peer", action="store_true", help="reuse trafilatura's cached outputs")
    parser.add_argument("--dump", type=Path, help="write scraper's outputs to this JSON file")
    args = parser.parse_args()

    every_page: list[Page] = []
    every_outcome: dict[str, Outcome] = {name: Outcome() for name in _SYSTEMS}
    for corpus in ("aeb", "wcxb"):
        if args.corpus not in (corpus, "both"):
            continue
        pages = (load_aeb(args.aeb, args.sample) if corpus == "aeb"
                 else load_wcxb(args.wcxb, args.sample))  # fmt: skip
        outcomes = run_both(pages, args.cached_peer)
        (print_aeb if corpus == "aeb" else print_wcxb)(pages, outcomes)
        if corpus == "wcxb" and args.show_losses:
            print_losses(pages, outcomes, args.show_losses)
        every_page += pages
        for name in _SYSTEMS:
            every_outcome[name].texts.update({f"{corpus}/{k}": v for k, v in outcomes[name].texts.items()})
            every_outcome[name].seconds += outcomes[name].seconds
    print_time(every_page, every_outcome, args.cached_peer)
    if args.dump:
        args.dump.write_text(json.dumps(every_outcome["scraper"].texts, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
