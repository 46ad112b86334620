"""Reading the page and splitting its body into text blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborNode

from ..encoding import decode_html
from ..errors import ExtractionError


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
#: A table's cells: one that holds only text and inline elements runs on within its row, after
#: :data:`CELL_SEPARATOR`, so that a row is one line ("Jul | 214 | 197 | +9%"), as a reader
#: reads it, and not a paragraph per cell.
_CELLS = frozenset(("td", "th"))
#: What stands between the cells of a row in the text.
CELL_SEPARATOR = " | "
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
    cells = 0  # the cells of the current row read so far
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
        if tag in _CELLS and kind != _BOILERPLATE_ELEMENT and _simple_cell(node):
            if layout.tag[owner] == "tr" and (cells or parts):
                parts.append(CELL_SEPARATOR)
            cells += 1
            frames.append((node.iter(include_text=True), -1, False))
            continue
        if tag in _INLINE:
            if kind != _BOILERPLATE_ELEMENT:
                is_anchor = tag == "a"
                link_depth += is_anchor
                frames.append((node.iter(include_text=True), -1, is_anchor))
            continue
        if parts:
            flush()
        owner = layout.add_element(tag, owner, kind)
        cells = 0  # (a new row, or a block inside a cell, starts with no cell before it)
        frames.append((node.iter(include_text=True), owner, False))
    if parts:
        flush()
    return layout


def _simple_cell(node: LexborNode) -> bool:
    """Whether a table cell holds only text and inline elements (a layout table's cell, which
    holds paragraphs or a whole column of the page, is read as blocks)."""
    return all(d.tag in _INLINE or d.tag == "br" for d in node.traverse(include_text=False) if d.tag != node.tag)  # (the cell itself is in its traversal)


def _join_lines(parts: list[str]) -> str:
    """Collapse whitespace in a block's text, keeping its ``<br>`` line breaks."""
    text = "".join(parts)
    if _BREAK not in text:
        return " ".join(text.split())
    return "\n".join(filter(None, (" ".join(line.split()) for line in text.split(_BREAK))))
