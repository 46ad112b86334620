"""Time ``monitor rejudge`` on an archive of real articles, against analysing them alone.

The archive holds the 2,654 window articles of ``pk-news-dev`` and the 1,200 ``near-dup-urdu``
stories (read as ``bench/facts_speed.py`` reads them), few of them on the beat, and the written
articles of ``bench/phrasings/`` (each on the beat, with many figures, several of one release),
stored as a poll stores them: every one with its judgment, the relevant ones' figures with
their reports linked. Then, each timed:

* **analyse alone**: :func:`monitor.analyze.analyze` over the same texts, nothing read or
  written: what judging them again must cost at least;
* **rejudge, rules unchanged**: every item judged again, none changes;
* **rejudge, rules changed**: the relevance threshold raised from 3.5 to 12, so that some items
  are no longer relevant and lose their figures, and every report of those is linked again;
* **rejudge, rules back**: the threshold back to 3.5, every item as first judged: the figures
  and which report corroborates or revises which must be as they were.

Usage::

    .venv/bin/python bench/rejudge.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from monitor import analyze  # noqa: E402
from monitor.config import load_config  # noqa: E402
from monitor.models import Item  # noqa: E402
from monitor.rejudge import rejudge  # noqa: E402
from monitor.store import Store, item_id  # noqa: E402


def _documents(corpus: Path) -> list[tuple[str, str, str]]:
    spec = importlib.util.spec_from_file_location("bench_facts_speed", REPO / "bench" / "facts_speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = []
    for path in sorted((REPO / "bench" / "phrasings").glob("*articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            a = json.loads(line)
            written.append((a["title"], a["text"], a["published"]))
    return module.documents(corpus) + written


def build(store: Store, docs, config) -> None:
    rules = config.rules()
    for start in range(0, len(docs), 500):
        items, rows = [], []
        for n, (title, text, day) in enumerate(docs[start : start + 500], start):
            r = analyze.analyze(title, text, rules=rules, published=day)
            url = f"https://news.example.com/{n}"
            item = Item(item_id(url), "Bench", url, url, title or f"story {n}", "", text, day, f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}+00:00",
                        topics=r.topics, relevant=r.relevant, score=r.score, rules=r.rules)  # fmt: skip
            items.append(item)
            if r.relevant:
                rows += [{"series": f.series, "period": f.period, "value": f.value, "unit": f.unit, "basis": f.basis, "quote": f.quote,
                          "item": item.id, "source": "Bench", "published": day, "found_at": item.fetched_at} for f in r.facts]  # fmt: skip
        with store.transaction():
            store.save_items(items, week_of=lambda p, f: "2026-W01")
            store.save_facts(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args()
    docs = _documents(args.corpus)
    source = (REPO / "sources.yaml").read_text(encoding="utf-8")
    assert "threshold: 3.5" in source
    with tempfile.TemporaryDirectory() as tmp:
        same, higher = Path(tmp) / "same.yaml", Path(tmp) / "higher.yaml"
        same.write_text(source, encoding="utf-8")
        higher.write_text(source.replace("threshold: 3.5", "threshold: 12.0", 1), encoding="utf-8")
        config, config_higher = load_config(same), load_config(higher)
        with Store(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            build(store, docs, config)
            built = time.perf_counter() - t0
            relevant = store.db.execute("SELECT count(*) FROM items WHERE relevant = 1").fetchone()[0]
            figures = store.db.execute("SELECT count(*) FROM facts").fetchone()[0]
            print(f"archive: {len(docs):,} items ({relevant:,} relevant, {figures:,} figures), stored in {built:.1f}s")

            rules = config.rules()
            t0 = time.perf_counter()
            for title, text, day in docs:
                analyze.analyze(title, text, rules=rules, published=day)
            alone = time.perf_counter() - t0
            print(f"{'analyse alone':<28} {alone:6.1f}s  {len(docs) / alone:6.0f} items/s")
            before = links(store)
            for name, cfg in (("rejudge, rules unchanged", config), ("rejudge, threshold 12", config_higher), ("rejudge, threshold back", config)):
                t0 = time.perf_counter()
                summary = rejudge(cfg, store)
                took = time.perf_counter() - t0
                c = summary.counts()
                print(f"{name:<28} {took:6.1f}s  {summary.judged / took:6.0f} items/s  {took / alone:4.2f}x analyse alone;"
                      f" {len(summary.changes):,} changed ({c['no longer relevant']} no longer relevant, {c['now relevant']} now relevant,"
                      f" {c['figures removed']} figures removed, {c['figures added']} added)")  # fmt: skip
            after = links(store)
            linked = sum(1 for _, c, r in before if c or r)
            print(f"after the round trip: {len(after):,} figures, {sum(1 for _, c, r in after if c or r):,} linked to another;"
                  f" before: {len(before):,}, {linked:,}; {'the same' if after == before else 'NOT the same'}")  # fmt: skip


def links(store: Store) -> list[tuple]:
    """Every news figure and what it corroborates and revises, told by items and quotes (a
    figure replaced by ``rejudge`` has a new id)."""
    q = """
    SELECT f.item || ' ' || f.quote || ' ' || f.value, c.item || ' ' || c.quote || ' ' || c.value, r.item || ' ' || r.quote || ' ' || r.value
    FROM facts f LEFT JOIN facts c ON c.id = f.corroborates LEFT JOIN facts r ON r.id = f.revises WHERE f.origin = 'news'
    """
    return sorted(tuple(row) for row in store.db.execute(q).fetchall())


if __name__ == "__main__":
    main()
