"""Deduplication: one story per event, whatever the links, reprints and languages."""

from __future__ import annotations

import json
import os
import sqlite3
import struct
import subprocess
import sys
from dataclasses import replace
from datetime import datetime
from typing import Iterator

import pytest
from click.testing import CliRunner

from monitor import dedup
from monitor.cli import cli
from monitor.dedup import DedupInput, MemoryIndex, assign, dedup_lines, fingerprint, script, words
from monitor.store import SqliteDedupIndex, Store

# Fixtures are written for these tests: a wire story, a reprint of it and unrelated items.
WIRE = (
    "ISLAMABAD, Aug 18: The State Bank of Pakistan said on Monday that remittances sent home by "
    "freelancers through banking channels rose to a record level in July, helped by a new rule "
    "that lets exporters of services keep a larger share of their earnings in foreign currency "
    "accounts. According to the central bank, the information technology sector earned 354 million "
    "dollars during the month, twenty one percent more than in the same month last year. Officials "
    "said the growth came mainly from software development, call centres and computer consultancy. "
    "The bank added that more than eleven thousand new freelancers had registered with the Pakistan "
    "Software Export Board since January. A spokesman said the retention limit would be reviewed "
    "again in December after consultation with industry bodies and commercial banks."
)
REPRINT = (
    "KARACHI: The freelancing community welcomed fresh figures on Monday showing that the sector "
    "keeps growing despite slow internet speeds across the country. The State Bank of Pakistan said "
    "that remittances sent home by freelancers through banking channels rose to a record level in "
    "July, helped by a new rule that lets exporters of services keep a larger share of their earnings "
    "in foreign currency accounts. According to the central bank, the IT sector earned $354 million "
    "during the month, 21 percent more than in the same month last year. Officials said the growth "
    "came mainly from software development, call centres and computer consultancy."
)
OTHER_STORY = (
    "LAHORE: The Pakistan Telecommunication Authority asked internet service providers on Tuesday to "
    "report every outage longer than thirty minutes within one hour, after users in several cities "
    "complained of slow connections during the evening. The regulator said operators that fail to "
    "report would face fines under the licence conditions, and that a public dashboard showing the "
    "health of the submarine cables would be launched next month. Industry representatives said the "
    "new rule was workable but asked for a grace period to upgrade their monitoring systems."
)
COLUMN_A = (
    "An exhibition of truck art opens at the national arts council on Tuesday evening and runs until "
    "the end of the week. A seminar on water conservation will be held at the university auditorium "
    "on Wednesday morning, with speakers from the provincial irrigation department. The municipal "
    "library has extended its opening hours for students preparing for examinations, and a book fair "
    "for children is planned for the weekend in the main park."
)
COLUMN_B = (
    "A cricket camp for girls under fifteen begins at the sports complex on Monday, and registration "
    "remains open until Saturday. The traffic police have announced diversions near the old city gate "
    "because of repair work on the drainage line. A food festival with dishes from every province will "
    "take place in the gardens on Friday night, and a free medical camp is being organised at the "
    "community centre for residents of the area."
)
URDU = (
    "اسلام آباد: اسٹیٹ بینک آف پاکستان نے پیر کو بتایا کہ فری لانسرز کی جانب سے بینکوں کے ذریعے بھیجی گئی "
    "ترسیلات زر جولائی میں ریکارڈ سطح پر پہنچ گئیں۔ مرکزی بینک کے مطابق انفارمیشن ٹیکنالوجی کے شعبے نے اس ماہ "
    "354 ملین ڈالر کمائے جو گزشتہ سال کے اسی مہینے سے اکیس فیصد زیادہ ہیں۔ حکام کا کہنا ہے کہ یہ اضافہ زیادہ تر "
    "سافٹ ویئر، کال سینٹرز اور کمپیوٹر مشاورت کی بدولت ہوا۔ بینک نے مزید کہا کہ جنوری سے اب تک گیارہ ہزار سے "
    "زائد نئے فری لانسرز نے پاکستان سافٹ ویئر ایکسپورٹ بورڈ میں رجسٹریشن کروائی ہے۔"
)
# The same Urdu report as another paper types it: Arabic letter forms, Urdu digits, diacritics,
# a new first sentence and the last one cut.
URDU_REPRINT = (
    "کراچی: ملک بھر کے نوجوانوں کے لیے اچھی خبر ہے کہ آن لائن کام کرنے والوں کی آمدن میں اضافہ جاری ہے۔ "
    "اسٹيٹ بينک آف پاکستان نے پير کو بتايا کہ فری لانسرز کی جانب سے بینکوں کے ذریعے بھیجی گئی "
    "ترسیلاتِ زر جولائی میں ریکارڈ سطح پر پہنچ گئیں۔ مرکزی بینک کے مطابق انفارمیشن ٹیکنالوجی کے شعبے نے اس ماہ "
    "۳۵۴ ملین ڈالر کمائے جو گزشتہ سال کے اسی مہینے سے اکیس فیصد زیادہ ہیں۔ حکام کا کہنا ہے کہ یہ اضافہ زیادہ تر "
    "سافٹ ویئر، کال سینٹرز اور کمپیوٹر مشاورت کی بدولت ہوا۔"
)
# The wire story as another desk rewrote it: sentences recast and reordered, a clause cut, a
# few phrases kept; fewer than half of its word pairs are the wire's, most of its words are.
REWRITE = (
    "Record remittances reached Pakistan from freelancers in July, the State Bank reported on Monday, "
    "crediting a new rule under which services exporters keep a larger share of their earnings in "
    "foreign currency accounts. The information technology sector earned 354 million dollars, the central bank "
    "added, up twenty one percent on last year's month, mostly through software development, call "
    "centres and consultancy work on computers. Eleven thousand more freelancers have signed up with "
    "the export board since January. Industry bodies and banks will be consulted again before the "
    "limit comes up for review in December."
)
# The same day's figures as an independent report: the same names and subject, its own words.
INDEPENDENT = (
    "KARACHI: Freelancers and software houses said on Monday that the record remittance figures "
    "published by the State Bank of Pakistan hide the real problem: payment gateways such as PayPal "
    "are still unavailable, and many workers are paid through relatives abroad. Several company "
    "owners interviewed in Karachi and Lahore complained that frequent internet disruptions cost them "
    "foreign clients, and asked the government to treat connectivity as an export facility. A young "
    "developer told this newspaper she had lost two contracts in July because video calls kept dropping."
)
# The Urdu report rewritten in the same way.
URDU_REWRITE = (
    "جولائی میں فری لانسرز نے ریکارڈ ترسیلات زر بینکوں سے بھیجیں، پیر کو اسٹیٹ بینک نے یہ اعداد جاری کیے۔ "
    "انفارمیشن ٹیکنالوجی سے ملک نے 354 ملین ڈالر اس مہینے کمائے، یعنی پچھلے سال سے اکیس فیصد زیادہ۔ "
    "اس اضافے میں سب سے بڑا حصہ سافٹ ویئر اور کال سینٹرز کا رہا، کمپیوٹر مشاورت بھی پیچھے نہیں رہی۔ "
    "گیارہ ہزار نئے فری لانسرز جنوری سے پاکستان سافٹ ویئر ایکسپورٹ بورڈ میں رجسٹر ہوئے ہیں۔"
)
HEADLINE = "Freelancers' remittances hit a record in July, central bank says"
DAY = "2025-08-18T09:00:00+00:00"


def _sqlite_index() -> SqliteDedupIndex:
    return SqliteDedupIndex(Store(":memory:").db)


@pytest.fixture(params=["memory", "sqlite"])
def index(request: pytest.FixtureRequest) -> Iterator[dedup.DedupIndex]:
    yield MemoryIndex() if request.param == "memory" else _sqlite_index()


#: The time window of ``DAY``, as :func:`monitor.dedup.assign` looks it up.
AROUND_DAY = ("2025-08-11T09:00:00+00:00", "2025-08-25T09:00:00+00:00")


def item(id: str, title: str = HEADLINE, text: str = WIRE, **fields: str | None) -> DedupInput:
    return DedupInput(id=id, title=title, text=text, published=fields.pop("published", DAY), **fields)


def test_link_variants_are_one_story(index: dedup.DedupIndex) -> None:
    first = assign(item("a", url="http://www.dawn.com/news/1912345?utm_source=twitter&fbclid=x"), index)
    amp = assign(item("b", text="", url="https://dawn.com/news/1912345/amp/"), index)
    assert first == amp == "a"
    assert index.get("b").member.reason == "url"


def test_a_known_url_joins_its_story_outside_the_window(index: dedup.DedupIndex) -> None:
    assign(item("a", url="https://dawn.com/news/1"), index)
    late = item("b", text="Updated.", url="https://www.dawn.com/news/1", published="2025-10-01T00:00:00+00:00")
    assert assign(late, index) == "a"


def test_a_guid_is_an_identity_within_its_source(index: dedup.DedupIndex) -> None:
    assign(item("a", title="CITY PULSE", text=COLUMN_A, guid="4711", source="Daily Example"), index)
    same = item("b", title="CITY PULSE (updated)", text=COLUMN_A + " Entry is free.", guid="4711", source="Daily Example")
    elsewhere = item("c", title="CITY PULSE", text=COLUMN_B, guid="4711", source="Weekly Example")
    assert assign(same, index) == "a" and index.get("b").member.reason == "guid"
    assert assign(elsewhere, index) == "c"


def test_a_permalink_guid_matches_the_article_url(index: dedup.DedupIndex) -> None:
    assign(item("a", url="https://tribune.com.pk/story/255/x"), index)
    assert assign(item("b", text="", url="https://feeds.example.org/r/1", guid="http://www.tribune.com.pk/story/255/x/"), index) == "a"


def test_a_wire_story_reprinted_with_a_new_intro_and_cuts_is_one_story(index: dedup.DedupIndex) -> None:
    assign(item("wire", text=WIRE, source="APP"), index)
    assert assign(item("paper", title="Freelancers send home record sums", text=REPRINT, source="The Paper"), index) == "wire"
    joined = index.get("paper").member
    assert joined.reason == "text" and joined.score >= dedup.CONTAINMENT


def test_the_same_headline_on_two_different_articles_is_two_stories(index: dedup.DedupIndex) -> None:
    assign(item("monday", title="CITY PULSE", text=COLUMN_A, source="The Nation"), index)
    assert assign(item("tuesday", title="CITY PULSE", text=COLUMN_B, source="The Nation"), index) == "tuesday"


def test_the_same_headline_with_different_teasers_or_no_text_is_two_stories(index: dedup.DedupIndex) -> None:
    assign(item("a", title="CITY PULSE", text="An exhibition of truck art opens on Tuesday evening."), index)
    assert assign(item("b", title="CITY PULSE", text="A cricket camp for girls begins on Monday."), index) == "b"
    assign(item("c", title=HEADLINE, text=""), index)
    assert assign(item("d", title=HEADLINE, text=""), index) == "d"


def test_different_stories_on_the_same_subject_stay_apart(index: dedup.DedupIndex) -> None:
    assign(item("sbp", text=WIRE), index)
    assert assign(item("pta", title="PTA orders outage reports", text=OTHER_STORY), index) == "pta"


def test_a_teaser_joins_the_article_it_introduces(index: dedup.DedupIndex) -> None:
    assign(item("article", text=WIRE), index)
    teaser = " ".join(WIRE.split()[:40])
    assert assign(item("teaser", text=teaser), index) == "article"


def test_a_loosely_similar_teaser_needs_the_stricter_rule(index: dedup.DedupIndex) -> None:
    assign(item("article", text=WIRE), index)
    # Over half of this teaser's word pairs are in the article, below the teaser threshold.
    teaser = "Remittances sent home by freelancers rose to a record level, officials in Lahore told reporters after a long meeting on Monday."
    new = fingerprint(item("teaser", text=teaser))
    score, _ = dedup.containment(new.shingles, fingerprint(item("x", text=WIRE)).shingles)
    assert dedup.CONTAINMENT <= score < dedup.SHORT_CONTAINMENT
    assert assign(item("teaser", text=teaser), index) == "teaser"


def test_urdu_reprints_with_other_letter_forms_and_digits_are_one_story(index: dedup.DedupIndex) -> None:
    assign(item("ur1", title="فری لانسرز کی ترسیلات زر ریکارڈ سطح پر", text=URDU), index)
    assert assign(item("ur2", title="آن لائن آمدن میں اضافہ", text=URDU_REPRINT), index) == "ur1"


def _shingle_containment(a: str, b: str) -> float:
    return dedup.containment(fingerprint(item("a", text=a)).shingles, fingerprint(item("b", text=b)).shingles)[0]


def test_a_reprint_with_rewritten_sentences_joins_on_its_words(index: dedup.DedupIndex) -> None:
    assert _shingle_containment(WIRE, REWRITE) < dedup.CONTAINMENT  # the word pairs alone miss it
    assign(item("wire", text=WIRE, source="APP"), index)
    assert assign(item("desk", title="IT exports lift remittances", text=REWRITE, source="The Paper"), index) == "wire"
    assert index.get("desk").member.reason == "text"


def test_an_urdu_reprint_with_rewritten_sentences_joins_on_its_words(index: dedup.DedupIndex) -> None:
    assert _shingle_containment(URDU, URDU_REWRITE) < dedup.CONTAINMENT
    assign(item("ur1", title="فری لانسرز کی ترسیلات زر ریکارڈ سطح پر", text=URDU), index)
    assert assign(item("ur2", title="آئی ٹی کی آمدن میں اکیس فیصد اضافہ", text=URDU_REWRITE), index) == "ur1"


def _lcs(a: list[int], b: list[int]) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def test_ordered_share_is_the_longest_common_subsequence_over_the_later_item() -> None:
    import random

    rng = random.Random(7)
    for _ in range(300):
        a = [rng.randrange(6) for _ in range(rng.randrange(0, 40))]
        b = [rng.randrange(6) for _ in range(rng.randrange(0, 90))]
        assert dedup.ordered_share(a, b) == (_lcs(a, b) / len(a) if a and b else 0.0)
    assert dedup.ordered_share([1, 2, 3], [3, 2, 1]) == pytest.approx(1 / 3)  # same words, no order


def test_the_wires_words_in_an_order_of_their_own_are_not_a_reprint(index: dedup.DedupIndex) -> None:
    """The rewrite joins on its words in the wire's order; the same words scrambled do not."""
    import random

    scrambled = REWRITE.split()
    random.Random(3).shuffle(scrambled)
    scrambled_text = " ".join(scrambled)
    wire, rewrite, shuffled = (fingerprint(item(i, text=t)) for i, t in (("w", WIRE), ("r", REWRITE), ("s", scrambled_text)))
    assert set(rewrite.sequence) == set(shuffled.sequence)  # the same vocabulary
    assert dedup.ordered_share(rewrite.sequence, wire.sequence) >= dedup.ORDERED > dedup.ordered_share(shuffled.sequence, wire.sequence)
    assign(item("wire", text=WIRE), index)
    assert assign(item("shuffled", text=scrambled_text, published="2025-08-18T11:00:00+00:00"), index) == "shuffled"
    assert assign(item("desk", text=REWRITE, published="2025-08-18T12:00:00+00:00"), index) == "wire"


def test_publication_order_not_arrival_decides_which_item_is_the_reprint(index: dedup.DedupIndex) -> None:
    """The later item's text is looked for in the earlier one's, whichever is polled first:
    a brief cut from the wire, polled before the wire it was cut from, still joins it."""
    brief = " ".join(WIRE.split()[:30])
    assign(item("brief", text=brief, published="2025-08-19T09:00:00+00:00", complete=True), index)
    wire = fingerprint(item("wire", text=WIRE))
    assert dedup.ordered_share(wire.sequence, fingerprint(item("b", text=brief)).sequence) < dedup.ORDERED  # the wire is not in the brief
    assert assign(item("wire", text=WIRE, published="2025-08-18T09:00:00+00:00"), index) == "brief"


def test_a_long_report_built_around_a_short_item_is_not_its_reprint(index: dedup.DedupIndex) -> None:
    """Containment runs from the later item into the earlier: a later report that quotes a
    short earlier item whole but is mostly its own writing is a story of its own."""
    short = " ".join(WIRE.split()[:60])
    assign(item("brief", text=short, published="2025-08-18T09:00:00+00:00", complete=True), index)
    report = f"{INDEPENDENT} {short} {OTHER_STORY}"
    assert _shingle_containment(short, report) > 0.95  # the brief's word pairs are nearly all in the report
    assert assign(item("report", text=report, published="2025-08-18T15:00:00+00:00"), index) == "report"


@pytest.mark.parametrize("complete, joins", [(True, True), (False, False), (None, False)])
def test_a_short_whole_article_is_compared_as_an_article_not_as_a_teaser(complete: bool | None, joins: bool) -> None:
    """A rewrite cut to 45 words joins the wire when it is the whole article; as a feed's
    teaser (or unknown, and under FULL_TEXT_WORDS) it needs the stricter teaser rule."""
    short_rewrite = " ".join(REWRITE.split()[:45])
    index = _sqlite_index()
    assign(item("wire", text=WIRE), index)
    assert (assign(item("brief", text=short_rewrite, complete=complete), index) == "wire") is joins


def test_shared_words_make_candidates_without_shared_word_pairs() -> None:
    """Content words are index keys too, so a retelling that keeps few of the wire's word
    pairs is still compared with it."""
    backwards = " ".join(reversed(WIRE.split()))  # the same words, hardly a word pair in common
    a, b = fingerprint(item("a", title="", text=WIRE)), fingerprint(item("b", title="", text=backwards))
    assert len(a.shingles & b.shingles) <= 2
    assert len(set(a.sample) & set(b.sample)) >= 3 * dedup.MIN_SHARED_KEYS


def test_an_independent_report_of_the_same_event_stays_apart(index: dedup.DedupIndex) -> None:
    assign(item("wire", text=WIRE), index)
    assert assign(item("feature", title="Freelancers say record figures hide payment woes", text=INDEPENDENT), index) == "feature"


def test_content_words_leave_out_function_words_numbers_and_letters() -> None:
    assert dedup.content_words(words("The bank of the 354 and a آف کے بینک"), "x") == dedup.content_words(words("bank آف بینک"), "x")
    assert dedup.content_words(words("کے میں کی نے سے اور of the and 21 a"), "x") == []
    # in text order, repeats kept
    bank, rate = dedup.content_words(words("bank rate"), "x")
    assert dedup.content_words(words("the rate of the bank and the rate"), "x") == [rate, bank, rate]


def test_the_sqlite_index_keeps_words_figures_and_facts_and_reads_older_layouts() -> None:
    from monitor.store._dedup_index import _pack_fingerprint, _pack_sets, _pack_words, _unpack_fingerprint

    f = fingerprint(item("a", complete=True, facts=("it_exports_monthly|2025-07|354|USD_million",), mentions=("it_exports_monthly|2025-06|330|USD_million",)))
    assert f.sequence and f.figures and f.facts and f.mentions and f.head
    packed = f.packed_shingles
    f = replace(f, section=5, entries=(7, 8))  # the first section's words; a listing's headings
    assert _unpack_fingerprint(_pack_fingerprint(f)) == {"packed_shingles": packed, "sequence": f.sequence, "figures": f.figures, "facts": f.facts, "mentions": f.mentions, "entries": (7, 8), "head": f.head, "section": 5}
    # format 05: the same, without the headings (no listing, as before headings were kept)
    parts = (f.sequence, f.figures, f.facts, f.mentions)
    v5 = packed + b"".join(_pack_words(p) for p in parts) + struct.pack("<7I", len(packed) // 4, *(len(p) for p in parts), f.head, 5) + b"\x05"
    assert _unpack_fingerprint(v5) == {"packed_shingles": packed, "sequence": f.sequence, "figures": f.figures, "facts": f.facts, "mentions": f.mentions, "head": f.head, "section": 5}
    # format 04: the same, without the first section (one section, as before sections were kept)
    parts = (f.sequence, f.figures, f.facts, f.mentions)
    v4 = packed + b"".join(_pack_words(p) for p in parts) + struct.pack("<6I", len(packed) // 4, *(len(p) for p in parts), f.head) + b"\x04"
    assert _unpack_fingerprint(v4) == {"packed_shingles": packed, "sequence": f.sequence, "figures": f.figures, "facts": f.facts, "mentions": f.mentions, "head": f.head}
    # format 03: the same, without the mentioned keys
    parts = (f.sequence, f.figures, f.facts)
    v3 = packed + b"".join(_pack_words(p) for p in parts) + struct.pack("<5I", len(packed) // 4, *(len(p) for p in parts), f.head) + b"\x03"
    assert _unpack_fingerprint(v3) == {"packed_shingles": packed, "sequence": f.sequence, "figures": f.figures, "facts": f.facts, "head": f.head}
    assert _unpack_fingerprint(_pack_sets(f.shingles, f.sequence)) == {"packed_shingles": packed, "sequence": f.sequence}  # format 02
    assert _unpack_fingerprint(_pack_words(list(f.shingles))) == {"packed_shingles": packed, "sequence": ()}  # shingles alone
    as_set = _pack_words(list(f.shingles)) + _pack_words(sorted(set(f.sequence))) + len(f.shingles).to_bytes(4, "little") + b"\x01"
    assert _unpack_fingerprint(as_set) == {"packed_shingles": packed, "sequence": ()}  # a set of words has no order
    index = _sqlite_index()
    assign(item("a", complete=True, facts=("it_exports_monthly|2025-07|354|USD_million",), mentions=("it_exports_monthly|2025-06|330|USD_million",)), index)
    assign(item("b", url="https://example.com/b"), index)
    assert index.get("a").fingerprint == replace(f, sample=(), section=0, entries=())  # the sample is kept apart (and "a" is one section, no listing)
    assert index.get("a").fingerprint.complete is True and index.get("b").fingerprint.complete is None


def test_an_english_and_an_urdu_item_never_merge(index: dedup.DedupIndex) -> None:
    quote = " ".join(WIRE.split()[:60])
    assign(item("en", text=quote), index)
    # An Urdu report quoting the whole English item: all of its word pairs are in there.
    urdu = item("ur", title="فری لانسرز کی ترسیلات زر", text=f"{URDU} {quote} {URDU_REPRINT}")
    assert script(urdu.text) == "arabic"
    assert assign(urdu, index) == "ur"


def test_known_different_languages_never_merge(index: dedup.DedupIndex) -> None:
    assign(item("en", text=WIRE, lang="en"), index)
    assert assign(item("ur", text=WIRE, lang="ur-PK"), index) == "ur"
    assert assign(item("unknown", text=WIRE), index) == "en"


def test_google_news_items_match_by_outlet_and_headline(index: dedup.DedupIndex) -> None:
    assign(item("dawn", url="https://www.dawn.com/news/1912345", source="Dawn - Business"), index)
    gn = "https://news.google.com/rss/articles/CBMiWkFVX3lxTE1"
    assert assign(item("gn1", title=f"{HEADLINE} - Dawn", text="", url=gn + "a", source="Google News - Freelancer earnings"), index) == "dawn"
    assert index.get("gn1").member.reason == "title"
    assert assign(item("gn2", title=f"{HEADLINE} - Geo News", text="", url=gn + "b", source="Google News - ICT"), index) == "gn2"


def test_a_google_news_item_seen_first_is_joined_by_the_article(index: dedup.DedupIndex) -> None:
    gn = item("gn", title=f"{HEADLINE} - The Express Tribune", text="", url="https://news.google.com/rss/articles/CBMiX")
    assign(gn, index)
    article = item("et", url="https://tribune.com.pk/story/2551234/remittances", source="Express Tribune - Business")
    assert assign(article, index) == "gn"
    assert index.cluster("gn").primary_item == "et"


def test_the_window_bounds_near_duplicate_matching(index: dedup.DedupIndex) -> None:
    assign(item("wire", text=WIRE), index)
    assert assign(item("late", text=REPRINT, published="2025-08-28T09:00:00+00:00"), index) == "late"
    wide = _sqlite_index() if isinstance(index, SqliteDedupIndex) else MemoryIndex()
    assign(item("wire", text=WIRE), wide)
    assert assign(item("late", text=REPRINT, published="2025-08-28T09:00:00+00:00"), wide, window_days=14) == "wire"


def test_the_window_looks_both_ways(index: dedup.DedupIndex) -> None:
    assign(item("backfilled", text=REPRINT, published="2025-08-20T00:00:00+00:00"), index)
    assert assign(item("earlier", text=WIRE, published="2025-08-18T00:00:00Z"), index) == "backfilled"


def test_the_cluster_records_primary_span_outlets_and_size(index: dedup.DedupIndex) -> None:
    assign(item("teaser", text=" ".join(WIRE.split()[:30]), source="Profit", published="2025-08-18T06:00:00+00:00"), index)
    assign(item("paper", text=REPRINT, source="The Paper", published="2025-08-18T12:00:00+05:00"), index)
    assign(item("wire", text=WIRE, source="APP", published="2025-08-18T08:00:00+00:00"), index)
    assign(item("late", text=WIRE, source="APP", published="2025-08-19T08:00:00+00:00"), index)
    story = index.cluster("teaser")
    assert story.primary_item == "paper"  # the earliest with full text: 07:00 UTC
    assert (story.first_seen, story.last_seen) == ("2025-08-18T06:00:00+00:00", "2025-08-19T08:00:00+00:00")
    assert story.outlets == ("APP", "Profit", "The Paper")
    assert story.size == 4


def test_keys_on_more_items_than_a_story_has_are_skipped(index: dedup.DedupIndex) -> None:
    boilerplate = "Readers can send their views and letters to the editor through the website or by post to the newsroom address."
    keys = fingerprint(item("q", text=boilerplate)).sample
    assert keys
    for n in range(dedup.COMMON_KEY_ITEMS):
        assign(item(f"n{n}", title=f"Notice {n}", text=f"Office number {n} is closed. {boilerplate}"), index)
    assert len(index.candidates(keys, *AROUND_DAY)) == dedup.COMMON_KEY_ITEMS
    assign(item("last", title="Notice", text=f"The last office is closed. {boilerplate}"), index)
    assert index.candidates(keys, *AROUND_DAY) == []


def test_candidates_share_at_least_min_shared_keys(index: dedup.DedupIndex) -> None:
    wire = fingerprint(item("wire", text=WIRE))
    assign(item("wire", text=WIRE), index)
    one = [wire.sample[0], 12345]
    assert [c.member.item for c in index.candidates(one, *AROUND_DAY)] == ["wire"]
    assert index.candidates(one, *AROUND_DAY, min_shared=2) == []
    assert [c.member.item for c in index.candidates(wire.sample[:2], *AROUND_DAY, min_shared=2)] == ["wire"]


def test_candidates_come_from_the_time_window_and_exact_keys_from_any_time(index: dedup.DedupIndex) -> None:
    assign(item("august", url="https://example.com/a"), index)
    assign(item("undated", url="https://example.com/u", published=None), index)
    assign(item("march", url="https://example.com/m", published="2025-03-01T09:00:00+00:00"), index)
    keys = fingerprint(item("q")).sample
    assert [c.member.item for c in index.candidates(keys, *AROUND_DAY)] == ["august"]
    assert [c.member.item for c in index.candidates(keys, "2025-02-22T09:00:00+00:00", "2025-03-08T09:00:00+00:00")] == ["march"]
    assert [c.member.item for c in index.candidates(keys, None, None)] == ["undated"]  # undated: only undated ones
    urls = [fingerprint(item("x", url=f"https://example.com/{x}")).url_key for x in "mua"]
    assert [c.member.item for c in index.exact(urls)] == ["august", "undated", "march"]  # in the order indexed


def _stream() -> list[DedupInput]:
    return [
        item("1", text=WIRE, source="APP", url="https://app.com.pk/1"),
        item("2", title="CITY PULSE", text=COLUMN_A),
        item("3", title="Freelancers send home record sums", text=REPRINT),
        item("4", title="PTA orders outage reports", text=OTHER_STORY),
        item("5", title="CITY PULSE", text=COLUMN_B),
        item("6", title="فری لانسرز", text=URDU),
        item("7", title="آن لائن آمدن", text=URDU_REPRINT),
        item("8", text="", url="http://www.app.com.pk/1/?utm_source=x"),
    ]


def _two_stories_and_the_article_joining_them() -> list[DedupInput]:
    """A Google News link (headline only) founds one story, the wire another; then the
    outlet's article arrives: the link's headline from the outlet the link names, and a
    reprint of the wire."""
    gn = "https://news.google.com/rss/articles/CBMiAbC"
    return [
        item("wire", text=WIRE, source="APP", url="https://www.app.com.pk/1", published="2025-08-18T08:00:00+00:00"),
        item("gn", title=f"{HEADLINE} - Dawn", text="", url=gn, source="Google News - ICT", published="2025-08-18T09:00:00+00:00"),
        item("dawn", text=REPRINT, url="https://www.dawn.com/news/1912345", source="Dawn - Business", published="2025-08-18T10:00:00+00:00"),
    ]


def test_an_item_that_belongs_to_two_stories_merges_them(index: dedup.DedupIndex) -> None:
    wire, gn, dawn = _two_stories_and_the_article_joining_them()
    assert (assign(wire, index), assign(gn, index)) == ("wire", "gn")
    assert assign(dawn, index) == "wire"  # the story founded first keeps its id
    assert {index.get(i).member.cluster for i in ("wire", "gn", "dawn")} == {"wire"}
    assert index.get("gn").member.reason == "first"  # how each item came in is kept
    assert index.cluster("gn") is None
    story = index.cluster("wire")
    assert (story.size, story.primary_item, story.first_seen, story.last_seen) == (3, "wire", "2025-08-18T08:00:00+00:00", "2025-08-18T10:00:00+00:00")
    assert story.outlets == ("APP", "Dawn", "Dawn - Business")
    assert assign(dawn, index) == "wire" and index.cluster("wire").size == 3  # seen before: nothing changes


def test_merged_stories_are_merged_in_the_archive_tables() -> None:
    index = _sqlite_index()
    for i in _two_stories_and_the_article_joining_them():
        assign(i, index)
    assert [tuple(r) for r in index.db.execute("SELECT id, size FROM clusters")] == [("wire", 3)]
    assert {r[0] for r in index.db.execute("SELECT DISTINCT cluster_id FROM cluster_members")} == {"wire"}


def test_dedup_lines_print_the_merged_story_for_every_item() -> None:
    lines = [json.dumps({"id": i.id, "title": i.title, "text": i.text, "url": i.url, "published": i.published, "source": i.source}) for i in _two_stories_and_the_article_joining_them()]
    assert list(dedup_lines(lines)) == [
        {"id": "wire", "cluster": "wire", "event": "wire"},
        {"id": "gn", "cluster": "wire", "event": "wire"},
        {"id": "dawn", "cluster": "wire", "event": "wire"},
    ]


def test_rerunning_dedup_gives_the_same_clusters(index: dedup.DedupIndex) -> None:
    first = {i.id: assign(i, index) for i in _stream()}
    assert first == {"1": "1", "2": "2", "3": "1", "4": "4", "5": "5", "6": "6", "7": "6", "8": "1"}
    again = {i.id: assign(i, index) for i in _stream()}
    assert again == first
    assert index.cluster("1").size == 3  # items seen before are not counted twice
    fresh = MemoryIndex()
    assert {i.id: assign(i, fresh) for i in _stream()} == first


def test_the_sqlite_index_agrees_with_the_memory_index() -> None:
    memory, sql = MemoryIndex(), _sqlite_index()
    stream = _stream() + [replace(i, id=i.id + "x", url=None, published="2025-08-19T00:00:00+00:00") for i in _stream()]
    assert [assign(i, memory) for i in stream] == [assign(i, sql) for i in stream]
    assert memory.clusters() == [sql.cluster(c.id) for c in memory.clusters()]


def test_sqlite_candidates_come_from_the_window_in_memory_loaded_by_publication_time() -> None:
    index = _sqlite_index()
    for i in _stream():
        assign(i, index)
    statements: list[str] = []
    fresh = SqliteDedupIndex(index.db)  # a new process: nothing loaded yet
    index.db.conn.set_trace_callback(statements.append)
    first = fresh.candidates(fingerprint(item("q", text=REPRINT)).sample, *AROUND_DAY, limit=5)
    loads = [s for s in statements if "sample FROM dedup_items" in s]
    statements.clear()
    again = fresh.candidates(fingerprint(item("q", text=REPRINT)).sample, *AROUND_DAY, limit=5)
    index.db.conn.set_trace_callback(None)
    assert [c.member.item for c in first] == [c.member.item for c in again]
    assert {c.member.item for c in first[:2]} == {"1", "3"} and first[0].shared >= first[-1].shared
    assert not [s for s in statements if "sample FROM dedup_items" in s]  # loaded once, then kept
    steps = [row[-1] for row in index.db.execute("EXPLAIN QUERY PLAN " + loads[0])]
    assert any("USING INDEX dedup_items_published (published>?)" in step for step in steps)
    assert not [s for s in steps if s.startswith("SCAN")]


def test_sqlite_index_sees_items_written_by_another_connection(tmp_path) -> None:
    path = tmp_path / "monitor.db"
    with Store(path) as mine, Store(path) as theirs:
        index = SqliteDedupIndex(mine.db, check_every=0)
        assign(item("other", title="PTA orders outage reports", text=OTHER_STORY), index)  # window loaded
        assign(item("wire", text=WIRE, url="https://app.com.pk/1"), SqliteDedupIndex(theirs.db))
        assert assign(item("paper", title="Freelancers send home record sums", text=REPRINT), index) == "wire"


def test_the_key_index_forgets_items_far_behind_the_window() -> None:
    postings = dedup.Postings()
    postings.add(1, 0.0, [10, 11])
    postings.add(2, 1000.0, [10])
    postings.add(3, None, [10])
    assert postings.lookup([10], 0.0, 2000.0) == {1: 1, 2: 1}
    assert postings.lookup([10], None, None) == {3: 1}
    postings.evict(500.0)
    assert 1 not in postings and postings.lookup([10, 11], 0.0, 2000.0) == {2: 1}
    postings.add(2, 1500.0, [11])  # a slot written again holds only its new keys
    assert postings.lookup([10, 11], 0.0, 2000.0) == {2: 1} and postings.lookup([10], 0.0, 2000.0) == {}


def test_the_key_index_holds_an_item_s_keys_as_plain_numbers() -> None:
    """An item's keys are kept as 8-byte numbers, not as the integer objects its fingerprint
    brought (about 32 bytes each, kept alive for every item of the window): a posting costs
    about 28 bytes in all, where it cost about 60."""
    import random
    import tracemalloc

    rng = random.Random(3)
    pool = [rng.getrandbits(63) for _ in range(5000)]
    samples = [[pool[j] for j in rng.sample(range(5000), 50)] for _ in range(2000)]
    tracemalloc.start()
    try:
        postings = dedup.Postings(held=True)
        before = tracemalloc.get_traced_memory()[0]
        for slot, keys in enumerate(samples):
            postings.add(slot, float(slot), [(k ^ 1) ^ 1 for k in keys])  # new objects, as a fingerprint's are
        per_posting = (tracemalloc.get_traced_memory()[0] - before) / (len(samples) * 50)
    finally:
        tracemalloc.stop()
    assert per_posting < 40
    assert postings.lookup(samples[7][:3], 0.0, 2000.0)[7] == 3  # and they are found as before


def test_an_archive_indexed_before_weeks_is_migrated_and_still_found(tmp_path) -> None:
    """Version 10 kept exact and sampled keys in one table ordered by key; version 11 split
    them and version 13 keeps the sampled keys with the item. An item indexed before is
    still found by its URL and by its text."""
    import sqlite_utils

    from monitor.store import MIGRATIONS
    from monitor.store._dedup_index import _pack_sets, _unpack_keys

    path = tmp_path / "monitor.db"
    db = sqlite_utils.Database(path)
    for step in MIGRATIONS[:10]:
        step(db)
    db.execute("PRAGMA user_version = 10")
    old = fingerprint(item("old", url="https://example.com/old", source="APP"))
    n = db.execute(
        "INSERT INTO dedup_items (id, published, script, lang, outlet, site, redirect, url_key, guid_key, title_key, words, shingles)"
        " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
        [old.id, old.published, old.script, old.lang, old.outlet, old.site, old.url_key, old.guid_key, old.title_key, old.words, _pack_sets(old.shingles, old.sequence)],
    ).lastrowid
    epoch = int(datetime.fromisoformat(old.published).timestamp())
    db.conn.executemany("INSERT INTO dedup_keys (key, published, item) VALUES (?, ?, ?)", [(k, epoch, n) for k in {*old.exact_keys, *old.sample}])
    db.execute("INSERT INTO clusters VALUES ('old', 'old', ?, ?, '[\"APP\"]', 1)", [old.published, old.published])
    db.execute("INSERT INTO cluster_members VALUES ('old', 'old', 'first', 1.0)")
    db.conn.commit()
    db.close()

    with Store(path) as store:
        index = SqliteDedupIndex(store.db)
        assert store.db.execute("SELECT count(*) FROM dedup_exact").fetchone()[0] == len(set(old.exact_keys))
        sample = store.db.execute("SELECT sample FROM dedup_items WHERE id = 'old'").fetchone()[0]
        assert sorted(_unpack_keys(sample)) == sorted(set(old.sample))  # the keys moved to the item
        assert index.cluster("old").event == "old" and index.event("old").stories == 1  # its own event
        assert assign(item("amp", text="", url="https://example.com/old/amp/"), index) == "old"
        assert assign(item("paper", title="Freelancers send home record sums", text=REPRINT), index) == "old"


def test_sqlite_add_is_atomic() -> None:
    index = _sqlite_index()
    assign(item("a"), index)
    story = index.cluster("a")
    with pytest.raises(sqlite3.IntegrityError):  # a second membership row for "a"
        index.add(dedup.Placement(replace(fingerprint(item("a2")), id="a2"), dedup.Member("a", "a", "text", 1.0), replace(story, size=2)))
    assert index.get("a2") is None and index.cluster("a").size == 1


def test_words_are_normalised_across_letter_forms_digits_and_marks() -> None:
    assert words("اسٹيٹ بينک ۳۵۴ كتاب ترسیلاتِ") == words("اسٹیٹ بینک 354 کتاب ترسیلات")
    assert words("Café  STATE-Bank, 2025!") == ["cafe", "state", "bank", "2025"]


def test_script_detection() -> None:
    assert script(URDU + " SBP PTA") == "arabic"
    assert script(WIRE + " فری لانسر") == "latin"
    assert script("2025 — 354") == "other"


def test_fingerprints_do_not_depend_on_the_process() -> None:
    code = (
        "import sys; from monitor.dedup import DedupInput, fingerprint; "
        "f = fingerprint(DedupInput('x', 'T', sys.argv[1])); print(sorted(f.shingles), list(f.sample))"
    )
    runs = {
        subprocess.run([sys.executable, "-c", code, WIRE], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True).stdout
        for seed in ("1", "2")
    }
    here = fingerprint(DedupInput("x", "T", WIRE))
    assert runs == {f"{sorted(here.shingles)} {list(here.sample)}\n"}


def test_dedup_lines_reads_json_lines_and_prints_clusters() -> None:
    lines = [
        json.dumps({"id": "w", "title": HEADLINE, "text": WIRE, "url": "https://app.com.pk/1", "published": DAY}),
        "",
        json.dumps({"id": 7, "title": "Freelancers send home record sums", "text": REPRINT}),
        json.dumps({"id": "p", "title": "PTA", "text": OTHER_STORY}),
        "not json",
        json.dumps({"title": "no id"}),
        json.dumps({"id": "n", "title": 5}),
    ]
    out = list(dedup_lines(lines))
    assert out[:3] == [{"id": "w", "cluster": "w", "event": "w"}, {"id": 7, "cluster": "7", "event": "7"}, {"id": "p", "cluster": "p", "event": "p"}]
    assert [o["id"] for o in out[3:]] == [None, None, "n"] and all("error" in o for o in out[3:])
    assert out[3]["error"].startswith("line 5: not JSON")


def test_dedup_lines_refuses_a_published_that_is_no_date() -> None:
    # an unreadable date would put the item outside every story's window without a word
    lines = [json.dumps({"id": i, "title": HEADLINE, "text": WIRE, "published": p}) for i, p in enumerate(("yesterday", "2025-08-18", "Mon, 18 Aug 2025 10:00:00 +0500"))]
    out = list(dedup_lines(lines))
    assert out[0]["id"] == 0 and 'got "yesterday"' in out[0]["error"]
    assert [o.get("cluster") for o in out[1:]] == ["1", "1"]


def test_monitor_dedup_prints_one_cluster_per_line() -> None:
    lines = [
        {"id": "w", "title": HEADLINE, "text": WIRE, "url": "https://www.app.com.pk/1?utm_source=rss"},
        {"id": "p", "title": "Freelancers send home record sums", "text": REPRINT},
        {"id": "u", "title": "x", "text": "", "url": "http://app.com.pk/1/"},
        {"id": "o", "title": "PTA orders outage reports", "text": OTHER_STORY},
    ]
    result = CliRunner().invoke(cli, ["dedup", "--window-days", "7"], input="\n".join(json.dumps(x) for x in lines))
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.output.splitlines()] == [
        {"id": "w", "cluster": "w", "event": "w"},
        {"id": "p", "cluster": "w", "event": "w"},
        {"id": "u", "cluster": "w", "event": "w"},
        {"id": "o", "cluster": "o", "event": "o"},
    ]
    failed = CliRunner().invoke(cli, ["dedup", "--window-days", "7"], input='{"id": "x"}\n')
    assert failed.exit_code == 1 and "error" in json.loads(failed.output)


def test_monitor_dedup_refuses_an_id_given_twice() -> None:
    # Two items under one id made the output ambiguous: the first "a" was reported with the
    # second one's cluster, and "cluster": "a" could name either story.
    lines = [
        {"id": "a", "title": HEADLINE, "text": WIRE},
        {"id": "o", "title": "PTA orders outage reports", "text": OTHER_STORY},
        {"id": "a", "title": "PTA orders outage reports", "text": OTHER_STORY},
        {"id": 7, "title": "Freelancers send home record sums", "text": REPRINT},
        {"id": "7", "title": "PTA orders outage reports", "text": OTHER_STORY},
    ]
    result = CliRunner().invoke(cli, ["dedup", "--window-days", "7"], input="\n".join(json.dumps(x) for x in lines))
    assert result.exit_code == 1, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0] == {"id": "a", "cluster": "a", "event": "a"}
    assert out[1] == {"id": "o", "cluster": "o", "event": "o"}
    assert out[2] == {"id": "a", "error": 'line 3: id "a" was given on line 1 already: each item needs an id of its own'}
    assert out[3] == {"id": 7, "cluster": "a", "event": "a"}
    assert out[4]["id"] == "7" and out[4]["error"].startswith('line 5: id "7" was given on line 4 already')
