"""The deduplication index, stories and events in the archive: a
:class:`monitor.dedup.DedupIndex` over SQLite.

- ``dedup_items``: one fingerprint per item: exact keys, script, outlet; in ``shingles`` the
  shingle set, the content words in text order, the figures and the fact keys
  (:func:`_pack_fingerprint`); in ``sample`` its sampled index keys;
- ``dedup_exact(key, item)``: one row per exact key of an item (URL, GUID, headline), looked
  up at any time, the latest :data:`~monitor.dedup.COMMON_KEY_ITEMS` items of a key;
- ``dedup_lines(key, stories, last_story)``: for each line of text seen on a site, in how
  many stories (boilerplate is learned from it);
- ``clusters(id, primary_item, first_seen, last_seen, outlets, size, event_id, event_reason,
  event_score)``: one row per story, with its event and why it joined it;
- ``cluster_members(item_id, cluster_id, reason, score)``: each item's story and why;
- ``events(id, first_seen, stories)``: one row per event, written when it is founded or gains
  a story (its outlets and span are those of its stories: the ``event_coverage`` view).

The sampled keys are looked up in memory (:class:`monitor.dedup.Postings`): the index loads
the items of the time window from ``dedup_items`` (by publication time, one range of an
index) the first time a lookup needs them, adds each new item as it is written, and forgets
items published more than a day before the window of the last lookup. Writes are one row
per item and exact key, not one per sampled key, and a lookup reads no page of the archive
for its keys: that work depends on the window, not on the size of the archive (the writes
to the indexes keyed by hashes, ids and exact keys, grow slowly with it). An exact key
shared by many items (a desk's recurring headline) reads only its latest
``COMMON_KEY_ITEMS`` items, so that no lookup costs more for every earlier item with it.

Stories, events, the last fingerprints read or written and the story memberships of the
items found by lookups or written (for the items of the window) are kept in memory too. What
may have changed under them is looked for when a placement starts (:meth:`get` of an item not
kept): another connection's writes (a manual poll beside the daemon) through ``PRAGMA
data_version``, at most once a second (``check_every``), after which its new items are loaded
and the rest forgotten; and a transaction rolled back, which :meth:`monitor.store.Store.transaction`
reports (:func:`rolled_back`), or which is found when the last item written is gone (looked
for at each placement, inside a transaction too: a rollback that is not reported may be
followed by a new transaction before the next placement).
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
import time
from array import array
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Iterator, Sequence

import sqlite_utils

from ..dedup import COMMON_KEY_ITEMS, Candidate, Cluster, Event, Fingerprint, Indexed, Member, Placement, Postings, epoch

#: Items published this long before the window of the last lookup are forgotten by the
#: in-memory key index (and loaded again if a later lookup needs them).
_RETAIN = timedelta(days=1).total_seconds()
#: Seconds between two looks at whether another connection wrote to the archive.
_CHECK_SECONDS = 1.0
#: Fingerprints (without the sets of their shingles: :meth:`Fingerprint.shared_shingles`),
#: stories and events kept in memory, the last used.
_CACHED_ITEMS = 1024
_CACHED_STORIES = 4096
#: Kept for the migrations that made and moved the old key table.
_UNDATED = -(1 << 62)
_UNDATED_WEEK = -1
_WEEK = 7 * 24 * 3600

_DEDUP_SELECT = """
    SELECT i.n, i.id, i.published, i.script, i.lang, i.outlet, i.site, i.redirect, i.url_key, i.guid_key,
      i.title_key, i.words, i.shingles, i.complete, m.cluster_id, m.reason, m.score
    FROM dedup_items i JOIN cluster_members m ON m.item_id = i.id
"""
_CLUSTER_SELECT = """
    SELECT id, primary_item, first_seen, last_seen, outlets, size, coalesce(event_id, id), coalesce(event_reason, 'first'),
      coalesce(event_score, 1.0)
    FROM clusters WHERE id = ?
"""


#: Transactions rolled back through :meth:`monitor.store.Store.transaction`, per connection
#: (by ``id``): what an index wrote in one may be cached and must be forgotten.
_ROLLBACKS: dict[int, int] = {}


def rolled_back(conn: object) -> None:
    """Note that a transaction of ``conn`` was rolled back (called by the archive)."""
    _ROLLBACKS[id(conn)] = _ROLLBACKS.get(id(conn), 0) + 1


#: The latest items (at most ``?`` after the key) with one exact key: a headline that recurs (a
#: desk's daily notice) must not make every new item read them all. One per key of a lookup.
_EXACT_KEY = "SELECT item FROM (SELECT e.item FROM dedup_exact e WHERE e.key = ? ORDER BY e.item DESC LIMIT ?)"


class SqliteDedupIndex:
    """A :class:`monitor.dedup.DedupIndex` over the archive's database (``Store.db``)."""

    def __init__(self, db: sqlite_utils.Database, *, check_every: float = _CHECK_SECONDS):
        """``check_every``: seconds between two looks at whether another connection wrote."""
        self.db = db
        self._check_every = check_every
        self._postings = Postings(held=True)
        self._since: float | None = None  # dated items published from here on are loaded
        self._undated = False  # undated items are loaded
        self._known = 0  # every item up to this ``n`` that was in the archive is loaded
        self._version: int | None = None
        self._checked = 0.0
        self._widest = 0.0  # the widest span looked up: the story window
        self._rollbacks = _ROLLBACKS.get(id(db.conn), 0)
        # what this process read or wrote last, as it is in the archive
        self._items: OrderedDict[str, Indexed] = OrderedDict()
        self._members: dict[int, tuple[Member, str | None]] = {}  # the key index's items: membership, published
        self._stories: dict[str, Cluster] = {}
        self._events: dict[str, Event] = {}
        self._written: tuple[int, str] | None = None  # the last item written in a transaction not yet seen to commit

    # ------------------------------------------------------------------ reads

    def get(self, item_id: str) -> Indexed | None:
        if _ROLLBACKS.get(id(self.db.conn), 0) != self._rollbacks:
            self._rollbacks = _ROLLBACKS.get(id(self.db.conn), 0)
            self._check(rolled_back=True)
        if item_id in self._items:
            self._items.move_to_end(item_id)
            return self._items[item_id]
        self._check()
        if item_id in self._items:  # read again, unless the archive changed under it
            return self._items[item_id]
        rows = self._rows(_DEDUP_SELECT + " WHERE i.id = ?", [item_id])
        if not rows:
            return None
        return self._remember(_indexed(rows[0]))

    def _remember(self, indexed: Indexed) -> Indexed:
        self._items[indexed.fingerprint.id] = indexed
        if len(self._items) > _CACHED_ITEMS:
            self._items.popitem(last=False)
        return indexed

    def _check(self, *, rolled_back: bool = False) -> None:
        """Forget what may no longer be so: after another connection wrote to the archive
        (looked at once a second at most), or when items this one wrote were rolled back
        (the transaction around them failed; ``rolled_back``: a rollback was reported)."""
        conn = self.db.conn
        now = time.monotonic()
        if self._version is None or now - self._checked >= self._check_every:
            self._checked = now
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                if self._version is not None:
                    self._forget()
                    self._read("n > ?", [self._known], fresh=True)
                self._version = version
        if rolled_back and self._written is None:
            self._forget()  # what was cached may have been read inside the transaction
        if self._written is not None:  # still there? (a rollback need not be reported)
            n, item_id = self._written
            if conn.execute("SELECT 1 FROM dedup_items WHERE n = ? AND id = ?", [n, item_id]).fetchone() is None:
                # rolled back: the key index drops such items when a lookup finds them missing
                # (or when their slot is written again)
                self._forget()
                self._postings.remove(n)
                self._written = None
            elif not conn.in_transaction:
                self._written = None

    def _forget(self) -> None:
        self._items.clear()
        self._members.clear()
        self._stories.clear()
        self._events.clear()

    def exact(self, keys: Sequence[int]) -> list[Indexed]:
        """Items with any of ``keys``, in the order indexed: for each key the latest
        :data:`~monitor.dedup.COMMON_KEY_ITEMS` items that have it. A URL or GUID names one
        item or a few, whenever published; a headline shared by more (a recurring notice)
        is only worth its latest reports (a Google News link finds its outlet's report
        among them), and reading all of them would make a long feed's first poll quadratic."""
        wanted = sorted(set(keys))
        if not wanted:
            return []
        query = _DEDUP_SELECT + f" WHERE i.n IN ({' UNION '.join([_EXACT_KEY] * len(wanted))}) ORDER BY i.n"
        return [_indexed(r) for r in self._rows(query, [p for key in wanted for p in (key, COMMON_KEY_ITEMS)])]

    def candidates(
        self, keys: Sequence[int], since: str | None, until: str | None, *, limit: int | None = None, min_shared: int = 1
    ) -> list[Candidate]:
        if not keys:
            return []
        span = (None, None) if since is None or until is None else (epoch(since), epoch(until))
        self._load(*span)
        counts = self._postings.lookup(keys, *span, min_shared)
        ranked = sorted(counts, key=lambda n: (-counts[n], n))[:limit]
        if not ranked:
            return []
        members = self._members
        missing = [n for n in ranked if n not in members]
        if missing:
            found = set()
            for n, id_, published, cluster, reason, score in self.db.conn.execute(
                "SELECT i.n, i.id, i.published, m.cluster_id, m.reason, m.score FROM dedup_items i"
                f" JOIN cluster_members m ON m.item_id = i.id WHERE i.n IN ({', '.join('?' * len(missing))})",
                missing,
            ):
                members[n] = (Member(id_, cluster, reason, score), published)
                found.add(n)
            for n in missing:
                if n not in found:  # written in a transaction that was rolled back
                    self._postings.remove(n)
        return [Candidate(members[n][0], counts[n], members[n][1]) for n in ranked if n in members]

    def cluster(self, cluster_id: str) -> Cluster | None:
        if cluster_id in self._stories:
            return self._stories[cluster_id]
        row = self.db.execute(_CLUSTER_SELECT, [cluster_id]).fetchone()
        if row is None:
            return None
        id_, primary, first, last, outlets, size, event, reason, score = row
        return self._keep_story(Cluster(id_, primary, first, last, tuple(json.loads(outlets)), size, event, reason, score))

    def event(self, event_id: str) -> Event | None:
        if event_id in self._events:
            return self._events[event_id]
        row = self.db.execute("SELECT id, first_seen, stories FROM events WHERE id = ?", [event_id]).fetchone()
        if row is None:
            return None
        return self._keep_event(Event(*row))

    def _keep_story(self, story: Cluster) -> Cluster:
        if len(self._stories) >= _CACHED_STORIES:
            self._stories.clear()
        self._stories[story.id] = story
        return story

    def _keep_event(self, event: Event) -> Event:
        if len(self._events) >= _CACHED_STORIES:
            self._events.clear()
        self._events[event.id] = event
        return event

    def line_counts(self, keys: Sequence[int]) -> dict[int, int]:
        if not keys:
            return {}
        rows = self.db.execute("SELECT key, stories FROM dedup_lines WHERE key IN (SELECT value FROM json_each(?))", [json.dumps(list(keys))])
        return dict(rows.fetchall())

    # ------------------------------------------------------------------ writes

    def add(self, placement: Placement) -> None:
        with self._savepoint():
            n = self._insert(placement)
        f = placement.fingerprint
        if self.db.conn.in_transaction:
            self._written = (n, f.id)
        self._keep_story(placement.cluster)
        if placement.event:
            self._keep_event(placement.event)
        self._remember(Indexed(replace(f, sample=()), placement.member))
        when = epoch(f.published) if f.published else None
        if (when is None and self._undated) or (when is not None and self._since is not None and when >= self._since):
            self._postings.add(n, when, f.sample)
            self._members[n] = (placement.member, f.published)

    def merge(self, cluster: Cluster, absorbed: Sequence[str], event: Event, absorbed_events: Sequence[str]) -> None:
        with self._savepoint():
            conn = self.db.conn
            if absorbed:
                marks = ", ".join("?" * len(absorbed))
                conn.execute(f"UPDATE cluster_members SET cluster_id = ? WHERE cluster_id IN ({marks})", [cluster.id, *absorbed])
                conn.execute(f"DELETE FROM clusters WHERE id IN ({marks})", list(absorbed))
            if absorbed_events:
                marks = ", ".join("?" * len(absorbed_events))
                conn.execute(f"UPDATE clusters SET event_id = ? WHERE event_id IN ({marks})", [event.id, *absorbed_events])
                conn.execute(f"DELETE FROM events WHERE id IN ({marks})", list(absorbed_events))
            self._save_cluster(cluster, event=True)
            self._save_event(event)
        self._items.clear()  # their members moved
        if absorbed:
            moved = set(absorbed)
            for n, (member, published) in list(self._members.items()):
                if member.cluster in moved:
                    self._members[n] = (replace(member, cluster=cluster.id), published)
        for cid in absorbed:
            self._stories.pop(cid, None)
        for eid in absorbed_events:
            self._events.pop(eid, None)
        for cid, story in list(self._stories.items()):
            if story.event in absorbed_events:
                self._stories[cid] = replace(story, event=event.id)
        self._keep_story(cluster)
        self._keep_event(event)

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

    def _insert(self, placement: Placement) -> int:
        f, member, conn = placement.fingerprint, placement.member, self.db.conn
        n = conn.execute(
            "INSERT INTO dedup_items (id, published, script, lang, outlet, site, redirect, url_key, guid_key,"
            " title_key, words, shingles, complete, sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f.id, f.published, f.script, f.lang, f.outlet, f.site, int(f.redirect), f.url_key, f.guid_key,
             f.title_key, f.words, _pack_fingerprint(f), f.complete, _pack_keys(f.sample)],
        ).lastrowid  # fmt: skip
        assert n is not None
        exact = set(f.exact_keys)
        if exact:
            conn.executemany("INSERT OR IGNORE INTO dedup_exact (key, item) VALUES (?, ?)", [(key, n) for key in exact])
        self._save_cluster(placement.cluster, event=member.reason == "first")
        conn.execute(
            "INSERT INTO cluster_members (item_id, cluster_id, reason, score) VALUES (?, ?, ?, ?)",
            [member.item, member.cluster, member.reason, member.score],
        )
        if placement.event:
            self._save_event(placement.event)
        if placement.lines:
            story = _story_key(member.cluster)
            conn.executemany(
                "INSERT INTO dedup_lines (key, stories, last_story) VALUES (?, 1, ?) ON CONFLICT(key) DO UPDATE"
                " SET stories = stories + (last_story != excluded.last_story), last_story = excluded.last_story",
                [(key, story) for key in placement.lines],
            )
        return n

    def _save_cluster(self, cluster: Cluster, *, event: bool = False) -> None:
        """Insert or update a story's row; its event too when ``event`` (the columns of an
        index are not rewritten for each new member)."""
        values = [cluster.id, cluster.primary_item, cluster.first_seen, cluster.last_seen, _outlets_json(cluster.outlets), cluster.size,
                  cluster.event or cluster.id, cluster.event_reason, cluster.event_score]  # fmt: skip
        also = ", event_id = excluded.event_id, event_reason = excluded.event_reason, event_score = excluded.event_score" if event else ""
        self.db.conn.execute(
            "INSERT INTO clusters (id, primary_item, first_seen, last_seen, outlets, size, event_id, event_reason, event_score)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET primary_item = excluded.primary_item,"
            " first_seen = excluded.first_seen, last_seen = excluded.last_seen, outlets = excluded.outlets, size = excluded.size" + also,
            values,
        )

    def _save_event(self, event: Event) -> None:
        self.db.conn.execute(
            "INSERT INTO events (id, first_seen, stories) VALUES (?, ?, ?)"
            " ON CONFLICT(id) DO UPDATE SET first_seen = excluded.first_seen, stories = excluded.stories",
            [event.id, event.first_seen, event.stories],
        )

    # ------------------------------------------------------------------ the key window

    def _load(self, since: float | None, until: float | None = None) -> None:
        """Make sure the key index holds every item a lookup of ``[since, until]`` (``None``:
        undated items) may find: the part of the window not loaded yet; and forget what lies
        well before it, on the widest lookups only (a placement also looks up the fact keys
        of a narrower span, which must not push the story window out). (What another
        connection wrote is looked for by :meth:`get`, which a placement starts with.)"""
        if self._version is None:
            self._check()
        if since is None:
            if not self._undated:
                self._read("published IS NULL", [])
                self._undated = True
            return
        start = since - _RETAIN
        if self._since is None or since < self._since:
            upper = [] if self._since is None else [_iso(self._since)]
            self._read("published >= ?" + (" AND published < ?" if upper else ""), [_iso(start), *upper])
            self._since = start
        elif until is not None and until - since >= self._widest and start - self._since > _RETAIN:
            self._postings.evict(start)
            self._members = {n: kept for n, kept in self._members.items() if n in self._postings}
            self._since = start
        if until is not None:
            self._widest = max(self._widest, until - since)

    def _read(self, where: str, params: list[Any], *, fresh: bool = False) -> None:
        """Add the items ``where`` selects to the key index; ``fresh``: only those in the
        loaded part of the time line (items written by another process)."""
        rows = self.db.conn.execute(f"SELECT n, published, sample FROM dedup_items WHERE {where}", params)
        for n, published, sample in rows:
            self._known = max(self._known, n)
            when = epoch(published) if published else None
            if fresh and not (self._undated if when is None else self._since is not None and when >= self._since):
                continue
            self._postings.add(n, when, _unpack_keys(sample))

    def _rows(self, query: str, params: Sequence[Any] | dict[str, Any]) -> list[dict[str, Any]]:
        cursor = self.db.conn.execute(query, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor]


@lru_cache(maxsize=1024)  # a story's outlets are written again with each new member
def _outlets_json(outlets: tuple[str, ...]) -> str:
    return json.dumps(list(outlets), ensure_ascii=False)


def _iso(when: float) -> str:
    return datetime.fromtimestamp(when, timezone.utc).isoformat()


def _story_key(cluster_id: str) -> int:
    """A story's id as the integer ``dedup_lines`` compares (a BLAKE2b hash)."""
    return int.from_bytes(hashlib.blake2b(cluster_id.encode("utf-8"), digest_size=8).digest(), "big") >> 1


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
        **_unpack_fingerprint(r["shingles"]),
    )
    return Indexed(fingerprint, Member(r["id"], r["cluster_id"], r["reason"], r["score"]))


def _pack_fingerprint(f: Fingerprint) -> bytes:
    """The shingles, the content words in text order, the figures, the fact keys, the
    mentioned fact keys and the entries' headings, as little-endian unsigned 32-bit integers;
    then their six counts, the number of title words and that of the first section's words,
    and a format byte, ``06``.

    Older layouts read back: the shingles alone (a length that is a multiple of four); with
    format byte ``01``, the shingles and the *set* of content words, which gives no order
    and so reads back with no content words; with ``02``, the shingles and the content
    words; with ``03``, all but the mentioned keys; with ``04``, all but the first section;
    with ``05``, all but the headings (read back as none)."""
    parts = (f.sequence, f.figures, f.facts, f.mentions, f.entries)
    counts = (len(f.packed_shingles) // 4, *(len(p) for p in parts))
    return f.packed_shingles + b"".join(_pack_words(p) for p in parts) + struct.pack("<8I", *counts, f.head, f.section) + b"\x06"


def _pack_sets(shingles: frozenset[int], sequence: Sequence[int]) -> bytes:
    """The layout of format ``02``: the shingles, the content words, their count, ``02``."""
    if not sequence:
        return _pack_words(sorted(shingles))
    return _pack_words(sorted(shingles)) + _pack_words(sequence) + len(shingles).to_bytes(4, "little") + b"\x02"


def _unpack_fingerprint(blob: bytes) -> dict[str, Any]:
    """``shingles``, ``sequence``, ``figures``, ``facts``, ``mentions``, ``entries``, ``head``
    and ``section`` from a packed blob (what a layout lacks is left out)."""
    if len(blob) % 4 == 1 and blob[-1:] in (b"\x03", b"\x04", b"\x05", b"\x06"):
        names = ("sequence", "figures", "facts") + (("mentions",) if blob[-1:] in (b"\x04", b"\x05", b"\x06") else ()) + (("entries",) if blob[-1:] == b"\x06" else ())
        extra = 2 if blob[-1:] in (b"\x05", b"\x06") else 1  # head, and (05, 06) the first section
        size = 4 * (len(names) + 1 + extra)  # the counts: shingles, each part, head (, section)
        counts = struct.unpack(f"<{len(names) + 1 + extra}I", blob[-size - 1 : -1])
        shingles = blob[: 4 * counts[0]]
        values, out, start = _words(blob[4 * counts[0] : -size - 1]), {}, 0
        for name, count in zip(names, counts[1 : len(names) + 1]):
            out[name] = tuple(values[start : start + count])
            start += count
        if extra == 2:
            out["section"] = counts[-1]
        return {"packed_shingles": shingles, **out, "head": counts[len(names) + 1]}
    if len(blob) % 4 == 1 and blob[-1:] == b"\x02":
        count = int.from_bytes(blob[-5:-1], "little")
        return {"packed_shingles": _repack(blob[: 4 * count]), "sequence": tuple(_words(blob[4 * count : -5]))}
    if len(blob) % 4 == 0:
        return {"packed_shingles": _repack(blob), "sequence": ()}
    return {"packed_shingles": _repack(blob[: 4 * int.from_bytes(blob[-5:-1], "little")]), "sequence": ()}


def _repack(blob: bytes) -> bytes:
    """Shingles of an older layout (not sorted, maybe repeated) as :attr:`Fingerprint.packed_shingles`."""
    return _pack_words(sorted(set(_words(blob))))


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


def _pack_keys(keys: Sequence[int]) -> bytes:
    """Signed 64-bit index keys, little-endian."""
    packed = array("q", keys)
    if sys.byteorder != "little":
        packed.byteswap()
    return packed.tobytes()


def _unpack_keys(blob: bytes | None) -> array:
    values = array("q")
    if blob:
        values.frombytes(blob)
        if sys.byteorder != "little":
            values.byteswap()
    return values
