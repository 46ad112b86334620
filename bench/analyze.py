"""Benchmark the analyze stage on a hand-labelled news corpus.

Reads a corpus laid out like ``pk-news-dev`` (CSV files of The News and Express Tribune
articles plus ``labels.jsonl``; see the corpus README), runs :func:`monitor.analyze.analyze`
with the rules in ``sources.yaml`` on every labelled article, and prints:

* relevance precision, recall and F1;
* topic micro-F1 on the articles labelled relevant (an article predicted irrelevant
  counts as predicting no topic);
* fact precision and recall over the named series (``other`` is not scored); a predicted
  fact matches a labelled one when series, unit and period are equal and the value is
  within 1%, each labelled fact matching at most once.

The corpus is read in place, never copied. The News teaser lines (headlines of other stories
before the copyright line) and the Tribune junk first line and ``COMMENTS`` trailer are
removed before analysis, as the extractor would do for a real page.

Usage::

    .venv/bin/python bench/analyze.py [--corpus DIR] [--config sources.yaml] [-v] [--check]

``-v`` lists every relevance error with the rules that fired and every fact miss;
``--check`` exits with status 1 when a floor is not met.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from monitor.analyze import Rules, analyze, compile_rules  # noqa: E402
from monitor.models import Analysis, Fact  # noqa: E402
from monitor.facts import SERIES  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "pk-news-dev"
FLOORS = {"relevance F1": 0.90, "fact precision": 0.95, "fact recall": 0.85}
SCORED_SERIES = frozenset(SERIES) - {"other"}  # the issue scores every named series
MAX_TEASERS = 8
TEASER_MAX_CHARS = 160


# --------------------------------------------------------------------------- corpus


def clean_the_news(content: str) -> str:
    """Drop the copyright line and the teaser headlines of other stories just before it."""
    lines = content.split("\n")
    copyright_at = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].startswith("Copyright ©")), None)
    if copyright_at is None:
        return content
    end, dropped = copyright_at, 0
    while end > 0 and dropped < MAX_TEASERS and _is_teaser(lines[end - 1]):
        end -= 1
        dropped += bool(lines[end].strip())
    return "\n".join(lines[:end]).strip()


def _is_teaser(line: str) -> bool:
    """A teaser is a truncated "...", or a short headline-like line without a full stop."""
    text = line.strip()
    if not text or text.endswith(("...", "…")):
        return True
    return len(text) <= TEASER_MAX_CHARS and not re.search(r"[.!?\"”’)]$", text)


def clean_tribune(content: str) -> str:
    """Drop the two-letter junk first line, a lone "." line, and the trailing COMMENTS."""
    lines = content.split("\n")
    if lines and re.fullmatch(r"[A-Z]{2}", lines[0].strip()):
        lines = lines[1:]
    lines = [line for line in lines if line.strip() not in (".", "COMMENTS")]
    return "\n".join(lines).strip()


@dataclass(frozen=True)
class Article:
    key: str  # file:row
    title: str
    text: str
    published: str
    label: dict


def load_corpus(corpus: Path) -> list[Article]:
    """The labelled articles, cleaned, with the file's date as the published date."""
    csv.field_size_limit(10**9)
    rows: dict[str, list[dict]] = {}
    articles = []
    with (corpus / "labels.jsonl").open(encoding="utf-8") as f:
        labels = [json.loads(line) for line in f if line.strip()]
    for label in labels:
        name = label["file"]
        if name not in rows:
            with (corpus / name).open(newline="", encoding="utf-8") as f:
                rows[name] = list(csv.DictReader(f))
        row = rows[name][label["row"]]
        clean = clean_the_news if name.startswith("the_news") else clean_tribune
        day = re.search(r"(\d{4})(\d\d)(\d\d)", name)
        published = f"{day.group(1)}-{day.group(2)}-{day.group(3)}" if day else ""
        articles.append(Article(f"{name}:{label['row']}", row["title"], clean(row["content"]), published, label))
    return articles


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    relevance: Counts = field(default_factory=Counts)
    topics: Counts = field(default_factory=Counts)
    facts: Counts = field(default_factory=Counts)
    notes: list[str] = field(default_factory=list)


def _fact_matches(predicted: Fact, gold: dict) -> bool:
    if (predicted.series, predicted.unit, predicted.period) != (gold["series"], gold["unit"], gold["period"]):
        return False
    return abs(predicted.value - gold["value"]) <= 0.01 * max(abs(predicted.value), abs(gold["value"]))


def score_article(article: Article, result: Analysis, report: Report) -> None:
    label = article.label
    gold_relevant = bool(label["relevant"])
    if result.relevant and gold_relevant:
        report.relevance.tp += 1
    elif result.relevant:
        report.relevance.fp += 1
        report.notes.append(f"FP relevance {article.key} {article.title[:60]!r} score={result.score} rules={list(result.rules)}")
    elif gold_relevant:
        report.relevance.fn += 1
        report.notes.append(f"FN relevance {article.key} {article.title[:60]!r} score={result.score} rules={list(result.rules)}")
    if gold_relevant:
        predicted = set(result.topics) if result.relevant else set()
        gold = set(label["topics"])
        report.topics.tp += len(predicted & gold)
        report.topics.fp += len(predicted - gold)
        report.topics.fn += len(gold - predicted)
        if predicted != gold:
            report.notes.append(f"topics {article.key}: predicted {sorted(predicted)} labelled {sorted(gold)}")
    _score_facts(article, result, report)


def _score_facts(article: Article, result: Analysis, report: Report) -> None:
    gold = [g for g in article.label["facts"] if g["series"] in SCORED_SERIES]
    unmatched = list(gold)
    for fact in (f for f in result.facts if f.series in SCORED_SERIES):
        match = next((g for g in unmatched if _fact_matches(fact, g)), None)
        if match is None:
            report.facts.fp += 1
            report.notes.append(f"FP fact {article.key}: {fact.series} {fact.period!r} {fact.value} {fact.unit} | {fact.quote[:100]}")
        else:
            report.facts.tp += 1
            unmatched.remove(match)
    for g in unmatched:
        report.facts.fn += 1
        report.notes.append(f"FN fact {article.key}: {g['series']} {g['period']!r} {g['value']} {g['unit']} | {g['quote'][:100]}")


def load_rules(config: Path) -> Rules:
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    return compile_rules(raw["topics"], raw.get("relevance"))


def run(corpus: Path, rules: Rules) -> tuple[Report, int, float]:
    articles = load_corpus(corpus)
    report = Report()
    started = time.perf_counter()
    for article in articles:
        result = analyze(article.title, article.text, rules=rules, published=article.published)
        score_article(article, result, report)
    return report, len(articles), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="labelled corpus directory [%(default)s]")
    parser.add_argument("--config", type=Path, default=REPO / "sources.yaml", help="rules file [%(default)s]")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument("--check", action="store_true", help="exit 1 when a floor is not met")
    args = parser.parse_args(argv)

    report, count, seconds = run(args.corpus, load_rules(args.config))
    r, t, f = report.relevance, report.topics, report.facts
    figures = {
        "relevance F1": r.f1,
        "fact precision": f.precision,
        "fact recall": f.recall,
    }
    print(f"corpus: {args.corpus} ({count} labelled articles, {seconds:.2f}s)")
    print(f"relevance  precision {r.precision:.3f}  recall {r.recall:.3f}  F1 {r.f1:.3f}   (tp {r.tp}, fp {r.fp}, fn {r.fn})")
    print(f"topics     precision {t.precision:.3f}  recall {t.recall:.3f}  micro-F1 {t.f1:.3f}   (tp {t.tp}, fp {t.fp}, fn {t.fn})")
    print(f"facts      precision {f.precision:.3f}  recall {f.recall:.3f}  F1 {f.f1:.3f}   (tp {f.tp}, fp {f.fp}, fn {f.fn})")
    missed = [name for name, floor in FLOORS.items() if figures[name] < floor]
    for name, floor in FLOORS.items():
        print(f"floor {name} >= {floor:.2f}: {'ok' if name not in missed else 'MISSED'} ({figures[name]:.3f})")
    if args.verbose:
        print("\n".join(["", *report.notes]))
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
