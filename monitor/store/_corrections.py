"""An editor's corrections (``monitor correct``), kept in table ``corrections``: of figures
read wrongly, and the editor's verdicts on stories the rules judged wrongly.

Which figure a correction names and what it makes of it, and what an item's relevance is
under a verdict, is decided in :mod:`monitor.corrections`; these methods record a correction
or its undoing, apply a figure's to the stored figure, link the reports of each figure so
touched again, and look up the verdict on each item's story (the items themselves are judged
again by :mod:`monitor.rejudge`). They are part of :class:`monitor.store.Store`.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from .. import corrections as rules
from ..errors import MonitorError
from ..facts import fact_key
from ..models import Fact
from ._rows import as_fact, utcnow


#: The ``undo_reason`` of a correction replaced by a newer one of the same figure or story
#: (which is told as itself), as against one the editor undid (``monitor correct undo``).
REPLACED = "corrected again"


class CorrectionError(MonitorError):
    """A correction that cannot be made or undone, said in words."""


class CorrectionStore:
    """Corrections of figures (mixed into :class:`Store`)."""

    db: Any

    def correct_fact(self, fact_id: int, *, period: str | None = None, value: float | None = None, drop: bool = False, reason: str, by: str) -> dict:
        """Record a correction of the news figure ``fact_id`` (another ``period`` or
        ``value``, or ``drop`` it) and apply it; returns the ``corrections`` row. A figure
        corrected before is corrected again from its reading as found: the earlier
        correction is marked undone by this one."""
        with self.transaction():  # type: ignore[attr-defined]
            f = next(iter(self.db.query("SELECT * FROM facts WHERE id = ?", [fact_id])), None)
            if f is None:
                raise CorrectionError(f"no figure #{fact_id} in the archive (the id is the `id` column of `monitor facts --format csv` or of Datasette's facts table)")
            if f["origin"] != "news":
                raise CorrectionError(f"figure #{fact_id} is SBP's own, read from its workbook: only figures read from the news can be corrected")
            now = utcnow()
            was = {k: f[k] for k in ("series", "unit", "basis", "period", "value", "quote")}
            if f["corrected"]:  # correct the reading as found, not the corrected one
                earlier = self._correction(f["corrected"])
                was = {k: earlier[k] for k in was}
                self.db.execute("UPDATE corrections SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?", [now, by, REPLACED, earlier["id"]])
            row = {
                **was, "item": f["item"], "source": f["source"], "new_period": period, "new_value": value, "dropped": int(drop),
                "reason": reason, "made_by": by, "made_at": now,
            }
            cid = self.db["corrections"].insert(row).last_pk
            self._apply(f, as_fact(was), self._correction(cid))
            return self._correction(cid)

    def correct_story(self, item_id: str, *, relevant: bool, reason: str, by: str) -> tuple[dict, list[str]]:
        """Record the editor's verdict on the story of the item ``item_id`` (the story's own
        id, or any of its items'): ``relevant`` or not, whatever the rules say. Returns the
        ``corrections`` row and the story's items, which the caller judges again
        (:func:`monitor.rejudge.judge_again`) in the same transaction. A verdict in force on
        the story is marked undone by this one; the same verdict again is refused."""
        with self.transaction():  # type: ignore[attr-defined]
            row = self.db.execute(
                "SELECT coalesce(m.cluster_id, i.id) FROM items i LEFT JOIN cluster_members m ON m.item_id = i.id WHERE i.id = ?", [item_id]
            ).fetchone()
            if row is None:
                raise CorrectionError(f"no story or item {item_id!r} in the archive (the id is the `story` column of Datasette's stories view, or an item's `id`)")
            story = row[0]
            items = self.story_items(story)
            primary = self.db.execute("SELECT primary_item FROM clusters WHERE id = ?", [story]).fetchone()
            teller = next(iter(self.db.query(
                "SELECT i.title, coalesce(d.outlet, i.source) AS outlet FROM items i LEFT JOIN dedup_items d ON d.id = i.id"
                " WHERE i.id IN (SELECT value FROM json_each(?)) ORDER BY i.id = ? DESC, i.rowid LIMIT 1",
                [json.dumps(items), primary[0] if primary else story],
            )))
            now = utcnow()
            for earlier in self._story_corrections(items):
                if bool(earlier["relevant"]) == relevant:
                    raise CorrectionError(f"story {story} is already marked {'relevant' if relevant else 'not relevant'} by correction #{earlier['id']} (`monitor correct undo {earlier['id']}` takes that back)")
                self.db.execute("UPDATE corrections SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?", [now, by, REPLACED, earlier["id"]])
            cid = self.db["corrections"].insert({
                "kind": "story", "item": story, "source": teller["outlet"], "quote": teller["title"], "relevant": int(relevant),
                "reason": reason, "made_by": by, "made_at": now,
            }).last_pk
            return self._correction(cid), items

    def story_items(self, story: str) -> list[str]:
        """The items of the story ``story`` (the item itself when it is in no story), oldest first."""
        q = "SELECT m.item_id FROM cluster_members m JOIN items i ON i.id = m.item_id WHERE m.cluster_id = ? ORDER BY i.rowid"
        return [r[0] for r in self.db.execute(q, [story])] or [story]

    def story_verdicts(self, items: Iterable[str]) -> dict[str, bool]:
        """The editor's verdict in force on the story of each of ``items`` that has one:
        relevant or not (:func:`monitor.corrections.relevance`)."""
        q = """
        SELECT m.item_id AS item, c.relevant, c.id FROM cluster_members m
          JOIN cluster_members s ON s.cluster_id = m.cluster_id
          JOIN corrections c ON c.item = s.item_id AND c.kind = 'story' AND c.undone_at IS NULL
          WHERE m.item_id IN (SELECT value FROM json_each(:items))
        UNION
        SELECT c.item, c.relevant, c.id FROM corrections c
          WHERE c.kind = 'story' AND c.undone_at IS NULL AND c.item IN (SELECT value FROM json_each(:items))
        ORDER BY 3
        """
        return {r["item"]: bool(r["relevant"]) for r in self.db.query(q, {"items": json.dumps(list(items))})}

    def _story_corrections(self, items: list[str]) -> list[dict]:
        """The verdicts in force on the story of ``items``."""
        q = "SELECT * FROM corrections WHERE kind = 'story' AND undone_at IS NULL AND item IN (SELECT value FROM json_each(?)) ORDER BY id"
        return list(self.db.query(q, [json.dumps(items)]))

    def undo_correction(self, correction_id: int, *, by: str, reason: str = "") -> dict:
        """Undo the correction ``correction_id``: its figure reads as found again. A verdict on
        a story is only marked undone: the caller judges the story's items again."""
        with self.transaction():  # type: ignore[attr-defined]
            c = self._correction(correction_id)
            if c is None:
                raise CorrectionError(f"no correction #{correction_id} (`monitor correct list` lists them)")
            if c["undone_at"]:
                raise CorrectionError(f"correction #{correction_id} was undone at {c['undone_at']} by {c['undone_by']}")
            self.db.execute("UPDATE corrections SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?", [utcnow(), by, reason or None, correction_id])
            if c["kind"] == "story":
                return self._correction(correction_id)
            touched = {fact_key(as_fact(c))}
            cur = self.db.execute("SELECT id, series, unit, period FROM facts WHERE corrected = ?", [correction_id]).fetchall()
            for fid, series, unit, period in cur:
                touched.add(fact_key(as_fact({"series": series, "unit": unit, "period": period, "value": 0})))
                self.db.execute("UPDATE facts SET period = ?, value = ?, period_key = ?, corrected = NULL WHERE id = ?", [c["period"], c["value"], fact_key(as_fact(c))[2], fid])
            if not cur and c["dropped"]:
                item = self.db.execute("SELECT published, fetched_at, relevant FROM items WHERE id = ?", [c["item"]]).fetchone()
                if item is not None and item[2]:
                    self.db["facts"].insert({
                        "series": c["series"], "period": c["period"], "value": c["value"], "unit": c["unit"], "basis": c["basis"], "quote": c["quote"],
                        "item": c["item"], "source": c["source"], "published": item[0], "found_at": item[1], "period_key": fact_key(as_fact(c))[2],
                    })
            for key in sorted(touched):
                self._relink(*key)  # type: ignore[attr-defined]
            return self._correction(correction_id)

    def corrections(self, *, all: bool = False) -> list[dict]:
        """The corrections in force (with ``all``, the undone ones too), oldest first."""
        where = "" if all else " WHERE undone_at IS NULL"
        return list(self.db.query(f"SELECT * FROM corrections{where} ORDER BY id"))

    def corrections_of(self, items: Iterable[str]) -> dict[str, list[dict]]:
        """The corrections in force of the figures of each of ``items``."""
        out: dict[str, list[dict]] = {}
        q = "SELECT * FROM corrections WHERE kind = 'figure' AND undone_at IS NULL AND item IN (SELECT value FROM json_each(?)) ORDER BY id"
        for c in self.db.query(q, [json.dumps(list(items))]):
            out.setdefault(c["item"], []).append(c)
        return out

    def _correction(self, cid: int) -> dict | None:
        return next(iter(self.db.query("SELECT * FROM corrections WHERE id = ?", [cid])), None)

    def _apply(self, fact: dict, read: Fact, correction: dict) -> None:
        """Make the stored ``fact`` (``read`` so from its item) what ``correction`` makes of
        it, and link the reports again."""
        touched = {(fact["series"], fact["unit"], fact["period_key"] or "")}
        new = rules.corrected(read, correction)
        if new is None:
            self.db.execute("UPDATE facts SET corroborates = NULL WHERE corroborates = ?", [fact["id"]])
            self.db.execute("UPDATE facts SET revises = NULL WHERE revises = ?", [fact["id"]])
            self.db.execute("DELETE FROM facts WHERE id = ?", [fact["id"]])
        else:
            key = fact_key(new)
            touched.add(key)
            self.db.execute("UPDATE facts SET period = ?, value = ?, period_key = ?, corrected = ? WHERE id = ?", [new.period, new.value, key[2], correction["id"], fact["id"]])
        for key in sorted(touched):
            self._relink(*key)  # type: ignore[attr-defined]
