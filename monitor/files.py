"""Writing an output file whole or not at all, and through a symbolic link."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file beside it, renamed over ``path``
    once it is whole: a reader sees the old file or the new one, never half of one, and a
    write that fails (a full disk) leaves the old file as it was and no temporary file
    behind. A ``path`` that is a symbolic link has the file it points at replaced, and stays a
    link (:func:`through_link`). The file keeps the permissions it had; a new one gets those
    any file the process makes gets (``0666`` less the umask: a service run with ``UMask=0027``
    writes files its group may read and no one else). Returns ``path``; raises the
    ``OSError`` of the write."""
    path = Path(path)
    real = through_link(path)
    try:
        mode = real.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, mode)  # (mkstemp makes it 0600)
        os.replace(tmp, real)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


def _umask() -> int:
    """The process's umask, read without changing it (``os.umask`` sets one to read it, which
    another thread could meet): from ``/proc`` where there is one, else as it was at import."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return _UMASK_AT_IMPORT


_UMASK_AT_IMPORT = os.umask(0o022)
os.umask(_UMASK_AT_IMPORT)


def through_link(path: str | Path) -> Path:
    """The file that writing to ``path`` should replace: for a symbolic link, the file it
    points at (followed to the end, whether or not it exists yet), as ``cp`` and SQLite
    write through one; any other path as it is. Renaming a new file over the link itself
    would leave the link's file as it was and the link turned into a file: a served feed,
    or a backup kept on another disk, would silently stop being updated. Links that lead back
    to themselves raise the ``OSError`` of a loop ("Too many levels of symbolic links"), as
    opening them would."""
    path = Path(path)
    if not path.is_symlink():
        return path
    try:
        return path.resolve()
    except RuntimeError:  # a loop of links (Python before 3.13 says so with RuntimeError)
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from None
