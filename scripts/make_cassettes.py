"""Build `cassettes/real-pages.yaml`: HTTP interactions of `scraper run` with real news pages.

The pages, their addresses and their article bodies come from the shared benchmark
(`../shared/datasets/article-extraction-benchmark`). There is no internet here, so each
site is played by an origin that serves the saved page the way a news site's server does:
gzip-compressed, with ETag and Last-Modified, honouring conditional requests, and with a
robots.txt (one site has none: a 404). vcrpy records what `scraper run` sends and gets
back, twice: a first run, then a second that sends the validators back and gets 304s.

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
from pathlib import Path
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


def _origin(pages: dict[str, bytes]) -> httpx.MockTransport:
    """A news site's server, for every host at once."""

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
        if url not in pages:
            return httpx.Response(404, headers=headers, content=b"Not Found")
        etag = '"' + hashlib.sha1(pages[url]).hexdigest()[:20] + '"'
        validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED, "Cache-Control": "max-age=300"}
        if request.headers.get("if-none-match") == etag:
            return httpx.Response(304, headers={**headers, **validators})
        body = gzip.compress(pages[url], mtime=0)
        headers |= {**validators, "Content-Type": "text/html", "Content-Encoding": "gzip"}
        return httpx.Response(200, headers=headers, content=body)

    return httpx.MockTransport(serve)


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
    args.out.unlink(missing_ok=True)
    hosts = {urlsplit(url).hostname for url in pages}
    with tempfile.TemporaryDirectory() as scratch, vcr.use_cassette(str(args.out), record_mode="all"):
        config = RunConfig(state=Path(scratch) / "state.sqlite", delay=0.0, workers=0, quiet=False)
        for _ in range(2):  # a first run, then a second with conditional requests
            run_urls(
                config, io.StringIO("\n".join(pages)), Path(scratch) / "out.jsonl", transport=_origin(pages)
            )
    bodies = {url: truth[i]["articleBody"] for url, i in zip(pages, ids, strict=True)}
    (args.out.with_suffix(".truth.json")).write_text(json.dumps(bodies, ensure_ascii=False, indent=1) + "\n")
    print(f"{args.out}: {len(pages)} pages on {len(hosts)} hosts, recorded twice", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
