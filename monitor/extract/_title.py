"""The headline."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import SplitResult, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._layout import _NEVER_TEXT
from ._metadata import _Metadata, _ld_value


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
