"""Article links on listing pages: the real Dawn homepage and a PTA-style press-release list."""

from __future__ import annotations

import re
from pathlib import Path

from monitor.listing import discover_links, looks_like_article

DAWN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pk-pages" / "dawn_homepage.html"
SITES = Path(__file__).parent / "sites"


def test_dawn_homepage_article_links():
    html = DAWN.read_bytes()
    links = discover_links(html, "https://www.dawn.com/")
    expected = {u.decode() for u in re.findall(rb"https://www\.dawn\.com/news/\d+(?:/[a-z0-9-]+)?", html)}
    found = set(links)
    assert len(found & expected) >= 110
    assert all(u.startswith("https://www.dawn.com/news/") for u in links)  # no section or nav links
    assert len(links) == len(found)  # no repeats


def test_pta_style_listing_skips_navigation():
    html = (SITES / "basic" / "pta" / "press-releases.html").read_bytes()
    links = discover_links(html, "http://127.0.0.1:8000/pta/press-releases.html")
    assert links == ["http://127.0.0.1:8000/pta/press-releases/vpn-registration-extended-2025-08-22.html"]


def test_other_sites_fragments_and_media_are_ignored():
    html = """<html><body><main>
    <a href="/news/2025/08/20/vpn-rules-change">one</a>
    <a href="/news/2025/08/20/vpn-rules-change#comments">same story, comments</a>
    <a href="https://www.example.pk/business/it-exports-rise-in-july-again">www variant, same site</a>
    <a href="https://other.pk/news/123456/elsewhere">another site</a>
    <a href="/category/business">section</a>
    <a href="/uploads/report-2025-08-20.pdf">a PDF</a>
    <a href="mailto:desk@example.pk">mail</a>
    </main></body></html>"""
    links = discover_links(html, "https://example.pk/")
    assert links == ["https://example.pk/news/2025/08/20/vpn-rules-change", "https://www.example.pk/business/it-exports-rise-in-july-again"]


def test_article_shapes():
    assert looks_like_article("https://www.dawn.com/news/1936512/it-exports-climb")
    assert looks_like_article("https://www.pta.gov.pk/en/media-center/single-media/vpn-registration-2024-11-30")
    assert not looks_like_article("https://www.dawn.com/business")
    assert not looks_like_article("https://www.dawn.com/tag/freelancing")
    assert not looks_like_article("https://www.dawn.com/")


def test_empty_and_broken_pages_give_no_links():
    assert discover_links(b"", "https://example.pk/") == []
    assert discover_links(b"\x00\xff\xfe garbage <a href=", "https://example.pk/") == []
