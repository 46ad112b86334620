"""Dump every grouping decision of deduplication, to show that a change to its speed changed
no decision.

For each item: the story it was placed in when placed (what :func:`monitor.dedup.assign`
returned) and, once all are placed, its story, how it joined it (reason and score) and its
story's event, with how that story joined it. Three streams:

- ``synthetic``: the first ``--items`` items of ``bench/dedup.py``'s synthetic stream, into
  the SQLite index of a new archive (:class:`monitor.store.Store`), one transaction per 25
  items, as that benchmark places them;
- ``english``: the 2,373 articles of ``pk-news-dev`` as ``bench/dedup_en.py`` places them,
  into an archive and into a :class:`monitor.dedup.MemoryIndex`;
- ``counter``: each pair of COUNTER (``near-dup-urdu``) in an index of its own, as
  ``bench/dedup.py`` scores them.

Usage::

    .venv/bin/python bench/dedup_decisions.py --out before.json [--items 30000]
    .venv/bin/python bench/dedup_decisions.py --out after.json && cmp before.json after.json

Without ``--out`` (as ``make bench`` runs it) the file is ``bench/out/dedup-decisions.json``. A
corpus that is missing is left out (and said so). The file is JSON, one key per stream.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import dedup as bench_dedup  # noqa: E402
import dedup_en  # noqa: E402

from monitor import dedup  # noqa: E402
from monitor.pipeline import dedup_input  # noqa: E402
from monitor.store import SqliteDedupIndex, Store  # noqa: E402


def _final(index: dedup.DedupIndex, ids: list[str]) -> dict[str, list]:
    out: dict[str, list] = {}
    for item_id in ids:
        indexed = index.get(item_id)
        assert indexed is not None, item_id
        m = indexed.member
        story = index.cluster(m.cluster)
        assert story is not None, m.cluster
        out[item_id] = [m.cluster, m.reason, m.score, story.event or story.id, story.event_reason, story.event_score, story.primary_item, story.size]
    return out


def synthetic(items: int, batch: int = 25) -> dict:
    placed: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "monitor.db")
        conn, index = store.db.conn, SqliteDedupIndex(store.db)
        for n, (item, _story) in enumerate(bench_dedup.Synthetic().stream(items), 1):
            if (n - 1) % batch == 0:
                conn.execute("BEGIN IMMEDIATE")
            placed[item.id] = dedup.assign(item, index)
            if n % batch == 0 or n == items:
                conn.execute("COMMIT")
        final = _final(index, list(placed))
        store.close()
    return {"placed": placed, "final": final}


def english(memory: bool) -> dict | None:
    if not dedup_en.DEFAULT_ARTICLES.exists():
        print("english: no pk-news-dev, left out", file=sys.stderr)
        return None
    batches = dedup_en.load_items(dedup_en.DEFAULT_ARTICLES)
    placed: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store = None if memory else Store(Path(tmp) / "monitor.db")
        index: dedup.DedupIndex = dedup.MemoryIndex() if store is None else SqliteDedupIndex(store.db)
        for items in batches:
            if store is not None:
                with store.transaction():
                    for item in items:
                        placed[item.id] = dedup.assign(dedup_input(item), index)
            else:
                for item in items:
                    placed[item.id] = dedup.assign(dedup_input(item), index)
        final = _final(index, list(placed))
        if store is not None:
            store.close()
    return {"placed": placed, "final": final}


def counter() -> dict | None:
    if not bench_dedup.DEFAULT_CORPUS.exists():
        print("counter: no near-dup-urdu, left out", file=sys.stderr)
        return None
    out = {}
    for pair in bench_dedup.load_pairs(bench_dedup.DEFAULT_CORPUS):
        index = dedup.MemoryIndex()
        a, b = dedup.assign(pair.source, index), dedup.assign(pair.derived, index)
        out[pair.id] = [a, b, _final(index, [pair.source.id, pair.derived.id])]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "dedup-decisions.json", help="the JSON file to write [%(default)s]")
    parser.add_argument("--items", type=int, default=30_000, help="synthetic items")
    args = parser.parse_args()
    result = {}
    for name, make in (("counter", counter), ("english_memory", lambda: english(True)), ("english_archive", lambda: english(False)),
                       ("synthetic", lambda: synthetic(args.items))):  # fmt: skip
        started = time.process_time()
        result[name] = make()
        print(f"{name}: {time.process_time() - started:.1f} s CPU", file=sys.stderr, flush=True)
    text = json.dumps(result, sort_keys=True, ensure_ascii=False)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {hashlib.sha256(text.encode()).hexdigest()[:16]}", file=sys.stderr)


if __name__ == "__main__":
    main()
