"""Which series a figure belongs to, from the words around it."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace
from datetime import date

from ._comparisons import Span, basis_words, span_of
from ._numbers import _GROUPED, _NUM, Figure
from ._periods import _BARE_LAST_YEAR, _COUNT_WORDS, _LOOKS_AHEAD, _MONTH_NAMES, MAY, MONTH_ALONE, Period, fiscal_end, in_calendar_year, part_before, running_fy, shift_months, shift_period
from ._subjects import OF_THE_TOTAL, WHICH, WORLDWIDE, _FOREIGN, _NOT_RANKED_HERE, _PAKISTAN_NAME, _PROVINCE, _RANKING_CONTEXT, _SUBJECTS, _URDU_FOREIGN, ALSO, Subject

_TARGET_CUE = re.compile(
    r"\b(?:target\w*|aim(?:s|ed|ing)?\s+(?:to|at|for)|aim\s+(?:is|was)\s+to|objectives?|goals?|expect\w*|projected|projections?|forecast\w*|estimated\s+to(?!\s+have\b)|potential|pencil+ed\s+in|"
    rf"could(?!\s+not\b|n['’]t\b)|would|should|will|{MAY}|plans?\s+to|planned|envisag\w*|hopes?\s+to|hoping|seeks?\s+to|vision|poised|set\s+to|likely|"
    r"if(?!\s+compared)|unless|can\s+(?:be|become|reach|rise|grow|climb|touch|hit|cross|top|increase|jump|surge|go\s+up)|by\s+the\s+end\s+of\s+the\s+decade|capacity|commitments?|committed\s+to|determined\s+to|pledge\w*|wants?\s+(?:\w+\s+){0,3}to|intends?|ambitions?|eye(?:s|ing)|envision\w*|sees?(?=\s+(?:FY\s?\d|\w+\s+(?:IT\s+)?exports\s+at))"
    # "The IMF staff report projects Pakistan's ICT exports at $3.5 billion" (never "IT projects"),
    # "Rauf estimates FY26 exports in the range of $4.2 billion to $4.35 billion"
    r"|(?:project|estimate)(?:s|ing)(?=\s+(?:FY\s?\d|(?:[\w'’]+\s+){0,4}?(?:exports|earnings|receipts|remittances)\s+(?:at|to|of|in\s+the\s+range)\b)))\b|ہدف|متوقع"
    r"|(?<![^\W\d_])اگر(?![^\W\d_])",  # "اگر یہی شرح نمو برقرار رہے تو ..." (if the pace holds, ...)
    re.IGNORECASE,
)
#: Words of a figure that is no series' (a tax, a fee, a budget, a loan, trainees, a loss ...);
#: not an office's "charge" ("after assuming charge", "in charge of").
_OTHER_CUE = re.compile(
    r"\b(?:balances|tax\w*|withholding|(?-i:WHT)|duty|duties|levy|fees?|charges|(?<!\bin\s)(?<!\btook\s)(?<!\btaking\s)(?<!\bassumed\s)(?<!\bassuming\s)(?<!\bgiven\s)charge(?!\s+of\b)|allocat\w+|budget\w*|loans?|grants?|funds?|fund(?:ing|ed)|"
    r"(?:average|averag\w+)(?!\s+(?:exchange\s+|interbank\s+|dollar\s+)?rate)|net\s+(?:\w+\s+){0,2}?exports|retention|retain|members?|membership|registered\s+with|train(?:s|ed|ing|ees?)|graduates?|alumni|"
    r"programme|program|(?<!\bon\s)(?<!\bof\s)courses?|enrol\w*|scholarships?|investment|invest\w*|(?<!\bto\s)share(?!\s+(?:that|with)\b)|accounts?\s+for|contribut\w+\s+to\s+(?:the\s+)?(?:total|GDP)|"
    r"pending|backlog|awaiting|loss(?:es)?(?!\s+of\s+(?:momentum|steam|pace))|lost(?!\s+(?:some\s+|its\s+|their\s+|much\s+|a\s+(?:little|bit)\s+(?:of\s+)?)?(?:steam|momentum|pace|ground|speed|traction))|cost\w*|damage\w*|(?:12|twelve)[\s-]months?\s+(?:ending|ended|to|through)(?!\s+(?:30(?:th)?\s+)?June\b))\b"
    r"|زیر\s+التوا|ٹیکس|بجٹ|تربیت|ٹریننگ|پروگرام|تیار\s+(?:کیے|کئے|کیا|کر\w*)|کورس|حصہ|اوسط|نقصان|مختص|سرپلس|خسارہ|سرمایہ\s+کاری|قرض"
    # a count of their accounts, not of them: "فری لانسرز کے ڈیجیٹل اکاؤنٹس کی تعداد", "the number of freelancers' accounts"
    r"|(?:اکاؤنٹس|اکاؤنٹ|کھاتوں)\s+کی\s+تعداد|\bnumber\s+of\s+(?:[\w'’-]+\s+){0,3}accounts\b|\baccounts\s+(?:opened|numbered|number)\b"
    r"|(?<![^\W\d_])(?:فیس|فیسوں)(?![^\W\d_])(?!\s*بک)"  # a fee ("رجسٹریشن کی فیس میں 50 فیصد کمی"), not Facebook (فیس بک)
    # money kept abroad, not brought home: "at least $1bn earned by ... was being parked outside the country"
    r"|\b(?:parked|stashed|kept|held|lying|retained)\s+(?:outside\s+(?:the\s+)?(?:country|Pakistan)|abroad|overseas|offshore)\b"
    # a platform's own business: "reported an 8 percent rise in its gross services volume"
    r"|\bgross\s+(?:services|merchandise)\s+volume\b|(?-i:\bG[SM]V\b)",
    re.IGNORECASE,
)
#: A level held for a while, right before its figure: "hovered around", Urdu "زیادہ تر" (mostly).
#: (or a floor or ceiling held over months: "had not fallen below $300 million since March",
#: "has stayed above $300m for six months")
_HELD_AROUND_BEFORE = re.compile(
    r"\bhover(?:ed|ing|s)?\s+(?:around|at|near)\s+(?:US\s?\$|\$)?$|(?<![^\W\d_])زیادہ\s+تر\s+$"
    r"|\b(?:not|never)\s+(?:once\s+)?(?:fallen|fell|fall|dropped|drop|dipped|dip|slipped|slip|gone|go|sunk|sink)\s+below\s+(?:US\s?\$|\$)?$"
    r"|\b(?:stayed|remained|stays|remains)\s+(?:steadily\s+|consistently\s+|firmly\s+)?(?:above|below)\s+(?:US\s?\$|\$)?$",
    re.IGNORECASE,
)
#: A year that is no fiscal or calendar year, but the twelve months to the latest: "trailing
#: twelve-month", "on a rolling 12-month basis", "TTM".
_TRAILING_YEAR = re.compile(r"\b(?:trailing|rolling)[\s-](?:12|twelve)[\s-]months?\b|(?-i:\bTTM\b)", re.IGNORECASE)
_GROWTH_UP = re.compile(
    r"\b(?:up|rose|rise|rising|risen|increase[sd]?|increasing|grew|grow(?:n|s|ing)?|(?<!negative\s)growth|gain\w*|jump\w*|surge\w*|climb\w*|higher|more|above|"
    r"expan\w+|soar\w*|rebound\w*|improv\w+|advance\w*|boost\w*|year[\s-]on[\s-]year|month[\s-]on[\s-]month|(?-i:YoY|MoM))\b"
    r"|(?<![^\W\d_])(?:اضاف\w*|بڑھ\w*|زیادہ|زائد|نمو|ترقی|گروتھ)(?![^\W\d_])",  # (گروتھ: "growth", as copy borrows it)
    re.IGNORECASE,
)
_GROWTH_DOWN = re.compile(
    r"\b(?:down|fell|fall\w*|declin\w+|decreas\w+|drop\w*|dip\w*|lower|less|contract\w*|slump\w*|plung\w+|shr[au]nk|shrink\w*|slid\w*|"
    r"slip\w*|dwindl\w+|eas(?:e|ed|es|ing)|retreat\w*|negative(?:\s+growth)?|below)\b|(?<![^\W\d_])(?:کمی|کم|گر|گری|گرا|گراوٹ|تنزلی|منفی|گھٹ\w*)(?![^\W\d_])",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(r"\b(?:(?:a\s+(?:little|bit)\s+|slightly\s+|much\s+|far\s+)?(?:more|less|fewer)\s+than|above|below)\s*$", re.IGNORECASE)
_URDU_BOUND_AFTER = re.compile(r"^\s*سے\s+(?:زائد|زیادہ|کم|کچھ\s+(?:زائد|زیادہ|کم))(?![^\W\d_])")
_NEUTRAL = re.compile(r"year[\s-]on[\s-]year|month[\s-]on[\s-]month|(?-i:YoY|MoM)|کم\s+از\s+کم", re.IGNORECASE)  # "کم از کم": at least
_CHANGE_AMOUNT = re.compile(
    r"(?:\bby|\b(?:increase|decrease|rise|decline|growth|drop|jump|fall)\s+(?:of|amounted\s+to|came\s+to|was|stood\s+at))\s+(?:an?\s+)?(?:additional\s+)?$",
    re.IGNORECASE,
)
#: What a part is said to make up of the whole, right before its figure: "accounted for about".
_ACCOUNTED = r"\baccount(?:s|ed|ing)?\s+for\s+(?:about\s+|nearly\s+|around\s+|almost\s+|some\s+|over\s+)?$"
#: A change named before an amount or a count: "increased by 500,000", "were up $84 million",
#: "rose 37pc, or $84 million, to ..." (a rate given again as an amount).
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:increased|rose|risen|grew|grown|jumped|climbed|surged|fell|fallen|dropped|declined|decreased|slipped|up|down)\s+by"
    r"|\b(?:up|down)(?!\s+to\b)|\d\s?(?:%|pc|pct|per\s?cent|percent)\s*,?\s+or)\s+(?:an?\s+)?(?:additional\s+)?$"
    # a part: "computer services accounted for $2.5bn of IT exports"
    rf"|{_ACCOUNTED}",
    re.IGNORECASE,
)
#: ... and that alone: what freelancers "accounted for" of IT exports is their earnings.
_ACCOUNTED_FOR = re.compile(_ACCOUNTED, re.IGNORECASE)
#: A sentence that opens on a part of the total before ("Of the total, ..."), and freelancers
#: named: "Of the total, freelancers accounted for $181.3 million" is their earnings.
_OF_THE_TOTAL = re.compile(OF_THE_TOTAL, re.IGNORECASE)
_FREELANCERS_NAMED = re.compile(r"\bfreelanc\w*|فری\s?لانس", re.IGNORECASE)
#: A month said to account for its own figure: "March alone accounted for $43 million" (the
#: month's whole figure, though a part of the quarter before it).
_A_MONTH_ALONE_ACCOUNTED = re.compile(rf"\W*{MONTH_ALONE}\s+account(?:s|ed)\s+for\s+(?:about\s+|nearly\s+|around\s+|almost\s+|some\s+|over\s+)?$", re.IGNORECASE)
#: Urdu names the change after its amount: "10 لاکھ کا اضافہ" (a rise of a million), "5 کروڑ
#: ڈالر کی کمی", "5 کروڑ ڈالر بڑھ گئیں", "2 کروڑ ڈالر زیادہ" (never "سے زیادہ", more than).
_URDU_CHANGE_AFTER = re.compile(r"\s*(?:\([^()]{0,24}\)\s*|یعنی\s+[\d.]+\s*فیصد\s+)?(?:کا|کی|کے)?\s*(?:اضافہ|اضافے|کمی|زیادہ|بڑھ|گھٹ|کم\s+ہو)(?![^\W\d_])")  # (a rate may stand between: "180 ملین ڈالر (20.5 فیصد) زیادہ")
_FREELANCER_NOUN = re.compile(r"freelanc\w*|gig\b|workers?\b|online\b|فری|آن\s?لائن\s+(?:کام|پلیٹ\s?فارمز\s+پر\s+کام)", re.IGNORECASE)  # ("آن لائن کام": work online)
#: The day just gone: "in the last 24 hours", "گزشتہ 24 گھنٹوں".
_LAST_24_HOURS = r"\b(?:in\s+)?the\s+(?:last|past)\s+24\s+hours\b"
_URDU_LAST_24_HOURS = r"(?:گزشتہ|پچھلے)\s+24\s+گھنٹوں"
#: So much a period: "a month", "per quarter", "annually", "روزانہ" (never "a year earlier").
_PER_PERIOD = rf"{_LAST_24_HOURS}|\b(?:every|each|per|a)\s+(?:year|month|quarter|annum|day|week)\b(?!-)(?!\s+(?:earlier|ago|before|back|later|previously|prior|on|in\s+which|when|that)\b)|\b(?:annually|daily|weekly)\b"  # (not "a month in which ...", nor "a year-end deadline")
#: (and a month's or the last day's worth: "ہر مہینے 40 کروڑ ڈالر", "گزشتہ 24 گھنٹوں میں 1,430 نئے وی پی این")
_URDU_PER_PERIOD = r"روزانہ|یومیہ|ہر\s+روز|فی\s+دن|ہفتہ\s?وار|ہر\s+(?:مہینے|ماہ|ہفتے)(?!\s+(?:کی|کے)\s+طرح)|" + _URDU_LAST_24_HOURS
#: The day just gone, whose own number its 24 is (see :func:`_own_stretch`).
_LAST_DAY = re.compile(f"{_LAST_24_HOURS}|{_URDU_LAST_24_HOURS}", re.IGNORECASE)


def _in_the_last_day(place: _Place) -> bool:
    """Whether a count is of the last 24 hours, said between the commas around it: "registered
    1,430 new VPNs in the last 24 hours" (not the total it takes them to, after a comma)."""
    sentence, figure = place.sentence, place.figure
    start = max(sentence.rfind(",", 0, figure.start), sentence.rfind("،", 0, figure.start)) + 1
    ends = [i for i in (sentence.find(",", figure.end), sentence.find("،", figure.end)) if i >= 0]
    return bool(_LAST_DAY.search(sentence, start, min(ends) if ends else len(sentence)))
_COUNT_FLOW = re.compile(rf"{_PER_PERIOD}|{_URDU_PER_PERIOD}", re.IGNORECASE)
_VPN_COUNT = re.compile(r"regist\w*|whitelist\w*|approv\w*|issued|rejist|رجسٹر|وائٹ\s?لسٹ", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(
    r"[;؛]|[”\"]\s|,\s+(?:adding|saying|noting)\s+that\b"
    # the cells of a ticker or an infographic's line: "Jan: $345mn | MoM: -14.2% | YoY: +18.6%",
    # and key points run into one line by their bullets: "■ IT exports reached $3.81bn in FY25 ■ Target ..."
    r"|\s[|•■▪●◆►▸]\s"
    # "IT exports rise to $1.07bn as September hits a record $386m": "as" and a month open a clause
    # (and "and in" a month opens another: "In August IT exports were $357 million and in July $354 million")
    rf"|\sas\s(?=(?:the\s+)?{_MONTH_NAMES}\b)|\sand\s(?=(?:in|during)\s+(?:the\s+month\s+of\s+)?(?:{_MONTH_NAMES})\b)|,\s+(?:while|whereas|but|and|with|against|although|though|after\s+which)\b|,\s+so\b(?!\s+far\b)|\s(?:while|whereas|whilst|but)\b|\s[-–—]\s|—|[،,]?\s*جبکہ\s"
    # Urdu separates its clauses with commas, and the items of a list ("ٹیلی مواصلات، کمپیوٹر اور ...")
    # ("اور", and, even run into the next word: never the "ار" of "3 ارب ڈالر")
    # (but not before "جنہوں نے", who: "20 لاکھ فری لانسرز ہیں، جنہوں نے ... 35 کروڑ ڈالر کمائے" is theirs)
    r"|،(?!\s*\S+\s+او?ر(?!ب(?![^\W\d_])))(?!\s*جنہوں\s+نے)|(?<=[\u0600-\u06ff]),\s?(?=[\u0600-\u06ff])(?!\S+\s+او?ر(?!ب(?![^\W\d_])))(?!جنہوں\s+نے)"
    # and a clause ends on its past verb, even with no stop after it: "... 89 کروڑ ڈالر تھیں
    # اکتوبر 2024 میں ..." (the month after "تھیں" opens the next clause)
    r"|(?<=\s)(?:تھیں|تھا|تھی|تھے)(?=\s+[\u0600-\u06ff\d])"
    # or on its verb before "اور" (and) opens the next: "... 1.523 ارب ڈالر رہا اور گزشتہ ...",
    # "... کی ریکارڈ سطح پر پہنچ گئیں اور 2028 تک 10 ارب ڈالر کا ہدف ..." (reached, and the target),
    # "... 16 فیصد بڑھیں اور ان کا 12 ماہ کا اوسط ..." (rose, and their average),
    # or before "جن میں" (of which): "... 3 ارب 21 کروڑ ڈالر رہیں جن میں پنجاب کا حصہ ..."
    r"|(?<=\s)(?:رہا|رہی|رہیں|رہے|ہوا|ہوئی|ہوئیں|ہوئے|ہے|ہیں|گیا|گئی|گئیں|گئے|بڑھا|بڑھی|بڑھیں|بڑھے|گھٹا|گھٹی|گھٹیں|گھٹے|گرا|گری|گریں|گرے)(?=\s+(?:اور|جن\s+میں|جس\s+میں)\s)"
    # "but": "... سے 3.8 فیصد کم لیکن اپریل 2024 کے مقابلے میں 6 فیصد زیادہ"
    r"|\s(?:لیکن|مگر)(?=\s)"
)


def _clause(sentence: str, figure: Figure | Period) -> tuple[int, int]:
    """The bounds of the clause holding ``figure`` (or a period): between breaks such as ", while"."""
    pos = 0
    if len(sentence) > _LONG_SENTENCE:
        # a long sentence is not read from its start for each of its figures (a run-on line
        # of a thousand figures took minutes): the breaks found in the whole sentence well
        # before the figure are the ones a reading from the start finds, so the reading goes
        # on from the last of them
        ends = _clause_break_ends(sentence)
        before = bisect.bisect_right(ends, figure.start - _BREAK_REACH)
        pos = ends[before - 1] if before else 0
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, pos, figure.start)), default=pos)
    after = _CLAUSE_BREAK.search(sentence, figure.end)
    return start, after.start() if after else len(sentence)


#: A sentence longer than this has its clause breaks found once (:func:`_clause`); how far a
#: break and what it looks at around it reach, at most.
_LONG_SENTENCE = 2000
_BREAK_REACH = 300


@functools.lru_cache(maxsize=16)
def _clause_break_ends(sentence: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _CLAUSE_BREAK.finditer(sentence))


def _series_of_exports(period: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d", period):
        return "it_exports_monthly"
    if ":" in period:
        return "it_exports_cumulative"
    return "it_exports_annual"


#: The rest of an Urdu list of rates that ends on their verb: "، اگست میں 29.7 فیصد اور ستمبر میں
#: 24 فیصد بڑھیں" after July's rate.
_URDU_RATE_LIST_AFTER = re.compile(r"\s*[،,]\s*(?:[^\d،,۔.]{1,30}?\s*[\d.]+\s?فیصد\s*(?:[،,]|اور)\s*)*?[^\d،,۔.]{1,30}?\s*[\d.]+\s?فیصد\s+(?P<verb>(?!اور(?![^\W\d_]))[^\W\d_]+)")


def _growth_sign(clause_head: str, after: str) -> int:
    """+1 or -1 when the words around a percentage say it grew or fell, else 0.

    A direction word right after the figure ("3pc lower", "11pc growth") decides; otherwise
    the last direction word before it in its clause ("rose 24pc", "a decline of 1pc").
    """
    if re.match(r"\s+of\b", after):
        return 0  # a share: "24pc of total exports"
    after = _URDU_BOUND_AFTER.sub(" ", after, count=1)  # "10 فیصد سے زائد کمی": more than 10 percent, a fall
    right = re.match(r"\s*(?:[\w-]+\s+){0,1}?(\w+)", after)
    if right and _GROWTH_DOWN.fullmatch(right.group(1)):
        return -1
    if right and _GROWTH_UP.fullmatch(right.group(1)) and not _NEUTRAL.fullmatch(right.group(1)):
        return 1
    # (a bound right before the figure says how much, not which way: "fell more than 5pc",
    # "after growing less than 4%")
    clause_head = _BOUND_BEFORE.sub(" ", clause_head)
    up = [m.end() for m in _GROWTH_UP.finditer(clause_head)]
    down = [m.end() for m in _GROWTH_DOWN.finditer(clause_head)]
    if up or down:
        return -1 if max(down, default=-1) > max(up, default=-1) else 1
    # Urdu puts the verb last: "24 فیصد اضافے کے ساتھ", "34 فیصد سے زائد کا نمایاں اضافہ", and
    # once for two rates: "ستمبر کے مقابلے میں 13.1 فیصد اور گزشتہ سال اکتوبر کے مقابلے میں 24.5
    # فیصد زیادہ" (to the end of the clause, never past "while" or "but")
    clause = re.match(r"(?:[^.،,;۔]|(?<=\d)\.(?=\d)){0,90}", after).group()
    window = re.split(r"\s(?:جبکہ|لیکن|مگر)\s", clause)[0]
    for m in re.finditer(r"[^\W\d_]+", window):
        if _GROWTH_DOWN.fullmatch(m.group()):
            return -1
        if _GROWTH_UP.fullmatch(m.group()) and not _NEUTRAL.fullmatch(m.group()):
            return 1
    # (a rate followed at once by "جبکہ" and another rate shares the verb after the second: "...
    # سے 17.4 فیصد جبکہ مئی کے ... سے 9.1 فیصد زیادہ ہیں")
    if (
        _URDU_SHARED_RATE.match(after)
        and (shared := re.search(r"(?:سے|مقابلے\s+میں)\s+[\d.]+\s?فیصد\s+(زیادہ|کم)(?![^\W\d_])", clause))
        and not _URDU_OWN_SUBJECT.search(clause, 0, shared.start())
    ):
        return 1 if shared.group(1) == "زیادہ" else -1  # (never another subject's: "جبکہ ترسیلات زر 10 فیصد زیادہ")
    # (a rate that opens an Urdu list of rates shares the verb after the last: "جولائی میں 20.9
    # فیصد، اگست میں 29.7 فیصد اور ستمبر میں 24 فیصد بڑھیں")
    if (listed := _URDU_RATE_LIST_AFTER.match(after)) and _GROWTH_DOWN.fullmatch(listed.group("verb")):
        return -1
    if listed and _GROWTH_UP.fullmatch(listed.group("verb")) and not _NEUTRAL.fullmatch(listed.group("verb")):
        return 1
    if right and _NEUTRAL.fullmatch(right.group(1)):
        return 1
    return 0


#: A rate followed at once by "جبکہ" and another rate: the two share the verb after the second.
_URDU_SHARED_RATE = re.compile(r"\s*(?:فیصد\s+)?جبکہ\s")
#: A subject of its own in the clause after "جبکہ": another's rate, not the same one's.
_URDU_OWN_SUBJECT = re.compile(r"(?<![^\W\d_])(?:ترسیلات|برآمدات|درآمدات|آمدن|آمدنی|کمائی)(?![^\W\d_])")


def _sign_of_clause_before(place: _Place, head: str) -> int:
    """The direction of the clause before a rate whose own clause says none but "also" (بھی):
    "grew 17pc year-on-year, while month-on-month it was also 5pc", "یہ اضافہ سالانہ 17 فیصد
    جبکہ ماہانہ بنیادوں پر بھی 5 فیصد رہا": the same rise, measured twice; and the rate named
    back for another period ("..., while in August the rate was 16 percent"). So too a clause with
    no words of its own before the rate ("up 17 percent month-on-month, and 23 percent
    year-on-year"): it shares the verb of the one before (never a share: "and 23 percent of")."""
    elliptical = not re.search(r"[^\W\d_]", head) and not re.match(r"\s+of\b", place.sentence[place.figure.end :])
    if not ALSO.search(head) and not elliptical and not RATE_NAMED_BACK.search(head):
        return 0
    start, end = clause_before(place)
    previous = place.sentence[start:end]
    return _growth_sign(_NEUTRAL.sub(" ", previous), "") if re.search(r"\d", previous) else 0


def clause_before(place: _Place) -> tuple[int, int]:
    """The bounds of the clause before the figure's own (``(0, 0)`` when it is the first)."""
    clause_start = max(0, place.sentence.find(place.clause))
    breaks = [m for m in _CLAUSE_BREAK.finditer(place.sentence, 0, clause_start) if m.end() <= clause_start]
    if not breaks:
        return 0, 0
    return breaks[-2].end() if len(breaks) > 1 else 0, breaks[-1].start()


#: The rate of the clause before, named back for another period (its sign and basis): "..., while in August the rate
#: was 16 percent", "جبکہ اگست میں یہ شرح 16 فیصد رہی" (never another rate: "the policy rate").
RATE_NAMED_BACK = re.compile(r"\b(?:the|this|that|its|the\s+same)\s+(?:growth\s+)?rate\b|(?<![^\W\d_])(?:یہ|اس\s+کی|ان\s+کی)\s+شرح(?![^\W\d_])", re.IGNORECASE)


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
    dated: bool = False  # the sentence names some period, even one this figure's is not
    base: bool = False  # the base of a comparison: a figure already recorded, never a target
    ranked_before: bool = False  # the sentence before gave Pakistan's place in a ranking
    platform_before: bool = False  # this sentence goes on about one platform's figures given before
    amounts_before: bool = False  # this sentence opens on the amounts the sentence before gave ("This is an increase of 26.9 percent")


def classify(place: _Place) -> tuple[str, float] | None:
    """``(series, value)`` for a figure about a watched subject; ``None`` when it is no fact."""
    figure, value = place.figure, place.figure.value
    head = place.clause[: place.clause.find(place.sentence[figure.start : figure.end])]
    if _CLAIM_DENIED_BEFORE.search(place.sentence, max(0, place.sentence.find(place.clause)), figure.start) or _unreported(place.sentence, figure):
        # "حقائق کی جانچ: وفاقی وزیر کا یہ دعویٰ درست نہیں کہ پاکستان ... دوسرے نمبر پر ہے" (the
        # minister's claim that Pakistan is second is not correct), "falsely claimed that ...",
        # "did not double to $5bn", "Did PTA register 500,000 VPNs?"
        return ("other", value) if figure.unit != "rank" else None
    if figure.unit == "rank":
        owner = _ranked_country(place)
        # a clause that ranks "it" goes on about the ranking named before it ("..., جبکہ جولائی میں اس کا نمبر 97واں تھا")
        ranked_here = (
            _RANKING_CONTEXT.search(place.context)
            or (_RANKED_PRONOUN.search(place.clause) and _RANKING_CONTEXT.search(place.sentence))
            # "2023 کے انڈیکس میں پاکستان ساتویں نمبر پر تھا", after a sentence on the index: the same index
            or (place.ranked_before and _THE_INDEX.search(place.clause))
            # "The country had been ranked 114th in October.", after Pakistan's place in a watched
            # ranking: the same ranking, when no other is named by its name
            # (never a place on one of its measures, "ranked 6th on financial attractiveness", nor
            # one recalled from "last year's report", whose year counts back from the edition)
            or (
                place.ranked_before and (owner == "Pakistan" or _THE_COUNTRY_OPENS.match(place.clause)) and not _NAMED_LIST.search(place.clause)
                and not _ON_A_MEASURE.match(place.sentence, figure.end) and not _BARE_LAST_YEAR.search(place.clause)
            )
            # "پاکستان کا درجہ 148 رہا، جو جولائی کے 150ویں درجے سے معمولی بہتر ہے": the place a
            # "which" clause sets Pakistan's against, in a sentence on a watched ranking
            or (owner is None and _WHICH_OPENS.match(place.clause) and _PAKISTAN_NAME.search(place.sentence, 0, max(0, place.sentence.find(place.clause))) and _RANKING_CONTEXT.search(place.sentence))
            # "... 99ویں نمبر پر رہا جبکہ نومبر میں پاکستان کا نمبر 101 تھا": Pakistan's place in the
            # clause after the ranking its sentence named
            # (in a sentence naming no other country: "..., well behind India, which was placed 40th")
            or (owner == "Pakistan" and _RANKING_CONTEXT.search(place.sentence) and not _FOREIGN.search(place.sentence) and not _URDU_FOREIGN.search(place.sentence))
            # "... placed Pakistan 97th among 111 countries in January 2023, and 100th among 111 in
            # April 2025": a clause opening on "and" goes on with the place of the one ranked before
            or (owner is None and _ranked_before_in(place))
        )
        # (with no country named before it, one named as ranked ahead is not the one ranked: "The
        # country remains the third-biggest source of online freelance workers after India and Bangladesh")
        # (and in Urdu: "... جبکہ پہلا نمبر امریکا کے حصے میں آیا", first place went to America)
        others = _FOREIGN.search(_RANKED_AHEAD.sub(" ", place.clause)) or _URDU_FOREIGN.search(_RANKED_AHEAD.sub(" ", place.clause))
        about_us = ranked_here and (owner == "Pakistan" or (owner is None and not others)) and not _NOT_RANKED_HERE.search(place.clause)
        if _LIST_SIZE_BEFORE.search(place.sentence, max(0, figure.start - 40), figure.start) or _URDU_LIST_SIZE_AFTER.match(place.sentence, figure.end):
            return None  # "rankings of the top 10 countries": how long the list is, nobody's place in it
        if owner is None and (_PLACE_LISTED_BEFORE.search(place.sentence, max(0, figure.start - 30), figure.start) or _PLACE_LISTED_AFTER.match(place.sentence, figure.end)):
            return None  # "graphic design and digital marketing came second and third": places of others, no country's
        if _FOR_BEFORE_PLACE.search(place.sentence, max(0, figure.start - 12), figure.start) and _MARKET_AFTER_PLACE.match(place.sentence, figure.end):
            return None  # "... کے لیے تیسری بڑی منڈی": a market ranked among Pakistan's buyers
        if _RANKS_A_PART.match(place.sentence, figure.end) or (_SUPERLATIVE.search(place.sentence, figure.start, figure.end) and _RANKS_OVER_TIME.match(place.sentence, figure.end)):
            return None  # "IT is the third-largest sector", "the second-largest freelancing platform", "the third highest ever"
        return ("ranking", value) if about_us and not _TARGET_CUE.search(_before_relative(place, head)) else None
    # (the freelancers' part of the total named before is their earnings: "Of the total,
    # freelancers accounted for $181.3 million")
    # (never a part of people named back: "ان میں سے فری لانسنگ کرنے والوں نے ... کمائے", those of them who freelance)
    theirs = place.kind == "freelancers" and figure.unit in ("USD_million", "PKR_million", "percent") and _OF_THE_TOTAL.match(place.sentence) and _FREELANCERS_NAMED.search(head)
    if (_opens_on_a_part(place) or _PART_OF_GROUP.search(head)) and not _a_month_of_the_whole(place) and not (place.kind == "it_exports" and TOTAL_OF_THE_PARTS.search(head)) and not theirs:
        return "other", value  # "Out of these, 180 VPNs were registered by freelancers": a part of the figure before
    if figure.unit == "PKR_million" and _CONVERSION.search(place.sentence):
        return "other", value  # "In rupee terms, the inflows amounted to Rs154 billion": a dollar figure converted
    if figure.unit == "percent" and _RUPEE_TERMS.search(place.sentence) and not _DOLLARS.search(place.sentence):
        return "other", value  # "In rupee terms, IT exports ... amounted to Rs297 billion, up 27 percent": the rupees' growth
    if place.target or place.kind == "it_component" or (_targeted(place, head) and not place.base) or _NAMED_AS_TARGET.search(head) or _TARGET_NAMED_AFTER.match(place.sentence, figure.end):
        return "other", value
    if _first_crossing(place, head) or _round_crossed(place, head) or _run_above(place, head) or _THRESHOLD_AFTER.match(place.sentence, figure.end) or (figure.unit != "percent" and _DESTINATION.search(place.clause)) or _EXPORTS_TO.search(place.clause) or _EXPORTS_TO.search(place.context):
        return "other", value  # "crossed the $2 billion mark"; "exports to Qatar" (and their growth)
    if _withdrawn(place.sentence, figure):
        return "other", value  # "Correction: An earlier version of this report stated that 6,845 VPNs ...": withdrawn
    if figure.unit != "percent" and (_NOT_THIS_BEFORE.search(place.sentence, max(0, figure.start - 20), figure.start) or _URDU_CALLED_FALSE_AFTER.match(place.sentence, figure.end)):
        return "other", value  # "PSEB has registered 71,400 freelancers, not 714,000 as stated": the figure denied
    provisional = _URDU_PROVISIONAL_BEFORE.search(place.sentence, max(0, figure.start - 30), figure.start) and _URDU_REVISED.search(place.sentence)
    if figure.unit in ("USD_million", "PKR_million", "count") and (_SUPERSEDED.search(place.sentence, max(0, figure.start - 80), figure.start) or provisional or _SUPERSEDED_AFTER.match(place.sentence, figure.end)):
        return "other", value  # "revised upward to $324m from the provisional $318m": superseded
    including = (
        _INCLUDING_BEFORE.search(place.sentence, max(0, figure.start - 30), figure.start)
        or (_URDU_AMONG.search(place.sentence, 0, figure.start) if _URDU_INCLUDED_AFTER.match(place.sentence, figure.end) else None)
        if figure.unit != "percent" else None
    )
    if including and figure.unit == "count" and _MONTH_VALUE.fullmatch(place.period) and _IN_A_MONTH_AFTER.match(place.sentence, figure.end):
        including = None  # "63,500 VPNs had been registered, including 14,600 in December alone": the month's own count
    if including and (_MONEY_TOTAL if figure.unit != "count" else _COUNT_TOTAL).search(place.sentence, 0, including.start()):
        # "172,000 VPNs had been registered, including 64,000 by freelancers", "... 1 ارب 58 کروڑ
        # ڈالر رہیں، جن میں ... 49 کروڑ 70 لاکھ ڈالر شامل ہیں": a part of the total before
        return "other", value
    if figure.unit != "percent" and _INCLUDED_BEFORE.search(place.sentence, max(0, figure.start - 30), figure.start) and not _IN_A_MONTH_AFTER.match(place.sentence, figure.end):
        # "the registrations during November included 19,840 VPNs registered on behalf of
        # freelancers": what a whole named before holds, a part of it
        return "other", value
    if figure.unit == "count" and _PART_OF_THEM.match(place.sentence, figure.end) and not (_MONTH_VALUE.fullmatch(place.period) and _MONTH_ALONE_AFTER.search(place.sentence, figure.end)):
        # (but "17,400 of them in November alone" is the month's own count)
        return "other", value  # "38,600 VPNs have been registered, 7,900 of them by freelancers": a part
    # (an estimate in a later clause is of something else: "freelancers sent home $269 million in
    # FY23, but industry estimates suggest their actual earnings could be three times as large")
    clause_end = place.sentence.find(place.clause) + len(place.clause) if place.clause in place.sentence else len(place.sentence)
    if figure.unit in ("USD_million", "PKR_million") and (_PART_OF_AFTER.match(place.sentence, figure.end) or _ESTIMATE.search(place.sentence, 0, clause_end) or _ESTIMATE_THAT.search(head) or _ESTIMATED_AT.search(head) or (_IMPLIED_YEAR.search(head) and not place.base)):
        return "other", value  # "$1 billion of export proceeds is held abroad", "by our estimate": a part or a guess
    if figure.unit in ("USD_million", "PKR_million", "count") and _REMAINING_BEFORE.search(place.sentence, max(0, figure.start - 20), figure.start):
        return "other", value  # "the remaining $1.72 billion", "بقیہ ایک ارب 72 کروڑ ڈالر": what is left to reach a figure
    if _EVERY_BEFORE.search(head):
        return "other", value  # "every 10 percent increase in IT exports would ...": a step in a reckoning
    if figure.unit == "percent" and over_years(place.clause):
        return "other", value  # "grown by 78 percent over the last four fiscal years": no one period's rate
    if figure.unit in ("USD_million", "PKR_million") and (_PER_PERIOD_AFTER.match(place.sentence, figure.end) or _URDU_DAILY_BEFORE.search(head)):
        return "other", value  # "$412m in July-March, roughly $140 million a quarter": a rate per period
    if figure.unit in ("USD_million", "PKR_million") and _CHANGE_AFTER.match(place.sentence, figure.end):
        return "other", value  # "$15 million higher than": a difference
    if figure.unit in ("USD_million", "PKR_million") and _CHANGE_AMOUNT.search(head):
        return "other", value
    # (what freelancers "accounted for" of IT exports is their earnings: the part is the series)
    if figure.unit != "percent" and ((_CHANGE_BEFORE.search(head) and not _A_MONTH_ALONE_ACCOUNTED.match(head) and not (place.kind == "freelancers" and _ACCOUNTED_FOR.search(head))) or _URDU_CHANGE_AFTER.match(place.sentence, figure.end)):
        return "other", value  # "grew by 500,000", "up $84 million", "rose 37pc, or $84m", "10 لاکھ کا اضافہ"
    if figure.unit != "percent" and (trailing := _TRAILING_YEAR.search(place.sentence, max(0, figure.start - 200), figure.start)) and not _AMOUNT.search(place.sentence, trailing.end(), figure.start):
        return "other", value  # "On a trailing twelve-month basis, IT exports now stand at $4.17 billion": no fiscal year's
    if _HELD_AROUND_BEFORE.search(place.sentence, max(0, figure.start - 30), figure.start):
        return "other", value  # "monthly exports hovered around $350m", "زیادہ تر 35 کروڑ ڈالر کے آس پاس": a level held, no period's figure
    if any(not (place.kind == "vpn" and re.match(r"registered", m.group(), re.IGNORECASE)) for m in _OTHER_CUE.finditer(_own_words(place, head))):
        return "other", value  # (VPNs "registered with PTA" are the registrations themselves)
    if figure.unit != "percent" and place.base and (amounts := list(_AMOUNT.finditer(place.sentence, 0, figure.start))):
        # the base of a net figure is net too: "taking net IT exports to $183 million, against
        # $214 million in December 2021"
        if _NET_EXPORTS.search(place.sentence, amounts[-2].end() if len(amounts) > 1 else 0, amounts[-1].start()):
            return "other", value
    if (
        figure.unit != "percent" and (net := list(_URDU_NET.finditer(place.sentence, 0, figure.start)))
        and not _URDU_AMOUNT.search(place.sentence, net[-1].end(), figure.start) and not _IT_WHOLE.search(place.sentence, net[-1].end(), figure.start)
    ):
        # "نیٹ ایکسپورٹ ... 630 ملین ڈالر": the first amount after net exports is net, however
        # many commas stand between ("خالص برآمدات، یعنی ... منہا کرنے کے بعد، دس ماہ میں 2 ارب 62 کروڑ
        # ڈالر"), unless IT exports are named again before it
        return "other", value
    if figure.unit == "percent":
        if _of_a_part(head):
            return "other", value  # "کمپیوٹر سروسز کی برآمدات 20 کروڑ ڈالر رہیں جو ... 13.4 فیصد کم ہیں": the part's own rate
        if _COUNT_OF_FIRMS_BASE.search(place.sentence, max(0, figure.start - 80), figure.start) or _COUNT_OF_FIRMS_AFTER.match(place.sentence, figure.end):
            return "other", value  # the rise of a count of companies, not of their exports
        if _RELATIVE_OPENS.match(place.clause) and (clause_at := place.sentence.find(place.clause)) > 0:
            if _URDU_TARGET.search(place.sentence, 0, clause_at) or _TARGET_CUE.search(place.sentence, 0, clause_at):
                return "other", value  # "... ہر ماہ 38 کروڑ ڈالر درکار ہوں گی، جو بلند ترین سطح سے 43 فیصد زیادہ ہے": of the amount needed
        if _PACE_BEFORE.search(head):
            return "other", value  # "IT exports are growing at over 25 percent", "has consistently delivered growth of 20 percent": a pace or a habit, no period's growth
        if _PACE_AFTER.match(place.sentence, figure.end):
            return "other", value  # "when it was growing at more than 30 percent a year": a pace, no period's growth
        if _SHARE_OF_AFTER.match(place.sentence, figure.end) or (_URDU_SHARE_OF_BEFORE.search(place.sentence, max(0, figure.start - 30), figure.start) and not _URDU_MOVE_AFTER.match(place.sentence, figure.end)):
            return "other", value  # "accounting for $277 million, or roughly 81 percent, of March's total": a share
        if _MADE_UP.search(place.sentence, max(0, figure.start - 40), figure.start):
            return "other", value  # "the top six destinations made up around 78 percent": a share
        if _SHARE_OF_PEOPLE.match(place.sentence, figure.end) or _PEOPLE_SAID_AFTER.match(place.sentence, figure.end):
            return "other", value  # "over 60pc freelancers earn less than $500 a month", "41 percent said their income had fallen": a share of them
        if _FOLLOWED_AT_BEFORE.search(place.sentence, max(0, figure.start - 60), figure.start) and _SHARE_SAID.search(place.sentence, 0, figure.start):
            return "other", value  # "Software made up 34 percent of earnings, followed by design at 18 percent": shares in a list
        if _is_level(place.sentence, figure):
            return "other", value  # "up from 35 percent", "from 35 to 50 percent": a share or rate, not growth
        after = place.sentence[figure.end : figure.end + 90]
        if signed := _SIGNED.search(place.sentence, max(0, figure.start - 3), figure.start):
            return _percent_series(place), (-1 if signed.group(1) in "-−–" else 1) * abs(value)  # analysts' "(-5% MoM, +11% YoY)"
        if _ACCOUNTING_NEGATIVE.match(place.sentence, figure.end) and place.sentence[max(0, figure.start - 1) : figure.start] == "(":
            return _percent_series(place), -abs(value)  # analysts' "US$ 207mn, (3.6%) MoM": a fall, in brackets as accounts write it
        sign = _growth_sign(_NEUTRAL.sub(" ", head), _NEUTRAL.sub(" ", after)) or _sign_of_clause_before(place, head) or _growth_sign(head, after)
        return ("other", value) if sign == 0 else (_percent_series(place), sign * abs(value))
    if place.kind == "it_exports":
        if not place.period and figure.unit != "count" and _MONTHLY_CUE.search(place.clause):
            return "it_exports_monthly", value  # "an eight-month low of $250m": a month's figure, which month not said
        return (_series_of_exports(place.period), value) if place.period and figure.unit != "count" else ("other", value)
    if place.kind == "freelancers":
        if one_platform(place.context) or place.platform_before or (_THIS_AMOUNT.search(place.clause) and one_platform(place.sentence)):
            return "other", value  # "Pakistani freelancers earned $145m on Upwork": one platform's share, not the country's (and "this amount" said of it)
        if _DEPOSITS.search(place.clause):
            return "other", value  # "deposits crossed $18.6 million": money held in accounts
        if _ACCOUNTS_RECEIVED.search(head) or (_URDU_ACCOUNTS.search(head) and _URDU_RECEIVED.match(place.sentence, figure.end)):
            return "other", value  # "these accounts received $96 million", "ان اکاؤنٹس میں ... موصول ہوئیں": the inflows of some freelancers' accounts
        if figure.unit != "count" and _GRADUATES.search(place.sentence, 0, figure.start):
            return "other", value  # "a tracer study of 18,400 graduates ... with total earnings of $5.2 million": a programme's graduates
        if figure.unit != "count" and (_REGISTERED_FREELANCERS.search(place.context) or (_THEIR.search(place.clause) and _REGISTERED_FREELANCERS.search(place.sentence, 0, figure.start))):
            return "other", value  # "registered freelancers earned $118 million": those registered with a board, a part
        return _freelancer_series(place), value
    if place.kind == "vpn" and figure.unit == "count" and (_COUNT_FLOW.search(_own_stretch(place)) or _in_the_last_day(place)):
        return "other", value  # "200 VPNs are registered every day", "1,430 in the last 24 hours": a rate, not the total
    # (a base's count is of what the sentence counts: "19,400 VPNs were registered in November,
    # against 3,100 in the month before that")
    if place.kind == "vpn" and figure.unit == "count" and _REVISED_TO_BEFORE.search(place.sentence, max(0, figure.start - 30), figure.start) and _VPN_COUNT.search(place.sentence, 0, figure.start):
        return "vpn_registrations", value  # "The PTA's tally of registered VPNs ... has been revised to 25,300": the tally, as it now stands
    if place.kind == "vpn" and figure.unit == "count" and _VPN_COUNT.search(place.sentence if place.base else place.context) and (_counts_people_of(place, _VPN_NOUN) or _registrants(place)):
        return ("other", value) if _one_kind_of_registrant(place, head) else ("vpn_registrations", value)
    return "other", value


def _own_stretch(place: _Place) -> str:
    """The figure's clause between the numbers before and after it: in "registrations top 40,000
    as 27,000 sign up in a week", "in a week" is the 27,000's."""
    start = max(0, place.sentence.find(place.clause))
    end = start + len(place.clause)
    before = [m.end() for m in re.finditer(r"\d[\d,.]*", place.sentence[start : place.figure.start])]
    after = re.search(r"\d", place.sentence[place.figure.end : end])
    return place.sentence[start + (before[-1] if before else 0) : place.figure.end + (after.start() if after else end - place.figure.end)]


def _ranked_country(place: _Place) -> str | None:
    """Whose a rank is: the country named last before it in its clause ("Pakistan ranked fourth
    and India seventh": fourth is Pakistan's, seventh India's), ``"Pakistan"`` or ``"other"``;
    ``None`` when the clause names no country before it or in it ("placed Pakistan 95th")."""
    start = max(0, place.sentence.find(place.clause))
    # (the figure itself may name it: "The Network Readiness Index placed Pakistan 95th")
    head = place.sentence[start : place.figure.end]
    # (countries named as ranked ahead are not the ones ranked: "Pakistan ranks third after India
    # and Bangladesh", "پاکستان بھارت اور بنگلہ دیش کے بعد تیسرے نمبر پر")
    ahead = [(m.start(), m.end()) for m in _RANKED_AHEAD.finditer(head)]
    ours = [m.start() for m in _PAKISTAN_NAME.finditer(head) if not any(a <= m.start() < b for a, b in ahead)]
    # (a province ranked among the others is ranked at home: "پنجاب پہلے، سندھ دوسرے نمبر پر")
    provinces = list(_PROVINCE.finditer(head))
    if len(_PROVINCE.findall(place.sentence)) < 2 and not _PROVINCES_SAID.search(place.sentence):
        provinces = []  # one province named is where a country's freelancers come from ("Pakistan, led by Punjab's freelancers, ranked fourth")
    theirs = [m.start() for m in (*_FOREIGN.finditer(head), *_URDU_FOREIGN.finditer(head), *provinces) if not any(a <= m.start() < b for a, b in ahead)]
    if not ours and not theirs:
        return None
    return "Pakistan" if max(ours, default=-1) > max(theirs, default=-1) else "other"


_PROVINCES_SAID = re.compile(r"\bprovinc\w*|صوبوں|صوبے|صوبہ", re.IGNORECASE)
#: Countries named as ranked ahead of the one ranked: "after India and Bangladesh", "behind the
#: US", "behind only India", "second only to India", Urdu "بھارت اور بنگلہ دیش کے بعد".
_RANKED_AHEAD = re.compile(
    r"\b(?:after|behind|following|only\s+to)\s+(?:only\s+|just\s+)?(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?"
    r"(?:(?:\s+and\s+|,\s*(?=(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s+and\s))(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)*"
    # Urdu: country names, joined by اور or a comma, right before کے بعد
    rf"|(?:{_URDU_FOREIGN.pattern}|{_PAKISTAN_NAME.pattern})(?:\s*(?:،|,|\sاور)\s*(?:{_URDU_FOREIGN.pattern}|{_PAKISTAN_NAME.pattern}))*\s+کے\s+بعد(?=\s)"
)
#: A ranking named before, referred to by its kind: "the index", "the 2023 edition", "its latest
#: report", "2023 کے انڈیکس" (never another one by its name: "the UN's E-Government Index").
_THE_INDEX = re.compile(
    # (or by a word of its field, never a name: "the mobile index", not "the E-Government Index")
    r"\b(?:the|its|this|that|last\s+year['’]s)\s+(?:(?:19|20)\d\d\s+|latest\s+|previous\s+|last\s+|new\s+|(?-i:[a-z][a-z-]*)\s+)?(?:index|ranking|rankings|edition|survey|report|list)\b"
    r"|(?:(?:19|20)\d\d|اس|پچھلے|گزشتہ|گذشتہ)\s+(?:کے|کی)\s+(?:انڈیکس|رینکنگ|درجہ\s+بندی|رپورٹ|ایڈیشن)|(?:اسی|اس)\s+(?:انڈیکس|رینکنگ|رپورٹ)",
    re.IGNORECASE,
)
#: A clause that opens on "which" (جو): it goes on about what the clause before named.
_WHICH_OPENS = re.compile(rf"\W*(?:{WHICH})", re.IGNORECASE)
#: A clause whose subject is the country named before: "The country had been ranked ...".
_THE_COUNTRY_OPENS = re.compile(r"\W*(?:(?:however|meanwhile|still)\s*,\s*)?the\s+country\b|\W*(?:یہ\s+)?ملک(?![^\W\d_])", re.IGNORECASE)
#: A ranking named by its own name: "the Global Innovation Index", "the Inclusive Internet Index".
_NAMED_LIST = re.compile(r"(?-i:[A-Z][\w'’-]*\s+)+(?-i:Index|Report|Survey|Ranking|Rankings)\b")
#: A place on one measure of a ranking, said after it: "6th on financial attractiveness", "46th for business environment".
_ON_A_MEASURE = re.compile(r"[^.;,]*?\b(?:on|for)\s+(?!the\s+(?:month|year|edition|index|list|ranking)\b)[a-z]", re.IGNORECASE)
#: "its" or "it" (اس کا, اس کی): the one ranked in the clause before.
_RANKED_PRONOUN = re.compile(r"\b(?:its|it)\b|(?<![^\W\d_])(?:اس\s+(?:کا|کی|کے)|وہ)(?![^\W\d_])", re.IGNORECASE)
#: "Top N" as the length of a list, not a place in it: "rankings of the top 10 countries", "its
#: list of the top ten", Urdu "سرفہرست 10 ممالک کی رینکنگ" (the ranking of the top 10 countries).
_LIST_SIZE_BEFORE = re.compile(r"\b(?:rankings?|list|index|table|league)\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE)
_URDU_LIST_SIZE_AFTER = re.compile(r"\s*(?:(?:ممالک|ملکوں)\s+)?(?:کی|کا)\s+(?:رینکنگ|فہرست|درجہ\s?بندی)")


#: An ordinal listed with another ("second and third", "دوسرے اور تیسرے نمبر"): the places of
#: several, none of them one country's unless the sentence says whose.
_ORDINAL_WORD = (
    r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|پہلے|پہلی|دوسرے|دوسری|تیسرے|تیسری|چوتھے|چوتھی|پانچویں|چھٹے|ساتویں|آٹھویں|نویں|دسویں|\d{1,3}\s?ویں)"
)
#: A place written as one: "97th", "چوتھے نمبر", "37 ویں".
_RANK_WORD = re.compile(rf"(?<![^\W\d_]){_ORDINAL_WORD}(?![^\W\d_])|(?<![^\W\d_])(?:نمبر|درجے)(?![^\W\d_])", re.IGNORECASE)
_PLACE_LISTED_BEFORE = re.compile(rf"(?<![^\W\d_]){_ORDINAL_WORD}\s*(?:,|،|\band\b|&|اور)\s*$", re.IGNORECASE)
_PLACE_LISTED_AFTER = re.compile(rf"\s*(?:,|،|\band\b|&|اور)\s*{_ORDINAL_WORD}(?![^\W\d_])", re.IGNORECASE)
#: What a rank ranks, when it is a part of the economy, a business or a figure rather than the
#: country: "the third-largest sector", "the largest platform", "the second highest monthly figure".
_RANKS_A_PART = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:sectors?|industr(?:y|ies)|items?|products?|categor(?:y|ies)|segments?|components?|"
    r"platforms?|compan(?:y|ies)|firms?|cit(?:y|ies)|provinces?|banks?|apps?|figures?|months?|monthly|inflows?|sources?(?!\s+of\s+(?:online\s+)?(?:freelanc|gig|remote))|earners?|contributors?)\b"
    r"|\s+(?:\S+\s+){0,2}?(?:سیکٹر|شعبہ|شعبے)"  # (a country as a "source of online freelance workers" is ranked among countries)
    # a market that buys from Pakistan, ranked among its buyers: "the third-largest market for
    # Pakistani IT services" (never "Pakistan is the fourth-largest freelance market")
    r"|[\s-]+(?:[\w-]+\s+){0,2}?(?:markets?|destinations?|buyers?|importers?|clients?)\s+(?:for|of)\s+(?:the\s+)?(?:Pakistani|Pakistan['’]s|Pakistan\b|the\s+country['’]s)",
    re.IGNORECASE,
)
#: ... and in Urdu, "for" before the place and "market" after it: "پاکستانی آئی ٹی کمپنیوں کے لیے
#: تیسری بڑی منڈی" (the third-biggest market for Pakistani IT firms).
_FOR_BEFORE_PLACE = re.compile(r"(?<![^\W\d_])کے\s+لیے\s+$")
_MARKET_AFTER_PLACE = re.compile(r"(?:\s+(?:سب\s+سے\s+)?(?:بڑی|بڑا|اہم))?\s+(?:منڈی|مارکیٹ|خریدار)(?![^\W\d_])")  # (the place's words may take "بڑی" in)
#: A rank among the figures of other times, not among countries: "the third highest ever", "the
#: fourth highest level on record", "the second largest in five years", "the best since 2019".
_SUPERLATIVE = re.compile(r"highest|lowest|largest|biggest|best|worst|strongest|weakest|most|least", re.IGNORECASE)
_RANKS_OVER_TIME = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:ever|levels?|on\s+record|in\s+(?:history|(?:the\s+)?(?:last\s+|past\s+)?(?:\w+\s+)?(?:years?|months?|decades?))|since)\b",
    re.IGNORECASE,
)
#: Net exports in Urdu ("نیٹ ایکسپورٹ", "خالص برآمدات"), and an amount in Urdu.
_NET_EXPORTS = re.compile(r"\bnet\s+(?:[\w-]+\s+){0,2}?exports\b|(?:نیٹ|خالص)\s+(?:(?:آئی\s?ٹی|آئی\s?سی\s?ٹی)\s+)?(?:ایکسپورٹس?|برآمدات)", re.IGNORECASE)
_AMOUNT = re.compile(r"(?:US\s?\$|\$|Rs\.?\s?)\s?\d[\d,.]*(?:\s*(?:million|billion|bn|mn|m)\b)?|\d[\d,.]*\s*(?:million|billion|ارب|کروڑ|ملین)(?:\s+\d+\s+(?:لاکھ|کروڑ))?", re.IGNORECASE)
_URDU_NET = re.compile(r"(?:نیٹ|خالص)\s+(?:(?:آئی\s?ٹی|آئی\s?سی\s?ٹی)\s+)?(?:ایکسپورٹس?|برآمدات)")
_URDU_AMOUNT = re.compile(r"(?:ملین|بلین|ارب|کروڑ|لاکھ)\s?(?:امریکی\s)?(?:ڈالر|روپے)")
#: A round figure crossed "for the first time" is a threshold, not the value: "IT exports crossed
#: $400 million for the first time" (the month's figure was $437m); Urdu "پہلی بار ... 3 ارب سے زائد".
_CROSSED_BEFORE = re.compile(r"\b(?:cross\w*|surpass\w*|exceed\w*|topp?\w*|pass\w*|breach\w*|broke|break\w*)\s+(?:the\s+)?$", re.IGNORECASE)
#: A round amount approached, not reached: "crept towards $4 billion", "edged closer to $4bn",
#: "nears $4bn" (the value is in the text that gives it: "$3.8 billion").
_APPROACHED_BEFORE = re.compile(r"\b(?:towards?|closer\s+to|nears?|nearing|approach(?:es|ed|ing)?)\s+(?:the\s+)?$", re.IGNORECASE)
_FIRST_TIME = re.compile(r"\b(?:for\s+|marks\s+)?the\s+first\s+time\b|\bfor\s+first\s+time\b|\bfirst\s+time\s+ever\b|پہلی\s+(?:بار|مرتبہ)", re.IGNORECASE)
_URDU_OVER_AFTER = re.compile(r"\s*(?:سے\s+)?(?:زائد|تجاوز|عبور)")


def _first_crossing(place: _Place, head: str) -> bool:
    """Whether a money figure is a threshold crossed for the first time."""
    if place.figure.unit not in ("USD_million", "PKR_million") or not _FIRST_TIME.search(place.sentence):
        return False
    return bool(_CROSSED_BEFORE.search(head) or _URDU_OVER_AFTER.match(place.sentence, place.figure.end))


def _round_crossed(place: _Place, head: str) -> bool:
    """Whether a round amount is a threshold crossed or approached: "IT exports cross $1bn in
    the first quarter" (they were $1.05bn), "crossed the billion-dollar mark", "crept towards $4
    billion"; "surpassed $3.22 billion" names the value itself."""
    figure = place.figure
    if figure.unit not in ("USD_million", "PKR_million") or place.base or not (_CROSSED_BEFORE.search(head) or _APPROACHED_BEFORE.search(head)):
        return False  # (an amount surpassed that was recorded before is a base: "surpassing the $300m of June 2024")
    # (of the amount, not its first number: "3 arab 22 crore dollars" is $3,220 million)
    significant = f"{figure.value:.6f}".replace(".", "").strip("0")
    return len(significant) <= 1


def _run_above(place: _Place, head: str) -> bool:
    """Whether an amount is the level a run of months stayed above: "the fourth consecutive
    month in which exports remained above $290 million", "یہ مسلسل چوتھا مہینہ ہے جس میں ...
    29 کروڑ ڈالر سے زیادہ رہی ہیں"; each month's own value is another."""
    figure = place.figure
    if figure.unit not in ("USD_million", "PKR_million") or not _RUN_OF_MONTHS.search(place.sentence):
        return False
    return bool(_ABOVE_BEFORE.search(head) or _URDU_ABOVE_AFTER.match(place.sentence, figure.end))


#: A run of months: "the fourth consecutive month", "for the third straight month", "in a row",
#: "مسلسل چوتھا مہینہ".
_RUN_OF_MONTHS = re.compile(
    r"\b(?:consecutive|straight|successive)\s+(?:months?|quarters?)\b|\b(?:months?|quarters?)\s+in\s+a\s+row\b"
    r"|(?<![^\W\d_])مسلسل\s+(?:\S+\s+){0,2}?(?:مہینہ|مہینے|ماہ|سہ\s?ماہی)(?![^\W\d_])",
    re.IGNORECASE,
)
_ABOVE_BEFORE = re.compile(r"\b(?:above|over|more\s+than|exceed\w*|topp?\w*|beyond)\s+(?:the\s+)?(?:US\s?\$|\$|Rs\.?\s?)?$", re.IGNORECASE)
_URDU_ABOVE_AFTER = re.compile(r"\s*سے\s+(?:زیادہ|زائد|اوپر|تجاوز)")
#: A figure that is a threshold passed, not a value: "crossed the $2 billion mark".
_THRESHOLD_AFTER = re.compile(
    r"\s*(?:mark|milestone|barrier|threshold|level|landmark)\b|\s*کی\s+(?:نفسیاتی\s+)?(?:حد|سطح)(?!\s+پر\s+(?:رہ|برقرار))"  # ("کی سطح پر رہیں": stood at that level)
    # "... جب یہ برآمدات 28 کروڑ ڈالر سے کم رہی ہوں" (when they might have been below): a bound in a
    # supposition, no figure reached
    # (never the future, "سے زیادہ ہوں گی", which is more than its base will be)
    r"|\s+سے\s+(?:کم|زیادہ|زائد|نیچے|اوپر)\s+(?:(?:رہی|رہا|رہے|رہیں|ہوئی|ہوئے|گئی|گئے)\s+)?(?:ہو|ہوں)(?![^\W\d_])(?!\s+(?:گا|گی|گے)(?![^\W\d_]))",
    re.IGNORECASE,
)
#: A percentage that is a share: "made up around 78 percent" (of a total).
_MADE_UP = re.compile(r"\b(?:made|make|makes|making)\s+up\s+(?:(?:around|about|nearly|roughly|some|over|almost|more\s+than|just\s+over|just\s+under)\s+)?$", re.IGNORECASE)
#: Exports to one country ("exports to Qatar", "سعودی عرب کو ... برآمدات"): not the national
#: series, and neither is their growth; a market named for an amount ("$25m in the Gulf") is one
#: too, while a rate may only be the national one's ("grew 20pc, led by demand in the US").
_EXPORTS_TO = re.compile(
    r"\b[Ee]xports?\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?(?!US\s?\$|USD|Rs|PKR|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)(?-i:[A-Z])(?:[a-z]+|[A-Z]{1,3})\b"
    r"|(?:سعودی\s+عرب|قطر|چین|امریکہ|امریکا|برطانیہ|متحدہ\s+عرب\s+امارات|امارات)\s+کو"
    # "آئرلینڈ کو برآمدات" (exports to Ireland), "... جہاں برآمدات میں 31 فیصد اضافہ ہوا" (where exports grew)
    r"|(?<![^\W\d_])(?!ملک|حکومت|پاکستان|ان|اس|جن|جس)[^\W\d_]+\s+کو\s+(?:آئی\s+ٹی\s+)?برآمدات|(?<![^\W\d_])جہاں\s+(?:آئی\s+ٹی\s+)?برآمدات",
)
_DESTINATION = re.compile(
    rf"{_EXPORTS_TO.pattern}|\b(?:largest|biggest|main|top)\s+(?:buyer|importer|market|destination|client)s?\b|(?<![^\W\d_])خریدار(?![^\W\d_])|\b(?:to|in)\s+(?:the\s+)?(?:Gulf|GCC|Middle\s+East|Saudi\s+Arabia|Qatar|UAE|China|(?-i:US|UK)(?!\s?\$))\b"
)
#: Money followed by a comparative: a difference between two figures, not a level.
_CHANGE_AFTER = re.compile(r"\s+(?:was\s+|is\s+)?(?:higher|lower|more|less|up|down)\s+than\b|\s+short\s+of\b|\s+more\s+to\b", re.IGNORECASE)  # "$200 million short of", "$290 million more to beat last year's total"


#: Money that is a part of a whole named after it: "$160 million of the eight-month total",
#: "$1 billion of export proceeds".
_PART_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:total|proceeds|earnings|receipts|exports|remittances|figure|amount)\b", re.IGNORECASE)
_INCLUDING_BEFORE = re.compile(r"\b(?:including|of\s+which|among\s+them)\s+(?:about\s+|around\s+|some\s+|over\s+|nearly\s+|almost\s+)?(?:US\s?\$|\$|Rs\.?\s?|PKR\s?)?$", re.IGNORECASE)
#: The verb "included" right before a figure: "the registrations included 19,840 VPNs".
_INCLUDED_BEFORE = re.compile(r"\b(?:included|includes|include)\s+(?:about\s+|around\s+|some\s+|over\s+|nearly\s+|almost\s+|more\s+than\s+)?(?:US\s?\$|\$|Rs\.?\s?|PKR\s?)?$", re.IGNORECASE)
#: A total before "including": an amount, or a count written as one.
_MONEY_TOTAL = re.compile(r"(?:US\s?\$|\$|USD|Rs\.?|PKR)\s?\d|\d[\d,.]*\s*(?:million|billion|mn|bn|ارب|کروڑ|لاکھ)", re.IGNORECASE)
_COUNT_TOTAL = re.compile(rf"\b(?:{_GROUPED})\b|\b\d+(?:\.\d+)?\s*(?:million|lakh|ہزار|لاکھ)", re.IGNORECASE)
#: Urdu "which include": "جن میں ... شامل ہیں" around the parts of a total.
_URDU_AMONG = re.compile(r"(?<![^\W\d_])(?:جن|جس)\s+میں(?!\s+سے)(?![^\W\d_])(?=[^۔]*$)")
_URDU_INCLUDED_AFTER = re.compile(r"[^۔]*?(?<![^\W\d_])شامل\s+(?:ہیں|ہے|تھیں|تھے|تھی|تھا)(?![^\W\d_])")
_PART_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those|which|whom)\b", re.IGNORECASE)
#: Years counted: "over the last four fiscal years", "in five years", "چار سال میں" (two or
#: more, in digits or in the words the periods read).
_YEARS_COUNTED = re.compile(
    r"\b(?:over|in|during|across|within)\s+(?:the\s+)?(?:last|past|previous|preceding|first)?\s*(?P<n>\d{1,2}|"
    + "|".join(w for w, n in _COUNT_WORDS.items() if n >= 2 and w.isascii())
    + r")\s+(?:fiscal\s+|financial\s+|consecutive\s+)?years\b|(?<![^\W\d_])(?P<ur>\d{1,2}|"
    + "|".join(w for w, n in _COUNT_WORDS.items() if n >= 2 and not w.isascii())
    + r")\s+(?:مالی\s+)?(?:سال|سالوں|برس|برسوں)\s+(?:میں|کے\s+دوران)(?![^\W\d_])",
    re.IGNORECASE,
)
#: Two years a change runs between: "between FY22 and FY25", "from 2019-20 to 2022-23", "مالی سال 2019-20 سے 2022-23 کے دوران".
_YEARS_BETWEEN = re.compile(
    r"\b(?:between|from)\s+(?:FY(?:\s?'?|-)(?P<a>\d{2,4})|(?P<a2>\d{4})(?:-\d{2})?)\s+(?:and|to|through)\s+(?:FY(?:\s?'?|-)(?P<b>\d{2,4})|(?P<b2>\d{4})(?:-(?P<b3>\d{2}))?)\b"
    r"|(?P<ua>\d{4})-\d{2}\s+سے\s+(?:مالی\s+سال\s+)?(?P<ub>\d{4})-\d{2}\s+(?:تک|کے\s+دوران)",
    re.IGNORECASE,
)


#: A record that years are counted against: "the fastest pace in three years", "the highest in five years".
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:\w+est|most|best|worst|first\s+time|record)\b[^,;.]{0,30}$", re.IGNORECASE)


def over_years(clause: str) -> bool:
    """Whether ``clause`` gives a change over two years or more: "over the last four fiscal
    years", "between FY22 and FY25", "مالی سال 2019-20 سے 2022-23 کے دوران" (a rate of no one
    year, and no year's growth)."""
    for m in _YEARS_COUNTED.finditer(clause):
        if _SUPERLATIVE_BEFORE.search(clause, max(0, m.start() - 50), m.start()):
            continue  # "the fastest growth in three years": the years the record stands over
        n = (m["n"] or m["ur"]).lower()
        if _COUNT_WORDS.get(n, int(n) if n.isdigit() else 0) >= 2:
            return True
    for m in _YEARS_BETWEEN.finditer(clause):
        first, last = m["a"] or m["a2"] or m["ua"], m["b"] or m["b2"] or m["ub"]
        first, last = (int(y) % 100 for y in (first, last))
        if (last - first) % 100 >= 2:
            return True
    return False


#: A figure counted per step: "every 10 percent increase", "for each $1 billion".
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+(?:additional\s+|extra\s+)?(?:US\s?\$|\$|Rs\.?\s?)?$", re.IGNORECASE)
#: An amount per period of time: "roughly $140 million a quarter", "$25m per month", "ماہانہ".
_PER_PERIOD_AFTER = re.compile(rf"\s*(?:{_PER_PERIOD})", re.IGNORECASE)
#: Urdu "daily" or "a day" before an amount: "روزانہ تقریباً ایک کروڑ 20 لاکھ ڈالر" ($12m a day).
_URDU_DAILY_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_URDU_PER_PERIOD})\s+(?:\S+\s+){{0,2}}$")
#: Urdu "raised" or "cut" by someone, before "کر" or "کے": "بڑھا کر", "گھٹا کر", "کم کر کے".
_URDU_RAISED_OR_CUT = r"(?:بڑھا|گھٹا|کم\s+کر)"
#: A first figure since revised: "from the provisional $318 million", "the earlier reported $318m".
_SUPERSEDED = re.compile(
    r"\b(?:provisional(?:ly)?|initial(?:ly)?|earlier[\s-]reported|previously[\s-]reported|preliminary)\s+(?:\w+\s+)?$|(?<![^\W\d_])ابتدائی\s+طور\s+پر\s+$"
    # "ابتدائی تخمینہ 264 ملین ڈالر" (the preliminary estimate); "ابتدائی اعداد و شمار میں یہ رقم
    # 348 ملین ڈالر بتائی گئی تھی" (in the preliminary figures this sum was given as)
    r"|(?:ابتدائی|عبوری)\s+(?:تخمینہ|تخمینے|اعداد\s+و\s+شمار)\s+(?:میں\s+)?(?:یہ\s+)?(?:(?:رقم|حجم)\s+)?$"
    r"|(?:ابتدائی|عبوری)\s+اعداد\s+میں\s+(?:یہ\s+)?(?:رقم|حجم)\s+$"  # "ابتدائی اعداد میں یہ حجم ... بتایا گیا تھا" (in the early figures this volume was given as)
    # "had initially reported October's ICT exports at $330m": what was first put out
    r"|\b(?:initially|originally|first|earlier|previously)\s+(?:reported|put|estimated|given|released|announced|shown)\s+(?:[\w'’-]+\s+){0,5}?(?:at|as)\s+(?:US\s?\$|\$)?$"
    # "revised the February figure upward from $211 million": the figure revised
    r"|\brevis(?:ed|es|ing)\s+(?:[\w'’$.,-]+\s+){0,5}?(?:upwards?|downwards?|up|down)?\s*from\s+(?:the\s+)?(?:provisional\s+|earlier\s+|initial\s+)?(?:US\s?\$|\$)?$"  # (or "revised to $79 million from $64 million")
    # "..., the State Bank said, correcting a figure of $194 million shown in a presentation"
    r"|\bcorrect(?:ing|ed|s)\s+(?:an?\s+|the\s+|its\s+)?(?:earlier\s+|wrong\s+|erroneous\s+)?(?:figure|number|estimate)\s+of\s+(?:US\s?\$|\$)?$",
    re.IGNORECASE,
)
#: Urdu "provisionally", before a figure: superseded only where the sentence tells of a revision
#: ("نظرثانی شدہ اعداد کے مطابق ... جو عبوری طور پر ... بتائی گئی تھیں"); alone, as in a bulletin's
#: "آئی ٹی برآمدات عبوری طور پر 1 ارب 70 کروڑ ڈالر رہیں", the provisional figure is the figure.
_URDU_PROVISIONAL_BEFORE = re.compile(r"(?<![^\W\d_])عبوری\s+طور\s+پر\s+$")
_URDU_REVISED = re.compile(r"(?<![^\W\d_])(?:نظر\s?ثانی|ترمیم|تصحیح|بعد\s+میں)")
#: Urdu: a figure whose report is called baseless or false, or denied, in the rest of its
#: clause: "4 لاکھ رجسٹریشنز کی خبر کو بے بنیاد قرار دیا".
_URDU_CALLED_FALSE_AFTER = re.compile(r"[^۔؛،]{0,40}?(?:(?:کو|کی)\s+(?:بے\s?بنیاد|غلط|جھوٹی?|من\s+گھڑت)\s+قرار|(?:کی|کو)\s+تردید)")
#: "revised to" right before a figure: the figure as it now stands.
_REVISED_TO_BEFORE = re.compile(r"\brevised\s+(?:up|down|upwards?|downwards?)?\s*to\s+(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
#: A claim said before its figure to be untrue: "it is not true that", "falsely claimed that",
#: Urdu "یہ دعویٰ درست نہیں کہ" (this claim is not correct that).
_CLAIM_DENIED_BEFORE = re.compile(
    r"\b(?:falsely|wrongly|incorrectly|mistakenly)\s+(?:claimed|said|stated|asserted)\s+that\b|\bit\s+is\s+not\s+(?:true|correct)\s+that\b"
    r"|(?<![^\W\d_])(?:دعوی|دعویٰ|دعوے|بات)\s+(?:درست|صحیح|سچ)\s+نہیں\s+(?:ہے\s+)?کہ(?![^\W\d_])",
    re.IGNORECASE,
)
#: A figure said not to be the one: "71,400 freelancers, not 714,000 as stated", "rather than $352 million",
#: "$306 million (not $360 million, as ...)".
_NOT_THIS_BEFORE = re.compile(r"(?:,|\bbut|\()\s*not\s+(?:the\s+)?(?:US\s?\$|\$|Rs\.?\s?)?$|\b(?:rather\s+than|instead\s+of)\s+(?:the\s+)?(?:US\s?\$|\$|Rs\.?\s?)?$", re.IGNORECASE)
#: A correction's account of what a report wrongly said: the figure it withdraws.
_CORRECTED = re.compile(
    r"\b(?:an?\s+)?(?:earlier|previous)\s+version\s+of\s+this\s+(?:report|story|article|news\s+item)\b|\b(?:incorrectly|wrongly|erroneously|mistakenly)\s+(?:stated|said|reported|mentioned|put)\b"
    r"|(?<![^\W\d_])(?:غلطی\s+سے|سہواً|سہوا)(?![^\W\d_])"
    # Urdu "in the first version of this story": "تصحیح: اس خبر کے پہلے ورژن میں ... بتائی گئی تھیں"
    r"|(?<![^\W\d_])(?:پہلے|ابتدائی|سابقہ|پچھلے)\s+(?:ورژن|نسخے)\s+میں(?![^\W\d_])"
    # "Correction: A report on these pages on Thursday stated that ...": what the report said
    r"|\bcorrection\s*[:\-–—]\s*(?:an?|the)\s+(?:[\w'’-]+\s+){0,8}?(?:report|story|article|item|headline)\b[^.]{0,80}?\b(?:stated|said|reported|mentioned|gave|put|carried)\b",
    re.IGNORECASE,
)
#: What a correction says is right, after what it withdraws: "the correct figure is", "درست رقم".
_CORRECT_NOW = re.compile(
    r"\b(?:the\s+)?(?:correct|right|actual)\s+(?:figure|number|amount|total)\b|\bshould\s+have\s+(?:read|said|been)\b"
    r"|(?<![^\W\d_])(?:درست|صحیح)\s+(?:رقم|تعداد|اعداد|عدد)(?![^\W\d_])",
    re.IGNORECASE,
)


#: What opens a claim, whose figures are the claim's and not reported: "claimed that",
#: "claims", "reports of", "suggestions that", "a post says"; Urdu "دعویٰ کیا گیا ہے کہ" (it was
#: claimed that), "ان خبروں کی ... کہ" (these reports that), "یہ تاثر کہ" (the impression that).
_CLAIM_OPENS = re.compile(
    r"\b(?:claim(?:s|ed|ing)?|alleg(?:es|ed|ing|ations?)|rumou?r(?:s|ed)?)\b|\b(?:reports?|suggestions?|impressions?)\s+(?:of|that)\b"
    r"|\b(?:post|tweet|graphic|clip|message|forward|infographic)s?\s+(?:[\w'\u2019-]+\s+){0,5}?(?:says|said|claims|claimed|shows|showed|states|stated|suggests|suggested)\b"
    r"|(?<![^\W\d_])(?:دعوی|دعویٰ|دعوے|افواہ|افواہوں|خبر|خبروں|تاثر)\s+(?:[^\s،؛۔:]+\s+){0,5}?کہ(?![^\W\d_])",
    re.IGNORECASE,
)
#: A denial of what follows: "denied that", "rejects reports of", "refuted claims that"; Urdu
#: "... کی تردید کی ہے کہ" (denied that).
_DENIAL_OPENS = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|refut(?:es|ed)|dismiss(?:es|ed)|debunk(?:s|ed)?)\s+(?:(?:the|these|those|a|an|all|media|news|social\s+media)\s+)*(?:(?:reports?|claims?|rumou?rs?|suggestions?|news)\s+)?(?:of|that)\b"
    r"|(?<![^\W\d_])تردید\s+(?:[^\s،؛۔:]+\s+){0,3}?کہ(?![^\W\d_])",
    re.IGNORECASE,
)
#: A guess said to be one, or a supposition: "unofficial estimates put", "suppose", Urdu "غیر
#: سرکاری اندازوں کے مطابق", "فرض کیجیے کہ" (suppose that).
_GUESS_OPENS = re.compile(
    r"\bunofficial(?:ly)?\b|\b(?:suppose|supposing)\b|\bassum(?:e|ing)\s+(?:that|an?)\b"
    r"|(?<![^\W\d_])غیر\s?سرکاری\s+(?:[^\s،؛۔]+\s+){0,2}?کے\s+مطابق(?![^\W\d_])|(?<![^\W\d_])غیر\s?سرکاری(?![^\W\d_])|(?<![^\W\d_])فرض\s+(?:کیجیے|کیجئے|کریں|کر\s+لیں|کیا\s+جائے)(?![^\W\d_])",
    re.IGNORECASE,
)
#: The end of what a claim holds: a turn ("but", "مگر"), a stop, or a comma after which no
#: relative clause goes on with it.
_CLAIM_ENDS = re.compile(
    r"\b(?:but|however|whereas|while|although|though|instead|rather|actually|according\s+to|saying|adding)\b|[;:\u2014\u2013(؛۔]|\.(?:\s|$)"
    r"|(?<![^\W\d_])(?:مگر|لیکن|جبکہ|تاہم|بلکہ|البتہ|حالانکہ|درحقیقت|اصل\s+میں|کے\s+مطابق)(?![^\W\d_])",
    re.IGNORECASE,
)
_CLAIM_COMMA = re.compile(r"[,،]")
_RELATIVE_GOES_ON = re.compile(r"\b(?:which|who|whose)\b|(?<![^\W\d_])(?:جو|جس|جن)(?![^\W\d_])", re.IGNORECASE)
#: A claim said to be untrue: "falsely", "misleading", "overstated", "contrary to"; Urdu غلط،
#: گمراہ کن (misleading), بے بنیاد (baseless), درست نہیں (not correct), تردید (denial).
_CLAIM_DOUBTED = re.compile(
    r"\b(?:false(?:ly)?|fake|misleading|incorrect(?:ly)?|wrong(?:ly)?|untrue|inaccurate|baseless|unfounded|exaggerat\w*|overstat\w*|inflated|debunk\w*|"
    r"den(?:y|ies|ied|ial)|reject(?:s|ed)?|refut\w*|dismiss(?:es|ed)|contrary\s+to|not\s+(?:true|correct|accurate|borne\s+out|supported))\b"
    r"|غلط|گمراہ\s?کن|بے\s?بنیاد|من\s+گھڑت|جھوٹ|مبالغ|(?:درست|صحیح|سچ)\s+نہیں|ثابت\s+نہیں|تردید|برعکس",
    re.IGNORECASE,
)
#: A claim passed around, not made by anyone who answers for it: "on social media", "a viral
#: post", "widely shared"; Urdu سوشل میڈیا، وائرل، گردش (going round).
_CLAIM_CIRCULATED = re.compile(
    r"\bsocial\s+media\b|\bviral\b|\bwidely[\s-]shared\b|\bshared\s+widely\b|\bcirculat(?:ing|ed)\b|\bWhatsApp\b|\bTikTok\b|\b(?:a|the|this|that|one)\s+post\s+(?:says|said|claims|claimed)\b"
    r"|سوشل\s+میڈیا|وائرل|واٹس\s?ایپ|ٹک\s?ٹاک|گردش",
    re.IGNORECASE,
)
#: A claim named after its figure, in Urdu: "10 لاکھ وی پی این رجسٹر ہونے کا دعویٰ گمراہ کن" (the
#: claim that a million VPNs were registered is misleading).
_URDU_CLAIM_AFTER = re.compile(r"[^،؛۔:]{0,60}?(?<![^\W\d_])(?:کا|کے|کی)\s+(?:یہ\s+)?(?:دعوی|دعویٰ|دعوے)(?![^\W\d_])")
#: A figure a negation puts aside: "did not double to $5bn", "have never exceeded $3.5 billion",
#: "was not ranked first", "failed to reach", "stayed below $300mn" (a bound, not a level).
_NEGATED_BEFORE = re.compile(
    r"\b(?:not|never|n['\u2019]t|fail(?:s|ed)?\s+to|unable\s+to)\s+(?!(?:only|just|merely|least|less|more|fewer|far|much|all|as|so|too)\b)(?:[\w'\u2019-]+\s+){0,3}?(?:US\s?\$|\$|Rs\.?\s?)?$"
    r"|\b(?:stay(?:s|ed)?|remain(?:s|ed)?|f[ae]ll(?:s|en)?|slipp?(?:s|ed)?|dipp?(?:s|ed)?|held|holds?|kept|keeps?|drop(?:s|ped)?)\s+(?:just\s+|well\s+|slightly\s+)?(?:below|under|beneath)\s+(?:US\s?\$|\$|Rs\.?\s?)?$"
    # "needs $2.33 billion in January-June": what a goal still asks for
    r"|\b(?:needs?|requires?)\s+(?:(?:about|around|roughly|another|a\s+further|at\s+least|some)\s+)?(?:US\s?\$|\$)?$",
    re.IGNORECASE,
)
#: Urdu: a figure a negation right after it puts aside: "41 کروڑ ڈالر نہیں بلکہ ..." (not 41 crore
#: but), "یہ کمی 30 فیصد نہیں" (this fall is not 30 percent), "5 ارب ڈالر تک نہیں پہنچ سکیں" (did
#: not reach), "300 ملین ڈالر سے تجاوز نہ کر سکیں" (could not exceed).
_URDU_NEGATED_AFTER = re.compile(
    r"\s*(?:(?:ہے|ہیں|تھی|تھا|تھیں|تھے|ہوئی|ہوا|ہوئیں|ہوئے|رہی|رہا|رہیں|رہے)\s+)?نہیں(?![^\W\d_])"
    r"|\s*(?:تک|سے\s+تجاوز|کا\s+ہندسہ|کی\s+حد)\s+(?:[^\s،؛۔]+\s+)?(?:نہیں|نہ)(?![^\W\d_])"
)
#: A yes-or-no question: "Did PTA register 500,000 VPNs in November?", "کیا ... 30 فیصد گر گئیں؟".
_QUESTION_OPENS = re.compile(r"[\s\"'\u201c\u2018]*(?:(?:Did|Do|Does|Is|Are|Was|Were|Has|Have|Had|Can|Could|Will|Would|Should|Shall|Might)\b|کیا(?![^\W\d_]))")


def _unreported(sentence: str, figure: Figure) -> bool:
    """Whether ``figure`` is one its sentence does not report as so: a claim said to be untrue
    or passed around on social media ("A viral post falsely claims freelancers earned $1
    billion"), a denied report ("PSEB denied that 1.5 million freelancers had registered"), an
    unofficial guess or a supposition, a figure a negation puts aside ("never exceeded $3.5
    billion", "41 کروڑ ڈالر نہیں بلکہ ..."), or one a yes-or-no question asks about."""
    start, end = figure.start, figure.end
    if _NEGATED_BEFORE.search(sentence, max(0, start - 60), start) or _URDU_NEGATED_AFTER.match(sentence, end):
        return True
    # (what is looked at is bounded around the figure, so that a run-on line's figures cost no
    # more each than a sentence's: a question, a claim or its verdict reaches no further)
    near, far = max(0, start - _CLAIM_REACH), min(len(sentence), end + _CLAIM_REACH)
    question_at = min((i for i in (sentence.find("?", end, far), sentence.find("؟", end, far)) if i >= 0), default=-1)
    if question_at >= 0 and not re.search(r"[.!۔;]", sentence[end:question_at]):
        opens = max(near - 1, *(sentence.rfind(mark, near, start) for mark in ":.;!?؟۔")) + 1
        if _QUESTION_OPENS.match(sentence, opens):
            return True
    if not _claim_words(sentence):
        return False
    for opens, needs_doubt in ((_DENIAL_OPENS, False), (_GUESS_OPENS, False), (_CLAIM_OPENS, True)):
        found = None
        for found in opens.finditer(sentence, near, start):
            pass
        if found is None or _claim_closed(sentence, found.end(), start):
            continue
        if not needs_doubt or _CLAIM_DOUBTED.search(sentence, near, far) or _CLAIM_CIRCULATED.search(sentence, near, start):
            return True
    after = _URDU_CLAIM_AFTER.match(sentence, end)
    return bool(after and (_CLAIM_DOUBTED.search(sentence, after.end(), far) or _CLAIM_CIRCULATED.search(sentence, near, far)))


#: How far around a figure :func:`_unreported` looks for a question, a claim and its verdict.
_CLAIM_REACH = 400


#: The words any claim, denial or guess opens on (a first test, once a sentence).
_CLAIM_WORDS = re.compile(
    r"claim|alleg|rumou?r|report|suggestion|impression|post|tweet|graphic|clip|message|forward|den(?:y|ies|ied)|reject|refut|dismiss|debunk|unofficial|suppos|assum"
    r"|دعو|افواہ|خبر|تاثر|تردید|غیر\s?سرکاری|فرض",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=64)
def _claim_words(sentence: str) -> bool:
    return bool(_CLAIM_WORDS.search(sentence))


def _claim_closed(sentence: str, opened: int, figure_at: int) -> bool:
    """Whether what a claim holds ends between ``opened`` and the figure at ``figure_at``."""
    if _CLAIM_ENDS.search(sentence, opened, figure_at):
        return True
    return any(not _RELATIVE_GOES_ON.search(sentence, comma.end(), figure_at) for comma in _CLAIM_COMMA.finditer(sentence, opened, figure_at))


def _withdrawn(sentence: str, figure: Figure) -> bool:
    """Whether a correction withdraws ``figure``: it follows the correction's account of what
    was said wrongly, and not what the correction says is right ("تصحیح: اس خبر کے پہلے ورژن
    میں ... 3 ارب 5 کروڑ ڈالر بتائی گئی تھیں، درست رقم 3 ارب 22 کروڑ ڈالر ہے": the first)."""
    said = None
    for said in _CORRECTED.finditer(sentence, 0, figure.start):
        pass
    return said is not None and not _CORRECT_NOW.search(sentence, said.end(), figure.start)


#: A figure superseded, said after it: in Urdu one someone raised or cut to another, or that
#: another replaced ("264 ملین ڈالر سے بڑھا کر 271 ملین ڈالر کر دیا", raised from; "26 کروڑ 40 لاکھ
#: ڈالر کے بجائے", instead of; never "سے بڑھ کر", rose from, a base); in English one "it had
#: reported" or "reported last month", or that "has been revised to" another.
_SUPERSEDED_AFTER = re.compile(
    rf"\s*(?:سے\s+{_URDU_RAISED_OR_CUT}\s*کر|کے\s+بجائے|کی\s+بجائے)(?![^\W\d_])"
    # "from the $330 million it had reported last month": the figure it gave before
    r"|\s+(?:that\s+|which\s+)?(?:it|they|the\s+(?:central\s+)?bank|the\s+ministry|SBP|PBS)\s+had\s+(?:initially\s+|earlier\s+|first\s+|originally\s+|previously\s+)?(?:reported|announced|released|estimated|given|shown)\b"
    # "put at 27,000 last week, has been revised to 25,300": the figure revised, said before it
    r"|[^.;,]{0,30},?\s+(?:has|have|had)\s+(?:since\s+)?been\s+revised\s+(?:up|down|upwards?|downwards?)?\s*to\b"
    # "$211 million reported last month", "... initially reported a month ago"
    r"|\s+(?:initially\s+|earlier\s+|first\s+|originally\s+|previously\s+)?reported\s+(?:last\s+month|earlier|previously|before|a\s+month\s+(?:ago|earlier))\b",
    re.IGNORECASE,
)
#: A guess, not a reported figure: "by our estimate", "estimates suggest".
_ESTIMATE = re.compile(
    r"\bby\s+(?:our|their|his|her|its|one|some|industry)\s+estimates?\b|\bestimates?\s+(?:suggest|show|put)\b"
    # "according to an estimate by the State Bank", "by the SBP's estimates"
    r"|\baccording\s+to\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?estimates?\b"
    # Urdu: "ان کے اندازے کے مطابق" (by their estimate), "ایک تخمینے کے مطابق"
    r"|(?<![^\W\d_])(?:اندازے|تخمینے)\s+کے\s+مطابق",
    re.IGNORECASE,
)
#: "had estimated unrecorded proceeds at $1.2 billion": the figure an estimate is put at.
_ESTIMATED_AT = re.compile(r"\bestimat(?:ed|es|ing)\s+(?:[\w'’-]+\s+){0,5}?at\s+(?:about\s+|around\s+|roughly\s+|some\s+|up\s+to\s+)?(?:(?:US\s?\$|\$|Rs\.?\s?)?[\d.,]+\s*(?:billion|million|bn|mn|m)?\s+(?:to|and|-)\s+)?(?:US\s?\$|\$|Rs\.?\s?)?$", re.IGNORECASE)
#: "PAFLA estimates that freelancers earn another $500m": an estimate of what follows it only.
_ESTIMATE_THAT = re.compile(r"\bestimat(?:es?|ed)\s+that\b", re.IGNORECASE)
#: A sign written against a rate: "(-5% MoM, -11% YoY)", "+12% YoY/+5% MoM" (never a range's dash: "2-3%").
#: The rest of a rate in brackets with its basis after, as analysts write a fall: "(3.6%) MoM".
_ACCOUNTING_NEGATIVE = re.compile(r"\)\s*(?-i:MoM|YoY|QoQ)\b|\)\s*(?:m/m|y/y)", re.IGNORECASE)
_SIGNED = re.compile(r"(?:^|(?<=[\s(/,]))([-−–+])$")
_RELATIVE_AFTER = re.compile(
    r",\s+(?:which|who)\b|\sجو\s"
    # a clause of cause: ", as tech companies brought home a larger share of their earnings"
    r"|,\s+(?:as|because)\s+(?!per\b|of\b|well\b|much\b|against\b|compared\b|a\s+result\b|in\b|on\b)",
    re.IGNORECASE,
)


def _before_relative(place: _Place, head: str) -> str:
    """The figure's clause up to a relative clause after it: in "1.5 million freelancers, which
    accounts for the second largest online workforce", what the relative clause says (a share)
    is of the whole, not a word on what the figure counts."""
    after = _RELATIVE_AFTER.search(place.clause, len(head))
    return place.clause[: after.start()] if after else place.clause


#: A circumstance that opens a clause, before its subject: "Ahead of the budget, ", "Despite
#: higher taxes, ", "Boosted by foreign investment, " (never "After tax,": what is left of a figure).
_CIRCUMSTANCE_OPENING = re.compile(
    r"\W*(?:ahead\s+of|despite|in\s+spite\s+of|amid(?:st)?|after(?!\s+tax)|following|before|due\s+to|because\s+of|thanks\s+to|on\s+the\s+back\s+of|at\s+the\s+cost\s+of|"
    r"(?:boosted|driven|helped|hit|hurt|supported|buoyed|dragged(?:\s+down)?|weighed\s+down)\s+by)\b[^,]{1,80},\s*"
    # Urdu closes the phrase on its postposition: "زیادہ ٹیکسوں کے باوجود" (despite higher taxes),
    # "بجٹ سے قبل" (before the budget), "سرمایہ کاری کی بدولت" (thanks to investment)
    r"|[^،۔\d]{1,80}?\s(?:کے\s+باوجود|کی\s+بدولت|کی\s+وجہ\s+سے|سے\s+(?:قبل|پہلے)|کے\s+مطابق)(?:\s*،)?\s+",
    re.IGNORECASE,
)
#: A statement's attribution before what is said: "Members of P@SHA said ", "the minister told the
#: budget session that ", "انہوں نے بتایا کہ ".
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|noted|added|stated|revealed|claimed|announced|disclosed|highlighted|pointed\s+out|maintained|observed|explained|asserted|stressed|shared)(?:\s+that)?\s+"
    r"|\b(?:told|informed|assured|briefed)\s+[^,]{1,80}?\s+that\s+"
    # (and in the passive: "بجٹ تقریر میں بتایا گیا کہ", it was told in the budget speech that)
    r"|(?:کہا|بتایا|کہنا\s+(?:تھا|ہے)|انکشاف\s+کیا|آگاہ\s+کیا)(?:\s+گیا)?(?:\s+(?:ہے|تھا))?\s+کہ\s+",
    re.IGNORECASE,
)
#: A circumstance told after a figure: "... in May despite the damage done by outages".
_CIRCUMSTANCE_AFTER = re.compile(
    r"[\s,]+(?:despite|in\s+spite\s+of|amid(?:st)?|ahead\s+of|thanks\s+to|on\s+the\s+back\s+of|because\s+of|due\s+to|even\s+as|although|though|"
    r"(?:boosted|driven|helped|hit|hurt|supported|buoyed|dragged(?:\s+down)?|weighed\s+down)\s+by)\b"
    # what a change is put down to: "..., a rise analysts attributed to a steady rupee and the
    # higher retention limit"
    r"|,\s+(?:a|the)\s+(?:rise|increase|growth|jump|surge|gain|fall|decline|drop)\s+(?:that\s+)?(?:[\w'’]+\s+){0,3}?(?:attributed|credited|blamed|linked|put\s+down)\b"
    r"|[\s,]+(?:attributed|owing)\s+to\b|[\s,]+(?:attributed|owing|due|thanks)\s+(?:largely|mainly|mostly|partly|chiefly|primarily|in\s+(?:large\s+)?part)\s+to\b"
    # the next figure's apposition: "$3.22 billion, an average of about $268 million a month",
    # "$3.81 billion, the equivalent of Rs1.07 trillion"
    r"|,\s+(?:an?\s+|the\s+)?(?:average|equivalent)\s+of\b"
    # what is worked out from it: "..., implying an average annual growth of about 25 percent"
    r"|,\s+(?:implying|meaning|which\s+(?:implies|means|would\s+mean))\b"
    # who said it, after it, and where: "... closed at $2.1 billion, Punjab's IT minister told a
    # ceremony in Lahore where 5,000 e-Rozgaar graduates received certificates"
    r"|,\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|told|added|informed|announced|revealed|noted|stated|disclosed)\b"
    # a clause of what went on beside it: "... $354m in August as Punjab's share rises to 48pc"
    r"|[\s,]+as\s+(?!(?:of|well|per|against|compared|a|an|its|their|part|such|much|many)\b)(?:[\w'’-]+\s+){1,3}?"
    r"(?:rises?|rose|grows?|grew|falls?|fell|climbs?|climbed|increases?|increased|declines?|declined|jumps?|jumped|slips?|slipped|reaches|reached|hits|touched)\b",
    re.IGNORECASE,
)


#: A clause on people set off by commas: ", who make up a growing share of the sector,".
_WHO_ASIDE = re.compile(r",\s+who\s+[^,;$\d]*,", re.IGNORECASE)


def _own_words(place: _Place, head: str) -> str:
    """The words of a figure's clause that can say what the figure is: the clause up to a
    relative clause after the figure (see :func:`_before_relative`), without a circumstance
    that opens it or follows the figure. "Ahead of the budget, IT exports rose to $338 million
    in May despite higher taxes": the budget and the taxes are no words on the $338 million; nor
    is a statement's attribution ("Speaking to members of the chamber, the minister said ..."; a
    relative clause before the figure stays: "Computer services, which account for the bulk of
    the sector's earnings, fetched $166 million" is a part)."""
    text = _before_relative(place, head)
    at = len(head)  # where the figure starts in the clause
    start = 0
    if (opening := _CIRCUMSTANCE_OPENING.match(text)) and opening.end() <= at:
        start = opening.end()
    if said := [m for m in _ATTRIBUTION.finditer(text, start, at) if m.end() < at]:
        start = said[-1].end()  # who said it, and where, is no word on the figure
    if (which := _WHICH_STOOD.search(text, start, at)) and (named := [m for m in _IT_WHOLE.finditer(text, start, which.start()) if re.fullmatch(r"\s*", text[m.end() : which.start()])]):
        # "... training the youth ... was essential to increase the country's IT exports, which
        # stood at US$ 2.62 billion": a figure said of the subject in a clause of its own
        start = named[-1].start()
    if who := [m for m in _WHO_ASIDE.finditer(text, start, at)]:
        # "Freelancers, who make up a growing share of the sector, sent home $273 million": a
        # clause on who the people are says nothing of what the figure is
        text = text[: who[0].start()] + " " * (who[-1].end() - who[0].start()) + text[who[-1].end() :]
    # a month's share of the whole is that month's figure, no part in kind: "IT exports were
    # $2.36 billion in July-May, of which May's share was $215 million", "... جن میں سے مئی کے مہینے
    # کا حصہ 21 کروڑ 50 لاکھ ڈالر تھا"
    text = _A_MONTHS_SHARE.sub(_blank_share_word, text)
    end = len(text)
    if after := _CIRCUMSTANCE_AFTER.search(text, at + (place.figure.end - place.figure.start)):
        end = after.start()
    if part := _PART_AFTER.search(text, at + (place.figure.end - place.figure.start), end):
        end = part.start()  # "$2.36 billion in July-May, of which Punjab's share was ...": the part's words, not the whole's
    if said_after := _URDU_SAID_THAT.search(text, at + (place.figure.end - place.figure.start), end):
        end = said_after.start()  # "... 341 ملین ڈالر تک پہنچنے کا خیرمقدم کرتے ہوئے کہا ہے کہ ... ٹیکسوں ...": what was said after it
    return text[start:end]


def _blank_share_word(m: re.Match) -> str:
    """The match of :data:`_A_MONTHS_SHARE` with its word for a share blanked."""
    word = "w" if m.group("w") else "u"
    return m.group()[: m.start(word) - m.start()] + " " * len(m.group(word)) + m.group()[m.end(word) - m.start() :]


#: A part of the figure before, named after it: ", of which", "، جن میں سے".
_PART_AFTER = re.compile(r",\s+(?:out\s+)?of\s+(?:which|whom)\b|[،,]\s*جن\s+میں\s+سے", re.IGNORECASE)
#: A clause that opens on "and": ", and 100th among 111", "اور 2025 کی فہرست میں 31 ویں".
_AND_OPENS = re.compile(r"\W*(?:and|اور)\s", re.IGNORECASE)
_AND_BEFORE = re.compile(r"(?:\band|(?<![^\W\d_])اور)\s*$", re.IGNORECASE)


def _ranked_before_in(place: _Place) -> bool:
    """Whether ``place``'s clause opens on "and" after clauses of its sentence that gave
    Pakistan's place in a watched ranking, naming no other country."""
    before = place.sentence[: max(0, place.sentence.find(place.clause))]
    return bool(
        (_AND_OPENS.match(place.clause) or _AND_BEFORE.search(before))
        and _PAKISTAN_NAME.search(before) and _RANKING_CONTEXT.search(before) and _RANK_WORD.search(before)
        and not _FOREIGN.search(before) and not _URDU_FOREIGN.search(before)
    )




#: A month's share or part, its word the group ``w`` (``u`` in Urdu): "May's share", "مئی کے مہینے کا حصہ".
_A_MONTHS_SHARE = re.compile(
    rf"\b(?:{_MONTH_NAMES})['’]s\s+(?P<w>share|part|portion)\b"
    rf"|(?<![^\W\d_])(?:{_MONTH_NAMES})(?:\s+\d{{4}})?\s+(?:کے\s+(?:مہینے|ماہ)\s+)?کا\s+(?P<u>حصہ)(?![^\W\d_])",
    re.IGNORECASE,
)
#: A relative clause that gives the figure of the subject before it: ", which stood at US$ ".
_WHICH_STOOD = re.compile(r",\s+which\s+(?:had\s+)?(?:stood\s+at|were|was|amounted\s+to|totall?ed|reached|came\s+to)\s+(?:US\s?\$|\$|USD\s?|Rs\.?\s?|PKR\s?)?\s*$", re.IGNORECASE)
_VERB_BEFORE_TO = re.compile(r"\b(?:was|were|is|are|has|have|had|went|came|set|moved|managed|continued|helped|needed|need|used)\b", re.IGNORECASE)
#: A subject followed by "to" and a verb, with no verb of its own: the future of a headline or a
#: minister's claim ("IT exports to cross $4.5bn this fiscal year"), not "rose 20pc to hit $350m".
_TO_DO = re.compile(r"\bto\s+(?:cross|reach|hit|touch|surpass|exceed|top|double|triple|rise|grow|climb|jump|surge|increase|fall|drop|decline)\s+(?:to\s+)?(?:the\s+|a\s+|record\s+|over\s+|above\s+|around\s+|about\s+|nearly\s+|beyond\s+)*(?:US\s?\$|\$|Rs\.?\s?)?$", re.IGNORECASE)


#: An effort to take a figure somewhere, right before it: "working to take them to", "efforts to
#: raise IT exports to", "striving to push the sector's exports up to".
_WORKING_TO = re.compile(
    # (or what measures are for: "the measures were meant to help lift IT exports to $3.5 billion")
    r"\b(?:working|striving|struggling|efforts?|endeavou?rs?|bid|drive|meant|designed|intended|aimed)\s+(?:hard\s+)?to\s+(?:help\s+)?(?:take|push|raise|lift|increase|boost|grow|enhance|double|scale)\s+(?:[\w'’-]+\s+){0,5}?(?:up\s+)?to\s+(?:over\s+|about\s+|around\s+|at\s+least\s+)?(?:US\s?\$|\$|USD\s?|Rs\.?\s?|PKR\s?)?$",
    re.IGNORECASE,
)


def _targeted(place: _Place, head: str) -> bool:
    """Whether a figure is a target or projection: a cue ("expected to reach", "aims at",
    "ہدف") before it in its clause, or right after it ("$5bn target"). A cue later in the
    clause is another figure's ("... was $396 million and we hope it will reach half a billion")."""
    if _TARGET_CUE.search(head):
        # "envisaged increasing exports from $3.2bn to $4.2bn", "sets $5bn target for FY26 after
        # $3.8bn in FY25": $3.2bn and $3.8bn are the actuals
        return not (_FROM_BEFORE.search(head) or _AFTER_ACTUAL.search(head))
    if _WORKING_TO.search(head):
        return True  # "the government was working to take them to 10 billion dollars": an aim
    if (to_do := _TO_DO.search(head)) and not (_GROWTH_UP.search(head, 0, to_do.start()) or _GROWTH_DOWN.search(head, 0, to_do.start()) or _VERB_BEFORE_TO.search(head, 0, to_do.start())):
        return True
    # (a target the figure is set against is no cue: "... 2 ارب 76 کروڑ ڈالر رہیں جو ساڑھے تین ارب ڈالر
    # کے سرکاری ہدف سے خاصی کم ہیں", less than the target)
    tail = _AGAINST_TARGET.sub(" ", place.clause[len(head) :])
    # (what someone is said to have said after the figure is another statement: "... 341 ملین ڈالر
    # تک پہنچنے کا خیرمقدم کرتے ہوئے کہا ہے کہ ... یہ شعبہ ... بڑھے گا", welcomed the figure, then
    # said the sector would grow)
    tail = tail[: said.start()] if (said := _URDU_SAID_THAT.search(tail)) else tail
    return bool(
        _TARGET_CUE.match(place.sentence, place.figure.end) or _TARGET_AFTER.match(place.sentence, place.figure.end) or _WITHIN_REACH_AFTER.match(place.sentence, place.figure.end) or _URDU_TARGET.search(tail)
        or (_TIME_TO_COME_AFTER.match(place.sentence, place.figure.end) and not _REACHED_BEFORE.search(head))
        or _URDU_NEEDED_AFTER.match(place.sentence, place.figure.end) or _URDU_PROPOSED_AFTER.match(place.sentence, place.figure.end)
    )


#: Urdu "said that": "کہا ہے کہ", "کہا کہ", "کہنا تھا کہ", "بتایا کہ".
_URDU_SAID_THAT = re.compile(r"(?<![^\W\d_])(?:کہا(?:\s+ہے)?|کہنا\s+(?:تھا|ہے)|بتایا(?:\s+ہے)?)\s+کہ(?![^\W\d_])")
#: A figure said to be within reach: "insisted that $5 billion was within reach in two years", a hope.
_WITHIN_REACH_AFTER = re.compile(r"\s+(?:was|is|were|are|remains?|remained|seems?|seemed|looks?|looked)\s+(?:well\s+|still\s+|now\s+)?within\s+(?:reach|grasp)\b", re.IGNORECASE)
#: A target named as what a figure is compared with: "ہدف سے کم" (less than the target).
_AGAINST_TARGET = re.compile(r"(?:ہدف|ٹارگٹ)(?=\s+سے\s)")
#: Urdu puts the verb last: "... 2 ارب ڈالر سے زائد متوقع ہیں", "... 4 ارب ڈالر تک پہنچ جائیں گی"
#: (the future tense: گا، گی، گے), "... لے جانا چاہتی ہے" (wants to).
_URDU_TARGET = re.compile(
    r"ہدف|ٹارگٹ|متوقع|توقع|امید|امکان|صلاحیت|(?<=\s)(?:گا|گی|گے)(?![^\W\d_])|(?<![^\W\d_])(?:ہوگا|ہوگی|ہونگے|ہونگی|چاہت[یاے])(?![^\W\d_])"
    # "ہو سکتی ہے" (may be), "اندازے کے مطابق" (by the estimate): a projection
    r"|(?<![^\W\d_])(?:سکت[اییے]|سکیں|سکے|اندازہ|اندازے|تخمینہ|تخمینے)(?![^\W\d_])"
    # "... 4 ارب ڈالر رہنے کی پیش گوئی کی گئی ہے" (is forecast): a forecast, as "forecast" in English
    r"|(?<![^\W\d_])پیش\s?(?:گوئی|گوئیاں|بینی)(?![^\W\d_])"
    # "... تک لے جانے کے لیے پُرعزم ہیں" (are committed to taking it to), "کے اختتام تک" (by the end of)
    r"|پ\u064f?رعزم|(?<![^\W\d_])لے\s+جان[اےی](?![^\W\d_])|اختتام\s+تک"
    # "... تک پہنچانے کے دعوے" (claims of taking it to): a claim or an aim, not a figure reached
    r"|(?<![^\W\d_])پہنچان[اےی]\s+(?:کے|کا|کی)\s+(?:دعو|ہدف|عزم|منصوب|وعد|اعلان)"
    # "... 80 کروڑ ڈالر کی برآمدات درکار ہیں" (are needed): what a target still asks for
    r"|(?<![^\W\d_])درکار(?![^\W\d_])"
    # "حکومت کی کوشش ہے کہ ... ایک لاکھ فری لانسرز کو رجسٹر کیا جائے" (that they be registered): a wish
    r"|(?<![^\W\d_])(?:کیا|کی|کیے)\s+جائے(?![^\W\d_])"
    # "ان کی خواہش ہے کہ یہ حجم 4 ارب ڈالر تک پہنچ جائے" (her wish is that it reach): a wish, and
    # what it may reach
    r"|(?<![^\W\d_])خواہش(?![^\W\d_])|(?<![^\W\d_])(?:پہنچ|بڑھ)\s+جائے(?![^\W\d_])"
)
#: A figure proposed or demanded, said right after it: "اسے کم از کم 50 فیصد کیا جانا چاہیے" (it
#: should be made at least 50 percent), "35 سے بڑھا کر 50 فیصد کرنے کی سفارش" (a recommendation).
_URDU_PROPOSED_AFTER = re.compile(
    r"\s*(?:تک\s+)?(?:(?:کیا|کی|کیے|کر)\s+(?:جان[اےی]\s+چاہ\w+|جائے|دیا\s+جائے|دی\s+جائے)|کرنے\s+(?:کی|کا)\s+(?:سفارش|تجویز|مطالبہ|درخواست))(?![^\W\d_])"
)
#: A rate measured against a count of companies or firms is of that count: "862 کمپنیوں کے
#: مقابلے میں 40.8 فیصد زیادہ", "up 40.8 percent from 862 companies".
_COUNT_OF_FIRMS_BASE = re.compile(
    r"\d[\d,]*\s+(?:\S+\s+){0,2}?(?:کمپنیوں|کمپنیاں|فرموں|فرمیں|رجسٹریشنز|رجسٹریشنوں)\s+(?:کے|کی)\s+(?:مقابلے|موازنے)\s+(?:میں\s+)?$"
    # "آئی ٹی کمپنیوں کی رجسٹریشن میں گزشتہ مالی سال 20 فیصد اضافہ" (a rise in companies' registration)
    r"|(?:کمپنیوں|فرموں|فری\s?لانسرز)\s+کی\s+رجسٹریشن\s+میں\s+(?:\S+\s+){0,4}?$"
)
_COUNT_OF_FIRMS_AFTER = re.compile(r"\s*(?:more\s+than|over|from|against|compared\s+(?:to|with))\s+(?:the\s+)?[\d,]+\s+(?:\w+\s+){0,2}?(?:companies|firms)\b", re.IGNORECASE)
#: What a figure is needed for, said right after it: "ہر ماہ 43 کروڑ ڈالر کی برآمدات چاہئیں" (are
#: needed; never "... کا خیر مقدم کیا جانا چاہیے", should be welcomed).
_URDU_NEEDED_AFTER = re.compile(r"\s*(?:کی|کے)\s+(?:\S+\s+){0,2}?(?:چاہئیں|چاہیئں|چاہیے|چاہئے|چاہیئے|درکار)(?![^\W\d_])")


#: People right after a percentage: the share of them ("60pc freelancers earn less than $500",
#: "7 percent of respondents", "40 فیصد فری لانسرز"), not the growth of a figure.
#: A share of people who said something: "41 percent said their monthly income had fallen".
_PEOPLE_SAID_AFTER = re.compile(r"\s+(?:said|say|says|reported|believe[sd]?|felt|feel|agreed|complained|admitted|expected)\b", re.IGNORECASE)
#: The next item of a list of shares: "..., followed by graphic design at 18 percent and digital marketing at".
_FOLLOWED_AT_BEFORE = re.compile(r"\b(?:followed\s+by|and|then)\s+(?:[\w&/-]+\s+){1,5}?at\s+(?:about\s+|around\s+|nearly\s+)?$", re.IGNORECASE)
#: A share said before in the sentence: "made up 34 percent of", "accounted for 40pc of", "a 34 percent share".
_SHARE_SAID = re.compile(r"\b(?:made|make|makes)\s+up\s+[^.;]{0,20}?\d|\baccount(?:ed|s|ing)?\s+for\s+[^.;]{0,20}?\d[^.;]{0,15}?\bof\b|\bshare\b", re.IGNORECASE)
_SHARE_OF_PEOPLE = re.compile(
    r"\s*(?:of\s+(?:the\s+|all\s+|those\s+)?(?:[\w-]+\s+){0,2}?)?(?:freelancers|respondents|users|people|workers|participants|women|men|youths?|students|graduates|Pakistanis|households)\b"
    r"|\s*(?:فری\s?لانسرز|افراد|صارفین|خواتین|نوجوانوں|نوجوان|طلبہ)(?![^\W\d_])",
    re.IGNORECASE,
)
#: A sentence that opens on a part of the figure before it: "Out of these, ...", "Of which ...",
#: Urdu "ان میں سے ...".
_PART_OF_BEFORE = re.compile(
    r"\W*(?:out\s+of|of)\s+(?:these|those|them|which|this|the\s+total)\b|\W*(?:ان|اس)\s+میں\s+سے"
    # "ان میں سافٹ ویئر کنسلٹنسی سروسز کی برآمدات ...": among them, a category's exports
    r"|\W*ان\s+میں\s+(?=(?:[^\d\s]+\s+){1,5}?(?:کی|کے)\s+برآمدات)"
    # "Among the telecommunication services, exports of call centre services ...", "Within
    # computer services, ...": a category inside one
    # "of the registered VPNs, 14,920 belonged to IT companies, 3,150 to freelancers": a breakdown
    r"|\W*of\s+the\s+(?:[\w-]+\s+){0,2}?(?:VPNs|registrations|freelancers|companies|firms|accounts|users)\s*,"
    r"|\W*(?:among|within)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:services|exports|categories|components|segments|sub-?sectors)\s*,"
    # (not "Within services exports, IT exports rose ...", nor a watched part: "Within computer
    # services, receipts from freelance work stood at $51 million")
    r"(?!\s*(?:Pakistan['’]s\s+|the\s+country['’]s\s+)?(?:(?-i:IT|ICT)\b|information\s+(?:and\s+communication\s+)?technology\b|(?:[\w'’-]+\s+){0,3}?freelanc))",
    re.IGNORECASE,
)
def _a_month_of_the_whole(place: _Place) -> bool:
    """Whether a figure after "Of this, ..." is one month's of the same exports, a part in
    time rather than in kind: "Of this, the IT exports in September alone stood at $242
    million" is September's."""
    if not _MONTH_VALUE.fullmatch(place.period):
        return False
    # ("ان میں سے صرف جنوری میں فری لانسرز کی ترسیلات 3 کروڑ 40 لاکھ ڈالر رہیں": January alone, theirs;
    # "ان میں سے 18 ہزار 300 وی پی اینز صرف گزشتہ ماہ رجسٹر کیے گئے": last month's registrations)
    if place.kind in ("it_exports", "freelancers") and place.figure.unit == "USD_million" and _MONEY_IN_A_MONTH.search(place.clause):
        # "Of the total, $41 million was received in August": the whole's month, when nothing
        # says whose share it is ("... earned by software houses in August" is a part in kind)
        stop = _COMMA_OR_END.search(place.sentence, place.figure.end)
        return not _SHARE_OF_WHOM.search(place.sentence, place.figure.end, stop.start() if stop else len(place.sentence))
    return (place.kind == "it_exports" and bool(_A_MONTHS_EXPORTS.search(place.clause))) or (
        place.kind in ("it_exports", "freelancers", "vpn") and bool(_A_MONTH_ALONE.search(place.clause) or _A_MONTHS_SHARE.search(place.clause))
    )  # ("جن میں سے مئی کے مہینے کا حصہ 21 کروڑ 50 لاکھ ڈالر تھا": of which May's share, May's own)


#: An amount said to have come in a month: "$41 million was received in August".
_MONEY_IN_A_MONTH = re.compile(rf"\b(?:was|were)\s+(?:received|earned|remitted|recorded|brought\s+in|sent\s+home)\s+(?:in|during)\s+(?:the\s+month\s+of\s+)?(?:{_MONTH_NAMES})\b", re.IGNORECASE)
_COMMA_OR_END = re.compile(r"[,;،]|\.(?:\s|$)")
#: Whose share an amount is: "by software houses", "from the US", "through Payoneer".
_SHARE_OF_WHOM = re.compile(r"\b(?:by|from|through|via|under)\s", re.IGNORECASE)


#: A month said alone: "September alone", "صرف جنوری میں" (in January alone).
_A_MONTH_ALONE = re.compile(
    rf"\b(?:{_MONTH_NAMES})\s+alone\b|(?<![^\W\d_])صرف\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}})?\s+(?:کے\s+(?:مہینے|ماہ)\s+)?میں(?![^\W\d_])"
    r"|(?<![^\W\d_])صرف\s+(?:گزشتہ|گذشتہ|پچھلے)\s+(?:ماہ|مہینے)(?![^\W\d_])",  # "صرف گزشتہ ماہ" (last month alone)
    re.IGNORECASE,
)
#: A month's exports named in a clause: "the IT exports in September alone", "September's exports".
_A_MONTHS_EXPORTS = re.compile(rf"\bexports\s+(?:in|for|during)\s+(?:the\s+month\s+of\s+)?{_MONTH_NAMES}\b|\b{_MONTH_NAMES}(?:['’]s)?\s+(?:IT\s+|ICT\s+)?exports\b", re.IGNORECASE)


def _opens_on_a_part(place: _Place) -> bool:
    """Whether the figure's sentence, or what it reports someone said, opens on a part of a
    whole (:data:`_PART_OF_BEFORE`): "Out of these, ...", "He said that of the registered VPNs, ..."."""
    if _PART_OF_BEFORE.match(place.sentence):
        return True
    said = [m for m in _ATTRIBUTION.finditer(place.sentence, 0, place.figure.start)]
    return bool(said) and bool(_PART_OF_BEFORE.match(place.sentence, said[-1].end()))


#: The whole the parts named before add up to: "taking the month's total to", "a combined total of".
TOTAL_OF_THE_PARTS = re.compile(
    r"\b(?:taking|bringing|lifting|pushing)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:total|tally)\s+(?:to|at)\s+(?:US\s?\$|\$|USD\s?)?$"
    r"|\b(?:a|the)\s+(?:combined\s+)?total\s+of\s+(?:US\s?\$|\$|USD\s?)?$",
    re.IGNORECASE,
)
#: A part of a group just named: "45 لاکھ افراد ..., جن میں سے ڈیڑھ لاکھ", "of whom 150,000".
_PART_OF_GROUP = re.compile(r"(?:جن|ان)\s+میں\s+سے\s+(?:\S+\s+){0,9}?$|\bof\s+(?:whom|which)\s+(?:about\s+|around\s+|some\s+|over\s+)?$", re.IGNORECASE)
#: A rupee amount that restates a dollar one: "in rupee terms", "converted at".
#: A sentence that says its figures are in rupees (and, below, one that converts dollars to rupees),
#: and any dollar amount beside them.
_RUPEE_TERMS = re.compile(r"\bin\s+rupee\s+terms\b|\b(?:measured|counted|reckoned)\s+in\s+rupees\b|روپے\s+میں\s+دیکھا|روپے\s+کے\s+(?:حساب|لحاظ)\s+سے|روپوں\s+میں\s+(?:دیکھا|حساب)", re.IGNORECASE)
_DOLLARS = re.compile(r"\$|\bUSD\b|\bdollars?\b|ڈالر", re.IGNORECASE)
_CONVERSION = re.compile(_RUPEE_TERMS.pattern + r"|\bconverted\b|\bat\s+the\s+(?:prevailing|average|current)\s+(?:exchange\s+)?rate\b|روپے\s+میں\s+تبدیل", re.IGNORECASE)
#: A figure the words right before name as a target: "surpassed its export target of $3.8bn" is
#: the target, even where the sentence compares with it (the actual figure is another).
_NAMED_AS_TARGET = re.compile(
    r"\b(?:targets?|goals?|aims?|objectives?)\s+(?:of|was|is|at|set\s+at)\s+(?:about\s+|around\s+|nearly\s+|over\s+)?$"
    # "on course to hit $4 billion", "on track for $4bn" (never "on course to beat last year's $3.8bn")
    r"|\bon\s+(?:course|track|pace)\s+(?:to\s+(?:hit|reach|cross|touch|top|achieve|meet|clock|post|surpass|exceed)\s+|for\s+)(?:(?:a|an|over|about|around|nearly|some|record|more\s+than|roughly|approximately|almost|close\s+to|just|under|below)\s+)*(?:US\s?\$|\$|Rs\.?\s?)?$"
    # "though still well short of the $5bn the government had once promised": what a figure fell short of
    r"|\b(?:fell|falls|fall|falling|still|well|far|way)\s+short\s+of\s+(?:the\s+|its\s+|a\s+)?(?:US\s?\$|\$|USD\s?|Rs\.?\s?)?$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:an?|the)\s+)?(?:actual|record|provisional)?\s*(?:US\s?\$|\$)?$", re.IGNORECASE)  # "up from an actual $3.17 billion"
_AFTER_ACTUAL = re.compile(
    r"\b(?:after|following)\s+(?:(?:reaching|hitting|posting|earning|recording|touching|clocking)\s+"
    # "... a target of taking IT exports to $3.5 billion, after the sector crossed $2.1 billion in 2020-21"
    r"|(?:the\s+)?(?:sector|industry|exports|they|it)\s+(?:had\s+)?(?:crossed|reached|hit|posted|earned|recorded|touched|clocked|fetched|stood\s+at|totall?ed|amounted\s+to)\s+)?(?:a\s+)?(?:record\s+)?$",  # (a headline drops the article: "after record $3.8bn in FY25")
    re.IGNORECASE,
)
_REMAINING_BEFORE = re.compile(r"(?:\b(?:the\s+)?remaining|\bthe\s+other|(?<![^\W\d_])(?:بقیہ|باقی))\s+(?:US\s?\$|\$)?$", re.IGNORECASE)
#: The parts of ICT exports named as a subject (computer services, telecom services).
_IT_COMPONENT = dict(_SUBJECTS)["it_component"]
_IT_WHOLE = dict(_SUBJECTS)["it_exports"]
def _of_a_part(head: str) -> bool:
    """Whether the last subject ``head`` names is a part of ICT exports (computer services,
    telecom services), not the whole ("telecommunication, computer and information services
    exports", whose last item alone reads as a part)."""
    named = [m.span() for m in _IT_COMPONENT.finditer(head)]
    wholes = [m.span() for m in _IT_WHOLE.finditer(head) if m.span() not in named]  # (the whole's pattern takes a part alone too)
    parts = [(a, b) for a, b in named if not any(x <= a < y for x, y in wholes)]
    return bool(parts) and not any(a >= parts[-1][1] for a, _ in wholes)


#: A clause that opens on a relative pronoun: what it says is of the figure before it.
_RELATIVE_OPENS = re.compile(r"\W*(?:جو|which)(?![^\W\d_])", re.IGNORECASE)
#: A figure named a target right after it is one even as the base of a comparison ("3.5 ارب ڈالر
#: کے ہدف کے مقابلے میں", "against the $3.5bn target"): never the year's exports.
_TARGET_NAMED_AFTER = re.compile(r"\s*(?:(?:کے|کا|کی)\s+(?:ہدف|ٹارگٹ)|target\b)", re.IGNORECASE)
_TARGET_AFTER = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:target\w*|goal|aim|objective|کا\s+ہدف|ہدف|کا\s+ٹارگٹ|ٹارگٹ|کا\s+منصوبہ)\b"
    # "with $4.4 billion as its base case": a projection's scenario
    r"|\s+as\s+(?:its|their|the)\s+(?:base|central|best|worst)[\s-](?:case|scenario|estimate)\b"
    # "the $5 billion the previous government had set as its target"
    r"|\s+(?:that\s+|which\s+)?(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:had|has|have)\s+(?:\w+\s+)?set\s+(?:as\s+)?(?:its|their|a|the)\s+(?:target|goal)\b"
    # a list's line that names its figure after a colon: "$10 billion: the government's IT
    # export target for 2029."
    r"|\s*[:–—]\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,4}?(?:target\w*|goal|aim|objective|forecast|projection)\b",
    re.IGNORECASE,
)
#: A time still to come after an amount: "spoke confidently of $5 billion within a couple of
#: years", "$10 billion in the next five years", "$15 billion by 2030" (a hope, unless a verb of
#: what was reached stands right before the amount: "crossed 20,000 within two months").
_TIME_TO_COME_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:within\s+(?:the\s+next\s+|the\s+coming\s+)?(?:a|two|three|four|five|ten|\d{1,2}|a\s+couple\s+of|a\s+few)|(?:in|over)\s+the\s+(?:next|coming)\s+(?:two|three|four|five|ten|\d{1,2}|couple\s+of|few)?)\s*(?:\w+\s+)?(?:years?|months)\b"
    r"|\s+(?:\w+\s+)?by\s+(?:20[3-9]\d|the\s+end\s+of\s+the\s+decade)\b",
    re.IGNORECASE,
)
_REACHED_BEFORE = re.compile(
    r"\b(?:crossed|reached|hit|touched|rose|grew|jumped|surged|climbed|registered|earned|recorded|posted|stood\s+at|totall?ed|amounted\s+to|were|was)\s+(?:\w+\s+){0,3}?(?:US\s?\$|\$|USD\s?|Rs\.?\s?)?$",
    re.IGNORECASE,
)


_LEVEL_BEFORE = re.compile(
    rf"(?:\bfrom|\bfrom\s+(?:{_NUM})\s?(?:%|pc|pct|per\s?cent|percent)?\s+to)\s*$",
    re.IGNORECASE,
)


#: A percentage someone set, from one level to another: "35 فیصد سے بڑھا کر 50 فیصد کر دیا" (raised
#: it from 35 to 50 percent), "گھٹا کر", "کم کر کے" (lowered).
_URDU_SET_FROM = re.compile(rf"\s+سے\s+{_URDU_RAISED_OR_CUT}\s+(?:کر|کے)\s+[\d۰-۹]")
_URDU_SET_TO = re.compile(rf"(?:فیصد|%)\s+سے\s+{_URDU_RAISED_OR_CUT}\s+(?:کر|کے)\s+$")


def _is_level(sentence: str, figure: Figure) -> bool:
    """Whether a percentage is a level moved from or to ("up from 35 percent", "from 35 to 50
    percent", "35 فیصد سے بڑھا کر 50 فیصد"): a share or rate that changed, not the growth of a
    series."""
    return bool(
        _LEVEL_BEFORE.search(sentence[max(0, figure.start - 40) : figure.start])
        or _URDU_SET_FROM.match(sentence, figure.end)
        or _URDU_SET_TO.search(sentence[max(0, figure.start - 40) : figure.start])
    )


#: Words that make an undated figure a month's: "monthly", "an eight-month low", "month-on-month".
_MONTHLY_CUE = re.compile(
    r"\bmonthly\b|\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]month\s+(?:low|high|peak|record)\b"
    r"|\bsingle[\s-]month\b|\bmonth[\s-]on[\s-]month\b|(?-i:\bMoM\b)|ماہانہ",
    re.IGNORECASE,
)


#: A rate said of a trend rather than of a period: "at an annual pace of 20%", "a CAGR of 25pc",
#: "compound growth".
_TREND = re.compile(r"\bpace\b|\b(?-i:CAGR)\b|\bcompound(?:ed)?\b|\bat\s+an?\s+(?:annual|yearly)\s+rate\b", re.IGNORECASE)


def _percent_series(place: _Place) -> str:
    """The series of a growth rate. IT exports growing by a rate no period is named for ("IT
    exports surge 23pc") are taken to grow over the fiscal year so far, as SBP and the ministry
    report them; the period stays unknown (``""``). A trend ("growing at an annual pace of
    20%") is no such report."""
    if place.kind == "it_exports":
        if place.period:
            return _series_of_exports(place.period)
        if _MONTHLY_CUE.search(place.clause):
            return "it_exports_monthly"
        if _TREND.search(place.clause):
            return "other"  # "growing at an annual pace of 20%": a trend over years, no release's figure
        return "other" if place.dated else "it_exports_cumulative"
    if place.kind == "freelancers":
        if _COUNT_MOVED.search(place.sentence, max(0, place.figure.start - 40), place.figure.start):
            return "other"  # "PSEB Registrations Up 53.6%": the growth of a count
        if _NUMBER_OF_FREELANCERS.search(place.context) or one_platform(place.context) or place.platform_before or _ACCOUNTS_RECEIVED.search(place.context) or _counted_before(place) or _REGISTERED_FREELANCERS.search(place.context):
            return "other"  # "the number of freelancers receiving payments ... up 44 percent": a count's growth
        return "freelancer_earnings" if _MONEY_WORD.search(place.context) or place.amounts_before else "other"
    if place.kind == "vpn" and place.period and _REGISTRATIONS.search(place.sentence) and not _WHICH_MEANS.search(place.sentence, 0, place.figure.start):
        # "VPN registrations fell 18 percent month-on-month in January": the count's change that
        # month (never a change worked out after a month's count, "In December, 1,410 VPNs were
        # registered, which means registrations rose 37 percent in a month": into which month?)
        return "vpn_registrations"
    return "other"


_WHICH_MEANS = re.compile(r"\b(?:which|that|this)\s+means\b|\bmeaning\b", re.IGNORECASE)
#: Registrations named as what changed: "VPN registrations fell 18 percent", "رجسٹریشن میں 33 فیصد کمی",
#: "رجسٹر ہونے والے وی پی اینز کی تعداد" (the number of VPNs registered).
_REGISTRATIONS = re.compile(r"\bregist(?:rations|ered)\b|رجسٹریشن(?:ز)?(?![^\W\d_])|رجسٹر\s+ہونے\s+والے", re.IGNORECASE)


def _counted_before(place: _Place) -> bool:
    """Whether a rate follows a count of freelancers with no amount of money between: "registered
    3,108 freelancers during FY22, an increase of 121.7 percent" is the count's growth."""
    head = place.sentence[: place.figure.start]
    counts = list(_FREELANCERS_COUNTED.finditer(head))
    return bool(counts) and not _MONEY_SIGN.search(head, counts[-1].end())


#: A count of freelancers ("3,108 freelancers", "48 ہزار فری لانسرز"), and a sign of money.
_FREELANCERS_COUNTED = re.compile(rf"(?<![\w.$,])(?:{_GROUPED}|\d+)(?:\.\d+)?\s+(?:(?:million|lakh|thousand|ہزار|لاکھ)\s+)?(?:[\w-]+\s+)?(?:freelancers|فری\s?لانسرز)", re.IGNORECASE)
_MONEY_SIGN = re.compile(r"[$₨]|\bRs\.?\s?\d|\b(?:dollars?|USD|rupees?)\b|ڈالر|روپے", re.IGNORECASE)
_NUMBER_OF_FREELANCERS = re.compile(
    r"\bnumber\s+of\s+(?:[\w-]+\s+){0,2}?(?:freelanc\w*|gig\s+workers|online\s+workers)|(?:فری\s?لانسرز|فری\s?لانسر)\s+کی\s+تعداد", re.IGNORECASE
)


#: Words that make a freelancers' rate one of money: "a 47pc rise in freelance revenue", "earnings
#: grew 58pc", "money sent home by freelancers rose 21 percent", "فری لانسرز کی برآمدات میں 71 فیصد اضافہ". Without one, a rate is of the freelancers
#: themselves ("a 42pc increase in Pakistani freelancers": their number) or of nothing said.
_MONEY_WORD = re.compile(
    r"\b(?:earn\w*|income|revenues?|exports?|remittances?|receipts|inflows?|proceeds|payments?|foreign\s+exchange|forex|dollars?|pay(?:outs?)?|money\s+(?:sent|brought|remitted)\s+(?:home|back))\b|\$"
    r"|آمدنی|آمدن|کمائی|کما\w*|برآمد\w*|ایکسپورٹ\w*|ترسیلات|زرمبادلہ|ڈالر|ادائیگ\w*|(?<![^\W\d_])(?:یہ|اس|ان)\s+(?:رقم|رقوم)(?![^\W\d_])",  # ("یہ رقم": this sum)
    re.IGNORECASE,
)


def _freelancer_series(place: _Place) -> str:
    """Money is earnings; a count is the number of freelancers unless it counts something
    else ("4.6 million students") or a yearly flow ("50,000 freelancers every year")."""
    figure = place.figure
    if figure.unit != "count":
        return "freelancer_earnings"
    flow = _COUNT_FLOW.search(place.sentence[figure.end : figure.end + 40])
    if _SUBSET.search(place.sentence, max(0, figure.start - 30), figure.end + 16) or _WITH_ACCOUNTS.match(place.sentence, figure.end) or _ACCOUNTS_COUNTED.search(place.clause):
        return "other"  # "around 250,000 are women", "خواتین کی تعداد", "... have opened accounts": a part of the freelancers
    if _USERS.search(place.clause):
        return "other"  # "اس کے فعال فری لانسر صارفین", "its freelancer users": a firm's customers
    if _REGISTERED_FREELANCERS.search(place.sentence, max(0, figure.start - 60), figure.end + 40) and _BOARD.search(place.sentence):
        return "other"  # "The board ... 112,400 registered freelancers", "PSEB registrations of freelancers ... 112,400": those on a board's rolls, a part
    if _TURNED_OUT.search(place.sentence, max(0, figure.start - 50), figure.start):
        return "other"  # "the platform has so far produced some 3.4 million freelancers": a programme's output, its trainees
    if _WORLDWIDE.search(place.clause) and not _PAKISTAN_NAME.search(place.sentence, 0, figure.start):
        return "other"  # "Globally, some 5 million people work on online platforms": the world's, not the country's
    return "other" if flow or not _counts_people_of(place, _FREELANCER_NOUN) else "freelancer_count"


#: The whole world, said of a count: "worldwide", "globally", "دنیا بھر میں".
_WORLDWIDE = re.compile(rf"\b(?:{WORLDWIDE}|across\s+the\s+(?:world|globe))\b|دنیا\s+بھر(?![^\W\d_])", re.IGNORECASE)
#: What a programme is said to have made of people, right before their count: "has so far
#: produced some", "churned out over".
_TURNED_OUT = re.compile(r"\b(?:produced|churned\s+out|turned\s+out|groomed|prepared|created)\s+(?:so\s+far\s+)?(?:some|over|about|around|nearly|more\s+than|almost)?\s*$", re.IGNORECASE)
#: Freelancers counted as some firm's users or customers: "its active freelancer users", "its
#: customer base in Pakistan had crossed 500,000", "اس کے فعال فری لانسر صارفین".
_USERS = re.compile(r"\bfreelancers?\s+(?:users|customers|clients|account\s+holders)\b|\b(?:its|their)\s+(?:\w+\s+){0,2}?(?:users|customers|(?:customer|user|client)\s+base)\b|فری\s?لانسر\s+صارفین|(?<![^\W\d_])(?:اس|ان)\s+کے\s+(?:\S+\s+){0,3}?صارفین", re.IGNORECASE)
#: Freelancers who hold an account of some scheme or bank: a part of them ("120,000 freelancers
#: have opened accounts under ...", "... کے اکاؤنٹس کھولے").
_WITH_ACCOUNTS = re.compile(
    r"\s+(?:\w+\s+){0,3}?(?:(?:have|had|has)\s+(?:now\s+|so\s+far\s+|already\s+)?)?(?:opened|hold|held|holding|with|own|operate)\s+(?:\w+\s+){0,3}?accounts?\b(?!\s+(?:on|at|with)\s)"
    r"|\s+(?:\S+\s+){0,4}?(?:اکاؤنٹس|اکاؤنٹ|اکاونٹس|اکاونٹ|کھاتے)\s+(?:\S+\s+){0,2}?(?:کھولے|کھلوائے|کھول)",
    re.IGNORECASE,
)
#: Freelancers' accounts counted, not freelancers: "Freelancer digital accounts opened with the
#: bank rose to 118,400".
_ACCOUNTS_COUNTED = re.compile(r"\bfreelancers?['’]?s?\s+(?:(?!with\b|who\b|having\b|holding\b)[\w-]+\s+){0,2}?accounts?\b", re.IGNORECASE)
#: A board that registers freelancers: PSEB, in both scripts.
_BOARD = re.compile(r"\b(?:PSEB|board)\b|Software\s+Export\s+Board|پی\s?ایس\s?ای\s?بی|(?<![^\W\d_])بورڈ(?![^\W\d_])", re.IGNORECASE)
#: Freelancers registered with a board (PSEB): a part of all freelancers, whose earnings are theirs.
_REGISTERED_FREELANCERS = re.compile(
    r"\b(?:(?:PSEB|board)[\s-])?registered\s+freelancers\b|\bfreelancers\s+registered\s+with\b|\bregistrations?\s+of\s+freelancers\b"
    r"|\bfreelancers\s+on\s+(?:its|the\s+board['’]s|the\s+PSEB['’]s)\s+rolls\b|رجسٹرڈ\s+فری\s?لانسرز", re.IGNORECASE
)
#: "their", said of the people named before: "..., while their earnings in FY23 were $87m", "ان کی آمدن".
_THEIR = re.compile(r"\btheir\b|(?<![^\W\d_])(?:ان|اُن)\s+(?:کی|کے)(?![^\W\d_])", re.IGNORECASE)
#: Money some accounts received: a part of the freelancers' earnings, those of the account holders.
_ACCOUNTS_RECEIVED = re.compile(r"\b(?:these|the|such|those|its|their)\s+(?:[\w-]+\s+)?accounts?\s+(?:have\s+|had\s+)?(?:received|got|attracted|drew|saw)\b", re.IGNORECASE)
#: A whole year's figure that part of it points to, a reckoning ahead: "the second-quarter figure
#: ... pointed to a full-year IT export number of around $3.1 billion", "implies annual exports of".
_IMPLIED_YEAR = re.compile(
    r"\b(?:point(?:s|ed|ing)?\s+to|impl(?:y|ies|ied|ying)|suggest(?:s|ed|ing)?|translat(?:es|ed|ing)\s+(?:in)?to)\s+(?:an?\s+)?(?:full[\s-]year|annual(?:i[sz]ed)?|yearly|whole[\s-]year)\b",
    re.IGNORECASE,
)
#: A percentage "of" a total after it: a share ("81 percent of the total IT exports", "roughly 81
#: percent, of March's total").
_SHARE_OF_AFTER = re.compile(r"\s*,?\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?(?:total|exports|earnings|receipts|inflows|remittances)\b", re.IGNORECASE)
#: Urdu "N percent of" a noun, the noun first: "برآمدی آمدن کا کم از کم 50 فیصد" (at least 50
#: percent of export earnings), "ہدف کا 48 فیصد", "معیشت کے مجموعی حجم کے ایک فیصد سے بھی کم" (less
#: than one percent of the economy's size): a share.
_URDU_SHARE_OF_BEFORE = re.compile(r"(?<![^\W\d_])(?!\d)[^\W\d_]+\s+(?:کا|کی|کے)\s+(?:کم\s+از\s+کم\s+|تقریباً\s+|تقریبا\s+|صرف\s+|محض\s+)?$")
#: A move after an Urdu rate, which makes "X کا N فیصد" the growth of X, not a share of it: "آئی
#: ٹی شعبے کا 18 فیصد کی شرح سے بڑھنا".
_URDU_MOVE_AFTER = re.compile(r"(?:\s+\S+){0,4}?\s+(?:شرح|اضاف\S*|کمی|بڑھ\S*|گھٹ\S*|نمو|گروتھ|زیادہ|گر\S*)(?![^\W\d_])")
#: A rate said as a pace or a habit, before it: "are growing at (over)", "has consistently
#: delivered export growth of (more than)", "year after year".
_PACE_BEFORE = re.compile(
    r"\b(?:(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:growing|expanding|rising)\s+at|consistently|year\s+after\s+year|year\s+on\s+year\s+for\s+\w+\s+years)\b(?!.*\d)",
    re.IGNORECASE,
)
#: A rate per unit of time: "growing at more than 30 percent a year", "5 percent per month".
_PACE_AFTER = re.compile(r"\s+(?:a|per|each|every)\s+(?:year|annum|month|quarter)\b", re.IGNORECASE)
#: Money held in accounts: "deposits crossed $18.6 million", "had deposited $18.6 million".
_DEPOSITS = re.compile(r"\bdeposit(?:s|ed)\b", re.IGNORECASE)
#: A count's noun moving right before a rate: "PSEB Registrations Up 53.6%", "accounts rose 20%".
_COUNT_MOVED = re.compile(r"\b(?:registrations|accounts|users|subscribers|applications|enrolments|enrollments)\s+(?:were\s+|are\s+)?(?:up|down|rose|grew|jumped|increased|fell|declined|surged)\s+(?:by\s+)?(?:about\s+|around\s+|nearly\s+)?$", re.IGNORECASE)
#: An amount said again: "this amount", "یہ رقم".
_THIS_AMOUNT = re.compile(r"\b(?:this|that|the)\s+(?:amount|sum|figure)\b|(?<![^\W\d_])(?:یہ|اس)\s+رقم(?![^\W\d_])", re.IGNORECASE)
#: Urdu accounts (named before an amount they received: "ان اکاؤنٹس میں 3 کروڑ 10 لاکھ ڈالر کی
#: ترسیلات موصول ہوئیں", "اکاؤنٹ کھولے جن میں ... 31 ملین ڈالر موصول ہوئے").
_URDU_ACCOUNTS = re.compile(r"(?<![^\W\d_])(?:اکاؤنٹ|اکاونٹ|کھاتے|کھاتوں)")
_URDU_RECEIVED = re.compile(r"(?:\s+\S+){0,4}?\s+(?:موصول|جمع)\s+(?:ہوئ|ہو\s|ہوا|ہوے|کی|کیے|کئے)")
#: The graduates or trainees of a programme, whose earnings are the programme's outcome, not the
#: country's freelancers': "a tracer study of 18,400 graduates", "within six months of
#: completing their courses", "تربیت یافتہ", "فارغ التحصیل".
_GRADUATES = re.compile(
    r"\b(?:graduates|trainees|alumni|tracer\s+study)\b|\b(?:complet|finish)\w*\s+(?:their|the|its)\s+(?:courses?|training)\b"
    r"|تربیت\s+یافتہ|فارغ\s+التحصیل|گریجویٹس|تربیت\s+حاصل",  # (trained, graduated, "have received training")
    re.IGNORECASE,
)
#: A part of the freelancers counted: women, students, a province's.
_SUBSET = re.compile(r"\b(?:women|female|girls|students)\b|خواتین|طلبہ|طالبات", re.IGNORECASE)


def registrants(sentence: str, figure: Figure) -> bool:
    """Whether a count counts those who registered VPNs: "20,000 companies and freelancers have
    registered their VPNs"."""
    return figure.noun in _REGISTRANTS and bool(re.search(r"\bregist\w*\s+(?:\w+\s+){0,2}(?:VPNs?|virtual)", sentence[figure.end : figure.end + 80], re.IGNORECASE))


def _one_kind_of_registrant(place: _Place, head: str) -> bool:
    """Whether a count of VPNs is one kind of registrant's share of the registrations: "included
    11,200 VPNs of software houses ..., 9,870 of individual freelancers"; "Individual freelancers
    registered 9,870 VPNs, while banks ... registered 1,770"; "Nearly 10,000 freelancers
    registered their VPNs"; "رجسٹرڈ وی پی اینز میں سے 23 ہزار 110 سافٹ ویئر ہاؤسز ... کے ہیں";
    "انفرادی فری لانسرز کے 12 ہزار 640". Companies and freelancers together register them all."""
    figure, sentence = place.figure, place.sentence
    if _URDU_KINDS_LISTED.search(sentence, max(0, figure.start - 80), figure.start):
        return False  # "مختلف کمپنیوں، اداروں اور فری لانسرز کے 2,340": every kind, the whole
    if _a_month_of_the_whole(place):
        return False  # "ان میں سے 18 ہزار 300 وی پی اینز صرف گزشتہ ماہ": a part in time, the month's own
    if _KIND_AFTER.match(sentence, figure.end) or _URDU_OUT_OF.search(sentence, max(0, figure.start - 20), figure.start) or _URDU_KIND_BEFORE.search(sentence, max(0, figure.start - 40), figure.start):
        return True
    if (kind := _KIND_REGISTERED.search(head)) and (_INDIVIDUAL.search(kind.group()) or len(_COUNT_NUMBER.findall(sentence)) > 1 or len(_REGISTERED_NUMBER.findall(sentence)) > 1):
        return True
    return figure.noun == "freelancers" and not _AND_OTHER_KIND.match(sentence, figure.end)


#: Kinds of those who register VPNs, one at a time.
_KINDS = r"(?:individual\s+)?(?:freelancers|software\s+houses|call\s+cent(?:re|er)s|(?:IT\s+)?companies|firms|banks|embassies|multinationals|businesses|individuals|entities|organi[sz]ations)"
#: ("software houses, call centres and freelancers": a list of kinds that ends on them)
_COMPANIES_AND_FREELANCERS = rf"(?:(?:IT\s+)?{_KINDS}\s*(?:,\s*(?:and\s+)?|and\b\s*|&\s*)(?:other\s+)?)+(?:individual\s+)?freelancers\b"
#: One kind right after a count ("9,870 of individual freelancers", "9,870 were of"), not
#: companies and freelancers together ("21,000 VPNs of IT companies and freelancers": all of them).
_KIND_AFTER = re.compile(
    rf"\s+(?:VPNs?\s+|virtual\s+private\s+networks?\s+)?(?:(?:were|was|are|is)\s+)?(?:of|by|from)\s+(?:the\s+)?"
    rf"(?!{_COMPANIES_AND_FREELANCERS})(?!(?:individual\s+)?freelancers(?:\s*(?:,\s*(?:and\s+)?|and\b\s*|&\s*)(?:other\s+)?(?:IT\s+)?{_KINDS}\b)+){_KINDS}\b",
    re.IGNORECASE,
)
_KIND_REGISTERED = re.compile(
    rf"\b{_KINDS}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:other\s+)?{_KINDS})*\s+(?:have\s+|had\s+)?registered\s+(?:over\s+|about\s+|around\s+|nearly\s+|some\s+)?$", re.IGNORECASE
)
_INDIVIDUAL = re.compile(r"\bindividual\b", re.IGNORECASE)
_COUNT_NUMBER = re.compile(rf"\b(?:{_GROUPED})\b")
_REGISTERED_NUMBER = re.compile(r"\bregistered\s+(?:over\s+|about\s+|around\s+|nearly\s+|some\s+)?\d", re.IGNORECASE)
_AND_OTHER_KIND = re.compile(r"\s+(?:and|&)\s+(?:IT\s+)?(?:companies|firms|businesses|software\s+houses)\b", re.IGNORECASE)
_URDU_OUT_OF = re.compile(r"(?<![^\W\d_])میں\s+سے\s+(?:\S+\s+)?$")
_URDU_KIND = r"(?:فری\s?لانسرز|کمپنیوں|سافٹ\s?ویئر\s+ہاؤسز|کال\s+سینٹرز|بینکوں|اداروں|سفارت\s?خانوں)"
#: Kinds of registrant listed together: "مختلف کمپنیوں، اداروں اور فری لانسرز کے" (of various companies, institutions and freelancers).
_URDU_KINDS_LISTED = re.compile(rf"{_URDU_KIND}(?:\s*[،,]\s*{_URDU_KIND})*\s+اور\s+{_URDU_KIND}\s+(?:کے|کی)\s+$")
_URDU_KIND_BEFORE = re.compile(r"(?<![^\W\d_])(?:فری\s?لانسرز|کمپنیوں|سافٹ\s?ویئر\s+ہاؤسز|کال\s+سینٹرز|بینکوں|اداروں|سفارت\s?خانوں)\s+(?:کے|کی)\s+$")


def _registrants(place: _Place) -> bool:
    """Whether a count counts those who registered VPNs: "20,000 companies and freelancers have
    registered their VPNs"."""
    return place.figure.noun in _REGISTRANTS and bool(_VPN_COUNT.search(place.sentence, place.figure.end, place.figure.end + 60))


_REGISTRANTS = frozenset({"companies", "firms", "users", "freelancers", "businesses", "entities", "individuals", "people", "organisations", "organizations", "subscribers", "applicants"})


def _counts_people_of(place: _Place, nouns: re.Pattern) -> bool:
    """Whether a count counts the subject: no noun after it, the subject's own noun, or
    people who are then named as the subject ("2 million Pakistanis work as freelancers")."""
    noun = place.figure.noun
    if not noun or noun in _LINK_WORDS or nouns.match(noun):
        return True
    if _PARTICIPLE_ALONE.match(place.sentence, place.figure.end):
        return True  # "more than 26,000 VPNs ..., including 1,180 registered during February": the subject's
    window = " ".join(place.sentence[place.figure.end :].split()[:4])
    if not noun.isascii() and (m := nouns.search(window)) and not _URDU_CASE_MARK.search(window, 0, m.start()):
        return True  # Urdu compounds: "30 لاکھ آئی ٹی فری لانسر" (not "30 لاکھ نوجوانوں کو فری لانسنگ ...": youths taught it)
    if (number_of := _URDU_NUMBER_OF.search(place.sentence, 0, place.figure.start)) and nouns.search(place.sentence, max(0, number_of.start() - 40), number_of.start()):
        return True  # "رجسٹرڈ وی پی اینز کی تعداد 30 ہزار": the number of what is named before تعداد
    # people named as the subject later in the clause: "3 million Pakistanis are providing their
    # services as freelancers" (the clause, not a fixed window, bounds it)
    clause_end = place.sentence.find(place.clause) + len(place.clause) if place.clause in place.sentence else place.figure.end + 50
    follows = nouns.search(place.sentence, place.figure.end, min(clause_end, place.figure.end + 80))
    return noun in _PEOPLE and bool(follows)


#: An Urdu case marker, which ends the noun phrase before it: "نوجوانوں کو", "کمپنیوں نے" (not
#: a bound's: "سے زائد", more than; "کے قریب", close to).
_URDU_CASE_MARK = re.compile(r"(?<![^\W\d_])(?:کو|نے|میں|کی|کا|سے(?!\s+(?:زائد|زیادہ|کم|اوپر|متجاوز))|کے(?!\s+(?:قریب|لگ\s?بھگ)))(?![^\W\d_])")
_URDU_NUMBER_OF = re.compile(r"(?:کی|کے)\s+(?:مجموعی\s+)?تعداد\s+(?:\S+\s+){0,2}?$")
_LINK_WORDS = frozenset(
    {"and", "in", "across", "by", "as", "of", "from", "to", "with", "is", "are", "were", "was", "has", "have", "had", "who", "which", "so", "till", "until", "at", "according", "a", "last", "earlier", "ago", "previously"}
    | {"سے", "تک", "کی", "کے", "کا", "میں", "پر", "ہے", "ہیں", "ہو", "اور", "تھی", "تھا", "تھیں", "تھے", "ہوئے", "ہوئی", "ہوا", "ہوئیں", "رجسٹر", "رہی", "رہا", "رہے", "رہیں"}  # Urdu postpositions and verbs ("رجسٹر": registered; "رہی": stood at)
)
_PEOPLE = frozenset({"people", "pakistanis", "individuals", "persons", "professionals", "youths", "men", "women", "citizens"} | {"لوگ", "افراد", "نوجوان", "پاکستانی", "شہری", "خواتین"})
#: A count followed by a participle and no noun of its own: "1,180 registered during February".
_PARTICIPLE_ALONE = re.compile(r"\s+(?:registered|whitelisted|approved)(?:\s+(?:during|in|since|so|last|this|by|over|till|until|on|through)\b|\s*[,.;]|\s*$)", re.IGNORECASE)
_VPN_NOUN = re.compile(r"vpns?\b|virtual|registrations?|connections|ips\b|وی|ورچوئل|رجسٹریشنز?(?![^\W\d_])", re.IGNORECASE)


#: Capitalised words after "through", "via" or "on" that name no firm: channels all earnings
#: go through, places, months, weekdays and social networks.
_NO_FIRM = (
    r"(?!(?-i:Banks?|Banking|Official|Formal|Legal|Proper|Legitimate|Digital|Pakistan\w*|Remittances?|Channels?|The|Its|Their|PSEB|SBP|PRI|Roshan|Raast"
    r"|Twitter|Facebook|WhatsApp|YouTube|LinkedIn|Email|Mobile|Online|Internet|Local|Foreign"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
#: One freelancing or payments platform, whose figures are its own share of the freelancers'.
#: The platforms and payment firms named by their names.
_PLATFORM_NAMES = r"(?:Payoneer|Upwork|Fiverr|Freelancer\.com|PeoplePerHour|Toptal|Guru\.com)"
_PLATFORM = re.compile(
    rf"\b{_PLATFORM_NAMES}\b|\b(?:on|through|via|at)\s+(?:the|its|their)\s+(?:platform|site|marketplace|service|app|wallet)\b"
    # one firm's own inflows: "freelancers received $210 million into its wallets" (never "into
    # their accounts", the freelancers' own)
    r"|\binto\s+its\s+(?:wallets?|accounts?|platform|app)\b"
    # a firm named by its name, not one of the channels all earnings go through: "through
    # cross-border payments platform PayMeridian", "via Swiftline" (not "Through Banking Channels")
    rf"|\b(?:through|via)\s+(?:(?:[\w-]+\s+){{0,3}}?(?:platform|firm|company|app|wallet|service)\s+)?{_NO_FIRM}"
    r"(?-i:[A-Z][a-z]+(?:[A-Z][a-z]+)?)\b"
    # "earned $142 million on TaskBridge", a name standing alone (not "on International
    # Women's Day", nor a headline's "On Back Of ...")
    rf"|\bon\s+{_NO_FIRM}(?-i:[A-Z][a-z]+(?:[A-Z][a-z]+)?)\b(?![\s-]+(?-i:[A-Z])|['’]s\s+(?-i:[A-Z]))"
    # "according to freelancing platform WorkBridge", "فری لانسنگ پلیٹ فارم ورک برج کی رپورٹ"
    r"|\b(?:freelanc\w*|payments?|gig)\s+(?:platform|marketplace|app|wallet|firm|company)\s+(?-i:[A-Z])"
    # one firm named back: "The payments firm, which says it has five million customers, handled $41 million"
    r"|\b(?:the|this|that)\s+(?:payments?|freelanc\w*|gig)\s+(?:platform|marketplace|app|wallet|firm|company)\b(?!s)|(?:فری\s?لانسنگ|ادائیگیوں\s+کے)\s+پلیٹ\s?فارم(?!ز)"
    # one bank's customers: "accounts at Crescent Bank", "opened with the bank" (not the State Bank's data)
    r"|\b(?:at|with|into|in|through|via)\s+(?!(?-i:State|World|Asian|the\s+State))(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?-i:Bank)\b|\b(?:at|with|into)\s+the\s+bank\b"
    # its users: "the platform now has", "The company said it now serves 142,000 freelancers"
    r"|\bthe\s+platform\s+(?:now\s+)?(?:serves|has|hosts|counts)\b|\b(?:the\s+(?:company|firm|startup|app|wallet)|it)\s+(?:now\s+|currently\s+)?(?:serves|hosts|has\s+onboarded)\b|پے\s?اونیئر|اپ\s?ورک|فائیور|فائیوَر|پلیٹ\s?فارم\s+(?:پر|سے|کے\s+ذریعے)"
    # a payments firm named as such, and a firm's name before "through": "ڈیجیٹل پیمنٹس کمپنی
    # رابطہ پے کے ذریعے", "ادائیگیوں کی سہولت دینے والی کمپنی ... کے ذریعے"
    r"|(?<![^\W\d_])(?:پیمنٹس?|ادائیگیوں|ادائیگی)(?:\s+\S+){0,4}?\s+(?:کمپنی|پلیٹ\s?فارم|فرم)(?![^\W\d_])(?!\s*ز)"
    r"|(?<![^\W\d_])(?:کمپنی|فرم)\s+(?:\S+\s+){1,3}?کے\s+ذریعے(?![^\W\d_])",
    re.IGNORECASE,
)
#: Platforms in general, not one: "on platforms such as Upwork", "Upwork and Fiverr" (two named).
_PLATFORMS = re.compile(
    rf"\bplatforms\b|\bsuch\s+as\b|پلیٹ\s?فارمز|جیسے|\b{_PLATFORM_NAMES}\s*(?:,|and|or|&)\s*{_PLATFORM_NAMES}\b",
    re.IGNORECASE,
)


def one_platform(text: str) -> bool:
    """Whether ``text`` gives a figure of one platform ("on Upwork", "through its platform"),
    not of freelancers on platforms in general ("accounts on platforms such as Upwork")."""
    return bool(_PLATFORM.search(text)) and not _PLATFORMS.search(text)


def another_figures_period(period: Period, figure: Figure, sentence: str) -> bool:
    """Whether ``period``, before the count ``figure``, is right after another figure and so
    that figure's: "Banks had opened around 96,000 such accounts by June, ..., a country of
    more than two million freelancers" (the two million stand undated)."""
    if _REACHED_THEN.fullmatch(sentence, period.end, figure.start):
        return False  # "fell 18 percent month-on-month in January to 6,950": the level the move reached then
    return figure.unit == "count" and period.end <= figure.start and bool(_FIGURE_THEN_PERIOD.search(sentence, max(0, period.start - 50), period.start))


#: Between a period and the count a move reached in it: "in January to 6,950".
_REACHED_THEN = re.compile(r",?\s+to\s+(?:about\s+|around\s+|nearly\s+|over\s+)?", re.IGNORECASE)


#: A figure and a word or three, then the preposition of the period right after them: "96,000
#: such accounts by ", "$512 million in ".
_FIGURE_THEN_PERIOD = re.compile(r"\d[\d,.]*(?:\s?(?:million|billion|mn|bn|m|k)\b)?\s+(?:[A-Za-z'’-]+\s+){0,3}?(?:by|in|during|as\s+of|till|until|through)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_WHO_AFTER = re.compile(r"[،,]\s*جنہوں\s+نے(?![^\W\d_])")
_RIGHT_AFTER_RANK = re.compile(r"\s*(?:(?:place|position|spot)\s+)?(?:(?:in|for|during)\s+(?:the\s+)?)?", re.IGNORECASE)
_AMOUNT_OR_RATE = re.compile(r"[$₨]|\d\s?(?:%|pc\b|per\s?cent|percent|million|billion|bn\b|mn\b|m\b|crore|کروڑ|ارب|ملین|فیصد)", re.IGNORECASE)
_OWN_COMPARISON = re.compile(r"\s*(?:[A-Za-z]+\s+){0,3}?")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
#: A month said to stand alone: "in November alone", "during December alone".
_MONTH_ALONE_AFTER = re.compile(rf"\b(?:in|during)\s+(?:the\s+month\s+of\s+)?(?:{_MONTH_NAMES})(?:\s+\d{{4}})?\s+alone\b", re.IGNORECASE)
#: A month named right after a count: "14,600 in December", "14,600 during the month".
_IN_A_MONTH_AFTER = re.compile(rf"\s+(?:(?:\w+\s+){{0,2}}?(?:were\s+|had\s+been\s+)?registered\s+)?(?:in|during)\s+(?:the\s+month\s+of\s+)?(?:{_MONTH_NAMES}\b|(?:the|that|last)\s+month\b)", re.IGNORECASE)


_OPENS_NEXT_FIGURE = re.compile(
    r"\s*(?:(?:کے|کی)\s+(?:عرصے|مدت)\s+)?(?:میں|کے\s+دوران|دوران)\s+(?:\S+\s+)?\d"
    # and an English one that names the next amount: "$342M and a four-month tally of $1.31B"
    r"|\s+(?:tally|total|sum|figure|receipts|exports)\s+(?:of|at|stood\s+at|came\s+to|reached)\s+(?:US\s?\$|\$|Rs\.?\s?|PKR\s?)\d"
    # and a period that labels the figure after it: "$3.79bn (FY24: $3.22bn)", "(گزشتہ سال: 2 ارب ڈالر)"
    r"|\s*[:：]\s*(?:US\s?\$|\$|USD\s?|Rs\.?\s?|PKR\s?)?[-−+]?\d",
    re.IGNORECASE,
)


_AND_ONLY = re.compile(r"\s+and\s+", re.IGNORECASE)


def _nearest(periods: list[Period], figure: Figure, sentence: str = "") -> Period | None:
    """The period nearest a figure, one not parted from it by a comma first ("With May's
    receipts of $329 million, IT exports so far this fiscal year ...": May's)."""

    def distance(p: Period) -> tuple[bool, bool, int]:
        between = sentence[figure.end : p.start] if p.start >= figure.end else sentence[p.end : figure.start]
        # (an Urdu period after the figure that opens the next figure is that one's: "جولائی میں
        # ... 4 کروڑ 30 لاکھ ڈالر اور اگست میں 4 کروڑ 60 لاکھ ڈالر", "مارچ کی برآمدات میں 19.6
        # فیصد اور جولائی تا مارچ کے عرصے میں 17 فیصد")
        anothers = p.start >= figure.end and bool(_OPENS_NEXT_FIGURE.match(sentence, p.end))
        # (and a period before it that closes the figure before, "and" between: "$19 million in
        # December and $103 million during the six months")
        anothers = anothers or (p.end <= figure.start and bool(_AND_ONLY.fullmatch(between)) and bool(_FIGURE_THEN_PERIOD.search(sentence, max(0, p.start - 50), p.start)))
        return ("," in between or "،" in between, anothers, p.start - figure.end if p.start >= figure.end else figure.start - p.end)

    return min(periods, key=distance) if periods else None


def _period_for(figure: Figure, periods: list[Period], sentence: str, clause: tuple[int, int], subject: Subject | None, first_subject: int, spans: list[Span]) -> Period | None:
    """The period dating a figure.

    A base (a figure in a comparison span) takes the period of its span: the first after it,
    else the last before it (Urdu names the base's period first). Any other figure takes a
    base period right after it ("$2.3bn in the same period of the previous year"), else the
    nearest main period in its clause, else a base period before it in its clause (Urdu:
    "جبکہ گزشتہ مالی سال کے اسی عرصے میں یہ ... تھیں"), else the nearest main period before
    it that frames the whole sentence (before any subject) or follows its own subject."""
    when = _when_clause(figure, periods, sentence)
    if when is not None:
        return when
    # Urdu: "... کے مقابلے میں 22 فیصد اضافہ ہوا، جب یہ رقم 2 ارب 12 کروڑ ڈالر تھی": the amount
    # "when" it was so is the base's
    for m in _URDU_WHEN_PAST.finditer(sentence):
        if m.start() <= figure.start < m.end():
            bases = [p for p in periods if p.comparison and p.end <= m.start()]
            if bases:
                return bases[-1]
    if figure.unit == "rank":
        # "from fourth in 2022", "97th in July": the period right after a place is its own
        own = [p for p in periods if p.value and p.start >= figure.end and _RIGHT_AFTER_RANK.fullmatch(sentence, figure.end, p.start)]
        if own:
            return own[0]
        # "number 4 in the freelancing countries ranking for 2021": the ranking's own year (not
        # of the place it rose or fell from: "fifth in the report for 2024, up from sixth a year
        # earlier")
        # (or named as the edition: "according to the 2024 update of an online labour index")
        own = [p for p in periods if p.value and (_RANKING_OF.search(sentence, max(0, p.start - 40), p.start) or (p.edition and _EDITION_WORD.search(sentence, p.start, p.end)))]
        if own and not _FROM_A_PLACE.search(sentence, max(0, figure.start - 24), figure.end):
            return own[0]
    else:
        # "Gig index 2025: ..., freelancers earn $500m": the index's year, not the money's (a
        # survey named for a fiscal year dates its figures when the sentence names no other period)
        others = any(p.value and not p.edition and not p.target for p in periods)
        periods = [p for p in periods if not p.edition or (not others and p.value.startswith("FY"))]
    if figure.unit != "count":
        periods = [p for p in periods if not p.stock]  # "by June 30, exports reached $3.8bn": a flow to a date, not the month's
    # (a count's period right after another figure before it is that figure's: "Banks had opened
    # around 96,000 such accounts by June, ..., a country of more than two million freelancers")
    periods = [p for p in periods if not another_figures_period(p, figure, sentence)]
    if figure.unit in ("rank", "count"):
        # a period after another figure is that figure's: "was the fourth-largest freelance market
        # and that earnings had crossed $300 million in 2020-21" dates the earnings, and "an
        # estimated 2.5 million freelancers, who sent home $512 million in FY25" the money
        # (Urdu names the period first: "20 لاکھ فری لانسرز ہیں، جنہوں نے ... مالی سال میں 35 کروڑ
        # ڈالر کمائے", who earned in the year: the year is what they earned in)
        periods = [p for p in periods if p.end <= figure.start or not (_AMOUNT_OR_RATE.search(sentence, figure.end, p.start) or _WHO_AFTER.search(sentence, figure.end, p.start))]
    span = base_span(figure, spans)
    if span is not None:
        inside = [p for p in periods if span.holds(p.start, p.end)]
        after = [p for p in inside if p.start >= figure.end]
        before = [p for p in inside if p.end <= figure.start]
        if after and (after[0].counted or after[0].months_back):
            # "the previous month of January 2022": January 2022, the month named right after
            named = next((p for p in after[1:] if p.value and not (p.counted or p.months_back) and p.start - after[0].end <= 6), None)
            return named or after[0]
        named = [p for p in before if p.value and not (p.counted or p.months_back)]
        return after[0] if after else (named or before)[-1] if before else None
    right_after = [
        p for p in periods
        if (p.counted or (p.comparison and p.months_back)) and p.start >= figure.end and _AFTER_FIGURE.fullmatch(sentence, figure.end, p.start)
        # a rate's own comparison ("up 7pc over the previous quarter") names its base, not its period
        and not (figure.unit == "percent" and span_of(spans, p.start, p.end) is not None)
    ]
    if right_after:
        return right_after[0]
    main = [p for p in periods if not p.comparison]
    in_clause = [p for p in main if clause[0] <= p.start and p.end <= clause[1]]
    bases = [p for p in periods if p.counted and clause[0] <= p.start and p.end <= figure.start and span_of(spans, p.start, p.end) is None]
    if figure.unit == "percent":
        # a rate's own growth "recorded in" a period, even one named as a base: "a sharp fall from
        # the 25.8 percent growth recorded in the same period of FY22"
        said_in = next((p for p in periods if p.start >= figure.end and not p.target and _OWN_GROWTH_SAID.fullmatch(sentence, figure.end, p.start)), None)
        if said_in is not None:
            return said_in
    if figure.unit == "percent" and len(in_clause) == 1 and in_clause[0].start >= figure.end and _RATE_GROWTH_SAID.search(sentence, figure.end, in_clause[0].start):
        # the one period after another rate's growth "recorded in" it is that rate's: "The increase
        # of 12.4 per cent was roughly half the 18pc growth recorded in FY25"
        in_clause = []
    if figure.unit == "percent":
        bases = []  # a rate is this period's, never its base's
        # a rate against a month ("11 percent over September") is a month's, not a span's named nearer
        own = next((s for s in spans if s.start >= figure.end and _OWN_COMPARISON.fullmatch(sentence, figure.end, s.start)), None)
        if own is not None and any(own.holds(p.start, p.end) and (_MONTH_VALUE.fullmatch(p.value) or p.months_back) for p in periods):
            months = [p for p in in_clause if _MONTH_VALUE.fullmatch(p.value)]
            earlier = [p for p in main if _MONTH_VALUE.fullmatch(p.value) and p.end <= figure.start]
            # the month a year or a month after its base, of those named: "December's figure beat the
            # previous record of $368 million set in October 2025 and was 10.6 percent higher than
            # the $348 million recorded in December 2024" is December 2025's
            based = [p.value for p in periods if own.holds(p.start, p.end) and _MONTH_VALUE.fullmatch(p.value)]
            after = [p for p in main if p.end <= figure.start and any(p.value in (shift_months(b, -12), shift_months(b, -1)) for b in based)]
            if after:
                return after[-1]
            if not months and earlier:
                return earlier[-1]  # "... in January, though they were 14 percent higher than in January 2025, taking 7MFY26 ..."
            in_clause = months or in_clause
    if in_clause or bases:
        return _nearest(in_clause + bases, figure, sentence)
    preceding = [p for p in periods if p.end <= figure.start and span_of(spans, p.start, p.end) is None and not p.target]
    if preceding and preceding[-1].comparison and preceding[-1].counted and figure.unit != "percent":
        # Urdu: "گزشتہ مالی سال کی اسی مدت میں ... 959 ملین ڈالر"; a rate after it ("... $445m in
        # the same period last year, an increase of 42 percent") is the growth since, not the base's
        return preceding[-1]
    if figure.unit == "percent" and _WHICH_OPENS.match(sentence, clause[0]):
        # "..., رواں مالی سال کے ابتدائی سات ماہ کی برآمدات ... رہیں، جو گزشتہ سال کی اسی مدت سے 20 فیصد
        # زیادہ ہیں": "which" is the amount just before, and its period the one named last before it
        named = [p for p in main if p.end <= figure.start and p.value and not p.target]
        if named:
            return named[-1]
    before = [p for p in main if p.end <= figure.start and (p.start < first_subject or (subject and subject.end <= p.start))]
    if not before and figure.unit in ("USD_million", "PKR_million", "percent") and len({p.value for p in main if p.value and not p.target}) == 1 and _PARALLEL.search(sentence, max(0, clause[0] - 12), clause[0] + 12):
        # "workers' remittances stood at $3.24bn in May, while export remittances of the IT sector
        # clocked in at $320m": two amounts of one release, the month said once (a count stays
        # a standing claim: "..., while the regulator has whitelisted 25,000 VPNs")
        before = [p for p in main if p.end <= figure.start and p.value]
    if not before and figure.unit != "rank" and _WITH_BEFORE.search(sentence, max(0, clause[0] - 10), clause[0] + 1):
        # "The sector posted another strong month in October, with exports climbing to $330
        # million": a "with" clause tells the month the sentence names before it
        before = [p for p in main if p.end <= clause[0] and p.value and not p.target]
    if not before and figure.unit == "percent" and _URDU_RATE_ALONE.match(sentence, figure.end) and len({p.value for p in main if p.value and not p.target}) == 1:
        # an Urdu headline's verbless rate, then its level and period: "فری لانسرز کی آمدن میں 18
        # فیصد اضافہ، پہلی سہ ماہی میں 11 کروڑ ڈالر کمائے" (the rate of the quarter named after it)
        before = [p for p in main if p.start >= figure.end and p.value and not p.target][:1]
    return before[-1] if before else None


#: The end of a verbless Urdu clause of a rate: "... 18 فیصد اضافہ،".
_URDU_RATE_ALONE = re.compile(r"\s*(?:(?:فیصد|%)\s*)?(?:اضافہ|اضافے|کمی|گراوٹ)\s*[،,]")
#: A clause of what came with the sentence's news: ", with exports climbing to ...".
_WITH_BEFORE = re.compile(r",\s*with\s*$", re.IGNORECASE)
_OWN_GROWTH_SAID = re.compile(r"\s+(?:(?:growth|increase|rise|decline|fall|drop)\s+)?(?:recorded|posted|seen|registered|achieved|witnessed)\s+(?:in|during)\s+(?:the\s+)?", re.IGNORECASE)
_RATE_GROWTH_SAID = re.compile(r"\d\s?(?:%|pc\b|pct\b|per\s?cent|percent)\s+(?:growth|increase|rise|decline|fall|drop)\s+(?:(?:recorded|posted|seen|registered|achieved|witnessed)\s+)?(?:in|during)\s+$", re.IGNORECASE)
_WHICH_OPENS = re.compile(r"\W*(?:جو|which\s+(?:is|was|were|are))(?![^\W\d_])", re.IGNORECASE)
_PARALLEL = re.compile(r",\s+(?:while|whereas)\b|\s(?:while|whereas)\s|[،,]?\s*جبکہ\s", re.IGNORECASE)
_URDU_WHEN_PAST = re.compile(r"[،,]\s*جب\s[^،,۔]*?(?<![^\W\d_])(?:تھا|تھی|تھیں|تھے)(?![^\W\d_])")
#: The words of a place risen or fallen from, before the place: "up from", "down from the".
PLACE_MOVED_FROM = r"\b(?:up|down|rising|climbing|falling|slipping)\s+from\s+(?:the\s+)?"
#: A place risen or fallen from, to its end: "up from sixth", "down from the 12th".
_FROM_A_PLACE = re.compile(rf"{PLACE_MOVED_FROM}\S+$", re.IGNORECASE)
#: A year named as an index's edition: "the 2024 edition", "the 2024 update".
_EDITION_WORD = re.compile(r"\b(?:edition|update)\b", re.IGNORECASE)
_RANKING_OF = re.compile(r"\b(?:rankings?|index|report|survey|list)(?:\s+(?:for|of))?\s+(?:the\s+(?:year\s+)?)?$|(?:انڈیکس|رینکنگ|درجہ\s+بندی|رپورٹ|سروے)\s+$", re.IGNORECASE)
#: ("FY22 as a whole, when freelancers brought home $259 million": the whole year's)
_WHEN = re.compile(r"(?:\s+(?:as\s+a\s+whole|in\s+full|overall|in\s+all))?\s*,?\s+when\b(?!\s+(?:compared|measured|set\s+against|contrasted)\b)", re.IGNORECASE)  # not "when compared with": a base


def _when_clause(figure: Figure, periods: list[Period], sentence: str) -> Period | None:
    """The period a "when" clause hangs on: in "compared with June 2025, when remittances stood
    at $338 million, ..." the $338m is June's."""
    for p in periods:
        m = _WHEN.match(sentence, p.end)
        if m and m.end() <= figure.start:
            end = re.search(r",\s|;|$", sentence[m.end() :])
            if figure.end <= m.end() + end.start():
                return p
    return None


_AFTER_FIGURE = re.compile(r"\s*,?\s*(?:(?:reported|recorded|earned|registered|posted|booked|logged|seen|received)\s+)?(?:(?:in|during|for|of|at)\s+)?(?:the\s+)?", re.IGNORECASE)


def _mark_bases(periods: list[Period], spans: list[Span], sentence: str = "") -> list[Period]:
    """Mark the periods that are bases of comparisons: those in a comparison span, and those
    the scanner knows to be bases ("the same period last year"). A period named right after a
    base given only relative to it is this period: "5 percent below last year's level in
    March" compares March with the March before."""
    marked = []
    for p in periods:
        span = span_of(spans, p.start, p.end)
        relative = span is not None and any(
            r.end <= p.start and span.holds(r.start, r.end) and not r.value and (r.shift or r.months_back)
            and _THEN_THIS_PERIOD.fullmatch(sentence, r.end, p.start)
            for r in periods
        )
        marked.append(replace(p, comparison=p.comparison or (span is not None and not relative)))
    return marked


#: Between a relative base and this period: "last year's level in March", "a year earlier in March".
_THEN_THIS_PERIOD = re.compile(r"(?:['’]s)?(?:\s+(?:level|levels|figure|mark|total))?\s+(?:in|during|for)\s+(?:the\s+month\s+of\s+)?", re.IGNORECASE)


def base_span(figure: Figure, spans: list[Span]) -> Span | None:
    """The comparison span a figure is the base of; a percentage only when it opens the span."""
    span = span_of(spans, figure.start, figure.end)
    if figure.unit == "percent" and span is not None and span.rate_at != figure.start:
        return None
    return span


def _resolve(period: Period | None, main: str, periods: list[Period] = ()) -> str:
    """A period's value. A base named relative to the period it is compared with is resolved
    against it: the nearest main period before it, else the sentence's main period. "The same
    period of the previous year" moves it a year back ("$2.8bn in July-March of FY25, against
    $2.3bn in the same period of the previous year": July-March of FY24, not the FY of a
    "Survey 2024-25" named earlier); "the same period of FY2020-21" moves its months into that
    fiscal year; "the previous month" is the month before it."""
    if period is None:
        return ""
    if period.shift and period.value:
        return period.value  # "the same period last year, i.e. July to October": restated, known
    if period.counted or (period.comparison and period.months_back):
        before = [p.value for p in periods if p.value and not p.comparison and not p.target and p.end <= period.start]
        if period.shift < 0 or period.after_latest:  # "the corresponding period this year", "the month before that": from the period named before, base or not
            before = [p.value for p in periods if p.value and not p.target and p.end <= period.start] or before
        base = before[-1] if before else main
        if period.of_span and re.fullmatch(r"\d{4}-\d\d", base or ""):
            return ""  # "the corresponding months of last year" is no month's base (a month named later is another figure's)
        if not base:
            # a base counted back from a period not known is not known either (never from the article's date)
            return "" if (period.counted or period.months_back) else period.value
        if period.fy:
            return shift_period(base, fiscal_end(base) - period.fy) if fiscal_end(base) else ""
        if period.year:
            return in_calendar_year(base, period.year)
        if period.parts_back:
            return part_before(base, period.parts_back)
        if period.months_back:
            return shift_months(base, period.months_back) or period.value
        return shift_period(base, period.shift)
    return period.value


def infer_main(periods: list[Period], spans: list[Span], sentence: str, published: date | None) -> str:
    """This period, when a sentence names only the base it is compared with: "up 36pc
    year-on-year, compared to $225m in March 2023" is March 2024. A month base is a year
    back when the words say so (year-on-year, last year), a month back when they say that;
    else the later of the two that is not after the article. A fiscal year or a part of one
    is a year back."""
    base = next((p for p in periods if p.comparison and p.value and not (p.counted or p.months_back)), None)
    if base is None:
        return ""
    if not re.fullmatch(r"\d{4}-\d\d", base.value):
        later = shift_period(base.value, -1)
        if re.fullmatch(r"FY\d{4}-\d\d", later) and published is not None and not _LOOKS_AHEAD.search(sentence):
            return running_fy(fiscal_end(later), published) or later  # "up 24pc over FY24", said in May 2025: July to April
        return later
    span = span_of(spans, base.start, base.end)
    # the words of the base's own comparison, else of the sentence outside the other comparisons
    # ("14pc higher than the previous month but 1pc lower than in August 2021": August 2021 is
    # no month back)
    rest = sentence
    for other in (s for s in spans if s is not span):
        rest = rest[: other.start] + " " * (other.end - other.start) + rest[other.end :]
    relation = (span.relation if span else "") or basis_words(rest)
    if relation == "mom":
        return shift_months(base.value, -1)
    latest = f"{published.year}-{published.month:02d}" if published else ""
    if relation == "yoy" or published is None:
        later = shift_period(base.value, -1) if relation == "yoy" else ""
        return later if not latest or later <= latest else ""  # never a month after the article
    candidates = [c for c in (shift_period(base.value, -1), shift_months(base.value, -1)) if c <= latest]
    return max(candidates) if candidates else ""


# --------------------------------------------------------------------------- extraction
