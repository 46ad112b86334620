"""Benchmark the pages `monitor serve` opens on, over a large synthetic archive.

Builds an archive of ``--items`` items with the real store (made-up words with news-like
frequencies: a title, a teaser and about 3 KB of text each, spread over ``--weeks`` weeks
and 60 sources, two topics each, one fact in three), then asks the Datasette that
`monitor serve` runs (same metadata and settings, in-process, no network) for each page
``--repeat`` times and prints the median and slowest time. Datasette stops a query at
``sql_time_limit_ms`` (1 s) and a facet at ``facet_time_limit_ms`` (200 ms), so a page near
those limits is one that starts failing as the archive grows; the run fails if any does.

Last, it times counting items by topic both ways: the facet Datasette runs over the JSON
``items.topics`` (``_facet_array=topics``) and the one over the ``item_topics`` table.

Usage::

    .venv/bin/python bench/serve.py [--items 100000] [--weeks 104] [--repeat 9] [--keep PATH]

``--keep PATH`` builds the archive at PATH once and reuses it on later runs.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, time as clock, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from monitor.models import FetchResult, Item, Source  # noqa: E402
from monitor.serve import database_name, datasette_for  # noqa: E402
from monitor.store import Store, item_id  # noqa: E402
from monitor.weeks import iso_week  # noqa: E402

KARACHI = ZoneInfo("Asia/Karachi")
TOPICS = ("freelancing", "industry_bodies", "vpn_internet", "it_exports", "payments", "taxes", "skills", "rankings")
DOMAIN = (
    "freelancers exporters remittances broadband VPN registration PSEB PAFLA P@SHA State Bank "
    "Karachi Lahore Islamabad Peshawar Quetta budget tax withholding Payoneer accounts digital "
    "skills training internet shutdown fibre startups software houses ICT services fiscal year"
).split()


def _vocabulary(size: int = 20_000) -> tuple[list[str], list[float]]:
    """Made-up words with news-like (Zipf) frequencies; the domain words are among the rarer half."""
    rng = random.Random(7)
    words = ["".join(rng.choice("abcdefghijklmnoprstuwy") for _ in range(rng.randint(2, 10))) for _ in range(size)]
    for i, word in enumerate(DOMAIN):
        words[200 + i * 150] = word.lower()
    return words, [1 / (rank + 1) for rank in range(size)]


VOCABULARY, WEIGHTS = _vocabulary()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(VOCABULARY, WEIGHTS, k=words))


def build(path: Path, items: int, weeks: int) -> None:
    """Fill ``path`` with a synthetic archive through the store."""
    sources = [Source(f"Source {s:02d}", f"https://source{s:02d}.example.pk/feed") for s in range(60)]
    today = datetime.now(KARACHI).date()
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    rng = random.Random(34)
    with Store(path) as store:
        store.sync_sources(sources)
        for start in range(0, items, 1000):
            batch, facts = [], []
            for n in range(start, min(start + 1000, items)):
                url = f"https://news.example.pk/{n}"
                day = first_monday + timedelta(days=(n * weeks * 7) // items)
                published = datetime.combine(day, clock(n % 24), timezone.utc).isoformat()
                topics = (TOPICS[n % 8], TOPICS[(n // 8) % 8])
                batch.append(Item(id=item_id(url), source=sources[n % 60].name, url=url, canonical_url=url, title=_text(rng, 10).capitalize(), summary=_text(rng, 30), text=_text(rng, 450), published=published, fetched_at=published, topics=topics, relevant=n % 5 != 0, score=1.5))
                if n % 3 == 0:
                    facts.append({"series": "it_exports_monthly", "period": day.strftime("%Y-%m"), "value": 300 + n % 80, "unit": "USD_million", "quote": _text(rng, 25), "item": batch[-1].id, "source": batch[-1].source, "published": published, "found_at": published})
            store.save_items(batch, week_of=lambda published, fetched: iso_week(published or fetched, KARACHI))
            store.save_facts(facts)
        for s in sources:
            store.record_fetch(s.name, FetchResult(s.url, "ok", status=200), state={"last_success": datetime.now(timezone.utc).isoformat(), "last_new_item": datetime.now(timezone.utc).isoformat()})


PAGES = {
    "front page": "/{db}",
    "items (HTML, facets)": "/{db}/items",
    "items (JSON, facets)": "/{db}/items.json",
    "items of one week": "/{db}/items.json?week=2025-W34",
    "items search box": "/{db}/items.json?_search=vpn+registration",
    "item_topics (HTML, facets)": "/{db}/item_topics",
    "item_topics one topic": "/{db}/item_topics.json?topic=vpn_internet&_labels=on",
    "search (canned)": "/{db}/search.json?q=vpn+registration",
    "stories_this_week": "/{db}/stories_this_week.json",
    "stories_this_week topic": "/{db}/stories_this_week.json?topic=freelancing",
    "stories (view)": "/{db}/stories",
    "facts_series": "/{db}/facts_series.json?series=it_exports_monthly",
    "source_health": "/{db}/source_health.json",
}

#: The facet SQL Datasette 0.65 runs for ``_facet_array=topics`` on items, and for ``topic``
#: on item_topics.
TOPIC_COUNTS = {
    "array facet on items.topics": """
        WITH inner AS (SELECT * FROM items),
        deduped_array_items AS (SELECT DISTINCT j.value, inner.* FROM json_each(inner.topics) j JOIN inner)
        SELECT value, count(*) FROM deduped_array_items GROUP BY value ORDER BY count(*) DESC, value LIMIT 31""",
    "facet on item_topics.topic": """
        SELECT topic AS value, count(*) AS count FROM (SELECT * FROM item_topics ORDER BY published DESC)
        WHERE topic IS NOT NULL GROUP BY topic ORDER BY count DESC, value LIMIT 31""",
}


def time_topic_counts(db: Path) -> list[tuple[str, float]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    timings = []
    for name, sql in TOPIC_COUNTS.items():
        t0 = time.perf_counter()
        conn.execute(sql).fetchall()
        timings.append((name, time.perf_counter() - t0))
    conn.close()
    return timings


async def measure(db: Path, repeat: int) -> list[tuple[str, int, float, float]]:
    ds = datasette_for(db)
    await ds.invoke_startup()
    results = []
    for name, path in PAGES.items():
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            r = await ds.client.get(path.format(db=database_name(db)))
            times.append(time.perf_counter() - t0)
            if r.status_code != 200 or "timed out" in r.text.lower():
                raise SystemExit(f"{name}: HTTP {r.status_code}: {r.text[:300]}")
        results.append((name, len(r.content), statistics.median(times), max(times)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--weeks", type=int, default=104)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="build the archive here once, reuse it later")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "monitor.db"
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.items, args.weeks)
            print(f"built in {time.perf_counter() - t0:.0f}s")
        with Store(db) as store:
            print(f"archive: {store.count_items()} items, {db.stat().st_size / 1e6:.0f} MB")
        print(f"{'page':<28} {'bytes':>9} {'median ms':>10} {'max ms':>8}")
        for name, size, median, slowest in asyncio.run(measure(db, args.repeat)):
            print(f"{name:<28} {size:>9} {median * 1000:>10.0f} {slowest * 1000:>8.0f}")
        for name, seconds in time_topic_counts(db):
            print(f"topic counts, {name}: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
