"""A source's fetch state from one poll to the next: the back-off state machine, as a pure function.

:func:`next_state` takes what the archive knew of a source before a fetch (``prior``), what the
fetch came to (:class:`Outcome`) and the time, and returns the source's new :class:`State`:

* a success (``ok`` or ``not_modified``) clears the failures in a row and sets the next attempt
  one interval later; an ``ok`` answer's ETag and Last-Modified are kept for the next
  conditional GET; ``last_new_item`` moves when the fetch gave new items;
* a failure counts one more failure in a row and backs off: the next attempt comes after 1, 2,
  4... intervals, or after the server's ``Retry-After`` when that is longer, never more than
  ``cap`` minutes away; the source is never given up on.

What a failure leaves alone (the last success, the validators, the last new item) is carried
over from ``prior``. The poll cycle reads ``prior`` and writes the result in one transaction
of the archive, so two pollers cannot lose each other's failures. Every kind of source goes
through it alike (feeds, listing pages, SBP's workbook, watched policy pages): for a workbook
the new items are its new and revised figures, for a watched page its new documents, or one
for a change.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta, timezone
from typing import Any

#: Outcomes that count as a success; every other fetch outcome is a failure.
SUCCESS = ("ok", "not_modified")


@dataclass(frozen=True)
class State:
    """What the archive keeps about a source between polls (times are UTC ISO 8601)."""

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

    @classmethod
    def of(cls, row: Any) -> "State":
        """The state held by a record or mapping with these fields (a ``SourceState``, a row)."""
        get = row.get if isinstance(row, dict) else lambda name: getattr(row, name, None)
        values = {f.name: get(f.name) for f in fields(cls)}
        values["consecutive_failures"] = values["consecutive_failures"] or 0
        return cls(**values)


@dataclass(frozen=True)
class Outcome:
    """What one fetch of a source came to."""

    outcome: str  # a fetch outcome: ok, not_modified, timeout, http_5xx, parse_error...
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked to wait, if it said
    etag: str | None = None  # validators of an ``ok`` answer
    last_modified: str | None = None
    new_items: int = 0

    @property
    def success(self) -> bool:
        return self.outcome in SUCCESS


def backoff_minutes(failures: int, interval: float, cap: float, retry_after: float | None = None) -> float:
    """Minutes until the next attempt after ``failures`` failures in a row (1, 2, 3...):
    ``interval`` doubled for each failure after the first, or the server's ``Retry-After``
    (seconds) if longer, at most ``cap``."""
    doubled = interval * 2 ** max(0, failures - 1)
    return min(max(doubled, (retry_after or 0) / 60), cap)


def next_state(prior: State | None, outcome: Outcome, now: datetime, *, interval: float = 60, cap: float = 24 * 60) -> State:
    """The source's state after a fetch that came to ``outcome`` at ``now``.

    ``interval`` is the source's poll interval and ``cap`` the longest back-off, both in
    minutes. ``prior`` is ``None`` for a source never fetched.
    """
    prior = prior or State()
    at = now.astimezone(timezone.utc).replace(microsecond=0)
    stamp = at.isoformat()
    if outcome.success:
        state = replace(
            prior,
            last_attempt=stamp,
            last_success=stamp,
            last_outcome=outcome.outcome,
            consecutive_failures=0,
            next_attempt=(at + timedelta(minutes=interval)).isoformat(),
        )
        if outcome.outcome == "ok":
            state = replace(state, etag=outcome.etag, last_modified=outcome.last_modified)
        if outcome.new_items:
            state = replace(state, last_new_item=stamp)
        return state
    failures = prior.consecutive_failures + 1
    delay = backoff_minutes(failures, interval, cap, outcome.retry_after)
    return replace(
        prior,
        last_attempt=stamp,
        last_failure=stamp,
        last_outcome=outcome.outcome,
        last_error=outcome.error,
        consecutive_failures=failures,
        next_attempt=(at + timedelta(minutes=delay)).isoformat(),
    )
