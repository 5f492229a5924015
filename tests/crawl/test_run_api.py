"""`run_urls` from Python as a script, a notebook or a test calls it: values as one writes
them, output to any file object, and nothing printed unless asked."""

from __future__ import annotations

import io
import ipaddress
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Runner
from faults import FaultServer, fault_server

from scraper import ConfigError, RunConfig, run_urls


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


@pytest.mark.parametrize(
    "networks",
    ["127.0.0.1", ("127.0.0.1",), ["127.0.0.0/8"], (ipaddress.ip_address("127.0.0.1"),),
     ipaddress.ip_network("127.0.0.0/8")],
)  # fmt: skip
def test_networks_are_taken_as_strings_addresses_or_networks(networks: object) -> None:
    config = RunConfig(allow_network=networks)  # type: ignore[arg-type]
    assert len(config.allow_network) == 1
    assert ipaddress.ip_address("127.0.0.1") in config.allow_network[0]


def test_values_are_taken_as_one_writes_them(tmp_path: Path) -> None:
    config = RunConfig(
        state=str(tmp_path / "s.sqlite"), max_bytes="2MiB", headers={"X-Team": "news"},  # type: ignore[arg-type]
        since="2d",  # type: ignore[arg-type]
    )  # fmt: skip
    assert config.state == tmp_path / "s.sqlite" and config.max_bytes == 2 * 1024 * 1024
    assert config.headers == (("X-Team", "news"),) and config.since is not None
    with pytest.raises(ConfigError, match="'not-a-network' is not a network"):
        RunConfig(allow_network="not-a-network")  # type: ignore[arg-type]


def test_output_as_a_str_path_and_urls_as_a_list(server: FaultServer, run: Runner, tmp_path: Path) -> None:
    output = tmp_path / "articles.jsonl"
    counts = run_urls(run.config(), [server.url("/story/api-1")], output=str(output))
    assert counts == {"emitted": 1}
    assert json.loads(output.read_text())["url"] == server.url("/story/api-1")


def test_standard_output_without_a_descriptor_as_in_a_notebook_or_under_pytest(
    server: FaultServer, run: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    counts = run_urls(run.config(), [server.url("/story/api-2"), server.url("/gone")])
    out, err = capsys.readouterr()
    assert json.loads(out)["url"] == server.url("/story/api-2")
    assert err == ""  # the library prints nothing, failures included...
    assert counts == {"emitted": 1, "http_404": 1}  # ...it returns them


def test_failures_reach_the_log_and_file_objects_take_records_and_errors(
    server: FaultServer, run: Runner, caplog: pytest.LogCaptureFixture
) -> None:
    articles, errors = io.StringIO(), io.BytesIO()
    with caplog.at_level(logging.INFO, logger="scraper"):
        run_urls(run.config(), [server.url("/story/api-3"), server.url("/gone")], articles, errors)
    assert json.loads(articles.getvalue())["url"] == server.url("/story/api-3")
    assert json.loads(errors.getvalue())["outcome"] == "http_404"
    assert f"{server.url('/story/api-3')}: emitted" in caplog.text


def test_stderr_given_prints_the_failures_and_the_summary(server: FaultServer, run: Runner) -> None:
    stderr = io.StringIO()
    run_urls(run.config(quiet=False), [server.url("/gone")], io.StringIO(), stderr=stderr)
    assert f"scraper: {server.url('/gone')}: http_404" in stderr.getvalue()
    assert "1 URLs in" in stderr.getvalue()


DIRECTORY_LISTING = (
    b"<html><head><title>Index of /files/</title></head><body><h1>Index of /files/</h1><hr><pre>"
    + b"".join(
        f'<a href="report-{n}.pdf">report-{n}.pdf</a>    25-Nov-2026 10:{n:02d}    {1000 * n}\n'.encode()
        for n in range(40)
    )
    + b"</pre><hr></body></html>"
)


@pytest.mark.parametrize(
    ("page", "body"),
    [
        ("/home", b"<html><head><title>Home</title></head><body><h1>Home</h1><p>Home</p></body></html>"),
        ("/files/", DIRECTORY_LISTING),
    ],
)
def test_a_page_with_almost_no_prose_is_not_an_article(
    server: FaultServer, run: Runner, page: str, body: bytes
) -> None:
    server.pages[page] = body
    result = run([server.url(page)])
    assert result.records == []
    (error,) = result.errors
    assert error["outcome"] == "not_article" and "--min-words 20" in error["detail"]
    assert run([server.url(page)], min_words=0, force=True).records  # the minimum is an option
