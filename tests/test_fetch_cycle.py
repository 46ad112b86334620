"""Fetching inside a poll cycle: faults next to good sources, 304s, backoff across cycles."""

from __future__ import annotations

import io
import json
import threading
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from faultsite import FAULTS, fault_routes, fixture_bytes

from monitor import pipeline
from monitor.cli import PollProgress, cli
from monitor.config import load_config
from monitor.models import Source
from monitor.pipeline import SourceReport, is_due
from monitor.sitesrv import SiteServer, send
from monitor.store import SourceState, Store
from monitor.weeks import parse_timestamp

#: Small limits so every fault resolves quickly; every source on one host, so per_host is wide.
FAST = """\
fetch:
  per_host: 32
  host_delay: 0.01
  read_timeout: 0.5
  deadline: 1.5
  retries: 1
  retry_backoff: 0.05
  max_retry_after: 2
"""

#: (source name, path on the fault server, outcome).
FAULT_SOURCES = [
    ("Slow Headers", "/slow-headers", "timeout"),
    ("Drip", "/drip", "timeout"),
    ("Server Error", "/500", "http_5xx"),
    ("Unavailable", "/503", "http_5xx"),
    ("Rate Limited", "/429", "http_4xx"),
    ("Gone", "/missing.xml", "http_4xx"),
    ("Redirect Loop", "/loop/a", "too_many_redirects"),
    ("Twenty Megabytes", "/huge", "too_large"),
    ("Gzip Bomb", "/gzip-bomb", "too_large"),
    ("Invalid XML", "/invalid.xml", "parse_error"),
    ("Web Page", "/not-a-feed.html", "not_a_feed"),
    ("Empty", "/empty", "empty"),
]
GOOD_TITLES = {
    "Freelancers in Lahore report faster payouts after new remittance rules",
    "PSEB registers 1,200 new IT companies in July",
    "Karachi co-working spaces add night shifts for US clients",
}
URDU_TITLES = {"فری لانسرز کے لیے ٹیکس کی نئی شرح کا اعلان", "وی پی این رجسٹریشن کی آخری تاریخ میں توسیع"}


@pytest.fixture
def faults():
    with SiteServer(FAULTS, routes=fault_routes()) as server:
        yield server


def sources_yaml(base: str, entries: list[tuple[str, str]]) -> str:
    return "".join(f"- name: {name}\n  url: {base}{path}\n  full_text: false\n" for name, path in entries)


def test_every_fault_is_named_and_good_sources_deliver_all_their_items(faults, write_config, store):
    good = [("Wire", "/feed.xml"), ("Urdu Wire", "/wrong-charset.xml")]
    config = load_config(write_config(sources_yaml(faults.base, good + [(n, p) for n, p, _ in FAULT_SOURCES]), extra=FAST))
    summary = pipeline.poll(config, store)
    outcomes = {r.source: r.outcome for r in summary.reports}
    assert outcomes == {"Wire": "ok", "Urdu Wire": "ok", **{n: o for n, _, o in FAULT_SOURCES}}
    titles = {r["title"] for r in store.db["items"].rows_where("source = ?", ["Wire"])}
    assert titles == GOOD_TITLES
    urdu = {r["title"] for r in store.db["items"].rows_where("source = ?", ["Urdu Wire"])}
    assert urdu == URDU_TITLES  # declared windows-1252, stored as the Urdu it is
    recorded = {r["source"]: r["outcome"] for r in store.db["fetches"].rows}
    assert recorded == outcomes
    for name, _, outcome in FAULT_SOURCES:
        state = store.source_state(name)
        assert (state.consecutive_failures, state.last_outcome) == (1, outcome) and state.last_error, name
    assert summary.line().startswith(f"{len(outcomes)} sources: 2 ok, 0 not modified, {len(FAULT_SOURCES)} failed; 5 new items in ")


def test_an_urdu_article_under_a_wrong_charset_is_stored_intact(faults, write_config, store):
    path = write_config(f"- name: Urdu Wire\n  url: {faults.base}/wrong-charset.xml\n  language: ur\n", extra=FAST)
    assert pipeline.poll(load_config(path), store).reports[0].outcome == "ok"
    row = next(store.db["items"].rows_where("url = ?", [faults.base + "/urdu/freelance-tax"]))
    assert row["extraction"] == "ok"
    assert "وفاقی بورڈ آف ریونیو نے اعلان کیا ہے کہ آئی ٹی خدمات کی برآمدات" in row["text"]


def test_an_etag_round_trip_ends_in_not_modified_without_parsing(faults, write_config, store, monkeypatch):
    config = load_config(write_config(sources_yaml(faults.base, [("Wire", "/etag.xml")]), extra=FAST))
    first = pipeline.poll(config, store)
    assert first.reports[0].outcome == "ok" and first.new_items == 3
    state = store.source_state("Wire")
    assert state.etag == '"wire-v1"' and state.last_modified == "Thu, 21 Aug 2025 15:00:00 GMT"

    def no_parsing(*args, **kwargs):
        raise AssertionError("a 304 must not be parsed")

    monkeypatch.setattr(pipeline, "parse_feed", no_parsing)
    second = pipeline.poll(config, store)
    assert second.reports[0].outcome == "not_modified" and second.not_modified == 1
    assert faults.requests[-1][1]["if-none-match"] == '"wire-v1"'
    rows = list(store.db["fetches"].rows_where("source = ?", ["Wire"], order_by="id"))
    assert [(r["outcome"], r["http_status"], r["bytes"]) for r in rows][1] == ("not_modified", 304, 0)
    assert store.source_state("Wire").etag == '"wire-v1"'  # kept for the next poll
    assert store.count_items() == 3


def test_items_reach_the_store_as_each_source_finishes(faults, write_config, store):
    gate = threading.Event()
    seen_while_slow_source_in_flight: list[int] = []

    def held(h) -> None:
        gate.wait(timeout=10)
        send(h, 200, (FAULTS / "feed.xml").read_bytes().replace(b"__BASE__", b"http://held.example"), "application/rss+xml")

    faults.routes["/held.xml"] = held
    config = load_config(write_config(sources_yaml(faults.base, [("Held", "/held.xml"), ("Wire", "/feed.xml")]), extra=FAST.replace("deadline: 1.5", "deadline: 15")))

    def progress(report: SourceReport) -> None:
        if report.source == "Wire":
            with Store(store.path, readonly=True) as reader:  # another connection sees committed rows only
                seen_while_slow_source_in_flight.append(reader.db["items"].count_where("source = ?", ["Wire"]))
            gate.set()

    summary = pipeline.poll(config, store, progress=progress)
    assert [r.source for r in summary.reports] == ["Wire", "Held"]
    assert seen_while_slow_source_in_flight == [3]


def test_parsing_one_source_does_not_stall_the_requests_of_others(faults, write_config, store, monkeypatch):
    """A's parse waits until B's request reaches the server, which is only sent 0.5 s later:
    that can only happen if parsing leaves the event loop free."""
    b_requested = threading.Event()
    released: list[bool] = []
    real_parse = pipeline.parse_feed

    def slow_parse(content, *, source, **kwargs):
        if source == "A":
            released.append(b_requested.wait(timeout=10))
        return real_parse(content, source=source, **kwargs)

    def b_feed(h) -> None:
        b_requested.set()
        send(h, 200, fixture_bytes(h, "feed.xml"), "application/rss+xml")

    faults.routes["/b.xml"] = b_feed
    monkeypatch.setattr(pipeline, "parse_feed", slow_parse)
    settings = FAST.replace("per_host: 32", "per_host: 1").replace("host_delay: 0.01", "host_delay: 0.5").replace("deadline: 1.5", "deadline: 15")
    config = load_config(write_config(sources_yaml(faults.base, [("A", "/feed.xml"), ("B", "/b.xml")]), extra=settings))
    summary = pipeline.poll(config, store)
    assert {r.source: r.outcome for r in summary.reports} == {"A": "ok", "B": "ok"}
    assert released == [True]


def test_robots_txt_stops_a_page_source_in_a_cycle(write_config, store):
    routes = {"/robots.txt": lambda h: send(h, 200, b"User-agent: pk-freelance-monitor\nDisallow: /news/\n", "text/plain")}
    with SiteServer(FAULTS, routes=routes) as server:
        path = write_config(f"- name: Newsroom\n  url: {server.base}/news/index.html\n  kind: page\n", extra=FAST)
        summary = pipeline.poll(load_config(path), store)
    assert summary.reports[0].outcome == "robots_disallowed"
    assert [p for p, _ in server.requests] == ["/robots.txt"]
    assert store.source_state("Newsroom").last_outcome == "robots_disallowed"


def test_article_pages_obey_robots_txt_while_the_feed_is_read(write_config, store):
    routes = {"/robots.txt": lambda h: send(h, 200, b"User-agent: *\nDisallow: /wire/\n", "text/plain")}
    with SiteServer(FAULTS, routes=routes) as server:
        path = write_config(f"- name: Wire\n  url: {server.base}/feed.xml\n", extra=FAST)
        summary = pipeline.poll(load_config(path), store)
    assert summary.reports[0].outcome == "ok" and summary.new_items == 3
    assert {r["extraction"].split(":")[0] for r in store.db["items"].rows} == {"fetch robots_disallowed"}
    assert not any(p.startswith("/wire/") for p, _ in server.requests)


def test_a_robots_txt_answering_5xx_holds_the_site_off_for_the_cycle_only(write_config, store):
    state = {"robots": 503}
    newsroom = b'<html><body><main><a href="/newsroom/2025/08/20/freelancers-register-their-vpns">VPNs</a></main></body></html>'
    routes = {
        "/robots.txt": lambda h: send(h, state["robots"], b"User-agent: *\nAllow: /\n" if state["robots"] == 200 else b"down", "text/plain"),
        "/newsroom": lambda h: send(h, 200, newsroom),
    }
    with SiteServer(FAULTS, routes=routes) as server:
        path = write_config(f"- name: Newsroom\n  url: {server.base}/newsroom\n  kind: page\n- name: Wire\n  url: {server.base}/feed.xml\n", extra=FAST)
        config = load_config(path)
        summary = pipeline.poll(config, store)
        first = [p for p, _ in server.requests]
        state["robots"] = 200
        again = pipeline.poll(config, store, force=True)
    assert {r.source: r.outcome for r in summary.reports} == {"Newsroom": "robots_disallowed", "Wire": "ok"}
    assert "robots.txt unreachable (HTTP 503" in store.db.execute("SELECT error FROM fetches WHERE source = 'Newsroom'").fetchone()[0]
    # the feed is read (feeds do not ask), its articles are not fetched: only robots.txt was
    assert sorted(set(first)) == ["/feed.xml", "/robots.txt"]
    assert {r["extraction"].split(":")[0] for r in store.db["items"].rows_where("source = 'Wire'")} == {"fetch robots_disallowed"}
    assert {r.source: r.outcome for r in again.reports} == {"Newsroom": "ok", "Wire": "ok"}  # the next cycle asks again


# --------------------------------------------------------------------------- backoff across cycles


def _requests_to(server: SiteServer, path: str) -> int:
    return sum(p == path for p, _ in server.requests)


def test_a_failing_source_backs_off_but_is_never_given_up(faults, write_config, store):
    config = load_config(write_config(sources_yaml(faults.base, [("Wire", "/feed.xml"), ("Broken", "/500")]), extra=FAST + "  backoff_cap_hours: 3\n"))
    gaps = []
    for _ in range(4):
        pipeline.poll(config, store, force=True)
        state = store.source_state("Broken")
        gaps.append(parse_timestamp(state.next_attempt) - parse_timestamp(state.last_failure))
    assert gaps == [timedelta(hours=1), timedelta(hours=2), timedelta(hours=3), timedelta(hours=3)]  # 1, 2, 4 capped at 3
    assert store.source_state("Broken").consecutive_failures == 4

    summary = pipeline.poll(config, store)  # a scheduled poll: Broken is not due for 3 h
    outcomes = {r.source: r for r in summary.reports}
    assert outcomes["Broken"].outcome == "skipped" and "backing off after 4 failures" in outcomes["Broken"].error
    assert outcomes["Wire"].outcome == "ok"
    assert _requests_to(faults, "/500") == 4 * 2  # two attempts per polled cycle, none while skipped
    assert "1 skipped (backing off or not due)" in summary.line() and summary.failed == []

    pipeline.poll(config, store, sources=[config.source("Broken")])  # named explicitly: polled
    assert _requests_to(faults, "/500") == 5 * 2


def test_a_recovered_source_is_back_on_the_normal_schedule(faults, write_config, store):
    config = load_config(write_config(sources_yaml(faults.base, [("Flaky", "/flaky.xml")]), extra=FAST))
    faults.routes["/flaky.xml"] = lambda h: send(h, 500, b"down")
    pipeline.poll(config, store)
    assert store.source_state("Flaky").consecutive_failures == 1
    faults.routes["/flaky.xml"] = faults.routes["/etag.xml"]
    assert pipeline.poll(config, store, force=True).reports[0].outcome == "ok"
    state = store.source_state("Flaky")
    assert state.consecutive_failures == 0 and state.last_success
    assert pipeline.poll(config, store).reports[0].outcome == "not_modified"  # due again at once


def test_a_source_given_a_new_address_is_polled_at_once_without_the_old_addresss_state(faults, write_config, store):
    """Correcting a failing source's address in sources.yaml: the next scheduled poll tries the
    new address, rather than waiting out the back-off the old one earned, and sends it none of
    the old address's validators; the same address keeps its back-off."""
    broken = load_config(write_config(sources_yaml(faults.base, [("Wire", "/500")]), extra=FAST))
    pipeline.poll(broken, store, force=True)
    pipeline.poll(broken, store, force=True)
    assert store.source_state("Wire").consecutive_failures == 2
    assert pipeline.poll(broken, store).reports[0].outcome == "skipped"  # backing off, same address

    fixed = load_config(write_config(sources_yaml(faults.base, [("Wire", "/etag.xml")]), extra=FAST))
    report = pipeline.poll(fixed, store).reports[0]  # scheduled, not forced
    assert report.outcome == "ok" and report.new_items == 3
    state = store.source_state("Wire")
    assert state.consecutive_failures == 0 and state.url.endswith("/etag.xml") and state.etag == '"wire-v1"'

    moved = load_config(write_config(sources_yaml(faults.base, [("Wire", "/feed.xml")]), extra=FAST))
    assert pipeline.poll(moved, store).reports[0].outcome == "ok"
    path, headers = faults.requests[-1]
    assert path == "/feed.xml" and "if-none-match" not in headers and "if-modified-since" not in headers


def test_a_long_retry_after_pushes_the_next_attempt(faults, write_config, store):
    config = load_config(write_config(sources_yaml(faults.base, [("Maintenance", "/503-for-an-hour")]), extra=FAST + "schedule:\n  poll_every: 5\n"))
    pipeline.poll(config, store)
    state = store.source_state("Maintenance")
    assert parse_timestamp(state.next_attempt) - parse_timestamp(state.last_failure) == timedelta(hours=1)  # not 5 min
    assert "Retry-After 3600" in state.last_error


NOW = datetime(2025, 8, 22, 12, 0, tzinfo=timezone.utc)


def _state(failures: int, next_in: timedelta | None) -> SourceState:
    return SourceState("S", "http://x", "feed", consecutive_failures=failures, next_attempt=(NOW + next_in).isoformat() if next_in is not None else None)


@pytest.mark.parametrize(
    "interval, failures, next_in, due, tick",
    [
        (None, 0, None, True, 60),  # never polled
        (None, 0, timedelta(minutes=59), True, 60),  # healthy, on the global schedule
        (None, 2, timedelta(minutes=119), False, 60),  # backing off: two intervals
        (None, 1, timedelta(minutes=29), True, 60),  # the poll nearest the next attempt
        (None, 1, timedelta(minutes=31), False, 60),
        (None, 3, -timedelta(minutes=5), True, 60),  # overdue
        (240, 0, timedelta(minutes=180), False, 60),  # its own, longer interval
        (240, 0, timedelta(minutes=20), True, 60),
        (None, 0, timedelta(minutes=44), False, 15),  # polls every 15 min for another source:
        (None, 0, timedelta(minutes=5), True, 15),  # a global-schedule source still waits its hour
    ],
)
def test_which_sources_are_due(interval, failures, next_in, due, tick):
    source = Source("S", "http://x", interval=interval)
    assert is_due(source, _state(failures, next_in), 60, NOW, tick) is due


# --------------------------------------------------------------------------- the poll command


def test_poll_command_prints_progress_and_a_summary(faults, write_config, tmp_path):
    path = write_config(sources_yaml(faults.base, [("Wire", "/feed.xml"), ("Server Error", "/500")]), extra=FAST)
    db = str(tmp_path / "cli.db")
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", db, "poll"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("2 sources: 1 ok, 0 not modified, 1 failed; 3 new items in ")
    assert "Wire: ok - 3 new" in result.stderr and "Server Error: http_5xx - HTTP 500" in result.stderr

    again = CliRunner().invoke(cli, ["--config", str(path), "--db", db, "poll"])
    assert "Server Error: skipped - backing off after 1 failure; next attempt 20" in again.stderr and " PKT" in again.stderr
    assert "1 skipped" in again.stdout
    forced = CliRunner().invoke(cli, ["--config", str(path), "--db", db, "poll", "--force"])
    assert "Server Error: http_5xx" in forced.stderr


def test_with_json_logs_every_line_of_the_poll_on_stderr_is_json_and_names_its_source(faults, write_config, tmp_path):
    path = write_config(sources_yaml(faults.base, [("Wire", "/feed.xml"), ("Server Error", "/500")]), extra=FAST)
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", str(tmp_path / "cli.db"), "--log-format", "json", "poll"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    progress = {(r["source"], r["outcome"], r["new_items"]) for r in lines if r["logger"] == "monitor.poll"}
    assert progress == {("Wire", "ok", 3), ("Server Error", "http_5xx", 0)}
    [warning] = [r for r in lines if r["level"] == "warning"]  # the failure, once, at the level of a failure
    assert warning["source"] == "Server Error" and warning["outcome"] == "http_5xx" and "] Server Error: http_5xx - HTTP 500" in warning["message"]
    assert [r["level"] for r in lines if r.get("source") == "Wire"] == ["info"]


def test_text_log_lines_give_their_time_with_its_offset_from_utc(faults, write_config, tmp_path):
    """A text log line's time is the machine's local time: without its zone, 12:00 on a server
    in UTC could not be set beside `monitor status`'s 17:00 PKT."""
    import os
    import re
    import subprocess
    import sys

    path = write_config(sources_yaml(faults.base, [("Wire", "/feed.xml")]), extra=FAST)
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(path), "--db", str(tmp_path / "cli.db"), "-v", "poll"]
    for tz, offset in (("Asia/Karachi", "+0500"), ("UTC", "+0000")):
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env={**os.environ, "TZ": tz})
        assert done.returncode == 0, done.stderr
        logged = [line for line in done.stderr.splitlines() if " INFO " in line]
        assert logged and all(re.match(rf"\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d{re.escape(offset)} INFO ", line) for line in logged), logged


def test_with_json_logs_the_error_a_command_exits_with_is_json_too(faults, write_config, tmp_path):
    """The line that says why a command or the daemon stopped was plain text among the JSON
    lines: a log collector reading JSON lost the one line that mattered."""
    path = write_config(sources_yaml(faults.base, [("Server Error", "/500")]), extra=FAST)
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", str(tmp_path / "cli.db"), "--log-format", "json", "poll"])
    assert result.exit_code == 1, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines()]
    assert lines[-1]["level"] == "error" and lines[-1]["message"] == "every source failed; see the lines above and `monitor status`", lines
    assert lines[-1]["time"].endswith("+00:00")

    broken = tmp_path / "broken.yaml"
    broken.write_text("sources: [\n", encoding="utf-8")
    for command in (["run"], ["poll"], ["status"]):
        result = CliRunner().invoke(cli, ["--config", str(broken), "--db", str(tmp_path / "cli.db"), "--log-format", "json", *command])
        assert result.exit_code == 2, result.stderr
        [line] = [json.loads(line) for line in result.stderr.splitlines()]
        assert line["level"] == "error" and line["message"].startswith(f"{broken}:2: not valid YAML"), line
    # without --log-format json, the same line as ever
    result = CliRunner().invoke(cli, ["--config", str(broken), "--db", str(tmp_path / "cli.db"), "status"])
    assert result.exit_code == 2 and result.stderr.startswith(f"error: {broken}:2: not valid YAML")


@pytest.mark.parametrize("verbose", [[], ["-v"], ["-vv"]], ids=["quiet", "-v", "-vv"])
def test_each_failed_source_is_one_line_of_the_poll(faults, write_config, tmp_path, verbose):
    """The progress line says it: the pipeline's own warning of the same failure is left out."""
    path = write_config(sources_yaml(faults.base, [("Wire", "/feed.xml"), ("Server Error", "/500"), ("Missing", "/404")]), extra=FAST)
    result = CliRunner().invoke(cli, ["--config", str(path), "--db", str(tmp_path / "cli.db"), *verbose, "poll"])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if " INFO " not in line and " DEBUG " not in line]  # -v tells of the retries too
    assert [line for line in lines if "Server Error" in line] == [next(line for line in lines if "] Server Error: http_5xx - HTTP 500" in line)]
    assert len([line for line in lines if "Missing" in line]) == 1 and "Traceback" not in result.stderr


def test_poll_progress_on_a_terminal_is_one_live_line_with_failures_kept():
    out = io.StringIO()
    progress = PollProgress(3, out, tty=True)
    progress(SourceReport("Wire", "ok", new_items=4))
    progress(SourceReport("Broken", "http_5xx", error="HTTP 500"))
    progress(SourceReport("Old", "not_modified"))
    progress.close()
    text = out.getvalue()
    assert "\n" not in text.replace("[2/3] Broken: http_5xx - HTTP 500\n", "")  # only the failure gets a line
    assert text.split("\r\x1b[K")[-2] == "[3/3] 1 ok, 1 not modified, 1 failed, 0 skipped, 4 new items"
    assert text.endswith("\r\x1b[K")


def test_poll_progress_shows_how_far_a_source_with_many_new_items_got():
    out = io.StringIO()
    progress = PollProgress(2, out, tty=False, every=0)
    progress(SourceReport("Wire", "ok", new_items=1))
    progress.articles("Notices", 10, 30)
    progress.articles("Notices", 20, 30)
    progress(SourceReport("Notices", "not_modified", new_items=30))  # the items an earlier poll left
    assert out.getvalue().splitlines() == [
        "[1/2] Wire: ok - 1 new",
        "[1/2] Notices: reading - 10 of 30 new items stored",
        "[1/2] Notices: reading - 20 of 30 new items stored",
        "[2/2] Notices: not_modified - 30 new",
    ]
    quiet = io.StringIO()
    PollProgress(1, quiet, tty=False).articles("Notices", 10, 30)  # off a terminal, a line every few seconds at most
    assert quiet.getvalue() == ""

    live = io.StringIO()
    progress = PollProgress(2, live, tty=True)
    progress(SourceReport("Wire", "ok", new_items=1))
    progress.articles("Notices", 10, 30)
    assert live.getvalue().endswith("\r\x1b[K[1/2] 1 ok, 0 not modified, 0 failed, 0 skipped, 1 new items; Notices: 10/30")
    progress(SourceReport("Notices", "ok", new_items=30))
    assert live.getvalue().endswith("\r\x1b[K[2/2] 2 ok, 0 not modified, 0 failed, 0 skipped, 31 new items")


def test_poll_help_explains_backoff_and_force():
    result = CliRunner().invoke(cli, ["poll", "--help"])
    assert result.exit_code == 0
    assert "--force" in result.output and "backing off" in result.output and "1, 2, 4" in result.output
