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
   wording is not copying. A later text with most of the earlier's word pairs, no figure of
   another value and every weekday the earlier tells is a re-run that tells another day too
   (a desk's paragraph on "Thursday" below the wire's "on Friday"), not another day's report;
   and
4. an outlet that runs text of its own again more than :data:`OWN_REWRITE_HOURS` later keeps
   most of its word pairs: its recurring reports (the weather, a desk's operations briefs)
   share an order of words without being re-runs, so only the word-pair rule applies; and a
   listing of its own (entries, each a heading and a paragraph: the city's events, a column of
   briefs; :attr:`Fingerprint.entries`) run again then is a re-run only with the same entries:
   the next edition carries over most of the last one's and adds or drops one, so most of its
   word pairs are the last one's (:func:`other_edition`); and
5. a text retold in other words (the ordered and expansion rules) comes within
   :data:`RETOLD_HOURS` of the one it retells: desks rewrite a handout or wire story the day
   it comes or the next, and a text days later that tells the same things in the same order
   is another report (a board's new portal a week after its registration figures, in the
   same words as those reports). Only the word-pair rule joins items further apart.

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
text's lead (title and first :data:`EVENT_LEAD_WORDS` content words) in good part told in the
other (:data:`EVENT_LEAD`), a fair share of their vocabulary in common (:data:`EVENT_COVER`) and no
figure in disagreement, unless one of them has no news figures of its own and gives the
other's (:attr:`DedupInput.mentions`, kept in the archive: a roundup carrying it as a brief,
whichever was placed first). A page that carries another story below its own under a
subheading (a short line with no closing stop, "Mobile service") is compared by its first
section (:attr:`Fingerprint.section`): a sports page led by a volleyball final is not of the
race it carries as a second item;
or both carrying one of the same dated figures (a fact key from the
analysis, :attr:`DedupInput.facts`: same series, period, value and, for a growth rate,
basis) within :data:`EVENT_FACT_DAYS`, which also joins reports in other languages. The new story is
compared with the representatives of each candidate event's founding story and with the
event's reports that the index found near it (within the same hours or days): the report of
a release a day later may give a figure as a later report of the event dated it, not as the
first one did. An event is a candidate only while its founding story is within that reach,
so events do not chain from day to day either. An event's id is the id of its founding story.

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

**Modules.** ``_params`` (every threshold and word list above, in one place), ``_text``
(normalising, words, shingles, figures, the measures between two texts), ``_records`` (the
dataclasses and the :class:`DedupIndex` protocol), ``_fingerprint``, ``_rules`` (one pair:
:func:`identity`, :func:`reprint`, :func:`same_event`), ``_assign`` (:func:`assign`),
``_postings`` (the key index), ``_memory`` (:class:`MemoryIndex`) and ``_lines``
(:func:`dedup_lines`). Everything public is re-exported here.
"""

from __future__ import annotations

from ._params import (
    _WORD,
    BOILERPLATE_STORIES,
    BOILERPLATE_WORDS,
    CANDIDATE_LIMIT,
    COMMON_KEY_ITEMS,
    CONTAINMENT,
    EVENT_COVER,
    EVENT_FACT_DAYS,
    EVENT_HOURS,
    EVENT_KEY_SHARE,
    EVENT_LEAD,
    EVENT_LEAD_WORDS,
    EVENT_REASONS,
    EXPANDED,
    EXPANDED_LEAD,
    EXPANDED_RUNS,
    FIGURE_CONFLICTS,
    FULL_TEXT_WORDS,
    FUNCTION_WORDS,
    LEAD_SHARE,
    LEAD_WORDS,
    MIN_SHARED,
    MIN_SHARED_KEYS,
    ORDERED,
    ORDERED_ALONE,
    OWN_REWRITE_HOURS,
    RETOLD_HOURS,
    REASONS,
    RETOLD_RUNS,
    RUN_SCRIPTS,
    RUN_WORDS,
    SAMPLE_MODULUS,
    SHINGLE_WORDS,
    SHORT_CONTAINMENT,
    STORY_KEY_SHARE,
    WEEKDAYS,
    WORD_MODULUS,
)
from ._text import (
    _crc,
    _hashed,
    _positions,
    _split,
    _WORD_HASHES,
    common_subsequence,
    containment,
    content_words,
    figure_conflicts,
    figures,
    line_key,
    normalise,
    ordered_share,
    script,
    shingles,
    words,
)
from ._records import (
    Candidate,
    Cluster,
    DedupIndex,
    DedupInput,
    Event,
    Fingerprint,
    Indexed,
    Member,
    Placement,
)
from ._fingerprint import (
    _host,
    fingerprint,
)
from ._rules import (
    figures_disagree,
    identity,
    leads_agree,
    other_edition,
    reprint,
    run_share,
    same_event,
)
from ._assign import (
    assign,
    representatives,
)
from ._postings import (
    epoch,
    Postings,
)
from ._memory import (
    MemoryIndex,
)
from ._lines import (
    dedup_lines,
)

__all__ = [
    "assign",
    "BOILERPLATE_STORIES",
    "BOILERPLATE_WORDS",
    "Candidate",
    "CANDIDATE_LIMIT",
    "Cluster",
    "COMMON_KEY_ITEMS",
    "common_subsequence",
    "CONTAINMENT",
    "containment",
    "content_words",
    "dedup_lines",
    "DedupIndex",
    "DedupInput",
    "epoch",
    "Event",
    "EVENT_COVER",
    "EVENT_FACT_DAYS",
    "EVENT_HOURS",
    "EVENT_KEY_SHARE",
    "EVENT_LEAD",
    "EVENT_LEAD_WORDS",
    "EVENT_REASONS",
    "EXPANDED",
    "EXPANDED_LEAD",
    "EXPANDED_RUNS",
    "FIGURE_CONFLICTS",
    "figure_conflicts",
    "figures",
    "figures_disagree",
    "Fingerprint",
    "fingerprint",
    "FULL_TEXT_WORDS",
    "FUNCTION_WORDS",
    "identity",
    "Indexed",
    "LEAD_SHARE",
    "LEAD_WORDS",
    "leads_agree",
    "line_key",
    "Member",
    "MemoryIndex",
    "MIN_SHARED",
    "MIN_SHARED_KEYS",
    "normalise",
    "ORDERED",
    "ORDERED_ALONE",
    "ordered_share",
    "other_edition",
    "OWN_REWRITE_HOURS",
    "RETOLD_HOURS",
    "Placement",
    "Postings",
    "REASONS",
    "representatives",
    "reprint",
    "RETOLD_RUNS",
    "RUN_SCRIPTS",
    "run_share",
    "RUN_WORDS",
    "same_event",
    "SAMPLE_MODULUS",
    "script",
    "SHINGLE_WORDS",
    "shingles",
    "SHORT_CONTAINMENT",
    "STORY_KEY_SHARE",
    "WEEKDAYS",
    "WORD_MODULUS",
    "words",
]
