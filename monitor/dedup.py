"""Deduplication at two levels: stories (one report and its reprints) and events (the
independent reports of one happening or data release).

One SBP release becomes 10-30 articles within two days, in English and Urdu: mostly wire
copy and handouts reprinted with a new intro, cuts and edits (one *story*, shown once with
"also reported by"), plus a few reports written independently (other stories of the same
*event*, shown under it as "more coverage"). :func:`assign` places each item. It is pure
logic over a :class:`DedupIndex`: :class:`MemoryIndex` here (for ``monitor dedup`` and the
tests), :class:`monitor.store.SqliteDedupIndex` in the archive.

**Identity.** The same canonical URL (:func:`monitor.canonical.canonical_url`), the same feed
GUID of the same source, or, for items that arrive through opaque Google News links, the same
headline from the same outlet: the item is another copy of a known article and joins its
story whatever the time.

**Reprint.** Text reuse runs one way: a reprint is taken from an item published before it.
So the *later* of two items (by publication time; the item being placed, on a tie) is looked
for in the earlier one, never the reverse. Two full-text items are one story when

1. at least :data:`CONTAINMENT` (half) of the later item's word bigrams ("shingles") are in
   the earlier one, or at least :data:`ORDERED` of its content words (the words left after a
   fixed list of Urdu and English function words, lone letters and bare numbers) appear in
   the earlier one *in the same order* (their longest common subsequence): a desk retelling
   wire copy in its own words keeps the wire's sequence of names, figures and terms, an
   independent report uses them in an order of its own. In English (:data:`RUN_SCRIPTS`)
   the ordered rule also needs runs of :data:`RUN_WORDS` content words in common
   (:data:`RETOLD_RUNS` of the shorter text's, :func:`run_share`) unless the order is
   closer still (:data:`ORDERED_ALONE`): a desk re-running a handout keeps some phrases of
   it, two reporters of one accident, hearing or market session share its names and figures
   in the same order but hardly a phrase. And a later item
   that is the earlier one with text added (background below it, a new first paragraph) is
   its reprint when at least :data:`EXPANDED` of the *earlier* item's content words are told
   in it in order, with :data:`EXPANDED_RUNS` of its runs, and it leads with them
   (:data:`EXPANDED_LEAD`); and
2. each text leads with what the other tells (:data:`LEAD_WORDS`, :data:`LEAD_SHARE`): the
   earlier item's lead is told in the later one, and the later item's lead in the earlier.
   A brief that is a *secondary* part of a roundup led by another story, or a story led by
   something else that carries the earlier one further down, is not its reprint; and
3. their figures do not disagree (:func:`figure_conflicts`): numbers of the later item that
   sit in the same words as different numbers of the earlier one ("rose by Rs1,000 per tola"
   against "fell by Rs3,600 per tola"; :data:`FIGURE_CONFLICTS`, and half as many as the
   figures they share), or another weekday after the same word ("on Tuesday" against "on
   Wednesday"), are the sign of a templated report (the daily gold price, the KSE-100 close,
   road accidents, the weather, the monthly export figures) of another day: shared template
   wording is not copying; and
4. an outlet that runs text of its own again more than :data:`OWN_REWRITE_HOURS` later keeps
   most of its word pairs: its recurring reports (the weather, a desk's operations briefs)
   share an order of words without being re-runs, so only the word-pair rule applies.

Both measures of rule 1 need at least :data:`MIN_SHARED` shingles or words in common.
Items with only a title and a teaser (:attr:`DedupInput.complete` false, or not known and
under :data:`FULL_TEXT_WORDS` words) need :data:`SHORT_CONTAINMENT` of the shorter item;
items with no text at all never match on text (a shared headline, "CITY PULSE", is not a
story). Items in different scripts or known languages are never one story.

**No chaining.** A new item is compared with each candidate story's *representatives*, its
founding report and its primary item (:func:`representatives`), not with whichever member
happens to be closest: the daily gold report of Tuesday is like Monday's and Wednesday's,
and joining through any member would chain a month of them into one story. An identity
joins through any member (it is the same article). When a new item matches two stories they
merge only when their representatives match each other.

**Boilerplate.** Lines that recur across the stories of one site (teaser blocks of other
stories, page furniture, related-links lists, a section tag, a copyright line) say nothing
about which story an item tells. The index counts, per site (or source) and line of at most
:data:`BOILERPLATE_WORDS` words, the number of stories the line has appeared in
(:meth:`DedupIndex.line_counts`); a line already seen in :data:`BOILERPLATE_STORIES` other
stories of its site is left out of the new item's fingerprint. Nothing is listed by hand:
the archive learns it. Counting stories, not items, keeps a story re-run three times from
teaching its own text as boilerplate.

**Events.** A new story (an item that joined no story) joins the *event* of an earlier story
when the two report the same happening: both published within :data:`EVENT_HOURS`, each
text's lead (title and first :data:`EVENT_LEAD_WORDS` content words) mostly told in the other
(:data:`EVENT_LEAD`), a fair share of their vocabulary in common (:data:`EVENT_COVER`) and no
figure in disagreement; or both carrying one of the same dated figures (a fact key from the
analysis, :attr:`DedupInput.facts`: same series, period, value and, for a growth rate,
basis) within :data:`EVENT_FACT_DAYS`, which also joins reports in other languages. The new story is
compared with the representatives of each candidate event's founding story, never with any
member, so events do not chain either. An event's id is the id of its founding story.

**Why this fingerprint.** The candidate index is Broder's MOD-m sample (Broder 1997, "On the
resemblance and containment of documents"): the shingles whose hash is 0 modulo
:data:`SAMPLE_MODULUS`, and one distinct content word in :data:`WORD_MODULUS`. A consistent
uniform sample, so two items share about ``|A ∩ B| / m`` sampled keys whatever their lengths
and a shared passage shows up as shared keys (a fixed-size MinHash sketch estimates
resemblance only, and loses a 60-word cut of a 400-word story; SimHash moves with every added
paragraph). The index (:class:`Postings`) keeps the keys of the items of the time window in
memory; a lookup skips keys found on more than :data:`COMMON_KEY_ITEMS` items of the window
(common phrasing, learned by the archive in any language), and offers at most
:data:`CANDIDATE_LIMIT` items sharing most keys: at least :data:`MIN_SHARED_KEYS` and
:data:`EVENT_KEY_SHARE` of the new item's keys (independent reports of one event share
about a tenth), and :data:`STORY_KEY_SHARE` for the reprint comparison (a reprint shares
about half of them); items that share a few keys by chance are spared the exact check.
Fact keys are looked up apart, one shared figure being enough.

Normalisation is language-agnostic: NFKD, combining marks (Urdu diacritics, accents), tatweel
and zero-width joiners dropped, Arabic letter forms folded to their Urdu code points
(ي ى → ی, ك → ک, ه ة ۃ → ہ), all decimal digits to ASCII, case folded, words split on
Unicode word characters. Each word is hashed once (BLAKE2b, salted with the script, kept for
the process); a word pair's hash is combined from its two words' hashes, and a text's pairs,
content words and keys are made in a few numpy operations. Lines and keys are BLAKE2b, figures
CRC-32, so fingerprints, story and event ids are the same on every run.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import cache, cached_property, lru_cache
from typing import Iterable, Iterator, Protocol, Sequence
from urllib.parse import urlsplit

import numpy as np

from .canonical import canonical_url, is_redirect

#: Words per shingle. Bigrams keep Urdu, whose postpositions are separate words, specific
#: enough while surviving the light edits of a reprint.
SHINGLE_WORDS = 2
#: One shingle in this many is an index key (the MOD-m sample).
SAMPLE_MODULUS = 12
#: One distinct content word (:func:`content_words`) in this many is an index key too, so
#: that a reprint retold in other words, which keeps few of the wire's word pairs but many
#: of its words, is still offered as a candidate.
WORD_MODULUS = 6
#: Items compared exactly per new item, those sharing most sampled keys first.
CANDIDATE_LIMIT = 32
#: Sampled keys a candidate must share with a new item. One shared key is chance.
MIN_SHARED_KEYS = 2
#: Share of the new item's sampled keys a candidate must share to be compared as a possible
#: source of a reprint (the event comparison takes every candidate). A reprint that keeps a
#: third of the wire's content words in order shares about a tenth of the word keys; a
#: later item that adds as much again to a short earlier one (:data:`EXPANDED`), less.
STORY_KEY_SHARE = 0.08
#: ... and this share for a possible report of the same event: independent reports share a
#: third of their vocabulary, a tenth of their keys.
EVENT_KEY_SHARE = 0.05
#: A key shared by more items than this in the time window ("of the", "نے کہا کہ") is
#: common phrasing, not a story: lookups skip it. Stories run to tens of articles.
COMMON_KEY_ITEMS = 50
#: Share of the later full-text item's shingles that must appear in the earlier.
CONTAINMENT = 0.5
#: Fewer words of text than this (a feed teaser, a headline) and the stricter rule applies.
FULL_TEXT_WORDS = 50
#: The stricter rule for title-and-teaser items: nearly all of the shorter one ...
SHORT_CONTAINMENT = 0.8
#: ... and at least this many shingles in common, about a sentence; the full-text rules need
#: as many shingles, or content words in order, too.
MIN_SHARED = 8
#: Share of the later full-text item's content words that must appear in the earlier one in
#: the same order, for two items whose shingles fall short of :data:`CONTAINMENT`.
ORDERED = 1 / 3
#: Scripts whose reprints are told in runs of the source's words: a desk re-running a
#: handout or wire story in English keeps whole phrases of it, an independent report of the
#: same event uses the same names, figures and terms in phrases of its own. (Urdu desks
#: retell wire copy, often translated, in their own words: COUNTER's wholly derived texts
#: share few runs, so the run rules do not apply to Arabic script.)
RUN_SCRIPTS = frozenset({"latin"})
#: Consecutive content words (:func:`content_words`) that make a run: about eight words of
#: text, a phrase that two writers do not hit on apart.
RUN_WORDS = 4
#: Share of the shorter text's runs (:func:`run_share`) the other must have too, for two
#: items in :data:`RUN_SCRIPTS` whose word pairs fall short of :data:`CONTAINMENT` and that
#: are one story only by the ordered rule (:data:`ORDERED`).
RETOLD_RUNS = 0.06
#: ... unless at least this share of the later item's content words is told in the earlier
#: in order: a desk's paraphrase of a handout sentence by sentence keeps more of its order
#: than two reporters' accounts of one event do.
ORDERED_ALONE = 0.43
#: A later item that is the earlier one with more text (context added, a new intro) tells at
#: least this share of the earlier's content words in order ...
EXPANDED = 0.5
#: ... shares at least this share of the earlier's runs ...
EXPANDED_RUNS = 0.3
#: ... and leads with it: this share of its first ``2 * LEAD_WORDS`` content words are
#: told in the earlier, in order (in :data:`RUN_SCRIPTS` only).
EXPANDED_LEAD = 0.35
#: Content words (title excluded) that make an item's lead ...
LEAD_WORDS = 30
#: ... of which this share must be told, in order, in the other item: the earlier item's
#: lead in the later, and the later item's lead (twice as many words, a new intro allowed
#: for) in the earlier.
LEAD_SHARE = 0.15
#: An outlet that runs a story again more than this many hours later keeps most of its word
#: pairs (:data:`CONTAINMENT`): the ordered rule alone would take its recurring reports (the
#: daily weather, its operations briefs) for re-runs.
OWN_REWRITE_HOURS = 12
#: Figures in the same words but with other values (:func:`figure_conflicts`) that make two
#: texts different reports, when they are at least half as many as the figures they share.
FIGURE_CONFLICTS = 2
#: A line seen in this many other stories of its site is boilerplate ...
BOILERPLATE_STORIES = 3
#: ... when it has at most this many words: page furniture, teasers of other stories, a
#: template's sentences; a longer paragraph is text and is not counted.
BOILERPLATE_WORDS = 60
#: Independent reports of one event are published within this many hours of each other ...
EVENT_HOURS = 18
#: ... lead with what the other tells: of each one's title and first content words ...
EVENT_LEAD_WORDS = 20
#: ... at least this share appears in the other ...
EVENT_LEAD = 0.4
#: ... and at least this share of the smaller vocabulary (distinct content words) is shared.
EVENT_COVER = 0.3
#: Reports carrying one of the same dated figures (a fact key) within this many days are
#: one event, in any language.
EVENT_FACT_DAYS = 3
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
#: Names of weekdays, as :func:`words` normalises them: a figure of a report like a number
#: (the Urdu names that are also common words, پیر and ہفتہ, are left out).
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday منگل بدھ جمعرات جمعہ اتوار".split())
#: How a member joined its story, strongest evidence first.
REASONS = ("first", "url", "guid", "title", "text")
#: How a story joined its event.
EVENT_REASONS = ("first", "facts", "text")

_WORD = re.compile(r"\w+")
#: For ASCII text: every character that is not a word character (``\w``: a letter, a digit,
#: ``_``) as a space, so that ``text.translate(_ASCII_GAPS).split()`` finds the words
#: ``_WORD`` finds, without a regular expression.
_ASCII_GAPS = str.maketrans({chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
_FOLD = {"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ہ", "ۃ": "ہ", "\u0640": None, "\u200c": None, "\u200d": None}
_GENERIC_HOST_LABELS = frozenset({"com", "org", "net", "gov", "edu", "info"})
_KEY_OFFSET = 1 << 63  # unsigned 64-bit hashes to SQLite's signed integers


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


def normalise(text: str) -> str:
    """``text`` with marks dropped, letter forms folded, digits in ASCII, case folded."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKD", text).translate(_table()).casefold()


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return _split(normalise(text))


def _split(normal: str) -> list[str]:
    """The words (``\\w+``) of normalised text: an ASCII text by :meth:`str.split`."""
    if normal.isascii():
        return normal.translate(_ASCII_GAPS).split()
    return _WORD.findall(normal)


def script(text: str) -> str:
    """The dominant script of ``text``'s letters: ``arabic``, ``latin`` or ``other``."""
    sample = text[:2000]
    if sample.isascii():
        return "latin" if _LATIN.search(sample) else "other"
    arabic, latin = len(sample) - len(_ARABIC.sub("", sample)), len(sample) - len(_LATIN.sub("", sample))
    if not arabic and not latin:
        return "other"
    return "arabic" if arabic > latin else "latin"


def _key(*parts: str) -> int:
    """A signed 64-bit index key for ``parts`` (SQLite integers are signed), from BLAKE2b,
    so the same on every run."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") - _KEY_OFFSET


def _hash64(text: str, person: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8, person=person).digest(), "big")


_M64 = (1 << 64) - 1
#: Each script's words as hashed (BLAKE2b, salted with the script), kept between items: news
#: text draws on a vocabulary of tens of thousands of words.
_WORD_HASHES: dict[str, dict[str, int]] = {}
_WORD_CACHE_SIZE = 100_000


def _word_hashes(salt: str) -> dict[str, int]:
    table = _WORD_HASHES.get(salt)
    if table is None or len(table) > _WORD_CACHE_SIZE:
        table = _WORD_HASHES[salt] = {}
    return table


def _hashed(tokens: Sequence[str], salt: str) -> list[int]:
    """The 64-bit BLAKE2b hash of each token, salted with the script; each word is hashed
    once per process. The low bit says whether the word carries content (:func:`content_words`):
    it is cleared for function words, lone letters and bare numbers."""
    table = _word_hashes(salt)
    try:
        return list(map(table.__getitem__, tokens))
    except KeyError:  # words not seen before
        pass
    person = salt.encode("utf-8")[:16]
    for t in set(tokens).difference(table):
        h = _hash64(t, person) | 1
        if len(t) <= 1 or t in FUNCTION_WORDS or t.isdigit():
            h ^= 1
        table[t] = h
    return list(map(table.__getitem__, tokens))


#: Odd multipliers (the golden ratio's and another of Knuth's) that combine word hashes into
#: the hash of a pair, and turn a word's hash into its content-word hash.
_PAIR = 0x9E3779B97F4A7C15
_TERM = 0xD1B54A32D192ED03


def shingles(tokens: Sequence[str], salt: str, hashed: Sequence[int] | None = None) -> set[int]:
    """Unsigned 64-bit hashes of the word ``SHINGLE_WORDS``-grams (one for a shorter text),
    salted with the script so that shingles of different scripts never collide. Each word is
    hashed once (BLAKE2b); a pair's hash is ``first * _PAIR + second`` modulo 2**64, uniform
    since the words' hashes are."""
    hashes = _hashed(tokens, salt) if hashed is None else hashed
    if len(hashes) < SHINGLE_WORDS:
        return set(hashes[:1])
    return {(a * _PAIR + b) & _M64 for a, b in zip(hashes, hashes[1:])}


def content_words(tokens: Sequence[str], salt: str, hashed: Sequence[int] | None = None) -> list[int]:
    """Unsigned 64-bit hashes of the words of ``tokens`` that carry content, in text order:
    not a function word (:data:`FUNCTION_WORDS`), not a lone letter, not a bare number
    (figures are printed as words as often as digits); apart from the shingles (a one-word
    text is a shingle too)."""
    hashes = _hashed(tokens, salt) if hashed is None else hashed
    return [(h * _TERM) & _M64 for h in hashes if h & 1]


_NP_PAIR, _NP_TERM = np.uint64(_PAIR), np.uint64(_TERM)
_NP_32, _NP_ONE, _NP_SIGN = np.uint64(32), np.uint64(1), np.uint64(1 << 63)
_NP_SAMPLE, _NP_WORDS = np.uint64(SAMPLE_MODULUS), np.uint64(WORD_MODULUS)


def _vectors(hashed: list[int]) -> tuple[bytes, tuple[int, ...], list[int]]:
    """From the word hashes of a text (:func:`_hashed`), as :func:`shingles` and
    :func:`content_words` make them but in a few vector operations: the distinct shingles'
    low 32 bits packed (little-endian, sorted), the content words' low 32 bits in order, and
    the index keys (shingles whose high half is 0 modulo :data:`SAMPLE_MODULUS`, content
    words 0 modulo :data:`WORD_MODULUS`) as signed 64-bit integers."""
    if not hashed:
        return b"", (), []
    words_ = np.array(hashed, dtype=np.uint64)
    pairs = words_[:-1] * _NP_PAIR + words_[1:] if len(words_) >= SHINGLE_WORDS else words_[:1]
    terms = words_[(words_ & _NP_ONE).astype(bool)] * _NP_TERM
    keys = np.concatenate((pairs[(pairs >> _NP_32) % _NP_SAMPLE == 0], terms[(terms >> _NP_32) % _NP_WORDS == 0]))
    low = np.sort(pairs.astype(np.uint32))
    if len(low) > 1:
        low = low[np.concatenate(([True], low[1:] != low[:-1]))]
    packed = low.astype("<u4").tobytes()
    return packed, tuple(terms.astype(np.uint32).tolist()), (keys ^ _NP_SIGN).view(np.int64).tolist()


def ordered_share(later: Sequence[int], earlier: Sequence[int]) -> float:
    """The share of ``later`` found in ``earlier`` in the same order: the length of their
    longest common subsequence over ``len(later)``.

    Bit-parallel (Allison and Dix 1986; Crochemore et al. 2001): one bit per word of one
    sequence, one big-integer step per word of the other, so two 500-word stories take
    about a millisecond, not the quarter of a million steps of the textbook table."""
    if not later or not earlier:
        return 0.0
    return common_subsequence(later, _positions(earlier), len(earlier)) / len(later)


def _positions(words_: Sequence[int]) -> dict[int, int]:
    """For each word, the bit mask of its positions in ``words_``."""
    where: dict[int, int] = {}
    for i, word in enumerate(words_):
        where[word] = where.get(word, 0) | (1 << i)
    return where


def common_subsequence(steps: Sequence[int], where: dict[int, int], length: int) -> int:
    """The length of the longest common subsequence of ``steps`` and the sequence of
    ``length`` words whose :func:`_positions` are ``where``."""
    full = (1 << length) - 1
    row = full  # bit i clear: a common subsequence ends at word i
    get = where.get
    for word in steps:
        hits = get(word)
        if hits:
            u = row & hits
            row = ((row + u) | (row - u)) & full
    return length - row.bit_count()


def containment(a: frozenset[int], b: frozenset[int]) -> tuple[float, int]:
    """The share of the smaller set found in the other, and the size of the intersection."""
    if not a or not b:
        return 0.0, 0
    shared = len(a & b)
    return shared / min(len(a), len(b)), shared


def line_key(scope: str, line: str) -> int:
    """The index key of a normalised line of text on a site (or source) ``scope``."""
    return _key("line", scope, line)


def _crc(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


_DAY_HASHES = frozenset(_crc("d:" + day) for day in WEEKDAYS)
_DIGIT = re.compile(r"\d")


def figures(text: str, *, normalised: bool = False) -> tuple[int, ...]:
    """Each figure of ``text`` (a number, thousands separators dropped, or a weekday) with
    the words on either side, as flattened ``(value, word before, word after)`` CRC-32
    triples, each distinct triple once, in text order."""
    text = text if normalised else normalise(text)
    if not _DIGIT.search(text) and not any(day in text for day in WEEKDAYS):
        return ()
    tokens = _TOKEN.findall(text)
    seen: set[tuple[int, int, int]] = set()
    out: list[int] = []
    for i, token in enumerate(tokens):
        if token[0].isdigit():
            value = "n:" + token.replace(",", "").rstrip(".")
        elif token in WEEKDAYS:
            value = "d:" + token
        else:
            continue
        before = tokens[i - 1] if i and not tokens[i - 1][0].isdigit() else ""
        after = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1][0].isdigit() else ""
        triple = (_crc(value), _crc(before), _crc(after))
        if triple not in seen:
            seen.add(triple)
            out.extend(triple)
    return tuple(out)


def figure_conflicts(later: Sequence[int], earlier: Sequence[int]) -> tuple[int, int, int]:
    """How ``later``'s figures (flattened :func:`figures` triples) stand against
    ``earlier``'s: how many ``earlier`` has too; how many it has *other* values for in the
    same words (a figure whose word before and word after both frame a different figure of
    ``earlier``); and how many of the weekdays of ``later`` are other weekdays after the
    same word in ``earlier`` ("on Tuesday" against "on Wednesday")."""
    values = set(earlier[0::3])
    framed_before: dict[int, set[int]] = {}
    framed_after: dict[int, set[int]] = {}
    days_after: dict[int, set[int]] = {}
    for i in range(0, len(earlier) - 2, 3):
        value, before, after = earlier[i], earlier[i + 1], earlier[i + 2]
        framed_before.setdefault(before, set()).add(value)
        framed_after.setdefault(after, set()).add(value)
        if value in _DAY_HASHES:
            days_after.setdefault(before, set()).add(value)
    agree = conflict = days = 0
    for i in range(0, len(later) - 2, 3):
        value, before, after = later[i], later[i + 1], later[i + 2]
        if value in values:
            agree += 1
        elif value in _DAY_HASHES and days_after.get(before):
            days += 1
        elif framed_before.get(before, set()) & framed_after.get(after, set()):
            conflict += 1
    return agree, conflict, days


# --------------------------------------------------------------------------- records


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
        mine = np.frombuffer(self.packed_shingles, dtype="<u4")
        theirs = np.frombuffer(other.packed_shingles, dtype="<u4")
        if not len(mine) or not len(theirs):
            return 0
        if not (_increasing(mine) and _increasing(theirs)):
            return len(self.shingles.intersection(theirs.tolist()))
        if len(theirs) > len(mine):
            mine, theirs = theirs, mine
        at = np.searchsorted(mine, theirs)
        at[at == len(mine)] = 0
        return int(np.count_nonzero(mine[at] == theirs))

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


# --------------------------------------------------------------------------- fingerprints


def fingerprint(item: DedupInput, boilerplate: frozenset[int] | set[int] = frozenset()) -> Fingerprint:
    """The fingerprint of ``item``, leaving out the lines whose :func:`line_key` is in
    ``boilerplate``."""
    return _fingerprint(item, _lines_of(item, _scope(item)), boilerplate)


def _redirect(item: DedupInput) -> bool:
    """Whether ``item`` arrived through an aggregator's opaque link."""
    return item.aggregated or (bool(item.url) and "news.google." in item.url and is_redirect(item.url))


def _scope(item: DedupInput, canon: str | None = None) -> str:
    """Where boilerplate is learned: the item's site, else its source."""
    if not _redirect(item):
        host = _host(_canonical(item) if canon is None else canon)
        if host:
            return host
    return item.source or ""


@lru_cache(maxsize=64)  # asked twice for each new item: for its boilerplate scope and its site
def _host(canon: str) -> str:
    """The host of a canonical URL (:func:`monitor.canonical.site` of it)."""
    if not canon:
        return ""
    plain = _PLAIN_HOST.match(canon)  # what urlsplit gives for these, without its work
    return plain.group(1) if plain else (urlsplit(canon).hostname or "")


#: A URL whose host is lower-case letters, digits, dots and hyphens, with no user, port or
#: surrounding space: its host is the text after the scheme.
_PLAIN_HOST = re.compile(r"https?://([a-z0-9.-]+)(?=[/?#]|\Z)")


def _lines_of(item: DedupInput, scope: str) -> list[tuple[int, str, list[str]]]:
    """The non-empty lines of ``item``'s text: :func:`line_key` (0 for a line longer than
    :data:`BOILERPLATE_WORDS`: a paragraph of text, not counted), normalised text, words."""
    out = []
    for raw in item.text.split("\n"):
        normal = normalise(raw)
        found = _split(normal)
        if found:
            out.append((line_key(scope, " ".join(found)) if len(found) <= BOILERPLATE_WORDS else 0, normal, found))
    return out


def _fingerprint(item: DedupInput, lines: list[tuple[int, str, list[str]]], boilerplate: frozenset[int] | set[int], canon: str | None = None) -> Fingerprint:
    redirect = _redirect(item)
    headline, named_outlet = _split_outlet(item.title) if redirect else (item.title, "")
    writing = script(f"{item.title} {item.text[:2000]}")
    kept = [line for line in lines if line[0] not in boilerplate]
    headline_words = words(headline)
    every = headline_words.copy()  # the title's words, then the text's
    for line in kept:
        every += line[2]
    hashed = _hashed(every, writing)
    packed, terms, sampled = _vectors(hashed)
    head = sum(h & 1 for h in hashed[: len(headline_words)])
    sample = set(sampled)
    sample.update(_key("fact", f) for f in item.facts)
    if canon is None:
        canon = _canonical(item)
    host = _host(canon)
    return Fingerprint(
        id=item.id,
        published=_utc(item.published),
        script=writing,
        lang=(item.lang or "").split("-")[0].lower() or None,
        outlet=named_outlet or item.source or host,
        site="" if redirect else host,
        redirect=redirect,
        url_key=_key("url", canon) if canon else None,
        guid_key=_guid_key(item.guid, item.source),
        title_key=_key("title", writing, " ".join(headline_words)) if headline_words else None,
        words=len(every) - len(headline_words),
        packed_shingles=packed,
        sequence=terms,
        sample=tuple(sorted(sample)),
        complete=item.complete,
        head=head,
        figures=figures("\n".join(line[1] for line in kept), normalised=True),
        facts=tuple(sorted({_crc(f) for f in item.facts})),
    )


def _canonical(item: DedupInput) -> str:
    return item.canonical_url or (canonical_url(item.url) if item.url else "")


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


# --------------------------------------------------------------------------- one pair


def identity(new: Fingerprint, old: Fingerprint, window_days: int) -> str | None:
    """Whether ``new`` is another copy of the article ``old`` is: ``url``, ``guid`` or
    ``title`` (a Google News headline from the outlet it names), else ``None``."""
    ids = {new.url_key, new.guid_key} & {old.url_key, old.guid_key} - {None}
    if ids:  # a permalink GUID is a URL: it may equal the other's URL
        return "url" if new.url_key in ids else "guid"
    if _same_language(new, old) and _within(new.published, old.published, timedelta(days=window_days)) and _same_headline_and_outlet(new, old):
        return "title"
    return None


def reprint(new: Fingerprint, old: Fingerprint, window_days: int) -> float | None:
    """Whether one of ``new`` and ``old`` is a reprint of the other: the share of the later
    one found in the earlier (see the module docstring), else ``None``."""
    if not (new.words and old.words) or not _same_language(new, old) or not _within(new.published, old.published, timedelta(days=window_days)):
        return None  # a headline alone is no evidence: columns and generic headlines recur
    if not (new.full and old.full):  # the share of the smaller set found in the other
        smaller = min(new.shingle_count, old.shingle_count)
        shared = new.shared_shingles(old) if smaller else 0
        score = shared / smaller if smaller else 0.0
        return score if score >= SHORT_CONTAINMENT and shared >= MIN_SHARED else None
    later, earlier = _later_first(new, old)
    shared = new.shared_shingles(old)
    score = shared / later.shingle_count if later.shingle_count else 0.0
    if not (score >= CONTAINMENT and shared >= MIN_SHARED):
        if _same_outlet(later, earlier) and not _within(later.published, earlier.published, timedelta(hours=OWN_REWRITE_HOURS)):
            return None  # an outlet's own wording on another day is its template, not a re-run
        score = _retold(later, earlier)
        # the earlier item can be told in the later when fewer of its words are needed than
        # the later's own rule needed and missed (a shortfall of runs fails both)
        if score is None and later.script in RUN_SCRIPTS and EXPANDED * len(earlier.sequence) < max(ORDERED * len(later.sequence), MIN_SHARED):
            score = _expanded(later, earlier)
        if score is None:
            return None
    if not leads_agree(later, earlier) or figures_disagree(later, earlier):
        return None
    return score


def _retold(later: Fingerprint, earlier: Fingerprint) -> float | None:
    """The share of ``later``'s content words told in ``earlier`` in the same order, when it
    is at least :data:`ORDERED` and (in :data:`RUN_SCRIPTS`) the two share runs of words
    (:data:`RETOLD_RUNS`); else ``None``."""
    needed = max(ORDERED * len(later.sequence), MIN_SHARED) - 1e-9  # words in common, in order
    # the later item's words found in the earlier at all bound their common subsequence:
    # most candidates fall short of it and skip the longer computation
    vocabulary = set(earlier.sequence)
    if sum(map(vocabulary.__contains__, later.sequence)) < needed:
        return None
    score = common_subsequence(later.sequence, earlier.positions, len(earlier.sequence)) / len(later.sequence)
    if round(score * len(later.sequence)) < needed:
        return None
    if later.script in RUN_SCRIPTS and score < ORDERED_ALONE and run_share(later.body, earlier.body) < RETOLD_RUNS:
        return None  # the same names and terms in the same order, but in words of its own
    return score


def _expanded(later: Fingerprint, earlier: Fingerprint) -> float | None:
    """The share of ``earlier``'s content words told in ``later`` in the same order, when
    ``later`` is ``earlier`` with more text: at least :data:`EXPANDED` of it in order, runs of
    words in common (:data:`EXPANDED_RUNS`) and ``later`` leading with it
    (:data:`EXPANDED_LEAD`); else ``None``."""
    needed = max(EXPANDED * len(earlier.sequence), MIN_SHARED) - 1e-9
    vocabulary = set(later.sequence)
    if sum(map(vocabulary.__contains__, earlier.sequence)) < needed:
        return None
    score = common_subsequence(earlier.sequence, later.positions, len(later.sequence)) / len(earlier.sequence)
    if round(score * len(earlier.sequence)) < needed or run_share(later.body, earlier.body) < EXPANDED_RUNS:
        return None
    lead = later.body[: 2 * LEAD_WORDS]  # a roundup led by another story carries it further down
    if not lead or common_subsequence(lead, earlier.positions, len(earlier.sequence)) / len(lead) < EXPANDED_LEAD:
        return None
    return score


def run_share(a: Sequence[int], b: Sequence[int]) -> float:
    """The share of the runs of :data:`RUN_WORDS` consecutive content words of the shorter
    of ``a`` and ``b`` (each distinct run once) that the other has too."""
    k = RUN_WORDS
    first, second = set(zip(*(a[i:] for i in range(k)))), set(zip(*(b[i:] for i in range(k))))
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def leads_agree(later: Fingerprint, earlier: Fingerprint) -> bool:
    """Whether each text leads with what the other tells: the earlier item's first
    :data:`LEAD_WORDS` content words told in the later, in order, and the later item's
    first ``2 * LEAD_WORDS`` in the earlier, each at least :data:`LEAD_SHARE`."""
    first, second = earlier.body[:LEAD_WORDS], later.body[: 2 * LEAD_WORDS]
    if not first or not second:
        return True  # a text of title alone has no lead to compare
    # each lead as the bit side and the other text as the steps (the length of a common
    # subsequence is the same either way round): the positions of a lead are cheap to make,
    # those of a whole text are not made for this
    told = common_subsequence(later.sequence, _positions(first), len(first)) / len(first)
    return told >= LEAD_SHARE and common_subsequence(earlier.sequence, _positions(second), len(second)) / len(second) >= LEAD_SHARE


def figures_disagree(later: Fingerprint, earlier: Fingerprint, *, days: bool = True) -> bool:
    """Whether the figures of ``later`` disagree with those of ``earlier``: at least
    :data:`FIGURE_CONFLICTS` in the same words with other values, and at least half as many
    as the figures they share; or (with ``days``) another weekday after the same word, a
    report of another day."""
    agree, conflict, other_days = figure_conflicts(later.figures, earlier.figures)
    return (days and other_days > 0) or (conflict >= FIGURE_CONFLICTS and 2 * conflict >= agree)


def same_event(new: Fingerprint, old: Fingerprint) -> tuple[str, float] | None:
    """Whether ``new`` and ``old`` report one event, how (``facts`` or ``text``) and how
    closely; ``None`` when not (see the module docstring)."""
    shared_facts = set(new.facts) & set(old.facts)
    if shared_facts and _within(new.published, old.published, timedelta(days=EVENT_FACT_DAYS)):
        return "facts", round(len(shared_facts) / min(len(new.facts), len(old.facts)), 4)
    if not (new.full and old.full) or not _same_language(new, old) or not _within(new.published, old.published, timedelta(hours=EVENT_HOURS)):
        return None
    a, b = set(new.sequence), set(old.sequence)
    cover = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    if cover < EVENT_COVER or _lead_told(new, b) < EVENT_LEAD or _lead_told(old, a) < EVENT_LEAD:
        return None
    later, earlier = _later_first(new, old)
    if figures_disagree(later, earlier, days=False) or figures_disagree(earlier, later, days=False):
        return None
    return "text", round(cover, 4)


def _lead_told(f: Fingerprint, vocabulary: set[int]) -> float:
    """The share of ``f``'s title and first :data:`EVENT_LEAD_WORDS` content words found in
    ``vocabulary``."""
    lead = set(f.sequence[: f.head + EVENT_LEAD_WORDS])
    return len(lead & vocabulary) / len(lead) if lead else 0.0


def _later_first(new: Fingerprint, other: Fingerprint) -> tuple[Fingerprint, Fingerprint]:
    """The two items, the later published first: a reprint follows its source. On a tie (or
    without dates) the item being placed is taken as the later."""
    if new.published and other.published and new.published < other.published:
        return other, new
    return new, other


def _same_outlet(a: Fingerprint, b: Fingerprint) -> bool:
    if a.site or b.site:
        return a.site == b.site
    return _compact(a.outlet) == _compact(b.outlet) != ""


def _same_language(a: Fingerprint, b: Fingerprint) -> bool:
    return a.script == b.script and (a.lang is None or b.lang is None or a.lang == b.lang)


def _within(a: str | None, b: str | None, span: timedelta) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(_moment(a) - _moment(b)) <= span


#: A stored time read back, kept: a placement compares the times of the same few dozen items
#: many times.
_moment = lru_cache(maxsize=4096)(datetime.fromisoformat)


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


# --------------------------------------------------------------------------- placing an item


def assign(item: DedupInput, index: DedupIndex, window_days: int = 7) -> str:
    """Put ``item`` in a story, and its story in an event, in ``index``; return the story id.

    An item seen before keeps its story, so re-running over the same items changes nothing;
    a new story's id is the id of its first item, a new event's the id of its first story.
    A new item joins the stories it is a copy of (the same article, through any member:
    they merge) and the stories whose representatives it is a reprint of. Those merge into
    the first only when their representatives are reprints of each other (the new item
    counts as a representative of a story it is the primary item of); otherwise it joins
    the one it matches most closely. Merged stories keep the id of the one founded first,
    and their events merge. A new story joins the event whose founding story's
    representatives report the same event (:func:`same_event`), if any.
    """
    known = index.get(item.id)
    if known is not None:
        return known.member.cluster
    canon = _canonical(item)
    lines = _lines_of(item, _scope(item, canon))
    line_keys = tuple(dict.fromkeys(line[0] for line in lines if line[0]))
    counts = index.line_counts(line_keys) if line_keys else {}
    boilerplate = {k for k in line_keys if counts.get(k, 0) >= BOILERPLATE_STORIES}
    new = _fingerprint(item, lines, boilerplate, canon)
    since, until = _window(new.published, window_days)
    copies_of = index.exact(new.exact_keys)
    cache: dict[str, Indexed | None] = {c.fingerprint.id: c for c in copies_of}
    found = [Candidate(c.member, 0, c.fingerprint.published) for c in copies_of]
    near = max(MIN_SHARED_KEYS, EVENT_KEY_SHARE * len(new.sample))  # an event's report shares as many keys
    found += index.candidates(new.sample, since, until, limit=CANDIDATE_LIMIT, min_shared=min(math.ceil(near), len(new.sample)))
    if item.facts:  # one shared figure is enough to look at (reports in another language share no text)
        found += index.candidates([_key("fact", f) for f in item.facts], *_window(new.published, EVENT_FACT_DAYS), limit=CANDIDATE_LIMIT)
    stories: dict[str, Cluster | None] = {}

    def story(cid: str) -> Cluster | None:
        if cid not in stories:
            stories[cid] = index.cluster(cid)
        return stories[cid]

    copies: dict[str, Member] = {}
    for old in copies_of:
        how = identity(new, old.fingerprint, window_days)
        cid = old.member.cluster
        if how and story(cid) is not None:
            m = Member(new.id, cid, how, 1.0)
            if cid not in copies or _strength(m) < _strength(copies[cid]):
                copies[cid] = m
    enough = max(MIN_SHARED_KEYS, STORY_KEY_SHARE * len(new.sample))
    reprints: dict[str, Member] = {}
    for cid in dict.fromkeys(c.member.cluster for c in found if c.shared >= enough or not c.shared):  # 0: a copy
        if cid in copies or story(cid) is None:
            continue
        score = _best_reprint(new, story(cid), index, cache, window_days)
        if score is not None:
            reprints[cid] = Member(new.id, cid, "text", round(score, 4))
    if not copies and not reprints:
        return _found_story(new, line_keys, found, index, cache, window_days)
    if copies:
        base = min(copies, key=lambda c: _founded(story(c)))
        together = list(copies)
    else:
        base = min(reprints.values(), key=lambda m: (-m.score, _founded(story(m.cluster)))).cluster
        together = [base]
    others = [cid for cid in reprints if cid != base]
    if others:  # do their representatives match the story this item joins, as it will be?
        probe = story(base)
        for cid in together:
            if cid != base:
                probe = _combine(probe, story(cid), index, cache)
        cache[new.id] = Indexed(new, Member(new.id, base, "first"))
        probe = _grow(probe, new, index, cache)
        together += [cid for cid in others if _stories_match(probe, story(cid), index, cache, window_days)]
        del cache[new.id]
    matched = {**reprints, **copies}
    survivor = story(min(together, key=lambda c: _founded(story(c))))
    absorbed = [c for c in sorted(together, key=lambda c: _founded(story(c))) if c != survivor.id]
    cluster = survivor
    for cid in absorbed:
        cluster = _combine(cluster, story(cid), index, cache)
    event: Event | None = None
    if absorbed:
        event = _event_of(survivor, index)
        gone: list[str] = []
        for cid in absorbed:
            other = _event_of(story(cid), index)
            if other.id != event.id and other.id not in gone:
                gone.append(other.id)
                event = replace(event, stories=event.stories + other.stories)
        event = replace(event, stories=event.stories - len(absorbed))
        cluster = replace(cluster, event=event.id)
        index.merge(cluster, absorbed, event, gone)
        event = None  # saved
    member = replace(min((matched[c] for c in together), key=_strength), cluster=survivor.id)
    index.add(Placement(new, member, _grow(cluster, new, index, cache), event, line_keys))
    return survivor.id


def _found_story(new: Fingerprint, line_keys: tuple[int, ...], found: list[Candidate], index: DedupIndex, cache: dict, window_days: int) -> str:
    """Found a new story for ``new`` and put it in the event it reports (the one it matches
    best: by shared figures first, then most closely, then nearest in time), or a new one."""
    outlets = (new.outlet,) if new.outlet else ()
    best: tuple | None = None
    seen: set[str] = set()
    reach = timedelta(days=EVENT_FACT_DAYS) if new.facts else timedelta(hours=EVENT_HOURS)
    close = [c for c in found if _within(new.published, c.published, reach)] if new.facts or new.full else []
    for cid in dict.fromkeys(c.member.cluster for c in close):
        story = index.cluster(cid)
        if story is None or (story.event or story.id) in seen:
            continue
        eid = story.event or story.id
        seen.add(eid)
        founder = index.cluster(eid)
        if founder is None or not (_within(new.published, founder.first_seen, reach) or _within(new.published, founder.last_seen, reach)):
            continue
        for rep in _representatives(founder, index, cache):
            how = same_event(new, rep.fingerprint)
            if how:
                rank = (how[0] == "facts", how[1], -_distance(new.published, rep.fingerprint.published), eid)
                if best is None or rank > best[0]:
                    best = (rank, eid, how)
    story = Cluster(new.id, new.id, new.published, new.published, outlets, 1, new.id)
    event = index.event(best[1]) if best else None
    if best and event is not None:
        story = replace(story, event=event.id, event_reason=best[2][0], event_score=best[2][1])
        event = replace(event, stories=event.stories + 1)
    else:
        event = Event(new.id, new.published, 1)
    index.add(Placement(new, Member(new.id, new.id, "first"), story, event, line_keys))
    return new.id


def _distance(a: str | None, b: str | None) -> float:
    """Seconds between two times; undated items are far from everything."""
    if a is None or b is None:
        return float("inf")
    return abs((_moment(a) - _moment(b)).total_seconds())


def representatives(story: Cluster, index: DedupIndex) -> list[Indexed]:
    """The items a new report is compared with: the story's founding item and its primary
    item (the earliest of the most complete)."""
    return _representatives(story, index, {})


def _representatives(story: Cluster, index: DedupIndex, cache: dict[str, Indexed | None]) -> list[Indexed]:
    reps = []
    for item_id in dict.fromkeys((story.id, story.primary_item)):
        if item_id not in cache:
            cache[item_id] = index.get(item_id)
        if cache[item_id] is not None:
            reps.append(cache[item_id])
    return reps


def _best_reprint(new: Fingerprint, story: Cluster, index: DedupIndex, cache: dict, window_days: int) -> float | None:
    scores = [s for rep in _representatives(story, index, cache) if (s := reprint(new, rep.fingerprint, window_days)) is not None]
    return max(scores) if scores else None


def _stories_match(a: Cluster, b: Cluster, index: DedupIndex, cache: dict, window_days: int) -> bool:
    """Whether a representative of one story is a reprint of one of the other's."""
    return any(reprint(x.fingerprint, y.fingerprint, window_days) is not None for x in _representatives(a, index, cache) for y in _representatives(b, index, cache))


def _founded(story: Cluster) -> tuple:
    return (story.first_seen is None, story.first_seen or "", story.id)


def _strength(m: Member) -> tuple:
    return (REASONS.index(m.reason), -m.score, m.cluster)


def _window(published: str | None, window_days: int) -> tuple[str | None, str | None]:
    if published is None:
        return None, None
    moment, span = datetime.fromisoformat(published), timedelta(days=window_days)
    return (moment - span).isoformat(), (moment + span).isoformat()


def _event_of(cluster: Cluster, index: DedupIndex) -> Event:
    event = index.event(cluster.event) if cluster.event else None
    if event is None:  # a story stored before events: its own event
        event = Event(cluster.id, cluster.first_seen, 1)
    return event


def _get(item_id: str, index: DedupIndex, cache: dict[str, Indexed | None]) -> Indexed | None:
    if item_id not in cache:
        cache[item_id] = index.get(item_id)
    return cache[item_id]


def _grow(cluster: Cluster, new: Fingerprint, index: DedupIndex, cache: dict) -> Cluster:
    primary = _get(cluster.primary_item, index, cache)
    dates = [d for d in (cluster.first_seen, cluster.last_seen, new.published) if d]
    return replace(
        cluster,
        primary_item=new.id if primary is None or _rank(new) < _rank(primary.fingerprint) else cluster.primary_item,
        first_seen=min(dates, default=None),
        last_seen=max(dates, default=None),
        outlets=tuple(sorted(set(cluster.outlets) | ({new.outlet} if new.outlet else set()))),
        size=cluster.size + 1,
    )


def _combine(cluster: Cluster, other: Cluster, index: DedupIndex, cache: dict) -> Cluster:
    """``cluster`` with ``other``'s members: the better primary item, the wider span."""
    mine, theirs = _get(cluster.primary_item, index, cache), _get(other.primary_item, index, cache)
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


# --------------------------------------------------------------------------- the key index


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
        self._sample: dict[int, tuple[int, ...]] = {}

    def __len__(self) -> int:
        return len(self._when)

    def __contains__(self, slot: int) -> bool:
        return slot in self._when

    def add(self, slot: int, when: float | None, keys: Iterable[int]) -> None:
        if slot in self._when:  # a slot used again: forget what it held
            self.remove(slot)
        self._when[slot] = when
        sample = tuple(set(keys))
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


# --------------------------------------------------------------------------- in memory


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


# --------------------------------------------------------------------------- JSON lines


def dedup_lines(lines: Iterable[str], window_days: int = 7) -> Iterator[dict[str, object]]:
    """Place JSON lines ``{"id", "title", "text", "url"?, "published"?}`` in stories and
    events; yield ``{"id", "cluster", "event"}`` for each, in input order, once all are read
    (a later item can show that two stories are one). ``guid``, ``source``, ``lang``,
    ``complete`` (true when ``text`` is the whole article) and ``facts`` (a list of fact
    keys) are read too.

    Items that share a cluster are one story; the cluster is the id (as a string) of the
    story's first item. Stories that share an event report one happening; the event is the
    id of its first story. A line that is not such an object yields
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
            story = index.cluster(indexed.member.cluster) if indexed else None
            result["cluster"] = indexed.member.cluster if indexed else None
            result["event"] = (story.event or story.id) if story else None
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
    facts = obj.get("facts") or []
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        return None
    title, text = fields.pop("title") or "", fields.pop("text") or ""
    return DedupInput(id=str(obj["id"]), title=title, text=text, complete=complete, facts=tuple(facts), **fields)
