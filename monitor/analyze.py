"""Relevance, topics and facts of one item: the analyze stage.

Every decision comes from explainable rules in ``sources.yaml``: the ``relevance:`` section
(thresholds and named exclusions) and the ``topics:`` section (terms per topic). The result
lists the rules that fired, so a reader can see why an item is in or out.

Terms
-----
A term is a word or phrase written as it appears in text:

* matching ignores case, except that a word written in capitals (``IT``, ``PTA``, ``PASHA``)
  matches only in capitals, so "it" and "Pasha" (a name) do not count;
* a trailing ``*`` matches any ending: ``freelanc*`` matches freelancer, freelancers,
  freelancing; words never match inside longer words otherwise;
* a space matches any run of spaces or hyphens, a hyphen matches a hyphen, a space or nothing
  (``e-Rozgaar`` matches eRozgaar and e Rozgaar), an apostrophe is optional;
* Urdu terms also match with endings (``فری لانسر`` matches فری لانسرز).

A term may instead be a mapping ``{term: ..., weight: 2, require: [...], exclude: [...]}``, or
``{regex: ..., name: ...}`` with a Python regular expression (case-insensitive; ``name`` is
shown in rule names instead of the expression).

``topics:``
-----------
Keys are topic ids (``freelancing``, ``industry_bodies``, ``vpn_internet``, ``it_exports``,
``payments``, ``taxes``, ``skills``, ``rankings``); each holds:

``label``
    Display name.
``keywords`` / ``phrases``
    Lists of terms; a keyword weighs 1 and a phrase 2 unless the term gives ``weight``
    (0 < weight <= 10).
``require`` / ``exclude``
    Context terms for every term of the topic; a term's own ``require``/``exclude`` add to
    them. A hit counts only if its sentence contains a ``require`` term (when any are given)
    and no ``exclude`` term. A hit in the title is judged on the title and the first paragraph.

Where terms of one topic overlap ("Pakistan Software Export Board" and "software export*"),
only the weightiest counts.

``relevance:``
--------------
``threshold`` (3.5)
    The score from which an item is relevant.
``topic_threshold`` (1.0)
    The score from which a topic is tagged.
``title_weight`` (3.0)
    A term in the title counts this many times its weight (once, however often it occurs).
``repeat_decay`` (0.5)
    In the body, each further hit of the same term counts this share of the one before, so
    repetition saturates: a term found n times scores weight * (1 + d + ... + d^(n-1)).
``min_paragraphs`` (2)
    Without a hit in the title, hits must be spread over at least this many paragraphs (or
    all of them, if the text has fewer); otherwise the item is a passing mention
    (``exclude:passing_mention``).
``hint_boost`` (0.25)
    A topic the item's source is configured with scores this share more, if it matched at
    all: a weak prior that cannot make an item relevant by itself.
``exclude``
    Named exclusions, each ``{when: [terms], unless: [terms], unless_topics: [ids]}``. In an
    item with at least one hit, an exclusion fires when a ``when`` term occurs anywhere (or
    always, without ``when``), no ``unless`` term occurs, and none of ``unless_topics`` is
    tagged. A fired exclusion makes the item irrelevant and is listed as ``exclude:<name>``.

Score and rules
---------------
The score is the sum of the topic scores (each the sum of its term scores). ``rules`` names
each hit as ``<topic>:title:<term>`` or ``<topic>:body:<term>``, boosts as ``hint:<topic>``,
and exclusions as ``exclude:<name>``. Facts (see :mod:`monitor.facts`) are extracted only
from relevant items.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .errors import RuleError, not_finite, unknown_key
from .facts import extract_facts
from .models import TOPIC_IDS, Analysis, Fact
from .text import readable_date, split_sentences

PASSING_MENTION = "passing_mention"
_TOPIC_KEYS = {"label", "keywords", "phrases", "require", "exclude"}
_TERM_KEYS = {"term", "regex", "name", "weight", "require", "exclude"}
_EXCLUSION_KEYS = {"when", "unless", "unless_topics", "within"}
#: Where an exclusion's ``when`` and ``unless`` terms are looked for: the whole item (``text``),
#: or ``when`` in the title and ``unless`` in the title and the first paragraph of substance
#: (``title``: what the item is about, as a reader sees it first).
_EXCLUSION_SCOPES = ("text", "title")
#: A currency written with a country's letters ("US$ 354 million"), which names no country.
_CURRENCY = re.compile(r"\bUS\s?\$|\bUSD\b|\bUS\s+dollars?\b")
#: A first line shorter than this is a section tag or a byline ("اداریہ", "Editorial"), not the lead.
_LEAD_MIN_CHARS = 40
_DEFAULT_WEIGHT = {"keywords": 1.0, "phrases": 2.0}
MAX_WEIGHT = 10.0


@dataclass(frozen=True)
class Settings:
    """The global relevance settings (see the module docstring)."""

    threshold: float = 3.5
    topic_threshold: float = 1.0
    title_weight: float = 3.0
    repeat_decay: float = 0.5
    min_paragraphs: int = 2
    hint_boost: float = 0.25


#: Each setting's type and allowed range, inclusive.
_SETTING_RANGES: dict[str, tuple[type, float, float]] = {
    "threshold": (float, 0.01, 1000.0),
    "topic_threshold": (float, 0.01, 1000.0),
    "title_weight": (float, 1.0, 100.0),
    "repeat_decay": (float, 0.0, 1.0),
    "min_paragraphs": (int, 1, 100),
    "hint_boost": (float, 0.0, 1.0),
}


@dataclass(frozen=True)
class Term:
    """One compiled term of a topic."""

    name: str  # as written in the config; used in rule names
    pattern: re.Pattern
    weight: float
    require: re.Pattern | None = None
    exclude: re.Pattern | None = None


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Exclusion:
    name: str
    when: re.Pattern | None
    unless: re.Pattern | None
    unless_topics: tuple[str, ...]
    within: str = "text"  # "text" or "title" (see _EXCLUSION_SCOPES)


@dataclass(frozen=True)
class Rules:
    """Compiled topic and relevance rules; build with :func:`compile_rules`."""

    topics: tuple[Topic, ...]
    settings: Settings
    exclusions: tuple[Exclusion, ...]


# --------------------------------------------------------------------------- compiling


def term_regex(term: str) -> str:
    """The regular expression for a term written in the config's term syntax."""
    words = term.split()
    parts = [_word_regex(w) for w in words]
    body = r"[\s\-]+".join(parts)
    tail = "" if term.endswith("*") or not term[-1].isascii() else r"(?![\w@])"
    return rf"(?<![\w@]){body}{tail}"


def _word_regex(word: str) -> str:
    stem, star = (word[:-1], r"\w*") if word.endswith("*") else (word, "")
    pieces = []
    for char in stem:
        if char == "-":
            pieces.append(r"[-\s]?")
        elif char in "'’":
            pieces.append(r"['’]?")
        else:
            pieces.append(re.escape(char))
    regex = "".join(pieces) + star
    letters = [c for c in stem if c.isalpha()]
    if letters and all(c.isascii() and c.isupper() for c in letters):
        return f"(?-i:{regex})"
    return regex


def _fail(path: tuple, message: str) -> RuleError:
    return RuleError(path, message)


def _compile(regex: str, path: tuple) -> re.Pattern:
    try:
        pattern = re.compile(regex, re.IGNORECASE)
    except re.error as e:
        raise _fail(path, f"bad regular expression: {e}") from None
    if any(m.end() == m.start() for m in pattern.finditer(_ANY_TEXT)):
        # ("x*", "(?:IT|)", "\b", lookaheads alone): a hit that covers no text, in every item for
        # the first three, and one that names no words for a reader to see in the rules fired
        raise _fail(path, "the regular expression can match where there is no text (an empty match), as `x*` matches every item; a hit must cover the words it found: make every part of it match at least one character (lookaheads alone match none)")
    return pattern


#: A little of every kind of text a rule is tried on, to find one that matches no text at all.
_ANY_TEXT = "The IT exports, 12% آئی ٹی برآمدات ۔"


def _term_list(value: Any, path: tuple) -> list[str]:
    if not isinstance(value, list):
        raise _fail(path, f"expected a list of terms, got {type(value).__name__}")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise _fail(path + (i,), "expected a non-empty string")
    return [item.strip() for item in value]


def _alternation(terms: Sequence[str], path: tuple) -> re.Pattern | None:
    if not terms:
        return None
    return _compile("|".join(f"(?:{term_regex(t)})" for t in terms), path)


def _either(a: re.Pattern | None, b: re.Pattern | None) -> re.Pattern | None:
    if a is None or b is None:
        return a or b
    return re.compile(f"(?:{a.pattern})|(?:{b.pattern})", re.IGNORECASE)


def _compile_term(raw: Any, kind: str, path: tuple, context: tuple[re.Pattern | None, re.Pattern | None]) -> Term:
    if isinstance(raw, str):
        if not raw.strip():
            raise _fail(path, "expected a non-empty string")
        raw = {"term": raw}
    if not isinstance(raw, Mapping):
        raise _fail(path, f"expected a term or a mapping, got {type(raw).__name__}")
    for key in raw:
        if key not in _TERM_KEYS:
            raise _fail(path + (key,), unknown_key(key, _TERM_KEYS))
    if ("term" in raw) == ("regex" in raw):
        raise _fail(path, "give exactly one of 'term' and 'regex'")
    key = "term" if "term" in raw else "regex"
    text = raw[key]
    if not isinstance(text, str) or not text.strip():
        raise _fail(path + (key,), "expected a non-empty string")
    text = text.strip()
    pattern = _compile(term_regex(text) if key == "term" else text, path + (key,))
    name = raw.get("name", text)
    if not isinstance(name, str) or not name.strip():
        raise _fail(path + ("name",), "expected a non-empty string")
    weight = _number(raw.get("weight", _DEFAULT_WEIGHT[kind]), path + ("weight",), 0.0, MAX_WEIGHT, exclusive_low=True)
    require = _either(context[0], _alternation(_term_list(raw.get("require", []), path + ("require",)), path + ("require",)))
    exclude = _either(context[1], _alternation(_term_list(raw.get("exclude", []), path + ("exclude",)), path + ("exclude",)))
    return Term(name, pattern, float(weight), require, exclude)


def _number(value: Any, path: tuple, low: float, high: float, *, exclusive_low: bool = False, integer: bool = False) -> float:
    if not_finite(value):  # .nan would pass every comparison below
        raise _fail(path, not_finite(value))
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
        raise _fail(path, f"expected {'an integer' if integer else 'a number'}, got {value!r}")
    if value < low or value > high or (exclusive_low and value == low):
        raise _fail(path, f"must be {'above' if exclusive_low else 'at least'} {low:g} and at most {high:g}, got {value!r}")
    return value


def _compile_topic(topic_id: str, raw: Any) -> Topic:
    path = (topic_id,)
    if not isinstance(raw, Mapping):
        raise _fail(path, f"expected a mapping, got {type(raw).__name__}")
    for key in raw:
        if key not in _TOPIC_KEYS:
            raise _fail(path + (key,), unknown_key(key, _TOPIC_KEYS))
    label = raw.get("label", topic_id)
    if not isinstance(label, str) or not label.strip():
        raise _fail(path + ("label",), "expected a non-empty string")
    context = (
        _alternation(_term_list(raw.get("require", []), path + ("require",)), path + ("require",)),
        _alternation(_term_list(raw.get("exclude", []), path + ("exclude",)), path + ("exclude",)),
    )
    terms = []
    for kind in ("keywords", "phrases"):
        items = raw.get(kind, [])
        if not isinstance(items, list):
            raise _fail(path + (kind,), f"expected a list, got {type(items).__name__}")
        terms += [_compile_term(item, kind, path + (kind, i), context) for i, item in enumerate(items)]
    if not terms:
        raise _fail(path, "a topic needs at least one keyword or phrase")
    return Topic(topic_id, label.strip(), tuple(sorted(terms, key=lambda t: -t.weight)))  # weightiest first


def _compile_settings(raw: Mapping[str, Any]) -> Settings:
    values = {}
    for key, value in raw.items():
        if key == "exclude":
            continue
        if key not in _SETTING_RANGES:
            raise _fail(("relevance", key), unknown_key(key, {*_SETTING_RANGES, "exclude"}))
        kind, low, high = _SETTING_RANGES[key]
        values[key] = kind(_number(value, ("relevance", key), low, high, integer=kind is int))
    return Settings(**values)


def _compile_exclusions(raw: Any) -> tuple[Exclusion, ...]:
    path = ("relevance", "exclude")
    if not isinstance(raw, Mapping):
        raise _fail(path, f"expected a mapping of named exclusions, got {type(raw).__name__}")
    out = []
    for name, spec in raw.items():
        where = path + (name,)
        if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise _fail(where, "an exclusion name is lower-case letters, digits and underscores")
        if not isinstance(spec, Mapping) or not spec:
            raise _fail(where, "expected a mapping with when, unless and/or unless_topics")
        for key in spec:
            if key not in _EXCLUSION_KEYS:
                raise _fail(where + (key,), unknown_key(key, _EXCLUSION_KEYS))
        topics = _term_list(spec.get("unless_topics", []), where + ("unless_topics",))
        for i, topic in enumerate(topics):
            if topic not in TOPIC_IDS:
                raise _fail(where + ("unless_topics", i), unknown_key(topic, TOPIC_IDS, what="topic id"))
        within = spec.get("within", "text")
        if within not in _EXCLUSION_SCOPES:
            raise _fail(where + ("within",), f"expected one of {', '.join(_EXCLUSION_SCOPES)}, got {within!r}")
        when = _alternation(_term_list(spec.get("when", []), where + ("when",)), where + ("when",))
        unless = _alternation(_term_list(spec.get("unless", []), where + ("unless",)), where + ("unless",))
        out.append(Exclusion(name, when, unless, tuple(topics), within))
    return tuple(out)


def compile_rules(topics: Mapping[str, Any], relevance: Mapping[str, Any] | None = None) -> Rules:
    """Validate and compile the ``topics:`` and ``relevance:`` sections of ``sources.yaml``.

    Raises :class:`~monitor.errors.RuleError` with the key path of the first problem, relative
    to ``topics:`` (e.g. ``("freelancing", "keywords", 3)``) or starting with ``"relevance"``.
    """
    if not isinstance(topics, Mapping):
        raise _fail((), f"expected a mapping of topic ids to topic rules, got {type(topics).__name__}")
    compiled = []
    for topic_id, raw in topics.items():
        if topic_id not in TOPIC_IDS:
            raise _fail((topic_id,), unknown_key(topic_id, TOPIC_IDS, what="topic id"))
        compiled.append(_compile_topic(topic_id, raw))
    relevance = relevance or {}
    if not isinstance(relevance, Mapping):
        raise _fail(("relevance",), f"expected a mapping, got {type(relevance).__name__}")
    exclusions = _compile_exclusions(relevance["exclude"]) if "exclude" in relevance else ()
    return Rules(tuple(compiled), _compile_settings(relevance), exclusions)


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True)
class _Text:
    """An item's title and body, split for context checks."""

    title: str
    body: str
    lede: str  # the first non-empty paragraph of the body
    sentence_starts: list[int]
    sentences: list[tuple[int, int, int]]  # (paragraph, start, end)
    paragraphs: int

    @classmethod
    def of(cls, title: str, body: str) -> "_Text":
        sentences = list(split_sentences(body))
        lede = next((line for line in body.split("\n") if line.strip()), "")
        paragraphs = sum(1 for line in body.split("\n") if line.strip())
        return cls(title, body, lede, [s[1] for s in sentences], sentences, paragraphs)

    def sentence_at(self, position: int) -> tuple[int, str]:
        """``(paragraph, sentence text)`` around a body position."""
        i = max(0, bisect.bisect_right(self.sentence_starts, position) - 1)
        paragraph, start, end = self.sentences[i]
        return paragraph, self.body[start:end]


def _in_context(term: Term, context: str) -> bool:
    """Whether ``context`` has a required term (if any are given) and no excluded one."""
    if term.require is not None and not term.require.search(context):
        return False
    return term.exclude is None or not term.exclude.search(context)


@dataclass
class _TopicScore:
    """One topic's score, the rules that made it, and where its hits were."""

    score: float = 0.0
    rules: list[str] = field(default_factory=list)
    paragraphs: set[int] = field(default_factory=set)
    in_title: bool = False


def _score_topic(topic: Topic, text: _Text, settings: Settings) -> _TopicScore:
    """Score one topic; of overlapping hits, only the weightiest term's counts."""
    result = _TopicScore()
    title_context = f"{text.title}\n{text.lede}"
    title_taken: list[tuple[int, int]] = []
    body_taken: list[tuple[int, int]] = []
    for term in topic.terms:  # weightiest first (compile_rules sorts them)
        title_hits = [m for m in term.pattern.finditer(text.title) if not _taken(m, title_taken)]
        in_title = bool(title_hits) and _in_context(term, title_context)
        if in_title:
            title_taken.extend(m.span() for m in title_hits)
            result.score += term.weight * settings.title_weight
            result.rules.append(f"{topic.id}:title:{term.name}")
            result.in_title = True
        hits = 0
        for m in term.pattern.finditer(text.body):
            paragraph, sentence = text.sentence_at(m.start())
            if _in_context(term, sentence) and _claim(m, body_taken):
                result.score += term.weight * settings.repeat_decay**hits
                result.paragraphs.add(paragraph)
                hits += 1
        if hits:
            result.rules.append(f"{topic.id}:body:{term.name}")
    return result


def _taken(match: re.Match, taken: list[tuple[int, int]]) -> bool:
    """Whether a weightier term of the same topic already covers this match."""
    return any(a < match.end() and match.start() < b for a, b in taken)


def _claim(match: re.Match, taken: list[tuple[int, int]]) -> bool:
    """Record a match unless a weightier term of the same topic already covers it."""
    if any(a < match.end() and match.start() < b for a, b in taken):
        return False
    taken.append(match.span())
    return True


def _fired_exclusions(rules: Rules, text: _Text, tagged: Sequence[str]) -> list[str]:
    """The names of the exclusions that apply to the whole item."""
    whole = f"{text.title}\n{text.body}"
    lead = next((line for line in text.body.split("\n") if len(line.strip()) >= _LEAD_MIN_CHARS), "")
    fired = []
    for exclusion in rules.exclusions:
        titled = exclusion.within == "title"
        if exclusion.when is not None and not exclusion.when.search(_CURRENCY.sub(" ", text.title if titled else whole)):
            continue
        if exclusion.unless is not None and exclusion.unless.search(f"{text.title}\n{lead}" if titled else whole):
            continue
        if any(topic in tagged for topic in exclusion.unless_topics):
            continue
        fired.append(exclusion.name)
    return fired


def analyze(title: str, text: str, *, rules: Rules, published: str | None = None, hints: Sequence[str] = ()) -> Analysis:
    """Score an item against the rules; extract its facts if it is relevant (and, as
    ``asides``, if it is not but names a watched subject)."""
    body = _Text.of(title or "", text or "")
    settings = rules.settings
    scores = {topic.id: _score_topic(topic, body, settings) for topic in rules.topics}
    fired: list[str] = []
    for topic_id, result in scores.items():
        fired += result.rules
        if topic_id in hints and result.score > 0:
            result.score *= 1 + settings.hint_boost
            fired.append(f"hint:{topic_id}")
    ranked = sorted(scores.items(), key=lambda pair: -pair[1].score)
    topics = tuple(topic_id for topic_id, s in ranked if s.score >= settings.topic_threshold)
    total = round(sum(s.score for s in scores.values()), 2)
    exclusions: list[str] = []
    if total > 0:  # with no hit there is nothing to exclude
        exclusions = _fired_exclusions(rules, body, topics)
        if _passing_mention(scores.values(), body, settings):
            exclusions.append(PASSING_MENTION)
    fired += [f"exclude:{name}" for name in exclusions]
    relevant = total >= settings.threshold and not exclusions
    facts = tuple(extract_facts(title or "", text or "", published)) if relevant or total > 0 else ()
    return Analysis(relevant, total, topics, tuple(fired), facts if relevant else (), () if relevant else facts)


def _passing_mention(scores: Iterable[_TopicScore], text: _Text, settings: Settings) -> bool:
    """No hit in the title, and the body's hits fill fewer paragraphs than required."""
    scores = list(scores)
    if any(s.in_title for s in scores):
        return False
    paragraphs = set().union(*(s.paragraphs for s in scores))
    return len(paragraphs) < min(settings.min_paragraphs, text.paragraphs)


# --------------------------------------------------------------------------- JSON lines


def fact_record(fact: Fact) -> dict[str, Any]:
    """A fact as a JSON-ready mapping."""
    return {
        "series": fact.series,
        "period": fact.period,
        "value": fact.value,
        "unit": fact.unit,
        "basis": fact.basis,
        "quote": fact.quote,
        "published": fact.published,
    }


def analyze_lines(lines: Iterable[str], rules: Rules) -> Iterator[dict[str, Any]]:
    """Analyze JSON lines ``{"id", "title", "text", "published"?}``; yield one result each.

    A line that is not a JSON object with a string ``title`` or ``text``, or whose
    ``published`` is no readable date (which would leave the figures' periods unplaced),
    yields ``{"id": ..., "error": "..."}`` instead; blank lines are skipped.
    """
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as e:
            yield {"id": None, "error": f"line {number}: not JSON: {e.msg}"}
            continue
        if not isinstance(item, dict) or not isinstance(item.get("title", ""), str) or not isinstance(item.get("text", ""), str) or not (item.get("title") or item.get("text")):
            yield {"id": item.get("id") if isinstance(item, dict) else None, "error": f"line {number}: expected an object with a string title or text"}
            continue
        if item.get("published") is not None and not readable_date(item["published"]):
            yield {"id": item.get("id"), "error": f"line {number}: 'published' must be a date such as 2025-08-18 or an RFC 2822 time, got {json.dumps(item['published'], ensure_ascii=False)}"}
            continue
        result = analyze(item.get("title", ""), item.get("text", ""), rules=rules, published=item.get("published"))
        yield {
            "id": item.get("id"),
            "relevant": result.relevant,
            "score": result.score,
            "topics": list(result.topics),
            "facts": [fact_record(f) for f in result.facts],
            "rules": list(result.rules),
        }
