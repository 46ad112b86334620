"""Load and validate ``sources.yaml``.

Every problem is reported as one :class:`~monitor.errors.ConfigError` naming the file, the
line and the key, e.g. ``sources.yaml:42: key 'sources[3].url': not an http(s) URL: 'ftp://x'``.
Validation never touches the network.

A file without ``topics:`` takes the topic rules of the bundled watch list (and its
``relevance:`` too when the file has none either), so that a short watch list still finds
relevant news; ``Config.bundled_rules`` says so, and ``monitor sources check`` prints it. An
empty ``topics:`` is an error: with no topic nothing could ever be relevant.
"""

from __future__ import annotations

import os
import re
import ssl
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import idna
import yaml

from . import resources
from .canonical import canonical_url
from .errors import ConfigError, ConfigErrors, RuleError, closest, not_finite, unknown_key
from .models import TOPIC_IDS, Source

#: Source kinds and what they are: news feeds, listing pages, SBP's trade in services workbook,
#: watched policy pages (whose text is versioned, see :mod:`monitor.watch`).
SOURCE_KINDS = ("feed", "page", "sbp_ebops", "watch")
#: The kinds that can be stale (their newest item has a date), and the default number of days
#: after which they are: a feed's newest entry; a workbook's newest month, which SBP
#: publishes about seven weeks after the month ends. A watched page is not among them: a
#: policy page that has not changed for months is doing its job.
STALE_KINDS = {"feed": None, "sbp_ebops": 75}  # None: monitor.stale_days

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_CONFIG = "sources.yaml"


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Schedule:
    poll_every: int = 60  # minutes
    digest_day: str = "mon"
    digest_hour: int = 8
    digest_minute: int = 0
    catch_up_days: int = 3  # a missed digest older than this is not sent on start


@dataclass(frozen=True)
class DigestSettings:
    title: str = "Pakistan Freelance & IT Exports Monitor"
    sender: str = "monitor@localhost"
    recipients: tuple[str, ...] = ()
    subject: str = "Freelance & IT exports weekly, {week}: {top_story}"
    list_unsubscribe: str | None = None
    manage_url: str | None = None  # where readers change their subscription
    list_id: str = "weekly.monitor.local"
    full_stories: int = 3  # stories of each topic told in full; the rest are headlines with their links


@dataclass(frozen=True)
class FetchSettings:
    concurrency: int = 32
    per_host: int = 2
    host_delay: float = 0.5  # seconds between requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # total seconds for one fetch
    max_bytes: int = 10 * 1024 * 1024
    retries: int = 2  # extra attempts within a cycle after a connection error, 5xx or 429
    retry_backoff: float = 1.0  # seconds before the first retry; doubled each time, with jitter
    max_retry_after: float = 30.0  # a longer Retry-After is left to a later cycle
    max_redirects: int = 5
    backoff_cap_hours: float = 24.0
    ca_file: str | None = None  # extra CA certificates (PEM) trusted for every https request, besides the default ones
    # what sources ask of the certificates of their hosts (their own ca_file, tls_verify: false),
    # by host name as it is asked for; filled from the sources, not a key of `fetch:`
    tls_hosts: Mapping[str, "HostTLS"] = field(default_factory=dict)


@dataclass(frozen=True)
class HostTLS:
    """How the certificates of one host are checked, as the sources on it ask: with their extra
    CA files besides the default ones, or, as a last resort, not at all (``verify`` false)."""

    ca_files: tuple[str, ...] = ()
    verify: bool = True
    unverified_by: tuple[str, ...] = ()  # the sources that set tls_verify: false, for messages


@dataclass(frozen=True)
class WatchSettings:
    """Settings for every watched page (sources of kind ``watch``)."""

    ignore: tuple[str, ...] = ()  # regular expressions of volatile text, besides the defaults
    max_documents: int = 10  # new linked documents read per poll of one page
    document_seconds: float = 30.0  # time to read one PDF
    document_pages: int = 50  # pages read of one PDF


@dataclass(frozen=True)
class Config:
    path: str
    sources: tuple[Source, ...]
    topics: Mapping[str, Any]
    relevance: Mapping[str, Any] | None = None
    timezone: str = "Asia/Karachi"
    user_agent_contact: str = "https://github.com/pk-freelance-monitor/monitor"
    schedule: Schedule = field(default_factory=Schedule)
    digest: DigestSettings = field(default_factory=DigestSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    keep_irrelevant: bool = True  # store items judged irrelevant (flagged), or drop them
    dedup_window_days: int = 7
    silent_days: int = 14  # a source with no new item for this long is flagged
    stale_days: int = 30  # a feed whose newest item is older than this is stale
    public_url: str = "http://127.0.0.1:8001/"  # where `monitor serve` is reached: links in feeds and the digest
    watch: WatchSettings = field(default_factory=WatchSettings)
    bundled_rules: str | None = None  # the bundled watch list whose topic rules are used, when the file has no `topics:`
    warnings: tuple[str, ...] = ()  # mistakes that stop nothing, each naming file, line and key

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def source(self, name: str) -> Source:
        for s in self.sources:
            if s.name == name:
                return s
        raise KeyError(name)

    def stale_after(self, source: Source) -> int | None:
        """Days after which ``source``'s newest item makes it stale: its own ``stale_days``,
        else its kind's default (``monitor.stale_days`` for a feed); ``None`` for a kind
        whose items carry no date (a listing page)."""
        if source.kind not in STALE_KINDS:
            return None
        return source.stale_days or STALE_KINDS[source.kind] or self.stale_days

    def rules(self):
        """The compiled topic and relevance rules (see :mod:`monitor.analyze`)."""
        from . import analyze

        return analyze.compile_rules(self.topics, self.relevance)


# --------------------------------------------------------------------------- YAML with lines


class _Map(dict):
    """A mapping that remembers the line of each key and of itself."""

    line: int = 0
    key_lines: dict


class _Seq(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    pass


def _read_yaml(text: str) -> Any:
    """The YAML document in ``text``, with lines kept; a key given twice in one mapping is a
    ConfigError naming its full key path (``sources[3].kind``) and both lines
    (:func:`_check_keys`)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_keys(loader, node, "", set())
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_keys(loader: _Loader, node: yaml.Node, path: str, seen_nodes: set[int]) -> None:
    """Raise ConfigError for a key given twice in one mapping, whether written the same
    (``kind`` and ``'kind'``) or only equal once read (``1`` and ``1.0``, ``yes`` and
    ``true``), and for a key that is a list or a mapping; each is named by its whole key
    path, the second with the line of the first."""
    if id(node) in seen_nodes:  # an alias to a node already checked
        return
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[tuple[str, Any], tuple[int, str]] = {}  # a key as written and as read: (line, as written)
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a mapping"
                raise ConfigError(f"a key must be a single value, not {kind}", line=line, key=path or None)
            text = key_node.value
            here = _join(path, text)
            for seen in (("written", text), ("read", loader.construct_object(key_node))):
                if seen in first:
                    before, written = first[seen]
                    also = f" as '{written}'" if written != text else ""
                    raise ConfigError(f"duplicate key '{text}' (first given on line {before}{also})", line=line, key=here)
                first[seen] = (line, text)
            _check_keys(loader, value_node, here, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for i, child in enumerate(node.value):
            _check_keys(loader, child, _join(path, i), seen_nodes)


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    """A mapping with its lines; its keys were checked before (:func:`_check_keys`)."""
    m = _Map()
    m.line = node.start_mark.line + 1
    m.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        m[key] = loader.construct_object(value_node, deep=True)
        m.key_lines[key] = key_node.start_mark.line + 1
    return m


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> _Seq:
    s = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    s.line = node.start_mark.line + 1
    s.item_lines = [child.start_mark.line + 1 for child in node.value]
    return s


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def _line_of(container: Any, key: Any) -> int | None:
    if isinstance(container, _Map):
        return container.key_lines.get(key, container.line)
    if isinstance(container, _Seq) and isinstance(key, int) and 0 <= key < len(container.item_lines):
        return container.item_lines[key]
    return getattr(container, "line", None)


# --------------------------------------------------------------------------- validation


class _Checker:
    """Walks the parsed file and gathers every mistake, each a ConfigError with file, line and
    dotted key: a wrong value is noted and its default taken, so the keys after it are
    checked too; a mistake that leaves nothing to check further (a section that is no
    mapping, a source without a name) ends its section or its source (:meth:`collect`)."""

    def __init__(self, file: str):
        self.file = file
        self.warnings: list[str] = []
        self.errors: list[ConfigError] = []

    @contextmanager
    def collect(self) -> Iterator[None]:
        """Note a mistake raised inside and go on after the block."""
        try:
            yield
        except ConfigError as e:
            self.errors.append(e)

    def raise_errors(self) -> None:
        if self.errors:
            raise self.errors[0] if len(self.errors) == 1 else ConfigErrors(self.errors)

    def warn(self, message: str, container: Any, key: Any, path: str) -> None:
        """A mistake that does not stop the monitor, said by ``monitor sources check``."""
        self.warnings.append(str(ConfigError(message, file=self.file, line=_line_of(container, key), key=path)))

    def fail(self, message: str, container: Any, key: Any, path: str) -> None:
        raise ConfigError(message, file=self.file, line=_line_of(container, key), key=path)

    def mapping(self, value: Any, parent: Any, key: Any, path: str) -> _Map:
        """``value`` as a mapping: an empty one when it is not given, or when it is no mapping
        (the mistake is noted, and its keys take their defaults)."""
        if value is not None and not isinstance(value, dict):
            with self.collect():
                self.fail(f"expected a mapping, got {_kind(value)}", parent, key, path)
            value = None
        if value is None:
            value = _Map()
            value.line, value.key_lines = _line_of(parent, key) or 0, {}
        return value

    def known_keys(self, m: _Map, allowed: set[str], path: str) -> set[str]:
        """Note each key of ``m`` not in ``allowed``; the known keys they are taken for."""
        meant = set()
        for k in m:
            if k not in allowed:
                with self.collect():
                    meant.add(closest(k, allowed))
                    self.fail(unknown_key(k, allowed), m, k, _join(path, k))
        return meant

    def get(self, m: _Map, key: str, kind: type | tuple, path: str, default: Any = None, check: Callable[[Any], str | None] | None = None) -> Any:
        """The value of ``key``, checked; the default when it is not given, or when it is
        wrong (the mistake is noted, and the checks go on)."""
        if key not in m or m[key] is None:
            return default
        try:
            return self._checked(m, key, kind, path, check)
        except ConfigError as e:
            self.errors.append(e)
            return default

    def _checked(self, m: _Map, key: str, kind: type | tuple, path: str, check: Callable[[Any], str | None] | None) -> Any:
        value = m[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            self.fail(f"expected {_names(kinds)}, got a boolean", m, key, _join(path, key))
        if (int in kinds or float in kinds) and not_finite(value):  # .nan, .inf: no setting can use them
            self.fail(not_finite(value), m, key, _join(path, key))
        if not isinstance(value, kinds):
            self.fail(f"expected {_names(kinds)}, got {_kind(value)}", m, key, _join(path, key))
        if check:
            problem = check(value)
            if problem:
                self.fail(problem, m, key, _join(path, key))
        return value

    def require(self, m: _Map, key: str, path: str) -> None:
        if key not in m or m[key] in (None, ""):
            self.fail(f"missing required key '{key}'", m, None, _join(path, key))


def _join(path: str, key: Any) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    for kind, name in ((bool, "a boolean"), (dict, "a mapping"), (list, "a list"), (str, "a string"), ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _names(kinds: tuple) -> str:
    names = {str: "a string", int: "a whole number", float: "a number", bool: "true or false", list: "a list", dict: "a mapping"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _positive(v: Any) -> str | None:
    return None if v > 0 else "must be greater than 0"


def _url_problem(v: str) -> str | None:
    v = v.strip()
    try:
        parts = urlsplit(v)
    except ValueError as e:  # an IPv6 address without its closing bracket
        return f"not a valid URL ({e}): {v!r}"
    if parts.scheme not in ("http", "https"):
        return f"not an http(s) URL: {v!r}"
    host = parts.hostname or ""
    if host and not host.isascii() and not any(ch.isspace() for ch in v):
        try:  # an internationalised name: checked, as it is fetched, in IDNA (exämple.com is xn--exmple-cua.com)
            host = idna.encode(host).decode("ascii")
        except idna.IDNAError as e:
            return f"not a valid URL (not a host name in IDNA: {e}): {v!r}"
    if not host or any(ch.isspace() for ch in v) or not re.fullmatch(r"[a-z0-9.\-]+|[0-9a-f:]+", host):
        return f"not a valid URL: {v!r}"
    try:
        _ = parts.port  # raises ValueError for a port that is not a number in range
    except ValueError:
        return f"not a valid URL (bad port): {v!r}"
    return None


def _tz_problem(v: str) -> str | None:
    try:
        ZoneInfo(v)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown timezone {v!r} (use an IANA name such as Asia/Karachi)"
    return None


def _email_problem(v: str) -> str | None:
    return None if re.fullmatch(r"[^@\s<>]+@[^@\s<>]+", v) else f"not an email address: {v!r}"


def _one_of(options: tuple[str, ...]) -> Callable[[Any], str | None]:
    return lambda v: None if v in options else f"must be one of {', '.join(options)}; got {v!r}"


def _range(lo: int, hi: int) -> Callable[[Any], str | None]:
    return lambda v: None if lo <= v <= hi else f"must be between {lo} and {hi}; got {v}"


TOP_KEYS = {"monitor", "schedule", "digest", "fetch", "sources", "relevance", "topics", "watch"}
MONITOR_KEYS = {"timezone", "user_agent_contact", "keep_irrelevant", "dedup_window_days", "silent_days", "stale_days", "public_url"}
SCHEDULE_KEYS = {"poll_every", "digest_day", "digest_hour", "digest_minute", "catch_up_days"}
DIGEST_KEYS = {"title", "sender", "recipients", "subject", "list_unsubscribe", "manage_url", "list_id", "full_stories"}
FETCH_KEYS = set(FetchSettings.__dataclass_fields__) - {"tls_hosts"}
FETCH_CHECKS = {"retries": _range(0, 10), "max_redirects": _range(0, 20), "host_delay": lambda v: None if v >= 0 else "must be 0 or more"}  # the others must be > 0
SOURCE_KEYS = {"name", "url", "kind", "topics", "interval", "full_text", "enabled", "language", "aggregator", "stale_days", "ca_file", "tls_verify"}
WATCH_SOURCE_KEYS = {"selector", "ignore", "documents"}  # only for kind: watch
WATCH_KEYS = {"ignore", "max_documents", "document_seconds", "document_pages"}


def parse_config(text: str, file: str = DEFAULT_CONFIG) -> Config:
    """Parse and validate configuration text; ``file`` is used in messages."""
    try:
        raw = _read_yaml(text)
    except ConfigError as e:
        raise ConfigError(e.message, file=file, line=e.line, key=e.key) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        raise ConfigError(f"not valid YAML: {e.problem or e}", file=file, line=line) from None
    except yaml.YAMLError as e:
        raise ConfigError(f"not valid YAML: {e}", file=file) from None
    c = _Checker(file)
    if raw is None:
        raise ConfigError("the file is empty; it needs at least a 'sources' list", file=file, line=1)
    if not isinstance(raw, dict):
        raise ConfigError(f"expected a mapping at the top level, got {_kind(raw)}", file=file, line=1)
    c.known_keys(raw, TOP_KEYS, "")

    mon = c.mapping(raw.get("monitor"), raw, "monitor", "monitor")
    c.known_keys(mon, MONITOR_KEYS, "monitor")
    timezone = c.get(mon, "timezone", str, "monitor", "Asia/Karachi", _tz_problem)
    contact = c.get(mon, "user_agent_contact", str, "monitor", Config.user_agent_contact, _url_problem)
    keep_irrelevant = c.get(mon, "keep_irrelevant", bool, "monitor", True)
    window = c.get(mon, "dedup_window_days", int, "monitor", 7, _range(1, 365))
    silent_days = c.get(mon, "silent_days", int, "monitor", 14, _range(1, 3650))
    stale_days = c.get(mon, "stale_days", int, "monitor", 30, _range(1, 3650))
    public_url = c.get(mon, "public_url", str, "monitor", Config.public_url, _url_problem).strip()
    public_url = public_url if public_url.endswith("/") else public_url + "/"

    sch = c.mapping(raw.get("schedule"), raw, "schedule", "schedule")
    c.known_keys(sch, SCHEDULE_KEYS, "schedule")
    schedule = Schedule(
        poll_every=c.get(sch, "poll_every", int, "schedule", 60, _range(1, 7 * 24 * 60)),
        digest_day=str(c.get(sch, "digest_day", str, "schedule", "mon", lambda v: _one_of(DAYS)(v.lower()))).lower(),
        digest_hour=c.get(sch, "digest_hour", int, "schedule", 8, _range(0, 23)),
        digest_minute=c.get(sch, "digest_minute", int, "schedule", 0, _range(0, 59)),
        catch_up_days=c.get(sch, "catch_up_days", int, "schedule", 3, _range(0, 60)),
    )

    dig = c.mapping(raw.get("digest"), raw, "digest", "digest")
    c.known_keys(dig, DIGEST_KEYS, "digest")
    recipients = c.get(dig, "recipients", list, "digest", [])
    for i, r in enumerate(recipients):
        if not isinstance(r, str) or _email_problem(r):
            with c.collect():
                    c.fail(f"not an email address: {r!r}", recipients, i, f"digest.recipients[{i}]")
    digest = DigestSettings(
        title=c.get(dig, "title", str, "digest", DigestSettings.title),
        sender=c.get(dig, "sender", str, "digest", DigestSettings.sender, _email_problem),
        recipients=tuple(recipients),
        subject=c.get(dig, "subject", str, "digest", DigestSettings.subject, _subject_problem),
        list_unsubscribe=_targets(c.get(dig, "list_unsubscribe", (str, list), "digest", None, _unsubscribe_problem)),
        manage_url=c.get(dig, "manage_url", str, "digest", None, _url_problem),
        list_id=c.get(dig, "list_id", str, "digest", DigestSettings.list_id),
        full_stories=c.get(dig, "full_stories", int, "digest", DigestSettings.full_stories, _range(0, 1000)),
    )

    fet = c.mapping(raw.get("fetch"), raw, "fetch", "fetch")
    c.known_keys(fet, FETCH_KEYS, "fetch")
    fetch_kwargs = {}
    for name, f in FetchSettings.__dataclass_fields__.items():
        if name in ("ca_file", "tls_hosts"):
            continue
        kind = (int, float) if f.type in ("float",) else int
        fetch_kwargs[name] = c.get(fet, name, kind, "fetch", f.default, FETCH_CHECKS.get(name, _positive))
    fetch_kwargs["ca_file"] = _ca_file(c, fet, "fetch", file)
    fetch = FetchSettings(**fetch_kwargs)

    relevance_raw = raw.get("relevance")
    bundled_rules = None
    rule_errors = len(c.errors)
    if "topics" in raw:
        topics_raw = c.mapping(raw.get("topics"), raw, "topics", "topics")
        if not topics_raw and len(c.errors) == rule_errors:
            with c.collect():
                c.fail("no topics are listed, so no item could ever be relevant; list at least one topic, or leave 'topics:' out to use the bundled ones", raw, "topics", "topics")
        for k in topics_raw:
            if k not in TOPIC_IDS:
                with c.collect():
                    c.fail(unknown_key(k, TOPIC_IDS, what="topic id"), topics_raw, k, _join("topics", k))
    else:  # a watch list without topics would find nothing relevant: take the bundled rules
        bundled_rules, bundled = _bundled_rules(file)
        topics_raw = bundled["topics"]
        if "relevance" not in raw:
            relevance_raw = bundled.get("relevance")
    if relevance_raw is not None:
        c.mapping(relevance_raw, raw, "relevance", "relevance")
    rules_readable = len(c.errors) == rule_errors  # else compiling them would only say it again

    sources: tuple[Source, ...] = ()
    with c.collect():
        sources = _sources(c, raw)
    fetch = replace(fetch, tls_hosts=_tls_hosts(sources))
    watch = _watch_settings(c, raw)

    config = Config(
        path=file,
        sources=sources,
        topics=topics_raw,
        relevance=relevance_raw,
        timezone=timezone,
        user_agent_contact=contact,
        schedule=schedule,
        digest=digest,
        fetch=fetch,
        keep_irrelevant=keep_irrelevant,
        dedup_window_days=window,
        silent_days=silent_days,
        stale_days=stale_days,
        public_url=public_url,
        watch=watch,
        bundled_rules=bundled_rules,
        warnings=tuple(c.warnings),
    )
    if rules_readable:
        with c.collect():
            _check_rules(config, raw, file)
    c.raise_errors()
    return config


def _bundled_rules(file: str) -> tuple[str, Mapping[str, Any]]:
    """The path of the bundled watch list and its parsed sections, for a file without ``topics:``."""
    path = resources.watch_list_path()
    try:
        bundled = _read_yaml(resources.watch_list())
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ConfigError):
        bundled = None
    if not isinstance(bundled, dict) or not isinstance(bundled.get("topics"), dict) or not bundled["topics"]:
        raise ConfigError(f"no 'topics:' section, and the bundled topic rules ({path}) cannot be read; add a 'topics:' section (`monitor init` writes a watch list with one)", file=file, line=1, key="topics")
    return str(path), bundled


def _targets(v: str | list | None) -> str | None:
    """``list_unsubscribe`` as one string, ``<a>, <b>``, when given as a list of targets."""
    return ", ".join(v) or None if isinstance(v, list) else v


def _unsubscribe_problem(v: str | list) -> str | None:
    """Every target, comma-separated or a list's item, must be a mailto: address or an http(s) URL."""
    if isinstance(v, list):
        for i, item in enumerate(v):
            if not isinstance(item, str):
                return f"item {i + 1} of the list: expected a string, got {_kind(item)}"
        if not v:
            return None
        v = ", ".join(v)
    for part in v.split(","):
        target = part.strip().strip("<>").strip()
        if target.lower().startswith("mailto:"):
            if "@" not in target or any(ch.isspace() for ch in target):
                return f"not a mailto: address: {target!r}"
        elif _url_problem(target):
            return f"each target must be a mailto: address or an http(s) URL; got {target!r}"
    return None


SUBJECT_PLACEHOLDERS = "{week}, {top_story}, {title}, {stories}"


def _subject_problem(v: str) -> str | None:
    if "\n" in v or "\r" in v:
        return "the subject must be one line"
    try:
        v.format(week="2025-W01", top_story="x", title="x", stories=0)
    except KeyError as e:
        return f"unknown placeholder {{{e.args[0]}}} in {v!r} (placeholders: {SUBJECT_PLACEHOLDERS})"
    except IndexError:
        return f"a placeholder without a name in {v!r} (placeholders: {SUBJECT_PLACEHOLDERS})"
    except (ValueError, AttributeError, TypeError) as e:
        why = str(e)
        if "expected '}'" in why or "Single '{'" in why or "unmatched '{'" in why:
            problem = "a '{' is not closed by a '}'"
        elif "Single '}'" in why:
            problem = "a '}' has no '{' before it"
        else:
            problem = f"a placeholder is not just a name ({why})"
        return f"{problem} in {v!r} (placeholders: {SUBJECT_PLACEHOLDERS}; write {{{{ or }}}} for a brace itself)"
    return None


def _sources(c: _Checker, raw: _Map) -> tuple[Source, ...]:
    if "sources" not in raw or raw["sources"] is None:
        c.fail("missing required key 'sources' (a list of sources to watch)", raw, None, "sources")
    items = raw["sources"]
    if not isinstance(items, list):
        c.fail(f"expected a list of sources, got {_kind(items)}", raw, "sources", "sources")
    seen: dict[str, tuple[str, int]] = {}  # by name with case aside: (the name as given, its line)
    addresses: dict[tuple, tuple[str, int]] = {}  # by what is fetched: (the source's name, its line)
    workbook: list[tuple[str, int]] = []  # the enabled sbp_ebops source: (name, line)
    out: list[Source] = []
    for i, s in enumerate(items):
        with c.collect():
            _source(c, items, i, s, seen, addresses, workbook, out)
    if not items:
        c.fail("the sources list is empty", raw, "sources", "sources")
    return tuple(out)


def _source(c: _Checker, items: list, i: int, s: Any, seen: dict, addresses: dict, workbook: list[tuple[str, int]], out: list[Source]) -> None:
    """Check ``sources[i]`` and add it to ``out``; ``seen``, ``addresses`` and ``workbook`` keep
    what the sources before it took (names, addresses, the one SBP workbook)."""
    path = f"sources[{i}]"
    if not isinstance(s, dict):
        c.fail(f"expected a mapping with name, url and kind, got {_kind(s)}", items, i, path)
    meant = c.known_keys(s, SOURCE_KEYS | WATCH_SOURCE_KEYS, path)
    for required in ("name", "url"):
        if required not in meant:  # a mistyped 'ulr' is named once, as the key it is taken for
            with c.collect():
                c.require(s, required, path)
    name = c.get(s, "name", str, path, "").strip()
    url = c.get(s, "url", str, path, "", _url_problem).strip()
    if name and name.casefold() in seen:
        first, line = seen[name.casefold()]
        with c.collect():
            if first == name:
                c.fail(f"duplicate source name {name!r} (first used on line {line})", s, "name", f"{path}.name")
            c.fail(f"source name {name!r} differs only in case from {first!r} (line {line}); source names must differ in more than case", s, "name", f"{path}.name")
    elif name:
        seen[name.casefold()] = (name, _line_of(s, "name") or 0)
    kind = c.get(s, "kind", str, path, None, _one_of(SOURCE_KINDS))
    kind_known = kind is not None or s.get("kind") is None  # else what depends on it is not checked
    kind = kind or "feed"
    enabled = c.get(s, "enabled", bool, path, True)
    if kind == "sbp_ebops" and enabled:
        if workbook:
            with c.collect():
                c.fail(f"a second sbp_ebops source (the first is {workbook[0][0]!r}, line {workbook[0][1]}): SBP publishes one trade in services workbook, and two sources would store its figures twice; remove one or set 'enabled: false'", s, "kind", f"{path}.kind")
        else:
            workbook.append((name, _line_of(s, "kind") or 0))
    if kind_known and "stale_days" in s and s["stale_days"] is not None and kind not in STALE_KINDS:
        with c.collect():
            c.fail(f"stale_days applies to {' and '.join(STALE_KINDS)} sources, whose items are dated; this one is a {kind}", s, "stale_days", f"{path}.stale_days")
    topics = c.get(s, "topics", list, path, [])
    for j, t in enumerate(topics):
        if t not in TOPIC_IDS:
            with c.collect():
                c.fail(unknown_key(t, TOPIC_IDS, what="topic id"), topics, j, f"{path}.topics[{j}]")
    ca_file = _ca_file(c, s, path, c.file)
    tls_verify = c.get(s, "tls_verify", bool, path, True)
    if not tls_verify or ca_file:
        key = "tls_verify" if not tls_verify else "ca_file"
        with c.collect():
            if url and urlsplit(url).scheme != "https":
                c.fail(f"'{key}' is about the certificate of an https address; this source's url is not https", s, key, _join(path, key))
            if not tls_verify and ca_file:
                c.fail("'ca_file' is not read when 'tls_verify' is false (no certificate is checked); keep one of them", s, "ca_file", _join(path, "ca_file"))
    for key in sorted(WATCH_SOURCE_KEYS & set(s)):
        if kind_known and kind != "watch":
            with c.collect():
                c.fail(f"'{key}' is only for sources of kind: watch", s, key, _join(path, key))
    out.append(
        Source(
            name=name,
            url=url,
            kind=kind,
            topics=tuple(topics),
            interval=c.get(s, "interval", int, path, None, _range(1, 7 * 24 * 60)),
            full_text=c.get(s, "full_text", bool, path, True),
            enabled=enabled,
            language=c.get(s, "language", str, path, None, _language_problem),
            aggregator=c.get(s, "aggregator", bool, path, urlsplit(url).hostname == "news.google.com"),
            line=_line_of(items, i),
            stale_days=c.get(s, "stale_days", int, path, None, _range(1, 3650)),
            selector=c.get(s, "selector", str, path, None, _selector_problem),
            ignore=_patterns(c, s, path),
            documents=c.get(s, "documents", bool, path, True),
            ca_file=ca_file,
            tls_verify=tls_verify,
        )
    )
    if enabled:
        # two sources fetching the same thing: the second would store nothing of its own
        # (an item is one, whoever fetched it first) and look silent; a watched page may be
        # watched twice for two different parts of it
        fetched = (canonical_url(url), out[-1].selector if kind == "watch" else None)
        if fetched in addresses:
            first, line = addresses[fetched]
            c.warn(f"the same address as source {first!r} (line {line}), so this one stores nothing of its own and will look silent; remove one or set 'enabled: false'", s, "url", f"{path}.url")
        else:
            addresses[fetched] = (name, _line_of(s, "url") or 0)


def _ca_file(c: _Checker, m: _Map, path: str, file: str) -> str | None:
    """A ``ca_file`` key: a file of PEM certificates (a private CA, or an intermediate a site
    leaves out of its chain), read now so a wrong one is named with its line. A relative path
    is read from the folder of the configuration file; the absolute path is returned."""
    value = c.get(m, "ca_file", str, path, None)
    if not value or not value.strip():
        return None
    where = Path(file).parent / Path(value.strip()).expanduser()
    try:
        ssl.create_default_context(cafile=str(where)) if where.is_file() else None
    except ssl.SSLError as e:
        with c.collect():
            c.fail(f"{value!r} holds no certificate that can be read ({'no PEM block' if e.reason == 'NO_CERTIFICATE_OR_CRL_FOUND' else 'a PEM block is damaged'}): give a file of '-----BEGIN CERTIFICATE-----' blocks", m, "ca_file", _join(path, "ca_file"))
        return None
    except OSError as e:
        with c.collect():
            c.fail(f"cannot read {value!r}: {e.strerror}", m, "ca_file", _join(path, "ca_file"))
        return None
    if not where.is_file():
        with c.collect():
            relative = "" if Path(value.strip()).expanduser().is_absolute() else f" (a relative path is read from the folder of {file})"
            c.fail(f"no such file: {value!r}{relative}", m, "ca_file", _join(path, "ca_file"))
        return None
    return str(where.resolve())


def _tls_hosts(sources: tuple[Source, ...]) -> dict[str, HostTLS]:
    """What the enabled sources ask of their hosts' certificates, by host name: a host is not
    verified when one of its sources says ``tls_verify: false``, and trusts every ``ca_file``
    its sources give."""
    hosts: dict[str, HostTLS] = {}
    for source in sources:
        if not source.enabled or (source.tls_verify and not source.ca_file):
            continue
        try:
            host = _fetched_host(source.url)
        except ValueError:
            continue
        seen = hosts.get(host, HostTLS())
        hosts[host] = HostTLS(
            ca_files=tuple(dict.fromkeys(seen.ca_files + ((source.ca_file,) if source.ca_file else ()))),
            verify=seen.verify and source.tls_verify,
            unverified_by=seen.unverified_by + (() if source.tls_verify else (source.name,)),
        )
    return hosts


def _fetched_host(url: str) -> str:
    """The host name of ``url`` as requests ask for it: lower case, an internationalised name in IDNA."""
    host = (urlsplit(url.strip()).hostname or "").lower()
    if not host.isascii():
        host = idna.encode(host, uts46=True).decode("ascii")
    if not host:
        raise ValueError(url)
    return host


_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def _language_problem(v: str) -> str | None:
    """A source's language is a code such as ``ur`` or ``en-PK``, as the extractor gives
    (reprints are only grouped within one language, so ``urdu`` would never meet ``ur``)."""
    if not _LANGUAGE_CODE.fullmatch(v.strip()):
        return f"expected a language code such as ur or en, got {v!r}"
    return None


def _selector_problem(v: str) -> str | None:
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    try:
        LexborHTMLParser("<html><body></body></html>").css(v)
    except SelectolaxError:
        return f"not a valid CSS selector: {v!r}"
    return None


def _patterns(c: _Checker, m: _Map, path: str) -> tuple[str, ...]:
    """An ``ignore`` list: regular expressions, each checked now."""
    patterns = c.get(m, "ignore", list, path, [])
    for j, p in enumerate(patterns):
        with c.collect():
            if not isinstance(p, str) or not p:
                c.fail(f"expected a regular expression (a string), got {_kind(p)}", patterns, j, f"{_join(path, 'ignore')}[{j}]")
            try:
                re.compile(p)
            except re.error as e:
                c.fail(f"not a valid regular expression: {e}", patterns, j, f"{_join(path, 'ignore')}[{j}]")
    return tuple(patterns)


def _watch_settings(c: _Checker, raw: _Map) -> WatchSettings:
    w = c.mapping(raw.get("watch"), raw, "watch", "watch")
    c.known_keys(w, WATCH_KEYS, "watch")
    return WatchSettings(
        ignore=_patterns(c, w, "watch"),
        max_documents=c.get(w, "max_documents", int, "watch", WatchSettings.max_documents, _range(0, 100)),
        document_seconds=c.get(w, "document_seconds", (int, float), "watch", WatchSettings.document_seconds, _positive),
        document_pages=c.get(w, "document_pages", int, "watch", WatchSettings.document_pages, _range(1, 10000)),
    )


def _check_rules(config: Config, raw: _Map, file: str) -> None:
    """Compile the topic rules now so a bad rule is reported with its line."""
    try:
        config.rules()
    except RuleError as e:
        section = "topics"
        node: Any = raw.get("topics")
        if e.path and e.path[0] == "relevance":
            section, node, rest = "relevance", raw.get("relevance"), e.path[1:]
        else:
            rest = e.path
        parent, last, key = raw, section, section
        for part in rest:
            if isinstance(node, (dict, list)) and (part in node if isinstance(node, dict) else isinstance(part, int) and part < len(node)):
                parent, last = node, part
                node = node[part]
            key = _join(key, part)
        raise ConfigError(e.message, file=file, line=_line_of(parent, last), key=key) from None


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Read and validate a configuration file (default ``sources.yaml``)."""
    path = Path(path or os.environ.get("MONITOR_CONFIG") or DEFAULT_CONFIG)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError("file not found (pass --config or set MONITOR_CONFIG; `monitor init` writes a starter one)", file=str(path)) from None
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror}", file=str(path)) from None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as e:
        line_start = content.rfind(b"\n", 0, e.start) + 1
        column = len(content[line_start : e.start].decode("utf-8", "replace")) + 1
        raise ConfigError(f"not UTF-8 text: byte 0x{content[e.start]:02x} at column {column} cannot be read; save the file as UTF-8", file=str(path), line=content.count(b"\n", 0, e.start) + 1) from None
    return parse_config(text, str(path))
