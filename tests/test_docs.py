"""What README says of the project's own files holds: the counts it gives of the written
benchmark sets are those of the files in `bench/`, so a round added to them is not left out of
what a reader is told `make check` scores; the systemd unit it gives runs the daemon as the
monitor reads its options, and the containers it shows are given the time the daemon takes to stop."""

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


def _systemd_unit() -> dict[str, list[str]]:
    """The unit README gives for running the daemon under systemd: each key's values."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"```ini\n# /etc/systemd/system/monitor.service\n(.*?)```", text, re.S)
    assert found, "README no longer gives a systemd unit"
    keys: dict[str, list[str]] = {}
    for line in found.group(1).splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            keys.setdefault(key, []).append(value)
    return keys


def test_readme_systemd_unit_runs_the_daemon_as_the_monitor_reads_it():
    """The unit's command line is one the CLI takes, its variables are the ones the monitor
    reads, the folder of its archive is the one it may write, and it gives a stop the time the
    daemon takes."""
    import shlex

    from click.testing import CliRunner

    from monitor.cli import cli
    from monitor.daemon import SHUTDOWN_TIMEOUT, STOP_GRACE

    unit = _systemd_unit()
    [start] = unit["ExecStart"]
    argv = shlex.split(start)
    assert argv[0].endswith("/bin/monitor") and "run" in argv
    result = CliRunner().invoke(cli, [*argv[1:], "--help"])
    assert result.exit_code == 0, result.output
    env = dict(value.split("=", 1) for value in unit["Environment"])
    assert set(env) <= {"MONITOR_CONFIG", "MONITOR_DB"}
    data = str(Path(env["MONITOR_DB"]).parent)
    assert unit["ReadWritePaths"] == [data] and unit["WorkingDirectory"] == [data]
    assert unit["StateDirectory"] == [Path(data).name] and data.startswith("/var/lib/")
    assert unit["ExecReload"] == ["/bin/kill -HUP $MAINPID"]
    assert int(unit["TimeoutStopSec"][0]) > SHUTDOWN_TIMEOUT + STOP_GRACE
    assert unit["User"] != ["root"]


def test_the_daemons_container_is_given_the_time_the_daemon_takes_to_stop():
    """`docker stop` kills a container 10 s after SIGTERM unless told otherwise: less than the
    daemon's shutdown timeout, so a send under way would be killed and left in doubt."""
    from monitor.daemon import SHUTDOWN_TIMEOUT, STOP_GRACE

    texts = {
        "README.md": re.sub(r"\\\n\s*", " ", (ROOT / "README.md").read_text(encoding="utf-8")),
        "Dockerfile": (ROOT / "Dockerfile").read_text(encoding="utf-8"),
    }
    for name, text in texts.items():
        daemons = [line for line in re.findall(r"docker run [^\n#]*", text) if line.rstrip().endswith(" monitor")]  # the image's own command: the daemon
        assert daemons, f"{name} no longer shows how to run the daemon's container"
        for line in daemons:
            timeout = re.search(r"--stop-timeout (\d+)", line)
            assert timeout and int(timeout.group(1)) > SHUTDOWN_TIMEOUT + STOP_GRACE, f"{name}: {line}"
            assert "--restart unless-stopped" in line, f"{name}: {line}"
