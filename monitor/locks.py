"""Advisory locks between the monitor's processes on one archive.

``flock`` locks on files beside the archive, released by the kernel when a process ends
however it ends. The daemon's own lock (one daemon an archive) is
:class:`monitor.daemon.DaemonLock`; :class:`ServingLock` keeps ``monitor restore`` from
replacing an archive that ``monitor serve`` has open, which would go on serving the file set
aside.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from .errors import MonitorError


class ServingLock:
    """``<db>.serve.lock``: held shared by each ``monitor serve`` of the archive, taken
    exclusively by ``monitor restore``."""

    def __init__(self, db_path: str | Path):
        self.path = Path(f"{db_path}.serve.lock")
        self._fd: int | None = None

    def share(self) -> "ServingLock":
        """Hold the lock as one of the archive's servers. A folder where no lock file can be
        made (a read-only copy) holds none: nothing can be restored there either."""
        try:
            return self._hold(fcntl.LOCK_SH, f"the archive is being restored (lock file {self.path}); serve it once `monitor restore` is done")
        except OSError:
            return self

    def take(self) -> "ServingLock":
        """Hold the lock alone, for a restore; refused while a server has the archive open."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self._hold(fcntl.LOCK_EX, f"`monitor serve` has the archive open (lock file {self.path})")

    def _hold(self, kind: int, refused: str) -> "ServingLock":
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise MonitorError(refused) from None
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
