"""Helpers of the tests that run the monitor in another process or thread and watch what it
does: wait for a condition, read the archive's ``runs``, a server that never answers."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from monitor.store import Store


def wait_for(check, timeout: float = 120.0, every: float = 0.2):
    """Poll ``check`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"condition not met within {timeout}s")


def runs(db: Path, job: str, outcome: str | None = None) -> list[dict]:
    """The rows of ``runs`` for ``job`` (and ``outcome``), none while there is no archive yet."""
    if not db.exists():
        return []
    with Store(db, readonly=True) as s:
        if not s.db["runs"].exists():
            return []
        where = "job = ?" + (" AND outcome = ?" if outcome else "")
        return list(s.db["runs"].rows_where(where, [job, outcome] if outcome else [job]))


class Hang:
    """A TCP server on 127.0.0.1 that accepts connections, reads what it is sent and never
    answers; it notes when a client gives up and closes."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.open = 0
        self.closed = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with self.lock:
                self.open += 1
            threading.Thread(target=self._hold, args=(conn,), daemon=True).start()

    def _hold(self, conn: socket.socket) -> None:
        with conn:
            while True:
                try:
                    if not conn.recv(65536):
                        break
                except OSError:
                    break
        with self.lock:
            self.closed += 1

    def close(self) -> None:
        self.sock.close()
