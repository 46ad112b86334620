"""Watched pages end to end: a real HTTP server on 127.0.0.1 whose policy page changes between
polls, the real poll cycle, a real SQLite archive."""

from __future__ import annotations

import json
import threading

import pytest

from monitor import pipeline
from monitor.config import load_config
from monitor.sitesrv import SiteServer, send
from monitor.weeks import iso_week
from pdfs import make_pdf
from faultsite import quietly

SOURCE = "Test PTA VPN page"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>VPN registration | Test Authority</title></head>
<body>
<header><nav><a href="/">Home</a> <a href="/faqs">FAQs</a></nav></header>
<main id="content">
<h1>VPN registration</h1>
<p class="meta">Last updated: {updated}</p>
<p>Companies and freelancers who use a VPN for legitimate work must register it with the Authority through the online portal.</p>
<h2>Documents</h2>
<ul><li>Companies: CNIC of the applicant and proof of active taxpayer status.</li><li>Freelancers: CNIC of the applicant and a letter from the client.</li></ul>
<h2>Fee</h2>
<p>Registration is free. {fee}</p>
<h2>Processing</h2>
<p>Complete applications are processed within 8 to 10 working hours.</p>
<h2>Notices</h2>
<ul>{notices}</ul>
<p>Page views: {views}</p>
</main>
<footer><p>&copy; 2025 Test Authority</p></footer>
</body></html>
"""

NOTICE_PDF = make_pdf(
    [[
        "TEST TELECOMMUNICATION AUTHORITY",
        "",
        "Notification on the registration of VPNs",
        "",
        "Freelancers may register their VPNs through the online portal until 30 September 2025.",
        "More than 25,000 VPNs have been registered so far.",
    ]],
    title="Notification on VPN registration",
)


class PolicySite:
    """The policy page as the test sets it, and ways for it to fail."""

    def __init__(self):
        self.values = dict(updated="12 August 2025", fee="A fee applies when five or more IP addresses are whitelisted.", notices='<li><a href="/docs/old-notice.pdf">Public notice of 2024</a></li>', views="48,213")
        self.mode = "ok"
        self.body: bytes | None = None  # served instead of the page when set
        self.files: dict[str, bytes] = {"/docs/new-notice.pdf": NOTICE_PDF}
        self.requests: list[dict[str, str]] = []
        self.lock = threading.Lock()

    def html(self) -> bytes:
        return PAGE.format(**self.values).encode("utf-8")

    def page(self, h) -> None:
        self.requests.append({k.lower(): v for k, v in h.headers.items()})
        body = self.body if self.body is not None else self.html()
        if self.mode == "500":
            send(h, 500, b"internal error", "text/plain")
        elif self.mode == "empty":
            send(h, 200, b"", "text/html")
        elif self.mode == "huge":  # 3 MB with no Content-Length: only counting while reading stops it
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            h.wfile.write(body[: body.index(b"</main>")])
            for _ in range(3 * 64):
                h.wfile.write(b"<p>" + b"Padding of a page that never ends. " * 460 + b"</p>\n")
        elif self.mode == "cut":  # the connection closes half way through the page, no Content-Length
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            h.wfile.write(body[: len(body) // 2])
        elif self.mode == "short":  # a Content-Length the body never reaches
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(body) * 2))
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            h.wfile.write(body)
        else:
            send(h, 200, body, "text/html; charset=utf-8", {"ETag": f'"{hash(body) & 0xFFFFFFFF:x}"'} if self.mode == "etag" else None)

    def file(self, h) -> None:
        path = h.path.split("?")[0]
        if path in self.files:
            send(h, 200, self.files[path], "application/pdf")
        else:
            send(h, 404, b"not found", "text/plain")


@pytest.fixture
def policy():
    site = PolicySite()
    routes = {"/policy/vpn": quietly(site.page), **{p: site.file for p in ("/docs/new-notice.pdf", "/docs/second.pdf", "/docs/third.pdf", "/docs/gone.pdf")}}
    with SiteServer(routes=routes) as server:
        site.base = server.base
        yield site


@pytest.fixture
def watch_config(policy, write_config):
    def make(extra_source: str = "", extra: str = ""):
        path = write_config(
            f"""
            - name: {SOURCE}
              url: {policy.base}/policy/vpn
              kind: watch
              topics: [vpn_internet]
            {extra_source}
            """,
            extra="fetch:\n  host_delay: 0\n  retries: 0\n  max_bytes: 1000000\n" + extra,
        )
        return load_config(path)

    return make


def poll(config, store) -> pipeline.SourceReport:
    summary = pipeline.poll(config, store, force=True)
    (report,) = summary.reports
    return report


def versions(store) -> list[dict]:
    return store.page_versions(SOURCE)


def outcomes(store) -> list[str]:
    return [r["outcome"] for r in store.db.query("SELECT outcome FROM fetches WHERE source = ? ORDER BY id", [SOURCE])]


# --------------------------------------------------------------------------- versions


def test_the_first_poll_stores_a_baseline_and_an_unchanged_page_nothing_more(policy, watch_config, store):
    config = watch_config()
    assert poll(config, store).outcome == "ok"
    (first,) = versions(store)
    assert (first["version"], first["kind"], first["title"]) == (1, "baseline", "VPN registration")
    assert "Freelancers: CNIC of the applicant and a letter from the client." in first["text"]
    assert first["links"] == [{"url": f"{policy.base}/docs/old-notice.pdf", "text": "Public notice of 2024"}]
    assert first["page_date"] == "2025-08-12" and first["relevant"]
    report = poll(config, store)
    assert (report.outcome, report.changed) == ("ok", False)
    assert len(versions(store)) == 1
    assert outcomes(store) == ["ok", "ok"]
    assert store.count_items() == 0  # the documents a page already links to are its baseline, not news


def test_a_new_timestamp_and_counter_are_not_a_change(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.values.update(updated="21 August 2025", views="49,001")
    assert not poll(config, store).changed
    assert len(versions(store)) == 1


def test_a_real_edit_is_stored_with_a_readable_diff(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.values.update(fee="A fee applies when ten or more IP addresses are whitelisted.", updated="21 August 2025")
    summary = pipeline.poll(config, store, force=True)
    assert summary.reports[0].changed and "1 watched page changed" in summary.line()
    first, second = versions(store)
    assert (second["version"], second["kind"], second["changed"], second["added"], second["removed"]) == (2, "change", 1, 0, 0)
    assert second["diff"] == "~ A fee applies when [-five-] {+ten+} or more IP addresses are whitelisted."
    assert second["summary"] == "1 changed"
    (change,) = second["changes"]
    assert change["op"] == "changed" and change["before"] == "A fee applies when five or more IP addresses are whitelisted."
    assert second["page_date"] == "2025-08-21"
    assert second["week"] == iso_week(second["fetched_at"], config.tz) and second["fetched_at"] >= first["fetched_at"]
    assert second["relevant"] and "vpn_internet" in second["topics"]


def test_a_page_behind_a_login_lends_it_to_its_documents_but_no_version_keeps_it(policy, write_config, store):
    """``http://reader:PAGEPASS@host/policy/vpn``: its document links ("/docs/...") are read
    as ``http://reader:PAGEPASS@host/docs/...`` and fetched so, but each version kept them
    with the login, for Datasette, the digest and the feeds to show. They are kept without
    it, and a poll that sees the same links finds the page unchanged."""
    import sqlite3

    behind = policy.base.replace("http://", "http://reader:PAGEPASS@")
    path = write_config(f"- name: {SOURCE}\n  url: {behind}/policy/vpn\n  kind: watch\n  topics: [vpn_internet]\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n")
    config = load_config(path)
    poll(config, store)
    assert policy.requests[-1]["authorization"].startswith("Basic ")
    (first,) = versions(store)
    assert first["links"] == [{"url": f"{policy.base}/docs/old-notice.pdf", "text": "Public notice of 2024"}]
    assert not poll(config, store).changed  # the same links as stored: no version
    policy.values["notices"] += '<li><a href="/docs/new-notice.pdf">Notification on VPN registration for freelancers</a></li>'
    report = poll(config, store)
    assert report.changed and report.new_items == 1
    second = versions(store)[-1]
    assert [c["url"] for c in second["changes"] if c["op"] == "document"] == [f"{policy.base}/docs/new-notice.pdf"]
    assert second["documents"] == 1 and second["removed"] == 0
    assert not poll(config, store).changed
    with sqlite3.connect(store.path) as conn:
        assert "PAGEPASS" not in "\n".join(conn.iterdump())


def test_a_new_pdf_link_is_a_change_and_the_pdf_is_read_and_analysed(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.values["notices"] += '<li><a href="/docs/new-notice.pdf">Notification on VPN registration for freelancers</a></li>'
    report = poll(config, store)
    assert report.changed and report.new_items == 1
    second = versions(store)[-1]
    assert second["documents"] == 1 and second["added"] == 0  # the link text is the document's line, not a sentence too
    (doc,) = second["changes"]
    assert doc["op"] == "document" and doc["url"] == f"{policy.base}/docs/new-notice.pdf" and doc["note"] == "PDF, 1 page"
    item = store.item(doc["item"])
    assert item["title"] == "Notification on VPN registration for freelancers"
    assert item["source"] == SOURCE and item["extraction"] == "ok"
    assert "Freelancers may register their VPNs through the online portal until 30 September 2025." in item["text"]
    assert item["relevant"] and "vpn_internet" in item["topics"]
    facts = store.facts("vpn_registrations")
    assert [(f["value"], f["item"]) for f in facts] == [(25000.0, doc["item"])]
    # the same link seen again is no news, and the PDF is not fetched again
    fetched = len([r for r in policy.requests])
    assert not poll(config, store).changed
    assert store.count_items() == 1 and len(policy.requests) == fetched + 1


def test_a_document_that_cannot_be_read_is_still_a_change(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.values["notices"] += '<li><a href="/docs/gone.pdf">Circular on IP whitelisting</a></li>'
    assert poll(config, store).changed
    (doc,) = versions(store)[-1]["changes"]
    assert doc["note"] == "not read: http_4xx (HTTP 404 Not Found)"
    item = store.item(doc["item"])
    assert item["title"] == "Circular on IP whitelisting" and item["text"] == "" and item["extraction"].startswith("fetch http_4xx")


def test_at_most_max_documents_are_read_in_one_poll(policy, watch_config, store):
    config = watch_config(extra="watch:\n  max_documents: 1\n")
    policy.files["/docs/second.pdf"] = make_pdf([["A second notice about internet services for software houses."]])
    poll(config, store)
    policy.values["notices"] += '<li><a href="/docs/new-notice.pdf">Notification one</a></li><li><a href="/docs/second.pdf">Notification two</a></li>'
    assert poll(config, store).new_items == 1
    notes = [c["note"] for c in versions(store)[-1]["changes"]]
    assert notes == ["PDF, 1 page", "not read: more than 1 new documents in one poll"]


# --------------------------------------------------------------------------- failures are not changes


def test_an_error_midway_records_no_change(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    for mode, outcome in (("500", "http_5xx"), ("short", "connect")):
        policy.mode = mode
        report = poll(config, store)
        assert report.outcome != "ok" and not report.changed, mode
    policy.mode = "ok"
    assert not poll(config, store).changed  # back as it was: still version 1, nothing removed
    assert len(versions(store)) == 1
    assert outcomes(store)[1] == "http_5xx" and outcomes(store)[-1] == "ok"
    policy.values["fee"] = "A fee applies when ten or more IP addresses are whitelisted."
    assert poll(config, store).changed
    assert versions(store)[-1]["diff"] == "~ A fee applies when [-five-] {+ten+} or more IP addresses are whitelisted."


def test_an_empty_answer_records_no_change(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.mode = "empty"
    assert poll(config, store).outcome == "empty"
    policy.mode = "ok"
    policy.body = b"<!DOCTYPE html><html><head><title>VPN registration</title></head><body><main id='content'></main></body></html>"
    report = poll(config, store)
    assert (report.outcome, report.error) == ("empty", "no text in the page's main content")
    assert len(versions(store)) == 1
    assert store.source_state(SOURCE).consecutive_failures == 2


def test_an_address_that_answers_with_a_pdf_or_binary_data_is_a_failed_fetch_not_a_version(policy, watch_config, store):
    """The bytes of a PDF or an image are no text to track: never a baseline of gibberish,
    nor a change that removed the page."""
    config = watch_config()
    policy.body = NOTICE_PDF  # served as text/html, as a misconfigured server does
    report = poll(config, store)
    assert (report.outcome, report.error) == ("parse_error", "the address answers with a PDF, not a web page: watch the page that links to it (new documents linked from a watched page are read)")
    assert versions(store) == []
    policy.body = None
    poll(config, store)
    policy.body = bytes(range(256)) * 40  # an image, say
    report = poll(config, store)
    assert (report.outcome, report.error) == ("parse_error", "the address answers with binary data (text/html), not a web page")
    assert [v["kind"] for v in versions(store)] == ["baseline"]


def test_a_selector_that_matches_nothing_is_an_empty_answer(policy, watch_config, store):
    report = poll(watch_config(extra_source='  selector: "#policy-text"'), store)
    assert report.outcome == "empty" and "'#policy-text' matches nothing" in report.error
    assert versions(store) == []


def test_a_huge_page_cut_off_by_the_fetch_limit_records_no_change(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.mode = "huge"
    report = poll(config, store)
    assert report.outcome == "too_large" and "1000000" in report.error
    assert len(versions(store)) == 1 and versions(store)[0]["kind"] == "baseline"


def test_a_page_cut_short_in_transfer_is_truncated_not_everything_removed(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.mode = "cut"
    report = poll(config, store)
    assert report.outcome == "truncated" and "</html>" in report.error
    assert len(versions(store)) == 1
    assert store.source_state(SOURCE).last_outcome == "truncated"


def test_a_page_the_site_now_writes_without_its_closing_tag_is_tracked_again_after_a_second_look(policy, watch_config, store):
    """HTML may leave out </html>: a site that drops it for good is not "truncated" at every
    poll from then on. One poll without it fails as a page possibly cut short; the same text
    again is how the page is now, compared as ever."""
    config = watch_config()
    poll(config, store)
    policy.values.update(fee="A fee applies when ten or more IP addresses are whitelisted.")
    policy.body = policy.html().replace(b"</body></html>", b"")
    first = poll(config, store)
    assert first.outcome == "truncated" and "</html>" in first.error
    second = poll(config, store)
    assert second.outcome == "ok" and second.changed
    assert versions(store)[-1]["diff"] == "~ A fee applies when [-five-] {+ten+} or more IP addresses are whitelisted."
    third = poll(config, store)
    assert third.outcome == "ok" and not third.changed and len(versions(store)) == 2
    assert outcomes(store) == ["ok", "truncated", "ok", "ok"]


def test_a_page_that_loses_most_of_its_text_is_held_until_the_next_poll_confirms_it(policy, watch_config, store):
    config = watch_config()
    policy.mode = "etag"
    poll(config, store)
    maintenance = b"<!DOCTYPE html><html><body><main id='content'><h1>VPN registration</h1><p>This page is being updated. Please visit again later.</p></main></body></html>"
    policy.body = maintenance
    report = poll(config, store)
    assert report.outcome == "ok" and not report.changed
    assert len(versions(store)) == 1
    assert "of the page's sentences are gone" in store.page_pending(SOURCE)["reason"]
    # the next request asks for the whole page again, not "if none match" the held one
    poll(config, store)
    assert "if-none-match" not in policy.requests[-1]
    assert [v["kind"] for v in versions(store)] == ["baseline", "change"]
    assert versions(store)[-1]["removed"] >= 5
    assert store.page_pending(SOURCE) is None


PORTAL = (
    b"<!DOCTYPE html><html><head><title>Office Wi-Fi</title></head><body><h1>Welcome to Office Wi-Fi</h1>"
    b"<p>Please log in to use the internet.</p><form method='post' action='/login'><input name='user'>"
    b"<input type='password' name='pass'><button>Log in</button></form><p>Terms of use apply.</p></body></html>"
)


def test_a_captive_portals_login_page_is_never_a_version_of_the_page(policy, watch_config, store):
    """Behind a network login page (office or hotel Wi-Fi) a plain-http page is answered with
    the portal's form, poll after poll: it was stored as the page's next version ("2 added, 4
    removed"), and the page's own text, once the portal went, as another change. The form in
    place of the page's text is a failure of the source; the page's versions do not move."""
    config = watch_config()
    poll(config, store)
    policy.body = PORTAL
    for _ in range(3):  # however many polls confirm it
        report = poll(config, store)
        assert report.outcome == "login_page" and "captive portal" in report.error, report
    assert [v["kind"] for v in versions(store)] == ["baseline"]
    assert store.source_state(SOURCE).consecutive_failures == 3
    policy.body = None
    report = poll(config, store)
    assert (report.outcome, report.changed) == ("ok", False)
    assert [v["kind"] for v in versions(store)] == ["baseline"]


def test_a_captive_portal_on_the_first_poll_is_no_first_version(policy, watch_config, store):
    config = watch_config()
    policy.body = PORTAL
    assert poll(config, store).outcome == "login_page"
    assert versions(store) == []
    policy.body = None
    poll(config, store)
    assert [v["kind"] for v in versions(store)] == ["baseline"]
    assert "VPN registration" in versions(store)[0]["title"]


def test_a_page_with_a_login_box_outside_what_is_tracked_is_watched_as_usual(policy, watch_config, store):
    config = watch_config()
    policy.body = policy.html().replace(b"<header>", b"<header><form><input type='password' name='p'></form>")
    poll(config, store)
    assert [v["kind"] for v in versions(store)] == ["baseline"]


def test_a_glitch_that_goes_away_is_never_recorded(policy, watch_config, store):
    config = watch_config()
    poll(config, store)
    policy.body = b"<!DOCTYPE html><html><body><main><p>Database error.</p></main></body></html>"
    poll(config, store)
    policy.body = None
    poll(config, store)
    assert len(versions(store)) == 1 and store.page_pending(SOURCE) is None


def test_changing_the_ignore_patterns_starts_a_new_baseline(policy, watch_config, store):
    poll(watch_config(), store)
    config = watch_config(extra_source='  ignore: ["Page views: [0-9,]+", "Processing"]')
    assert not poll(config, store).changed
    assert [v["kind"] for v in versions(store)] == ["baseline", "rebaseline"]


def test_poll_and_feeds_together(policy, watch_config, store, tmp_path):
    """The feeds next to the archive are rewritten by the poll that finds a change."""
    config = watch_config()
    poll(config, store)
    feed = tmp_path / "feeds" / "policy.atom"
    assert feed.is_file() and "<entry>" not in feed.read_text(encoding="utf-8")
    policy.values["fee"] = "A fee applies when ten or more IP addresses are whitelisted."
    poll(config, store)
    text = feed.read_text(encoding="utf-8")
    assert text.count("<entry>") == 1 and "VPN registration: 1 changed" in text
    assert json.loads(json.dumps(versions(store)[-1]["changes"]))[0]["line"].startswith("~ A fee applies")


def test_a_renamed_source_goes_on_from_the_page_as_watched_under_its_old_name(policy, write_config, store):
    """The editor renames a watched page's source (a clearer name, the authority's new name)
    while the page changes: the change is the new name's first version, compared with the
    page as the old name last saw it, not lost in a new first version that no digest shows."""

    def named(name: str):
        path = write_config(
            f"""
            - name: {name}
              url: {policy.base}/policy/vpn
              kind: watch
            """,
            extra="fetch:\n  host_delay: 0\n  retries: 0\n",
        )
        return load_config(path)

    poll(named(SOURCE), store)
    policy.values.update(fee="A fee applies when ten or more IP addresses are whitelisted.")
    renamed = "Test Authority - VPN registration"
    report = poll(named(renamed), store)
    assert report.changed
    (first,) = store.page_versions(renamed)
    assert (first["version"], first["kind"]) == (1, "change")
    assert first["diff"] == "~ A fee applies when [-five-] {+ten+} or more IP addresses are whitelisted."
    assert [c["source"] for c in store.week_page_changes(first["week"])] == [renamed]
    assert len(versions(store)) == 1  # the old name's history stays as it was
    assert not poll(named(renamed), store).changed and len(store.page_versions(renamed)) == 1
    # renamed again with the page unchanged: a first version under that name, not a change
    again = "Test Authority - VPN page"
    assert not poll(named(again), store).changed
    (same,) = store.page_versions(again)
    assert same["kind"] == "baseline" and f"'{renamed}' (version 1)" in same["summary"]
