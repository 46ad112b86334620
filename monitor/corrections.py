"""An editor's corrections of what the monitor read wrongly (``monitor correct``): a figure
read wrongly, and a story the rules judged wrongly.

A figure's correction names a figure as it was read from one item (series, unit, basis, period,
value and quote), and either gives it another period or value, or drops it. It is kept in
the archive (table ``corrections``, with who made it, when and why) and applied whenever
that item's figures are written again (``monitor rejudge``), so the extractor's reading
never comes back; undone, the figure is read as found again.

A story's correction (``kind`` ``story``) is the editor's verdict on a story (a report and its
reprints): not relevant (kept out of the digest and the feeds whatever the rules say) or
relevant (in them whatever the rules say). It holds for every item of the story, those that
join it later included, and ``monitor rejudge`` keeps it (:func:`relevance`).

This module is pure: which figure a correction applies to, what it makes of it, and what an
item's relevance is under the editor's verdict.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from .models import Fact


_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_PERIOD = re.compile(rf"\d{{4}}(?:-(?:0[1-9]|1[0-2]))?|FY(\d{{4}})-(\d\d)(?::(?:Q[1-4]|H[12]|Jul-(?:{_MONTHS})))?")


def valid_period(period: str) -> bool:
    """Whether ``period`` is written as the monitor writes periods (``2025-07``, ``2025``,
    ``FY2024-25``, ``FY2024-25:Q1``, ``FY2024-25:H1``, ``FY2024-25:Jul-Mar``), or empty (undated)."""
    if period == "":
        return True
    m = _PERIOD.fullmatch(period)
    return bool(m) and (m.group(1) is None or (int(m.group(1)) + 1) % 100 == int(m.group(2)))


def matches(correction: dict, fact: Fact) -> bool:
    """Whether ``correction`` (a ``corrections`` row) names ``fact`` as it was read."""
    return (
        correction["series"] == fact.series
        and correction["unit"] == fact.unit
        and (correction["basis"] or "") == (fact.basis or "")
        and (correction["period"] or "") == (fact.period or "")
        and abs(correction["value"] - fact.value) < 1e-9
        and (correction["quote"] or "") == (fact.quote or "")
    )


def corrected_reading(correction: dict) -> tuple[str, float]:
    """The period and value ``correction`` gives the figure it corrects (the reading as found
    where it names no other)."""
    period = correction["period"] if correction["new_period"] is None else correction["new_period"]
    value = correction["value"] if correction["new_value"] is None else correction["new_value"]
    return period, value


def corrected(fact: Fact, correction: dict) -> Fact | None:
    """``fact`` as ``correction`` makes it: ``None`` when it drops it."""
    if correction["dropped"]:
        return None
    period = fact.period if correction["new_period"] is None else correction["new_period"]
    value = fact.value if correction["new_value"] is None else correction["new_value"]
    return replace(fact, period=period, value=value)


def apply(facts: Sequence[Fact], corrections: Sequence[dict]) -> list[tuple[Fact, int | None]]:
    """``facts`` of one item with its ``corrections`` applied, each with the id of the
    correction that changed it (``None`` for a figure as read); a dropped one is left out."""
    out: list[tuple[Fact, int | None]] = []
    for fact in facts:
        c = next((c for c in corrections if matches(c, fact)), None)
        if c is None:
            out.append((fact, None))
        elif (new := corrected(fact, c)) is not None:
            out.append((new, c["id"]))
    return out


def relevance(judged: bool, verdict: bool | None) -> bool:
    """An item's relevance: the editor's ``verdict`` on its story when there is one in force,
    else as the rules ``judged`` it."""
    return judged if verdict is None else verdict


def describe(correction: dict) -> str:
    """``it_exports_monthly 2025-07 354 -> 2025-06 338`` or ``... dropped``; for a story,
    ``story 0123abcd4567ef89 not relevant``."""
    if correction.get("kind") == "story":
        return f"story {correction['item']} {'relevant' if correction['relevant'] else 'not relevant'}"

    def value(v: float) -> str:
        return f"{v:,.3f}".rstrip("0").rstrip(".")

    was = f"{correction['series']} {correction['period'] or 'undated'} {value(correction['value'])}"
    if correction["dropped"]:
        return f"{was} dropped"
    period, new_value = corrected_reading(correction)
    return f"{was} -> {period or 'undated'} {value(new_value)}"
