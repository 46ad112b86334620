"""The archive in Datasette: a real ``monitor serve`` process on 127.0.0.1, a real SQLite file."""

from __future__ import annotations

import asyncio
import html
import json
import re
import select
import sqlite3
import subprocess
import sys
import textwrap
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

import httpx
import pytest
import sqlite_utils
import yaml
from datasette.app import Datasette
from selectolax.lexbor import LexborHTMLParser as HTMLParser

import ebops
from monitor import watch
from monitor.config import parse_config
from monitor.dedup import assign
from monitor.facts._series import SERIES
from monitor.feeds import write_feeds
from monitor.models import Fact, FetchResult, Item, Source
from monitor.pipeline import dedup_input
from monitor.sbp import read_ebops
from monitor.serve import METADATA_FILE, SETTINGS, metadata_for, prepare_archive
from monitor.store import MIGRATIONS, SqliteDedupIndex, Store, item_id, iso_week_sql
from monitor.store._migrations import _v3_archive_views
from monitor.weeks import current_week, iso_week

KARACHI = ZoneInfo("Asia/Karachi")
NOW = datetime.now(timezone.utc).replace(microsecond=0)
VPN_TITLE = "PTA extends VPN registration deadline for freelancers"

# ----------------------------------------------------------------------------- the archive


def _ago(**delta: float) -> str:
    return (NOW - timedelta(**delta)).isoformat()


def _item(source: str, slug: str, title: str, published: str, topics: tuple[str, ...], text: str, relevant: bool = True) -> Item:
    url = f"https://news.example.com/{slug}"
    return Item(id=item_id(url), source=source, url=url, canonical_url=url, title=title, summary=text[:80], text=text, published=published, fetched_at=_ago(hours=1), lang="en", topics=topics, relevant=relevant, score=2.0 if relevant else 0.0, extraction="ok")


ITEMS = [
    _item("PTA Press Releases", "vpn-deadline", VPN_TITLE, "2025-08-22T07:00:00+00:00", ("vpn_internet", "freelancing"),
          "The telecom regulator gave freelancers and software houses until the end of October to register the VPNs they use for client work."),
    _item("Dawn Business", "it-exports-july", "IT exports reach $354 million in July", "2025-08-18T05:00:00+00:00", ("it_exports",),
          "Pakistan's IT and ICT services exports were $354 million in July 2025, the first month of the fiscal year, central bank figures show."),
    _item("ProPakistani", "fcy-accounts", "Central bank eases foreign currency accounts for freelancers", "2025-08-20T10:00:00+00:00", ("payments", "freelancing"),
          "Freelancers can now keep a larger share of their export earnings in foreign currency accounts, the State Bank said."),
    _item("Dawn Business", "cricket-squad", "Selectors name squad for the tri-series", "2025-08-21T09:00:00+00:00", (),
          "Two uncapped fast bowlers were picked for the home series.", relevant=False),
    _item("Dawn Business", "ict-exports-fy25", "ICT exports cross $3.8 billion in FY2024-25", "2025-07-17T06:00:00+00:00", ("it_exports",),
          "Exports of IT and IT-enabled services reached $3.8 billion in the fiscal year that ended in June."),
    _item("ProPakistani", "it-exports-up", "IT exports up 12% in July", "2025-08-19T08:00:00+00:00", ("it_exports",),
          "IT exports rose to $354 million in July, up 12% from a year earlier."),
    _item("ProPakistani", "slowdown-today", "Mobile internet slows down again in several cities", NOW.isoformat(), ("vpn_internet",),
          "Users reported slow connections on mobile data; freelancers said uploads to clients stalled."),
]


def _fact(series: str, period: str, value: float, quote: str, item: Item, unit: str = "USD_million") -> dict:
    return {"series": series, "period": period, "value": value, "unit": unit, "quote": quote, "item": item.id, "source": item.source, "published": item.published, "found_at": item.fetched_at}


FACTS = [
    _fact("it_exports_monthly", "2025-07", 354.0, ITEMS[1].text, ITEMS[1]),
    _fact("it_exports_annual", "FY2024-25", 3800.0, ITEMS[4].text, ITEMS[4]),
    _fact("it_exports_monthly", "2025-07", 354.0, ITEMS[5].text, ITEMS[5]),  # the same figure, another outlet
    _fact("it_exports_monthly", "2025-06", 345.0, "Exports were $345m in June.", ITEMS[5]),  # SBP says 338.45
]

#: SBP's June and July 2025 releases, read from real workbooks: July revises June's provisional month.
SBP_RELEASES = (
    (ebops.release(("May-25 (R)", "Jun-25 (P)", "Jul-Jun, FY24", "Jul-Jun, FY25 (P)"), {ebops.LINE_9: (329_290, 337_900, 3_223_000, 3_809_000)}), "2025-07-18T10:00:00+00:00"),
    (ebops.release(("Jun-25 (R)", "Jul-25 (P)", "Jul, FY25", "Jul, FY26 (P)"), {ebops.LINE_9: (338_450, 354_330, 286_020, 354_330)}), "2025-08-19T10:00:00+00:00"),
)
WORKBOOK_URL = "https://archive.sbp.org.pk/ecodata/dt.xls"

SOURCES = [
    Source("Dawn Business", "https://www.dawn.com/feeds/business"),
    Source("ProPakistani", "https://propakistani.pk/feed/"),
    Source("PTA Press Releases", "https://www.pta.gov.pk/en/media-center/press-releases", kind="page"),
    Source("Dead Feed", "https://feeds.example.com/gone.xml"),
    Source("PTA VPN page", "https://www.pta.gov.pk/vpn-registration", kind="watch"),
]

PAGE_BEFORE = "VPN registration\nA fee applies when five or more IP addresses are whitelisted.\nApplications by email are not accepted."
PAGE_AFTER = "VPN registration\nA fee applies when ten or more IP addresses are whitelisted.\nFreelancers registered with PSEB may apply with their registration number."


def _page_versions(store: Store) -> None:
    """A watched page's baseline and one change, as a poll stores them."""
    found = watch.diff(PAGE_BEFORE, PAGE_AFTER)
    common = {"source": "PTA VPN page", "url": "https://www.pta.gov.pk/vpn-registration", "title": "VPN registration", "links": [], "complete": 1, "topics": ["vpn_internet"], "relevant": 1}
    store.save_page_version({**common, "kind": "baseline", "fetched_at": "2025-08-12T05:00:00+00:00", "week": "2025-W33", "hash": "h1", "text": PAGE_BEFORE, "summary": "first version of the page"})
    changes = [{**c.to_dict(), "line": c.line()} for c in found.changes]
    store.save_page_version({**common, "kind": "change", "fetched_at": "2025-08-21T05:00:00+00:00", "week": "2025-W34", "hash": "h2", "text": PAGE_AFTER, "summary": found.summary(),
                             "added": found.count("added"), "removed": found.count("removed"), "changed": found.count("changed"), "changes": changes, "diff": found.text()})


def build_archive(path: Path) -> Path:
    """A small archive: items over two weeks and this one, facts, fetches, digests."""
    with Store(path) as store:
        store.sync_sources(SOURCES)
        store.save_items(ITEMS, week_of=lambda published, fetched: iso_week(published or fetched, KARACHI))
        store.save_facts(FACTS)
        index = SqliteDedupIndex(store.db)  # stories and events, as a poll places them
        for item in sorted(ITEMS, key=lambda i: i.published or ""):
            facts = [Fact(f["series"], f["period"], f["value"], f["unit"], f["quote"], basis=f.get("basis") or "") for f in FACTS if f["item"] == item.id]
            assign(dedup_input(item, facts), index)
        for layout, published in SBP_RELEASES:
            store.save_official_facts(read_ebops(ebops.workbook(layout), url=WORKBOOK_URL, fetched_at=published, published=published), source="SBP")
        ok = FetchResult("https://www.dawn.com/feeds/business", "ok", status=200, started_at=_ago(hours=2))
        store.record_fetch("Dawn Business", ok, new_items=3, state={"last_success": _ago(hours=2), "last_outcome": "ok", "last_new_item": _ago(hours=2)})
        store.record_fetch("ProPakistani", ok, state={"last_success": _ago(hours=2), "last_outcome": "ok", "last_new_item": _ago(days=20, hours=1)})
        for days in (10, 3, 2, 1):
            failed = FetchResult("https://feeds.example.com/gone.xml", "http_5xx", status=503, error="HTTP 503", started_at=_ago(days=days))
            store.record_fetch("Dead Feed", failed, state={"last_failure": _ago(days=days), "last_outcome": "http_5xx", "last_error": "HTTP 503", "consecutive_failures": 4})
        store.set_digest("2025-W33", status="sent", sent_at="2025-08-18T03:00:05+00:00", stories=6, recipients=json.dumps(["desk@example.com", "editor@example.com"]), subject="Freelance monitor 2025-W33", message_id="<w33@monitor.example.com>")
        store.set_digest("2025-W34", status="failed", error="SMTP 554: rejected", stories=5)
        _page_versions(store)
        write_feeds(store, parse_config("sources:\n  - name: A\n    url: https://example.com/\n", "test.yaml"))
    return path


# ----------------------------------------------------------------------------- the server


@dataclass
class Served:
    url: str
    log: list[str] = field(default_factory=list)


def _line_within(proc: subprocess.Popen, seconds: float) -> str:
    ready, _, _ = select.select([proc.stderr], [], [], seconds)
    return proc.stderr.readline() if ready else ""


@contextmanager
def monitor_serve(db: Path) -> Iterator[Served]:
    """Run ``monitor serve --port 0`` on ``db``; yield its URL and what it logs."""
    cmd = [sys.executable, "-m", "monitor.cli", "--db", str(db), "serve", "--port", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        first = _line_within(proc, 60)
        found = re.search(r" at (http://127\.0\.0\.1:\d+)/ ", first)
        assert found, f"monitor serve did not start: {first!r}"
        served = Served(found[1], [first])
        threading.Thread(target=lambda: served.log.extend(proc.stderr), daemon=True).start()
        yield served
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    return build_archive(tmp_path_factory.mktemp("archive") / "monitor.db")


@pytest.fixture(scope="module")
def http(archive) -> Iterator[httpx.Client]:
    """An HTTP client on a ``monitor serve`` process serving the fixture archive."""
    with monitor_serve(archive) as served, httpx.Client(base_url=served.url, timeout=60) as client:
        yield client


def rows(client: httpx.Client, path: str, **params: str) -> list[dict]:
    r = client.get(path, params={**params, "_shape": "array"})
    assert r.status_code == 200, r.text
    return r.json()


# ----------------------------------------------------------------------------- tests


def test_search_for_vpn_returns_the_vpn_story_as_json(http):
    hits = rows(http, "/monitor/search.json", q="VPN")
    assert [h["title"] for h in hits] == [VPN_TITLE]
    assert hits[0]["url"] == "https://news.example.com/vpn-deadline"
    assert "[VPN]" in hits[0]["snippet"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("it-exports", {"IT exports reach $354 million in July", "IT exports up 12% in July"}),  # a phrase: "IT-enabled ... exports" is not it
        ('"freelancers VPN', {VPN_TITLE}),  # stray quote, words in any order
        ("   ", set()),  # an empty search is no search, not an error
        ("NEAR( OR", set()),  # FTS operators are plain words
        ("freelancer", {VPN_TITLE, "Central bank eases foreign currency accounts for freelancers", "Mobile internet slows down again in several cities"}),  # and its plural
        ("earning freelancer", {"Central bank eases foreign currency accounts for freelancers"}),
        ("it", {"IT exports reach $354 million in July", "IT exports up 12% in July", "ICT exports cross $3.8 billion in FY2024-25"}),  # a short word is whole: not "items"
    ],
)
def test_search_takes_words_not_fts_syntax(http, query, expected):
    assert {h["title"] for h in rows(http, "/monitor/search.json", q=query)} == expected


def test_search_finds_urdu_words_with_their_endings(tmp_path):
    """An Urdu word finds its plural and other endings, as an English one does: "فری لانسر"
    (freelancer) finds "فری لانسرز" (freelancers)."""
    import yaml

    sql = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["monitor"]["queries"]["search"]["sql"]
    urdu = replace(_item("Express (Urdu)", "ur-vpn", "وی پی این رجسٹریشن: فری لانسرز کو کیا کرنا ہوگا؟", "2025-08-19T04:00:00+00:00", ("vpn_internet",), "پی ٹی اے نے فری لانسرز کے لیے وی پی این رجسٹریشن کی آخری تاریخ بڑھا دی۔"), lang="ur")
    with Store(tmp_path / "monitor.db") as store:
        store.save_items([urdu], week_of=lambda published, fetched: "2025-W34")
        found = lambda q: [r[0] for r in store.db.execute(sql, {"q": q}).fetchall()]
        assert found("فری لانسر") == [urdu.title] == found("رجسٹریشن")
        assert found("لانسرو") == []
        # typed on an Arabic keyboard: its yeh and kaf are the Urdu letters the archive keeps
        assert found("فري لانسر") == [urdu.title] == found("رجسٹريشن کي") == found("كيا")



def test_search_finds_urdu_digits_by_western_ones_and_words_without_their_vowel_marks(tmp_path):
    """An Urdu report writes "۳۸ کروڑ" and now and then a vowel mark ("پاکِستان"); a reader
    types "38" and "پاکستان". Both find it, and the text is kept as written."""
    import yaml

    sql = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["monitor"]["queries"]["search"]["sql"]
    text = "پاکِستان کی آئی ٹی برآمدات ۳۸ کروڑ ۶۰ لاکھ ڈالر رہیں۔"
    urdu = replace(_item("Jang", "ur-exports", "آئی ٹی برآمدات میں اضافہ", "2025-08-19T04:00:00+00:00", ("it_exports",), text), lang="ur")
    english = _item("Dawn", "en-exports", "IT exports reach $386 million", "2025-08-19T05:00:00+00:00", ("it_exports",), "Exports of 38 firms rose.")
    with Store(tmp_path / "monitor.db") as store:
        store.save_items([urdu, english], week_of=lambda published, fetched: "2025-W34")
        found = lambda q: sorted(r[0] for r in store.db.execute(sql, {"q": q}).fetchall())
        assert found("38 کروڑ") == [urdu.title] == found("پاکستان") == found("پاکِستان") == found("۳۸ کروڑ")
        assert found("38") == sorted([urdu.title, english.title])  # and the English item's own 38
        assert store.db.execute("SELECT text FROM items WHERE id = ?", [urdu.id]).fetchone()[0] == text
    from monitor.text import SEARCH_FOLDS  # the query folds what the index folds

    assert all(f"char({ord(k)}), '{v}')" in sql for k, v in SEARCH_FOLDS.items())


def test_an_older_archive_searches_its_urdu_digits_once_brought_up_to_date(tmp_path):
    """Items stored before the search read Urdu digits are found too once the archive is
    opened by this version (migration 28)."""
    from monitor.store import MIGRATIONS
    from monitor.store._migrations import already_applied

    db = tmp_path / "monitor.db"
    conn = sqlite3.connect(db)
    database = sqlite_utils.Database(conn)
    for version, step in enumerate(MIGRATIONS[:27], start=1):
        step(database)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.execute(
        "INSERT INTO items (id, source, url, title, summary, text, fetched_at) VALUES ('ur', 'Jang', 'http://127.0.0.1/ur', 'آئی ٹی برآمدات', '', 'برآمدات ۳۸ کروڑ ڈالر رہیں۔', '2025-08-19T04:00:00+00:00')"
    )
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert [r["id"] for r in store.db["items"].search('"38"')] == ["ur"]


CANNED = {
    "stories_this_week": ({}, ["topic", "title", "outlets", "reprints", "published", "url", "week", "story"]),
    "search": ({"q": "VPN"}, ["title", "source", "published", "week", "topics", "url", "snippet"]),
    "facts_series": ({"series": "it_exports_monthly"}, ["period", "value", "unit", "basis", "source", "quote", "published", "url", "reports", "also_reported_by", "revises_value"]),
    "page_history": ({"source": "PTA VPN page"}, ["version", "fetched_at", "change", "text", "topics", "relevant", "url"]),
    **{
        f"official_{series}": ({}, ["period", "value", "unit", "status", "revises_value", "published", "fetched_at", "source", "file_url", "sheet", "row_label", "column_header"])
        for series in ("it_exports_monthly", "it_exports_cumulative", "it_exports_annual", "freelancer_earnings", "telecom_exports", "computer_services_exports", "software_consultancy_exports", "software_exports")
    },
}

VIEWS = {
    "stories": ["week", "topic", "title", "outlets", "reprints", "published", "url", "topics", "item", "story", "event"],
    "event_coverage": ["week", "topic", "title", "outlets", "stories", "reports", "first_seen", "last_seen", "url", "item", "event"],
    "source_health": ["source", "kind", "last_success", "last_failure", "last_outcome", "last_error", "consecutive_failures", "failures_7d", "items_7d", "last_new_item", "silent_days", "next_attempt", "url"],
    "digests_sent": ["week", "sent_at", "stories", "recipients", "subject", "message_id"],
    "current_week": ["week"],
    "figures": ["series", "period", "value", "unit", "basis", "origin", "source", "quote", "published", "url", "reports", "also_reported_by", "revises_value", "fact", "item"],
    "official_figures": ["series", "period", "value", "unit", "status", "revises_value", "published", "fetched_at", "source", "file_url", "sheet", "row_label", "column_header", "fact"],
    "news_vs_official": ["series", "period", "reported", "unit", "official", "official_status", "verdict", "earlier_official", "difference_percent", "source", "published", "url", "quote", "fact", "official_fact"],
    "watched_pages": ["source", "title", "url", "versions", "changes", "watched_since", "last_change", "last_change_summary", "page_date", "last_checked", "last_outcome"],
}


@pytest.mark.parametrize("name", CANNED)
def test_every_canned_query_answers_with_its_columns(http, name):
    params, columns = CANNED[name]
    r = http.get(f"/monitor/{name}.json", params=params)
    assert r.status_code == 200, r.text
    assert r.json()["columns"] == columns
    assert http.get(f"/monitor/{name}").status_code == 200  # the HTML page with its form


def test_the_metadata_lists_exactly_these_canned_queries():
    queries = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["monitor"]["queries"]
    assert set(queries) == set(CANNED)
    assert not any(q.get("write") for q in queries.values())


@pytest.mark.parametrize("name", VIEWS)
def test_every_view_answers_with_its_columns(http, name):
    r = http.get(f"/monitor/{name}.json")
    assert r.status_code == 200, r.text
    assert r.json()["columns"] == VIEWS[name]


def test_stories_this_week_defaults_to_the_current_week_in_pakistan(http):
    before = current_week(KARACHI)
    stories = rows(http, "/monitor/stories_this_week.json")
    assert [s["title"] for s in stories] == ["Mobile internet slows down again in several cities"]
    assert stories[0]["week"] == before


def test_stories_of_a_week_are_grouped_by_topic_and_skip_irrelevant_items(http):
    stories = rows(http, "/monitor/stories_this_week.json", week="2025-W34")
    assert [(s["topic"], s["title"], s["outlets"]) for s in stories] == [
        ("it_exports", "IT exports up 12% in July", "ProPakistani"),
        ("it_exports", "IT exports reach $354 million in July", "Dawn Business"),
        ("payments", "Central bank eases foreign currency accounts for freelancers", "ProPakistani"),
        ("vpn_internet", VPN_TITLE, "PTA Press Releases"),
    ]


def test_event_coverage_lists_each_event_once_with_every_outlet(http):
    events = rows(http, "/monitor/event_coverage.json", week="2025-W34")
    july = [e for e in events if "July" in e["title"]]
    assert len(july) == 1  # two outlets' own reports of the July figure: one event
    assert (july[0]["title"], july[0]["outlets"], july[0]["stories"], july[0]["reports"]) == ("IT exports reach $354 million in July", "Dawn Business, ProPakistani", 2, 2)
    stories = rows(http, "/monitor/stories.json", week="2025-W34")
    assert len({s["event"] for s in stories if "July" in s["title"]}) == 1 < len([s for s in stories if "July" in s["title"]])


def test_stories_filter_on_any_of_their_topics(http):
    stories = rows(http, "/monitor/stories_this_week.json", week="2025-W34", topic="freelancing")
    assert {s["title"] for s in stories} == {VPN_TITLE, "Central bank eases foreign currency accounts for freelancers"}


@pytest.mark.parametrize(
    "params, hint",
    [
        ({"week": "2025W34"}, "No such week: '2025W34' is not an ISO week; give one such as 2025-W34, or leave week empty for the current week"),
        ({"week": "last week"}, "No such week: 'last week' is not an ISO week; give one such as 2025-W34, or leave week empty for the current week"),
        ({"week": "2025-W53"}, "No such week: 2025 has no week 53 (ISO weeks run from W01 to W52, or W53 in some years)"),
        ({"week": "2025-W00"}, "No such week: 2025 has no week 0 (ISO weeks run from W01 to W52, or W53 in some years)"),
        ({"week": "2025-W34", "topic": "exports"}, "No such topic: no story has the topic 'exports'; the topics are freelancing, it_exports, payments, vpn_internet, or leave topic empty for all"),
    ],
)
def test_stories_this_week_says_what_is_wrong_with_a_week_or_topic_that_cannot_be(http, params, hint):
    assert [(s["topic"], s["title"]) for s in rows(http, "/monitor/stories_this_week.json", **params)] == [(None, hint)]


def test_stories_this_week_takes_a_week_in_lower_case_and_a_week_53(http):
    assert rows(http, "/monitor/stories_this_week.json", week=" 2025-w34 ") == rows(http, "/monitor/stories_this_week.json", week="2025-W34") != []
    assert rows(http, "/monitor/stories_this_week.json", week="2026-W53") == []  # 2026 has 53 weeks: no story, nothing wrong


def test_facts_series_gives_periods_values_sources_and_quotes(http):
    facts = rows(http, "/monitor/facts_series.json", series="it_exports_monthly")
    assert [f for f in facts if f["source"] != "SBP" and f["period"] == "2025-07"] == [
        {"period": "2025-07", "value": 354.0, "unit": "USD_million", "basis": "", "source": "Dawn Business", "quote": ITEMS[1].text, "published": ITEMS[1].published, "url": ITEMS[1].url,
         "reports": 2, "also_reported_by": "ProPakistani", "revises_value": None}
    ]
    sbp = [(f["period"], f["value"], f["revises_value"]) for f in facts if f["source"] == "SBP"]
    assert ("2025-06", 338.45, 337.9) in sbp and ("2025-07", 354.33, None) in sbp  # official figures too, a revision with the value it replaced
    assert rows(http, "/monitor/facts_series.json", series=" IT_exports_monthly ") == facts


@pytest.mark.parametrize(
    "series, hint",
    [
        ("no_such_series", "No such series: 'no_such_series' is not a series; the series are " + ", ".join(SERIES)),
        ("", "No series given: give one of " + ", ".join(SERIES)),
        ("vpn_registrations", "No figure yet: the archive has no figure of vpn_registrations; the series with figures are computer_services_exports, freelancer_earnings, it_exports_annual, it_exports_monthly, software_consultancy_exports, software_exports, telecom_exports"),
    ],
)
def test_facts_series_says_what_is_wrong_with_a_series_that_gives_nothing(http, series, hint):
    assert [(f["period"], f["value"], f["quote"]) for f in rows(http, "/monitor/facts_series.json", series=series)] == [(None, None, hint)]


def test_page_history_shows_one_watched_pages_changes_line_by_line(http):
    history = rows(http, "/monitor/page_history.json", source="PTA VPN page")
    assert [(r["version"], r["change"], r["text"]) for r in history] == [
        (2, "changed", "~ A fee applies when [-five-] {+ten+} or more IP addresses are whitelisted."),
        (2, "removed", "- Applications by email are not accepted."),
        (2, "added", "+ Freelancers registered with PSEB may apply with their registration number."),
        (1, "baseline", "first version of the page"),
    ]
    assert {r["version"] for r in rows(http, "/monitor/page_history.json", source="PTA VPN page", version="2")} == {2}
    assert rows(http, "/monitor/page_history.json", source=" PTA VPN page ", version=" 1 ") == [history[-1]]
    versions = rows(http, "/monitor/page_versions.json", _sort_desc="fetched_at")
    assert [(v["version"], v["kind"], v["summary"]) for v in versions] == [(2, "change", "1 sentence added, 1 removed, 1 changed"), (1, "baseline", "first version of the page")]
    (page,) = rows(http, "/monitor/watched_pages.json")
    assert (page["source"], page["versions"], page["changes"], page["last_change_summary"]) == ("PTA VPN page", 2, 1, "1 sentence added, 1 removed, 1 changed")


@pytest.mark.parametrize("name", ["page_history", "search", "stories_this_week"])
def test_a_canned_querys_page_is_titled_by_the_query_not_its_sql(http, name):
    """The <title> a screen reader reads first, and a tab or bookmark shows, is the query's own
    title; a query written by a visitor keeps Datasette's (the database and the SQL)."""
    title = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["monitor"]["queries"][name]["title"]
    page = HTMLParser(http.get(f"/monitor/{name}").text)
    assert page.css_first("title").text() == f"{title}: monitor"
    written = HTMLParser(http.get("/monitor", params={"sql": "select count(*) from items"}).text)
    assert written.css_first("title").text() == "monitor: select count(*) from items"


def test_page_history_opens_on_the_changes_not_on_its_sql(http):
    """The digest's "Full diff" opens page_history: its 30 lines of SQL (one of them 1,700 px
    wide, which pushed a phone's page sideways) are hidden until asked for, the changes shown."""
    page = HTMLParser(http.get("/monitor/page_history", params={"source": "PTA VPN page", "version": "2"}).text)
    shown = " ".join(node.text() for node in page.css("pre, textarea"))
    assert "with asked as" not in shown
    assert "A fee applies when [-five-] {+ten+}" in page.body.text()
    (toggle,) = [a for a in page.css(".show-hide-sql a")]
    assert toggle.text() == "show" and "_show_sql=1" in toggle.attributes["href"]
    asked = HTMLParser(http.get("/monitor/page_history", params={"source": "PTA VPN page", "_show_sql": "1"}).text)
    assert "with asked as" in " ".join(node.text() for node in asked.css("pre, textarea"))


@pytest.mark.parametrize(
    "params, hint",
    [
        ({"source": "No such page"}, "No such page: no watched page is named 'No such page'; the watched pages are PTA VPN page"),
        ({"source": ""}, "No page given: the watched pages are PTA VPN page"),
        ({"source": "PTA VPN page", "version": "two"}, "No such version: 'two' is not a version of PTA VPN page, whose versions are 1 to 2; or leave version empty for every version"),
        ({"source": "PTA VPN page", "version": "3"}, "No such version: '3' is not a version of PTA VPN page, whose versions are 1 to 2; or leave version empty for every version"),
        ({"source": "PTA VPN page", "version": "-1"}, "No such version: '-1' is not a version of PTA VPN page, whose versions are 1 to 2; or leave version empty for every version"),
    ],
)
def test_page_history_says_what_is_wrong_with_a_page_or_version_that_cannot_be(http, params, hint):
    assert [(r["version"], r["change"], r["text"]) for r in rows(http, "/monitor/page_history.json", **{"version": "", **params})] == [(None, None, hint)]


def test_the_series_facts_series_names_are_the_series_the_monitor_tracks():
    sql = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["monitor"]["queries"]["facts_series"]["sql"]
    assert re.findall(r"\('([a-z_]+)'\)", sql) == list(SERIES)


def test_the_feeds_are_served_with_caching_and_nothing_else_under_feeds(http):
    listing = http.get("/feeds/")
    assert listing.status_code == 200 and 'href="/feeds/stories.atom"' in listing.text and 'href="/feeds/policy.atom"' in listing.text
    page = HTMLParser(listing.text)
    assert page.css_first('meta[name="viewport"]') is not None  # readable on a phone
    named = {a.attributes["href"]: a.text() for a in page.css("li a")}
    assert named["/feeds/stories.atom"].endswith(": stories") and named["/feeds/topic-freelancing.atom"].endswith(": Freelancing")  # each by its title, not its file name
    assert "Relevant stories, one entry per story, newest first." in page.text()
    assert [link.attributes["href"] for link in page.css('link[rel="alternate"][type="application/atom+xml"]')] == list(named)  # feed readers find them
    feed = http.get("/feeds/policy.atom")
    assert feed.status_code == 200 and feed.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert b"VPN registration: 1 sentence added, 1 removed, 1 changed" in feed.content
    again = http.get("/feeds/policy.atom", headers={"If-None-Match": feed.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    since = http.get("/feeds/policy.atom", headers={"If-Modified-Since": feed.headers["last-modified"]})
    assert since.status_code == 304
    head = http.head("/feeds/stories.atom")
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0
    for path in ("/feeds/nothing.atom", "/feeds/%2e%2e/monitor.db", "/feeds/monitor.db", "/feeds/sub/stories.atom"):
        assert http.get(path).status_code == 404, path
    assert http.post("/feeds/stories.atom").status_code == 405
    assert http.get("/monitor/items.json").status_code == 200  # Datasette still answers the rest


def test_a_feeds_conditional_get_follows_if_none_match_first_and_matches_weak_and_listed_tags(tmp_path):
    from monitor.serve import _feed_response

    (tmp_path / "stories.atom").write_bytes(b"<feed/>")
    status, headers, _ = _feed_response(tmp_path, "/feeds/stories.atom", {})
    etag, modified = dict(headers)[b"etag"].decode(), dict(headers)[b"last-modified"].decode()

    def answer(**sent: str) -> int:
        return _feed_response(tmp_path, "/feeds/stories.atom", {k.replace("_", "-"): v for k, v in sent.items()})[0]

    assert status == 200 and answer(if_none_match=etag) == 304
    assert answer(if_none_match=f"W/{etag}") == 304  # as a compressing proxy hands it out
    assert answer(if_none_match=f'"older", {etag}') == 304 and answer(if_none_match="*") == 304
    assert answer(if_modified_since=modified) == 304
    # a tag of another version is a change, whatever the date says (RFC 9110, 13.1.3)
    assert answer(if_none_match='"older"', if_modified_since=modified) == 200


@pytest.mark.parametrize("name", ["monitor", "pk.monitor", "my archive", "archive-2025_v2", "نگرانی"])
def test_links_to_the_archive_name_the_database_as_datasette_does(name):
    """The digest's and the feeds' links reach the pages ``monitor serve`` publishes, also for
    an archive whose file name has a dot or a space (Datasette tilde-encodes it)."""
    from datasette.utils import tilde_encode

    from monitor.public import archive_url, history_url, item_url

    db = f"/srv/{name}.db"
    assert archive_url("https://monitor.example.org/", db) == f"https://monitor.example.org/{tilde_encode(name)}"
    assert history_url("https://monitor.example.org", db, "PTA - VPN", 2) == f"https://monitor.example.org/{tilde_encode(name)}/page_history?source=PTA+-+VPN&version=2"
    assert item_url("https://monitor.example.org/", db, "074c4ca2858f3c7e") == f"https://monitor.example.org/{tilde_encode(name)}/items/074c4ca2858f3c7e"


def test_a_canned_query_per_official_series_gives_sbps_values_with_provenance(http):
    months = rows(http, "/monitor/official_it_exports_monthly.json")
    assert [(m["period"], m["value"], m["status"], m["revises_value"]) for m in months] == [
        ("2025-07", 354.33, "provisional", None),
        ("2025-06", 338.45, "revised", 337.9),  # the current value, with the provisional one it replaced
        ("2025-05", 329.29, "revised", None),
        ("2024-07", 286.02, "", None),
    ]
    assert (months[0]["file_url"], months[0]["sheet"], months[0]["column_header"], months[0]["source"]) == (WORKBOOK_URL, "EBOPS ", "Jul-25 (P)", "SBP")
    assert months[0]["row_label"] == ebops.LINE_9
    assert [(y["period"], y["value"]) for y in rows(http, "/monitor/official_it_exports_annual.json")] == [("FY2024-25", 3809.0), ("FY2023-24", 3223.0)]
    assert {m["period"] for m in rows(http, "/monitor/official_freelancer_earnings.json")} >= {"2025-07", "2025-06"}


def test_news_figures_beside_the_official_value(http):
    checked = rows(http, "/monitor/news_vs_official.json", _sort="fact")
    assert [(c["series"], c["period"], c["reported"], c["official"], c["verdict"], c["difference_percent"], c["source"]) for c in checked] == [
        ("it_exports_monthly", "2025-07", 354.0, 354.33, "agrees", -0.1, "Dawn Business"),
        ("it_exports_annual", "FY2024-25", 3800.0, 3809.0, "agrees", -0.2, "Dawn Business"),
        ("it_exports_monthly", "2025-07", 354.0, 354.33, "agrees", -0.1, "ProPakistani"),
        ("it_exports_monthly", "2025-06", 345.0, 338.45, "differs", 1.9, "ProPakistani"),
    ]
    assert rows(http, "/monitor/news_vs_official.json", verdict="differs")[0]["url"] == ITEMS[5].url


def test_source_health_shows_failures_and_silence(http):
    health = {r["source"]: r for r in rows(http, "/monitor/source_health.json")}
    dead = health["Dead Feed"]
    assert (dead["consecutive_failures"], dead["failures_7d"], dead["last_error"], dead["silent_days"]) == (4, 3, "HTTP 503", None)
    assert health["ProPakistani"]["silent_days"] == 20
    assert health["Dawn Business"]["silent_days"] == 0
    assert health["Dawn Business"]["items_7d"] == 3


def test_source_health_counts_recent_items_from_an_index(archive):
    with Store(archive, readonly=True) as store:
        plan = " ".join(r[3] for r in store.db.execute("EXPLAIN QUERY PLAN SELECT * FROM source_health"))
    assert "USING COVERING INDEX idx_items_source_fetched_at" in plan


def test_digests_sent_lists_only_digests_that_went_out(http):
    sent = rows(http, "/monitor/digests_sent.json")
    assert [(d["week"], d["recipients"], d["message_id"]) for d in sent] == [("2025-W33", 2, "<w33@monitor.example.com>")]


def _facets(data: dict) -> dict[str, dict]:
    return {name: {f["value"]: f["count"] for f in facet["results"]} for name, facet in data["facet_results"].items()}


def test_items_open_with_facets_newest_first_and_search(http):
    data = http.get("/monitor/items.json").json()
    facets = _facets(data)
    assert set(facets) == {"source", "week"}
    assert facets["source"] == {"Dawn Business": 3, "ProPakistani": 3, "PTA Press Releases": 1}
    assert facets["week"]["2025-W34"] == 5
    assert data["suggested_facets"] == []  # grouping every column on each visit is too slow
    assert "order by published desc" in data["query"]["sql"]
    published = [r[data["columns"].index("published")] for r in data["rows"]]
    assert published == sorted(published, reverse=True)
    found = rows(http, "/monitor/items.json", _search="vpn")
    assert [r["title"] for r in found] == [VPN_TITLE]


def test_item_topics_facet_items_by_topic_and_link_to_them(http):
    data = http.get("/monitor/item_topics.json").json()
    facets = _facets(data)
    assert set(facets) == {"topic", "week", "source"}
    assert facets["topic"] == {"freelancing": 2, "it_exports": 3, "vpn_internet": 2, "payments": 1}
    vpn = rows(http, "/monitor/item_topics.json", topic="vpn_internet", week="2025-W34", _labels="on")
    assert [r["item"] for r in vpn] == [{"value": ITEMS[0].id, "label": VPN_TITLE}]


def test_item_topics_follow_every_change_to_items(tmp_path):
    with Store(build_archive(tmp_path / "monitor.db")) as store:
        store.save_items([replace(ITEMS[0], topics=("skills", "skills", "rankings"))], week_of=lambda p, f: "2025-W34")
        store.save_items([replace(ITEMS[1], id=item_id("https://news.example.com/new"), topics=())])
        store.db.execute("UPDATE items SET topics = 'not json' WHERE id = ?", [ITEMS[2].id])
        store.db.execute("DELETE FROM items WHERE id = ?", [ITEMS[4].id])
        pairs = {(r["item"], r["topic"]) for r in store.db["item_topics"].rows}
    assert pairs == {(ITEMS[0].id, "skills"), (ITEMS[0].id, "rankings"), (ITEMS[1].id, "it_exports"), (ITEMS[5].id, "it_exports"), (ITEMS[6].id, "vpn_internet")}


def test_front_page_and_tables_carry_descriptions(http):
    home = http.get("/monitor")
    assert home.status_code == 200
    assert "The archive: every item the monitor kept" in home.text
    items_page = http.get("/monitor/items").text
    assert "ISO week of publication in Pakistan time" in items_page  # a column description
    assert "Collected from the news feeds and official pages" in items_page  # source notes


def test_every_table_and_view_has_a_description(archive):
    tables = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))["databases"]["monitor"]["tables"]
    with Store(archive, readonly=True) as store:
        names = {n for n in store.db.table_names() + store.db.view_names() if not n.startswith("items_fts")}
    undescribed = sorted(n for n in names if not (tables.get(n) or {}).get("description"))
    assert undescribed == [], f"describe these in {METADATA_FILE}"


def _item_count(archive: Path) -> int:
    with Store(archive, readonly=True) as store:
        return store.count_items()


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM items",
        "WITH gone AS (SELECT 1) DELETE FROM items",  # passes the SELECT check, then meets a read-only connection
        "UPDATE items SET title = 'x'",
        "ATTACH DATABASE '/tmp/other.db' AS other",
        "PRAGMA journal_mode = DELETE",
    ],
)
def test_a_write_through_sql_is_refused(http, archive, sql):
    before = _item_count(archive)
    r = http.get("/monitor.json", params={"sql": sql})
    assert r.status_code == 400
    assert r.json()["ok"] is False
    assert _item_count(archive) == before == len(ITEMS)


@pytest.mark.parametrize(
    "method, path",
    [("POST", "/monitor/search"), ("POST", "/monitor/items"), ("POST", "/monitor/items/-/insert"), ("PUT", "/monitor/items"), ("DELETE", "/monitor/items")],
)
def test_a_request_that_could_write_is_refused(http, archive, method, path):
    r = http.request(method, path, data={"q": "VPN", "sql": "DELETE FROM items"})
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, HEAD"
    assert "read-only" in r.text
    assert _item_count(archive) == len(ITEMS)


# ----------------------------------------------------------------------------- beside the daemon

WRITER = textwrap.dedent(
    """
    import sys
    import time
    from pathlib import Path
    from monitor.models import FetchResult, Item
    from monitor.store import Store, item_id

    db, stop = sys.argv[1], Path(sys.argv[2])
    text = "Freelancers in Lahore and Karachi reported stalled uploads to clients. " * 20
    batch = 0
    with Store(db) as store:
        while not stop.exists() and batch < 20000:
            items = []
            for n in range(20):
                url = f"https://load.example.com/{batch}/{n}"
                items.append(Item(id=item_id(url), source="Load Feed", url=url, canonical_url=url,
                                  title=f"Load story {batch}-{n}", text=text, published="2025-09-01T05:00:00+00:00",
                                  fetched_at="2025-09-01T06:00:00+00:00", topics=("freelancing",)))
            with store.transaction():
                new = store.save_items(items, week_of=lambda p, f: "2025-W36")
                store.save_facts([{"series": "other", "period": "", "value": batch, "unit": "count",
                                   "quote": "load", "item": i, "source": "Load Feed"} for i in new])
                store.record_fetch("Load Feed", FetchResult("https://load.example.com/feed", "ok"), new_items=len(new))
            batch += 1
            if batch == 1:
                print("writing", flush=True)
            time.sleep(0.02)  # a poll writes one source at a time, between fetches
    print(batch, flush=True)
    """
)


def test_reading_while_a_poll_writes_causes_no_error(tmp_path):
    db = build_archive(tmp_path / "monitor.db")
    stop = tmp_path / "stop"
    with monitor_serve(db) as served, httpx.Client(base_url=served.url, timeout=60) as client:
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(stop)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "writing", writer.stderr.read()
            counts, failures, requests = set(), [], 0
            pages = ["/monitor/items.json?_size=1", "/monitor/search.json?q=vpn", "/monitor/stories_this_week.json?week=2025-W34", "/monitor/source_health.json", "/monitor/facts.json?_size=5&_facet=series", "/monitor/item_topics.json?_size=5", "/monitor/figures.json?_size=5"]
            while requests < 2000 and (requests < 50 or len(counts) < 3):
                r = client.get(pages[requests % len(pages)])
                requests += 1
                if r.status_code != 200 or "locked" in r.text:
                    failures.append((r.url, r.status_code, r.text[:200]))
                elif requests % len(pages) == 1:
                    counts.add(r.json()["filtered_table_rows_count"])
        finally:
            stop.touch()
            out, err = writer.communicate(timeout=120)
        log = "".join(served.log)
    assert writer.returncode == 0, err
    assert failures == []
    assert len(counts) >= 3, "the writer should have committed while Datasette was reading"
    assert "locked" not in log and "Traceback" not in log
    assert int(out.split()[-1]) > 1


# ----------------------------------------------------------------------------- the command


def test_serve_refuses_a_missing_archive(tmp_path):
    missing = tmp_path / "nowhere" / "monitor.db"
    r = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(missing), "serve"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert f"error: no archive at {missing}: run `monitor poll`" in r.stderr
    assert not missing.parent.exists()


def test_serve_refuses_a_file_that_is_not_an_archive(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("shopping list: tea, sugar, milk\n" * 100)
    r = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(bogus), "serve"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "not a monitor archive" in r.stderr and "Traceback" not in r.stderr
    assert bogus.read_text() == "shopping list: tea, sugar, milk\n" * 100


def test_serve_leaves_another_programs_database_alone(tmp_path):
    other = tmp_path / "recipes.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
        conn.execute("INSERT INTO recipes VALUES ('nihari', 360)")
    before = other.read_bytes()
    r = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(other), "serve"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert f"error: {other}: not a monitor archive: it has no monitor schema" in r.stderr
    assert other.read_bytes() == before


def test_serve_reports_a_busy_port(archive):
    with monitor_serve(archive) as served:
        port = served.url.rsplit(":", 1)[1]
        r = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(archive), "serve", "--port", port], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    # in words, with what to do, and without the address tuple Python adds to the reason
    assert r.stderr == (
        f"error: cannot listen on 127.0.0.1:{port}: address already in use (another program listens there,"
        " perhaps another `monitor serve`: stop it, or pass another --port (0 picks a free one))\n"
    ), r.stderr


def test_serve_help_explains_the_command():
    r = subprocess.run([sys.executable, "-m", "monitor.cli", "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0
    for words in ("Datasette", "read-only", "--host", "--port", "--print-metadata"):
        assert words in r.stdout


def test_serve_brings_an_older_archive_up_to_date(tmp_path):
    db = sqlite_utils.Database(tmp_path / "monitor.db")
    before = MIGRATIONS.index(_v3_archive_views)
    for step in MIGRATIONS[:before]:  # an archive written before the views existed
        step(db)
    db.execute(f"PRAGMA user_version = {before}")
    db["items"].insert({"id": "old-1", "source": "Dawn Business", "url": "https://news.example.com/old", "title": "An older story", "fetched_at": "2025-06-02T05:00:00+00:00", "week": "2025-W23", "topics": '["taxes"]', "relevant": 1})
    db.close()
    prepare_archive(tmp_path / "monitor.db")
    with Store(tmp_path / "monitor.db", readonly=True) as store:
        assert set(VIEWS) <= set(store.db.view_names())
        assert [r["title"] for r in store.db.query("SELECT title FROM stories")] == ["An older story"]
        assert [(r["item"], r["topic"]) for r in store.db["item_topics"].rows] == [("old-1", "taxes")]


# ----------------------------------------------------------------------------- a published copy


def test_print_metadata_names_the_database_after_the_file(tmp_path):
    copy = tmp_path / "archive-2025-W34.db"
    r = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(copy), "serve", "--print-metadata"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    metadata = json.loads(r.stdout)
    assert list(metadata["databases"]) == ["archive-2025-W34"]
    assert set(metadata["databases"]["archive-2025-W34"]["queries"]) == set(CANNED)
    assert not copy.exists()


def test_a_backup_copy_serves_immutable_with_the_same_metadata(archive, tmp_path):
    copy = tmp_path / "snapshot.db"
    source, target = sqlite3.connect(archive), sqlite3.connect(copy)
    with target:
        source.backup(target)  # what `sqlite3 data/monitor.db ".backup snapshot.db"` does
    source.close()
    target.close()
    ds = Datasette(immutables=[str(copy)], metadata=metadata_for(copy), settings=SETTINGS)
    async def search() -> list[dict]:
        r = await ds.client.get("/snapshot/search.json?q=vpn&_shape=array")
        assert r.status_code == 200, r.text
        return r.json()

    assert [h["title"] for h in asyncio.run(search())] == [VPN_TITLE]


# ----------------------------------------------------------------------------- SQL weeks


def test_iso_week_sql_matches_python_for_every_day_of_twenty_years():
    conn = sqlite3.connect(":memory:")
    sql = f"SELECT {iso_week_sql(':day')}"
    day = date(2016, 1, 1)
    while day < date(2036, 1, 1):
        year, week, _ = day.isocalendar()
        assert conn.execute(sql, {"day": day.isoformat()}).fetchone()[0] == f"{year}-W{week:02d}", day
        day += timedelta(days=1)


def test_stories_and_events_name_the_outlet_an_aggregators_item_is_from(tmp_path):
    # A Google News search is a source, not an outlet: the stories and event_coverage views
    # listed "Google News - IT exports" among a story's outlets and never named the paper the
    # headline gives ("- Arab News"), which the digest and the feeds do name.
    gnews = replace(_item("Google News - IT exports", "gnews-arab", "Pakistan's IT exports rise 24 percent to $354 million in July - Arab News",
                          "2025-08-18T09:00:00+00:00", ("it_exports",), ""), url="https://news.example.org/rss/articles/CBMiArab", canonical_url="https://news.example.org/rss/articles/CBMiArab",
                    summary="Pakistan's IT exports rose 24 percent to $354 million in July, central bank data showed.", text="")
    dawn = replace(ITEMS[1], source="Dawn - Business")
    # the search's copy of Dawn's own report: one story, whose outlet is Dawn, named once
    copy = replace(gnews, id=item_id("https://news.example.org/rss/articles/CBMiDawn"), url="https://news.example.org/rss/articles/CBMiDawn", canonical_url="https://news.example.org/rss/articles/CBMiDawn",
                   title=f"{dawn.title} - Dawn", published="2025-08-18T06:00:00+00:00", summary=dawn.text)
    path = tmp_path / "m.db"
    with Store(path) as store:
        store.sync_sources([Source("Dawn - Business", "https://dawn.example.com/feeds/business"), Source("Google News - IT exports", "https://news.example.org/rss/search?q=IT+exports")])
        store.save_items([dawn, copy, gnews], week_of=lambda published, fetched: iso_week(published or fetched, KARACHI))
        index = SqliteDedupIndex(store.db)
        for item in (dawn, copy, gnews):
            fact = Fact("it_exports_monthly", "2025-07", 354.0, "USD_million", item.text or item.summary)
            assign(dedup_input(item, [fact], aggregated=item.source.startswith("Google News")), index)
    db = sqlite3.connect(path)
    stories = dict(db.execute("SELECT item, outlets FROM stories WHERE week = '2025-W34'").fetchall())
    assert stories == {dawn.id: "Dawn - Business", gnews.id: "Arab News"}
    (outlets,) = db.execute("SELECT outlets FROM event_coverage WHERE week = '2025-W34'").fetchone()
    assert outlets == "Dawn - Business, Arab News"


def test_urdu_cells_are_marked_urdu_and_right_to_left(tmp_path):
    """A screen reader reads a cell marked lang="ur" with an Urdu voice, and dir="rtl" keeps an
    Urdu line's order (a "?" or a figure at its end otherwise stands at its start). English
    cells and addresses render as Datasette renders them."""
    from monitor.serve import urdu_cell

    title = "وی پی این رجسٹریشن: فری لانسرز کو کیا کرنا ہوگا؟"
    urdu = replace(_item("Express (Urdu)", "ur-vpn", title, "2025-08-19T04:00:00+00:00", ("vpn_internet",), "پی ٹی اے نے فری لانسرز کے لیے وی پی این رجسٹریشن کی آخری تاریخ بڑھا دی۔"), lang="ur")
    english = _item("Dawn", "vpn", VPN_TITLE, "2025-08-19T05:00:00+00:00", ("vpn_internet",), "Freelancers must register their VPNs.")
    db = tmp_path / "monitor.db"
    with Store(db) as store:
        store.save_items([urdu, english], week_of=lambda published, fetched: "2025-W34")
    with monitor_serve(db) as served, httpx.Client(base_url=served.url, timeout=60) as client:
        for path, params in (("/monitor/items", {}), ("/monitor/search", {"q": "فری لانسرز"})):
            page = client.get(path, params=params).text
            assert f'<span lang="ur" dir="rtl">{html.escape(title, quote=False)}</span>' in page, path
        page = client.get("/monitor/items").text
        assert f">{VPN_TITLE}<" in page and f'dir="rtl">{VPN_TITLE}' not in page
        assert '<a href="https://news.example.com/ur-vpn">' in page  # an address stays a link
    # a long cell is cut as Datasette cuts one, and its text escaped
    assert urdu_cell("فری لانسرز " * 10, 20) == '<span lang="ur" dir="rtl">' + ("فری لانسرز " * 10)[:20] + "\u2026</span>"
    assert urdu_cell("<b>فری لانسرز</b>", None) == '<span lang="ur" dir="rtl">&lt;b&gt;فری لانسرز&lt;/b&gt;</span>'
    assert urdu_cell("IT exports", None) is None and urdu_cell(3, None) is None


def test_a_long_urdu_cell_is_whole_on_its_row_page_and_cut_in_the_table(tmp_path):
    """Datasette cuts a long cell in a table (truncate_cells_html) and shows it whole on the
    row's own page, the one place to read all of it: an Urdu cell is no different."""
    from monitor.serve import is_row_page

    title = "وی پی این رجسٹریشن: فری لانسرز کو کیا کرنا ہوگا؟ " * 12
    assert len(title) > SETTINGS["truncate_cells_html"]
    urdu = replace(_item("Express (Urdu)", "ur-long", title.strip(), "2025-08-19T04:00:00+00:00", ("vpn_internet",), "پی ٹی اے نے فری لانسرز کے لیے وی پی این رجسٹریشن کی آخری تاریخ بڑھا دی۔"), lang="ur")
    db = tmp_path / "monitor.db"
    with Store(db) as store:
        store.save_items([urdu], week_of=lambda published, fetched: "2025-W34")
    whole = f'<span lang="ur" dir="rtl">{html.escape(urdu.title, quote=False)}</span>'
    cut = f'<span lang="ur" dir="rtl">{html.escape(urdu.title[: SETTINGS["truncate_cells_html"]], quote=False)}\u2026</span>'
    with monitor_serve(db) as served, httpx.Client(base_url=served.url, timeout=60) as client:
        page = client.get(f"/monitor/items/{urdu.id}")
        assert page.status_code == 200 and whole in page.text
        table = client.get("/monitor/items").text
        assert cut in table and whole not in table
    assert is_row_page("/monitor/items/abc") and not is_row_page("/monitor/items") and not is_row_page("/-/versions/x")


def test_every_page_says_its_language_and_where_its_content_is(tmp_path):
    """Datasette's own pages have no lang and no main landmark: a screen reader guessed the
    language and could not skip the header and the breadcrumbs to the table. Each HTML page
    the monitor serves says both, with a right Content-Length; JSON, CSV and HEAD are untouched."""
    db = tmp_path / "monitor.db"
    with Store(db) as store:
        store.save_items([_item("Dawn", "vpn", VPN_TITLE, "2025-08-19T05:00:00+00:00", ("vpn_internet",), "Freelancers must register their VPNs.")], week_of=lambda published, fetched: "2025-W34")
    with monitor_serve(db) as served, httpx.Client(base_url=served.url, timeout=60) as client:
        for path in ("/", "/monitor", "/monitor/items", "/monitor/stories_this_week", "/-/metadata"):
            page = client.get(path)
            assert page.status_code == 200, path
            assert '<html lang="en">' in page.text and page.text.count('role="main"') == 1, path
            assert int(page.headers["content-length"]) == len(page.content), path
        data = client.get("/monitor/items.json")
        assert data.json()["rows"] and "role=" not in data.text
        csv = client.get("/monitor/items.csv")
        assert csv.status_code == 200 and VPN_TITLE in csv.text
        head = client.head("/monitor/items")
        assert head.status_code == 200
