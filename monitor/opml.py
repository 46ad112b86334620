"""OPML, the outline format feed readers use to move subscriptions from one to another.

``monitor sources list --format opml`` writes the configured feeds as OPML 2.0, for a feed
reader (Miniflux, NetNewsWire, Feedly) or for another install. ``monitor sources import FILE``
reads a reader's export and prints the ``sources.yaml`` entries of the feeds not watched yet,
to paste under ``sources:`` (the file is the user's, with its comments, so it is not
rewritten). Folders are flattened; a feed already watched (the same address, whatever its
name, compared as ``monitor sources check`` compares them) is left out and named; a name
already taken gets " (2)"; an address nothing can fetch is left out and named.

Pure functions: reading and writing files is the command's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Iterable, Sequence
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET
from xml.parsers import expat

import yaml

from .canonical import canonical_url
from .errors import MonitorError
from .models import Source


@dataclass(frozen=True)
class Subscription:
    """One feed of an OPML file: its title and address (``xmlUrl``), and its site's."""

    title: str
    url: str
    site_url: str = ""


def to_opml(sources: Iterable[Source], title: str = "Sources of the monitor", now: datetime | None = None) -> bytes:
    """The enabled feeds of ``sources`` as an OPML 2.0 document (UTF-8). Watched pages,
    listing pages and data files are no feeds a reader can follow, so they are left out."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime((now or datetime.now(timezone.utc)).astimezone(timezone.utc), usegmt=True)
    body = ET.SubElement(root, "body")
    for s in sources:
        if s.kind == "feed" and s.enabled:
            ET.SubElement(body, "outline", type="rss", text=s.name, title=s.name, xmlUrl=s.url)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


class _Declares(Exception):
    """Raised from the parser as soon as a document type declaration begins."""


def _declares_doctype(data: bytes) -> bool:
    """Whether ``data`` declares a document type (where entities are defined), read in the
    document's own encoding (a UTF-16 file spells ``<!DOCTYPE`` with a zero byte between the
    letters). The parser stops at the declaration, before any entity is defined or expanded;
    XML that is not well formed is left for the parse proper to report."""
    parser = expat.ParserCreate()

    def refuse(*_args) -> None:
        raise _Declares

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(data, True)
    except _Declares:
        return True
    except expat.ExpatError:
        return False
    return False


#: What a reader may write for a feed's address besides ``http:`` and ``https:``: the
#: ``feed:`` scheme (``feed://host/rss`` meaning ``http://host/rss``, and ``feed:https://host/rss``).
_FEED_SCHEME = re.compile(r"^feed:(?://)?", re.IGNORECASE)


def _feed_address(url: str) -> str:
    """``url`` with a ``feed:`` scheme as the ``http:`` or ``https:`` address it stands for."""
    if not _FEED_SCHEME.match(url):
        return url
    rest = _FEED_SCHEME.sub("", url, count=1)
    return rest if urlsplit(rest).scheme.lower() in ("http", "https") else "http://" + rest


class Subscriptions(list):
    """The feeds of an OPML file (a list of :class:`Subscription`), with ``skipped``: the
    addresses that were left out because nothing can fetch them (``file:``, a reader's own
    scheme), in the file's order."""

    def __init__(self, feeds: Iterable[Subscription] = (), skipped: Iterable[str] = ()):
        super().__init__(feeds)
        self.skipped: list[str] = list(skipped)


def read_opml(data: bytes, where: str) -> Subscriptions:
    """The feeds of an OPML document, in its order, folders flattened, each address once
    (``http:`` and ``https:`` of one feed are one, the ``https:`` one kept); addresses that are
    not ``http:`` or ``https:`` (a ``feed:`` one is read as the address it stands for) are left
    out and listed in ``skipped``. Raises :class:`MonitorError` naming ``where`` (and the line,
    for XML that is not well formed) when the file is no OPML, or declares a document type or
    entities, which an OPML file has no need of and which can expand to gigabytes ("billion
    laughs"): such a file is refused before it is parsed, whatever its encoding."""
    if _declares_doctype(data):
        raise MonitorError(f"{where}: not read: it declares a document type or entities, which an OPML file has no need of")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        line, column = e.position
        raise MonitorError(f"{where}: line {line}, column {column + 1}: not well-formed XML ({_reason(e)})") from None
    if root.tag != "opml" or root.find("body") is None:
        raise MonitorError(f"{where}: not an OPML file (its root is <{root.tag}>, not <opml> with a <body>)")
    found: dict[str, Subscription] = {}
    skipped: list[str] = []
    for outline in root.find("body").iter("outline"):
        url = _feed_address((outline.get("xmlUrl") or outline.get("xmlurl") or "").strip())
        if not url:
            continue  # a folder, or a link that is no feed
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            skipped.append(url)  # ("file:", "javascript:", a reader's own scheme): nothing to fetch
            continue
        title = " ".join((outline.get("title") or outline.get("text") or "").split()) or urlsplit(url).netloc
        sub = Subscription(title, url, (outline.get("htmlUrl") or "").strip())
        key = _same_address(url)
        if key not in found:
            found[key] = sub
        elif urlsplit(found[key].url).scheme.lower() == "http" and urlsplit(url).scheme.lower() == "https":
            found[key] = Subscription(found[key].title, url, found[key].site_url)  # the secure address of a feed listed twice
    return Subscriptions(found.values(), skipped)


def _reason(e: ET.ParseError) -> str:
    return re.sub(r":\s*line \d+, column \d+$", "", str(e))


def _same_address(url: str) -> str:
    """An address as compared with the configured ones, as `monitor sources check` compares
    them (:func:`monitor.canonical.canonical_url`): ``http:`` and ``https:``, ``www.``, the case
    of the host and a trailing ``/`` aside."""
    return canonical_url(url)


@dataclass(frozen=True)
class Imported:
    """What an OPML file adds to the configured sources."""

    new: tuple[tuple[str, Subscription], ...]  # (the name given, the feed)
    watched: tuple[tuple[Subscription, str], ...]  # (the feed, the name of the source that has its address)


def plan_import(subscriptions: Sequence[Subscription], sources: Iterable[Source]) -> Imported:
    """Which feeds of ``subscriptions`` are new to ``sources`` and the name each gets (its
    title; " (2)", " (3)"... when the name is taken, as names are compared without case)."""
    sources = list(sources)
    by_address = {_same_address(s.url): s.name for s in sources}
    taken = {s.name.casefold() for s in sources}
    new, watched = [], []
    for sub in subscriptions:
        if (name := by_address.get(_same_address(sub.url))) is not None:
            watched.append((sub, name))
            continue
        name, n = sub.title, 1
        while name.casefold() in taken:
            n += 1
            name = f"{sub.title} ({n})"
        taken.add(name.casefold())
        new.append((name, sub))
    return Imported(tuple(new), tuple(watched))


def yaml_entries(imported: Imported) -> str:
    """The ``sources.yaml`` entries of the new feeds, indented to paste under ``sources:``."""
    entries = [{"name": name, "url": sub.url, "kind": "feed"} for name, sub in imported.new]
    if not entries:
        return ""
    text = yaml.safe_dump(entries, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return "".join(f"  {line}\n" for line in text.splitlines())
