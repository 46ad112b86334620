"""Judging stored items again with the rules of now (``monitor rejudge``).

An item is judged when it is first stored. After a change to the relevance or topic rules in
``sources.yaml``, or an upgrade that reads figures better, the items already in the archive
can be judged again: each is analysed as a poll would analyse it now (its title, its text or
else its teaser, its publication date in the configured timezone, its source's topic hints),
and where the outcome differs (relevance, score, topics, the rules that fired, the figures)
the archive takes the new one. The figures of an item that changed are replaced and every
report of those figures is linked again (which corroborates or revises which) as if they had
been stored so.

What stays as it was: the stories and events items were grouped into (grouping is decided
when an item arrives, against the items of its days); the digests that went out (an item
found relevant only now, in a week whose digest was sent, is not sent later as late news: the
digest did not miss it, the rules did); items are never deleted (one no longer relevant keeps
its row, flagged, whatever ``keep_irrelevant`` says).

:func:`judgment` is the decision, a pure function; :func:`rejudge` reads the archive in
batches, decides, and writes each batch's changes in one transaction, so a run stopped
half-way leaves every item either as it was or judged again, and can simply be run again.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import Callable, Sequence

from . import analyze, corrections
from .config import Config
from .models import Fact, Judgment
from .store import Store
from .weeks import in_timezone

log = logging.getLogger("monitor.rejudge")

#: Items read, judged and written at a time (each batch's changes in one transaction).
BATCH = 200


@dataclass(frozen=True)
class Change:
    """One stored item whose judgment changed, told as the command lists it."""

    item: str
    week: str | None
    title: str
    judgment: Judgment
    was_relevant: bool
    topics_before: tuple[str, ...]
    facts_before: int
    source: str = ""
    score_before: float | None = None
    rules_before: tuple[str, ...] = ()

    @property
    def facts_after(self) -> int:
        return self.facts_before if self.judgment.facts is None else len(self.judgment.facts)

    @property
    def relevance(self) -> str | None:
        """``now relevant``, ``no longer relevant``, or ``None`` when that did not change."""
        if self.judgment.relevant == self.was_relevant:
            return None
        return "now relevant" if self.judgment.relevant else "no longer relevant"

    @property
    def topics(self) -> list[str]:
        """The topics gained (``+it_exports``) and lost (``-payments``)."""
        return [*(f"+{t}" for t in self.judgment.topics if t not in self.topics_before), *(f"-{t}" for t in self.topics_before if t not in self.judgment.topics)]

    @property
    def rules(self) -> list[str]:
        """The rules that fire now and did not (``+freelancing:title:Upwork``), then those
        that no longer fire (``-...``)."""
        return [*(f"+{r}" for r in self.judgment.rules if r not in self.rules_before), *(f"-{r}" for r in self.rules_before if r not in self.judgment.rules)]

    def line(self) -> str:
        """``2025-W34  now relevant (score 1.5 -> 4), topics +vpn_internet, figures 0 -> 2  <source>: <title>``:
        what changed, with the score (the one that decided, when only the threshold moved)
        and, when they changed, the rules that fired (the first two, and how many more)."""
        score_changed = not _same_score(self.judgment.score, self.score_before)
        score = f"score {_number(self.score_before)} -> {_number(self.judgment.score)}" if score_changed else f"score {_number(self.judgment.score)}"
        parts = [f"{self.relevance} ({score})"] if self.relevance else ([score] if score_changed else [])
        if self.topics:
            parts.append("topics " + " ".join(self.topics))
        if self.judgment.facts is not None:
            parts.append(f"figures {self.facts_before} -> {self.facts_after}" if self.facts_after != self.facts_before else "figures changed")
        if rules := self.rules:
            parts.append("rules " + " ".join(rules[:2]) + (f" (and {len(rules) - 2} more)" if len(rules) > 2 else ""))
        where = f"{self.source}: " if self.source else ""
        return f"{self.week or '-'}  {', '.join(parts or ['rules in another order'])}  {where}{self.title}"


def _number(x: float | None) -> str:
    return "none" if x is None else f"{round(x, 2):g}"


@dataclass
class RejudgeSummary:
    judged: int = 0
    changes: list[Change] = field(default_factory=list)
    sent_weeks: set[str] = field(default_factory=set)  # weeks whose digest went out, as the run began

    def counts(self) -> Counter:
        c: Counter = Counter()
        for ch in self.changes:
            if ch.relevance:
                c[ch.relevance] += 1
                c["in sent weeks"] += ch.judgment.relevant and ch.week in self.sent_weeks
            c["topics"] += bool(ch.topics)
            c["score or rules only"] += not (ch.relevance or ch.topics or ch.judgment.facts is not None)
            if ch.judgment.facts is not None:
                c["figures"] += 1
                c["figures added"] += max(0, ch.facts_after - ch.facts_before)
                c["figures removed"] += max(0, ch.facts_before - ch.facts_after)
        return c


def judgment(item: dict, rules: "analyze.Rules", *, hints: Sequence[str] = (), tz: tzinfo) -> Judgment | None:
    """``item`` (a stored item as :meth:`monitor.store.Store.items_to_judge` gives it) judged
    with ``rules`` now; ``None`` when nothing differs from its stored judgment. The editor's
    verdict on its story (``item["verdict"]``, see :func:`monitor.corrections.relevance`)
    decides its relevance over the rules. The figures are compared as found (series, period,
    value, unit, basis, quote); ``facts`` is ``None`` when they are the same."""
    result, relevant, found = _read_now(item, rules, hints=hints, tz=tz)
    # the stored figures carry the editor's corrections, which the store applies again
    facts = tuple(f for f, _ in corrections.apply(found, item.get("corrections", ())))
    same_facts = Counter(map(_found, facts)) == Counter(map(_found, item["facts"]))
    if (
        relevant == item["relevant"]
        and tuple(result.topics) == tuple(item["topics"])
        and tuple(result.rules) == tuple(item["rules"])
        and _same_score(result.score, item["score"])
        and same_facts
    ):
        return None
    return Judgment(item["id"], relevant, result.score, tuple(result.topics), tuple(result.rules), None if same_facts else tuple(found))


def _read_now(item: dict, rules: "analyze.Rules", *, hints: Sequence[str], tz: tzinfo) -> tuple["analyze.Analysis", bool, tuple[Fact, ...]]:
    """``item`` analysed with ``rules`` now: the analysis, whether the item is relevant (the
    editor's verdict on its story stands whatever the rules say) and the figures it gives as
    found, before any correction (an item the editor holds relevant gives those the rules
    read in it)."""
    result = analyze.analyze(item["title"] or "", item["text"] or item["summary"] or "", rules=rules, published=in_timezone(item["published"], tz), hints=hints)
    relevant = corrections.relevance(result.relevant, item.get("verdict"))
    found = tuple(result.facts if result.relevant else result.asides) if relevant else ()
    return result, relevant, found


def unmatched(config: Config, store: Store, rows: Sequence[dict]) -> set[int]:
    """The ids of the figure corrections in force among ``rows`` (``corrections`` rows) that
    name no figure the rules read in their item now: a rule changed since, so the item no
    longer gives the figure as it was read when corrected (or is no longer relevant), and the
    next ``monitor rejudge`` leaves the correction unapplied."""
    figures = [c for c in rows if c["kind"] == "figure" and not c["undone_at"]]
    if not figures:
        return set()
    rules = config.rules()
    hints = {s.name: tuple(s.topics) for s in config.sources}
    wanted = sorted({c["item"] for c in figures})
    items = {i["id"]: i for i in store.items_to_judge(ids=wanted, limit=len(wanted))}
    found = {i: _read_now(item, rules, hints=hints.get(item["source"], ()), tz=config.tz)[2] for i, item in items.items()}
    return {c["id"] for c in figures if not any(corrections.matches(c, f) for f in found.get(c["item"], ()))}


def _found(f: Fact) -> tuple:
    return f.series, f.period, round(f.value, 6), f.unit, f.basis, f.quote


def _same_score(a: float, b: float | None) -> bool:
    return b is not None and abs(a - b) < 1e-9


Progress = Callable[[int, int], None]


def judge_again(config: Config, store: Store, items: Sequence[str], *, rules: "analyze.Rules | None" = None) -> list[Judgment]:
    """Judge the stored ``items`` again now and write what changed: after the editor gave
    a verdict on their story, or took one back, or when new items join a story that has
    one. Returns the judgments written."""
    if not items:
        return []
    rules = rules or config.rules()
    hints = {s.name: tuple(s.topics) for s in config.sources}
    judgments = [
        j for item in store.items_to_judge(ids=items, limit=len(items))
        if (j := judgment(item, rules, hints=hints.get(item["source"], ()), tz=config.tz)) is not None
    ]
    if judgments:
        store.save_judgments(judgments)
    return judgments


def rejudge(config: Config, store: Store, *, since: str | None = None, dry_run: bool = False, progress: Progress | None = None) -> RejudgeSummary:
    """Judge the stored items (published on or after the date ``since``, when given) again
    with ``config``'s rules and write what changed, unless ``dry_run``. ``progress`` is
    called after each batch with ``(items judged, items to judge)``."""
    rules = config.rules()
    hints = {s.name: tuple(s.topics) for s in config.sources}
    summary = RejudgeSummary(sent_weeks={d["week"] for d in store.digests() if d["status"] in ("sent", "sending")})
    total = store.count_items_since(since)
    after = 0
    while batch := store.items_to_judge(since=since, after=after, limit=BATCH):
        after = batch[-1]["n"]
        changes = []
        for item in batch:
            j = judgment(item, rules, hints=hints.get(item["source"], ()), tz=config.tz)
            if j is not None:
                changes.append(Change(item["id"], item["week"], item["title"], j, item["relevant"], tuple(item["topics"]), len(item["facts"]), item["source"], item["score"], tuple(item["rules"])))
        if changes and not dry_run:
            store.save_judgments([c.judgment for c in changes])
        for c in changes:
            log.info("%s %s: %s", "would change" if dry_run else "changed", c.item, c.line())
        summary.changes.extend(changes)
        summary.judged += len(batch)
        if progress:
            progress(summary.judged, total)
    return summary
