"""Stored items judged again with the rules of now (``monitor rejudge``).

What changed is decided in :mod:`monitor.rejudge`; these methods look up the stored items
with their figures, and write the new judgments, re-linking the reports of each figure
touched (which corroborates or revises which) as if they had been stored so. They are part
of :class:`monitor.store.Store`.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from .. import corrections
from ..facts import fact_key, relations
from ..models import Judgment
from ._rows import as_fact, decode_item, utcnow


class JudgingStore:
    """Judging stored items again (mixed into :class:`Store`)."""

    db: Any

    def count_items_since(self, since: str | None = None) -> int:
        """How many stored items :meth:`items_to_judge` gives for ``since``."""
        where, args = _since(since)
        return self.db.execute(f"SELECT count(*) FROM items{where}", args).fetchone()[0]

    def items_to_judge(self, *, since: str | None = None, after: int = 0, limit: int = 200, ids: Sequence[str] | None = None) -> list[dict]:
        """Up to ``limit`` stored items after the row ``after`` (their ``n``), in the order
        stored, published (else fetched) on or after the date ``since`` when given (only the
        items ``ids``, when given); each with its stored judgment (``topics`` and ``rules``
        lists, ``relevant`` a bool), the figures stored from it (``facts``,
        :class:`~monitor.models.Fact`\\ s, in the order found), the corrections in force of
        those (``corrections``) and the editor's verdict on its story (``verdict``: True,
        False, or None when there is none)."""
        where, args = _since(since)
        if ids is not None:
            where += (" AND" if where else " WHERE") + " id IN (SELECT value FROM json_each(?))"
            args = [*args, json.dumps(list(ids))]
        q = f"""
        SELECT rowid AS n, id, source, title, summary, text, published, fetched_at, week, relevant, score, topics, rules
        FROM items{where}{' AND' if where else ' WHERE'} rowid > ? ORDER BY rowid LIMIT ?
        """
        rows = [decode_item(r) for r in self.db.query(q, [*args, after, limit])]
        facts: dict[str, list] = {r["id"]: [] for r in rows}
        q = """
        SELECT item, series, period, value, unit, quote, published, basis FROM facts
        WHERE origin = 'news' AND item IN (SELECT value FROM json_each(?)) ORDER BY id
        """
        for f in self.db.query(q, [json.dumps(list(facts))]):
            facts[f["item"]].append(as_fact(f))
        fixes = self.corrections_of(facts)  # type: ignore[attr-defined]
        verdicts = self.story_verdicts(facts)  # type: ignore[attr-defined]
        for r in rows:
            r["facts"] = tuple(facts[r["id"]])
            r["corrections"] = tuple(fixes.get(r["id"], ()))
            r["verdict"] = verdicts.get(r["id"])
        return rows

    def save_judgments(self, judgments: Sequence[Judgment]) -> None:
        """Write ``judgments`` in one transaction. An item whose relevance changed records
        when (``items.judged_at``): one found relevant only now, in a week whose digest went
        out before, is not sent as late (:meth:`late_items`). An item whose figures changed
        has them replaced, and the reports of every figure so touched are linked again in the
        order found (:func:`monitor.facts.relations`). The editor's corrections in force
        (:mod:`monitor.corrections`) are applied to the new figures as they are written."""
        now = utcnow()
        with self.transaction():  # type: ignore[attr-defined]
            touched: set[tuple[str, str, str]] = set()
            for j in judgments:
                row = self.db.execute("SELECT source, published, fetched_at FROM items WHERE id = ?", [j.item]).fetchone()
                if row is None:
                    continue  # deleted meanwhile
                source, published, fetched_at = row
                self.db.execute(
                    "UPDATE items SET relevant = ?, score = ?, topics = ?, rules = ?, judged_at = CASE WHEN relevant IS NOT ? THEN ? ELSE judged_at END WHERE id = ?",
                    [int(j.relevant), j.score, json.dumps(list(j.topics), ensure_ascii=False), json.dumps(list(j.rules), ensure_ascii=False), int(j.relevant), now, j.item],
                )
                if j.facts is None:
                    continue
                old = self.db.execute("SELECT series, unit, period_key FROM facts WHERE origin = 'news' AND item = ?", [j.item]).fetchall()
                touched.update((s, u, k or "") for s, u, k in old)
                self.db.execute("DELETE FROM facts WHERE origin = 'news' AND item = ?", [j.item])
                fixes = self.corrections_of([j.item]).get(j.item, [])  # type: ignore[attr-defined]
                for f, correction in corrections.apply(j.facts, fixes):
                    series, unit, key = fact_key(f)
                    touched.add((series, unit, key))
                    self.db["facts"].insert(
                        {"series": f.series, "period": f.period, "value": f.value, "unit": f.unit, "basis": f.basis, "quote": f.quote,
                         "item": j.item, "source": source, "published": published, "found_at": fetched_at, "period_key": key, "corrected": correction}
                    )
            for series, unit, key in sorted(touched):
                self._relink(series, unit, key)

    def _relink(self, series: str, unit: str, key: str) -> None:
        """Link the news reports of one figure again, in the order found."""
        # in the order found: by the item's row (items are stored in the order found, and a
        # row is never moved), then as found in the item
        rows = list(self.db.query(
            "SELECT f.id, f.series, f.period, f.value, f.unit, f.published, f.basis, f.corroborates, f.revises FROM facts f"
            " LEFT JOIN items i ON i.id = f.item"
            " WHERE f.series = ? AND f.unit = ? AND f.period_key = ? AND f.origin = 'news' ORDER BY i.rowid, f.id",
            [series, unit, key],
        ))
        found = relations([(r["id"], as_fact(r)) for r in rows])
        for r in rows:
            kind, target = found[r["id"]] or (None, None)
            now = (target if kind == "corroborates" else None, target if kind == "revises" else None)
            if now != (r["corroborates"], r["revises"]):
                self.db.execute("UPDATE facts SET corroborates = ?, revises = ? WHERE id = ?", [*now, r["id"]])


def _since(since: str | None) -> tuple[str, list[str]]:
    return (" WHERE coalesce(published, fetched_at) >= ?", [since]) if since else ("", [])
