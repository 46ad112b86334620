"""Files the commands cannot use: a damaged, missing or unopenable archive, and outputs that
cannot be written. Each command says so in one line naming the file and the problem, exits
non-zero and leaves the file as it was; no traceback.

The tests run as root too, where file permissions stop no write: they block a path with a
file where a folder is needed, which stops everybody.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.store import ArchiveError, Store, archive_errors

REPO = Path(__file__).resolve().parent.parent
NOT_AN_ARCHIVE = b"These are notes, not an archive of the monitor.\n" * 100


def monitor(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, config: Path = REPO / "sources.yaml") -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=cwd, env=env)


@pytest.fixture(scope="module")
def local(tmp_path_factory) -> Path:
    """A watch list of one source on this machine, for polls (which never get as far as it)."""
    path = tmp_path_factory.mktemp("config") / "sources.yaml"
    path.write_text("sources:\n  - name: Local\n    url: http://127.0.0.1:9/feed.xml\n", encoding="utf-8")
    return path


def said(r: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in r.stderr, r.stderr
    return r.stdout + r.stderr


READERS = [("status",), ("digest", "--week", "2025-W34"), ("facts",), ("feeds",)]


@pytest.mark.parametrize("command", [*READERS, ("poll",), ("snapshot", "copy.db"), ("backup", "copy.db"), ("health",)], ids=lambda c: c[0])
def test_a_file_that_is_not_a_database_is_named_by_every_command(command, local, tmp_path):
    bogus = tmp_path / "c.db"
    bogus.write_bytes(NOT_AN_ARCHIVE)
    r = monitor("--db", str(bogus), *command, cwd=tmp_path, config=local)
    if command[0] == "health":  # a health check says unhealthy, with exit code 1
        assert r.returncode == 1 and f"unhealthy: {bogus}: not a monitor archive: file is not a database" in said(r)
    else:
        assert r.returncode == 2 and f"error: {bogus}: not a monitor archive: file is not a database" in said(r)
    assert bogus.read_bytes() == NOT_AN_ARCHIVE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db"]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_commands_that_only_read_do_not_create_an_archive(command, tmp_path):
    missing = tmp_path / "nope" / "x.db"
    out = ("--out", str(tmp_path / "out")) if command[0] in ("digest", "feeds") else ()
    r = monitor("--db", str(missing), *command, *out, cwd=tmp_path)
    assert r.returncode == 2
    assert f"error: no archive at {missing}: run `monitor poll` (or `monitor demo`) first, or pass --db" in said(r)
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no folder, no database, no digest


def test_health_without_an_archive_is_unhealthy(tmp_path):
    missing = tmp_path / "x.db"
    r = monitor("--db", str(missing), "health")
    assert r.returncode == 1 and f"unhealthy: no archive at {missing}" in said(r)
    assert not missing.exists()


def test_an_empty_monitor_db_variable_reads_the_default_archive_and_creates_none(tmp_path):
    r = monitor("status", cwd=tmp_path, env={**os.environ, "MONITOR_DB": ""})
    assert r.returncode == 2 and "error: no archive at data/monitor.db" in said(r)
    assert not (tmp_path / "data").exists()


def test_another_programs_database_is_left_alone(tmp_path):
    other = tmp_path / "recipes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    before = other.read_bytes()
    r = monitor("--db", str(other), "status")
    assert r.returncode == 2 and f"error: {other}: not a monitor archive: it has no monitor schema" in said(r)
    assert other.read_bytes() == before


def test_an_archive_sqlite_cannot_open_is_named(local, tmp_path):
    db = tmp_path / "m.db"
    with Store(db):
        pass
    (tmp_path / "m.db-wal").mkdir()  # where SQLite keeps the archive's write-ahead log
    for command in (("status",), ("poll",)):
        r = monitor("--db", str(db), *command, config=local)
        assert r.returncode == 2
        assert f"error: {db}: cannot open the archive: unable to open database file (check the permissions of the file and of its folder" in said(r)


def test_an_archive_whose_folder_cannot_be_made_is_named(local, tmp_path):
    (tmp_path / "f").write_text("a file")
    r = monitor("--db", str(tmp_path / "f" / "x.db"), "poll", config=local)
    assert r.returncode == 2 and f"error: {tmp_path / 'f' / 'x.db'}: cannot create the archive's folder {tmp_path / 'f'}: a file is in the way" in said(r)


def test_a_daemon_that_cannot_make_its_lock_file_says_why_in_one_line(local, tmp_path):
    """`monitor run` takes a lock file beside the archive before anything else: a folder it
    cannot make, or a lock file it cannot write (a read-only folder, a full disk), is one line
    and exit 2, as for the archive itself, not a traceback."""
    (tmp_path / "f").write_text("a file")
    r = monitor("--db", str(tmp_path / "f" / "x.db"), "run", config=local)
    assert r.returncode == 2 and f"error: {tmp_path / 'f' / 'x.db'}: cannot create the archive's folder {tmp_path / 'f'}: a file is in the way" in said(r)

    db = tmp_path / "m.db"
    (tmp_path / "m.db.lock").mkdir()  # where the daemon keeps its lock: it cannot write there
    r = monitor("--db", str(db), "run", config=local)
    assert r.returncode == 2, r.stderr
    assert f"error: {db}.lock: cannot write the daemon's lock file beside the archive: Is a directory (" in said(r)
    assert not db.exists()


def test_a_write_to_a_read_only_archive_names_it(tmp_path):
    """SQLite's own refusal to write (the file or its folder is read-only for this user)."""
    db = tmp_path / "ro.db"
    with Store(db):
        pass
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(ArchiveError) as e, archive_errors(db):
            conn.execute("INSERT INTO runs (job, started_at, outcome) VALUES ('poll', '2025-08-18', 'running')")
    finally:
        conn.close()
    assert str(e.value) == f"{db}: cannot write to the archive: attempt to write a readonly database (check the permissions of the file and of its folder)"


def test_an_archive_another_process_keeps_locked_is_named(tmp_path):
    """Another program holding a write transaction open on the archive (an sqlite3 shell left
    in BEGIN) past the wait for it: one line that says so, not a traceback."""
    db = tmp_path / "m.db"
    with Store(db):
        pass
    holder = sqlite3.connect(db, isolation_level=None)
    waiter = sqlite3.connect(db, isolation_level=None, timeout=0)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(ArchiveError) as e, archive_errors(db):
            waiter.execute("BEGIN IMMEDIATE")
    finally:
        waiter.close()
        holder.close()
    assert str(e.value) == f"{db}: the archive is locked by another process, which kept it locked past the wait (database is locked); try again once it is done"


@pytest.mark.parametrize("command", [("status",), ("poll",)], ids=lambda c: c[0])
def test_an_archive_of_a_newer_version_is_refused_and_left_as_it_was(command, local, tmp_path):
    """After going back to an older monitor (a rolled-back image): it would write rows the
    newer schema does not expect, and no migration would ever run again to mend them."""
    from monitor.store import MIGRATIONS

    db = tmp_path / "m.db"
    with Store(db):
        pass
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    r = monitor("--db", str(db), *command, config=local)
    assert r.returncode == 2
    assert (
        f"error: {db}: the archive was made by a newer version of the monitor (schema {len(MIGRATIONS) + 1}; "
        f"this version knows up to {len(MIGRATIONS)}): upgrade the monitor to use it"
    ) in said(r)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
    conn.close()


def test_other_errors_of_sqlite_are_not_taken_for_a_bad_archive(tmp_path):
    with Store(tmp_path / "m.db") as store, pytest.raises(sqlite3.OperationalError), archive_errors(store.path):
        store.db.execute("SELECT nothing FROM nowhere")


@pytest.fixture
def archive(tmp_path) -> Path:
    db = tmp_path / "m.db"
    with Store(db):
        pass
    return db


@pytest.mark.parametrize(
    ("command", "what"),
    [
        (("digest", "--week", "2025-W34", "--out", "{blocked}/out"), "the digest"),
        (("feeds", "--out", "{blocked}/out"), "the feeds"),
        (("demo", "--out", "{blocked}/out"), "the demo"),
        (("init", "{blocked}/out/sources.yaml"), "the watch list"),
        (("snapshot", "{blocked}/out/copy.db"), "the snapshot"),
        (("backup", "{blocked}/out/copy.db"), "the backup"),
    ],
    ids=["digest", "feeds", "demo", "init", "snapshot", "backup"],
)
def test_an_output_that_cannot_be_written_is_named(command, what, archive, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder is needed")
    args = [a.format(blocked=blocked) for a in command]
    r = monitor("--db", str(archive), *args, cwd=tmp_path)
    assert r.returncode == 2
    target = args[-1]
    assert f"error: {target}: cannot write {what}: a file is in the way" in said(r)
    assert blocked.read_text() == "a file where a folder is needed"


def _files_limited(size: int):
    """For a child process: files that cannot grow past ``size`` bytes, as on a full disk."""

    def limit() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails, as on a full disk, instead of killing the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, resource.RLIM_INFINITY))

    return limit


def test_an_archive_that_cannot_grow_says_a_full_disk_is_worth_checking(local, tmp_path):
    db = tmp_path / "monitor.db"
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(local), "--db", str(db), "poll"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=tmp_path, preexec_fn=_files_limited(3 * 4096))
    assert r.returncode == 2, r.stdout + r.stderr
    assert f"error: {db}: cannot read or write the archive: disk I/O error (a full disk, or a limit on file size, does this: check the free space where the archive is)" in said(r)


def test_an_archive_on_a_full_disk_says_the_disk_is_full(monkeypatch, tmp_path):
    from collections import namedtuple

    from monitor.store import _archive, archive_error

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(_archive.shutil, "disk_usage", lambda path: usage(10 << 30, (10 << 30) - 8192, 8192))
    e = sqlite3.OperationalError("database or disk is full")
    e.sqlite_errorname = "SQLITE_FULL"
    assert str(archive_error(tmp_path / "monitor.db", e)) == (
        f"{tmp_path / 'monitor.db'}: cannot read or write the archive: database or disk is full"
        " (the disk holding it is full: 8 KB free; free some space, then try again)"
    )
    # an error a full disk does not give says nothing of the disk
    e = sqlite3.OperationalError("attempt to write a readonly database")
    e.sqlite_errorname = "SQLITE_PERM"
    assert str(archive_error(tmp_path / "monitor.db", e)).endswith("attempt to write a readonly database")
