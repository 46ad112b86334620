"""Placing a new item in a story and its story in an event."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime, timedelta

from ._fingerprint import _canonical, _fingerprint, _lines_of, _scope
from ._params import (
    BOILERPLATE_STORIES,
    CANDIDATE_LIMIT,
    EVENT_FACT_DAYS,
    EVENT_HOURS,
    EVENT_KEY_SHARE,
    MIN_SHARED_KEYS,
    REASONS,
    STORY_KEY_SHARE,
)
from ._records import (
    Candidate,
    Cluster,
    DedupIndex,
    DedupInput,
    Event,
    Fingerprint,
    Indexed,
    Member,
    Placement,
)
from ._rules import _moment, _within, identity, reprint, same_event
from ._text import _key


def assign(item: DedupInput, index: DedupIndex, window_days: int = 7) -> str:
    """Put ``item`` in a story, and its story in an event, in ``index``; return the story id.

    An item seen before keeps its story, so re-running over the same items changes nothing;
    a new story's id is the id of its first item, a new event's the id of its first story.
    A new item joins the stories it is a copy of (the same article, through any member:
    they merge) and the stories whose representatives it is a reprint of. Those merge into
    the first only when their representatives are reprints of each other (the new item
    counts as a representative of a story it is the primary item of); otherwise it joins
    the one it matches most closely. Merged stories keep the id of the one founded first,
    and their events merge. A new story joins the event whose founding story's
    representatives, or whose reports found near it, report the same event
    (:func:`same_event`), if any.
    """
    known = index.get(item.id)
    if known is not None:
        return known.member.cluster
    canon = _canonical(item)
    lines = _lines_of(item, _scope(item, canon))
    line_keys = tuple(dict.fromkeys(line[0] for line in lines if line[0]))
    counts = index.line_counts(line_keys) if line_keys else {}
    boilerplate = {k for k in line_keys if counts.get(k, 0) >= BOILERPLATE_STORIES}
    new = _fingerprint(item, lines, boilerplate, canon)
    since, until = _window(new.published, window_days)
    copies_of = index.exact(new.exact_keys)
    cache: dict[str, Indexed | None] = {c.fingerprint.id: c for c in copies_of}
    found = [Candidate(c.member, 0, c.fingerprint.published) for c in copies_of]
    near = max(MIN_SHARED_KEYS, EVENT_KEY_SHARE * len(new.sample))  # an event's report shares as many keys
    found += index.candidates(new.sample, since, until, limit=CANDIDATE_LIMIT, min_shared=min(math.ceil(near), len(new.sample)))
    if item.facts:  # one shared figure is enough to look at (reports in another language share no text)
        found += index.candidates([_key("fact", f) for f in item.facts], *_window(new.published, EVENT_FACT_DAYS), limit=CANDIDATE_LIMIT)
    stories: dict[str, Cluster | None] = {}

    def story(cid: str) -> Cluster | None:
        if cid not in stories:
            stories[cid] = index.cluster(cid)
        return stories[cid]

    copies: dict[str, Member] = {}
    for old in copies_of:
        how = identity(new, old.fingerprint, window_days)
        cid = old.member.cluster
        if how and story(cid) is not None:
            m = Member(new.id, cid, how, 1.0)
            if cid not in copies or _strength(m) < _strength(copies[cid]):
                copies[cid] = m
    enough = max(MIN_SHARED_KEYS, STORY_KEY_SHARE * len(new.sample))
    reprints: dict[str, Member] = {}
    for cid in dict.fromkeys(c.member.cluster for c in found if c.shared >= enough or not c.shared):  # 0: a copy
        if cid in copies or story(cid) is None:
            continue
        score = _best_reprint(new, story(cid), index, cache, window_days)
        if score is not None:
            reprints[cid] = Member(new.id, cid, "text", round(score, 4))
    if not copies and not reprints:
        return _found_story(new, line_keys, found, index, cache, window_days)
    if copies:
        base = min(copies, key=lambda c: _founded(story(c)))
        together = list(copies)
    else:
        base = min(reprints.values(), key=lambda m: (-m.score, _founded(story(m.cluster)))).cluster
        together = [base]
    others = [cid for cid in reprints if cid != base]
    if others:  # do their representatives match the story this item joins, as it will be?
        probe = story(base)
        for cid in together:
            if cid != base:
                probe = _combine(probe, story(cid), index, cache)
        cache[new.id] = Indexed(new, Member(new.id, base, "first"))
        probe = _grow(probe, new, index, cache)
        together += [cid for cid in others if _stories_match(probe, story(cid), index, cache, window_days)]
        del cache[new.id]
    matched = {**reprints, **copies}
    survivor = story(min(together, key=lambda c: _founded(story(c))))
    absorbed = [c for c in sorted(together, key=lambda c: _founded(story(c))) if c != survivor.id]
    cluster = survivor
    for cid in absorbed:
        cluster = _combine(cluster, story(cid), index, cache)
    event: Event | None = None
    if absorbed:
        event = _event_of(survivor, index)
        gone: list[str] = []
        for cid in absorbed:
            other = _event_of(story(cid), index)
            if other.id != event.id and other.id not in gone:
                gone.append(other.id)
                event = replace(event, stories=event.stories + other.stories)
        event = replace(event, stories=event.stories - len(absorbed))
        cluster = replace(cluster, event=event.id)
        index.merge(cluster, absorbed, event, gone)
        event = None  # saved
    member = replace(min((matched[c] for c in together), key=_strength), cluster=survivor.id)
    index.add(Placement(new, member, _grow(cluster, new, index, cache), event, line_keys))
    return survivor.id


def _found_story(new: Fingerprint, line_keys: tuple[int, ...], found: list[Candidate], index: DedupIndex, cache: dict, window_days: int) -> str:
    """Found a new story for ``new`` and put it in the event it reports (the one it matches
    best: by shared figures first, then most closely, then nearest in time), or a new one."""
    outlets = (new.outlet,) if new.outlet else ()
    best: tuple | None = None
    reach = timedelta(days=EVENT_FACT_DAYS) if new.facts else timedelta(hours=EVENT_HOURS)
    close = [c for c in found if _within(new.published, c.published, reach)] if new.facts or new.full else []
    stories: dict[str, Cluster | None] = {}
    near: dict[str, list[str]] = {}  # event id: the close items of its stories
    for c in close:
        if c.member.cluster not in stories:
            stories[c.member.cluster] = index.cluster(c.member.cluster)
        story = stories[c.member.cluster]
        if story is not None:
            near.setdefault(story.event or story.id, []).append(c.member.item)
    for eid, items in near.items():
        founder = index.cluster(eid)
        if founder is None or not (_within(new.published, founder.first_seen, reach) or _within(new.published, founder.last_seen, reach)):
            continue
        # the founding story's representatives, and the event's reports found near the new
        # item: a report that follows the release a day later tells what one of the event's
        # later reports tells, not always what its first did
        reps = _representatives(founder, index, cache)
        for item_id in dict.fromkeys(items):
            if item_id not in cache:
                cache[item_id] = index.get(item_id)
            if cache[item_id] is not None and all(r.fingerprint.id != item_id for r in reps):
                reps.append(cache[item_id])
        for rep in reps:
            how = same_event(new, rep.fingerprint)
            if how:
                rank = (how[0] == "facts", how[1], -_distance(new.published, rep.fingerprint.published), eid)
                if best is None or rank > best[0]:
                    best = (rank, eid, how)
    story = Cluster(new.id, new.id, new.published, new.published, outlets, 1, new.id)
    event = index.event(best[1]) if best else None
    if best and event is not None:
        story = replace(story, event=event.id, event_reason=best[2][0], event_score=best[2][1])
        event = replace(event, stories=event.stories + 1)
    else:
        event = Event(new.id, new.published, 1)
    index.add(Placement(new, Member(new.id, new.id, "first"), story, event, line_keys))
    return new.id


def _distance(a: str | None, b: str | None) -> float:
    """Seconds between two times; undated items are far from everything."""
    if a is None or b is None:
        return float("inf")
    return abs((_moment(a) - _moment(b)).total_seconds())


def representatives(story: Cluster, index: DedupIndex) -> list[Indexed]:
    """The items a new report is compared with: the story's founding item and its primary
    item (the earliest of the most complete)."""
    return _representatives(story, index, {})


def _representatives(story: Cluster, index: DedupIndex, cache: dict[str, Indexed | None]) -> list[Indexed]:
    reps = []
    for item_id in dict.fromkeys((story.id, story.primary_item)):
        if item_id not in cache:
            cache[item_id] = index.get(item_id)
        if cache[item_id] is not None:
            reps.append(cache[item_id])
    return reps


def _best_reprint(new: Fingerprint, story: Cluster, index: DedupIndex, cache: dict, window_days: int) -> float | None:
    scores = [s for rep in _representatives(story, index, cache) if (s := reprint(new, rep.fingerprint, window_days)) is not None]
    return max(scores) if scores else None


def _stories_match(a: Cluster, b: Cluster, index: DedupIndex, cache: dict, window_days: int) -> bool:
    """Whether a representative of one story is a reprint of one of the other's."""
    return any(reprint(x.fingerprint, y.fingerprint, window_days) is not None for x in _representatives(a, index, cache) for y in _representatives(b, index, cache))


def _founded(story: Cluster) -> tuple:
    return (story.first_seen is None, story.first_seen or "", story.id)


def _strength(m: Member) -> tuple:
    return (REASONS.index(m.reason), -m.score, m.cluster)


def _window(published: str | None, window_days: int) -> tuple[str | None, str | None]:
    if published is None:
        return None, None
    moment, span = datetime.fromisoformat(published), timedelta(days=window_days)
    return (moment - span).isoformat(), (moment + span).isoformat()


def _event_of(cluster: Cluster, index: DedupIndex) -> Event:
    event = index.event(cluster.event) if cluster.event else None
    if event is None:  # a story stored before events: its own event
        event = Event(cluster.id, cluster.first_seen, 1)
    return event


def _get(item_id: str, index: DedupIndex, cache: dict[str, Indexed | None]) -> Indexed | None:
    if item_id not in cache:
        cache[item_id] = index.get(item_id)
    return cache[item_id]


def _grow(cluster: Cluster, new: Fingerprint, index: DedupIndex, cache: dict) -> Cluster:
    primary = _get(cluster.primary_item, index, cache)
    dates = [d for d in (cluster.first_seen, cluster.last_seen, new.published) if d]
    return replace(
        cluster,
        primary_item=new.id if primary is None or _rank(new) < _rank(primary.fingerprint) else cluster.primary_item,
        first_seen=min(dates, default=None),
        last_seen=max(dates, default=None),
        outlets=tuple(sorted(set(cluster.outlets) | ({new.outlet} if new.outlet else set()))),
        size=cluster.size + 1,
    )


def _combine(cluster: Cluster, other: Cluster, index: DedupIndex, cache: dict) -> Cluster:
    """``cluster`` with ``other``'s members: the better primary item, the wider span."""
    mine, theirs = _get(cluster.primary_item, index, cache), _get(other.primary_item, index, cache)
    takes_theirs = theirs is not None and (mine is None or _rank(theirs.fingerprint) < _rank(mine.fingerprint))
    dates = [d for d in (cluster.first_seen, cluster.last_seen, other.first_seen, other.last_seen) if d]
    return replace(
        cluster,
        primary_item=other.primary_item if takes_theirs else cluster.primary_item,
        first_seen=min(dates, default=None),
        last_seen=max(dates, default=None),
        outlets=tuple(sorted(set(cluster.outlets) | set(other.outlets))),
        size=cluster.size + other.size,
    )


def _rank(f: Fingerprint) -> tuple:
    """Primary item order: full text first, then the earliest, then the longest."""
    return (not f.full, f.published is None, f.published or "", -f.words, f.id)
