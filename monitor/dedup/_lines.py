"""``monitor dedup``: JSON lines in, ``{"id", "cluster", "event"}`` out."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..text import utc_date
from ._assign import assign
from ._memory import MemoryIndex
from ._records import DedupInput


def dedup_lines(lines: Iterable[str], window_days: int = 7) -> Iterator[dict[str, object]]:
    """Place JSON lines ``{"id", "title", "text", "url"?, "published"?}`` in stories and
    events; yield ``{"id", "cluster", "event"}`` for each, in input order, once all are read
    (a later item can show that two stories are one). ``guid``, ``source``, ``lang``,
    ``complete`` (true when ``text`` is the whole article), ``facts`` (a list of fact keys:
    the figures that are the item's news) and ``mentions`` (the keys of its other dated
    figures) are read too.

    Items that share a cluster are one story; the cluster is the id (as a string) of the
    story's first item. Stories that share an event report one happening; the event is the
    id of its first story. A line that is not such an object, or whose id an earlier line
    gave (``7`` and ``"7"`` are one id), yields ``{"id": ..., "error": "..."}``: two items
    under one id would make its cluster and event say nothing; blank lines are skipped.
    """
    index = MemoryIndex()
    results: list[dict[str, object]] = []
    seen: dict[str, int] = {}  # each item's id, as a string, and the line that gave it
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            results.append({"id": None, "error": f"line {number}: not JSON: {e.msg}"})
            continue
        item = _input(obj)
        if isinstance(item, str):
            ident = obj.get("id") if isinstance(obj, dict) else None
            results.append({"id": ident, "error": f"line {number}: {item}"})
            continue
        if item.id in seen:
            results.append({"id": obj["id"], "error": f"line {number}: id {json.dumps(obj['id'], ensure_ascii=False)} was given on line {seen[item.id]} already: each item needs an id of its own"})
            continue
        seen[item.id] = number
        assign(item, index, window_days)
        results.append({"id": obj["id"], "item": item.id})
    for result in results:
        if "item" in result:
            indexed = index.get(str(result.pop("item")))
            story = index.cluster(indexed.member.cluster) if indexed else None
            result["cluster"] = indexed.member.cluster if indexed else None
            result["event"] = (story.event or story.id) if story else None
        yield result


def _input(obj: object) -> DedupInput | str:
    """A :class:`DedupInput` from a decoded JSON line, or what is wrong with it."""
    fit = "expected an object with an id and a string title or text"
    if not isinstance(obj, dict) or type(obj.get("id")) not in (str, int) or obj["id"] == "":
        return fit
    fields = {k: obj.get(k) for k in ("title", "text", "url", "guid", "source", "published", "lang")}
    if not all(v is None or isinstance(v, str) for v in fields.values()) or not (fields["title"] or fields["text"]):
        return fit
    if fields["published"] is not None:
        # (an unreadable date would place the item outside every story's window without a
        # word; a feed's RFC 2822 time and an offset are read as the pipeline reads them)
        published = utc_date(fields["published"])
        if published is None:
            return f"'published' must be a date such as 2025-08-18 or an RFC 2822 time, got {json.dumps(fields['published'], ensure_ascii=False)}"
        fields["published"] = published
    complete = obj.get("complete")
    if complete is not None and not isinstance(complete, bool):
        return "'complete' must be true or false"
    keys = {name: obj.get(name) or [] for name in ("facts", "mentions")}
    for name, value in keys.items():
        if not isinstance(value, list) or not all(isinstance(f, str) for f in value):
            return f"'{name}' must be a list of strings"
    title, text = fields.pop("title") or "", fields.pop("text") or ""
    return DedupInput(id=str(obj["id"]), title=title, text=text, complete=complete, facts=tuple(keys["facts"]), mentions=tuple(keys["mentions"]), **fields)
