"""Deduplication against datasketch's MinHash LSH, the usual library for near-duplicate text.

datasketch (https://github.com/ekzhu/datasketch) is what most deduplication pipelines build
on: MinHash signatures of each document's shingles, and locality-sensitive hashing to find
documents whose estimated Jaccard resemblance passes a threshold (``MinHashLSH``), or whose
containment does (``MinHashLSHEnsemble``). Both sides see the same word bigrams, normalised
by :func:`monitor.dedup.words`, so the comparison is about the matching, not the tokens.

**Quality** on COUNTER (as ``bench/dedup.py``: each pair on its own, dated as the corpus
dates it): the share of wholly derived (WD), partially derived (PD) and independently
written (ND) pairs grouped, for

- the monitor (:func:`monitor.dedup.assign`);
- ``MinHashLSH`` at Jaccard thresholds 0.5 and 0.3, and at the threshold that, in hindsight,
  groups at most 5% of ND pairs (an upper bound for the method, not a setting one could pick
  without the labels);
- ``MinHashLSHEnsemble``: the later story's shingles contained in the earlier one's, at 0.5.

**Speed** on the synthetic stream of ``bench/dedup.py`` (news-like items, a third of the
stories reprinted one to five times with a new intro, cuts and edits): items per second and
how many reprints joined their original's story, for the monitor as it runs (the SQLite index
of a new archive in a temporary directory, one transaction per 25 items), the monitor in
memory (:class:`monitor.dedup.MemoryIndex`, as ``monitor dedup`` uses it), and a
``MinHashLSH`` in memory, queried, then inserted into, for each item, the item joining the
story of the first item it returns. datasketch keeps nothing on disk and looks back over the
whole stream; the monitor looks back over the 7-day window.

usage: bench/dedup_peer.py [--corpus DIR] [--items 50000] [--methods monitor,memory,datasketch] [--skip-quality] [--skip-scale]

``bench/dedup.py`` runs it with ``--methods datasketch`` on its own stream, in a process of
its own, so that each reports its own memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

try:
    from datasketch import MinHash, MinHashLSH, MinHashLSHEnsemble
except ImportError:  # an extra of the benchmarks (`make bench` installs it): --help still works
    MinHash = MinHashLSH = MinHashLSHEnsemble = None

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from dedup import DEFAULT_CORPUS, Synthetic, grouped_shares, load_pairs  # noqa: E402

from monitor import dedup  # noqa: E402
from monitor.store import SqliteDedupIndex, Store  # noqa: E402

PERMUTATIONS = 128


def bigrams(item: dedup.DedupInput) -> set[bytes]:
    """The item's word bigrams (title and text), as :mod:`monitor.dedup` normalises words."""
    tokens = dedup.words(f"{item.title} {item.text}")
    if len(tokens) < 2:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {f"{a} {b}".encode("utf-8") for a, b in zip(tokens, tokens[1:])}


def minhash(shingles: set[bytes]) -> MinHash:
    m = MinHash(num_perm=PERMUTATIONS, seed=1)
    m.update_batch(list(shingles))
    return m


def _shares(grouped: list[tuple[str, bool]]) -> dict[str, float]:
    out = {}
    for label in ("WD", "PD", "ND"):
        flags = [g for lab, g in grouped if lab == label]
        out[label] = sum(flags) / len(flags)
    return out


def _row(name: str, shares: dict[str, float]) -> None:
    print(f"| {name} | {shares['WD']:.3f} | {shares['PD']:.3f} | {shares['ND']:.3f} |")


def quality(corpus: Path) -> None:
    pairs = load_pairs(corpus)
    print(f"COUNTER: {len(pairs)} pairs; MinHash with {PERMUTATIONS} permutations of word bigrams")
    print("| Method | WD | PD | ND |")
    print("|---|---|---|---|")
    ours = {label: hits / total for label, (hits, total) in grouped_shares(pairs).items()}
    _row("monitor (`assign`)", ours)

    signatures = [(p.label, minhash(bigrams(p.source)), minhash(bigrams(p.derived)), len(bigrams(p.source)), len(bigrams(p.derived))) for p in pairs]
    for threshold in (0.5, 0.3):
        grouped = []
        for label, a, b, _, _ in signatures:
            lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
            lsh.insert("source", a)
            grouped.append((label, "source" in lsh.query(b)))
        _row(f"MinHashLSH, Jaccard >= {threshold}", _shares(grouped))
    estimates = [(label, a.jaccard(b)) for label, a, b, _, _ in signatures]
    nd = sorted((j for label, j in estimates if label == "ND"), reverse=True)
    fitted = nd[int(0.05 * len(nd))]
    _row(f"MinHash Jaccard > {fitted:.3f} (fitted: ND <= 5%)", _shares([(label, j > fitted) for label, j in estimates]))
    grouped = []
    for label, a, b, size_a, size_b in signatures:
        ensemble = MinHashLSHEnsemble(threshold=0.5, num_perm=PERMUTATIONS, num_part=1)
        ensemble.index([("source", a, max(1, size_a))])
        grouped.append((label, "source" in set(ensemble.query(b, max(1, size_b)))))
    _row("MinHashLSHEnsemble, containment >= 0.5", _shares(grouped))
    print()


METHODS = {"monitor": "monitor, SQLite archive", "memory": "monitor, in memory", "datasketch": "datasketch MinHashLSH, in memory"}


def scale(items: int, methods: list[str]) -> None:
    print(f"Synthetic stream: {items:,} items")
    print("| Method | items/s | ms per item | reprints joined | originals merged |")
    print("|---|---|---|---|---|")
    results = {}
    for name in (METHODS[m] for m in methods):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "monitor.db") if "SQLite" in name else None
            index = SqliteDedupIndex(store.db) if store else dedup.MemoryIndex()
            lsh = None if name.startswith("monitor") else MinHashLSH(threshold=0.5, num_perm=PERMUTATIONS)
            story_of: dict[str, str] = {}
            reprints = found = false_merges = 0
            elapsed = 0.0
            for n, (item, story) in enumerate(Synthetic().stream(items)):
                started = time.perf_counter()
                if name.startswith("monitor"):
                    if store and n % 25 == 0:
                        store.db.conn.execute("BEGIN IMMEDIATE")
                    cluster = dedup.assign(item, index)
                    if store and (n % 25 == 24 or n == items - 1):
                        store.db.conn.execute("COMMIT")
                else:
                    m = minhash(bigrams(item))
                    hits = lsh.query(m)
                    cluster = story_of[min(hits)] if hits else item.id
                    story_of[item.id] = cluster
                    lsh.insert(item.id, m)
                elapsed += time.perf_counter() - started
                if item.id != story:
                    reprints += 1
                    found += cluster == story
                else:
                    false_merges += cluster != story
            if store:
                store.close()
        results[name] = elapsed
        print(f"| {name} | {items / elapsed:.0f} | {1000 * elapsed / items:.2f} | {found:,}/{reprints:,} | {false_merges} |")
    print(f"Peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    peer = results.get(METHODS["datasketch"])
    if peer and len(results) > 1:
        print("time against datasketch: " + ", ".join(f"{name} {seconds / peer:.2f}x" for name, seconds in results.items() if name != METHODS["datasketch"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the labelled pairs [%(default)s]")
    parser.add_argument("--items", type=int, default=50_000, help="synthetic items for the scale run [%(default)s]")
    parser.add_argument("--skip-quality", action="store_true", help="leave out the labelled pairs")
    parser.add_argument("--skip-scale", action="store_true", help="leave out the scale run")
    parser.add_argument("--methods", default="monitor,memory,datasketch", help="comma-separated: monitor, memory, datasketch [%(default)s]")
    args = parser.parse_args()
    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    if unknown := set(methods) - set(METHODS):
        parser.error(f"unknown methods: {', '.join(sorted(unknown))}")
    if MinHash is None and (not args.skip_quality or (not args.skip_scale and "datasketch" in methods)):
        parser.error("datasketch is not installed: `make bench` installs it (pip install -e '.[bench]')")
    if not args.skip_quality:
        quality(args.corpus)
    if not args.skip_scale:
        scale(args.items, methods)


if __name__ == "__main__":
    main()
