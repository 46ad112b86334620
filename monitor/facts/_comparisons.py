"""Comparisons: which stretch of a sentence holds the base a figure is compared with.

"IT exports rose 7pc year-on-year to $214m, compared to $199m in July 2022": the $214m and the
7pc are this period's figures, the $199m and July 2022 the base. A *comparison span* runs from
a cue ("compared to", "as against", "v/s", "from $...", "than", "surpassing the ...", "over
the same period ...") to the end of its phrase (a comma, a semicolon, "while", the "to" of
"from $X to $Y", the end of the sentence). Urdu puts the base before its cue: "گزشتہ سال اگست
کے مقابلے میں 3 فیصد زیادہ" ("3pc more than last August"): the span runs back from the cue to
the start of its clause, but never takes in the subject compared or this period's phrase.

Figures and periods inside a span are bases; a growth rate is one only when it opens the span
("up 22pc compared to 9pc growth in February": the 9pc is February's). Each span also tells, as
far as its words do, how the base stands to this period: a year before (``yoy``) or a month
before (``mom``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ._numbers import _EN_WORD_NUM, _UR_DECIMAL_WORDS, _UR_WORD_NUM, Figure

_MONTH = (
    r"(?-i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)"
)
#: Words after which a base follows.
_CUE = re.compile(
    r"\b(?:(?:as\s+|when\s+)?compared\s+(?:to|with)|as\s+compare\s+(?:to|with)|in\s+comparison\s+(?:to|with)|as\s+against|against|versus|vs\.?|v/s"
    r"|relative\s+to|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!greater\s)(?<!rather\s)(?<!other\s)than|from|over"
    r"|surpass\w*|exceed\w*|outpac\w*|on|above|below)(?=[\s$])",
    re.IGNORECASE,
)
#: "above" and "below" open a comparison only before an earlier time said as one ("below the
#: preceding month's $278 million", "below FY22's $2.62 billion", "above that of September
#: 2020"); "above $300 million in March" is a level.
_ABOVE_FOLLOWS = re.compile(
    # ("below the $848 million recorded in October-December": an amount reported before)
    r"\s+the\s+(?:US\s?\$|USD|\$|Rs\.?|PKR)|"
    r"\s+(?:(?:that|those)\s+of\s+)?(?:the\s+)?(?:same|corresponding|comparable|previous|preceding|last|year[\s-]earlier|a\s+year\b"
    rf"|(?:{_MONTH}|(?-i:FY)\s?'?\d\d(?:\d\d)?(?:-\d\d)?)['’]s|{_MONTH}\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)
#: "on" opens a comparison only right after a rate or a growth ("up 20 percent on the $221
#: million of January 2023", "a 13 percent rise on the preceding month"), before a base.
_RATE_ON = re.compile(
    r"(?:%|\bpc|\bpct|\bpercent|\bcent|\b(?:a|one)[\s-](?:fifth|quarter|third)|\bby\s+half)(?:\s+(?:higher|lower|up|down|more|less))?\s+$"
    r"|\b(?:increase|growth|rise|jump|gain|surge|decline|fall|drop|decrease)\s+$",
    re.IGNORECASE,
)
#: "on a year-on-year basis", "on an annual basis": how a rate is measured, not a base.
_ON_BASIS = re.compile(r"\s+(?:an?\s+)?(?:(?:year|month)[\s-](?:on|over)[\s-](?:year|month)|[\w-]+)\s+basis\b", re.IGNORECASE)
#: What must follow a weak cue ("from", "over", "against") for it to open a comparison: a
#: figure (money or a number) or words naming an earlier period or a month; "from July to
#: March" is a span.
_BASE_FOLLOWS = re.compile(
    # ("against exports of $1.519 billion": the base's amount named with its subject)
    r"\s+(?:(?:the|a|an|its|their|a\s+level\s+of|levels\s+of|(?:exports|earnings|receipts|inflows|remittances)\s+of)\s+)?(?:(?:about|around|nearly|some|almost|roughly|just)\s+)?"
    rf"(?:US\s?\$|USD|\$|Rs\.?|PKR|\d|{_EN_WORD_NUM}\s+(?:million|billion)\b|same\b|corresponding\b|comparable\b|previous\b|preceding\b|last\b|a\s+year\b|(?-i:FY)|{_MONTH}\b)",
    re.IGNORECASE,
)
_WEAK = ("from", "over", "against")
#: "over" before a figure means "more than" ("over 31,000 VPNs"): it opens a comparison only
#: before words naming an earlier period ("over the same period last year"), a month ("5.5pc
#: over August"), a fiscal year ("20pc over FY24") or an amount as "the" one ("over the $274m").
_OVER_FOLLOWS = re.compile(
    rf"\s+(?:the\s+)?(?:same|corresponding|comparable|previous|preceding|last|a\s+year)\b|\s+(?:{_MONTH}|(?-i:FY)\s?'?\d\d)\b"
    # "up 23pc over the $274 million of March 2024": an amount named as "the" one is a base ("over
    # $274 million" alone is "more than")
    r"|\s+the\s+(?:US\s?\$|\$|Rs\.?\s?|PKR\s?)\d",
    re.IGNORECASE,
)
#: A growth named right before "over": "a 14 percent increase over the $1.745 billion of ...".
_GROWTH_BEFORE = re.compile(r"(?:\b(?:increase|growth|rise|jump|gain|surge|improvement|expansion|uptick|hike|decline|drop|fall|dip)|%|\bpc|\bpercent|\bcent)\s+$", re.IGNORECASE)
#: Cues after which a figure may be this period's own ("surpassed $3bn"): they open a
#: comparison only when the span names an earlier time.
_LEVEL_CUES = ("surpass", "exceed", "outpac")
#: A period said right after the amount such a cue passes, as its own: "during", "in", "for".
_OWN_PERIOD_AFTER = re.compile(r"\s+(?:during|in|for|throughout)\s", re.IGNORECASE)
_EARLIER = re.compile(
    r"\b(?:same|corresponding|comparable|previous|preceding|last|earlier|ago|record)\b|(?:19|20)\d\d|" + _MONTH,
    re.IGNORECASE,
)
#: A rate more or less than a base: "10% more than in November 2024", "21.8 percent above
#: December 2024", "a quarter more than in 2023" (while "more than 20,000" is a quantity, and
#: "above $400 million" a level).
_RATE_THAN = re.compile(
    r"(?:%|(?<=\d)\s?(?:pc|pct)|\bpercent|\bper\s+cent|\b(?:a|one)[\s-](?:fifth|quarter|third))\s+(?:(?:more|less|higher|lower|greater|fewer)\s+)?(?P<than>than|above|below)\b", re.IGNORECASE
)
#: What may stand between a cue and a rate that is the base itself: "compared to 9pc growth in
#: February", "against a growth of 15% in the same period last year".
_RATE_HEAD = re.compile(r"\s*(?:(?:the|a|an)\s+)?(?:(?:growth|increase|rise|decline|decrease|fall|drop)\s+of\s+)?", re.IGNORECASE)
#: Where a span ends.
_SPAN_END = re.compile(
    r"[;؛]|,\s|\.\s|\.$|[\"”]|\s(?:while|whereas|whilst|but|and\s+(?:stood|reached|rose|grew|was|were|is|are|has|have|had))\b"
    r"|\s+to\s+(?:(?:reach|hit|touch)\s+)?(?=US\s?\$|USD|\$|Rs|PKR|\d)|\s+and\s+(?:(?:a|an|nearly|almost|about|around|roughly|some|just|by|another)\s+){0,2}(?=\d)"
    r"|\s+and\s+(?:up|down)\s+(?:by\s+)?(?=\d)|\s[-–—]\s|،|جبکہ",  # "... than a year ago and up 6 percent from May": the next rate's
    re.IGNORECASE,
)
#: "at $1.34 billion" after a base named without an amount: the level of the period compared,
#: when no amount came before ("compared with July 2024 at $290 million", after "$320 million",
#: is the base's own).
#: Where a clause of its own opens: "..., though", "..., while", "; ".
_CLAUSE_OPENS = re.compile(r"[,;]\s+(?:though|although|while|whereas|but)\b|;", re.IGNORECASE)
_LEVEL_AT = re.compile(r"\s+at\s+(?=US\s?\$|USD|\$|Rs|PKR|\d)", re.IGNORECASE)
#: The Urdu cue, after its base, and where the clause holding that base starts.
_URDU_CUE = re.compile(
    r"(?:کے|کی)?\s*(?:مقابلے|مقابلہ|موازنے|موازنہ)|سے(?=\s+(?:(?:تقریباً|تقریبا|قریباً|لگ\s+بھگ)\s+)?(?:\d+(?:\.\d+|\s?ا?عشاریہ\s?\d+)?|" + _UR_DECIMAL_WORDS + r"|(?:" + _UR_WORD_NUM + r")(?![^\W\d_]))\s?فیصد\s+(?:زیادہ|زائد|کم|بڑھ|گھٹ"  # ("سے 8.6 فیصد بڑھ گئیں": rose 8.6 percent from; "سے تقریباً پانچ فیصد زیادہ", in words)
    # (two bases sharing the verb: "ستمبر کے ... سے 15 فیصد اور گزشتہ سال اکتوبر سے 16 فیصد زیادہ",
    # "جون 2021 کے ... سے 17.4 فیصد جبکہ مئی کے ... سے 9.1 فیصد زیادہ")
    r"|(?:اور|جبکہ)\s[^۔،]{0,60}?\s?فیصد\s+(?:زیادہ|زائد|کم)))"  # ("سے 8 فیصد زائد": more, as زیادہ)
    r"|سے(?=\s+(?:(?:نمایاں|معمولی|قدرے|کچھ|تھوڑا|خاصا|خاصی|بہت)\s+(?:طور\s+پر\s+)?)?(?:بڑھ|گھٹ|کم\s+ہو|گر)\s*کر)"  # "X سے (نمایاں طور پر) بڑھ کر Y": from X to Y
    r"|سے(?=\s+(?:(?:معمولی|قدرے|کچھ|تھوڑا|تھوڑی|کہیں|خاصا|خاصی|بہت)\s+)?(?:کم|زیادہ)(?![^\W\d_]))"  # "جنوری کے 382 ملین ڈالر سے (معمولی) کم": (slightly) less than January's (see _URDU_EARLIER)
    # "جولائی کے 3 کروڑ ڈالر سے ایک چوتھائی زیادہ" (a quarter more than July's), "سے دگنی" (double)
    r"|سے(?=\s+(?:(?:ایک\s+)?(?:چوتھائی|تہائی|پانچواں\s+حصہ)|آدھ[اےی]|نصف|دگن[اےی]|دوگن[اےی]|تین\s+گنا)\s*(?:زیادہ|کم|ہو|ہیں|ہے|تھ))"
)
def _bound_of_its_own(sentence: str, figures: Sequence[Figure], start: int, cue: int) -> bool:
    """Whether "سے زیادہ" bounds a count that its own period precedes, not a base: "گزشتہ ماہ
    41 ہزار سے زیادہ وی پی این" (more than 41,000 VPNs last month). A base is the earlier
    period's, said so: "گزشتہ سال کے 20 ہزار سے زیادہ" (more than last year's 20,000)."""
    before = [f for f in figures if start <= f.start and f.end <= cue]
    if not before or before[-1].unit != "count" or sentence[before[-1].end : cue].strip():
        return False
    return not re.search(r"(?<![^\W\d_])(?:کے|کی|کا)\s*$", sentence[max(start, before[-1].start - 8) : before[-1].start])


#: An Urdu clause giving what a figure was before: "جو (گزشتہ سال) ... تھیں", "جبکہ ... تھا"
#: ("which were ...", "while ... was"), with a figure in it.
_URDU_PAST = re.compile(r"(?:جو|جبکہ)(?=\s)[^،؛;۔.]*?(?:تھا|تھی|تھیں|تھے)(?![^\W\d_])")
_URDU_PAST_OPEN = re.compile(r"(?<![^\W\d_])(?:جو|جبکہ)(?=\s)")
#: Where an Urdu clause opens: after a comma, at جو, جبکہ, تاہم ... and after a verb and اور ("...
#: 1.523 ارب ڈالر رہا اور گزشتہ مالی سال کے اسی عرصے کے مقابلے ...", "... بڑھ کر 2 ارب 58 کروڑ ڈالر ہو
#: گئیں اور یوں گزشتہ سال کے مقابلے ...": the base never reaches back over the verb that closed the
#: clause before it).
_URDU_CLAUSE_START = re.compile(
    r"[،,؛;]|جو(?=\s)|جبکہ|تاہم|اگرچہ|لیکن|مگر"
    r"|(?<=\s)(?:رہا|رہی|رہیں|رہے|ہوا|ہوئی|ہوئیں|ہوئے|تھا|تھی|تھیں|تھے|ہے|ہیں|گیا|گئی|گئیں|گئے)\s+اور(?=\s)"
    # after a rate and اور: "سالانہ بنیاد پر 22.8 فیصد اور اکتوبر کے ... کے مقابلے میں 3.7 فیصد"
    r"|(?<=فیصد)\s+اور(?=\s)"
)

_YOY = re.compile(
    r"\b(?:year[\s-](?:on|over)[\s-]year|(?-i:YoY|y/y|y-o-y)|(?:annual(?:ly)?|yearly)\s+basis|a\s+year\s+(?:ago|earlier|before)|(?:last|previous|preceding)\s+"
    r"(?:fiscal\s+|financial\s+)?year|same\s+(?:period|month|quarter|time)|corresponding\s+(?:period|month|months|quarter))\b"
    # "an annual rise of 6.5 percent"
    r"|\b(?:annual|yearly|year-on-year)\s+(?:rise|increase|growth|gain|jump|decline|fall|drop|decrease|contraction)\b"
    r"|سال\s+بہ\s+سال|(?<![^\W\d_])وائی\s?او\s?وائی(?![^\W\d_])|سالانہ(?=\s+(?:بنیاد|اضاف|کمی|\d))|(?:گزشتہ|گذشتہ|پچھلے|پچھلی)\s+(?:مالی\s+)?(?:سال|برس)"
    # "2% yearly", "8 percent annually": the word right after a rate
    r"|(?:(?<=%\s)|(?<=\bpc\s)|(?<=cent\s))(?:yearly|annually)\b",
    re.IGNORECASE,
)
_MOM = re.compile(
    r"\b(?:month[\s-](?:on|over)[\s-]month|(?-i:MoM|m/m|m-o-m)|monthly\s+basis|sequential(?:ly)?|(?<!released\s)(?<!published\s)(?<!issued\s)(?<!announced\s)(?:previous|last|preceding)\s+month|(?:a|the)\s+month\s+(?:ago|earlier|before))"
    r"|\b(?:monthly|sequential)\s+(?:rise|increase|growth|gain|jump|decline|fall|drop|decrease|contraction)\b"
    r"|ماہانہ(?=\s+(?:بنیاد|اضاف|کمی|\d))|(?:گزشتہ|گذشتہ|پچھلے)\s+(?:ماہ|مہینے)|ماہ\s+بہ\s+ماہ|(?<![^\W\d_])ایم\s?او\s?ایم(?![^\W\d_])"  # "ماہ بہ ماہ" (month on month), as "سال بہ سال"
    r"|(?:(?<=%\s)|(?<=\bpc\s)|(?<=cent\s))monthly\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Span:
    """The stretch of a sentence that holds a base, and how the base stands to this period."""

    start: int
    end: int
    relation: str = ""  # yoy, mom, or "" when the words do not say
    rate_at: int = -1  # where a rate that is itself the base starts ("compared to 9pc growth in February")

    def holds(self, start: int, end: int) -> bool:
        """Whether something at ``[start, end)`` is in the span (it starts inside it)."""
        return self.start <= start < self.end


def comparison_spans(sentence: str, figures: Sequence[Figure] = (), subjects: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Every comparison span of ``sentence`` (digits normalised), in order; ``subjects`` are
    the stretches naming the watched subjects, which an Urdu base never takes in."""
    spans: list[Span] = []
    for m in _CUE.finditer(sentence):
        word = m.group().lower()
        if word.startswith(_WEAK) and not _BASE_FOLLOWS.match(sentence, m.end()):
            continue
        if word in ("above", "below") and not _ABOVE_FOLLOWS.match(sentence, m.end()):
            continue
        if word == "on" and (
            not (_RATE_ON.search(sentence, max(0, m.start() - 40), m.start()) and _BASE_FOLLOWS.match(sentence, m.end()))
            or _ON_BASIS.match(sentence, m.end())
        ):
            continue
        if word == "over" and not _OVER_FOLLOWS.match(sentence, m.end()) and not _GROWTH_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
            continue  # ("a 14 percent increase over the $1.745 billion ...": a base)
        if word == "from" and re.match(rf"\s+(?:the\s+)?{_MONTH}\b[\w,.\s]{{0,16}}?(?:\bto(?!\s+(?:US\s?\$|\$|USD|Rs|PKR|\d))|\btill|\buntil|\bthrough|[-–])", sentence[m.end() :]):
            continue  # "from July to March": a span of months ("4pc from December" and "5% from December to $334 million" are bases)
        end_match = _SPAN_END.search(sentence, m.end())
        end = end_match.start() if end_match else len(sentence)
        level_at = _LEVEL_AT.search(sentence, m.end(), end)
        # (an amount of another clause before it does not count: "..., though earnings for July-January
        # were still 26% higher than a year earlier at $2.21 billion")
        own_clause = max((c.end() for c in _CLAUSE_OPENS.finditer(sentence, 0, m.start())), default=0)
        if level_at and not any(own_clause <= f.start and f.end <= m.start() and f.unit in ("USD_million", "PKR_million") for f in figures):
            end = level_at.start()  # "exports were up 2 percent from the same period last year at $1.34 billion": the level, this period's
        if word.startswith(_LEVEL_CUES):
            # the earlier time must be named with the amount passed ("exceeded the $300m of June
            # 2024"), not in another clause ("expect exports to exceed $3.8bn in FY25 if monthly
            # inflows hold above $330m through June")
            amount = next((f for f in figures if f.start >= m.end()), None)
            earlier = _EARLIER.search(sentence, m.end(), min(end, amount.end + 30) if amount else end)
            if not earlier:
                continue
            # (nor the amount's own period said after it: "surpassed $3.2 billion during last
            # fiscal year" is that year's level)
            if amount and earlier.start() >= amount.end and _OWN_PERIOD_AFTER.match(sentence, amount.end):
                continue
        if spans and spans[-1].end > m.start():
            continue  # inside the span before ("compared to ... from")
        head = _RATE_HEAD.match(sentence, m.end())
        rate_at = next((f.start for f in figures if f.unit == "percent" and f.start == head.end()), -1) if word != "from" else -1
        spans.append(Span(m.start(), end, _relation(sentence[m.start() : end]), rate_at))
    for m in _RATE_THAN.finditer(sentence):  # "10% more than in November 2024"
        end_match = _SPAN_END.search(sentence, m.end())
        end = end_match.start() if end_match else len(sentence)
        if not any(s.holds(m.start("than"), m.end()) for s in spans):
            spans.append(Span(m.start("than"), end, _relation(sentence[m.start("than") : end])))
    for m in _URDU_CUE.finditer(sentence):
        start = _urdu_base_start(sentence, m.start(), figures, subjects)
        if re.match(r"سے\s+(?:\S+\s+)?(?:کم|زیادہ)(?![^\W\d_])", sentence[m.start() :]) and (
            not _URDU_EARLIER.search(sentence, start, m.start()) or re.search(r"\d\s*فیصد\s*$", sentence[: m.start()]) or _bound_of_its_own(sentence, figures, start, m.start())
        ):
            continue  # "30 کروڑ ڈالر سے زیادہ رہیں", "47 فیصد سے زیادہ بڑھیں": more than an amount or a rate, a bound, not a base
        # a second base never takes in the first and its rate: "دسمبر 2022 کے مقابلے میں 22 فیصد
        # اور نومبر 2023 کے مقابلے میں 15 فیصد" compares the 15 فیصد with November alone
        for earlier in (s for s in spans if start < s.end <= m.start()):
            rate = next((f for f in figures if earlier.end <= f.start < m.start()), None)
            if rate is not None:
                start = max(start, rate.end)
        if any(s.holds(m.start(), m.end()) for s in spans):
            continue
        spans.append(Span(start, m.end(), _relation(sentence[start : m.end()])))
    for m in _URDU_PAST.finditer(sentence):  # "... رہیں جو دسمبر 2023 میں 290 ملین ڈالر تھیں"
        inside = [f.start for f in figures if m.start() <= f.start < m.end()]
        if inside and not _URDU_EARLIER.search(sentence, m.start(), m.end()):
            continue  # "جبکہ مجموعی آئی ٹی برآمدات 3 ارب 93 کروڑ ڈالر تھیں": no earlier time, no base
        if inside and not any(s.start < m.end() and m.start() < s.end for s in spans):
            # the clause opens at the last جو or جبکہ before its figure: "17 فیصد جبکہ ... 5 فیصد رہا
            # جبکہ ستمبر میں ... 30 کروڑ ڈالر تھیں" has one past clause, the last
            start = max((o.start() for o in _URDU_PAST_OPEN.finditer(sentence, m.start(), inside[0])), default=m.start())
            spans.append(Span(start, m.end(), _relation(sentence[start : m.end()])))
    return sorted(spans, key=lambda s: s.start)


def _urdu_base_start(sentence: str, cue: int, figures: Sequence[Figure], subjects: Sequence[tuple[int, int]]) -> int:
    """Where the base before an Urdu cue starts: at the start of its clause, but after the
    subject compared ("دسمبر میں آئی ٹی برآمدات میں گزشتہ سال کے اسی مہینے کے مقابلے": the
    base is last year's month, not December) and after a "میں" or "کے دوران" that closes
    this period's phrase, unless a figure stands between it and the cue ("گزشتہ سال کی اسی
    مدت میں 1.45 ارب ڈالر کے مقابلے": the period and the figure are one base)."""
    start = max((c.end() for c in _URDU_CLAUSE_START.finditer(sentence, 0, cue)), default=0)
    # (a subject that is the base's own noun, an amount "of" it right before: "جولائی کی 21 کروڑ
    # ڈالر کی برآمدات سے", than July's exports of $211m, is part of the base)
    start = max([start] + [end for begin, end in subjects if start <= begin and end <= cue and not _BASE_NOUN.search(sentence, 0, begin)])
    for m in _URDU_IN.finditer(sentence, start, cue):
        if not any(m.end() <= f.start < cue for f in figures):
            return m.end()
    return start


#: An amount "of" a noun right before the cue: "... 21 کروڑ 10 لاکھ ڈالر کی " before "برآمدات سے".
_BASE_NOUN = re.compile(r"(?:ڈالر|ڈالرز|روپے)\s+(?:کی|کے)\s+$")
#: An earlier time named in an Urdu base: a month, a year, "گزشتہ" (last).
_URDU_EARLIER = re.compile(
    r"جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|گزشتہ|گذشتہ|پچھلے|پچھلی|\b(?:19|20)\d\d\b"
    r"|(?:ماہ|مہینے|سال|برس)\s+(?:قبل|پہلے)|اس\s+سے\s+(?:قبل|پہلے)"  # "ایک ماہ قبل" (a month ago), "اس سے قبل" (before that)
)
_URDU_IN = re.compile(r"(?<![^\W\d_])(?:میں|کے\s+دوران)(?![^\W\d_])")


def _relation(text: str) -> str:
    """The basis the words of a comparison name. When English words name both, the first named
    is the base's ("over the same month of 2023 and a 13 percent rise on the preceding month");
    an Urdu base is named before its cue, and there the month's words go first."""
    mom, yoy = _MOM.search(text), _YOY.search(text)
    if mom and yoy and not re.search(r"[\u0600-\u06ff]", text):
        return "mom" if mom.start() < yoy.start() else "yoy"
    return "mom" if mom else "yoy" if yoy else ""


def span_of(spans: Sequence[Span], start: int, end: int) -> Span | None:
    """The span holding ``[start, end)``, if any."""
    return next((s for s in spans if s.holds(start, end)), None)


def basis_words(text: str, at: int | None = None, end: int | None = None) -> str:
    """``mom`` or ``yoy`` when ``text`` says how a rate is measured, else ``""``; with ``at``
    (and ``end``), the position of the rate, the words nearest it decide ("62pc year-on-year,
    and 1pc over the previous month"). In English, words right after the rate, before the
    next figure or clause, are its own ("22pc on a yearly basis and 12pc on a monthly basis"),
    and a quarter-on-quarter rate's are ``unknown`` ("down 1% QoQ")."""
    if at is None:
        return _relation(text)
    if label := _BASIS_LABEL.search(text, 0, at):  # "MoM: -14.2%", a table's or a ticker's label
        return "mom" if label.group(1).lower() in ("mom", "m/m") else "yoy"
    found = [(m, "mom") for m in _MOM.finditer(text)] + [(m, "yoy") for m in _YOY.finditer(text)]
    if end is not None and _QOQ.match(text, end):
        return "unknown"  # "up 16% YoY but down 1% QoQ": against the quarter before, neither
    if not found:
        return ""
    if re.search(r"[\u0600-\u06ff]\W*$", text[:at]):  # Urdu names the basis before the rate
        before = [f for f in found if f[0].end() <= at]
        found = before or found
    elif end is not None:
        stop = _TAIL_END.search(text, end)
        own = [f for f in found if end <= f[0].start() < (stop.start() if stop else len(text))]
        if own:
            return min(own, key=lambda f: f[0].start())[1]
    return min(found, key=lambda f: f[0].start() - at if f[0].start() >= at else at - f[0].end())[1]


#: A quarter-on-quarter rate's own words, right after it: "down 1% QoQ", "3pc quarter-on-quarter".
_QOQ = re.compile(r"\s*(?:(?-i:QoQ|q/q|Q/Q|q-o-q)|quarter[\s-](?:on|over)[\s-]quarter)\b", re.IGNORECASE)
#: A basis written as the label of the rate right after it: "MoM: -14.2%", "YoY: +18.6%".
_BASIS_LABEL = re.compile(r"\b(MoM|YoY|m/m|y/y)\s*[:=]\s*[+\-−–]?\s*$", re.IGNORECASE)
#: Where the words that belong to a rate end: the next figure, clause or "and".
_TAIL_END = re.compile(r"[,;]|\d|\b(?:and|while|whereas|but)\b", re.IGNORECASE)
