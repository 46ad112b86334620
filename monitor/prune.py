"""``monitor prune``: what an archive a year old no longer needs, and giving its space back.

A monitor of 45 sources polled hourly writes about 400,000 ``fetches`` rows a year, and,
with ``keep_irrelevant`` on (the default), the full text of every article it judged not
relevant, indexed for the search: most of the archive. Past some days neither serves a
reader: ``monitor status``, the digest and ``source_health`` read the fetches of the last
weeks, and an item not relevant is never shown. This module decides the cutoffs and says
what was (or would be) done; :class:`monitor.store.Store` finds and removes the rows
(:mod:`monitor.store._prune`).

The space freed is reused by the rows the next polls write; ``--vacuum`` gives it back to
the disk, with no daemon running (SQLite's ``VACUUM`` holds the archive for the length of a
rebuild and needs room for a second copy of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .errors import MonitorError
from .text import counted
from .text import readable_size as size

#: Defaults, in days: the fetch log of a quarter, and half a year of text to judge again.
FETCH_DAYS = 90
TEXT_DAYS = 180
#: Floors, in days: the daemon names unsent digests up to eight weeks back, and a digest of
#: such a week reads its fetches; a month of text is left for ``monitor rejudge``.
MIN_FETCH_DAYS = 60
MIN_TEXT_DAYS = 30


@dataclass(frozen=True)
class Cutoffs:
    fetches_before: str  # UTC ISO 8601: fetch rows started before this may go
    text_before: str  # UTC ISO 8601: the text of items not relevant fetched before this may go


def cutoffs(now: datetime, *, fetch_days: int, text_days: int) -> Cutoffs:
    """The cutoffs ``fetch_days`` and ``text_days`` back from ``now``; days under the floors
    are refused, naming the floor and why."""
    if fetch_days < MIN_FETCH_DAYS:
        raise MonitorError(f"--fetches-older-than {fetch_days}: at least {MIN_FETCH_DAYS} days of fetches are kept (a digest of a week up to eight weeks back reads them)")
    if text_days < MIN_TEXT_DAYS:
        raise MonitorError(f"--text-older-than {text_days}: at least {MIN_TEXT_DAYS} days of text are kept (for `monitor rejudge` after a change of the rules)")
    now = now.astimezone(timezone.utc)
    iso = lambda d: (now - timedelta(days=d)).isoformat(timespec="seconds")  # noqa: E731
    return Cutoffs(iso(fetch_days), iso(text_days))


def plan_lines(found: dict[str, int], *, fetch_days: int, text_days: int, dry_run: bool) -> list[str]:
    """What was (or, ``dry_run``, would be) removed, a line a kind."""
    fetches = f"{counted(found['fetches'], 'fetch row')} older than {fetch_days} days (each source's first fetch is kept)"
    texts = (
        f"the text of {counted(found['texts'], 'item')} not relevant fetched over {text_days} days ago"
        + (f" ({size(found['text_bytes'])})" if found.get("text_bytes") else "")
        + ": their title, teaser, link and judgment stay"
    )
    if dry_run:
        return [f"would remove {fetches}", f"would empty {texts}"]
    return [f"removed {fetches}", f"emptied {texts}"]


def space_line(space: dict[str, int], *, dry_run: bool, vacuumed_from: int | None = None) -> str:
    """The archive's size after the prune, and what to do with the space it freed."""
    if vacuumed_from is not None:
        return f"The archive is {size(space['file'])} (was {size(vacuumed_from)} before VACUUM)."
    line = f"The archive is {size(space['file'])}, {size(space['free'])} of it free pages"
    if dry_run:
        return line + ". Nothing was changed (--dry-run)."
    return line + ": new rows reuse them, and the room left where texts were emptied; `monitor prune --vacuum`, with the daemon stopped, gives both back to the disk."


def vacuum_room(space: dict[str, int], disk_free: int) -> str | None:
    """Why a ``VACUUM`` cannot run on a disk with ``disk_free`` bytes free, or ``None``: it
    writes a copy of the archive's live pages beside it, and the write-ahead log grows by as
    much again before it is folded back."""
    needed = 2 * max(space["file"] - space["free"], 0) + 10_000_000
    if disk_free < needed:
        return f"VACUUM needs about {size(needed)} free beside the archive for its copy and its log, and there are {size(disk_free)}: free some space first (the prune itself was done)"
    return None
