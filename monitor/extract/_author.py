"""The author."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ._metadata import _Metadata, _ld_value


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
