"""The monitor as a command-line citizen: its output piped into a reader that goes away, or
redirected to a disk that is full."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from procs import runs

from monitor.store import Store

MONITOR = [sys.executable, "-m", "monitor.cli"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def _gone_reader() -> int:
    """The writing end of a pipe whose reader has already gone (`| head -1` after its line,
    `| grep -q` after its match): every write to it fails with EPIPE."""
    read, write = os.pipe()
    os.close(read)
    return write


def test_a_poll_whose_progress_reader_went_away_polls_every_source_and_records_no_error(site_config, tmp_path):
    db = tmp_path / "m.db"
    out = tmp_path / "out.txt"
    pipe = _gone_reader()
    try:
        with out.open("w") as stdout:  # `monitor poll 2>&1 >out.txt | head -1`: the progress to a reader gone
            done = subprocess.run([*MONITOR, "--config", site_config.path, "--db", str(db), "poll"], stdout=stdout, stderr=pipe, env=_env(), timeout=120)
    finally:
        os.close(pipe)
    assert done.returncode == 0
    assert out.read_text().startswith("3 sources: 3 ok, 0 not modified, 0 failed; 6 new items")
    [run] = runs(db, "poll")
    assert run["outcome"] == "ok", run
    with Store(db, readonly=True) as s:
        assert {r["source"] for r in s.db.query("SELECT DISTINCT source FROM items")} == {"Good Feed", "Second Feed", "Test PTA"}


def test_a_poll_piped_into_a_reader_that_went_away_stores_everything_and_says_nothing(site_config, tmp_path):
    db = tmp_path / "m.db"
    pipe = _gone_reader()
    try:  # `monitor poll 2>&1 | grep -q ok`: both streams to a reader gone
        done = subprocess.run([*MONITOR, "--config", site_config.path, "--db", str(db), "poll"], stdout=pipe, stderr=pipe, env=_env(), timeout=120)
    finally:
        os.close(pipe)
    assert done.returncode in (0, 1)  # (the summary line could not be written)
    [run] = runs(db, "poll")
    assert run["outcome"] == "ok", run
    with Store(db, readonly=True) as s:
        assert s.db.execute("SELECT count(*) FROM items").fetchone()[0] == 6


def _polled(site_config, tmp_path) -> Path:
    from click.testing import CliRunner

    from monitor.cli import cli

    db = tmp_path / "m.db"
    assert CliRunner().invoke(cli, ["--config", site_config.path, "--db", str(db), "poll"]).exit_code == 0
    return db


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["status"], ["facts"], ["facts", "--format", "csv"], ["sources", "list"], ["--help"], ["digest", "--help"], ["poll"]])
def test_output_to_a_full_disk_is_one_line_that_says_so(args, site_config, tmp_path):
    db = _polled(site_config, tmp_path)
    with open("/dev/full", "w") as full:  # `monitor status > out.txt` on a disk that is full
        done = subprocess.run([*MONITOR, "--config", site_config.path, "--db", str(db), *args], stdout=full, stderr=subprocess.PIPE, text=True, env=_env(), timeout=120)
    errors = [line for line in done.stderr.splitlines() if not line.startswith("[")]  # (a poll's progress)
    assert errors == ["error: cannot write to standard output: No space left on device"], done.stderr
    assert done.returncode == 2


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_health_answers_by_its_exit_code_when_its_line_cannot_be_written(site_config, tmp_path):
    db = _polled(site_config, tmp_path)
    with open("/dev/full", "w") as full:
        done = subprocess.run([*MONITOR, "--config", site_config.path, "--db", str(db), "health"], stdout=full, stderr=subprocess.PIPE, text=True, env=_env(), timeout=120)
    assert (done.returncode, done.stderr) == (0, "")  # healthy: polled just now
    pipe = _gone_reader()
    try:  # `monitor health | grep -q ...` whose grep went away
        done = subprocess.run([*MONITOR, "--config", site_config.path, "--db", str(db), "health"], stdout=pipe, stderr=subprocess.PIPE, text=True, env=_env(), timeout=120)
    finally:
        os.close(pipe)
    assert (done.returncode, done.stderr) == (0, "")
