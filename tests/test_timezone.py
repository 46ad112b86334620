"""Times without an offset are read in the configured timezone, and so is the current week."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from monitor import pipeline
from monitor.config import load_config
from monitor.parse import parse_feed
from monitor.sitesrv import SiteServer, send
from monitor.store import Store
from monitor.weeks import current_week, in_timezone, iso_week, parse_timestamp

KARACHI = ZoneInfo("Asia/Karachi")

# Sunday 24 August 2025, half past eleven at night in Pakistan: the last hour of 2025-W34.
# Read as UTC it would be Monday 04:30 in Pakistan, in 2025-W35.
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Late Desk</title><link>__BASE__/</link><description>x</description>
<item><title>PTA extends VPN registration for freelancers by a month</title><link>__BASE__/late/rss-no-zone</link>
  <pubDate>Sun, 24 Aug 2025 23:30:00</pubDate>
  <description>Freelancers who use VPNs for client work get until September to register with the PTA.</description></item>
<item><title>IT exports reach $354 million in July, data shows</title><link>__BASE__/late/iso-no-zone</link>
  <pubDate>2025-08-24T23:30:00</pubDate>
  <description>Pakistan's IT exports were $354 million in July, central bank figures show.</description></item>
<item><title>Freelancers in Karachi form a new association</title><link>__BASE__/late/pkt</link>
  <pubDate>Sun, 24 Aug 2025 23:30:00 PKT</pubDate>
  <description>Freelancers in Karachi formed an association to talk to the PTA about VPN rules.</description></item>
<item><title>PSEB registers more IT companies for freelancers</title><link>__BASE__/late/with-offset</link>
  <pubDate>Sun, 24 Aug 2025 23:30:00 +0500</pubDate>
  <description>The Pakistan Software Export Board says freelancers and IT companies keep registering.</description></item>
<item><title>Freelancers get faster payouts, bankers say</title><link>__BASE__/late/utc</link>
  <pubDate>Sun, 24 Aug 2025 18:30:00 GMT</pubDate>
  <description>Banks credit freelancers' export proceeds within two days, bankers say.</description></item>
</channel></rss>"""

ARTICLE = """<!doctype html><html><head><title>Freelancers rush to register VPNs before the deadline</title>
<meta property="article:published_time" content="2025-08-24T23:30:00"></head><body><article>
<h1>Freelancers rush to register VPNs before the deadline</h1>
<p>Freelancers across Pakistan rushed to register their VPNs with the PTA before the deadline, the regulator said on Sunday night.</p>
<p>The PTA said thousands of freelancers and IT companies had registered in the last week, and that the portal would stay open.</p>
<p>Freelancer associations asked for more time, saying many freelancers in smaller cities had not heard of the rule.</p>
</article></body></html>"""

ARTICLE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Article Desk</title><link>__BASE__/</link><description>x</description>
<item><title>Freelancers rush to register VPNs before the deadline</title><link>__BASE__/news/vpn-rush</link>
  <description>Freelancers rushed to register their VPNs with the PTA.</description></item>
</channel></rss>"""

SUNDAY_NIGHT_UTC = "2025-08-24T18:30:00+00:00"


def _published(feed: str, tz: ZoneInfo) -> dict[str, str | None]:
    entries = parse_feed(feed.replace("__BASE__", "https://late.example.com").encode(), source="Late", url="https://late.example.com/feed", tz=tz)
    return {e.url.rsplit("/", 1)[1]: e.published for e in entries}


def test_feed_times_without_an_offset_are_local():
    assert _published(FEED, KARACHI) == {
        "rss-no-zone": SUNDAY_NIGHT_UTC,
        "iso-no-zone": SUNDAY_NIGHT_UTC,
        "pkt": SUNDAY_NIGHT_UTC,  # Pakistan Standard Time, named
        "with-offset": SUNDAY_NIGHT_UTC,
        "utc": SUNDAY_NIGHT_UTC,
    }


def test_another_configured_timezone_reads_them_there():
    published = _published(FEED, ZoneInfo("UTC"))
    assert published["rss-no-zone"] == published["iso-no-zone"] == "2025-08-24T23:30:00+00:00"
    assert published["with-offset"] == SUNDAY_NIGHT_UTC  # an offset given is an offset kept


def test_a_late_sunday_item_without_an_offset_is_in_its_pakistani_week(write_config, store):
    routes = {
        "/late.xml": lambda h: send(h, 200, FEED.replace("__BASE__", f"http://{h.headers['Host']}").encode(), "application/rss+xml"),
        "/articles.xml": lambda h: send(h, 200, ARTICLE_FEED.replace("__BASE__", f"http://{h.headers['Host']}").encode(), "application/rss+xml"),
        "/news/vpn-rush": lambda h: send(h, 200, ARTICLE.encode()),
    }
    with SiteServer(routes=routes) as server:
        config = load_config(write_config(
            f"- name: Late Desk\n  url: {server.base}/late.xml\n  full_text: false\n- name: Article Desk\n  url: {server.base}/articles.xml\n",
            extra="fetch:\n  host_delay: 0.0\n  retries: 0\n",
        ))  # fmt: skip
        summary = pipeline.poll(config, store)
    assert summary.failed == []
    rows = {r["url"].rsplit("/", 1)[1]: (r["published"], r["week"]) for r in store.db["items"].rows}
    assert rows == {name: (SUNDAY_NIGHT_UTC, "2025-W34") for name in ("rss-no-zone", "iso-no-zone", "pkt", "with-offset", "utc", "vpn-rush")}


MIDNIGHT_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Night Desk</title><link>__BASE__/</link><description>x</description>
<item><title>VPN registrations reach 12,000 in September</title><link>__BASE__/night/vpn</link>
  <pubDate>Mon, 01 Sep 2025 00:30:00 +0500</pubDate>
  <description>The PTA said 12,000 VPNs were registered in September by freelancers and software houses, counted from the portal's first hours.</description></item>
</channel></rss>"""


def test_a_month_is_read_on_the_day_an_item_is_dated_in_the_configured_timezone(write_config, store):
    """Half past midnight on 1 September in Pakistan is 31 August in UTC: "September" in it
    is this September, not last year's."""
    routes = {"/night.xml": lambda h: send(h, 200, MIDNIGHT_FEED.replace("__BASE__", f"http://{h.headers['Host']}").encode(), "application/rss+xml")}
    with SiteServer(routes=routes) as server:
        config = load_config(write_config(f"- name: Night Desk\n  url: {server.base}/night.xml\n  full_text: false\n", extra="fetch:\n  host_delay: 0.0\n  retries: 0\n"))
        pipeline.poll(config, store)
    assert [(r["published"], r["week"]) for r in store.db["items"].rows] == [("2025-08-31T19:30:00+00:00", "2025-W36")]
    assert [(f["series"], f["period"], f["value"]) for f in store.db["facts"].rows] == [("vpn_registrations", "2025-09", 12000)]
    assert in_timezone("2025-08-31T19:30:00+00:00", KARACHI) == "2025-09-01T00:30:00+05:00"
    assert in_timezone("2025-08-31T23:30:00", KARACHI) == "2025-08-31T23:30:00+05:00"  # naive: a local time already
    assert in_timezone("2025-08-31", KARACHI) == "2025-08-31" and in_timezone(None, KARACHI) is None


def test_naive_times_take_the_zone_they_are_read_in():
    assert parse_timestamp("2025-08-24T23:30:00", KARACHI).isoformat() == "2025-08-24T23:30:00+05:00"
    assert parse_timestamp("2025-08-24T23:30:00").isoformat() == "2025-08-24T23:30:00+00:00"  # stored times are UTC
    assert iso_week("2025-08-24T23:30:00", KARACHI) == "2025-W34"
    assert iso_week("2025-08-24T23:30:00+00:00", KARACHI) == "2025-W35"


# ----------------------------------------------------------------------------- the current_week view


def _view_week(store: Store) -> tuple[str, str, str]:
    """The view's week, with Python's for the store's zone just before and after."""
    zone = ZoneInfo(store.db.execute("SELECT timezone FROM local_weeks LIMIT 1").fetchone()[0])
    before = current_week(zone)
    week = store.db.execute("SELECT week FROM current_week").fetchone()[0]
    return before, week, current_week(zone)


@pytest.mark.parametrize("zone", ["Asia/Karachi", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Europe/London", "UTC"])
def test_the_current_week_view_follows_the_configured_timezone(store, zone):
    store.set_timezone(zone)
    before, week, after = _view_week(store)
    assert week in (before, after)
    starts, ends = store.db.execute("SELECT starts, ends FROM local_weeks WHERE week = '2025-W34'").fetchone()
    monday = datetime(2025, 8, 18, tzinfo=ZoneInfo(zone))
    assert (parse_timestamp(starts), parse_timestamp(ends)) == (monday, datetime(2025, 8, 25, tzinfo=ZoneInfo(zone)))
    assert starts.endswith("+00:00")


def test_a_poll_writes_the_configured_timezone_into_the_archive(write_config, store):
    with SiteServer(routes={"/empty.xml": lambda h: send(h, 200, b'<rss version="2.0"><channel><title>x</title></channel></rss>', "application/rss+xml")}) as server:
        config = load_config(write_config(f"- name: Quiet\n  url: {server.base}/empty.xml\n", extra="monitor:\n  timezone: America/New_York\nfetch:\n  retries: 0\n"))
        pipeline.poll(config, store)
    assert {r[0] for r in store.db.execute("SELECT DISTINCT timezone FROM local_weeks")} == {"America/New_York"}
    before, week, after = _view_week(store)
    assert week in (before, after)


def test_a_new_archive_starts_in_pakistan_time_and_other_readers_see_the_view(tmp_path):
    with Store(tmp_path / "m.db"):
        pass
    conn = sqlite3.connect(tmp_path / "m.db")  # any SQLite client: the view lives in the file
    assert conn.execute("SELECT DISTINCT timezone FROM local_weeks").fetchall() == [("Asia/Karachi",)]
    before = current_week(KARACHI)
    assert conn.execute("SELECT week FROM current_week").fetchone()[0] in (before, current_week(KARACHI))
    assert conn.execute("SELECT count(*) FROM local_weeks").fetchone()[0] > 52 * 50  # decades either side of now
    now = datetime.now(timezone.utc).isoformat()
    assert conn.execute("SELECT count(*) FROM local_weeks WHERE starts <= ? AND ? < ends", [now, now]).fetchone()[0] == 1
