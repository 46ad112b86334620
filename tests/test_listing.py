"""Article links on listing pages: a newspaper homepage and PTA-style press-release lists, all
written for these tests (the real Dawn homepage is measured by ``bench/listing.py`` in
``make check``); and a listing page that stops giving links is a failure, not "0 new"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import pipeline
from monitor.cli import cli
from monitor.config import load_config
from monitor.listing import discover_links, layout_problem, looks_like_article
from monitor.sitesrv import SiteServer, send

SITES = Path(__file__).parent / "sites"
FIXTURES = Path(__file__).parent / "fixtures" / "extract"

#: Stories of the homepage written for these tests: (id, slug, times linked).
STORIES = [(1_950_000 + n, f"story-number-{n}-about-{topic}", 1 + n % 4) for n, topic in enumerate(
    ["it-exports", "budget", "rain", "cricket", "vpn-rules", "freelancers", "gold", "rupee"] * 6
)]


def news_homepage() -> tuple[bytes, list[str]]:
    """A busy newspaper homepage in the shape of a real one (menus, section links, live blogs,
    video and gallery links, a jobs portal, the same story linked from its picture, its
    headline and its comment count), and the article URLs in order of first appearance."""
    base = "https://www.example-daily.pk"
    nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("pakistan", "world", "sport", "tech", "prism", "newspaper", "live/election#42"))
    cards, expected = [], []
    for number, (story, slug, times) in enumerate(STORIES):
        url = f"{base}/news/{story}/{slug}"
        expected.append(url)
        links = [f'<a href="{url}"><img src="{base}/thumbs/{story}.jpg" alt=""></a>', f'<h2><a href="{url}">Headline {story}</a></h2>',
                 f'<a href="{url}#comments">{number} comments</a>', f'<a href="{url}?utm_source=home">Read more</a>'][:times]
        extra = f'<a href="https://www.youtube.com/watch?v=clip{story}">watch</a>' if number % 5 == 0 else ""
        cards.append(f'<article class="story">{"".join(links)}<p>Teaser of story {story}.</p>{extra}</article>')
        if number % 12 == 11:
            cards.append(f'<div class="section-more"><a href="/{slug.rsplit("-", 1)[-1]}">More from this section</a>'
                         f'<a href="{base}/live/feed#{story}">Live updates</a></div>')
    html = f"""<!doctype html><html><head><title>Example Daily</title></head><body>
    <header class="site-header"><nav class="main-nav"><ul>{nav}</ul></nav>
      <a href="{base}/">Home</a><a href="{base}/jobs">Jobs</a><a href="{base}/epaper">E-paper</a></header>
    <main>{"".join(cards)}</main>
    <aside class="sidebar"><a href="{base}/news/1949999/a-sidebar-promo-that-is-navigation">promo</a></aside>
    <footer class="footer"><a href="/about-us">About</a><a href="/privacy-policy">Privacy</a><a href="mailto:desk@example-daily.pk">Write</a></footer>
    </body></html>"""
    return html.encode(), expected


def test_newspaper_homepage_article_links():
    html, expected = news_homepage()
    links = discover_links(html, "https://www.example-daily.pk/")
    assert set(links) == set(expected)  # no menu, section, live, video, jobs or sidebar link
    assert len(links) == len(set(links))  # no repeats, fragments and tracking queries dropped


def test_newspaper_homepage_links_keep_page_order():
    html, expected = news_homepage()
    assert discover_links(html, "https://www.example-daily.pk/") == expected


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
        "https://example.com/news/index.php?id=1234",
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
        "https://example.com/circulars/2025/index.htm",
        "https://example.com/notifications/2024/",
    ],
)
def test_urls_of_sections_and_files(url):
    assert not looks_like_article(url)


def test_circulars_page_skips_the_years_index_pages():
    """A central bank's circulars page lists this year's circulars and links each year's index
    page: those are sections, not circulars, fetched at every poll or stored as items."""
    html = """<html><body><div id="topnav"><a href="/">Home</a></div><table class="circulars">
    <tr><td><a href="/epd/2025/C5.htm">EPD Circular No. 5 of 2025</a></td><td>12-Jan-2025</td></tr>
    <tr><td><a href="2025/C4.htm">FE Circular No. 4 of 2025</a></td><td>10-Jan-2025</td></tr></table>
    <p>Circulars of other years: <a href="/epd/2025/index.htm">2025</a> <a href="/epd/2024/index.html">2024</a>
    <a href="/epd/2023/">2023</a> <a href="/epd/2022/default.aspx">2022</a></p></body></html>"""
    assert discover_links(html, "https://www.example.org/epd/") == [
        "https://www.example.org/epd/2025/C5.htm",
        "https://www.example.org/epd/2025/C4.htm",
    ]


def test_broken_links_and_base_are_skipped():
    html = """<html><head><base href="http://[bad"></head><body>
    <a href="http://[::1/news/2025/08/20/broken-host">broken</a>
    <a href="/news/2025/08/20/fine-story-about-exports">fine</a></body></html>"""
    assert discover_links(html, "https://example.com/") == ["https://example.com/news/2025/08/20/fine-story-about-exports"]
    assert not looks_like_article("http://[::1/news/2025/08/20/broken-host")


def test_empty_and_broken_pages_give_no_links():
    assert discover_links(b"", "https://example.com/") == []
    assert discover_links(b"\x00\xff\xfe garbage <a href=", "https://example.com/") == []


# --------------------------------------------------------------------------- a page that stops giving links


def press_releases(base: str, count: int) -> bytes:
    items = "".join(f'<li><a href="{base}/press-releases/2025/08/{10 + n}/pta-notice-on-vpn-registration-{n}">PTA notice {n}</a></li>' for n in range(count))
    return f"<html><head><title>Press releases</title></head><body><main><ul>{items}</ul></main></body></html>".encode()


def test_a_listing_page_that_gave_links_and_gives_none_is_a_failure(write_config, store, tmp_path):
    page = {"shell": False}

    def listing_page(h) -> None:
        if page["shell"]:  # the site now renders its list with JavaScript
            send(h, 200, b'<html><head><title>Press releases</title><script src="/app.js"></script></head><body><div id=app></div></body></html>')
        else:
            send(h, 200, press_releases(f"http://{h.headers['Host']}", 5))

    def notice(h) -> None:
        send(h, 200, b"<html><head><title>PTA notice</title></head><body><article><h1>PTA notice on VPN registration</h1><p>Freelancers must register their VPNs with the PTA.</p><p>The deadline is the end of the month.</p></article></body></html>")

    routes = {"/press-releases": listing_page, **{f"/press-releases/2025/08/{10 + n}/pta-notice-on-vpn-registration-{n}": notice for n in range(5)}}
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><link>http://x/</link><description>x</description></channel></rss>'
    routes["/feed.xml"] = lambda h: send(h, 200, feed, "application/rss+xml")
    with SiteServer(routes=routes) as server:
        path = write_config(f"- name: PTA\n  url: {server.base}/press-releases\n  kind: page\n- name: Wire\n  url: {server.base}/feed.xml\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n")
        config = load_config(path)
        first = pipeline.poll(config, store)
        assert {r.source: (r.outcome, r.new_items) for r in first.reports} == {"PTA": ("ok", 5), "Wire": ("ok", 0)}
        assert pipeline.poll(config, store, force=True).reports  # the same links again: ok, 0 new
        assert store.source_state("PTA").last_outcome == "ok"

        page["shell"] = True
        second = pipeline.poll(config, store, force=True)
        outcomes = {r.source: (r.outcome, r.error) for r in second.reports}
        assert outcomes == {"PTA": ("layout_changed", "no article links (5 last time)"), "Wire": ("ok", None)}
        state = store.source_state("PTA")
        assert state.consecutive_failures == 1 and state.last_error == "no article links (5 last time)"
        status = CliRunner().invoke(cli, ["--config", str(path), "--db", store.path, "status"])
        assert "!! PTA [page]" in status.output and "last layout_changed: no article links (5 last time)" in status.output
        again = pipeline.poll(config, store, force=True)  # still none: still a failure, still counted from 5
        assert {r.source: r.error for r in again.reports}["PTA"] == "no article links (5 last time)"

        page["shell"] = False
        assert {r.source: r.outcome for r in pipeline.poll(config, store, force=True).reports}["PTA"] == "ok"
    assert store.source_state("PTA").consecutive_failures == 0


def test_a_listing_page_that_never_gives_an_article_link_fails_and_says_why(write_config, store):
    """A ministry's notifications page that lists only PDFs and Word files, or a page whose
    list is drawn by JavaScript, gives no item at any poll: "ok, 0 new" would hide it."""
    rows = "".join(f'<tr><td>Notification {n} on freelancers</td><td>{n:02d}/08/2025</td><td><a href="/files/notification-{n}.{ext}">Download</a></td></tr>'
                   for n, ext in ((1, "pdf"), (2, "docx"), (3, "PDF")))
    notifications = f'<html><body><nav><a href="/downloads/forms.pdf">Forms</a></nav><main><table>{rows}</table></main></body></html>'.encode()
    shell = b'<html><head><script src="/app.js"></script></head><body><div id="app">Loading...</div></body></html>'
    routes = {"/notifications": lambda h: send(h, 200, notifications), "/press": lambda h: send(h, 200, shell)}
    with SiteServer(routes=routes) as server:
        path = write_config(f"- name: MoITT\n  url: {server.base}/notifications\n  kind: page\n- name: PID\n  url: {server.base}/press\n  kind: page\n", extra="fetch:\n  host_delay: 0\n  retries: 0\n")
        config = load_config(path)
        reports = {r.source: (r.outcome, r.error) for r in pipeline.poll(config, store).reports}
        status = CliRunner().invoke(cli, ["--config", str(path), "--db", store.path, "status"])
    assert reports == {
        "MoITT": ("parse_error", "no article links on the page, only 3 linked documents (PDF, Word...), which a listing page does not read: give the source kind: watch, which lists the documents a page adds and reads its PDFs"),
        "PID": ("parse_error", "no article links on the page (its list may be drawn by JavaScript, or its links do not look like articles'): check the address"),
    }
    assert "!! MoITT [page]" in status.output and "give the source kind: watch" in status.output


def test_a_page_that_never_gave_links_is_not_a_layout_change():
    assert layout_problem(0, None) is None and layout_problem(0, 0) is None
    assert layout_problem(3, 5) is None
    assert layout_problem(0, 5) == "no article links (5 last time)"


def test_a_listing_address_that_answers_with_a_feed_a_pdf_or_binary_data_fails_and_says_why(write_config, store):
    """Read as a web page, such a body has no link: "ok, 0 new" at every poll would hide it."""
    feed = b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>PTA</title><item><title>PTA notice</title><link>https://example.com/press-releases/2025/08/10/pta-notice</link></item></channel></rss>'
    routes = {
        "/rss": lambda h: send(h, 200, feed, "application/rss+xml"),
        "/releases.pdf": lambda h: send(h, 200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", "application/octet-stream"),
        "/banner": lambda h: send(h, 200, bytes(range(256)) * 16, "image/png"),
        "/urdu": lambda h: send(h, 200, '<html><body><main><p>پی ٹی اے کی خبریں</p><a href="/urdu/2025/08/20/pta-news">خبر</a></main></body></html>'.encode("utf-8"), "text/html; charset=windows-1256"),
    }
    with SiteServer(routes=routes) as server:
        sources = "".join(f"- name: {name}\n  url: {server.base}{path}\n  kind: page\n" for name, path in (("Feed", "/rss"), ("PDF", "/releases.pdf"), ("Image", "/banner"), ("Urdu", "/urdu")))
        config = load_config(write_config(sources, extra="fetch:\n  host_delay: 0\n  retries: 0\n"))
        reports = {r.source: (r.outcome, r.error) for r in pipeline.poll(config, store).reports}
    assert reports == {
        "Feed": ("parse_error", "the address answers with an RSS or Atom feed, not a web page: give the source kind: feed"),
        "PDF": ("parse_error", "the address answers with a PDF, not a web page"),
        "Image": ("parse_error", "the address answers with binary data (image/png), not a web page"),
        "Urdu": ("ok", None),  # a page under a wrong charset is still a page
    }
