"""The weekly digest: what one ISO week brought, as HTML and plain text.

:func:`build_digest` reads the store and returns a :class:`Digest` record:

* a header with the week, the counts of stories and sources and the three most important
  stories (reported by the most outlets, then the most relevant);
* **official figures** (:func:`build_official`): SBP's newest month and fiscal year to date
  of IT & ITeS exports and of freelance earnings as known by the week's end, each with its
  change against the month before and a year earlier, and the values SBP revised that week;
* **figures**: the facts found in the week's items, one row per series, period and value,
  each with its change against the previous period of the same series (the month before
  for a monthly figure, the same span a year earlier for the others), the first outlet that
  reported it, the quoted sentence, and whether it agrees with SBP's value for that period
  (or what SBP says); plus a trend of the monthly IT exports over the last
  :data:`TREND_MONTHS` months, drawn from SBP's figures, with the news's figures only for
  months the archive has no official figure for;
* **policy pages changed this week**: what the week's changes of watched pages added and
  removed, with links to the page and the full diff (:mod:`monitor.digest_policy`); in a
  week without a change, how many pages were checked (a page no fetch reached may have
  changed unseen);
* the stories grouped by topic in the order of ``sources.yaml``, most important first, each
  with a two-to-three sentence summary taken from the extracted text, the other outlets
  that ran it ("also reported by") and the outlets that reported the same event in stories
  of their own ("more coverage"): one entry per event; only the first ``digest.full_stories``
  of each topic are told so, the others are headlines with their outlet, day and link, and
  the header then says how many stories the week had (:attr:`Digest.busy_note`);
* **late from earlier weeks**: relevant items of the :data:`LATE_WEEKS` weeks before, stored
  after their own week's digest went out (published late on Sunday and fetched on Monday, a
  source that was backing off), one entry per event as well; see :func:`build_late`;
* **corrections**: each correction the editor made, since a digest that went out gave it,
  of a figure or story that digest gave (what it said, what it says now, why), told by the
  next digest sent and by no other (``corrections.told_in``), and a told correction the
  editor undid since, as withdrawn (``corrections.undo_told_in``);
* **source health**: the sources that failed all week, have gone silent, or are stale (a feed
  whose newest item, or a workbook whose newest month, is older than its ``stale_days``).

Every relevant item reaches one digest at most (``digest_items``): its week's, when it was
stored before that digest was sent, else the next one sent, as a late story. A late report of
a story that a digest already told is counted as carried but not told again.

The renderers turn the record into text with the jinja2 templates in ``templates/`` (an
installed wheel carries a copy, see :mod:`monitor.resources`; autoescape on for HTML). The HTML is written for email clients: tables, inline styles only,
no script, no image, absolute links. :func:`fit_html` keeps it under :data:`MAX_HTML_BYTES`.
"""

from __future__ import annotations

import logging
import math
import re
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import jinja2

from .config import TOPIC_IDS, Config
from .corrections import corrected_reading
from .errors import cannot_write
from .files import write_atomically
from .digest_policy import PolicyChange, build_policy_changes, segments_text
from .facts import BASIS_LABELS, canonical_period, period_end, shift_period
from .models import NEWS_KINDS
from .official import agrees, growth_agrees
from .privacy import without_login
from .resources import templates_dir
from .status import stale_detail
from .store import Store
from .text import counted, is_urdu, split_sentences
from .weeks import check_week, parse_timestamp, shift_week, week_bounds

log = logging.getLogger("monitor.digest")

TEMPLATES = templates_dir()  # the checkout's templates/, or the installed copy

#: Gmail clips a message whose HTML is over about 102 KB; stay clear of it.
MAX_HTML_BYTES = 100_000
#: (stories per topic, figures) the HTML keeps when the whole digest would be too large,
#: tried in order.
CAPS = ((12, 30), (8, 20), (5, 12), (3, 8), (1, 5))
TREND_SERIES = "it_exports_monthly"
TREND_UNIT = "USD_million"
TREND_MONTHS = 18
TREND_MIN_MONTHS = 3  # months with a figure needed before the trend is drawn
TEXT_BAR_CELLS = 30  # characters of the largest month's bar in the plain-text digest
SUMMARY_SENTENCES = 3
SUMMARY_CHARS = 420
TOP_STORIES = 3
#: How many weeks back the "late from earlier weeks" part reaches; items of older weeks found
#: now (a newly added source's back catalogue) are archive, not news.
LATE_WEEKS = 2

#: The series shown under "Figures this week", in this order, with their labels. Facts of
#: the ``other`` series (targets, projections, allocations) are left out.
SERIES_LABELS = {
    "it_exports_monthly": "IT & ITeS exports, month",
    "it_exports_cumulative": "IT & ITeS exports, year to date",
    "it_exports_annual": "IT & ITeS exports, year",
    "freelancer_earnings": "Freelancer earnings",
    "freelancer_count": "Freelancers",
    "vpn_registrations": "VPN registrations",
    "ranking": "Ranking",
}
SAFE_SCHEMES = ("http", "https")
#: The subjects of "Official figures": a label, the series of its months, and the series of
#: its fiscal year to date (a whole fiscal year included).
OFFICIAL_SUBJECTS = (
    ("IT & ITeS exports", "it_exports_monthly", ("it_exports_cumulative", "it_exports_annual")),
    ("Freelancer earnings", "freelancer_earnings", ("freelancer_earnings",)),
)
OFFICIAL_UNIT = "USD_million"


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Outlet:
    """Another outlet that reported a story."""

    source: str
    url: str


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    url: str  # the primary article; "" when the stored URL is not an absolute http(s) one
    source: str
    published: str | None
    summary: str
    topics: tuple[str, ...]
    score: float = 0.0
    also: tuple[Outlet, ...] = ()  # outlets that ran this story (reprints)
    more: tuple[Outlet, ...] = ()  # outlets that reported the same event in stories of their own
    event: str | None = None  # the event it tells (an item in no story: its own id)
    found: str | None = None  # when it was first fetched: the day shown for a story that gives no date

    @property
    def outlets(self) -> int:
        return 1 + len(self.also) + len(self.more)


@dataclass(frozen=True)
class TopicGroup:
    id: str
    label: str
    stories: tuple[Story, ...]  # most important first
    hidden: int = 0  # stories left out of the HTML to keep it small (the text part has them)
    full: int = 1_000_000  # how many of the first stories are told in full; the others are headlines

    @property
    def told(self) -> tuple[Story, ...]:
        """The stories told in full: summary, other outlets and all."""
        return self.stories[: self.full]

    @property
    def headlines(self) -> tuple[Story, ...]:
        """The stories after those, each a headline with its link, outlet and day."""
        return self.stories[self.full :]


@dataclass(frozen=True)
class Figure:
    """One figure of the week: a series' value for a period, with its change and source."""

    series: str
    label: str
    period: str
    period_label: str
    value: float
    unit: str
    display: str  # the value for people: "$354m", "2.37 million", "No. 4"
    change: str | None  # "+13.6% vs Jun 2025"
    direction: str | None  # up, down, flat
    source: str
    url: str
    quote: str
    published: str | None
    outlets: int = 1  # how many items of the week reported this same figure
    growth: str | None = None  # the growth rates the articles gave for it, each with its basis: "+24% y/y, +3% m/m"
    revises: str | None = None  # the earlier value this one revises: "$352m"
    official: str | None = None  # checked against SBP: "agrees with SBP", "SBP: $338m", or why it could not be
    official_agrees: bool | None = None  # None: not checked (no SBP figure for its period yet, or another unit)
    corrected: str | None = None  # an editor's correction of a report of it: "read as $286m for Jul 2024"


@dataclass(frozen=True)
class OfficialFigure:
    """One line of "Official figures": a subject's newest month, or its fiscal year to date."""

    subject: str  # "IT & ITeS exports"
    what: str  # "month", "fiscal year to date", or in July "month and fiscal year to date"
    series: str
    period: str
    period_label: str  # "May 2026", "Jul-May FY2025-26"
    value: float
    display: str
    status: str  # provisional, revised, or "" when SBP marks neither
    changes: tuple[tuple[str, str], ...] = ()  # (text, direction): vs the month before, vs a year earlier
    source: str = ""
    url: str = ""  # the file it was read from


@dataclass(frozen=True)
class OfficialRevision:
    """A value SBP revised during the week, with the one it replaced."""

    label: str  # "IT & ITeS exports, month, Apr 2026"
    before: str  # "$420.10m (provisional)"
    after: str  # "$422.26m (revised)"


@dataclass(frozen=True)
class TrendBar:
    period: str
    label: str  # "Jul 25"
    value: float | None  # None: no figure for that month
    display: str
    percent: int  # bar width, 0-100, relative to the largest month
    cells: int = 0  # the plain-text bar, in characters out of TEXT_BAR_CELLS
    official: bool = True  # SBP's figure; False: a figure reported in the news


@dataclass(frozen=True)
class Trend:
    title: str
    bars: tuple[TrendBar, ...]
    note: str | None = None  # what the bars are drawn from, when news fills a gap


@dataclass(frozen=True)
class CorrectionNote:
    """One line of "Corrections": what a digest that went out said, what it says now, why."""

    id: int  # the correction's
    subject: str  # "IT & ITeS exports, month", or a story's headline
    sent_in: str  # the week of the digest that said it
    said: str  # "$354m for Jul 2025", "a story for this digest"
    says: str  # "$338m for Jun 2025", "no such figure: the article does not give it", "not relevant here: taken out"
    why: str
    source: str = ""  # the outlet it was read from
    withdrawn: bool = False  # the editor undid a correction a digest had told


@dataclass(frozen=True)
class SourceAlert:
    name: str
    problem: str  # failing (every fetch of the week failed), silent (no new item for long) or stale (newest item too old)
    detail: str


@dataclass(frozen=True)
class Digest:
    week: str
    title: str
    start: datetime
    end: datetime
    groups: tuple[TopicGroup, ...]
    sources: tuple[str, ...] = ()
    top: tuple[Story, ...] = field(default=())
    figures: tuple[Figure, ...] = ()
    trend: Trend | None = None
    official: tuple[OfficialFigure, ...] = ()
    official_revisions: tuple[OfficialRevision, ...] = ()
    health: tuple[SourceAlert, ...] = ()
    polled: bool = True  # some enabled source was fetched in the week (else its health is unknown)
    manage_url: str | None = None
    unsubscribe: tuple[str, ...] = ()
    timezone: str = "Asia/Karachi"  # dates are shown in this zone
    hidden_figures: int = 0  # figures left out of the HTML to keep it small
    policy: tuple[PolicyChange, ...] = ()  # changes of watched policy pages
    policy_watched: int = 0  # enabled watched pages (kind watch)
    policy_unchecked: int = 0  # of those, the ones no fetch of the week reached (failed or not polled)
    late: tuple[Story, ...] = ()  # stories of earlier weeks stored after those weeks' digests
    late_hidden: int = 0  # late stories left out of the HTML to keep it small
    carried: tuple[tuple[str, bool], ...] = ()  # (item id, late) of every relevant item it carries
    so_far: datetime | None = None  # for a week that had not ended when the digest was built: when it was
    full_stories: int = 1_000_000  # stories of each topic (and late ones) told in full; the rest are headlines
    corrections: tuple[CorrectionNote, ...] = ()  # corrections of what earlier digests that went out said

    @property
    def last_day(self) -> datetime:
        return self.end - timedelta(days=1)

    @property
    def zone(self) -> str:
        """The timezone the week's days are given in, as readers know it: ``PKT``; ``UTC+04``
        for a zone without an abbreviation; ``GMT/BST`` for a week in which the clocks change."""
        names = []
        for moment in (self.start, self.end - timedelta(microseconds=1)):
            name = moment.astimezone(ZoneInfo(self.timezone)).strftime("%Z")
            name = f"UTC{name}" if name[:1] in "+-" else name
            if name not in names:
                names.append(name)
        return "/".join(names)

    @property
    def policy_quiet(self) -> str:
        """What a week without a change of a watched page says: only pages checked that week
        can be said not to have changed."""
        checked = self.policy_watched - self.policy_unchecked
        if checked <= 0:
            if self.policy_watched == 1:
                return "The watched policy page was not checked this week, so no change of it is known."
            return f"None of the {counted(self.policy_watched, 'watched policy page')} was checked this week, so no change of theirs is known."
        if self.policy_unchecked:
            was = "was" if self.policy_unchecked == 1 else "were"
            if checked == 1:
                return f"The one watched policy page checked this week did not change; {self.policy_unchecked} {was} not checked."
            return f"None of the {counted(checked, 'watched policy page')} checked this week changed; {self.policy_unchecked} {was} not checked."
        if self.policy_watched == 1:
            return "The watched policy page did not change this week."
        return f"None of the {counted(self.policy_watched, 'watched policy page')} changed this week."

    @property
    def story_count(self) -> int:
        return sum(len(g.stories) + g.hidden for g in self.groups) + len(self.late) + self.late_hidden

    @property
    def late_told(self) -> tuple[Story, ...]:
        return self.late[: self.full_stories]

    @property
    def late_headlines(self) -> tuple[Story, ...]:
        return self.late[self.full_stories :]

    @property
    def headline_count(self) -> int:
        """How many stories (of every topic, and late) are headlines only."""
        return sum(len(g.headlines) for g in self.groups) + len(self.late_headlines)

    @property
    def busy_note(self) -> str | None:
        """What a week with more stories than are told in full says at the top: how many
        stories it had, and how they are told."""
        headlines = self.headline_count
        if not headlines:
            return None
        stories = counted(self.story_count, "story", "stories")
        if not self.full_stories:
            return f"{stories} this week, each as its headline with its link."
        most = "most covered story" if self.full_stories == 1 else f"{self.full_stories} most covered"
        return f"{stories} this week: the {most} of each topic in full, the other {headlines} as headlines with their links."

    def capped(self, per_group: int, figures: int) -> "Digest":
        """This digest with at most ``per_group`` stories per topic (and late ones) and
        ``figures`` figures, the first ones kept (the rest counted as hidden)."""
        groups = tuple(replace(g, stories=g.stories[:per_group], hidden=g.hidden + max(0, len(g.stories) - per_group), full=min(g.full, per_group)) for g in self.groups)
        hidden = self.hidden_figures + max(0, len(self.figures) - figures)
        late_hidden = self.late_hidden + max(0, len(self.late) - per_group)
        return replace(self, groups=groups, figures=self.figures[:figures], hidden_figures=hidden, late=self.late[:per_group], late_hidden=late_hidden)


# --------------------------------------------------------------------------- building


def topic_label(config: Config, topic: str) -> str:
    """The topic's ``label`` in ``sources.yaml``, else its id made readable."""
    raw = config.topics.get(topic) if isinstance(config.topics, dict) else None
    if isinstance(raw, dict) and raw.get("label"):
        return str(raw["label"])
    return topic.replace("_", " ").capitalize()


def build_digest(store: Store, config: Config, week: str, *, now: datetime | None = None) -> Digest:
    """Everything the digest of ``week`` shows, read from the store; a week that has not
    ended by ``now`` (default: the current time) is marked as told so far."""
    check_week(week)
    start, end = week_bounds(week, config.tz)
    now = now or datetime.now(timezone.utc)
    end_utc = end.astimezone(timezone.utc).isoformat()
    elsewhere = store.carried_items(except_week=week)  # carried by another week's digest
    stories = build_stories(store, week, skip=elsewhere)
    late, late_carried, late_more = build_late(store, week, now=stories)
    stories = [replace(s, more=s.more + late_more[s.event]) if s.event in late_more else s for s in stories]
    groups = tuple(replace(g, full=config.digest.full_stories) for g in _group(stories, config))
    on_time = [(r["id"], False) for r in store.items_in_week(week) if r["id"] not in elsewhere]
    health, polled = source_health(store, config, start, end)
    return Digest(
        week=week,
        title=one_line(config.digest.title),
        start=start,
        end=end,
        groups=groups,
        sources=tuple(sorted({s.source for s in (*stories, *late)} | {o.source for s in (*stories, *late) for o in (*s.also, *s.more)})),
        top=tuple(sorted(stories, key=importance)[:TOP_STORIES]),
        figures=check_figures(store, build_figures(store, week, end_utc), end_utc),
        trend=build_trend(store, end_utc, (end - timedelta(days=1)).date()),
        official=build_official(store, end_utc),
        official_revisions=build_official_revisions(store, start.astimezone(timezone.utc).isoformat(), end_utc),
        health=health,
        polled=polled,
        manage_url=safe_url(config.digest.manage_url or ""),
        unsubscribe=unsubscribe_targets(config.digest.list_unsubscribe),
        timezone=config.timezone,
        policy=build_policy_changes(store, config, week),
        policy_watched=sum(s.kind == "watch" and s.enabled for s in config.sources),
        policy_unchecked=unchecked_pages(store, config, start, end),
        late=late,
        carried=tuple(on_time) + late_carried,
        so_far=now if now < end else None,
        full_stories=config.digest.full_stories,
        corrections=tuple(n for c in store.corrections_to_tell(week) if (n := correction_note(c)) is not None)
        + tuple(n for c in store.withdrawals_to_tell(week) if (n := withdrawal_note(c)) is not None),
    )


def build_stories(store: Store, week: str, *, skip: set[str] = frozenset()) -> list[Story]:
    """One entry per event of the week that holds a relevant item (one per item when the
    archive has no clusters yet).

    An event's entry is its story reported by the most outlets this week (then the most
    relevant, then the earliest). The story is told by the cluster's primary item when it
    is a relevant item of the week, else by the week's first relevant member; every other
    outlet that ran it this week, even in an item judged irrelevant on its own, is listed
    under "also reported by", and the outlets of the event's other stories this week under
    "more coverage". An item is named by its outlet as the dedup index knows it (the
    publisher behind a Google News link), else by its source. Items in ``skip`` (carried by
    another week's digest) tell no story.
    """
    clusters = store.week_clusters(week)
    founders = {c["cluster_id"]: c["primary_item"] for c in clusters.values()}
    events = {c["cluster_id"]: c.get("event_id") or c["cluster_id"] for c in clusters.values()}
    members: dict[str, list[dict]] = defaultdict(list)
    for row in store.items_in_week(week, relevant_only=False):  # oldest first
        cluster = clusters.get(row["id"], {})
        row["outlet"] = cluster.get("outlet") or row["source"]
        members[cluster.get("cluster_id", row["id"])].append(row)
    told: dict[str, list[tuple[Story | None, list[dict]]]] = defaultdict(list)
    for cluster_id, items in members.items():
        relevant = [r for r in items if r["relevant"] and r["id"] not in skip]
        primary = next((r for r in relevant if r["id"] == founders.get(cluster_id)), relevant[0]) if relevant else None
        story = replace(_story(primary), also=_also(primary, items)) if primary else None
        told[events.get(cluster_id, cluster_id)].append((story, items))
    return _entries(told)


def _entries(told: dict[str, list[tuple[Story | None, list[dict]]]]) -> list[Story]:
    """One entry per event of ``told`` (each of its stories, None for a story with nothing to
    tell, beside its items): the story reported by the most outlets, with the others' outlets
    as more coverage."""
    stories = []
    for event, group in told.items():
        relevant = [story for story, _ in group if story is not None]
        if not relevant:
            continue
        lead = min(relevant, key=lambda s: (-s.outlets, -s.score, *_oldest_first(s)))
        others = [item for story, items in group if story is not lead for item in items]
        stories.append(replace(lead, more=_more(lead, others), event=event))
    return stories


def _more(lead: Story, items: list[dict]) -> tuple[Outlet, ...]:
    """The outlets of ``items`` not already named for ``lead``, each once (its first item)."""
    seen = {outlet_key(lead.source)} | {outlet_key(o.source) for o in (*lead.also, *lead.more)}
    outlets = []
    for r in sorted(items, key=lambda r: r["published"] or ""):
        key = outlet_key(r["outlet"])
        if key not in seen:
            seen.add(key)
            outlets.append(Outlet(r["outlet"], safe_url(r["url"])))
    return tuple(outlets)


def _oldest_first(s: Story) -> tuple:
    return (s.published or "~", s.title)


def build_late(store: Store, week: str, *, now: Sequence[Story] = ()) -> tuple[tuple[Story, ...], tuple[tuple[str, bool], ...], dict[str, tuple[Outlet, ...]]]:
    """The late stories of ``week``'s digest, every late item it carries, and the outlets
    late items add to the entries of ``now`` (the week's own entries) as more coverage.

    Late items are the relevant items of the :data:`LATE_WEEKS` weeks before whose own
    week's digest went out without them, and that no other digest carries. They are told
    one entry per event, as the week's stories are, most important first. An event of
    which a digest already carried an item was told then: its late items are carried
    without being told again. An event told in ``now`` is told there: its late items'
    outlets are added to that entry's more coverage (returned by the entry's ``event``).
    """
    rows = store.late_items([shift_week(week, -n) for n in range(1, LATE_WEEKS + 1)], except_week=week)
    clusters = store.item_clusters([r["id"] for r in rows])
    told = store.carried_events(except_week=week)
    current = {s.event: s for s in now if s.event}
    members: dict[str, list[dict]] = defaultdict(list)
    events: dict[str, str] = {}
    for row in rows:  # oldest first
        cluster = clusters.get(row["id"], {})
        row["outlet"] = cluster.get("outlet") or row["source"]
        cluster_id = cluster.get("cluster_id", row["id"])
        members[cluster_id].append(row)
        events[cluster_id] = cluster.get("event_id") or cluster_id
    grouped: dict[str, list[tuple[Story | None, list[dict]]]] = defaultdict(list)
    extra: dict[str, list[dict]] = defaultdict(list)
    for cluster_id, items in members.items():
        event = events[cluster_id]
        if event in told:
            continue
        if event in current:
            extra[event].extend(items)
            continue
        primary = next((r for r in items if r["id"] == clusters.get(r["id"], {}).get("primary_item")), items[0])
        grouped[event].append((replace(_story(primary), also=_also(primary, items)), items))
    more = {event: _more(current[event], items) for event, items in extra.items()}
    return tuple(sorted(_entries(grouped), key=importance)), tuple((r["id"], True) for r in rows), more


def late_digest_for(week: str, went_out: Callable[[str], bool]) -> str | None:
    """The digest that tells, under "Late from earlier weeks", a story of ``week`` that
    ``week``'s own digest went out without: the first of the :data:`LATE_WEEKS` weeks after
    it whose digest has not gone out (``went_out``); ``None`` when all have, and no digest
    to come reaches back so far."""
    return next((later for n in range(1, LATE_WEEKS + 1) if not went_out(later := shift_week(week, n))), None)


def _also(primary: dict, items: list[dict]) -> tuple[Outlet, ...]:
    """The other outlets in ``items``, each once (its first item), none the primary's own."""
    seen = {outlet_key(primary["outlet"])}
    outlets = []
    for r in items:
        key = outlet_key(r["outlet"])
        if key not in seen:
            seen.add(key)
            outlets.append(Outlet(r["outlet"], safe_url(r["url"])))
    return tuple(outlets)


def outlet_key(name: str) -> str:
    """One publisher however it is named: "Dawn - Tech", "Dawn" and "The Dawn" are one key."""
    name = name.split(" - ")[0].lower()
    name = name[4:] if name.startswith("the ") else name
    return "".join(ch for ch in name if ch.isalnum())


def _story(row: dict) -> Story:
    return Story(
        id=row["id"],
        title=one_line(row["title"]),
        url=safe_url(row["url"]),
        source=row["outlet"],
        published=row["published"],
        summary=summarize(row.get("text") or "", row.get("summary") or "", title=row["title"]),
        topics=tuple(row["topics"]),
        score=row["score"] or 0.0,
        found=row.get("fetched_at"),
    )


def _group(stories: Sequence[Story], config: Config) -> tuple[TopicGroup, ...]:
    """Each story under its first topic; topics in the order of the configuration."""
    order = [t for t in config.topics if t in TOPIC_IDS] + [t for t in TOPIC_IDS if t not in config.topics]
    grouped: dict[str, list[Story]] = {t: [] for t in order}
    other: list[Story] = []
    for s in stories:
        main = next((t for t in s.topics if t in grouped), None)
        (grouped[main] if main else other).append(s)
    groups = [TopicGroup(t, topic_label(config, t), tuple(sorted(v, key=importance))) for t, v in grouped.items() if v]
    if other:
        groups.append(TopicGroup("other", "Other", tuple(sorted(other, key=importance))))
    return tuple(groups)


def importance(s: Story) -> tuple:
    """Sort key: reported by more outlets first, then more relevant, then newer."""
    return (-s.outlets, -s.score, *_newest_first(s))


def _newest_first(s: Story) -> tuple:
    return (-(parse_timestamp(s.published).timestamp() if s.published else 0), s.title)


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (newlines included) as one space."""
    return " ".join(text.split())


def safe_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL without spaces or control characters, else "";
    a login in it (``https://user:pass@host/``) is left out, so no reader is shown one, nor
    taken somewhere else than the link seems to say (``https://dawn.com@evil.example/`` goes
    to ``evil.example``, and now reads so)."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in SAFE_SCHEMES or not parts.netloc or any(c.isspace() or ord(c) < 32 for c in url):
        return ""
    if "@" in parts.netloc:
        if not parts.netloc.rpartition("@")[2]:
            return ""
        url = without_login(url) or ""
    return url


def unsubscribe_targets(value: str | None) -> tuple[str, ...]:
    """The http(s) and mailto: targets of a List-Unsubscribe setting (``<a>, <b>`` or bare)."""
    targets = (part.strip().strip("<>").strip() for part in (value or "").split(","))
    return tuple(t for t in targets if _mailto(t) or safe_url(t))


def _mailto(target: str) -> bool:
    return target.lower().startswith("mailto:") and "@" in target and not any(c.isspace() for c in target)


def summarize(text: str, fallback: str = "", *, title: str = "", sentences: int = SUMMARY_SENTENCES, limit: int = SUMMARY_CHARS) -> str:
    """The first two or three sentences of ``text`` (else of ``fallback``), at most ``limit`` characters.

    A sentence that only repeats the title (punctuation aside, as in a Google News teaser
    "Headline Outlet" for the title "Headline - Outlet") is skipped; a first sentence
    longer than the limit is cut at a word and ends with an ellipsis.
    """
    body = text if text.strip() else fallback
    headline = _letters(title)
    chosen: list[str] = []
    for _, begin, finish in split_sentences(body):
        sentence = one_line(body[begin:finish])
        if _letters(sentence) == headline:
            continue
        if chosen and len(" ".join([*chosen, sentence])) > limit:
            break
        chosen.append(sentence)
        if len(chosen) == sentences:
            break
    summary = " ".join(chosen)
    if len(summary) > limit:
        summary = summary[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return summary


def _letters(text: str) -> str:
    """``text`` without case, spaces or punctuation, to compare a sentence with a title."""
    return re.sub(r"[\W_]+", "", text.casefold())


# --------------------------------------------------------------------------- figures


def build_figures(store: Store, week: str, end_utc: str) -> tuple[Figure, ...]:
    """The figures found this week: one per figure, however many outlets reported it.

    Reports of one figure are those the store links to the same fact (``corroborates``).
    Only the newest period of each series and kind of period is shown: "$354m in July 2025,
    against $286m in July 2024" is news about July 2025, and the older figure still serves
    as a base for changes. A growth rate given for a figure shown (``+24% y/y``) goes with it
    rather than on a row of its own; rates measured differently (year on year, month on month)
    are told apart and never shown one as the other.
    """
    same: dict[int, list[dict]] = defaultdict(list)
    for f in store.week_facts(week):
        if f["series"] in SERIES_LABELS:
            same[f["corroborates"] or f["id"]].append(f)
    reported = [_Reports(r[0]["series"], r[0]["period"] or "", r[0]["unit"], r) for r in same.values()]
    newest: dict[tuple[str, str], str] = {}
    for r in reported:
        newest[r.kind] = max(newest.get(r.kind, r.period), r.period)
    shown = [r for r in reported if newest[r.kind] == r.period]
    growth: dict[tuple[str, str], dict[str, list[dict]]] = defaultdict(dict)
    for r in shown:
        basis = r.rows[0].get("basis") or "unknown"
        rates = growth[(r.series, r.period)]
        if r.unit == "percent" and len(r.rows) > len(rates.get(basis, [])):
            rates[basis] = r.rows  # of each basis, the rate most reports gave
    levels = {(r.series, r.period) for r in shown if r.unit != "percent"}
    figures = [_figure(store, r.rows, end_utc, growth.get((r.series, r.period))) for r in shown if r.unit != "percent" or (r.series, r.period) not in levels]
    order = list(SERIES_LABELS)
    figures.sort(key=lambda f: f.period, reverse=True)  # newest period first...
    figures.sort(key=lambda f: (order.index(f.series), f.period == ""))  # ...within each series, undated last
    return tuple(figures)


@dataclass(frozen=True)
class _Reports:
    """This week's reports of one figure."""

    series: str
    period: str
    unit: str
    rows: list[dict]

    @property
    def kind(self) -> tuple[str, str]:
        return self.series, period_kind(self.period)


def period_kind(period: str) -> str:
    """What kind of period: ``month``, ``year``, ``FY``, ``FY:Jul-Mar`` (a span of months), or ``""``."""
    if re.fullmatch(r"\d{4}-\d\d", period):
        return "month"
    if re.fullmatch(r"\d{4}", period):
        return "year"
    if m := re.fullmatch(r"FY\d{4}-\d\d(:.+)?", period):
        return "FY" + (m[1] or "")
    return period


def _figure(store: Store, reports: list[dict], end_utc: str, growth: dict[str, list[dict]] | None) -> Figure:
    """A figure from its reports, told by the first that quotes a whole sentence (else the first)."""
    first = next((r for r in reports if _is_sentence(r["quote"] or "")), reports[0])
    series, period, unit, value = first["series"], first["period"] or "", first["unit"], first["value"]
    previous = previous_period(period)
    before = store.fact_values(series, unit, [previous], end_utc).get(previous) if previous else None
    change, direction = describe_change(value, before, unit, previous)
    return Figure(
        series=series,
        label=SERIES_LABELS[series],
        period=period,
        period_label=period_label(period),
        value=value,
        unit=unit,
        display=_with_basis(format_value(value, unit), first.get("basis")) if unit == "percent" else format_value(value, unit),
        change=change,
        direction=direction,
        source=first["source"] or "",
        url=safe_url(first["item_url"] or ""),
        quote=one_line(first["quote"] or ""),
        published=first["published"],
        outlets=len({r["item"] for r in reports}),
        growth=_rates(growth) if growth and unit != "percent" else None,
        revises=next((format_value(r["revises_value"], unit) for r in reports if r["revises_value"] is not None), None),
        corrected=next((_read_as(r) for r in reports if r.get("corrected")), None),
    )


#: What the "Corrections" section says a story taken out of the digest is now.
TAKEN_OUT = "not one for this digest: taken out"


def correction_note(c: dict) -> CorrectionNote | None:
    """What the "Corrections" section says of the correction ``c`` (a ``corrections`` row
    with ``sent_in``, the week of the digest that said otherwise, and what it said:
    ``sent_period``, ``sent_value``, ``sent_dropped``); ``None`` for a figure of a series the
    digest does not show, or that it did not show as an earlier correction had dropped it,
    and for a story put in (no digest said it was out)."""
    if c["kind"] == "story":
        if c["relevant"]:
            return None
        return CorrectionNote(c["id"], one_line(c["quote"] or ""), c["sent_in"], "a story for this digest", TAKEN_OUT, c["reason"], c["source"] or "")
    if c["series"] not in SERIES_LABELS or c["sent_dropped"]:
        return None

    said = _figure_of(c, c["sent_period"] or "", c["sent_value"])
    if c["dropped"]:
        says = "no such figure: the report does not give it"
    else:
        says = _figure_of(c, *corrected_reading(c))
    return CorrectionNote(c["id"], SERIES_LABELS[c["series"]], c["sent_in"], said, says, c["reason"], c["source"] or "")


def _figure_of(c: dict, period: str, value: float) -> str:
    """A figure of the correction ``c``'s series as the "Corrections" section gives it:
    "$338m for Jun 2025", "12% year on year for FY2024-25", "$2.6bn, undated"."""
    shown = _with_basis(format_value(value, c["unit"]), c["basis"]) if c["unit"] == "percent" else format_value(value, c["unit"])
    return f"{shown} for {period_label(period)}" if period else f"{shown}, undated"


def withdrawal_note(c: dict) -> CorrectionNote | None:
    """What the "Corrections" section says of the correction ``c`` (a ``corrections`` row)
    that the digest of ``c["told_in"]`` told and the editor has since undone: what that digest
    said it was corrected to, and that the figure reads as the report gives it again (or the
    story is back); ``None`` for a figure of a series the digest does not show."""
    why = c["undo_reason"] or "the editor withdrew the correction"
    if c["kind"] == "story":
        return CorrectionNote(c["id"], one_line(c["quote"] or ""), c["told_in"], TAKEN_OUT,
                              "a story for this digest again: the correction is withdrawn", why, c["source"] or "", withdrawn=True)  # fmt: skip
    if c["series"] not in SERIES_LABELS:
        return None
    if c["dropped"]:
        said = "no such figure: the report does not give it"
    else:
        said = _figure_of(c, *corrected_reading(c))
    says = f"{_figure_of(c, c['period'] or '', c['value'])}, as the report gives it: the correction is withdrawn"
    return CorrectionNote(c["id"], SERIES_LABELS[c["series"]], c["told_in"], said, says, why, c["source"] or "", withdrawn=True)


def _read_as(report: dict) -> str:
    """What an editor's correction replaced: "read as $286m for Jul 2024"."""
    period = report.get("corrected_from_period") or ""
    return f"read as {format_value(report['corrected_from_value'], report['unit'])} for {period_label(period) if period else 'no period'}"


def _rates(growth: dict[str, list[dict]]) -> str:
    """The growth rates reported for a figure, year on year first: "+24% y/y, +3% m/m"."""
    order = ("yoy", "unknown", "mom")
    return ", ".join(_with_basis(format_value(rows[0]["value"], "percent"), basis) for basis, rows in sorted(growth.items(), key=lambda b: order.index(b[0]) if b[0] in order else 9))


def _with_basis(text: str, basis: str | None) -> str:
    label = BASIS_LABELS.get(basis or "", "")
    return f"{text} {label}" if label else text


def _is_sentence(quote: str) -> bool:
    """Whether a quote ends like a sentence (a headline usually does not)."""
    return quote.rstrip(" \"'”’)").endswith((".", "!", "?", "۔"))


def previous_period(period: str) -> str | None:
    """The period a figure is compared with: the month before for a month, else a year earlier."""
    if m := re.fullmatch(r"(\d{4})-(\d\d)", period):
        year, month = int(m[1]), int(m[2])
        return f"{year - 1}-12" if month == 1 else f"{year}-{month - 1:02d}"
    return shift_period(period, 1) or None


def describe_change(value: float, before: float | None, unit: str, previous: str | None) -> tuple[str | None, str | None]:
    """The change from ``before`` as text ("+13.6% vs Jun 2025") and its direction.

    Money and counts change in percent, ranks in places (a smaller rank is better).
    Percentages are growth rates already; they get no change of their own.
    """
    if before is None or previous is None or unit == "percent":
        return None, None
    against = f"vs {period_label(previous)}"
    if unit == "rank":
        places = int(before - value)
        if places == 0:
            return f"unchanged {against}", "flat"
        return f"{'up' if places > 0 else 'down'} {counted(abs(places), 'place')} {against}", "up" if places > 0 else "down"
    if before == 0:
        return None, None
    pct = (value - before) / abs(before) * 100
    if round(pct, 1) == 0:
        return f"unchanged {against}", "flat"
    return f"{pct:+.1f}% {against}", "up" if pct > 0 else "down"


def format_value(value: float, unit: str) -> str:
    """A value in its unit, short: ``$354m``, ``$3.8bn``, ``Rs 30bn``, ``2.37 million``, ``No. 4``, ``+24%``."""
    if unit in ("USD_million", "PKR_million"):
        prefix = "$" if unit == "USD_million" else "Rs "
        return f"{prefix}{_short(value / 1000)}bn" if abs(value) >= 1000 else f"{prefix}{_short(value)}m"
    if unit == "count":
        return f"{_short(value / 1e6)} million" if abs(value) >= 1e6 else f"{value:,.0f}"
    if unit == "rank":
        return f"No. {value:.0f}"
    if unit == "percent":
        return f"{value:+.{0 if value == int(value) else 1}f}%"
    return f"{_short(value)} {unit}"


def _short(number: float) -> str:
    """Three significant digits or more, no trailing zeros: 2.37, 38.6, 354, 2,370."""
    decimals = 2 if abs(number) < 10 else 1 if abs(number) < 100 else 0
    text = f"{number:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if decimals else text


def period_label(period: str) -> str:
    """``2025-07`` -> ``Jul 2025``; ``FY2024-25:Jul-Mar`` -> ``Jul-Mar FY2024-25``; ``""`` -> ``undated``."""
    if re.fullmatch(r"\d{4}-\d\d", period):
        return date.fromisoformat(period + "-01").strftime("%b %Y")
    if m := re.fullmatch(r"(FY\d{4}-\d\d):(.+)", period):
        return f"{m[2]} {m[1]}"
    return period or "undated"


def check_figures(store: Store, figures: Sequence[Figure], end_utc: str) -> tuple[Figure, ...]:
    """Each figure beside SBP's value for its series, unit and period as known by the week's
    end: "agrees with SBP" (within 1%, :func:`monitor.official.agrees`) or "SBP: $338m". A
    growth rate is checked against the one SBP's values for the period and a year earlier
    give ("SBP: +23.8%"). A dated figure of a series SBP publishes that cannot be checked says
    why: "no SBP figure for Nov 2026 yet" (a period after SBP's newest one), "no SBP figure
    for Mar 2024 in the archive", or "not checked: SBP's figures are in US$" (a rupee
    amount). Figures SBP publishes nothing for (counts, ranks, undated) stay as they are."""
    known: dict[str, dict[str, dict]] = {}
    checked = []
    for f in figures:
        if f.series not in known:
            known[f.series] = store.official_values(f.series, OFFICIAL_UNIT, end_utc)
        values = {p: r["value"] for p, r in known[f.series].items()}
        period = canonical_period(f.period) if f.period else ""
        if f.unit == OFFICIAL_UNIT and period in values:
            ok = agrees(f.value, values[period])
            checked.append(replace(f, official="agrees with SBP" if ok else f"SBP: {format_value(values[period], f.unit)}", official_agrees=ok))
        elif f.unit == "percent" and period in values and values.get(shift_period(period, 1)):
            growth = (values[period] / values[shift_period(period, 1)] - 1) * 100
            ok = growth_agrees(f.value, growth)
            checked.append(replace(f, official="agrees with SBP" if ok else f"SBP: {growth:+.1f}%", official_agrees=ok))
        elif values and period and f.unit in (OFFICIAL_UNIT, "percent"):
            checked.append(replace(f, official=_no_official_figure(period, values)))
        elif values and period and f.unit == "PKR_million":
            checked.append(replace(f, official="not checked: SBP's figures are in US$"))
        else:
            checked.append(f)
    return tuple(checked)


def _no_official_figure(period: str, values: dict[str, float]) -> str:
    """Why a dated figure has no SBP value to be checked against: its period ends after the
    newest one SBP had published by the week's end, or the archive holds no value for it."""
    end = period_end(period)
    newest = max((e for e in map(period_end, values) if e), default=None)
    if end and newest and end > newest:
        return f"no SBP figure for {period_label(period)} yet"
    return f"no SBP figure for {period_label(period)} in the archive"


def _cells(value: float | None, top: float) -> int:
    """The plain-text bar of ``value``: its share of ``top`` in :data:`TEXT_BAR_CELLS`
    characters, rounded once, to the nearest (rounding the percentage first, then the
    characters, drew $342m as long as $354m). Two values more than one character's worth
    apart never draw alike; a value under half a character's worth draws none."""
    if not value or value < 0 or top <= 0:
        return 0
    return min(TEXT_BAR_CELLS, math.floor(value / top * TEXT_BAR_CELLS + 0.5))


def build_trend(store: Store, end_utc: str, last_day: date) -> Trend | None:
    """The monthly IT exports of the last :data:`TREND_MONTHS` months known by the week's end:
    SBP's figure where the archive has one, else the figure reported in the news."""
    months = _months_back(last_day, TREND_MONTHS)
    official = {p: r["value"] for p, r in store.official_values(TREND_SERIES, TREND_UNIT, end_utc).items() if p in months}
    news = store.fact_values(TREND_SERIES, TREND_UNIT, [m for m in months if m not in official], end_utc, origin="news")
    values = {**news, **official}
    if len(values) < TREND_MIN_MONTHS:
        return None
    shown = months[months.index(min(values)) : months.index(max(values)) + 1]
    top = max(values.values())
    bars = []
    for month in shown:
        value = values.get(month)
        percent = max(1, round(value / top * 100)) if value and top > 0 else 0
        bars.append(TrendBar(month, date.fromisoformat(month + "-01").strftime("%b %y"), value, format_value(value, TREND_UNIT) if value is not None else "", percent, _cells(value, top), official=month in official or value is None))
    note = None
    if any(not b.official for b in bars):
        note = "SBP's figures; * a figure reported in the news, for a month the archive has no SBP figure for." if official else "* Figures reported in the news: the archive has no SBP figure for these months."
    return Trend(f"Monthly IT & ITeS exports, {period_label(shown[0])} to {period_label(shown[-1])}", tuple(bars), note)


# --------------------------------------------------------------------------- official figures


def build_official(store: Store, end_utc: str) -> tuple[OfficialFigure, ...]:
    """SBP's figures as known by the week's end (see :data:`OFFICIAL_SUBJECTS`): for each
    subject, the newest month, with its change against the month before and the same month
    a year earlier, and the fiscal year to date of that month's fiscal year, with its change
    against the same months a year earlier (in July, the month is the year to date)."""
    figures: list[OfficialFigure] = []
    for subject, month_series, ytd_series in OFFICIAL_SUBJECTS:
        monthly = {p: r for p, r in store.official_values(month_series, OFFICIAL_UNIT, end_utc).items() if re.fullmatch(r"\d{4}-\d\d", p)}
        if not monthly:
            continue
        newest = max(monthly)
        month = monthly[newest]
        changes = [_official_change(month["value"], monthly, previous_period(newest)), _official_change(month["value"], monthly, shift_period(newest, 1))]
        figures.append(_official(subject, "month", month, changes))
        spans: dict[str, dict] = {}
        for series in ytd_series:
            spans.update({p: r for p, r in store.official_values(series, OFFICIAL_UNIT, end_utc).items() if fiscal_months(p)})
        fy = _fiscal_year_of(newest)
        current = [p for p in spans if p.split(":")[0] == fy]
        if current:
            best = max(current, key=lambda p: fiscal_months(p) or 0)
            figures.append(_official(subject, "fiscal year to date", spans[best], [_official_change(spans[best]["value"], spans, shift_period(best, 1))]))
        elif newest.endswith("-07"):  # July is the whole of the year so far
            figures[-1] = replace(figures[-1], what="month and fiscal year to date")
    return tuple(figures)


def build_official_revisions(store: Store, start_utc: str, end_utc: str) -> tuple[OfficialRevision, ...]:
    """The values of the digest's series that SBP revised during the week, old and new."""
    revisions = []
    for r in store.official_revisions(start_utc, end_utc):
        if r["series"] in SERIES_LABELS:
            revisions.append(OfficialRevision(f"{SERIES_LABELS[r['series']]}, {period_label(r['period'])}", _precise(r["revises_value"], r["revises_status"]), _precise(r["value"], r["status"])))
    return tuple(revisions)


def _official(subject: str, what: str, row: dict, changes: Sequence[tuple[str, str] | None]) -> OfficialFigure:
    return OfficialFigure(
        subject=subject,
        what=what,
        series=row["series"],
        period=row["period"],
        period_label=period_label(row["period"]),
        value=row["value"],
        display=format_value(row["value"], OFFICIAL_UNIT),
        status=row["status"] or "",
        changes=tuple(c for c in changes if c),
        source=row["source"] or "",
        url=safe_url(row["file_url"] or ""),
    )


def _official_change(value: float, known: dict[str, dict], period: str | None) -> tuple[str, str] | None:
    if not period or period not in known:
        return None
    text, direction = describe_change(value, known[period]["value"], OFFICIAL_UNIT, period)
    return (text, direction) if text and direction else None


def fiscal_months(period: str) -> int | None:
    """How many months of its fiscal year a period spans from July: ``FY2025-26`` 12,
    ``FY2025-26:Jul-May`` 11, ``:Q1`` 3, ``:H1`` 6; ``None`` for anything else."""
    m = re.fullmatch(r"FY\d{4}-\d\d(?::(.+))?", period)
    if not m:
        return None
    if m[1] is None:
        return 12
    if m[1] in ("Q1", "H1"):
        return {"Q1": 3, "H1": 6}[m[1]]
    if span := re.fullmatch(r"Jul-([A-Z][a-z]{2})", m[1]):
        months = ("Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun")
        return months.index(span[1]) + 1 if span[1] in months else None
    return None


def _fiscal_year_of(month: str) -> str:
    """``2026-05`` -> ``FY2025-26``; ``2025-07`` -> ``FY2025-26``."""
    year, number = int(month[:4]), int(month[5:])
    end = year + 1 if number >= 7 else year
    return f"FY{end - 1}-{end % 100:02d}"


def _precise(value: float, status: str | None) -> str:
    """An official value to the thousand dollars SBP gives, with its status: ``$420.10m (provisional)``."""
    text = f"${value / 1000:,.3f}bn" if abs(value) >= 1000 else f"${value:,.2f}m"
    return f"{text} ({status})" if status else text


def _months_back(day: date, count: int) -> list[str]:
    """The ``count`` months ending with ``day``'s month, oldest first, as ``YYYY-MM``."""
    index = day.year * 12 + day.month - 1
    return [f"{i // 12}-{i % 12 + 1:02d}" for i in range(index - count + 1, index + 1)]


# --------------------------------------------------------------------------- source health


def source_health(store: Store, config: Config, start: datetime, end: datetime) -> tuple[tuple[SourceAlert, ...], bool]:
    """The week's source alerts (:func:`_alerts`), and whether any enabled source was
    fetched in the week at all: a week without a fetch says nothing about their health."""
    rows = store.source_week_health(start.astimezone(timezone.utc).isoformat(), end.astimezone(timezone.utc).isoformat())
    enabled = {s.name for s in config.sources if s.enabled}
    polled = any(r["successes"] or r["failures"] for r in rows if r["name"] in enabled)
    return _alerts(rows, config, end), polled


def unchecked_pages(store: Store, config: Config, start: datetime, end: datetime) -> int:
    """How many enabled watched pages no fetch of the week reached (every one failed, or
    none was made): nothing is known of whether they changed."""
    rows = store.source_week_health(start.astimezone(timezone.utc).isoformat(), end.astimezone(timezone.utc).isoformat())
    checked = {r["name"] for r in rows if r["successes"]}
    return sum(1 for s in config.sources if s.kind == "watch" and s.enabled and s.name not in checked)


def _alerts(rows: Sequence[dict], config: Config, end: datetime) -> tuple[SourceAlert, ...]:
    """Enabled sources that failed every fetch of the week; that answered but are stale (their
    newest item, or a workbook's newest month, older than their ``stale_days`` by the week's
    end); or news sources that had no new item for ``silent_days`` by the week's end (a watched
    policy page is not expected to change, so it is never silent)."""
    enabled = {s.name: s for s in config.sources if s.enabled}
    alerts = []
    for r in rows:
        source = enabled.get(r["name"])
        if source is None:
            continue
        if r["failures"] and not r["successes"]:
            alerts.append(SourceAlert(r["name"], "failing", ("its one fetch this week failed" if r["failures"] == 1 else f"all {r['failures']} fetches this week failed") + f"; last: {_clip(r['last_error'] or 'unknown error', 160)}"))
            continue
        stale = stale_detail(r["newest_entry"], config.stale_after(source), end, source.kind)
        if r["successes"] and stale:
            alerts.append(SourceAlert(r["name"], "stale", stale))
            continue
        if source.kind not in NEWS_KINDS:
            continue
        since = r["last_new_item"] or r["first_fetch"]
        days = (end - parse_timestamp(since)).days if since else None
        if r["successes"] and days is not None and days > config.silent_days:
            what = "no new item" if r["last_new_item"] else "no item at all"
            alerts.append(SourceAlert(r["name"], "silent", f"{what} for {days} days"))
    return tuple(alerts)


def _clip(text: str, limit: int) -> str:
    """``text`` on one line and at most ``limit`` characters, an ellipsis marking a cut."""
    text = one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --------------------------------------------------------------------------- rendering


def _env(tz: ZoneInfo) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["day"] = lambda value, fmt="%a %d %b %Y": _day(value, tz, fmt)
    env.filters["wrap"] = _wrap
    env.filters["name"] = _name
    env.filters["said"] = _said
    env.filters["outlet_text"] = lambda o: f"{_name(o.source)} <{o.url}>" if o.url else _name(o.source)
    env.filters["segments_text"] = segments_text
    env.filters["counted"] = counted
    env.tests["urdu"] = is_urdu
    return env


def _wrap(text: str, width: int = 69, indent: str = "   ") -> str:
    """``text`` wrapped for the plain-text part; continuation lines indented; URLs never split.
    Urdu text (:func:`_said`) has each of its lines opened and closed with a right-to-left mark."""
    rtl = text.startswith(RLM)
    lines = textwrap.wrap(text[1:] if rtl else text, width - 2 * rtl, break_long_words=False, break_on_hyphens=False)
    return ("\n" + indent).join(RLM + line + RLM if rtl else line for line in lines)


#: The marks that set the direction of what is next to them in a plain-text line, without
#: reordering anything themselves (unlike embeddings and isolates, which a mail program that
#: does not pair them leaves open).
LRM, RLM = "\u200e", "\u200f"
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")


def _name(name: str) -> str:
    """An outlet's or a source's name in a line of the plain-text part, which is English: a
    name in Urdu between left-to-right marks, so that a mail program shows the line left to
    right even when it goes by its first letter, and the day, count or name after it stays
    after it ("روزنامہ آزمائش, 24 Nov" showed as "24 روزنامہ آزمائش, Nov")."""
    return f"{LRM}{name}{LRM}" if _RTL_LETTER.search(name or "") else name


def _said(text: str) -> str:
    """A headline, summary or quote in the plain-text part: Urdu text marked for
    :func:`_wrap` to open and close each of its lines with a right-to-left mark, so that a
    line opening on a number shows it at its right-hand start, and one ending on a quotation
    mark or a full stop shows it at its left-hand end, not at the other."""
    return RLM + text if text and is_urdu(text) else text


def _day(value: str | datetime | None, tz: ZoneInfo, fmt: str) -> str:
    """A timestamp as a day in ``tz``; a bare date (``2025-08-19``) as that very day."""
    if not value:
        return ""
    if isinstance(value, str) and len(value) == 10:
        return date.fromisoformat(value).strftime(fmt)
    dt = parse_timestamp(value) if isinstance(value, str) else value
    return dt.astimezone(tz).strftime(fmt)


def render_html(digest: Digest) -> str:
    """The whole digest as an HTML email body (see :func:`fit_html` for the size limit)."""
    return _env(ZoneInfo(digest.timezone)).get_template("digest.html.j2").render(d=digest)


def render_text(digest: Digest) -> str:
    """The whole digest as plain text: every story and figure, lines wrapped at 72."""
    return _env(ZoneInfo(digest.timezone)).get_template("digest.txt.j2").render(d=digest)


def fit_html(digest: Digest, limit: int = MAX_HTML_BYTES) -> str:
    """The HTML digest in at most ``limit`` bytes: fewer stories per topic, and fewer
    figures, if need be.

    What is left out is counted where it would have been; the plain-text part of the email
    keeps everything.
    """
    html = render_html(digest)
    for stories, figures in CAPS:
        if len(html.encode("utf-8")) <= limit:
            return html
        html = render_html(digest.capped(stories, figures))
    if len(html.encode("utf-8")) > limit:
        log.warning("digest %s: HTML is %d bytes even with %d story per topic and %d figures", digest.week, len(html.encode("utf-8")), *CAPS[-1])
    return html


def write_digest(digest: Digest, out_dir: str | Path) -> tuple[Path, Path]:
    """Write ``digest-<week>.html`` and ``.txt`` into ``out_dir``; return both paths."""
    out = Path(out_dir)
    html_path = out / f"digest-{digest.week}.html"
    text_path = out / f"digest-{digest.week}.txt"
    html, text = fit_html(digest), render_text(digest)
    try:
        out.mkdir(parents=True, exist_ok=True)
        write_atomically(html_path, html.encode("utf-8"))  # a full disk leaves no half a digest
        write_atomically(text_path, text.encode("utf-8"))
    except OSError as e:
        raise cannot_write("the digest", out, e) from None
    return html_path, text_path
