"""Score `scraper.extract` and plain `trafilatura.extract` side by side on the article
extraction benchmark (181 news pages with hand-made bodies), with its published metric.

    python bench/extraction.py [--dataset DIR] [--worst N] [--repeat N]

The peer is run the way its published score was measured (include_comments=False,
include_tables=True), which reproduces F1 0.960 / accuracy 0.293. Time is the median of
`--repeat` passes, one page after another on one core, both measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from scraper import extract

DEFAULT_DATASET = Path(__file__).resolve().parents[2] / "shared/datasets/article-extraction-benchmark"
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_scores(true: str, pred: str) -> tuple[float, float, float]:
    """The published metric for one page: tp, fp, fn of 4-token shingles, normalised to sum 1."""
    true_shingles, pred_shingles = _shingles(true), _shingles(pred)
    tp = sum((true_shingles & pred_shingles).values())
    fp = sum((pred_shingles - true_shingles).values())
    fn = sum((true_shingles - pred_shingles).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float
    accuracy: float
    ms_per_page: float


def score(truths: dict[str, str], predictions: dict[str, str], ms_per_page: float) -> Score:
    precisions, recalls, exact = [], [], 0
    for key, true in truths.items():
        pred = predictions.get(key, "")
        tp, fp, fn = page_scores(true, pred)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(tp / (tp + fn))
        exact += _TOKEN.findall(true) == _TOKEN.findall(pred)
    precision, recall = statistics.fmean(precisions), statistics.fmean(recalls)
    f1 = 2 * precision * recall / (precision + recall)
    return Score(f1, precision, recall, exact / len(truths), ms_per_page)


def run(
    pages: dict[str, bytes], urls: dict[str, str], extractor: Callable[[bytes, str], str], repeat: int
) -> tuple[dict[str, str], float]:
    timings, outputs = [], {}
    for _ in range(repeat):
        start = time.perf_counter()
        outputs = {key: extractor(html, urls[key]) for key, html in pages.items()}
        timings.append((time.perf_counter() - start) * 1000 / len(pages))
    return outputs, statistics.median(timings)


def ours(html: bytes, url: str) -> str:
    return extract(html, url=url).text


def peer(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="benchmark folder")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (median is shown)")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages we score worst on")
    parser.add_argument("--dump", type=Path, help="write our outputs to this JSON file")
    args = parser.parse_args()

    truth = json.loads((args.dataset / "ground-truth.json").read_text())
    pages = {key: gzip.decompress((args.dataset / f"html/{key}.html.gz").read_bytes()) for key in truth}
    urls = {key: value.get("url", "") for key, value in truth.items()}
    bodies = {key: value["articleBody"] for key, value in truth.items()}

    results = {}
    for name, extractor in (("scraper", ours), ("trafilatura", peer)):
        outputs, ms = run(pages, urls, extractor, args.repeat)
        results[name] = (outputs, score(bodies, outputs, ms))

    print(f"{len(pages)} pages, median of {args.repeat} passes, one process\n")
    print("| system | F1 | precision | recall | accuracy | ms/page |")
    print("|---|---|---|---|---|---|")
    for name, (_, s) in results.items():
        cells = (s.f1, s.precision, s.recall, s.accuracy)
        print(f"| {name} | " + " | ".join(f"{c:.3f}" for c in cells) + f" | {s.ms_per_page:.1f} |")
    ratio = results["scraper"][1].ms_per_page / results["trafilatura"][1].ms_per_page
    print(f"\ntime ratio scraper / trafilatura: {ratio:.2f}")

    if args.dump:
        args.dump.write_text(json.dumps(results["scraper"][0], ensure_ascii=False, indent=1))
    if args.worst:
        ours_out, peer_out = results["scraper"][0], results["trafilatura"][0]
        rows = []
        for key in bodies:
            _, fp, fn = page_scores(bodies[key], ours_out[key])
            _, pfp, pfn = page_scores(bodies[key], peer_out[key])
            rows.append((fp + fn, key, fp, fn, pfp, pfn))
        print("\nworst pages: ours fp/fn vs trafilatura fp/fn")
        for _, key, fp, fn, pfp, pfn in sorted(rows, reverse=True)[: args.worst]:
            print(f"{key[:12]} {fp:.3f}/{fn:.3f} vs {pfp:.3f}/{pfn:.3f} {urls[key][:70]}")


if __name__ == "__main__":
    main()
