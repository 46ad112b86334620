"""Late items reach a digest: an item stored after its week's digest went out is carried by the
next digest sent, in "Late from earlier weeks", and by no other.

Real polls of a real HTTP server whose feeds change between polls, real sends to the outbox.
"""

from __future__ import annotations

import email
import sqlite3
from email import policy
from pathlib import Path

import pytest

from monitor import pipeline
from monitor.config import load_config
from monitor.digest import build_digest
from monitor.mail import send_digest
from monitor.sitesrv import SiteServer, send
from monitor.store import Store

# (slug, title, published, teaser): the week of each is its week in Pakistan time.
ON_TIME = ("vpn-portal", "PTA opens VPN registration portal for freelancers", "Thu, 21 Aug 2025 10:00:00 +0500",  # 2025-W34
           "The Pakistan Telecommunication Authority opened an online portal where freelancers can register the VPNs they use for client work, "
           "asking for a CNIC and the IP address of the connection.")  # fmt: skip
LATE = ("sunday-night", "PTA extends VPN registration deadline for freelancers", "Sun, 24 Aug 2025 23:30:00 +0500",  # 2025-W34, fetched after its send
        "Late on Sunday the regulator moved the deadline by a month after freelancer associations in Lahore and Karachi "
        "complained that smaller cities had not been told of the rule.")  # fmt: skip
NEXT_WEEK = ("freelancer-tax", "Freelancers get a tax break on IT export earnings", "Tue, 26 Aug 2025 10:00:00 +0500",  # 2025-W35
             "The Federal Board of Revenue cut the final tax on freelancers' IT export earnings to a quarter percent "
             "for those who receive payment through banks.")  # fmt: skip
LATE_REPRINT = ("vpn-portal-copy", ON_TIME[1], "Thu, 21 Aug 2025 11:00:00 +0500", ON_TIME[3])  # a late copy of a story already sent
OLD = ("old-rule", "PTA first asked freelancers to register VPNs", "Tue, 05 Aug 2025 10:00:00 +0500",  # 2025-W32: too old to be news
       "Three weeks earlier the regulator first asked freelancers and software houses to register their VPNs, "
       "saying unregistered connections would be blocked.")  # fmt: skip


def _feed(entries, base: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}/news/{slug}</link><guid>{base}/news/{slug}</guid>"
        f"<pubDate>{when}</pubDate><description>{teaser}</description></item>"
        for slug, title, when, teaser in entries
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Desk</title><link>{base}/</link><description>x</description>{items}</channel></rss>'.encode()


class Feeds:
    """Two feeds whose items the test sets between polls."""

    def __init__(self):
        self.entries = {"/desk.xml": [], "/wire.xml": []}

    def route(self, path: str):
        return lambda h: send(h, 200, _feed(self.entries[path], f"http://{h.headers['Host']}"), "application/rss+xml")


def _sent_text(path: Path) -> str:
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    return msg.get_body(("plain",)).get_content()


@pytest.fixture
def world(write_config, tmp_path):
    feeds = Feeds()
    with SiteServer(routes={p: feeds.route(p) for p in feeds.entries}) as server:
        config = load_config(write_config(
            f"- name: Desk\n  url: {server.base}/desk.xml\n  full_text: false\n- name: Wire\n  url: {server.base}/wire.xml\n  full_text: false\n",
            extra="fetch:\n  host_delay: 0.0\n  retries: 0\n",
        ))  # fmt: skip
        with Store(tmp_path / "monitor.db") as store:
            yield feeds, config, store, tmp_path / "outbox"


def test_an_item_stored_after_its_weeks_digest_reaches_the_next_one_once(world):
    feeds, config, store, outbox = world
    feeds.entries["/desk.xml"] = [ON_TIME]
    pipeline.poll(config, store, force=True)
    assert send_digest(store, config, "2025-W34", outbox=outbox).status == "written"
    w34 = _sent_text(outbox / "digest-2025-W34.eml")
    assert ON_TIME[1] in w34 and "LATE FROM EARLIER WEEKS" not in w34

    # after the send: the Sunday-night item, a copy of a story already sent, one of the new week, an old one
    feeds.entries["/desk.xml"] = [ON_TIME, LATE, NEXT_WEEK, OLD]
    feeds.entries["/wire.xml"] = [LATE_REPRINT]
    pipeline.poll(config, store, force=True)
    weeks = dict(store.db.execute("SELECT url, week FROM items").fetchall())
    assert {u.rsplit("/", 1)[1]: w for u, w in weeks.items()} == {"vpn-portal": "2025-W34", "sunday-night": "2025-W34", "freelancer-tax": "2025-W35", "vpn-portal-copy": "2025-W34", "old-rule": "2025-W32"}

    assert send_digest(store, config, "2025-W35", outbox=outbox).status == "written"
    w35 = _sent_text(outbox / "digest-2025-W35.eml")
    assert NEXT_WEEK[1] in w35
    assert LATE[1] in w35
    late_part = w35[w35.index("LATE FROM EARLIER WEEKS"):]
    assert LATE[1] in late_part and "Sun 24 Aug 2025" in late_part
    assert ON_TIME[1] not in w35  # its story reached the readers last week; the late copy is not repeated
    assert OLD[1] not in w35  # three weeks before: archive, not news
    assert [s.title for s in build_digest(store, config, "2025-W35").late] == [LATE[1]]  # as sent

    assert send_digest(store, config, "2025-W36", outbox=outbox).status == "written"
    w36 = _sent_text(outbox / "digest-2025-W36.eml")
    assert LATE[1] not in w36 and "LATE FROM EARLIER WEEKS" not in w36

    # every relevant item of the last weeks reached exactly one digest
    carried = dict(store.db.execute("SELECT i.url, d.week FROM digest_items d JOIN items i ON i.id = d.item").fetchall())
    assert {u.rsplit("/", 1)[1]: w for u, w in carried.items()} == {"vpn-portal": "2025-W34", "sunday-night": "2025-W35", "freelancer-tax": "2025-W35", "vpn-portal-copy": "2025-W35"}


def test_a_forced_resend_keeps_what_the_week_carried(world):
    feeds, config, store, outbox = world
    feeds.entries["/desk.xml"] = [ON_TIME]
    pipeline.poll(config, store, force=True)
    send_digest(store, config, "2025-W34", outbox=outbox)
    feeds.entries["/desk.xml"] = [ON_TIME, LATE, NEXT_WEEK]
    pipeline.poll(config, store, force=True)
    send_digest(store, config, "2025-W35", outbox=outbox)
    again = send_digest(store, config, "2025-W35", outbox=outbox / "again", force=True)
    assert again.status == "written"
    assert LATE[1] in _sent_text(again.path)
    carried = store.db.execute("SELECT d.week, count(*) FROM digest_items d GROUP BY d.week ORDER BY d.week").fetchall()
    assert carried == [("2025-W34", 1), ("2025-W35", 2)]


def test_a_failed_send_carries_nothing(world):
    feeds, config, store, outbox = world
    feeds.entries["/desk.xml"] = [ON_TIME]
    pipeline.poll(config, store, force=True)
    blocked = outbox.parent / "not-a-folder"
    blocked.write_text("x")
    assert send_digest(store, config, "2025-W34", outbox=blocked).status == "failed"
    assert store.db.execute("SELECT count(*) FROM digest_items").fetchone()[0] == 0
    assert send_digest(store, config, "2025-W34", outbox=outbox).status == "written"
    assert store.db.execute("SELECT count(*) FROM digest_items").fetchone()[0] == 1


def test_an_item_can_be_carried_by_one_digest_only(world):
    _, _, store, _ = world
    conn = sqlite3.connect(store.path)
    conn.execute("INSERT INTO digest_items (item, week, late) VALUES ('x', '2025-W34', 0)")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO digest_items (item, week, late) VALUES ('x', '2025-W35', 1)")
    conn.close()
