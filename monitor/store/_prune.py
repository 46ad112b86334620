"""What ``monitor prune`` removes from the archive, and reclaiming the space it frees.

Two kinds of rows grow with every poll and serve no reader once old: the ``fetches`` log
(one row per source and poll) and the article text of items judged not relevant (kept for
``monitor rejudge`` and the search). :meth:`PruneStore.prune_candidates` counts what is
older than the cutoffs :mod:`monitor.prune` decides; :meth:`PruneStore.prune` deletes the
old fetch rows and empties the old text, a batch per short transaction, so a poll beside it
waits a moment at most. Never touched: relevant items, any item a digest carried, an item
of a story that has a relevant report, an item with figures or a correction, the first
fetch of each source (``monitor status`` counts a silent source from it), figures, digests,
watched pages' versions, runs and the deduplication index. They are part of
:class:`monitor.store.Store`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from ._migrations import search_extra

#: Batches small enough that a poll writing beside the prune waits milliseconds, not seconds.
PRUNE_BATCH = 500

#: The old fetch rows that may go: older than ``:before``, and not a source's first fetch.
_OLD_FETCHES = """
    FROM fetches WHERE started_at < :before
      AND started_at > (SELECT min(g.started_at) FROM fetches g WHERE g.source = fetches.source)"""

#: The items whose text may go: not relevant, fetched before ``:before``, with text, and
#: nothing that refers to them (a digest, a figure, a correction, a relevant report of their story).
_OLD_TEXTS = """
    FROM items i WHERE i.relevant = 0 AND i.fetched_at < :before AND coalesce(i.text, '') != ''
      AND NOT EXISTS (SELECT 1 FROM digest_items d WHERE d.item = i.id)
      AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.item = i.id)
      AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.item = i.id)
      AND NOT EXISTS (SELECT 1 FROM cluster_members m JOIN cluster_members o ON o.cluster_id = m.cluster_id
                      JOIN items r ON r.id = o.item_id WHERE m.item_id = i.id AND r.relevant = 1)"""


class PruneStore:
    """Pruning old rows and reclaiming space (mixed into :class:`Store`)."""

    db: Any
    path: str

    def prune_candidates(self, *, fetches_before: str, text_before: str) -> dict[str, int]:
        """What :meth:`prune` would remove: ``fetches`` (rows), ``texts`` (items whose text
        would be emptied) and ``text_bytes`` (the bytes of that text, as stored)."""
        (fetches,) = self.db.execute(f"SELECT count(*) {_OLD_FETCHES}", {"before": fetches_before}).fetchone()
        texts, text_bytes = self.db.execute(
            f"SELECT count(*), coalesce(sum(length(CAST(i.text AS BLOB))), 0) {_OLD_TEXTS}", {"before": text_before}
        ).fetchone()
        return {"fetches": fetches, "texts": texts, "text_bytes": text_bytes}

    def prune(self, *, fetches_before: str, text_before: str, marker: str, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Delete the old fetch rows and empty the old items' text (see the module), each
        batch in its own transaction; an emptied item's ``extraction`` says ``marker``.
        Returns how many of each went; safe to stop and run again."""
        done = {"fetches": 0, "texts": 0}
        while True:
            with self.transaction():  # type: ignore[attr-defined]
                n = self.db.execute(
                    f"DELETE FROM fetches WHERE id IN (SELECT id {_OLD_FETCHES} LIMIT {PRUNE_BATCH})", {"before": fetches_before}
                ).rowcount
            done["fetches"] += n
            if progress:
                progress(done["fetches"], done["texts"])
            if n < PRUNE_BATCH:
                break
        while True:
            with self.transaction():  # type: ignore[attr-defined]
                rows = self.db.execute(f"SELECT i.id, i.title, i.summary {_OLD_TEXTS} LIMIT {PRUNE_BATCH}", {"before": text_before}).fetchall()
                self.db.conn.executemany(
                    "UPDATE items SET text = '', search_extra = ?, extraction = ? WHERE id = ?",
                    [(search_extra(title, summary, ""), marker, id_) for id_, title, summary in rows],
                )
            done["texts"] += len(rows)
            if progress:
                progress(done["fetches"], done["texts"])
            if len(rows) < PRUNE_BATCH:
                break
        self.db.execute("PRAGMA wal_checkpoint(PASSIVE)")  # what is not read meanwhile goes back into the file
        return done

    def space(self) -> dict[str, int]:
        """The archive's size on disk (``file``, its ``-wal`` included) and the bytes of its
        free pages (``free``), which new rows reuse and ``VACUUM`` gives back (with the room
        emptied texts leave in the pages that held them)."""
        page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
        free = self.db.execute("PRAGMA freelist_count").fetchone()[0] * page_size
        size = sum(os.path.getsize(p) for p in (self.path, f"{self.path}-wal") if os.path.exists(p))
        return {"file": size, "free": free}

    def vacuum(self) -> None:
        """Rebuild the archive without its free pages (``VACUUM``), its temporary copy beside
        it (not in ``/tmp``, which may be small or in memory), and fold the write-ahead log
        back in, so the file shrinks. The caller makes sure no daemon writes meanwhile."""
        folder = str(Path(self.path).resolve().parent)
        # (SQLite reads SQLITE_TMPDIR once, at its first temporary file, so the folder is also
        # given as the process's temporary directory while the copy is made)
        before = os.environ.get("SQLITE_TMPDIR")
        os.environ["SQLITE_TMPDIR"] = folder
        was = self.db.execute("PRAGMA temp_store_directory").fetchone()
        self.db.execute("PRAGMA temp_store_directory = " + _quoted(folder))
        try:
            self.db.execute("VACUUM")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self.db.execute("PRAGMA temp_store_directory = " + _quoted(was[0] if was and was[0] else ""))
            if before is None:
                os.environ.pop("SQLITE_TMPDIR", None)
            else:
                os.environ["SQLITE_TMPDIR"] = before


def _quoted(text: str) -> str:
    """``text`` as an SQL string literal (a PRAGMA takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"
