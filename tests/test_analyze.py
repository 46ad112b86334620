"""Relevance, topics and rules, on articles written for these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.analyze import TOPIC_IDS, analyze, analyze_lines, compile_rules, term_regex
from monitor.cli import cli
from monitor.errors import RuleError

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def rules():
    """The rules of the real sources.yaml."""
    raw = yaml.safe_load((REPO / "sources.yaml").read_text(encoding="utf-8"))
    return compile_rules(raw["topics"], raw["relevance"])


def run(rules, title: str, text: str, published: str = "2025-08-18", hints=()):
    return analyze(title, text, rules=rules, published=published, hints=hints)


# --------------------------------------------------------------------------- relevant stories

MONTHLY_EXPORTS = (
    "IT exports rise 24pc to $354m in July",
    "KARACHI: Pakistan's information and communication technology exports rose 24 percent year-on-year to $354 million "
    "in July, central bank data showed on Monday.\n"
    "On a month-on-month basis, exports were up 3 percent.\n"
    "Industry officials credited software houses and freelancers for the growth.",
)


def test_monthly_exports_story(rules):
    result = run(rules, *MONTHLY_EXPORTS)
    assert result.relevant
    assert result.topics[0] == "it_exports"
    assert "it_exports:title:IT export*" in result.rules
    assert {(f.series, f.period, f.value, f.unit) for f in result.facts} == {
        ("it_exports_monthly", "2025-07", 24.0, "percent"),
        ("it_exports_monthly", "2025-07", 354.0, "USD_million"),
        ("it_exports_monthly", "2025-07", 3.0, "percent"),
    }
    assert all(f.published == "2025-08-18" for f in result.facts)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Telecom, computer and information services exports up 16pc in Q1",
         "Exports of telecommunication, computer and information services rose 16 percent to $1,020 million in July-September, the statistics bureau said."),
        ("ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کی برآمدات میں 16 فیصد اضافہ",
         "ادارہ شماریات کے مطابق ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کی برآمدات پہلی سہ ماہی میں 16 فیصد بڑھ کر ایک ارب 2 کروڑ ڈالر ہو گئیں۔"),
    ],
)  # fmt: skip
def test_the_official_name_of_the_ict_category_is_it_exports(rules, title, text):
    result = run(rules, title, text, published="2025-10-20")
    assert result.relevant and result.topics[0] == "it_exports"


def test_vpn_registration_story(rules):
    result = run(
        rules,
        "PTA extends deadline for VPN registration",
        "ISLAMABAD: The telecom regulator has extended the deadline for registering virtual private networks by a month.\n"
        "Freelancers and IT companies that use VPNs for client work can register them online, the regulator said.",
    )
    assert result.relevant
    assert result.topics[0] == "vpn_internet"
    assert {"vpn_internet", "freelancing"} <= set(result.topics)


def test_internet_shutdown_story(rules):
    result = run(
        rules,
        "Mobile internet suspended in three districts",
        "QUETTA: Mobile internet services were suspended in three districts of Balochistan on Sunday.\n"
        "Students said the suspension had cut them off from online classes.",
    )
    assert result.relevant and result.topics == ("vpn_internet",)
    assert "vpn_internet:title:internet suspended" in result.rules


@pytest.mark.parametrize(
    "title",
    ["حکومت نے ایکس پر پابندی ختم کر دی", "ٹک ٹاک کی سروس بحال", "سوشل میڈیا پلیٹ فارمز بند", "ایکس (سابقہ ٹوئٹر) پر پابندی برقرار", "ایکس پر 15 ماہ سے عائد پابندی ختم، پلیٹ فارم بحال"],
)
def test_urdu_platform_bans_and_their_lifting(rules, title):
    result = run(rules, title, "")
    assert result.relevant and result.topics == ("vpn_internet",)


@pytest.mark.parametrize("title", ["شہر میں ایکس ٹریفک پر پابندی", "فیس بک پر ایک ویڈیو وائرل ہو گئی"])
def test_urdu_platform_named_without_a_ban_is_not_relevant(rules, title):
    assert not run(rules, title, "").relevant


@pytest.mark.parametrize("spelling", ["PAFLA", "PALFA", "Pakistan Freelancers Association"])
def test_pafla_in_any_spelling(rules, spelling):
    result = run(rules, f"{spelling} seeks tax relief for freelancers", "KARACHI: The association asked the government not to raise withholding tax on freelancers' foreign earnings.")
    assert result.relevant
    assert {"industry_bodies", "freelancing", "taxes"} <= set(result.topics)


@pytest.mark.parametrize("spelling", ["P@SHA", "PASHA", "Pakistan Software Houses Association"])
def test_pasha_in_any_spelling(rules, spelling):
    result = run(rules, f"{spelling} calls for continuity of tax regime", "KARACHI: The body urged the government to keep the final tax regime for IT exporters.")
    assert result.relevant
    assert result.topics[0] == "industry_bodies"


@pytest.mark.parametrize("spelling", ["e-Rozgaar", "eRozgaar", "E-Rozgar", "DigiSkills"])
def test_skills_programmes_in_any_spelling(rules, spelling):
    result = run(rules, f"{spelling} centres open new batch", "LAHORE: The programme will train young people in web design and content writing this year.")
    assert result.relevant and result.topics[0] == "skills"


def test_coding_courses_for_online_work(rules):
    result = run(
        rules,
        "Province launches free coding courses for women",
        "LAHORE: The provincial IT Board has launched free coding and digital marketing courses for 20,000 women.\n"
        "The training aims to help women earn online from home.",
    )
    assert result.relevant
    assert result.topics[0] == "skills" and "freelancing" in result.topics




def test_a_provincial_it_board_spelled_out_training_freelancers(rules):
    # a feed's teaser of one paragraph: the board by its full name, its seats and its courses
    result = run(
        rules,
        "Province opens registrations for second batch of tech hubs",
        "The Sindh Information Technology Board has opened registrations for 4,000 free seats in "
        "freelancing, web development and graphic design courses across eight districts.",
    )
    assert result.relevant and "skills" in result.topics
    # the same board quoted on exports or an IT park is no skills programme
    quoted = run(
        rules,
        "Province claims $1bn in IT exports",
        "The Sindh Information Technology Board said the province's software firms and freelancers earned $1 billion last year.",
    )
    assert "skills" not in quoted.topics
def test_urdu_story(rules):
    result = run(
        rules,
        "فری لانسرز کے لیے پے پال سروس شروع کرنے کا مطالبہ",
        "اسلام آباد: پاکستان فری لانسرز ایسوسی ایشن نے حکومت سے مطالبہ کیا ہے کہ فری لانسرز کے لیے پے پال سروس شروع کی جائے۔\n"
        "تنظیم کے مطابق ملک میں 23 لاکھ فری لانسرز کام کر رہے ہیں۔",
    )
    assert result.relevant
    assert {"freelancing", "payments", "industry_bodies"} <= set(result.topics)
    assert [(f.series, f.value) for f in result.facts] == [("freelancer_count", 2_300_000)]


def test_urdu_comparison_base_does_not_date_the_growth(rules):
    result = run(
        rules,
        "آئی ٹی برآمدات میں اضافہ",
        "اسلام آباد: رواں مالی سال پاکستان کی آئی ٹی برآمدات 3.8 ارب ڈالر رہیں جو گزشتہ مالی سال کے مقابلے میں 18 فیصد زیادہ ہیں۔",
        published="2025-06-20",
    )
    # the year is still running on 20 June: its figures so far are July to May's
    assert {(f.series, f.period, f.value, f.unit) for f in result.facts} == {
        ("it_exports_cumulative", "FY2024-25:Jul-May", 3800, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-May", 18, "percent"),
    }


def test_a_story_told_in_the_body_only_is_relevant_when_spread_over_paragraphs(rules):
    result = run(
        rules,
        "Youth group opens centre in Haripur",
        "HARIPUR: A local non-profit opened a centre offering training in digital skills and freelancing.\n"
        "The founder said graduates had already won freelance contracts from overseas clients.",
    )
    assert result.relevant
    assert set(result.topics) == {"freelancing", "skills"}
    assert not any(r.startswith("exclude:") for r in result.rules)


# --------------------------------------------------------------------------- exclusions


def test_remittances_without_an_it_angle_are_excluded(rules):
    result = run(
        rules,
        "Remittances rise 10pc to $3.2bn in June",
        "KARACHI: Workers' remittances rose 10 percent to $3.2 billion in June, the central bank said.\n"
        "Banks said more overseas Pakistanis used PayPal and Payoneer transfers this year.\n"
        "Inflows from Saudi Arabia led the increase.",
    )
    assert not result.relevant
    assert "exclude:remittances_no_it" in result.rules
    assert result.score >= rules.settings.threshold  # out because of the exclusion, not the score


def test_remittances_with_an_it_angle_are_kept(rules):
    result = run(rules, "IT export remittances rise to $354m", "KARACHI: Remittances from IT exports rose to $354 million in July, the central bank said.")
    assert result.relevant
    assert "exclude:remittances_no_it" not in result.rules


def test_other_countries_freelancers_are_excluded(rules):
    result = run(
        rules,
        "Freelancers in India face new tax notices",
        "NEW DELHI: Tax authorities have sent notices to thousands of freelancers who earn from overseas clients.\n"
        "Freelancers' groups in Mumbai and Bengaluru said the notices ignored earlier exemptions.",
    )
    assert not result.relevant
    assert "exclude:foreign_no_pakistan" in result.rules


def test_other_countries_figures_in_urdu_are_excluded(rules):
    result = run(rules, "بھارت کی آئی ٹی برآمدات 178 ارب ڈالر تک پہنچنے کا امکان", "بھارتی سافٹ ویئر کمپنیوں کی آئی ٹی برآمدات میں اضافہ ہوا۔")
    assert not result.relevant and "exclude:foreign_no_pakistan" in result.rules
    # Pakistan named: kept
    result = run(rules, "آئی ٹی برآمدات میں بھارت سے مقابلہ", "پاکستان کی آئی ٹی برآمدات 3 ارب ڈالر رہیں جبکہ بھارت کی برآمدات کہیں زیادہ ہیں۔")
    assert result.relevant


def test_another_countrys_story_that_mentions_pakistan_in_passing_is_excluded(rules):
    text = (
        "DHAKA: Freelance designers missed client deadlines for a week as Bangladesh cut internet access across the country.\n"
        "Broadband was partly restored on Tuesday, but mobile data, which most freelancers rely on, stayed off.\n"
        '"For many clients, plan B is to go to India or Pakistan," the owner of an outsourcing firm said.'
    )
    result = run(rules, "Bangladesh's freelancers count losses as internet blackout drags on", text)
    assert not result.relevant and "exclude:foreign_title" in result.rules
    # a title that names other countries over a lead on Pakistan's own figures is kept
    text = "Editorial\nPakistan's IT exports grew 47 percent last year, to $2.1 billion, a report reminds us.\nIndia's exports are near $150 billion."
    assert run(rules, "IT exports: a comparison with India and Bangladesh", text).relevant
    # a title's dollars are no country: a board's release that never says "Pakistan" stays relevant
    text = "ICT export remittances recorded a strong start to fiscal year 2025-26, with inflows of US$ 354 million in July 2025 against US$ 286 million a year earlier.\nThe board registered 1,200 new IT companies and call centres during the month."
    assert run(rules, "ICT export remittances reach US$ 354 million in July 2025", text).relevant
    # (in Urdu too: "India's IT industry slows", over a lead on Indian firms only)
    urdu = "بنگلور: انڈیا کی بڑی آئی ٹی کمپنیوں نے نئی بھرتیاں روک دی ہیں اور کلائنٹس کم لوگوں سے زیادہ کام چاہتے ہیں۔\nماہرین کے مطابق فری لانسرز کو بھی کم کام مل رہا ہے۔\nپاکستان کی آئی ٹی برآمدات بھی اسی رجحان سے متاثر ہو سکتی ہیں۔"
    assert not run(rules, "انڈیا کی آئی ٹی صنعت سست روی کا شکار", urdu).relevant


def test_a_passing_mention_is_excluded(rules):
    result = run(
        rules,
        "Budget debate continues in National Assembly",
        "ISLAMABAD: Lawmakers continued the general debate on the federal budget on Tuesday.\n"
        "Opposition members criticised new taxes on salaried people.\n"
        "One member said the government should support freelancers and the country's fourth-largest freelance market.\n"
        "The debate will continue on Wednesday.",
    )
    assert not result.relevant
    assert "exclude:passing_mention" in result.rules
    assert result.facts == ()


def test_pta_the_tanners_and_pasha_the_name_are_not_ours(rules):
    tanners = run(rules, "PTA seeks relief on chemical imports", "LAHORE: The Pakistan Tanners Association (PTA) asked for lower duties on chemicals.\nThe PTA chairman said leather exports had fallen.")
    name = run(rules, "Pasha named new cricket coach", "LAHORE: Former pacer Ahmed Pasha was named coach of the under-19 team.\nPasha said he would focus on fitness.")
    assert (tanners.score, name.score) == (0, 0)
    assert not tanners.relevant and not name.relevant


def test_college_it_parks_are_not_technology_parks(rules):
    result = run(rules, "Colleges to get IT parks", "ISLAMABAD: The directorate plans to convert college auditoriums into IT parks.\nTeachers said the college IT parks would take space from debates.")
    assert result.score == 0 and not result.relevant


def test_foreign_journalists_called_freelancers_are_not_ours(rules):
    result = run(rules, "Actor denies interview", "VIENNA: The magazine said its freelancer, a journalist, had compiled the interview.\nThe actor said the freelance journalist never met him.")
    assert "freelancing" not in result.topics


def test_peca_cases_are_excluded(rules):
    result = run(
        rules,
        "Journalists challenge PECA in court",
        "ISLAMABAD: The petition says PECA lets the PTA block social media platforms and keep the X ban in place.\n"
        "The court asked the PTA to reply on the X ban by next week.",
    )
    assert not result.relevant
    assert "exclude:cybercrime_peca" in result.rules
    assert result.score >= rules.settings.threshold


# --------------------------------------------------------------------------- scoring


def test_a_title_hit_counts_more_than_a_body_hit(rules):
    in_title = run(rules, "Freelancers get new bank accounts", "KARACHI: Banks opened the accounts on Monday.")
    in_body = run(rules, "New bank accounts launched", "KARACHI: Banks opened accounts for freelancers on Monday.")
    assert in_title.score == pytest.approx(in_body.score * rules.settings.title_weight)
    assert "freelancing:title:freelanc*" in in_title.rules and "freelancing:body:freelanc*" in in_body.rules


def test_repeated_terms_saturate(rules):
    once = run(rules, "", "Freelancers met.")
    many = run(rules, "", "Freelancers met. " * 20)
    assert once.score == 1.5
    assert many.score <= 2 * once.score


def test_hints_boost_matched_topics_only(rules):
    text = "KARACHI: A new co-working space for freelancers opened.\nFreelancers can rent desks by the hour."
    plain = run(rules, "Co-working space opens", text)
    hinted = run(rules, "Co-working space opens", text, hints=("freelancing",))
    assert hinted.score == pytest.approx(plain.score * (1 + rules.settings.hint_boost), abs=0.01)
    assert "hint:freelancing" in hinted.rules


def test_hints_alone_never_make_an_item_relevant(rules):
    result = run(rules, "Cricket board names squad", "LAHORE: The selectors named two new fast bowlers.", hints=TOPIC_IDS)
    assert result.score == 0 and not result.relevant and result.topics == ()
    assert not any(r.startswith("hint:") for r in result.rules)


def test_topics_are_sorted_by_strength(rules):
    result = run(rules, "PAFLA seeks tax relief for freelancers", "The Pakistan Freelancers Association wrote to the finance minister.")
    assert result.topics == ("industry_bodies", "freelancing", "taxes")  # scores 12, 6 and 4.5


def test_irrelevant_items_have_no_facts(rules):
    result = run(rules, "Cricket board names squad", "LAHORE: IT exports were $354m in July, a board member said in passing.")
    assert not result.relevant and result.facts == ()


def test_empty_item(rules):
    result = run(rules, "", "")
    assert (result.relevant, result.score, result.topics, result.rules, result.facts) == (False, 0, (), (), ())


# --------------------------------------------------------------------------- terms


@pytest.mark.parametrize(
    ("term", "matches", "misses"),
    [
        ("IT exports", ["IT exports", "IT Exports", "IT-exports"], ["it exports", "its exports", "ITexports"]),
        ("freelanc*", ["freelancer", "Freelancing", "freelancers"], ["nonfreelancer"]),
        ("e-Rozgaar", ["e-Rozgaar", "eRozgaar", "E Rozgaar", "E-ROZGAAR"], ["Rozgaar"]),
        ("P@SHA", ["P@SHA"], ["P@sha", "XP@SHA"]),
        ("PASHA", ["PASHA", "PASHA's"], ["Pasha", "PASHAS"]),
        ("Freelancers' Association", ["Freelancers' Association", "Freelancers’ Association", "Freelancers Association"], []),
        ("فری لانسر", ["فری لانسرز", "فری لانسر"], []),
    ],
)
def test_term_syntax(term, matches, misses):
    pattern = re.compile(term_regex(term), re.IGNORECASE)
    for text in matches:
        assert pattern.search(text), text
    for text in misses:
        assert not pattern.search(text), text


# --------------------------------------------------------------------------- validation

GOOD_TOPIC = {"label": "Freelancing", "keywords": ["freelanc*"]}


@pytest.mark.parametrize(
    ("topics", "relevance", "path"),
    [
        ({"crypto": GOOD_TOPIC}, None, ("crypto",)),
        ({"relevance": GOOD_TOPIC}, None, ("relevance",)),
        ({"freelancing": {"keywords": ["a"], "colour": "red"}}, None, ("freelancing", "colour")),
        ({"freelancing": {"keywords": "freelancer"}}, None, ("freelancing", "keywords")),
        ({"freelancing": {"keywords": ["ok", 3]}}, None, ("freelancing", "keywords", 1)),
        ({"freelancing": {"keywords": ["ok", ""]}}, None, ("freelancing", "keywords", 1)),
        ({"freelancing": {"keywords": [{"term": "x", "weight": 0}]}}, None, ("freelancing", "keywords", 0, "weight")),
        ({"freelancing": {"keywords": [{"term": "x", "weight": -1}]}}, None, ("freelancing", "keywords", 0, "weight")),
        ({"freelancing": {"keywords": [{"term": "x", "weight": 11}]}}, None, ("freelancing", "keywords", 0, "weight")),
        ({"freelancing": {"keywords": [{"term": "x", "weight": "heavy"}]}}, None, ("freelancing", "keywords", 0, "weight")),
        ({"freelancing": {"keywords": [{"term": "x", "weight": True}]}}, None, ("freelancing", "keywords", 0, "weight")),
        ({"freelancing": {"phrases": [{"regex": "free(lanc"}]}}, None, ("freelancing", "phrases", 0, "regex")),
        ({"freelancing": {"phrases": [{"term": "a", "regex": "b"}]}}, None, ("freelancing", "phrases", 0)),
        # a pattern that matches no text at all fires on every item ("x*" where "x+" was meant)
        ({"freelancing": {"phrases": [{"regex": "x*"}]}}, None, ("freelancing", "phrases", 0, "regex")),
        ({"freelancing": {"phrases": [{"regex": "(?:upwork|)"}]}}, None, ("freelancing", "phrases", 0, "regex")),
        ({"freelancing": {"phrases": [{"term": "a", "colour": "b"}]}}, None, ("freelancing", "phrases", 0, "colour")),
        ({"freelancing": {"keywords": [{"term": "a", "require": "b"}]}}, None, ("freelancing", "keywords", 0, "require")),
        ({"freelancing": {"label": "x"}}, None, ("freelancing",)),
        ({"freelancing": GOOD_TOPIC}, {"treshold": 3}, ("relevance", "treshold")),
        ({"freelancing": GOOD_TOPIC}, {"threshold": -1}, ("relevance", "threshold")),
        ({"freelancing": GOOD_TOPIC}, {"min_paragraphs": 1.5}, ("relevance", "min_paragraphs")),
        ({"freelancing": GOOD_TOPIC}, {"hint_boost": 2}, ("relevance", "hint_boost")),
        ({"freelancing": GOOD_TOPIC}, {"exclude": {"Bad Name": {"when": ["x"]}}}, ("relevance", "exclude", "Bad Name")),
        ({"freelancing": GOOD_TOPIC}, {"exclude": {"x": {"when": ["a"], "if": ["b"]}}}, ("relevance", "exclude", "x", "if")),
        ({"freelancing": GOOD_TOPIC}, {"exclude": {"x": {"unless_topics": ["crypto"]}}}, ("relevance", "exclude", "x", "unless_topics", 0)),
        ({"freelancing": GOOD_TOPIC}, {"exclude": {"x": {"when": ["a"], "within": "lead"}}}, ("relevance", "exclude", "x", "within")),
    ],
)
def test_bad_rules_are_reported_with_their_path(topics, relevance, path):
    with pytest.raises(RuleError) as caught:
        compile_rules(topics, relevance)
    assert caught.value.path == path


def test_the_shipped_rules_cover_every_topic(rules):
    assert {t.id for t in rules.topics} == set(TOPIC_IDS)
    assert rules.settings.threshold > 0 and rules.exclusions


def test_defaults_apply_without_a_relevance_section():
    compiled = compile_rules({"freelancing": GOOD_TOPIC})
    assert compiled.settings.threshold == 3.5 and compiled.exclusions == ()
    assert analyze("Freelancers rally", "Freelancers met.", rules=compiled).relevant


# --------------------------------------------------------------------------- JSON lines and CLI


def test_analyze_lines(rules):
    title, text = MONTHLY_EXPORTS
    lines = [json.dumps({"id": "a", "title": title, "text": text, "published": "2025-08-18"}), "", "not json", json.dumps(["a list"])]
    out = list(analyze_lines(lines, rules))
    assert [o.get("id") for o in out] == ["a", None, None]
    assert out[0]["relevant"] is True and out[0]["topics"][0] == "it_exports"
    assert set(out[0]["facts"][0]) == {"series", "period", "value", "unit", "basis", "quote", "published"}
    assert {(f["value"], f["basis"]) for f in out[0]["facts"]} == {(24, "yoy"), (354, ""), (3, "mom")}
    assert "line 3" in out[1]["error"] and "line 4" in out[2]["error"]


def test_analyze_lines_names_a_publication_date_it_cannot_read(rules):
    """An unreadable date would leave every figure's period unplaced (or stop the command):
    the line is an error naming the value, and the lines after it are still read."""
    title, text = MONTHLY_EXPORTS
    lines = [json.dumps({"id": i, "title": title, "text": text, "published": p}) for i, p in enumerate((123, ["2025-08-18"], "yesterday", "Mon, 18 Aug 2025 10:00:00 +0500", None))]
    out = list(analyze_lines(lines, rules))
    assert [o["id"] for o in out] == [0, 1, 2, 3, 4]
    assert out[0]["error"] == "line 1: 'published' must be a date such as 2025-08-18 or an RFC 2822 time, got 123"
    assert "line 2: 'published'" in out[1]["error"] and 'got "yesterday"' in out[2]["error"]
    assert "error" not in out[3] and {f["period"] for f in out[3]["facts"]} >= {"2025-07"}
    assert "error" not in out[4]


def test_analyze_lines_without_title_or_text_is_an_error(rules):
    (out,) = analyze_lines([json.dumps({"id": "c"})], rules)
    assert out == {"id": "c", "error": "line 1: expected an object with a string title or text"}


def test_monitor_analyze_command():
    title, text = MONTHLY_EXPORTS
    stdin = json.dumps({"id": 7, "title": title, "text": text, "published": "2025-08-18"}) + "\n"
    result = CliRunner().invoke(cli, ["--config", str(REPO / "sources.yaml"), "analyze"], input=stdin)
    assert result.exit_code == 0, result.output
    (line,) = result.output.splitlines()
    record = json.loads(line)
    assert set(record) == {"id", "relevant", "score", "topics", "facts", "rules"}
    assert record["id"] == 7 and record["relevant"] is True
    assert {"it_exports_monthly"} == {f["series"] for f in record["facts"]}


def test_monitor_analyze_command_reports_bad_lines():
    result = CliRunner().invoke(cli, ["--config", str(REPO / "sources.yaml"), "analyze"], input="{oops\n")
    assert result.exit_code == 1
    assert "error" in json.loads(result.output)


# --------------------------------------------------------------------------- the mission in headlines


@pytest.mark.parametrize(
    ("headline", "topic"),
    [
        ("Mobile internet suspended in Quetta for third day", "vpn_internet"),
        ("Govt to suspend internet services in three cities ahead of rally", "vpn_internet"),
        ("Immediate resumption of cellular services ordered in Panjgur", "vpn_internet"),
        ("Senate committee directs PTA to resolve internet issues within two weeks", "vpn_internet"),
        ("X remains blocked in Pakistan for sixth month", "vpn_internet"),
        ("Authorities lift year-long ban on social media site X", "vpn_internet"),
        ("X (formerly Twitter) services partially restored", "vpn_internet"),
        ("بلوچستان میں موبائل انٹرنیٹ سروس معطل", "vpn_internet"),
        ("Unregistered VPNs to be blocked from November 30", "vpn_internet"),
        ("Special Technology Zones get 10-year income tax holiday", "it_exports"),
        ("Govt notifies SEZ status for IT park in Karachi", "it_exports"),
        ("KP cabinet approves technology zone in Haripur", "it_exports"),
        ("Punjab earmarks Rs12bn for IT, plans tech zone in Lahore", "it_exports"),
        ("Sindh govt unveils digital skills programme for women", "skills"),
        ("Information Technology (IT) exports rise 23pc", "it_exports"),
        ("ICT services export remittances climb to $338m", "it_exports"),
        ("آئی ٹی کی برآمدات 3 ارب ڈالر تک پہنچ گئیں", "it_exports"),
        ("انفارمیشن ٹیکنالوجی کی برآمدات میں اضافہ", "it_exports"),
    ],
)
def test_headlines_of_the_mission_are_relevant(rules, headline, topic):
    result = run(rules, headline, "")
    assert result.relevant, result.rules
    assert topic in result.topics


@pytest.mark.parametrize(
    "headline",
    [
        "Workers' remittances hit record $4.1bn in March",
        "Textile exports fall 5pc in July",
        "KSE-100 gains 500 points as tech stocks rally",
        "India's IT exports to grow 8pc this year",
        "Internet banking transactions rise 20pc",
        "Cyber crime wing arrests journalist under PECA",
        "Bangladesh freelancers demand PayPal access",
        "Children crowd the tech zone at the Lahore book fair",
    ],
)
def test_headlines_outside_the_mission_are_not(rules, headline):
    assert not run(rules, headline, "").relevant


def test_restoring_internet_in_a_clause_of_another_story_is_a_passing_mention(rules):
    text = (
        "The sit-in over the drone strike ended on Tuesday after talks with officials.\n"
        "The agreement includes compensation, an inquiry and the restoration of internet services.\n"
        "Elders said internet services in the area would be restored within a day."
    )
    assert not run(rules, "Sit-in ends after agreement with officials", text).relevant


def test_an_item_not_relevant_gives_its_figures_as_asides_only(rules):
    """A story led by the current account that carries the month's IT exports in its last
    paragraph is not relevant; its figures are asides, for deduplication, never its facts."""
    text = (
        "The current account posted a surplus of $47 million in July, the State Bank said on Monday.\n\n"
        "Analysts said the surplus would narrow as growth picked up.\n\n"
        "Reserves stood at $14.2 billion at the end of the month.\n\n"
        "Separately, the data showed IT exports at $354 million in July, up 24 percent year-on-year."
    )
    aside = analyze("Current account posts $47m surplus in July", text, rules=rules, published="2025-08-18")
    assert not aside.relevant and aside.facts == ()
    assert ("it_exports_monthly", "2025-07", 354) in {(f.series, f.period, f.value) for f in aside.asides}
    report = analyze("IT exports climb 24pc to $354m in July", "Pakistan's IT exports rose 24 percent to $354 million in July, the State Bank said.", rules=rules, published="2025-08-18")
    assert report.relevant and report.facts and report.asides == ()
    # an item that names nothing watched is not read for figures at all
    assert analyze("Gold steady", "Gold was unchanged at Rs350,000 per tola on Monday.", rules=rules, published="2025-08-18").asides == ()


#: The beat told in other words, each with the topic it is: shutdowns and blocks, and Urdu
#: digital skills training.
_SHUTDOWNS_AND_BLOCKS = [
    # a suspension of mobile service, named as a thing or said in Urdu
    ("Interior ministry approves mobile service suspension for Ashura", "Cellular services will stay off along procession routes in several cities, the ministry said."),
    ("محرم الحرام: مخصوص علاقوں میں موبائل سروس معطل رہے گی", "وزارت داخلہ نے صوبوں کی درخواست پر جلوسوں کے راستوں پر سروس بند رکھنے کی منظوری دے دی۔"),
    ("یوم عاشور کے بعد موبائل سروس بحال", "جلوس ختم ہونے کے بعد شہر بھر میں سروس مرحلہ وار بحال کر دی گئی۔"),
    # the regulator blocking or restoring a platform, in either language
    ("PTA restores access to X", "Users across the country could reach the site again on Tuesday evening, the regulator said."),
    ("پی ٹی اے نے توہین آمیز مواد نہ ہٹانے پر وکی پیڈیا بلاک کر دیا", "ادارے کا کہنا ہے کہ ویب سائٹ کو متعدد نوٹس بھیجے گئے تھے۔"),
    ("پی ٹی اے نے ٹک ٹاک پر عائد پابندی ختم کر دی", "کمپنی نے قابل اعتراض مواد ہٹانے کی یقین دہانی کرائی ہے۔"),
    # a slowdown said with its cause
    ("Cable fault slows internet across country, says PTA", "Users complained of sluggish browsing as a submarine cable was damaged near the coast."),
    # a block, its lifting or its court case told by a noun, a block with words between in
    # Urdu, and a submarine cable fault in Urdu
    ("Court seeks reasons behind X suspension", "The judge asked the interior ministry to justify the block, which users have got round with VPNs."),
    ("PM orders immediate restoration of Wikipedia, forms committee", "The encyclopedia had been inaccessible since Friday on the regulator's orders."),
    ("StreamNest ban challenged in IHC", "A petition says the PTA blocked the app without hearing its owners."),
    ("وکی پیڈیا کی سروسز پاکستان میں بند، پی ٹی اے کی تصدیق", "صارفین کا کہنا ہے کہ ویب سائٹ جمعہ کی شام سے نہیں کھل رہی۔"),
    ("پی ٹی اے نے ٹیلی گرام تک رسائی عارضی طور پر بند کر دی", "امتحانی پرچے لیک ہونے کے بعد یہ فیصلہ کیا گیا۔"),
    ("زیر سمندر کیبل میں خرابی، انٹرنیٹ کی رفتار متاثر", "صارفین کو ویب سائٹس کھولنے میں مشکلات کا سامنا ہے۔"),
    ("ملک بھر میں سوشل میڈیا پلیٹ فارمز چار گھنٹے بند", "آن لائن کاروبار کرنے والے افراد کو مشکلات کا سامنا رہا۔"),
    # the regulator's block in a long Urdu sentence, the bandwidth a cable fault took back, the
    # blocking "of" an app "by" the regulator, slow speeds
    ("پی ٹی اے نے غیر اخلاقی مواد پر لائیو اسٹریمنگ ایپ اسٹریم نیسٹ بلاک کر دی", "ایپ استعمال کرنے والے میزبانوں کی آمدن متاثر ہوئی ہے۔"),
    ("متبادل کیبلز سے انٹرنیٹ سروس میں بہتری: پی ٹی اے", "سب میرین کیبل میں خرابی سے متاثر ہونے والی بینڈوڈتھ کا بڑا حصہ بحال کر دیا گیا ہے۔"),
    ("StreamNest ban leaves hosts without income", "The blocking of StreamNest by the Pakistan Telecommunication Authority has left thousands of hosts without their main income."),
    ("Internet users across country hit by slow speeds", "Users complained of slow browsing and failed video calls on Thursday, with mobile data and broadband both affected."),
    # an Urdu block of "access" said with more words between, and an app's ban, lifting or
    # restoration in an Urdu title whose lead names the regulator
    ("ویڈیو ایپ پر پابندی", "پاکستان ٹیلی کمیونیکیشن اتھارٹی (پی ٹی اے) نے ویڈیو شیئرنگ ایپلی کیشن کلپ زون تک ملک بھر میں رسائی فوری طور پر بلاک کر دی ہے۔"),
    ("کلپ زون پر پابندی عائد", "ترجمان کے مطابق ایپ پر نازیبا مواد کی شکایات ملی تھیں اور پی ٹی اے نے کمپنی کو دو نوٹس بھیجے تھے۔"),
    ("کمپنی کی یقین دہانی کے بعد کلپ زون کی سروس بحال: پی ٹی اے", "ایپ نے مقامی قوانین کے مطابق مواد کی نگرانی سخت کرنے کا وعدہ کیا ہے۔"),
    ("پی ٹی اے نے ایک ہفتے بعد کلپ زون پر عائد پابندی مشروط طور پر ختم کر دی", "کمپنی 90 دن میں مقامی ماڈریٹرز کی ٹیم بنائے گی۔"),
]
_URDU_SKILLS_TRAINING = [
    # "KP's digital skills programme: 9,000 young people complete training"
    ("ڈیجیٹل ہنر پروگرام: 9 ہزار نوجوانوں نے تربیت مکمل کر لی", "صوبائی آئی ٹی بورڈ کے مطابق تربیت میں ویب ڈویلپمنٹ اور گرافک ڈیزائن کے کورس شامل تھے۔"),
    # "the IT board's training programme benefits 9,500 young people"
    ("کے پی آئی ٹی بی کے تربیتی پروگرام سے ساڑھے 9 ہزار نوجوان مستفید", "پروگرام کے تحت نوجوانوں کو آن لائن کام کے لیے ڈیجیٹل مہارتیں سکھائی گئیں۔"),
    # "youth skills programme: training of 110,000 young people complete", IT and digital
    # marketing among the courses
    ("یوتھ اسکلز پروگرام: ایک لاکھ 10 ہزار نوجوانوں کی تربیت مکمل", "پہلے مرحلے میں 61 ہزار نوجوانوں کو آئی ٹی، ای کامرس اور ڈیجیٹل مارکیٹنگ میں تربیت دی گئی۔"),
]


@pytest.mark.parametrize(
    "topic, title, text",
    [("vpn_internet", *case) for case in _SHUTDOWNS_AND_BLOCKS] + [("skills", *case) for case in _URDU_SKILLS_TRAINING],
)
def test_the_beat_in_other_words(rules, topic, title, text):
    result = run(rules, title, text)
    assert result.relevant and topic in result.topics, result.rules


def test_a_block_under_the_cybercrime_law_is_a_platform_ban(rules):
    text = (
        "The Pakistan Telecommunication Authority on Monday blocked access to StreamNest, a live-streaming app, citing indecent content.\n"
        "Officials said the action was taken under Section 37 of the Prevention of Electronic Crimes Act, which lets the regulator block unlawful content.\n"
        "Some users said they could still reach the app through virtual private networks."
    )
    result = run(rules, "PTA blocks live-streaming app StreamNest", text)
    assert result.relevant and "exclude:cybercrime_peca" not in result.rules
    # a cybercrime case stays out
    result = run(rules, "NCCIA arrests man over blasphemous posts", "The accused was booked under the Prevention of Electronic Crimes Act after a complaint, the cybercrime wing said.")
    assert not result.relevant


@pytest.mark.parametrize(
    "title, text",
    [
        # an Urdu editorial that says "our" (ہمارے) of the country, beside India
        (
            "آئی ٹی برآمدات میں اضافہ، رفتار برقرار رکھنے کی ضرورت",
            "اقتصادی جائزے کے مطابق آئی ٹی برآمدات نو ماہ میں 30 فیصد بڑھ گئیں۔\n"
            "ہمارے نوجوان فری لانسرز نے عالمی منڈی میں جگہ بنائی ہے، اگرچہ بھارت کی آئی ٹی برآمدات کہیں زیادہ ہیں۔",
        ),
        # a district of Pakistan named, beside clients in the US
        (
            "Online businesses in DI Khan count losses as mobile data stays off",
            "Mobile data services remained suspended in Dera Ismail Khan for a third day, leaving online sellers and freelancers cut off.\n"
            "A freelancer said her clients in the US had moved work to others as she could not deliver on time.",
        ),
    ],
)
def test_a_home_named_in_other_words_makes_a_text_no_other_countrys(rules, title, text):
    result = run(rules, title, text)
    assert result.relevant and "exclude:foreign_no_pakistan" not in result.rules


def test_a_name_before_ban_needs_the_regulators_block(rules):
    assert not run(rules, "Senate committee discusses Karachi ban on pillion riding", "Police said the measure would be reviewed next month.").relevant


def test_urdu_training_of_other_kinds_is_no_skills_programme(rules):
    # "police training programme for 500 recruits begins"
    assert not run(rules, "500 ریکروٹس کے لیے پولیس کا تربیتی پروگرام شروع", "تربیت چھ ماہ جاری رہے گی اور اس میں جسمانی مشقیں شامل ہیں۔").relevant
    # "youth skills programme: young people trained in tailoring and cooking"
    assert not run(rules, "یوتھ اسکلز پروگرام کے تحت 5 ہزار نوجوانوں کی تربیت مکمل", "نوجوانوں کو سلائی، کھانا پکانے اور الیکٹریشن کے کورس کرائے گئے۔").relevant


def test_urdu_software_technology_parks_are_it_exports(rules):
    result = run(rules, "ملتان میں آئی ٹی پارک فعال", "بوسن روڈ پر تعمیر ہونے والا سافٹ ویئر ٹیکنالوجی پارک ہفتے کے روز فعال کر دیا گیا جس میں 1500 نشستیں ہیں۔")
    assert result.relevant and "it_exports" in result.topics


def test_sims_blocked_by_the_regulator_are_no_internet_block(rules):
    assert not run(rules, "PTA blocks 200,000 illegally issued SIMs", "The regulator said the SIMs had been issued without biometric verification.").relevant
    assert not run(rules, "پی ٹی اے نے غیر قانونی طور پر جاری 2 لاکھ سے زائد سمیں بلاک کر دیں", "اتھارٹی کے مطابق یہ سمیں بائیو میٹرک تصدیق کے بغیر جاری کی گئی تھیں۔").relevant
    assert not run(rules, "غیر قانونی سمیں بلاک", "پی ٹی اے نے بائیو میٹرک تصدیق کے بغیر جاری 50 ہزار سمیں بلاک کر دیں۔").relevant
    # a ban or restoration in an Urdu title with no regulator in its lead is no platform's
    assert not run(rules, "ڈبل سواری پر پابندی عائد", "ضلعی انتظامیہ نے محرم کے دوران شہر میں موٹر سائیکل پر ڈبل سواری پر پابندی لگا دی۔").relevant
    assert not run(rules, "شہر میں بجلی کی سروس بحال", "کے الیکٹرک کے مطابق فیڈرز کی مرمت کے بعد فراہمی بحال کر دی گئی۔").relevant


def test_access_to_a_platform_restricted_is_a_platform_ban(rules):
    # no "ban" or "block" of X by name, but access to it restricted across the country
    result = run(
        rules,
        "X outage in Pakistan enters second day",
        "ISLAMABAD: Users in Pakistan could not reach the social media platform X for a second day on Sunday.\n\n"
        "A monitoring group said its data showed that access to X had been restricted across the country since Saturday evening.\n\n"
        "The regulator did not respond to requests for comment.\n\n"
        "Pakistan has blocked social media platforms in the past, particularly during protests.",
    )
    assert result.relevant and "vpn_internet" in result.topics
    # a platform's own outage somewhere else, with no access cut, is not
    assert not run(rules, "X down for thousands of users worldwide", "The platform said a software fault was to blame and service returned within hours.").relevant


def test_people_trained_in_digital_work_are_a_skills_programme(rules):
    result = run(
        rules,
        "Graduates of youth skills programme receive certificates",
        "Certificates were given to 420 graduates of the programme in the district.\n\n"
        "The graduates were trained at fourteen institutes in freelancing, graphic design and web development.\n\n"
        "The regional head said sixty thousand young people are being trained in the current phase.",
    )
    assert "skills" in result.topics
    # trained in other trades is not
    assert "skills" not in run(rules, "Youth trained in plumbing", "Some 300 young men were trained in plumbing and welding at the institute.").topics


def test_urdu_navttc_and_courses_in_digital_work(rules):
    # "youth skills programme: certificates to 1,250 young people in Multan" with NAVTTC's
    # courses in e-commerce, digital marketing and graphic design
    result = run(
        rules,
        "ملتان: یوتھ اسکلز پروگرام کے تحت 1250 نوجوانوں میں اسناد تقسیم",
        "ملتان میں تربیت مکمل کرنے والے 1250 نوجوانوں میں اسناد تقسیم کی گئیں۔\n\n"
        "نیوٹیک کے مطابق نوجوانوں کو ای کامرس، ڈیجیٹل مارکیٹنگ اور گرافک ڈیزائن کے کورسز کرائے گئے۔\n\n"
        "کمشنر نے کہا کہ فری لانسنگ کے ذریعے نوجوان گھر بیٹھے زرمبادلہ کما سکتے ہیں۔",
    )
    assert result.relevant and result.topics[0] == "skills"
    # NAVTTC's courses in tailoring and cooking are no digital-skills programme
    assert not run(rules, "نیوٹیک کے تحت 500 نوجوانوں کی تربیت مکمل", "نیوٹیک کے مطابق نوجوانوں کو سلائی اور کھانا پکانے کے کورسز کرائے گئے۔").relevant


def test_a_firms_own_release_pitching_a_product_is_no_news(rules):
    # "Karachi (press release): the bank has launched a dollar account for freelancers"
    text = "کراچی (پریس ریلیز) نجی بینک نے فری لانسرز کے لیے ڈالر اکاؤنٹ متعارف کرا دیا ہے۔ فری لانسرز یہ اکاؤنٹ آن لائن کھول سکتے ہیں اور ان کی آمدن براہ راست اکاؤنٹ میں آئے گی۔"
    assert not run(rules, "نجی بینک نے فری لانسرز کے لیے ڈالر اکاؤنٹ متعارف کرا دیا", text).relevant
    # a regulator's handout stays news, however the paper marks it
    handout = "اسلام آباد (پریس ریلیز) پی ٹی اے نے فری لانسرز کے لیے وی پی این رجسٹریشن کا عمل آسان کر دیا ہے۔ فری لانسرز اب ایک دن میں رجسٹریشن کرا سکیں گے۔"
    assert run(rules, "پی ٹی اے نے فری لانسرز کے لیے وی پی این رجسٹریشن آسان کر دی", handout).relevant
    assert "promotion" in [r.removeprefix("exclude:") for r in run(rules, "Bank launches freelancer account (Sponsored)", "The bank's new account lets freelancers receive dollars online.").rules]


def test_an_events_announcement_a_guide_and_an_obituary_are_no_news(rules):
    announcement = run(
        rules,
        "Association to hold seminar on VPN rules for freelancers",
        "The association will hold a seminar on the new VPN registration rules for freelancers on Saturday. Entry is free.",
    )
    assert not announcement.relevant and "exclude:event_notice" in announcement.rules
    guide = run(rules, "How to register your VPN with PTA: a complete guide", "Freelancers must register their VPNs with PTA. Here are the steps.")
    assert not guide.relevant and "exclude:how_to" in guide.rules
    obituary = run(rules, "Veteran freelance trainer passes away", "The trainer, who taught freelancing to thousands of young people online, died on Monday.")
    assert not obituary.relevant and "exclude:obituary" in obituary.rules
    # the news they would sit beside
    assert run(rules, "PTA simplifies VPN registration for freelancers", "Freelancers can now register their VPNs with PTA within a day, the regulator said.").relevant


def test_urdu_internet_speed_ranking_is_a_ranking(rules):
    # "mobile internet speed: Pakistan 100th in the global ranking", as "Speedtest Global Index" in English
    result = run(
        rules,
        "موبائل انٹرنیٹ کی رفتار: عالمی درجہ بندی میں پاکستان 100ویں نمبر پر",
        "اوکلا کے اسپیڈ ٹیسٹ گلوبل انڈیکس کی فروری کی رپورٹ کے مطابق موبائل انٹرنیٹ کی رفتار کے لحاظ سے پاکستان 111 ممالک میں 100ویں نمبر پر ہے۔",
    )
    assert result.relevant and "rankings" in result.topics
    # a grading of crops is no ranking
    assert "rankings" not in run(rules, "آم کی برآمد", "ماہرین کے مطابق آم کی درجہ بندی جدید طریقوں سے کی جائے تو برآمد بڑھ سکتی ہے۔").topics


def test_pakistans_place_said_in_urdu_is_a_ranking(rules):
    # "Pakistan fourth in the world for growth in freelancers' earnings", with no word for "ranking"
    result = run(
        rules,
        "فری لانسرز کی آمدنی میں اضافے کے لحاظ سے پاکستان دنیا میں چوتھے نمبر پر",
        "ایک عالمی ادائیگی کمپنی کی رپورٹ کے مطابق فری لانسرز کی آمدنی میں اضافے کے لحاظ سے پاکستان دنیا میں چوتھے نمبر پر ہے۔",
    )
    assert "rankings" in result.topics
    assert "rankings" in run(rules, "عالمی فری لانسنگ انڈیکس میں پاکستان کی چوتھی پوزیشن", "رپورٹ کے مطابق فری لانسرز کی آمدنی میں 47 فیصد اضافہ ہوا۔").topics
    # the provinces' or the markets' order is not Pakistan's place
    provinces = run(
        rules,
        "پی ایس ای بی میں فری لانسرز کی رجسٹریشن",
        "رجسٹرڈ فری لانسرز میں پنجاب پہلے، سندھ دوسرے اور خیبرپختونخوا تیسرے نمبر پر رہا۔",
    )
    assert "rankings" not in provinces.topics


def test_the_nth_largest_said_in_urdu_is_a_ranking(rules):
    # "Pakistan the world's fourth-largest country for earnings from freelancing", as
    # "fourth-largest" is in English
    result = run(rules, "فری لانسنگ سے آمدنی میں پاکستان دنیا کا چوتھا بڑا ملک قرار", "")
    assert result.relevant and "rankings" in result.topics
    # (only Pakistan's: "the second-biggest digital currency" ranks nothing of ours)
    crypto = run(rules, "کرپٹو مارکیٹ میں مندی", "دوسری بڑی ڈیجیٹل کرنسی ایتھر کی قیمت بھی ایک ہزار ڈالر سے نیچے آ گئی۔")
    assert "rankings" not in crypto.topics


def test_pakistans_place_said_right_after_its_name_in_online_labour_is_a_ranking(rules):
    # "Pakistan third in online labour supply": the place with no word for "ranking", in a
    # headline whose only other clue is the online labour it ranks
    result = run(rules, "Pakistan third in online labour supply; Karachi makes Asia's top 10 startup cities", "")
    assert result.relevant and "rankings" in result.topics
    assert "rankings" in run(rules, "Pakistan ranks fourth in Online Labour Index as demand for its developers soars", "").topics
    # a place in a match or a medal table is not one
    assert not run(rules, "Pakistan third in Asian hockey standings", "").relevant


def test_handsets_and_the_taxes_on_phones_are_not_internet_policy(rules):
    body = (
        "The Pakistan Telecommunication Authority said its DIRBS system had blocked 1.1 million non-compliant phones, "
        "while the FBR revised the sales tax on handsets worth more than $500.\n\n"
        "Consumer groups said costlier phones would hurt young people who rely on mobile internet, including freelancers in smaller towns."
    )
    phones = run(rules, "PTA tax on phones revised as DIRBS blocks 1.1m handsets", body)
    assert not phones.relevant and "exclude:handsets" in phones.rules
    assert not run(rules, "موبائل فونز پر ٹیکس میں اضافہ، پی ٹی اے کا نیا نظام", "پی ٹی اے نے موبائل فونز کی رجسٹریشن کے لیے نئے ٹیکس نافذ کر دیے۔ صارفین نے انٹرنیٹ مہنگا ہونے کی شکایت کی۔").relevant
    # a report that leads with VPNs or freelancers is kept, handsets named or not
    kept = run(rules, "PTA links VPN registration to handset IMEI for freelancers", "Freelancers must now register their VPNs against a registered handset, the PTA said.\n\nThe rule applies from July.")
    assert kept.relevant and "exclude:handsets" not in kept.rules


def test_the_central_bank_as_the_source_of_export_figures_is_no_payments_story(rules):
    release = run(
        rules,
        "IT exports grow 31% in July",
        "Data released by the State Bank of Pakistan on Friday showed that IT exports were $218 million in July.\n\n"
        "According to the State Bank, IT exports in the first month of the fiscal year rose 31 percent.",
    )
    assert "it_exports" in release.topics and "payments" not in release.topics
    # the central bank as the rule-maker for freelancers' and exporters' money still is one
    rule = run(
        rules,
        "Freelancers may keep more of their dollars",
        "The State Bank of Pakistan will let freelancers retain half of their foreign income in a new account, according to a statement.\n\n"
        "Banks must offer the accounts from April, the State Bank said of the freelancers' new facility.",
    )
    assert "payments" in rule.topics


def test_urdu_copy_that_names_it_exports_in_latin_letters_is_relevant(rules):
    """Urdu copy writes the short name in Latin letters as often as in Urdu: "IT برآمدات"."""
    for title in ("اگست میں IT برآمدات 31کروڑ ڈالر، 18فیصد اضافہ", "مالی سال2024ءمیں ICT کی برآمدات 3٫2ارب ڈالر"):
        result = run(rules, title, "", published="2024-09-18")
        assert result.relevant and "it_exports" in result.topics, (title, result.rules)
    # Latin "IT" beside other Urdu words is no IT exports
    assert not run(rules, "IT سیکٹر کے ملازمین کی تنخواہیں", "", published="2024-09-18").relevant


def test_a_place_named_as_a_spot_or_position_is_a_ranking(rules):
    result = run(rules, "Pakistan keeps fourth spot in Online Labour Index; US leads", "")
    assert result.relevant and "rankings" in result.topics
    assert "rankings" in run(rules, "Pakistan slips to sixth position among top freelance markets", "").topics
    # a team's place is not one, nor "in the first place"
    assert not run(rules, "Pakistan finish third place in Asia Cup hockey", "").relevant
    assert "ordinal spot" not in " ".join(run(rules, "Why IT exports stalled in the first place", "").rules)


def test_a_speed_index_place_and_a_pakistani_market_are_ours(rules):
    assert run(rules, "Pakistan ranks 112th in Speedtest mobile index for February", "").relevant
    body = (
        "Systems Limited (PSX: SYS) held its corporate briefing today. Revenue for CY22 rose to PKR 32.7bn, "
        "and the company sees strong demand in Saudi Arabia and the UAE.\n\n"
        "For the industry as a whole, the country's IT exports were recorded at USD 1.52bn during 7MFY23."
    )
    result = run(rules, "Software exporter expects growth despite headwinds", body)
    assert result.relevant and "exclude:foreign_no_pakistan" not in result.rules


def test_urdu_names_of_pashas_body_payoneer_and_dollar_accounts(rules):
    # "the Pakistan Software Houses Association says internet disruption hurt IT firms"
    result = run(rules, "انٹرنیٹ میں خلل سے آئی ٹی شعبہ متاثر", "پاکستان سافٹ ویئر ہاؤسز ایسوسی ایشن کا کہنا ہے کہ انٹرنیٹ میں خلل کے باعث آئی ٹی کمپنیوں اور فری لانسرز کا کام متاثر ہوا۔")
    assert "industry_bodies" in result.topics
    # Payoneer spelt with a space, and a dollar account for freelancers
    result = run(rules, "فری لانسرز کی آمدن میں اضافہ", "فری لانسرز کا کہنا ہے کہ پے اونیئر سے رقم نکلوانا آسان ہے۔")
    assert "payments" in result.topics
    result = run(rules, "فری لانسرز کی آمدن میں اضافہ", "فری لانسرز کے لیے ڈالر اکاؤنٹ کھولنے کا طریقہ کار آسان بنایا جائے، آئی ٹی ماہرین کا مطالبہ۔")
    assert "payments" in result.topics


def test_a_services_location_ranking_is_a_ranking(rules):
    # Kearney's index ranks where IT and business services work is sent
    result = run(rules, "Pakistan placed 37th in Kearney's 2021 Global Services Location Index", "")
    assert result.relevant and "rankings" in result.topics
    assert not run(rules, "Kearney appoints new partner for Middle East", "").relevant


def test_a_court_telling_the_government_to_restore_x(rules):
    result = run(rules, "SHC directs interior ministry to restore X or justify ban by next hearing", "")
    assert result.relevant and "vpn_internet" in result.topics
    assert not run(rules, "Hospital to restore X-ray services next week", "").relevant


def test_urdu_computer_services_exports_are_it_exports(rules):
    result = run(rules, "پہلی ششماہی: کمپیوٹر سروسز کی برآمدات 25 فیصد بڑھ کر ایک ارب 56 کروڑ ڈالر ہو گئیں", "")
    assert result.relevant and result.topics == ("it_exports",)
    assert not run(rules, "کمپیوٹر سروسز کی درآمدات میں اضافہ", "").relevant  # (imports are not)
