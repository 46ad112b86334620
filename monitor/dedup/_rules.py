"""Decisions on one pair of items: the same article, a reprint, one event."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import Sequence

from ._params import (
    _GENERIC_HOST_LABELS,
    CONTAINMENT,
    EVENT_COVER,
    EVENT_FACT_DAYS,
    EVENT_HOURS,
    EVENT_LEAD,
    EVENT_LEAD_WORDS,
    EXPANDED,
    EXPANDED_LEAD,
    EXPANDED_RUNS,
    FIGURE_CONFLICTS,
    LEAD_SHARE,
    LEAD_WORDS,
    MIN_SHARED,
    ORDERED,
    ORDERED_ALONE,
    OWN_REWRITE_HOURS,
    RETOLD_HOURS,
    RETOLD_RUNS,
    RUN_SCRIPTS,
    RUN_WORDS,
    SHORT_CONTAINMENT,
)
from ._records import Fingerprint
from ._text import common_subsequence, figure_conflicts, tells_its_days, words


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
    if (later.entries or earlier.entries) and _same_outlet(later, earlier) and not _within(later.published, earlier.published, timedelta(hours=OWN_REWRITE_HOURS)) and other_edition(later, earlier):
        return None  # a listing's next edition, not a re-run of the last one
    shared = new.shared_shingles(old)
    score = shared / later.shingle_count if later.shingle_count else 0.0
    verbatim = score >= CONTAINMENT and shared >= MIN_SHARED
    if not verbatim:
        if _same_outlet(later, earlier) and not _within(later.published, earlier.published, timedelta(hours=OWN_REWRITE_HOURS)):
            return None  # an outlet's own wording on another day is its template, not a re-run
        if not _within(later.published, earlier.published, timedelta(hours=RETOLD_HOURS)):
            return None  # a retelling days later is another report
        score = _retold(later, earlier)
        # the earlier item can be told in the later when fewer of its words are needed than
        # the later's own rule needed and missed (a shortfall of runs fails both)
        if score is None and later.script in RUN_SCRIPTS and EXPANDED * len(earlier.sequence) < max(ORDERED * len(later.sequence), MIN_SHARED):
            score = _expanded(later, earlier)
        if score is None:
            return None
    if not leads_agree(later, earlier) or figures_disagree(later, earlier, verbatim=verbatim):
        return None
    return score


def other_edition(later: Fingerprint, earlier: Fingerprint) -> bool:
    """Whether ``later`` is another edition of the listing ``earlier`` is, or the reverse: both
    have entries under headings (:attr:`Fingerprint.entries`), one at least two, and not the
    same ones. A desk's daily listing (the city's exhibitions, the day's briefs) carries over
    most of the last edition and adds or drops an entry; a re-run of it tells the same
    entries. (Only for an outlet's own text on another day: :func:`reprint`.)"""
    if max(len(later.entries), len(earlier.entries)) < 2:
        return False
    return set(later.entries) != set(earlier.entries)


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
    told = common_subsequence(later.sequence, earlier.lead_positions(LEAD_WORDS), len(first)) / len(first)
    if told < LEAD_SHARE:
        return False
    return common_subsequence(earlier.sequence, later.lead_positions(2 * LEAD_WORDS), len(second)) / len(second) >= LEAD_SHARE


def figures_disagree(later: Fingerprint, earlier: Fingerprint, *, days: bool = True, verbatim: bool = False) -> bool:
    """Whether the figures of ``later`` disagree with those of ``earlier``: at least
    :data:`FIGURE_CONFLICTS` in the same words with other values, and at least half as many
    as the figures they share; or (with ``days``) another weekday after the same word, a
    report of another day. A ``verbatim`` later text (most of its word pairs the earlier's)
    with no figure of another value that tells every weekday the earlier tells is a re-run
    that tells another day too ("... on Friday. The district administration imposed Section
    144 on Thursday"), not another day's report (which leaves the earlier's day out)."""
    agree, conflict, other_days = figure_conflicts(later.figures, earlier.figures)
    if verbatim and conflict == 0 and tells_its_days(later.figures, earlier.figures):
        other_days = 0
    return (days and other_days > 0) or (conflict >= FIGURE_CONFLICTS and 2 * conflict >= agree)


def same_event(new: Fingerprint, old: Fingerprint) -> tuple[str, float] | None:
    """Whether ``new`` and ``old`` report one event, how (``facts`` or ``text``) and how
    closely; ``None`` when not (see the module docstring)."""
    shared_facts = set(new.facts) & set(old.facts)
    if shared_facts and _within(new.published, old.published, timedelta(days=EVENT_FACT_DAYS)):
        return "facts", round(len(shared_facts) / min(len(new.facts), len(old.facts)), 4)
    if not (new.full and old.full) or not _same_language(new, old) or not _within(new.published, old.published, timedelta(hours=EVENT_HOURS)):
        return None
    if (not new.facts and set(new.mentions) & set(old.facts)) or (not old.facts and set(old.mentions) & set(new.facts)):
        return None  # one gives the other's news below a lead of its own: a roundup carrying it as a brief
    # (a page that carries another story below its own is of its own story's event: its first
    # section speaks for it)
    a, b = set(new.sequence[: new.section or None]), set(old.sequence[: old.section or None])
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
