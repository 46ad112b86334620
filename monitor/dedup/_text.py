"""Words, shingles, content words, figures and the measures between two texts."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from functools import cache
from typing import Sequence

import numpy as np

from ._params import (
    _ARABIC,
    _ASCII_GAPS,
    _FOLD,
    _KEY_OFFSET,
    _LATIN,
    _TOKEN,
    _WORD,
    FUNCTION_WORDS,
    SAMPLE_MODULUS,
    SHINGLE_WORDS,
    WEEKDAYS,
    WORD_MODULUS,
)


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


#: A code point no character has: what the vector tables map a dropped character to.
_DROPPED = 0xFFFFFFFF
#: A character beyond the Basic Multilingual Plane (the vector tables stop at U+FFFF), or a
#: lone surrogate (which no UTF is written with).
_ASTRAL = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


@cache
def _vector_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_table` as an array indexed by code point (:data:`_DROPPED` for a character it
    drops; each of its characters maps to at most one); each code point's word gap (itself
    when ``\\w`` matches it, else a space); and each one's script (1 Arabic, 2 Latin, 0
    other, as :data:`_ARABIC` and :data:`_LATIN` match them). The Basic Multilingual Plane
    only: other characters take the slow path."""
    table = _table()
    fold = np.arange(0x10000, dtype=np.uint32)
    for code, to in table.items():
        fold[code] = _DROPPED if to is None else ord(to)
    chars = [chr(c) for c in range(0x10000)]
    gaps = np.array([c if chars[c].isalnum() or c == 0x5F else 0x20 for c in range(0x10000)], dtype=np.uint32)
    scripts = np.zeros(0x10000, dtype=np.uint8)
    scripts[[c for c in range(0x10000) if _ARABIC.match(chars[c])]] = 1
    scripts[[c for c in range(0x10000) if _LATIN.match(chars[c])]] = 2
    return fold, gaps, scripts


def _codes(text: str) -> np.ndarray:
    """The code points of ``text``."""
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)


def normalise(text: str) -> str:
    """``text`` with marks dropped, letter forms folded, digits in ASCII, case folded.

    Text in other scripts than ASCII goes through :func:`_table` as one array lookup over its
    code points (``str.translate`` takes about 50 ns for each character of an Urdu story)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    if _ASTRAL.search(decomposed):
        return decomposed.translate(_table()).casefold()
    codes = _vector_tables()[0][_codes(decomposed)]
    return codes[codes != _DROPPED].tobytes().decode("utf-32-le").casefold()


def words(text: str) -> list[str]:
    """The normalised words of ``text``, in order."""
    return _split(normalise(text))


def _split(normal: str) -> list[str]:
    """The words (``\\w+``) of normalised text, by :meth:`str.split` once every character
    ``\\w`` does not match is a space (by the regular expression beyond U+FFFF)."""
    if normal.isascii():
        return normal.translate(_ASCII_GAPS).split()
    if _ASTRAL.search(normal):
        return _WORD.findall(normal)
    return _vector_tables()[1][_codes(normal)].tobytes().decode("utf-32-le").split()  # as ASCII text, by gaps


def script(text: str) -> str:
    """The dominant script of ``text``'s letters: ``arabic``, ``latin`` or ``other``."""
    sample = text[:2000]
    if sample.isascii():
        return "latin" if _LATIN.search(sample) else "other"
    if _ASTRAL.search(sample):
        arabic, latin = len(sample) - len(_ARABIC.sub("", sample)), len(sample) - len(_LATIN.sub("", sample))
    else:
        _, arabic, latin = np.bincount(_vector_tables()[2][_codes(sample)], minlength=3).tolist()
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
    hashes = list(map(table.get, tokens))  # one pass over the table (most of a text is known)
    if None in hashes:  # words not seen before: fill in their places
        person = salt.encode("utf-8")[:16]
        for i in [i for i, h in enumerate(hashes) if h is None]:
            t = tokens[i]
            h = table.get(t)  # the same new word earlier in the text
            if h is None:
                h = _hash64(t, person) | 1
                if len(t) <= 1 or t in FUNCTION_WORDS or t.isdigit():
                    h ^= 1
                table[t] = h
            hashes[i] = h
    return hashes


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
    words_ = np.fromiter(hashed, dtype=np.uint64, count=len(hashed))
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


def tells_its_days(later: Sequence[int], earlier: Sequence[int]) -> bool:
    """Whether ``later`` (flattened :func:`figures` triples) tells every weekday ``earlier``
    tells, and ``earlier`` tells one."""
    days = {value for value in earlier[0::3] if value in _DAY_HASHES}
    return bool(days) and days <= set(later[0::3])


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
