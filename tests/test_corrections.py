"""`monitor correct`: an editor's correction of a figure read wrongly, kept in the archive
with who made it, when and why, shown by `monitor facts`, the digest and Datasette's tables,
kept through `monitor rejudge`, and undone.

Real polls of a real HTTP server, a real archive.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from test_rejudge import DESK, NEXT_WEEK, VPN, WIRE, ZORBEX, _plain, world  # noqa: F401  (the fixture)

from monitor.cli import cli
from monitor.corrections import valid_period
from monitor.mail import send_digest
from monitor.rejudge import rejudge


def _run(world, *args: str):  # noqa: F811
    return CliRunner().invoke(cli, ["--config", str(world.config_path), "--db", str(world.store.path), *args])


def test_a_corrected_figure_is_shown_so_kept_through_rejudge_and_undone(world, tmp_path):  # noqa: F811
    world.poll(desk=[DESK])
    [fact] = world.facts("desk-exports")
    assert (fact["series"], fact["period"], fact["value"]) == ("it_exports_monthly", "2025-07", 354)

    result = _run(world, "correct", "figure", str(fact["id"]), "--period", "2025-06", "--value", "338", "--reason", "the $354m is July's; June was $338m", "--by", "ayesha")
    assert result.exit_code == 0, result.output
    assert "correction #1: it_exports_monthly 2025-07 354 -> 2025-06 338, by ayesha at " in result.output
    [fixed] = world.facts("desk-exports")
    assert (fixed["id"], fixed["period"], fixed["period_key"], fixed["value"], fixed["corrected"]) == (fact["id"], "2025-06", "2025-06", 338, 1)

    listed = _run(world, "facts", "--series", "it_exports_monthly").output
    assert "2025-06" in listed and "[corrected #1: the $354m is July's; June was $338m]" in listed and "2025-07" not in listed
    assert "the $354m is July's" in _run(world, "facts", "--format", "csv").output
    [row] = world.store.db.query("SELECT * FROM corrections")
    assert (row["item"], row["period"], row["value"], row["new_period"], row["new_value"], row["made_by"], row["undone_at"]) == (fact["item"], "2025-07", 354, "2025-06", 338, "ayesha", None)

    result = _run(world, "digest", "--week", "2025-W34", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    text = " ".join((tmp_path / "out" / "digest-2025-W34.txt").read_text(encoding="utf-8").split())
    assert "IT & ITeS exports, month, Jun 2025: $338m" in text and "corrected by the editor: read as $354m for Jul 2025" in text
    assert "corrected by the editor (read as $354m for Jul 2025)" in (tmp_path / "out" / "digest-2025-W34.html").read_text(encoding="utf-8")

    # judged again with the same rules: nothing to change, the correction stands
    assert rejudge(world.config, world.store).changes == []
    # the item's figures written again (out, then in again): the correction is applied to them
    world.rules(exclude="Quarrytown")
    rejudge(world.config, world.store)
    assert world.facts("desk-exports") == []
    world.rules()
    rejudge(world.config, world.store)
    assert [(f["period"], f["value"], f["corrected"]) for f in world.facts("desk-exports")] == [("2025-06", 338, 1)]
    assert rejudge(world.config, world.store).changes == []

    result = _run(world, "correct", "undo", "1", "--by", "bilal", "--reason", "the article was right")
    assert result.exit_code == 0 and "correction #1 undone" in result.output
    assert [(f["period"], f["value"], f["corrected"]) for f in world.facts("desk-exports")] == [("2025-07", 354, None)]
    assert _run(world, "correct", "list").output.strip() == "no corrections in force"
    listed = _run(world, "correct", "list", "--all").output
    assert listed.startswith("#1 it_exports_monthly 2025-07 354 -> 2025-06 338, by ayesha") and "by bilal: the article was right]" in listed
    assert rejudge(world.config, world.store).changes == []
    result = _run(world, "correct", "undo", "1")
    assert result.exit_code == 2 and "correction #1 was undone at" in result.output


def test_a_dropped_figure_hands_its_place_to_the_next_report_and_comes_back_when_undone(world):  # noqa: F811
    world.poll(desk=[DESK])
    world.poll(wire=[WIRE])
    [desk], [wire] = world.facts("desk-exports"), world.facts("wire-exports")
    assert wire["corroborates"] == desk["id"]

    result = _run(world, "correct", "figure", str(desk["id"]), "--drop", "--reason", "a forecast, not the figure")
    assert result.exit_code == 0 and "it_exports_monthly 2025-07 354 dropped" in result.output
    assert world.facts("desk-exports") == []
    assert [(f["value"], f["corroborates"]) for f in world.facts("wire-exports")] == [(354, None)]
    assert rejudge(world.config, world.store).changes == []  # the dropped figure is not found again
    assert world.facts("desk-exports") == []

    assert _run(world, "correct", "undo", "1").exit_code == 0
    [desk] = world.facts("desk-exports")
    assert (desk["value"], desk["period"], desk["corrected"]) == (354, "2025-07", None)
    assert [f["corroborates"] for f in world.facts("wire-exports")] == [desk["id"]]


def test_a_figure_corrected_twice_is_corrected_from_its_reading_as_found(world):  # noqa: F811
    world.poll(desk=[DESK])
    [fact] = world.facts("desk-exports")
    assert _run(world, "correct", "figure", str(fact["id"]), "--period", "2025-06", "--reason", "June's").exit_code == 0
    assert _run(world, "correct", "figure", str(fact["id"]), "--value", "353", "--reason", "July's, rounded wrongly").exit_code == 0
    assert [(f["period"], f["value"], f["corrected"]) for f in world.facts("desk-exports")] == [("2025-07", 353, 2)]
    rows = list(world.store.db.query("SELECT id, period, value, undone_at IS NOT NULL AS undone, undo_reason FROM corrections ORDER BY id"))
    assert [(r["period"], r["value"], r["undone"], r["undo_reason"]) for r in rows] == [("2025-07", 354, 1, "corrected again"), ("2025-07", 354, 0, None)]


def test_the_command_refuses_what_it_cannot_do(world):  # noqa: F811
    world.poll(desk=[DESK])
    [fact] = world.facts("desk-exports")
    fid = str(fact["id"])
    result = _run(world, "correct", "figure", "999", "--drop", "--reason", "x")
    assert result.exit_code == 2 and "no figure #999 in the archive" in result.output
    result = _run(world, "correct", "figure", fid, "--reason", "x")
    assert result.exit_code == 2 and "--period, --value or --drop" in result.output
    result = _run(world, "correct", "figure", fid, "--drop", "--value", "3", "--reason", "x")
    assert result.exit_code == 2
    result = _run(world, "correct", "figure", fid, "--period", "July 2025", "--reason", "x")
    assert result.exit_code == 2 and "'July 2025' is not a period" in result.output
    result = _run(world, "correct", "figure", fid, "--value", "nan", "--reason", "x")
    assert result.exit_code == 2 and "finite" in result.output
    result = _run(world, "correct", "figure", fid, "--value", "3")
    assert result.exit_code == 2 and "--reason" in result.output
    result = _run(world, "correct", "undo", "7")
    assert result.exit_code == 2 and "no correction #7" in result.output
    assert list(world.store.db.query("SELECT * FROM corrections")) == []
    assert [(f["period"], f["value"]) for f in world.facts("desk-exports")] == [("2025-07", 354)]


def test_periods_are_checked_as_the_monitor_writes_them() -> None:
    for ok in ("2025-07", "2025", "FY2024-25", "FY2024-25:Q1", "FY2024-25:H2", "FY2024-25:Jul-Mar", "FY1999-00", ""):
        assert valid_period(ok), ok
    for bad in ("2025-13", "FY2024-26", "FY2024-25:Aug-Mar", "July 2025", "fy2024-25"):
        assert not valid_period(bad), bad


# a story the rules keep for its words ("IT exports", "freelancers", PSEB) that is about cricket
CRICKET = ("cricket-final", "PSEB IT exports XI win the freelancers cricket cup", "Tue, 19 Aug 2025 18:00:00 +0500",
           "The IT exports XI of software houses beat the freelancers team by six wickets in Lahore on Sunday. Pakistan "
           "Software Export Board staff cheered the IT team in the final over, and the captain thanked the groundsmen.")  # fmt: skip
CRICKET_WIRE = ("wire-cricket", "IT exports XI win freelancers cricket cup", "Tue, 19 Aug 2025 20:00:00 +0500", CRICKET[3])
CRICKET_LATER = ("cricket-again", "IT exports XI lift the freelancers cricket cup", "Wed, 20 Aug 2025 09:00:00 +0500", CRICKET[3])


def _digest_text(world, tmp_path, week: str = "2025-W34") -> str:  # noqa: F811
    result = _run(world, "digest", "--week", week, "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    return (tmp_path / "out" / f"digest-{week}.txt").read_text(encoding="utf-8")


def _stories_feed(world) -> str:  # noqa: F811
    return (Path(world.store.path).parent / "feeds" / "stories.atom").read_text(encoding="utf-8")


def test_a_story_not_relevant_leaves_the_digest_and_the_feeds_and_stays_out(world, tmp_path):  # noqa: F811
    world.poll(desk=[CRICKET, VPN], wire=[CRICKET_WIRE])
    desk, wire = world.item("cricket-final"), world.item("wire-cricket")
    assert desk["relevant"] == wire["relevant"] == 1
    [story] = {r[0] for r in world.store.db.execute("SELECT cluster_id FROM cluster_members WHERE item_id IN (?, ?)", [desk["id"], wire["id"]])}
    assert "cricket cup" in _digest_text(world, tmp_path) and "cricket cup" in _stories_feed(world)

    # the id of the wire's copy names the story too
    result = _run(world, "correct", "story", wire["id"], "--not-relevant", "--reason", "a cricket match, not IT", "--by", "ayesha")
    assert result.exit_code == 0, result.output
    assert f"correction #1: story {story} not relevant, by ayesha at " in result.output and ": a cricket match, not IT" in result.output
    assert "2 items, out of the digest and the feeds from now on" in result.output
    assert (world.item("cricket-final")["relevant"], world.item("wire-cricket")["relevant"]) == (0, 0)
    [row] = world.store.db.query("SELECT * FROM corrections")
    assert (row["kind"], row["item"], row["relevant"], row["quote"], row["made_by"], row["reason"]) == ("story", story, 0, CRICKET[1], "ayesha", "a cricket match, not IT")

    text = _digest_text(world, tmp_path)
    assert "cricket cup" not in text and "VPN registration portal" in text
    assert "cricket cup" not in _stories_feed(world)  # the feeds were rewritten by the command
    assert list(world.store.db.query("SELECT * FROM stories WHERE story = ?", [story])) == []  # Datasette's view
    listed = _run(world, "correct", "list").output
    assert listed.startswith(f"#1 story {story} not relevant, by ayesha") and f'"{CRICKET[1]}" (Desk)' in listed

    # rejudge does not put it back, nor does a reprint found later
    assert rejudge(world.config, world.store).changes == []
    world.poll(desk=[CRICKET, VPN, CRICKET_LATER])
    assert world.item("cricket-again")["relevant"] == 0
    assert "cricket cup" not in _digest_text(world, tmp_path) and "cricket cup" not in _stories_feed(world)
    assert rejudge(world.config, world.store).changes == []

    result = _run(world, "correct", "story", story, "--not-relevant", "--reason", "again")
    assert result.exit_code == 2 and "already marked not relevant by correction #1" in result.output
    result = _run(world, "correct", "undo", "1", "--by", "bilal", "--reason", "the league is sponsored by PSEB")
    assert result.exit_code == 0 and f"correction #1 undone: story {story} is judged by the rules again: 3 of 3 items relevant" in result.output
    assert "cricket cup" in _digest_text(world, tmp_path) and "cricket cup" in _stories_feed(world)
    assert _run(world, "correct", "list").output.strip() == "no corrections in force"
    assert rejudge(world.config, world.store).changes == []


def test_a_story_the_rules_left_out_is_put_in_and_kept_through_rejudge(world, tmp_path):  # noqa: F811
    world.poll(desk=[ZORBEX, VPN])
    zorbex = world.item("zorbex")
    assert zorbex["relevant"] == 0 and "Zorbex" not in _digest_text(world, tmp_path)

    result = _run(world, "correct", "story", zorbex["id"], "--relevant", "--reason", "a marketplace for freelancers opening here")
    assert result.exit_code == 0, result.output
    assert "1 item, in the digest and the feeds from now on (1 judged otherwise)" in result.output
    assert world.item("zorbex")["relevant"] == 1
    assert "Zorbex opens a Lahore office" in _digest_text(world, tmp_path) and "Zorbex opens a Lahore office" in _stories_feed(world)
    assert rejudge(world.config, world.store).changes == []
    assert world.item("zorbex")["relevant"] == 1

    # the other verdict replaces this one, which is marked undone
    assert _run(world, "correct", "story", zorbex["id"], "--not-relevant", "--reason", "on second thought, a design firm").exit_code == 0
    assert world.item("zorbex")["relevant"] == 0
    rows = list(world.store.db.query("SELECT relevant, undo_reason FROM corrections ORDER BY id"))
    assert [(r["relevant"], r["undo_reason"]) for r in rows] == [(1, "corrected again"), (0, None)]


def test_a_story_correction_refuses_what_it_cannot_do(world):  # noqa: F811
    world.poll(desk=[VPN])
    vpn = world.item("vpn-portal")["id"]
    result = _run(world, "correct", "story", "0123456789abcdef", "--not-relevant", "--reason", "x")
    assert result.exit_code == 2 and "no story or item '0123456789abcdef' in the archive" in result.output
    result = _run(world, "correct", "story", vpn, "--reason", "x")
    assert result.exit_code == 2 and "--not-relevant or --relevant" in result.output
    result = _run(world, "correct", "story", vpn, "--not-relevant")
    assert result.exit_code == 2 and "--reason" in result.output
    result = _run(world, "correct", "story", vpn, "--not-relevant", "--reason", "  ")
    assert result.exit_code == 2 and "say why" in result.output
    assert list(world.store.db.query("SELECT * FROM corrections")) == []
    assert world.item("vpn-portal")["relevant"] == 1


def _html(path: Path) -> str:
    import email
    from email import policy

    return email.message_from_bytes(path.read_bytes(), policy=policy.default).get_body(("html",)).get_content()


def test_the_next_digest_sent_tells_the_corrections_of_what_a_sent_one_said_once(world, tmp_path):  # noqa: F811
    world.poll(desk=[DESK, CRICKET, ZORBEX, VPN])
    desk = world.facts("desk-exports")[0]["id"]
    # made before the digest went out: the digest gives the figure as corrected, nothing to tell later
    assert _run(world, "correct", "figure", str(desk), "--value", "353", "--reason", "rounded wrongly").exit_code == 0
    assert send_digest(world.store, world.config, "2025-W34", outbox=world.outbox).status == "written"
    w34 = _plain(world.outbox / "digest-2025-W34.eml")
    assert "CORRECTIONS" not in w34 and "$353m" in w34 and "cricket cup" in w34

    # after it went out: the figure corrected again, the cricket story taken out, a story the
    # digest did not give put in (nothing a reader was told: not listed, but told as late news)
    assert _run(world, "correct", "figure", str(desk), "--period", "2025-06", "--value", "338", "--reason", "the $354m is July's; June was $338m").exit_code == 0
    assert _run(world, "correct", "story", world.item("cricket-final")["id"], "--not-relevant", "--reason", "a cricket match, not IT").exit_code == 0
    assert _run(world, "correct", "story", world.item("zorbex")["id"], "--relevant", "--reason", "a marketplace for freelancers").exit_code == 0

    preview = " ".join(_digest_text(world, tmp_path, "2025-W35").split())  # a preview tells them, and records nothing
    assert "CORRECTIONS" in preview and "It said: $353m for Jul 2025 It says now: $338m for Jun 2025" in preview
    assert [r["told_in"] for r in world.store.db.query("SELECT told_in FROM corrections")] == [None, None, None, None]

    world.poll(desk=[NEXT_WEEK])
    assert send_digest(world.store, world.config, "2025-W35", outbox=world.outbox).status == "written"
    text = " ".join(_plain(world.outbox / "digest-2025-W35.eml").split())
    section = text[text.index("CORRECTIONS"):text.index("LATE FROM EARLIER WEEKS")]
    assert "Zorbex opens a Lahore office" in text[text.index("LATE FROM EARLIER WEEKS"):text.index("SOURCE HEALTH")]  # told as late news
    assert "* IT & ITeS exports, month Desk, in the digest of 2025-W34 It said: $353m for Jul 2025 It says now: $338m for Jun 2025 Why: the $354m is July's; June was $338m" in section
    assert (f"* {CRICKET[1]} Desk, in the digest of 2025-W34 It said: a story for this digest"
            " It says now: not one for this digest: taken out Why: a cricket match, not IT") in section  # fmt: skip
    assert "Zorbex" not in section and "rounded wrongly" not in section
    html = _html(world.outbox / "digest-2025-W35.eml")
    assert ">Corrections</h2>" in html and "It says now: <b>$338m for Jun 2025</b>" in html and "It said: $353m for Jul 2025" in html
    told = {r["reason"]: r["told_in"] for r in world.store.db.query("SELECT reason, told_in FROM corrections")}
    assert told == {"rounded wrongly": None, "the $354m is July's; June was $338m": "2025-W35", "a cricket match, not IT": "2025-W35", "a marketplace for freelancers": None}

    # told once: the next digest has no such section; a resend of the week tells them again
    assert send_digest(world.store, world.config, "2025-W36", outbox=world.outbox).status == "written"
    assert "CORRECTIONS" not in _plain(world.outbox / "digest-2025-W36.eml")
    assert send_digest(world.store, world.config, "2025-W35", outbox=world.outbox, force=True).status == "written"
    assert "It says now: $338m for Jun 2025" in " ".join(_plain(world.outbox / "digest-2025-W35.eml").split())
    assert world.store.db.execute("SELECT count(*) FROM corrections WHERE told_in = '2025-W35'").fetchone()[0] == 2


def test_a_correction_undone_before_the_next_digest_is_not_told(world):  # noqa: F811
    world.poll(desk=[DESK, VPN])
    assert send_digest(world.store, world.config, "2025-W34", outbox=world.outbox).status == "written"
    desk = world.facts("desk-exports")[0]["id"]
    assert _run(world, "correct", "figure", str(desk), "--drop", "--reason", "a forecast").exit_code == 0
    assert _run(world, "correct", "undo", "1", "--reason", "it was the figure").exit_code == 0
    assert send_digest(world.store, world.config, "2025-W35", outbox=world.outbox).status == "written"
    assert "CORRECTIONS" not in _plain(world.outbox / "digest-2025-W35.eml")


def test_a_correction_told_and_then_undone_is_told_withdrawn_once(world):  # noqa: F811
    """The readers were told of a correction; the editor undoes it: the next digest tells them
    it is withdrawn, the figure as the report gives it (or the story back), and why. Told once;
    a correction replaced by a newer one is told as that one, not as withdrawn."""
    world.poll(desk=[DESK, CRICKET, VPN])
    assert send_digest(world.store, world.config, "2025-W34", outbox=world.outbox).status == "written"
    desk = world.facts("desk-exports")[0]["id"]
    assert _run(world, "correct", "figure", str(desk), "--period", "2025-06", "--value", "338", "--reason", "June's, not July's").exit_code == 0
    assert _run(world, "correct", "story", world.item("cricket-final")["id"], "--not-relevant", "--reason", "a cricket match, not IT").exit_code == 0
    world.poll(desk=[NEXT_WEEK])
    assert send_digest(world.store, world.config, "2025-W35", outbox=world.outbox).status == "written"
    assert "It says now: $338m for Jun 2025" in " ".join(_plain(world.outbox / "digest-2025-W35.eml").split())

    assert _run(world, "correct", "undo", "1", "--reason", "SBP's release says July after all").exit_code == 0
    assert _run(world, "correct", "undo", "2", "--reason", "the league is PSEB's").exit_code == 0
    assert send_digest(world.store, world.config, "2025-W36", outbox=world.outbox).status == "written"
    text = " ".join(_plain(world.outbox / "digest-2025-W36.eml").split())
    section = text[text.index("CORRECTIONS"):text.index("SOURCE HEALTH")]
    assert ("* IT & ITeS exports, month Desk, in the digest of 2025-W35: a correction, now withdrawn It said: $338m for Jun 2025"
            " It says now: $354m for Jul 2025, as the report gives it: the correction is withdrawn Why: SBP's release says July after all") in section  # fmt: skip
    assert (f"* {CRICKET[1]} Desk, in the digest of 2025-W35: a correction, now withdrawn It said: not one for this digest: taken out"
            " It says now: a story for this digest again: the correction is withdrawn Why: the league is PSEB's") in section  # fmt: skip
    html = _html(world.outbox / "digest-2025-W36.eml")
    assert "in the digest of 2025-W35: a correction, now withdrawn" in html
    told = {r["id"]: (r["told_in"], r["undo_told_in"]) for r in world.store.db.query("SELECT id, told_in, undo_told_in FROM corrections")}
    assert told == {1: ("2025-W35", "2025-W36"), 2: ("2025-W35", "2025-W36")}
    # told once; a resend of the week tells it again
    assert send_digest(world.store, world.config, "2025-W37", outbox=world.outbox).status == "written"
    assert "CORRECTIONS" not in _plain(world.outbox / "digest-2025-W37.eml")
    assert send_digest(world.store, world.config, "2025-W36", outbox=world.outbox, force=True).status == "written"
    assert "now withdrawn" in _plain(world.outbox / "digest-2025-W36.eml")


def test_a_told_correction_replaced_by_a_newer_one_is_told_as_that_one_not_withdrawn(world):  # noqa: F811
    world.poll(desk=[DESK, VPN])
    assert send_digest(world.store, world.config, "2025-W34", outbox=world.outbox).status == "written"
    desk = world.facts("desk-exports")[0]["id"]
    assert _run(world, "correct", "figure", str(desk), "--value", "353", "--reason", "rounded wrongly").exit_code == 0
    world.poll(desk=[NEXT_WEEK])
    assert send_digest(world.store, world.config, "2025-W35", outbox=world.outbox).status == "written"
    assert _run(world, "correct", "figure", str(desk), "--value", "352", "--reason", "rounded wrongly again").exit_code == 0
    assert send_digest(world.store, world.config, "2025-W36", outbox=world.outbox).status == "written"
    text = " ".join(_plain(world.outbox / "digest-2025-W36.eml").split())
    assert "It says now: $352m for Jul 2025" in text and "withdrawn" not in text


def test_a_correction_that_no_longer_matches_a_figure_the_rules_read_is_flagged(world):  # noqa: F811
    world.poll(desk=[DESK])
    [fact] = world.facts("desk-exports")
    result = _run(world, "correct", "figure", str(fact["id"]), "--value", "338", "--reason", "a slip: the release says $338m")
    assert result.exit_code == 0, result.output
    listed = _run(world, "correct", "list").output
    assert "#1 it_exports_monthly 2025-07 354 -> 2025-07 338" in listed and "no longer matches" not in listed

    # the rules of the day the correction was made read the sentence otherwise (as of another
    # month); the rules of now do not give that figure, so the correction names nothing
    world.store.db.execute("UPDATE corrections SET period = '2025-06' WHERE id = 1")
    world.store.db.conn.commit()
    listed = _run(world, "correct", "list").output
    assert "! no longer matches a figure the rules read in this item" in listed, listed
    assert rejudge(world.config, world.store).changes  # and rejudge no longer applies it
    assert [(f["period"], f["value"], f["corrected"]) for f in world.facts("desk-exports")] == [("2025-07", 354, None)]

    # an item the rules now leave out gives no figure at all: flagged too; undone, no longer listed
    world.store.db.execute("UPDATE corrections SET period = '2025-07' WHERE id = 1")
    world.store.db.conn.commit()
    world.rules(exclude="Quarrytown")
    assert "! no longer matches" in _run(world, "correct", "list").output
    assert _run(world, "correct", "undo", "1", "--reason", "the report is out").exit_code == 0
    assert "no longer matches" not in _run(world, "correct", "list", "--all").output


def test_a_story_put_in_after_its_weeks_digest_went_out_is_told_late_by_the_next(world):  # noqa: F811
    """The editor puts in a story its week's digest went out without: the readers should have
    had it, so the next digest tells it under "Late from earlier weeks" (a story the rules
    find relevant under new rules is not sent late: the digest did not miss it, the rules did).
    The command says which digest will tell it."""
    world.poll(desk=[ZORBEX, VPN])
    assert send_digest(world.store, world.config, "2025-W34", outbox=world.outbox).status == "written"
    zorbex = world.item("zorbex")
    result = _run(world, "correct", "story", zorbex["id"], "--relevant", "--reason", "a marketplace for freelancers opening here")
    assert result.exit_code == 0, result.output
    assert 'the digest of 2025-W34 went out without it: the digest of 2025-W35 tells it under "Late from earlier weeks"' in result.output

    world.poll(desk=[ZORBEX, VPN, NEXT_WEEK])
    assert send_digest(world.store, world.config, "2025-W35", outbox=world.outbox).status == "written"
    w35 = _plain(world.outbox / "digest-2025-W35.eml")
    late = w35.split("LATE FROM EARLIER WEEKS", 1)[1]
    assert ZORBEX[1] in late and "put in by the editor" in late
    assert ZORBEX[1] not in w35.split("LATE FROM EARLIER WEEKS", 1)[0]
    # carried once: the digest after does not tell it again, and the command has nothing to add
    assert _run(world, "correct", "undo", "1", "--reason", "checking").exit_code == 0
    result = _run(world, "correct", "story", zorbex["id"], "--relevant", "--reason", "a marketplace for freelancers opening here")
    assert result.exit_code == 0 and "went out without it" not in result.output


def test_a_story_put_in_and_taken_back_before_the_next_digest_is_not_told_late(world):  # noqa: F811
    world.poll(desk=[ZORBEX, VPN])
    send_digest(world.store, world.config, "2025-W34", outbox=world.outbox)
    zorbex = world.item("zorbex")
    assert _run(world, "correct", "story", zorbex["id"], "--relevant", "--reason", "a marketplace for freelancers").exit_code == 0
    assert _run(world, "correct", "undo", "1", "--reason", "not ours after all").exit_code == 0
    world.poll(desk=[ZORBEX, VPN, NEXT_WEEK])
    send_digest(world.store, world.config, "2025-W35", outbox=world.outbox)
    assert ZORBEX[1] not in _plain(world.outbox / "digest-2025-W35.eml")


def test_the_command_says_when_no_digest_to_come_reaches_back_to_the_storys_week(world):  # noqa: F811
    world.poll(desk=[ZORBEX, VPN])
    for week in ("2025-W34", "2025-W35", "2025-W36"):
        world.store.set_digest(week, status="sent", sent_at="2025-09-08T03:00:00Z")
    result = _run(world, "correct", "story", world.item("zorbex")["id"], "--relevant", "--reason", "a marketplace for freelancers")
    assert result.exit_code == 0, result.output
    assert "the digest of 2025-W34 went out without it: no digest to come tells it (a digest tells the late stories of the 2 weeks before its own)" in result.output
