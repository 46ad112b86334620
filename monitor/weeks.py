"""ISO weeks in the configured timezone (default Asia/Karachi).

A week is written ``2025-W34``; it runs Monday 00:00 to the next Monday 00:00 local time.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_timestamp(value: str, tz: tzinfo = timezone.utc) -> datetime:
    """An ISO 8601 date or datetime as an aware datetime; a naive one is taken in ``tz``
    (UTC by default: the archive stores UTC)."""
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return dt if dt.tzinfo else dt.replace(tzinfo=tz)


def local_time(stamp: str | None, tz: tzinfo) -> str | None:
    """A stored UTC time as its readers' time (``2025-08-25 08:00 PKT``), as ``monitor
    status`` gives every other time; ``None`` stays ``None``."""
    if not stamp:
        return stamp
    try:
        return parse_timestamp(stamp).astimezone(tz).strftime("%Y-%m-%d %H:%M %Z")
    except ValueError:
        return stamp


def in_timezone(stamp: str | None, tz: tzinfo) -> str | None:
    """A publication time (ISO 8601; UTC as feeds are read and the archive stores them, or
    naive, taken in ``tz``) as the same moment in ``tz``, as its readers dated it: an article
    of 1 September, 00:30 in Pakistan is of 1 September, not of 31 August (UTC). A bare date,
    ``None`` and a stamp that is not ISO 8601 stay as they are."""
    if not stamp or len(stamp) <= 10:
        return stamp
    try:
        return parse_timestamp(stamp, tz).astimezone(tz).isoformat()
    except ValueError:
        return stamp


def iso_week(value: str | datetime, tz: ZoneInfo) -> str:
    """The ISO week, in ``tz``, of a timestamp. A bare date is taken as that local day, and a
    time without an offset as a local time."""
    if isinstance(value, str) and len(value) == 10:
        day = date.fromisoformat(value)
    else:
        dt = parse_timestamp(value, tz) if isinstance(value, str) else value
        day = (dt if dt.tzinfo else dt.replace(tzinfo=tz)).astimezone(tz).date()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


#: The years a week may be in: a digest also reads the weeks and months before and after its
#: own, which Python's dates cannot hold at either end of their range.
MIN_YEAR, MAX_YEAR = 1900, 9998


def check_week(week: str) -> str:
    """Validate ``YYYY-Www``; raise ValueError with a helpful message."""
    m = _WEEK.match(week or "")
    if not m:
        raise ValueError(f"not an ISO week: {week!r} (expected e.g. 2025-W34)")
    year, num = int(m[1]), int(m[2])
    if not MIN_YEAR <= year <= MAX_YEAR:  # a digest reads the weeks and months around its own
        raise ValueError(f"{year:04d} is out of range: the year must be between {MIN_YEAR} and {MAX_YEAR}")
    try:
        date.fromisocalendar(year, num, 1)
    except ValueError:
        raise ValueError(f"{year} has no week {num}") from None
    return week


def week_bounds(week: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of a week, as aware local datetimes."""
    check_week(week)
    year, num = int(week[:4]), int(week[6:])
    monday = date.fromisocalendar(year, num, 1)
    start = datetime.combine(monday, time(0), tz)
    return start, datetime.combine(monday + timedelta(days=7), time(0), tz)


def shift_week(week: str, weeks: int) -> str:
    check_week(week)
    monday = date.fromisocalendar(int(week[:4]), int(week[6:]), 1) + timedelta(weeks=weeks)
    year, num, _ = monday.isocalendar()
    return f"{year}-W{num:02d}"


def current_week(tz: ZoneInfo, now: datetime | None = None) -> str:
    return iso_week(now or datetime.now(timezone.utc), tz)


def last_completed_week(tz: ZoneInfo, now: datetime | None = None) -> str:
    return shift_week(current_week(tz, now), -1)


#: The years :func:`week_rows` covers: every week the archive can meet, with room to spare.
WEEK_YEARS = (2000, 2099)


def week_rows(tz: ZoneInfo, years: tuple[int, int] = WEEK_YEARS) -> list[tuple[str, str, str]]:
    """``(week, starts, ends)`` for every ISO week of ``years`` (inclusive), its bounds in
    ``tz`` written as UTC ISO 8601, for SQL that cannot convert timezones."""
    rows = []
    monday = date.fromisocalendar(years[0], 1, 1)
    start = datetime.combine(monday, time(0), tz).astimezone(timezone.utc)
    while monday.isocalendar()[0] <= years[1]:
        year, num, _ = monday.isocalendar()
        monday += timedelta(days=7)
        end = datetime.combine(monday, time(0), tz).astimezone(timezone.utc)
        rows.append((f"{year}-W{num:02d}", start.isoformat(), end.isoformat()))
        start = end
    return rows
