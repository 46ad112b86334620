"""Time the fact extractor: alone on the real documents of the corpus, and alone and within
``analyze`` on text with no full stops (a table or a list flattened into one line), whose cost
must grow with its length, not with its square.

The documents are the 2,654 window articles of ``pk-news-dev`` (cleaned as
``bench/analyze.py`` cleans them) and the 1,200 ``near-dup-urdu`` stories: every one goes
through :func:`monitor.facts.extract_facts`, best of three. The run-on texts repeat one English
and one Urdu clause with figures, joined by "and" / "اور", to the lengths asked.

Usage::

    .venv/bin/python bench/facts_speed.py [--corpus DIR] [--lengths 25000,100000] [--against DIR]

``--against`` times another checkout's extractor in the same run (a ``git worktree`` of an
earlier commit, say), each in its own process, one after the other.
"""

from __future__ import annotations

import argparse
import csv
import glob
import importlib.util
import json
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
CLAUSES = {
    "en": "IT exports rose 5 percent to $300 million in July, up from $280 million the month before,",
    "ur": "آئی ٹی برآمدات 30 کروڑ ڈالر رہیں جو ایک سال پہلے کے 28 کروڑ ڈالر سے 5 فیصد زیادہ ہیں،",
}
JOINS = {"en": " and ", "ur": " اور "}


def documents(corpus: Path) -> list[tuple[str, str, str]]:
    """``(title, text, published)`` of every window article and Urdu story."""
    spec = importlib.util.spec_from_file_location("bench_analyze", REPO / "bench" / "analyze.py")
    analyze = importlib.util.module_from_spec(spec)
    sys.modules["bench_analyze"] = analyze
    spec.loader.exec_module(analyze)
    csv.field_size_limit(10**9)
    docs = []
    for path in sorted(glob.glob(str(corpus / "pk-news-dev" / "*.csv"))):
        clean = analyze.clean_the_news if "the_news" in path else analyze.clean_tribune
        day = re.search(r"(\d{4})(\d\d)(\d\d)", path)
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                docs.append((row["title"], clean(row["content"] or ""), "-".join(day.groups())))
    for path in sorted(glob.glob(str(corpus / "near-dup-urdu" / "xml" / "*.xml"))):
        docs.append(("", re.sub(r"<[^>]+>", " ", Path(path).read_text(encoding="utf-8")), "2020-01-01"))
    return docs


def run_on(lang: str, length: int) -> str:
    """A text of about ``length`` characters with no full stop."""
    clause = CLAUSES[lang] + JOINS[lang]
    return (clause * (length // len(clause) + 1))[:length]


def measure(repo: Path, corpus: Path, lengths: list[int]) -> dict:
    """The timings of ``repo``'s extractor, imported first (before the benchmark's own helpers
    import anything of the monitor's)."""
    sys.path.insert(0, str(repo))
    from monitor.facts import extract_facts

    if not Path(sys.modules["monitor"].__file__).resolve().is_relative_to(repo.resolve()):
        raise SystemExit(f"the monitor was imported from {sys.modules['monitor'].__file__}, not from {repo}")
    docs = documents(corpus)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for doc in docs:
            extract_facts(*doc)
        best = min(best, time.perf_counter() - started)
    out = {"repo": str(repo), "documents": len(docs), "seconds": round(best, 2), "ms_per_document": round(best / max(1, len(docs)) * 1000, 2), "run_on": {}}
    from monitor.analyze import analyze
    from monitor.config import load_config

    rules = load_config(repo / "sources.yaml").rules()
    for lang in CLAUSES:
        for length in lengths:
            text = run_on(lang, length)
            started = time.perf_counter()
            facts = extract_facts("", text, "2025-08-01")
            middle = time.perf_counter()
            analysis = analyze("IT exports", text, rules=rules, published="2025-08-01")
            out["run_on"][f"{lang} {length:,}"] = {
                "seconds": round(middle - started, 2), "facts": len(facts),
                "analyze_seconds": round(time.perf_counter() - middle, 2), "relevant": analysis.relevant,
            }
    return out


def report(result: dict) -> None:
    print(f"{result['repo']}: {result['documents']:,} documents in {result['seconds']} s (best of 3), {result['ms_per_document']} ms a document")
    for name, timing in result["run_on"].items():
        print(
            f"  run-on text, {name} characters: facts {timing['seconds']} s ({timing['facts']} facts); "
            f"analyze (relevance, topics and facts) {timing['analyze_seconds']} s (relevant: {timing['relevant']})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with pk-news-dev and near-dup-urdu [%(default)s]")
    parser.add_argument("--lengths", default="25000,100000", help="lengths of the run-on texts, comma-separated [%(default)s]")
    parser.add_argument("--against", type=Path, help="another checkout to time in the same run")
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)  # one checkout's result, printed as JSON
    args = parser.parse_args(argv)
    lengths = [int(n) for n in args.lengths.split(",") if n.strip()]
    if not (args.corpus / "pk-news-dev").is_dir():
        parser.error(f"no pk-news-dev in {args.corpus} (--corpus)")
    if args.json:
        print(json.dumps(measure(args.json, args.corpus, lengths)))
        return 0
    for repo in [REPO] + ([args.against.resolve()] if args.against else []):
        # each checkout in a process of its own, so that neither imports the other's modules
        command = [sys.executable, str(Path(__file__).resolve()), "--json", str(repo), "--corpus", str(args.corpus), "--lengths", args.lengths]
        done = subprocess.run(command, capture_output=True, text=True, cwd=repo)
        if done.returncode:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["repo"] = str(repo)
        report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
