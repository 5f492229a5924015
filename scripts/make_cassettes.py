"""Build `cassettes/real-pages.yaml` and `cassettes/listings.yaml`: HTTP interactions of
`scraper run` with real news pages, and with feeds and sitemaps (every format) listing them.

The pages, their addresses and their article bodies come from the shared benchmark
(`../shared/datasets/article-extraction-benchmark`). There is no internet here, so each
site is played by an origin that serves the saved page the way a news site's server does:
gzip-compressed, with ETag and Last-Modified, honouring conditional requests, and with a
robots.txt (one site has none: a 404). The feeds and sitemaps are the documents of
`tests/fixtures/listings`, served at their sites' addresses. vcrpy records what
`scraper run` sends and gets back, twice: a first run, then a second that sends the
validators back and gets 304s.

    python scripts/make_cassettes.py [--dataset PATH] [--out cassettes/real-pages.yaml]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import vcr

from scraper import RunConfig, run_urls

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = ROOT.parent / "shared" / "datasets" / "article-extraction-benchmark"

# A few pages from different sites, languages and charsets (two share a host).
PAGES = [
    "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f",  # sciencealert, English
    "359fee228518d55b921194561e9ca88e428df81940246f8fac7a75398377daea",  # sciencealert again
    "06ee193de4bd611f7fafbab0c59b0f6fe3495093516720632cd093b24c7a0e98",  # slashgear, English
    "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2",  # entermedia.co.kr, Korean
    "20b2b64916b00b25203c9f1bf14248922f4d522f18328e9f876cce116df0083e",  # remember8090.it, Italian
    "1ee91d1fce65e09be8b8d2d29eab771546d98ca2ba5c862941e660e9fec12432",  # polygraph.info, English
]
LAST_MODIFIED = "Tue, 19 Nov 2019 14:02:11 GMT"
ROBOTS = "User-agent: *\nDisallow: /wp-admin/\nDisallow: /search\n"
HOST_WITHOUT_ROBOTS = "www.polygraph.info"


def _page_ids(dataset: Path) -> list[str]:
    names = {path.name.split(".")[0] for path in (dataset / "html").glob("*.html.gz")}
    return [next(name for name in names if name.startswith(prefix[:10])) for prefix in PAGES]


def _origin(documents: dict[str, tuple[str, bytes]]) -> httpx.MockTransport:
    """A news site's server, for every host at once: each URL of `documents` is served
    with its content type, HTML gzip-compressed, everything with ETag and Last-Modified."""

    def serve(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        headers = {"Server": "nginx", "Date": "Wed, 20 Nov 2019 09:00:00 GMT", "Vary": "Accept-Encoding"}
        if request.url.path == "/robots.txt":
            if request.url.host == HOST_WITHOUT_ROBOTS:
                return httpx.Response(
                    404, headers={**headers, "Content-Type": "text/html"}, content=b"Not Found"
                )
            return httpx.Response(
                200, headers={**headers, "Content-Type": "text/plain"}, content=ROBOTS.encode()
            )
        if url not in documents:
            return httpx.Response(404, headers={**headers, "Content-Type": "text/html"}, content=b"Not Found")
        content_type, body = documents[url]
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Cache-Control": "max-age=300"}
        if request.headers.get("if-none-match") == etag:
            return httpx.Response(304, headers={**headers, **validators})
        headers |= {**validators, "Content-Type": content_type}
        if content_type.startswith("text/"):
            headers["Content-Encoding"] = "gzip"
            body = gzip.compress(body, mtime=0)
        return httpx.Response(200, headers=headers, content=body)

    return httpx.MockTransport(serve)


def _record(
    cassette: Path, documents: dict[str, tuple[str, bytes]], lines: list[str], **options: Any
) -> None:
    """Record two runs of `scraper run` over `lines` into `cassette`."""
    cassette.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as scratch, vcr.use_cassette(str(cassette), record_mode="all"):
        config = RunConfig(state=Path(scratch) / "state.sqlite", delay=0.0, workers=0, **options)
        for _ in range(2):  # a first run, then a second with conditional requests
            run_urls(
                config,
                io.StringIO("\n".join(lines)),
                Path(scratch) / "out.jsonl",
                transport=_origin(documents),
            )


# The feeds and sitemaps of tests/fixtures/listings, at the addresses their sites use.
LISTINGS = {
    "https://www.sciencealert.com/feed": ("application/rss+xml; charset=UTF-8", "sciencealert-rss2.xml"),
    "https://www.slashgear.com/feed/atom": ("application/atom+xml", "slashgear-atom.xml"),
    "http://entermedia.co.kr/rss.xml": ("application/rdf+xml", "entermedia-rss1.rdf"),
    "http://www.remember8090.it/feed.json": ("application/feed+json", "remember8090-jsonfeed.json"),
    "https://www.polygraph.info/sitemap_index.xml": ("application/xml", "polygraph-sitemap-index.xml"),
    "https://www.polygraph.info/sitemap-news.xml.gz": ("application/x-gzip", "polygraph-news-sitemap.xml"),
    "https://www.polygraph.info/sitemap-pages.xml": ("text/xml", "polygraph-pages-sitemap.xml"),
    "https://www.slashgear.com/feed/broken": ("application/rss+xml", "malformed-rss.xml"),
    "https://www.slashgear.com/feed/laughs": ("application/rss+xml", "entity-expansion.xml"),
}
LISTINGS_SINCE = datetime(2019, 11, 1, tzinfo=UTC)  # the 2014 and 2015 items are older


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--out", type=Path, default=ROOT / "cassettes" / "real-pages.yaml")
    args = parser.parse_args()
    truth = json.loads((args.dataset / "ground-truth.json").read_text(encoding="utf-8"))
    ids = _page_ids(args.dataset)
    pages = {
        truth[i]["url"]: gzip.decompress((args.dataset / "html" / f"{i}.html.gz").read_bytes()) for i in ids
    }
    documents = {url: ("text/html", body) for url, body in pages.items()}
    hosts = {urlsplit(url).hostname for url in pages}
    _record(args.out, documents, list(pages))
    listings_dir = ROOT / "tests" / "fixtures" / "listings"
    for url, (content_type, name) in LISTINGS.items():
        body = (listings_dir / name).read_bytes()
        documents[url] = (content_type, gzip.compress(body, mtime=0) if url.endswith(".gz") else body)
    lines = [url for url in LISTINGS if "sitemap-" not in url]  # the index lists those two
    _record(args.out.with_name("listings.yaml"), documents, lines, since=LISTINGS_SINCE)
    bodies = {url: truth[i]["articleBody"] for url, i in zip(pages, ids, strict=True)}
    (args.out.with_suffix(".truth.json")).write_text(json.dumps(bodies, ensure_ascii=False, indent=1) + "\n")
    print(f"{args.out}: {len(pages)} pages on {len(hosts)} hosts, recorded twice", file=sys.stderr)
    print(
        f"{args.out.with_name('listings.yaml')}: {len(LISTINGS)} feeds and sitemaps listing them",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
