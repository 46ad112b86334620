"""The numbers and word lists that decide: thresholds of the rules, the index's sampling and
limits, function words. Each is explained where it is defined."""

from __future__ import annotations

import re


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
#: A text retold in other words (the ordered and expansion rules, not most of its word pairs)
#: comes within this many hours of the one it retells: desks rewrite a handout or a wire story
#: the day it comes or the next. Later, a text that tells the same things in the same order is
#: another report (a launch a week after the figures, a follow-up).
RETOLD_HOURS = 48
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
EVENT_LEAD = 0.35
#: ... and at least this share of the smaller vocabulary (distinct content words) is shared.
EVENT_COVER = 0.3
#: A page that carries another story below its own, under a subheading: a short line (at most
#: :data:`SUBHEADING_WORDS` words) with no closing stop ("Mobile service", "Verstappen wins in
#: Japan"), with text after it, after at least :data:`SECTION_MIN_WORDS` words of text, opens
#: another section. (Paragraphs opening on "Separately" or "Meanwhile" open one too on real
#: pages, but as often go on with the same event: taken as breaks, they cost two events of
#: `neardup-en-dev`'s dev part for one roundup kept apart.)
SECTION_MIN_WORDS = 25
SUBHEADING_WORDS = 8
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
