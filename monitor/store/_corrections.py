"""An editor's corrections of figures (``monitor correct``), kept in table ``corrections``.

Which figure a correction names and what it makes of it is decided in
:mod:`monitor.corrections`; these methods record a correction or its undoing, apply it to
the stored figure, and link the reports of each figure so touched again. They are part of
:class:`monitor.store.Store`.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

from .. import corrections as rules
from ..errors import MonitorError
from ..facts import fact_key
from ..models import Fact
from ._rows import as_fact, utcnow


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
                self.db.execute("UPDATE corrections SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?", [now, by, "corrected again", earlier["id"]])
            row = {
                **was, "item": f["item"], "source": f["source"], "new_period": period, "new_value": value, "dropped": int(drop),
                "reason": reason, "made_by": by, "made_at": now,
            }
            cid = self.db["corrections"].insert(row).last_pk
            self._apply(f, as_fact(was), self._correction(cid))
            return self._correction(cid)

    def undo_correction(self, correction_id: int, *, by: str, reason: str = "") -> dict:
        """Undo the correction ``correction_id``: its figure reads as found again."""
        with self.transaction():  # type: ignore[attr-defined]
            c = self._correction(correction_id)
            if c is None:
                raise CorrectionError(f"no correction #{correction_id} (`monitor correct list` lists them)")
            if c["undone_at"]:
                raise CorrectionError(f"correction #{correction_id} was undone at {c['undone_at']} by {c['undone_by']}")
            self.db.execute("UPDATE corrections SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?", [utcnow(), by, reason or None, correction_id])
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
        """The corrections in force of each of ``items``."""
        out: dict[str, list[dict]] = {}
        q = "SELECT * FROM corrections WHERE undone_at IS NULL AND item IN (SELECT value FROM json_each(?)) ORDER BY id"
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
