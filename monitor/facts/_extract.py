"""Facts of an article, sentence by sentence."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from ..models import Fact
from ..text import normalise_digits, split_sentences
from ._classify import (
    _clause,
    _is_comparison_figure,
    _mark_bases,
    _period_for,
    _Place,
    _resolve,
    classify,
)
from ._numbers import Figure, find_figures
from ._periods import Period, _PeriodScanner, _published_date
from ._series import PLAUSIBLE, same_fact
from ._subjects import (
    _ANAPHOR,
    _MAY_HOLD_FIGURES,
    MIN_OTHER_COUNT,
    Subject,
    _subject_for,
    find_subjects,
)

log = logging.getLogger("monitor.facts")
MAX_QUOTE = 300  # characters

@dataclass(frozen=True)
class _Context:
    """What the previous sentence was about, for sentences that refer back to it."""

    kind: str | None = None
    period: str = ""


def extract_facts(title: str, text: str, published: str | None = None) -> list[Fact]:
    """Facts stated in an article; each quote is a substring of ``title + "\\n" + text``."""
    document = f"{title}\n{text}" if title else text
    normalised = normalise_digits(document)
    day = _published_date(published)
    facts: list[Fact] = []
    context = _Context()
    for _, start, end in split_sentences(normalised):
        found, context = _sentence_facts(normalised[start:end], day, context)
        for figure, series, period, value in found:
            fact = Fact(series, period, round(value, 6), figure.unit, _quote(document[start:end], figure), published)
            if _plausible(fact):
                facts.append(fact)
    return _unique(facts)


def _sentence_facts(sentence: str, day: date | None, context: _Context) -> tuple[list[tuple[Figure, str, str, float]], _Context]:
    """``(figure, series, period, value)`` of one sentence, and the context for the next."""
    subjects = find_subjects(sentence)
    figures = find_figures(sentence) if _MAY_HOLD_FIGURES.search(sentence) else []
    if not subjects and not figures:
        return [], context if context.kind and _ANAPHOR.search(sentence) else _Context()
    periods = _mark_bases(_PeriodScanner(sentence, day).scan(), figures, sentence)
    main = next((p.value for p in periods if p.value and not p.comparison and not p.target), "")
    if not main and any(p.back for p in periods):
        main = context.period  # "during the period under review"
    inherited = not subjects and context.kind and _ANAPHOR.search(sentence)
    found = []
    for figure in figures:
        if figure.unit == "count" and any(p.start <= figure.start < p.end for p in periods):
            continue  # the 9 of "9MFY25"
        place = _place(figure, sentence, subjects, periods, context, main or context.period)
        classified = classify(place) if place else None
        if classified and not (classified[0] == "other" and figure.unit == "count" and figure.value < MIN_OTHER_COUNT):
            found.append((figure, classified[0], place.period, classified[1]))
    if subjects:
        watched = [s.kind for s in subjects if s.kind]
        return found, _Context(watched[-1] if watched else None, main)
    return found, context if inherited else _Context()


def _place(figure: Figure, sentence: str, subjects: list[Subject], periods: list[Period], previous: _Context, main: str) -> _Place | None:
    """Where a figure stands: its subject, clause and period; ``None`` if about nothing we watch.

    A figure without a subject takes the previous sentence's, if this sentence refers back
    to it. A percentage without a period takes the previous sentence's period if both
    sentences are about the same subject ("On a month-on-month basis, exports fell 2pc").
    """
    bounds = _clause(sentence, figure)
    subject = _subject_for(figure, subjects, bounds)
    inherited = not subjects and _ANAPHOR.search(sentence)
    kind = subject.kind if subject else previous.kind if inherited else None
    if kind == "freelancers" and figure.unit != "count" and not _about_freelancers(sentence, bounds, subject):
        kind = None
    if kind is None and figure.unit != "rank":
        return None
    first_subject = subjects[0].start if subjects else len(sentence)
    period = _period_for(figure, periods, sentence, bounds, subject, first_subject)
    if period is None and _is_comparison_figure(figure, sentence):
        return None
    if period is not None and period.back:
        value = previous.period
    elif period is not None:
        value = _resolve(period, main, periods)
    elif inherited or (figure.unit == "percent" and kind == previous.kind):
        value = previous.period
    else:
        value = ""
    wide = (min(bounds[0], subject.start), max(bounds[1], subject.end)) if subject else bounds
    clause, context = sentence[bounds[0] : bounds[1]], sentence[wide[0] : wide[1]]
    return _Place(figure, sentence, clause, context, kind or "ranking", value, bool(period and period.target))


_REFERS_BACK = re.compile(r"\b(?:they|their|them|these|those|earnings|income|remittances)\b|^\W*(?:it|its|the\s+figure|the\s+amount)\b", re.IGNORECASE)


def _about_freelancers(sentence: str, bounds: tuple[int, int], subject: Subject | None) -> bool:
    """Whether money is the freelancers' own: they are named in its clause, or the clause
    refers back to them ("their earnings", "they earned"); an export board's deals are not."""
    if subject is None:  # taken from the sentence before: this one must refer back to them
        return bool(_REFERS_BACK.search(sentence))
    if bounds[0] <= subject.start and subject.end <= bounds[1]:
        return True
    return bool(_REFERS_BACK.search(sentence[bounds[0] : bounds[1]]))


def _quote(sentence: str, figure: Figure) -> str:
    """The sentence, or a word-aligned window of it around the figure when it is long."""
    text = sentence.strip()
    if len(text) <= MAX_QUOTE:
        return text
    lead = len(sentence) - len(sentence.lstrip())
    start = max(0, figure.start - lead - MAX_QUOTE // 2)
    end = min(len(text), start + MAX_QUOTE)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > figure.end - lead else end
    return text[start:end].strip()


def _plausible(fact: Fact) -> bool:
    """Whether a fact's unit fits its series and its value the series' range; log if not."""
    if fact.series == "other":
        return True
    bounds = PLAUSIBLE.get((fact.series, fact.unit))
    if bounds is None or not bounds[0] <= fact.value <= bounds[1]:
        log.info("implausible %s %s %s (period %r) rejected: %s", fact.series, fact.value, fact.unit, fact.period, fact.quote)
        return False
    return True


def _unique(facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    for fact in facts:
        if not any(same_fact(fact, kept) for kept in out):
            out.append(fact)
    return out
