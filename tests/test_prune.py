"""`monitor prune`: an archive a year old sheds its old fetch rows and the text of old items not
relevant, never what a reader, a digest or a figure refers to, and gives the space back."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from monitor import dedup, prune
from monitor.daemon import DaemonLock
from monitor.errors import MonitorError
from monitor.models import FetchResult, Item, Source
from monitor.pipeline import dedup_input
from monitor.store import SqliteDedupIndex, Store, item_id
from monitor.weeks import iso_week

KARACHI = ZoneInfo("Asia/Karachi")
NOW = datetime.now(timezone.utc)
OLD = NOW - timedelta(days=300)
RECENT = NOW - timedelta(days=10)
TEXT = "Business news of the day from Karachi with many words about markets, shares and the weather. " * 40


def monitor(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def count(db: Path, sql: str, *args: object) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def _item(n: int, when: datetime, *, relevant: bool, source: str = "Feed", title: str | None = None, text: str = TEXT) -> Item:
    url = f"https://example.com/news/{n}"
    return Item(
        id=item_id(url), source=source, url=url, canonical_url=url, title=title or f"Story number {n} about something else entirely",
        summary=f"Teaser of story {n}", text=text + f" Story {n}.", published=when.isoformat(), fetched_at=when.isoformat(),
        topics=("freelancing",) if relevant else (), relevant=relevant, score=5.0 if relevant else 0.5, extraction="ok",
    )


@pytest.fixture
def archive(tmp_path):
    """An archive with a year of fetch rows and items: old and recent, relevant or not, one
    carried by a digest, one with a figure, one corrected, one in a relevant story."""
    db = tmp_path / "data" / "monitor.db"
    week_of = lambda p, f: iso_week(p or f, KARACHI)  # noqa: E731
    with Store(db) as store:
        store.sync_sources([Source("Feed", "https://example.com/rss"), Source("Quiet", "https://example.org/rss")])
        for day in range(0, 360, 2):
            when = NOW - timedelta(days=day)
            for source in ("Feed", "Quiet"):
                store.record_fetch(source, FetchResult("https://example.com/rss", "ok", status=200, started_at=when.isoformat()))
        idx = SqliteDedupIndex(store.db)
        items = {
            "old irrelevant": _item(1, OLD, relevant=False),
            "old irrelevant 2": _item(2, OLD, relevant=False),
            "recent irrelevant": _item(3, RECENT, relevant=False),
            "old relevant": _item(4, OLD, relevant=True, title="Freelancers earn more from IT exports this year"),
            "carried": _item(5, OLD, relevant=False),
            "with figure": _item(6, OLD, relevant=False),
            "corrected": _item(7, OLD, relevant=False),
        }
        # a reprint (not relevant) of the relevant story: the same text and title
        items["reprint"] = _item(8, OLD + timedelta(hours=1), relevant=False, source="Other", title=items["old relevant"].title, text=TEXT)
        items["old relevant"] = _item(4, OLD, relevant=True, title=items["old relevant"].title, text=TEXT)
        store.save_items(list(items.values()), week_of=week_of)
        with store.transaction():
            for it in items.values():
                dedup.assign(dedup_input(it), idx, 7)
        week = iso_week(OLD.isoformat(), KARACHI)
        store.claim_digest(week, carried=[(items["carried"].id, False)])
        store.set_digest(week, status="sent", sent_at=OLD.isoformat())
        store.save_facts([{"series": "it_exports_monthly", "period": "2025-01", "value": 300, "unit": "USD_million", "quote": "q", "item": items["with figure"].id, "source": "Feed", "published": OLD.isoformat(), "found_at": OLD.isoformat()}])
        store.db["corrections"].insert({"kind": "story", "item": items["corrected"].id, "relevant": 0, "reason": "not ours", "made_at": OLD.isoformat()})
    return db, {k: v.id for k, v in items.items()}


def text_of(db: Path, id_: str) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT text FROM items WHERE id = ?", [id_]).fetchone()[0]
    finally:
        conn.close()


def test_a_dry_run_says_what_would_go_and_changes_nothing(archive):
    db, ids = archive
    fetches = count(db, "SELECT count(*) FROM fetches")
    r = monitor("--db", str(db), "prune", "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "would remove" in r.stdout and "fetch rows older than 90 days" in r.stdout
    assert "would empty the text of 2 items not relevant fetched over 180 days ago" in r.stdout
    assert "Nothing was changed (--dry-run)" in r.stdout and "The archive is" in r.stdout
    assert count(db, "SELECT count(*) FROM fetches") == fetches
    assert text_of(db, ids["old irrelevant"]).startswith("Business news")
    assert count(db, "SELECT count(*) FROM runs WHERE job = 'prune'") == 0


def test_prune_removes_old_fetches_and_old_irrelevant_text_only(archive):
    db, ids = archive
    recent_fetches = count(db, "SELECT count(*) FROM fetches WHERE started_at >= ?", (NOW - timedelta(days=89)).isoformat())
    r = monitor("--db", str(db), "prune")
    assert r.returncode == 0, r.stderr
    assert "emptied the text of 2 items" in r.stdout and "removed" in r.stdout
    # the fetch log keeps its last 90 days and each source's first fetch
    assert count(db, "SELECT count(*) FROM fetches WHERE started_at < ?", (NOW - timedelta(days=91)).isoformat()) == 2
    assert count(db, "SELECT count(*) FROM fetches WHERE started_at >= ?", (NOW - timedelta(days=89)).isoformat()) == recent_fetches
    assert count(db, "SELECT count(DISTINCT source) FROM fetches WHERE started_at < ?", (NOW - timedelta(days=300)).isoformat()) == 2
    # the old texts not relevant, that nothing refers to, are gone, title, teaser and judgment kept
    for key in ("old irrelevant", "old irrelevant 2"):
        assert text_of(db, ids[key]) == ""
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT title, summary, relevant, extraction FROM items WHERE id = ?", [ids["old irrelevant"]]).fetchone()
    assert row[0].startswith("Story number 1") and row[1] == "Teaser of story 1" and row[2] == 0 and row[3].startswith("text pruned")
    # ...and the full-text index forgets their text, but still finds them by title
    assert conn.execute("SELECT count(*) FROM items_fts WHERE items_fts MATCH 'weather'").fetchone()[0] == 6
    assert conn.execute("SELECT count(*) FROM items_fts WHERE items_fts MATCH '\"story number 1\"'").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')")
    conn.close()
    for key in ("recent irrelevant", "old relevant", "carried", "with figure", "corrected", "reprint"):
        assert text_of(db, ids[key]).startswith("Business news"), key
    assert count(db, "SELECT count(*) FROM runs WHERE job = 'prune' AND outcome = 'ok'") == 1
    # a second run finds nothing more
    again = monitor("--db", str(db), "prune")
    assert "removed 0 fetch rows" in again.stdout and "emptied the text of 0 items" in again.stdout


def test_vacuum_gives_the_space_back_and_is_refused_while_a_daemon_runs(archive, tmp_path):
    db, _ = archive
    with Store(db) as store:  # a year of text not relevant, to make the file shrink visibly
        store.save_items([_item(100 + n, OLD, relevant=False, text=TEXT * 3) for n in range(300)], week_of=lambda p, f: iso_week(p or f, KARACHI))
    lock = DaemonLock(str(db)).acquire()
    try:
        r = monitor("--db", str(db), "prune", "--vacuum")
        assert r.returncode == 2
        assert "cannot vacuum while a daemon runs on the archive" in r.stderr and "nothing was changed" in r.stderr
    finally:
        lock.release()
    assert count(db, "SELECT count(*) FROM items WHERE text = ''") == 0
    before = db.stat().st_size + (Path(f"{db}-wal").stat().st_size if Path(f"{db}-wal").exists() else 0)
    r = monitor("--db", str(db), "prune", "--vacuum")
    assert r.returncode == 0, r.stderr
    assert "before VACUUM" in r.stdout
    after = db.stat().st_size + (Path(f"{db}-wal").stat().st_size if Path(f"{db}-wal").exists() else 0)
    assert after < before / 2
    assert count(db, "PRAGMA freelist_count") == 0
    assert count(db, "SELECT count(*) FROM items") == 308


def test_a_prune_runs_beside_a_writer_in_short_transactions(archive):
    """A poll writing beside the prune is never held for long: each batch commits alone."""
    db, _ = archive
    with Store(db) as store:
        store.save_items([_item(1000 + n, OLD, relevant=False) for n in range(2500)], week_of=lambda p, f: iso_week(p or f, KARACHI))
        batches = []
        done = store.prune(fetches_before=(NOW - timedelta(days=90)).isoformat(), text_before=(NOW - timedelta(days=180)).isoformat(), marker="text pruned", progress=lambda f, t: batches.append(t))
    assert done["texts"] == 2502 and len(set(batches)) >= 5


def test_cutoffs_keep_at_least_the_floors():
    with pytest.raises(MonitorError, match="at least 60 days"):
        prune.cutoffs(NOW, fetch_days=7, text_days=180)
    with pytest.raises(MonitorError, match="at least 30 days"):
        prune.cutoffs(NOW, fetch_days=90, text_days=1)
    assert prune.size(1_234_000_000) == "1.2 GB" and prune.size(243_000_000) == "243 MB"


def test_prune_refuses_a_mistyped_archive(tmp_path):
    r = monitor("--db", str(tmp_path / "nope.db"), "prune", "--dry-run")
    assert r.returncode == 2 and "no archive at" in r.stderr
    assert not (tmp_path / "nope.db").exists()
