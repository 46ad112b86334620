"""The records that flow between stages.

Every stage is a plain function over these small frozen dataclasses, so each can be tested
and benchmarked alone. Times are ISO 8601 strings in UTC (``2025-08-18T09:30:00+00:00``)
unless a field says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: ``feed`` (RSS, Atom), ``page`` (a listing without a feed), ``sbp_ebops`` (SBP's trade in
#: services workbook, read by :mod:`monitor.sbp` into official figures), ``watch`` (a policy
#: page whose text is tracked, read by :mod:`monitor.watch` into versions with diffs).
SourceKind = Literal["feed", "page", "sbp_ebops", "watch"]
#: Kinds whose sources deliver news items (the others deliver official figures or page versions).
NEWS_KINDS = ("feed", "page")

#: The topics the monitor tags items with, in the digest's default order.
TOPIC_IDS = (
    "freelancing",
    "industry_bodies",
    "vpn_internet",
    "it_exports",
    "payments",
    "taxes",
    "skills",
    "rankings",
)

#: Named fetch outcomes. Every attempt is stored with one of these.
FETCH_OUTCOMES = (
    "ok",
    "not_modified",
    "timeout",
    "dns",
    "tls",
    "connect",
    "http_4xx",
    "http_5xx",
    "too_large",
    "too_many_redirects",
    "bad_url",
    "not_a_feed",
    "parse_error",
    "empty",
    "robots_disallowed",
    "truncated",  # a body shorter than its Content-Length, or a watched page cut short
    "protocol_error",  # a body that breaks HTTP's framing (a chunk size that is no number...)
    "bad_encoding",  # a corrupt gzip, deflate or brotli body, or an unknown Content-Encoding
    "blocked",  # HTTP 403: the site refuses this client (often a data-centre address)
    "not_a_workbook",  # an HTML page answered where a data file was expected
    "layout_changed",  # a data file whose rows or columns are not where they were
    "login_page",  # a watched page that shows a login form in place of its text (a captive portal)
    "error",
)


@dataclass(frozen=True)
class Source:
    """One watched source, as configured in ``sources.yaml``."""

    name: str
    url: str
    kind: SourceKind = "feed"
    topics: tuple[str, ...] = ()
    interval: int | None = None  # minutes; None means the global poll interval
    full_text: bool = True  # fetch and extract each item's article page
    enabled: bool = True
    language: str | None = None
    aggregator: bool = False  # links hide the article (Google News): stories match by headline
    line: int | None = None  # line in the config file, for messages
    stale_days: int | None = None  # newest item older than this: stale (None: the kind's default)
    # kind "watch" (a policy page whose text is tracked, see monitor.watch):
    selector: str | None = None  # CSS selector of the text to track; default: the main content
    ignore: tuple[str, ...] = ()  # regular expressions of volatile text, besides the defaults
    documents: bool = True  # read new linked documents (PDFs, notifications)
    # the certificate of its host (https): extra CA certificates trusted (a PEM file), or, as a
    # last resort, not checked at all
    ca_file: str | None = None
    tls_verify: bool = True


@dataclass(frozen=True)
class FetchResult:
    """The outcome of one HTTP attempt (after retries within the cycle)."""

    url: str
    outcome: str  # one of FETCH_OUTCOMES
    status: int | None = None
    content: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    final_url: str | None = None
    started_at: str = ""
    duration: float = 0.0  # seconds
    error: str | None = None
    attempts: int = 1
    #: Where the source's address now leads, when every redirect on the way was permanent
    #: (301 or 308): the address to put in ``sources.yaml``.
    moved_to: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"


@dataclass(frozen=True)
class Entry:
    """One item as a feed or listing page announces it, before the article is read."""

    source: str
    url: str
    title: str = ""
    summary: str = ""
    published: str | None = None
    author: str | None = None
    guid: str | None = None


@dataclass(frozen=True)
class Article:
    """What extraction makes of an article page."""

    url: str | None
    title: str | None
    text: str
    published: str | None = None  # ISO 8601 date or datetime
    author: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Fact:
    """A dated figure about a watched subject, with the sentence it came from."""

    series: str  # it_exports_monthly, freelancer_count, ...
    period: str  # "2025-07", "FY2024-25", "FY2024-25:Jul-Mar", "" ...
    value: float
    unit: str  # USD_million, PKR_million, count, rank, percent
    quote: str
    published: str | None = None
    #: For a growth rate: ``yoy`` (against a year before), ``mom`` (against the month before)
    #: or ``unknown``; ``""`` for a level.
    basis: str = ""


@dataclass(frozen=True)
class OfficialFact:
    """A figure read from an official statistical file, with exactly where it was read.

    ``status`` is the publisher's mark on the figure's column: ``provisional``, ``revised``,
    or ``""`` when the column carries neither. ``published`` is when the file was last
    modified (the server's Last-Modified), when known.
    """

    series: str
    period: str
    value: float
    unit: str
    status: str
    url: str  # the file read, after redirects
    sheet: str  # the sheet's name as stored, stray spaces included
    row_label: str  # the row's label as printed
    column_header: str  # the period's column header as printed
    column: str  # which column of that period: Credit (exports)
    fetched_at: str
    published: str | None = None

    def provenance(self) -> str:
        """Where the figure was read, in words: file, sheet, row and column."""
        from .privacy import redact_url

        url = redact_url(self.url) or ""
        name = url.rstrip("/").rsplit("/", 1)[-1] or url
        return f"{name}, sheet '{self.sheet.strip()}', row '{' '.join(self.row_label.split())}', column '{' '.join(self.column_header.split())}' ({self.column})"


@dataclass(frozen=True)
class Analysis:
    """Relevance, topics, the rules that fired, and the figures found in one item."""

    relevant: bool
    score: float
    topics: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    #: The figures of an item judged not relevant that still names a watched subject (a
    #: business page led by the current account that carries the month's IT exports as a
    #: brief): never stored or shown, only told to deduplication, so that the page does not
    #: join the event of the report it carries.
    asides: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class Judgment:
    """A stored item judged again with the rules of now, where the outcome differs from the
    stored one: what the archive writes (:mod:`monitor.rejudge`)."""

    item: str
    relevant: bool
    score: float
    topics: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    #: The item's figures to store now (none when it is not relevant); ``None`` when the
    #: stored ones stay as they are.
    facts: tuple[Fact, ...] | None = None


@dataclass(frozen=True)
class Item:
    """A stored item: an entry, its article when extracted, and its analysis."""

    id: str
    source: str
    url: str
    canonical_url: str
    title: str
    summary: str = ""
    text: str = ""
    published: str | None = None
    fetched_at: str = ""
    author: str | None = None
    lang: str | None = None
    guid: str | None = None
    topics: tuple[str, ...] = ()
    relevant: bool = True
    score: float = 0.0
    rules: tuple[str, ...] = ()
    extraction: str | None = None  # "ok", or why extraction failed / was skipped
