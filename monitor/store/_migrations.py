"""The archive's schema: each migration once, in order (``PRAGMA user_version``).

Tables: ``sources`` (per-source fetch state and health), ``fetches`` (one row per attempt),
``items`` (with FTS5 over title, summary and text), ``facts``, ``digests``, ``runs``, the
deduplication index and story clusters (see :mod:`monitor.store._dedup_index`), and the
views Datasette shows first. A migration is the schema's history: once released it never
changes; a change of schema is a new step at the end of :data:`MIGRATIONS`.
"""

from __future__ import annotations

import json
import re
import sys
from array import array
from datetime import datetime, timedelta
from typing import Callable

import sqlite_utils

from ..text import search_form
from ._dedup_index import _UNDATED, _UNDATED_WEEK, _WEEK

#: The other outlets that reported a figure ``f``, in the order they did, as "Profit, Tribune".
ALSO_REPORTED_BY = """(SELECT group_concat(source, ', ') FROM (
              SELECT c.source FROM facts c WHERE c.corroborates = f.id AND c.source != f.source
              GROUP BY c.source ORDER BY min(c.published), c.source))"""


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

#: The other member's outlet (``d2``/``o2``) is a section of this one's (``d``/``o``):
#: "<outlet> - <section>", so the outlet is named once.
_SECTION_OF = "substr(coalesce(d2.outlet, o2.source), 1, length(coalesce(d.outlet, o.source)) + 3) = coalesce(d.outlet, o.source) || ' - '"


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


def _v12_facts_by_key(db: sqlite_utils.Database) -> None:
    """``facts.period_key``: the canonical period (``FY2024-25:Jul-Dec`` is ``FY2024-25:H1``),
    and an index on series, unit and that key, so that finding the figures a new report may
    corroborate or revise is one index lookup, not a read of the whole series."""
    from ..facts import canonical_period

    db["facts"].add_column("period_key", str)
    for (period,) in db.execute("SELECT DISTINCT period FROM facts").fetchall():
        db.execute("UPDATE facts SET period_key = ? WHERE period IS ?", [canonical_period(period or ""), period])
    db["facts"].create_index(["series", "unit", "period_key"], index_name="facts_by_key")


def _v13_official_figures(db: sqlite_utils.Database) -> None:
    """Official figures in ``facts`` beside the news, and the newest item of each source.

    ``facts.origin`` is ``news`` (a figure found in an item) or ``official`` (read from a
    publisher's file, with no item: ``item`` may now be empty). An official figure keeps
    where it was read: ``file_url``, ``sheet``, ``row_label``, ``column_header``, and the
    publisher's ``status`` (provisional, revised); a revised value is a new row whose
    ``revises`` points at the old one (indexed, so the current values are found quickly).
    ``sources.newest_entry`` is the date of the newest item a source gave at its last
    fetch, to tell a stale feed. Views: ``official_figures`` (the current official value
    of every series and period) and ``news_vs_official`` (every dated news report of a
    series SBP publishes, beside the official value: agrees within 1%, or differs).
    """
    db["facts"].transform(not_null={"item": False})
    db["facts"].add_column("origin", str, not_null_default="news")
    for column in ("status", "file_url", "sheet", "row_label", "column_header"):
        db["facts"].add_column(column, str)
    db["facts"].create_index(["revises"], index_name="facts_by_revises")
    db["sources"].add_column("newest_entry", str)
    db.executescript(
        """
        CREATE VIEW official_figures AS
        SELECT f.series, f.period, f.value, f.unit, f.status,
          (SELECT r.value FROM facts r WHERE r.id = f.revises) AS revises_value,
          f.published, f.found_at AS fetched_at, f.source, f.file_url, f.sheet, f.row_label,
          f.column_header, f.id AS fact
        FROM facts f
        WHERE f.origin = 'official' AND NOT EXISTS (SELECT 1 FROM facts later WHERE later.revises = f.id);
        CREATE VIEW news_vs_official AS
        SELECT n.series, n.period, n.value AS reported, n.unit, o.value AS official, o.status AS official_status,
          CASE WHEN o.value IS NULL THEN 'no official figure'
               WHEN abs(n.value - o.value) <= 0.01 * max(abs(n.value), abs(o.value)) THEN 'agrees'
               ELSE 'differs' END AS verdict,
          CASE WHEN o.value != 0 THEN round((n.value - o.value) * 100.0 / o.value, 1) END AS difference_percent,
          n.source, n.published, i.url, n.quote, n.id AS fact, o.fact AS official_fact
        FROM facts n
        LEFT JOIN items i ON i.id = n.item
        LEFT JOIN official_figures o ON o.series = n.series AND o.unit = n.unit AND o.period = n.period_key
        WHERE n.origin = 'news' AND coalesce(n.period_key, '') != ''
          AND EXISTS (SELECT 1 FROM facts s WHERE s.series = n.series AND s.unit = n.unit AND s.origin = 'official');
        """
    )


def _v14_growth_basis(db: sqlite_utils.Database) -> None:
    """``facts.basis``: how a growth rate is measured (``yoy``, ``mom``, ``unknown``; empty for a
    level), and the ``figures`` view with it and with each figure's origin (news or official),
    so that a year-on-year rate is never read as a month-on-month one."""
    db["facts"].add_column("basis", str)
    db.executescript(
        """
        DROP VIEW figures;
        CREATE VIEW figures AS
        SELECT f.series, f.period, f.value, f.unit, f.basis, f.origin, f.source, f.quote, f.published, i.url,
          1 + (SELECT count(*) FROM facts c WHERE c.corroborates = f.id) AS reports,
          (SELECT group_concat(DISTINCT c.source) FROM facts c
              WHERE c.corroborates = f.id AND c.source != f.source) AS also_reported_by,
          (SELECT r.value FROM facts r WHERE r.id = f.revises) AS revises_value,
          f.id AS fact, f.item
        FROM facts f LEFT JOIN items i ON i.id = f.item
        WHERE f.corroborates IS NULL;
        """
    )


def _v15_watched_pages(db: sqlite_utils.Database) -> None:
    """Watched policy pages (sources of kind ``watch``): every version of each page's text with
    its diff against the one before (``page_versions``), a drastic change waiting for a second
    poll to confirm it (``page_pending``), one row per page (``watched_pages``); and an index
    of relevant items by first-seen time for the Atom feeds."""
    db.executescript(
        """
        CREATE TABLE page_versions (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            version INTEGER NOT NULL,
            kind TEXT NOT NULL,
            url TEXT NOT NULL,
            title TEXT,
            fetched_at TEXT NOT NULL,
            week TEXT,
            page_date TEXT,
            hash TEXT NOT NULL,
            settings TEXT,
            complete INTEGER,
            text TEXT NOT NULL,
            links TEXT NOT NULL,
            summary TEXT,
            added INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            changed INTEGER NOT NULL DEFAULT 0,
            documents INTEGER NOT NULL DEFAULT 0,
            changes TEXT,
            diff TEXT,
            relevant INTEGER,
            score REAL,
            topics TEXT,
            rules TEXT,
            facts TEXT,
            UNIQUE (source, version)
        );
        CREATE INDEX page_versions_week ON page_versions(week);
        CREATE INDEX page_versions_fetched_at ON page_versions(fetched_at);
        CREATE TABLE page_pending (
            source TEXT PRIMARY KEY,
            hash TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            reason TEXT
        );
        CREATE VIEW watched_pages AS
        SELECT l.source, l.title, l.url, l.version AS versions,
          (SELECT count(*) FROM page_versions c WHERE c.source = l.source AND c.kind = 'change') AS changes,
          (SELECT min(f.fetched_at) FROM page_versions f WHERE f.source = l.source) AS watched_since,
          (SELECT max(c.fetched_at) FROM page_versions c WHERE c.source = l.source AND c.kind = 'change') AS last_change,
          CASE WHEN l.kind = 'change' THEN l.summary END AS last_change_summary,
          l.page_date, s.last_success AS last_checked, s.last_outcome
        FROM page_versions l LEFT JOIN sources s ON s.name = l.source
        WHERE l.version = (SELECT max(m.version) FROM page_versions m WHERE m.source = l.source);
        CREATE INDEX items_relevant_fetched_at ON items(relevant, fetched_at);
        """
    )


def _v16_local_weeks(db: sqlite_utils.Database) -> None:
    """``local_weeks``: every ISO week's bounds in the configured timezone, as UTC, so that the
    ``current_week`` view follows that timezone (SQL cannot convert timezones). The store
    writes the configured zone's weeks (:meth:`Store.set_timezone`); a new archive starts
    in Pakistan time, the default."""
    from zoneinfo import ZoneInfo

    from ..weeks import week_rows

    db.executescript(
        f"""
        CREATE TABLE local_weeks (
            week TEXT PRIMARY KEY,
            starts TEXT NOT NULL,
            ends TEXT NOT NULL,
            timezone TEXT NOT NULL
        );
        CREATE INDEX local_weeks_starts ON local_weeks(starts);
        DROP VIEW current_week;
        CREATE VIEW current_week AS SELECT coalesce(
          (SELECT week FROM local_weeks
           WHERE starts <= strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') AND ends > strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
           ORDER BY starts DESC LIMIT 1),
          {iso_week_sql(PAKISTAN_TODAY_SQL)}) AS week;
        """
    )
    db.conn.executemany("INSERT INTO local_weeks (week, starts, ends, timezone) VALUES (?, ?, ?, ?)", [(*row, "Asia/Karachi") for row in week_rows(ZoneInfo("Asia/Karachi"))])


def _v17_no_addresses_in_free_text(db: sqlite_utils.Database) -> None:
    """Email addresses leave the free text of earlier digest errors and job details (an SMTP
    server's refusal quotes them); the store now writes both without them."""
    from ..privacy import redact

    for table, key, column in (("digests", "week", "error"), ("runs", "id", "detail")):
        rows = db.execute(f"SELECT [{key}], [{column}] FROM [{table}] WHERE [{column}] LIKE '%@%'").fetchall()
        db.conn.executemany(f"UPDATE [{table}] SET [{column}] = ? WHERE [{key}] = ?", [(redact(text), pk) for pk, text in rows])


def _v18_digest_items(db: sqlite_utils.Database) -> None:
    """``digest_items``: which digest carried each item, on time or late. An item is carried by
    one digest at most (its primary key). Digests sent before record their week's relevant
    items stored before the send began."""
    db.executescript(
        """
        CREATE TABLE digest_items (
            item TEXT PRIMARY KEY REFERENCES items(id),
            week TEXT NOT NULL REFERENCES digests(week),
            late INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX digest_items_week ON digest_items(week);
        INSERT OR IGNORE INTO digest_items (item, week, late)
            SELECT i.id, d.week, 0 FROM digests d JOIN items i ON i.week = d.week AND i.relevant = 1
            WHERE d.status IN ('sent', 'sending') AND i.fetched_at <= coalesce(d.started_at, d.sent_at, d.created_at, i.fetched_at);
        """
    )


def _v19_events_and_boilerplate(db: sqlite_utils.Database) -> None:
    """Two levels of grouping and learned boilerplate (see :mod:`monitor.dedup`):

    - ``events(id, first_seen, stories)``: the stories that report one happening, and
      ``clusters.event_id`` (with ``event_reason`` and ``event_score``): each story's event;
      every story already stored is an event of its own;
    - ``dedup_lines``: for each line of text seen on a site, in how many stories;
    - ``dedup_items.sample``: each item's sampled keys, which the index now looks up in
      memory over the time window, loaded by publication time (``dedup_items_published``);
      ``dedup_keys``, one row per key, goes;
    - the ``stories`` view gains its story's ``event``, and ``event_coverage`` lists one row
      per event that holds a relevant story.
    """
    db.executescript(
        """
        ALTER TABLE dedup_items ADD COLUMN sample BLOB;
        CREATE INDEX dedup_items_published ON dedup_items(published);
        CREATE TABLE dedup_lines (
            key INTEGER PRIMARY KEY,
            stories INTEGER NOT NULL,
            last_story INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            first_seen TEXT,
            stories INTEGER NOT NULL
        );
        ALTER TABLE clusters ADD COLUMN event_id TEXT REFERENCES events(id);
        ALTER TABLE clusters ADD COLUMN event_reason TEXT;
        ALTER TABLE clusters ADD COLUMN event_score REAL;
        UPDATE clusters SET event_id = id, event_reason = 'first', event_score = 1.0;
        CREATE INDEX clusters_event ON clusters(event_id);
        INSERT INTO events (id, first_seen, stories) SELECT id, first_seen, 1 FROM clusters;
        """
    )
    item, keys = None, array("q")
    updates: list[tuple[bytes, int]] = []
    for n, key in db.execute("SELECT item, key FROM dedup_keys ORDER BY item"):
        if n != item:
            if item is not None:
                updates.append((_keys_blob(keys), item))
            item, keys = n, array("q")
        keys.append(key)
        if len(updates) >= 10_000:
            db.conn.executemany("UPDATE dedup_items SET sample = ? WHERE n = ?", updates)
            updates = []
    if item is not None:
        updates.append((_keys_blob(keys), item))
    db.conn.executemany("UPDATE dedup_items SET sample = ? WHERE n = ?", updates)
    _refingerprint_recent(db)
    db.executescript(
        """
        DROP TABLE dedup_keys;
        DROP VIEW stories;
        CREATE VIEW stories AS
        SELECT i.week, json_extract(i.topics, '$[0]') AS topic, i.title,
          (SELECT group_concat(source, ', ') FROM (
              SELECT DISTINCT o.source FROM cluster_members om JOIN items o ON o.id = om.item_id
              WHERE om.cluster_id = c.id ORDER BY o.published)) AS outlets,
          c.size AS reprints, i.published, i.url, i.topics, i.id AS item, c.id AS story,
          coalesce(c.event_id, c.id) AS event
        FROM clusters c JOIN items i ON i.id = c.primary_item
        WHERE EXISTS (SELECT 1 FROM cluster_members rm JOIN items r ON r.id = rm.item_id
                      WHERE rm.cluster_id = c.id AND r.relevant = 1)
        UNION ALL
        SELECT week, json_extract(topics, '$[0]'), title, source, 1, published, url, topics, id, id, id
        FROM items WHERE relevant = 1 AND id NOT IN (SELECT item_id FROM cluster_members);
        CREATE VIEW event_coverage AS
        SELECT i.week, json_extract(i.topics, '$[0]') AS topic, i.title,
          (SELECT group_concat(source, ', ') FROM (
              SELECT DISTINCT o.source FROM clusters s JOIN cluster_members om ON om.cluster_id = s.id
              JOIN items o ON o.id = om.item_id WHERE s.event_id = e.id ORDER BY o.published)) AS outlets,
          e.stories, (SELECT sum(s.size) FROM clusters s WHERE s.event_id = e.id) AS reports,
          e.first_seen, (SELECT max(s.last_seen) FROM clusters s WHERE s.event_id = e.id) AS last_seen,
          i.url, i.id AS item, e.id AS event
        FROM events e JOIN clusters c ON c.id = e.id JOIN items i ON i.id = c.primary_item
        WHERE EXISTS (SELECT 1 FROM clusters s JOIN cluster_members rm ON rm.cluster_id = s.id
                      JOIN items r ON r.id = rm.item_id WHERE s.event_id = e.id AND r.relevant = 1);
        """
    )


#: Items published this many days before the newest one are fingerprinted again by
#: migration 19 (the hashes changed); older ones are outside every time window.
_REFINGERPRINT_DAYS = 15


def _refingerprint_recent(db: sqlite_utils.Database) -> None:
    """Fingerprint again, from their stored text, the items of the last weeks and the
    undated ones: word pairs are hashed differently since migration 19, and a new item is
    only ever compared with the items of its time window."""
    from ..dedup import DedupInput, fingerprint
    from ._dedup_index import _pack_fingerprint, _pack_keys

    newest = db.execute("SELECT max(published) FROM dedup_items").fetchone()[0]
    if newest is None:
        since = None
    else:
        since = (datetime.fromisoformat(newest) - timedelta(days=_REFINGERPRINT_DAYS)).isoformat()
    rows = db.execute(
        "SELECT d.n, d.id, d.published, d.redirect, d.complete, i.title, coalesce(nullif(i.text, ''), i.summary, ''),"
        " i.url, i.canonical_url, i.guid, i.source, i.lang FROM dedup_items d JOIN items i ON i.id = d.id"
        " WHERE d.published IS NULL OR d.published >= ?",
        [since or ""],
    ).fetchall()
    updates = []
    for n, id_, published, redirect, complete, title, text, url, canon, guid, source, lang in rows:
        item = DedupInput(id=id_, title=title or "", text=text, url=url, canonical_url=canon, guid=guid, source=source,
                          published=published, lang=lang, aggregated=bool(redirect), complete=None if complete is None else bool(complete))  # fmt: skip
        f = fingerprint(item)
        updates.append((_pack_fingerprint(f), _pack_keys(f.sample), n))
    db.conn.executemany("UPDATE dedup_items SET shingles = ?, sample = ? WHERE n = ?", updates)


def _keys_blob(keys: array) -> bytes:
    if sys.byteorder != "little":
        keys.byteswap()
    return keys.tobytes()


def _v20_article_backlog(db: sqlite_utils.Database) -> None:
    """``pending_entries``: the new entries of a source whose article pages a poll left for
    later (a poll reads at most a few dozen articles of one source), kept so that the next
    polls take them, newest first, even when the feed has dropped them or answers 304.
    ``entry`` is the feed's entry as JSON; ``id`` the item id it will have."""
    db.executescript(
        """
        CREATE TABLE pending_entries (
            source TEXT NOT NULL,
            id TEXT NOT NULL,
            entry TEXT NOT NULL,
            published TEXT,
            queued_at TEXT NOT NULL,
            PRIMARY KEY (source, id)
        );
        """
    )


def _v21_listing_links(db: sqlite_utils.Database) -> None:
    """``sources.listing_links``: how many article links a listing page gave at its last good
    fetch, so that a page that stops giving any (a redesign, a JavaScript shell) is a failure."""
    db["sources"].add_column("listing_links", int)


def _v22_pending_entries_undated(db: sqlite_utils.Database) -> None:
    """``pending_entries`` without its ``published`` column: the entry's date is in ``entry``,
    which is what orders the backlog (newest first), so the column was a copy nothing read.
    The table is rebuilt (SQLite before 3.35 cannot drop a column); its rows are kept, in order."""
    db.execute(
        """
        CREATE TABLE pending_entries_new (
            source TEXT NOT NULL,
            id TEXT NOT NULL,
            entry TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            PRIMARY KEY (source, id)
        )
        """
    )
    db.execute("INSERT INTO pending_entries_new (source, id, entry, queued_at) SELECT source, id, entry, queued_at FROM pending_entries ORDER BY rowid")  # ties of queued_at keep their order
    db.execute("DROP TABLE pending_entries")
    db.execute("ALTER TABLE pending_entries_new RENAME TO pending_entries")


def _v23_daemon_heartbeat(db: sqlite_utils.Database) -> None:
    """``daemon``: the daemon that runs, or last ran, on the archive, in one row: its process
    and host, when it started, the interval it polls at, its heartbeat (``seen_at``, written
    every ``beat_seconds``) and ``stopped_at`` once it stopped cleanly. ``monitor status``
    reads it to tell whether a daemon is running, which the lock file's process id cannot
    tell from another container or machine sharing the archive."""
    db.execute(
        """
        CREATE TABLE daemon (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            started_at TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            beat_seconds REAL NOT NULL,
            poll_seconds REAL NOT NULL,
            stopped_at TEXT
        )
        """
    )


def _v24_outlets_listed_with_spaces(db: sqlite_utils.Database) -> None:
    """``figures.also_reported_by`` lists the other outlets as every other view does, in the
    order they reported and separated by ", " ("Express Tribune, Profit"), not run together
    by a bare comma ("Express Tribune,Profit")."""
    db.executescript(
        f"""
        DROP VIEW figures;
        CREATE VIEW figures AS
        SELECT f.series, f.period, f.value, f.unit, f.basis, f.origin, f.source, f.quote, f.published, i.url,
          1 + (SELECT count(*) FROM facts c WHERE c.corroborates = f.id) AS reports,
          {ALSO_REPORTED_BY} AS also_reported_by,
          (SELECT r.value FROM facts r WHERE r.id = f.revises) AS revises_value,
          f.id AS fact, f.item
        FROM facts f LEFT JOIN items i ON i.id = f.item
        WHERE f.corroborates IS NULL;
        """
    )


def _v25_outlets_not_aggregators(db: sqlite_utils.Database) -> None:
    """``stories.outlets`` and ``event_coverage.outlets`` name each item by its outlet as the
    dedup index knows it, as the digest and the feeds do: an item of a Google News search is
    the paper its headline names ("Arab News"), not the search ("Google News - IT exports");
    a paper also listed by one of its sections ("Dawn" beside "Dawn - Business") is named once."""
    db.executescript(
        f"""
        DROP VIEW stories;
        CREATE VIEW stories AS
        SELECT i.week, json_extract(i.topics, '$[0]') AS topic, i.title,
          (SELECT group_concat(outlet, ', ') FROM (
              SELECT DISTINCT coalesce(d.outlet, o.source) AS outlet FROM cluster_members om JOIN items o ON o.id = om.item_id
              LEFT JOIN dedup_items d ON d.id = o.id
              WHERE om.cluster_id = c.id AND NOT EXISTS (
                SELECT 1 FROM cluster_members om2 JOIN items o2 ON o2.id = om2.item_id LEFT JOIN dedup_items d2 ON d2.id = o2.id
                WHERE om2.cluster_id = c.id AND {_SECTION_OF})
              ORDER BY o.published)) AS outlets,
          c.size AS reprints, i.published, i.url, i.topics, i.id AS item, c.id AS story,
          coalesce(c.event_id, c.id) AS event
        FROM clusters c JOIN items i ON i.id = c.primary_item
        WHERE EXISTS (SELECT 1 FROM cluster_members rm JOIN items r ON r.id = rm.item_id
                      WHERE rm.cluster_id = c.id AND r.relevant = 1)
        UNION ALL
        SELECT week, json_extract(topics, '$[0]'), title, coalesce((SELECT d.outlet FROM dedup_items d WHERE d.id = items.id), source),
          1, published, url, topics, id, id, id
        FROM items WHERE relevant = 1 AND id NOT IN (SELECT item_id FROM cluster_members);
        DROP VIEW event_coverage;
        CREATE VIEW event_coverage AS
        SELECT i.week, json_extract(i.topics, '$[0]') AS topic, i.title,
          (SELECT group_concat(outlet, ', ') FROM (
              SELECT DISTINCT coalesce(d.outlet, o.source) AS outlet FROM clusters s JOIN cluster_members om ON om.cluster_id = s.id
              JOIN items o ON o.id = om.item_id LEFT JOIN dedup_items d ON d.id = o.id
              WHERE s.event_id = e.id AND NOT EXISTS (
                SELECT 1 FROM clusters s2 JOIN cluster_members om2 ON om2.cluster_id = s2.id
                JOIN items o2 ON o2.id = om2.item_id LEFT JOIN dedup_items d2 ON d2.id = o2.id
                WHERE s2.event_id = e.id AND {_SECTION_OF})
              ORDER BY o.published)) AS outlets,
          e.stories, (SELECT sum(s.size) FROM clusters s WHERE s.event_id = e.id) AS reports,
          e.first_seen, (SELECT max(s.last_seen) FROM clusters s WHERE s.event_id = e.id) AS last_seen,
          i.url, i.id AS item, e.id AS event
        FROM events e JOIN clusters c ON c.id = e.id JOIN items i ON i.id = c.primary_item
        WHERE EXISTS (SELECT 1 FROM clusters s JOIN cluster_members rm ON rm.cluster_id = s.id
                      JOIN items r ON r.id = rm.item_id WHERE s.event_id = e.id AND r.relevant = 1);
        """
    )


def _v26_rules_as_written(db: sqlite_utils.Database) -> None:
    """``items.rules`` and ``items.topics`` name Urdu terms in Urdu script (``"freelancing:body:
    فری لانسر"``), as the store now writes them, not as ``\\u0641...`` escapes that no reader of
    Datasette can read and no search of the column for the term finds."""
    rows = db.execute("SELECT id, topics, rules FROM items WHERE instr(rules, '\\u') OR instr(topics, '\\u')").fetchall()
    db.conn.executemany(
        "UPDATE items SET topics = ?, rules = ? WHERE id = ?",
        [(_as_written(topics), _as_written(rules), pk) for pk, topics, rules in rows],
    )


def _as_written(text: str | None) -> str | None:
    """A JSON list rewritten without ``\\u`` escapes; text that is no JSON stays as it is."""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False) if text else text
    except ValueError:
        return text


def _v27_news_agreeing_with_a_revised_value(db: sqlite_utils.Database) -> None:
    """``news_vs_official`` tells a report that gave SBP's figure before SBP revised it from a
    misreported one: its verdict is ``revised since`` (not ``differs``) when it agrees, within
    1%, with a value SBP published for the period and later revised, and ``earlier_official``
    holds that value."""
    agrees = "abs(n.value - {v}) <= 0.01 * max(abs(n.value), abs({v}))"
    earlier = f"""(SELECT r.value FROM facts r WHERE r.origin = 'official' AND r.series = n.series AND r.unit = n.unit
                AND r.period = n.period_key AND r.id IS NOT o.fact AND {agrees.format(v="r.value")} ORDER BY r.id DESC LIMIT 1)"""
    db.executescript(
        f"""
        DROP VIEW news_vs_official;
        CREATE VIEW news_vs_official AS
        SELECT n.series, n.period, n.value AS reported, n.unit, o.value AS official, o.status AS official_status,
          CASE WHEN o.value IS NULL THEN 'no official figure'
               WHEN {agrees.format(v="o.value")} THEN 'agrees'
               WHEN {earlier} IS NOT NULL THEN 'revised since'
               ELSE 'differs' END AS verdict,
          CASE WHEN o.value IS NOT NULL AND NOT {agrees.format(v="o.value")} THEN {earlier} END AS earlier_official,
          CASE WHEN o.value != 0 THEN round((n.value - o.value) * 100.0 / o.value, 1) END AS difference_percent,
          n.source, n.published, i.url, n.quote, n.id AS fact, o.fact AS official_fact
        FROM facts n
        LEFT JOIN items i ON i.id = n.item
        LEFT JOIN official_figures o ON o.series = n.series AND o.unit = n.unit AND o.period = n.period_key
        WHERE n.origin = 'news' AND coalesce(n.period_key, '') != ''
          AND EXISTS (SELECT 1 FROM facts s WHERE s.series = n.series AND s.unit = n.unit AND s.origin = 'official');
        """
    )



def _v28_search_folds_urdu(db: sqlite_utils.Database) -> None:
    """``items.search_extra``: the item's title, summary and text as a search reads them
    (:func:`monitor.text.search_form`: Urdu digits as Western ones, no vowel marks), when
    that differs from them, else NULL; the full-text index covers it too, so that "38" finds
    "۳۸" and "پاکستان" finds "پاکِستان"."""
    if "search_extra" not in db["items"].columns_dict:
        db["items"].add_column("search_extra", str)
    rows = db.execute("SELECT id, title, summary, text FROM items").fetchall()
    db.conn.executemany(
        "UPDATE items SET search_extra = ? WHERE id = ?",
        [(extra, id_) for id_, *parts in rows if (extra := search_extra(*parts)) is not None],
    )
    db["items"].disable_fts()
    db["items"].enable_fts(["title", "summary", "text", "search_extra"], create_triggers=True, tokenize="unicode61")


def _v29_sources_moved(db: sqlite_utils.Database) -> None:
    """``sources.moved_to``: where a source's address led at its last answered fetch when
    every redirect on the way was permanent (301, 308), for ``monitor status`` to say that
    ``sources.yaml`` should give the new address; NULL otherwise."""
    if "moved_to" not in db["sources"].columns_dict:
        db["sources"].add_column("moved_to", str)


def _v30_judged_again(db: sqlite_utils.Database) -> None:
    """``items.judged_at``: when ``monitor rejudge`` last changed an item's relevance (NULL:
    as judged when first stored), and an index of the figures by item, which that command
    replaces."""
    if "judged_at" not in db["items"].columns_dict:
        db["items"].add_column("judged_at", str)
    db.execute("CREATE INDEX IF NOT EXISTS facts_by_item ON facts(item)")


def _v31_no_secrets_in_addresses(db: sqlite_utils.Database) -> None:
    """The login and keys a watch list put in a source's address (``https://user:password@``,
    ``?token=``) leave the addresses and errors stored before: the store now writes them
    without (:func:`monitor.privacy.redact_url`); so does the login an item's link took from
    the page behind it that it was read on (:func:`monitor.privacy.without_login`)."""
    from ..privacy import redact_secrets, redact_url, without_login

    for table, key, column, redacted in (
        ("items", "id", "url", without_login),  # a link read on a page behind a login
        ("sources", "name", "url", redact_url),
        ("sources", "name", "last_error", redact_secrets),
        ("sources", "name", "moved_to", redact_secrets),
        ("fetches", "id", "url", redact_url),
        ("fetches", "id", "error", redact_secrets),
        ("page_versions", "id", "url", redact_url),
        ("facts", "id", "file_url", redact_url),
    ):
        if column not in db[table].columns_dict:
            continue
        rows = db.execute(f"SELECT [{key}], [{column}] FROM [{table}] WHERE [{column}] LIKE '%://%@%' OR [{column}] LIKE '%://%?%'").fetchall()
        db.conn.executemany(f"UPDATE [{table}] SET [{column}] = ? WHERE [{key}] = ?", [(new, pk) for pk, old in rows if (new := redacted(old)) != old])


def _v32_corrections(db: sqlite_utils.Database) -> None:
    """``corrections``: an editor's corrections of figures read wrongly (``monitor correct``):
    the figure as read from its item, what it was made (another period or value, or dropped),
    who made it, when and why, and when it was undone; ``facts.corrected`` names the
    correction a stored figure carries."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS corrections (
          id INTEGER PRIMARY KEY,
          item TEXT NOT NULL, source TEXT,
          series TEXT NOT NULL, unit TEXT NOT NULL, basis TEXT, period TEXT, value REAL NOT NULL, quote TEXT,
          new_period TEXT, new_value REAL, dropped INTEGER NOT NULL DEFAULT 0,
          reason TEXT NOT NULL, made_by TEXT, made_at TEXT NOT NULL,
          undone_at TEXT, undone_by TEXT, undo_reason TEXT
        );
        CREATE INDEX IF NOT EXISTS corrections_by_item ON corrections(item);
        """
    )
    if "corrected" not in db["facts"].columns_dict:
        db["facts"].add_column("corrected", int)


def _v33_story_corrections(db: sqlite_utils.Database) -> None:
    """``corrections`` holds the editor's verdicts on stories too (``monitor correct story``):
    ``kind`` is ``figure`` or ``story``; a story's row names the story (``item``: its id, the
    id of its first item), its headline (``quote``) and outlet (``source``) and the verdict
    (``relevant``: 0 not relevant, 1 relevant), and has no series, unit or value. The table is
    rebuilt, as SQLite cannot drop a NOT NULL; its rows keep their ids."""
    if "kind" in db["corrections"].columns_dict:
        return
    db.executescript(
        """
        CREATE TABLE corrections_new (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL DEFAULT 'figure',
          item TEXT NOT NULL, source TEXT,
          series TEXT, unit TEXT, basis TEXT, period TEXT, value REAL, quote TEXT,
          new_period TEXT, new_value REAL, dropped INTEGER NOT NULL DEFAULT 0,
          relevant INTEGER,
          reason TEXT NOT NULL, made_by TEXT, made_at TEXT NOT NULL,
          undone_at TEXT, undone_by TEXT, undo_reason TEXT
        );
        INSERT INTO corrections_new (id, kind, item, source, series, unit, basis, period, value, quote, new_period, new_value, dropped,
                                     reason, made_by, made_at, undone_at, undone_by, undo_reason)
          SELECT id, 'figure', item, source, series, unit, basis, period, value, quote, new_period, new_value, dropped,
                 reason, made_by, made_at, undone_at, undone_by, undo_reason FROM corrections;
        DROP TABLE corrections;
        ALTER TABLE corrections_new RENAME TO corrections;
        CREATE INDEX IF NOT EXISTS corrections_by_item ON corrections(item);
        """
    )


def _v34_corrections_told(db: sqlite_utils.Database) -> None:
    """``corrections.told_in``: the week of the digest whose "Corrections" section told the
    readers of a correction made after a digest had sent the figure or story it corrects;
    written in the transaction that claims that digest's send (and cleared when the send
    fails), so a correction is told once."""
    if "told_in" not in db["corrections"].columns_dict:
        db["corrections"].add_column("told_in", str)


def _v35_no_logins_in_page_links(db: sqlite_utils.Database) -> None:
    """A watched page behind a login (``https://user:password@host/page``) lent it to the
    document links read on it, and each version kept them so (``page_versions.links``, and
    the ``url`` of a new document in ``changes``), for Datasette, the digest and the feeds to
    show. The store now writes them without it (:func:`monitor.privacy.without_login`), as an
    item's link; the versions stored before lose it too (their hash, of text and links, is of
    the links without it, as :func:`monitor.watch.content_hash` reckons it now)."""
    from ..watch import content_hash

    if "page_versions" not in db.table_names():
        return
    rows = db.execute("SELECT id, text, links, changes, diff FROM page_versions WHERE links LIKE '%://%@%' OR changes LIKE '%://%@%' OR diff LIKE '%://%@%'").fetchall()
    for pk, text, links, changes, diff in rows:
        new_links = [_record_without_login(r) for r in json.loads(links or "[]")]
        new_changes = None if changes is None else json.dumps([_record_without_login(r) for r in json.loads(changes)], ensure_ascii=False)
        urls = [r["url"] for r in new_links if isinstance(r, dict) and r.get("url")]
        db.execute(
            "UPDATE page_versions SET links = ?, changes = ?, diff = ?, hash = ? WHERE id = ?",
            [json.dumps(new_links, ensure_ascii=False), new_changes, _no_logins(diff), content_hash(text or "", urls), pk],
        )


def _record_without_login(record: object) -> object:
    """A link or change record (``url``, and a change's ``line``) without the login."""
    from ..privacy import without_login

    if not isinstance(record, dict):
        return record
    out = dict(record)
    if out.get("url"):
        out["url"] = without_login(out["url"])
    if out.get("line"):
        out["line"] = _no_logins(out["line"])
    return out


def _no_logins(text: str | None) -> str | None:
    """``text`` (a diff's lines) with each ``<address>`` of a document without its login."""
    from ..privacy import without_login

    return re.sub(r"<([A-Za-z][A-Za-z0-9+.-]*://[^\s<>]+)>", lambda m: f"<{without_login(m[1])}>", text) if text else text


def _v36_event_coverage_by_event(db: sqlite_utils.Database) -> None:
    """``event_coverage`` finds whether an event has a relevant report from the event's own
    stories (``clusters_event``), not by reading every relevant item for each event: SQLite
    chose the index of relevant items for that check, so the view read the relevant items
    once per event, and a year's archive (88,000 events, 13,000 relevant items) took longer
    than Datasette's time limit on every visit. ``events`` is indexed by ``first_seen``, the
    order Datasette shows the view in, so its first page reads only the events it shows."""
    db.executescript(
        f"""
        DROP VIEW IF EXISTS event_coverage;
        CREATE VIEW event_coverage AS
        SELECT i.week, json_extract(i.topics, '$[0]') AS topic, i.title,
          (SELECT group_concat(outlet, ', ') FROM (
              SELECT DISTINCT coalesce(d.outlet, o.source) AS outlet FROM clusters s JOIN cluster_members om ON om.cluster_id = s.id
              JOIN items o ON o.id = om.item_id LEFT JOIN dedup_items d ON d.id = o.id
              WHERE s.event_id = e.id AND NOT EXISTS (
                SELECT 1 FROM clusters s2 JOIN cluster_members om2 ON om2.cluster_id = s2.id
                JOIN items o2 ON o2.id = om2.item_id LEFT JOIN dedup_items d2 ON d2.id = o2.id
                WHERE s2.event_id = e.id AND {_SECTION_OF})
              ORDER BY o.published)) AS outlets,
          e.stories, (SELECT sum(s.size) FROM clusters s WHERE s.event_id = e.id) AS reports,
          e.first_seen, (SELECT max(s.last_seen) FROM clusters s WHERE s.event_id = e.id) AS last_seen,
          i.url, i.id AS item, e.id AS event
        FROM events e JOIN clusters c ON c.id = e.id JOIN items i ON i.id = c.primary_item
        WHERE EXISTS (SELECT 1 FROM clusters s CROSS JOIN cluster_members rm ON rm.cluster_id = s.id
                      CROSS JOIN items r ON r.id = rm.item_id WHERE s.event_id = e.id AND r.relevant = 1);
        CREATE INDEX IF NOT EXISTS events_first_seen ON events(first_seen);
        """
    )


def _v37_official_figures_indexed(db: sqlite_utils.Database) -> None:
    """The official figures (SBP's) are indexed by series, unit and period apart from the news
    figures: ``news_vs_official`` asks, for each news figure, whether SBP publishes its series,
    and found it by reading every figure of that series, SBP's or not. On 1,870 news figures
    and none of SBP's that took 0.8 s; with the index, a millisecond."""
    if "facts" in db.table_names():
        db.execute("CREATE INDEX IF NOT EXISTS facts_official ON facts(series, unit, period) WHERE origin = 'official'")


def _v38_stories_by_week(db: sqlite_utils.Database) -> None:
    """``stories`` is one query over the items, each with the story it leads if any, not a
    union of the stories and the relevant items outside any: SQLite cannot take a join's
    condition into a union, so ``stories_this_week`` (which joins the week it was asked)
    built every story of the archive before it picked the week's, 0.27 s on 100,000 items
    and growing with them. Now the week's items are found by their index and only their
    stories are built. The rows are the same: a story (a cluster) that has a relevant
    report, on its leading item; a relevant item in no story, as a story of its own."""
    db.executescript(
        f"""
        DROP VIEW stories;
        CREATE VIEW stories AS
        SELECT i.week, json_extract(i.topics, '$[0]') AS topic, i.title,
          CASE WHEN c.id IS NULL THEN coalesce((SELECT d.outlet FROM dedup_items d WHERE d.id = i.id), i.source)
          ELSE (SELECT group_concat(outlet, ', ') FROM (
              SELECT DISTINCT coalesce(d.outlet, o.source) AS outlet FROM cluster_members om JOIN items o ON o.id = om.item_id
              LEFT JOIN dedup_items d ON d.id = o.id
              WHERE om.cluster_id = c.id AND NOT EXISTS (
                SELECT 1 FROM cluster_members om2 JOIN items o2 ON o2.id = om2.item_id LEFT JOIN dedup_items d2 ON d2.id = o2.id
                WHERE om2.cluster_id = c.id AND {_SECTION_OF})
              ORDER BY o.published)) END AS outlets,
          coalesce(c.size, 1) AS reprints, i.published, i.url, i.topics, i.id AS item, coalesce(c.id, i.id) AS story,
          coalesce(c.event_id, c.id, i.id) AS event
        FROM items i LEFT JOIN clusters c ON c.primary_item = i.id
        WHERE CASE WHEN c.id IS NULL THEN i.relevant = 1 AND i.id NOT IN (SELECT item_id FROM cluster_members)
              ELSE EXISTS (SELECT 1 FROM cluster_members rm JOIN items r ON r.id = rm.item_id
                           WHERE rm.cluster_id = c.id AND r.relevant = 1) END;
        CREATE INDEX IF NOT EXISTS clusters_primary_item ON clusters(primary_item);
        """
    )


def _v39_withdrawals_told(db: sqlite_utils.Database) -> None:
    """``corrections.undo_told_in``: the week of the digest whose "Corrections" section told
    the readers that a correction an earlier digest had told them was withdrawn (``monitor
    correct undo``); written in the transaction that claims that digest's send, as
    ``told_in`` is, so a withdrawal is told once."""
    if "undo_told_in" not in db["corrections"].columns_dict:
        db["corrections"].add_column("undo_told_in", str)


def search_extra(title: str | None, summary: str | None, text: str | None) -> str | None:
    """What ``items.search_extra`` holds for an item (see :func:`_v28_search_folds_urdu`)."""
    return search_form("\n".join(part or "" for part in (title, summary, text)))


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1,
    _v2_digest_delivery,
    _v3_archive_views,
    _v4_fact_corroboration,
    _v5_item_topics,
    _v6_items_by_source_and_time,
    _v7_figures_view,
    _v8_dedup_index,
    _v9_stories_from_clusters,
    _v10_dedup_complete_texts,
    _v11_dedup_keys_by_week,
    _v12_facts_by_key,
    _v13_official_figures,
    _v14_growth_basis,
    _v15_watched_pages,
    _v16_local_weeks,
    _v17_no_addresses_in_free_text,
    _v18_digest_items,
    _v19_events_and_boilerplate,
    _v20_article_backlog,
    _v21_listing_links,
    _v22_pending_entries_undated,
    _v23_daemon_heartbeat,
    _v24_outlets_listed_with_spaces,
    _v25_outlets_not_aggregators,
    _v26_rules_as_written,
    _v27_news_agreeing_with_a_revised_value,
    _v28_search_folds_urdu,
    _v29_sources_moved,
    _v30_judged_again,
    _v31_no_secrets_in_addresses,
    _v32_corrections,
    _v33_story_corrections,
    _v34_corrections_told,
    _v35_no_logins_in_page_links,
    _v36_event_coverage_by_event,
    _v37_official_figures_indexed,
    _v38_stories_by_week,
    _v39_withdrawals_told,
]



#: The step numbered 13 on main for a few hours, before the official figures took that
#: number and it became 19: an archive of then says version 13 and holds its events tables,
#: but none of the steps now numbered 13 to 18.
_EVENTS_STEP = MIGRATIONS.index(_v19_events_and_boilerplate) + 1


def effective_version(db: sqlite_utils.Database, version: int) -> int:
    """The number of the last step applied to ``db``, whose ``user_version`` is ``version``:
    an archive of the days when the events step was 13 has only steps 1 to 12 of today's
    numbering (and the events step, which :func:`already_applied` tells)."""
    if version == 13 and _has_events(db) and "origin" not in db["facts"].columns_dict:
        return 12
    return version


def already_applied(db: sqlite_utils.Database, version: int) -> bool:
    """Whether step ``version`` is in ``db`` already, applied under another number."""
    return version == _EVENTS_STEP and _has_events(db)


def _has_events(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").fetchone() is not None


# --------------------------------------------------------------------------- the store


#: The tables of the deduplication index as migration 8 created them (later steps change them).
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
