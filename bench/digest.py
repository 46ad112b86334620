"""Benchmark the weekly digest on a busy synthetic week.

Builds a temporary archive with ``--stories`` relevant items in week 2025-W34 (with text,
spread over the eight topics and ``--sources`` outlets), seven daily fetches per source (one
source in ten failing all week), a figure for one item in ten and 18 months of monthly IT
export figures; then times, best of ``--repeat`` runs:

* ``build_digest`` (every store query: stories, figures with their previous periods, trend,
  source health),
* ``fit_html`` (rendering, trimmed to the 100 KB limit) and ``render_text``,
* ``send_digest`` to the outbox end to end (render, message, claim, atomic .eml write).

Usage::

    .venv/bin/python bench/digest.py [--stories 3000] [--sources 60] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from monitor.config import TOPIC_IDS, load_config  # noqa: E402
from monitor.digest import build_digest, fit_html, render_text  # noqa: E402
from monitor.mail import send_digest  # noqa: E402
from monitor.models import FetchResult, Item  # noqa: E402
from monitor.store import Store, item_id  # noqa: E402
from monitor.weeks import iso_week  # noqa: E402

WEEK = "2025-W34"
SENTENCE = "Freelancers in Lahore said payments through the new channel arrived within two days. "


def build_archive(folder: Path, stories: int, sources: int) -> tuple[Path, Path]:
    """A config listing ``sources`` outlets and an archive of one busy week; return both paths."""
    names = [f"Outlet {n:02d}" for n in range(sources)]
    config_path = folder / "sources.yaml"
    rules = (REPO / "sources.yaml").read_text(encoding="utf-8")
    config_path.write_text("sources:\n" + "".join(f"  - name: {n}\n    url: https://example.com/{i}\n" for i, n in enumerate(names)) + rules[rules.index("\nrelevance:") :], encoding="utf-8")
    config = load_config(config_path)
    db = folder / "monitor.db"
    with Store(db) as store:
        store.sync_sources(config.sources)
        items = []
        for n in range(stories):
            url = f"https://news.example.com/{n}"
            published = f"2025-08-{18 + n % 7}T{n % 24:02d}:00:00+00:00"
            items.append(Item(id=item_id(url), source=names[n % sources], url=url, canonical_url=url, title=f"Story {n}: PSEB registers more IT firms as freelancers file returns", text=SENTENCE * 8, published=published, fetched_at=published, topics=(TOPIC_IDS[n % len(TOPIC_IDS)],), score=float(n % 10)))
        store.save_items(items, week_of=lambda p, f: iso_week(p or f, config.tz))
        facts = [{"series": "it_exports_monthly", "period": f"{2024 + (m + 1) // 12}-{(m + 1) % 12 + 1:02d}", "value": 280.0 + m * 4, "unit": "USD_million", "quote": "Exports rose.", "item": items[0].id, "source": names[0], "published": "2025-08-01T00:00:00+00:00", "found_at": "2025-08-01T00:00:00+00:00"} for m in range(18)]
        facts += [{"series": "freelancer_count", "period": f"2025-{1 + n % 8:02d}", "value": 2_000_000.0 + n, "unit": "count", "quote": "Freelancers registered.", "item": items[n].id, "source": items[n].source, "published": items[n].published, "found_at": items[n].published} for n in range(0, stories, 10)]
        store.save_facts(facts)
        for day in range(18, 25):
            for i, name in enumerate(names):
                failing = i % 10 == 0
                store.record_fetch(name, FetchResult(url="https://example.com/", outcome="http_5xx" if failing else "ok", error="HTTP 503" if failing else None, started_at=f"2025-08-{day}T06:00:00+00:00"))
    return config_path, db


def best(repeat: int, run: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - t0)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=3000)
    parser.add_argument("--sources", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-digest-") as tmp:
        config_path, db = build_archive(Path(tmp), args.stories, args.sources)
        config = load_config(config_path)
        with Store(db) as store:
            t_build, digest = best(args.repeat, lambda: build_digest(store, config, WEEK))
            t_html, html = best(args.repeat, lambda: fit_html(digest))
            t_text, text = best(args.repeat, lambda: render_text(digest))
            t_send, result = best(args.repeat, lambda: send_digest(store, config, WEEK, force=True, outbox=Path(tmp) / "outbox"))
            eml_bytes = result.path.stat().st_size
    print(f"digest of {WEEK}: {digest.story_count} stories from {len(digest.sources)} sources, {len(digest.figures)} figures, {len(digest.health)} source alerts")
    print(f"build_digest  {t_build * 1000:8.1f} ms")
    print(f"fit_html      {t_html * 1000:8.1f} ms   {len(html.encode()):,} bytes of HTML")
    print(f"render_text   {t_text * 1000:8.1f} ms   {len(text.encode()):,} bytes of text")
    print(f"send_digest   {t_send * 1000:8.1f} ms   to the outbox ({result.status}), {eml_bytes:,} bytes of .eml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
