"""SIGTERM stops the daemon within --shutdown-timeout, even with a poll stuck on a server that
accepts connections and never answers; nothing is written after "daemon stopped"."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import basic_sources
from procs import Hang, runs, wait_for


@pytest.fixture
def hang():
    server = Hang()
    yield server
    server.close()


def _files(db: Path) -> list[tuple[str, int, int]]:
    """The archive's files and the Atom feeds written next to it, with sizes and times."""
    paths = [*db.parent.glob(db.name + "*"), *(db.parent / "feeds").glob("*")]
    return [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(paths) if p.is_file()]


def test_sigterm_stops_a_stuck_poll_at_the_timeout(write_config, tmp_path, hang):
    config = write_config(
        f"- name: Stuck Feed\n  url: http://127.0.0.1:{hang.port}/feed.xml\n",
        extra="fetch:\n  read_timeout: 120\n  connect_timeout: 5\n  deadline: 300\n  retries: 0\n",
    )
    db = tmp_path / "monitor.db"
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "-v", "run", "--poll-every", "3600", "--shutdown-timeout", "3"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        wait_for(lambda: hang.open >= 1 and runs(db, "poll"), timeout=60)  # the catch-up poll is stuck on the feed
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)  # far less than the 120 s the read would wait
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert "exiting anyway" in err
    assert lines[-1].endswith("daemon stopped"), lines[-5:]
    wait_for(lambda: hang.closed >= hang.open, timeout=10)  # nothing of the poll lives on
    after = _files(db)
    time.sleep(2)
    assert _files(db) == after  # nothing was written after it said it stopped

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [poll] = conn.execute("SELECT outcome, finished_at, detail FROM runs WHERE job = 'poll'").fetchall()
    assert poll[0] == "stopped" and poll[1] and "shutdown" in poll[2]
    assert conn.execute("SELECT count(*) FROM fetches").fetchone()[0] == 0  # the stuck fetch never landed
    conn.close()
    assert runs(db, "poll", "running") == []


def test_a_poll_in_its_child_process_rewrites_the_feeds_and_nothing_is_written_after_stopping(write_config, tmp_path, site):
    config = write_config(basic_sources(site.base), extra="fetch:\n  host_delay: 0.0\n  retries: 0\n")
    db = tmp_path / "monitor.db"
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "-v", "run", "--poll-every", "3600", "--shutdown-timeout", "30"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        wait_for(lambda: runs(db, "poll", "ok"), timeout=120)  # the catch-up poll, run in a child process
        feeds = tmp_path / "feeds"
        assert (feeds / "stories.atom").is_file() and (feeds / "policy.atom").is_file()
        assert b"<entry" in (feeds / "stories.atom").read_bytes()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines[-1].endswith("daemon stopped") and "exiting anyway" not in err, lines[-5:]
    after = _files(db)
    time.sleep(2)
    assert _files(db) == after


def test_sighup_reads_sources_yaml_again_and_ends_neither_the_daemon_nor_its_job(write_config, tmp_path, hang):
    """SIGHUP, sent by `systemctl reload` or by a terminal that closes to every process in it,
    ended the daemon on the spot: no stop recorded, its job's process gone with it. It now
    reads sources.yaml again at once and goes on; SIGTERM still stops it cleanly."""
    import os

    sources = f"- name: Stuck Feed\n  url: http://127.0.0.1:{hang.port}/feed.xml\n"
    extra = "fetch:\n  read_timeout: 120\n  connect_timeout: 5\n  deadline: 300\n  retries: 0\n"
    config = write_config(sources, extra=extra)
    db = tmp_path / "monitor.db"
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "-v", "run", "--poll-every", "3600", "--shutdown-timeout", "3"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path, start_new_session=True)
    try:
        wait_for(lambda: hang.open >= 1 and runs(db, "poll"), timeout=60)  # the catch-up poll waits on the feed
        os.killpg(proc.pid, signal.SIGHUP)  # as a closed terminal does: the daemon and its job's process
        time.sleep(2)
        assert proc.poll() is None
        assert hang.closed < hang.open and runs(db, "poll", "running")  # the job's process goes on too
        write_config(sources + "- name: Other Feed\n  url: http://127.0.0.1:9/other.xml\n", extra=extra)
        proc.send_signal(signal.SIGHUP)  # taken up now, not at the next look 30 s on
        time.sleep(2)
        assert proc.poll() is None
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert "received SIGHUP: " in err and "nothing changed that the daemon uses; the daemon goes on" in err, err
    assert "changed; the daemon uses it from now on: 1 source added (Other Feed)" in err, err
    assert err.rstrip().endswith("daemon stopped"), err[-500:]
    [poll] = runs(db, "poll")
    assert poll["outcome"] == "stopped" and poll["finished_at"], poll
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT stopped_at FROM daemon").fetchone()[0] is not None  # a clean stop, recorded
    conn.close()
