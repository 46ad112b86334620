"""What ``monitor status`` shows: each source's health, read from the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .config import Config
from .store import Store
from .weeks import current_week, parse_timestamp, week_bounds


@dataclass(frozen=True)
class SourceRow:
    name: str
    kind: str
    last_success: str | None
    last_failure: str | None
    last_error: str | None
    last_outcome: str | None
    consecutive_failures: int
    next_attempt: str | None
    items_this_week: int
    silent_days: float | None  # days since the last new item, when over the threshold

    @property
    def needs_attention(self) -> bool:
        return self.consecutive_failures > 0 or self.silent_days is not None or self.last_success is None

    def line(self) -> str:
        mark = "!!" if self.needs_attention else "ok"
        parts = [f"{mark} {self.name} [{self.kind}]", f"last success {_ago(self.last_success)}", f"{self.items_this_week} items this week"]
        if self.consecutive_failures:
            parts.append(f"{self.consecutive_failures} failures in a row, last {_ago(self.last_failure)}: {self.last_outcome}: {self.last_error}")
            parts.append(f"next attempt {self.next_attempt or 'next poll'}")
        if self.silent_days is not None:
            parts.append(f"silent for {self.silent_days:.0f} days")
        return " | ".join(parts)


def _ago(ts: str | None) -> str:
    if not ts:
        return "never"
    delta = datetime.now(timezone.utc) - parse_timestamp(ts)
    if delta < timedelta(minutes=1):
        return "just now"
    if delta < timedelta(hours=1):
        return f"{int(delta.total_seconds() // 60)} min ago"
    if delta < timedelta(days=2):
        return f"{int(delta.total_seconds() // 3600)} h ago"
    return f"{delta.days} days ago"


def source_rows(store: Store, config: Config, now: datetime | None = None) -> list[SourceRow]:
    now = now or datetime.now(timezone.utc)
    start, _ = week_bounds(current_week(config.tz, now), config.tz)
    health = {r["name"]: r for r in store.source_health(start.astimezone(timezone.utc).isoformat())}
    rows = []
    for s in config.sources:
        h = health.get(s.name, {})
        silent = None
        last_new = h.get("last_new_item")
        if h.get("last_success"):
            since = parse_timestamp(last_new) if last_new else None
            days = (now - since).total_seconds() / 86400 if since else None
            if days is None or days > config.silent_days:
                silent = days if days is not None else float(config.silent_days)
        rows.append(
            SourceRow(
                name=s.name,
                kind=s.kind,
                last_success=h.get("last_success"),
                last_failure=h.get("last_failure"),
                last_error=h.get("last_error"),
                last_outcome=h.get("last_outcome"),
                consecutive_failures=h.get("consecutive_failures") or 0,
                next_attempt=h.get("next_attempt"),
                items_this_week=h.get("items_recent") or 0,
                silent_days=silent,
            )
        )
    return rows
