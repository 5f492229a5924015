"""`scraper run` as people meet it in a shell and in cron: pipes, Ctrl-C, quiet runs, the
config file and the environment, and the options that shape requests."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import Runner
from faults import FaultServer, fault_server, story

from scraper._cli import main


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    with fault_server() as running:
        yield running


def _command(tmp_path: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "scraper", "run", *args, "--state", str(tmp_path / "state.sqlite")]


def _scraper(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ, "XDG_CONFIG_HOME": str(tmp_path / "no-config"),  # no user config file
        "SCRAPER_WORKERS": "0", "SCRAPER_DELAY": "0",  # quick: one process, loopback needs no spacing
        **(env or {}),
    }  # fmt: skip
    return subprocess.run(
        _command(tmp_path, *args), capture_output=True, text=True, timeout=120, env=environment
    )


def _url_list(tmp_path: Path, urls: list[str]) -> str:
    path = tmp_path / "urls.txt"
    path.write_text("".join(f"{url}\n" for url in urls))
    return str(path)


def test_piped_into_head_the_run_stops_quietly_with_the_status_of_a_closed_pipe(
    server: FaultServer, tmp_path: Path
) -> None:
    stories = [server.url(f"/story/pipe-{n}") for n in range(300)]
    urls = _url_list(tmp_path, stories)
    command = " ".join(
        _command(tmp_path, urls, "--allow-network", "127.0.0.1", "--delay", "0", "--workers", "0")
    )
    done = subprocess.run(
        ["bash", "-c", f"{command} | head -1; echo status ${{PIPESTATUS[0]}} >&2"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    (line,) = done.stdout.splitlines()
    assert json.loads(line)["url"] in stories
    assert done.stderr.strip() == "status 141"  # 128 + SIGPIPE; no traceback, no summary
    fetched = sum(server.hits[f"/story/pipe-{n}"] for n in range(300))
    assert fetched < len(stories)  # it stopped instead of fetching the rest
    with sqlite3.connect(tmp_path / "state.sqlite") as state:
        outcomes = dict(state.execute("SELECT url, outcome FROM urls WHERE outcome IS NOT NULL"))
    assert outcomes[json.loads(line)["url"]] == "emitted"  # what was written is remembered
    assert set(outcomes.values()) == {"emitted"}  # and nothing is counted as failed


def test_ctrl_c_exits_130_without_a_traceback(server: FaultServer, tmp_path: Path) -> None:
    urls = _url_list(tmp_path, [server.url("/story/before-hang"), server.url("/hang")])
    process = subprocess.Popen(
        _command(tmp_path, urls, "--allow-network", "127.0.0.1", "--workers", "1"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not server.hits["/hang"] and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr


def test_ctrl_c_while_the_list_is_still_coming_exits_130_at_once(tmp_path: Path) -> None:
    reading, writing = os.pipe()  # a list piped in by a program that has not finished
    process = subprocess.Popen(
        _command(tmp_path, "-"), stdin=reading, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    os.close(reading)
    try:
        os.write(writing, b"https://example.com/one\n")
        deadline = time.monotonic() + 60
        while not (tmp_path / "state.sqlite.lock").exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)  # into the run
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        os.close(writing)
    assert process.returncode == 130
    assert stderr == ""  # no traceback, and no "Fatal Python error" over the blocked read


def test_a_cron_run_that_finds_nothing_new_prints_nothing_and_exits_0(
    server: FaultServer, tmp_path: Path
) -> None:
    urls = _url_list(tmp_path, [server.url("/story/cron-1"), server.url("/article")])
    args = (urls, "-o", str(tmp_path / "out.jsonl"), "--allow-network", "127.0.0.1", "--delay", "0")
    first = _scraper(tmp_path, *args)
    assert first.returncode == 0 and "2 URLs in" in first.stderr  # it wrote articles: a summary
    again = _scraper(tmp_path, *args)
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")


def test_quiet_still_names_each_failure_when_there_is_no_errors_file(
    server: FaultServer, tmp_path: Path
) -> None:
    urls = _url_list(tmp_path, [server.url("/gone"), server.url("/story/quiet")])
    done = _scraper(tmp_path, urls, "-q", "-o", str(tmp_path / "out.jsonl"), "--allow-network", "127.0.0.1")
    assert done.returncode == 1
    assert done.stderr == f"scraper: {server.url('/gone')}: http_404: the server answered 404 Whatever\n"


def test_verbose_names_each_outcome_and_what_a_duplicate_duplicated(
    server: FaultServer, tmp_path: Path
) -> None:
    urls = _url_list(tmp_path, [server.url("/story/dup"), server.url("/amp/dup")])
    log = tmp_path / "run.log"
    done = _scraper(tmp_path, urls, "-v", "--log-file", str(log), "-o", str(tmp_path / "o.jsonl"),
                    "--allow-network", "127.0.0.1", "--workers", "0", "--per-host", "1")  # fmt: skip
    assert done.returncode == 0
    assert f"scraper: {server.url('/story/dup')}: emitted" in done.stderr
    said = f"{server.url('/amp/dup')}: duplicate: the same article as {server.url('/story/dup')}"
    assert said in done.stderr and said in log.read_text()
    assert done.stderr.count("2 URLs in") == 1  # the summary once, not again as a log line


# --- the config file and the environment ------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('concurrency = "16"\n', "concurrency: '16' is not an integer"),
        ('force = "yes"\n', "force: 'yes' is not true or false"),
        ("delay = [1]\n", "delay: [1] is not a number"),
        ('allow-network = ["10.0.0.0/33"]\n', "allow-network: '10.0.0.0/33' is not a network"),
        ('max-bytes = "lots"\n', "max-bytes: 'lots' is not a size"),
        ("concurrency = 0\n", "--concurrency must be above 0"),
        ("concurency = 8\n", "unknown setting 'concurency'"),
        ("delay = \n", "not valid TOML"),
    ],
)
def test_a_bad_config_value_is_named_with_its_file_and_the_type_expected(
    tmp_path: Path, content: str, says: str
) -> None:
    config = tmp_path / "scraper.toml"
    config.write_text(content)
    done = _scraper(tmp_path, "-", "--config", str(config))
    assert done.returncode == 2
    assert done.stderr.startswith(f"scraper: config file {config}: ") and says in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_command_line_wins_over_environment_over_file_over_defaults(
    server: FaultServer, tmp_path: Path
) -> None:
    urls = _url_list(tmp_path, [server.url("/story/where")])
    config = tmp_path / "config.toml"
    output, errors = tmp_path / "from-file.jsonl", tmp_path / "errors.jsonl"
    config.write_text(f'output = "{output}"\nerrors = "{errors}"\nallow-network = "127.0.0.1"\n')
    env = {"SCRAPER_CONFIG": str(config), "SCRAPER_WORKERS": "0", "XDG_CONFIG_HOME": str(tmp_path)}
    state = ["--state", str(tmp_path / "state.sqlite"), "--force"]

    def run(*args: str) -> None:  # in this process: quicker, and the same code
        assert CliRunner().invoke(main, ["run", urls, *state, *args], env=env).exit_code == 0

    run()
    assert output.exists()  # from the file; its one allow-network string is one network
    env["SCRAPER_OUTPUT"] = str(tmp_path / "from-env.jsonl")
    run()
    assert (tmp_path / "from-env.jsonl").exists()
    run("-o", str(tmp_path / "from-cli.jsonl"))
    assert (tmp_path / "from-cli.jsonl").exists()


def test_a_bad_value_from_the_environment_names_its_variable(tmp_path: Path) -> None:
    done = _scraper(tmp_path, "-", env={"SCRAPER_MAX_BYTES": "lots"})
    assert done.returncode == 2
    assert (
        "'lots' is not a size" in done.stderr and "(from the environment: SCRAPER_MAX_BYTES)" in done.stderr
    )


def test_the_default_config_file_is_read_from_the_user_config_directory(tmp_path: Path) -> None:
    home = tmp_path / "config-home"
    (home / "scraper").mkdir(parents=True)
    (home / "scraper" / "config.toml").write_text("retries = -1\n")
    done = _scraper(tmp_path, "-", env={"XDG_CONFIG_HOME": str(home)})
    assert done.returncode == 2 and "config.toml: --retries must be 0 or more" in done.stderr


def test_sizes_are_read_and_shown_with_units(tmp_path: Path) -> None:
    assert "[default: 10MiB]" in _scraper(tmp_path, "--help").stdout
    from scraper import RunConfig

    assert RunConfig(max_bytes="512KiB").max_bytes == 512 * 1024
    assert RunConfig(max_bytes="20MB").max_bytes == 20_000_000


# --- what shapes the requests -----------------------------------------------------------


def test_headers_and_cookies_are_sent(server: FaultServer, run: Runner, tmp_path: Path) -> None:
    cookies = tmp_path / "cookies.txt"
    cookies.write_text("# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\tabc123\n")
    run([server.url("/story/headers")], headers=("Accept-Language: de", "X-Team: news"), cookies=str(cookies))
    (request,) = [r for r in server.requests if r.path == "/story/headers"]
    assert request.headers["accept-language"] == "de" and request.headers["x-team"] == "news"
    assert request.headers["cookie"] == "session=abc123"


def test_through_a_proxy_the_address_guard_applies_to_the_page_not_the_proxy(
    server: FaultServer, run: Runner
) -> None:
    target = "http://127.0.0.1:9/story/proxied"  # nothing listens there: only the proxy answers
    server.pages[target] = story("proxied")
    refused = run([target], proxy=server.url(""), allow_network=())
    assert [e["outcome"] for e in refused.errors] == ["refused_network"]
    assert target not in [r.path for r in server.requests]
    fetched = run([target], proxy=server.url(""))
    assert [r["url"] for r in fetched.records] == [target]
    assert target in [r.path for r in server.requests]  # asked of the proxy, in absolute form
