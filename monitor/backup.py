"""Backing up the archive, and putting a backup back in its place.

``monitor backup OUT`` copies the whole archive with SQLite's backup (consistent while the
daemon writes) into one file, checked before it is kept. ``monitor restore BACKUP`` puts such
a copy in place of the archive, with no daemon running, and keeps what the copy cannot know:

* the digests sent since the backup was taken. They are read from the archive being replaced
  (and from the outbox's ``.eml`` files), so that a week sent since is not sent again: a
  restore never makes the daemon email readers a digest they had;
* when the archive being replaced cannot be read (it is damaged, or there is none), the weeks
  that ended since the backup and that it does not record as sent are marked *in doubt*
  (:func:`weeks_in_doubt`): their digest may have gone out. ``monitor status`` lists them;
  ``monitor digest --week W --send --force`` sends one that did not;
* that ``monitor rejudge`` ran on the archive being replaced after the backup was taken:
  the restored items carry the judgments of before it, which the rules of now may not give;
* the archive being replaced itself, renamed beside it (``monitor.db.replaced-<time>``, with
  its ``-wal`` and ``-shm`` files), never deleted.

Items fetched since the backup are fetched again by the next poll while their feeds still
list them. The decisions are here; the SQL is in :mod:`monitor.store`.
"""

from __future__ import annotations

import email
import email.policy
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from .errors import MonitorError, os_reason
from .files import through_link
from .store import ArchiveError, Store, archive_error
from .store._backup import check_integrity, open_readonly
from .weeks import iso_week, parse_timestamp, shift_week, week_bounds

#: What the weeks marked in doubt after a restore say in ``monitor status``.
UNKNOWN_SEND = (
    "the archive was restored from a backup taken {taken}, and the archive it replaced could not be read ({why}), "
    "so whether this week's digest went out after the backup is not known"
)


@dataclass(frozen=True)
class Restored:
    """What ``monitor restore`` did."""

    archive: Path
    backup: Path
    taken_at: str | None
    items: int
    replaced: Path | None  # where the archive it replaced was kept
    kept: tuple[str, ...] = ()  # weeks whose digest record came from the archive it replaced
    written: tuple[str, ...] = ()  # weeks whose digest the outbox holds
    in_doubt: tuple[str, ...] = ()  # weeks whose digest may have gone out unrecorded
    unreadable: str | None = None  # why the archive it replaced could not be read
    left_over: tuple[str, ...] = ()  # the files ("-wal", "-shm") found at the archive's name without it, kept
    rejudged: tuple[str, ...] = ()  # when `monitor rejudge` ran on the archive it replaced after the backup was taken


def backup_path(out: str | Path, archive: str | Path, now: datetime | None = None) -> Path:
    """Where ``monitor backup OUT`` writes: ``OUT`` itself, or in the folder ``OUT`` (one
    that exists, or written with a trailing ``/``) a file named after the archive and the
    time in UTC, ``monitor-2026-12-06T0315Z.db``, so that a daily backup keeps each day's.
    A backup into a folder never replaces another: a second one in the same minute (taken
    before and after an edit, say) is ``monitor-2026-12-06T0315Z_2.db``, then ``_3``...,
    names that sort after the first."""
    out_text = str(out)
    target = Path(out)
    if target.is_dir() or out_text.endswith(("/", os.sep)):
        stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H%MZ")
        archive = Path(archive)
        suffix = archive.suffix or ".db"
        name, n = target / f"{archive.stem}-{stamp}{suffix}", 1
        while name.exists() or name.is_symlink():
            n += 1
            name = target / f"{archive.stem}-{stamp}_{n}{suffix}"
        return name
    return target


def backup(store: Store, target: Path) -> Path:
    """Write the backup of ``store`` to ``target`` (see :meth:`Store.backup`)."""
    if target.exists() and _same_file(target, Path(store.path)):
        raise MonitorError("the backup cannot replace the archive itself")
    return store.backup(target)


def weeks_in_doubt(taken_at: str | None, now: datetime, tz: ZoneInfo, recorded: set[str]) -> list[str]:
    """The weeks whose digest may have gone out after a backup taken at ``taken_at`` without
    the backup knowing: each week that ended after that time and by ``now``, and whose
    digest the backup does not record (``recorded``). The week the backup was taken in is
    one: its digest goes out after it ends. Oldest first; none for an empty backup."""
    if not taken_at:
        return []
    week, weeks = iso_week(taken_at, tz), []
    while week_bounds(week, tz)[1] <= now:
        if week not in recorded:
            weeks.append(week)
        week = shift_week(week, 1)
    return weeks


def restore(backup_file: str | Path, archive: str | Path, *, tz: ZoneInfo, outbox: str | Path | None = None, now: datetime | None = None) -> Restored:
    """Put the backup ``backup_file`` in place of ``archive`` (see the module's docstring).

    The caller makes sure no daemon runs on ``archive``. The backup is checked and copied
    beside the archive first; nothing is replaced until the copy is whole and up to date, and
    on any error before that the archive is left as it was. An ``archive`` that is a symbolic
    link has the file it points at replaced (and kept aside beside it); the link stays.
    """
    backup_file = Path(backup_file)
    try:
        archive = through_link(archive)  # an archive reached by a link stays so
    except OSError as e:  # links in a loop
        raise MonitorError(f"{archive}: cannot write the restored archive: {os_reason(e)}") from None
    now = now or datetime.now(timezone.utc)
    if archive.exists() and _same_file(backup_file, archive):
        raise MonitorError(f"{backup_file} is the archive itself: name a backup made by `monitor backup`")
    _check_backup(backup_file)
    tmp = archive.with_name(f".{archive.name}.restoring")
    _remove(tmp)
    try:
        archive.parent.mkdir(parents=True, exist_ok=True)
        _copy(backup_file, tmp)
        with Store(tmp, create=False) as copy:  # brought up to this version's schema
            result = _settle(copy, backup_file, archive, tz, Path(outbox) if outbox else archive.resolve().parent / "outbox", now)
            copy.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        had_archive = archive.is_file()
        left_over = () if had_archive else tuple(s for s in ("-wal", "-shm") if Path(f"{archive}{s}").exists())
        replaced = _put_in_place(tmp, archive, now)
    except BaseException:
        _remove(tmp)
        raise
    return Restored(**{**result, "replaced": replaced, "left_over": left_over})


def _settle(copy: Store, backup_file: Path, archive: Path, tz: ZoneInfo, outbox: Path, now: datetime) -> dict:
    taken = copy.backup_taken_at()
    copy.settle_restored(f"in progress when the backup was taken; the archive was restored from {backup_file}", str(backup_file))
    kept, unreadable, rejudged = [], None, []
    if archive.exists():
        try:
            with Store(archive, readonly=True, create=False) as old:
                rows, carried = old.digests_sent_record()
                rejudged = old.runs_since("rejudge", taken) if taken else []
            kept = copy.keep_digest_records(rows, carried)
        except (ArchiveError, sqlite3.Error) as e:
            unreadable = str(archive_error(archive, e) or e) if isinstance(e, sqlite3.Error) else str(e)
    else:
        unreadable = f"there was no archive at {archive}"
    written = _outbox_digests(copy, outbox)
    doubt: list[str] = []
    if unreadable:
        when = parse_timestamp(taken).astimezone(tz).strftime("%Y-%m-%d %H:%M %Z") if taken else "at an unknown time"
        note = UNKNOWN_SEND.format(taken=f"at {when}" if taken else when, why=unreadable)
        doubt = weeks_in_doubt(taken, now, tz, copy.weeks_recorded())
        for week in doubt:
            copy.set_digest(week, status="sending", started_at=None, created_at=now.replace(microsecond=0).isoformat(), error=note)
    return {
        "archive": archive,
        "backup": backup_file,
        "taken_at": taken,
        "items": copy.db["items"].count,
        "kept": tuple(kept),
        "written": tuple(written),
        "in_doubt": tuple(doubt),
        "unreadable": unreadable,
        "rejudged": tuple(rejudged),
    }


def _outbox_digests(copy: Store, outbox: Path) -> list[str]:
    """Record the digests the outbox holds as ``.eml`` files (written there when no mail
    server is set) that the copy does not record."""
    recorded, weeks = copy.weeks_recorded(), []
    for path in sorted(outbox.glob("digest-*.eml")) if outbox.is_dir() else ():
        week = path.stem.removeprefix("digest-")
        if week in recorded:
            continue
        try:
            week_bounds(week, ZoneInfo("UTC"))
            with path.open("rb") as f:
                head = email.message_from_binary_file(f, policy=email.policy.default)
            written = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).replace(microsecond=0).isoformat()
        except (ValueError, OSError):
            continue  # not a digest's file
        copy.set_digest(
            week, status="sent", transport="outbox", eml_path=str(path), sent_at=written, created_at=written,
            message_id=head.get("Message-ID"), subject=head.get("Subject"), error=None,
        )
        weeks.append(week)
    return weeks


def _check_backup(path: Path) -> None:
    """Raise :class:`ArchiveError` unless ``path`` is a sound monitor archive; nothing is
    written to it."""
    where = f"{path}: cannot restore from it ({{}}); nothing was changed"
    if not path.is_file():
        raise ArchiveError(where.format("there is no such file" if not path.exists() else "it is not a file"))
    if path.stat().st_size == 0:
        raise ArchiveError(where.format("it is empty: a copy that never got written"))
    try:
        conn = open_readonly(path)
        try:
            if not conn.execute("PRAGMA user_version").fetchone()[0]:
                raise ArchiveError(where.format("it is not a monitor archive: it has no monitor schema"))
            problem = check_integrity(conn)
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise ArchiveError(where.format(_sqlite_reason(e))) from None
    if problem:
        raise ArchiveError(where.format(f"it is damaged: {problem}"))


def _sqlite_reason(e: sqlite3.Error) -> str:
    code = getattr(e, "sqlite_errorname", "") or ""
    if code == "SQLITE_NOTADB":
        return "it is not a monitor archive: not an SQLite database"
    if code.startswith("SQLITE_CORRUPT"):
        return f"it is damaged: {e}"
    return str(e)


def _copy(source: Path, target: Path) -> None:
    src = open_readonly(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except OSError as e:
        raise MonitorError(f"{target}: cannot write the restored archive: {os_reason(e)}") from None
    except sqlite3.Error as e:
        raise MonitorError(f"{target}: cannot write the restored archive: {e}") from None
    finally:
        src.close()


def _put_in_place(tmp: Path, archive: Path, now: datetime) -> Path | None:
    """Rename the archive (and its ``-wal`` and ``-shm`` files) aside, then ``tmp`` to the
    archive; the name the old one was kept under, or ``None`` when there was none. A ``-wal``
    or ``-shm`` file left without its archive is kept under that name as it is."""
    replaced = None
    if any(Path(f"{archive}{s}").exists() for s in ("", "-wal", "-shm")):
        if archive.is_file():
            _checkpoint(archive)
        replaced = archive.with_name(f"{archive.name}.replaced-{now.astimezone(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}")
        for suffix in ("", "-wal", "-shm"):  # kept together: SQLite finds a file's -wal by its name
            if Path(f"{archive}{suffix}").exists():
                os.replace(f"{archive}{suffix}", f"{replaced}{suffix}")
    os.replace(tmp, archive)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    return replaced


def _checkpoint(archive: Path) -> None:
    """Write what the archive's ``-wal`` file holds into the archive, when it can be read
    (so that the file kept aside holds everything by itself); a damaged one is kept as is.
    The archive is opened without creating it: a ``-wal`` file whose archive is gone would be
    dropped by SQLite against a new, empty file."""
    try:
        conn = sqlite3.connect(f"{archive.resolve().as_uri()}?mode=rw", uri=True, timeout=5)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def _remove(tmp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            Path(f"{tmp}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
