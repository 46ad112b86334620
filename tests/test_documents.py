"""Documents linked from watched pages: real PDFs read by pypdf in a child process, within limits."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from monitor.documents import DocumentLimits, read_document, reflow
from monitor.errors import ExtractionError
from pdfs import make_pdf

NOTICE = [
    "PAKISTAN TELECOMMUNICATION AUTHORITY",
    "",
    "Subject: Registration of VPNs by freelancers",
    "",
    "Freelancers registered with the Pakistan Software Export Board may regis-",
    "ter the VPNs they use for client work on the PTA portal until 30 September",
    "2025.",
    "(a) Companies apply with their certificate of incorporation.",
    "(b) Freelancers apply with their PSEB registration number.",
]


def reason(content: bytes, **kw) -> str:
    with pytest.raises(ExtractionError) as info:
        read_document(content, url="https://pta.example.gov.pk/n.pdf", **kw)
    return info.value.reason


def test_a_pdf_gives_its_text_in_paragraphs_and_its_title():
    article, what = read_document(make_pdf([NOTICE], title="VPN registration notice"), url="https://pta.example.gov.pk/n.pdf")
    assert what == "PDF, 1 page"
    assert article.title == "VPN registration notice"
    assert article.url == "https://pta.example.gov.pk/n.pdf"
    assert article.text.splitlines() == [
        "PAKISTAN TELECOMMUNICATION AUTHORITY",
        "Subject: Registration of VPNs by freelancers",
        "Freelancers registered with the Pakistan Software Export Board may register the VPNs they use for client work on the PTA portal until 30 September 2025.",
        "(a) Companies apply with their certificate of incorporation.",
        "(b) Freelancers apply with their PSEB registration number.",
    ]


def test_only_the_first_pages_are_read():
    pages = [[f"Page {n}: the schedule of rates, part {n}."] for n in range(1, 6)]
    article, what = read_document(make_pdf(pages), url="https://x.example/a.pdf", limits=DocumentLimits(pages=2))
    assert what == "PDF, first 2 of 5 pages read"
    assert "part 2" in article.text and "part 3" not in article.text


def test_text_is_kept_within_the_character_limit():
    article, _ = read_document(make_pdf([["A long line of the ordinance text. " * 2] * 40]), url="https://x.example/a.pdf", limits=DocumentLimits(chars=500))
    assert len(article.text) <= 500


def test_reading_is_stopped_at_the_time_limit():
    assert reason(make_pdf([NOTICE]), limits=DocumentLimits(seconds=0.001)) == "timeout"


def test_broken_encrypted_and_scanned_pdfs_are_named():
    good = make_pdf([NOTICE])
    assert reason(good[: len(good) // 3]) == "not_pdf"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(good)))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    assert reason(locked.getvalue()) == "encrypted"
    assert reason(make_pdf([[]])) == "no_text"  # a scan: pages without a text layer


def test_a_pdf_with_an_empty_user_password_is_read():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([NOTICE]))))
    writer.encrypt("", "owner-secret", algorithm="RC4-128")
    opened = io.BytesIO()
    writer.write(opened)
    article, _ = read_document(opened.getvalue(), url="https://x.example/a.pdf")
    assert "PSEB registration number" in article.text


def test_html_documents_go_through_the_extractor_and_other_files_are_not_read():
    page = b"<html><head><title>Notification</title></head><body><article><h1>Notification on VPNs</h1><p>Freelancers may register their VPNs with the authority until 30 September 2025 through the online portal.</p><p>The registration is free of charge for up to ten IP addresses per applicant.</p></article></body></html>"
    article, what = read_document(page, url="https://x.example/n", content_type="text/html; charset=utf-8")
    assert what == "web page" and "30 September 2025" in article.text
    assert reason(b"PK\x03\x04 a word file", content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document") == "unsupported"


def test_reflow_joins_broken_lines_and_keeps_headings_and_lists():
    text = "NOTIFICATION\nThe fee for whitelisting five or more IP addresses is\nwaived for freelancers until June 2026.\n1. First item\n2. Second item"
    assert reflow(text).splitlines() == ["NOTIFICATION", "The fee for whitelisting five or more IP addresses is waived for freelancers until June 2026.", "1. First item", "2. Second item"]
