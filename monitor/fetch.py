"""The only module that touches the network.

One :class:`Fetcher` per poll cycle wraps one ``httpx.AsyncClient``. :meth:`Fetcher.fetch`
never raises for network or HTTP trouble: every fetch ends in a :class:`FetchResult` with a
named outcome (see :data:`monitor.models.FETCH_OUTCOMES`).

What one fetch does, in order:

* **Politeness.** Requests carry an honest User-Agent (:func:`user_agent`). For ``page``,
  ``article``, ``watch`` (a watched policy page) and ``document`` (a PDF or notification
  linked from one) fetches, the host's ``/robots.txt`` is read once per cycle (through the same
  client and limits) and obeyed for the product token :data:`PRODUCT`. As RFC 9309 says, a
  robots.txt that is missing (4xx, a 403 included) allows everything, and one that is
  unreachable (5xx, a timeout, no connection) disallows everything on that host for the rest
  of the cycle; the next cycle asks again. Feeds and data files (``file``: SBP's workbook)
  are published for machines to read and are not checked.
* **Limits on concurrency.** At most ``concurrency`` requests in flight in the cycle, at most
  ``per_host`` to one host name, and request starts to one host at least ``host_delay``
  seconds apart. A request first waits for its host, then for a global slot, so a busy host
  never holds slots other hosts could use.
* **Limits on one fetch.** Connect and read timeouts per request, and a ``deadline`` for the
  whole fetch (redirects, retries and body included) counted from its first request; the
  time a redirect or a retry waits for its turn behind the cycle's other requests to a busy
  host is not counted, so the poll's own queue never times a fetch out. Only
  ``http`` and ``https``; at most ``max_redirects`` redirects, each hop queued on its own
  host. The body is read as a stream and stopped as soon as it passes ``max_bytes``, counted
  after gzip, deflate or brotli decoding, which is done here with bounded output so a
  decompression bomb never inflates in memory.
* **Retries within the cycle.** Connection failures (refused, reset, connect timeout), 5xx and
  429 are retried up to ``retries`` times after an exponential backoff with jitter
  (``retry_backoff`` seconds, doubled each time), or after the server's ``Retry-After`` when
  it gives one. A ``Retry-After`` longer than ``max_retry_after`` is not waited for: the
  fetch fails now and the source is tried again in a later cycle. A body cut short (the
  connection closed before its Content-Length, or before a chunked body's last chunk, or
  gzip, deflate or brotli data that stops before its end) is ``truncated`` and retried too. Timeouts, DNS and TLS failures, other 4xx, a body whose
  gzip, deflate or brotli data is corrupt (``bad_encoding``) and a body that breaks HTTP's
  own framing, such as a chunk size that is no number (``protocol_error``), are not retried.

Conditional GET: pass the ETag and Last-Modified stored from the last ``ok`` fetch; a 304 is
the ``not_modified`` outcome with no body. A 403 is ``blocked``, with a hint: some sites (SBP,
Business Recorder) refuse data-centre addresses; so is a bot check answered with 200 in place of
the page (:func:`bot_check`).

Proxies: the standard variables ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and
``NO_PROXY`` (or their lower-case forms) are honoured for every request, robots.txt included
(:func:`proxy_for`); http:// and https:// proxies are supported.

Certificates: verified against the default CA certificates (:func:`tls_context`) and
``fetch.ca_file``; a host whose sources give a ``ca_file`` trusts it too, and one whose source
sets ``tls_verify: false`` is not verified, with a warning in the log each cycle
(``FetchSettings.tls_hosts``). A failed verification is said with what it likely is and what to
do (:func:`tls_reason`).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import random
import re
import socket
import ssl
import time
import urllib.request
import urllib.robotparser
import zlib
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import AsyncIterator, Iterator, Literal, Mapping
from urllib.parse import urljoin, urlsplit

import brotli
import httpx
import idna

from . import __version__
from .config import FetchSettings
from .models import FetchResult
from .privacy import redact_secrets

log = logging.getLogger("monitor.fetch")

FetchKind = Literal["feed", "page", "article", "file", "watch", "document"]

#: The product token robots.txt rules are matched against, and the start of the User-Agent.
PRODUCT = "pk-freelance-monitor"
#: Fetch kinds that honour robots.txt.
ROBOTS_KINDS = ("page", "article", "watch", "document")
#: Outcomes of a robots.txt request that make it "unreachable" (RFC 9309, 2.3.1.4): a server
#: error or a network failure. The crawler must then assume complete disallow.
ROBOTS_UNREACHABLE = frozenset({"http_5xx", "timeout", "connect", "dns", "tls", "truncated", "protocol_error"})
#: The most of a robots.txt that is read (the limit major crawlers use).
ROBOTS_MAX_BYTES = 512 * 1024

_ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "article": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "file": "application/vnd.ms-excel, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/octet-stream;q=0.9, */*;q=0.5",
    "watch": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "document": "application/pdf, text/html;q=0.9, application/xhtml+xml;q=0.9, */*;q=0.5",
}
#: Why a 403 is worth a look, added to its error.
BLOCKED_HINT = (
    "the site refuses this client (SBP and Business Recorder refuse some data-centre addresses);"
    " to route requests through a proxy, set HTTPS_PROXY (see README, Proxies)"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: Redirects that say the address has changed for good, not for this request.
_PERMANENT = frozenset({301, 308})

#: A bot check served with 200 in place of the page (Cloudflare's "Just a moment...", DDoS-Guard,
#: "Checking your browser"): its ``<title>``, or a script only challenge pages carry. Only the
#: start of an HTML answer is looked at; a page is never called one for what its text says.
_BOT_CHECK_TITLE = re.compile(
    rb"<title[^>]*>\s*(just a moment\.*|attention required!? \| cloudflare|ddos-guard|checking your browser[^<]*|please wait while your request is being verified[^<]*|one moment, please[^<]*)\s*</title>",
    re.IGNORECASE,
)
_BOT_CHECK_SCRIPT = re.compile(rb"window\._cf_chl_opt|cf-browser-verification|/cdn-cgi/challenge-platform/h/[bg]/orchestrate", re.IGNORECASE)
#: How much of an answer is looked at for a bot check.
_BOT_CHECK_BYTES = 64 * 1024


def user_agent(contact: str) -> str:
    """The User-Agent header: the monitor's name and version, and where to reach its operators."""
    return f"{PRODUCT}/{__version__} (+{contact})"


# --------------------------------------------------------------------------- pure helpers


def http_date(value: str | None) -> datetime | None:
    """An HTTP date (``Last-Modified``, ``Retry-After``) as an aware UTC datetime; ``None`` when
    absent or unreadable."""
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` value (delta-seconds or an HTTP date).

    Returns ``None`` when the header is absent or unreadable; a date in the past gives 0.
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    when = http_date(value)
    return None if when is None else max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def backoff_seconds(retry: int, base: float, rng: random.Random) -> float:
    """The wait before retry number ``retry`` (1, 2, ...): ``base * 2**(retry - 1)``, of which
    the second half is random ("equal jitter"), so retries to one server spread out."""
    full = base * 2 ** (retry - 1)
    return full / 2 + rng.uniform(0, full / 2)


def bot_check(headers: Mapping[str, str], body: bytes) -> str | None:
    """What a 200 answer is when it is a bot check rather than the page asked for (``Cloudflare's
    "Just a moment..."``), else ``None``. ``headers`` are lower-cased. Cloudflare marks its
    challenges with ``cf-mitigated: challenge``; other checks are known by their title or script."""
    if headers.get("cf-mitigated", "").strip().lower() == "challenge":
        return 'Cloudflare\'s "Just a moment..."'
    if "html" not in headers.get("content-type", "html").lower():
        return None
    head = body[:_BOT_CHECK_BYTES]
    title = _BOT_CHECK_TITLE.search(head)
    if title:
        return f'"{title.group(1).decode("utf-8", "replace").strip()}"'
    if _BOT_CHECK_SCRIPT.search(head):
        return "Cloudflare's challenge"
    return None


#: A failed name lookup in words, with what it usually means (getaddrinfo's codes).
_GAI_REASONS = {
    socket.EAI_NONAME: "no such host (is the address right?)",
    socket.EAI_AGAIN: "the name server did not answer (is this machine's network or DNS working?)",
    socket.EAI_FAIL: "the name server failed (is this machine's DNS working?)",
}
for _code in ("EAI_NODATA", "EAI_ADDRFAMILY"):  # (not on every platform)
    if hasattr(socket, _code):
        _GAI_REASONS[getattr(socket, _code)] = "the name has no address (is the address right?)"


def _host_of(exc: BaseException) -> str | None:
    """The host the failed request asked for, when the exception knows its request."""
    try:
        return exc.request.url.host or None  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):
        return None


def classify_error(exc: BaseException) -> tuple[str, str, bool]:
    """Name a transport exception: ``(outcome, message, worth retrying in this cycle)``.

    The cause chain is searched, since httpx wraps the socket and ssl errors it meets.
    """
    causes = list(_chain(exc))
    tls = next((e for e in causes if isinstance(e, ssl.SSLError)), None)
    if tls is not None:
        return "tls", f"TLS failure: {tls_reason(tls)}", False
    if (gai := next((e for e in causes if isinstance(e, socket.gaierror)), None)) is not None:
        host = _host_of(exc)
        return "dns", f"cannot resolve the host name{f' {host}' if host else ''}: {_GAI_REASONS.get(gai.errno) or gai.strerror or gai}", False
    if isinstance(exc, httpx.ConnectTimeout):
        return "timeout", "connect timeout", True
    if isinstance(exc, httpx.TimeoutException):
        return "timeout", f"{_timeout_kind(exc)} timeout", False
    if isinstance(exc, (httpx.NetworkError, httpx.RemoteProtocolError)):
        failure = next((e for e in reversed(causes) if isinstance(e, OSError) and e.errno), None)
        return "connect", os_reason(failure) if failure is not None else f"connection failed: {_detail(causes)}", True
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return "bad_url", str(exc), False
    return "error", f"{type(exc).__name__}: {exc}", False


def _shown(address: str) -> str:
    """A proxy's URL as the messages name it: without its login."""
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")


def proxy_failure(exc: BaseException, outcome: str, message: str, retryable: bool, proxy: tuple[str, str], url: str) -> tuple[str, str, bool]:
    """A failure of a request that went through ``proxy`` (its URL and the variable naming it),
    as the proxy's, not the site's: ``(outcome, message, worth retrying)``. A proxy that cannot
    be reached, that asks for a login (407), that refuses the tunnel or answers it with a page
    of its own (a captive portal's login) is said so; other failures are left as they are."""
    address, variable = proxy
    parts = urlsplit(address)
    the_proxy = f"the proxy {_shown(address)} ({variable})"
    if isinstance(exc, httpx.ProxyError):
        answer = str(exc).strip()
        code = int(answer.split()[0]) if answer[:3].isdigit() else None
        target = httpx.URL(url)
        where = f"{target.host}:{target.port or (443 if target.scheme == 'https' else 80)}"
        if code == 407:
            if parts.username:
                return "connect", f"{the_proxy} refused the login {variable} gives (HTTP {answer}): check the user name and password", False
            return "connect", f"{the_proxy} asks for a login (HTTP {answer}): give its user name and password in {variable}, as user:password@ before the proxy's host", False
        if code is not None and 300 <= code < 400 or code == 200:
            return "connect", f"{the_proxy} answered the tunnel to {where} with HTTP {answer}, a page of its own: a network login page (captive portal) may be in the way; log this machine in to the network", False
        if code is not None and code >= 500:
            return "connect", f"{the_proxy} could not reach {where} (HTTP {answer})", True
        if code is not None:
            return "connect", f"{the_proxy} refused the tunnel to {where} (HTTP {answer}): its rules may not allow this site", False
        return outcome, message, retryable  # refused here before any request (a SOCKS proxy)
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
        message = message.replace(_SITE_DOWN, "(is the proxy running, and its address right?)")
        return outcome, f"cannot reach {the_proxy}: {message}", retryable
    return outcome, message, retryable


#: The reason a proxy gives for an error answer it made itself: RFC 9209's ``Proxy-Status``
#: (``squid; error=dns_error``) or Squid's own ``X-Squid-Error: ERR_DNS_FAIL 0``.
_PROXY_STATUS_ERROR = re.compile(r";\s*error\s*=\s*\"?([A-Za-z0-9_.-]+)")


def through_proxy(message: str, headers: Mapping[str, str], proxy: tuple[str, str]) -> str:
    """The error of a 5xx answer to a plain http request that went through ``proxy`` (its URL
    and the variable naming it): such an answer may be the proxy's own (it could not reach the
    site) or the site's, passed on. Said so, with the reason the proxy gives if it gives one
    (which a site's own front proxy may give too, so the answer stays the site's ``http_5xx``)."""
    address, variable = proxy
    shown = _shown(address)
    lowered = {k.lower(): v for k, v in headers.items()}
    found = _PROXY_STATUS_ERROR.search(lowered.get("proxy-status", ""))
    reason = found.group(1) if found else (lowered.get("x-squid-error", "").split() or [None])[0]
    if reason:
        return f"{message}, through the proxy {shown} ({variable}), with a proxy's reason: {reason} (the proxy may not reach the site; its log tells)"
    return f"{message}, through the proxy {shown} ({variable}): the proxy's answer or the site's (the proxy's log tells)"


def tls_context(*ca_files: str | None, verify: bool = True) -> ssl.SSLContext:
    """A client TLS context: the default CA certificates (certifi's, or those ``SSL_CERT_FILE``
    or ``SSL_CERT_DIR`` name) and those of ``ca_files`` besides; with ``verify`` false, one
    that checks no certificate at all."""
    if not verify:
        return httpx.create_ssl_context(verify=False)
    context = httpx.create_ssl_context()
    for ca_file in ca_files:
        if ca_file:
            context.load_verify_locations(cafile=ca_file)
    return context


#: What a certificate that fails verification is likely to be, and what to do, by OpenSSL's verify code.
_CHAIN = "a server that leaves out its intermediate certificate, or a CA not trusted here: put the missing certificate in the source's ca_file"
_LAST_RESORT = "tell the site; as a last resort, tls_verify: false for this source"
_VERIFY_HINTS = {
    2: _CHAIN,
    20: _CHAIN,
    21: _CHAIN,
    19: "a CA not trusted here: put its certificate in the source's ca_file",
    18: "put this certificate in the source's ca_file",
    10: _LAST_RESORT,
    9: "is this machine's clock right? if so, " + _LAST_RESORT,
    62: _LAST_RESORT,
    64: _LAST_RESORT,
}


def tls_reason(e: ssl.SSLError) -> str:
    """What went wrong in words, without OpenSSL's code and source line: ``certificate verify
    failed: self-signed certificate``, not ``[SSL: CERTIFICATE_VERIFY_FAILED] certificate
    verify failed: self-signed certificate (_ssl.c:1006)``; an answer that is no TLS (the
    port speaks plain HTTP) says so."""
    reason = getattr(e, "reason", None)  # OpenSSL's code, when OpenSSL raised it
    text = re.sub(r"^\[[A-Z0-9_]+: [A-Z0-9_]+\]\s*|\s*\(_ssl\.c:\d+\)$", "", str(e)).strip() or str(reason or type(e).__name__)
    if reason in ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE"):
        text += " (the server did not answer in TLS: is this port plain HTTP? try http://)"
    elif isinstance(e, ssl.SSLCertVerificationError) and getattr(e, "verify_code", None) is not None:
        text += f" ({_VERIFY_HINTS.get(e.verify_code, _LAST_RESORT)}; README: Certificates)"
    return text


_SITE_DOWN = "(the site is down, or the address or port is wrong)"
#: A failed connection's errno in words, with what it usually means; ``{at}`` names the address when known.
_OS_REASONS = {
    errno.ECONNREFUSED: "connection refused{at}: no server is listening there " + _SITE_DOWN,
    errno.ECONNRESET: "connection reset by the server{at}",
    errno.ECONNABORTED: "connection aborted{at}",
    errno.EPIPE: "the server closed the connection{at}",
    errno.EHOSTUNREACH: "no route to the host{at} (host unreachable)",
    errno.ENETUNREACH: "network unreachable{at}: is this machine online?",
    errno.ETIMEDOUT: "connection timed out{at}",
}


def os_reason(e: OSError) -> str:
    """A failed connection in words, without the errno and Python's tuple of the address:
    ``connection refused by 127.0.0.1:8768: no server is listening there (...)``, not
    ``[Errno 111] Connect call failed ('127.0.0.1', 8768)``."""
    m = re.search(r"\('([^']+)', (\d+)", str(e))  # asyncio names the address it tried: ('::1', 80, 0, 0)
    where = (f"[{m[1]}]:{m[2]}" if ":" in m[1] else f"{m[1]}:{m[2]}") if m else ""
    template = _OS_REASONS.get(e.errno)
    if template is None:
        words = e.strerror or os.strerror(e.errno)
        return f"connection failed: {words[:1].lower()}{words[1:]}" + (f" ({where})" if where else "")
    return template.format(at="" if not where else f" by {where}" if e.errno == errno.ECONNREFUSED else f" ({where})")


def _chain(exc: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _timeout_kind(exc: httpx.TimeoutException) -> str:
    names = {httpx.ReadTimeout: "read", httpx.WriteTimeout: "write", httpx.PoolTimeout: "pool"}
    return next((name for kind, name in names.items() if isinstance(exc, kind)), "request")


def _detail(causes: list[BaseException]) -> str:
    """The innermost message, which names the actual trouble (refused, reset...)."""
    for e in reversed(causes):
        if str(e):
            return str(e)
    return type(causes[0]).__name__


def proxy_for(url: httpx.URL, proxies: Mapping[str, str]) -> str | None:
    """The proxy a request to ``url`` goes through, or ``None`` for a direct connection.

    ``proxies`` is :func:`urllib.request.getproxies_environment`'s mapping: ``http``,
    ``https`` and ``all`` from ``HTTP_PROXY``, ``HTTPS_PROXY`` and ``ALL_PROXY``, and ``no``
    from ``NO_PROXY`` (host names, domain suffixes, or ``*``), which wins. An
    internationalised host is matched as written and in IDNA (``exämple.com`` and
    ``xn--exmple-cua.com``), whichever way ``NO_PROXY`` spells it.
    """
    if not proxies:
        return None
    if any(urllib.request.proxy_bypass_environment(host, proxies) for host in _host_names(url)):
        return None
    return proxies.get(url.scheme) or proxies.get("all") or None


def _host_names(url: httpx.URL) -> tuple[str, ...]:
    """``url``'s host as it is asked for, in IDNA, and, when that is internationalised, in
    Unicode (``xn--exmple-cua.com`` and ``exämple.com``)."""
    encoded = url.raw_host.decode("ascii")
    try:
        written = idna.decode(encoded) if "xn--" in encoded else encoded
    except (idna.IDNAError, UnicodeError):
        written = encoded
    return tuple(dict.fromkeys((encoded, written)))


def url_problem(url: str) -> str | None:
    """Why the fetcher refuses ``url`` (not http(s), no host, unusable), or ``None``."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as e:
        return f"not a valid URL ({e}): {url!r}"
    if parsed.scheme not in ("http", "https"):
        return f"only http and https are fetched, not {parsed.scheme or 'a relative URL'!r}: {url}"
    if not parsed.host:
        return f"no host name in {url}"
    if parsed.port is not None and not 0 < parsed.port < 65536:
        return f"port out of range in {url}"
    return None


# --------------------------------------------------------------------------- bounded decoding


class TooLarge(Exception):
    """The body passed the size limit (after content decoding)."""


class BadEncoding(Exception):
    """The body's Content-Encoding is unknown or its data is corrupt."""


class Truncated(Exception):
    """The connection closed before the whole body came (shorter than its Content-Length, or
    a chunked body without its last chunk)."""


class MalformedBody(Exception):
    """The body breaks HTTP's framing (a chunk size that is no number, a chunk longer than it
    said): the server's fault, not a connection cut short."""


#: How h11 (under httpx and httpcore) begins the error it raises when the connection closes
#: before the whole body came; its other errors in a body are malformed framing.
_CLOSED_EARLY = "peer closed connection without sending complete message body"


_GZIP_MAGIC = b"\x1f\x8b"


class _Inflater:
    """One content-coding step whose output per call is capped, so a bomb cannot inflate.

    :meth:`feed` returns at most ``cap + 1`` bytes for gzip and deflate, and at most about
    ``cap + BROTLI_STEP`` for brotli, whose output grows in steps; more than ``cap`` bytes
    means "over the limit". A gzip body of several members (RFC 1952) is decoded whole; other
    bytes after the end of the compressed data are left out. :meth:`finish` tells a body
    whose compressed data stops before its end (a file cut short on the server).
    """

    #: Output requested from the brotli decoder per call.
    BROTLI_STEP = 64 * 1024

    def __init__(self, coding: str):
        self.coding = coding
        self.fed = False  # any byte came in
        self._after = b""  # bytes after the end of a gzip member, too few to tell what follows
        self._ended = False  # the compressed data ended, and what follows is not read
        if coding == "br":
            self._brotli = brotli.Decompressor()
        else:
            wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else zlib.MAX_WBITS
            self._zlib = zlib.decompressobj(wbits)
            self._first = coding == "deflate"  # "deflate" is sometimes sent without its zlib header

    def feed(self, data: bytes, cap: int) -> bytes:
        if not data:
            return b""
        self.fed = True
        try:
            if self.coding == "br":
                return self._unbrotli(data, cap)
            return self._inflate(data, cap)
        except (zlib.error, brotli.error) as e:
            raise BadEncoding(f"bad {self.coding} body: {e}") from None

    def finish(self) -> None:
        """Raise :class:`Truncated` when the compressed data did not come to its end."""
        if not self.fed:
            return
        done = self._brotli.is_finished() if self.coding == "br" else (self._ended or self._zlib.eof)
        if not done:
            raise Truncated(f"truncated body: its {self.coding} data ends before the end of the stream")

    def _unbrotli(self, data: bytes, cap: int) -> bytes:
        out = bytearray(self._brotli.process(data, output_buffer_limit=self.BROTLI_STEP))
        while len(out) <= cap and not self._brotli.can_accept_more_data():
            out += self._brotli.process(b"", output_buffer_limit=self.BROTLI_STEP)
        return bytes(out)

    def _inflate(self, data: bytes, cap: int) -> bytes:
        out = bytearray()
        while data and not self._ended and len(out) <= cap:
            if self._zlib.eof:  # what follows the end of the compressed data
                data, self._after = self._after + data, b""
                if self.coding != "gzip" or not data.startswith(_GZIP_MAGIC[: len(data)]):
                    self._ended = True  # trailing bytes that are no gzip member: left out
                    break
                if len(data) < len(_GZIP_MAGIC):
                    self._after = data
                    break
                self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)  # the next member
            out += self._decompress(data, cap + 1 - len(out))
            data = self._zlib.unused_data if self._zlib.eof else b""
        return bytes(out)

    def _decompress(self, data: bytes, most: int) -> bytes:
        try:
            return self._zlib.decompress(data, most)
        except zlib.error:
            if not self._first:
                raise
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            return self._zlib.decompress(data, most)
        finally:
            self._first = False


class BodyDecoder:
    """Decodes a body's Content-Encoding chain, raising :class:`TooLarge` past ``limit`` bytes."""

    CODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate", "br": "br"}

    def __init__(self, content_encoding: str | None, limit: int):
        tokens = [t.strip().lower() for t in (content_encoding or "").split(",")]
        unknown = [t for t in tokens if t and t != "identity" and t not in self.CODINGS]
        if unknown:
            raise BadEncoding(f"unsupported Content-Encoding {', '.join(unknown)}")
        # Codings are listed in the order they were applied; undo them last first.
        self._steps = [_Inflater(self.CODINGS[t]) for t in reversed(tokens) if t in self.CODINGS]
        self.limit = limit
        self.size = 0

    def decode(self, data: bytes) -> bytes:
        """Decode one raw chunk; never holds much more than ``limit`` decoded bytes of it."""
        for step in self._steps:
            data = step.feed(data, self.limit - self.size)
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge(f"body larger than {self.limit} bytes")
        return data

    def finish(self) -> None:
        """Once the whole body is in: raise :class:`Truncated` when compressed data stopped
        before its end (the server sent a cut-short file whole)."""
        for step in self._steps:
            step.finish()


# --------------------------------------------------------------------------- scheduling


class _Host:
    """The request slots of one host name and the earliest time the next request may start."""

    def __init__(self, per_host: int, delay: float):
        self._slots = asyncio.Semaphore(per_host)
        self._delay = delay
        self._next_start = 0.0
        self.users = 0  # requests in flight or waiting for a slot

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        self.users += 1
        try:
            async with self._slots:
                loop = asyncio.get_running_loop()
                start = max(loop.time(), self._next_start)
                self._next_start = start + self._delay  # reserved before waiting: starts stay spaced
                await asyncio.sleep(start - loop.time())
                yield
        finally:
            self.users -= 1


class _HostPools(httpx.AsyncBaseTransport):
    """One connection pool per host name (and scheme), through the proxy the environment names.

    httpx's single pool scans every connection for every waiting request, which grows with
    the square of the requests in flight; a pool per host scans at most ``per_host``
    connections. A host's pools are closed once the host has nothing in flight or waiting
    (:meth:`release`), so a cycle over many hosts does not pile up idle connections. httpx
    reads the proxy variables only for its own transport, so this one applies them
    (:func:`proxy_for`), read once per cycle.
    """

    def __init__(self, per_host: int, proxies: Mapping[str, str] | None = None, settings: FetchSettings | None = None):
        self._limits = httpx.Limits(max_connections=per_host, max_keepalive_connections=per_host)
        settings = settings or FetchSettings()
        self._ssl_ca_file = settings.ca_file
        self._ssl = tls_context(settings.ca_file)  # loading the CA bundle is slow: once per cycle
        self._tls = settings.tls_hosts
        self._host_ssl: dict[str, ssl.SSLContext] = {}
        self._pools: dict[tuple[str, str], httpx.AsyncHTTPTransport] = {}
        self._proxies = urllib.request.getproxies_environment() if proxies is None else dict(proxies)

    def _context(self, host: str) -> ssl.SSLContext:
        """The TLS context for ``host``: the cycle's, or the one its sources ask for (their
        extra CA files, or no verification), made once per cycle; an unverified host is
        logged, as a warning, the first time it is asked for."""
        policy = self._tls.get(host)
        if policy is None:
            return self._ssl
        if host not in self._host_ssl:
            if policy.verify:
                self._host_ssl[host] = tls_context(self._ssl_ca_file, *policy.ca_files)
            else:
                self._host_ssl[host] = tls_context(verify=False)
                log.warning("%s: its TLS certificate is not verified (tls_verify: false for %s): anyone on the way can read and change its answers", host, ", ".join(policy.unverified_by))
        return self._host_ssl[host]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        key = (request.url.host, request.url.scheme)
        if key not in self._pools:
            proxy = proxy_for(request.url, self._proxies)
            if proxy and urlsplit(proxy).scheme not in ("http", "https"):
                raise httpx.ProxyError(f"the proxy for {request.url.scheme} URLs is not an http:// or https:// proxy (only those are supported)", request=request)
            self._pools[key] = httpx.AsyncHTTPTransport(verify=self._context(request.url.host), limits=self._limits, proxy=proxy)
        return await self._pools[key].handle_async_request(request)

    def proxy_of(self, url: str) -> tuple[str, str] | None:
        """The proxy requests to ``url`` go through and the variable that names it
        (``HTTPS_PROXY``...), or ``None`` for a direct connection."""
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL:
            return None
        proxy = proxy_for(parsed, self._proxies)
        if not proxy:
            return None
        variable = next((f"{k.upper()}_PROXY" for k in (parsed.scheme, "all") if self._proxies.get(k) == proxy), "the proxy variables")
        return proxy, variable

    async def release(self, host: str) -> None:
        for key in [k for k in self._pools if k[0] == host]:
            await self._pools.pop(key).aclose()

    async def aclose(self) -> None:
        for host in {k[0] for k in self._pools}:
            await self.release(host)


@dataclass
class _Clock:
    """The deadline of one fetch, started by its first request; a later request of the fetch
    (a redirect, a retry) that waited ``queued`` seconds for its turn at the host moves it
    on by that much."""

    seconds: float
    deadline: float | None = None
    started_at: str = ""
    t0: float = 0.0

    def start(self, queued: float = 0.0) -> None:
        if self.deadline is None:
            self.t0 = time.monotonic()
            self.deadline = asyncio.get_running_loop().time() + self.seconds
            self.started_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        else:
            self.deadline += queued

    def left(self) -> float:
        return float("inf") if self.deadline is None else self.deadline - asyncio.get_running_loop().time()


@dataclass(frozen=True)
class _Attempt:
    """One attempt's result, and whether (and when) it may be retried."""

    result: FetchResult
    retryable: bool = False
    retry_after: float | None = None


# --------------------------------------------------------------------------- the fetcher


class Fetcher:
    """Fetches URLs politely within one poll cycle; use as an async context manager."""

    def __init__(self, settings: FetchSettings, user_agent: str, *, transport: httpx.AsyncBaseTransport | None = None):
        self.settings = settings
        self._pools = None if transport else _HostPools(settings.per_host, settings=settings)
        self.client = httpx.AsyncClient(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate, br"},
            timeout=httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout, pool=settings.deadline),
            follow_redirects=False,  # followed here, so every hop is checked and host-limited
            transport=transport or self._pools,
        )
        self._slots = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str | None] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._random = random.Random()

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.client.aclose()

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None, kind: FetchKind = "feed") -> FetchResult:
        """Fetch ``url`` once (with retries); never raises for network or HTTP trouble."""
        clock = _Clock(self.settings.deadline)
        problem = url_problem(url)
        if problem:
            return self._finish(FetchResult(url, "bad_url", error=problem), clock, attempts=0)
        if kind in ROBOTS_KINDS:
            refusal = await self._robots_refusal(url)
            if refusal:
                return self._finish(FetchResult(url, "robots_disallowed", error=refusal), clock, attempts=0)
        headers = {"Accept": _ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = 0
        while True:
            attempts += 1
            attempt = await self._attempt(url, headers, clock, self.settings.max_bytes)
            wait = self._retry_wait(attempt, attempts, clock)
            if wait is None:
                return self._finish(attempt.result, clock, attempts)
            log.info("%s: %s, retry %d in %.1fs", url, attempt.result.error or attempt.result.outcome, attempts, wait)
            await asyncio.sleep(wait)

    # -- one attempt: a request and its redirects ------------------------------

    async def _attempt(self, url: str, headers: dict[str, str], clock: _Clock, limit: int) -> _Attempt:
        current, permanent = url, True
        for _ in range(self.settings.max_redirects + 1):
            problem = url_problem(current)
            if problem:
                return _Attempt(FetchResult(url, "bad_url", final_url=current, error=f"redirected to a URL that is not fetched: {problem}"))
            try:
                response, body = await self._request(current, headers, clock, limit)
            except TimeoutError:
                return _Attempt(FetchResult(url, "timeout", final_url=current, error=f"deadline of {self.settings.deadline:g}s passed"))
            except TooLarge as e:
                return _Attempt(FetchResult(url, "too_large", final_url=current, error=str(e)))
            except BadEncoding as e:
                return _Attempt(FetchResult(url, "bad_encoding", final_url=current, error=str(e)))
            except Truncated as e:  # worth another try: the next answer may come whole
                return _Attempt(FetchResult(url, "truncated", final_url=current, error=str(e)), retryable=True)
            except MalformedBody as e:  # the server writes it so: asking again gives the same
                return _Attempt(FetchResult(url, "protocol_error", final_url=current, error=str(e)))
            except httpx.HTTPError as e:
                outcome, message, retryable = classify_error(e)
                proxy = self._pools.proxy_of(current) if self._pools is not None else None
                if proxy is not None:
                    outcome, message, retryable = proxy_failure(e, outcome, message, retryable, proxy, current)
                return _Attempt(FetchResult(url, outcome, final_url=current, error=message), retryable=retryable)
            if response.status_code == 407 and self._pools is not None and self._pools.proxy_of(current) is not None:
                # a plain http request through a proxy: the proxy's answer, not the site's
                _, message, _ = proxy_failure(httpx.ProxyError(f"407 {response.reason_phrase}".strip()), "error", "", False, self._pools.proxy_of(current), current)
                return _Attempt(FetchResult(url, "connect", status=407, final_url=current, error=message))
            location = response.headers.get("location")
            if response.status_code not in _REDIRECTS or not location:
                attempt = self._answer(url, current, response, body, moved_to=current if permanent and current != url else None)
                proxy = self._pools.proxy_of(current) if self._pools is not None and response.status_code >= 500 else None
                if proxy is not None and attempt.result.error and httpx.URL(current).scheme == "http":
                    attempt = replace(attempt, result=replace(attempt.result, error=through_proxy(attempt.result.error, response.headers, proxy)))
                return attempt
            permanent = permanent and response.status_code in _PERMANENT
            current = urljoin(current, location.strip())
        return _Attempt(FetchResult(url, "too_many_redirects", final_url=current, error=f"more than {self.settings.max_redirects} redirects"))

    async def _request(self, url: str, headers: dict[str, str], clock: _Clock, limit: int) -> tuple[httpx.Response, bytes]:
        """One GET on one host, within the host's and the cycle's limits and the fetch deadline."""
        name = httpx.URL(url).host  # the key the connection pools use too
        if name not in self._hosts:
            self._hosts[name] = _Host(self.settings.per_host, self.settings.host_delay)
        host = self._hosts[name]
        queued = asyncio.get_running_loop().time()
        try:
            async with host.turn(), self._slots:
                clock.start(queued=asyncio.get_running_loop().time() - queued)
                async with asyncio.timeout_at(clock.deadline), self.client.stream("GET", url, headers=headers) as response:
                    body = await _read(response, limit) if 200 <= response.status_code < 300 else b""
        finally:
            if self._pools is not None and not host.users:
                await self._pools.release(name)
        return response, body

    def _answer(self, url: str, final_url: str, response: httpx.Response, body: bytes, *, moved_to: str | None = None) -> _Attempt:
        """Name the outcome of a final (non-redirect) response; ``moved_to``: where permanent
        redirects led (:attr:`FetchResult.moved_to`)."""
        status = response.status_code
        common = dict(status=status, headers={k.lower(): v for k, v in response.headers.items()}, final_url=final_url, moved_to=moved_to)
        error = f"HTTP {status} {response.reason_phrase}".strip()
        if status == 304:
            return _Attempt(FetchResult(url, "not_modified", **common))
        if 200 <= status < 300:
            if not body:
                return _Attempt(FetchResult(url, "empty", error="empty response body", **common))
            check = bot_check(common["headers"], body)
            if check:
                return _Attempt(FetchResult(url, "blocked", error=f"{error}, but a bot check ({check}) in place of the page: {BLOCKED_HINT}", **common))
            return _Attempt(FetchResult(url, "ok", content=body, **common))
        retry_after = retry_after_seconds(response.headers.get("retry-after"))
        if status >= 500:
            return _Attempt(FetchResult(url, "http_5xx", error=error, **common), retryable=True, retry_after=retry_after)
        if status == 403:
            return _Attempt(FetchResult(url, "blocked", error=f"{error}: {BLOCKED_HINT}", **common))
        if status >= 400:
            return _Attempt(FetchResult(url, "http_4xx", error=error, **common), retryable=status == 429, retry_after=retry_after)
        return _Attempt(FetchResult(url, "error", error=f"unexpected {error}", **common))

    # -- retries ----------------------------------------------------------------

    def _retry_wait(self, attempt: _Attempt, attempts: int, clock: _Clock) -> float | None:
        """Seconds to wait before retrying, or ``None`` when this attempt is final."""
        if not attempt.retryable or attempts > self.settings.retries:
            return None
        if attempt.retry_after is not None:
            if attempt.retry_after > self.settings.max_retry_after:
                return None
            wait = attempt.retry_after
        else:
            wait = backoff_seconds(attempts, self.settings.retry_backoff, self._random)
        return wait if wait < clock.left() else None

    def _finish(self, result: FetchResult, clock: _Clock, attempts: int) -> FetchResult:
        if result.outcome in ("http_4xx", "http_5xx") and result.headers.get("retry-after"):
            result = replace(result, error=f"{result.error}, Retry-After {result.headers['retry-after']}")
        duration = time.monotonic() - clock.t0 if clock.t0 else 0.0
        started = clock.started_at or datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        # an error quotes addresses (a robots.txt's origin, a redirect's target): without the
        # login or key the watch list gives one, wherever the error is shown or stored
        return replace(result, attempts=attempts, started_at=started, duration=duration, error=redact_secrets(result.error))

    # -- robots.txt ---------------------------------------------------------------

    async def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids fetching ``url`` this cycle, or ``None`` when it allows it."""
        # the host in IDNA, as it is asked for: one robots.txt whichever way links spell it
        origin = str(httpx.URL(url).copy_with(path="", query=None, fragment=None))
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            return f"robots.txt unreachable ({rules}): everything on {origin} is disallowed this cycle (RFC 9309)"
        if rules is None or rules.can_fetch(PRODUCT, url):
            return None
        return f"robots.txt disallows {url} for {PRODUCT}"

    async def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str | None:
        """The parsed robots.txt of ``origin``; ``None`` (everything allowed) when it is missing
        (4xx) or unusable; or, when it is unreachable (5xx, timeout, no connection), the
        reason, meaning everything is disallowed until the next cycle asks again."""
        url = origin + "/robots.txt"
        attempt = await self._attempt(url, {"Accept": "text/plain"}, _Clock(self.settings.deadline), ROBOTS_MAX_BYTES)
        result = attempt.result
        if result.outcome in ROBOTS_UNREACHABLE:
            log.warning("%s: %s: everything on %s is disallowed this cycle", url, result.error or result.outcome, origin)
            return result.error or result.outcome
        if not result.ok:
            log.info("%s: %s, everything allowed", url, result.error or result.outcome)
            return None
        rules = urllib.robotparser.RobotFileParser(url)
        rules.parse(result.content.decode("utf-8", errors="replace").splitlines())
        return rules


async def _read(response: httpx.Response, limit: int) -> bytes:
    """The decoded body, stopped as soon as it passes ``limit`` bytes."""
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise TooLarge(f"Content-Length {length} is over the limit of {limit} bytes")
    decoder = BodyDecoder(response.headers.get("content-encoding"), limit)
    body = bytearray()
    raw = 0
    try:
        async for chunk in response.aiter_raw():
            raw += len(chunk)
            if raw > limit:
                raise TooLarge(f"body larger than {limit} bytes")
            body += decoder.decode(chunk)
    except httpx.ProtocolError as e:
        if length.isdigit() and raw < int(length):
            raise Truncated(f"truncated body: the connection closed after {raw} of {length} bytes (Content-Length)") from e
        if any(str(cause).startswith(_CLOSED_EARLY) for cause in _chain(e)):
            raise Truncated(f"truncated body: {e}") from e
        raise MalformedBody(f"malformed body: {e}") from e
    decoder.finish()
    return bytes(body)
