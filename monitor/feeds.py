"""Atom feeds of what matters, so a reader can follow the monitor in any feed reader.

After every poll (and with ``monitor feeds``) these files are rewritten in ``feeds/`` next to
the archive (``data/feeds/`` for ``data/monitor.db``), each only when its content changed, by
an atomic rename; ``monitor serve`` serves them at ``/feeds/``:

* ``stories.atom``: the newest :data:`MAX_ENTRIES` relevant stories, one entry per story
  however many outlets ran it (the story's first report links to the article, the others are
  named under "Also reported by");
* ``topic-<topic>.atom``: the same for each topic (``topic-vpn_internet.atom``...);
* ``policy.atom``: the newest changes of watched policy pages, each with what was added and
  removed, a link to the page and to its full diff in the archive.

Entries follow RFC 4287: a permanent ``urn:uuid`` id (derived from ``digest.list_id`` and the
story's or page version's own id, so it never changes, whatever the public URL), ``updated``
when the monitor first saw the story (or the change), ``published`` when the outlet says it
published it, an author, categories for topics, and absolute links only: the article, and
the archive's page for it in Datasette under ``monitor.public_url``.

The XML is written with a jinja2 template (``templates/feed.atom.j2``, autoescaped), not with
feedgen: feedgen 1.0.0 (its latest release) drops the ``rel``, ``type`` and ``title`` of an
entry's links, so an entry linking to a page and to its diff would carry two ``alternate``
links, which RFC 4287 forbids. Text is stripped of characters XML 1.0 cannot hold.
"""

from __future__ import annotations

import html
import logging
import re
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

import jinja2

from . import __version__, public
from .config import TOPIC_IDS, Config
from .errors import MonitorError, cannot_write
from .files import write_atomically
from .store import Store
from .text import is_urdu
from .weeks import parse_timestamp

log = logging.getLogger("monitor.feeds")

#: Entries per feed.
MAX_ENTRIES = 50
#: The newest relevant items read to find the newest stories (reprints fold into one).
ITEMS_READ = 8 * MAX_ENTRIES
#: Changes listed in a policy entry's content.
MAX_CHANGE_LINES = 40
GENERATOR_URI = "https://github.com/pk-freelance-monitor/monitor"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Link:
    href: str
    rel: str = "alternate"
    title: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    updated: str
    links: tuple[Link, ...]
    author: str
    published: str | None = None
    summary: str = ""
    content: str = ""  # an HTML fragment (escaped once more in the XML)
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)
    lang: str | None = None


@dataclass(frozen=True)
class Feed:
    name: str  # the file is <name>.atom
    id: str
    title: str
    subtitle: str
    updated: str
    links: tuple[Link, ...]
    author: str
    entries: tuple[FeedEntry, ...]


def feed_names() -> list[str]:
    """Every feed the monitor writes, by file name without ``.atom``."""
    return ["stories", *(f"topic-{t}" for t in TOPIC_IDS), "policy"]


def xml_text(value: str | None) -> str:
    """``value`` without the characters XML 1.0 cannot hold (control characters)."""
    return _NOT_XML.sub("", value or "")


def urn(config: Config, kind: str, key: str) -> str:
    """A permanent id: a name-based UUID of this installation's ``digest.list_id``, the kind
    of thing and its own id."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'monitor:{config.digest.list_id}:{kind}:{key}')}"


def rfc3339(value: str | None, config: Config) -> str | None:
    """A stored time as RFC 3339; a bare date as midnight in the configured timezone."""
    if not value:
        return None
    try:
        if len(value) == 10:
            day = datetime.fromisoformat(value)
            return day.replace(tzinfo=config.tz).isoformat()
        return parse_timestamp(value).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True)
class _Story:
    key: str  # the cluster's id, or the item's when it is in none
    row: dict  # the item that tells it
    first_seen: str
    also: tuple[str, ...]  # other outlets


def stories_from_items(rows: Sequence[dict]) -> list[_Story]:
    """Fold the newest relevant items into stories, newest story first: the cluster's primary
    item tells the story when it is among them, else its first item seen; the story counts
    from when its first report was seen."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row.get("cluster_id") or row["id"], []).append(row)
    stories = []
    for key, members in groups.items():
        members = sorted(members, key=lambda r: (r["fetched_at"], r["id"]))
        teller = next((r for r in members if r["id"] == members[0].get("primary_item")), members[0])
        name = _outlet(teller)
        also = tuple(dict.fromkeys(o for o in (_outlet(r) for r in members) if o != name))
        stories.append(_Story(key, teller, members[0]["fetched_at"], also))
    stories.sort(key=lambda s: (s.first_seen, s.key), reverse=True)
    return stories


def _outlet(row: dict) -> str:
    return row.get("outlet") or row["source"]


def story_entry(story: _Story, config: Config, db_path: str | Path) -> FeedEntry:
    from .digest import one_line, safe_url, summarize, topic_label

    row = story.row
    title = one_line(row["title"])
    summary = summarize(row.get("text") or "", row.get("summary") or "", title=title)
    archive = public.item_url(config.public_url, db_path, row["id"])
    article = safe_url(row["url"] or "")
    links = (Link(article or archive), Link(archive, "related", "In the monitor's archive", "text/html")) if article else (Link(archive),)
    labels = [(t, topic_label(config, t)) for t in row["topics"]]
    lang = row.get("lang") or ("ur" if is_urdu(title) else None)
    # the entry is in its story's language; the lines the monitor adds are English, and say so,
    # so that a reader does not set them right to left under an Urdu story
    english = "<p>" if lang in (None, "", "en") else '<p lang="en" dir="ltr">'
    parts = [f'<p dir="{"rtl" if lang == "ur" else "auto"}">{html.escape(summary)}</p>'] if summary else []
    parts.append(f"{english}{html.escape(_outlet(row))}" + (f", {html.escape(row['published'][:10])}" if row.get("published") else "") + "</p>")
    if story.also:
        parts.append(f"{english}Also reported by {html.escape(', '.join(story.also))}.</p>")
    if labels:
        parts.append(f"{english}Topics: {html.escape(', '.join(label for _, label in labels))}.</p>")
    return FeedEntry(
        id=urn(config, "story", story.key),
        title=xml_text(title),
        updated=rfc3339(story.first_seen, config) or _now(),
        published=rfc3339(row.get("published"), config),
        links=links,
        author=xml_text(_outlet(row)),
        summary=xml_text(summary),
        content=xml_text("\n".join(parts)),
        categories=tuple((t, xml_text(label)) for t, label in labels),
        lang=lang,
    )


# --------------------------------------------------------------------------- policy changes


def change_entry(version: dict, config: Config, db_path: str | Path) -> FeedEntry:
    """One change of a watched page: what was added and removed, the page, the full diff."""
    from .digest import safe_url, topic_label

    page = version.get("title") or version["source"]
    history = public.history_url(config.public_url, db_path, version["source"], version["version"])
    links = [Link(history, "related", "The full diff in the monitor's archive", "text/html")]
    page_url = safe_url(version["url"] or "")
    links.insert(0, Link(page_url or history))
    items = []
    for change in version["changes"][:MAX_CHANGE_LINES]:
        items.append(f"<li>{change_html(change)}</li>")
    more = len(version["changes"]) - MAX_CHANGE_LINES
    content = f"<p>{html.escape(version['source'])} changed: {html.escape(version['summary'] or '')}.</p><ul>{''.join(items)}</ul>"
    if more > 0:
        content += f"<p>{more} more changes in the full diff.</p>"
    labels = [(t, topic_label(config, t)) for t in version["topics"]]
    return FeedEntry(
        id=urn(config, "page-version", f"{version['source']}:{version['version']}:{version['hash']}"),
        title=xml_text(f"{page}: {version['summary']}"),
        updated=rfc3339(version["fetched_at"], config) or _now(),
        published=rfc3339(version["fetched_at"], config),
        links=tuple(links),
        author=xml_text(version["source"]),
        summary=xml_text(change_summary(version["changes"])),
        content=xml_text(content),
        categories=tuple((t, xml_text(label)) for t, label in labels),
    )


def change_html(change: dict) -> str:
    """One change as HTML: ``<ins>`` for what was added, ``<del>`` for what was removed."""
    op, text = change["op"], html.escape(change.get("text", ""))
    if op == "added":
        return f"Added: <ins>{text}</ins>"
    if op == "removed":
        return f"Removed: <del>{text}</del>"
    if op == "moved":
        return f"Moved: {text}"
    if op == "changed":
        words = "".join(html.escape(t) if k == "same" else (" " if t[:1].isspace() else "") + f"<{'del' if k == 'del' else 'ins'}>{html.escape(t.strip())}</{'del' if k == 'del' else 'ins'}>" for k, t in change.get("words", []))
        return f"Changed: {words}"
    url = html.escape(change.get("url") or "", quote=True)
    note = f" ({html.escape(change['note'])})" if change.get("note") else ""
    if op == "document":
        return f'New document: <a href="{url}">{text}</a>{note}'
    return f'Document link removed: <a href="{url}">{text}</a>'


#: Changes told in a policy entry's summary, the line a feed reader shows in its list.
SUMMARY_CHANGES = 3


def change_summary(changes: Sequence[dict]) -> str:
    """A policy entry's summary: its first changes in the digest's order (new documents first,
    then sentences added, removed and changed in page order, moves left out), each a sentence
    of its own, so that one without a full stop does not run into the next."""
    ordered = [c for c in changes if c["op"] == "document"] + [c for c in changes if c["op"] not in ("document", "moved")]
    return " ".join(_plain(c) for c in ordered[:SUMMARY_CHANGES])


def _plain(change: dict) -> str:
    op = {"added": "Added:", "removed": "Removed:", "changed": "Now:", "moved": "Moved:", "document": "New document:", "document_removed": "Document link removed:"}[change["op"]]
    text = " ".join((change.get("text") or "").split())
    return f"{op} {text}" + ("" if text[-1:] in ".!?؟۔…:;" else ".")


# --------------------------------------------------------------------------- feeds


def build_feeds(store: Store, config: Config, db_path: str | Path) -> list[Feed]:
    """Every feed (see :func:`feed_names`), from the archive."""
    from .digest import one_line, topic_label

    title = one_line(config.digest.title)
    feeds = [_feed(config, db_path, "stories", f"{title}: stories", "Relevant stories, one entry per story, newest first.", [story_entry(s, config, db_path) for s in stories_from_items(store.feed_items(ITEMS_READ))[:MAX_ENTRIES]])]
    for topic in TOPIC_IDS:
        label = topic_label(config, topic)
        stories = stories_from_items(store.feed_items(ITEMS_READ, topic))[:MAX_ENTRIES]
        feeds.append(_feed(config, db_path, f"topic-{topic}", f"{title}: {label}", f"Relevant stories on {label}, newest first.", [story_entry(s, config, db_path) for s in stories]))
    changes = [change_entry(v, config, db_path) for v in store.recent_page_changes(MAX_ENTRIES)]
    feeds.append(_feed(config, db_path, "policy", f"{title}: policy pages changed", "What changed on the watched policy pages (PTA, FBR, PSEB, MoITT...), newest first.", changes, alternate=public.archive_url(config.public_url, db_path, "page_versions")))
    # An empty feed was last updated when the newest entry of any feed was: a stable time,
    # so that an empty feed is not rewritten after every poll.
    newest = _newest(e.updated for feed in feeds for e in feed.entries)
    return [feed if feed.entries else replace(feed, updated=newest or _now()) for feed in feeds]


def _newest(times) -> str | None:
    return max(times, key=lambda t: parse_timestamp(t), default=None)


def _feed(config: Config, db_path: str | Path, name: str, title: str, subtitle: str, entries: list[FeedEntry], alternate: str | None = None) -> Feed:
    return Feed(
        name=name,
        id=urn(config, "feed", name),
        title=xml_text(title),
        subtitle=subtitle,
        updated=_newest(e.updated for e in entries) or "",
        links=(Link(public.feed_url(config.public_url, name), "self", type="application/atom+xml"), Link(alternate or public.archive_url(config.public_url, db_path), type="text/html")),
        author=xml_text(config.digest.title),
        entries=tuple(entries),
    )


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _environment() -> jinja2.Environment:
    from .digest import TEMPLATES

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render(feed: Feed) -> bytes:
    """The feed as an Atom document (UTF-8)."""
    text = _environment().get_template("feed.atom.j2").render(f=feed, generator={"uri": GENERATOR_URI, "version": __version__})
    return text.encode("utf-8")


def write_feeds(store: Store, config: Config, out_dir: str | Path | None = None) -> list[Path]:
    """Write every feed into ``out_dir`` (default: ``feeds/`` next to the archive); return
    the files written, those whose content changed."""
    out = Path(out_dir) if out_dir else public.feeds_dir(store.path)
    feeds = build_feeds(store, config, store.path)
    written = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for feed in feeds:
            path = out / f"{feed.name}.atom"
            if not feed.entries and path.is_file():  # still empty: the time it said stands, so it is not rewritten
                feed = replace(feed, updated=_updated_of(path) or feed.updated)
            body = render(feed)
            if path.is_file() and path.read_bytes() == body:
                continue
            written.append(write_atomically(path, body))  # readers see the old file or the new one, never half of one
    except OSError as e:
        raise cannot_write("the feeds", out, e) from None
    return written


_UPDATED = re.compile(rb"<updated>([^<]{1,64})</updated>")


def _updated_of(path: Path) -> str | None:
    """The ``updated`` time a feed file written earlier gives, if it has no entry."""
    try:
        body = path.read_bytes()
    except OSError:
        return None
    m = _UPDATED.search(body)
    return m.group(1).decode("ascii", "replace") if m and b"<entry" not in body else None


def write_after_poll(store: Store, config: Config) -> None:
    """Rewrite the feeds after a poll; a failure is logged and never fails the poll."""
    if store.path == ":memory:":
        return
    try:
        written = write_feeds(store, config)
    except MonitorError as e:  # a folder that cannot be written: said in a line, no traceback
        log.error("feeds: could not be written to %s: %s", public.feeds_dir(store.path), e)
        return
    except Exception:  # noqa: BLE001 - the poll's items are stored; the feeds can wait for the next
        log.exception("feeds: could not be written to %s", public.feeds_dir(store.path))
        return
    if written:
        log.info("feeds: %d rewritten in %s", len(written), public.feeds_dir(store.path))
