"""Configuration: the real watch list validates, and every kind of mistake is named."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import TOPIC_IDS, load_config, parse_config
from monitor.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent

GOOD_SOURCE = """\
sources:
  - name: Dawn - Business
    url: https://www.dawn.com/feeds/business
    kind: feed
"""


#: A good source whose URL is no real site's, for the cases that need no real one.
EXAMPLE_SOURCE = """\
sources:
  - name: Example
    url: https://example.org/feed.xml
"""


def error_of(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_config(textwrap.dedent(text), "test.yaml")
    return info.value


def test_real_watch_list_is_valid():
    config = load_config(REPO / "sources.yaml")
    names = [s.name for s in config.sources]
    assert len(names) >= 25
    assert len(set(names)) == len(names)
    assert {s.kind for s in config.sources} == {"feed", "page", "sbp_ebops", "watch"}
    assert set(config.topics) == set(TOPIC_IDS)
    assert sum("news.google.com/rss/search" in s.url for s in config.sources) >= 6
    pages = {s.url for s in config.sources if s.kind == "page"}
    assert "https://www.pta.gov.pk/en/media-center/press-releases" in pages
    assert {"https://www.sbp.org.pk/economic-data", "https://www.sbp.org.pk/press-release", "https://pid.gov.pk/site/press"} <= pages
    assert [s.url for s in config.sources if s.kind == "sbp_ebops"] == ["https://archive.sbp.org.pk/ecodata/dt.xls"]
    urls = {s.url for s in config.sources}
    assert {"https://www.brecorder.com/feeds/business-finance", "https://www.app.com.pk/category/business/feed/", "https://jang.com.pk/rss/1/1", "https://feeds.bbci.co.uk/urdu/rss.xml"} <= urls
    assert not urls & {"https://www.thenews.com.pk/rss/1/1", "https://mettisglobal.news/feed/", "https://www.brecorder.com/feeds/business"}
    assert sum("site%3A" in u for u in urls) == 2 and sum("ceid=PK:ur" in u for u in urls) == 3
    assert config.timezone == "Asia/Karachi"
    assert (config.schedule.digest_day, config.schedule.digest_hour) == ("mon", 8)


def test_real_watch_list_watches_the_policy_pages_and_says_which_addresses_are_unverified():
    config = load_config(REPO / "sources.yaml")
    watched = {s.name: s for s in config.sources if s.kind == "watch"}
    assert set(watched) == {"PTA - VPN registration", "PTA - Notifications", "FBR - Freelancers' tax", "PSEB - Freelancer registration", "MoITT - Notifications"}
    assert all(s.topics and s.interval for s in watched.values())
    text = (REPO / "sources.yaml").read_text(encoding="utf-8")
    for name in watched:
        entry = text[text.index(f"- name: {name}") :].split("\n  - name:")[0]
        comment = " ".join(line.strip() for line in entry.splitlines() if line.strip().startswith("#"))
        assert comment, f"{name}: say how sure its address is"
        assert "UNVERIFIED" in comment or "not checked live" in comment, name
    assert config.public_url == "http://127.0.0.1:8001/"
    assert config.watch.max_documents == 10


def test_watched_page_options():
    config = parse_config(
        """monitor:
  public_url: https://monitor.example.org
watch:
  ignore: ['Queue number \\d+']
  max_documents: 3
  document_seconds: 5
sources:
  - name: PTA VPN
    url: https://pta.example.gov.pk/vpn
    kind: watch
    selector: "main .faq"
    ignore: ['Token: \\w+']
    documents: false
""",
        "x.yaml",
    )
    (source,) = config.sources
    assert (source.kind, source.selector, source.ignore, source.documents) == ("watch", "main .faq", ("Token: \\w+",), False)
    assert (config.watch.ignore, config.watch.max_documents, config.watch.document_seconds) == (("Queue number \\d+",), 3, 5)
    assert config.public_url == "https://monitor.example.org/"


def test_defaults_work_without_optional_sections():
    config = parse_config(GOOD_SOURCE, "x.yaml")
    assert config.schedule.poll_every == 60
    assert config.timezone == "Asia/Karachi"
    assert config.sources[0].full_text is True


@pytest.mark.parametrize(
    "text, line, key, words",
    [
        # 1. broken YAML
        ("sources:\n  - name: A\n    url: [unclosed\n", 4, None, "not valid YAML"),
        # 2. unknown top-level key
        (GOOD_SOURCE + "schedul:\n  poll_every: 5\n", 5, "schedul", "did you mean 'schedule'"),
        # 3. unknown key in a source
        (GOOD_SOURCE + "    intervall: 30\n", 5, "sources[0].intervall", "did you mean 'interval'"),
        # 4. wrong type
        (GOOD_SOURCE + "    interval: often\n", 5, "sources[0].interval", "expected a whole number, got a string"),
        # 5. bad URL
        ("sources:\n  - name: A\n    url: ftp://example.com/feed\n", 3, "sources[0].url", "not an http(s) URL"),
        # 6. duplicate source names
        (GOOD_SOURCE + "  - name: Dawn - Business\n    url: https://www.dawn.com/feeds/tech\n", 5, "sources[1].name", "duplicate source name 'Dawn - Business' (first used on line 2)"),
        # 7. unknown topic id on a source
        (GOOD_SOURCE + "    topics: [freelancing, crypto]\n", 5, "sources[0].topics[1]", "unknown topic id 'crypto'"),
        # 8. bad timezone
        ("monitor:\n  timezone: Asia/Lahore\n" + GOOD_SOURCE, 2, "monitor.timezone", "unknown timezone 'Asia/Lahore'"),
        # 9. bad kind
        (GOOD_SOURCE.replace("kind: feed", "kind: website"), 4, "sources[0].kind", "must be one of feed, page, sbp_ebops, watch"),
        # 10. missing url
        ("sources:\n  - name: A\n    kind: feed\n", 2, "sources[0].url", "missing required key 'url'"),
        # 11. bad digest day
        ("schedule:\n  digest_day: someday\n" + GOOD_SOURCE, 2, "schedule.digest_day", "must be one of mon"),
        # 12. hour out of range
        ("schedule:\n  digest_hour: 25\n" + GOOD_SOURCE, 2, "schedule.digest_hour", "between 0 and 23"),
        # 13. bad recipient
        ("digest:\n  recipients: [ok@example.com, not-an-address]\n" + GOOD_SOURCE, 2, "digest.recipients[1]", "not an email address"),
        # 14. unknown topic id in the topics section
        (GOOD_SOURCE + "topics:\n  crypto:\n    keywords: [bitcoin]\n", 6, "topics.crypto", "unknown topic id 'crypto'"),
        # 15. duplicate YAML key, named by its whole key path
        ("schedule:\n  poll_every: 5\n  poll_every: 10\n" + GOOD_SOURCE, 3, "schedule.poll_every", "duplicate key 'poll_every' (first given on line 2)"),
        (GOOD_SOURCE + "  - name: Dawn - Tech\n    url: https://www.dawn.com/feeds/tech\n    kind: feed\n    kind: page\n", 8, "sources[1].kind", "duplicate key 'kind' (first given on line 7)"),
        # ... written differently but the same key once read, in the same words
        ("schedule:\n  yes: 5\n  true: 10\n" + EXAMPLE_SOURCE, 3, "schedule.true", "duplicate key 'true' (first given on line 2 as 'yes')"),
        (EXAMPLE_SOURCE + "    1: a\n    1.0: b\n", 5, "sources[0].1.0", "duplicate key '1.0' (first given on line 4 as '1')"),
        ("schedule:\n  0x10: a\n  16: b\n" + EXAMPLE_SOURCE, 3, "schedule.16", "duplicate key '16' (first given on line 2 as '0x10')"),
        ("schedule:\n  poll_every: 5\n  'poll_every': 10\n" + EXAMPLE_SOURCE, 3, "schedule.poll_every", "duplicate key 'poll_every' (first given on line 2)"),
        # ... and a key that is a list or a mapping, which no key can be
        ("schedule:\n  ? [poll_every]\n  : 5\n" + EXAMPLE_SOURCE, 2, "schedule", "a key must be a single value, not a list"),
        # 16. no sources at all
        ("schedule:\n  poll_every: 5\n", None, "sources", "missing required key 'sources'"),
        # 17. a source that is not a mapping
        ("sources:\n  - https://www.dawn.com/feeds/business\n", 2, "sources[0]", "expected a mapping"),
        # 18. a List-Unsubscribe target that is neither mailto: nor http(s)
        ("digest:\n  list_unsubscribe: <mailto:leave@example.com>, <ftp://example.com/x>\n" + GOOD_SOURCE, 2, "digest.list_unsubscribe", "mailto: address or an http(s) URL"),
        ("digest:\n  list_unsubscribe: [mailto:leave@example.com, ftp://example.com/x]\n" + GOOD_SOURCE, 2, "digest.list_unsubscribe", "mailto: address or an http(s) URL"),
        ("digest:\n  list_unsubscribe: [mailto:leave@example.com, 5]\n" + GOOD_SOURCE, 2, "digest.list_unsubscribe", "item 2 of the list: expected a string, got a number"),
        # 19. SMTP secrets do not belong in the file
        ("digest:\n  smtp_password: hunter2\n" + GOOD_SOURCE, 2, "digest.smtp_password", "unknown key"),
        # 20. watched pages: a selector that is not CSS, a pattern that is not a regular
        # expression, watch options on a feed, an unknown key in the watch section, a bad public URL
        (GOOD_SOURCE.replace("kind: feed", "kind: watch") + "    selector: 'div[[x'\n", 5, "sources[0].selector", "not a valid CSS selector"),
        (GOOD_SOURCE.replace("kind: feed", "kind: watch") + "    ignore:\n      - ok\n      - '(unclosed'\n", 7, "sources[0].ignore[1]", "not a valid regular expression"),
        (GOOD_SOURCE + "    selector: main\n", 5, "sources[0].selector", "only for sources of kind: watch"),
        ("watch:\n  max_docs: 3\n" + GOOD_SOURCE, 2, "watch.max_docs", "unknown key 'max_docs'"),
        ("watch:\n  max_documents: 500\n" + GOOD_SOURCE, 2, "watch.max_documents", "between 0 and 100"),
        ("monitor:\n  public_url: monitor.example.org\n" + GOOD_SOURCE, 2, "monitor.public_url", "not an http(s) URL"),
        # 22. a subject template that cannot be filled in says what is wrong with it
        ('digest:\n  subject: "{top_story"\n' + GOOD_SOURCE, 2, "digest.subject", "a '{' is not closed by a '}' in '{top_story'"),
        ('digest:\n  subject: "Week {wk}"\n' + GOOD_SOURCE, 2, "digest.subject", "unknown placeholder {wk} in 'Week {wk}' (placeholders: {week}, {top_story}, {title}, {stories})"),
        ('digest:\n  subject: "Week {week}\\nTop: {top_story}"\n' + EXAMPLE_SOURCE, 2, "digest.subject", "the subject must be one line"),
        ('digest:\n  subject: "Week {}"\n' + EXAMPLE_SOURCE, 2, "digest.subject", "a placeholder without a name in 'Week {}' (placeholders: {week}, {top_story}, {title}, {stories})"),
        ('digest:\n  subject: "Week {week}}"\n' + EXAMPLE_SOURCE, 2, "digest.subject", "a '}' has no '{' before it in 'Week {week}}' (placeholders: {week}, {top_story}, {title}, {stories}; write {{ or }} for a brace itself)"),
        ('digest:\n  subject: "{week.year}"\n' + EXAMPLE_SOURCE, 2, "digest.subject", "a placeholder is not just a name ('str' object has no attribute 'year') in '{week.year}'"),
        # 23. source names that differ only in case, and a second SBP workbook
        (GOOD_SOURCE + "  - name: DAWN - business\n    url: https://www.dawn.com/feeds/tech\n", 5, "sources[1].name", "source name 'DAWN - business' differs only in case from 'Dawn - Business' (line 2)"),
        ("sources:\n  - name: SBP\n    url: https://archive.sbp.org.pk/ecodata/dt.xls\n    kind: sbp_ebops\n  - name: SBP mirror\n    url: https://www.sbp.org.pk/ecodata/dt.xls\n    kind: sbp_ebops\n",
         7, "sources[1].kind", "a second sbp_ebops source (the first is 'SBP', line 4)"),
        # 24. a topics section with no topic: nothing could ever be relevant
        (GOOD_SOURCE + "topics: {}\n", 5, "topics", "no topics are listed, so no item could ever be relevant"),
        # 21. a watched page is never stale (a policy page that stays the same is doing its job)
        (GOOD_SOURCE.replace("kind: feed", "kind: watch") + "    stale_days: 30\n", 5, "sources[0].stale_days", "this one is a watch"),
        # 26. an IPv6 address whose bracket is never closed
        ('sources:\n  - name: A\n    url: "http://[::1/feed.xml"\n', 3, "sources[0].url", "not a valid URL (Invalid IPv6 URL): 'http://[::1/feed.xml'"),
        ('monitor:\n  public_url: "http://[fe80::1/"\n' + EXAMPLE_SOURCE, 2, "monitor.public_url", "not a valid URL (Invalid IPv6 URL)"),
        # 25. a language by its name, where its code is meant (the extractor says ur, not urdu)
        (GOOD_SOURCE + "    language: urdu\n", 5, "sources[0].language", "expected a language code such as ur or en, got 'urdu'"),
    ],
)
def test_bad_config_names_file_line_and_key(text, line, key, words):
    err = error_of(text)
    message = str(err)
    assert message.startswith("test.yaml")
    assert words in message
    if line is not None:
        assert err.line == line
        assert message.startswith(f"test.yaml:{line}:")
    if key is not None:
        assert f"key '{key}'" in message


def test_one_address_given_twice_is_named_by_sources_check(tmp_path):
    """Two sources fetching one feed (here written once with www. and http:): the second
    stores nothing of its own and would look silent, so `sources check` says which."""
    path = tmp_path / "sources.yaml"
    path.write_text(EXAMPLE_SOURCE + "  - name: Example again\n    url: http://www.example.org/feed.xml\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(path), "sources", "check"])
    assert result.exit_code == 0, result.output
    assert (
        f"warning: {path}:5: key 'sources[1].url': the same address as source 'Example' (line 3), so this one "
        "stores nothing of its own and will look silent; remove one or set 'enabled: false'"
    ) in result.output
    assert len(load_config(path).sources) == 2  # a warning: the monitor still runs
    # a check in CI can make a warning fail it; a file without one passes --strict
    strict = CliRunner().invoke(cli, ["--config", str(path), "sources", "check", "--strict"])
    assert strict.exit_code == 1 and "warning: " in strict.stdout
    assert strict.stderr == f"{path}: 1 warning, and --strict makes each one fail the check\n"
    path.write_text(EXAMPLE_SOURCE, encoding="utf-8")
    assert CliRunner().invoke(cli, ["--config", str(path), "sources", "check", "--strict"]).exit_code == 0


def test_one_page_may_be_watched_twice_for_two_parts_and_a_disabled_copy_is_no_duplicate():
    text = textwrap.dedent("""\
        sources:
          - name: Rules - fees
            url: https://example.org/rules
            kind: watch
            selector: "#fees"
          - name: Rules - documents
            url: https://example.org/rules
            kind: watch
            selector: "#documents"
          - name: Feed
            url: https://example.org/feed.xml
          - name: Feed (old name)
            url: https://example.org/feed.xml
            enabled: false
        """)
    config = parse_config(text, "test.yaml")
    assert [s.name for s in config.sources] == ["Rules - fees", "Rules - documents", "Feed", "Feed (old name)"]
    assert config.warnings == ()


def test_a_second_sbp_workbook_may_be_kept_disabled():
    config = parse_config("sources:\n  - name: SBP\n    url: https://archive.sbp.org.pk/ecodata/dt.xls\n    kind: sbp_ebops\n  - name: SBP mirror\n    url: https://www.sbp.org.pk/ecodata/dt.xls\n    kind: sbp_ebops\n    enabled: false\n", "x.yaml")
    assert [s.enabled for s in config.sources] == [True, False]


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(GOOD_SOURCE.encode() + "  - name: Café\n    url: https://example.com/feed\n".encode("latin-1"))
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value) == f"{path}:5: not UTF-8 text: byte 0xe9 at column 14 cannot be read; save the file as UTF-8"
    result = CliRunner().invoke(cli, ["--config", str(path), "sources", "check"])
    assert result.exit_code == 2 and f"error: {path}:5: not UTF-8 text" in result.output


def test_without_topics_the_bundled_topic_rules_are_used():
    bundled = load_config(REPO / "sources.yaml")
    config = parse_config(GOOD_SOURCE, "x.yaml")
    assert config.topics == bundled.topics and config.relevance == bundled.relevance
    assert config.bundled_rules and Path(config.bundled_rules).name == "sources.yaml"
    assert bundled.bundled_rules is None
    own_relevance = parse_config(GOOD_SOURCE + "relevance:\n  threshold: 5\n", "x.yaml")
    assert own_relevance.topics == bundled.topics and own_relevance.relevance == {"threshold": 5}
    own_topics = parse_config(GOOD_SOURCE + "topics:\n  it_exports:\n    keywords: [IT exports]\n", "x.yaml")
    assert list(own_topics.topics) == ["it_exports"] and own_topics.relevance is None and own_topics.bundled_rules is None


def test_without_topics_the_news_is_still_found_and_check_says_whose_rules(tmp_path, store):
    from monitor import pipeline
    from monitor.sitesrv import SiteServer, send

    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>IT exports rise 24pc to $354m in July</title><link>https://example.com/it-exports-july</link>
<description>Pakistan's IT and ITeS exports rose 24 percent to $354 million in July, the State Bank said. Computer services exports led the rise.</description>
<pubDate>Mon, 18 Aug 2025 08:00:00 GMT</pubDate></item></channel></rss>"""
    path = tmp_path / "short.yaml"
    with SiteServer(routes={"/feed.xml": lambda h: send(h, 200, feed, "application/rss+xml")}) as server:
        path.write_text(f"fetch:\n  retries: 0\n  host_delay: 0\nsources:\n  - name: Wire\n    url: {server.base}/feed.xml\n    full_text: false\n", encoding="utf-8")
        report = pipeline.poll(load_config(path), store).reports[0]
    assert (report.outcome, report.new_items) == ("ok", 1)
    (item,) = store.db.query("SELECT title, relevant FROM items")
    assert (item["title"], item["relevant"]) == ("IT exports rise 24pc to $354m in July", 1)
    check = CliRunner().invoke(cli, ["--config", str(path), "sources", "check"])
    assert check.exit_code == 0, check.output
    assert "OK: 1 source (1 feed), 8 topics" in check.output
    assert f"note: {path} has no 'topics:' section, so the bundled topic rules are used" in check.output


def test_sources_check_counts_each_kind_in_the_singular_or_the_plural(tmp_path):
    """'1 watched page', '2 SBP workbooks', '1 topic': a count and its noun agree."""
    path = tmp_path / "sources.yaml"
    path.write_text(
        "topics:\n  freelancing:\n    label: Freelancing\n    keywords: [freelancer]\nsources:\n"
        "  - name: A\n    url: https://a.example.com/feed\n  - name: B\n    url: https://b.example.com/feed\n"
        "  - name: PTA\n    url: https://pta.example.org/vpn\n    kind: watch\n"
        "  - name: SBP\n    url: https://sbp.example.org/dt.xls\n    kind: sbp_ebops\n"
        "  - name: SBP mirror\n    url: https://mirror.example.org/dt.xls\n    kind: sbp_ebops\n    enabled: false\n",
        encoding="utf-8",
    )
    check = CliRunner().invoke(cli, ["--config", str(path), "sources", "check"])
    assert check.exit_code == 0, check.output
    assert f"{path}: OK: 5 sources (2 feeds, 2 SBP workbooks, 1 watched page), 1 topic, timezone Asia/Karachi" in check.output


def test_empty_file_is_an_error():
    assert "empty" in str(error_of(""))


def test_bad_topic_rule_is_located(tmp_path):
    text = GOOD_SOURCE + "topics:\n  freelancing:\n    keywords: 42\n"
    err = error_of(text)
    assert "topics.freelancing" in str(err)
    assert err.line is not None and err.line >= 6


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "nope.yaml")
    assert "nope.yaml" in str(info.value) and "not found" in str(info.value)


def test_sources_check_command(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(cli, ["--config", str(REPO / "sources.yaml"), "sources", "check"])
    assert ok.exit_code == 0, ok.output
    assert "OK" in ok.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD_SOURCE.replace("kind: feed", "kind: website"), encoding="utf-8")
    result = runner.invoke(cli, ["--config", str(bad), "sources", "check"])
    assert result.exit_code == 2
    assert f"{bad}:4: key 'sources[0].kind'" in result.output


def test_config_from_environment(tmp_path, monkeypatch):
    path = tmp_path / "env.yaml"
    path.write_text(GOOD_SOURCE, encoding="utf-8")
    monkeypatch.setenv("MONITOR_CONFIG", str(path))
    result = CliRunner().invoke(cli, ["sources", "check"])
    assert result.exit_code == 0, result.output
    assert str(path) in result.output


def test_google_news_sources_are_aggregators():
    config = load_config(REPO / "sources.yaml")
    for s in config.sources:
        assert s.aggregator == ("news.google.com" in s.url), s.name
    explicit = parse_config(GOOD_SOURCE + "    aggregator: true\n", "x.yaml")
    assert explicit.sources[0].aggregator is True


@pytest.mark.parametrize(
    "text, line, key",
    [
        (EXAMPLE_SOURCE + "relevance: {threshold: .nan}\n", 4, "relevance.threshold"),
        (EXAMPLE_SOURCE + "relevance:\n  threshold: .inf\n", 5, "relevance.threshold"),
        (EXAMPLE_SOURCE + "relevance:\n  repeat_decay: .nan\n", 5, "relevance.repeat_decay"),
        (EXAMPLE_SOURCE + "relevance:\n  min_paragraphs: .nan\n", 5, "relevance.min_paragraphs"),
        ("fetch:\n  deadline: .inf\n" + EXAMPLE_SOURCE, 2, "fetch.deadline"),
        ("fetch:\n  deadline: .nan\n" + EXAMPLE_SOURCE, 2, "fetch.deadline"),
        ("fetch:\n  host_delay: .inf\n" + EXAMPLE_SOURCE, 2, "fetch.host_delay"),
        ("fetch:\n  max_retry_after: .Inf\n" + EXAMPLE_SOURCE, 2, "fetch.max_retry_after"),
        ("fetch:\n  retries: .nan\n" + EXAMPLE_SOURCE, 2, "fetch.retries"),
        ("watch:\n  document_seconds: .inf\n" + EXAMPLE_SOURCE, 2, "watch.document_seconds"),
        ("schedule:\n  poll_every: -.inf\n" + EXAMPLE_SOURCE, 2, "schedule.poll_every"),
        (EXAMPLE_SOURCE + "    interval: .inf\n", 4, "sources[0].interval"),
        (EXAMPLE_SOURCE + "topics:\n  it_exports:\n    keywords:\n      - {term: IT exports, weight: .nan}\n", 7, "topics.it_exports.keywords[0].weight"),
    ],
)
def test_a_number_that_is_not_finite_is_refused_by_file_line_and_key(text, line, key):
    """YAML reads .nan and .inf as numbers; no setting can use them (a NaN threshold lets
    nothing through, an infinite deadline never ends), so each is named like any other mistake."""
    err = error_of(text)
    assert err.line == line and err.key == key, str(err)
    assert str(err).startswith(f"test.yaml:{line}: key '{key}': ")
    assert "finite number" in err.message, str(err)


def test_sources_check_refuses_a_threshold_that_is_not_a_number(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(EXAMPLE_SOURCE + "relevance: {threshold: .nan}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(path), "sources", "check"])
    assert result.exit_code == 2, result.output
    assert f"error: {path}:4: key 'relevance.threshold': expected a finite number, got .nan" in result.output


@pytest.mark.parametrize(
    "text, line, key, words",
    [
        (EXAMPLE_SOURCE + "relevance: {treshold: 3}\n", 4, "relevance.treshold", "unknown key 'treshold' (did you mean 'threshold'?)"),
        (EXAMPLE_SOURCE + "relevance:\n  threshold: 3\n  title_weigth: 2\n", 6, "relevance.title_weigth", "unknown key 'title_weigth' (did you mean 'title_weight'?)"),
        (EXAMPLE_SOURCE + "relevance:\n  exclude:\n    remittances:\n      unles: [IT]\n", 7, "relevance.exclude.remittances.unles", "unknown key 'unles' (did you mean 'unless'?)"),
        (EXAMPLE_SOURCE + "topics:\n  freelancing:\n    keyword: [freelancer]\n", 6, "topics.freelancing.keyword", "unknown key 'keyword' (did you mean 'keywords'?)"),
        (EXAMPLE_SOURCE + "topics:\n  freelancing:\n    keywords:\n      - {term: freelancer, wieght: 2}\n", 7, "topics.freelancing.keywords[0].wieght", "unknown key 'wieght' (did you mean 'weight'?)"),
        (EXAMPLE_SOURCE + "topics:\n  freelancng:\n    keywords: [freelancer]\n", 5, "topics.freelancng", "unknown topic id 'freelancng' (did you mean 'freelancing'?)"),
        (EXAMPLE_SOURCE + "    topics: [it_export]\n", 4, "sources[0].topics[0]", "unknown topic id 'it_export' (did you mean 'it_exports'?)"),
        # nothing close: the known keys are listed, as for a source
        (EXAMPLE_SOURCE + "relevance: {cutoff: 3}\n", 4, "relevance.cutoff", "unknown key 'cutoff'; known keys: exclude, hint_boost, min_paragraphs, repeat_decay, threshold, title_weight, topic_threshold"),
        (EXAMPLE_SOURCE + "    colour: red\n", 4, "sources[0].colour", "unknown key 'colour'; known keys: aggregator, ca_file, documents, enabled"),
    ],
)
def test_unknown_keys_of_relevance_and_topics_get_the_hint_source_keys_get(text, line, key, words):
    err = error_of(text)
    assert (err.line, err.key) == (line, key), str(err)
    assert words in err.message, str(err)


def test_an_internationalised_host_name_is_a_valid_url():
    """exämple.com is xn--exmple-cua.com in IDNA: a host name like any other."""
    config = parse_config(textwrap.dedent("""\
        monitor:
          public_url: https://mönitor.example.org/
        sources:
          - name: Umlaut
            url: https://exämple.com/feed
          - name: Capitals
            url: https://EXÄMPLE.org/rss?x=1
          - name: Japanese
            url: https://例え.テスト/feed.xml
        """), "test.yaml")
    assert [s.url for s in config.sources] == ["https://exämple.com/feed", "https://EXÄMPLE.org/rss?x=1", "https://例え.テスト/feed.xml"]
    assert config.public_url == "https://mönitor.example.org/"


@pytest.mark.parametrize(
    "url, words",
    [
        ("https://ex☃mple.com/feed", "not a valid URL (not a host name in IDNA: "),  # a symbol no host name may hold
        ("https://-exämple.com/feed", "not a valid URL (not a host name in IDNA: "),  # a label starting with a hyphen
        ("https://exämple..com/feed", "not a valid URL (not a host name in IDNA: "),  # an empty label
        ("https://exä mple.com/feed", "not a valid URL: "),
        ("https://ex_ample.com/feed", "not a valid URL: "),
    ],
)
def test_a_host_name_that_is_not_one_is_still_refused(url, words):
    err = error_of(f"sources:\n  - name: A\n    url: {url}\n")
    assert (err.line, err.key) == (3, "sources[0].url"), str(err)
    assert words in err.message and repr(url) in err.message, str(err)


def test_list_unsubscribe_takes_a_list_of_targets_as_well_as_one_string():
    """The targets may be a YAML list, as `recipients` is, or one comma-separated string."""
    listed = parse_config("digest:\n  list_unsubscribe:\n    - mailto:leave@example.com?subject=unsubscribe\n    - https://example.com/leave\n" + GOOD_SOURCE, "x.yaml")
    joined = parse_config("digest:\n  list_unsubscribe: '<mailto:leave@example.com?subject=unsubscribe>, <https://example.com/leave>'\n" + GOOD_SOURCE, "x.yaml")
    assert listed.digest.list_unsubscribe == "mailto:leave@example.com?subject=unsubscribe, https://example.com/leave"
    from monitor.digest import unsubscribe_targets

    assert unsubscribe_targets(listed.digest.list_unsubscribe) == unsubscribe_targets(joined.digest.list_unsubscribe) == ("mailto:leave@example.com?subject=unsubscribe", "https://example.com/leave")
    assert parse_config("digest:\n  list_unsubscribe: []\n" + GOOD_SOURCE, "x.yaml").digest.list_unsubscribe is None


#: A watch list with a mistake in four places: two sections and two sources, one of which has
#: two mistakes of its own (and a third source, between them, that is right).
MANY_MISTAKES = """\
schedule:
  poll_every: often
  digest_hour: 25
sources:
  - name: Example
    url: https://example.org/feed.xml
    kind: website
    selector: main
  - name: Fine
    url: https://example.org/fine.xml
  - name: 7
    url: not a url
    interval: 0
digest:
  recipients: [editor@example.org, not-an-address]
"""


def test_every_mistake_in_the_file_is_named_at_once_in_the_order_of_its_lines():
    error = error_of(MANY_MISTAKES)
    said = [(e.line, e.key) for e in error.errors]
    assert said == [
        (2, "schedule.poll_every"),
        (3, "schedule.digest_hour"),
        (7, "sources[0].kind"),
        (11, "sources[2].name"),
        (12, "sources[2].url"),
        (13, "sources[2].interval"),
        (15, "digest.recipients[1]"),
    ]
    # the first mistake is the error's own place, as when there is one
    assert (error.line, error.key) == (2, "schedule.poll_every")
    lines = str(error).splitlines()
    assert len(lines) == 7 and lines[0].startswith("test.yaml:2: key 'schedule.poll_every': expected a whole number, got a string")
    # a kind that is no kind says nothing of what only one kind may have (its selector)
    assert "only for sources of kind: watch" not in str(error)


def test_one_mistake_is_said_as_before():
    error = error_of(GOOD_SOURCE.replace("kind: feed", "kind: website"))
    assert type(error) is ConfigError
    assert str(error).startswith("test.yaml:4: key 'sources[0].kind': ")


def test_sources_check_prints_each_mistake_on_an_error_line_of_its_own(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(MANY_MISTAKES, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--config", str(bad), "sources", "check"])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert len(lines) == 7 and all(line.startswith(f"error: {bad}:") for line in lines), result.output
    assert "key 'sources[2].interval'" in lines[5]


def test_a_source_without_a_name_or_an_address_has_both_named_and_the_next_source_checked():
    error = error_of("""\
        sources:
          - kind: feed
          - name: Next
            url: https://example.org/next.xml
            kind: blog
        """)
    assert [e.key for e in error.errors] == ["sources[0].name", "sources[0].url", "sources[1].kind"]


def test_a_section_that_is_no_mapping_is_named_and_the_rest_of_the_file_checked():
    error = error_of(EXAMPLE_SOURCE + "schedule: hourly\nwatch:\n  max_documents: -1\n")
    assert [e.key for e in error.errors] == ["schedule", "watch.max_documents"]


CERTS = Path(__file__).resolve().parent / "certs"


def test_certificates_a_source_asks_for_are_kept_by_host(tmp_path):
    """`fetch.ca_file` for every request, a source's `ca_file` (read from the folder of the
    file) and `tls_verify: false` for its host: the host is unverified when a source there
    says so, and trusts every CA file given for it."""
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "intermediate.pem").write_bytes((CERTS / "site-intermediate-ca.pem").read_bytes())
    path = tmp_path / "sources.yaml"
    path.write_text(textwrap.dedent(f"""\
        fetch:
          ca_file: {CERTS / "site-root-ca.pem"}
        sources:
          - name: PSEB
            url: https://www.PSEB.example.org/news
            kind: page
            ca_file: certs/intermediate.pem
          - name: PTA - News
            url: https://pta.example.org/news
            kind: page
            tls_verify: false
          - name: PTA - Notifications
            url: https://pta.example.org/notifications
            kind: watch
          - name: Dawn
            url: https://www.example.com/feed
        """))
    config = load_config(path)
    assert config.fetch.ca_file == str(CERTS / "site-root-ca.pem")
    assert config.source("PSEB").ca_file == str(tmp_path / "certs" / "intermediate.pem")
    hosts = config.fetch.tls_hosts
    assert set(hosts) == {"www.pseb.example.org", "pta.example.org"}
    assert hosts["www.pseb.example.org"].verify and hosts["www.pseb.example.org"].ca_files == (str(tmp_path / "certs" / "intermediate.pem"),)
    assert not hosts["pta.example.org"].verify and hosts["pta.example.org"].unverified_by == ("PTA - News",)
    out = CliRunner().invoke(cli, ["--config", str(path), "sources", "check", "--strict"])
    assert out.exit_code == 0, out.output  # a deliberate choice, not a mistake: a note
    assert "note: PTA - News: tls_verify: false, so the TLS certificate of pta.example.org is not verified" in out.output


@pytest.mark.parametrize(
    "source, line, key, words",
    [
        ("    ca_file: nowhere.pem\n", 4, "sources[0].ca_file", "no such file: 'nowhere.pem' (a relative path is read from the folder of"),
        ("    ca_file: junk.pem\n", 4, "sources[0].ca_file", "'junk.pem' holds no certificate that can be read (no PEM block)"),
        ("    tls_verify: 'no'\n", 4, "sources[0].tls_verify", "expected true or false, got a string"),
        ("    tls_verify: false\n    ca_file: root.pem\n", 5, "sources[0].ca_file", "'ca_file' is not read when 'tls_verify' is false"),
    ],
)
def test_a_wrong_certificate_setting_is_named_by_file_line_and_key(tmp_path, source, line, key, words):
    (tmp_path / "junk.pem").write_text("not a certificate\n")
    (tmp_path / "root.pem").write_bytes((CERTS / "site-root-ca.pem").read_bytes())
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - name: Example\n    url: https://example.org/feed.xml\n" + source)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == line and info.value.key == key and words in info.value.message, str(info.value)


def test_tls_settings_of_a_plain_http_source_are_refused():
    e = error_of("""\
        fetch:
          ca_file: nowhere/ca.pem
        sources:
          - name: Example
            url: http://example.org/feed.xml
            tls_verify: false
        """)
    assert "fetch.ca_file" in str(e) and "no such file" in str(e)
    assert "sources[0].tls_verify" in str(e) and "this source's url is not https" in str(e)
