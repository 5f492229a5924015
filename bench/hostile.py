"""Hostile documents: each through `extract` (time and peak memory, in a process of its
own), then a `scraper run` over a loopback list mixing them with normal pages.

    flock /tmp/scraper-bench.lock .venv/bin/python bench/hostile.py [--pages 60]

Each hostile document must take under 2 s; the run must emit every normal page.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "fixtures" / "seed-page.html").read_bytes()
SEED_CANONICAL = (
    b"https://worldnewstoday.example/zelenskyy-cites-the-risks-of-north-korea-sending-more-troops/"
)
PARAGRAPH = "<p>" + "The council voted to build new flood barriers along the river. " * 5 + "</p>"
TARGET_SECONDS = 2.0


def _page(body: str) -> bytes:
    return f"<html><body><article>{body}</article></body></html>".encode()


def _formatting() -> bytes:
    return _page("<p>" + "".join(f'<b class="f{i}">' for i in range(2000)) + "<p>x" * 2000)


def _attributes() -> bytes:
    return _page("<div " + " ".join(f"a{i}=1" for i in range(40_000)) + ">" + PARAGRAPH + "</div>")


# name -> the document (the worst cases, and documents at the limits still parsed)
DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "40 comments + lowercase doctype": lambda: (
        "<!-- c -->" * 40 + "<!doctype html><html><body><article>" + PARAGRAPH * 3
    ).encode(),
    "2,000 unclosed <b> x 2,000 <p>": _formatting,
    "one element, 40,000 attributes": _attributes,
    "Related Posts + 40,000 dots": lambda: _page(
        PARAGRAPH * 150 + "<h2>Related Posts</h2><p>" + "." * 40_000 + "x</p>"
    ),
    "200,000 sibling paragraphs": lambda: _page("<p>a</p>" * 200_000),
    "byline-like line, 400 chars": lambda: _page("<p>By A" + "Ae" * 200 + "!</p>" + PARAGRAPH * 3),
    "3,000 unclosed <meta": lambda: b"<html><head>" + b"<meta" * 3000 + b">" + _page(PARAGRAPH * 3),
    "nesting 100,000 <div>": lambda: _page("<div>" * 100_000 + "x" + "</div>" * 100_000),
}
# Documents just inside the limits, still parsed: what the worst accepted input costs.
AT_THE_LIMITS: dict[str, Callable[[], bytes]] = {
    "30,000 <p> (limit 32,000 elements)": lambda: _page("<p>a</p>" * 30_000),
    "15,000 <p> (the largest real page: 15,800)": lambda: _page("<p>a</p>" * 15_000),
    "4,900 attributes (limit 5,000)": lambda: _page(
        "<div " + " ".join(f"a{i}=1" for i in range(4_900)) + ">" + PARAGRAPH + "</div>"
    ),
    "1,100 unclosed <b> x 50 <p> (55,000 copies, limit 60,000)": lambda: _page(
        "<p>" + "".join(f'<b class="f{i}">' for i in range(1100)) + "<p>x" * 50
    ),
}
ALL = {**DOCUMENTS, **AT_THE_LIMITS}


def _measure(name: str, queue: multiprocessing.Queue[tuple[float, int, str]]) -> None:
    from scraper import extract

    extract(b"<p>warm up</p>")
    document = ALL[name]()
    started = time.perf_counter()
    article = extract(document)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    result = f"{len(article.text):,} chars of text" if article.text else (article.reason or "")
    queue.put((seconds, peak_mb, result))


def extract_table(documents: dict[str, Callable[[], bytes]]) -> bool:
    print("\n| document | bytes | seconds | peak MB | result |\n|---|---:|---:|---:|---|")
    context = multiprocessing.get_context("spawn")
    all_fast = True
    for name, make in documents.items():
        queue: multiprocessing.Queue[tuple[float, int, str]] = context.Queue()
        process = context.Process(target=_measure, args=(name, queue))
        process.start()
        try:
            seconds, peak_mb, result = queue.get(timeout=120)
        except Exception:
            seconds, peak_mb, result = float("inf"), 0, "did not finish in 120 s"
        process.kill()
        process.join()
        all_fast &= seconds < TARGET_SECONDS
        print(f"| {name} | {len(make()):,} | {seconds:.3f} | {peak_mb} | {result[:90]} |")
    return all_fast


def _story(number: int) -> bytes:
    own = f"<p>This is story number {number}, told in a paragraph no other story has.</p>\n".encode()
    page = SEED.replace(b"<p>Ukrainian President", own + b"<p>Ukrainian President", 1)
    return page.replace(SEED_CANONICAL, SEED_CANONICAL + f"{number}/".encode())


def mixed_run(pages: int) -> bool:
    with tempfile.TemporaryDirectory() as directory:
        site = Path(directory) / "site"
        site.mkdir()
        for number in range(pages):
            (site / f"story-{number}.html").write_bytes(_story(number))
        for number, make in enumerate(DOCUMENTS.values()):
            (site / f"hostile-{number}.html").write_bytes(make())
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        normal = [f"{base}/story-{n}.html" for n in range(pages)]
        hostile = [f"{base}/hostile-{n}.html" for n in range(len(DOCUMENTS))]
        mixed = [url for pair in zip(normal, hostile + [""] * pages, strict=False) for url in pair if url]
        urls = Path(directory) / "urls.txt"
        urls.write_text("\n".join(mixed) + "\n")
        output, errors = Path(directory) / "out.jsonl", Path(directory) / "errors.jsonl"
        command = [
            sys.executable, "-m", "scraper", "run", str(urls), "-o", str(output), "--errors", str(errors),
            "--allow-network", "127.0.0.1", "--delay", "0", "--state", str(Path(directory) / "state"), "-q",
        ]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        wall = time.perf_counter() - started
        server.shutdown()
        emitted = {json.loads(line)["url"] for line in output.read_text().splitlines()}
        failed = [json.loads(line) for line in errors.read_text().splitlines()] if errors.exists() else []
    print(f"\nscraper run over {len(mixed)} URLs ({pages} normal pages, {len(hostile)} hostile): "
          f"{wall:.2f} s, exit status {done.returncode}")  # fmt: skip
    for error in failed:
        print(f"  {error['url'].rsplit('/', 1)[-1]:<18} {error['outcome']:<12} {error['detail'][:80]}")
    every = set(normal) <= emitted
    print(f"every normal page emitted: {every} ({len(set(normal) & emitted)}/{len(normal)})")
    return every


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=60, help="normal pages in the run")
    options = parser.parse_args()
    fast = extract_table(DOCUMENTS)
    print(f"\nevery hostile document under {TARGET_SECONDS:g} s: {fast}")
    extract_table(AT_THE_LIMITS)
    emitted = mixed_run(options.pages)
    sys.exit(0 if fast and emitted else 1)


if __name__ == "__main__":
    main()
