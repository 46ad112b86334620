"""`monitor health` (the Docker HEALTHCHECK) tells the truth through a total outage."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from faultsite import FAULTS, fixture_bytes

from monitor.config import load_config
from monitor.daemon import Daemon
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
