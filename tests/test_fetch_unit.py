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
