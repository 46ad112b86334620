"""`monitor rejudge`: stored items judged again with the rules of now, their figures replaced
and every report of those figures linked again, without a digest that went out changing or
an item it did not miss being sent as late.

Real polls of a real HTTP server, a real archive, real sends to the outbox.
"""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_late_items import _feed

from monitor import pipeline
from monitor.cli import cli
from monitor.config import load_config
from monitor.digest import build_digest
from monitor.facts import relations
from monitor.mail import send_digest
from monitor.models import Fact
from monitor.rejudge import rejudge
from monitor.sitesrv import SiteServer, send
from monitor.store import Store

# (slug, title, published, teaser); every one in 2025-W34 but NEXT_WEEK (2025-W35)
DESK = ("desk-exports", "IT exports rise to $354 million in July", "Mon, 18 Aug 2025 10:00:00 +0500",
        "Pakistan's IT exports rose to $354 million in July, the State Bank said on Monday, as software houses "
        "and freelancers billed more clients abroad. Quarrytown bankers said the figure beat forecasts.")  # fmt: skip
WIRE = ("wire-exports", "IT exports climb to $354m in July: SBP", "Mon, 18 Aug 2025 16:00:00 +0500",
        "Information technology exports reached $354m in July, central bank data showed, with software and "
        "freelance services leading the rise in IT exports.")  # fmt: skip
VPN = ("vpn-portal", "PTA opens VPN registration portal for freelancers", "Thu, 21 Aug 2025 10:00:00 +0500",
       "The Pakistan Telecommunication Authority opened an online portal where freelancers can register the VPNs "
       "they use for client work, asking for a CNIC and the IP address of the connection.")  # fmt: skip
ZORBEX = ("zorbex", "Zorbex opens a Lahore office", "Wed, 20 Aug 2025 10:00:00 +0500",
          "Zorbex, a marketplace for remote design work, opened an office in Lahore on Wednesday and said it would "
          "hire fifty people by December.")  # fmt: skip
# just after midnight in Pakistan, the evening before in UTC: "September" is this September
MIDNIGHT = ("vpn-september", "VPN registrations reach 12,000 in September", "Mon, 01 Sep 2025 00:30:00 +0500",
            "The Pakistan Telecommunication Authority said 12,000 VPNs were registered in September by freelancers "
            "and software houses, counted from the portal's first hours.")  # fmt: skip
NEXT_WEEK = ("tax", "Freelancers get a tax break on IT export earnings", "Tue, 26 Aug 2025 10:00:00 +0500",
             "The Federal Board of Revenue cut the final tax on freelancers' IT export earnings to a quarter percent "
             "for those who receive payment through banks.")  # fmt: skip
ZORBEX_NEXT = ("zorbex-hires", "Zorbex hires its first Karachi team", "Wed, 27 Aug 2025 10:00:00 +0500",
               "Zorbex, the remote design marketplace, hired twenty people in Karachi on Wednesday, a month after "
               "opening its first office in the country.")  # fmt: skip


class World:
    def __init__(self, config_path: Path, store: Store, outbox: Path):
        self.config_path, self.store, self.outbox = config_path, store, outbox
        self.original = config_path.read_text(encoding="utf-8")
        self.entries: dict[str, list] = {"/desk.xml": [], "/wire.xml": []}

    @property
    def config(self):
        return load_config(self.config_path)

    def poll(self, **entries) -> None:
        for name, items in entries.items():
            self.entries[f"/{name}.xml"] = items
        pipeline.poll(self.config, self.store, force=True)

    def rules(self, *, exclude: str | None = None, freelancing_term: str | None = None) -> None:
        """Edit the watch list's rules: a relevance exclusion, a freelancing keyword."""
        text = self.original
        if exclude:
            text = text.replace("\n  exclude:\n", f"\n  exclude:\n    test_rule:\n      when: [{exclude}]\n", 1)
        if freelancing_term:
            text = text.replace("  freelancing:\n    label: Freelancing\n    keywords:\n", f"  freelancing:\n    label: Freelancing\n    keywords:\n      - {{term: {freelancing_term}, weight: 5}}\n", 1)
        assert text != self.original or not (exclude or freelancing_term)
        self.config_path.write_text(text, encoding="utf-8")

    def item(self, slug: str) -> dict:
        return next(self.store.db.query("SELECT * FROM items WHERE url LIKE ?", [f"%/news/{slug}"]))

    def facts(self, slug: str) -> list[dict]:
        return list(self.store.db.query("SELECT f.* FROM facts f JOIN items i ON i.id = f.item WHERE i.url LIKE ? ORDER BY f.id", [f"%/news/{slug}"]))


@pytest.fixture
def world(write_config, tmp_path):
    w: World
    with SiteServer(routes={p: (lambda p: lambda h: send(h, 200, _feed(w.entries[p], f"http://{h.headers['Host']}"), "application/rss+xml"))(p) for p in ("/desk.xml", "/wire.xml")}) as server:
        path = write_config(
            f"- name: Desk\n  url: {server.base}/desk.xml\n  full_text: false\n- name: Wire\n  url: {server.base}/wire.xml\n  full_text: false\n",
            extra="fetch:\n  host_delay: 0.0\n  retries: 0\n",
        )
        with Store(tmp_path / "monitor.db") as store:
            w = World(path, store, tmp_path / "outbox")
            yield w


def _plain(path: Path) -> str:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default).get_body(("plain",)).get_content()


def test_unchanged_rules_change_nothing(world):
    world.poll(desk=[DESK, VPN, ZORBEX, MIDNIGHT], wire=[WIRE])
    assert [f["period"] for f in world.facts("vpn-september")] == ["2025-09"]  # stored as 2025-08-31T19:30Z
    before = list(world.store.db.query("SELECT id, relevant, score, topics, rules, judged_at FROM items ORDER BY id"))
    facts = list(world.store.db.query("SELECT * FROM facts ORDER BY id"))
    summary = rejudge(world.config, world.store)
    assert summary.judged == 5 and summary.changes == []  # "September" read on the day it was published in Pakistan
    assert list(world.store.db.query("SELECT id, relevant, score, topics, rules, judged_at FROM items ORDER BY id")) == before
    assert list(world.store.db.query("SELECT * FROM facts ORDER BY id")) == facts


def test_an_item_no_longer_relevant_loses_its_figures_and_the_next_report_takes_their_place(world):
    world.poll(desk=[DESK])
    world.poll(wire=[WIRE])  # found later: it corroborates the desk's figure
    desk, wire = world.facts("desk-exports"), world.facts("wire-exports")
    assert [(f["value"], f["corroborates"]) for f in desk] == [(354, None)]
    assert [(f["value"], f["corroborates"]) for f in wire] == [(354, desk[0]["id"])]

    world.rules(exclude="Quarrytown")  # a word only the desk's report has
    summary = rejudge(world.config, world.store)
    assert [c.item for c in summary.changes] == [world.item("desk-exports")["id"]]
    item = world.item("desk-exports")
    assert item["relevant"] == 0 and "exclude:test_rule" in item["rules"] and item["judged_at"]
    assert world.facts("desk-exports") == []
    assert [(f["value"], f["corroborates"]) for f in world.facts("wire-exports")] == [(354, None)]  # the figure's report now

    world.rules()  # the rule taken out again: the desk's report is first again, as found
    rejudge(world.config, world.store)
    desk = world.facts("desk-exports")
    assert world.item("desk-exports")["relevant"] == 1
    assert [(f["value"], f["period"], f["corroborates"]) for f in desk] == [(354, "2025-07", None)]
    assert [f["corroborates"] for f in world.facts("wire-exports")] == [desk[0]["id"]]


def test_an_item_found_relevant_in_a_sent_week_is_not_sent_as_late(world):
    world.poll(desk=[VPN, ZORBEX])
    assert world.item("zorbex")["relevant"] == 0
    assert send_digest(world.store, world.config, "2025-W34", outbox=world.outbox).status == "written"

    world.rules(freelancing_term="Zorbex")
    summary = rejudge(world.config, world.store)
    assert [c.line().split("  ")[1] for c in summary.changes] == ["now relevant (score 0 -> 20), topics +freelancing, rules +freelancing:title:Zorbex +freelancing:body:Zorbex"]
    assert summary.counts()["in sent weeks"] == 1
    assert world.item("zorbex")["relevant"] == 1

    world.poll(desk=[VPN, ZORBEX, NEXT_WEEK, ZORBEX_NEXT])  # the next week, one Zorbex story in it
    assert send_digest(world.store, world.config, "2025-W35", outbox=world.outbox).status == "written"
    w35 = _plain(world.outbox / "digest-2025-W35.eml")
    assert NEXT_WEEK[1] in w35 and ZORBEX_NEXT[1] in w35  # judged by the new rules as it arrived
    assert ZORBEX[1] not in w35 and "LATE FROM EARLIER WEEKS" not in w35  # W34's digest did not miss it: the rules did
    assert ZORBEX[1] in [s.title for g in build_digest(world.store, world.config, "2025-W34").groups for s in g.stories]  # a resend would tell it


def test_an_item_stored_after_its_weeks_digest_and_found_relevant_later_is_still_late(world):
    world.poll(desk=[VPN])
    send_digest(world.store, world.config, "2025-W34", outbox=world.outbox)
    # the digest went out a minute before the next poll (times are kept to the second)
    world.store.db.execute("UPDATE digests SET started_at = datetime(started_at, '-60 seconds'), sent_at = datetime(sent_at, '-60 seconds')")
    world.poll(desk=[VPN, ZORBEX])  # stored after W34's digest, not relevant then
    world.rules(freelancing_term="Zorbex")
    rejudge(world.config, world.store)
    assert [s.title for s in build_digest(world.store, world.config, "2025-W35").late] == [ZORBEX[1]]  # no digest had it


def test_a_dry_run_lists_the_changes_and_writes_nothing(world, tmp_path):
    world.poll(desk=[DESK, VPN, ZORBEX])
    world.rules(freelancing_term="Zorbex", exclude="Quarrytown")
    args = ["--config", str(world.config_path), "--db", str(world.store.path), "rejudge"]
    before = list(world.store.db.query("SELECT * FROM items ORDER BY id"))
    result = CliRunner().invoke(cli, [*args, "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # each line names the source, and the score and rules that decided
    assert "2025-W34  no longer relevant (score 16), figures 1 -> 0, rules +exclude:test_rule  Desk: IT exports rise to $354 million in July" in lines
    assert "2025-W34  now relevant (score 0 -> 20), topics +freelancing, rules +freelancing:title:Zorbex +freelancing:body:Zorbex  Desk: Zorbex opens a Lahore office" in lines
    assert lines[-1] == "Judged 3 items again: 2 would change (1 now relevant, 1 no longer relevant, 1 with other topics, 1 with other figures (0 added, 1 removed)). Nothing was written (--dry-run)."
    assert list(world.store.db.query("SELECT * FROM items ORDER BY id")) == before
    assert world.store.db.execute("SELECT count(*) FROM runs WHERE job = 'rejudge'").fetchone()[0] == 0

    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["Judged 3 items again: 2 changed (1 now relevant, 1 no longer relevant, 1 with other topics, 1 with other figures (0 added, 1 removed))."]
    assert "judged 3 of 3 items" in result.stderr
    assert world.item("zorbex")["relevant"] == 1 and world.item("desk-exports")["relevant"] == 0
    assert world.store.db.execute("SELECT outcome FROM runs WHERE job = 'rejudge'").fetchone()[0] == "ok"
    again = CliRunner().invoke(cli, args)
    assert again.stdout.splitlines() == ["Judged 3 items again: none changed."]


def test_a_dry_run_tells_how_a_score_moved_when_relevance_did_not(world):
    """A keyword added for items that were relevant already moves only their scores: the
    line says from what to what and by which rules, and the count says how many, rather
    than one "score or rules" line per item that tells nothing."""
    world.poll(desk=[VPN], wire=[WIRE])
    world.rules(freelancing_term="central bank")  # only in the wire's report, not in the VPN story
    args = ["--config", str(world.config_path), "--db", str(world.store.path), "rejudge", "--dry-run"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines
    week, what, title = lines[0].split("  ")
    assert (week, title) == ("2025-W34", "Wire: " + WIRE[1])
    assert what.startswith("score ") and " -> " in what and ", rules +freelancing:body:central bank" in what, what
    assert "score or rules" not in what
    assert lines[-1] == "Judged 2 items again: 1 would change (1 with other scores or rules only). Nothing was written (--dry-run)."


def test_since_judges_only_the_items_published_from_that_day(world):
    world.poll(desk=[ZORBEX, ZORBEX_NEXT])
    world.rules(freelancing_term="Zorbex")
    summary = rejudge(world.config, world.store, since="2025-08-25")
    assert summary.judged == 1
    assert (world.item("zorbex")["relevant"], world.item("zorbex-hires")["relevant"]) == (0, 1)


def test_the_command_refuses_a_date_it_cannot_read_and_an_archive_that_is_not_there(world, tmp_path):
    result = CliRunner().invoke(cli, ["--config", str(world.config_path), "--db", str(world.store.path), "rejudge", "--since", "last week"])
    assert result.exit_code == 2 and "'last week' is not a date such as 2025-08-18" in result.output
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli, ["--config", str(world.config_path), "--db", str(missing), "rejudge"])
    assert result.exit_code != 0 and str(missing) in result.output and not missing.exists()


def test_relations_replay_the_reports_of_a_figure_in_the_order_found() -> None:
    def f(value: float, published: str) -> Fact:
        return Fact("it_exports_monthly", "2025-07", value, "USD_million", "", published)

    assert relations([(1, f(354, "2025-08-18")), (2, f(354.5, "2025-08-18")), (3, f(360, "2025-08-20")), (4, f(360, "2025-08-21"))]) == {
        1: None,
        2: ("corroborates", 1),
        3: ("revises", 1),  # more than 1% and at most 3% above: a revision of the first report
        4: ("corroborates", 3),
    }
    # without the first report, the second is the figure: a corroborating report is never one
    assert relations([(2, f(354.5, "2025-08-18")), (3, f(360, "2025-08-20"))]) == {2: None, 3: ("revises", 2)}
