"""Deduplication and story clustering: each story once, with every outlet that ran it.

One SBP release or PTA statement becomes 10-30 articles within two days, in English and Urdu,
mostly wire copy reprinted with a new intro, cuts and edits. :func:`assign` puts each item in a
story cluster. It is pure logic over a :class:`DedupIndex`: :class:`MemoryIndex` here (for
``monitor dedup`` and the tests), :class:`monitor.store.SqliteDedupIndex` in the archive.

Two layers decide whether a new item joins an earlier one's story:

**Exact.** The same canonical URL (:func:`monitor.canonical.canonical_url`), the same feed GUID
of the same source, or, for items that arrive through opaque Google News links, the same
headline from the same outlet. URL and GUID are identities and ignore the time window.

**Near-duplicate.** Text reuse runs one way: a reprint is taken from an item published
before it. So the *later* of two items (by publication time; the item being placed, on a tie)
is looked for in the earlier one, never the reverse. Two full-text items are one story when

1. at least :data:`CONTAINMENT` (half) of the later item's word bigrams ("shingles", hashed)
   are in the earlier one: wire copy with a new intro, cut to its first paragraphs, lightly
   edited; or
2. at least :data:`ORDERED` (a third) of the later item's content words (the words left after
   a fixed list of Urdu and English function words, lone letters and bare numbers) appear in
   the earlier one *in the same order*: their longest common subsequence. A desk that retells
   the wire in its own words breaks most word pairs, but its story still runs through the
   wire's names, figures and terms in the wire's order. An independent report of the same
   event shares many of those words, but tells them in an order of its own and brings words
   of its own; and a long report built around a short earlier item, quoting it whole, is
   mostly not found in it.

Both need at least :data:`MIN_SHARED` shingles or words in common, about a sentence. On COUNTER
(600 hand-labelled Urdu pairs, ``bench/dedup_ceiling.py``), with each measure's threshold set
to group 5% of the independent reports, the later item's content words in order group 94% of
the retellings, the same words with order ignored 90%, and symmetric measures of how alike
two stories are (TF-IDF cosine, shared words, character n-grams) at most 78%.
Items with only a title and a teaser (:attr:`DedupInput.complete` false, or not known and under
:data:`FULL_TEXT_WORDS` words, about the 300 characters of a feed summary) need
:data:`SHORT_CONTAINMENT` of the shorter item and :data:`MIN_SHARED` shingles in common, and
items with no text at all never match on text: a shared headline ("CITY PULSE", a recurring
column) is not a story. Items in different scripts (an English and an Urdu report of one
event) or with different known languages never merge: they are translations, not reprints,
and the digest lists them apart.

**Why this fingerprint.** The candidate index uses a MinHash-family sketch: Broder's MOD-m
sample (Broder 1997, "On the resemblance and containment of documents"), the shingles whose
hash is 0 modulo :data:`SAMPLE_MODULUS`. The fixed-size MinHash sketch (the k smallest hashes,
queried through LSH bands) estimates resemblance only, so it loses exactly the pairs that
matter here: a 60-word cut of a 400-word wire story has a Jaccard of 0.15 but a containment
of 1. A MOD-m sample is a consistent uniform sample of each item's shingles, so two items share
about ``|A ∩ B| / m`` sampled shingles whatever their lengths, and a shared passage shows up
as shared keys. SimHash estimates the cosine of whole documents and moves with every added
intro or cut paragraph; it cannot find containment either. Each sampled shingle is one
``(week, key, published, item)`` row of the index (exact keys, URL, GUID and headline, are
kept apart and found at any time); a new item looks up its own keys within the time
window, skips keys so common that they name no story (:data:`COMMON_KEY_ITEMS`, a stop list
the archive learns by itself, in any language), takes up to :data:`CANDIDATE_LIMIT` items
sharing most keys (at least :data:`MIN_SHARED_KEYS`), and compares them exactly (the precise
check). A sample of each item's distinct content words (:data:`WORD_MODULUS`) is indexed
beside its shingles, so that a retelling that keeps few of the wire's word pairs but many of
its words is still offered. Nothing scans the archive: the index is ordered by week first,
so a lookup reads the pages of the window's weeks only.

Normalisation is language-agnostic: NFKD, combining marks (Urdu diacritics, accents), tatweel
and zero-width joiners dropped, Arabic letter forms folded to their Urdu code points
(ي ى → ی, ك → ک, ه ة ۃ → ہ), all decimal digits to ASCII, case folded, words split on
Unicode word characters. Hashes are BLAKE2b, so fingerprints and cluster ids are the same on
every run: the cluster id is the id of the item that founded the story (of the story
founded first, when a new item shows two stories to be one and they merge).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import cache
from typing import Iterable, Iterator, Protocol, Sequence

from .canonical import canonical_url, is_redirect, site

#: Words per shingle. Bigrams keep Urdu, whose postpositions are separate words, specific
#: enough while surviving the light edits of a reprint.
SHINGLE_WORDS = 2
#: One shingle in this many is an index key (the MOD-m sample).
SAMPLE_MODULUS = 8
#: One distinct content word (:func:`content_words`) in this many is an index key too, so
#: that a reprint retold in other words, which keeps few of the wire's word pairs but many
#: of its words, is still offered as a candidate. Denser than the shingle sample: an item
#: has about a third as many distinct content words as shingles.
WORD_MODULUS = 4
#: Items compared exactly per new item, those sharing most sampled keys first.
CANDIDATE_LIMIT = 32
#: Sampled keys a candidate must share with a new item. One shared shingle is chance (a
#: name, a set phrase); a reprint shares many, so this spares most exact comparisons.
MIN_SHARED_KEYS = 2
#: A key shared by more items than this in the time window ("of the", "نے کہا کہ") is
#: common phrasing, not a story: lookups skip it. Stories run to tens of articles.
COMMON_KEY_ITEMS = 50
#: Share of the later full-text item's shingles that must appear in the earlier: at least
#: half of it was taken from the other.
CONTAINMENT = 0.5
#: Fewer words of text than this (a feed teaser, a headline) and the stricter rule applies.
FULL_TEXT_WORDS = 50
#: The stricter rule for title-and-teaser items: nearly all of the shorter one ...
SHORT_CONTAINMENT = 0.8
#: ... and at least this many shingles in common, about a sentence; the full-text rules need
#: as many shingles, or content words in order, too.
MIN_SHARED = 8
#: Share of the later full-text item's content words (:func:`content_words`) that must
#: appear in the earlier one *in the same order* (their longest common subsequence), for
#: two items whose shingles fall short of :data:`CONTAINMENT`: a third. A desk that retells
#: wire copy in its own words (sentences recast, cut, words swapped) breaks most word pairs,
#: but its story still runs through the wire's names, figures and terms in the wire's order;
#: an independent report of the same event shares many of those words, in an order of its own.
ORDERED = 1 / 3
#: Function words of Urdu and English, as :func:`words` normalises them: they say nothing
#: about which story a text tells. Fixed, so that every archive weighs words alike.
FUNCTION_WORDS = frozenset(
    """
    کے کی کا کو نے سے میں پر اور کہ کر کرنے کرتے کریں کرنا کرے کیا کیے کی گی ہے ہیں تھا تھی تھے
    ہو ہوں ہوا ہویی ہویے ہونے ہوگا ہوگی گا گے گیا گیی گیے جایے جا رہا رہی رہے یہ وہ اس ان جس جن
    جو جب اب تو بھی ہی نہ نہیں ایک تک لیے کیلیے ساتھ بعد پہلے دوران مطابق جانب طرف طور بارے حوالے
    انہوں انہیں اپنے اپنی اپنا والے والی والا دیا دی دے دیے لیا لی لے کہا کہنا جبکہ تاہم لیکن مگر یا
    اگر کسی کویی کچھ سب تمام دونوں یہاں وہاں ہم ہمیں ہمارے آپ سکے سکتا سکتی سکتے چکے چکا
    a an the of to in on at by for from with as and or but not no is are was were be been being
    has have had it its this that these those he she they we his her their our who which what
    when where than then there also said says will would can could into over after before about
    """.split()
)
#: How a member joined its cluster, strongest evidence first.
REASONS = ("first", "url", "guid", "title", "text")

_WORD = re.compile(r"\w+")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
_FOLD = {"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ہ", "ۃ": "ہ", "\u0640": None, "\u200c": None, "\u200d": None}
_GENERIC_HOST_LABELS = frozenset({"com", "org", "net", "gov", "edu", "info"})
_KEY_OFFSET = 1 << 63  # unsigned 64-bit hashes to SQLite's signed integers
_LAST = float("inf")  # sorts after every position in a (published, order, item) posting


# --------------------------------------------------------------------------- normalisation


@cache
def _table() -> dict[int, str | None]:
    """One ``str.translate`` table: drop combining marks, fold letters, ASCII digits."""
    table: dict[int, str | None] = {}
    for code in range(0x10000):
        char = chr(code)
        category = unicodedata.category(char)
        if category == "Mn":
            table[code] = None
        elif category == "Nd" and not "0" <= char <= "9":
            table[code] = str(unicodedata.decimal(char))
    table.update({ord(k): v for k, v in _FOLD.items()})
    return table


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return _WORD.findall(unicodedata.normalize("NFKD", text).translate(_table()).casefold())


def script(text: str) -> str:
    """The dominant script of ``text``'s letters: ``arabic``, ``latin`` or ``other``."""
    sample = text[:2000]
    arabic, latin = len(sample) - len(_ARABIC.sub("", sample)), len(sample) - len(_LATIN.sub("", sample))
    if not arabic and not latin:
        return "other"
    return "arabic" if arabic > latin else "latin"


def _key(*parts: str) -> int:
    """A signed 64-bit index key for ``parts`` (SQLite integers are signed), from BLAKE2b,
    so the same on every run."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") - _KEY_OFFSET


def shingles(tokens: Sequence[str], salt: str) -> set[int]:
    """Unsigned 64-bit hashes of the word ``SHINGLE_WORDS``-grams (one for a shorter text),
    salted with the script so that shingles of different scripts never collide."""
    n, person = SHINGLE_WORDS, salt.encode("utf-8")[:16]
    grams = [" ".join(gram) for gram in zip(*(tokens[i:] for i in range(n)))] if len(tokens) >= n else [" ".join(tokens)]
    blake = hashlib.blake2b
    return {int.from_bytes(blake(g.encode("utf-8"), digest_size=8, person=person).digest(), "big") for g in grams if g}


def content_words(tokens: Iterable[str], salt: str) -> list[int]:
    """Unsigned 64-bit hashes of the words of ``tokens`` that carry content, in text order:
    not a function word (:data:`FUNCTION_WORDS`), not a lone letter, not a bare number
    (figures are printed as words as often as digits), salted with the script like
    :func:`shingles` but apart from them (a one-word text is a shingle too)."""
    person, blake = f"w:{salt}".encode("utf-8")[:16], hashlib.blake2b
    hashed: dict[str, int] = {}
    for t in tokens:
        if len(t) > 1 and t not in FUNCTION_WORDS and not t.isdigit() and t not in hashed:
            hashed[t] = int.from_bytes(blake(t.encode("utf-8"), digest_size=8, person=person).digest(), "big")
    return [hashed[t] for t in tokens if t in hashed]


def ordered_share(later: Sequence[int], earlier: Sequence[int]) -> float:
    """The share of ``later`` found in ``earlier`` in the same order: the length of their
    longest common subsequence over ``len(later)``.

    Bit-parallel (Allison and Dix 1986; Crochemore et al. 2001): one bit per word of
    ``earlier``, one big-integer step per word of ``later``, so two 500-word stories take
    about a millisecond, not the quarter of a million steps of the textbook table."""
    if not later or not earlier:
        return 0.0
    where: dict[int, int] = {}
    for i, word in enumerate(earlier):
        where[word] = where.get(word, 0) | (1 << i)
    full = (1 << len(earlier)) - 1
    row = full  # bit i clear: a common subsequence ends at earlier[i]
    for word in later:
        hits = where.get(word)
        if hits:
            u = row & hits
            row = ((row + u) | (row - u)) & full
    return (len(earlier) - row.bit_count()) / len(later)


def containment(a: frozenset[int], b: frozenset[int]) -> tuple[float, int]:
    """The share of the smaller set found in the other, and the size of the intersection."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class DedupInput:
    """What deduplication needs to know about one item.

    ``source`` is the configured source name. ``published`` is an ISO 8601 time; the pipeline
    passes the fetch time when the item has none, because an undated item is only compared
    with undated ones. For an item found through Google News, ``title`` is the feed's
    ``Headline - Outlet``: the outlet named there is matched with the other items' sites.
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


@dataclass(frozen=True)
class Fingerprint:
    """What the index keeps about an item: its keys, shingles and how complete it is."""

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
    words: int  # words of text, the title not counted
    shingles: frozenset[int]  # low 32 bits of each shingle hash
    sequence: tuple[int, ...] = ()  # content words in order (:func:`content_words`); empty in old archives
    sample: tuple[int, ...] = ()  # index keys, the MOD-m samples, sorted; not read back from an index
    complete: bool | None = None  # :attr:`DedupInput.complete`

    @property
    def full(self) -> bool:
        """Whether the item has the whole article, not just a teaser."""
        if not self.words:
            return False
        return self.complete if self.complete is not None else self.words >= FULL_TEXT_WORDS

    @property
    def exact_keys(self) -> tuple[int, ...]:
        return tuple(k for k in (self.url_key, self.guid_key, self.title_key) if k is not None)


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
class Cluster:
    """A story: its primary item (the earliest of the most complete), span and outlets."""

    id: str
    primary_item: str
    first_seen: str | None
    last_seen: str | None
    outlets: tuple[str, ...]
    size: int


class DedupIndex(Protocol):
    """Where fingerprints and clusters live: in memory, or in the SQLite archive."""

    def get(self, item_id: str) -> Indexed | None:
        """The indexed item with this id, if any."""

    def exact(self, keys: Sequence[int]) -> list[Indexed]:
        """Items with any of these exact keys (URL, GUID, headline), whenever published."""

    def candidates(
        self, keys: Sequence[int], since: str | None, until: str | None, *, limit: int | None = None, min_shared: int = 1
    ) -> list[Indexed]:
        """Items sharing at least ``min_shared`` of the sampled ``keys``, published in
        ``[since, until]`` (``None``: undated items only), those sharing most keys first,
        then the earliest indexed; at most ``limit``. Keys found on more than
        :data:`COMMON_KEY_ITEMS` items in that range are skipped."""

    def cluster(self, cluster_id: str) -> Cluster | None:
        """The cluster with this id, if any."""

    def add(self, fingerprint: Fingerprint, member: Member, cluster: Cluster) -> None:
        """Index a new item and save its cluster, atomically."""

    def merge(self, cluster: Cluster, absorbed: Sequence[str]) -> None:
        """Move the members of the clusters ``absorbed`` into ``cluster`` (saved as given)
        and drop them, atomically."""


# --------------------------------------------------------------------------- fingerprints


def fingerprint(item: DedupInput) -> Fingerprint:
    """The fingerprint of ``item``: normalised words, shingles, sample and exact keys."""
    redirect = item.aggregated or is_redirect(item.url)
    headline, named_outlet = _split_outlet(item.title) if redirect else (item.title, "")
    writing = script(f"{item.title} {item.text}")
    headline_words, text_words = words(headline), words(item.text)
    hashes = shingles(headline_words + text_words, writing)
    terms = content_words(headline_words + text_words, writing)
    sampled = {h for h in hashes if (h >> 32) % SAMPLE_MODULUS == 0} | {h for h in terms if (h >> 32) % WORD_MODULUS == 0}
    canon = item.canonical_url or (canonical_url(item.url) if item.url else "")
    return Fingerprint(
        id=item.id,
        published=_utc(item.published),
        script=writing,
        lang=(item.lang or "").split("-")[0].lower() or None,
        outlet=named_outlet or item.source or site(canon),
        site="" if redirect else site(canon),
        redirect=redirect,
        url_key=_key("url", canon) if canon else None,
        guid_key=_guid_key(item.guid, item.source),
        title_key=_key("title", writing, " ".join(headline_words)) if headline_words else None,
        words=len(text_words),
        shingles=frozenset(h & 0xFFFFFFFF for h in hashes),
        sequence=tuple(h & 0xFFFFFFFF for h in terms),
        sample=tuple(sorted(h - _KEY_OFFSET for h in sampled)),
        complete=item.complete,
    )


def _split_outlet(title: str) -> tuple[str, str]:
    """Google News titles end in `` - Outlet``: the headline and the outlet."""
    headline, sep, outlet = title.rpartition(" - ")
    return (headline, outlet.strip()) if sep and headline.strip() else (title, "")


def _guid_key(guid: str | None, source: str | None) -> int | None:
    """GUIDs that are links are canonical URLs; others are unique only within their feed."""
    if not guid or not guid.strip():
        return None
    guid = guid.strip()
    canon = canonical_url(guid)
    if canon.startswith("https://"):
        return _key("url", canon)
    return _key("guid", source or "", guid)


def _utc(when: str | None) -> str | None:
    """``when`` as a UTC ISO 8601 time to the second; naive times are UTC; bad ones None."""
    if not when:
        return None
    try:
        moment = datetime.fromisoformat(when.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------- matching


def compare(new: Fingerprint, old: Indexed, window_days: int) -> Member | None:
    """Whether ``new`` belongs to ``old``'s story, and why; ``None`` when it does not."""
    other = old.fingerprint

    def joined(reason: str, score: float = 1.0) -> Member:
        return Member(new.id, old.member.cluster, reason, round(score, 4))

    identities = {new.url_key, new.guid_key} & {other.url_key, other.guid_key} - {None}
    if identities:  # a permalink GUID is a URL: it may equal the other's URL
        return joined("url" if new.url_key in identities else "guid")
    if not _same_language(new, other) or not _within(new.published, other.published, window_days):
        return None
    if _same_headline_and_outlet(new, other):
        return joined("title")
    if not (new.words and other.words):
        return None  # a headline alone is no evidence: columns and generic headlines recur
    if new.full and other.full:
        later, earlier = _later_first(new, other)
        shared = len(later.shingles & earlier.shingles)
        score = shared / len(later.shingles) if later.shingles else 0.0
        if score >= CONTAINMENT and shared >= MIN_SHARED:
            return joined("text", score)
        needed = max(ORDERED * len(later.sequence), MIN_SHARED) - 1e-9  # words in common, in order
        # the later item's words found in the earlier at all bound their common subsequence:
        # most candidates fall short of it and skip the longer computation
        vocabulary = set(earlier.sequence)
        if sum(map(vocabulary.__contains__, later.sequence)) < needed:
            return None
        ordered = ordered_share(later.sequence, earlier.sequence)
        return joined("text", ordered) if round(ordered * len(later.sequence)) >= needed else None
    score, shared = containment(new.shingles, other.shingles)
    return joined("text", score) if score >= SHORT_CONTAINMENT and shared >= MIN_SHARED else None


def _later_first(new: Fingerprint, other: Fingerprint) -> tuple[Fingerprint, Fingerprint]:
    """The two items, the later published first: a reprint follows its source. On a tie (or
    without dates) the item being placed is taken as the later."""
    if new.published and other.published and new.published < other.published:
        return other, new
    return new, other


def _same_language(a: Fingerprint, b: Fingerprint) -> bool:
    return a.script == b.script and (a.lang is None or b.lang is None or a.lang == b.lang)


def _within(a: str | None, b: str | None, window_days: int) -> bool:
    if a is None or b is None:
        return a is None and b is None
    gap = abs(datetime.fromisoformat(a) - datetime.fromisoformat(b))
    return gap <= timedelta(days=window_days)


def _same_headline_and_outlet(a: Fingerprint, b: Fingerprint) -> bool:
    """A Google News item and an item with its headline from the outlet it names."""
    if a.title_key is None or a.title_key != b.title_key or not (a.redirect or b.redirect):
        return False
    if a.redirect and b.redirect:
        return _compact(a.outlet) == _compact(b.outlet) != ""
    linked, direct = (a, b) if a.redirect else (b, a)
    return _names_outlet(linked.outlet, direct)


def _compact(name: str) -> str:
    return "".join(words(name))


def _names_outlet(name: str, item: Fingerprint) -> bool:
    """Whether an outlet's name (``The Express Tribune``) names ``item``'s outlet
    (site ``tribune.com.pk``, source ``Express Tribune - Business``)."""
    wanted = _compact(name)
    if not wanted:
        return False
    labels = [p for p in item.site.split(".") if len(p) >= 3 and p not in _GENERIC_HOST_LABELS]
    # the source's own name without its section: "Express Tribune - Technology" is named by
    # "The Express Tribune"
    outlet = _compact(item.outlet.split(" - ")[0])
    return any(p in wanted or wanted in p for p in labels) or wanted in _compact(item.outlet) or (len(outlet) >= 4 and outlet in wanted)


def matches(new: Fingerprint, index: DedupIndex, window_days: int) -> list[Member]:
    """Every indexed item ``new`` is a report of, as memberships of their stories."""
    since, until = _window(new.published, window_days)
    found = index.exact(new.exact_keys)
    found += index.candidates(new.sample, since, until, limit=CANDIDATE_LIMIT, min_shared=min(MIN_SHARED_KEYS, len(new.sample)))
    return [m for m in (compare(new, old, window_days) for old in found) if m]


def _strength(m: Member) -> tuple:
    return (REASONS.index(m.reason), -m.score, m.cluster)


def _window(published: str | None, window_days: int) -> tuple[str | None, str | None]:
    if published is None:
        return None, None
    moment, span = datetime.fromisoformat(published), timedelta(days=window_days)
    return (moment - span).isoformat(), (moment + span).isoformat()


# --------------------------------------------------------------------------- clusters


def assign(item: DedupInput, index: DedupIndex, window_days: int = 7) -> str:
    """Put ``item`` in a story cluster of ``index`` and return the cluster id.

    An item seen before keeps its cluster, so re-running over the same items changes
    nothing; a new story's id is the id of its first item. An item that belongs to more than
    one story shows that they are one: a Google News link and the article it hides found
    one story, the wire's reprints another, and the article turns out to be a reprint too.
    Those stories merge into the one founded first, which keeps its id.
    """
    known = index.get(item.id)
    if known is not None:
        return known.member.cluster
    new = fingerprint(item)
    found = matches(new, index, window_days)
    stories = {c.id: c for c in (index.cluster(cid) for cid in sorted({m.cluster for m in found})) if c is not None}
    if not stories:
        index.add(new, Member(new.id, new.id, "first"), _found(new))
        return new.id
    survivor = min(stories.values(), key=lambda c: (c.first_seen is None, c.first_seen or "", c.id))
    cluster = survivor
    for other in stories.values():
        if other.id != survivor.id:
            cluster = _combine(cluster, other, index)
    if cluster is not survivor:
        index.merge(cluster, [cid for cid in stories if cid != survivor.id])
    member = replace(min(found, key=_strength), cluster=survivor.id)
    index.add(new, member, _grow(cluster, new, index))
    return survivor.id


def _found(first: Fingerprint) -> Cluster:
    outlets = (first.outlet,) if first.outlet else ()
    return Cluster(first.id, first.id, first.published, first.published, outlets, 1)


def _grow(cluster: Cluster, new: Fingerprint, index: DedupIndex) -> Cluster:
    primary = index.get(cluster.primary_item)
    dates = [d for d in (cluster.first_seen, cluster.last_seen, new.published) if d]
    return replace(
        cluster,
        primary_item=new.id if primary is None or _rank(new) < _rank(primary.fingerprint) else cluster.primary_item,
        first_seen=min(dates, default=None),
        last_seen=max(dates, default=None),
        outlets=tuple(sorted(set(cluster.outlets) | ({new.outlet} if new.outlet else set()))),
        size=cluster.size + 1,
    )


def _combine(cluster: Cluster, other: Cluster, index: DedupIndex) -> Cluster:
    """``cluster`` with ``other``'s members: the better primary item, the wider span."""
    mine, theirs = index.get(cluster.primary_item), index.get(other.primary_item)
    takes_theirs = theirs is not None and (mine is None or _rank(theirs.fingerprint) < _rank(mine.fingerprint))
    dates = [d for d in (cluster.first_seen, cluster.last_seen, other.first_seen, other.last_seen) if d]
    return replace(
        cluster,
        primary_item=other.primary_item if takes_theirs else cluster.primary_item,
        first_seen=min(dates, default=None),
        last_seen=max(dates, default=None),
        outlets=tuple(sorted(set(cluster.outlets) | set(other.outlets))),
        size=cluster.size + other.size,
    )


def _rank(f: Fingerprint) -> tuple:
    """Primary item order: full text first, then the earliest, then the longest."""
    return (not f.full, f.published is None, f.published or "", -f.words, f.id)


# --------------------------------------------------------------------------- in memory


class MemoryIndex:
    """A :class:`DedupIndex` in dictionaries: for one run of ``monitor dedup`` and the tests.

    Each sampled key keeps its items sorted by publication time (undated ones apart), so a
    lookup bisects to the window, as the archive's index seeks to it."""

    def __init__(self) -> None:
        self._items: dict[str, Indexed] = {}
        self._order: dict[str, int] = {}
        self._postings: dict[int, list[tuple[str, int, str]]] = {}  # key: (published, order, item)
        self._undated: dict[int, list[str]] = {}
        self._exact: dict[int, list[str]] = {}
        self._clusters: dict[str, Cluster] = {}
        self._members: dict[str, list[str]] = {}

    def get(self, item_id: str) -> Indexed | None:
        return self._items.get(item_id)

    def exact(self, keys: Sequence[int]) -> list[Indexed]:
        found = {i for key in set(keys) for i in self._exact.get(key, ())}
        return [self._items[i] for i in sorted(found, key=self._order.__getitem__)]

    def candidates(
        self, keys: Sequence[int], since: str | None, until: str | None, *, limit: int | None = None, min_shared: int = 1
    ) -> list[Indexed]:
        counts: Counter[str] = Counter()
        for key in set(keys):
            if since is None or until is None:
                found = self._undated.get(key, [])
            else:
                postings = self._postings.get(key, [])
                lo, hi = bisect_left(postings, (since,)), bisect_right(postings, (until, _LAST))
                found = [] if hi - lo > COMMON_KEY_ITEMS else [item for _, _, item in postings[lo:hi]]
            if len(found) <= COMMON_KEY_ITEMS:
                counts.update(found)
        ranked = sorted((i for i in counts if counts[i] >= min_shared), key=lambda i: (-counts[i], self._order[i]))
        return [self._items[i] for i in ranked[:limit]]

    def cluster(self, cluster_id: str) -> Cluster | None:
        return self._clusters.get(cluster_id)

    def add(self, fingerprint: Fingerprint, member: Member, cluster: Cluster) -> None:
        self._items[fingerprint.id] = Indexed(fingerprint, member)
        self._order[fingerprint.id] = len(self._order)
        for key in set(fingerprint.exact_keys):
            self._exact.setdefault(key, []).append(fingerprint.id)
        order, published = self._order[fingerprint.id], fingerprint.published
        for key in set(fingerprint.sample):
            if published is None:
                self._undated.setdefault(key, []).append(fingerprint.id)
            else:
                insort(self._postings.setdefault(key, []), (published, order, fingerprint.id))
        self._members.setdefault(member.cluster, []).append(fingerprint.id)
        self._clusters[cluster.id] = cluster

    def merge(self, cluster: Cluster, absorbed: Sequence[str]) -> None:
        for cid in absorbed:
            for item_id in self._members.pop(cid, []):
                indexed = self._items[item_id]
                self._items[item_id] = replace(indexed, member=replace(indexed.member, cluster=cluster.id))
                self._members.setdefault(cluster.id, []).append(item_id)
            self._clusters.pop(cid, None)
        self._clusters[cluster.id] = cluster

    def clusters(self) -> list[Cluster]:
        """Every cluster, in the order stories were founded."""
        return list(self._clusters.values())


# --------------------------------------------------------------------------- JSON lines


def dedup_lines(lines: Iterable[str], window_days: int = 7) -> Iterator[dict[str, object]]:
    """Cluster JSON lines ``{"id", "title", "text", "url"?, "published"?}``; yield
    ``{"id", "cluster"}`` for each, in input order, once all are read (a later item can
    show that two stories are one). ``guid``, ``source``, ``lang`` and ``complete`` (true
    when ``text`` is the whole article) are read too.

    Items that share a cluster are one story; the cluster is the id (as a string) of the
    story's first item. A line that is not such an object yields
    ``{"id": ..., "error": "..."}``; blank lines are skipped.
    """
    index = MemoryIndex()
    results: list[dict[str, object]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            results.append({"id": None, "error": f"line {number}: not JSON: {e.msg}"})
            continue
        item = _input(obj)
        if item is None:
            ident = obj.get("id") if isinstance(obj, dict) else None
            results.append({"id": ident, "error": f"line {number}: expected an object with an id and a string title or text"})
            continue
        assign(item, index, window_days)
        results.append({"id": obj["id"], "item": item.id})
    for result in results:
        if "item" in result:
            indexed = index.get(str(result.pop("item")))
            result["cluster"] = indexed.member.cluster if indexed else None
        yield result


def _input(obj: object) -> DedupInput | None:
    """A :class:`DedupInput` from a decoded JSON line, or ``None`` when it does not fit."""
    if not isinstance(obj, dict) or type(obj.get("id")) not in (str, int) or obj["id"] == "":
        return None
    fields = {k: obj.get(k) for k in ("title", "text", "url", "guid", "source", "published", "lang")}
    if not all(v is None or isinstance(v, str) for v in fields.values()) or not (fields["title"] or fields["text"]):
        return None
    complete = obj.get("complete")
    if complete is not None and not isinstance(complete, bool):
        return None
    title, text = fields.pop("title") or "", fields.pop("text") or ""
    return DedupInput(id=str(obj["id"]), title=title, text=text, complete=complete, **fields)
