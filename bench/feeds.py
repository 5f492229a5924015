"""A cron job watching a feed: a full first run, a steady-state run after 20 new items, and
a run where nothing was published, against a 500-item RSS feed served by nginx on loopback.

    python bench/feeds.py [--items 500] [--new 20]

Each story is a real news page (the seed page of tests/fixtures) with a paragraph and a
canonical address of its own. nginx logs every request, so the table counts what each run
asked for: the target is exactly `--new` page fetches plus the feed's conditional request.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from loopback_nginx import base_urls, nginx

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "fixtures" / "seed-page.html").read_bytes()
SEED_CANONICAL = (
    b"https://worldnewstoday.example/zelenskyy-cites-the-risks-of-north-korea-sending-more-troops/"
)


def _story(number: int) -> bytes:
    own = f"<p>This is story number {number}, told in a paragraph no other story has.</p>\n".encode()
    page = SEED.replace(b"<p>Ukrainian President", own + b"<p>Ukrainian President", 1)
    return page.replace(SEED_CANONICAL, SEED_CANONICAL + f"{number}/".encode())


def _publish(site: Path, base: str, count: int, start: datetime) -> None:
    """Stories 0..count-1 on disk and a feed listing them, newest first (story N published
    N minutes after `start`); the feed is left as it is when it would not change."""
    (site / "s").mkdir(exist_ok=True)
    items = []
    for number in reversed(range(count)):
        path = site / "s" / f"{number}.html"
        if not path.exists():
            path.write_bytes(_story(number))
        date = format_datetime(start + timedelta(minutes=number))
        items.append(f"<item><title>Story {number}</title><link>{base}/s/{number}.html</link>"
                     f"<pubDate>{date}</pubDate></item>")  # fmt: skip
    channel = f"<channel><title>Bench</title>{''.join(items)}</channel>"
    feed = f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'
    path = site / "feed.xml"
    if not path.exists() or path.read_text() != feed:
        path.write_text(feed)
        time.sleep(1.1)  # nginx's ETag is made of mtime (in seconds) and size


def _requests(log: Path, since: int) -> tuple[list[str], int]:
    lines = log.read_text().splitlines() if log.exists() else []
    return lines[since:], len(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--new", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scraper-feeds-"))
    (base,) = base_urls(1)
    command = [sys.executable, "-m", "scraper", "run", "--feed", f"{base}/feed.xml",
               "-o", str(work / "out.jsonl"), "--state", str(work / "state.sqlite"),
               "--allow-network", "127.0.0.0/8", "--delay", "0", "--quiet"]  # fmt: skip
    rows = []
    with nginx(work, 1, access_log=True) as site:
        log, seen, start = work / "access.log", 0, datetime.now(UTC) - timedelta(days=1)
        for name, count in (("first run", args.items), (f"{args.new} new items", args.items + args.new),
                            ("nothing new", args.items + args.new)):  # fmt: skip
            _publish(site, base, count, start)
            emitted_before = _lines(work / "out.jsonl")
            started = time.perf_counter()
            subprocess.run(command, check=True)
            seconds = time.perf_counter() - started
            asked, seen = _requests(log, seen)
            pages = [r for r in asked if r.startswith("GET /s/")]
            feed = [r for r in asked if r.startswith("GET /feed.xml")]
            conditional = sum("inm=-" not in r for r in feed)
            statuses = ",".join(r.split()[2] for r in feed)
            emitted = _lines(work / "out.jsonl") - emitted_before
            rows.append(
                (name, seconds, len(pages), f"{len(feed)} ({conditional} conditional, {statuses})", emitted)
            )
    print(f"a feed of {args.items} items on nginx (loopback), then {args.new} more\n")
    print("| run | wall s | page fetches | feed requests | articles emitted |")
    print("|---|---:|---:|---|---:|")
    for name, seconds, fetched, requested, emitted in rows:
        print(f"| {name} | {seconds:.2f} | {fetched} | {requested} | {emitted} |")
    steady = rows[1]
    print(f"\nsteady state: {steady[2]} page fetches for {args.new} new items "
          f"(target exactly {args.new}); {steady[1] / rows[0][1]:.2f} of the first run's time")  # fmt: skip
    return 0


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


if __name__ == "__main__":
    sys.exit(main())
