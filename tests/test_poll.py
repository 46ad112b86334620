"""One poll cycle against a real HTTP server on 127.0.0.1; a manual poll stopped or killed."""

from __future__ import annotations

import json
import logging
import re
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from click.testing import CliRunner
from procs import Hang, runs, wait_for

from monitor import pipeline
from monitor.cli import cli
from monitor.config import load_config
from monitor.daemon import schedule_lines
from monitor.sitesrv import SiteServer, send
from monitor.status import source_rows
from monitor.store import Store
from monitor.weeks import current_week, parse_timestamp


def test_the_summary_of_one_source_and_one_item_is_singular():
    one = pipeline.PollSummary([pipeline.SourceReport("Good Feed", "ok", new_items=1)], seconds=0.5)
    assert one.line() == "1 source: 1 ok, 0 not modified, 0 failed; 1 new item in 0.5s"
    two = pipeline.PollSummary([pipeline.SourceReport("A", "ok", new_items=2), pipeline.SourceReport("B", "not_modified")], seconds=0.5)
    assert two.line() == "2 sources: 1 ok, 1 not modified, 0 failed; 2 new items in 0.5s"


def test_poll_stores_items_and_records_fetches(site_config, store):
    summary = pipeline.poll(site_config, store)
    assert summary.failed == []
    titles = {r["title"] for r in store.db["items"].rows}
    assert "IT exports reach $354m in July, central bank data shows" in titles
    assert "DigiSkills opens new batch of free online courses" in titles
    assert "PTA extends window for VPN registration" in titles  # found on the listing page
    assert store.db["fetches"].count == 3
    assert {r["outcome"] for r in store.db["fetches"].rows} == {"ok"}
    assert summary.new_items == store.count_items()


def test_second_poll_adds_no_item(site_config, store):
    first = pipeline.poll(site_config, store)
    count = store.count_items()
    second = pipeline.poll(site_config, store)
    assert first.new_items == count > 0
    assert second.new_items == 0
    assert store.count_items() == count


def test_full_text_is_extracted_for_feed_items(site_config, store):
    pipeline.poll(site_config, store)
    row = next(store.db["items"].rows_where("title like ?", ["IT exports reach%"]))
    assert "$354 million in July 2025" in row["text"]
    assert row["extraction"] == "ok"
    assert "utm_source" not in row["canonical_url"]


def test_bad_sources_do_not_stop_good_ones(site, write_config, store, tmp_path):
    path = write_config(
        f"""
        - name: Good Feed
          url: {site.base}/feeds/good.xml
        - name: Server Error
          url: {site.base}/broken/500.xml
        - name: Garbage
          url: {site.base}/feeds/garbage.xml
        - name: HTML Page
          url: {site.base}/feeds/html-instead.xml
        - name: Nowhere
          url: {site.base}/no/such/feed.xml
        """,
        extra="fetch:\n  host_delay: 0.01\n  retries: 0\n",
    )
    config = load_config(path)
    summary = pipeline.poll(config, store)
    outcomes = {r.source: r.outcome for r in summary.reports}
    assert outcomes["Good Feed"] == "ok"
    assert outcomes["Server Error"] == "http_5xx"
    assert outcomes["Garbage"] == "parse_error"
    assert outcomes["HTML Page"] == "not_a_feed"
    assert outcomes["Nowhere"] == "http_4xx"
    assert store.db["items"].count_where("source = ?", ["Good Feed"]) == 4
    state = store.source_state("Server Error")
    assert state.consecutive_failures == 1 and "500" in state.last_error
    assert state.next_attempt is not None


def test_binary_garbage_is_a_parse_error(write_config, store):
    junk = bytes(range(256)) * 4

    with SiteServer(routes={"/junk": lambda h: send(h, 200, junk, "application/octet-stream")}) as server:
        path = write_config(f"- name: Junk\n  url: {server.base}/junk\n", extra="fetch:\n  retries: 0\n")
        summary = pipeline.poll(load_config(path), store)
    assert summary.reports[0].outcome in ("parse_error", "not_a_feed")
    assert store.count_items() == 0


def test_reports_of_one_story_become_one_cluster(site, write_config, store):
    """The outlet's own item and the aggregator's link to it are one story."""
    path = write_config(
        f"""
        - name: Test Daily
          url: {site.base}/feeds/good.xml
        - name: News Search
          url: {site.base}/feeds/aggregator.xml
          aggregator: true
          full_text: false
        """,
        extra="fetch:\n  host_delay: 0.01\n  retries: 0\n",
    )
    pipeline.poll(load_config(path), store)
    rows = list(store.db.query("SELECT i.source, i.title, m.cluster_id FROM items i JOIN cluster_members m ON m.item_id = i.id WHERE i.title LIKE 'PTA sets deadline%'"))
    assert {r["source"] for r in rows} == {"Test Daily", "News Search"}
    assert len({r["cluster_id"] for r in rows}) == 1
    # every stored item has a story; the others are stories of their own
    assert store.db["cluster_members"].count == store.count_items()
    assert store.db["clusters"].count == store.count_items() - 1
    [story] = store.db.query("SELECT outlets, reprints FROM stories WHERE title LIKE 'PTA sets deadline%'")
    # (the aggregator's entry is the paper's own report: the story names its outlet once, not the search)
    assert story["reprints"] == 2 and story["outlets"] == "Test Daily"
    # an item with its article's text is compared as a whole article; a feed's teaser by length
    complete = {(r["source"], r["has_text"], r["complete"]) for r in store.db.query(
        "SELECT i.source, i.text != '' AS has_text, d.complete FROM items i JOIN dedup_items d ON d.id = i.id")}
    assert ("Test Daily", 1, 1) in complete
    assert {(s, t, c) for s, t, c in complete if not t} == {("News Search", 0, None)}


@pytest.mark.parametrize(("sig", "said"), [(signal.SIGTERM, "SIGTERM"), (signal.SIGINT, "Ctrl-C"), (signal.SIGHUP, "SIGHUP")], ids=["SIGTERM", "Ctrl-C", "SIGHUP"])
def test_a_manual_poll_stopped_by_sigterm_or_ctrl_c_ends_its_run_and_keeps_what_was_stored(sig, said, site, write_config, tmp_path):
    """``kill`` (or Ctrl-C) of a ``monitor poll`` whose second source never answers: the run
    ends as stopped, with its time, the first source's items stay, the command says so in one
    line, and no traceback. SIGHUP (the SSH session it ran in dropped) is no kill -9: it ended
    the process on the spot, leaving the run marked running."""
    hang = Hang()
    config = write_config(
        f"- name: Good Feed\n  url: {site.base}/feeds/good.xml\n- name: Stuck Feed\n  url: http://127.0.0.1:{hang.port}/feed.xml\n",
        extra="fetch:\n  read_timeout: 120\n  connect_timeout: 5\n  deadline: 300\n  retries: 0\n",
    )
    db = tmp_path / "monitor.db"
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "poll"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        seen = []
        while not seen or not seen[-1].startswith("[1/2] Good Feed: ok"):  # a line a source when not on a terminal
            seen.append(proc.stderr.readline())
            assert seen[-1], seen
        wait_for(lambda: hang.open >= 1, timeout=60)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)  # far less than the 120 s the stuck read would wait
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        hang.close()
    # it says how far it got and what it kept, and exits as a shell reports a signal (not 1,
    # which says every source failed)
    assert proc.returncode == {signal.SIGTERM: 143, signal.SIGINT: 130, signal.SIGHUP: 129}[sig], err
    assert f"poll stopped by {said} after 1 of 2 sources: " in err and " stored and kept; the others wait for the next poll" in err, err
    assert "Aborted!" not in err and "Traceback" not in err, err
    [run] = runs(db, "poll")
    assert (run["outcome"], run["detail"]) == ("stopped", f"{said}: the sources polled before it are stored") and run["finished_at"]
    with Store(db) as store:
        assert store.count_items() > 0
        assert f"(stopped: {said}: the sources polled before it are stored)" in schedule_lines(load_config(config), store)[0]


def test_a_poll_killed_outright_is_shown_as_interrupted_not_running(write_config, tmp_path):
    """``kill -9`` leaves the run marked running; status tells it is not."""
    hang = Hang()
    config = write_config(f"- name: Stuck Feed\n  url: http://127.0.0.1:{hang.port}/feed.xml\n", extra="fetch:\n  read_timeout: 120\n  deadline: 300\n  retries: 0\n")
    db = tmp_path / "monitor.db"
    proc = subprocess.Popen([sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "poll"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for(lambda: hang.open >= 1 and runs(db, "poll"), timeout=60)
        status = CliRunner().invoke(cli, ["--config", str(config), "--db", str(db), "status"])
        assert f"(running: pid {proc.pid} on " in status.output
        proc.kill()
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        hang.close()
    assert runs(db, "poll")[0]["outcome"] == "running"
    status = CliRunner().invoke(cli, ["--config", str(config), "--db", str(db), "status"])
    assert status.exit_code == 0, status.output
    assert f"(interrupted: its process (pid {proc.pid}) ended without recording the end of the run)" in status.output


# --------------------------------------------------------------------------- dates in the future


def _feed(base: str, items: list[tuple[str, str | None]]) -> bytes:
    """An RSS feed of ``(slug, RFC 822 date or None)`` items about freelancers' VPN registration."""
    body = "".join(
        f"<item><title>PTA notice to freelancers on VPN registration: {slug}</title><link>{base}/n/{slug}</link>"
        + (f"<pubDate>{date}</pubDate>" if date else "")
        + "<description>Freelancers must register their VPNs with the PTA.</description></item>"
        for slug, date in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>{base}/</link><description>x</description>{body}</channel></rss>'.encode()


def test_an_item_dated_in_the_future_is_dated_when_fetched_and_its_feed_can_go_stale(write_config, store, caplog):
    old = format_datetime(datetime.now(timezone.utc) - timedelta(days=60))
    feeds = {
        "/desk.xml": [("one", old), ("two", old), ("far-ahead", "Thu, 20 Aug 2099 10:00:00 +0500")],
        "/sibling.xml": [("three", old)],
    }
    routes = {path: (lambda items: lambda h: send(h, 200, _feed(f"http://{h.headers['Host']}", items), "application/rss+xml"))(items) for path, items in feeds.items()}
    with SiteServer(routes=routes) as server:
        config = load_config(write_config(
            f"- name: Desk\n  url: {server.base}/desk.xml\n  full_text: false\n- name: Sibling\n  url: {server.base}/sibling.xml\n  full_text: false\n",
            extra="fetch:\n  host_delay: 0\n  retries: 0\n",
        ))  # fmt: skip
        with caplog.at_level(logging.WARNING, logger="monitor.pipeline"):
            pipeline.poll(config, store)
        [row] = store.db.query("SELECT published, fetched_at, week FROM items WHERE url LIKE '%far-ahead'")
        first_fetch = store.db.execute("SELECT started_at FROM fetches WHERE source = 'Desk'").fetchone()[0]
        assert row["published"] == first_fetch and row["week"] == current_week(config.tz)  # in this week's digest
        assert store.source_state("Desk").newest_entry == first_fetch
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1 and warnings[0].getMessage().startswith("Desk: 1 new item dated more than a day after the fetch")
        assert warnings[0].source == "Desk"

        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="monitor.pipeline"):
            pipeline.poll(config, store, force=True)  # the entry is known: it keeps the date it was given
        assert not caplog.records
        assert store.source_state("Desk").newest_entry == first_fetch

    # a month later, the feed whose only recent item was that one is as stale as its sibling
    later = parse_timestamp(first_fetch) + timedelta(days=31)
    stale = {r.name: r.stale for r in source_rows(store, config, later)}
    assert stale["Desk"] and stale["Desk"].startswith("newest item is dated") and stale["Sibling"]



def test_an_archive_locked_by_another_process_stops_the_poll_without_blaming_the_sources(site_config, tmp_path, monkeypatch):
    """SQLite gave up waiting for another process's write lock while a source's items were
    being stored: the archive is the problem, so the poll stops and says so, and no source is
    marked failing or sent into back-off for it."""
    import sqlite3

    db = tmp_path / "m.db"
    Store(db).close()

    def locked(self, *args, **kwargs):
        e = sqlite3.OperationalError("database is locked")
        e.sqlite_errorname = "SQLITE_BUSY"
        raise e

    monkeypatch.setattr(Store, "save_items", locked)
    result = CliRunner().invoke(cli, ["--config", site_config.path, "--db", str(db), "poll"])
    assert result.exit_code == 2, result.output
    assert f"error: {db}: the archive is locked by another process" in result.output
    monkeypatch.undo()
    with Store(db) as store:
        states = store.source_states()
    assert all(s.consecutive_failures == 0 for s in states.values()), states


def test_a_poll_stopped_by_a_locked_archive_leaves_the_sources_still_waiting_unblamed(write_config, tmp_path, monkeypatch):
    """The archive was locked while one source's items were stored, and another source of
    the same site was still waiting for its turn: the poll stops, and the waiting source is
    not sent a request on a closed connection and recorded as failing for it."""
    import asyncio
    import sqlite3

    from monitor.fetch import Fetcher

    def feed(handler):
        base = f"http://{handler.headers['Host']}"
        send(handler, 200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>q</title><link>{base}/</link><description>q</description><item><title>IT exports rise</title><link>{base}/n/1</link><description>Pakistan IT exports rose.</description></item></channel></rss>'.encode(), "application/rss+xml")

    def locked(self, *args, **kwargs):
        e = sqlite3.OperationalError("database is locked")
        e.sqlite_errorname = "SQLITE_BUSY"
        raise e

    closing = Fetcher.__aexit__

    async def slow_close(self, *exc):  # a close that takes a while, as closing many connections can
        await closing(self, *exc)
        await asyncio.sleep(0.6)

    with SiteServer(routes={"/a.xml": feed, "/b.xml": feed}) as server:
        path = write_config(f"- name: First\n  url: {server.base}/a.xml\n- name: Second\n  url: {server.base}/b.xml\n", extra="fetch:\n  host_delay: 0.3\n  per_host: 1\n  retries: 0\n")
        db = tmp_path / "m.db"
        Store(db).close()
        monkeypatch.setattr(Store, "save_items", locked)
        monkeypatch.setattr(Fetcher, "__aexit__", slow_close)
        result = CliRunner().invoke(cli, ["--config", str(path), "--db", str(db), "poll"])
        monkeypatch.undo()
    assert result.exit_code == 2, result.output
    with Store(db) as store:
        states = store.source_states()
    assert all(s.consecutive_failures == 0 for s in states.values()), states


_REPORT = (
    "KARACHI: Pakistan's IT exports rose 24 percent year-on-year to $354 million in July, the State Bank of Pakistan said on Monday. "
    "Computer services brought in most of the month's earnings, and freelancers sent home more of their income through banks. "
    "Software houses in Lahore and Islamabad said new contracts with clients in the Gulf had lifted their sales, while telecom services grew more slowly."
)
#: a business story led by the current account that carries the same release as its last paragraph
_ROUNDUP = (
    "KARACHI: The current account posted a surplus of $47 million in July against a deficit of $491 million a year earlier, "
    "the State Bank of Pakistan said on Monday, as workers' remittances held up and imports of machinery slowed.\n\n"
    "Analysts said the surplus would narrow as growth picked up and oil prices rose.\n\n"
    "The central bank's reserves stood at $14.2 billion at the end of the month, enough for about two and a half months of imports.\n\n"
    "Separately, the State Bank's data showed IT exports at $354 million in July, up 24 percent year-on-year, as computer services and freelancers brought in more."
)


def test_a_story_not_relevant_that_carries_a_release_as_a_brief_is_not_of_its_event_and_stores_no_figures(write_config, store):
    """The current-account story is judged not relevant (the release is a passing mention in
    it), so its figures are never stored; they still tell deduplication that it only carries
    the release, so it is no part of the release's event, though it shares its words."""
    from xml.sax.saxutils import escape

    when = "Mon, 18 Aug 2025 09:00:00 +0500"  # a month after July: the release is the report's news
    stories = {"report": ("IT exports climb 24pc to $354m in July", _REPORT), "roundup": ("Current account posts $47m surplus in July", _ROUNDUP)}

    def feed(handler):
        base = f"http://{handler.headers['Host']}"
        body = "".join(f"<item><title>{escape(title)}</title><link>{base}/n/{slug}</link><pubDate>{when}</pubDate></item>" for slug, (title, _) in stories.items())
        send(handler, 200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>{base}/</link><description>x</description>{body}</channel></rss>'.encode(), "application/rss+xml")

    def page(slug):
        title, text = stories[slug]
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        return lambda handler: send(handler, 200, f"<html><head><title>{escape(title)}</title></head><body><article><h1>{escape(title)}</h1>{paragraphs}</article></body></html>".encode(), "text/html")

    with SiteServer(routes={"/business.xml": feed, **{f"/n/{slug}": page(slug) for slug in stories}}) as server:
        config = load_config(write_config(f"- name: Business\n  url: {server.base}/business.xml\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        pipeline.poll(config, store)
    rows = {r["url"].rsplit("/", 1)[1]: r for r in store.db.query("SELECT id, url, relevant FROM items")}
    assert rows["report"]["relevant"] and not rows["roundup"]["relevant"]
    assert {f["item"] for f in store.db.query("SELECT item FROM facts")} == {rows["report"]["id"]}
    events = {r["item_id"]: r["event_id"] for r in store.db.query("SELECT m.item_id, COALESCE(c.event_id, c.id) AS event_id FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id")}
    assert events[rows["roundup"]["id"]] != events[rows["report"]["id"]]



def _poll_one_story(write_config, store, title: str, description: str, path: str, page: bytes):
    """Poll a feed of one item (``title`` and ``description`` as the feed writes them, dated 20
    August 2025) whose article at ``path`` is ``page``; the configuration polled."""

    def feed(h):
        base = f"http://{h.headers['Host']}"
        item = f"<item><title>{title}</title><link>{base}{path}</link><pubDate>Wed, 20 Aug 2025 09:00:00 +0500</pubDate><description>{description}</description></item>"
        send(h, 200, f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>x</title><link>{base}/</link>{item}</channel></rss>'.encode(), "application/rss+xml")

    routes = {"/feed.xml": feed, path: lambda h: send(h, 200, page, "text/html; charset=utf-8")}
    with SiteServer(routes=routes) as server:
        config = load_config(write_config(f"- name: Wire\n  url: {server.base}/feed.xml\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        pipeline.poll(config, store)
    return config


def test_soft_hyphens_and_zero_width_spaces_do_not_hide_words_from_the_rules_or_the_search(write_config, store):
    """A hyphenation plug-in writes "free&shy;lancers" and a pasted headline carries a zero-width
    space: a reader sees "freelancers", and so do the relevance rules, the figures and the search."""

    page = (
        "<html><head><title>Pakistani free&shy;lancers earn $350m in July</title></head><body><article>"
        "<h1>Pakistani free&shy;lancers earn $350m in July</h1>"
        "<p>Pakistan's free&shy;lancers earned $350 million in July 2025, the State Bank of Pakistan said on Tuesday.</p>"
        "<p>Free\u200blancing platforms said Pakistani free&shy;lancers were paid faster than a year before.</p>"
        "</article></body></html>"
    ).encode()
    _poll_one_story(write_config, store, "Pakistani free&amp;shy;lancers earn \u200b$350m in July", "Free\u200blancers in Pakistan.", "/a/earnings", page)
    [item] = store.db.query("SELECT id, title, summary, text, relevant, topics FROM items")
    assert item["title"] == "Pakistani freelancers earn $350m in July" and item["summary"] == "Freelancers in Pakistan."
    assert "\u00ad" not in item["text"] and "\u200b" not in item["text"] and "Pakistan's freelancers earned" in item["text"]
    assert item["relevant"] == 1 and "freelancing" in item["topics"]
    assert [f["value"] for f in store.db.query("SELECT value FROM facts WHERE series = 'freelancer_earnings'")] == [350.0]
    assert [r["id"] for r in store.db["items"].search("freelancers")] == [item["id"]]


def test_bidi_overrides_in_a_feed_or_an_article_do_not_reach_the_digest_or_the_feeds(write_config, store, tmp_path):
    """A right-to-left override shows what follows backwards: a headline "Download the form
    <RLO>fdp.exe" reads "Download the form exe.pdf", and one left open turns the outlet and the
    link after it in the digest's line too. Urdu keeps its own letters and marks."""

    page = (
        "<html><head><title>Freelancers must register VPNs</title></head><body><article><h1>Freelancers must register VPNs</h1>"
        "<p>The PTA said Pakistani freelancers must register their VPNs by August 31, \u202bor lose access\u202c to the internet.</p>"
        "<p>فری لانسرز کو \u200fوی پی این رجسٹر کرانا ہوگا۔ Freelancers who use VPNs for their work in Pakistan must register them.</p>"
        "</article></body></html>"
    ).encode()
    config = _poll_one_story(
        write_config, store, "Pakistani freelancers must register VPNs: download the form \u202efdp.exe", "Freelancers in Pakistan \u2067must\u2069 register.", "/a/vpn", page
    )
    from monitor.digest import build_digest, render_html, render_text
    from monitor.feeds import build_feeds, render

    controls = re.compile("[\u202a-\u202e\u2066-\u2069]")
    [item] = store.db.query("SELECT title, summary, text FROM items")
    assert item["title"] == "Pakistani freelancers must register VPNs: download the form fdp.exe"
    assert not any(controls.search(item[k]) for k in ("title", "summary", "text"))
    assert "فری لانسرز کو \u200fوی پی این" in item["text"]  # a right-to-left mark reorders nothing: kept
    digest = build_digest(store, config, "2025-W34")
    shown = [render_text(digest), render_html(digest), *(render(f) for f in build_feeds(store, config, tmp_path / "monitor.db"))]
    assert "fdp.exe" in shown[0] and "fdp.exe" in shown[1]
    assert not [text for text in shown if controls.search(text if isinstance(text, str) else text.decode())]


def test_article_pages_answered_with_a_bot_check_keep_their_stories_apart_on_their_teasers(write_config, store):
    """A site that serves every article page to this client as Cloudflare's "Just a moment..."
    (with 200) gave each item the check's text: three stories became one, told with "needs to
    review the security of your connection". Each item now keeps its feed teaser, and says why."""
    stories = [
        ("Pakistan's IT exports rise to $354m in July", "Pakistan's IT exports rose 20pc to $354 million in July, SBP data showed."),
        ("PTA opens VPN registration for freelancers", "The Pakistan Telecommunication Authority asked freelancers to register their VPNs."),
        ("PSEB registers 1,200 new IT companies", "The Pakistan Software Export Board registered 1,200 IT companies and freelancers."),
    ]
    check = (
        b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><div class="main-wrapper" role="main">'
        b'<h1 class="zone-name-title h1">www.example.com</h1><h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>'
        b'<div id="challenge-body-text" class="core-msg spacer">www.example.com needs to review the security of your connection before proceeding.</div></div>'
        b'<script>(function(){window._cf_chl_opt={cvId: "2"};}());</script></body></html>'
    )

    def feed(h):
        base = f"http://{h.headers['Host']}"
        items = "".join(
            f"<item><title>{title}</title><link>{base}/a/{n}</link><guid>g{n}</guid><pubDate>Wed, 20 Aug 2025 09:0{n}:00 +0500</pubDate><description>{teaser}</description></item>"
            for n, (title, teaser) in enumerate(stories)
        )
        send(h, 200, f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>{base}/</link>{items}</channel></rss>'.encode(), "application/rss+xml")

    routes = {"/feed.xml": feed, **{f"/a/{n}": lambda h: send(h, 200, check, "text/html; charset=UTF-8") for n in range(3)}}
    with SiteServer(routes=routes) as server:
        config = load_config(write_config(f"- name: Wire\n  url: {server.base}/feed.xml\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        pipeline.poll(config, store)
    items = store.db.query("SELECT title, summary, text, extraction FROM items ORDER BY published")
    assert [(i["title"], i["summary"]) for i in items] == stories
    assert all(not i["text"] and i["extraction"].startswith("fetch blocked: HTTP 200 OK, but a bot check") for i in items)
    assert store.db.execute("SELECT count(DISTINCT cluster_id) FROM cluster_members").fetchone()[0] == 3


def test_an_item_dated_at_the_unix_epoch_or_year_one_is_undated_and_reaches_this_weeks_digest(write_config, store):
    """A content system that writes 'Thu, 01 Jan 1970 00:00:00 +0000' (or Go's zero time) for an
    empty date put its item 55 years back: never in a digest, and its feed stale. Such a date is
    no date: the item is in the week it was first fetched, as any undated item."""
    with SiteServer(routes={"/desk.xml": lambda h: send(h, 200, _feed(f"http://{h.headers['Host']}", [("epoch", "Thu, 01 Jan 1970 00:00:00 +0000"), ("zero", "0001-01-01T00:00:00Z")]), "application/rss+xml")}) as server:
        config = load_config(write_config(f"- name: Desk\n  url: {server.base}/desk.xml\n  full_text: false\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        pipeline.poll(config, store)
    rows = store.db.query("SELECT url, published, week FROM items ORDER BY url")
    assert [(r["url"].rsplit("/", 1)[1], r["published"], r["week"]) for r in rows] == [("epoch", None, current_week(config.tz)), ("zero", None, current_week(config.tz))]
    assert not source_rows(store, config)[0].stale


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_feed_in_utf16_is_read_whatever_the_server_and_its_declaration_say(encoding, write_config, store):
    """A feed saved in UTF-16 (by a Windows tool) but served, and declared, as UTF-8 read as
    "not well-formed (invalid token)" when its text was all ASCII (nothing else gave the
    encoding away): its bytes say what it is, with a byte order mark or without one."""
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>IT exports reach $354m in July</title><link>{base}/en/exports</link><guid>ur-exports</guid></item>"
        "<item><title>Freelancers earn $350m in July</title><link>{base}/en/earnings</link><guid>en-earnings</guid></item>"
        "</channel></rss>"
    )
    routes = {
        "/feed.xml": lambda h: send(h, 200, xml.format(base=f"http://{h.headers['Host']}").encode(encoding), "application/rss+xml; charset=utf-8"),
        "/en/exports": lambda h: send(h, 404, b"gone", "text/plain"),
        "/en/earnings": lambda h: send(h, 404, b"gone", "text/plain"),
    }
    with SiteServer(routes=routes) as server:
        config = load_config(write_config(f"- name: Wire\n  url: {server.base}/feed.xml\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        reports = {r.source: (r.outcome, r.error) for r in pipeline.poll(config, store).reports}
    assert reports["Wire"] == ("ok", None)
    assert sorted(r["title"] for r in store.db.query("SELECT title FROM items")) == ["Freelancers earn $350m in July", "IT exports reach $354m in July"]


def test_a_json_feed_is_polled_as_an_rss_feed_is_and_json_that_is_not_one_is_named(write_config, store):
    """Sites built with static generators often publish a JSON Feed (versions 1 and 1.1)
    beside, or instead of, RSS; it read as "not well-formed (invalid token)". Its items are now
    stored with their dates, authors and articles; JSON that is not a JSON Feed says so."""
    page = (
        "<html><head><title>Freelancers earn $350m in July</title></head><body><article><h1>Freelancers earn $350m in July</h1>"
        "<p>Pakistan's freelancers earned $350 million in July 2025, the State Bank of Pakistan said on Tuesday.</p>"
        "<p>Freelancing platforms said Pakistani freelancers were paid faster than a year before.</p></article></body></html>"
    ).encode()

    def feed(h):
        doc = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Wire",
            "items": [
                {"id": "earnings-july", "url": "/a/earnings", "title": "Freelancers earn $350m in July", "content_html": "<p>Pakistani <b>freelancers</b> earned more.</p>",
                 "date_published": "2025-08-20T09:00:00+05:00", "authors": [{"name": "Business Desk"}]},
                {"id": 7, "external_url": f"http://{h.headers['Host']}/b/vpn", "summary": "PTA asks freelancers to register their VPNs", "date_modified": "2025-08-21T10:30:00"},
                {"title": "An item with neither address nor id"},
            ],
        }
        send(h, 200, json.dumps(doc).encode(), "application/feed+json")

    routes = {
        "/feed.json": feed,
        "/a/earnings": lambda h: send(h, 200, page, "text/html; charset=utf-8"),
        "/data.json": lambda h: send(h, 200, b'{"rates": [1, 2]}', "application/json"),
        "/b/vpn": lambda h: send(h, 404, b"not here", "text/plain"),
    }
    with SiteServer(routes=routes) as server:
        sources = f"- name: Wire\n  url: {server.base}/feed.json\n- name: Data\n  url: {server.base}/data.json\n"
        config = load_config(write_config(sources, extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        reports = {r.source: (r.outcome, r.error) for r in pipeline.poll(config, store).reports}
    assert reports["Wire"] == ("ok", None)
    assert reports["Data"][0] == "parse_error" and "not a JSON Feed" in reports["Data"][1]
    rows = {r["guid"]: r for r in store.db.query("SELECT guid, url, title, published, author, text FROM items")}
    assert set(rows) == {"earnings-july", "7"}
    earnings = rows["earnings-july"]
    assert earnings["url"].endswith("/a/earnings") and earnings["published"] == "2025-08-20T04:00:00+00:00" and earnings["author"] == "Business Desk"
    assert "Pakistan's freelancers earned $350 million in July 2025" in earnings["text"]  # the article itself, fetched
    assert rows["7"]["url"].endswith("/b/vpn") and rows["7"]["title"] == "PTA asks freelancers to register their VPNs"
    assert rows["7"]["published"] == "2025-08-21T05:30:00+00:00"  # no offset: read in the configured timezone (PKT)


def test_urdu_typed_with_arabic_letters_or_presentation_forms_is_read_as_urdu(write_config, store):
    """An Urdu page typed on an Arabic keyboard, or saved in Windows-1256 (which has no Urdu
    yeh), writes ي and ك for ی and ک; text copied from a PDF may come in presentation forms.
    A reader sees the same words, but the rules saw none: a VPN report with "فري لانسرز" in
    its headline was stored as irrelevant and no search in Urdu found it."""

    title = "وي پي اين رجسٹريشن کي آخري تاريخ ميں توسيع، فري لانسرز کو ريليف"
    paragraphs = [
        "پاکستان ٹيلي كميونيكيشن اتھارٹي (پي ٹي اے) نے وي پي اين رجسٹريشن کي آخري تاريخ ميں ايک ماہ کي توسيع کر دي ہے.",
        "پي ٹي اے کے مطابق اب تک 25 ہزار سے زائد فري لانسرز اور آئي ٹي کمپنيوں نے وي پي اين رجسٹر کرائے ہيں.",
    ]
    page = f'<html><head><meta charset="windows-1256"><title>{title}</title></head><body><article><h1>{title}</h1>'
    page += "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
    # the teaser in presentation forms: "فری لانسرز پریشان" as a PDF's glyphs
    teaser = "\ufed3\ufeae\ufbfc \ufefb\ufee7\ufeb4\ufeae\ufeaf \ufb58\ufeae\ufbfe\ufeb8\ufe8e\ufee5"
    _poll_one_story(write_config, store, title, teaser, "/ur/vpn", page.encode("cp1256"))
    [item] = store.db.query("SELECT id, title, summary, text, relevant, topics FROM items")
    assert not re.search("[يىك\ufb50-\ufdff\ufe70-\ufefe]", item["title"] + item["summary"] + item["text"])
    assert item["title"] == "وی پی این رجسٹریشن کی آخری تاریخ میں توسیع، فری لانسرز کو ریلیف"
    assert item["summary"] == "فری لانسرز پریشان"
    assert "پاکستان ٹیلی کمیونیکیشن اتھارٹی" in item["text"]
    assert item["relevant"] == 1 and "vpn_internet" in item["topics"] and "freelancing" in item["topics"]
    assert [r["id"] for r in store.db["items"].search('"فری لانسرز"')] == [item["id"]]


def test_arabic_keeps_its_own_yeh_and_kaf(write_config, store):
    """Only Urdu (text with a letter Arabic has not, such as پ ٹ ں ے) is written in Urdu's
    letters: an Arabic page keeps its yeh and kaf, as its readers write them."""
    title = "وزير الاتصالات يعلن توسيع شبكة الألياف في كل المدن"
    page = f'<html><head><meta charset="windows-1256"><title>{title}</title></head><body><article><h1>{title}</h1>'
    page += "<p>قال الوزير إن الشبكة الجديدة ستصل إلى كل المدارس والمستشفيات قبل نهاية العام المقبل.</p></article></body></html>"
    _poll_one_story(write_config, store, title, "", "/ar/fibre", page.encode("cp1256"))
    [item] = store.db.query("SELECT title, text FROM items")
    assert item["title"] == title and "الجديدة ستصل إلى كل المدارس" in item["text"]
