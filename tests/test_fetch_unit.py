"""Unit-level fetcher checks with respx: request headers and retry decisions, no sockets."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import httpx
import respx

from monitor.config import FetchSettings
from monitor.fetch import Fetcher

FAST = replace(FetchSettings(), host_delay=0.0, retries=2, retry_backoff=0.01)
URL = "https://feeds.example.com/business.xml"


def fetch(**kw):
    async def run():
        async with Fetcher(FAST, "pk-freelance-monitor/test (+https://example.com)") as f:
            return await f.fetch(URL, **kw)

    return asyncio.run(run())


@respx.mock
def test_conditional_headers_and_not_modified():
    route = respx.get(URL).mock(return_value=httpx.Response(304))
    result = fetch(etag='"v42"', last_modified="Mon, 18 Aug 2025 05:00:00 GMT")
    sent = route.calls.last.request.headers
    assert sent["if-none-match"] == '"v42"'
    assert sent["if-modified-since"] == "Mon, 18 Aug 2025 05:00:00 GMT"
    assert sent["user-agent"].startswith("pk-freelance-monitor/")
    assert result.outcome == "not_modified" and result.content == b""


@respx.mock
def test_a_503_then_success_is_retried_within_the_cycle():
    respx.get(URL).mock(side_effect=[httpx.Response(503), httpx.Response(200, content=b"<rss/>", headers={"content-type": "application/rss+xml"})])
    result = fetch()
    assert result.outcome == "ok" and result.attempts == 2 and result.content == b"<rss/>"


@respx.mock
def test_a_404_is_not_retried():
    route = respx.get(URL).mock(return_value=httpx.Response(404))
    result = fetch()
    assert result.outcome == "http_4xx" and route.call_count == 1


def test_the_proxy_for_a_url_follows_the_standard_variables():
    from monitor.fetch import proxy_for

    proxies = {"https": "http://proxy.example.net:3128", "http": "http://plain.example.net:8080", "no": "localhost,.internal.example"}
    assert proxy_for(httpx.URL("https://archive.sbp.org.pk/ecodata/dt.xls"), proxies) == "http://proxy.example.net:3128"
    assert proxy_for(httpx.URL("http://www.brecorder.com/feeds/business-finance"), proxies) == "http://plain.example.net:8080"
    assert proxy_for(httpx.URL("https://feeds.internal.example/a.xml"), proxies) is None  # NO_PROXY suffix
    assert proxy_for(httpx.URL("http://localhost:8001/"), proxies) is None
    assert proxy_for(httpx.URL("https://www.dawn.com/feeds/business"), {"all": "http://all.example.net:3128"}) == "http://all.example.net:3128"
    assert proxy_for(httpx.URL("https://www.dawn.com/feeds/business"), {"all": "http://all.example.net:3128", "no": "*"}) is None
    assert proxy_for(httpx.URL("https://www.dawn.com/feeds/business"), {}) is None


def test_no_proxy_names_an_internationalised_host_either_way():
    from monitor.fetch import proxy_for

    proxy = "http://proxy.example.net:3128"
    for no_proxy in ("xn--exmple-cua.com", "exämple.com", ".xn--exmple-cua.com"):
        proxies = {"https": proxy, "no": no_proxy}
        for url in ("https://feeds.exämple.com/a.xml", "https://feeds.xn--exmple-cua.com/a.xml"):
            assert proxy_for(httpx.URL(url), proxies) is None, (no_proxy, url)
    assert proxy_for(httpx.URL("https://exämple.org/a.xml"), {"https": proxy, "no": "exämple.com"}) == proxy


def test_a_socks_proxy_is_a_named_error_not_a_crash(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "socks5://127.0.0.1:1080")
    result = fetch()  # not mocked: the request reaches the per-host transport, which refuses the proxy
    assert result.outcome == "error" and "not an http:// or https:// proxy" in result.error
