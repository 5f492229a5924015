"""A throwaway PostgreSQL server on 127.0.0.1 for the tests, from the `pgserver` package's
build of the server (installed by the test extra) or, failing that, the machine's own
(/usr/lib/postgresql/*/bin). As root, the server runs as the `postgres` user (or `nobody`):
PostgreSQL refuses to run as root."""

from __future__ import annotations

import importlib.util
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def server_binaries() -> Path | None:
    """The directory of `initdb`, `pg_ctl` and `postgres`, or None when there is none."""
    package = importlib.util.find_spec("pgserver")  # found, not imported: it acts on import
    if package is not None and package.submodule_search_locations:
        bin_path = Path(package.submodule_search_locations[0]) / "pginstall" / "bin"
        if (bin_path / "initdb").exists():
            return bin_path
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class PostgresServer:
    """A server started in `directory`; `database()` makes a fresh database and gives its URL."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._count = 0

    def database(self) -> str:
        import psycopg

        self._count += 1
        name = f"test_{self._count}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"


@contextmanager
def postgres_server(binaries: Path) -> Iterator[PostgresServer]:
    work = Path(tempfile.mkdtemp(prefix="scraper-pg-"))
    user: dict[str, Any] = {}
    if os.geteuid() == 0:
        account = _account()
        user = {"user": account.pw_uid, "group": account.pw_gid}
        binaries = _reachable_copy(binaries, work)
        os.chown(work, account.pw_uid, account.pw_gid)
    data, port = work / "data", _free_port()
    try:
        _call([binaries / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"], user)
        options = f"-h 127.0.0.1 -p {port} -k {work} -c fsync=off -c full_page_writes=off"
        _call([binaries / "pg_ctl", "-D", data, "-o", options, "-l", work / "log", "-w", "start"], user)
        yield PostgresServer(port)
    finally:
        subprocess.run([binaries / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
                       capture_output=True, check=False, **user)  # fmt: skip
        shutil.rmtree(work, ignore_errors=True)


def _account() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam("postgres")
    except KeyError:
        return pwd.getpwnam("nobody")


def _reachable_copy(binaries: Path, work: Path) -> Path:
    """`binaries`, or, where an unprivileged user cannot reach them (a virtual environment
    under /root), a copy of pgserver's package and the libraries beside it, laid out as in
    site-packages (its programs find their libraries relative to themselves)."""
    if all(folder.stat().st_mode & 0o001 for folder in binaries.parents):
        return binaries
    site = binaries.parents[2]  # site-packages/pgserver/pginstall/bin
    for name in ("pgserver", "pgserver.libs"):
        if (site / name).is_dir():
            shutil.copytree(site / name, work / "site" / name, symlinks=True)
    for path in [work / "site", *(work / "site").rglob("*")]:
        path.chmod(path.stat().st_mode | (0o555 if path.is_dir() else 0o444))
    return work / "site" / binaries.relative_to(site)


def _call(command: list[Any], user: dict[str, Any]) -> None:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, **user
    )
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed:\n{done.stdout}{done.stderr}")
