"""An install that works anywhere: the wheel built from a fresh clone, installed into a new
virtualenv, run in an empty folder outside the checkout.

The wheel's dependencies are resolved from the package index the first time and kept in a
wheelhouse under ``.venv/`` (named after pyproject.toml's contents), so later runs install
offline in seconds.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
WHEELHOUSE = REPO / ".venv" / "wheelhouse" / hashlib.sha256((REPO / "pyproject.toml").read_bytes()).hexdigest()[:16]


def run(cmd: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MONITOR_", "PYTHON", "VIRTUAL_ENV"))}
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, **kw)


def fresh_clone(target: Path) -> Path:
    """The files a clone of the checkout holds (tracked, and new files not ignored)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """``(the fresh venv's bin folder, the wheel)``."""
    root = tmp_path_factory.mktemp("install")
    clone = fresh_clone(root / "clone")
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(root / "dist"), str(clone)], cwd=root)
    assert built.returncode == 0, built.stderr[-3000:]
    [wheel] = (root / "dist").glob("*.whl")
    venv.create(root / "venv", with_pip=False)  # pip runs from outside it: quicker than ensurepip
    python = root / "venv" / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    if not WHEELHOUSE.is_dir():
        WHEELHOUSE.parent.mkdir(parents=True, exist_ok=True)
        partial = WHEELHOUSE.with_name(WHEELHOUSE.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        got = run([sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(partial), str(wheel)], cwd=root)
        assert got.returncode == 0, got.stderr[-3000:]
        for ours in partial.glob("pk_freelance_monitor-*"):
            ours.unlink()
        partial.rename(WHEELHOUSE)
    done = run([*pip, "install", "--quiet", "--no-index", "--find-links", str(WHEELHOUSE), str(wheel)], cwd=root)
    assert done.returncode == 0, done.stderr[-3000:]
    return root / "venv" / "bin", wheel


def test_the_wheel_ships_the_templates_and_the_watch_list_as_the_project_knows_them(installed):
    _, wheel = installed
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        for name in ("digest.html.j2", "digest.txt.j2"):
            assert z.read(f"monitor/bundled/templates/{name}") == (REPO / "templates" / name).read_bytes()
        assert z.read("monitor/bundled/sources.yaml") == (REPO / "sources.yaml").read_bytes()
    assert {n for n in names if n.startswith("monitor/bundled/templates/")} == {f"monitor/bundled/templates/{p.name}" for p in (REPO / "templates").iterdir() if p.is_file()}
    assert "monitor/datasette/metadata.yaml" in names and "monitor/demo_site/manifest.yaml" in names
    # every file of the demo's sample site, the SBP workbook (.xls) and the notification PDFs included
    site = {f"monitor/{p.relative_to(REPO / 'monitor').as_posix()}" for p in (REPO / "monitor" / "demo_site").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert any(n.endswith(".xls") for n in site) and any(n.endswith(".pdf") for n in site)
    assert site <= names, sorted(site - names)
    # and every subpackage
    assert {"monitor/facts/__init__.py", "monitor/store/__init__.py", "monitor/store/_pages.py"} <= names


def test_the_demo_runs_in_an_empty_folder(installed, tmp_path):
    bin_dir, _ = installed
    demo = run([str(bin_dir / "monitor"), "demo"], cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "Digest for 2025-W34" in demo.stdout and "bundled watch list" in demo.stderr
    html = (tmp_path / "data" / "demo" / "digest-2025-W34.html").read_text(encoding="utf-8")
    assert "IT" in html and "</html>" in html
    # the workbook and the watched page's PDF were read from the installed sample site
    text = (tmp_path / "data" / "demo" / "digest-2025-W34.txt").read_text(encoding="utf-8")
    assert "OFFICIAL FIGURES (SBP)" in text and "POLICY PAGES CHANGED THIS WEEK" in text and "+ New document:" in text
    assert (tmp_path / "data" / "demo" / "feeds" / "stories.atom").is_file()  # through the installed feed template
    # then a watch list of one's own, and a digest of the demo archive through the installed templates
    assert run([str(bin_dir / "monitor"), "init"], cwd=tmp_path).returncode == 0
    digest = run([str(bin_dir / "monitor"), "--db", "data/demo/monitor.db", "digest", "--week", "2025-W34", "--out", "out"], cwd=tmp_path)
    assert digest.returncode == 0, digest.stderr[-3000:]
    assert (tmp_path / "out" / "digest-2025-W34.txt").read_text(encoding="utf-8").startswith("Pakistan Freelance & IT Exports Monitor")


def test_init_writes_a_starter_watch_list_that_checks(installed, tmp_path):
    bin_dir, _ = installed
    monitor = str(bin_dir / "monitor")
    missing = run([monitor, "sources", "check"], cwd=tmp_path)
    assert missing.returncode == 2 and "monitor init" in missing.stderr
    init = run([monitor, "init"], cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "sources.yaml").read_bytes() == (REPO / "sources.yaml").read_bytes()
    assert "monitor sources check" in init.stdout
    check = run([monitor, "sources", "check"], cwd=tmp_path)
    assert check.returncode == 0 and "sources.yaml: OK" in check.stdout
    (tmp_path / "sources.yaml").write_text("sources: []\n", encoding="utf-8")
    again = run([monitor, "init"], cwd=tmp_path)
    assert again.returncode == 2 and "exists" in again.stderr and "--force" in again.stderr
    assert (tmp_path / "sources.yaml").read_text() == "sources: []\n"  # left alone
    other = run([monitor, "init", "watch/my-list.yaml"], cwd=tmp_path)
    assert other.returncode == 0 and (tmp_path / "watch" / "my-list.yaml").is_file()
    forced = run([monitor, "init", "--force"], cwd=tmp_path)
    assert forced.returncode == 0 and (tmp_path / "sources.yaml").read_bytes() == (REPO / "sources.yaml").read_bytes()


def test_a_digest_renders_from_the_installed_templates(installed, tmp_path):
    bin_dir, _ = installed
    shutil.copy(REPO / "sources.yaml", tmp_path / "sources.yaml")  # the user's own watch list
    demo = run([str(bin_dir / "monitor"), "demo", "--out", "demo"], cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr[-3000:]
    assert "TemplateNotFound" not in demo.stderr and "bundled watch list" not in demo.stderr
    assert (tmp_path / "demo" / "digest-2025-W34.html").stat().st_size > 10_000
