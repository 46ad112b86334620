"""Text helpers shared by the stages: digits and sentences, and a count in words."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Iterator

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬", "01234567890123456789.,")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|No|Nos|Rs|Co|Ltd|Inc|Gen|Lt|Col|Maj|Capt|Engr|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|viz)|\b[A-Z]|\b(?:i\.e|e\.g|I\.e|E\.g))\.$")
#: (a footnote's mark after the stop is the sentence's: "... the same period last year.¹ The share ...")
_SENTENCE_END = re.compile(r"[.!?؟۔;]+[\"'”’)\]¹²³⁴⁵⁶⁷⁸⁹⁰]*\s+")


def is_urdu(text: str | None) -> bool:
    """Whether most letters of ``text`` are in the Arabic script, which in the monitor's
    English and Urdu sources means Urdu: a headline, teaser or quote to mark ``lang="ur"``."""
    letters = [char for char in (text or "")[:2000] if char.isalpha()]
    return bool(letters) and 2 * sum("\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufeff" for char in letters) > len(letters)


#: Characters that show nothing and join nothing, but split a word for every rule that reads it:
#: the soft hyphen (``&shy;``, which hyphenation plug-ins put inside long words), the zero-width
#: space, the word joiner and the invisible operators, the Mongolian vowel separator and a
#: stray byte-order mark. The zero-width (non-)joiners, which shape Urdu letters, are kept.
#: Also the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
#: a right-to-left override shows the text after it backwards (RLO "fdp.exe" reads "exe.pdf"),
#: and one left open turns the rest of its line in the digest, outlet and link included. Urdu
#: needs none of them (the digest and the feeds give its direction); the marks U+200E, U+200F
#: and U+061C, which cannot reorder what follows, are kept.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """``text`` without the invisible characters that would hide a word from the rules
    ("free&shy;lancers" is "freelancers" to a reader, and now to the monitor too) or reorder
    what a reader sees."""
    return _INVISIBLE.sub("", text)


#: Arabic letters that Urdu is typed with on an Arabic keyboard, and that a page in Windows-1256
#: (which has no Urdu yeh) must use: yeh and alef maksura for the Urdu yeh, the Arabic kaf for
#: the Urdu one. A reader sees the same word (and in Urdu the final yeh without the Arabic
#: dots); the rules, the figures and the search saw another.
_URDU_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})
#: Arabic presentation forms (one glyph of a letter in one position, or a ligature), as text
#: copied from a PDF or an old page comes: each is its letters, read as a font shapes them.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")


#: Letters Urdu (and Persian) write that Arabic has not: text with one of them is not Arabic.
_NOT_ARABIC = re.compile("[\u067e\u0686\u0698\u06af\u0679\u0688\u0691\u06ba\u06be\u06c1\u06c3\u06d2\u06d3\u06cc\u06a9]")


def urdu_letters(text: str) -> str:
    """``text`` with Urdu written in Urdu's own letters: presentation forms as their letters
    (``ﻓﺮﯼ`` is "فری") and, in text that has a letter Arabic has not (پ ٹ گ ں ے ہ ...), the
    Arabic yeh and kaf as the Urdu ones ("فري" is "فری"), as the keywords, the figures'
    words and a reader's search are written; Arabic itself keeps its letters. The Arabic heh
    (ه) is left as it is: Urdu writes it for two letters, ہ and ھ, and which one cannot be
    told."""
    text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_URDU_LETTERS) if _NOT_ARABIC.search(text) else text


#: An HTML character reference left in text that was escaped twice (a feed that escapes its
#: already escaped titles, a CMS that stores "&amp;nbsp;"): after one decoding, "&ndash;",
#: "&nbsp;" and "&#8217;" are still there for a reader to see.
_LEFT_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
#: The tatweel (kashida) inside a word, which stretches an Urdu or Arabic word to fill a line
#: or a heading ("بــرآمــدات") and is no letter: the word is the same without it. (One before
#: a mark or a digit joins a one-letter prefix to it, as in "لـ«الصباح»", and is kept.)
_TATWEEL = re.compile("(?<=[\u0620-\u064a\u066e-\u06d3])\u0640+(?=[\u0620-\u064a\u066e-\u06d3])")


def readable(text: str) -> str:
    """``text`` as the stages read it: :func:`visible`, in :func:`urdu_letters`, without the
    tatweel, and with the character references an extra escaping left decoded."""
    if "&" in text:
        text = _LEFT_ENTITY.sub(lambda m: html.unescape(m[0]), text)
    return _TATWEEL.sub("", urdu_letters(visible(text)))


#: A thin, narrow or no-break space (or a figure space) between digits: how typeset copy and
#: PDFs group thousands ("21 240", "US$ 3 482 million"). A plain space is not read so: it
#: separates the cells of a table flattened into a line ("Jul-23 215 Aug-23 236").
_SPACE_GROUPING = re.compile("(?<=[0-9\u06f0-\u06f9\u0660-\u0669])[\u00a0\u2007\u2009\u202f](?=[0-9\u06f0-\u06f9\u0660-\u0669])")


def normalise_digits(text: str) -> str:
    """Urdu and Arabic-Indic digits and separators as ASCII, and a thin or no-break space
    between digits as the comma it stands for; one character for one."""
    return _SPACE_GROUPING.sub(",", text).translate(_DIGITS)


#: What a search does not tell apart: Urdu and Arabic-Indic digits from Western ones, and the
#: vowel marks Urdu writes now and then (zabar, zer, pesh, tanwin, shadd, jazm, the small alef)
#: and the stretching tatweel from their absence.
SEARCH_FOLDS: dict[str, str] = {
    **{d: str(i % 10) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩")},
    **{mark: "" for mark in "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"},
}
#: The short names a line in capitals keeps as they are (``IT``, ``PTA``); those written in
#: mixed case are written so (``YoY``, ``VPNs``), and other words as a title writes them.
KEPT_CAPITALS = frozenset(
    "IT ICT BPO PTA SBP PSEB PBS MOITT NITB PASHA STZA SEZ STZ VPN USD PKR US UAE UK EU "
    "IMF GDP FY KP GB AJK NA APP AI IDS NADRA FBR ECC NAB".split()
)
_MIXED_CASE = {"YOY": "YoY", "MOM": "MoM", "QOQ": "QoQ", "VPNS": "VPNs", "ITES": "ITeS"}
_CAPITALS_WORD = re.compile(r"(?<![\w@])[A-Z]{2,}(?![\w@])")
_LETTERS = re.compile(r"[A-Za-z]")
_POSSESSIVE_S = re.compile(r"(?<=[A-Za-z]['’])S(?![\w@])")


def in_ordinary_case(text: str) -> str:
    """``text`` with each line written in capitals ("ICT EXPORTS HIT $367M IN NOVEMBER, UP 21PC
    YOY", a wire's or a feed's shouting headline) in title case ("ICT Exports Hit $367M In
    November, Up 21PC YoY"), which the rules read; short names stay in capitals
    (:data:`KEPT_CAPITALS`) and words with digits as they are. The length never changes, so an
    offset in the result is one in ``text``. A line of ordinary case is left alone."""
    if not re.search(r"[A-Z]{2}", text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        letters = _LETTERS.findall(line)
        if len(letters) < 8 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            continue
        line = _CAPITALS_WORD.sub(lambda m: _MIXED_CASE.get(m[0]) or (m[0] if m[0] in KEPT_CAPITALS else m[0].capitalize()), line)
        lines[i] = _POSSESSIVE_S.sub("s", line)  # "PAKISTAN'S": "Pakistan's"
    return "\n".join(lines)


_SEARCH_FOLDS = str.maketrans(SEARCH_FOLDS)


def search_form(text: str) -> str | None:
    """``text`` as the search index also holds it: with :data:`SEARCH_FOLDS` applied, so that
    "38" finds "۳۸" and "پاکستان" finds "پاکِستان"; ``None`` when that changes nothing (the
    index holds the text itself already)."""
    folded = text.translate(_SEARCH_FOLDS)
    return folded if folded != text else None


#: The most characters read as one sentence (the longest sentence of the real corpora: 4,300).
MAX_SENTENCE = 5_000


#: A line that stops in mid-sentence (no closing stop, colon or quote at its end) ...
_OPEN_LINE_END = re.compile(r"[^\s.!?؟۔;:\"'”’)\]]\s*$")
#: ... and a next line that goes on with it in lower case: a line broken where a page, a feed
#: or a copy-and-paste wrapped it ("... at $1.07 billion,\nup 11.6 percent from ..."). Urdu has
#: no case: a line of Urdu words goes on in the next when it is a long one (a heading is short)
#: and the next starts with a word.
_GOES_ON = re.compile(r"\s*[a-z]")
_URDU_GOES_ON = re.compile(r"\s*[\u0620-\u064a\u066e-\u06d3]")
_URDU_LINE = re.compile(r"(?:[\u0600-\u06ff]+\s+){7,}[\u0600-\u06ff]+\s*$")


def split_sentences(text: str, *, join_from: int | None = None) -> Iterator[tuple[int, int, int]]:
    """``(paragraph, start, end)`` of each sentence; paragraphs are lines, counted from 0. A run
    longer than :data:`MAX_SENTENCE` with no full stop (a table or a list flattened into one
    line) comes in pieces (:func:`pieces`), so that the work done per sentence stays bounded.

    With ``join_from``, a line break at or after that offset that falls inside a sentence (the
    line ends with no stop and the next goes on: in lower case, or in Urdu after a long line of
    Urdu) is read as a space: the sentence runs on across it, and the paragraph is the first
    line's."""
    offset = 0
    held: tuple[int, int, list[str]] | None = None  # (paragraph, offset, lines) of the line read so far
    for number, line in enumerate(text.split("\n")):
        if held is not None and join_from is not None and offset - 1 >= join_from and _OPEN_LINE_END.search(held[2][-1]) and _goes_on(held[2][-1], line):
            held[2].append(line)
        else:
            if held is not None:
                yield from _line_sentences(held[0], held[1], "\n".join(held[2]))
            held = (number, offset, [line])
        offset += len(line) + 1
    if held is not None:
        yield from _line_sentences(held[0], held[1], "\n".join(held[2]))


def _goes_on(line: str, after: str) -> bool:
    """Whether ``after`` goes on with the sentence ``line`` leaves open (see :data:`_GOES_ON`)."""
    return bool(_GOES_ON.match(after) or (_URDU_GOES_ON.match(after) and _URDU_LINE.search(line[-400:])))


def _line_sentences(number: int, offset: int, line: str) -> Iterator[tuple[int, int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(line):
        if _ABBREVIATIONS.search(line[start : m.start() + 1]):
            continue
        if line[start : m.end()].strip():
            for first, last in pieces(line, start, m.end()):
                yield number, offset + first, offset + last
        start = m.end()
    if line[start:].strip():
        for first, last in pieces(line, start, len(line)):
            yield number, offset + first, offset + last


def pieces(text: str, start: int, end: int, limit: int = MAX_SENTENCE) -> Iterator[tuple[int, int]]:
    """``[start, end)`` of ``text`` in pieces of at most ``limit`` characters, each cut after the
    last comma or semicolon before the limit, else after the last space, else at the limit."""
    while end - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind(", "), window.rfind("; "), window.rfind("، "))
        cut = cut + 2 if cut > 0 else (window.rfind(" ") + 1 or limit)
        yield start, start + cut
        start += cut
    yield start, end


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` with its noun, singular for one: ``counted(1, "source")`` is ``1 source``,
    ``counted(2, "new item")`` ``2 new items``; ``many`` when the plural is not ``one`` + s
    (``counted(2, "story", "stories")``). Thousands are grouped, as every count the
    commands print is: ``counted(1320, "item")`` is ``1,320 items``."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def readable_size(n: int) -> str:
    """``n`` bytes as people read them: ``812 KB``, ``243 MB``, ``1.2 GB`` (powers of 1,000, as ``df -H``)."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            value = n / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{value:,.0f} {unit}"
    return f"{n:,} bytes"


def readable_date(value: object) -> bool:
    """Whether ``value`` is a publication date the fact extractor can read: ISO 8601
    (``2025-08-18``, ``2025-08-18T10:00:00+05:00``) or RFC 2822 (a feed's ``pubDate``)."""
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value.strip()[:10])
        return True
    except ValueError:
        pass
    try:
        parsedate_to_datetime(value.strip())
        return True
    except (TypeError, ValueError, IndexError):
        return False


def utc_date(value: str) -> str | None:
    """``value`` (ISO 8601 or RFC 2822) as the UTC ISO 8601 time the archive compares, a bare
    date kept a date and a time without an offset read as UTC; ``None`` when it is no date."""
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    else:
        if len(text) <= 10:
            return moment.date().isoformat()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat()
