"""Figures in a sentence: money, percentages, counts and ranks, in English and Urdu."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._periods import _MONTH_NAMES, _UR_NUMBERS

#: A number in digits: grouped in thousands ("2,370,000"), or in lakhs and crores as South Asian
#: copy groups it ("23,70,000", "3,45,60,000": the last three digits, then pairs), or not at all.
_GROUPED = r"\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+"
_NUM = rf"(?:{_GROUPED})(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = {
    "trillion": 1e12, "tr": 1e12, "tln": 1e12,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
    "kharab": 1e11, "arab": 1e9, "crore": 1e7, "cr": 1e7,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5,
    "thousand": 1e3, "k": 1e3,
    "ارب": 1e9, "کھرب": 1e11, "کروڑ": 1e7, "لاکھ": 1e5, "ہزار": 1e3, "ملین": 1e6, "بلین": 1e9,
}  # fmt: skip
_EN_SCALE = r"(?:trillion|tln|tr|billion|bln|bn|b|million|mln|mn|m|kharab|arab(?!\s+(?:countries|states|world|nations|league|news|emirates|region|spring)\b)|crore|cr|lakhs|lakh|lacs|lac|thousand|k)(?![a-z])"
_UR_SCALE = r"(?:ارب|کھرب|کروڑ|لاکھ|ہزار|ملین|بلین)"
_USD = r"US\s?\$|USD|\$"
_PKR = r"Rs\.?|PKR"
#: The dollar named in words: "US dollars", and as the wires write it, "U.S. dollars".
_US_DOLLARS = r"U\.?S\.?\s+dollars?"

#: Numbers written as words. English to ninety-nine; Urdu to a hundred, each of which is a word
#: of its own (``_UR_NUMBERS``, kept with the periods, which read years in words too). Words are
#: read only where a unit follows (a scale, a currency, "percent"):
#: several are also ordinary words ("اسی" is 80 and "that same", "سو" 100 and "so").
_EN_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_BELOW_100 = (
    rf"(?:(?:{'|'.join(_EN_TENS)})(?:[\s-](?:{'|'.join(k for k in _EN_UNITS if _EN_UNITS[k] < 10)}))?"
    rf"|{'|'.join(sorted(_EN_UNITS, key=len, reverse=True))})"
)
#: To nine hundred and ninety-nine: "three hundred and six" (Radio Pakistan writes amounts so).
_EN_WORD_NUM = (
    rf"(?:(?:a|{'|'.join(k for k in _EN_UNITS if _EN_UNITS[k] < 10)})\s+hundred(?:\s+(?:and\s+)?{_EN_BELOW_100})?|{_EN_BELOW_100})"
)
#: ... and with a decimal point said as a word: "two point six billion dollars" (2.6), "three
#: point eight two" (3.82), as a speaker says it and a transcript writes it.
_EN_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_EN_WORD_NUM = rf"(?:{_EN_WORD_NUM}\s+point(?:\s+{_EN_DIGIT_WORD})+\b|\d{{1,3}}\s+point\s+\d{{1,3}}\b|{_EN_WORD_NUM})"  # (and "2 point 12", as translated copy writes it)
_UR_WORD_NUM = "|".join(sorted(_UR_NUMBERS, key=len, reverse=True))
#: Urdu writes a decimal point as a word: "2 عشاریہ 12" is 2.12.
#: Halves and quarters: ڈیڑھ 1.5, ڈھائی 2.5, ساڑھے تین 3.5, سوا دو 2.25, پونے تین 2.75.
#: "سوا" alone before a scale is one and a quarter: "سوا ارب ڈالر" (1.25 billion).
_UR_FRACTION = rf"(?:(?:ساڑھے|سوا|پونے)\s+(?:{_NUM}|{_UR_WORD_NUM})|ڈیڑھ|ڈھائی|سوا(?=\s+(?:ارب|کروڑ|لاکھ|ہزار)(?![^\W\d_])))"
#: Hundreds in words: "چھ سو چوراسی" (684), written joined too: "نوسواٹھاون" (958).
_UR_HUNDREDS = rf"(?:{_UR_WORD_NUM})\s?سو(?:\s?(?:{_UR_WORD_NUM}))?"
_UR_HUNDREDS_PARTS = re.compile(rf"({_UR_WORD_NUM})\s?سو\s?({_UR_WORD_NUM})?")  # its parts, for the value
#: (or its digits one word each, as a speaker reads them: "ایک اعشاریہ پانچ چار" is 1.54)
_UR_DIGIT_WORD = "صفر|ایک|دو|تین|چار|پانچ|چھ|سات|آٹھ|نو"
_UR_DIGITS = {word: digit for digit, word in enumerate(_UR_DIGIT_WORD.split("|"))}
_UR_DECIMAL_WORDS = rf"(?:{_UR_WORD_NUM}|صفر|\d+)\s?ا?عشاریہ\s?(?:(?:{_UR_DIGIT_WORD})(?:\s+(?:{_UR_DIGIT_WORD})(?![^\W\d_]))+|{_UR_WORD_NUM}|\d+)"  # "اڑتیس اعشاریہ چھ" (38.6), "صفر اعشاریہ چھ" (0.6)
_UR_NUM = rf"(?:\d+\s?ا?عشاریہ\s?\d+|(?<![^\W\d_]){_UR_DECIMAL_WORDS}(?![^\W\d_])|(?<![^\W\d_]){_UR_FRACTION}(?![^\W\d_])|{_NUM}|(?<![^\W\d_])(?:{_UR_HUNDREDS}|{_UR_WORD_NUM})(?![^\W\d_]))"

#: The currency before the amount: "$354m", "US$ 2.8bn", "Rs 12bn", and in untidy copy the
#: currency's name before an amount in millions or billions ("US dollars 253 million"; never
#: "the US dollar 2024 outlook") or, in Urdu copy, the sign before an Urdu scale
#: ("$400 ملین").
_MONEY_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?P<cur>{_USD}|{_US_DOLLARS}(?=\s?[\d,.]+\s?(?:million|billion|mln|bln|mn|bn)\b)|{_PKR})\s?(?P<num>{_NUM})(?:[\s-]?(?P<scale>{_EN_SCALE})|\s?(?P<uscale>ملین|بلین|ارب|کروڑ|لاکھ)(?![^\W\d_]))?(?P<range>\s?[-–]\s?\d)?",
    re.IGNORECASE,
)
_MONEY_AFTER = re.compile(
    rf"(?<![\w.$])(?P<num>{_NUM}|\b{_EN_WORD_NUM}|\bhalf\s+an?|\ba\s+quarter(?:\s+of\s+a)?)\s?(?P<scale>{_EN_SCALE})?\s?(?P<cur>{_US_DOLLARS}|dollars?|USD|rupees|PKR)\b",
    re.IGNORECASE,
)
#: "two billion 190 million dollars": billions and then millions, in words or digits.
_MONEY_BILLIONS_AND_MILLIONS = re.compile(
    rf"(?<![\w.$])(?P<bn>{_NUM}|\b{_EN_WORD_NUM})\s+billion,?\s+(?:and\s+)?(?P<num>{_NUM}|\b{_EN_WORD_NUM})\s?(?:million|mln|mn)\s?(?P<cur>{_US_DOLLARS}|dollars?|USD|rupees|PKR)\b",
    re.IGNORECASE,
)
#: An amount in Urdu's scales written in English words, as speech is translated and local copy
#: counts: "3 arab 22 crore dollars", "28 crore 60 lakh dollars", "one arab six crore dollars",
#: "2.12 arab dollars".
_MONEY_ARAB = re.compile(
    rf"(?<![\w.$])(?P<parts>(?:(?:{_NUM}|\b{_EN_WORD_NUM})\s+(?:kharab|arab|billion|crores?|lakhs?|lacs?)(?![a-z]),?\s+(?:and\s+)?)+)(?P<cur>{_US_DOLLARS}|dollars?|rupees)\b",
    re.IGNORECASE,
)
_ARAB_PART = re.compile(rf"(?P<num>{_NUM}|\b{_EN_WORD_NUM})\s+(?P<scale>kharab|arab|billion|crore|lakh|lac)", re.IGNORECASE)
#: The Urdu currencies: dollars (ڈالرز, plural) and rupees.
_UR_CURRENCY = r"ڈالر(?:ز(?![^\W\d_]))?|روپے|روپیہ|روپوں"
_MONEY_URDU = re.compile(rf"(?P<parts>(?:{_UR_NUM})\s?{_UR_SCALE}(?:\s?(?:{_UR_NUM})\s?{_UR_SCALE})*)\s?(?:امریکی\s)?(?P<cur>{_UR_CURRENCY})")  # (ڈالرز, plural; words run together: "ڈالرتک")
#: An Urdu amount in digits alone, as untidy copy writes a large one: "30,10,00,000 ڈالر" (a
#: million or more; smaller sums are fees and prices).
_MONEY_URDU_DIGITS = re.compile(rf"(?<![\w.$,])(?P<num>{_NUM})\s?(?:امریکی\s)?(?P<cur>{_UR_CURRENCY})")
_URDU_PART = re.compile(rf"(?P<num>{_UR_NUM})\s?(?P<scale>{_UR_SCALE})")
_PERCENT = re.compile(
    rf"(?<![\w.])(?P<num>{_UR_NUM}|{_EN_WORD_NUM})\s?(?:%|pc\b|pct\b|per\s?cent\b|percent\b|فی\s?صد)",
    re.IGNORECASE,
)
_COUNT = re.compile(
    rf"(?<![\w.$,])(?P<num>{_NUM})(?:\s?(?P<scale>million|mln|mn|m|lakhs|lakh|lacs|lac|crore|thousand|k)(?![a-z])|\s?(?P<uscale>{_UR_SCALE}))?",
    re.IGNORECASE,
)
_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "پہلے": 1, "پہلا": 1, "دوسرے": 2, "دوسرا": 2, "تیسرے": 3, "تیسرا": 3, "چوتھے": 4, "چوتھا": 4,
    "پانچویں": 5, "چھٹے": 6, "ساتویں": 7, "ساتواں": 7, "آٹھویں": 8, "نویں": 9, "دسویں": 10,
    "پہلی": 1, "دوسری": 2, "تیسری": 3, "چوتھی": 4, "چھٹی": 6,
    "پانچواں": 5, "چھٹا": 6, "آٹھواں": 8, "نواں": 9, "دسواں": 10,
}
_CARDINAL_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "fifty": 50, "hundred": 100, "تین": 3, "پانچ": 5, "دس": 10, "بیس": 20}
_ORD = r"(?P<ord>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)"
_UR_ORD_WORD = r"پہلے|پہلا|پہلی|دوسرے|دوسرا|دوسری|تیسرے|تیسرا|تیسری|چوتھے|چوتھا|چوتھی|پانچویں|پانچواں|چھٹے|چھٹی|چھٹا|ساتویں|ساتواں|آٹھویں|آٹھواں|نویں|نواں|دسویں|دسواں|\d{1,3}\s?(?:ویں|واں)"
_UR_ORD = rf"{_UR_ORD_WORD}|\d{{1,3}}"
#: "دنیا کی چوتھی بڑی فری لانس مارکیٹ" (the world's fourth-largest): an ordinal word, never a bare number ("10 بڑی کمپنیاں").
_URDU_LARGEST = re.compile(rf"(?<![^\W\d_])(?P<ord>{_UR_ORD_WORD})\s+(?:سب\s+سے\s+)?(?:بڑی|بڑا|بڑے)(?![^\W\d_])")
_RANK_PATTERNS = (
    re.compile(
        rf"\brank(?:s|ed)?\s+(?:Pakistan\s+|the\s+country\s+|it\s+)?(?:at\s+)?(?:the\s+)?(?:No\.?\s?|number\s+)?(?:{_ORD}|(?P<num>\d{{1,3}})\b(?!\s+(?:countries|nations|economies|markets|locations|destinations)\b))",
        re.IGNORECASE,
    ),
    # "..., ranking 98th out of 105 countries": the verb's participle, with a place always
    re.compile(rf"\branking\s+(?:at\s+)?(?:the\s+)?{_ORD}(?![\w-])", re.IGNORECASE),
    re.compile(
        rf"\b{_ORD}[\s-](?:largest|biggest|fastest[\s-]growing|most\s+popular|highest|leading|top|ranked|position|place|spot)\b",
        re.IGNORECASE,
    ),
    # "Pakistan is on the fourth number", as translated copy renders "چوتھے نمبر پر"
    re.compile(rf"(?:(?<=\bon\s)|(?<=\bat\s))(?:the\s+)?{_ORD}\s+number\b(?!\s+of\b)", re.IGNORECASE),
    # as speakers say a place: "We are number four in the world", "we have been third for a while"
    re.compile(r"\b(?:is|are|was|were|remains?|remained|stands?|stood)\s+(?:still\s+|now\s+)?(?:No\.?\s?|number\s+)(?P<num>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\b(?!\s*(?:%|per\b|pc\b))", re.IGNORECASE),
    re.compile(rf"\b(?:have|has|had)\s+been\s+{_ORD}\b(?![\s-](?:time|largest|biggest|highest|lowest|best|worst|fastest))", re.IGNORECASE),
    # (never "top 40,000", nor a count or an amount: "users top 140 million", "top 10 lakh")
    re.compile(r"\btop[\s-](?P<num>\d{1,3}|three|five|ten|twenty|fifty|hundred)\b(?![,.]\d)(?!\s*(?:%|per|pc|mn\b|bn\b|m\b|k\b|million|billion|thousand|lakh|crore|trillion))", re.IGNORECASE),
    # "climbed as high as 89th on the mobile index"
    re.compile(rf"\bas\s+(?:high|low)\s+as\s+{_ORD}", re.IGNORECASE),
    # "Pakistan's place as number 4 in the ranking", "ranked at No. 3"
    # (or climbed to: "Pakistan climbs to No 3 on Payoneer's index")
    re.compile(r"\b(?:as|at|(?:climb(?:s|ed)?|rises?|rose|moves?|moved|jumps?|jumped|slips?|slipped|falls?|fell|drops?|dropped)\s+to)\s+(?:the\s+)?(?:No\.?\s?|number\s+)(?P<num>\d{1,3})\b(?!\s*(?:%|per|pc))", re.IGNORECASE),
    # "Payoneer's report places Pakistan third among ...", "put the country 8th in", "placed it
    # fourth for growth in freelancer earnings"
    re.compile(
        rf"\b(?:places?|placed|puts?)\s+(?:Pakistan|the\s+country|it)\s+(?:at\s+)?(?:the\s+)?(?:{_ORD}|(?:No\.?\s?|number\s+)(?P<num>\d{{1,3}}))"
        r"(?=\s+(?:in|among|on|for|globally|worldwide|out\s+of|of)\b|\s*[,.;]|\s*$)",
        re.IGNORECASE,
    ),
    # a headline's place with its verb left out: "Pakistan third in global freelance revenue
    # growth", "Pakistan 4th among fastest-growing freelance markets" ("first in" is also "the
    # first to": "Pakistan first in region to ...")
    re.compile(
        rf"\bPakistan\s+(?!first\b){_ORD}(?=\s+(?:in|among|on|globally|worldwide)\b)",
        re.IGNORECASE,
    ),
    # "stands 4th in the index", "was placed third among", "is at number four", "is second only
    # to India", "is third behind", "placed third after India", "came fifth by growth in
    # earnings", "was placed 112th out of 142 countries"
    re.compile(
        rf"\b(?:stands?|stood|placed|positioned|is|was|remains?|remained|came|comes)\s+(?:at\s+)?(?:the\s+)?"
        rf"(?:{_ORD}|(?:No\.?\s?|number\s+)(?P<num>\d{{1,3}}|one|two|three|four|five|six|seven|eight|nine|ten))"
        r"(?=\s+(?:in|among|on|for|by|with|out\s+of|of\s+\d|globally|worldwide|position|place|spot|only\s+to|behind|after)\b|\s*[,.;]|\s*$)",
        re.IGNORECASE,
    ),
    re.compile(
        # (never marks given out of a total: "25 میں سے 5 نمبر دیے گئے", a score)
        # (an ordinal out of a total is a place: "64 میں سے 61ویں نمبر"; "5 درجے ترقی" is a move of
        # five places, no place)
        rf"(?:(?<!میں\sسے\s)|(?=\d{{1,3}}\s?(?:ویں|واں)))(?<![\d\u06f0-\u06f9])(?P<ord>{_UR_ORD})\s?"
        r"(?:نمبر(?!\s+(?:دیے|دئیے|دیئے|دیا|ملے|ملا|حاصل|لیے|لئے))|پوزیشن|درجے(?!\s+(?:کی\s+)?(?:ترقی|تنزلی|بہتری|اوپر|نیچے|بہتر|گر|بڑھ))|درجہ|درجہ(?=\s)|مقام)"
        # "پاکستان چوتھے اور بھارت ساتویں نمبر پر": two places sharing one "نمبر"
        rf"|(?P<ord2>{_UR_ORD})(?=\s+(?:اور|جبکہ)\s+\S+(?:\s+(?:کا|کی|کے))?\s+(?:{_UR_ORD})\s?(?:نمبر|پوزیشن|درجے))"
        # or a comma, each place on its measure: "پاکستان دنیا میں تیسرے، آمدن میں آٹھویں نمبر پر"
        rf"|(?P<ord3>{_UR_ORD_WORD})(?=\s*[،,]\s+(?:\S+\s+){{1,4}}?(?:{_UR_ORD_WORD})\s?(?:نمبر|پوزیشن|درجے))"
    ),
    _URDU_LARGEST,
    # "اس کا نمبر 97واں تھا" (its number was 97th), "پاکستان کا درجہ تیسرا ہے" (Pakistan's place
    # is third): the place after "نمبر", "درجہ", "پوزیشن" or "مقام"
    # (with the list's size between: "پاکستان کا درجہ 180 ممالک میں 156 واں رہا")
    re.compile(rf"(?<![^\W\d_])(?:نمبر|درجہ|پوزیشن|مقام)\s+(?:\d{{1,3}}\s+(?:ممالک|ملکوں)\s+میں\s+)?(?P<ord>{_UR_ORD_WORD})(?![^\W\d_])"),
    # and in digits alone before its verb: "جبکہ مارچ میں اس کا درجہ 101 تھا" (its place was 101)
    re.compile(r"(?<![^\W\d_])(?:کا\s+(?:نمبر|درجہ)|کی\s+پوزیشن)\s+(?P<num>\d{1,3})(?=\s+(?:تھا|تھی|ہے|رہا|رہی)(?![^\W\d_]))"),
    # "among the top five countries" ("... سرفہرست پانچ ممالک میں شامل ہے"), not the top five as a
    # subject ("سرفہرست پانچ ممالک ... برآمدات کے دو تہائی حصے کے حامل ہیں": the biggest buyers)
    re.compile(r"سرفہرست\s+(?P<num>\d{1,3}|تین|پانچ|دس|بیس)\s+(?:ممالک|ملکوں)(?=\s+(?:میں|کی\s+فہرست|کے\s+درمیان))"),
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
    """The value of a number written in digits ("1,234.5"), with Urdu's decimal word ("2 عشاریہ
    12"), or in English or Urdu words ("fifteen", "twenty-four", "چونتیس")."""
    text = text.strip()
    if m := re.fullmatch(r"(\d+)\s?ا?عشاریہ\s?(\d+)", text):
        return float(f"{m.group(1)}.{m.group(2)}")
    if m := re.fullmatch(r"(\S+)\s?ا?عشاریہ\s?(\S+(?:\s+\S+)*)", text):
        whole = m.group(1) if m.group(1).isdigit() else str(_UR_NUMBERS.get(m.group(1), _UR_DIGITS.get(m.group(1), "")))  # ("صفر اعشاریہ چھ", 0.6)
        digits = m.group(2).split()
        if len(digits) > 1:  # a word each is a digit each: "پانچ چار" (54)
            part = "".join(str(_UR_DIGITS[d]) for d in digits) if all(d in _UR_DIGITS for d in digits) else ""
        else:
            part = digits[0] if digits[0].isdigit() else str(_UR_NUMBERS.get(digits[0], ""))
        if whole and part:
            return float(f"{whole}.{part}")
    if m := re.fullmatch(r"(\d+)\s+point\s+(\d+)", text, re.IGNORECASE):
        return float(f"{m.group(1)}.{m.group(2)}")  # "2 point 12" (2.12)
    if text[:1].isdigit():
        return float(text.replace(",", ""))
    if text in _UR_NUMBERS:
        return float(_UR_NUMBERS[text])
    if m := _UR_HUNDREDS_PARTS.fullmatch(text):
        return float(_UR_NUMBERS[m.group(1)] * 100 + (_UR_NUMBERS[m.group(2)] if m.group(2) else 0))
    if text in ("ڈیڑھ", "ڈھائی", "سوا"):
        return {"ڈیڑھ": 1.5, "ڈھائی": 2.5, "سوا": 1.25}[text]
    if m := re.fullmatch(r"(ساڑھے|سوا|پونے)\s+(.+)", text):
        return _number(m.group(2)) + {"ساڑھے": 0.5, "سوا": 0.25, "پونے": -0.25}[m.group(1)]
    words = re.split(r"[\s-]+", text.lower())
    if "point" in words:  # "two point six": the whole in words, then its decimals a digit a word
        at = words.index("point")
        digits = "".join(str({"zero": 0, "oh": 0}.get(w, _EN_UNITS.get(w, 0))) for w in words[at + 1 :])
        return float(f"{int(_number(' '.join(words[:at])))}.{digits}")
    if words[0] == "half":
        return 0.5
    if "quarter" in words:
        return 0.25
    value = 0
    for w in words:
        value = (value or 1) * 100 if w == "hundred" else value + _EN_TENS.get(w, 0) + _EN_UNITS.get(w, 0)
    return float(value)


def _money(sentence: str) -> list[Figure]:
    found: list[Figure] = []
    for m in _MONEY_BEFORE.finditer(sentence):
        if m.group("range"):
            continue
        found.append(_money_figure(m.group("cur"), m.group("num"), m.group("scale") or m.group("uscale"), m.start(), m.end()))
    for m in _MONEY_AFTER.finditer(sentence):
        found.append(_money_figure(m.group("cur"), m.group("num"), m.group("scale"), m.start(), m.end()))
    if "billion" in sentence.lower():
        for m in _MONEY_BILLIONS_AND_MILLIONS.finditer(sentence):
            # (longer than the "190 million dollars" inside it, which gives way to it)
            millions = _money_figure(m.group("cur"), m.group("num"), "million", m.start(), m.end())
            found.append(Figure(millions.value + _number(m.group("bn")) * 1e3, millions.unit, m.start(), m.end()))
    if re.search(r"\b(?:kharab|arab|crores?)\b", sentence, re.IGNORECASE):
        for m in _MONEY_ARAB.finditer(sentence):
            parts = list(_ARAB_PART.finditer(m.group("parts")))
            if all(p.group("scale").lower() == "billion" for p in parts):
                continue  # "2.6 billion dollars" is read with the other scales; "one billion 86 crore dollars" here
            total = sum(_number(p.group("num")) * _SCALES[p.group("scale").lower()] for p in parts)
            usd = m.group("cur").lower().replace(".", "").startswith(("us", "dollar"))
            found.append(Figure(total / 1e6, "USD_million" if usd else "PKR_million", m.start(), m.end()))
    for m in _MONEY_URDU.finditer(sentence):
        total = sum(_number(p.group("num")) * _SCALES[p.group("scale")] for p in _URDU_PART.finditer(m.group("parts")))
        if not total:
            continue
        unit = "USD_million" if m.group("cur").startswith("ڈالر") else "PKR_million"
        found.append(Figure(total / 1e6, unit, m.start(), m.end()))
    for m in _MONEY_URDU_DIGITS.finditer(sentence):
        if (amount := _number(m.group("num"))) >= 1e6:  # (a fee of "1,000 روپے" is no figure)
            found.append(Figure(amount / 1e6, "USD_million" if m.group("cur").startswith("ڈالر") else "PKR_million", m.start(), m.end()))
    return found


def _money_figure(currency: str, number: str, scale: str | None, start: int, end: int) -> Figure:
    usd = currency.upper().replace(".", "").startswith(("US", "$", "DOLLAR")) or "$" in currency  # ("U.S. dollars")
    multiplier = _SCALES[scale.lower()] if scale else 1.0
    if not number[:1].isdigit() and not scale:
        return Figure(0.0, "USD_million" if usd else "PKR_million", start, end)  # "twenty dollars": too small to matter
    return Figure(_number(number) * multiplier / 1e6, "USD_million" if usd else "PKR_million", start, end)


def _percents(sentence: str) -> list[Figure]:
    found = [Figure(_number(m.group("num")), "percent", m.start(), m.end()) for m in _PERCENT.finditer(sentence)]
    # a rate with its basis and no sign of percent, as analysts write it: "down 6.5 MoM"
    found += [Figure(float(m.group("num")), "percent", m.start(), m.end("num")) for m in _BARE_RATE.finditer(sentence)]
    # a rate said as a fraction after the word of the change: "down a fifth", "rose by half",
    # or before the comparison's: "a quarter more than", "ایک چوتھائی زیادہ" (a quarter more)
    for m in _FRACTION_RATE.finditer(sentence):
        if m.group("esaid") and _YEARS_BACK_AFTER.match(sentence, m.end()):
            continue  # "about a third more than it did two years ago": a rough change over years, no rate
        said = "said" if m.group("said") else "esaid" if m.group("esaid") else "usaid"
        fraction = (m.group("frac") or m.group("frac_half") or m.group("efrac") or re.sub(r"\s+", " ", m.group("ufrac"))).lower()
        found.append(Figure(_FRACTIONS[fraction], "percent", m.start(said), m.end(said)))
    return sorted(found, key=lambda f: f.start)


#: A comparison with a base years back, right after a fraction: "more than it did two years ago".
_YEARS_BACK_AFTER = re.compile(r"[^.;]{0,60}?\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+years\s+(?:ago|earlier|before)\b", re.IGNORECASE)
_FRACTIONS = {"fifth": 20.0, "quarter": 25.0, "third": 100 / 3, "half": 50.0, "پانچواں حصہ": 20.0, "چوتھائی": 25.0, "تہائی": 100 / 3}
_FRACTION_RATE = re.compile(
    r"\b(?:up|down|rose|risen|fell|fallen|grew|grown|declined|increased|decreased|jumped|dropped|climbed|slipped|shrank|contracted|expanded|surged)\s+(?:by\s+)?"
    r"(?P<said>(?:(?:a|one)[\s-](?P<frac>fifth|quarter|third)|(?<=by\s)(?P<frac_half>half)))\b(?!\s+(?:of|consecutive|straight|successive|time|month|year|quarter)\b)"
    r"|(?<![^\W\d_])(?P<usaid>ایک\s+(?P<ufrac>چوتھائی|تہائی|پانچواں\s+حصہ))(?=\s+(?:زیادہ|کم)(?![^\W\d_]))"
    # and before the word of the comparison: "roughly a quarter more than", "a fifth lower"
    r"|\b(?P<esaid>(?:a|one)[\s-](?P<efrac>fifth|quarter|third))(?=\s+(?:more|higher|less|lower|fewer|above|below)(?:\s+than\b|\s*[,.;]|\s*$))",
    re.IGNORECASE,
)


_BARE_RATE = re.compile(r"(?<![\w.'’$])(?P<num>\d{1,3}(?:\.\d+)?)\s(?-i:MoM|YoY|QoQ)\b")


#: A word that names the number after it ("item 17", "No. 5", "Section 37", "phase 2",
#: "#4"): the number is a label, not a count. Counts come before their noun ("17 items").
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:item|items|no|nos|number|section|article|clause|rule|part|page|pages|chapter|episode|phase|round|batch|"
    r"session|ward|sector|block|street|road|room|level|grade|class|version|model|season|issue|volume|vol|edition|"
    r"step|stage|point|paragraph|para|annex|schedule|table|figure|fig|serial|sr|id|code|case|file|form)\.?|#|№)\s*$",
    re.IGNORECASE,
)


#: An Urdu count in several parts or in words: "23 لاکھ 70 ہزار" (2,370,000), "20 ہزار 500",
#: "ساڑھے پانچ ہزار" (5,500), "تئیس لاکھ ستر ہزار".
_COUNT_URDU_PARTS = re.compile(
    rf"(?<![\w.$,])(?P<parts>(?:{_UR_NUM})\s?{_UR_SCALE}(?:\s?(?:{_UR_NUM})\s?{_UR_SCALE})*)(?:\s(?P<rest>\d{{1,3}})(?![\d.,]))?(?![^\W\d_])"
)


#: An English count in words with its scale: "one million Pakistanis", "two lakh freelancers",
#: "twenty-four thousand five hundred" (a state radio's style).
_COUNT_WORDS = re.compile(
    rf"(?<![\w.$,])(?P<num>{_EN_WORD_NUM})\s+(?P<scale>million|lakh|crore|thousand)\b(?:\s+(?:and\s+)?(?P<rest>{_EN_WORD_NUM})\b)?(?!\s+(?:U\.?S\.?\s+)?(?:dollars?|rupees)\b)",
    re.IGNORECASE,
)


#: A count in Urdu's scales written in English, as translated copy writes it: "23 lakh 70
#: thousand freelancers", "18 thousand 500 VPNs" (two parts at least, or one and what follows it).
_COUNT_PARTS = re.compile(
    rf"(?<![\w.$,])(?P<parts>(?:(?:\d{{1,3}}|{_EN_WORD_NUM})\s+(?:crores?|lakhs?|lacs?|thousand)\b\s*)+)"
    r"(?P<rest>\d{1,3}(?![\d.,])(?!\s*(?:%|percent|per\s?cent|pc|crores?|lakhs?|lacs?|thousand|million|billion)\b))?",
    re.IGNORECASE,
)
_COUNT_SCALE_WORD = re.compile(r"\b(?:crores?|lakhs?|lacs?|thousand)\b", re.IGNORECASE)  # (the test above is costly: it runs only where one of these stands)
_COUNT_PART = re.compile(rf"(?P<num>\d{{1,3}}|{_EN_WORD_NUM})\s+(?P<scale>crore|lakh|lac|thousand)", re.IGNORECASE)


def _counts(sentence: str, taken: list[Figure]) -> list[Figure]:
    found = []
    for m in _COUNT_PARTS.finditer(sentence) if _COUNT_SCALE_WORD.search(sentence) else ():
        parts = list(_COUNT_PART.finditer(m.group("parts")))
        if (len(parts) < 2 and not m.group("rest")) or any(f.start < m.end() and m.start() < f.end for f in taken):
            continue
        value = sum(_number(p.group("num")) * _SCALES[p.group("scale").lower()] for p in parts) + float(m.group("rest") or 0)
        end = m.end() if m.group("rest") else m.start("parts") + len(m.group("parts").rstrip())
        noun = re.match(r"\s*(?:more\s+|registered\s+|active\s+|new\s+|Pakistani\s+)?([^\W\d]+)", sentence[end:])
        found.append(Figure(value, "count", m.start(), end, noun.group(1).lower() if noun else ""))
    for m in _COUNT_WORDS.finditer(sentence):
        if any(f.start < m.end() and m.start() < f.end for f in taken + found):
            continue
        rest = _number(m.group("rest")) if m.group("rest") and m.group("scale").lower() == "thousand" else 0.0
        end = m.end() if rest else m.end("scale")
        noun = re.match(r"\s*(?:more\s+|registered\s+|active\s+|young\s+|skilled\s+|independent\s+|new\s+|Pakistani\s+)?([^\W\d]+)", sentence[end:])
        found.append(Figure(_number(m.group("num")) * _SCALES[m.group("scale").lower()] + rest, "count", m.start(), end, noun.group(1).lower() if noun else ""))
    for m in _COUNT_URDU_PARTS.finditer(sentence):
        if any(f.start <= m.start() < f.end for f in taken):
            continue
        parts = list(_URDU_PART.finditer(m.group("parts")))
        if len(parts) < 2 and not m.group("rest") and parts[0].group("num").replace(".", "").isdigit():
            continue  # "60 ہزار": a plain count, read below
        value = sum(_number(p.group("num")) * _SCALES[p.group("scale")] for p in parts) + float(m.group("rest") or 0)
        noun = re.match(_URDU_BOUND + r"\s*([^\W\d]+)", sentence[m.end() :])
        found.append(Figure(value, "count", m.start(), m.end(), noun.group(1).lower() if noun else ""))
    for m in _COUNT.finditer(sentence):
        if any(f.start <= m.start() < f.end for f in taken + found):
            continue
        scale = m.group("scale") or m.group("uscale")
        number = m.group("num")
        if not scale and _looks_like_year_or_date(sentence, m.start(), m.end(), number):
            continue
        if not scale and _LABEL_BEFORE.search(sentence, max(0, m.start() - 12), m.start()):
            continue  # "VPN registration item 17": an item's number, not 17 registrations
        if _DURATION_AFTER.match(sentence, m.end()):
            continue  # "within 24 to 48 hours", "24 سے 48 گھنٹوں میں": a length of time
        if _URDU_CURRENCY_AFTER.match(sentence, m.end()):
            continue  # "1,000 روپے سالانہ فیس": a sum of money too small to be written in لاکھ or کروڑ, no count
        value = _number(number) * (_SCALES[scale.lower()] if scale else 1.0)
        noun = re.match(_URDU_BOUND + r"\s*(?:more\s+|registered\s+|active\s+|young\s+|skilled\s+|independent\s+|new\s+|Pakistani\s+)?([^\W\d]+)", sentence[m.end() :])
        found.append(Figure(value, "count", m.start(), m.end(), noun.group(1).lower() if noun else ""))
    return found


#: A bound said after an Urdu count, before what it counts: "41 ہزار سے زیادہ وی پی این" (more
#: than 41,000 VPNs), "سے زائد", "کے قریب" (about).
_URDU_BOUND = r"(?:\s*(?:سے\s+(?:زیادہ|زائد|اوپر|کم)|کے\s+(?:قریب|لگ\s+بھگ))(?![^\W\d_]))?"
#: An Urdu currency right after a number: "1,000 روپے", "500 ڈالر".
_URDU_CURRENCY_AFTER = re.compile(rf"\s*(?:امریکی\s+)?(?:{_UR_CURRENCY})(?![^\W\d_])")
#: A length of time after a number, or after a range it opens: "24 hours", "24 to 48 hours",
#: "24 سے 48 گھنٹوں", "دو سے تین دن".
_DURATION_AFTER = re.compile(
    r"(?:\s*(?:to|-|–|or|سے|یا)\s*[\d\u06f0-\u06f9]+)?\s*(?:hours?|hrs?|minutes?|mins?|days?|weeks?|گھنٹ\w*|منٹ|دن|دنوں|روز|ہفت\w*)(?![\w])",
    re.IGNORECASE,
)


def _looks_like_year_or_date(sentence: str, start: int, end: int, number: str) -> bool:
    if re.fullmatch(r"(?:19|20)\d\d", number):
        return True
    if re.search(r"(?:19|20)\d\d\s?[-–/]\s?$", sentence[max(0, start - 7) : start]) and len(number) <= 2:
        return True  # the "22" of a fiscal year written "2021-22"
    if len(number) <= 2 and (re.search(r"(?<!\d)\d{1,2}[-/.]$", sentence[max(0, start - 3) : start]) or re.match(r"[-/.]\d{1,2}[-/.](?:19|20)\d\d\b", sentence[end : end + 12])) and _NUMERIC_DATE.search(sentence, max(0, start - 3), end + 12):
        return True  # a date written in figures: the "12" of "05-12-2024", "05/12/2024"
    if len(number) <= 2 and (re.search(r"(?<![\d.,])\d{1,2}:$", sentence[max(0, start - 3) : start]) or re.match(r":\d\d(?!\d)", sentence[end : end + 3])):
        return True  # a time of day or a video's time mark: the "15" of "01:15"
    around = sentence[max(0, start - 12) : end + 12]
    if len(number) <= 2 and _DAY_RANGE_BEFORE.search(sentence, max(0, start - 30), start):
        return True  # the last day of "between November 1 and 17", "from November 1 to 17"
    return bool(re.search(rf"{_MONTH_NAMES}", around, re.IGNORECASE)) and len(number) <= 2


#: A month's first day, and the word to its last: "November 1 and ", "Nov 1st to ", "November 1-".
_DAY_RANGE_BEFORE = re.compile(rf"(?:{_MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|to|till|until|through|-|–)\s*$", re.IGNORECASE)


#: A date written in figures, day first: "05-12-2024", "21/10/2021", "30.06.2024".
_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}([-/.])\d{1,2}\1(?:19|20)\d\d(?!\d)")


#: A move in a ranking: "slipped to 7th", "climbed two places to fourth", "from 8th to 4th": the
#: place reached (found from its "to", then the verb of moving looked for before it).
_RANK_REACHED = re.compile(
    rf"\bto\s+(?:the\s+)?(?:No\.?\s?|number\s+)?{_ORD}(?![\w-])(?![\s-]+(?:highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest)\b)",
    re.IGNORECASE,
)
_RANK_MOVE = re.compile(
    r"\b(?:slipp\w*|slips?|slid(?:e|es)?|f[ae]ll(?:s|en)?|dropp\w*|drops?|declin\w*|climb\w*|r[io]se|rises|risen|jump\w*|mov\w*|improv\w*|advanc\w*|ranking)"
    r"(?:\s+[\w-]+){0,5}?\s*$",
    re.IGNORECASE,
)


#: The place a ranking moved from: "up to 29th, from 33rd in the 2023 edition", "up from 90th",
#: "compared with 117th in September last year".
_RANK_FROM = re.compile(rf"\b(?:from|compared\s+(?:with|to)|against)\s+(?:the\s+)?(?:No\.?\s?|number\s+)?{_ORD}(?![\w-])(?![\s-]+(?:highest|lowest|largest|biggest|smallest|best|worst)\b)", re.IGNORECASE)


def _place_value(token: str) -> int | None:
    """The place a token names: "4th", "97واں", "fourth", "تیسرے", or a count word ("top ten")."""
    token = token.lower()
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else _ORDINAL_WORDS.get(token) or _CARDINAL_WORDS.get(token)


def _ranks(sentence: str) -> list[Figure]:
    found = []

    def add(value: int | None, start: int, end: int) -> None:
        if value and not any(f.start < end and start < f.end for f in found):
            found.append(Figure(float(value), "rank", start, end))

    for m in _RANK_REACHED.finditer(sentence):
        move = _RANK_MOVE.search(sentence, max(0, m.start() - 60), m.start())
        value = _place_value(m.group("ord"))
        if move and value:
            found.append(Figure(float(value), "rank", move.start(), m.end()))  # (moves may overlap: each is kept)
    for pattern in _RANK_PATTERNS:
        if pattern is _URDU_LARGEST and "بڑ" not in sentence:
            continue
        for m in pattern.finditer(sentence):
            add(_place_value(m.groupdict().get("ord") or m.groupdict().get("ord2") or m.groupdict().get("ord3") or m.groupdict().get("num") or ""), m.start(), m.end())
    if found:  # a place moved from, beside the one reached
        for m in _RANK_FROM.finditer(sentence):
            add(_place_value(m.group("ord")), m.start(), m.end())
        # and another place joined to one found, in another list: "ranked 100th of 111 countries
        # for mobile internet speed and 158th for fixed broadband"
        for m in _RANK_AND.finditer(sentence):
            if any(f.end <= m.start() for f in found):
                add(_place_value(m.group("ord")), m.start("ord"), m.end("ord"))
    return sorted(found, key=lambda f: f.start)


#: A numbered place after "and", said of another list: "and 158th for fixed broadband", "and
#: 151st of 180 for fixed broadband".
_RANK_AND = re.compile(r"\band\s+(?P<ord>\d{1,3}(?:st|nd|rd|th))\s+(?:(?:out\s+)?of\s+\d{1,3}\s+)?(?:for|in|on|among)\b", re.IGNORECASE)


def _borrow_scales(money: list[Figure], sentence: str) -> list[Figure]:
    """An amount written without its scale ("rose to $227 compared to $224 million") takes the
    scale of another amount of the sentence in the same currency whose number is close to it
    (within half): a dropped word, not a sum of a few hundred dollars."""
    out = []
    for f in money:
        text = sentence[f.start : f.end]
        raw = re.search(r"\d[\d,]*(?:\.\d+)?", text)
        if raw and not re.search(rf"\d\s?{_EN_SCALE}", text, re.IGNORECASE) and f.value < 0.001 * 1e3:
            number = _number(raw.group())
            for other in money:
                other_raw = re.search(r"\d[\d,]*(?:\.\d+)?", sentence[other.start : other.end])
                if other is f or other.unit != f.unit or not other_raw:
                    continue
                other_number = _number(other_raw.group())
                if other_number and other.value >= 1 and 0.5 <= number / other_number <= 1.5:
                    f = Figure(number * other.value / other_number, f.unit, f.start, f.end, f.noun)
                    break
        out.append(f)
    return out


def find_figures(sentence: str) -> list[Figure]:
    """Every money amount, percentage, count and rank in ``sentence`` (digits normalised)."""
    money = _borrow_scales(_dedupe_overlaps(_money(sentence)), sentence)
    percents = _percents(sentence)
    ranks = _ranks(sentence)
    counts = _counts(sentence, money + percents + ranks)
    # "$400-500 million a year": a range of amounts is no figure (see _money), and its second
    # number, with the currency said before the first, is no count of 500 million either
    ranges = [(m.start(), end.end()) for m in _MONEY_BEFORE.finditer(sentence) if m.group("range") and (end := _RANGE_REST.match(sentence, m.end("num")))]
    counts = [f for f in counts if not any(a <= f.start < b for a, b in ranges)]
    # "... ایک ارب 86 کروڑ ڈالر، دسمبر میں 33 کروڑ 60 لاکھ": an Urdu amount in crores with its
    # currency left off after one that has it is in that currency, not a count of 336 million
    dollars = [f for f in money if f.unit == "USD_million" and _URDU_SCALE_WORD.search(sentence, f.start, f.end)]
    if dollars:
        counts = [
            Figure(f.value / 1e6, "USD_million", f.start, f.end) if f.value >= 1e7 and f.start > dollars[0].end and _URDU_SCALE_WORD.search(sentence, f.start, f.end) and not f.noun.strip("،,") else f
            for f in counts
        ]
    counts = _currency_said_once(counts, money, sentence)
    return sorted(money + percents + ranks + counts, key=lambda f: f.start)


def _currency_said_once(counts: list[Figure], money: list[Figure], sentence: str) -> list[Figure]:
    """Amounts listed with their currency said once, after the last: "352 million and 188
    million dollars", "2 ارب 62 کروڑ، 3 ارب 22 کروڑ اور 3 ارب 80 کروڑ ڈالر". A count in millions
    or crores with no noun of its own, followed only by "and", "or" or a comma and such an
    amount, is an amount in its currency, not a count of 352 million."""
    out = sorted(counts, key=lambda f: f.start)
    following = sorted((f for f in money if _CURRENCY_AFTER.search(sentence, f.start, f.end)), key=lambda g: g.start)
    for i in range(len(out) - 1, -1, -1):
        f = out[i]
        if f.unit != "count" or f.noun.strip("،,") not in ("", "and", "or", "اور", "یا") or not _SCALE_SAID.search(sentence, f.start, f.end):
            continue
        nxt = next((g for g in following if g.start >= f.end), None)
        if nxt is not None and _LIST_JOIN.fullmatch(sentence, f.end, nxt.start):
            out[i] = Figure(f.value / 1e6, nxt.unit, f.start, f.end)
            following = sorted([*following, out[i]], key=lambda g: g.start)
    return out


#: An amount whose currency is written after its number: "188 million dollars", "80 کروڑ ڈالر".
_CURRENCY_AFTER = re.compile(r"(?:dollars?|rupees|ڈالرز?|روپے)\s*$", re.IGNORECASE)
_SCALE_SAID = re.compile(r"\b(?:million|billion|mn|bn)\b|کروڑ|ارب", re.IGNORECASE)
#: (each amount may have its year beside it: "2 ارب 64 کروڑ، 2022-23 میں 2 ارب 53 کروڑ اور ...
#: ڈالر", "2.64 billion in 2021-22 and 2.53 billion dollars in 2022-23"; or its month: "اکتوبر میں
#: 32 کروڑ 40 لاکھ، نومبر میں 31 کروڑ 80 لاکھ اور دسمبر میں 34 کروڑ 10 لاکھ ڈالر")
_LIST_JOIN = re.compile(
    r"(?:\s+in\s+(?:(?:FY\s?)?(?:19|20)\d\d(?:[-–]\d{2,4})?|FY\s?\d\d(?!\d)))?\s*(?:,|،)?\s*(?:(?:and|or|اور|یا)\s+)?"
    # (or a fiscal year in two digits: "مالی سال 20 میں ایک ارب 62 کروڑ، مالی سال 25 میں 3 ارب 80 کروڑ ڈالر")
    rf"(?:(?:(?:مالی\s+سال\s+)?(?:19|20)\d\d(?:[-–]\d{{2,4}})?|مالی\s+سال\s+\d\d(?:[-–]\d\d)?(?!\d)|(?:{_MONTH_NAMES})(?:\s+(?:19|20)\d\d)?)\s+میں\s+)?",
    re.IGNORECASE,
)


_URDU_SCALE_WORD = re.compile(r"کروڑ|ارب")
#: The rest of a range of amounts after its first number: "-500 million", " – 50bn".
_RANGE_REST = re.compile(rf"\s?[-–]\s?(?:{_NUM})(?:\s?{_EN_SCALE})?", re.IGNORECASE)


def _dedupe_overlaps(figures: list[Figure]) -> list[Figure]:
    kept: list[Figure] = []
    for f in sorted(figures, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(k.start <= f.start < k.end for k in kept):
            kept.append(f)
    return kept
