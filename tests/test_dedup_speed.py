"""The faster ways deduplication works out words, hosts and comparisons give what the plain
ways give: each shortcut is checked against the plain computation it replaces."""

from __future__ import annotations

import random
import string
import unicodedata
from dataclasses import replace
from urllib.parse import urlsplit

import numpy as np
import pytest

from monitor import dedup
from monitor.dedup import DedupInput, fingerprint
from monitor.dedup._params import _ARABIC, _LATIN
from monitor.dedup._text import _table, _vectors


def test_ascii_text_splits_into_the_words_the_regular_expression_finds():
    rng = random.Random(14)
    alphabet = string.ascii_letters + string.digits + string.punctuation + " \t\n\r\x0b\x0c\x00\x1c\x1f\x7f"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))).lower()
        assert dedup._split(text) == dedup._WORD.findall(text), repr(text)
    assert dedup.words("Rs1,000 per tola; KSE-100 at 3:30pm (snake_case) it's") == [
        "rs1", "000", "per", "tola", "kse", "100", "at", "3", "30pm", "snake_case", "it", "s"]  # fmt: skip


def test_text_that_is_not_ascii_splits_into_the_words_the_regular_expression_finds():
    text = dedup.normalise("اسٹیٹ بینک نے کہا، café au lait: ۱۲۳")
    assert dedup._split(text) == dedup._WORD.findall(text) == ["اسٹیٹ", "بینک", "نے", "کہا", "cafe", "au", "lait", "123"]


def _plain_normalise(text: str) -> str:
    """What :func:`dedup.normalise` gives, a character at a time."""
    return text.lower() if text.isascii() else unicodedata.normalize("NFKD", text).translate(_table()).casefold()


def _plain_script(text: str) -> str:
    sample = text[:2000]
    arabic = len(sample) - len(_ARABIC.sub("", sample))
    latin = len(sample) - len(_LATIN.sub("", sample))
    return "other" if not arabic and not latin else "arabic" if arabic > latin else "latin"


def _every_character() -> list[str]:
    """Each code point in turn between letters, digits and a sharp s (which case folding
    turns into two letters), in blocks of 64; lone surrogates among them."""
    chars = [chr(c) for c in range(0x110000) if c % 7 == 0 or c < 0x10000]
    return ["".join(f"a{c}b ß{c}1 " for c in chars[i : i + 64]) for i in range(0, len(chars), 64)]


def test_normalising_words_and_script_by_array_give_what_they_give_a_character_at_a_time():
    texts = _every_character()
    rng = random.Random(15)
    ranges = [(0x20, 0x3000), (0x600, 0x700), (0xFB50, 0xFF00), (0x300, 0x370), (0x10000, 0x1F700), (0xD800, 0xE000)]
    for _ in range(2000):
        texts.append("".join(chr(rng.randrange(*rng.choice(ranges))) if rng.random() < 0.8 else " " for _ in range(rng.randint(0, 80))))
    texts += ["ایکسپریس ٹریبیون: آئی ٹی برآمدات ۳۵۰ ملین ڈالر ہو گئیں", "Ａｂｃ ﬁnance ١٢٣", "كيه ي ى ة ۃ ـ \u200c\u200d", "😀 IT exports 🇵🇰"]
    for text in texts:
        normal = _plain_normalise(text)
        assert dedup.normalise(text) == normal, repr(text)
        assert dedup._split(normal) == dedup._WORD.findall(normal), repr(text)
        assert dedup.script(text) == _plain_script(text), repr(text)


@pytest.mark.parametrize(
    "url",
    [
        "https://tribune.com.pk/story/1/x",
        "http://a.b.c/?x=1",
        "https://thenews.com.pk",
        "https://thenews.com.pk#top",
        "https://Ex.PK/",
        "https://ex.pk:8080/a",
        "https://user@ex.pk/a",
        "https://ex.pk\t/a",
        "https://ex.pk\n",
        " https://ex.pk/a",
        "https://[::1]/a",
        "https://ex.pk./a",
        "https:///a",
        "ftp://ex.pk/a",
        "https://bücher.de/a",
    ],
)
def test_host_is_the_host_urlsplit_reads(url):
    assert dedup._host.__wrapped__(url) == (urlsplit(url).hostname or "")


def _with_shingles(values: list[int]) -> dedup.Fingerprint:
    base = fingerprint(DedupInput("x", "A title", "some words of text"))
    return replace(base, packed_shingles=np.array(values, dtype="<u4").tobytes())


def test_shingles_in_common_are_counted_as_sets_would_count_them():
    rng = random.Random(6)
    for _ in range(2000):
        pool = rng.sample(range(1 << 32), 500) if rng.random() < 0.5 else list(range(700))
        a, b = rng.sample(pool, rng.randint(0, 300)), rng.sample(pool, rng.randint(0, 300))
        mine, theirs = sorted(a), sorted(b)
        if rng.random() < 0.1:
            theirs = b  # an older layout need not be sorted
        if rng.random() < 0.05:
            theirs = sorted(b + b[:3])  # nor free of repeats
        want = len(set(mine) & set(theirs))
        x, y = _with_shingles(mine), _with_shingles(theirs)
        assert x.shared_shingles(y) == y.shared_shingles(x) == want


def test_sorted_shingles_are_compared_without_making_sets():
    a, b = fingerprint(DedupInput("a", "T", WIRE_TEXT)), fingerprint(DedupInput("b", "T", WIRE_TEXT + " And one more line."))
    assert a.shared_shingles(b) == len(a.shingles & b.shingles)
    fresh_a, fresh_b = replace(a), replace(b)
    fresh_a.shared_shingles(fresh_b)
    assert "shingles" not in vars(fresh_a) and "shingles" not in vars(fresh_b)


def test_common_subsequence_is_as_long_either_way_round():
    rng = random.Random(9)
    for _ in range(2000):
        x = [rng.randrange(12) for _ in range(rng.randint(1, 40))]
        y = [rng.randrange(12) for _ in range(rng.randint(1, 80))]
        forward = dedup.common_subsequence(x, dedup._positions(y), len(y))
        assert forward == dedup.common_subsequence(y, dedup._positions(x), len(x)) == _lcs(x, y)


def _lcs(x: list[int], y: list[int]) -> int:
    row = [0] * (len(y) + 1)
    for a in x:
        previous = 0
        for j, b in enumerate(y, 1):
            previous, row[j] = row[j], previous + 1 if a == b else max(row[j], row[j - 1])
    return row[-1]


def test_leads_are_compared_without_the_positions_of_whole_texts():
    earlier = fingerprint(DedupInput("e", "Rates held", WIRE_TEXT, published="2025-08-18T09:00:00+00:00"))
    later = fingerprint(DedupInput("l", "Rates held", "A new first line. " + WIRE_TEXT, published="2025-08-18T11:00:00+00:00"))
    assert dedup.leads_agree(later, earlier)
    assert "positions" not in vars(earlier) and "positions" not in vars(later)


def test_a_leads_positions_are_made_once_and_are_the_plain_ones():
    item = fingerprint(DedupInput("e", "Rates held", WIRE_TEXT, published="2025-08-18T09:00:00+00:00"))
    for length in (dedup.LEAD_WORDS, 2 * dedup.LEAD_WORDS, 3):
        kept = item.lead_positions(length)
        assert kept == dedup._positions(item.body[:length])
        assert item.lead_positions(length) is kept
    blank = fingerprint(DedupInput("b", "Only a title", ""))
    assert blank.lead_positions(dedup.LEAD_WORDS) == {}


def test_whether_an_items_shingles_are_sorted_is_looked_at_once():
    a, b = fingerprint(DedupInput("a", "T", WIRE_TEXT)), fingerprint(DedupInput("b", "T", WIRE_TEXT + " And one more line."))
    a.shared_shingles(b)
    kept = vars(a)["_sorted_shingles"]
    assert kept is not None and kept.tobytes() == a.packed_shingles
    assert a.shared_shingles(b) == len(a.shingles & b.shingles) and vars(a)["_sorted_shingles"] is kept
    unsorted = _with_shingles([5, 3, 9])
    assert unsorted._sorted_shingles is None and unsorted.shared_shingles(_with_shingles([3, 4, 5])) == 2


def test_new_and_known_words_of_one_text_hash_as_each_alone():
    dedup._WORD_HASHES.pop("test-salt", None)
    try:
        first = dedup._hashed(["rates", "held", "the"], "test-salt")
        mixed = dedup._hashed(["the", "policy", "rates", "policy"], "test-salt")  # one new word, twice
        assert mixed[0] == first[2] and mixed[2] == first[0] and mixed[1] == mixed[3]
        dedup._WORD_HASHES.pop("test-salt")
        assert dedup._hashed(["the", "policy", "rates", "policy"], "test-salt") == mixed
        assert mixed[0] & 1 == 0 and mixed[1] & 1 == 1  # a function word carries no content
    finally:
        dedup._WORD_HASHES.pop("test-salt", None)


WIRE_TEXT = (
    "The State Bank of Pakistan kept its policy rate unchanged at eleven percent on Monday, saying "
    "inflation had eased faster than expected over the summer while the current account stayed in "
    "surplus for a fourth month. The governor told reporters in Karachi that information technology "
    "exports had risen to a record in July and that remittances sent by freelancers through banking "
    "channels were growing steadily. Analysts had expected a cut of one percentage point after prices "
    "rose by less than five percent in the year to July."
)


@pytest.mark.parametrize("text", ["", "rates", "The State Bank kept the policy rate at 11 percent, and the rate held.", "اسٹیٹ بینک نے شرح سود 11 فیصد پر برقرار رکھی اور شرح برقرار رہی"])
def test_a_fingerprint_packs_the_shingles_and_content_words_their_plain_definitions_give(text):
    """:func:`monitor.dedup._text._vectors` makes in a few array operations what :func:`dedup.shingles` and
    :func:`dedup.content_words` define word by word."""
    tokens, salt = dedup.words(text), dedup.script(text)
    packed, terms, _ = _vectors(dedup._hashed(tokens, salt))
    low = sorted({h & 0xFFFFFFFF for h in dedup.shingles(tokens, salt)}) if tokens else []
    assert np.frombuffer(packed, dtype="<u4").tolist() == low
    assert list(terms) == [h & 0xFFFFFFFF for h in dedup.content_words(tokens, salt)]
