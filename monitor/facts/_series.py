"""The series the monitor tracks, their units and plausible values, and when two reports
are the same figure or a revision."""

from __future__ import annotations

from typing import Sequence

from ..models import Fact
from ._periods import canonical_period

SERIES = (
    "it_exports_monthly",
    "it_exports_cumulative",
    "it_exports_annual",
    "freelancer_earnings",
    "freelancer_count",
    "vpn_registrations",
    "ranking",
    "telecom_exports",  # EBOPS 9.1, from SBP's workbook
    "computer_services_exports",  # EBOPS 9.2
    "software_consultancy_exports",  # EBOPS 9.2.2
    "software_exports",  # EBOPS 9.2.4, export of computer software
    "other",
)
UNITS = ("USD_million", "PKR_million", "count", "rank", "percent")

#: Accepted (series, unit) pairs and their plausible value ranges, inclusive: wide enough for
#: the history (monthly IT exports were about $100m in 2019) and a few years of growth, narrow
#: enough to catch a figure off by a thousand ("$1.46 million" where billion was meant).
PLAUSIBLE: dict[tuple[str, str], tuple[float, float]] = {
    ("it_exports_monthly", "USD_million"): (50, 1_000),
    ("it_exports_monthly", "percent"): (-60, 150),
    ("it_exports_cumulative", "USD_million"): (100, 12_000),
    ("it_exports_cumulative", "percent"): (-60, 150),
    ("it_exports_annual", "USD_million"): (500, 15_000),
    ("it_exports_annual", "percent"): (-60, 150),
    ("freelancer_earnings", "USD_million"): (5, 1_500),  # (about $0.56bn a year in FY25: a sector-sized amount is the sector's)
    ("freelancer_earnings", "PKR_million"): (1_000, 1_500_000),
    ("freelancer_earnings", "percent"): (-80, 300),
    ("freelancer_count", "count"): (100_000, 10_000_000),
    ("vpn_registrations", "count"): (10, 5_000_000),
    ("vpn_registrations", "percent"): (-95, 1_000),  # a month's registrations against the month before
    ("ranking", "rank"): (1, 200),
    ("telecom_exports", "USD_million"): (5, 3_000),
    ("computer_services_exports", "USD_million"): (50, 8_000),
    ("software_consultancy_exports", "USD_million"): (10, 4_000),
    ("software_exports", "USD_million"): (5, 3_000),
}

#: How a rate's basis reads next to it: "+24% y/y", "+3% m/m"; a rate of unknown basis has no mark.
BASIS_LABELS = {"yoy": "y/y", "mom": "m/m", "unknown": "", "": ""}

SAME_TOLERANCE = 0.01  # same figure: values within 1%
REVISION_TOLERANCE = 0.03  # revision: more than 1% and at most 3% apart


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def same_basis(a: Fact, b: Fact) -> bool:
    """Whether two rates can be one: a year-on-year rate is never a month-on-month one; a rate
    whose basis is not known may be either."""
    return a.basis == b.basis or a.basis in ("", "unknown") or b.basis in ("", "unknown")


def same_fact(a: Fact, b: Fact) -> bool:
    """Same series, unit, period and growth basis, and values within 1%: one figure, many reports."""
    return (
        a.series == b.series
        and a.unit == b.unit
        and canonical_period(a.period) == canonical_period(b.period)
        and same_basis(a, b)
        and _close(a.value, b.value, SAME_TOLERANCE)
    )


def is_revision(old: Fact, new: Fact) -> bool:
    """Same series, unit and period, values more than 1% and at most 3% apart."""
    return (
        old.series == new.series
        and old.unit == new.unit
        and canonical_period(old.period) == canonical_period(new.period)
        and same_basis(old, new)
        and not _close(old.value, new.value, SAME_TOLERANCE)
        and _close(old.value, new.value, REVISION_TOLERANCE)
    )


def relation(new: Fact, known: Sequence[tuple[int, Fact]]) -> tuple[str, int] | None:
    """How a new report stands to the figures already known: ``("corroborates", id)`` when
    one of them is the same figure, else ``("revises", id)`` for the latest one published no
    later that it revises, else ``None`` (a figure of its own).

    ``known`` is ``(id, fact)`` in the order stored; only figures of the same series, unit
    and period can be either, so a caller need only pass those (the archive looks them up by
    :func:`fact_key`). An undated figure (period ``""``) is never the same as, or a revision
    of, a dated one, and revises nothing: without a period there is nothing to revise.
    """
    for id_, fact in known:
        if same_fact(fact, new):
            return "corroborates", id_
    if not new.period:
        return None  # an undated claim ("2.37 million freelancers") revises nothing
    published = new.published or ""
    older = [id_ for id_, fact in known if is_revision(fact, new) and (fact.published or "") <= published]
    return ("revises", older[-1]) if older else None


def relations(facts: Sequence[tuple[int, Fact]]) -> dict[int, tuple[str, int] | None]:
    """How each of ``facts`` stands to those before it, as :func:`relation` decided when each
    was stored: ``facts`` are the news reports of one series, unit and period in the order
    found, and each is compared with the earlier ones that are no report of another (a
    corroborating report is never the figure others corroborate) and whose values are within
    :func:`related_values` of it, as the archive's lookup gives them. Replaying a series'
    reports so re-links them when some are taken out or added among them (a stored item
    judged again)."""
    found: dict[int, tuple[str, int] | None] = {}
    heads: list[tuple[int, Fact]] = []
    for id_, fact in facts:
        low, high = related_values(fact)
        found[id_] = relation(fact, [(i, f) for i, f in heads if low <= f.value <= high])
        if not found[id_] or found[id_][0] != "corroborates":
            heads.append((id_, fact))
    return found


def related_values(fact: Fact) -> tuple[float, float]:
    """The values a figure the same as, or revised by, ``fact`` can have (within
    :data:`REVISION_TOLERANCE` of it): the archive reads only those."""
    a, b = fact.value * (1 - REVISION_TOLERANCE), fact.value / (1 - REVISION_TOLERANCE)
    return min(a, b), max(a, b)


def fact_key(fact: Fact) -> tuple[str, str, str]:
    """``(series, unit, canonical period)``: the figures that can be one figure share it."""
    return fact.series, fact.unit, canonical_period(fact.period)
