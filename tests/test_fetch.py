"""The fetcher against real HTTP servers on loopback addresses, one endpoint per fault."""

from __future__ import annotations

import asyncio
import gzip
import socket
import ssl
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from faultsite import FAULTS, MB, EtagFeed, Flaky, brotli_bomb, encoded, fault_routes, gzip_bomb, quietly, serve_encoded, unsized

from monitor.config import FetchSettings
from monitor.fetch import BadEncoding, BodyDecoder, Fetcher, TooLarge, backoff_seconds, classify_error, retry_after_seconds, user_agent
from monitor.models import FETCH_OUTCOMES, FetchResult
from monitor.sitesrv import PLACEHOLDER, SiteServer, send

CONTACT = "https://example.org/monitor-contact"

#: Small limits so every fault resolves quickly.
SETTINGS = FetchSettings(
    concurrency=16,
    per_host=8,
    host_delay=0.01,
    connect_timeout=2,
    read_timeout=0.5,
    deadline=1.5,
    retries=1,
    retry_backoff=0.05,
    max_retry_after=2,
)


@pytest.fixture
def faults():
    with SiteServer(FAULTS, routes=fault_routes()) as server:
        yield server


def fetch_one(url: str, settings: FetchSettings = SETTINGS, **kwargs) -> FetchResult:
    return fetch_all([url], settings, **kwargs)[0]


def fetch_all(urls: list[str], settings: FetchSettings = SETTINGS, **kwargs) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        async with Fetcher(settings, user_agent(CONTACT)) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(u, **kwargs) for u in urls))

    return asyncio.run(run())


def paths(server: SiteServer) -> list[str]:
    return [p for p, _ in server.requests]


# --------------------------------------------------------------------------- every fault has its outcome


@pytest.mark.parametrize(
    "path, outcome",
    [
        ("/slow-headers", "timeout"),
        ("/drip", "timeout"),
        ("/500", "http_5xx"),
        ("/503", "http_5xx"),
        ("/429", "http_4xx"),
        ("/missing.xml", "http_4xx"),
        ("/loop/a", "too_many_redirects"),
        ("/to-ftp", "bad_url"),
        ("/huge", "too_large"),
        ("/huge-declared", "too_large"),
        ("/gzip-bomb", "too_large"),
        ("/brotli-bomb", "too_large"),
        ("/corrupt-gzip", "bad_encoding"),
        ("/cut-short", "truncated"),
        ("/chunks-cut-short", "truncated"),
        ("/bad-chunk", "protocol_error"),
        ("/empty", "empty"),
    ],
)
def test_each_fault_ends_in_its_named_outcome(faults, path, outcome):
    result = fetch_one(faults.base + path)
    assert result.outcome == outcome, result.error
    assert outcome in FETCH_OUTCOMES
    assert result.error
    assert result.content == b""


def test_a_good_feed_comes_back_as_the_served_bytes_with_headers(faults):
    result = fetch_one(faults.base + "/feed.xml")
    assert result.outcome == "ok" and result.status == 200 and result.attempts == 1
    assert result.content == _expected_feed(faults)
    assert result.headers["content-type"].startswith("application/rss+xml")
    assert result.final_url == faults.base + "/feed.xml"
    assert result.started_at.endswith("+00:00") and result.duration > 0


def _expected_feed(server: SiteServer, name: str = "feed.xml") -> bytes:
    return (FAULTS / name).read_bytes().replace(PLACEHOLDER, server.base.encode())


def test_requests_name_the_monitor_and_its_contact(faults):
    fetch_one(faults.base + "/feed.xml")
    headers = faults.requests[0][1]
    assert headers["user-agent"] == f"pk-freelance-monitor/0.1.0 (+{CONTACT})"
    assert "application/rss+xml" in headers["accept"]
    assert headers["accept-encoding"] == "gzip, deflate, br"


def test_only_usable_http_and_https_urls_are_fetched():
    urls = ("ftp://files.example.org/feed.xml", "file:///etc/passwd", "/relative/feed.xml", "http://[::1/feed", "http://127.0.0.1:99999/feed", "http://\x00bad/")
    for url in urls:
        result = fetch_one(url)
        assert result.outcome == "bad_url" and result.attempts == 0 and result.error, url


# --------------------------------------------------------------------------- bodies: sizes and encodings


@pytest.mark.parametrize("coding", ["gzip", "deflate", "raw-deflate", "br"])
def test_compressed_bodies_are_decoded(coding):
    body = ("<rss><channel><title>آئی ٹی برآمدات</title></channel></rss>" * 200).encode()
    with SiteServer(routes={"/feed": serve_encoded(coding, body)}) as server:
        result = fetch_one(server.base + "/feed")
    assert result.outcome == "ok" and result.content == body


def test_the_size_limit_also_counts_bytes_on_the_wire():
    """A compressed body that decodes to little but never ends is still stopped."""
    body = gzip.compress(b"<rss/>") + bytes(2 * MB)  # data after the gzip member decodes to nothing
    with SiteServer(routes={"/feed": unsized(body, {"Content-Encoding": "gzip"})}) as server:
        result = fetch_one(server.base + "/feed", replace(SETTINGS, max_bytes=MB))
    assert result.outcome == "too_large"


def test_the_size_limit_counts_decoded_bytes():
    body = b"<rss>" + b" " * 5000 + b"</rss>"  # compresses to far less than the limit
    with SiteServer(routes={"/feed": serve_encoded("gzip", body)}) as server:
        small = fetch_one(server.base + "/feed", replace(SETTINGS, max_bytes=4000))
        enough = fetch_one(server.base + "/feed", replace(SETTINGS, max_bytes=len(body)))
    assert small.outcome == "too_large"
    assert enough.outcome == "ok" and enough.content == body


@pytest.mark.parametrize("bomb, coding", [(gzip_bomb, "gzip"), (brotli_bomb, "br")])
def test_a_decompression_bomb_never_inflates_past_the_limit(bomb, coding):
    limit = 10 * MB
    decoder = BodyDecoder(coding, limit)
    decoded = 0
    with pytest.raises(TooLarge):
        for i in range(0, len(bomb()), 4096):  # fed in small chunks, as a stream arrives
            decoded += len(decoder.decode(bomb()[i : i + 4096]))
            assert decoded <= limit
    assert limit < decoder.size <= limit + 256 * 1024  # stopped just past the limit, not at 64 MB


def test_unknown_or_corrupt_content_encodings_are_named():
    with pytest.raises(BadEncoding, match="unsupported Content-Encoding zstd"):
        BodyDecoder("zstd", MB)
    with pytest.raises(BadEncoding, match="bad gzip body"):
        BodyDecoder("gzip", MB).decode(b"\x1f\x8b\x08\x00 this is not gzip data")
    assert BodyDecoder("identity", MB).decode(b"plain") == b"plain"


def test_a_body_cut_short_is_truncated_and_a_corrupt_gzip_body_a_bad_encoding_both_named(faults):
    cut = fetch_one(faults.base + "/cut-short", replace(SETTINGS, retries=1))
    assert cut.outcome == "truncated" and cut.attempts == 2  # retried: the next answer may be whole
    assert cut.error == "truncated body: the connection closed after 100 of 1000 bytes (Content-Length)"
    corrupt = fetch_one(faults.base + "/corrupt-gzip")
    assert corrupt.outcome == "bad_encoding" and corrupt.attempts == 1
    assert corrupt.error.startswith("bad gzip body: Error -3 while decompressing data")


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_compressed_data_cut_short_on_the_server_is_truncated_not_a_part_taken_for_the_whole(coding):
    """The server sends its whole (Content-Length) body, but the file it compressed was cut
    short: the decoded part would read as a shorter feed, so it is named and retried."""
    body = b"".join(b"<item><title>Freelancers %d</title></item>" % i for i in range(400))
    packed = encoded(coding, body)
    cut = packed[: len(packed) // 2]
    header = "deflate" if coding == "deflate" else coding
    with SiteServer(routes={"/feed": lambda h: send(h, 200, cut, "application/rss+xml", {"Content-Encoding": header})}) as server:
        result = fetch_one(server.base + "/feed", replace(SETTINGS, retries=1))
    assert result.outcome == "truncated" and result.attempts == 2 and result.content == b""
    assert result.error == f"truncated body: its {coding} data ends before the end of the stream"


def test_a_gzip_body_of_several_members_is_decoded_whole():
    """RFC 1952: a gzip file is a series of members; each is read, split across chunks too."""
    first, second = b"<rss><channel><title>Part one</title>" * 300, b"<item>Part two</item></channel></rss>" * 300
    packed = gzip.compress(first) + gzip.compress(second)
    with SiteServer(routes={"/feed": lambda h: send(h, 200, packed, "application/rss+xml", {"Content-Encoding": "gzip"})}) as server:
        result = fetch_one(server.base + "/feed")
    assert result.outcome == "ok" and result.content == first + second
    for size in (1, 7, 4096):
        decoder = BodyDecoder("gzip", MB)
        assert b"".join(decoder.decode(packed[i : i + size]) for i in range(0, len(packed), size)) == first + second
        decoder.finish()


def test_a_chunked_body_cut_short_is_truncated_and_retried_but_one_with_broken_framing_is_a_protocol_error_not_retried(faults):
    cut = fetch_one(faults.base + "/chunks-cut-short", replace(SETTINGS, retries=1))
    assert cut.outcome == "truncated" and cut.attempts == 2
    assert cut.error == "truncated body: peer closed connection without sending complete message body (incomplete chunked read)"
    broken = fetch_one(faults.base + "/bad-chunk", replace(SETTINGS, retries=1))
    assert broken.outcome == "protocol_error" and broken.attempts == 1  # the server writes it so: no retry
    assert broken.error.startswith("malformed body: illegal chunk header") and "truncated" not in broken.error
    assert paths(faults).count("/bad-chunk") == 1


def test_a_wrongly_declared_charset_leaves_the_bytes_untouched(faults):
    result = fetch_one(faults.base + "/wrong-charset.xml")
    assert result.outcome == "ok"
    assert result.content == _expected_feed(faults, "urdu.xml")
    assert "فری لانسرز" in result.content.decode("utf-8")
    assert result.headers["content-type"] == "text/xml; charset=windows-1252"


# --------------------------------------------------------------------------- redirects


def test_redirects_are_followed_up_to_the_limit():
    routes = {f"/r{i}": (lambda n: lambda h: send(h, 302, b"", "", {"Location": f"/r{n + 1}"}))(i) for i in range(6)}
    routes["/r6"] = lambda h: send(h, 200, b"<rss/>", "application/rss+xml")
    with SiteServer(routes=routes) as server:
        five = fetch_one(server.base + "/r1")  # r1 -> r6: five redirects
        six = fetch_one(server.base + "/r0")
        assert five.outcome == "ok" and five.final_url == server.base + "/r6" and five.url == server.base + "/r1"
    assert six.outcome == "too_many_redirects"


def test_a_redirect_loop_stops_after_five_redirects(faults):
    result = fetch_one(faults.base + "/loop/a", replace(SETTINGS, retries=0))
    assert result.outcome == "too_many_redirects"
    assert len(faults.requests) == 6  # the first request and five redirects


# --------------------------------------------------------------------------- retries


def test_server_errors_are_retried_then_reported(faults):
    result = fetch_one(faults.base + "/500", replace(SETTINGS, retries=2))
    assert result.outcome == "http_5xx" and result.status == 500 and result.error == "HTTP 500 Internal Server Error"  # no proxy to name
    assert result.attempts == 3 and paths(faults) == ["/500"] * 3


def test_client_errors_other_than_429_are_not_retried(faults):
    result = fetch_one(faults.base + "/missing.xml", replace(SETTINGS, retries=3))
    assert result.outcome == "http_4xx" and result.attempts == 1 and len(faults.requests) == 1


@pytest.mark.parametrize("status", [429, 502, 503])
def test_a_source_that_recovers_within_the_retries_is_ok(status):
    with SiteServer(FAULTS, routes={"/feed": Flaky(status, times=2)}) as server:
        result = fetch_one(server.base + "/feed", replace(SETTINGS, retries=2))
        assert result.outcome == "ok" and result.attempts == 3
        assert result.content == _expected_feed(server)


def test_retry_after_is_waited_for(faults):
    stamps: list[float] = []

    def stamped(h) -> None:
        stamps.append(time.monotonic())
        send(h, 503, b"maintenance", "text/plain", {"Retry-After": "1"})

    faults.routes["/503"] = stamped
    result = fetch_one(faults.base + "/503", replace(SETTINGS, deadline=5))
    assert result.outcome == "http_5xx" and result.attempts == 2
    assert "Retry-After 1" in result.error
    assert stamps[1] - stamps[0] >= 0.95  # not the 0.05 s backoff


def test_a_retry_after_over_the_cap_is_left_to_a_later_cycle(faults):
    faults.routes["/503-for-3s"] = lambda h: send(h, 503, b"maintenance", "text/plain", {"Retry-After": "3"})
    result = fetch_one(faults.base + "/503-for-3s", replace(SETTINGS, retries=3, max_retry_after=2, deadline=10))
    assert result.outcome == "http_5xx" and result.attempts == 1
    assert "Retry-After 3" in result.error


def test_no_retry_starts_after_the_deadline(faults):
    result = fetch_one(faults.base + "/503", replace(SETTINGS, retries=3, deadline=0.5))
    assert result.outcome == "http_5xx" and result.attempts == 1  # Retry-After 1 s > 0.5 s left


def test_backoff_doubles_with_jitter():
    import random

    rng = random.Random(7)
    for retry, full in ((1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0)):
        waits = [backoff_seconds(retry, 0.5, rng) for _ in range(200)]
        assert all(full / 2 <= w <= full for w in waits)
        assert max(waits) - min(waits) > full / 4  # spread, not one fixed delay


def test_retry_after_values():
    from datetime import datetime, timezone

    now = datetime(2025, 8, 22, 12, 0, 0, tzinfo=timezone.utc)
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds("Fri, 22 Aug 2025 12:01:30 GMT", now) == 90
    assert retry_after_seconds("Fri, 22 Aug 2025 11:00:00 GMT", now) == 0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


# --------------------------------------------------------------------------- connection failures


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_refused_is_connect_and_retried():
    port = _closed_port()
    result = fetch_one(f"http://127.0.0.1:{port}/feed.xml", replace(SETTINGS, retries=2))
    assert result.outcome == "connect" and result.attempts == 3
    # said in words, as a TLS failure is: not "[Errno 111] Connect call failed ('127.0.0.1', 8768)"
    assert result.error == f"connection refused by 127.0.0.1:{port}: no server is listening there (the site is down, or the address or port is wrong)"


def test_a_connection_reset_or_another_network_error_is_said_in_words():
    import errno

    from monitor.fetch import os_reason

    assert os_reason(ConnectionResetError(errno.ECONNRESET, "Connection reset by peer")) == "connection reset by the server"
    assert os_reason(OSError(errno.EHOSTUNREACH, "Connect call failed ('::1', 80, 0, 0)")) == "no route to the host ([::1]:80) (host unreachable)"
    assert os_reason(OSError(errno.EADDRNOTAVAIL, "Cannot assign requested address")) == "connection failed: cannot assign requested address"


def test_a_tls_failure_is_tls_and_not_retried(faults):
    result = fetch_one(faults.base.replace("http://", "https://") + "/feed.xml", replace(SETTINGS, retries=2))
    assert result.outcome == "tls" and result.attempts == 1
    # said in words, without OpenSSL's code and source line, with what to try
    assert result.error.startswith("TLS failure: ") and "_ssl.c" not in result.error and "[SSL:" not in result.error
    assert result.error.endswith("(the server did not answer in TLS: is this port plain HTTP? try http://)"), result.error


@pytest.fixture
def self_signed_server():
    """A TLS server on 127.0.0.1 with a self-signed certificate (the one of the mail tests)."""
    certs = Path(__file__).parent / "certs"
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs / "smtp-test.pem", certs / "smtp-test.key")
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:  # closed: the test is over
                return
            try:
                context.wrap_socket(conn, server_side=True).close()
            except (ssl.SSLError, OSError):  # the client refused the certificate
                conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()


def test_an_untrusted_certificate_is_said_in_words(self_signed_server):
    result = fetch_one(f"https://127.0.0.1:{self_signed_server}/feed.xml")
    assert result.outcome == "tls" and result.attempts == 1
    assert result.error.startswith("TLS failure: certificate verify failed: self"), result.error  # "self-signed certificate"
    assert "_ssl.c" not in result.error and "CERTIFICATE_VERIFY_FAILED" not in result.error


def test_an_unknown_host_name_is_dns_and_not_retried(monkeypatch):
    real = socket.getaddrinfo

    def resolver(host, *args, **kwargs):
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    result = fetch_one("http://feeds.nowhere.invalid/rss", replace(SETTINGS, retries=2))
    assert result.outcome == "dns" and result.attempts == 1
    # the host named, the reason in words (not "[Errno -2] Name or service not known")
    assert result.error == "cannot resolve the host name feeds.nowhere.invalid: no such host (is the address right?)", result.error


def test_an_internationalised_host_name_is_fetched_by_its_idna_name(monkeypatch):
    """exämple.com is looked up and asked for as xn--exmple-cua.com (its robots.txt once,
    whichever way a link spells the host); the name as written is never sent or resolved."""
    real, looked_up = socket.getaddrinfo, []

    def resolver(host, *args, **kwargs):
        looked_up.append(host)
        if host in ("xn--exmple-cua.com", b"xn--exmple-cua.com"):
            return real("127.0.0.1", *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    routes = {"/robots.txt": lambda h: send(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"), "/page.html": lambda h: send(h, 200, b"<p>page</p>")}
    with SiteServer(FAULTS, routes=routes) as server:
        port = server.base.rsplit(":", 1)[1]
        urls = [f"http://exämple.com:{port}/page.html", f"http://EXÄMPLE.com:{port}/private/x.html", f"http://xn--exmple-cua.com:{port}/page.html?again"]
        results = fetch_all(urls, kind="page")
    assert [r.outcome for r in results] == ["ok", "robots_disallowed", "ok"], [r.error for r in results]
    assert results[0].content == b"<p>page</p>"
    assert paths(server) == ["/robots.txt", "/page.html", "/page.html?again"]
    assert {headers["host"] for _, headers in server.requests} == {f"xn--exmple-cua.com:{port}"}
    assert set(looked_up) <= {"xn--exmple-cua.com", b"xn--exmple-cua.com"}, looked_up


def test_errors_are_classified_through_their_causes():
    import ssl

    import httpx

    def wrapped(inner: BaseException, outer: type = httpx.ConnectError) -> BaseException:
        try:
            try:
                raise inner
            except BaseException as e:
                raise outer("wrapped") from e
        except BaseException as e:
            return e

    assert classify_error(wrapped(socket.gaierror(-2, "Name or service not known")))[0] == "dns"
    assert classify_error(wrapped(socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")))[1] == "cannot resolve the host name: the name server did not answer (is this machine's network or DNS working?)"
    assert classify_error(wrapped(ssl.SSLCertVerificationError(1, "certificate verify failed")))[0] == "tls"
    assert classify_error(wrapped(ConnectionRefusedError(111, "refused"))) == ("connect", "connection refused: no server is listening there (the site is down, or the address or port is wrong)", True)
    assert classify_error(httpx.ConnectTimeout("slow"))[::2] == ("timeout", True)
    assert classify_error(httpx.ReadTimeout("slow"))[:2] == ("timeout", "read timeout")
    assert classify_error(httpx.RemoteProtocolError("Server disconnected"))[0] == "connect"
    assert classify_error(httpx.UnsupportedProtocol("gopher"))[0] == "bad_url"


# --------------------------------------------------------------------------- conditional GET


def test_etag_and_last_modified_are_sent_back_and_304_is_not_modified(faults):
    first = fetch_one(faults.base + "/etag.xml")
    assert first.outcome == "ok"
    second = fetch_one(faults.base + "/etag.xml", etag=first.headers["etag"], last_modified=first.headers["last-modified"])
    assert second.outcome == "not_modified" and second.status == 304 and second.content == b""
    sent = faults.requests[1][1]
    assert sent["if-none-match"] == EtagFeed.ETAG
    assert sent["if-modified-since"] == EtagFeed.MODIFIED
    assert "if-none-match" not in faults.requests[0][1]


# --------------------------------------------------------------------------- concurrency and politeness


class Gauge:
    """Counts requests in flight at a server; optionally holds each until ``meet`` are in.

    A request stops counting just before its answer is sent: the client frees its slot only
    once it has the answer, so the next request it lets in can never find this one still
    counted (counting it until after the send would see one more request at once than the
    client ever has in flight, whenever the server's thread is slower than the client)."""

    def __init__(self, meet: int = 1, hold: float = 0.1):
        self.now = self.peak = 0
        self.lock = threading.Lock()
        self.barrier = threading.Barrier(meet) if meet > 1 else None
        self.hold = hold

    def __call__(self, h) -> None:
        with self.lock:
            self.now += 1
            self.peak = max(self.peak, self.now)
        answer = (200, b"<rss/>", "application/rss+xml")
        try:
            if self.barrier:
                self.barrier.wait(timeout=5)  # raises if the fetcher never lets `meet` in together
            time.sleep(self.hold)
        except threading.BrokenBarrierError:
            answer = (500, b"requests were serialised", "text/plain")
        finally:
            with self.lock:
                self.now -= 1
        send(h, *answer)


def test_per_host_limit_allows_exactly_that_many_requests_at_once():
    gauge = Gauge(meet=2)
    with SiteServer(routes={"/feed": gauge}) as server:
        results = fetch_all([f"{server.base}/feed?n={i}" for i in range(6)], replace(SETTINGS, per_host=2, deadline=10))
    assert [r.outcome for r in results] == ["ok"] * 6
    assert gauge.peak == 2


def test_hosts_are_limited_separately():
    gauge = Gauge(meet=2)  # shared: succeeds only if both hosts are served at the same time
    with SiteServer(routes={"/feed": gauge}, host="127.0.0.2") as a, SiteServer(routes={"/feed": gauge}, host="127.0.0.3") as b:
        results = fetch_all([f"{a.base}/feed", f"{b.base}/feed"], replace(SETTINGS, per_host=1, deadline=10))
    assert [r.outcome for r in results] == ["ok", "ok"]


def test_the_global_limit_caps_requests_across_hosts():
    gauge = Gauge(meet=2)
    servers = [SiteServer(routes={"/feed": gauge}, host=f"127.0.0.{i}").start() for i in (2, 3, 4)]
    try:
        urls = [f"{s.base}/feed?n={i}" for s in servers for i in range(2)]
        results = fetch_all(urls, replace(SETTINGS, concurrency=2, per_host=2, deadline=10))
    finally:
        for s in servers:
            s.stop()
    assert [r.outcome for r in results] == ["ok"] * 6
    assert gauge.peak == 2


def test_requests_to_one_host_start_at_least_host_delay_apart():
    stamps: list[float] = []

    def stamped(h) -> None:
        stamps.append(time.monotonic())
        send(h, 200, b"<rss/>", "application/rss+xml")

    with SiteServer(routes={"/feed": stamped}) as server:
        fetch_all([f"{server.base}/feed?n={i}" for i in range(4)], replace(SETTINGS, per_host=4, host_delay=0.3, deadline=10))
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    assert len(gaps) == 3 and min(gaps) >= 0.25  # 0.3 s, less the scheduling jitter of the server


def test_a_slow_host_does_not_hold_up_another(faults):
    """Requests queued for a busy host wait without taking the global slots other hosts need."""
    gate = threading.Event()

    def held(h) -> None:
        gate.wait(timeout=10)
        send(h, 200, b"<rss/>", "application/rss+xml")

    async def run() -> tuple[FetchResult, bool]:
        with SiteServer(routes={"/feed": held}, host="127.0.0.2") as slow:
            async with Fetcher(replace(SETTINGS, concurrency=2, per_host=1, deadline=10), user_agent(CONTACT)) as fetcher:
                stuck = [asyncio.create_task(fetcher.fetch(f"{slow.base}/feed?n={i}")) for i in range(3)]
                await asyncio.sleep(0.2)  # let them queue first
                quick = await fetcher.fetch(faults.base + "/feed.xml")
                still_waiting = not any(t.done() for t in stuck)
                gate.set()
                await asyncio.gather(*stuck)
        return quick, still_waiting

    quick, still_waiting = asyncio.run(run())
    assert quick.outcome == "ok" and still_waiting


def test_a_redirect_waiting_behind_a_busy_host_is_not_timed_out_by_the_queue(faults):
    """A redirect loop on a host busy with article pages (a big feed's, fetched in the same
    cycle) ends in too_many_redirects: each hop queues behind the articles for longer than the
    deadline, and that waiting is the cycle's, not the server's."""
    settings = replace(SETTINGS, per_host=1, host_delay=0.05, deadline=1.5, retries=0)

    async def run() -> FetchResult:
        async with Fetcher(settings, user_agent(CONTACT)) as fetcher:
            loop = asyncio.create_task(fetcher.fetch(faults.base + "/loop/a"))
            await asyncio.sleep(0.02)  # its first request is on its way; 40 articles queue behind it
            articles = [asyncio.create_task(fetcher.fetch(f"{faults.base}/feed.xml?article={i}", kind="article")) for i in range(40)]
            result = await loop
            await asyncio.gather(*articles)
            return result

    result = asyncio.run(run())
    assert result.outcome == "too_many_redirects", result.error


def test_a_host_keeps_its_connection_while_busy_and_closes_it_when_done():
    ports: list[int] = []

    def record_port(h) -> None:
        ports.append(h.client_address[1])
        send(h, 200, b"<rss/>", "application/rss+xml")

    async def run() -> None:
        with SiteServer(routes={"/feed": record_port}) as server:
            async with Fetcher(replace(SETTINGS, per_host=1), user_agent(CONTACT)) as fetcher:
                await asyncio.gather(*(fetcher.fetch(f"{server.base}/feed?n={i}") for i in range(3)))
                await fetcher.fetch(f"{server.base}/feed?n=later")

    asyncio.run(run())
    assert len(ports) == 4
    assert len(set(ports[:3])) == 1  # queued requests reuse the connection
    assert ports[3] != ports[0]  # the host went idle in between: its connection was closed


# --------------------------------------------------------------------------- robots.txt


ROBOTS = b"User-agent: *\nDisallow: /drafts/\n\nUser-agent: pk-freelance-monitor\nDisallow: /private/\n"


def test_robots_txt_is_obeyed_for_pages_and_read_once_per_host():
    routes = {"/robots.txt": lambda h: send(h, 200, ROBOTS, "text/plain"), "/drafts/x.html": lambda h: send(h, 200, b"<p>draft</p>")}
    with SiteServer(FAULTS, routes=routes) as server:
        urls = [server.base + p for p in ("/private/list.html", "/not-a-feed.html", "/private/other.html", "/drafts/x.html")]
        results = fetch_all(urls, kind="page")
    assert [r.outcome for r in results] == ["robots_disallowed", "ok", "robots_disallowed", "ok"]
    assert results[0].attempts == 0 and "robots.txt" in results[0].error
    # our own group, not "*"; robots.txt read once, first (the two pages go out together, in either order)
    asked = paths(server)
    assert asked[0] == "/robots.txt" and sorted(asked[1:]) == ["/drafts/x.html", "/not-a-feed.html"]


def test_article_fetches_obey_robots_txt_and_feeds_do_not_ask():
    routes = {"/robots.txt": lambda h: send(h, 200, b"User-agent: *\nDisallow: /\n", "text/plain")}
    with SiteServer(FAULTS, routes=routes) as server:
        article = fetch_one(server.base + "/not-a-feed.html", kind="article")
        feed = fetch_one(server.base + "/feed.xml", kind="feed")
    assert article.outcome == "robots_disallowed"
    assert feed.outcome == "ok"
    assert paths(server) == ["/robots.txt", "/feed.xml"]


@pytest.mark.parametrize(
    "robots",
    [
        lambda h: send(h, 404, b"not here", "text/plain"),
        lambda h: send(h, 410, b"gone", "text/plain"),
        lambda h: send(h, 200, b"", "text/plain"),
    ],
    ids=["404", "410", "empty"],
)
def test_a_missing_robots_txt_allows_everything(robots):
    with SiteServer(FAULTS, routes={"/robots.txt": robots}) as server:
        result = fetch_one(server.base + "/not-a-feed.html", kind="page")
    assert result.outcome == "ok"


@pytest.mark.parametrize(
    "robots, why",
    [
        (lambda h: send(h, 503, b"down", "text/plain"), "HTTP 503"),
        (lambda h: send(h, 500, b"oops", "text/plain"), "HTTP 500"),
        (quietly(lambda h: (time.sleep(2), send(h, 200, b"User-agent: *\nAllow: /\n", "text/plain"))), "timeout"),
    ],
    ids=["503", "500", "timeout"],
)
def test_an_unreachable_robots_txt_disallows_everything_this_cycle(robots, why):
    """RFC 9309, 2.3.1.4: a robots.txt unreachable through a server or network error means
    complete disallow; the next cycle asks again."""
    with SiteServer(FAULTS, routes={"/robots.txt": robots}) as server:
        results = fetch_all([server.base + "/not-a-feed.html", server.base + "/feed.xml"], kind="page")
        asked = paths(server)
    assert [r.outcome for r in results] == ["robots_disallowed", "robots_disallowed"]
    assert why in results[0].error and "unreachable" in results[0].error
    assert asked == ["/robots.txt"]  # asked once per cycle; the pages were not fetched


# --------------------------------------------------------------------------- settings


def test_fetch_settings_are_read_and_checked(write_config):
    from monitor.config import load_config
    from monitor.errors import ConfigError

    source = "- name: Wire\n  url: http://127.0.0.1:9/feed.xml\n"
    config = load_config(write_config(source, extra="fetch:\n  max_redirects: 0\n  retry_backoff: 0.25\n  per_host: 1\n"))
    assert (config.fetch.max_redirects, config.fetch.retry_backoff, config.fetch.per_host) == (0, 0.25, 1)
    with pytest.raises(ConfigError, match="fetch.max_redirects.*between 0 and 20"):
        load_config(write_config(source, extra="fetch:\n  max_redirects: 50\n"))
    with pytest.raises(ConfigError, match="fetch.read_timeout.*greater than 0"):
        load_config(write_config(source, extra="fetch:\n  read_timeout: 0\n"))


#: A bot check as Cloudflare serves it to some clients, with 200 rather than 403.
BOT_CHECK = (
    b'<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="refresh" content="390"></head>'
    b'<body><div class="main-wrapper" role="main"><h1 class="zone-name-title h1">www.example.com</h1>'
    b'<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>'
    b'<div id="challenge-body-text" class="core-msg spacer">www.example.com needs to review the security of your connection before proceeding.</div></div>'
    b'<script>(function(){window._cf_chl_opt={cvId: "2"};}());</script></body></html>'
)


def test_a_bot_check_answered_with_200_is_blocked_not_the_page():
    """A site that answers this client with a bot check ("Just a moment...") and 200 has refused
    it as a 403 does: the check is never read as the article, the feed or the watched page."""
    article = b"<html><head><title>Just a moment in Pakistan's IT history</title></head><body><p>Cloudflare's page says 'Just a moment...'.</p></body></html>"
    routes = {
        "/check": lambda h: send(h, 200, BOT_CHECK, "text/html; charset=UTF-8"),
        "/marked": lambda h: send(h, 200, b"<html><body>...</body></html>", "text/html", {"cf-mitigated": "challenge"}),
        "/article": lambda h: send(h, 200, article, "text/html"),
    }
    with SiteServer(routes=routes) as server:
        check, marked, real = fetch_all([f"{server.base}/check", f"{server.base}/marked", f"{server.base}/article"], kind="article")
    assert check.outcome == "blocked" and not check.content
    assert check.error.startswith('HTTP 200 OK, but a bot check ("Just a moment...") in place of the page: the site refuses this client')
    assert marked.outcome == "blocked" and "Cloudflare" in marked.error
    assert real.outcome == "ok" and real.content == article


# --------------------------------------------------------------------------- certificates as government sites serve them

CERTS = Path(__file__).parent / "certs"


@pytest.fixture
def https_site(tmp_path):
    """Start an HTTPS server on 127.0.0.1 answering every GET with a small feed, with a
    certificate chain of ``tests/certs`` (a test root CA, its intermediate, a leaf for
    127.0.0.1 and localhost, and the same leaf expired); returns its port.

    ``https_site("site-leaf.pem")`` sends the leaf alone, as a server that leaves out its
    intermediate does; ``https_site("site-leaf.pem", "site-intermediate-ca.pem")`` the whole chain."""
    listeners = []

    def start(*chain: str) -> int:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        pem = tmp_path / f"chain-{len(listeners)}.pem"
        pem.write_bytes(b"".join((CERTS / name).read_bytes() for name in chain))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(pem, CERTS / "site-leaf.key")

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = b"<rss version='2.0'><channel><title>t</title></channel></rss>"
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:  # a refused handshake
                pass

        server = Server(("127.0.0.1", 0), Handler)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        listeners.append(server)
        return server.server_address[1]

    yield start
    for server in listeners:
        server.shutdown()
        server.server_close()


def test_a_chain_without_its_intermediate_is_named_and_a_ca_file_mends_it(https_site):
    from monitor.config import HostTLS

    port = https_site("site-leaf.pem")
    url = f"https://127.0.0.1:{port}/feed.xml"
    trusted_root = replace(SETTINGS, ca_file=str(CERTS / "site-root-ca.pem"))  # as a public root is
    result = fetch_one(url, trusted_root)
    assert result.outcome == "tls", result.error
    assert result.error.startswith("TLS failure: certificate verify failed: unable to get local issuer certificate (a server that leaves out its intermediate certificate"), result.error
    assert "the source's ca_file" in result.error and "_ssl.c" not in result.error
    # the missing intermediate given for that host: the chain is whole
    mended = replace(trusted_root, tls_hosts={"127.0.0.1": HostTLS(ca_files=(str(CERTS / "site-intermediate-ca.pem"),))})
    assert fetch_one(url, mended).outcome == "ok"
    # a private CA trusted for every request, besides the default ones
    whole = https_site("site-leaf.pem", "site-intermediate-ca.pem")
    assert fetch_one(f"https://127.0.0.1:{whole}/feed.xml").outcome == "tls"
    assert fetch_one(f"https://127.0.0.1:{whole}/feed.xml", trusted_root).outcome == "ok"


def test_a_self_signed_certificate_is_trusted_for_its_host_only(self_signed_server):
    from monitor.config import HostTLS

    settings = replace(SETTINGS, tls_hosts={"127.0.0.1": HostTLS(ca_files=(str(CERTS / "smtp-test.pem"),))})
    # the handshake succeeds; this server closes at once, which is no TLS failure
    assert fetch_one(f"https://127.0.0.1:{self_signed_server}/feed.xml", settings).outcome != "tls"
    other = replace(SETTINGS, tls_hosts={"localhost": HostTLS(ca_files=(str(CERTS / "smtp-test.pem"),))})
    result = fetch_one(f"https://127.0.0.1:{self_signed_server}/feed.xml", other)
    assert result.outcome == "tls" and "(put this certificate in the source's ca_file; README: Certificates)" in result.error, result.error


def test_an_expired_certificate_is_named_and_tls_verify_false_reads_it_with_a_warning(https_site, caplog):
    from monitor.config import HostTLS

    port = https_site("site-expired.pem", "site-intermediate-ca.pem")
    url = f"https://127.0.0.1:{port}/feed.xml"
    trusted_root = replace(SETTINGS, ca_file=str(CERTS / "site-root-ca.pem"))
    result = fetch_one(url, trusted_root)
    assert result.outcome == "tls"
    assert result.error == "TLS failure: certificate verify failed: certificate has expired (tell the site; as a last resort, tls_verify: false for this source; README: Certificates)"
    unverified = replace(SETTINGS, tls_hosts={"127.0.0.1": HostTLS(verify=False, unverified_by=("PTA - News",))})
    with caplog.at_level("WARNING", logger="monitor.fetch"):
        results = fetch_all([url, url + "?again"], unverified)
    assert [r.outcome for r in results] == ["ok", "ok"], [r.error for r in results]
    warnings = [r.getMessage() for r in caplog.records if "not verified" in r.getMessage()]
    assert warnings == ["127.0.0.1: its TLS certificate is not verified (tls_verify: false for PTA - News): anyone on the way can read and change its answers"]


# --------------------------------------------------------------------------- proxies that fail


@pytest.fixture
def proxy_env(monkeypatch):
    """Set HTTP_PROXY and HTTPS_PROXY to ``address`` (no other proxy variable)."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)

    def use(address: str) -> None:
        monkeypatch.setenv("HTTP_PROXY", address)
        monkeypatch.setenv("HTTPS_PROXY", address)

    return use


@contextmanager
def _proxy(answer):
    """A proxy on 127.0.0.1 that answers every request, a CONNECT too, with ``answer(handler)``;
    yields its address."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        do_GET = do_CONNECT = answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_proxy_that_asks_for_a_login_is_named_not_the_site(proxy_env):
    def login_please(h) -> None:
        send(h, 407, b"", headers={"Proxy-Authenticate": 'Basic realm="office"'})

    with _proxy(login_please) as address:
        host_port = address.split("//")[1]
        proxy_env(address)
        results = fetch_all(["http://www.example.org/feed.xml", "https://www.example.org/feed.xml"])
        assert [r.outcome for r in results] == ["connect", "connect"], [r.error for r in results]
        assert [r.attempts for r in results] == [1, 1]
        assert results[0].error == f"the proxy http://{host_port} (HTTP_PROXY) asks for a login (HTTP 407 Proxy Authentication Required): give its user name and password in HTTP_PROXY, as user:password@ before the proxy's host"
        assert results[1].error.startswith(f"the proxy http://{host_port} (HTTPS_PROXY) asks for a login (HTTP 407")
        proxy_env(f"http://reader:s3cret@{host_port}")
        refused = fetch_all(["http://www.example.org/feed.xml", "https://www.example.org/feed.xml"])
        for result, variable in zip(refused, ("HTTP_PROXY", "HTTPS_PROXY")):
            assert result.error == f"the proxy http://{host_port} ({variable}) refused the login {variable} gives (HTTP 407 Proxy Authentication Required): check the user name and password"
            assert "s3cret" not in result.error


def test_a_proxy_that_is_down_or_a_captive_portal_in_its_place_is_named(proxy_env):
    port = _closed_port()
    proxy_env(f"http://127.0.0.1:{port}")
    result = fetch_one("https://www.example.org/feed.xml", replace(SETTINGS, retries=1))
    assert result.outcome == "connect" and result.attempts == 2  # retried, as any refused connection
    assert result.error == f"cannot reach the proxy http://127.0.0.1:{port} (HTTPS_PROXY): connection refused by 127.0.0.1:{port}: no server is listening there (is the proxy running, and its address right?)"

    def portal(h) -> None:  # a network's login page answers the tunnel in place of the site
        send(h, 302, b"", headers={"Location": "http://192.0.2.1/login"})

    with _proxy(portal) as address:
        proxy_env(address)
        result = fetch_one("https://www.example.org/feed.xml")
    assert result.outcome == "connect" and result.attempts == 1
    assert "answered the tunnel to www.example.org:443 with HTTP 302 Found, a page of its own: a network login page (captive portal) may be in the way" in result.error


def test_a_5xx_through_a_proxy_names_the_proxy_and_the_reason_it_gives(proxy_env):
    """A plain http request goes through the proxy as a request, not a tunnel: a 502 may be the
    proxy's own (it could not reach the site) or the site's, passed on. The error names the
    proxy, with the reason it gives (RFC 9209's Proxy-Status, or Squid's X-Squid-Error), so
    the operator does not blame only the site; the answer stays an http_5xx, retried as one."""
    answers = {
        "/rfc": (502, {"Proxy-Status": 'office-proxy; error=dns_error; details="no such host"'}),
        "/squid": (503, {"X-Squid-Error": "ERR_CONNECT_FAIL 111"}),
        "/plain": (502, {}),
    }

    def answer(h) -> None:
        status, headers = answers[urlsplit(h.path).path]
        send(h, status, b"<html>the proxy's page</html>", headers=headers)

    with _proxy(answer) as address:
        host_port = address.split("//")[1]
        proxy_env(address)
        results = fetch_all(["http://www.example.org/rfc", "http://www.example.org/squid", "http://www.example.org/plain"], replace(SETTINGS, retries=0))
    assert [r.outcome for r in results] == ["http_5xx"] * 3
    assert results[0].error == (f"HTTP 502 Bad Gateway, through the proxy http://{host_port} (HTTP_PROXY), with a proxy's reason: dns_error"
                                " (the proxy may not reach the site; its log tells)")  # fmt: skip
    assert results[1].error.startswith(f"HTTP 503 Service Unavailable, through the proxy http://{host_port} (HTTP_PROXY), with a proxy's reason: ERR_CONNECT_FAIL")
    assert results[2].error == f"HTTP 502 Bad Gateway, through the proxy http://{host_port} (HTTP_PROXY): the proxy's answer or the site's (the proxy's log tells)"

