"""Time `scraper run` against trafilatura's command line, fetching the benchmark's 181 pages
(several copies each) from nginx on ten loopback addresses, in one run.

    python bench/run.py [--dataset DIR] [--copies 5] [--hosts 10] [--memory-urls 100000]

It installs nginx from Debian's packages if it is missing (as root), starts it on
127.0.0.2 and up, and prints: the wall time of a first `scraper run` (fresh state) and of a
second one over the same unchanged pages, trafilatura's CLI (`-i`, `--parallel`, SLEEP_TIME
0, SSRF protection off, JSON out like ours) on the same list, their ratios against the targets, and the peak
memory (all processes of the run together) for a short and a long URL list.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from loopback_nginx import base_urls, nginx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = ROOT.parent / "shared" / "datasets" / "article-extraction-benchmark"
SMALL_PAGE = ROOT / "tests" / "fixtures" / "seed-page.html"
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


@dataclass
class Measure:
    seconds: float
    peak_mb: float
    lines: int


_LOCATIONS = """
        location ~ ^/c[0-9]+/(.*)$ { try_files /p/$1 =404; }
        location /m/ { try_files /small.html =404; }
"""


@contextmanager
def dataset_site(dataset: Path, work: Path, hosts: int) -> Iterator[list[str]]:
    """nginx serving every page of the dataset (under /cN/, N a copy) and a small page
    (under /m/); yields the page ids."""
    (work / "site" / "p").mkdir(parents=True)
    ids = []
    for path in sorted((dataset / "html").glob("*.html.gz")):
        ids.append(path.name.removesuffix(".html.gz"))
        (work / "site" / "p" / f"{ids[-1]}.html").write_bytes(gzip.decompress(path.read_bytes()))
    shutil.copy(SMALL_PAGE, work / "site" / "small.html")
    with nginx(work, hosts, _LOCATIONS):
        yield ids


def _descendants(pid: int) -> list[int]:
    """A process and all its descendants (one scan of /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        found.append(todo.pop())
        todo.extend(children.get(found[-1], []))
    return found


def _rss_kb(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KB
        except (OSError, IndexError, ValueError):
            continue
    return total


def measure(command: list[str], output: Path | None = None, stdout: Path | None = None) -> Measure:
    """Wall time and peak memory (the whole process tree, sampled) of a command, and the
    lines it added to `output` (or wrote to `stdout`, a file that takes its standard output)."""
    counted = output or stdout
    before = _count_lines(counted)
    peak = 0
    started = time.perf_counter()
    sink = stdout.open("ab") if stdout is not None else subprocess.DEVNULL
    process = subprocess.Popen(command, stdout=sink, stderr=subprocess.PIPE)
    stderr: list[bytes] = []
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read() if process.stderr else b""))
    reader.start()
    tree, looked = [process.pid], 0.0
    while True:  # the tree is scanned now and then, its memory read often
        try:
            process.wait(timeout=0.05)  # returns the moment the command ends
            break
        except subprocess.TimeoutExpired:
            pass
        if time.perf_counter() - looked > 0.5:
            tree, looked = _descendants(process.pid), time.perf_counter()
        peak = max(peak, _rss_kb(tree))
    seconds = time.perf_counter() - started
    reader.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{b''.join(stderr).decode()[-2000:]}")
    if stdout is not None:
        sink.close()  # type: ignore[union-attr]
    return Measure(seconds, peak / 1024, _count_lines(counted) - before)


def _count_lines(path: Path | None) -> int:
    if path is None or not path.exists():
        return 0
    with path.open("rb") as file:
        return sum(1 for _ in file)


def _url_list(path: Path, urls: Iterator[str]) -> int:
    count = 0
    with path.open("w") as file:
        for url in urls:
            file.write(url + "\n")
            count += 1
    return count


def _scraper(urls: Path, state: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "scraper", "run", str(urls), "-o", str(output), "--state", str(state),
            "--allow-network", "127.0.0.0/8", "--delay", "0", "--dedupe", "off", "--quiet"]  # fmt: skip


def _trafilatura(urls: Path, work: Path, parallel: int) -> list[str]:
    config = work / "trafilatura.cfg"
    settings = (Path(trafilatura.__file__).parent / "settings.cfg").read_text()
    settings = settings.replace("SLEEP_TIME = 5.0", "SLEEP_TIME = 0").replace(
        "SSRF_PROTECTION = on", "SSRF_PROTECTION = off"
    )
    config.write_text(settings)
    binary = Path(sys.executable).with_name("trafilatura")
    return [str(binary), "-i", str(urls), "--parallel", str(parallel), "--config-file", str(config), "--json"]


def add_list_options(parser: argparse.ArgumentParser) -> None:
    """The options that make the URL list (bench/cluster.py takes the same)."""
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--copies", type=int, default=5, help="copies of each page in the list")
    parser.add_argument("--hosts", type=int, default=10, help="loopback addresses, 127.0.0.2 and up")


def page_list(path: Path, ids: list[str], copies: int, hosts: int) -> int:
    """Write the list of every page `copies` times, spread over the hosts; returns its length."""
    host = base_urls(hosts)
    return _url_list(path, (f"{host[(c * len(ids) + n) % hosts]}/c{c}/{page}.html"
                            for c in range(copies) for n, page in enumerate(ids)))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_list_options(parser)
    parser.add_argument("--parallel", type=int, default=os.cpu_count() or 2, help="trafilatura's --parallel")
    parser.add_argument("--memory-urls", type=int, default=100_000, help="length of the long list (0: skip)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scraper-bench-"))
    with dataset_site(args.dataset, work, args.hosts) as ids:
        host = base_urls(args.hosts)
        urls = work / "urls.txt"
        total = page_list(urls, ids, args.copies, args.hosts)
        output = work / "articles.jsonl"
        first = measure(_scraper(urls, work / "state.sqlite", output), output)
        second = measure(_scraper(urls, work / "state.sqlite", output), output)
        peer = measure(_trafilatura(urls, work, args.parallel), stdout=work / "trafilatura.jsonl")
        memory = []
        for count in sorted({min(10_000, args.memory_urls), args.memory_urls} - {0}):
            long_list = work / f"urls-{count}.txt"
            _url_list(long_list, (f"{host[n % args.hosts]}/m/{n}" for n in range(count)))
            records = work / f"m-{count}.jsonl"
            memory.append(
                (count, measure(_scraper(long_list, work / f"state-{count}.sqlite", records), records))
            )
    _report(total, f"{total} URLs ({len(ids)} pages x {args.copies} copies)", first, second, peer, memory)
    shutil.rmtree(work, ignore_errors=True)
    return 0


def _report(
    total: int, title: str, first: Measure, second: Measure, peer: Measure, memory: list[tuple[int, Measure]]
) -> None:
    print(f"{title} from nginx on loopback, {os.cpu_count()} cores\n")
    rows = [("scraper run, first (fresh state)", first), ("scraper run, second (unchanged pages)", second),
            ("trafilatura CLI", peer)]  # fmt: skip
    print("| run | wall s | records | peak MB |")
    print("|---|---:|---:|---:|")
    for name, result in rows:
        print(f"| {name} | {result.seconds:.2f} | {result.lines} | {result.peak_mb:.0f} |")
    print()
    print(f"wall time, scraper / trafilatura: {first.seconds / peer.seconds:.3f} (target <= 0.5)")
    print(f"second run / first run:           {second.seconds / first.seconds:.3f} (target <= 0.10)")
    print(f"every URL gave a record:          {first.lines == total} ({first.lines}/{total})")
    for count, result in memory:
        done = f"{result.seconds:.0f} s, {result.lines:,} records"
        print(f"peak memory, {count:,} URLs:{' ' * (9 - len(f'{count:,}'))} {result.peak_mb:.0f} MB ({done})")


if __name__ == "__main__":
    sys.exit(main())
