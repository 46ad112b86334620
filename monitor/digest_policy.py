"""The digest's "Policy pages changed this week": the week's changes of watched pages.

One entry per change found in the week (a page that changed twice has two), each with a few
lines of what was added and removed (a changed sentence shows its words struck out and put
in, with a little context around them), the new documents linked, a link to the page and one
to the full diff in the archive (Datasette, under ``monitor.public_url``).

Order: changes that touch a watched subject (relevant) first, then by their main (first)
topic in the order of ``sources.yaml``, as stories are grouped, then the most relevant, then
the newest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import public
from .config import TOPIC_IDS, Config
from .store import Store

#: Lines shown for one change; the rest are counted and in the full diff.
MAX_LINES = 5
#: Characters of one sentence shown; a changed sentence keeps this many around its changes.
MAX_CHARS = 220
CONTEXT_WORDS = 8


@dataclass(frozen=True)
class PolicyLine:
    """One line of a change: ``op`` is added, removed, changed, document or document_removed;
    ``segments`` are ``(same | del | ins, text)``."""

    op: str
    segments: tuple[tuple[str, str], ...]
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class PolicyChange:
    source: str
    title: str  # the page's headline
    url: str  # the page ("" when not an absolute http(s) URL)
    history_url: str  # the full diff in the archive
    fetched_at: str
    page_date: str | None  # the page's own "last updated" date
    summary: str  # "2 sentences added, 1 removed"
    topics: tuple[str, ...]
    topic_labels: tuple[str, ...]
    relevant: bool
    score: float
    lines: tuple[PolicyLine, ...]
    more: int = 0  # changes not shown


def build_policy_changes(store: Store, config: Config, week: str, db_path: str | Path | None = None) -> tuple[PolicyChange, ...]:
    """The changes of watched pages found in ``week``, most important first."""
    from .digest import safe_url, topic_label

    db_path = db_path or store.path
    changes = []
    for v in store.week_page_changes(week):
        lines = visible_lines(v["changes"])
        changes.append(
            PolicyChange(
                source=v["source"],
                title=" ".join((v["title"] or v["source"]).split()),
                url=safe_url(v["url"] or ""),
                history_url=public.history_url(config.public_url, db_path, v["source"], v["version"]),
                fetched_at=v["fetched_at"],
                page_date=v["page_date"],
                summary=v["summary"] or "",
                topics=tuple(v["topics"]),
                topic_labels=tuple(topic_label(config, t) for t in v["topics"]),
                relevant=v["relevant"],
                score=v["score"] or 0.0,
                lines=tuple(lines[:MAX_LINES]),
                more=max(0, len(lines) - MAX_LINES),
            )
        )
    order = [t for t in config.topics if t in TOPIC_IDS] + [t for t in TOPIC_IDS if t not in config.topics]
    rank = {t: i for i, t in enumerate(order)}
    changes.sort(key=lambda c: c.fetched_at, reverse=True)
    changes.sort(key=lambda c: (not c.relevant, rank.get(c.topics[0], len(rank)) if c.topics else len(rank), -c.score))
    return tuple(changes)


def visible_lines(changes: list[dict]) -> list[PolicyLine]:
    """The lines a reader sees: new documents first, then sentences added, removed and
    changed in page order, then document links removed; moves are left out."""
    from .digest import safe_url

    documents = [c for c in changes if c["op"] == "document"]
    lines = [PolicyLine("document", (("ins", clip(c.get("text", ""))),), safe_url(c.get("url") or ""), c.get("note", "")) for c in documents]
    for c in changes:
        op = c["op"]
        if op == "added":
            lines.append(PolicyLine("added", (("ins", clip(c["text"])),)))
        elif op == "removed":
            lines.append(PolicyLine("removed", (("del", clip(c["text"])),)))
        elif op == "changed":
            lines.append(PolicyLine("changed", around_changes([tuple(w) for w in c.get("words", [])])))
        elif op == "document_removed":
            lines.append(PolicyLine("document_removed", (("del", clip(c.get("text", ""))),), safe_url(c.get("url") or "")))
    return lines


def clip(text: str, limit: int = MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


_KEY = re.compile(r"^(.{1,60}?(?: \||:))\s")


def around_changes(words: list[tuple[str, str]], context: int = CONTEXT_WORDS) -> tuple[tuple[str, str], ...]:
    """A changed sentence word by word, with long unchanged runs cut to ``context`` words next
    to the changes (an ellipsis marks each cut); a table row's first cell or a line's label
    ("Freelancer |", "Fee:") is kept. Runs keep the space before them (see
    :func:`monitor.watch.word_diff`)."""
    out = []
    for i, (kind, text) in enumerate(words):
        if kind != "same":
            out.append((kind, clip(text) if not text[:1].isspace() else " " + clip(text)))
            continue
        lead = " " if text[:1].isspace() else ""
        tokens = text.split()
        first, last = i == 0, i == len(words) - 1
        keep = context if first or last else 2 * context
        if len(tokens) > keep:
            if first:
                key = _KEY.match(text)
                kept = " ".join(tokens[-context:])
                text = f"{key[1]} … {kept}" if key and len(key[1].split()) < len(tokens) - context else f"… {kept}"
            elif last:
                text = lead + " ".join(tokens[:context]) + " …"
            else:
                text = lead + " ".join(tokens[:context]) + " … " + " ".join(tokens[-context:])
        out.append(("same", text))
    return tuple(out)


def segments_text(segments: tuple[tuple[str, str], ...], op: str) -> str:
    """A line's words as plain text: a changed sentence marks ``[-removed-]`` and
    ``{+added+}`` words; other lines are their text (their sign says the rest)."""
    if op != "changed":
        return "".join(text for _, text in segments)
    return "".join(text if kind == "same" else _lead(text) + (f"[-{text.strip()}-]" if kind == "del" else f"{{+{text.strip()}+}}") for kind, text in segments)


def _lead(text: str) -> str:
    return " " if text[:1].isspace() else ""
