#!/usr/bin/env python3
"""Which text measure separates reprints from independent reports on COUNTER, in hindsight.

For each similarity measure below, the threshold is set on the corpus itself so that at most
5% of the independently written (ND) pairs are grouped, and the script reports the share of
wholly (WD) and partially (PD) derived pairs grouped at that threshold. Fitting the threshold
to the labels makes these figures an upper bound for the measure, not a result: they compare
measures, whatever threshold a rule would use. Symmetric measures (how alike the two stories
are) come first; then directional ones, which look for the later story (the newspaper's) in
the earlier (the agency's), as :mod:`monitor.dedup` does: with word order ignored, and in order
(the longest common subsequence of content words, the rule the monitor uses).

usage: bench/dedup_ceiling.py [--corpus DIR]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from monitor import dedup  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "near-dup-urdu"
WORD = re.compile(r"\w+")


def load(folder: Path, name: str) -> str:
    for candidate in (name, name.replace("p.xml", "P.xml")):
        path = folder / "xml" / candidate
        if path.exists():
            root = ET.parse(path).getroot()
            return f"{root.findtext('headline') or ''} {root.findtext('body') or ''}"
    raise FileNotFoundError(name)


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if not w.isdigit()]


def grams(text: str, n: int = 5) -> set[str]:
    text = " ".join(text.split())
    return {text[i : i + n] for i in range(len(text) - n + 1)}


def _share(scored: list[tuple[str, float]], label: str, threshold: float) -> float:
    """The share of ``label``'s pairs scoring above ``threshold``."""
    values = [v for lab, v in scored if lab == label]
    return sum(v > threshold for v in values) / len(values)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    args = ap.parse_args()
    with open(args.corpus / "pairs.csv", encoding="utf-8") as f:
        pairs = [(r["label"], load(args.corpus, r["source_file"]), load(args.corpus, r["derived_file"])) for r in csv.DictReader(f)]
    df: Counter[str] = Counter()
    for _, a, b in pairs:
        df.update(set(words(a)))
        df.update(set(words(b)))
    n_docs = 2 * len(pairs)

    def idf(w: str) -> float:
        return math.log(n_docs / (1 + df[w]))

    def tfidf_cosine(a: str, b: str) -> float:
        va = {w: c * idf(w) for w, c in Counter(words(a)).items()}
        vb = {w: c * idf(w) for w, c in Counter(words(b)).items()}
        dot = sum(v * vb.get(k, 0.0) for k, v in va.items())
        return dot / (math.sqrt(sum(v * v for v in va.values())) * math.sqrt(sum(v * v for v in vb.values())) + 1e-9)

    def idf_overlap(a: str, b: str) -> float:
        sa, sb = set(words(a)), set(words(b))
        return sum(idf(w) for w in sa & sb) / max(sum(idf(w) for w in sa), sum(idf(w) for w in sb), 1e-9)

    def char_jaccard(a: str, b: str) -> float:
        ga, gb = grams(a), grams(b)
        return len(ga & gb) / max(1, len(ga | gb))

    def sequence(text: str) -> tuple[int, ...]:
        return dedup.fingerprint(dedup.DedupInput(id="x", title="", text=text)).sequence

    def later_words(a: str, b: str) -> float:
        """The share of the later story's distinct content words found in the earlier."""
        sa, sb = set(sequence(a)), set(sequence(b))
        return len(sa & sb) / max(1, len(sb))

    def later_in_order(a: str, b: str) -> float:
        return dedup.ordered_share(sequence(b), sequence(a))

    measures = (
        ("TF-IDF cosine of words", tfidf_cosine),
        ("IDF-weighted shared words", idf_overlap),
        ("character 5-gram Jaccard", char_jaccard),
        ("later's content words in the earlier, any order", later_words),
        ("later's content words in the earlier, in order", later_in_order),
    )
    print("| measure | threshold (ND <= 5%) | WD | PD | ND |\n| --- | --- | --- | --- | --- |")
    for name, measure in measures:
        scored = [(label, measure(a, b)) for label, a, b in pairs]
        nd = sorted((v for label, v in scored if label == "ND"), reverse=True)
        threshold = nd[int(0.05 * len(nd))]

        shares = {label: _share(scored, label, threshold) for label in ("WD", "PD", "ND")}
        print(f"| {name} | {threshold:.3f} | {shares['WD']:.3f} | {shares['PD']:.3f} | {shares['ND']:.3f} |")


if __name__ == "__main__":
    main()
