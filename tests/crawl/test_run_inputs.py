"""The URL list, the options and the config file of `scraper run`: what is accepted, and
the error that names the bad input otherwise."""

from __future__ import annotations

import asyncio
import io
import ipaddress
import json
import re
import ssl
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from scraper import ConfigError, RunConfig
from scraper.crawl._config import parse_since
from scraper.crawl._network import NetworkPolicy, PerHostTransport
from scraper.crawl._urls import normalise_url, read_url_lines


def test_blank_lines_and_comments_are_skipped_and_line_numbers_kept() -> None:
    lines = list(read_url_lines(io.StringIO("# news\n\nhttps://a.example/1\n   \nhttps://b.example/2  \n")))
    assert [(line.line, line.url, line.error) for line in lines] == [
        (3, "https://a.example/1", None),
        (5, "https://b.example/2", None),
    ]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("not a url", "not an http(s) URL"),
        ("ftp://example.com/file.txt", "ftp:"),
        ("javascript:alert(1)", "javascript:"),
        ("http://", "no host"),
        ("https://exa mple.com/", "white space"),
        ("https://example.com:99999/", "Port out of range"),
        ("www.example.com/story", "not an http(s) URL"),
    ],
)
def test_a_bad_line_is_reported_with_its_number_and_what_is_wrong(text: str, says: str) -> None:
    (line,) = read_url_lines(io.StringIO(f"# list\n{text}\n"))
    assert line.error is not None
    assert line.error.outcome == "invalid_url"
    assert line.error.detail.startswith("line 2:") and says in line.error.detail


def test_the_list_is_read_lazily() -> None:
    def endless() -> Iterator[str]:
        while True:
            yield "https://example.com/\n"

    reader = read_url_lines(endless())
    assert [next(reader).line for _ in range(3)] == [1, 2, 3]


@pytest.mark.parametrize(
    ("options", "says"),
    [
        ({"concurrency": 0}, "--concurrency must be above 0"),
        ({"per_host": -1}, "--per-host must be above 0"),
        ({"delay": -0.5}, "--delay must be 0 or more"),
        ({"timeout": 0}, "--timeout must be above 0"),
        ({"max_bytes": 10}, "--max-bytes must be at least 1024"),
        ({"allow_network": ("10.0.0.0/33",)}, "'10.0.0.0/33' is not a network"),
    ],
)
def test_bad_options_are_named(options: dict[str, object], says: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(says)):
        RunConfig().with_options(**options)


def test_the_network_policy_refuses_private_and_metadata_addresses_unless_allowed() -> None:
    policy = NetworkPolicy()
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1"):
        assert not policy.permits(ipaddress.ip_address(address)), address
    assert policy.permits(ipaddress.ip_address("93.184.216.34"))
    opened = NetworkPolicy((ipaddress.ip_network("10.0.0.0/8"),))
    assert opened.permits(ipaddress.ip_address("10.1.2.3"))
    assert not opened.permits(ipaddress.ip_address("169.254.169.254"))


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 (well-known prefix) of 127.0.0.1
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254, cloud metadata
        "64:ff9b:1::a00:1",  # NAT64 (local-use prefix) of 10.0.0.1
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:0:a00:1",  # SIIT, IPv4-translated 10.0.0.1
        "2002:c0a8:1::1",  # 6to4 of 192.168.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "ff02::1",  # IPv6 multicast
        "224.0.0.1",  # IPv4 multicast
    ],
)
def test_every_ipv6_form_embedding_a_private_ipv4_and_multicast_are_refused(address: str) -> None:
    assert not NetworkPolicy().permits(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["64:ff9b::5db8:d822", "2002:5db8:d822::1", "2606:4700::1111"])
def test_embedded_public_ipv4_and_public_ipv6_are_permitted(address: str) -> None:
    assert NetworkPolicy().permits(ipaddress.ip_address(address))


def _scraper(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def test_usage_errors_exit_2_and_name_the_problem(tmp_path: Path) -> None:
    done = _scraper("run", "-", "--concurrency", "0", "--state", str(tmp_path / "s"))
    assert done.returncode == 2 and "--concurrency must be above 0" in done.stderr
    missing = _scraper("run", str(tmp_path / "nope.txt"), "--state", str(tmp_path / "s"))
    assert missing.returncode == 2 and "nope.txt" in missing.stderr


def test_invalid_lines_from_stdin_exit_1_and_are_reported_on_stderr(tmp_path: Path) -> None:
    done = _scraper("run", "-", "--state", str(tmp_path / "s"), stdin="not a url\n# fine\n")
    assert done.returncode == 1
    assert "line 1:" in done.stderr and "invalid_url" in done.stderr
    assert done.stdout == ""


def test_help_reads_like_a_manual() -> None:
    done = _scraper("run", "--help")
    for section in ("OUTPUT", "STATE", "POLITENESS", "CONFIG FILE", "EXIT STATUS", "EXAMPLES"):
        assert section in done.stdout
    for option in ("--concurrency", "--per-host", "--delay", "--timeout", "--retries", "--user-agent",
                   "--max-bytes", "--state", "--force", "--allow-network", "--quiet"):  # fmt: skip
        assert option in done.stdout


def test_connections_are_pooled_per_host_and_the_least_recently_used_pools_closed() -> None:
    async def pools_kept() -> list[str]:
        transport = PerHostTransport(NetworkPolicy(), httpx.Limits(max_connections=2), max_hosts=2)
        first = transport._pool(httpx.URL("https://a.example/1"))
        assert transport._pool(httpx.URL("https://a.example/2")) is first  # one pool a host
        transport._pool(httpx.URL("https://b.example/"))
        transport._pool(httpx.URL("https://c.example/"))
        kept = [host.decode() for _, host, _ in transport._pools]
        await transport.aclose()
        return kept

    assert asyncio.run(pools_kept()) == ["b.example", "c.example"]


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        (
            "HTTPS://WWW.Example.COM/News/Story",
            "https://www.example.com/News/Story",
        ),  # the path keeps its case
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"),
        ("https://example.com/a?id=7&fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2", "https://example.com/a?id=7"),
        ("https://example.com/a?UTM_Campaign=x", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?b=2&a=1"),  # order is meaning
        ("http://[2001:DB8::1]:80/x", "http://[2001:db8::1]/x"),
        # the query is kept byte for byte apart from the tracking parameters taken out
        ("https://example.com/a?flag&utm_source=1", "https://example.com/a?flag"),
        ("https://example.com/a?a=1;utm_medium=x;b=2", "https://example.com/a?a=1;b=2"),
        (
            "https://example.com/a?q=caf%C3%A9+au+lait&gclid=1&x=%7e",
            "https://example.com/a?q=caf%C3%A9+au+lait&x=%7e",
        ),
        ("https://example.com/a?a=1&", "https://example.com/a?a=1&"),  # nothing removed: untouched
    ],
)
def test_urls_are_normalised_before_they_are_compared(given: str, normal: str) -> None:
    assert normalise_url(given) == normal


def test_the_list_is_normalised_as_it_is_read() -> None:
    (line,) = read_url_lines(io.StringIO("HTTPS://Example.com/a?utm_source=x#top\n"))
    assert line.url == "https://example.com/a"


def test_feed_or_sitemap_or_a_list_is_required(tmp_path: Path) -> None:
    done = _scraper("run", "--state", str(tmp_path / "s"))
    assert done.returncode == 2 and "give a URLFILE" in done.stderr


def test_since_takes_an_age_or_a_date_and_names_a_bad_one() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert parse_since("2d", now) == now - timedelta(days=2)
    assert parse_since("90m", now) == now - timedelta(minutes=90)
    assert parse_since("2026-11-01", now) == datetime(2026, 11, 1, tzinfo=UTC)
    with pytest.raises(ConfigError, match="--since 'yesterday'"):
        parse_since("yesterday", now)


def test_https_pools_share_one_verifying_tls_context_and_http_pools_load_none() -> None:
    transport = PerHostTransport(NetworkPolicy(), httpx.Limits(max_connections=2), max_hosts=8)
    first, other = (
        transport._pool(httpx.URL("https://a.example/")),
        transport._pool(httpx.URL("https://b.example/")),
    )
    plain = transport._pool(httpx.URL("http://c.example/"))
    context = first._pool._ssl_context
    assert context is not None and context is other._pool._ssl_context
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    assert plain._pool._ssl_context is None


def test_a_carriage_return_inside_a_line_neither_splits_it_nor_shifts_later_line_numbers() -> None:
    data = b"https://a.example/1\r\nhttps://b.example/2\rhttps://evil.example/x\nhttps://c.example/3\n"
    lines = list(read_url_lines(io.BytesIO(data)))
    assert [(line.line, line.url) for line in lines if line.error is None] == [
        (1, "https://a.example/1"),
        (3, "https://c.example/3"),
    ]
    (bad,) = [line for line in lines if line.error is not None]
    assert bad.line == 2 and bad.error is not None and "line 2:" in bad.error.detail


def test_a_byte_order_mark_is_skipped_and_a_line_that_is_not_utf8_is_reported() -> None:
    lines = list(read_url_lines(io.BytesIO(b"\xef\xbb\xbfhttps://a.example/1\nhttps://b.example/\xff\n")))
    assert (lines[0].line, lines[0].url, lines[0].error) == (1, "https://a.example/1", None)
    assert lines[1].error is not None and lines[1].error.detail == "line 2: is not UTF-8 text"


def test_the_command_reads_the_list_as_bytes(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_bytes(b"\xef\xbb\xbfnot a url\rstill line one\nftp://x.example/\n")
    errors = tmp_path / "errors.jsonl"
    done = _scraper("run", str(urls), "--state", str(tmp_path / "s"), "--errors", str(errors), "-q")
    assert done.returncode == 1
    assert [json.loads(line)["line"] for line in errors.read_text().splitlines()] == [1, 2]
