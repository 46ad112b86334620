"""Figures about the watched subjects, as dated facts.

:func:`extract_facts` reads an article sentence by sentence and turns each figure that is
about a watched subject into a :class:`~monitor.models.Fact`:

* **Figures.** Money (``$354m``, ``$348Mn``, ``$1.3bln``, ``US$ 2.616 billion``,
  ``$1,941.350 million``, ``Rs30 billion``, ``700 million USD``, Urdu ``38 کروڑ 60 لاکھ ڈالر``),
  percentages (``24pc``, ``23.7 per cent``, ``24%``, ``24 فیصد``), counts (``2.37 million
  freelancers``, ``23 lac``) and ranks (``ranks 4th``, ``fourth-largest``, ``top five``).
  Money becomes ``USD_million`` or ``PKR_million``; Urdu digits are read as digits.
* **Subjects.** Each figure belongs to the nearest subject named before it in its clause
  (clauses end at ", while", ", and", ";" ...), else to one named just after it, else to the
  nearest before it in the sentence: IT/ICT exports, freelancers, VPNs, parts of ICT exports
  (computer or telecom services, kept as ``other``), or a subject the monitor does not track
  (total exports, workers' remittances, imports, GDP...), named only so that its figures are
  not taken for ours. A sentence that names no subject but refers back (``they``, ``the
  sector``, ``exports``) inherits the subject and period of the sentence before it.
* **Periods.** ``2025-07`` (a month; a month without a year is the latest such month on or
  before the article's date), ``2024`` (a calendar year), ``FY2024-25`` (July to June),
  ``FY2024-25:Jul-Mar`` (months so far: ``9MFY25``, ``Jul-Mar``, ``first nine months``),
  ``FY2025-26:Q1`` and ``FY2025-26:H1`` (also for ``Jul-Sep`` and ``Jul-Dec``); or ``""``
  when the text gives none. A figure takes the period of its clause, else one that frames
  the sentence. Bases of comparisons (``compared to FY23``, ``from $345m in March``,
  ``same period last year``) date only the comparison figure, never the headline one; a
  growth rate without a period takes that of the sentence before, if about the same subject.
* **Series.** ``it_exports_monthly`` / ``_cumulative`` / ``_annual`` by the kind of period,
  ``freelancer_earnings``, ``freelancer_count``, ``vpn_registrations``, ``ranking`` (a rank
  in a clause about freelancing, IT or an index, and not another country's). Percentages on
  a series are growth rates (declines negative); shares are not. Targets, projections,
  changes ("up by $20m"), averages, allocations, taxes, losses, programme claims, memberships
  and counts of something else ("4.6 million students") about a watched subject go to
  ``other``; counts under 1,000 in ``other`` are dropped.
* **Plausibility.** Each series accepts one unit and a range of values
  (:data:`PLAUSIBLE`); a figure outside it (say "$1.46 million" of monthly exports, where
  billion was meant) is logged on ``monitor.facts`` at INFO with its quote and dropped.

:func:`same_fact` and :func:`is_revision` tell the store whether two facts are the same
figure from different outlets, or a revision of an earlier one.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Iterator

from .models import Fact

log = logging.getLogger("monitor.facts")

SERIES = (
    "it_exports_monthly",
    "it_exports_cumulative",
    "it_exports_annual",
    "freelancer_earnings",
    "freelancer_count",
    "vpn_registrations",
    "ranking",
    "other",
)
UNITS = ("USD_million", "PKR_million", "count", "rank", "percent")

#: Accepted (series, unit) pairs and their plausible value ranges, inclusive.
PLAUSIBLE: dict[tuple[str, str], tuple[float, float]] = {
    ("it_exports_monthly", "USD_million"): (150, 600),
    ("it_exports_monthly", "percent"): (-60, 150),
    ("it_exports_cumulative", "USD_million"): (300, 6_000),
    ("it_exports_cumulative", "percent"): (-60, 150),
    ("it_exports_annual", "USD_million"): (800, 8_000),
    ("it_exports_annual", "percent"): (-60, 150),
    ("freelancer_earnings", "USD_million"): (5, 5_000),
    ("freelancer_earnings", "PKR_million"): (1_000, 1_500_000),
    ("freelancer_earnings", "percent"): (-80, 300),
    ("freelancer_count", "count"): (100_000, 10_000_000),
    ("vpn_registrations", "count"): (10, 5_000_000),
    ("ranking", "rank"): (1, 200),
}

SAME_TOLERANCE = 0.01  # same figure: values within 1%
REVISION_TOLERANCE = 0.03  # revision: more than 1% and at most 3% apart
MAX_QUOTE = 300  # characters

# --------------------------------------------------------------------------- text


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬", "01234567890123456789.,")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|No|Nos|Rs|Co|Ltd|Inc|Gen|Lt|Col|Maj|Capt|Engr|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.$")
_SENTENCE_END = re.compile(r"[.!?؟۔;]+[\"'”’)\]]*\s+")


def normalise_digits(text: str) -> str:
    """Urdu and Arabic-Indic digits and separators as ASCII, one character for one."""
    return text.translate(_DIGITS)


def split_sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """``(paragraph, start, end)`` of each sentence; paragraphs are lines, counted from 0."""
    offset = 0
    for number, line in enumerate(text.split("\n")):
        start = 0
        for m in _SENTENCE_END.finditer(line):
            if _ABBREVIATIONS.search(line[start : m.start() + 1]):
                continue
            if line[start : m.end()].strip():
                yield number, offset + start, offset + m.end()
            start = m.end()
        if line[start:].strip():
            yield number, offset + start, offset + len(line)
        offset += len(line) + 1


# --------------------------------------------------------------------------- figures

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {
    "trillion": 1e12, "tr": 1e12, "tln": 1e12,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "crore": 1e7, "cr": 1e7,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
    "thousand": 1e3, "k": 1e3,
    "ارب": 1e9, "کھرب": 1e11, "کروڑ": 1e7, "لاکھ": 1e5, "ہزار": 1e3, "ملین": 1e6, "بلین": 1e9,
}
_EN_SCALE = r"(?:trillion|tln|tr|billion|bln|bn|b|million|mln|mn|m|crore|cr|lakhs|lakh|lacs|lac|thousand|k)(?![a-z])"
_UR_SCALE = r"(?:ارب|کھرب|کروڑ|لاکھ|ہزار|ملین|بلین)"
_USD = r"US\s?\$|USD|\$"
_PKR = r"Rs\.?|PKR"

_MONEY_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?P<cur>{_USD}|{_PKR})\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_EN_SCALE}))?(?P<range>\s?[-–]\s?\d)?",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(
    rf"(?<![\w.$])(?P<num>{_NUM})\s?(?P<scale>{_EN_SCALE})?\s?(?P<cur>US\s+dollars?|dollars?|USD|rupees|PKR)\b",
    re.IGNORECASE,
)
_MONEY_URDU = re.compile(
    rf"(?P<parts>(?:(?:{_NUM})\s?{_UR_SCALE}\s?)+)(?P<cur>ڈالر|روپے|روپیہ|روپوں)"
)
_URDU_PART = re.compile(rf"(?P<num>{_NUM})\s?(?P<scale>{_UR_SCALE})")
_PERCENT = re.compile(rf"(?<![\w.])(?P<num>{_NUM})\s?(?:%|pc\b|pct\b|per\s?cent\b|percent\b|فیصد)", re.IGNORECASE)
_COUNT = re.compile(
    rf"(?<![\w.$,])(?P<num>{_NUM})(?:\s?(?P<scale>million|mln|mn|m|lakhs|lakh|lacs|lac|crore|thousand|k)(?![a-z])|\s?(?P<uscale>{_UR_SCALE}))?",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "پہلے": 1, "پہلا": 1, "دوسرے": 2, "دوسرا": 2, "تیسرے": 3, "تیسرا": 3, "چوتھے": 4, "چوتھا": 4,
    "پانچویں": 5, "چھٹے": 6, "ساتویں": 7, "آٹھویں": 8, "نویں": 9, "دسویں": 10,
}
_CARDINAL_WORDS = {"three": 3, "five": 5, "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100}
_ORD = r"(?P<ord>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_RANK_PATTERNS = (
    re.compile(
        rf"\brank(?:s|ed)?\s+(?:Pakistan\s+|the\s+country\s+|it\s+)?(?:at\s+)?(?:the\s+)?(?:No\.?\s?|number\s+)?(?:{_ORD}|(?P<num>\d{{1,3}})\b)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b{_ORD}[\s-](?:largest|biggest|fastest[\s-]growing|most\s+popular|highest|leading|top|ranked|position|place|spot)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\btop[\s-](?P<num>\d{1,3}|three|five|ten|twenty|fifty|hundred)\b(?!\s*(?:%|per|pc))", re.IGNORECASE),
    re.compile(r"(?P<ord>پہلے|پہلا|دوسرے|دوسرا|تیسرے|تیسرا|چوتھے|چوتھا|پانچویں|چھٹے|ساتویں|آٹھویں|نویں|دسویں|\d{1,3}ویں|\d{1,3})\s?نمبر"),
)


@dataclass(frozen=True)
class Figure:
    """A number found in a sentence, with its unit and place (offsets in the sentence)."""

    value: float
    unit: str  # USD_million, PKR_million, percent, count, rank
    start: int
    end: int
    noun: str = ""  # the word right after a count ("freelancers", "students")


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _money(sentence: str) -> list[Figure]:
    found: list[Figure] = []
    for m in _MONEY_BEFORE.finditer(sentence):
        if m.group("range"):
            continue
        found.append(_money_figure(m.group("cur"), m.group("num"), m.group("scale"), m.start(), m.end()))
    for m in _MONEY_AFTER.finditer(sentence):
        found.append(_money_figure(m.group("cur"), m.group("num"), m.group("scale"), m.start(), m.end()))
    for m in _MONEY_URDU.finditer(sentence):
        total = sum(_number(p.group("num")) * _SCALES[p.group("scale")] for p in _URDU_PART.finditer(m.group("parts")))
        unit = "USD_million" if m.group("cur") == "ڈالر" else "PKR_million"
        found.append(Figure(total / 1e6, unit, m.start(), m.end()))
    return found


def _money_figure(currency: str, number: str, scale: str | None, start: int, end: int) -> Figure:
    usd = currency.upper().startswith(("US", "$", "DOLLAR")) or "$" in currency
    multiplier = _SCALES[scale.lower()] if scale else 1.0
    return Figure(_number(number) * multiplier / 1e6, "USD_million" if usd else "PKR_million", start, end)


def _percents(sentence: str) -> list[Figure]:
    return [Figure(_number(m.group("num")), "percent", m.start(), m.end()) for m in _PERCENT.finditer(sentence)]


def _counts(sentence: str, taken: list[Figure]) -> list[Figure]:
    found = []
    for m in _COUNT.finditer(sentence):
        if any(f.start <= m.start() < f.end for f in taken):
            continue
        scale = m.group("scale") or m.group("uscale")
        number = m.group("num")
        if not scale and _looks_like_year_or_date(sentence, m.start(), m.end(), number):
            continue
        value = _number(number) * (_SCALES[scale.lower()] if scale else 1.0)
        noun = re.match(r"\s*(?:more\s+|registered\s+|active\s+|young\s+)?([^\W\d]+)", sentence[m.end() :])
        found.append(Figure(value, "count", m.start(), m.end(), noun.group(1).lower() if noun else ""))
    return found


def _looks_like_year_or_date(sentence: str, start: int, end: int, number: str) -> bool:
    if re.fullmatch(r"(?:19|20)\d\d", number):
        return True
    around = sentence[max(0, start - 12) : end + 12]
    return bool(re.search(rf"{_MONTH_NAMES}", around, re.IGNORECASE)) and len(number) <= 2


def _ranks(sentence: str) -> list[Figure]:
    found = []
    for pattern in _RANK_PATTERNS:
        for m in pattern.finditer(sentence):
            token = (m.groupdict().get("ord") or m.groupdict().get("num") or "").lower()
            digits = re.match(r"\d+", token)
            value = int(digits.group()) if digits else _ORDINAL_WORDS.get(token) or _CARDINAL_WORDS.get(token)
            if value and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Figure(float(value), "rank", m.start(), m.end()))
    return found


def find_figures(sentence: str) -> list[Figure]:
    """Every money amount, percentage, count and rank in ``sentence`` (digits normalised)."""
    money = _dedupe_overlaps(_money(sentence))
    percents = _percents(sentence)
    ranks = _ranks(sentence)
    counts = _counts(sentence, money + percents + ranks)
    return sorted(money + percents + ranks + counts, key=lambda f: f.start)


def _dedupe_overlaps(figures: list[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    for f in sorted(figures, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(k.start <= f.start < k.end for k in kept):
            kept.append(f)
    return kept


# --------------------------------------------------------------------------- periods

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    "جنوری": 1, "فروری": 2, "مارچ": 3, "اپریل": 4, "مئی": 5, "جون": 6,
    "جولائی": 7, "اگست": 8, "ستمبر": 9, "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
}
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# English month names are capitalised ("mar" and "may" are also verbs).
_MONTH_NAMES = (
    r"(?:(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)|جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر)"
)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_FY_WORDS = r"(?:fiscal|financial)\s+year|FY|مالی\s+سال"
_FY_EXPLICIT = re.compile(
    r"(?:\bFY\s?'?(?P<a1>\d{4})\s?[-–/]\s?(?P<b1>\d{2,4})\b"
    r"|\b(?:fiscal|financial)\s+year\s+(?:of\s+)?(?P<a2>\d{4})\s?[-–/]\s?(?P<b2>\d{2,4})\b"
    r"|(?<![\d/-])(?P<a3>(?:19|20)\d\d)\s?[-–/]\s?(?P<b3>\d\d|(?:19|20)\d\d)(?![\d/-])"
    r"|\bFY\s?'?(?P<e1>\d{4}|\d{2})\b"
    r"|\b(?:fiscal|financial)\s+year\s+(?P<e2>(?:19|20)\d\d)\b)",
    re.IGNORECASE,
)
_FY_RELATIVE = re.compile(
    rf"\b(?P<rel>current|this|ongoing|present|outgoing|running|last|previous|past|preceding|next|upcoming|coming)\s+(?:{_FY_WORDS})\b"
    r"|(?P<urel>رواں|گزشتہ|پچھلے|آئندہ)\s+مالی\s+سال",
    re.IGNORECASE,
)
_MONTHS_SO_FAR = re.compile(r"\b(?P<n>\d{1,2})\s?M\s?FY\s?'?(?P<y>\d{4}|\d{2})\b", re.IGNORECASE)
_HALF_FY = re.compile(r"\b(?:(?P<n1>[12])\s?H|H(?P<n2>[12]))\s?FY\s?'?(?P<y>\d{4}|\d{2})\b", re.IGNORECASE)
_QUARTER_FY = re.compile(r"\b(?:(?P<n1>[1-4])\s?Q|Q(?P<n2>[1-4]))\s?FY\s?'?(?P<y>\d{4}|\d{2})\b", re.IGNORECASE)
_MONTH_SPAN = re.compile(
    rf"(?<![\w])(?P<m1>{_MONTH_NAMES})\.?(?:\s?,?\s?(?P<year1>(?:19|20)\d\d))?\s?(?:[-–]|to|till|through|until|تا|سے)\s?"
    rf"(?P<m2>{_MONTH_NAMES})(?![\w])\.?(?:\s?,?\s?(?P<year>(?:19|20)\d\d)(?![\d-]))?",
    re.IGNORECASE,
)
_FIRST_MONTHS = re.compile(
    r"\b(?:the\s+)?(?:first\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]months?\b"
    r"|(?:پہلے\s+)?(?P<un>\d{1,2})\s+(?:ماہ|مہینوں|مہینے)",
    re.IGNORECASE,
)
_QUARTER_WORDS = re.compile(
    r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b|\bQ(?P<qn>[1-4])\b"
    r"|\b(?P<h>first|second|1st|2nd)\s+half\b|\bH(?P<hn>[12])\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(
    rf"(?<![\w])(?P<month>{_MONTH_NAMES})(?![\w])\.?(?:\s?,?\s?'?(?P<year>(?:19|20)\d\d|\d\d(?![\d,]))(?![\d-]))?",
    re.IGNORECASE,
)
_URDU_LAST_YEAR = re.compile(r"(?:گزشتہ|پچھلے)\s+سال\s+$")
_URDU_SAME_PERIOD = re.compile(r"(?:گزشتہ|پچھلے)\s+(?:مالی\s+)?سال\s+(?:کے|کی)\s+(?:اسی|اس)\s+(?:عرصے|عرصہ|مدت|ماہ|مہینے)")
_LAST_YEAR = re.compile(r"\s*(?:of\s+)?(?:last|the\s+previous|previous)\s+year\b|\s*a\s+year\s+(?:ago|earlier)\b", re.IGNORECASE)
_RELATIVE_MONTH = re.compile(r"\b(?P<rel>last|previous|this|current)\s+month\b|(?P<urel>گزشتہ|پچھلے|رواں)\s+(?:ماہ|مہینے)", re.IGNORECASE)
_CALENDAR_YEAR = re.compile(
    r"(?:\b(?:in|during|for|of|calendar\s+year|CY)\s+(?:the\s+)?(?:year\s+)?(?:of\s+)?|\bCY\s?'?)(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)"
    r"|(?P<uyear>(?:19|20)\d\d)\s?(?:میں|کے\s+دوران)",
    re.IGNORECASE,
)
_TARGET_YEAR = re.compile(
    r"\b(?:by|till|until|to|through|vision)\s+(?:the\s+end\s+of\s+)?(?:(?P<year>(?:19|20)\d\d)|FY\s?'?\d\d(?:\d\d)?)\b", re.IGNORECASE
)
_RELATIVE_COMPARISON = re.compile(
    r"\b(?:same|corresponding|comparable)\s+(?:period|month|quarter|months|time)\s+(?:of\s+)?(?:the\s+)?(?:last|previous|preceding|a)\s+(?:fiscal\s+|financial\s+)?year\b"
    r"|\b(?:same|corresponding)\s+(?:period|month|quarter)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b"
    r"|\bSPLY\b|\b(?:last|previous)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|(?:گزشتہ|پچھلے)\s+سال(?!\s*مالی)",
    re.IGNORECASE,
)
_BACK_REFERENCE = re.compile(
    r"\b(?:during|in|for|over)\s+the\s+(?:same\s+)?(?:\d{1,2}[\s-]month\s+)?(?:month|period|quarter)(?:\s+under\s+review)?\b(?!\s+(?:of|last|a\s+year))"
    r"|\bthe\s+(?:month|period)\s+under\s+review\b",
    re.IGNORECASE,
)
_COMPARISON_CUE = re.compile(
    r"(?:\b(?:compared\s+(?:to|with)|as\s+against|against|from|versus|vs\.?|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!greater\s)than"
    r"|in\s+comparison\s+(?:to|with)|relative\s+to)|مقابلے\s+میں|کے\s+مقابلے)\s*(?:in\s+|during\s+)?(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
_URDU_COMPARISON_AFTER = re.compile(r"\s*(?:کے|کی)?\s*(?:مقابلے|موازنے)")
_BASE_CUE = re.compile(r"\bover\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A period named in a sentence; ``shift`` marks "same period last year" (resolve later)."""

    value: str
    start: int
    end: int
    comparison: bool = False  # the base of a comparison
    target: bool = False  # "by 2029": a target date, not a reporting period
    shift: int = 0  # years back from the sentence's main period
    back: bool = False  # "during the month under review": the previous sentence's period


def _published_date(published: str | None) -> date | None:
    if not published:
        return None
    text = published.strip()
    try:
        return datetime.fromisoformat(text[:10]).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError):
        return None


def _fy_end(text: str) -> int:
    """The calendar year a fiscal year ends in, from ``25``, ``2025`` or ``2024-25``'s end."""
    year = int(text)
    return 2000 + year if year < 100 else year


def fiscal_year(end_year: int) -> str:
    """``FY2024-25`` for the fiscal year ending in June ``end_year`` (2025)."""
    return f"FY{end_year - 1}-{end_year % 100:02d}"


def _fy_of(day: date) -> int:
    return day.year + 1 if day.month >= 7 else day.year


def _fiscal_month(month: int) -> int:
    """July is month 1 of the fiscal year, June month 12."""
    return (month - 7) % 12 + 1


def _latest_fy_ending_by(end_fiscal_month: int, published: date | None) -> int | None:
    """The latest fiscal year whose months 1..``end_fiscal_month`` are over by ``published``."""
    if published is None:
        return None
    end_year = _fy_of(published)
    calendar_month = (end_fiscal_month + 5) % 12 + 1
    calendar_year = end_year - 1 if end_fiscal_month <= 6 else end_year
    if (calendar_year, calendar_month) > (published.year, published.month):
        end_year -= 1
    return end_year


def _span_label(first: int, last: int) -> str:
    """``Jul-Mar``, or ``Q1``..``Q4``/``H1``/``H2`` when the span is exactly one of those."""
    named = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2"}
    if first == 1 and last not in (3, 6):
        return f"Jul-{_MONTH_ABBR[(last + 5) % 12 + 1]}"
    if (first, last) in named:
        return named[(first, last)]
    return f"{_MONTH_ABBR[(first + 5) % 12 + 1]}-{_MONTH_ABBR[(last + 5) % 12 + 1]}"


def _within_fy(end_year: int | None, first: int, last: int) -> str:
    """A span of fiscal months (1 = July) in the fiscal year ending ``end_year``."""
    if end_year is None:
        return ""
    if first == 1 and last == 12:
        return fiscal_year(end_year)
    if first == last:
        month = (first + 5) % 12 + 1
        return f"{end_year - 1 if month >= 7 else end_year}-{month:02d}"
    return f"{fiscal_year(end_year)}:{_span_label(first, last)}"


class _PeriodScanner:
    """Finds the periods of one sentence, most specific forms first."""

    def __init__(self, sentence: str, published: date | None):
        self.s = sentence
        self.published = published
        self.taken: list[tuple[int, int]] = []
        self.found: list[Period] = []

    def free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.taken)

    def add(self, value: str, start: int, end: int, **kw) -> None:
        self.taken.append((start, end))
        self.found.append(Period(value, start, end, **kw))

    def fiscal_years(self) -> list[tuple[int, int, int]]:
        """``(start, end, end_year)`` of every explicit or relative fiscal-year mention."""
        out = []
        for m in _FY_EXPLICIT.finditer(self.s):
            a, b = m.group("a1") or m.group("a2") or m.group("a3"), m.group("b1") or m.group("b2") or m.group("b3")
            if a:
                end = int(b) if len(b) == 4 else int(a[:2] + b)
                if end != int(a) + 1:
                    continue
                out.append((m.start(), m.end(), end))
            else:
                out.append((m.start(), m.end(), _fy_end(m.group("e1") or m.group("e2"))))
        for m in _FY_RELATIVE.finditer(self.s):
            if self.published is None:
                continue
            word = (m.group("rel") or m.group("urel")).lower()
            current = _fy_of(self.published)
            shift = {"last": -1, "previous": -1, "past": -1, "preceding": -1, "گزشتہ": -1, "پچھلے": -1,
                     "next": 1, "upcoming": 1, "coming": 1, "آئندہ": 1}.get(word, 0)
            if word == "outgoing" and self.published.month >= 7:
                shift = -1  # in July and after, the year that just ended
            out.append((m.start(), m.end(), current + shift))
        return sorted(out)

    def nearby_fy(self, fys: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int, int] | None:
        """A fiscal year mentioned just after (or just before) a span such as "first half"."""
        after = [f for f in fys if 0 <= f[0] - end <= 45 and self.free(f[0], f[1])]
        before = [f for f in fys if 0 <= start - f[1] <= 25 and self.free(f[0], f[1])]
        return (after or before or [None])[0]

    def scan(self) -> list[Period]:
        s = self.s
        for m in _URDU_SAME_PERIOD.finditer(s):
            self.add("", m.start(), m.end(), comparison=True, shift=1)  # "the same period of last (fiscal) year"
        fys = [f for f in self.fiscal_years() if self.free(f[0], f[1])]
        for pattern, kind in ((_MONTHS_SO_FAR, "months"), (_HALF_FY, "half"), (_QUARTER_FY, "quarter")):
            for m in pattern.finditer(s):
                n = int(m.group("n") if kind == "months" else (m.group("n1") or m.group("n2")))
                first, last = _span_bounds(kind, n)
                if last <= 12:
                    self.add(_within_fy(_fy_end(m.group("y")), first, last), m.start(), m.end())
        self._month_spans(fys)
        self._spans_with_fy(fys)
        for start, end, end_year in fys:
            if self.free(start, end):
                self.add(fiscal_year(end_year), start, end)
        self._months()
        self._years()
        return sorted(self.found, key=lambda p: p.start)

    def _month_spans(self, fys: list[tuple[int, int, int]]) -> None:
        for m in _MONTH_SPAN.finditer(self.s):
            first, last = (_fiscal_month(_month_number(m.group(g))) for g in ("m1", "m2"))
            if not self.free(m.start(), m.end()) or last < first:
                continue
            end = m.end()
            if m.group("year"):
                month = _month_number(m.group("m2"))
                end_year = int(m.group("year")) + (1 if month >= 7 else 0)
                if m.group("year1") and _fy_of(date(int(m.group("year1")), _month_number(m.group("m1")), 1)) != end_year:
                    continue  # "July 2023 to March 2025" is no span of one fiscal year
            elif m.group("year1"):
                month = _month_number(m.group("m1"))
                end_year = int(m.group("year1")) + (1 if month >= 7 else 0)
            elif fy := self.nearby_fy(fys, m.start(), m.end()):
                end_year, end = fy[2], max(end, fy[1])
                self.taken.append((fy[0], fy[1]))
            else:
                end_year = _latest_fy_ending_by(last, self.published)
            self.add(_within_fy(end_year, first, last), m.start(), end)

    def _spans_with_fy(self, fys: list[tuple[int, int, int]]) -> None:
        for m in list(_FIRST_MONTHS.finditer(self.s)) + list(_QUARTER_WORDS.finditer(self.s)):
            if not self.free(m.start(), m.end()):
                continue
            first, last = _named_span(m)
            fy = self.nearby_fy(fys, m.start(), m.end())
            if fy is None and not re.search(r"fiscal|financial|FY|مالی", self.s, re.IGNORECASE):
                continue
            if fy is not None:
                self.taken.append((fy[0], fy[1]))
            end_year = fy[2] if fy else _latest_fy_ending_by(last, self.published)
            self.add(_within_fy(end_year, first, last), m.start(), max(m.end(), fy[1] if fy else 0))

    def _months(self) -> None:
        for m in _MONTH_YEAR.finditer(self.s):
            if not self.free(m.start(), m.end()) or _is_calendar_date(self.s, m):
                continue
            month = _month_number(m.group("month"))
            if m.group("month") == "May" and not m.group("year") and not _month_context(self.s, m.start()):
                continue
            start, end = m.start(), m.end()
            if m.group("year"):
                year = int(m.group("year"))
                year = 2000 + year if year < 100 else year
            elif self.published is not None:
                year = self.published.year if month <= self.published.month else self.published.year - 1
                if last_year := _LAST_YEAR.match(self.s, end):
                    year, end = year - 1, last_year.end()
                elif urdu := _URDU_LAST_YEAR.search(self.s, 0, m.start()):
                    year, start = year - 1, urdu.start()  # "گزشتہ سال فروری": February of last year
            else:
                self.add("", m.start(), end)
                continue
            self.add(f"{year}-{month:02d}", start, end)
        for m in _RELATIVE_MONTH.finditer(self.s):
            if self.published is None or not self.free(m.start(), m.end()):
                continue
            back = 0 if (m.group("rel") or m.group("urel")).lower() in ("this", "current", "رواں") else 1
            year, month = divmod(self.published.year * 12 + self.published.month - 1 - back, 12)
            self.add(f"{year}-{month + 1:02d}", m.start(), m.end())

    def _years(self) -> None:
        for m in _TARGET_YEAR.finditer(self.s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), target=True)
        for m in _CALENDAR_YEAR.finditer(self.s):
            if self.free(m.start(), m.end()):
                self.add(m.group("year") or m.group("uyear"), m.start(), m.end())
        for m in _RELATIVE_COMPARISON.finditer(self.s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), comparison=True, shift=1)
        for m in _BACK_REFERENCE.finditer(self.s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), back=True)


def _span_bounds(kind: str, n: int) -> tuple[int, int]:
    if kind == "months":
        return 1, n
    if kind == "half":
        return (1, 6) if n == 1 else (7, 12)
    return 3 * n - 2, 3 * n


def _named_span(m: re.Match) -> tuple[int, int]:
    ordinal = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
    groups = m.groupdict()
    if groups.get("n") or groups.get("un"):
        n = groups.get("n") or groups["un"]
        months = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
        return 1, min(months, 12)
    if m.group("q") or m.group("qn"):
        q = int(m.group("qn")) if m.group("qn") else ordinal[m.group("q").lower()]
        return _span_bounds("quarter", q)
    h = int(m.group("hn")) if m.group("hn") else ordinal[m.group("h").lower()]
    return _span_bounds("half", h)


def _month_number(name: str) -> int:
    return _MONTHS.get(name.lower()[:3], 0) or _MONTHS[name]


def _is_calendar_date(sentence: str, m: re.Match) -> bool:
    """``May 31``, ``31st May``, ``29 & 30th April``: a day, not a reporting month."""
    after = sentence[m.end() : m.end() + 6]
    before = sentence[max(0, m.start() - 8) : m.start()]
    return bool(re.match(r"\s?\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", after) and not m.group("year")) or bool(
        re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s?(?:of\s+)?$", before)
    )


def _month_context(sentence: str, start: int) -> bool:
    """Whether "May" is the month: preceded by in/during/for/of/since/till or a figure."""
    return bool(re.search(r"(?:\b(?:in|during|for|of|since|till|until|through|month\s+of)|\d[%\w]*)\s+$", sentence[max(0, start - 20) : start], re.IGNORECASE))


def find_periods(sentence: str, published: str | date | None = None) -> list[Period]:
    """Every period named in ``sentence``, resolved against the article's date."""
    day = published if isinstance(published, date) else _published_date(published)
    return _PeriodScanner(normalise_digits(sentence), day).scan()


def shift_period(period: str, years: int) -> str:
    """``period`` moved ``years`` back: ``2025-07`` -> ``2024-07``, ``FY2024-25:H1`` -> ``FY2023-24:H1``."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", period):
        return f"{int(m.group(1)) - years}-{m.group(2)}"
    if m := re.fullmatch(r"(\d{4})", period):
        return str(int(m.group(1)) - years)
    if m := re.fullmatch(r"FY(\d{4})-(\d\d)(:.+)?", period):
        return fiscal_year(int(m.group(1)) + 1 - years) + (m.group(3) or "")
    return ""


def canonical_period(period: str) -> str:
    """One spelling per period: ``FY2024-25:Jul-Dec`` and ``FY2024-25:H1`` are the same months."""
    aliases = {"Jul-Sep": "Q1", "Jul-Dec": "H1", "Jul-Jun": ""}
    if m := re.fullmatch(r"(FY\d{4}-\d\d):(.+)", period):
        label = aliases.get(m.group(2), m.group(2))
        return m.group(1) + (f":{label}" if label else "")
    return period


# --------------------------------------------------------------------------- subjects


@dataclass(frozen=True)
class Subject:
    """What a stretch of a sentence talks about: a watched subject, or ``None`` for others."""

    kind: str | None  # it_exports, freelancers, vpn, ranking, or None (not watched)
    start: int
    end: int


_IT = r"(?:(?-i:IT|ICT|I\.T\.|ITeS)(?:\s?(?:&|and)\s?(?:(?-i:ITeS)|IT[\s-]enabled\s+services))?|information\s+(?:and\s+communications?\s+)?technology)"
_TECH = rf"(?:{_IT}|software|tech(?:nology)?|digital)"
# Words that may stand between "IT" and "exports": "IT sector's export remittances",
# "IT and ITeS services exports", "IT sector generated an export remittance".
_BETWEEN = (
    r"(?:\s*\((?-i:[A-Z][A-Za-z&]{1,7})\))?(?:['’]s)?(?:\s+(?:sector|industry|services?|and\s+related\s+services|related|based)(?:['’]s)?)*"
    r"(?:\s+(?:were|was|are|is|being|have\s+been|has\s+been))?"
    r"(?:\s+(?:generated|posted|recorded|earned|fetched|brought\s+in))?(?:\s+(?:an?|the|its))?"
)
_EXPORTS = r"(?:export\s+(?:remittances?|earnings|receipts|proceeds|revenues?)|export(?:s|ed)?)"
_SUBJECTS: tuple[tuple[str | None, re.Pattern], ...] = (
    # Parts of ICT exports (computer services, telecom services): kept under "other".
    ("it_component", re.compile(
        r"(?<![\w])(?:computer|telecom(?:munications?)?|information)\s+services?(?:\s+sector)?['’]?\s+exports?(?![\w])"
        r"|(?<![\w])exports?\s+of\s+(?:computer|telecom(?:munications?)?)\s+services(?![\w])",
        re.IGNORECASE,
    )),
    ("it_exports", re.compile(
        rf"(?<![\w])(?:{_TECH}){_BETWEEN}[\s-]+{_EXPORTS}(?![\w])(?!\s+(?:Board|Promotion|Processing|zones?|policy|target))"
        rf"|(?<![\w]){_IT}{_BETWEEN}\s+remittances?(?![\w])"
        rf"|(?<![\w])exports?\s+(?:of|from)\s+(?:the\s+)?(?:{_TECH})(?![\w])"
        rf"|(?<![\w]){_IT}\s+(?:sector|industry)\s+(?:earned|generated|fetched|brought\s+in|posted|recorded)(?=[^.;]{{0,60}}\bexports?\b)"
        r"|آئی\s?ٹی(?:\s?(?:کی|سیکٹر|شعبے|شعبہ|سروسز|خدمات))*\s?(?:برآمدات|ایکسپورٹس?|برآمد)",
        re.IGNORECASE,
    )),
    ("freelancers", re.compile(
        r"(?<![\w])(?:freelanc\w*|gig\s+(?:economy|workforce|workers?|work)|online\s+workers?|digital\s+workforce)"
        r"|فری\s?لانس\w*",
        re.IGNORECASE,
    )),
    ("vpn", re.compile(r"(?<![\w])(?:(?-i:VPNs?)|virtual\s+private\s+networks?)(?![\w])|وی\s?پی\s?این", re.IGNORECASE)),
    (None, re.compile(
        r"(?<![\w])(?:(?:total|overall|national|country'?s|merchandise|goods|textile|food|rice|services|mango|agricultural|garments?|"
        r"readymade|petroleum|mobile\s+phone|pharmaceutical|engineering|surgical|sports)\s+(?:exports?|imports?)"
        r"|exports?\s+of\s+goods|workers'?\s+remittances|home\s+remittances|remittances|imports?|import\s+bill|trade\s+deficit"
        r"|current\s+account|(?-i:GDP)|reserves|revenues?|budget|allocat\w+|investments?|(?-i:FDI)|loans?|tax\s+collection|market\s+cap\w*"
        r"|deficit|surplus|inflows|outflows|spending|expenditure|salar(?:y|ies)|profits?|sales|valuation|funding|grants?)(?![\w])",
        re.IGNORECASE,
    )),
)
_RANKING_CONTEXT = re.compile(
    r"freelanc\w*|\bgig\b|(?-i:\bIT\b|\bICT\b)|software|digital|\btech\b|technology|internet|speedtest|broadband|فری\s?لانس|آئی\s?ٹی",
    re.IGNORECASE,
)
_NOT_RANKED_HERE = re.compile(r"crypto\w*|bitcoin|blockchain|universit\w*|cricket", re.IGNORECASE)
_FOREIGN = re.compile(
    r"\b(?:India|Bangladesh|China|Philippines|Ukraine|Russia|Vietnam|Sri\s+Lanka|Egypt|Nigeria|Indonesia|Brazil|"
    r"United\s+States|(?-i:US|UK|UAE)|Britain|Serbia|Romania)\b",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"^\W*(?:they|their|it|its|these|this|the\s+(?:sector|industry|figure|amount))\b|\b(?:they|their|exports?)\b",
    re.IGNORECASE,
)
_MAY_HOLD_FIGURES = re.compile(r"\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|top)\b|نمبر", re.IGNORECASE)
MIN_OTHER_COUNT = 1000  # smaller counts (courses, batches, seminars) are not worth keeping


#: Words without which a kind of subject cannot be named (a cheap test before the pattern).
_SUBJECT_CLUES: dict[str | None, tuple[str, ...]] = {
    "it_component": ("export",),
    "it_exports": ("export", "remittance", "برآمد", "ایکسپورٹ"),
    "freelancers": ("freelanc", "gig", "online worker", "workforce", "فری"),
    "vpn": ("vpn", "virtual private", "وی"),
}


def find_subjects(sentence: str) -> list[Subject]:
    """Watched and unwatched subjects in ``sentence``; of two that overlap, the first listed wins."""
    found: list[Subject] = []
    lowered = sentence.lower()
    for kind, pattern in _SUBJECTS:
        clues = _SUBJECT_CLUES.get(kind)
        if clues and not any(clue in lowered for clue in clues):
            continue
        for m in pattern.finditer(sentence):
            if any(s.start < m.end() and m.start() < s.end for s in found):
                continue
            found.append(Subject(kind, m.start(), m.end()))
    return sorted(found, key=lambda s: s.start)


def _subject_for(figure: Figure, subjects: list[Subject], clause: tuple[int, int]) -> Subject | None:
    """The figure's subject: the nearest before it in its clause, else the first shortly after
    it in its clause, else the nearest before it in the sentence."""
    before = [s for s in subjects if s.end <= figure.start]
    after = [s for s in subjects if s.start >= figure.end and s.start - figure.end <= 80 and s.end <= clause[1]]
    if before and before[-1].start >= clause[0]:
        return before[-1]
    if after:
        return after[0]
    return before[-1] if before else None


# --------------------------------------------------------------------------- classification

_TARGET_CUE = re.compile(
    r"\b(?:target\w*|aim(?:s|ed|ing)?\s+(?:to|at|for)|goals?|expect\w*|projected|projections?|forecast\w*|estimated\s+to|potential|"
    r"could|would|will|(?-i:may|might)|plans?\s+to|planned|envisag\w*|hopes?\s+to|hoping|seeks?\s+to|vision|poised|set\s+to|likely|"
    r"can\s+reach|capacity|commitments?|pledge\w*)\b|ہدف|متوقع",
    re.IGNORECASE,
)
_OTHER_CUE = re.compile(
    r"\b(?:tax\w*|withholding|(?-i:WHT)|duty|duties|levy|fees?|charges?|allocat\w+|budget\w*|loans?|grants?|funds?|fund(?:ing|ed)|"
    r"average|averag\w+|net\s+exports|retention|retain|members?|membership|registered\s+with|trainees?|graduates?|alumni|trained|"
    r"training|programme|program|courses?|enrol\w*|scholarships?|investment|invest\w*|share|accounts?\s+for|contribut\w+\s+to\s+(?:the\s+)?(?:total|GDP)|"
    r"loss(?:es)?|lost|cost\w*|damage\w*)\b|ٹیکس|بجٹ",
    re.IGNORECASE,
)
_GROWTH_UP = re.compile(
    r"\b(?:up|rose|rise|rising|risen|increase[sd]?|increasing|grew|grow(?:n|s|ing)?|growth|gain\w*|jump\w*|surge\w*|climb\w*|higher|"
    r"expan\w+|soar\w*|rebound\w*|improv\w+|advance\w*|boost\w*|year[\s-]on[\s-]year|month[\s-]on[\s-]month|(?-i:YoY|MoM))\b|اضافہ|بڑھ|زیادہ",
    re.IGNORECASE,
)
_GROWTH_DOWN = re.compile(
    r"\b(?:down|fell|fall\w*|declin\w+|decreas\w+|drop\w*|dip\w*|lower|contract\w*|slump\w*|plung\w+|shr[au]nk|shrink\w*|slid\w*|"
    r"slip\w*|dwindl\w+|negative)\b|کمی|کم\b|گر",
    re.IGNORECASE,
)
_NEUTRAL = re.compile(r"year[\s-]on[\s-]year|month[\s-]on[\s-]month|(?-i:YoY|MoM)", re.IGNORECASE)
_CHANGE_AMOUNT = re.compile(
    r"(?:\bby|\b(?:increase|decrease|rise|decline|growth|drop|jump|fall)\s+(?:of|amounted\s+to|came\s+to|was|stood\s+at))\s+(?:an?\s+)?(?:additional\s+)?$",
    re.IGNORECASE,
)
_FREELANCER_NOUN = re.compile(r"freelanc\w*|gig\b|workers?\b|online\b|فری", re.IGNORECASE)
_COUNT_FLOW = re.compile(r"\b(?:every|each|per|a)\s+(?:year|month|annum)\b|\bannually\b", re.IGNORECASE)
_VPN_COUNT = re.compile(r"regist\w*|whitelist\w*|approv\w*|issued|rejist|رجسٹر", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|and|with|against|although|though)\b|\s(?:while|whereas|whilst)\b|\s[-–—]\s|—|[،,]?\s*جبکہ\s")


def _clause(sentence: str, figure: Figure) -> tuple[int, int]:
    """The bounds of the clause holding ``figure``: between breaks such as ", while"."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, figure.start)), default=0)
    after = _CLAUSE_BREAK.search(sentence, figure.end)
    return start, after.start() if after else len(sentence)


def _series_of_exports(period: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d", period):
        return "it_exports_monthly"
    if ":" in period:
        return "it_exports_cumulative"
    return "it_exports_annual"


def _growth_sign(clause_head: str, after: str) -> int:
    """+1 or -1 when the words around a percentage say it grew or fell, else 0.

    A direction word right after the figure ("3pc lower", "11pc growth") decides; otherwise
    the last direction word before it in its clause ("rose 24pc", "a decline of 1pc").
    """
    if re.match(r"\s+of\b", after):
        return 0  # a share: "24pc of total exports"
    right = re.match(r"\s*(?:[\w-]+\s+){0,1}?(\w+)", after)
    if right and _GROWTH_DOWN.fullmatch(right.group(1)):
        return -1
    if right and _GROWTH_UP.fullmatch(right.group(1)) and not _NEUTRAL.fullmatch(right.group(1)):
        return 1
    up = [m.end() for m in _GROWTH_UP.finditer(clause_head)]
    down = [m.end() for m in _GROWTH_DOWN.finditer(clause_head)]
    if up or down:
        return -1 if max(down, default=-1) > max(up, default=-1) else 1
    if right and _NEUTRAL.fullmatch(right.group(1)):
        return 1
    return 0


@dataclass(frozen=True)
class _Place:
    """A figure with what surrounds it: its sentence, clause, subject and resolved period."""

    figure: Figure
    sentence: str
    clause: str  # the figure's own clause
    context: str  # the clause widened to take in the subject
    kind: str
    period: str
    target: bool = False


def classify(place: _Place) -> tuple[str, float] | None:
    """``(series, value)`` for a figure about a watched subject; ``None`` when it is no fact."""
    figure, value = place.figure, place.figure.value
    head = place.clause[: place.clause.find(place.sentence[figure.start : figure.end])]
    if figure.unit == "rank":
        about_us = _RANKING_CONTEXT.search(place.context) and not _FOREIGN.search(place.clause) and not _NOT_RANKED_HERE.search(place.clause)
        return ("ranking", value) if about_us and not _TARGET_CUE.search(place.clause) else None
    if place.target or place.kind == "it_component" or _TARGET_CUE.search(place.clause):
        return "other", value
    if figure.unit in ("USD_million", "PKR_million") and _CHANGE_AMOUNT.search(head):
        return "other", value
    if _OTHER_CUE.search(place.clause):
        return "other", value
    if figure.unit == "percent":
        if _is_level(place.sentence, figure):
            return "other", value  # "up from 35 percent", "from 35 to 50 percent": a share or rate, not growth
        sign = _growth_sign(head, place.sentence[figure.end : figure.end + 30])
        return ("other", value) if sign == 0 else (_percent_series(place), sign * abs(value))
    if place.kind == "it_exports":
        return (_series_of_exports(place.period), value) if place.period and figure.unit != "count" else ("other", value)
    if place.kind == "freelancers":
        return _freelancer_series(place), value
    if place.kind == "vpn" and figure.unit == "count" and _VPN_COUNT.search(place.context) and _counts_people_of(place, _VPN_NOUN):
        return "vpn_registrations", value
    return "other", value


_LEVEL_BEFORE = re.compile(
    rf"(?:\bfrom|\bfrom\s+(?:{_NUM})\s?(?:%|pc|pct|per\s?cent|percent)?\s+to)\s*$",
    re.IGNORECASE,
)


def _is_level(sentence: str, figure: Figure) -> bool:
    """Whether a percentage is a level moved from or to ("up from 35 percent", "from 35 to 50
    percent"): a share or rate that changed, not the growth of a series."""
    return bool(_LEVEL_BEFORE.search(sentence[max(0, figure.start - 40) : figure.start]))


def _percent_series(place: _Place) -> str:
    if place.kind == "it_exports":
        return _series_of_exports(place.period) if place.period else "other"
    return "freelancer_earnings" if place.kind == "freelancers" else "other"


def _freelancer_series(place: _Place) -> str:
    """Money is earnings; a count is the number of freelancers unless it counts something
    else ("4.6 million students") or a yearly flow ("50,000 freelancers every year")."""
    figure = place.figure
    if figure.unit != "count":
        return "freelancer_earnings"
    flow = _COUNT_FLOW.search(place.sentence[figure.end : figure.end + 40])
    return "other" if flow or not _counts_people_of(place, _FREELANCER_NOUN) else "freelancer_count"


def _counts_people_of(place: _Place, nouns: re.Pattern) -> bool:
    """Whether a count counts the subject: no noun after it, the subject's own noun, or
    people who are then named as the subject ("2 million Pakistanis work as freelancers")."""
    noun = place.figure.noun
    if not noun or noun in _LINK_WORDS or nouns.match(noun):
        return True
    follows = nouns.search(place.sentence, place.figure.end, place.figure.end + 50)
    return noun in _PEOPLE and bool(follows)


_LINK_WORDS = frozenset({"and", "in", "across", "by", "as", "of", "from", "to", "with", "is", "are", "were", "was", "who", "which", "so", "till", "until", "at"})
_PEOPLE = frozenset({"people", "pakistanis", "individuals", "persons", "professionals", "youths", "men", "women", "citizens"})
_VPN_NOUN = re.compile(r"vpns?\b|virtual|registrations?|connections|ips\b|وی", re.IGNORECASE)


def _nearest(periods: list[Period], figure: Figure) -> Period | None:
    def distance(p: Period) -> int:
        return p.start - figure.end if p.start >= figure.end else figure.start - p.end

    return min(periods, key=distance) if periods else None


def _period_for(figure: Figure, periods: list[Period], sentence: str, clause: tuple[int, int], subject: Subject | None, first_subject: int) -> Period | None:
    """The period dating a figure: the nearest in its clause; else the nearest before it that
    frames the whole sentence (before any subject) or follows the figure's own subject."""
    if _is_comparison_figure(figure, sentence):
        after = [p for p in periods if p.start >= figure.end and p.start - figure.end <= 45]
        return after[0] if after else None
    # "$2.28bn in the same period of the previous year": the base period right after the figure
    right_after = [p for p in periods if p.shift and p.start >= figure.end and _AFTER_FIGURE.fullmatch(sentence, figure.end, p.start)]
    if right_after:
        return right_after[0]
    main = [p for p in periods if not p.comparison]
    in_clause = [p for p in main if clause[0] <= p.start and p.end <= clause[1]]
    if in_clause:
        return _nearest(in_clause, figure)
    # Urdu puts the base's period first: "جبکہ گزشتہ مالی سال کے اسی عرصے میں یہ ... تھیں"
    bases = [p for p in periods if p.shift and clause[0] <= p.start and p.end <= figure.start]
    if bases:
        return bases[-1]
    before = [p for p in main if p.end <= figure.start and (p.start < first_subject or (subject and subject.end <= p.start))]
    return before[-1] if before else None


_AFTER_FIGURE = re.compile(r"\s*,?\s*(?:(?:in|during|for|of|at)\s+)?(?:the\s+)?")


_SPAN_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)  # "from July 2024 to March 2025" names a span


def _mark_bases(periods: list[Period], figures: list[Figure], sentence: str) -> list[Period]:
    """Mark the periods that are bases of comparisons: "compared to FY 2022-23", "from $345m
    in March", Urdu "... کے مقابلے"."""
    ends = [f.end for f in figures if _is_comparison_figure(f, sentence)]
    marked = []
    for p in periods:
        before = sentence[max(0, p.start - 60) : p.start]
        base = (
            p.comparison
            or any(end <= p.start and _AFTER_FIGURE.fullmatch(sentence, end, p.start) for end in ends)
            or (_COMPARISON_CUE.search(before) and not (":" in p.value and _SPAN_FROM.search(before)))
            or _BASE_CUE.search(before)
            or _URDU_COMPARISON_AFTER.match(sentence, p.end)
        )
        marked.append(replace(p, comparison=bool(base)))
    return marked


def _is_comparison_figure(figure: Figure, sentence: str) -> bool:
    """Whether a figure is the base of a comparison ("from $286m"); a percentage never is."""
    return figure.unit != "percent" and bool(_COMPARISON_CUE.search(sentence[max(0, figure.start - 30) : figure.start]))


def _resolve(period: Period | None, main: str, periods: list[Period] = ()) -> str:
    """A period's value; "the same period of the previous year" shifts the period it is
    compared with: the nearest main period before it, else the sentence's main period
    ("$2.8bn in July-March of FY25, against $2.3bn in the same period of the previous year":
    July-March of FY24, not the FY of a "Survey 2024-25" named earlier)."""
    if period is None:
        return ""
    if period.shift:
        before = [p.value for p in periods if p.value and not p.comparison and not p.target and p.end <= period.start]
        base = before[-1] if before else main
        return shift_period(base, period.shift) if base else ""
    return period.value


# --------------------------------------------------------------------------- extraction


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


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def same_fact(a: Fact, b: Fact) -> bool:
    """Same series, unit and period, and values within 1%: one figure, many reports."""
    return (
        a.series == b.series
        and a.unit == b.unit
        and canonical_period(a.period) == canonical_period(b.period)
        and _close(a.value, b.value, SAME_TOLERANCE)
    )


def is_revision(old: Fact, new: Fact) -> bool:
    """Same series, unit and period, values more than 1% and at most 3% apart."""
    return (
        old.series == new.series
        and old.unit == new.unit
        and canonical_period(old.period) == canonical_period(new.period)
        and not _close(old.value, new.value, SAME_TOLERANCE)
        and _close(old.value, new.value, REVISION_TOLERANCE)
    )
