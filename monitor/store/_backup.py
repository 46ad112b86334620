"""Backups of the archive, and what a restored copy keeps of the archive it replaces.

Which weeks' digests are in doubt after a restore, and where the files go, is decided in
:mod:`monitor.backup`; these methods only look up and write. They are part of
:class:`monitor.store.Store`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Iterable

class BackupStore:
    """Backups and restores (mixed into :class:`Store`)."""

    db: Any

    def backup_taken_at(self) -> str | None:
        """When this archive (a backup) was taken: its own ``backup`` run's end, recorded in
        the copy by ``monitor backup``; for a copy made otherwise, the newest time it
        records (a run, a fetch, a digest). ``None`` for an empty archive."""
        row = self.db.execute("SELECT max(finished_at) FROM runs WHERE job = 'backup' AND outcome = 'ok' AND detail = 'this copy'").fetchone()
        if row and row[0]:
            return row[0]
        q = """
        SELECT max(t) FROM (
          SELECT max(coalesce(finished_at, started_at)) AS t FROM runs
          UNION ALL SELECT max(fetched_at) FROM items
          UNION ALL SELECT max(coalesce(sent_at, started_at)) FROM digests
        )
        """
        return self.db.execute(q).fetchone()[0]

    def digests_sent_record(self) -> tuple[list[dict], list[tuple[str, str, int]]]:
        """The digests this archive records as sent or perhaps sent (``sending``), and the
        items each carried (``(item, week, late)``)."""
        rows = list(self.db.query("SELECT * FROM digests WHERE status IN ('sent', 'sending') ORDER BY week"))
        carried = [tuple(r) for r in self.db.execute(
            "SELECT d.item, d.week, d.late FROM digest_items d JOIN digests g ON g.week = d.week WHERE g.status IN ('sent', 'sending')"
        )]
        return rows, carried

    def runs_since(self, job: str, since: str) -> list[str]:
        """When the runs of ``job`` that worked and ended after ``since`` ended, oldest first."""
        return [r[0] for r in self.db.execute(
            "SELECT finished_at FROM runs WHERE job = ? AND outcome = 'ok' AND finished_at > ? ORDER BY finished_at", [job, since]
        )]

    def keep_digest_records(self, rows: Iterable[dict], carried: Iterable[tuple[str, str, int]]) -> list[str]:
        """Record the digests of ``rows`` (another archive's, see :meth:`digests_sent_record`)
        that this one does not record as sent or perhaps sent, with the items of this archive
        they carried; their columns that this schema lacks are left out. The weeks recorded,
        oldest first."""
        columns = set(self.db["digests"].columns_dict)
        kept = []
        with self.transaction():  # type: ignore[attr-defined]
            for row in rows:
                mine = self.db.execute("SELECT status FROM digests WHERE week = ?", [row["week"]]).fetchone()
                if mine and mine[0] in ("sent", "sending"):
                    continue
                self.db["digests"].upsert({k: v for k, v in row.items() if k in columns}, pk="week")
                kept.append(row["week"])
            weeks = set(kept)
            self.db.conn.executemany(
                "INSERT OR IGNORE INTO digest_items (item, week, late) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM items WHERE id = ?)",
                [(item, week, late, item) for item, week, late in carried if week in weeks],
            )
        return sorted(kept)

    def weeks_recorded(self) -> set[str]:
        """The weeks whose digest is recorded as sent or perhaps sent."""
        return {r[0] for r in self.db.execute("SELECT week FROM digests WHERE status IN ('sent', 'sending')")}

    def settle_restored(self, note: str, restored_from: str) -> None:
        """In a copy put in place of the archive: the runs it records as running (they ran
        while the copy was taken) are stopped (``note`` says why), and so is the daemon it
        records, which ran on the archive the copy was taken from; the backup that made the
        copy names the file it was ``restored_from``."""
        with self.transaction():  # type: ignore[attr-defined]
            self.db.execute("UPDATE runs SET finished_at = started_at, outcome = 'stopped', detail = ? WHERE outcome = 'running'", [note])
            self.db.execute("UPDATE runs SET detail = ? WHERE job = 'backup' AND detail = 'this copy'", [f"to {restored_from}, which this archive was restored from"])
            self.db.execute("UPDATE daemon SET stopped_at = seen_at WHERE stopped_at IS NULL")


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to the SQLite file at ``path`` (nothing is created or written)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def check_integrity(conn: sqlite3.Connection) -> str | None:
    """What SQLite's ``quick_check`` finds wrong in the database of ``conn``; ``None`` when
    nothing."""
    found = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    # (SQLite writes a finding over several lines: "*** in database main ***\nPage 4: ...")
    return None if found == ["ok"] else "; ".join(" ".join(line.split()) for line in found)
