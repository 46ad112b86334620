"""SBP's trade in services workbook: the reader on real .xls bytes, then served by a local
server and polled, with the ways a release drifts (a row inserted, a column moved, a label
renamed, HTML in place of the file, a 403)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import ebops
from ebops import FREELANCE, HEADERS, LINE_9, Layout, workbook
from monitor import pipeline, sbp
from monitor.config import load_config
from monitor.sbp import LINES, WorkbookError, newest_period_end, parse_header, read_ebops
from monitor.sitesrv import SiteServer, send

URL = "https://archive.sbp.org.pk/ecodata/dt.xls"  # provenance only: the workbooks are built in memory
FETCHED = "2026-06-20T05:00:00+00:00"
LAST_MODIFIED = "Thu, 18 Jun 2026 11:00:00 GMT"


def read(layout: Layout = Layout(), **kw):
    return read_ebops(workbook(layout), url=URL, fetched_at=FETCHED, **kw)


def values(facts) -> dict[tuple[str, str], float]:
    return {(f.series, f.period): f.value for f in facts}


def failure(content: bytes, **kw) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_ebops(content, url=URL, fetched_at=FETCHED, **kw)
    return info.value


#: SBP's published figures for the release of mid-2026 (US$ million, credit), as the reader must give them.
REFERENCE = {
    ("it_exports_monthly", "2026-05"): 373.27,
    ("it_exports_monthly", "2026-04"): 422.26,
    ("it_exports_cumulative", "FY2025-26:Jul-May"): 4183.44,
    ("it_exports_cumulative", "FY2024-25:Jul-May"): 3480.46,
    ("telecom_exports", "2026-05"): 49.05,
    ("telecom_exports", "2026-04"): 75.49,
    ("telecom_exports", "FY2025-26:Jul-May"): 640.18,
    ("telecom_exports", "FY2024-25:Jul-May"): 498.77,
    ("computer_services_exports", "FY2025-26:Jul-May"): 3539.02,
    ("software_consultancy_exports", "FY2025-26:Jul-May"): 1159.58,
    ("software_consultancy_exports", "FY2024-25:Jul-May"): 1011.73,
    ("software_exports", "FY2025-26:Jul-May"): 589.85,
    ("software_exports", "FY2024-25:Jul-May"): 539.65,
    ("freelancer_earnings", "2026-05"): 101.51,
    ("freelancer_earnings", "2026-04"): 102.91,
    ("freelancer_earnings", "FY2025-26:Jul-May"): 1060.79,
    ("freelancer_earnings", "FY2024-25:Jul-May"): 708.05,
}


# --------------------------------------------------------------------------- the reader


def test_the_documented_release_gives_sbps_figures_in_usd_million():
    got = values(read())
    assert {key: got[key] for key in REFERENCE} == REFERENCE
    assert len(got) == len(LINES) * len(HEADERS)  # every line, every period, nothing else
    assert all(f.unit == "USD_million" for f in read())


def test_each_figure_says_where_it_was_read_and_its_status():
    facts = {(f.series, f.period): f for f in read(published="2026-06-18T11:00:00+00:00")}
    may = facts[("freelancer_earnings", "2026-05")]
    assert (may.url, may.sheet, may.column_header, may.column, may.status) == (URL, "EBOPS ", "May-26 (P)", "Credit", "provisional")
    assert may.row_label.strip() == FREELANCE and (may.fetched_at, may.published) == (FETCHED, "2026-06-18T11:00:00+00:00")
    assert facts[("it_exports_monthly", "2026-04")].status == "revised"
    assert facts[("it_exports_cumulative", "FY2024-25:Jul-May")].status == ""  # no mark on the header
    line_9 = facts[("it_exports_monthly", "2026-05")]
    assert line_9.row_label == LINE_9  # as printed, non-breaking space and all
    assert line_9.provenance() == "dt.xls, sheet 'EBOPS', row '9. Telecommunications, Computer and information services', column 'May-26 (P)' (Credit)"


def test_the_date_serial_column_and_its_year_earlier_month_are_left_alone():
    assert not any(f.period == "2025-05" for f in read())


def test_a_row_inserted_and_the_lines_renumbered_change_nothing():
    rows = ebops.with_row_inserted(FREELANCE, "   9.2.5 Cloud computing services", dict(zip(HEADERS, (9_000, 9_500, 80_000, 95_000))))
    rows = tuple((label.replace("9.2.5 Freelance", "9.2.6 Freelance") if "Freelance" in label else label, credits) for label, credits in rows)
    assert values(read(Layout(rows=rows))) == values(read())


def test_columns_moved_are_found_by_their_header():
    moved = tuple(reversed(HEADERS))  # the cumulative columns first, then the months
    assert values(read(Layout(headers=moved))) == values(read())


def test_the_credit_column_is_the_one_labelled_credit():
    assert values(read(Layout(triplet=("Debit", "Credit", "Net")))) == values(read())


def test_credit_labels_in_another_order_are_read_by_label_not_position():
    order = Layout(triplet=("Net", "Debit", "Credit"))
    assert values(read(order)) == values(read())
    assert {f.column_header for f in read(order)} == set(HEADERS)


@pytest.mark.parametrize(
    "layout",
    [
        Layout(labelled=False),  # the label row dropped, Credit still first
        Layout(labelled=False, holding=("Debit", "Credit", "Net")),  # dropped, and Debit moved first
        Layout(triplet=("Payments", "Receipts", "Balance"), holding=("Debit", "Credit", "Net")),  # relabelled, Debit first
    ],
    ids=["unlabelled", "unlabelled-debit-first", "relabelled-debit-first"],
)
def test_without_credit_debit_net_labels_it_stops_rather_than_guess_the_column(layout):
    e = failure(workbook(layout))
    assert (e.reason, e.detail) == (
        "layout_changed",
        "dt.xls, sheet 'EBOPS ': no Credit/Debit/Net labels under 'Apr-26 (R)' (rows 8-10), so its Credit column cannot be told from Debit",
    )


def test_two_columns_labelled_credit_under_one_period_stop_it():
    e = failure(workbook(Layout(triplet=("Credit", "Credit", "Net"), holding=("Debit", "Credit", "Net"))))
    assert (e.reason, e.detail) == ("layout_changed", "dt.xls, sheet 'EBOPS ': 2 columns labelled Credit under 'Apr-26 (R)' (columns E, F)")


def test_a_label_renamed_stops_with_the_file_sheet_and_missing_label():
    e = failure(workbook(Layout(rows=ebops.relabelled(FREELANCE, "9.2.5 Freelancing"))))
    assert e.reason == "layout_changed"
    assert e.detail == "dt.xls, sheet 'EBOPS ': no row labelled '9.2.5 Freelance of Computer and Information Services' (SBP may have renamed or removed the line)"


def test_a_line_given_twice_is_ambiguous():
    rows = ebops.ROWS + (("9.1 Telecommunications services", dict(zip(HEADERS, (1, 2, 3, 4)))),)
    assert "2 rows labelled '9.1 Telecommunications services'" in failure(workbook(Layout(rows=rows))).detail


def test_months_that_are_no_longer_text_headers_stop_it():
    e = failure(workbook(Layout(dates_for_months=True)))
    assert e.reason == "layout_changed" and "dt.xls, sheet 'EBOPS ': the header row (row 7) names no month" in e.detail


@pytest.mark.parametrize(
    "newest",
    ["May-26P", "May-26 (P)*", "May-26 (Prov.)", "May 26 P", "Jul-May, FY26P"],
)
def test_a_period_header_written_another_way_stops_it_rather_than_skip_the_newest_figures(newest):
    """A period's header in a form not read ('May-26P', a footnote mark, 'Prov.'), over its
    Credit, Debit and Net: the release stops with the cell named, instead of being read
    without that period, as if SBP had not published it."""
    replaced = "Jul-May, FY26 (P)" if "FY" in newest else "May-26 (P)"
    e = failure(workbook(ebops.release(tuple(newest if header == replaced else header for header in HEADERS), {})))
    column = "N" if "FY" in newest else "H"
    assert (e.reason, e.detail) == (
        "layout_changed",
        f"dt.xls, sheet 'EBOPS ': the header row (row 7) has '{newest}' over column {column}'s Credit, Debit and Net,"
        " but it is no period the monitor can read (such as 'May-26 (P)' or 'Jul-May, FY26 (P)'), so that column is not skipped silently",
    )


def test_a_header_row_without_periods_stops_it():
    e = failure(workbook(Layout(headers=("April", "May", "Year to date", "Last year"))))
    assert e.reason == "layout_changed" and "no header row naming periods" in e.detail


def test_a_missing_credit_column_stops_it():
    e = failure(workbook(Layout(triplet=("Receipts", "Debit", "Net"))))
    assert e.reason == "layout_changed" and "no Credit column under 'Apr-26 (R)'" in e.detail


def test_a_renamed_sheet_stops_it_and_names_the_sheets():
    e = failure(workbook(Layout(sheet="EBOPS-2010")))
    assert (e.reason, e.detail) == ("layout_changed", "dt.xls: no sheet named 'EBOPS' (sheets: 'EBOPS-2010')")


def test_a_cell_without_a_number_stops_it():
    e = failure(workbook(Layout(blank=((LINE_9, "May-26 (P)"),))))
    assert e.reason == "layout_changed"
    assert "row '9. Telecommunications, Computer and information services', column 'May-26 (P)' (Credit, H) holds '', not a number" in e.detail


def test_values_in_millions_are_caught_not_stored():
    e = failure(workbook(Layout(scale=0.001, unit_note="")))  # same figures, a thousand times smaller
    assert e.reason == "layout_changed" and "are the values still in US$ thousands?" in e.detail
    stated = failure(workbook(Layout(unit_note="(Million US$)")))
    assert "states its values in millions" in stated.detail


def test_an_html_page_is_not_a_workbook():
    e = failure(b"<!DOCTYPE html><html><head><title>State Bank of Pakistan</title></head><body>Home</body></html>", content_type="text/html")
    assert e.reason == "not_a_workbook"
    assert e.detail == "dt.xls: an HTML page ('State Bank of Pakistan') was answered in place of the workbook; the file may have moved"


def test_other_bytes_are_a_parse_error():
    assert failure(b"%PDF-1.7 not a spreadsheet").reason == "parse_error"
    assert failure(workbook()[:2000]).reason == "parse_error"  # cut short
    assert failure(b"").reason == "parse_error"


def test_a_workbook_cut_short_anywhere_is_a_parse_error_or_reads_whole():
    """Some cuts make the workbook library panic rather than raise its own error: still a
    parse_error, never a crash, and never figures other than the whole file's."""
    whole = workbook()
    full = values(read())
    for end in range(512, len(whole), 64):
        try:
            got = values(read_ebops(whole[:end], url=URL, fetched_at=FETCHED))
        except WorkbookError as e:
            assert e.reason in ("parse_error", "layout_changed"), (end, e)
        else:
            assert got == full, end


def test_a_panic_of_the_workbook_library_stays_off_stderr(tmp_path):
    """The library prints a panic's report (a backtrace with RUST_BACKTRACE=1) straight to
    descriptor 2: the operator sees the one-line error only, in a real process."""
    cut = tmp_path / "cut.xls"
    cut.write_bytes(workbook()[:4096])  # a cut that makes the library panic
    script = (
        "import pathlib, sys\n"
        "from monitor.sbp import read_ebops, WorkbookError\n"
        "print('before', file=sys.stderr, flush=True)\n"
        f"try: read_ebops(pathlib.Path({str(cut)!r}).read_bytes(), url='https://example.org/dt.xls', fetched_at='2025-08-19T00:00:00+00:00')\n"
        "except WorkbookError as e: print(e.reason, e.detail)\n"
        "print('after', file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env={**os.environ, "RUST_BACKTRACE": "1"}, timeout=60)
    assert done.stdout.startswith("parse_error dt.xls: cannot read the workbook: it is damaged or cut short"), done
    assert done.stderr == "before\nafter\n"


def test_what_else_is_written_to_stderr_while_the_library_runs_is_passed_on(capfd):
    with sbp._panic_messages_held():
        os.write(2, b"WARNING another source failed\n\nthread '<unnamed>' (7) panicked at src/cfb.rs:305:41:\nslice index starts at 4096 but ends at 3584\n")
        os.write(2, b"stack backtrace:\n   0: __rustc::rust_begin_unwind\n             at /rustc/library/std/src/panicking.rs:697:5\n")
        os.write(2, b"note: Some details are omitted, run with `RUST_BACKTRACE=full` for a verbose backtrace.\nINFO the next line\n")
    assert capfd.readouterr().err == "WARNING another source failed\nINFO the next line\n"


def test_stderr_written_while_the_library_runs_without_a_panic_is_passed_on_whole(capfd):
    with sbp._panic_messages_held():
        os.write(2, b"one\n\ntwo")
    assert capfd.readouterr().err == "one\n\ntwo"


def test_a_july_release_reads_its_year_to_date_as_the_month():
    july = ebops.release(("Jun-25 (R)", "Jul-25 (P)", "Jul, FY25", "Jul, FY26 (P)"), {LINE_9: (338_000, 354_000, 286_000, 354_000)})
    got = values(read(july))
    assert (got[("it_exports_monthly", "2025-07")], got[("it_exports_monthly", "2024-07")], got[("it_exports_monthly", "2025-06")]) == (354.0, 286.0, 338.0)
    assert not any(series == "it_exports_cumulative" for series, _ in got)


def test_two_columns_that_disagree_about_a_period_stop_it():
    july = ebops.release(("Jun-25 (R)", "Jul-25 (P)", "Jul, FY25", "Jul, FY26 (P)"), {LINE_9: (338_000, 354_000, 286_000, 355_000)})
    e = failure(workbook(july))
    assert e.reason == "layout_changed" and "gives two values for 2025-07: 354 under 'Jul-25 (P)' and 355 under 'Jul, FY26 (P)'" in e.detail


@pytest.mark.parametrize(
    "header, parsed",
    [
        ("May-26 (P)", ("2026-05", "month", "provisional")),
        ("Apr-26 (R)", ("2026-04", "month", "revised")),
        ("Jun-25", ("2025-06", "month", "")),
        ("Jul-May, FY25", ("FY2024-25:Jul-May", "cumulative", "")),
        ("Jul\u00a0-\u00a0May,FY26(P)", ("FY2025-26:Jul-May", "cumulative", "provisional")),
        ("Jul-Sep, FY26", ("FY2025-26:Q1", "cumulative", "")),
        ("Jul-Dec, FY26 (R)", ("FY2025-26:H1", "cumulative", "revised")),
        ("Jul-Jun, FY25", ("FY2024-25", "annual", "")),
        ("Jul, FY26 (P)", ("2025-07", "month", "provisional")),
        ("Oct-Dec, FY26", None),  # not a year to date
        ("Trade in Services", None),
        ("Credit", None),
    ],
)
def test_parse_header(header, parsed):
    assert parse_header(header) == parsed


def test_newest_period_end():
    assert newest_period_end(read()) == "2026-05-31"
    assert newest_period_end([]) is None


# --------------------------------------------------------------------------- polled from a server

XLS = "application/vnd.ms-excel"


def serve_bytes(body: bytes, content_type: str = XLS, headers: dict | None = None):
    return lambda h: send(h, 200, body, content_type, headers or {})


def sbp_config(write_config, base: str, path: str = "/ecodata/dt.xls", extra_sources: str = ""):
    return load_config(write_config(f"- name: SBP - Trade in services\n  url: {base}{path}\n  kind: sbp_ebops\n" + extra_sources, extra="fetch:\n  retries: 0\n  host_delay: 0\n"))


def official_rows(store) -> list[dict]:
    return list(store.db.query("SELECT * FROM facts WHERE origin = 'official' ORDER BY id"))


def last_fetch(store, source="SBP - Trade in services") -> dict:
    return next(store.db.query("SELECT * FROM fetches WHERE source = ? ORDER BY id DESC LIMIT 1", [source]))


def test_a_polled_workbook_becomes_official_figures_with_provenance(write_config, store):
    routes = {"/ecodata/dt.xls": serve_bytes(workbook(), headers={"Last-Modified": LAST_MODIFIED})}
    with SiteServer(routes=routes) as server:
        config = sbp_config(write_config, server.base)
        summary = pipeline.poll(config, store)
        url = f"{server.base}/ecodata/dt.xls"
        accept = server.requests[0][1]["accept"]
    assert [(r.outcome, r.new_items) for r in summary.reports] == [("ok", len(LINES) * len(HEADERS))]
    assert accept.startswith("application/vnd.ms-excel")
    rows = official_rows(store)
    assert {(r["series"], r["period"]): r["value"] for r in rows if (r["series"], r["period"]) in REFERENCE} == REFERENCE
    may = next(r for r in rows if (r["series"], r["period"]) == ("freelancer_earnings", "2026-05"))
    assert (may["origin"], may["item"], may["source"], may["status"], may["file_url"], may["sheet"], may["column_header"]) == ("official", None, "SBP - Trade in services", "provisional", url, "EBOPS ", "May-26 (P)")
    assert may["row_label"].strip() == FREELANCE and may["published"] == "2026-06-18T11:00:00+00:00" and may["found_at"]
    assert may["quote"].startswith("dt.xls, sheet 'EBOPS', row '9.2.5 Freelance")
    state = store.source_state("SBP - Trade in services")
    assert (state.last_outcome, state.newest_entry) == ("ok", "2026-05-31")
    assert store.count_items() == 0  # figures, not news items
    assert store.db.execute("SELECT (SELECT count(*) FROM dedup_items) + (SELECT count(*) FROM events)").fetchone()[0] == 0  # nor stories or events


def test_polling_the_same_release_again_stores_nothing_new(write_config, store):
    routes = {"/ecodata/dt.xls": serve_bytes(workbook())}
    with SiteServer(routes=routes) as server:
        config = sbp_config(write_config, server.base)
        pipeline.poll(config, store)
        second = pipeline.poll(config, store, force=True)
    assert [(r.outcome, r.new_items) for r in second.reports] == [("ok", 0)]
    assert len(official_rows(store)) == len(LINES) * len(HEADERS)


APRIL = ebops.release(
    ("Mar-26 (R)", "Apr-26 (P)", "Jul-Apr, FY25", "Jul-Apr, FY26 (P)"),
    {LINE_9: (398_000, 420_100, 3_151_170, 3_810_170), FREELANCE: (99_400, 102_910, 630_200, 959_280)},
)


def test_a_provisional_month_revised_is_stored_as_a_revision_of_the_old_value(write_config, store):
    releases = [workbook(APRIL), workbook()]
    with SiteServer(routes={"/ecodata/dt.xls": lambda h: send(h, 200, releases[0], XLS)}) as server:
        config = sbp_config(write_config, server.base)
        pipeline.poll(config, store)
        releases.pop(0)
        report = pipeline.poll(config, store, force=True).reports[0]
    april = list(store.db.query("SELECT id, value, status, revises, column_header FROM facts WHERE series = 'it_exports_monthly' AND period = '2026-04' ORDER BY id"))
    assert [(r["value"], r["status"], r["column_header"]) for r in april] == [(420.1, "provisional", "Apr-26 (P)"), (422.26, "revised", "Apr-26 (R)")]
    assert april[1]["revises"] == april[0]["id"]
    # the freelance line's April was confirmed unchanged: its status moves to revised, no new row
    freelance = list(store.db.query("SELECT value, status, revises FROM facts WHERE series = 'freelancer_earnings' AND period = '2026-04'"))
    assert freelance == [{"value": 102.91, "status": "revised", "revises": None}]
    assert report.outcome == "ok" and report.new_items > 0


def test_figures_read_again_never_corroborate_or_revise_news(store):
    news = {"series": "it_exports_monthly", "period": "2026-05", "value": 373.0, "unit": "USD_million", "quote": "IT exports were $373m in May.", "item": "n1", "source": "Dawn", "published": "2026-06-19", "found_at": "2026-06-19"}
    store.save_facts([news])
    store.save_official_facts(read(), source="SBP")
    store.save_facts([{**news, "item": "n2", "source": "Profit", "value": 380.0}])  # 2% off: a revision of Dawn's, not of SBP's
    rows = {r["source"]: r for r in store.db.query("SELECT * FROM facts WHERE period = '2026-05' AND series = 'it_exports_monthly'")}
    assert rows["SBP"]["corroborates"] is None and rows["SBP"]["revises"] is None
    first = rows["Dawn"]["id"]
    assert rows["Profit"]["revises"] == first


@pytest.mark.parametrize(
    "name, route, outcome, words",
    [
        ("html", lambda h: send(h, 200, b"<!doctype html><html><head><title>SBP | Home</title></head><body>Welcome</body></html>", "text/html; charset=utf-8"),
         "not_a_workbook", "dt.xls: an HTML page ('SBP | Home') was answered in place of the workbook"),
        ("403", lambda h: send(h, 403, b"<h1>Access denied</h1>", "text/html"), "blocked", "HTTP 403 Forbidden: the site refuses this client"),
        ("renamed", serve_bytes(workbook(Layout(rows=ebops.relabelled(FREELANCE, "9.2.5 Freelancing services")))),
         "layout_changed", "dt.xls, sheet 'EBOPS ': no row labelled '9.2.5 Freelance of Computer and Information Services'"),
        ("moved-home", lambda h: send(h, 302, b"", "", {"Location": "/"}), "not_a_workbook", "an HTML page"),
        ("relabelled-debit-first", serve_bytes(workbook(Layout(triplet=("Payments", "Receipts", "Balance"), holding=("Debit", "Credit", "Net")))),
         "layout_changed", "dt.xls, sheet 'EBOPS ': no Credit/Debit/Net labels under 'Apr-26 (R)'"),
        ("cut-short", serve_bytes(workbook()[:-64]), "parse_error", "dt.xls: cannot read the workbook"),
    ],
)
def test_drift_stops_the_source_with_its_outcome_and_stores_nothing(write_config, store, name, route, outcome, words):
    """A broken release fails only its source, names why, and leaves earlier figures alone."""
    home = lambda h: send(h, 200, b"<html><head><title>State Bank of Pakistan</title></head><body>Home</body></html>", "text/html")  # noqa: E731
    routes = {"/ecodata/dt.xls": serve_bytes(workbook()), "/broken/dt.xls": route, "/": home, "/feed.xml": serve_bytes(FEED, "application/rss+xml")}
    with SiteServer(routes=routes) as server:
        good = sbp_config(write_config, server.base)
        pipeline.poll(good, store)
        before = official_rows(store)
        config = sbp_config(write_config, server.base, "/broken/dt.xls", f"- name: Wire\n  url: {server.base}/feed.xml\n  full_text: false\n")
        summary = pipeline.poll(config, store, force=True)
    reports = {r.source: r for r in summary.reports}
    assert reports["SBP - Trade in services"].outcome == outcome
    assert words in reports["SBP - Trade in services"].error
    assert reports["Wire"].outcome == "ok"  # the others carry on
    fetch = last_fetch(store)
    assert fetch["outcome"] == outcome and words in fetch["error"]
    assert official_rows(store) == before
    state = store.source_state("SBP - Trade in services")
    assert (state.last_outcome, state.consecutive_failures) == (outcome, 1)


def test_a_served_release_with_a_row_inserted_and_columns_moved_gives_the_same_figures(write_config, store):
    rows = ebops.with_row_inserted(FREELANCE, "   9.2.5 Cloud computing services", dict(zip(HEADERS, (9_000, 9_500, 80_000, 95_000))))
    rows = tuple((label.replace("9.2.5 Freelance", "9.2.6 Freelance") if "Freelance" in label else label, credits) for label, credits in rows)
    drifted = workbook(Layout(rows=rows, headers=tuple(reversed(HEADERS)), triplet=("Debit", "Credit", "Net")))
    with SiteServer(routes={"/ecodata/dt.xls": serve_bytes(drifted)}) as server:
        report = pipeline.poll(sbp_config(write_config, server.base), store).reports[0]
    assert report.outcome == "ok"
    assert {(r["series"], r["period"]): r["value"] for r in official_rows(store)} == values(read())


FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>IT exports steady</title><link>https://example.com/a</link><description>Exporters say orders held up.</description><pubDate>Fri, 19 Jun 2026 08:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_a_403_on_a_feed_is_blocked_with_a_hint(write_config, store):
    with SiteServer(routes={"/feeds/business-finance": lambda h: send(h, 403, b"Forbidden", "text/plain")}) as server:
        config = load_config(write_config(f"- name: Business Recorder\n  url: {server.base}/feeds/business-finance\n", extra="fetch:\n  retries: 0\n"))
        report = pipeline.poll(config, store).reports[0]
    assert report.outcome == "blocked"
    assert "HTTPS_PROXY" in report.error and "data-centre addresses" in report.error


def test_the_standard_proxy_variables_are_honoured(write_config, store, monkeypatch):
    """HTTP_PROXY sends the request to the proxy (a local server answering as one would, for a
    host that does not exist); NO_PROXY lets a host bypass it."""
    with SiteServer(routes={"/ecodata/dt.xls": serve_bytes(workbook())}) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.base)
        for name in ("http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        config = sbp_config(write_config, "http://sbp.example.invalid")
        report = pipeline.poll(config, store).reports[0]
        assert (report.outcome, report.error) == ("ok", None)
        assert proxy.requests[0][0] == "http://sbp.example.invalid/ecodata/dt.xls"  # the absolute form a proxy is sent
        monkeypatch.setenv("NO_PROXY", ".example.invalid")
        bypassed = pipeline.poll(config, store, force=True).reports[0]
    assert bypassed.outcome == "dns" and len(proxy.requests) == 1


# --------------------------------------------------------------------------- the demo's sample


def test_the_demo_workbook_is_what_its_script_writes_and_reads_as_published(tmp_path):
    import importlib.util

    from monitor.demo import DEMO_SITE

    script = DEMO_SITE / "sbp" / "make_dt_xls.py"
    spec = importlib.util.spec_from_file_location("make_dt_xls", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(tmp_path / "dt.xls")
    committed = (DEMO_SITE / "sbp" / "ecodata" / "dt.xls").read_bytes()
    assert (tmp_path / "dt.xls").read_bytes() == committed
    got = values(read_ebops(committed, url=URL, fetched_at=FETCHED))
    # the published figures the demo's articles quote
    assert (got[("it_exports_monthly", "2025-07")], got[("it_exports_monthly", "2025-06")], got[("it_exports_monthly", "2024-07")]) == (354.0, 338.0, 286.0)
    assert (got[("computer_services_exports", "2025-07")], got[("software_consultancy_exports", "2025-07")], got[("software_consultancy_exports", "2025-06")]) == (311.0, 104.0, 96.0)


def test_a_number_stored_as_text_is_read_as_that_number():
    rows = tuple((label, {h: (f"{v:,.0f}" if label == LINE_9 else v) for h, v in credits.items()}) for label, credits in ebops.ROWS)
    assert values(read(Layout(rows=rows))) == values(read())
    dashes = tuple((label, {h: ("-" if label == LINE_9 and h == "May-26 (P)" else v) for h, v in credits.items()}) for label, credits in ebops.ROWS)
    assert failure(workbook(Layout(rows=dashes))).reason == "layout_changed"
