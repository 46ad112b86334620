"""The offline demo: the whole pipeline on a bundled sample of the watch list.

``demo_site/`` holds feeds, listing pages and article pages written for the project about
real events and figures, a sample of SBP's trade in services workbook (``sbp/ecodata/dt.xls``,
written by ``sbp/make_dt_xls.py``), a watched policy page in two versions, and a
``manifest.yaml`` that says which configured source each file stands for and what headers (a
Last-Modified) go with it. :func:`run_demo` serves the folder on 127.0.0.1, points a copy of
the configuration at it and replays two polls of the sample week at their simulated times
(every source, then the watched pages again, now in their second version), then writes the
digest of the sample week, with the official figures and the policy change in it, and the
Atom feeds.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Callable, Sequence

import yaml

from . import pipeline
from .config import Config
from .digest import build_digest, write_digest
from .errors import MonitorError, cannot_write
from .fetch import Fetcher, user_agent
from .models import FetchResult, Source
from .sitesrv import PLACEHOLDER, SiteServer, send
from .store import Store

DEMO_SITE = Path(__file__).resolve().parent / "demo_site"
DEMO_PORT = 8765


@dataclass(frozen=True)
class WatchedPage:
    path: str  # where the page is served
    versions: tuple[str, ...]  # the file served at each poll


@dataclass(frozen=True)
class Manifest:
    week: str
    sources: dict[str, str]  # configured source name -> path on the demo site
    redirects: dict[str, str]
    polls: tuple[str, ...] = ()  # simulated times of the polls (UTC ISO)
    watched: dict[str, WatchedPage] = field(default_factory=dict)  # configured source name -> page
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> headers sent with it


@dataclass(frozen=True)
class DemoResult:
    db: Path
    html: Path
    text: Path
    week: str
    summary: pipeline.PollSummary
    stories: int
    watch_summary: pipeline.PollSummary | None = None  # the second poll, of the watched pages
    policy_changes: int = 0


def load_manifest(site: Path = DEMO_SITE) -> Manifest:
    raw = yaml.safe_load((site / "manifest.yaml").read_text(encoding="utf-8"))
    return Manifest(
        week=raw["week"],
        sources={s["name"]: s["path"] for s in raw["sources"]},
        redirects=dict(raw.get("redirects") or {}),
        polls=tuple(raw.get("polls") or ()),
        watched={w["name"]: WatchedPage(w["path"], tuple(w["versions"])) for w in raw.get("watched") or ()},
        headers={s["path"]: {str(k): str(v) for k, v in s["headers"].items()} for s in raw["sources"] if s.get("headers")},
    )


def demo_config(config: Config, base: str, manifest: Manifest) -> Config:
    """A copy of ``config`` whose sources point at the demo site (others are left out)."""
    paths = {**manifest.sources, **{name: page.path for name, page in manifest.watched.items()}}
    unknown = set(paths) - {s.name for s in config.sources}
    if unknown:
        raise MonitorError(f"the demo manifest names sources that {config.path} does not have: {', '.join(sorted(unknown))}")
    sources = tuple(replace(s, url=base + paths[s.name]) for s in config.sources if s.name in paths)
    fetch = replace(config.fetch, host_delay=0.0, per_host=8, retries=0)
    return replace(config, sources=sources, fetch=fetch)


class ReplayFetcher(Fetcher):
    """A fetcher whose fetches are recorded at a simulated time: the demo replays the polls of
    its sample week, so a watched page's change falls in that week."""

    def __init__(self, config: Config, at: str):
        super().__init__(config.fetch, user_agent(config.user_agent_contact))
        self.at = at

    async def fetch(self, url: str, **kwargs) -> FetchResult:  # type: ignore[override]
        return replace(await super().fetch(url, **kwargs), started_at=self.at)


def _replay(config: Config, store: Store, at: str | None, sources: Sequence[Source] | None, progress) -> pipeline.PollSummary:
    async def run() -> pipeline.PollSummary:
        if at is None:
            return await pipeline.poll_async(config, store, sources=sources, progress=progress, force=True)
        async with ReplayFetcher(config, at) as fetcher:
            return await pipeline.poll_async(config, store, sources=sources, progress=progress, fetcher=fetcher, force=True)

    return asyncio.run(run())


def _day(at: str | None, config: Config) -> str:
    return datetime.fromisoformat(at).astimezone(config.tz).strftime("%a %d %b %Y") if at else "today"


def run_demo(config: Config, out_dir: str | Path = "data/demo", *, site: Path = DEMO_SITE, progress: Callable[[pipeline.SourceReport], None] | None = None, announce: Callable[[str], None] | None = None) -> DemoResult:
    """Serve the sample, replay its polls, write the digest of its week; ``announce`` is told
    what each poll is."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise cannot_write("the demo", out, e) from None
    manifest = load_manifest(site)
    served: dict[str, str] = {}  # watched page path -> file served now

    def watched_route(path: str):
        def handler(h) -> None:
            body = (site / served[path].lstrip("/")).read_bytes().replace(PLACEHOLDER, server.base.encode())
            send(h, 200, body, "text/html; charset=utf-8")

        return handler

    routes = {page.path: watched_route(page.path) for page in manifest.watched.values()}
    # A stable port keeps the sample's URLs, and so its item ids, the same from run to run,
    # so running the demo again adds nothing; a free port is used when that one is taken.
    with SiteServer(site, redirects=manifest.redirects, routes=routes, port=DEMO_PORT, headers=manifest.headers) as server:
        cfg = demo_config(config, server.base, manifest)
        with Store(out / "monitor.db") as store:
            for name, page in manifest.watched.items():  # the first version, unless the archive has them already
                served[page.path] = page.versions[0] if store.last_page_version(name) is None else page.versions[-1]
            polls = list(manifest.polls) or [None]
            if announce:
                announce(f"Polling the bundled sample sources as on {_day(polls[0], cfg)}...")
            summary = _replay(cfg, store, polls[0], None, progress)
            watch_summary = None
            if manifest.watched:
                for name, page in manifest.watched.items():
                    served[page.path] = page.versions[-1]
                watched = [s for s in cfg.sources if s.name in manifest.watched]
                if announce:
                    announce(f"Polling the watched policy pages again on {_day(polls[-1], cfg)}...")
                watch_summary = _replay(cfg, store, polls[-1], watched, progress)
            digest = build_digest(store, cfg, manifest.week)
            html, text = write_digest(digest, out)
    return DemoResult(db=out / "monitor.db", html=html, text=text, week=manifest.week, summary=summary, stories=digest.story_count, watch_summary=watch_summary, policy_changes=len(digest.policy))
