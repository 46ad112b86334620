"""What ``monitor status`` shows about the sources: their health, read from the store.

For each configured source: when it last succeeded; how many attempts in a row failed, the last
outcome and error, and when it is tried next (a failing source backs off); how many items it
gave this week and per week over the last :data:`RATE_WEEKS` weeks; whether it has gone
silent, that is, given no new item for more than ``monitor.silent_days`` days although it is
polled (counted from its first poll when it never gave one; news sources only); and whether
it is stale: it answers, but its newest item (a feed's newest entry, a workbook's newest
month) is older than its ``stale_days`` (:func:`stale_detail`). Sources that need a look are
marked ``!!``.
"""

from __future__ import annotations

import os
import re
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from .config import Config
from .models import NEWS_KINDS, Source
from .store import Store
from .text import counted
from .weeks import current_week, local_time, parse_timestamp, week_bounds

#: The items-per-week rate is averaged over this many weeks.
RATE_WEEKS = 4

#: A run still marked running this long after it began was interrupted: no poll or digest
#: send takes near as long (every fetch gives up after ``fetch.deadline``, a minute).
RUN_LIMIT = timedelta(hours=6)

_PROCESS = re.compile(r"^pid (\d+) on (.+)$")  # a running run's detail (Store.start_run)


@dataclass(frozen=True)
class SourceRow:
    """One source's health as ``monitor status`` shows it."""

    name: str
    kind: str
    enabled: bool
    own_interval: bool  # polled on its own interval rather than every poll
    polled: bool  # at least one fetch is recorded
    last_success: str | None
    last_outcome: str | None
    last_error: str | None
    consecutive_failures: int
    next_attempt: str | None
    items_this_week: int
    items_per_week: float
    silent_days: float | None  # days without a new item, when over the threshold
    stale: str | None = None  # why the source is stale, when it is
    newest_entry: str | None = None  # its newest item's date (a workbook's newest month's end)
    moved_to: str | None = None  # where permanent redirects now lead from its address
    tls_verify: bool = True  # false: its host's TLS certificate is not checked (a last resort)

    @property
    def needs_attention(self) -> bool:
        return self.enabled and (self.consecutive_failures > 0 or self.silent_days is not None or self.stale is not None)

    def line(self, now: datetime, tz: ZoneInfo, *, scheduled: bool = True) -> str:
        """One line: ``!! name [kind] | last success ... | items ... | failures ... | next attempt ...``
        (``due again ...`` when no daemon runs, ``scheduled`` false: no attempt is scheduled,
        the time is only when a poll will next try the source)."""
        mark = "--" if not self.enabled or not self.polled else "!!" if self.needs_attention else "ok"  # nothing known yet is not "ok"
        parts = [f"{mark} {self.name} [{self.kind}]" + ("" if self.enabled else " (disabled)")]
        if not self.polled:
            return " | ".join([*parts, "not polled yet"])
        parts.append(f"last success {_ago(self.last_success, now)}")
        if self.kind in NEWS_KINDS:
            parts.append(f"{counted(self.items_this_week, 'item')} this week, {self.items_per_week:.1f}/week over {RATE_WEEKS} weeks")
        elif self.newest_entry and self.stale is None:
            parts.append(f"figures up to {parse_timestamp(self.newest_entry).strftime('%b %Y')}")
        if self.consecutive_failures:
            parts.append(f"{counted(self.consecutive_failures, 'failure', 'failures in a row')}, last {self.last_outcome}: {self.last_error}")
        if self.next_attempt and (self.consecutive_failures or self.own_interval):
            parts.append(f"{'next attempt' if scheduled else 'due again'} {_when(self.next_attempt, now, tz)}")
        if self.stale is not None:
            parts.append(f"stale: {self.stale}")
        if self.silent_days is not None:
            parts.append(f"silent: no new item for {self.silent_days:.0f} days")
        if not self.tls_verify:
            parts.append("TLS certificate not verified (tls_verify: false): remove it once the site's certificate is fixed")
        if self.moved_to:
            parts.append(f"moved for good to {self.moved_to} (a permanent redirect): put the new address in sources.yaml")
        return " | ".join(parts)

    def state(self) -> str:
        """The mark of :meth:`line` in a word: ``ok``, ``attention``, ``not_polled``, ``disabled``."""
        if not self.enabled:
            return "disabled"
        if not self.polled:
            return "not_polled"
        return "attention" if self.needs_attention else "ok"

    def as_json(self) -> dict:
        """The row for a script (``monitor status --format json``): times in UTC, ISO 8601."""
        return {
            "name": self.name,
            "kind": self.kind,
            "state": self.state(),
            "enabled": self.enabled,
            "last_success": self.last_success,
            "consecutive_failures": self.consecutive_failures,
            "last_outcome": self.last_outcome,
            "last_error": self.last_error if self.consecutive_failures else None,
            "next_attempt": self.next_attempt if (self.consecutive_failures or self.own_interval) else None,
            "items_this_week": self.items_this_week,
            "items_per_week": round(self.items_per_week, 2),
            "silent_days": round(self.silent_days, 1) if self.silent_days is not None else None,
            "stale": self.stale,
            "newest_entry": self.newest_entry,
            "moved_to": self.moved_to,
            "tls_verify": self.tls_verify,
        }


def _ago(ts: str | None, now: datetime) -> str:
    if not ts:
        return "never"
    delta = now - parse_timestamp(ts)
    if delta < timedelta(minutes=1):
        return "just now"
    if delta < timedelta(hours=1):
        return f"{int(delta.total_seconds() // 60)} min ago"
    if delta < timedelta(days=2):
        return f"{int(delta.total_seconds() // 3600)} h ago"
    return f"{delta.days} days ago"


def _when(ts: str, now: datetime, tz: ZoneInfo) -> str:
    """A future time as "in 2 h (2025-08-22 14:00 PKT)"; a past one is the next poll."""
    at = parse_timestamp(ts)
    delta = at - now
    if delta <= timedelta(0):
        return "at the next poll"
    local = at.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")
    if delta < timedelta(hours=1):
        return f"in {max(1, int(delta.total_seconds() // 60))} min ({local})"
    if delta < timedelta(days=2):
        return f"in {int(delta.total_seconds() // 3600)} h ({local})"
    return f"in {delta.days} days ({local})"


def source_rows(store: Store, config: Config, now: datetime | None = None) -> list[SourceRow]:
    """The health of every configured source, in the order of the configuration."""
    now = now or datetime.now(timezone.utc)
    week_start, _ = week_bounds(current_week(config.tz, now), config.tz)
    rate_since = now - timedelta(weeks=RATE_WEEKS)
    health = {r["name"]: r for r in store.source_health(_iso(week_start), _iso(rate_since))}
    return [_row(s, health.get(s.name, {}), config.silent_days, now, config.stale_after(s)) for s in config.sources]


def recorded_config(store: Store, path: str) -> Config:
    """What the archive knows of the configuration, for ``monitor status`` while the file at
    ``path`` cannot be read: every source it has a row for (however the file names them
    now), the timezone its weeks were last written in, and the other settings' defaults."""
    sources = tuple(Source(name=s.name, url=s.url, kind=s.kind) for s in sorted(store.source_states().values(), key=lambda s: s.name.lower()))
    return Config(path=path, sources=sources, topics={}, timezone=store.timezone_name() or Config.timezone)


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _row(source: Source, h: dict, silent_after: int, now: datetime, stale_after: int | None = None) -> SourceRow:
    return SourceRow(
        name=source.name,
        kind=source.kind,
        enabled=source.enabled,
        own_interval=source.interval is not None,
        polled=bool(h.get("first_fetch")),
        last_success=h.get("last_success"),
        last_outcome=h.get("last_outcome"),
        last_error=h.get("last_error"),
        consecutive_failures=h.get("consecutive_failures") or 0,
        next_attempt=h.get("next_attempt"),
        items_this_week=h.get("items_this_week") or 0,
        items_per_week=(h.get("items_for_rate") or 0) / RATE_WEEKS,
        # news sources only: a policy page (watch) may rightly stay the same for months
        silent_days=_silent_days(h.get("last_new_item") or h.get("first_fetch"), silent_after, now) if source.kind in NEWS_KINDS else None,
        stale=stale_detail(h.get("newest_entry"), stale_after, now, source.kind) if h.get("last_success") else None,
        newest_entry=h.get("newest_entry"),
        moved_to=h.get("moved_to"),
        tls_verify=source.tls_verify,
    )


def stale_detail(newest: str | None, stale_after: int | None, now: datetime, kind: str = "feed") -> str | None:
    """Why a source is stale at ``now``: its newest item (a workbook's newest month) is dated
    ``newest``, more than ``stale_after`` days before; ``None`` when it is not, or cannot
    tell (no dated item, or a kind that is never stale)."""
    if not newest or not stale_after:
        return None
    try:
        days = (now - parse_timestamp(newest)).total_seconds() / 86400
    except ValueError:
        return None
    if days <= stale_after:
        return None
    what = "newest month ends" if kind == "sbp_ebops" else "newest item is dated"
    return f"{what} {parse_timestamp(newest).strftime('%d %b %Y')}, {days:.0f} days old (stale after {stale_after} days)"


def _silent_days(since: str | None, silent_after: int, now: datetime) -> float | None:
    """Days since ``since`` when more than ``silent_after``, else ``None``."""
    if not since:
        return None
    days = (now - parse_timestamp(since)).total_seconds() / 86400
    return days if days > silent_after else None


def report_lines(rows: list[SourceRow], config: Config, now: datetime | None = None, *, scheduled: bool = True) -> list[str]:
    """The sources part of ``monitor status``: a heading with counts, then one line per source
    (``scheduled``: whether a daemon runs to poll them, see :meth:`SourceRow.line`)."""
    now = now or datetime.now(timezone.utc)
    failing = sum(r.enabled and r.consecutive_failures > 0 for r in rows)
    silent = sum(r.enabled and r.silent_days is not None for r in rows)
    stale = sum(r.enabled and r.stale is not None for r in rows)
    attention = sum(r.needs_attention for r in rows)
    unpolled = sum(r.enabled and not r.polled for r in rows)
    heading = (
        f"Sources ({len(rows)}): {attention} need a look ({failing} failing, {silent} silent for over "
        f"{config.silent_days} days{f', {stale} stale' if stale else ''}){f', {unpolled} not polled yet' if unpolled else ''}; "
        f"items counted for {current_week(config.tz, now)}:"
    )
    return [heading, *(r.line(now, config.tz, scheduled=scheduled) for r in rows)]


def backup_line(run: dict | None, now: datetime, tz: tzinfo, last_ok: dict | None = None) -> str:
    """The last ``monitor backup`` for ``monitor status``: when, and how it went; when it did
    not work, also the last one that did (``last_ok``), the copy there is to restore."""
    if run is None:
        return "none made; `monitor backup DIR/` makes a consistent copy, `monitor restore` puts one back"
    line = f"last {local_time(run['started_at'], tz)} ({run_state(run, now)})"
    if run["outcome"] == "ok" or (last_ok and last_ok["id"] == run["id"]):
        return line
    if last_ok is None:
        return f"{line}; no backup has worked yet"
    return f"{line}; the last that worked: {local_time(last_ok['started_at'], tz)} ({last_ok.get('detail') or 'ok'})"


def run_state(run: dict, now: datetime, host: str | None = None) -> str:
    """A run's outcome and detail as ``monitor status`` shows them (``ok: 3 sources: ...``).

    A run marked running whose process is gone (killed with ``kill -9``, or its machine
    went down) is ``interrupted``: the process is looked for when the run was started on
    this machine (``host``, default this one's name), else the run is taken as interrupted
    once it is older than :data:`RUN_LIMIT`.
    """
    outcome, detail = run["outcome"], run.get("detail")
    if outcome == "running":
        m = _PROCESS.match(detail or "")
        if m and m[2] == (host or socket.gethostname()) and not process_alive(int(m[1])):
            return f"interrupted: its process (pid {m[1]}) ended without recording the end of the run"
        age = now - parse_timestamp(run["started_at"])
        if age > RUN_LIMIT:
            return f"interrupted: marked running for {age.days * 24 + age.seconds // 3600} h, longer than any {run['job']} takes"
    return f"{outcome}: {detail}" if detail else outcome


def process_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs on this machine (another user's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
