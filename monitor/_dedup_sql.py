"""The deduplication index and story clusters in SQLite: a :class:`monitor.dedup.DedupIndex`.

Tables:

- ``dedup_items``: one fingerprint per item (exact keys, script, outlet, shingle set);
- ``dedup_keys(key, published, item)``: one row per exact key and sampled shingle of an
  item, a ``WITHOUT ROWID`` table ordered by key then time, so a lookup is one range seek
  per key inside the time window, reading at most ``COMMON_KEY_ITEMS + 1`` rows, however
  large the archive grows;
- ``clusters(id, primary_item, first_seen, last_seen, outlets, size)``: one row per story;
- ``cluster_members(item_id, cluster_id, reason, score)``: each item's story and why.
"""

from __future__ import annotations

import json
import sys
from array import array
from datetime import datetime
from typing import Any, Sequence

import sqlite_utils

from .dedup import COMMON_KEY_ITEMS, Cluster, Fingerprint, Indexed, Member

#: ``dedup_keys.published`` of undated items: outside every time window.
_UNDATED = -(1 << 62)
_LATEST = 1 << 62

_SELECT = """
    SELECT i.*, m.cluster_id, m.reason, m.score FROM dedup_items i
    JOIN cluster_members m ON m.item_id = i.id
"""

#: Items sharing keys with a new item: the keys (a JSON array) that are not common in the
#: window, then the items with most of them. Each key costs one range seek on the primary
#: key of ``dedup_keys`` and reads at most ``:cap`` rows to tell whether it is common.
_CANDIDATES = """
    WITH wanted(key) AS (SELECT value FROM json_each(:keys)),
    rare(key) AS (
        SELECT key FROM wanted WHERE (
            SELECT count(*) FROM (
                SELECT 1 FROM dedup_keys d
                WHERE d.key = wanted.key AND d.published BETWEEN :since AND :until LIMIT :cap
            )
        ) < :cap
    ),
    hits(item, shared) AS (
        SELECT d.item, count(*) FROM rare
        JOIN dedup_keys d ON d.key = rare.key AND d.published BETWEEN :since AND :until
        GROUP BY d.item HAVING count(*) >= :min_shared
        ORDER BY count(*) DESC, d.item LIMIT :limit
    )
""" + _SELECT + " JOIN hits ON hits.item = i.n ORDER BY hits.shared DESC, hits.item"


def create_dedup_tables(db: sqlite_utils.Database) -> None:
    """Create the index and cluster tables (a schema migration step)."""
    db.executescript(
        """
        CREATE TABLE dedup_items (
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
        );
        CREATE TABLE dedup_keys (
            key INTEGER NOT NULL,
            published INTEGER NOT NULL,
            item INTEGER NOT NULL REFERENCES dedup_items(n),
            PRIMARY KEY (key, published, item)
        ) WITHOUT ROWID;
        CREATE TABLE clusters (
            id TEXT PRIMARY KEY,
            primary_item TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            outlets TEXT NOT NULL,
            size INTEGER NOT NULL
        );
        CREATE INDEX clusters_last_seen ON clusters(last_seen);
        CREATE TABLE cluster_members (
            item_id TEXT PRIMARY KEY,
            cluster_id TEXT NOT NULL REFERENCES clusters(id),
            reason TEXT NOT NULL,
            score REAL NOT NULL
        );
        CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);
        """
    )


class SqliteDedupIndex:
    """A :class:`monitor.dedup.DedupIndex` over the archive's ``sqlite_utils.Database``."""


    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def get(self, item_id: str) -> Indexed | None:
        rows = self._rows(_SELECT + " WHERE i.id = ?", [item_id])
        return _indexed(rows[0]) if rows else None

    def candidates(
        self, keys: Sequence[int], since: str | None, until: str | None, *, limit: int | None = None, min_shared: int = 1
    ) -> list[Indexed]:
        if not keys:
            return []
        bounded = since is not None and until is not None
        params = {
            "keys": json.dumps(sorted(set(keys))),
            "since": _epoch(since) if bounded else _UNDATED,
            "until": _epoch(until) if bounded else _LATEST,
            "cap": COMMON_KEY_ITEMS + 1,
            "min_shared": min_shared,
            "limit": -1 if limit is None else limit,
        }
        return [_indexed(r) for r in self._rows(_CANDIDATES, params)]

    def cluster(self, cluster_id: str) -> Cluster | None:
        row = self.db.execute("SELECT * FROM clusters WHERE id = ?", [cluster_id]).fetchone()
        if row is None:
            return None
        id_, primary, first, last, outlets, size = row
        return Cluster(id_, primary, first, last, tuple(json.loads(outlets)), size)

    def add(self, fingerprint: Fingerprint, member: Member, cluster: Cluster) -> None:
        conn = self.db.conn
        conn.execute("SAVEPOINT dedup_add")
        try:
            self._insert(fingerprint, member, cluster)
        except BaseException:
            conn.execute("ROLLBACK TO dedup_add")
            conn.execute("RELEASE dedup_add")
            raise
        conn.execute("RELEASE dedup_add")

    def _insert(self, f: Fingerprint, member: Member, cluster: Cluster) -> None:
        n = self.db.execute(
            "INSERT INTO dedup_items (id, published, script, lang, outlet, site, redirect, url_key, guid_key,"
            " title_key, words, shingles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f.id, f.published, f.script, f.lang, f.outlet, f.site, int(f.redirect), f.url_key, f.guid_key,
             f.title_key, f.words, _pack(f.shingles)],
        ).lastrowid  # fmt: skip
        when = _epoch(f.published) if f.published else _UNDATED
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO dedup_keys (key, published, item) VALUES (?, ?, ?)",
            [(key, when, n) for key in {*f.exact_keys, *f.sample}],
        )
        self.db.execute(
            "INSERT INTO clusters (id, primary_item, first_seen, last_seen, outlets, size) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET primary_item = excluded.primary_item, first_seen = excluded.first_seen,"
            " last_seen = excluded.last_seen, outlets = excluded.outlets, size = excluded.size",
            [cluster.id, cluster.primary_item, cluster.first_seen, cluster.last_seen,
             json.dumps(list(cluster.outlets), ensure_ascii=False), cluster.size],
        )  # fmt: skip
        self.db.execute(
            "INSERT INTO cluster_members (item_id, cluster_id, reason, score) VALUES (?, ?, ?, ?)",
            [member.item, member.cluster, member.reason, member.score],
        )

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
        shingles=_unpack(r["shingles"]),
    )
    return Indexed(fingerprint, Member(r["id"], r["cluster_id"], r["reason"], r["score"]))


def _epoch(when: str) -> int:
    return int(datetime.fromisoformat(when).timestamp())


def _pack(shingles: frozenset[int]) -> bytes:
    """Shingle hashes as little-endian unsigned 32-bit integers, sorted."""
    values = array("I", sorted(shingles))
    if sys.byteorder != "little":
        values.byteswap()
    return values.tobytes()


def _unpack(blob: bytes) -> frozenset[int]:
    values = array("I")
    values.frombytes(blob)
    if sys.byteorder != "little":
        values.byteswap()
    return frozenset(values)
