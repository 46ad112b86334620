"""Watched pages in the archive: their versions, a drastic change waiting for confirmation,
and what the feeds read.

What counts as a change is decided in :mod:`monitor.watch`; these methods only look up and
write. They are part of :class:`monitor.store.Store`.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from ..privacy import redact_url, without_login


class PageStore:
    """The ``page_versions`` and ``page_pending`` tables (mixed into :class:`Store`)."""

    db: Any

    def last_page_version(self, source: str) -> dict | None:
        """The newest stored version of a watched page, its JSON columns decoded."""
        rows = list(self.db.query("SELECT * FROM page_versions WHERE source = ? ORDER BY version DESC LIMIT 1", [source]))
        return _decode(rows[0]) if rows else None

    def last_page_version_elsewhere(self, urls: Sequence[str], *, not_of: Sequence[str]) -> dict | None:
        """The newest stored version of the page at one of ``urls`` (the address the watch
        list gives, or where it led) under a source name not in ``not_of``: the page as it was
        watched before its source was renamed. ``None`` when there is none."""
        q = """
        SELECT pv.* FROM page_versions pv LEFT JOIN sources s ON s.name = pv.source
        WHERE (pv.url IN (SELECT value FROM json_each(:urls)) OR s.url IN (SELECT value FROM json_each(:urls)))
          AND pv.source NOT IN (SELECT value FROM json_each(:names))
        ORDER BY pv.fetched_at DESC, pv.id DESC LIMIT 1
        """
        rows = list(self.db.query(q, {"urls": json.dumps([redact_url(u) for u in urls]), "names": json.dumps(list(not_of), ensure_ascii=False)}))
        return _decode(rows[0]) if rows else None

    def page_versions(self, source: str) -> list[dict]:
        """Every version of a watched page, oldest first."""
        return [_decode(r) for r in self.db.query("SELECT * FROM page_versions WHERE source = ? ORDER BY version", [source])]

    def save_page_version(self, row: dict) -> tuple[int, int]:
        """Store a new version of a page as the one after its newest; return ``(id, version)``.

        JSON-ready values (lists and dicts) are stored as JSON text; the page's address
        without the secrets it may carry (:func:`monitor.privacy.redact_url`), and its
        document links without the login they took from it (:func:`monitor.privacy.without_login`).
        """
        row = {**row, "url": redact_url(row["url"])} if "url" in row else row
        row = {**row, **{k: _without_logins(row[k]) for k in ("links", "changes") if isinstance(row.get(k), list)}}
        row = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else v for k, v in row.items()}
        with self.transaction():  # type: ignore[attr-defined]
            (last,) = self.db.execute("SELECT coalesce(max(version), 0) FROM page_versions WHERE source = ?", [row["source"]]).fetchone()
            row["version"] = last + 1
            pk = self.db["page_versions"].insert(row).last_pk
        return pk, row["version"]

    def week_page_changes(self, week: str) -> list[dict]:
        """The changes (not first versions) found in ``week``, oldest first."""
        q = "SELECT * FROM page_versions WHERE week = ? AND kind = 'change' ORDER BY fetched_at, id"
        return [_decode(r) for r in self.db.query(q, [week])]

    def recent_page_changes(self, limit: int) -> list[dict]:
        """The newest ``limit`` changes of any watched page, newest first."""
        q = "SELECT * FROM page_versions WHERE kind = 'change' ORDER BY fetched_at DESC, id DESC LIMIT ?"
        return [_decode(r) for r in self.db.query(q, [limit])]

    def page_pending(self, source: str) -> dict | None:
        rows = list(self.db.query("SELECT * FROM page_pending WHERE source = ?", [source]))
        return rows[0] if rows else None

    def set_page_pending(self, source: str, hash: str, seen_at: str, reason: str) -> None:
        with self.transaction():  # type: ignore[attr-defined]
            self.db["page_pending"].upsert({"source": source, "hash": hash, "seen_at": seen_at, "reason": reason}, pk="source")

    def clear_page_pending(self, source: str) -> None:
        with self.transaction():  # type: ignore[attr-defined]
            self.db.execute("DELETE FROM page_pending WHERE source = ?", [source])

    def items_by_id(self, ids: Sequence[str]) -> dict[str, dict]:
        """Some items (title, URL, summary, relevance, extraction), by id."""
        ids = list(dict.fromkeys(ids))
        if not ids:
            return {}
        q = f"SELECT id, source, url, title, summary, text, relevant, score, topics, extraction FROM items WHERE id IN ({','.join('?' * len(ids))})"
        return {r["id"]: r for r in self.db.query(q, ids)}

    # ------------------------------------------------------------------ feeds

    def feed_items(self, limit: int, topic: str | None = None) -> list[dict]:
        """The newest ``limit`` relevant items by first-seen time (of one ``topic``), each with
        its story cluster, the cluster's primary item and its outlet as the dedup index knows it."""
        where = "i.relevant = 1" + (" AND i.id IN (SELECT item FROM item_topics WHERE topic = :topic)" if topic else "")
        q = f"""
        SELECT i.id, i.source, i.url, i.title, i.summary, i.text, i.published, i.fetched_at, i.topics, i.score, i.lang,
               m.cluster_id, c.primary_item, d.outlet
        FROM items i
        LEFT JOIN cluster_members m ON m.item_id = i.id
        LEFT JOIN clusters c ON c.id = m.cluster_id
        LEFT JOIN dedup_items d ON d.id = i.id
        WHERE {where}
        ORDER BY i.fetched_at DESC, i.id DESC LIMIT :limit
        """
        rows = []
        for r in self.db.query(q, {"limit": limit, "topic": topic}):
            r = dict(r)
            r["topics"] = json.loads(r["topics"]) if r.get("topics") else []
            rows.append(r)
        return rows


_JSON_COLUMNS = ("links", "changes", "topics", "rules", "facts")


def _without_logins(records: list) -> list:
    """``links`` or ``changes`` records with each ``url`` without its login."""
    return [{**r, "url": without_login(r["url"])} if isinstance(r, dict) and r.get("url") else r for r in records]


def _decode(row: dict) -> dict:
    row = dict(row)
    for key in _JSON_COLUMNS:
        if row.get(key):
            row[key] = json.loads(row[key])
        else:
            row[key] = []
    row["relevant"] = bool(row.get("relevant"))
    return row
