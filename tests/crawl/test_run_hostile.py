"""`scraper run` against hostile and unlucky documents on loopback: each URL gets the
outcome that says what happened, limits are those of its kind of document, and the run
ends (a generous bound, where a hang was possible)."""

from __future__ import annotations

import gzip
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Runner, read_jsonl
from faults import FaultServer, Reply, fault_server, story

from scraper.crawl import _settings

XML = {"Content-Type": "application/xml"}


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


def _serve(server: FaultServer, path: str, body: bytes, headers: dict[str, str] | None = None) -> str:
    reply = Reply(200, headers or {"Content-Type": "text/html; charset=utf-8"}, body)
    server.routes[path] = lambda request: reply
    return server.url(path)


def test_a_page_of_many_comments_before_a_lowercase_doctype_is_emitted_and_the_run_ends(
    server: FaultServer, tmp_path: Path
) -> None:
    url = _serve(server, "/comments", b"<!-- c -->" * 40 + b"<!doctype html>" + story("comments"))
    urls = tmp_path / "urls.txt"
    urls.write_text(url + "\n")
    output = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "run", str(urls), "-o", str(output), "-q", "--workers", "1",
         "--allow-network", "127.0.0.1", "--state", str(tmp_path / "state"), "--delay", "0"],
        capture_output=True, text=True, timeout=20,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [record["url"] for record in read_jsonl(output)] == [url]


def test_a_list_line_that_is_a_page_is_cut_at_max_bytes_and_the_error_quotes_it(
    server: FaultServer, run: Runner
) -> None:
    server.routes["/big-page"] = lambda request: Reply(
        body=(b"<p>" + b"x" * 65_000 + b"</p>") * 80, length=False
    )
    result = run([server.url("/big-page")], max_bytes=100_000)
    assert [e["outcome"] for e in result.errors] == ["too_large"]
    assert "--max-bytes 100,000" in result.errors[0]["detail"]


def test_a_list_line_that_is_a_sitemap_has_the_listing_limit_not_max_bytes(
    server: FaultServer, run: Runner
) -> None:
    locs = "".join(f"<url><loc>{server.url(f'/story/big-sitemap-{n}')}</loc></url>" for n in range(3))
    padding = "<!-- " + "p" * 200_000 + " -->"
    sitemap = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}{padding}</urlset>'
    url = _serve(server, "/big-sitemap.xml", sitemap.encode(), XML)
    result = run([url], max_bytes=100_000)
    assert result.counts["sitemap"] == 1 and len(result.records) == 3


def test_a_page_allowed_by_max_bytes_is_extracted_whatever_extracts_default_limit(
    server: FaultServer, run: Runner
) -> None:
    body = story("eleven-megabytes").replace(b"</body>", b"<!--" + b" " * 11_500_000 + b"--></body>")
    url = _serve(server, "/eleven-megabytes", body)
    result = run([url], max_bytes=20_000_000)
    assert [record["url"] for record in result.records] == [url]


@pytest.mark.parametrize("encoding", ["utf-7", "utf-16"])
def test_a_feed_declaring_an_entity_in_another_encoding_is_refused(
    server: FaultServer, run: Runner, encoding: str
) -> None:
    feed = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<!DOCTYPE rss [<!ENTITY boom "boom boom boom">]>\n'
        f'<rss version="2.0"><channel><title>&boom;</title><item><link>{server.url("/story/e")}</link>'
        "</item></channel></rss>"
    )
    url = _serve(server, f"/entity-{encoding}.xml", feed.encode(encoding), XML)
    result = run([url])
    assert [(e["outcome"], "entities" in e["detail"]) for e in result.errors] == [("bad_listing", True)]
    assert result.records == []


def test_a_utf16_feed_is_read(server: FaultServer, run: Runner) -> None:
    feed = (
        '<?xml version="1.0" encoding="utf-16"?><rss version="2.0"><channel><title>t</title>'
        f"<item><link>{server.url('/story/utf16')}</link></item></channel></rss>"
    )
    url = _serve(server, "/utf16.xml", feed.encode("utf-16"), XML)
    result = run([url])
    assert result.counts["feed"] == 1
    assert [record["url"] for record in result.records] == [server.url("/story/utf16")]


def _sitemap(urls: list[str], index: bool = False) -> bytes:
    tag, item = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    items = "".join(f"<{item}><loc>{url}</loc></{item}>" for url in urls)
    return f'<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</{tag}>'.encode()


def test_items_past_the_listing_limit_are_reported_not_dropped_in_silence(
    server: FaultServer, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_settings, "MAX_LISTING_ENTRIES", 3)
    url = _serve(server, "/five.xml", _sitemap([server.url(f"/story/five-{n}") for n in range(5)]), XML)
    result = run([url])
    assert len(result.records) == 3
    assert [(e["url"], e["outcome"]) for e in result.errors] == [(url, "listing_truncated")]
    assert "5 URLs" in result.errors[0]["detail"]


def test_sitemap_indexes_nested_past_the_limit_are_reported(server: FaultServer, run: Runner) -> None:
    depth = _settings.MAX_LISTING_DEPTH + 2
    for level in range(depth):
        below = server.url(f"/nested-{level + 1}.xml")
        _serve(server, f"/nested-{level}.xml", _sitemap([below], index=True), XML)
    result = run([server.url("/nested-0.xml")])
    deepest = server.url(f"/nested-{_settings.MAX_LISTING_DEPTH}.xml")
    assert [(e["url"], e["outcome"]) for e in result.errors] == [(deepest, "bad_listing")]
    assert "nested" in result.errors[0]["detail"]


def _gzip_members(*parts: bytes) -> bytes:
    return b"".join(gzip.compress(part) for part in parts)


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("name", "encoding", "encode"),
    [
        ("members", "gzip", lambda page: _gzip_members(page[:5000], page[5000:])),
        ("stacked", "gzip, gzip", lambda page: gzip.compress(gzip.compress(page))),
        ("raw-deflate", "deflate", _raw_deflate),
        ("zlib-deflate", "deflate", zlib.compress),
    ],
)
def test_every_content_encoding_a_server_sends_is_decoded_whole(
    server: FaultServer, run: Runner, name: str, encoding: str, encode: object
) -> None:
    page = story(f"encoded-{name}")
    assert callable(encode)
    url = _serve(
        server, f"/encoded-{name}", encode(page), {"Content-Type": "text/html", "Content-Encoding": encoding}
    )
    result = run([url])
    assert [record["url"] for record in result.records] == [url]
    assert "Ukrainian President" in result.records[0]["text"]
    assert result.records[0]["text"].rstrip().endswith(run_text_end(page))


def run_text_end(page: bytes) -> str:
    """The last words of the article's text (the end of the last member must not be lost)."""
    from scraper import extract

    return extract(page).text.rstrip()[-40:]


def test_a_damaged_compressed_body_is_a_decoding_error(server: FaultServer, run: Runner) -> None:
    url = _serve(
        server,
        "/damaged",
        b"\x1f\x8b\x08\x00garbage" * 10,
        {"Content-Type": "text/html", "Content-Encoding": "gzip"},
    )
    result = run([url], retries=0)
    assert [e["outcome"] for e in result.errors] == ["decoding_error"]


def test_a_dead_host_is_a_connection_error_not_robots_disallowed(run: Runner) -> None:
    with fault_server() as gone:
        url = gone.url("/story/dead")
    result = run([url], retries=0)
    assert [e["outcome"] for e in result.errors] == ["connection_error"]
    assert "robots.txt" in result.errors[0]["detail"]


def test_a_host_name_that_does_not_resolve_is_a_dns_error(run: Runner) -> None:
    result = run(["http://no-such-host.invalid/story"], retries=0)
    assert [e["outcome"] for e in result.errors] == ["dns_error"]


def test_credentials_are_never_stored_sent_or_printed(server: FaultServer, run: Runner) -> None:
    url = server.url("/story/credentials").replace("http://", "http://user:secret@")
    result = run([url])
    assert [record["url"] for record in result.records] == [server.url("/story/credentials")]
    assert "secret" not in (run.output.read_text() + run.state.read_bytes().decode("latin-1"))
    sent = [r for r in server.requests if r.path == "/story/credentials"]
    assert sent and all("authorization" not in r.headers for r in sent)


def test_a_url_httpx_refuses_is_an_invalid_url(server: FaultServer, run: Runner) -> None:
    result = run([server.url("/a\x00b")], retries=0)
    assert [e["outcome"] for e in result.errors] == ["invalid_url"]


def test_a_redirect_carrying_credentials_does_not_pass_them_on(server: FaultServer, run: Runner) -> None:
    target = server.url("/story/redirected").replace("http://", "http://user:secret@")
    server.routes["/to-credentials"] = lambda request: Reply(302, {"Location": target})
    result = run([server.url("/to-credentials")])
    assert [record["final_url"] for record in result.records] == [server.url("/story/redirected")]


def test_a_robots_txt_of_thousands_of_wildcard_rules_still_decides_each_url(
    server: FaultServer, run: Runner
) -> None:
    rules = "".join(f"Disallow: /*/archive-{n}/*.html$\n" for n in range(5_000))
    server.robots = Reply(
        200, {"Content-Type": "text/plain"}, f"User-agent: *\n{rules}Disallow: /private/\n".encode()
    )
    try:
        urls = [server.url("/private/article"), server.url("/story/robots-1"), server.url("/story/robots-1"),
                server.url("/x/archive-7/old.html")]  # fmt: skip
        result = run(urls, per_host=1)
    finally:
        server.robots = Reply(200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    outcomes = {e["url"]: e["outcome"] for e in result.errors}
    assert outcomes[server.url("/private/article")] == "robots_disallowed"
    assert outcomes[server.url("/x/archive-7/old.html")] == "robots_disallowed"
    assert [record["url"] for record in result.records] == [server.url("/story/robots-1")]
