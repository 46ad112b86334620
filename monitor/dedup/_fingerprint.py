"""An item's fingerprint: its lines less boilerplate, shingles, content words, sampled keys."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache
from urllib.parse import urlsplit

from ..canonical import canonical_url, is_redirect
from ._params import BOILERPLATE_WORDS, SECTION_MIN_WORDS, SUBHEADING_WORDS
from ._records import DedupInput, Fingerprint
from ._text import (
    _crc,
    _hashed,
    _key,
    _split,
    _vectors,
    figures,
    line_key,
    normalise,
    script,
    words,
)


def fingerprint(item: DedupInput, boilerplate: frozenset[int] | set[int] = frozenset()) -> Fingerprint:
    """The fingerprint of ``item``, leaving out the lines whose :func:`line_key` is in
    ``boilerplate``."""
    return _fingerprint(item, _lines_of(item, _scope(item)), boilerplate)


def _redirect(item: DedupInput) -> bool:
    """Whether ``item`` arrived through an aggregator's opaque link."""
    return item.aggregated or (bool(item.url) and "news.google." in item.url and is_redirect(item.url))


def _scope(item: DedupInput, canon: str | None = None) -> str:
    """Where boilerplate is learned: the item's site, else its source."""
    if not _redirect(item):
        host = _host(_canonical(item) if canon is None else canon)
        if host:
            return host
    return item.source or ""


@lru_cache(maxsize=64)  # asked twice for each new item: for its boilerplate scope and its site
def _host(canon: str) -> str:
    """The host of a canonical URL (:func:`monitor.canonical.site` of it)."""
    if not canon:
        return ""
    plain = _PLAIN_HOST.match(canon)  # what urlsplit gives for these, without its work
    return plain.group(1) if plain else (urlsplit(canon).hostname or "")


#: A URL whose host is lower-case letters, digits, dots and hyphens, with no user, port or
#: surrounding space: its host is the text after the scheme.
_PLAIN_HOST = re.compile(r"https?://([a-z0-9.-]+)(?=[/?#]|\Z)")


def _lines_of(item: DedupInput, scope: str) -> list[tuple[int, str, list[str]]]:
    """The non-empty lines of ``item``'s text: :func:`line_key` (0 for a line longer than
    :data:`BOILERPLATE_WORDS`: a paragraph of text, not counted), normalised text, words."""
    out = []
    for raw in item.text.split("\n"):
        normal = normalise(raw)
        found = _split(normal)
        if found:
            out.append((line_key(scope, " ".join(found)) if len(found) <= BOILERPLATE_WORDS else 0, normal, found))
    return out


def _fingerprint(item: DedupInput, lines: list[tuple[int, str, list[str]]], boilerplate: frozenset[int] | set[int], canon: str | None = None) -> Fingerprint:
    redirect = _redirect(item)
    headline, named_outlet = _split_outlet(item.title) if redirect else (item.title, "")
    writing = script(f"{item.title} {item.text[:2000]}")
    kept = [line for line in lines if line[0] not in boilerplate]
    headline_words = words(headline)
    every = headline_words.copy()  # the title's words, then the text's
    for line in kept:
        every += line[2]
    hashed = _hashed(every, writing)
    packed, terms, sampled = _vectors(hashed)
    head = sum(h & 1 for h in hashed[: len(headline_words)])
    cut = first_section([line[1] for line in kept], [len(line[2]) for line in kept])
    section = sum(h & 1 for h in hashed[: len(headline_words) + cut]) if cut else 0
    sample = set(sampled)
    sample.update(_key("fact", f) for f in item.facts)
    if canon is None:
        canon = _canonical(item)
    host = _host(canon)
    return Fingerprint(
        id=item.id,
        published=_utc(item.published),
        script=writing,
        lang=(item.lang or "").split("-")[0].lower() or None,
        outlet=named_outlet or item.source or host,
        site="" if redirect else host,
        redirect=redirect,
        url_key=_key("url", canon) if canon else None,
        guid_key=_guid_key(item.guid, item.source),
        title_key=_key("title", writing, " ".join(headline_words)) if headline_words else None,
        words=len(every) - len(headline_words),
        packed_shingles=packed,
        sequence=terms,
        sample=tuple(sorted(sample)),
        complete=item.complete,
        head=head,
        figures=figures("\n".join(line[1] for line in kept), normalised=True),
        facts=tuple(sorted({_crc(f) for f in item.facts})),
        mentions=tuple(sorted({_crc(f) for f in item.mentions})),
        section=section,
        entries=entry_headings(lines),
    )


def first_section(lines: list[str], sizes: list[int]) -> int:
    """How many words of the text (its ``lines``, normalised, and their word counts) come
    before a subheading that opens another story's section: a line of at most
    :data:`SUBHEADING_WORDS` words with no closing stop, with text after it, after at least
    :data:`SECTION_MIN_WORDS` words; 0 when there is none (the text is one section)."""
    before = 0
    for i, (line, size) in enumerate(zip(lines, sizes)):
        stripped = line.strip()
        if before >= SECTION_MIN_WORDS and i + 1 < len(lines) and size <= SUBHEADING_WORDS and stripped and stripped[-1] not in _CLOSING:
            return before
        before += size
    return 0


def entry_headings(lines: list[tuple[int, str, list[str]]]) -> tuple[int, ...]:
    """The CRC-32 of each entry's heading, in text order, when ``lines`` (:func:`_lines_of`)
    are a listing; else ``()``. A heading is a line of at most :data:`SUBHEADING_WORDS` words
    with no closing stop, followed by a line of text (more words, ending in a stop); a
    listing (the day's exhibitions, a column of briefs) is at least two entries, each a
    heading and one paragraph, one after the other. (A story with a subheading or two runs
    several paragraphs under each.) All lines are read, boilerplate too: a listing's entries
    carried over from its last edition are soon learned as boilerplate."""
    at, found_headings = [], []
    for i, ((_, line, found), (_, after, more)) in enumerate(zip(lines, lines[1:])):
        stripped, following = line.strip(), after.strip()
        if len(found) <= SUBHEADING_WORDS and stripped[-1:] not in _CLOSING and len(more) > SUBHEADING_WORDS and following[-1:] in _CLOSING:
            at.append(i)
            found_headings.append(_crc(" ".join(found)))
    if len(at) < 2 or any(b - a != 2 for a, b in zip(at, at[1:])):
        return ()
    return tuple(found_headings)


#: What ends a sentence or a dateline, so that the line is text and not a subheading.
_CLOSING = frozenset('.!?:;,"”’)…۔؟')


def _canonical(item: DedupInput) -> str:
    return item.canonical_url or (canonical_url(item.url) if item.url else "")


def _split_outlet(title: str) -> tuple[str, str]:
    """Google News titles end in `` - Outlet``: the headline and the outlet."""
    headline, sep, outlet = title.rpartition(" - ")
    return (headline, outlet.strip()) if sep and headline.strip() else (title, "")


def _guid_key(guid: str | None, source: str | None) -> int | None:
    """GUIDs that are links are canonical URLs; others are unique only within their feed."""
    if not guid or not guid.strip():
        return None
    guid = guid.strip()
    canon = canonical_url(guid)
    if canon.startswith("https://"):
        return _key("url", canon)
    return _key("guid", source or "", guid)


def _utc(when: str | None) -> str | None:
    """``when`` as a UTC ISO 8601 time to the second; naive times are UTC; bad ones None."""
    if not when:
        return None
    try:
        moment = datetime.fromisoformat(when.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()
