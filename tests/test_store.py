"""The archive: schema, migrations, idempotent upserts, WAL."""

from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from monitor.models import FetchResult, Item
from monitor.store import MIGRATIONS, Store, item_id
from monitor.store._archive import _use_wal


def make_item(n: int, **kw) -> Item:
    url = f"https://example.com/news/{n}"
    fields = dict(id=item_id(url), source="Test", url=url, canonical_url=url, title=f"Story {n}", summary="teaser", text="body text", published="2025-08-18T05:00:00+00:00", fetched_at="2025-08-18T06:00:00+00:00", topics=("freelancing",), rules=("freelancing:title:freelancers",))
    fields.update(kw)
    return Item(**fields)


def test_schema_is_versioned_and_wal(store):
    assert store.schema_version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for table in ("sources", "fetches", "items", "facts", "digests", "runs"):
        assert store.db[table].exists(), table
    assert store.db["items"].detect_fts() == "items_fts"


def test_reopening_does_not_migrate_again(tmp_path):
    path = tmp_path / "a.db"
    with Store(path) as s:
        s.save_items([make_item(1)])
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert s.count_items() == 1


def test_saving_twice_adds_nothing(store):
    items = [make_item(n) for n in range(5)]
    assert len(store.save_items(items)) == 5
    assert store.save_items(items) == []
    assert store.count_items() == 5


def test_update_keeps_first_seen_time_and_refreshes_fields(store):
    store.save_items([make_item(1)])
    store.save_items([make_item(1, title="Story 1 (updated)", fetched_at="2025-09-01T00:00:00+00:00")])
    row = store.item(make_item(1).id)
    assert row["title"] == "Story 1 (updated)"
    assert row["fetched_at"] == "2025-08-18T06:00:00+00:00"
    assert row["topics"] == ["freelancing"]


def test_an_item_stored_by_one_source_is_not_rewritten_by_another_that_carries_it_too(store):
    """Two feeds of one poll carrying one article (a section feed and the front page, or an
    outlet and a Google News search) both read it before either stores it: the first stores
    it, and the second, whose feed gives only a teaser, neither empties its text nor takes it
    over, since the facts and story stored with it are the first one's."""
    assert store.save_items([make_item(1, source="Section feed", text="The full article, as the page gives it.", relevant=True)]) == [make_item(1).id]
    assert store.save_items([make_item(1, source="Front page", text="", summary="A teaser.", relevant=False, topics=())]) == []
    row = store.item(make_item(1).id)
    assert (row["source"], row["text"], row["relevant"], row["topics"]) == ("Section feed", "The full article, as the page gives it.", True, ["freelancing"])


def test_item_id_is_stable_and_needs_a_key():
    assert item_id("https://a.pk/x") == item_id("https://a.pk/x")
    assert item_id(None, "guid-1") != item_id(None, "guid-2")
    with pytest.raises(ValueError):
        item_id(None, None)


def test_full_text_search(store):
    store.save_items([make_item(1, title="PTA opens VPN registration"), make_item(2, title="Cricket news")])
    hits = list(store.db["items"].search("VPN"))
    assert [h["title"] for h in hits] == ["PTA opens VPN registration"]


def test_failed_transaction_writes_nothing(store):
    with pytest.raises(sqlite3.IntegrityError):
        store.save_items([make_item(1), make_item(2, title=None)])
    assert store.count_items() == 0


def test_record_fetch_updates_source_state(store):
    from monitor.models import Source

    store.sync_sources([Source("A", "https://a.pk/feed")])
    store.record_fetch("A", FetchResult("https://a.pk/feed", "http_5xx", status=500, error="HTTP 500"), state={"consecutive_failures": 1, "last_error": "HTTP 500"})
    state = store.source_state("A")
    assert state.consecutive_failures == 1 and state.last_error == "HTTP 500"
    assert store.db["fetches"].count == 1


def fact_row(value, source, published, period="2025-07", item="i1"):
    return {"series": "it_exports_monthly", "period": period, "value": value, "unit": "USD_million", "quote": f"{source} says ${value}m", "item": item, "source": source, "published": published, "found_at": published}


def test_same_figure_from_many_outlets_is_one_fact(store):
    store.save_facts([fact_row(354, "Dawn", "2025-08-19")])
    store.save_facts([fact_row(354.0, "Tribune", "2025-08-19", item="i2"), fact_row(355, "Profit", "2025-08-20", item="i3")])
    [fact] = store.facts("it_exports_monthly")
    assert fact["value"] == 354 and fact["reports"] == 3
    assert fact["also_reported_by"] == "Tribune, Profit"  # in the order they reported, as every view lists outlets
    assert len(store.facts("it_exports_monthly", reports=True)) == 3
    [row] = store.db.query("SELECT also_reported_by FROM figures")
    assert row["also_reported_by"] == "Tribune, Profit"


def test_a_later_value_within_three_percent_is_a_revision(store):
    store.save_facts([fact_row(354, "Dawn", "2025-08-19")])
    store.save_facts([fact_row(362, "SBP", "2025-09-17", item="i2")])  # +2.3%: revised
    store.save_facts([fact_row(400, "Typo Times", "2025-09-18", item="i3")])  # +13%: another fact
    rows = store.facts("it_exports_monthly")
    by_value = {r["value"]: r for r in rows}
    assert by_value[362]["revises"] == by_value[354]["id"]
    assert by_value[400]["revises"] is None
    assert {r["reports"] for r in rows} == {1}


def test_different_periods_are_different_facts(store):
    store.save_facts([fact_row(354, "Dawn", "2025-08-19"), fact_row(354, "Dawn", "2025-08-19", period="2025-06")])
    assert len(store.facts()) == 2


def test_two_processes_migrating_at_once(tmp_path):
    """Archives opened on a new file at the same moment: none fails, one schema results."""
    import subprocess
    import sys

    path, go = tmp_path / "race.db", tmp_path / "go"
    code = (
        "import os, sys, time\n"
        "from monitor.store import Store\n"
        "print('ready', flush=True)\n"
        f"while not os.path.exists({str(go)!r}): time.sleep(0.001)\n"
        f"Store({str(path)!r}).close()\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    for p in procs:
        assert p.stdout.readline().strip() == "ready"
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)


def _writing_in_rollback_mode(path) -> sqlite3.Connection:
    """A connection to a new file in SQLite's default (rollback) journal mode that holds the
    write lock, as a process creating the archive does for a moment."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE elsewhere (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO elsewhere VALUES (1)")
    return other


def test_an_archive_opened_while_another_process_creates_it_waits_for_wal(tmp_path):
    """SQLite refuses the switch to WAL at once, not after its busy timeout, while another
    connection writes to the new file: the archive tries again instead of failing."""
    path = tmp_path / "new.db"
    other = _writing_in_rollback_mode(path)
    threading.Timer(0.3, lambda: (other.execute("COMMIT"), other.close())).start()
    with Store(path) as s:
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.schema_version == len(MIGRATIONS)


def test_the_wait_for_wal_ends_with_sqlite_s_error(tmp_path):
    path = tmp_path / "new.db"
    other = _writing_in_rollback_mode(path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            _use_wal(conn, wait=0.2)
    finally:
        conn.close()
        other.execute("ROLLBACK")
        other.close()


def test_an_archive_with_news_facts_takes_official_figures_on_upgrade(tmp_path):
    """Migration 13 on an archive of the step before: its facts stay news facts, unchanged."""
    import sqlite_utils

    path = tmp_path / "old.db"
    db = sqlite_utils.Database(path)
    for version, step in enumerate(MIGRATIONS[:12], start=1):
        step(db)
        db.execute(f"PRAGMA user_version = {version}")
    db["facts"].insert({"series": "it_exports_monthly", "period": "2025-07", "period_key": "2025-07", "value": 354.0, "unit": "USD_million", "quote": "Exports were $354m.", "item": "a1", "source": "Dawn"})
    db.conn.close()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        row = next(s.db.query("SELECT * FROM facts"))
        assert (row["origin"], row["item"], row["value"], row["status"]) == ("news", "a1", 354.0, None)
        assert {"facts_by_key", "facts_by_revises"} <= {i.name for i in s.db["facts"].indexes}
        assert [r["value"] for r in s.db.query("SELECT value FROM figures")] == [354.0]
        s.save_facts([{"series": "it_exports_monthly", "period": "2025-07", "value": 354.0, "unit": "USD_million", "quote": "Again.", "item": "a2", "source": "Profit"}])
        assert [r["reports"] for r in s.facts("it_exports_monthly")] == [2]


def test_an_undated_figure_never_corroborates_or_revises_a_dated_one(store):
    store.save_facts([fact_row(354, "Dawn", "2025-08-19")])
    store.save_facts([fact_row(354, "Tribune", "2025-08-20", item="i2", period=""), fact_row(360, "Profit", "2025-08-21", item="i3", period="")])
    rows = store.facts("it_exports_monthly", reports=True)
    dated = next(r for r in rows if r["period"] == "2025-07")
    undated = [r for r in rows if r["period"] == ""]
    assert dated["corroborates"] is None and all(r["corroborates"] in (None, undated[0]["id"]) for r in undated)
    assert all(r["revises"] is None for r in rows)


def test_rates_of_different_bases_are_different_facts(store):
    yoy = {**fact_row(24, "Dawn", "2025-08-19"), "unit": "percent", "basis": "yoy"}
    mom = {**fact_row(24, "Tribune", "2025-08-19", item="i2"), "unit": "percent", "basis": "mom"}
    unknown = {**fact_row(24, "Profit", "2025-08-19", item="i3"), "unit": "percent", "basis": "unknown"}
    store.save_facts([yoy, mom, unknown])
    rows = {r["source"]: r for r in store.facts("it_exports_monthly", reports=True)}
    assert rows["Tribune"]["corroborates"] is None  # a month-on-month 24% is not the year-on-year one
    assert rows["Profit"]["corroborates"] == rows["Dawn"]["id"]  # a rate of unknown basis may be either


def test_the_figures_a_report_may_be_are_found_by_an_index(store):
    plan = store.db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM facts WHERE series = ? AND unit = ? AND period_key = ? AND corroborates IS NULL AND origin = 'news'",
        ["it_exports_monthly", "USD_million", "2025-07"],
    ).fetchall()
    assert any("facts_by_key" in str(row) for row in plan), plan


def test_only_values_close_enough_to_be_the_same_or_a_revision_are_read(store):
    store.save_facts([fact_row(100 + n * 10, "Dawn", "2025-08-19", item=f"i{n}") for n in range(50)])  # 50 different figures of one period
    reads = []
    store.db.conn.set_trace_callback(reads.append)
    store.save_facts([fact_row(354, "Tribune", "2025-08-20", item="new")])
    store.db.conn.set_trace_callback(None)
    (lookup,) = [q for q in reads if q.lstrip().startswith("SELECT id, series")]
    assert "BETWEEN" in lookup
    [row] = [r for r in store.facts("it_exports_monthly", reports=True) if r["item"] == "new"]
    assert row["revises"] is not None  # 350 is within 3%: still found


def test_pending_entries_lose_their_unread_date_column_on_upgrade_and_keep_their_rows(tmp_path):
    """Migration 22 on an archive of the step before: the backlog's ``published`` copy of the
    entry's date goes; each waiting entry, with its date in ``entry``, stays where it was."""
    import json

    import sqlite_utils

    from monitor.store._migrations import _v22_pending_entries_undated

    path = tmp_path / "old.db"
    Store(path).close()
    db = sqlite_utils.Database(path)  # back to the step before: the table as migration 20 made it
    db.execute("DROP TABLE daemon")  # and none of the later steps
    db.execute("DROP TABLE pending_entries")
    db.execute("CREATE TABLE pending_entries (source TEXT NOT NULL, id TEXT NOT NULL, entry TEXT NOT NULL, published TEXT, queued_at TEXT NOT NULL, PRIMARY KEY (source, id))")
    db.execute(f"PRAGMA user_version = {MIGRATIONS.index(_v22_pending_entries_undated)}")
    entry = {"source": "PSEB", "url": "https://example.com/a/1", "title": "Update 1", "published": "2025-08-18T05:00:00+00:00"}
    db["pending_entries"].insert({"source": "PSEB", "id": "a1", "entry": json.dumps(entry), "published": entry["published"], "queued_at": "2025-08-18T06:00:00+00:00"})
    db.conn.close()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert [c.name for c in s.db["pending_entries"].columns] == ["source", "id", "entry", "queued_at"]
        assert s.db["pending_entries"].pks == ["source", "id"]
        assert s.pending_entries("PSEB") == [{"id": "a1", "entry": entry, "queued_at": "2025-08-18T06:00:00+00:00"}]
        s.set_pending_entries("PSEB", [{"id": "a1", "entry": entry}, {"id": "a2", "entry": {**entry, "url": "https://example.com/a/2"}}])
        assert [(r["id"], r["queued_at"]) for r in s.pending_entries("PSEB")][0] == ("a1", "2025-08-18T06:00:00+00:00")  # kept its place


def test_published_dates_gives_the_stored_date_of_each_id_in_the_archive_in_one_call(store):
    store.save_items([make_item(1), make_item(2, published=None)])
    ids = [make_item(1).id, make_item(2).id, item_id("https://example.com/news/never-stored")]
    many = ids + [item_id(f"https://example.com/news/other/{n}") for n in range(1200)]  # more than one chunk of ids
    assert store.published_dates(many) == {ids[0]: "2025-08-18T05:00:00+00:00", ids[1]: None}
    assert store.published_dates([]) == {}


def test_an_archive_of_the_days_when_events_were_migration_13_is_brought_up_to_date(tmp_path):
    """For a few hours main numbered the events and boilerplate step 13 (now 19), before the
    official figures took that number. Such an archive says version 13 and has the events
    tables but none of steps 13 to 18: it gets those, its events and stories stay, and the
    events step is not run again."""
    import sqlite_utils

    from monitor.store._migrations import _v19_events_and_boilerplate

    path = tmp_path / "early.db"
    db = sqlite_utils.Database(path)
    for version, step in enumerate([*MIGRATIONS[:12], _v19_events_and_boilerplate], start=1):
        step(db)
        db.execute(f"PRAGMA user_version = {version}")
    db["events"].insert({"id": "e1", "first_seen": "2025-08-19T05:00:00+00:00", "stories": 1})
    db.conn.commit()
    db.conn.close()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert "origin" in s.db["facts"].columns_dict  # step 13, the official figures
        assert {"watched_pages", "official_figures", "news_vs_official"} <= set(s.db.view_names())
        assert [r["id"] for r in s.db.query("SELECT id FROM events")] == ["e1"]
    with Store(path) as s:  # and it opens again as any archive does
        assert s.schema_version == len(MIGRATIONS)


def test_the_rules_that_fired_name_urdu_terms_in_urdu_script(tmp_path):
    """``items.rules`` is what a reader of Datasette (or sqlite3) looks at to see why an item
    was kept: an Urdu term reads as itself, not as ``\\u0641\\u0631...``, and a search of the
    column for it finds it. An archive whose rules were stored escaped is rewritten."""
    import sqlite_utils

    from monitor.store._migrations import _v26_rules_as_written

    rules = ("freelancing:body:فری لانسر", "vpn_internet:title:وی پی این", "exclude:how_to")
    path = tmp_path / "urdu.db"
    with Store(path) as s:
        s.save_items([make_item(1, rules=rules)])
        raw = s.db.execute("SELECT rules FROM items").fetchone()[0]
        assert "فری لانسر" in raw and "\\u" not in raw
        assert s.db.execute("SELECT count(*) FROM items WHERE rules LIKE '%وی پی این%'").fetchone()[0] == 1
        assert s.item(make_item(1).id)["rules"] == list(rules)
    db = sqlite_utils.Database(path)  # as an earlier version stored them: escaped
    db.execute("UPDATE items SET rules = ?", [json.dumps(list(rules))])
    db.execute(f"PRAGMA user_version = {MIGRATIONS.index(_v26_rules_as_written)}")
    db.conn.commit()
    db.conn.close()
    with Store(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        raw = s.db.execute("SELECT rules FROM items").fetchone()[0]
        assert "فری لانسر" in raw and "\\u" not in raw
        assert s.item(make_item(1).id)["rules"] == list(rules)


def test_event_coverage_checks_each_events_own_stories_not_every_relevant_item(store):
    """Whether an event has a relevant report is looked up from the event's stories: a plan
    that reads the relevant items for each event took longer than Datasette's time limit on
    a year's archive (88,000 events)."""
    from monitor import dedup
    from monitor.pipeline import dedup_input
    from monitor.store import SqliteDedupIndex

    idx = SqliteDedupIndex(store.db)
    items = [
        Item(id=item_id(f"https://example.com/{n}"), source="Dawn", url=f"https://example.com/{n}", canonical_url=f"https://example.com/{n}",
             title=f"Story {n} on a subject of its own, number {n}", text=f"Words of story {n} " * 30, published=f"2025-08-{10 + n:02d}T10:00:00+00:00",
             fetched_at=f"2025-08-{10 + n:02d}T10:00:00+00:00", topics=("freelancing",) if n % 2 else (), relevant=bool(n % 2))
        for n in range(6)
    ]
    store.save_items(items)
    with store.transaction():
        for it in items:
            dedup.assign(dedup_input(it), idx, 7)
    plan = [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM event_coverage").fetchall()]
    assert not [p for p in plan if "(relevant=?)" in p], plan
    assert any("clusters_event (event_id=?)" in p for p in plan)
    # Datasette shows it newest first: the first page reads the events it shows, not all
    plan = [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM event_coverage ORDER BY first_seen DESC LIMIT 101").fetchall()]
    assert plan[0] == "SCAN e USING INDEX events_first_seen", plan
    rows = store.db.execute("SELECT item FROM event_coverage ORDER BY item").fetchall()
    assert sorted(r[0] for r in rows) == sorted(it.id for it in items if it.relevant)


def test_stories_of_a_week_are_built_from_that_weeks_items_alone(store):
    """``stories_this_week`` finds the week's items by their index and builds only their
    stories: a view that was a union of the stories and the relevant items outside any was
    built whole, every story of the archive, before the week was picked (0.27 s on 100,000
    items, growing with them). Its rows stay: a story with a relevant report, on its leading
    item, and a relevant item in no story, as a story of its own."""
    import yaml

    from monitor import dedup
    from monitor.pipeline import dedup_input
    from monitor.serve import METADATA_FILE
    from monitor.store import SqliteDedupIndex

    idx = SqliteDedupIndex(store.db)
    text = "The board approved the plan for the new zone on Tuesday after a long debate in the house. " * 12

    def item(n, outlet, day, relevant, body=None):
        url = f"https://example.com/{outlet.lower()}/{n}"
        return Item(id=item_id(url), source=outlet, url=url, canonical_url=url, title=f"Story {n}: the board and the zone" if body is None else f"Story {n} of its own",
                    text=text if body is None else body, published=f"2025-08-{day:02d}T10:00:00+00:00", fetched_at=f"2025-08-{day:02d}T10:00:00+00:00",
                    topics=("freelancing",) if relevant else (), relevant=relevant)  # fmt: skip

    reprint = [item(1, "Dawn", 12, False), item(2, "Tribune", 12, True)]  # a story, its reprint relevant
    quiet = [item(3, "Dawn", 13, False, f"Words of a quiet story {n} " * 30) for n in range(1)]  # no relevant report
    alone = [item(4, "Dawn", 14, True, "Words of a story told once about freelancers " * 20)]
    other_week = [item(5, "Dawn", 20, True, "Words of a story of another week entirely " * 20)]
    items = reprint + quiet + alone + other_week
    store.save_items(items, week_of=lambda published, fetched: "2025-W33" if published < "2025-08-18" else "2025-W34")
    with store.transaction():
        for it in reprint + quiet + other_week:
            dedup.assign(dedup_input(it), idx, 7)
    week = "2025-W33"
    rows = store.db.execute("SELECT item, outlets, reprints FROM stories WHERE week = ? ORDER BY item", [week]).fetchall()
    assert sorted(rows) == sorted([(reprint[0].id, "Dawn, Tribune", 2), (alone[0].id, "Dawn", 1)])

    plan = [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM stories WHERE week = ?", [week])]
    assert plan[0] == "SEARCH i USING INDEX idx_items_week (week=?)", plan
    assert not [p for p in plan if p.split()[:2] == ["SCAN", "c"] or "MATERIALIZE" in p], plan
    canned = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["monitor"]["queries"]["stories_this_week"]["sql"]
    plan = [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN " + canned, {"week": week, "topic": ""})]
    assert "SEARCH i USING INDEX idx_items_week (week=?)" in plan, plan
    assert not [p for p in plan if p.split()[:2] == ["SCAN", "c"] or p == "MATERIALIZE stories"], plan
    found = store.db.execute(canned, {"week": week, "topic": ""}).fetchall()
    assert sorted(r[-1] for r in found) == sorted(r[0] for r in store.db.execute("SELECT story FROM stories WHERE week = ?", [week]))


def test_news_vs_official_asks_whether_sbp_publishes_a_series_of_its_figures_alone(store):
    """Whether SBP publishes a news figure's series is looked up among SBP's figures alone:
    the plan that read every figure of the series, news and official, for each news figure
    took 0.8 s on 1,870 of them (and grew with their square)."""
    plan = [r[3] for r in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM news_vs_official").fetchall()]
    assert any(p.startswith("SEARCH s USING INDEX facts_official") for p in plan), plan
    assert not [p for p in plan if p.startswith("SEARCH s USING INDEX facts_by_key")], plan
