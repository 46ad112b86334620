"""Turn a feed's bytes into :class:`~monitor.models.Entry` records.

feedparser gets the raw bytes with the response headers, so it can apply the HTTP charset
and the XML declaration itself. A document that is not a feed raises :class:`ParseError`
with a named reason: ``empty``, ``not_a_feed`` (an HTML page where a feed was expected) or
``parse_error`` (broken XML with nothing usable).
"""

from __future__ import annotations

import calendar
import html
import re
from datetime import datetime, timezone
from typing import Mapping
from urllib.parse import urljoin

import feedparser

from .models import Entry

_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class ParseError(Exception):
    def __init__(self, reason: str, detail: str):
        self.reason = reason
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


def plain_text(fragment: str | None) -> str:
    """Feed HTML (titles, summaries) as one line of plain text."""
    if not fragment:
        return ""
    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", fragment))).strip()


def _when(entry: Mapping) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return datetime.fromtimestamp(calendar.timegm(t), timezone.utc).isoformat()
            except (OverflowError, ValueError):
                continue
    return None


def parse_feed(content: bytes, *, source: str, url: str, headers: Mapping[str, str] | None = None) -> list[Entry]:
    """Parse RSS, Atom or RDF bytes into entries; links are made absolute against ``url``."""
    if not content.strip():
        raise ParseError("empty", "the response body is empty")
    head = {k.lower(): v for k, v in (headers or {}).items()}
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
                published=_when(e),
                author=plain_text(e.get("author")) or None,
                guid=guid,
            )
        )
    return entries
