"""How the archive's rows read as the monitor's values, for every part of the store."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from ..models import Fact


def utcnow() -> str:
    """Now, in UTC, to the second: how the archive writes times."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def as_fact(row: dict) -> Fact:
    """A ``facts`` row (any of its columns beside series, value and unit may be missing)."""
    return Fact(
        series=row["series"],
        period=row.get("period") or "",
        value=row["value"],
        unit=row["unit"],
        quote=row.get("quote") or "",
        published=row.get("published"),
        basis=row.get("basis") or "",
    )


def decode_item(row: dict) -> dict:
    """An ``items`` row with ``topics`` and ``rules`` as lists and ``relevant`` a bool."""
    row = dict(row)
    for key in ("topics", "rules"):
        row[key] = json.loads(row[key]) if row.get(key) else []
    row["relevant"] = bool(row.get("relevant"))
    return row
