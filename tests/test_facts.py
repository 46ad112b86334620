"""Figures, periods and series from sentences written for these tests."""

from __future__ import annotations

import logging

import pytest

from monitor.facts import (
    canonical_period,
    extract_facts,
    find_periods,
    is_revision,
    same_fact,
    shift_period,
)
from monitor.models import Fact


def named(text: str, published: str | None = "2025-08-18", title: str = "") -> set[tuple[str, str, float, str]]:
    """``(series, period, value, unit)`` of every fact outside the ``other`` series."""
    return {(f.series, f.period, f.value, f.unit) for f in extract_facts(title, text, published) if f.series != "other"}


def periods(sentence: str, published: str | None = "2025-08-18") -> list[str]:
    return [p.value for p in find_periods(sentence, published) if not p.comparison and not p.target]


# --------------------------------------------------------------------------- number forms


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("IT exports were $354m in July.", 354, "USD_million"),
        ("IT exports were $348Mn in July.", 348, "USD_million"),
        ("IT exports were $1.3bln in the first quarter of FY26.", 1300, "USD_million"),
        ("IT exports were US$ 2.616 billion in 11MFY25.", 2616, "USD_million"),
        ("IT exports were $1,941.350 million in 1HFY25.", 1941.35, "USD_million"),
        ("IT exports were US $3.2 billion in FY25.", 3200, "USD_million"),
        ("IT exports were 354 million dollars in July.", 354, "USD_million"),
        ("IT exports were USD 354 million in July.", 354, "USD_million"),
        ("IT exports were $0.35 billion in July.", 350, "USD_million"),
    ],
)
def test_money_forms(sentence, value, unit):
    (fact,) = extract_facts("", sentence, "2025-08-18")
    assert (fact.value, fact.unit) == (value, unit)


def test_rupee_amounts_are_pkr_million():
    assert named("Freelancers earned Rs30 billion in FY24.") == {("freelancer_earnings", "FY2023-24", 30_000, "PKR_million")}
    assert named("Freelancers earned Rs. 45,000 million in FY24.") == {("freelancer_earnings", "FY2023-24", 45_000, "PKR_million")}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("IT exports rose 24pc in July.", 24),
        ("IT exports rose 23.7 per cent in July.", 23.7),
        ("IT exports rose 23.7 percent in July.", 23.7),
        ("IT exports rose 9% in July.", 9),
        ("IT exports grew by 4 pc in July.", 4),
    ],
)
def test_percent_forms(sentence, value):
    assert named(sentence) == {("it_exports_monthly", "2025-07", value, "percent")}


def test_a_decline_is_negative():
    assert named("IT exports in May showed a decline of 1.0 per cent.") == {("it_exports_monthly", "2025-05", -1.0, "percent")}
    assert named("IT exports fell 3.5pc month-on-month in June.") == {("it_exports_monthly", "2025-06", -3.5, "percent")}
    assert named("IT exports were $300m in June, 2pc lower than a year earlier.") == {
        ("it_exports_monthly", "2025-06", 300, "USD_million"),
        ("it_exports_monthly", "2025-06", -2, "percent"),
    }


def test_a_direction_word_right_after_the_figure_wins():
    assert named("IT exports rose to $354m in July, posting 12pc growth.") >= {("it_exports_monthly", "2025-07", 12, "percent")}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Pakistan is home to 2.37 million freelancers.", 2_370_000),
        ("Pakistan is home to 23 lac freelancers.", 2_300_000),
        ("Pakistan is home to 23 lakh freelancers.", 2_300_000),
        ("Pakistan is home to 1.5m freelancers.", 1_500_000),
        ("Pakistan is home to 1,500,000 registered freelancers.", 1_500_000),
    ],
)
def test_freelancer_counts(sentence, value):
    assert named(sentence) == {("freelancer_count", "", value, "count")}


def test_a_count_of_something_else_near_freelancers_is_not_a_freelancer_count():
    assert named("The programme trained 4.6 million students in freelancing courses.") == set()
    assert named("The association will train 200,000 freelancers every year.") == set()
    assert named("The association has 150,000 freelancers as members.") == set()


def test_people_named_as_freelancers_are_counted():
    assert named("Over 2 million Pakistanis work as freelancers.") == {("freelancer_count", "", 2_000_000, "count")}


@pytest.mark.parametrize(
    ("sentence", "rank"),
    [
        ("Pakistan ranks 4th among freelancing countries.", 4),
        ("Pakistan is the fourth-largest freelance market in the world.", 4),
        ("Pakistan is the 3rd largest supplier of online freelance labour.", 3),
        ("Pakistan was ranked second in the gig economy index.", 2),
        ("Pakistan is one of the top five countries of the global gig workforce.", 5),
        ("The Kearney index ranks Pakistan 23rd among destinations for IT services.", 23),
    ],
)
def test_rank_forms(sentence, rank):
    assert named(sentence) == {("ranking", "", rank, "rank")}


def test_ranks_outside_the_watched_subjects_are_ignored():
    assert named("Pakistan ranks 33rd in terms of its trade deficit with the United States.") == set()
    assert named("India ranks first in IT exports.") == set()


def test_vpn_registrations():
    assert named("The regulator has registered 25,000 VPNs so far.") == {("vpn_registrations", "", 25_000, "count")}
    assert named("VPN registrations crossed 30,000 by the end of May.") == {("vpn_registrations", "2025-05", 30_000, "count")}
    assert named("The regulator has received 1,200 applications for VPN registration.") == set()


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("IT exports in FY24 were $3.2bn.", "2024-08-01", "FY2023-24"),
        ("IT exports in FY2023-24 were $3.2bn.", "2024-08-01", "FY2023-24"),
        ("IT exports in fiscal year 2023-24 were $3.2bn.", "2024-08-01", "FY2023-24"),
        ("IT exports during 2023-24 were $3.2bn.", "2024-08-01", "FY2023-24"),
        ("IT exports in FY 2024 were $3.2bn.", "2024-08-01", "FY2023-24"),
        ("IT exports in the last fiscal year were $3.2bn.", "2024-08-01", "FY2023-24"),
        ("IT exports in 1HFY24 were $1.6bn.", "2024-02-01", "FY2023-24:H1"),
        ("IT exports in H1FY24 were $1.6bn.", "2024-02-01", "FY2023-24:H1"),
        ("IT exports in 11MFY23 were $2.4bn.", "2023-06-20", "FY2022-23:Jul-May"),
        ("IT exports in 9MFY25 were $2.8bn.", "2025-04-20", "FY2024-25:Jul-Mar"),
        ("IT exports during Jul-Mar were $2.8bn.", "2025-04-20", "FY2024-25:Jul-Mar"),
        ("IT exports during July-March FY25 were $2.8bn.", "2025-06-20", "FY2024-25:Jul-Mar"),
        ("IT exports during July to March of 2024-25 were $2.8bn.", "2025-06-20", "FY2024-25:Jul-Mar"),
        ("IT exports in the first four months of FY26 were $1.4bn.", "2025-11-20", "FY2025-26:Jul-Oct"),
        ("IT exports in the first four months of the current fiscal year were $1.4bn.", "2025-11-20", "FY2025-26:Jul-Oct"),
        ("IT exports in the first quarter of FY26 were $1.1bn.", "2025-10-20", "FY2025-26:Q1"),
        ("IT exports in Q1FY26 were $1.1bn.", "2025-10-20", "FY2025-26:Q1"),
        ("IT exports in the first half of the current fiscal year were $1.9bn.", "2025-01-20", "FY2024-25:H1"),
    ],
)
def test_fiscal_periods(sentence, published, expected):
    assert {f.period for f in extract_facts("", sentence, published)} == {expected}


def test_a_month_without_a_year_is_the_latest_such_month_before_the_article():
    assert named("IT exports were $354m in July.", "2025-08-18") == {("it_exports_monthly", "2025-07", 354, "USD_million")}
    assert named("IT exports were $348m in December.", "2025-01-20") == {("it_exports_monthly", "2024-12", 348, "USD_million")}
    assert named("IT exports were $348m in December 2023.", "2025-01-20") == {("it_exports_monthly", "2023-12", 348, "USD_million")}


def test_relative_months():
    assert periods("IT exports last month", "2025-08-18") == ["2025-07"]
    assert periods("IT exports last month", "2025-01-05") == ["2024-12"]
    assert periods("IT exports in July last year", "2025-08-18") == ["2024-07"]


def test_a_calendar_year_and_a_date_are_told_apart():
    assert named("ICT exports reached US $3.2 billion in 2024.", "2025-06-01") == {("it_exports_annual", "2024", 3200, "USD_million")}
    assert periods("The meeting was held on May 31, 2025 in Islamabad.") == []
    assert periods("The forum was held on 29 & 30th April.") == []


def test_without_a_period_the_period_is_empty():
    assert named("Freelancers contributed more than $500 million in foreign exchange.") == {("freelancer_earnings", "", 500, "USD_million")}


def test_without_an_article_date_a_bare_month_has_no_year():
    assert periods("IT exports in July", None) == [""]
    assert named("IT exports in FY25 were $3.8bn.", None) == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


# --------------------------------------------------------------------------- comparisons


def test_the_base_of_a_comparison_dates_its_own_figure():
    assert named("IT exports rose 24pc year-on-year to $354m in July, compared to $286m in the same month last year.") == {
        ("it_exports_monthly", "2025-07", 24, "percent"),
        ("it_exports_monthly", "2025-07", 354, "USD_million"),
        ("it_exports_monthly", "2024-07", 286, "USD_million"),
    }


def test_a_comparison_period_does_not_date_the_growth_rate():
    text = "The IT sector generated an export remittance of $3.22 billion during the 2023-24, an increase of 24.15 pc compared to FY 2022-23."
    assert named(text, "2025-06-03") == {
        ("it_exports_annual", "FY2023-24", 3220, "USD_million"),
        ("it_exports_annual", "FY2023-24", 24.15, "percent"),
    }


def test_same_period_last_year_for_cumulative_figures():
    text = "ICT exports during 9MFY25 stood at $2.83bn, up 23.7 per cent from $2.29bn in the same period last year."
    assert named(text, "2025-04-20") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2830, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-Mar", 23.7, "percent"),
        ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2290, "USD_million"),
    }


def test_same_period_last_year_shifts_the_period_it_is_compared_with_not_the_first_named():
    """The survey's own year is named first; the base is July-March of the year before."""
    text = (
        "The Economic Survey 2024-25 reports that ICT exports grew by 23.7 percent to $2.825 billion during "
        "July-March of fiscal year 2024-25, compared with $2.284 billion in the same period of the previous year."
    )
    assert ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2284, "USD_million") in named(text, "2025-06-10")


def test_a_target_in_an_although_clause_leaves_the_figure_before_it_alone():
    text = (
        "In fiscal year 2024-25, exports of IT and IT-enabled services reached a record $3.8 billion, an increase "
        "of about 18pc over the previous year, although the amount fell short of the government's target of $4.2bn."
    )
    found = named(text, "2025-08-19")
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in found
    assert ("it_exports_annual", "FY2024-25", 18, "percent") in found
    assert not [f for f in found if f[2] == 4200 and f[0] != "other"]  # the target stays out of the series


# --------------------------------------------------------------------------- subjects and series


def test_figures_of_other_subjects_are_not_ours():
    text = "Total exports rose 10pc to $30bn while IT exports grew 20pc to $3.8bn in FY25."
    assert named(text) == {("it_exports_annual", "FY2024-25", 20, "percent"), ("it_exports_annual", "FY2024-25", 3800, "USD_million")}
    assert named("Workers' remittances stood at $3.2bn in May.") == set()
    assert named("The government allocated Rs5 billion for the IT parks in FY26.") == set()


def test_targets_projections_changes_and_averages_go_to_other():
    for sentence in (
        "IT exports are expected to reach $4bn in FY26.",
        "The government aims to take IT exports to $10bn by 2029.",
        "IT exports rose by $50m in May.",
        "The 12-month average of IT exports was $320m.",
        "IT exports have crossed $3.5 billion.",
        "IT exports were 10pc of total exports in July.",
    ):
        facts = extract_facts("", sentence, "2025-08-18")
        assert facts and {f.series for f in facts} == {"other"}, sentence


def test_words_that_only_look_like_targets_do_not_count():
    assert named("IT exports rose to $354m in July, the planning ministry said.") == {("it_exports_monthly", "2025-07", 354, "USD_million")}


def test_tax_training_and_loss_claims_about_freelancers_go_to_other():
    assert named("Freelancers paid Rs30 billion in taxes in FY24.") == set()
    assert named("Trainees of the programme earned $1.6 billion, a survey said.") == set()
    assert named("Freelancers met the minister. They said their losses reached $50 million.") == set()


def test_a_sentence_that_refers_back_inherits_subject_and_period():
    text = "Pakistan's IT exports rose to $354m in July.\nOn a month-on-month basis, exports increased 15pc."
    assert named(text) == {("it_exports_monthly", "2025-07", 354, "USD_million"), ("it_exports_monthly", "2025-07", 15, "percent")}
    text = "Freelancers are a growing force. They brought in more than $500 million in foreign exchange."
    assert named(text) == {("freelancer_earnings", "", 500, "USD_million")}


def test_the_period_under_review_is_the_period_of_the_sentence_before():
    text = "IT exports rose to $354m in July.\nFreelancers earned $40m during the month under review."
    assert named(text) >= {("freelancer_earnings", "2025-07", 40, "USD_million")}
    text = "ICT exports were $3.1bn in July-April FY25.\nSoftware exports during the 10-month period were $2.9bn."
    assert named(text, "2025-05-19") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Apr", 3100, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-Apr", 2900, "USD_million"),
    }


def test_a_sentence_that_does_not_refer_back_inherits_nothing():
    assert named("Pakistan's IT exports rose to $354m in July.\nThe rupee closed at 281 against the dollar.") == {
        ("it_exports_monthly", "2025-07", 354, "USD_million")
    }


def test_the_same_figure_in_title_and_body_is_one_fact():
    facts = extract_facts("IT exports reach $354m in July", "Pakistan's ICT exports were $354 million in July 2025.", "2025-08-18")
    assert [(f.series, f.period, f.value) for f in facts] == [("it_exports_monthly", "2025-07", 354)]
    assert facts[0].quote == "IT exports reach $354m in July"


def test_quotes_are_exact_substrings_and_facts_carry_the_date():
    title, text = "IT exports up", "Officials said on Monday that IT exports were $354m in July. The rest is unrelated."
    (fact,) = extract_facts(title, text, "2025-08-18")
    assert fact.quote in f"{title}\n{text}"
    assert fact.quote == "Officials said on Monday that IT exports were $354m in July."
    assert fact.published == "2025-08-18"


def test_a_monthly_report_in_full():
    text = (
        "KARACHI: The country's information and communication technology (ICT) exports surged 21 percent to $338 million "
        "in April compared with $280 million in the same month last year, central bank data showed.\n"
        "ICT exports were down 2 percent from $345 million in March.\n"
        "During July-April FY2025, ICT exports rose 22 percent to $3.1 billion.\n"
        "Computer services exports increased by 23 percent to $2.6 billion during the period."
    )
    assert named(text, "2025-05-19") == {
        ("it_exports_monthly", "2025-04", 21, "percent"),
        ("it_exports_monthly", "2025-04", 338, "USD_million"),
        ("it_exports_monthly", "2024-04", 280, "USD_million"),
        ("it_exports_monthly", "2025-04", -2, "percent"),  # month-on-month: the period of the sentence before
        ("it_exports_monthly", "2025-03", 345, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-Apr", 22, "percent"),
        ("it_exports_cumulative", "FY2024-25:Jul-Apr", 3100, "USD_million"),
    }


def test_parts_of_ict_exports_go_to_other():
    facts = extract_facts("", "Computer services exports rose 23 percent to $2.6 billion in FY25.", "2025-08-18")
    assert {f.series for f in facts} == {"other"}


def test_each_clause_keeps_its_own_subject_and_period():
    text = "Remittances from freelancers stood at $350 million in FY24, while the regulator has whitelisted 25,000 VPNs."
    assert named(text) == {("freelancer_earnings", "FY2023-24", 350, "USD_million"), ("vpn_registrations", "", 25_000, "count")}
    text = "In FY24, freelancers earned $350m, while IT exports were $3.2bn."
    assert named(text) == {("freelancer_earnings", "FY2023-24", 350, "USD_million"), ("it_exports_annual", "FY2023-24", 3200, "USD_million")}


# --------------------------------------------------------------------------- Urdu


def test_urdu_crore_and_lakh():
    assert named("آئی ٹی برآمدات جولائی میں 38 کروڑ 60 لاکھ ڈالر رہیں۔") == {("it_exports_monthly", "2025-07", 386, "USD_million")}
    assert named("آئی ٹی برآمدات جولائی میں 38کروڑ 60لاکھ ڈالر رہیں۔") == {("it_exports_monthly", "2025-07", 386, "USD_million")}


def test_urdu_arab_is_billion_and_digits_may_be_urdu():
    assert named("گزشتہ مالی سال آئی ٹی برآمدات ۳.۸ ارب ڈالر رہیں۔") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_urdu_percent_glued_to_the_digits():
    assert named("جولائی میں آئی ٹی برآمدات میں 24فیصد اضافہ ہوا۔") == {("it_exports_monthly", "2025-07", 24, "percent")}


def test_urdu_freelancer_count_and_earnings():
    assert named("ملک میں 23 لاکھ فری لانسرز کام کر رہے ہیں۔") == {("freelancer_count", "", 2_300_000, "count")}
    assert named("فری لانسرز نے گزشتہ مالی سال میں 50 کروڑ ڈالر کمائے۔", "2025-06-01") == {
        ("freelancer_earnings", "FY2023-24", 500, "USD_million")
    }


# --------------------------------------------------------------------------- plausibility


def test_implausible_figures_are_logged_and_dropped(caplog):
    with caplog.at_level(logging.INFO, logger="monitor.facts"):
        assert extract_facts("", "IT exports were $1.46 million in July.", "2025-08-18") == []
    (record,) = [r for r in caplog.records if r.name == "monitor.facts"]
    assert record.levelno == logging.INFO
    assert "IT exports were $1.46 million in July." in record.getMessage()


def test_plausible_ranges_per_series():
    assert named("IT exports were $354m in July.") != set()
    assert named("IT exports were $1.75 billion in July.") == set()  # above the monthly range
    assert named("IT exports were $1.46 billion in FY25.") != set()
    assert named("IT exports were $146 billion in FY25.") == set()  # above the annual range
    assert named("Pakistan is home to 2,370 freelancers.") == set()  # below the national count range
    assert named("IT exports were Rs100 billion in July.") == set()  # exports are reported in dollars


# --------------------------------------------------------------------------- same fact, revision


def fact(value: float, period: str = "2025-07", series: str = "it_exports_monthly", unit: str = "USD_million") -> Fact:
    return Fact(series, period, value, unit, "quote")


def test_same_fact_within_one_percent():
    assert same_fact(fact(354), fact(354))
    assert same_fact(fact(354), fact(356.5))
    assert not same_fact(fact(354), fact(358))
    assert not same_fact(fact(354), fact(354, period="2025-06"))
    assert not same_fact(fact(354), fact(354, series="it_exports_cumulative"))
    assert not same_fact(fact(354), fact(354, unit="percent"))


def test_equivalent_period_spellings_are_the_same_period():
    assert canonical_period("FY2024-25:Jul-Dec") == "FY2024-25:H1"
    assert same_fact(fact(1860, "FY2024-25:Jul-Dec", "it_exports_cumulative"), fact(1860, "FY2024-25:H1", "it_exports_cumulative"))


def test_revision_is_more_than_one_and_at_most_three_percent():
    assert is_revision(fact(354), fact(360))
    assert not is_revision(fact(354), fact(355))  # the same figure
    assert not is_revision(fact(354), fact(370))  # a different figure
    assert not is_revision(fact(354), fact(360, period="2025-06"))


def test_shift_period():
    assert shift_period("2025-07", 1) == "2024-07"
    assert shift_period("FY2024-25:Jul-Mar", 1) == "FY2023-24:Jul-Mar"
    assert shift_period("2024", 1) == "2023"
    assert shift_period("", 1) == ""


# --------------------------------------------------------------------------- comparison bases, shares, spans, subjects


def test_base_a_year_ago_takes_the_same_month_of_the_year_before():
    found = named("IT services exports came to $361 million in July 2025, against $290 million a year ago.", "2025-08-20")
    assert ("it_exports_monthly", "2025-07", 361, "USD_million") in found
    assert ("it_exports_monthly", "2024-07", 290, "USD_million") in found


def test_urdu_last_year_moves_the_month_back_a_year():
    sentence = "مارچ 2025 میں آئی ٹی برآمدات 33 کروڑ 10 لاکھ ڈالر رہیں جبکہ گزشتہ سال مارچ میں یہ 28 کروڑ 40 لاکھ ڈالر تھیں۔"
    found = named(sentence, "2025-04-17")
    assert ("it_exports_monthly", "2025-03", 331, "USD_million") in found
    assert ("it_exports_monthly", "2024-03", 284, "USD_million") in found


def test_urdu_cumulative_of_the_current_year_and_its_base():
    sentence = (
        "رواں مالی سال کے پہلے سات ماہ یعنی جولائی سے جنوری کے دوران آئی ٹی برآمدات 2 ارب 12 کروڑ ڈالر رہیں، "
        "جبکہ گزشتہ مالی سال کے اسی عرصے میں یہ 1 ارب 70 کروڑ ڈالر تھیں۔"
    )
    found = named(sentence, "2025-02-19")
    assert ("it_exports_cumulative", "FY2024-25:Jul-Jan", 2120, "USD_million") in found
    assert ("it_exports_cumulative", "FY2023-24:Jul-Jan", 1700, "USD_million") in found
    assert not any(series == "it_exports_annual" for series, *_ in found)


def test_a_share_exporters_may_keep_is_no_growth_of_exports():
    text = (
        "In fiscal year 2024-25, IT exports grew 21 percent to $3.6 billion. "
        "Analysts credited a central bank rule letting IT exporters keep up to 60 percent of their export proceeds "
        "in foreign currency accounts, up from 40 percent earlier."
    )
    found = named(text, "2025-07-20")
    assert ("it_exports_annual", "FY2024-25", 21, "percent") in found
    assert not any(unit == "percent" and value in (40, 60) for _, _, value, unit in found)


def test_a_share_raised_from_one_level_to_another_is_no_growth():
    sentence = "The limit on what IT exporters can hold abroad went up from 35 percent to 50 percent in FY25."
    assert not any(unit == "percent" for *_, unit in named(sentence, "2025-07-20"))


def test_month_span_with_years_on_both_ends():
    found = named("The survey credited freelancers with $410 million in the nine months from July 2024 to March 2025.", "2025-06-12")
    assert ("freelancer_earnings", "FY2024-25:Jul-Mar", 410, "USD_million") in found
    assert periods("Exports were $2.1 billion from July 2024 to February 2025.") == ["FY2024-25:Jul-Feb"]


def test_money_of_another_actor_does_not_inherit_the_freelancers():
    text = (
        "Freelancers earned $410 million during the nine months, the report said. "
        "The Software Export Board helped 120 firms attend 9 trade fairs abroad, winning more than $31 million in new business."
    )
    found = named(text, "2025-06-12")
    assert not any(value == 31 for _, _, value, _ in found)
    assert any(series == "freelancer_earnings" and value == 410 for series, _, value, _ in found)


def test_freelancer_money_kept_when_the_sentence_refers_back_to_them():
    text = "Freelancers have become a pillar of the economy. They bring in foreign exchange, with $520 million earned in FY24."
    assert ("freelancer_earnings", "FY2023-24", 520, "USD_million") in named(text, "2025-05-29")


def test_base_period_right_after_the_figure_and_the_increase_between_them():
    text = (
        "IT exports rose to $2.9 billion in the first nine months of fiscal year 2024-25. "
        "The sector had earned $2.3 billion in the same period of the previous year, so the increase amounted to $600 million."
    )
    found = named(text, "2025-06-10")
    assert ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2900, "USD_million") in found
    assert ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2300, "USD_million") in found
    assert not any(value == 600 for _, _, value, _ in found)


def test_a_number_named_by_the_word_before_it_is_a_label_not_a_count():
    assert named("Update on VPN registration item 17: PTA registered VPNs for freelancers.") == set()
    assert named("Under section 37 of the act, PTA registers VPNs of IT companies.") == set()
    assert named("PTA has registered 17,000 VPNs so far.") == {("vpn_registrations", "", 17000.0, "count")}
