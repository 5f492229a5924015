"""An exclusive, non-blocking lock on a file, held until released or the process ends,
on POSIX (`flock`) and Windows (`msvcrt.locking`). The holder's pid is written into the
file so that the one refused can name it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Windows locks byte ranges, and a locked byte cannot be read by anyone else: the lock
# is taken on a byte far past the pid, so the pid stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


class LockHeld(Exception):
    """Another process holds the lock; `holder` is its pid as it wrote it, or 'unknown'."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def acquire(path: Path) -> int:
    """Lock `path` (created if missing); returns the descriptor to give to `release`.
    Raises LockHeld at once when another process holds it."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _lock(descriptor)
    except OSError:
        holder = os.read(descriptor, 32).decode(errors="replace").strip() or "unknown"
        os.close(descriptor)
        raise LockHeld(holder) from None
    os.ftruncate(descriptor, 0)
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.write(descriptor, str(os.getpid()).encode())
    return descriptor


def release(descriptor: int) -> None:
    """Give the lock up (closing the file releases it on every platform)."""
    os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _lock(descriptor: int) -> None:
        os.lseek(descriptor, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        finally:
            os.lseek(descriptor, 0, os.SEEK_SET)

else:
    import fcntl

    def _lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
