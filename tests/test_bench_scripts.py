"""`make bench` runs every script in `bench/` as `python bench/NAME.py`, with no argument: each
must take its defaults then, not stop on an argument it requires. The scripts are not run here
(some take minutes): only their arguments are parsed, the way `make bench` gives them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r"""
import argparse, runpy, sys
parse = argparse.ArgumentParser.parse_args
class Parsed(Exception):
    pass
def parse_only(self, args=None, namespace=None):
    parse(self, args, namespace)  # exits 2, naming what is missing, as the script would
    raise Parsed
argparse.ArgumentParser.parse_args = parse_only
failed = []
for path in sys.argv[1:]:
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except Parsed:
        continue
    except SystemExit as e:
        failed.append(f"{path}: exit {e.code}")
        continue
    failed.append(f"{path}: parsed no arguments")
print("\n".join(failed))
"""


def test_every_benchmark_runs_as_make_bench_runs_it():
    scripts = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "bench").glob("*.py"))
    assert "bench/dedup_decisions.py" in scripts
    out = subprocess.run([sys.executable, "-c", PROBE, *scripts], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "", out.stdout + out.stderr[-2000:]
