"""The monitor as a command-line citizen: its output piped into a reader that goes away, or
redirected to a disk that is full."""

from __future__ import annotations

import json
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


@pytest.mark.parametrize("args", [["status"], ["facts"], ["facts", "--format", "csv"], ["sources", "list"], ["--help"], ["digest", "--help"], ["poll"]])
def test_output_to_a_full_disk_is_one_line_that_says_so(args, site_config, tmp_path):
    db = _polled(site_config, tmp_path)
    with open("/dev/full", "w") as full:  # `monitor status > out.txt` on a disk that is full
        done = subprocess.run([*MONITOR, "--config", site_config.path, "--db", str(db), *args], stdout=full, stderr=subprocess.PIPE, text=True, env=_env(), timeout=120)
    errors = [line for line in done.stderr.splitlines() if not line.startswith("[")]  # (a poll's progress)
    assert errors == ["error: cannot write to standard output: No space left on device"], done.stderr
    assert done.returncode == 2


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



def _closed_stdout(*args: str) -> list[str]:
    """The command line run with its standard output closed (`monitor status >&-`)."""
    return ["sh", "-c", 'exec "$@" >&-', "sh", *args]


@pytest.mark.parametrize("args", [["status"], ["facts"], ["sources", "list"], ["--help"]])
def test_output_to_a_closed_stdout_is_one_line_that_says_so_not_a_silent_success(args, site_config, tmp_path):
    db = _polled(site_config, tmp_path)
    done = subprocess.run(_closed_stdout(*MONITOR, "--config", site_config.path, "--db", str(db), *args), stderr=subprocess.PIPE, text=True, env=_env(), timeout=120)
    assert done.stderr.splitlines() == ["error: cannot write to standard output: Bad file descriptor"], done.stderr
    assert done.returncode == 2


def test_health_with_a_closed_stdout_answers_by_its_exit_code(site_config, tmp_path):
    db = _polled(site_config, tmp_path)
    done = subprocess.run(_closed_stdout(*MONITOR, "--config", site_config.path, "--db", str(db), "health"), stderr=subprocess.PIPE, text=True, env=_env(), timeout=120)
    assert (done.returncode, done.stderr) == (0, "")


URDU_ITEM = {"id": "1", "title": "فری لانسرز کی آمدنی میں اضافہ", "text": "پاکستان کے فری لانسرز نے 50 کروڑ ڈالر کمائے", "published": "2025-08-18"}


def _latin1(**more: str) -> dict[str, str]:
    """The environment of a terminal whose locale is ISO-8859-1 (`LANG=en_US.ISO-8859-1`)."""
    return {**_env(), "PYTHONIOENCODING": "latin-1", **more}


def test_json_lines_are_read_and_written_as_utf8_whatever_the_locale(tmp_path):
    line = json.dumps(URDU_ITEM, ensure_ascii=False).encode("utf-8") + b"\n"
    done = subprocess.run([*MONITOR, "analyze"], input=line, capture_output=True, env=_latin1(), timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    [result] = [json.loads(x) for x in done.stdout.decode("utf-8").splitlines()]
    assert result["relevant"] and result["topics"] == ["freelancing"]  # the Urdu terms matched: read as UTF-8
    assert result["facts"][0]["quote"] == URDU_ITEM["text"]
    done = subprocess.run([*MONITOR, "dedup"], input=line, capture_output=True, env=_latin1(), timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert json.loads(done.stdout.decode("utf-8")) == {"id": "1", "cluster": "1", "event": "1"}
    page = tmp_path / "u.html"
    page.write_text(f"<html lang=ur><head><title>{URDU_ITEM['title']}</title></head><body><p>{URDU_ITEM['text']}</p><p>{URDU_ITEM['text']}</p></body></html>", encoding="utf-8")
    done = subprocess.run([*MONITOR, "extract", str(page)], capture_output=True, env=_latin1(), timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert json.loads(done.stdout.decode("utf-8"))["title"] == URDU_ITEM["title"]


def test_urdu_on_a_terminal_that_cannot_show_it_is_escaped_not_a_crash(tmp_path):
    page = tmp_path / "u.html"
    page.write_text(f"<html lang=ur><head><title>{URDU_ITEM['title']}</title></head><body><p>{URDU_ITEM['text']}</p><p>{URDU_ITEM['text']}</p></body></html>", encoding="utf-8")
    done = subprocess.run([*MONITOR, "extract", "--format", "text", str(page)], capture_output=True, text=True, encoding="latin-1", env=_latin1(), timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "\\u0641\\u0631\\u06cc" in done.stdout  # فری, as the terminal can show it
