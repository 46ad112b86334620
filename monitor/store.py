"""The archive: every SQL statement of the monitor lives here.

SQLite through sqlite-utils, in WAL mode so Datasette and ``monitor status`` can read while a
poll writes. The schema is versioned with ``PRAGMA user_version``; :data:`MIGRATIONS` lists
the steps, each applied once, in order, inside a transaction.

Tables: ``sources`` (per-source fetch state and health), ``fetches`` (one row per attempt),
``items`` (with FTS5 over title, summary and text), ``facts``, ``digests``, ``runs``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from array import array
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import sqlite_utils

from .dedup import COMMON_KEY_ITEMS, Cluster, Fingerprint, Indexed, Member
from .facts import is_revision, same_fact
from .models import Fact, FetchResult, Item, Source


def utcnow() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def item_id(canonical_url: str | None, guid: str | None = None) -> str:
    """A stable id from the canonical URL (or the GUID when there is no URL)."""
    basis = canonical_url or guid
    if not basis:
        raise ValueError("an item needs a URL or a GUID")
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- schema


def _v1(db: sqlite_utils.Database) -> None:
    db["sources"].create(
        {
            "name": str,
            "url": str,
            "kind": str,
            "etag": str,
            "last_modified": str,
            "last_attempt": str,
            "last_success": str,
            "last_failure": str,
            "last_outcome": str,
            "last_error": str,
            "consecutive_failures": int,
            "next_attempt": str,
            "last_new_item": str,
        },
        pk="name",
        defaults={"consecutive_failures": 0},
        not_null={"url", "kind"},
    )
    db["fetches"].create(
        {
            "id": int,
            "source": str,
            "url": str,
            "started_at": str,
            "outcome": str,
            "http_status": int,
            "bytes": int,
            "duration": float,
            "attempts": int,
            "error": str,
            "new_items": int,
        },
        pk="id",
        not_null={"source", "url", "started_at", "outcome"},
    )
    db["fetches"].create_index(["source", "started_at"])
    db["items"].create(
        {
            "id": str,
            "source": str,
            "url": str,
            "canonical_url": str,
            "guid": str,
            "title": str,
            "summary": str,
            "text": str,
            "published": str,
            "week": str,
            "fetched_at": str,
            "author": str,
            "lang": str,
            "topics": str,
            "relevant": int,
            "score": float,
            "rules": str,
            "extraction": str,
        },
        pk="id",
        not_null={"source", "url", "title", "fetched_at"},
    )
    db["items"].create_index(["published"])
    db["items"].create_index(["week"])
    db["items"].create_index(["source"])
    db["items"].create_index(["canonical_url"])
    db["items"].enable_fts(["title", "summary", "text"], create_triggers=True, tokenize="unicode61")
    db["facts"].create(
        {
            "id": int,
            "series": str,
            "period": str,
            "value": float,
            "unit": str,
            "quote": str,
            "item": str,
            "source": str,
            "published": str,
            "found_at": str,
        },
        pk="id",
        not_null={"series", "value", "unit", "item"},
    )
    db["facts"].create_index(["series", "period"])
    db["digests"].create(
        {
            "week": str,
            "status": str,  # rendered, sending, sent, failed
            "created_at": str,
            "sent_at": str,
            "message_id": str,
            "recipients": str,
            "stories": int,
            "html_path": str,
            "text_path": str,
            "error": str,
        },
        pk="week",
    )
    db["runs"].create(
        {"id": int, "job": str, "started_at": str, "finished_at": str, "outcome": str, "detail": str},
        pk="id",
        not_null={"job", "started_at"},
    )
    db["runs"].create_index(["job", "started_at"])


def _v2_digest_delivery(db: sqlite_utils.Database) -> None:
    """How each week's digest went out: list, subject, transport, attempts, refused recipients."""
    for column, kind in (
        ("list_id", str),
        ("subject", str),
        ("transport", str),  # smtp or outbox
        ("eml_path", str),  # the .eml written when no SMTP server is configured
        ("started_at", str),  # when the last send began ('sending')
        ("attempts", int),  # sends begun for this week, --force included
        ("html_bytes", int),
        ("refused", str),  # JSON list of recipients the server refused
    ):
        db["digests"].add_column(column, kind)


# ---- archive views: what Datasette (monitor/datasette/metadata.yaml) shows first

#: Today in Pakistan: Pakistan Standard Time is UTC+5 all year, with no daylight saving.
PAKISTAN_TODAY_SQL = "date('now', '+5 hours')"


def iso_week_sql(day: str) -> str:
    """SQL giving the ISO week (``2025-W34``) of the SQL date expression ``day``.

    SQLite has no ``%G``/``%V`` before 3.46: an ISO week belongs to the year of its
    Thursday, and is numbered by that Thursday's day of the year.
    """
    thursday = f"date({day}, '-' || ((strftime('%w', {day}) + 6) % 7) || ' days', '+3 days')"
    return f"strftime('%Y', {thursday}) || '-W' || printf('%02d', (strftime('%j', {thursday}) - 1) / 7 + 1)"


_ARCHIVE_VIEWS = {
    "current_week": f"SELECT {iso_week_sql(PAKISTAN_TODAY_SQL)} AS week",
    # One row per story; ``topic`` is the item's first topic, ``outlets`` who ran it.
    "stories": """
        SELECT week, json_extract(topics, '$[0]') AS topic, title, source AS outlets, 1 AS reprints,
               published, url, topics, id AS item
        FROM items WHERE relevant = 1""",
    "source_health": """
        SELECT s.name AS source, s.kind, s.last_success, s.last_failure, s.last_outcome, s.last_error,
          s.consecutive_failures,
          (SELECT count(*) FROM fetches f WHERE f.source = s.name
              AND f.started_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-7 days')
              AND f.outcome NOT IN ('ok', 'not_modified')) AS failures_7d,
          (SELECT count(*) FROM items i WHERE i.source = s.name
              AND i.fetched_at >= strftime('%Y-%m-%dT%H:%M:%S', 'now', '-7 days')) AS items_7d,
          s.last_new_item,
          CAST(julianday('now') - julianday(s.last_new_item) AS INTEGER) AS silent_days,
          s.next_attempt, s.url
        FROM sources s""",
    "digests_sent": """
        SELECT week, sent_at, stories, recipients, subject, message_id
        FROM digests WHERE status = 'sent'""",
}


def _v3_archive_views(db: sqlite_utils.Database) -> None:
    """Views for readers of the archive: the current week, stories, source health, digests sent."""
    for name, select in _ARCHIVE_VIEWS.items():
        db.create_view(name, select.strip())


def _v4_fact_corroboration(db: sqlite_utils.Database) -> None:
    """A report of a figure already known points at it; a revised figure points at the old one."""
    db["facts"].add_column("corroborates", int)  # id of the fact this report confirms
    db["facts"].add_column("revises", int)  # id of the earlier, slightly different value
    db["facts"].create_index(["corroborates"])


def _item_topics_insert(item: str, source: str) -> str:
    """SQL adding the ``item_topics`` rows of the items row ``item`` read from ``source``."""
    return f"""
        INSERT OR IGNORE INTO item_topics (item, topic, week, source, published, relevant)
        SELECT {item}.id, j.value, {item}.week, {item}.source, {item}.published, {item}.relevant
        FROM {source} json_each(CASE WHEN json_valid({item}.topics) THEN {item}.topics ELSE '[]' END) AS j
        WHERE j.type = 'text';"""


def _v5_item_topics(db: sqlite_utils.Database) -> None:
    """``item_topics``: one row per item and topic, kept in step with ``items`` by triggers.

    Counting items by topic over the JSON ``items.topics`` reads every whole item (seconds
    for a year of news); this narrow, indexed table answers it in milliseconds. Also,
    ``digests_sent`` now counts the recipients instead of listing their addresses.
    """
    db.executescript(
        f"""
        DROP VIEW digests_sent;
        CREATE VIEW digests_sent AS
        SELECT week, sent_at, stories,
          CASE WHEN json_valid(recipients) THEN json_array_length(recipients) END AS recipients,
          subject, message_id
        FROM digests WHERE status = 'sent';
        CREATE TABLE item_topics (
            item TEXT NOT NULL REFERENCES items(id),
            topic TEXT NOT NULL,
            week TEXT,
            source TEXT,
            published TEXT,
            relevant INTEGER,
            PRIMARY KEY (item, topic)
        );
        CREATE INDEX item_topics_topic ON item_topics(topic);
        CREATE INDEX item_topics_week ON item_topics(week);
        CREATE INDEX item_topics_source ON item_topics(source);
        CREATE INDEX item_topics_published ON item_topics(published);
        {_item_topics_insert("i", "items AS i,")}
        CREATE TRIGGER item_topics_after_insert AFTER INSERT ON items BEGIN
            {_item_topics_insert("new", "")}
        END;
        CREATE TRIGGER item_topics_after_update AFTER UPDATE OF topics, week, source, published, relevant ON items BEGIN
            DELETE FROM item_topics WHERE item = old.id;
            {_item_topics_insert("new", "")}
        END;
        CREATE TRIGGER item_topics_after_delete AFTER DELETE ON items BEGIN
            DELETE FROM item_topics WHERE item = old.id;
        END;
        """
    )


def _v6_items_by_source_and_time(db: sqlite_utils.Database) -> None:
    """Index items by source and first-seen time: a source's recent items without reading them
    (``source_health`` and ``monitor status`` count them for every source)."""
    db["items"].create_index(["source", "fetched_at"])


def _v7_figures_view(db: sqlite_utils.Database) -> None:
    """``figures``: one row per figure, not per report, with how many outlets reported it and
    the earlier value it revises."""
    db.create_view(
        "figures",
        """SELECT f.series, f.period, f.value, f.unit, f.source, f.quote, f.published, i.url,
          1 + (SELECT count(*) FROM facts c WHERE c.corroborates = f.id) AS reports,
          (SELECT group_concat(DISTINCT c.source) FROM facts c
              WHERE c.corroborates = f.id AND c.source != f.source) AS also_reported_by,
          (SELECT r.value FROM facts r WHERE r.id = f.revises) AS revises_value,
          f.id AS fact, f.item
        FROM facts f LEFT JOIN items i ON i.id = f.item
        WHERE f.corroborates IS NULL""",
    )


def _v8_dedup_index(db: sqlite_utils.Database) -> None:
    """The deduplication index and story clusters (see "dedup index and clusters" below)."""
    for statement in _DEDUP_TABLES:
        db.execute(statement)


def _v9_stories_from_clusters(db: sqlite_utils.Database) -> None:
    """``stories``: one row per story cluster with its outlets, not one per item.

    A story is listed when any of its reports is relevant, under its primary item; items
    stored before deduplication ran (no cluster) stay stories of their own.
    """
    db.executescript(
        """
        DROP VIEW stories;
        CREATE VIEW stories AS
        SELECT i.week, json_extract(i.topics, '$[0]') AS topic, i.title,
          (SELECT group_concat(source, ', ') FROM (
              SELECT DISTINCT o.source FROM cluster_members om JOIN items o ON o.id = om.item_id
              WHERE om.cluster_id = c.id ORDER BY o.published)) AS outlets,
          c.size AS reprints, i.published, i.url, i.topics, i.id AS item, c.id AS story
        FROM clusters c JOIN items i ON i.id = c.primary_item
        WHERE EXISTS (SELECT 1 FROM cluster_members rm JOIN items r ON r.id = rm.item_id
                      WHERE rm.cluster_id = c.id AND r.relevant = 1)
        UNION ALL
        SELECT week, json_extract(topics, '$[0]'), title, source, 1, published, url, topics, id, id
        FROM items WHERE relevant = 1 AND id NOT IN (SELECT item_id FROM cluster_members);
        """
    )


def _v10_dedup_complete_texts(db: sqlite_utils.Database) -> None:
    """``dedup_items.complete``: whether the item's text is the whole article (1), a feed's
    teaser (0) or not known (NULL, as for items indexed before: judged by length)."""
    db.execute("ALTER TABLE dedup_items ADD COLUMN complete INTEGER")


def _v11_dedup_keys_by_week(db: sqlite_utils.Database) -> None:
    """Exact keys (URL, GUID, headline) move to ``dedup_exact``; the sampled text keys are
    ordered by week first, so that lookups and writes stay in the last weeks' pages however
    large the archive grows (see "dedup index and clusters" below)."""
    db.executescript(
        f"""
        CREATE TABLE dedup_exact (
            key INTEGER NOT NULL,
            item INTEGER NOT NULL REFERENCES dedup_items(n),
            PRIMARY KEY (key, item)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO dedup_exact (key, item)
            SELECT url_key, n FROM dedup_items WHERE url_key IS NOT NULL
            UNION ALL SELECT guid_key, n FROM dedup_items WHERE guid_key IS NOT NULL
            UNION ALL SELECT title_key, n FROM dedup_items WHERE title_key IS NOT NULL;
        CREATE TABLE dedup_sampled (
            week INTEGER NOT NULL,
            key INTEGER NOT NULL,
            published INTEGER NOT NULL,
            item INTEGER NOT NULL REFERENCES dedup_items(n),
            PRIMARY KEY (week, key, published, item)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO dedup_sampled (week, key, published, item)
            SELECT CASE WHEN k.published = {_UNDATED} THEN {_UNDATED_WEEK} ELSE k.published / {_WEEK} END,
                   k.key, k.published, k.item
            FROM dedup_keys k JOIN dedup_items i ON i.n = k.item
            WHERE k.key IS NOT i.url_key AND k.key IS NOT i.guid_key AND k.key IS NOT i.title_key;
        DROP TABLE dedup_keys;
        ALTER TABLE dedup_sampled RENAME TO dedup_keys;
        """
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1, _v2_digest_delivery, _v3_archive_views, _v4_fact_corroboration, _v5_item_topics, _v6_items_by_source_and_time, _v7_figures_view, _v8_dedup_index, _v9_stories_from_clusters, _v10_dedup_complete_texts, _v11_dedup_keys_by_week]


# --------------------------------------------------------------------------- the store


@dataclass(frozen=True)
class SourceState:
    name: str
    url: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: str | None = None
    last_success: str | None = None
    last_failure: str | None = None
    last_outcome: str | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    next_attempt: str | None = None
    last_new_item: str | None = None


class Store:
    """The monitor's SQLite archive."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout = 30000")
        self.db = sqlite_utils.Database(conn)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Apply the migrations not yet applied, each in its own transaction."""
        for version, step in enumerate(MIGRATIONS, start=1):
            if self.schema_version >= version:
                continue
            with self.transaction():
                # checked again under the write lock: another process may have just applied it
                if self.schema_version >= version:
                    continue
                step(self.db)
                self.db.execute(f"PRAGMA user_version = {version}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """An immediate transaction: all or nothing, even on kill -9."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # ------------------------------------------------------------------ sources

    def sync_sources(self, sources: Sequence[Source]) -> None:
        """Make sure every configured source has a row (fetch state is kept)."""
        with self.transaction():
            for s in sources:
                self.db.execute(
                    "INSERT INTO sources (name, url, kind, consecutive_failures) VALUES (?, ?, ?, 0) "
                    "ON CONFLICT(name) DO UPDATE SET url = excluded.url, kind = excluded.kind",
                    [s.name, s.url, s.kind],
                )

    def source_state(self, name: str) -> SourceState | None:
        rows = list(self.db.query("SELECT * FROM sources WHERE name = ?", [name]))
        return SourceState(**rows[0]) if rows else None

    def source_states(self) -> dict[str, SourceState]:
        return {r["name"]: SourceState(**r) for r in self.db["sources"].rows}

    def record_fetch(self, source: str, result: FetchResult, *, new_items: int = 0, state: dict[str, Any] | None = None) -> None:
        """Store one fetch attempt and update the source's state in one transaction.

        ``state`` holds the source columns to set (etag, last_success, next_attempt...).
        """
        with self.transaction():
            self.db["fetches"].insert(
                {
                    "source": source,
                    "url": result.url,
                    "started_at": result.started_at or utcnow(),
                    "outcome": result.outcome,
                    "http_status": result.status,
                    "bytes": len(result.content),
                    "duration": round(result.duration, 4),
                    "attempts": result.attempts,
                    "error": result.error,
                    "new_items": new_items,
                }
            )
            if state:
                sets = ", ".join(f"[{k}] = ?" for k in state)
                self.db.execute(f"UPDATE sources SET {sets} WHERE name = ?", [*state.values(), source])

    # ------------------------------------------------------------------ items

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id FROM items WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.db.execute(q, chunk))
        return found

    def save_items(self, items: Sequence[Item], *, week_of: Callable[[str | None, str], str] | None = None) -> list[str]:
        """Insert new items and refresh known ones; return the ids that were new.

        All items of one call are written in one transaction.
        """
        if not items:
            return []
        known = self.known_ids(i.id for i in items)
        new: list[str] = []
        with self.transaction():
            for item in items:
                row = asdict(item)
                row["topics"] = json.dumps(list(item.topics))
                row["rules"] = json.dumps(list(item.rules))
                row["relevant"] = int(item.relevant)
                row["week"] = week_of(item.published, item.fetched_at) if week_of else None
                if item.id in known:
                    keep = ("fetched_at",)  # first-seen time never changes
                    update = {k: v for k, v in row.items() if k not in keep and k != "id"}
                    self.db["items"].update(item.id, update)
                else:
                    self.db["items"].insert(row)
                    new.append(item.id)
        return new

    def item(self, id: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM items WHERE id = ?", [id]))
        return _decode_item(rows[0]) if rows else None

    def items_in_week(self, week: str, *, relevant_only: bool = True) -> list[dict]:
        q = "SELECT * FROM items WHERE week = ?" + (" AND relevant = 1" if relevant_only else "")
        return [_decode_item(r) for r in self.db.query(q + " ORDER BY published, id", [week])]

    def count_items(self) -> int:
        return self.db.execute("SELECT count(*) FROM items").fetchone()[0]

    def weeks(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT week FROM items WHERE week IS NOT NULL ORDER BY week")]

    # ------------------------------------------------------------------ facts

    def save_facts(self, rows: Sequence[dict]) -> None:
        """Store figures; the same figure from another outlet becomes a corroborating report.

        A row whose series, unit and period match a known fact with a value within 1% gets
        ``corroborates`` = that fact's id; one within 3% reported later gets ``revises``.
        """
        with self.transaction():
            for row in rows:
                row = dict(row)
                known = [r for r in self.db.query("SELECT * FROM facts WHERE series = ? AND unit = ? AND corroborates IS NULL ORDER BY id", [row["series"], row["unit"]])]
                new = _as_fact(row)
                same = next((k for k in known if same_fact(_as_fact(k), new)), None)
                if same:
                    row["corroborates"] = same["id"]
                else:
                    older = [k for k in known if is_revision(_as_fact(k), new) and (k["published"] or "") <= (row.get("published") or "")]
                    if older:
                        row["revises"] = older[-1]["id"]
                self.db["facts"].insert(row)

    def facts(self, series: str | None = None, *, reports: bool = False) -> list[dict]:
        """Stored facts, oldest period first, each with its number of reports and outlets.

        With ``reports=True`` every report is listed, corroborating ones included.
        """
        where = [] if reports else ["f.corroborates IS NULL"]
        if series:
            where.append("f.series = ?")
        q = f"""
        SELECT f.*,
          1 + (SELECT count(*) FROM facts c WHERE c.corroborates = f.id) AS reports,
          (SELECT group_concat(DISTINCT c.source) FROM facts c WHERE c.corroborates = f.id AND c.source != f.source) AS also_reported_by
        FROM facts f {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY f.series, f.period, f.published, f.id
        """
        return list(self.db.query(q, [series] if series else []))

    # ------------------------------------------------------------------ digests

    def digest(self, week: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM digests WHERE week = ?", [week]))
        return rows[0] if rows else None

    def set_digest(self, week: str, **fields: Any) -> None:
        with self.transaction():
            self.db["digests"].upsert({"week": week, **fields}, pk="week")

    def digests(self) -> list[dict]:
        return list(self.db.query("SELECT * FROM digests ORDER BY week DESC"))

    # ------------------------------------------------------------------ digest content and delivery

    def claim_digest(self, week: str, *, force: bool = False, **fields: Any) -> dict | None:
        """Mark ``week``'s digest as ``sending``, unless it is ``sent`` or ``sending`` already.

        Runs in one immediate transaction, so of two senders racing for a week only one wins.
        Returns ``None`` when the claim succeeded, else the row that blocked it (unchanged).
        ``force`` claims the week whatever its status.
        """
        with self.transaction():
            row = self.digest(week)
            if row and row["status"] in ("sent", "sending") and not force:
                return row
            attempts = (row or {}).get("attempts") or 0
            reset = {"sent_at": None, "error": None, "refused": None, "eml_path": None}
            created = (row or {}).get("created_at") or utcnow()
            self.set_digest(week, **{**reset, **fields, "status": "sending", "created_at": created, "started_at": utcnow(), "attempts": attempts + 1})
        return None

    def week_facts(self, week: str) -> list[dict]:
        """The facts found in the items of ``week``, oldest first, with each item's URL and the
        value of the fact a revised one revises."""
        q = """
        SELECT f.*, i.url AS item_url, r.value AS revises_value FROM facts f JOIN items i ON i.id = f.item
        LEFT JOIN facts r ON r.id = f.revises
        WHERE i.week = ? ORDER BY f.series, f.period, coalesce(f.published, f.found_at), f.id
        """
        return list(self.db.query(q, [week]))

    def fact_values(self, series: str, unit: str, periods: Sequence[str], before: str) -> dict[str, float]:
        """The latest value of each of ``periods`` of a series, as known before ``before`` (UTC ISO)."""
        if not periods:
            return {}
        q = (
            f"SELECT period, value FROM facts WHERE series = ? AND unit = ? AND period IN ({','.join('?' * len(periods))})"
            " AND coalesce(published, found_at) < ? ORDER BY coalesce(published, found_at), id"
        )
        return {r["period"]: r["value"] for r in self.db.query(q, [series, unit, *periods, before])}

    def week_clusters(self, week: str) -> dict[str, dict]:
        """For each item of ``week`` in a story cluster: its ``cluster_id``, the cluster's
        ``primary_item`` and the item's ``outlet`` as the dedup index knows it (the publisher
        behind an aggregator's link; None when not indexed)."""
        q = """
        SELECT m.item_id, m.cluster_id, c.primary_item, d.outlet FROM cluster_members m
        JOIN clusters c ON c.id = m.cluster_id JOIN items i ON i.id = m.item_id
        LEFT JOIN dedup_items d ON d.id = m.item_id WHERE i.week = ?
        """
        return {r["item_id"]: r for r in self.db.query(q, [week])}

    def source_week_health(self, start: str, end: str) -> list[dict]:
        """Each source's fetch successes and failures in [start, end) (UTC ISO), its last
        failure there, its last new item and its first fetch before ``end``."""
        q = """
        SELECT s.name, s.kind,
          (SELECT count(*) FROM fetches f WHERE f.source = s.name AND f.started_at >= :start AND f.started_at < :end
              AND f.outcome IN ('ok', 'not_modified')) AS successes,
          (SELECT count(*) FROM fetches f WHERE f.source = s.name AND f.started_at >= :start AND f.started_at < :end
              AND f.outcome NOT IN ('ok', 'not_modified')) AS failures,
          (SELECT f.outcome || coalesce(': ' || f.error, '') FROM fetches f WHERE f.source = s.name
              AND f.started_at >= :start AND f.started_at < :end AND f.outcome NOT IN ('ok', 'not_modified')
              ORDER BY f.started_at DESC, f.id DESC LIMIT 1) AS last_error,
          (SELECT max(i.fetched_at) FROM items i WHERE i.source = s.name AND i.fetched_at < :end) AS last_new_item,
          (SELECT min(f.started_at) FROM fetches f WHERE f.source = s.name) AS first_fetch
        FROM sources s ORDER BY s.name
        """
        return list(self.db.query(q, {"start": start, "end": end}))

    # ------------------------------------------------------------------ runs

    def start_run(self, job: str) -> int:
        with self.transaction():
            return self.db["runs"].insert({"job": job, "started_at": utcnow(), "outcome": "running"}).last_pk

    def finish_run(self, run_id: int, outcome: str, detail: str | None = None) -> None:
        with self.transaction():
            self.db["runs"].update(run_id, {"finished_at": utcnow(), "outcome": outcome, "detail": detail})

    def last_run(self, job: str, outcome: str | None = None) -> dict | None:
        q = "SELECT * FROM runs WHERE job = ?" + (" AND outcome = ?" if outcome else "") + " ORDER BY id DESC LIMIT 1"
        rows = list(self.db.query(q, [job, outcome] if outcome else [job]))
        return rows[0] if rows else None

    # ------------------------------------------------------------------ status

    def source_health(self, week_start: str, rate_since: str) -> list[dict]:
        """Each source's state, its items fetched since ``week_start`` (``items_this_week``) and
        since ``rate_since`` (``items_for_rate``), and when it was first fetched (``first_fetch``)."""
        q = """
        SELECT s.*,
          (SELECT count(*) FROM items i WHERE i.source = s.name AND i.fetched_at >= :week_start) AS items_this_week,
          (SELECT count(*) FROM items i WHERE i.source = s.name AND i.fetched_at >= :rate_since) AS items_for_rate,
          (SELECT min(f.started_at) FROM fetches f WHERE f.source = s.name) AS first_fetch
        FROM sources s ORDER BY s.name
        """
        return list(self.db.query(q, {"week_start": week_start, "rate_since": rate_since}))


def _as_fact(row: dict) -> Fact:
    return Fact(series=row["series"], period=row.get("period") or "", value=row["value"], unit=row["unit"], quote=row.get("quote") or "", published=row.get("published"))


def _decode_item(row: dict) -> dict:
    row = dict(row)
    for key in ("topics", "rules"):
        row[key] = json.loads(row[key]) if row.get(key) else []
    row["relevant"] = bool(row.get("relevant"))
    return row


# --------------------------------------------------------------------------- dedup index and clusters
#
# A :class:`monitor.dedup.DedupIndex` in the archive:
#
# - ``dedup_items``: one fingerprint per item (exact keys, script, outlet, and in ``shingles``
#   the shingle set followed by the content words in text order, see :func:`_pack_sets`);
# - ``dedup_exact(key, item)``: one row per exact key of an item (URL, GUID, headline), looked
#   up at any time;
# - ``dedup_keys(week, key, published, item)``: one row per sampled shingle and content word of
#   an item, a ``WITHOUT ROWID`` table ordered by week (of publication, in epoch weeks; undated
#   items in week -1), then key, then time. A lookup is one range seek per key and week of
#   the time window (three weeks for the default 7 days either side), reading at most
#   ``COMMON_KEY_ITEMS + 1`` rows; lookups and writes touch only the last weeks' pages, so
#   the work and the pages it reads depend on the window, not on the size of the archive;
# - ``clusters(id, primary_item, first_seen, last_seen, outlets, size)``: one row per story;
# - ``cluster_members(item_id, cluster_id, reason, score)``: each item's story and why.

_DEDUP_TABLES = (
    """CREATE TABLE dedup_items (
        n INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        published TEXT,
        script TEXT NOT NULL,
        lang TEXT,
        outlet TEXT NOT NULL,
        site TEXT NOT NULL,
        redirect INTEGER NOT NULL,
        url_key INTEGER,
        guid_key INTEGER,
        title_key INTEGER,
        words INTEGER NOT NULL,
        shingles BLOB NOT NULL
    )""",
    """CREATE TABLE dedup_keys (
        key INTEGER NOT NULL,
        published INTEGER NOT NULL,
        item INTEGER NOT NULL REFERENCES dedup_items(n),
        PRIMARY KEY (key, published, item)
    ) WITHOUT ROWID""",
    """CREATE TABLE clusters (
        id TEXT PRIMARY KEY,
        primary_item TEXT NOT NULL,
        first_seen TEXT,
        last_seen TEXT,
        outlets TEXT NOT NULL,
        size INTEGER NOT NULL
    )""",
    "CREATE INDEX clusters_last_seen ON clusters(last_seen)",
    """CREATE TABLE cluster_members (
        item_id TEXT PRIMARY KEY,
        cluster_id TEXT NOT NULL REFERENCES clusters(id),
        reason TEXT NOT NULL,
        score REAL NOT NULL
    )""",
    "CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id)",
)

#: ``dedup_keys.published`` (epoch seconds) of undated items: outside every time window.
_UNDATED = -(1 << 62)
#: ``dedup_keys.week`` of undated items; dated ones are in week ``published // _WEEK``.
_UNDATED_WEEK = -1
_WEEK = 7 * 24 * 3600

_DEDUP_SELECT = """
    SELECT i.*, m.cluster_id, m.reason, m.score FROM dedup_items i
    JOIN cluster_members m ON m.item_id = i.id
"""

#: Items sharing keys with a new item: the keys (a JSON array) that are not common in the
#: window, then the items with most of them. Each key costs one range seek per week of the
#: window on the primary key of ``dedup_keys`` and reads at most ``:cap`` rows to tell
#: whether it is common.
_DEDUP_CANDIDATES = """
    WITH wanted(key) AS (SELECT value FROM json_each(:keys)),
    weeks(week) AS (SELECT value FROM json_each(:weeks)),
    rare(key) AS (
        SELECT key FROM wanted WHERE (
            SELECT count(*) FROM (
                SELECT 1 FROM weeks JOIN dedup_keys d
                ON d.week = weeks.week AND d.key = wanted.key AND d.published BETWEEN :since AND :until LIMIT :cap
            )
        ) < :cap
    ),
    hits(item, shared) AS (
        SELECT d.item, count(*) FROM rare, weeks
        JOIN dedup_keys d ON d.week = weeks.week AND d.key = rare.key AND d.published BETWEEN :since AND :until
        GROUP BY d.item HAVING count(*) >= :min_shared
        ORDER BY count(*) DESC, d.item LIMIT :limit
    )
""" + _DEDUP_SELECT + " JOIN hits ON hits.item = i.n ORDER BY hits.shared DESC, hits.item"

#: Items with any of the exact keys (a JSON array), in the order they were indexed.
_DEDUP_EXACT = _DEDUP_SELECT + " WHERE i.n IN (SELECT e.item FROM dedup_exact e WHERE e.key IN (SELECT value FROM json_each(:keys))) ORDER BY i.n"


class SqliteDedupIndex:
    """A :class:`monitor.dedup.DedupIndex` over the archive's database (``Store.db``)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def get(self, item_id: str) -> Indexed | None:
        rows = self._rows(_DEDUP_SELECT + " WHERE i.id = ?", [item_id])
        return _indexed(rows[0]) if rows else None

    def exact(self, keys: Sequence[int]) -> list[Indexed]:
        if not keys:
            return []
        return [_indexed(r) for r in self._rows(_DEDUP_EXACT, {"keys": json.dumps(sorted(set(keys)))})]

    def candidates(
        self, keys: Sequence[int], since: str | None, until: str | None, *, limit: int | None = None, min_shared: int = 1
    ) -> list[Indexed]:
        if not keys:
            return []
        if since is not None and until is not None:
            first, last = _epoch(since), _epoch(until)
            weeks = list(range(first // _WEEK, last // _WEEK + 1))
        else:
            first = last = _UNDATED
            weeks = [_UNDATED_WEEK]
        params = {
            "keys": json.dumps(sorted(set(keys))),
            "weeks": json.dumps(weeks),
            "since": first,
            "until": last,
            "cap": COMMON_KEY_ITEMS + 1,
            "min_shared": min_shared,
            "limit": -1 if limit is None else limit,
        }
        return [_indexed(r) for r in self._rows(_DEDUP_CANDIDATES, params)]

    def cluster(self, cluster_id: str) -> Cluster | None:
        row = self.db.execute("SELECT * FROM clusters WHERE id = ?", [cluster_id]).fetchone()
        if row is None:
            return None
        id_, primary, first, last, outlets, size = row
        return Cluster(id_, primary, first, last, tuple(json.loads(outlets)), size)

    def add(self, fingerprint: Fingerprint, member: Member, cluster: Cluster) -> None:
        with self._savepoint():
            self._insert(fingerprint, member, cluster)

    def merge(self, cluster: Cluster, absorbed: Sequence[str]) -> None:
        if not absorbed:
            return
        marks = ", ".join("?" * len(absorbed))
        with self._savepoint():
            self.db.execute(f"UPDATE cluster_members SET cluster_id = ? WHERE cluster_id IN ({marks})", [cluster.id, *absorbed])
            self.db.execute(f"DELETE FROM clusters WHERE id IN ({marks})", list(absorbed))
            self._save_cluster(cluster)

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        conn = self.db.conn
        conn.execute("SAVEPOINT dedup_write")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK TO dedup_write")
            conn.execute("RELEASE dedup_write")
            raise
        conn.execute("RELEASE dedup_write")

    def _insert(self, f: Fingerprint, member: Member, cluster: Cluster) -> None:
        n = self.db.execute(
            "INSERT INTO dedup_items (id, published, script, lang, outlet, site, redirect, url_key, guid_key,"
            " title_key, words, shingles, complete) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f.id, f.published, f.script, f.lang, f.outlet, f.site, int(f.redirect), f.url_key, f.guid_key,
             f.title_key, f.words, _pack_sets(f.shingles, f.sequence), f.complete],
        ).lastrowid  # fmt: skip
        when = _epoch(f.published) if f.published else _UNDATED
        week = when // _WEEK if f.published else _UNDATED_WEEK
        self.db.conn.executemany("INSERT OR IGNORE INTO dedup_exact (key, item) VALUES (?, ?)", [(key, n) for key in set(f.exact_keys)])
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO dedup_keys (week, key, published, item) VALUES (?, ?, ?, ?)",
            [(week, key, when, n) for key in set(f.sample)],
        )
        self._save_cluster(cluster)
        self.db.execute(
            "INSERT INTO cluster_members (item_id, cluster_id, reason, score) VALUES (?, ?, ?, ?)",
            [member.item, member.cluster, member.reason, member.score],
        )

    def _save_cluster(self, cluster: Cluster) -> None:
        self.db.execute(
            "INSERT INTO clusters (id, primary_item, first_seen, last_seen, outlets, size) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET primary_item = excluded.primary_item, first_seen = excluded.first_seen,"
            " last_seen = excluded.last_seen, outlets = excluded.outlets, size = excluded.size",
            [cluster.id, cluster.primary_item, cluster.first_seen, cluster.last_seen,
             json.dumps(list(cluster.outlets), ensure_ascii=False), cluster.size],
        )  # fmt: skip

    def _rows(self, query: str, params: Sequence[Any] | dict[str, Any]) -> list[dict[str, Any]]:
        cursor = self.db.conn.execute(query, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]


def _indexed(r: dict[str, Any]) -> Indexed:
    fingerprint = Fingerprint(
        id=r["id"],
        published=r["published"],
        script=r["script"],
        lang=r["lang"],
        outlet=r["outlet"],
        site=r["site"],
        redirect=bool(r["redirect"]),
        url_key=r["url_key"],
        guid_key=r["guid_key"],
        title_key=r["title_key"],
        words=r["words"],
        complete=None if r["complete"] is None else bool(r["complete"]),
        **_unpack_sets(r["shingles"]),
    )
    return Indexed(fingerprint, Member(r["id"], r["cluster_id"], r["reason"], r["score"]))


def _epoch(when: str) -> int:
    return int(datetime.fromisoformat(when).timestamp())


def _pack(shingles: frozenset[int]) -> bytes:
    """Shingle hashes as little-endian unsigned 32-bit integers, sorted."""
    return _pack_words(sorted(shingles))


def _pack_sets(shingles: frozenset[int], sequence: Sequence[int]) -> bytes:
    """The shingles, then the content words in text order, then the number of shingles and
    a format byte, ``02``.

    Two older layouts read back: the shingles alone (a length that is a multiple of four)
    and, with format byte ``01``, the shingles and the *set* of content words, which gives
    no order and so reads back with no content words."""
    if not sequence:
        return _pack(shingles)
    return _pack(shingles) + _pack_words(sequence) + len(shingles).to_bytes(4, "little") + b"\x02"


def _unpack_sets(blob: bytes) -> dict[str, Any]:
    """``shingles`` and ``sequence`` from a :func:`_pack_sets` blob."""
    if len(blob) % 4 != 1 or blob[-1:] != b"\x02":
        return {"shingles": _unpack(blob if len(blob) % 4 == 0 else blob[: 4 * int.from_bytes(blob[-5:-1], "little")]), "sequence": ()}
    count = int.from_bytes(blob[-5:-1], "little")
    return {"shingles": _unpack(blob[: 4 * count]), "sequence": tuple(_words(blob[4 * count : -5]))}


def _pack_words(values: Sequence[int]) -> bytes:
    """32-bit hashes as little-endian unsigned integers, in the order given."""
    packed = array("I", values)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def _words(blob: bytes) -> array:
    values = array("I")
    values.frombytes(blob)
    if sys.byteorder != "little":
        values.byteswap()
    return values


def _unpack(blob: bytes) -> frozenset[int]:
    return frozenset(_words(blob))
