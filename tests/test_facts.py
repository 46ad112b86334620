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
        ("IT exports were a record $3.8-billion in FY25.", 3800, "USD_million"),
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


def test_two_digits_after_a_month_are_its_day_unless_marked_as_a_year():
    dateline = "ISLAMABAD, Jun 09 (APP): IT exports rose 23.7% to $2.8bn in the first nine months of FY25."
    assert periods(dateline, "2025-06-09") == ["FY2024-25:Jul-Mar"]
    follow = dateline + " Freelancers earned $400 million during this period."
    assert ("freelancer_earnings", "FY2024-25:Jul-Mar", 400, "USD_million") in named(follow, "2025-06-09")
    assert periods("IT exports were $300m in March '25.", "2025-06-09") == ["2025-03"]
    assert periods("IT exports were $300m in Mar-25.", "2025-06-09") == ["2025-03"]


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


def test_a_rate_that_opens_a_comparison_is_the_rate_of_its_base():
    assert with_basis("IT exports in March grew 22pc compared to 9pc growth in February.", "2025-04-10") == {
        ("it_exports_monthly", "2025-03", 22, "percent", "unknown"),
        ("it_exports_monthly", "2025-02", 9, "percent", "unknown"),
    }
    # a rate after a base that is an amount stays this period's
    assert with_basis("IT exports in March were $380m, compared to $311m in March 2024, up 22pc.", "2025-04-10") >= {
        ("it_exports_monthly", "2025-03", 22, "percent", "yoy"),
    }


def test_a_rate_over_a_month_or_a_fiscal_year_is_compared_with_it():
    assert with_basis("IT exports for September 2025 came in at $366 million, a rise of 5.5pc over August.", "2025-10-20") == {
        ("it_exports_monthly", "2025-09", 366, "USD_million", ""),
        ("it_exports_monthly", "2025-09", 5.5, "percent", "mom"),
    }
    assert named("IT exports were $3.8bn in FY25, a growth of 18pc over FY24.") == {
        ("it_exports_annual", "FY2024-25", 3800, "USD_million"),
        ("it_exports_annual", "FY2024-25", 18, "percent"),
    }


def test_two_comparisons_joined_by_and_each_date_their_own():
    sentence = "Pakistan's IT exports in January 2025 rose to $313 million, up 18pc from $265m a year ago and 4pc from December."
    assert with_basis(sentence, "2025-02-20") == {
        ("it_exports_monthly", "2025-01", 313, "USD_million", ""),
        ("it_exports_monthly", "2025-01", 18, "percent", "yoy"),
        ("it_exports_monthly", "2024-01", 265, "USD_million", ""),
        ("it_exports_monthly", "2025-01", 4, "percent", "mom"),
    }


def test_months_from_one_to_another_are_a_span_not_a_destination():
    assert named("IT exports from July to December were $1.86bn.", "2025-02-20") == {("it_exports_cumulative", "FY2024-25:H1", 1860, "USD_million")}


def test_this_period_inferred_from_a_base_is_never_after_the_article():
    found = named("IT exports rose 7pc year-on-year to $214m, compared to $199m in July 2024.", "2025-02-20")
    assert found == {("it_exports_monthly", "2024-07", 199, "USD_million")}


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


def test_counts_and_ranks_are_not_dated_by_the_sentence_before():
    text = "Freelancers earned $557 million in July-December. Pakistan is home to 2.37 million freelancers and ranks fourth in freelancing."
    assert named(text, "2026-02-20") == {
        ("freelancer_earnings", "FY2025-26:H1", 557, "USD_million"),
        ("freelancer_count", "", 2_370_000, "count"),
        ("ranking", "", 4, "rank"),
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


def test_urdu_parts_of_ict_exports_go_to_other_but_the_whole_list_is_ict():
    assert named("کمپیوٹر سروسز کی برآمدات دسمبر میں 28 کروڑ ڈالر رہیں۔", "2025-01-10") == set()
    whole = "ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کی برآمدات دسمبر میں 34 کروڑ 80 لاکھ ڈالر رہیں۔"
    assert named(whole, "2025-01-10") == {("it_exports_monthly", "2024-12", 348, "USD_million")}


def test_urdu_software_consultancy_exports_are_a_part_not_the_whole():
    # software consultancy grew from $96m in June to $104m: a part of IT exports, like its English name
    part = "سافٹ ویئر کنسلٹنسی کی برآمدات جون کے 9 کروڑ 60 لاکھ ڈالر سے بڑھ کر 10 کروڑ 40 لاکھ ڈالر ہو گئیں۔"
    assert named(part, "2025-08-19") == set()


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


# --------------------------------------------------------------------------- numbers in words, Urdu forms


def with_basis(text: str, published: str | None = "2025-08-18", title: str = "") -> set[tuple[str, str, float, str, str]]:
    """Like :func:`named`, with each fact's growth basis."""
    return {(f.series, f.period, f.value, f.unit, f.basis) for f in extract_facts(title, text, published) if f.series != "other"}


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات ایک ارب بیس کروڑ ڈالر رہیں۔", 1200, "USD_million"),
        ("رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات 1 ارب 20 کروڑڈالر رہیں۔", 1200, "USD_million"),
        ("رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات 1 عشاریہ 2 ارب امریکی ڈالر رہیں۔", 1200, "USD_million"),
        ("رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات میں 12 اعشاریہ 5 فیصد اضافہ ہوا۔", 12.5, "percent"),
        ("رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات میں چونتیس فیصد اضافہ ہوا۔", 34, "percent"),
        ("IT exports grew by fifteen percent in the first four months of the current fiscal year.", 15, "percent"),
        ("IT exports grew by twenty-four per cent in the first four months of the current fiscal year.", 24, "percent"),
    ],
)
def test_numbers_in_words_and_urdu_decimals(sentence, value, unit):
    assert named(sentence, "2025-11-20") == {("it_exports_cumulative", "FY2025-26:Jul-Oct", value, unit)}


def test_urdu_number_words_need_a_unit():
    """"اسی" is 80 and also "that same": read as a number only before a scale or currency."""
    found = named("گزشتہ مالی سال کے اسی عرصے میں آئی ٹی برآمدات 1 ارب ڈالر تھیں۔", "2025-11-20")
    assert not any(value == 80 for *_, value, _ in found)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("IT exports in Fiscal Year 24-25 were $3.8bn.", "2025-08-01", "FY2024-25"),
        ("مالی سال 2025 میں آئی ٹی برآمدات 3 ارب 80 کروڑ ڈالر رہیں۔", "2025-08-01", "FY2024-25"),
        ("مالی سال 25ء میں آئی ٹی برآمدات 3 ارب 80 کروڑ ڈالر رہیں۔", "2025-08-01", "FY2024-25"),
        ("IT exports in the first month of the current fiscal year were $354m.", "2025-08-20", "2025-07"),
        ("رواں مالی سال کی پہلی سہ ماہی میں آئی ٹی برآمدات ایک ارب ڈالر رہیں۔", "2025-10-20", "FY2025-26:Q1"),
        ("رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 2 ارب ڈالر رہیں۔", "2026-01-20", "FY2025-26:H1"),
        ("جولائی اور اگست میں آئی ٹی برآمدات 70 کروڑ ڈالر رہیں۔", "2025-09-20", "FY2025-26:Jul-Aug"),
        ("Between July and December 2025, IT exports were $2.1bn.", "2026-01-20", "FY2025-26:H1"),
        ("IT exports for Jan-25 were $300m.", "2025-02-20", "2025-01"),
        ("IT exports were $3.8bn in the fiscal year ending June 2025.", "2025-08-01", "FY2024-25"),
        ("IT exports were $3.2bn in the year ended June 30, 2024.", "2025-08-01", "FY2023-24"),
        ("IT exports were $300m in July of FY25.", "2025-02-20", "2024-07"),
        ("IT exports for the period July 2024 to January 2025 during FY2024-25 were $2.2bn.", "2025-02-20", "FY2024-25:Jul-Jan"),
    ],
)
def test_more_period_forms(sentence, published, expected):
    assert {f.period for f in extract_facts("", sentence, published) if f.series != "other"} == {expected}


def test_two_months_with_and_are_not_a_span_in_english():
    assert periods("IT exports in July and August were $350m and $360m.", "2025-09-20") == ["2025-07", "2025-08"]


# --------------------------------------------------------------------------- comparisons


def test_the_growth_rate_keeps_this_period_when_the_base_period_follows_it():
    text = "In February 2025, ICT export remittances were $300mn at a growth rate of 12pc when compared to $268mn reported for the month of February 2024."
    assert with_basis(text, "2025-03-20") == {
        ("it_exports_monthly", "2025-02", 300, "USD_million", ""),
        ("it_exports_monthly", "2025-02", 12, "percent", "yoy"),
        ("it_exports_monthly", "2024-02", 268, "USD_million", ""),
    }


def test_the_same_period_of_a_named_fiscal_year():
    text = "IT exports for July-March FY25 rose to $2.8bn in comparison to $2.3bn during the same period in FY 2023-24."
    assert ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2300, "USD_million") in named(text, "2025-04-20")
    text = "IT exports stood at $350m in July, compared to $280m during the corresponding month of the fiscal year 2024-25."
    assert ("it_exports_monthly", "2024-07", 280, "USD_million") in named(text, "2025-08-20")


def test_this_period_is_inferred_from_the_base_it_is_compared_with():
    text = "IT exports rose 20 percent year-on-year to $300 million, compared with $250 million in March 2024."
    assert named(text, "2025-04-20") == {
        ("it_exports_monthly", "2025-03", 20, "percent"),
        ("it_exports_monthly", "2025-03", 300, "USD_million"),
        ("it_exports_monthly", "2024-03", 250, "USD_million"),
    }
    assert named("IT exports have increased by 30 percent compared to June last year.", "2025-07-20") == {("it_exports_monthly", "2025-06", 30, "percent")}


def test_the_previous_financial_year_named_with_its_year():
    text = "IT export receipts fell to $2.6bn in the financial year 2022-23 as compared to $2.62bn in the previous financial year 2021-22."
    assert ("it_exports_annual", "FY2021-22", 2620, "USD_million") in named(text, "2023-07-19")


def test_a_base_of_a_projection_is_an_actual():
    text = "Analysts expect IT exports for FY26 to reach $4.5 billion compared to $3.8 billion recorded last year."
    assert named(text, "2025-09-01") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_a_rate_of_something_else_in_the_comparison_is_not_ours():
    text = "ICT export remittances left a trade surplus in FY25, an increase of 20% as compared to trade surplus of $900 million in FY24."
    assert not any(unit == "percent" for *_, unit in named(text, "2025-08-01"))


def test_an_amount_missing_its_scale_borrows_the_neighbours():
    text = "On a year-on-year basis, IT export remittances increased 1.3 percent to $227 compared to $224 million in August 2024."
    assert ("it_exports_monthly", "2025-08", 227, "USD_million") in named(text, "2025-09-20")


# --------------------------------------------------------------------------- growth basis


def test_rates_carry_their_basis():
    text = (
        "IT exports rose 24 percent year-on-year to $354 million in July.\n"
        "On a month-on-month basis, exports were up 3 percent.\n"
        "During July-March FY25, ICT exports rose 22 percent to $2.8 billion."
    )
    found = with_basis(text, "2025-08-18")
    assert ("it_exports_monthly", "2025-07", 24, "percent", "yoy") in found
    assert ("it_exports_monthly", "2025-07", 3, "percent", "mom") in found
    assert ("it_exports_cumulative", "FY2024-25:Jul-Mar", 22, "percent", "yoy") in found  # over the same months a year before
    assert ("it_exports_monthly", "2025-07", 354, "USD_million", "") in found


def test_the_basis_words_nearest_the_rate_decide():
    sentence = "آئی ٹی کی برآمدات میں سال بہ سال 62 فیصد اضافہ ہوا اور گزشتہ ماہ کے مقابلے میں 1 فیصد اضافہ دیکھا گیا۔"
    found = {(value, basis) for *_, value, unit, basis in with_basis("اپریل 2025 میں آئی ٹی برآمدات 30 کروڑ ڈالر رہیں۔ " + sentence, "2025-05-20") if unit == "percent"}
    assert found == {(62, "yoy"), (1, "mom")}


def test_other_spellings_of_the_basis():
    sentence = "IT exports were $380m in March, up 22pc on a yearly basis and 12pc on a monthly basis."
    rates = {(value, basis) for *_, value, unit, basis in with_basis(sentence, "2025-04-10") if unit == "percent"}
    assert rates == {(22, "yoy"), (12, "mom")}
    assert ("it_exports_monthly", "2025-03", 5, "percent", "yoy") in with_basis("IT exports grew 5% year-over-year in March.", "2025-04-10")
    assert ("it_exports_monthly", "2025-03", 2, "percent", "mom") in with_basis("IT exports grew 2% sequentially in March.", "2025-04-10")
    urdu = "مارچ میں آئی ٹی برآمدات میں 15 فیصد سالانہ اضافہ ہوا۔"
    assert with_basis(urdu, "2025-04-10") == {("it_exports_monthly", "2025-03", 15, "percent", "yoy")}


def test_urdu_spellings_of_previous_and_year():
    # گذشتہ as well as گزشتہ, برس as well as سال: the base's months a year back
    sentence = "دسمبر 2024 میں آئی ٹی برآمدات 34 کروڑ 80 لاکھ ڈالر رہیں جبکہ گذشتہ برس دسمبر میں 29 کروڑ ڈالر تھیں۔"
    assert named(sentence, "2025-01-10") == {
        ("it_exports_monthly", "2024-12", 348, "USD_million"),
        ("it_exports_monthly", "2023-12", 290, "USD_million"),
    }
    assert periods("جاری مالی سال کی پہلی ششماہی میں", "2025-01-10") == ["FY2024-25:H1"]


def test_urdu_fiscal_year_stored_end_first():
    assert named("مالی سال 24-2023 میں آئی ٹی برآمدات 3.2 ارب ڈالر رہیں۔", "2024-07-18") == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}
    assert periods("The meeting of 12-2023 was held.", "2024-07-18") == []


def test_a_monthly_rate_without_words_or_base_has_an_unknown_basis():
    assert with_basis("IT exports rose 9% in July.") == {("it_exports_monthly", "2025-07", 9, "percent", "unknown")}


def test_an_undated_growth_rate_of_it_exports_is_a_fiscal_year_to_date_rate():
    assert named("", title="PM hails 23pc surge in IT exports") == {("it_exports_cumulative", "", 23, "percent")}


# --------------------------------------------------------------------------- subjects


@pytest.mark.parametrize(
    "sentence",
    [
        "The export receipts from the IT sector rose to $2.9bn in FY25.",
        "Pakistan earned $2.9bn by providing information technology (IT) services to foreign clients in FY25.",
        "Exports comprising computer services and call centre services stood at $2.9bn in FY25.",
        "According to the IT ministry, exports stood at $2.9bn in FY25.",
        "مالی سال 2025 میں انفارمیشن ٹیکنالوجی کے شعبے کی برآمدات 2 ارب 90 کروڑ ڈالر رہیں۔",
    ],
)
def test_it_exports_named_in_other_words(sentence):
    assert named(sentence, "2025-08-01") == {("it_exports_annual", "FY2024-25", 2900, "USD_million")}


def test_exports_alone_are_not_it_exports():
    assert named("Exports rose to $2.9bn in FY25.", "2025-08-01") == set()
    assert named("Total exports rose to $32bn in FY25, the IT ministry said.", "2025-08-01") == set()


def test_a_relative_clause_does_not_lend_its_subject():
    text = "Their earnings were $160 million in July-December FY25, which was 12 percent of the total ICT export remittances."
    assert named(text, "2025-02-01") == set()


def test_other_countries_own_figures_are_not_ours():
    assert named("India's software exports rose 9 percent to $150 billion in 2023-24.", "2024-06-01") == set()
    assert named("The Kerala government said IT exports grew 24 percent in 2023-24.", "2024-06-01") == set()
    # Pakistan's exports to one country are no other country's figure, nor the total
    assert named("Pakistan's IT exports to the US rose 20 percent in FY24, the SBP said.", "2024-08-01") == set()
    assert named("Pakistan's IT exports rose 20 percent in FY24, the SBP said.", "2024-08-01") == {("it_exports_annual", "FY2023-24", 20, "percent")}


# --------------------------------------------------------------------------- what is no level


def test_a_target_cue_later_in_the_clause_belongs_to_the_later_figure():
    text = "Freelancing exports during 2023-24 were $350 million and we hope they will reach $500 million by June 2026."
    assert named(text, "2024-09-01") == {("freelancer_earnings", "FY2023-24", 350, "USD_million")}
    assert named("آئی ٹی برآمدات رواں مالی سال 4 ارب ڈالر سے زائد متوقع ہیں۔", "2025-09-01") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "IT exports crossed the $3 billion mark in FY24.",
        "IT exports to Qatar reached $25 million in FY24.",
        "He said $15 million was higher than the remittances of July 2024.",
    ],
)
def test_thresholds_destinations_and_differences_are_no_levels(sentence):
    assert named(sentence, "2024-09-01") == set()


def test_a_period_referred_to_but_unknown_gives_no_fact():
    assert named("Freelancers added $400 million to the economy during this period.") == set()
    text = "IT exports were $2.8bn in July-March FY25.\nFreelancers added $400 million to the economy during this period."
    assert ("freelancer_earnings", "FY2024-25:Jul-Mar", 400, "USD_million") in named(text, "2025-04-20")


def test_urdu_clauses_and_lists():
    sentence = (
        "دسمبر 2024 میں ٹیلی مواصلات، کمپیوٹر اور انفارمیشن ٹیکنالوجی خدمات کی برآمدات 34 کروڑ ڈالر رہیں، "
        "گزشتہ مالی سال کی اسی مدت میں یہ 30 کروڑ ڈالر تھیں۔"
    )
    found = named(sentence, "2025-01-20")
    assert ("it_exports_monthly", "2024-12", 340, "USD_million") in found
    assert ("it_exports_monthly", "2023-12", 300, "USD_million") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("آئی ٹی برآمدات مارچ میں 24 فیصد اضافے کے ساتھ 34 کروڑ ڈالر رہیں۔", 24),
        ("مارچ میں آئی ٹی برآمدات میں 7 فیصد کمی دیکھی گئی۔", -7),
    ],
)
def test_urdu_direction_words_after_the_rate(sentence, expected):
    assert ("it_exports_monthly", "2025-03", expected, "percent") in named(sentence, "2025-04-20")


def test_urdu_ranks():
    assert named("پاکستانی فری لانسرز عالمی سطح پر تیسری پوزیشن پر ہیں۔") == {("ranking", "", 3, "rank")}
    assert named("پاکستان فری لانسرز کی تعداد کے لحاظ سے سرفہرست پانچ ممالک میں شامل ہے۔") == {("ranking", "", 5, "rank")}


def test_vpn_registrants_are_counted_but_not_daily_rates():
    assert named("More than 20,000 companies and freelancers have registered their VPNs with PTA.") == {("vpn_registrations", "", 20_000, "count")}
    assert named("پی ٹی اے کے مطابق روزانہ 200 سے زائد وی پی اینز رجسٹر کیے جا رہے ہیں۔") == set()


def test_vpns_registered_with_the_regulator_and_the_urdu_number_of():
    assert named("So far, 31,000 VPNs have been registered with PTA.") == {("vpn_registrations", "", 31_000, "count")}
    assert named("رجسٹرڈ وی پی اینز کی تعداد 30 ہزار ہوگئی ہے۔") == {("vpn_registrations", "", 30_000, "count")}
    # members registered with a body stay no registrations
    assert named("Over 5,000 freelancers are registered with PSEB.") == set()


def test_early_monthly_figures_are_plausible():
    assert named("IT exports were $128 million in January 2020.", "2020-02-20") == {("it_exports_monthly", "2020-01", 128, "USD_million")}


def test_wishes_and_deadlines_are_targets():
    assert named("The government wants IT exports to reach $10bn by FY29.") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "آئی ٹی برآمدات رواں مالی سال 4 ارب ڈالر تک پہنچ جائیں گی۔",  # will reach
        "رواں مالی سال آئی ٹی برآمدات 4 ارب ڈالر ہوگی۔",  # will be
        "حکومت رواں مالی سال آئی ٹی برآمدات کو 4 ارب ڈالر تک لے جانا چاہتی ہے۔",  # wants to take
    ],
)
def test_urdu_future_and_wishes_are_targets(sentence):
    assert named(sentence, "2025-01-10") == set()


def test_a_sentence_led_by_another_country_is_not_ours():
    assert named("Bangladesh earned $1.2bn from IT exports in FY25.") == set()


def test_another_countrys_subject_is_not_ours_in_a_sentence_that_names_pakistan():
    assert named("Bangladesh's IT exports stood at $1.3bn in FY24, compared to Pakistan's $3.2bn.") == set()
    assert named("In FY25, India's IT exports rose 5pc, while Pakistan's IT exports rose 18pc.") == {("it_exports_annual", "FY2024-25", 18, "percent")}
    urdu = "بھارت کی آئی ٹی برآمدات میں 5 فیصد اضافہ ہوا جبکہ پاکستان کی آئی ٹی برآمدات میں مالی سال 2025 میں 18 فیصد اضافہ ہوا۔"
    assert named(urdu) == {("it_exports_annual", "FY2024-25", 18, "percent")}


def test_net_exports_and_rolling_sums_go_to_other():
    assert named("Net IT exports were $3.1bn in FY25.") == set()
    urdu = "مالی سال 2025 میں آئی ٹی برآمدات 3 ارب 80 کروڑ ڈالر رہیں جبکہ خالص برآمدات 3 ارب 10 کروڑ ڈالر تک پہنچ گئیں۔"
    assert named(urdu) == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}
    assert named("IT exports grew 26% during the 12 months ending March 2024.", "2024-04-18") == set()
    # twelve months ending June are the fiscal year
    assert named("IT exports grew 26% during the 12 months ending June 2024.", "2024-07-18") == {("it_exports_annual", "FY2023-24", 26, "percent")}


def test_freelancers_export_remittances_are_theirs_not_it_exports():
    sentence = "Freelancers' export remittances rose 58 percent to $557 million in July-December, according to SBP."
    assert named(sentence, "2026-02-20") == {
        ("freelancer_earnings", "FY2025-26:H1", 58, "percent"),
        ("freelancer_earnings", "FY2025-26:H1", 557, "USD_million"),
    }


def test_freelancers_remittances_are_their_earnings():
    assert named("Freelancers' remittances grew 91pc in the first nine months of FY24 to $350m.", "2024-04-18") == {
        ("freelancer_earnings", "FY2023-24:Jul-Mar", 91, "percent"),
        ("freelancer_earnings", "FY2023-24:Jul-Mar", 350, "USD_million"),
    }


def test_more_and_less_than_are_directions_for_rates():
    assert ("it_exports_monthly", "2025-11", 10, "percent") in named("IT exports in November 2025 were $356 million, 10% more than in November 2024.", "2025-12-20")


def test_remittances_alone_in_a_sentence_about_it_are_it_exports():
    text = "According to the Ministry of IT and Telecom, remittances reached $584 million in July-August FY25."
    assert named(text, "2024-09-20") == {("it_exports_cumulative", "FY2024-25:Jul-Aug", 584, "USD_million")}
    assert named("Remittances hit a record $4.1 billion in March.", "2025-04-10") == set()
    assert named("Overseas Pakistanis' remittances rose to $3.2bn in July, the IT minister said.", "2025-08-10") == set()


def test_remittances_sent_by_overseas_workers_are_not_it_exports():
    assert named("Remittances sent by overseas Pakistanis rose 30pc in March, the IT minister said.", "2025-04-20") == set()


def test_a_rate_goes_with_a_level_too_large_for_the_series(caplog):
    # $3.1bn is no month's IT exports: these remittances are someone else's, and so is the 30pc
    assert named("The IT minister said remittances rose 30pc to $3.1bn in March.", "2025-04-20") == set()
    # a level too small is a slip of the pen: the rate stays
    assert named("In March, IT exports were US $ 31m at a growth rate of 12pc.", "2025-04-20") == {("it_exports_monthly", "2025-03", 12, "percent")}


def test_this_year_follows_the_year_named_as_the_previous():
    text = "Freelancers' remittance inflows in this financial year stood at $397 million as compared to $396 million recorded in the previous financial year 2020-21."
    assert named(text, "2023-01-06") == {("freelancer_earnings", "FY2021-22", 397, "USD_million"), ("freelancer_earnings", "FY2020-21", 396, "USD_million")}


def test_urdu_rates_take_the_basis_named_before_them():
    sentence = "اکتوبر میں ماہانہ بنیاد پر آئی ٹی برآمدات میں 5.5 فیصد اور سالانہ بنیاد پر 17 فیصد اضافہ ہوا۔"
    assert {(v, b) for *_, v, u, b in with_basis(sentence, "2025-11-18") if u == "percent"} == {(5.5, "mom"), (17, "yoy")}


def test_urdu_rate_more_than_a_base_keeps_this_period():
    sentence = "رواں مالی سال کی پہلی سہ ماہی میں آئی ٹی برآمدات ایک ارب پانچ کروڑ ڈالر رہیں جو پچھلے سال کی اسی سہ ماہی سے 20 فیصد زیادہ ہیں۔"
    assert ("it_exports_cumulative", "FY2025-26:Q1", 20, "percent") in named(sentence, "2025-10-18")


@pytest.mark.parametrize(
    "sentence",
    [
        # this month named before the subject, the base between the subject and the cue
        "دسمبر میں آئی ٹی برآمدات میں گزشتہ سال کے اسی مہینے کے مقابلے میں 20 فیصد اضافہ ہوا۔",
        # this month closed by میں, the base month alone before the cue
        "آئی ٹی برآمدات دسمبر میں نومبر کے مقابلے میں 20 فیصد بڑھ گئیں۔",
    ],
)
def test_an_urdu_base_stops_at_the_subject_and_at_this_periods_phrase(sentence):
    assert named(sentence, "2025-01-10") == {("it_exports_monthly", "2024-12", 20, "percent")}


def test_an_urdu_base_keeps_its_own_period_and_figure_together():
    sentence = "گزشتہ سال کی اسی مدت میں 1.45 ارب ڈالر کے مقابلے میں رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 1.86 ارب ڈالر رہیں۔"
    assert named(sentence, "2025-01-10") == {
        ("it_exports_cumulative", "FY2023-24:H1", 1450, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:H1", 1860, "USD_million"),
    }


def test_an_urdu_relative_clause_in_the_past_is_the_base():
    sentence = "دسمبر 2024 میں آئی ٹی برآمدات 348 ملین ڈالر رہیں جو دسمبر 2023 میں 290 ملین ڈالر تھیں، یوں سالانہ بنیاد پر 20 فیصد اضافہ ہوا۔"
    assert with_basis(sentence, "2025-01-10") == {
        ("it_exports_monthly", "2024-12", 348, "USD_million", ""),
        ("it_exports_monthly", "2023-12", 290, "USD_million", ""),
        ("it_exports_monthly", "2024-12", 20, "percent", "yoy"),
    }


def test_a_clause_about_this_increase_takes_the_subject_named_later():
    # this month is the one after the base month, the month named by "ماہانہ"
    urdu = "یہ اضافہ سالانہ بنیاد پر 12 فیصد اور ماہانہ بنیاد پر 4 فیصد رہا، جبکہ اگست 2025 میں آئی ٹی برآمدات 32 کروڑ ڈالر تھیں۔"
    assert with_basis(urdu, "2025-10-15") == {
        ("it_exports_monthly", "2025-09", 12, "percent", "yoy"),
        ("it_exports_monthly", "2025-09", 4, "percent", "mom"),
        ("it_exports_monthly", "2025-08", 320, "USD_million", ""),
    }
    # a clause that names something else and does not refer back keeps its figures to itself
    tourism = "مالی سال 2025 میں سیاحت سے 5 ارب ڈالر کمائے گئے جبکہ آئی ٹی برآمدات 3 ارب 80 کروڑ ڈالر رہیں۔"
    assert named(tourism) == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


@pytest.mark.parametrize(
    "sentence",
    [
        "مارچ میں ٹیکنالوجی کی برآمدات 38 کروڑ ڈالر رہیں۔",  # technology exports, as in English
        "مارچ کے دوران آئی ٹی سیکٹر نے 38 کروڑ ڈالر کی برآمدات کیں۔",  # the exports named after the figure
    ],
)
def test_more_urdu_names_of_it_exports(sentence):
    assert named(sentence, "2025-04-20") == {("it_exports_monthly", "2025-03", 380, "USD_million")}


def test_urdu_from_one_amount_to_another():
    sentence = "دسمبر میں آئی ٹی برآمدات نومبر کے 32 کروڑ ڈالر سے بڑھ کر 34 کروڑ 80 لاکھ ڈالر ہو گئیں۔"
    assert named(sentence, "2026-01-20") == {
        ("it_exports_monthly", "2025-11", 320, "USD_million"),
        ("it_exports_monthly", "2025-12", 348, "USD_million"),
    }


def test_urdu_number_of_freelancers():
    assert named("پاکستان میں فری لانسرز کی تعداد 23 لاکھ سے تجاوز کر گئی ہے۔") == {("freelancer_count", "", 2_300_000, "count")}


def test_urdu_other_countries():
    assert named("بھارت کی آئی ٹی برآمدات میں 10 فیصد اضافہ ہوا۔") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("IT exports grew 20pc in four months to $1.4bn.", "FY2025-26:Jul-Oct"),
        ("آئی ٹی سیکٹر کی برآمدات 4 ماہ میں 1 ارب 40 کروڑ ڈالر رہیں۔", "FY2025-26:Jul-Oct"),
    ],
)
def test_months_so_far_without_a_fiscal_year_take_it_from_the_date(sentence, expected):
    assert {p for _, p, *_ in named(sentence, "2025-11-20")} == {expected}


def test_a_quarter_or_half_without_a_fiscal_year_takes_it_from_the_date():
    assert named("IT exports reach $1.05bn in Q1", "2025-11-10") == {("it_exports_cumulative", "FY2025-26:Q1", 1050, "USD_million")}
    assert periods("IT exports were $1.86bn in the first half.", "2026-01-20") == ["FY2025-26:H1"]
    # a calendar year after it makes it the calendar year's quarter (January to March 2025:
    # the third of FY2024-25), never the fiscal year's first; no reporting word before it, no part
    assert periods("IT exports in Q1 2025 were strong.", "2025-11-10") == ["FY2024-25:Q3"]
    assert periods("Quarter after quarter, the first half of the match went on.", "2025-11-10") == []


def test_a_fiscal_year_still_running_is_its_months_so_far():
    text = "IT exports during fiscal year 2024-25 rose to $2.8 billion, up 24pc against $2.3bn in the same period of 2023-24."
    assert named(text, "2025-04-18") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2800, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-Mar", 24, "percent"),
        ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2300, "USD_million"),
    }
    assert periods("IT exports in the current fiscal year stood at $1.9bn.", "2025-02-20") == ["FY2024-25:Jul-Jan"]
    # once the year is over it is the whole year; a projection for it is for the whole year
    assert periods("IT exports in fiscal year 2024-25 stood at $3.8bn.", "2025-08-01") == ["FY2024-25"]
    assert named("Analysts expect IT exports to reach $4bn in the current fiscal year.", "2025-02-20") == set()
    assert periods("Analysts expect IT exports to reach $4bn in the current fiscal year.", "2025-02-20") == ["FY2024-25"]


def test_durations_are_no_periods():
    assert periods("PTA banned the platform for six months in the last fiscal year.", "2025-11-20") == ["FY2024-25"]
    assert periods("IT exports were $300m two months ago.", "2025-11-20") == []


def test_the_first_months_are_months_of_the_year_however_introduced():
    text = "IT exports now stand at $2.8 billion for the first nine months of the current fiscal year."
    assert named(text, "2025-04-19") == {("it_exports_cumulative", "FY2024-25:Jul-Mar", 2800, "USD_million")}


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("یکم جولائی سے 31 مارچ تک آئی ٹی برآمدات 2 ارب 82 کروڑ ڈالر رہیں۔", "2025-04-20", ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2820, "USD_million")),
        ("From July 1 to March 31, IT exports were $2.8bn.", "2025-04-20", ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2800, "USD_million")),
        ("گزشتہ مالی سال آئی ٹی برآمدات ڈیڑھ ارب ڈالر تھیں۔", "2021-04-20", ("it_exports_annual", "FY2019-20", 1500, "USD_million")),
        ("گزشتہ مالی سال آئی ٹی برآمدات ساڑھے تین ارب ڈالر تھیں۔", "2025-04-20", ("it_exports_annual", "FY2023-24", 3500, "USD_million")),
        ("مارچ میں آئی ٹی برآمدات میں 12 فی صد اضافہ ہوا۔", "2025-04-20", ("it_exports_monthly", "2025-03", 12, "percent")),
    ],
)
def test_spans_between_dates_urdu_fractions_and_two_word_percent(sentence, published, expected):
    assert named(sentence, published) == {expected}


def test_urdu_training_counts_shares_and_losses_go_to_other():
    assert named("ڈیجی اسکلز کے ذریعے 30 لاکھ فری لانسرز کو تربیت دی گئی۔") == set()
    assert named("مجموعی برآمدات میں آئی ٹی کا حصہ 10 فیصد ہے۔") == set()
    assert named("آئی ٹی سیکٹر کو انٹرنیٹ کی بندش سے 30 کروڑ ڈالر کا نقصان ہوا۔") == set()


def test_a_month_after_a_fiscal_year_in_another_clause_keeps_its_own_year():
    text = "ICT exports went up to $2.616 billion in the fiscal year 2021-22 while the exports in June increased by $52 million."
    assert named(text, "2022-07-28") == {("it_exports_annual", "FY2021-22", 2616, "USD_million")}


@pytest.mark.parametrize(
    ("sentence", "rank"),
    [
        ("Pakistan stands 4th in the Payoneer global freelancing index.", 4),
        ("Pakistan was placed third among the fastest-growing freelance markets.", 3),
        ("In the Global Gig Economy Index, Pakistan is at number four.", 4),
        ("Pakistan is the third-largest supplier of online labour.", 3),
    ],
)
def test_more_rank_forms(sentence, rank):
    assert named(sentence) == {("ranking", "", rank, "rank")}


def test_a_rank_of_a_sector_or_a_platform_is_not_the_countrys():
    assert named("IT is the third-largest sector in services exports.") == set()
    assert named("Upwork is the second-largest freelancing platform.") == set()
    assert named("Pakistan is the fourth-largest freelancing market in the world.") == {("ranking", "", 4, "rank")}


def test_a_rank_among_figures_is_no_ranking():
    assert named("IT exports were $313m in January, the second highest monthly figure ever.", "2025-02-20") == {("it_exports_monthly", "2025-01", 313, "USD_million")}


def test_first_as_an_adverb_is_no_rank():
    assert named("He was first to speak on freelancing at the seminar.") == set()


def test_a_when_clause_takes_the_period_it_hangs_on():
    text = "In comparison with June 2025, when export remittances stood at US$ 338 million, the inflows in July were higher."
    assert named(text, "2025-08-20") == {("it_exports_monthly", "2025-06", 338, "USD_million")}


def test_parts_of_it_exports_named_by_their_line_stay_parts():
    text = "Within the category, software consultancy exports increased to $104 million, up from $96 million in June."
    assert named(text, "2025-08-20") == set()


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("IT exports in Q1 FY2022-23 were $640m.", "2022-10-20", ("it_exports_cumulative", "FY2022-23:Q1", 640, "USD_million")),
        ("IT exports in 9MFY2024-25 were $2.8bn.", "2025-04-20", ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2800, "USD_million")),
        ("IT exports in H1 of FY22 were $1.3bn.", "2022-01-20", ("it_exports_cumulative", "FY2021-22:H1", 1300, "USD_million")),
        ("IT exports fell to an eight-month low of $250 million.", "2025-04-20", ("it_exports_monthly", "", 250, "USD_million")),
        ("IT exports fell to an eight-month low of $250 million in March.", "2025-04-20", ("it_exports_monthly", "2025-03", 250, "USD_million")),
        ("Monthly IT exports fell 4pc.", "2025-04-20", ("it_exports_monthly", "", -4, "percent")),
    ],
)
def test_fiscal_years_written_in_full_after_a_span_and_month_lows(sentence, published, expected):
    assert named(sentence, published) == {expected}


# --------------------------------------------------------------------------- continued clauses


def basis_of(text: str, published: str) -> dict[float, str]:
    return {f.value: f.basis for f in extract_facts("", text, published) if f.unit == "percent" and f.series != "other"}


def test_a_rate_said_also_takes_the_direction_of_the_clause_before():
    english = "IT exports fell 3pc year-on-year in October, while month-on-month they were also 2pc."
    assert named(english, "2024-11-18") == {("it_exports_monthly", "2024-10", -3, "percent"), ("it_exports_monthly", "2024-10", -2, "percent")}
    urdu = "آئی ٹی برآمدات میں اکتوبر میں سالانہ بنیادوں پر 17 فیصد اضافہ ہوا جبکہ ماہانہ بنیادوں پر بھی 4 فیصد رہا۔"
    assert named(urdu, "2024-11-18") == {("it_exports_monthly", "2024-10", 17, "percent"), ("it_exports_monthly", "2024-10", 4, "percent")}
    assert basis_of(urdu, "2024-11-18") == {17: "yoy", 4: "mom"}


def test_an_also_clause_about_this_increase_takes_the_subject_named_later():
    text = "یہ اضافہ سالانہ بنیادوں پر 12 فیصد جبکہ ماہانہ بنیادوں پر بھی 3 فیصد رہا جبکہ ستمبر 2024 میں آئی ٹی برآمدات 30 کروڑ ڈالر تھیں۔"
    assert named(text, "2024-11-18") == {
        ("it_exports_monthly", "2024-10", 12, "percent"),
        ("it_exports_monthly", "2024-10", 3, "percent"),
        ("it_exports_monthly", "2024-09", 300, "USD_million"),
    }
    # Urdu names a rate's basis before it: a past clause after the rate is not its comparison
    assert basis_of(text, "2024-11-18") == {12: "yoy", 3: "mom"}


def test_also_without_a_rising_or_falling_clause_before_says_nothing():
    assert named("IT exports in October were 3pc of total exports, while freelancers also earned 2pc.", "2024-11-18") == set()


def test_the_growth_of_exports_to_one_country_is_not_the_national_rate():
    assert named("IT exports to Saudi Arabia rose 40 percent in FY24.", "2024-11-18") == set()
    assert named("IT exports to the United States grew 15pc to $1.1 billion in FY24.", "2024-11-18") == set()
    # a market named as the reason for the national rise leaves the rate the nation's
    assert named("IT exports rose 20pc in FY24, driven by demand in the US and UK.", "2024-11-18") == {("it_exports_annual", "FY2023-24", 20, "percent")}


@pytest.mark.parametrize(
    ("sentence", "rank"),
    [
        ("Pakistan has slipped to 7th in the global freelancing index.", 7),
        ("Pakistan dropped two places to 9th in the index of online labour.", 9),
        ("Pakistan improved its ranking from 8th to 4th in the online labour index.", 4),
    ],
)
def test_a_move_in_a_ranking_gives_the_place_reached(sentence, rank):
    assert named(sentence, "2024-11-18") == {("ranking", "", rank, "rank")}
    # (a place reached "this year" is this year's edition's)
    assert named("In freelancing, the country climbed to the third position this year.", "2024-11-18") == {("ranking", "2024", 3, "rank")}


@pytest.mark.parametrize(
    "sentence",
    [
        "IT exports rose to the fourth highest level on record.",
        "IT exports were the third highest ever.",
        "Freelancer earnings fell to the second lowest in five years.",
        "Monthly IT exports were the second largest since 2021.",
    ],
)
def test_a_figures_rank_among_other_times_is_no_ranking(sentence):
    assert named(sentence, "2024-11-18") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of freelancers increased by 500,000 in FY24.",
        "IT exports in April were up $84 million from a year earlier.",
        "Computer services accounted for $2.5bn of IT exports in Jul-Apr.",
        "آئی ٹی برآمدات میں اپریل میں 5 کروڑ ڈالر کا اضافہ ہوا۔",
        "اپریل میں آئی ٹی برآمدات 5 کروڑ ڈالر بڑھ گئیں۔",
        "فری لانسرز کی تعداد میں 10 لاکھ کا اضافہ ہوا۔",
        "فری لانسرز کی آمدنی میں 2 کروڑ ڈالر کی کمی ہوئی۔",
    ],
)
def test_changes_and_parts_are_not_levels(sentence):
    assert named(sentence, "2024-05-20") == set()


def test_a_rate_given_again_as_an_amount_is_a_change_and_the_level_stays():
    assert named("IT exports in April rose 37pc, or $84 million, to $310 million.", "2024-05-20") == {
        ("it_exports_monthly", "2024-04", 37, "percent"),
        ("it_exports_monthly", "2024-04", 310, "USD_million"),
    }


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("IT exports in April were up to $310 million.", 310),
        ("آئی ٹی برآمدات 22 کروڑ 60 لاکھ ڈالر سے بڑھ کر اپریل میں 31 کروڑ ڈالر ہو گئیں۔", 310),
        ("اپریل میں آئی ٹی برآمدات 30 کروڑ ڈالر سے زیادہ رہیں۔", 300),
    ],
)
def test_levels_reached_or_exceeded_stay_levels(sentence, value):
    assert named(sentence, "2024-05-20") == {("it_exports_monthly", "2024-04", value, "USD_million")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Exports of telecommunication, computer and information services rose to $2.8bn in Jul-Apr.", ("it_exports_cumulative", "FY2024-25:Jul-Apr", 2800, "USD_million")),
        ("Telecommunication, computer and information services exports stood at $330 million in April.", ("it_exports_monthly", "2025-04", 330, "USD_million")),
    ],
)
def test_sbps_name_for_all_ict_exports_in_english(sentence, expected):
    assert named(sentence, "2025-05-20") == {expected}
    assert named("Exports of computer services rose to $280 million in April.", "2025-05-20") == set()  # a part alone


def test_it_export_inflows_are_it_exports():
    assert named("IT export inflows increased to $348 million in November.", "2024-12-20") == {("it_exports_monthly", "2024-11", 348, "USD_million")}
    assert named("Inflows rose to $3bn in November.", "2024-12-20") == set()


def test_a_clause_led_by_another_country_is_that_countrys():
    text = "Bangladesh earned $1.3bn from IT exports in FY24, while Pakistan earned $3.2bn."
    assert named(text, "2024-12-20") == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}
    text = "In India, software exports grew 5pc, while Pakistan's IT exports rose 22pc to $348m in November."
    assert named(text, "2024-12-20") == {("it_exports_monthly", "2024-11", 22, "percent"), ("it_exports_monthly", "2024-11", 348, "USD_million")}


def test_a_rate_compared_with_another_subjects_rate_stays_ours():
    text = "IT exports grew 22pc in November, compared with 5pc growth in merchandise exports."
    assert named(text, "2024-12-20") == {("it_exports_monthly", "2024-11", 22, "percent")}
    # the growth of something compared with a level of another is not ours
    assert named("IT exports rose 20% as compared to trade surplus of $972m in November.", "2024-12-20") == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Remittances and IT exports stood at $3.1 billion and $348 million, respectively, in November.", {("it_exports_monthly", "2024-11", 348, "USD_million")}),
        ("IT exports in October and November were $330m and $348m respectively.", {("it_exports_monthly", "2024-10", 330, "USD_million"), ("it_exports_monthly", "2024-11", 348, "USD_million")}),
        ("IT exports rose 22pc and 10pc year-on-year in November and October respectively.", {("it_exports_monthly", "2024-11", 22, "percent"), ("it_exports_monthly", "2024-10", 10, "percent")}),
        # which figure is whose cannot be told: none is kept
        ("Freelancers and IT companies earned $120m and $228m respectively in November.", set()),
        ("IT exports in October, November and December were $330m and $348m respectively.", set()),
    ],
)
def test_figures_given_respectively_pair_in_order(sentence, expected):
    assert named(sentence, "2024-12-20") == expected


def test_urdu_figures_given_respectively():
    text = "آئی ٹی برآمدات اکتوبر اور نومبر میں بالترتیب 33 کروڑ ڈالر اور 34 کروڑ 80 لاکھ ڈالر رہیں۔"
    assert named(text, "2024-12-20") == {("it_exports_monthly", "2024-10", 330, "USD_million"), ("it_exports_monthly", "2024-11", 348, "USD_million")}
    text = "ترسیلات زر اور آئی ٹی برآمدات نومبر میں بالترتیب 3 ارب 10 کروڑ ڈالر اور 34 کروڑ 80 لاکھ ڈالر رہیں۔"
    assert named(text, "2024-12-20") == {("it_exports_monthly", "2024-11", 348, "USD_million")}


@pytest.mark.parametrize(
    "sentence",
    [
        "آئی ٹی برآمدات میں اضافے کے ساتھ ساتھ ترسیلات زر بھی اپریل میں 90 کروڑ ڈالر رہیں۔",
        "آئی ٹی برآمدات کے برعکس درآمدات اپریل میں 50 کروڑ ڈالر رہیں۔",
    ],
)
def test_urdu_subjects_the_monitor_does_not_track_own_their_figures(sentence):
    assert named(sentence, "2024-05-20") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "IT exports in FYTD25 stood at $1.45bn.",
        "Fiscal year-to-date IT exports were $1.45bn.",
        "IT exports in the financial year to date were $1.45bn.",
    ],
)
def test_fiscal_year_to_date_is_the_months_so_far(sentence):
    assert named(sentence, "2024-12-20") == {("it_exports_cumulative", "FY2024-25:Jul-Nov", 1450, "USD_million")}
    assert named(sentence, "2024-07-10") == set()  # in July no month of the year is over


def test_a_fiscal_year_inferred_from_its_base_is_its_months_so_far_while_it_runs():
    assert named("IT exports rose 24pc over FY23 to $2.8bn.", "2024-05-15") == {
        ("it_exports_cumulative", "FY2023-24:Jul-Apr", 24, "percent"),
        ("it_exports_cumulative", "FY2023-24:Jul-Apr", 2800, "USD_million"),
    }
    text = "آئی ٹی برآمدات میں گزشتہ مالی سال کے مقابلے میں 24 فیصد اضافہ ہوا اور یہ 3 ارب 20 کروڑ ڈالر تک پہنچ گئیں۔"
    assert ("it_exports_cumulative", "FY2023-24:Jul-Apr", 3200, "USD_million") in named(text, "2024-05-15")
    # once the year is over, it is the whole year
    assert named("IT exports rose 24pc over FY23 to $3.2bn.", "2024-07-15") == {
        ("it_exports_annual", "FY2023-24", 24, "percent"),
        ("it_exports_annual", "FY2023-24", 3200, "USD_million"),
    }


@pytest.mark.parametrize("sentence", ["Freelancers earned $350 million last year.", "فری لانسرز نے گزشتہ سال 35 کروڑ ڈالر کمائے۔"])
def test_a_figure_of_a_period_named_but_not_known_is_no_undated_claim(sentence):
    assert named(sentence, "2024-12-20") == set()


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("مارچ میں آئی ٹی برآمدات کی شرح نمو 21 فیصد رہی۔", 21),
        ("مارچ میں آئی ٹی برآمدات میں 21 فیصد ترقی ہوئی۔", 21),
        ("مارچ میں آئی ٹی برآمدات میں 5 فیصد تنزلی ہوئی۔", -5),
        ("مارچ میں آئی ٹی برآمدات 5 فیصد گھٹ گئیں۔", -5),
        ("IT exports registered negative growth of 5 percent in March.", -5),
        ("IT exports were 5 percent below last year's level in March.", -5),
        ("IT exports were 5 percent above last year's level in March.", 5),
    ],
)
def test_more_words_of_growth_and_decline(sentence, value):
    assert named(sentence, "2025-04-20") == {("it_exports_monthly", "2025-03", value, "percent")}


def test_a_count_over_months_of_a_year_not_named_fiscal_is_no_fact():
    assert named("PTA said 25,000 VPNs were registered in the first three months.", "2025-04-20") == set()
    assert named("PTA said 25,000 VPNs were registered in the first three months of the fiscal year.", "2025-04-20") == {
        ("vpn_registrations", "FY2024-25:Q1", 25000, "count")
    }


def test_a_run_on_text_is_read_in_pieces_cut_at_commas():
    from monitor.text import MAX_SENTENCE, pieces, split_sentences

    clause = "IT exports rose 5 percent to $300 million in July, up from $280 million the month before, and "
    text = clause * (3 * MAX_SENTENCE // len(clause))
    cut = list(pieces(text, 0, len(text)))
    assert len(cut) >= 3 and all(end - start <= MAX_SENTENCE for start, end in cut)
    assert cut[0][0] == 0 and cut[-1][1] == len(text) and all(a[1] == b[0] for a, b in zip(cut, cut[1:]))
    assert all(text[start:end].endswith(", ") for start, end in cut[:-1])
    # sentences come so: the run-on line in pieces, the sentence after it whole
    assert [(start, end) for _, start, end in split_sentences(text + "\nIT exports rose.")] == cut + [(len(text) + 1, len(text) + 17)]
    # a sentence of the usual length is one piece
    assert list(pieces(clause, 0, len(clause))) == [(0, len(clause))]
    # a run with no comma or space is cut at the limit
    assert list(pieces("x" * (MAX_SENTENCE + 10), 0, MAX_SENTENCE + 10)) == [(0, MAX_SENTENCE), (MAX_SENTENCE, MAX_SENTENCE + 10)]


def test_figures_of_a_run_on_text_are_still_read():
    text = "Markets were calm, " * 400 + "while IT exports rose to $354 million in July 2025."
    assert ("it_exports_monthly", "2025-07", 354, "USD_million") in named(text, "2025-08-20")


#: One clause with figures, repeated with "and" into a line of 5,000 characters and no full
#: stop (a table flattened into one line, or hostile text).
_RUN_ON = ("IT exports rose 5 percent to $300 million in July, up from $280 million the month before, and " * 60)[:5000]


def test_a_long_lines_figures_are_read_once_however_many_of_its_periods_ask(monkeypatch):
    """Each period of a line asked for the figures of the whole line again: a line of a few
    hundred figures was read a few hundred times over (a minute for 5,000 characters)."""
    import monitor.facts._extract as extract

    extract._figures_of.cache_clear()
    reads = []
    real = extract.find_figures
    monkeypatch.setattr(extract, "find_figures", lambda sentence: reads.append(len(sentence)) or real(sentence))
    facts = extract_facts("", _RUN_ON, "2025-08-20")
    assert facts and len(reads) == 1, len(reads)


def test_the_clauses_of_a_long_line_are_those_a_reading_from_its_start_finds():
    """A line over 2,000 characters has its clause breaks found once and looked up (else each
    figure read the line from its start): the bounds are the same as that reading's."""
    from monitor.facts._classify import _CLAUSE_BREAK, _clause
    from monitor.facts._numbers import find_figures

    line = _RUN_ON.replace(", up", "; up", 7).replace(" and IT", ", while IT", 9)
    figures = find_figures(line)
    assert len(line) > 2000 and len(figures) > 100
    for figure in figures:
        start = max((m.end() for m in _CLAUSE_BREAK.finditer(line, 0, figure.start)), default=0)
        after = _CLAUSE_BREAK.search(line, figure.end)
        assert _clause(line, figure) == (start, after.start() if after else len(line))


def test_an_html_tables_rows_reach_the_facts_through_extraction():
    """The production path: a page's table comes out of the extractor a row a line, and each
    row's figures are facts, quoted by their row."""
    from monitor.extract import extract

    paragraphs = "".join(
        f"<p>Paragraph {n} on how software exporters in Karachi and Lahore bring their foreign receipts home, in some detail.</p>"
        for n in range(3)
    )
    html = (
        "<html><body><article><h1>IT exports month by month</h1>"
        "<p>Pakistan's IT exports grew in each of the first three months of fiscal year 2024-25, State Bank data show.</p>"
        "<table><tr><th>Month</th><th>FY25 (US$ mn)</th><th>FY24 (US$ mn)</th><th>YoY</th></tr>"
        "<tr><td>Jul</td><td>286</td><td>214</td><td>34%</td></tr>"
        "<tr><td>Aug</td><td>298</td><td>236</td><td>26%</td></tr>"
        f"<tr><td>Sep</td><td>292</td><td>244</td><td>20%</td></tr></table>{paragraphs}</article></body></html>"
    )
    article = extract(html)
    found = extract_facts(article.title or "", article.text, "2024-10-18")
    assert {(f.series, f.period, f.value, f.unit, f.basis) for f in found} >= {
        ("it_exports_monthly", "2024-08", 298, "USD_million", ""),
        ("it_exports_monthly", "2023-08", 236, "USD_million", ""),
        ("it_exports_monthly", "2024-08", 26, "percent", "yoy"),
    }
    assert next(f for f in found if f.value == 298).quote == "Aug | 298 | 236 | 26%"
