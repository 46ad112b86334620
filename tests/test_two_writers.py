"""Two writers on one archive: a manual `monitor poll` while another poll (the daemon's) runs.

Real processes, a real SQLite file and a real HTTP server that answers both pollers at the same
moment, so each reads the archive before the other writes to it.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from conftest import SITES
from faultsite import quietly

from monitor.sitesrv import SiteServer, send

ROUNDS = 3
GOOD_ITEMS = 6  # 4 + 1 feed items and 1 press release on the basic fixture site


class Together:
    """Answer a path only once both pollers have asked for it, so both get it at once.

    With ``db``, a third writer holds the archive's write lock from just before the answers
    until a second later, as a poll storing a large source does: both pollers then read the
    archive before either can write to it.
    """

    def __init__(self, answer, db: Path | None = None, parties: int = 2):
        self.answer = answer
        self.db = db
        self.barrier = threading.Barrier(parties, timeout=30)

    def __call__(self, h) -> None:
        try:
            if self.barrier.wait() == 0 and self.db is not None:
                self._hold_write_lock(seconds=1.0)
            self.barrier.wait()
        except threading.BrokenBarrierError:  # the other poller never came: answer anyway
            pass
        quietly(self.answer)(h)

    def _hold_write_lock(self, seconds: float) -> None:
        conn = sqlite3.connect(self.db, isolation_level=None, check_same_thread=False)
        conn.execute("BEGIN IMMEDIATE")
        threading.Timer(seconds, lambda: (conn.execute("COMMIT"), conn.close())).start()


def _file(path: str):
    def handler(h) -> None:
        # links in the page point back at this local server (the Host the request came to)
        body = (SITES / "basic" / path.lstrip("/")).read_bytes().replace(b"__BASE__", f"http://{h.headers['Host']}".encode())
        send(h, 200, body, "application/rss+xml; charset=utf-8" if path.endswith(".xml") else "text/html; charset=utf-8")

    return handler


def poll(config: Path, db: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "-v", "poll", "--force"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_pollers_at_once_store_each_item_once_and_count_every_failure(write_config, tmp_path):
    db = tmp_path / "monitor.db"
    routes = {
        "/feeds/good.xml": Together(_file("/feeds/good.xml")),
        "/feeds/second.xml": Together(_file("/feeds/second.xml")),
        "/down.xml": Together(lambda h: send(h, 503, b"maintenance", "text/plain"), db=db),
    }
    with SiteServer(SITES / "basic", routes=routes) as server:
        config = write_config(
            f"""
            - name: Good Feed
              url: {server.base}/feeds/good.xml
            - name: Second Feed
              url: {server.base}/feeds/second.xml
            - name: Test PTA
              url: {server.base}/pta/press-releases.html
              kind: page
            - name: Down Feed
              url: {server.base}/down.xml
            """,
            extra="fetch:\n  host_delay: 0.0\n  per_host: 8\n  retries: 0\n",
        )
        for round in range(ROUNDS):
            for route in routes.values():
                route.barrier.reset()
            pollers = [poll(config, db), poll(config, db)]
            for p in pollers:
                out, err = p.communicate(timeout=120)
                assert p.returncode == 0, err
                assert "Traceback" not in err and "IntegrityError" not in err and "unexpected error" not in err, err
                assert "3 ok" in out and "1 failed" in out, (round, out, err)

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] == GOOD_ITEMS
    # every item was new to exactly one of the pollers, and counted once
    assert conn.execute("SELECT sum(new_items) FROM fetches").fetchone()[0] == GOOD_ITEMS
    assert conn.execute("SELECT count(*) FROM cluster_members").fetchone()[0] == GOOD_ITEMS
    fetches = dict(conn.execute("SELECT source, count(*) FROM fetches GROUP BY source").fetchall())
    assert fetches == {"Good Feed": 2 * ROUNDS, "Second Feed": 2 * ROUNDS, "Test PTA": 2 * ROUNDS, "Down Feed": 2 * ROUNDS}
    states = {r[0]: r[1:] for r in conn.execute("SELECT name, consecutive_failures, last_outcome FROM sources")}
    assert states["Good Feed"] == states["Second Feed"] == states["Test PTA"] == (0, "ok")
    # no failure is lost: each of the 2 x ROUNDS failed fetches counts
    assert states["Down Feed"] == (2 * ROUNDS, "http_5xx")
    conn.close()


POLICY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>VPN registration | Test Authority</title></head>
<body><main>
<h1>VPN registration</h1>
<p>Companies and freelancers who use a VPN for legitimate work must register it with the Authority through the online portal.</p>
<p>Registration is free of charge for freelancers registered with the software export board.</p>
<p>Complete applications are processed within {hours} working hours.</p>
</main></body></html>
"""


def test_two_pollers_at_once_record_a_watched_page_and_the_workbook_once(write_config, tmp_path):
    """The other kinds of source under two writers: a watched page's baseline and its change
    are each stored once, SBP's figures once, and a failing watched page counts every failure."""
    from ebops import workbook

    db = tmp_path / "monitor.db"
    page = {"hours": "8 to 10"}
    xls = workbook()
    routes = {
        "/policy/vpn": Together(lambda h: send(h, 200, POLICY_PAGE.format(**page).encode(), "text/html; charset=utf-8"), db=db),
        "/sbp/dt.xls": Together(lambda h: send(h, 200, xls, "application/vnd.ms-excel")),
        "/policy/down": Together(lambda h: send(h, 503, b"maintenance", "text/plain")),
    }
    with SiteServer(routes=routes) as server:
        config = write_config(
            f"""
            - name: Test VPN page
              url: {server.base}/policy/vpn
              kind: watch
            - name: Test SBP workbook
              url: {server.base}/sbp/dt.xls
              kind: sbp_ebops
            - name: Test down page
              url: {server.base}/policy/down
              kind: watch
            """,
            extra="fetch:\n  host_delay: 0.0\n  per_host: 8\n  retries: 0\n",
        )
        for round in range(ROUNDS):
            page["hours"] = "8 to 10" if round == 0 else "24"  # a real edit from the second round on
            for route in routes.values():
                route.barrier.reset()
            pollers = [poll(config, db), poll(config, db)]
            for p in pollers:
                out, err = p.communicate(timeout=120)
                assert p.returncode == 0, err
                assert "Traceback" not in err and "IntegrityError" not in err and "unexpected error" not in err, err
                assert "2 ok" in out and "1 failed" in out, (round, out, err)

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kinds = [r[0] for r in conn.execute("SELECT kind FROM page_versions WHERE source = 'Test VPN page' ORDER BY version")]
    assert kinds == ["baseline", "change"]  # not one of each per poller
    official = conn.execute("SELECT count(*) FROM facts WHERE origin = 'official'").fetchone()[0]
    assert official > 0
    assert conn.execute("SELECT sum(new_items) FROM fetches WHERE source = 'Test SBP workbook'").fetchone()[0] == official
    states = {r[0]: r[1:] for r in conn.execute("SELECT name, consecutive_failures, last_outcome FROM sources")}
    assert states["Test VPN page"] == states["Test SBP workbook"] == (0, "ok")
    assert states["Test down page"] == (2 * ROUNDS, "http_5xx")
    conn.close()
