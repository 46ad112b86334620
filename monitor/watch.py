"""Watched pages: what a policy page says now, and what changed since its last version.

Pure functions, no network and no database: :mod:`monitor.watchpoll` fetches the page and
stores the versions.

* :func:`snapshot` reads a page: its main text (the elements a per-source CSS selector picks,
  else ``main``, ``[role=main]``, a single ``article`` or ``#content``, else the body without
  navigation, headers, footers and sidebars), one block (paragraph, list item, table row,
  heading) a line; the links to documents in it (PDFs and other files, and links whose URL or
  text names a notification, notice, circular, SRO or gazette); the page's own "last updated"
  date; and whether the HTML came to its end (``</html>``).
* :func:`normalise_text` is what is tracked: Unicode compatibility forms folded, whitespace
  collapsed, and the volatile parts removed by the ignore patterns: :data:`DEFAULT_IGNORE`
  ("last updated" stamps, "3 hours ago", visitor and download counters, tokens and nonces,
  today's date and live clocks, copyright years) plus those configured.
* :func:`diff` compares two versions sentence by sentence (:func:`monitor.text.split_sentences`):
  sentences added, removed, or changed (a removed and an added sentence that share most of
  their words, or a table row or "label:" line with the same first cell or label, shown word
  by word), sentences that only moved, and document links that appeared or went away (their
  link text is not counted again as a sentence).
* :func:`judge` decides what a fetch means: the first version (``baseline``), the same text
  (``unchanged``), a ``change``, a new ``rebaseline`` when the selector or ignore patterns
  changed, a ``truncated`` page (the last version ended with ``</html>``, this one does not),
  or a change that removed most of the page, ``held`` until the next poll sees the same text,
  so that an error page answered with 200 never records "everything removed". A page that
  ends before ``</html>`` the same way at two polls in a row is how the site writes it now
  (HTML may leave the tag out): it is compared, not failed at every poll from then on.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Iterable, Sequence
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .canonical import without_tracking
from .encoding import decode_html, not_a_page
from .errors import ExtractionError
from .privacy import without_login
from .text import counted, split_sentences

__all__ = [
    "DEFAULT_IGNORE",
    "Change",
    "Diff",
    "Link",
    "Snapshot",
    "Verdict",
    "Version",
    "compile_ignore",
    "diff",
    "judge",
    "normalise_text",
    "page_date",
    "sentences",
    "snapshot",
]

# --------------------------------------------------------------------------- ignore patterns

_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
#: A date as pages write it: 21 August 2025, August 21, 2025, 2025-08-21, 2025/08/21, 21/08/2025, 21-08-2025.
DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[\s\-/.,]+{_MONTH}[\s\-/.,]+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})"
)
TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:PKT|PST|GMT|UTC)(?:\s*[+-]\s*\d{1,2})?)?)"
_AGO = r"\d+\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago"
_COUNTED = r"\b(?:page\s*views?|views?|visits?|visitors?|hits|downloads?|reads)"

#: The volatile parts of a page that never count as a change, by name. Matched without
#: regard to case, on each line of the page's text, and removed before comparing.
DEFAULT_IGNORE: dict[str, str] = {
    # "Last updated: 21 August 2025", "Page last modified on 21/08/2025 at 10:32 AM", "Reviewed: 2025-08-21", "Last update: 2025/08/21"
    "updated stamp": rf"(?:(?:page|this\s+page|content|site)\s+)?(?:last\s+update|(?:last\s+)?(?:updated|modified|revised|reviewed))(?:\s+(?:on|at))?\s*[:\-–]?\s*(?:{_WEEKDAY},?\s*)?{DATE}(?:\s*,?\s*(?:at\s+)?{TIME})?",
    # "Updated 3 hours ago", "2 days ago"
    "relative time": rf"(?:(?:last\s+)?(?:updated|posted|modified|published)\s+)?{_AGO}",
    # "Visitors: 12,345", "Total page views 98765", "You are visitor number 1234", "1,234 downloads",
    # "Viewed 1,234 times";
    # a verb ("the tax hits 2 million") needs a colon, or a word such as "total" before it
    "counter": rf"{_COUNTED}(?:\s+(?:count|counter|today|so\s+far))?\s*[:#]\s*\d[\d,.]*"
    rf"|(?:total|page|today'?s?|online|site)\s+{_COUNTED}(?:\s+(?:count|counter))?\s*[:#\-]?\s*\d[\d,.]*"
    r"|visitors?(?:\s+count(?:er)?)?\s+\d[\d,.]*|(?:you\s+are\s+(?:the\s+)?)?visitor\s+(?:number|no\.?|#)\s*\d[\d,.]*"
    r"|\d[\d,.]*\s+(?:page\s*)?(?:views|visits|visitors|hits|downloads|reads)\b|(?:users?|visitors?)\s+online\s*[:\-]?\s*\d+|\d+\s+(?:users?|visitors?)\s+online"
    # "This page has been viewed 1,234 times", "Viewed: 87 times", "Posted 2 May | Downloaded 312 times":
    # a line or a part of one after a separator, so that a sentence ("were accessed 5 times more") stays
    r"|(?:^|(?<=[|•·]))\s*(?:(?:this\s+)?(?:page|article|post|notice|notification|document|file)\s+)?(?:(?:has\s+been|was)\s+)?"
    r"(?:viewed|visited|accessed|downloaded|opened)\s*:?\s*\d[\d,.]*\s+times\.?\s*$",
    # "csrf_token: 9f8e7d...", "nonce=abc123...", and any long run of letters and digits
    "token": r"\b(?:[a-z]+[_-])?(?:csrf|xsrf|token|nonce|session[\s_-]?id|sid)\s*[:=]\s*\S+|(?<![\w/.])(?=[A-Za-z0-9_\-+/=]*\d)(?=[A-Za-z0-9_\-+/=]*[A-Za-z])[A-Za-z0-9_\-+/=]{24,}(?![\w/.])",
    # "Today is Monday, 25 August 2025", "Current time: 10:32:15", "Server time 10:32 PM"
    "today": rf"(?:today(?:'s\s+date)?(?:\s+is)?|date\s+today|current\s+(?:date|time)|server\s+time|local\s+time)\s*[:\-]?\s*(?:(?:{_WEEKDAY},?\s*)?{DATE}(?:\s*,?\s*{TIME})?|{TIME})",
    # a line that is only a weekday and a date: the date widget in a page header
    "date widget": rf"^\s*{_WEEKDAY},?\s+{DATE}(?:\s*,?\s*{TIME})?\s*$",
    # a clock with seconds: 10:32:15 AM
    "clock": r"\b\d{1,2}:\d{2}:\d{2}(?:\s*[ap]\.?m\.?)?",
    # "© 2025", "Copyright 2010-2025"
    "copyright year": r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?\d{4}",
}

#: The "last updated" stamp whose date :func:`page_date` reads.
_STAMP = re.compile(rf"(?:last\s+update|(?:last\s+)?(?:updated|modified|revised|reviewed))(?:\s+(?:on|at))?\s*[:\-–]?\s*(?:{_WEEKDAY},?\s*)?({DATE})", re.I)


def compile_ignore(patterns: Iterable[str] = ()) -> tuple[re.Pattern, ...]:
    """The default ignore patterns and ``patterns``, compiled (case-insensitive, multi-line).

    Raises ``re.error`` for a pattern that is not a valid regular expression.
    """
    return tuple(re.compile(p, re.I | re.M) for p in (*DEFAULT_IGNORE.values(), *patterns))


def settings_key(selector: str | None, patterns: Sequence[str], documents: bool = True) -> str:
    """A fingerprint of what decides the tracked text and links: a version compared with one
    read under other settings would show the settings' change as the page's."""
    raw = json.dumps([selector or "", list(patterns), sorted(DEFAULT_IGNORE.items()), documents], ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTENTLESS = re.compile(r"^[\W_]*$")


def normalise_text(text: str, ignore: Sequence[re.Pattern] = ()) -> str:
    """The text as it is compared: each line in Unicode compatibility form (NFKC) without
    invisible characters, with the ``ignore`` matches removed and whitespace collapsed; lines
    left without a letter or digit are dropped."""
    lines = []
    for line in unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).split("\n"):
        line = " ".join(line.split())
        for pattern in ignore:
            line = " ".join(pattern.sub(" ", line).split())
        line = re.sub(r"\s+([,.;:!?)])", r"\1", line).strip(" |,;:-–")
        if line and not _CONTENTLESS.match(line):
            lines.append(line)
    return "\n".join(lines)


def page_date(text: str) -> str | None:
    """The date of the page's own "last updated" stamp as ``YYYY-MM-DD``, if it shows one."""
    m = _STAMP.search(unicodedata.normalize("NFKC", text))
    return parse_date(m[1]) if m else None


_MONTHS = {name: i for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def parse_date(value: str) -> str | None:
    """``21 August 2025``, ``August 21, 2025``, ``2025-08-21`` or ``21/08/2025`` (day first, as in
    Pakistan) as ``2025-08-21``; ``None`` when it is not a real date."""
    value = value.strip().lower()
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", value):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        words = re.findall(r"[a-z]+|\d+", value)
        numbers = [int(w) for w in words if w.isdigit()]
        month = next((_MONTHS[w[:3]] for w in words if w[:3] in _MONTHS and not w.isdigit()), None)
        if month is None or len(numbers) != 2:
            return None
        d, y, mo = (numbers[0], numbers[1], month) if numbers[1] > 31 else (numbers[1], numbers[0], month)
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------- reading a page


@dataclass(frozen=True)
class Link:
    """A link to a document on a watched page."""

    url: str
    text: str


@dataclass(frozen=True)
class Snapshot:
    """What a watched page says now."""

    title: str
    text: str  # the tracked text: one block a line, volatile parts removed
    links: tuple[Link, ...] = ()  # document links, in page order
    page_date: str | None = None  # the page's own "last updated" date, YYYY-MM-DD
    complete: bool = True  # the HTML came to its end
    settings: str = ""  # fingerprint of the selector and ignore patterns (settings_key)
    login_form: bool = False  # the tracked part asks for a password (a login form)

    @property
    def hash(self) -> str:
        return content_hash(self.text, [link.url for link in self.links])


def content_hash(text: str, urls: Sequence[str]) -> str:
    """The hash of a page's text and document links, the links without the login a page
    behind one lends them (the archive keeps them without it)."""
    return hashlib.sha256((text + "\n\x00\n" + "\n".join(without_login(u) or "" for u in urls)).encode("utf-8")).hexdigest()


#: Elements never read: scripts, forms and their controls, media.
_SKIP = frozenset("script style noscript template svg math canvas iframe object embed video audio map form input textarea select option button head title meta link".split())
#: Elements that hold a page's chrome, not its content.
_CHROME = frozenset(("nav", "aside", "menu", "dialog"))
#: Class or id words of chrome: menus, breadcrumbs, share bars, cookie notices, sidebars.
_CHROME_NAMES = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|cookies?|consent|sidebar|"
    r"widget|related|comments?|skip-link|sr-only|visually-hidden|screen-reader-text|back-to-top|scroll-top)(?:$|[-_\s])",
    re.I,
)
_BLOCKS = frozenset(
    "address article blockquote body caption center dd details dialog div dl dt fieldset figure footer "
    "h1 h2 h3 h4 h5 h6 header hr legend li main ol p pre section summary table tbody thead tfoot tr ul".split()
)
_CELLS = frozenset(("td", "th"))
#: Elements whose text runs on without a space (``<b>Rs</b>500`` stays one word).
_INLINE = frozenset("a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strike strong sub sup time tt u var wbr".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: Link targets read as documents, by extension.
DOCUMENT_EXTENSIONS = frozenset("pdf doc docx odt rtf xls xlsx ods ppt pptx".split())
#: Words in a link's URL or text that name an official document.
_DOCUMENT_WORDS = re.compile(
    r"\b(?:notifications?|notices?|circulars?|S\.?R\.?O|gazettes?|directives?|determinations?|ordinances?|"
    r"amendments?|نوٹیفکیشن|اعلامیہ|سرکلر)\b",
    re.I,
)
#: Link targets that are never documents: images, media, styles, scripts, archives.
NOT_DOCUMENT_EXTENSIONS = frozenset("png jpg jpeg gif webp svg ico bmp tif tiff mp3 mp4 m4a wav webm avi mov css js json xml rss zip rar 7z gz".split())
#: Query parameters that change from visit to visit (sessions, cache busters) and do not
#: make a link another document.
_VOLATILE_PARAMETERS = re.compile(r"^(?:phpsessid|jsessionid|sid|session(?:id)?|token|nonce|csrf|_|ts|timestamp|cache|cb|nocache|rand|r)$", re.I)


def snapshot(content: bytes | str, url: str, *, selector: str | None = None, ignore: Sequence[re.Pattern] = (), content_type: str | None = None, documents: bool = True, settings: str = "") -> Snapshot:
    """Read a watched page (see the module docstring).

    Raises :class:`ExtractionError` with reason ``empty`` when the page has no text where it
    is looked for (an empty body, or a selector that matches nothing), or ``not_html``.
    """
    raw = content if isinstance(content, bytes) else content.encode("utf-8")
    html = content if isinstance(content, str) else decode_html(content, content_type)
    if not html.strip():
        raise ExtractionError("empty", "the page is empty")
    if wrong := not_a_page(raw, content_type, html, pdf_advice=": watch the page that links to it (new documents linked from a watched page are read)"):
        raise ExtractionError("not_html", wrong)
    tree = LexborHTMLParser(html)
    if tree.body is None:
        raise ExtractionError("not_html", "the document has no body")
    base_tag = tree.css_first("base[href]")
    base = urljoin(url, (base_tag.attributes.get("href") or "").strip()) if base_tag is not None else url
    regions = _regions(tree, selector)
    if not regions:
        raise ExtractionError("empty", f"the selector {selector!r} matches nothing on the page")
    lines: list[str] = []
    anchors: list[LexborNode] = []
    for region in regions:
        lines.extend(_block_lines(region, anchors, fallback=region.tag == "body"))
    visible = "\n".join(lines)
    text = normalise_text(visible, ignore)
    if not text:
        where = f"matched by {selector!r}" if selector else "in the page's main content"
        raise ExtractionError("empty", f"no text {where}")
    links = _document_links(anchors, base) if documents else ()
    return Snapshot(
        title=_title(tree, regions),
        text=text,
        links=links,
        page_date=page_date(visible),
        complete=raw.lower().rfind(b"</html") >= 0,
        settings=settings,
        login_form=any(region.css_first("input[type=password]") is not None for region in regions),
    )


def _regions(tree: LexborHTMLParser, selector: str | None) -> list[LexborNode]:
    """The elements whose text is tracked, outermost only, in page order."""
    if selector:
        found = tree.css(selector)
    else:
        found = []
        for candidate in ("main", "[role=main]", "article", "#content", "#main-content", "#main"):
            nodes = tree.css(candidate)
            if len(nodes) == 1 or (nodes and candidate != "article"):
                found = nodes[:1]
                break
        found = found or [tree.body]
    # drop an element nested in another one found
    kept: list[LexborNode] = []
    for node in found:
        if not any(_contains(outer, node) for outer in kept):
            kept.append(node)
    return kept


def _contains(outer: LexborNode, node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent == outer:
            return True
        parent = parent.parent
    return False


def _is_chrome(node: LexborNode, fallback: bool) -> bool:
    tag = node.tag
    if tag in _CHROME or (fallback and tag in ("header", "footer")):
        return True
    attributes = node.attributes
    if not attributes:
        return False
    if "hidden" in attributes or attributes.get("aria-hidden") == "true" or attributes.get("role") in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    style = attributes.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
    return bool(names.strip()) and bool(_CHROME_NAMES.search(names))


def _block_lines(region: LexborNode, anchors: list[LexborNode], *, fallback: bool) -> list[str]:
    """The region's text, one block element a line (table cells joined by `` | ``), walked
    iteratively; the links met on the way go to ``anchors``."""
    lines: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        line = " ".join("".join(parts).split())
        if line:
            lines.append(line)
        parts.clear()

    stack: list[tuple] = [(region.iter(include_text=True), region.tag)]
    while stack:
        children, tag = stack[-1]
        node = next(children, None)
        if node is None:
            stack.pop()
            if tag in _BLOCKS:
                flush()
            continue
        child = node.tag
        if child == "-text":
            parts.append(node.text_content or "")
            continue
        if child is None or child.startswith("-") or child in _SKIP or _is_chrome(node, fallback):
            continue
        if child == "br":
            flush()
            continue
        if child in _BLOCKS:
            flush()
        elif child in _CELLS:
            if "".join(parts).strip():
                parts.append(" | ")
        elif child not in _INLINE:
            parts.append(" ")
        if child == "a":
            anchors.append(node)
        stack.append((node.iter(include_text=True), child))
    flush()
    return lines


def _title(tree: LexborHTMLParser, regions: list[LexborNode]) -> str:
    for node in [*(r.css_first("h1") for r in regions), tree.css_first("h1")]:
        if node is not None and node.text(strip=True):
            return " ".join(node.text().split())
    meta = tree.css_first('meta[property="og:title"]')
    if meta is not None and (meta.attributes.get("content") or "").strip():
        return " ".join((meta.attributes.get("content") or "").split())
    title = tree.css_first("title")
    return " ".join(title.text().split()) if title is not None else ""


def _document_links(anchors: Sequence[LexborNode], base: str) -> tuple[Link, ...]:
    found: dict[str, Link] = {}
    for anchor in anchors:
        url = document_url(base, anchor.attributes.get("href") or "")
        if not url or url in found:
            continue
        text = " ".join(unicodedata.normalize("NFKC", anchor.text()).split()) or (anchor.attributes.get("title") or "").strip()
        if is_document(url, text):
            found[url] = Link(url, text or file_name(url))
    return tuple(found.values())


def document_url(base: str, href: str) -> str | None:
    """``href`` as an absolute http(s) URL without fragment, tracking or session parameters."""
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    try:
        parts = urlsplit(urljoin(base, href))
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _VOLATILE_PARAMETERS.match(k)])
    return without_tracking(urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, "")))


def is_document(url: str, text: str = "") -> bool:
    """Whether a link leads to an official document: a file such as a PDF, or a link whose URL
    or text names a notification, notice, circular, SRO or gazette."""
    path = urlsplit(url).path
    extension = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""
    if extension in DOCUMENT_EXTENSIONS:
        return True
    if extension in NOT_DOCUMENT_EXTENSIONS:
        return False
    return bool(_DOCUMENT_WORDS.search(path.replace("-", " ").replace("_", " ")) or _DOCUMENT_WORDS.search(text))


def file_name(url: str) -> str:
    """The last part of a URL's path, decoded: a document's file name."""
    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    return name or url


# --------------------------------------------------------------------------- comparing


@dataclass(frozen=True)
class Change:
    """One line of a diff.

    ``op`` is ``added``, ``removed``, ``changed`` (``before`` is the old sentence, ``words``
    the sentence word by word: ``("same" | "del" | "ins", text)``), ``moved`` (the same
    sentence elsewhere), ``document`` (a new document link; ``url``) or ``document_removed``.
    """

    op: str
    text: str
    before: str | None = None
    words: tuple[tuple[str, str], ...] = ()
    url: str | None = None

    def line(self) -> str:
        """The change as one readable line of text (``+``, ``-``, ``~`` and word marks)."""
        if self.op == "changed":
            return "~ " + "".join(_word_mark(kind, text) for kind, text in self.words)
        if self.op in ("document", "document_removed"):
            sign = "+" if self.op == "document" else "-"
            return f"{sign} [document] {self.text} <{without_login(self.url)}>"  # (shown, so without a login lent by the page)
        return {"added": "+ ", "removed": "- ", "moved": "= moved: "}[self.op] + self.text

    def to_dict(self) -> dict:
        row = {k: v for k, v in asdict(self).items() if v not in (None, (), [])}
        if self.words:
            row["words"] = [list(w) for w in self.words]
        return row


def _word_mark(kind: str, text: str) -> str:
    if kind == "same":
        return text
    lead = " " if text.startswith(" ") else ""
    core = text.strip()
    return f"{lead}[-{core}-]" if kind == "del" else f"{lead}{{+{core}+}}"


@dataclass(frozen=True)
class Diff:
    changes: tuple[Change, ...] = ()
    old_sentences: int = 0

    def count(self, op: str) -> int:
        return sum(c.op == op for c in self.changes)

    @property
    def removed_share(self) -> float:
        """The share of the old version's sentences that are gone."""
        return self.count("removed") / self.old_sentences if self.old_sentences else 0.0

    def text(self) -> str:
        """The whole diff, one change a line (see :meth:`Change.line`)."""
        return "\n".join(c.line() for c in self.changes)

    def summary(self) -> str:
        """``2 added, 1 removed, 1 changed, 1 new document``."""
        parts = []
        for op, one, many in (("added", "sentence added", "sentences added"), ("removed", "removed", "removed"), ("changed", "changed", "changed"), ("document", "new document", "new documents"), ("document_removed", "document link removed", "document links removed"), ("moved", "moved", "moved")):
            n = self.count(op)
            if n:
                parts.append(counted(n, one, many))
        return ", ".join(parts) or "no change in the text"


def sentences(text: str) -> list[str]:
    """The tracked text's sentences, in order. A line (a list item, a table row) holds one or
    more; a semicolon does not end one here, so that a table row's cells stay together."""
    out: list[str] = []
    last_line = -1
    for line, start, end in split_sentences(text):
        sentence = " ".join(text[start:end].split())
        if not sentence:
            continue
        if out and line == last_line and out[-1].endswith(";"):
            out[-1] += " " + sentence
        else:
            out.append(sentence)
        last_line = line
    return out


#: Word-level similarity above which a removed and an added sentence are one changed sentence.
CHANGED_SIMILARITY = 0.5


def diff(old_text: str, new_text: str, old_links: Sequence[Link] = (), new_links: Sequence[Link] = ()) -> Diff:
    """The changes from one version to the next, in the new version's order."""
    old, new = sentences(old_text), sentences(new_text)
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changes.extend(_block_changes(old[i1:i2], new[j1:j2]))
    changes = _fold_moves(changes)
    # (a link read on a page behind a login carries it, and is stored without it: the same link)
    before = {without_login(link.url) for link in old_links}
    after = {without_login(link.url) for link in new_links}
    added = [Change("document", link.text, url=link.url) for link in new_links if without_login(link.url) not in before]
    gone = [Change("document_removed", link.text, url=link.url) for link in old_links if without_login(link.url) not in after]
    # a document's link text is the document's line, not a sentence of its own as well
    linked = {("added", _fold(c.text)) for c in added} | {("removed", _fold(c.text)) for c in gone}
    changes = [c for c in changes if (c.op, _fold(c.text)) not in linked]
    return Diff(tuple(changes + added + gone), len(old))


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _block_changes(removed: list[str], added: list[str]) -> list[Change]:
    """A replaced block: similar sentences paired as changed (in order, never crossing), the
    rest removed or added; removals come before the additions they stand next to."""
    scores = sorted(((_similarity(a, b), i, j) for i, a in enumerate(removed) for j, b in enumerate(added)), reverse=True)
    pairs: dict[int, int] = {}
    for score, i, j in scores:
        if score < CHANGED_SIMILARITY:
            break
        if i in pairs or j in pairs.values() or any((i - pi) * (j - pj) < 0 for pi, pj in pairs.items()):
            continue  # each sentence pairs once, and pairs never cross
        pairs[i] = j
    out: list[Change] = []
    i = j = 0
    for pi, pj in sorted(pairs.items()):
        out += [Change("removed", s) for s in removed[i:pi]]
        out += [Change("added", s) for s in added[j:pj]]
        out.append(Change("changed", added[pj], before=removed[pi], words=word_diff(removed[pi], added[pj])))
        i, j = pi + 1, pj + 1
    out += [Change("removed", s) for s in removed[i:]]
    out += [Change("added", s) for s in added[j:]]
    return out


_KEY = re.compile(r"^([^:|]{2,60}?)\s*[:|]")


def _similarity(a: str, b: str) -> float:
    """How alike two sentences are, 0 to 1: the share of words in common, in order; a table row
    or a "label: value" line with the same label counts as the same line changed."""
    ka, kb = _KEY.match(a), _KEY.match(b)
    if ka and kb and ka[1].casefold() == kb[1].casefold():
        return 1.0
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


#: Words, numbers (``1,000``, ``5.5``, ``30/09/2025``) and single punctuation marks, each with
#: the whitespace before it, so that a diff's segments put back together give the sentence.
_TOKEN = re.compile(r"\s*(?:\d+(?:[.,:/]\d+)*|\w+(?:['’]\w+)*|[^\w\s])")


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """``after`` against ``before`` word by word: runs of ``same``, ``del`` and ``ins`` text.

    Each run keeps the space before it (``" or the freelancer's"``), so the ``same`` and
    ``ins`` runs joined give ``after`` and the ``same`` and ``del`` runs ``before``;
    punctuation is compared on its own ("client" is the same word in "client,").
    """
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            out.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", "".join(b[j1:j2])))
    if out and out[0][1][:1].isspace():
        out[0] = (out[0][0], out[0][1].lstrip())
    return tuple(out)


def _fold_moves(changes: list[Change]) -> list[Change]:
    """A sentence removed in one place and added in another has moved; it is one ``moved``
    change where it now stands."""
    removed: dict[str, int] = {}
    for c in changes:
        if c.op == "removed":
            removed[c.text] = removed.get(c.text, 0) + 1
    moved: dict[str, int] = {}
    out = []
    for c in changes:
        if c.op == "added" and removed.get(c.text, 0) > moved.get(c.text, 0):
            moved[c.text] = moved.get(c.text, 0) + 1
            out.append(Change("moved", c.text))
        else:
            out.append(c)
    dropped: dict[str, int] = {}
    result = []
    for c in out:
        if c.op == "removed" and dropped.get(c.text, 0) < moved.get(c.text, 0):
            dropped[c.text] = dropped.get(c.text, 0) + 1
            continue
        result.append(c)
    return result


# --------------------------------------------------------------------------- deciding


@dataclass(frozen=True)
class Version:
    """The last stored version of a watched page, as :func:`judge` needs it."""

    text: str
    links: tuple[Link, ...] = ()
    settings: str = ""
    complete: bool = True

    @property
    def hash(self) -> str:
        return content_hash(self.text, [link.url for link in self.links])


#: A change that removes at least this share of the page's sentences waits for a second poll.
DRASTIC_SHARE = 0.5


@dataclass(frozen=True)
class Verdict:
    """What one fetch of a watched page means.

    ``kind``: ``baseline`` (no version yet), ``rebaseline`` (the selector or ignore patterns
    changed: a new starting point, no diff), ``unchanged``, ``change`` (with ``diff``),
    ``held`` (a change that removes most of the page, kept until the next poll confirms it),
    ``truncated`` (a failed fetch: the page did not come to its end), or ``login_page`` (a
    login form in place of the page's text, as a captive portal answers: never a version).
    """

    kind: str
    diff: Diff | None = None
    reason: str = ""
    records: bool = field(default=False)  # a new version is stored


#: What a login form in place of a page's text is likely to be.
_LOGIN_PAGE = "a login form where the page's text was: a network login page (captive portal, hotel or office Wi-Fi) may be in the way, or the site now asks for a login"


def judge(previous: Version | None, now: Snapshot, pending: str | None = None) -> Verdict:
    """Compare the page as fetched now with its last version; ``pending`` is the hash of a
    drastic change held at the last poll."""
    if now.login_form and previous is None:
        return Verdict("login_page", reason=_LOGIN_PAGE + "; no first version is kept until the page's own text is there (a selector can leave out a login box that belongs to the page)")
    if previous is None:
        return Verdict("baseline", reason="first version of the page", records=True)
    if previous.settings and now.settings and previous.settings != now.settings:
        return Verdict("rebaseline", reason="the selector or ignore patterns changed: a new starting point", records=True)
    if previous.complete and not now.complete and pending != now.hash:
        return Verdict("truncated", reason="the page ended before </html> (cut off in transfer?); the last version did not; taken as the page if the next poll sees the same")
    if now.hash == previous.hash:
        return Verdict("unchanged")
    found = diff(previous.text, now.text, previous.links, now.links)
    if now.login_form and found.removed_share >= DRASTIC_SHARE:
        return Verdict("login_page", found, reason=f"{_LOGIN_PAGE}, and {found.removed_share:.0%} of the page's sentences are gone; no version is kept")
    if found.removed_share >= DRASTIC_SHARE and pending != now.hash:
        return Verdict("held", found, reason=f"{found.removed_share:.0%} of the page's sentences are gone; recorded only if the next poll sees the same text")
    return Verdict("change", found, reason=found.summary(), records=True)
