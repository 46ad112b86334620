"""Structured metadata: meta tags and JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import unescape

from selectolax.lexbor import LexborHTMLParser

from ._layout import _layout


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
