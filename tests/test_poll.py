"""One poll cycle against a real HTTP server on 127.0.0.1."""

from __future__ import annotations


from monitor import pipeline
from monitor.config import load_config
from monitor.sitesrv import SiteServer, send


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
    assert story["reprints"] == 2 and set(story["outlets"].split(", ")) == {"Test Daily", "News Search"}
    # an item with its article's text is compared as a whole article; a feed's teaser by length
    complete = {(r["source"], r["has_text"], r["complete"]) for r in store.db.query(
        "SELECT i.source, i.text != '' AS has_text, d.complete FROM items i JOIN dedup_items d ON d.id = i.id")}
    assert ("Test Daily", 1, 1) in complete
    assert {(s, t, c) for s, t, c in complete if not t} == {("News Search", 0, None)}
