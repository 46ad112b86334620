"""Turn an article page into an :class:`~monitor.models.Article`.

The page is parsed once with Lexbor (through selectolax).

* **Text.** One pass over the tree splits the body into text blocks (paragraphs, list
  items, headings, runs of text in a ``div``), skipping markup that never holds text
  (scripts, forms, media) and marking elements whose tag, role, class or id names
  boilerplate (menus, share bars, related links, comments, cookie banners, ads, footers).
  Each block is weighed by its length and link density; the element whose subtree holds the
  most weight, preferring one next to the headline and the one a content system names as
  the article body, is the article. Its blocks are the text, less link lists, the headline,
  short blocks that prose does not surround, and a short tail after the paragraphs (author
  notes, calls to subscribe). Paragraphs are separated by a blank line.
* **Headline.** The heading most like the titles the page declares (JSON-LD, ``og:title``,
  ``<title>``), without site names and kickers.
* **Date.** A dateline by the headline, the declared date (meta tags, JSON-LD, ``<time>``),
  the URL's, then weaker clues; ISO 8601.
* **Author and language.** From JSON-LD and meta tags; from the text's script (Urdu by its
  own letters) or ``<html lang>``.

All traversals are iterative, so deeply nested markup cannot exhaust the recursion limit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from html import unescape
from urllib.parse import SplitResult, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .encoding import decode_html
from .errors import ExtractionError
from .models import Article

__all__ = ["extract", "extract_to_dict"]


def extract(content: bytes | str, url: str | None = None, content_type: str | None = None) -> Article:
    """Extract the headline, date, author, language and body text of an article page.

    ``content`` is the page as fetched (bytes, decoded with :func:`decode_html`) or as text;
    ``content_type`` is the HTTP ``Content-Type`` header value, used only for decoding.
    Raises :class:`ExtractionError` with reason ``empty``, ``not_html`` or ``no_text``.
    """
    html = _as_text(content, content_type)
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        raise ExtractionError("not_html", "the document has no body")
    meta = _read_metadata(tree)
    title = _choose_title(tree, meta, url)
    layout = _layout(body)
    kept = _article_blocks(layout, title)
    found = "\n\n".join(block.text for block, keep in zip(layout.blocks, kept, strict=True) if keep)
    text = _prefer_declared_body(found, meta)
    if not text:
        raise ExtractionError("no_text", "no article text found")
    return Article(
        url=url,
        title=title,
        text=text,
        published=_choose_date(
            tree,
            meta,
            url,
            _dateline_blocks(layout.blocks, kept, title),
            [block.text for block in layout.blocks[:MAX_DATE_BLOCKS]],
            html,
        ),
        author=_choose_author(tree, meta),
        lang=_choose_language(tree, text),
    )


def extract_to_dict(article: Article) -> dict:
    """The article as a JSON-ready dict (field name to value)."""
    return {
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "author": article.author,
        "lang": article.lang,
        "text": article.text,
    }


# --- input ------------------------------------------------------------------------------

#: Share of control or replacement characters above which a document is not text.
BINARY_CHAR_SHARE = 0.05
_SNIFF_CHARS = 4096
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_MARKUP = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9-]*|!--|!doctype)[\s/>]", re.I)


def _as_text(content: bytes | str, content_type: str | None) -> str:
    """The document as text; raises ExtractionError for empty or non-HTML input."""
    html = content if isinstance(content, str) else decode_html(content, content_type)
    if not html.strip():
        raise ExtractionError("empty", "the document is empty")
    sample = html[:_SNIFF_CHARS]
    if len(_CONTROL.findall(sample)) > BINARY_CHAR_SHARE * len(sample):
        raise ExtractionError("not_html", "the document is binary or not text")
    if not _MARKUP.search(html):
        raise ExtractionError("not_html", "the document has no HTML markup")
    return html


# --- splitting the page into text blocks ------------------------------------------------

#: Elements whose text runs on within the enclosing block.
_INLINE = frozenset(
    "a abbr acronym b bdi bdo big cite code data del dfn em font i img ins kbd mark nobr q "
    "ruby s samp small span strike strong sub sup time tt u var wbr".split()
)
#: Elements that never hold article text: skipped with everything inside.
_NEVER_TEXT = frozenset(
    "script style template svg math canvas iframe frame frameset object embed video "
    "audio map area button select input textarea option optgroup datalist head title meta link "
    "base picture source track rp rt figcaption".split()
)
#: Elements that usually hold boilerplate (see :func:`_element_kind`); so does a
#: ``header`` outside an article.
_BOILERPLATE_TAGS = frozenset("nav aside footer menu dialog label noscript".split())
#: Class or id words naming boilerplate. A word starts a class or id token or follows a
#: ``-`` or ``_`` in it; the first group matches as a prefix ("sharing", "sidebar-left"),
#: the second as a whole word, the third only at the end of the token (WordPress marks
#: articles with ``tag-x`` and ``category-y`` classes).
_BOILERPLATE = re.compile(
    r"sidebar|textwidget|(?:^|[_-])(?:"
    r"(?:comment|disqus|shar(?:e|ing)|shariff|social|related|recommend|cookie|consent|gdpr|"
    r"advert|outbrain|taboola|newsletter|subscri|breadcrumb|paginat|footer|masthead|navbar|"
    r"navigation|menu)"
    r"|(?:ad|ads|adv|banner|nav|byline|reply|replies|respond|modal|overlay|popup|pager|signup|"
    r"login|search|cta|more-?stories|also-?read|author-?(?:bio|box|info))(?:$|[_-])"
    r"|(?:tags|tag-?cloud|tag-?list|categories|sr-only|screen-reader-text)$"
    r"|^(?:visually-|u-)?hidden$"
    r")",
    re.I,
)
#: Class or id words naming the content itself; a token with one protects its element.
_CONTENT = re.compile(r"(?:^|[_-])(?:article|content|entry|post|story|main|body|text|blog)(?:$|[_-])", re.I)
#: Class or id tokens that name an article's body in common content systems.
_BODY_NAME = re.compile(
    r"(?:^|[_-])(?:article|entry|post|story|news|blog|single|node|page|field-name|td-post)[_-]{0,2}"
    r"(?:body|content|text|entry|inner)(?:$|[_-])",
    re.I,
)
#: Class tokens that describe a state of a layout ("has-sidebar"), not a component.
_STATE_TOKEN = re.compile(r"^(?:has|with|no|is|show|hide|enable|disable)[_-]", re.I)
_BOILERPLATE_ROLES = frozenset(
    ("navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "menubar")
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BREAK = "\x00"


@dataclass
class _Block:
    """A run of text inside one block element."""

    owner: int  # index of the innermost enclosing block element
    text: str
    link_chars: int
    tag: str


@dataclass
class _Layout:
    """The page's block elements in document order, and the text blocks they hold.

    Elements are numbered in document order, so an element's subtree is the range from its
    own number to ``end`` of it, and a parent's number is below its children's.
    """

    parent: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    kind: list[int] = field(default_factory=list)  # _PLAIN, _BOILERPLATE_ELEMENT or _BODY
    in_article: list[bool] = field(default_factory=list)  # is or is inside article or main
    blocks: list[_Block] = field(default_factory=list)

    def add_element(self, tag: str, parent: int, kind: int) -> int:
        self.parent.append(parent)
        self.end.append(len(self.end))
        self.tag.append(tag)
        self.kind.append(kind)
        self.in_article.append(tag in ("article", "main") or (parent >= 0 and self.in_article[parent]))
        return len(self.tag) - 1


_PLAIN, _BOILERPLATE_ELEMENT, _BODY = range(3)


def _element_kind(node: LexborNode, tag: str) -> int:
    """Whether tag, role, class, id or style mark an element as boilerplate or as article body."""
    if tag in _BOILERPLATE_TAGS:
        return _BOILERPLATE_ELEMENT
    attributes = node.attributes
    if not attributes:
        return _PLAIN
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return _BOILERPLATE_ELEMENT
    style = attributes.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return _BOILERPLATE_ELEMENT
    if attributes.get("role") in _BOILERPLATE_ROLES:
        return _BOILERPLATE_ELEMENT
    if attributes.get("itemprop") == "articleBody":
        return _BODY
    return _named_kind(f"{attributes.get('class') or ''} {attributes.get('id') or ''}")


@lru_cache(maxsize=4096)
def _named_kind(names: str) -> int:
    """Whether class and id names mark an element as boilerplate or as article body.

    A name for the content itself ("article-content") protects the element from
    boilerplate names ("has-comments", "post-meta") in its other tokens.
    """
    kind = _PLAIN
    for name in names.split():
        if _STATE_TOKEN.match(name):
            continue
        if _BOILERPLATE.search(name):
            kind = _BOILERPLATE_ELEMENT
        elif _BODY_NAME.search(name):
            return _BODY
        elif _CONTENT.search(name):
            return _PLAIN
    return kind


def _layout(body: LexborNode) -> _Layout:
    """Split the body into text blocks, iteratively.

    Block elements flagged as boilerplate are kept, with the flag, for the scoring to judge
    (a layout wrapper may carry a class like ``sidebar-wrap``); flagged inline elements and
    elements that never hold text are skipped.
    """
    layout = _Layout()
    layout.add_element("body", -1, _PLAIN)
    parts: list[str] = []
    link_chars = 0
    owner = 0
    link_depth = 0
    # Each frame: the children iterator, the element's number if it is a block (else -1),
    # and whether it is a link.
    frames: list[tuple] = [(body.iter(include_text=True), 0, False)]

    def flush() -> None:
        nonlocal link_chars
        text = _join_lines(parts)
        if text:
            layout.blocks.append(_Block(owner, text, link_chars, layout.tag[owner]))
        parts.clear()
        link_chars = 0

    while frames:
        children, element, is_link = frames[-1]
        node = next(children, None)
        if node is None:
            frames.pop()
            if element >= 0:
                if parts:
                    flush()
                layout.end[element] = len(layout.tag) - 1
                owner = layout.parent[element]
            link_depth -= is_link
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            parts.append(text)
            if link_depth:
                link_chars += len(text.strip())
            continue
        if tag is None or tag.startswith("-") or tag in _NEVER_TEXT:
            continue
        if tag == "br":
            parts.append(_BREAK)
            continue
        kind = _element_kind(node, tag)
        if tag == "header" and not layout.in_article[owner]:
            kind = _BOILERPLATE_ELEMENT
        if tag in _INLINE:
            if kind != _BOILERPLATE_ELEMENT:
                is_anchor = tag == "a"
                link_depth += is_anchor
                frames.append((node.iter(include_text=True), -1, is_anchor))
            continue
        if parts:
            flush()
        owner = layout.add_element(tag, owner, kind)
        frames.append((node.iter(include_text=True), owner, False))
    if parts:
        flush()
    return layout


def _join_lines(parts: list[str]) -> str:
    """Collapse whitespace in a block's text, keeping its ``<br>`` line breaks."""
    text = "".join(parts)
    if _BREAK not in text:
        return " ".join(text.split())
    return "\n".join(filter(None, (" ".join(line.split()) for line in text.split(_BREAK))))


# --- choosing the article ---------------------------------------------------------------

#: Blocks with a larger share of link text are link lists (menus, related links).
MAX_LINK_DENSITY = 0.5
#: Blocks shorter than this (in characters) carry no weight of their own.
SHORT_BLOCK = 25
#: Blocks at least this long (in characters) are prose on their own; shorter ones are
#: judged by their neighbours.
GOOD_BLOCK = 60
#: Weight, per character, of text in boilerplate elements (negative: it counts against).
EXCLUDED_PENALTY = 0.5
#: Share of the heaviest element's prose that an element named as the article body (see
#: :func:`_named_body`) inside it must hold to be preferred.
NAMED_SHARE = 0.5
#: How many blocks after the headline an article may start.
HEADLINE_GAP = 5
#: Share of the heaviest element's weight that an element by the headline must hold to be
#: taken instead.
HEADLINE_SHARE = 0.3
#: Share of the article's text below which what follows its paragraphs' element is dropped.
TRAILER_SHARE = 0.15
#: Share of the page's prose above which an element flagged as boilerplate is kept.
WRAPPER_SHARE = 0.5


def _article_blocks(layout: _Layout, title: str | None) -> list[bool]:
    """Which of the page's blocks are the article's text."""
    if not layout.blocks:
        return []
    prose = _subtree_sums(layout, [max(_weight(block), 0.0) for block in layout.blocks])
    excluded = _excluded_elements(layout, prose)
    weights = [
        -EXCLUDED_PENALTY * len(block.text) if excluded[block.owner] else _weight(block) for block in layout.blocks
    ]
    title_key = _fold(title) if title else None
    headline = next((index for index, block in enumerate(layout.blocks) if _fold(block.text) == title_key), None)
    in_article = _article_elements(layout, weights, prose, excluded, headline)
    inside = [in_article[block.owner] and not excluded[block.owner] for block in layout.blocks]
    classes = [_classify(block, within, title_key) for block, within in zip(layout.blocks, inside, strict=True)]
    kept = _settle_short_blocks(layout.blocks, classes)
    if any(kept):
        return _drop_trailer(layout, kept)
    # An article that is all links (a link roundup) is its links.
    return [
        within and _fold(block.text) != title_key for block, within in zip(layout.blocks, inside, strict=True)
    ]


def _drop_trailer(layout: _Layout, kept: list[bool]) -> list[bool]:
    """Drop a short tail after the element that holds the article's paragraphs.

    Author notes, calls to subscribe and copyright lines follow the text in their own
    elements; when all that follows is under :data:`TRAILER_SHARE` of the text, it goes.
    """
    held: dict[int, int] = {}
    for block, keep in zip(layout.blocks, kept, strict=True):
        if keep and len(block.text) >= GOOD_BLOCK:
            holder = layout.parent[block.owner] if block.tag in _PARAGRAPHS else block.owner
            held[holder] = held.get(holder, 0) + len(block.text)
    if not held:
        return kept
    end = layout.end[max(held, key=held.__getitem__)]
    trailer = [index for index, block in enumerate(layout.blocks) if kept[index] and block.owner > end]
    total = sum(len(block.text) for block, keep in zip(layout.blocks, kept, strict=True) if keep)
    if sum(len(layout.blocks[index].text) for index in trailer) < TRAILER_SHARE * total:
        kept = kept.copy()
        for index in trailer:
            kept[index] = False
    return kept


def _subtree_sums(layout: _Layout, values: list[float]) -> list[float]:
    """For every element, the sum of the block values in its subtree."""
    totals = [0.0] * len(layout.tag)
    for block, value in zip(layout.blocks, values, strict=True):
        totals[block.owner] += value
    for element in range(len(totals) - 1, 0, -1):
        totals[layout.parent[element]] += totals[element]
    return totals


def _excluded_elements(layout: _Layout, prose: list[float]) -> list[bool]:
    """Which elements are boilerplate: those marked so, unless they hold most of the prose.

    ``prose`` is each element's sum of positive block weights. A marked element holding at
    least :data:`WRAPPER_SHARE` of the page's prose is a layout wrapper that happens to carry
    a boilerplate-like name, and is kept.
    """
    threshold = WRAPPER_SHARE * prose[0]
    excluded = [False] * len(layout.tag)
    for element in range(1, len(excluded)):
        excluded[element] = excluded[layout.parent[element]] or (
            layout.kind[element] == _BOILERPLATE_ELEMENT and not 0 < threshold <= prose[element]
        )
    return excluded


def _article_elements(
    layout: _Layout, weights: list[float], prose: list[float], excluded: list[bool], headline: int | None
) -> list[bool]:
    """Which elements make up the article: the heaviest subtree and its positive siblings.

    The heaviest element is the one whose subtree holds the most block weight, preferring
    one by the headline (see :func:`_by_headline`), then the element named as article body
    that agrees with it; its siblings of positive weight join it (a standfirst, a second
    column of text).
    """
    totals = _subtree_sums(layout, weights)
    best = max(range(len(totals)), key=totals.__getitem__)
    if headline is not None:
        best = _by_headline(layout, totals, best, headline)
    best = _named_body(layout, best, prose, excluded)
    parent = layout.parent[best]
    chosen = [best]
    if parent >= 0:
        sibling = parent + 1
        while sibling <= layout.end[parent]:
            if sibling != best and totals[sibling] > 0:
                chosen.append(sibling)
            sibling = layout.end[sibling] + 1
    in_article = [False] * len(totals)
    for element in chosen:
        in_article[element : layout.end[element] + 1] = [True] * (layout.end[element] + 1 - element)
    return in_article


def _by_headline(layout: _Layout, totals: list[float], best: int, headline: int) -> int:
    """The heaviest element that holds the headline's block or starts just after it.

    It replaces ``best`` if it holds at least :data:`HEADLINE_SHARE` of its weight: pages
    that scroll on into other articles, or put long texts in a sidebar, keep the article
    by the headline.
    """
    first = [len(layout.blocks)] * len(totals)
    last = [-1] * len(totals)
    for index, block in enumerate(layout.blocks):
        first[block.owner] = min(first[block.owner], index)
        last[block.owner] = index
    for element in range(len(totals) - 1, 0, -1):
        parent = layout.parent[element]
        first[parent] = min(first[parent], first[element])
        last[parent] = max(last[parent], last[element])
    near = [
        element
        for element in range(len(totals))
        if first[element] - HEADLINE_GAP <= headline <= last[element] and totals[element] > 0
    ]
    if not near:
        return best
    candidate = max(near, key=totals.__getitem__)
    return candidate if totals[candidate] >= HEADLINE_SHARE * totals[best] else best


def _named_body(layout: _Layout, best: int, prose: list[float], excluded: list[bool]) -> int:
    """The element a content system names as the article body, if it agrees with ``best``.

    That is the outermost element marked as article body that contains ``best``, or else
    the one inside ``best`` holding the most prose, if that is at least
    :data:`NAMED_SHARE` of the prose of ``best``.
    """
    ancestor = layout.parent[best]
    outermost = None
    while ancestor > 0:
        if layout.kind[ancestor] == _BODY and not excluded[ancestor]:
            outermost = ancestor
        ancestor = layout.parent[ancestor]
    if outermost is not None:
        return outermost
    inside = [
        element
        for element in range(best, layout.end[best] + 1)
        if layout.kind[element] == _BODY and not excluded[element]
    ]
    if inside:
        heaviest = max(inside, key=prose.__getitem__)
        if prose[heaviest] >= NAMED_SHARE * prose[best]:
            return heaviest
    return best


def _weight(block: _Block) -> float:
    """How much a block looks like article text: positive for prose, negative for links."""
    size = len(block.text)
    density = block.link_chars / size
    if density > MAX_LINK_DENSITY:
        return -size
    if size < SHORT_BLOCK:
        return 0.0
    return size * (1 - density)


_BAD, _SHORT, _GOOD = range(3)
#: How short blocks of boilerplate begin: ads, share and follow prompts, links to more
#: stories, comment prompts, photo credits (English, German, Urdu).
_BOILERPLATE_PHRASE = re.compile(
    r"\W*(?:advertisement|sponsored|share (?:this|on)|read (?:more|also)|also read|"
    r"related (?:posts|articles|stories)|more (?:from|on|stories)|you (?:may|might) also like|recommended|"
    r"photo:|image:|credit:|getty images|comments?\b|leave a (?:comment|reply)|sign up|subscribe|follow us|"
    r"tags:|filed under|\d+ min(?:ute)?s? read|"
    r"anzeige|werbung|mehr zum thema|auch interessant|lesen sie auch|weitere artikel|ähnliche beiträge|"
    r"das könnte sie auch interessieren|kommentare?\b|kommentieren|teilen\b|foto:|bild:|titelbild|"
    r"مزید پڑھیں|یہ بھی پڑھیں|اشتہار)",
    re.I,
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: Elements that hold one paragraph of their parent's text.
_PARAGRAPHS = _HEADINGS | frozenset("p li blockquote pre dd dt".split())


def _classify(block: _Block, in_article: bool, title_key: str | None) -> int:
    """Whether a block is article prose (good), boilerplate (bad) or too short to tell.

    Outside the article, link lists, the headline and short blocks that open like
    boilerplate ("Read more", "Photo:", "یہ بھی پڑھیں") are bad.
    """
    if not in_article or block.link_chars > MAX_LINK_DENSITY * len(block.text):
        return _BAD
    if title_key is not None and _fold(block.text) == title_key:
        return _BAD
    if len(block.text) >= GOOD_BLOCK:
        return _GOOD
    return _BAD if _BOILERPLATE_PHRASE.match(block.text) else _SHORT


def _settle_short_blocks(blocks: list[_Block], classes: list[int]) -> list[bool]:
    """Keep the good blocks, and the short ones that good prose surrounds.

    A short heading is kept when the next block that is not short is good; any other short
    block when the blocks on both sides are good.
    """
    count = len(classes)
    before = [_BAD] * count
    after = [_BAD] * count
    for index in range(1, count):
        previous = classes[index - 1]
        before[index] = previous if previous != _SHORT else before[index - 1]
    for index in range(count - 2, -1, -1):
        following = classes[index + 1]
        after[index] = following if following != _SHORT else after[index + 1]
    kept = []
    for block, kind, prev, nxt in zip(blocks, classes, before, after, strict=True):
        if kind == _SHORT:
            heading = block.tag in _HEADINGS
            kept.append(nxt == _GOOD and (heading or prev == _GOOD))
        else:
            kept.append(kind == _GOOD)
    return kept


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


# --- structured metadata ----------------------------------------------------------------

#: Texts shorter than this (in characters) give way to a JSON-LD article body twice as long.
SHORT_TEXT = 1000
#: JSON-LD types that describe the page's article.
_ARTICLE_TYPES = frozenset(
    "Article NewsArticle BlogPosting ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle "
    "BackgroundNewsArticle TechArticle ScholarlyArticle Report LiveBlogPosting SocialMediaPosting "
    "Posting WebPage ItemPage AboutPage Recipe Review CreativeWork".split()
)


@dataclass
class _Metadata:
    """What the page says about itself in ``<meta>`` tags, JSON-LD and ``<title>``."""

    meta: dict[str, str] = field(default_factory=dict)  # lower-case name/property -> content
    ld: list[dict] = field(default_factory=list)  # JSON-LD objects, article-like first
    title_tag: str = ""


def _read_metadata(tree: LexborHTMLParser) -> _Metadata:
    """The page's ``<meta>`` tags (the first of each name), JSON-LD objects and ``<title>``."""
    meta = _Metadata()
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = " ".join((attributes.get("content") or "").split())
        if key and content:
            meta.meta.setdefault(key.strip().lower(), content)
    meta.ld = _json_ld_objects(tree)
    title = tree.css_first("title")
    meta.title_tag = " ".join(title.text().split()) if title else ""
    return meta


def _json_ld_objects(tree: LexborHTMLParser) -> list[dict]:
    """Every JSON-LD object on the page (flattening lists and ``@graph``), articles first."""
    found: list[dict] = []
    for script in tree.css('script[type="application/ld+json"]'):
        pending = [_load_json(script.text())]
        while pending:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                pending.extend(reversed([item[key] for key in ("@graph", "mainEntity") if key in item]))
    return sorted(found, key=lambda item: not _is_article(item))


def _load_json(text: str) -> object:
    """Parse JSON-LD leniently (stray control characters, HTML comments); None if broken
    or nested too deeply."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def _is_article(item: dict) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind in _ARTICLE_TYPES for kind in kinds)


def _prefer_declared_body(text: str, meta: _Metadata) -> str:
    """The JSON-LD ``articleBody`` instead of the text found, when that is short beside it.

    Pages that render their article with scripts often carry it whole only there.
    """
    body = _ld_value(meta, "articleBody")
    if not isinstance(body, str) or len(text) >= SHORT_TEXT:
        return text
    if "<" in body:
        parsed = LexborHTMLParser(body).body
        paragraphs = [block.text for block in _layout(parsed).blocks] if parsed is not None else []
    else:
        paragraphs = [" ".join(line.split()) for line in unescape(body).splitlines()]
    declared = "\n\n".join(filter(None, paragraphs))
    return declared if len(declared) > 2 * len(text) else text


def _ld_value(meta: _Metadata, key: str) -> object:
    """The first value of ``key`` among the page's JSON-LD objects, articles first."""
    for item in meta.ld:
        value = item.get(key)
        if value:
            return value
    return None


# --- title ------------------------------------------------------------------------------

_TITLE_KEYS = (
    "og:title", "twitter:title", "dc.title", "title", "headline", "parsely-title", "sailthru.title",
)
#: Separators between a headline and a site or section name in ``<title>`` and ``og:title``.
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|\-–—·•»«/~:]|::)\s+|\s*[|»«·•]\s*")
#: Words, each CJK character counting as a word.
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]|[^\W\u3040-\u30ff\u3400-\u9fff]+")
_MAX_HEADINGS = 12
#: Host labels that are parts of public suffixes (``.com.pk``, ``.gov.pk``, ``.co.uk``).
_SUFFIX_LABELS = frozenset("com org net gov edu ac co info biz web".split())
#: Least word overlap (Dice coefficient) for a heading to count as the declared title.
TITLE_MATCH = 0.5
#: Words a kicker above a headline may have.
MAX_KICKER_WORDS = 4


def _choose_title(tree: LexborHTMLParser, meta: _Metadata, url: str | None) -> str | None:
    """The headline as the page shows it.

    That is the h1 heading (else h2) most like the titles the page declares (JSON-LD
    headline, ``og:title``, ``<title>`` and their parts), so that site names, kickers and
    SEO variants are left out; failing that, the first h1; failing that, the declared title
    without the site name.
    """
    declared = _declared_titles(meta)
    sites = _site_names(meta, url)
    references = [_words(part) for part in _title_parts(declared, sites)]
    h1s, h2s = _headings(tree, "h1", sites), _headings(tree, "h2", sites)
    for headings in (h1s, h2s):
        match = _best_match(headings, references)
        if match:
            return match
    if h1s:
        first_text, _ = h1s[0][0]
        return first_text
    if declared:
        return _strip_site_name(declared[0], sites)
    return None


def _best_match(headings: list[list[tuple[str, str]]], references: list[set[str]]) -> str | None:
    """The heading most like one of the references, if any is like enough.

    Each heading comes as (text to return, text to compare) variants. Similarity is the
    Dice coefficient of the word sets; ties go to the longer reference, then to the earlier
    variant.
    """
    best, best_key = None, (0.0, 0)
    for variants in headings:
        for text, compared in variants:
            words = _words(compared)
            for reference in references:
                key = (round(_dice(words, reference), 2), len(reference))
                if key[0] > TITLE_MATCH and key > best_key:
                    best, best_key = text, key
    return best


def _declared_titles(meta: _Metadata) -> list[str]:
    """Titles from JSON-LD and ``<meta>`` tags, then ``<title>``, most specific first."""
    found = []
    headline = _ld_value(meta, "headline")
    if isinstance(headline, str):
        found.append(headline)
    found.extend(meta.meta[key] for key in _TITLE_KEYS if key in meta.meta)
    found.append(meta.title_tag)
    return [" ".join(unescape(title).split()) for title in found if title and title.strip()]


def _title_parts(declared: list[str], sites: set[str]) -> list[str]:
    """The declared titles, without site names, and their parts between separators."""
    parts = []
    for title in declared:
        parts.append(_strip_site_name(title, sites))
        parts.extend(part for part in _TITLE_SEPARATOR.split(title) if not _is_site_name(part, sites))
    return parts


def _headings(tree: LexborHTMLParser, tag: str, sites: set[str]) -> list[list[tuple[str, str]]]:
    """The page's first headings of one level, each as (text, text to compare) variants.

    Site names are left out. A heading whose first element is a short kicker ("Olympics",
    "Interview") is returned without it, though also compared as a whole; a heading made
    of parts between separators ("Quote / Headline") may be returned as one of them.
    """
    found = []
    for node in tree.css(tag)[:_MAX_HEADINGS]:
        children = [(child.tag != "-text", _visible_text(child)) for child in node.iter(include_text=True)]
        children = [(is_element, part) for is_element, part in children if part]
        parts = [part for _, part in children]
        whole = _strip_site_name(_join_parts(parts), sites)
        if not whole or _is_site_name(whole, sites):
            continue
        rest = _join_parts(parts[1:]).lstrip(" :|–—-")
        if len(parts) > 1 and children[0][0] and _is_kicker(parts[0], rest):
            found.append([(rest, rest), (rest, whole)])
            continue
        segments = _TITLE_SEPARATOR.split(whole)
        found.append([(whole, whole)] + [(segment, segment) for segment in segments if len(segments) > 1])
    return found


def _visible_text(node: LexborNode) -> str:
    """A node's text with whitespace collapsed, leaving out ruby annotations."""
    if node.tag == "-text":
        return " ".join((node.text_content or "").split())
    if node.tag in _NEVER_TEXT:
        return ""
    pieces = [
        piece.text_content or ""
        for piece in node.traverse(include_text=True)
        if piece.tag == "-text" and piece.parent is not None and piece.parent.tag not in _NEVER_TEXT
    ]
    return " ".join("".join(pieces).split())


def _join_parts(parts: list[str]) -> str:
    """Join the texts of a heading's children, with a space unless punctuation follows."""
    text = ""
    for part in parts:
        glue = "" if not text or not part[0].isalnum() and part[0] not in "\"'„“«([" else " "
        text += glue + part
    return text


def _is_kicker(first: str, rest: str) -> bool:
    """Whether a heading's first element is a kicker above the headline proper: a few
    words, followed by a longer text that starts anew (not a sentence running on)."""
    words = len(first.split())
    return words <= MAX_KICKER_WORDS and len(rest.split()) > words and not rest[:1].islower()


def _site_names(meta: _Metadata, url: str | None) -> set[str]:
    """The site's names, as letters and digits only: declared ones and the domain's.

    From ``www.thenews.com.pk`` come ``thenews``, ``thenewscom`` and ``thenewscompk``
    (the public suffix is not a name by itself).
    """
    names = {_alnum(meta.meta.get(key, "")) for key in ("og:site_name", "application-name")}
    parts = _split_url(url)
    host = (parts.hostname or "") if parts else ""
    labels = host.removeprefix("www.").split(".")
    while len(labels) > 1 and (labels[-1] in _SUFFIX_LABELS or len(labels[-1]) <= 2):
        names.add(_alnum("".join(labels)))
        labels = labels[:-1]
    names.update(_alnum(label) for label in labels)
    if len(labels) > 1:
        names.add(_alnum("".join(labels)))
    names.discard("")
    return names


def _is_site_name(text: str, sites: set[str]) -> bool:
    return _alnum(text) in sites


def _strip_site_name(title: str, sites: set[str]) -> str:
    """Drop leading and trailing site names from a title such as ``Headline | Site``."""
    parts = _TITLE_SEPARATOR.split(title)
    while len(parts) > 1 and _is_site_name(parts[-1], sites):
        parts.pop()
    while len(parts) > 1 and _is_site_name(parts[0], sites):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEPARATOR.split(title)):
        return title
    return title[title.index(parts[0]) : title.rindex(parts[-1]) + len(parts[-1])]


def _split_url(url: str | None) -> SplitResult | None:
    """The URL's parts, or None for no URL or one too broken to parse."""
    try:
        return urlsplit(url) if url else None
    except ValueError:
        return None


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _alnum(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _dice(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    return 2 * len(first & second) / (len(first) + len(second))


# --- publication date -------------------------------------------------------------------

_DATE_META_KEYS = (
    "article:published_time", "og:article:published_time", "published_time", "article.published",
    "datepublished", "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date",
    "dcterms.created", "dcterms.issued", "pubdate", "publishdate", "publish_date", "publish-date",
    "publication_date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
    "citation_date", "cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate",
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar jän jänner janvier janv enero ene gennaio gen janeiro januari styczeń "
            "stycznia جنوری",
            "february feb februar février févr fevrier febrero febbraio fevereiro februari luty lutego فروری",
            "march mar märz mär mrz maerz mars marzo março maart marzec marca مارچ",
            "april apr avril avr abril abr aprile kwiecień kwietnia اپریل",
            "may mai mayo maggio maio mei maj maja مئی",
            "june jun juni juin junio giugno junho czerwiec czerwca جون",
            "july jul juli juillet juil julio luglio julho lipiec lipca جولائی",
            "august aug août aout agosto augustus sierpień sierpnia اگست",
            "september sep sept septembre septiembre settembre setembro wrzesień września ستمبر",
            "october oct okt oktober octobre octubre ottobre outubro października październik اکتوبر",
            "november nov novembre noviembre novembro listopad listopada نومبر",
            "december dec dez dezember décembre déc decembre diciembre dic dicembre dezembro grudzień "
            "grudnia دسمبر",
        ),
        start=1,
    )
    for name in names.split()
}
_MONTH_NAME = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DATE_PATTERNS = (
    # 2024-11-30, 2024/11/30, 2024.11.30 (optionally with a time)
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
    # 30.11.2024, 30/11/2024, 30-11-2024
    (re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)"), "dmy"),
    # 30.11.24
    (re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])"), "dmy"),
    # 30 November 2024, 30. November 2024, 30 de noviembre de 2024
    (
        re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s*(?:de\s+)?({_MONTH_NAME})\.?,?\s*(?:de\s+)?(\d{{4}})(?!\d)", re.I),
        "dMy",
    ),
    # November 30, 2024, Nov. 30th 2024
    (re.compile(rf"\b({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I), "Mdy"),
)
_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})(?:/(\d{1,2})/(\d{1,2})|[_-]?(0[1-9]|1[0-2])[_-]?(0[1-9]|[12]\d|3[01]))(?!\d)"
)
_URL_DATE_DAY_FIRST = re.compile(
    r"(?<![\d.])(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.]((?:19|20)\d{2})(?![\d.])"
)
_TWO_DIGITS = re.compile(r"\d\d")
_EARLIEST_YEAR = 1995
#: How many blocks after and before the headline are searched for a printed date.
DATELINE_AFTER = 12
DATELINE_BEFORE = 5
#: How much of the start of a block is searched for a dateline.
DATELINE_CHARS = 60
#: Words that introduce a publication date.
_DATE_LABEL = re.compile(
    r"\b(?:published|posted|updated|date|veröffentlicht|publiziert|erstellt|geschrieben|datum|stand|"
    r"aktualisiert|publié|publicado|pubblicato)\b|شائع|تاریخ",
    re.I,
)
#: A dateline is a block this short, has its date after a label or byline cue, or within
#: its first DATELINE_LEAD characters after words that are not a sentence.
SHORT_DATELINE = 40
DATELINE_LEAD = 20
_DATELINE_CUE = re.compile(_DATE_LABEL.pattern + r"|\b(?:by|von|par|por)\b|[|·•—–]", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
#: Lower-case words that may stand before a date in a dateline ("Monday, the", "vom").
_DATE_PREPOSITIONS = frozenset("am on the den der vom le du de del el il".split())
#: A publication date in JSON inside the page's scripts.
_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|date_published|createdAt|created_at|'
    r'dateCreated|pubDate)"\s*:\s*"([^"]{8,40})"'
)
#: How many of the page's first blocks the last-resort date searches read.
MAX_DATE_BLOCKS = 2000
#: How many blocks after the article's end may hold its date.
ARTICLE_EDGE = 3
#: How many blocks after and before the headline count as close to it.
CLOSE_AFTER = 5
CLOSE_BEFORE = 1


def _choose_date(
    tree: LexborHTMLParser,
    meta: _Metadata,
    url: str | None,
    datelines: list[tuple[bool, str]],
    labelled: list[str],
    html: str,
) -> str | None:
    """The publication date as ISO 8601: from a dateline, structured data or the URL.

    ``datelines`` are (close to the headline, text) pairs for the texts around the headline
    and in the article, nearest first; ``labelled`` all of the page's block texts; ``html``
    the page. In order of trust:

    1. a dateline right by the headline (as the declared time, if that is the same day),
       unless the declared date and the URL's agree on another;
    2. the declared date (see :func:`_declared_date`), unless the URL's differs by more
       than a day and no printed date backs the declared one; then the URL's date;
    3. a date printed further from the headline;
    4. a date after a label ("Published:", "Datum:") anywhere on the page;
    5. a publication date in script data (``"publishedDate": "..."``);
    6. the page's first dateline anywhere.
    """
    close = next((found for near, text in datelines if near and (found := _dateline_date(text))), None)
    from_url = _url_date(url) if url else None
    declared = _declared_date(tree, meta, from_url)
    if close and declared and declared[:10] in (close, from_url):
        return declared
    if close:
        return close
    further = next(filter(None, (_find_date(text) for _, text in datelines)), None)
    if declared and from_url and _days_apart(declared, from_url) > 1 and declared[:10] != further:
        return from_url
    return (
        declared
        or from_url
        or further
        or next(filter(None, map(_labelled_date, labelled)), None)
        or next(filter(None, (_parse_date(value) for value in _SCRIPT_DATE.findall(html))), None)
        or next(filter(None, (_dateline_date(text[:DATELINE_CHARS]) for text in labelled)), None)
    )


def _declared_date(tree: LexborHTMLParser, meta: _Metadata, from_url: str | None) -> str | None:
    """The first date the page declares; for a UTC time, the same instant in local time
    declared too, or the URL's date if a day off."""
    declared = [parsed for parsed in map(_parse_date, _structured_dates(tree, meta)) if parsed]
    if not declared:
        return None
    first = declared[0]
    if first.endswith("+00:00"):
        for other in (*declared[1:], from_url):
            if other and _same_time_elsewhere(first, other):
                return other
    return first


def _labelled_date(text: str) -> str | None:
    """A date that follows a label such as "Published on" or "Datum:" in ``text``."""
    for label in _DATE_LABEL.finditer(text):
        found = _find_date(text[label.end() : label.end() + DATELINE_CHARS])
        if found:
            return found
    return None


def _url_date(url: str) -> str | None:
    """A date in a URL: ``/2024/11/30/``, ``/2024/7/3/``, ``-20241130``, ``-2024-11-30`` or
    ``/30-11-2024``."""
    parts = _split_url(url)
    path = parts.path if parts else ""
    match = _URL_DATE.search(path)
    if match:
        year, month, day = int(match[1]), int(match[2] or match[4]), int(match[3] or match[5])
    else:
        match = _URL_DATE_DAY_FIRST.search(path)
        if not match:
            return None
        day, month, year = map(int, match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid_date(year, month, day) else None


def _days_apart(first: str, second: str) -> int:
    return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)


def _same_time_elsewhere(utc: str, other: str) -> bool:
    """Whether ``other`` gives the instant ``utc`` as a local time (or date) a day off."""
    if len(other) == 10:
        return _days_apart(utc, other) == 1
    moment = datetime.fromisoformat(other)
    return (
        moment.utcoffset() is not None
        and other[:10] != utc[:10]
        and abs((moment - datetime.fromisoformat(utc)).total_seconds()) < 60
    )


def _dateline_blocks(blocks: list[_Block], kept: list[bool], title: str | None) -> list[tuple[bool, str]]:
    """Texts where pages print their date, nearest the headline first.

    Each comes as (close, text). Close ones are the headline's block (the one nearest the
    article's start, or else the article's first block), the :data:`CLOSE_AFTER` blocks
    after it and the :data:`CLOSE_BEFORE` before it; then come the other blocks near the
    headline and those of the article and its edges (bylines, "updated" lines). Of each
    block only the start is taken, where a dateline would be.
    """
    article = [index for index, keep in enumerate(kept) if keep]
    start = article[0] if article else 0
    title_key = _fold(title) if title else None
    headlines = [index for index, block in enumerate(blocks) if _fold(block.text) == title_key]
    anchor = min(headlines, key=lambda index: abs(index - start)) if headlines else start
    close = [*range(anchor, anchor + CLOSE_AFTER + 1), *range(anchor - 1, anchor - CLOSE_BEFORE - 1, -1)]
    further = [
        *range(anchor + CLOSE_AFTER + 1, anchor + DATELINE_AFTER + 1),
        *range(anchor - CLOSE_BEFORE - 1, anchor - DATELINE_BEFORE - 1, -1),
        *range(start, min(article[-1] + ARTICLE_EDGE + 1, start + MAX_DATE_BLOCKS) if article else 0),
    ]
    return [
        (index in close, blocks[index].text[:DATELINE_CHARS]) for index in close + further if 0 <= index < len(blocks)
    ]


def _structured_dates(tree: LexborHTMLParser, meta: _Metadata):
    """Date strings the page declares, most reliable first: meta tags, JSON-LD, markup."""
    for key in _DATE_META_KEYS:
        if key in meta.meta:
            yield meta.meta[key]
    for key in ("datePublished", "dateCreated"):
        value = _ld_value(meta, key)
        if isinstance(value, str):
            yield value
    for node in tree.css('[itemprop="datePublished"], time[datetime], time[pubdate]'):
        attributes = node.attributes
        yield attributes.get("content") or attributes.get("datetime") or node.text()


def _parse_date(value: str) -> str | None:
    """An ISO 8601 date or datetime for a date string, or None when it holds no valid date."""
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return _find_date(value)
    if not _valid_date(parsed.year, parsed.month, parsed.day):
        return None
    if len(value) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _find_date(text: str) -> str | None:
    """The first plausible date written in ``text``, as ``YYYY-MM-DD``."""
    first = _first_date(text)
    return first[1] if first else None


def _dateline_date(text: str) -> str | None:
    """The date of a dateline: a short block, or a date after a label or byline
    ("Published", "By ... |") or after a few words that are not a sentence ("Berlin,",
    "Mittwoch, den"); not a date that a sentence mentions."""
    first = _first_date(text)
    if first is None:
        return None
    start, found = first
    lead = text[:start]
    if len(text) <= SHORT_DATELINE or _DATELINE_CUE.search(lead):
        return found
    sentence = any(word[0].islower() and word not in _DATE_PREPOSITIONS for word in _LETTERS.findall(lead))
    return found if start <= DATELINE_LEAD and not sentence else None


def _first_date(text: str) -> tuple[int, str] | None:
    """Where the first plausible date in ``text`` starts, and the date as ``YYYY-MM-DD``."""
    if not _TWO_DIGITS.search(text):
        return None
    best: tuple[int, str] | None = None
    for pattern, order in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            found = _date_from_match(match.groups(), order)
            if found and (best is None or match.start() < best[0]):
                best = (match.start(), found)
                break
    return best


def _date_from_match(groups: tuple[str, ...], order: str) -> str | None:
    if order == "ymd":
        year, month, day = map(int, groups)
    elif order == "dmy":
        day, month, year = map(int, groups)
        if month > 12 >= day:
            day, month = month, day
        if year < 100:
            year += 2000
    elif order == "dMy":
        day, month, year = int(groups[0]), _MONTHS[groups[1].lower()], int(groups[2])
    else:
        month, day, year = _MONTHS[groups[0].lower()], int(groups[1]), int(groups[2])
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid_date(year, month, day) else None


def _valid_date(year: int, month: int, day: int) -> bool:
    """A real calendar date between 1995 and tomorrow."""
    try:
        value = date(year, month, day)
    except ValueError:
        return False
    return year >= _EARLIEST_YEAR and value <= date.today() + timedelta(days=1)


# --- author -----------------------------------------------------------------------------

_AUTHOR_META_KEYS = ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author")
_MAX_AUTHOR_CHARS = 100


def _choose_author(tree: LexborHTMLParser, meta: _Metadata) -> str | None:
    """The author's name (names joined by ", "), from JSON-LD, meta tags or a byline link."""
    names = _person_names(_ld_value(meta, "author"))
    if names:
        return ", ".join(names)
    for key in _AUTHOR_META_KEYS:
        value = meta.meta.get(key, "")
        if value and "://" not in value and len(value) <= _MAX_AUTHOR_CHARS:
            return value
    node = tree.css_first('[rel="author"], [itemprop="author"]')
    if node is not None:
        text = " ".join(node.text().split())
        if 0 < len(text) <= _MAX_AUTHOR_CHARS:
            return text
    return None


def _person_names(value: object) -> list[str]:
    """Names in a JSON-LD ``author`` value: a string, a Person object or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and "://" not in name:
            names.append(" ".join(name.split()))
    return names


# --- language ---------------------------------------------------------------------------

#: Letters Urdu uses and Arabic does not (Persian shares some, not these).
_URDU_LETTERS = frozenset("ٹڈڑںےۓھ")
_PERSIAN_LETTERS = frozenset("پچژگ")
#: Unicode ranges of scripts that name their language, checked in order.
_SCRIPTS = (
    ("\u0600", "\u06ff", "arabic"),
    ("\u0900", "\u097f", "hi"),
    ("\u0980", "\u09ff", "bn"),
    ("\u0a00", "\u0a7f", "pa"),
    ("\u0b80", "\u0bff", "ta"),
    ("\u0e00", "\u0e7f", "th"),
    ("\u0590", "\u05ff", "he"),
    ("\u0400", "\u04ff", "ru"),
    ("\u0370", "\u03ff", "el"),
    ("\u3040", "\u30ff", "ja"),
    ("\uac00", "\ud7af", "ko"),
    ("\u4e00", "\u9fff", "zh"),
)
_LANGUAGE_SAMPLE = 2000
_ENGLISH_WORDS = frozenset(
    "the a an and or of to in on for with by from at as is are was were be has have that this it".split()
)
#: Share of words that must be English function words for undeclared text to count as English.
ENGLISH_SHARE = 0.15


def _choose_language(tree: LexborHTMLParser, text: str) -> str | None:
    """The language: from the text's script when it is not Latin, else ``<html lang>``,
    else English when English function words are common in the text."""
    sample = text[:_LANGUAGE_SAMPLE]
    by_script = _language_from_script(sample)
    if by_script:
        return by_script
    root = tree.root
    declared = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "") if root else ""
    primary = declared.strip().lower().replace("_", "-").split("-")[0]
    if primary.isalpha() and 2 <= len(primary) <= 3:
        return primary
    words = sample.lower().split()
    if words and sum(word in _ENGLISH_WORDS for word in words) >= ENGLISH_SHARE * len(words):
        return "en"
    return None


def _language_from_script(sample: str) -> str | None:
    """The language a non-Latin script implies, when most letters of the sample are in it."""
    letters = [char for char in sample if char.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    for char in letters:
        if char >= "\u0370":
            for low, high, name in _SCRIPTS:
                if low <= char <= high:
                    counts[name] = counts.get(name, 0) + 1
                    break
    if not counts:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    if count < len(letters) / 2:
        return None
    if script == "arabic":
        if any(char in _URDU_LETTERS for char in sample):
            return "ur"
        return "fa" if any(char in _PERSIAN_LETTERS for char in sample) else "ar"
    return script
