"""The weekly digest: grouping by topic, both formats, escaping."""

from __future__ import annotations

from monitor import pipeline
from monitor.digest import build_digest, render_html, render_text, write_digest
from monitor.models import Item
from monitor.store import item_id


def item(n, title, topics, published="2025-08-19T05:00:00+00:00", relevant=True, **kw):
    url = f"https://example.com/{n}"
    return Item(id=item_id(url), source=kw.pop("source", "Test Daily"), url=url, canonical_url=url, title=title, summary=kw.pop("summary", "A short teaser."), published=published, fetched_at=published, topics=tuple(topics), relevant=relevant, score=kw.pop("score", 1.0))


def save(store, config, items):
    store.save_items(items, week_of=lambda p, f: __import__("monitor.weeks").weeks.iso_week(p or f, config.tz))


def test_groups_by_main_topic_in_config_order(store, site_config):
    save(store, site_config, [
        item(1, "Freelancers earn more", ["freelancing"]),
        item(2, "VPN rules change", ["vpn_internet", "freelancing"]),
        item(3, "IT exports rise", ["it_exports"]),
        item(4, "Irrelevant cricket", [], relevant=False),
        item(5, "Last week's story", ["freelancing"], published="2025-08-10T05:00:00+00:00"),
    ])
    d = build_digest(store, site_config, "2025-W34")
    by_topic = {g.id: [s.title for s in g.stories] for g in d.groups}
    assert by_topic == {"freelancing": ["Freelancers earn more"], "vpn_internet": ["VPN rules change"], "it_exports": ["IT exports rise"]}
    order = [g.id for g in d.groups]
    assert order == sorted(order, key=list(site_config.topics).index)
    assert d.story_count == 3


def test_week_uses_karachi_time(store, site_config):
    # Sunday 20:00 UTC is Monday 01:00 in Karachi: the next week there.
    save(store, site_config, [item(1, "Late Sunday in UTC", ["freelancing"], published="2025-08-24T20:00:00+00:00")])
    assert build_digest(store, site_config, "2025-W34").story_count == 0
    assert build_digest(store, site_config, "2025-W35").story_count == 1


def test_html_escapes_titles(store, site_config):
    save(store, site_config, [item(1, "<script>alert('x')</script> VPN & firewall", ["vpn_internet"], summary="<b>bold</b> claim")])
    d = build_digest(store, site_config, "2025-W34")
    html = render_html(d)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; VPN &amp; firewall" in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    text = render_text(d)
    assert "<script>alert('x')</script> VPN & firewall" in text


def test_empty_week_still_renders(store, site_config, tmp_path):
    d = build_digest(store, site_config, "2025-W01")
    html_path, text_path = write_digest(d, tmp_path)
    assert "No relevant stories" in html_path.read_text()
    assert text_path.name == "digest-2025-W01.txt"


def test_digest_after_a_real_poll(store, site_config, tmp_path):
    pipeline.poll(site_config, store)
    d = build_digest(store, site_config, "2025-W34")
    titles = [s.title for g in d.groups for s in g.stories]
    assert "PTA sets deadline for VPN registration by freelancers" in titles
    assert "Cricket board names squad for the tri-series" not in titles
