"""nginx on loopback addresses for the benchmarks: installed from Debian's packages if
missing, started in a scratch directory, stopped at the end."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PORT = 8080


def install_nginx() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if found:
        return found
    print("bench: installing nginx from Debian's packages...", file=sys.stderr)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "nginx"], check=True, env=env, stdout=subprocess.DEVNULL
    )
    return shutil.which("nginx", path="/usr/sbin:/usr/bin") or "nginx"


def base_urls(hosts: int) -> list[str]:
    """The address of each server: 127.0.0.2 and up."""
    return [f"http://127.0.0.{2 + i}:{PORT}" for i in range(hosts)]


def _conf(work: Path, hosts: int, locations: str, access_log: bool) -> str:
    listens = "\n".join(f"        listen 127.0.0.{2 + i}:{PORT};" for i in range(hosts))
    user = "user root;" if os.geteuid() == 0 else ""
    log = f"access_log {work}/access.log requests;" if access_log else "access_log off;"
    return f"""
{user}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 1024; }}
http {{
    log_format requests '$request_method $uri $status inm=$http_if_none_match';
    {log}
    sendfile on;
    keepalive_requests 100000;
    types {{ text/html html; application/rss+xml xml; }}
    client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
    uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
    server {{
{listens}
        root {work}/site;
        location = /robots.txt {{ return 200 "User-agent: *\\nDisallow: /private/\\n"; }}
{locations}
    }}
}}
"""


@contextmanager
def nginx(work: Path, hosts: int, locations: str = "", access_log: bool = False) -> Iterator[Path]:
    """nginx serving `work`/site on `hosts` loopback addresses; yields the site directory."""
    binary = install_nginx()
    (work / "site").mkdir(parents=True, exist_ok=True)
    (work / "tmp").mkdir(exist_ok=True)
    (work / "nginx.conf").write_text(_conf(work, hosts, locations, access_log))
    server = subprocess.Popen([binary, "-c", str(work / "nginx.conf"), "-p", str(work), "-g", "daemon off;"])
    time.sleep(0.5)
    try:
        if server.poll() is not None:
            raise SystemExit(f"bench: nginx did not start; see {work}/error.log")
        yield work / "site"
    finally:
        server.terminate()
        server.wait()
