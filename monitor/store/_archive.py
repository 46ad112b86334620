"""The archive: sources and their fetches, items, facts, digests and job runs.

SQLite through sqlite-utils, in WAL mode so Datasette and ``monitor status`` can read while a
poll writes. Opening a :class:`Store` applies the migrations not yet applied
(:mod:`monitor.store._migrations`). The store looks things up and writes them; the decisions
(is this figure a revision of that one?) belong to their stages.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence
from zoneinfo import ZoneInfo

import sqlite_utils

from .. import official
from ..errors import MonitorError, cannot_write, os_reason
from ..files import through_link
from ..facts import fact_key, related_values, relation
from ..models import Fact, FetchResult, Item, OfficialFact, Source
from ..privacy import redact, redact_secrets, redact_url, without_login
from ..weeks import week_rows
from ._dedup_index import rolled_back
from ._migrations import ALSO_REPORTED_BY, MIGRATIONS, already_applied, effective_version, search_extra
from ._backup import BackupStore, check_integrity
from ._corrections import REPLACED, CorrectionStore
from ._judging import JudgingStore
from ._pages import PageStore
from ._prune import PruneStore
from ._rows import as_fact, decode_item, utcnow


def item_id(canonical_url: str | None, guid: str | None = None) -> str:
    """A stable id from the canonical URL (or the GUID when there is no URL)."""
    basis = canonical_url or guid
    if not basis:
        raise ValueError("an item needs a URL or a GUID")
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------------- schema



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
    newest_entry: str | None = None  # the newest item's date at the last fetch (a stale feed)
    listing_links: int | None = None  # article links a listing page gave at its last good fetch
    moved_to: str | None = None  # where permanent redirects led at the last answered fetch


#: How long a process waits to switch a new archive to WAL while another process opens it.
WAL_SWITCH_SECONDS = 30.0


def _use_wal(conn: sqlite3.Connection, *, wait: float = WAL_SWITCH_SECONDS) -> None:
    """Put the archive in WAL mode (it stays so: the mode is kept in the file).

    Switching a new file needs an exclusive lock, and SQLite refuses it at once, without its
    busy handler, while another connection holds a lock on the file, as another process
    creating the same archive does for a moment (the daemon and a manual ``monitor poll``
    started together on a new archive): the switch is tried again until ``wait`` seconds have
    passed, then SQLite's error is raised."""
    deadline = time.monotonic() + wait
    pause = 0.01
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
                return
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


class ArchiveError(MonitorError):
    """The archive's file cannot be used: there is none, it is no monitor archive, it is
    damaged, or it cannot be read or written. The message names the file and the problem."""


#: Why a command that only reads the archive does not create one.
NO_ARCHIVE = "no archive at {path}: run `monitor poll` (or `monitor demo`) first, or pass --db"

_PERMISSIONS = "check the permissions of the file and of its folder"


def archive_error(path: str | Path, e: BaseException) -> ArchiveError | None:
    """What is wrong with the archive's file at ``path``, when ``e`` (raised by SQLite or the
    operating system while opening or using it) says that the file is the problem; ``None``
    for any other error."""
    if isinstance(e, OSError):  # making the archive's folder
        return ArchiveError(f"{path}: cannot create the archive's folder {e.filename or Path(path).parent}: {os_reason(e)}")
    if not isinstance(e, sqlite3.Error):
        return None
    code = getattr(e, "sqlite_errorname", "") or ""
    if code == "SQLITE_NOTADB":
        return ArchiveError(f"{path}: not a monitor archive: {e}")
    if code.startswith("SQLITE_CORRUPT"):
        return ArchiveError(f"{path}: the archive is damaged: {e}")
    if code.startswith("SQLITE_READONLY"):
        return ArchiveError(f"{path}: cannot write to the archive: {e} ({_PERMISSIONS})")
    if code.startswith("SQLITE_CANTOPEN"):
        return ArchiveError(f"{path}: cannot open the archive: {e} ({_PERMISSIONS}: SQLite keeps its -wal and -shm files beside it)")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ArchiveError(f"{path}: the archive is locked by another process, which kept it locked past the wait ({e}); try again once it is done")
    if code.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_PERM")):
        return ArchiveError(f"{path}: cannot read or write the archive: {e}{_space_left(path, code)}")
    return None


#: The errors SQLite gives when a file cannot grow: a full disk (or a size limit) among the causes.
_CANNOT_GROW = ("SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_SHMSIZE", "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_FSYNC", "SQLITE_IOERR_SHORT_READ", "SQLITE_IOERR_SHMMAP")
#: Free space under which the archive's disk counts as full.
_FULL_BELOW = 1 << 20


def _space_left(path: str | Path, code: str) -> str:
    """What the free space of the archive's disk says of an error ``code`` that a full disk
    gives: that the disk is full (and how much is free), or that a full disk is worth
    checking; nothing for other errors, or when the space cannot be told."""
    if code not in _CANNOT_GROW and code != "SQLITE_IOERR":
        return ""
    try:
        free = shutil.disk_usage(Path(path).resolve().parent).free
    except OSError:
        free = None
    if free is not None and free < _FULL_BELOW:
        return f" (the disk holding it is full: {free // 1024} KB free; free some space, then try again)"
    return " (a full disk, or a limit on file size, does this: check the free space where the archive is)"


@contextmanager
def archive_errors(path: str | Path) -> Iterator[None]:
    """Raise :class:`ArchiveError` instead of an error of SQLite's, raised in the block, that
    says the archive's file at ``path`` is the problem (:func:`archive_error`)."""
    try:
        yield
    except sqlite3.Error as e:
        problem = archive_error(path, e)
        if problem is None:
            raise
        raise problem from None


def _check_archive(path: Path) -> None:
    """Raise :class:`ArchiveError` unless ``path`` is a monitor archive, reading it without
    writing anything (another program's database is left as it is)."""
    if not path.is_file():
        raise ArchiveError(NO_ARCHIVE.format(path=path))
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    if not version:
        raise ArchiveError(f"{path}: not a monitor archive: it has no monitor schema")


class Store(PageStore, BackupStore, JudgingStore, CorrectionStore, PruneStore):
    """The monitor's SQLite archive (watched pages' versions: :class:`PageStore`).

    Opening it creates the archive when there is none, unless ``create`` is false; a file
    that cannot be used as the archive raises :class:`ArchiveError`.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False, create: bool = True):
        self.path = str(path)
        conn = None
        try:
            if self.path != ":memory:":
                if create:
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                else:
                    _check_archive(Path(self.path))
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 30000")
            # 8 MB of page cache (allocated as used; SQLite's default is 2 MB): a large first poll
            # stored as fast with it as with 64 MB, and the process stays well under 200 MB with a
            # 200,000-item archive (BENCHMARKS.md, "A huge feed's first poll" and dedup "Scale")
            conn.execute("PRAGMA cache_size = -8192")
            self.db = sqlite_utils.Database(conn)
            self.readonly = readonly
            if not readonly:
                _use_wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
        except (OSError, sqlite3.Error) as e:
            if conn is not None:
                conn.close()
            problem = archive_error(self.path, e)
            if problem is None:
                raise
            raise problem from None

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
        """Apply the migrations not yet applied, each in its own transaction (a step found
        applied under an earlier numbering is only counted, see :func:`effective_version`).
        An archive a later version of the monitor has brought further is refused: this one
        would write to it without knowing what those steps changed."""
        if self.schema_version > len(MIGRATIONS):
            raise ArchiveError(
                f"{self.path}: the archive was made by a newer version of the monitor (schema {self.schema_version};"
                f" this version knows up to {len(MIGRATIONS)}): upgrade the monitor to use it"
            )
        for version, step in enumerate(MIGRATIONS, start=1):
            if effective_version(self.db, self.schema_version) >= version:
                continue
            with self.transaction():
                # checked again under the write lock: another process may have just applied it
                if effective_version(self.db, self.schema_version) >= version:
                    continue
                if not already_applied(self.db, version):
                    step(self.db)
                self.db.execute(f"PRAGMA user_version = {version}")

    def snapshot(self, target: str | Path, *, private: Mapping[str, Iterable[str]], placeholder: str) -> Path:
        """Copy the archive to ``target`` consistently (even while a poll writes), in one file
        (no WAL), with each ``private`` column's JSON list replaced by as many
        ``placeholder`` strings, other values of it by NULL; rebuilt, so that no page of the
        copy keeps an old value. ``target`` appears whole or not at all."""

        def withhold(copy: sqlite3.Connection) -> None:
            for table, columns in private.items():
                for column in columns:
                    copy.execute(
                        f"UPDATE [{table}] SET [{column}] = CASE WHEN json_valid([{column}]) AND json_type([{column}]) = 'array'"
                        f" THEN (SELECT json_group_array(?) FROM json_each([{table}].[{column}])) END WHERE [{column}] IS NOT NULL",
                        [placeholder],
                    )

        return self._write_copy(Path(target), "the snapshot", withhold, rebuild=True)

    def backup(self, target: str | Path) -> Path:
        """Copy the whole archive to ``target`` consistently (even while a poll writes), in
        one file (no WAL), checked by SQLite before it is put in place; ``target`` appears
        whole or not at all. The backup is a run of job ``backup`` in this archive, and the
        copy records when it was taken (:meth:`backup_taken_at`)."""
        run_id = self.start_run("backup")

        def taken(copy: sqlite3.Connection) -> None:
            copy.execute("UPDATE runs SET finished_at = ?, outcome = 'ok', detail = 'this copy' WHERE id = ?", [utcnow(), run_id])
            problem = check_integrity(copy)
            if problem:
                raise MonitorError(f"{target}: the copy is not sound, so it was not kept: {problem}")

        try:
            path = self._write_copy(Path(target), "the backup", taken)
        except BaseException as e:
            self.finish_run(run_id, "failed", str(e) or type(e).__name__)
            raise
        self.finish_run(run_id, "ok", f"to {path}")
        return path

    def _write_copy(self, target: Path, what: str, prepare: Callable[[sqlite3.Connection], None], *, rebuild: bool = False) -> Path:
        """Copy the archive with SQLite's backup to a file beside ``target``, let ``prepare``
        change the copy in one transaction, rebuild it if asked, and rename it over
        ``target``; on any error nothing is left behind. A ``target`` that is a symbolic link
        has the file it points at replaced (:func:`monitor.files.through_link`)."""
        try:
            target = through_link(target)
        except OSError as e:  # links in a loop
            raise cannot_write(what, target, e) from None
        tmp = target.with_name(target.name + ".tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.unlink(missing_ok=True)
            copy = sqlite3.connect(tmp, isolation_level=None)
            try:
                self.db.conn.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                copy.execute("BEGIN")
                prepare(copy)
                copy.execute("COMMIT")
                if rebuild:
                    copy.execute("VACUUM")
            finally:
                copy.close()
            os.replace(tmp, target)
        except (OSError, sqlite3.Error, MonitorError) as e:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            if isinstance(e, MonitorError):
                raise
            raise (cannot_write(what, target, e) if isinstance(e, OSError) else MonitorError(f"{target}: cannot write {what}: {e}")) from None
        return target

    def set_timezone(self, name: str) -> None:
        """Write the weeks of the configured timezone ``name`` into ``local_weeks`` (which the
        ``current_week`` view reads), unless they are there already."""
        if self.readonly:
            return
        held = self.db.execute("SELECT timezone FROM local_weeks LIMIT 1").fetchone()
        if held and held[0] == name:
            return
        rows = week_rows(ZoneInfo(name))
        with self.transaction():
            self.db.execute("DELETE FROM local_weeks")
            self.db.conn.executemany("INSERT INTO local_weeks (week, starts, ends, timezone) VALUES (?, ?, ?, ?)", [(*row, name) for row in rows])

    def timezone_name(self) -> str | None:
        """The configured timezone the archive's weeks were last written in (``local_weeks``)."""
        held = self.db.execute("SELECT timezone FROM local_weeks LIMIT 1").fetchone()
        return held[0] if held else None

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
            rolled_back(conn)  # the dedup index forgets what it cached from this transaction
            raise
        conn.execute("COMMIT")

    # ------------------------------------------------------------------ sources

    def sync_sources(self, sources: Sequence[Source]) -> None:
        """Make sure every configured source has a row (fetch state is kept).

        A source given another address or kind starts its fetch state afresh: the failures in a
        row and the back-off the old address earned, and its ETag and Last-Modified, are not the
        new address's, so it is due at once and asked unconditionally (its history stays).
        The address is stored without its secrets (:func:`monitor.privacy.redact_url`), so
        a new password or key for the same address is no new address."""
        moved = "(sources.url IS NOT excluded.url OR sources.kind IS NOT excluded.kind)"
        afresh = ", ".join(f"{column} = CASE WHEN {moved} THEN {fresh} ELSE {column} END" for column, fresh in (("consecutive_failures", "0"), ("next_attempt", "NULL"), ("etag", "NULL"), ("last_modified", "NULL"), ("moved_to", "NULL")))
        with self.transaction():
            for s in sources:
                self.db.execute(
                    "INSERT INTO sources (name, url, kind, consecutive_failures) VALUES (?, ?, ?, 0) "
                    f"ON CONFLICT(name) DO UPDATE SET url = excluded.url, kind = excluded.kind, {afresh}",
                    [s.name, redact_url(s.url), s.kind],
                )

    def source_state(self, name: str) -> SourceState | None:
        rows = list(self.db.query("SELECT * FROM sources WHERE name = ?", [name]))
        return SourceState(**rows[0]) if rows else None

    def source_states(self) -> dict[str, SourceState]:
        return {r["name"]: SourceState(**r) for r in self.db["sources"].rows}

    def record_fetch(self, source: str, result: FetchResult, *, new_items: int = 0, state: dict[str, Any] | None = None) -> None:
        """Store one fetch attempt and update the source's state in one transaction.

        ``state`` holds the source columns to set (etag, last_success, next_attempt...).
        Addresses and errors are stored without the secrets an address may carry.
        """
        if state:
            state = {k: redact_secrets(v) if k in ("last_error", "moved_to") and isinstance(v, str) else v for k, v in state.items()}
        with self.transaction():
            self.db["fetches"].insert(
                {
                    "source": source,
                    "url": redact_url(result.url),
                    "started_at": result.started_at or utcnow(),
                    "outcome": result.outcome,
                    "http_status": result.status,
                    "bytes": len(result.content),
                    "duration": round(result.duration, 4),
                    "attempts": result.attempts,
                    "error": redact_secrets(result.error),
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

    def published_dates(self, ids: Iterable[str]) -> dict[str, str | None]:
        """The stored publication date of each of ``ids`` in the archive (``None`` when it
        has none); ids not in the archive are left out."""
        ids = list(ids)
        found: dict[str, str | None] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id, published FROM items WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(self.db.execute(q, chunk).fetchall())
        return found

    def save_items(self, items: Sequence[Item], *, week_of: Callable[[str | None, str], str] | None = None) -> list[str]:
        """Insert new items and refresh known ones; return the ids that were new.

        All items of one call are written in one transaction. Inserting is idempotent: an
        item stored meanwhile by another process (a second poller) is refreshed, not
        inserted again, and not counted as new. Only the source that stored an item refreshes
        it: another source carrying the same article (read in the same poll, before either
        stored it) leaves it as it is, with the text, relevance, facts and story it came with.
        """
        if not items:
            return []
        new: list[str] = []
        with self.transaction():
            for item in items:
                row = asdict(item)
                row["url"] = without_login(item.url)  # a link read on a page behind a login carries it
                # as written, not as \u escapes: an Urdu term that fired reads as itself in
                # Datasette and sqlite3, and a search of the column for it finds it
                row["topics"] = json.dumps(list(item.topics), ensure_ascii=False)
                row["rules"] = json.dumps(list(item.rules), ensure_ascii=False)
                row["relevant"] = int(item.relevant)
                row["week"] = week_of(item.published, item.fetched_at) if week_of else None
                row["search_extra"] = search_extra(item.title, item.summary, item.text)
                columns = ", ".join(f"[{k}]" for k in row)
                inserted = self.db.execute(
                    f"INSERT INTO items ({columns}) VALUES ({', '.join('?' * len(row))}) ON CONFLICT(id) DO NOTHING", list(row.values())
                ).rowcount
                if inserted:
                    new.append(item.id)
                    continue
                keep = ("id", "fetched_at")  # first-seen time never changes
                update = {k: v for k, v in row.items() if k not in keep}
                self.db.execute(f"UPDATE items SET {', '.join(f'[{k}] = ?' for k in update)} WHERE id = ? AND source = ?", [*update.values(), item.id, item.source])
        return new

    def pending_entries(self, source: str) -> list[dict]:
        """The entries of ``source`` a poll left for later (:meth:`set_pending_entries`),
        oldest queued first: ``{"id", "entry", "queued_at"}``, ``entry`` decoded (the entry's
        date, which orders them, is in it)."""
        rows = self.db.execute("SELECT id, entry, queued_at FROM pending_entries WHERE source = ? ORDER BY queued_at, rowid", [source]).fetchall()
        return [{"id": i, "entry": json.loads(entry), "queued_at": queued} for i, entry, queued in rows]

    def set_pending_entries(self, source: str, rows: Sequence[dict]) -> None:
        """Make ``rows`` (``{"id", "entry"}``, ``entry`` a JSON-able dict) the
        entries ``source`` has waiting; an entry already waiting keeps its ``queued_at``."""
        with self.transaction():
            queued = dict(self.db.execute("SELECT id, queued_at FROM pending_entries WHERE source = ?", [source]).fetchall())
            self.db.execute("DELETE FROM pending_entries WHERE source = ?", [source])
            now = utcnow()
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO pending_entries (source, id, entry, queued_at) VALUES (?, ?, ?, ?)",
                [(source, r["id"], json.dumps(r["entry"], ensure_ascii=False), queued.get(r["id"], now)) for r in rows],
            )

    def item(self, id: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM items WHERE id = ?", [id]))
        return decode_item(rows[0]) if rows else None

    def items_in_week(self, week: str, *, relevant_only: bool = True) -> list[dict]:
        q = "SELECT * FROM items WHERE week = ?" + (" AND relevant = 1" if relevant_only else "")
        return [decode_item(r) for r in self.db.query(q + " ORDER BY published, id", [week])]

    def count_items(self) -> int:
        return self.db.execute("SELECT count(*) FROM items").fetchone()[0]

    def weeks(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT week FROM items WHERE week IS NOT NULL ORDER BY week")]

    # ------------------------------------------------------------------ facts

    def save_facts(self, rows: Sequence[dict]) -> None:
        """Store figures; the same figure from another outlet becomes a corroborating report.

        The known figures a row can be (same series, unit and period, a value within 3%:
        :func:`monitor.facts.related_values`) are looked up by the ``facts_by_key`` index,
        never by reading the series; :func:`monitor.facts.relation`
        decides: ``corroborates`` = the id of the same figure, or ``revises`` = the id of
        the earlier value it revises. Only news figures are candidates: official ones
        (:meth:`save_official_facts`) are neither corroborated nor revised by the news.
        """
        with self.transaction():
            for row in rows:
                row = {"basis": "", **row}
                new = as_fact(row)
                series, unit, key = fact_key(new)
                row["period_key"] = key
                low, high = related_values(new)
                known = self.db.query(
                    "SELECT id, series, period, value, unit, published, basis FROM facts"
                    " WHERE series = ? AND unit = ? AND period_key = ? AND corroborates IS NULL AND origin = 'news'"
                    " AND value BETWEEN ? AND ? ORDER BY id",
                    [series, unit, key, low, high],
                )
                found = relation(new, [(r["id"], as_fact(r)) for r in known])
                if found:
                    row[found[0]] = found[1]
                self.db["facts"].insert(row)

    def save_official_facts(self, facts: Sequence[OfficialFact], *, source: str) -> dict[str, list[tuple[OfficialFact, dict | None]]]:
        """Store figures read from an official file by ``source``.

        Each is compared with the value stored last for its series, unit, period and source
        (:func:`monitor.official.relation`): a new period is inserted, a changed value is
        inserted as a revision of the old row (``revises``), the same value under a new
        status updates the status, the same value is left alone. Returns the facts by
        what happened to them (``new``, ``revises``, ``restated``, ``same``), each with the
        stored row it was compared with.
        """
        outcome: dict[str, list[tuple[OfficialFact, dict | None]]] = {"new": [], "revises": [], "restated": [], "same": []}
        with self.transaction():
            for fact in facts:
                series, unit, key = fact_key(Fact(fact.series, fact.period, fact.value, fact.unit, ""))
                rows = list(self.db.query(
                    "SELECT id, value, status FROM facts WHERE series = ? AND unit = ? AND period_key = ? AND origin = 'official' AND source = ?"
                    " ORDER BY id DESC LIMIT 1",
                    [series, unit, key, source],
                ))
                current = rows[0] if rows else None
                what, old = official.relation(fact, official.Stored(current["id"], current["value"], current["status"] or "") if current else None)
                outcome[what].append((fact, current))
                if what == "restated":
                    self.db.execute("UPDATE facts SET status = ?, column_header = ? WHERE id = ?", [fact.status, fact.column_header, old])
                elif what in ("new", "revises"):
                    self.db["facts"].insert(
                        {
                            "series": fact.series,
                            "period": fact.period,
                            "value": fact.value,
                            "unit": fact.unit,
                            "quote": fact.provenance(),
                            "item": None,
                            "source": source,
                            "published": fact.published,
                            "found_at": fact.fetched_at,
                            "revises": old,
                            "period_key": key,
                            "origin": "official",
                            "status": fact.status,
                            "file_url": redact_url(fact.url),
                            "sheet": fact.sheet,
                            "row_label": fact.row_label,
                            "column_header": fact.column_header,
                        }
                    )
        return outcome

    def official_values(self, series: str, unit: str, before: str) -> dict[str, dict]:
        """The official value of each period of a series as known before ``before`` (UTC
        ISO; known = the file's Last-Modified, else when it was fetched), by canonical
        period; each row has the value it revises (``revises_value``, ``revises_status``)."""
        q = """
        SELECT f.*, r.value AS revises_value, r.status AS revises_status FROM facts f LEFT JOIN facts r ON r.id = f.revises
        WHERE f.origin = 'official' AND f.series = ? AND f.unit = ? AND coalesce(f.published, f.found_at) < ?
        ORDER BY coalesce(f.published, f.found_at), f.id
        """
        return {r["period_key"]: r for r in self.db.query(q, [series, unit, before])}

    def official_revisions(self, start: str, end: str) -> list[dict]:
        """Official values that revised an earlier one and became known in [start, end)."""
        q = """
        SELECT f.*, r.value AS revises_value, r.status AS revises_status FROM facts f JOIN facts r ON r.id = f.revises
        WHERE f.origin = 'official' AND coalesce(f.published, f.found_at) >= ? AND coalesce(f.published, f.found_at) < ?
        ORDER BY f.series, f.period, f.id
        """
        return list(self.db.query(q, [start, end]))

    def facts(self, series: str | None = None, *, reports: bool = False, origin: str | None = None) -> list[dict]:
        """Stored facts, oldest period first, each with its number of reports and outlets, and
        the link (``url``) of the item it was found in.

        With ``reports=True`` every report is listed, corroborating ones included;
        ``origin`` keeps only ``news`` or ``official`` figures.
        """
        where = [] if reports else ["f.corroborates IS NULL"]
        if origin:
            where.append("f.origin = :origin")
        if series:
            where.append("f.series = :series")
        q = f"""
        SELECT f.*,
          1 + (SELECT count(*) FROM facts c WHERE c.corroborates = f.id) AS reports,
          {ALSO_REPORTED_BY} AS also_reported_by,
          (SELECT i.url FROM items i WHERE i.id = f.item) AS url,
          (SELECT c.reason FROM corrections c WHERE c.id = f.corrected) AS correction
        FROM facts f {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY f.series, f.period, f.published, f.id
        """
        return list(self.db.query(q, {"series": series, "origin": origin}))

    # ------------------------------------------------------------------ digests

    def digest(self, week: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM digests WHERE week = ?", [week]))
        return rows[0] if rows else None

    def set_digest(self, week: str, **fields: Any) -> None:
        """Write fields of ``week``'s digest row; an ``error`` is stored without the addresses
        an SMTP server's reply may quote (:func:`monitor.privacy.redact`)."""
        if fields.get("error"):
            fields["error"] = redact(fields["error"])
        with self.transaction():
            self.db["digests"].upsert({"week": week, **fields}, pk="week")

    def digests(self) -> list[dict]:
        return list(self.db.query("SELECT * FROM digests ORDER BY week DESC"))

    # ------------------------------------------------------------------ digest content and delivery

    def claim_digest(
        self, week: str, *, force: bool = False, carried: Iterable[tuple[str, bool]] = (), told: Iterable[int] = (), withdrawn: Iterable[int] = (), **fields: Any
    ) -> dict | None:
        """Mark ``week``'s digest as ``sending``, unless it is ``sent`` or ``sending`` already,
        and record the items it carries (``carried`` holds ``(item id, late)`` pairs), the
        corrections its "Corrections" section tells (``told``, their ids) and those it tells
        were withdrawn (``withdrawn``).

        Runs in one immediate transaction, so of two senders racing for a week only one wins,
        and an item carried by another digest cannot be recorded again (``digest_items`` has
        one row per item). Returns ``None`` when the claim succeeded, else the row that
        blocked it (unchanged). ``force`` claims the week whatever its status.
        """
        with self.transaction():
            row = self.digest(week)
            if row and row["status"] in ("sent", "sending") and not force:
                return row
            attempts = (row or {}).get("attempts") or 0
            reset = {"sent_at": None, "error": None, "refused": None, "eml_path": None}
            created = (row or {}).get("created_at") or utcnow()
            self.set_digest(week, **{**reset, **fields, "status": "sending", "created_at": created, "started_at": utcnow(), "attempts": attempts + 1})
            self.db.execute("DELETE FROM digest_items WHERE week = ?", [week])
            self.db.conn.executemany("INSERT INTO digest_items (item, week, late) VALUES (?, ?, ?)", [(item, week, int(late)) for item, late in carried])
            self.db.execute("UPDATE corrections SET told_in = NULL WHERE told_in = ?", [week])
            self.db.execute("UPDATE corrections SET told_in = ? WHERE id IN (SELECT value FROM json_each(?))", [week, json.dumps(list(told))])
            self.db.execute("UPDATE corrections SET undo_told_in = NULL WHERE undo_told_in = ?", [week])
            self.db.execute("UPDATE corrections SET undo_told_in = ? WHERE id IN (SELECT value FROM json_each(?))", [week, json.dumps(list(withdrawn))])
        return None

    def forget_carried(self, week: str) -> None:
        """``week``'s digest did not go out: the items it would have carried, and the
        corrections it would have told, are free again."""
        with self.transaction():
            self.db.execute("DELETE FROM digest_items WHERE week = ?", [week])
            self.db.execute("UPDATE corrections SET told_in = NULL WHERE told_in = ?", [week])
            self.db.execute("UPDATE corrections SET undo_told_in = NULL WHERE undo_told_in = ?", [week])

    def corrections_to_tell(self, week: str) -> list[dict]:
        """The corrections ``week``'s digest tells its readers, oldest first: those in force,
        told by no other digest, made after a digest of an earlier week had gone out
        (``sent``, or ``sending`` and so perhaps delivered) with the figure's item or an item
        of the story; each with that digest's week (``sent_in``, the first such). A story
        correction gives the story's headline as ``quote``. A figure that went out corrected
        by an earlier correction (since corrected again) went out as that one made it: its
        period, value and whether it dropped the figure are ``sent_period``, ``sent_value``
        and ``sent_dropped`` (the reading as found, else)."""
        q = """
        SELECT * FROM (
          SELECT c.*, (
            SELECT min(d.week) FROM digest_items di JOIN digests d ON d.week = di.week
            WHERE d.status IN ('sent', 'sending') AND d.week < :week
              AND coalesce(d.started_at, d.sent_at, d.created_at) <= c.made_at
              AND (di.item = c.item OR (c.kind = 'story' AND di.item IN (
                    SELECT m.item_id FROM cluster_members m
                    WHERE m.cluster_id = (SELECT s.cluster_id FROM cluster_members s WHERE s.item_id = c.item))))
          ) AS sent_in
          FROM corrections c WHERE c.undone_at IS NULL AND (c.told_in IS NULL OR c.told_in = :week)
        ) WHERE sent_in IS NOT NULL ORDER BY id
        """
        rows = []
        for c in self.db.query(q, {"week": week}):
            c["sent_period"], c["sent_value"], c["sent_dropped"] = c["period"], c["value"], 0
            if c["kind"] == "figure":
                sent = self.db.execute("SELECT coalesce(started_at, sent_at, created_at) FROM digests WHERE week = ?", [c["sent_in"]]).fetchone()[0]
                earlier = next(iter(self.db.query(
                    "SELECT * FROM corrections WHERE kind = 'figure' AND id < ? AND item = ? AND series = ? AND unit = ? AND basis IS ?"
                    " AND period IS ? AND value = ? AND quote IS ? AND made_at <= ? AND (undone_at IS NULL OR undone_at >= ?) ORDER BY id DESC LIMIT 1",
                    [c["id"], c["item"], c["series"], c["unit"], c["basis"], c["period"], c["value"], c["quote"], sent, sent],
                )), None)
                if earlier is not None:
                    c["sent_period"] = c["period"] if earlier["new_period"] is None else earlier["new_period"]
                    c["sent_value"] = c["value"] if earlier["new_value"] is None else earlier["new_value"]
                    c["sent_dropped"] = earlier["dropped"]
            rows.append(c)
        return rows

    def withdrawals_to_tell(self, week: str) -> list[dict]:
        """The corrections an earlier digest told its readers (``told_in``, before ``week``)
        that the editor has since undone (``monitor correct undo``, not replaced by a new
        correction, which is told as itself), and that no digest other than ``week``'s has
        told were withdrawn; oldest first."""
        q = """
        SELECT * FROM corrections WHERE undone_at IS NOT NULL AND undo_reason IS NOT :replaced
          AND told_in IS NOT NULL AND told_in < :week AND (undo_told_in IS NULL OR undo_told_in = :week)
        ORDER BY id
        """
        return list(self.db.query(q, {"week": week, "replaced": REPLACED}))

    def carried_items(self, *, except_week: str | None = None) -> set[str]:
        """The items carried by a digest (other than ``except_week``'s)."""
        return {r[0] for r in self.db.execute("SELECT item FROM digest_items WHERE week IS NOT ?", [except_week])}

    def carried_events(self, *, except_week: str | None = None) -> set[str]:
        """The events (see :meth:`week_clusters`) of which a digest (other than
        ``except_week``'s) carried an item."""
        q = """
        SELECT DISTINCT coalesce(c.event_id, c.id) FROM digest_items d JOIN cluster_members m ON m.item_id = d.item
        JOIN clusters c ON c.id = m.cluster_id WHERE d.week IS NOT ?
        """
        return {r[0] for r in self.db.execute(q, [except_week])}

    def late_items(self, weeks: Sequence[str], *, except_week: str | None = None) -> list[dict]:
        """Relevant items of ``weeks`` whose week's digest went out (``sent``, or ``sending``
        and so perhaps delivered) without them, and that no digest other than
        ``except_week``'s carries: items stored after their week's digest. Oldest first.
        An item stored before that digest began (or in the same second) and found relevant
        only after it, by ``monitor rejudge`` (``judged_at``), is no late news: the digest did
        not miss it. Unless the editor put its story in (``monitor correct story --relevant``)
        after that digest began: the editor says the readers should have had it."""
        if not weeks:
            return []
        q = f"""
        SELECT i.* FROM items i JOIN digests d ON d.week = i.week AND d.status IN ('sent', 'sending')
        WHERE i.week IN ({",".join("?" * len(weeks))}) AND i.relevant = 1
          AND NOT EXISTS (SELECT 1 FROM digest_items c WHERE c.item = i.id AND c.week IS NOT ?)
          AND NOT (i.judged_at IS NOT NULL AND i.judged_at >= coalesce(d.started_at, d.sent_at, d.created_at)
                   AND i.fetched_at <= coalesce(d.started_at, d.sent_at, d.created_at)
                   AND NOT EXISTS (SELECT 1 FROM corrections v WHERE v.kind = 'story' AND v.relevant = 1 AND v.undone_at IS NULL
                                   AND v.made_at >= coalesce(d.started_at, d.sent_at, d.created_at)
                                   AND (v.item = i.id OR v.item IN (SELECT s.item_id FROM cluster_members m
                                        JOIN cluster_members s ON s.cluster_id = m.cluster_id WHERE m.item_id = i.id))))
        ORDER BY i.published, i.id
        """
        return [decode_item(r) for r in self.db.query(q, [*weeks, except_week])]

    def item_clusters(self, ids: Sequence[str]) -> dict[str, dict]:
        """Like :meth:`week_clusters`, for the items ``ids``."""
        q = """
        SELECT m.item_id, m.cluster_id, c.primary_item, coalesce(c.event_id, m.cluster_id) AS event_id, d.outlet
        FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id LEFT JOIN dedup_items d ON d.id = m.item_id
        WHERE m.item_id IN (SELECT value FROM json_each(?))
        """
        return {r["item_id"]: r for r in self.db.query(q, [json.dumps(list(ids))])}

    def week_facts(self, week: str) -> list[dict]:
        """The facts found in the items of ``week``, oldest first, with each item's URL, the
        value of the fact a revised one revises, and for a corrected one the period and value
        it was read as (``corrected_from_period``, ``corrected_from_value``)."""
        q = """
        SELECT f.*, i.url AS item_url, r.value AS revises_value, c.reason AS correction,
          c.period AS corrected_from_period, c.value AS corrected_from_value FROM facts f JOIN items i ON i.id = f.item
        LEFT JOIN facts r ON r.id = f.revises LEFT JOIN corrections c ON c.id = f.corrected
        WHERE i.week = ? ORDER BY f.series, f.period, coalesce(f.published, f.found_at), f.id
        """
        return list(self.db.query(q, [week]))

    def fact_values(self, series: str, unit: str, periods: Sequence[str], before: str, *, origin: str | None = None) -> dict[str, float]:
        """The latest value of each of ``periods`` of a series, as known before ``before`` (UTC ISO);
        ``origin`` keeps only ``news`` or ``official`` figures."""
        if not periods:
            return {}
        q = (
            f"SELECT period, value FROM facts WHERE series = ? AND unit = ? AND period IN ({','.join('?' * len(periods))})"
            " AND coalesce(published, found_at) < ?" + (" AND origin = ?" if origin else "") + " ORDER BY coalesce(published, found_at), id"
        )
        return {r["period"]: r["value"] for r in self.db.query(q, [series, unit, *periods, before, *([origin] if origin else [])])}

    def week_clusters(self, week: str) -> dict[str, dict]:
        """For each item of ``week`` in a story cluster: its ``cluster_id``, the cluster's
        ``primary_item``, the story's ``event_id`` and the item's ``outlet`` as the dedup
        index knows it (the publisher behind an aggregator's link; None when not indexed)."""
        q = """
        SELECT m.item_id, m.cluster_id, c.primary_item, coalesce(c.event_id, m.cluster_id) AS event_id, d.outlet
        FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id JOIN items i ON i.id = m.item_id
        LEFT JOIN dedup_items d ON d.id = m.item_id WHERE i.week = ?
        """
        return {r["item_id"]: r for r in self.db.query(q, [week])}

    def source_week_health(self, start: str, end: str) -> list[dict]:
        """Each source's fetch successes and failures in [start, end) (UTC ISO), its last
        failure there, its last new item and its first fetch before ``end``, and the date of
        the newest entry it gave at its last fetch (``newest_entry``)."""
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
          (SELECT min(f.started_at) FROM fetches f WHERE f.source = s.name) AS first_fetch,
          s.newest_entry
        FROM sources s ORDER BY s.name
        """
        return list(self.db.query(q, {"start": start, "end": end}))

    # ------------------------------------------------------------------ runs

    def start_run(self, job: str) -> int:
        """Begin a run of ``job``; until it ends, its detail names the process that runs it
        (``pid 123 on host``), so that one killed before it could end it can be told."""
        with self.transaction():
            return self.db["runs"].insert({"job": job, "started_at": utcnow(), "outcome": "running", "detail": f"pid {os.getpid()} on {socket.gethostname()}"}).last_pk

    def finish_run(self, run_id: int, outcome: str, detail: str | None = None) -> None:
        """End a run; its ``detail`` is stored without email addresses (a failed send's reason)."""
        with self.transaction():
            self.db["runs"].update(run_id, {"finished_at": utcnow(), "outcome": outcome, "detail": redact(detail)})

    def last_run(self, job: str, outcome: str | None = None) -> dict | None:
        q = "SELECT * FROM runs WHERE job = ?" + (" AND outcome = ?" if outcome else "") + " ORDER BY id DESC LIMIT 1"
        rows = list(self.db.query(q, [job, outcome] if outcome else [job]))
        return rows[0] if rows else None

    def first_run(self, job: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM runs WHERE job = ? ORDER BY id LIMIT 1", [job]))
        return rows[0] if rows else None

    def last_finished_run(self, job: str) -> dict | None:
        """The newest run of ``job`` that ended, passing over runs stopped at shutdown."""
        q = "SELECT * FROM runs WHERE job = ? AND finished_at IS NOT NULL AND outcome != 'stopped' ORDER BY id DESC LIMIT 1"
        rows = list(self.db.query(q, [job]))
        return rows[0] if rows else None

    # ------------------------------------------------------------------ the daemon's heartbeat

    def daemon_started(self, *, poll_seconds: float, beat_seconds: float) -> None:
        """Record this process as the archive's daemon, polling every ``poll_seconds`` and
        beating every ``beat_seconds`` (the row of the daemon before it is replaced)."""
        now = utcnow()
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO daemon (id, pid, host, started_at, seen_at, beat_seconds, poll_seconds, stopped_at) VALUES (1, ?, ?, ?, ?, ?, ?, NULL)",
                [os.getpid(), socket.gethostname(), now, now, beat_seconds, poll_seconds],
            )

    def daemon_beat(self, *, stopped: bool = False) -> None:
        """The heartbeat of this process's daemon (and, ``stopped``, its clean stop); the row
        of another daemon that has since started is left alone."""
        now = utcnow()
        with self.transaction():
            self.db.execute(
                "UPDATE daemon SET seen_at = ?, stopped_at = ? WHERE pid = ? AND host = ? AND stopped_at IS NULL",
                [now, now if stopped else None, os.getpid(), socket.gethostname()],
            )

    def daemon_polls_every(self, poll_seconds: float) -> None:
        """This process's daemon now polls every ``poll_seconds`` (its configuration changed)."""
        with self.transaction():
            self.db.execute(
                "UPDATE daemon SET poll_seconds = ? WHERE pid = ? AND host = ? AND stopped_at IS NULL",
                [poll_seconds, os.getpid(), socket.gethostname()],
            )

    def daemon(self) -> dict | None:
        """The row of the daemon that runs, or last ran, on the archive; ``None`` when none has."""
        rows = list(self.db.query("SELECT * FROM daemon WHERE id = 1"))
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
