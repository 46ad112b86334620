"""Dedup on real-news shapes: no chaining through members, templated reports and roundups
kept apart, boilerplate learned per site, and events above stories (see the monitor.dedup docstring).

The texts are written for these tests: two satellite internet firms licensed by the PTA, a
Punjab training programme, a State Bank decision, a daily gold price report.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Iterator

import pytest

from monitor import dedup
from monitor.dedup import DedupInput, MemoryIndex, assign, fingerprint
from monitor.store import SqliteDedupIndex, Store

WIRE = (
    "ISLAMABAD: The Pakistan Telecommunication Authority on Tuesday issued provisional licences to two satellite "
    "internet companies, allowing them to offer broadband to homes and offices in areas that fibre does not reach. "
    "The regulator said the licences cover a trial period of twelve months, during which the firms must build ground "
    "stations inside the country and route all traffic through local gateways. "
    "Officials said the move was meant to help freelancers and small software houses in remote districts of "
    "Balochistan and Gilgit-Baltistan, where mobile data is slow and often suspended. "
    "The authority will review prices and service quality before granting full licences. "
    "Industry representatives welcomed the decision but asked for clarity on spectrum fees and import duties on terminals."
)
INTRO = "Freelancers in the north of the country may soon get a faster connection, officials said on Tuesday."
# the wire with a new first sentence, cut after its fourth sentence
REPRINT = INTRO + " " + " ".join(WIRE.split(". ")[:4]) + "."
# a brief built on the reprint's own first sentence: it shares that, and nothing with the wire
BRIEF = INTRO + " Users in Skardu told reporters they had waited years for a dependable line."
# the PTA decision as another newspaper wrote it itself: same facts and names, its own words and order
OWN_REPORT = (
    "Two satellite broadband firms can now start selling internet connections in Pakistan for a year on trial, "
    "after the telecom regulator granted them provisional licences on Tuesday. "
    "Software houses in Gilgit-Baltistan and Balochistan, where mobile data is often cut off, have long asked for an "
    "alternative, a PTA official told this newspaper. "
    "Under the terms, the companies must set up ground stations and local gateways in Pakistan, and full licences "
    "depend on a review of their prices and service quality. "
    "Importers of satellite terminals said duties were still unclear, as were the spectrum fees."
)
OTHER_WIRE = (
    "LAHORE: The Punjab government on Tuesday launched a programme to train forty thousand young people in digital "
    "marketing, graphic design and web development over the next two years. "
    "The provincial minister for information technology said classes would be held in university labs in the evenings "
    "and on weekends, and that the best trainees would receive laptops and help opening bank accounts for foreign payments. "
    "Registration opens next week on a government portal."
)
POLICY = (
    "The State Bank of Pakistan kept its policy rate unchanged at eleven percent, saying inflation was expected to stay "
    "within the target range. The central bank said the current account had remained in surplus for a third month and "
    "that reserves had crossed fourteen billion dollars. Analysts had expected the decision. "
    "Business chambers in Karachi and Lahore criticised the move, arguing that borrowing costs remain too high for "
    "exporters and manufacturers. The next monetary policy meeting is scheduled for the end of October."
)
GOLD_TUESDAY = (
    "KARACHI: Gold prices increased by Rs1,000 per tola on Tuesday in the local market, following the trend in the "
    "international market. The All Pakistan Sarafa Gems and Jewellers Association said gold was sold at Rs354,100 per tola. "
    "The price of 10 grams of gold rose by Rs857 to Rs303,583. In the international market gold gained $10 to $3,357 per ounce. "
    "Silver rose by Rs30 to Rs3,586 per tola, while 10 grams of silver rose by Rs26 to Rs3,074."
)
GOLD_WEDNESDAY = (
    "KARACHI: Gold prices decreased by Rs3,600 per tola on Wednesday in the local market, following the trend in the "
    "international market. The All Pakistan Sarafa Gems and Jewellers Association said gold was sold at Rs350,500 per tola. "
    "The price of 10 grams of gold fell by Rs3,086 to Rs300,497. In the international market gold lost $36 to $3,321 per ounce. "
    "Silver fell by Rs50 to Rs3,536 per tola, while 10 grams of silver fell by Rs43 to Rs3,031."
)
GOLD_UNCHANGED = (
    "KARACHI: Gold prices remained unchanged at Rs354,100 per tola on Wednesday in the local market, following the trend in the "
    "international market. The All Pakistan Sarafa Gems and Jewellers Association said gold was sold at Rs354,100 per tola. "
    "The price of 10 grams of gold stayed at Rs303,583. In the international market gold stood at $3,357 per ounce. "
    "Silver stayed at Rs3,586 per tola, while 10 grams of silver stayed at Rs3,074."
)
GOLD_REPRINT = GOLD_TUESDAY.replace("KARACHI: ", "").replace("following the trend in the international market", "in line with world prices")
TEASERS = "\n".join(
    (
        "Senate committee asks for report on load shedding in rural feeders",
        "Motorway tolls to rise from next month under revised schedule",
        "Rare plant found in northern valley after ninety years",
        "Cabinet approves new rules for procurement of medicines",
        "Cricket board names squad for the home series against visitors",
        "Heavy rain expected in upper parts of the country this week",
    )
)
# the PTA decision retold by another desk: the wire's names and terms in the wire's order, no
# phrase of it kept
PARAPHRASE = (
    "ISLAMABAD: Provisional permits went on Tuesday from the telecom authority to a pair of satellite internet "
    "providers, so that homes and offices beyond the reach of fibre can buy broadband. A twelve month trial applies, "
    "the regulator explained, and in that time each firm has to put up ground stations within Pakistan and send its "
    "traffic via domestic gateways. Remote districts of Balochistan and Gilgit-Baltistan, with slow and frequently "
    "suspended mobile data, are where freelancers and small software houses stand to gain, according to officials. "
    "Prices and quality of service will be checked by the authority ahead of full licences. Industry voices praised "
    "the step while seeking clarity over terminal import duties and spectrum fees."
)
# background a desk adds below a short State Bank handout
CONTEXT = (
    "The decision comes as the government prepares a budget that businesses hope will ease the tax burden on "
    "salaried workers and exporters. Over the past two years the central bank raised rates sharply to fight "
    "inflation that peaked near forty percent, before cutting them in a series of steps as prices cooled. "
    "Economists in Islamabad said further cuts would depend on oil prices, the exchange rate and the next "
    "review by the International Monetary Fund, whose loan programme requires tight money and a primary surplus. "
    "Textile mills in Faisalabad have closed several units this year, blaming expensive electricity and gas as "
    "much as the cost of credit. Small traders told reporters that banks still demand heavy collateral even "
    "when rates fall, so the benefit rarely reaches them. The finance ministry expects growth of about three "
    "percent this year, led by agriculture and a recovery in large scale manufacturing. Car assemblers reported "
    "that sales on instalments doubled after the last cut, and property dealers in Lahore said inquiries rose too. "
    "Remittances from workers abroad reached a record in the spring, easing pressure on the rupee."
)
URDU_EXPORTS = "اسٹیٹ بینک کے مطابق جولائی میں آئی ٹی برآمدات 35 کروڑ 40 لاکھ ڈالر رہیں جو گزشتہ سال کے اسی مہینے سے 24 فیصد زیادہ ہیں۔"
EXPORTS = "Pakistan's IT exports rose 24 percent to $354 million in July, according to State Bank data released on Monday."
JULY = "it_exports_monthly|2025-07|354|USD_million"
TUESDAY = "2025-08-19"


def item(id: str, text: str, hour: int = 9, *, day: str = TUESDAY, title: str | None = None, source: str | None = None, **fields) -> DedupInput:
    return DedupInput(id=id, title=title or f"Headline {id}", text=text, source=source or f"Daily {id}", published=f"{day}T{hour:02d}:00:00+00:00", complete=True, **fields)


@pytest.fixture(params=["memory", "sqlite"])
def index(request: pytest.FixtureRequest) -> Iterator[dedup.DedupIndex]:
    yield MemoryIndex() if request.param == "memory" else SqliteDedupIndex(Store(":memory:").db)


# --------------------------------------------------------------------------- no chaining


def test_an_item_joins_a_story_through_its_representatives_not_any_member(index: dedup.DedupIndex) -> None:
    wire, reprint, brief = item("wire", WIRE, 6, source="APP"), item("reprint", REPRINT, 8), item("brief", BRIEF, 10)
    assert dedup.reprint(fingerprint(brief), fingerprint(reprint), 7) is not None  # the brief is taken from the reprint...
    assert dedup.reprint(fingerprint(brief), fingerprint(wire), 7) is None  # ...and has nothing of the wire
    assert assign(wire, index) == assign(reprint, index) == "wire"
    assert assign(brief, index) == "brief"  # the story is the wire's: it does not chain on to the brief
    assert [r.fingerprint.id for r in dedup.representatives(index.cluster("wire"), index)] == ["wire"]


def test_two_stories_merge_only_when_their_representatives_match(index: dedup.DedupIndex) -> None:
    both = " ".join(WIRE.split()[:28]) + " " + " ".join(OTHER_WIRE.split()[:28])  # a summary of two wires
    roundup = item("roundup", both, 9)
    wire, other = item("wire", WIRE, 6, source="APP"), item("other", OTHER_WIRE, 7, source="APP")
    assert dedup.reprint(fingerprint(roundup), fingerprint(wire), 7) and dedup.reprint(fingerprint(roundup), fingerprint(other), 7)
    assert (assign(wire, index), assign(other, index)) == ("wire", "other")
    assert assign(roundup, index) in ("wire", "other")
    assert index.cluster("wire") is not None and index.cluster("other") is not None  # not merged
    assert index.cluster("wire").size + index.cluster("other").size == 3


# --------------------------------------------------------------------------- templates and roundups


def test_a_templated_report_of_another_day_is_another_story(index: dedup.DedupIndex) -> None:
    tuesday = item("tue", GOLD_TUESDAY, day="2025-06-03", title="Gold rates rise Rs1,000 per tola")
    wednesday = item("wed", GOLD_WEDNESDAY, day="2025-06-04", title="Gold prices drop Rs3,600 per tola")
    later, earlier = fingerprint(wednesday), fingerprint(tuesday)
    assert len(later.shingles & earlier.shingles) >= dedup.CONTAINMENT * len(later.shingles)  # the template is shared...
    agree, conflict, days = dedup.figure_conflicts(later.figures, earlier.figures)
    assert conflict >= dedup.FIGURE_CONFLICTS and days == 1  # ...the figures and the day are not
    assert assign(tuesday, index) == "tue" and assign(wednesday, index) == "wed"


def test_the_same_figures_on_another_weekday_are_another_report(index: dedup.DedupIndex) -> None:
    assign(item("tue", GOLD_TUESDAY, day="2025-06-03"), index)
    assert assign(item("unchanged", GOLD_UNCHANGED, day="2025-06-04"), index) == "unchanged"


def test_a_reprint_that_adds_an_earlier_day_to_the_wire_is_one_story(index: dedup.DedupIndex) -> None:
    """A desk runs the wire's Tuesday report and adds a paragraph on what came on Monday: it
    keeps the wire's day and its words, so it is a re-run, not Monday's report."""
    assign(item("wire", WIRE, 6, source="APP"), index)
    added = WIRE + " The two firms had applied for the licences on Monday, after the cabinet cleared the policy."
    assert assign(item("desk", added, 9), index) == "wire"
    # the same text with the wire's day replaced is another day's report
    assert assign(item("other", WIRE.replace("on Tuesday", "on Monday"), 9, day="2025-08-21"), index) == "other"


def test_a_reprint_of_a_templated_report_with_its_figures_is_one_story(index: dedup.DedupIndex) -> None:
    assign(item("tue", GOLD_TUESDAY, day="2025-06-03"), index)
    assert assign(item("copy", GOLD_REPRINT, 12, day="2025-06-03"), index) == "tue"


#: a desk's daily listing of the city's events: a heading and one paragraph each
_PUPPETS = "Paper Lanterns\nA puppet theatre from Multan stages a folk tale for children at the arts council every evening, with shows in Urdu and Saraiki. Entry is free for students who bring their school cards."
_PRINTS = "Salt and Indigo\nA gallery on the main boulevard shows block prints by eleven textile designers from Hala and Thatta, with a talk by the curator on the opening night. The show runs until the end of the month."
_CHOIRS = "Voices of the Coast\nA festival of choirs brings school and college groups from across the province to the open air theatre for three evenings of songs in six languages. Passes are sold at the gate."


def test_a_listings_next_edition_is_another_story_and_its_rerun_the_same(index: dedup.DedupIndex) -> None:
    """A daily listing carries over most of the last edition's entries: the next day's, with an
    entry added (or one dropped), is a new edition, though most of its words are the last
    one's; the same entries run again are a re-run. A story with a subheading or two has no
    entries (several paragraphs under each), and another outlet's copy is judged by its words."""
    monday = item("mon", f"{_PUPPETS}\n{_PRINTS}", day="2025-06-02", title="CITY DIARY", source="Daily Mirror")
    tuesday = item("tue", f"{_PUPPETS}\n{_PRINTS}\n{_CHOIRS}", day="2025-06-03", title="CITY DIARY", source="Daily Mirror")
    wednesday = item("wed", f"{_PRINTS}\n{_CHOIRS}", day="2025-06-04", title="CITY DIARY", source="Daily Mirror")
    thursday = item("thu", f"{_PRINTS}\n{_CHOIRS}", day="2025-06-05", title="CITY DIARY", source="Daily Mirror")
    assert len(fingerprint(tuesday).entries) == 3 and len(fingerprint(wednesday).entries) == 2
    assert not fingerprint(item("story", WIRE + "\nFees unclear\n" + OWN_REPORT + " " + OWN_REPORT)).entries
    later, earlier = fingerprint(tuesday), fingerprint(monday)
    assert len(later.shingles & earlier.shingles) >= dedup.CONTAINMENT * len(later.shingles)  # most of its words are the last edition's
    assert assign(monday, index) == "mon"
    assert assign(tuesday, index) == "tue"  # an entry added
    assert assign(wednesday, index) == "wed"  # an entry dropped
    assert assign(thursday, index) == "wed"  # the same entries: a re-run
    # the same desk's listing and its next edition, on one day, are one page updated
    assert dedup.reprint(fingerprint(replace(tuesday, published=monday.published)), earlier, 7) is not None


def test_figures_are_numbers_and_weekdays_in_their_words() -> None:
    triples = dedup.figures("Gold rose by Rs1,000 to Rs354,100 on Tuesday; it was 3.5pc higher.")
    values = [dedup._crc(v) for v in ("n:1000", "n:354100", "d:tuesday", "n:3.5")]
    assert list(triples[0::3]) == values
    assert triples[1:3] == (dedup._crc("rs"), dedup._crc("to"))  # the words around Rs1,000
    assert dedup.figures("No figure here at all.") == ()


def test_a_brief_carried_below_another_story_is_not_its_reprint(index: dedup.DedupIndex) -> None:
    roundup = item("roundup", OTHER_WIRE + "\n" + POLICY, 6, title="Punjab to train 40,000 young people")
    brief = item("brief", POLICY, 9, title="SBP keeps policy rate at 11pc")
    later, earlier = fingerprint(brief), fingerprint(roundup)
    assert len(later.shingles & earlier.shingles) / len(later.shingles) > 0.9  # the brief is all in the roundup
    assert assign(roundup, index) == "roundup" and assign(brief, index) == "brief"  # which leads with another story


def test_a_story_led_by_another_that_carries_an_earlier_one_is_not_its_reprint(index: dedup.DedupIndex) -> None:
    brief = item("brief", POLICY, 6, title="SBP keeps policy rate at 11pc")
    assign(brief, index)
    led = item("led", WIRE + "\n" + POLICY, 9, title="PTA licenses two satellite internet firms")
    later, earlier = fingerprint(led), fingerprint(brief)
    assert dedup.ordered_share(later.sequence, earlier.sequence) >= dedup.ORDERED  # a third of it is the brief
    assert assign(led, index) == "led"
    intro = item("intro", "Borrowing costs will stay where they are for now. " + POLICY, 10)
    assert assign(intro, index) == "brief"  # a new first sentence is not another story


def test_the_wires_order_in_phrases_of_its_own_is_an_independent_report(index: dedup.DedupIndex) -> None:
    """English reprints keep runs of the wire's words; a report that only follows its order
    in phrases of its own is another story of the same event."""
    wire, own = fingerprint(item("wire", WIRE, 6)), fingerprint(item("para", PARAPHRASE, 9))
    assert dedup.ordered_share(own.sequence, wire.sequence) >= dedup.ORDERED  # the wire's words in its order...
    assert dedup.run_share(own.body, wire.body) < dedup.RETOLD_RUNS  # ...but hardly a phrase of it
    assign(item("wire", WIRE, 6, source="APP"), index)
    assert assign(item("para", PARAPHRASE, 9), index) == "para"
    assert index.cluster("para").event == "wire"


# the PTA decision rewritten by a desk from the wire: its order and some of its phrases, but
# fewer than half of its word pairs
RETOLD = (
    "ISLAMABAD: A pair of satellite internet companies got provisional licences from the telecom regulator "
    "on Tuesday, letting them sell broadband to homes and offices beyond the fibre network. "
    "The permits cover a trial period of twelve months, officials said, in which both firms must put up "
    "ground stations inside Pakistan and pass their traffic through local gateways. "
    "The step is aimed at freelancers and small software houses in remote parts of Balochistan and "
    "Gilgit-Baltistan, where mobile data is slow and frequently cut. "
    "Full licences will follow a review of prices and service quality. "
    "The industry welcomed the decision but asked for clarity on spectrum fees and terminal import duties."
)


def test_a_retelling_is_a_reprint_only_within_two_days(index: dedup.DedupIndex) -> None:
    """A desk rewrites a wire story the day it comes or the next; days later, a text that tells
    the same things in the same order is another report (a follow-up, a launch after the figures)."""
    wire, retold = fingerprint(item("wire", WIRE, 6)), fingerprint(item("retold", RETOLD, 9))
    assert retold.shared_shingles(wire) / retold.shingle_count < dedup.CONTAINMENT  # not most of its word pairs...
    assert dedup.ordered_share(retold.sequence, wire.sequence) >= dedup.ORDERED  # ...but its words in its order
    assign(item("wire", WIRE, 6, source="APP"), index)
    assert assign(item("retold", RETOLD, 9), index) == "wire"
    assert assign(item("late", RETOLD, 9, day="2025-08-24"), index) == "late"  # five days later


def test_a_later_item_that_adds_background_to_an_earlier_one_is_its_reprint(index: dedup.DedupIndex) -> None:
    """The later item is the earlier one with as much again below it: it leads with it."""
    brief, long = item("brief", POLICY, 6, source="APP"), item("long", POLICY + "\n" + CONTEXT, 9)
    later, earlier = fingerprint(long), fingerprint(brief)
    assert dedup.ordered_share(later.sequence, earlier.sequence) < dedup.ORDERED  # most of it is not the brief
    assert dedup.ordered_share(earlier.sequence, later.sequence) >= dedup.EXPANDED  # the brief is all in it
    assert assign(brief, index) == "brief" and assign(long, index) == "brief"
    led = item("led", CONTEXT + "\n" + POLICY, 10)  # the background first: led by something else
    assert assign(led, index) == "led"


# --------------------------------------------------------------------------- boilerplate


def _page(body: str) -> str:
    return body + "\n" + TEASERS


def test_lines_recurring_on_a_site_are_learned_as_boilerplate(index: dedup.DedupIndex) -> None:
    bodies = [WIRE, OTHER_WIRE, POLICY]  # whole articles: the teasers below them are a small part
    for n, body in enumerate(bodies):
        assign(item(f"p{n}", _page(body), 6 + n, source="Daily Star"), index)
    seminar, fair = item("seminar", _page("A seminar on climate finance was held at a hotel."), 10, source="Daily Star"), item("fair", _page("A book fair for children opened in the main park."), 11, source="Daily Star")
    assert dedup.reprint(fingerprint(fair), fingerprint(seminar), 7) is not None  # the teasers alone would make them one
    assert assign(seminar, index) == "seminar" and assign(fair, index) == "fair"
    assert index.get("fair").fingerprint.words == len(dedup.words("A book fair for children opened in the main park."))
    assert assign(item("elsewhere", _page("A book fair opened."), 12, source="Other Star"), index) == "elsewhere"


def test_a_story_run_again_and_again_does_not_teach_its_own_text_as_boilerplate(index: dedup.DedupIndex) -> None:
    for n in range(5):
        assert assign(item(f"run{n}", WIRE, 6 + n, source="Daily Star"), index) == "run0"
    assert index.get("run4").fingerprint.words == index.get("run0").fingerprint.words


# --------------------------------------------------------------------------- events


def test_independent_reports_of_one_event_are_stories_of_one_event(index: dedup.DedupIndex) -> None:
    assert dedup.reprint(fingerprint(item("own", OWN_REPORT)), fingerprint(item("wire", WIRE, 6)), 7) is None
    assert assign(item("wire", WIRE, 6, source="APP"), index) == "wire"
    assert assign(item("reprint", REPRINT, 8), index) == "wire"
    assert assign(item("own", OWN_REPORT, 11), index) == "own"  # a story of its own...
    assert index.cluster("own").event == "wire" and index.cluster("own").event_reason == "text"  # ...of the wire's event
    assert index.event("wire").stories == 2
    assert assign(item("other", OTHER_WIRE, 7, source="APP"), index) == "other" and index.cluster("other").event == "other"


HEARING = (
    "The Islamabad High Court on Wednesday directed the interior ministry to explain under which law the "
    "social media platform X had been suspended across the country since February. Hearing petitions filed by "
    "a journalist and a digital rights group, the chief justice said the government could not shut a platform "
    "used by millions without a written order and gave the ministry two weeks to file its reply. The deputy "
    "attorney general told the court that the suspension was ordered on the advice of intelligence agencies "
    "for reasons of national security. Counsel for the petitioners argued that businesses, freelancers and "
    "students had lost access to clients and news, and that VPN use had surged. The hearing was adjourned."
)
HEARING_OWN = (
    "Freelancers and digital rights activists who packed a courtroom in Islamabad heard the chief justice ask "
    "the government a simple question on Wednesday: where is the written order suspending X? The court gave "
    "the interior ministry two weeks to answer. A lawyer for the petitioners said small businesses that sell "
    "through the platform had lost most of their clients since February, while a government lawyer said "
    "intelligence agencies had advised the suspension on security grounds. Outside the court, a software "
    "developer said she now pays for a VPN only to reach her customers. The case will be heard again later "
    "this month, after the ministry files its reply."
)


def test_a_reporter_who_leads_with_the_scene_reports_the_hearing_the_wire_leads_with(index: dedup.DedupIndex) -> None:
    """Of the wire's title and first words, a few more than a third are told in a
    reporter's own account of the same hearing, which opens on the courtroom: one event."""
    from monitor.dedup._rules import _lead_told

    wire = item("wire", HEARING, 6, title="High court wants legal basis for suspending X", source="APP")
    own = item("own", HEARING_OWN, 11, title="'Where is the order?' court asks government over X")
    assert 0.35 <= _lead_told(fingerprint(wire), set(fingerprint(own).sequence)) < 0.4
    assign(wire, index)
    assert assign(own, index) == "own"
    assert (index.cluster("own").event, index.cluster("own").event_reason) == ("wire", "text")


RELEASE = (
    "ISLAMABAD: Pakistan's IT exports rose 24 percent year-on-year to $354 million in July, according to data "
    "released by the State Bank of Pakistan on Monday. Computer services brought in most of the earnings, while "
    "telecommunication services grew more slowly. Officials said software houses in Lahore, Karachi and Islamabad "
    "had signed new contracts with clients in the Gulf and Europe, and that freelancers were sending home more of "
    "their income through banks. The sector earned $3.8 billion in the last fiscal year."
)
ROUNDUP = (
    "Car sales jump 38pc in July\n"
    "KARACHI: Car sales in the country rose 38 percent year-on-year to 9,870 units in July, the Pakistan "
    "Automotive Manufacturers Association said on Monday, as lower prices and cheaper credit revived demand. "
    "Sales had stood at 7,152 units a year earlier, when high interest rates and limits on letters of credit "
    "had brought assembly lines to a near standstill. Analysts expect a cut in the policy rate to lift demand "
    "for small cars and motorcycles further, though volumes remain well below their peak.\n"
    "IT exports up 24pc\n" + RELEASE + "\n"
    "Petroleum sales fall 9pc\n"
    "KARACHI: Sales of petroleum products declined 9 percent to 1.31 million tonnes in July, mainly because "
    "power plants burned less furnace oil and smuggled diesel undercut local fuel, industry data showed."
)


#: the same page with its briefs' headings written as sentences: no subheading opens a section
_RUN_ON_ROUNDUP = ROUNDUP.replace("IT exports up 24pc\n", "IT exports up 24pc.\n").replace("Petroleum sales fall 9pc\n", "Petroleum sales fall 9pc.\n")


def test_a_page_that_carries_a_report_under_a_subheading_is_of_its_own_storys_event(index: dedup.DedupIndex) -> None:
    """A business page led by car sales that gives the release below a subheading ("IT
    exports up 24pc") is judged by its first section: no report of the release, though its
    second section is the release's own text; the same page with no subheading is."""
    release = item("release", RELEASE, 6, source="APP")  # (no figures: the text alone decides)
    page = item("page", ROUNDUP, 9, title="Business roundup: Car sales jump 38pc", source="Daily Roundup")
    assert fingerprint(page).section and not fingerprint(release).section
    assert dedup.same_event(fingerprint(page), fingerprint(release)) is None
    assert dedup.same_event(fingerprint(replace(page, text=_RUN_ON_ROUNDUP)), fingerprint(release)) is not None
    assign(release, index)
    assert assign(page, index) == "page" and index.cluster("page").event == "page"
    # a subheading right under the dateline, or a last short line, opens no section
    assert not fingerprint(item("short", "Gold rates\nKARACHI: Gold rose Rs1,000 per tola on Tuesday.\nMore to follow")).section


def test_a_roundup_led_by_another_story_that_carries_a_release_as_a_brief_is_not_of_its_event(index: dedup.DedupIndex) -> None:
    """A business page led by car sales that gives the release's figures only in its second
    brief (below a lead of its own) is not a report of the release, whatever words they share."""
    release = item("release", RELEASE, 6, source="APP", facts=(JULY,))
    # (its briefs' headings written as sentences: by its text alone, one event ...)
    roundup = item("roundup", _RUN_ON_ROUNDUP, 9, title="Business roundup: Car sales jump 38pc", source="Daily Roundup")
    assert dedup.same_event(fingerprint(roundup), fingerprint(release)) is not None
    assign(release, index)
    assert assign(replace(roundup, mentions=(JULY,)), index) == "roundup"
    assert index.cluster("roundup").event == "roundup"  # ...but the release is only its brief
    # a report that leads with the release has it as its news, and joins by the figure
    assert assign(item("own", "The State Bank said on Monday that IT exports reached $354 million in July.", 10, facts=(JULY,)), index) == "own"
    assert index.cluster("own").event == "release"


def test_a_roundup_placed_before_the_release_it_carries_is_not_of_its_event(index: dedup.DedupIndex) -> None:
    """Polls do not fetch in publication order: the archive keeps a roundup's mentions, so a
    release placed after the roundup that carries it does not join the roundup's event."""
    assign(item("roundup", ROUNDUP, 9, title="Business roundup: Car sales jump 38pc", source="Daily Roundup", mentions=(JULY,)), index)
    assert index.get("roundup").fingerprint.mentions  # kept in either index
    assert assign(item("release", RELEASE, 6, source="APP", facts=(JULY,)), index) == "release"
    assert index.cluster("release").event == "release"


def test_only_a_lead_with_figures_of_its_own_makes_an_items_other_figures_mentions() -> None:
    """A roundup leads with another story's figures; a report that leads with words only
    ("The State Bank released its data on Monday ...") and gives the figures lower down is
    no roundup, and may still join the release's event by its text."""
    from monitor.models import Fact, Item
    from monitor.pipeline import dedup_input

    july = Fact("it_exports_monthly", "2025-07", 354, "USD_million", "IT exports were $354 million in July")
    below = " Officials said the sector kept growing." * 14 + " IT exports were $354 million in July."

    def mentions(title: str, lead: str) -> tuple[str, ...]:
        item = Item(id="x", source="S", url="", canonical_url="", title=title, text=lead + below, published="2025-08-19", fetched_at="2025-08-19")
        return dedup_input(item, [july]).mentions

    assert mentions("Business roundup: Car sales jump 38pc", "Car sales rose 38 percent to 9,870 units in July.") == (JULY,)
    assert mentions("Exporters upbeat as the State Bank releases its data", "The State Bank released its data on Monday.") == ()
    assert mentions("Budget 2025-26: what it means for exporters", "The budget keeps the final tax regime.") == ()  # a year is no figure


def test_an_item_judged_not_relevant_has_no_news_only_mentions() -> None:
    """Its figures never join it to a release's event; they can only say it carries one."""
    from monitor.models import Fact, Item
    from monitor.pipeline import dedup_input

    july = Fact("it_exports_monthly", "2025-07", 354, "USD_million", "IT exports were $354 million in July")
    lead = "IT exports were $354 million in July, the State Bank said."
    item = Item(id="x", source="S", url="", canonical_url="", title="IT exports up", text=lead, published="2025-08-19", fetched_at="2025-08-19")
    assert dedup_input(item, [july]).facts == (JULY,)
    aside = dedup_input(replace(item, relevant=False), [july])
    assert aside.facts == () and aside.mentions == (JULY,)


def test_dedup_lines_read_the_figures_an_item_gives_below_its_lead() -> None:
    from monitor.dedup import dedup_lines

    release = {"id": "release", "title": "IT exports up 24pc", "text": RELEASE, "source": "APP", "published": f"{TUESDAY}T06:00:00+00:00", "complete": True, "facts": [JULY]}
    roundup = {"id": "roundup", "title": "Business roundup: Car sales jump 38pc", "text": _RUN_ON_ROUNDUP, "source": "Daily Roundup", "published": f"{TUESDAY}T09:00:00+00:00", "complete": True}
    alone = list(dedup_lines([json.dumps(release), json.dumps(roundup)]))
    told = list(dedup_lines([json.dumps(release), json.dumps({**roundup, "mentions": [JULY]})]))
    assert alone[1]["event"] == "release" and told[1]["event"] == "roundup"
    assert list(dedup_lines([json.dumps({**roundup, "mentions": "x"})]))[0]["error"] == "line 1: 'mentions' must be a list of strings"


def test_reports_a_day_apart_are_not_one_event(index: dedup.DedupIndex) -> None:
    assign(item("wire", WIRE, 6), index)
    assert assign(item("own", OWN_REPORT, 9, day="2025-08-20"), index) == "own"
    assert index.cluster("own").event == "own"


def test_reports_of_the_same_figure_are_one_event_in_any_language(index: dedup.DedupIndex) -> None:
    assign(item("en", EXPORTS, 6, facts=(JULY,)), index)
    assert assign(item("ur", URDU_EXPORTS, 15, facts=(JULY,), lang="ur"), index) == "ur"  # never one story...
    assert (index.cluster("ur").event, index.cluster("ur").event_reason) == ("en", "facts")  # ...one event
    assert assign(item("late", EXPORTS.replace("Monday", "Friday"), 9, day="2025-08-25", facts=(JULY,), title="IT exports"), index) == "late"
    assert index.cluster("late").event == "late"  # the same figure six days later is not the release


def test_a_report_that_shares_a_figure_with_a_later_report_of_an_event_joins_the_event(index: dedup.DedupIndex) -> None:
    """The event's first report gave no figure; another report of it, the same morning, gave
    one; a report of the day after that gives the same figure is of the event too, though
    it shares nothing with the first."""
    trial = "satellite_licences|2025-08|2|count"
    assign(item("wire", WIRE, 6), index)
    assert assign(item("own", OWN_REPORT, 9, facts=(trial,)), index) == "own"
    assert index.cluster("own").event == "wire"
    later = "Freelancers in Skardu asked on Wednesday when the two satellite firms given trial licences would open sales, and at what price."
    assert assign(item("next", later, 15, day="2025-08-20", facts=(trial,)), index) == "next"
    assert (index.cluster("next").event, index.cluster("next").event_reason) == ("wire", "facts")


def test_stories_that_merge_merge_their_events(index: dedup.DedupIndex) -> None:
    gn = "https://news.google.com/rss/articles/CBMiAbC"  # data, as a feed gives it: never fetched
    assign(item("wire", WIRE, 6, source="APP"), index)
    assign(item("own", OWN_REPORT, 7), index)  # the wire's event
    assign(item("gn", "", 8, title="Satellite firms get trial licences - Dawn", url=gn, source="Google News"), index)
    assert index.cluster("gn").event == "gn"
    # the article the link leads to, as its feed would give it (data: never fetched)
    dawn = item("dawn", REPRINT, 9, title="Satellite firms get trial licences", url="https://www.dawn.com/news/1", source="Dawn")
    assert assign(dawn, index) == "wire"  # the link's article is a reprint of the wire: one story
    assert index.cluster("gn") is None and index.event("gn") is None
    assert index.event("wire").stories == 2 and index.cluster("own").event == "wire"


# --------------------------------------------------------------------------- the archive


def test_items_of_a_rolled_back_transaction_are_forgotten(tmp_path) -> None:
    with Store(tmp_path / "monitor.db") as store:
        index = SqliteDedupIndex(store.db)
        with pytest.raises(RuntimeError), store.transaction():
            assign(item("wire", WIRE, 6, source="APP"), index)
            raise RuntimeError("the poll of this source failed")
        assert index.get("wire") is None
        assert assign(item("reprint", REPRINT, 8), index) == "reprint"  # no story left behind to join
        rows = store.db.execute("SELECT count(*) FROM cluster_members m LEFT JOIN clusters c ON c.id = m.cluster_id WHERE c.id IS NULL")
        assert rows.fetchone()[0] == 0


def test_items_of_a_transaction_rolled_back_unreported_are_forgotten_in_the_next(tmp_path) -> None:
    """A transaction rolled back outside ``Store.transaction`` and the next one begun before
    another item is placed: the key index must not offer the items that are gone."""
    with Store(tmp_path / "monitor.db") as store:
        index, conn = SqliteDedupIndex(store.db), store.db.conn
        conn.execute("BEGIN")
        assert assign(item("wire", WIRE, 6, source="APP"), index) == "wire"
        conn.execute("ROLLBACK")
        conn.execute("BEGIN")
        assert assign(item("reprint", REPRINT, 8), index) == "reprint"
        conn.execute("COMMIT")
        assert index.get("wire") is None
        rows = store.db.execute("SELECT count(*) FROM cluster_members m LEFT JOIN clusters c ON c.id = m.cluster_id WHERE c.id IS NULL")
        assert rows.fetchone()[0] == 0


def test_a_lookup_finds_the_items_of_a_merged_story_in_the_story_they_moved_to(index: dedup.DedupIndex) -> None:
    """The archive keeps the memberships of the window's items in memory: a merge moves them."""
    wire, other = item("wire", WIRE, 6, source="APP"), item("other", OTHER_WIRE, 7, source="PPI")
    assert assign(wire, index) == "wire" and assign(other, index) == "other"
    first, second = index.cluster("wire"), index.cluster("other")
    event = replace(index.event("wire"), stories=2)
    index.merge(replace(first, size=first.size + second.size), ["other"], event, ["other"])
    keys = fingerprint(other).sample
    found = {c.member.item: c.member.cluster for c in index.candidates(keys, f"{TUESDAY}T00:00:00+00:00", f"{TUESDAY}T23:00:00+00:00")}
    assert found["other"] == "wire"


def test_an_older_archive_gets_events_and_fresh_fingerprints(tmp_path) -> None:
    """Migration 13: every stored story becomes an event of its own, each item keeps its
    sampled keys, and the items of the last weeks are fingerprinted again from their text."""
    import sqlite_utils

    from monitor.store import MIGRATIONS
    from monitor.store._dedup_index import _pack_sets, _unpack_fingerprint, _unpack_keys

    path = tmp_path / "monitor.db"
    db = sqlite_utils.Database(path)
    for step in MIGRATIONS[:12]:
        step(db)
    db.execute("PRAGMA user_version = 12")
    published = f"{TUESDAY}T06:00:00+00:00"
    db["items"].insert({"id": "old", "source": "APP", "url": "https://app.example.com/1", "canonical_url": "https://app.example.com/1",
                        "title": "PTA licenses two satellite internet firms", "text": WIRE, "published": published,
                        "fetched_at": published, "week": "2025-W34", "relevant": 1, "topics": "[]"})  # fmt: skip
    db.execute(
        "INSERT INTO dedup_items (id, published, script, lang, outlet, site, redirect, url_key, guid_key, title_key, words, shingles, complete)"
        " VALUES ('old', ?, 'latin', NULL, 'APP', 'app.example.com', 0, 1, NULL, NULL, 120, ?, 1)",
        [published, _pack_sets(frozenset({1, 2, 3}), (4, 5, 6))],  # fingerprinted by an older release
    )
    db.execute("INSERT INTO dedup_keys (week, key, published, item) VALUES (2901, 77, 1755583200, 1)")
    db.execute("INSERT INTO clusters VALUES ('old', 'old', ?, ?, '[\"APP\"]', 1)", [published, published])
    db.execute("INSERT INTO cluster_members VALUES ('old', 'old', 'first', 1.0)")
    db.conn.commit()
    db.close()

    with Store(path) as store:
        fresh = fingerprint(DedupInput("old", "PTA licenses two satellite internet firms", WIRE, url="https://app.example.com/1",
                                       canonical_url="https://app.example.com/1", source="APP", published=published, complete=True))  # fmt: skip
        row = store.db.execute("SELECT shingles, sample FROM dedup_items WHERE id = 'old'").fetchone()
        assert _unpack_fingerprint(row[0])["packed_shingles"] == fresh.packed_shingles
        assert sorted(_unpack_keys(row[1])) == sorted(fresh.sample)
        assert "dedup_keys" not in store.db.table_names()
        assert store.db.execute("SELECT event_id, event_reason FROM clusters").fetchall() == [("old", "first")]
        assert store.db.execute("SELECT id, stories FROM events").fetchall() == [("old", 1)]
        assert assign(item("reprint", REPRINT, 8), SqliteDedupIndex(store.db)) == "old"


# --------------------------------------------------------------------------- what the pipeline tells dedup


def test_the_figures_a_report_leads_with_for_a_recent_period_are_its_news() -> None:
    from monitor.models import Fact
    from monitor.pipeline import news_facts

    title, text = "IT exports rise 24pc to $354m in July", "Exports rose to $354 million in July. Last year the sector earned $3.8 billion in FY2024-25."
    document = f"{title}\n{text}"
    july = Fact("it_exports_monthly", "2025-07", 354, "USD_million", "Exports rose to $354 million in July.")
    growth = Fact("it_exports_monthly", "2025-07", 24, "percent", title)
    year = Fact("it_exports_annual", "FY2024-25", 3800, "USD_million", "Last year the sector earned $3.8 billion in FY2024-25.")
    target = Fact("other", "FY2025-26", 4500, "USD_million", title)  # a target: not news, whatever its period
    assert news_facts([july, growth, year, target], "2025-08-19T06:00:00+00:00", document) == (
        "it_exports_monthly|2025-07|24|percent",
        "it_exports_monthly|2025-07|354|USD_million",
    )  # the latest period only
    assert news_facts([july], "2025-12-20", document) == ()  # July is background by December
    deep = f"{title}\n{'Background sentence. ' * 40}Exports rose to $354 million in July."
    assert news_facts([july], "2025-08-19", deep) == ()  # not what the report leads with


def test_a_digest_of_briefs_leads_with_its_first_brief_only() -> None:
    """An agency's "news in brief" strings short items under headlines of their own: a release
    given in its second brief is carried, not led with (its figures are mentions), while an
    editorial's own headline under its section tag is still its lead."""
    from monitor.models import Fact, Item
    from monitor.pipeline import dedup_input, news_facts

    vpn = Fact("vpn_registrations", "2024-02", 2340, "count", "The PTA registered 2,340 VPNs in February.")
    digest = (
        "Polio drive from March 11\n"
        "ISLAMABAD (APP): A five-day national polio campaign will start on March 11, in which over 44 million children "
        "under five will be vaccinated by 335,000 workers, the emergency operations centre said.\n"
        "2,340 new VPNs registered in February\n"
        "ISLAMABAD (APP): The PTA registered 2,340 VPNs in February."
    )
    assert news_facts([vpn], "2024-03-07", f"News in brief\n{digest}") == ()
    item = Item(id="d", source="APP", url="", canonical_url="", title="News in brief", text=digest, published="2024-03-07", fetched_at="2024-03-07", relevant=True)
    assert dedup_input(item, [vpn]).mentions == ("vpn_registrations|2024-02|2340|count",)
    # a section tag and a headline above the first paragraph are no briefs
    editorial = "Editorial\nA new milestone for VPN registration\nThe PTA registered 2,340 VPNs in February. It is the most in a month so far."
    assert news_facts([vpn], "2024-03-07", f"A new milestone\n{editorial}") == ("vpn_registrations|2024-02|2340|count",)


def test_the_release_a_report_leads_with_brings_its_other_figures_of_that_period_end() -> None:
    """One SBP release gives the month's figure and the fiscal year's to date. A desk that
    leads with the month and one that leads with the year to date both report the release:
    each one's news has every figure of a period ending when the lead's does, so they share
    keys. An earlier month's figure given as a base stays background."""
    from monitor.models import Fact
    from monitor.pipeline import news_facts

    month_led = (
        "IT exports jump 28pc in March",
        "Exports of IT services rose 28 percent to $306 million in March from a year earlier, and fell from "
        "$257 million in February. " + "The sector kept growing, officials said. " * 12
        + "In the first nine months of the fiscal year they reached $2.28 billion.",
    )
    march = Fact("it_exports_monthly", "2024-03", 306, "USD_million", "$306 million in March")
    february = Fact("it_exports_monthly", "2024-02", 257, "USD_million", "$257 million in February")
    nine = Fact("it_exports_cumulative", "FY2023-24:Jul-Mar", 2280, "USD_million", "they reached $2.28 billion")
    keys = news_facts([march, february, nine], "2024-04-17", "\n".join(month_led))
    assert keys == ("it_exports_cumulative|FY2023-24:Jul-Mar|2280|USD_million", "it_exports_monthly|2024-03|306|USD_million")
    year_led = ("IT exports reach $2.28bn in nine months", "They reached $2.28 billion in July-March, with $306 million in March.")
    assert set(news_facts([nine, march], "2024-04-17", "\n".join(year_led))) == set(keys)
    deep_only = ("Exporters upbeat", "The sector kept growing, officials said. " * 14 + "March brought in $306 million.")
    assert news_facts([march, nine], "2024-04-17", "\n".join(deep_only)) == ()  # a lead with no figure of its own: none
    # only figures of the lead's kind: a story on freelancers' March earnings that gives the
    # month's IT exports lower down is not a report of the IT-exports release
    earned = Fact("freelancer_earnings", "2024-03", 41, "USD_million", "earned $41 million in March")
    freelancers = ("Freelancers earned $41 million in March", "Freelancers earned $41 million in March. " + "Officials said more were registering. " * 14 + "IT exports were $306 million in March.")
    assert news_facts([earned, march], "2024-04-17", "\n".join(freelancers)) == ("freelancer_earnings|2024-03|41|USD_million",)


def test_a_growth_rate_is_news_with_its_basis() -> None:
    """A year-on-year and a month-on-month rate of one month are different figures: reports of
    each never share a fact key, whatever the value."""
    from monitor.models import Fact
    from monitor.pipeline import news_facts

    title = "IT exports grow 24pc in July"
    yoy = Fact("it_exports_monthly", "2025-07", 24, "percent", title, basis="yoy")
    keys = {basis: news_facts([replace(yoy, basis=basis)], "2025-08-19", f"{title}\n") for basis in ("yoy", "mom", "unknown")}
    assert keys["yoy"] == ("it_exports_monthly|2025-07|24|percent|yoy",)
    assert len({k for found in keys.values() for k in found}) == 3
    level = Fact("it_exports_monthly", "2025-07", 354, "USD_million", title)
    assert news_facts([level], "2025-08-19", f"{title}\n") == ("it_exports_monthly|2025-07|354|USD_million",)


@pytest.mark.parametrize(
    ("period", "end"),
    [("2025-07", "2025-07-31"), ("2024", "2024-12-31"), ("FY2024-25", "2025-06-30"), ("FY2024-25:Jul-Mar", "2025-03-31"),
     ("FY2025-26:Q1", "2025-09-30"), ("FY2025-26:H1", "2025-12-31"), ("FY2025-26:H2", "2026-06-30"), ("", None), ("FY2024-25:Xyz", None)],
)  # fmt: skip
def test_period_ends(period: str, end: str | None) -> None:
    from monitor.facts import period_end

    assert period_end(period) == (None if end is None else date.fromisoformat(end))


def test_every_story_of_a_poll_has_an_event(site_config, store) -> None:
    from monitor import pipeline

    pipeline.poll(site_config, store)
    rows = store.db.execute("SELECT count(*), count(DISTINCT event_id) FROM clusters").fetchone()
    assert rows[0] >= rows[1] > 0  # every story has an event
    assert store.db.execute("SELECT count(*) FROM clusters c LEFT JOIN events e ON e.id = c.event_id WHERE e.id IS NULL").fetchone()[0] == 0


def test_looking_up_figures_does_not_push_the_story_window_out(tmp_path) -> None:
    with Store(tmp_path / "monitor.db") as store:
        index = SqliteDedupIndex(store.db)
        assign(item("wire", WIRE, 6, source="APP"), index)
        for day in range(20, 26):  # later items, each with a figure: a narrower lookup each time
            assign(item(f"d{day}", OTHER_WIRE.replace("Tuesday", str(day)), 9, day=f"2025-08-{day}", facts=(JULY,)), index)
        reads: list[str] = []
        store.db.conn.set_trace_callback(reads.append)
        assert assign(item("late", REPRINT, 9, day="2025-08-25"), index) == "wire"  # six days on: a reprint still
        store.db.conn.set_trace_callback(None)
        assert not [r for r in reads if "sample FROM dedup_items" in r]  # found in memory, nothing loaded again
