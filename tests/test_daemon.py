"""The daemon: real processes, short intervals, signals, kill -9, one instance, catch-up."""

from __future__ import annotations

import logging
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import basic_sources
from procs import runs, wait_for

from monitor.config import load_config
from monitor.daemon import ConfigWatch, Daemon, Plan, healthy
from monitor.sitesrv import SiteServer
from monitor.store import Store
from monitor.weeks import last_completed_week

SITES = Path(__file__).parent / "sites"
EXPECTED_ITEMS = 6  # 4 + 1 feed items and 1 press release on the basic fixture site


def monitor(config: Path, db: Path, *args: str, **kw) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "-v", *args]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 30) -> tuple[int, str]:
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


@pytest.fixture
def daemon_config(site, write_config):
    return write_config(
        basic_sources(site.base),
        extra="schedule:\n  catch_up_days: 30\n  digest_hour: 0\nfetch:\n  host_delay: 0.01\n  per_host: 4\n  retries: 0\n",
    )


def test_sigterm_restart_and_exactly_one_digest(daemon_config, tmp_path, monkeypatch):
    monkeypatch.delenv("MONITOR_SMTP_HOST", raising=False)
    db = tmp_path / "monitor.db"
    first = monitor(daemon_config, db, "run", "--poll-every", "2", cwd=tmp_path)
    wait_for(lambda: len(runs(db, "poll", "ok")) >= 2 and runs(db, "digest", "ok"))
    code, err = stop(first)
    assert code == 0, err
    assert "daemon stopped" in err

    second = monitor(daemon_config, db, "run", "--poll-every", "2", cwd=tmp_path)
    polls_before = len(runs(db, "poll"))
    wait_for(lambda: len(runs(db, "poll", "ok")) >= polls_before + 2)
    code, err = stop(second, signal.SIGINT)
    assert code == 0, err

    digest_runs = runs(db, "digest")
    assert [r["outcome"] for r in digest_runs] == ["ok"]
    assert all(r["finished_at"] for r in runs(db, "poll"))
    with Store(db) as s:
        assert s.count_items() == EXPECTED_ITEMS
        week = last_completed_week(load_config(daemon_config).tz)
        assert s.digest(week)["status"] == "sent"
        assert s.db["digests"].count == 1


def test_a_daemon_with_stdout_closed_and_its_log_reader_gone_polls_digests_and_stops_cleanly(daemon_config, tmp_path, monkeypatch):
    """Started with standard output closed and its log going to a pipe whose reader went away
    (a journal that stopped, `monitor run 2>&1 >&- | head -1`): it writes nothing to standard
    output and its log lines are lost, but it polls, sends the digest once and stops cleanly."""
    import os

    monkeypatch.delenv("MONITOR_SMTP_HOST", raising=False)
    db = tmp_path / "monitor.db"
    read, write = os.pipe()
    os.close(read)
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(daemon_config), "--db", str(db), "-v", "run", "--poll-every", "2"]
    try:
        daemon = subprocess.Popen(["sh", "-c", 'exec "$@" >&-', "sh", *cmd], stderr=write, cwd=tmp_path)
    finally:
        os.close(write)
    try:
        wait_for(lambda: len(runs(db, "poll", "ok")) >= 2 and runs(db, "digest", "ok"))
        daemon.send_signal(signal.SIGTERM)
        assert daemon.wait(30) == 0
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
    assert [r["outcome"] for r in runs(db, "digest")] == ["ok"]
    assert all(r["outcome"] == "ok" for r in runs(db, "poll")), runs(db, "poll")
    with Store(db) as s:
        assert s.count_items() == EXPECTED_ITEMS


@pytest.mark.parametrize("sig, group", [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGTERM, True)], ids=["SIGTERM", "Ctrl-C", "SIGTERM to every process of the service"])
def test_a_daemon_stopped_while_its_digest_waits_to_retry_smtp_leaves_the_week_failed_for_the_next_run(site, write_config, tmp_path, sig, group):
    """The mail server refuses the connection and the digest job waits to try again when the
    daemon is stopped: nothing was handed over, so the week is failed (not in doubt), the
    daemon exits at once rather than at --shutdown-timeout, and the next start sends it. A
    service manager that signals the job's process too changes nothing: the daemon decides."""
    import os
    import socket

    from aiosmtpd.controller import Controller

    def free_port() -> int:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    config = write_config(basic_sources(site.base), extra="schedule:\n  catch_up_days: 30\n  digest_hour: 0\ndigest:\n  recipients: [reader@example.com]\nfetch:\n  host_delay: 0.01\n  retries: 0\n")
    week = last_completed_week(load_config(config).tz)
    db = tmp_path / "monitor.db"
    env = {**os.environ, "MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(free_port()), "MONITOR_SMTP_SECURITY": "none"}
    daemon = monitor(config, db, "run", "--poll-every", "3600", "--shutdown-timeout", "20", cwd=tmp_path, env=env, start_new_session=group)
    try:
        for line in daemon.stderr:  # the first attempt is refused; the job waits 10 s to try again
            if "retrying in" in line:
                break
        started = time.monotonic()
        if group:
            os.killpg(daemon.pid, sig)
        code, err = stop(daemon, sig, timeout=60) if not group else (daemon.wait(60), daemon.stderr.read())
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
    assert code == 0 and "daemon stopped" in err, err
    assert time.monotonic() - started < 10, err  # not killed at the shutdown timeout
    assert "exiting anyway" not in err
    with Store(db) as s:
        row = s.digest(week)
    assert row["status"] == "failed", row
    assert row["error"].startswith("stopped while waiting to try again after 1 attempt: cannot connect to the mail server 127.0.0.1:"), row
    [run] = runs(db, "digest")
    assert run["outcome"] == "stopped" and run["finished_at"], run

    class Recorder:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(envelope.content)
            return "250 OK"

    handler, port = Recorder(), free_port()
    smtp = Controller(handler, hostname="127.0.0.1", port=port)
    smtp.start()
    again = monitor(config, db, "run", "--poll-every", "3600", cwd=tmp_path, env={**env, "MONITOR_SMTP_PORT": str(port)})
    try:
        wait_for(lambda: runs(db, "digest", "ok"), timeout=60)
    finally:
        code, err = stop(again)
        smtp.stop()
    assert code == 0, err
    with Store(db) as s:
        assert s.digest(week)["status"] == "sent"
    assert len(handler.messages) == 1


def test_second_daemon_is_refused(daemon_config, tmp_path):
    db = tmp_path / "monitor.db"
    first = monitor(daemon_config, db, "run", "--poll-every", "5", cwd=tmp_path)
    try:
        wait_for(lambda: runs(db, "poll"))
        second = monitor(daemon_config, db, "run", cwd=tmp_path)
        _, err = second.communicate(timeout=30)
        assert second.returncode == 2
        assert "already running" in err and str(first.pid) in err
    finally:
        stop(first)


def status_of(config: Path, db: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "status"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_daemon_whose_archive_is_deleted_or_replaced_stops_and_says_so(daemon_config, tmp_path, how):
    """The archive is deleted (or another file, an older copy say, is moved into its place)
    while the daemon runs: the daemon does not start a new, empty archive at the path, nor
    go on writing to the other file; it stops, exit 2, saying what happened and what to do."""
    db = tmp_path / "monitor.db"
    proc = monitor(daemon_config, db, "run", "--poll-every", "1", cwd=tmp_path)
    try:
        wait_for(lambda: runs(db, "poll", "ok"))
        if how == "replaced":
            copy = tmp_path / "copy.db"
            with Store(db) as s, sqlite3.connect(copy) as out:
                s.db.conn.backup(out)
            polls = len(runs(copy, "poll"))
            copy.replace(db)
        else:
            for path in tmp_path.glob("monitor.db*"):
                if not path.name.endswith(".lock"):
                    path.unlink()
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 2, err
    said = "was deleted or moved away" if how == "deleted" else "was replaced by another file"
    assert f"error: the archive {db} {said} while the daemon ran; the daemon stops" in err
    assert "put the archive back (a copy is put in place with the daemon stopped), then start the daemon again" in err
    if how == "deleted":
        assert not db.exists()  # no new, empty archive in its place
    else:
        assert len(runs(db, "poll")) == polls  # nothing written to the file put in its place


def test_status_says_whether_a_daemon_runs_and_shows_next_runs_only_while_one_does(daemon_config, tmp_path):
    db = tmp_path / "monitor.db"
    daemon = monitor(daemon_config, db, "run", "--poll-every", "30", cwd=tmp_path)
    try:
        wait_for(lambda: runs(db, "poll", "ok"))
        status = status_of(daemon_config, db)
        assert f"Daemon: running (pid {daemon.pid} on {socket.gethostname()}, since " in status, status
        assert "\nSchedule:\n  poll: every 0.5 min; last " in status, status  # the interval the running daemon polls at
        assert "none scheduled" not in status
    finally:
        code, err = stop(daemon)
    assert code == 0, err
    status = status_of(daemon_config, db)
    assert f"Daemon: not running; the last one (pid {daemon.pid} on {socket.gethostname()}) stopped at " in status, status
    assert "Schedule (what a running daemon does; nothing runs on schedule now):" in status
    assert "  poll: every 60 min; last " in status and "; next none scheduled, no daemon is running" in status  # the configuration's


def test_status_after_the_daemon_was_killed_says_it_is_not_running(daemon_config, tmp_path):
    db = tmp_path / "monitor.db"
    Store(db).close()  # an archive no daemon has run on
    assert "Daemon: not running (none has run on this archive); start one with `monitor run`" in status_of(daemon_config, db)
    daemon = monitor(daemon_config, db, "run", "--poll-every", "30", cwd=tmp_path)
    try:
        wait_for(lambda: runs(db, "poll", "ok"))
    finally:
        daemon.kill()
        daemon.communicate(timeout=30)
    status = status_of(daemon_config, db)
    assert f"Daemon: not running; the last one (pid {daemon.pid} on {socket.gethostname()}) was last seen at " in status, status
    assert "did not record a stop (killed, or its machine went down)" in status
    assert "next none scheduled, no daemon is running" in status


def test_the_heartbeat_is_written_while_the_daemon_runs_and_its_stop_recorded(tmp_path):
    from monitor.daemon import Heartbeat

    db = tmp_path / "monitor.db"
    beat = Heartbeat(str(db), poll_seconds=600, beat_seconds=0.1)
    beat.start()
    try:
        with Store(db) as s:
            first = s.daemon()
        assert first["stopped_at"] is None and first["poll_seconds"] == 600
        def seen() -> str:
            with Store(db) as s:
                return s.daemon()["seen_at"]

        wait_for(lambda: seen() > first["seen_at"])  # it beats
    finally:
        beat.stop()
    with Store(db) as s:
        assert s.daemon()["stopped_at"] is not None


def test_kill_9_mid_poll_leaves_a_sound_archive(write_config, tmp_path):
    db = tmp_path / "monitor.db"
    rng = random.Random(7)
    with SiteServer(SITES / "basic", delay=0.15) as slow:
        config = write_config(
            basic_sources(slow.base),
            extra="fetch:\n  host_delay: 0.0\n  per_host: 2\n  retries: 0\n",
        )
        for _ in range(20):
            seen = len(slow.requests)
            proc = monitor(config, db, "poll", cwd=tmp_path)
            wait_for(lambda seen=seen, proc=proc: len(slow.requests) > seen or proc.poll() is not None, every=0.02)  # the poll is under way
            time.sleep(rng.uniform(0.0, 0.8))
            proc.kill()
            proc.wait(timeout=30)
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM (SELECT canonical_url FROM items GROUP BY canonical_url HAVING count(*) > 1)").fetchone()[0] == 0
        # items and the fetch record that counts them land together: nothing half-written
        stored = dict(conn.execute("SELECT source, count(*) FROM items GROUP BY source").fetchall())
        counted = dict(conn.execute("SELECT source, sum(new_items) FROM fetches GROUP BY source HAVING sum(new_items) > 0").fetchall())
        assert stored == counted
        conn.close()
        done = subprocess.run([sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "poll"], capture_output=True, text=True, timeout=120, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    with Store(db) as s:
        assert s.count_items() == EXPECTED_ITEMS
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ----------------------------------------------------------------------------- in-process


def test_missed_jobs_on_start(site_config, tmp_path):
    db = tmp_path / "m.db"
    now = datetime(2025, 8, 27, 12, 0, tzinfo=timezone.utc)  # Wednesday of 2025-W35
    d = Daemon(site_config, str(db))
    assert d.missed(now) == ["poll", "digest"]  # nothing ever ran; 2025-W34 not sent
    with Store(db) as s:
        s.db["runs"].insert({"job": "poll", "started_at": (now - timedelta(minutes=5)).isoformat(), "outcome": "ok"})
        s.set_digest("2025-W34", status="sent")
    assert d.missed(now) == []
    # a digest older than catch_up_days (3) is not sent late
    with Store(db) as s:
        s.db["digests"].delete("2025-W34")
    saturday = datetime(2025, 8, 30, 12, 0, tzinfo=timezone.utc)  # W34 ended 5.5 days ago
    assert d.missed(saturday) == ["poll"]
    # before Monday 08:00 Karachi the last week's digest is not due yet
    early = datetime(2025, 8, 25, 2, 0, tzinfo=timezone.utc)  # Monday 07:00 in Karachi
    assert "digest" not in d.missed(early)


def _catching_up(config, db: Path, events: list[str], *, poll_seconds: float = 1.5) -> Daemon:
    """A daemon whose poll takes ``poll_seconds`` and that missed both jobs while it was down."""

    def poll() -> str:
        events.append("poll started")
        time.sleep(poll_seconds)
        events.append("poll ended")
        return "polled"

    d = Daemon(config, str(db), jobs={"poll": poll, "digest": lambda: events.append("digest started") or "sent"})
    d.missed = lambda now=None: ["poll", "digest"]
    Store(db).close()
    d.build()
    return d


def _run_until(d, condition) -> None:
    """Run ``d``'s scheduler in a thread until ``condition`` holds, then stop it and wait for
    its jobs to end."""
    import threading

    runner = threading.Thread(target=d.scheduler.start)
    runner.start()
    try:
        wait_for(condition, timeout=60)
    finally:
        d.stop()
        runner.join(timeout=30)
    assert d.wait_idle()


def test_the_catch_up_digest_runs_after_the_catch_up_poll(site_config, tmp_path):
    """Items published while the daemon was down are stored before their week's digest goes out."""
    db, events = tmp_path / "m.db", []
    d = _catching_up(site_config, db, events)
    _run_until(d, lambda: "digest started" in events)
    assert events == ["poll started", "poll ended", "digest started"]
    [poll] = runs(db, "poll")
    [digest] = runs(db, "digest")
    assert digest["started_at"] >= poll["finished_at"]


def test_a_catch_up_digest_still_waiting_for_its_poll_does_not_start_after_a_stop(site_config, tmp_path):
    db, events = tmp_path / "m.db", []
    d = _catching_up(site_config, db, events)
    _run_until(d, lambda: "poll started" in events)
    time.sleep(1.0)  # the catch-up digest looks twice a second whether it may start
    assert events == ["poll started", "poll ended"] and runs(db, "digest") == []


def test_a_crashed_send_is_not_counted_as_sent(site_config, tmp_path):
    db = tmp_path / "m.db"
    now = datetime(2025, 8, 26, 12, 0, tzinfo=timezone.utc)
    with Store(db) as s:
        s.set_digest("2025-W34", status="sending")
    assert "digest" in Daemon(site_config, str(db)).missed(now)


def test_scheduler_job_defaults(site_config, tmp_path):
    d = Daemon(site_config, str(tmp_path / "m.db"))
    d.build(datetime(2025, 8, 27, 12, 0, tzinfo=timezone.utc))
    for job in d.scheduler.get_jobs():
        assert job.coalesce is True and job.max_instances == 1
        assert job.misfire_grace_time >= 3600
    assert {j.id for j in d.scheduler.get_jobs()} == {"poll", "digest", "digest-catch-up", "config", "archive"}


def test_digest_fires_monday_0800_karachi(site_config):
    plan = Plan.from_config(site_config)
    after = datetime(2025, 8, 20, tzinfo=timezone.utc)
    fire = plan.next_digest(after)
    assert fire.astimezone(site_config.tz).strftime("%a %H:%M") == "Mon 08:00"
    assert fire.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M") == "2025-08-25 03:00"


def test_per_source_interval_shortens_the_poll_job(write_config):
    config = load_config(write_config("- name: A\n  url: https://a.example.com/feed\n  interval: 15\n"))
    assert Plan.from_config(config).poll_seconds == 15 * 60


def test_failing_job_is_recorded_and_daemon_survives(site_config, tmp_path):
    db = tmp_path / "m.db"

    def boom() -> str:
        raise RuntimeError("disk on fire")

    d = Daemon(site_config, str(db), jobs={"poll": boom})
    d.run_job("poll")
    [run] = runs(db, "poll")
    assert run["outcome"] == "error" and "disk on fire" in run["detail"]


def test_a_job_whose_run_cannot_be_written_for_a_lock_is_one_line_and_the_daemon_goes_on(site_config, tmp_path, caplog, monkeypatch):
    """Another process (an sqlite3 shell left in BEGIN, a long copy) holds the archive's write
    lock past SQLite's wait as a job starts: the scheduler logged SQLite's raw
    OperationalError with a traceback. It is one line naming the archive and the lock now,
    and the next job runs."""
    db = tmp_path / "m.db"
    with Store(db):
        pass
    ran = []
    d = Daemon(site_config, str(db), jobs={"poll": lambda: ran.append(1) or "done"})
    holder = sqlite3.connect(db, isolation_level=None)
    waiter = sqlite3.connect(db, isolation_level=None, timeout=0)  # SQLite's 30 s wait, over at once

    def start_run(self, job: str) -> int:
        waiter.execute("BEGIN IMMEDIATE")  # what start_run's transaction meets: the lock held
        raise AssertionError("the lock was not held")

    real_start_run = Store.start_run
    monkeypatch.setattr(Store, "start_run", start_run)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with caplog.at_level(logging.ERROR, logger="monitor.daemon"):
            d.run_job("poll")  # raised sqlite3.OperationalError
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        waiter.close()
    assert ran == [] and runs(db, "poll") == []
    [record] = [r for r in caplog.records if r.name == "monitor.daemon"]
    assert record.getMessage() == (
        f"job poll did not start, and the daemon goes on: {db}: the archive is locked by another process, which kept"
        " it locked past the wait (database is locked); try again once it is done"
    )
    assert record.exc_info is None
    monkeypatch.setattr(Store, "start_run", real_start_run)
    d.run_job("poll")  # the lock is gone: the next one runs
    assert ran == [1] and [r["outcome"] for r in runs(db, "poll")] == ["ok"]


def test_health(site_config, tmp_path):
    with Store(tmp_path / "m.db") as s:
        assert healthy(s, site_config)[0] is False
        run_id = s.start_run("poll")
        s.finish_run(run_id, "ok")
        assert healthy(s, site_config)[0] is True
        later = datetime.now(timezone.utc) + timedelta(hours=4)
        assert healthy(s, site_config, later)[0] is False


def test_health_says_how_long_ago_the_last_poll_was_in_words(site_config, tmp_path):
    with Store(tmp_path / "m.db") as s:
        s.finish_run(s.start_run("poll"), "ok")
        now = datetime.now(timezone.utc)
        assert site_config.schedule.poll_every == 60
        every = "polls are due every 60 min"
        nobody = "no daemon has run on this archive (start one with `monitor run`)"
        assert healthy(s, site_config, now + timedelta(hours=4, minutes=1)) == (False, f"last successful poll 4 h ago, and {every}: {nobody}")
        assert healthy(s, site_config, now + timedelta(days=5, seconds=1)) == (False, f"last successful poll 5 days ago, and {every}: {nobody}")


def test_scheduled_jobs_fire_and_are_recorded(site_config, tmp_path):
    """The scheduler itself runs the poll and the weekly digest job at their times."""
    import threading

    from apscheduler.triggers.cron import CronTrigger

    db = tmp_path / "m.db"
    fired: list[str] = []
    d = Daemon(site_config, str(db), poll_seconds=1, jobs={"poll": lambda: fired.append("poll") or "polled", "digest": lambda: fired.append("digest") or "sent"})
    d.plan = Plan(poll_seconds=1, digest=CronTrigger(second="*", timezone=site_config.tz))  # "due soon": every second
    Store(db).close()
    d.build()
    runner = threading.Thread(target=d.scheduler.start)
    runner.start()
    try:
        wait_for(lambda: fired.count("poll") >= 2 and fired.count("digest") >= 2, timeout=60)  # at most one is a catch-up
    finally:
        d.stop()
        runner.join(timeout=30)
    assert d.wait_idle()
    assert runs(db, "digest", "ok") and len(runs(db, "poll", "ok")) >= 2


def test_a_failed_send_is_a_failed_run(site_config, tmp_path, monkeypatch):
    """An SMTP server that refuses the recipient: the digest job's run is recorded as an error."""
    import socket

    from aiosmtpd.controller import Controller

    class Refuse:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            return "550 5.1.1 no such mailbox"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    smtp = Controller(Refuse(), hostname="127.0.0.1", port=port)
    smtp.start()
    try:
        monkeypatch.setenv("MONITOR_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("MONITOR_SMTP_PORT", str(port))
        monkeypatch.setenv("MONITOR_SMTP_SECURITY", "none")
        config = replace(site_config, digest=replace(site_config.digest, recipients=("reader@example.com",)))
        db = tmp_path / "m.db"
        Store(db).close()
        Daemon(config, str(db)).run_job("digest")
    finally:
        smtp.stop()
    [run] = runs(db, "digest")
    assert run["outcome"] == "error" and "failed" in run["detail"]


def test_a_start_names_the_digests_left_unsent_past_catch_up(site_config, tmp_path, caplog):
    db = tmp_path / "u.db"
    d = Daemon(site_config, str(db))
    with Store(db) as s:
        s.db["runs"].insert({"job": "poll", "started_at": "2025-08-05T06:00:00+00:00", "outcome": "ok"})  # Tuesday of 2025-W32
        s.set_digest("2025-W32", status="sent")
    saturday = datetime(2025, 8, 30, 12, 0, tzinfo=timezone.utc)  # W34 ended 5.5 days ago, W33 12.5
    assert d.left_unsent(saturday) == ["2025-W34", "2025-W33"]
    assert d.missed(saturday) == ["poll"]
    with caplog.at_level(logging.WARNING, logger="monitor.daemon"):
        d.build(saturday)
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert said == [
        "digest 2025-W34 was never sent and is older than schedule.catch_up_days (3 days), so it is not sent now; to send it: monitor digest --week 2025-W34 --send",
        "digest 2025-W33 was never sent and is older than schedule.catch_up_days (3 days), so it is not sent now; to send it: monitor digest --week 2025-W33 --send",
    ]
    # a week still within catch-up is sent on start, not named; weeks before the first poll are not named
    wednesday = datetime(2025, 8, 27, 12, 0, tzinfo=timezone.utc)
    assert d.left_unsent(wednesday) == ["2025-W33"]
    assert Daemon(site_config, str(tmp_path / "empty.db")).left_unsent(saturday) == []


# --------------------------------------------------------------------------- sources.yaml edited while it runs


def _fetched(db: Path, source: str) -> int:
    if not db.exists():
        return 0
    with Store(db, readonly=True) as s:
        return s.db.execute("SELECT count(*) FROM fetches WHERE source = ?", [source]).fetchone()[0]


def test_the_running_daemon_takes_up_an_edited_sources_yaml_and_keeps_the_last_good_one(site, write_config, tmp_path):
    """A source added to the file is polled by the next poll, without a restart, and the log
    says so; a file broken mid-edit is named once as an error and the daemon goes on with
    the version it read last."""
    fetch = "fetch:\n  host_delay: 0.01\n  retries: 0\n"
    config = write_config(f"- name: Good Feed\n  url: {site.base}/feeds/good.xml\n  full_text: false\n", extra=fetch)
    db = tmp_path / "monitor.db"
    proc = monitor(config, db, "run", "--poll-every", "2", cwd=tmp_path)
    try:
        wait_for(lambda: runs(db, "poll", "ok"), timeout=60)
        write_config(
            f"- name: Good Feed\n  url: {site.base}/feeds/good.xml\n  full_text: false\n- name: Second Feed\n  url: {site.base}/feeds/second.xml\n  full_text: false\n",
            extra=fetch,
        )
        wait_for(lambda: _fetched(db, "Second Feed"), timeout=60)
        broken = config.read_text(encoding="utf-8").replace("  retries: 0\n", "  retries: 0\n  retires: 2\n")
        config.write_text(broken, encoding="utf-8")
        polls = len(runs(db, "poll", "ok"))
        wait_for(lambda: len(runs(db, "poll", "ok")) >= polls + 3, timeout=60)  # it polls on, with both sources
        code, err = stop(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert code == 0, err
    assert f"WARNING {config} changed; the daemon uses it from now on: 1 source added (Second Feed)" in err
    errors = [line for line in err.splitlines() if " ERROR " in line]
    assert len(errors) == 1, errors  # once, not at every look
    assert f"{config} changed, but the daemon cannot use it and keeps the version it read at " in errors[0]
    assert errors[0].endswith("key 'fetch.retires': unknown key 'retires' (did you mean 'retries'?)")
    assert _fetched(db, "Second Feed") >= 1


def test_a_broken_sources_yaml_put_right_again_is_said_to_be_usable(write_config, caplog):
    """The mistake logged as an error is undone, so the file says what the daemon's version
    says: one line says the file can be used again, rather than leaving the error the last
    word in the log; a comment edited after that says nothing."""
    good = "- name: A\n  url: https://a.example.com/feed\n"
    path = write_config(good)
    watch = ConfigWatch(load_config(path))
    with caplog.at_level(logging.INFO, logger="monitor.daemon"):
        write_config(good.replace("url:", "ulr:"))
        assert watch.check() is None
        write_config(good)
        assert watch.check() is None
        write_config("# the feed\n" + good)
        assert watch.check() is None
    said = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert [level for level, _ in said] == ["ERROR", "WARNING"], said
    assert said[1][1].startswith(f"{path} can be used again; it says what the version the daemon read at ")
    assert said[1][1].endswith(", which it goes on with")


def test_a_broken_sources_yaml_with_several_mistakes_is_one_log_line_naming_them_all(write_config, caplog):
    good = "- name: A\n  url: https://a.example.com/feed\n- name: B\n  url: https://b.example.com/feed\n"
    path = write_config(good)
    watch = ConfigWatch(load_config(path))
    with caplog.at_level(logging.INFO, logger="monitor.daemon"):
        write_config(good.replace("url:", "ur:"))
        assert watch.check() is None
    (record,) = caplog.records
    message = record.getMessage()
    assert "\n" not in message  # one event, one line of the log
    assert message.count("unknown key 'ur' (did you mean 'url'?)") == 2
    assert "key 'sources[0].ur'" in message and "key 'sources[1].ur'" in message
    assert "missing required key" not in message  # the key taken for 'url' is not said to be missing too


def test_an_edited_interval_or_digest_time_moves_the_schedule_and_the_heartbeat(write_config, tmp_path):
    import threading

    config = write_config("- name: A\n  url: https://a.example.com/feed\n- name: B\n  url: https://b.example.com/feed\n")
    db = tmp_path / "m.db"
    d = Daemon(load_config(config), str(db), jobs={"poll": lambda: "polled", "digest": lambda: "sent"})
    Store(db).close()
    d.heartbeat.start()
    d.build()
    runner = threading.Thread(target=d.scheduler.start)
    runner.start()
    try:
        write_config("- name: A\n  url: https://a.example.com/feed\n  interval: 15\n", extra="schedule:\n  digest_day: tue\n")
        d.reload_config()
        assert d.scheduler.get_job("poll").trigger.interval == timedelta(minutes=15)
        assert "day_of_week='tue'" in str(d.scheduler.get_job("digest").trigger)
        assert [s.name for s in d.config.sources] == ["A"]
        with Store(db, readonly=True) as s:
            assert s.daemon()["poll_seconds"] == 900.0  # what `monitor status` and `monitor health` read
    finally:
        d.stop()
        runner.join(timeout=30)
        d.heartbeat.stop()


def test_what_an_edit_changes_is_said_in_words(write_config):
    from monitor.daemon import config_changes

    old = load_config(write_config("- name: A\n  url: https://a.example.com/feed\n- name: B\n  url: https://b.example.com/feed\n"))
    new = load_config(write_config("# a comment moves every line\n- name: B\n  url: https://b.example.com/feed\n- name: C\n  url: https://c.example.com/feed\n  interval: 20\n"))
    assert config_changes(old, new) == "1 source added (C); 1 source removed (A); polls every 20 min (was 60)"
    assert config_changes(old, new, poll_seconds=5) == "1 source added (C); 1 source removed (A)"  # run --poll-every: the interval is not the file's
    assert config_changes(old, old) == "nothing the daemon uses"


def test_the_schedule_the_daemon_logs_at_start_reads_as_the_status_does(write_config, tmp_path, caplog):
    """The start's schedule line gave the digest's trigger as the scheduler prints it
    ("cron[day_of_week='mon', hour='8', minute='0']"); it now gives it as `monitor status`
    does, with the next digest's time in the configured timezone."""
    config = load_config(write_config("- name: A\n  url: https://a.example.com/feed\n", extra="schedule:\n  digest_day: thu\n  digest_hour: 9\n  digest_minute: 30\n"))
    db = tmp_path / "m.db"
    Store(db).close()
    d = Daemon(config, str(db), jobs={"poll": lambda: "polled", "digest": lambda: "sent"})
    d.missed = lambda now=None: []
    with caplog.at_level(logging.INFO, logger="monitor.daemon"):
        d.build()
    (line,) = [r.getMessage() for r in caplog.records if r.getMessage().startswith("schedule: ")]
    assert line.startswith("schedule: poll every 60 min, digest thu 09:30 Asia/Karachi (next 20") and line.endswith(" PKT); catching up: nothing"), line
    assert "cron[" not in line
