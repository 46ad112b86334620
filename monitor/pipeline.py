"""One poll cycle: fetch every due source, parse, extract, analyze, dedup and store.

Sources are fetched concurrently; each source's new items are written to the store as they
are read, :data:`STORE_BATCH` at a time, each batch in one transaction, so a crash or a kill
loses at most the batches in flight and never leaves half an item. A poll reads the article
pages of at most :data:`MAX_ARTICLES_PER_POLL` new items of one source, newest first; the
others wait in the archive for the next polls (nothing is dropped), so a feed with thousands
of new items never holds a poll for hours. A failing source is logged and recorded, and the
others carry on.

A source's kind says how it is read: a ``feed`` or a listing ``page`` gives news items; an
``sbp_ebops`` source is SBP's trade in services workbook, read by :mod:`monitor.sbp` into
official figures (a changed value stored as a revision, see :mod:`monitor.official`); a
``watch`` source is a policy page whose text is versioned with diffs, handled by
:mod:`monitor.watchpoll`. After the cycle the Atom feeds next to the archive are rewritten
(:mod:`monitor.feeds`).
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
import time
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, Callable, Sequence

from . import analyze, backoff, canonical, dedup, extract, feeds, listing, rejudge, sbp, watchpoll
from .config import Config
from .errors import ExtractionError
from .facts import canonical_period, period_end
from .fetch import Fetcher, http_date, retry_after_seconds, user_agent
from .models import NEWS_KINDS, Analysis, Article, Entry, Fact, FetchResult, Item, Source
from .parse import ParseError, parse_feed
from .privacy import redact_secrets
from .sbp import WorkbookError
from .store import SourceState, SqliteDedupIndex, Store, archive_error, item_id, utcnow
from .text import counted
from .weeks import in_timezone, iso_week, parse_timestamp

log = logging.getLogger("monitor.pipeline")

#: The article pages of at most this many new items of one source are fetched in one poll
#: (a feed with ``full_text``, a listing page): the newest first, the others are kept in the
#: archive (``pending_entries``) and taken, newest first, by the next polls.
MAX_ARTICLES_PER_POLL = 30
#: New items are stored this many at a time, each batch in one transaction: an interrupted
#: poll keeps the batches it stored, and a long source shows its progress batch by batch.
STORE_BATCH = 10
#: ... and this many at a time when no article page is read (``full_text: false``), as
#: analysing a teaser takes milliseconds (batches of 10 cost the first poll of 5,000 teasers
#: a fifth more; BENCHMARKS.md, "A huge feed's first poll").
TEASER_BATCH = 500
#: A publication date more than this after the fetch is the source's mistake (a feed dated
#: 2099): the item is dated when it was first fetched, so it reaches that week's digest and
#: does not keep its feed looking fresh for ever.
FUTURE_SLACK = timedelta(days=1)
#: What the fetcher is asked for, by source kind (a data file is not a page).
FETCH_KINDS = {"sbp_ebops": "file"}


@dataclass
class SourceReport:
    source: str
    outcome: str
    new_items: int = 0
    error: str | None = None
    backing_off: bool = False  # skipped because it failed before and is not due yet
    changed: bool = False  # a watched page changed


@dataclass
class PollSummary:
    reports: list[SourceReport] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> int:
        return sum(r.outcome == "ok" for r in self.reports)

    @property
    def not_modified(self) -> int:
        return sum(r.outcome == "not_modified" for r in self.reports)

    @property
    def failed(self) -> list[SourceReport]:
        return [r for r in self.reports if r.outcome not in ("ok", "not_modified", "skipped")]

    @property
    def new_items(self) -> int:
        return sum(r.new_items for r in self.reports)

    @property
    def skipped(self) -> int:
        return sum(r.outcome == "skipped" for r in self.reports)

    @property
    def outage(self) -> bool:
        """Whether every source is failing: each polled one failed now, and each skipped one
        is backing off after failures, whatever their kinds (feeds, pages, workbooks, watched
        pages). Sources that are fine but not due are no outage."""
        failed = {r.source for r in self.failed}
        return bool(self.reports) and all(r.source in failed or r.backing_off for r in self.reports)

    def outage_line(self) -> str:
        """What an outage looks like: how many failed now and how many are backing off."""
        backing_off = sum(r.backing_off for r in self.reports)
        return f"every source failing ({len(self.failed)} failed now, {backing_off} backing off): {self.line()}"

    @property
    def changed_pages(self) -> int:
        return sum(r.changed for r in self.reports)

    def line(self) -> str:
        skipped = f", {self.skipped} skipped (backing off or not due)" if self.skipped else ""
        changed = f", {counted(self.changed_pages, 'watched page')} changed" if self.changed_pages else ""
        return (
            f"{counted(len(self.reports), 'source')}: {self.ok} ok, {self.not_modified} not modified, "
            f"{len(self.failed)} failed{skipped}; {counted(self.new_items, 'new item')}{changed} in {self.seconds:.1f}s"
        )


Progress = Callable[[SourceReport], None]
#: Called as a source's new items are stored: ``(source name, items read, items to read this poll)``.
ArticleProgress = Callable[[str, int, int], None]


def poll(config: Config, store: Store, *, sources: Sequence[Source] | None = None, progress: Progress | None = None, fetcher: Fetcher | None = None, force: bool = False, article_progress: ArticleProgress | None = None) -> PollSummary:
    """Run one poll cycle over ``sources`` (default: every enabled source that is due).

    Sources named in ``sources``, or all with ``force``, are polled even when not due.
    ``progress`` is called as each source ends, ``article_progress`` as a source with more
    than one batch of new items stores each batch.
    """
    return asyncio.run(poll_async(config, store, sources=sources, progress=progress, fetcher=fetcher, force=force, article_progress=article_progress))


async def poll_async(config: Config, store: Store, *, sources: Sequence[Source] | None = None, progress: Progress | None = None, fetcher: Fetcher | None = None, force: bool = False, article_progress: ArticleProgress | None = None) -> PollSummary:
    t0 = time.monotonic()
    chosen = [s for s in (sources if sources is not None else config.sources) if s.enabled]
    store.sync_sources(chosen)
    store.set_timezone(config.timezone)  # the archive's current_week view follows it
    summary = PollSummary()
    if sources is None and not force:
        chosen = _skip_not_due(config, store, chosen, summary, progress)
    rules = config.rules()
    own = fetcher is None
    fetcher = fetcher or Fetcher(config.fetch, user_agent(config.user_agent_contact))
    try:
        cycle = _Cycle(config, store, fetcher, rules, article_progress)

        async def one(source: Source) -> None:
            try:
                report = await cycle.poll_source(source)
            except Exception as e:  # a bug in one source's handling must not stop the cycle
                if isinstance(e, sqlite3.Error) and archive_error(store.path, e) is not None:
                    raise  # the archive cannot be written (locked, read-only, full): no source's fault
                log.exception("%s: unexpected error", source.name, extra={"source": source.name})
                report = SourceReport(source.name, "error", error=f"{type(e).__name__}: {e}")
                cycle.record(source, FetchResult(source.url, "error", error=report.error, started_at=utcnow()), backoff.Outcome("error", error=report.error))
            summary.reports.append(report)
            if progress:
                progress(report)

        tasks = [asyncio.ensure_future(one(s)) for s in chosen]
        try:
            await asyncio.gather(*tasks)
        except BaseException:
            # the archive cannot be written (or the poll was stopped): the sources still
            # waiting or fetching stop here, before the connections close under them, so
            # that none is sent a request on a closed client and recorded as failing for it
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
    finally:
        if own:
            await fetcher.__aexit__(None, None, None)
    feeds.write_after_poll(store, config)
    summary.seconds = time.monotonic() - t0
    return summary


# --------------------------------------------------------------------------- which sources are due


def poll_tick(config: Config) -> int:
    """Minutes between scheduled polls: the global interval, or a source's shorter one."""
    return min([config.schedule.poll_every] + [s.interval for s in config.sources if s.enabled and s.interval])


def is_due(source: Source, state: SourceState | None, poll_every: int, now: datetime, tick: int | None = None) -> bool:
    """Whether a scheduled poll at ``now`` should fetch ``source``.

    Polls run every ``tick`` minutes (``poll_every`` unless a source asks for less). A healthy
    source on the global schedule is due at every poll when polls follow that schedule. A
    failing one (backing off), one with its own ``interval``, or any source when polls run
    more often than the global schedule, is due in the poll nearest its ``next_attempt``: when
    that is less than half a tick away.
    """
    tick = tick or poll_every
    if state is None or not state.next_attempt:
        return True
    if not state.consecutive_failures and not source.interval and tick >= poll_every:
        return True
    return parse_timestamp(state.next_attempt) - now < timedelta(minutes=tick / 2)


def _skip_not_due(config: Config, store: Store, sources: Sequence[Source], summary: PollSummary, progress: Progress | None) -> list[Source]:
    """The sources to poll now; the others are reported as ``skipped`` without a request."""
    states = store.source_states()
    now = datetime.now(timezone.utc)
    tick = poll_tick(config)
    due = []
    for source in sources:
        state = states.get(source.name)
        if is_due(source, state, config.schedule.poll_every, now, tick):
            due.append(source)
            continue
        why = f"backing off after {counted(state.consecutive_failures, 'failure')}" if state.consecutive_failures else "not due"
        when = parse_timestamp(state.next_attempt).astimezone(config.tz).strftime("%Y-%m-%d %H:%M %Z")
        report = SourceReport(source.name, "skipped", error=f"{why}; next attempt {when}", backing_off=bool(state.consecutive_failures))
        log.info("%s: skipped: %s", source.name, report.error, extra={"source": source.name})
        summary.reports.append(report)
        if progress:
            progress(report)
    return due


class _Cycle:
    def __init__(self, config: Config, store: Store, fetcher: Fetcher, rules: "analyze.Rules", article_progress: ArticleProgress | None = None):
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.rules = rules
        self.article_progress = article_progress
        self.stories = SqliteDedupIndex(store.db)

    # -- state -------------------------------------------------------------

    def record(self, source: Source, result: FetchResult, outcome: backoff.Outcome, *, counted: int | None = None, also: dict[str, Any] | None = None) -> None:
        """Record a fetch and move the source's state on (:func:`monitor.backoff.next_state`),
        for a source of any kind.

        The prior state is read in the same write transaction, so a concurrent poll of the
        same source (a manual ``monitor poll`` beside the daemon's) is never lost. The fetch
        row counts ``counted`` new items (default: the outcome's); ``also`` holds more
        source columns to set with the state (a feed's ``newest_entry``).
        """
        with self.store.transaction():
            prior = self.store.source_state(source.name)
            state = backoff.next_state(
                backoff.State.of(prior) if prior else None,
                outcome,
                datetime.now(timezone.utc),
                interval=source.interval or self.config.schedule.poll_every,
                cap=self.config.fetch.backoff_cap_hours * 60,
            )
            new_items = outcome.new_items if counted is None else counted
            if result.status is not None:  # the server answered: whether the address has moved is known
                also = {**(also or {}), "moved_to": result.moved_to}
                # (compared as the archive keeps it: without the login a redirect carries over
                # from the source's address, else a source with one "moved" at every poll)
                if result.moved_to and redact_secrets(result.moved_to) != (prior.moved_to if prior else None):
                    log.warning("%s: %s has moved for good to %s (a permanent redirect): put the new address in %s", source.name, source.url, result.moved_to, self.config.path or "sources.yaml", extra={"source": source.name})
            self.store.record_fetch(source.name, result, new_items=new_items, state={**asdict(state), **(also or {})})

    # -- one source ----------------------------------------------------------

    async def poll_source(self, source: Source) -> SourceReport:
        prior = self.store.source_state(source.name)
        result = await self.fetcher.fetch(
            source.url,
            etag=prior.etag if prior else None,
            last_modified=prior.last_modified if prior else None,
            kind=FETCH_KINDS.get(source.kind, source.kind),
        )
        if result.outcome == "not_modified":
            if source.kind in NEWS_KINDS:  # unchanged; the items an earlier poll left are taken now
                return await self._store_news(source, result, None)
            self.record(source, result, backoff.Outcome("not_modified"))
            return SourceReport(source.name, "not_modified")
        if not result.ok:
            return self._fail(source, result, result.outcome, result.error)
        if source.kind == "sbp_ebops":
            return await self._poll_official(source, result)
        if source.kind == "watch":  # a policy page whose text is tracked
            return await watchpoll.poll_watched(self, source, result)
        try:
            if source.kind == "feed":
                # Parsing, extraction and analysis run in a worker thread, so the event loop
                # keeps the other sources' requests going meanwhile.
                entries = await asyncio.to_thread(parse_feed, result.content, source=source.name, url=result.final_url or source.url, headers=result.headers, tz=self.config.tz)
                entries = self._not_ahead(source, entries, result.started_at or utcnow())
            else:
                entries = self._listing_entries(source, result, prior.listing_links if prior else None)
        except ParseError as e:
            return self._fail(source, result, e.reason, e.detail)
        return await self._store_news(source, result, entries)

    async def _store_news(self, source: Source, result: FetchResult, entries: Sequence[Entry] | None) -> SourceReport:
        """Read and store the new items of a feed or listing page (``entries``; ``None`` when
        it answered 304), with those an earlier poll left for later, at most
        :data:`MAX_ARTICLES_PER_POLL` articles; then record the fetch, and what is left.
        A 304 from a source with nothing left from before is only recorded."""
        pending = self.store.pending_entries(source.name)
        if entries is None and not pending:
            self.record(source, result, backoff.Outcome("not_modified"))
            log.info("%s: not modified", source.name, extra={"source": source.name})
            return SourceReport(source.name, "not_modified")
        taken, left = self._take(source, entries or (), pending)
        stored = await self._read_and_store(source, taken)
        with self.store.transaction():
            if left or pending:  # none before and none now: nothing to rewrite
                self.store.set_pending_entries(source.name, [{"id": i, "entry": asdict(e)} for i, e, _ in left])
            if entries is None:
                self.record(source, result, backoff.Outcome("not_modified", new_items=stored))
            else:
                validators = {"etag": result.headers.get("etag"), "last_modified": result.headers.get("last-modified")}
                if source.kind == "feed":
                    also = {"newest_entry": max((e.published for e in entries if e.published), default=None)}
                else:  # a listing page: how many links it gave, to tell when it gives none
                    also = {"listing_links": len(entries)}
                self.record(source, result, backoff.Outcome("ok", new_items=stored, **validators), also=also)
        later = f", {len(left)} left for the next polls" if left else ""
        if entries is None:
            log.info("%s: not modified, %d new of those left before%s", source.name, stored, later, extra={"source": source.name})
            return SourceReport(source.name, "not_modified", new_items=stored)
        log.info("%s: ok, %d entries, %d new%s", source.name, len(entries), stored, later, extra={"source": source.name})
        return SourceReport(source.name, "ok", new_items=stored)

    async def _poll_official(self, source: Source, result: FetchResult) -> SourceReport:
        """Read an official file into figures and store them; the new ones and revisions
        count as the source's new items. A file that is not the workbook, or whose layout
        changed, fails the source with its named outcome and stores nothing."""
        fetched_at = result.started_at or utcnow()
        try:
            facts = await asyncio.to_thread(
                sbp.read_ebops,
                result.content,
                url=result.final_url or source.url,
                fetched_at=fetched_at,
                published=_last_modified(result.headers.get("last-modified")),
                content_type=result.headers.get("content-type"),
            )
        except WorkbookError as e:
            return self._fail(source, result, e.reason, e.detail)
        with self.store.transaction():
            saved = self.store.save_official_facts(facts, source=source.name)
            changed = len(saved["new"]) + len(saved["revises"])
            validators = {"etag": result.headers.get("etag"), "last_modified": result.headers.get("last-modified")}
            self.record(source, result, backoff.Outcome("ok", new_items=changed, **validators), also={"newest_entry": sbp.newest_period_end(facts)})
        for fact, old in saved["revises"]:
            log.info("%s: %s %s revised from %g (%s) to %g (%s)", source.name, fact.series, fact.period, old["value"], old["status"] or "unmarked", fact.value, fact.status or "unmarked", extra={"source": source.name})
        log.info("%s: ok, %d figures, %d new, %d revised", source.name, len(facts), len(saved["new"]), len(saved["revises"]), extra={"source": source.name})
        return SourceReport(source.name, "ok", new_items=changed)

    def _fail(self, source: Source, result: FetchResult, outcome: str, error: str | None) -> SourceReport:
        result = replace(result, outcome=outcome, error=error)
        self.record(source, result, backoff.Outcome(outcome, error=error, retry_after=retry_after_seconds(result.headers.get("retry-after"))))
        log.warning("%s: %s: %s", source.name, outcome, error, extra={"source": source.name, "outcome": outcome})
        return SourceReport(source.name, outcome, error=error)

    def week_of(self, published: str | None, fetched_at: str) -> str:
        return iso_week(published or fetched_at, self.config.tz)

    def _listing_entries(self, source: Source, result: FetchResult, before: int | None) -> list[Entry]:
        """The article links of a listing page as entries; a page that gave ``before`` links
        at its last good fetch and gives none now raises ``layout_changed``
        (:func:`monitor.listing.layout_problem`), and one that never gave any ``parse_error``
        (:func:`monitor.listing.no_links_problem`)."""
        base = result.final_url or source.url
        if wrong := listing.not_a_listing(result.content, result.headers.get("content-type")):
            raise ParseError("parse_error", wrong)
        links = listing.discover_links(result.content, base)
        problem = listing.layout_problem(len(links), before)
        if problem:
            raise ParseError("layout_changed", problem)
        if not links:  # none now and none before: a page that cannot give an item as configured
            raise ParseError("parse_error", listing.no_links_problem(result.content, base))
        return [Entry(source=source.name, url=u) for u in links]

    # -- items ----------------------------------------------------------------

    def _not_ahead(self, source: Source, entries: Sequence[Entry], fetched_at: str) -> list[Entry]:
        """``entries`` with each date more than :data:`FUTURE_SLACK` after ``fetched_at`` put
        back (:func:`not_ahead`): to when the item was first fetched, as stored, or to
        ``fetched_at`` for a new one. The new ones are logged with the source's name."""
        ids = {i: item_id(canonical.canonical_url(e.url) if e.url else "", e.guid) for i, e in enumerate(entries) if not_ahead(e.published, fetched_at) != e.published}
        stored = self.store.published_dates(set(ids.values())) if ids else {}  # one lookup for them all
        out: list[Entry] = []
        ahead: list[Entry] = []
        for i, e in enumerate(entries):
            if i not in ids:
                out.append(e)
                continue
            if ids[i] not in stored:
                ahead.append(e)
            out.append(replace(e, published=stored.get(ids[i]) or fetched_at))
        if ahead:
            first = ahead[0]
            log.warning(
                "%s: %s dated more than a day after the fetch (%r is dated %s): dated when fetched instead",
                source.name, counted(len(ahead), "new item"), first.title or first.url, first.published, extra={"source": source.name},
            )  # fmt: skip
        return out

    def _take(self, source: Source, entries: Sequence[Entry], pending: Sequence[dict]) -> tuple[list[tuple[str, Entry, str]], list[tuple[str, Entry, str]]]:
        """The new entries to read now and those left for a later poll, each as ``(item id,
        entry, canonical URL)``: the entries given and those an earlier poll left
        (``pending``, :meth:`Store.pending_entries`), less those
        in the archive already; when their articles are fetched, the newest
        :data:`MAX_ARTICLES_PER_POLL` (:func:`newest_first`) now and the rest later. Which are
        new is looked up here to spare fetching and analysing known ones;
        :meth:`Store.save_items` decides again under the write lock."""
        by_id: dict[str, tuple[Entry, str]] = {}
        for e in entries:
            canon = canonical.canonical_url(e.url) if e.url else ""
            by_id.setdefault(item_id(canon, e.guid), (e, canon))
        for row in pending:
            entry = _entry(row["entry"])
            by_id.setdefault(row["id"], (entry, canonical.canonical_url(entry.url) if entry.url else ""))
        known = self.store.known_ids(by_id)
        fresh = [(i, e, c) for i, (e, c) in by_id.items() if i not in known]
        if not _wants_text(source):
            return fresh, []
        fresh = newest_first(fresh)
        return fresh[:MAX_ARTICLES_PER_POLL], fresh[MAX_ARTICLES_PER_POLL:]

    async def _read_and_store(self, source: Source, fresh: Sequence[tuple[str, Entry, str]]) -> int:
        """Fetch the articles of ``fresh`` (all requested at once, within the fetcher's
        limits), analyse them and store them :data:`STORE_BATCH` at a time in the order
        given (:data:`TEASER_BATCH` when no article is read), each batch in one transaction:
        an item, its facts and its story land together or not at all. Returns how many were
        new."""
        tasks = [asyncio.ensure_future(self._article(e)) for _, e, _ in fresh] if _wants_text(source) else []
        size = STORE_BATCH if tasks else TEASER_BATCH
        stored = 0
        try:
            for start in range(0, len(fresh), size):
                batch = fresh[start : start + size]
                articles = await asyncio.gather(*tasks[start : start + size]) if tasks else [(None, "skipped")] * len(batch)
                analysed = await asyncio.to_thread(self._analyse, source, batch, articles, utcnow())
                # Which items are new is decided inside the transaction, so of two pollers
                # storing the same items at once, the second finds them stored and counts none.
                with self.store.transaction():
                    new_ids = set(self.store.save_items([item for item, _ in analysed], week_of=self.week_of))
                    self._save_facts(analysed, new_ids)
                    self._cluster(source, analysed, new_ids)
                    self._editor_verdicts(new_ids)
                stored += len(new_ids)
                if len(fresh) > size:
                    done = start + len(batch)
                    log.info("%s: %d of %d new items read and stored", source.name, done, len(fresh), extra={"source": source.name})
                    if self.article_progress:
                        self.article_progress(source.name, done, len(fresh))
        finally:
            for task in tasks:  # an interrupted poll: the fetches not awaited stop here
                task.cancel()
        return stored

    def _analyse(self, source: Source, fresh: Sequence[tuple[str, Entry, str]], articles: Sequence[tuple[Article | None, str]], fetched_at: str) -> list[tuple[Item, tuple[Fact, ...]]]:
        """The new entries with their articles as items with their facts (no store access)."""
        items = []
        for (iid, entry, canon), (article, extraction) in zip(fresh, articles):
            analysed = self._item(source, iid, entry, canon, article, extraction, fetched_at)
            if analysed is not None:
                items.append(analysed)
        return items

    async def _article(self, entry: Entry) -> tuple[Article | None, str]:
        result = await self.fetcher.fetch(entry.url, kind="article")
        if not result.ok:
            return None, f"fetch {result.outcome}: {result.error or ''}".strip()
        try:
            return await asyncio.to_thread(extract.extract, result.content, url=result.final_url or entry.url, content_type=result.headers.get("content-type")), "ok"
        except ExtractionError as e:
            return None, f"extract {e.reason}"

    def _item(self, source: Source, iid: str, entry: Entry, canon: str, article: Article | None, extraction: str, fetched_at: str) -> tuple[Item, tuple[Fact, ...]] | None:
        title = entry.title or (article.title if article else "") or ""
        if not title:
            log.info("%s: skipped %s: no title", source.name, entry.url, extra={"source": source.name})
            return None
        text = article.text if article else ""
        published = entry.published or (article.published if article else None)
        # the figures' months are read on the day the article is dated where it is read ("in
        # September" in an article of 1 September, 00:30 in Pakistan, is this September)
        result: Analysis = analyze.analyze(title, text or entry.summary, rules=self.rules, published=in_timezone(published, self.config.tz), hints=source.topics)
        if not result.relevant and not self.config.keep_irrelevant:
            return None
        if article and article.url:  # after redirects: a Google News link becomes the outlet's URL
            canon = canonical.canonical_url(article.url)
        item = Item(
            id=iid,
            source=source.name,
            url=entry.url,
            canonical_url=canon,
            title=title,
            summary=entry.summary or _teaser(text),
            text=text,
            published=_normalise_date(published, self.config.tz),
            fetched_at=fetched_at,
            author=entry.author or (article.author if article else None),
            lang=(article.lang if article else None) or source.language,
            guid=entry.guid,
            topics=result.topics,
            relevant=result.relevant,
            score=result.score,
            rules=result.rules,
            extraction=extraction,
        )
        return item, result.facts if result.relevant else result.asides

    def _cluster(self, source: Source, analysed: Sequence[tuple[Item, tuple[Fact, ...]]], new_ids: set[str]) -> None:
        """Put each new item into its story and event (see :mod:`monitor.dedup`)."""
        for item, facts in analysed:
            if item.id in new_ids:
                dedup.assign(dedup_input(item, facts, aggregated=source.aggregator), self.stories, self.config.dedup_window_days)

    def _editor_verdicts(self, new_ids: set[str]) -> None:
        """New items that joined a story the editor gave a verdict on (``monitor correct
        story``) take it: a reprint of a story taken out stays out."""
        if verdicts := self.store.story_verdicts(new_ids):
            rejudge.judge_again(self.config, self.store, sorted(verdicts), rules=self.rules)

    def _save_facts(self, analysed: Sequence[tuple[Item, tuple[Fact, ...]]], new_ids: set[str]) -> None:
        rows = []
        for item, facts in analysed:
            if item.id not in new_ids or not item.relevant:
                continue  # (an item not relevant brings its figures to deduplication only)
            for f in facts:
                rows.append(
                    {
                        "series": f.series,
                        "period": f.period,
                        "value": f.value,
                        "unit": f.unit,
                        "basis": f.basis,
                        "quote": f.quote,
                        "item": item.id,
                        "source": item.source,
                        "published": item.published,
                        "found_at": item.fetched_at,
                    }
                )
        self.store.save_facts(rows)


def dedup_input(item: Item, facts: Sequence[Fact] = (), *, aggregated: bool = False) -> dedup.DedupInput:
    """What deduplication is told about a stored item and the figures found in it: its
    text (else its feed summary, judged by its length), the fetch time when it has no date,
    and the figures that are its news (:func:`news_facts`) as fact keys, so that reports of
    one data release form one event; and, when its lead gives figures of its own but none is
    news (a roundup led by car sales), its other dated figures as ``mentions``: a release it
    gives below such a lead is carried as a brief (a report whose lead gives no figure at
    all, "The State Bank released its data on Monday ...", is not a roundup). An item judged
    not relevant has no news, whatever its figures: they can only be such mentions."""
    document = f"{item.title}\n{item.text or item.summary}"
    news = news_facts(facts, item.published or item.fetched_at, document) if item.relevant else ()
    mentions = {fact_key(f) for f in facts if f.series != "other" and f.period} - set(news) if not news and _LEAD_FIGURE.search(_lead(document)) else set()
    return dedup.DedupInput(
        id=item.id,
        title=item.title,
        text=item.text or item.summary,
        url=item.url,
        canonical_url=item.canonical_url,
        guid=item.guid,
        source=item.source,
        published=item.published or item.fetched_at,
        lang=item.lang,
        aggregated=aggregated,
        complete=True if item.text else None,  # a feed's summary: judged by its length
        facts=news,
        mentions=tuple(sorted(mentions)),
    )


#: A number that is not a year ("38pc", "9,870 units"; not "Budget 2025-26").
_LEAD_FIGURE = re.compile(r"(?<![\w.,-])(?!(?:19|20)\d\d(?:-\d\d)?(?![\d.,]))\d")
#: A figure is news when its period ended at most this many days before the report: data
#: for a month or a year are released within weeks, the Economic Survey's nine months
#: within three; a figure for an older period is background.
NEWS_DAYS = 100
#: ... and when the report leads with it: it is quoted in the title or the text's first
#: characters (two or three sentences), not further down as context.
NEWS_LEAD_CHARS = 500


def news_facts(facts: Sequence[Fact], published: str | None, document: str = "") -> tuple[str, ...]:
    """The keys (:func:`fact_key`) of the figures that are a report's news: those of a named
    series (not ``other``) for the latest period the report leads with, when that period
    ended at most :data:`NEWS_DAYS` before it was published. The report leads with the
    figures quoted in the lead of ``document`` (the title, a newline and the text the facts
    were found in), when given; its other figures of the same kind (:func:`_family`) and of
    periods ending on that day are news of the same release (a month's IT exports and the
    fiscal year's to date, whichever a desk leads with; not the VPN count of that month
    that a story on IT exports gives lower down)."""
    lead = _lead(document) if document else ""
    ends = {f: period_end(canonical_period(f.period)) for f in facts if f.series != "other"}
    led = [(f, e) for f, e in ends.items() if e and (not lead or f.quote in lead)]
    latest = max((e for _, e in led), default=None)
    day = (published or "")[:10]
    if latest is None or not day:
        return ()
    if (date.fromisoformat(day) - latest).days > NEWS_DAYS:
        return ()
    kinds = {_family(f.series) for f, e in led if e == latest}
    return tuple(sorted({fact_key(f) for f, end in ends.items() if end == latest and _family(f.series) in kinds}))


def _lead(document: str) -> str:
    """The title and the first :data:`NEWS_LEAD_CHARS` characters of the text of ``document``
    (the title, a newline and the text), up to the heading of another item when the text is a
    digest of briefs, each under a short headline of its own ("خبریں مختصراً", "News in brief")."""
    start = document.find("\n") + 1
    lead = document[: start + NEWS_LEAD_CHARS]
    lines = document[start : start + NEWS_LEAD_CHARS].split("\n")
    seen = 0
    for n, line in enumerate(lines):
        if seen >= _BRIEF_MIN_CHARS and _BRIEF_HEADING.fullmatch(line.strip()) and n + 1 < len(lines):
            return document[: start + sum(len(x) + 1 for x in lines[:n])]
        seen += len(line.strip())
    return lead


#: A line that heads a brief in a digest: short, with no full stop or other end of a sentence,
#: after a brief of at least this many characters (not a standfirst or a section tag before
#: the first paragraph, "اداریہ" above an editorial's own headline).
_BRIEF_HEADING = re.compile(r"[^.۔!?؟:\n]{8,90}")
_BRIEF_MIN_CHARS = 120


def _family(series: str) -> str:
    """The kind of figure a series is: ``it`` for the monthly, cumulative and annual IT
    exports, ``freelancer`` for freelancers' earnings and counts, and so on."""
    return series.split("_")[0]


def fact_key(fact: Fact) -> str:
    """One dated figure as deduplication compares it: ``series|period|value|unit``, the
    value to three significant digits, and for a growth rate ``|basis`` too: a rate against
    a year before and one against the month before are different figures (one of unknown
    basis is told apart from both, so that it never joins a report of the other)."""
    key = f"{fact.series}|{canonical_period(fact.period)}|{float(f'{fact.value:.3g}'):g}|{fact.unit}"
    return f"{key}|{fact.basis}" if fact.basis else key


def not_ahead(published: str | None, fetched_at: str, slack: timedelta = FUTURE_SLACK) -> str | None:
    """``published`` (ISO 8601, a bare date or a time), or ``fetched_at`` when it is more than
    ``slack`` after ``fetched_at``: a date the source got wrong."""
    when = _moment(published)
    if when is None or when <= parse_timestamp(fetched_at) + slack:
        return published
    return fetched_at


def newest_first(fresh: Sequence[tuple[str, Entry, str]]) -> list[tuple[str, Entry, str]]:
    """New entries in the order their articles are read: dated ones newest first, then the
    undated ones in the order given (a listing page's links, as the page orders them, before
    those an earlier poll left)."""
    moments = [_moment(f[1].published) for f in fresh]  # each date parsed once
    dated = sorted((i for i, m in enumerate(moments) if m), key=lambda i: moments[i], reverse=True)  # stable: ties keep their order
    return [fresh[i] for i in dated] + [f for f, m in zip(fresh, moments) if not m]


def _moment(published: str | None) -> datetime | None:
    """An entry's date as an aware UTC datetime, or ``None`` when it has none or it is unreadable."""
    if not published:
        return None
    try:
        return parse_timestamp(published).astimezone(timezone.utc)
    except ValueError:
        return None


def _wants_text(source: Source) -> bool:
    """Whether a news source's items are read from their article pages."""
    return source.full_text or source.kind == "page"


def _entry(fields: dict[str, Any]) -> Entry:
    """An entry kept in ``pending_entries`` (:func:`dataclasses.asdict` of it), back as one."""
    return Entry(**{k: v for k, v in fields.items() if k in Entry.__dataclass_fields__})


def _teaser(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit].rsplit(" ", 1)[0] + "…"


def _last_modified(value: str | None) -> str | None:
    """A Last-Modified header as UTC ISO 8601, or ``None`` when absent or unreadable."""
    when = http_date(value)
    return when.isoformat() if when else None


def _normalise_date(value: str | None, tz: tzinfo = timezone.utc) -> str | None:
    """Dates become UTC ISO 8601; a bare date stays a date; a time without an offset (an
    article page that gives none) is read in ``tz``, the configured timezone."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:
        return dt.date().isoformat()
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tz)
    return dt.astimezone(timezone.utc).isoformat()
