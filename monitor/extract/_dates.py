"""The publication date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from selectolax.lexbor import LexborHTMLParser

from ._body import _fold
from ._layout import _Block
from ._metadata import _Metadata, _ld_value
from ._title import _split_url


_DATE_META_KEYS = (
    "article:published_time", "og:article:published_time", "published_time", "article.published",
    "datepublished", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date",
    "dcterms.created", "dcterms.issued", "pubdate", "publishdate", "publish_date", "publish-date",
    "publication_date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
    "citation_date", "cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate",
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar jän jänner janvier janv enero ene gennaio gen janeiro januari styczeń "
            "stycznia جنوری",
            "february feb februar février févr fevrier febrero febbraio fevereiro februari luty lutego فروری",
            "march mar märz mär mrz maerz mars marzo março maart marzec marca مارچ",
            "april apr avril avr abril abr aprile kwiecień kwietnia اپریل",
            "may mai mayo maggio maio mei maj maja مئی",
            "june jun juni juin junio giugno junho czerwiec czerwca جون",
            "july jul juli juillet juil julio luglio julho lipiec lipca جولائی",
            "august aug août aout agosto augustus sierpień sierpnia اگست",
            "september sep sept septembre septiembre settembre setembro wrzesień września ستمبر",
            "october oct okt oktober octobre octubre ottobre outubro października październik اکتوبر",
            "november nov novembre noviembre novembro listopad listopada نومبر",
            "december dec dez dezember décembre déc decembre diciembre dic dicembre dezembro grudzień "
            "grudnia دسمبر",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_NAME = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DATE_PATTERNS = (
    # 2024-11-30, 2024/11/30, 2024.11.30 (optionally with a time)
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    # 30.11.2024, 30/11/2024, 30-11-2024
    (re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)"), "dmy"),
    # 30.11.24
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])"), "dmy"),
    # 30 November 2024, 30. November 2024, 30 de noviembre de 2024, and 30-Nov-2024 or
    # 30-NOV-24 as Pakistani government sites print it
    (
        re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s*(?:de\s+)?({_MONTH_NAME})\.?,?\s*(?:de\s+)?(\d{{4}})(?!\d)", re.I),
        "dMy",
    ),
    (re.compile(rf"(?<![\d-])(\d{{1,2}})-({_MONTH_NAME})-(\d{{4}}|\d\d)(?![\d-])", re.I), "dMy"),
    # November 30, 2024, Nov. 30th 2024
    (re.compile(rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I), "Mdy"),
)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:/(\d{1,2})/(\d{1,2})|[_-]?(0[1-9]|1[0-2])[_-]?(0[1-9]|[12]\d|3[01]))(?!\d)"
)
_URL_DATE_DAY_FIRST = re.compile(
    r"(?<![\d.])(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.]((?:19|20)\d{2})(?![\d.])"
)
_TWO_DIGITS = re.compile(r"\d\d")
_EARLIEST_YEAR = 1995
#: How many blocks after and before the headline are searched for a printed date.
DATELINE_AFTER = 12
DATELINE_BEFORE = 5
#: How much of the start of a block is searched for a dateline.
DATELINE_CHARS = 60
#: Words that introduce a publication date.
_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|date|veröffentlicht|publiziert|erstellt|geschrieben|datum|stand|"
    r"aktualisiert|publié|publicado|pubblicato)\b|شائع|تاریخ",
    re.I,
)
#: A dateline is a block this short, has its date after a label or byline cue, or within
#: its first DATELINE_LEAD characters after words that are not a sentence.
SHORT_DATELINE = 40
DATELINE_LEAD = 20
_DATELINE_CUE = re.compile(_DATE_LABEL.pattern + r"|\b(?:by|von|par|por)\b|[|·•—–]", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
#: Lower-case words that may stand before a date in a dateline ("Monday, the", "vom").
_DATE_PREPOSITIONS = frozenset("am on the den der vom le du de del el il".split())
#: A publication date in JSON inside the page's scripts.
_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|date_published|createdAt|created_at|'
    r'dateCreated|pubDate)"\s*:\s*"([^"]{8,40})"'
)
#: How many of the page's first blocks the last-resort date searches read.
MAX_DATE_BLOCKS = 2000
#: How many blocks after the article's end may hold its date.
ARTICLE_EDGE = 3
#: How many blocks after and before the headline count as close to it.
CLOSE_AFTER = 5
CLOSE_BEFORE = 1


def _choose_date(
    tree: LexborHTMLParser,
    meta: _Metadata,
    url: str | None,
    datelines: list[tuple[bool, str]],
    labelled: list[str],
    html: str,
) -> str | None:
    """The publication date as ISO 8601: from a dateline, structured data or the URL.

    ``datelines`` are (close to the headline, text) pairs for the texts around the headline
    and in the article, nearest first; ``labelled`` all of the page's block texts; ``html``
    the page. In order of trust:

    1. a dateline right by the headline (as the declared time, if that is the same day),
       unless the declared date and the URL's agree on another;
    2. the declared date (see :func:`_declared_date`), unless the URL's differs by more
       than a day and no printed date backs the declared one; then the URL's date;
    3. a date printed further from the headline;
    4. a date after a label ("Published:", "Datum:") anywhere on the page;
    5. a publication date in script data (``"publishedDate": "..."``);
    6. the page's first dateline anywhere.
    """
    close = next((found for near, text in datelines if near and (found := _dateline_date(text))), None)
    from_url = _url_date(url) if url else None
    declared = _declared_date(tree, meta, from_url)
    if close and declared and declared[:10] in (close, from_url):
        return declared
    if close:
        return close
    further = next(filter(None, (_find_date(text) for _, text in datelines)), None)
    if declared and from_url and _days_apart(declared, from_url) > 1 and declared[:10] != further:
        return from_url
    return (
        declared
        or from_url
        or further
        or next(filter(None, map(_labelled_date, labelled)), None)
        or next(filter(None, (_parse_date(value) for value in _SCRIPT_DATE.findall(html))), None)
        or next(filter(None, (_dateline_date(text[:DATELINE_CHARS]) for text in labelled)), None)
    )


def _declared_date(tree: LexborHTMLParser, meta: _Metadata, from_url: str | None) -> str | None:
    """The first date the page declares; for a UTC time, the same instant in local time
    declared too, or the URL's date if a day off."""
    declared = [parsed for parsed in map(_parse_date, _structured_dates(tree, meta)) if parsed]
    if not declared:
        return None
    first = declared[0]
    if first.endswith("+00:00"):
        for other in (*declared[1:], from_url):
            if other and _same_time_elsewhere(first, other):
                return other
    return first


def _labelled_date(text: str) -> str | None:
    """A date that follows a label such as "Published on" or "Datum:" in ``text``."""
    for label in _DATE_LABEL.finditer(text):
        found = _find_date(text[label.end() : label.end() + DATELINE_CHARS])
        if found:
            return found
    return None


def _url_date(url: str) -> str | None:
    """A date in a URL: ``/2024/11/30/``, ``/2024/7/3/``, ``-20241130``, ``-2024-11-30`` or
    ``/30-11-2024``."""
    parts = _split_url(url)
    path = parts.path if parts else ""
    match = _URL_DATE.search(path)
    if match:
        year, month, day = int(match[1]), int(match[2] or match[4]), int(match[3] or match[5])
    else:
        match = _URL_DATE_DAY_FIRST.search(path)
        if not match:
            return None
        day, month, year = map(int, match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid_date(year, month, day) else None


def _days_apart(first: str, second: str) -> int:
    return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)


def _same_time_elsewhere(utc: str, other: str) -> bool:
    """Whether ``other`` gives the instant ``utc`` as a local time (or date) a day off."""
    if len(other) == 10:
        return _days_apart(utc, other) == 1
    moment = datetime.fromisoformat(other)
    return (
        moment.utcoffset() is not None
        and other[:10] != utc[:10]
        and abs((moment - datetime.fromisoformat(utc)).total_seconds()) < 60
    )


def _dateline_blocks(blocks: list[_Block], kept: list[bool], title: str | None) -> list[tuple[bool, str]]:
    """Texts where pages print their date, nearest the headline first.

    Each comes as (close, text). Close ones are the headline's block (the one nearest the
    article's start, or else the article's first block), the :data:`CLOSE_AFTER` blocks
    after it and the :data:`CLOSE_BEFORE` before it; then come the other blocks near the
    headline and those of the article and its edges (bylines, "updated" lines). Of each
    block only the start is taken, where a dateline would be.
    """
    article = [index for index, keep in enumerate(kept) if keep]
    start = article[0] if article else 0
    title_key = _fold(title) if title else None
    headlines = [index for index, block in enumerate(blocks) if _fold(block.text) == title_key]
    anchor = min(headlines, key=lambda index: abs(index - start)) if headlines else start
    close = [*range(anchor, anchor + CLOSE_AFTER + 1), *range(anchor - 1, anchor - CLOSE_BEFORE - 1, -1)]
    further = [
        *range(anchor + CLOSE_AFTER + 1, anchor + DATELINE_AFTER + 1),
        *range(anchor - CLOSE_BEFORE - 1, anchor - DATELINE_BEFORE - 1, -1),
        *range(start, min(article[-1] + ARTICLE_EDGE + 1, start + MAX_DATE_BLOCKS) if article else 0),
    ]
    return [
        (index in close, blocks[index].text[:DATELINE_CHARS]) for index in close + further if 0 <= index < len(blocks)
    ]


def _structured_dates(tree: LexborHTMLParser, meta: _Metadata):
    """Date strings the page declares, most reliable first: meta tags, JSON-LD, markup."""
    for key in _DATE_META_KEYS:
        if key in meta.meta:
            yield meta.meta[key]
    for key in ("datePublished", "dateCreated"):
        value = _ld_value(meta, key)
        if isinstance(value, str):
            yield value
    for node in tree.css('[itemprop="datePublished"], time[datetime], time[pubdate]'):
        attributes = node.attributes
        yield attributes.get("content") or attributes.get("datetime") or node.text()


def _parse_date(value: str) -> str | None:
    """An ISO 8601 date or datetime for a date string, or None when it holds no valid date."""
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return _find_date(value)
    if not _valid_date(parsed.year, parsed.month, parsed.day):
        return None
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _find_date(text: str) -> str | None:
    """The first plausible date written in ``text``, as ``YYYY-MM-DD``."""
    first = _first_date(text)
    return first[1] if first else None


def _dateline_date(text: str) -> str | None:
    """The date of a dateline: a short block, or a date after a label or byline
    ("Published", "By ... |") or after a few words that are not a sentence ("Berlin,",
    "Mittwoch, den"); not a date that a sentence mentions."""
    first = _first_date(text)
    if first is None:
        return None
    start, found = first
    lead = text[:start]
    if len(text) <= SHORT_DATELINE or _DATELINE_CUE.search(lead):
        return found
    sentence = any(word[0].islower() and word not in _DATE_PREPOSITIONS for word in _LETTERS.findall(lead))
    return found if start <= DATELINE_LEAD and not sentence else None


def _first_date(text: str) -> tuple[int, str] | None:
    """Where the first plausible date in ``text`` starts, and the date as ``YYYY-MM-DD``."""
    if not _TWO_DIGITS.search(text):
        return None
    best: tuple[int, str] | None = None
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            found = _date_from_match(match.groups(), order)
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
                break
    return best


def _date_from_match(groups: tuple[str, ...], order: str) -> str | None:
    if order == "ymd":
        year, month, day = map(int, groups)
    elif order == "dmy":
        day, month, year = map(int, groups)
        if month > 12 >= day:
            day, month = month, day
        if year < 100:
            year += 2000
    elif order == "dMy":
        day, month, year = int(groups[0]), _MONTHS[groups[1].lower()], int(groups[2])
        if year < 100:
            year += 2000
    else:
        month, day, year = _MONTHS[groups[0].lower()], int(groups[1]), int(groups[2])
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid_date(year, month, day) else None


def _valid_date(year: int, month: int, day: int) -> bool:
    """A real calendar date between 1995 and tomorrow."""
    try:
        value = date(year, month, day)
    except ValueError:
        return False
    return year >= _EARLIEST_YEAR and value <= date.today() + timedelta(days=1)
