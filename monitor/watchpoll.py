"""One poll of a watched policy page (a source of kind ``watch``), as the poll cycle runs it.

The page has been fetched (:mod:`monitor.pipeline` records failed fetches before this is
called). Then:

1. :func:`monitor.watch.snapshot` reads its main text and document links; no text where it is
   looked for is the ``empty`` outcome, a failed fetch.
2. :func:`monitor.watch.judge` compares it with the newest stored version: ``unchanged`` and
   a ``held`` drastic change store no version (a held one is remembered in ``page_pending``
   and confirmed when the next poll sees the same text); a ``truncated`` page is a failed
   fetch; a first version, a new baseline after a change of settings, or a ``change`` is
   stored with its diff.
3. New document links (at most ``watch.max_documents`` a poll) are fetched and read
   (:mod:`monitor.documents`: PDFs within time, page and memory limits) and stored as items
   of the source, so relevance, topics and facts run on them as on any article, and search
   finds them.
4. The change itself (its added and changed sentences and new documents' titles, or the
   removed sentences when nothing was added) is analysed for relevance, topics and facts,
   which the digest uses to order the week's changes.

The version, the documents' items and facts, and the fetch record with the source's new
state (:func:`monitor.backoff.next_state`, read and written under the write lock as for any
source) are written in one transaction.
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Sequence

from . import analyze, backoff, canonical, documents, watch
from .errors import ExtractionError
from .models import Analysis, Article, Entry, Fact, FetchResult, Item, Source
from .store import item_id, utcnow

if TYPE_CHECKING:
    from .pipeline import SourceReport, _Cycle

log = logging.getLogger("monitor.watch")

#: Link texts that say nothing about the document; its own title is used instead.
_GENERIC_LINK = re.compile(r"^(?:download|click here|here|pdf|view|open|read more|more|details|link|file|\(?pdf\)?|download pdf|view pdf)[\s.:]*$", re.I)


async def poll_watched(cycle: "_Cycle", source: Source, result: FetchResult) -> "SourceReport":
    """Handle a successful fetch of a watched page (see the module docstring)."""
    from .pipeline import SourceReport

    settings = cycle.config.watch
    patterns = (*source.ignore, *settings.ignore)
    url = result.final_url or source.url
    fetched_at = result.started_at or utcnow()
    try:
        snap = await asyncio.to_thread(
            watch.snapshot,
            result.content,
            url,
            selector=source.selector,
            ignore=watch.compile_ignore(patterns),
            content_type=result.headers.get("content-type"),
            documents=source.documents,
            settings=watch.settings_key(source.selector, patterns, source.documents),
        )
    except ExtractionError as e:
        return cycle._fail(source, result, "empty" if e.reason == "empty" else "parse_error", e.detail or e.reason)
    store = cycle.store
    last = store.last_page_version(source.name)
    # A page whose source was renamed is the same page: compared with its last version under
    # the old name (read with the same settings), a change made meanwhile is not lost in a
    # new first version.
    earlier = None if last else store.last_page_version_elsewhere((source.url, url), not_of=[s.name for s in cycle.config.sources])
    if earlier and (earlier.get("settings") or "") != snap.settings:
        earlier = None
    pending = store.page_pending(source.name)
    compared = last or earlier
    verdict = watch.judge(_version(compared) if compared else None, snap, pending["hash"] if pending else None)
    if earlier and verdict.kind == "unchanged":  # the first version under the new name
        verdict = watch.Verdict("baseline", reason=f"first version under this name; the page as watched until now as '{earlier['source']}' (version {earlier['version']})", records=True)
    if verdict.kind == "login_page":  # never a version: the page's own text is not there
        return cycle._fail(source, result, "login_page", verdict.reason)
    if verdict.kind == "truncated":  # remembered: the same text at the next poll is how the page ends now
        with store.transaction():
            store.set_page_pending(source.name, snap.hash, fetched_at, verdict.reason)
            return cycle._fail(source, result, "truncated", verdict.reason)
    if not verdict.records:
        # a held change keeps no validators: the page is fetched whole next time, to confirm or not
        validators = {} if verdict.kind == "held" else {"etag": result.headers.get("etag"), "last_modified": result.headers.get("last-modified")}
        with store.transaction():
            if verdict.kind == "held":
                store.set_page_pending(source.name, snap.hash, fetched_at, verdict.reason)
            elif pending:
                store.clear_page_pending(source.name)
            cycle.record(source, replace(result, error=verdict.reason or None), backoff.Outcome("ok", **validators))
        if verdict.kind == "held":
            log.warning("%s: change held for confirmation: %s", source.name, verdict.reason, extra={"source": source.name})
        elif pending:
            log.info("%s: back to its last version; the held change is dropped", source.name, extra={"source": source.name})
        log.info("%s: ok, %s", source.name, verdict.kind, extra={"source": source.name})
        return SourceReport(source.name, "ok")

    changes = verdict.diff.changes if verdict.diff else ()
    new_documents = [c for c in changes if c.op == "document"]
    read = await _documents(cycle, source, new_documents[: settings.max_documents], fetched_at)
    analysis = await asyncio.to_thread(_analyse, cycle, source, snap, verdict)
    items = [found for _, _, found in read if found]
    notes = {change.url: (iid, note) for change, (iid, note), _ in read}
    for change in new_documents[settings.max_documents :]:
        notes[change.url] = (None, f"not read: more than {settings.max_documents} new documents in one poll")
    row = _version_row(source, snap, verdict, analysis, notes, url, fetched_at, cycle.week_of(None, fetched_at))
    with store.transaction():
        # Judged against the newest version read before the write lock: if another poller
        # (a manual poll beside the daemon's) stored a version of this page meanwhile, that
        # one stands and this poll stores none, so a change is never recorded twice.
        newest = store.last_page_version(source.name)
        raced = (newest or {}).get("version") != (last or {}).get("version")
        version = newest["version"] if raced and newest else store.save_page_version(row)[1]
        new_ids = store.save_items([item for item, _ in items], week_of=cycle.week_of)
        cycle._save_facts(items, set(new_ids))
        cycle._cluster(source, items, set(new_ids))
        store.clear_page_pending(source.name)
        changed = verdict.kind == "change" and not raced
        validators = {"etag": result.headers.get("etag"), "last_modified": result.headers.get("last-modified")}
        cycle.record(source, replace(result, error=None), backoff.Outcome("ok", new_items=len(new_ids) or int(changed), **validators), counted=len(new_ids))
    log.info("%s: %s, version %d: %s", source.name, verdict.kind, version, row["summary"], extra={"source": source.name})
    return SourceReport(source.name, "ok", new_items=len(new_ids), changed=changed)


def _version(row: dict) -> watch.Version:
    links = tuple(watch.Link(link["url"], link.get("text", "")) for link in row["links"])
    return watch.Version(row["text"], links, row.get("settings") or "", bool(row.get("complete", 1)))


# --------------------------------------------------------------------------- documents


async def _documents(cycle: "_Cycle", source: Source, changes: Sequence[watch.Change], fetched_at: str) -> list[tuple[watch.Change, tuple[str | None, str], tuple[Item, tuple[Fact, ...]] | None]]:
    """Fetch and read the new documents: each change with ``(item id, note)`` and the item
    with its facts (``None`` when the document is already in the archive or not kept)."""
    ids = {c.url: item_id(canonical.canonical_url(c.url)) for c in changes if c.url}
    known = cycle.store.known_ids(ids.values())
    limits = documents.DocumentLimits(seconds=cycle.config.watch.document_seconds, pages=cycle.config.watch.document_pages)

    async def one(change: watch.Change):
        iid = ids[change.url]
        if iid in known:
            return change, (iid, "already in the archive"), None
        fetched = await cycle.fetcher.fetch(change.url, kind="document")
        article, what = None, ""
        if not fetched.ok:
            extraction = f"fetch {fetched.outcome}: {fetched.error or ''}".strip()
            note = f"not read: {fetched.outcome}" + (f" ({fetched.error})" if fetched.error else "")
        else:
            try:
                article, what = await asyncio.to_thread(documents.read_document, fetched.content, url=fetched.final_url or change.url, content_type=fetched.headers.get("content-type"), limits=limits)
                extraction, note = "ok", what
            except ExtractionError as e:
                extraction = f"document {e.reason}: {e.detail}".strip(": ")
                note = f"not read: {e.detail or e.reason}"
        entry = Entry(source=source.name, url=change.url, title=document_title(change.text, article, change.url), published=fetched_at)
        found = await asyncio.to_thread(cycle._item, source, iid, entry, canonical.canonical_url(change.url), article, extraction, fetched_at)
        if found is None:
            note += "; not kept (not relevant)"
        return change, (iid if found else None, note), found

    return list(await asyncio.gather(*(one(c) for c in changes)))


def document_title(link_text: str, article: Article | None, url: str) -> str:
    """What to call a linked document: the link's text, unless it says nothing ("Download",
    "PDF"), then the document's own title, then its file name."""
    text = " ".join(link_text.split())
    if text and not _GENERIC_LINK.match(text) and len(text) >= 4:
        return text
    if article and article.title:
        return article.title
    return watch.file_name(url)


# --------------------------------------------------------------------------- the change itself


def _analyse(cycle: "_Cycle", source: Source, snap: watch.Snapshot, verdict: watch.Verdict) -> Analysis:
    """Relevance, topics and facts of what changed (of the whole page for a first version).

    Facts come only from text the page says now, never from removed sentences.
    """
    if verdict.diff is None:
        return analyze.analyze(snap.title, snap.text, rules=cycle.rules, hints=source.topics)
    new = [c.text for c in verdict.diff.changes if c.op in ("added", "changed", "document")]
    if new:
        return analyze.analyze(snap.title, "\n".join(new), rules=cycle.rules, hints=source.topics)
    gone = [c.text for c in verdict.diff.changes if c.op in ("removed", "document_removed")]
    return replace(analyze.analyze(snap.title, "\n".join(gone), rules=cycle.rules, hints=source.topics), facts=())


def _version_row(source: Source, snap: watch.Snapshot, verdict: watch.Verdict, analysis: Analysis, notes: dict, url: str, fetched_at: str, week: str) -> dict:
    diff = verdict.diff
    changes, lines = [], []
    for c in diff.changes if diff else ():
        record = c.to_dict()
        line = c.line()
        if c.op == "document":
            iid, note = notes.get(c.url, (None, ""))
            record.update({k: v for k, v in (("item", iid), ("note", note)) if v})
            line += f" ({note})" if note else ""
        record["line"] = line
        changes.append(record)
        lines.append(line)
    return {
        "source": source.name,
        "kind": verdict.kind,
        "url": url,
        "title": snap.title,
        "fetched_at": fetched_at,
        "week": week,
        "page_date": snap.page_date,
        "hash": snap.hash,
        "settings": snap.settings,
        "complete": int(snap.complete),
        "text": snap.text,
        "links": [asdict(link) for link in snap.links],
        "summary": diff.summary() if diff else verdict.reason,
        "added": diff.count("added") if diff else 0,
        "removed": diff.count("removed") if diff else 0,
        "changed": diff.count("changed") if diff else 0,
        "documents": diff.count("document") if diff else 0,
        "changes": changes,
        "diff": "\n".join(lines) if diff else None,
        "relevant": int(analysis.relevant),
        "score": analysis.score,
        "topics": list(analysis.topics),
        "rules": list(analysis.rules),
        "facts": [analyze.fact_record(f) for f in analysis.facts],
    }
