"""Periods named in a sentence, resolved on the fiscal calendar (July to June)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from ..text import normalise_digits

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    "جنوری": 1, "فروری": 2, "مارچ": 3, "اپریل": 4, "مئی": 5, "جون": 6,
    "جولائی": 7, "اگست": 8, "ستمبر": 9, "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
}
#: Urdu's other spellings of a month's name, as Urdu copy writes them: English's "De" and "Sep"
#: transliterated (ڈسمبر، سپتمبر), and a final ی or a ر dropped (جولائ، فروی).
_MONTHS.update({"ڈسمبر": 12, "سپتمبر": 9, "جولائ": 7, "فروی": 2})
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _slips(name: str) -> list[str]:
    """The ways a long month's name is mistyped after its first three letters, which name the
    month (:func:`_month_number`): one letter left out or two swapped ("Augst", "Feburary",
    "Septmber"). Names of five letters or fewer (March, April) have none: "Marc" is a name."""
    head, rest = name[:3], name[3:]
    if len(name) < 6:
        return []
    dropped = {rest[:i] + rest[i + 1 :] for i in range(len(rest))}
    swapped = {rest[:i] + rest[i + 1] + rest[i] + rest[i + 2 :] for i in range(len(rest) - 1)}
    return sorted(head + tail for tail in (dropped | swapped) - {rest} if len(tail) >= 2)


_MONTH_SLIPS = "|".join(sorted({slip for name in ("January", "February", "August", "September", "October", "November", "December") for slip in _slips(name)}, key=len, reverse=True))
# English month names are capitalised ("mar" and "may" are also verbs); a long one mistyped reads
# as the month it names (see _slips).
_MONTH_NAMES = (
    rf"(?:(?-i:(?:{_MONTH_SLIPS})(?![a-z])|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)|جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|ڈسمبر|سپتمبر|جولائ(?!ی)|فروی)"
)
#: A month said alone, the subject's figure for that month: "September alone", "in March 2025 alone",
#: "the month of March alone".
MONTH_ALONE = rf"(?:in\s+)?(?:the\s+month\s+of\s+)?(?:{_MONTH_NAMES})(?:\s+\d{{4}})?\s+alone\b"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_FY_WORDS = r"(?:fiscal|financial)\s+year|FY|مالی\s+سال"
#: Urdu's words for "previous" (both spellings of گزشتہ, پچھلے/پچھلی, سابقہ) and "year" (سال, برس).
_UR_PREVIOUS = r"(?:گزشتہ|گذشتہ|پچھلے|پچھلی|سابقہ)"
_UR_YEAR = r"(?:سال|برس)"
#: Urdu numbers in words, one to a hundred (read by the numbers' module, and here in years:
#: "مالی سال دو ہزار بائیس", fiscal year two thousand twenty-two).
_UR_NUMBERS = dict(
    zip(
        """ایک دو تین چار پانچ چھ سات آٹھ نو دس گیارہ بارہ تیرہ چودہ پندرہ سولہ سترہ اٹھارہ انیس بیس
        اکیس بائیس تئیس چوبیس پچیس چھبیس ستائیس اٹھائیس انتیس تیس اکتیس بتیس تینتیس چونتیس پینتیس چھتیس
        سینتیس اڑتیس انتالیس چالیس اکتالیس بیالیس تینتالیس چوالیس پینتالیس چھیالیس سینتالیس اڑتالیس انچاس
        پچاس اکیاون باون ترپن چون پچپن چھپن ستاون اٹھاون انسٹھ ساٹھ اکسٹھ باسٹھ تریسٹھ چونسٹھ پینسٹھ
        چھیاسٹھ سڑسٹھ اڑسٹھ انہتر ستر اکہتر بہتر تہتر چوہتر پچھتر چھہتر ستتر اٹھہتر اناسی اسی اکیاسی
        بیاسی تراسی چوراسی پچاسی چھیاسی ستاسی اٹھاسی نواسی نوے اکانوے بانوے ترانوے چورانوے پچانوے
        چھیانوے ستانوے اٹھانوے ننانوے سو""".split(),
        range(1, 101),
    )
)
_UR_YEAR_WORD = "|".join(sorted((word for word, value in _UR_NUMBERS.items() if value < 40), key=len, reverse=True))
_FY_EXPLICIT = re.compile(
    r"(?:\bFY(?:\s?'?|-)(?P<a1>\d{4}|\d{2})\s?[-–/]\s?(?P<b1>\d{2,4})\b"
    r"|\b(?:fiscal|financial)\s+year\s+(?:\(FY\)\s+)?(?:of\s+)?(?P<a2>\d{4}|\d{2})\s?[-–/]\s?(?P<b2>\d{2,4})\b"
    r"|(?<![\d/-])(?P<a3>(?:19|20)\d\d)\s?[-–/]\s?(?P<b3>\d\d|(?:19|20)\d\d)(?![\d/-])"
    # Urdu text, written right to left, often stores a fiscal year end first: "مالی سال 24-2023"
    r"|(?<![\d/-])(?P<b4>1[3-9]|[2-9]\d)\s?[-–]\s?(?P<a4>(?:19|20)\d\d)(?![\d/-])"
    # ("FY-25", as a dash joins them in untidy copy)
    r"|\bFY(?:\s?'?|-)(?P<e1>\d{4}|\d{2})\b"
    r"|\b(?:fiscal|financial)\s+year\s+(?P<e2>(?:19|20)\d\d)\b"
    # "the 2025 fiscal year", "in fiscal 2021", "in fiscal 25": the fiscal year ending in June of that year
    r"|\b(?P<e5>(?:19|20)\d\d)\s+(?:fiscal|financial)\s+year\b|\bfiscal\s+'?(?P<e6>(?:19|20)\d\d|\d\d)\b(?![-–/]\d)(?![.,]?\d|\s*(?:%|per|pc|percent|million|billion|mn|bn)\b)"
    # "the fiscal year ending June 2025", "the year ended June 30, 2025", "the 12 months to June 2025"
    r"|\b(?:(?:fiscal|financial)\s+)?(?:year|(?:12|twelve)[\s-]months?)\s+(?:that\s+|which\s+)?(?:ending|ended|closed|to|through)\s+(?:on\s+|in\s+)?(?:30(?:th)?\s+)?June(?:\s+30(?:th)?)?,?\s+(?P<e4>(?:19|20)\d\d)\b"
    # (not an amount after the words: "گزشتہ مالی سال 48 کروڑ ڈالر", "last fiscal year 480 million")
    r"|مالی\s+سال\s+(?P<e3>(?:19|20)\d\d|\d\d)ء?(?![-–/]?\d)(?!\s*(?:ارب|کروڑ|لاکھ|ہزار|ملین|بلین|فیصد|ڈالر|روپے))"
    # and the first year short, the second long: "مالی سال 24-2025"
    r"|مالی\s+سال\s+(?P<a5>\d\d)\s?[-–]\s?(?P<b5>(?:19|20)\d\d)(?![\d/-])"
    # the year in words, as a broadcaster's copy writes it: "مالی سال دو ہزار بائیس" (2022), and
    # the two years of it: "مالی سال دو ہزار اکیس بائیس" (2021-22)
    rf"|مالی\s+سال\s+دو\s+ہزار\s+(?P<e7>{_UR_YEAR_WORD})(?:\s*[-–]?\s*(?P<e8>{_UR_YEAR_WORD}))?(?![^\W\d_])(?!\s*(?:ارب|کروڑ|لاکھ|ہزار|ملین|بلین|فیصد|ڈالر|روپے)))",
    re.IGNORECASE,
)
_FY_RELATIVE = re.compile(
    rf"\b(?P<rel>current|this|ongoing|present|outgoing|running|last|previous|past|preceding|next|upcoming|coming)\s+(?:(?:full|whole|entire)\s+)?(?:(?:{_FY_WORDS})\b|(?<=\bmonths\sof\sthis\s)one\b)"  # ("the first seven months of this one", after another fiscal year)
    rf"|(?P<urel>رواں|جاری|موجودہ|اس|{_UR_PREVIOUS}|آئندہ)\s+(?:(?:پورے|پورا|پوری|مکمل)\s+)?مالی\s+سال"
    # "the year just ended", "the fiscal year that just closed": said in the months after June, the one that closed
    r"|\bthe\s+(?P<ended>(?:(?:fiscal|financial)\s+)?year\s+(?:that\s+)?(?:has\s+)?just\s+(?:ended|closed|concluded))\b",
    re.IGNORECASE,
)
_PREVIOUS = ("last", "previous", "past", "preceding", "گزشتہ", "گذشتہ", "پچھلے", "پچھلی", "سابقہ")
#: Words that name the fiscal year running at the article's date.
_RUNNING = ("current", "this", "ongoing", "present", "running", "رواں", "جاری", "موجودہ", "اس")
#: A running total's words: "so far this fiscal year", "اب تک".
_SO_FAR_WORDS = re.compile(r"\bso\s+far\b|\bto[\s-]date\b|\btill\s+date\b|اب\s+تک", re.IGNORECASE)
_DOCUMENT_BEFORE = re.compile(r"\b(?:Economic\s+)?Survey(?:\s+of\s+Pakistan)?(?:\s+(?:for|of))?\s+(?:the\s+)?(?:FY\s?)?$|(?:اقتصادی\s+)?(?:جائزہ|جائزے|سروے)\s+(?:برائے\s+)?$", re.IGNORECASE)
#: "the fiscal year that ended in June", with no year: the last fiscal year over by the article's
#: date (its June is a fiscal year's end, never a month of its own).
_FY_ENDED = re.compile(
    # (and as the wires put it: "IT exports hit record $3.2 bln in year to June")
    r"\b(?:(?:fiscal|financial)\s+)?year\s+(?:(?:that\s+|which\s+)?(?:ended|closed|concluded)|to)\s+(?:in\s+|on\s+)?(?:30(?:th)?\s+)?(?-i:June)(?!\s*(?:30(?:th)?\s*)?,?\s*(?:19|20)\d\d)(?:\s+30(?:th)?)?\b"
    # "for the twelve months to June 30", "the 12 months ended June"
    r"|\b(?:12|twelve)[\s-]months?\s+(?:that\s+|which\s+)?(?:to|ended|through)\s+(?:on\s+|in\s+)?(?:30(?:th)?\s+)?(?-i:June)(?!\s*(?:30(?:th)?\s*)?,?\s*(?:19|20)\d\d)(?:\s+30(?:th)?)?\b"
    # "the fiscal year just ended", "the just-ended fiscal year"
    r"|\b(?:fiscal|financial)\s+year\s+(?:that\s+)?(?:has\s+)?just\s+ended\b|\bjust[\s-]ended\s+(?:fiscal|financial)\s+year\b"
    # "30 جون کو ختم ہونے والے مالی سال" (the fiscal year ending on 30 June), "ختم ہونے والے مالی سال"
    # (a year named after it, "... مالی سال 23-2022", is read as that fiscal year)
    r"|(?:(?:30|تیس)\s+جون\s+(?:(?P<uy>(?:19|20)\d\d)\s+)?(?:کو\s+)?)?ختم\s+ہونے\s+والے\s+مالی\s+سال(?!\s+(?:\d{2}\s?[-–/]\s?)?(?:19|20)?\d\d(?:\s?[-–/]\s?\d{2,4})?(?!\d))"
    # "مالی سال جو جون میں ختم ہوا" (the fiscal year that ended in June), "مالی سال، جو 30 جون کو ختم ہوا"
    r"|مالی\s+سال[،,]?\s+جو\s+(?:(?:30|تیس)\s+)?جون\s+(?:میں|کو)\s+ختم\s+ہو(?:ا|گیا|چکا)(?![^\W\d_])",
    re.IGNORECASE,
)
#: A month's place in the fiscal year said of it: "June, the last month of the fiscal year",
#: "جون میں، جو گزشتہ مالی سال کا آخری مہینہ تھا".
_MONTH_SAID_OF_FY = re.compile(
    rf"(?<![\w])(?:{_MONTH_NAMES})(?:\s+(?:19|20)\d\d)?(?:\s+میں)?\s*[,،]\s*(?:"
    r"(?P<a>(?:which\s+(?:was|is)\s+)?the\s+(?:last|final|first|closing|opening)\s+month\s+of\s+(?:the\s+)?"
    # (the year by its name too: "June, the last month of FY24, ...")
    r"(?:(?:(?:last|previous|current|new|outgoing)\s+)?(?:fiscal|financial)\s+year(?:\s+(?:19|20)\d\d[-–/]\d\d(?:\d\d)?)?|FY\s?-?'?\d\d(?:\d\d)?(?:[-–/]\d\d)?|(?:19|20)\d\d[-–/]\d\d(?:\d\d)?)\b)"
    r"|(?P<u>جو\s+(?:(?:گزشتہ|گذشتہ|پچھلے|رواں|نئے)\s+)?مالی\s+سال\s+کا\s+(?:آخری|پہلا)\s+مہینہ\s+(?:تھا|ہے)))",
    re.IGNORECASE,
)
#: When a fiscal year began, said of it: "the fiscal year that began in July", "which started on July 1, 2025".
_FY_BEGAN_IN = re.compile(
    r"\b(?:fiscal|financial)\s+year\s*,?\s+(?:that|which)\s+(?:began|begins|started|starts|commenced)\s+(?:in|on)\s+(?P<when>(?:1(?:st)?\s+)?July(?:\s+1(?:st)?)?(?:,?\s+(?:19|20)\d\d)?)",
    re.IGNORECASE,
)
#: A calendar year's first or last month said by its place: "the last month of 2023".
_MONTH_OF_YEAR_SAID = re.compile(
    r"\bthe\s+(?:(?P<first>first|opening)|last|final|closing)\s+month\s+of\s+(?:the\s+)?(?:calendar\s+)?(?:year\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)",
    re.IGNORECASE,
)
#: The words of a figure's coming out, whose time is not what the figure is of.
_RELEASE_VERBS = r"(?:published|released|announced|reported|issued|put\s+out|made\s+public)"
#: When a figure was published, not what it is of: "the $329 million it had first published in mid-July".
#: An amount and the verb that put it out, right before a month: "$2.61 billion reported in ".
_AMOUNT_RELEASED_IN = re.compile(rf"(?P<amount>\d(?:[\d,.]*\d)?\s*(?:million|billion|mn|bn|m|b)?)\b[^\d]{{0,25}}?\b{_RELEASE_VERBS}\s+(?:earlier\s+|late\s+|early\s+)?in\s+(?:early\s+|late\s+)?$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|its|an?)\s+$", re.IGNORECASE)
#: A release named by its month: "the October release", "its July bulletin".
_RELEASE_NOUN_AFTER = re.compile(r"\s+(?:release|bulletin|press\s+release|handout)\b", re.IGNORECASE)
_PUBLISHED_IN_MID = re.compile(rf"\b{_RELEASE_VERBS}\s+(?:in\s+|on\s+)?(?:the\s+)?mid[\s-]?$", re.IGNORECASE)
#: The words of a span, not of one month: "months", "quarter", "half" ("period" may be a month).
_SPAN_WORDS = re.compile(r"\b(?:months|quarter|half)\b", re.IGNORECASE)
#: A calendar year after a number of months: "of the calendar year", "of the current calendar
#: year", "of 2025" (never "of 2024-25", "of FY25").
_OF_CALENDAR_YEAR = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:current|this|last|previous)\s+)?calendar\s+year\b|\s+of\s+(?:calendar\s+year\s+)?(?:19|20)\d\d\b(?![-–/]\d)(?!\s+(?:fiscal|financial)\b)", re.IGNORECASE)
#: Months right before "کی سہ ماہی" (the quarter of): "اکتوبر تا دسمبر کی".
_MONTHS_OF_IT_BEFORE = re.compile(rf"(?:{_MONTH_NAMES})\s+(?:کی|کے)\s+$")
#: Data released at a time said relative to the article: "State Bank data released last month".
#: And a figure said then: "the minister said earlier this month that Pakistan had 2.3 million
#: freelancers" is dated by nothing.
_RELEASED_OR_SAID_BEFORE = re.compile(rf"\b(?:{_RELEASE_VERBS}|said|told(?:\s+\w+){{0,3}}?|stated|claimed|revealed|disclosed)\s+(?:earlier\s+|late\s+|early\s+)?(?:in\s+)?$", re.IGNORECASE)
#: Urdu "released" after a month: "گزشتہ ماہ جاری ہونے والے ابتدائی اعداد" (the early figures released last month).
_URDU_RELEASED_AFTER = re.compile(r"\s+(?:میں\s+)?(?:جاری|شائع)\s+(?:ہونے\s+والے|ہونے\s+والی|ہونے\s+والا|کیے\s+گئے|کی\s+گئی|کئے\s+گئے|کردہ)(?![^\W\d_])")
#: A month a hope is set for: "by June", "جون تک".
_BY_MONTH_BEFORE = re.compile(r"\b(?:by|till|until)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_URDU_BY_MONTH_AFTER = re.compile(r"\s+تک(?![^\W\d_])")
#: A fiscal year's end said after it: "FY2022-23, which closed in June".
_CLOSED_IN = re.compile(r"\b(?:closed|ended|concluded|ending|closing)\s+(?:in\s+|on\s+)?(?:30(?:th)?\s+)?$", re.IGNORECASE)
_FY_VALUE = re.compile(r"FY\d{4}-\d\d")
_FY_YEAR = r"(?P<y>\d{4}\s?[-–/]\s?\d{2}(?:\d\d)?|\d{4}|\d{2})"  # FY25, FY2025, FY2024-25
_FY_TO_DATE = re.compile(
    r"\bFYTD\s?'?(?P<y>\d{4}|\d{2})?\b|\b(?:fiscal|financial)[\s-]year[\s-]to[\s-]date\b|\b(?:fiscal|financial)\s+year\s+(?:so\s+far|till\s+date|to\s+date)\b"
    r"|\bso\s+far\s+(?:in\s+)?(?:this|the\s+current)\s+(?:fiscal|financial)\s+year\b"
    # "year-to-date" in a sentence that speaks of fiscal years: the fiscal year's
    r"|\byear[\s-]to[\s-]date\b(?=.*\b(?:fiscal|financial|FY))",
    re.IGNORECASE,
)
_MONTHS_SO_FAR = re.compile(rf"\b(?P<n>\d{{1,2}})\s?M\s?FY(?:\s?'?|-){_FY_YEAR}\b", re.IGNORECASE)
_HALF_FY = re.compile(rf"\b(?:(?P<n1>[12])\s?H|H(?P<n2>[12]))\s?(?:of\s+)?FY(?:\s?'?|-){_FY_YEAR}\b", re.IGNORECASE)
_QUARTER_FY = re.compile(rf"\b(?:(?P<n1>[1-4])\s?Q|Q(?P<n2>[1-4]))\s?(?:of\s+)?FY(?:\s?'?|-){_FY_YEAR}\b", re.IGNORECASE)
#: A quarter or half of a calendar year, in short: "1QCY25", "Q1CY25", "H1 CY2025".
_CALENDAR_PART = re.compile(r"\b(?:(?P<n1>[1-4])Q|Q(?P<n2>[1-4])|(?P<h1>[12])H|H(?P<h2>[12]))\s?CY\s?'?(?P<y>(?:20)?\d\d)\b")
#: The calendar year after a quarter or half: "first half of 2025", "Q1 2025", "second quarter
#: of calendar year 2025", "first quarter of CY25" (never a fiscal year's: "2024-25", "FY25").
_CALENDAR_YEAR_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:the\s+)?(?:(?:calendar\s+year|CY)\s?'?(?P<yy>\d\d)\b|(?:calendar\s+year\s*|CY\s?)?(?P<y>(?:19|20)\d\d)\b)(?![-–/]\d)(?!\s+(?:fiscal|financial)\b)",
    re.IGNORECASE,
)
#: The calendar year before a quarter or half: "calendar year 2025's first quarter", "کیلنڈر
#: سال 2025 کی پہلی سہ ماہی", "سال 2025 کی پہلی ششماہی" (never "مالی سال 2025 کی", the fiscal year's).
_CALENDAR_YEAR_BEFORE = re.compile(
    r"(?:\b(?:calendar\s+year|CY)\s?'?(?P<y>(?:19|20)?\d\d)['’]s|(?<!مالی\s)(?:کیلنڈر\s+)?سال\s+(?P<uy>(?:19|20)\d\d)\s+(?:کی|کے))\s+$",
    re.IGNORECASE,
)
_MONTH_SPAN = re.compile(
    rf"(?:(?P<between>\bbetween)\s+)?(?<![\w])(?P<m1>{_MONTH_NAMES})\.?(?:\s?,?\s?(?P<year1>(?:19|20)\d\d))?\s?(?P<joint>[-–]|to|till|through|until|and|تا|سے|اور)\s?"
    rf"(?P<m2>{_MONTH_NAMES})(?![\w])\.?(?:\s?,?\s?(?P<year>(?:19|20)\d\d)(?![\d-]))?",
    re.IGNORECASE,
)
#: A clause with one figure before two months joined by "and": "1,280 VPNs were registered in
#: January and February" (the two months' figure; "$230m and $220m in January and February" and
#: "exports rose in July and August" name each month).
_ONE_FIGURE_BEFORE = re.compile(r"[^\d]*(?<![\w.,])\d[\d,.]*(?![\d,.]*\d)[^\d]*(?:\bin\s+|\bduring\s+)", re.IGNORECASE)


#: A month's figure ranked among the months of a span: "the highest monthly figure recorded so
#: far in", "the best month of", "the lowest monthly tally this".
_MONTH_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:highest|lowest|best|worst|biggest|strongest|weakest|largest|smallest)\s+(?:single[\s-])?(?:monthly|month)\b"
    r"(?:\s+(?!in\b|of\b|during\b|for\b|so\b)[\w-]+){0,3}?(?:\s+so\s+far)?(?:\s+(?:in|of|during|for))?\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: A superlative measured over a stretch of time: "the slowest annual growth in", "the highest in".
_SUPERLATIVE_IN = re.compile(r"\b(?:slowest|fastest|highest|lowest|weakest|strongest|best|worst|biggest|smallest|largest|sharpest)\b[^,.;]{0,40}?\bin\s+(?:the\s+(?:last|past)\s+)?$", re.IGNORECASE)


def _clause_start(s: str, at: int) -> int:
    """Where the clause holding position ``at`` starts: after the last comma, semicolon or colon
    (not one inside a number: "1,280")."""
    breaks = list(_CLAUSE_BREAK.finditer(s, 0, at))
    return breaks[-1].end() if breaks else 0


_CLAUSE_BREAK = re.compile(r"[,;:،](?!\d)")


#: "July and August combined", "together": two months as one span.
_JOINTLY = re.compile(r"\s*,?\s*(?:combined|together|taken\s+together)\b", re.IGNORECASE)
_URDU_MONTH_COUNTS = dict(zip("ایک دو تین چار پانچ چھ سات آٹھ نو دس گیارہ بارہ".split(), range(1, 13)))


def _count_said(word: str) -> int:
    """The number a count of months says, in digits or in English or Urdu words ("9",
    "nine", "نو"); 0 for none."""
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower()) or _URDU_MONTH_COUNTS.get(word, 0)
#: Spans between two dates: "یکم جولائی سے 31 مارچ تک", "from July 1 to March 31", "1st July
#: to 31st March": the months from the first to the last.
_DAY = r"(?:یکم|\d{1,2}(?:st|nd|rd|th)?)"
_DATED_SPAN = re.compile(
    rf"{_DAY}\s+(?P<m1>{_MONTH_NAMES})\s+(?:سے|تا|to|till|until|through|[-–])\s+{_DAY}\s+(?P<m2>{_MONTH_NAMES})(?:\s+(?P<year>(?:19|20)\d\d))?"
    rf"|\b(?P<m1b>{_MONTH_NAMES})\s+{_DAY},?\s+(?:to|till|until|through|[-–])\s+(?P<m2b>{_MONTH_NAMES})\s+{_DAY}(?:,?\s+(?P<yearb>(?:19|20)\d\d))?",
    re.IGNORECASE,
)
_FIRST_MONTHS = re.compile(
    r"\b(?:the\s+)?(?:first\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]months?\b"
    r"|\b(?P<first>first)\s+month\b"
    r"|(?<=سال\sکے\s)(?P<ufirst>پہلے)\s+(?:ماہ|مہینے|مہینہ)(?![^\W\d_])"  # "مالی سال کے پہلے مہینے": the fiscal year's first month
    rf"|(?:(?:پہلے|ابتدائی)\s+)?(?P<un>\d{{1,2}}|{'|'.join(_URDU_MONTH_COUNTS)})\s+(?:ماہ|مہینوں|مہینے)(?!\s*(?:قبل|پہلے))",
    re.IGNORECASE,
)
#: What stands between a span of months and the count of them beside it: "کے", "from", "of".
_MONTH_COUNT_BESIDE = re.compile(r"\s*(?:کے|کی|from|of|between|,|\(|–|-)?\s*", re.IGNORECASE)
_QUARTER_WORDS = re.compile(
    r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter\b|\bQ(?P<qn>[1-4])\b"
    r"|\b(?P<h>first|second|1st|2nd)[\s-]half\b|\bH(?P<hn>[12])\b"
    r"|(?P<uq>پہلی|دوسری|تیسری|چوتھی|آخری)\s+سہ\s?ماہی|(?P<uh>پہلی|دوسری|آخری)\s+ش[شِ]?ماہی"  # ("آخری": the last of the fiscal year)
    # the first quarters counted: "the first three quarters of FY25", "پہلی تین سہ ماہیوں"
    r"|\bfirst\s+(?P<nq>two|three|2|3)\s+quarters\b|(?:پہلی|ابتدائی)\s+(?P<unq>دو|تین)\s+سہ\s?ماہیوں"
    # an ordinal whose quarter or half was named before it: "$717 million in the second quarter
    # and $619 million in the first"
    r"|\b(?:in|during|for)\s+the\s+(?P<qe>first|second|third|fourth)(?=\s*(?:[.,;:)]|$)|\s+(?:and|while|but|against)\b)",
    re.IGNORECASE,
)
#: The quarter or half an ordinal said alone belongs to: the last one named before it.
_QUARTER_OR_HALF = re.compile(r"\b(quarter|half)\b", re.IGNORECASE)
#: A month and its year: "July 2025", "July, 2025", "July '25", "Jul-25". Two digits after a
#: month with only a space are its day ("ISLAMABAD, Jun 09 (APP)"), never a year.
_MONTH_YEAR = re.compile(
    rf"(?<![\w])(?P<month>{_MONTH_NAMES})(?![^\W\d_])\.?(?:\s?,?\s?(?P<year>(?:19|20)\d\d|['’]\d\d(?!\d))(?![\d-])|-(?P<yy>\d\d)\b(?![-–/]))?",
    re.IGNORECASE,
)
#: "Last year" said of a span of months right after it ("the first half of last year") or
#: right before it ("last year's first half", "گزشتہ سال کی پہلی ششماہی").
_OF_LAST_YEAR = re.compile(r"\s+of\s+(?:the\s+)?(?:last|previous|preceding)\s+year\b(?!['’])", re.IGNORECASE)
_LAST_YEARS = re.compile(rf"\b(?:last|previous|preceding)\s+year['’]s\s+$|{_UR_PREVIOUS}\s+{_UR_YEAR}\s+(?:کی|کے)\s+$", re.IGNORECASE)
_URDU_LAST_YEAR_BEFORE = re.compile(rf"(?:{_UR_PREVIOUS}\s+(?:مالی\s+)?{_UR_YEAR}|ایک\s+(?:سال|برس)\s+(?:قبل|پہلے))\s+(?:(?:کی|کے|کا)\s+)?$")  # "ایک سال قبل جولائی تا دسمبر": a year before
_SPAN_LAST_YEAR = re.compile(r"\s+(?:of\s+)?(?:the\s+)?(?:last|previous|preceding)\s+(?:fiscal\s+|financial\s+)?year\b|\s+a\s+year\s+(?:ago|earlier)\b", re.IGNORECASE)
#: A month of last year: "گزشتہ سال فروری", and "ایک سال پہلے جون میں" (June a year before) as
#: English "June a year earlier".
_URDU_LAST_YEAR = re.compile(rf"(?:{_UR_PREVIOUS}\s+{_UR_YEAR}|ایک\s+{_UR_YEAR}\s+(?:پہلے|قبل))\s+$")
#: "گزشتہ (مالی) سال کے اسی عرصے" (the same period of last year); "گزشتہ مالی کے اسی عرصہ" says it too,
#: and so does "ایک سال قبل اسی مہینے" (a year before, in the same month).
#: The fiscal year before the one the text has just named: "اس سے پچھلے مالی سال", "the
#: year before that".
#: The year after the one named before, in a telling of the years: "the following year", "the
#: next year", "a year later", "اگلے سال", "ایک سال بعد" (never "next year" alone, said of the
#: article's own: "exports will reach $5bn next year").
_YEAR_AFTER_THAT = re.compile(
    r"\b(?:the\s+(?:following|next|subsequent)\s+(?:fiscal\s+|financial\s+)?year|a\s+year\s+later|the\s+year\s+after(?:\s+that)?)\b"
    r"|(?<![^\W\d_])(?:اس\s+سے\s+)?اگلے\s+(?:سال|برس)(?![^\W\d_])|(?<![^\W\d_])ایک\s+(?:سال|برس)\s+بعد(?![^\W\d_])",
    re.IGNORECASE,
)
_YEAR_BEFORE_THAT = re.compile(rf"اس\s+سے\s+{_UR_PREVIOUS}\s+(?:مالی\s+)?{_UR_YEAR}|\b(?:the\s+)?(?:fiscal\s+|financial\s+)?year\s+before\s+that\b", re.IGNORECASE)
_URDU_SAME_PERIOD = re.compile(rf"(?:{_UR_PREVIOUS}\s+(?:مالی\s+{_UR_YEAR}|مالی|{_UR_YEAR})|ایک\s+(?:سال|برس)\s+(?:قبل|پہلے))\s+(?:(?:کے|کی)\s+)?(?:اسی|اس|انہی|انھی)\s+(?:(?:\d+|دو|تین|چار|پانچ|چھ|سات|آٹھ|نو|دس|گیارہ)\s+)?(?:عرصے|عرصہ|مدت|ماہ|مہینے|مہینوں|سہ\s?ماہی|ششماہی)"
    # "ایک سال پہلے کی دوسری ششماہی" (the second half a year before): the main period's part a year back
    r"|ایک\s+(?:سال|برس)\s+(?:قبل|پہلے)\s+(?:کے|کی)\s+(?:پہلی|دوسری|تیسری|چوتھی|آخری)\s+(?:سہ\s?ماہی|ششماہی)(?![^\W\d_])")
_LAST_YEAR = re.compile(r"\s*(?:of\s+)?(?:last|the\s+previous|previous)\s+year\b|\s*a\s+year\s+(?:ago|earlier)\b", re.IGNORECASE)
_RELATIVE_MONTH = re.compile(
    rf"\b(?P<rel>last|previous|preceding|this|current)\s+month\b(?!\s+of\b)|(?P<urel>{_UR_PREVIOUS}|رواں)\s+(?:ماہ|مہینے)"  # (never "the last month of FY24", a span's final month)
    # "down from $249m a month ago", "$330m the month before": the month before
    r"|\b(?:a|the)\s+month\s+(?P<ago>ago|earlier|before)\b(?!\s+(?:last|that))",
    re.IGNORECASE,
)
#: "two years earlier", "three years ago", "دو سال قبل": a base that many years back.
#: Urdu says a year back so too ("ایک سال پہلے کے 35 کروڑ ڈالر"), with the same month or period
#: after it or "اس سے" (than this) before it.
_YEARS_BACK = re.compile(
    r"\b(?:(?:the\s+)?(?:same|corresponding|comparable)\s+(?:period|month|quarter|half|months|time|stretch)\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|[1-3]\d)\s+years\s+(?:ago|earlier|before)\b"
    r"|(?:اس\s+سے\s+)?(?<![\d\w])(?P<un>ایک|دو|تین|چار|پانچ|چھ|سات|آٹھ|نو|دس|[1-9]|[1-3]\d)\s+(?:سال|برس)\s+(?:قبل|پہلے)(?![^\W\d_])"
    r"(?:\s+(?:کے|کی)\s+(?:اسی|انہی|اس)\s+(?:مہینے|ماہ|عرصے|عرصہ|مدت|سہ\s?ماہی|ششماہی)(?![^\W\d_]))?",
    re.IGNORECASE,
)
#: The quarter or half before the one compared with: "over the previous quarter's USD 1.09bn",
#: "5 percent below the preceding quarter", "پچھلی سہ ماہی کے 93 کروڑ ڈالر". Said of a base only:
#: "last quarter" alone may be the one before the article.
_PART_BEFORE = re.compile(
    r"(?:\b(?:than|over|from|on|against|with|to|below|above)\s+(?:in\s+)?(?:the|its)\s+(?:previous|preceding|last)\s+(?P<q>quarter|half)\b"
    r"|\b(?:the\s+)?(?:previous|preceding|last)\s+(?P<q2>quarter|half)['’]s|\bthe\s+(?P<q3>quarter|half)\s+before\b(?!\s+(?:last|that))"
    r"|\b(?:in|during)\s+the\s+(?:previous|preceding)\s+(?P<q4>quarter|half)\b)"
    r"|(?:اس\s+سے\s+)?(?:پچھلی|گزشتہ|گذشتہ)\s+(?P<uq>سہ\s?ماہی|ششماہی)(?=\s+(?:کے|کی|میں|سے)(?![^\W\d_]))",
    re.IGNORECASE,
)
#: "against $1.0 billion in the last quarter": after a base's amount, "the last quarter" is the
#: quarter before the one compared, not the one before the article.
_LAST_PART_OF_BASE = re.compile(
    r"\b(?:against|compared\s+(?:to|with)|versus|vs\.?|from|than)\s+(?:(?:about|around|nearly|some|roughly)\s+)?(?:US\s?\$|USD\s?|\$|Rs\.?\s?|PKR\s?)?[\d.,]+\s?(?:million|billion|mn|bn|m|b)?"
    r"\s+(?P<p>(?:in|during)\s+the\s+last\s+(?P<q>quarter|half))\b",
    re.IGNORECASE,
)
#: "اس سے پچھلے مہینے", "the month before that": the month before the one just named.
#: "اس سے پچھلے مہینے", "اس سے ایک ماہ پہلے" (a month before that), "the month before that".
_MONTH_BEFORE_THAT = re.compile(rf"اس\s+سے\s+(?:{_UR_PREVIOUS}\s+(?:ماہ|مہینے)|ایک\s+(?:ماہ|مہینہ|مہینے)\s+(?:پہلے|قبل))(?![^\W\d_])|\bthe\s+month\s+before\s+that\b", re.IGNORECASE)
_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "ایک": 1, "دو": 2, "تین": 3, "چار": 4, "پانچ": 5, "چھ": 6, "سات": 7, "آٹھ": 8, "نو": 9, "دس": 10,
}  # fmt: skip
#: Urdu "مالی سال 2023 کے اسی عرصے": the main period's months in the fiscal year named.
_URDU_SAME_PERIOD_OF_FY = re.compile(
    r"مالی\s+سال\s+(?P<y>(?:19|20)\d\d)(?:-(?P<y2>\d\d))?\s+(?:کے|کی)\s+(?:اسی|انہی|اس)\s+(?:عرصے|عرصہ|مدت|ماہ|مہینے|مہینوں|سہ\s?ماہی|ششماہی)(?![^\W\d_])"
)
#: "the same month of 2023", "the corresponding period in 2024", "2023 کے اسی مہینے": the main
#: period's months in that calendar year (see :func:`in_calendar_year`).
_SAME_MONTH_OF_YEAR = re.compile(
    r"\b(?:same|corresponding|comparable)\s+(?:month|months|period|quarter|half|stretch)\s+(?:of|in)\s+(?:the\s+(?:calendar\s+)?year\s+)?(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)"
    r"|(?<!\d)(?<!مالی\sسال\s)(?P<uyear>(?:19|20)\d\d)\s+(?:کے|کی)\s+(?:اسی|اس|انہی)\s+(?:ماہ|مہینے|مہینوں|عرصے|عرصہ|مدت|سہ\s?ماہی|ششماہی)",
    re.IGNORECASE,
)
_CALENDAR_YEAR = re.compile(
    # (an index's abbreviation may stand between its name and its year: "Index (EGDI) 2024")
    r"(?:\b(?:in|during|for|of|over|throughout|calendar(?:\s+year)?|CY|[Rr]eport|[Ii]ndex|[Rr]ankings?|[Ee]dition)\s+(?:\((?-i:[A-Z][A-Za-z&-]{1,9})\)\s+)?(?:the\s+)?(?:year\s+)?(?:of\s+)?|\bCY\s?'?)(?P<year>(?:19|20)\d\d)\b(?![-–/]\d)"
    # "2023 کے 2 ارب 81 کروڑ ڈالر": 2023's; "2023 کے پورے سال میں": in the whole of 2023
    r"|(?P<uyear>(?:19|20)\d\d)\s?(?:میں|کے\s+دوران|(?:کے|کی|کا)\s+(?=\d)|(?:کے|کا)\s+(?:پورے|تمام)\s+(?:سال|برس)(?:\s+(?:میں|کے\s+دوران))?)"
    r"|(?:انڈیکس|رینکنگ|درجہ\s+بندی)\s+(?P<ryear>(?:19|20)\d\d)(?!\d)"  # "عالمی فری لانسنگ انڈیکس 2024"
    r"|(?<!\d)(?P<iyear>(?:19|20)\d\d)\s+(?:کے|کی)\s+(?:انڈیکس|رینکنگ|درجہ\s+بندی|رپورٹ|ایڈیشن|جائزے|جائزہ|فہرست)(?![^\W\d_])"  # "2019 کے انڈیکس میں", "2025 کی فہرست میں": the 2019 index's ("سال 2025 کے جائزے میں": its review of 2025)
    # "the 2024 edition", "Kearney's 2025 Global Services Location Index", "Payoneer's 2021 freelancing report"
    r"|\b(?P<eyear>(?:19|20)\d\d)\s+(?:edition|update)\b|(?:['’]s|\ban?)\s+(?P<nyear>(?:19|20)\d\d)\s+(?=(?:[\w-]+\s+){0,5}?(?:index|report|ranking|rankings|survey)\b)",
    re.IGNORECASE,
)
#: "may" and "might" of a possibility, not of an official's stock phrase: "It may be noted that".
MAY = r"(?-i:may|might)(?!\s+(?:also\s+)?be\s+(?:noted|mentioned|recalled|added|pointed\s+out|stated|highlighted|underlined)\b)"
#: Words of a sentence that looks ahead: a projection, target or hope.
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|should|shall|expect\w*|anticipat\w*|project\w*|forecast\w*|target\w*|aim\w*|goals?|estimat\w*|likely|could|pencil+ed\s+in|"
    rf"{MAY}|hop\w+|plan\w*|envisag\w*|set\s+to|on\s+track)\b|ہدف|متوقع|توقع|(?<=\s)(?:گا|گی|گے)(?![^\W\d_])",
    re.IGNORECASE,
)
#: What a span of months is the total of: "the 11-month total", "first-quarter tally".
_REPORTED_TOTAL = re.compile(
    r"(?:['’]s)?\s*(?:IT\s+|ICT\s+)?(?:total|tally|figure|cumulative|exports|receipts|earnings)\b"
    r"|\s*(?:کا|کی|کے)\s+(?:حجم|مجموعی\s+حجم|مجموعہ|برآمدات|آمدن|آمدنی)(?![^\W\d_])",  # "نو ماہ کا حجم" (the nine months' volume)
    re.IGNORECASE,
)
#: A calendar year right after a quarter or a half: "first half of 2025", "Q1 2025", "Q1CY25"
#: (the forms :meth:`_PeriodScanner._calendar_parts` reads are taken before this is asked).
_CALENDAR_AFTER = re.compile(r"\s*(?:of\s+)?(?:the\s+)?(?:calendar\s+year\s+)?(?:(?:19|20)\d\d\b|'\d\d\b|CY)", re.IGNORECASE)
#: "by FY29", "till 2030": the date a target is set for, not a period figures were reported for.
_TARGET_BEFORE = re.compile(r"\b(?:by|till|until|through)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
#: "by the end of 2021": a year's end (:data:`_TARGET_YEAR`), as a date a total stood at when it has passed.
_END_OF_YEAR = re.compile(r"(?:by|till|until)\s+the\s+end\s+of\s+", re.IGNORECASE)
_TARGET_YEAR = re.compile(
    r"\b(?:by|till|until|to|through|vision)\s+(?:the\s+end\s+of\s+)?(?:(?P<year>(?:19|20)\d\d)|FY(?:\s?'?|-)\d\d(?:\d\d)?)\b", re.IGNORECASE
)
#: "The same period of the previous (fiscal) year": a year before the period it is compared with,
#: whatever the article's date (scanned before "previous fiscal year" is read as a year of its own).
_FIGURE_BETWEEN = re.compile(r"[$₨]\s?\d|\d[\d,.]*\s?(?:%|pc\b|per\s?cent|percent|million|billion|bn\b|mn\b|[MB]\b)", re.IGNORECASE)
_SAME_PERIOD_LAST_YEAR = re.compile(
    r"\b(?:same|corresponding|comparable)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+)?(?:period|month|quarter|half|months|time|stretch)\s+(?:of\s+|in\s+)?(?:the\s+)?(?:last|previous|preceding|a)\s+(?:(?:fiscal\s+|financial\s+)?year|(?-i:FY)|one)\b"
    r"|\b(?:same|corresponding|comparable)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+)?(?:period|month|quarter|half|months|time|stretch)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)\b",
    re.IGNORECASE,
)
#: "The corresponding period this year": after a base named first ("$185.7m in July-December FY21
#: ... the corresponding period this year"), the same months a year later.
_SAME_PERIOD_THIS_YEAR = re.compile(
    r"\b(?:same|corresponding|comparable)\s+(?:period|months?|quarter|time|stretch)\s+(?:of\s+|in\s+)?(?:this|the\s+current)\s+(?:fiscal\s+|financial\s+)?year\b",
    re.IGNORECASE,
)
#: "The following year", "the subsequent fiscal year", Urdu "اگلے ہی سال" (the very next year), "اس سے
#: اگلے مالی سال" (the year after that): a year after the one named before it ("اگلے سال" alone is
#: as often next year from now).
_FOLLOWING_YEAR = re.compile(
    r"\bthe\s+(?:following|subsequent)\s+(?:fiscal\s+|financial\s+)?year\b"
    r"|(?<![^\W\d_])(?:اگلے\s+ہی|اس\s+سے\s+اگلے)\s+(?:مالی\s+)?(?:سال|برس)(?![^\W\d_])",
    re.IGNORECASE,
)
#: "last year", "previous year", "گزشتہ سال" said bare: a year back from a year not named.
_BARE_LAST_YEAR = re.compile(r"(?:last|previous)\s+year|(?:گزشتہ|گذشتہ|پچھلے)\s+(?:سال|برس)", re.IGNORECASE)
_MATCHING = ("match", "matched", "surpass", "surpassed", "exceed", "exceeded", "reach", "reached", "equal", "equalled", "beat", "sustain", "sustained", "maintain", "maintained")
_MATCHED = "(?:" + "|".join(rf"(?<=\b{verb}\s)" for verb in _MATCHING) + ")"
_NOT_MATCHED = "".join(rf"(?<!\b{verb}\s)" for verb in _MATCHING)
_RELATIVE_COMPARISON = re.compile(
    # (never "last year's level" with no figure of its own, as what was or was not matched: a level
    # referred to, whose year is no later figure's: "could not surpass last year's level, falling 9
    # percent to $211 million"; but "5 percent below last year's level" compares with it)
    # (the words looked for first, and what stands before them only then: the test runs at every word)
    rf"\bSPLY\b|\b(?=(?:last|previous)\s){_MATCHED}(?:last|previous)\s+year\b(?!['’]s\s+(?:levels?|pace|mark|high|record|peak|performance|tally)\b(?!\s+(?:of|at)\b))"
    rf"|\b(?=(?:last|previous)\s){_NOT_MATCHED}(?:last|previous)\s+year\b|\ba\s+year\s+(?:ago|earlier)\b|{_UR_PREVIOUS}\s+{_UR_YEAR}(?!\s*مالی)"
    # "up from ninth the year before" (never "the year before the pandemic")
    r"|\bthe\s+year\s+before\b(?=\s*(?:[,.;:)]|$|and\b|when\b|while\b))",
    re.IGNORECASE,
)
#: "the same period of 2020-21", "the corresponding months of the fiscal year 2021-22", "the
#: corresponding month of the last fiscal year 2023-24": the base is the main period's months
#: in the fiscal year named.
_SAME_PERIOD_OF_FY = re.compile(
    r"\b(?:same|corresponding|comparable)\s+(?:period|months?|quarter|half|time|stretch)\s+(?:of|in)\s+(?:the\s+)?(?:(?:last|previous|preceding)\s+)?"
    r"(?:(?:fiscal|financial)\s+year\s+(?:\(FY\)\s+)?|FY(?:\s?'?|-))?(?P<a>(?:19|20)?\d\d)\s?[-–/]\s?(?P<b>\d\d)\b"
    r"|\b(?:same|corresponding|comparable)\s+(?:period|months?|quarter|half|time|stretch)\s+(?:of|in)\s+(?:the\s+)?(?:(?:last|previous|preceding)\s+)?"
    # "of the last financial year FY23": the year's name may follow the words that say it is one
    r"(?:(?:fiscal|financial)\s+year\s+(?:\(FY\)\s+)?(?:FY(?:\s?'?|-))?|FY(?:\s?'?|-))(?P<e>(?:19|20)?\d\d)\b",
    re.IGNORECASE,
)
#: "the fiscal year" named with no year or word that places it (see _bare_fiscal_year).
_FY_BARE = re.compile(
    r"\b(?:in|during|over|for)\s+the\s+(?:fiscal|financial)\s+year\b(?!\s*(?:\(|\d|FY|ending|ended|to\b|that|which|so\s+far|20\d\d))"
    r"|\b(?:fiscal|financial)[\s-]year\s+(?:exports|earnings)\b"
    r"|(?<![^\W\d_])(?<!رواں\s)(?<!جاری\s)(?<!موجودہ\s)(?<!گزشتہ\s)(?<!گذشتہ\s)(?<!پچھلے\s)(?<!سابقہ\s)(?<!آئندہ\s)(?<!اس\s)(?<!پورے\s)(?<!اسی\s)مالی\s+سال\s+(?:میں|کے\s+دوران)",
    re.IGNORECASE,
)
_MONTH_VALUE_FORM = re.compile(r"\d{4}-\d\d")
_BACK_REFERENCE = re.compile(
    # (never "during the month-long drive": how long, not which month)
    r"\b(?:during|in|for|over)\s+(?:the|this)\s+(?:same\s+)?(?:\d{1,2}[\s-]month\s+)?(?:month|period|quarter)(?![-‑]\w)(?:\s+under\s+review)?\b(?!\s+(?:of|last|a\s+year))"
    r"|اسی?\s+(?:عرصے|عرصہ|مدت)\s+(?:کے\s+دوران|میں)"
    # "اسی سہ ماہی میں" (in the same quarter), "اسی ششماہی", "اسی ماہ": the one named before
    r"|اسی\s+(?:سہ\s?ماہی|ششماہی|ماہ|مہینے)(?:\s+(?:کے\s+دوران|میں))?(?![^\W\d_])"  # (and "اسی مہینے" alone: in that month)
    # "اسی مالی سال میں", "in the same fiscal year": the fiscal year named before
    r"|اسی\s+مالی\s+سال\s+(?:کے\s+دوران|میں)|\b(?:during|in|for|over)\s+the\s+same\s+(?:(?:fiscal|financial)\s+)?year\b"
    # "یوں پورے مالی سال کی برآمدات" (the whole fiscal year's exports): the fiscal year named before
    r"|(?<!رواں\s)(?<!جاری\s)(?<!موجودہ\s)(?<!گزشتہ\s)(?<!گذشتہ\s)(?<!پچھلے\s)(?<!سابقہ\s)(?<!آئندہ\s)(?<!اس\s)پورے\s+مالی\s+سال(?!\s+\d)"
    # "پورے سال میں" (in the whole year): the fiscal year named before
    r"|(?<![^\W\d_])پورے\s+سال\s+(?:میں|کے\s+دوران)(?![^\W\d_])"
    r"|\bthe\s+(?:month|period)\s+under\s+review\b"
    # "By that date, 152,300 VPNs had been registered": the date named before
    r"|\b(?:by|as\s+of|as\s+on|on|till|until|up\s+to)\s+that\s+date\b"
    # "during the half", "during the year": the half or the fiscal year named before (see loose)
    r"|(?P<loose>\b(?:during|in|over|for)\s+the\s+(?:half|year)(?![-\w])(?!\s+(?:of|ago|earlier|before|to|ended|ending|under)\b)"
    r"|(?<![^\W\d_])اس\s+(?:ماہ|مہینے)(?![^\W\d_])"  # "اس ماہ" (that month) after a sentence naming it
    # "ششماہی کے دوران" (during the half), "ششماہی آمدن" (the half's earnings), not "پہلی ششماہی"
    r"|(?<![^\W\d_])(?<!پہلی\s)(?<!دوسری\s)(?<!اسی\s)(?:ششماہی|سہ\s?ماہی)\s+(?:کے\s+دوران|میں|آمدن|آمدنی|برآمدات)(?![^\W\d_]))",
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
    fy: int = 0  # "the same period of FY2020-21": the main period's months in the fiscal year ending then
    months_back: int = 0  # "last month": as a base, that many months before the main period
    year: int = 0  # "the same month of 2023": the main period's month in that year
    relative: bool = False  # "the previous fiscal year": counted from the article's date
    parts_back: int = 0  # "the previous quarter's": as a base, the quarter or half before the main one
    after_latest: bool = False  # "the month before that": counted from the latest period named, base or not
    loose: bool = False  # "during the year": a back-reference only when such a period was named before
    edition: bool = False  # "انڈیکس 2025", "Index 2025": a ranking's edition, which dates only its ranks
    stock: bool = False  # "as of August 31": the month a count stands at, never a flow's
    last_year: bool = False  # "December last year": the month in the calendar year before the article's
    of_span: bool = False  # "the corresponding months of last year": a span's base, never one month's
    year_after: bool = False  # "the following year", "اگلے سال": the year after the one the sentence before gave

    @property
    def counted(self) -> bool:
        """Whether the period is counted from the one it is compared with rather than named."""
        return bool(self.shift or self.fy or self.year or self.parts_back)


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
    """The calendar year a fiscal year ends in, from ``25``, ``2025`` or ``2024-25``."""
    if m := re.fullmatch(r"(\d{4})\s?[-–/]\s?(\d{2}|\d{4})", text):
        return int(m.group(2)) if len(m.group(2)) == 4 else int(m.group(1)[:2] + m.group(2))
    year = int(text)
    return 2000 + year if year < 100 else year


def fiscal_year(end_year: int) -> str:
    """``FY2024-25`` for the fiscal year ending in June ``end_year`` (2025)."""
    return f"FY{end_year - 1}-{end_year % 100:02d}"


def _fy_of(day: date) -> int:
    return day.year + 1 if day.month >= 7 else day.year


def _fy_of_month(period: str) -> int | None:
    """The fiscal year (by its end) of a month period ``2025-07``; ``None`` for other periods."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", period):
        return _fy_of(date(int(m.group(1)), int(m.group(2)), 1))
    return None


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


def span_of_months(months: Sequence[str], count: int) -> str:
    """The span ``months`` (``YYYY-MM`` values) make when they are ``count`` months one after
    another in one fiscal year, named one by one ("$236m in July, $257m in August and $251m in
    September": ``FY2023-24:Q1``); else ``""``."""
    named = sorted(set(months))
    if count < 2 or len(named) != count or not all(_MONTH_VALUE_FORM.fullmatch(m) for m in named):
        return ""
    ends = {_fy_of_month(m) for m in named}
    fiscal = [_fiscal_month(int(m[5:])) for m in named]
    if len(ends) != 1 or fiscal != list(range(fiscal[0], fiscal[0] + count)):
        return ""
    return _within_fy(ends.pop(), fiscal[0], fiscal[-1])


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


_SINCE_BEFORE = re.compile(
    r"\b(?:low\w*|high\w*|levels?|best|worst|larg\w*|small\w*|weak\w*|strong\w*|record|peak)\b(?:\s+[\w-]+){0,3}?\s+since\s+(?:the\s+)?$"
    # the start of a running total: "55,000 VPNs whitelisted since registration reopened in October"
    r"|\bsince\s+(?:[\w-]+\s+){0,4}?(?:in\s+)?(?:mid-)?$"  # (and "hit by slowdowns since mid-July")
    # and the time before it started: "about 20,000 before the drive began in October"
    r"|\bbefore\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){1,3}?(?:began|started|opened|was\s+launched|got\s+under\s*way)\s+(?:in\s+)?$",
    re.IGNORECASE,
)
_URDU_SINCE_AFTER = re.compile(
    r"\s+(?:میں\s+)?(?:[^\s،,۔\d]+\s+){0,4}?(?:ہونے|کرنے|ہوئے|جانے)\s+کے\s+بعد\s+سے(?![^\W\d_])"  # "2022 میں ... شروع ہونے کے بعد سے"
    r"|\s+سے\s+(?:لے\s+کر\s+)?اب\s+تک(?![^\W\d_])"  # "2022 سے اب تک"
)
_RESTATES = re.compile(r"\s*[,،(]?\s*(?:یعنی|i\.\s?e\.?|that\s+is|namely)\s*,?\s*", re.IGNORECASE)


class _PeriodScanner:
    """Finds the periods of one sentence, most specific forms first."""

    def __init__(self, sentence: str, published: date | None):
        self.s = sentence
        self.published = published
        self.taken: list[tuple[int, int]] = []
        self.found: list[Period] = []
        self.relative: set[tuple[int, int]] = set()  # fiscal years named by words ("last fiscal year")
        self.unknown: list[tuple[int, int]] = []  # such words with no date to count from

    def free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.taken)

    def add(self, value: str, start: int, end: int, **kw) -> None:
        self.taken.append((start, end))
        self.found.append(Period(value, start, end, **kw))

    def fiscal_years(self) -> list[tuple[int, int, int]]:
        """``(start, end, end_year)`` of every explicit or relative fiscal-year mention."""
        out = []
        for m in _FY_EXPLICIT.finditer(self.s):
            if m.group("a5") and int(m.group("b5")) + 1 == 2000 + int(m.group("a5")):
                out.append((m.start(), m.end(), 2000 + int(m.group("a5"))))  # "مالی سال 24-2023": end first
                continue
            a = m.group("a1") or m.group("a2") or m.group("a3") or m.group("a4") or m.group("a5")
            b = m.group("b1") or m.group("b2") or m.group("b3") or m.group("b4") or m.group("b5")
            if a:
                a = a if len(a) == 4 else f"20{a}"
                end = int(b) if len(b) == 4 else int(a[:2] + b)
                if end != int(a) + 1:
                    continue
                out.append((m.start(), m.end(), end))
            elif words := m.group("e7"):
                first, second = _UR_NUMBERS[words], _UR_NUMBERS.get(m.group("e8") or "", 0)
                if not second or second == first + 1:
                    out.append((m.start(), m.end(), 2000 + (second or first)))
            else:
                out.append((m.start(), m.end(), _fy_end(m.group("e1") or m.group("e2") or m.group("e3") or m.group("e4") or m.group("e5") or m.group("e6"))))
        if self.published is not None:
            for m in _FY_ENDED.finditer(self.s):
                # ("30 جون 2023 کو ختم ہونے والے مالی سال": the year that ended then)
                ended = int(m.group("uy")) if m.group("uy") else self.published.year if self.published.month >= 7 else self.published.year - 1
                out.append((m.start(), m.end(), ended))
        explicit = list(out)
        relative = list(_FY_RELATIVE.finditer(self.s))
        # "this financial year ... the previous financial year 2020-21": this year is the one
        # after the year named as the previous, whatever the article's date
        anchor = None
        for m in relative:
            named = next((e for s_, e_, e in explicit if s_ < m.end() + 12 and m.start() < e_), None)
            if named and (m.group("rel") or m.group("urel") or "").lower() in _PREVIOUS:
                anchor = named + 1
        # in July no month of the new fiscal year has been counted yet: a figure told of "this
        # fiscal year" then, and not looked forward to, is of the year that has just closed
        # ("رواں سال بڑھ کر 2 عشاریہ 12 ارب ڈالر", written in July 2021, is FY21's), and "last
        # year" beside it the one before
        closed = (
            anchor is None
            and self.published is not None
            and self.published.month == 7
            and any((m.group("rel") or m.group("urel") or "").lower() in _RUNNING for m in relative)
            and not _LOOKS_AHEAD.search(self.s)
            and not _SO_FAR_WORDS.search(self.s)
        )
        for m in relative:
            if self.published is None and anchor is None:
                self.unknown.append((m.start(), m.end()))  # "the last fiscal year" with no date: named, not known
                continue
            if any(start < m.end() + 12 and m.start() < end for start, end, _ in explicit):
                continue  # "the previous financial year 2021-22": the year named
            if m.group("ended"):
                if self.published is None or not 7 <= self.published.month <= 9:
                    continue  # (later in the year "the year just ended" may be the calendar year)
                out.append((m.start(), m.end(), _fy_of(self.published) - 1))
                self.relative.add((m.start(), m.end()))
                continue
            word = (m.group("rel") or m.group("urel")).lower()
            current = anchor or _fy_of(self.published) - closed
            shift = -1 if word in _PREVIOUS else 1 if word in ("next", "upcoming", "coming", "آئندہ") else 0
            if word == "outgoing" and self.published.month >= 7 and not closed:
                shift = -1  # in July and after, the year that just ended
            out.append((m.start(), m.end(), current + shift))
            self.relative.add((m.start(), m.end()))
        return sorted(f for f in out if not _TARGET_BEFORE.search(self.s, max(0, f[0] - 24), f[0]))

    def nearby_fy(self, fys: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int, int] | None:
        """A fiscal year mentioned just after (or just before) a span such as "first half"."""
        # (never across a figure: "Jul-Oct total now $1.31B vs $1.12B same period last FY")
        after = [f for f in fys if 0 <= f[0] - end <= 45 and self.free(f[0], f[1]) and not _FIGURE_BETWEEN.search(self.s, end, f[0])]
        before = [f for f in fys if 0 <= start - f[1] <= 25 and self.free(f[0], f[1])]
        return (after or before or [None])[0]

    def scan(self) -> list[Period]:
        s = self.s
        # "June, the last month of the previous fiscal year, ...": what the month is, said of it,
        # names no period of its own
        for m in _MONTH_SAID_OF_FY.finditer(s):
            said = "a" if m.group("a") else "u"
            self.taken.append((m.start(said), m.end(said)))
        for m in _FY_BEGAN_IN.finditer(s):
            self.taken.append((m.start("when"), m.end("when")))  # "the fiscal year that began in July": when it began, no period of a figure
        # a fiscal year named for "the same period" wins over the relative words before it ("the
        # same period of the last financial year FY23" is FY23's months, whatever the date)
        for m in _SAME_PERIOD_OF_FY.finditer(s):
            a, b, e = m.group("a"), m.group("b"), m.group("e")
            start_year = int(a if len(a or "") == 4 else f"20{a}") if a else None
            end_year = (start_year + 1 if int(b) == (start_year + 1) % 100 else 0) if a else _fy_end(e)
            if end_year:
                self.add("", m.start(), m.end(), comparison=True, fy=end_year)
        for m in _URDU_SAME_PERIOD_OF_FY.finditer(s):
            # ("مالی سال 2020-21 کی اسی سہ ماہی": the year that ends in 2021)
            self.add("", m.start(), m.end(), comparison=True, fy=int(m.group("y")) + 1 if m.group("y2") else int(m.group("y")))
        for m in _SAME_PERIOD_LAST_YEAR.finditer(s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), comparison=True, shift=1, of_span=bool(_SPAN_WORDS.search(m.group())))
        for m in _SAME_PERIOD_THIS_YEAR.finditer(s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), shift=-1)  # a year after the period named before it
        for m in _FOLLOWING_YEAR.finditer(s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), shift=-1)  # "in FY22 ..., and the following year": the year after the one named before
        for m in _URDU_SAME_PERIOD.finditer(s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), comparison=True, shift=1)  # "the same period of last (fiscal) year"
        for m in _MONTH_BEFORE_THAT.finditer(s):
            self.add("", m.start(), m.end(), comparison=True, months_back=1, after_latest=True)  # "اس سے پچھلے مہینے": the month before the one named
        for m in _PART_BEFORE.finditer(s):
            part = (m.group("q") or m.group("q2") or m.group("q3") or m.group("q4") or m.group("uq")).lower()
            self.add("", m.start(), m.end(), comparison=True, parts_back=6 if part in ("half", "ششماہی") else 3)
        for m in _LAST_PART_OF_BASE.finditer(s):
            if self.free(m.start("p"), m.end("p")):
                self.add("", m.start("p"), m.end("p"), comparison=True, parts_back=6 if m.group("q").lower() == "half" else 3)
        for m in _SAME_MONTH_OF_YEAR.finditer(s):
            if self.free(m.start(), m.end()):
                self.add("", m.start(), m.end(), comparison=True, year=int(m.group("year") or m.group("uyear")))
        for m in _YEARS_BACK.finditer(s):
            if self.free(m.start(), m.end()):
                n = m.group("n") or m.group("un")
                self.add("", m.start(), m.end(), comparison=True, shift=int(_COUNT_WORDS.get(n.lower(), n)))
        for m in _YEAR_BEFORE_THAT.finditer(s):
            if self.free(m.start(), m.end()):
                # "اس سے پچھلے مالی سال": the year before the one just named, a base
                self.add("", m.start(), m.end(), back=True, shift=1, comparison=True)
        for m in _YEAR_AFTER_THAT.finditer(s):
            if self.free(m.start(), m.end()):
                # "The following year they rose to $1.62 billion": the year after the one before
                self.add("", m.start(), m.end(), year_after=True)
        self._to_date()
        fys = [f for f in self.fiscal_years() if self.free(f[0], f[1])]
        for pattern, kind in ((_MONTHS_SO_FAR, "months"), (_HALF_FY, "half"), (_QUARTER_FY, "quarter")):
            for m in pattern.finditer(s):
                n = int(m.group("n") if kind == "months" else (m.group("n1") or m.group("n2")))
                first, last = _span_bounds(kind, n)
                if last <= 12:
                    self.add(_within_fy(_fy_end(m.group("y")), first, last), m.start(), m.end())
        self._calendar_parts()
        self._dated_spans()
        self._month_spans(fys)
        self._spans_with_fy(fys)
        for start, end, end_year in fys:
            if self.free(start, end) and not self._names_fy_of_span_before(start, end_year):
                self.add(self._so_far(end_year), start, end, relative=(start, end) in self.relative)
        for start, end in self.unknown:
            if self.free(start, end):
                self.add("", start, end)  # a period named but not placeable: its figures are no facts
        self._months()
        self._bare_fiscal_year()
        self._years()
        # "Economic Survey 2024-25", "اقتصادی جائزہ 25-2024": a document's name, which dates nothing
        # but ranks of its own (an edition)
        found = [replace(p, edition=True) if _DOCUMENT_BEFORE.search(self.s, max(0, p.start - 30), p.start) else p for p in self.found]
        return self._restated(sorted(found, key=lambda p: p.start))

    def _restated(self, found: list[Period]) -> list[Period]:
        """A period that only restates the one before it ("the same period last year, i.e. July
        to October", "گذشتہ مالی سال کے اسی عرصہ یعنی جولائی سے اکتوبر تک") is no period of its
        own: the first says which year's months they are."""
        out: list[Period] = []
        for p in found:
            told_of = re.match(r",?\s+(?:which|when)\b", self.s[p.end :])  # "..., which was $184m", "..., when they stood at $247m"
            if _SINCE_BEFORE.search(self.s, max(0, p.start - 40), p.start) and not told_of:
                continue  # "the lowest since May 2022": a point of reference, not the figure's period
            if _MONTH_SUPERLATIVE_BEFORE.search(self.s, max(0, p.start - 70), p.start) and not told_of:
                continue  # "$330 million, the highest monthly figure so far in FY25": the months it tops, not its period
            if _URDU_SINCE_AFTER.match(self.s, p.end):
                continue  # "2022 میں رجسٹریشن شروع ہونے کے بعد سے" (since registration began in 2022): a point of reference
            if out and _RESTATES.fullmatch(self.s, out[-1].end, p.start):
                first = out[-1]
                if not first.value and first.shift and p.value:
                    # "the same period last year, i.e. July to October": those months, a year back
                    # unless their own year was named (never the fiscal year still running)
                    value = p.value
                    if self.published is not None and fiscal_end(value) == _fy_of(self.published):
                        value = shift_period(value, first.shift)
                    out[-1] = Period(value, first.start, p.end, comparison=True, shift=first.shift)
                elif (first.months_back or first.relative) and p.value and not (p.shift or p.months_back):
                    # "گزشتہ ماہ یعنی نومبر" (last month, that is November): the month named, which
                    # says what "last" counts back from (the article's month need not be it)
                    out[-1] = replace(p, start=first.start)
                else:
                    out[-1] = replace(first, end=p.end)
                continue
            out.append(p)
        return out

    def _to_date(self) -> None:
        """"FYTD25", "fiscal year-to-date", "the financial year to date": the months of a fiscal
        year still running at the article's date, to the month before it (none in July)."""
        lowered = self.s.lower()
        if self.published is None or not any(clue in lowered for clue in ("fytd", "to date", "to-date", "so far", "till date")):
            return
        current = _fy_of(self.published)
        months = _fiscal_month(self.published.month) - 1
        for m in _FY_TO_DATE.finditer(self.s):
            year = m.group("y")
            if months >= 1 and (year is None or _fy_end(year) == current):
                self.add(_within_fy(current, 1, months), m.start(), m.end())

    def _so_far(self, end_year: int) -> str:
        """A whole fiscal year, or, when it is still running at the article's date, its months
        so far (to the month before the article's): "IT exports during FY21-22 surged to $1.3bn",
        written in January 2022, are July to December's."""
        if _LOOKS_AHEAD.search(self.s):
            return fiscal_year(end_year)  # a projection for the running year is for all of it
        return running_fy(end_year, self.published) or fiscal_year(end_year)

    def _names_fy_of_span_before(self, start: int, end_year: int) -> bool:
        """Whether a fiscal year mention only says which year a span just before it is in:
        "July 2021 to January 2022 during FY2021-22" is one period."""
        name = fiscal_year(end_year)
        for p in self.found:
            if 0 <= start - p.end <= 35 and (p.value.startswith(name + ":") or _fy_of_month(p.value) == end_year):
                self.taken.append((start, start + 1))
                return True
        return False

    def _dated_spans(self) -> None:
        for m in _DATED_SPAN.finditer(self.s):
            m1, m2, year = m.group("m1") or m.group("m1b"), m.group("m2") or m.group("m2b"), m.group("year") or m.group("yearb")
            first, last = _fiscal_month(_month_number(m1)), _fiscal_month(_month_number(m2))
            if last < first or not self.free(m.start(), m.end()):
                continue
            if year:
                end_year = int(year) + (1 if _month_number(m2) >= 7 else 0)
            else:
                end_year = _latest_fy_ending_by(last, self.published)
            self.add(_within_fy(end_year, first, last), m.start(), m.end())

    def _month_spans(self, fys: list[tuple[int, int, int]]) -> None:
        for m in _MONTH_SPAN.finditer(self.s):
            first, last = (_fiscal_month(_month_number(m.group(g))) for g in ("m1", "m2"))
            if not self.free(m.start(), m.end()):
                continue
            if last < first:
                # a span across the fiscal year's end is none of its spans; nor are the months it
                # is said to be ("the eleven months from January to November", "جنوری سے نومبر
                # تک کے گیارہ مہینوں"), which would otherwise read as the fiscal year's first eleven
                if first == 7 and last == 6:
                    # "January-December 2025", "a January-December total": a calendar year
                    # (with no year, the words name the kind of total, no period of their own:
                    # "the first time a January-December total has passed $4 billion")
                    year = m.group("year") or m.group("year1")
                    if year:
                        self.add(year, m.start(), m.end())
                    else:
                        self.taken.append((m.start(), m.end()))
                    continue
                count = last - first + 13
                for n in _FIRST_MONTHS.finditer(self.s, max(0, m.start() - 40), min(len(self.s), m.end() + 30)):
                    said = n.group("n") or n.group("un")
                    if said and _count_said(said) == count:
                        self.add("", min(m.start(), n.start()), max(m.end(), n.end()))
                        break
                continue
            if m.group("joint") == "and" and not m.group("between") and not _JOINTLY.match(self.s, m.end()) and not _ONE_FIGURE_BEFORE.fullmatch(self.s, _clause_start(self.s, m.start()), m.start()):
                # "in July and August" names two months; "between July and August", "July and
                # August combined" or one figure said "in January and February" a span
                continue
            if m.group("joint") == "اور" and (last != first + 1 or re.match(r"\s*(?:میں|کے\s+دوران)?\s*بالترتیب", self.s[m.end() :])):
                continue  # "جولائی اور اگست": two months running, but two months each its own figure when "بالترتیب" (respectively)
            start, end = m.start(), m.end()
            if m.group("year"):
                month = _month_number(m.group("m2"))
                end_year = int(m.group("year")) + (1 if month >= 7 else 0)
                if m.group("year1") and _fy_of(date(int(m.group("year1")), _month_number(m.group("m1")), 1)) != end_year:
                    continue  # "July 2023 to March 2025" is no span of one fiscal year
            elif m.group("year1"):
                month = _month_number(m.group("m1"))
                end_year = int(m.group("year1")) + (1 if month >= 7 else 0)
            elif self.published is not None and (last_year := _SPAN_LAST_YEAR.match(self.s, end)):
                # "July-September last year", said after another fiscal year was named
                end_year, end = _fy_of(self.published) - 1, last_year.end()
            elif fy := self.nearby_fy(fys, m.start(), m.end()):
                end_year, end = fy[2], max(end, fy[1])
                self.taken.append((fy[0], fy[1]))
            elif self.published is not None and (urdu := _URDU_LAST_YEAR_BEFORE.search(self.s, max(0, m.start() - 30), m.start())):
                end_year, start = _fy_of(self.published) - 1, urdu.start()  # "گزشتہ سال جولائی تا ستمبر"
            else:
                end_year = _latest_fy_ending_by(last, self.published)
            # (the months counted right beside it restate it: "جنوری سے مارچ کے تین ماہ", "the three
            # months from January to March", never the fiscal year's first three)
            for n in _FIRST_MONTHS.finditer(self.s, max(0, m.start() - 30), min(len(self.s), m.end() + 20)):
                said = n.group("n") or n.group("un")
                gap = self.s[m.end() : n.start()] if n.start() >= m.end() else self.s[n.end() : m.start()]
                if said and _MONTH_COUNT_BESIDE.fullmatch(gap) and _count_said(said) == last - first + 1:
                    start, end = min(start, n.start()), max(end, n.end())
                    self.taken.append((n.start(), n.end()))
                    break
            self.add(_within_fy(end_year, first, last), start, end)

    def _calendar_parts(self) -> None:
        """A quarter or half of a calendar year is the fiscal year's part of those months: the
        first quarter of 2025 (January to March) is the third of FY2024-25, the second half of
        2024 (July to December) the first of FY2024-25 ("1QCY25", "H1 2025", "کیلنڈر سال 2025
        کی پہلی سہ ماہی")."""
        for m in _CALENDAR_PART.finditer(self.s):
            if self.free(m.start(), m.end()):
                n = int(m.group("n1") or m.group("n2") or m.group("h1") or m.group("h2"))
                first, last = _span_bounds("quarter" if (m.group("n1") or m.group("n2")) else "half", n)
                self._add_calendar_part(first, last, int(m.group("y")) % 100 + 2000, m.start(), m.end())
        # ("the first eleven months of the calendar year", "the first five months of 2025": months
        # of a calendar year, no span of the fiscal year's)
        for m in _FIRST_MONTHS.finditer(self.s):
            if (m.group("n") or m.group("un")) and self.free(m.start(), m.end()) and (cal := _OF_CALENDAR_YEAR.match(self.s, m.end())):
                self.add("", m.start(), cal.end())
        for m in _QUARTER_WORDS.finditer(self.s):
            if m.groupdict().get("qe") or not self.free(m.start(), m.end()):
                continue
            after = _CALENDAR_YEAR_AFTER.match(self.s, m.end())
            before = _CALENDAR_YEAR_BEFORE.search(self.s, max(0, m.start() - 30), m.start())
            if not (after or before):
                continue
            found = after or before
            year = int(found.group("y") or found.groupdict().get("yy") or found.groupdict().get("uy"))
            first, last = _named_span(m)
            start, end = (m.start(), after.end()) if after else (before.start(), m.end())
            self._add_calendar_part(first, last, year % 100 + 2000, start, end)

    def _add_calendar_part(self, first: int, last: int, year: int, start: int, end: int) -> None:
        """Calendar months ``first`` to ``last`` of ``year`` as the fiscal year's months."""
        if last <= 6:
            self.add(_within_fy(year, first + 6, last + 6), start, end)  # January to June: the fiscal year ending then
        else:
            self.add(_within_fy(year + 1, first - 6, last - 6), start, end)

    def _spans_with_fy(self, fys: list[tuple[int, int, int]]) -> None:
        for m in list(_FIRST_MONTHS.finditer(self.s)) + list(_QUARTER_WORDS.finditer(self.s)):
            if not self.free(m.start(), m.end()):
                continue
            if m.groupdict().get("qe"):
                units = [u.group(1).lower() for u in _QUARTER_OR_HALF.finditer(self.s, 0, m.start())]
                if not units or (units[-1] == "half" and m.group("qe").lower() not in ("first", "second")):
                    continue  # "in the first" with no quarter or half named before: of something else
            first, last = _named_span(m)
            if self._duration(m):
                continue
            fy = self.nearby_fy(fys, m.start(), m.end()) or self._last_year_of(m)
            if fy is None and not re.search(r"fiscal|financial|FY|مالی", self.s, re.IGNORECASE) and not (m.groupdict().get("uq") or m.groupdict().get("uh") or m.groupdict().get("unq")):
                if not self._reporting_months(m):
                    continue
            if fy is not None:
                self.taken.append((fy[0], fy[1]))
            end_year = fy[2] if fy else _latest_fy_ending_by(last, self.published)
            if m.groupdict().get("qe") and (named := [p for p in self.found if p.start < m.start() and re.search(r":(?:Q|H)\d$", p.value)]):
                end_year = fiscal_end(named[-1].value)  # "in the first": of the year of the quarter or half named before
            self.add(_within_fy(end_year, first, last), m.start(), max(m.end(), fy[1] if fy else 0))

    def _last_year_of(self, m: re.Match) -> tuple[int, int, int] | None:
        """"Last year" said of a span of the fiscal year ("the first half of last year", "last
        year's first quarter", "گزشتہ سال کی پہلی ششماہی"): the span of the fiscal year before
        the one running at publication, as "last fiscal year" is. ``(start, end, end_year)``
        of the words, or ``None``."""
        if self.published is None:
            return None
        after = _OF_LAST_YEAR.match(self.s, m.end())
        before = _LAST_YEARS.search(self.s, max(0, m.start() - 30), m.start())
        if not (after or before):
            return None
        start, end = (m.end(), after.end()) if after else (before.start(), m.start())
        return start, end, _fy_of(self.published) - 1

    def _duration(self, m: re.Match) -> bool:
        """Whether "N months" is a length of time ("banned for six months", "two months ago"),
        not months of a fiscal year."""
        groups = m.groupdict()
        if not (groups.get("n") or groups.get("un")) or re.match(r"(?:the\s+)?first\b|پہلے|ابتدائی", m.group(), re.IGNORECASE):
            return False  # "for the first nine months": months of a year, however introduced
        if (groups.get("n") or groups.get("un") or "").lower() in ("1", "one", "ایک"):
            return True  # "in just one month", "صرف ایک ماہ میں": a length of time; a month is named by its name
        before = self.s[max(0, m.start() - 20) : m.start()]
        after = self.s[m.end() : m.end() + 16]
        if _SUPERLATIVE_IN.search(self.s, max(0, m.start() - 60), m.start()):
            return True  # "the slowest annual growth in eleven months": how long since, not months of a year
        return bool(
            re.search(r"\b(?:for|after|within|next|another|over\s+the\s+next|coming)\s+(?:the\s+)?$", before, re.IGNORECASE)
            or re.match(r"\s*(?:ago|later|earlier|from\s+now|back|old|long|قبل|پہلے|بعد)", after, re.IGNORECASE)
            or re.match(r"[\s-]*(?:low|high|peak|record|lowest|highest|average|moving)\b", after, re.IGNORECASE)  # "an eight-month low"
        )

    def _reporting_months(self, m: re.Match) -> bool:
        """Whether "N months", a quarter or a half with no fiscal year named is a reporting
        period (of the fiscal year: "exports grew 20pc in four months", "9 ماہ میں", "exports
        reach $1.05bn in Q1") rather than a passing mention or a calendar one ("in the first
        half of 2025", "Q1 2025", which :meth:`_calendar_parts` reads as the fiscal year's part
        of those months)."""
        groups = m.groupdict()
        if self.published is None:
            return False
        before = self.s[max(0, m.start() - 20) : m.start()]
        after = self.s[m.end() : m.end() + 24]
        if _REPORTED_TOTAL.match(after):
            return True  # "the nine-month total", "first-quarter tally at $636m"
        if groups.get("qe"):
            return True  # its quarter or half was named before it, as one of the fiscal year
        if groups.get("q") or groups.get("qn") or groups.get("h") or groups.get("hn"):
            # (or compared with: "Compared with the first quarter, when exports stood at ...")
            return bool(re.search(r"\b(?:in|during|for|(?:compared|as\s+against)\s+(?:with|to)|against|than)\s+(?:the\s+)?$", before, re.IGNORECASE)) and not _CALENDAR_AFTER.match(after)
        if not (groups.get("n") or groups.get("un")):
            return False
        return bool(re.search(r"\b(?:in|during|of)\s+(?:the\s+)?(?:first\s+)?$|\bfirst\s+$", before, re.IGNORECASE) or re.match(r"\s*(?:میں|کے\s+دوران)", after))

    def _bare_fiscal_year(self) -> None:
        """"the fiscal year" with no year, beside the one month a sentence names ("IT exports at
        $298m in June, up 24pc in the fiscal year", "جون میں ... ، مالی سال میں 24 فیصد اضافہ"):
        that month's fiscal year, to that month (the whole year when it is June); with no month,
        "during the fiscal year" refers back to the one named before."""
        months = [p for p in self.found if _MONTH_VALUE_FORM.fullmatch(p.value) and not p.comparison]
        if len(months) != 1:
            # with no month beside it, "during the fiscal year" is the fiscal year named before
            # (not a quarter or month of it named last): a back-reference, dropped when none was
            for m in _FY_BARE.finditer(self.s):
                if self.free(m.start(), m.end()) and re.search(r"\b(?:in|during|over|for)\s+the\s+(?:fiscal|financial)\s+year", m.group(), re.IGNORECASE):
                    self.add("", m.start(), m.end(), back=True, loose=True)
            return
        year, month = int(months[0].value[:4]), int(months[0].value[5:])
        end_year = year + (1 if month >= 7 else 0)
        for m in _FY_BARE.finditer(self.s):
            if self.free(m.start(), m.end()):
                last = _fiscal_month(month)
                self.add(fiscal_year(end_year) if last == 12 else _within_fy(end_year, 1, last), m.start(), m.end())

    def _months(self) -> None:
        for m in _MONTH_OF_YEAR_SAID.finditer(self.s):
            if self.free(m.start(), m.end()):
                # "the last month of 2023", "the first month of the year 2024": December, January
                self.add(f"{m.group('year')}-{1 if m.group('first') else 12:02d}", m.start(), m.end())
        for m in _MONTH_YEAR.finditer(self.s):
            stock = _is_calendar_date(self.s, m)
            if not self.free(m.start(), m.end()) or (stock and not _month_end(self.s, m)):
                continue
            month = _month_number(m.group("month"))
            if m.group("month") == "May" and not m.group("year") and not _month_context(self.s, m.start()) and not re.match(r"['’]s\b|\s+alone\b|\s+(?:[a-z]+ed|was|saw|came|brought|stood|rose|fell|grew|hit)\b", self.s[m.end() :]):
                continue  # ("May's receipts", "May alone", "May revised to $331m": the month, not "may", which no past tense follows)
            start, end = m.start(), m.end()
            if _PUBLISHED_IN_MID.search(self.s, max(0, start - 40), start) and not (m.group("year") or m.group("yy")):
                self.taken.append((start, end))  # "the $329 million it had first published in mid-July": a day, no month's figure
                continue
            if not (m.group("year") or m.group("yy")) and (
                ((said := _AMOUNT_RELEASED_IN.search(self.s, max(0, start - 60), start)) and not re.search(r"[,;]", self.s[said.end("amount") : start]))
                or (_THE_BEFORE.search(self.s, max(0, start - 8), start) and _RELEASE_NOUN_AFTER.match(self.s, end))
            ):
                # "the provisional $2.61 billion reported in July", "$855 million in the October
                # release": when the figure came out, not the month it is of
                self.taken.append((start, end))
                continue
            if month == 6 and not (m.group("year") or m.group("yy")) and _CLOSED_IN.search(self.s, max(0, start - 30), start) and any(
                _FY_VALUE.fullmatch(p.value) and 0 <= start - p.end <= 40 for p in self.found
            ):
                self.taken.append((start, end))  # "a difficult FY2022-23, which closed in June with ...": the year's end, no month of its own
                continue
            fy = None if (m.group("year") or m.group("yy")) else self._fy_beside(start, end)
            last = False
            if m.group("year") or m.group("yy"):
                year = int((m.group("year") or m.group("yy")).lstrip("'’"))
                year = 2000 + year if year < 100 else year
            elif fy is not None:  # "July of FY24", Urdu "گزشتہ مالی سال کے جولائی": July in that year
                self.found.remove(fy)
                year = fy_end_of(fy.value) - (1 if month >= 7 else 0)
                start, end = min(start, fy.start), max(end, fy.end)
            elif self.published is not None:
                year = self.published.year if month <= self.published.month else self.published.year - 1
                if stock and month == self.published.month and _day_of(self.s, m) > self.published.day:
                    # "extended the deadline until December 31", written on December 3: a day
                    # still to come, which no reported total stands at
                    continue
                # "December last year", written in January 2025, is December 2024: the month in
                # the calendar year before the article's, however late in it (as the base of a
                # comparison with that very month, it is the one a year before: see _extract)
                if last_year := _LAST_YEAR.match(self.s, end):
                    year, end, last = self.published.year - 1, last_year.end(), True
                elif urdu := _URDU_LAST_YEAR.search(self.s, 0, m.start()):
                    year, start, last = self.published.year - 1, urdu.start(), True  # "گزشتہ سال فروری": February of last year
            else:
                self.add("", m.start(), end)
                continue
            # ("to reach $4.3 billion by June", "جون تک ... جا سکتی ہیں", in a sentence that looks
            # ahead: the date a hope is set for, no period figures were reported for)
            # (the hope said before it in English, after it in Urdu, near enough to be its own)
            target = not (m.group("year") or m.group("yy")) and bool(
                (_BY_MONTH_BEFORE.search(self.s, max(0, start - 12), start) and _LOOKS_AHEAD.search(self.s, max(0, start - 80), start))
                or (_URDU_BY_MONTH_AFTER.match(self.s, end) and _LOOKS_AHEAD.search(self.s, end, end + 80))
            )
            self.add(f"{year}-{month:02d}", start, end, stock=stock, last_year=last, target=target)
        for m in _RELATIVE_MONTH.finditer(self.s):
            if self.published is None or not self.free(m.start(), m.end()):
                continue
            if _RELEASED_OR_SAID_BEFORE.search(self.s, max(0, m.start() - 40), m.start()) or _URDU_RELEASED_AFTER.match(self.s, m.end()):
                self.taken.append((m.start(), m.end()))  # "data released last month": when, not what it is of
                continue
            back = 0 if (m.group("rel") or m.group("urel") or "").lower() in ("this", "current", "رواں") else 1
            year, month = divmod(self.published.year * 12 + self.published.month - 1 - back, 12)
            self.add(f"{year}-{month + 1:02d}", m.start(), m.end(), months_back=back, comparison=bool(m.group("ago")))

    def _fy_beside(self, start: int, end: int) -> Period | None:
        """A whole fiscal year named right before or after a month: the month is in it ("July of
        FY24", "گزشتہ مالی سال کے جولائی", and with nothing between, "گزشتہ مالی سال جولائی میں")."""
        for p in self.found:
            if re.fullmatch(r"FY\d{4}-\d\d", p.value) and (
                (p.end <= start and re.fullmatch(r"\s*(?:(?:کے|کی|کا)\s*)?", self.s[p.end : start]))
                or (end <= p.start and re.fullmatch(r"\s*(?:of|in)?\s*(?:the\s+)?", self.s[end : p.start]))
            ):
                return p
        return None

    def _years(self) -> None:
        for m in _TARGET_YEAR.finditer(self.s):
            if self.free(m.start(), m.end()):
                year = int(m.group("year") or 0)
                if year and self.published is not None and year < self.published.year and _END_OF_YEAR.match(m.group()) and not _LOOKS_AHEAD.search(self.s, max(0, m.start() - 80), m.start()):
                    # "a total of 14,300 registered by the end of 2021", written in 2023: a count
                    # as it stood at a year's end already past, no deadline
                    self.add(f"{year}-12", m.start(), m.end(), stock=True)
                    continue
                self.add("", m.start(), m.end(), target=True)
        for m in _CALENDAR_YEAR.finditer(self.s):
            if self.free(m.start(), m.end()):
                edition = bool(m.group("ryear") or m.group("iyear") or m.group("eyear") or m.group("nyear") or re.match(r"(?:report|index|rankings?|edition)\b", m.group(), re.IGNORECASE))
                year = m.group("year") or m.group("uyear") or m.group("ryear") or m.group("iyear") or m.group("eyear") or m.group("nyear")
                self.add(year, m.start(), m.end(), edition=edition)
        for m in _RELATIVE_COMPARISON.finditer(self.s):
            if self.free(m.start(), m.end()):
                if self.published is not None and _BARE_LAST_YEAR.fullmatch(m.group()) and any(
                    p.value == str(self.published.year - 2) and p.start > m.end() for p in self.found
                ):
                    # "29,400 VPNs were registered last year, while in 2021 the number was 17,800",
                    # written in 2023: set against the calendar year before it, the article's last
                    # calendar year
                    self.add(str(self.published.year - 1), m.start(), m.end())
                    continue
                self.add("", m.start(), m.end(), comparison=True, shift=1)
        for m in _BACK_REFERENCE.finditer(self.s):
            if self.free(m.start(), m.end()):
                if _MONTHS_OF_IT_BEFORE.search(self.s, max(0, m.start() - 24), m.start()):
                    continue  # "اکتوبر تا دسمبر کی سہ ماہی میں": the quarter its months just named, not one named before
                self.add("", m.start(), m.end(), back=True, loose=bool(m.group("loose")))


def running_fy(end_year: int, published: date | None) -> str:
    """The months so far (to the month before ``published``) of the fiscal year ending
    ``end_year`` when it is still running then, else ``""``."""
    if published is None or _fy_of(published) != end_year or published.month == 7:
        return ""
    return _within_fy(end_year, 1, _fiscal_month(published.month) - 1)


def _span_bounds(kind: str, n: int) -> tuple[int, int]:
    if kind == "months":
        return 1, n
    if kind == "half":
        return (1, 6) if n == 1 else (7, 12)
    return 3 * n - 2, 3 * n


def _named_span(m: re.Match) -> tuple[int, int]:
    ordinal = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
               "پہلی": 1, "دوسری": 2, "تیسری": 3, "چوتھی": 4}  # fmt: skip
    groups = m.groupdict()
    if groups.get("first") or groups.get("ufirst"):
        return 1, 1  # "the first month of the fiscal year": July
    if groups.get("n") or groups.get("un"):
        n = groups.get("n") or groups["un"]
        months = _count_said(n)
        return 1, min(months, 12)
    if groups.get("nq") or groups.get("unq"):
        return 1, 3 * _count_said(groups.get("nq") or groups["unq"])
    if groups.get("qe"):
        unit = [u.group(1).lower() for u in _QUARTER_OR_HALF.finditer(m.string, 0, m.start())][-1]
        return _span_bounds(unit, ordinal[groups["qe"].lower()])
    ordinal["آخری"] = 4 if groups.get("uq") else 2  # the last quarter or half of the fiscal year
    if groups.get("q") or groups.get("qn") or groups.get("uq"):
        q = int(groups["qn"]) if groups.get("qn") else ordinal[(groups.get("q") or groups["uq"]).lower()]
        return _span_bounds("quarter", q)
    h = int(groups["hn"]) if groups.get("hn") else ordinal[(groups.get("h") or groups["uh"]).lower()]
    return _span_bounds("half", h)


def _month_number(name: str) -> int:
    return _MONTHS.get(name.lower()[:3], 0) or _MONTHS[name]


def _is_calendar_date(sentence: str, m: re.Match) -> bool:
    """``May 31``, ``31st May``, ``29 & 30th April``: a day, not a reporting month (never the
    start of a count after it: "In November 18,500 VPNs", "In November 18 thousand 500 VPNs")."""
    after = sentence[m.end() : m.end() + 16]
    before = sentence[max(0, m.start() - 8) : m.start()]
    return bool(re.match(r"\s?\d{1,2}(?:st|nd|rd|th)?\b(?!\d)(?![,.]\d)(?!\s+(?:thousand|lakhs?|crores?|hundred|million)\b)", after, re.IGNORECASE) and not m.group("year")) or bool(
        re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s?(?:of\s+)?$", before)
    )


#: "as of August 31", "by 30 June": a count standing at a month's end is that month's.
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+on|by|till|until|up\s+to|upto)\s+(?:the\s+)?$", re.IGNORECASE)


def _day_of(sentence: str, m: re.Match) -> int:
    """The day of a calendar date around the month ``m`` ("December 31", "31st December"), else 0."""
    after = re.match(r"\s?(\d{1,2})(?:st|nd|rd|th)?\b", sentence[m.end() : m.end() + 6])
    before = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s?(?:of\s+)?$", sentence[max(0, m.start() - 8) : m.start()])
    return int((after or before).group(1)) if (after or before) else 0


def _month_end(sentence: str, m: re.Match) -> bool:
    """Whether a calendar date is a month's last day that a total stands at: "as of August 31",
    "by 30th June" (but "on August 14" is a day)."""
    after = re.match(r"\s?(\d{1,2})(?:st|nd|rd|th)?\b", sentence[m.end() : m.end() + 6])
    before = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s?(?:of\s+)?$", sentence[max(0, m.start() - 8) : m.start()])
    day = int((after or before).group(1)) if (after or before) else 0
    opens = m.start() - (len(before.group()) if before else 0)
    last = {2: (28, 29), 4: (30,), 6: (30,), 9: (30,), 11: (30,)}.get(_month_number(m.group("month")), (31,))
    return day in last and bool(_AS_OF.search(sentence, max(0, opens - 12), opens))


def _month_context(sentence: str, start: int) -> bool:
    """Whether "May" is the month: preceded by in/during/for/of/since/till or a figure."""
    return bool(re.search(r"(?:\b(?:in|during|for|of|since|till|until|through|from|than|against|over|versus|month\s+of)|\d[%\w]*)\s+$", sentence[max(0, start - 20) : start], re.IGNORECASE))


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


def part_before(period: str, months: int) -> str:
    """The quarter (``months`` 3) or half (6) before ``period``: ``FY2025-26:Q2`` -> ``FY2025-26:Q1``,
    ``FY2024-25:Q1`` -> ``FY2023-24:Q4``, ``FY2024-25:H1`` -> ``FY2023-24:H2``; ``""`` for
    anything else."""
    m = re.fullmatch(r"FY(\d{4})-\d\d:([QH])([1-4])", period)
    if not m or (m.group(2) == "Q") != (months == 3):
        return ""
    n, end = int(m.group(3)), int(m.group(1)) + 1
    if n > 1:
        return f"FY{end - 1}-{str(end)[2:]}:{m.group(2)}{n - 1}"
    return f"{fiscal_year(end - 1)}:{m.group(2)}{4 if m.group(2) == 'Q' else 2}"


def in_calendar_year(period: str, year: int) -> str:
    """``period``'s months in calendar year ``year``, when that is before them ("July-October,
    against the same period of 2023": July-October 2023); ``""`` when they are not all in one
    calendar year (July-March) or are not a month or part of a fiscal year."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", period):
        return f"{year}-{m.group(2)}" if year < int(m.group(1)) else ""
    m = re.fullmatch(r"FY(\d{4})-\d\d:(.+)", period)
    if not m:
        return ""
    named = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12)}
    if m.group(2) in named:
        first, last = named[m.group(2)]
    elif parts := re.fullmatch(r"([A-Z][a-z]{2})-([A-Z][a-z]{2})", m.group(2)):
        first, last = (_fiscal_month(_MONTH_ABBR.index(x)) for x in parts.groups())
    else:
        return ""
    if first <= 6 < last:
        return ""  # across the turn of a year: which year's months is not said
    calendar = int(m.group(1)) + (0 if last <= 6 else 1)
    return shift_period(period, calendar - year) if year < calendar else ""


def shift_months(period: str, months: int) -> str:
    """A month period moved ``months`` back: ``2025-01`` -> ``2024-12``; ``""`` for other periods."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", period):
        year, month = divmod(int(m.group(1)) * 12 + int(m.group(2)) - 1 - months, 12)
        return f"{year}-{month + 1:02d}"
    return ""


def span_months(period: str) -> int:
    """How many months a part of a fiscal year holds (``FY2024-25:Jul-Oct``: 4, ``:Q2``: 3,
    ``:H1``: 6); 0 for other periods."""
    m = re.fullmatch(r"FY\d{4}-\d\d:(.+)", period)
    if not m:
        return 0
    label = m.group(1)
    if re.fullmatch(r"Q[1-4]", label):
        return 3
    if re.fullmatch(r"H[12]", label):
        return 6
    if parts := re.fullmatch(r"([A-Z][a-z]{2})-([A-Z][a-z]{2})", label):
        first, last = (_fiscal_month(_MONTH_ABBR.index(x)) for x in parts.groups())
        return last - first + 1 if last >= first else 0
    return 0


def fy_end_of(period: str) -> int:
    """The year a ``FY2024-25`` period ends in (2025)."""
    return int(period[2:6]) + 1


def fiscal_end(period: str) -> int | None:
    """The year the fiscal year of ``period`` ends in (``FY2024-25:H1`` and ``2024-08``: 2025)."""
    if m := re.match(r"FY(\d{4})-\d\d", period):
        return int(m.group(1)) + 1
    return _fy_of_month(period)


def period_end(period: str) -> date | None:
    """The last day of a period (``2025-07``, ``2025``, ``FY2024-25``, ``FY2024-25:Jul-Mar``,
    ``FY2025-26:Q1``, ``FY2025-26:H1``), or ``None`` when it is not one of those forms."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", period):
        year, month = int(m[1]), int(m[2])
    elif m := re.fullmatch(r"(\d{4})", period):
        year, month = int(m[1]), 12
    elif m := re.fullmatch(r"FY(\d{4})-\d\d(?::(.+))?", period):
        first = int(m[1])
        span = m[2] or "Jul-Jun"
        last = {"Q1": "Sep", "H1": "Dec", "Q2": "Dec", "Q3": "Mar", "Q4": "Jun", "H2": "Jun"}.get(span, span.split("-")[-1])
        if last not in _MONTH_ABBR[1:]:
            return None
        month = _MONTH_ABBR.index(last)
        year = first if month >= 7 else first + 1
    else:
        return None
    if not 1 <= month <= 12:
        return None
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def canonical_period(period: str) -> str:
    """One spelling per period: ``FY2024-25:Jul-Dec`` and ``FY2024-25:H1`` are the same months."""
    aliases = {"Jul-Sep": "Q1", "Jul-Dec": "H1", "Jul-Jun": ""}
    if m := re.fullmatch(r"(FY\d{4}-\d\d):(.+)", period):
        label = aliases.get(m.group(2), m.group(2))
        return m.group(1) + (f":{label}" if label else "")
    return period


# --------------------------------------------------------------------------- subjects
