"""Hostile documents: each through `extract` (time and peak memory, in a process of its
own), then a `scraper run` over a loopback list mixing them with normal pages; then the
run-level worst cases: pages past the extraction deadline, a run stopped by kill -9,
SIGTERM or Ctrl-C while a worker is busy with a page, and a disk that fills up.

    flock /tmp/scraper-bench.lock .venv/bin/python bench/hostile.py [--pages 60]

Each hostile document must take under 2 s; the run must emit every normal page; a stopped
run must end within seconds leaving no extraction process, and a full disk must cost no
article (none lost, none written twice, once space is back).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "crawl"))  # the tests' helpers that read /proc
import processes  # noqa: E402

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


# A real page that takes seconds to read: as many paragraphs of prose as extraction accepts.
SLOW_PAGE = _page(PARAGRAPH * 25_000)


@contextlib.contextmanager
def _site(files: dict[str, bytes]) -> Iterator[tuple[str, Path]]:
    """A loopback web server of `files`, its base URL, and a directory for a run's files."""
    with tempfile.TemporaryDirectory() as directory:
        site = Path(directory) / "site"
        site.mkdir()
        for name, body in files.items():
            (site / name).write_bytes(body)
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}", Path(directory)
        finally:
            server.shutdown()


def _run_command(urls: list[str], work: Path, *options: str) -> list[str]:
    (work / "urls.txt").write_text("\n".join(urls) + "\n")
    return [
        sys.executable, "-m", "scraper", "run", str(work / "urls.txt"), "-o", str(work / "out.jsonl"),
        "--errors", str(work / "errors.jsonl"), "--state", str(work / "state"), "--allow-network",
        "127.0.0.1", "--delay", "0", "-q", *options,
    ]  # fmt: skip


def _records(path: Path) -> list[str]:
    return [json.loads(line)["url"] for line in path.read_text().splitlines()] if path.exists() else []


def deadline_run(pages: int) -> bool:
    """Normal pages and pages that take seconds to read, with --extract-timeout 1."""
    files = {f"story-{n}.html": _story(n) for n in range(pages)}
    files.update({f"slow-{n}.html": SLOW_PAGE for n in range(3)})
    with _site(files) as (base, work):
        urls = [f"{base}/{name}" for name in files]
        started = time.perf_counter()
        command = _run_command(urls, work, "--extract-timeout", "1")
        done = subprocess.run(command, capture_output=True, text=True)
        wall = time.perf_counter() - started
        emitted = set(_records(work / "out.jsonl"))
        outcomes = [json.loads(line)["outcome"] for line in (work / "errors.jsonl").read_text().splitlines()]
    every = {url for url in urls if "/story-" in url} <= emitted
    print(f"\n{len(urls)} URLs ({pages} normal, 3 of {len(SLOW_PAGE):,} bytes that read for seconds), "
          f"--extract-timeout 1: {wall:.2f} s, exit status {done.returncode}, the slow ones: {outcomes}; "
          f"every normal page emitted: {every}")  # fmt: skip
    return every and outcomes == ["extraction_timeout"] * 3


def stopped_runs() -> bool:
    """A run stopped while its only worker reads a slow page: how long it takes to end, and
    whether any of its processes outlive it."""
    print("\n| stopped by | exit status | seconds to end | processes left after 5 s |\n|---|---:|---:|---:|")
    all_clean = True
    with _site({"slow.html": SLOW_PAGE}) as (base, work):
        stops = (("kill -9", signal.SIGKILL), ("SIGTERM", signal.SIGTERM), ("Ctrl-C", signal.SIGINT))
        for name, number in stops:
            command = _run_command([f"{base}/slow.html"], work, "--workers", "1", "--extract-timeout", "600")
            process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
            processes.busy_worker(process, cpu=1.0)
            family = processes.descendants(process.pid)
            started = time.perf_counter()
            if number == signal.SIGKILL:
                process.kill()
            else:
                os.killpg(process.pid, number)  # as a terminal or a service manager sends it
            status = process.wait(timeout=120)
            seconds = time.perf_counter() - started
            time.sleep(5)
            left = [pid for pid in family if processes.running(pid)]
            for pid in left:
                os.kill(pid, signal.SIGKILL)
            all_clean &= not left and seconds < 5
            print(f"| {name} | {status} | {seconds:.2f} | {len(left)} |")
    return all_clean


def full_disk(pages: int) -> bool:
    """A run whose output cannot grow past a few records (RLIMIT_FSIZE: writes fail with
    EFBIG as with ENOSPC on a full disk), then the same run with space back."""
    earlier = b"".join(
        b'{"url": "https://earlier.example/%d", "text": "%s"}\n' % (n, b"x" * 1000) for n in range(1000)
    )

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(earlier) + 10_000, resource.RLIM_INFINITY))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    with _site({f"story-{n}.html": _story(n) for n in range(pages)}) as (base, work):
        urls = [f"{base}/story-{n}.html" for n in range(pages)]
        (work / "out.jsonl").write_bytes(earlier)
        full = subprocess.run(_run_command(urls, work), capture_output=True, text=True, preexec_fn=limited)
        whole = (work / "out.jsonl").read_bytes().endswith(b"\n")
        written = len(_records(work / "out.jsonl")) - 1000
        again = subprocess.run(_run_command(urls, work), capture_output=True, text=True)
        records = _records(work / "out.jsonl")[1000:]
    lost, doubled = len(set(urls) - set(records)), len(records) - len(set(records))
    print(f"\ndisk full after {written} of {pages} records: exit status {full.returncode} "
          f"({full.stderr.strip()[:100]}...), file ends with a whole line: {whole}; "
          f"space back: exit status {again.returncode}, {lost} lost, {doubled} written twice")  # fmt: skip
    return full.returncode == 5 and whole and again.returncode == 0 and not lost and not doubled


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
    bounded = deadline_run(options.pages)
    clean = stopped_runs() if processes.AVAILABLE else True
    kept = full_disk(options.pages)
    sys.exit(0 if fast and emitted and bounded and clean and kept else 1)


if __name__ == "__main__":
    main()
