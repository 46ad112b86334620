"""Official figures beside the news: the decisions, as pure functions.

Official figures come from a publisher's own file (SBP's trade in services workbook, read by
:mod:`monitor.sbp`); news figures from articles (:mod:`monitor.facts`). They are stored in
the same ``facts`` table with a different ``origin`` and never corroborate or revise each
other: a newspaper that misprints SBP's figure does not revise it.

* :func:`relation`: what a value read from an official file is, given the value stored last
  for the same series, unit, period and source: new, the same, the same value with a new
  status (provisional to revised), or a revision (stored as a new row pointing at the old).
* :func:`agrees`: whether a news figure agrees with the official value of its period
  (within :data:`AGREE_TOLERANCE`, the tolerance that makes two reports one figure), and
  :func:`growth_agrees`: whether a reported growth rate agrees with the one the official
  values give (within :data:`GROWTH_TOLERANCE` percentage points: "24%" for 23.8%).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .facts import SAME_TOLERANCE
from .models import OfficialFact

#: A news figure agrees with the official value when within 1% of it (``$354m`` for 354.33).
AGREE_TOLERANCE = SAME_TOLERANCE
#: A reported growth rate agrees with the official one within a percentage point.
GROWTH_TOLERANCE = 1.0
#: Official values are US$ thousands: two readings closer than half a thousand are one value.
SAME_VALUE = 0.0005  # USD_million

Relation = Literal["new", "same", "restated", "revises"]


@dataclass(frozen=True)
class Stored:
    """The value stored last for one series, unit, period and source."""

    id: int
    value: float
    status: str


def relation(new: OfficialFact, current: Stored | None) -> tuple[Relation, int | None]:
    """How a value just read stands to the value stored last for its period:

    * ``("new", None)``: the period was never read: store it;
    * ``("same", id)``: the same value and status: nothing to store;
    * ``("restated", id)``: the same value under a new status (SBP marked its provisional
      figure revised without changing it): update the status;
    * ``("revises", id)``: a different value: store it as a revision of ``id``, however
      large the change (SBP's revisions of a provisional month can be several percent).
    """
    if current is None:
        return "new", None
    if abs(new.value - current.value) >= SAME_VALUE:
        return "revises", current.id
    if (new.status or "") != (current.status or ""):
        return "restated", current.id
    return "same", current.id


def agrees(reported: float, official: float) -> bool:
    """Whether a reported figure agrees with the official value (within 1%)."""
    return abs(reported - official) <= AGREE_TOLERANCE * max(abs(reported), abs(official))


def growth_agrees(reported: float, official: float) -> bool:
    """Whether a reported growth rate (percent) agrees with the official one."""
    return abs(reported - official) <= GROWTH_TOLERANCE
