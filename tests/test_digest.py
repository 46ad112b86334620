"""The weekly digest: content, figures, source health, both formats, escaping and size."""

from __future__ import annotations

import re
import resource
from contextlib import contextmanager

import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from digest_archive import AGGREGATED_OUTLET, EXPORT_HISTORY, LONG_TOKEN, SOURCES_YAML, STORIES, WEEK, build_archive, story_url
from monitor.cli import cli
from monitor.config import load_config
from monitor.errors import MonitorError
from monitor.digest import MAX_HTML_BYTES, Outlet, build_digest, describe_change, fit_html, format_value, period_label, previous_period, render_html, render_text, summarize, write_digest
from monitor.text import is_urdu
from monitor.models import FetchResult, Item
from monitor.store import Store, item_id
from monitor.weeks import iso_week


def item(n, title, topics, published="2025-08-19T05:00:00+00:00", relevant=True, **kw):
    url = f"https://example.com/{n}"
    return Item(id=item_id(url), source=kw.pop("source", "Test Daily"), url=url, canonical_url=url, title=title, summary=kw.pop("summary", "A short teaser."), published=published, fetched_at=published, topics=tuple(topics), relevant=relevant, score=kw.pop("score", 1.0), text=kw.pop("text", ""))


def flat(text: str) -> str:
    """The plain-text digest with its lines joined, to find a wrapped line's words."""
    return " ".join(text.split())


def save(store, config, items):
    store.save_items(items, week_of=lambda p, f: iso_week(p or f, config.tz))


@pytest.fixture
def archive_config(write_config):
    return load_config(write_config(SOURCES_YAML, extra="digest:\n  manage_url: https://monitor.example.com/subscription\n"))


@pytest.fixture
def archive(store, archive_config):
    build_archive(store, archive_config)
    return build_digest(store, archive_config, WEEK)


def test_a_week_that_has_not_ended_is_marked_as_told_so_far(store, archive_config):
    """A preview of the week under way says so, and up to when, in both parts; a digest of
    a week that has ended does not."""
    from datetime import datetime, timezone

    build_archive(store, archive_config)
    thursday = datetime(2025, 8, 21, 9, 30, tzinfo=timezone.utc)  # 14:30 in Pakistan
    preview = build_digest(store, archive_config, WEEK, now=thursday)
    assert "Week 2025-W34 (18 Aug - 24 Aug 2025 PKT, so far: to Thu 21 Aug 14:30 PKT): " in flat(render_text(preview))
    assert "18 Aug – 24 Aug 2025 PKT · so far: to Thu 21 Aug 14:30 PKT · " in HTMLParser(render_html(preview)).text()
    ended = build_digest(store, archive_config, WEEK, now=datetime(2025, 8, 24, 19, 0, tzinfo=timezone.utc))  # Monday 00:00 PKT
    assert "so far: to" not in render_text(ended) and "so far: to" not in render_html(ended)
    assert "Week 2025-W34 (18 Aug - 24 Aug 2025 PKT): " in flat(render_text(ended))


# --------------------------------------------------------------------------- stories


def test_groups_by_main_topic_in_config_order(store, site_config):
    save(store, site_config, [
        item(1, "Freelancers earn more", ["freelancing"]),
        item(2, "VPN rules change", ["vpn_internet", "freelancing"]),
        item(3, "IT exports rise", ["it_exports"]),
        item(4, "Irrelevant cricket", [], relevant=False),
        item(5, "Last week's story", ["freelancing"], published="2025-08-10T05:00:00+00:00"),
    ])
    d = build_digest(store, site_config, "2025-W34")
    by_topic = {g.id: [s.title for s in g.stories] for g in d.groups}
    assert by_topic == {"freelancing": ["Freelancers earn more"], "vpn_internet": ["VPN rules change"], "it_exports": ["IT exports rise"]}
    order = [g.id for g in d.groups]
    assert order == sorted(order, key=list(site_config.topics).index)
    assert d.story_count == 3


def test_most_important_story_first_within_a_topic(store, site_config):
    save(store, site_config, [
        item(1, "Minor freelancing note", ["freelancing"], score=4.0, published="2025-08-22T05:00:00+00:00"),
        item(2, "Major freelancing policy", ["freelancing"], score=9.0),
    ])
    d = build_digest(store, site_config, "2025-W34")
    assert [s.title for s in d.groups[0].stories] == ["Major freelancing policy", "Minor freelancing note"]


def test_week_uses_karachi_time(store, site_config):
    # Sunday 20:00 UTC is Monday 01:00 in Karachi: the next week there, and that day is shown.
    save(store, site_config, [item(1, "Late Sunday in UTC", ["freelancing"], published="2025-08-24T20:00:00+00:00")])
    assert build_digest(store, site_config, "2025-W34").story_count == 0
    d = build_digest(store, site_config, "2025-W35")
    assert d.story_count == 1
    assert "Mon 25 Aug 2025" in render_html(d) and "Mon 25 Aug 2025" in render_text(d)


def test_a_story_that_gives_no_date_says_so_and_the_day_it_was_found(store, site_config):
    """An item with no date of its own is in the week it was fetched; its entry says that it
    is undated and when it was found, rather than showing the outlet alone."""
    from dataclasses import replace

    undated = replace(item(1, "PSEB opens a freelancer desk in Lahore", ["freelancing"], published=None), fetched_at="2025-08-24T19:30:00+00:00")  # Mon 00:30 PKT
    save(store, site_config, [undated, item(2, "Freelancers earn more", ["freelancing"], published="2025-08-26T05:00:00+00:00")])
    d = build_digest(store, site_config, "2025-W35")
    assert "Test Daily, undated, found Mon 25 Aug 2025" in flat(render_text(d))
    assert "Test Daily · undated, found Mon 25 Aug 2025" in HTMLParser(render_html(d)).text()
    assert "Test Daily, Tue 26 Aug 2025" in flat(render_text(d))


def test_header_counts_and_three_top_stories(archive):
    assert archive.story_count == len(STORIES)
    assert archive.sources == (AGGREGATED_OUTLET, "Test Dawn", "Test Recorder", "Test Tribune")
    assert [s.title for s in archive.top] == [STORIES[0].title, STORIES[1].title, STORIES[4].title]
    html = render_html(archive)
    header = HTMLParser(html).css_first("h1").parent.text()
    assert "Week 2025-W34 · 18 Aug – 24 Aug 2025 PKT · 6 stories from 4 sources · 3 figures" in " ".join(header.split())


def test_summary_takes_two_to_three_sentences_of_the_text():
    text = "PSEB registered 500 companies. The board met in Islamabad. Fees were cut. A fourth sentence."
    assert summarize(text) == "PSEB registered 500 companies. The board met in Islamabad. Fees were cut."
    assert summarize("", "The teaser from the feed. Second.") == "The teaser from the feed. Second."
    assert summarize("Headline here\nBody starts. Goes on.", title="Headline here") == "Body starts. Goes on."
    assert summarize("", "IT exports climb 24pc to $354m in July Dawn", title="IT exports climb 24pc to $354m in July - Dawn") == ""
    long = "word " * 200
    cut = summarize(long, limit=100)
    assert len(cut) <= 101 and cut.endswith("…")


def test_summary_in_the_digest_comes_from_the_text_then_the_teaser(archive):
    stories = {s.id: s for g in archive.groups for s in g.stories}
    exports = stories[item_id(story_url(STORIES[0]))]
    assert exports.summary.startswith("Pakistan's IT and IT-enabled services exports reached $354 million")
    assert "fourth sentence" not in exports.summary
    payments = stories[item_id(story_url(STORIES[4]))]
    assert payments.summary == "The State Bank of Pakistan changed the rules on 23 August. Details inside."


def test_a_cluster_is_one_story_with_every_other_outlet(archive):
    stories = {s.id: s for g in archive.groups for s in g.stories}
    exports = stories[item_id(story_url(STORIES[0]))]  # the cluster's founder tells the story
    assert exports.also == (
        Outlet("Test Tribune", "https://tribune.example.com/it-exports-july"),
        Outlet("Test Recorder", "https://recorder.example.com/exports-354m"),  # irrelevant alone, still an outlet
        Outlet(AGGREGATED_OUTLET, "https://news.google.example/rss/articles/CBMiexports"),  # the publisher, not "Test Aggregator"
    )
    vpn = stories[item_id(story_url(STORIES[1]))]  # founded last week: the week's first relevant member
    assert vpn.also == (Outlet("Test Dawn", "https://news.example.com/vpn-deadline"),)
    assert archive.story_count == len(STORIES) and not any(s.title.startswith("Reprint") for s in stories.values())
    assert archive.top[0] == exports  # three outlets
    html = render_html(archive)
    # each outlet but the last is kept on one line with its comma (see test_browser.py)
    assert 'Also reported by <span style="white-space:nowrap;"><a href="https://tribune.example.com/it-exports-july"' in html
    assert "Test Dawn +3</span>" in html  # among the top stories
    assert "Also reported by: Test Tribune <https://tribune.example.com/it-exports-july>, Test Recorder" in flat(render_text(archive))


def _story_rows(store, cluster, event, members):
    store.db["clusters"].insert({"id": cluster, "primary_item": members[0].id, "outlets": "[]", "size": len(members), "event_id": event})
    store.db["cluster_members"].insert_all({"item_id": m.id, "cluster_id": cluster, "reason": "text", "score": 0.8} for m in members)


def test_reports_of_one_event_are_one_entry_with_more_coverage(store, site_config):
    wire = item(1, "IT exports reach $354m in July", ["it_exports"], score=5.0, text="Exports rose to $354 million in July.")
    reprint = item(2, "July IT exports at $354m", ["it_exports"], "2025-08-19T07:00:00+00:00", source="Other Daily")
    own = item(3, "Software exports lead July's gains", ["it_exports"], "2025-08-19T09:00:00+00:00", source="Third Daily", score=9.0)
    urdu = item(4, "جولائی میں آئی ٹی برآمدات", ["it_exports"], "2025-08-19T11:00:00+00:00", relevant=False, source="Urdu Daily")
    other = item(5, "PTA extends VPN registration", ["vpn_internet"], source="Third Daily")
    save(store, site_config, [wire, reprint, own, urdu, other])
    _story_rows(store, "s-wire", "s-wire", [wire, reprint])
    _story_rows(store, "s-own", "s-wire", [own])
    _story_rows(store, "s-urdu", "s-wire", [urdu])  # irrelevant on its own: still coverage
    _story_rows(store, "s-other", "s-other", [other])
    digest = build_digest(store, site_config, "2025-W34")
    exports = next(g for g in digest.groups if g.id == "it_exports").stories
    assert [s.title for s in exports] == ["IT exports reach $354m in July"]  # the story most outlets ran leads
    assert exports[0].also == (Outlet("Other Daily", "https://example.com/2"),)
    assert exports[0].more == (Outlet("Third Daily", "https://example.com/3"), Outlet("Urdu Daily", "https://example.com/4"))
    assert digest.story_count == 2 and "Urdu Daily" in digest.sources
    assert "More coverage: Third Daily <https://example.com/3>, Urdu Daily <https://example.com/4>" in flat(render_text(digest))
    html = render_html(digest)
    assert 'More coverage: <span style="white-space:nowrap;"><a href="https://example.com/3"' in html and "Test Daily +3</span>" in html


def _sent(store, week, carried=()):
    """``week``'s digest went out carrying the items ``carried``."""
    store.claim_digest(week, carried=[(i.id, False) for i in carried])
    store.set_digest(week, status="sent", sent_at="2025-08-25T04:00:00+00:00")


def test_late_reports_of_one_event_are_one_late_entry_with_more_coverage(store, site_config):
    sent = item(1, "PTA opens VPN registration portal", ["vpn_internet"], "2025-08-18T05:00:00+00:00")
    save(store, site_config, [sent])
    _story_rows(store, "s-sent", "s-sent", [sent])
    _sent(store, "2025-W34", [sent])
    # stored after W34's digest went out: two outlets' own reports of one release, and a reprint
    wire = item(2, "IT exports reach $354m in July", ["it_exports"], "2025-08-24T17:00:00+00:00", score=5.0)
    copy = item(3, "July IT exports at $354m", ["it_exports"], "2025-08-24T18:00:00+00:00", source="Other Daily")
    own = item(4, "Software leads July's export gains", ["it_exports"], "2025-08-24T18:30:00+00:00", source="Third Daily")
    save(store, site_config, [wire, copy, own])
    _story_rows(store, "s-wire", "s-wire", [wire, copy])
    _story_rows(store, "s-own", "s-wire", [own])
    digest = build_digest(store, site_config, "2025-W35")
    assert [s.title for s in digest.late] == ["IT exports reach $354m in July"]
    assert digest.late[0].also == (Outlet("Other Daily", "https://example.com/3"),)
    assert digest.late[0].more == (Outlet("Third Daily", "https://example.com/4"),)
    assert {item_id for item_id, late in digest.carried if late} == {wire.id, copy.id, own.id}
    text = render_text(digest)
    assert "More coverage: Third Daily <https://example.com/4>" in text[text.index("LATE FROM EARLIER WEEKS") :]
    assert "More coverage:" in render_html(digest).split("Late from earlier weeks")[1]


def test_a_late_report_of_an_event_already_told_is_carried_not_told(store, site_config):
    told = item(1, "IT exports reach $354m in July", ["it_exports"], "2025-08-19T05:00:00+00:00")
    save(store, site_config, [told])
    _story_rows(store, "s-told", "s-told", [told])
    _sent(store, "2025-W34", [told])
    late = item(2, "Software leads July's export gains", ["it_exports"], "2025-08-20T05:00:00+00:00", source="Other Daily")
    save(store, site_config, [late])
    _story_rows(store, "s-late", "s-told", [late])  # its own story, of the event told last week
    digest = build_digest(store, site_config, "2025-W35")
    assert digest.late == () and (late.id, True) in digest.carried


def test_a_late_report_of_an_event_told_this_week_is_more_coverage_there(store, site_config):
    _sent(store, "2025-W34")
    late = item(1, "Software leads July's export gains", ["it_exports"], "2025-08-24T18:00:00+00:00", source="Other Daily")
    now = item(2, "IT exports reach $354m in July", ["it_exports"], "2025-08-25T05:00:00+00:00")
    save(store, site_config, [late, now])
    _story_rows(store, "s-late", "s-now", [late])
    _story_rows(store, "s-now", "s-now", [now])
    digest = build_digest(store, site_config, "2025-W35")
    assert digest.late == () and (late.id, True) in digest.carried
    [entry] = [s for g in digest.groups for s in g.stories]
    assert entry.title == now.title and entry.more == (Outlet("Other Daily", "https://example.com/1"),)
    assert "Other Daily" in digest.sources


def test_without_clusters_every_item_is_a_story(store, site_config):
    save(store, site_config, [item(1, "PSEB opens registration", ["freelancing"]), item(2, "PSEB opens registration", ["freelancing"], source="Other Daily")])
    assert [s.also for g in build_digest(store, site_config, "2025-W34").groups for s in g.stories] == [(), ()]


# --------------------------------------------------------------------------- figures


def test_figures_with_change_against_the_previous_period(archive):
    rows = {(f.series, f.period): f for f in archive.figures}
    exports = rows[("it_exports_monthly", "2025-07")]
    assert (exports.display, exports.change, exports.direction) == ("$354m", "+4.7% vs Jun 2025", "up")
    assert exports.source == "Test Dawn" and exports.url == "https://news.example.com/exports"
    assert exports.quote.startswith("Pakistan's IT and IT-enabled services exports reached $354 million")
    assert rows[("vpn_registrations", "2025-08")].change == "+25.0% vs Jul 2025"
    assert rows[("freelancer_earnings", "FY2024-25")].change == "+59.1% vs FY2023-24"
    assert [f.series for f in archive.figures] == ["it_exports_monthly", "freelancer_earnings", "vpn_registrations"]  # no "other"
    assert "$4.5" not in render_html(archive)


def test_the_same_figure_from_two_outlets_is_one_row(store, archive_config):
    build_archive(store, archive_config)
    other = item("geo", "Geo on IT exports", ["it_exports"], source="Test Tribune", published="2025-08-20T05:00:00+00:00")
    save(store, archive_config, [other])
    store.save_facts([fact("it_exports_monthly", "2025-07", 355.1, "USD_million", other.id, other.published, quote="Exports were $355.1m.", source="Test Tribune")])
    figures = [f for f in build_digest(store, archive_config, WEEK).figures if f.series == "it_exports_monthly"]
    assert len(figures) == 1  # within 1%: the store records it as a report of the same figure
    assert (figures[0].outlets, figures[0].source, figures[0].display) == (2, "Test Dawn", "$354m")
    assert "in 2 reports" in render_html(build_digest(store, archive_config, WEEK))


def test_a_revised_figure_says_what_it_revises(store, archive_config):
    build_archive(store, archive_config)
    later = item("sbp", "SBP revises July IT exports", ["it_exports"], source="Test Recorder", published="2025-08-23T05:00:00+00:00")
    save(store, archive_config, [later])
    store.save_facts([fact("it_exports_monthly", "2025-07", 361, "USD_million", later.id, later.published, quote="July's figure was revised to $361 million.", source="Test Recorder")])
    d = build_digest(store, archive_config, WEEK)
    revised = next(f for f in d.figures if f.value == 361)
    assert revised.revises == "$354m" and revised.change == "+6.8% vs Jun 2025"
    assert "· revised from $354m</span>" in render_html(d)
    assert "$361m (+6.8% vs Jun 2025; revised from $354m)" in flat(render_text(d))


def test_figures_published_after_the_week_are_not_used(store, archive_config):
    build_archive(store, archive_config)
    store.save_facts([{"series": "it_exports_monthly", "period": "2025-06", "value": 100.0, "unit": "USD_million", "quote": "A revision.", "item": "history-item", "source": "Test Quiet Blog", "published": "2025-09-02T05:00:00+00:00", "found_at": "2025-09-02T05:00:00+00:00"}])
    d = build_digest(store, archive_config, WEEK)
    assert next(f for f in d.figures if f.period == "2025-07").change == "+4.7% vs Jun 2025"
    assert next(b for b in d.trend.bars if b.period == "2025-06").value == 338


def test_trend_of_monthly_exports_as_bars(archive):
    trend = archive.trend
    assert trend is not None
    months = [b.period for b in trend.bars]
    assert months[0] == "2024-03" and months[-1] == "2025-07" and len(months) == 17  # 18 months to Aug 2025, Aug has none yet
    widths = {b.period: b.percent for b in trend.bars}
    assert widths["2025-07"] == 100 and widths["2024-07"] == round(EXPORT_HISTORY["2024-07"] / 354 * 100)
    html = render_html(archive)
    assert html.count('bgcolor="#9ccbb9"') == len(months)  # no SBP figure in this archive: every bar is a news figure, light
    assert "* Figures reported in the news: the archive has no SBP figure for these months." in html
    assert "Jul 25  ██████████████████████████████ $354m" in render_text(archive)


def test_text_chart_bars_are_proportional_and_rounded_once(archive):
    """$342m against $354m is 28.98 of 30 cells: 29, not the full 30 that rounding the
    percentage first and then the cells gave; each bar is its value's share rounded to the
    nearest cell, so values more than one cell apart never draw alike."""
    text = render_text(archive)
    drawn = {m.group(1): len(m.group(2)) for m in re.finditer(r"^ +(\w{3} \d{2})  (█+) ", text, re.M)}
    assert drawn["Jul 25"] == 30 and drawn["Mar 25"] == 29, drawn
    cell = 354 / 30
    values = {b.label: b.value for b in archive.trend.bars if b.value is not None}
    assert set(drawn) == set(values)
    for label, value in values.items():
        assert abs(drawn[label] - value / cell) <= 0.5, (label, value, drawn[label])
        for other, other_value in values.items():
            if other_value - value > cell:
                assert drawn[other] > drawn[label], (label, value, other, other_value)


def test_trend_shows_a_missing_month_as_such(store, archive_config):
    build_archive(store, archive_config)
    store.db.execute("DELETE FROM facts WHERE series = 'it_exports_monthly' AND period = '2025-05'")
    d = build_digest(store, archive_config, WEEK)
    gap = next(b for b in d.trend.bars if b.period == "2025-05")
    assert gap.value is None and gap.percent == 0
    assert "no figure" in render_html(d)


def test_no_trend_without_three_months_of_figures(store, archive_config):
    build_archive(store, archive_config)
    store.db.execute("DELETE FROM facts WHERE series = 'it_exports_monthly' AND period NOT IN ('2025-06', '2025-07')")
    assert build_digest(store, archive_config, WEEK).trend is None
    store.save_facts([fact("it_exports_monthly", "2025-05", 329, "USD_million", "history-item", "2025-06-18T05:00:00+00:00")])
    assert [b.period for b in build_digest(store, archive_config, WEEK).trend.bars] == ["2025-05", "2025-06", "2025-07"]


def fact(series, period, value, unit, item, published, quote="A figure.", source="Test Dawn"):
    return {"series": series, "period": period, "value": value, "unit": unit, "quote": quote, "item": item, "source": source, "published": published, "found_at": published}


def test_older_periods_quoted_as_bases_are_not_news(store, archive_config):
    build_archive(store, archive_config)
    exports, published = item_id(story_url(STORIES[0])), STORIES[0].published
    store.save_facts([
        fact("it_exports_monthly", "2024-07", 286, "USD_million", exports, published),  # "against $286m a year ago"
        fact("it_exports_annual", "FY2024-25", 3800, "USD_million", exports, published),
        fact("it_exports_annual", "FY2023-24", 3223, "USD_million", exports, published),
    ])
    periods = {(f.series, f.period) for f in build_digest(store, archive_config, WEEK).figures}
    assert ("it_exports_monthly", "2025-07") in periods and ("it_exports_annual", "FY2024-25") in periods
    assert ("it_exports_monthly", "2024-07") not in periods and ("it_exports_annual", "FY2023-24") not in periods
    annual = next(f for f in build_digest(store, archive_config, WEEK).figures if f.period == "FY2024-25")
    assert annual.change == "+17.9% vs FY2023-24"  # the base still serves for the change


def test_a_growth_rate_goes_with_its_figure(store, archive_config):
    build_archive(store, archive_config)
    exports, published = item_id(story_url(STORIES[0])), STORIES[0].published
    vpn = item_id(story_url(STORIES[1]))
    store.save_facts([
        fact("it_exports_monthly", "2025-07", 24, "percent", exports, published),
        fact("it_exports_monthly", "2025-07", 24, "percent", vpn, published),
        fact("it_exports_monthly", "2025-07", 23.8, "percent", exports, published),
        fact("freelancer_count", "2025", 12.5, "percent", exports, published, quote="Registrations grew 12.5pc."),
    ])
    d = build_digest(store, archive_config, WEEK)
    rows = {(f.series, f.unit): f for f in d.figures}
    assert ("it_exports_monthly", "percent") not in rows
    assert rows[("it_exports_monthly", "USD_million")].growth == "+24%"
    assert rows[("freelancer_count", "percent")].display == "+12.5%"  # no level to go with: its own row
    assert "$354m <span" in render_html(d) and "· growth +24% as reported</span>" in render_html(d)
    assert "* IT & ITeS exports, month, Jul 2025: $354m (+4.7% vs Jun 2025; growth +24% as reported)" in flat(render_text(d))


def test_a_figure_is_quoted_from_a_whole_sentence(store, archive_config):
    build_archive(store, archive_config)
    store.db.execute("DELETE FROM facts WHERE series = 'vpn_registrations' AND period = '2025-08'")
    headline = item("gnews", "VPN registrations pass 25,000 - Test Tribune", ["vpn_internet"], source="Google News", published="2025-08-20T01:00:00+00:00")
    save(store, archive_config, [headline])
    store.save_facts([
        fact("vpn_registrations", "2025-08", 25000, "count", headline.id, headline.published, quote="VPN registrations pass 25,000 - Test Tribune", source="Google News"),
        fact("vpn_registrations", "2025-08", 25000, "count", item_id(story_url(STORIES[1])), STORIES[1].published, quote="The authority has registered 25,000 VPNs.", source="Test Tribune"),
    ])
    figure = next(f for f in build_digest(store, archive_config, WEEK).figures if f.series == "vpn_registrations")
    assert (figure.source, figure.quote, figure.outlets) == ("Test Tribune", "The authority has registered 25,000 VPNs.", 2)


@pytest.mark.parametrize(
    "period, previous",
    [("2025-07", "2025-06"), ("2025-01", "2024-12"), ("FY2024-25", "FY2023-24"), ("FY2024-25:Jul-Mar", "FY2023-24:Jul-Mar"), ("2024", "2023"), ("", None)],
)
def test_previous_period(period, previous):
    assert previous_period(period) == previous


@pytest.mark.parametrize(
    "value, unit, text",
    [(354, "USD_million", "$354m"), (3800, "USD_million", "$3.8bn"), (38.6, "USD_million", "$38.6m"), (30000, "PKR_million", "Rs 30bn"), (2_370_000, "count", "2.37 million"), (25000, "count", "25,000"), (4, "rank", "No. 4"), (24, "percent", "+24%"), (-3.5, "percent", "-3.5%")],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


def test_describe_change():
    assert describe_change(4, 7, "rank", "2024") == ("up 3 places vs 2024", "up")
    assert describe_change(8, 7, "rank", "2024") == ("down 1 place vs 2024", "down")
    assert describe_change(300, 338, "USD_million", "2025-06") == ("-11.2% vs Jun 2025", "down")
    assert describe_change(338, 338, "USD_million", "2025-06") == ("unchanged vs Jun 2025", "flat")
    assert describe_change(24, 10, "percent", "2025-06") == (None, None)
    assert describe_change(24, None, "count", "2025-06") == (None, None)
    assert period_label("FY2025-26:Q1") == "Q1 FY2025-26" and period_label("") == "undated"


# --------------------------------------------------------------------------- source health


def test_source_health_names_failing_and_silent_sources(archive):
    health = {h.name: h for h in archive.health}
    assert set(health) == {"Test PTA", "Test Quiet Blog"}
    assert health["Test PTA"].problem == "failing"
    assert health["Test PTA"].detail == "all 7 fetches this week failed; last: http_5xx: HTTP 503 Service Unavailable"
    assert health["Test Quiet Blog"].problem == "silent" and health["Test Quiet Blog"].detail == "no new item for 83 days"
    html = render_html(archive)
    assert "<b>Test PTA</b> — failing: all 7 fetches" in html
    assert "* Test Quiet Blog - silent: no new item for 83 days" in render_text(archive)


def test_a_source_with_one_success_is_not_failing(store, archive_config):
    build_archive(store, archive_config)
    store.record_fetch("Test PTA", FetchResult(url="https://example.com/pta", outcome="not_modified", started_at="2025-08-24T10:00:00+00:00"))
    assert "Test PTA" not in {h.name for h in build_digest(store, archive_config, WEEK).health}


def test_a_long_error_is_clipped_to_one_line(store, archive_config):
    build_archive(store, archive_config)
    error = "TLS handshake failed:\n" + "certificate chain detail " * 40
    store.record_fetch("Test PTA", FetchResult(url="https://example.com/pta", outcome="tls", error=error, started_at="2025-08-24T12:00:00+00:00"))
    detail = next(h.detail for h in build_digest(store, archive_config, WEEK).health if h.name == "Test PTA")
    assert detail.startswith("all 8 fetches this week failed; last: tls: TLS handshake failed: certificate chain detail")
    assert detail.endswith("…") and "\n" not in detail and len(detail) < 220


def test_a_source_whose_one_fetch_of_the_week_failed(store, write_config):
    extra = "- name: Test New\n  url: https://example.com/new\n"
    config = load_config(write_config(SOURCES_YAML + "\n" + extra))
    build_archive(store, config)
    store.record_fetch("Test New", FetchResult(url="https://example.com/new", outcome="http_5xx", error="HTTP 503 Service Unavailable", started_at="2025-08-24T06:00:00+00:00"))
    health = {h.name: h.detail for h in build_digest(store, config, WEEK).health}
    assert health["Test New"] == "its one fetch this week failed; last: http_5xx: HTTP 503 Service Unavailable"


def test_disabled_sources_are_left_out_and_a_source_without_items_is_silent(store, write_config):
    extra = "- name: Test Empty\n  url: https://example.com/empty\n"
    config = load_config(write_config(SOURCES_YAML.replace("kind: page", "kind: page\n  enabled: false") + "\n" + extra))
    build_archive(store, config)
    store.record_fetch("Test Empty", FetchResult(url="https://example.com/empty", outcome="ok", started_at="2025-07-01T06:00:00+00:00"))
    store.record_fetch("Test Empty", FetchResult(url="https://example.com/empty", outcome="ok", started_at="2025-08-20T06:00:00+00:00"))
    health = {h.name: h.detail for h in build_digest(store, config, WEEK).health}
    assert health == {"Test Quiet Blog": "no new item for 83 days", "Test Empty": "no item at all for 54 days"}


def test_all_sources_healthy(store, site_config):
    store.sync_sources(site_config.sources)
    for source in site_config.sources:
        store.record_fetch(source.name, FetchResult(url=source.url, outcome="ok", started_at="2025-08-20T06:00:00+00:00"), state={"last_new_item": "2025-08-20T06:00:00+00:00"})
    d = build_digest(store, site_config, WEEK)
    assert d.health == ()
    assert "Every source answered this week" in render_html(d) and "Every source answered this week" in render_text(d)


def test_a_week_without_a_single_fetch_does_not_say_every_source_answered(store, site_config):
    store.sync_sources(site_config.sources)
    store.record_fetch("Good Feed", FetchResult(url="https://example.com/good.xml", outcome="ok", started_at="2025-08-20T06:00:00+00:00"))
    d = build_digest(store, site_config, "1999-W01")
    assert d.health == () and not d.polled
    for text in (render_html(d), render_text(d)):
        assert "No source was polled this week" in text and "Every source answered" not in text


# --------------------------------------------------------------------------- HTML for email


def test_html_escapes_titles_summaries_and_quotes(archive):
    html = render_html(archive)
    tree = HTMLParser(html)
    assert tree.css("script") == [] and tree.css("img") == [] and tree.css("em") == []
    assert [b.text() for b in tree.css("b")] == ["Test PTA", "Test Quiet Blog"]
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; P@SHA &amp; PSEB sign &lt;b&gt;skills&lt;/b&gt; pact" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;expected&lt;/script&gt;" in html and "&#34;$557m&#34;" in html
    text = render_text(archive)
    assert "<script>alert('pwned')</script> P@SHA & PSEB sign <b>skills</b> pact" in text


def test_urdu_headlines_and_summaries_can_run_right_to_left(store, site_config):
    save(store, site_config, [item(1, "وی پی این رجسٹریشن کی آخری تاریخ میں توسیع", ["vpn_internet"], text="پی ٹی اے نے رجسٹریشن کی تاریخ بڑھا دی۔ فری لانسرز مطمئن ہیں۔")])
    tree = HTMLParser(render_html(build_digest(store, site_config, WEEK)))
    headline = next(n for n in tree.css("a [dir=auto]") if n.text().startswith("وی پی این"))
    summary = next(n for n in tree.css("p") if n.text().startswith("پی ٹی اے"))
    assert headline.attributes.get("dir") == summary.attributes.get("dir") == "auto"
    # marked as Urdu, for screen readers and so that an Urdu font is asked for first; English text is not
    urdu = [n for n in tree.css("[lang=ur]")]
    assert {n.text().strip()[:9] for n in urdu} == {"وی پی این", "پی ٹی اے "}
    assert all(n.attributes["style"].count("font-family:Noto Nastaliq Urdu,") == 1 for n in urdu)
    assert not [n for n in urdu if n.text().isascii()]


def test_only_absolute_http_links(archive):
    html = render_html(archive)
    hrefs = [a.attributes["href"] for a in HTMLParser(html).css("a")]
    assert hrefs and all(re.match(r"https?://[^/\s]+/", h) for h in hrefs)
    assert "javascript:" not in html and "javascript:" not in render_text(archive)
    assert "Tax officials meet freelancers in Islamabad" in html  # shown, just not linked


def test_layout_is_tables_with_inline_styles_only(archive):
    html = render_html(archive)
    tree = HTMLParser(html)
    assert tree.css("style") == [] and tree.css("link") == []
    assert not [n for n in tree.css("*") if "class" in n.attributes]
    outer = tree.css("table")[1]
    assert "max-width:600px" in outer.attributes["style"] and outer.attributes["role"] == "presentation"
    assert "<!--[if mso]><table role=\"presentation\" width=\"600\"" in html


def test_footer_says_how_to_change_the_subscription(archive, write_config, store):
    assert 'go to <a href="https://monitor.example.com/subscription"' in render_html(archive)
    config = load_config(write_config(SOURCES_YAML, extra="digest:\n  list_unsubscribe: '<mailto:leave@example.com>, <https://example.com/u?l=1>'\n"))
    d = build_digest(store, config, WEEK)
    assert d.unsubscribe == ("mailto:leave@example.com", "https://example.com/u?l=1")
    assert 'To unsubscribe, <a href="mailto:leave@example.com"' in render_html(d)
    plain = build_digest(store, load_config(write_config(SOURCES_YAML)), WEEK)
    assert "To change your subscription, reply to this email." in render_text(plain)


def test_big_week_fits_under_the_gmail_clipping_limit(store, site_config):
    text = "Freelancers in Pakistan earned more this quarter than last. " * 6
    save(store, site_config, [item(n, f"Freelancing story number {n} with a longer headline for size", ["freelancing", "payments"][n % 2 : n % 2 + 1], text=text, score=float(n % 7)) for n in range(300)])
    d = build_digest(store, site_config, WEEK)
    assert len(render_html(d).encode()) > MAX_HTML_BYTES  # the test must need the trimming
    html = fit_html(d)
    assert len(html.encode()) <= MAX_HTML_BYTES
    assert re.search(r"\d+ more stories on Freelancing in the plain-text version", html)
    assert "300 stories from 1 source" in html
    full = render_text(d)
    assert all(f"Freelancing story number {n} " in full for n in range(300))
    shown = [s.title for g in d.groups for s in g.stories if s.title in html]
    kept = sorted((s for g in d.groups for s in g.stories), key=lambda s: -s.score)
    assert kept[0].title in shown  # the most important stay


def test_many_figures_are_trimmed_from_the_html_too(store, archive_config):
    build_archive(store, archive_config)
    exports = item_id(story_url(STORIES[0]))
    quote = "The registry counted more freelancers again, the board said in a long statement on its figures. " * 3
    # undated counts 5% apart: each its own figure, none a report or a revision of another
    store.save_facts([fact("freelancer_count", "", round(1000 * 1.05**n), "count", exports, STORIES[0].published, quote=quote) for n in range(250)])
    d = build_digest(store, archive_config, WEEK)
    assert len(d.figures) == 253 and len(render_html(d).encode()) > MAX_HTML_BYTES
    html = fit_html(d)
    assert len(html.encode()) <= MAX_HTML_BYTES
    assert re.search(r"\d+ more figures in the plain-text version", html)
    assert "6 stories from 4 sources · 253 figures" in " ".join(HTMLParser(html).css_first("h1").parent.text().split())
    assert render_text(d).count("* Freelancers, undated: ") == 250


def test_plain_text_lines_are_wrapped_at_72(archive, store, archive_config):
    """Every line of every part (stories with their other outlets, figures, official
    figures, policy changes, the footer) is at most 72 characters; a URL or word longer than
    that is never split, and stands alone on its line."""
    late = build_digest(store, archive_config, "2025-W35")  # the late part, with its outlets
    for digest in (archive, late):
        text = render_text(digest)
        long = [line for line in text.splitlines() if len(line) > 72 and len(line.split()) != 1]
        assert long == []
    text = render_text(archive)
    assert f"   {LONG_TOKEN}\n" in text  # a long word is never split
    assert "\n   Also reported by: Test Tribune\n   <https://tribune.example.com/it-exports-july>, Test Recorder\n" in text


# --------------------------------------------------------------------------- files


def test_the_command_counts_one_story_as_one(store, site_config, tmp_path):
    store.save_items([Item(id="one", source="Good Feed", url="https://example.com/one", canonical_url="https://example.com/one", title="Freelancers get a new portal", text="Freelancers in Pakistan can register.", published="2025-08-19T05:00:00+00:00", fetched_at="2025-08-19T06:00:00+00:00", topics=("freelancing",), score=5.0)], week_of=lambda published, fetched: WEEK)
    result = CliRunner().invoke(cli, ["--config", site_config.path, "--db", store.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"digest {WEEK}: 1 story\n")


def test_empty_week_still_renders(store, site_config, tmp_path):
    d = build_digest(store, site_config, "2025-W01")
    html_path, text_path = write_digest(d, tmp_path)
    assert "No relevant stories" in html_path.read_text()
    assert text_path.name == "digest-2025-W01.txt"


@contextmanager
def _files_limited_to(size: int):
    """Writes past ``size`` bytes of a file fail (EFBIG) in this process, as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_a_digest_that_cannot_be_written_whole_leaves_the_last_one_as_it_was(store, site_config, tmp_path):
    """A full disk while the digest is written: the error names the folder, the digest written
    before is still whole, and no half-written file or temporary file is left behind."""
    d = build_digest(store, site_config, "2025-W01")
    html_path, text_path = write_digest(d, tmp_path / "out")
    before = html_path.read_bytes(), text_path.read_bytes()
    with _files_limited_to(1024), pytest.raises(MonitorError, match="out: cannot write the digest: File too large"):
        write_digest(d, tmp_path / "out")
    assert (html_path.read_bytes(), text_path.read_bytes()) == before
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["digest-2025-W01.html", "digest-2025-W01.txt"]
    with _files_limited_to(1024), pytest.raises(MonitorError):
        write_digest(d, tmp_path / "new")
    assert list((tmp_path / "new").iterdir()) == []  # no empty digest that looks written


def test_the_week_s_days_are_given_in_the_configured_timezone(store, write_config):
    """The header says which timezone the week's days are in: PKT by default, the zone's own
    abbreviation (or its offset) otherwise, and both when the clocks change in the week."""
    sources = "- name: Test Daily\n  url: https://example.com/feed\n"

    def header(timezone, week=WEEK):
        extra = f"monitor:\n  timezone: {timezone}\n" if timezone else ""
        d = build_digest(store, load_config(write_config(sources, extra=extra)), week)
        return render_text(d).splitlines()[1], " ".join(HTMLParser(render_html(d)).css_first("h1").parent.text().split())

    assert header(None) == ("Week 2025-W34 (18 Aug - 24 Aug 2025 PKT): 0 stories from 0 sources", "Pakistan Freelance & IT Exports Monitor Week 2025-W34 · 18 Aug – 24 Aug 2025 PKT · 0 stories from 0 sources")
    assert header("Asia/Dubai")[0] == "Week 2025-W34 (18 Aug - 24 Aug 2025 UTC+04): 0 stories from 0 sources"
    assert header("Europe/London")[0].startswith("Week 2025-W34 (18 Aug - 24 Aug 2025 BST): ")
    assert header("Europe/London", "2025-W43")[0].startswith("Week 2025-W43 (20 Oct - 26 Oct 2025 BST/GMT): ")


def test_a_week_that_starts_in_one_year_and_ends_in_the_next_names_both_years(store, site_config, tmp_path):
    d = build_digest(store, site_config, "2025-W01")  # Monday 30 December 2024 to Sunday 5 January 2025
    html_path, text_path = write_digest(d, tmp_path)
    assert "Week 2025-W01 (30 Dec 2024 - 05 Jan 2025 PKT)" in text_path.read_text()
    assert "30 Dec 2024 – 05 Jan 2025 PKT" in html_path.read_text()
    august = build_digest(store, site_config, "2025-W34")
    assert "Week 2025-W34 (18 Aug - 24 Aug 2025 PKT)" in render_text(august)  # one year: said once


def test_digest_after_a_real_poll(store, site_config):
    from monitor import pipeline

    pipeline.poll(site_config, store)
    d = build_digest(store, site_config, "2025-W34")
    titles = [s.title for g in d.groups for s in g.stories]
    assert "PTA sets deadline for VPN registration by freelancers" in titles
    assert "Cricket board names squad for the tri-series" not in titles


def test_outlet_key_folds_sections_and_articles():
    from monitor.digest import outlet_key

    assert outlet_key("Dawn - Tech") == outlet_key("Dawn") == outlet_key("The Dawn")
    assert outlet_key("The Express Tribune") == outlet_key("Express Tribune - Business")
    assert outlet_key("ProPakistani") != outlet_key("Profit")


# --------------------------------------------------------------------------- policy pages


def test_policy_changes_of_the_week_relevant_first_then_by_topic(archive):
    # the VPN change's main topic (vpn_internet) comes before the tax change's (taxes) in
    # sources.yaml, though the tax change scores higher; the office move touches no watched
    # subject; last week's change is not this week's news
    assert [p.source for p in archive.policy] == ["Test PTA VPN page", "Test FBR tax page", "Test PSEB page"]
    assert [p.summary for p in archive.policy] == ["1 sentence added, 1 removed, 2 changed, 1 new document", "1 changed", "1 changed"]
    assert archive.policy_watched == 3


def test_a_policy_change_shows_what_was_added_and_removed_with_links(archive):
    vpn = archive.policy[0]
    assert (vpn.title, vpn.url) == ("IP whitelisting and VPN registration", "https://pta.example.gov.pk/vpn-registration")
    assert vpn.history_url == "http://127.0.0.1:8001/monitor/page_history?source=Test+PTA+VPN+page&version=2"
    assert [(line.op, line.segments) for line in vpn.lines] == [
        ("document", (("ins", "Notification: VPN registration for PSEB-registered freelancers"),)),
        ("changed", (("same", "Freelancer | … letter of authentication from the employer or client"), ("ins", ", or the PSEB registration certificate"))),
        ("changed", (("same", "A fee applies when"), ("del", " five"), ("ins", " ten"), ("same", " or more IP addresses are whitelisted."))),
        ("removed", (("del", "Applications by email are not accepted."),)),
        ("added", (("ins", "Freelancers registered with PSEB may give their registration number instead of a letter."),)),
    ]
    html = render_html(archive)
    tree = HTMLParser(html)
    section = next(h for h in tree.css("h2") if h.text() == "Policy pages changed this week")
    assert section is not None
    links = {(a.css_first("[dir=auto]") or a).text(): a.attributes["href"] for a in tree.css("a")}  # a headline by its own text, not its line of source and date
    assert links["IP whitelisting and VPN registration"] == vpn.url
    assert links["Notification: VPN registration for PSEB-registered freelancers"] == "https://pta.example.gov.pk/notices/vpn-freelancers-2025-08-21.pdf"
    assert vpn.history_url.replace("&", "&amp;") in html
    assert [d.text() for d in tree.css("del")][:2] == ["five", "Applications by email are not accepted."]
    assert "ten" in [i.text() for i in tree.css("ins")]
    assert "(PDF, 2 pages)" in html
    text = render_text(archive)
    assert "   ~ A fee applies when [-five-] {+ten+} or more IP addresses are\n     whitelisted." in text
    assert "   - Applications by email are not accepted." in text
    assert f"   Full diff:\n   {vpn.history_url}\n" in text and "   Page: https://pta.example.gov.pk/vpn-registration\n" in text
    assert text.index("POLICY PAGES CHANGED THIS WEEK") < text.index("== ")  # before the stories


def test_links_to_the_archive_use_the_public_url(store, write_config):
    config = load_config(write_config(SOURCES_YAML, extra="monitor:\n  public_url: https://monitor.example.org/archive\n"))
    build_archive(store, config)
    d = build_digest(store, config, WEEK)
    assert d.policy[0].history_url == "https://monitor.example.org/archive/monitor/page_history?source=Test+PTA+VPN+page&version=2"


WATCHED = ("Test PTA VPN page", "Test FBR tax page", "Test PSEB page")


def test_a_week_without_policy_changes_says_so_and_without_watched_pages_says_nothing(store, archive_config, site_config, tmp_path):
    build_archive(store, archive_config)
    for name in WATCHED:
        store.record_fetch(name, FetchResult(url="https://example.com/", outcome="ok" if name != "Test PSEB page" else "not_modified", started_at="2025-08-26T06:00:00+00:00"))
    quiet = build_digest(store, archive_config, "2025-W35")
    assert quiet.policy == ()
    assert "None of the 3 watched policy pages changed this week." in render_html(quiet)
    assert "None of the 3 watched policy pages changed this week." in render_text(quiet)
    with Store(tmp_path / "unwatched.db") as other:
        unwatched = build_digest(other, site_config, WEEK)
    assert unwatched.policy_watched == 0 and "Policy pages" not in render_html(unwatched) and "POLICY" not in render_text(unwatched)


def test_a_week_whose_watched_pages_were_not_checked_does_not_say_they_did_not_change(store, archive_config):
    """A page whose every fetch failed, or that no poll reached (the daemon was down), may
    have changed: the digest says how many pages were checked, not that none changed."""
    build_archive(store, archive_config)
    unpolled = build_digest(store, archive_config, "2025-W36")
    said = "None of the 3 watched policy pages was checked this week, so no change of theirs is known."
    assert said in render_html(unpolled) and said in " ".join(render_text(unpolled).split())
    assert "changed this week." not in render_text(unpolled).split("POLICY PAGES CHANGED THIS WEEK")[1].split("SOURCE HEALTH")[0]
    store.record_fetch("Test PTA VPN page", FetchResult(url="https://example.com/", outcome="ok", started_at="2025-09-02T06:00:00+00:00"))
    store.record_fetch("Test FBR tax page", FetchResult(url="https://example.com/", outcome="http_5xx", error="HTTP 503 Service Unavailable", started_at="2025-09-02T06:00:00+00:00"))
    partly = build_digest(store, archive_config, "2025-W36")
    said = "The one watched policy page checked this week did not change; 2 were not checked."
    assert said in render_html(partly) and said in " ".join(render_text(partly).split())


def test_a_week_of_one_watched_page_says_so_in_the_singular(store, tmp_path, write_config):
    """An editor who watches one page reads of that page, not of "None of the 1 watched policy
    page ... theirs"."""
    config = load_config(write_config("""
        - name: Test PTA VPN page
          url: https://example.com/vpn
          kind: watch
        """))
    store.sync_sources(config.sources)
    unchecked = build_digest(store, config, "2025-W36")
    said = "The watched policy page was not checked this week, so no change of it is known."
    assert said in render_html(unchecked) and said in " ".join(render_text(unchecked).split())
    store.record_fetch("Test PTA VPN page", FetchResult(url="https://example.com/vpn", outcome="ok", started_at="2025-09-02T06:00:00+00:00"))
    quiet = build_digest(store, config, "2025-W36")
    said = "The watched policy page did not change this week."
    assert said in render_html(quiet) and said in " ".join(render_text(quiet).split())
    assert "None of the 1" not in render_text(quiet) + render_html(quiet)


def test_a_long_changed_sentence_keeps_the_words_around_the_change():
    from monitor.digest_policy import around_changes

    long_start = " ".join(f"w{n}" for n in range(30))
    words = [("same", "Fee: " + long_start), ("del", " 500"), ("ins", " 1,000"), ("same", " " + " ".join(f"v{n}" for n in range(30)))]
    assert around_changes(words, context=3) == (("same", "Fee: … w27 w28 w29"), ("del", " 500"), ("ins", " 1,000"), ("same", " v0 v1 v2 …"))


def test_watched_pages_are_never_silent(store, archive_config):
    build_archive(store, archive_config)
    store.record_fetch("Test PSEB page", FetchResult(url="https://pseb.example.gov.pk/contact", outcome="ok", started_at="2025-05-01T06:00:00+00:00"))
    store.record_fetch("Test PSEB page", FetchResult(url="https://pseb.example.gov.pk/contact", outcome="not_modified", started_at="2025-08-20T06:00:00+00:00"))
    assert "Test PSEB page" not in {h.name for h in build_digest(store, archive_config, WEEK).health}


# --------------------------------------------------------------------------- a busy week


def _busy_week(store, config):
    """40 stories of freelancing and 9 of payments, each reported once, but for the ones
    numbered 30 to 32 (the least relevant), each run by three outlets."""
    text = "Freelancers in Pakistan earned more this quarter than last, the board said. It met in Lahore. Fees were cut."
    stories = [item(n, f"Freelancing story number {n}", ["freelancing"], text=text, score=5.0 + n / 100) for n in range(40)]
    stories += [item(100 + n, f"Payments story number {n}", ["payments"], text=text, score=5.0) for n in range(9)]
    reprints = [item(200 + 10 * n + k, f"Freelancing story number {n} (reprint)", ["freelancing"], text=text, score=1.0, source=f"Reprinting Daily {k}") for n in (30, 31, 32) for k in (1, 2)]
    save(store, config, stories + reprints)
    for n in (30, 31, 32):
        _story_rows(store, f"s-{n}", f"s-{n}", [stories[n], *(r for r in reprints if r.title.startswith(f"Freelancing story number {n} "))])


def test_a_busy_week_tells_the_most_covered_stories_in_full_and_the_rest_as_headlines(store, write_config):
    """A week of 49 stories: of each topic, the stories most outlets ran are told in full
    (three, by default), every other one is a headline with its outlet, day and link, and
    the top says how many stories the week had. Nothing is lost: every story's headline and
    link is in both parts."""
    config = load_config(write_config("- name: Test Daily\n  url: https://example.com/feed\n"))
    assert config.digest.full_stories == 3
    _busy_week(store, config)
    d = build_digest(store, config, WEEK)
    text, html = render_text(d), render_html(d)
    note = "49 stories this week: the 3 most covered of each topic in full, the other 43 as headlines with their links."
    assert note in flat(text) and note in " ".join(HTMLParser(html).text().split())
    freelancing = next(g for g in d.groups if g.id == "freelancing")
    assert [s.title for s in freelancing.told] == [f"Freelancing story number {n}" for n in (32, 31, 30)]  # three outlets each
    assert len(freelancing.headlines) == 37 and freelancing.headlines[0].title == "Freelancing story number 39"
    assert text.count("It met in Lahore.") == 6  # summaries: three a topic
    assert "\nMore on Freelancing:\n- Freelancing story number 39\n  Test Daily, Tue 19 Aug: https://example.com/39\n" in text
    for n in [*range(40), *range(100, 109)]:
        assert f"https://example.com/{n}\n" in text and f'href="https://example.com/{n}"' in html
    assert len(text.splitlines()) < 250
    quiet = build_digest(store, load_config(write_config("- name: Test Daily\n  url: https://example.com/feed\n", extra="digest:\n  full_stories: 50\n")), WEEK)
    assert quiet.busy_note is None and "More on" not in render_text(quiet) and render_text(quiet).count("It met in Lahore.") == 49


def test_full_stories_must_be_a_count(write_config):
    from monitor.errors import ConfigError

    with pytest.raises(ConfigError, match=r"key 'digest.full_stories': must be between 0 and 1000; got -1"):
        load_config(write_config("- name: Test Daily\n  url: https://example.com/feed\n", extra="digest:\n  full_stories: -1\n"))


def test_urdu_outlets_and_urdu_lines_keep_their_order_in_the_plain_text_part(store, site_config):
    """A mail program lays out a plain-text line left to right, or by its first letter: an
    Urdu outlet's name before a date showed "24 روزنامہ آزمائش, Nov" (the day taken into the
    name's right-to-left run), two Urdu outlets in a list read in the wrong order, and an Urdu
    headline or summary line that opens on a number, or a quote that ends on its quotation
    mark, showed it at the wrong end. An Urdu name in an English line is closed with
    left-to-right marks, and each line of Urdu text opens and ends with a right-to-left mark;
    English lines get no mark."""
    lrm, rlm = "\u200e", "\u200f"
    text = "۳۸ کروڑ 60 لاکھ ڈالر کی برآمدات: اسٹیٹ بینک کے مطابق اکتوبر میں آئی ٹی برآمدات میں 18 فیصد اضافہ ہوا۔ " * 3
    urdu = item(1, "38 کروڑ ڈالر: آئی ٹی برآمدات میں 18 فیصد اضافہ", ["it_exports"], source="روزنامہ آزمائش", text=text.strip(), score=5.0)
    copy = item(2, "آئی ٹی برآمدات میں اضافہ", ["it_exports"], source="روزنامہ جنگ", score=1.0)
    copy2 = item(3, "آئی ٹی برآمدات میں اضافہ", ["it_exports"], source="روزنامہ ایکسپریس", score=1.0)
    english = item(4, "PTA extends VPN registration", ["vpn_internet"], source="Test Daily")
    save(store, site_config, [urdu, copy, copy2, english])
    _story_rows(store, "s-ur", "s-ur", [urdu, copy, copy2])
    _story_rows(store, "s-en", "s-en", [english])
    lines = render_text(build_digest(store, site_config, "2025-W34")).split("\n")
    named = [line for line in lines if "روزنامہ آزمائش" in line]
    assert f"   {lrm}روزنامہ آزمائش{lrm}, Tue 19 Aug 2025" in lines
    assert all(f"{lrm}روزنامہ آزمائش{lrm}" in line for line in named)
    also = next(line for line in flat("\n".join(lines)).split("   ") if "Also reported by" in line)
    assert f"{lrm}روزنامہ جنگ{lrm} <https://example.com/2>" in also and f"{lrm}روزنامہ ایکسپریس{lrm} <https://example.com/3>" in also
    told = [line.strip() for line in lines if is_urdu(line) and "روزنامہ" not in line]
    assert told and all(line.lstrip("1.* ").startswith(rlm) and line.endswith(rlm) for line in told)
    assert f"* {rlm}38 کروڑ ڈالر: آئی ٹی برآمدات میں 18 فیصد اضافہ{rlm}" in lines
    english_lines = [line for line in lines if "Test Daily" in line or "VPN" in line or "Week " in line]
    assert english_lines and not any(lrm in line or rlm in line for line in english_lines)


def test_a_link_with_a_login_in_it_is_shown_and_followed_without_it(store, site_config):
    """A feed's link may carry a login ("https://user:pass@host/") or hide where it goes
    behind one ("https://dawn.com@evil.example/" opens evil.example): the digest links the
    address without it, so no reader is shown a password or misled about the host."""
    from dataclasses import replace

    base = item(1, "PTA extends the VPN registration deadline", ["vpn_internet"], text="The authority gave freelancers another month.")
    disguised = replace(base, url="https://dawn.com@evil.example/vpn-story", canonical_url="https://dawn.com@evil.example/vpn-story")
    with_login = replace(item(2, "Freelancers' remittances reach $43 million", ["freelancing"], text="Remittances rose in October."), url="https://reader:s3cret@news.example.org/remit")
    save(store, site_config, [disguised, with_login])
    html = render_html(build_digest(store, site_config, WEEK))
    hrefs = [a.attributes["href"] for a in HTMLParser(html).css("a")]
    assert "https://evil.example/vpn-story" in hrefs and "https://news.example.org/remit" in hrefs
    assert "dawn.com@" not in html and "s3cret" not in html
    from monitor.digest import safe_url

    assert safe_url("https://example.org/a@b") == "https://example.org/a@b"  # an @ in the path is no login
    assert safe_url("https://@/x") == ""
