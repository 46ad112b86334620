"""Watched pages, the pure part: what is tracked, what is ignored, how versions compare."""

from __future__ import annotations

import pytest

from monitor import watch
from monitor.errors import ExtractionError

IGNORE = watch.compile_ignore()

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Freelancer registration | Export Board</title>
<meta name="csrf-token" content="{token}"></head>
<body>
<div class="top-bar">{today}</div>
<header><a href="/">Home</a> <a href="/about">About</a></header>
<nav><a href="/notifications/menu-notice.pdf">Notices (menu)</a></nav>
<div class="breadcrumb"><a href="/">Home</a> / Freelancers</div>
<main>
<h1>Freelancer registration</h1>
<p class="meta">Last updated: {updated}</p>
<p>Freelancers who export IT services can register with the Board online. Registration gives access to the reduced tax rate on export proceeds.</p>
<h2>Fee</h2>
<ul><li>Individual freelancers: {fee}</li><li>Freelance firms: Rs 5,000 a year</li></ul>
<table><tr><th>Step</th><th>Time</th></tr><tr><td>Verification</td><td>3 working days</td></tr></table>
<p><a href="/docs/registration-guide.pdf?sid=abc123">Registration guide (PDF)</a> · <a href="/news/board-meeting">Board meeting held</a>
· <a href="/circulars/circular-12.html">Circular 12 of 2025</a></p>
<aside class="sidebar"><p>Latest news: {news}</p></aside>
<p class="counter">Page views: {views}</p>
</main>
<footer><p>&copy; {year} Export Board. All rights reserved.</p></footer>
</body></html>
"""


def page(**changes: str) -> str:
    values = dict(token="3f9c2a7be41d8065fa2c9e1b7d30a4c6", today="Monday, 18 August 2025", updated="12 August 2025", fee="Rs 1,000 a year", news="Minister visits Lahore", views="12,345", year="2025")
    values.update(changes)
    return PAGE.format(**values)


def snap(html: str, **kw) -> watch.Snapshot:
    return watch.snapshot(html, "https://board.example.gov.pk/freelancers", ignore=IGNORE, **kw)


# --------------------------------------------------------------------------- reading a page


def test_main_text_is_one_block_a_line_without_chrome():
    s = snap(page())
    assert s.title == "Freelancer registration"
    lines = s.text.splitlines()
    assert lines[0] == "Freelancer registration"
    assert "Individual freelancers: Rs 1,000 a year" in lines
    assert "Verification | 3 working days" in lines  # a table row is one line, cells joined
    for chrome in ("Home", "About", "Notices (menu)", "Latest news", "Minister visits Lahore", "All rights reserved"):
        assert chrome not in s.text, chrome
    assert s.complete


def test_volatile_parts_are_not_tracked():
    s = snap(page())
    for volatile in ("Last updated", "12 August", "Page views", "12,345", "3f9c2a7b"):
        assert volatile not in s.text
    assert s.page_date == "2025-08-12"  # but the page's own date is read


def test_a_new_stamp_counter_token_and_date_of_the_visit_give_the_same_version():
    first = snap(page())
    again = snap(page(token="9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b", today="Tuesday, 19 August 2025", updated="19 August 2025", views="12,901", year="2026"))
    assert again.hash == first.hash
    assert watch.judge(_version(first), again).kind == "unchanged"


def test_a_real_edit_is_a_change():
    first = snap(page())
    edited = snap(page(fee="Rs 2,000 a year"))
    verdict = watch.judge(_version(first), edited)
    assert verdict.kind == "change" and verdict.records
    (change,) = verdict.diff.changes
    assert change.op == "changed"
    assert change.before == "Individual freelancers: Rs 1,000 a year"
    assert change.line() == "~ Individual freelancers: Rs [-1,000-] {+2,000+} a year"


def test_a_selector_narrows_the_tracked_text():
    s = snap(page(), selector="table")
    assert s.text == "Step | Time\nVerification | 3 working days"
    with pytest.raises(ExtractionError) as info:
        snap(page(), selector="#no-such-element")
    assert info.value.reason == "empty" and "#no-such-element" in info.value.detail


def test_an_empty_page_or_one_without_text_is_an_error_not_a_version():
    for html in ("", "   ", "<html><body><main><p> </p></main></body></html>", "<html><body><nav><a href='/'>Home</a></nav></body></html>"):
        with pytest.raises(ExtractionError) as info:
            snap(html)
        assert info.value.reason == "empty", html


def test_document_links_pdfs_and_notifications_but_not_pages_or_menus():
    s = snap(page())
    assert [(link.url, link.text) for link in s.links] == [
        ("https://board.example.gov.pk/docs/registration-guide.pdf", "Registration guide (PDF)"),  # session parameter dropped
        ("https://board.example.gov.pk/circulars/circular-12.html", "Circular 12 of 2025"),
    ]
    assert snap(page(), documents=False).links == ()


def test_document_link_rules():
    assert watch.is_document("https://x.example/files/SRO-1160.PDF")
    assert watch.is_document("https://x.example/a/b.docx")
    assert watch.is_document("https://x.example/notifications/2025/17")
    assert watch.is_document("https://x.example/view?id=3", "Public notice on VPNs")
    assert watch.is_document("https://x.example/view?id=4", "نوٹیفکیشن")
    assert not watch.is_document("https://x.example/about-us", "About us")
    assert not watch.is_document("https://x.example/noticeboard.png")
    assert watch.document_url("https://x.example/a/", "../f.pdf?utm_source=x&PHPSESSID=1&id=2#p3") == "https://x.example/f.pdf?id=2"
    assert watch.document_url("https://x.example/", "javascript:void(0)") is None


def test_a_page_cut_short_is_not_complete():
    html = page()
    assert not snap(html[: html.index("</main>")]).complete


# --------------------------------------------------------------------------- normalising


@pytest.mark.parametrize(
    "line",
    [
        "Last updated: 21 August 2025",
        "Page last modified on 21/08/2025 at 10:32 AM",
        "Updated on Monday, August 25, 2025",
        "Reviewed: 2025-08-21",
        "Last update: 21 August 2025",
        "Last Update : 2025/08/21 10:32 AM",
        "Updated 3 hours ago",
        "Visitors: 12,345",
        "Visitors 1,206,912",
        "Page views: 48,213",
        "Total page views 98765",
        "You are visitor number 1234",
        "1,234 downloads",
        "This page has been viewed 1,234 times",
        "Viewed: 87 times",
        "This notification has been downloaded 1,024 times.",
        "Users online: 17",
        "csrf_token: 9f8e7d6c5b4a",
        "Today is Monday, 25 August 2025",
        "Current time: 10:32:15",
        "Tuesday, 26 August 2025",
        "© 2010-2025",
        "Copyright 2025",
    ],
)
def test_default_ignore_patterns_remove_volatile_lines(line):
    assert watch.normalise_text(line, IGNORE) == ""


@pytest.mark.parametrize(
    "line",
    [
        "The deadline is Monday, 30 September 2025.",  # a date in a sentence is content
        "More than 25,000 VPNs have been registered.",
        "Freelancers pay 0.25% on export proceeds under section 154A.",
        "Registration was updated to require an NTN.",
        "PSEB_registration_portal_now_needs_NTN_and_CNIC",  # a long word without digits is no token
        "Office hours: 9:00 to 17:00.",
        "The new tax hits 2 million freelancers.",
        "Registered VPNs were accessed 5 times more often than last year.",  # a count in a sentence
        "Registered VPNs were accessed 5 times.",
        "The fee update 21 August 2025 applies to all freelancers.",  # an update named in a sentence
    ],
)
def test_default_ignore_patterns_keep_content(line):
    assert watch.normalise_text(line, IGNORE) == line


def test_a_view_counter_after_a_separator_goes_and_the_rest_of_the_line_stays():
    assert watch.normalise_text("Posted 2 May 2025 | Viewed 1,234 times", IGNORE) == watch.normalise_text("Posted 2 May 2025 | Viewed 1,301 times", IGNORE)
    assert watch.normalise_text("Posted 2 May 2025 | Viewed 1,234 times", IGNORE).startswith("Posted 2 May 2025")


def test_configured_patterns_and_unicode_forms():
    patterns = watch.compile_ignore([r"Ticket #\d+"])
    assert watch.normalise_text("Queue: Ticket #4411 served\n\u200bFee:\u00a0Rs\u2009500", patterns) == "Queue: served\nFee: Rs 500"


def test_page_date_forms():
    assert watch.page_date("Last updated: 21 August 2025") == "2025-08-21"
    assert watch.page_date("modified on August 21, 2025") == "2025-08-21"
    assert watch.page_date("Last updated 21/08/2025") == "2025-08-21"  # day first, as in Pakistan
    assert watch.page_date("Last update: 2025/08/21") == "2025-08-21"
    assert watch.page_date("Updated: 31/02/2025") is None  # no such day
    assert watch.page_date("The deadline is 21 August 2025") is None


# --------------------------------------------------------------------------- diffs


def test_diff_names_added_removed_changed_and_moved_sentences():
    old = "Intro line.\nStep one: fill the form.\nStep two: upload the CNIC.\nFees are waived.\nContact the helpline."
    new = "Intro line.\nContact the helpline.\nStep one: fill the online form.\nFees are waived.\nFreelancers may also apply by mobile number."
    d = watch.diff(old, new)
    assert [(c.op, c.text) for c in d.changes] == [
        ("moved", "Contact the helpline."),
        ("changed", "Step one: fill the online form."),
        ("removed", "Step two: upload the CNIC."),
        ("added", "Freelancers may also apply by mobile number."),
    ]
    assert d.summary() == "1 sentence added, 1 removed, 1 changed, 1 moved"
    assert d.text().splitlines() == [
        "= moved: Contact the helpline.",
        "~ Step one: fill the {+online+} form.",
        "- Step two: upload the CNIC.",
        "+ Freelancers may also apply by mobile number.",
    ]


def test_word_diff_keeps_spacing_and_numbers_whole():
    words = watch.word_diff("The fee is Rs 500 per year, payable online.", "The fee is Rs 1,000 per year, payable at a bank.")
    assert words == (("same", "The fee is Rs"), ("del", " 500"), ("ins", " 1,000"), ("same", " per year, payable"), ("del", " online"), ("ins", " at a bank"), ("same", "."))
    assert "".join(t for k, t in words if k != "del") == "The fee is Rs 1,000 per year, payable at a bank."
    assert "".join(t for k, t in words if k != "ins") == "The fee is Rs 500 per year, payable online."


def test_a_table_row_with_the_same_first_cell_is_one_changed_row():
    d = watch.diff("Companies | 8 hours\nFreelancers | 10 hours", "Companies | 8 hours\nFreelancers | two working days")
    assert [(c.op, c.before, c.text) for c in d.changes] == [("changed", "Freelancers | 10 hours", "Freelancers | two working days")]


def test_new_and_removed_documents_are_changes_and_their_link_text_is_not_counted_twice():
    old_links = (watch.Link("https://x.example/old.pdf", "Old notice"),)
    new_links = (watch.Link("https://x.example/new.pdf", "New notice on VPNs"),)
    d = watch.diff("Notices:\nOld notice", "Notices:\nNew notice on VPNs", old_links, new_links)
    assert [(c.op, c.text, c.url) for c in d.changes] == [("document", "New notice on VPNs", "https://x.example/new.pdf"), ("document_removed", "Old notice", "https://x.example/old.pdf")]


# --------------------------------------------------------------------------- verdicts


def _version(s: watch.Snapshot) -> watch.Version:
    return watch.Version(s.text, s.links, s.settings, s.complete)


def test_first_version_is_a_baseline():
    assert watch.judge(None, snap(page())).kind == "baseline"


def test_a_truncated_page_is_a_failed_fetch_not_everything_removed():
    full = snap(page())
    html = page()
    cut = snap(html[: html.index("<h2>Fee")])
    verdict = watch.judge(_version(full), cut)
    assert verdict.kind == "truncated" and not verdict.records


def test_a_change_that_removes_most_of_the_page_waits_for_a_second_poll():
    full = snap(page())
    error_page = snap("<html><body><main><h1>Service unavailable</h1><p>The site is under maintenance. Please try again later.</p></main></body></html>")
    held = watch.judge(_version(full), error_page)
    assert held.kind == "held" and not held.records and held.diff.removed_share >= watch.DRASTIC_SHARE
    confirmed = watch.judge(_version(full), error_page, pending=error_page.hash)
    assert confirmed.kind == "change" and confirmed.records


def test_new_settings_start_a_new_baseline_instead_of_a_diff():
    patterns = ["Individual freelancers.*"]
    before = snap(page(), settings=watch.settings_key(None, []))
    after = watch.snapshot(page(), "https://board.example.gov.pk/freelancers", ignore=watch.compile_ignore(patterns), settings=watch.settings_key(None, patterns))
    assert watch.judge(_version(before), after).kind == "rebaseline"
