"""OPML: the configured feeds out for a feed reader (`monitor sources list --format opml`), and
a reader's subscriptions in (`monitor sources import`, which prints the entries to paste)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from monitor.config import load_config
from monitor.errors import MonitorError
from monitor.opml import plan_import, read_opml, to_opml

SOURCES = """
- name: Dawn - Business
  url: https://news.example.com/feeds/business
- name: Tech Desk
  url: https://tech.example.org/rss?section=it&lang=en
  topics: [it_exports]
- name: Old Feed
  url: https://old.example.com/rss
  enabled: false
- name: PTA notices
  url: https://pta.example.org/notices
  kind: watch
"""

READER_EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My reader</title></head>
  <body>
    <outline text="Pakistan">
      <outline type="rss" text="Dawn business" xmlUrl="HTTPS://NEWS.example.com/feeds/business/"/>
      <outline type="rss" text="Tech Desk" title="Tech Desk" xmlUrl="https://other.example.org/feed"/>
      <outline text="Blogs">
        <outline type="rss" title="فری لانسرز کی خبریں" text="x" xmlUrl="https://urdu.example.org/rss"/>
      </outline>
    </outline>
    <outline type="rss" text="Payments: weekly" xmlUrl="https://pay.example.com/feed" htmlUrl="https://pay.example.com/"/>
    <outline type="rss" text="Payments again" xmlUrl="https://pay.example.com/feed"/>
    <outline type="link" text="A page" url="https://example.com/"/>
    <outline type="rss" text="Local file" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>
"""


def monitor(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "monitor.cli", *args], capture_output=True, text=True, timeout=60, input=stdin)


def test_the_enabled_feeds_go_out_as_opml_that_reads_back(write_config):
    path = write_config(SOURCES)
    r = monitor("--config", str(path), "sources", "list", "--format", "opml")
    assert r.returncode == 0, r.stderr
    root = ET.fromstring(r.stdout.encode("utf-8"))
    assert root.tag == "opml" and root.get("version") == "2.0" and root.findtext("head/title")
    outlines = [(o.get("text"), o.get("xmlUrl"), o.get("type")) for o in root.iter("outline")]
    # (a disabled feed and a watched page are no feeds to follow; "&" in an address survives)
    assert outlines == [("Dawn - Business", "https://news.example.com/feeds/business", "rss"), ("Tech Desk", "https://tech.example.org/rss?section=it&lang=en", "rss")]
    again = read_opml(r.stdout.encode("utf-8"), "out.opml")
    assert [(s.title, s.url) for s in again] == [(t, u) for t, u, _ in outlines]


def test_an_import_prints_the_new_feeds_to_paste_and_names_those_already_watched(write_config, tmp_path):
    path = write_config(SOURCES)
    export = tmp_path / "reader.opml"
    export.write_text(READER_EXPORT, encoding="utf-8")
    r = monitor("--config", str(path), "sources", "import", str(export))
    assert r.returncode == 0, r.stderr
    # the same address, whatever its case or trailing slash, is the feed already watched
    assert "already watched as 'Dawn - Business': HTTPS://NEWS.example.com/feeds/business/" in r.stderr
    assert "3 new feeds printed (1 already watched)" in r.stderr
    # pasted under `sources:`, the entries make a config that loads, with every feed once
    text = path.read_text(encoding="utf-8").replace("sources:\n", "sources:\n" + r.stdout, 1)
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    added = {s.name: s.url for s in config.sources[:3]}
    assert added == {
        "Tech Desk (2)": "https://other.example.org/feed",  # a name taken gets a number
        "فری لانسرز کی خبریں": "https://urdu.example.org/rss",  # from a folder in a folder, by its title
        "Payments: weekly": "https://pay.example.com/feed",  # once, though listed twice
    }
    assert all(s.kind == "feed" for s in config.sources[:3])
    assert not any("passwd" in s.url or s.url == "https://example.com/" for s in config.sources)


def test_a_second_import_finds_nothing_new(write_config, tmp_path):
    path = write_config(SOURCES)
    exported = monitor("--config", str(path), "sources", "list", "--format", "opml").stdout
    r = monitor("--config", str(path), "sources", "import", "-", stdin=exported)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "" and "stdin: 2 feeds, none new to" in r.stderr


def test_an_install_moves_its_feeds_to_another():
    first = load_config(Path(__file__).resolve().parent.parent / "sources.yaml")
    feeds = [s for s in first.sources if s.kind == "feed" and s.enabled]
    plan = plan_import(read_opml(to_opml(first.sources), "first.opml"), [])
    assert [(name, sub.url) for name, sub in plan.new] == [(s.name, s.url) for s in feeds] and not plan.watched


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"<opml><body><outline text='x'></body></opml>", "line 1, column "),
        (b"<rss version='2.0'><channel/></rss>", "not an OPML file (its root is <rss>"),
        (b"not xml at all", "not well-formed XML"),
        # entities that would expand to gigabytes are never parsed
        (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://example.com/f"/></body></opml>', "declares a document type or entities"),
    ],
)
def test_a_file_that_is_no_opml_is_refused_with_a_reason(data, said):
    with pytest.raises(MonitorError) as caught:
        read_opml(data, "reader.opml")
    assert str(caught.value).startswith("reader.opml: ") and said in str(caught.value)


def test_the_import_command_refuses_a_broken_file_in_one_line(write_config, tmp_path):
    path = write_config(SOURCES)
    broken = tmp_path / "broken.opml"
    broken.write_bytes(b"<opml>\n<body>\n<outline text='x'>\n</body></opml>")
    r = monitor("--config", str(path), "sources", "import", str(broken))
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith(f"error: {broken}: line 4, column ") and "not well-formed XML" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_the_http_and_https_addresses_of_one_feed_are_one_feed(write_config, tmp_path):
    # readers keep whatever address was subscribed years ago: http: for a feed the watch list
    # has as https:, and both for a feed subscribed twice
    path = write_config(SOURCES)
    export = tmp_path / "reader.opml"
    export.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head/><body>
  <outline type="rss" text="Dawn" xmlUrl="http://news.example.com/feeds/business"/>
  <outline type="rss" text="ProPakistani" xmlUrl="http://www.pro.example.org/feed/"/>
  <outline text="Tech"><outline type="rss" text="ProPakistani (secure)" xmlUrl="https://www.pro.example.org/feed/"/></outline>
</body></opml>""",
        encoding="utf-8",
    )
    r = monitor("--config", str(path), "sources", "import", str(export))
    assert r.returncode == 0, r.stderr
    assert "already watched as 'Dawn - Business': http://news.example.com/feeds/business" in r.stderr
    assert "1 new feed printed (1 already watched)" in r.stderr
    # the feed listed twice is printed once, under its first title, at its https: address
    assert "name: ProPakistani\n" in r.stdout and "url: https://www.pro.example.org/feed/\n" in r.stdout
    assert "http://" not in r.stdout
    # pasted, the entries make a watch list that `sources check` finds no duplicate in
    path.write_text(path.read_text(encoding="utf-8").replace("sources:\n", "sources:\n" + r.stdout, 1), encoding="utf-8")
    check = monitor("--config", str(path), "sources", "check")
    assert check.returncode == 0 and "same address" not in check.stdout, check.stdout


def test_a_utf16_file_that_declares_entities_is_not_parsed_either():
    doc = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://example.com/f"/></body></opml>'
    for data in (doc.encode("utf-16"), doc.encode("utf-16-le"), doc.encode("utf-16-be")):
        with pytest.raises(MonitorError) as caught:
            read_opml(data, "reader.opml")
        assert "declares a document type or entities" in str(caught.value)
    # a UTF-16 export without them reads as the UTF-8 one does, its Urdu titles included
    plain = doc.replace('<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>', "").replace("&b;", "فری لانسرز")
    assert [(s.title, s.url) for s in read_opml(plain.encode("utf-16"), "reader.opml")] == [("فری لانسرز", "https://example.com/f")]


def test_addresses_left_out_are_named_and_feed_addresses_are_read(write_config, tmp_path):
    path = write_config(SOURCES)
    export = tmp_path / "reader.opml"
    export.write_text(
        """<opml version="2.0"><body>
  <outline type="rss" text="Old Safari" xmlUrl="feed://feeds.example.org/rss"/>
  <outline type="rss" text="NetNewsWire" xmlUrl="feed:https://secure.example.org/atom.xml"/>
  <outline type="rss" text="Local file" xmlUrl="file:///home/me/feed.xml"/>
  <outline type="rss" text="Podcast app" xmlUrl="pcast://pod.example.org/feed"/>
</body></opml>""",
        encoding="utf-8",
    )
    r = monitor("--config", str(path), "sources", "import", str(export))
    assert r.returncode == 0, r.stderr
    assert "url: http://feeds.example.org/rss\n" in r.stdout and "url: https://secure.example.org/atom.xml\n" in r.stdout
    # nothing is lost without a word: each feed left out is named
    assert "skipped, not an http: or https: address: file:///home/me/feed.xml" in r.stderr
    assert "skipped, not an http: or https: address: pcast://pod.example.org/feed" in r.stderr
    assert "2 new feeds printed" in r.stderr
