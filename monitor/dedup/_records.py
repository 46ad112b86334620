"""What goes in and out of deduplication: inputs, fingerprints, members, stories, events, and
the :class:`DedupIndex` protocol."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol, Sequence

import numpy as np

from ._params import FULL_TEXT_WORDS
from ._text import _positions


@dataclass(frozen=True)
class DedupInput:
    """What deduplication needs to know about one item.

    ``source`` is the configured source name. ``published`` is an ISO 8601 time; the pipeline
    passes the fetch time when the item has none, because an undated item is only compared
    with undated ones. For an item found through Google News, ``title`` is the feed's
    ``Headline - Outlet``: the outlet named there is matched with the other items' sites.
    ``facts`` are the keys of the dated figures the analysis found in the item, news
    figures only (``series|period|value|unit``, and ``|basis`` after a growth rate's, see
    :func:`monitor.pipeline.fact_key`): reports sharing one are reports of one data release.
    ``mentions`` are the keys of its other dated figures when its lead gives figures of its
    own but none is news (the pipeline leaves them out otherwise): such an item that gives
    another report's news carries it as a brief.
    """

    id: str
    title: str
    text: str = ""
    url: str | None = None
    canonical_url: str | None = None
    guid: str | None = None
    source: str | None = None
    published: str | None = None
    lang: str | None = None
    aggregated: bool = False  # found through an aggregator (Google News) whose links hide the article
    #: Whether ``text`` is the whole article (``True``), only a feed's teaser (``False``), or
    #: not known (``None``: fewer than :data:`FULL_TEXT_WORDS` words is taken for a teaser).
    complete: bool | None = None
    facts: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fingerprint:
    """What the index keeps about an item: its keys, shingles, words and figures."""

    id: str
    published: str | None  # UTC, ``YYYY-MM-DDTHH:MM:SS+00:00``
    script: str
    lang: str | None
    outlet: str  # the outlet's name as readers know it: the source, or Google News' outlet
    site: str  # host of the canonical URL; "" for redirect links and items without a URL
    redirect: bool  # arrived through an opaque Google News link
    url_key: int | None
    guid_key: int | None
    title_key: int | None
    words: int  # words of text (boilerplate lines left out), the title not counted
    packed_shingles: bytes  # low 32 bits of each distinct shingle hash, little-endian, sorted
    sequence: tuple[int, ...] = ()  # content words in order, the title's first; empty in old archives
    sample: tuple[int, ...] = ()  # index keys, the MOD-m samples and fact keys, sorted
    complete: bool | None = None  # :attr:`DedupInput.complete`
    head: int = 0  # how many of ``sequence`` come from the title
    figures: tuple[int, ...] = ()  # :func:`figures` of the text
    facts: tuple[int, ...] = ()  # CRC-32 of the fact keys, sorted
    mentions: tuple[int, ...] = ()  # CRC-32 of :attr:`DedupInput.mentions`, sorted
    #: How many of ``sequence`` (the title's included) make the text's first section, when a
    #: later section tells another story (see :func:`~monitor.dedup._fingerprint.first_section`);
    #: 0 when the text is one section (and in older archives).
    section: int = 0
    #: CRC-32 of each heading of the text's entries, in text order (see
    #: :func:`~monitor.dedup._fingerprint.entry_headings`): a listing's entries; empty when the
    #: text has no headings (and in older archives).
    entries: tuple[int, ...] = ()

    @cached_property
    def shingles(self) -> frozenset[int]:
        """The low 32 bits of each shingle hash, as a set (made when first asked for)."""
        return frozenset(np.frombuffer(self.packed_shingles, dtype="<u4").tolist())

    @property
    def shingle_count(self) -> int:
        """How many distinct shingles the item has."""
        return len(self.packed_shingles) // 4

    def shared_shingles(self, other: Fingerprint) -> int:
        """How many shingles this item and ``other`` have in common: each one's packed hashes
        looked up in the other's (a binary search, as both are sorted), so that no set is
        made; as sets when either is not sorted."""
        mine, theirs = self._sorted_shingles, other._sorted_shingles
        if mine is None or theirs is None:
            return len(self.shingles.intersection(np.frombuffer(other.packed_shingles, dtype="<u4").tolist()))
        if not len(mine) or not len(theirs):
            return 0
        if len(theirs) > len(mine):
            mine, theirs = theirs, mine
        at = np.searchsorted(mine, theirs)
        at[at == len(mine)] = 0
        return int(np.count_nonzero(mine[at] == theirs))

    @cached_property
    def _sorted_shingles(self) -> np.ndarray | None:
        """The packed hashes as an array, or ``None`` when they are not sorted (an item
        compared with several others is looked at once)."""
        packed = np.frombuffer(self.packed_shingles, dtype="<u4")
        return packed if _increasing(packed) else None

    @cached_property
    def positions(self) -> dict[int, int]:
        """:func:`_positions` of :attr:`sequence` (made when first compared)."""
        return _positions(self.sequence)

    @property
    def full(self) -> bool:
        """Whether the item has the whole article, not just a teaser."""
        if not self.words:
            return False
        return self.complete if self.complete is not None else self.words >= FULL_TEXT_WORDS

    @property
    def exact_keys(self) -> tuple[int, ...]:
        return tuple(k for k in (self.url_key, self.guid_key, self.title_key) if k is not None)

    @property
    def body(self) -> tuple[int, ...]:
        """The content words of the text, the title's left out."""
        return self.sequence[self.head :]

    def lead_positions(self, length: int) -> dict[int, int]:
        """:func:`_positions` of the first ``length`` words of :attr:`body` (kept for the
        next comparison of this item)."""
        kept = self.__dict__.setdefault("_leads", {})
        if length not in kept:
            kept[length] = _positions(self.body[:length])
        return kept[length]


def _increasing(values: np.ndarray) -> bool:
    """Whether ``values`` are sorted with no value twice."""
    return len(values) < 2 or bool((values[1:] > values[:-1]).all())


@dataclass(frozen=True)
class Member:
    """An item's place in a story: its cluster, how it got there and how closely."""

    item: str
    cluster: str
    reason: str  # one of REASONS
    score: float = 1.0  # for "text", the share of the later item found in the earlier; else 1


@dataclass(frozen=True)
class Indexed:
    """An item in the index: its fingerprint and its membership."""

    fingerprint: Fingerprint
    member: Member


@dataclass(frozen=True)
class Candidate:
    """An indexed item found by its sampled keys: its membership, how many keys it shares
    with the item looked up, and when it was published."""

    member: Member
    shared: int
    published: str | None = None


@dataclass(frozen=True)
class Cluster:
    """A story: its primary item (the earliest of the most complete), span, outlets, and
    the event it belongs to, how it joined it and how closely."""

    id: str
    primary_item: str
    first_seen: str | None
    last_seen: str | None
    outlets: tuple[str, ...]
    size: int
    event: str = ""  # the event; the story's own id when it founded one ("" before events)
    event_reason: str = "first"  # one of EVENT_REASONS
    event_score: float = 1.0  # the share of figures or of words shared with the event's founder


@dataclass(frozen=True)
class Event:
    """The independent reports of one happening: ``id`` is the id of the story that founded
    it (new stories are compared with its representatives), ``stories`` how many it has."""

    id: str
    first_seen: str | None
    stories: int


@dataclass(frozen=True)
class Placement:
    """Everything :func:`assign` writes for a new item, in one step: the item's fingerprint
    and story membership, its story as it now is, its event when that is new or gained a
    story, and the item's line keys to count."""

    fingerprint: Fingerprint
    member: Member
    cluster: Cluster
    event: Event | None = None
    lines: tuple[int, ...] = ()


class DedupIndex(Protocol):
    """Where fingerprints, stories and events live: in memory, or in the SQLite archive."""

    def get(self, item_id: str) -> Indexed | None:
        """The indexed item with this id, if any."""

    def exact(self, keys: Sequence[int]) -> list[Indexed]:
        """Items with any of these exact keys (URL, GUID, headline), whenever published."""

    def candidates(
        self, keys: Sequence[int], since: str | None, until: str | None, *, limit: int | None = None, min_shared: int = 1
    ) -> list[Candidate]:
        """Items sharing at least ``min_shared`` of the sampled ``keys``, published in
        ``[since, until]`` (``None``: undated items only), those sharing most keys first,
        then the earliest indexed; at most ``limit``. Keys found on more than
        :data:`COMMON_KEY_ITEMS` items in that range are skipped."""

    def cluster(self, cluster_id: str) -> Cluster | None:
        """The story with this id, with its event, if any."""

    def event(self, event_id: str) -> Event | None:
        """The event with this id, if any."""

    def line_counts(self, keys: Sequence[int]) -> dict[int, int]:
        """For each of these line keys seen before, the number of stories it appeared in."""

    def add(self, placement: Placement) -> None:
        """Index a new item, save its story and event and count its lines, atomically."""

    def merge(self, cluster: Cluster, absorbed: Sequence[str], event: Event, absorbed_events: Sequence[str]) -> None:
        """Move the members of the stories ``absorbed`` into ``cluster`` (saved as given) and
        drop them; move the stories of the events ``absorbed_events`` into ``event`` (saved
        as given) and drop those events; atomically."""
