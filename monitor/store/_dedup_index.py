"""The deduplication index and story clusters in the archive: a :class:`monitor.dedup.DedupIndex`
over SQLite.

- ``dedup_items``: one fingerprint per item (exact keys, script, outlet, and in ``shingles``
  the shingle set followed by the content words in text order, see :func:`_pack_sets`);
- ``dedup_exact(key, item)``: one row per exact key of an item (URL, GUID, headline), looked
  up at any time, the latest :data:`~monitor.dedup.COMMON_KEY_ITEMS` items of a key;
- ``dedup_keys(week, key, published, item)``: one row per sampled shingle and content word of
  an item, a ``WITHOUT ROWID`` table ordered by week (of publication, in epoch weeks; undated
  items in week -1), then key, then time. A lookup is one range seek per key and week of
  the time window (three weeks for the default 7 days either side), reading at most
  ``COMMON_KEY_ITEMS + 1`` rows; lookups and writes touch only the last weeks' pages, so
  the work and the pages it reads depend on the window, not on the size of the archive;
- ``clusters(id, primary_item, first_seen, last_seen, outlets, size)``: one row per story;
- ``cluster_members(item_id, cluster_id, reason, score)``: each item's story and why.
"""

from __future__ import annotations

import json
import sys
from array import array
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Iterator, Sequence

import sqlite_utils

from ..dedup import COMMON_KEY_ITEMS, Cluster, Fingerprint, Indexed, Member

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

#: The latest items (at most ``:cap``) with one exact key, in the order they were indexed: a
#: headline that recurs (a desk's daily notice) must not make every new item read them all.
_DEDUP_EXACT = _DEDUP_SELECT + " WHERE i.n IN (SELECT e.item FROM dedup_exact e WHERE e.key = :key ORDER BY e.item DESC LIMIT :cap) ORDER BY i.n"


class SqliteDedupIndex:
    """A :class:`monitor.dedup.DedupIndex` over the archive's database (``Store.db``)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def get(self, item_id: str) -> Indexed | None:
        rows = self._rows(_DEDUP_SELECT + " WHERE i.id = ?", [item_id])
        return _indexed(rows[0]) if rows else None

    def exact(self, keys: Sequence[int]) -> list[Indexed]:
        """Items with any of ``keys``, in the order indexed: for each key the latest
        :data:`~monitor.dedup.COMMON_KEY_ITEMS` items that have it. A URL or GUID names one
        item or a few, whenever published; a headline shared by more (a recurring notice)
        is only worth its latest reports (a Google News link finds its outlet's report
        among them), and reading all of them would make a long feed's first poll quadratic."""
        found: dict[int, dict[str, Any]] = {}
        for key in sorted(set(keys)):
            for row in self._rows(_DEDUP_EXACT, {"key": key, "cap": COMMON_KEY_ITEMS}):
                found[row["n"]] = row
        return [_indexed(found[n]) for n in sorted(found)]

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
