"""Article links on listing pages: the real Dawn homepage and a PTA-style press-release list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from monitor.listing import discover_links, looks_like_article

DAWN = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pk-pages" / "dawn_homepage.html"
SITES = Path(__file__).parent / "sites"
FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def test_dawn_homepage_article_links():
    html = DAWN.read_bytes()
    links = discover_links(html, "https://www.dawn.com/")
    expected = {u.decode() for u in re.findall(rb"https://www\.dawn\.com/news/\d+(?:/[a-z0-9-]+)?", html)}
    found = set(links)
    assert len(found & expected) >= 110
    assert len(found - expected) <= 5
    assert all(u.startswith("https://www.dawn.com/news/") for u in links)  # no section or nav links
    assert len(links) == len(found)  # no repeats


def test_dawn_homepage_links_keep_page_order():
    html = DAWN.read_bytes()
    links = discover_links(html, "https://www.dawn.com/")
    first_seen = []
    for match in re.finditer(rb"""href=["'](https://www\.dawn\.com/news/[^"'#]+)""", html):
        url = match.group(1).decode()
        if url in links and url not in first_seen:
            first_seen.append(url)
    assert links == first_seen


def test_pta_style_listing_skips_navigation():
    html = (SITES / "basic" / "pta" / "press-releases.html").read_bytes()
    links = discover_links(html, "http://127.0.0.1:8000/pta/press-releases.html")
    assert links == ["http://127.0.0.1:8000/pta/press-releases/vpn-registration-extended-2025-08-22.html"]


def test_press_release_list_of_our_own():
    html = (FIXTURES / "pta_press_releases.html").read_bytes()
    links = discover_links(html, "https://www.pta.gov.pk/en/media-center/press-releases")
    assert links == [
        "https://www.pta.gov.pk/en/media-center/single-media/regulator-and-software-board-agree-on-freelancer-connectivity-281124",
        "https://pta.gov.pk/en/media-center/single-media/broadband-subscriptions-pass-140-million-201124",
        "https://www.pta.gov.pk/en/press-release/2024/11/vpn-registration-window-extended",
    ]


def test_links_in_an_article_header_are_kept_but_page_header_links_are_not():
    html = """<html><body>
    <header><a href="/news/2025/08/01/site-header-promo-story">promo in the site header</a></header>
    <section class="stories">
      <article><header><h2><a href="/news/2025/08/02/story-card-with-its-own-header">card</a></h2></header></article>
    </section>
    <div class="sidebar"><a href="/news/2025/08/03/a-story-in-the-sidebar-widget">sidebar</a></div>
    </body></html>"""
    assert discover_links(html, "https://example.com/") == [
        "https://example.com/news/2025/08/02/story-card-with-its-own-header"
    ]


def test_layout_wrappers_with_menu_like_names_do_not_hide_the_list():
    cards = "".join(f'<li><a href="/news/{2009000 + n}/story-{n}">story {n}</a></li>' for n in range(3))
    html = f"""<html><body><div class="header-fixed"><div><div><div><div><div><div>
    <ul>{cards}</ul></div></div></div></div></div></div></div></body></html>"""
    assert discover_links(html, "https://example.com/") == [
        f"https://example.com/news/{2009000 + n}/story-{n}" for n in range(3)
    ]


def test_deeply_nested_listing_does_not_crash():
    html = "<div>" * 10_000 + '<a href="/news/2025/08/20/deep-story">deep</a>' + "</div>" * 10_000
    assert discover_links(html, "https://example.com/") == ["https://example.com/news/2025/08/20/deep-story"]


def test_other_sites_fragments_and_media_are_ignored():
    html = """<html><body><main>
    <a href="/news/2025/08/20/vpn-rules-change">one</a>
    <a href="/news/2025/08/20/vpn-rules-change#comments">same story, comments</a>
    <a href="https://www.example.com/business/it-exports-rise-in-july-again">www variant, same site</a>
    <a href="https://other.pk/news/123456/elsewhere">another site</a>
    <a href="/category/business">section</a>
    <a href="/uploads/report-2025-08-20.pdf">a PDF</a>
    <a href="mailto:desk@example.com">mail</a>
    </main></body></html>"""
    links = discover_links(html, "https://example.com/")
    assert links == [
        "https://example.com/news/2025/08/20/vpn-rules-change",
        "https://www.example.com/business/it-exports-rise-in-july-again",
    ]


def test_article_shapes():
    assert looks_like_article("https://www.dawn.com/news/1936512/it-exports-climb")
    assert looks_like_article("https://www.pta.gov.pk/en/media-center/single-media/vpn-registration-2024-11-30")
    assert not looks_like_article("https://www.dawn.com/business")
    assert not looks_like_article("https://www.dawn.com/tag/freelancing")
    assert not looks_like_article("https://www.dawn.com/")


@pytest.mark.parametrize(
    "url",
    [
        "https://tribune.com.pk/story/2512345/it-exports-hit-record",
        "https://www.thenews.com.pk/print/1234567-freelancers-earn-more",
        "https://example.com/2025/08/20/vpn-rules/",
        "https://example.com/20250820/vpn-rules",
        "https://example.com/blog/pakistan-it-exports-cross-three-billion-dollars",
        "https://example.com/article.php?storyid=504",
        "https://example.com/news823175",
    ],
)
def test_urls_shaped_like_articles(url):
    assert looks_like_article(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/category/technology",
        "https://example.com/author/ali-raza-12345",
        "https://example.com/news?page=2",
        "https://example.com/search?q=freelancers",
        "https://example.com/about-us",
        "https://example.com/feed",
        "https://example.com/uploads/2025/08/it-exports-chart-2025-08-20.png",
        "https://example.com/docs/press-release-2025-08-20.pdf",
        "https://example.com/pakistan",
        "https://example.com/login",
    ],
)
def test_urls_of_sections_and_files(url):
    assert not looks_like_article(url)


def test_broken_links_and_base_are_skipped():
    html = """<html><head><base href="http://[bad"></head><body>
    <a href="http://[::1/news/2025/08/20/broken-host">broken</a>
    <a href="/news/2025/08/20/fine-story-about-exports">fine</a></body></html>"""
    assert discover_links(html, "https://example.com/") == ["https://example.com/news/2025/08/20/fine-story-about-exports"]
    assert not looks_like_article("http://[::1/news/2025/08/20/broken-host")


def test_empty_and_broken_pages_give_no_links():
    assert discover_links(b"", "https://example.com/") == []
    assert discover_links(b"\x00\xff\xfe garbage <a href=", "https://example.com/") == []
