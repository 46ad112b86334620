"""Official figures beside the news: revisions, the digest's "Official figures", news figures
checked against SBP, the chart drawn from SBP's series, stale sources, and the CLI."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser as HTMLParser

import ebops
from digest_archive import JULY_RELEASE, JUNE_RELEASE, OFFICIAL_SOURCE, SOURCES_YAML, WEEK, WORKBOOK_URL, _fact_row, add_official, build_archive
from monitor.cli import cli
from monitor.config import load_config, parse_config
from monitor.digest import build_digest, render_html, render_text
from monitor.errors import ConfigError
from monitor.models import FetchResult, OfficialFact
from monitor.official import Stored, agrees, relation
from monitor.sbp import read_ebops
from monitor.store import item_id
from monitor.status import report_lines, source_rows

MID_2026 = "2026-W26"  # 22-28 June 2026: SBP's May 2026 release is out


def official(value: float, status: str = "provisional") -> OfficialFact:
    return OfficialFact("it_exports_monthly", "2026-04", value, "USD_million", status, WORKBOOK_URL, "EBOPS ", "9. Telecommunications", "Apr-26 (P)", "Credit", "2026-05-20T00:00:00+00:00")


@pytest.fixture
def archive_config(write_config):
    return load_config(write_config(SOURCES_YAML))


@pytest.fixture
def archive(store, archive_config):
    build_archive(store, archive_config)
    add_official(store)
    return store


# --------------------------------------------------------------------------- decisions


def test_relation_of_a_value_read_to_the_value_stored():
    assert relation(official(420.1), None) == ("new", None)
    assert relation(official(420.1), Stored(7, 420.1, "provisional")) == ("same", 7)
    assert relation(official(420.1, "revised"), Stored(7, 420.1, "provisional")) == ("restated", 7)
    assert relation(official(422.26, "revised"), Stored(7, 420.1, "provisional")) == ("revises", 7)
    assert relation(official(460.0, "revised"), Stored(7, 420.1, "provisional")) == ("revises", 7)  # a big revision is still one


def test_a_news_figure_agrees_within_one_percent():
    assert agrees(354, 354.33) and agrees(4.18e3, 4183.44)
    assert not agrees(339, 335.0) and not agrees(557, 612.4)


def test_save_official_facts_says_what_happened_to_each(store):
    july, _ = JULY_RELEASE
    facts = read_ebops(ebops.workbook(july), url=WORKBOOK_URL, fetched_at="2025-08-19T10:00:00+00:00")
    first = store.save_official_facts(facts, source=OFFICIAL_SOURCE)
    assert len(first["new"]) == len(facts) and not first["revises"]
    again = store.save_official_facts(facts, source=OFFICIAL_SOURCE)
    assert len(again["same"]) == len(facts) and not again["new"]


def test_official_values_are_those_known_before_a_time(archive):
    june = archive.official_values("it_exports_monthly", "USD_million", "2025-08-01T00:00:00+00:00")
    assert (june["2025-06"]["value"], june["2025-06"]["status"]) == (337.9, "provisional") and "2025-07" not in june
    july = archive.official_values("it_exports_monthly", "USD_million", "2025-08-25T00:00:00+00:00")
    assert (july["2025-06"]["value"], july["2025-06"]["revises_value"], july["2025-06"]["revises_status"]) == (338.45, 337.9, "provisional")


# --------------------------------------------------------------------------- the digest


def test_official_figures_come_first_with_changes_on_the_month_before_and_a_year_earlier(archive, archive_config):
    d = build_digest(archive, archive_config, WEEK)
    shown = [(o.subject, o.what, o.period_label, o.status, o.display, [text for text, _ in o.changes]) for o in d.official]
    assert shown == [
        ("IT & ITeS exports", "month and fiscal year to date", "Jul 2025", "provisional", "$354m", ["+4.7% vs Jun 2025", "+23.9% vs Jul 2024"]),
        ("Freelancer earnings", "month and fiscal year to date", "Jul 2025", "provisional", "$78.9m", ["+10.7% vs Jun 2025", "+51.4% vs Jul 2024"]),
    ]
    assert {o.url for o in d.official} == {WORKBOOK_URL}
    html = render_html(d)
    sections = [h.text() for h in HTMLParser(html).css("h2")]
    assert sections[0] == "Official figures" and sections[1] == "Figures this week"
    assert "▲ +23.9% vs Jul 2024" in html and f'<a href="{WORKBOOK_URL}"' in html
    text = render_text(d)
    assert text.index("OFFICIAL FIGURES (SBP)") < text.index("FIGURES THIS WEEK")
    assert "* IT & ITeS exports, month and fiscal year to date, Jul 2025\n   (provisional): $354m\n   +4.7% vs Jun 2025; +23.9% vs Jul 2024\n" in text


def test_the_fiscal_year_to_date_is_the_latest_span_of_the_newest_months_year(store, archive_config):
    add_official(store, [JUNE_RELEASE, (ebops.Layout(), "2026-06-18T11:00:00+00:00")])  # May 2025 from a year before, then mid-2026
    d = build_digest(store, archive_config, MID_2026)
    exports = [(o.what, o.period_label, o.status, o.display, [text for text, _ in o.changes]) for o in d.official if o.subject == "IT & ITeS exports"]
    assert exports == [
        ("month", "May 2026", "provisional", "$373m", ["-11.6% vs Apr 2026", "+13.4% vs May 2025"]),
        ("fiscal year to date", "Jul-May FY2025-26", "provisional", "$4.18bn", ["+20.2% vs Jul-May FY2024-25"]),
    ]
    freelance = [(o.display, [text for text, _ in o.changes]) for o in d.official if o.subject == "Freelancer earnings"]
    assert freelance == [("$102m", ["-1.4% vs Apr 2026", "+58.1% vs May 2025"]), ("$1.06bn", ["+49.8% vs Jul-May FY2024-25"])]


def test_a_release_published_after_the_week_is_not_used(archive, archive_config):
    d = build_digest(archive, archive_config, "2025-W31")  # 28 Jul - 3 Aug: only June's release is out
    assert [(o.period_label, o.status, o.display) for o in d.official][:1] == [("Jun 2025", "provisional", "$338m")]
    assert not d.official_revisions


def test_the_digest_says_what_sbp_revised_that_week(archive, archive_config):
    d = build_digest(archive, archive_config, WEEK)
    assert [(r.label, r.before, r.after) for r in d.official_revisions] == [("IT & ITeS exports, month, Jun 2025", "$337.90m (provisional)", "$338.45m (revised)")]
    assert "IT &amp; ITeS exports, month, Jun 2025: $337.90m (provisional) → $338.45m (revised)" in render_html(d)
    assert "Revised by SBP this week:\n* IT & ITeS exports, month, Jun 2025: $337.90m (provisional) ->\n   $338.45m (revised)" in render_text(d)
    assert not build_digest(archive, archive_config, "2025-W35").official_revisions  # the week after


def test_each_news_figure_is_checked_against_sbp(archive, archive_config):
    d = build_digest(archive, archive_config, WEEK)
    checks = {(f.series, f.period): (f.official, f.official_agrees) for f in d.figures}
    assert checks[("it_exports_monthly", "2025-07")] == ("agrees with SBP", True)  # $354m against 354.33
    assert checks[("freelancer_earnings", "FY2024-25")] == ("SBP: $612m", False)  # $557m against the year's 612.4
    assert checks[("vpn_registrations", "2025-08")] == (None, None)  # SBP does not publish it
    html = render_html(d)
    assert "✓ agrees with SBP</span>" in html and "✗ SBP: $612m</span>" in html
    text = render_text(d)
    assert "   [ok] agrees with SBP\n" in text and "   [!!] SBP: $612m\n" in text


def test_a_figure_sbp_has_no_value_for_says_so_rather_than_nothing(store, archive_config):
    build_archive(store, archive_config)
    add_official(store, [JUNE_RELEASE])  # July's release is not out: June is SBP's newest month
    store.save_facts([_fact_row("freelancer_earnings", "2025-08", 22_000, "PKR_million", "Freelancers earned Rs22 billion in August 2025.", item_id("https://news.example.com/exports"), "Test Dawn", "2025-08-20T05:00:00+00:00")])
    d = build_digest(store, archive_config, WEEK)
    checks = {(f.series, f.period, f.unit): (f.official, f.official_agrees) for f in d.figures}
    assert checks[("it_exports_monthly", "2025-07", "USD_million")] == ("no SBP figure for Jul 2025 yet", None)  # $354m
    assert checks[("freelancer_earnings", "2025-08", "PKR_million")] == ("not checked: SBP's figures are in US$", None)
    assert checks[("vpn_registrations", "2025-08", "count")] == (None, None)  # SBP does not publish it
    text = render_text(d)
    assert "   [--] no SBP figure for Jul 2025 yet\n" in text and "   [--] not checked: SBP's figures are in US$\n" in text
    html = render_html(d)
    assert " · no SBP figure for Jul 2025 yet</div>" in html  # (plain text that wraps on a small phone)
    assert "✗ no SBP" not in html and "✓ no SBP" not in html


def test_a_report_of_sbps_figure_before_sbp_revised_it_is_not_misreported(store):
    provisional = ebops.release(("Sep-26 (P)", "Jul-Sep, FY27 (P)"), {ebops.LINE_9: (366_250, 1_125_650)})
    revised = ebops.release(("Sep-26 (R)", "Oct-26 (P)", "Jul-Oct, FY27 (P)"), {ebops.LINE_9: (369_800, 391_150, 1_520_350)})
    add_official(store, [(provisional, "2026-10-20T10:00:00+00:00"), (revised, "2026-11-18T10:00:00+00:00")])
    store.save_facts([
        _fact_row("it_exports_monthly", "2026-09", 366, "USD_million", "IT exports were $366m in September.", "a", "Test Dawn", "2026-10-21T04:00:00+00:00"),
        _fact_row("it_exports_monthly", "2026-09", 370, "USD_million", "SBP revised September to $370m.", "b", "Test Dawn", "2026-11-20T04:00:00+00:00"),
        _fact_row("it_exports_monthly", "2026-10", 350, "USD_million", "IT exports were $350m in October.", "c", "Test Dawn", "2026-11-20T04:00:00+00:00"),
    ])
    rows = store.db.execute("SELECT period, reported, official, official_status, verdict, earlier_official FROM news_vs_official ORDER BY fact").fetchall()
    assert rows == [
        ("2026-09", 366.0, 369.8, "revised", "revised since", 366.25),  # SBP's provisional figure, not a misprint
        ("2026-09", 370.0, 369.8, "revised", "agrees", None),
        ("2026-10", 350.0, 391.15, "provisional", "differs", None),
    ]


def test_the_chart_is_drawn_from_sbps_series_and_news_only_where_it_has_none(archive, archive_config):
    d = build_digest(archive, archive_config, WEEK)
    bars = {b.period: (b.value, b.official) for b in d.trend.bars}
    assert bars["2025-07"] == (354.33, True) and bars["2025-06"] == (338.45, True)  # SBP's, over the news's 354 and 338
    assert bars["2024-07"] == (286.02, True) and bars["2025-05"] == (329.29, True)
    assert bars["2025-02"] == (305, False)  # no SBP figure in the archive: the news's
    html = render_html(d)
    assert html.count('bgcolor="#0b6e4f"') == 4 and html.count('bgcolor="#9ccbb9"') == len(d.trend.bars) - 4
    assert "$305m*" in html and "SBP&#39;s figures; * a figure reported in the news" in html
    assert "Feb 25  " in render_text(d) and "$305m*" in render_text(d)


# --------------------------------------------------------------------------- stale sources

NOW = datetime(2026, 6, 24, 12, 0, tzinfo=timezone.utc)
STALE_SOURCES = """
- name: Stopped Feed
  url: https://example.com/stopped.xml
- name: Fresh Feed
  url: https://example.com/fresh.xml
- name: Tuned Feed
  url: https://example.com/tuned.xml
  stale_days: 400
- name: SBP Workbook
  url: https://example.com/dt.xls
  kind: sbp_ebops
"""


def _record(store, name: str, newest: str | None, new_item: str | None = None) -> None:
    from monitor.models import FetchResult

    state = {"last_success": "2026-06-24T11:00:00+00:00", "last_outcome": "ok", "newest_entry": newest, "last_new_item": new_item}
    store.record_fetch(name, FetchResult("https://example.com/", "ok", started_at="2026-06-24T11:00:00+00:00"), state=state)


@pytest.fixture
def stale_archive(store, write_config):
    config = load_config(write_config(STALE_SOURCES))
    store.sync_sources(config.sources)
    _record(store, "Stopped Feed", "2025-11-03T09:00:00+00:00", new_item="2026-06-20T00:00:00+00:00")
    _record(store, "Fresh Feed", "2026-06-24T08:00:00+00:00", new_item="2026-06-24T08:00:00+00:00")
    _record(store, "Tuned Feed", "2025-11-03T09:00:00+00:00", new_item="2026-06-24T08:00:00+00:00")
    _record(store, "SBP Workbook", "2026-03-31", new_item="2026-04-18T00:00:00+00:00")
    return store, config


def test_a_feed_whose_newest_item_is_old_is_stale_in_status(stale_archive):
    store, config = stale_archive
    lines = {r.name: r.line(NOW, config.tz) for r in source_rows(store, config, NOW)}
    assert lines["Stopped Feed"].startswith("!! Stopped Feed [feed]")
    assert lines["Stopped Feed"].endswith("stale: newest item is dated 03 Nov 2025, 233 days old (stale after 30 days)")
    assert lines["Fresh Feed"].startswith("ok ") and lines["Tuned Feed"].startswith("ok ")  # its own stale_days
    # a workbook is stale by its newest month, 75 days after by default, and is never "silent"
    assert lines["SBP Workbook"].endswith("stale: newest month ends 31 Mar 2026, 86 days old (stale after 75 days)")
    assert "silent" not in lines["SBP Workbook"]
    heading = report_lines(source_rows(store, config, NOW), config, NOW)[0]
    assert heading.startswith("Sources (4): 2 need a look (0 failing, 0 silent for over 14 days, 2 stale)")


def test_a_workbook_with_a_recent_month_is_neither_stale_nor_silent(store, write_config):
    config = load_config(write_config("- name: SBP Current\n  url: https://example.com/current/dt.xls\n  kind: sbp_ebops\n"))
    store.sync_sources(config.sources)
    _record(store, "SBP Current", "2026-05-31", new_item="2026-04-18T00:00:00+00:00")  # no new figure for 67 days: not silent
    (row,) = source_rows(store, config, NOW)
    assert row.line(NOW, config.tz) == "ok SBP Current [sbp_ebops] | last success 1 h ago | figures up to May 2026"
    assert "SBP Current" not in {h.name for h in build_digest(store, config, MID_2026).health}  # an official source is never "silent"


def test_a_stale_feed_is_named_in_the_digests_source_health(stale_archive):
    store, config = stale_archive
    d = build_digest(store, config, MID_2026)
    health = {h.name: (h.problem, h.detail) for h in d.health}
    assert health["Stopped Feed"][0] == "stale" and "newest item is dated 03 Nov 2025" in health["Stopped Feed"][1]
    assert "Fresh Feed" not in health and "Tuned Feed" not in health
    assert "<b>Stopped Feed</b> — stale: newest item is dated 03 Nov 2025" in render_html(d)


def test_a_watched_page_unchanged_for_months_is_neither_stale_nor_silent(store, write_config):
    watched = "- name: PTA VPN page\n  url: https://example.com/vpn.html\n  kind: watch\n"
    config = load_config(write_config(STALE_SOURCES + watched))
    store.sync_sources(config.sources)
    store.record_fetch("PTA VPN page", FetchResult("https://example.com/vpn.html", "ok", started_at="2025-11-03T09:00:00+00:00"), state={"last_success": "2025-11-03T09:00:00+00:00", "last_outcome": "ok", "last_new_item": "2025-11-03T09:00:00+00:00"})
    _record(store, "PTA VPN page", None)
    (page,) = [s for s in config.sources if s.kind == "watch"]
    assert config.stale_after(page) is None
    (row,) = [r for r in source_rows(store, config, NOW) if r.name == "PTA VPN page"]
    assert (row.stale, row.silent_days, row.needs_attention) == (None, None, False)
    assert row.line(NOW, config.tz) == "ok PTA VPN page [watch] | last success 1 h ago"
    assert "PTA VPN page" not in {h.name for h in build_digest(store, config, MID_2026).health}


def test_a_polled_feed_records_its_newest_entry(site_config, store):
    from monitor import pipeline

    pipeline.poll(site_config, store)
    assert store.source_state("Good Feed").newest_entry.startswith("20")
    assert store.source_state("Test PTA").newest_entry is None  # a listing page's links carry no date


# --------------------------------------------------------------------------- configuration


def test_the_kinds_and_stale_days_are_checked_with_their_line():
    config = parse_config("monitor:\n  stale_days: 10\nsources:\n  - name: SBP\n    url: https://archive.sbp.org.pk/ecodata/dt.xls\n    kind: sbp_ebops\n    stale_days: 60\n  - name: Feed\n    url: https://example.com/f.xml\n", "w.yaml")
    assert [(s.kind, config.stale_after(s)) for s in config.sources] == [("sbp_ebops", 60), ("feed", 10)]
    with pytest.raises(ConfigError) as info:
        parse_config("sources:\n  - name: A\n    url: https://example.com/a.html\n    kind: page\n    stale_days: 20\n", "w.yaml")
    assert str(info.value).startswith("w.yaml:5: key 'sources[0].stale_days': stale_days applies to feed and sbp_ebops sources")
    with pytest.raises(ConfigError) as info:
        parse_config("sources:\n  - name: A\n    url: https://example.com/a.xls\n    kind: workbook\n", "w.yaml")
    assert str(info.value) == "w.yaml:4: key 'sources[0].kind': must be one of feed, page, sbp_ebops, watch; got 'workbook'"


# --------------------------------------------------------------------------- the CLI


def test_facts_lists_official_values_with_their_provenance(tmp_path):
    from monitor.store import Store

    db = tmp_path / "m.db"
    with Store(db) as store:
        add_official(store)
        store.save_facts([{"series": "freelancer_earnings", "period": "2025-07", "value": 79.0, "unit": "USD_million", "quote": "Freelancers earned $79m in July.", "item": "n1", "source": "Dawn", "published": "2025-08-20", "found_at": "2025-08-20"}])
    runner = CliRunner()
    out = runner.invoke(cli, ["--db", str(db), "facts", "--series", "freelancer_earnings"])
    assert out.exit_code == 0, out.output
    assert "freelancer_earnings    2025-07                    78.9 USD_million  2025-08-19  Test SBP (official, provisional)" in out.output
    assert f"from {WORKBOOK_URL}, sheet 'EBOPS', row '9.2.5 Freelance of Computer and Information Services', column 'Jul-25 (P)' (Credit), fetched 2025-08-19" in out.output
    assert "2025-06                    71.3 USD_million  2025-07-18  Test SBP (official, revised)" in out.output  # restated, not revised in value
    assert "Freelancers earned $79m in July." in out.output  # the news beside it
    only = runner.invoke(cli, ["--db", str(db), "facts", "--series", "freelancer_earnings", "--origin", "official"])
    assert "Dawn" not in only.output and "Test SBP" in only.output
    csv_out = runner.invoke(cli, ["--db", str(db), "facts", "--series", "it_exports_monthly", "--origin", "official", "--format", "csv"]).output.splitlines()
    assert csv_out[0].endswith(",origin,status,file_url,sheet,row_label,column_header,found_at,url,id,corrected,correction")
    revised = next(line for line in csv_out if line.startswith("it_exports_monthly,2025-06,338.45"))
    assert ",official,revised," in revised


def test_a_growth_rate_without_its_level_is_checked_against_sbps_values(store, archive_config):
    from digest_archive import STORIES, story_url
    from monitor.store import item_id

    build_archive(store, archive_config)
    add_official(store)
    exports, published = item_id(story_url(STORIES[0])), STORIES[0].published
    store.db.execute("DELETE FROM facts WHERE origin = 'news' AND series = 'freelancer_earnings'")
    store.save_facts([
        {"series": "freelancer_earnings", "period": "2025-07", "value": 51, "unit": "percent", "quote": "Freelance earnings rose 51pc.", "item": exports, "source": "Test Dawn", "published": published, "found_at": published},
    ])
    d = build_digest(store, archive_config, WEEK)
    growth = next(f for f in d.figures if f.series == "freelancer_earnings")
    assert (growth.display, growth.official, growth.official_agrees) == ("+51%", "agrees with SBP", True)  # SBP: 78.9 against 52.1, +51.4%
    store.db.execute("UPDATE facts SET value = 60 WHERE unit = 'percent' AND series = 'freelancer_earnings'")
    growth = next(f for f in build_digest(store, archive_config, WEEK).figures if f.series == "freelancer_earnings")
    assert (growth.official, growth.official_agrees) == ("SBP: +51.4%", False)
