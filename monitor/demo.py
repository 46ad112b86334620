"""The offline demo: the whole pipeline on a bundled sample of the watch list.

``demo_site/`` holds feeds, listing pages and article pages written for the project about
real events and figures, a sample of SBP's trade in services workbook (``sbp/ecodata/dt.xls``,
written by ``sbp/make_dt_xls.py``), and a ``manifest.yaml`` that says which configured source
each file stands for and what headers (a Last-Modified) go with it. :func:`run_demo` serves the folder on 127.0.0.1, points a copy of the
configuration at it, runs one poll and writes the digest of the sample week.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import yaml

from . import pipeline
from .config import Config
from .digest import build_digest, write_digest
from .errors import MonitorError
from .sitesrv import SiteServer
from .store import Store

DEMO_SITE = Path(__file__).resolve().parent / "demo_site"
DEMO_PORT = 8765


@dataclass(frozen=True)
class Manifest:
    week: str
    sources: dict[str, str]  # configured source name -> path on the demo site
    redirects: dict[str, str]
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> headers sent with it


@dataclass(frozen=True)
class DemoResult:
    db: Path
    html: Path
    text: Path
    week: str
    summary: pipeline.PollSummary
    stories: int


def load_manifest(site: Path = DEMO_SITE) -> Manifest:
    raw = yaml.safe_load((site / "manifest.yaml").read_text(encoding="utf-8"))
    return Manifest(
        week=raw["week"],
        sources={s["name"]: s["path"] for s in raw["sources"]},
        redirects=dict(raw.get("redirects") or {}),
        headers={s["path"]: {str(k): str(v) for k, v in s["headers"].items()} for s in raw["sources"] if s.get("headers")},
    )


def demo_config(config: Config, base: str, manifest: Manifest) -> Config:
    """A copy of ``config`` whose sources point at the demo site (others are left out)."""
    unknown = set(manifest.sources) - {s.name for s in config.sources}
    if unknown:
        raise MonitorError(f"the demo manifest names sources that {config.path} does not have: {', '.join(sorted(unknown))}")
    sources = tuple(replace(s, url=base + manifest.sources[s.name]) for s in config.sources if s.name in manifest.sources)
    fetch = replace(config.fetch, host_delay=0.0, per_host=8, retries=0)
    return replace(config, sources=sources, fetch=fetch)


def run_demo(config: Config, out_dir: str | Path = "data/demo", *, site: Path = DEMO_SITE, progress: Callable[[pipeline.SourceReport], None] | None = None) -> DemoResult:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(site)
    # A stable port keeps the sample's URLs, and so its item ids, the same from run to run,
    # so running the demo again adds nothing; a free port is used when that one is taken.
    with SiteServer(site, redirects=manifest.redirects, port=DEMO_PORT, headers=manifest.headers) as server:
        cfg = demo_config(config, server.base, manifest)
        with Store(out / "monitor.db") as store:
            summary = pipeline.poll(cfg, store, progress=progress, force=True)
            digest = build_digest(store, cfg, manifest.week)
            html, text = write_digest(digest, out)
    return DemoResult(db=out / "monitor.db", html=html, text=text, week=manifest.week, summary=summary, stories=digest.story_count)
