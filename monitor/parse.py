"""Turn a feed's bytes into :class:`~monitor.models.Entry` records.

feedparser gets the raw bytes with the response headers, so it can apply the HTTP charset
and the XML declaration itself. Dates become UTC ISO 8601; a date that gives no offset
(``Sun, 24 Aug 2025 23:30:00``, ``2025-08-24T23:30:00``), common on Pakistani sites, is read
in the configured timezone, and ``PKT`` is Pakistan Standard Time, UTC+5. A document that is not a feed raises :class:`ParseError`
with a named reason: ``empty``, ``not_a_feed`` (an HTML page where a feed was expected) or
``parse_error`` (broken XML with nothing usable).

A JSON Feed (https://www.jsonfeed.org/, versions 1 and 1.1: a JSON object whose ``version``
names it) is read by :func:`_parse_json_feed`, which feedparser does not do; JSON that is not
one is a ``parse_error`` that says so.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from datetime import datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_tz
from typing import Mapping
from urllib.parse import urljoin

import feedparser

from .models import Entry
from .text import readable

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class ParseError(Exception):
    def __init__(self, reason: str, detail: str):
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


def plain_text(fragment: str | None) -> str:
    """Feed HTML (titles, summaries) as one line of plain text, without invisible characters
    and with Urdu in its own letters (:func:`monitor.text.readable`)."""
    if not fragment:
        return ""
    return _SPACE.sub(" ", readable(html.unescape(_TAGS.sub(" ", fragment)))).strip()


#: A date string that ends in an offset or a zone name (``+0500``, ``+05:00``, ``Z``, ``GMT``).
_HAS_ZONE = re.compile(r"(?:[+-]\d\d:?\d\d|[A-Za-z]{1,5})\s*$")
#: Pakistan Standard Time by name, which feedparser does not know (it would read UTC).
_PKT = re.compile(r"\s+PKT\s*$", re.IGNORECASE)
PKT = timezone(timedelta(hours=5), "PKT")


#: Before this, a feed's date is a placeholder for none: the Unix epoch (``Thu, 01 Jan 1970
#: 00:00:00 +0000``, what a content system writes for an empty date) or Go's and .NET's zero
#: time (``0001-01-01T00:00:00Z``). No news item of the monitor's is that old.
NO_DATE_BEFORE = datetime(1971, 1, 1, tzinfo=timezone.utc)


def _when(entry: Mapping, tz: tzinfo) -> str | None:
    for key in ("published", "updated", "created"):  # dict.get: no fallback from one key to another
        raw = dict.get(entry, key)
        local = _local_time(raw, tz) if isinstance(raw, str) else None
        if local and datetime.fromisoformat(local) >= NO_DATE_BEFORE:
            return local
        t = dict.get(entry, f"{key}_parsed")
        if t:
            try:
                moment = datetime.fromtimestamp(calendar.timegm(t), timezone.utc)
            except (OverflowError, ValueError):
                continue
            if moment >= NO_DATE_BEFORE:
                return moment.isoformat()
    return None


def _local_time(raw: str, tz: tzinfo) -> str | None:
    """A date and time that gives no offset, read in ``tz`` (or in ``PKT`` when it says so),
    as UTC ISO 8601; ``None`` for a date with an offset or a bare date, which feedparser reads."""
    text, zone = raw.strip(), tz
    pkt = _PKT.search(text)
    if pkt:
        text, zone = text[: pkt.start()], PKT
    elif _HAS_ZONE.search(text):
        return None
    wall = _wall_time(text)
    return wall.replace(tzinfo=zone).astimezone(timezone.utc).isoformat() if wall else None


def _wall_time(text: str) -> datetime | None:
    """``2025-08-24T23:30:00`` or ``Sun, 24 Aug 2025 23:30:00`` as a naive datetime."""
    if len(text) <= 10:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        fields = parsedate_tz(text)
        if fields is None:
            return None
        try:
            moment = datetime(*fields[:6])
        except ValueError:
            return None
    return moment if moment.tzinfo is None else None


def parse_feed(content: bytes, *, source: str, url: str, headers: Mapping[str, str] | None = None, tz: tzinfo = timezone.utc) -> list[Entry]:
    """Parse RSS, Atom or RDF bytes into entries; links are made absolute against ``url``;
    dates without an offset are read in ``tz`` (the configured timezone)."""
    if not content.strip():
        raise ParseError("empty", "the response body is empty")
    if content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return _parse_json_feed(content, source=source, url=url, tz=tz)
    head = {k.lower(): v for k, v in (headers or {}).items()}
    recoded = _utf16_as_utf8(content)
    if recoded is not None:  # what the bytes are wins over what the server or the declaration says
        content, head = recoded, {k: v for k, v in head.items() if k != "content-type"}
    parsed = feedparser.parse(content, response_headers={"content-location": url, **head})
    if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
        sniff = content[:2048].lstrip().lower()
        if sniff.startswith((b"<!doctype html", b"<html")) or b"<html" in sniff or b"<body" in sniff:
            raise ParseError("not_a_feed", "an HTML page where a feed was expected")
        problem = parsed.get("bozo_exception")
        raise ParseError("parse_error", f"not a usable feed: {problem}" if problem else "not a feed")
    entries: list[Entry] = []
    for e in parsed.entries:
        link = e.get("link") or ""
        if not link:
            link = next((l.get("href") for l in e.get("links", []) if l.get("href")), "")
        link = urljoin(url, link.strip()) if link else ""
        guid = (e.get("id") or "").strip() or None
        title = plain_text(e.get("title"))
        if not (link or guid) or not (title or e.get("summary")):
            continue
        entries.append(
            Entry(
                source=source,
                url=link or guid or "",
                title=title or plain_text(e.get("summary"))[:120],
                summary=plain_text(e.get("summary") or e.get("description")),
                published=_when(e, tz),
                author=plain_text(e.get("author")) or None,
                guid=guid,
            )
        )
    return entries


_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")


def _utf16_as_utf8(content: bytes) -> bytes | None:
    """A feed in UTF-16 (with a byte order mark, or "<" as two bytes, one of them zero) as
    UTF-8 with its declaration saying so; ``None`` for any other. A server or an XML
    declaration that says UTF-8 over UTF-16 bytes made the feed unreadable ("not
    well-formed (invalid token)"): the bytes themselves tell which it is, as XML's rules say."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif content[:2] == b"<\x00":
        encoding = "utf-16-le"
    elif content[:2] == b"\x00<":
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError:
        return None
    return _XML_ENCODING.sub(r"\1\2utf-8\2", text.lstrip("\ufeff"), count=1).encode("utf-8")


def _parse_json_feed(content: bytes, *, source: str, url: str, tz: tzinfo) -> list[Entry]:
    """The entries of a JSON Feed, as :func:`parse_feed` gives those of RSS and Atom: an item's
    ``url`` (else ``external_url``) made absolute against ``url``, its ``id`` as the GUID, its
    ``title``, its ``summary`` (else its text or HTML content) as one line of plain text,
    ``date_published`` (else ``date_modified``) and its first author's name."""
    try:
        doc = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ParseError("parse_error", f"not a usable JSON Feed: {e}") from None
    if not isinstance(doc, dict) or "jsonfeed.org/version/" not in str(doc.get("version", "")):
        raise ParseError("parse_error", "JSON that is not a JSON Feed (no \"version\" naming https://jsonfeed.org/version/...)")
    items = doc.get("items")
    if not isinstance(items, list):
        raise ParseError("parse_error", "a JSON Feed without an \"items\" list")
    entries: list[Entry] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _json_text(item.get("url")) or _json_text(item.get("external_url"))
        link = urljoin(url, link) if link else ""
        guid = _json_text(item.get("id")) or None
        title = plain_text(_json_text(item.get("title")))
        summary = plain_text(_json_text(item.get("summary")) or _json_text(item.get("content_text")) or _json_text(item.get("content_html")))
        if not (link or guid) or not (title or summary):
            continue
        authors = item.get("authors") if isinstance(item.get("authors"), list) else [item.get("author")]
        author = next((plain_text(_json_text(a.get("name"))) for a in authors if isinstance(a, dict) and _json_text(a.get("name"))), None)
        entries.append(
            Entry(
                source=source,
                url=link or guid or "",
                title=title or summary[:120],
                summary=summary,
                published=_json_when(item, tz),
                author=author,
                guid=guid,
            )
        )
    return entries


def _json_text(value: object) -> str:
    """A JSON Feed's string (or number, for an ``id``), stripped; ``""`` for anything else."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return str(value).strip()


def _json_when(item: Mapping, tz: tzinfo) -> str | None:
    """A JSON Feed item's RFC 3339 ``date_published`` (else ``date_modified``) as UTC ISO 8601;
    a time with no offset is read in ``tz``; a placeholder date before :data:`NO_DATE_BEFORE`
    or one that cannot be read is none."""
    for key in ("date_published", "date_modified"):
        raw = _json_text(item.get(key))
        try:
            moment = datetime.fromisoformat(raw) if raw else None
        except ValueError:
            moment = None
        if moment is None:
            continue
        moment = (moment if moment.tzinfo else moment.replace(tzinfo=tz)).astimezone(timezone.utc)
        if moment >= NO_DATE_BEFORE:
            return moment.isoformat()
    return None
