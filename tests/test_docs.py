"""What README says of the project's own files holds: the counts it gives of the written
benchmark sets are those of the files in `bench/`, so a round added to them is not left out of
what a reader is told `make check` scores."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme() -> str:
    return re.sub(r"\s+", " ", (ROOT / "README.md").read_text(encoding="utf-8"))


def _lines(folder: str) -> list[dict]:
    return [json.loads(line) for path in sorted((ROOT / "bench" / folder).glob("*.jsonl")) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_readme_counts_the_written_phrasings_make_check_scores():
    items = len(_lines("phrasings"))
    said = re.search(r"also scores the ([\d,]+) headlines, sentences and articles written", _readme())
    assert said, "README no longer says how many written phrasings `make check` scores"
    assert int(said.group(1).replace(",", "")) == items


def test_readme_counts_the_written_stories_make_check_scores():
    scenarios = _lines("stories")
    articles = sum(len(s["articles"]) for s in scenarios)
    pairs = sum(len(s["pairs"]) for s in scenarios)
    said = re.search(r"the ([\d,]+) written scenarios of `bench/stories/` \(([\d,]+) articles, ([\d,]+) labelled pairs", _readme())
    assert said, "README no longer says how many written stories `make check` scores"
    assert tuple(int(n.replace(",", "")) for n in said.groups()) == (len(scenarios), articles, pairs)


def test_readme_status_example_counts_the_sources_it_lists():
    """The heading of `monitor status`'s example counts what the lines under it show, as
    ``monitor.status.report_lines`` counts them: every `!!` line, and of them the failing,
    silent and stale ones."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text[text.index("\nSources (42): ") :].split("```", 1)[0].strip().splitlines()
    heading, lines = block[0], block[1:]
    flagged = [line for line in lines if line.startswith("!! ")]
    failing = sum(" failure" in line for line in flagged)
    silent = sum("| silent: " in line for line in flagged)
    stale = sum("| stale: " in line for line in flagged)
    want = f"Sources (42): {len(flagged)} need a look ({failing} failing, {silent} silent for over 14 days{f', {stale} stale' if stale else ''}); "
    assert heading.startswith(want), (heading, want)
