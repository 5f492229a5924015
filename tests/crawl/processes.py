"""A run's processes, read from /proc (Linux): which are its extraction processes, whether
one is busy with a page, and whether they are all gone. Used by the tests and by
bench/hostile.py."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

AVAILABLE = Path("/proc/self/stat").exists()


def stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name (state, ppid, ...), or []."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def cpu_seconds(pid: int) -> float:
    fields = stat(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


def running(pid: int) -> bool:
    """Whether `pid` is a process that has not ended (a zombie not yet reaped has)."""
    return stat(pid)[:1] not in ([], ["Z"], ["X"])


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := stat(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def busy_worker(process: subprocess.Popen[str] | subprocess.Popen[bytes], cpu: float) -> int:
    """The run's extraction process (a child of the fork server, itself the run's child),
    once it has spent `cpu` seconds on a page."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        for pid in descendants(process.pid):
            if stat(pid)[1:2] != [str(process.pid)] and cpu_seconds(pid) >= cpu:
                return pid
        time.sleep(0.05)
    raise AssertionError(f"no extraction process got busy (the run exited with {process.poll()})")


def all_gone(pids: set[int], within: float) -> bool:
    """Whether every one of `pids` has ended within `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not any(running(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False
