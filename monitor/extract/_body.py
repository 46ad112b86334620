"""Choosing the article among the page's text blocks."""

from __future__ import annotations

from typing import Sequence

import re

from ._layout import _BODY, _BOILERPLATE_ELEMENT, _Block, _Layout


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
    kept = _settle_short_blocks(layout.blocks, classes, layout.parent)
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


def _settle_short_blocks(blocks: list[_Block], classes: list[int], parent: Sequence[int] = ()) -> list[bool]:
    """Keep the good blocks, and the short ones that good prose surrounds.

    A short heading is kept when the next block that is not short is good; any other short
    block when the blocks on both sides are good, or when it is a sentence that closes the
    paragraphs before it: a paragraph of the same element as the good one right before it,
    ending as a sentence ends ("Freelancers earned $84.4 million in October.").
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
            if not kept[-1] and prev == _GOOD and parent and _closes_paragraphs(blocks, len(kept) - 1, parent):
                kept[-1] = True
        else:
            kept.append(kind == _GOOD)
    return kept


def _closes_paragraphs(blocks: list[_Block], index: int, parent: Sequence[int]) -> bool:
    """Whether the short block at ``index`` is a last sentence of the paragraphs right before
    it: a ``<p>`` of the same element as the block before it, which is a ``<p>`` too, ending
    as a sentence ends."""
    block, before = blocks[index], blocks[index - 1] if index else None
    if before is None or block.tag != "p" or before.tag != "p" or parent[block.owner] != parent[before.owner]:
        return False
    return bool(_SENTENCE_END.search(block.text)) and not _BOILERPLATE_PHRASE.match(block.text)


#: How a sentence ends: a full stop, a question or exclamation mark, the Urdu full stop, with
#: a closing quote allowed.
_SENTENCE_END = re.compile(r"[.!?۔؟][\"”’)]?\s*$")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
