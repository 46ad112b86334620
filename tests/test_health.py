"""`monitor health` (the Docker HEALTHCHECK) tells the truth through a total outage."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from faultsite import FAULTS, fixture_bytes
from procs import runs, wait_for

from monitor.config import load_config
from monitor.daemon import Daemon, healthy
from monitor.sitesrv import SiteServer, send
from monitor.store import Store


class Switch:
    """A feed that is down (503) until switched back on."""

    def __init__(self):
        self.down = True

    def __call__(self, h) -> None:
        if self.down:
            send(h, 503, b"maintenance", "text/plain")
        else:
            send(h, 200, fixture_bytes(h, "feed.xml"), "application/rss+xml")


def monitor(config: Path, db: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def outage(write_config):
    switch = Switch()
    with SiteServer(FAULTS, routes={"/a.xml": switch, "/b.xml": switch}) as server:
        config = write_config(
            f"""
            - name: Feed A
              url: {server.base}/a.xml
              full_text: false
            - name: Feed B
              url: {server.base}/b.xml
              full_text: false
            """,
            extra="fetch:\n  host_delay: 0.0\n  retries: 0\n",
        )
        yield config, switch


def test_the_daemon_goes_unhealthy_when_every_source_fails_and_recovers_after(outage, tmp_path):
    config_path, switch = outage
    db = tmp_path / "monitor.db"
    daemon = Daemon(load_config(config_path), str(db))
    daemon.run_job("poll")  # the scheduled poll: both sources fail
    health = monitor(config_path, db, "health")
    assert health.returncode == 1, health.stdout
    assert health.stdout.startswith("unhealthy: last poll failed") and "every source failing (2 failed now" in health.stdout

    daemon.run_job("poll")  # the next one: both are backing off, nothing is due
    health = monitor(config_path, db, "health")
    assert health.returncode == 1, health.stdout
    assert "every source failing (0 failed now, 2 backing off)" in health.stdout

    switch.down = False
    assert monitor(config_path, db, "poll", "--force").returncode == 0
    health = monitor(config_path, db, "health")
    assert health.returncode == 0, health.stdout
    assert health.stdout.startswith("healthy: ")
    with Store(db) as store:
        outcomes = [r["outcome"] for r in store.db["runs"].rows_where("job = 'poll'", order_by="id")]
    assert outcomes == ["failed", "failed", "ok"]


def test_a_manual_poll_where_every_source_fails_is_a_failed_run(outage, tmp_path):
    config_path, _ = outage
    db = tmp_path / "monitor.db"
    poll = monitor(config_path, db, "poll")
    assert poll.returncode == 1
    health = monitor(config_path, db, "health")
    assert health.returncode == 1 and "every source failing" in health.stdout
    with Store(db) as store:
        [run] = store.db["runs"].rows
    assert run["outcome"] == "failed" and "2 sources: 0 ok" in run["detail"]


def test_one_working_source_keeps_the_poll_healthy(write_config, tmp_path):
    with SiteServer(FAULTS, routes={"/down.xml": lambda h: send(h, 503, b"x", "text/plain")}) as server:
        config_path = write_config(
            f"- name: Up\n  url: {server.base}/feed.xml\n  full_text: false\n- name: Down\n  url: {server.base}/down.xml\n",
            extra="fetch:\n  host_delay: 0.0\n  retries: 0\n",
        )
        db = tmp_path / "monitor.db"
        Daemon(load_config(config_path), str(db)).run_job("poll")
        health = monitor(config_path, db, "health")
    assert health.returncode == 0, health.stdout


def test_an_outage_of_every_kind_of_source_is_a_failed_poll(write_config, tmp_path):
    """A watched page that answers 503, a workbook that is not one and a listing page with
    nothing in it where the text should be: every source failed, whatever its kind."""
    routes = {
        "/policy.html": lambda h: send(h, 503, b"maintenance", "text/plain"),
        "/dt.xls": lambda h: send(h, 200, b"<html><body>Access denied</body></html>", "text/html"),
        "/notice.html": lambda h: send(h, 200, b"", "text/html"),
    }
    with SiteServer(FAULTS, routes=routes) as server:
        config_path = write_config(
            f"""
            - name: Watched
              url: {server.base}/policy.html
              kind: watch
            - name: Workbook
              url: {server.base}/dt.xls
              kind: sbp_ebops
            - name: Notice
              url: {server.base}/notice.html
              kind: watch
            """,
            extra="fetch:\n  host_delay: 0.0\n  retries: 0\n",
        )
        db = tmp_path / "monitor.db"
        Daemon(load_config(config_path), str(db)).run_job("poll")
        health = monitor(config_path, db, "health")
    assert health.returncode == 1, health.stdout
    assert "every source failing (3 failed now" in health.stdout
    with Store(db) as store:
        states = {s.name: (s.consecutive_failures, s.last_outcome) for s in store.source_states().values()}
    assert states["Watched"] == (1, "http_5xx") and states["Workbook"][0] == 1 and states["Notice"] == (1, "empty")


# --------------------------------------------------------------------------- the daemon's heartbeat


def _daemon(config: Path, db: Path, *args: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "run", "--shutdown-timeout", "30", *args]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=db.parent)


@pytest.fixture
def feed_config(write_config):
    with SiteServer(FAULTS) as server:
        yield write_config(f"- name: Up\n  url: {server.base}/feed.xml\n  full_text: false\n", extra="fetch:\n  host_delay: 0.0\n  retries: 0\n")


def test_health_is_red_once_the_daemon_stops_even_right_after_a_good_poll(feed_config, tmp_path):
    """The container's health check follows the daemon's heartbeat, not only the last poll's
    age: a daemon stopped cleanly, or killed, is unhealthy at once, though its poll is recent."""
    db = tmp_path / "monitor.db"
    proc = _daemon(feed_config, db, "--poll-every", "3600")
    try:
        wait_for(lambda: runs(db, "poll", "ok"), timeout=120)
        health = monitor(feed_config, db, "health")
        assert health.returncode == 0, health.stdout
        assert health.stdout.startswith("healthy: last successful poll ") and f"; daemon running (pid {proc.pid} on " in health.stdout
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    health = monitor(feed_config, db, "health")
    assert health.returncode == 1, health.stdout
    assert health.stdout.startswith(f"unhealthy: daemon not running; the last one (pid {proc.pid} on ") and "stopped at" in health.stdout

    proc = _daemon(feed_config, db, "--poll-every", "3600")
    try:
        wait_for(lambda: _daemon_row(db).get("pid") == proc.pid and not _daemon_row(db)["stopped_at"], timeout=120)
        assert monitor(feed_config, db, "health").returncode == 0  # running again, its last poll recent
    finally:
        proc.kill()  # no stop recorded: the heartbeat is recent, the process gone
        proc.wait()
    health = monitor(feed_config, db, "health")
    assert health.returncode == 1, health.stdout
    assert "did not record a stop (killed, or its machine went down); start one with `monitor run`" in health.stdout


def _daemon_row(db: Path) -> dict:
    with Store(db, readonly=True) as s:
        return s.daemon() or {}


def _beat(store: Store, *, started: timedelta, poll_seconds: float) -> datetime:
    now = datetime.now(timezone.utc)
    store.db["daemon"].insert(
        {"id": 1, "pid": os.getpid(), "host": socket.gethostname(), "started_at": (now - started).isoformat(), "seen_at": (now - timedelta(seconds=5)).isoformat(),
         "beat_seconds": 30.0, "poll_seconds": poll_seconds, "stopped_at": None}
    )
    return now


def _poll(store: Store, *, ended: timedelta, now: datetime, outcome: str = "ok") -> None:
    at = (now - ended).isoformat()
    store.db["runs"].insert({"job": "poll", "started_at": at, "finished_at": at, "outcome": outcome, "detail": "1 source: 1 ok"})


def test_health_judges_polls_by_the_interval_the_running_daemon_polls_at(site_config, tmp_path):
    """A daemon started with `run --poll-every 60` that has not polled for five minutes is
    unhealthy, though the configuration's interval (an hour) would still allow it."""
    with Store(tmp_path / "m.db") as s:
        now = _beat(s, started=timedelta(hours=1), poll_seconds=60.0)
        _poll(s, ended=timedelta(minutes=5), now=now)
        ok, why = healthy(s, site_config, now)
        assert not ok and why == "last successful poll 5 min ago, and polls are due every 60s: the daemon runs but has not polled since"
        assert healthy(s, site_config, now, poll_seconds=3600)[0]  # --poll-every still overrides


def test_a_daemon_just_started_has_three_intervals_for_its_first_poll(site_config, tmp_path):
    with Store(tmp_path / "m.db") as s:
        now = _beat(s, started=timedelta(minutes=2), poll_seconds=3600.0)
        _poll(s, ended=timedelta(days=6), now=now)  # before a week down
        assert healthy(s, site_config, now) == (True, "daemon started 2 min ago, its first poll has not ended yet; the last one before it ended 6 days ago")
        s.db["runs"].insert({"job": "poll", "started_at": (now - timedelta(minutes=1)).isoformat(), "finished_at": None, "outcome": "running", "detail": None})
        s.db["daemon"].update(1, {"seen_at": (now + timedelta(hours=4)).isoformat()})
        ok, why = healthy(s, site_config, now + timedelta(hours=4))
        assert not ok and why == "the daemon started 4 h ago and no poll has ended since, and polls are due every 60 min: one has been running for 4 h"


def test_without_any_daemon_health_judges_the_polls_alone(site_config, tmp_path):
    """Polls run by hand or from cron, no daemon ever: the polls' age alone, and it says so."""
    with Store(tmp_path / "m.db") as s:
        now = datetime.now(timezone.utc)
        _poll(s, ended=timedelta(minutes=10), now=now)
        assert healthy(s, site_config, now) == (True, "last successful poll 10 min ago; no daemon has run on this archive (polls by hand or from cron)")


def _due_week(config) -> str:
    """The newest week whose digest time has passed, as the health check judges it."""
    from monitor.daemon import Plan
    from monitor.weeks import last_completed_week, shift_week, week_bounds

    now = datetime.now(timezone.utc)
    week = last_completed_week(config.tz, now)
    if Plan.from_config(config).digest.get_next_fire_time(None, week_bounds(week, config.tz)[1]) > now:
        week = shift_week(week, -1)
    return week


def test_a_digest_the_mail_server_refused_turns_health_red_until_it_is_sent(write_config, site, tmp_path):
    """Every poll worked, but the readers got no digest: the mail server refused it. Health
    said "healthy" all week; it now says the digest was not sent until a send succeeds."""
    from aiosmtpd.controller import Controller
    from conftest import basic_sources

    class Server:
        def __init__(self):
            self.refuse = True
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            if self.refuse:
                return "554 5.7.1 Message rejected"
            self.messages.append(envelope.content)
            return "250 OK"

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    handler = Server()
    smtp = Controller(handler, hostname="127.0.0.1", port=port)
    smtp.start()
    config = write_config(basic_sources(site.base), extra="digest:\n  recipients: [reader@example.com]\nfetch:\n  host_delay: 0.0\n  retries: 0\n")
    week = _due_week(load_config(config))
    db = tmp_path / "m.db"
    env = {**os.environ, "MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(port), "MONITOR_SMTP_SECURITY": "none"}

    def run(*args: str) -> subprocess.CompletedProcess:
        cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), *args]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)

    try:
        assert run("poll").returncode == 0
        assert run("health").returncode == 0
        sent = run("digest", "--week", week, "--send")
        assert sent.returncode == 1 and "554 5.7.1 Message rejected" in sent.stderr, sent.stderr
        health = run("health")
        assert health.returncode == 1, health.stdout
        assert health.stdout.startswith(f"unhealthy: the digest of {week} was not sent: its send failed ")
        assert "554 5.7.1 Message rejected" in health.stdout and f"`monitor digest --week {week} --send` sends it" in health.stdout
        handler.refuse = False
        assert run("digest", "--week", week, "--send").returncode == 0
        health = run("health")
        assert health.returncode == 0 and health.stdout.startswith("healthy: "), health.stdout
    finally:
        smtp.stop()
    assert len(handler.messages) == 1


def test_a_send_under_way_is_healthy_and_one_that_never_finished_is_not(site_config, tmp_path):
    week = _due_week(site_config)
    with Store(tmp_path / "m.db") as s:
        now = datetime.now(timezone.utc)
        _poll(s, ended=timedelta(minutes=10), now=now)
        s.set_digest(week, status="sending", started_at=(now - timedelta(minutes=2)).isoformat())
        assert healthy(s, site_config, now)[0] is True  # it is being sent
        s.set_digest(week, status="sending", started_at=(now - timedelta(hours=3)).isoformat())
        ok, why = healthy(s, site_config, now)
        assert not ok and why == f"the digest of {week} may not have gone out: its send began 3 h ago and never finished; `monitor status` says what to check"
        s.set_digest(week, status="sent", sent_at=now.isoformat())
        assert healthy(s, site_config, now)[0] is True
