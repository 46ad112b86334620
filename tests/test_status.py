"""`monitor status`: each source's health from a real archive."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import load_config
from monitor.models import FetchResult, Item
from monitor.sitesrv import SiteServer, send
from monitor.status import report_lines, run_state, source_rows
from monitor.store import Store

NOW = datetime(2025, 8, 22, 12, 0, tzinfo=timezone.utc)  # a Friday; 2025-W34 began Monday 00:00 PKT


def ago(**kwargs) -> str:
    return (NOW - timedelta(**kwargs)).isoformat()


SOURCES = """
- name: Healthy
  url: http://127.0.0.1:9/healthy.xml
- name: Failing
  url: http://127.0.0.1:9/failing.xml
- name: Quiet
  url: http://127.0.0.1:9/quiet.xml
- name: Never Gave Anything
  url: http://127.0.0.1:9/empty.xml
- name: Weekly Page
  url: http://127.0.0.1:9/weekly.html
  kind: page
  interval: 10080
- name: New
  url: http://127.0.0.1:9/new.xml
- name: Retired
  url: http://127.0.0.1:9/retired.xml
  enabled: false
"""


def record(store, source: str, outcome: str, started: str, **state) -> None:
    store.record_fetch(source, FetchResult(f"http://127.0.0.1:9/{source}", outcome, started_at=started), state={"last_outcome": outcome, **state})


def items(source: str, *fetched: str) -> list[Item]:
    return [Item(id=f"{source}-{i}", source=source, url=f"http://127.0.0.1:9/{source}/{i}", canonical_url=f"http://127.0.0.1:9/{source}/{i}", title=f"Story {i}", fetched_at=t) for i, t in enumerate(fetched)]


@pytest.fixture
def config(write_config):
    return load_config(write_config(SOURCES))


@pytest.fixture
def archive(store, config):
    """A month of history: one source healthy, one failing, one silent, one that never gave an item."""
    store.sync_sources(config.sources)
    record(store, "Healthy", "ok", ago(days=27), last_success=ago(days=27))
    record(store, "Healthy", "ok", ago(hours=2), last_success=ago(hours=2), last_new_item=ago(hours=2))
    store.save_items(items("Healthy", ago(days=20), ago(days=9), ago(days=3), ago(hours=2), ago(days=40)))
    record(store, "Failing", "ok", ago(days=6), last_success=ago(days=6), last_new_item=ago(days=6))
    record(store, "Failing", "http_5xx", ago(hours=1), last_failure=ago(hours=1), last_error="HTTP 503 Service Unavailable", consecutive_failures=3, next_attempt=(NOW + timedelta(hours=4)).isoformat())
    record(store, "Quiet", "not_modified", ago(hours=1), last_success=ago(hours=1), last_new_item=ago(days=20))
    record(store, "Never Gave Anything", "ok", ago(days=16), last_success=ago(days=16))
    record(store, "Never Gave Anything", "ok", ago(hours=1), last_success=ago(hours=1))
    record(store, "Weekly Page", "ok", ago(days=1), last_success=ago(days=1), last_new_item=ago(days=1), next_attempt=(NOW + timedelta(days=6)).isoformat())
    return store


def lines_by_name(store, config) -> dict[str, str]:
    return {r.name: r.line(NOW, config.tz) for r in source_rows(store, config, NOW)}


def test_a_healthy_source(archive, config):
    line = lines_by_name(archive, config)["Healthy"]
    assert line == "ok Healthy [feed] | last success 2 h ago | 2 items this week, 1.0/week over 4 weeks"


def test_one_item_this_week_is_one_item(archive, config):
    archive.save_items(items("Weekly Page", ago(hours=3)))
    assert "| 1 item this week, 0.2/week over 4 weeks" in lines_by_name(archive, config)["Weekly Page"]


def test_a_failing_source_shows_failures_error_and_next_attempt(archive, config):
    line = lines_by_name(archive, config)["Failing"]
    assert line.startswith("!! Failing [feed] | last success 6 days ago | 0 items this week")
    assert "3 failures in a row, last http_5xx: HTTP 503 Service Unavailable" in line
    assert line.endswith("next attempt in 4 h (2025-08-22 21:00 PKT)")


def test_a_source_without_new_items_for_too_long_is_silent(archive, config):
    lines = lines_by_name(archive, config)
    assert lines["Quiet"].startswith("!! Quiet [feed] | last success 1 h ago")
    assert lines["Quiet"].endswith("silent: no new item for 20 days")
    assert lines["Never Gave Anything"].endswith("silent: no new item for 16 days")  # counted from its first poll
    assert "silent" not in lines["Healthy"] + lines["Failing"]


def test_the_silence_threshold_comes_from_the_config(archive, write_config):
    lenient = load_config(write_config(SOURCES, extra="monitor:\n  silent_days: 30\n"))
    assert all("silent" not in line for line in lines_by_name(archive, lenient).values())


def test_sources_on_their_own_interval_never_polled_or_disabled(archive, config):
    lines = lines_by_name(archive, config)
    assert lines["Weekly Page"].startswith("ok Weekly Page [page]")
    assert lines["Weekly Page"].endswith("next attempt in 6 days (2025-08-28 17:00 PKT)")
    assert lines["New"] == "-- New [feed] | not polled yet"  # nothing is known of it yet: not "ok"
    assert lines["Retired"] == "-- Retired [feed] (disabled) | not polled yet"


def test_the_heading_counts_what_needs_a_look(archive, config):
    heading, *rows = report_lines(source_rows(archive, config, NOW), config, NOW)
    assert heading == "Sources (7): 3 need a look (1 failing, 2 silent for over 14 days), 1 not polled yet; items counted for 2025-W34:"
    assert [r.split(" [")[0] for r in rows] == ["ok Healthy", "!! Failing", "!! Quiet", "!! Never Gave Anything", "ok Weekly Page", "-- New", "-- Retired"]


def test_status_command_after_a_real_poll(write_config, tmp_path):
    with SiteServer(routes={"/down.xml": lambda h: send(h, 503, b"down", "text/plain")}) as server:
        path = write_config(f"- name: Down\n  url: {server.base}/down.xml\n", extra="fetch:\n  retries: 0\n")
        db = str(tmp_path / "status.db")
        assert CliRunner().invoke(cli, ["--config", str(path), "--db", db, "poll"]).exit_code == 1  # its only source failed
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", db, "status"])
    assert result.exit_code == 0, result.output
    assert "Sources (1): 1 need a look (1 failing, 0 silent for over 14 days)" in result.stdout
    assert "!! Down [feed] | last success never | 0 items this week, 0.0/week over 4 weeks | 1 failure, last http_5xx: HTTP 503" in result.stdout
    assert "due again in 59 min" in result.stdout or "due again in 1 h" in result.stdout  # no daemon runs: nothing is scheduled


def test_status_help_names_what_it_shows():
    result = CliRunner().invoke(cli, ["status", "--help"])
    assert result.exit_code == 0
    assert "failures in a row" in result.output and "silent" in result.output and "next" in result.output


def test_a_watched_page_that_has_not_changed_for_months_is_not_silent(store, write_config):
    config = load_config(write_config("- name: PTA VPN page\n  url: http://127.0.0.1:9/vpn.html\n  kind: watch\n"))
    store.sync_sources(config.sources)
    record(store, "PTA VPN page", "ok", ago(days=90), last_success=ago(days=90))
    record(store, "PTA VPN page", "ok", ago(hours=1), last_success=ago(hours=1))
    (row,) = source_rows(store, config, NOW)
    assert row.silent_days is None and not row.needs_attention
    assert row.line(NOW, config.tz).startswith("ok PTA VPN page [watch]")


def test_a_run_left_running_by_a_process_that_is_gone_is_interrupted():
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()  # a process that has ended
    gone = {"job": "poll", "started_at": ago(minutes=5), "outcome": "running", "detail": f"pid {done.pid} on this-host"}
    assert run_state(gone, NOW, host="this-host") == f"interrupted: its process (pid {done.pid}) ended without recording the end of the run"
    mine = {**gone, "detail": f"pid {os.getpid()} on this-host"}
    assert run_state(mine, NOW, host="this-host") == f"running: pid {os.getpid()} on this-host"


def test_a_run_left_running_elsewhere_is_interrupted_once_older_than_any_run():
    elsewhere = {"job": "poll", "started_at": ago(hours=1), "outcome": "running", "detail": "pid 1 on another-host"}
    assert run_state(elsewhere, NOW, host="this-host") == "running: pid 1 on another-host"
    old = {**elsewhere, "started_at": ago(hours=7)}
    assert run_state(old, NOW, host="this-host") == "interrupted: marked running for 7 h, longer than any poll takes"
    before_pids = {"job": "digest", "started_at": ago(hours=30), "outcome": "running", "detail": None}  # an archive's older runs
    assert run_state(before_pids, NOW) == "interrupted: marked running for 30 h, longer than any digest takes"
    assert run_state({"job": "poll", "started_at": ago(hours=30), "outcome": "ok", "detail": "3 sources"}, NOW) == "ok: 3 sources"


def test_the_schedule_gives_the_last_run_in_the_configured_timezone_as_it_gives_the_next(store, config):
    from monitor.daemon import schedule_lines

    store.db["runs"].insert({"job": "poll", "started_at": "2025-08-19T04:00:00+00:00", "finished_at": "2025-08-19T04:01:00+00:00", "outcome": "ok", "detail": "1 source: 1 ok"})
    store.db["daemon"].insert(heartbeat(seen_at="2025-08-19T04:29:50+00:00", poll_seconds=3600.0))  # a daemon runs
    poll, digest = schedule_lines(config, store, datetime(2025, 8, 19, 4, 30, tzinfo=timezone.utc))
    assert poll.startswith("poll: every 60 min; last 2025-08-19 09:00 PKT (ok: 1 source: 1 ok); next 2025-08-19 10:00 PKT"), poll
    assert "; last never; next " in digest


# --------------------------------------------------------------------------- the daemon's heartbeat


def heartbeat(**row) -> dict:
    """The archive's row of a daemon: this process on this machine, unless ``row`` says otherwise."""
    return {"id": 1, "pid": os.getpid(), "host": socket.gethostname(), "started_at": ago(days=2), "seen_at": ago(seconds=20), "beat_seconds": 30.0, "poll_seconds": 1800.0, "stopped_at": None, **row}


def test_the_daemon_is_running_while_its_heartbeat_is_recent_seen_from_another_machine_too(config):
    from monitor.daemon import daemon_state

    state = daemon_state(heartbeat(pid=1, host="monitor-daemon-container"), NOW, config, host="datasette-container")
    assert state.running and state.poll_seconds == 1800.0
    assert state.line == "running (pid 1 on monitor-daemon-container, since 2025-08-20 17:00 PKT; last heartbeat 20 s ago)"
    late = daemon_state(heartbeat(pid=1, host="monitor-daemon-container", seen_at=ago(minutes=3)), NOW, config, host="datasette-container")
    assert not late.running and late.poll_seconds is None
    assert late.line == (
        "not running; the last one (pid 1 on monitor-daemon-container) was last seen at 2025-08-22 16:57 PKT and did not record a stop"
        " (killed, or its machine went down); start one with `monitor run`"
    )


def test_a_daemon_that_stopped_or_whose_process_is_gone_is_not_running(config):
    from monitor.daemon import daemon_state

    assert daemon_state(None, NOW, config).line == "not running (none has run on this archive); start one with `monitor run`"
    stopped = daemon_state(heartbeat(stopped_at=ago(seconds=10)), NOW, config)
    assert not stopped.running and stopped.line.startswith(f"not running; the last one (pid {os.getpid()} on {socket.gethostname()}) stopped at 2025-08-22 16:59 PKT")
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()  # killed a moment ago, on this machine: its heartbeat is recent, its process gone
    assert not daemon_state(heartbeat(pid=done.pid), NOW, config).running


def test_with_no_daemon_running_status_gives_no_next_run_times(archive, config):
    from monitor.daemon import daemon_state, schedule_lines

    archive.db["runs"].insert({"job": "poll", "started_at": ago(minutes=30), "finished_at": ago(minutes=29), "outcome": "ok", "detail": "1 source: 1 ok"})
    archive.db["daemon"].insert(heartbeat(seen_at=ago(hours=5), stopped_at=ago(hours=5)))
    poll, digest = schedule_lines(config, archive, NOW)
    assert poll.endswith("; next none scheduled, no daemon is running") and digest.endswith("; next none scheduled, no daemon is running")
    assert poll.startswith("poll: every 60 min;")  # the configuration's, not the interval the stopped daemon polled at
    lines = report_lines(source_rows(archive, config, NOW), config, NOW, scheduled=daemon_state(archive.daemon(), NOW, config).running)
    failing = next(line for line in lines if line.startswith("!! Failing"))
    assert "| due again in 4 h (2025-08-22 21:00 PKT)" in failing and "next attempt" not in failing


def test_status_while_the_watch_list_is_broken_shows_the_error_and_the_archive(write_config, tmp_path):
    """A mistake in sources.yaml does not stop a running daemon, which keeps the last file it
    read: `status` names the mistake, says so, and still shows the daemon, the digests and
    the sources the archive knows (exit 2, as for any configuration error). Without an
    archive, the mistake is all it has to say."""
    with SiteServer(routes={"/down.xml": lambda h: send(h, 503, b"down", "text/plain")}) as server:
        path = write_config(f"- name: Down\n  url: {server.base}/down.xml\n", extra="monitor:\n  timezone: Asia/Dubai\nfetch:\n  retries: 0\n")
        db = str(tmp_path / "status.db")
        assert CliRunner().invoke(cli, ["--config", str(path), "--db", db, "poll"]).exit_code == 1
    with Store(db) as store:
        store.db["daemon"].insert(heartbeat(started_at=datetime.now(timezone.utc).isoformat(), seen_at=datetime.now(timezone.utc).isoformat()))
    path.write_text(path.read_text().replace("  url:", "  ur:", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", db, "status"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}:") and "unknown key 'ur'" in result.stderr
    assert result.stdout.startswith(f"Configuration: {path} cannot be read (see the error); the running daemon keeps the last configuration it read, until the file loads again.")
    assert f"Daemon: running (pid {os.getpid()} on {socket.gethostname()}, since " in result.stdout and " +04;" in result.stdout  # in the timezone of the archive's weeks
    assert f"Schedule: unknown, as it is set in {path}\n" in result.stdout and "Digests:\n" in result.stdout
    assert "!! Down [feed] | last success never | 0 items this week, 0.0/week over 4 weeks | 1 failure, last http_5xx: HTTP 503" in result.stdout
    with Store(db) as store:
        store.daemon_beat(stopped=True)
    stopped = CliRunner().invoke(cli, ["--config", str(path), "--db", db, "status"])
    assert "no daemon runs; `monitor run` and `monitor poll` refuse the file until it is fixed." in stopped.stdout and "!! Down [feed]" in stopped.stdout
    nothing = CliRunner().invoke(cli, ["--config", str(path), "--db", str(tmp_path / "none.db"), "status"])
    assert nothing.exit_code == 2 and nothing.stdout == "" and nothing.stderr.startswith(f"error: {path}:")
    path.write_text(path.read_text().replace("  retries: 0", "  retries: many"), encoding="utf-8")
    two = CliRunner().invoke(cli, ["--config", str(path), "--db", db, "status"])
    said = two.stderr.splitlines()
    assert len(said) == 2 and all(line.startswith(f"error: {path}:") for line in said), two.stderr  # each mistake on its line
    assert "unknown key 'ur'" in said[1] and "key 'fetch.retries'" in said[0]


def test_a_source_moved_for_good_is_named_with_its_new_address(write_config, store, caplog):
    """A feed whose address answers with a permanent redirect (301, 308) is read where it
    leads, as before, and `monitor status` (and the poll's log, once) says to put the new
    address in sources.yaml; a temporary redirect (302) says nothing, and once the file
    gives the new address the note is gone."""
    from monitor import pipeline

    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>IT exports rise</title><link>http://127.0.0.1/a</link><guid>a</guid></item></channel></rss>'
    routes = {
        "/old.xml": lambda h: send(h, 301, b"", None, {"Location": "/older.xml"}),
        "/older.xml": lambda h: send(h, 308, b"", None, {"Location": "/feed.xml"}),
        "/for-now.xml": lambda h: send(h, 302, b"", None, {"Location": "/feed.xml"}),
        "/mixed.xml": lambda h: send(h, 301, b"", None, {"Location": "/for-now.xml"}),
        "/feed.xml": lambda h: send(h, 200, rss, "application/rss+xml"),
    }
    settings = "fetch:\n  host_delay: 0\n  retries: 0\n"
    with SiteServer(routes=routes) as server:
        sources = "".join(f"- name: {name}\n  url: {server.base}/{path}\n  full_text: false\n" for name, path in (("Moved", "old.xml"), ("Temporary", "for-now.xml"), ("Mixed", "mixed.xml")))
        config = load_config(write_config(sources, extra=settings))
        with caplog.at_level("WARNING", logger="monitor.pipeline"):
            pipeline.poll(config, store)
            pipeline.poll(config, store, force=True)
        said = [r.getMessage() for r in caplog.records if "moved for good" in r.getMessage()]
        assert said == [f"Moved: {server.base}/old.xml has moved for good to {server.base}/feed.xml (a permanent redirect): put the new address in {config.path}"]
        lines = {r.name: r.line(datetime.now(timezone.utc), config.tz) for r in source_rows(store, config)}
        assert f"moved for good to {server.base}/feed.xml (a permanent redirect): put the new address in sources.yaml" in lines["Moved"]
        assert "moved" not in lines["Temporary"] and "moved" not in lines["Mixed"]  # one temporary step: not for good
        config = load_config(write_config(f"- name: Moved\n  url: {server.base}/feed.xml\n  full_text: false\n", extra=settings))
        pipeline.poll(config, store)
        assert "moved" not in source_rows(store, config)[0].line(datetime.now(timezone.utc), config.tz)


def test_a_source_with_a_login_that_moved_for_good_is_said_once_not_at_every_poll(write_config, store, caplog):
    """A redirect keeps the source's login in the address it leads to (``/feed.xml`` from
    ``http://reader:PW@host/old.xml`` is ``http://reader:PW@host/feed.xml``); the archive keeps
    it without the login, so the poll took it for a new move at each poll and said so again."""
    from monitor import pipeline

    rss = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>IT exports rise</title><link>http://127.0.0.1/a</link><guid>a</guid></item></channel></rss>'
    routes = {"/old.xml": lambda h: send(h, 301, b"", None, {"Location": "/feed.xml?token=FEEDTOKEN"}), "/feed.xml": lambda h: send(h, 200, rss, "application/rss+xml")}
    with SiteServer(routes=routes) as server:
        base = server.base.replace("http://", "http://reader:FEEDPASS@")
        config = load_config(write_config(f"- name: Moved\n  url: {base}/old.xml\n  full_text: false\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        with caplog.at_level("WARNING", logger="monitor.pipeline"):
            for _ in range(3):
                pipeline.poll(config, store, force=True)
        said = [r.getMessage() for r in caplog.records if "moved for good" in r.getMessage()]
        assert len(said) == 1, said
        assert store.source_state("Moved").moved_to == server.base.replace("http://", "http://***@") + "/feed.xml?token=***"


def test_status_as_json_for_a_script_names_the_failing_source_and_why(archive, config, tmp_path):
    import json

    result = CliRunner().invoke(cli, ["--config", config.path, "--db", str(tmp_path / "monitor.db"), "status", "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    by_name = {s["name"]: s for s in out["sources"]}
    failing = by_name["Failing"]
    assert (failing["state"], failing["consecutive_failures"], failing["last_outcome"], failing["last_error"]) == ("attention", 3, "http_5xx", "HTTP 503 Service Unavailable")
    assert failing["last_success"] == ago(days=6) and failing["next_attempt"] == (NOW + timedelta(hours=4)).isoformat()
    assert (by_name["New"]["state"], by_name["Retired"]["state"]) == ("not_polled", "disabled")
    assert out["attention"] == sum(s["state"] == "attention" for s in out["sources"])  # (by today's clock, the archive's month is long past)
    assert out["daemon"] == {"running": False, "line": "not running (none has run on this archive); start one with `monitor run`"}
    assert out["configuration_error"] is None and out["digests"] and out["backup"].startswith("none made")


def test_status_as_json_with_a_broken_configuration_still_gives_the_archive(archive, config, tmp_path):
    import json

    broken = tmp_path / "broken.yaml"
    broken.write_text("sources:\n  - name: x\n    kind: nope\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(broken), "--db", str(tmp_path / "monitor.db"), "status", "--format", "json"])
    assert result.exit_code == 2
    out = json.loads(result.stdout)
    assert "Failing" in {s["name"] for s in out["sources"]} and "kind" in out["configuration_error"]


def test_a_source_whose_certificate_is_not_verified_says_so(store, write_config):
    """`tls_verify: false` is a last resort: every status line of the source says it is on,
    and the JSON row has it, so it is not forgotten once the site mends its certificate."""
    config = load_config(write_config("- name: PTA - News\n  url: https://127.0.0.1:9/news\n  kind: page\n  tls_verify: false\n- name: Dawn\n  url: https://127.0.0.1:9/dawn.xml\n"))
    store.sync_sources(config.sources)
    record(store, "PTA - News", "ok", ago(hours=1), last_success=ago(hours=1))
    rows = {r.name: r for r in source_rows(store, config, NOW)}
    assert rows["PTA - News"].line(NOW, config.tz).endswith("| TLS certificate not verified (tls_verify: false): remove it once the site's certificate is fixed")
    assert rows["PTA - News"].as_json()["tls_verify"] is False and rows["Dawn"].as_json()["tls_verify"] is True
    assert "not verified" not in rows["Dawn"].line(NOW, config.tz)
