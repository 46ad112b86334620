"""`monitor backup` and `monitor restore`: a consistent copy taken while the archive is written,
put back in place without a digest going out twice, and refused when it cannot be done safely."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from test_mail import SENDER, Recorder, free_port, plain

from digest_archive import SOURCES_YAML, WEEK, build_archive
from monitor import backup
from monitor.config import load_config
from monitor.daemon import DaemonLock
from monitor.mail import digest_status_lines, send_digest
from monitor.store import Store

KARACHI = ZoneInfo("Asia/Karachi")


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    handler, port = Recorder(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, plain(port)
    controller.stop()


@pytest.fixture
def setup(write_config, tmp_path):
    """An archive of one week's stories and its config (digest to one reader)."""
    path = write_config(SOURCES_YAML, extra=f"digest:\n  sender: {SENDER}\n  recipients: [reader@example.com]\n")
    config = load_config(path)
    db = tmp_path / "data" / "monitor.db"
    with Store(db) as store:
        build_archive(store, config)
    return config, path, db


def monitor(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


# --------------------------------------------------------------------------- backup


def test_a_backup_is_one_sound_file_with_what_is_still_in_the_write_ahead_log(setup, tmp_path):
    config, path, db = setup
    writer = sqlite3.connect(db)  # keeps the archive's -wal from being folded in
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO runs (job, started_at, finished_at, outcome) VALUES ('poll', '2025-08-24T10:00:00+00:00', '2025-08-24T10:01:00+00:00', 'ok')")
    writer.commit()
    try:
        assert Path(f"{db}-wal").stat().st_size > 0
        out = tmp_path / "backups" / "copy.db"
        r = monitor("--config", str(path), "--db", str(db), "backup", str(out))
        assert r.returncode == 0, r.stderr
        assert "copy.db: a backup of" in r.stdout and "monitor restore" in r.stdout
        # how big the copy is, as people read sizes ("1.2 MB", "812 KB")
        assert re.search(r"\bitems?, [\d.,]+ (?:KB|MB|GB|bytes)\)", r.stdout), r.stdout
    finally:
        writer.close()
    assert not Path(f"{out}-wal").exists()
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM runs WHERE started_at = '2025-08-24T10:00:00+00:00'").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == count(db, "SELECT count(*) FROM items") > 0
    conn.close()
    with Store(db) as store:  # the archive records the backup as a run
        run = store.last_run("backup")
    assert run["outcome"] == "ok" and str(out) in run["detail"]
    with Store(out) as copy:
        taken = copy.backup_taken_at()
    assert run["started_at"] <= taken <= run["finished_at"]


def test_a_backup_into_a_folder_is_named_by_the_time_and_an_existing_one_is_kept(setup, tmp_path):
    config, path, db = setup
    folder = tmp_path / "backups"
    now = datetime(2026, 12, 6, 3, 15, tzinfo=timezone.utc)
    assert backup.backup_path(f"{folder}/", db, now) == folder / "monitor-2026-12-06T0315Z.db"
    assert backup.backup_path(folder / "x.db", db, now) == folder / "x.db"
    r = monitor("--config", str(path), "--db", str(db), "backup", f"{folder}/")
    assert r.returncode == 0, r.stderr
    (made,) = folder.glob("monitor-*Z.db")
    before = made.read_bytes()
    r = monitor("--config", str(path), "--db", str(db), "backup", str(made))
    assert r.returncode == 2 and "exists; pass --force" in r.stderr
    assert made.read_bytes() == before
    r = monitor("--config", str(path), "--db", str(db), "backup", str(db), "--force")
    assert r.returncode == 2 and "cannot replace the archive itself" in r.stderr


def test_a_second_backup_into_a_folder_in_the_same_minute_keeps_the_first(setup, tmp_path):
    """Backed up before an edit and again after it, within a minute: the second gets a name
    of its own rather than an error that asks for --force, which would replace the first."""
    config, path, db = setup
    folder = tmp_path / "backups"
    now = datetime(2026, 12, 6, 3, 15, tzinfo=timezone.utc)
    first = folder / "monitor-2026-12-06T0315Z.db"
    folder.mkdir()
    first.write_bytes(b"the backup taken before the edit")
    assert backup.backup_path(folder, db, now) == folder / "monitor-2026-12-06T0315Z_2.db"
    (folder / "monitor-2026-12-06T0315Z_2.db").write_bytes(b"another")
    assert backup.backup_path(f"{folder}/", db, now) == folder / "monitor-2026-12-06T0315Z_3.db"
    assert sorted(p.name for p in folder.iterdir())[0] == first.name  # the names sort in the order taken
    for _ in range(2):  # two real backups at once, without --force
        r = monitor("--config", str(path), "--db", str(db), "backup", f"{folder}/")
        assert r.returncode == 0, r.stderr
    made = sorted(folder.glob("monitor-*.db"))
    assert len(made) >= 4 and first.read_bytes() == b"the backup taken before the edit"
    assert all(count(p, "SELECT count(*) FROM items") > 0 for p in made if p.stat().st_size > 100)


# --------------------------------------------------------------------------- restore


def test_a_restore_keeps_the_digests_sent_since_the_backup_so_none_goes_out_twice(setup, smtp, tmp_path):
    config, path, db = setup
    server, settings = smtp
    saved = tmp_path / "saved.db"
    assert monitor("--config", str(path), "--db", str(db), "backup", str(saved)).returncode == 0
    with Store(db) as store:
        assert send_digest(store, config, WEEK, smtp=settings).status == "sent"
        carried = count(db, f"SELECT count(*) FROM digest_items WHERE week = '{WEEK}'")
    assert len(server.envelopes) == 1 and carried > 0

    r = monitor("--config", str(path), "--db", str(db), "restore", str(saved))
    assert r.returncode == 0, r.stderr
    assert f"digests sent since the backup stay recorded as sent: {WEEK}" in r.stdout
    (kept,) = db.parent.glob("monitor.db.replaced-*")
    assert f"the archive it replaced is kept as {kept}" in r.stdout
    assert count(kept, "SELECT count(*) FROM digests WHERE status = 'sent'") == 1  # the old archive, whole
    assert count(db, f"SELECT count(*) FROM digest_items WHERE week = '{WEEK}'") == carried

    with Store(db) as store:
        again = send_digest(store, config, WEEK, smtp=settings)
    assert again.status == "already_sent" and len(server.envelopes) == 1
    status = monitor("--config", str(path), "--db", str(db), "status").stdout
    assert "Backup: last " in status and f"(ok: to {saved}, which this archive was restored from)" in status


def test_status_says_when_no_backup_was_made(setup):
    config, path, db = setup
    status = monitor("--config", str(path), "--db", str(db), "status").stdout
    assert "Backup: none made; `monitor backup DIR/` makes a consistent copy" in status


def test_a_restore_over_an_unreadable_archive_marks_the_weeks_since_the_backup_in_doubt(setup, smtp, tmp_path):
    config, path, db = setup
    server, settings = smtp
    saved = tmp_path / "saved.db"
    with Store(db) as store:
        store.backup(saved)
    with Store(saved) as copy:  # taken on the Saturday of the archive's week
        copy.db.execute("UPDATE runs SET finished_at = '2025-08-23T10:00:00+00:00' WHERE job = 'backup'")
    db.write_bytes(b"not an archive any more" * 100)

    done = backup.restore(saved, db, tz=KARACHI, now=datetime(2025, 9, 3, tzinfo=timezone.utc))
    assert done.unreadable and "not a monitor archive" in done.unreadable
    assert done.in_doubt == (WEEK, "2025-W35")  # the backup's own week, and the next, both ended since
    assert done.replaced and done.replaced.read_bytes().startswith(b"not an archive")
    with Store(db) as store:
        lines = digest_status_lines(store, KARACHI)
        assert any(line.startswith(f"!! {WEEK}: the archive was restored from a backup taken at 2025-08-23 15:00 PKT") and "--send --force" in line for line in lines)
        held = send_digest(store, config, WEEK, smtp=settings, now=datetime(2025, 9, 3, tzinfo=timezone.utc))
        assert held.status == "in_doubt" and "is not known" in held.line() and not server.envelopes
        forced = send_digest(store, config, WEEK, smtp=settings, force=True, now=datetime(2025, 9, 3, tzinfo=timezone.utc))
    assert forced.status == "sent" and len(server.envelopes) == 1


def test_weeks_in_doubt_are_those_that_ended_after_the_backup_and_it_does_not_record():
    now = datetime(2025, 9, 3, tzinfo=timezone.utc)
    assert backup.weeks_in_doubt("2025-08-23T10:00:00+00:00", now, KARACHI, set()) == ["2025-W34", "2025-W35"]
    assert backup.weeks_in_doubt("2025-08-23T10:00:00+00:00", now, KARACHI, {"2025-W34"}) == ["2025-W35"]
    assert backup.weeks_in_doubt("2025-09-01T10:00:00+00:00", now, KARACHI, set()) == []  # W36 has not ended
    # Sunday 21:00 UTC is already Monday in Karachi: the backup is of the next week
    assert backup.weeks_in_doubt("2025-08-24T21:00:00+00:00", now, KARACHI, set()) == ["2025-W35"]
    assert backup.weeks_in_doubt(None, now, KARACHI, set()) == []


def test_a_restore_says_when_the_archive_it_replaced_was_judged_again_since_the_backup(setup, tmp_path):
    """Backed up, rules edited and `monitor rejudge` run, then the backup restored: the items
    are back as judged before, which the rules in the file no longer give. The restore says
    so, and what to run, rather than leave the archive and the rules out of step unsaid."""
    config, path, db = setup
    saved = tmp_path / "saved.db"
    r = monitor("--config", str(path), "--db", str(db), "backup", str(saved))
    assert r.returncode == 0, r.stderr
    r = monitor("--config", str(path), "--db", str(db), "restore", str(saved))
    assert r.returncode == 0, r.stderr
    assert "rejudge" not in r.stdout  # nothing judged again since that backup

    r = monitor("--config", str(path), "--db", str(db), "rejudge")
    assert r.returncode == 0, r.stderr
    r = monitor("--config", str(path), "--db", str(db), "restore", str(saved))
    assert r.returncode == 0, r.stderr
    (line,) = [x for x in r.stdout.splitlines() if "rejudge" in x]
    assert "`monitor rejudge` ran on the archive it replaced after the backup (last at " in line
    assert " PKT): the restored items carry the judgments of before it; run `monitor rejudge` to judge them with the rules of now" in line


def test_a_restore_where_there_is_no_archive_records_the_outbox_digests(setup, tmp_path):
    config, path, db = setup
    saved = tmp_path / "saved.db"
    with Store(db) as store:
        store.backup(saved)
        assert send_digest(store, config, WEEK).status == "written"  # no SMTP: into outbox/
    (db.parent / "outbox" / "notes.eml").write_text("not a digest")
    for f in db.parent.glob("monitor.db*"):
        f.unlink()

    r = monitor("--config", str(path), "--db", str(db), "restore", str(saved))
    assert r.returncode == 0, r.stderr
    assert f"digests the outbox holds are recorded as sent: {WEEK}" in r.stdout
    assert f"there was no archive at {db} before" in r.stdout and "kept as" not in r.stdout
    with Store(db) as store:
        row = store.digest(WEEK)
        assert row["status"] == "sent" and row["message_id"].startswith("<digest-2025-W34.")
        assert send_digest(store, config, WEEK).status == "already_sent"


def test_a_restored_archive_shows_no_daemon_or_run_still_going(setup, tmp_path):
    config, path, db = setup
    with Store(db) as store:
        store.daemon_started(poll_seconds=3600, beat_seconds=30)
        store.start_run("poll")
        store.backup(tmp_path / "saved.db")  # taken while they ran
        store.daemon_beat(stopped=True)
    r = monitor("--config", str(path), "--db", str(db), "restore", str(tmp_path / "saved.db"))
    assert r.returncode == 0, r.stderr
    assert count(db, "SELECT count(*) FROM runs WHERE outcome = 'running'") == 0
    assert count(db, "SELECT count(*) FROM daemon WHERE stopped_at IS NULL") == 0


def test_a_restore_is_refused_while_a_daemon_runs_and_changes_nothing(setup, tmp_path):
    config, path, db = setup
    with Store(db) as store:
        store.backup(tmp_path / "saved.db")
    before = db.stat().st_ino, db.read_bytes()
    with DaemonLock(db):
        r = monitor("--config", str(path), "--db", str(db), "restore", str(tmp_path / "saved.db"))
    assert r.returncode == 2
    assert "cannot restore while a daemon runs on the archive" in r.stderr and "nothing was changed" in r.stderr
    assert (db.stat().st_ino, db.read_bytes()) == before
    assert not list(db.parent.glob("*.replaced-*")) and not list(db.parent.glob(".monitor.db.restoring*"))


def test_a_restore_is_refused_while_the_archive_has_a_live_daemons_heartbeat(setup, tmp_path):
    """A daemon in another container holds no lock here; its heartbeat in the archive says it runs."""
    config, path, db = setup
    with Store(db) as store:
        store.backup(tmp_path / "saved.db")
        store.daemon_started(poll_seconds=3600, beat_seconds=30)  # this process: alive, beating now
    r = monitor("--config", str(path), "--db", str(db), "restore", str(tmp_path / "saved.db"))
    assert r.returncode == 2 and "cannot restore while a daemon runs on the archive: running (pid" in r.stderr
    assert not list(db.parent.glob("*.replaced-*"))


def test_a_restore_is_refused_while_monitor_serve_has_the_archive_open(setup, tmp_path):
    """Datasette keeps its connections to the file it opened: replaced under it, it would go on
    serving the archive set aside. Once the server stops, the restore goes ahead."""
    from test_datasette import monitor_serve

    config, path, db = setup
    with Store(db) as store:
        store.backup(tmp_path / "saved.db")
    before = db.stat().st_ino
    with monitor_serve(db) as served:
        r = monitor("--config", str(path), "--db", str(db), "restore", str(tmp_path / "saved.db"))
        assert r.returncode == 2, r.stdout
        assert "cannot restore while `monitor serve` has the archive open" in r.stderr and "nothing was changed" in r.stderr
        assert db.stat().st_ino == before and not list(db.parent.glob("*.replaced-*"))
        assert served.url
    r = monitor("--config", str(path), "--db", str(db), "restore", str(tmp_path / "saved.db"))
    assert r.returncode == 0, r.stderr


def test_a_file_that_is_not_a_sound_backup_is_refused_and_changes_nothing(setup, tmp_path):
    config, path, db = setup
    damaged = tmp_path / "damaged.db"
    with Store(db) as store:
        store.backup(damaged)
    page = count(damaged, "PRAGMA page_size")
    data = bytearray(damaged.read_bytes())
    for n in range(1, 6):  # the headers of pages 2 to 6: no b-tree page type
        data[n * page : n * page + 8] = b"\xff" * 8
    damaged.write_bytes(bytes(data))
    (tmp_path / "notes.txt").write_text("hello")
    (tmp_path / "empty.db").write_bytes(b"")
    before = db.read_bytes()
    for name, why in (("damaged.db", "it is damaged"), ("notes.txt", "not an SQLite database"), ("missing.db", "there is no such file"), ("empty.db", "it is empty")):
        r = monitor("--config", str(path), "--db", str(db), "restore", str(tmp_path / name))
        assert r.returncode == 2, r.stdout
        assert f"{name}: cannot restore from it (" in r.stderr and why in r.stderr and "nothing was changed" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1  # one line, as every error
    r = monitor("--config", str(path), "--db", str(db), "restore", str(db))
    assert r.returncode == 2 and "is the archive itself" in r.stderr
    assert db.read_bytes() == before and not list(db.parent.glob("*.replaced-*"))


def test_a_restore_where_only_the_write_ahead_log_was_left_keeps_it_as_it_was(setup, tmp_path):
    """The archive deleted with its -wal left behind: the restore keeps the -wal (what the
    last writes held) under the kept name, and makes no empty archive out of it."""
    config, path, db = setup
    with Store(db) as store:
        store.backup(tmp_path / "saved.db")
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO runs (job, started_at, finished_at, outcome) VALUES ('poll', '2025-08-24T10:00:00+00:00', '2025-08-24T10:01:00+00:00', 'ok')")
    writer.commit()
    wal = Path(f"{db}-wal").read_bytes()
    assert wal
    db.unlink()  # deleted while the writer had it open: its -wal stays behind
    writer.close()  # closing an unlinked archive leaves the -wal as it was
    Path(f"{db}-wal").write_bytes(wal)

    r = monitor("--config", str(path), "--db", str(db), "restore", str(tmp_path / "saved.db"))
    assert r.returncode == 0, r.stderr
    kept = list(db.parent.glob("monitor.db.replaced-*"))
    assert [p.name for p in kept if p.name.endswith("-wal")], kept
    wal_kept = next(p for p in kept if p.name.endswith("-wal"))
    assert wal_kept.read_bytes() == wal
    assert not [p for p in kept if not p.name.endswith(("-wal", "-shm"))]  # no empty archive made up
    assert f"left at {db} without its archive" in r.stdout and f"kept as {wal_kept}" in r.stdout
    assert f"there was no archive at {db} before" in r.stdout
    assert "the archive it replaced is kept" not in r.stdout
    assert count(db, "SELECT count(*) FROM runs WHERE started_at = '2025-08-24T10:00:00+00:00'") == 0


def test_a_backup_or_restore_through_a_symbolic_link_replaces_the_file_it_points_at(setup, tmp_path):
    """`latest.db` a link to the copy kept on another disk, the archive a link to where its
    data lives: each is written through, as cp and SQLite do, and stays a link. Renaming over
    the link would leave the other disk's copy stale and the link turned into a file."""
    config, path, db = setup
    other_disk = tmp_path / "disk"
    other_disk.mkdir()
    latest = tmp_path / "latest.db"
    latest.symlink_to(other_disk / "monitor-copy.db")  # not there yet
    assert monitor("--config", str(path), "--db", str(db), "backup", str(latest)).returncode == 0
    assert latest.is_symlink() and (other_disk / "monitor-copy.db").is_file()
    with Store(db) as store:
        store.db.execute("INSERT INTO runs (job, started_at, finished_at, outcome) VALUES ('poll', '2025-08-24T10:00:00+00:00', '2025-08-24T10:01:00+00:00', 'ok')")
    r = monitor("--config", str(path), "--db", str(db), "backup", str(latest), "--force")
    assert r.returncode == 0, r.stderr
    assert latest.is_symlink() and latest.resolve() == (other_disk / "monitor-copy.db").resolve()
    assert count(other_disk / "monitor-copy.db", "SELECT count(*) FROM runs WHERE started_at = '2025-08-24T10:00:00+00:00'") == 1
    assert [p.name for p in other_disk.iterdir()] == ["monitor-copy.db"]  # no temporary file left

    saved = tmp_path / "saved.db"
    with Store(db) as store:
        store.backup(saved)
    data = tmp_path / "volume" / "monitor.db"
    data.parent.mkdir()
    db.rename(data)
    db.symlink_to(data)
    with Store(db) as store:
        store.db.execute("DELETE FROM items")  # a mistake after the backup
    r = monitor("--config", str(path), "--db", str(db), "restore", str(saved))
    assert r.returncode == 0, r.stderr
    assert db.is_symlink() and db.resolve() == data.resolve()
    assert count(data, "SELECT count(*) FROM items") == count(saved, "SELECT count(*) FROM items") > 0
    (kept,) = data.parent.glob("monitor.db.replaced-*")  # the archive it replaced, kept beside its data
    assert count(kept, "SELECT count(*) FROM items") == 0
    assert not list(db.parent.glob("monitor.db.replaced-*"))


def test_links_in_a_loop_are_reported_as_one_line_not_a_traceback(setup, tmp_path):
    """Two links that point at each other (a copy moved and its links left behind): a backup
    to them, or a restore into them, says what is wrong in one line, exit status 2, and
    writes nothing."""
    config, path, db = setup
    (tmp_path / "one.db").symlink_to(tmp_path / "two.db")
    (tmp_path / "two.db").symlink_to(tmp_path / "one.db")
    r = monitor("--config", str(path), "--db", str(db), "backup", str(tmp_path / "one.db"))
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.startswith(f"error: {tmp_path / 'one.db'}: cannot write the backup: Too many levels of symbolic links")
    saved = tmp_path / "saved.db"
    with Store(db) as store:
        store.backup(saved)
    r = monitor("--config", str(path), "--db", str(tmp_path / "two.db"), "restore", str(saved))
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.startswith(f"error: {tmp_path / 'two.db'}: cannot write the restored archive: Too many levels of symbolic links")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".db")) == ["one.db", "saved.db", "two.db"]
    assert (tmp_path / "one.db").is_symlink() and (tmp_path / "two.db").is_symlink()


def test_status_names_the_last_backup_that_worked_when_the_last_one_failed(setup, tmp_path):
    """A nightly backup that started failing: status says so, and when the last good copy was
    made and where it is."""
    config, path, db = setup
    good = tmp_path / "backups" / "good.db"
    assert monitor("--config", str(path), "--db", str(db), "backup", str(good)).returncode == 0
    (tmp_path / "afile").write_text("in the way")
    r = monitor("--config", str(path), "--db", str(db), "backup", str(tmp_path / "afile" / "x.db"))
    assert r.returncode == 2
    status = monitor("--config", str(path), "--db", str(db), "status").stdout
    line = next(x for x in status.splitlines() if x.startswith("Backup: "))
    assert "(failed: " in line and "a file is in the way" in line
    assert f"; the last that worked: " in line and f"(to {good})" in line

    fresh = tmp_path / "fresh.db"
    with Store(fresh) as store:
        build_archive(store, config)
    monitor("--config", str(path), "--db", str(fresh), "backup", str(tmp_path / "afile" / "y.db"))
    status = monitor("--config", str(path), "--db", str(fresh), "status").stdout
    assert "(failed: " in status and "; no backup has worked yet" in status
