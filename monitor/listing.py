"""Find article links on a listing page (a news homepage, a press-release list).

Sources without a feed (PTA, PSEB, MoITT, SBP) are watched through such pages. A link counts
as an article when it stays on the same site (``www.`` or not), is not inside the page's
navigation, header or footer, does not point at a section, tag, author, search, login or
media file, and looks like an article: a numeric id, a date in the path, or a long slug.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .encoding import decode_html

_CHROME = {"nav", "header", "footer", "aside", "menu"}
_CHROME_HINT = re.compile(r"(^|[-_ ])(nav|navbar|menu|footer|header|breadcrumb|pagination|pager|social|share|sidebar|topbar)([-_ ]|$)", re.I)
_NOT_ARTICLE = re.compile(
    r"/(tag|tags|category|categories|author|authors|topic|topics|section|page|search|login|logout|register|signup|"
    r"subscribe|about|about-us|contact|contact-us|privacy|privacy-policy|terms|careers|advertise|feed|rss|sitemap|"
    r"epaper|e-paper|videos?|gallery|photos?|live|archive|cdn-cgi|wp-admin|wp-login)(/|$|\.)",
    re.I,
)
_MEDIA = re.compile(r"\.(jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|zip|mp3|mp4|xml|rss|css|js)$", re.I)
_NUMERIC_ID = re.compile(r"/\d{4,}(/|$|[-_.])")
_DATED = re.compile(r"/(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-](0?[1-9]|[12]\d|3[01]))?(/|$|[-_.])|-(19|20)\d{2}-\d{2}-\d{2}(\.|/|$)")
_SLUG_WORDS = 4  # a last path segment with this many hyphenated words reads like a headline


def _site(host: str) -> str:
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _in_chrome(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html", "-document"):
        if parent.tag in _CHROME or (parent.attributes.get("role") or "") in ("navigation", "banner", "contentinfo"):
            return True
        hint = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}"
        if hint.strip() and _CHROME_HINT.search(hint):
            return True
        parent = parent.parent
    return False


def looks_like_article(url: str) -> bool:
    """True when the URL's path has the shape of an article rather than a section."""
    path = urlsplit(url).path
    if not path or path == "/" or _MEDIA.search(path) or _NOT_ARTICLE.search(path):
        return False
    if _NUMERIC_ID.search(path) or _DATED.search(path):
        return True
    last = path.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.(html?|php|aspx?)$", "", last)
    return len([w for w in re.split(r"[-_]", last) if w]) >= _SLUG_WORDS


def discover_links(content: bytes | str, base_url: str) -> list[str]:
    """Absolute article URLs found on a listing page, in page order, without repeats."""
    html = decode_html(content) if isinstance(content, bytes) else content
    tree = LexborHTMLParser(html)
    base_tag = tree.css_first("base[href]")
    base = urljoin(base_url, base_tag.attributes.get("href") or "") if base_tag else base_url
    site = _site(urlsplit(base_url).hostname or "")
    seen: set[str] = set()
    links: list[str] = []
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        url, _ = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _site(parts.hostname or "") != site:
            continue
        if url in seen or not looks_like_article(url) or _in_chrome(a):
            continue
        seen.add(url)
        links.append(url)
    return links
