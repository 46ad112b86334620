"""Benchmark deduplication: quality on COUNTER, cost on an archive growing to 200,000 items.

**Quality.** COUNTER (``near-dup-urdu``, see its README) pairs an agency story with a
newspaper story on the same event, labelled by hand: wholly derived (WD), partially derived
(PD) or not derived, written independently (ND). Each pair goes through
:func:`monitor.dedup.assign` in an index of its own, dated as the corpus dates it, and counts
as grouped when both stories land in one cluster; both are whole articles
(``complete=True``). The pairs are split by a fixed hash of their number (BLAKE2b, 30% to
``test``), as ``bench/dedup_en.py`` splits its pairs; both parts are reported with 95%
(Wilson) intervals. Floors, on the test part: WD grouped >= 0.90, ND grouped <= 0.05; PD is
reported. Unless ``--check``, more tables repeat the run on the dev part at other shingle
containment thresholds and at other thresholds of content words in order (``off``: shingles
alone), to show how much the figures depend on the thresholds. (Pairs share source files,
0014-0016 for instance, so a single stream over the whole corpus would also group pairs with
each other; the labels are about pairs.)

**Scale.** Synthetic items (Zipf-distributed words in Latin and Arabic script, one in five
Urdu-like, function words the most frequent, a third of the stories reprinted one to five
times with a new intro, cuts and edits within two days; about 1,000 items a day) go one by
one through :func:`assign` into the SQLite index of a new archive
(:class:`monitor.store.Store`: WAL, ``synchronous=NORMAL``) in a temporary directory, one
transaction per ``--batch`` items (the new items of one poll of a source). Reported: items
per second and the mean cost per item over the 1,000 items before each checkpoint (10k, 50k,
100k, 150k, 200k), wall and CPU time (making up the items is not counted), the peak RSS so
far at each checkpoint, the database size, and how the synthetic reprints were grouped. Then, unless
``--no-peer``, the same stream goes through datasketch's ``MinHashLSH`` in another process
(``bench/dedup_peer.py``, its own memory), for comparison in the same run.

Usage::

    .venv/bin/python bench/dedup.py [--corpus DIR] [--items 200000] [--batch 25] [--skip-quality] [--skip-scale] [--no-peer] [--phases] [--check]

``--check`` exits with status 1 when a quality floor is not met. ``--phases`` also prints,
every 10,000 items, the milliseconds per item spent in each step of a placement (splitting
the text, the fingerprint, the key lookup, reads, comparisons, writes, the commit), to see
which step grows with the archive; the timing itself costs a few percent, so its run is not
one of record.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from monitor import dedup  # noqa: E402
from monitor.store import SqliteDedupIndex, Store  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "near-dup-urdu"
WD_FLOOR, ND_CEILING = 0.90, 0.05
CHECKPOINTS = (10_000, 50_000, 100_000, 150_000, 200_000)
SENSITIVITY = (0.3, 0.4, 0.5, 0.6, 0.7)
ORDERED_SENSITIVITY = (0.25, 0.3, 1 / 3, 0.35, 0.4, 0.5, None)


# --------------------------------------------------------------------------- quality


@dataclass(frozen=True)
class Pair:
    id: str
    label: str
    source: dedup.DedupInput
    derived: dedup.DedupInput


def load_pairs(corpus: Path) -> list[Pair]:
    """COUNTER's pairs, read in place; file names are matched case-insensitively."""
    files = {p.name.lower(): p for p in (corpus / "xml").iterdir()}

    def story(name: str, date: str) -> dedup.DedupInput:
        root = ET.parse(files[name.lower()]).getroot()
        title, body = root.findtext("headline") or "", root.findtext("body") or ""
        return dedup.DedupInput(id=name, title=title.strip(), text=body.strip(), published=_corpus_date(date), complete=True)

    with open(corpus / "pairs.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [
        Pair(r["pair_id"], r["label"], story(r["source_file"], r["source_date"]), story(r["derived_file"], r["derived_date"]))
        for r in rows
    ]


def _corpus_date(value: str) -> str | None:
    """``01.12.14`` (day, month, two-digit year) as ISO 8601; ``None`` when unreadable."""
    try:
        day, month, year = (int(p) for p in value.split("."))
        return f"{2000 + year:04d}-{month:02d}-{day:02d}T00:00:00+00:00"
    except ValueError:
        return None


def grouped_shares(pairs: list[Pair]) -> dict[str, tuple[int, int]]:
    """Per label: pairs grouped, pairs in all."""
    out: dict[str, tuple[int, int]] = {}
    for pair in pairs:
        index = dedup.MemoryIndex()
        together = dedup.assign(pair.source, index) == dedup.assign(pair.derived, index)
        hits, total = out.get(pair.label, (0, 0))
        out[pair.label] = (hits + together, total + 1)
    return out


def split(pair_id: str) -> str:
    """``test`` for 3 pairs in 10 by a fixed hash of the pair's number, else ``dev``."""
    digest = hashlib.blake2b(pair_id.encode("utf-8"), digest_size=8).digest()
    return "test" if int.from_bytes(digest, "big") % 10 < 3 else "dev"


def wilson(hits: int, total: int) -> tuple[float, float]:
    """The 95% Wilson score interval of ``hits / total``."""
    if not total:
        return 0.0, 1.0
    z = 1.959964
    p = hits / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def quality(corpus: Path, *, brief: bool = False) -> bool:
    pairs = load_pairs(corpus)
    parts = {"dev": [p for p in pairs if split(p.id) == "dev"], "test": [p for p in pairs if split(p.id) == "test"]}
    started = time.perf_counter()
    shares = {name: grouped_shares(chosen) for name, chosen in parts.items()}
    elapsed = time.perf_counter() - started
    print(f"COUNTER: {len(pairs)} pairs ({len(parts['dev'])} dev, {len(parts['test'])} test), {elapsed:.1f} s,"
          f" containment threshold {dedup.CONTAINMENT}, content words in order {dedup.ORDERED:.3f}")
    print("| Part | Label | Pairs | Grouped | Share [95% CI] | Target |")
    print("|---|---|---|---|---|---|")
    targets = {"WD": f">= {WD_FLOOR:.2f} (test)", "ND": f"<= {ND_CEILING:.2f} (test)", "PD": "reported"}
    for name, by_label in shares.items():
        for label in ("WD", "PD", "ND"):
            hits, total = by_label[label]
            low, high = wilson(hits, total)
            print(f"| {name} | {label} | {total} | {hits} | {hits / total:.3f} [{low:.2f}, {high:.2f}] | {targets[label]} |")
    every = {label: tuple(map(sum, zip(*(shares[n][label] for n in shares)))) for label in ("WD", "PD", "ND")}
    print(f"All {len(pairs)} pairs: " + ", ".join(f"{label} {h}/{t} = {h / t:.3f}" for label, (h, t) in every.items()))
    print()
    if not brief:
        dev = parts["dev"]
        print("Sensitivity, dev part (full-text shingle threshold; content words and teaser rule unchanged):")
        _table("Containment", [(f"{t:.1f}", _shares(dev, CONTAINMENT=t)) for t in SENSITIVITY])
        print("Sensitivity, dev part (ordered content-word threshold; shingle and teaser rules unchanged):")
        # off: above any share
        _table("Content words in order", [("off" if t is None else f"{t:.3f}", _shares(dev, ORDERED=2.0 if t is None else t)) for t in ORDERED_SENSITIVITY])
    wd, nd = shares["test"]["WD"], shares["test"]["ND"]
    ok = wd[0] / wd[1] >= WD_FLOOR and nd[0] / nd[1] <= ND_CEILING
    print(f"floor WD >= {WD_FLOOR:.2f} (test): {'ok' if wd[0] / wd[1] >= WD_FLOOR else 'MISSED'} ({wd[0] / wd[1]:.3f})")
    print(f"floor ND <= {ND_CEILING:.2f} (test): {'ok' if nd[0] / nd[1] <= ND_CEILING else 'MISSED'} ({nd[0] / nd[1]:.3f})")
    print()
    return ok


def _shares(pairs: list[Pair], **thresholds: float) -> dict[str, float]:
    """The share of each label's pairs grouped, with ``monitor.dedup``'s thresholds set as given."""
    # each of the package's modules that reads a threshold holds its own name for it
    modules = [m for name, m in sys.modules.items() if name == "monitor.dedup" or name.startswith("monitor.dedup.")]
    defaults = {name: getattr(dedup, name) for name in thresholds}
    try:
        for name, value in thresholds.items():
            for module in modules:
                if hasattr(module, name):
                    setattr(module, name, value)
        return {label: hits / total for label, (hits, total) in grouped_shares(pairs).items()}
    finally:
        for name, value in defaults.items():
            for module in modules:
                if hasattr(module, name):
                    setattr(module, name, value)


def _table(first: str, rows: list[tuple[str, dict[str, float]]]) -> None:
    print(f"| {first} | WD | PD | ND |")
    print("|---|---|---|---|")
    for name, s in rows:
        print(f"| {name} | {s['WD']:.3f} | {s['PD']:.3f} | {s['ND']:.3f} |")
    print()


# --------------------------------------------------------------------------- scale


class Synthetic:
    """Random news-like items: Zipf-distributed words, sentences, reprint families.

    As in real text, the most frequent words are function words: the first ranks of each
    vocabulary are the English or Urdu words of :data:`monitor.dedup.FUNCTION_WORDS` (about
    two in five words drawn), the rest made-up words."""

    def __init__(self, seed: int = 20250818, vocabulary: int = 30_000):
        self.rng = random.Random(seed)
        weights = [1 / (rank + 1) for rank in range(vocabulary)]
        self.cumulative = list(accumulate(weights))
        english = sorted(w for w in dedup.FUNCTION_WORDS if w.isascii())
        urdu = sorted(w for w in dedup.FUNCTION_WORDS if not w.isascii())
        self.latin = english + [self._word("abcdefghijklmnoprstuvwy") for _ in range(vocabulary - len(english))]
        self.arabic = urdu + [self._word("ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھءیے") for _ in range(vocabulary - len(urdu))]

    def _word(self, letters: str) -> str:
        return "".join(self.rng.choices(letters, k=self.rng.choice((2, 3, 3, 4, 5, 5, 6, 7, 8, 9))))

    def sentences(self, vocab: list[str], count: int) -> list[str]:
        out = []
        for _ in range(count):
            chosen = self.rng.choices(vocab, cum_weights=self.cumulative, k=self.rng.randint(12, 28))
            out.append(" ".join(chosen).capitalize() + ".")
        return out

    def reprint(self, vocab: list[str], original: list[str]) -> list[str]:
        """A new intro, the tail cut, one word in twenty replaced."""
        kept = original[: max(3, int(len(original) * self.rng.uniform(0.5, 1.0)))]
        edited = [" ".join(self.rng.choice(vocab) if self.rng.random() < 0.05 else w for w in s.split()) for s in kept]
        return self.sentences(vocab, self.rng.randint(1, 2)) + edited

    def stream(self, count: int, per_day: int = 1000) -> Iterator[tuple[dedup.DedupInput, str]]:
        """``count`` items in publication order, each with the id of its story's original."""
        pending: list[tuple[float, dedup.DedupInput, str]] = []
        clock, made = 0.0, 0
        while made < count:
            clock += self.rng.expovariate(per_day / 86_400)
            while pending and pending[0][0] <= clock and made < count:
                made += 1
                yield pending.pop(0)[1:]
            if made >= count:
                break
            vocab = self.arabic if self.rng.random() < 0.2 else self.latin
            body = self.sentences(vocab, self.rng.randint(8, 22))
            story = f"s{made}"
            made += 1
            yield self._item(story, body, vocab, clock), story
            if self.rng.random() < 1 / 3:
                for copy in range(self.rng.randint(1, 5)):
                    when = clock + self.rng.uniform(600, 2 * 86_400)
                    pending.append((when, self._item(f"{story}r{copy}", self.reprint(vocab, body), vocab, when), story))
                pending.sort(key=lambda p: p[0])

    def _item(self, id: str, body: list[str], vocab: list[str], seconds: float) -> dedup.DedupInput:
        published = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(1_735_689_600 + seconds))
        title = " ".join(self.rng.choices(vocab, cum_weights=self.cumulative, k=self.rng.randint(6, 12)))
        url = f"https://example.pk/{id}"  # the pipeline passes the canonical URL it stores
        return dedup.DedupInput(id=id, title=title, text=" ".join(body), url=url, canonical_url=url, published=published)


@dataclass
class Block:
    """Time spent deduplicating a run of items (making them up not counted): seconds."""

    wall: float = 0.0
    cpu: float = 0.0


#: The steps ``--phases`` times: (label, where, name); each is timed inclusively.
PHASES = (
    ("text", "assign", "_lines_of"),
    ("fingerprint", "assign", "_fingerprint"),
    ("key lookup", "index", "candidates"),
    ("reads", "index", "get"),
    ("reads", "index", "exact"),
    ("reads", "index", "cluster"),
    ("reads", "index", "event"),
    ("reads", "index", "line_counts"),
    ("comparisons", "assign", "_best_reprint"),
    ("writes", "index", "add"),
    ("writes", "index", "merge"),
)


class Phases:
    """Time spent in each step of a placement (``--phases``): the functions of
    :data:`PHASES` wrapped for the run, put back by :meth:`close`. Reads made while
    comparing (a story's representatives) count both as reads and as comparisons."""

    def __init__(self, index: SqliteDedupIndex):
        from monitor.dedup import _assign

        self.seconds = {label: 0.0 for label, _, _ in PHASES} | {"commit": 0.0}
        self._index = index
        self._wrapped: list[tuple[object, str, object]] = []
        for label, where, name in PHASES:
            owner = _assign if where == "assign" else index
            original = getattr(owner, name)
            self._wrapped.append((owner, name, original))
            setattr(owner, name, self._timed(label, original))  # on the index: an attribute of its own

    def _timed(self, label: str, function):
        seconds = self.seconds

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[label] += time.perf_counter() - start

        return timed

    def line(self, items: int) -> str:
        """The milliseconds per item in each step over the last ``items`` items; then zero."""
        out = ", ".join(f"{label} {spent * 1000 / items:.3f}" for label, spent in self.seconds.items())
        for label in self.seconds:
            self.seconds[label] = 0.0
        return out

    def close(self) -> None:
        for owner, name, original in self._wrapped:
            if owner is self._index:
                delattr(owner, name)  # the class's method shows through again
            else:
                setattr(owner, name, original)


def scale(items: int, batch: int, *, phases: bool = False) -> None:
    checkpoints = [c for c in CHECKPOINTS if c <= items] or [items]
    blocks: dict[int, Block] = {}
    reprints = found = false_merges = 0
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "monitor.db")
        conn, index = store.db.conn, SqliteDedupIndex(store.db)
        steps = Phases(index) if phases else None
        total, block, tens = Block(), Block(), 0.0
        for n, (item, story) in enumerate(Synthetic().stream(items), 1):
            wall, cpu = time.perf_counter(), time.process_time()
            if (n - 1) % batch == 0:
                conn.execute("BEGIN IMMEDIATE")
            cluster = dedup.assign(item, index)
            if n % batch == 0 or n == items:
                committing = time.perf_counter()
                conn.execute("COMMIT")
                if steps:
                    steps.seconds["commit"] += time.perf_counter() - committing
            block.wall += time.perf_counter() - wall
            block.cpu += time.process_time() - cpu
            tens += time.perf_counter() - wall
            if steps and n % 10_000 == 0:
                print(f"  {n:>7,} items: {tens / 10:.3f} ms/item wall over the last 10,000: {steps.line(10_000)}", flush=True)
                tens = 0.0
            if item.id != story:
                reprints += 1
                found += cluster == story
            else:
                false_merges += cluster != story
            if n % 1000 == 0:  # seconds per 1,000 items are milliseconds per item
                if n in checkpoints:
                    blocks[n] = block
                    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                    print(f"  {n:>7,} items: {block.wall:.2f} ms/item wall, {block.cpu:.2f} ms CPU (last 1,000), peak RSS so far {rss:.0f} MB", flush=True)
                total = Block(total.wall + block.wall, total.cpu + block.cpu)
                block = Block()
        if steps:
            steps.close()
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Scale: {items:,} items, one transaction per {batch} items; dedup took {total.wall:.0f} s wall, {total.cpu:.0f} s CPU:"
          f" {items / total.wall:.0f} items/s wall, {items / total.cpu:.0f} items/s CPU")
    print("| Archive size | ms per item, wall | ms per item, CPU | items/s |")
    print("|---|---|---|---|")
    for n, b in blocks.items():
        print(f"| {n:,} | {b.wall:.2f} | {b.cpu:.2f} | {1000 / b.wall:.0f} |")
    print(f"Peak RSS {peak:.0f} MB, database {size / 2**20:.0f} MB")
    print(f"Synthetic reprints grouped with their original: {found:,}/{reprints:,}; originals merged into another story: {false_merges}")


def peer(items: int) -> None:
    """datasketch's MinHashLSH on the same stream, in a process of its own (``bench/dedup_peer.py``)."""
    print()
    print(f"datasketch on the same {items:,} items, in another process:", flush=True)
    command = [sys.executable, str(REPO / "bench" / "dedup_peer.py"), "--skip-quality", "--items", str(items), "--methods", "datasketch"]
    if subprocess.run(command).returncode:
        print("datasketch run failed (is it installed? make bench installs the bench extras)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--items", type=int, default=CHECKPOINTS[-1])
    parser.add_argument("--batch", type=int, default=25, help="items per transaction (a poll of one source)")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--no-peer", action="store_true", help="do not run datasketch on the same stream")
    parser.add_argument("--phases", action="store_true", help="print, every 10,000 items, the milliseconds per item in each step of a placement (a few percent slower: not for the figures of record)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a quality floor is not met (and leave out the sensitivity tables)")
    args = parser.parse_args()
    ok = True
    if not args.skip_quality:
        ok = quality(args.corpus, brief=args.check)
    if not args.skip_scale:
        scale(args.items, args.batch, phases=args.phases)
        if not args.no_peer:
            peer(args.items)
    if args.check and not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
