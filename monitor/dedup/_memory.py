"""A :class:`DedupIndex` held in memory (``monitor dedup`` and the tests)."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ._postings import epoch, Postings
from ._records import Candidate, Cluster, Event, Indexed, Placement


class MemoryIndex:
    """A :class:`DedupIndex` in dictionaries: for one run of ``monitor dedup`` and the tests."""

    def __init__(self) -> None:
        self._items: dict[str, Indexed] = {}
        self._slots: dict[str, int] = {}
        self._ids: list[str] = []
        self._postings = Postings()
        self._exact: dict[int, list[str]] = {}
        self._clusters: dict[str, Cluster] = {}
        self._members: dict[str, list[str]] = {}
        self._events: dict[str, Event] = {}
        self._lines: dict[int, tuple[int, str]] = {}  # key: (stories, last story)

    def get(self, item_id: str) -> Indexed | None:
        return self._items.get(item_id)

    def exact(self, keys: Sequence[int]) -> list[Indexed]:
        found = {i for key in set(keys) for i in self._exact.get(key, ())}
        return [self._items[i] for i in sorted(found, key=self._slots.__getitem__)]

    def candidates(
        self, keys: Sequence[int], since: str | None, until: str | None, *, limit: int | None = None, min_shared: int = 1
    ) -> list[Candidate]:
        span = (None, None) if since is None or until is None else (epoch(since), epoch(until))
        counts = self._postings.lookup(keys, *span, min_shared)
        ranked = sorted(counts, key=lambda s: (-counts[s], s))
        return [Candidate(self._items[self._ids[s]].member, counts[s], self._items[self._ids[s]].fingerprint.published) for s in ranked[:limit]]

    def cluster(self, cluster_id: str) -> Cluster | None:
        return self._clusters.get(cluster_id)

    def event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def line_counts(self, keys: Sequence[int]) -> dict[int, int]:
        return {k: self._lines[k][0] for k in keys if k in self._lines}

    def add(self, placement: Placement) -> None:
        f, member = placement.fingerprint, placement.member
        self._items[f.id] = Indexed(f, member)
        slot = self._slots[f.id] = len(self._ids)
        self._ids.append(f.id)
        for key in set(f.exact_keys):
            self._exact.setdefault(key, []).append(f.id)
        self._postings.add(slot, epoch(f.published) if f.published else None, f.sample)
        self._members.setdefault(member.cluster, []).append(f.id)
        self._clusters[placement.cluster.id] = placement.cluster
        if placement.event:
            self._events[placement.event.id] = placement.event
        for key in placement.lines:
            stories, last = self._lines.get(key, (0, ""))
            if last != member.cluster:
                self._lines[key] = (stories + 1, member.cluster)

    def merge(self, cluster: Cluster, absorbed: Sequence[str], event: Event, absorbed_events: Sequence[str]) -> None:
        for cid in absorbed:
            for item_id in self._members.pop(cid, []):
                indexed = self._items[item_id]
                self._items[item_id] = replace(indexed, member=replace(indexed.member, cluster=cluster.id))
                self._members.setdefault(cluster.id, []).append(item_id)
            self._clusters.pop(cid, None)
        for eid in absorbed_events:
            self._events.pop(eid, None)
        for cid, c in list(self._clusters.items()):
            if c.event in absorbed_events:
                self._clusters[cid] = replace(c, event=event.id)
        self._clusters[cluster.id] = cluster
        self._events[event.id] = event

    def clusters(self) -> list[Cluster]:
        """Every story, in the order they were founded."""
        return list(self._clusters.values())

    def events(self) -> list[Event]:
        """Every event, in the order they were founded."""
        return list(self._events.values())
