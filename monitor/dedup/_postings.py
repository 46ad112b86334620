"""The in-memory index of sampled keys over the time window."""

from __future__ import annotations

from array import array
from collections import Counter
from datetime import datetime
from typing import Iterable

import numpy as np

from ._params import COMMON_KEY_ITEMS


#: A posting list this long is a common key for good: it is no longer kept.
_COMMON = -1


class Postings:
    """The sampled keys of indexed items, in memory: key -> the items that have it.

    Items are slots (small integers) with a publication time (epoch seconds; undated items
    apart). A key found on more than ``4 * COMMON_KEY_ITEMS`` items is dropped for good (it
    would be skipped by every lookup). :meth:`evict` forgets items published before a time,
    so an index of the last weeks stays the same size however large the archive grows."""


    def __init__(self, *, held: bool = False) -> None:
        self.held = held
        self._keys: dict[int, int | list[int]] = {}
        self._when: dict[int, float | None] = {}
        self._sample: dict[int, array] = {}  # 8 bytes a key, not an int object and a pointer

    def __len__(self) -> int:
        return len(self._when)

    def __contains__(self, slot: int) -> bool:
        return slot in self._when

    def add(self, slot: int, when: float | None, keys: Iterable[int]) -> None:
        if slot in self._when:  # a slot used again: forget what it held
            self.remove(slot)
        self._when[slot] = when
        sample = array("q", set(keys))
        self._sample[slot] = sample
        table, longest = self._keys, 4 * COMMON_KEY_ITEMS
        for key, have in zip(sample, map(table.get, sample)):
            if have is None:
                table[key] = slot
            elif type(have) is int:
                if have != _COMMON:
                    table[key] = [have, slot]
            elif len(have) >= longest:
                table[key] = _COMMON
            else:
                have.append(slot)

    def remove(self, slot: int) -> None:
        table = self._keys
        for key in self._sample.pop(slot, ()):
            have = table.get(key)
            if have == slot:
                del table[key]
            elif isinstance(have, list):
                if slot in have:
                    have.remove(slot)
                if len(have) == 1:
                    table[key] = have[0]
        self._when.pop(slot, None)

    def evict(self, before: float) -> None:
        """Forget the dated items published before ``before``: each of their keys' lists is
        filtered once."""
        gone = {s for s, when in self._when.items() if when is not None and when < before}
        if not gone:
            return
        table = self._keys
        for key in {k for s in gone for k in self._sample[s]}:
            have = table.get(key)
            if have is None or have == _COMMON:
                continue
            if type(have) is int:
                if have in gone:
                    del table[key]
                continue
            kept = [s for s in have if s not in gone]
            if not kept:
                del table[key]
            else:
                table[key] = kept[0] if len(kept) == 1 else kept
        for s in gone:
            del self._when[s], self._sample[s]

    def lookup(self, keys: Iterable[int], since: float | None, until: float | None, min_shared: int = 1) -> Counter[int]:
        """For each item sharing at least ``min_shared`` keys with ``keys`` and published in
        ``[since, until]`` (``None``: undated items), how many; keys on more than
        :data:`COMMON_KEY_ITEMS` such items are skipped. With ``held=True`` a key is counted
        as common when it is on more than :data:`COMMON_KEY_ITEMS` of the items held (the
        caller holds about the window), which spares looking at the time of every item of a
        long list."""
        when, table, undated = self._when, self._keys, since is None or until is None
        hits: list[int] = []
        append, extend, whole = hits.append, hits.extend, self.held or undated
        for have in map(table.get, set(keys)):
            if have is None:
                continue
            if type(have) is int:
                if have != _COMMON:
                    append(have)
            elif whole and len(have) <= COMMON_KEY_ITEMS:
                extend(have)
            elif len(have) <= 2 * COMMON_KEY_ITEMS and not self.held:
                if undated:
                    found = [s for s in have if when[s] is None]
                else:
                    found = [s for s in have if (w := when[s]) is not None and since <= w <= until]
                if len(found) <= COMMON_KEY_ITEMS:
                    hits.extend(found)
        if not hits:
            return Counter()
        # most items share a key or two by chance: count them all at once, look at the few left
        slots, shared = np.unique(np.array(hits, dtype=np.int64), return_counts=True)
        chosen = shared >= min_shared
        pairs = zip(slots[chosen].tolist(), shared[chosen].tolist())
        if undated:
            return Counter({s: c for s, c in pairs if when[s] is None})
        return Counter({s: c for s, c in pairs if (w := when[s]) is not None and since <= w <= until})


def epoch(when: str) -> float:
    """An ISO 8601 UTC time in epoch seconds."""
    return datetime.fromisoformat(when).timestamp()
