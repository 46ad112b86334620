"""The command line: help everywhere, the file-based stage commands, the demo end to end."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import load_config
from monitor.store import Store
from monitor.weeks import current_week

REPO = Path(__file__).resolve().parent.parent
PAGE = (Path(__file__).parent / "sites" / "basic" / "news" / "it-exports-july.html").read_bytes()


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield prefix + (name,)
        if isinstance(command, click.Group):
            yield from all_commands(command, prefix + (name,))


@pytest.mark.parametrize("path", [()] + list(all_commands(cli)), ids=lambda p: " ".join(p) or "monitor")
def test_every_command_has_help(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    command = cli
    for name in path:
        command = command.commands[name]
    assert command.help and len(command.help.split()) >= 4, f"{path} needs a real description"


def test_extract_files_and_stdin(tmp_path):
    plain = tmp_path / "page.html"
    plain.write_bytes(PAGE)
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(PAGE))
    result = CliRunner().invoke(cli, ["extract", str(plain), str(packed), "-"], input=PAGE)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["path"] for r in rows] == [str(plain), str(packed), "-"]
    for r in rows:
        assert set(r) == {"path", "title", "text", "published", "author", "lang"}
        assert r["title"] == "IT exports reach $354m in July, central bank data shows"
        assert "$354 million in July 2025" in r["text"]
        assert r["published"].startswith("2025-08-18")


def test_extract_reports_bad_files_and_goes_on(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    good = tmp_path / "good.html"
    good.write_bytes(PAGE)
    result = CliRunner().invoke(cli, ["extract", str(empty), str(tmp_path / "missing.html"), str(good)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert "error" in lines[0] and "error" in lines[1]
    assert lines[2]["title"].startswith("IT exports")


def test_extract_says_gzip_data_cut_short_or_corrupt_and_goes_on(tmp_path):
    packed = gzip.compress(PAGE)
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    corrupt = tmp_path / "corrupt.html.gz"
    corrupt.write_bytes(packed[:10] + b"\xff" * 20 + packed[30:])
    good = tmp_path / "good.html.gz"
    good.write_bytes(packed)
    result = CliRunner().invoke(cli, ["extract", str(cut), str(corrupt), str(good)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["error"] == "cannot read: the gzip data is cut short"
    assert rows[1]["error"].startswith("cannot read: the gzip data is corrupt (")
    assert rows[2]["path"] == str(good) and rows[2]["title"].startswith("IT exports")


def test_extract_says_a_folder_or_a_missing_file_in_words_and_reads_the_rest(tmp_path):
    """`monitor extract pages/*` with a subfolder among the pages: that path is one line
    saying so, not a usage error that reads nothing."""
    folder = tmp_path / "pages"
    folder.mkdir()
    good = tmp_path / "good.html"
    good.write_bytes(PAGE)
    result = CliRunner().invoke(cli, ["extract", str(folder), str(tmp_path / "missing.html"), str(good)])
    assert result.exit_code == 1, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r.get("error") for r in rows] == ["cannot read: Is a directory", "cannot read: No such file or directory", None]  # no [Errno 2], no repeated name
    assert rows[2]["title"].startswith("IT exports")
    assert result.stderr.splitlines() == [f"{folder}: cannot read: Is a directory", f"{tmp_path / 'missing.html'}: cannot read: No such file or directory"]


def test_unknown_source_for_poll_is_refused(site_config):
    result = CliRunner().invoke(cli, ["--config", site_config.path, "poll", "--source", "Nope"])
    assert result.exit_code == 2
    assert "no source named 'Nope'" in result.output


def test_a_disabled_source_named_for_poll_is_refused_not_skipped_in_silence(tmp_path):
    config = tmp_path / "sources.yaml"
    config.write_text("sources:\n  - name: Old\n    url: http://127.0.0.1:9/old.xml\n    enabled: false\n  - name: New\n    url: http://127.0.0.1:9/new.xml\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "m.db"), "poll", "--source", "Old"])
    assert result.exit_code == 2, result.output
    assert f"'Old' (line 2) is disabled in {config} (enabled: false); enable it to poll it" in result.output
    assert not (tmp_path / "m.db").exists()


def test_a_poll_with_every_source_disabled_says_so_and_fails(tmp_path):
    config = tmp_path / "sources.yaml"
    config.write_text("sources:\n  - name: Old\n    url: http://127.0.0.1:9/old.xml\n    enabled: false\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "m.db"), "poll"])
    assert result.exit_code == 1, result.output
    assert f"the only source is disabled in {config} (enabled: false)" in result.output


def test_bad_week_is_refused(site_config, tmp_path):
    result = CliRunner().invoke(cli, ["--config", site_config.path, "--db", str(tmp_path / "m.db"), "digest", "--week", "2025-W60"])
    assert result.exit_code == 2
    assert "2025 has no week 60" in result.output


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01"])
def test_a_week_of_a_year_out_of_range_is_refused_in_one_line(week, site_config, tmp_path):
    db = tmp_path / "m.db"
    Store(db).close()
    result = CliRunner().invoke(cli, ["--config", site_config.path, "--db", str(db), "digest", "--week", week, "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert f"{week[:4]} is out of range: the year must be between 1900 and 9998" in result.output
    assert not (tmp_path / "out").exists()


def test_the_digest_is_written_beside_the_archive_wherever_the_command_runs(site_config, tmp_path, monkeypatch):
    """As the feeds and the outbox are: run from another folder (the Docker image's /data with
    MONITOR_DB=/data/monitor.db, a cron job's home), the digest does not land in ./data/."""
    archive = tmp_path / "archive"
    Store(archive / "m.db").close()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = CliRunner().invoke(cli, ["--config", site_config.path, "--db", str(archive / "m.db"), "digest", "--week", "2025-W34"])
    assert result.exit_code == 0, result.output
    assert f"  {archive / 'digest-2025-W34.html'}\n  {archive / 'digest-2025-W34.txt'}" in result.stdout
    assert (archive / "digest-2025-W34.html").exists() and not (elsewhere / "data").exists()


def test_a_first_digest_of_the_last_week_says_where_the_stories_just_polled_are(site_config, tmp_path):
    """After a first poll, `monitor digest` writes the last completed week, before the archive
    began: 0 stories. It says so, and how to see this week's so far, rather than leave the
    reader wondering where the items went."""
    from monitor.models import Item
    from monitor.weeks import last_completed_week

    db = tmp_path / "m.db"
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    config = load_config(site_config.path)
    with Store(db) as store:
        store.save_items([Item(id=f"a{n}", source="Example", url=f"https://example.com/{n}", canonical_url=f"https://example.com/{n}", title=f"IT exports {n}", published=now, fetched_at=now, relevant=True) for n in (1, 2)], week_of=lambda published, fetched: current_week(config.tz))
    this_week, last_week = current_week(config.tz), last_completed_week(config.tz)
    result = CliRunner().invoke(cli, ["--config", site_config.path, "--db", str(db), "digest"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"digest {last_week}: 0 stories\n")
    assert (
        f"note: {last_week} is the last completed week; the 2 relevant items stored so far are of this week, {this_week},"
        f" whose digest goes out once it ends: `monitor digest --week {this_week}` previews it"
    ) in result.stdout
    asked = CliRunner().invoke(cli, ["--config", site_config.path, "--db", str(db), "digest", "--week", last_week])
    assert asked.exit_code == 0 and "note:" not in asked.stdout  # a week asked for is the week meant


def test_poll_then_status(site_config, tmp_path):
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    polled = runner.invoke(cli, ["--config", site_config.path, "--db", db, "poll"])
    assert polled.exit_code == 0, polled.output
    assert "3 sources: 3 ok" in polled.stdout
    # the first poll made the archive: it says where, and what to run next, with the same options
    week = current_week(load_config(site_config.path).tz)
    assert polled.stdout.splitlines()[1:] == [
        f"New archive: {db}. Next:",
        f"  monitor --config {site_config.path} --db {db} status                  # each source's health",
        f"  monitor --config {site_config.path} --db {db} digest --week {week}  # this week's digest so far",
        f"  monitor --config {site_config.path} --db {db} run                     # poll on schedule and send the weekly digest",
    ]
    again = runner.invoke(cli, ["--config", site_config.path, "--db", db, "poll"])
    assert "0 new items" in again.stdout and "New archive" not in again.stdout
    status = runner.invoke(cli, ["--config", site_config.path, "--db", db, "status"])
    assert status.exit_code == 0, status.output
    assert "poll: every 60 min; last 20" in status.output  # manual polls are runs too
    for name in ("Good Feed", "Second Feed", "Test PTA"):
        assert name in status.output


def test_make_demo_path_end_to_end(tmp_path):
    """`monitor demo` as a user runs it: a real process, the real watch list, the bundled site."""
    out = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "monitor.cli", "--config", str(REPO / "sources.yaml"), "demo", "--out", str(out)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "17 sources: 17 ok, 0 not modified, 0 failed" in result.stdout
    assert "Watched pages polled again: 1 source: 1 ok, 0 not modified, 0 failed; 1 new item, 1 watched page changed" in result.stdout
    assert "Polling the bundled sample sources as on Sun 24 Aug 2025..." in result.stderr
    assert "Polling the watched policy pages again on Sun 24 Aug 2025..." in result.stderr
    # every sample story is out by the first poll: none is taken for one dated in the future
    # (and shown on the poll's day rather than its own), so the demo logs no warning at all
    assert "WARNING" not in result.stderr and "dated more than a day after the fetch" not in result.stderr, result.stderr
    assert "1 policy page changed" in result.stdout
    assert f"database: {out / 'monitor.db'}" in result.stdout
    html = next(out.glob("digest-*.html")).read_text(encoding="utf-8")
    text = next(out.glob("digest-*.txt")).read_text(encoding="utf-8")
    for label in ("Freelancing", "IT and ICT exports", "VPN and internet", "Policy pages changed this week"):
        assert label.lower() in html.lower(), label
    assert "354" in text
    assert "* A year after the slowdown, freelancers still plan for the worst\n   Express Tribune - Technology, Fri 22 Aug 2025\n" in text
    # the watched PTA page changed between the two polls: the digest says what was added and removed
    # official figures first, then the policy changes, then the stories by topic (text and HTML)
    assert text.index("OFFICIAL FIGURES (SBP)") < text.index("POLICY PAGES CHANGED THIS WEEK") < text.index("\n== ")
    assert html.index("Official figures") < html.index("Policy pages changed this week") < html.index("Source health")
    policy = text[text.index("POLICY PAGES CHANGED THIS WEEK") :]
    assert "* IP Whitelisting & VPN Registration" in policy
    assert "~ A fee applies when [-five-] {+ten+} or more IP addresses are" in policy
    assert "- Applications sent by email or by post are not accepted." in policy
    assert "+ New document: Notification: VPN registration for freelancers" in policy and "(PDF, 1 page)" in policy
    for volatile in ("Page views", "Last updated", "Visitors"):
        assert volatile not in policy
    assert "<entry>" in (out / "feeds" / "policy.atom").read_text(encoding="utf-8")
    # official figures from the bundled sample of SBP's workbook, first, and the news checked against them
    assert "OFFICIAL FIGURES (SBP)\n\n* IT & ITeS exports, month and fiscal year to date, Jul 2025\n   (provisional): $354m\n   +4.7% vs Jun 2025; +23.8% vs Jul 2024" in text
    assert "Freelancer earnings, month and fiscal year to date, Jul 2025\n   (provisional): $90.4m" in text
    assert text.index("OFFICIAL FIGURES") < text.index("FIGURES THIS WEEK") and "[ok] agrees with SBP" in text
    assert "[!!]" not in text  # every news figure of the demo is right: none is flagged against SBP's
    assert "<h2" in html and html.index("Official figures") < html.index("Figures this week")
    # July's IT export reports: one entry, the reports written apart from the wire under "more coverage"
    exports = text.split("== IT and ICT exports ==")[1].split("\n== ")[0]
    july = [entry for entry in exports.split("\n* ") if "354" in entry.split("\n")[0]]
    assert len(july) == 1, exports
    assert "More coverage: " in july[0] and "PSEB" in july[0] and "Express (Urdu)" in july[0]
    assert "More coverage: " in html
    # polling the same sample again adds nothing; a --db given is left alone, and the demo says so
    again = subprocess.run(
        [sys.executable, "-m", "monitor.cli", "--config", str(REPO / "sources.yaml"), "--db", str(tmp_path / "real.db"), "demo", "--out", str(out)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )
    assert again.returncode == 0, again.stderr
    assert " 0 new items" in again.stdout
    assert f"The demo keeps its own archive in {out}: {tmp_path / 'real.db'} (--db or MONITOR_DB) is not touched." in again.stderr
    assert not (tmp_path / "real.db").exists()


def test_facts_command(tmp_path):
    from monitor.store import Store

    db = tmp_path / "m.db"
    with Store(db) as s:
        base = {"series": "it_exports_monthly", "period": "2025-07", "unit": "USD_million", "quote": "IT exports were $354m in July", "published": "2025-08-19", "found_at": "2025-08-19"}
        s.save_facts([{**base, "value": 354, "item": "a", "source": "Dawn"}, {**base, "value": 354, "item": "b", "source": "Profit"}])
    runner = CliRunner()
    table = runner.invoke(cli, ["--db", str(db), "facts"])
    assert table.exit_code == 0, table.output
    assert "it_exports_monthly" in table.output and "(+1 more: Profit)" in table.output
    csv_out = runner.invoke(cli, ["--db", str(db), "facts", "--series", "it_exports_monthly", "--format", "csv"])
    lines = csv_out.output.splitlines()
    assert lines[0].startswith("series,period,value,unit,basis,reports")
    assert lines[1].startswith("it_exports_monthly,2025-07,354.0,USD_million,,2,")
    none = runner.invoke(cli, ["--db", str(db), "facts", "--series", "ranking"])
    assert "no facts stored for series 'ranking'" in none.output


def test_poll_exit_code_says_when_everything_failed(site, write_config, tmp_path):
    db = str(tmp_path / "m.db")
    runner = CliRunner()
    dead = write_config(f"- name: Gone\n  url: {site.base}/no/such.xml\n- name: Broken\n  url: {site.base}/broken/500.xml\n", extra="fetch:\n  retries: 0\n")
    result = runner.invoke(cli, ["--config", str(dead), "--db", db, "poll"])
    assert result.exit_code == 1
    assert "every source failed" in result.output
    mixed = write_config(f"- name: Gone\n  url: {site.base}/no/such.xml\n- name: Good\n  url: {site.base}/feeds/good.xml\n", extra="fetch:\n  retries: 0\n")
    assert runner.invoke(cli, ["--config", str(mixed), "--db", str(tmp_path / "n.db"), "poll"]).exit_code == 0


def test_facts_of_a_misspelt_series_suggest_the_name_meant(tmp_path):
    db = tmp_path / "m.db"
    with Store(db):
        pass
    runner = CliRunner()
    misspelt = runner.invoke(cli, ["--db", str(db), "facts", "--series", "it_export_monthly"])
    assert misspelt.exit_code == 2
    assert "no series named 'it_export_monthly': did you mean it_exports_monthly?" in misspelt.output
    unknown = runner.invoke(cli, ["--db", str(db), "facts", "--series", "mangoes", "--format", "csv"])
    assert unknown.exit_code == 2 and "no series named 'mangoes': the series are it_exports_monthly, " in unknown.output
    known = runner.invoke(cli, ["--db", str(db), "facts", "--series", "it_exports_monthly"])
    assert known.exit_code == 0 and known.output == "no facts stored for series 'it_exports_monthly'\n"


def test_init_into_a_folder_writes_sources_yaml_there(tmp_path):
    """`monitor init DIR` writes DIR/sources.yaml and says where; a path ending in / is a
    folder to make; a file path is written as before."""
    folder = tmp_path / "watch"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    assert (folder / "sources.yaml").is_file()
    assert result.output.startswith(f"Wrote {folder / 'sources.yaml'}: ") and f"monitor --config {folder / 'sources.yaml'} sources check" in result.output
    again = CliRunner().invoke(cli, ["init", str(folder)])
    assert again.exit_code == 2 and f"error: {folder / 'sources.yaml'} exists; pass --force" in again.output
    new = CliRunner().invoke(cli, ["init", str(tmp_path / "new") + "/"])
    assert new.exit_code == 0 and (tmp_path / "new" / "sources.yaml").is_file()
    named = CliRunner().invoke(cli, ["init", str(tmp_path / "lists" / "mine.yaml")])
    assert named.exit_code == 0 and (tmp_path / "lists" / "mine.yaml").is_file() and not (tmp_path / "lists" / "mine.yaml" / "sources.yaml").exists()


def test_facts_link_each_news_figure_to_the_article_it_was_quoted_from(tmp_path):
    """A journalist checking a figure needs the article: the table shows its link under the
    quote, and the CSV has it in `url`, for each report with --reports."""
    import csv
    import io

    from monitor.store import Store

    db = tmp_path / "m.db"
    with Store(db) as s:
        for item, url in (("a", "https://example.com/dawn/it-exports-july"), ("b", "https://example.org/profit/354m")):
            s.db["items"].insert({"id": item, "source": "x", "url": url, "title": "IT exports $354m", "fetched_at": "2025-08-19T00:00:00+00:00"})
        base = {"series": "it_exports_monthly", "period": "2025-07", "unit": "USD_million", "quote": "IT exports were $354m in July", "published": "2025-08-19", "found_at": "2025-08-19"}
        s.save_facts([{**base, "value": 354, "item": "a", "source": "Dawn"}, {**base, "value": 354, "item": "b", "source": "Profit"}])
    runner = CliRunner()
    table = runner.invoke(cli, ["--db", str(db), "facts"])
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    assert lines[1].strip() == '"IT exports were $354m in July"' and lines[2].strip() == "https://example.com/dawn/it-exports-july"
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["--db", str(db), "facts", "--format", "csv", "--reports"]).output)))
    assert [(r["source"], r["url"]) for r in rows] == [("Dawn", "https://example.com/dawn/it-exports-july"), ("Profit", "https://example.org/profit/354m")]


def test_counts_in_what_the_commands_print_group_their_thousands():
    """A count the commands print reads as the other numbers they print do: "1,320 items",
    never "1320 items" beside "1,320"."""
    from monitor.text import counted

    assert counted(1320, "item") == "1,320 items"
    assert counted(1, "source") == "1 source" and counted(2, "story", "stories") == "2 stories"
    assert counted(1234567, "figure") == "1,234,567 figures"


def test_digest_help_shows_its_examples_one_a_line():
    """The examples of `monitor digest --help` are not wrapped into one paragraph."""
    out = CliRunner().invoke(cli, ["digest", "--help"], terminal_width=80).output
    lines = [line.strip() for line in out.splitlines()]
    assert "monitor digest --send --to me@example.org            # a test, before the real send" in lines
    assert "monitor digest --week 2025-W34 --send --to new@example.org" in lines
