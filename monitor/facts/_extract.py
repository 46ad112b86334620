"""Facts of an article, sentence by sentence."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..models import Fact
from ..text import in_ordinary_case, normalise_digits, split_sentences
from ._classify import (
    PLACE_MOVED_FROM,
    RATE_NAMED_BACK,
    TOTAL_OF_THE_PARTS,
    _MONTH_VALUE,
    _GRADUATES,
    _MONEY_TOTAL,
    _OWN_GROWTH_SAID,
    _REGISTERED_FREELANCERS,
    _clause,
    _mark_bases,
    _period_for,
    _Place,
    _resolve,
    _series_of_exports,
    another_figures_period,
    base_span,
    classify,
    clause_before,
    infer_main,
    one_platform,
    over_years,
    registrants,
)
from ._comparisons import Span, basis_words, comparison_spans
from ._numbers import Figure, find_figures
from ._periods import _BARE_LAST_YEAR, _FY_VALUE, _LOOKS_AHEAD, _MONTH_NAMES, MONTH_ALONE, Period, _PeriodScanner, span_of_months, _fiscal_month, _fy_of, _fy_of_month, _month_number, _published_date, _within_fy, canonical_period, fiscal_end, fiscal_year, part_before, period_end, shift_months, shift_period, span_months
from ._series import PLAUSIBLE, same_fact
from ._subjects import (
    PROVINCE_NAMES,
    URDU_PROVINCES,
    WHICH_A_PART_INCLUDES,
    OPENING,
    OF_THE_TOTAL,
    WHICH,
    WORLDWIDE,
    _ANAPHOR,
    _MAY_HOLD_FIGURES,
    _SPAN_BEFORE_TOTAL,
    _URDU_FOREIGN,
    MIN_OTHER_COUNT,
    Subject,
    _subject_for,
    find_subjects,
    respective,
    respective_figures,
)

log = logging.getLogger("monitor.facts")
MAX_QUOTE = 300  # characters

@dataclass(frozen=True)
class _Context:
    """What the previous sentence was about, for sentences that refer back to it."""

    kind: str | None = None
    period: str = ""
    continued: bool = False  # this sentence goes on after a semicolon: "...; March up 19.5pc MoM"
    earlier: tuple[str, ...] = ()  # the periods of the sentences before, latest first
    headline: bool = False  # the sentence before is the title, which the lead restates
    ranked: bool = False  # the sentence before gave Pakistan's place in a ranking
    counted: bool | None = None  # the sentence before's figures, rates left out, were counts (True) or amounts (False); None: none, or both
    platform: bool = False  # the sentence before gave one platform's figures of freelancers ("$186m on the platform")
    listed: bool = False  # the sentence before is an item of a bulleted list ("• March IT exports at $398m")
    stated: bool = False  # the sentence before gave figures of its own
    asked: bool = False  # the sentence before is a question ("HOST: How many VPNs have been registered so far?")
    levels: tuple[str, ...] = ()  # the periods of the sentence before's amounts and counts (rates left out)
    aside: bool = False  # the sentence before named no subject, figure or period: an aside
    #: the period of Pakistan's place given in one of the two sentences before, when the ones
    #: since named no other period: a place said after it with no period of its own is of the
    #: same edition ("... for October 2021. ... On fixed broadband, it was ranked 155th")
    rank_period: str = ""
    rank_since: int = 0
    rank_fields: frozenset[int] = frozenset()  # what that place was for (:func:`_rank_fields`)
    #: the period of the first dated place the text gave Pakistan (the edition of the index it
    #: reports), and what that place was for: a place given further on for the same field, with
    #: no period of its own, is of that edition ("... for November 2022. ... For fixed broadband,
    #: Pakistan ranked 154th"; an edition recalled since, "had been ranked 114th in October",
    #: does not change it)
    rank_edition: str = ""
    edition_fields: frozenset[int] = frozenset()

    def then(self, kind: str | None, period: str, ranked: bool = False, found: Sequence[_Found] = (), platform: bool = False, aside: bool = False, fields: frozenset[int] = frozenset()) -> _Context:
        """The context for the next sentence: this sentence's subject and period (and whether
        its figures ``found`` count or measure), the ones before remembered."""
        earlier = tuple(dict.fromkeys(p for p in (period, self.period, *self.earlier) if p))[:6]
        units = {f[0].unit == "count" for f in found if f[0].unit != "percent"}
        levels = tuple(dict.fromkeys(f[2] for f in found if f[0].unit != "percent" and f[2] and f[1] != "other"))
        if ranked and period:
            rank_period, since = period, 0
        elif self.rank_period and period in ("", self.rank_period) and self.rank_since < 1:
            rank_period, since, fields = self.rank_period, self.rank_since + 1, self.rank_fields
        else:
            rank_period, since, fields = "", 0, frozenset()
        edition, edition_fields = (self.rank_edition, self.edition_fields) if self.rank_edition else ((period, fields) if ranked and period else ("", frozenset()))
        return _Context(
            kind, period, False, earlier, ranked=ranked, counted=units.pop() if len(units) == 1 else None, platform=platform, stated=bool(found), levels=levels, aside=aside,
            rank_period=rank_period, rank_since=since, rank_fields=fields, rank_edition=edition, edition_fields=edition_fields,
        )

    def latest(self, words: str) -> str:
        """The period "the quarter", "the month" or "the half" refers to: the latest of that
        length named before, else the latest of any."""
        wanted = next((test for word, test in _LENGTHS if word.search(words)), None)
        if wanted is None:
            return self.period
        # ("the same fiscal year" is never a month or a part of one named before)
        return next((p for p in (self.period, *self.earlier) if p and wanted(p)), "" if wanted is _is_fiscal_year else self.period)

    def refers_back(self, sentence: str) -> bool:
        """Whether ``sentence`` goes on about what this context was about."""
        # (an item of a bulleted list after another goes on about its subject: "• March IT
        # exports at $398m" then "• 9MFY26 tally at $3.25bn", a key-figures box's lines)
        # (so does a line that opens on a period and a colon, after one that gave figures: "...
        # US$ 372.4M (+26.1% YoY). Jul-Apr FY26: US$ 3.64B (+16.3% YoY).", a post's or a ticker's cells)
        # (and an answer goes on about what its question asked: "Q: How did IT exports do in
        # January? A: We did $392 million", "سوال: ... جواب: ...")
        # (or after a question, its speaker's label: "PTA CHAIRMAN: Since we opened the portal, ...")
        sentence = _THREAD_NUMBER.sub("", sentence, count=1)  # a thread's "2/ ..." numbers its post
        return bool(
            self.continued or (self.listed and _BULLET.match(sentence)) or _ANAPHOR.search(sentence) or (self.stated and _PERIOD_CELL.match(sentence)) or _ANSWER_OPENS.match(sentence)
            or (self.asked and _SPEAKER_OPENS.match(sentence))
            # (and a timeline's entry that opens on its period and a colon and gives an amount, in
            # a piece about an amount's series: "July 2024: The year opened at $286 million",
            # "جولائی: 28 کروڑ 60 لاکھ ڈالر", after "Here is how the year unfolded.")
            or (self.kind in ("it_exports", "freelancers") and bool(_PERIOD_ENTRY.match(sentence)) and bool(_MONEY_TOTAL.search(sentence)))
        )


#: An answer, labelled so after its question: "A: ", "Answer: ", Urdu "جواب: ".
_ANSWER_OPENS = re.compile(r"[\s\"'“]*(?:(?-i:A)|Ans|Answer|جواب|ج)\s*[:：]\s", re.IGNORECASE)


#: A speaker's label before what they say, in a transcript: "PTA CHAIRMAN: ", "Minister: ", Urdu
#: "وزیر: ", "مہمان: " (a few words and a colon, opening the sentence).
_SPEAKER_OPENS = re.compile(r"[\s\"'“]*(?:[A-Z][\w.'’-]*(?:\s+[A-Z@][\w.'’-]*){0,3}|[\u0600-\u06ff]+(?:\s+[\u0600-\u06ff]+){0,2})\s*:\s")


#: A sentence that opens on a period, a colon and a figure: "Jul-Apr FY26: US$ 3.64B", "7MFY25: $2.18bn".
_PERIOD_CELL = re.compile(
    rf"\W*(?:(?:{_MONTH_NAMES})(?:[\s'’-]+(?:\d{{2,4}}|(?:{_MONTH_NAMES})))*(?:\s+FY\s?\d{{2}}(?:\d{{2}})?(?:-\d{{2}})?)?|\d{{1,2}}\s?M\s?FY\s?\d{{2}}|[12]H\s?FY\s?\d{{2}}|Q[1-4]\s?FY\s?\d{{2}}|FY\s?\d{{2}}(?:\d{{2}})?(?:-\d{{2}})?)"
    r"\s*:\s*(?:US\s?\$|\$|USD|Rs\.?|PKR)?\s*\d",
    re.IGNORECASE,
)


#: The number a thread gives each post: "1/ ", "2/ ".
_THREAD_NUMBER = re.compile(r"^\s*\d{1,2}\s?/\s+(?!\d)")
#: A line that opens on a period with its year and a colon, whatever follows: a timeline's
#: entry ("July 2024: The year opened at ...", "FY26: ..."; a month alone, "جولائی:", may be of
#: another year than the date gives, in a review of a year gone by).
_PERIOD_ENTRY = re.compile(
    rf"\W*(?:(?:{_MONTH_NAMES})[\s'’-]+(?:\d{{4}}|'\d{{2}})|\d{{1,2}}\s?M\s?FY\s?\d{{2}}|[12]H\s?FY\s?\d{{2}}|Q[1-4]\s?FY\s?\d{{2}}|FY\s?\d{{2}}(?:\d{{2}})?(?:-\d{{2}})?)\s*:\s",
    re.IGNORECASE,
)


#: An amount as speakers say it, without its currency: "million" or "billion" and nothing after
#: it that it counts ("We did 214 million against 257 in December", "our IT exports are at
#: 2.6 billion, up 20 percent").
_SCALED_ALONE = re.compile(r"\d[\d,.]*\s*(?:million|billion)", re.IGNORECASE)
_NOTHING_COUNTED_AFTER = re.compile(
    r"\s*(?:$|[,.;:!?)\"”’—–]|-\s|(?:against|in|for|during|last|this|so\s+far|up|down|and|or|on|from|compared|versus|vs|I\s+(?:think|believe))\b)", re.IGNORECASE
)


def _dollars_unsaid(figure: Figure, sentence: str) -> bool:
    """Whether a count is an amount of the exports said without its currency."""
    return (
        figure.unit == "count"
        and figure.value >= 1e6
        and bool(_SCALED_ALONE.fullmatch(sentence, figure.start, figure.end))
        and bool(_NOTHING_COUNTED_AFTER.match(sentence, figure.end))
    )


#: An item of a bulleted list: "• ", "▪ ", "- ", "* " at the start of its line, and the emoji
#: that posts and tickers use as bullets ("▪️ ", "🔹 ", "✅ "; with or without the emoji form).
_BULLET = re.compile("[ \t]*(?:[•·▪◦‣●*–-]|[🔹🔸🔷🔶✅✔➡👉📌►▶])\ufe0f?[ \t]+")


#: A figure said as what it had been: "had stood at", "رہی تھیں", "ریکارڈ کی گئی تھیں".
#: "..., as the sector had posted exports of $222 million in September": what the figure had been
#: in the month after, told before that month.
_HAD_POSTED = re.compile(r"\bhad\s+(?:posted|recorded|earned|logged|clocked|registered|exported|generated|fetched|stood\s+at|been|reached|totall?ed|amounted\s+to)\b", re.IGNORECASE)
_HAD_BEEN = re.compile(r"\bhad\s+(?:stood|been|reached|totall?ed|amounted|come|remained|touched|fetched|brought|exported|earned|posted|recorded)\b|(?:رہی|رہا|رہے|رہیں|گئی|گیا|گئے|گئیں|ہوئی|ہوا|ہوئے|ہوئیں)\s+(?:تھیں|تھی|تھا|تھے)(?![^\W\d_])", re.IGNORECASE)


#: An Urdu sentence that ends on "was" ("اگست 2023 میں ... کا حجم 21 کروڑ 90 لاکھ ڈالر تھا"): said
#: of an earlier period than the one reported, it is what that period's figure had been.
_URDU_WAS_AT_END = re.compile(r"(?<![^\W\d_])(?:تھا|تھی|تھیں|تھے)\s*[۔.]?\s*$")


#: A whole year's figure named so: "full-year figure of", "full-year exports of".
#: A year's figure that a running total is set to beat is the whole year's: "well placed to beat
#: last year's $3.8bn", "on course to surpass the previous year's $3.2 billion".
_FULL_YEAR_BEFORE = re.compile(
    r"\b(?:full|whole|entire)[\s-]year(?:['’]s)?\s+(?:\w+\s+){0,3}?(?:of\s+)?(?:US\s?\$|\$|Rs\.?\s?)?$"
    r"|\b(?:beat(?:ing|s)?|surpass\w*|exceed\w*|overtak\w+|eclips\w+|better(?:ing|s)?|match(?:ing|es)?)\s+(?:last|the\s+previous)\s+(?:fiscal\s+)?year['’]s\s+(?:total\s+(?:of\s+)?|record\s+(?:of\s+)?|tally\s+(?:of\s+)?)?(?:US\s?\$|\$|Rs\.?\s?)?$",
    re.IGNORECASE,
)
#: A rate said as what it had been: "the sector had grown by around 23%".
_HAD_GROWN = re.compile(r"\bhad\s+(?:grown|risen|increased|jumped|surged|fallen|declined|dropped|slipped|contracted)\b", re.IGNORECASE)


def _before(period: str, other: str) -> bool:
    """Whether ``period`` ends before ``other`` does (``2025-03`` before ``2026-03``,
    ``FY2021-22`` before ``FY2022-23:Q1``)."""
    a, b = period_end(canonical_period(period)), period_end(canonical_period(other))
    return a is not None and b is not None and a < b


#: A sentence that says where the one before's figures were given: "This was revealed in ...",
#: "The figures come from ...", "یہ بات ... میں بتائی گئی".
_SAID_IN = re.compile(
    r"\W*(?:(?:this|these|the|such)\s+(?:figures?|data|numbers?|information|details?)?\s*(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:revealed|stated|disclosed|shown|reported|given|mentioned|released|published|said)\b"
    r"|(?:the\s+)?(?:figures?|data|numbers)\s+(?:come|came|are\s+from|were\s+from)\b)"
    r"|\W*یہ\s+(?:بات|اعداد\s+و\s?شمار|انکشاف|تفصیلات)",
    re.IGNORECASE,
)
#: A line that links to another story ("Read more: ...", "یہ بھی پڑھیں: ..."), which the page
#: extractor drops but a feed's text or a pasted one may keep: its figures are that story's.
_TEASER = re.compile(r"\s*(?:read\s+(?:more|also)|also\s+read|related|مزید\s+پڑھیں|یہ\s+بھی\s+پڑھیں)\s*[:：–-]", re.IGNORECASE)


#: The number of a list's item, split off as a sentence of its own: "2. ", "iii. ", "(b) ".
_LIST_NUMBER = re.compile(r"\s*(?:\(?\d{1,2}[.)۔]|\(?[a-h]\)|\(?[ivx]{1,4}[.)])\s*")


def extract_facts(title: str, text: str, published: str | None = None) -> list[Fact]:
    """Facts stated in an article; each quote is a substring of ``title + "\\n" + text``."""
    document = f"{title}\n{text}" if title else text
    # (a line in capitals read as a title writes it; Urdu's words and digits run together apart)
    normalised, origin = unglued(in_ordinary_case(normalise_digits(document)), keep=len(title) if title else None)
    title_end = origin.index(len(title)) if title else 0  # where the title ends in ``normalised``
    day = _published_date(published)
    facts: list[Fact] = []
    context = _Context()
    abroad = _about_abroad(normalised, normalised[:title_end])
    pillars = _pillar_names(normalised)
    undated_title: list[int] = []  # the title's facts with no period, for the lead to date
    # the title's facts, and those given roughly ("over 19,000"): held as objects and told apart
    # by identity, since equal facts may come from the title and the body
    rounded: list[tuple[Fact, _Rounding]] = []
    titled: list[Fact] = []
    lead_at = -1  # where the body's first sentence starts
    said: list[Fact] = []  # the facts of the body's sentence before
    boxed = False  # whether the box's figure just read gave facts, its caption read with it
    listed = box_lines(normalised) | table_lines(normalised) | chart_rows(normalised) | pipe_rows(normalised)
    for _, start, end in split_sentences(normalised, join_from=title_end + 1 if title else 0):  # (a line broken in mid-sentence read whole)
        in_title = bool(title) and start < title_end
        if start in listed and (listed[start] or boxed):
            # a line of a table written in lines, told as the sentence it stands for (and a box's
            # caption, read with the figure above it, not again; read alone when that gave nothing)
            to, box = end, bool(_BOX_FIGURE.fullmatch(normalised, start, end))
            # (a box's lines are read on, as the text around them: "Exports in June 2025" are
            # the IT exports the lines above named)
            found, after = [], context if box else _Context()
            for told in listed[start].split("\n"):  # (a table's row: a sentence for each of its figures)
                more, after = _sentence_facts(told, day, after if box else _Context())
                found += more
            if box:
                # (a box's figure on its own line: quoted with its caption, the line after it)
                to = next_line if (next_line := normalised.find("\n", end + 1)) >= 0 else len(normalised)
                context = after
            line = [Fact(series, period, round(value, 6), figure.unit, document[origin[start] : origin[to]].strip(), published, basis) for figure, series, period, value, basis in found]
            facts.extend(f for f in line if _plausible(f) and not _not_begun(f, day))
            boxed = bool(line)
            continue
        boxed = False
        if not in_title and _TEASER.match(normalised, start, end):
            continue  # "Read more: IT exports climb 24pc in July": another story's headline
        if _LIST_NUMBER.fullmatch(normalised, start, end):
            continue  # "2. " before a list's item: no sentence, and the subject before it goes on
        if not in_title and lead_at < 0:
            lead_at = start
        found, context = _sentence_facts(normalised[start:end], day, context)
        found = [f for f in found if not (f[1] == "ranking" and _ranks_a_pillar(normalised[start:end], f[0], pillars))]
        if not in_title and _SAID_IN.match(normalised, start, end) and one_platform(normalised[start:end]):
            # "... earned $415 million. This was revealed in the report of freelancing platform
            # WorkBridge.": the sentence before gave one platform's figures
            facts = [replace(f, series="other", basis="") if any(f is g for g in said) and f.series.startswith("freelancer_") else f for f in facts]
        said: list[Fact] = []
        if not in_title and undated_title and not found and start == lead_at:
            pass  # a standfirst that gives no figure of a series ("Sector earns $207m in January"): the lead after it dates the title
        elif not in_title and undated_title:
            known = facts
            dated = _dated_by_lead(facts, undated_title, found)  # position for position; None for one the lead restates
            facts = [f for f in dated if f is not None]
            titled += [f for f in facts if not any(f is k for k in known)]  # the title's facts the lead dated
            # (a rough figure the lead dated is still rough: "50 کروڑ ڈالر کے قریب" over the body's 492)
            rounded = [(new, how) for fact, how in rounded for old, new in zip(known, dated) if old is fact and new is not None]
            undated_title = []
        context = replace(context, continued=normalised[start:end].rstrip().endswith(";"), headline=in_title, listed=bool(_BULLET.match(normalised, start, end)), asked=normalised[start:end].rstrip().endswith(("?", "؟")))
        if abroad and not _PAKISTAN.search(normalised, start, end):
            continue  # in an article on another country's figures, a sentence that names no Pakistani is about that country
        sentence = [Fact(series, _place_period(series, period), round(value, 6), figure.unit, _quote(document, origin, start, end, figure), published, basis) for figure, series, period, value, basis in found]
        kept = [fact for fact in sentence if _plausible(fact) and not _not_begun(fact, day)]
        # "remittances rose 30pc to $3.1bn in March": a level too large for the series says the
        # subject was a larger aggregate's, and the rate with it goes too (a level too small, or
        # in the wrong currency, is more likely a slip of the pen)
        wrong = {(f.series, f.period) for f in sentence if f not in kept and f.unit != "percent" and f.value > _bounds(f)[1]}
        before = len(facts)
        facts.extend(f for f in kept if not (f.unit == "percent" and (f.series, f.period) in wrong))
        said = facts[before:] if not in_title else []
        if in_title:
            undated_title += [i for i in range(before, len(facts)) if not facts[i].period and facts[i].series.startswith(("it_exports", "freelancer_earnings", "ranking"))]
            title_text = normalised[start:end]
            rounded += _rough(facts[before:], found, title_text)
            titled += facts[before:]
        elif start == lead_at:
            # the lead's bound ("more than 150,000 VPNs") that the body then gives exactly
            rounded += _rough(facts[before:], found, normalised[start:end], bounds_only=True)
    body = [f for f in facts if not any(f is t for t in titled)]
    # a title's undated figure of freelancers that the body tells as one platform's ("Pakistani
    # Freelancers Earned $118.6 Million on Worklane" over "... earned $118.6 million on Worklane
    # between July 2022 and June 2023") is the platform's too
    facts = [f for f in facts if not (not f.period and f.series.startswith("freelancer_") and any(f is t for t in titled) and any(g.series == "other" and g.unit == f.unit and abs(g.value - f.value) <= 0.01 * abs(g.value) and one_platform(g.quote) for g in body))]
    # and one the body gives with its period, further down than the lead: "فری لانسرز کی آمدن 35
    # کروڑ ڈالر سے تجاوز" over "گزشتہ مالی سال فری لانسرز نے بھی 35 کروڑ ڈالر سے زیادہ ملک بھیجے"
    facts = [f for f in facts if not (not f.period and any(f is t for t in titled) and any(g.period and g.series == f.series and g.unit == f.unit and abs(g.value - f.value) <= 0.01 * abs(g.value) for g in body))]
    return _basis_from_levels(_unique(_without_rounded(facts, rounded, body)))


#: A line of a table written in lines: a period, a colon and a figure ("2020-21: 2,107",
#: "Jan'26: 338", "مالی سال 2019-20: ایک ارب 31 کروڑ ڈالر").
_TABLE_LINE = re.compile(r"[ \t]*(?P<label>[^:\n]{2,48}?)[ \t]*:[ \t]*(?P<value>[^:\n]{1,40}?)[ \t]*")
#: What makes a table line's label a period: a year, a fiscal year, a month, a quarter or half.
_PERIOD_LABEL = re.compile(rf"\d{{4}}|\bFY|\d\s?M\s?FY|(?<![\w])(?:{_MONTH_NAMES})|\bQ[1-4]\b|\bH[12]\b|مالی\s+سال|سہ\s?ماہی|ششماہی", re.IGNORECASE)
#: The unit a table's heading gives its bare numbers: "(US$ million)", "(US$mn)", "in million dollars".
_TABLE_UNIT = re.compile(
    r"\(\s*(?:in\s+)?(?:US\s?\$|USD|\$)\s*(?P<scale>million|mn|m|billion|bn)\s*\)|\bin\s+(?P<words>million|billion)s?\s+(?:of\s+)?(?:US\s+)?dollars\b",
    re.IGNORECASE,
)
#: A figure that says its own unit: money, a rate, Urdu's counting words.
_OWN_UNIT = re.compile(r"\$|US\s?\$|USD|\bRs\b|\bPKR\b|million|billion|\bmn\b|\bbn\b|%|percent|per\s+cent|ڈالر|روپے|کروڑ|ارب|لاکھ|فیصد", re.IGNORECASE)


def _lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text``, each with where it starts."""
    spans, offset = [], 0
    for line in text.split("\n"):
        spans.append((offset, line))
        offset += len(line) + 1
    return spans


def table_lines(text: str) -> dict[int, str]:
    """The lines of tables written in lines, each as the sentence it stands for, by where it
    starts: a run of lines "period: figure" after a heading or a sentence that ends in a colon
    and names what they count ("... year-wise figures for IT and ITeS exports (US$ million):",
    then "2020-21: 2,107" is "IT and ITeS exports were US$2,107 million in 2020-21."). A
    heading's unit goes to the bare numbers; a line with a rate, or with no period, is left
    as it is."""
    spans = _lines(text)
    out: dict[int, str] = {}
    heading: tuple[str, str] | None = None  # the subject's words and the heading's unit
    for start, line in spans:
        if not line.strip():
            continue  # blank lines between the heading and its rows
        row = _TABLE_LINE.fullmatch(line)
        if row and heading is not None and re.search(r"\d", row["value"]):
            if not _PERIOD_LABEL.search(row["label"]):
                continue  # a row of another kind ("YoY: +13%"): the table goes on
            subject, scale = heading
            value, label = row["value"].strip(), row["label"].strip()
            if "%" in value or re.search(r"percent|فیصد", value, re.IGNORECASE):
                continue  # a rate's row ("YoY: +13%"): of which period, the heading does not say
            if not _OWN_UNIT.search(value):
                if not scale:
                    continue
                value = f"US${value} {scale}"
            urdu = bool(_URDU_LETTER.search(label + value + subject))
            out[start] = f"{subject} {label} میں {value} رہیں۔" if urdu else f"{subject} were {value} in {label}."
            continue
        heading = None
        stripped = line.strip()
        unit = _TABLE_UNIT.search(stripped)
        if stripped.endswith(":") or (unit and not re.search(r"\d", _TABLE_UNIT.sub("", stripped))):
            subjects = [s for s in find_subjects(stripped) if s.kind]
            if subjects:
                scale = (unit["scale"] or unit["words"]).lower() if unit else ""
                heading = (stripped[subjects[-1].start : subjects[-1].end], "billion" if scale in ("billion", "bn") else "million" if scale else "")
    return out


#: A cell of a table that holds a figure: a number, with its sign, currency or unit ("214",
#: "3,223", "+9%", "-1.2pc", "$1.21bn").
_NUMBER_CELL = re.compile(
    r"[+\-−–]?\s?(?:US\s?\$|\$|USD\s?)?\s?\d[\d,]*(?:\.\d+)?\s?(?:%|pc|percent|bn|billion|mn|million|m)?"
    # (and as Urdu writes it: "2 ارب 12 کروڑ ڈالر", "47 فیصد اضافہ", "1 فیصد کمی")
    r"|\d[\d,.]*(?:\s*(?:ارب|کروڑ|لاکھ|ملین|ہزار)(?:\s*\d[\d,.]*)?)*\s*(?:ڈالرز?|روپے)?|\d[\d.]*\s*فیصد(?:\s*(?:اضافہ|کمی))?",
    re.IGNORECASE,
)
#: A column (or a caption) of growth rates, and the basis its words give: "YoY", "MoM", "change".
_YOY_WORDS = re.compile(r"\b(?:YoY|y/y|year[\s-]on[\s-]year)\b|سال\s+بہ\s+سال|سالانہ\s+(?:بنیاد|تبدیلی|اضافہ)", re.IGNORECASE)
_MOM_WORDS = re.compile(r"\b(?:MoM|m/m|month[\s-]on[\s-]month)\b|ماہ\s+بہ\s+ماہ|ماہانہ\s+(?:بنیاد|تبدیلی|اضافہ)", re.IGNORECASE)
_RATE_COLUMN = re.compile(rf"{_YOY_WORDS.pattern}|{_MOM_WORDS.pattern}|\bchange\b|\bgrowth\b|%|\bvar(?:iation)?\b|\bchg\b|(?<![^\W\d_])(?:تبدیلی|اضافہ|شرح\s+نمو|گروتھ)(?![^\W\d_])", re.IGNORECASE)
#: The scale a column's heading, a row's label or a caption gives its bare numbers: "FY24 ($m)".
_COLUMN_SCALE = re.compile(r"(?:US\s?\$|\$|USD)\s?(?P<scale>million|mn|m|billion|bn|b)\b", re.IGNORECASE)


def _cells(line: str) -> list[str] | None:
    """The cells of a table's line written with "|" between them (as the extractor writes a
    table's row), or ``None`` for a line of text; a Markdown rule ("---|---") has none."""
    if "|" in line:
        bare = line.strip()
        if bare.startswith("|") and bare.endswith("|"):
            bare = bare[1:-1]  # a Markdown row's outer bars ("| Jul | 214 |"); " | Sep-24 | ..." keeps its empty first cell
        cells = [c.strip() for c in bare.split("|")]
    elif re.search(r"\s[—–]\s", line):
        cells = [c.strip() for c in re.split(r"\s[—–]\s", line.strip())]  # "مالی سال 2020-21 — 2 ارب 12 کروڑ ڈالر — 47 فیصد اضافہ"
    elif len(aligned := re.split(r"\t+| {2,}", line.strip())) >= 3:
        cells = aligned  # columns set apart by tabs or runs of spaces: "FY23     199     227     204"
    else:
        return None
    if len(cells) < 2 or all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
        return None
    return cells


def pipe_rows(text: str) -> dict[int, str]:
    """The rows of a table with its cells apart (see :func:`_cells`: an HTML table as the
    extractor writes it, or a table pasted as text), each as the sentences it stands for, one a
    line, by where the row starts: under "IT exports month by month" and a heading row "Month |
    FY24 ($m) | FY23 ($m) | YoY", the row "Jul | 214 | 197 | +9%" is "IT exports were US$214
    million in Jul 2023.", "IT exports were US$197 million in Jul 2022." and "IT exports rose 9%
    year-on-year in Jul 2023." How each cell is read: :func:`_table_sentences`."""
    spans = _lines(text)
    out: dict[int, str] = {}
    i = 0
    while i < len(spans):
        cells = _cells(spans[i][1])
        if cells is None:
            i += 1
            continue
        rows, j = [], i
        while j < len(spans):
            if not spans[j][1].strip():
                j += 1
                continue
            row = _cells(spans[j][1])
            if row is None or len(row) != len(cells):
                if row is None and "|" in spans[j][1] and re.fullmatch(r"[\s|:-]+", spans[j][1]):
                    j += 1  # a Markdown rule under the heading row
                    continue
                break
            rows.append((spans[j][0], row))
            j += 1
        above = [line.strip() for _, line in spans[max(0, i - 4) : i] if line.strip() and _cells(line) is None]
        i = j
        if len(rows) < 2:
            continue
        out.update(_table_sentences(rows, above))
    return out


def _table_sentences(rows: list[tuple[int, list[str]]], above: list[str]) -> dict[int, str]:
    """:func:`pipe_rows` for one table: its rows (where each starts, its cells) and the lines
    above it, nearest last.

    Each number's period is its row's and its column's together ("Jul" under "FY24" is July
    2023, "4M" beside "FY23" the first four months of FY23, "Total" under "FY24" the year), or
    either alone; a rate (a "YoY", "MoM" or "change" column or row, or a cell with "%") is of
    the level beside it: the first of its row's group of columns, or of the first row above it
    in its column. A row or a column that names a subject is that subject's (a look-alike's
    gives nothing); the others are the table's."""
    heading = rows[0][1] if not any(_NUMBER_CELL.fullmatch(c) and not _label_period(c) for c in rows[0][1][1:]) else None
    body = rows[1:] if heading else rows
    if not body:
        return {}
    width = len(body[0][1])
    heads = heading or [""] * width
    labels = [_label_period(row[0]) for _, row in body]
    table_subject, caption = None, ""
    for line in ([heads[0]] if heads[0] else []) + [h for h in heads[1:] if h] + above[::-1]:
        named = [n for n in find_subjects(line) if n.kind != "exports"]  # (exports alone name no subject of their own)
        if named and named[-1].kind:
            table_subject, caption = line[named[-1].start : named[-1].end], line
            break
        if named and line in above:
            break  # (the nearest subject named above, a look-alike's too, is the table's)
    caption = caption or (above[-1] if above else "")
    said = " ".join(above[-2:] + [heads[0]])  # the words that give a unit or a basis to the whole table
    col_period = [_label_period(h) for h in heads]
    col_rate = [bool(h and _RATE_COLUMN.search(h) and not col_period[k]) for k, h in enumerate(heads)]
    col_other = [bool(_OTHER_RATE.search(h)) for h in heads]  # (quarter-on-quarter: no basis the monitor keeps)
    col_subject = [_named_subject(h) for h in heads]
    row_rate = [bool(_RATE_COLUMN.search(row[0]) and not labels[i]) for i, (_, row) in enumerate(body)]
    levels = [i for i, r in enumerate(row_rate) if not r]
    # two fiscal years side by side, a row or a column each: a change between them is year-on-year
    years = [p for p in labels + col_period if p.startswith("FY") or re.fullmatch(r"(?:19|20)\d\d", p)]
    yearly = len(years) == 2 and _years_apart(years[0], years[1])
    # (a total beside some months of a year is theirs, not the year's: "Jul", "Aug" and "Total"
    # under "FY24" is July-August's)
    months_down = [p for p in labels if _LABEL_MONTH.fullmatch(p or "-")]
    months_across = [p for p in col_period if _LABEL_MONTH.fullmatch(p or "-")]
    row_period = list(labels)
    # (a change in a run of months, with no years side by side, is from the month before)
    monthly = not yearly and (len(months_down) >= 2 or len(months_across) >= 2)
    if 0 < len(months_down) < 12:
        row_period = [_months_span(months_down) if p == "TOTAL" else p for p in row_period]
    if 0 < len(months_across) < 12:
        col_period = [_months_span(months_across) if p == "TOTAL" else p for p in col_period]
    vpn_subject: dict[str, bool] = {}  # (whether a subject is VPNs, asked once a table)
    out: dict[int, str] = {}
    for i, (start, row) in enumerate(body):
        label = row[0]
        subject = _named_subject(label)
        if subject is False:
            continue  # a look-alike's row ("Remittances | 2,812 | ...")
        if label.strip(" *") and not subject and not row_rate[i] and not labels[i] and not any(n.kind == "exports" for n in find_subjects(label)):
            continue  # a row of another kind: a country's, a category's ("USA | 1,100 | 950"); "Exports" is the table's
        clauses = []
        group_first = None  # the first level column of this row since the last rate column
        first_level = None
        for k in range(1, min(width, len(row))):
            cell = row[k].strip("* ")
            if col_subject[k] is False or col_other[k] or not _NUMBER_CELL.fullmatch(cell):
                if col_rate[k]:
                    group_first = None
                continue
            who = subject or col_subject[k] or table_subject
            if not who:
                continue
            urdu = bool(_URDU_LETTER.search(who))
            if who not in vpn_subject:
                vpn_subject[who] = any(n.kind == "vpn" for n in find_subjects(who))
            vpns = not urdu and vpn_subject[who]
            if vpns:
                who = "VPN registrations"  # (what a table of VPNs counts, month by month)
            rate = col_rate[k] or row_rate[i] or "%" in cell or "فیصد" in cell
            if rate:
                words = _rate_words(heads[k] if col_rate[k] else label if row_rate[i] else "", said, urdu, yearly, monthly)
                if col_rate[k]:
                    at = first_level if _MOM_WORDS.search(heads[k]) else group_first
                    when = _combine(row_period[i], col_period[at]) if at is not None else row_period[i]
                elif row_rate[i]:
                    first_row = next((j for j in levels if j < i), None)  # (the table's first year: "FY23" over "FY22")
                    when = _combine(row_period[first_row] if first_row is not None else "", col_period[k])
                else:
                    when = _combine(row_period[i], col_period[k])
                if col_rate[k]:
                    group_first = None
                if not when:
                    continue
                clauses.append(_rate_clause(who, cell, words, when, urdu))
                continue
            when = _combine(row_period[i], col_period[k])
            if group_first is None:
                group_first = k
            if first_level is None:
                first_level = k
            if not when:
                continue
            amount = _with_unit(cell, heads[k], label, " ".join([*above[-2:][::-1], heads[0], caption]), urdu)
            if vpns and re.fullmatch(r"\d[\d,]*", cell):
                clauses.append(f"{cell} VPNs were registered in {when}")  # (a count needs no unit)
            elif amount:
                clauses.append(f"{who} {when} میں {amount} رہیں" if urdu else f"{who} were {amount} in {when}")
        if clauses:
            # (a sentence each, read one by one: see :func:`extract_facts`)
            out[start] = "\n".join(c + ("۔" if _URDU_LETTER.search(c) else ".") for c in clauses)
    return out


def _months_span(months: list[str]) -> str:
    """The span a total of some months of a fiscal year covers ("Jul", "Aug", "Sep": "Jul-Sep"),
    or "" when they do not run from July without a gap."""
    numbers = [_month_number(re.match(_MONTH_NAMES, m, re.IGNORECASE).group()) for m in months if re.match(_MONTH_NAMES, m, re.IGNORECASE)]
    fiscal = [(n - 7) % 12 for n in numbers]
    if len(fiscal) != len(months) or fiscal != list(range(len(fiscal))) or re.search(r"\d", "".join(months)):
        return ""
    return f"{months[0]}-{months[-1]}" if len(months) > 1 else months[0]


def _years_apart(a: str, b: str) -> bool:
    """Whether two fiscal years as :func:`_label_period` gives them ("FY24", "FY2023-24") are
    a year apart."""
    ends = [int(m[1]) % 100 + 1 if m[1] else int(m[2]) % 100 for m in (re.fullmatch(r"(?:FY)?(?:(\d{4})-\d\d|(\d{2}(?:\d{2})?))", p) for p in (a, b)) if m]
    return len(ends) == 2 and abs(ends[0] - ends[1]) == 1


def _named_subject(label: str) -> str | bool | None:
    """The watched subject a table's row label or column heading names ("IT exports ($ mn)"),
    ``False`` for a look-alike's ("Remittances"), ``None`` for none."""
    named = [n for n in find_subjects(label) if n.kind != "exports"]
    if not named:
        return None
    return label[named[-1].start : named[-1].end] if named[-1].kind else False


#: A label that is a period, as tables write them: months ("Jul", "Apr-24", "جولائی"), fiscal
#: years ("FY25", "FY2024-25", "2024-25", "مالی سال 2024-25"), parts of one ("4M", "10MFY24",
#: "1QFY25", "Q1", "1HFY24", "Jul-Mar"), a calendar year, and a total ("Total", "کل").
_LABEL_MONTH = re.compile(rf"(?:{_MONTH_NAMES})(?:[\s'’-]*(?:\d{{2}}|\d{{4}}))?", re.IGNORECASE)
_LABEL_FY = re.compile(r"(?:FY\s?|مالی\s+سال\s+)?(?P<y>(?:19|20)\d\d)\s?-\s?(?P<y2>\d\d)|FY\s?(?P<s>\d{2}(?:\d{2})?)", re.IGNORECASE)
_LABEL_SPAN = rf"(?:{_MONTH_NAMES})(?:\s?[-–]\s?|\s+(?:تا|سے|to)\s+)(?:{_MONTH_NAMES})"
_LABEL_PART = re.compile(rf"\d{{1,2}}\s?M(?:\s?FY\s?\d{{2}})?|[1-4]\s?Q(?:\s?FY\s?\d{{2}})?|Q[1-4](?:\s?FY\s?\d{{2}})?|[12]\s?H(?:\s?FY\s?\d{{2}})?|H[12](?:\s?FY\s?\d{{2}})?|{_LABEL_SPAN}(?:\s+FY\s?\d{{2}})?|ششماہی|پہلی\s+ششماہی", re.IGNORECASE)
_LABEL_TOTAL = re.compile(r"total|full\s+year|annual|کل|کُل|مجموعی|ٹوٹل", re.IGNORECASE)


def _label_period(label: str) -> str:
    """A table's label as a period the sentence reader reads ("2024-25" is "FY2024-25"), "TOTAL"
    for a total's, or "" for a label that is no period."""
    text = re.sub(r"\([^()]*\)", " ", label).strip(" *:").strip()
    if not text:
        return ""
    if _LABEL_TOTAL.fullmatch(text):
        return "TOTAL"
    if m := _LABEL_FY.fullmatch(text):
        return f"FY{m['y']}-{m['y2']}" if m["y"] else f"FY{m['s']}"
    if _LABEL_MONTH.fullmatch(text) or _LABEL_PART.fullmatch(text) or re.fullmatch(r"(?:19|20)\d\d", text):
        return "H1" if "ششماہی" in text else text
    return ""


def _combine(row: str, column: str) -> str:
    """The period of a table's cell from its row's period and its column's (see :func:`_label_period`)."""
    if not row or not column:
        return "" if (row or column) == "TOTAL" else row or column
    if "TOTAL" in (row, column):
        other = column if row == "TOTAL" else row
        return other if other.startswith("FY") else ""
    fy, part = (row, column) if row.startswith("FY") else (column, row) if column.startswith("FY") else ("", "")
    if not fy:
        if re.fullmatch(r"(?:19|20)\d\d", column) and _LABEL_MONTH.fullmatch(row):
            return f"{row} {column}"
        return ""
    if _LABEL_MONTH.fullmatch(part) and not re.search(r"\d", part):
        m = re.fullmatch(r"FY(?:(\d{4})-(\d\d)|(\d{2})(\d{2})?)", fy)
        end = int(m[1]) + 1 if m[1] else (2000 + int(m[4]) if m[4] else 2000 + int(m[3])) if m[3] else None
        return _dated_label(part, end) if end else ""
    if re.fullmatch(r"\d{1,2}\s?M|[1-4]\s?Q|[12]\s?H", part, re.IGNORECASE):
        return part.replace(" ", "") + fy  # "4M" of FY23: "4MFY23"
    if re.fullmatch(r"Q[1-4]|H[12]", part, re.IGNORECASE) or re.fullmatch(_LABEL_SPAN, part, re.IGNORECASE):
        return f"{part} {fy}"  # "Q1 FY25", "Jul-Mar FY26"
    return ""


def _rate_words(head: str, said: str, urdu: bool, yearly: bool = False, monthly: bool = False) -> str:
    """The basis a rate's heading (or the table's words) says, as the sentence reader reads it;
    when it says none, year-on-year in a table of two years side by side, month-on-month in a
    run of months."""
    text = head or said
    if _YOY_WORDS.search(text) or (yearly and not _MOM_WORDS.search(text)):
        return " سال بہ سال" if urdu else " year-on-year"
    if _MOM_WORDS.search(text) or monthly:
        return " ماہ بہ ماہ" if urdu else " month-on-month"
    return ""


#: A change of a basis the monitor keeps no figure of: quarter-on-quarter.
_OTHER_RATE = re.compile(r"\b(?:QoQ|q/q|quarter[\s-]on[\s-]quarter)\b", re.IGNORECASE)


def _rate_clause(subject: str, cell: str, words: str, when: str, urdu: bool) -> str:
    """A table's rate as the sentence it stands for."""
    if urdu:
        if not re.search(r"اضافہ|کمی", cell):
            number = re.search(r"\d[\d.]*", cell).group()
            cell = f"{number} فیصد {'کمی' if re.match(r'[-−–]', cell) else 'اضافہ'}"
        return f"{subject} میں {when} میں{words} {cell} ہوا"
    if "%" not in cell and not re.search(r"pc|percent", cell, re.IGNORECASE):
        cell += "%"
    value = cell.replace("−", "-").replace("–", "-").replace(" ", "")
    return f"{subject} rose {value.lstrip('+')}{words} in {when}"


#: A table's unit for its bare numbers, in a heading, a row's label or the caption: "$ mn",
#: "US$ million", "(USD m)", "$bn"; in Urdu, "(ملین ڈالر)", "کروڑ ڈالر", "ارب ڈالر".
_URDU_TABLE_SCALE = re.compile(r"(?:\(|[،,:])\s*(?P<scale>ملین|کروڑ|ارب|بلین)\s+ڈالرز?(?:\s+میں)?\s*(?:\)|[:(]|$)")


def _with_unit(cell: str, head: str, label: str, caption: str, urdu: bool) -> str:
    """A table's number with the unit it is in: its own, its column's, its row's or the table's."""
    if re.search(r"\$|USD|bn\b|billion|mn\b|million|\dm$|ڈالر|روپے", cell, re.IGNORECASE):
        return cell
    for words in (head, label, caption):
        if m := _COLUMN_SCALE.search(words) or _TABLE_UNIT.search(words):
            scale = (m.groupdict().get("scale") or m.groupdict().get("words") or "").lower()
            big = scale in ("billion", "bn", "b")
            return f"{cell} {'ارب' if big else 'ملین'} ڈالر" if urdu else f"US${cell} {'billion' if big else 'million'}"
        if m := _URDU_TABLE_SCALE.search(words):
            return f"{cell} {m['scale']} ڈالر"
    return ""


#: A line that is one figure alone, as a "By the numbers" box sets it above its caption
#: ("$3.8bn", "2.37m", "62,000+", "+51pc"); a year alone is a timeline's, not a figure.
_BOX_AMOUNT = r"[+\-−]?(?:US\s?\$|\$|Rs\.?\s?)?\d[\d,]*(?:\.\d+)?[ \t]?(?:%|pc|percent|bn|billion|mn|million|m|k|tr|trillion)?\+?"
_BOX_FIGURE = re.compile(rf"[ \t]*(?![12]\d{{3}}[ \t]*$){_BOX_AMOUNT}[ \t]*", re.IGNORECASE)
#: ... or before its caption on the same line, after a dash: "$342m — ICT exports in March".
_BOX_DASH = re.compile(rf"[ \t]*(?P<figure>{_BOX_AMOUNT})[ \t]+[—–][ \t]+(?P<caption>\S.*)", re.IGNORECASE)


def box_lines(text: str) -> dict[int, str]:
    """A box's figures and their captions, each as the line it stands for, by where it starts:
    "$3.8bn" on a line of its own, then "ICT exports in FY25, up 18pc from $3.22bn in FY24", is
    "$3.8bn: ICT exports in FY25, up 18pc from $3.22bn in FY24" (the caption's line is read
    with its figure, and not again); "$342m — ICT exports in March" is "$342m: ICT exports in
    March", as a list's line that names its figure after a colon is read."""
    spans = _lines(text)
    out: dict[int, str] = {}
    for k, (start, line) in enumerate(spans):
        if not line.strip():
            continue
        if (dash := _BOX_DASH.fullmatch(line)) and "|" not in line and not re.search(r"\s[—–]\s", dash["caption"]):
            out[start] = f"{dash['figure']}: {dash['caption']}"
            continue
        if not _BOX_FIGURE.fullmatch(line) or k + 1 >= len(spans):
            continue
        caption_start, caption = spans[k + 1]
        if caption.strip() and not _BOX_FIGURE.fullmatch(caption) and (k == 0 or not spans[k - 1][1].strip()):
            out[start] = f"{line.strip()}: {caption.strip()}"
            out[caption_start] = ""
    return out


#: A chart's or an inline table's pair of a period and a bare number: "July 318", "FY21 2.07",
#: "Jan'26 338", "Q1 FY25 855" (never a figure with a unit of its own: "July $318m" is prose).
_PAIR_LABEL = rf"(?:(?:{_MONTH_NAMES})(?:['’-]?\s?\d{{2,4}})?|FY\s?\d{{2}}(?:\d{{2}})?(?:-\d{{2}})?|\d{{4}}-\d{{2}}|(?:Q[1-4]|H[12])\s?FY\s?\d{{2}})"
_PAIR = rf"(?:{_PAIR_LABEL})\s*[:=]?\s+\d+(?:,\d{3})*(?:\.\d+)?(?![\d.,]*\s*(?:%|percent|per\s+cent|pc\b|million|billion|mn\b|bn\b|m\b|k\b))"
_PAIRS = re.compile(rf"{_PAIR}(?:(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s+){_PAIR})+")  # (a table flattened into a line: "Jun-25 338 May-25 329")
_ONE_PAIR = re.compile(rf"(?P<label>{_PAIR_LABEL})\s*[:=]?\s+(?P<value>\d+(?:,\d{3})*(?:\.\d+)?)")
#: What stands between a chart's unit and its pairs, in the same sentence or the next ("Chart
#: 2: Annual IT exports ($bn): FY21 2.07, FY22 2.55", "Chart: IT exports, Jul-Oct FY26 ($
#: million). July 318, August 329").
#: (or a fiscal year that dates the months after it: "Month-wise IT exports (US$ Million) FY
#: 2023-24: Jul 215.0, Aug 236.2")
_CHART_UNIT_THEN = re.compile(r"\s*[:.]?\s*(?:(?:for\s+)?FY\s?(?:(?P<start>\d{4})-\d{2}(?:\d{2})?|(?P<short>\d{2})(?:-(?P<end>\d{2}))?)(?![\w-])\s*:\s*)?", re.IGNORECASE)
_MONTH_LABEL = re.compile(rf"(?:{_MONTH_NAMES})", re.IGNORECASE)


def _place_period(series: str, period: str) -> str:
    """A place in a ranking is of an edition, a month or a year, never of a fiscal year or a
    span of one: such a period in its sentence is another figure's ("مالی سال 2024-25 میں ان
    کی ترسیلات ... رہیں، جبکہ ایک عالمی ... رپورٹ میں پاکستان کو ... تیسرے نمبر پر رکھا گیا"), and
    the place is undated."""
    return "" if series == "ranking" and period.startswith("FY") else period


def chart_rows(text: str) -> dict[int, str]:
    """The pairs of a period and a bare number that a chart's caption or an inline table
    gives after a heading with a unit, each run as the sentence it stands for, by where its
    sentence starts: "Annual IT exports ($bn): FY21 2.07, FY22 2.55" is "IT exports were
    US$2.07 billion in FY21; IT exports were US$2.55 billion in FY22." At least two pairs, and
    only right after the heading's unit, so that a sentence's "in 2024 12" is never one."""
    starts: list[int] = []
    out: dict[int, str] = {}
    for unit in _TABLE_UNIT.finditer(text):
        then = _CHART_UNIT_THEN.match(text, unit.end())
        run = _PAIRS.match(text, then.end())
        if not run:
            continue
        starts = starts or [start for _, start, _ in split_sentences(text)]
        head_from = max((s for s in starts if s <= unit.start()), default=0)
        line_from = text.rfind("\n", 0, unit.start()) + 1
        heading = text[max(line_from, head_from) : unit.start()]  # its sentence, within its line
        subjects = [s for s in find_subjects(heading) if s.kind]
        if not subjects:
            continue
        subject = heading[subjects[-1].start : subjects[-1].end]
        scale = (unit["scale"] or unit["words"]).lower()
        scale = "billion" if scale in ("billion", "bn") else "million"
        at = max((s for s in starts if s <= run.start()), default=0)
        out[at] = "; ".join(f"{subject} were US${pair['value']} {scale} in {_dated_label(pair['label'], _chart_fy_end(then))}" for pair in _ONE_PAIR.finditer(run[0])) + "."
    return out


def _chart_fy_end(then: re.Match) -> int | None:
    """The last year of the fiscal year a chart's heading gives after its unit ("FY 2023-24",
    "FY24" and "FY23-24" all end in 2024), or ``None`` when it gives none."""
    if then["start"]:
        return int(then["start"]) + 1
    if then["short"]:
        return 2000 + int(then["end"] or then["short"])
    return None


def _dated_label(label: str, fy_end: int | None) -> str:
    """A chart's label with its year from the fiscal year its heading gives: "Jul" of FY 2023-24
    is "Jul 2023", "Jan" of it "Jan 2024"; a label with a year, or with no fiscal year
    given, as it is."""
    if fy_end is None or re.search(r"\d", label) or not (month := _MONTH_LABEL.fullmatch(label.strip())):
        return label
    return f"{label} {fy_end - 1 if _month_number(month.group()) >= 7 else fy_end}"


def _rough(facts: list[Fact], found: list[_Found], text: str, bounds_only: bool = False) -> list[tuple[Fact, _Rounding]]:
    """The facts of one sentence that it gives roughly, with how (see :func:`_rounding`)."""
    said = {(series, period, round(value, 6)): _rounding(text, figure, bounds_only) for figure, series, period, value, _ in found}
    return [(f, said[(f.series, f.period, f.value)]) for f in facts if said.get((f.series, f.period, f.value))]


@dataclass(frozen=True)
class _Rounding:
    """How a title gives a figure roughly: the exact one lies between ``low`` and ``high`` times
    it, or, for a rate in whole points, rounds to it."""

    low: float = 1.0
    high: float = 1.0
    whole_points: bool = False
    floor: bool = False  # "over 2,000": a bound, which any figure above it of the same period meets

    def told_by(self, rough: Fact, exact: Fact) -> bool:
        """Whether ``exact`` (a body's fact of the same series, unit and period) is ``rough``."""
        if self.whole_points:  # "slip 1pc" over the body's 1.1 percent, a year-on-year rate as headlines give
            # (or of the basis the title itself says: "dip 8pc MoM" over the body's 8.4 percent month-on-month)
            return round(exact.value) == rough.value and (exact.basis in ("", "unknown", "yoy") or exact.basis == rough.basis)
        if self.floor and rough.period and exact.period == rough.period:
            return exact.value >= rough.value  # "فروری میں 2 ہزار سے زائد" over February's 2,340
        ends = (rough.value * self.low, rough.value * self.high)  # (a fall's rate is negative)
        return min(ends) <= exact.value <= max(ends)


def _rounding(text: str, figure: Figure, bounds_only: bool = False) -> _Rounding | None:
    """How the title gives ``figure``: above the exact one for "over 19,000", "19 ہزار سے زائد",
    "54 کروڑ ڈالر سے تجاوز"; below it for "nearly 20,000"; either side for "about $550m" and
    "30 ہزار کے قریب"; a rate in whole points; an amount to fewer decimals ("$2.9bn" over the
    body's $2.94 billion). ``None`` for a figure given as it is; with ``bounds_only``, only
    the words say it is rough (a lead's figures are not rounded titles)."""
    before = _ROUGH_BEFORE.search(text, max(0, figure.start - 16), figure.start)
    if before:
        word = before.group(1).lower()
        return _Rounding(0.9, 1.0) if word in ("nearly", "almost") else _Rounding(0.9, 1.1) if word in ("about", "around", "some") or not word.isascii() else _Rounding(1.0, 1.1, floor=True)
    if _BOUND_AFTER.match(text, figure.end):
        return _Rounding(1.0, 1.1, floor=True)
    if _NEAR_AFTER.match(text, figure.end):
        return _Rounding(0.9, 1.1)
    if _BELOW_AFTER.match(text, figure.end):
        return _Rounding(0.9, 1.0)
    if bounds_only:
        return None
    if figure.unit == "percent" and figure.value == int(figure.value):
        return _Rounding(whole_points=True)
    decimals = _DECIMAL_AMOUNT.fullmatch(text, figure.start, figure.end)
    if figure.unit in ("USD_million", "PKR_million") and decimals and figure.value:
        number = float(decimals.group("n"))
        half_step = 0.5 * 10 ** -len(decimals.group("d")) * figure.value / number
        return _Rounding((figure.value - half_step) / figure.value, (figure.value + half_step) / figure.value)
    return None


#: An amount written with one or two decimals and a scale: "$2.9bn", "Rs1.25 trillion".
_DECIMAL_AMOUNT = re.compile(r"\D*?(?P<n>\d+\.(?P<d>\d{1,2}))(?:\s?[^\d\s]+)*")  # (and "0.36 ارب ڈالر")


def _without_rounded(facts: list[Fact], rounded: list[tuple[Fact, _Rounding]], body: list[Fact]) -> list[Fact]:
    """The facts less the title's figures given roughly that the body gives exactly (19,400 for
    "over 19,000"; $543m for "54 کروڑ ڈالر سے تجاوز"): the same figure, not another."""
    # (a rough figure with no period is the exact one's of any: "Over 150,000 VPNs registered" over
    # "152,300 VPNs had been registered by the end of August"; so is a rough count the body tells
    # with none: "تعداد 23 لاکھ سے زائد" over "فری لانسرز کی تعداد 23 لاکھ 70 ہزار ہے")
    dropped = [
        fact for fact, how in rounded
        if any(same_fact(replace(fact, value=f.value, period=fact.period or f.period if f.period or fact.unit != "count" else ""), f) and f.value != fact.value and how.told_by(fact, f) for f in body if f is not fact)
    ]
    return [f for f in facts if not any(f is d for d in dropped)]


def _dated_by_lead(facts: list[Fact], undated: list[int], lead: list[_Found]) -> list[Fact | None]:
    """A headline figure with no period ("آئی ٹی برآمدات میں 16.8 فیصد اضافہ") is of the one
    period the lead gives the same subject ("رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات
    ..."), as a reader takes it. The facts come back position for position, ``None`` for a
    title's figure that the lead restates with its period."""
    periods = {(series.split("_")[0], period) for _, series, period, _, _ in lead if period and series != "other"}
    out = list(facts)
    restated = set()
    # the periods the lead gives the title's amounts it restates: a title's rate beside its amount
    # ("فری لانسرز کی آمدن میں 22 فیصد اضافہ، ششماہی میں 21 کروڑ 40 لاکھ ڈالر کمائے") is of the
    # amount's period, however many (a base's year before) the lead gives
    amounts = {
        (fact.series.split("_")[0], period)
        for fact in (facts[i] for i in undated if facts[i].unit != "percent")
        for figure, series, period, value, _ in lead
        if period and series.split("_")[0] == fact.series.split("_")[0] and figure.unit == fact.unit and abs(value - fact.value) <= 0.01 * abs(value)
    }
    for i in undated:
        fact = out[i]
        family = fact.series.split("_")[0]
        own = {period for kind, period in periods if kind == family}
        if any(series.split("_")[0] in (family, "other") and figure.unit == fact.unit and abs(value - fact.value) <= 0.01 * abs(value) for figure, series, _, value, _ in lead):
            # the lead says it again, with its period: its report is the one to keep; and when
            # the lead tells it as no figure of the series (one platform's: "نے پلیٹ فارم کے
            # ذریعے 34 کروڑ 10 لاکھ ڈالر کمائے" under "... 34 کروڑ ڈالر کما لیے"), it is not one
            restated.add(i)
            continue
        if len(own) != 1 and fact.unit == "percent":
            own = {period for kind, period in amounts if kind == family}
        # (a period a year before another the lead gives is its base: "FY21's receipts were 54.7
        # percent more than FY20's $256 million" dates the title's amount to FY21)
        own = {p for p in own if not any(shift_period(q, 1) == p for q in own if q != p)}
        if len(own) != 1:
            continue  # the lead gives several periods, or none, of that subject: which one is not said
        period = own.pop()
        series = _series_of_exports(period) if family == "it" else fact.series
        out[i] = replace(fact, series=series, period=period)
    return [None if i in restated else fact for i, fact in enumerate(out)]


def _pillar_names(document: str) -> frozenset[str]:
    """The names an article gives the pillars (sub-indices) of an index: "based on four pillars:
    Technology, People, Governance and Impact", "the Governance pillar"."""
    names = {m.group(1) for m in _PILLAR_NAMED.finditer(document)}
    for m in _PILLARS_LISTED.finditer(document):
        names.update(re.findall(r"[A-Z][\w-]*", m.group(1)))
    return frozenset(names)


def _ranks_a_pillar(sentence: str, figure: Figure, pillars: frozenset[str]) -> bool:
    """Whether a rank is a country's place in one pillar of an index, not in the index: its own
    stretch of the sentence (from the figure before it to the one after) names a pillar, or
    one of the article's pillars ("in Impact, where it stood at 81st")."""
    before = [m.end() for m in _RANK_OR_NUMBER.finditer(sentence, 0, figure.start)]
    after = _RANK_OR_NUMBER.search(sentence, figure.end)
    while after is not None and _RANK_BASE.fullmatch(sentence, figure.end, after.start()):
        after = _RANK_OR_NUMBER.search(sentence, after.end())  # "to 72nd from 81st in the Impact pillar": its base's stretch is its own
    stretch = sentence[before[-1] if before else 0 : after.start() if after else len(sentence)]
    if _PILLAR_WORD.search(stretch):
        return True
    return any(re.search(rf"\b(?:in|on|for|under)\s+(?:the\s+)?{re.escape(name)}\b", stretch) for name in pillars)


_PILLAR_WORD = re.compile(r"\b(?:sub-?)?pillars?\b|\bsub-?ind(?:ex|ices|icators?)\b", re.IGNORECASE)
_PILLAR_NAMED = re.compile(r"\b(?:the\s+)([A-Z][\w-]*)\s+(?:sub-?)?pillar\b")
_PILLARS_LISTED = re.compile(r"\bpillars?\s*(?::|[-–—]|,\s*namely|\s+of)\s*((?:[A-Z][\w-]*\s*,\s*)*[A-Z][\w-]*(?:\s*,?\s*and\s+[A-Z][\w-]*)?)")
_RANK_OR_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?\b")
_RANK_BASE = re.compile(r"(?:\s+(?:place|position|spot))?\s+(?:from|to)\s+(?:the\s+)?", re.IGNORECASE)


def _about_abroad(document: str, title: str) -> bool:
    """Whether an article is about another country's figures: its headline (else its first
    sentence) makes another country the owner ("Bangladesh's IT export surges", "IT exports from
    Bangladesh shot up 36pc", "Indian IT firms ...") and names nothing Pakistani. Its sentences
    that name no Pakistani then speak of that country ("Local IT companies earned $592m")."""
    if title:
        lead = document[: len(title)]
    else:
        first = next(iter(split_sentences(document)), None)
        if first is None:
            return False
        lead = document[first[1] : first[2]]
    if _PAKISTAN.search(lead):
        return False
    owned = any(s.kind and _OWNED_ABROAD.search(lead, max(0, s.start - 40), s.start) for s in find_subjects(lead))
    return bool(owned or _EXPORTS_FROM_ABROAD.search(lead) or _FOREIGN_LEAD.match(lead))


def _compares_for(period: Period, bounds: tuple[int, int], sentence: str, spans: Sequence[Span]) -> bool:
    """Whether the comparison ``period`` is one for the figure of the clause ``bounds``: it is
    in that clause, or its own clause gives no figure but bases ("..., against the previous
    month's $206 million")."""
    if bounds[0] <= period.start < bounds[1]:
        return True
    start, end = _clause(sentence, period)
    return all(any(s.holds(f.start, f.end) for s in spans) for f in _figures_of(sentence) if start <= f.start < end)


@functools.lru_cache(maxsize=16)
def _figures_of(sentence: str) -> tuple[Figure, ...]:
    """The figures of ``sentence``, read once however many of its periods ask (a sentence of
    a thousand figures has as many periods: read for each, it took minutes)."""
    return tuple(find_figures(sentence))


_Found = tuple[Figure, str, str, float, str]  # figure, series, period, value, basis


def _sentence_facts(sentence: str, day: date | None, context: _Context) -> tuple[list[_Found], _Context]:
    """``(figure, series, period, value, basis)`` of one sentence, and the context for the next."""
    subjects, from_context = _bare_exports(_without_what_a_part_includes(find_subjects(sentence), sentence), sentence, context)
    figures = list(_figures_of(sentence)) if _MAY_HOLD_FIGURES.search(sentence) else []
    if not subjects and not figures:
        if _ONLY_TAGS.fullmatch(sentence):
            return [], context  # a post's closing tags ("#DigitalNation #MoITT") are no sentence, not even an aside
        # (a sentence that only names a period, "June's figures were released alongside the annual
        # total.", passes the subject before it on with that period: "Exports for the month ...")
        named = _named_period(sentence, day)
        if context.kind and context.refers_back(sentence):
            # (with the period it names: "مالی سال 2023-24 کا بجٹ اس شعبے کے لیے ... رہا۔", the budget
            # of FY24 was kind to this sector, then "اس سال آئی ٹی برآمدات ..." is that year's)
            return [], context.then(context.kind, named, aside=True) if named else context
        # (and one aside that names nothing keeps the subject for the sentence after it: "Calendar
        # totals are not how the government keeps score." between IT exports' year and "By that
        # measure, the industry earned $3.22 billion in FY24")
        if _IT_TRADE.search(sentence):
            # "Pakistan's IT exporters need a predictable tax regime ...": the sector a later "the
            # sector's exports stood at $2.15 billion" names back
            return [], context.then("it_exports", named, aside=True)
        return [], context.then(context.kind if named or not context.aside else None, named, aside=True)
    spans = comparison_spans(sentence, figures, [(s.start, s.end) for s in subjects if s.kind])
    # ("during the year" with no fiscal year named before is no reference: the sentence is read
    # as it would be without the words)
    periods = _PeriodScanner(sentence, day).scan()
    periods = _spans_closed_by_month([_month_named_before(p, periods, sentence) for p in periods], sentence, context)
    periods = _months_just_named(periods, sentence, context)
    periods = [p for p in periods if not (p.loose and not context.latest(sentence[p.start : p.end]) and not _named_before_it(p, periods, sentence))]
    periods = _mark_bases(periods, spans, sentence)
    named = [p for p in periods if p.value and not p.comparison and not p.target and not p.stock]
    main = next((p.value for p in named if not p.edition), "") or next((p.value for p in named if _DOCUMENT_YEAR.match(p.value)), "")
    told = context.levels[-1] if context.levels else context.period  # (the year the sentence before gave figures of, even one it looked back to)
    if not main and (after := next((p for p in periods if p.year_after), None)) and _WHOLE_YEAR_VALUE.fullmatch(told) and not _LOOKS_AHEAD.search(sentence):
        # "IT exports were $1.44 billion in FY19. The following year they rose to $1.62 billion.":
        # the year after the one the sentence before gave, in a telling of the years gone by
        main = shift_period(told, -1)
        periods = [replace(p, value=main) if p is after else p for p in periods]
    if not main and (any(p.back for p in periods) or _THIS_FIGURE.match(sentence)):
        # "during the period under review", "in the quarter"; "This figure marks a rise from ..."
        back = next((p for p in periods if p.back), None)
        main = context.latest(sentence[back.start : back.end]) if back is not None else context.period
        if back is not None and _MONTH.fullmatch(main or ""):
            # "$265 million during the month, down 16 percent from the previous month": the month
            # before the one referred back to, not before the article's date
            periods = [replace(p, value=shift_months(main, p.months_back)) if p.comparison and p.months_back and _MONTH.fullmatch(p.value) else p for p in periods]
    if not main:
        # (a total said to stand "now" is as of the article, whatever it is compared with: "The
        # whitelist now holds over 35,000 VPNs, up from about 14,900 at the end of October")
        main = "" if _NOW_BEFORE_FIGURE.search(sentence, 0, figures[0].start if figures else 0) else infer_main(periods, spans, sentence, day)
        relative_base = next((p for p in periods if p.comparison and p.relative and _FY_VALUE.fullmatch(p.value)), None)
        if main == (shift_period(relative_base.value, -1) if relative_base else None) and day is not None and day.month == 7 and _fy_of(day) == fiscal_end(main):
            # "a growth of 24.6 percent as compared to the previous fiscal year", said in July, when the
            # new year has no month yet: the year just closed against the one before it
            main = relative_base.value
            periods = [replace(p, value=shift_period(p.value, 1)) if p is relative_base else p for p in periods]
        if main and context.kind and _part_just_before(context.period, periods) and basis_words(sentence) != "yoy":
            # the quarter or half just before the one the sentence before reported is its base:
            # "Compared with the first quarter, when exports stood at $853 million, the increase
            # works out to 16.1 percent", "On a QoQ basis, exports rose 16.1% from USD 853mn in
            # 1QFY25", after the second quarter's figure (not the first quarter a year on)
            main = context.period
        goes_on = _OPENS_BACK.match(sentence) or _THEIR.match(sentence) or (context.listed and _BULLET.match(sentence) and not subjects)
        # ("However, exports were 3% lower than the previous month", after a sentence on
        # September's IT exports: the exports and the month just reported, the base the month
        # before it, not the month before the article's date)
        goes_on = goes_on or (from_context and _MONTH.fullmatch(context.period) and any(p.comparison and p.months_back for p in periods))
        if context.period and context.kind and goes_on and (
            not main or bool(_MONTH.fullmatch(main)) == bool(_MONTH.fullmatch(context.period)) or any(p.relative and p.comparison for p in periods)
        ):
            # a sentence that goes on about the figure before is of its period, when its base is
            # of the same kind: "This was 14 percent higher than the previous month but 1
            # percent lower than in August 2021" (while "They stood at $225m compared to $180m in
            # December 2019", after a sentence on five months, are December 2020's); so is a
            # list's item after another ("• FY25 exports: $3.81bn" then "• Growth over last
            # fiscal year: 18pc")
            main = context.period
            if _MONTH.fullmatch(main):
                # its "previous month" is the month before that one, not before the article's date
                periods = [replace(p, value=shift_months(main, p.months_back)) if p.comparison and p.months_back and _MONTH.fullmatch(p.value) else p for p in periods]
    compared = bool(main) and not any(p.value == main and not p.comparison for p in periods) and main != context.period
    inherited = bool(not subjects and context.kind and context.refers_back(sentence))
    paired = respective(sentence, figures, subjects)
    found = []
    ranges = _range_ends(sentence, figures)
    for figure in figures:
        if figure.unit == "count" and any(p.start <= figure.start < p.end for p in periods):
            continue  # the 9 of "9MFY25"
        if figure in ranges:
            continue  # "between 25,000 and 30,000 VPNs", "20 سے 25 ہزار کے درمیان": no one figure
        own = _edition_years(periods, day, sentence, _clause(sentence, figure)) if figure.unit == "rank" and day is not None else periods
        place = _place(figure, sentence, subjects, own, spans, context, main or context.period, from_context, paired, respective_periods(sentence, figures, own), compared)
        if place is not None and context.ranked:
            place = replace(place, ranked_before=True)
        if place is not None and context.platform and (inherited or _OPENS_BACK.match(sentence)):
            place = replace(place, platform_before=True)  # "The earnings represent a 31 percent jump": the platform's
        if place is not None and figure.unit == "percent" and context.counted is False and _RATE_OF_THE_BEFORE.match(sentence):
            place = replace(place, amounts_before=True)  # "... $107.2 million in July-September. This is an increase of 26.9 percent."
        if place is not None and place.kind == "it_exports" and _dollars_unsaid(figure, sentence):
            figure = replace(figure, value=figure.value / 1e6, unit="USD_million")  # "We did 214 million against 257 in December"
            place = replace(place, figure=figure)
        classified = classify(place) if place else None
        if classified and not (classified[0] == "other" and figure.unit == "count" and figure.value < MIN_OTHER_COUNT):
            series = classified[0]
            basis = _basis(place, spans, series, periods, main) if figure.unit == "percent" and series != "other" else ""
            if basis == "unknown" and place.period and place.period in context.levels and (inherited or _OPENS_BACK.match(sentence)) and not spans:
                # "... came in at $207 million, against $241 million a year earlier. That is a decline
                # of a little over 14 per cent": the change between the two figures before
                year_back, month_back = shift_period(place.period, 1) in context.levels, shift_months(place.period, 1) in context.levels
                basis = "yoy" if year_back and not month_back else "mom" if month_back and not year_back else basis
            if basis == "mom" and figure.unit == "percent" and (had := _month_it_had_been(figure, sentence, periods, place.period)):
                # "ماہانہ بنیاد پر ... 3.2 فیصد کمی دیکھی گئی کیونکہ مارچ میں یہ برآمدات ... پہنچ گئی
                # تھیں" (fell 3.2% month-on-month, as in March they had reached ...): the month
                # named as what had been is the base, the rate the month after's
                place = replace(place, period=shift_months(had, -1))
            if basis == "mom" and not _MONTH.fullmatch(place.period or ""):
                # a month-on-month rate is a month's: "up 11% YoY and 4% MoM, taking 5MFY26
                # receipts to ..." is November's, the one month the sentence names, else no one's
                months = {p.value for p in named if _MONTH.fullmatch(p.value)}
                if not series.startswith("it_exports") or (len(months) != 1 and place.period):
                    continue
                series, place = "it_exports_monthly", replace(place, period=months.pop() if months else "")
            found.append((figure, series, place.period, classified[1], basis))
    found = _rates_with_their_amount(found, sentence)
    found = _rate_of_the_amounts_compared(found, figures, sentence)
    ranked = any(series == "ranking" for _, series, _, _, _ in found)
    # (a sentence that says what an earlier period's figure had been, "In March 2025, IT exports
    # had stood at $342 million", is background: "Compared with the previous month, exports rose
    # 16.7 percent" after it is still about the month reported)
    # (never for the "was" of a base set against it after "جبکہ": "... 187 ملین ڈالر وطن بھیجے،
    # جبکہ گزشتہ مالی سال کی پہلی ششماہی میں یہ رقم 13 کروڑ 80 لاکھ ڈالر تھی" is the half reported)
    was = _URDU_WAS_AT_END.search(sentence)
    if was and (whereas := sentence.rfind("جبکہ")) >= 0 and any(p.start > whereas and p.value and _before(p.value, main) for p in periods):
        was = None
    background = bool(main) and _before(main, context.period) and bool(_HAD_BEEN.search(sentence) or was)
    if subjects:
        watched = [s.kind for s in subjects if s.kind]
        # (a sentence that names no period of its own stays in the one before's: "Computer services
        # accounted for $891 million of the quarterly total." keeps the quarter for what follows)
        # (a sentence that only looks ahead, "it expected a recovery in FY24, projecting exports
        # at $3 billion", leaves the period of the figures reported before it for "during the
        # year"; with none reported before, its period is the one the next sentence's actual is of:
        # "experts expected FY24 exports to reach $3.5bn. They came to $3.22bn.")
        ahead = bool(context.period or context.earlier) and bool(found) and bool(_LOOKS_AHEAD.search(sentence)) and all(series == "other" for _, series, _, _, _ in found)
        # (so too registered freelancers' figures: "مالی سال 2022-23 میں یہ رقم ..." after them is theirs)
        # (and a programme's graduates': "A tracer study of 18,400 graduates found ... Their combined earnings came to $5.2 million.")
        platform = bool(watched) and watched[-1] == "freelancers" and bool(one_platform(sentence) or (found and (_REGISTERED_FREELANCERS.search(sentence) or _GRADUATES.search(sentence))))
        # (the IT trade named with nothing watched, "IT exporters need ... ahead of the budget",
        # is the sector a later "the sector's exports" names back, as below)
        kind = watched[-1] if watched else "it_exports" if not found and not ranked and _IT_TRADE.search(sentence) else None
        return found, context.then(kind, context.period if ahead or background else main or context.period, ranked, found, platform, fields=_rank_fields(sentence) if ranked else frozenset())
    if inherited and _MONTH.fullmatch(main) and _MONTH.fullmatch(context.period) and main != context.period and not background and any(series != "other" for _, series, _, _, _ in found):
        # (a sentence that goes on about the subject with a month of its own passes that month
        # on, as one that names it would: "August has now come in at $337 million. That is still
        # 13 percent more than a year ago" after July's figure)
        return found, context.then(context.kind, main, ranked, found, context.platform, fields=_rank_fields(sentence) if ranked else frozenset())
    if context.kind and not found and not ranked and _LOOKS_AHEAD.search(sentence) and not _another_subject_named(sentence):
        # "IT exports fell 1.7% to $2.57 billion in FY23. The government had targeted $3.5
        # billion for the year. June offered some comfort. Exports rose to $230 million": an aim
        # said of no subject in between goes on about the one before, and keeps it
        return found, context
    # (a sentence about nothing watched keeps the period for a later "in the quarter")
    # (and one that names nothing at all, its figures no one's, keeps the subject for a later
    # "receipts": "Pakistan's exports of IT services were worth about a billion dollars a year.
    # In FY19, the State Bank counted $1.21 billion. ... Receipts rose to $1.44bn in FY20")
    kept = context.kind if not subjects and not found and not ranked else None
    return found, context if inherited else context.then(kept, context.period if background else main or context.period, ranked, fields=_rank_fields(sentence) if ranked else frozenset())


def _another_subject_named(sentence: str) -> bool:
    """Whether a sentence with no watched subject names an unwatched one ("workers'
    remittances", "the current account"): then it is about something else."""
    return any(s.kind is None for s in find_subjects(sentence))


def _edition_years(periods: list[Period], day: date, sentence: str, bounds: tuple[int, int]) -> list[Period]:
    """A place in a ranking "last year", in the rank's own clause, is of the calendar year before
    the article's: "a global payments company last year ranked the country fourth" (an index's
    edition is a year's, never a month's or a fiscal year's counted back from the sentence before)."""
    # ("the previous year" after a year the sentence names is the year before that one: "fifth
    # in 2022, up from ninth the previous year")
    named = [q.start for q in periods if q.value and not q.comparison and not q.target]
    editions = [
        replace(p, value=str(day.year - 1), shift=0, comparison=False)
        if p.shift == 1 and not p.value and bounds[0] <= p.start < bounds[1] and _BARE_LAST_YEAR.fullmatch(sentence, p.start, p.end)
        and not (sentence[p.start : p.end].lower().startswith("previous") and any(start < p.start for start in named))
        else p
        for p in periods
    ]
    # ("placed Pakistan fourth ... this year": the edition of the article's year)
    if not any(bounds[0] <= p.start < bounds[1] for p in periods) and (this := _THIS_YEAR.search(sentence, bounds[0], bounds[1])):
        editions.append(Period(str(day.year), this.start(), this.end()))
    return editions


_THIS_YEAR = re.compile(r"\bthis\s+year\b|(?<![^\W\d_])(?:رواں|اس)\s+(?:سال|برس)(?![^\W\d_])", re.IGNORECASE)


_PERIOD_WORD = re.compile(rf"(?<![\w]){_MONTH_NAMES}(?![^\W\d_])|\bquarter\b|\bhalf\b|\bFY|fiscal|financial|مالی|سہ\s?ماہی|ششماہی", re.IGNORECASE)


def _named_period(sentence: str, day: date | None) -> str:
    """The one period a sentence without figures names ("The SBP's latest data covers April
    2025.", "اسٹیٹ بینک نے رواں مالی سال کے ابتدائی سات ماہ کے اعداد و شمار جاری کر دیے"),
    for a next sentence that speaks of "the month under review" or "اس عرصے"; else ``""``."""
    if not _PERIOD_WORD.search(sentence):
        return ""
    named = {p.value for p in _PeriodScanner(sentence, day).scan() if p.value and not p.comparison and not p.target}
    return named.pop() if len(named) == 1 else ""


#: Rates written right after an amount, in brackets or after a comma: "USD 225mn (-5% MoM, -11%
#: YoY)", "USD 371mn, +12% YoY/+5% MoM".
_RATE = r"[-−–+]?\d+(?:\.\d+)?\s?(?:%|pc|pct|per\s?cent|percent)"
_RATE_BASIS = r"(?:\s*(?:(?-i:MoM|YoY|QoQ)|m/m|y/y|year[\s-]on[\s-]year|month[\s-]on[\s-]month))?"
_RATES_AFTER_AMOUNT = re.compile(
    # "USD 225mn (-5% MoM, -11% YoY)", "$348 million, up 28 percent year-on-year and 9 percent month-on-month"
    # ("$396 million in ICT exports, up 14 percent from a year earlier": what the amount is of between)
    rf"(?:\s+(?:in|of)\s+(?:[\w&/-]+\s+){{0,3}}?(?:exports|receipts|inflows|earnings|remittances))?"
    rf"\s*[,(]\s*(?:(?:up|down)\s+)?(?:{_RATE}{_RATE_BASIS}\s*(?:[,/]|and)\s*)*[-−–+]?\s*", re.IGNORECASE
)


#: What stands between a month's amount and the rate said of it in Urdu: "... ڈالر تھیں جو
#: مارچ کے مقابلے میں" (which, against March, are ... less).
_URDU_RATE_OF_THE_AMOUNT = re.compile(
    rf"\s*(?:ڈالرز?\s*)?(?:تھیں|تھی|تھا|تھے|رہیں|رہی|رہا|رہے)?\s*[،,]?\s*جو\s+(?:(?:گزشتہ|پچھلے)\s+(?:سال|برس)\s+)?(?P<month>{_MONTH_NAMES})?\s*(?:کے|کی)\s+(?:مقابلے\s+میں|نسبت)\s+(?:(?:تقریباً|تقریبا|لگ\s+بھگ|محض|صرف)\s+)?"
)


def _rates_with_their_amount(found: list[_Found], sentence: str) -> list[_Found]:
    """A rate written right after an amount is that amount's, and of its period: in "IT
    exports for Mar'23 came in at USD 225mn (-5% MoM, -11% YoY), bringing 9MFY23 receipts to
    ...", both rates are March's, however near the nine months are."""
    out: list[_Found] = []
    for item in found:
        figure, series, period, value, basis = item
        amount = next((f for f in reversed(out) if f[0].end <= figure.start and f[0].unit in ("USD_million", "PKR_million")), None)
        if (
            figure.unit == "percent" and amount is not None and amount[2] and period != amount[2]
            and series.startswith("it_exports") and amount[1].startswith("it_exports")
            and _RATES_AFTER_AMOUNT.fullmatch(sentence, amount[0].end, figure.start)
        ):
            item = (figure, amount[1], amount[2], value, basis)
        elif figure.unit == "percent" and amount is not None and series.startswith("it_exports") and (outer := _amount_before_its_base(out, amount, figure, sentence)):
            # "stood at $947 million (2QFY24: $790mn), up 19.9 percent YoY": the rate of the
            # amount the base in brackets is given for, not of the base
            item = (figure, outer[1], outer[2], value, basis)
        elif (
            figure.unit == "percent" and amount is not None and _MONTH.fullmatch(amount[2] or "") and period != amount[2]
            and series.startswith("it_exports") and amount[1].startswith("it_exports")
            and (urdu := _URDU_RATE_OF_THE_AMOUNT.fullmatch(sentence, amount[0].end, figure.start))
        ):
            # "... صرف اپریل میں یہ 20 کروڑ 10 لاکھ ڈالر تھیں جو مارچ کے مقابلے میں ساڑھے نو فیصد کم
            # ہیں": the rate of the month's amount it is said of, against the month it names
            base = urdu.group("month")
            month = int(amount[2][5:])
            named = _month_number(base) if base else 0
            basis = "mom" if named and named % 12 == (month - 1) % 12 else "yoy" if named == month else basis
            item = (figure, amount[1], amount[2], value, basis)
        out.append(item)
    # a rate written right before the amount it brought the series to is that amount's, when
    # the amount is of a span: "rose 24pc in FY24 and a further 28pc to $1.86bn in the first
    # half of FY25" (the half's, not FY24's, which is nearer)
    for i, (figure, series, period, value, basis) in enumerate(out):
        if figure.unit != "percent" or not series.startswith("it_exports"):
            continue
        amount = next((f for f in out[i + 1 :] if f[0].start >= figure.end and f[0].unit in ("USD_million", "PKR_million")), None)
        if (
            amount is not None and amount[2] and period != amount[2] and amount[1].startswith("it_exports") and not _MONTH.fullmatch(amount[2])
            and _RATE_TO_AMOUNT.fullmatch(sentence, figure.end, amount[0].start)
        ):
            out[i] = (figure, amount[1], amount[2], value, basis)
    return out


def _month_it_had_been(figure: Figure, sentence: str, periods: list[Period], period: str) -> str:
    """The month ``period`` when it is named only after the rate ``figure``, in a clause of
    what had been then ("..., as in March they had reached a record $342 million"); else ""."""
    if not _MONTH.fullmatch(period or ""):
        return ""
    months = [p for p in periods if p.value == period and not p.comparison]
    if len(months) != 1 or months[0].start < figure.end or any(p.value and _MONTH.fullmatch(p.value) and p.value != period for p in periods):
        return ""
    clause_end = next((m.start() for m in re.finditer(r"[.;۔]", sentence) if m.start() > months[0].end), len(sentence))
    opening = max((m.end() for m in re.finditer(r",|،|\b(?:as|because|since|after)\b|(?<![^\W\d_])(?:کیونکہ|جبکہ|جب)(?![^\W\d_])", sentence[: months[0].start])), default=0)
    if opening <= figure.end or not _HAD_BEEN.search(sentence, opening, clause_end):
        return ""
    return period


def _rank_fields(sentence: str) -> frozenset[int]:
    """What a place in ``sentence`` is for, as the numbers of :data:`_RANK_FIELDS` it names."""
    return frozenset(n for n, field in enumerate(_RANK_FIELDS) if field.search(sentence))


#: The fields a place is given in: internet speed, freelancing, IT services and outsourcing,
#: digital government.
_RANK_FIELDS = (
    re.compile(r"\b(?:speeds?|broadband|mobile|download|Mbps)\b|رفتار|براڈ\s?بینڈ|موبائل", re.IGNORECASE),
    re.compile(r"\b(?:freelanc\w*|gig|online\s+labou?r)\b|فری\s?لانس", re.IGNORECASE),
    re.compile(r"\b(?:outsourcing|software|(?-i:IT)\s+services|services\s+location)\b|آؤٹ\s?سورسنگ|سافٹ\s?ویئر", re.IGNORECASE),
    re.compile(r"\b(?:e-?government|digital)\b|ڈیجیٹل", re.IGNORECASE),
)
#: A place given in another list than the one before: "Separately, ...", an index named by its
#: own name ("the Oxford Internet Institute's Online Labour Index places Pakistan ..."), "a
#: separate survey".
_ANOTHER_LIST = re.compile(
    r"^\W*(?:Separately|Meanwhile|Elsewhere|In\s+another)\b|(?-i:[A-Z][\w'’-]*\s+)+(?-i:Index|Report|Survey|Ranking)\b|(?:علاوہ\s+ازیں|دوسری\s+جانب|ادھر)(?![^\W\d_])"
    # "in a separate survey", "ایک علیحدہ جائزے میں"
    r"|\b(?:a|another)\s+(?:separate|different)\s+(?:survey|report|index|ranking|list|study)\b|(?:علیحدہ|الگ|دوسرے|ایک\s+اور)\s+(?:جائزے|سروے|رپورٹ|انڈیکس|فہرست|درجہ\s+بندی)(?![^\W\d_])",
    re.IGNORECASE,
)


#: An Urdu clause of what the figures were then: "جب یہ 34 کروڑ ڈالر کی بلند ترین سطح پر تھیں".
_URDU_WHEN_IT_WAS = re.compile(r"(?<![^\W\d_])جب\s+(?:یہ|وہ|ان\s+کا\s+حجم|ان\s+کی\s+مالیت)\s+[^۔،,؛]*?(?<![^\W\d_])(?:تھیں|تھی|تھا|تھے)(?![^\W\d_])")


def _named_before_it(period: Period, periods: list[Period], sentence: str) -> bool:
    """Whether the period "during the year" (and the like) refers back to is named earlier in
    its own sentence: "IT exports were $2.11 billion last fiscal year, and freelancers sent
    home $164.3 million during the year"."""
    words = sentence[period.start : period.end]
    wanted = next((test for word, test in _LENGTHS if word.search(words)), None)
    return any(q.value and not q.comparison and not q.target and q.end <= period.start and (wanted is None or wanted(q.value)) for q in periods)


def _a_rates_base_before(base: Period, figure: Figure, period: Period | None, sentence: str) -> bool:
    """Whether the month-before ``base`` is the base of a rate right before it and ``figure``,
    an amount after it, names a period of its own after it: "a growth of 10 percent over the
    previous month, taking earnings in the first two months of FY24 to $462 million" (the
    two months' amount is not compared with the month before)."""
    return (
        figure.unit != "percent" and period is not None and not period.comparison and base.end <= period.start < figure.start
        and bool(_RATE_THEN_ITS_BASE.search(sentence, max(0, base.start - 40), base.start))
    )


#: A rate and the word that opens its base: "10 percent over the ", "5pc against the ".
_RATE_THEN_ITS_BASE = re.compile(r"\d\s?(?:%|pc|pct|per\s?cent|percent)\s+(?:over|than|against|from|on|compared\s+(?:to|with))\s+(?:the\s+|a\s+|its\s+)?$", re.IGNORECASE)


def _amount_before_its_base(found: list[_Found], base: _Found, rate: Figure, sentence: str) -> _Found | None:
    """The amount a rate is said of when the amount just before the rate is a base in
    brackets after it: "$947 million (2QFY24: $790mn), up 19.9 percent" (the $947 million,
    when it is of the watched series and of another period than the base)."""
    if not _AFTER_A_BRACKETED_BASE.fullmatch(sentence, base[0].end, rate.start):
        return None
    opening = sentence.rfind("(", 0, base[0].start)
    if opening < 0 or ")" in sentence[opening : base[0].start]:
        return None
    outer = next((f for f in reversed(found) if f[0].end <= opening and f[0].unit in ("USD_million", "PKR_million")), None)
    if outer is None or not outer[2] or outer[2] == base[2] or not outer[1].startswith("it_exports") or not re.fullmatch(r"\s*", sentence[outer[0].end : opening]):
        return None
    return outer


#: Between a base in brackets and the rate after them: "$790mn), up 19.9 percent".
_AFTER_A_BRACKETED_BASE = re.compile(r"\s*\)\s*,?\s*(?:(?:up|down|higher|lower)\s+(?:by\s+)?)?[-−–+]?\s*", re.IGNORECASE)


def _rate_of_the_amounts_compared(found: list[_Found], figures: list[Figure], sentence: str) -> list[_Found]:
    """A rate that a sentence ends on as what its two amounts show ("collected Rs842 million in
    income tax on the export proceeds of IT ... against Rs597 million in the same period last
    year, showing an increase of 41 percent") is the change of those amounts: of no watched
    series when the first of them is not."""
    out = []
    for item in found:
        figure, series = item[0], item[1]
        amounts = [f for f in figures if f.end <= figure.start and f.unit in ("USD_million", "PKR_million")]
        if figure.unit == "percent" and series != "other" and len(amounts) >= 2 and _SHOWING_RATE.search(sentence, amounts[-1].end, figure.start):
            first = next((f for f in found if f[0] is amounts[0]), None)
            if first is None or first[1] == "other":
                item = (figure, "other", item[2], item[3], "")
        out.append(item)
    return out


#: "..., showing an increase of", "registering a growth of": the rate the amounts before show.
_SHOWING_RATE = re.compile(
    r",\s*(?:showing|reflecting|registering|depicting|marking|indicating|posting)\s+(?:an?\s+)?(?:\w+\s+)?(?:increase|growth|rise|jump|surge|decline|decrease|fall|drop|dip)\s+of\s+(?:about\s+|around\s+|nearly\s+|over\s+)?$",
    re.IGNORECASE,
)


_RATE_TO_AMOUNT = re.compile(r"\s+(?:to|at)\s+(?:a\s+record\s+|an?\s+all[\s-]time\s+high\s+of\s+)?(?:US\s?\$|\$|USD\s?|Rs\.?\s?|PKR\s?)?", re.IGNORECASE)


def respective_periods(sentence: str, figures: list[Figure], periods: list[Period]) -> dict[int, Period | None]:
    """Figures given "respectively" for a list of periods: "IT exports in October and November
    were $330m and $348m respectively" pairs them in order; ``None`` for each when the counts
    differ (which is whose cannot be told)."""
    paired: dict[int, Period | None] = {}
    if "respectively" not in sentence.lower() and "بالترتیب" not in sentence:
        return paired
    for start, end, listed in respective_figures(sentence, figures):
        named = [p for p in periods if start <= p.start and p.end <= end and p.value and not p.comparison and not p.target]
        if len(named) < 2:
            continue  # one period for all: the subjects are what the list runs over
        for i, f in enumerate(listed):
            paired[f.start] = named[i] if len(named) == len(listed) else None
    return paired


def _without_what_a_part_includes(subjects: list[Subject], sentence: str) -> list[Subject]:
    """The subjects, less those a part's relative clause says it includes: in "Computer services,
    which include software development and export of freelance work, accounted for the bulk of
    the exports, bringing in $271 million", the $271m is the part's, not freelancers'."""
    for part in [s for s in subjects if s.kind == "it_component"]:
        if m := _WHICH_INCLUDE.match(sentence, part.end):
            subjects = [s for s in subjects if not m.start() <= s.start < m.end()]
    return subjects


_WHICH_INCLUDE = re.compile(WHICH_A_PART_INCLUDES, re.IGNORECASE)


def _bare_exports(subjects: list[Subject], sentence: str, context: _Context) -> tuple[list[Subject], bool]:
    """"Exports" (or "remittances") alone are IT exports when the sentence names IT elsewhere
    ("... the IT industry's strength", "according to the Ministry of IT, remittances
    reached ..."), or when the sentence before was about IT exports; else someone else's.
    Returns the subjects and whether one was taken from the sentence before."""
    # "the inflows", "these inflows" name back what the sentence before reported, not some other
    # inflow ("FDI inflows", "inflows of $2bn from abroad")
    subjects = [replace(s, kind="exports") if s.kind is None and sentence[s.start : s.end].lower() == "inflows" and _NAMED_BACK.search(sentence, max(0, s.start - 8), s.start) else s for s in subjects]
    # (and someone's inflows are theirs: "the freelance community's inflows came to $348m")
    subjects = [s for s in subjects if not (s.kind is None and sentence[s.start : s.end].lower() == "inflows" and _OWNED_BEFORE.search(sentence, max(0, s.start - 4), s.start))]
    if context.kind == "it_exports" and not any(s.kind == "it_exports" for s in subjects):
        # "مجموعی برآمدات" after a span of months, the sentence after IT exports' month: their
        # running total ("... آئی سی ٹی خدمات کی برآمدات ... رہیں۔ رواں مالی سال کے پہلے آٹھ ماہ
        # میں مجموعی برآمدات 1 ارب 70 کروڑ 20 لاکھ ڈالر رہیں")
        total = next((s for s in subjects if s.kind is None and sentence.startswith("مجموعی برآمدات", s.start)), None)
        if total is not None and _SPAN_BEFORE_TOTAL.search(sentence, max(0, total.start - 40), total.start):
            return [replace(s, kind="it_exports") if s is total else s for s in subjects], True
    # "Computer services accounted for the bulk of the exports, bringing in $271 million": the
    # whole a part is a share of names no subject of the figures after it
    subjects = [
        s for s in subjects
        if not (s.kind == "exports" and _SHARE_OF_BEFORE.search(sentence, max(0, s.start - 40), s.start) and any(o.kind == "it_component" and o.end <= s.start for o in subjects))
    ]
    # "freelancers brought home $364 million in export earnings": what an amount is, said after
    # it, names no subject of its own (the one before it earned it)
    subjects = [
        s for s in subjects
        if not (s.kind == "exports" and _AMOUNT_IN.search(sentence, max(0, s.start - 40), s.start) and any(o.kind not in (None, "exports") and o.end <= s.start for o in subjects))
    ]
    if not any(s.kind == "exports" for s in subjects):
        return subjects, False
    theirs = [s for s in subjects if s.kind == "exports" and _THEIRS.search(sentence, max(0, s.start - 12), s.start)]
    if theirs and ((context.kind and context.kind != "it_exports") or any(o.kind == "freelancers" and o.end <= theirs[0].start for o in subjects)):
        # "The contribution of freelancers also grew. Their remittances jumped 47pc ..., as
        # more young Pakistanis turned to ... software development": the remittances of the
        # people the sentence before named, whatever work the sentence names; or of the
        # freelancers this one named before them ("... 1.5 million Pakistanis were working as
        # freelancers, and that their remittances ... amounted to $150.3 million"), whatever
        # the sentence before was about
        return [s for s in subjects if s.kind != "exports"], False
    if _IT_MENTION.search(sentence):
        kind, from_context = "it_exports", False
        # (but bare inflows set against IT exports named in a clause after them are another
        # flow: "Remittances came to $2.2bn in May, while IT exports stood at $241m")
        named = [o for o in subjects if o.kind == "it_exports"]
        subjects = [
            replace(o, kind=None) if o.kind == "exports" and _INFLOWS.fullmatch(sentence, o.start, o.end) and named and o.end <= named[0].start and _SET_AGAINST.search(sentence, o.end, named[0].start) and not _NAMED_BACK_BEFORE.search(sentence, max(0, o.start - 12), o.start) else o
            for o in subjects
        ]
    elif context.kind == "it_exports":
        kind, from_context = "it_exports", True
    elif context.kind == "it_component" and _THE_WHOLE_GROUP.search(sentence):
        # "Within this group, computer services accounted for $2,619.7 million ... On a
        # month-on-month basis, exports of the group during June were $298.1 million": after a
        # part of ICT exports, the exports of the whole it is a part of are theirs
        kind, from_context = "it_exports", True
    elif context.kind == "freelancers" and (_THE_WHOLE_GROUP.search(sentence) or _THE_SECTOR.match(sentence)):
        # "... handing work to Pakistani companies and freelancers. The sector closed 2020-21 with
        # exports of $2.11 billion": a sector's exports are the industry's, never the freelancers'
        kind, from_context = "it_exports", True
    elif context.kind == "freelancers" and all(sentence[s.start : s.end].lower() == "inflows" for s in subjects if s.kind == "exports"):
        # "the inflows", "monthly inflows" named back after freelancers' earnings are theirs:
        # "Pakistani freelancers earned $134 million ... Monthly inflows slipped to $21 million in
        # December" (the figure takes the subject before)
        return [s for s in subjects if s.kind != "exports"], False
    elif context.kind:
        # exports said after a sentence about someone else (freelancers' remittances, VPNs) are
        # not theirs: "Freelancers' remittances reached $236 million. State Bank figures show
        # exports of $291 million in January" gives no freelancers' figure
        return [replace(s, kind=None) if s.kind == "exports" else s for s in subjects], False
    else:
        return [s for s in subjects if s.kind != "exports"], False  # nobody's in particular: no evidence either way
    return [replace(s, kind=kind) if s.kind == "exports" else s for s in subjects], from_context


#: An amount right before what it is: "$364 million in export earnings", "$97m of export receipts".
_AMOUNT_IN = re.compile(r"\d(?:[\d,.]*\d)?\s?(?:million|billion|mn|bn|m|b)?\s+(?:in|of|worth\s+of)\s+(?:the\s+|their\s+)?$", re.IGNORECASE)
_NOW_BEFORE_FIGURE = re.compile(r"\b(?:now|currently|at\s+present|so\s+far|to\s+date)\b|(?<![^\W\d_])(?:اب\s+تک|اس\s+وقت)(?![^\W\d_])", re.IGNORECASE)
_OWNED_BEFORE = re.compile(r"(?:['’]s?|\btheir|\bits)\s+$", re.IGNORECASE)
#: "Inflows" named back: "the inflows", "these inflows", or bare at a clause's head ("Compared
#: with February, inflows were 14.5pc higher").
_NAMED_BACK = re.compile(r"\b(?:the|these|such|those)\s+(?:monthly\s+)?$|^\W*(?:monthly\s+)?$|[,;]\s+$", re.IGNORECASE)  # ("Monthly inflows slipped to ...")
#: The whole a part belongs to, named back: "exports of the group", "the sector's exports".
_THE_WHOLE_GROUP = re.compile(
    r"\bexports?\s+of\s+(?:the|this)\s+(?:whole\s+|entire\s+)?(?:group|sector|industry)\b"
    r"|\b(?:the|this)\s+(?:group|sector|industry)['’]s\s+exports?\b",
    re.IGNORECASE,
)


#: Inflows said bare, never exports or receipts: bare "exports" (or "receipts") beside IT exports
#: named after them are, in an IT report, most often the same exports ("Exports during the period
#: rose to $2.1bn, while IT exports a year earlier ...").
_INFLOWS = re.compile(r"(?:inflows|remittances)", re.IGNORECASE)
#: Words that name back what was reported before: "these exports", "یہ برآمدات".
_NAMED_BACK_BEFORE = re.compile(r"(?:\b(?:these|the|their|its|such)|(?<![^\W\d_])(?:یہ|ان\s+کی|اس\s+کی))\s+$", re.IGNORECASE)
#: A clause set against the one before it: "..., while", "..., whereas", "; ".
_SET_AGAINST = re.compile(r"[,;]\s+(?:while|whereas|but)\b|;\s|[،,]?\s*(?<![^\W\d_])جبکہ(?![^\W\d_])", re.IGNORECASE)
#: A sentence that opens on the sector or the industry: "The sector closed 2020-21 with exports of".
#: "The sector" (or industry): the subject of the sentence before named back, at a sentence's
#: opening (``match``) or in a clause (``search``).
_THE_SECTOR = re.compile(r"\W*\b(?:the|this)\s+(?:sector|industry)\b(?!['’])", re.IGNORECASE)


#: A share of a whole: "the bulk of the", "most of", "two-thirds of total", "the bulk of the month's".
_SHARE_OF_BEFORE = re.compile(
    r"\b(?:bulk|most|majority|share|part|portion|half|chunk|two[\s-]thirds|three[\s-]quarters|\d+(?:\.\d+)?\s?(?:%|pc|percent|per\s?cent))\s+of\s+(?:the\s+|total\s+|all\s+|overall\s+)*(?:[\w-]+['’]s\s+(?:total\s+|overall\s+)?)?$",
    re.IGNORECASE,
)
#: A possessive that ends right before an exports word: "their remittances", "ان کی برآمدات".
_THEIRS = re.compile(r"(?:\btheir|(?<![^\W\d_])(?:ان|اُن)\s+کی)\s+$", re.IGNORECASE)
_IT_MENTION = re.compile(
    r"(?<![\w])(?:(?-i:IT|ICT|ITeS)|information\s+technology|software)(?![\w])|آئی\s?ٹی|آئی\s?سی\s?ٹی|انفارمیشن\s+ٹیکنالوجی",
    re.IGNORECASE,
)


def _place(figure: Figure, sentence: str, subjects: list[Subject], periods: list[Period], spans: list[Span], previous: _Context, main: str, from_context: bool = False, paired: dict[int, Subject | None] | None = None, when: dict[int, Period | None] | None = None, compared: bool = False) -> _Place | None:
    """Where a figure stands: its subject, clause and period; ``None`` if about nothing we watch.

    A figure without a subject takes the previous sentence's, if this sentence refers back
    to it. A percentage without a period takes the previous sentence's period if both
    sentences are about the same subject ("On a month-on-month basis, exports fell 2pc").
    A base of a comparison whose period cannot be told is no fact. ``compared`` says that
    ``main`` was inferred from the base this sentence compares with.
    """
    bounds = _clause(sentence, figure)
    subject = paired[figure.start] if paired is not None and figure.start in paired else _subject_for(figure, subjects, bounds, sentence)
    if paired is not None and figure.start in paired and subject is None:
        return None  # one of several figures given "respectively" for subjects not all named
    inherited = bool(not subjects and previous.refers_back(sentence)) or (from_context and subject is not None and subject.kind == "it_exports")
    if subject is None and previous.kind and (_OPENS_BACK.match(sentence) or _THIS_FIGURE_IN.search(sentence, bounds[0], figure.start)):
        # "This marks a 25 percent ... increase, making it the highest monthly export figure", "اس سے
        # ایک سال پہلے یہ حجم ... تھا" (a year before, this volume was ...): the sentence before's
        inherited = True
    if subject is None and previous.kind == "it_exports" and _THE_SECTOR.search(sentence, bounds[0], figure.start):
        # "In December 2023, the sector had earned $317 million, ..., while in November exports
        # stood at $302 million": the sector of the sentence before, in the figure's own clause
        inherited = True
    kind = subject.kind if subject else previous.kind if inherited else None
    if subject is None and kind == "freelancers" and _THE_SECTOR.search(sentence, bounds[0], figure.start):
        # "... clients in Pakistani companies and freelancers. She said the sector had closed the
        # last fiscal year with a record $3.8 billion": a sector's figure is the industry's
        kind = "it_exports"
    if figure.unit == "count" and registrants(sentence, figure):
        kind = "vpn"
    if kind == "freelancers" and figure.unit != "count" and not _about_freelancers(sentence, bounds, subject) and not _bare_rate(sentence, bounds, figure):
        kind = None
    if kind is None and figure.unit != "rank":
        return None
    if kind == "it_component" and TOTAL_OF_THE_PARTS.search(sentence, max(0, figure.start - 50), figure.start) and any(s.kind == "it_exports" and s.end <= figure.start for s in subjects):
        kind = "it_exports"  # "Within ICT exports, computer services ... and telecom services ..., taking the month's total to $336 million"
    if kind and _owned_abroad(sentence, figure) and not _PAKISTAN.search(sentence):
        return None  # "India's export of software services", "Kerala's IT hub"
    # (the country's total beside a province's share is the country's: "Punjab-based firms
    # exported $741m, or 55.5pc of the country's total IT exports of $1.336bn")
    national = _NATIONAL_BEFORE.search(sentence, max(0, figure.start - 60), figure.start)
    if national and kind not in (None, "it_exports") and (national.group("it") or (kind == "freelancers" and _FIRMS_TOO.search(sentence, 0, figure.start))):
        kind = "it_exports"  # (the total of "companies and freelancers" is the country's IT exports)
    if kind and not national and (
        _PROVINCE_OWNS.search(sentence, max(0, figure.start - 60), figure.start)
        or _URDU_PART_OF_PLACE.search(sentence, max(0, figure.start - 60), figure.start)
        or _PLACE_WHERE.search(sentence, max(0, figure.start - 120), figure.start)
    ):
        return None  # "صوبے سے 52 کروڑ ڈالر کی آئی ٹی برآمدات", "جس میں سے لاہور کی کمپنیوں نے 78 کروڑ ڈالر": a province's or city's
    if subject is not None and _OWNED_ABROAD.search(sentence, max(0, subject.start - 40), subject.start):
        return None  # "Bangladesh's IT exports stood at $1.3bn, compared to Pakistan's $3.2bn"
    if kind and _PLACE_AFTER.match(sentence, figure.end):
        return None  # "1.5 million freelancers, compared with 650,000 in Bangladesh": that country's
    if kind and figure.unit == "count" and _MANY_COUNTRIES_AFTER.match(sentence, figure.end):
        return None  # "more than 4 million freelancers in 160 countries": a platform's world, not Pakistan's
    if kind and _URDU_PLACE_LEADS.match(sentence, bounds[0]):
        return None  # "لاہور کی آئی ٹی کمپنیوں نے ... برآمدات کیں": a city's or a province's
    if kind and figure.unit != "rank" and not national and (_PROVINCE_PEOPLE.search(sentence, bounds[0], figure.start) or _URDU_FROM_PLACE_AFTER.match(sentence, figure.end) or (figure.unit == "count" and _PEOPLE_IN_A_PLACE_AFTER.match(sentence, figure.end))):
        return None  # "freelancers from Punjab had earned $262 million", "KP freelancers", "پنجاب سے ... برآمدات": a province's
    lead = _PROVINCE_LEADS.match(sentence, bounds[0])
    if not national and ((subject is not None and _PROVINCE_OWNS.search(sentence, max(0, subject.start - 40), subject.start)) or (lead and _JUST_AFTER.fullmatch(sentence, lead.end(), figure.start))):
        return None  # "Punjab's IT exports rose to $1.9bn", "Punjab contributed $1.65bn of ...": a province's share, not the country's
    if kind and _FOREIGN_LEAD.match(sentence, bounds[0]):
        return None  # "Bangladesh earned $1.3bn from IT exports, while Pakistan earned $3.2bn"
    if kind and (abroad := _URDU_IN_ABROAD.search(sentence, bounds[0], figure.start)) and not _URDU_OURS.search(sentence, abroad.end(), figure.start):
        return None  # "، جبکہ ہمسایہ ملک بنگلہ دیش میں فعال فری لانسرز کی تعداد ساڑھے 6 لاکھ": that country's
    if figure.unit == "percent" and _STOCKS_BEFORE.search(sentence, max(bounds[0], figure.start - 40), figure.start):
        return None  # "Tech stocks rose 6 percent on news of higher IT exports": the shares' rise
    if kind == "it_exports" and _one_firms(figure, sentence, subjects):
        return None  # "Systems Limited ... reported export revenue of Rs18.7bn, up 21 percent": one company's
    if figure.unit == "percent" and _compared_with_other(figure, sentence, subjects, spans, bounds):
        return None  # "an increase of 20% as compared to trade surplus of $972m": the surplus grew
    first_subject = subjects[0].start if subjects else len(sentence)
    if figure.unit in ("count", "rank"):
        periods = [p for p in periods if not p.loose]  # "registered 25,000 VPNs during the year": a count as it stands
    if figure.unit == "rank":
        periods = [p for p in periods if not _an_earlier_places(p, figure, sentence)]
    period = _period_for(figure, periods, sentence, bounds, subject, first_subject, spans)
    if (was := next((w for w in _URDU_WHEN_IT_WAS.finditer(sentence) if w.start() < figure.start and figure.end <= w.end()), None)) and (bases := [p for p in periods if p.comparison and p.value and p.end <= was.start()]):
        # "مارچ کے مقابلے میں ان میں 3.2 فیصد کمی ریکارڈ کی گئی جب یہ 34 کروڑ 20 لاکھ ڈالر کی بلند ترین
        # سطح پر تھیں" (down from March, when they were at ...): the month compared with, as "from
        # March, when they stood at" is
        period = replace(bases[-1], comparison=False)
    if period is None and figure.unit == "percent" and _HAD_GROWN.search(sentence, bounds[0], figure.start):
        # a rate said as what it had been in the one period named, even as a base: "In the
        # corresponding period of FY25, the sector had grown by around 23%"
        bases = [p for p in periods if p.comparison and not p.target]
        period = bases[0] if len(bases) == 1 else None
    if when is not None and figure.start in when:
        period = when[figure.start]
        if period is None:
            return None  # figures given "respectively" for more or fewer periods than there are
    if period is not None and _MONTH.fullmatch(period.value or "") and _SPAN_TO.search(sentence, max(0, period.start - 40), period.start):
        return None  # "from January to September, 9,430 VPNs were registered": a span's, not September's
    base = base_span(figure, spans)
    spanned = [p for p in periods if p.value and not p.target and _FY_PERIOD.match(p.value)]
    if period is None and base is not None and len(spanned) >= 2 and over_years(sentence):
        # "Between FY22 and FY25, IT export receipts grew from $2.58bn to $3.76bn": the first year's
        period = min(spanned, key=lambda p: fiscal_end(p.value) or 0)
    if period is None and base is not None:
        # a base with no period of its own: of a fiscal year or part of one, the same months a
        # year before ("climbed to $3.22bn in FY24 from $2.6bn"); of a month, which month (the
        # one before, or a year before) cannot be told
        compared = _own_period_before(periods, figure.start)
        if figure.unit == "percent" or not _FY_PERIOD.match(compared):
            return None
        period = Period(shift_period(compared, 1), figure.start, figure.end, comparison=True)
    if period is not None and period.back:
        # "during the same period": the period the sentence has named, else the sentence before's
        named = next((p.value for p in periods if p.value and not p.comparison and not p.target and p.end <= period.start), "")
        if named and _WHOLE_FY.search(sentence, period.start, period.end) and fiscal_end(named) is not None:
            named = fiscal_year(fiscal_end(named))  # "the whole fiscal year" after its last quarter: the year
        # (when neither names it, the span its own base implies: "during the period declined 1.7
        # percent to $1.917 billion from $1.95 billion in 9MFY22", the nine months a year on; a
        # month's base may be the month before or a year before)
        value = named or previous.latest(sentence[period.start : period.end]) or (main if compared and not _MONTH.fullmatch(main) else "")
        if not named and ":" in value and any(_FY_VALUE.fullmatch(p.value) and p.start >= period.end and shift_period(p.value, -1) == fiscal_year(fiscal_end(value) or 0) for p in periods):
            # "اسی عرصے میں ... برآمدات 3 ارب 80 کروڑ ڈالر رہیں، جبکہ مالی سال 24-2023 میں یہ حجم
            # 3 ارب 22 کروڑ ڈالر تھا", after a sentence on FY25's last quarter: set against the
            # whole year before, "the same period" is the whole year the quarter closed
            value = fiscal_year(fiscal_end(value))
        if not value:
            return None  # a period referred to but not known: no fact rather than an undated one
        if period.shift:
            value = shift_period(value, period.shift)  # "اس سے پچھلے مالی سال": the year before that
    elif period is not None and figure.unit == "count" and base is None and _standing(sentence, bounds, periods):
        value, period = "", None  # "..., جبکہ ملک میں سرگرم فری لانسرز کی تعداد دس لاکھ کے لگ بھگ ہے": a count as it stands now
    elif period is not None and figure.unit == "count" and base is None and _later_figures_period(sentence, figure, period):
        value, period = "", None  # "63,500 VPNs registered, 14,600 in December": the total as it stands, December's the part
    elif period is not None and period.shift and not period.value and base is None and _BARE_LAST_YEAR.fullmatch(sentence, period.start, period.end) and kind != previous.kind and not any(p.value and not p.comparison and not p.target for p in periods):
        # "Freelancers' remittances for FY25 stood at $431m. ... IT exports crossed $3.8bn last
        # year": "last year" of another subject is not counted back from the sentence before's
        # year, and alone it is not known (calendar 2024, or FY25)
        return None
    elif period is not None:
        value = _resolve(period, main, periods)
    elif figure.unit in ("count", "rank") and not [p for p in periods if not p.target and not another_figures_period(p, figure, sentence) and not (figure.unit == "rank" and period is None and p.start >= figure.end)]:
        # a number of people or a position as it stands: never dated by the sentence before (nor
        # by a target's year), but a place said right after Pakistan's dated place is of its edition
        # (a place with no period of its own, before the period of a place it is set against,
        # too: "پاکستان کا درجہ 148 رہا، جو جولائی کے 150ویں درجے سے معمولی بہتر ہے")
        value = ""
        if figure.unit == "rank" and not _ANOTHER_LIST.search(sentence):
            fields = _rank_fields(sentence)
            value = previous.rank_period if fields & previous.rank_fields else previous.rank_edition if fields & previous.edition_fields else ""
    elif figure.unit == "count" and base is None and not any(bounds[0] <= p.start < bounds[1] for p in periods if not p.target) and _PRESENT.search(sentence, bounds[0], bounds[1]):
        # "Pakistan is home to around 1.5 million freelancers, ..., and a global payments company
        # last year ranked the country fourth": a count as it stands, in a clause with no period
        # of its own (the other clause's is another figure's), is never dated by the sentence before
        value = ""
    elif main and (not inherited or compared) and _inferred(periods, main):
        # (the period this sentence's own base implies wins over the one of the sentence before:
        # "exports stood at $2.36bn compared to $1.99bn in December 2019" are December 2020's)
        value = main
    elif main and _MONTH.fullmatch(main) and _compares_with_month_before(main, periods, spans, bounds):
        # "..., while IT exports amounted to $390 million, up 17.8pc from January 2025": its own
        # base places it in the sentence's month
        value = main
    elif inherited or (figure.unit == "percent" and kind == previous.kind):
        value = previous.period
    else:
        value = ""
    if base is not None and not value:
        return None
    if any(p.comparison and p.months_back and _compares_for(p, bounds, sentence, spans) and not another_figures_period(p, figure, sentence) and not _a_rates_base_before(p, figure, period, sentence) for p in periods) and not _MONTH.fullmatch((main or previous.period or "") if base is not None else value):
        # "compared to the previous month's $206m": both are months' figures, the base the month
        # before the other; when that month is not known, neither is (never the month before
        # the article's date, nor a span of months taken from the sentence before). A clause
        # with a figure of its own compares that figure only: "exports in July-May grew 26.5
        # percent to $2.86 billion, while receipts were 3.4 percent below the previous month"
        # keeps the span's.
        return None
    if base is not None and period is not None and period.relative and (main or previous.period):
        # "$400m in FY2024-25, up from $350m in the previous fiscal year", written in August 2025:
        # the year before the one compared with, not the one before the article's date (a base
        # is never of the period it is compared with)
        compared = main or previous.period
        if fiscal_end(value) is not None and fiscal_end(value) == fiscal_end(compared):
            value = shift_period(re.sub(r":.*", "", value), 1)
    if base is not None and period is not None and period.last_year and value == (main or previous.period):
        # "... 28 percent more than the $272 million of December last year", after December
        # 2024's figure: the December before it (a base is never the period compared with)
        value = shift_period(value, 1)
    elif period is not None and period.last_year and base is None and value == previous.period and previous.stated and not previous.headline and kind == previous.kind and not main_is_own(periods, period):
        # "IT exports were $390 million in December. In December last year, they were $323
        # million.", written in January 2026: the December before the one just reported, as a
        # base in one sentence would be (the sentence before gave December 2025's figure; a lead
        # that restates the title's "in December" as "in December last year" is the title's)
        value = shift_period(value, 1)
    elif period is not None and period.relative and base is None and previous.period and previous.stated and not previous.headline and kind == previous.kind and previous.counted in (None, figure.unit == "count" if figure.unit != "percent" else previous.counted) and not any(p.value and not p.comparison and not p.target and p is not period for p in periods) and _PREVIOUS_WORD.search(sentence, period.start, period.end):
        # "مالی سال 2023 میں ... 2 ارب 60 کروڑ ڈالر رہیں۔ گزشتہ مالی سال یہ برآمدات 2 ارب 62 کروڑ ڈالر
        # تھیں": written in July 2023, "last fiscal year" after a sentence on FY23 is FY22, the
        # year before the one the article reports, not the one before the article's date (a
        # lead after a title on FY23 tells the title's figure: "last fiscal year" is FY23 then);
        # said of another subject than the sentence before's, or of an amount after a sentence
        # that counted (freelancers registered in FY25, then their earnings "last fiscal year"),
        # it is the article's last year; and so it is after a sentence with no figures ("PSEB
        # registered 3,108 freelancers during the last fiscal year. ... Freelancers' remittances
        # amounted to $396.6m in the last fiscal year": one year, said twice)
        if fiscal_end(value) is not None and fiscal_end(value) == fiscal_end(previous.period):
            value = shift_period(re.sub(r":.*", "", value), 1)
    if figure.unit == "percent" and base is None and value and previous.period and value != previous.period:
        # "گزشتہ برس اپریل میں یہ برآمدات 20 کروڑ ڈالر تھیں، یعنی سالانہ بنیاد پر 52 فیصد اضافہ ہوا":
        # the rise since the base this sentence gives is the period's of the sentence before
        # (not a rate said as what it had been then: "..., when ICT exports had grown by about 23%",
        # "In the corresponding period of FY25, the sector had grown by around 23%")
        # (never when the sentence gives the rate its own base: "$2.61 billion in FY22, up 26%
        # over the previous year", after a sentence on FY23, is FY22's rise)
        own_base = value == main and any(p.comparison and p.shift and not p.value for p in periods)
        said = basis_words(sentence[bounds[0] : bounds[1]]) if not own_base else None
        if ((said == "yoy" and value == shift_period(previous.period, 1)) or (said == "mom" and value == shift_months(previous.period, 1))) and not _HAD_GROWN.search(sentence, bounds[0], figure.start) and not (period is not None and _OWN_GROWTH_SAID.fullmatch(sentence, figure.end, period.start)):
            value = previous.period
        elif _MONTH.fullmatch(previous.period):
            # "..., جبکہ فروری کے مقابلے میں 12 فیصد اضافہ ریکارڈ کیا گیا" after a sentence on March
            # 2025: a rate whose own base, in its clause, is the month before the sentence
            # before's month is that month's rise over it (not the rise of the base year's
            # month the sentence gave first)
            compared = [p for p in periods if p.comparison and bounds[0] <= p.start < bounds[1] and p.value and _MONTH.fullmatch(p.value)]
            if len(compared) == 1 and compared[0].value == shift_months(previous.period, 1) and not _HAD_GROWN.search(sentence, bounds[0], figure.start):
                value = previous.period
    if figure.unit == "percent" and base is None:
        # "ماہانہ بنیاد پر برآمدات میں 1.7 فیصد کمی ریکارڈ کی گئی، کیونکہ جون 2024 میں یہ 29 کروڑ 10 لاکھ
        # ڈالر رہی تھیں": a month-on-month rate whose only month, in a clause of its own after it,
        # is what the figure had been is of the month after that (a year-on-year rate beside it
        # need not be measured against that month)
        months = [p for p in periods if p.value and _MONTH.fullmatch(p.value) and not p.target]
        said = basis_words(sentence[bounds[0] : bounds[1]])
        if said == "mom" and len(months) == 1 and months[0].start >= bounds[1] and _HAD_BEEN.search(sentence, months[0].end):
            value = shift_months(months[0].value, -1)
        elif said == "mom" and len(months) == 1 and months[0].start > figure.end and _HAD_POSTED.search(sentence, figure.end, months[0].start):
            # "ICT exports declined 3.6 percent, as the sector had posted exports of $222 million
            # in September 2021": what it had been, in the month before the rate's
            value = shift_months(months[0].value, -1)
        elif said == "mom" and len(months) == 1 and months[0].comparison and months[0].start > figure.end and bounds[0] <= months[0].start < bounds[1]:
            # "On a month-on-month basis, IT exports increased 7.2 percent from $222 million in
            # September 2023": the month after the one it rose from, never the month a year back
            # the sentence before gave
            value = shift_months(months[0].value, -1)
    # (a running total's own stretch of the clause, between commas: "The PTA registered 1,230 VPNs
    # in January, ..., taking the total since the drive began to 27,400" dates the 1,230)
    # (nor its relative clause: "... 31 ہزار 240 وی پی اینز رجسٹر کیے گئے جو ... اب تک کی سب سے بڑی تعداد ہے", the
    # largest so far, is December's own)
    stretch_end = next((m.start() for m in _COMMA.finditer(sentence, figure.end, bounds[1])), bounds[1])
    if which := _RELATIVE_OPENER.search(sentence, figure.end, stretch_end):
        stretch_end = which.start()
    stretch = (max([bounds[0]] + [m.end() for m in _COMMA.finditer(sentence, bounds[0], figure.start)]), stretch_end)
    # (and "جس کے بعد" (after which) opens the total's own stretch: "نومبر کے دوران 19 ہزار 850 وی پی
    # اینز رجسٹر کیے گئے جس کے بعد رجسٹرڈ وی پی اینز کی مجموعی تعداد 41 ہزار سے تجاوز کر گئی")
    stretch = (max([stretch[0]] + [m.end() for m in _AFTER_WHICH.finditer(sentence, stretch[0], figure.start)]), stretch[1])
    # ("So far, the PTA has registered 55,000 VPNs, up from 20,000 in October": a clause that
    # opens on "so far" is a running total's, its base excepted; "مجموعی تعداد" is one only
    # where its stretch names no period: "نومبر میں رجسٹر ہونے والے وی پی اینز کی مجموعی تعداد")
    urdu_total = _URDU_TOTAL_BEFORE.search(sentence, max(0, figure.start - 30), figure.start) and not any(p.value and stretch[0] <= p.start < stretch[1] for p in periods)
    opens_so_far = _SINCE_OPENS.match(sentence, bounds[0]) and base is None
    running = figure.unit == "count" and bool(_TOTAL_BEFORE.search(sentence, max(0, figure.start - 90), figure.start) or urdu_total or opens_so_far or _SINCE.search(sentence, *stretch))
    if running and period is not None and _MONTH.fullmatch(value) and stretch[0] <= period.start < stretch[1] and (period.stock or _END_OF_BEFORE.search(sentence, max(0, period.start - 30), period.start) or _URDU_END_OF_AFTER.match(sentence, period.end)):
        running = False  # "A total of 61,870 VPNs had been whitelisted by the end of January": the total as it stood then
    if running:
        value = ""  # "taking the total to over 45,000", "20,000 VPNs had been registered since 2010": a running total
    if figure.unit == "count" and ":" in value and not _FISCAL_WORD.search(sentence):
        return None  # "25,000 VPNs registered in the first three months": of which year's calendar, not said
    if figure.unit != "percent" and ":" in value and _FULL_YEAR_BEFORE.search(sentence, max(0, figure.start - 40), figure.start):
        value = re.sub(r":.*", "", value)  # "last year's full-year figure of $3.8 billion": the whole year, not its months so far
    if period is not None and not period.target and not value and not running:
        # "freelancers earned $350m last year", "exports were $303m in December" or "in the first
        # half of the current fiscal year" with no date to place them: a period named but not
        # known is no undated claim
        return None
    wide = (min(bounds[0], subject.start), max(bounds[1], subject.end)) if subject else bounds
    clause, context = sentence[bounds[0] : bounds[1]], sentence[wide[0] : wide[1]]
    return _Place(figure, sentence, clause, context, kind or "ranking", value, bool(period and period.target), bool(periods) or bool(previous.period), base is not None)


#: Another country's or region's own figures: "India's", "Indian companies", "the Telangana
#: government". Countries and the states and cities whose IT exports the press reports.
_FOREIGN_PLACES = (
    r"India|Bangladesh|China|Philippines|Vietnam|Sri\s+Lanka|Egypt|Nigeria|Kenya|Indonesia|Malaysia|Brazil|Ukraine|Russia|"
    r"Telangana|Kerala|Karnataka|Maharashtra|Tamil\s+Nadu|Gujarat|Bengaluru|Bangalore|Chennai|Mumbai|Delhi|Pune|Noida|Kolkata"
)
#: Exports said to come from another country: "IT exports from Bangladesh".
_EXPORTS_FROM_ABROAD = re.compile(rf"\b(?i:exports?|earnings|revenues?|receipts)\s+(?:[\w-]+\s+){{0,3}}?from\s+(?:{_FOREIGN_PLACES})\b")
_FOREIGN_OWNER = re.compile(
    rf"\b(?:{_FOREIGN_PLACES})(?:['’]s\b|\s+(?:government|state|govt)\b)|^\W*(?:{_FOREIGN_PLACES})\b"
    r"|(?:بھارت|ہندوستان|انڈیا|بنگل[ہا]\s?دیش|چین)\s+(?:کی|کے|کا)|بھارتی|انڈین"
    r"|\b(?:Indian|Bangladeshi|Chinese|Filipino|Vietnamese|Sri\s+Lankan|Egyptian|Nigerian|Kenyan|Indonesian|Malaysian)\b"
    r"|\bReserve\s+Bank\b|\bcrore\b(?=[^.]*\bRs\b)|\bRs\s?\d{1,2},\d\d,\d{3}"  # India's central bank; Indian digit grouping
    rf"|{_EXPORTS_FROM_ABROAD.pattern}",
)
def _range_ends(sentence: str, figures: list[Figure]) -> list[Figure]:
    """The figures that are the two ends of a range, which gives no one figure: "between 25,000
    and 30,000 VPNs", "$300 to $310 million" (never "from $300m to $310m", a change), "20 سے 25
    ہزار کے درمیان"."""
    ends: list[Figure] = []
    for first, second in zip(figures, figures[1:]):
        if first.unit != second.unit:
            continue
        joint = _RANGE_JOINT.fullmatch(sentence, first.end, second.start)
        if joint is None:
            continue
        before = sentence[max(0, first.start - 12) : first.start]
        if joint.group("urdu"):
            ranged = bool(_URDU_RANGE_AFTER.match(sentence, second.end))
        else:
            ranged = bool(re.search(r"\bbetween\s+$", before, re.IGNORECASE)) or (
                joint.group("to") is not None and not re.search(r"\b(?:from|rose|fell|grew|increased|decreased|declined|jumped|dropped|up|down)\s+$", before, re.IGNORECASE)
            )
        if ranged:
            ends += [first, second]
    return ends


_RANGE_JOINT = re.compile(r"\s*(?:(?P<and>and)|(?P<to>to|–|—)|(?P<urdu>سے))\s*", re.IGNORECASE)
_URDU_RANGE_AFTER = re.compile(r"\s*(?:کے\s+)?(?:درمیان|بیچ)(?![^\W\d_])")


#: Words that set what follows against what came before: "..., but compared with India's $200
#: billion ...", "..., تاہم بھارت کی ...".
_CONTRAST = re.compile(
    r"\b(?:however|but|while|whereas|compared\s+(?:with|to)|against|unlike|in\s+contrast)\b|(?<![^\W\d_])(?:تاہم|لیکن|مگر|جبکہ|جب\s+کہ)(?![^\W\d_])",
    re.IGNORECASE,
)


def _owned_abroad(sentence: str, figure: Figure) -> bool:
    """Whether another country owns the figures of ``sentence``: it names one ("India's",
    "Indian"), and not only after the figure, set against it ("23 لاکھ سے زائد فری لانسرز ...،
    تاہم بھارت کی 200 ارب ڈالر ..." is Pakistan's count beside India's exports)."""
    for m in _FOREIGN_OWNER.finditer(sentence):
        if m.start() < figure.end or not _CONTRAST.search(sentence, figure.end, m.start()):
            return True
    return False


#: Another country leading the clause of a figure is what the clause is about: "Bangladesh earned
#: $1.3bn from IT exports", "in India, software exports grew 5pc", "بھارت نے ... کمائے".
_FOREIGN_LEAD = re.compile(
    # ("Across the border in Bangladesh, which says it has some 650,000 active freelancers, ...")
    rf"\W*(?:(?:(?!Pakistan)[\w'’-]+\s+){{1,4}}?(?:in|for)\s+(?=(?:neighbou?ring\s+)?(?:{_FOREIGN_PLACES})\b))?"
    rf"(?:(?:in|for|while|whereas|and|but|the)\s+)*(?:(?:neighbou?ring|nearby|rival|regional\s+rival)\s+)?(?:{_FOREIGN_PLACES}|Indian|Bangladeshi|Chinese|Filipino|Vietnamese|Sri\s+Lankan|Egyptian|Nigerian|Kenyan|Indonesian|Malaysian)\b"
    r"|\W*(?:(?:اور|جبکہ|تاہم|لیکن|مگر)\s+)*(?:بھارت|ہندوستان|انڈیا|بنگل[ہا]\s?دیش|چین)\s+(?:نے|میں|کی|کے|کا)",  # ("اور بنگلہ دیش نے": and Bangladesh)
    re.IGNORECASE,
)
#: Another country named as where, in Urdu, in a figure's clause before it: "بنگلہ دیش میں".
_URDU_IN_ABROAD = re.compile(rf"(?:{_URDU_FOREIGN.pattern})\s+میں(?![^\W\d_])")
_URDU_OURS = re.compile(r"پاکستان|ملک|ہمارے|ہمارا|ہماری")
#: Another country's name right before a subject owns it: "Bangladesh's IT exports", "the
#: Indian IT sector's exports", "بھارت کی آئی ٹی برآمدات", even in a sentence that names Pakistan.
_OWNED_ABROAD = re.compile(
    rf"(?:\b(?:{_FOREIGN_PLACES})['’]s|\b(?:Indian|Bangladeshi|Chinese|Filipino|Vietnamese|Sri\s+Lankan|Egyptian|Nigerian|Kenyan|Indonesian|Malaysian))"
    r"(?:\s+(?:the|its|own|total|annual|overall|\w+['’]s))*\s*$"
    r"|(?:بھارت|ہندوستان|انڈیا|بنگل[ہا]\s?دیش|چین)\s+(?:کی|کے|کا)\s*$|(?:بھارتی|انڈین)\s*$",
)
#: A figure said to be of a place abroad: "650,000 in Bangladesh", "$1.3bn for India".
#: A count of many countries' people: "freelancers in 160 countries", "users worldwide".
_MANY_COUNTRIES_AFTER = re.compile(
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:(?:in|across|from)\s+(?:more\s+than\s+|over\s+|some\s+|about\s+)?\d[\d,]*\s+countries|{WORLDWIDE})\b",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(rf"\s+(?:in|for|of|from)\s+(?:the\s+)?(?:{_FOREIGN_PLACES})\b")
#: A province's own figures: "Punjab's IT exports", "the Punjab IT Board said the province's exports",
#: "پنجاب کی آئی ٹی برآمدات", "صوبے سے آئی ٹی برآمدات".
_PROVINCES = rf"{PROVINCE_NAMES}|Lahore|Karachi|Islamabad|Rawalpindi|Peshawar|Quetta|Faisalabad|Multan"
_URDU_PLACES = rf"{URDU_PROVINCES}|لاہور|کراچی|اسلام\s+آباد|راولپنڈی|پشاور|کوئٹہ|فیصل\s+آباد|ملتان"
_PROVINCE_OWNS = re.compile(
    rf"(?:\b(?:{_PROVINCES})['’]s|\bthe\s+province['’]s|\bprovincial)(?:\s+[\w-]+)?(?:\s+(?:at|of|was|is|stood\s+at|reached|came\s+to))?\s*$|(?:{_URDU_PLACES}|صوبے|صوبہ)\s+(?:سے|کی|کے)\s+(?:(?:\S+\s+){0,3}?(?:کمپنیوں|کمپنیاں|فرموں|شہر)\s+(?:نے|کی|کے)\s+)?$"
)
#: The country's total named right before a figure: "the country's total IT exports of",
#: "the national total of", "Pakistan's overall ICT exports of" (", which amounted to").
_NATIONAL_BEFORE = re.compile(
    r"\b(?:the\s+country['’]s|the\s+national|Pakistan['’]s|national)\s+(?:total|overall|entire)?\s*(?P<it>(?:IT|ICT)\s+exports(?:\s*,\s+which\s+(?:had\s+)?(?:amounted\s+to|stood\s+at|totall?ed|reached|were|came\s+(?:in\s+at|to)))?\s+)?(?:total\s+)?(?:of\s+|at\s+|stood\s+at\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|some\s+)?(?:US\s?\$|\$|USD\s?)?$"
    # the whole a part is "of": "accounted for $780 million of the $2.6 billion in IT exports"
    r"|(?:\d\s?(?:million|billion|bn|mn|m|percent|per\s?cent|pc|%)|\d%)\s+of\s+(?:the\s+)?(?:US\s?\$|\$|USD\s?)?$",
    re.IGNORECASE,
)
_FIRMS_TOO = re.compile(r"\b(?:companies|firms|software\s+houses)\s+and\s+freelancers|\bfreelancers\s+and\s+(?:IT\s+)?(?:companies|firms)", re.IGNORECASE)
#: Urdu: "of which Lahore's companies ...": a city's part of a total.
_URDU_PART_OF_PLACE = re.compile(rf"(?:جس|جن)\s+میں\s+سے\s+(?:{_URDU_PLACES})\s+(?:\S+\s+){{0,4}}?$")
#: Urdu: a province or city, or its companies, opening the clause: "لاہور کی آئی ٹی کمپنیوں نے", "پنجاب نے".
_URDU_PLACE_LEADS = re.compile(
    rf"\W*(?:{_URDU_PLACES})\s+(?:نے|کی\s+(?:\S+\s+){{0,3}}?(?:کمپنیوں|فرموں|صنعت)\s+نے)"
    # "... کے مطابق سہ ماہی کے دوران صوبے میں رجسٹرڈ کمپنیوں ...", "... نے اپنے صوبے کا حصہ ...": the province's
    r"|(?![^،؛۔]*(?:ملک|پاکستان|قومی))[^،؛۔]*?(?:صوبے|صوبہ)\s+(?:میں|کا|کی|کے)\s+"
)
#: A province or city, then "where" and the figure in that clause: "the fastest growth was in
#: Peshawar, where freelancers' earnings rose 61 percent", "پشاور میں دیکھی گئی جہاں فری لانسرز کی
#: آمدنی 61 فیصد بڑھی".
_PLACE_WHERE = re.compile(
    rf"\b(?:{_PROVINCES})\s*,?\s+where\b[^,;.]*$|(?<![^\W\d_])(?:{_URDU_PLACES})\s+(?:[^\s،؛۔]+\s+){{0,4}}?جہاں\s+[^،؛۔]*$"
)
#: A province opening the clause of a figure it contributed: "Punjab contributed $1.65bn of ...".
_PROVINCE_LEADS = re.compile(
    rf"\W*(?:the\s+)?(?:{_PROVINCES}|province)\s+(?:alone\s+)?(?:contribut\w+|accounted|earned|exported)\b"
    # "Khyber Pakhtunkhwa has around 210,000 active freelancers": the province's own count
    rf"|\W*(?:the\s+)?(?:{_PROVINCES}|province)\s+(?:now\s+|alone\s+)?(?:has|had|have|is\s+home\s+to|was\s+home\s+to)\b"
    # "Punjab leads provinces with $1.4bn IT exports": the province's, ahead of the others
    rf"|\W*(?:the\s+)?(?:{_PROVINCES})\s+(?:leads?|led|tops?|topped)\s+(?:the\s+)?(?:other\s+)?(?:provinces|regions|cities|federating\s+units|list|chart|tally)\s+with\b"
    # "(IT) companies based in Punjab earned $1.1 billion"
    rf"|[^,;.]{{0,80}}?\b(?:firms|companies|businesses|exporters|startups)\s+(?:based|located|registered|headquartered)\s+in\s+(?:{_PROVINCES})\s+(?:earned|exported|generated|brought\s+in|made)\b",
    re.IGNORECASE,
)
#: The people, firms or exports of a province or city, before a figure in its clause: "freelancers
#: from Punjab", "KP freelancers", "the province earned", "پنجاب سے آئی ٹی ... کی برآمدات".
_PROVINCE_PEOPLE = re.compile(
    rf"\b(?:freelancers?|exporters?|exports|compan(?:y|ies)|firms|software\s+houses|youths?|graduates)\s+(?:from|in|of|based\s+in)\s+(?:the\s+)?(?:{_PROVINCES})\b"
    rf"|\b(?:{_PROVINCES})[\s-]based\b"  # "Punjab-based companies and freelancers"
    rf"|\b(?:{_PROVINCES})(?:['’]s)?\s+(?:(?:IT|tech|software)\s+)?(?:freelancers?|exporters?|compan(?:y|ies)|firms)\b"
    r"|\bthe\s+province\s+(?:alone\s+|as\s+a\s+whole\s+)?(?:had\s+|has\s+)?(?:earned|exported|contributed|generated|brought\s+in)\b"
    # one park's or zone's companies: "companies based at the Arfa Software Technology Park",
    # "tenant companies of ...", "پشاور ٹیکنالوجی پارک میں قائم آئی ٹی کمپنیوں", "... پارک کی کمپنیوں نے"
    # ("firms in the Sialkot Special Technology Zone": a park or zone named by its name)
    r"|\b(?:companies|firms|tenants|startups)\s+(?:(?:based|located|housed|operating)\s+)?(?:at|in)\s+(?:the\s+)?(?-i:(?:[A-Z][\w-]*\s+){1,5}(?:Park|Zone|Tower|Incubator|Hub))\b"
    r"|\btenant\s+(?:companies|firms)\s+of\b"
    r"|(?:پارک|زون)\s+(?:میں\s+(?:قائم|موجود)\s+)?(?:کی\s+)?(?:\S+\s+){0,2}?کمپنیوں|(?:پارک|زون)\s+سے\s+(?:\S+\s+){0,2}?برآمدات"
    rf"|(?:{_URDU_PLACES})\s+(?:سے|کے)\s+(?:تعلق\s+رکھنے\s+والے\s+)?(?:\S+\s+){{0,10}}?(?:برآمدات|فری\s?لانسرز)",
    re.IGNORECASE,
)
#: A count of people said to work in a province or city: "150,000 freelancers were now working
#: from the province", "40,000 freelancers based in Peshawar".
_PEOPLE_IN_A_PLACE_AFTER = re.compile(
    rf"\s+(?:(?:IT|tech|online)\s+)?(?:freelancers?|workers|professionals|young\s+people|youths?)\s+(?:(?:were|are|is|was)\s+)?(?:now\s+)?(?:working|based|living|active|operating)\s+(?:in|from|out\s+of)\s+(?:the\s+)?(?:{_PROVINCES}|province|city)\b",
    re.IGNORECASE,
)
#: Urdu: a figure said to have come from a province: "... ایک ارب 42 کروڑ ڈالر، صرف پنجاب سے آیا".
_URDU_FROM_PLACE_AFTER = re.compile(rf"[\s،,]*(?:صرف\s+)?(?:{_URDU_PLACES})\s+سے\s+(?:آیا|آئی|آئے|آئیں|حاصل)")
_JUST_AFTER = re.compile(r"\s*(?:(?:about|around|nearly|some|over|almost)\s+)?")
#: Pakistan named, or a Pakistani place or body, or "ours" as its press says it ("ہماری آئی ٹی
#: برآمدات", "our IT exports" beside another country's).
_PAKISTAN = re.compile(
    r"Pakistan|پاکستان|\b(?:SBP|PBS|MoITT|PSEB|PTA|P@SHA|PASHA|PAFLA|Islamabad|Karachi|Lahore|Peshawar|Quetta|Rawalpindi|Faisalabad)\b"
    r"|(?<![^\W\d_])(?:ہماری|ہمارے|ہمارا)(?![^\W\d_])|\b(?i:our)\s+(?:(?i:country|freelancers|exports)|(?:IT|ICT)\b)"
    # an Urdu paper's "the country's" is Pakistan's ("ملک کی آئی ٹی ... برآمدات", "ملکی"), never a
    # neighbouring or another country's ("پڑوسی ملک بھارت کی")
    r"|(?<![^\W\d_])(?<!پڑوسی\s)(?<!ہمسایہ\s)(?<!دیگر\s)(?<!دوسرے\s)(?:ملک\s+(?:کی|کے|کا|سے|میں)|ملکی)(?![^\W\d_])"
)


def main_is_own(periods: list[Period], period: Period) -> bool:
    """Whether the sentence names a period of its own besides ``period`` (not a base, nor a target)."""
    return any(p.value and not p.comparison and not p.target and p is not period for p in periods)


def _compared_with_other(figure: Figure, sentence: str, subjects: list[Subject], spans: list[Span], bounds: tuple[int, int]) -> bool:
    """Whether a rate is the growth of something the monitor does not track, named in the
    comparison that follows it in its clause."""
    span = next((s for s in spans if s.start >= figure.end and s.start < bounds[1]), None)
    if span is not None and span.rate_at >= 0:
        return False  # "grew 22pc, compared with 5pc growth in merchandise exports": two rates, each its own
    return span is not None and any(s.kind is None and span.holds(s.start, s.end) for s in subjects)


def _inferred(periods: list[Period], main: str) -> bool:
    """Whether the sentence's main period is named nowhere in it (it was inferred from the
    base it is compared with): then it dates every figure that is no base."""
    return not any(p.value == main and not p.comparison for p in periods)


#: Two rates and their bases written with slashes, in order: "down 1%/14% YoY/MoM".
_SLASHED_RATES = re.compile(r"(?P<a>-?\d+(?:\.\d+)?\s?%)\s*/\s*(?P<b>-?\d+(?:\.\d+)?\s?%)\s+(?P<x>YoY|MoM)\s*/\s*(?P<y>YoY|MoM)\b", re.IGNORECASE)


def _basis(place: _Place, spans: list[Span], series: str, periods: list[Period] = (), main: str = "") -> str:
    """How a growth rate is measured: ``yoy``, ``mom`` or ``unknown``.

    The words of its clause decide ("year-on-year", "MoM", "سال بہ سال", "compared to the
    previous month"); else the comparison in its clause, by the distance between the base's
    period and this one; else a rate over a fiscal year or part of one is against the same
    months a year before, and a month's rate is ``unknown``. A comparison right after the rate
    ("up 18pc from $265m a year ago and 4pc from December") is its own and goes first; one
    with another rate ("22pc compared to 9pc growth in February") tells nothing of the basis.
    """
    figure = place.figure
    for m in _SLASHED_RATES.finditer(place.sentence):
        # "down 1%/14% YoY/MoM": each rate the basis in its place
        if m.start("a") <= figure.start < m.end("a") or m.start("b") <= figure.start < m.end("b"):
            return m.group("x" if figure.start < m.end("a") else "y").lower()
    clause_start = max(0, place.sentence.find(place.clause))
    # the rate's own comparison, right after it ("4pc from December"), before any words
    own = [
        span for span in spans
        if span.rate_at < 0 and span.start >= figure.end and re.fullmatch(r"\s*(?:[A-Za-z]+\s+){0,3}?", place.sentence[figure.end : span.start])
        and not _URDU_LETTER.search(place.sentence, span.start, span.end)  # Urdu names a rate's basis before it, never after
    ]
    # in Urdu, the comparison right before it ("نومبر 2023 کے مقابلے میں 15 فیصد")
    own = own or [
        span for span in spans
        if span.rate_at < 0 and span.end <= figure.start and _URDU_LETTER.search(place.sentence, span.start, span.end)
        and _URDU_TO_RATE.fullmatch(place.sentence, span.end, figure.start)
    ]
    said = basis_words(place.clause, figure.start - clause_start, figure.end - clause_start)
    if not said and not own and _URDU_LIST_GOES_ON.search(place.sentence, 0, clause_start):
        # an Urdu list of rates goes on past its comma with the basis said before its first:
        # "سالانہ بنیاد پر جولائی میں ... 20.9 فیصد، اگست میں 29.7 فیصد اور ستمبر میں 24 فیصد بڑھیں"
        said = basis_words(place.sentence[:clause_start])
    if said and not own:
        return said
    if not said and not own and RATE_NAMED_BACK.search(place.sentence, clause_start, figure.start):
        # "..., while in August the rate was 16 percent": measured as the rate named back was
        start, end = clause_before(place)
        named_back = next((span.relation for span in spans if start <= span.start < end and span.relation and span.rate_at < 0), "")
        if named_back:
            return named_back
    # a span whose base is a rate compares two rates: it says nothing of how either is measured
    in_clause = own or [span for span in spans if clause_start <= span.start <= clause_start + len(place.clause) and span.rate_at < 0]
    a_year_back = (canonical_period(shift_period(place.period, 1)), shift_months(place.period, 12))
    for span in in_clause:
        # a base counted back further than a year or by a quarter ("the same period two years
        # earlier", "the same month of 2023" said of July 2025, "the previous quarter") says
        # neither, whatever "same period" suggests
        counted = [canonical_period(_resolve(p, main, periods)) for p in periods if span.holds(p.start, p.end) and (p.parts_back or p.shift > 1 or p.year) and place.period]
        if any(base and base not in a_year_back for base in counted):
            return "unknown"
        if span.relation:
            return span.relation
        for p in periods:
            if span.holds(p.start, p.end) and place.period:
                base = canonical_period(_resolve(p, main, periods))
                if base and base in a_year_back:
                    return "yoy"
                if base and base == shift_months(place.period, 1):
                    return "mom"
                if base and base != place.period:
                    return "unknown"  # "3 percent less than the $1.14 billion earned in October-December": the quarter before
    if said:
        return said
    if _MONTH.fullmatch(place.period or ""):
        # a month's rate in a sentence whose only base is that month a year before (or the month
        # before) is the change against it: "$348m in November, against $282m in November
        # 2023, a rise of 23.4 percent", "...، جبکہ ایک سال قبل اسی مہینے میں یہ 28 کروڑ 20 لاکھ
        # ڈالر تھیں، یوں ان میں 23.4 فیصد اضافہ ہوا"
        # (never a rate's period: "22pc compared to 9pc growth in February" compares two rates)
        rated = [span for span in spans if span.rate_at >= 0]
        bases = {canonical_period(_resolve(p, main, periods)) for p in periods if (p.comparison or p.counted) and not any(span.holds(p.start, p.end) for span in rated)} - {""}
        if not bases and (thus := _THUS_RATE.search(place.sentence, 0, figure.start)):
            # "ستمبر میں آئی سی ٹی برآمدات 33 کروڑ 10 لاکھ ڈالر تھیں، یوں اکتوبر میں ان میں 5.1 فیصد
            # اضافہ ہوا" (they were $331m in September, thus they rose 5.1% in October): the rise
            # since the month the clause before gave
            bases = {canonical_period(_resolve(p, main, periods)) for p in periods if p.end <= thus.start() and p.value and _MONTH.fullmatch(p.value)} - {"", place.period}
        if bases and bases <= set(a_year_back):
            return "yoy"
        if bases == {shift_months(place.period, 1)}:
            return "mom"
    if any(p.parts_back and p.comparison for p in periods):
        return "unknown"  # the sentence's base is the quarter or half before ("..., against $1.0bn in the previous quarter")
    if series != "it_exports_monthly" and place.period and not re.fullmatch(r"\d{4}-\d\d", place.period):
        return "yoy"
    return "unknown"


_MONTH = _MONTH_VALUE
#: A clause that opens right after an Urdu rate and its comma: the list of rates goes on.
_URDU_LIST_GOES_ON = re.compile(r"[\d.]+\s?فیصد\s*[،,]\s*$")
#: "..., یوں (اکتوبر میں) ان میں": thus, in a month, they ...; and "..., جس کے مقابلے میں جنوری
#: میں", "against which January's ...": compared with what the clause before gave. The amount
#: before is the base.
_THUS_RATE = re.compile(
    r"(?<![^\W\d_])یوں(?![^\W\d_])|\b(?:thus|so)\b(?=[^.]*\b(?:rose|grew|increased|fell|declined|dropped)\b)"
    r"|(?<![^\W\d_])جس\s+کے\s+(?:مقابلے|مقابلہ)(?![^\W\d_])|\b(?:against|compared\s+(?:with|to)|over)\s+which\b",
    re.IGNORECASE,
)
#: A count that is a running total: "taking the total to over 45,000", "registered since 2010",
#: "اب تک" (so far).
_TOTAL_BEFORE = re.compile(r"\b(?:the|a)\s+(?:cumulative\s+|overall\s+)?total(?:\s+number)?(?:\s+of(?:\s+[\w-]+){1,6}?(?=\s+(?:to|past|beyond|above)\b))?\s+(?:to|of|at|past|beyond|above|stood\s+at|reached)\s+(?:over|more\s+than|about|around|nearly|some)?\s*$", re.IGNORECASE)
_URDU_TOTAL_BEFORE = re.compile(r"(?:مجموعی|کل)\s+تعداد\s+(?:اب\s+)?(?:بڑھ\s+کر\s+)?$")
_AFTER_WHICH = re.compile(r"(?<![^\W\d_])جس\s+کے\s+بعد(?![^\W\d_])")
_SINCE_OPENS = re.compile(r"\W*(?:so\s+far|to\s+date|till\s+date|as\s+of\s+now)\b|\W*اب\s+تک", re.IGNORECASE)
_COMMA = re.compile(r"[,،]\s")
#: A figure given as a bound or roughly: "over 19,000", "more than $540m", "19 ہزار سے زائد", "54
#: کروڑ ڈالر سے تجاوز".
_ROUGH_BEFORE = re.compile(r"(?:\b|(?<=\s))(over|more\s+than|above|nearly|almost|about|around|some|exceed\w*|tops?|cross\w*|تقریباً|تقریبا|لگ\s?بھگ|قریباً)\s+$", re.IGNORECASE)
_BOUND_AFTER = re.compile(r"\s*\+|\s+سے\s+(?:(?:کچھ|قدرے|تھوڑا|معمولی)\s+)?(?:زائد|زیادہ|تجاوز|متجاوز|بڑھ\s+(?:گئی|گئے|گیا|گئیں))|\s+(?:کا|کی)\s+(?:سنگ\s+میل|حد)\s+عبور")  # "... کا سنگ میل عبور": the milestone crossed
_BELOW_AFTER = re.compile(r"\s+سے\s+کم(?![^\W\d_])")  # "2 ارب ڈالر سے کم" (less than $2bn)
_NEAR_AFTER = re.compile(r"\s+(?:\S+\s+)?(?:کے|کی)\s+قریب")  # "30 ہزار کے قریب" (close to 30,000)
#: Shares, whose move a rate right after them is: "tech stocks rose 6 percent",
#: "ٹیکنالوجی کے حصص 6 فیصد تک چڑھ گئے".
#: One company's own sales abroad: a firm (a name with "Limited", "Ltd", "Inc", or "company"
#: or "firm" in the singular) reporting its export revenue, or its revenue said as its own:
#: "Systems Limited, the country's largest listed IT company, reported export revenue of ...",
#: "NetSol, a listed IT firm, said its export revenue rose ...", "the company's IT exports",
#: Urdu "نجی سافٹ ویئر کمپنی ڈیجی ٹیک سلوشنز کی برآمدی آمدن" (a private software company's
#: export income). Companies in the plural are the country's exporters ("IT companies and
#: freelancers exported ..."), and a firm that reports that something else rose is not its owner.
_FIRM = r"(?:\b(?-i:Limited|Ltd|Inc|PLC)\b\.?|\b(?:company|(?<!remained\s)(?<!remains\s)(?<!remain\s)(?<!held\s)(?<!holds\s)(?<!stayed\s)(?<!stays\s)(?<!stood\s)firm)\b(?!\s*(?:and|&)\s))"  # ("remained firm": steady, no firm)
_FIRM_SALES = r"(?:(?:export|overseas|foreign)\s+)?(?:revenues?|sales|earnings|income|exports)\b"
_ONE_FIRM_OWNS = re.compile(
    rf"{_FIRM}[^.;]{{0,80}}?\b(?:reported|posted|recorded|booked|earned|said\s+its|and\s+its)\s+(?:(?!that\b|IT\s+exports\b)[\w-]+\s+){{0,3}}?{_FIRM_SALES}"
    rf"|\b(?:company|firm)['’]s\s+(?:[\w-]+\s+){{0,2}}?{_FIRM_SALES}"
    # "Systems Limited's export revenue grew 35 percent"
    rf"|\b(?-i:Limited|Ltd|Inc|PLC)\.?['’]s\s+(?:[\w-]+\s+){{0,2}}?{_FIRM_SALES}"
    r"|(?<![^\W\d_])(?:کمپنی|فرم|لمیٹڈ)(?![^\W\d_])(?:\s+[^\s\d،,۔]+){0,4}?\s+(?:کی|نے)\s+(?:برآمدی\s+)?(?:آمدن|آمدنی|برآمدات|ریونیو|فروخت)(?![^\W\d_])"
    # the writer's own firm: "At our company we grew export revenue 40% to $6.5 million"
    rf"|\b(?:our|my)\s+(?:own\s+)?(?:company|firm|studio|startup|agency|software\s+house|team)\b[^.;]{{0,40}}?\b(?:grew|grow|raised|lifted|increased|earned|made|posted|booked)\s+(?:our\s+|its\s+)?{_FIRM_SALES}",
    re.IGNORECASE,
)


def _one_firms(figure: Figure, sentence: str, subjects: list[Subject]) -> bool:
    """Whether ``figure`` is one company's: a firm owns the sales before it in the sentence,
    and no subject of IT exports is named between them ("Systems Ltd reported export revenue
    of Rs18bn, while the country's IT exports rose 21 percent" leaves the rate the country's)."""
    for m in _ONE_FIRM_OWNS.finditer(sentence, max(0, figure.start - 200), figure.start):
        if not any(s.kind == "it_exports" and m.end() <= s.start < figure.start for s in subjects):
            return True
    return False


_STOCKS_BEFORE = re.compile(r"\b(?:stocks?|shares|scrips|equities|KSE[\s-]?100|PSX|bourse)\b(?:\s+\S+){0,2}?\s+$|(?:حصص|اسٹاک)(?:\s+\S+){0,2}?\s+$", re.IGNORECASE)
#: (or to a day of the week that the text does not date: "25,138 VPNs had been registered by Friday")
_SINCE = re.compile(
    r"\bsince\b|\bso\s+far\b|\bto\s+date\b|اب\s+تک"
    r"|\b(?:by|as\s+of|till|until|up\s+to)\s+(?:last\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|now)\b"
    r"|(?<![^\W\d_])(?:پیر|منگل|بدھ|جمعرات|جمعہ|اتوار|آج)\s+(?:کے\s+روز\s+|کے\s+دن\s+)?تک(?![^\W\d_])",
    re.IGNORECASE,
)
#: The month a running total stands at: "by the end of January", "as at end-June", "جنوری کے آخر تک".
_END_OF_BEFORE = re.compile(r"\b(?:by|as\s+(?:of|at|on)|till|until|up\s+to|at)\s+(?:the\s+)?end(?:\s+of|-)\s*$", re.IGNORECASE)
_URDU_END_OF_AFTER = re.compile(r"\s*(?:\d{4}\s*)?(?:کے|کی)\s+(?:آخر|اختتام)\s+تک")
#: "Last" or "previous" in English and Urdu.
_PREVIOUS_WORD = re.compile(r"\b(?:last|previous|preceding|past)\b|گزشتہ|گذشتہ|پچھلے|پچھلی|سابقہ", re.IGNORECASE)
#: The words of a back-reference that say what length of period it means: "the period" (a span),
#: "the quarter", "the half", "the month".
_SPAN_WORD = re.compile(r"\bperiod\b|عرصے|عرصہ|مدت", re.IGNORECASE)
_QUARTER_WORD = re.compile(r"quarter|سہ\s?ماہی", re.IGNORECASE)
_HALF_WORD = re.compile(r"\bhalf\b|ششماہی", re.IGNORECASE)
_MONTH_WORD_BACK = re.compile(r"\bmonth\b|(?<![^\W\d_])(?:ماہ|مہینے)(?![^\W\d_])", re.IGNORECASE)


#: The IT trade named by its firms, without its exports: "IT exporters", "آئی ٹی کمپنیاں" (not
#: "the ICT sector", which a sentence on its net surplus names before its parts).
_IT_TRADE = re.compile(
    r"\b(?-i:IT|ICT)(?:\s+(?:and|&)\s+(?-i:ITeS|IT[\s-]enabled\s+services))?\s+(?:exporters|companies|firms)\b"
    r"|آئی\s?ٹی\s+(?:برآمد\s+کنندگان|ایکسپورٹرز|کمپنیوں|کمپنیاں)(?![^\W\d_])",
    re.IGNORECASE,
)
#: A line of hashtags and handles alone: "#DigitalNation #MoITT\"".
_ONLY_TAGS = re.compile(r"[\s\"“”'’.,!]*(?:[#@][\w-]+[\s\"“”'’.,!]*)+")
#: A whole fiscal or calendar year's period: "FY2018-19", "2024".
_WHOLE_YEAR_VALUE = re.compile(r"FY\d{4}-\d\d|\d{4}")


def _spans_closed_by_month(periods: list[Period], sentence: str, context: _Context) -> list[Period]:
    """"The half" or "the quarter" with none named before, in a sentence that names the month
    closing one: that half or quarter ("دسمبر میں ... 39 کروڑ 90 لاکھ ڈالر، ششماہی میں 18.5
    فیصد اضافہ": December's figure, and the first half's rate)."""
    months = [p.value for p in periods if _MONTH.fullmatch(p.value) and not p.comparison and not p.target]
    if len(set(months)) != 1:
        return periods
    fiscal = _fiscal_month(int(months[0][5:]))
    out = []
    for p in periods:
        words = sentence[p.start : p.end]
        if p.back and not p.value and not re.search(r"\bsame\b|اسی", words):
            length = 6 if _HALF_WORD.search(words) else 3 if _QUARTER_WORD.search(words) else 0
            known = _is_half if length == 6 else _is_quarter
            if length and fiscal % length == 0 and not any(x and known(x) for x in (context.period, *context.earlier)):
                p = replace(p, value=_within_fy(_fy_of_month(months[0]), fiscal - length + 1, fiscal), back=False, loose=False)
        out.append(p)
    return out


def _part_just_before(period: str, periods: list[Period]) -> bool:
    """Whether the one base ``periods`` name is the quarter or half just before ``period``."""
    bases = {canonical_period(p.value) for p in periods if p.comparison and p.value and not (p.counted or p.months_back)}
    length = span_months(period)
    return len(bases) == 1 and length in (3, 6) and part_before(period, length) in bases


def _months_just_named(periods: list[Period], sentence: str, context: _Context) -> list[Period]:
    """"The three months", "these two months", "the quarter's", Urdu "تینوں مہینوں" (all three
    months) after months named one by one, in this sentence or else the one before: the span
    of those months ("$236m in July, $257m in August and $251m in September, taking the
    quarter's total to $744m": the first quarter's), when they run on in one fiscal year."""
    for m in _MONTHS_JUST_NAMED.finditer(sentence):
        said = (m.group("n") or m.group("un") or m.group("un2") or "").lower()
        count = 3 if m.group("q") else _SPAN_COUNTS.get(said) or int(said)
        own = [p.value for p in periods if _MONTH.fullmatch(p.value) and not p.comparison and not p.target and p.end <= m.start()]
        span = span_of_months(own, count) if own else span_of_months(context.levels, count)
        if not span and not own and m.group("un2") and span_months(context.period) == count:
            span = context.period  # "ان تین مہینوں میں" (in these three months) after the quarter named before
        if span:
            periods = sorted([p for p in periods if not (p.start < m.end() and m.start() < p.end)] + [Period(span, m.start(), m.end())], key=lambda p: p.start)
    return periods


#: Months named one by one, then counted back: "the three months", "these two months", "the
#: quarter's (total)", "تینوں مہینوں" (all three months), "دونوں مہینوں" (both months), "ان تین
#: مہینوں" (these three months: also a quarter named before). (Never "the three months to March",
#: "of", "ended": a span named by its end.)
_MONTHS_JUST_NAMED = re.compile(
    r"\b(?:the|these|those|all)\s+(?:(?P<n>two|three|four|five|six|[2-6])\s+months|(?P<q>quarter)(?=['’]s?\s))(?!\s+(?:to|of|ended|ending|through|till|until|before|earlier|ago)\b)"
    r"|(?<![^\W\d_])(?P<un>دونوں|تینوں|چاروں|پانچوں)\s+(?:مہینوں|ماہ)(?![^\W\d_])"
    # "ان تین مہینوں" (these three months; never "گزشتہ مالی سال کے انہی چھ مہینوں", the same months a year before)
    r"|(?<![^\W\d_])(?<!سال\sکے\s)(?<!سال\sکی\s)(?<!برس\sکے\s)(?:ان|اِن)\s+(?P<un2>دو|تین|چار|پانچ|چھ)\s+(?:مہینوں|ماہ)(?![^\W\d_])",
    re.IGNORECASE,
)
_SPAN_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "دونوں": 2, "تینوں": 3, "چاروں": 4, "پانچوں": 5, "دو": 2, "تین": 3, "چار": 4, "پانچ": 5, "چھ": 6}


def _month_named_before(p: Period, periods: list[Period], sentence: str) -> Period:
    """"That month" after a month named earlier in the same sentence is that month: "صرف اپریل
    میں ... جبکہ مارچ کے اعداد و شمار پر نظرثانی کے بعد اس ماہ کی برآمدات" (March's, revised)."""
    if not p.back or p.value or not _THAT_MONTH.fullmatch(sentence[p.start : p.end]):
        return p
    before = [q for q in periods if q.end <= p.start and _MONTH.fullmatch(q.value) and not q.target]
    return replace(p, value=before[-1].value, back=False, loose=False) if before else p


#: "اس ماہ", "اس مہینے" (that month) as a back-reference.
_THAT_MONTH = re.compile(r"اس\s+(?:ماہ|مہینے)")


def _is_fiscal_year(period: str) -> bool:
    return bool(_FY_PERIOD.fullmatch(period))


def _is_month(period: str) -> bool:
    return bool(_MONTH.fullmatch(period))


def _is_span(period: str) -> bool:
    return bool(period) and not _MONTH.fullmatch(period)


def _is_quarter(period: str) -> bool:
    return bool(re.search(r":(?:Q[1-4]|Jul-Sep|Oct-Dec|Jan-Mar|Apr-Jun)$", period))


def _is_half(period: str) -> bool:
    return bool(re.search(r":(?:H[12]|Jul-Dec|Jan-Jun)$", period))


#: The words of a back-reference and the length of period each means, in the order asked:
#: "the period" and "اسی عرصے" are a span of months, never "April alone" just named.
_FY_WORD = re.compile(r"\bfiscal\b|\bfinancial\b|\byear\b|مالی|(?<![^\W\d_])سال(?![^\W\d_])")
_DOCUMENT_YEAR = re.compile(r"FY\d{4}-\d\d")  # a survey named for its fiscal year, when nothing else dates the sentence
_WHOLE_FY = re.compile(r"پورے\s+مالی\s+سال")
_LENGTHS = ((_FY_WORD, _is_fiscal_year), (_QUARTER_WORD, _is_quarter), (_MONTH_WORD_BACK, _is_month), (_HALF_WORD, _is_half), (_SPAN_WORD, _is_span))
_FY_PERIOD = re.compile(r"FY\d{4}-\d\d")


def _compares_with_month_before(main: str, periods: list[Period], spans: list[Span], bounds: tuple[int, int]) -> bool:
    """Whether a clause compares with a month a year or a month before ``main``."""
    return any(
        p.comparison and _MONTH.fullmatch(p.value) and bounds[0] <= p.start < bounds[1] and main in (shift_period(p.value, -1), shift_months(p.value, -1))
        for p in periods
    )


def _own_period_before(periods: list[Period], at: int) -> str:
    """The last period named as the sentence's own (no base, no target) before ``at``."""
    own = [p.value for p in periods if p.value and not p.comparison and not p.target and p.end <= at]
    return own[-1] if own else ""
#: A clause that gives the base of the one before: ", against $207 million in ...".
_COMPARES_WITH = re.compile(r",\s+(?:as\s+)?(?:against|compared\s+(?:to|with)|versus|vs\.?|up\s+from|down\s+from)\b", re.IGNORECASE)
_THEIR = re.compile(r"\W*their\b", re.IGNORECASE)
def _an_earlier_places(period: Period, figure: Figure, sentence: str) -> bool:
    """Whether ``period``, after the rank ``figure``, is the year of the place it rose or fell
    from: "climbed to fourth place ..., up from eighth in the previous edition published in
    2020". A year after a comma is another clause's: "up from 8th a year earlier, the
    company's report for 2023 said"."""
    if period.start < figure.end:
        return False
    place = _UP_FROM_A_PLACE.search(sentence, figure.end, period.start)
    return place is not None and not re.search(r"[,;]", sentence[place.end() : period.start])


#: A place given as where a rank rose or fell from: "up from eighth", "down from 12th".
_UP_FROM_A_PLACE = re.compile(
    rf"{PLACE_MOVED_FROM}(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+ieth)\b",
    re.IGNORECASE,
)
#: A sentence that opens by referring back: a figure with no subject of its own is the sentence before's.
_OPENS_BACK = re.compile(
    rf"\W*{OPENING}(?:this|these|they|it|that(?=\s+(?:was|is|marks?|marked|represents?|represented)\b)|(?:(?:the|this|that)\s+(?:[\w-]+\s+)?|\w+['’]s\s+)(?:figure|amount|increase|growth|rise|decline|earnings|receipts))\b(?!['’]s)"
    r"|\W*(?:یہ|اس|ان)\s+(?:حجم|رقم|عرصے|عرصہ|مدت|دوران|برآمدات|اضافہ|اضافے)(?![^\W\d_])",  # Urdu: "اس عرصے میں", "یہ حجم"
    re.IGNORECASE,
)
#: The figure of the sentence before named in a clause before a figure: "this volume", "یہ حجم",
#: "has put the number at", "with the figure rising to" (never "the number of ...", which names its own).
_THIS_FIGURE_IN = re.compile(r"\b(?:this|that)\s+(?:figure|amount|sum|volume)\b|\b(?:this|that|the)\s+(?:number|count|tally|figure)\b(?!\s+(?:of|for)\b)|(?<![^\W\d_])(?:یہ|اس)\s+(?:حجم|رقم)(?![^\W\d_])", re.IGNORECASE)
#: A sentence that opens on what the one before gave: "That was 27.6 percent more than ...".
_THAT_WAS = re.compile(r"\W*(?:this|that|it)\s+(?:was|is|marks?|marked|represents?|represented)\b", re.IGNORECASE)
#: A sentence that opens on the figure of the sentence before: its period is that sentence's.
_THIS_FIGURE = re.compile(rf"\W*{OPENING}(?:(?:this|that|the)\s+|\w+['’]s\s+)(?:figure|amount|sum)\b|\W*(?:یہ|اس)\s+(?:حجم|رقم)(?![^\W\d_])", re.IGNORECASE)
_FISCAL_WORD = re.compile(r"fiscal|financial|\bFY|مالی", re.IGNORECASE)
_URDU_LETTER = re.compile(r"[\u0600-\u06ff]")
#: What stands between an Urdu comparison and its rate: "کے مقابلے میں 15 فیصد".
_URDU_TO_RATE = re.compile(
    r"\s*(?:میں|سے|پر)?\s*(?:(?:ان|اس|اِن|اُن|برآمدات|آمدن|آمدنی|ترسیلات)\s+(?:میں|کی|کے)\s+)?"  # "... کے مقابلے میں ان میں 62 فیصد": in them, 62 percent
    r"(?:(?:تقریباً|تقریبا|قریباً|لگ\s+بھگ)\s+)?"  # "... سے تقریباً 15 فیصد": about 15 percent
)
#: (Urdu opens such a clause with "جو", which: "، جو گزشتہ مالی سال کے ... سے 30 فیصد زیادہ ہے")
#: A sentence that opens on the change of the amount the sentence before gave: "This is an
#: increase of 26.9 percent", "According to the ministry, this marks a rise of ...", "یہ 26.9
#: فیصد کا اضافہ ہے", "وزارت کے مطابق یہ ...".
_RISE_OF_THE_BEFORE = (
    rf"(?:\W*{OPENING}(?:this|that|it)\s+(?:is|was|marks?|marked|represents?|represented|shows?|showed|reflects?|reflected|translates?|translated)\s+(?:an?\s+)?(?:\w+\s+)?(?:increase|growth|rise|jump|decline|drop|fall|decrease|surge)\b"
    # the change named with its rate: "This 26 percent decline shows ...", "انہوں نے کہا کہ 26 فیصد کی یہ کمی ..."
    rf"|\W*{OPENING}(?:this|that|the)\s+(?=[\d.]+\s?(?:%|percent|per\s?cent|pc)\s+(?:increase|growth|rise|jump|decline|drop|fall|decrease|surge)\b)"
    r"|\W*(?:[^،,۔]{1,40}\s(?:نے\s+کہا\s+کہ|کے\s+مطابق)\s+)?(?=[\d.]+\s*فیصد\s+کی\s+(?:یہ|اس)\s+(?:کمی|اضافہ|اضافے)(?![^\W\d_])))"
)
_RATE_OF_THE_BEFORE = re.compile(
    _RISE_OF_THE_BEFORE + r"|\W*(?:[^،,۔]{1,40}\s(?:کے\s+مطابق|نے\s+بتایا\s+کہ)\s+)?(?:یہ|(?:یوں\s+)?(?:ان|اس)\s+میں)\s+(?=\d)",
    re.IGNORECASE,
)
_REFERS_BACK = re.compile(r"\b(?:they|their|them|these|those|earnings|income|remittances|inflows|receipts|proceeds)\b|^" + _RISE_OF_THE_BEFORE + rf"|^\W*{MONTH_ALONE}" + r"|^\W*(?:it|its|(?:the|this|that)\s+(?:figure|amount|sum))\b|" + OF_THE_TOTAL + r"|\b(?:said|says|told|showed|show)\s+(?:that\s+)?(?:the|this|that)\s+(?:figure|amount|sum)\b|^\W*جو(?=\s)|(?<![^\W\d_])(?:اس|ان)\s+میں\s+(?=\d)|(?<![^\W\d_])(?:یہ|اس)\s+(?:رقم|آمدن|آمدنی|کمائی)(?![^\W\d_])|(?<![^\W\d_])یہ\s+(?=\d)|(?<![^\W\d_])(?:ان|اُن)\s+(?:کی|کے)\s+(?:(?:مجموعی|کل|کُل|برآمدی)\s+)?(?:آمدن|آمدنی|کمائی|برآمدات|ترسیلات)", re.IGNORECASE)


def _standing(sentence: str, bounds: tuple[int, int], periods: list[Period]) -> bool:
    """Whether a count's clause says how things stand now ("is", "ہے") and names no period of
    its own, after a clause that does: the period is the other clause's."""
    clause = sentence[bounds[0] : bounds[1]]
    own = any(bounds[0] <= p.start < bounds[1] for p in periods if not p.target)
    return bounds[0] > 0 and not own and bool(_PRESENT.search(clause))


#: Where a relative clause opens: "which", "جو".
_RELATIVE_OPENER = re.compile(WHICH, re.IGNORECASE)


#: A number in a sentence, in Western or Urdu digits.
_A_NUMBER = re.compile(r"[\d۰-۹][\d۰-۹,.]*")


def _later_figures_period(sentence: str, figure: Figure, period: Period) -> bool:
    """Whether the period named after a count is another figure's, given after a comma
    between them and named right after it: "63,500 VPNs registered, 14,600 in December"
    (the total has no month; the month's figure is a part of it)."""
    if period.start < figure.end:
        return False
    between = sentence[figure.end : period.start]
    numbers = list(_A_NUMBER.finditer(between))
    return bool(numbers) and "," in between[: numbers[-1].start()] and bool(_TO_ITS_PERIOD.fullmatch(between, numbers[-1].end()))


#: What may stand between a count and the period named after it when no noun does ("14,600 of
#: them were registered in"): a noun would make the two counts a list of things sharing the
#: period ("1,964 IT companies, 1,412 freelancers in H1").
_TO_ITS_PERIOD = re.compile(r"(?:\s+(?:of|them|these|those|were|was|had|have|been|registered|alone|VPNs?|in|during))*\s*", re.IGNORECASE)


_PRESENT = re.compile(r"\b(?:is|are|has|have)\b|(?<![^\W\d_])(?:ہے|ہیں)(?![^\W\d_])", re.IGNORECASE)


_EARNINGS_WORD = re.compile(r"آمدن|آمدنی|کمائی")
_URDU_BASIS = re.compile(r"(?<![^\W\d_])(?:ماہانہ|سالانہ|سال\s+بہ\s+سال|ماہ\s+بہ\s+ماہ)\s+(?:بنیاد\s+پر|بنیادوں\s+پر)(?![^\W\d_])")


def _bare_rate(sentence: str, bounds: tuple[int, int], figure: Figure) -> bool:
    """Whether a rate stands alone in a clause after another, with at most its direction
    ("..., ۴۷ فیصد اضافہ", "..., up 47pc"): the growth of what the clause before gave."""
    rest = sentence[bounds[0] : figure.start] + " " + sentence[figure.end : bounds[1]]
    # ("آمدن میں": the earnings, what grew; "ماہانہ بنیاد پر": on a monthly basis, which says the rate's basis)
    words = [w for w in re.findall(r"[^\W\d_]+", _URDU_BASIS.sub(" ", rest)) if not _EARNINGS_WORD.fullmatch(w)]
    return figure.unit == "percent" and bounds[0] > 0 and len(words) <= 2


def _about_freelancers(sentence: str, bounds: tuple[int, int], subject: Subject | None) -> bool:
    """Whether money is the freelancers' own: they are named in its clause, or the clause
    refers back to them ("their earnings", "they earned"); an export board's deals are not."""
    if subject is None:  # taken from the sentence before: this one must refer back to them ("That was ...")
        return bool(_REFERS_BACK.search(sentence) or _THAT_WAS.match(sentence))
    if bounds[0] <= subject.start and subject.end <= bounds[1]:
        return True
    if subject.end <= bounds[0] and _URDU_AMOUNT_CLAUSE_BEFORE.search(sentence, max(0, bounds[0] - 12), bounds[0] + 1) and not _SUBJECT_WORD.search(sentence, bounds[0], bounds[1]):
        # "فری لانسرز کی ترسیلات فروری میں 3 کروڑ 20 لاکھ ڈالر، جنوری کے مقابلے میں 6 فیصد کمی": their
        # amount, then its change in a clause of no subject of its own
        return True
    if subject.end <= bounds[0] and _URDU_RATE_CLAUSE_BEFORE.search(sentence, max(0, bounds[0] - 30), bounds[0] + 1) and _PeriodScanner(sentence[bounds[0] : bounds[1]], None).scan():
        # "فری لانسرز کی آمدن میں 18 فیصد اضافہ، پہلی سہ ماہی میں 11 کروڑ ڈالر کمائے": the
        # headline's rate, then what they earned in the period it names ("فری لانسرز کی کمائی
        # میں اضافہ، ... پہلی ششماہی میں ترسیلات 246 ملین ڈالر": their rise, then its amount)
        return True
    clause = sentence[bounds[0] : bounds[1]]
    return bool(_REFERS_BACK.search(clause) or _COMPARES_WITH.search(sentence, max(0, bounds[0] - 20), bounds[0] + 20) or _with_a_month(sentence, bounds))


#: An Urdu clause that ends on an amount, before the clause of its change: "... 3 کروڑ 20 لاکھ ڈالر،".
_URDU_AMOUNT_CLAUSE_BEFORE = re.compile(r"(?:ڈالر|ڈالرز|روپے)\s*[،,]\s*$")
#: Any word that names a subject of its own in a clause (Urdu).
_SUBJECT_WORD = re.compile(r"(?<![^\W\d_])(?:برآمدات|ترسیلات|آمدن|آمدنی|کمائی|ایکسپورٹس?)(?![^\W\d_])")
#: An Urdu clause of a rise or fall, with its rate or without, that a headline goes on from:
#: "... میں 18 فیصد اضافہ،", "فری لانسرز کی کمائی میں اضافہ،", "... آمدن 20 فیصد بڑھ گئی،".
_URDU_RATE_CLAUSE_BEFORE = re.compile(r"(?:(?:فیصد|%)\s*|(?<![^\W\d_])میں\s+)(?:اضافہ|اضافے|کمی|گراوٹ|(?:بڑھ|گھٹ|گر|کم\s+ہو)\s+(?:گئی|گئیں|گیا|گئے))\s*[،,]?\s*$")
#: "last year" and nothing more (not "the same period last year").
#: A month that ends a span of months: "from January to September", "between January and
#: September", "January-September", "جنوری سے ستمبر".
_SPAN_TO = re.compile(
    rf"(?:\b(?:from|between)\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?\s+(?:to|and|till|until|through)|(?<![\w])(?:{_MONTH_NAMES})\s*[-–]|(?<![^\W\d_])(?:{_MONTH_NAMES})\s+سے)\s*$",
    re.IGNORECASE,
)
#: A clause that gives one month of the period before it: "..., with September bringing in a
#: record $41.2 million", "..., with $41.2 million in September": the same subject's.
_WITH_ENDS = re.compile(r"\bwith\s*$", re.IGNORECASE)
_MONTH_SOON = re.compile(
    rf"\W*(?:with\s+)?(?:the\s+month\s+of\s+)?(?<![\w])(?:{_MONTH_NAMES})(?![^\W\d_])\s+(?:alone\s+)?(?:bringing\s+in|contribut\w+|accounting\s+for|adding|at)\b"
    rf"|\W*(?:with\s+)?(?:a\s+record\s+|another\s+)?(?:US\s?\$|\$)[\d.,]+\s*(?:million|billion|mn|bn|m)?\s+(?:\w+\s+){{0,2}}?(?:in|during|for)\s+(?<![\w])(?:{_MONTH_NAMES})(?![^\W\d_])",
    re.IGNORECASE,
)


def _with_a_month(sentence: str, bounds: tuple[int, int]) -> bool:
    clause = sentence[bounds[0] : bounds[1]]
    opens_with = bool(_WITH_ENDS.search(sentence, max(0, bounds[0] - 8), bounds[0]) or re.match(r"\W*with\b", clause, re.IGNORECASE))
    return opens_with and bool(_MONTH_SOON.match(clause))


def _quote(document: str, origin: Sequence[int], start: int, end: int, figure: Figure) -> str:
    """The sentence at ``[start, end)`` of the text read (``origin`` maps its offsets to
    ``document``'s: :func:`unglued`), or a word-aligned window of it around the figure when it
    is long; as ``document`` writes it."""
    sentence = document[origin[start] : origin[end]]
    text = sentence.strip()
    if len(text) <= MAX_QUOTE:
        return text
    lead = len(sentence) - len(sentence.lstrip())
    at, to = origin[start + figure.start] - origin[start], origin[start + figure.end] - origin[start]  # the figure, in ``sentence``
    begin = max(0, at - lead - MAX_QUOTE // 2)
    stop = min(len(text), begin + MAX_QUOTE)
    if begin > 0:
        begin = text.find(" ", begin) + 1 or begin
    if stop < len(text):
        stop = text.rfind(" ", begin, stop) if text.rfind(" ", begin, stop) > to - lead else stop
    return text[begin:stop].strip()


#: Urdu letters (the Arabic block's letters, Urdu's own among them), not its punctuation.
_URDU_LETTERS = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
#: Where Urdu copy runs a word and a number together: "مالی سال2023ءمیں", "میں47.5 فیصد",
#: "ڈالر348 ملین", "26کروڑ 90 لاکھ". (The year's ء stays with its year: "2023ء".)
_GLUED = re.compile(rf"(?<=[{_URDU_LETTERS}])(?<!\dء)(?=\d)|(?<=\d)(?=[{_URDU_LETTERS}])(?!ء)|(?<=\dء)(?=[{_URDU_LETTERS}])")
#: Urdu words written otherwise in untidy copy, as the rules read them: the English "percent"
#: transliterated (پرسنٹ) and زیادہ (more) misspelt with ذ.
_RESPELT = {"پرسنٹ": "فیصد", "ذیادہ": "زیادہ"}
_RESPELLING = re.compile(rf"(?<![{_URDU_LETTERS}])(?:{'|'.join(_RESPELT)})(?![{_URDU_LETTERS}])")
#: A word hyphenated at a line's end, as typeset copy and PDFs break it: "mil-\nlion",
#: "Septem-\nber", "per-\ncent" read whole; a compound broken at its own hyphen
#: ("year-\non-year", the next part hyphenated too) keeps it.
_LINE_HYPHEN = re.compile(r"(?<=[a-z])-\n(?=[a-z]+(?P<compound>-)?)")
#: A footnote's mark stuck to the word it annotates, as typeset reports print it: "ICT exports¹
#: reached", "freelancers³ in Pakistan"; the word is read without it.
#: The mark Urdu writes after a year ("2024ء"), read as the year alone ("کیلنڈر سال 2024ء کے دوران").
_YEAR_MARK = re.compile(r"(?<=(?<!\d)(?:19|20)\d\d)ء")
_FOOTNOTE_MARK = re.compile(rf"(?<=[A-Za-z{_URDU_LETTERS}])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
#: The marks Urdu writes now and then that no rule spells with: the shadd ("اسّی", 80), the jazm,
#: the small alef, the doubled zer and pesh and the stretching tatweel; a word is read without
#: them. (Zabar, zer, pesh and "ً" stay: rules spell some words with them, "تقریباً".)
_SPARE_MARK = re.compile("[\u064c\u064d\u0651\u0652\u0670\u0640]+")


def unglued(text: str, keep: int | None = None) -> tuple[str, Sequence[int]]:
    """``text`` as the rules read it: with a space where an Urdu word and a number run together,
    as a writer would have put one ("سال 2023ء میں", "میں 47.5"), a year without its mark ("2024ء"), Urdu words written
    otherwise in their usual spelling (:data:`_RESPELT`), a word hyphenated at a line's end
    whole (:data:`_LINE_HYPHEN`), a word without its footnote's mark (:data:`_FOOTNOTE_MARK`)
    and without the marks no rule spells with (:data:`_SPARE_MARK`);
    and for each offset of the result
    (and its end) the offset in ``text`` it came from: an added space maps to the character
    after it, a word respelt to its letters in turn (and the last of them for the rest). The
    character at ``keep`` (the line break after a title) is never joined away."""
    edits = sorted(
        [(m.start(), m.start(), " ") for m in _GLUED.finditer(text)]
        + [(m.start(), m.end(), _RESPELT[m[0]]) for m in _RESPELLING.finditer(text)]
        + [(m.start(), m.end(), "-" if m["compound"] else "") for m in _LINE_HYPHEN.finditer(text) if keep is None or not m.start() <= keep < m.end()]
        + [(m.start(), m.end(), "") for m in _FOOTNOTE_MARK.finditer(text)]
        + [(m.start(), m.end(), "") for m in _YEAR_MARK.finditer(text)]
        + [(m.start(), m.end(), "") for m in _SPARE_MARK.finditer(text)]
    )
    if not edits:
        return text, range(len(text) + 1)
    parts, origin, last = [], [], 0
    for begin, stop, new in edits:
        parts += [text[last:begin], new]
        origin += [*range(last, begin), *(min(begin + i, max(begin, stop - 1)) for i in range(len(new)))]
        last = stop
    parts.append(text[last:])
    origin += range(last, len(text) + 1)
    return "".join(parts), origin


def _bounds(fact: Fact) -> tuple[float, float]:
    """The plausible range of a fact's series and unit (everything when none is set). Months so
    far hold no more than that many months at the monthly ceiling: "$7.47bn in July-October" is
    workers' remittances or total exports, never IT exports."""
    low, high = PLAUSIBLE.get((fact.series, fact.unit), (0, float("inf")))
    if fact.series == "it_exports_cumulative" and fact.unit == "USD_million" and (months := span_months(fact.period)):
        high = min(high, months * PLAUSIBLE[("it_exports_monthly", "USD_million")][1])
    return low, high


def _plausible(fact: Fact) -> bool:
    """Whether a fact's unit fits its series and its value the series' range (for months so far,
    no more than those months at the monthly ceiling); log if not."""
    if fact.series == "other":
        return True
    bounds = PLAUSIBLE.get((fact.series, fact.unit))
    if bounds is None or not bounds[0] <= fact.value <= _bounds(fact)[1]:
        log.info("implausible %s %s %s (period %r) rejected: %s", fact.series, fact.value, fact.unit, fact.period, fact.quote)
        return False
    return True


def _not_begun(fact: Fact, day: date | None) -> bool:
    """Whether a named fact's period is of a fiscal year after the next one at the article's
    date: no figure of it can have been recorded (a target is ``other``), so a year read there
    is a misreading ("گزشتہ مالی سال 48 کروڑ ڈالر" is no FY48); log if so."""
    end = fiscal_end(fact.period) if fact.series != "other" else None
    if end is None or day is None or end <= _fy_of(day) + 1:
        return False
    log.info("%s %s %s of %s, a year not begun, rejected: %s", fact.series, fact.value, fact.unit, fact.period, fact.quote)
    return True


def _basis_from_levels(facts: list[Fact]) -> list[Fact]:
    """A rate whose words say no basis ("8 فیصد اضافے سے 21 کروڑ 70 لاکھ ڈالر", "up 22pc") takes
    the one the article's own figures show, as a reader checks it: the growth from the same
    period a year before to its level (year-on-year), or from the month before (month-on-month),
    to the rate's last digit. Left unknown when the figures show neither, or both."""
    levels: dict[tuple[str, str], list[tuple[str, float]]] = {}  # (series, period): (unit, value) of each level
    for fact in facts:
        if fact.unit != "percent" and fact.period and fact.series != "other":
            levels.setdefault((fact.series, fact.period), []).append((fact.unit, fact.value))
    out = []
    for fact in facts:
        if fact.unit == "percent" and fact.basis == "unknown" and fact.period and fact.series != "other":
            shown = {basis for basis, before in (("yoy", shift_period(fact.period, 1)), ("mom", shift_months(fact.period, 1) if _MONTH.fullmatch(fact.period) else "")) if before and _grew_by(levels, fact, before)}
            if len(shown) == 1:
                fact = replace(fact, basis=shown.pop())
        out.append(fact)
    return out


def _grew_by(levels: dict[tuple[str, str], list[tuple[str, float]]], rate: Fact, before: str) -> bool:
    """Whether some level of ``rate``'s series and period grew by it from one of ``before`` in its unit."""
    tolerance = 0.55 * 10 ** -len(f"{rate.value:g}".partition(".")[2])
    bases = levels.get((rate.series, before), ())
    return any(
        unit == base_unit and base > 0 and abs((value / base - 1) * 100 - rate.value) <= tolerance
        for unit, value in levels.get((rate.series, rate.period), ())
        for base_unit, base in bases
    )


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per figure: the first report of it (a headline's, usually), with the basis a
    later sentence gives when the first did not ("rise 24pc", then "24 percent year-on-year")."""
    out: list[Fact] = []
    for fact in facts:
        same = next((i for i, kept in enumerate(out) if same_fact(fact, kept)), None)
        if same is None:
            out.append(fact)
        elif out[same].basis == "unknown" and fact.basis not in ("", "unknown"):
            out[same] = replace(out[same], basis=fact.basis)
    return out
