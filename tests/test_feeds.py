"""Atom feeds: valid by RFC 4287, read back with feedparser, stable, written after each poll."""

from __future__ import annotations

import html

import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import feedparser
import pytest
from click.testing import CliRunner

from digest_archive import PAGES, SOURCES_YAML, STORIES, build_archive, story_url, week_of
from monitor import pipeline
from monitor.cli import cli
from monitor.config import load_config
from monitor.feeds import build_feeds, feed_names, render, write_feeds
from monitor.models import Item
from monitor.store import item_id

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$")
RELS = {"alternate", "related", "self", "enclosure", "via"}


def atom_problems(document: bytes) -> list[str]:
    """What an Atom document breaks of RFC 4287 (section 4's MUSTs), plus the monitor's own
    rules: permanent urn:uuid ids and absolute http(s) links only."""
    problems: list[str] = []
    try:
        feed = ET.fromstring(document)
    except ET.ParseError as e:
        return [f"not well-formed XML: {e}"]
    if feed.tag != f"{ATOM}feed":
        return [f"the root is {feed.tag}, not atom:feed"]

    def one(element: ET.Element, name: str, where: str) -> ET.Element | None:
        found = element.findall(f"{ATOM}{name}")
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name}, needs exactly one")
            return None
        return found[0]

    def at_most_one(element: ET.Element, name: str, where: str) -> None:
        if len(element.findall(f"{ATOM}{name}")) > 1:
            problems.append(f"{where}: more than one atom:{name}")

    def common(element: ET.Element, where: str) -> None:
        ident = one(element, "id", where)
        if ident is not None and not re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ident.text or ""):
            problems.append(f"{where}: id {ident.text!r} is not a urn:uuid")
        title = one(element, "title", where)
        if title is not None and not (title.text or "").strip():
            problems.append(f"{where}: empty title")
        for name in ("updated", "published"):
            for stamp in element.findall(f"{ATOM}{name}"):
                if not RFC3339.match(stamp.text or ""):
                    problems.append(f"{where}: {name} {stamp.text!r} is not an RFC 3339 date-time")
        one(element, "updated", where)
        alternates: set[tuple] = set()
        for link in element.findall(f"{ATOM}link"):
            href, rel = link.get("href") or "", link.get("rel", "alternate")
            if not re.match(r"https?://[^/\s]+", href):
                problems.append(f"{where}: link {href!r} is not an absolute http(s) URL")
            if rel not in RELS:
                problems.append(f"{where}: link rel {rel!r} is not registered")
            if rel == "alternate":
                key = (link.get("type"), link.get("hreflang"))
                if key in alternates:
                    problems.append(f"{where}: two alternate links with the same type and hreflang")
                alternates.add(key)
        for person in element.findall(f"{ATOM}author"):
            if person.find(f"{ATOM}name") is None or not (person.find(f"{ATOM}name").text or "").strip():
                problems.append(f"{where}: an author without a name")
        for category in element.findall(f"{ATOM}category"):
            if not category.get("term"):
                problems.append(f"{where}: a category without a term")

    common(feed, "feed")
    at_most_one(feed, "subtitle", "feed")
    if not any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link")):
        problems.append("feed: no self link")
    entries = feed.findall(f"{ATOM}entry")
    feed_author = feed.find(f"{ATOM}author") is not None
    ids = []
    for n, entry in enumerate(entries):
        where = f"entry {n + 1}"
        common(entry, where)
        for name in ("published", "summary", "content", "rights", "source"):
            at_most_one(entry, name, where)
        if entry.find(f"{ATOM}content") is None and not any(link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")):
            problems.append(f"{where}: neither content nor an alternate link")
        content = entry.find(f"{ATOM}content")
        if content is not None and content.get("type", "text") not in ("text", "html", "xhtml"):
            problems.append(f"{where}: content type {content.get('type')!r}")
        if not feed_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"{where}: no author, and the feed has none")
        ids.append(entry.findtext(f"{ATOM}id"))
    if len(ids) != len(set(ids)):
        problems.append("two entries share an id")
    return problems


@pytest.fixture
def archive_config(write_config):
    return load_config(write_config(SOURCES_YAML, extra="monitor:\n  public_url: https://monitor.example.org/\n"))


@pytest.fixture
def feeds(store, archive_config, tmp_path):
    build_archive(store, archive_config)
    written = write_feeds(store, archive_config)
    return {path.stem: path.read_bytes() for path in written}


def parsed(feeds: dict[str, bytes], name: str):
    result = feedparser.parse(feeds[name])
    assert not result.bozo, result.get("bozo_exception")
    return result


# --------------------------------------------------------------------------- validity


def test_the_checker_catches_what_rfc_4287_forbids():
    good = render(next(f for f in build_feeds_for_checker()))
    assert atom_problems(good) == []
    broken = good.replace(b'rel="related"', b'rel="alternate"', 1)  # two alternate links in one entry
    assert "two alternate links with the same type and hreflang" in " ".join(atom_problems(broken))
    assert atom_problems(good.replace(b"<updated>", b"<updated>x", 1)) != []
    assert atom_problems(good.replace(b"</feed>", b"")) != []


def build_feeds_for_checker():
    from monitor.feeds import Feed, FeedEntry, Link

    entry = FeedEntry(id="urn:uuid:5b6f1a3e-0c1d-5e2f-9a8b-7c6d5e4f3a2b", title="A change", updated="2025-08-21T06:00:00+00:00", links=(Link("https://x.example/page"), Link("https://x.example/diff", "related")), author="Test")
    yield Feed("policy", "urn:uuid:0a1b2c3d-4e5f-5a6b-8c7d-9e0f1a2b3c4d", "Policy", "Changes", "2025-08-21T06:00:00+00:00", (Link("https://x.example/feeds/policy.atom", "self"),), "Monitor", (entry,))


def test_every_feed_is_valid_atom_and_reads_back_with_feedparser(feeds):
    assert set(feeds) == set(feed_names())
    for name, document in feeds.items():
        assert atom_problems(document) == [], name
        result = parsed(feeds, name)
        assert result.version == "atom10"
        assert result.feed.links[0].href == f"https://monitor.example.org/feeds/{name}.atom" and result.feed.links[0].rel == "self"
        assert result.feed.updated_parsed is not None


# --------------------------------------------------------------------------- stories


def test_stories_one_entry_per_story_with_its_outlets_and_absolute_links(feeds):
    result = parsed(feeds, "stories")
    titles = [e.title for e in result.entries]
    assert sorted(titles) == sorted(s.title for s in STORIES)  # reprints fold into their story
    by_title = {e.title: e for e in result.entries}
    exports = by_title[STORIES[0].title]
    assert exports.link == story_url(STORIES[0])
    assert exports.author == "Test Dawn"
    assert "Also reported by Test Tribune, Arab News." in exports.content[0].value  # the outlet behind the aggregator
    assert [t.term for t in exports.tags] == ["it_exports"] and exports.tags[0].label
    assert exports.published_parsed[:3] == (2025, 8, 19)
    assert exports.summary.startswith("Pakistan's IT and IT-enabled services exports reached $354 million in July 2025.")
    # an item whose own link is not http(s) links to its page in the archive instead
    bad = by_title["Tax officials meet freelancers in Islamabad"]
    assert bad.link == f"https://monitor.example.org/monitor/items/{item_id(story_url(STORIES[5]))}"
    assert "javascript:" not in feeds["stories"].decode()


def test_a_topic_feed_holds_only_that_topics_stories(feeds):
    vpn = [e.title for e in parsed(feeds, "topic-vpn_internet").entries]
    assert vpn == [STORIES[1].title]
    freelancing = {e.title for e in parsed(feeds, "topic-freelancing").entries}
    assert freelancing == {s.title for s in STORIES if "freelancing" in s.topics}
    assert parsed(feeds, "topic-rankings").entries == []
    assert atom_problems(feeds["topic-rankings"]) == []  # an empty feed is valid too


def test_newest_stories_first_and_markup_in_titles_is_text(feeds):
    result = parsed(feeds, "stories")
    updated = [e.updated_parsed for e in result.entries]
    assert updated == sorted(updated, reverse=True)
    assert "<script>alert('pwned')</script> P@SHA & PSEB sign <b>skills</b> pact" in [e.title for e in result.entries]
    assert b"<script>" not in feeds["stories"]


# --------------------------------------------------------------------------- policy


def test_policy_feed_lists_changes_with_the_page_and_the_full_diff(feeds):
    result = parsed(feeds, "policy")
    assert len(result.entries) == len(PAGES) + 1  # the week's changes and last week's
    first = result.entries[0]  # the newest: the PSEB office move on 22 August
    assert first.title == "Contact the Board: 1 changed"
    vpn = next(e for e in result.entries if e.author == "Test PTA VPN page")
    assert vpn.title == "IP whitelisting and VPN registration: 1 sentence added, 1 removed, 2 changed, 1 new document"
    links = {link.rel: link.href for link in vpn.links}
    assert links == {"alternate": "https://pta.example.gov.pk/vpn-registration", "related": "https://monitor.example.org/monitor/page_history?source=Test+PTA+VPN+page&version=2"}
    html = vpn.content[0].value
    assert "Changed: A fee applies when <del>five</del> <ins>ten</ins> or more IP addresses are whitelisted." in html
    assert "Removed: <del>Applications by email are not accepted.</del>" in html
    assert 'New document: <a href="https://pta.example.gov.pk/notices/vpn-freelancers-2025-08-21.pdf">' in html and "(PDF, 2 pages)" in html
    assert {t.term for t in vpn.tags} == {"vpn_internet", "freelancing"}


# --------------------------------------------------------------------------- stability


def test_ids_are_permanent_and_unchanged_feeds_are_not_rewritten(store, archive_config, feeds):
    assert write_feeds(store, archive_config) == []  # nothing changed: nothing rewritten
    moved = replace(archive_config, public_url="https://news.example.net/monitor/")
    again = {f.name: render(f) for f in build_feeds(store, moved, store.path)}
    for name in ("stories", "policy"):
        before, after = parsed(feeds, name), feedparser.parse(again[name])
        assert [e.id for e in after.entries] == [e.id for e in before.entries] and after.feed.id == before.feed.id
        assert after.feed.links[0].href == f"https://news.example.net/monitor/feeds/{name}.atom"
    # another installation (another list id) has ids of its own
    other = replace(archive_config, digest=replace(archive_config.digest, list_id="weekly.other.example"))
    assert feedparser.parse(render(build_feeds(store, other, store.path)[0])).entries[0].id not in {e.id for e in parsed(feeds, "stories").entries}


def test_the_feeds_of_an_empty_archive_are_written_once_and_not_rewritten_after_every_poll(store, archive_config, monkeypatch):
    import monitor.feeds

    first = write_feeds(store, archive_config)
    assert {p.stem for p in first} == set(feed_names())
    assert all(atom_problems(p.read_bytes()) == [] for p in first)
    bodies = {p: p.read_bytes() for p in first}
    monkeypatch.setattr(monitor.feeds, "_now", lambda: "2099-01-01T00:00:00+00:00")  # a later poll
    assert write_feeds(store, archive_config) == []  # nothing in them changed: nothing rewritten
    assert {p: p.read_bytes() for p in first} == bodies


def test_characters_xml_cannot_hold_are_dropped_and_languages_marked(store, archive_config, tmp_path):
    build_archive(store, archive_config)
    url = "https://news.example.com/urdu-vpn"
    urdu = Item(id=item_id(url), source="Test Tribune", url=url, canonical_url=url, title="وی پی این\x0b رجسٹریشن\x00 کی آخری تاریخ", text="رجسٹریشن کی تاریخ بڑھا دی گئی۔", published="2025-08-22T12:00:00+00:00",
                fetched_at="2025-08-22T12:00:00+00:00", lang="ur", topics=("vpn_internet",), score=5.0)
    store.save_items([urdu], week_of=week_of(archive_config))
    (stories,) = [render(f) for f in build_feeds(store, archive_config, store.path) if f.name == "stories"]
    assert atom_problems(stories) == []
    entry = next(e for e in feedparser.parse(stories).entries if e.title.startswith("وی پی این"))
    assert entry.title == "وی پی این رجسٹریشن کی آخری تاریخ"
    assert '<entry xml:lang="ur">' in stories.decode()


def test_an_urdu_entry_reads_right_to_left_and_its_english_lines_left_to_right(store, archive_config):
    build_archive(store, archive_config)
    items = []
    for slug, lang in (("urdu-vpn", "ur"), ("urdu-undeclared", None)):
        url = f"https://news.example.com/{slug}"
        items.append(Item(id=item_id(url), source="Test Tribune", url=url, canonical_url=url, title=f"وی پی این رجسٹریشن کی آخری تاریخ {slug}", text="پی ٹی اے نے رجسٹریشن کی تاریخ بڑھا دی۔ فری لانسرز مطمئن ہیں۔",
                          published="2025-08-22T12:00:00+00:00", fetched_at="2025-08-22T12:00:00+00:00", lang=lang, topics=("vpn_internet",), score=5.0))
    store.save_items(items, week_of=week_of(archive_config))
    (stories,) = [f for f in build_feeds(store, archive_config, store.path) if f.name == "stories"]
    urdu = [e for e in stories.entries if e.title.startswith("وی پی این")]
    assert [e.lang for e in urdu] == ["ur", "ur"]  # an item whose language was not told is Urdu by its script
    for e in urdu:
        content = html.unescape(e.content)
        assert content.startswith('<p dir="rtl">پی ٹی اے نے')
        assert '<p lang="en" dir="ltr">Test Tribune, 2025-08-22</p>' in content and '<p lang="en" dir="ltr">Topics: ' in content
    english = next(e for e in stories.entries if e.lang in (None, "en"))
    assert '<p lang="en"' not in html.unescape(english.content)


# --------------------------------------------------------------------------- writing


def test_the_feeds_are_written_next_to_the_archive_after_a_poll(site_config, store, tmp_path):
    summary = pipeline.poll(site_config, store)
    assert summary.failed == []
    folder = tmp_path / "feeds"
    assert {p.stem for p in folder.glob("*.atom")} == set(feed_names())
    titles = [e.title for e in feedparser.parse((folder / "stories.atom").read_bytes()).entries]
    assert "PTA sets deadline for VPN registration by freelancers" in titles
    assert not list(folder.glob(".*.tmp"))  # written by rename, no leftovers


def test_a_feed_that_cannot_be_written_never_fails_the_poll(site_config, store, tmp_path, caplog):
    (tmp_path / "feeds").write_text("not a folder")
    with caplog.at_level(logging.ERROR, logger="monitor.feeds"):
        summary = pipeline.poll(site_config, store)
    assert summary.failed == [] and summary.new_items > 0
    assert "feeds: could not be written to" in caplog.text and "a file is in the way" in caplog.text
    assert "Traceback" not in caplog.text  # an unwritable folder is said in a line


def test_a_feed_that_is_a_symbolic_link_has_the_file_it_points_at_rewritten(store, archive_config, tmp_path):
    """A feed linked into a web server's folder: the file served is rewritten, and the link
    stays one (renaming over the link would leave readers the old feed for good)."""
    build_archive(store, archive_config)
    served = tmp_path / "www" / "news.xml"
    served.parent.mkdir()
    served.write_bytes(b"<feed/>")  # an old feed
    out = tmp_path / "out"
    out.mkdir()
    (out / "stories.atom").symlink_to(served)
    written = write_feeds(store, archive_config, out)
    assert out / "stories.atom" in written
    assert (out / "stories.atom").is_symlink()
    titles = [e.title for e in feedparser.parse(served.read_bytes()).entries]
    assert "IT exports reach $354 million in July as the new fiscal year opens" in titles
    assert [p.name for p in served.parent.iterdir()] == ["news.xml"]  # no temporary file left


def test_the_feeds_command_writes_them_now(store, archive_config, tmp_path):
    build_archive(store, archive_config)
    config_path = tmp_path / "sources.yaml"
    result = CliRunner().invoke(cli, ["--config", str(config_path), "--db", str(tmp_path / "monitor.db"), "feeds"])
    assert result.exit_code == 0, result.output
    assert f"10 of 10 feeds rewritten in {tmp_path / 'feeds'}; readers subscribe to e.g. https://monitor.example.org/feeds/stories.atom" in result.output
    again = CliRunner().invoke(cli, ["--config", str(config_path), "--db", str(tmp_path / "monitor.db"), "feeds"])
    assert again.output.startswith("0 of 10 feeds rewritten")


def test_a_policy_entrys_summary_keeps_its_changes_apart_and_leads_with_new_documents(feeds):
    # The summary, which feed readers show in their lists, ran the change lines together
    # ("... by email are not accepted. Now: A fee ... whitelisted. Now: ...", a line without a
    # full stop running into the next "Now:"), and, taking the first three changes in the
    # page's order, left out the new notification, the change a reader most needs to see.
    vpn = next(e for e in parsed(feeds, "policy").entries if e.author == "Test PTA VPN page")
    assert vpn.summary == (
        "New document: Notification: VPN registration for PSEB-registered freelancers. "
        "Now: Freelancer | CNIC of the applicant (both sides); letter of authentication from the employer or client, or the PSEB registration certificate. "
        "Now: A fee applies when ten or more IP addresses are whitelisted."
    )
