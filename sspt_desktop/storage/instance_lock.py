"""One running SSPT Desktop per data folder, enforced by an OS file lock.

The lock is held by the operating system, so it disappears with the process even after a
crash or ``kill -9``: a stale lock file never keeps a school out of its own record.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO

from sspt_desktop.storage.errors import DataFolderInUse


class InstanceLock:
    """An exclusive, non-blocking lock on ``path``; use as a context manager or acquire/release."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self._path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise DataFolderInUse(
                "SSPT Desktop is already open on this data folder, perhaps in another window or "
                "by another user of this computer. Switch to that window; two copies at once could "
                "overwrite each other's notes."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
