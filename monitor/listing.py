"""Find the article links on a listing page (a news homepage, a list of press releases).

Sources without a feed (PTA, PSEB, MoITT, SBP) are watched through such pages. A link is
kept when it points to a page of the same site (``www.`` or not), sits outside the page's
navigation (``nav``, ``aside``, menus, and ``header``/``footer`` that are not part of an
article), and its URL looks like an article's: a dated path (``/2024/11/30/``), a numeric
id (``/news/2009063/...``, ``...-281124``) or a long slug; and not like a section, tag,
author, search, login or feed page, a folder's index or a year's archive
(``/circulars/2025/index.htm``), a media file or document, or a ``mailto:`` link.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .canonical import without_tracking
from .encoding import decode_html, not_a_page

__all__ = ["discover_links", "layout_problem", "looks_like_article", "no_links_problem", "not_a_listing"]

#: Elements whose links are navigation, unless they are part of an ``article``.
_CHROME_TAGS = frozenset(("nav", "header", "footer", "aside", "menu"))
_CHROME_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "menu", "menubar"))
#: Class or id words of navigation elements.
_CHROME_NAMES = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|footer|header|breadcrumbs?|pagination|pager|social|"
    r"share|sidebar|topbar)(?:$|[-_\s])",
    re.I,
)
#: Path segments of pages that are not articles.
_NOT_ARTICLE_SEGMENTS = frozenset(
    """
    category categories tag tags topic topics section sections author authors people page
    login logout signin sign-in signup sign-up register account profile user users search
    about about-us contact contact-us privacy privacy-policy terms terms-of-use
    terms-and-conditions disclaimer cookie-policy subscribe subscription newsletter
    newsletters feed feeds rss atom sitemap advertise advertising careers jobs cart checkout
    epaper e-paper video videos gallery galleries photo photos live archive archives cdn-cgi
    wp-admin wp-login.php share
    """.split()
)
#: File extensions of things that are not HTML pages.
_NOT_PAGE_EXTENSIONS = frozenset(
    """
    jpg jpeg png gif webp svg bmp ico tif tiff avif mp3 mp4 m4a m4v wav ogg oga webm avi mov
    mkv flv pdf zip rar 7z gz tar doc docx xls xlsx ppt pptx odt csv txt xml rss atom json
    css js apk exe dmg
    """.split()
)
#: Documents that official pages list in place of articles.
_DOCUMENT_EXTENSIONS = frozenset("pdf doc docx odt rtf xls xlsx ppt pptx".split())
#: Query parameters that page through, search or filter a listing.
_LISTING_PARAMETERS = frozenset("page paged offset start sort order filter s q query search replytocom share".split())
#: The file names of a folder's own page ("index.htm", "default.aspx").
_INDEX_STEMS = frozenset("index default home main".split())
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATED_PATH = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/"
    r"|/(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/"
    r"|[-_/](?:19|20)\d\d-\d\d-\d\d(?:$|[-_/.])"
)
#: A number of four or more digits as a path word ("2009063", "pr-281124", "news823175").
_NUMERIC_ID = re.compile(r"(?:^|[-_.])\d{4,}(?:$|[-_.])|^[a-z]+\d{4,}(?:\.\w+)?$")
#: A last path segment of this many words, and :data:`MIN_SLUG_CHARS` characters, is a title.
MIN_SLUG_WORDS = 4
MIN_SLUG_CHARS = 20
#: How many ancestors of a link are searched for navigation class names, and for navigation.
NAMED_CHROME_LEVELS = 5
MAX_CHROME_LEVELS = 64


def discover_links(content: bytes | str, base_url: str) -> list[str]:
    """The article links on a listing page: absolute, without fragments or tracking parameters,
    in page order.

    ``base_url`` is the page's own URL; a ``<base href>`` in the page overrides it for
    resolving relative links. Each URL appears once. Never raises on broken pages.
    """
    html = content if isinstance(content, str) else decode_html(content)
    tree = LexborHTMLParser(html)
    base_tag = tree.css_first("base[href]")
    base = (_absolute(base_url, base_tag.attributes.get("href") or "") if base_tag is not None else None) or base_url
    site = _site(base_url)
    found: dict[str, None] = {}
    for anchor in tree.css("a[href]"):
        url = _absolute(base, anchor.attributes.get("href") or "")
        url = without_tracking(url) if url else url
        if url and url not in found and _site(url) == site and looks_like_article(url) and not _in_chrome(anchor):
            found[url] = None
    return list(found)


def looks_like_article(url: str) -> bool:
    """Whether an absolute URL has the shape of an article's rather than a section's."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    segments = [segment for segment in parts.path.lower().split("/") if segment]
    if not segments or any(segment in _NOT_ARTICLE_SEGMENTS for segment in segments):
        return False
    last = segments[-1]
    stem, _, extension = last.rpartition(".")
    if stem and extension in _NOT_PAGE_EXTENSIONS:
        return False
    query = parse_qsl(parts.query)
    if any(key.lower() in _LISTING_PARAMETERS for key, _ in query):
        return False
    if not query and ((stem or last) in _INDEX_STEMS or _YEAR.fullmatch(last)):
        return False  # a folder's index or a year's archive: /circulars/2025/index.htm, /notifications/2024/
    if _DATED_PATH.search(parts.path.lower()) or any(_NUMERIC_ID.search(segment) for segment in segments):
        return True
    if any(value.isdigit() and len(value) >= 3 for _, value in query):
        return True
    slug = stem or last
    return len([word for word in re.split(r"[-_]", slug) if word]) >= MIN_SLUG_WORDS and len(slug) >= MIN_SLUG_CHARS


def _absolute(base: str, href: str) -> str | None:
    """The link as an absolute http(s) URL without fragment; None for other schemes and for
    links too broken to resolve."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url, _ = urldefrag(urljoin(base, href))
        scheme = urlsplit(url).scheme
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def _site(url: str) -> str:
    """The URL's host without ``www.``, so that both spellings count as one site."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".").removeprefix("www.")


def _in_chrome(anchor: LexborNode) -> bool:
    """Whether a link sits in navigation: a menu, page header or footer, not an article.

    Class and id names count only on the link's :data:`NAMED_CHROME_LEVELS` nearest
    ancestors, where menus are; further up they name page layouts ("header-fixed"). No
    more than :data:`MAX_CHROME_LEVELS` ancestors are looked at, so that absurdly deep
    markup stays cheap.
    """
    in_chrome = False
    parent = anchor.parent
    level = 0
    while parent is not None and parent.tag not in ("body", "html", "-document") and level < MAX_CHROME_LEVELS:
        if parent.tag == "article":
            return False
        attributes = parent.attributes
        level += 1
        if parent.tag in _CHROME_TAGS or attributes.get("role") in _CHROME_ROLES:
            in_chrome = True
        elif level <= NAMED_CHROME_LEVELS:
            names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}"
            in_chrome = in_chrome or bool(_CHROME_NAMES.search(names))
        parent = parent.parent
    return in_chrome


def layout_problem(found: int, before: int | None) -> str | None:
    """Why a listing page that gave ``before`` article links at its last good fetch, and gives
    ``found`` now, is no longer read right: it gave links and now gives none (a redesign, a
    JavaScript shell in place of the list). ``None`` when it gives links, or never gave any."""
    if found or not before:
        return None
    return f"no article links ({before} last time)"


def no_links_problem(content: bytes | str, base_url: str) -> str:
    """Why a listing page that has never given an article link gives none (see
    :func:`discover_links`): it lists only documents, which a listing page does not read, or
    its links do not look like articles' (or are drawn by JavaScript). Said rather than
    "0 new" at every poll, which would hide a page that can never give an item."""
    html = content if isinstance(content, str) else decode_html(content)
    tree = LexborHTMLParser(html)
    documents: dict[str, None] = {}
    for anchor in tree.css("a[href]"):
        url = _absolute(base_url, anchor.attributes.get("href") or "")
        if url and not _in_chrome(anchor):
            extension = urlsplit(url).path.lower().rpartition("/")[2].rpartition(".")[2]
            if extension in _DOCUMENT_EXTENSIONS:
                documents[url] = None
    if documents:
        return (
            f"no article links on the page, only {len(documents)} linked document{'s' if len(documents) != 1 else ''} "
            "(PDF, Word...), which a listing page does not read: give the source kind: watch, which lists the documents a page adds and reads its PDFs"
        )
    return "no article links on the page (its list may be drawn by JavaScript, or its links do not look like articles'): check the address"


#: The root element of an RSS, Atom or RDF feed, after an XML declaration or comments.
_FEED_ROOT = re.compile(rb"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*\?>)*<(?:rss|feed|rdf:RDF)[\s>]", re.S | re.I)


def not_a_listing(content: bytes, content_type: str | None = None) -> str | None:
    """Why a listing page's body is no web page to find article links on (a feed, a PDF,
    binary data), or ``None``: such a body would read as a page with no link, "0 new" at
    every poll."""
    if _FEED_ROOT.match(content[:4096].removeprefix(b"\xef\xbb\xbf")):
        return "the address answers with an RSS or Atom feed, not a web page: give the source kind: feed"
    return not_a_page(content, content_type)
