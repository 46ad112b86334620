"""The weekly digest: the stories of one ISO week grouped by topic, as HTML and plain text.

:func:`build_digest` reads the store and returns a :class:`Digest` record; the renderers
turn it into text with the jinja2 templates in ``templates/`` (autoescape on for HTML).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import jinja2

from .config import TOPIC_IDS, Config
from .store import Store
from .weeks import check_week, parse_timestamp, week_bounds

TEMPLATES = Path(os.environ.get("MONITOR_TEMPLATES") or Path(__file__).resolve().parent.parent / "templates")


@dataclass(frozen=True)
class Story:
    id: str
    title: str
    url: str
    source: str
    published: str | None
    summary: str
    topics: tuple[str, ...]
    score: float = 0.0


@dataclass(frozen=True)
class TopicGroup:
    id: str
    label: str
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class Digest:
    week: str
    title: str
    start: datetime
    end: datetime
    groups: tuple[TopicGroup, ...]
    sources: tuple[str, ...] = ()
    top: tuple[Story, ...] = field(default=())

    @property
    def last_day(self) -> datetime:
        return self.end - timedelta(days=1)

    @property
    def story_count(self) -> int:
        return sum(len(g.stories) for g in self.groups)


def topic_label(config: Config, topic: str) -> str:
    raw = config.topics.get(topic) if isinstance(config.topics, dict) else None
    if isinstance(raw, dict) and raw.get("label"):
        return str(raw["label"])
    return topic.replace("_", " ").capitalize()


def build_digest(store: Store, config: Config, week: str) -> Digest:
    """Collect the relevant stories of ``week``; each story appears under its main topic."""
    check_week(week)
    start, end = week_bounds(week, config.tz)
    rows = store.items_in_week(week)
    stories = [
        Story(
            id=r["id"],
            title=r["title"],
            url=r["url"],
            source=r["source"],
            published=r["published"],
            summary=r["summary"] or "",
            topics=tuple(r["topics"]),
            score=r["score"] or 0.0,
        )
        for r in rows
    ]
    order = [t for t in config.topics if t in TOPIC_IDS] + [t for t in TOPIC_IDS if t not in config.topics]
    grouped: dict[str, list[Story]] = {t: [] for t in order}
    other: list[Story] = []
    for s in stories:
        main = next((t for t in s.topics if t in grouped), None)
        (grouped[main] if main else other).append(s)
    groups = [TopicGroup(t, topic_label(config, t), tuple(sorted(v, key=_newest_first))) for t, v in grouped.items() if v]
    if other:
        groups.append(TopicGroup("other", "Other", tuple(sorted(other, key=_newest_first))))
    top = tuple(sorted(stories, key=lambda s: (-s.score, _newest_first(s)))[:3])
    return Digest(
        week=week,
        title=config.digest.title,
        start=start,
        end=end,
        groups=tuple(groups),
        sources=tuple(sorted({s.source for s in stories})),
        top=top,
    )


def _newest_first(s: Story) -> tuple:
    return (-(parse_timestamp(s.published).timestamp() if s.published else 0), s.title)


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html", "html.j2"], default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["day"] = _day
    return env


def _day(value: str | datetime | None, fmt: str = "%a %d %b %Y") -> str:
    if not value:
        return ""
    dt = parse_timestamp(value) if isinstance(value, str) else value
    return dt.strftime(fmt)


def render_html(digest: Digest) -> str:
    return _env().get_template("digest.html.j2").render(d=digest)


def render_text(digest: Digest) -> str:
    return _env().get_template("digest.txt.j2").render(d=digest)


def write_digest(digest: Digest, out_dir: str | Path) -> tuple[Path, Path]:
    """Write ``digest-<week>.html`` and ``.txt`` into ``out_dir``; return both paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html_path = out / f"digest-{digest.week}.html"
    text_path = out / f"digest-{digest.week}.txt"
    html_path.write_text(render_html(digest), encoding="utf-8")
    text_path.write_text(render_text(digest), encoding="utf-8")
    return html_path, text_path
