"""A huge feed is not quadratic: the first poll of a feed with thousands of items; and a big
feed whose articles are fetched does not hold a poll for long: a poll reads a bounded number
of its articles, newest first, keeps the rest for the next polls and stores as it goes.

Nothing here is timed (bench/huge_feed.py measures the 20,000-item poll): the tests check that
each lookup a new item makes reads a bounded part of the archive, through its index, and how
many articles a poll reads and keeps.
"""

from __future__ import annotations

import threading

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


# --------------------------------------------------------------------------- a big feed of full texts


class ArticleSite:
    """A feed of ``n`` items whose article pages are served too; the items are listed out of
    date order, item ``i`` dated ``i`` hours after the first. ``etag`` makes the feed answer
    304 to a conditional GET; ``only`` narrows the feed to those items (it dropped the others)."""

    def __init__(self, n: int):
        self.n = n
        self.only: list[int] | None = None
        self.etag = False
        self.articles: list[int] = []
        self.lock = threading.Lock()

    def order(self) -> list[int]:
        items = self.only if self.only is not None else list(range(self.n))
        return sorted(items, key=lambda i: (i * 7919) % 1009)  # neither oldest nor newest first

    def feed(self, h) -> None:
        if self.etag and h.headers.get("If-None-Match") == '"v1"':
            send(h, 304, b"", "", {"ETag": '"v1"'})
            return
        base = f"http://{h.headers['Host']}"
        items = "".join(
            f"<item><title>Freelancers and IT exports: PSEB update {i}</title><link>{base}/a/{i}</link>"
            f"<pubDate>{self.date(i)}</pubDate><description>Freelancers registered with PSEB, update {i}.</description></item>"
            for i in self.order()
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>PSEB</title><link>{base}/</link><description>x</description>{items}</channel></rss>'
        send(h, 200, body.encode(), "application/rss+xml", {"ETag": '"v1"'} if self.etag else None)

    @staticmethod
    def date(i: int) -> str:
        return f"{1 + i // 24:02d} Sep 2025 {i % 24:02d}:00:00 +0000"

    def article(self, h) -> None:
        i = int(h.path.rsplit("/", 1)[1])
        with self.lock:
            self.articles.append(i)
        paragraphs = "".join(f"<p>Pakistan's freelancers registered with PSEB in the {j}th week of the drive, update {i} of the board's series on IT exports.</p>" for j in range(4))
        send(h, 200, f"<html><head><title>Update {i}</title></head><body><article><h1>Freelancers and IT exports: PSEB update {i}</h1>{paragraphs}</article></body></html>".encode())

    def serve(self) -> SiteServer:
        routes = {"/feed.xml": self.feed, **{f"/a/{i}": self.article for i in range(self.n)}}
        return SiteServer(routes=routes)

    def take_articles(self) -> list[int]:
        with self.lock:
            taken, self.articles = self.articles, []
        return taken


FAST = "fetch:\n  host_delay: 0\n  per_host: 8\n  retries: 0\n"


def _stored(store) -> set[int]:
    return {int(r[0].rsplit("/", 1)[1]) for r in store.db.execute("SELECT url FROM items")}


def test_a_big_full_text_feed_is_read_a_bounded_number_of_articles_a_poll_newest_first(write_config, store):
    cap = pipeline.MAX_ARTICLES_PER_POLL
    site = ArticleSite(2 * cap + 15)
    site.etag = True
    with site.serve() as server:
        config = load_config(write_config(f"- name: PSEB\n  url: {server.base}/feed.xml\n", extra=FAST))
        first = pipeline.poll(config, store, force=True)
        newest = set(range(site.n - cap, site.n))
        assert first.new_items == cap and _stored(store) == newest  # the newest, whatever the feed's order
        assert sorted(site.take_articles()) == sorted(newest)  # no other article was fetched
        waiting = store.pending_entries("PSEB")
        assert {int(r["entry"]["url"].rsplit("/", 1)[1]) for r in waiting} == set(range(site.n - cap))

        # the feed has not changed (304): the items left are taken, newest first
        second = pipeline.poll(config, store, force=True)
        assert [r.outcome for r in second.reports] == ["not_modified"] and second.new_items == cap
        assert _stored(store) == set(range(site.n - 2 * cap, site.n))
        assert len(site.take_articles()) == cap

        # the feed dropped its old items and lists two new ones: nothing is lost
        site.etag, site.n = False, site.n + 2
        site.only = [site.n - 2, site.n - 1]
        server.routes.update({f"/a/{i}": site.article for i in site.only})
        third = pipeline.poll(config, store, force=True)
        assert third.new_items == 17 and _stored(store) == set(range(site.n)) and len(site.take_articles()) == 17
        assert store.pending_entries("PSEB") == []
        assert pipeline.poll(config, store, force=True).new_items == 0 and site.take_articles() == []
    assert store.db.execute("SELECT count(*) FROM items WHERE extraction != 'ok'").fetchone()[0] == 0


def test_a_304_from_a_source_with_nothing_left_from_before_neither_reads_nor_rewrites_a_backlog(write_config, store):
    site = ArticleSite(3)
    site.etag = True
    with site.serve() as server:
        config = load_config(write_config(f"- name: PSEB\n  url: {server.base}/feed.xml\n", extra=FAST))

        def backlog_statements(summary: list) -> list[str]:
            statements: list[str] = []
            store.db.conn.set_trace_callback(statements.append)
            try:
                summary.append(pipeline.poll(config, store, force=True))
            finally:
                store.db.conn.set_trace_callback(None)
            return [q.strip().split()[0].upper() for q in statements if "pending_entries" in q]

        polls: list = []
        assert backlog_statements(polls) == ["SELECT"]  # all 3 read at once: none left, none written
        assert polls[0].new_items == 3 and store.pending_entries("PSEB") == []
        assert backlog_statements(polls) == ["SELECT"]  # the 304: asked once, nothing written
    assert [(r.outcome, r.new_items) for r in polls[1].reports] == [("not_modified", 0)]
    assert store.source_state("PSEB").last_outcome == "not_modified"


def test_a_poll_stores_its_new_items_in_batches_and_a_failure_keeps_the_batches_stored(write_config, store, monkeypatch):
    batch = pipeline.STORE_BATCH
    site = ArticleSite(3 * batch)
    calls = []
    real = pipeline._Cycle._cluster

    def cluster(self, source, analysed, new_ids):
        calls.append(len(analysed))
        if len(calls) == 3:
            raise RuntimeError("the disk filled up")
        return real(self, source, analysed, new_ids)

    monkeypatch.setattr(pipeline._Cycle, "_cluster", cluster)
    progress: list[tuple[str, int, int]] = []
    with site.serve() as server:
        config = load_config(write_config(f"- name: PSEB\n  url: {server.base}/feed.xml\n", extra=FAST))
        failed = pipeline.poll(config, store, article_progress=lambda *a: progress.append(a))
        assert [r.outcome for r in failed.reports] == ["error"]
        assert store.count_items() == 2 * batch  # the first two batches were stored
        assert progress == [("PSEB", batch, 3 * batch), ("PSEB", 2 * batch, 3 * batch)]
        again = pipeline.poll(config, store, force=True)
    assert again.new_items == batch and store.count_items() == 3 * batch
    assert calls == [batch] * 4
