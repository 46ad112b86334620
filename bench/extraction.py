"""Benchmark article extraction: ours against trafilatura on the extraction-dev corpus.

Both extractors run in one process over the same pages, one after the other, each timed
from the page's bytes to its result, decoding included. Time is the process's CPU time
(``time.process_time``), so that other work on the machine does not count. Predictions go
to ``bench/out/extraction-<name>.jsonl``; each file is scored with the shared scorer
(``score_extraction.py``), run as a subprocess.

usage: .venv/bin/python bench/extraction.py [--corpus DIR] [--scorer FILE] [--ours-only] [--check]

``--ours-only`` skips trafilatura (for ``make check``, which needs no peer); ``--check`` exits
with status 1 when one of our floors (:data:`FLOORS`) is missed.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from monitor.encoding import decode_html  # noqa: E402
from monitor.errors import ExtractionError  # noqa: E402
from monitor.extract import extract  # noqa: E402

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "extraction-dev"
DEFAULT_SCORER = REPO / ".." / "shared" / "bench" / "score_extraction.py"
OUT = REPO / "bench" / "out"

Prediction = dict[str, str | None]
#: Our floors on extraction-dev (scores of the shared scorer).
FLOORS = {"f1": 0.925, "title_accuracy": 0.85, "date_accuracy": 0.90}


def ours(raw: bytes, url: str) -> Prediction:
    """Our extractor: bytes in, text, title and date out (empty on ExtractionError)."""
    try:
        article = extract(raw, url=url)
    except ExtractionError:
        return {"text": "", "title": None, "published": None}
    return {"text": article.text, "title": article.title, "published": article.published}


def trafilatura_extractor() -> Callable[[bytes, str], Prediction]:
    """trafilatura's ``bare_extraction`` with metadata, on the page decoded as we decode it."""
    from trafilatura import bare_extraction

    def run(raw: bytes, url: str) -> Prediction:
        document = bare_extraction(decode_html(raw), url=url, with_metadata=True)
        if document is None:
            return {"text": "", "title": None, "published": None}
        return {"text": document.text or "", "title": document.title, "published": document.date}

    return run


def load_pages(corpus: Path) -> list[tuple[str, str, bytes]]:
    """(url, file name, raw bytes) for each page of the corpus, in evaldata order."""
    truth = json.loads((corpus / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, entry in truth.items():
        raw = gzip.decompress((corpus / "html" / f"{entry['file']}.gz").read_bytes())
        pages.append((url, entry["file"], raw))
    return pages


def run_all(pages: list[tuple[str, str, bytes]], extractors: dict[str, Callable]) -> dict[str, dict]:
    """Run each extractor over all pages; its predictions and CPU seconds.

    Each extractor first runs once untimed on the first page, so that lazy imports and
    caches do not count, and the garbage of one extractor is collected before the next runs.
    """
    results = {}
    for label, function in extractors.items():
        url, _, raw = pages[0]
        function(raw, url)
        gc.collect()
        predictions = []
        started = time.process_time()
        for url, name, raw in pages:
            predictions.append({"file": name, **function(raw, url)})
        results[label] = {"predictions": predictions, "seconds": time.process_time() - started}
    return results


def score(predictions: list[Prediction], path: Path, scorer: Path, corpus: Path) -> dict:
    """Write predictions as JSONL and score them with the shared scorer."""
    with path.open("w", encoding="utf-8") as out:
        for prediction in predictions:
            out.write(json.dumps(prediction, ensure_ascii=False) + "\n")
    done = subprocess.run(
        [sys.executable, str(scorer), "--corpus", str(corpus), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def table(rows: dict[str, dict], pages: int) -> str:
    """The results as a Markdown table, and the speed ratio."""
    lines = [
        "| extractor | body F1 | precision | recall | title accuracy | date accuracy | CPU ms/page |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in rows.items():
        scores = row["scores"]
        lines.append(
            f"| {name} | {scores['f1']:.4f} | {scores['precision']:.4f} | {scores['recall']:.4f} "
            f"| {scores['title_accuracy']:.4f} | {scores['date_accuracy']:.4f} "
            f"| {1000 * row['seconds'] / pages:.1f} |"
        )
    if "trafilatura" in rows and "ours" in rows:
        ratio = rows["trafilatura"]["seconds"] / rows["ours"]["seconds"]
        lines.append(f"\nours is {ratio:.1f}x faster than trafilatura ({pages} pages, one process).")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the extraction-dev folder")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="score_extraction.py")
    parser.add_argument("--ours-only", action="store_true", help="do not run trafilatura")
    parser.add_argument("--check", action="store_true", help="exit 1 when a floor is missed")
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    pages = load_pages(corpus)
    extractors = {"ours": ours} if args.ours_only else {"ours": ours, "trafilatura": trafilatura_extractor()}
    results = run_all(pages, extractors)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, row in results.items():
        row["scores"] = score(row["predictions"], OUT / f"extraction-{name}.jsonl", args.scorer.resolve(), corpus)
    print(table(results, len(pages)))
    missed = [f"{name} {results['ours']['scores'][name]:.4f} < {floor}" for name, floor in FLOORS.items() if results["ours"]["scores"][name] < floor]
    for name, floor in FLOORS.items():
        print(f"floor {name} >= {floor}: {'MISSED' if any(m.startswith(name + ' ') for m in missed) else 'ok'} ({results['ours']['scores'][name]:.4f})")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
