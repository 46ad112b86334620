"""Canonical URLs: one string per article, whatever link led to it.

The same article reaches the monitor as ``http://www.dawn.com/news/1?utm_source=twitter``,
``https://dawn.com/news/1/amp/`` and ``https://www-dawn-com.cdn.ampproject.org/c/s/www.dawn.com/news/1``.
:func:`canonical_url` maps all of them to ``https://dawn.com/news/1``.

The canonical URL is a *matching key*, not the link shown to readers. It is the basis of an
item's id (:func:`monitor.store.item_id`), so it must be equal for every variant of one article:

- the scheme becomes ``https`` and the ``www.``, ``m.`` and ``amp.`` host prefixes are dropped.
  A news site serves the same article under all of them, and ``http``/``https`` or ``www``
  variants of one link are the most common duplicates in feeds. The result is still a working
  link on every site we watch (they redirect to their preferred host), but readers should be
  shown :attr:`monitor.models.Item.url`, the link as published;
- default ports, user info and the fragment are dropped, the host is lower-cased;
- tracking parameters (``utm_*``, ``fbclid``, ``gclid``, ``mc_*``...) and AMP markers are
  removed, the remaining parameters are sorted, and percent-encoding is normalised
  (RFC 3986, section 6.2.2);
- a trailing slash is dropped (``/news/1/`` and ``/news/1`` are one page on news sites);
- AMP variants resolve to the article: ``/amp/`` path segments, a trailing ``/amp``, a
  ``.amp`` suffix, ``?amp=1``, an ``amp.`` host, AMP cache and Google AMP viewer links;
- a ``<link rel="canonical">`` found in the page wins over the link, unless it points to the
  site's home page, a common misconfiguration that would fold a whole site into one item.

Links that are not ``http``/``https`` come back stripped but otherwise unchanged. Google News
links are opaque since 2024; they stay as they are, and :func:`is_redirect` tells them apart
so deduplication can match such items by outlet and title instead.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

#: Query parameters that only say how a reader arrived or ask for the AMP page, matched
#: case-insensitively.
IGNORED_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "igshid", "li_fat_id", "mkt_tok", "_ga", "_gl", "ncid", "ocid", "cmpid", "s_cid",
        "ref_src", "ref_url", "amp", "usqp", "outputtype",
    }
)  # fmt: skip
#: Prefixes of tracking parameters: Google Analytics, Mailchimp, HubSpot, Matomo/Piwik.
IGNORED_PREFIXES = ("utm_", "mc_", "_hs", "mtm_", "pk_")

_HOST_PREFIXES = ("www.", "m.", "amp.")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_AMP_SUFFIX = re.compile(r"\.amp(?=\.[a-z0-9]+$|$)", re.IGNORECASE)
#: The article's address inside an AMP cache or Google AMP viewer path: ``/c/s/<host>/<path>``.
_AMP_VIEWER_PATH = re.compile(r"^/(?:[cvi]/|amp/)+(?:s/)?(.+)$")
#: Google News article links whose target is encoded in an opaque id.
_REDIRECT_PATH = re.compile(r"^(?:/__i)?(?:/rss)?(?:/rd)?/(?:articles|read)/", re.IGNORECASE)


def canonical_url(url: str, html_canonical: str | None = None) -> str:
    """The matching key of ``url``; ``html_canonical`` is the page's ``rel=canonical`` link.

    >>> canonical_url("http://www.Dawn.com:80/news/1/amp/?utm_source=x&b=2&a=1#top")
    'https://dawn.com/news/1?a=1&b=2'
    """
    url = url.strip()
    if html_canonical and html_canonical.strip():
        preferred = urljoin(url, html_canonical.strip())
        if _is_http(preferred) and not _points_home(preferred, url):
            url = preferred
    if url.startswith("//"):
        url = "https:" + url
    if not _is_http(url):
        return url
    return _normalise(_unwrap(url))


def is_redirect(url: str | None) -> bool:
    """Whether ``url`` is an opaque Google News link that hides the article's address."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return (parts.hostname or "") == "news.google.com" and bool(_REDIRECT_PATH.match(parts.path))


def site(url: str | None) -> str:
    """The host of ``url``'s canonical form (``dawn.com``), or ``""`` when it has none."""
    if not url:
        return ""
    return urlsplit(canonical_url(url)).hostname or ""


def _is_http(url: str) -> bool:
    return urlsplit(url).scheme.lower() in _DEFAULT_PORTS


def _points_home(candidate: str, url: str) -> bool:
    """A canonical link to a site's root, from a page that is not the root."""
    return urlsplit(candidate).path in ("", "/") and urlsplit(url).path not in ("", "/")


def _unwrap(url: str) -> str:
    """The article behind an AMP cache, Google AMP viewer or old Google News ``url=`` link."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.endswith(".cdn.ampproject.org") or (host in ("google.com", "www.google.com") and parts.path.startswith("/amp/")):
        match = _AMP_VIEWER_PATH.match(parts.path)
        if match:
            return _unwrap(f"https://{match.group(1)}" + (f"?{parts.query}" if parts.query else ""))
    if host == "news.google.com":
        target = dict(parse_qsl(parts.query)).get("url")
        if target and _is_http(target):
            return _unwrap(target)
    return url


def _normalise(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = _host(parts.hostname or "")
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit(("https", netloc, _path(parts.path), _query(parts.query), ""))


def _host(host: str) -> str:
    host = host.lower().rstrip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            return _host(host[len(prefix):])
    return host


def _path(path: str) -> str:
    """Percent-encoding normalised, AMP segments and suffix removed, no trailing slash."""
    path = quote(path, safe=_PATH_SAFE)
    path = _ESCAPE.sub(_escape, path)
    segments = [s for s in path.split("/") if s.lower() != "amp"]
    if segments:
        segments[-1] = _AMP_SUFFIX.sub("", segments[-1])
    path = "/".join(segments).rstrip("/")
    return path if path.startswith("/") else "/" + path if path else ""


def _escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(1), 16))
    return char if char in _UNRESERVED else "%" + match.group(1).upper()


def without_tracking(url: str) -> str:
    """``url`` with its tracking parameters (``utm_*``, ``fbclid``...) removed, otherwise as
    given: the address to fetch, where :func:`canonical_url` gives the key to match."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not _is_ignored(k)]
    if len(kept) == len(pairs):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept, quote_via=quote, safe="-._~")))


def _is_ignored(name: str) -> bool:
    name = name.lower()
    return name in IGNORED_PARAMS or name.startswith(IGNORED_PREFIXES)


def _query(query: str) -> str:
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not _is_ignored(k)]
    return urlencode(sorted(pairs), quote_via=quote, safe="-._~")
