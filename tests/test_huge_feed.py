"""A huge feed is not quadratic: the first poll of a feed with thousands of items.

Nothing here is timed (bench/huge_feed.py measures the 20,000-item poll): the tests check that
each lookup a new item makes reads a bounded part of the archive, through its index.
"""

from __future__ import annotations

import pytest

from monitor import pipeline
from monitor.config import load_config
from monitor.dedup import COMMON_KEY_ITEMS, DedupInput, assign, fingerprint
from monitor.sitesrv import SiteServer, send
from monitor.store import SqliteDedupIndex, Store

ITEMS = 2000
FIGURE_EVERY = 40  # one item in 40 gives a figure, each for its own month
RECURRING_EVERY = 5  # one in 5 has the same headline, as a desk's recurring notice does
RECURRING = "VPN registration: PTA notice to freelancers"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def huge_feed(base: str, n: int = ITEMS) -> bytes:
    """``n`` teasers: "... VPN registration item 17" (a number next to a keyword that is no
    count), some with a recurring headline, some with an IT export figure."""
    items = []
    for i in range(n):
        title = RECURRING if i % RECURRING_EVERY == 0 else f"Freelancers and VPN registration: PTA update, item {i}"
        teaser = f"Freelancers must finish VPN registration with the PTA, says notice on VPN registration item {i} of the regulator's series on internet access."
        if i % FIGURE_EVERY == 1:
            month = i // FIGURE_EVERY
            title = f"IT exports reach ${300 + month} million in {MONTHS[month % 12]} {2021 + month // 12}"
            teaser = f"Pakistan's IT exports were ${300 + month} million in {MONTHS[month % 12]} {2021 + month // 12}, the central bank said."
        day = 1 + i % 28
        items.append(
            f"<item><title>{title}</title><link>{base}/notice/{i}</link><guid>{base}/notice/{i}</guid>"
            f"<pubDate>Mon, {day:02d} Sep 2025 {i % 24:02d}:{i % 60:02d}:00 +0500</pubDate><description>{teaser}</description></item>"
        )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Notices</title><link>{base}/</link><description>x</description>{"".join(items)}</channel></rss>'.encode()


def test_the_first_poll_of_a_huge_feed_reads_only_through_indexes(write_config, store, monkeypatch):
    exact_sizes: list[int] = []
    real_exact = SqliteDedupIndex.exact

    def exact(self, keys):
        found = real_exact(self, keys)
        exact_sizes.append(len(found))
        return found

    monkeypatch.setattr(SqliteDedupIndex, "exact", exact)
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    with SiteServer(routes={"/huge.xml": lambda h: send(h, 200, huge_feed(f"http://{h.headers['Host']}"), "application/rss+xml")}) as server:
        config = load_config(write_config(f"- name: Notices\n  url: {server.base}/huge.xml\n  full_text: false\n", extra="fetch:\n  retries: 0\n"))
        summary = pipeline.poll(config, store)
    store.db.conn.set_trace_callback(None)
    assert summary.failed == [] and summary.new_items == ITEMS

    # an item number next to a keyword is not a count: no VPN figure from the teasers
    series = dict(store.db.execute("SELECT series, count(*) FROM facts GROUP BY series").fetchall())
    assert "vpn_registrations" not in series
    assert series.get("it_exports_monthly") == ITEMS // FIGURE_EVERY

    # each new figure finds the figures it may corroborate by the facts_by_key index
    lookups = {s for s in statements if s.lstrip().upper().startswith("SELECT") and "FROM facts" in s and "period_key" in s}
    assert lookups
    for lookup in lookups:
        plan = " | ".join(row[-1] for row in store.db.execute("EXPLAIN QUERY PLAN " + lookup))
        assert "USING INDEX facts_by_key" in plan and "SCAN facts" not in plan, plan

    # and each new item finds earlier reports with its headline among a bounded number
    recurring = ITEMS // RECURRING_EVERY
    assert len(exact_sizes) == ITEMS
    assert max(exact_sizes) <= COMMON_KEY_ITEMS < recurring
    clustered = store.db.execute("SELECT count(*) FROM cluster_members").fetchone()[0]
    assert clustered == ITEMS


def _notice(i: int, **fields) -> DedupInput:
    return DedupInput(id=f"n{i}", title=RECURRING, text=f"Notice number {i} about something else entirely, {i * 7919} words.", url=f"https://pta.example.com/notice/{i}", published=f"2025-09-01T{i % 24:02d}:00:00+00:00", source="PTA", **fields)


@pytest.fixture
def sqlite_index():
    with Store(":memory:") as store:
        yield SqliteDedupIndex(store.db)


def test_an_exact_key_shared_by_many_items_returns_the_latest_few(sqlite_index):
    for i in range(3 * COMMON_KEY_ITEMS):
        assign(_notice(i), sqlite_index)
    title_key = fingerprint(_notice(0)).title_key
    found = [c.member.item for c in sqlite_index.exact([title_key])]
    assert found == [f"n{i}" for i in range(2 * COMMON_KEY_ITEMS, 3 * COMMON_KEY_ITEMS)]  # the latest, in the order indexed
    # a URL or GUID key still finds its item however old
    first = fingerprint(_notice(0))
    assert [c.member.item for c in sqlite_index.exact([first.url_key, title_key])][0] == "n0"


def test_the_exact_lookup_reads_a_bounded_range_of_its_index(sqlite_index):
    for i in range(2 * COMMON_KEY_ITEMS):
        assign(_notice(i), sqlite_index)
    statements: list[str] = []
    sqlite_index.db.conn.set_trace_callback(statements.append)
    sqlite_index.exact([fingerprint(_notice(0)).title_key])
    sqlite_index.db.conn.set_trace_callback(None)
    [query] = [s for s in statements if "dedup_exact" in s]
    plan = [row[-1] for row in sqlite_index.db.execute("EXPLAIN QUERY PLAN " + query)]
    assert "SEARCH e USING PRIMARY KEY (key=?)" in plan and not [s for s in plan if s.startswith(("SCAN e", "SCAN i"))]
    assert f"LIMIT {COMMON_KEY_ITEMS}" in query


def test_a_recurring_headline_still_joins_a_google_news_link_to_its_outlet(sqlite_index):
    """The cap keeps the latest reports with a headline: a Google News link finds the
    outlet's own report of the same day among them."""
    for i in range(2 * COMMON_KEY_ITEMS):
        assign(_notice(i), sqlite_index)
    dawn = DedupInput(id="dawn", title=RECURRING, text="", url="https://www.dawn.com/news/1", published="2025-09-02T08:00:00+00:00", source="Dawn")
    assign(dawn, sqlite_index)
    link = DedupInput(id="gn", title=f"{RECURRING} - Dawn", text="", url="https://news.google.com/rss/articles/CBMiX", published="2025-09-02T09:00:00+00:00", source="Google News", aggregated=True)
    assert assign(link, sqlite_index) == "dawn"
