"""The only module that touches the network.

One :class:`Fetcher` per poll cycle wraps one ``httpx.AsyncClient``. :meth:`Fetcher.fetch`
never raises for network or HTTP trouble: every attempt ends in a :class:`FetchResult` with a
named outcome (see :data:`monitor.models.FETCH_OUTCOMES`).
"""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timezone

import httpx

from . import __version__
from .config import FetchSettings
from .models import FetchResult


def user_agent(contact: str) -> str:
    return f"pk-freelance-monitor/{__version__} (+{contact})"


class Fetcher:
    """Fetches URLs politely within one poll cycle."""

    def __init__(self, settings: FetchSettings, user_agent: str, *, transport: httpx.AsyncBaseTransport | None = None):
        self.settings = settings
        self.client = httpx.AsyncClient(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate, br"},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout),
            follow_redirects=True,
            max_redirects=5,
            transport=transport,
            limits=httpx.Limits(max_connections=settings.concurrency),
        )
        self._slots = asyncio.Semaphore(settings.concurrency)

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        started = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        t0 = time.monotonic()
        async with self._slots:
            try:
                response = await asyncio.wait_for(self.client.get(url, headers=headers), self.settings.deadline)
            except (asyncio.TimeoutError, httpx.TimeoutException) as e:
                return FetchResult(url, "timeout", started_at=started, duration=time.monotonic() - t0, error=str(e) or "timed out")
            except httpx.TooManyRedirects as e:
                return FetchResult(url, "too_many_redirects", started_at=started, duration=time.monotonic() - t0, error=str(e))
            except httpx.ConnectError as e:
                return FetchResult(url, "connect", started_at=started, duration=time.monotonic() - t0, error=str(e) or "connection failed")
            except httpx.HTTPError as e:
                return FetchResult(url, "error", started_at=started, duration=time.monotonic() - t0, error=f"{type(e).__name__}: {e}")
        duration = time.monotonic() - t0
        headers_out = {k.lower(): v for k, v in response.headers.items()}
        common = dict(status=response.status_code, headers=headers_out, final_url=str(response.url), started_at=started, duration=duration)
        if response.status_code == 304:
            return FetchResult(url, "not_modified", **common)
        if response.status_code >= 500:
            return FetchResult(url, "http_5xx", error=f"HTTP {response.status_code}", **common)
        if response.status_code >= 400:
            return FetchResult(url, "http_4xx", error=f"HTTP {response.status_code}", **common)
        if not response.content:
            return FetchResult(url, "empty", error="empty response body", **common)
        return FetchResult(url, "ok", content=response.content, **common)
