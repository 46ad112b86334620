"""A fault site: one endpoint per way a source can go wrong, for real HTTP servers.

:func:`fault_routes` maps paths to handlers for :class:`monitor.sitesrv.SiteServer`; the fixture
files in ``tests/sites/faults`` (a good feed, an Urdu feed, broken XML, an HTML page) are served
beside them.
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
import zlib
from pathlib import Path

import brotli

from monitor.sitesrv import PLACEHOLDER, send

FAULTS = Path(__file__).parent / "sites" / "faults"
MB = 1024 * 1024


def fixture_bytes(h, name: str) -> bytes:
    """A fixture file with its links pointing at the server that was asked."""
    return (FAULTS / name).read_bytes().replace(PLACEHOLDER, f"http://{h.headers['Host']}".encode())


def quietly(handler):
    """Handlers write to clients that may have given up; that is expected, not an error."""

    @functools.wraps(handler)
    def wrapped(h) -> None:
        try:
            handler(h)
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True

    return wrapped


@quietly
def slow_headers(h) -> None:
    time.sleep(2)  # longer than the read timeout
    send(h, 200, fixture_bytes(h, "feed.xml"), "application/rss+xml")


@quietly
def drip(h) -> None:
    """Headers at once, then one byte every 0.2 s: each read is quick, the whole is too slow."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", "100")
    h.end_headers()
    for _ in range(100):
        h.wfile.write(b" ")
        h.wfile.flush()
        time.sleep(0.2)


@quietly
def huge_streamed(h) -> None:
    """20 MB with no Content-Length, so only counting while streaming can stop it."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Connection", "close")
    h.end_headers()
    h.close_connection = True
    block = b"<!-- padding -->" * 4096  # 64 KiB
    for _ in range(20 * MB // len(block)):
        h.wfile.write(block)


def unsized(body: bytes, headers: dict[str, str]):
    """Serve ``body`` without a Content-Length (the end is when the connection closes)."""

    @quietly
    def handler(h) -> None:
        h.send_response(200)
        for k, v in {"Content-Type": "application/rss+xml", "Connection": "close", **headers}.items():
            h.send_header(k, v)
        h.end_headers()
        h.close_connection = True
        h.wfile.write(body)

    return handler


def cut_short(h) -> None:
    """A Content-Length of 1,000 bytes and only 100 of them before the connection closes."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    h.wfile.write(b"<rss>" + b" " * 95)
    h.close_connection = True


def chunked(*chunks: bytes):
    """A chunked body written as given, raw: its chunks' framing is the test's to break. The
    connection closes after it."""

    @quietly
    def handler(h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        h.wfile.write(b"".join(chunks))
        h.close_connection = True

    return handler


def huge_declared(h) -> None:
    """A Content-Length of 20 MB: refused before a byte of the body is read."""
    h.send_response(200)
    h.send_header("Content-Type", "application/rss+xml")
    h.send_header("Content-Length", str(20 * MB))
    h.send_header("Connection", "close")
    h.end_headers()
    h.close_connection = True


@functools.cache
def gzip_bomb() -> bytes:
    """64 MB of zeros in about 64 KB of gzip."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return b"".join(packer.compress(bytes(MB)) for _ in range(64)) + packer.flush()


@functools.cache
def brotli_bomb() -> bytes:
    """64 MB of zeros in about a hundred bytes of brotli."""
    return brotli.compress(bytes(64 * MB), quality=5)


def encoded(coding: str, body: bytes) -> bytes:
    if coding == "gzip":
        return gzip.compress(body)
    if coding == "deflate":
        return zlib.compress(body)
    if coding == "raw-deflate":
        packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        return packer.compress(body) + packer.flush()
    return brotli.compress(body)


def serve_encoded(coding: str, body: bytes):
    header = "deflate" if coding == "raw-deflate" else coding
    return lambda h: send(h, 200, encoded(coding, body), "application/rss+xml", {"Content-Encoding": header})


def wrong_charset(name: str, content_type: str):
    """Serve a UTF-8 Urdu fixture under a wrong charset, a common server misconfiguration."""
    return lambda h: send(h, 200, fixture_bytes(h, name), content_type)


class EtagFeed:
    """Answers 304 when the client sends back the ETag or the date it was given."""

    ETAG = '"wire-v1"'
    MODIFIED = "Thu, 21 Aug 2025 15:00:00 GMT"

    def __call__(self, h) -> None:
        if h.headers.get("If-None-Match") == self.ETAG or h.headers.get("If-Modified-Since") == self.MODIFIED:
            send(h, 304, b"", "", {"ETag": self.ETAG})
            return
        send(h, 200, fixture_bytes(h, "feed.xml"), "application/rss+xml", {"ETag": self.ETAG, "Last-Modified": self.MODIFIED})


class Flaky:
    """Fails with ``status`` (and headers) ``times`` times, then serves the good feed."""

    def __init__(self, status: int, times: int, headers: dict[str, str] | None = None):
        self.status, self.left, self.headers = status, times, headers or {}
        self.lock = threading.Lock()

    def __call__(self, h) -> None:
        with self.lock:
            failing = self.left > 0
            self.left -= 1
        if failing:
            send(h, self.status, b"try later", "text/plain", self.headers)
        else:
            send(h, 200, fixture_bytes(h, "feed.xml"), "application/rss+xml")


def fault_routes() -> dict:
    """Every fault endpoint; the fixture files of tests/sites/faults are served as they are."""
    gz, br = gzip_bomb(), brotli_bomb()  # built before serving, so the answers are immediate
    return {
        "/slow-headers": slow_headers,
        "/drip": drip,
        "/500": lambda h: send(h, 500, b"internal error", "text/plain"),
        "/503": lambda h: send(h, 503, b"maintenance", "text/plain", {"Retry-After": "1"}),
        "/503-for-an-hour": lambda h: send(h, 503, b"maintenance", "text/plain", {"Retry-After": "3600"}),
        "/429": lambda h: send(h, 429, b"slow down", "text/plain"),
        "/loop/a": lambda h: send(h, 302, b"", "", {"Location": "/loop/b"}),
        "/loop/b": lambda h: send(h, 302, b"", "", {"Location": "/loop/a"}),
        "/to-ftp": lambda h: send(h, 301, b"", "", {"Location": "ftp://files.example.org/feed.xml"}),
        "/huge": huge_streamed,
        "/huge-declared": huge_declared,
        "/gzip-bomb": quietly(lambda h: send(h, 200, gz, "application/rss+xml", {"Content-Encoding": "gzip"})),
        "/brotli-bomb": lambda h: send(h, 200, br, "application/rss+xml", {"Content-Encoding": "br"}),
        "/cut-short": cut_short,
        # a chunk, then the connection closes without the last (empty) chunk
        "/chunks-cut-short": chunked(b"5\r\n<rss>\r\n"),
        # a chunk size that is no number: the body breaks HTTP's framing, however often asked
        "/bad-chunk": chunked(b"5\r\n<rss>\r\n", b"zz\r\n</rss>\r\n", b"0\r\n\r\n"),
        "/corrupt-gzip": lambda h: send(h, 200, b"\x1f\x8b\x08\x00 this is not gzip data", "application/rss+xml", {"Content-Encoding": "gzip"}),
        "/empty": lambda h: send(h, 200, b"", "application/rss+xml"),
        "/wrong-charset.xml": wrong_charset("urdu.xml", "text/xml; charset=windows-1252"),
        "/urdu/freelance-tax": wrong_charset("urdu/freelance-tax.html", "text/html; charset=iso-8859-1"),
        "/etag.xml": EtagFeed(),
    }
