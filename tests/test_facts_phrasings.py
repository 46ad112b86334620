"""Fact rules found by trying the extractor on headlines and sentences written to vary the
phrasings a reader meets (word order, Urdu numbers, several bases in one sentence). Each case
is written for these tests in its own words; the figures are of the size the real ones have."""

from __future__ import annotations

import re

import pytest

from monitor.facts import extract_facts


def facts(text: str, published: str, title: str = "") -> set[tuple[str, str, float, str]]:
    """``(series, period, value, unit)`` of every fact, ``other`` included."""
    return {(f.series, f.period, f.value, f.unit) for f in extract_facts(title, text, published)}


def rates(text: str, published: str) -> dict[float, str]:
    """``{value: basis}`` of every growth rate on a named series."""
    return {f.value: f.basis for f in extract_facts("", text, published) if f.unit == "percent" and f.series != "other"}


# --------------------------------------------------------------------------- subjects


def test_freelancers_own_it_exports_are_their_earnings():
    text = "Freelancers' IT exports climbed to $410 million in July-March FY25, 30 percent more than the $315 million of a year earlier."
    assert facts(text, "2025-04-20") == {
        ("freelancer_earnings", "FY2024-25:Jul-Mar", 410, "USD_million"),
        ("freelancer_earnings", "FY2024-25:Jul-Mar", 30, "percent"),
        ("freelancer_earnings", "FY2023-24:Jul-Mar", 315, "USD_million"),
    }
    # IT exports as a whole, with freelancers named elsewhere, stay IT exports
    assert ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2830, "USD_million") in facts(
        "IT exports reached $2.83 billion in July-March FY25, helped by freelancers.", "2025-04-20"
    )


def test_people_trained_are_no_count_of_freelancers():
    assert facts("Government scheme trains over 2 million freelancers in five years", "2024-05-02") == {
        ("other", "", 2000000, "count")
    }
    # Urdu: "prepared" (تیار کیے) under a programme
    assert facts("", "2024-05-02", title="ہنرمند پروگرام کے تحت 20 لاکھ سے زائد فری لانسرز تیار کیے گئے") == {
        ("other", "", 2000000, "count")
    }
    # the count of freelancers itself is kept
    assert facts("Pakistan now has 2 million freelancers, a survey finds.", "2024-05-02") == {
        ("freelancer_count", "", 2000000, "count")
    }


def test_count_of_pakistani_freelancers_is_a_count_of_freelancers():
    assert facts("Some 1.4 million Pakistani freelancers found work on global platforms in 2024.", "2025-02-01") == {
        ("freelancer_count", "2024", 1400000, "count")
    }


def test_urdu_net_exports_with_it_named_between():
    text = "گزشتہ مالی سال کے دوران خالص آئی ٹی برآمدات 2 ارب 70 کروڑ ڈالر رہیں۔"
    assert {f[0] for f in facts(text, "2024-08-10")} == {"other"}
    # the exports themselves are a series
    assert facts("گزشتہ مالی سال کے دوران آئی ٹی برآمدات 3 ارب 20 کروڑ ڈالر رہیں۔", "2024-08-10") == {
        ("it_exports_annual", "FY2023-24", 3200, "USD_million")
    }


def test_urdu_clause_opening_on_which_refers_back_to_the_freelancers():
    text = "مالی سال 2024-25 میں فری لانسرز نے 40 کروڑ ڈالر کا زرمبادلہ کمایا، جو گزشتہ مالی سال کے 32 کروڑ ڈالر کے مقابلے میں 25 فیصد زیادہ ہے۔"
    assert facts(text, "2025-07-30") == {
        ("freelancer_earnings", "FY2024-25", 400, "USD_million"),
        ("freelancer_earnings", "FY2023-24", 320, "USD_million"),
        ("freelancer_earnings", "FY2024-25", 25, "percent"),
    }


# --------------------------------------------------------------------------- Urdu numbers and ranks


def test_urdu_count_in_several_parts():
    assert facts("", "2024-06-12", title="فری لانسرز کی تعداد 18 لاکھ 40 ہزار ہو گئی") == {("freelancer_count", "", 1840000, "count")}
    assert facts("", "2024-06-12", title="ملک میں 25 لاکھ 50 ہزار فری لانسرز") == {("freelancer_count", "", 2550000, "count")}


def test_urdu_ordinal_before_largest_is_a_rank():
    assert ("ranking", "", 3, "rank") in facts("پاکستان دنیا کی تیسری بڑی فری لانس مارکیٹ بن گیا ہے۔", "2023-03-01")
    # a number before "big" counts things: no rank
    assert not any(f[0] == "ranking" for f in facts("ملک کی 10 بڑی آئی ٹی کمپنیوں نے فری لانسرز کو ملازمتیں دیں۔", "2023-03-01"))


# --------------------------------------------------------------------------- bases and periods


def test_urdu_rates_each_against_the_base_named_right_before_it():
    text = "مئی 2024 میں آئی ٹی برآمدات 31 کروڑ ڈالر رہیں جو مئی 2023 کے مقابلے میں 30 فیصد اور اپریل 2024 کے مقابلے میں 6 فیصد زیادہ ہیں۔"
    assert rates(text, "2024-06-18") == {30: "yoy", 6: "mom"}
    text = "مئی میں آئی ٹی برآمدات 31 کروڑ ڈالر رہیں جو گزشتہ سال کے اسی مہینے کے مقابلے میں 30 فیصد اور اپریل کے مقابلے میں 6 فیصد زیادہ ہیں۔"
    assert rates(text, "2024-06-18") == {30: "yoy", 6: "mom"}


def test_span_of_last_year_is_that_span_of_the_fiscal_year_before():
    published = "2024-01-18"
    assert ("it_exports_cumulative", "FY2022-23:H1", 1310, "USD_million") in facts(
        "IT exports were $1.46bn in H1 FY24, up 11.8pc from $1.31bn in the first half of last year.", published
    )
    assert ("it_exports_cumulative", "FY2022-23:H1", 1310, "USD_million") in facts(
        "IT exports were $1.46bn in H1 FY24, against $1.31bn in last year's first half.", published
    )
    urdu = "پہلی ششماہی میں آئی ٹی برآمدات 1 ارب 46 کروڑ ڈالر رہیں، جو گزشتہ سال کی پہلی ششماہی میں 1 ارب 31 کروڑ ڈالر تھیں۔"
    assert facts(urdu, published) == {
        ("it_exports_cumulative", "FY2023-24:H1", 1460, "USD_million"),
        ("it_exports_cumulative", "FY2022-23:H1", 1310, "USD_million"),
    }
    # a span with no year word stays in the running fiscal year
    assert facts("IT exports were $1.46bn in the first half, the SBP said.", published) == {
        ("it_exports_cumulative", "FY2023-24:H1", 1460, "USD_million")
    }


def test_rate_above_or_below_a_month_compares_with_it():
    text = "IT exports reached $424 million in December 2025, 21.8 percent above December 2024 and 8.7 percent over the previous month."
    assert facts(text, "2026-01-19") == {
        ("it_exports_monthly", "2025-12", 424, "USD_million"),
        ("it_exports_monthly", "2025-12", 21.8, "percent"),
        ("it_exports_monthly", "2025-12", 8.7, "percent"),
    }
    assert rates(text, "2026-01-19") == {21.8: "yoy", 8.7: "mom"}
    # the month is this period when the base is given only relative to it
    assert facts("IT exports were 5 percent below last year's level in March.", "2025-04-20") == {("it_exports_monthly", "2025-03", -5, "percent")}


def test_sentence_going_on_about_the_figure_before_keeps_its_period():
    text = "IT exports were $286 million in July. The figure was 4 percent lower than June but 33.6 percent above the $214 million recorded in July 2023."
    assert facts(text, "2024-08-19") == {
        ("it_exports_monthly", "2024-07", 286, "USD_million"),
        ("it_exports_monthly", "2024-07", -4, "percent"),
        ("it_exports_monthly", "2024-07", 33.6, "percent"),
        ("it_exports_monthly", "2023-07", 214, "USD_million"),
    }
    text = "Exports of IT services in August 2022 were $227 million. This was 14.1 percent higher than the previous month but 1.3 percent lower than in August 2021."
    assert rates(text, "2022-09-19") == {14.1: "mom", -1.3: "yoy"}
    assert {f[1] for f in facts(text, "2022-09-19")} == {"2022-08"}
    # "their" goes on about the subject and the period before, even with a base counted from the article's date
    text = "Freelancers had their best year in FY25. Their earnings amounted to $557 million, 59 percent higher than the previous fiscal year."
    assert facts(text, "2025-08-12") == {
        ("freelancer_earnings", "FY2024-25", 557, "USD_million"),
        ("freelancer_earnings", "FY2024-25", 59, "percent"),
    }


def test_but_ends_a_clause_and_easing_is_a_fall():
    text = "IT exports were $265 million in January 2024, a 13.4% month-over-month fall but a 21.6% year-over-year gain."
    assert rates(text, "2024-02-19") == {-13.4: "mom", 21.6: "yoy"}
    assert rates("August IT exports ease 2.4pc MoM to $402m", "2026-09-17") == {-2.4: "mom"}


def test_clause_after_a_semicolon_goes_on_about_the_same_subject():
    assert facts("", "2024-04-17", title="IT exports post 20pc YoY growth in 9MFY24 at $2.3bn; March up 19.5pc MoM") == {
        ("it_exports_cumulative", "FY2023-24:Jul-Mar", 20, "percent"),
        ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2300, "USD_million"),
        ("it_exports_monthly", "2024-03", 19.5, "percent"),
    }
    # with nothing watched before the semicolon, nothing is carried
    assert facts("", "2024-04-17", title="Remittances up 20pc in 9MFY24; March at $3bn") == set()


def test_growth_over_an_amount_and_year_to_date():
    text = "Year-to-date, IT exports have reached $1.99 billion, a 14 percent increase over the $1.745 billion recorded in July-February of last fiscal year."
    assert facts(text, "2024-03-18") == {
        ("it_exports_cumulative", "FY2023-24:Jul-Feb", 1990, "USD_million"),
        ("it_exports_cumulative", "FY2023-24:Jul-Feb", 14, "percent"),
        ("it_exports_cumulative", "FY2022-23:Jul-Feb", 1745, "USD_million"),
    }
    assert facts("IT exports so far this fiscal year stand at $3.5 billion.", "2025-06-18") == {
        ("it_exports_cumulative", "FY2024-25:Jul-May", 3500, "USD_million")
    }


def test_first_time_marked_is_a_threshold():
    text = "December 2025 marks the first time monthly IT exports have crossed $400 million."
    assert ("it_exports_monthly", "2025-12", 400, "USD_million") not in facts(text, "2026-01-19")
    assert facts("IT exports reached $400 million in December 2025.", "2026-01-19") == {("it_exports_monthly", "2025-12", 400, "USD_million")}


def test_round_amount_crossed_is_a_threshold_and_a_precise_one_a_value():
    assert facts("", "2025-10-20", title="IT exports cross $1bn in first quarter of FY26") == {("other", "FY2025-26:Q1", 1000, "USD_million")}
    assert facts("IT exports surpassed $3.22 billion in FY24.", "2024-07-20") == {("it_exports_annual", "FY2023-24", 3220, "USD_million")}


def test_part_of_a_whole_and_an_estimate_are_no_series_figures():
    text = "IT exports were $2.1 billion in July-February FY25, and Punjab accounted for $1.1 billion of the total."
    assert facts(text, "2025-03-20") == {("it_exports_cumulative", "FY2024-25:Jul-Feb", 2100, "USD_million"), ("other", "FY2024-25:Jul-Feb", 1100, "USD_million")}
    text = "IT exports were $1.55 billion in July-January FY23. By our estimate, close to $1 billion of export proceeds is held abroad, an industry leader said."
    assert facts(text, "2023-02-20") == {("it_exports_cumulative", "FY2022-23:Jul-Jan", 1550, "USD_million"), ("other", "FY2022-23:Jul-Jan", 1000, "USD_million")}


def test_opening_phrase_before_words_that_refer_back():
    text = "IT exports stood at $298 million in August 2024. On a month-on-month basis, the figure was up 4.6pc from $285m in July."
    assert facts(text, "2024-09-18") == {
        ("it_exports_monthly", "2024-08", 298, "USD_million"),
        ("it_exports_monthly", "2024-08", 4.6, "percent"),
        ("it_exports_monthly", "2024-07", 285, "USD_million"),
    }
    text = "ICT exports were $1.05 billion in the first quarter of FY26. September alone brought in $366 million. In August, the sector had earned $345 million."
    assert facts(text, "2025-10-20") == {
        ("it_exports_cumulative", "FY2025-26:Q1", 1050, "USD_million"),
        ("it_exports_monthly", "2025-09", 366, "USD_million"),
        ("it_exports_monthly", "2025-08", 345, "USD_million"),
    }
    text = "Exports stood at $338 million in June 2025. The June figure, however, was 2.6 percent lower than the $347 million recorded in May."
    assert ("it_exports_monthly", "2025-05", 347, "USD_million") in facts(text, "2025-07-17", title="IT exports at $338m in June")


def test_the_earnings_refer_back_and_a_body_named_export_board_is_no_subject():
    text = (
        "Freelancers brought home $290 million in the first eight months of FY24, according to the Pakistan Software Export Board. "
        "The earnings were 21 percent higher than the $240 million received in the same period last year."
    )
    assert facts(text, "2024-03-19") == {
        ("freelancer_earnings", "FY2023-24:Jul-Feb", 290, "USD_million"),
        ("freelancer_earnings", "FY2023-24:Jul-Feb", 21, "percent"),
        ("freelancer_earnings", "FY2022-23:Jul-Feb", 240, "USD_million"),
    }


def test_span_of_months_last_year_and_pc_written_against_its_number():
    text = "ICT exports amounted to $1.05 billion in the first quarter, a 20 percent increase over the $874 million recorded in July-September last year."
    assert ("it_exports_cumulative", "FY2024-25:Q1", 874, "USD_million") in facts(text, "2025-10-20")
    text = "IT exports fell to $199 million in July 2022. This was 8 percent lower than $217 million in July 2021 and 27pc below the $272 million earned in June 2022."
    assert rates(text, "2022-08-18") == {-8: "yoy", -27: "mom"}


def test_freelance_it_exports_and_the_same_half():
    text = "Freelance IT exports rose to $181 million in Jul-Dec FY24 from $137 million in the same half of FY23."
    assert facts(text, "2024-02-15") == {
        ("freelancer_earnings", "FY2023-24:H1", 181, "USD_million"),
        ("freelancer_earnings", "FY2022-23:H1", 137, "USD_million"),
    }


def test_average_exchange_rate_does_not_make_a_figure_an_average():
    text = "IT exports in 1QFY25 were worth $862 million, or about Rs239.7 billion at the average exchange rate."
    assert ("it_exports_cumulative", "FY2024-25:Q1", 862, "USD_million") in facts(text, "2024-10-22")
    # a monthly average is still one
    assert facts("IT exports averaged $290 million a month in FY24.", "2024-08-01") <= {("other", "FY2023-24", 290, "USD_million")}


def test_figures_of_other_countries_and_of_provinces_are_not_the_countrys():
    text = "Pakistan has an estimated 1.5 million freelancers, compared with 650,000 in Bangladesh."
    assert facts(text, "2023-11-20") == {("freelancer_count", "", 1500000, "count")}
    assert facts("Punjab's IT exports rose to $1.9 billion in FY25, the provincial IT board said.", "2025-08-04") == set()
    assert facts("Punjab contributed $1.65 billion of the country's $3.22 billion IT exports in FY24.", "2024-07-25") == {
        ("it_exports_annual", "FY2023-24", 3220, "USD_million")
    }
    assert facts("مالی سال 2023-24 میں صوبے سے آئی ٹی برآمدات ایک ارب 10 کروڑ ڈالر رہیں۔", "2024-08-01") == set()


def test_period_parted_from_a_figure_by_a_comma_gives_way_to_its_own():
    text = "With May's receipts of $329 million, July-May IT exports climbed to $3.5 billion."
    assert facts(text, "2025-06-18") == {
        ("it_exports_monthly", "2025-05", 329, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-May", 3500, "USD_million"),
    }


def test_n_month_total_and_first_quarter_tally():
    assert ("it_exports_cumulative", "FY2021-22:Jul-Mar", 1950, "USD_million") in facts(
        "IT exports were $259 million in March 2022, taking the nine-month total to $1.95 billion.", "2022-04-19"
    )
    assert ("it_exports_cumulative", "FY2022-23:Q1", 636, "USD_million") in facts(
        "", "2022-10-19", title="IT exports fall 7.5pc MoM to $210m in September, first-quarter tally at $636m"
    )
    # "nine months" as a length of time is still no period
    assert facts("The nine-month programme trained thousands of IT graduates.", "2022-04-19") == set()


def test_amounts_in_words_with_hundreds_billions_and_a_quarter():
    assert facts("IT exports in December 2023 were three hundred and six million dollars.", "2024-01-18") == {
        ("it_exports_monthly", "2023-12", 306, "USD_million")
    }
    assert facts("IT exports reached two billion 190 million dollars in the first seven months of FY25.", "2025-02-18") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Jan", 2190, "USD_million")
    }
    assert facts("The country earned a quarter billion dollars from IT exports in March 2022.", "2022-04-19") == {
        ("it_exports_monthly", "2022-03", 250, "USD_million")
    }
    text = "Freelancers brought home three hundred million dollars in the first nine months of FY24, against two hundred and seven million dollars in the corresponding period of FY23."
    assert facts(text, "2024-04-25") == {
        ("freelancer_earnings", "FY2023-24:Jul-Mar", 300, "USD_million"),
        ("freelancer_earnings", "FY2022-23:Jul-Mar", 207, "USD_million"),
    }


def test_count_since_a_month_is_a_running_total():
    assert facts("", "2025-02-03", title="PTA says 55,000 VPNs whitelisted since registration reopened in October") == {
        ("vpn_registrations", "", 55000, "count")
    }


def test_the_month_under_review_is_the_month_named_before():
    text = "The State Bank released services trade data for December on Tuesday. IT exports in the month under review came in at $225 million."
    assert facts(text, "2023-01-18") == {("it_exports_monthly", "2022-12", 225, "USD_million")}
    # with no month named before, no period is known: no fact
    assert facts("The State Bank released services trade data on Tuesday. IT exports in the month under review came in at $225 million.", "2023-01-18") == set()


def test_monthly_decline_and_annual_rise_name_their_basis():
    text = "IT exports were $330 million in April 2025, a monthly decline of 3.5 percent and an annual rise of 6.5 percent."
    assert rates(text, "2025-05-19") == {-3.5: "mom", 6.5: "yoy"}


def test_base_without_a_period_of_a_fiscal_year_is_the_year_before():
    text = "In the fiscal year ending June 30, 2024, IT exports climbed to $3.223 billion from $2.597 billion."
    assert facts(text, "2024-07-18") == {
        ("it_exports_annual", "FY2023-24", 3223, "USD_million"),
        ("it_exports_annual", "FY2022-23", 2597, "USD_million"),
    }
    # of a month, which month is not said: no fact
    assert facts("IT exports climbed to $330 million in April 2025 from $310 million.", "2025-05-19") == {("it_exports_monthly", "2025-04", 330, "USD_million")}


def test_clause_opening_on_as_and_a_month_and_a_while_clause_with_its_own_base():
    assert facts("", "2025-10-17", title="1QFY26 IT exports rise to $1.07bn as September hits record $386m") == {
        ("it_exports_cumulative", "FY2025-26:Q1", 1070, "USD_million"),
        ("it_exports_monthly", "2025-09", 386, "USD_million"),
    }
    text = "Home remittances reached $3.47 billion in January 2026, while IT exports amounted to $390 million, up 17.8pc from January 2025."
    assert facts(text, "2026-02-18") == {
        ("it_exports_monthly", "2026-01", 390, "USD_million"),
        ("it_exports_monthly", "2026-01", 17.8, "percent"),
    }


# --------------------------------------------------------------------------- Urdu, second round


def test_urdu_projection_destination_and_another_countrys_rank():
    assert {f[0] for f in facts("", "2025-06-04", title="آئندہ مالی سال آئی ٹی برآمدات میں 25 فیصد اضافے کا امکان")} <= {"other"}
    text = "جولائی تا دسمبر کے دوران امریکا کو پاکستان کی آئی ٹی برآمدات 55 کروڑ ڈالر رہیں، جبکہ متحدہ عرب امارات دوسری بڑی منڈی رہی۔"
    assert {f[0] for f in facts(text, "2025-01-25")} <= {"other"}


def test_urdu_same_months_of_last_year_and_this_volume():
    text = "رواں مالی سال کے پہلے دو ماہ میں آئی ٹی برآمدات 69 کروڑ ڈالر رہیں جو گزشتہ برس کے انہی دو ماہ کے 58 کروڑ 40 لاکھ ڈالر سے 18 فیصد زیادہ ہیں۔"
    assert facts(text, "2025-09-18") == {
        ("it_exports_cumulative", "FY2025-26:Jul-Aug", 690, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-Aug", 584, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:Jul-Aug", 18, "percent"),
    }
    text = "مئی 2024 میں پاکستان کی آئی ٹی برآمدات ریکارڈ سطح پر رہیں۔ یہ حجم 33 کروڑ ڈالر رہا جو اپریل کے مقابلے میں 6.5 فیصد زیادہ ہے۔"
    assert facts(text, "2024-06-18") == {
        ("it_exports_monthly", "2024-05", 330, "USD_million"),
        ("it_exports_monthly", "2024-05", 6.5, "percent"),
    }


def test_urdu_but_parts_two_comparisons_and_less_than_a_month():
    text = "اپریل میں آئی ٹی برآمدات 32 کروڑ 90 لاکھ ڈالر رہیں۔ یہ مارچ کے 34 کروڑ 20 لاکھ ڈالر سے 3.8 فیصد کم لیکن اپریل 2024 کے مقابلے میں 6 فیصد زیادہ ہیں۔"
    assert rates(text, "2025-05-16") == {-3.8: "mom", 6: "yoy"}
    assert ("it_exports_monthly", "2025-03", 342, "USD_million") in facts(text, "2025-05-16")
    text = "فروری 2026 میں آئی ٹی ایکسپورٹس 368.5 ملین ڈالر رہیں، جو جنوری کے 382 ملین ڈالر سے کم مگر گزشتہ سال فروری کے 305 ملین ڈالر سے 20.8 فیصد زیادہ ہیں۔"
    assert rates(text, "2026-03-18") == {20.8: "yoy"}
    assert ("it_exports_monthly", "2026-01", 382, "USD_million") in facts(text, "2026-03-18")
    # more than an amount is a level
    assert facts("اپریل میں آئی ٹی برآمدات 30 کروڑ ڈالر سے زیادہ رہیں۔", "2025-05-16") == {("it_exports_monthly", "2025-04", 300, "USD_million")}


def test_urdu_their_income_and_ninth_place():
    text = "جولائی سے دسمبر 2024 تک فری لانسرز نے 21 کروڑ 50 لاکھ ڈالر کمائے، جبکہ گزشتہ سال کی اسی مدت میں ان کی آمدن 17 کروڑ 30 لاکھ ڈالر تھی۔"
    assert facts(text, "2025-01-21") == {
        ("freelancer_earnings", "FY2024-25:H1", 215, "USD_million"),
        ("freelancer_earnings", "FY2023-24:H1", 173, "USD_million"),
    }
    assert ("ranking", "2024", 9, "rank") in facts("فری لانسنگ انڈیکس 2025 میں پاکستان ساتویں نمبر پر آ گیا، جبکہ 2024 میں اس کا نواں نمبر تھا۔", "2025-02-10")


def test_urdu_direction_at_the_end_of_the_clause_serves_both_rates():
    text = "اکتوبر 2024 میں آئی ٹی برآمدات 33 کروڑ ڈالر رہیں جو ستمبر کے مقابلے میں 13 اعشاریہ 1 فیصد اور گزشتہ سال اکتوبر کے مقابلے میں 24.5 فیصد زیادہ ہیں۔"
    assert rates(text, "2024-11-18") == {13.1: "mom", 24.5: "yoy"}
    # never past "while"
    text = "اکتوبر 2024 میں آئی ٹی برآمدات 33 کروڑ ڈالر رہیں جو ستمبر کے مقابلے میں 13 فیصد جبکہ ترسیلات زر 10 فیصد زیادہ رہیں۔"
    assert 13 not in rates(text, "2024-11-18")


def test_urdu_this_period_after_a_sentence_naming_it():
    text = "اسٹیٹ بینک نے رواں مالی سال کے ابتدائی سات ماہ کے اعداد و شمار جاری کر دیے ہیں۔ اس عرصے میں آئی ٹی برآمدات ایک ارب 53 کروڑ ڈالر رہیں۔"
    assert facts(text, "2022-02-17") == {("it_exports_cumulative", "FY2021-22:Jul-Jan", 1530, "USD_million")}
    text = "مالی سال کی پہلی سہ ماہی میں آئی ٹی برآمدات 87 کروڑ 60 لاکھ ڈالر رہیں۔ اس عرصے میں گزشتہ سال کی اسی مدت کے مقابلے میں 27 فیصد اضافہ ہوا۔"
    assert ("it_exports_cumulative", "FY2024-25:Q1", 27, "percent") in facts(text, "2024-10-17")


# --------------------------------------------------------------------------- Urdu articles


def test_urdu_article_carries_its_subject_through_thus_and_these():
    text = (
        "ملک کی آئی ٹی برآمدات مالی سال 2022-23 کے دوران کم ہو کر 2 ارب 59 کروڑ 60 لاکھ ڈالر رہ گئیں۔ "
        "اسٹیٹ بینک کے مطابق اس سے پچھلے مالی سال میں یہ برآمدات 2 ارب 62 کروڑ ڈالر تھیں۔ "
        "یوں سالانہ بنیاد پر 0.9 فیصد کمی ریکارڈ کی گئی۔ "
        "صرف جون کے مہینے کی بات کی جائے تو برآمدات 23 کروڑ 10 لاکھ ڈالر رہیں۔"
    )
    assert facts(text, "2023-07-20") == {
        ("it_exports_annual", "FY2022-23", 2596, "USD_million"),
        ("it_exports_annual", "FY2021-22", 2620, "USD_million"),
        ("it_exports_annual", "FY2022-23", -0.9, "percent"),
        ("it_exports_monthly", "2023-06", 231, "USD_million"),
    }
    text = "جولائی سے ستمبر کے دوران آئی سی ٹی برآمدات 63 کروڑ 80 لاکھ ڈالر رہیں۔ گزشتہ مالی سال کی اسی سہ ماہی میں یہ 65 کروڑ 20 لاکھ ڈالر تھیں۔"
    assert ("it_exports_cumulative", "FY2021-22:Q1", 652, "USD_million") in facts(text, "2022-10-19")


def test_urdu_rise_after_a_base_sentence_is_the_period_before_s():
    text = (
        "اپریل 2024 میں آئی ٹی برآمدات 31 کروڑ ڈالر رہیں۔ "
        "گزشتہ برس اپریل میں یہ برآمدات 20 کروڑ 30 لاکھ ڈالر تھیں، یعنی سالانہ بنیاد پر 52 فیصد اضافہ ہوا۔ "
        "مارچ کے 30 کروڑ 55 لاکھ ڈالر کے مقابلے میں ماہانہ بنیاد پر ڈیڑھ فیصد اضافہ دیکھا گیا۔"
    )
    assert facts(text, "2024-05-20") == {
        ("it_exports_monthly", "2024-04", 310, "USD_million"),
        ("it_exports_monthly", "2023-04", 203, "USD_million"),
        ("it_exports_monthly", "2024-04", 52, "percent"),
        ("it_exports_monthly", "2024-03", 305.5, "USD_million"),
        ("it_exports_monthly", "2024-04", 1.5, "percent"),
    }


def test_urdu_amount_when_it_was_and_the_largest_buyer():
    text = (
        "رواں مالی سال کے پہلے دس ماہ میں آئی ٹی برآمدات 2 ارب 59 کروڑ ڈالر ریکارڈ کی گئیں۔ "
        "اس عرصے میں گزشتہ سال کے مقابلے میں 22 فیصد اضافہ ہوا، جب یہ رقم 2 ارب 12 کروڑ ڈالر تھی۔ "
        "ان برآمدات میں سب سے بڑا خریدار امریکا رہا جسے ایک ارب 10 کروڑ ڈالر کی خدمات فراہم کی گئیں۔"
    )
    assert {f for f in facts(text, "2024-05-20") if f[0] != "other"} == {
        ("it_exports_cumulative", "FY2023-24:Jul-Apr", 2590, "USD_million"),
        ("it_exports_cumulative", "FY2023-24:Jul-Apr", 22, "percent"),
        ("it_exports_cumulative", "FY2022-23:Jul-Apr", 2120, "USD_million"),
    }


# --------------------------------------------------------------------------- analysts' and officials' styles


def test_signed_rates_in_brackets_are_their_amounts():
    text = "IT exports for Mar'23 came in at USD 225mn (-5% MoM, -11% YoY), bringing 9MFY23 receipts to USD 1.92bn, down 1.5% YoY."
    assert facts(text, "2023-04-18") == {
        ("it_exports_monthly", "2023-03", 225, "USD_million"),
        ("it_exports_monthly", "2023-03", -5, "percent"),
        ("it_exports_monthly", "2023-03", -11, "percent"),
        ("it_exports_cumulative", "FY2022-23:Jul-Mar", 1920, "USD_million"),
        ("it_exports_cumulative", "FY2022-23:Jul-Mar", -1.5, "percent"),
    }
    text = "IT exports for Apr'26 clocked in at USD 371mn, +12% YoY/+5% MoM, taking 10MFY26 receipts to USD 3.70bn (+17% YoY)."
    assert rates(text, "2026-05-18") == {12: "yoy", 5: "mom", 17: "yoy"}
    assert {(f[1], f[2]) for f in facts(text, "2026-05-18") if f[3] == "percent"} == {("2026-04", 12), ("2026-04", 5), ("FY2025-26:Jul-Apr", 17)}
    # a range's dash is no sign
    assert ("it_exports_monthly", "2026-04", 3, "percent") in facts("IT exports rose 2-3% in April 2026.", "2026-05-18")


def test_parts_provisional_figures_projections_and_cities():
    text = "Of the $260 million in ICT exports recorded in November, computer services contributed $211 million."
    assert facts(text, "2023-12-18") == {("it_exports_monthly", "2023-11", 260, "USD_million"), ("other", "2023-11", 211, "USD_million")}
    text = "The SBP revised November's IT export figure upward to $324 million from the provisional $318 million."
    assert facts(text, "2025-01-17") == {("it_exports_monthly", "2024-11", 324, "USD_million"), ("other", "2024-11", 318, "USD_million")}
    assert {f[0] for f in facts("", "2025-11-20", title="Topline sees FY26 IT exports at USD 4.4bn, up 16%")} == {"other"}
    assert facts("لاہور کی آئی ٹی کمپنیوں نے مالی سال 25-2024 میں ایک ارب 20 کروڑ ڈالر کی برآمدات کیں۔", "2025-08-01") == set()
    assert facts("پی ٹی اے کے مطابق اب تک 36 ہزار سے زائد وی پی اینز وائٹ لسٹ کیے جا چکے ہیں۔", "2025-01-06") == {("vpn_registrations", "", 36000, "count")}


def test_amount_followed_by_its_subject_and_a_parallel_clause():
    text = "Freelance remittances rose 38 percent to $332 million in 1HFY26, accounting for 14.8 percent of the $2.25 billion IT exports recorded in the period."
    assert ("it_exports_cumulative", "FY2025-26:H1", 2250, "USD_million") in facts(text, "2026-01-20")
    assert ("freelancer_earnings", "FY2025-26:H1", 2250, "USD_million") not in facts(text, "2026-01-20")
    text = "Workers' remittances stood at $3.24 billion in May, while export remittances of the IT sector clocked in at $320 million, up 36 percent year-on-year."
    assert facts(text, "2024-06-18") == {("it_exports_monthly", "2024-05", 320, "USD_million"), ("it_exports_monthly", "2024-05", 36, "percent")}


# --------------------------------------------------------------------------- articles, fourth round


def test_a_sentence_about_a_part_or_nothing_watched_keeps_the_period_for_the_quarter():
    text = (
        "IT exports increased by 19.9 percent to $1.05 billion during the first quarter of FY26. "
        "IT exports in September 2025 stood at $366 million. "
        "Computer services accounted for $891 million of the quarterly total. "
        "Workers' remittances during the same quarter amounted to $9.8 billion. "
        "Freelancers' earnings in the quarter rose to $118 million, up 22 percent year-on-year."
    )
    found = facts(text, "2025-10-17")
    assert ("freelancer_earnings", "FY2025-26:Q1", 118, "USD_million") in found
    assert ("freelancer_earnings", "FY2025-26:Q1", 22, "percent") in found


def test_may_after_from_is_the_month():
    assert rates("Exports of IT services in June 2023 came in at $245 million, up 3.8 percent from May.", "2023-07-20") == {3.8: "mom"}


def test_running_totals_of_counts_are_undated():
    text = "The PTA registered more than 25,000 VPNs in November, taking the total to over 45,000. Before this month, only around 20,000 VPNs had been registered since 2010."
    found = facts(text, "2024-11-27")
    assert ("vpn_registrations", "", 45000, "count") in found
    assert ("vpn_registrations", "", 20000, "count") in found
    assert ("vpn_registrations", "2024-11", 25000, "count") in found


def test_headline_figure_takes_the_period_of_the_lead():
    title = "آئی ٹی برآمدات میں 16.8 فیصد اضافہ"
    text = "رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 2 ارب 18 کروڑ 70 لاکھ ڈالر رہیں۔"
    assert facts(text, "2026-01-20", title=title) == {
        ("it_exports_cumulative", "FY2025-26:H1", 16.8, "percent"),
        ("it_exports_cumulative", "FY2025-26:H1", 2187, "USD_million"),
    }
    # a lead that says it again keeps one report, with its period
    assert facts("IT exports surged 23 percent to $2.83 billion in July-March FY25.", "2025-04-18", title="PM hails 23pc surge in IT exports") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Mar", 23, "percent"),
        ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2830, "USD_million"),
    }
    # a lead of two periods leaves the headline's undated
    text = "IT exports were $2.19 billion in the first half, and $395 million in December."
    assert ("it_exports_cumulative", "", 16.8, "percent") in facts(text, "2026-01-20", title="IT exports up 16.8pc")


# --------------------------------------------------------------------------- fifth round: counts, conversions, conditions


def test_urdu_counts_in_words_and_with_hundreds():
    assert facts("صرف نومبر کے مہینے میں 20 ہزار 500 وی پی اینز رجسٹر کیے گئے۔", "2024-12-05") == {("vpn_registrations", "2024-11", 20500, "count")}
    assert facts("دسمبر کے مہینے میں ساڑھے پانچ ہزار وی پی اینز وائٹ لسٹ کیے گئے۔", "2025-01-10") == {("vpn_registrations", "2024-12", 5500, "count")}
    # a relative clause after the count says nothing of it ("جو ... حصہ": who are a part of the economy)
    assert facts("پاکستان میں فری لانسرز کی تعداد تئیس لاکھ ستر ہزار ہے جو ملکی معیشت کا اہم حصہ بن چکے ہیں۔", "2025-03-01") == {
        ("freelancer_count", "", 2370000, "count")
    }


def test_subsets_parts_of_a_group_and_conversions_are_other():
    text = "Of Pakistan's roughly 2.37 million freelancers, around 250,000 are women, a survey found."
    assert facts(text, "2025-03-08") == {("freelancer_count", "", 2370000, "count"), ("other", "", 250000, "count")}
    text = "ڈیجی اسکلز پروگرام سے 45 لاکھ افراد تربیت حاصل کر چکے ہیں، جن میں سے ڈیڑھ لاکھ فری لانسنگ سے آمدن حاصل کر رہے ہیں۔"
    assert {f[0] for f in facts(text, "2025-03-08")} == {"other"}
    text = "Freelancers sent home $548 million in FY25. In rupee terms, their earnings amounted to roughly Rs154 billion."
    assert facts(text, "2025-07-22") == {("freelancer_earnings", "FY2024-25", 548, "USD_million"), ("other", "FY2024-25", 154000, "PKR_million")}
    assert facts("خیبرپختونخوا کے فری لانسرز نے گزشتہ مالی سال کے دوران 1 کروڑ 80 لاکھ ڈالر کمائے۔", "2023-08-01") == set()


def test_conditions_and_amounts_exceeded_in_another_clause_are_no_actuals():
    text = "Analysts expect IT exports to exceed $3.8 billion in FY25 if monthly inflows hold above $330 million through June."
    assert {f[0] for f in facts(text, "2025-05-20")} == {"other"}
    # an amount exceeded that is dated with it is a base
    assert ("it_exports_monthly", "2024-06", 300, "USD_million") in facts("IT exports reached $338 million in June 2025, exceeding the $300 million of June 2024.", "2025-07-17")


def test_the_period_and_inflows_refer_back_and_last_fiscal_year_is_the_one_before_the_reported():
    text = (
        "رواں مالی سال کے پہلے دس ماہ میں آئی ٹی برآمدات 3 ارب 75 کروڑ ڈالر رہیں۔ صرف اپریل میں برآمدات 38 کروڑ 50 لاکھ ڈالر رہیں۔ "
        "اسی عرصے میں فری لانسرز کی ترسیلات 44 کروڑ ڈالر رہیں۔"
    )
    assert ("freelancer_earnings", "FY2025-26:Jul-Apr", 440, "USD_million") in facts(text, "2026-05-20")
    text = "Freelancers sent home $548 million in FY25. Earnings had already reached $209 million in the first half of the fiscal year."
    assert ("freelancer_earnings", "FY2024-25:H1", 209, "USD_million") in facts(text, "2025-07-22")
    text = "مالی سال 2023 میں آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر رہیں۔ گزشتہ مالی سال یہ برآمدات 2 ارب 62 کروڑ ڈالر تھیں۔"
    assert facts(text, "2023-07-19") == {("it_exports_annual", "FY2022-23", 2600, "USD_million"), ("it_exports_annual", "FY2021-22", 2620, "USD_million")}
    text = "IT exports touched $3.8 billion in FY25. On a month-on-month basis, June's figure was 2.7 percent above May's $329 million."
    assert ("it_exports_monthly", "2025-05", 329, "USD_million") in facts(text, "2025-07-21", title="IT exports at $338m in June")


# --------------------------------------------------------------------------- seventh round


def test_urdu_fiscal_year_first_short_then_long_and_the_year_just_ended():
    assert facts("مالی سال ۲۴-۲۰۲۵ میں ملک کی آئی ٹی برآمدات ۳ اعشاریہ ۸ ارب ڈالر رہیں۔", "2025-07-20") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}
    # end first stays as it was
    assert facts("مالی سال 24-2023 میں آئی ٹی برآمدات 3.2 ارب ڈالر رہیں۔", "2024-07-18") == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}
    assert facts("For the fiscal year just ended, IT exports totalled $3.8 billion.", "2025-07-20") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_the_year_before_that_is_a_base_and_last_year_before_a_span_of_months():
    text = "گزشتہ مالی سال کے دوران آئی ٹی برآمدات دو ارب انسٹھ کروڑ ڈالر رہیں جو اس سے پچھلے سال کے دو ارب باسٹھ کروڑ ڈالر سے قدرے کم ہیں۔"
    assert facts(text, "2023-08-10") == {("it_exports_annual", "FY2022-23", 2590, "USD_million"), ("it_exports_annual", "FY2021-22", 2620, "USD_million")}
    text = "مالی سال 26-2025 کی پہلی سہ ماہی میں آئی ٹی برآمدات ایک ارب سات کروڑ ڈالر رہیں، جبکہ گزشتہ سال جولائی تا ستمبر یہ 87 کروڑ 60 لاکھ ڈالر تھیں۔"
    assert ("it_exports_cumulative", "FY2024-25:Q1", 876, "USD_million") in facts(text, "2025-10-20")


def test_rates_joined_by_and_after_an_amount_and_the_urdu_semicolon():
    text = "IT exports in December 2024 reached $348 million, up 28 percent year-on-year and 9 percent month-on-month, taking the total for the first half to $1.86 billion."
    assert rates(text, "2025-01-17") == {28: "yoy", 9: "mom"}
    assert {(f[1], f[2]) for f in facts(text, "2025-01-17") if f[3] == "percent"} == {("2024-12", 28), ("2024-12", 9)}
    text = "رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 2 ارب 23 کروڑ ڈالر رہیں، جو پچھلے سال کے اسی عرصے کے مقابلے میں 20 فیصد زیادہ ہیں؛ صرف دسمبر میں 40 کروڑ ڈالر رہیں۔"
    assert ("it_exports_cumulative", "FY2025-26:H1", 20, "percent") in facts(text, "2026-01-20")


# --------------------------------------------------------------------------- bases named relative to this period


def test_a_base_some_years_back():
    text = "PSEB says freelancers earned $400 million in FY2023-24, up from $269 million two years earlier."
    assert facts(text, "2024-08-10") == {("freelancer_earnings", "FY2023-24", 400, "USD_million"), ("freelancer_earnings", "FY2021-22", 269, "USD_million")}
    text = "IT exports stood at $340 million in July, up from $300 million two years earlier."
    assert ("it_exports_monthly", "2022-07", 300, "USD_million") in facts(text, "2024-08-10")
    text = "مالی سال 2024 میں فری لانسرز نے 40 کروڑ ڈالر کمائے جو دو سال قبل 26 کروڑ 90 لاکھ ڈالر تھے۔"
    assert ("freelancer_earnings", "FY2021-22", 269, "USD_million") in facts(text, "2024-08-10")


def test_the_same_month_of_a_year_named():
    text = "IT exports stood at $340 million in July, against $318 million in the corresponding month of 2023."
    assert ("it_exports_monthly", "2023-07", 318, "USD_million") in facts(text, "2024-08-10")
    text = "جولائی میں آئی ٹی برآمدات 34 کروڑ ڈالر رہیں جبکہ 2023 کے اسی مہینے میں یہ 31 کروڑ 80 لاکھ ڈالر تھیں۔"
    assert ("it_exports_monthly", "2023-07", 318, "USD_million") in facts(text, "2024-08-10")
    # months within one calendar year are those months of the year named, never the year itself
    text = "IT exports reached $1.2 billion in July-October, against $1 billion in the same period of 2023."
    assert facts(text, "2024-11-18") == {("it_exports_cumulative", "FY2024-25:Jul-Oct", 1200, "USD_million"), ("it_exports_cumulative", "FY2023-24:Jul-Oct", 1000, "USD_million")}
    # July-March of 2023 could be either fiscal year's: no base
    text = "IT exports reached $2.8 billion in July-March FY25, against $2.3 billion in the same period of 2023."
    assert facts(text, "2025-04-18") == {("it_exports_cumulative", "FY2024-25:Jul-Mar", 2800, "USD_million")}


def test_the_preceding_month_and_the_month_before_are_a_month_back():
    text = "IT exports stood at $340 million in July, 3 percent above the preceding month's $330 million."
    assert ("it_exports_monthly", "2024-06", 330, "USD_million") in facts(text, "2024-08-10")
    text = "IT exports stood at $340 million in July, up from $330 million in the month before."
    assert facts(text, "2024-08-10") == {("it_exports_monthly", "2024-07", 340, "USD_million"), ("it_exports_monthly", "2024-06", 330, "USD_million")}
    assert rates("IT exports stood at $340 million in July, up 3 percent from $330 million the month before.", "2024-08-10") == {3: "mom"}


def test_the_first_basis_named_in_a_comparison_is_its_own():
    text = "IT exports in October climbed to $330 million, marking a 34 percent jump over the same month of 2023 and a 13 percent rise on the preceding month."
    assert rates(text, "2024-11-18") == {34: "yoy", 13: "mom"}
    text = "IT exports came in at $338 million in June, up 13 percent from a year earlier and nearly 3 percent higher than May's $329 million."
    assert rates(text, "2025-07-19") == {13: "yoy", 3: "mom"}


def test_a_rate_on_a_base_is_this_periods():
    text = "IT exports for January 2024 stood at $265 million, $7 million lower than the preceding month but up 20 percent on the $221 million of January 2023."
    got = facts(text, "2024-02-19")
    assert ("it_exports_monthly", "2024-01", 20, "percent") in got and ("it_exports_monthly", "2023-01", 221, "USD_million") in got
    assert rates(text, "2024-02-19") == {20: "yoy"}
    # "on a year-on-year basis" says how, not against what
    text = "IT exports increased by nearly 25 per cent on a year-on-year basis to $324 million in November."
    assert ("it_exports_monthly", "2024-11", 324, "USD_million") in facts(text, "2024-12-18")


def test_last_month_restated_by_name_is_the_month_named():
    text = "گزشتہ ماہ یعنی نومبر میں آئی ٹی برآمدات 31 کروڑ 80 لاکھ ڈالر رہی تھیں۔"
    assert facts(text, "2025-01-18") == {("it_exports_monthly", "2024-11", 318, "USD_million")}
    assert facts("IT exports were $318 million last month, i.e. November.", "2025-01-18") == {("it_exports_monthly", "2024-11", 318, "USD_million")}


def test_that_and_a_months_receipts_go_on_about_the_subject_before():
    text = (
        "Pakistan's exports of IT and IT-enabled services touched a record $3.83 billion in FY25. "
        "That was an increase of 18.6 percent over the $3.23 billion earned in FY24. "
        "June receipts came in at $338 million."
    )
    got = facts(text, "2025-07-19")
    assert {("it_exports_annual", "FY2024-25", 18.6, "percent"), ("it_exports_annual", "FY2023-24", 3230, "USD_million"), ("it_exports_monthly", "2025-06", 338, "USD_million")} <= got


# --------------------------------------------------------------------------- eighth round


def test_a_base_reported_some_years_ago_and_below_or_above_an_earlier_figure():
    text = "Freelance earnings hit $557 million in FY2024-25, more than double the $230 million reported three years ago."
    assert ("freelancer_earnings", "FY2021-22", 230, "USD_million") in facts(text, "2025-07-20")
    text = "IT export proceeds fell to $236 million in January, below the preceding month's $278 million."
    assert facts(text, "2024-02-12") == {("it_exports_monthly", "2024-01", 236, "USD_million"), ("it_exports_monthly", "2023-12", 278, "USD_million")}
    text = "IT exports for FY2022-23 were $2.59 billion, marginally below FY22's $2.62 billion but well above the $2.1 billion of two years earlier."
    assert facts(text, "2023-08-20") == {
        ("it_exports_annual", "FY2022-23", 2590, "USD_million"), ("it_exports_annual", "FY2021-22", 2620, "USD_million"), ("it_exports_annual", "FY2020-21", 2100, "USD_million")
    }


def test_exports_to_a_country_and_freelancers_with_accounts_are_parts():
    assert facts("Exports of IT services to the United States stood at $1.1 billion in FY24, more than a third of the total.", "2024-08-01") == {("other", "FY2023-24", 1100, "USD_million")}
    text = "Some 120,000 freelancers have opened accounts under the State Bank's scheme, while the country is home to around 2.4 million freelancers."
    assert facts(text, "2021-11-10") == {("other", "", 120000, "count"), ("freelancer_count", "", 2400000, "count")}



def test_urdu_a_base_a_year_or_two_back():
    text = "دسمبر 2025 میں آئی ٹی برآمدات 42 کروڑ 60 لاکھ ڈالر رہیں جو ایک سال پہلے کے 35 کروڑ 20 لاکھ ڈالر سے 21 فیصد زیادہ ہیں۔"
    assert ("it_exports_monthly", "2024-12", 352, "USD_million") in facts(text, "2026-01-19")
    assert rates(text, "2026-01-19") == {21: "yoy"}
    text = "رواں مالی سال کے پہلے دس ماہ میں آئی ٹی برآمدات 3 ارب 27 کروڑ ڈالر رہیں، جو دو سال قبل اسی عرصے کی 2 ارب 14 کروڑ ڈالر کی برآمدات سے 53 فیصد زیادہ ہیں۔"
    assert ("it_exports_cumulative", "FY2022-23:Jul-Apr", 2140, "USD_million") in facts(text, "2025-05-16")
    assert rates(text, "2025-05-16") == {53: "unknown"}  # a rise over two years is neither


def test_urdu_one_and_a_quarter_and_a_level_stood_at():
    assert facts("", "2022-01-20", title="پہلی ششماہی میں آئی ٹی برآمدات سوا ارب ڈالر سے متجاوز") == {("it_exports_cumulative", "FY2021-22:H1", 1250, "USD_million")}
    text = "دسمبر میں آئی ٹی برآمدات 25 کروڑ 80 لاکھ ڈالر کی سطح پر رہیں، جبکہ نومبر میں یہ 23 کروڑ 10 لاکھ ڈالر تھیں۔"
    assert facts(text, "2022-01-19") == {("it_exports_monthly", "2021-12", 258, "USD_million"), ("it_exports_monthly", "2021-11", 231, "USD_million")}


def test_urdu_base_amount_of_exports_and_a_decimal_rate():
    text = "اگست 2022 میں ملک کی آئی ٹی برآمدات 22 کروڑ 80 لاکھ ڈالر رہیں۔ یہ جولائی کی 21 کروڑ 10 لاکھ ڈالر کی برآمدات سے 8 فیصد زیادہ ہیں۔"
    assert ("it_exports_monthly", "2022-08", 8, "percent") in facts(text, "2022-09-19")
    assert rates(text, "2022-09-19") == {8: "mom"}
    text = "رواں مالی سال کی دوسری سہ ماہی میں آئی ٹی برآمدات ایک ارب ۲ کروڑ ڈالر رہیں، جو پچھلی سہ ماہی کے ۹۳ کروڑ ۸۰ لاکھ ڈالر سے ۸ اعشاریہ ۷ فیصد زیادہ ہیں۔"
    assert ("it_exports_cumulative", "FY2024-25:Q1", 938, "USD_million") in facts(text, "2025-01-21")
    assert rates(text, "2025-01-21") == {8.7: "unknown"}  # against the quarter before


def test_the_quarter_before_is_a_base():
    text = "Topline: IT exports for 2QFY26 stood at USD 1.16bn, up 6% over the previous quarter's USD 1.09bn."
    assert facts(text, "2026-01-20") == {
        ("it_exports_cumulative", "FY2025-26:Q2", 1160, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:Q2", 6, "percent"),
        ("it_exports_cumulative", "FY2025-26:Q1", 1090, "USD_million"),
    }
    assert rates(text, "2026-01-20") == {6: "unknown"}
    text = "IT exports in the first quarter of FY25 were $873 million, against $919 million in the previous quarter."
    assert ("it_exports_cumulative", "FY2023-24:Q4", 919, "USD_million") in facts(text, "2024-10-18")


def test_the_same_fiscal_year_named_before_and_a_lead_restating_its_title():
    text = "IT exports were $2.6 billion last fiscal year. In the same fiscal year, freelancers earned $269 million."
    assert ("freelancer_earnings", "FY2022-23", 269, "USD_million") in facts(text, "2023-07-20")
    text = "آئی ٹی برآمدات گزشتہ مالی سال 2 ارب 60 کروڑ ڈالر رہیں۔ اسی مالی سال میں فری لانسرز کی آمدن 26 کروڑ 90 لاکھ ڈالر رہی۔"
    assert ("freelancer_earnings", "FY2022-23", 269, "USD_million") in facts(text, "2023-07-20")
    # a month named before is not "the same fiscal year"
    assert not any(f[0] == "freelancer_earnings" for f in facts("جون میں آئی ٹی برآمدات 24 کروڑ 50 لاکھ ڈالر رہیں۔ اسی مالی سال میں فری لانسرز کی آمدن 26 کروڑ 90 لاکھ ڈالر رہی۔", "2023-07-20"))
    title = "مالی سال 2023: آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر"
    text = "اسٹیٹ بینک کے مطابق گزشتہ مالی سال کے دوران ملک کی آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر رہیں۔"
    assert facts(text, "2023-07-20", title=title) == {("it_exports_annual", "FY2022-23", 2600, "USD_million")}


def test_counts_the_month_before_that_and_running_totals_in_their_own_stretch():
    text = "پی ٹی اے کے مطابق گزشتہ ماہ یعنی نومبر میں 19 ہزار 400 وی پی اینز رجسٹر کیے گئے، جبکہ اس سے پچھلے مہینے یہ تعداد صرف 3 ہزار 100 تھی۔"
    assert facts(text, "2024-12-05") == {("vpn_registrations", "2024-11", 19400, "count"), ("vpn_registrations", "2024-10", 3100, "count")}
    text = "The PTA registered 1,230 VPNs in January, up from 870 in the month before, taking the total since the registration drive began to 27,400."
    assert facts(text, "2025-02-11") == {("vpn_registrations", "2025-01", 1230, "count"), ("vpn_registrations", "2024-12", 870, "count"), ("vpn_registrations", "", 27400, "count")}
    assert ("vpn_registrations", "", 35000, "count") in facts("", "2025-01-10", title="گزشتہ ماہ ۸ ہزار ۲۰۰ نئے وی پی اینز رجسٹر، مجموعی تعداد ۳۵ ہزار ہو گئی: پی ٹی اے")
    # the time before a drive began is a point of reference, not the count's period
    assert ("vpn_registrations", "", 50000, "count") in facts("Nearly 50,000 VPNs have now been registered with the PTA, up from about 20,000 before the drive began in October.", "2025-01-20")


def test_not_the_countrys_figures_stocks_provinces_and_cities():
    assert facts("Tech stocks rose 6 percent at the PSX on news of higher IT exports.", "2023-10-18") == set()
    assert facts("", "2023-10-18", title="اسٹاک مارکیٹ: آئی ٹی برآمدات میں اضافے کی خبر پر ٹیکنالوجی کے حصص 6 فیصد تک چڑھ گئے") == set()
    text = "رواں مالی سال کی پہلی سہ ماہی میں صوبے سے 52 کروڑ ڈالر کی آئی ٹی برآمدات ہوئیں، جو اسی عرصے کی ملکی آئی ٹی برآمدات ایک ارب 6 کروڑ ڈالر کا تقریباً نصف ہیں۔"
    assert facts(text, "2025-10-28") == {("it_exports_cumulative", "FY2025-26:Q1", 1060, "USD_million")}
    text = "پہلی ششماہی میں آئی ٹی برآمدات 2 ارب 26 کروڑ ڈالر رہیں۔ ششماہی برآمدات میں صوبے کا حصہ ایک ارب 20 کروڑ ڈالر رہا، جس میں سے لاہور کی کمپنیوں نے 78 کروڑ ڈالر کی خدمات برآمد کیں۔"
    assert not any(f[2] == 780 for f in facts(text, "2026-01-20"))


def test_gross_beside_net_superseded_in_urdu_and_an_actual_beside_a_target():
    text = "مالی سال 25-2024 میں خالص آئی ٹی برآمدات 3 ارب 5 کروڑ ڈالر رہیں، جبکہ مجموعی آئی ٹی برآمدات 3 ارب 93 کروڑ ڈالر تھیں۔"
    assert ("it_exports_annual", "FY2024-25", 3930, "USD_million") in facts(text, "2025-07-22")
    text = "جنوری میں آئی ٹی برآمدات 31 کروڑ 90 لاکھ ڈالر رہیں، جو ابتدائی طور پر 31 کروڑ 20 لاکھ ڈالر بتائی گئی تھیں۔"
    assert facts(text, "2025-03-18") == {("it_exports_monthly", "2025-01", 319, "USD_million"), ("other", "2025-01", 312, "USD_million")}
    assert facts("", "2025-07-25", title="Govt sets $5bn IT export target for FY26 after $3.8bn in FY25") == {("other", "FY2025-26", 5000, "USD_million"), ("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_the_months_figure_goes_on_about_the_month_before():
    text = "In September alone, IT exports earned $223 million. The month's figure was also 27 percent above that of September 2020."
    assert ("it_exports_monthly", "2021-09", 27, "percent") in facts(text, "2021-10-19")


# --------------------------------------------------------------------------- ninth round


def test_the_level_after_a_base_and_parts_of_a_count():
    text = "IT exports dipped 6 percent year-on-year to $247 million in December 2022. For July-December, exports were up 2 percent from the same period last year at $1.34 billion."
    assert ("it_exports_cumulative", "FY2022-23:H1", 1340, "USD_million") in facts(text, "2023-01-19")
    text = "The PTA registered 21,000 VPNs in November, taking the total number of registered VPNs to over 32,000, officials said."
    assert facts(text, "2024-12-03") == {("vpn_registrations", "2024-11", 21000, "count"), ("vpn_registrations", "", 32000, "count")}
    text = "A PTA official said 38,600 VPNs have been registered so far, 7,900 of them by individual freelancers."
    assert facts(text, "2025-01-15") == {("vpn_registrations", "", 38600, "count"), ("other", "", 7900, "count")}


def test_a_headline_bound_the_body_gives_exactly_is_one_figure():
    title = "PTA: over 19,000 VPNs registered in November"
    text = "The PTA registered 19,400 VPNs in November."
    assert facts(text, "2024-12-05", title=title) == {("vpn_registrations", "2024-11", 19400, "count")}
    title = "مالی سال 2025 میں فری لانسرز کی آمدن 54 کروڑ ڈالر سے تجاوز کر گئی"
    text = "گزشتہ مالی سال کے دوران فری لانسرز نے 54 کروڑ 30 لاکھ ڈالر کمائے۔"
    assert facts(text, "2025-08-12", title=title) == {("freelancer_earnings", "FY2024-25", 543, "USD_million")}
    # a bound the body does not give stays, and so does one the body gives as a bound too
    assert ("vpn_registrations", "2024-11", 19000, "count") in facts("The PTA registered VPNs briskly.", "2024-12-05", title="PTA: over 19,000 VPNs registered in November")


def test_urdu_the_fiscal_year_ending_in_june_and_what_refers_back_to_an_amount():
    text = "اسٹیٹ بینک کے مطابق ۳۰ جون کو ختم ہونے والے مالی سال میں آئی ٹی برآمدات ۳ ارب ۲۳ کروڑ ۳۰ لاکھ ڈالر رہیں۔"
    assert facts(text, "2024-07-18") == {("it_exports_annual", "FY2023-24", 3233, "USD_million")}
    text = "رواں مالی سال جولائی تا مارچ فری لانسرز کی آمدن 29 کروڑ ڈالر رہی اور اس میں 62 فیصد اضافہ ہوا۔"
    assert ("freelancer_earnings", "FY2023-24:Jul-Mar", 62, "percent") in facts(text, "2024-05-06")
    text = "گزشتہ مالی سال فری لانسرز نے 54 کروڑ 30 لاکھ ڈالر ملک بھیجے۔ یہ رقم مالی سال 2024 کے 39 کروڑ 80 لاکھ ڈالر کے مقابلے میں 36 فیصد زیادہ ہے۔"
    assert {("freelancer_earnings", "FY2023-24", 398, "USD_million"), ("freelancer_earnings", "FY2024-25", 36, "percent")} <= facts(text, "2025-08-12")


def test_urdu_a_rank_in_an_index_of_a_year():
    assert facts("", "2024-12-20", title="عالمی فری لانسنگ انڈیکس 2024: پاکستان ایک درجہ بہتری کے ساتھ ساتویں نمبر پر") == {("ranking", "2024", 7, "rank")}


# --------------------------------------------------------------------------- cases a second reading found


def test_urdu_fiscal_years_named_with_a_year_and_years_back_in_digits():
    assert facts("30 جون 2023 کو ختم ہونے والے مالی سال میں آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر رہیں۔", "2024-07-18") == {("it_exports_annual", "FY2022-23", 2600, "USD_million")}
    text = "رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات ایک ارب 20 کروڑ ڈالر رہیں جبکہ مالی سال 2023 کے اسی عرصے میں یہ 90 کروڑ ڈالر تھیں۔"
    assert ("it_exports_cumulative", "FY2022-23:Jul-Oct", 900, "USD_million") in facts(text, "2024-11-18")
    text = "مالی سال 2025 میں آئی ٹی برآمدات 3 ارب 80 کروڑ ڈالر رہیں جو 15 سال قبل محض 50 کروڑ ڈالر تھیں۔"
    assert ("it_exports_annual", "FY2009-10", 500, "USD_million") in facts(text, "2025-08-20")


def test_a_rate_against_a_base_over_a_year_back_is_of_unknown_basis():
    assert rates("IT exports reached $3.8 billion in FY25, up 47 percent from the same period two years earlier.", "2025-08-20") == {47: "unknown"}
    assert rates("IT exports stood at $340 million in July 2025, up 25 percent from $272 million in the same month of 2023.", "2025-08-20") == {25: "unknown"}


def test_an_urdu_clause_a_month_before_is_no_level_of_this_month():
    for before in ("ایک ماہ قبل", "اس سے قبل"):
        text = f"دسمبر میں آئی ٹی برآمدات 42 کروڑ 60 لاکھ ڈالر رہیں جبکہ {before} یہ 38 کروڑ ڈالر تھیں۔"
        assert facts(text, "2026-01-19") == {("it_exports_monthly", "2025-12", 426, "USD_million")}


def test_a_base_with_its_amount_after_at_and_the_month_before_that():
    text = "IT exports rose to $320 million in July 2025, compared with July 2024 at $290 million."
    assert facts(text, "2025-08-20") == {("it_exports_monthly", "2025-07", 320, "USD_million"), ("it_exports_monthly", "2024-07", 290, "USD_million")}
    text = "IT exports were $350 million in December, up from $318 million in November and $300 million in the month before that."
    assert ("it_exports_monthly", "2024-10", 300, "USD_million") in facts(text, "2025-01-18")


def test_that_year_is_no_reference_to_the_figure_before():
    text = "Pakistan's IT exports rose to $3.8 billion in FY25. That year, the government also raised $1.2 billion from a eurobond."
    assert facts(text, "2025-07-20") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_running_totals_said_first_or_only_of_their_stretch():
    assert facts("So far, the PTA has registered 55,000 VPNs, up from 20,000 in October.", "2025-01-20") == {
        ("vpn_registrations", "", 55000, "count"), ("vpn_registrations", "2024-10", 20000, "count")
    }
    assert facts("The total number of VPNs registered stood at 19,400 in November, the PTA said.", "2024-12-05") == {("vpn_registrations", "2024-11", 19400, "count")}
    text = "پی ٹی اے کے مطابق نومبر میں رجسٹر ہونے والے وی پی اینز کی مجموعی تعداد 19 ہزار 400 رہی۔"
    assert facts(text, "2024-12-05") == {("vpn_registrations", "2024-11", 19400, "count")}


def test_accounts_on_platforms_are_not_a_scheme():
    text = "Pakistan is home to 2.37 million freelancers with active accounts on global platforms such as Upwork and Fiverr."
    assert facts(text, "2021-11-10") == {("freelancer_count", "", 2370000, "count")}


def test_a_headline_near_figure_and_a_second_headline_figure():
    assert facts("The PTA registered 19,400 VPNs in November.", "2024-12-05", title="PTA: nearly 20,000 VPNs registered in November") == {("vpn_registrations", "2024-11", 19400, "count")}
    title = "IT exports up 15pc; over 19,000 VPNs registered in November"
    text = "IT exports rose 15 percent to $1.6 billion in July-November. The PTA registered 19,400 VPNs in November."
    assert not any(f[2] == 19000 for f in facts(text, "2024-12-05", title=title))


def test_a_level_to_reach_after_a_base_and_a_survey_is_no_year_of_figures():
    assert ("it_exports_annual", "FY2024-25", 20, "percent") in facts("IT exports grew 20 percent on last year's level to reach $3.8 billion in FY25.", "2025-08-20")
    assert not any(f[1] == "2025" for f in facts("اقتصادی سروے 2025 کے مطابق آئی ٹی برآمدات میں 22 فیصد اضافہ ہوا۔", "2025-08-20"))


# --------------------------------------------------------------------------- tenth round


def test_during_the_year_or_the_half_and_a_forecast_between():
    text = (
        "IT exports fell 1.1 percent to $2.59 billion in FY2022-23. The IT ministry said it expected a recovery in FY24, "
        "projecting exports at $3 billion. Freelancers' earnings came to $412 million during the year."
    )
    assert ("freelancer_earnings", "FY2022-23", 412, "USD_million") in facts(text, "2023-07-20")
    text = "IT exports rose to $2.19 billion in the first half of FY26. Freelancers' export earnings during the half rose to $498 million."
    assert ("freelancer_earnings", "FY2025-26:H1", 498, "USD_million") in facts(text, "2026-01-20")
    # with nothing reported before, a forecast's year is the one the next sentence's actual is of
    text = "گزشتہ برس ماہرین کا خیال تھا کہ مالی سال 2024 میں آئی ٹی برآمدات ساڑھے تین ارب ڈالر تک پہنچ جائیں گی۔ تاہم یہ برآمدات 3 ارب 22 کروڑ 30 لاکھ ڈالر رہیں۔"
    assert ("it_exports_annual", "FY2023-24", 3223, "USD_million") in facts(text, "2024-07-22")


def test_parts_estimates_and_headline_rounding():
    text = "The PTA said 172,000 VPNs had been registered by the end of December, including 64,000 registered by freelancers."
    assert ("other", "2025-12", 64000, "count") in facts(text, "2025-12-20")
    assert facts("PAFLA estimates that freelancers earn another $500 million a year that never passes through banks.", "2021-07-20") == {("other", "", 500, "USD_million")}
    title = "IT exports slip 1pc to $2.59bn in FY23"
    text = "IT exports fell 1.1 percent to $2.59 billion in FY2022-23."
    assert {f for f in facts(text, "2023-07-20", title=title) if f[3] == "percent"} == {("it_exports_annual", "FY2022-23", -1.1, "percent")}
    title = "وی پی این رجسٹریشن: مجموعی تعداد 30 ہزار کے قریب"
    text = "یوں 2022 میں رجسٹریشن کا عمل شروع ہونے کے بعد سے رجسٹرڈ وی پی اینز کی مجموعی تعداد 29 ہزار 600 ہو گئی ہے۔"
    assert facts(text, "2024-12-18", title=title) == {("vpn_registrations", "", 29600, "count")}


def test_urdu_bases_with_an_approximate_rate_or_a_pronoun_and_a_rank_after_others():
    text = "مالی سال 24-2023 میں فری لانسرز نے 350 ملین ڈالر وطن بھیجے، جو گزشتہ مالی سال کے 274 ملین ڈالر سے تقریباً 28 فیصد زیادہ ہیں۔"
    assert ("freelancer_earnings", "FY2022-23", 274, "USD_million") in facts(text, "2024-07-22")
    text = "گزشتہ مالی سال میں فری لانسرز کی آمدن 39 کروڑ 70 لاکھ ڈالر رہی، جبکہ ایک سال پہلے یہ 37 کروڑ 20 لاکھ ڈالر تھی۔"
    assert ("freelancer_earnings", "FY2020-21", 372, "USD_million") in facts(text, "2022-08-18")
    text = "آن لائن لیبر انڈیکس کے مطابق پاکستان بھارت اور بنگلہ دیش کے بعد دنیا میں تیسرے نمبر پر ہے۔"
    assert facts(text, "2021-05-11") == {("ranking", "", 3, "rank")}


def test_cases_a_reading_of_the_tenth_round_found():
    # "the year-ago period" is no reference to the year before
    text = "IT exports rose to $2.85 billion in July-March FY25, from $2.3 billion in the year-ago period."
    assert ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2300, "USD_million") in facts(text, "2025-04-20")
    # "during the year" with no fiscal year before, and of a count, dates nothing
    assert facts("The PTA registered 25,000 VPNs during the year, taking the total to 40,000.", "2024-12-20") == {
        ("vpn_registrations", "", 25000, "count"), ("vpn_registrations", "", 40000, "count")
    }
    text = "Freelancers earned $350 million in FY2023-24, the SBP said. The PTA has registered 25,000 VPNs during the year."
    assert ("vpn_registrations", "", 25000, "count") in facts(text, "2024-12-20")
    # a clause that looks ahead in passing passes its month on
    text = (
        "Pakistan's IT exports stood at $3.2 billion in FY2023-24. In August 2024, IT exports, which the government expects to "
        "double in five years, continued to grow. They rose 30 percent to $298 million."
    )
    assert ("it_exports_monthly", "2024-08", 298, "USD_million") in facts(text, "2024-09-20")
    # "estimates that" is of what follows it; "including" is a part only of a total named before
    text = "IT exports grew 24 percent to $3.2 billion in FY2023-24, and the ministry estimates that they will reach $3.5 billion in FY2024-25."
    assert ("it_exports_annual", "FY2023-24", 3200, "USD_million") in facts(text, "2024-07-20")
    assert facts("The SBP released key figures, including $3.8 billion in IT exports for FY2024-25.", "2025-07-20") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}
    # an Urdu "since" that is not of the period named
    text = "رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات کووڈ کے بعد سے بلند ترین سطح پر پہنچ گئیں اور 1 ارب 86 کروڑ ڈالر رہیں۔"
    assert facts(text, "2025-01-20") == {("it_exports_cumulative", "FY2024-25:H1", 1860, "USD_million")}
    # countries ranked ahead are named, in Urdu, joined right before کے بعد; the one ranked is not among them
    assert facts("فری لانس مارکیٹ میں بھارت امریکا کے بعد دوسرے نمبر پر ہے۔", "2024-05-11") == set()
    assert facts("In online freelancing, after Pakistan and India, Bangladesh ranks third.", "2024-05-11") == set()
    # a headline's whole-number rate is not the body's month-on-month one
    title = "IT exports up 12pc in July"
    text = "Pakistan's IT exports rose to $354 million in July 2025 from $316 million in July 2024. Compared with June, they were up 11.8 percent."
    assert ("it_exports_monthly", "2025-07", 12, "percent") in facts(text, "2025-08-20", title=title)


def test_a_quarter_compared_with_the_quarter_before():
    # the rate's own comparison names its base, not its period
    text = "IT exports were $1.1 billion in July-September, up 7pc over the previous quarter."
    assert facts(text, "2025-11-10") == {
        ("it_exports_cumulative", "FY2025-26:Q1", 1100, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:Q1", 7, "percent"),
    }
    assert rates(text, "2025-11-10") == {7: "unknown"}
    # a base in the quarter before, in another clause, makes the rate quarter-on-quarter
    text = "IT exports rose 9 percent in the first quarter of FY26 to $1.1 billion, against $1.0 billion in the previous quarter."
    assert rates(text, "2025-11-10") == {9: "unknown"}
    assert rates("IT exports were $1.1 billion in July-September, up 7pc over the quarter before.", "2025-11-10") == {7: "unknown"}
    # after a base's amount, "the last quarter" is the quarter before the one compared
    text = "IT exports rose 9 percent in the first quarter of FY26 to $1.1 billion, against $1.0 billion in the last quarter."
    assert ("it_exports_cumulative", "FY2024-25:Q4", 1000, "USD_million") in facts(text, "2025-11-10")
    assert rates(text, "2025-11-10") == {9: "unknown"}


def test_ranks_placed_by_a_report_after_a_number_or_in_an_outsourcing_index():
    assert facts("Payoneer's latest report places Pakistan third among the fastest-growing freelance markets.", "2023-03-02") == {("ranking", "", 3, "rank")}
    assert facts("Payoneer placed Pakistan eighth in its Global Gig-Economy Index.", "2022-05-24") == {("ranking", "", 8, "rank")}
    assert facts("Pakistan moves up to 26th in Kearney's Global Services Location Index 2025", "2025-09-30") == {("ranking", "2025", 26, "rank")}
    # Urdu: "اس کا نمبر 97واں تھا" (its place was 97th) goes on about the index named before it
    text = "اسپیڈ ٹیسٹ انڈیکس کے اگست کے جائزے میں موبائل انٹرنیٹ کی رفتار کے لحاظ سے پاکستان 111 ممالک میں 102ویں نمبر پر آ گیا، جبکہ جولائی میں اس کا نمبر 97واں تھا۔"
    assert facts(text, "2024-09-12") == {("ranking", "2024-08", 102, "rank"), ("ranking", "2024-07", 97, "rank")}
    # a place that is no country's rank in an index
    assert facts("The PM said the decision places Pakistan first among nations that value freedom.", "2024-09-12") == set()


def test_two_months_together_and_a_span_last_year_after_a_fiscal_year():
    text = "Freelancers' earnings in July and August combined came to $71 million, slightly lower than the $74 million they earned in the same two months last year."
    assert facts(text, "2024-09-18") == {
        ("freelancer_earnings", "FY2024-25:Jul-Aug", 71, "USD_million"),
        ("freelancer_earnings", "FY2023-24:Jul-Aug", 74, "USD_million"),
    }
    assert facts("IT exports were $300 million in July and $320 million in August.", "2024-09-18") == {
        ("it_exports_monthly", "2024-07", 300, "USD_million"), ("it_exports_monthly", "2024-08", 320, "USD_million")
    }
    text = "Freelancers' export remittances reached $96 million in the first quarter of the current fiscal year, against $71 million in July-September last year."
    assert ("freelancer_earnings", "FY2020-21:Q1", 71, "USD_million") in facts(text, "2021-11-22")


def test_a_rate_against_a_month_is_the_months():
    text = (
        "Information technology exports rose to $259 million in October, registering a growth of 24 percent over the corresponding "
        "month of last year and 11 percent over September, bringing the July-October total to $924 million."
    )
    assert ("it_exports_monthly", "2023-10", 11, "percent") in facts(text, "2023-11-17")
    assert rates(text, "2023-11-17") == {24: "yoy", 11: "mom"}


def test_last_fiscal_year_said_of_another_subject_than_the_sentence_before():
    text = (
        "The minister said freelancers' earnings had risen to $490 million in FY2024-25 from $350 million in FY2023-24. "
        "She added that the country's IT exports had reached a record $3.8 billion in the last fiscal year."
    )
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in facts(text, "2025-09-16")


def test_a_title_amount_to_fewer_decimals_and_a_leads_bound_are_the_bodys_figure():
    title = "IT exports up 20pc to $2.9bn in 8MFY26"
    text = "For the first eight months of the fiscal year, exports of IT and IT-enabled services came to $2.94 billion."
    assert facts(text, "2026-03-18", title=title) == {
        ("it_exports_cumulative", "FY2025-26:Jul-Feb", 20, "percent"), ("it_exports_cumulative", "FY2025-26:Jul-Feb", 2940, "USD_million")
    }
    # a title's figure that the body's does not round to stays
    text = "For the first eight months of the fiscal year, exports of IT and IT-enabled services came to $2.97 billion."
    assert ("it_exports_cumulative", "FY2025-26:Jul-Feb", 2900, "USD_million") in facts(text, "2026-03-18", title=title)
    # the lead's "more than 150,000" is the body's 152,300; the title's undated bound too
    title = "Over 150,000 VPNs registered, NA told"
    text = (
        "The government told the National Assembly on Monday that more than 150,000 VPNs had been registered with the PTA. "
        "By the end of August, 152,300 VPNs had been registered, the minister said."
    )
    assert facts(text, "2025-09-16", title=title) == {("vpn_registrations", "2025-08", 152300, "count")}
    # Urdu: "... کا سنگ میل عبور" (the milestone crossed) is a bound
    title = "پانچ ماہ میں آئی ٹی برآمدات ۱ ارب ۸۰ کروڑ ڈالر کا سنگ میل عبور"
    text = "جولائی سے نومبر تک آئی ٹی برآمدات ۱ ارب ۸۳ کروڑ ۷۰ لاکھ ڈالر رہیں۔"
    assert facts(text, "2025-12-17", title=title) == {("it_exports_cumulative", "FY2025-26:Jul-Nov", 1837, "USD_million")}


def test_a_commitment_is_a_target():
    text = "وفاقی وزیر نے کہا، \"ہم رواں مالی سال کے اختتام تک آئی ٹی برآمدات کو ساڑھے ۴ ارب ڈالر تک لے جانے کے لیے پُرعزم ہیں۔\""
    assert {s for s, *_ in facts(text, "2025-12-17")} == {"other"}
    text = "The minister said the government was committed to taking IT exports to $4.5 billion this fiscal year."
    assert {s for s, *_ in facts(text, "2025-12-17")} == {"other"}


def test_urdu_slightly_more_than_a_base_and_a_rate_in_them():
    text = (
        "اپریل 2024 میں آئی ٹی کی برآمدات 31 کروڑ ڈالر رہیں جو مارچ کے 30 کروڑ 60 لاکھ ڈالر سے معمولی زیادہ ہیں، "
        "جبکہ اپریل 2023 کے مقابلے میں ان میں 62 فیصد اضافہ ہوا۔"
    )
    assert facts(text, "2024-05-20") == {
        ("it_exports_monthly", "2024-04", 310, "USD_million"),
        ("it_exports_monthly", "2024-03", 306, "USD_million"),
        ("it_exports_monthly", "2024-04", 62, "percent"),
    }
    assert rates(text, "2024-05-20") == {62: "yoy"}


def test_a_ranking_edition_named_by_its_year_or_as_the_index_before():
    text = "کیرنی کے گلوبل سروسز لوکیشن انڈیکس 2021 میں پاکستان 50 ممالک میں 28ویں نمبر پر آ گیا ہے، جبکہ 2019 کے انڈیکس میں اس کا نمبر 37واں تھا۔"
    assert facts(text, "2021-09-15") == {("ranking", "2021", 28, "rank"), ("ranking", "2019", 37, "rank")}
    text = "پے اونیئر کے گلوبل گِگ اکانومی انڈیکس 2025 میں پاکستان تیسرے نمبر پر آ گیا ہے۔ کمپنی کی رپورٹ کے مطابق 2023 کے انڈیکس میں پاکستان ساتویں نمبر پر تھا۔"
    assert facts(text, "2025-09-10") == {("ranking", "2025", 3, "rank"), ("ranking", "2023", 7, "rank")}
    text = "Pakistan climbed to 3rd in Payoneer's gig index. In the 2023 edition, Pakistan was placed seventh."
    assert ("ranking", "2023", 7, "rank") in facts(text, "2025-09-10")
    # another index, named by its own name after a ranking, is not the one before
    text = "Pakistan climbed to 3rd in Payoneer's gig index. Separately, Pakistan moved up to 136th in the UN's 2024 E-Government Development Index."
    assert facts(text, "2025-09-10") == {("ranking", "", 3, "rank")}


def test_urdu_headline_clauses_after_a_comma():
    # a target after the comma is the target's, not the actual's before it (the "ار" of "ارب" is no "اور")
    text = "مالی سال 22-2021 میں آئی ٹی برآمدات 2 ارب 62 کروڑ ڈالر، 3 ارب ڈالر کا ہدف حاصل نہ ہو سکا"
    assert facts(text, "2022-07-20") == {("it_exports_annual", "FY2021-22", 2620, "USD_million"), ("other", "FY2021-22", 3000, "USD_million")}
    # a rate alone after the comma is the growth of the amount before it
    text = "پہلی ششماہی میں فری لانسرز کی آمدن ۲۲ کروڑ ۶۰ لاکھ ڈالر، ۴۷ فیصد اضافہ"
    assert ("freelancer_earnings", "FY2024-25:H1", 47, "percent") in facts(text, "2025-02-10")
    # "نو ماہ کا حجم" (the nine months' volume) is the fiscal year's first nine months
    text = "مارچ میں آئی ٹی برآمدات ریکارڈ ۳۴ کروڑ ۲۰ لاکھ ڈالر، نو ماہ کا حجم ۲ ارب ۸۵ کروڑ ڈالر"
    assert facts(text, "2025-04-17") == {("it_exports_monthly", "2025-03", 342, "USD_million"), ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2850, "USD_million")}


def test_a_ranks_period_after_another_figure_is_that_figures():
    text = (
        "The Minister for IT said Pakistan was the fourth-largest freelance market in the world and that freelancers' "
        "earnings through banking channels were $300 million in 2020-21."
    )
    assert facts(text, "2022-02-14") == {("ranking", "", 4, "rank"), ("freelancer_earnings", "FY2020-21", 300, "USD_million")}


def test_the_growth_of_the_number_of_freelancers_is_no_earnings_rate():
    text = "Payoneer's report places Pakistan third, with the number of Pakistani freelancers receiving payments through its platform up 44 percent in a year."
    assert ("freelancer_earnings", "", 44, "percent") not in facts(text, "2023-03-02")
    assert ("freelancer_earnings", "FY2022-23", 44, "percent") in facts("Freelancers' earnings rose 44 percent in FY2022-23.", "2023-09-02")


def test_a_running_total_named_at_length():
    text = "The PTA registered 4,200 VPNs in March, taking the total number of VPNs registered with the authority to 39,800."
    assert facts(text, "2023-04-11") == {("vpn_registrations", "2023-03", 4200, "count"), ("vpn_registrations", "", 39800, "count")}


def test_a_subject_in_an_aside_describes_another_noun():
    text = (
        "Computer services, which include software exports and most of freelancers' earnings, brought in $2.55 billion during FY24, "
        "while telecommunication services accounted for $564 million."
    )
    assert not {f for f in facts(text, "2024-07-18") if f[0] != "other"}


def test_a_sentence_that_only_names_the_month_passes_the_subject_on():
    text = (
        "In FY2023-24, IT exports climbed 24 percent to $3.22 billion. June's figures were released alongside the annual total. "
        "Exports for the month came in at $298 million, about 4 percent lower than in May, when they stood at $310 million."
    )
    found = facts(text, "2024-07-18")
    assert {("it_exports_monthly", "2024-06", 298, "USD_million"), ("it_exports_monthly", "2024-05", 310, "USD_million")} <= found
    # a sentence on nothing watched, naming no period, still ends the subject
    text = "In FY2023-24, IT exports climbed 24 percent to $3.22 billion. The weather was mild. Exports came in at $298 million."
    assert ("it_exports_monthly", "2024-06", 298, "USD_million") not in facts(text, "2024-07-18")
    # Urdu: "ستمبر کا مہینہ ... اس ماہ" (that month), "اسی سہ ماہی میں" (in the same quarter)
    text = (
        "اسٹیٹ بینک کے مطابق جولائی تا ستمبر آئی ٹی برآمدات 62 کروڑ 50 لاکھ ڈالر رہیں۔ ستمبر کا مہینہ خاص طور پر اچھا رہا۔ "
        "اس ماہ برآمدات 22 کروڑ 30 لاکھ ڈالر رہیں۔ اسی سہ ماہی میں فری لانسرز کی ترسیلات کا حجم 9 کروڑ 80 لاکھ ڈالر رہا۔"
    )
    assert facts(text, "2021-10-20") == {
        ("it_exports_cumulative", "FY2021-22:Q1", 625, "USD_million"),
        ("it_exports_monthly", "2021-09", 223, "USD_million"),
        ("freelancer_earnings", "FY2021-22:Q1", 98, "USD_million"),
    }


def test_a_rankings_edition_year_dates_only_its_ranks():
    title = "عالمی گِگ انڈیکس 2025: پاکستان تیسرے نمبر پر، فری لانسرز کی سالانہ آمدن 50 کروڑ ڈالر کے قریب"
    text = "مالی سال 25-2024 کے دوران فری لانسرز نے 49 کروڑ 20 لاکھ ڈالر ملک بھیجے۔"
    assert facts(text, "2025-09-10", title=title) == {("ranking", "2025", 3, "rank"), ("freelancer_earnings", "FY2024-25", 492, "USD_million")}


def test_urdu_running_total_of_it_exports_after_a_span_of_months():
    text = "ستمبر میں آئی ٹی برآمدات 35 کروڑ ڈالر رہیں، جبکہ جولائی تا ستمبر کی مجموعی برآمدات ایک ارب 8 کروڑ ڈالر تک پہنچ گئیں۔"
    assert ("it_exports_cumulative", "FY2025-26:Q1", 1080, "USD_million") in facts(text, "2025-10-20")
    # the country's total exports stay another subject
    text = "دسمبر میں آئی ٹی برآمدات 30 کروڑ ڈالر رہیں، جبکہ جولائی تا دسمبر ملک کی مجموعی برآمدات 15 ارب ڈالر رہیں۔"
    assert facts(text, "2024-01-17") == {("it_exports_monthly", "2023-12", 300, "USD_million")}
    assert facts("جولائی تا دسمبر کی مجموعی برآمدات 15 ارب ڈالر رہیں۔", "2024-01-17") == set()


def test_counts_in_words_and_with_their_source_after_them():
    assert facts("He said about one million Pakistanis were actively freelancing.", "2022-05-24") == {("freelancer_count", "", 1000000, "count")}
    assert facts("Freelancers, who number about 2.4 million according to the ministry, were hit hardest.", "2024-12-18") == {("freelancer_count", "", 2400000, "count")}
    assert facts("Exports of one million dollars were recorded.", "2024-12-18") == set()


def test_a_count_as_of_a_months_last_day_is_that_months():
    assert facts("As of August 31, 152,300 VPNs had been registered.", "2025-09-16") == {("vpn_registrations", "2025-08", 152300, "count")}
    assert facts("The minister said the figures were as of August 31. By that date, 152,300 VPNs had been registered.", "2025-09-16") == {
        ("vpn_registrations", "2025-08", 152300, "count")
    }
    # another day, or a flow by that date, is no month's figure
    assert facts("As of August 15, 152,300 VPNs had been registered.", "2025-09-16") == {("vpn_registrations", "", 152300, "count")}
    assert ("it_exports_monthly", "2025-06", 3800, "USD_million") not in facts("By June 30, IT exports had reached $3.8 billion.", "2025-09-16")


def test_a_count_compared_with_a_year_earlier_is_no_flow():
    text = "The IT ministry said 184,000 VPNs had been registered with the PTA as of December 31, 2025, compared with 70,500 a year earlier."
    assert facts(text, "2026-01-28") == {("vpn_registrations", "2025-12", 184000, "count"), ("vpn_registrations", "2024-12", 70500, "count")}
    assert facts("The PTA said 200 VPNs are registered a day.", "2026-01-28") <= {("other", "", 200, "count")}


def test_ranking_editions_and_the_place_moved_from():
    text = "Pakistan has been placed 31st among 50 countries in the 2024 edition of Kearney's Global Services Location Index."
    assert facts(text, "2024-10-09") == {("ranking", "2024", 31, "rank")}
    text = "Pakistan has moved up to 29th place in Kearney's 2025 Global Services Location Index, from 33rd in the 2023 edition."
    assert facts(text, "2025-04-10") == {("ranking", "2025", 29, "rank"), ("ranking", "2023", 33, "rank")}
    assert facts("Payoneer's 2021 freelancing report ranked Pakistan fourth among its fastest-growing markets.", "2021-09-01") == {("ranking", "2021", 4, "rank")}
    assert facts("Pakistan slipped to eighth place in a freelancing growth index for 2023, from fourth in 2022.", "2023-06-15") == {
        ("ranking", "2023", 8, "rank"), ("ranking", "2022", 4, "rank")
    }
    # how many countries an index ranks is nobody's place
    assert facts("The outsourcing index ranks 50 countries as destinations for IT work.", "2025-04-10") == set()


def test_one_platforms_figures_are_its_own_share():
    text = "Payoneer's 2021 report ranked Pakistan fourth among its fastest-growing freelance markets, with payments to Pakistani freelancers on the platform up 48 percent."
    assert ("freelancer_earnings", "", 48, "percent") not in facts(text, "2022-01-10")
    text = "فری لانسنگ پلیٹ فارم اپ ورک کے مطابق 2025 میں پلیٹ فارم پر کام کرنے والے پاکستانی فری لانسرز نے 14 کروڑ 50 لاکھ ڈالر کمائے۔"
    assert {s for s, *_ in facts(text, "2025-12-10")} <= {"other"}
    # the freelancers' own earnings stay theirs
    assert facts("Freelancers earned $350 million in FY2023-24.", "2024-08-10") == {("freelancer_earnings", "FY2023-24", 350, "USD_million")}


def test_a_provinces_companies_and_board():
    assert facts("LAHORE: IT companies based in Punjab earned $1.1 billion from exports in the first half of FY24.", "2024-02-10") == set()
    text = "پنجاب آئی ٹی بورڈ کے مطابق سہ ماہی کے دوران صوبے میں رجسٹرڈ کمپنیوں کی آئی ٹی برآمدات 62 کروڑ ڈالر رہیں۔"
    assert {s for s, *_ in facts(text, "2025-10-10")} <= {"other"}


def test_urdu_fiscal_years_named_in_full():
    text = "اسٹیٹ بینک کے مطابق 30 جون کو ختم ہونے والے مالی سال 23-2022 میں ملک کی آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر رہیں۔"
    assert facts(text, "2023-07-20") == {("it_exports_annual", "FY2022-23", 2600, "USD_million")}
    text = "رواں مالی سال کی پہلی ششماہی کے دوران فری لانسرز نے 17 کروڑ 20 لاکھ ڈالر کمائے، جبکہ گزشتہ پورے مالی سال میں یہ رقم 29 کروڑ 80 لاکھ ڈالر رہی تھی۔"
    assert ("freelancer_earnings", "FY2019-20", 298, "USD_million") in facts(text, "2021-04-22")
    text = "مالی سال 25-2024 کی آخری سہ ماہی میں آئی ٹی برآمدات ایک ارب 3 کروڑ ڈالر رہیں، اور یوں پورے مالی سال کی برآمدات 3 ارب 80 کروڑ ڈالر تک جا پہنچیں۔"
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in facts(text, "2025-07-21")


def test_urdu_a_part_of_a_group_and_a_bound_said_as_rising_past():
    text = "صوبے کے ای روزگار مراکز سے اب تک 42 ہزار نوجوان تربیت مکمل کر چکے ہیں، اور ان میں سے فری لانسنگ کرنے والوں نے مجموعی طور پر ایک کروڑ 10 لاکھ ڈالر سے زائد کمائے ہیں۔"
    assert {s for s, *_ in facts(text, "2023-03-14")} <= {"other"}
    title = "وی پی این رجسٹریشن میں اضافہ، تعداد 24 ہزار سے بڑھ گئی"
    text = "وزارت نے بتایا کہ اب تک 24 ہزار 600 وی پی اینز رجسٹر کیے جا چکے ہیں۔"
    assert facts(text, "2024-05-10", title=title) == {("vpn_registrations", "", 24600, "count")}


def test_a_quarter_against_the_quarter_before_it():
    text = (
        "For the third quarter of the fiscal year (January-March), IT exports totalled $831 million. "
        "That was 23 percent more than in the same quarter of FY23, but 2 percent below the $848 million recorded in October-December."
    )
    assert facts(text, "2024-04-16") == {
        ("it_exports_cumulative", "FY2023-24:Q3", 831, "USD_million"),
        ("it_exports_cumulative", "FY2023-24:Q3", 23, "percent"),
        ("it_exports_cumulative", "FY2023-24:Q3", -2, "percent"),
        ("it_exports_cumulative", "FY2023-24:Q2", 848, "USD_million"),
    }
    assert rates(text, "2024-04-16") == {23: "yoy", -2: "unknown"}
    # a quarter as the subject of its sentence goes on about the exports before
    text = (
        "Exports in March alone came in at $391 million. "
        "The third quarter of the fiscal year brought in $1.11 billion, 3 percent less than the $1.14 billion earned in October-December."
    )
    assert {("it_exports_cumulative", "FY2025-26:Q3", 1110, "USD_million"), ("it_exports_cumulative", "FY2025-26:Q2", 1140, "USD_million")} <= facts(
        "IT exports rose to $3.35 billion in July-March FY26. " + text, "2026-04-17"
    )
    # "above $300 million" with no "the" is still a level
    assert facts("IT exports stayed above $300 million in March.", "2026-04-17") <= {("it_exports_monthly", "2026-03", 300, "USD_million"), ("other", "2026-03", 300, "USD_million")}


def test_a_title_rank_the_lead_restates_and_counts_as_they_stand():
    title = "Pakistan climbs to 29th in Kearney services location index"
    text = "Pakistan has moved up to 29th place in Kearney's 2025 Global Services Location Index, from 33rd in the 2023 edition."
    assert facts(text, "2025-05-22", title=title) == {("ranking", "2025", 29, "rank"), ("ranking", "2023", 33, "rank")}
    # a count beside a target's year, or said as it stands after a clause with a period, is undated
    text = "IT exports rose to $3.15 billion in the first ten months of FY25. Pakistan has around 2.4 million freelancers, and the government wants IT exports to reach $10 billion by 2029."
    assert ("freelancer_count", "", 2400000, "count") in facts(text, "2025-05-22")
    text = "مالی سال 22-2021 کے دوران فری لانسرز نے 39 کروڑ ڈالر کمائے، جبکہ ملک میں سرگرم فری لانسرز کی تعداد دس لاکھ کے لگ بھگ ہے۔"
    assert ("freelancer_count", "", 1000000, "count") in facts(text, "2022-08-24")
    # a count of the period's own clause keeps it
    assert facts("The PTA registered 21,400 VPNs in November.", "2024-11-29") == {("vpn_registrations", "2024-11", 21400, "count")}


def test_urdu_places_written_apart_from_their_suffix_and_currency_left_off():
    text = "کیرنی کے گلوبل سروسز لوکیشن انڈیکس 2023 میں پاکستان کو 78 ممالک میں 22 واں درجہ دیا گیا ہے، جبکہ 2021 کے ایڈیشن میں وہ 25 ویں نمبر پر تھا۔"
    assert facts(text, "2023-06-22") == {("ranking", "2023", 22, "rank"), ("ranking", "2021", 25, "rank")}
    text = "آئی ٹی برآمدات: پہلی ششماہی میں ایک ارب 86 کروڑ ڈالر، دسمبر میں 33 کروڑ 60 لاکھ"
    assert facts(text, "2025-01-17") == {("it_exports_cumulative", "FY2024-25:H1", 1860, "USD_million"), ("it_exports_monthly", "2024-12", 336, "USD_million")}
    text = "پی ٹی اے: نومبر میں ریکارڈ ۱۹ ہزار ۳۰۰ وی پی اینز رجسٹر، پورے ۲۰۲۳ میں صرف ساڑھے ۵ ہزار ہوئے تھے"
    assert facts(text, "2024-12-05") == {("vpn_registrations", "2024-11", 19300, "count"), ("vpn_registrations", "2023", 5500, "count")}


def test_urdu_that_month_which_clauses_and_total_services():
    text = (
        "اسٹیٹ بینک نے اپریل 2025 کے ادائیگیوں کے توازن کے اعداد و شمار جاری کر دیے ہیں۔ ان کے مطابق اس ماہ آئی ٹی برآمدات 32 کروڑ 90 لاکھ ڈالر رہیں، "
        "جو گزشتہ سال کے اسی مہینے سے 27 فیصد زیادہ ہیں، جبکہ جولائی تا اپریل مجموعی برآمدات 3 ارب 9 کروڑ ڈالر تک پہنچ گئیں۔"
    )
    assert facts(text, "2025-05-21") == {
        ("it_exports_monthly", "2025-04", 329, "USD_million"),
        ("it_exports_monthly", "2025-04", 27, "percent"),
        ("it_exports_cumulative", "FY2024-25:Jul-Apr", 3090, "USD_million"),
    }
    # a "جو" (which) clause's rate is of the amount right before it
    text = (
        "اسٹیٹ بینک کے مطابق جنوری میں آئی ٹی برآمدات ۳۵ کروڑ ۲۰ لاکھ ڈالر رہیں جو دسمبر کے مقابلے میں ۸ فیصد کم ہیں، تاہم رواں مالی سال کے ابتدائی "
        "سات ماہ کی برآمدات ۲ ارب ۵۶ کروڑ ڈالر رہیں، جو گزشتہ سال کی اسی مدت سے ۲۰ فیصد زیادہ ہیں۔"
    )
    assert ("it_exports_cumulative", "FY2025-26:Jul-Jan", 20, "percent") in facts(text, "2026-02-19")
    assert ("it_exports_monthly", "2026-01", 20, "percent") not in facts(text, "2026-02-19")
    text = "مارچ میں آئی ٹی برآمدات 22 کروڑ 60 لاکھ ڈالر رہیں۔ اسی دوران مارچ میں ملک کی مجموعی خدمات کی برآمدات 60 کروڑ 40 لاکھ ڈالر رہیں۔"
    assert facts(text, "2023-04-18") == {("it_exports_monthly", "2023-03", 226, "USD_million")}
    # a headline's "سے کم" (less than) is a bound over the body's figure
    title = "آئی ٹی برآمدات 9 ماہ میں 2 ارب ڈالر سے کم"
    text = "رواں مالی سال کے پہلے نو ماہ میں آئی ٹی برآمدات ایک ارب 94 کروڑ ڈالر رہیں۔"
    assert facts(text, "2023-04-18", title=title) == {("it_exports_cumulative", "FY2022-23:Jul-Mar", 1940, "USD_million")}
    # a rate alone after a comma may name what grew
    assert ("freelancer_earnings", "FY2023-24", 26, "percent") in facts("فری لانسرز نے گزشتہ مالی سال ساڑھے 34 کروڑ ڈالر کمائے، آمدن میں 26 فیصد اضافہ", "2024-08-13")


def test_a_surveys_year_and_a_months_rate_after_another_clause():
    # a survey named for a fiscal year dates nothing the sentence dates otherwise
    text = (
        "وفاقی وزیر خزانہ نے اقتصادی جائزہ 25-2024 جاری کیا، جس میں رواں مالی سال کے پہلے نو ماہ یعنی جولائی تا مارچ کے اعداد و شمار شامل ہیں۔ "
        "جائزے کے مطابق اس عرصے میں آئی ٹی برآمدات 2 ارب 76 کروڑ ڈالر رہیں۔"
    )
    assert facts(text, "2025-06-10") == {("it_exports_cumulative", "FY2024-25:Jul-Mar", 2760, "USD_million")}
    # and dates what it alone dates
    text = "According to the Economic Survey 2023-24, Pakistani freelancers generated US$350 million."
    assert facts(text, "2024-08-10") == {("freelancer_earnings", "FY2023-24", 350, "USD_million")}
    text = "IT exports fell 12 percent month-on-month to $361 million in January, though they were still 14 percent higher than in January 2025, taking 7MFY26 exports to $2.57 billion."
    assert ("it_exports_monthly", "2026-01", 14, "percent") in facts(text, "2026-02-17")


def test_a_target_set_after_the_figure_a_count_topped_and_a_place_for_growth():
    text = "IT exports closed FY25 at $3.74 billion, but still well short of the $5 billion the previous government had set as its target for FY23."
    assert ("it_exports_annual", "FY2022-23", 5000, "USD_million") not in facts(text, "2025-07-17")
    assert facts("VPN registrations top 40,000 as 27,000 sign up in a week", "2024-11-26") == {
        ("vpn_registrations", "", 40000, "count"), ("other", "", 27000, "count")
    }
    assert facts("Pakistan placed fourth for growth in freelance earnings in Payoneer's 2025 Global Gig Economy Index.", "2025-04-09") == {("ranking", "2025", 4, "rank")}
    # Urdu: "ایک سال قبل جولائی تا دسمبر" (a year before, July to December)
    text = "رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 2 ارب 21 کروڑ ڈالر رہیں۔ ایک سال قبل جولائی تا دسمبر کے عرصے میں یہ رقم ایک ارب 86 کروڑ ڈالر تھی۔"
    assert ("it_exports_cumulative", "FY2024-25:H1", 1860, "USD_million") in facts(text, "2026-01-20")


def test_urdu_annual_rates_and_a_forecast_with_should():
    text = (
        "ستمبر 2022 میں آئی ٹی برآمدات 21 کروڑ 80 لاکھ ڈالر رہیں۔ یہ حجم اگست کے 22 کروڑ 70 لاکھ ڈالر سے 4 فیصد کم ہے، "
        "جبکہ ستمبر 2021 کے مقابلے میں برآمدات میں 6 فیصد کمی ہوئی۔"
    )
    assert rates(text, "2022-10-18") == {-4: "mom", -6: "yoy"}
    assert rates("فروری میں آئی ٹی برآمدات 33 کروڑ 30 لاکھ ڈالر تک جا پہنچیں، سالانہ 24 فیصد اضافہ", "2025-03-18") == {24: "yoy"}
    text = "The finance minister told the National Assembly that IT exports should reach $3.5 billion next year."
    assert {s for s, *_ in facts(text, "2021-06-12")} == {"other"}


def test_an_urdu_amount_after_the_words_for_fiscal_year_is_no_year():
    # "freelancers sent home 48 crore 60 lakh dollars last fiscal year": 48 is crores, not FY48
    title = "فری لانسرز نے گزشتہ مالی سال 48 کروڑ 60 لاکھ ڈالر ملک بھیجے"
    assert facts(title, "2025-08-05") == {("freelancer_earnings", "FY2024-25", 486, "USD_million")}
    assert facts("مالی سال 25 میں آئی ٹی برآمدات 3 ارب 80 کروڑ ڈالر رہیں", "2025-08-05") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_a_named_figure_of_a_fiscal_year_not_begun_is_a_misreading():
    from datetime import date

    from monitor.facts._extract import _not_begun
    from monitor.models import Fact

    def fact(period: str, series: str = "it_exports_annual") -> Fact:
        return Fact(series, period, 3800, "USD_million", "q")

    day = date(2025, 8, 5)  # in FY2025-26
    assert _not_begun(fact("FY2047-48"), day) and _not_begun(fact("FY2027-28:Q1"), day)
    assert not _not_begun(fact("FY2025-26"), day) and not _not_begun(fact("FY2026-27"), day)  # this year's and the next
    assert not _not_begun(fact("FY2047-48", "other"), day)  # a target may lie far ahead
    assert not _not_begun(fact(""), day) and not _not_begun(fact("FY2047-48"), None)


def test_provinces_ranked_among_themselves_are_no_place_of_pakistan():
    # "among new registrants, Punjab was first, Sindh second and Khyber Pakhtunkhwa third"
    text = "وزارت کے مطابق نئے رجسٹرڈ فری لانسرز میں پنجاب پہلے، سندھ دوسرے اور خیبرپختونخوا تیسرے نمبر پر رہا۔"
    assert {s for s, *_ in facts(text, "2025-08-05")} <= {"other"}
    assert not {s for s, *_ in facts("Among the provinces, Punjab ranked first for freelancers, with Sindh second.", "2025-08-05")} & {"ranking"}
    assert facts("Pakistan ranked fourth in the freelancing index, while Punjab led the provinces.", "2025-08-05") == {("ranking", "", 4, "rank")}


def test_last_fiscal_year_of_an_amount_after_a_sentence_that_counted_is_the_articles_last_year():
    # the sentence before counts registrations in FY2024-25; "last fiscal year" of the
    # earnings, written in August 2025, is that same year, not the one before it
    text = (
        "وزارت کے مطابق مالی سال 2024-25 کے دوران 21 ہزار 640 نئے فری لانسرز نے رجسٹریشن کرائی۔ "
        "بیان کے مطابق گزشتہ مالی سال کے دوران فری لانسرز نے 48 کروڑ 60 لاکھ ڈالر ملک بھیجے۔"
    )
    assert ("freelancer_earnings", "FY2024-25", 486, "USD_million") in facts(text, "2025-08-05")
    # after a sentence on the same figures of FY23, "last fiscal year" is still FY22
    text = "مالی سال 2023 میں آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر رہیں۔ گزشتہ مالی سال یہ برآمدات 2 ارب 62 کروڑ ڈالر تھیں۔"
    assert ("it_exports_annual", "FY2021-22", 2620, "USD_million") in facts(text, "2023-07-20")


def test_last_fiscal_year_said_again_after_sentences_without_figures_is_the_same_year():
    # written in July 2022: both "last fiscal year"s are FY22; the sentences between give no
    # figures, so the second is not the year before the first
    text = (
        "The board registered 3,108 freelancers during the last fiscal year. "
        "Its managing director said the rise showed awareness among freelancers of the benefits of registration, such as a reduced tax rate on export proceeds. "
        "Freelancers' remittances amounted to $396.6 million in the last fiscal year."
    )
    assert ("freelancer_earnings", "FY2021-22", 396.6, "USD_million") in facts(text, "2022-07-19")


def test_among_them_a_categorys_exports_are_a_part():
    # "among them, software consultancy exports were $423m and computer software's $385m"
    text = (
        "رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات ایک ارب 37 کروڑ 60 لاکھ ڈالر رہیں۔ "
        "ان میں سافٹ ویئر کنسلٹنسی سروسز کی برآمدات 42 کروڑ 30 لاکھ ڈالر جبکہ کمپیوٹر سافٹ ویئر کی برآمدات 38 کروڑ 50 لاکھ ڈالر رہیں۔"
    )
    assert {(s, v) for s, _, v, _ in facts(text, "2025-11-18") if s != "other"} == {("it_exports_cumulative", 1376)}


def test_a_clause_of_cause_after_the_figures_says_nothing_of_what_they_count():
    text = "Pakistan's IT exports grew 31% year-on-year to $286 million in July 2024, as tech companies brought home a larger share of their foreign earnings."
    assert facts(text, "2024-08-16") == {("it_exports_monthly", "2024-07", 31, "percent"), ("it_exports_monthly", "2024-07", 286, "USD_million")}


def test_a_percentage_of_people_is_a_share_of_them():
    assert facts("Over 60pc freelancers earn less than $500 a month: PAFLA survey", "2023-01-16") <= {("other", "", 60, "percent"), ("other", "", 0.0005, "USD_million")}
    assert {s for s, *_ in facts("Only 7 percent of the surveyed freelancers earn more than $2,000 a month.", "2023-01-16")} <= {"other"}
    assert {s for s, *_ in facts("سروے کے مطابق 60 فیصد فری لانسرز ماہانہ 500 ڈالر سے کم کماتے ہیں۔", "2023-01-16")} <= {"other"}
    assert ("freelancer_earnings", "FY2023-24", 24, "percent") in facts("Freelancers' earnings grew 24 percent to $400 million in FY24.", "2024-08-16")


def test_a_payments_firm_named_by_its_name_counts_only_its_own_users():
    for text in (
        "Pakistani freelancers received $412 million through cross-border payments platform PayMeridian in 2023.",
        "Pakistani Freelancers Earned $88 Million Through Swiftline in Second Half of 2023",
        "The amount is 19 percent higher than the $74 million received through the service in the first half of the year.",
    ):
        assert {s for s, *_ in facts(text, "2024-02-19")} <= {"other"}, text
    # the channels every remittance goes through name no firm
    for text in ("Freelancers Earned $400 Million Through Banking Channels in FY24", "Freelancers earned $400 million through formal channels in FY24."):
        assert ("freelancer_earnings", 400) in {(s, v) for s, _, v, _ in facts(text, "2024-08-16")}, text


def test_a_base_named_with_its_subject_and_a_base_after_when_compared():
    # "against exports of $1.519 billion during July-March (2020-21), showing growth of 28.3 percent":
    # the rate is this year's, not the base's
    text = "ICT exports during July-March (2021-22) were recorded at $1.949 billion against exports of $1.519 billion during July-March (2020-21), showing growth of 28.3 percent."
    assert ("it_exports_cumulative", "FY2021-22:Jul-Mar", 28.3, "percent") in facts(text, "2022-04-18")
    # "when compared with" opens a base, not a "when" clause of the month before it
    text = "IT exports increased by 6.7 percent in March 2022 when compared with exports of $243.1 million in February 2022."
    assert facts(text, "2022-04-18") == {("it_exports_monthly", "2022-03", 6.7, "percent"), ("it_exports_monthly", "2022-02", 243.1, "USD_million")}


def test_a_category_among_or_within_others_is_a_part():
    for text in (
        "Among the telecommunication services, exports of call centre services increased by 31.6 percent, from $164.2 million to $216.1 million.",
        "Within computer services, exports of software consultancy services went up by 33.8 percent, from $443.7 million to $593.6 million.",
    ):
        assert {s for s, *_ in facts(text, "2022-04-18")} <= {"other"}, text
    assert ("it_exports_annual", "FY2023-24", 20, "percent") in facts("Within a year, IT exports rose 20 percent to $3.2 billion in FY24.", "2024-08-18")


def test_an_urdu_claim_of_taking_exports_to_a_figure_is_no_figure_reached():
    # "claims were made of taking IT exports to $10bn by 2025"
    text = (
        "وزیر نے کہا کہ رواں مالی سال کا ہدف ساڑھے چار ارب ڈالر رکھا گیا ہے۔ "
        "یاد رہے کہ چند برس قبل حکومتی اعلانات میں آئی ٹی برآمدات کو 2025 تک 10 ارب ڈالر تک پہنچانے کے دعوے کیے جاتے رہے ہیں۔"
    )
    assert {s for s, *_ in facts(text, "2025-07-18")} <= {"other"}


def test_a_month_last_year_is_in_the_calendar_year_before_the_articles_unless_a_base_of_that_month():
    # written in January 2025: "December last year" is December 2024...
    assert facts("IT exports touched 348 million dollars in December last year.", "2025-01-17") == {("it_exports_monthly", "2024-12", 348, "USD_million")}
    assert facts("آئی ٹی برآمدات گزشتہ سال دسمبر میں 34 کروڑ 80 لاکھ ڈالر رہیں۔", "2025-01-17") == {("it_exports_monthly", "2024-12", 348, "USD_million")}
    # ...but as the base of December 2024's figure, the December before it
    text = "IT exports rose to $348 million in December 2024, up 28 percent from $272 million in December last year."
    assert ("it_exports_monthly", "2023-12", 272, "USD_million") in facts(text, "2025-01-17")
    text = "دسمبر 2024 میں آئی ٹی برآمدات 34 کروڑ 80 لاکھ ڈالر رہیں۔ یہ پچھلے سال دسمبر کے 27 کروڑ 20 لاکھ ڈالر کے مقابلے میں 28 فیصد زیادہ ہیں۔"
    assert ("it_exports_monthly", "2023-12", 272, "USD_million") in facts(text, "2025-01-17")


def test_two_urdu_bases_sharing_one_verb_each_keep_their_rate():
    # "265m in October, about 15% more than September's 231m and about 16% more than last October"
    text = (
        "اکتوبر میں آئی ٹی برآمدات 26 کروڑ 50 لاکھ ڈالر رہیں، جو ستمبر کے 23 کروڑ 10 لاکھ ڈالر سے تقریباً 15 فیصد "
        "اور گزشتہ سال اکتوبر سے لگ بھگ 16 فیصد زیادہ ہیں۔"
    )
    assert ("it_exports_monthly", "2023-09", 231, "USD_million") in facts(text, "2023-11-17")
    assert rates(text, "2023-11-17") == {15: "mom", 16: "yoy"}


def test_an_urdu_fee_cut_is_no_growth_of_exports():
    text = "پاکستان سافٹ ویئر ایکسپورٹ بورڈ نے آئی ٹی کمپنیوں کی رجسٹریشن اور تجدید کی فیس میں 50 فیصد کمی کی منظوری دے دی ہے۔"
    assert {s for s, *_ in facts(text, "2026-02-10")} <= {"other"}


def test_words_that_look_like_the_new_rules_but_are_not():
    """Sentences the rules for firms, fees, claims, categories and provinces must leave alone."""
    day = "2025-08-05"
    # a month, a payment system or a social network after "through"/"via" names no firm
    assert ("freelancer_earnings", "FY2024-25:Jul-Mar", 350, "USD_million") in facts("Pakistani freelancers earned $350 million from July through March, the State Bank said.", day)
    assert ("freelancer_earnings", "2025-07", 45, "USD_million") in facts("Freelancers received $45 million via Raast in July.", day)
    # Facebook (فیس بک) is no fee
    assert ("it_exports_monthly", "2025-07", 354, "USD_million") in facts("فیس بک کے مطابق جولائی میں آئی ٹی برآمدات 35 کروڑ 40 لاکھ ڈالر رہیں۔", day)
    # "helped take exports to $354m" is a figure reached, not a claim
    assert ("it_exports_monthly", "2025-07", 354, "USD_million") in facts("فری لانسرز نے آئی ٹی برآمدات کو جولائی میں 35 کروڑ 40 لاکھ ڈالر تک پہنچانے میں اہم کردار ادا کیا۔", day)
    # IT exports within services exports are the whole of IT exports
    assert ("it_exports_monthly", "2025-07", 354, "USD_million") in facts("Within services exports, IT exports rose 20 percent to $354 million in July.", day)
    # one province named is where the country's freelancers come from
    assert facts("Pakistan, led by freelancers from Punjab, ranked fourth in the global freelancing index.", day) == {("ranking", "", 4, "rank")}
    assert ("ranking", "", 4, "rank") in facts("پاکستان پنجاب کے نوجوانوں کی بدولت عالمی فری لانسنگ انڈیکس میں چوتھے نمبر پر ہے۔", day)


def test_this_fiscal_year_in_july_is_the_year_just_closed():
    # no month of the new year has been counted in July: a figure of "this fiscal year" then
    # is the closed year's, and "last year" beside it the one before
    assert facts("IT exports reached a record $3.8 billion in the current fiscal year, the minister said.", "2025-07-18") == {
        ("it_exports_annual", "FY2024-25", 3800, "USD_million")
    }
    assert facts("IT exports in the current fiscal year stood at $3.8 billion against $3.2 billion last year.", "2025-07-18") == {
        ("it_exports_annual", "FY2024-25", 3800, "USD_million"),
        ("it_exports_annual", "FY2023-24", 3200, "USD_million"),
    }
    assert facts("آئی ٹی برآمدات رواں مالی سال بڑھ کر 2 اعشاریہ 12 ارب ڈالر پر پہنچ گئی ہیں۔", "2021-07-26") == {
        ("it_exports_annual", "FY2020-21", 2120, "USD_million")
    }
    # a goal for it looks ahead, to the year begun
    assert facts("The government aims to take IT exports to $5 billion in the current fiscal year.", "2025-07-18") == {
        ("other", "FY2025-26", 5000, "USD_million")
    }
    # "last fiscal year" alone in July is the closed year, as before
    assert facts("IT exports in the last fiscal year were $3.8 billion.", "2025-07-18") == {
        ("it_exports_annual", "FY2024-25", 3800, "USD_million")
    }


def test_a_read_more_line_gives_another_storys_figures():
    text = "Freelancers in Lahore said payments were slow this week.\n\nRead more: IT exports climb 24pc to $354m in July\n\nBanks blamed a new screening step."
    assert facts(text, "2025-08-20", title="Freelancers complain of slow payments") == set()
    urdu = "فری لانسرز نے ادائیگیوں میں تاخیر کی شکایت کی۔\n\nمزید پڑھیں: آئی ٹی برآمدات میں اضافہ، جنوری میں 33 کروڑ ڈالر\n\nبینکوں نے نئے طریقہ کار کو وجہ بتایا۔"
    assert facts(urdu, "2025-03-12") == set()
    # a sentence that only mentions reading more is still read
    assert ("it_exports_monthly", "2025-07", 354, "USD_million") in facts("Readers can read more about IT exports, which were $354 million in July.", "2025-08-20")


def test_earnings_on_a_named_platform_are_its_own():
    assert facts("Pakistani freelancers earned $142 million on TaskBridge in FY22", "2022-09-13") == {("other", "FY2021-22", 142, "USD_million")}
    # a day or a holiday named after "on" is no platform
    assert ("freelancer_earnings", "FY2024-25", 400, "USD_million") in facts("Pakistani freelancers earned $400 million in FY25, PSEB said on Tuesday.", "2025-08-01")
    assert ("freelancer_count", "", 2370000, "count") in facts(
        "Of Pakistan's roughly 2.37 million freelancers, 250,000 are women, a survey released on International Women's Day found.", "2024-03-08"
    )
    # Urdu: "from the platform"
    assert facts("پاکستانی فری لانسرز نے 2024 میں اس پلیٹ فارم سے 41 کروڑ 50 لاکھ ڈالر کمائے۔", "2025-03-14") == {("other", "2024", 415, "USD_million")}


def test_a_rate_that_goes_on_about_a_platforms_figure_is_the_platforms():
    text = "Local freelancers earned $186 million on the platform in the year to June 2023, the company said. The earnings represent a 31 percent jump from last year."
    assert facts(text, "2023-09-19") == {("other", "FY2022-23", 186, "USD_million"), ("other", "FY2022-23", 31, "percent")}
    # after a national figure, the same words are the nation's growth
    text = "Pakistani freelancers earned $400 million in FY23, PSEB said. The earnings represent a 20 percent jump from last year."
    assert ("freelancer_earnings", "FY2022-23", 20, "percent") in facts(text, "2023-09-19")


def test_a_headline_figure_the_lead_tells_as_a_platforms_is_no_fact():
    lead = "KARACHI: Pakistani freelancers received $412 million through payments platform PayMeridian in 2023, an increase of 28 percent over 2022."
    assert {f[0] for f in facts(lead, "2024-02-14", title="Freelancers' earnings rise 28pc to $412m")} == {"other"}
    urdu_lead = "کراچی: فری لانسنگ پلیٹ فارم کی رپورٹ کے مطابق پاکستانی فری لانسرز نے 2023 کے دوران پلیٹ فارم کے ذریعے 34 کروڑ 10 لاکھ ڈالر کمائے۔"
    assert {f[0] for f in facts(urdu_lead, "2024-03-19", title="پاکستانی فری لانسرز نے ایک سال میں 34 کروڑ ڈالر کما لیے")} == {"other"}
    # a lead that gives the headline's figure as the series' still dates it
    assert facts("Pakistani freelancers earned $412 million in 2023, PSEB said.", "2024-02-14", title="Freelancers earn $412m") == {
        ("freelancer_earnings", "2023", 412, "USD_million")
    }


def test_the_year_to_june_is_a_fiscal_year():
    assert facts("Local freelancers earned $186 million in the year to June 2023, PSEB said.", "2023-09-19") == {("freelancer_earnings", "FY2022-23", 186, "USD_million")}
    assert facts("IT exports rose to $2.6 billion in the 12 months to June 2023.", "2023-09-19") == {("it_exports_annual", "FY2022-23", 2600, "USD_million")}
    # twelve months to another month are a rolling sum
    assert {f[0] for f in facts("IT exports were $3.4 billion in the 12 months to March 2024.", "2024-04-20")} == {"other"}


def test_places_listed_together_are_no_countrys():
    after_pakistans = "فری لانسرز کی تعداد کے لحاظ سے پاکستان پانچویں نمبر پر ہے۔ گرافک ڈیزائن 19 فیصد اور ڈیجیٹل مارکیٹنگ 15 فیصد کے ساتھ دوسرے اور تیسرے نمبر پر رہے۔"
    assert {f for f in facts(after_pakistans, "2024-03-19") if f[0] == "ranking"} == {("ranking", "", 5, "rank")}
    assert facts("Among freelance markets, graphic design and digital marketing came second and third.", "2024-03-19") == set()
    # a country's place beside another's is still told
    assert ("ranking", "", 4, "rank") in facts("Pakistan ranked fourth and India seventh among the fastest-growing freelance markets.", "2024-03-19")
    assert ("ranking", "", 4, "rank") in facts("فری لانسنگ مارکیٹوں میں پاکستان چوتھے اور بھارت ساتویں نمبر پر ہے۔", "2024-03-19")


def test_a_platform_named_as_the_source_makes_the_figures_its_own():
    assert {f[0] for f in facts("Pakistani freelancers earned $415 million in 2024, up 22 percent, according to the country report of freelancing platform WorkBridge.", "2025-03-12")} == {"other"}
    # ... or named in the sentence after them
    text = "Pakistani freelancers earned $415 million in 2024, up 22 percent. This was revealed in the country report of freelancing platform WorkBridge."
    assert {f[0] for f in facts(text, "2025-03-12")} == {"other"}
    urdu = "پاکستانی فری لانسرز کی آمدنی گزشتہ سال 22 فیصد اضافے سے 41 کروڑ 50 لاکھ ڈالر تک پہنچ گئی۔ یہ بات فری لانسنگ پلیٹ فارم ورک برج کی جاری کردہ رپورٹ میں بتائی گئی ہے۔"
    assert {f[0] for f in facts(urdu, "2025-03-12")} == {"other"}
    # a board's or the ministry's report names no platform; platforms in general are all freelancers
    text = "Pakistani freelancers earned $415 million in 2024, up 22 percent. This was revealed in the annual report of the Pakistan Software Export Board."
    assert ("freelancer_earnings", "2024", 415, "USD_million") in facts(text, "2025-03-12")
    assert ("freelancer_earnings", "2024", 400, "USD_million") in facts("Freelancers on platforms such as Upwork and Fiverr earned $400 million in 2024.", "2025-03-12")


def test_a_figure_said_as_what_it_had_been_is_background_for_the_sentences_after():
    text = (
        "IT exports were $391 million in March 2026, up 14.3 percent year-on-year. In March 2025, IT exports had stood at $342 million. "
        "Compared with the previous month, IT exports rose 16.7 percent."
    )
    assert ("it_exports_monthly", "2026-03", 16.7, "percent") in facts(text, "2026-04-17")
    assert ("it_exports_monthly", "2025-03", 342, "USD_million") in facts(text, "2026-04-17")
    urdu = (
        "آئی ٹی برآمدات مارچ 2026 کے دوران 39 کروڑ 10 لاکھ ڈالر رہیں۔ مارچ 2025 میں آئی ٹی برآمدات 34 کروڑ 20 لاکھ ڈالر رہی تھیں۔ "
        "گزشتہ ماہ کے مقابلے میں آئی ٹی برآمدات میں 16.7 فیصد اضافہ ہوا۔"
    )
    assert ("it_exports_monthly", "2026-03", 16.7, "percent") in facts(urdu, "2026-04-17")
    # a sentence that reports the earlier period as news of its own moves the story to it
    text = "IT exports were $391 million in March 2026. In March 2025, IT exports were $342 million. In that month, they rose 5 percent."
    assert ("it_exports_monthly", "2025-03", 5, "percent") in facts(text, "2026-04-17")


def test_exports_to_one_country_and_their_growth_are_not_the_countrys():
    lead = "Pakistan's IT exports rose to $2.6 billion in FY23, SBP data showed. "
    assert named_only(facts(lead + "Exports to the US amounted to $902 million, a marginal increase of 1.9 percent over $885 million in the previous fiscal year.", "2023-08-20")) == {
        ("it_exports_annual", "FY2022-23", 2600, "USD_million")
    }
    assert named_only(facts(lead + "The UAE stood second with $390 million, up 6.6 percent, while exports to the UK fell 4.3 percent to $309 million.", "2023-08-20")) == {
        ("it_exports_annual", "FY2022-23", 2600, "USD_million")
    }
    urdu = "مالی سال 2024 میں آئی ٹی برآمدات 3 ارب 20 کروڑ ڈالر رہیں۔ "
    assert named_only(facts(urdu + "متحدہ عرب امارات ۳۸ کروڑ ۲۰ لاکھ ڈالر کے ساتھ دوسرے نمبر پر رہا، جہاں برآمدات میں ۳۱ اعشاریہ ۴ فیصد اضافہ ہوا۔", "2024-08-20")) == {
        ("it_exports_annual", "FY2023-24", 3200, "USD_million")
    }
    assert named_only(facts(urdu + "اس کے برعکس آئرلینڈ کو برآمدات 4.2 فیصد کمی سے 241 ملین ڈالر رہ گئیں۔", "2024-08-20")) == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}
    # the country's own total beside them stays
    assert named_only(facts("IT exports rose 24 percent to $3.2 billion in FY24, with exports to the US up 18 percent.", "2024-08-20")) == {
        ("it_exports_annual", "FY2023-24", 24, "percent"),
        ("it_exports_annual", "FY2023-24", 3200, "USD_million"),
    }


def test_a_percentage_that_makes_up_a_total_is_a_share():
    assert named_only(facts("The US accounted for 34.7 percent of IT exports in FY23, while the top six destinations together made up around 78 percent.", "2023-08-20")) == set()
    # "making up for" is no share, and a total after "made up" is still the total
    assert ("it_exports_annual", "FY2022-23", 24, "percent") in facts("IT exports rose 24 percent to $2.6 billion in FY23, making up for a weak year before.", "2023-08-20")
    assert ("it_exports_monthly", "2024-10", 307, "USD_million") in facts("Computer services made up $252 million, or 82 percent, of October's IT exports of $307 million.", "2024-11-18")


def named_only(found: set[tuple[str, str, float, str]]) -> set[tuple[str, str, float, str]]:
    return {f for f in found if f[0] != "other"}


def test_a_provinces_freelancers_and_exports_are_the_provinces():
    assert named_only(facts("She said freelancers from Punjab had earned $262 million through banking channels during the year.", "2025-08-20")) == set()
    assert named_only(facts("KP freelancers earned $148m in FY25, the provincial IT board said.", "2025-08-20")) == set()
    assert named_only(facts("The Punjab government claims the province earned $2.09 billion, or 55pc, of Pakistan's IT exports last fiscal year.", "2025-08-20")) == set()
    urdu = "چیئرمین نے کہا کہ مالی سال 2022-23 کے دوران پنجاب سے آئی ٹی اور آئی ٹی سے منسلک خدمات کی برآمدات ایک ارب 42 کروڑ ڈالر رہیں۔"
    assert named_only(facts(urdu, "2023-08-20")) == set()
    assert named_only(facts("چیئرمین نے کہا کہ گذشتہ مالی سال میں پاکستان کی آئی ٹی برآمدات کا نصف سے زیادہ، یعنی ایک ارب 42 کروڑ ڈالر، صرف پنجاب سے آیا۔", "2023-08-20")) == set()
    # the country's figure with a province named beside it stays the country's
    assert ("freelancer_earnings", "FY2024-25", 400, "USD_million") in facts("Pakistani freelancers earned $400 million in FY25, with freelancers from Punjab leading.", "2025-08-20")
    assert ("it_exports_annual", "FY2023-24", 3200, "USD_million") in facts("پنجاب سمیت ملک بھر سے آئی ٹی برآمدات مالی سال 2024 میں 3 ارب 20 کروڑ ڈالر رہیں۔", "2024-08-20")


def test_one_banks_freelancer_accounts_are_no_count_or_earnings_of_freelancers():
    assert named_only(facts("Freelancer Accounts at Crescent Bank Grow 64% to 118,400 in 2022", "2023-01-20")) == set()
    text = "The bank said the number of freelancer digital accounts opened with the bank reached 118,400 by December 31, 2022, up 64 percent."
    assert named_only(facts(text, "2023-01-20")) == set()
    assert named_only(facts("Freelancers Brought $96 Million Into Crescent Bank Accounts Last Year", "2023-02-14")) == set()
    text = "Its report shows that these accounts received $96 million in foreign currency during 2022, up 68% from $57 million in 2021."
    assert named_only(facts(text, "2023-02-14")) == set()
    # the State Bank's data on all freelancers, and freelancers counted as people, stay
    assert ("freelancer_earnings", "2022", 400, "USD_million") in facts("Freelancers earned $400 million in 2022, data released by the State Bank showed.", "2023-02-14")
    assert ("freelancer_count", "", 120000, "count") in facts("Over 120,000 freelancers in Pakistan, the PSEB said, up 30 percent.", "2023-02-14")


def test_what_exports_can_rise_to_or_still_need_is_a_projection():
    text = "P@SHA believes IT exports can rise to $4.4 billion this fiscal year and reach $10 billion by the end of the decade."
    assert named_only(facts(text, "2026-01-20")) == set()
    text = "P@SHA projected FY26 exports of between $4.1 billion and $4.7 billion, with $4.4 billion as its base case, against $3.8 billion last year."
    assert not any(f[2] in (4100, 4400, 4700) for f in named_only(facts(text, "2025-09-20")))
    urdu = "حکومت نے رواں مالی سال کے لیے آئی ٹی برآمدات کا ہدف 4 ارب ڈالر مقرر کر رکھا ہے، جس کے حصول کے لیے باقی تین ماہ میں 80 کروڑ 60 لاکھ ڈالر کی برآمدات درکار ہیں۔"
    assert named_only(facts(urdu, "2026-04-17")) == set()
    # what exports did is still told
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in facts("IT exports rose to $3.8 billion in FY25, and P@SHA believes they can rise further.", "2025-09-20")


def test_during_the_half_in_urdu_is_the_half_named_before():
    text = (
        "رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 2 ارب 12 کروڑ ڈالر رہیں۔ "
        "جولائی میں 33 کروڑ 20 لاکھ ڈالر کی آئی ٹی برآمدات ہوئیں۔ "
        "وزارت کے مطابق ششماہی کے دوران فری لانسرز کی آمدن 21 کروڑ 40 لاکھ ڈالر رہی۔"
    )
    assert ("freelancer_earnings", "FY2025-26:H1", 214, "USD_million") in facts(text, "2026-01-19")
    # the first half named outright is that half, as before
    assert ("it_exports_cumulative", "FY2025-26:H1", 2120, "USD_million") in facts(text, "2026-01-19")


def test_freelancers_export_proceeds_are_their_earnings_after_a_sentence_on_it_exports():
    text = "IT exports reached $398 million in December. Freelancers' export proceeds stood at $52.6 million in December."
    assert facts(text, "2026-01-16") == {("it_exports_monthly", "2025-12", 398, "USD_million"), ("freelancer_earnings", "2025-12", 52.6, "USD_million")}


def test_urdu_total_services_exports_are_not_it_exports():
    text = (
        "ملک کی ٹیلی کام، کمپیوٹر اور انفارمیشن سروسز کی برآمدات مالی سال 23-2022 کی پہلی سہ ماہی کے دوران 704 ملین ڈالر تک پہنچ گئیں۔ "
        "اس کے برعکس ملک کی کُل خدمات کی برآمدات 1.86 ارب ڈالر رہیں جو گزشتہ سال کی پہلی سہ ماہی کے 1.9 ارب ڈالر سے 1.9 فیصد کم ہیں۔"
    )
    assert named_only(facts(text, "2022-10-21")) == {("it_exports_cumulative", "FY2022-23:Q1", 704, "USD_million")}


def test_the_top_five_countries_as_a_subject_are_no_rank_of_pakistan():
    text = "پاکستان کی آئی ٹی برآمدات کا ایک تہائی حصہ امریکا کو جاتا ہے، جبکہ سرفہرست پانچ ممالک ملک کی مجموعی آئی ٹی برآمدات کے دو تہائی حصے کے حامل ہیں۔"
    assert not any(f[0] == "ranking" for f in facts(text, "2024-08-20"))
    # Pakistan among the top five is its place
    assert facts("پاکستان فری لانسرز کی تعداد کے لحاظ سے سرفہرست پانچ ممالک میں شامل ہے۔", "2024-08-20") == {("ranking", "", 5, "rank")}


def test_what_had_grown_last_year_leaves_the_quarter_reported():
    text = (
        "ادارہ شماریات کے مطابق جولائی سے ستمبر 2022 کے دوران کمپیوٹر سروسز کی برآمدات 57 کروڑ 89 لاکھ ڈالر رہیں۔ "
        "گزشتہ مالی سال کے دوران اسی شعبے کی برآمدات میں تقریباً 30 فیصد اضافہ ہوا تھا۔ "
        "مجموعی طور پر ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کی برآمدات 70 کروڑ 42 لاکھ ڈالر رہیں جو 8.24 فیصد اضافہ ظاہر کرتی ہیں۔"
    )
    assert ("it_exports_cumulative", "FY2022-23:Q1", 704.2, "USD_million") in facts(text, "2022-10-21")
    assert not any(f[1] == "FY2021-22" and f[0] != "other" for f in facts(text, "2022-10-21"))


def test_the_fiscal_year_named_beside_a_month_is_that_months_fiscal_year():
    assert facts("IT exports at $298m in June, up 24pc in the fiscal year", "2024-07-18") == {
        ("it_exports_monthly", "2024-06", 298, "USD_million"),
        ("it_exports_annual", "FY2023-24", 24, "percent"),
    }
    assert ("it_exports_annual", "FY2023-24", 24, "percent") in facts("جون میں آئی ٹی برآمدات 29 کروڑ 80 لاکھ ڈالر، مالی سال میں 24 فیصد اضافہ", "2024-07-18")
    # beside March, the fiscal year so far is July to March
    assert ("it_exports_cumulative", "FY2023-24:Jul-Mar", 20, "percent") in facts("IT exports were $300m in March, up 20 percent in the fiscal year.", "2024-04-18")
    # a fiscal year named with its year is that year
    assert facts("IT exports rose in the fiscal year 2023-24 to $3.2bn.", "2024-07-18") == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}


def test_a_component_with_the_total_in_apposition_is_the_component():
    text = "Computer services exports, the major component of ICT exports, rose to $1.56 billion during July-May from $1.04 billion a year earlier, an increase of 50 percent."
    assert named_only(facts(text, "2021-07-20")) == set()
    assert ("it_exports_cumulative", "FY2020-21:Jul-May", 2300, "USD_million") in facts("ICT exports, the bulk of them computer services, rose to $2.3 billion during July-May.", "2021-07-20")


def test_the_growth_of_a_count_of_freelancers_is_not_of_their_earnings():
    text = "The Pakistan Software Export Board registered 3,108 freelancers during the fiscal year 2021-22, an increase of 121.7 percent over 1,402 freelancers registered the year before."
    assert named_only(facts(text, "2022-07-20")) == set()
    # freelancers counted beside their earnings leave the earnings' growth theirs
    assert ("freelancer_earnings", "FY2021-22", 20, "percent") in facts("Some 2,000 freelancers earned $400 million in FY22, up 20 percent.", "2022-07-20")


def test_one_technology_parks_companies_are_a_part():
    text = "Companies based at the Arfa Software Technology Park exported IT services worth $186.4 million in FY23, registering a growth of 11.2 percent over $167.6 million."
    assert named_only(facts(text, "2023-07-26")) == set()
    assert named_only(facts("IT exports by the tenant companies of the Arfa Software Technology Park rose 11.2 percent to $186.4 million in FY23.", "2023-07-26")) == set()
    urdu = "پشاور ٹیکنالوجی پارک میں قائم آئی ٹی کمپنیوں کی برآمدات مالی سال 2022-23 کے دوران 45.3 فیصد اضافے سے 2 کروڑ 34 لاکھ ڈالر تک پہنچ گئیں۔"
    assert named_only(facts(urdu, "2023-08-12")) == set()
    assert named_only(facts("پشاور ٹیکنالوجی پارک سے برآمدات میں 45 فیصد اضافہ", "2023-08-12")) == set()
    # the country's figure with parks named beside it stays
    assert ("it_exports_annual", "FY2022-23", 2600, "USD_million") in facts("IT exports rose 24 percent to $2.6 billion in FY23, with companies in software parks leading.", "2023-08-12")


def test_registered_freelancers_earnings_are_a_part():
    assert named_only(facts("Registered freelancers earned $118 million in FY24, the PSEB said.", "2024-08-20")) == set()
    assert named_only(facts("بورڈ کے اعداد و شمار کے مطابق رجسٹرڈ فری لانسرز نے گزشتہ مالی سال 11 کروڑ 80 لاکھ ڈالر کمائے۔", "2024-08-20")) == set()
    assert named_only(facts("اس طرح مالی سال 2023-24 میں رجسٹرڈ فری لانسرز کی آمدن میں 35.6 فیصد اضافہ ہوا۔", "2024-08-20")) == set()
    # all freelancers' earnings beside a registry count stay theirs
    assert ("freelancer_earnings", "FY2023-24", 350, "USD_million") in facts("Pakistani freelancers earned $350 million in FY24; the PSEB has 50,000 registered freelancers.", "2024-08-20")


# --------------------------------------------------------------------------- bounds, steps and conditions


def test_a_bound_before_a_rate_is_no_direction():
    assert ("it_exports_monthly", "2023-12", -5, "percent") in facts("IT exports fell more than 5 percent to $250 million in December.", "2024-01-20")
    assert ("it_exports_monthly", "2023-12", -5, "percent") in facts("IT exports declined by slightly more than 5 percent in December.", "2024-01-20")
    # "after growing less than 4%": a rise below 4%, not a fall
    text = "IT exports rose 15% to $791 million in October-December, after growing less than 4% in the July-September quarter."
    assert ("it_exports_cumulative", "FY2023-24:Q1", 4, "percent") in facts(text, "2024-01-24")
    # a comparison after the rate still says which way
    assert ("it_exports_monthly", "2023-12", -5, "percent") in facts("IT exports in December were 5 percent lower than a year earlier.", "2024-01-20")


def test_a_step_in_a_reckoning_is_no_rate():
    text = "The note reckoned that every 10 percent increase in IT exports would cut the current account deficit by about $250 million."
    assert named_only(facts(text, "2024-01-29")) == set()


def test_an_amount_per_period_is_a_rate_not_a_total():
    text = "Freelancers' inflows were $412 million in July-March of FY25, roughly $140 million a quarter."
    assert named_only(facts(text, "2025-04-18")) == {("freelancer_earnings", "FY2024-25:Jul-Mar", 412, "USD_million")}
    # "a year earlier" dates a figure; it is no rate per year
    text = "IT exports were $262 million in December, against $230 million a year earlier."
    assert ("it_exports_monthly", "2022-12", 230, "USD_million") in facts(text, "2024-01-20")


def test_urdu_if_makes_a_projection():
    # "if this pace holds, this fiscal year's IT exports come to about $4.5bn"
    text = "اگر یہی رفتار برقرار رہی تو رواں مالی سال کی آئی ٹی برآمدات تقریباً 4.5 ارب ڈالر بنتی ہیں۔"
    assert named_only(facts(text, "2026-02-24")) == set()


def test_india_spelled_as_in_english_is_abroad():
    # "India's software exports grew about nine percent", with India written انڈیا
    text = "دوسری جانب انڈیا کی سافٹ ویئر برآمدات میں تقریباً نو فیصد اور 12 فیصد کے درمیان اضافہ ہوا۔"
    assert named_only(facts(text, "2023-03-20")) == set()
    assert named_only(facts("انڈین آئی ٹی برآمدات 194 ارب ڈالر رہیں۔", "2023-03-20")) == set()


def test_urdu_a_year_before_in_the_same_month_is_that_month_last_year():
    # "exports were $348m in November alone, while a year before, in the same month, they were
    # $282m; so they rose 23.4 percent"
    text = "صرف نومبر میں 34 کروڑ 80 لاکھ ڈالر کی آئی ٹی برآمدات ہوئیں، جبکہ ایک سال قبل اسی مہینے میں یہ 28 کروڑ 20 لاکھ ڈالر تھیں، یوں ان میں 23.4 فیصد اضافہ ہوا۔"
    assert facts(text, "2024-12-19") == {
        ("it_exports_monthly", "2024-11", 348, "USD_million"),
        ("it_exports_monthly", "2023-11", 282, "USD_million"),
        ("it_exports_monthly", "2024-11", 23.4, "percent"),
    }
    assert rates(text, "2024-12-19") == {23.4: "yoy"}


def test_a_months_rate_beside_its_only_base_is_measured_against_it():
    assert rates("IT exports were $348 million in November, against $282 million in November 2023, a rise of 23.4 percent.", "2024-12-19") == {23.4: "yoy"}
    assert rates("IT exports were $348 million in November, against $331 million in October, a rise of 5 percent.", "2024-12-19") == {5: "mom"}
    # a month named after "since" is no base
    assert rates("IT exports were $348 million in November, up 5 percent, the highest since November 2023.", "2024-12-19") == {5: "unknown"}


def test_an_estimate_put_at_a_figure_is_no_level():
    text = "The SBP had estimated unrecorded IT export proceeds at $1.2 billion to $1.5 billion in FY24."
    assert named_only(facts(text, "2025-03-13")) == set()
    text = "IT exports held abroad came to $1.5 billion in FY24, according to an estimate by the State Bank."
    assert named_only(facts(text, "2025-03-13")) == set()
    # recorded exports beside no estimate stay
    assert ("it_exports_annual", "FY2023-24", 3220, "USD_million") in facts("Recorded IT exports were $3.22 billion in FY24.", "2025-03-13")


def test_a_subject_with_to_and_a_verb_is_a_headlines_future():
    assert named_only(facts("", "2026-02-24", title="IT exports to cross $4.5bn this fiscal year: minister")) == set()
    assert named_only(facts("", "2026-02-24", title="Freelancers' earnings to touch $500m in FY26, says PSEB")) == set()
    # a verb of its own before "to" reports what happened
    assert ("it_exports_monthly", "2026-01", 350, "USD_million") in facts("", "2026-02-18", title="IT exports jump 20pc to hit record $350m in January")
    assert ("it_exports_monthly", "2026-01", 350, "USD_million") in facts("IT exports managed to reach $350 million in January.", "2026-02-18")


def test_a_standfirst_with_no_figure_of_a_series_leaves_the_title_to_the_lead():
    title = "IT exports slump 14% as rupee gap bites"
    text = (
        "Sector earns $207m in January, seven-month tally slips into negative territory\n\n"
        "KARACHI: Pakistan's information technology exports fell 14% year-on-year to $207 million in January, the steepest monthly fall in three years."
    )
    assert facts(text, "2023-02-18", title=title) == {
        ("it_exports_monthly", "2023-01", -14, "percent"),
        ("it_exports_monthly", "2023-01", 207, "USD_million"),
    }


def test_the_base_of_a_net_figure_is_net():
    text = "Imports of IT services came to $46 million in the month, taking net IT exports to $183 million, against $214 million in December 2021."
    assert named_only(facts(text, "2023-01-18")) == set()
    # the gross figures beside it stay
    text = "IT exports were $229 million in December, against $268 million in December 2021; net of imports they were $183 million."
    assert ("it_exports_monthly", "2021-12", 268, "USD_million") in facts(text, "2023-01-18")


def test_urdu_and_after_a_figure_opens_a_components_clause():
    # "computer services exports were $1.39bn and telecommunication services exports $331m": both parts
    text = (
        "رواں مالی سال کے پہلے آٹھ ماہ میں آئی ٹی برآمدات ایک ارب 73 کروڑ ڈالر رہیں۔ "
        "اس دوران کمپیوٹر سروسز کی برآمدات ایک ارب 39 کروڑ ڈالر اور ٹیلی کمیونیکیشن سروسز کی برآمدات 33 کروڑ 10 لاکھ ڈالر رہیں۔"
    )
    assert named_only(facts(text, "2023-03-17")) == {("it_exports_cumulative", "FY2022-23:Jul-Feb", 1730, "USD_million")}
    # "telecom and computer services exports" together are the total
    assert ("it_exports_cumulative", "FY2022-23:Jul-Feb", 1730, "USD_million") in facts("مالی سال کے پہلے آٹھ ماہ میں ٹیلی کام اور کمپیوٹر سروسز کی برآمدات ایک ارب 73 کروڑ ڈالر رہیں۔", "2023-03-17")


def test_a_period_after_another_rates_growth_recorded_in_it_is_that_rates():
    text = "IT exports amounted to $4.27bn in FY26, compared with $3.8bn a year earlier. The increase of 12.4 per cent was roughly half the 18pc growth recorded in FY25."
    found = facts(text, "2026-07-18")
    assert ("it_exports_annual", "FY2025-26", 12.4, "percent") in found
    assert ("it_exports_annual", "FY2024-25", 18, "percent") in found
    # two rates of one period said once stay that period's
    assert rates("IT exports rose 5% month-on-month and 20% year-on-year in June.", "2026-07-18") == {5: "mom", 20: "yoy"}


def test_a_clause_with_one_month_of_the_period_is_the_same_subjects():
    text = "Freelancers' remittances rose to $118.6 million in the first quarter, with September bringing in a record $41.2 million."
    assert ("freelancer_earnings", "2025-09", 41.2, "USD_million") in facts(text, "2025-10-21")
    assert ("freelancer_earnings", "2025-09", 41.2, "USD_million") in facts("Freelancers' remittances were $118.6 million in the quarter, with $41.2 million in September.", "2025-10-21")
    # another actor's money in such a clause is not theirs
    text = "Freelancers' remittances were $118.6 million in the first quarter, with PSEB signing a $5 million deal in September."
    assert named_only(facts(text, "2025-10-21")) == {("freelancer_earnings", "FY2025-26:Q1", 118.6, "USD_million")}


def test_a_month_on_month_rate_beside_what_the_month_before_had_been_is_the_next_months():
    # "IT exports in July 2023 were $227m. But month-on-month exports fell 1.7 percent, since in
    # June 2024 they had been $291m": the fall is July 2024's, not July 2023's
    text = (
        "جولائی 2024 میں آئی ٹی برآمدات 26 فیصد اضافے سے 28 کروڑ 60 لاکھ ڈالر رہیں۔ "
        "جولائی 2023 میں آئی ٹی برآمدات کا حجم 22 کروڑ 70 لاکھ ڈالر تھا۔ "
        "تاہم ماہانہ بنیاد پر برآمدات میں 1.7 فیصد کمی ریکارڈ کی گئی، کیونکہ جون 2024 میں یہ 29 کروڑ 10 لاکھ ڈالر رہی تھیں۔"
    )
    found = facts(text, "2024-08-19")
    assert ("it_exports_monthly", "2024-07", -1.7, "percent") in found
    assert ("it_exports_monthly", "2024-06", 291, "USD_million") in found
    # a year-on-year rate beside such a month keeps its own period
    text = "یہ اضافہ سالانہ بنیادوں پر 17 فیصد جبکہ ماہانہ بنیادوں پر بھی 5.5 فیصد رہا جبکہ ستمبر 2025 میں آئی ٹی برآمدات 36 کروڑ 60 لاکھ ڈالر ریکارڈ ہوئی تھیں۔"
    assert not any(period == "2026-09" for _, period, _, _ in facts(text, "2025-11-18"))


def test_urdu_a_month_that_opens_the_next_figure_is_that_ones():
    # "in July freelancers' remittances were $43m and in August $46m"
    text = "جولائی میں فری لانسرز کی ترسیلات 4 کروڑ 30 لاکھ ڈالر اور اگست میں 4 کروڑ 60 لاکھ ڈالر رہیں۔"
    assert facts(text, "2025-10-20") == {
        ("freelancer_earnings", "2025-07", 43, "USD_million"),
        ("freelancer_earnings", "2025-08", 46, "USD_million"),
    }
    # "reaching $2.12bn in the first half and a monthly record of $384m in December"
    text = "رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات کا 2 ارب 12 کروڑ ڈالر تک پہنچنا اور دسمبر میں 38 کروڑ 40 لاکھ ڈالر کا ماہانہ ریکارڈ قائم ہونا خوش آئند ہے۔"
    assert ("it_exports_cumulative", "FY2025-26:H1", 2120, "USD_million") in facts(text, "2026-01-21")


def test_urdu_freelancers_remittances_named_with_zar_are_theirs():
    # "remittances sent home by the country's freelancers rose 29 percent to $138m in the first quarter"
    text = "رواں مالی سال 2025-26 کی پہلی سہ ماہی کے دوران ملک کے فری لانسرز کی جانب سے وطن بھیجی گئی ترسیلات زر 29 فیصد اضافے کے ساتھ 13 کروڑ 80 لاکھ ڈالر تک پہنچ گئیں۔"
    assert facts(text, "2025-10-20") == {
        ("freelancer_earnings", "FY2025-26:Q1", 29, "percent"),
        ("freelancer_earnings", "FY2025-26:Q1", 138, "USD_million"),
    }
    # workers' remittances (ترسیلات زر alone) stay untracked
    assert named_only(facts("پہلی سہ ماہی میں ترسیلات زر 8 ارب 80 کروڑ ڈالر رہیں جبکہ فری لانسرز کی تعداد بڑھ گئی۔", "2025-10-20")) == set()


def test_a_month_that_ends_a_span_of_calendar_months_dates_no_figure():
    # "from January to September this year, 9,430 new VPNs were registered": not September's
    assert named_only(facts("جواب کے مطابق رواں سال جنوری سے ستمبر کے دوران 9 ہزار 430 نئے وی پی اینز رجسٹر ہوئے۔", "2025-10-10")) == set()
    assert named_only(facts("From January to September this year, 9,430 new VPNs were registered with the PTA.", "2025-10-10")) == set()
    assert ("vpn_registrations", "2025-09", 9430, "count") in facts("The PTA registered 9,430 VPNs in September, up from 8,000 in August.", "2025-10-10")


def test_urdu_more_than_after_a_rate_is_a_bound_not_a_rise():
    # "exports fell by more than 10 percent month-on-month"
    assert ("it_exports_monthly", "2025-01", -10, "percent") in facts("جنوری 2025 میں ملک کی آئی ٹی برآمدات میں ماہانہ بنیاد پر 10 فیصد سے زائد کمی ہوئی۔", "2025-02-17")
    assert ("it_exports_monthly", "2025-01", 10, "percent") in facts("جنوری 2025 میں آئی ٹی برآمدات 10 فیصد سے زائد بڑھ گئیں۔", "2025-02-17")


def test_urdu_an_amount_a_day_is_a_rate_not_a_total():
    # "IT firms and freelancers risk about $12m of business a day"
    text = "انٹرنیٹ میں خلل سے آئی ٹی کمپنیوں اور فری لانسرز کو روزانہ تقریباً ایک کروڑ 20 لاکھ ڈالر کے کاروبار کا خطرہ لاحق ہوتا ہے۔"
    assert named_only(facts(text, "2025-10-10")) == set()


def test_it_companies_and_freelancers_together_export_the_whole():
    text = "آئی ٹی کمپنیوں اور فری لانسرز نے اگست میں 29 کروڑ 80 لاکھ ڈالر کی خدمات برآمد کیں۔"
    assert facts(text, "2024-09-17") == {("it_exports_monthly", "2024-08", 298, "USD_million")}
    assert facts("IT companies and freelancers exported services worth $298 million in August.", "2024-09-17") == {("it_exports_monthly", "2024-08", 298, "USD_million")}


def test_an_urdu_title_about_a_figure_gives_way_to_the_leads_exact_one():
    title = "اگست میں آئی ٹی برآمدات تقریباً 30 کروڑ ڈالر"
    text = "اسٹیٹ بینک کے مطابق اگست میں آئی ٹی برآمدات 29 کروڑ 80 لاکھ ڈالر رہیں۔"
    assert named_only(facts(text, "2024-09-17", title=title)) == {("it_exports_monthly", "2024-08", 298, "USD_million")}


def test_last_year_alone_of_another_subject_is_not_counted_back_from_the_sentence_before():
    # written in October 2025 after a sentence on freelancers' FY25: "last year" of IT exports
    # is not FY24 (alone it is calendar 2024 or FY25: not known)
    text = "Freelancers' remittances for the full FY25 stood at $431 million. IT exports crossed $3.8 billion last year."
    assert named_only(facts(text, "2025-10-21")) == {("freelancer_earnings", "FY2024-25", 431, "USD_million")}
    # "the same period last year" still refers to the period named before
    text = "IT exports were $3.8 billion in FY25. Freelancers earned $431 million in the same period last year."
    assert ("freelancer_earnings", "FY2023-24", 431, "USD_million") in facts(text, "2025-10-21")


def test_registered_freelancers_figures_said_again_are_theirs():
    # "registered freelancers sent home $118m in FY24, while their earnings in FY23 were $87m"
    text = "بورڈ کے مطابق رجسٹرڈ فری لانسرز نے مالی سال 2023-24 میں 11 کروڑ 80 لاکھ ڈالر ملک بھجوائے، جبکہ مالی سال 2022-23 میں ان کی آمدن 8 کروڑ 70 لاکھ ڈالر رہی تھی۔"
    assert named_only(facts(text, "2024-08-06")) == set()
    # "... In FY2022-23 this amount was $87m": the sentence after goes on about them
    text = "بورڈ کے مطابق رجسٹرڈ فری لانسرز نے گزشتہ مالی سال 11 کروڑ 80 لاکھ ڈالر ملک بھیجے۔ مالی سال 2022-23 میں یہ رقم 8 کروڑ 70 لاکھ ڈالر تھی۔"
    assert named_only(facts(text, "2024-08-07")) == set()
    # all freelancers' figures said again stay theirs
    assert ("freelancer_earnings", "FY2022-23", 300, "USD_million") in facts("Freelancers earned $350 million in FY24, while their earnings in FY23 were $300 million.", "2024-08-06")


def test_a_month_on_month_rate_is_of_the_month_after_the_one_it_rose_from():
    # the sentence before ends on the month a year back: the rate is not that month's
    text = (
        "IT exports climbed 12 percent year-on-year to $291 million in August 2024. The exports were recorded at $260 million in August 2023. "
        "On a month-on-month basis, IT exports rose 4.3 percent from $279 million in July 2024."
    )
    got = {(f.period, f.value, f.basis) for f in extract_facts("", text, "2024-09-17") if f.unit == "percent"}
    assert got == {("2024-08", 12, "yoy"), ("2024-08", 4.3, "mom")}


def test_the_earnings_of_a_programmes_graduates_are_no_freelancers_earnings():
    text = "A tracer study covering 21,000 graduates found that 8,300 of them had earned money on freelancing platforms within six months of finishing their courses. Their combined earnings came to $6.4 million."
    assert named_only(facts(text, "2025-04-02")) == set()
    # in one sentence
    text = "A tracer study of 21,000 graduates showed freelancers among them earning $6.4 million within six months of completing their courses."
    assert named_only(facts(text, "2025-04-02")) == set()
    # freelancers earning are still the country's
    assert ("freelancer_earnings", "FY2023-24", 350, "USD_million") in facts("Pakistani freelancers earned $350 million in FY24.", "2024-08-01")


def test_urdu_money_some_accounts_received_is_a_part_of_the_freelancers_earnings():
    # "freelancers opened 21,000 accounts in the pilot phase, in which $14m were received in all"
    text = "آزمائشی مرحلے میں 21 ہزار فری لانسرز نے اکاؤنٹ کھولے جن میں مجموعی طور پر ایک کروڑ 40 لاکھ ڈالر موصول ہوئے۔"
    assert named_only(facts(text, "2025-05-20")) == set()
    text = "بینک کے مطابق فری لانسرز کے ان اکاؤنٹس میں مارچ اور اپریل کے دوران ایک کروڑ 40 لاکھ ڈالر کی ترسیلات موصول ہوئیں۔"
    assert named_only(facts(text, "2025-05-20")) == set()


def test_one_kind_of_registrants_vpns_are_a_part_of_the_registrations():
    text = (
        "The regulator said 15,300 VPNs were registered during the drive in March, taking the total to 52,800. "
        "The registrations included 8,100 VPNs of software houses and call centres, 6,400 of individual freelancers, and 800 of banks and embassies."
    )
    got = named_only(facts(text, "2024-04-09"))
    assert got == {("vpn_registrations", "2024-03", 15300, "count"), ("vpn_registrations", "", 52800, "count")}
    text = "Individual freelancers registered 6,400 VPNs, while banks, embassies and other organisations registered 800."
    assert named_only(facts(text, "2024-04-09")) == set()
    assert named_only(facts("Around 6,000 freelancers registered their VPNs with the PTA in March.", "2024-04-09")) == set()
    # companies and freelancers together register them all
    assert ("vpn_registrations", "", 20000, "count") in facts("So far 20,000 companies and freelancers have registered their VPNs.", "2024-04-09")
    # Urdu: "of the registered VPNs, 30,100 are companies'", "individual freelancers' 18,200"
    text = "رجسٹرڈ وی پی اینز میں سے 30 ہزار 100 کمپنیوں کے ہیں، جبکہ انفرادی فری لانسرز کے 18 ہزار 200 وی پی این رجسٹر ہیں۔"
    assert named_only(facts(text, "2025-02-11")) == set()


def test_a_month_long_drive_names_no_month():
    text = "Some 15,300 VPNs were registered with the PTA during the month-long registration drive held in March."
    assert named_only(facts(text, "2024-04-09")) == {("vpn_registrations", "2024-03", 15300, "count")}


def test_a_countrys_place_in_one_pillar_of_an_index_is_not_its_rank():
    text = (
        "Pakistan was placed 91st in the Network Readiness Index 2024. The index rests on three pillars: Access, Skills and Trust. "
        "The country did worst in the Trust pillar, where it fell to 110th from 104th over internet shutdowns. "
        "It did better in Access, where it stood at 76th, and in Skills, where it was 83rd, reflecting growth in mobile broadband and ICT services exports. "
        "It also rose to 70th from 79th in the Access sub-index, on digital payments."
    )
    # (the index's own rank is the country's, the pillars' are not)
    assert [f for f in facts(text, "2024-11-20") if f[0] == "ranking"] == [("ranking", "2024", 91, "rank")]


def test_urdu_a_span_that_opens_the_next_rate_is_that_rates():
    # "year-on-year, exports of April rose 14.2 percent and those of July-April 11 percent"
    text = "اسٹیٹ بینک کے مطابق اپریل 2024 میں آئی ٹی برآمدات 31 کروڑ ڈالر رہیں۔ سالانہ بنیاد پر اپریل کی برآمدات میں 14.2 فیصد اور جولائی تا اپریل کے عرصے میں 11 فیصد اضافہ ہوا۔"
    got = {(f.series, f.period, f.value) for f in extract_facts("", text, "2024-05-16") if f.unit == "percent"}
    assert got == {("it_exports_monthly", "2024-04", 14.2), ("it_exports_cumulative", "FY2023-24:Jul-Apr", 11)}


def test_a_rate_per_year_is_a_pace_not_a_periods_growth():
    text = "IT exports were $640 million in 1QFY23, when the sector was growing at more than 25 percent a year."
    assert {f.value for f in extract_facts("", text, "2022-10-18") if f.series != "other"} == {640}


def test_a_sentence_that_gives_the_rise_of_the_amount_before_is_of_its_series():
    text = "Freelancers' earnings reached $131 million in July-September 2025, against $98 million a year earlier. According to the ministry, this is an increase of 33.7 percent."
    assert ("freelancer_earnings", "FY2025-26:Q1", 33.7, "percent") in facts(text, "2025-10-15")
    # Urdu: "according to the ministry, this is a 33.7 percent increase"
    text = "جولائی سے ستمبر 2025 کے تین ماہ میں فری لانسرز کی آمدن 13 کروڑ 10 لاکھ ڈالر رہی۔ وزارت کے مطابق یہ 33.7 فیصد کا اضافہ ہے۔"
    assert ("freelancer_earnings", "FY2025-26:Q1", 33.7, "percent") in facts(text, "2025-10-15")
    text = "IT exports reached $1.1 billion in July-September 2025. According to the State Bank, this is an increase of 13.1 percent."
    assert ("it_exports_cumulative", "FY2025-26:Q1", 13.1, "percent") in facts(text, "2025-10-15")
    # the rise of a count of freelancers is no rise of their earnings
    text = "PSEB registered 11,300 freelancers in July-September 2025. This is an increase of 33.7 percent."
    assert not any(series == "freelancer_earnings" for series, *_ in facts(text, "2025-10-15"))


def test_urdu_a_sentence_ending_on_was_of_an_earlier_period_is_background():
    # "... in August 2023 the volume was $219m. Compared with July too, exports rose 4.2 percent,
    # as in July 2024 they had been $286m": the rate is August 2024's, not August 2023's
    text = (
        "اسٹیٹ بینک کے مطابق اگست 2024 کے دوران آئی ٹی برآمدات 31 کروڑ 20 لاکھ ڈالر تک پہنچ گئیں۔ "
        "اگست 2023 میں آئی ٹی برآمدات کا حجم 23 کروڑ 50 لاکھ ڈالر تھا۔ "
        "جولائی کے مقابلے میں بھی برآمدات 5.1 فیصد بڑھ گئیں، کیونکہ جولائی 2024 میں یہ 29 کروڑ 70 لاکھ ڈالر رہی تھیں۔"
    )
    got = {(f.period, f.value, f.basis) for f in extract_facts("", text, "2024-09-18") if f.unit == "percent"}
    assert got == {("2024-08", 5.1, "mom")}


def test_an_index_named_with_its_abbreviation_before_its_year_is_that_years_edition():
    text = "Pakistan moved up to 118th position in the Digital Skills Index (DSI) 2024 from 127th in 2022, the IT ministry said."
    assert named_only(facts(text, "2024-09-18")) == {("ranking", "2024", 118, "rank"), ("ranking", "2022", 127, "rank")}


def test_a_rate_right_before_the_amount_it_brought_a_span_to_is_that_spans():
    text = "Recorded IT exports grew 21pc in FY24 and a further 26pc to $1.9bn in the first half of FY25."
    got = {(f.series, f.period, f.value) for f in extract_facts("", text, "2025-03-12") if f.unit == "percent"}
    assert got == {("it_exports_annual", "FY2023-24", 21), ("it_exports_cumulative", "FY2024-25:H1", 26)}


def test_balances_held_in_exporters_accounts_are_no_exports():
    text = (
        "IT exports rose 26pc to $1.9bn in the first half of FY25. Balances in exporters' special foreign currency accounts, "
        "where IT firms may keep half of their proceeds, stood at $430m at the end of December 2024, compared with $281m a year earlier."
    )
    assert named_only(facts(text, "2025-03-12")) == {("it_exports_cumulative", "FY2024-25:H1", 1900, "USD_million"), ("it_exports_cumulative", "FY2024-25:H1", 26, "percent")}


def test_urdu_more_than_a_rate_is_a_bound_not_a_comparison_with_the_year_before_it():
    # "IT exports reached $2.3bn in FY2021-22 and grew more than 23 percent"
    text = "پاکستان کی آئی ٹی برآمدات مالی سال 22-2021 میں 2.3 ارب ڈالر تک پہنچیں اور 23 فیصد سے زیادہ بڑھیں۔"
    got = {(f.series, f.period, f.value, f.basis) for f in extract_facts("", text, "2022-10-12") if f.unit == "percent"}
    assert got == {("it_exports_annual", "FY2021-22", 23, "yoy")}


def test_a_rate_that_goes_on_about_a_month_and_its_year_back_is_year_on_year():
    text = "IT exports came in at $226 million in February, against $258 million a year earlier. That is a decline of about 12 per cent."
    assert rates(text, "2023-03-17") == {-12: "yoy"}
    text = "IT exports came in at $226 million in February, against $250 million in January. That is a decline of about 9.6 per cent."
    assert rates(text, "2023-03-17") == {-9.6: "mom"}


def test_a_full_year_figure_that_part_of_the_year_points_to_is_a_reckoning():
    text = "The broker said the first-half figure of $1.6 billion pointed to a full-year IT export number of around $3.4 billion in FY25, compared with $3.2 billion in FY24."
    # (the year it is compared with is what it was)
    assert named_only(facts(text, "2025-02-10")) == {("it_exports_cumulative", "FY2024-25:H1", 1600, "USD_million"), ("it_exports_annual", "FY2023-24", 3200, "USD_million")}


def test_a_rate_said_as_what_it_had_been_in_an_earlier_period_is_that_periods():
    lead = "ICT exports rose 15% to $2.2 billion in the first half of FY26. "
    for text in (
        lead + "The growth was slower than in the first half of the previous fiscal year, when ICT exports had grown by about 21%.",
        lead + "In the corresponding period of FY25, the sector had grown by around 21%.",
    ):
        got = {(f.period, f.value) for f in extract_facts("", text, "2026-01-20") if f.unit == "percent"}
        assert got == {("FY2025-26:H1", 15), ("FY2024-25:H1", 21)}, text


def test_a_rate_against_a_month_a_year_back_is_of_the_month_named_for_it():
    text = (
        "IT exports hit a record $391 million in December 2025. December's figure beat the previous record of $371 million "
        "set in October 2025 and was 11.2 percent higher than the $352 million recorded in December 2024."
    )
    got = {(f.period, f.value, f.basis) for f in extract_facts("", text, "2026-01-19") if f.unit == "percent"}
    assert got == {("2025-12", 11.2, "yoy")}


def test_a_percentage_of_a_total_is_a_share():
    text = "IT exports were $338 million in March 2025. Computer services continued to make up the bulk of these exports, accounting for $272 million, or roughly 80 percent, of March's total."
    assert named_only(facts(text, "2025-04-18")) == {("it_exports_monthly", "2025-03", 338, "USD_million")}


def test_the_whole_a_share_is_of_is_not_the_subject_of_a_base_after_it():
    text = (
        "IT exports rose 15% to $2.2 billion in the first half of FY26. Computer services exports during the six-month period stood at $1.78 billion, "
        "accounting for about 81 percent of the total IT exports, compared with $1.51 billion a year earlier."
    )
    assert named_only(facts(text, "2026-01-20")) == {("it_exports_cumulative", "FY2025-26:H1", 2200, "USD_million"), ("it_exports_cumulative", "FY2025-26:H1", 15, "percent")}
    # the whole's own figure, right after it, is the whole's
    text = "Their earnings during July-December FY23 were $171.2 million, which accounted for 12.9 percent of the total ICT export remittances of $1,327.5 million during the same period."
    assert ("it_exports_cumulative", "FY2022-23:H1", 1327.5, "USD_million") in facts(text, "2023-02-10")


def test_urdu_a_payments_firm_named_as_such_gives_its_own_figures():
    # "through the digital payments company Sahulat Pay, freelancers received $120m in 2025, 55
    # percent more than 2024's $77.4m"
    text = "ڈیجیٹل پیمنٹس کمپنی سہولت پے کے ذریعے سال 2025 کے دوران فری لانسرز کو 12 کروڑ ڈالر موصول ہوئے جو 2024 کے 7 کروڑ 74 لاکھ ڈالر کے مقابلے میں 55 فیصد زیادہ ہیں۔"
    assert named_only(facts(text, "2026-01-08")) == set()
    # "this amount" in the clause after is the firm's too; its active freelancer users are its customers
    text = "ادائیگیوں کی سہولت دینے والی کمپنی سہولت پے نے بتایا کہ اس کے ذریعے فری لانسرز کو 12 کروڑ ڈالر ملے، جبکہ 2024 میں یہ رقم 7 کروڑ 74 لاکھ ڈالر تھی۔"
    assert named_only(facts(text, "2026-01-08")) == set()
    text = "کمپنی کے مطابق ایک سال میں اس کے فعال فری لانسر صارفین 90 ہزار سے بڑھ کر ایک لاکھ 60 ہزار ہو گئے۔"
    assert named_only(facts(text, "2026-01-08")) == set()


def test_urdu_a_percentage_of_a_noun_is_a_share_and_at_least_is_no_fall():
    # "he demanded that IT firms be allowed to keep at least 40 percent of export earnings in dollar accounts"
    text = "انہوں نے مطالبہ کیا کہ آئی ٹی کمپنیوں کو برآمدی آمدن کا کم از کم 40 فیصد ڈالر اکاؤنٹ میں رکھنے کی اجازت دی جائے۔"
    assert named_only(facts(text, "2026-01-17")) == set()
    # the sector's growing at a rate is no share
    text = "آئی ٹی شعبے کا 16 فیصد کی شرح سے بڑھنا اس بات کا ثبوت ہے کہ نوجوان عالمی منڈی میں جگہ بنا رہے ہیں۔ مالی سال 2024-25 میں آئی ٹی برآمدات 3.8 ارب ڈالر رہیں۔"
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in facts(text, "2025-08-02")


def test_urdu_marks_given_out_of_a_total_are_no_rank():
    # "in the report Pakistan was given 6 marks out of 25 for access to the internet"
    text = "انٹرنیٹ کی آزادی کی رپورٹ میں انٹرنیٹ تک رسائی کے حوالے سے پاکستان کو 25 میں سے 6 نمبر دیے گئے۔"
    assert named_only(facts(text, "2025-11-06")) == set()
    assert ("ranking", "", 4, "rank") in facts("فری لانسنگ کی عالمی درجہ بندی میں پاکستان 4 نمبر پر ہے۔", "2025-11-06")


def test_the_sector_anywhere_in_a_sentence_goes_on_about_the_subject_before():
    text = "The latest data on IT exports offers something for everyone. December's $379m is the best month the sector has ever had, and the first-half total of $2.1bn is 16pc above last year's."
    assert named_only(facts(text, "2026-01-19")) == {
        ("it_exports_monthly", "2025-12", 379, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:H1", 2100, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:H1", 16, "percent"),
    }


def test_a_rates_own_growth_recorded_in_a_base_period_is_that_periods():
    text = "ICT exports for July-March came to $1.99 billion, 1.3 percent higher than a year earlier. The sector's growth rate is a sharp fall from the 24.9 percent growth recorded in the same period of FY22."
    got = {(f.period, f.value) for f in extract_facts("", text, "2023-06-08") if f.unit == "percent"}
    assert got == {("FY2022-23:Jul-Mar", 1.3), ("FY2021-22:Jul-Mar", 24.9)}


def test_deposits_in_freelancer_accounts_are_no_earnings():
    text = "Freelancers' earnings reached $350 million in FY24. The bank said 11,800 freelancers had opened the account since April and had deposited $17.2 million between them."
    assert named_only(facts(text, "2024-08-22")) == {("freelancer_earnings", "FY2023-24", 350, "USD_million")}


def test_a_rate_of_firms_in_a_named_zone_is_the_zones():
    text = "SIALKOT: IT exports by firms in the Sialkot Special Technology Zone grew 29.5 percent to $45.1 million in FY24 from $34.8 million a year earlier."
    assert named_only(facts(text, "2024-09-10")) == set()
    # "companies at the park" with the country's total after it: the total is the country's
    text = "According to the board, companies at the park contributed about 7 percent of Pakistan's IT exports of $2.61 billion in FY23."
    assert ("it_exports_annual", "FY2022-23", 2610, "USD_million") in facts(text, "2023-09-10")


def test_a_gap_short_of_a_figure_and_a_full_year_figure():
    text = (
        "IT exports for July-April now total $3.55 billion. With two months still to go, the sector is only about $250 million "
        "short of last year's full-year figure of $3.8 billion."
    )
    assert named_only(facts(text, "2026-05-19")) == {("it_exports_cumulative", "FY2025-26:Jul-Apr", 3550, "USD_million"), ("it_exports_annual", "FY2024-25", 3800, "USD_million")}

    # a year's figure that the running total is set to beat is the whole year's too; the base of
    # the same months stays theirs
    text = "IT exports for the first ten months of the fiscal year came to $3.55 billion, up 14 percent, putting the sector on course to beat last year's $3.8bn."
    assert named_only(facts(text, "2026-05-19")) == {
        ("it_exports_cumulative", "FY2025-26:Jul-Apr", 3550, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:Jul-Apr", 14, "percent"),
        ("it_exports_annual", "FY2024-25", 3800, "USD_million"),
    }
    text = "IT exports for the first ten months of the fiscal year came to $3.55 billion, up 14 percent from last year's $3.11bn."
    assert ("it_exports_cumulative", "FY2024-25:Jul-Apr", 3110, "USD_million") in facts(text, "2026-05-19")


def test_on_course_is_no_training_course_and_on_course_to_a_figure_is_a_goal():
    # "on course" is no course (of training), so the figures stay exports
    text = "IT exports, on course for a record year, rose to $3.55 billion in July-April."
    assert named_only(facts(text, "2026-05-19")) == {("it_exports_cumulative", "FY2025-26:Jul-Apr", 3550, "USD_million")}
    # the figure it is on course to hit is a goal, not this year's months so far
    assert named_only(facts("IT exports are on course to hit $4 billion this fiscal year.", "2026-05-19")) == set()
    assert named_only(facts("IT exports on track for over $4bn in FY26", "2026-05-19")) == set()
    # a course of training still makes a count no count of freelancers
    assert named_only(facts("The six-month course has trained 12,000 freelancers.", "2026-05-19")) == set()


def test_exports_that_lost_steam_are_no_loss():
    text = "Exports of IT services lost some momentum in April, slipping to $338 million from $371 million in March."
    assert named_only(facts(text, "2026-05-19")) == {("it_exports_monthly", "2026-04", 338, "USD_million"), ("it_exports_monthly", "2026-03", 371, "USD_million")}
    # a loss itself is no exports figure
    assert named_only(facts("IT exporters lost $30 million in orders during the three-day internet shutdown in May.", "2026-05-19")) == set()



@pytest.mark.parametrize(
    "text",
    [
        "Ahead of the budget, IT exports rose to $338 million in May.",
        "Despite higher taxes, IT exports rose to $338 million in May.",
        "Boosted by foreign investment, IT exports rose to $338 million in May.",
        "IT exports rose to $338 million in May despite the damage done by internet outages.",
        "IT exports rose to $338 million in May, helped by lower tax rates on export proceeds.",
        # Urdu: "despite higher taxes", "thanks to foreign investment", "before the budget"
        "زیادہ ٹیکسوں کے باوجود آئی ٹی برآمدات مئی میں 33 کروڑ 80 لاکھ ڈالر رہیں۔",
        "غیر ملکی سرمایہ کاری کی بدولت آئی ٹی برآمدات مئی میں 33 کروڑ 80 لاکھ ڈالر رہیں۔",
        "بجٹ سے قبل جاری اعداد و شمار کے مطابق آئی ٹی برآمدات مئی میں 33 کروڑ 80 لاکھ ڈالر رہیں۔",
    ],
)
def test_a_circumstance_around_a_figure_says_nothing_of_what_it_counts(text):
    assert named_only(facts(text, "2025-06-10")) == {("it_exports_monthly", "2025-05", 338, "USD_million")}


@pytest.mark.parametrize(
    "text",
    [
        "Members of the software houses' association said IT exports reached $3.2 billion in FY24.",
        "Speaking to members of the chamber, the minister said IT exports reached $3.2 billion in FY24.",
        "The finance minister, in his budget speech, said IT exports reached $3.2 billion in FY24.",
        "The minister told the National Assembly's budget session that IT exports reached $3.2 billion in FY24.",
        # Urdu: "addressing the budget session, the minister said that ..."
        "بجٹ اجلاس سے خطاب کرتے ہوئے وزیر نے کہا کہ آئی ٹی برآمدات گزشتہ مالی سال 3 ارب 20 کروڑ ڈالر رہیں۔",
    ],
)
def test_who_said_a_figure_and_where_says_nothing_of_what_it_counts(text):
    assert named_only(facts(text, "2024-08-10")) == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}


def test_words_of_the_figure_itself_still_make_it_no_series_figure():
    # a tax, a loss, a part named in the figure's own words (after an opening circumstance too)
    assert named_only(facts("Despite the relief, freelancers paid $30 million in taxes in May.", "2025-06-10")) == set()
    assert named_only(facts("Computer services, which account for the bulk of IT exports, fetched $266 million in May.", "2025-06-10")) == set()
    assert named_only(facts("After tax, freelancers took home $300 million in FY25.", "2025-08-10")) == set()
    assert named_only(facts("The FBR said tax paid by freelancers rose to $30 million in FY24.", "2024-08-10")) == set()
    # "according to the FBR, freelancers paid $30 million in tax last fiscal year"
    assert named_only(facts("ایف بی آر کے مطابق فری لانسرز نے گزشتہ مالی سال 3 کروڑ ڈالر ٹیکس ادا کیا۔", "2024-08-10")) == set()

def test_a_month_on_month_rate_before_what_the_month_before_had_posted_is_the_next_months():
    text = "On a month-on-month basis, however, ICT exports declined 4.2 percent, as the sector had posted exports of $231 million in September 2021."
    assert named_only(facts(text, "2021-11-17")) == {("it_exports_monthly", "2021-10", -4.2, "percent"), ("it_exports_monthly", "2021-09", 231, "USD_million")}
    # a month-on-month rate in the month it names stays that month's
    text = "ICT exports declined 4.2 percent month-on-month in October 2021 to $221 million."
    assert ("it_exports_monthly", "2021-10", -4.2, "percent") in facts(text, "2021-11-17")

def test_an_improvement_over_a_base_is_the_rise_of_the_period_compared():
    text = "IT exports earned $2.1 billion in July-March, a 24.5% improvement over the $1.687 billion of 9MFY21."
    assert named_only(facts(text, "2022-04-20")) == {
        ("it_exports_cumulative", "FY2021-22:Jul-Mar", 2100, "USD_million"),
        ("it_exports_cumulative", "FY2021-22:Jul-Mar", 24.5, "percent"),
        ("it_exports_cumulative", "FY2020-21:Jul-Mar", 1687, "USD_million"),
    }


def test_a_quarters_total_and_an_ordinal_said_alone_after_a_quarter():
    # "the third quarter's total": the quarter, not the month named before it
    text = "ICT exports were $251 million in March, which makes the third quarter's total $694 million."
    assert ("it_exports_cumulative", "FY2021-22:Q3", 694, "USD_million") in facts(text, "2022-04-20")
    # "... and $625 million in the first": the first quarter of the same year
    text = "ICT exports were $694 million in the third quarter, against $706 million in the second quarter and $625 million in the first."
    assert named_only(facts(text, "2022-04-20")) == {
        ("it_exports_cumulative", "FY2021-22:Q3", 694, "USD_million"),
        ("it_exports_cumulative", "FY2021-22:Q2", 706, "USD_million"),
        ("it_exports_cumulative", "FY2021-22:Q1", 625, "USD_million"),
    }
    text = "IT exports were $1.45 billion in the second half of the fiscal year, against $1.25 billion in the first."
    assert ("it_exports_cumulative", "FY2020-21:H1", 1250, "USD_million") in facts(text, "2022-04-20")

def test_a_breakdown_someone_gives_of_registered_vpns_is_parts():
    text = "The PTA chairman said that of the registered VPNs, 15,100 belonged to IT companies, 3,240 to individual freelancers and 1,900 to banks."
    assert named_only(facts(text, "2022-03-09")) == set()
    # the total itself is kept
    assert named_only(facts("The PTA chairman said 21,460 VPNs have been registered so far.", "2022-03-09")) == {("vpn_registrations", "", 21460, "count")}


def test_one_figure_in_two_months_joined_by_and_is_of_both():
    # "in January and February": the two months' registrations, of no one month (and no fiscal span)
    assert named_only(facts("He said 1,310 VPNs had been registered in January and February this year alone.", "2022-03-09")) == set()
    assert ("it_exports_cumulative", "FY2021-22:Jul-Aug", 683, "USD_million") in facts("IT exports were $683 million in July and August.", "2021-09-20")
    # a month named with its own figure after two months joined by "and" stays that month's
    assert ("it_exports_monthly", "2022-02", 230, "USD_million") in facts("IT exports rose in January and February, reaching $230 million in February.", "2022-03-20")

def test_a_provinces_firms_said_as_based_there_and_the_countrys_total_beside_them():
    text = "Punjab-based companies and freelancers had exported services worth $752m in July-December, or 56pc of the national total of $1.34bn reported by the State Bank."
    assert named_only(facts(text, "2022-02-10")) == {("it_exports_cumulative", "FY2021-22:H1", 1340, "USD_million")}
    text = "IT firms and freelancers based in Punjab exported services worth $752 million in July-December, accounting for 56 percent of the country's total IT exports of $1.34 billion."
    assert named_only(facts(text, "2022-02-10")) == {("it_exports_cumulative", "FY2021-22:H1", 1340, "USD_million")}
    assert named_only(facts("IT exports from Punjab were $752 million in July-December.", "2022-02-10")) == set()
    # a city's contribution, put at a figure
    text = "The board said IT exports were $1.34 billion in July-December. It put Lahore's contribution at $590 million."
    assert named_only(facts(text, "2022-02-10")) == {("it_exports_cumulative", "FY2021-22:H1", 1340, "USD_million")}

def test_the_end_of_a_fiscal_year_and_a_length_of_time_are_no_counts():
    # "the PTA registered 7,960 VPNs in the first ten months of fiscal year 2021-22": not 22 VPNs
    text = "پی ٹی اے نے رواں مالی سال 2021-22 کے پہلے دس ماہ (جولائی تا اپریل) کے دوران 7960 وی پی اینز رجسٹر کیے ہیں"
    assert named_only(facts(text, "2022-05-10")) == {("vpn_registrations", "FY2021-22:Jul-Apr", 7960, "count")}
    # "a VPN registration is processed in 24 to 48 hours"
    assert named_only(facts("پی ٹی اے کے مطابق وی پی این کی رجسٹریشن کی درخواست پر عموماً 24 سے 48 گھنٹوں میں کارروائی مکمل ہو جاتی ہے۔", "2022-05-10")) == set()
    assert named_only(facts("The PTA processes VPN registrations within 24 to 48 hours.", "2022-05-10")) == set()


def test_urdu_a_place_out_of_a_total_and_a_move_of_places():
    # "we are 61st of 64": a place, read whole
    assert named_only(facts("ڈیجیٹل ٹیلنٹ کی درجہ بندی میں آئی ٹی کے لحاظ سے پاکستان 64 میں سے 61ویں نمبر پر ہے۔", "2022-05-10")) == {("ranking", "", 61, "rank")}
    # "Pakistan up five places, to 47th": the move is no place
    text = "فری لانسنگ کی عالمی درجہ بندی میں پاکستان 5 درجے ترقی کے بعد 47ویں نمبر پر آ گیا"
    assert named_only(facts(text, "2022-05-10")) == {("ranking", "", 47, "rank")}


def test_urdu_a_rate_after_and_with_a_base_of_its_own_is_measured_against_it():
    # "IT exports were $226m in November, 22.8 percent more year-on-year and 3.7 percent more than October's $218m"
    text = "نومبر میں آئی ٹی برآمدات 22 کروڑ 60 لاکھ ڈالر رہیں جو سالانہ بنیاد پر 22.8 فیصد اور اکتوبر کے 21 کروڑ 80 لاکھ ڈالر کے مقابلے میں 3.7 فیصد زیادہ ہیں۔"
    assert rates(text, "2021-12-15") == {22.8: "yoy", 3.7: "mom"}

def test_urdu_what_a_target_still_needs_is_no_level():
    # "the remaining $1.65bn needs about $410m of exports each month from March to June"
    text = "ہدف تک پہنچنے کے لیے بقیہ ایک ارب 65 کروڑ ڈالر کے لیے مارچ سے جون تک ہر ماہ تقریباً 41 کروڑ ڈالر کی برآمدات چاہئیں۔"
    assert named_only(facts(text, "2022-03-20")) == set()
    # "... are needed each month, which is 40 percent more than the best month so far"
    text = "اس ہدف کے لیے ہر ماہ اوسطاً 38 کروڑ ڈالر کی آئی ٹی برآمدات درکار ہوں گی، جو اب تک کی بلند ترین ماہانہ سطح سے بھی 40 فیصد زیادہ ہے۔"
    assert named_only(facts(text, "2022-02-20")) == set()
    # "... should be welcomed" says nothing of a target: the year's exports stay
    text = "گزشتہ مالی سال میں آئی ٹی برآمدات کا 3 ارب 20 کروڑ ڈالر تک پہنچنا ایک ایسی خبر ہے جس کا خیر مقدم کیا جانا چاہیے۔"
    assert named_only(facts(text, "2024-08-10")) == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}


def test_urdu_a_target_as_a_base_and_a_psychological_threshold():
    # "IT exports will be about $2.6bn this year against the $3.5bn target"
    text = "انہوں نے کہا کہ رواں مالی سال آئی ٹی برآمدات ساڑھے 3 ارب ڈالر کے ہدف کے مقابلے میں 2 ارب 60 کروڑ ڈالر کے لگ بھگ رہیں گی۔"
    assert named_only(facts(text, "2022-05-25")) == set()
    # "exports crossed the psychological $1bn barrier to reach $1.08bn"
    text = "رواں مالی سال کے ابتدائی پانچ ماہ کے دوران آئی ٹی برآمدات ایک ارب ڈالر کی نفسیاتی حد عبور کرتے ہوئے ایک ارب 8 کروڑ ڈالر تک پہنچ گئیں۔"
    assert named_only(facts(text, "2021-12-15")) == {("it_exports_cumulative", "FY2021-22:Jul-Nov", 1080, "USD_million")}
    # "the historic level of $3.22bn" is the level reached
    text = "مالی سال 2023-24 میں آئی ٹی برآمدات 3.22 ارب ڈالر کی تاریخی سطح پر پہنچ گئیں"
    assert named_only(facts(text, "2024-07-20")) == {("it_exports_annual", "FY2023-24", 3220, "USD_million")}

def test_urdu_a_share_proposed_and_the_rise_of_a_count_of_companies_are_no_export_rates():
    # after the exports of ten months, "the ministry has recommended raising the export retention
    # limit from 35 to 50 percent"
    text = (
        "رواں مالی سال کے دس ماہ میں آئی ٹی برآمدات 2 ارب 20 کروڑ ڈالر رہیں۔ "
        "سیکریٹری آئی ٹی نے بتایا کہ وزارت نے ایکسپورٹ ریٹینشن کی حد 35 سے بڑھا کر 50 فیصد کرنے کی سفارش اسٹیٹ بینک کو بھیج دی ہے۔"
    )
    assert named_only(facts(text, "2022-05-25")) == {("it_exports_cumulative", "FY2021-22:Jul-Apr", 2200, "USD_million")}
    # "... it should be made at least 60 percent"
    text = (
        "رواں مالی سال کے پانچ ماہ میں آئی ٹی برآمدات ایک ارب 8 کروڑ ڈالر رہیں۔ "
        "ان کا کہنا تھا کہ برآمدی آمدن کا صرف 35 فیصد اکاؤنٹ میں رکھنے کی اجازت ناکافی ہے، اسے کم از کم 60 فیصد کیا جانا چاہیے۔"
    )
    assert named_only(facts(text, "2021-12-20")) == {("it_exports_cumulative", "FY2021-22:Jul-Nov", 1080, "USD_million")}
    # "the Pakistan Software Export Board registered 1,230 IT companies in July-December, 41
    # percent more than the 872 companies of the same period last year"
    text = (
        "پاکستان سافٹ ویئر ایکسپورٹ بورڈ (پی ایس ای بی) نے رواں مالی سال 2021-22 کی پہلی ششماہی (جولائی تا دسمبر) کے دوران 1230 نئی آئی ٹی و آئی ٹی "
        "سے متعلقہ خدمات فراہم کرنے والی کمپنیوں کو رجسٹر کیا جو گزشتہ مالی سال کے اسی عرصے میں رجسٹر ہونے والی 872 کمپنیوں کے مقابلے میں 41 فیصد زیادہ ہیں۔"
    )
    assert named_only(facts(text, "2022-01-25")) == set()


def test_urdu_a_month_the_figure_fell_from_is_its_base():
    # "in January, exports fell markedly from December's record level to $211 million"
    text = "جنوری میں آئی ٹی برآمدات دسمبر کی ریکارڈ سطح سے نمایاں طور پر کم ہو کر 21 کروڑ 10 لاکھ ڈالر رہ گئیں۔"
    assert named_only(facts(text, "2022-02-18")) == {("it_exports_monthly", "2022-01", 211, "USD_million")}

@pytest.mark.parametrize(
    "text",
    [
        "IT exports are growing at over 25 percent despite all the challenges, the minister said.",
        "IT exports have been growing at over 30 percent this year, and the industry wants a higher retention limit.",
        "The IT sector is the only sector that has consistently delivered export growth of more than 20 percent.",
    ],
)
def test_a_rate_said_as_a_pace_or_a_habit_is_no_periods_growth(text):
    assert named_only(facts(text, "2022-06-12")) == set()


def test_a_rate_of_a_named_period_stays_with_a_pace_elsewhere():
    assert ("it_exports_cumulative", "FY2021-22:Jul-Apr", 26, "percent") in facts("IT exports grew 26 percent in July-April.", "2022-06-12")

def test_urdu_a_revised_figure_supersedes_the_one_it_replaced():
    # "SBP raised its preliminary estimate of December 2021's exports from $264m to $271m"
    text = "اسٹیٹ بینک نے دسمبر 2021 کی آئی ٹی برآمدات کا ابتدائی تخمینہ 264 ملین ڈالر سے بڑھا کر 271 ملین ڈالر کر دیا ہے۔"
    assert named_only(facts(text, "2022-02-18")) == {("it_exports_monthly", "2021-12", 271, "USD_million")}
    # "... showed this month's exports at $271m instead of $264m"
    text = "مرکزی بینک نے دسمبر کی آئی ٹی برآمدات پر نظرثانی کرتے ہوئے اس ماہ کی برآمدات 26 کروڑ 40 لاکھ ڈالر کے بجائے 27 کروڑ 10 لاکھ ڈالر ظاہر کی ہیں۔"
    assert named_only(facts(text, "2022-02-18")) == {("it_exports_monthly", "2021-12", 271, "USD_million")}
    # "rose from $264m to $271m" is a rise from a base: both months' figures stay
    text = "دسمبر میں آئی ٹی برآمدات نومبر کے 264 ملین ڈالر سے بڑھ کر 271 ملین ڈالر ہو گئیں۔"
    assert named_only(facts(text, "2022-01-18")) >= {("it_exports_monthly", "2021-12", 271, "USD_million"), ("it_exports_monthly", "2021-11", 264, "USD_million")}


def test_urdu_a_count_the_government_wants_registered_is_a_wish():
    # "the government's effort is that at least 100,000 freelancers be registered with the board in two years"
    text = "سیکریٹری آئی ٹی نے کہا کہ حکومت کی کوشش ہے کہ آئندہ دو برسوں میں کم از کم ایک لاکھ فری لانسرز کو بورڈ کے ساتھ رجسٹر کیا جائے۔"
    assert named_only(facts(text, "2022-02-01")) == set()

def test_a_rate_of_a_part_of_ict_exports_is_the_parts():
    # after the month's ICT exports, "computer services exports were $201m in March, 13.4 percent
    # less than the $232m of exports of March 2022"
    text = (
        "مارچ میں آئی سی ٹی برآمدات 12.8 فیصد کمی سے 25 کروڑ 80 لاکھ ڈالر رہیں۔ "
        "اعداد و شمار کے مطابق مارچ میں کمپیوٹر سروسز کی برآمدات 20 کروڑ 10 لاکھ ڈالر رہیں جو مارچ 2022 کی 23 کروڑ 20 لاکھ ڈالر کی برآمدات سے 13.4 فیصد کم ہیں۔"
    )
    assert named_only(facts(text, "2023-04-18")) == {("it_exports_monthly", "2023-03", -12.8, "percent"), ("it_exports_monthly", "2023-03", 258, "USD_million")}
    # the whole named as its three parts is the whole
    text = "On a year-on-year basis, telecommunication, computer and information services exports increased by 18 percent in September."
    assert ("it_exports_monthly", "2025-09", 18, "percent") in facts(text, "2025-10-20")

def test_pending_applications_and_a_corrected_figure_are_no_registrations():
    text = "He said 11 local VPN service providers had been licensed and another 2,210 registration applications were pending because of incomplete documents."
    assert named_only(facts(text, "2026-01-22")) == set()
    text = "Correction: An earlier version of this report stated that 6,920 VPNs had been registered with the PTA. The correct figure is 69,200."
    assert ("vpn_registrations", "", 6920, "count") not in facts(text, "2026-01-23")


def test_urdu_vpns_spelled_out_and_registered_by_every_kind_are_the_total():
    # "the PTA registered 2,340 virtual private networks of various companies, institutions and freelancers in February 2024"
    text = "پی ٹی اے نے فروری 2024 کے دوران مختلف کمپنیوں، اداروں اور فری لانسرز کے 2,340 ورچوئل پرائیویٹ نیٹ ورکس (وی پی این) رجسٹر کیے۔"
    assert named_only(facts(text, "2024-03-06")) == {("vpn_registrations", "2024-02", 2340, "count")}
    # one kind's are still a part
    assert named_only(facts("انفرادی فری لانسرز کے 12 ہزار 640 وی پی این رجسٹر ہیں۔", "2024-03-06")) == set()


def test_urdu_what_the_government_hopes_for_is_a_goal():
    # "IT exports were $2.83bn in July-March and the government hopes to exceed $3.8bn for the whole year"
    text = "انہوں نے کہا کہ آئی ٹی برآمدات رواں مالی سال جولائی تا مارچ 2 ارب 83 کروڑ ڈالر رہیں اور حکومت کو پورے سال میں 3 ارب 80 کروڑ ڈالر سے تجاوز کرنے کی امید ہے۔"
    assert named_only(facts(text, "2025-04-24")) == {("it_exports_cumulative", "FY2024-25:Jul-Mar", 2830, "USD_million")}

def test_a_title_figure_the_body_tells_as_one_platforms_is_the_platforms():
    title = "Pakistani Freelancers Earned $121.4 Million on Gigloop Last Year"
    text = (
        "Pakistan is the fourth-largest freelancer market on Gigloop, according to the platform's annual report.\n"
        "Pakistani freelancers earned $121.4 million on Gigloop between July 2022 and June 2023, up 30 percent."
    )
    assert not [f for f in named_only(facts(text, "2023-08-20", title)) if f[0].startswith("freelancer_")]

def test_urdu_a_periods_earnings_refer_to_the_series_before():
    # "our IT exports fell to $196m in a month ... The fiscal year's ten months' earnings are $2.176bn"
    text = (
        "ہماری آئی ٹی برآمدات ایک مہینے میں 19 کروڑ 60 لاکھ ڈالر پر آ گئیں۔ "
        "مالی سال کے دس مہینوں کی کمائی 2 ارب 17 کروڑ 60 لاکھ ڈالر ہے، جبکہ ہدف ساڑھے تین ارب ڈالر کا رکھا گیا تھا۔"
    )
    assert ("it_exports_cumulative", "FY2022-23:Jul-Apr", 2176, "USD_million") in facts(text, "2023-05-22")
    # an owner's earnings are the owner's: "mobile phone companies' revenue also rose 18 percent"
    text = "رواں مالی سال کے دو ماہ میں آئی ٹی برآمدات 65 کروڑ ڈالر رہیں۔ اسی دوران موبائل فون کمپنیوں کی آمدنی میں بھی 18 فیصد اضافہ ریکارڈ کیا گیا۔"
    assert not [f for f in named_only(facts(text, "2026-09-20")) if f[3] == "percent"]

def test_urdu_thus_they_rose_is_measured_against_the_month_before():
    # "ICT exports were $331m in September, thus in October they rose 5.1 percent"
    text = "ستمبر میں آئی سی ٹی برآمدات 33 کروڑ 10 لاکھ ڈالر تھیں، یوں اکتوبر میں ان میں 5.1 فیصد اضافہ ہوا۔"
    assert rates(text, "2024-11-18") == {5.1: "mom"}
    # ... and against the same month a year before
    text = "گزشتہ سال اکتوبر میں آئی سی ٹی برآمدات 26 کروڑ ڈالر تھیں، یوں اکتوبر میں ان میں 33 فیصد اضافہ ہوا۔"
    assert rates(text, "2024-11-18") == {33: "yoy"}

def test_a_second_rate_with_its_own_base_after_and_up():
    text = "Freelancers' receipts stood at $41.2 million in June 2024, 27 percent higher than a year ago and up 6 percent from May."
    assert rates(text, "2024-07-20") == {27: "yoy", 6: "mom"}


def test_a_province_as_a_whole_and_an_urdu_rise_of_registrations_and_plan():
    text = "The minister said the province as a whole had contributed $861 million, or 33 percent, of the national IT exports in FY23."
    assert not [f for f in named_only(facts(text, "2023-08-20")) if f[3] == "USD_million"]
    # "IT companies' registration with the board rose 20 percent last fiscal year"
    text = "پاکستان سافٹ ویئر ایکسپورٹ بورڈ کے ساتھ آئی ٹی کمپنیوں کی رجسٹریشن میں گزشتہ مالی سال 20 فیصد اضافہ ہوا۔"
    assert named_only(facts(text, "2023-08-08")) == set()
    # "the IT exports target set at $4.5bn this fiscal year, a plan of $10bn by 2029"
    text = "رواں مالی سال آئی ٹی برآمدات کا ہدف 4 ارب 50 کروڑ ڈالر مقرر، 2029 تک 10 ارب ڈالر کا منصوبہ"
    assert named_only(facts("", "2025-07-10", text)) == set()

def test_the_slowest_growth_in_eleven_months_names_no_span():
    text = "IT exports fell to $299 million in May 2026. On a year-on-year basis, exports were up 8.1 percent from $277 million in May 2025, the slowest annual growth in eleven months."
    assert rates(text, "2026-06-17") == {8.1: "yoy"}
    assert ("it_exports_monthly", "2026-05", 8.1, "percent") in facts(text, "2026-06-17")
    # eleven months of the fiscal year are still a span
    assert ("it_exports_cumulative", "FY2025-26:Jul-May", 14.6, "percent") in facts("IT exports grew 14.6 percent in eleven months to $3.9 billion.", "2026-06-17")

def test_a_rate_names_its_subject_after_its_growth():
    text = "Remittances sent home by individual freelancers rose 31.5 percent to $401 million in FY24, outpacing the 23 percent growth in the country's overall IT exports."
    got = named_only(facts(text, "2024-07-20"))
    assert ("it_exports_annual", "FY2023-24", 23, "percent") in got and ("freelancer_earnings", "FY2023-24", 31.5, "percent") in got

def test_the_months_of_this_one_after_last_fiscal_year_are_this_years():
    text = "Pakistan's IT exports, by comparison, were $3.2 billion last fiscal year and $2.25 billion in the first seven months of this one."
    assert named_only(facts(text, "2025-02-20")) == {("it_exports_annual", "FY2023-24", 3200, "USD_million"), ("it_exports_cumulative", "FY2024-25:Jul-Jan", 2250, "USD_million")}

def test_the_rise_of_registrations_is_no_rise_of_earnings():
    got = named_only(facts("", "2024-02-10", "Freelancers' Earnings Grow 13.9% in H1FY24, PSEB Registrations Up 48.2%"))
    assert got == {("freelancer_earnings", "FY2023-24:H1", 13.9, "percent")}


def test_urdu_an_amount_more_with_its_rate_is_a_difference():
    # "IT exports reached $1.19bn in four months, which is $240m, i.e. 25 percent, more than the same period last year"
    text = "رواں مالی سال کے پہلے چار ماہ میں آئی ٹی برآمدات ایک ارب 19 کروڑ ڈالر رہیں، جو گزشتہ مالی سال کے اسی عرصے کے مقابلے میں 24 کروڑ ڈالر یعنی 25 فیصد زیادہ ہیں۔"
    assert named_only(facts(text, "2024-11-18")) == {("it_exports_cumulative", "FY2024-25:Jul-Oct", 1190, "USD_million"), ("it_exports_cumulative", "FY2024-25:Jul-Oct", 25, "percent")}


def test_urdu_an_estimate_by_someone_is_no_series_figure():
    # "by their estimate freelancers' real yearly income is close to a billion dollars"
    text = "فری لانسرز ایسوسی ایشن کے صدر نے کہا کہ ان کے اندازے کے مطابق فری لانسرز کی حقیقی سالانہ آمدن ایک ارب ڈالر کے قریب ہے۔"
    assert named_only(facts(text, "2025-10-20")) == set()


def test_urdu_thus_they_rose_is_the_rise_of_the_amounts_before():
    # "... freelancers' remittances were $138m in the first quarter, against $117m a year before. Thus they rose 18 percent."
    text = "وزارت کے مطابق رواں مالی سال کی پہلی سہ ماہی میں فری لانسرز کی ترسیلات 13 کروڑ 80 لاکھ ڈالر رہیں جبکہ گزشتہ سال اسی عرصے میں یہ 11 کروڑ 70 لاکھ ڈالر تھیں۔ یوں ان میں 18 فیصد اضافہ ہوا۔"
    assert ("freelancer_earnings", "FY2025-26:Q1", 18, "percent") in facts(text, "2025-10-15")


def test_the_half_or_quarter_beside_the_month_closing_it_is_that_span():
    # "IT exports a record $399m in December, 18.5 percent up in the half-year"
    title = "دسمبر میں آئی ٹی برآمدات ریکارڈ 39 کروڑ 90 لاکھ ڈالر، ششماہی میں 18.5 فیصد اضافہ"
    assert named_only(facts("", "2026-01-18", title)) == {("it_exports_monthly", "2025-12", 399, "USD_million"), ("it_exports_cumulative", "FY2025-26:H1", 18.5, "percent")}
    text = "IT exports were $330 million in September, while during the quarter they rose 12 percent."
    assert ("it_exports_cumulative", "FY2025-26:Q1", 12, "percent") in facts(text, "2025-10-18")
    # a month that closes no half leaves the rate where it was
    assert ("it_exports_cumulative", "FY2025-26:H1", 18.5, "percent") not in facts("", "2025-12-18", title.replace("دسمبر", "نومبر"))


def test_a_year_as_a_whole_when_is_that_years():
    text = "Freelancers received $22.9 million in July 2022. The growth in July was slower than the 21 percent increase recorded for FY22 as a whole, when freelancers brought home $259 million."
    got = named_only(facts(text, "2022-08-20"))
    assert ("freelancer_earnings", "FY2021-22", 259, "USD_million") in got and ("freelancer_earnings", "2022-07", 259, "USD_million") not in got


def test_urdu_that_month_after_a_month_named_in_the_sentence_is_that_month():
    # "April's exports alone were $232m, while after March's figures were revised that month's exports became $262m"
    text = "جولائی سے اپریل تک آئی ٹی برآمدات 2 ارب 27 کروڑ 60 لاکھ ڈالر رہیں۔ صرف اپریل میں برآمدات 23 کروڑ 20 لاکھ ڈالر رہیں جبکہ مارچ کے اعداد و شمار پر نظرثانی کے بعد اس ماہ کی برآمدات 26 کروڑ 20 لاکھ ڈالر ہو گئی ہیں۔"
    got = named_only(facts(text, "2022-05-18"))
    assert ("it_exports_monthly", "2022-04", 232, "USD_million") in got and ("it_exports_monthly", "2022-03", 262, "USD_million") in got


def test_the_rate_two_amounts_show_is_of_their_series():
    text = "The tax authority collected Rs842 million in income tax on the export proceeds of IT services during the first quarter of 2023-24, against Rs597 million in the same period last year, showing an increase of 41 percent."
    assert named_only(facts(text, "2023-10-20")) == set()
    text = "IT exports stood at $726 million in the first quarter of 2023-24, against $649 million in the same period last year, showing an increase of 12 percent."
    assert ("it_exports_cumulative", "FY2023-24:Q1", 12, "percent") in facts(text, "2023-10-20")


def test_urdu_a_percentage_someone_set_from_one_level_to_another_is_no_growth():
    # "the central bank raised the share of export proceeds they may keep in foreign currency from 35 to 50 percent"
    text = "مرکزی بینک نے فری لانسرز اور آئی ٹی خدمات برآمد کرنے والی کمپنیوں کے لیے برآمدی آمدنی کا وہ حصہ جو وہ فارن کرنسی میں رکھ سکتے ہیں، 35 فیصد سے بڑھا کر 50 فیصد کر دیا ہے۔"
    assert named_only(facts(text, "2022-10-20")) == set()


def test_a_place_where_a_figure_grew_owns_it():
    text = "Freelancers' earnings rose 47 percent over the year, while the fastest growth was seen in Peshawar, where freelancers' earnings rose 61 percent."
    assert [f for f in named_only(facts(text, "2024-09-12")) if f[2] == 61] == []
    # "... while within the country the fastest growth was seen in Peshawar, where freelancers' earnings rose 61 percent"
    text = "پاکستانی فری لانسرز کی آمدنی میں ایک سال کے دوران 47 فیصد اضافہ ہوا ہے، جبکہ ملک کے اندر سب سے تیز رفتار ترقی پشاور میں دیکھی گئی جہاں فری لانسرز کی آمدنی 61 فیصد بڑھی۔"
    got = named_only(facts(text, "2024-09-12"))
    assert [f for f in got if f[2] == 61] == [] and [f for f in got if f[2] == 47]


def test_urdu_the_parts_a_total_includes_are_parts():
    # "computer services exports were $1.582bn, which include software consultancy's $624m and other software services' $497m"
    text = "جولائی تا مارچ کمپیوٹر سروسز کی برآمدات 1 ارب 58 کروڑ 20 لاکھ ڈالر رہیں، جن میں سافٹ ویئر کنسلٹنسی سروسز کی برآمدات 62 کروڑ 40 لاکھ ڈالر اور کمپیوٹر سافٹ ویئر سے متعلق دیگر خدمات کی برآمدات 49 کروڑ 70 لاکھ ڈالر شامل ہیں۔"
    assert named_only(facts(text, "2023-04-18")) == set()


def test_urdu_the_total_exports_of_a_span_after_it_exports_month_are_theirs():
    # "ICT exports fell 7 percent to $229m in February 2023. In the first eight months the total exports were $1.702bn, about one percent lower"
    text = "فروری 2023 میں آئی سی ٹی خدمات کی برآمدات سالانہ بنیاد پر 7 فیصد کمی سے 22 کروڑ 90 لاکھ ڈالر رہیں۔ رواں مالی سال کے پہلے آٹھ ماہ میں مجموعی برآمدات 1 ارب 70 کروڑ 20 لاکھ ڈالر رہیں جو گزشتہ سال کے اسی عرصے سے تقریباً ایک فیصد کم ہیں۔"
    got = named_only(facts(text, "2023-03-20"))
    assert ("it_exports_cumulative", "FY2022-23:Jul-Feb", 1702, "USD_million") in got and ("it_exports_cumulative", "FY2022-23:Jul-Feb", -1, "percent") in got
    # the country's total exports stay nobody's we watch
    text = "فروری میں آئی ٹی برآمدات 22 کروڑ 90 لاکھ ڈالر رہیں۔ رواں مالی سال کے پہلے آٹھ ماہ میں ملک کی مجموعی برآمدات 18 ارب ڈالر رہیں۔"
    assert named_only(facts(text, "2023-03-20")) == {("it_exports_monthly", "2023-02", 229, "USD_million")}


def test_on_course_for_roughly_is_a_projection():
    text = "IT exports rose to $689 million in the first quarter. At the current pace, the sector is on course for roughly $2.8 billion."
    assert named_only(facts(text, "2022-10-18")) == {("it_exports_cumulative", "FY2022-23:Q1", 689, "USD_million")}


def test_a_years_rise_over_the_previous_year_stays_that_years_after_another_year():
    text = "The sector would need about $312 million a month for the rest of FY23. Pakistan's ICT exports stood at $2.61 billion in FY22, up 26% over the previous year."
    got = named_only(facts(text, "2022-10-18"))
    assert ("it_exports_annual", "FY2021-22", 26, "percent") in got and ("it_exports_annual", "FY2022-23", 26, "percent") not in got
    # (a rate given the base's year still takes the year the sentence reports: "last fiscal year
    # freelancers sent $486m, 39 percent more than the $350m of the year before that")
    text = "مالی سال 2024-25 کے دوران 21 ہزار 640 نئے فری لانسرز نے بورڈ کے ساتھ رجسٹریشن کرائی۔ گزشتہ مالی سال کے دوران فری لانسرز نے 48 کروڑ 60 لاکھ ڈالر کا زرمبادلہ بینکاری ذرائع سے ملک بھیجا، جو اس سے پچھلے سال کے 35 کروڑ ڈالر کے مقابلے میں 39 فیصد زیادہ ہے۔"
    assert ("freelancer_earnings", "FY2024-25", 39, "percent") in facts(text, "2025-08-05")


def test_a_figure_first_reported_and_since_revised_is_superseded():
    # "had initially reported ... at": what was first put out, named a sentence after the revision
    got = facts(
        "ICT exports rose to $352 million in December. On a month-on-month basis, exports grew 4% from a revised $338m in November. "
        "The central bank had initially reported November's ICT exports at $333m.",
        "2025-01-17",
    )
    assert ("it_exports_monthly", "2024-11", 338, "USD_million") in got
    assert not any(f[2] == 333 and f[0] != "other" for f in got)
    # "revised its figure for November upward to ... from the ... it had reported last month":
    # the figure of the subject before, revised; and the total that follows is still of it
    got = facts(
        "ICT exports grew 28% to $352 million in December. The central bank also revised its figure for November upward to $338 million "
        "from the $333 million it had reported last month. With the revision, exports in the first half (July-December) of FY25 "
        "totalled $1.9 billion.",
        "2025-01-17",
    )
    assert ("it_exports_monthly", "2024-11", 338, "USD_million") in got
    assert ("it_exports_cumulative", "FY2024-25:H1", 1900, "USD_million") in got
    assert not any(f[2] == 333 and f[0] != "other" for f in got)
    # "revised the November figure upward from $333 million reported last month"
    got = facts("ICT exports reached $352 million in December. The SBP has revised the November figure upward from $333 million reported last month.", "2025-01-17")
    assert not any(f[2] == 333 and f[0] != "other" for f in got)
    # Urdu: "in the preliminary figures released last month this sum was given as 348 million dollars"
    got = facts(
        "جنوری کی آئی ٹی برآمدات اب 351 ملین ڈالر ظاہر کی گئی ہیں، پچھلے ماہ جاری ابتدائی اعداد و شمار میں یہ رقم 348 ملین ڈالر بتائی گئی تھی۔",
        "2025-03-18",
    )
    assert ("it_exports_monthly", "2025-01", 351, "USD_million") in got
    assert not any(f[2] == 348 and f[0] != "other" for f in got)


def test_urdu_month_a_year_before_is_last_years():
    # "ICT exports were 338 million dollars in June 2025, while in June a year before their volume was 298 million dollars"
    got = facts("جون 2025 میں آئی ٹی برآمدات 338 ملین ڈالر رہیں جبکہ ایک سال پہلے جون میں ان کا حجم 298 ملین ڈالر تھا۔", "2025-07-22")
    assert ("it_exports_monthly", "2025-06", 338, "USD_million") in got
    assert ("it_exports_monthly", "2024-06", 298, "USD_million") in got


def test_the_country_heading_a_table_is_not_ranked_for_pakistan():
    got = facts(
        "Pakistan ranked 98th in the Speedtest Global Index for mobile internet speeds. "
        "The UAE topped the mobile rankings, while Singapore remained first for fixed broadband.",
        "2025-03-18",
    )
    assert got == {("ranking", "", 98, "rank")}


def test_a_month_ranked_among_the_fiscal_years_months_is_that_months():
    # "the highest monthly figure so far in FY25" ranks October among the year's months: it is
    # no running total; and a ", with ..." clause tells the month the sentence names before it
    text = (
        "Pakistan's IT sector posted another strong month in October, with exports climbing to $330 million, "
        "the highest monthly figure recorded so far in FY25."
    )
    assert facts(text, "2024-11-18") == {("it_exports_monthly", "2024-10", 330, "USD_million")}
    assert facts("IT exports hit $348 million in November, the best month of the current fiscal year.", "2024-12-18") == {
        ("it_exports_monthly", "2024-11", 348, "USD_million")
    }


def test_a_round_amount_approached_is_no_level():
    for text in ("IT exports crept towards $4 billion in FY25", "IT exports edged closer to $4 billion in FY25", "Tech exports near $4bn in FY25"):
        assert facts(text, "2025-08-12") == {("other", "FY2024-25", 4000, "USD_million")}, text
    # a figure given exactly is its value, whatever the verb
    assert facts("IT exports near $3.8 billion in FY25", "2025-08-12") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_a_part_that_is_the_bulk_of_exports_keeps_its_own_figure():
    month = "ICT exports in October 2024 were $330 million. "
    for text in (
        "Computer services accounted for the bulk of the exports, bringing in $271 million in October.",
        # what the part includes, said between, names no subject of its figure
        "Computer services, which include software development and export of freelance work, accounted for the bulk of the exports, bringing in $271 million in October.",
    ):
        assert facts(month + text, "2024-11-18") == {
            ("it_exports_monthly", "2024-10", 330, "USD_million"),
            ("other", "2024-10", 271, "USD_million"),
        }, text


def test_counts_in_words_with_thousand_or_lakh():
    # a state radio writes numbers in words
    assert facts("She said there is no ban on VPNs, and over twenty-five thousand VPNs have been registered with PTA.", "2025-01-10") == {
        ("vpn_registrations", "", 25000, "count")
    }
    assert facts("PTA said two lakh VPNs have been registered so far.", "2025-01-10") == {("vpn_registrations", "", 200000, "count")}
    assert facts("PTA said twenty-four thousand five hundred VPNs have been registered so far.", "2025-01-10") == {
        ("vpn_registrations", "", 24500, "count")
    }


def test_a_count_of_vpns_named_earlier_in_the_sentence():
    # "over 25,000 had been registered": the VPNs the sentence opens on
    assert facts("On VPNs, she said there was no ban, and over 25,000 had been registered with PTA.", "2025-01-10") == {
        ("vpn_registrations", "", 25000, "count")
    }


def test_a_level_held_for_a_while_is_no_periods_figure():
    got = facts("IT exports hit $3.8 billion in FY25. Monthly exports hovered around $350 million in the first months of FY26.", "2025-12-30")
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in got
    assert not any(f[2] == 350 and f[0] != "other" for f in got)
    # Urdu: "monthly exports stayed mostly around 35 crore dollars"
    got = facts("جولائی میں مالی سال 2025 کی آئی ٹی برآمدات 3 ارب 80 کروڑ ڈالر رہیں۔ اس کے بعد ماہانہ برآمدات زیادہ تر 35 کروڑ ڈالر کے آس پاس رہیں۔", "2025-12-30")
    assert not any(f[2] == 350 and f[0] != "other" for f in got)
    # "more than" (سے زیادہ) is no such level
    assert facts("پی ٹی اے کے مطابق اب تک 25 ہزار 600 سے زیادہ وی پی اینز رجسٹر ہو چکے ہیں جن میں زیادہ تر کمپنیوں کے ہیں۔", "2024-11-20") >= {
        ("vpn_registrations", "", 25600, "count")
    }


def test_a_range_of_amounts_is_no_count():
    # "$400-500 million": the currency said before the first number is the second's too
    assert facts("Industry estimates put freelancers' earnings through such channels at $400-500 million annually.", "2025-03-10") == set()
    assert facts("Freelancers' proceeds are typically around $25-35 million a month.", "2025-03-10") == set()
    # a range of counts stays two counts
    assert ("vpn_registrations", "2024-11", 25000, "count") in facts("Some 25,000-30,000 VPNs were registered in November, PTA said.", "2025-03-10")


def test_a_count_of_many_countries_people_is_not_pakistans():
    assert facts("The index is based on the earnings of more than 4 million freelancers in 160 countries on the platform.", "2025-06-10") == set()
    # Pakistan's own count, the world named only to rank it, stays
    assert ("freelancer_count", "", 2370000, "count") in facts("Pakistan has 2.37 million freelancers, the fourth largest in the world.", "2025-06-10")


def test_shares_in_a_list_and_shares_of_people_who_said_so_are_no_growth():
    got = facts(
        "Software development made up 34 percent of Pakistani freelancers' earnings in FY25, followed by graphic design at 18 percent and digital marketing at 14 percent.",
        "2025-08-10",
    )
    assert {f[0] for f in got if f[3] == "percent"} == {"other"}
    # "41 percent said their income had fallen": a share of those asked, not a fall of 41 percent
    got = extract_facts("", "A survey of 1,140 freelancers found that 41 percent said their monthly income had fallen since February.", "2025-06-10")
    assert all(f.series == "other" and f.value > 0 for f in got if f.unit == "percent")


def test_one_companys_export_revenue_is_not_the_countrys():
    # a listed firm's half-year: its rate is no figure of IT exports (the amount is in rupees)
    got = facts("Systems Limited, the country's largest listed IT company, reported export revenue of Rs18.7 billion for January-June 2024, up 21 percent year-on-year.", "2024-09-03")
    assert not any(f[0].startswith("it_exports") for f in got)
    assert not any(f[0].startswith("it_exports") for f in facts("NetSol, a listed IT firm, said its export revenue rose 21 percent to $70 million in the first quarter.", "2024-10-20"))
    assert not any(f[0].startswith("it_exports") for f in facts("The company's IT exports rose 21 percent in the first quarter.", "2024-10-20"))
    # Urdu: "a private software company's export income ... 11 percent more than last year"
    got = facts("نجی سافٹ ویئر کمپنی ڈیجی ٹیک سلوشنز کی برآمدی آمدن جولائی تا ستمبر کی سہ ماہی میں 5 کروڑ 20 لاکھ ڈالر رہی جو گزشتہ سال کے مقابلے میں 11 فیصد زیادہ ہے۔", "2024-10-25")
    assert not any(f[0].startswith("it_exports") for f in got)
    # the country's figure after a firm's, or a firm that reports the country's, stays
    assert ("it_exports_cumulative", "FY2024-25:Q1", 21, "percent") in facts("Systems Ltd reported export revenue of Rs18bn, while the country's IT exports rose 21 percent in the first quarter.", "2024-10-20")
    assert ("it_exports_cumulative", "FY2024-25:Q1", 21, "percent") in facts("Topline, a brokerage firm, reported that IT exports rose 21 percent in the first quarter.", "2024-10-20")
    assert ("it_exports_monthly", "2024-07", 298, "USD_million") in facts("IT companies and freelancers exported services worth $298 million in July, up 21 percent.", "2024-08-20")
    # "firm" as in steady is no company
    assert ("it_exports_monthly", "2025-07", 20, "percent") in facts("Demand for IT services remained firm, and its exports rose 20 percent in July.", "2025-08-20")


def test_an_urdu_clause_after_a_compound_verb_and_aur_holds_no_base_of_the_one_before():
    # "..., which rose to $2.584bn in FY2021-22 (ہو گئیں), and thus (اور یوں) a 24.8% rise over
    # last year": the base of "گزشتہ سال کے مقابلے میں" never reaches back over the verb
    got = facts(
        "قومی اسمبلی کو بتایا گیا ہے کہ مالی سال 2020-21 میں ملک کی آئی ٹی اور آئی ٹی سے متعلقہ خدمات کی برآمدات 2 ارب 7 کروڑ ڈالر رہیں، جو مالی سال 2021-22 میں بڑھ کر 2 ارب 58 کروڑ 40 لاکھ ڈالر ہو گئیں اور یوں گزشتہ سال کے مقابلے میں 24.8 فیصد اضافہ ہوا۔",
        "2023-03-15",
    )
    assert got >= {("it_exports_annual", "FY2020-21", 2070, "USD_million"), ("it_exports_annual", "FY2021-22", 2584, "USD_million"), ("it_exports_annual", "FY2021-22", 24.8, "percent")}
    assert not any(f[1] == "FY2019-20" for f in got)


def test_a_rate_against_what_the_clause_before_gave_takes_its_basis_from_that_month():
    # "in December 2024 IT exports were at a record $362m, compared with which (جس کے مقابلے میں)
    # January fell 8.6 percent": against the month before, month on month
    got = extract_facts("", "دسمبر 2024 میں آئی ٹی برآمدات 36 کروڑ 20 لاکھ ڈالر کی ریکارڈ سطح پر تھیں، جس کے مقابلے میں جنوری میں 8.6 فیصد کمی ہوئی۔", "2025-02-18")
    assert [(f.period, f.value, f.basis) for f in got if f.unit == "percent"] == [("2025-01", -8.6, "mom")]
    got = extract_facts("", "IT exports were $362 million in December 2024, against which January's fell 8.6 percent.", "2025-02-18")
    assert [(f.period, f.value, f.basis) for f in got if f.unit == "percent"] == [("2025-01", -8.6, "mom")]
    # against the same month a year before: year on year
    got = extract_facts("", "جنوری 2024 میں آئی ٹی برآمدات 30 کروڑ ڈالر تھیں، جس کے مقابلے میں جنوری 2025 میں 9 فیصد اضافہ ہوا۔", "2025-02-18")
    assert [(f.period, f.basis) for f in got if f.unit == "percent"] == [("2025-01", "yoy")]


def test_urdu_new_registrations_in_a_sentence_on_vpns_are_vpn_registrations():
    # "... while in February alone 3,900 new registrations (نئی رجسٹریشنز) were made"
    got = facts("پی ٹی اے کے مطابق ملک میں اب تک 52 ہزار سے زائد وی پی این رجسٹر کیے جا چکے ہیں جبکہ صرف فروری کے مہینے میں 3 ہزار 900 نئی رجسٹریشنز ہوئیں۔", "2025-03-10")
    assert got >= {("vpn_registrations", "", 52000, "count"), ("vpn_registrations", "2025-02", 3900, "count")}


def test_urdu_their_total_earnings_are_of_those_named_before():
    # "... while from July to February their total earnings (ان کی مجموعی آمدن) were $315m"
    got = facts("فروری 2025 میں فری لانسرز کی ترسیلات 4 کروڑ 10 لاکھ ڈالر رہیں جبکہ جولائی تا فروری ان کی مجموعی آمدن 31 کروڑ 50 لاکھ ڈالر رہی۔", "2025-03-14")
    assert ("freelancer_earnings", "FY2024-25:Jul-Feb", 315, "USD_million") in got


def test_urdu_earnings_of_those_who_received_training_are_a_programmes():
    # "51,000 young people have received freelancing training (تربیت حاصل کر چکے ہیں) through
    # e-Rozgaar and their total earnings passed $15m": the programme's graduates', not all freelancers'
    got = facts("ان کا کہنا تھا کہ ای روزگار کے ذریعے 51 ہزار نوجوان فری لانسنگ کی تربیت حاصل کر چکے ہیں اور ان کی مجموعی کمائی ڈیڑھ کروڑ ڈالر سے بڑھ گئی ہے۔", "2023-08-08")
    assert not any(f[0] == "freelancer_earnings" for f in got)


def test_a_headlines_place_with_its_verb_left_out_is_a_rank():
    assert ("ranking", "", 3, "rank") in facts("Pakistan third in global freelance revenue growth, says Payoneer index", "2025-09-09")
    assert ("ranking", "", 4, "rank") in facts("Pakistan 4th among fastest-growing freelance markets", "2025-09-09")
    assert not any(f[0] == "ranking" for f in facts("Pakistan first in region to launch freelance visa", "2025-09-09"))


def test_a_loans_tranche_is_not_the_subject_before_it():
    got = extract_facts(
        "",
        "According to the State Bank, freelancers brought in $412 million in FY22, up from $301 million the year before. "
        "These are not trivial sums for an economy that spends weeks negotiating a $1.1 billion tranche with the IMF.",
        "2022-09-14",
    )
    assert not any(f.value == 1100 and f.series != "other" for f in got)
    assert any(f.value == 412 and f.series == "freelancer_earnings" for f in got)


def test_a_rate_over_the_month_before_the_sentence_befores_month_is_that_months():
    # after a sentence on March 2025, "last March they were $267m, thus 28% up year on year,
    # while against February (فروری کے مقابلے میں) up 12 percent": March 2025's rise over February
    got = extract_facts(
        "",
        "مارچ 2025 میں آئی ٹی برآمدات ۳۴۲ ملین ڈالر رہیں۔ گزشتہ سال مارچ میں یہ برآمدات ۲۶۷ ملین ڈالر تھیں، یوں سالانہ بنیاد پر ۲۸ فیصد اضافہ ہوا جبکہ فروری کے مقابلے میں ۱۲ فیصد اضافہ ریکارڈ کیا گیا۔",
        "2025-04-17",
    )
    assert sorted((f.period, f.value, f.basis) for f in got if f.unit == "percent") == [("2025-03", 12, "mom"), ("2025-03", 28, "yoy")]


def test_a_small_sum_in_rupees_or_dollars_written_in_urdu_is_no_count():
    # "individual freelancers had to pay an annual fee of 1,000 rupees"; "the dollar was at 157 rupees"
    assert facts("اس سے قبل انفرادی فری لانسرز کو رجسٹریشن کے لیے 1,000 روپے سالانہ فیس ادا کرنا پڑتی تھی۔", "2025-01-20") == set()
    assert facts("اس سے قبل فری لانسرز کو ۱,۰۰۰ روپے سالانہ فیس ادا کرنا پڑتی تھی۔", "2025-01-20") == set()
    assert not any(f[3] == "count" for f in facts("جولائی کے آغاز میں انٹربینک میں ڈالر 157 روپے کے لگ بھگ تھا جو نومبر کے آخر تک 176 روپے سے تجاوز کر گیا۔", "2021-12-16"))
    # a count in لاکھ stays a count
    assert ("freelancer_count", "", 1500000, "count") in facts("ملک میں 15 لاکھ فری لانسرز ہیں۔", "2025-01-20")


def test_the_periods_total_goes_on_about_the_subject_before():
    got = facts("IT exports rose 16 percent to $348 million in December. The first-half total climbed to $1.88 billion, up 29%.", "2025-01-18")
    assert got >= {("it_exports_cumulative", "FY2024-25:H1", 1880, "USD_million"), ("it_exports_cumulative", "FY2024-25:H1", 29, "percent")}
    # "the total number of ..." names what it counts
    assert ("vpn_registrations", "", 40000, "count") in facts("IT exports rose to $348 million in December. The total number of VPNs registered reached 40,000.", "2025-01-18")


def test_earnings_said_by_someone_are_the_subject_befores():
    got = facts(
        "Pakistan's freelancers brought home $350 million through banks in FY24. "
        "The IT ministry, in a written reply, said earnings rose 30% from $269 million in FY23, and reached $201 million in the first half of the current fiscal year.",
        "2025-02-15",
    )
    assert got >= {("freelancer_earnings", "FY2022-23", 269, "USD_million"), ("freelancer_earnings", "FY2024-25:H1", 201, "USD_million"), ("freelancer_earnings", "FY2023-24", 30, "percent")}


def test_money_sent_home_by_freelancers_is_their_earnings():
    got = extract_facts("", "Money sent home by Pakistani freelancers rose 21 percent in the first nine months of the fiscal year, government figures show.", "2026-04-21")
    assert [(f.series, f.period, f.value, f.basis) for f in got] == [("freelancer_earnings", "FY2025-26:Jul-Mar", 21, "yoy")]


def test_freelancers_on_a_boards_rolls_are_a_part_not_the_count():
    for text in (
        "The board says it now has 112,400 registered freelancers.",
        "The PSEB has about 108,000 freelancers on its rolls, while estimates of active freelancers run into the hundreds of thousands.",
        "PSEB registrations of freelancers have now climbed to 112,400.",
        "The number of freelancers registered with the Pakistan Software Export Board (PSEB) has risen to 112,400.",
    ):
        assert not any(f[0] == "freelancer_count" for f in facts(text, "2026-04-21")), text
    assert ("freelancer_count", "", 2370000, "count") in facts("Pakistan has 2.37 million freelancers, the fourth largest in the world.", "2026-04-21")


def test_their_remittances_after_a_sentence_on_freelancers_are_the_freelancers():
    # a clause naming the kinds of work ("software development") does not make them IT exports
    got = extract_facts(
        "IT exports hit a record",
        "Pakistan's IT exports rose to $3.22 billion in FY2023-24.\n\n"
        "The contribution of freelancers also grew. Their remittances jumped 47pc to $396 million in FY24, "
        "compared with $269m a year ago, as more young people turned to online work in design and software development.",
        "2024-07-18",
    )
    assert {(f.series, f.period, f.value) for f in got if f.value in (47, 396, 269)} == {
        ("freelancer_earnings", "FY2023-24", 47),
        ("freelancer_earnings", "FY2023-24", 396),
        ("freelancer_earnings", "FY2022-23", 269),
    }


def test_a_linking_word_does_not_stop_a_sentence_referring_back():
    # "On a yearly basis, however, the receipts were ...": the receipts of the sentence before
    text = "Exports of ICT services fell 8 percent month-on-month to $214 million in January 2022, SBP said.\n\n{}"
    for second in (
        "On a yearly basis, however, the receipts were 17pc higher than the $183m recorded in January 2021.",
        "However, the receipts were 17pc higher than the $183m recorded in January 2021.",
    ):
        got = {(f.series, f.period, f.value) for f in extract_facts("", text.format(second), "2022-02-16")}
        assert {("it_exports_monthly", "2022-01", 17), ("it_exports_monthly", "2021-01", 183)} <= got


def test_a_day_still_to_come_does_not_date_a_count():
    # written on December 3: "until December 31" is a deadline, not the date the count stands at
    assert facts("The PTA has extended the deadline for registering VPNs until December 31, after more than 32,000 VPNs were registered.", "2024-12-03") == {
        ("vpn_registrations", "", 32000, "count")
    }
    # on the day itself, or a month's end already past, it is
    assert ("vpn_registrations", "2024-11", 32000, "count") in facts("More than 32,000 VPNs had been registered by November 30, the PTA said.", "2024-12-03")


def test_the_level_a_run_of_months_stayed_above_is_no_months_value():
    # "the fourth consecutive month in which exports remained above $290 million": June's own is $307m
    for text in (
        "IT exports stood at $307 million in June 2024. It was the fourth consecutive month in which IT exports remained above $290 million.",
        "جون 2024 میں آئی ٹی برآمدات 30 کروڑ 70 لاکھ ڈالر رہیں۔ یہ مسلسل چوتھا مہینہ ہے جس میں آئی ٹی برآمدات 29 کروڑ ڈالر سے زیادہ رہی ہیں۔",
    ):
        got = facts(text, "2024-07-17")
        assert ("it_exports_monthly", "2024-06", 307, "USD_million") in got
        assert not any(f[0] != "other" and f[2] == 290 for f in got)
    # a run of months said of the value itself stays
    assert ("it_exports_monthly", "2024-06", 307, "USD_million") in facts("IT exports rose for the third consecutive month to $307 million in June.", "2024-07-17")


def test_an_urdu_headlines_verbless_rate_is_of_the_period_and_subject_after_it():
    # "freelancers' earnings up 18 percent, earned 110 million dollars in the first quarter"
    assert facts("فری لانسرز کی آمدن میں 18 فیصد اضافہ، پہلی سہ ماہی میں 11 کروڑ ڈالر کمائے", "2023-10-25") == {
        ("freelancer_earnings", "FY2023-24:Q1", 18, "percent"),
        ("freelancer_earnings", "FY2023-24:Q1", 110, "USD_million"),
    }
    assert ("it_exports_monthly", "2023-09", 18, "percent") in facts("آئی ٹی برآمدات میں 18 فیصد اضافہ، ستمبر میں 31 کروڑ ڈالر رہیں", "2023-10-25")


def test_these_services_total_exports_are_of_the_subject_before():
    # "during the first two months, July and August, these services' total exports were $421 million"
    got = facts(
        "جولائی میں آئی ٹی برآمدات 20 کروڑ 70 لاکھ ڈالر تھیں۔ رواں مالی سال کے پہلے دو ماہ یعنی جولائی اور اگست کے دوران ان خدمات کی مجموعی برآمدات 42 کروڑ 10 لاکھ ڈالر رہیں۔",
        "2022-09-20",
    )
    assert ("it_exports_cumulative", "FY2022-23:Jul-Aug", 421, "USD_million") in got
    # the country's total stays the country's
    assert not any(f[2] == 2000 for f in facts("جولائی میں آئی ٹی برآمدات 20 کروڑ 70 لاکھ ڈالر تھیں۔ اس دوران ملک کی مجموعی برآمدات 2 ارب ڈالر رہیں۔", "2022-09-20"))


def test_a_month_named_after_a_second_count_is_that_counts():
    # the total registered has no month; December's registrations are December's
    assert facts("PTA tells Senate panel 63,500 VPNs registered, 14,600 in December", "2025-01-22") == {
        ("vpn_registrations", "", 63500, "count"),
        ("vpn_registrations", "2024-12", 14600, "count"),
    }
    assert facts("The PTA told the committee that 63,500 VPNs had been registered, including 14,600 in December alone.", "2025-01-22") == {
        ("vpn_registrations", "", 63500, "count"),
        ("vpn_registrations", "2024-12", 14600, "count"),
    }
    # counts of two things listed before one period share it
    assert not any(f[2] == 1964 and f[1] == "" for f in facts("PSEB registers 1,964 IT companies, 1,412 freelancers in H1", "2025-01-22"))
    # a part that is not a month's stays a part of the total
    assert facts("172,000 VPNs had been registered, including 64,000 by freelancers.", "2025-01-22") == {
        ("vpn_registrations", "", 172000, "count"),
        ("other", "", 64000, "count"),
    }


def test_a_table_written_in_lines_gives_a_figure_a_row():
    # a written answer's year-wise figures, the unit in the sentence that introduces them
    text = (
        "The ministry shared the following year-wise figures for IT and ITeS exports, based on State Bank data (US$ million):\n\n"
        "2020-21: 2,107\n2021-22: 2,583\n2022-23: 2,551\n\nThe reply said exports had dipped in 2022-23."
    )
    got = facts(text, "2025-09-16")
    assert {("it_exports_annual", "FY2020-21", 2107, "USD_million"), ("it_exports_annual", "FY2021-22", 2583, "USD_million"), ("it_exports_annual", "FY2022-23", 2551, "USD_million")} <= got
    quotes = {f.quote for f in extract_facts("", text, "2025-09-16")}
    assert "2021-22: 2,583" in quotes  # the row itself
    # an analyst's table under a heading with its unit; a rate's row says nothing
    table = "IT exports rose in January.\n\nTable: IT exports (US$mn)\nJan'26: 338\nDec'25: 396\nYoY: +13%\n7MFY26: 2,438"
    got = facts(table, "2026-02-18")
    assert {("it_exports_monthly", "2026-01", 338, "USD_million"), ("it_exports_monthly", "2025-12", 396, "USD_million"), ("it_exports_cumulative", "FY2025-26:Jul-Jan", 2438, "USD_million")} <= got
    assert not any(f[3] == "percent" for f in got)
    # Urdu rows that give their own unit
    urdu = "وزارت نے گزشتہ مالی سالوں کی آئی ٹی برآمدات کی تفصیل پیش کی، جو درج ذیل ہے:\n\nمالی سال 2019-20: ایک ارب 31 کروڑ ڈالر\nرواں مالی سال (جولائی تا جنوری): ایک ارب 79 کروڑ ڈالر"
    assert facts(urdu, "2024-03-08") >= {("it_exports_annual", "FY2019-20", 1310, "USD_million"), ("it_exports_cumulative", "FY2023-24:Jul-Jan", 1790, "USD_million")}
    # rows with no heading that names what they count, or under another subject's heading, are not ours
    assert facts("Exports were strong.\n2020-21: 2,107\n2021-22: 2,583", "2025-09-16") == set()
    assert not any(f[0] != "other" for f in facts("Workers' remittances by year (US$ million):\n2020-21: 29,400\n2021-22: 31,300", "2025-09-16"))


def test_a_change_over_several_years_is_no_years_rate():
    assert facts("IT exports have grown by 78 percent over the last four fiscal years.", "2025-09-16") == {("other", "", 78, "percent")}
    assert ("other", "FY2022-23", 93, "percent") in facts("ملک کی آئی ٹی برآمدات مالی سال 2019-20 سے 2022-23 کے دوران 93 فیصد بڑھ گئیں۔", "2024-03-08")
    # the two ends of the span are their own years' figures
    got = facts("Between FY22 and FY25, IT export receipts grew from $2.58bn to $3.76bn, a compound rate of roughly 13 per cent a year.", "2025-09-16")
    assert {("it_exports_annual", "FY2021-22", 2580, "USD_million"), ("it_exports_annual", "FY2024-25", 3760, "USD_million")} <= got
    assert not any(f[0] != "other" and f[3] == "percent" for f in got)
    # one year's growth, and a record counted over years, stay that year's
    assert ("it_exports_annual", "FY2024-25", 24, "percent") in facts("IT exports rose 24 percent from FY24 to FY25.", "2025-09-16")
    assert ("it_exports_annual", "FY2023-24", 24, "percent") in facts("IT exports grew 24% in FY24, the fastest growth in three years.", "2024-07-20")


def test_a_month_on_month_rate_is_a_months():
    got = facts("IT exports clocked in at US$342mn in Nov'25, up 11% YoY and 4% MoM, taking 5MFY26 receipts to US$1.70bn (+10% YoY).", "2025-12-18")
    assert ("it_exports_monthly", "2025-11", 4, "percent") in got
    assert not any(f[0] == "it_exports_cumulative" and f[2] == 4 for f in got)
    assert rates("IT exports clocked in at US$342mn in Nov'25, up 11% YoY and 4% MoM, taking 5MFY26 receipts to US$1.70bn.", "2025-12-18")[4] == "mom"


def test_a_comparison_with_the_month_before_undates_only_its_own_clause():
    text = "ICT exports in the first eleven months of the current fiscal year grew 26.5 percent to $2.86 billion, while receipts were 3.4 percent below the previous month."
    got = facts(text, "2024-06-18")
    assert {("it_exports_cumulative", "FY2023-24:Jul-May", 2860, "USD_million"), ("it_exports_cumulative", "FY2023-24:Jul-May", 26.5, "percent")} <= got
    assert not any(f[2] == 3.4 for f in got)  # the month before which month? the clause names none
    # the clause that names its month gives its rate
    assert ("it_exports_monthly", "2024-05", -3.4, "percent") in facts(text.replace("while receipts were", "while May's receipts of $281 million were"), "2024-06-18")


def test_an_urdu_clause_ends_on_its_past_verb_before_and_or_of_which():
    # "reached a record, and the target of 2028 ..." : the month's figure is no target
    got = facts("وفاقی وزیر نے ایکس پر لکھا کہ مارچ میں آئی ٹی برآمدات 35 کروڑ 20 لاکھ ڈالر کی ریکارڈ سطح پر پہنچ گئیں اور 2028 تک 10 ارب ڈالر کا ہدف اب خواب نہیں رہا۔", "2025-04-17")
    assert ("it_exports_monthly", "2025-03", 352, "USD_million") in got
    assert not any(f[0] != "other" and f[2] == 10000 for f in got)
    # "... were $3.214bn, of which Punjab's share was 49 percent": the total stays the country's
    got = facts("وزارت نے بتایا کہ گزشتہ مالی سال آئی ٹی برآمدات 3 ارب 21 کروڑ 40 لاکھ ڈالر رہیں جن میں پنجاب کا حصہ 49 فیصد رہا، جبکہ رواں مالی سال کے لیے 3 اعشاریہ 8 ارب ڈالر کا ہدف مقرر کیا گیا ہے۔", "2024-09-11")
    assert ("it_exports_annual", "FY2023-24", 3214, "USD_million") in got
    assert not any(f[0] != "other" and f[2] in (49, 3800) for f in got)


def test_a_projection_or_a_target_as_institutions_and_lists_write_them():
    got = facts("The IMF staff report projects Pakistan's ICT exports at $3.5 billion in FY25, up from an actual $3.17 billion in FY24.", "2024-10-14")
    assert ("it_exports_annual", "FY2023-24", 3170, "USD_million") in got  # the actual it is up from
    assert not any(f[0] != "other" and f[2] == 3500 for f in got)
    # a list's line that names its figure after a colon
    assert not any(f[0] != "other" for f in facts("$10 billion: the government's IT export target for 2029.", "2026-01-20"))
    assert ("it_exports_monthly", "2025-12", 402, "USD_million") in facts("$402 million: ICT exports in December, the first month ever above $400 million.", "2026-01-20")
    # what a firm says the country "can be"
    assert not any(f[0] != "other" for f in facts('"Pakistan can be a $1 billion freelance economy within three years if payments become frictionless," the company said.', "2024-02-10"))
    # IT projects are no projection
    assert ("it_exports_monthly", "2024-01", 265, "USD_million") in facts("IT exports rose to $265 million in January as firms won new projects abroad.", "2024-02-19")


def test_a_part_named_with_what_it_is_before_its_verb_stays_a_part():
    text = "During July-March FY2025, ICT exports stood at $2,780.2 million, the Economic Survey said, with computer services, the largest component, contributing $2,187.5 million."
    got = facts(text, "2025-06-09")
    assert ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2780.2, "USD_million") in got
    assert ("other", "FY2024-25:Jul-Mar", 2187.5, "USD_million") in got


def test_the_cells_of_a_ticker_and_a_rates_label():
    got = extract_facts("", "ICT EXPORTS AT A GLANCE | Jan: $345mn | MoM: -14.2% | YoY: +18.6% | 7MFY26: $2.58bn (+15.9% YoY)", "2026-02-18")
    told = {(f.series, f.period, f.value, f.basis) for f in got if f.unit == "percent"}
    assert told == {
        ("it_exports_monthly", "2026-01", -14.2, "mom"),
        ("it_exports_monthly", "2026-01", 18.6, "yoy"),
        ("it_exports_cumulative", "FY2025-26:Jul-Jan", 15.9, "yoy"),
    }
    # an infographic's line in Urdu: the rate in its own cell is the month's before it
    got = facts("انفوگرافک: مارچ میں آئی ٹی برآمدات ۳۵ کروڑ ۴۰ لاکھ ڈالر | سالانہ اضافہ ۲۳ فیصد | جولائی تا مارچ مجموعی حجم ۲ ارب ۸۳ کروڑ ڈالر", "2025-04-17")
    assert {("it_exports_monthly", "2025-03", 354, "USD_million"), ("it_exports_monthly", "2025-03", 23, "percent"), ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2830, "USD_million")} == got


def test_exports_after_a_sentence_about_freelancers_are_not_theirs():
    text = (
        "The bank pointed to an estimated 1.6 million active freelancers, though it said typical annual earnings per freelancer were a modest $1,900. "
        "Freelancers' remittances recorded by the State Bank reached $236 million in the first half of FY25.\n\n"
        "State Bank figures for the third quarter, which the report does not cover, show exports of $291 million in January, $276 million in February and $283 million in March, "
        "bringing receipts for July-March to $2.78 billion."
    )
    got = facts(text, "2025-04-24")
    assert ("freelancer_earnings", "FY2024-25:H1", 236, "USD_million") in got
    assert not any(f[0].startswith("freelancer") and f[2] in (291, 276, 283, 2780) for f in got)
    # "their" exports are still theirs
    assert ("freelancer_earnings", "FY2024-25", 35, "percent") in facts("Freelancers earned $400 million in FY25. Their exports rose 35 percent.", "2025-07-20")


def test_an_urdu_percent_of_a_noun_in_the_oblique_is_a_share():
    got = facts("رپورٹ کے مطابق مالی سال 2024-25 میں آئی ٹی برآمدات 3.8 ارب ڈالر رہیں، جو معیشت کے مجموعی حجم کے ایک فیصد سے بھی کم ہے۔", "2025-09-10")
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in got
    assert not any(f[0] != "other" and f[3] == "percent" for f in got)


def test_one_firms_users_and_a_count_dated_by_another_figure():
    got = facts("The company said it now serves 142,000 freelancers, up from 61,000 at the end of 2022.", "2024-03-05")
    assert not any(f[0] == "freelancer_count" for f in got)
    # the year after the money is the money's: the count stands as it is
    got = facts("The country has an estimated 2.5 million freelancers, who sent home $512 million in FY25, according to the central bank.", "2026-01-20")
    assert ("freelancer_count", "", 2500000, "count") in got
    assert ("freelancer_earnings", "FY2024-25", 512, "USD_million") in got


def test_a_lists_item_number_does_not_end_the_subject_before_it():
    text = (
        "1. $402 million: ICT exports in December, the first month ever above $400 million. That was 16 percent more than in December 2024.\n\n"
        "2. $2.23 billion: exports in the first half of FY26 (July-December), 15.5 percent higher than a year earlier."
    )
    got = facts(text, "2026-01-20", title="Five numbers that explain the tech export boom")
    assert {("it_exports_cumulative", "FY2025-26:H1", 2230, "USD_million"), ("it_exports_cumulative", "FY2025-26:H1", 15.5, "percent")} <= got


def test_an_urdu_lists_item_number_and_who_earned_in_the_year_that_ended_in_june():
    text = (
        "۱۔ 2 ارب 8 کروڑ 60 لاکھ ڈالر: جولائی تا دسمبر کے دوران آئی ٹی خدمات کی مجموعی برآمدات۔\n\n"
        "۲۔ 33 کروڑ 60 لاکھ ڈالر: دسمبر کی برآمدات، جو نومبر کے 36 کروڑ 50 لاکھ ڈالر سے کم رہیں۔"
    )
    got = facts(text, "2026-01-21", title="پانچ اعداد جو پہلی ششماہی میں آئی ٹی شعبے کی کہانی سناتے ہیں")
    assert {("it_exports_monthly", "2025-12", 336, "USD_million"), ("it_exports_monthly", "2025-11", 365, "USD_million")} <= got
    # "about 2 million freelancers, who earned $350 million in the fiscal year that ended in June"
    got = facts("پاکستان میں تقریباً 20 لاکھ فری لانسرز ہیں، جنہوں نے جون میں ختم ہونے والے مالی سال میں 35 کروڑ ڈالر کمائے۔", "2024-08-20")
    assert got == {("freelancer_count", "", 2000000, "count"), ("freelancer_earnings", "FY2023-24", 350, "USD_million")}
    # June alone is still June
    assert facts("فری لانسرز نے جون میں 3 کروڑ ڈالر کمائے۔", "2024-08-20") == {("freelancer_earnings", "2024-06", 30, "USD_million")}


def test_may_alone_is_the_month():
    got = facts("According to the State Bank, IT exports stood at $3.40 billion in 11MFY25, with May alone bringing in $329 million.", "2025-06-20")
    assert {("it_exports_cumulative", "FY2024-25:Jul-May", 3400, "USD_million"), ("it_exports_monthly", "2025-05", 329, "USD_million")} == got
    # "may" the verb is still no month
    assert ("it_exports_cumulative", "FY2024-25:Jul-May", 3400, "USD_million") in facts("IT exports stood at $3.40 billion in 11MFY25 and may reach $3.8 billion.", "2025-06-20")


def test_an_amount_names_its_subject_right_after_it():
    got = facts("The freelancers' $382 million is roughly a tenth of the $3.14 billion the IT sector as a whole exported in FY24.", "2024-09-10")
    assert {("freelancer_earnings", "FY2023-24", 382, "USD_million"), ("it_exports_annual", "FY2023-24", 3140, "USD_million")} == got


def test_a_period_right_after_another_figure_is_not_a_counts():
    got = facts("Banks had opened around 96,000 such accounts by June, according to the central bank, a small number for a country of more than two million freelancers.", "2025-07-20")
    assert ("freelancer_count", "", 2000000, "count") in got
    # a count's own period still dates it
    assert facts("PTA registered 25,000 VPNs in June, up from 20,000 in May.", "2025-07-20") == {("vpn_registrations", "2025-06", 25000, "count"), ("vpn_registrations", "2025-05", 20000, "count")}


def test_pakistans_place_in_a_readiness_index_and_as_a_source_of_online_workers():
    assert facts("The Network Readiness Index 2024 placed Pakistan 95th out of 133 economies, behind Bangladesh and Sri Lanka.", "2025-11-06") == {("ranking", "2024", 95, "rank")}
    # the country ranked after others is Pakistan, the others ranked ahead
    got = facts("The country remains the third-biggest source of online freelance workers after India and Bangladesh, according to the Online Labour Observatory.", "2025-11-06")
    assert got == {("ranking", "", 3, "rank")}
    # a sector as a source of foreign exchange is ranked among sectors, not countries
    assert facts("IT is the third-biggest source of foreign exchange after remittances and textiles.", "2025-11-06") == set()
    # another country's place, named with the figure, is not Pakistan's
    assert facts("The index placed India 48th and Pakistan 95th among 133 digital economies.", "2025-11-06") == {("ranking", "", 95, "rank")}


def test_freelancers_counted_with_several_platforms_named_are_the_countrys():
    got = facts("Pakistan ranks fourth among the world's freelance markets, with Upwork and Fiverr accounting for most of the work done by its 2.3 million freelancers, a payments company said.", "2023-08-29")
    assert ("freelancer_count", "", 2300000, "count") in got
    # one platform's still are the platform's
    assert ("freelancer_earnings", "2023", 186, "USD_million") not in facts("Pakistani freelancers earned $186 million on Upwork in 2023.", "2024-02-01")


def test_november_alone_in_urdu_refers_back_to_the_subject():
    text = "پی ٹی اے کے مطابق اب تک مجموعی طور پر 34 ہزار 200 وی پی اینز رجسٹر کیے جا چکے ہیں۔ ترجمان نے بتایا کہ صرف نومبر کے مہینے میں 19 ہزار 600 نئی رجسٹریشنز ہوئیں۔"
    assert facts(text, "2024-12-03") == {("vpn_registrations", "", 34200, "count"), ("vpn_registrations", "2024-11", 19600, "count")}


def test_amounts_listed_with_their_currency_said_once_after_the_last():
    from monitor.facts._numbers import find_figures

    sentence = "Telecommunication and call centre services contributed 352 million and 188 million dollars respectively."
    assert [(f.value, f.unit) for f in find_figures(sentence)] == [(352, "USD_million"), (188, "USD_million")]
    urdu = "آئی ٹی برآمدات بالترتیب 2 ارب 62 کروڑ، 3 ارب 22 کروڑ اور 3 ارب 80 کروڑ ڈالر رہیں۔"
    assert [(f.value, f.unit) for f in find_figures(urdu)] == [(2620, "USD_million"), (3220, "USD_million"), (3800, "USD_million")]
    # people counted in millions stay people
    assert [f.unit for f in find_figures("The scheme reached 3 million and 2 million people respectively.")] == ["count", "count"]


def test_a_rate_over_the_amount_of_a_month_a_year_before_is_year_on_year():
    text = "IT exports in March were up 23pc over the $274 million of March 2024, and 12pc over February's $301 million."
    assert rates(text, "2025-04-21") == {23: "yoy", 12: "mom"}
    # "over" before an amount alone is "more than"
    assert ("vpn_registrations", "", 31000, "count") in facts("PTA said over 31,000 VPNs had been registered.", "2025-04-21")


def test_a_month_or_a_span_said_of_the_subject_before_goes_on_with_it():
    got = facts("IT exports rose in June. July 2024 — the first month of FY25 — came in at $286mn on SBP's count, up 37pc from $209mn in July 2023.", "2024-08-20")
    assert {("it_exports_monthly", "2024-07", 286, "USD_million"), ("it_exports_monthly", "2023-07", 209, "USD_million")} <= got
    got = facts("IT exports hit $337 million in March. Over the first nine months of FY25, receipts added up to $2.72 billion.", "2025-04-21")
    assert ("it_exports_cumulative", "FY2024-25:Jul-Mar", 2720, "USD_million") in got


def test_an_estimate_of_the_years_exports_is_no_figure_of_it():
    got = facts("At the current pace, Rauf estimates FY26 exports in the range of $4.2 billion to $4.35 billion.", "2026-03-20", title="IT exports on course for a record year")
    assert not any(f[0] == "it_exports_annual" and f[2] in (4200, 4350) for f in got)


def test_a_month_last_year_after_that_month_was_reported_is_the_year_before():
    got = facts("IT exports were $390 million in December. In December last year, they were $323 million.", "2026-01-20")
    assert got == {("it_exports_monthly", "2025-12", 390, "USD_million"), ("it_exports_monthly", "2024-12", 323, "USD_million")}
    urdu = "آئی ٹی برآمدات دسمبر میں 39 کروڑ ڈالر رہیں۔ پچھلے سال دسمبر میں یہ رقم 32 کروڑ 30 لاکھ ڈالر تھی۔"
    assert ("it_exports_monthly", "2024-12", 323, "USD_million") in facts(urdu, "2026-01-20")
    # a lead that restates the title's month as "December last year" is the title's
    got = facts("Pakistan's IT exports touched an all-time monthly high of 348 million dollars in December last year.", "2025-01-17", title="IT exports touch record 348 million dollars in December")
    assert got == {("it_exports_monthly", "2024-12", 348, "USD_million")}


def test_a_target_written_as_the_english_word_in_urdu():
    got = facts("آئی ٹی برآمدات 2030 تک 15 ارب ڈالر تک لے جانے کا ہدف، رواں مالی سال کے لیے 4.5 ارب ڈالر کا ٹارگٹ", "2025-08-10")
    assert not any(f[0] != "other" for f in got)


def test_a_thread_names_a_months_figure_then_the_spans_tally():
    got = facts("October IT exports: $342M and a four-month tally of $1.31B — a thread", "2025-11-18")
    assert got == {("it_exports_monthly", "2025-10", 342, "USD_million"), ("it_exports_cumulative", "FY2025-26:Jul-Oct", 1310, "USD_million")}
    # the span's fiscal year is never one named after a figure in between: "same period last FY" is the base's
    got = facts("2/6 IT exports for Oct came in at $342M, +19% YoY 📈 Jul-Oct total now $1.31B vs $1.12B same period last FY. #PakistanIT", "2025-11-18")
    assert {("it_exports_cumulative", "FY2025-26:Jul-Oct", 1310, "USD_million"), ("it_exports_cumulative", "FY2024-25:Jul-Oct", 1120, "USD_million")} <= got


def test_during_the_fiscal_year_is_the_year_named_before_not_its_last_quarter():
    text = (
        "IT exports were US$ 3.14 billion in FY2023-24. The April-June quarter was the strongest on record. "
        "Remittances by freelancers reached US$ 348 million during the fiscal year, up from US$ 269 million last year."
    )
    got = facts(text, "2024-07-24")
    assert {("freelancer_earnings", "FY2023-24", 348, "USD_million"), ("freelancer_earnings", "FY2022-23", 269, "USD_million")} <= got
    assert not any(f[1].endswith(":Q4") for f in got)


def test_a_headline_in_capitals_is_read_as_one_in_ordinary_case():
    # a wire's or a feed's shouting headline: its month, its unit and its rate's basis
    got = facts("Markets wrap", "2024-12-17", title="ICT EXPORTS HIT $367M IN NOVEMBER, UP 21PC YOY")
    assert got == {("it_exports_monthly", "2024-11", 367, "USD_million"), ("it_exports_monthly", "2024-11", 21, "percent")}
    assert {f.basis for f in extract_facts("ICT EXPORTS HIT $367M IN NOVEMBER, UP 21PC YOY", "", "2024-12-17") if f.unit == "percent"} == {"yoy"}
    assert facts("Budget wrap", "2024-07-18", title="PAKISTAN'S FREELANCERS EARNED $350 MILLION IN FY24, PSEB SAYS") == {("freelancer_earnings", "FY2023-24", 350, "USD_million")}
    # the quote is the headline as it was written
    (quote,) = {f.quote for f in extract_facts("PTA REGISTERS 22,000 VPNS IN OCTOBER", "", "2024-11-02")}
    assert quote == "PTA REGISTERS 22,000 VPNS IN OCTOBER"


def test_a_period_that_labels_the_figure_after_it_is_not_the_period_of_the_one_before():
    got = facts("• FY25 IT & ITeS exports: $3.79bn (FY24: $3.22bn)", "2025-07-18")
    assert got == {("it_exports_annual", "FY2024-25", 3790, "USD_million"), ("it_exports_annual", "FY2023-24", 3220, "USD_million")}


def test_their_remittances_after_freelancers_named_in_the_sentence_are_theirs_whatever_came_before():
    text = (
        "The Ministry of Information Technology said IT exports in March alone touched $216 million. The ministry said around 1.5 million "
        "Pakistanis were working as freelancers, and that their remittances through formal channels amounted to "
        "$150.3 million during the first nine months of the fiscal year, up 69 percent over the same period last year."
    )
    got = facts(text, "2021-05-27")
    assert {("freelancer_earnings", "FY2020-21:Jul-Mar", 150.3, "USD_million"), ("freelancer_earnings", "FY2020-21:Jul-Mar", 69, "percent")} <= got
    assert not any(f[0] == "it_exports_cumulative" for f in got)


def test_an_urdu_headline_of_freelancers_rise_then_its_amount_in_a_period():
    got = facts("فری لانسرز کی کمائی میں اضافہ، رواں مالی سال کی پہلی ششماہی میں ترسیلات 246 ملین ڈالر", "2025-01-20")
    assert got == {("freelancer_earnings", "FY2024-25:H1", 246, "USD_million")}
    # the rise of their number is no claim on the IT exports after it
    got = facts("فری لانسرز کی تعداد میں اضافہ، رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 2 ارب ڈالر", "2025-01-20")
    assert got == {("it_exports_cumulative", "FY2024-25:H1", 2000, "USD_million")}


def test_a_charts_caption_gives_its_pairs_of_period_and_bare_number_in_the_unit_of_its_heading():
    got = facts("Chart: IT exports, Jul-Oct FY26 ($ million). July 318, August 329, September 341, October 356. Source: SBP", "2025-11-19")
    assert got == {("it_exports_monthly", f"2025-{m:02d}", v, "USD_million") for m, v in ((7, 318), (8, 329), (9, 341), (10, 356))}
    got = facts("Chart 2: Annual IT exports ($bn): FY21 2.07, FY22 2.55 and FY23 2.54.", "2025-07-17")
    assert got == {("it_exports_annual", "FY2020-21", 2070, "USD_million"), ("it_exports_annual", "FY2021-22", 2550, "USD_million"), ("it_exports_annual", "FY2022-23", 2540, "USD_million")}
    # pairs of what the monitor does not follow, one pair alone, and pairs with no unit given are not
    assert facts("Workers' remittances ($bn): FY24 30.2, FY25 38.", "2025-07-17") == set()
    assert facts("IT exports ($m): July 318. The board met on Monday.", "2025-11-19") == set()
    assert facts("IT exports: July 318, August 329.", "2025-11-19") == set()


def test_a_correction_withdraws_what_it_says_was_wrong_and_keeps_what_it_says_is_right():
    urdu = "تصحیح: اس خبر کے پہلے ورژن میں مالی سال 2023-24 کی آئی ٹی برآمدات 3 ارب 5 کروڑ ڈالر بتائی گئی تھیں، درست رقم 3 ارب 22 کروڑ ڈالر ہے۔"
    assert facts(urdu, "2024-07-18") == {("other", "FY2023-24", 3050, "USD_million"), ("it_exports_annual", "FY2023-24", 3220, "USD_million")}
    english = "Correction: An earlier version of this story said FY24 IT exports were $3.05bn, but the correct figure is $3.22bn."
    assert facts(english, "2024-07-18") == {("other", "FY2023-24", 3050, "USD_million"), ("it_exports_annual", "FY2023-24", 3220, "USD_million")}


def test_a_province_that_leads_the_others_with_a_figure_owns_it():
    assert facts("Punjab leads provinces with $1.4bn IT exports in FY25", "2026-01-20") == set()
    assert facts("Pakistan leads the region with $3.8bn IT exports in FY25", "2026-01-20") == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_an_item_of_a_bulleted_list_goes_on_about_the_subject_and_period_of_the_item_before():
    box = "KEY TAKEAWAYS\n• March IT exports at $398m, up 3.9pc MoM\n• 9MFY26 tally at $3.25bn, up 12.8pc YoY"
    assert {("it_exports_cumulative", "FY2025-26:Jul-Mar", 3250, "USD_million"), ("it_exports_cumulative", "FY2025-26:Jul-Mar", 12.8, "percent")} <= facts(box, "2026-04-16")
    urdu = "اہم اعداد و شمار\n• مالی سال 2024-25 میں آئی ٹی برآمدات: 3.81 ارب ڈالر\n• گزشتہ مالی سال کے مقابلے میں اضافہ: 18 فیصد\n• جون 2025 کی برآمدات: 338 ملین ڈالر"
    assert facts(urdu, "2025-07-18") == {
        ("it_exports_annual", "FY2024-25", 3810, "USD_million"),
        ("it_exports_annual", "FY2024-25", 18, "percent"),  # the year of the item before, not the one "last fiscal year" is before
        ("it_exports_monthly", "2025-06", 338, "USD_million"),
    }
    # a line that is no item of a list does not go on so, nor does an item with a subject of its own
    # (a span's "tally" or "total" does: see test_a_threads_posts_and_a_spans_total_go_on_about_the_series_before)
    assert facts("March IT exports at $398m.\n9MFY26 at $3.25bn.", "2026-04-16") == {("it_exports_monthly", "2026-03", 398, "USD_million")}
    assert not any(f[0].startswith("it_exports") for f in facts("• IT exports: $356m in October\n• Oil import bill: $1.2bn in October", "2025-11-18") if f[2] == 1200)


def test_what_the_country_earned_from_it_services_is_its_it_exports():
    text = "Proceeds in December were 4.6 percent higher than in November, when the country earned $372 million from IT and IT-enabled services."
    assert ("it_exports_monthly", "2025-11", 372, "USD_million") in facts(text, "2026-01-20")
    assert facts("According to the State Bank's data for March, the country earned $226 million from IT and IT-enabled services during the month, 23% less than in March last year.", "2023-04-17") == {
        ("it_exports_monthly", "2023-03", 226, "USD_million"),
        ("it_exports_monthly", "2023-03", -23, "percent"),
    }
    # one company's, and what is paid for services bought abroad, are not
    assert facts("Systems Ltd earned $120 million from IT services in FY25.", "2025-08-01") == set()
    assert facts("Pakistan paid $90m to foreign firms for IT services in FY25.", "2025-08-01") == set()


def test_a_running_total_said_to_stand_at_a_months_end_is_that_months():
    assert facts("A total of 48,200 VPNs had been registered with the PTA by the end of March, a senator was told.", "2025-04-11") == {("vpn_registrations", "2025-03", 48200, "count")}
    assert facts("مارچ کے آخر تک پی ٹی اے کے پاس رجسٹرڈ وی پی اینز کی مجموعی تعداد 48200 ہو گئی۔", "2025-04-11") == {("vpn_registrations", "2025-03", 48200, "count")}
    # a running total with no date it stands at stays undated
    assert facts("A total of 48,200 VPNs have been registered with the PTA so far.", "2025-04-11") == {("vpn_registrations", "", 48200, "count")}


def test_an_effort_to_take_a_figure_somewhere_is_an_aim():
    text = "The minister said IT exports reached $3.2 billion last fiscal year and the ministry was working to take them to $8 billion in five years."
    assert facts(text, "2024-08-20") == {("it_exports_annual", "FY2023-24", 3200, "USD_million"), ("other", "FY2023-24", 8000, "USD_million")}
    assert facts("Efforts to push IT exports up to $5 billion are under way.", "2024-08-20") == {("other", "", 5000, "USD_million")}


def test_a_place_in_a_ranking_last_year_is_of_the_calendar_year_before():
    assert facts("A payments firm last year ranked Pakistan sixth among the fastest-growing freelance markets.", "2023-05-02") == {("ranking", "2022", 6, "rank")}
    # after a sentence on a fiscal year: still the calendar year, never a fiscal year counted back
    text = "Freelancers earned $310 million in FY23. Last year, a payments firm ranked Pakistan sixth among freelance markets."
    assert ("ranking", "2022", 6, "rank") in facts(text, "2023-08-02")
    # "last year" in another clause is not the rank's
    assert not any(f[0] == "ranking" and f[1] for f in facts("Freelancers earned $310 million last year, and Pakistan is sixth among freelance markets.", "2023-08-02"))


def test_a_count_as_it_stands_is_not_dated_by_the_sentence_before():
    text = (
        "In May, freelancers' remittances stood at $31 million. "
        "The country has about 1.8 million freelancers, a survey found, and a payments firm last year ranked it sixth among freelance markets."
    )
    got = facts(text, "2023-06-20")
    assert ("freelancer_count", "", 1800000, "count") in got
    assert not any(f[0] == "freelancer_count" and f[1] for f in got)


def test_the_previous_month_of_a_sentence_going_on_about_a_month_is_the_month_before_it():
    text = "IT exports came to $305 million in March. Exports were, however, 4% lower than the previous month, when they had reached $318 million."
    assert facts(text, "2025-05-02") == {
        ("it_exports_monthly", "2025-03", 305, "USD_million"),
        ("it_exports_monthly", "2025-03", -4, "percent"),  # March's fall, not April's (the month before the article's date)
        ("it_exports_monthly", "2025-02", 318, "USD_million"),
    }


def test_a_titles_rate_is_of_the_period_the_lead_gives_its_amount():
    title = "فری لانسرز کی آمدنی میں 18 فیصد اضافہ، ششماہی میں 19 کروڑ 50 لاکھ ڈالر کمائے"
    text = "اسٹیٹ بینک کے مطابق رواں مالی سال کی پہلی ششماہی میں فری لانسرز کی ترسیلات 19 کروڑ 50 لاکھ ڈالر رہیں جبکہ گزشتہ سال کے اسی عرصے میں یہ 16 کروڑ 50 لاکھ ڈالر تھیں۔"
    got = {(f.series, f.period, f.value, f.unit, f.basis) for f in extract_facts(title, text, "2024-01-18")}
    assert ("freelancer_earnings", "FY2023-24:H1", 18, "percent", "yoy") in got
    assert not any(f[3] == "percent" and f[1] != "FY2023-24:H1" for f in got)


def test_a_rate_that_says_no_basis_takes_the_one_the_articles_figures_show():
    # $270m over $245m a year before is 10.2%: year-on-year
    text = "IT exports rose 10.2 percent to $270 million in May. In May last year, they were $245 million."
    assert rates(text, "2024-06-18") == {10.2: "yoy"}
    # $270m over $250m the month before is 8%: month-on-month
    text = "IT exports rose 8 percent to $270 million in May. In April, they were $250 million."
    assert rates(text, "2024-06-18") == {8: "mom"}
    # figures that show neither leave it unknown
    text = "IT exports rose 12 percent to $270 million in May. In April, they were $250 million."
    assert rates(text, "2024-06-18") == {12: "unknown"}


def test_an_urdu_figure_told_in_the_passive_keeps_its_series():
    text = "بجٹ تقریر میں بتایا گیا کہ رواں مالی سال کے پہلے نو ماہ میں آئی ٹی برآمدات 1 ارب 94 کروڑ ڈالر رہیں۔"
    assert facts(text, "2023-06-10") == {("it_exports_cumulative", "FY2022-23:Jul-Mar", 1940, "USD_million")}


def test_a_sentence_that_goes_on_with_the_same_subject_unnamed_takes_it_from_the_one_before():
    text = (
        "IT exports in May were $331 million, the central bank said. "
        "Compared with April's $300 million, receipts were up 10.3 percent. "
        "March had brought in $322 million. "
        "That leaves the first half of the fiscal year, July-December, at about $1.5 billion."
    )
    got = facts(text, "2024-06-18")
    assert {
        ("it_exports_monthly", "2024-04", 300, "USD_million"),
        ("it_exports_monthly", "2024-05", 10.3, "percent"),
        ("it_exports_monthly", "2024-03", 322, "USD_million"),
        ("it_exports_cumulative", "FY2023-24:H1", 1500, "USD_million"),
    } <= got
    assert rates(text, "2024-06-18") == {10.3: "mom"}
    # a comparison that opens another subject's sentence does not make it this one's
    other = "IT exports in May were $331 million. Compared with April, workers' remittances were up 10 percent."
    assert facts(other, "2024-06-18") == {("it_exports_monthly", "2024-05", 331, "USD_million")}


def test_a_list_of_figures_after_a_sentence_on_a_series_is_of_that_series():
    text = (
        "The ministry told the National Assembly that IT exports had grown from $2.1 billion in 2020-21 to $3.8 billion in 2024-25. "
        "In a written reply, the ministry gave year-wise figures: $2.6 billion in 2021-22, $2.5 billion in 2022-23 and $3.2 billion in 2023-24."
    )
    got = facts(text, "2026-02-10")
    assert {("it_exports_annual", "FY2021-22", 2600, "USD_million"), ("it_exports_annual", "FY2022-23", 2500, "USD_million"), ("it_exports_annual", "FY2023-24", 3200, "USD_million")} <= got


def test_what_the_country_had_exported_a_year_before_is_a_base_of_its_own_period():
    text = (
        "ICT exports rose 15 percent year-on-year to $350 million in September 2025. "
        "In September 2024, the country had exported ICT services worth $304 million. "
        "Computer services, the largest part, earned $270 million in the month."
    )
    got = facts(text, "2025-10-17")
    assert ("it_exports_monthly", "2024-09", 304, "USD_million") in got
    # the sentence on the year before is background: "in the month" is still September 2025's
    assert ("other", "2025-09", 270, "USD_million") in got
    # what a firm exported is its own
    assert not any(f[2] == 12 for f in facts("Systems Ltd had exported IT services worth $12 million in the quarter.", "2025-10-17") if f[0] != "other")


def test_a_places_earlier_year_is_not_this_places():
    text = "Pakistan has climbed to fifth place in a global index of freelance earnings growth, up from ninth in the edition published in 2021."
    got = facts(text, "2023-07-01")
    assert ("ranking", "2021", 9, "rank") in got
    assert ("ranking", "2021", 5, "rank") not in got and ("ranking", "", 5, "rank") in got
    # a year after a comma is the sentence's, not the earlier place's
    text = "Pakistan rose to fifth place among freelance markets, up from ninth a year earlier, the platform's report for 2022 said."
    assert ("ranking", "2022", 5, "rank") in facts(text, "2023-03-01")


def test_a_place_in_a_survey_of_a_year_is_of_that_year():
    assert facts("Pakistan was ranked fifth in a 2020 survey of freelance earnings growth.", "2023-07-01") == {("ranking", "2020", 5, "rank")}


def test_an_urdu_list_of_amounts_with_the_currency_once_and_a_year_beside_each():
    text = "وزارت نے بتایا کہ آئی ٹی برآمدات مالی سال 2021-22 میں 2 ارب 60 کروڑ، 2022-23 میں 2 ارب 50 کروڑ اور 2023-24 میں 3 ارب 20 کروڑ ڈالر رہیں۔"
    assert facts(text, "2024-11-05") == {
        ("it_exports_annual", "FY2021-22", 2600, "USD_million"),
        ("it_exports_annual", "FY2022-23", 2500, "USD_million"),
        ("it_exports_annual", "FY2023-24", 3200, "USD_million"),
    }


def test_an_urdu_rate_on_a_monthly_basis_beside_its_amount_is_the_amounts_growth():
    text = "نومبر میں فری لانسرز کی ترسیلات 3 کروڑ 10 لاکھ ڈالر، ماہانہ بنیاد پر 9 فیصد اضافہ"
    assert facts(text, "2023-12-20") == {("freelancer_earnings", "2023-11", 31, "USD_million"), ("freelancer_earnings", "2023-11", 9, "percent")}
    assert rates(text, "2023-12-20") == {9: "mom"}


def test_the_figure_an_organisation_says_is_of_the_subject_before():
    text = "Pakistani freelancers brought home $150 million in 2020-21. The PSEB says the figure came to about $120m in the first half of this fiscal year."
    assert facts(text, "2022-03-01") == {("freelancer_earnings", "FY2020-21", 150, "USD_million"), ("freelancer_earnings", "FY2021-22:H1", 120, "USD_million")}


def test_an_amount_said_with_a_decimal_point_in_words():
    assert facts("Our IT exports were two point six billion dollars last fiscal year, the P@SHA chairman said.", "2023-10-05") == {("it_exports_annual", "FY2022-23", 2600, "USD_million")}
    assert facts("IT exports grew three point five percent in September.", "2023-10-20") == {("it_exports_monthly", "2023-09", 3.5, "percent")}
    # "point" as a plain word is no decimal
    assert facts("Freelancers earned two hundred million dollars in FY23, a point the minister stressed.", "2023-10-05") == {("freelancer_earnings", "FY2022-23", 200, "USD_million")}


def test_what_the_country_earned_in_dollars_said_in_words_from_it_services():
    text = "The minister said the country had earned three hundred and forty million dollars from IT services in December, and $2.1 billion in the first half of the fiscal year."
    assert facts(text, "2026-01-21") == {("it_exports_monthly", "2025-12", 340, "USD_million"), ("it_exports_cumulative", "FY2025-26:H1", 2100, "USD_million")}


def test_a_months_receipts_someone_said_are_of_the_subject_before():
    text = "IT exports rose 20 percent to $250 million in October, the minister said. He said October's receipts were slightly below the $262 million recorded in September."
    assert ("it_exports_monthly", "2021-09", 262, "USD_million") in facts(text, "2021-11-10")


def test_people_working_in_a_province_are_not_the_countrys_freelancers():
    assert facts("Freelancers earned $400 million in FY23. He said some 120,000 freelancers were now working from the province.", "2023-09-12") == {("freelancer_earnings", "FY2022-23", 400, "USD_million")}
    assert ("freelancer_count", "", 1500000, "count") in facts("Pakistan has 1.5 million freelancers working from home, the survey found.", "2023-09-12")


def test_an_urdu_count_with_more_than_after_it_is_a_bound_of_its_own_period():
    text = "پی ٹی اے نے بتایا کہ گزشتہ ماہ 38 ہزار سے زیادہ وی پی این رجسٹر کیے گئے، جبکہ نومبر میں 20 ہزار وی پی این رجسٹر ہوئے تھے۔"
    assert facts(text, "2025-01-09") == {("vpn_registrations", "2024-12", 38000, "count"), ("vpn_registrations", "2024-11", 20000, "count")}
    # what the count counts comes after the bound: companies are no VPNs, views no freelancers
    assert not any(f[0] == "vpn_registrations" for f in facts("وزارت نے بتایا کہ 24 ہزار سے زائد کمپنیاں اور کال سینٹرز وی پی این رجسٹر کرا چکے ہیں۔", "2024-12-01"))
    # people working online are freelancers, after a sentence on them
    text = "فری لانسرز نے گزشتہ مالی سال 40 کروڑ ڈالر کمائے۔ اس وقت ملک میں 25 لاکھ سے زائد لوگ آن لائن کام کر رہے ہیں۔"
    assert ("freelancer_count", "", 2500000, "count") in facts(text, "2024-08-01")


def test_the_sector_in_urdu_is_the_subject_before():
    text = "اگست میں آئی ٹی برآمدات 31 کروڑ ڈالر رہیں۔ وزیر مملکت نے کہا کہ گزشتہ مالی سال یہ شعبہ 3 ارب 10 کروڑ ڈالر کما چکا ہے۔"
    assert facts(text, "2024-09-18") == {("it_exports_monthly", "2024-08", 310, "USD_million"), ("it_exports_annual", "FY2023-24", 3100, "USD_million")}


def test_a_ministry_pleased_to_share_a_figure_gives_no_share():
    text = "The Ministry of IT is pleased to share that ICT exports during the first quarter of fiscal year 2021-22 have reached USD 623.7 Million."
    assert facts(text, "2021-10-21") == {("it_exports_cumulative", "FY2021-22:Q1", 623.7, "USD_million")}
    # a share is still a share
    assert facts("Freelancers' share of IT exports was $400 million in FY2021-22.", "2022-08-01") == {("other", "FY2021-22", 400, "USD_million")}


def test_a_date_written_in_figures_is_no_count():
    text = "Islamabad, 05-12-2024: The PTA has registered 24,516 VPNs during the month of November, 2024."
    assert facts(text, "2024-12-05") == {("vpn_registrations", "2024-11", 24516, "count")}


def test_billions_and_millions_in_words_with_a_comma_between():
    text = "IT exports for the first seven months of the current fiscal year came to two billion, one hundred and seventy-nine million dollars."
    assert facts(text, "2025-02-18") == {("it_exports_cumulative", "FY2024-25:Jul-Jan", 2179, "USD_million")}


def test_of_this_a_months_exports_are_that_months_not_a_part():
    before = "IT exports in the first quarter stood at $700 million. "
    assert ("it_exports_monthly", "2023-09", 242, "USD_million") in facts(before + "Of this, the IT exports in September alone stood at US$ 242 Million.", "2023-10-18")
    # a part in kind stays a part
    assert ("other", "2023-09", 500, "USD_million") in facts(before + "Of this, computer services exports stood at $500 million in September.", "2023-10-18")


# --------------------------------------------------------------------------- copy as it arrives (round 28)


def test_a_number_grouped_in_lakhs_and_crores_is_read_whole():
    assert ("freelancer_earnings", "2024-11", 41.25, "USD_million") in facts(
        "Freelancers brought home 4,12,50,000 dollars in November, the PSEB told the committee.", "2024-12-18"
    )
    assert ("vpn_registrations", "", 118400, "count") in facts(
        "PTA has now registered 1,18,400 VPNs since the drive began, an official said.", "2024-11-02"
    )


def test_a_line_broken_in_mid_sentence_is_read_as_one_sentence():
    text = "Official data put ICT exports for the first quarter of FY26 at $1.11 billion,\nup 9.4 percent from $1,015 million in the same quarter last year."
    assert facts(text, "2025-10-18") >= {
        ("it_exports_cumulative", "FY2025-26:Q1", 1110, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:Q1", 9.4, "percent"),
        ("it_exports_cumulative", "FY2024-25:Q1", 1015, "USD_million"),
    }
    # a rate's basis said across the break is the rate's
    assert rates("IT exports were $301 million in October, while on a month-on-month\nbasis they slipped 3 pc.", "2024-11-19") == {-3: "mom"}
    # a break after a sentence's end, or before a capital, is a new sentence as before
    assert [f.quote for f in extract_facts("", "IT exports were $301 million in October\nThe ministry welcomed it.", "2024-11-19")] == ["IT exports were $301 million in October"]


def test_a_long_months_name_mistyped_is_that_month():
    assert facts("IT exports reach $312million in Augst, up 19pc", "2024-09-17") == {
        ("it_exports_monthly", "2024-08", 312, "USD_million"),
        ("it_exports_monthly", "2024-08", 19, "percent"),
    }
    assert ("it_exports_monthly", "2025-02", 298, "USD_million") in facts("Feburary IT exports at $ 298 mln", "2025-03-18")
    assert ("it_exports_monthly", "2024-09", 290, "USD_million") in facts("IT exports stood at $290 million in Septmber 2024.", "2024-10-20")
    # a short name is never read so: "Marc" is a name, not March
    assert not {f for f in facts("Marc said IT exports were $290 million.", "2024-10-20") if f[1]}


def test_urdu_months_spelt_otherwise_are_those_months():
    assert ("it_exports_monthly", "2024-12", 348, "USD_million") in facts("ڈسمبر 2024 میں آئی ٹی برآمدات 34 کروڑ 80 لاکھ ڈالر رہیں۔", "2025-01-20")
    assert ("it_exports_monthly", "2024-07", 286, "USD_million") in facts("جولائ 2024 میں آئی ٹی برآمدات 28 کروڑ 60 لاکھ ڈالر رہیں۔", "2024-08-19")


def test_urdu_words_and_numbers_run_together_are_read_apart():
    assert facts("مالی سال2023ءمیں آئی ٹی برآمدات 2.59ارب ڈالر رہیں", "2023-07-20") == {("it_exports_annual", "FY2022-23", 2590, "USD_million")}
    [fact] = extract_facts("", "دسمبر 2024میں آئی ٹی برآمدات348ملین ڈالر رہیں۔", "2025-01-20")
    assert (fact.series, fact.period, fact.value) == ("it_exports_monthly", "2024-12", 348)
    assert fact.quote == "دسمبر 2024میں آئی ٹی برآمدات348ملین ڈالر رہیں۔"  # as written
    assert ("it_exports_cumulative", "FY2024-25:H1", 1456, "USD_million") in facts("رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات 1ارب 45کروڑ60لاکھ ڈالر رہیں۔", "2025-01-20")


def test_fiscal_years_written_untidily_are_read():
    assert facts("IT exports were $ 3.2bn in FY-24 and $ 3.8bn in FY-25.", "2025-07-20") == {
        ("it_exports_annual", "FY2023-24", 3200, "USD_million"),
        ("it_exports_annual", "FY2024-25", 3800, "USD_million"),
    }
    assert facts("Freelancers' export proceeds rose to $ 402mln in fiscal 25 from $ 331mln in fiscal 24.", "2025-07-22") >= {
        ("freelancer_earnings", "FY2024-25", 402, "USD_million"),
        ("freelancer_earnings", "FY2023-24", 331, "USD_million"),
    }
    assert ("it_exports_cumulative", "FY2023-24:Jul-Mar", 2280, "USD_million") in facts(
        "IT exports stood at $2.83bn in Jul-Mar FY-25 against $2.28bn in the same period of FY-24.", "2025-04-18"
    )
    # a rate after "fiscal" is no year
    assert ("it_exports_annual", "FY2024-25", 3100, "USD_million") in facts("A fiscal 25 percent cut, and IT exports at $3.1bn in FY25.", "2025-07-20")


def test_urdu_percent_transliterated_and_more_misspelt_are_read():
    assert rates("دسمبر 2024 میں آئی ٹی برآمدات نومبر کے مقابلے میں 4 پرسنٹ کمی کے بعد 33 کروڑ ڈالر رہیں۔", "2025-01-20") == {-4: "mom"}
    assert rates("جنوری 2025 میں آئی ٹی برآمدات 31 کروڑ ڈالر رہیں جو جنوری 2024 کے مقابلے میں 17.5 فیصد ذیادہ ہیں۔", "2025-02-18") == {17.5: "yoy"}


def test_an_urdu_line_broken_in_mid_sentence_is_read_as_one_sentence():
    text = "رواں مالی سال کے ابتدائی آٹھ ماہ کے دوران ملک کی آئی ٹی اور آئی ٹی سے وابستہ\nخدمات کی برآمدات 2 ارب 45 کروڑ ڈالر رہیں۔"
    assert facts(text, "2024-03-19") == {("it_exports_cumulative", "FY2023-24:Jul-Feb", 2450, "USD_million")}
    # a short line (a heading) is a sentence of its own, as before
    assert [f.quote for f in extract_facts("", "برآمدات کے نئے اعداد و شمار\nفروری 2024 میں آئی ٹی برآمدات 30 کروڑ ڈالر رہیں۔", "2024-03-19")] == ["فروری 2024 میں آئی ٹی برآمدات 30 کروڑ ڈالر رہیں۔"]


def test_amounts_in_untidy_currency_forms_are_money():
    assert facts("نومبر 2023 میں آئی ٹی برآمدات 31,20,00,000 ڈالر رہیں۔", "2023-12-19") == {("it_exports_monthly", "2023-11", 312, "USD_million")}
    assert facts("مالی سال 2025 میں فری لانسرز کی ترسیلات $410 ملین رہیں۔", "2025-07-22") == {("freelancer_earnings", "FY2024-25", 410, "USD_million")}
    assert facts("In May 2024, ICT exports came in at US dollars 297 million.", "2024-06-18") == {("it_exports_monthly", "2024-05", 297, "USD_million")}
    assert not facts("IT exports and the US dollar 2024 outlook were discussed.", "2024-06-18")  # a year after the currency's name is no amount


# --------------------------------------------------------------------------- text as extraction leaves it (round 29)


def test_a_word_hyphenated_at_a_lines_end_is_read_whole():
    text = "Freelancers earned US$ 131.6 mil-\nlion in the first half of FY23, up 7.4 per-\ncent on a year-\non-year basis."
    assert facts(text, "2023-01-25") >= {("freelancer_earnings", "FY2022-23:H1", 131.6, "USD_million"), ("freelancer_earnings", "FY2022-23:H1", 7.4, "percent")}
    assert rates(text, "2023-01-25") == {7.4: "yoy"}  # the compound broken at its own hyphen keeps it
    assert ("vpn_registrations", "2023-09", 1312, "count") in facts("The Authority registered 1\u2009312 VPNs during Septem-\nber 2023.", "2023-10-10")
    [fact] = extract_facts("", "The Authority registered 1\u2009312 VPNs during Septem-\nber 2023.", "2023-10-10")
    assert fact.quote == "The Authority registered 1\u2009312 VPNs during Septem-\nber 2023."  # as written
    # a title that ends on a hyphen is never joined to the body
    got = extract_facts("IT exports at $3.2 bil-", "lion, and IT exports were $3.2 billion in FY25.", "2025-07-20")
    assert [f.quote for f in got if f.series != "other"] == ["lion, and IT exports were $3.2 billion in FY25."]


def test_a_table_flattened_into_one_line_after_its_unit_is_read_pair_by_pair():
    text = "Table 3: IT exports (US$mn) Jan-25 312 Feb-25 305 Mar-25 342 MoM 12.1% YoY 17.5%"
    got = facts(text, "2025-04-18")
    assert {f for f in got if f[3] == "USD_million"} == {
        ("it_exports_monthly", "2025-01", 312, "USD_million"),
        ("it_exports_monthly", "2025-02", 305, "USD_million"),
        ("it_exports_monthly", "2025-03", 342, "USD_million"),
    }
    assert not {f for f in got if f[3] == "percent" and f[0] != "other"}  # the rates' columns name no period of their own
    # without a unit before them, numbers after months in prose are no table
    assert not facts("Exports in Jan 25 312 companies reported, Feb 25 305 firms", "2025-04-18") & {("it_exports_monthly", "2025-01", 312, "USD_million")}


def test_a_footnotes_mark_on_a_word_and_bullets_run_into_a_line_are_read_through():
    assert facts("During July–March FY2024, ICT exports¹ reached US$ 2.28 billion.", "2024-06-11") == {("it_exports_cumulative", "FY2023-24:Jul-Mar", 2280, "USD_million")}
    got = facts("■ IT exports reached US$ 3.81 bn in FY25 ■ Target for FY26 set at US$ 4.5 bn", "2025-07-22")
    assert ("it_exports_annual", "FY2024-25", 3810, "USD_million") in got  # the bullet ends the clause the target's words are in
    assert ("other", "FY2025-26", 4500, "USD_million") in got


def test_freelance_computer_services_are_the_freelancers_earnings():
    # SBP's own line for what freelancers export, never the computer services' total
    assert facts("Inflows booked as freelance computer services amounted to $301m in July–March FY25.", "2025-04-22") == {("freelancer_earnings", "FY2024-25:Jul-Mar", 301, "USD_million")}
    assert ("other", "FY2024-25:Jul-Mar", 2610, "USD_million") in facts("Computer services exports amounted to $2.61bn in July–March FY25.", "2025-04-22")


def test_exports_of_the_group_after_one_of_its_parts_are_the_whole_groups():
    parts = (
        "Exports of telecommunication, computer and information services came to $3,231 million in FY24.\n\n"
        "Within this group, computer services accounted for $2,620 million.\n\n"
    )
    got = facts(parts + "Exports of the group during June 2024 were $298.1 million.", "2024-07-19")
    assert ("it_exports_monthly", "2024-06", 298.1, "USD_million") in got
    assert ("it_exports_monthly", "2024-06", 298.1, "USD_million") in facts(parts + "The sector's exports during June 2024 were $298.1 million.", "2024-07-19")
    # exports that name no whole after a part stay nobody's
    assert not {f for f in facts(parts + "Exports during June 2024 were $298.1 million.", "2024-07-19") if f[1] == "2024-06" and f[0] != "other"}


# --------------------------------------------------------------------------- the calendar's edges (round 30)


def test_a_quarter_or_half_of_a_calendar_year_is_the_fiscal_years_part_of_those_months():
    # January to March is the third quarter of the fiscal year ending in June; July to
    # December the first half of the one starting then; never the calendar year's total
    for text, period in (
        ("IT exports were $958 million in the first quarter of calendar year 2025.", "FY2024-25:Q3"),
        ("IT exports were $958 million in Q1 2025.", "FY2024-25:Q3"),
        ("IT exports were $958 million in 1QCY25.", "FY2024-25:Q3"),
        ("IT exports were $958 million in the second quarter of CY2025.", "FY2024-25:Q4"),
        ("IT exports were $958 million in calendar year 2024's fourth quarter.", "FY2024-25:Q2"),
        ("IT exports were $1,958 million in the first half of 2025.", "FY2024-25:H2"),
        ("IT exports were $1,958 million in the second half of 2024.", "FY2024-25:H1"),
        ("کیلنڈر سال 2025 کی پہلی سہ ماہی میں آئی ٹی برآمدات 95 کروڑ 80 لاکھ ڈالر رہیں۔", "FY2024-25:Q3"),
    ):
        got = {f for f in facts(text, "2025-08-01") if f[0] != "other"}
        assert {f[1] for f in got} == {period}, text
    # a fiscal year's quarter stays the fiscal year's
    assert {f[1] for f in facts("IT exports were $958 million in the first quarter of FY2025.", "2025-08-01")} == {"FY2024-25:Q1"}
    assert {f[1] for f in facts("IT exports were $1.9 billion in the first half of the 2025 fiscal year.", "2025-08-01")} == {"FY2024-25:H1"}
    assert {f[1] for f in facts("مالی سال 2025 کی پہلی سہ ماہی میں آئی ٹی برآمدات 95 کروڑ 80 لاکھ ڈالر رہیں۔", "2025-08-01")} == {"FY2024-25:Q1"}


def test_the_first_month_of_the_fiscal_year_in_urdu_is_its_july():
    assert facts("مالی سال کے پہلے مہینے آئی ٹی برآمدات 28 کروڑ 60 لاکھ ڈالر ہو گئیں", "2024-08-19") == {("it_exports_monthly", "2024-07", 286, "USD_million")}
    assert facts("گزشتہ مالی سال کے پہلے مہینے میں آئی ٹی برآمدات 22 کروڑ 60 لاکھ ڈالر رہیں۔", "2024-08-19") == {("it_exports_monthly", "2023-07", 226, "USD_million")}
    # "دو ماہ پہلے" (two months ago) is no first month
    assert not {f for f in facts("آئی ٹی برآمدات دو ماہ پہلے 28 کروڑ 60 لاکھ ڈالر تھیں۔", "2024-08-19") if f[0] != "other"}


def test_the_twelve_months_to_june_are_the_fiscal_year_that_ended_then():
    text = "Freelance earnings for the twelve months to June 30 came to $350 million, up from $269 million in 2022-23."
    assert facts(text, "2024-08-08") == {("freelancer_earnings", "FY2023-24", 350, "USD_million"), ("freelancer_earnings", "FY2022-23", 269, "USD_million")}
    assert facts("Freelance earnings for the twelve months to June 30 came to $350 million.", "2024-08-08") == {("freelancer_earnings", "FY2023-24", 350, "USD_million")}
    assert facts("Freelancers earned $350 million in the 12 months ended June.", "2024-08-08") == {("freelancer_earnings", "FY2023-24", 350, "USD_million")}


def test_another_countrys_figure_set_against_ours_after_it_leaves_ours_alone():
    text = "ملک میں 23 لاکھ سے زائد فری لانسرز کام کر رہے ہیں، تاہم بھارت کی 200 ارب ڈالر سے زائد آئی ٹی برآمدات کے مقابلے میں ہمیں طویل سفر طے کرنا ہے۔"
    assert facts(text, "2025-12-30") == {("freelancer_count", "", 2300000, "count")}
    text = "There are over 2.3 million freelancers in the country, but compared with India's $200 billion of IT exports we have a long way to go."
    assert {f for f in facts(text, "2025-12-30") if f[0] != "other"} == {("freelancer_count", "", 2300000, "count")}
    # another country's name after the figure, not set against it, still owns it
    assert not {f for f in facts("IT exports rose to $200 billion last year, India's IT ministry said.", "2025-12-30") if f[0] != "other"}


def test_a_years_figure_in_urdu_said_as_that_years():
    text = "کیلنڈر سال 2024 میں آئی ٹی برآمدات 3 ارب 50 کروڑ 50 لاکھ ڈالر رہیں جو 2023 کے 2 ارب 81 کروڑ ڈالر سے 25 فیصد زیادہ ہیں۔"
    assert ("it_exports_annual", "2023", 2810, "USD_million") in facts(text, "2025-01-21")
    assert ("it_exports_annual", "2024", 3505, "USD_million") in facts(text, "2025-01-21")


def test_the_months_of_a_span_across_the_fiscal_years_end_are_none_of_its_spans():
    # January to November is no span of one fiscal year, and "the eleven months" that restate
    # it are not the fiscal year's first eleven
    for text in (
        "IT exports were $3.7 billion in the eleven months from January to November.",
        "جنوری سے نومبر تک کے گیارہ مہینوں میں آئی ٹی برآمدات 3 ارب 70 کروڑ ڈالر رہیں۔",
    ):
        assert not {f for f in facts(text, "2025-12-20") if f[0] != "other"}, text
    assert facts("IT exports were $3.3 billion in the first eleven months of FY25, from July to May.", "2025-06-20") == {("it_exports_cumulative", "FY2024-25:Jul-May", 3300, "USD_million")}


def test_a_fiscal_year_that_closed_in_june_keeps_its_figures_and_a_total_lifted_by_a_month_is_its_subjects():
    text = (
        "IT exports were $302 million in November. That lifted the total for July-November of the current fiscal year to $1.18 billion, "
        "against $1.01 billion in the same five months of the previous one. "
        "The recovery followed a difficult FY2022-23, which closed in June with exports of $2.6 billion, slightly below the $2.62 billion of 2021-22."
    )
    got = facts(text, "2024-01-02")
    assert got >= {
        ("it_exports_cumulative", "FY2023-24:Jul-Nov", 1180, "USD_million"),
        ("it_exports_cumulative", "FY2022-23:Jul-Nov", 1010, "USD_million"),
        ("it_exports_annual", "FY2022-23", 2600, "USD_million"),
        ("it_exports_annual", "FY2021-22", 2620, "USD_million"),
    }
    assert not {f for f in got if f[1] == "2023-06"}  # June, there, is the year's end


def test_quarters_split_out_after_a_month_are_the_same_subjects():
    text = (
        "December brought in $368 million, the best month on record. Split by quarter, the second quarter of the fiscal year, "
        "October to December, contributed $1.06 billion, while the first quarter had yielded $860 million."
    )
    got = facts("IT exports rose to $1.92 billion in the first half of FY25. " + text, "2025-01-17")
    assert got >= {("it_exports_cumulative", "FY2024-25:Q2", 1060, "USD_million"), ("it_exports_cumulative", "FY2024-25:Q1", 860, "USD_million")}


def test_a_half_that_had_closed_at_a_calendar_years_total_and_a_month_alone_are_read():
    text = (
        "Exports for July-January FY26 reached $2.53 billion. The first half of the fiscal year, July to December, had closed at $2.15 billion. "
        "Over calendar year 2025, IT exports amounted to $4.04 billion, the first time a January-December total has passed $4 billion."
    )
    got = facts("IT exports were $379 million in January. " + text, "2026-02-17")
    assert got >= {("it_exports_cumulative", "FY2025-26:H1", 2150, "USD_million"), ("it_exports_annual", "2025", 4040, "USD_million")}
    assert ("it_exports_annual", "2025", 4040, "USD_million") in facts("IT exports amounted to $4.04 billion in January-December 2025.", "2026-02-17")
    text = (
        "Freelancers brought home $331 million in the first nine months of the current fiscal year. The ministry said the third quarter, "
        "January to March, was the strongest so far, with receipts of $118 million. March alone accounted for $43 million."
    )
    assert facts(text, "2025-05-14") >= {("freelancer_earnings", "FY2024-25:Q3", 118, "USD_million"), ("freelancer_earnings", "2025-03", 43, "USD_million")}
    # a part that accounts for a share is still a part
    assert ("other", "FY2024-25", 2500, "USD_million") in facts("Computer services accounted for $2.5 billion of IT exports in FY25.", "2025-08-01")


def test_what_the_country_earned_under_the_head_of_it_services_is_its_it_exports():
    text = "رواں مالی سال کے ابتدائی سات مہینوں میں ملک نے آئی ٹی خدمات کی مد میں 2 ارب 45 کروڑ 50 لاکھ ڈالر کمائے، جو گزشتہ مالی سال کے اسی عرصے کے 2 ارب 12 کروڑ ڈالر کے مقابلے میں 15.8 فیصد زیادہ ہیں۔"
    assert facts(text, "2026-02-18") >= {("it_exports_cumulative", "FY2025-26:Jul-Jan", 2455, "USD_million"), ("it_exports_cumulative", "FY2024-25:Jul-Jan", 2120, "USD_million")}
    # computer services are a part, whatever head they are earned under
    assert not {f for f in facts("ملک نے کمپیوٹر خدمات کی مد میں 2 ارب ڈالر کمائے۔", "2026-02-18") if f[0] != "other"}


def test_a_month_a_hope_is_set_for_is_no_period_of_the_figures_beside_it():
    # "by June" is when the hope is for: "last fiscal year" counts back from the article's date
    text = "An analyst expects IT exports for the whole year to reach $4.3 billion by June, well above last fiscal year's $3.8 billion."
    assert {f for f in facts(text, "2026-02-18") if f[0] != "other"} == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}
    # a count "by June" is June's, whatever hope the sentence goes on to
    assert ("vpn_registrations", "2025-06", 30000, "count") in facts("PTA had registered 30,000 VPNs by June, and it expects more registrations next year.", "2025-08-01")


def test_a_months_place_in_the_fiscal_year_said_of_it_names_no_period():
    text = "تاہم ماہانہ بنیاد پر آئی ٹی برآمدات میں 15 فیصد کمی ہوئی۔ جون میں، جو گزشتہ مالی سال کا آخری مہینہ تھا، یہ برآمدات 23 کروڑ ڈالر تک پہنچ گئی تھیں۔"
    assert ("it_exports_monthly", "2021-06", 230, "USD_million") in facts(text, "2021-08-19")
    text = "IT exports fell 15 percent month-on-month. In June, the last month of the previous fiscal year, they had reached $230 million."
    assert ("it_exports_monthly", "2021-06", 230, "USD_million") in facts(text, "2021-08-19")


def test_a_companys_review_of_a_year_in_urdu_is_that_years_edition():
    text = "فری لانسنگ کے محاذ پر ایک بین الاقوامی ادائیگی کمپنی نے سال 2025 کے جائزے میں آمدن کی تیز رفتار نمو والے ممالک میں پاکستان کو پانچویں نمبر پر رکھا۔"
    assert facts(text, "2026-01-20") == {("ranking", "2025", 5, "rank")}


# --------------------------------------------------------------------------- the look-alikes (round 31)


def test_a_count_that_tops_millions_is_no_place_in_a_ranking():
    got = facts("PTA: 32,400 VPNs registered so far; mobile broadband users top 140 million", "2024-12-05")
    assert not {f for f in got if f[0] == "ranking"}
    assert ("ranking", "", 10, "rank") in facts("Pakistan is in the top 10 of the online labour index.", "2024-12-05")


def test_one_payments_firm_named_back_gives_its_own_figures():
    text = "The payments firm, which says it has more than five million customers worldwide, handled about $41 million in payouts to Pakistani freelancers in January."
    assert not {f for f in facts(text, "2025-02-12") if f[0] != "other"}


def test_the_same_year_is_the_year_named_before_not_a_year_back():
    text = "Bangladesh earned about $1.3 billion from ICT exports in FY24, against the $3.22 billion Pakistan made from IT and IT-enabled services in the same year."
    assert {f for f in facts(text, "2025-05-15") if f[0] != "other"} == {("it_exports_annual", "FY2023-24", 3220, "USD_million")}
    assert ("freelancer_earnings", "FY2023-24", 350, "USD_million") in facts("IT exports were $3.22 billion in FY24. Freelancers earned $350 million in the same year.", "2025-05-15")


def test_a_clause_of_what_went_on_beside_a_figure_says_nothing_of_it():
    got = facts("IT exports reach $354m in August as Punjab's share rises to 48pc", "2025-09-17")
    assert ("it_exports_monthly", "2025-08", 354, "USD_million") in got
    assert ("it_exports_monthly", "2025-08", 48, "percent") not in got  # the province's share stays a share
    assert facts("Computer services accounted for $2.5 billion in FY25 as exports rose.", "2025-09-17") == {("other", "FY2024-25", 2500, "USD_million")}


def test_a_months_figure_revised_is_that_months_and_the_day_it_was_first_published_is_no_period():
    text = "IT exports reached $3.81 billion in FY25. The central bank revised June's figure to $338 million from the $329 million it had first published in mid-July."
    got = facts(text, "2025-08-19")
    assert ("it_exports_monthly", "2025-06", 338, "USD_million") in got
    assert not {f for f in got if f[1] == "2025-07"}  # mid-July is when, not what
    # a count by the middle of a month is still that month's
    assert ("vpn_registrations", "2024-11", 21000, "count") in facts("PTA had registered 21,000 VPNs in mid-November.", "2024-12-02")


def test_an_average_or_equivalent_in_apposition_is_the_next_figures_not_the_ones_before():
    got = facts("For the whole of FY24, IT exports were $3.22 billion, an average of about $268 million a month.", "2024-08-20")
    assert ("it_exports_annual", "FY2023-24", 3220, "USD_million") in got
    assert ("other", "FY2023-24", 268, "USD_million") in got


def test_another_country_named_as_where_in_urdu_owns_the_figure_after_it():
    text = "پاکستان میں 23 لاکھ فری لانسرز ہیں، جبکہ ہمسایہ ملک بنگلہ دیش میں فعال فری لانسرز کی تعداد ساڑھے 6 لاکھ بتائی جاتی ہے۔"
    assert facts(text, "2025-08-14") == {("freelancer_count", "", 2300000, "count")}


# --------------------------------------------------------------------------- the numbers themselves (round 32)


def test_urdu_decimals_read_a_digit_a_word_after_the_decimal_word():
    text = "رواں مالی سال کی پہلی ششماہی میں آئی ٹی برآمدات ایک اعشاریہ نو ارب ڈالر رہیں جو گزشتہ مالی سال کی اسی مدت کے ایک اعشاریہ پانچ چار ارب ڈالر سے زیادہ ہیں۔"
    got = facts(text, "2025-01-20")
    assert ("it_exports_cumulative", "FY2023-24:H1", 1540, "USD_million") in got
    assert not {f for f in got if f[2] == 4000}  # never "چار ارب" (four billion) alone
    assert ("it_exports_annual", "FY2020-21", 2120, "USD_million") in facts("مالی سال 2020-21 میں آئی ٹی برآمدات 2 عشاریہ 12 ارب ڈالر رہیں۔", "2021-08-01")


def test_the_two_ends_of_a_range_are_no_figure():
    for text in (
        "PTA said between 25,000 and 30,000 VPNs were registered in November.",
        "IT exports were $300 to $310 million in November.",
        "پی ٹی اے کے مطابق نومبر کے دوران 20 سے 25 ہزار کے درمیان نئے وی پی این رجسٹر ہوئے۔",
    ):
        assert not {f for f in facts(text, "2024-12-10") if f[0] != "other"}, text
    # from one to another is a change, both figures kept
    got = facts("IT exports rose from $300 million in October to $310 million in November.", "2024-12-10")
    assert got >= {("it_exports_monthly", "2024-10", 300, "USD_million"), ("it_exports_monthly", "2024-11", 310, "USD_million")}


def test_a_fall_said_as_negative_growth_or_in_brackets_is_negative():
    text = "ستمبر 2022 کے دوران آئی ٹی برآمدات 209 ملین ڈالرز رہیں، جو گزشتہ برس ستمبر کے مقابلے میں 3.6 فیصد کی منفی شرح نمو ہے۔"
    assert ("it_exports_monthly", "2022-09", -3.6, "percent") in facts(text, "2022-10-20")
    text = "IT exports for Feb'23 clocked in at US$ 207mn, (3.6%) MoM, while 8MFY23 exports settled at US$ 1,725mn, up 1.9% YoY."
    assert ("it_exports_monthly", "2023-02", -3.6, "percent") in facts(text, "2023-03-20")
    assert rates("IT exports at $ 286 M in April, down 6.5 MoM", "2024-05-17") == {-6.5: "mom"}  # a rate with its basis and no sign of percent
    # brackets around a rate with no basis after them say nothing of its direction
    assert ("it_exports_monthly", "2023-02", 3.6, "percent") in facts("IT exports rose to US$ 250mn in Feb'23 (3.6%) from January.", "2023-03-20")


def test_a_month_given_for_reference_goes_on_about_the_subject_before():
    text = "Pakistan's IT exports for Mar'26 came in at US$ 412mn. For reference, Feb'26 had come in at US$ 377mn, -7.1% MoM."
    assert facts(text, "2026-04-16") >= {("it_exports_monthly", "2026-02", 377, "USD_million"), ("it_exports_monthly", "2026-02", -7.1, "percent")}


def test_urdu_bases_a_fraction_more_or_less_than_and_the_whole_year():
    text = "صرف اگست 2024 میں فری لانسرز نے 3 کروڑ 75 لاکھ ڈالر بھیجے جو جولائی کے 3 کروڑ ڈالر سے ایک چوتھائی زیادہ ہیں۔"
    assert facts(text, "2024-09-17") >= {("freelancer_earnings", "2024-08", 37.5, "USD_million"), ("freelancer_earnings", "2024-07", 30, "USD_million")}
    text = "آئی ٹی برآمدات مالی سال 2022-23 میں دو ارب انسٹھ کروڑ ڈالر رہیں۔ جون 2023 میں برآمدات 18 کروڑ 70 لاکھ ڈالر رہیں۔ فری لانسرز کی ترسیلات بھی پورے سال میں 26 کروڑ 90 لاکھ ڈالر تک محدود رہیں۔"
    assert ("freelancer_earnings", "FY2022-23", 269, "USD_million") in facts(text, "2023-07-20")


def test_a_titles_rough_figure_gives_way_to_the_bodys_exact_one():
    title = "فری لانسرز کی آمدن گزشتہ مالی سال 0.36 ارب ڈالر تک پہنچ گئی، تعداد 23 لاکھ سے زائد"
    body = "مالی سال 2023-24 کے دوران فری لانسرز نے 35 کروڑ 60 لاکھ ڈالر ملک بھیجے۔ ملک میں سرگرم فری لانسرز کی تعداد 23 لاکھ 70 ہزار ہے۔"
    got = {(f.series, f.period, f.value) for f in extract_facts(title, body, "2024-09-17")}
    assert got == {("freelancer_earnings", "FY2023-24", 356), ("freelancer_count", "", 2370000)}
    title = "آئی ٹی برآمدات مالی سال 23 میں ڈھائی ارب ڈالر سے کچھ زیادہ"
    body = "ملک کی آئی ٹی برآمدات مالی سال 2022-23 میں دو ارب انسٹھ کروڑ پچاس لاکھ ڈالر رہیں۔"
    assert {(f.series, f.period, f.value) for f in extract_facts(title, body, "2023-07-20")} == {("it_exports_annual", "FY2022-23", 2595)}


def test_an_urdu_rate_said_of_a_months_amount_is_that_months():
    text = "رواں مالی سال کے پہلے دس ماہ یعنی جولائی تا اپریل آئی ٹی برآمدات سوا دو ارب ڈالر رہیں، جبکہ صرف اپریل میں یہ بیس کروڑ دس لاکھ ڈالر تھیں جو مارچ کے مقابلے میں ساڑھے نو فیصد کم ہیں۔"
    got = facts(text, "2023-05-18")
    assert ("it_exports_monthly", "2023-04", -9.5, "percent") in got
    assert not {f for f in got if f[3] == "percent" and f[1] == "FY2022-23:Jul-Apr"}
    assert rates(text, "2023-05-18") == {-9.5: "mom"}


def test_no_3_climbed_to_is_a_place():
    assert facts("Pakistan climbs to No 3 on Payoneer's freelancer earnings growth index", "2024-09-12") == {("ranking", "", 3, "rank")}


def test_the_inflows_name_back_what_was_reported_before():
    text = "Pakistan's IT exports grew to US$ 344.6 million in October 2024. On a month-on-month basis, however, the inflows were 3.6 per cent lower than September's $357.5 million."
    assert facts(text, "2024-11-18") >= {("it_exports_monthly", "2024-10", -3.6, "percent"), ("it_exports_monthly", "2024-09", 357.5, "USD_million")}
    # after another flow, they are its own
    assert not {f for f in facts("FDI rose to $200 million in October 2024. The inflows were 3.6 per cent lower than September's $207 million.", "2024-11-18") if f[0] != "other"}


def test_analysts_pencilled_in_figure_is_a_hope_and_whose_exports_names_the_ict_category():
    got = facts("Brokerage analysts had pencilled in first-half exports of around $1.65 billion, so the outcome fell just shy of expectations.", "2024-01-18")
    assert not {f for f in got if f[0] != "other"}
    text = "The biggest contribution came from telecommunication, computer and information services, whose exports reached USD3.22 billion in FY 2023-24."
    assert facts(text, "2024-08-20") == {("it_exports_annual", "FY2023-24", 3220, "USD_million")}


def test_a_rate_said_as_a_fraction_after_the_word_of_its_change():
    text = "IT exports contracted for a third straight month, with May receipts of $191 million down a fifth from the $240 million earned in May 2022."
    assert ("it_exports_monthly", "2023-05", -20, "percent") in facts(text, "2023-06-19")
    text = "Pakistani freelancers brought home $350m in FY24, up by a fifth on the $290m they remitted in FY23."
    assert rates(text, "2024-07-25") == {20: "yoy"}
    assert ("freelancer_earnings", "2025-06", 50, "percent") in facts("Freelancers' earnings rose by half in June 2025 to $45 million.", "2025-07-20")
    text = "صرف اگست 2024 میں فری لانسرز نے 3 کروڑ 75 لاکھ ڈالر بھیجے جو جولائی کے 3 کروڑ ڈالر سے ایک چوتھائی زیادہ ہیں۔"
    assert ("freelancer_earnings", "2024-08", 25, "percent") in facts(text, "2024-09-17")
    # "a third straight month", "a quarter of a million" are no rates
    assert not {f for f in facts("IT exports rose for a third straight month in May 2023 to $250 million.", "2023-06-19") if f[3] == "percent"}
    assert not {f for f in facts("IT exports fell by a quarter of a million dollars in May 2023.", "2023-06-19") if f[3] == "percent"}


# --------------------------------------------------------------------------- a plain month (round 33)


def test_corresponding_months_are_no_single_months_base():
    text = "The amount for the five months was 38.8 per cent higher than the $121 million that freelancers remitted in the corresponding months of last year, and November alone accounted for $36 million."
    got = facts(text, "2024-12-20")
    assert ("freelancer_earnings", "2023-11", 121, "USD_million") not in got
    assert ("freelancer_earnings", "2024-11", 36, "USD_million") in got
    # "the same period" of a month is still that month's
    assert ("it_exports_monthly", "2025-03", 20, "percent") in facts("IT exports were $300 million in March, up 20% from the same period last year.", "2025-04-20")


def test_a_total_said_to_stand_now_is_as_of_the_article():
    text = "The authority's whitelist now holds over 35,000 VPNs, up from about 14,900 at the end of October, an official said."
    assert facts(text, "2024-12-12") == {("vpn_registrations", "", 35000, "count"), ("vpn_registrations", "2024-10", 14900, "count")}


def test_data_released_last_month_is_dated_by_what_it_is_compared_with():
    text = "According to State Bank data released last month, IT exports came in at $336 million, up 31.8% from $255 million in October 2023."
    assert facts(text, "2024-12-04") >= {("it_exports_monthly", "2024-10", 336, "USD_million"), ("it_exports_monthly", "2023-10", 255, "USD_million")}


def test_months_of_a_calendar_year_and_a_quarter_named_by_its_months_in_urdu():
    assert not {f for f in facts("IT exports for the first eleven months of the calendar year came to about $3.25 billion.", "2024-12-30") if f[0] != "other"}
    assert not {f for f in facts("IT exports were $1.6 billion in the first five months of 2025.", "2025-06-20") if f[0] != "other"}
    assert facts("IT exports were $3.3 billion in the first eleven months of FY25.", "2025-06-20") == {("it_exports_cumulative", "FY2024-25:Jul-May", 3300, "USD_million")}
    text = "مالی سال 2024-25 کی پہلی سہ ماہی (جولائی تا ستمبر) میں آئی ٹی برآمدات 87 کروڑ 10 لاکھ ڈالر رہیں، جبکہ اکتوبر تا دسمبر کی سہ ماہی میں یہ بڑھ کر ایک ارب 2 کروڑ 50 لاکھ ڈالر ہو گئیں۔"
    assert facts(text, "2025-02-26") == {("it_exports_cumulative", "FY2024-25:Q1", 871, "USD_million"), ("it_exports_cumulative", "FY2024-25:Q2", 1025, "USD_million")}


def test_a_count_of_freelancers_accounts_is_not_of_freelancers_and_a_place_this_year_is_this_years():
    text = "مرکزی بینک کے مطابق فری لانسرز کے ڈیجیٹل اکاؤنٹس کی تعداد ایک لاکھ 12 ہزار سے تجاوز کر چکی ہے۔"
    assert not {f for f in facts(text, "2025-02-25") if f[0] != "other"}
    text = "The payments firm's annual survey placed Pakistan fourth among the world's fastest-growing freelance markets this year."
    assert facts(text, "2024-12-09") == {("ranking", "2024", 4, "rank")}


def test_what_a_change_is_put_down_to_says_nothing_of_its_figures():
    text = (
        "Cumulatively, IT exports in the first five months of FY25 (5MFY25) climbed to $1.54 billion, 25.3% higher than the $1.23 billion "
        "recorded in the same period last year, a rise analysts attributed to a steady rupee and the higher retention limit on exporters' accounts."
    )
    assert facts(text, "2024-12-18") >= {("it_exports_cumulative", "FY2024-25:Jul-Nov", 1540, "USD_million"), ("it_exports_cumulative", "FY2023-24:Jul-Nov", 1230, "USD_million")}


def test_a_month_alone_out_of_a_whole_and_someones_inflows_are_theirs():
    text = "ان میں سے صرف جنوری میں فری لانسرز کی ترسیلات 3 کروڑ 40 لاکھ ڈالر رہیں۔"
    assert facts(text, "2025-02-20") == {("freelancer_earnings", "2025-01", 34, "USD_million")}
    text = "Freelancers sent home $168 million in July-November. For the whole of the last fiscal year, the freelance community's inflows came to $348m."
    assert ("freelancer_earnings", "FY2023-24", 348, "USD_million") in facts(text, "2024-12-20")


def test_the_ict_category_said_on_the_export_side_then_exports_in_this_category():
    text = (
        "Telecommunication, computer and information services remained the largest contributor on the export side. "
        "Exports in this category grew 25.7 percent to $1.541 billion in 5MFY25, compared with $1.226 billion in 5MFY24."
    )
    assert facts(text, "2024-12-20") >= {("it_exports_cumulative", "FY2024-25:Jul-Nov", 1541, "USD_million"), ("it_exports_cumulative", "FY2023-24:Jul-Nov", 1226, "USD_million")}
    # never its imports
    assert not {f for f in facts("Imports of telecommunication, computer and information services rose to $120 million in November, while exports fell.", "2024-12-20") if f[0] != "other"}


# --------------------------------------------------------------------------- a plain month in an earlier year (round 34)


def test_the_month_of_march_alone_and_bare_inflows_at_a_clauses_head():
    text = (
        "IT exports rose to $1.9 billion in July-March. The month of March alone brought in $241 million, up 7pc from $225m in March last year. "
        "Compared with February, when the sector earned $214m, inflows were 12.6pc higher."
    )
    got = facts(text, "2022-04-18")
    assert {("it_exports_monthly", "2022-03", 241, "USD_million"), ("it_exports_monthly", "2021-03", 225, "USD_million")} <= got
    assert {("it_exports_monthly", "2022-02", 214, "USD_million"), ("it_exports_monthly", "2022-03", 12.6, "percent")} <= got
    # (someone else's inflows stay theirs)
    assert not {f for f in facts("Workers' remittances rose to $2.7 billion in March. Compared with February, inflows were 14pc higher.", "2022-04-18") if f[0] != "other"}


def test_a_month_with_its_year_after_an_apostrophe_and_a_comma():
    assert facts("In Feb'22, IT exports came in at US$214mn.", "2023-03-10") == {("it_exports_monthly", "2022-02", 214, "USD_million")}
    assert facts("In Feb’22, IT exports came in at US$214mn.", "2023-03-10") == {("it_exports_monthly", "2022-02", 214, "USD_million")}


def test_the_month_a_record_is_measured_from_when_its_own_figure_is_told():
    text = "IT exports were $241 million in March, the highest monthly print since December, when they stood at $236 million."
    assert facts(text, "2022-04-18") == {("it_exports_monthly", "2022-03", 241, "USD_million"), ("it_exports_monthly", "2021-12", 236, "USD_million")}
    # (without "when", December is only a point of reference)
    assert facts("IT exports were $241 million in March, the highest monthly print since December.", "2022-04-18") == {("it_exports_monthly", "2022-03", 241, "USD_million")}


def test_a_quarter_on_quarter_rate_is_neither_yoy_nor_mom():
    text = "IT exports for 3QFY22 came in at US$655mn, up 14% YoY but down 2% QoQ."
    assert rates(text, "2022-04-18") == {14: "yoy", -2: "unknown"}
    assert rates("IT exports rose 3pc quarter-on-quarter to $655m in the January-March quarter.", "2022-04-18") == {3: "unknown"}


def test_an_office_taken_is_no_charge():
    text = "Chairing a briefing at the ministry after assuming charge, the minister was told that IT exports had reached $1.9 billion during July-March of the current fiscal year."
    assert facts(text, "2022-04-21") == {("it_exports_cumulative", "FY2021-22:Jul-Mar", 1900, "USD_million")}
    text = "The new minister, who took charge on Monday, was told that IT exports had reached $1.9 billion during July-March."
    assert facts(text, "2022-04-21") == {("it_exports_cumulative", "FY2021-22:Jul-Mar", 1900, "USD_million")}
    assert not {f for f in facts("IT exports paid a service charge of $20 million in March.", "2022-04-21") if f[0] != "other"}


def test_the_ict_category_in_either_order_said_to_have_earned():
    text = "The category, which groups computer, telecommunication and information services, fetched $655 million in the January-March quarter."
    assert facts(text, "2022-04-21") == {("it_exports_cumulative", "FY2021-22:Q3", 655, "USD_million")}


def test_an_index_that_placed_it_fourth_for_something():
    text = "Pakistan has been a leading freelance nation since Payoneer's 2019 index placed it fourth for growth in freelancer earnings."
    assert facts(text, "2022-04-07") == {("ranking", "2019", 4, "rank")}


def test_the_three_months_just_named_are_their_span():
    text = "IT exports were $228m in July, $247m in August and $243m in September, taking the quarter's total to $718 million."
    got = facts(text, "2023-10-20")
    assert ("it_exports_cumulative", "FY2023-24:Q1", 718, "USD_million") in got
    assert ("it_exports_monthly", "2023-09", 718, "USD_million") not in got
    text = "جولائی میں آئی ٹی برآمدات 22 کروڑ 80 لاکھ ڈالر، اگست میں 24 کروڑ 70 لاکھ ڈالر اور ستمبر میں 24 کروڑ 30 لاکھ ڈالر رہیں۔ یوں تینوں مہینوں کا مجموعی حجم 71 کروڑ 80 لاکھ ڈالر بنتا ہے۔"
    got = facts(text, "2023-10-20")
    assert ("it_exports_cumulative", "FY2023-24:Q1", 718, "USD_million") in got
    assert ("it_exports_monthly", "2023-07", 718, "USD_million") not in got


def test_the_rate_named_back_for_another_month():
    text = "IT exports in July were 9 percent higher than a year earlier, while in August the rate was 13 percent."
    assert rates(text, "2023-09-20") == {9: "yoy", 13: "yoy"}
    assert facts(text, "2023-09-20") == {("it_exports_monthly", "2023-07", 9, "percent"), ("it_exports_monthly", "2023-08", 13, "percent")}
    text = "جولائی میں آئی ٹی برآمدات گزشتہ سال جولائی کے 20 کروڑ 10 لاکھ ڈالر سے 9 فیصد زیادہ تھیں، جبکہ اگست میں یہ شرح 13 فیصد رہی۔"
    assert rates(text, "2023-09-20") == {9: "yoy", 13: "yoy"}
    # (never another rate: the policy rate is no growth of exports)
    assert ("it_exports_monthly", "2023-07", 22, "percent") not in facts("IT exports fell 3 percent in July, while the policy rate was 22 percent.", "2023-09-20")


def test_an_urdu_rise_ends_its_clause_before_and():
    text = "ستمبر میں آئی ٹی برآمدات سالانہ بنیاد پر 13 فیصد بڑھیں اور ان کا 12 ماہ کا اوسط بڑھ کر 21 کروڑ 80 لاکھ ڈالر ہو گیا۔"
    assert ("it_exports_monthly", "2023-09", 13, "percent") in facts(text, "2023-10-19")


def test_vpns_of_kinds_listed_together_are_all_of_them():
    assert facts("PTA said over 19,000 VPNs of IT companies and freelancers have been registered.", "2023-10-26") == {("vpn_registrations", "", 19000, "count")}
    assert facts("پی ٹی اے: آئی ٹی کمپنیوں اور فری لانسرز کے 19 ہزار سے زائد وی پی این رجسٹرڈ", "2023-10-26") == {("vpn_registrations", "", 19000, "count")}
    # one kind's share stays a part
    got = facts("Of the 19,000 VPNs registered, 8,200 were of individual freelancers and 10,800 of IT companies.", "2023-10-26")
    assert ("vpn_registrations", "", 19000, "count") in got and ("vpn_registrations", "", 8200, "count") not in got


def test_an_urdu_place_said_after_its_noun():
    text = "سافٹ ویئر کے زمرے میں پاکستان کا درجہ تیسرا ہے۔"
    assert facts(text, "2023-10-28") == {("ranking", "", 3, "rank")}


def test_our_figures_beside_another_countrys():
    text = "بنگلہ دیش نے گزشتہ مالی سال ایک ارب 30 کروڑ ڈالر کی آئی سی ٹی برآمدات کیں، جبکہ ہماری آئی ٹی برآمدات اسی عرصے میں ڈھائی ارب ڈالر کے آس پاس رہیں۔"
    assert facts(text, "2023-10-22") == {("it_exports_annual", "FY2022-23", 2500, "USD_million")}
    text = "Bangladesh exported $1.3 billion of ICT services last fiscal year, while our IT exports in the same period were around $2.5 billion."
    assert facts(text, "2023-10-22") == {("it_exports_annual", "FY2022-23", 2500, "USD_million")}
    text = "Bangladesh exported $1.3 billion of ICT services in FY23. Our IT exports in the same year were around $2.5 billion."
    assert facts(text, "2023-10-22") == {("it_exports_annual", "FY2022-23", 2500, "USD_million")}
    # (the other country's own clause, after "and", stays theirs)
    text = "بھارت کی برآمدات 190 ارب ڈالر ہیں اور بنگلہ دیش نے بھی گزشتہ مالی سال ایک ارب 30 کروڑ ڈالر کی آئی سی ٹی برآمدات کیں، جبکہ ہماری آئی ٹی برآمدات ڈھائی ارب ڈالر رہیں۔"
    assert ("it_exports_annual", "FY2022-23", 1300, "USD_million") not in facts(text, "2023-10-22")


def test_a_place_behind_only_another_country_is_ours():
    text = "Pakistan is the third-largest supplier of online labour. In the software category, the country ranks second, behind only India."
    assert facts(text, "2022-04-07") == {("ranking", "", 3, "rank"), ("ranking", "", 2, "rank")}
    text = "Pakistan is the third-largest supplier of online labour. In software, the country is second only to India."
    assert facts(text, "2022-04-07") == {("ranking", "", 3, "rank"), ("ranking", "", 2, "rank")}


# --------------------------------------------------------------------------- passages from the middle of reports (round 35)


def test_the_quarter_just_before_the_one_reported_is_its_base():
    text = "IT exports came to $960 million in the second quarter of FY25. Compared with the first quarter, when exports stood at $830 million, the increase works out to 15.7 percent."
    got = facts(text, "2025-01-20")
    assert ("it_exports_cumulative", "FY2024-25:Q2", 15.7, "percent") in got and ("it_exports_cumulative", "FY2024-25:Q1", 830, "USD_million") in got
    text = "During 2QFY25, IT exports amounted to USD 960mn, up 21% YoY from USD 793mn in 2QFY24. On a QoQ basis, exports rose 15.7% from USD 830mn in 1QFY25."
    assert rates(text, "2025-01-20") == {21: "yoy", 15.7: "unknown"}
    assert ("it_exports_cumulative", "FY2024-25:Q2", 15.7, "percent") in facts(text, "2025-01-20")
    # (a base a year back stays so)
    assert ("it_exports_cumulative", "FY2024-25:Q1", 20, "percent") in facts("IT exports rose 20% YoY from USD 700mn in 1QFY24.", "2024-10-20")


def test_that_was_after_freelancers_money_is_theirs():
    text = "Freelancers sent home $201 million during the first half of the current fiscal year. That was 25 percent more than the $161 million received in the same months a year earlier."
    assert facts(text, "2025-01-24") == {
        ("freelancer_earnings", "FY2024-25:H1", 201, "USD_million"),
        ("freelancer_earnings", "FY2024-25:H1", 25, "percent"),
        ("freelancer_earnings", "FY2023-24:H1", 161, "USD_million"),
    }


def test_a_fraction_before_the_comparison():
    text = "Over calendar year 2024, IT exports added up to $3.4 billion, roughly a quarter more than the $2.7 billion earned in 2023."
    assert facts(text, "2025-01-20") == {("it_exports_annual", "2024", 3400, "USD_million"), ("it_exports_annual", "2024", 25, "percent"), ("it_exports_annual", "2023", 2700, "USD_million")}
    assert ("it_exports_monthly", "2024-03", -20, "percent") in facts("IT exports were $300 million in March, a fifth lower than in February.", "2024-04-20")
    # (not a fraction of something else: "a quarter more active")
    assert not {f for f in facts("IT firms were a quarter more active than usual in the second quarter.", "2025-01-20") if f[3] == "percent"}
    # and a change over two years is no year's rate
    got = facts("IT exports rose to $3.1 billion in July-April. The sector now earns about a third more than it did two years ago.", "2025-05-20")
    assert not {f for f in got if f[3] == "percent" and f[0] != "other"}


def test_a_place_risen_from_in_a_ranking_named_for_its_year():
    text = "Pakistan has moved up to fifth place among the fastest-growing freelance markets in Payoneer's freelancer report for 2024, up from sixth a year earlier."
    assert facts(text, "2025-01-09") == {("ranking", "2024", 5, "rank"), ("ranking", "2023", 6, "rank")}
    text = "In the platform's report for 2024, Pakistan came fifth by growth in freelancer earnings, up from sixth a year earlier."
    assert facts(text, "2025-01-09") == {("ranking", "2024", 5, "rank"), ("ranking", "2023", 6, "rank")}


def test_a_second_place_joined_by_and_for_another_list():
    text = "In the Speedtest Global Index for December 2024, Pakistan ranked 98th for mobile internet speed and 152nd for fixed broadband."
    assert facts(text, "2025-01-22") == {("ranking", "2024-12", 98, "rank"), ("ranking", "2024-12", 152, "rank")}


def test_this_volume_a_year_before_is_the_same_subjects():
    text = "گزشتہ مالی سال کے دوران ملک کی آئی ٹی برآمدات دو ارب دس کروڑ ڈالر تک پہنچ گئیں۔ اس سے ایک سال پہلے یہ حجم ایک ارب 43 کروڑ ڈالر تھا، یوں ان برآمدات میں 47 فیصد اضافہ ہوا۔"
    assert ("it_exports_annual", "FY2019-20", 1430, "USD_million") in facts(text, "2021-08-05")


def test_people_taught_freelancing_or_turned_out_by_a_programme_are_no_count_of_freelancers():
    text = "دوسرے مرحلے میں آئندہ تین برسوں کے دوران مزید 25 لاکھ نوجوانوں کو فری لانسنگ، ای کامرس اور ڈیجیٹل مارکیٹنگ کے کورسز کرائے جائیں گے۔"
    assert not {f for f in facts(text, "2021-08-16") if f[0] != "other"}
    assert not {f for f in facts("The DigiSkills programme has so far produced some 3.1 million freelancers, the minister said.", "2025-01-13") if f[0] != "other"}
    # (while a count of them, with a bound, stays one)
    assert facts("ملک میں 22 لاکھ سے زائد فعال فری لانسرز ہیں۔", "2025-09-18") == {("freelancer_count", "", 2200000, "count")}


def test_a_titles_amount_is_of_the_period_the_lead_gives_beside_its_base():
    title = "فری لانسرز کی آمدن 38 کروڑ 90 لاکھ ڈالر تک پہنچ گئی"
    text = "اسٹیٹ بینک کے مطابق مالی سال 2020-21 کے دوران فری لانسرز نے جو رقوم وصول کیں وہ گزشتہ مالی سال کے 25 کروڑ 10 لاکھ ڈالر کے مقابلے میں 55 فیصد زیادہ ہیں۔"
    assert ("freelancer_earnings", "FY2020-21", 389, "USD_million") in facts(text, "2021-08-12", title)


def test_the_ict_category_in_urdu_and_the_other_heads_of_services():
    text = "خدمات کی برآمدات میں سب سے نمایاں کردار ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کا رہا جن کی برآمدات جولائی میں 18 کروڑ 90 لاکھ ڈالر ریکارڈ کی گئیں۔"
    assert facts(text, "2021-08-21") == {("it_exports_monthly", "2021-07", 189, "USD_million")}
    text = "جولائی میں آئی ٹی برآمدات 18 کروڑ 90 لاکھ ڈالر رہیں۔ اسی طرح ٹرانسپورٹ سروسز کی برآمدات 9 کروڑ 70 لاکھ ڈالر رہیں۔"
    assert facts(text, "2021-08-21") == {("it_exports_monthly", "2021-07", 189, "USD_million")}
    text = "Exports of telecommunication, computer and information services were $189m in July. Likewise, exports of transport services were $97 million and travel services $48 million."
    assert facts(text, "2021-08-21") == {("it_exports_monthly", "2021-07", 189, "USD_million")}


def test_one_aside_that_names_nothing_keeps_the_subject():
    text = (
        "Pakistan's IT exports added up to $3.4 billion in calendar year 2024. Calendar-year totals are not how officials usually keep score. "
        "By that measure, the industry earned $3.2 billion in FY24, compared with $2.6 billion in FY23."
    )
    assert facts(text, "2025-01-21") >= {("it_exports_annual", "FY2023-24", 3200, "USD_million"), ("it_exports_annual", "FY2022-23", 2600, "USD_million")}
    # (two asides in a row leave it: what follows may be about anything)
    text = (
        "Pakistan's IT exports added up to $3.4 billion in calendar year 2024. Calendar-year totals are not how officials usually keep score. "
        "Few readers notice the difference. By that measure, the industry earned $3.2 billion in FY24."
    )
    assert facts(text, "2025-01-21") == {("it_exports_annual", "2024", 3400, "USD_million")}


# --------------------------------------------------------------------------- the other beats, a plain month (round 36)


def test_places_out_of_a_count_after_others_and_in_a_second_list():
    text = "Pakistan was placed 109th out of 142 countries for mobile internet speed in Ookla's Speedtest Global Index for August, and 148th of 180 for fixed broadband."
    assert facts(text, "2023-09-13") == {("ranking", "2023-08", 109, "rank"), ("ranking", "2023-08", 148, "rank")}
    text = "According to the Online Labour Index, Pakistan supplies about 12 percent of the world's online freelance workforce and is placed third after India and Bangladesh."
    assert ("ranking", "", 3, "rank") in facts(text, "2023-09-28")


def test_an_urdu_headlines_amount_then_its_change():
    text = "فری لانسرز کی ترسیلات فروری میں 3 کروڑ 10 لاکھ ڈالر، جنوری کے مقابلے میں 5 فیصد کمی"
    assert rates(text, "2024-03-21") == {-5: "mom"}
    assert ("freelancer_earnings", "2024-02", -5, "percent") in facts(text, "2024-03-21")


def test_the_whole_of_a_calendar_year_in_urdu():
    text = "عہدیدار کے مطابق 2023 کے پورے سال میں 13 ہزار 900 وی پی اینز کی رجسٹریشن ہوئی تھی اور اب تک رجسٹرڈ وی پی اینز کی مجموعی تعداد 23 ہزار 800 ہو چکی ہے۔"
    assert facts(text, "2024-03-13") == {("vpn_registrations", "2023", 13900, "count"), ("vpn_registrations", "", 23800, "count")}


def test_a_titles_bound_is_met_by_the_bodys_figure_of_its_month():
    title = "فروری میں 2 ہزار سے زائد وی پی اینز رجسٹر"
    text = "پی ٹی اے کے ایک عہدیدار نے بتایا کہ فروری میں اتھارٹی نے 2 ہزار 410 وی پی اینز رجسٹر کیے۔"
    assert facts(text, "2024-03-13", title) == {("vpn_registrations", "2024-02", 2410, "count")}
    # (a bound of no period stays within a tenth of the figure it gives way to)
    title = "Over 2,000 VPNs registered"
    text = "PTA said 2,410 VPNs were registered in February."
    assert ("vpn_registrations", "", 2000, "count") in facts(text, "2024-03-13", title)


def test_an_estimate_in_a_later_clause_is_of_something_else():
    text = (
        "According to the State Bank of Pakistan, freelancers sent home $262 million through banking channels in FY23, "
        "but industry estimates suggest their actual earnings could be three times as large."
    )
    assert facts(text, "2023-09-26") == {("freelancer_earnings", "FY2022-23", 262, "USD_million")}
    assert not {f for f in facts("By our estimate, freelancers earned $500 million in FY23.", "2023-09-26") if f[0] != "other"}


def test_the_number_put_at_after_a_count():
    text = "The report estimates that about 1.7 million Pakistanis do online freelance work, though official figures vary. The IT ministry has put the number at 2.2 million."
    assert facts(text, "2023-09-26") == {("freelancer_count", "", 1700000, "count"), ("freelancer_count", "", 2200000, "count")}


def test_freelancers_receipts_within_computer_services_are_theirs():
    text = "Within computer services, receipts from freelance work stood at $49 million during the first two months of the current fiscal year, against $45 million in 2MFY23."
    assert facts(text, "2023-09-19") == {("freelancer_earnings", "FY2023-24:Jul-Aug", 49, "USD_million"), ("freelancer_earnings", "FY2022-23:Jul-Aug", 45, "USD_million")}
    text = "Within computer services, exports of freelance computer services amounted to $228 million in the first half of FY26."
    assert facts(text, "2026-01-20") == {("freelancer_earnings", "FY2025-26:H1", 228, "USD_million")}


def test_a_figure_said_to_be_within_reach_is_a_hope():
    text = "IT exports slipped 1.1 percent to $2.59 billion in FY23 from $2.62 billion a year earlier, but the minister insisted that $5 billion was within reach in two years."
    got = facts(text, "2023-09-20")
    assert ("it_exports_annual", "FY2022-23", 2590, "USD_million") in got
    assert not {f for f in got if f[2] == 5000 and f[0] != "other"}


# --------------------------------------------------------------------------- the fiscal year's close (round 37)


def test_two_urdu_rates_sharing_the_verb_after_jabke():
    text = "جون کے مہینے میں آئی ٹی برآمدات 25 کروڑ 80 لاکھ ڈالر رہیں جو جون 2021 کے 22 کروڑ ڈالر سے 17 فیصد جبکہ مئی کے 23 کروڑ 70 لاکھ ڈالر سے 9 فیصد زیادہ ہیں۔"
    got = facts(text, "2022-07-19")
    assert {("it_exports_monthly", "2022-06", 258, "USD_million"), ("it_exports_monthly", "2022-06", 17, "percent"), ("it_exports_monthly", "2022-06", 9, "percent")} <= got
    assert rates(text, "2022-07-19") == {17: "yoy", 9: "mom"}


def test_the_last_quarter_and_these_three_months_in_urdu():
    text = (
        "گزشتہ مالی سال کی آخری سہ ماہی (اپریل تا جون) آئی ٹی شعبے کے لیے بہترین ثابت ہوئی۔ اسٹیٹ بینک کے مطابق ان تین مہینوں میں آئی ٹی برآمدات 72 کروڑ 10 لاکھ ڈالر رہیں "
        "جو مالی سال 2020-21 کی اسی سہ ماہی کے 60 کروڑ ڈالر کے مقابلے میں 20.2 فیصد زیادہ ہیں۔"
    )
    assert facts(text, "2022-07-24") == {
        ("it_exports_cumulative", "FY2021-22:Q4", 721, "USD_million"),
        ("it_exports_cumulative", "FY2020-21:Q4", 600, "USD_million"),
        ("it_exports_cumulative", "FY2021-22:Q4", 20.2, "percent"),
    }
    assert ("it_exports_cumulative", "FY2021-22:Q4", 21, "percent") in facts("آئی ٹی برآمدات: آخری سہ ماہی میں 21 فیصد اضافہ", "2022-07-24")
    # (the same months of the year before stay the year before's)
    text = "رواں مالی سال کے پہلے چھ ماہ میں آئی ٹی برآمدات ایک ارب 30 کروڑ ڈالر رہیں۔ گزشتہ مالی سال کے انہی چھ مہینوں میں یہ حجم ایک ارب 2 کروڑ ڈالر تھا۔"
    assert ("it_exports_cumulative", "FY2020-21:H1", 1020, "USD_million") in facts(text, "2022-01-20")


def test_a_half_a_year_before_in_urdu():
    text = "جنوری سے جون 2022 تک کی دوسری ششماہی میں برآمدات کا حجم ایک ارب 30 کروڑ ڈالر رہا جو ایک سال پہلے کی دوسری ششماہی کے ایک ارب 10 کروڑ ڈالر سے 18.2 فیصد زیادہ ہے۔"
    got = facts("آئی ٹی برآمدات میں اضافہ جاری رہا۔ " + text, "2022-07-24")
    assert ("it_exports_cumulative", "FY2020-21:H2", 1100, "USD_million") in got and ("it_exports_cumulative", "FY2021-22:H2", 1300, "USD_million") in got


def test_an_urdu_headlines_rise_then_the_amount_of_the_year():
    text = "فری لانسرز کی آمدن 20 فیصد بڑھ گئی، مالی سال 22 میں 35 کروڑ ڈالر سے زائد ترسیلات"
    assert ("freelancer_earnings", "FY2021-22", 350, "USD_million") in facts(text, "2022-07-27")


def test_the_year_just_ended_and_the_previous_fiscal_year_said_in_july():
    assert facts("IT exports came to $3.2 billion in the year just ended, the State Bank said.", "2024-07-24") == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}
    text = "According to the State Bank, IT exports grew 24 percent as compared to the previous fiscal year, when they stood at $2.6 billion."
    assert facts(text, "2024-07-18") == {("it_exports_annual", "FY2023-24", 24, "percent"), ("it_exports_annual", "FY2022-23", 2600, "USD_million")}
    # (later in the new year, the months so far against the same months of the last one)
    assert ("it_exports_cumulative", "FY2024-25:Jul-Nov", 24, "percent") in facts(text, "2024-12-18")


# --------------------------------------------------------------------------- Urdu snippets (round 38)


def test_months_counted_beside_their_span_restate_it():
    text = "جنوری سے مارچ کے تین ماہ میں کمپیوٹر اور آئی ٹی خدمات کی برآمدات 63 کروڑ ڈالر رہیں۔"
    assert facts(text, "2023-04-20") == {("it_exports_cumulative", "FY2022-23:Q3", 630, "USD_million")}
    assert facts("In the three months from January to March, IT exports were $630 million.", "2023-04-20") == {("it_exports_cumulative", "FY2022-23:Q3", 630, "USD_million")}
    # (the fiscal year's first months, said with their names, stay so)
    assert facts("In the first three months, July to September, IT exports were $745 million.", "2023-10-20") == {("it_exports_cumulative", "FY2023-24:Q1", 745, "USD_million")}


def test_another_countrys_first_place_in_urdu():
    text = "پے اونیئر کے سروے میں فری لانسرز کی آمدن میں تیزی سے اضافے والے ممالک کی فہرست میں پاکستان آٹھویں نمبر پر رہا، جبکہ پہلا نمبر امریکا کے حصے میں آیا۔"
    assert facts(text, "2023-02-14") == {("ranking", "", 8, "rank")}


def test_this_sum_after_freelancers_money_and_a_month_alone_of_a_count():
    text = "پاکستانی فری لانسرز نے رواں مالی سال کے پہلے نو ماہ میں 29 کروڑ ڈالر وطن بھیجے۔ یہ رقم گزشتہ مالی سال کے اسی عرصے سے 11 فیصد زیادہ ہے۔"
    assert ("freelancer_earnings", "FY2024-25:Jul-Mar", 11, "percent") in facts(text, "2025-04-22")
    text = "پی ٹی اے کے مطابق اب تک رجسٹرڈ وی پی اینز کی تعداد ایک لاکھ سے تجاوز کر گئی ہے۔ ان میں سے 17 ہزار 600 وی پی اینز صرف گزشتہ ماہ رجسٹر کیے گئے۔"
    assert ("vpn_registrations", "2024-12", 17600, "count") in facts(text, "2025-01-08")


def test_a_figure_set_against_a_target_is_no_target_and_the_same_month_in_urdu():
    text = "گزشتہ مالی سال میں آئی ٹی برآمدات 2 ارب 70 کروڑ ڈالر رہیں جو ساڑھے تین ارب ڈالر کے سرکاری ہدف سے خاصی کم ہیں۔"
    assert ("it_exports_annual", "FY2021-22", 2700, "USD_million") in facts(text, "2022-07-20")
    text = "دسمبر میں بیرون ملک مقیم پاکستانیوں کی ترسیلات زر 2 ارب 51 کروڑ ڈالر رہیں۔ اسی مہینے آئی ٹی برآمدات 25 کروڑ ڈالر ریکارڈ کی گئیں۔"
    assert facts(text, "2022-01-19") == {("it_exports_monthly", "2021-12", 250, "USD_million")}


# --------------------------------------------------------------------------- English snippets (round 39)


def test_a_rate_after_a_base_in_brackets_is_the_amount_before_them():
    text = "IT exports in 3QFY24 (Jan-Mar) came to $812 million (3QFY23: $700mn), up 16 percent YoY, a brokerage said."
    assert ("it_exports_cumulative", "FY2023-24:Q3", 16, "percent") in facts(text, "2024-04-22")
    assert ("it_exports_cumulative", "FY2022-23:Q3", 700, "USD_million") in facts(text, "2024-04-22")
    text = "IT exports in May were $298 million (April: $281mn), higher by 6 percent MoM."
    assert ("it_exports_monthly", "2022-05", 6, "percent") in facts(text, "2022-06-20")


def test_a_rates_month_before_does_not_undate_the_span_after_it():
    text = "IT exports in October were $301 million, a rise of 4 percent over the previous month, taking receipts in the first four months of FY25 to $1.2 billion."
    assert ("it_exports_cumulative", "FY2024-25:Jul-Oct", 1200, "USD_million") in facts(text, "2024-11-19")
    # (a span's amount compared with the month before itself stays unknown)
    text = "IT exports in the first four months of FY25 were $1.2 billion, 4 percent above the previous month."
    assert ("it_exports_cumulative", "FY2024-25:Jul-Oct", 1200, "USD_million") not in facts(text, "2024-11-19")


def test_the_period_referred_to_is_the_span_a_year_after_its_base():
    text = "IT exports during the period rose 9 percent to $1.43 billion from $1.31 billion in 5MFY23, the central bank said."
    assert facts(text, "2023-12-18") == {
        ("it_exports_cumulative", "FY2023-24:Jul-Nov", 9, "percent"),
        ("it_exports_cumulative", "FY2023-24:Jul-Nov", 1430, "USD_million"),
        ("it_exports_cumulative", "FY2022-23:Jul-Nov", 1310, "USD_million"),
    }
    # (a month's base may be the month before or a year before: the month is not told)
    text = "IT exports during the month rose to $301 million from $280 million in March 2023."
    assert ("it_exports_monthly", "2024-03", 301, "USD_million") not in facts(text, "2024-04-18")


def test_slips_to_a_place():
    assert facts("", "2025-02-20", title="Pakistan slips to ninth on a freelance platform's list of top markets") == {("ranking", "", 9, "rank")}


def test_a_forecast_in_urdu_is_no_figure():
    text = "ایک بروکریج رپورٹ میں رواں مالی سال کے لیے آئی ٹی برآمدات 4 ارب 20 کروڑ ڈالر رہنے کی پیش گوئی کی گئی ہے، جو گزشتہ مالی سال کے 3 ارب 60 کروڑ ڈالر سے زیادہ ہوں گی۔"
    assert ("it_exports_annual", "FY2025-26", 4200, "USD_million") not in facts(text, "2025-09-15")
    assert ("it_exports_annual", "FY2024-25", 3600, "USD_million") in facts(text, "2025-09-15")


# --------------------------------------------------------------------------- a plain month again (round 40)


def test_during_the_year_named_before_in_the_same_sentence():
    text = "IT exports were $2.6 billion last fiscal year, and freelancers alone brought in $397 million during the year."
    assert ("freelancer_earnings", "FY2021-22", 397, "USD_million") in facts(text, "2022-09-12")


def test_the_first_quarters_counted():
    assert facts("IT exports in the first three quarters of FY24 stood at $2.28 billion.", "2024-05-02") == {("it_exports_cumulative", "FY2023-24:Jul-Mar", 2280, "USD_million")}
    text = "رواں مالی سال کی پہلی دو سہ ماہیوں میں آئی ٹی برآمدات ایک ارب 60 کروڑ ڈالر رہیں۔"
    assert facts(text, "2024-03-04") == {("it_exports_cumulative", "FY2023-24:H1", 1600, "USD_million")}


def test_what_the_month_compared_with_had_been_in_urdu():
    text = "فروری میں آئی ٹی برآمدات 29 کروڑ 50 لاکھ ڈالر رہیں، تاہم جنوری کے مقابلے میں ان میں 4 فیصد کمی ہوئی جب یہ 30 کروڑ 70 لاکھ ڈالر تھیں۔"
    assert ("it_exports_monthly", "2024-01", 307, "USD_million") in facts(text, "2024-03-18")
    assert ("it_exports_monthly", "2024-02", 307, "USD_million") not in facts(text, "2024-03-18")


def test_net_exports_in_urdu_across_commas():
    text = "آئی ٹی شعبے کی خالص برآمدات، یعنی بیرون ملک ادائیگیاں منہا کرنے کے بعد، آٹھ ماہ میں 2 ارب 10 کروڑ ڈالر رہیں۔"
    assert not {f for f in facts(text, "2024-03-20") if f[0].startswith("it_exports")}
    # (IT exports named again after them are the gross figure)
    text = "خالص برآمدات کے اعداد و شمار جاری نہیں کیے گئے، جبکہ فروری میں آئی ٹی برآمدات 30 کروڑ ڈالر رہیں۔"
    assert facts(text, "2024-03-20") == {("it_exports_monthly", "2024-02", 300, "USD_million")}


def test_a_place_in_digits_before_its_verb_in_urdu():
    text = "عالمی فہرست میں موبائل انٹرنیٹ کی رفتار کے لحاظ سے پاکستان اپریل میں 97 ویں نمبر پر رہا، جبکہ مارچ میں اس کا درجہ 100 تھا۔"
    assert ("ranking", "2024-03", 100, "rank") in facts(text, "2024-05-10")


def test_a_place_right_after_pakistans_dated_place_is_of_its_edition():
    text = (
        "Pakistan ranked 109th among 146 countries for mobile internet speed in Speedtest's index for June 2023. "
        "The median mobile download speed stood at 19.6 Mbps in June. "
        "On fixed broadband, the country was ranked 150th out of 180 countries."
    )
    assert ("ranking", "2023-06", 150, "rank") in facts(text, "2023-07-14")
    # another list named after it, or another field, keeps its own (unknown) date
    text = (
        "Pakistan ranked 109th among 146 countries for mobile internet speed in Speedtest's index for June 2023. "
        "Separately, the Online Labour Index places Pakistan fourth among suppliers of online freelance labour."
    )
    assert ("ranking", "2023-06", 4, "rank") not in facts(text, "2023-07-14")
    text = (
        "Pakistan ranked 109th among 146 countries for mobile internet speed in Speedtest's index for June 2023. "
        "The country is also ranked fourth in the world for freelance market growth."
    )
    assert ("ranking", "2023-06", 4, "rank") not in facts(text, "2023-07-14")


def test_a_part_that_continues_to_account_for_the_total_owns_their_exports():
    text = (
        "ICT exports rose 18 percent to $254 million in May. "
        "Computer services continued to account for the bulk of the total. "
        "Their exports stood at $198m in May."
    )
    assert ("it_exports_monthly", "2023-05", 198, "USD_million") not in facts(text, "2023-06-16")


def test_the_sector_after_freelancers_is_the_industry():
    text = (
        "Officials say foreign clients now hand design and coding work to Pakistani companies and freelancers alike. "
        "The sector closed 2022-23 with exports of $2.6 billion."
    )
    assert ("it_exports_annual", "FY2022-23", 2600, "USD_million") in facts(text, "2023-09-10")


def test_a_month_on_month_fall_after_a_month_that_had_been_a_record():
    text = "IT exports fell 6.1 percent month-on-month, as in December they had touched a record $348 million."
    assert ("it_exports_monthly", "2024-01", -6.1, "percent") in facts(text, "2024-02-19")
    text = "ماہانہ بنیاد پر آئی ٹی برآمدات میں 6.1 فیصد کمی ہوئی کیونکہ دسمبر میں یہ برآمدات 34 کروڑ 80 لاکھ ڈالر تک پہنچ گئی تھیں۔"
    assert ("it_exports_monthly", "2024-01", -6.1, "percent") in facts(text, "2024-02-19")


def test_an_actual_after_a_target_said_with_its_subject():
    text = "The ministry has set a target of taking IT exports to $4 billion this year, after the sector crossed $2.6 billion in 2022-23."
    assert ("it_exports_annual", "FY2022-23", 2600, "USD_million") in facts(text, "2023-08-03")


# --------------------------------------------------------------------------- a plain month in whole articles (round 41)


def test_a_span_that_brought_in_after_put_together():
    text = "IT exports came in at $251 million in December. Put together, the first half of the fiscal year brought in $1.45 billion."
    assert ("it_exports_cumulative", "FY2022-23:H1", 1450, "USD_million") in facts(text, "2023-01-18")


def test_a_tally_of_an_amount_after_an_opening_with():
    text = "IT exports came in at $207 million in February. With February's weak showing, the eight-month tally of $1.73 billion trails last year's."
    assert ("it_exports_cumulative", "FY2022-23:Jul-Feb", 1730, "USD_million") in facts(text, "2023-03-20")
    # ("the total of" what it counts still names it)
    assert ("it_exports_cumulative", "FY2022-23:Jul-Feb", 3000, "count") not in facts("IT exports came in at $207 million in February. The total of new firms rose to 3,000.", "2023-03-20")


def test_an_amount_for_a_time_still_to_come_is_a_hope():
    text = "IT exports reached $2.62 billion in 2021-22, and ministers spoke of $5 billion within a couple of years."
    assert {f for f in facts(text, "2023-03-20") if f[0] != "other"} == {("it_exports_annual", "FY2021-22", 2620, "USD_million")}
    assert not {f for f in facts("The ministry hopes IT exports touch $10 billion in the next five years.", "2023-03-20") if f[0] != "other"}
    # (a span already over is no time to come, nor one that an amount was reached in)
    assert facts("IT exports hit $2.89bn in 11 months", "2024-06-20") == {("it_exports_cumulative", "FY2023-24:Jul-May", 2890, "USD_million")}
    assert facts("IT exports jumped to $1.2 billion within four months of FY24.", "2023-11-20") == {("it_exports_cumulative", "FY2023-24:Jul-Oct", 1200, "USD_million")}


def test_information_services_bringing_in_their_share_are_a_part():
    text = (
        "Within the group, computer services brought in $1.38 billion. Information services brought in $18 million. "
        "On a year-on-year basis, the group's exports fell 13 percent in February 2023 to $207 million."
    )
    assert ("it_exports_monthly", "2023-02", 207, "USD_million") in facts(text, "2023-03-21")


def test_an_urdu_list_of_rates_shares_its_verb_and_basis():
    text = "سالانہ بنیاد پر جولائی میں آئی ٹی برآمدات 18.2 فیصد، اگست میں 25.4 فیصد اور ستمبر میں 21 فیصد بڑھیں۔"
    assert facts(text, "2022-10-20") == {
        ("it_exports_monthly", "2022-07", 18.2, "percent"),
        ("it_exports_monthly", "2022-08", 25.4, "percent"),
        ("it_exports_monthly", "2022-09", 21, "percent"),
    }
    assert {f.basis for f in extract_facts("", text, published="2022-10-20")} == {"yoy"}


def test_a_figure_in_a_which_clause_of_its_subject():
    text = "The official said training the youth in digital skills was vital to raise the country's IT exports, which stood at $2.6 billion during the last fiscal year."
    assert ("it_exports_annual", "FY2022-23", 2600, "USD_million") in facts(text, "2023-10-05")


def test_a_count_and_its_participle_alone():
    text = "A PTA official said more than 31,000 VPNs had been registered so far, including 2,150 registered during May."
    assert ("vpn_registrations", "2023-05", 2150, "count") in facts(text, "2023-06-08")


def test_a_place_said_beside_a_speed_alone():
    text = "The median mobile download speed was 19.4 Mbps in February, against 19.9 Mbps a month earlier, when Pakistan was ranked 110th."
    assert ("ranking", "2023-01", 110, "rank") in facts(text, "2023-03-23")


def test_money_kept_abroad_and_a_platforms_own_volume_are_no_earnings():
    text = "He reckoned that in 2021-22 at least $400 million earned by Pakistani freelancers was being parked outside the country."
    assert not {f for f in facts(text, "2023-03-10") if f[0] == "freelancer_earnings"}
    text = "Upwork, one of the largest freelancing platforms, reported an 8 percent rise in its gross services volume in 2022 to $4.1 billion."
    assert not {f for f in facts(text, "2023-03-10") if f[0] == "freelancer_earnings"}


def test_an_urdu_place_with_the_lists_size_between():
    text = "اوکلا کے انڈیکس کی ستمبر کی درجہ بندی میں فکسڈ براڈ بینڈ کی رفتار میں پاکستان کا درجہ 180 ممالک میں 152 واں رہا۔"
    assert ("ranking", "2022-09", 152, "rank") in facts(text, "2022-10-14")


# --------------------------------------------------------------------------- snippets with their look-alikes (round 42)


def test_a_fall_from_the_month_before_to_an_amount():
    text = "IT exports fell 4% from October to $301 million in November, though earnings for July-November were 19% higher than a year earlier at $1.42 billion."
    assert facts(text, "2024-12-18") == {
        ("it_exports_monthly", "2024-11", -4, "percent"),
        ("it_exports_monthly", "2024-11", 301, "USD_million"),
        ("it_exports_cumulative", "FY2024-25:Jul-Nov", 19, "percent"),
        ("it_exports_cumulative", "FY2024-25:Jul-Nov", 1420, "USD_million"),
    }


def test_it_enabled_services_that_fetched():
    text = "In July-December, goods exports came to $15.2 billion, while IT and IT-enabled services fetched $1.86 billion."
    assert facts(text, "2025-01-20") == {("it_exports_cumulative", "FY2024-25:H1", 1860, "USD_million")}


def test_a_month_in_which_is_no_rate_per_month():
    text = "According to PTA data, 12,400 VPNs were registered in January alone, a month in which mobile subscriptions rose to 195 million."
    assert ("vpn_registrations", "2025-01", 12400, "count") in facts(text, "2025-02-10")


def test_inflows_set_against_it_exports_named_after_them_are_another_flow():
    text = "Remittances came to $2.4bn in March, while IT exports for the month stood at $256m, 8pc lower than in March last year."
    assert ("it_exports_monthly", "2023-03", -8, "percent") in facts(text, "2023-04-18")
    text = "مارچ میں ملک سے اشیا کی برآمدات 2 ارب 50 کروڑ ڈالر رہیں، جبکہ آئی ٹی خدمات کی برآمدات 25 کروڑ 60 لاکھ ڈالر رہیں جو فروری کے مقابلے میں 3 فیصد کم ہیں۔"
    assert ("it_exports_monthly", "2023-03", -3, "percent") in facts(text, "2023-04-18")
    # (bare exports are, in an IT report, most often IT's own, whatever is set against them)
    text = "In July-March, exports rose to $2.1 billion, while IT exports in the same period last year were $1.8 billion."
    assert ("it_exports_cumulative", "FY2022-23:Jul-Mar", 2100, "USD_million") in facts(text, "2023-04-20")
    # ("these exports" name back what was reported, whatever is set against them)
    text = "آئی ٹی برآمدات میں اضافہ ہوا۔ پہلے گیارہ ماہ میں یہ برآمدات 2 ارب 30 کروڑ ڈالر تھیں، جبکہ صرف جون میں 28 کروڑ ڈالر کی آئی ٹی خدمات برآمد کی گئیں۔"
    assert ("it_exports_cumulative", "FY2022-23:Jul-May", 2300, "USD_million") in facts(text, "2023-07-20")


def test_the_countrys_in_urdu_beside_another_countrys_figures():
    text = "مالی سال 2022-23 میں ملک کی آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر رہیں، جبکہ پڑوسی ملک بھارت کی سافٹ ویئر برآمدات 190 ارب ڈالر سے بڑھ گئیں۔"
    assert facts(text, "2023-08-10") == {("it_exports_annual", "FY2022-23", 2600, "USD_million")}


def test_two_urdu_places_parted_by_a_comma():
    text = "فری لانسرز کی تعداد میں پاکستان دنیا میں چوتھے، آمدن میں نویں نمبر پر"
    assert facts("", "2023-09-12", title=text) == {("ranking", "", 4, "rank"), ("ranking", "", 9, "rank")}


def test_the_total_the_parts_add_up_to():
    text = "Within ICT exports, computer services rose to $271 million in May and telecommunication services brought in $58 million, taking the month's total to $331 million."
    assert {f for f in facts(text, "2024-06-18") if f[0] != "other"} == {("it_exports_monthly", "2024-05", 331, "USD_million")}


def test_the_same_stretch_of_a_year_is_the_same_months():
    text = "The first eight months of FY25 brought in $2.4 billion in IT exports, some 16 percent more than in the same stretch of FY24."
    assert rates(text, "2025-03-20") == {16: "yoy"}


def test_the_first_or_last_month_of_a_calendar_year():
    text = "IT exports slowed to $291 million in January. The sector had earned a record $348 million in the last month of 2024."
    assert ("it_exports_monthly", "2024-12", 348, "USD_million") in facts(text, "2025-02-18")
    assert ("it_exports_monthly", "2025-01", 348, "USD_million") not in facts(text, "2025-02-18")


def test_the_sector_in_its_own_clause_beside_other_exports():
    text = "IT exports slowed to $291 million in January. In December 2024, the sector had earned $348 million, a record, while in November exports came to $319 million."
    assert ("it_exports_monthly", "2024-12", 348, "USD_million") in facts(text, "2025-02-18")


def test_a_rate_against_the_previous_month_of_the_month_referred_back_to():
    text = "IT exports fell on the month in January 2025. The country's ICT exports stood at $291 million during the month, down 9 percent from the previous month."
    assert ("it_exports_monthly", "2025-01", -9, "percent") in facts(text, "2025-02-18")
    assert not any(f[1] == "2025-02" for f in facts(text, "2025-02-18"))


def test_the_sector_after_freelancers_and_companies_is_the_industry():
    text = "IT exports came to $420 million in July-August. The minister said foreign clients trusted local companies and freelancers alike. He said the sector had closed the last fiscal year with $3.2 billion."
    assert ("it_exports_annual", "FY2023-24", 3200, "USD_million") in facts(text, "2024-09-20")


def test_a_place_with_the_speed_it_was_given_for():
    text = "Pakistan ranked 110th out of 145 countries in Ookla's Speedtest Global Index for mobile speeds in May 2025. In April, Pakistan had been placed 107th with a median download speed of 20.2 Mbps."
    assert ("ranking", "2025-04", 107, "rank") in facts(text, "2025-06-20")
    text = "Pakistan ranked 110th out of 145 countries in Ookla's Speedtest Global Index for May 2025. In April, the country was ranked 107th for mobile speed."
    assert ("ranking", "2025-04", 107, "rank") in facts(text, "2025-06-20")
    text = "Pakistan ranked 110th in Ookla's Speedtest Global Index for mobile speeds in May 2025. Pakistan had risen as high as 94th on the mobile index in January this year."
    assert ("ranking", "2025-01", 94, "rank") in facts(text, "2025-06-20")


def test_a_running_total_said_at_length():
    text = "The Pakistan Telecommunication Authority (PTA) whitelisted 2,310 Virtual Private Networks (VPNs) in March 2024, bringing the total number of VPNs registered with the regulator to more than 26,000."
    assert facts(text, "2024-04-15") == {("vpn_registrations", "2024-03", 2310, "count"), ("vpn_registrations", "", 26000, "count")}


def test_a_part_that_accounts_for_the_bulk_of_the_months_exports():
    text = "ICT exports were $302 million in October. Computer services accounted for the bulk of the month's exports at $246 million, while telecom services added $55 million."
    assert {f for f in facts(text, "2024-11-18") if f[0] != "other"} == {("it_exports_monthly", "2024-10", 302, "USD_million")}


def test_a_month_of_the_total_given_before():
    text = "Freelancers' remittances rose to $92 million in July-August, according to the board. Of the total, $48 million was received in August, officials said."
    assert ("freelancer_earnings", "2024-08", 48, "USD_million") in facts(text, "2024-09-25")
    # (a share said to be someone's is a part in kind, no month's total)
    text = "Freelancers' remittances rose to $92 million in July-August, according to the board. Of the total, $48 million was received by software developers in August."
    assert ("freelancer_earnings", "2024-08", 48, "USD_million") not in facts(text, "2024-09-25")


def test_a_headline_target_after_a_record_without_its_article():
    assert ("it_exports_annual", "FY2023-24", 3220, "USD_million") in facts("", "2024-08-02", title="Ministry eyes $3.8bn IT exports in FY25 after record $3.22bn in FY24")


def test_the_figure_rising_and_the_following_year():
    text = "IT exports totalled $650m in July and August. In FY21, such exports were $2.12bn, and they rose again the following year, when the tally reached $2.62bn."
    assert ("it_exports_annual", "FY2021-22", 2620, "USD_million") in facts(text, "2023-09-20")
    text = "IT exports totalled $650m in July and August. The rise since then has been steady, with the figure climbing to $2.6bn in FY23."
    assert ("it_exports_annual", "FY2022-23", 2600, "USD_million") in facts(text, "2023-09-20")


def test_a_months_figure_keeps_the_subject_for_the_next_sentence():
    text = "IT exports totalled $650m in July and August. August's figure, at $318m, was a little below July's. In FY21, such exports were $2.12bn."
    assert ("it_exports_annual", "FY2020-21", 2120, "USD_million") in facts(text, "2023-09-20")


def test_a_months_amount_and_a_month_that_has_come_in():
    text = "IT exports reached $310 million in June. July's $286 million was the best July on record. August has now come in at $298 million. That is 24 percent more than a year ago."
    found = facts(text, "2024-09-19")
    assert {("it_exports_monthly", "2024-07", 286, "USD_million"), ("it_exports_monthly", "2024-08", 298, "USD_million"), ("it_exports_monthly", "2024-08", 24, "percent")} <= found


def test_a_quarter_of_a_named_fiscal_year_as_the_subject():
    text = "IT exports had a strong year in FY24. The fourth quarter of FY24, April to June, brought in $860 million."
    assert ("it_exports_cumulative", "FY2023-24:Q4", 860, "USD_million") in facts(text, "2024-09-19")


def test_urdu_amounts_of_months_listed_with_the_currency_said_once():
    text = "آئی ٹی برآمدات بڑھ گئیں۔ جنوری میں برآمدات 29 کروڑ 10 لاکھ، فروری میں 30 کروڑ 20 لاکھ اور مارچ میں 33 کروڑ 40 لاکھ ڈالر رہیں۔"
    assert {("it_exports_monthly", "2025-01", 291, "USD_million"), ("it_exports_monthly", "2025-02", 302, "USD_million"), ("it_exports_monthly", "2025-03", 334, "USD_million")} <= facts(text, "2025-04-20")


def test_a_year_with_its_urdu_mark():
    text = "کیلنڈر سال 2023ء کے دوران آئی ٹی برآمدات 2 ارب 79 کروڑ ڈالر رہیں۔"
    assert facts(text, "2024-01-20") == {("it_exports_annual", "2023", 2790, "USD_million")}


def test_urdu_words_said_after_a_figure_are_another_statement():
    text = "پاشا نے نومبر میں آئی ٹی برآمدات کے 318 ملین ڈالر تک پہنچنے کا خیرمقدم کرتے ہوئے کہا ہے کہ ٹیکس کم کیے جائیں تو یہ شعبہ مزید بڑھے گا۔"
    assert facts(text, "2024-12-20") == {("it_exports_monthly", "2024-11", 318, "USD_million")}


def test_pakistans_place_in_the_clause_after_the_ranking_its_sentence_named():
    text = "اوکلا کے اسپیڈ ٹیسٹ انڈیکس میں فروری 2025 کے دوران پاکستان موبائل انٹرنیٹ کی رفتار میں 97ویں نمبر پر رہا جبکہ جنوری میں پاکستان کا نمبر 100 تھا۔"
    assert ("ranking", "2025-01", 100, "rank") in facts(text, "2025-03-20")
    # (never a place said of another country in the sentence)
    text = "Pakistan ranked 88th in the Government AI Readiness Index 2024, behind India, which was placed 46th."
    assert ("ranking", "2024", 46, "rank") not in facts(text, "2025-01-10")


def test_urdu_a_month_before_that():
    text = "پی ٹی اے کے مطابق صرف جنوری 2025 میں 19 ہزار 400 وی پی اینز رجسٹر ہوئے جبکہ اس سے ایک ماہ پہلے یہ تعداد 22 ہزار 650 تھی۔"
    assert ("vpn_registrations", "2024-12", 22650, "count") in facts(text, "2025-02-10")


def test_an_urdu_part_named_right_before_its_figure():
    text = "جون میں آئی ٹی برآمدات 29 کروڑ ڈالر رہیں جن میں سافٹ ویئر کنسلٹنسی سروسز 9 کروڑ ڈالر کی تھیں۔"
    assert {f for f in facts(text, "2024-07-20") if f[0] != "other"} == {("it_exports_monthly", "2024-06", 290, "USD_million")}


def test_an_urdu_bound_in_a_supposition():
    text = "دسمبر میں آئی ٹی برآمدات 34 کروڑ ڈالر رہیں۔ یوں گزشتہ چھ ماہ میں کوئی مہینہ ایسا نہیں تھا جب یہ برآمدات 28 کروڑ ڈالر سے کم رہی ہوں۔"
    assert {f for f in facts(text, "2025-01-20") if f[0] != "other"} == {("it_exports_monthly", "2024-12", 340, "USD_million")}


def test_an_urdu_rate_more_than_a_base_said_with_zaid():
    text = "جون میں آئی ٹی برآمدات 26 کروڑ ڈالر رہیں جو مئی کے 24 کروڑ ڈالر سے 8 فیصد زائد ہیں۔"
    assert facts(text, "2022-07-20") == {("it_exports_monthly", "2022-06", 260, "USD_million"), ("it_exports_monthly", "2022-05", 240, "USD_million"), ("it_exports_monthly", "2022-06", 8, "percent")}


def test_urdu_the_very_next_year():
    text = "مالی سال 2019-20 میں آئی ٹی برآمدات ایک ارب 44 کروڑ ڈالر تھیں جو اگلے ہی سال 47 فیصد اضافے کے ساتھ 2 ارب 12 کروڑ ڈالر ہو گئیں۔"
    assert ("it_exports_annual", "FY2020-21", 2120, "USD_million") in facts(text, "2022-08-03")
    assert ("it_exports_annual", "FY2020-21", 47, "percent") in facts(text, "2022-08-03")


def test_a_count_of_freelancers_the_country_is_estimated_to_have():
    text = "Pakistan is estimated to have about 1.8 million active freelancers, most of them in smaller towns."
    assert facts(text, "2024-05-12") == {("freelancer_count", "", 1800000, "count")}


def test_a_listed_companys_own_export_revenue_and_its_growth():
    text = "IT exports were on track to cross $3 billion. Systems Limited's export revenue grew 28 percent to $94 million in calendar year 2022, according to its annual report."
    assert not any(f[0].startswith("it_exports") and f[3] == "percent" for f in facts(text, "2023-04-20"))


def test_computer_and_telecom_services_together_are_the_whole():
    text = "SBP data show that computer and telecommunication services exports rose 24 percent to $2.1 billion in the first ten months of the fiscal year."
    assert ("it_exports_cumulative", "FY2022-23:Jul-Apr", 2100, "USD_million") in facts(text, "2023-05-20")


def test_a_hyphenated_figure_named_back():
    text = "IT exports reached $3.8 billion in 2024-25. The full-year figure was 18 per cent higher than the $3.22 billion earned in FY24."
    assert ("it_exports_annual", "FY2024-25", 18, "percent") in facts(text, "2025-07-20")


def test_monthly_inflows_after_freelancers_earnings_are_theirs():
    text = "Pakistani freelancers earned $150 million in the first half of the fiscal year. Payment troubles weighed on them. Monthly inflows slipped to $22 million in December from $25 million in November."
    assert {("freelancer_earnings", "2023-12", 22, "USD_million"), ("freelancer_earnings", "2023-11", 25, "USD_million")} <= facts(text, "2024-02-14")
    text = "Pakistani freelancers earned $150 million in the first half of the fiscal year. The inflows slipped to $22 million in December."
    assert ("freelancer_earnings", "2023-12", 22, "USD_million") in facts(text, "2024-02-14")


def test_a_place_in_an_index_a_university_keeps():
    text = "Pakistan has become the world's third-largest supplier of online freelance labour, up from fifth in 2022, according to the 2023 update of an online labour index kept by researchers at the University of Oxford."
    assert {("ranking", "2023", 3, "rank"), ("ranking", "2022", 5, "rank")} <= facts(text, "2023-09-20")
    # (a ranking of universities is none of the country's)
    text = "Pakistan's universities ranked 7th in a regional index of online learning."
    assert not any(f[0] == "ranking" for f in facts(text, "2023-09-20"))


def test_what_measures_are_meant_to_lift_exports_to_is_an_aim():
    text = "The minister said the incentives were meant to help lift IT exports to $4 billion in 2024-25."
    assert not any(f[0].startswith("it_exports") for f in facts(text, "2024-06-12"))


def test_two_rates_and_their_bases_written_with_slashes():
    text = "IT exports came in at USD 301mn in Oct'24, up 24%/3% YoY/MoM, taking 4MFY25 receipts to USD 1.2bn."
    assert rates(text, "2024-11-18") == {24: "yoy", 3: "mom"}


def test_a_rate_in_rupee_terms_is_the_rupees():
    text = "In rupee terms, IT exports during 1HFY24 came to Rs458 billion, up 41 percent from Rs325bn a year earlier."
    assert not any(f[0] != "other" for f in facts(text, "2024-01-25"))


@pytest.mark.parametrize("text", [
    "Measured in rupees, ICT exports in the first half came to Rs458 billion, 41 percent more than the Rs325 billion of a year earlier.",
    "روپے کے حساب سے مالی سال 2023-24 میں آئی ٹی برآمدات 9 کھرب 5 ارب روپے رہیں جو گزشتہ سال سے 42 فیصد زیادہ ہیں۔",
    "روپے کے لحاظ سے مالی سال 2023-24 میں آئی ٹی برآمدات میں 42 فیصد اضافہ ہوا۔",
])
def test_a_rate_in_rupees_said_otherwise_is_the_rupees(text):
    assert not any(f[0] != "other" for f in facts(text, "2024-07-30"))


def test_what_the_it_sector_brought_in_beside_remittances():
    text = "Workers' remittances in July-March came to $21 billion, while the IT sector brought in $2.83 billion over the same nine months."
    assert {f for f in facts(text, "2024-04-20") if f[0] != "other"} == {("it_exports_cumulative", "FY2023-24:Jul-Mar", 2830, "USD_million")}


def test_what_a_figure_fell_short_of():
    text = "IT exports stood at $3.22bn in FY24, well short of the $3.5bn the ministry had hoped for."
    assert {f for f in facts(text, "2024-07-20") if f[0] != "other"} == {("it_exports_annual", "FY2023-24", 3220, "USD_million")}


def test_a_total_by_the_end_of_a_year_already_past():
    text = "According to PTA data, 9,240 VPNs were registered during 2022, compared with a total of around 14,300 registered by the end of 2021."
    assert {("vpn_registrations", "2022", 9240, "count"), ("vpn_registrations", "2021-12", 14300, "count")} <= facts(text, "2023-01-11")
    # (a year's end still to come is a deadline)
    text = "PTA aims to register 50,000 VPNs by the end of 2025."
    assert not any(f[0] == "vpn_registrations" for f in facts(text, "2024-11-01"))


def test_a_year_end_deadline_is_no_rate_per_year():
    text = "Businesses and freelancers registered 17,640 VPNs with the telecom regulator in December, as users rushed to beat a year-end deadline."
    assert ("vpn_registrations", "2024-12", 17640, "count") in facts(text, "2025-01-09")


def test_ranking_as_the_verb_of_a_place():
    text = "Pakistan has improved its position in Ookla's Speedtest Global Index, ranking 98th out of 105 countries for mobile internet speed in October 2025, up from 101st in September."
    assert {("ranking", "2025-10", 98, "rank"), ("ranking", "2025-09", 101, "rank")} <= facts(text, "2025-11-20")


@pytest.mark.parametrize("before", ["the year before", "the previous year", "a year earlier"])
def test_a_place_the_year_before_the_year_named(before):
    text = f"Pakistan ranked fifth in the world for growth in freelancers' earnings in 2022, up from ninth {before}."
    assert {f for f in facts(text, "2023-08-10") if f[0] == "ranking"} == {("ranking", "2022", 5, "rank"), ("ranking", "2021", 9, "rank")}


def test_an_amount_the_year_before_a_month():
    text = "IT exports were $310 million in March 2024, up from $250 million the year before."
    assert ("it_exports_monthly", "2023-03", 250, "USD_million") in facts(text, "2024-04-20")


def test_a_place_an_official_aims_for_is_no_place():
    text = '"Our aim is to bring Pakistan into the top 100 by the next survey," the federal IT secretary said of the e-government index.'
    assert not any(f[0] == "ranking" for f in facts(text, "2024-09-19"))


def test_export_earnings_said_after_the_freelancers_amount_are_theirs():
    title = "Freelancers' export earnings rise 14.8pc to $364m in FY22"
    text = "Pakistani freelancers brought home $364 million in export earnings during fiscal year 2021-22, up 14.8 percent from $317 million in the previous fiscal year."
    assert ("freelancer_earnings", "FY2020-21", 317, "USD_million") in facts(text, "2022-08-10", title)


def test_a_payments_firms_customer_base_is_no_count_of_freelancers():
    text = "The company said it had processed more than $80 billion in payments for small businesses and freelancers during the year, and that its customer base in Pakistan had crossed 500,000."
    assert not any(f[0] == "freelancer_count" for f in facts(text, "2026-03-01"))


def test_what_freelancers_received_into_one_firms_wallets():
    text = "NayaPay says freelancers received $210 million into its wallets in calendar 2025, compared with $130 million in 2024."
    assert not any(f[0] == "freelancer_earnings" for f in facts(text, "2026-02-01"))
    text = "Freelancers received $210 million into their accounts in calendar 2025, compared with $130 million in 2024."
    assert ("freelancer_earnings", "2025", 210, "USD_million") in facts(text, "2026-02-01")


def test_a_speed_index_place_further_on_is_of_the_edition_reported():
    text = (
        "Pakistan has dropped four places to 118th out of 140 countries for mobile internet speeds in the Speedtest Global Index for November 2022. "
        "The country had been ranked 114th in October. Its median mobile download speed slipped to 15.9 Mbps during the month. "
        "For fixed broadband, Pakistan ranked 154th out of 179 countries, with a median download speed of 8.4 Mbps."
    )
    assert {("ranking", "2022-11", 118, "rank"), ("ranking", "2022-10", 114, "rank"), ("ranking", "2022-11", 154, "rank")} <= facts(text, "2022-12-20")


def test_the_country_ranked_after_its_place_in_a_watched_ranking():
    lead = "Pakistan ranked 118th for mobile internet speeds in the Speedtest Global Index for November 2022. "
    assert ("ranking", "2022-10", 114, "rank") in facts(lead + "The country had been ranked 114th in October.", "2022-12-20")
    # (not in a ranking named by its own name, nor on one of its measures)
    assert not any(f[2] == 140 for f in facts(lead + "The country ranks 140th in the Global Gender Gap Report.", "2022-12-20"))
    lead = "Pakistan ranked 7th in the Global Services Location Index in 2021. "
    assert not any(f[2] == 6 for f in facts(lead + "The country was ranked 6th on financial attractiveness.", "2021-12-01"))


def test_urdu_freelance_computer_services_exports_are_the_freelancers():
    text = "ادارہ شماریات کے مطابق جولائی تا ستمبر 2022 کے دوران فری لانس کمپیوٹر خدمات کی برآمدات 7 کروڑ 60 لاکھ ڈالر رہیں، جبکہ گزشتہ مالی سال کی اسی سہ ماہی میں یہ رقم 9 کروڑ 70 لاکھ ڈالر تھی۔"
    assert {("freelancer_earnings", "FY2022-23:Q1", 76, "USD_million"), ("freelancer_earnings", "FY2021-22:Q1", 97, "USD_million")} <= facts(text, "2022-11-22")


@pytest.mark.parametrize("text", [
    "PTA said 29,400 VPNs were registered last year, while in 2021 the number was 17,800.",
    "پی ٹی اے کے مطابق گزشتہ سال 29 ہزار 400 وی پی اینز رجسٹر کیے گئے، جبکہ 2021 میں یہ تعداد 17 ہزار 800 تھی۔",
])
def test_last_year_set_against_the_calendar_year_before_it(text):
    assert {("vpn_registrations", "2022", 29400, "count"), ("vpn_registrations", "2021", 17800, "count")} <= facts(text, "2023-01-10")


def test_urdu_count_that_stood_at_the_month_before():
    text = "پی ٹی اے کے ترجمان کے مطابق صرف دسمبر میں 2 ہزار 750 وی پی اینز رجسٹر ہوئے جبکہ اس سے پچھلے مہینے یہ تعداد 2 ہزار 310 رہی تھی۔"
    assert ("vpn_registrations", "2022-11", 2310, "count") in facts(text, "2023-01-10")


def test_urdu_place_set_against_last_months_in_a_which_clause():
    text = (
        "اوکلا کے اسپیڈ ٹیسٹ گلوبل انڈیکس کی اگست 2023 کی رپورٹ کے مطابق موبائل انٹرنیٹ کی رفتار کے لحاظ سے پاکستان 111ویں نمبر پر رہا۔ "
        "فکسڈ براڈ بینڈ کی رفتار میں پاکستان کا درجہ 148 رہا، جو جولائی کے 150ویں درجے سے معمولی بہتر ہے۔"
    )
    assert {("ranking", "2023-08", 148, "rank"), ("ranking", "2023-07", 150, "rank")} <= facts(text, "2023-09-20")
    text = "Pakistan ranked 148th for fixed broadband speed in August, which was better than its 150th place in July."
    assert ("ranking", "2023-07", 150, "rank") in facts(text, "2023-09-20")


def test_urdu_two_places_each_on_its_measure_in_a_headline():
    title = "اسپیڈ ٹیسٹ انڈیکس: نومبر میں موبائل انٹرنیٹ کی رفتار میں پاکستان 118ویں، فکسڈ براڈ بینڈ میں 155ویں نمبر پر"
    assert {("ranking", "2021-11", 118, "rank"), ("ranking", "2021-11", 155, "rank")} <= facts("", "2021-12-16", title)


@pytest.mark.parametrize("separate", ["In a separate survey of broadband speeds, Pakistan was placed 150th.", "براڈ بینڈ کی رفتار کے ایک علیحدہ جائزے میں پاکستان کو 150ویں نمبر پر دکھایا گیا ہے۔"])
def test_a_place_in_a_separate_survey_is_not_of_the_edition_before(separate):
    lead = "Pakistan ranked 118th for mobile internet speeds in the Speedtest Global Index for November 2022. "
    assert ("ranking", "", 150, "rank") in facts(lead + separate, "2022-12-20")


def test_the_same_period_set_against_the_whole_year_before():
    text = (
        "اسٹیٹ بینک کے مطابق مالی سال کی آخری سہ ماہی یعنی اپریل تا جون میں فری لانسرز نے 11 کروڑ ڈالر کمائے۔ "
        "اسی عرصے میں ملک کی آئی ٹی اور آئی ٹی سے منسلک خدمات کی برآمدات 3 ارب 80 کروڑ ڈالر رہیں، جبکہ مالی سال 24-2023 میں یہ حجم 3 ارب 22 کروڑ ڈالر تھا۔"
    )
    assert {("it_exports_annual", "FY2024-25", 3800, "USD_million"), ("it_exports_annual", "FY2023-24", 3220, "USD_million")} <= facts(text, "2025-08-20")


def test_urdu_half_reported_beside_the_base_it_was_set_against():
    text = (
        "نوجوانوں کی آمدن میں رواں مالی سال کے دوران نمایاں اضافہ ہوا ہے۔ "
        "اسٹیٹ بینک کے مطابق جولائی تا دسمبر 2023 کے دوران فری لانسرز نے 187 ملین ڈالر وطن بھیجے، جبکہ گزشتہ مالی سال کی پہلی ششماہی میں یہ رقم 13 کروڑ 80 لاکھ ڈالر تھی۔ "
        "یوں سالانہ بنیاد پر فری لانسرز کی آمدن میں 35 اعشاریہ 5 فیصد اضافہ ہوا۔"
    )
    assert ("freelancer_earnings", "FY2023-24:H1", 35.5, "percent") in facts(text, "2024-02-22")


@pytest.mark.parametrize("text", [
    "PAFLA's chairman said more than 2 million people in the country work on various online platforms.",
    "پافلا کے چیئرمین نے کہا کہ ملک میں 20 لاکھ سے زائد افراد مختلف آن لائن پلیٹ فارمز پر کام کر رہے ہیں۔",
])
def test_people_working_on_online_platforms_are_freelancers(text):
    assert ("freelancer_count", "", 2000000, "count") in facts(text, "2024-02-22")


def test_freelancers_counted_worldwide_are_not_the_countrys():
    for text in ("Around 5 million freelancers work on online platforms worldwide, the company said.", "دنیا بھر میں 5 کروڑ افراد آن لائن پلیٹ فارمز پر کام کر رہے ہیں۔"):
        assert not any(f[0] == "freelancer_count" for f in facts(text, "2024-02-22"))


@pytest.mark.parametrize("text", [
    "Freelancers' remittances were $142 million in the first half of the current fiscal year, against $193 million a year earlier. This 26 percent decline shows that freelancers are leaving the banking system.",
    "رواں مالی سال کی پہلی ششماہی میں فری لانسرز کی ترسیلات 14 کروڑ 20 لاکھ ڈالر رہیں، جبکہ ایک سال پہلے اسی عرصے میں یہ رقم 19 کروڑ 30 لاکھ ڈالر تھی۔ انہوں نے کہا کہ 26 فیصد کی یہ کمی اس بات کا ثبوت ہے کہ فری لانسرز کا بینکاری نظام پر اعتماد کم ہوا ہے۔",
])
def test_a_change_named_with_its_rate_after_the_amounts(text):
    assert ("freelancer_earnings", "FY2022-23:H1", -26, "percent") in facts(text, "2023-02-27")


@pytest.mark.parametrize("text, published, month, value", [
    ("VPN registrations with the authority fell 18 percent month-on-month in January to 6,950, according to PTA data.", "2025-02-11", "2025-01", -18),
    ("فروری کے دوران رجسٹر ہونے والے وی پی اینز کی تعداد 18 ہزار 700 رہی، جو جنوری کے مقابلے میں 22 فیصد کم ہے۔", "2026-03-05", "2026-02", -22),
])
def test_a_months_vpn_registrations_rate(text, published, month, value):
    assert ("vpn_registrations", month, value, "percent") in facts(text, published)


def test_the_count_a_move_reached_in_the_month_named_before_it():
    text = "VPN registrations with the authority fell 18 percent month-on-month in January to 6,950, according to PTA data."
    assert ("vpn_registrations", "2025-01", 6950, "count") in facts(text, "2025-02-11")


def test_a_vpn_rate_worked_out_after_a_months_count_is_not_dated_by_it():
    text = "In December 2023, 1,410 VPNs were registered, which means the number of new registrations rose by about 37 percent in a month."
    assert not any(f[3] == "percent" and f[0] == "vpn_registrations" for f in facts(text, "2024-02-20"))


def test_a_place_compared_with_a_month_a_year_before():
    text = "Pakistan stood 112th for mobile speeds in September, compared with 117th in September last year, according to Ookla."
    assert {("ranking", "2022-09", 112, "rank"), ("ranking", "2021-09", 117, "rank")} <= facts(text, "2022-10-18")


def test_a_place_set_against_a_month_a_year_before():
    text = "Pakistan was 112th for mobile speeds in September against 117th in September last year, Ookla's index showed."
    assert {("ranking", "2022-09", 112, "rank"), ("ranking", "2021-09", 117, "rank")} <= facts(text, "2022-10-18")


def test_the_freelancers_part_of_the_total_is_their_earnings():
    text = "Of the total, freelancers accounted for $181.3 million in 2020-21, up 61 per cent from the preceding year, the central bank's data showed."
    assert {("freelancer_earnings", "FY2020-21", 181.3, "USD_million"), ("freelancer_earnings", "FY2020-21", 61, "percent")} <= facts(text, "2021-08-11")
    # (a part of the freelancers counted stays a part)
    assert not any(f[0] == "freelancer_count" for f in facts("Of the total freelancers, 250,000 are women.", "2021-08-11"))


def test_a_neighbouring_countrys_count_is_not_the_countrys():
    text = "The report put the number of active Pakistani freelancers at 1.6 million, while neighbouring Bangladesh was estimated to have about 650,000."
    assert {f for f in facts(text, "2024-05-29") if f[0] == "freelancer_count"} == {("freelancer_count", "", 1600000, "count")}


def test_urdu_this_income_names_back_the_freelancers():
    text = "جولائی تا مارچ کے دوران ملک کے فری لانسرز نے 18 کروڑ 70 لاکھ ڈالر کمائے، جبکہ پچھلے برس کے انہی نو مہینوں میں یہ آمدنی 15 کروڑ 50 لاکھ ڈالر تھی۔"
    assert ("freelancer_earnings", "FY2020-21:Jul-Mar", 155, "USD_million") in facts(text, "2022-04-26")


def test_urdu_network_readiness_index_is_a_watched_ranking():
    text = "نیٹ ورک ریڈینس انڈیکس 2022 میں پاکستان 131 ممالک میں 82 ویں نمبر پر ہے، جو گزشتہ ایڈیشن کے مقابلے میں چھ درجے بہتر ہے۔"
    assert ("ranking", "2022", 82, "rank") in facts(text, "2022-11-24")


def test_an_aim_said_of_no_subject_keeps_the_subject_before():
    text = (
        "IT and IT-enabled services exports fell 1.7% to $2.57 billion in FY23, compared with $2.62 billion in FY22. "
        "The government had targeted $3.5 billion for the year. June offered some comfort. "
        "Exports rose to $230 million during the month, up 12% from $206 million in May."
    )
    assert {("it_exports_monthly", "2023-06", 230, "USD_million"), ("it_exports_monthly", "2023-05", 206, "USD_million")} <= facts(text, "2023-07-19")
    # (one that names another subject is about it)
    text = "IT exports fell 1.7% to $2.57 billion in FY23. The current account deficit is expected to narrow to $1 billion next year. Exports rose to $230 million in June."
    assert not any(f[2] == 230 for f in facts(text, "2023-07-19"))


def test_a_clause_on_who_people_are_says_nothing_of_their_figure():
    text = "IT exports fell 1.7% to $2.57 billion in FY23. Freelancers, who make up a growing share of the sector, sent home $273 million during the year."
    assert ("freelancer_earnings", "FY2022-23", 273, "USD_million") in facts(text, "2023-07-19")


def test_a_share_in_brackets_names_no_subject():
    text = "Computer services exports (~79% of IT exports) came in at USD 2.04bn in FY23, down 1% YoY."
    assert not any(f[0].startswith("it_exports") for f in facts(text, "2023-07-20"))
    # (nor in Urdu, in a "جو" clause)
    text = "کمپیوٹر سروسز، جو آئی ٹی برآمدات کا سب سے بڑا حصہ ہیں، مالی سال 22 میں 2 ارب 10 کروڑ ڈالر رہیں۔"
    assert not any(f[0].startswith("it_exports") for f in facts(text, "2022-07-20"))


def test_a_month_named_as_the_last_of_a_fiscal_year():
    lead = "IT exports were $286 million in July. "
    for text in ("June, the last month of FY24, had brought in $298 million.", "June, the last month of FY24, had brought in $298 million, so July's number is about 4 percent lower."):
        assert ("it_exports_monthly", "2024-06", 298, "USD_million") in facts(lead + text, "2024-08-20")


def test_an_amount_more_needed_is_no_periods_figure():
    text = "IT exports totaled $2.283 billion in July-March. The whole of FY23 brought in $2.573 billion, so the sector needs only around $290 million more to beat last year's total in April."
    assert not any(f[2] == 290 for f in facts(text, "2024-04-18") if f[0] != "other")


def test_a_titles_rate_in_whole_points_of_the_basis_it_says():
    title = "IT exports dip 8pc MoM to $357m in January"
    text = "Pakistan's ICT exports declined by 8.4 percent month-on-month to $357 million in January 2026, the State Bank said."
    rates = {f[2] for f in facts(text, "2026-02-18", title) if f[3] == "percent"}
    assert rates == {-8.4}


def test_the_months_so_far_of_the_fiscal_year_that_began_in_july():
    text = "IT exports rose in January. In the first seven months of the fiscal year that began in July, the exports totaled $2.58 billion, up nearly 18 percent from a year earlier."
    assert ("it_exports_cumulative", "FY2025-26:Jul-Jan", 2580, "USD_million") in facts(text, "2026-02-19")


def test_a_period_that_closes_the_figure_before_and():
    text = "Within computer services, receipts of freelancers came to $19 million in December and $103 million during the six months."
    lead = "During the first half (July-December) of the current fiscal year, the country's ICT exports amounted to $1.32 billion. "
    assert {("freelancer_earnings", "2021-12", 19, "USD_million"), ("freelancer_earnings", "FY2021-22:H1", 103, "USD_million")} <= facts(lead + text, "2022-01-19")


def test_urdu_rate_risen_from_the_base_month():
    text = "دسمبر کے دوران کارکنوں کی ترسیلات زر 2 ارب 38 کروڑ ڈالر رہیں، جبکہ آئی ٹی برآمدات نومبر کے 30 کروڑ 10 لاکھ ڈالر سے 8.6 فیصد بڑھ گئیں۔"
    assert {("it_exports_monthly", "2023-11", 301, "USD_million"), ("it_exports_monthly", "2023-12", 8.6, "percent")} <= facts(text, "2024-01-18")


@pytest.mark.parametrize("text", [
    "پاکستان ٹیلی کمیونیکیشن اتھارٹی (پی ٹی اے) کے مطابق دسمبر 2024 کے دوران ملک بھر میں 31 ہزار 240 وی پی اینز رجسٹر کیے گئے جو کسی ایک مہینے میں اب تک کی سب سے بڑی تعداد ہے۔",
    "PTA registered 31,240 VPNs in December 2024, which is the highest number so far for any month.",
])
def test_a_record_so_far_said_of_a_months_count_keeps_its_month(text):
    assert ("vpn_registrations", "2024-12", 31240, "count") in facts(text, "2025-01-15")


def test_a_list_of_those_who_registered_is_not_what_a_later_count_counts():
    text = "According to PTA data, 25,318 VPNs had been registered by companies, call centres and freelancers by the end of November, nearly double the 13,100 registered at the end of October."
    assert {("vpn_registrations", "2024-11", 25318, "count"), ("vpn_registrations", "2024-10", 13100, "count")} <= facts(text, "2024-12-10")
    # (one who did it, named alone, is the subject: the freelancers' remittances)
    text = "Remittances sent home by Pakistani freelancers rose to $79 million in July-August, from $66 million a year earlier."
    assert ("freelancer_earnings", "FY2025-26:Jul-Aug", 79, "USD_million") in facts(text, "2025-09-20")


def test_what_the_country_earned_from_providing_the_ict_category_in_urdu():
    # the bureau's words: earned from providing telecommunication, computer and information services
    text = "جولائی تا ستمبر 2024 کے دوران ملک نے ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کی فراہمی سے 88 کروڑ 90 لاکھ ڈالر کمائے۔"
    assert ("it_exports_cumulative", "FY2024-25:Q1", 889, "USD_million") in facts(text, "2024-10-21")


def test_the_ict_categorys_exports_after_a_sentence_on_one_of_its_parts_in_urdu():
    text = (
        "ٹیلی کمیونیکیشن سروسز کی برآمدات 17 کروڑ 90 لاکھ ڈالر رہیں۔ "
        "ستمبر 2025 میں ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کی برآمدات 35 کروڑ 60 لاکھ ڈالر رہیں۔"
    )
    assert ("it_exports_monthly", "2025-09", 356, "USD_million") in facts(text, "2025-10-21")


def test_these_services_and_this_income_name_the_ict_category_before_in_urdu():
    text = (
        "رواں مالی سال کی پہلی سہ ماہی میں ٹیلی کمیونیکیشن، کمپیوٹر اور انفارمیشن سروسز کی برآمدات بڑھ گئیں۔ "
        "جولائی سے ستمبر 2025 تک ملک نے ان خدمات کی فراہمی سے ایک ارب 3 کروڑ ڈالر کمائے۔ "
        "گزشتہ مالی سال کی پہلی سہ ماہی میں یہ آمدن 88 کروڑ 90 لاکھ ڈالر تھی۔"
    )
    assert {("it_exports_cumulative", "FY2025-26:Q1", 1030, "USD_million"), ("it_exports_cumulative", "FY2024-25:Q1", 889, "USD_million")} <= facts(text, "2025-10-21")


def test_earned_by_providing_the_ict_category_named_in_full():
    text = (
        "Pakistan earned $1.184 billion by providing telecommunication, computer and information services "
        "during the first four months of the fiscal year 2023-24, as compared to $1.046 billion earned "
        "through the provision of services during the corresponding period of last year."
    )
    assert {("it_exports_cumulative", "FY2023-24:Jul-Oct", 1184, "USD_million"), ("it_exports_cumulative", "FY2022-23:Jul-Oct", 1046, "USD_million")} <= facts(text, "2023-11-22")


def test_earned_by_providing_these_services_names_the_services_before():
    text = (
        "Exports of telecommunication, computer and information services grew 17 percent in the first four months of the fiscal year. "
        "According to the statistics bureau, the country earned 1.426 billion dollars by providing these services during July to October."
    )
    assert ("it_exports_cumulative", "FY2025-26:Jul-Oct", 1426, "USD_million") in facts(text, "2025-11-20")
    # (the services of a part named before stay the part's)
    part = "Computer services exports rose 19 percent. The country earned 1.18 billion dollars by providing these services during July to October."
    assert not any(f[0].startswith("it_exports") and f[3] == "USD_million" for f in facts(part, "2025-11-20"))


def test_surpassed_an_amount_during_a_period_is_that_periods_level():
    # said in July, when "last fiscal year" is the one just closed
    text = "IT exports surpassed $3.2 billion during last fiscal year, the minister of state said."
    assert {f for f in facts(text, "2024-07-18") if f[0] != "other"} == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}


@pytest.mark.parametrize("text", [
    "The caretaker IT minister said earlier this month that Pakistan had 2.3 million freelancers.",
    "Pakistan has 2.3 million freelancers, the minister told reporters last month.",
])
def test_the_month_a_count_was_said_in_does_not_date_it(text):
    assert {f for f in facts(text, "2024-02-20") if f[0] == "freelancer_count"} == {("freelancer_count", "", 2300000, "count")}


def test_data_released_earlier_this_month_is_dated_by_its_own_month():
    text = "The State Bank's data, released earlier this month, show IT exports of $312 million in October, 7.2 percent more than the previous month."
    found = facts(text, "2024-11-20")
    assert ("it_exports_monthly", "2024-10", 7.2, "percent") in found
    assert not any(f[1] == "2024-11" for f in found)


def test_a_place_takes_no_fiscal_year_from_another_figure_of_its_sentence():
    text = (
        "مالی سال 2024-25 میں فری لانسرز کی ترسیلات 46 کروڑ 20 لاکھ ڈالر رہیں، جبکہ ایک عالمی ادائیگی کمپنی کی رپورٹ میں "
        "پاکستان کو فری لانسرز کی آمدن میں اضافے کے لحاظ سے دنیا میں تیسرے نمبر پر رکھا گیا۔"
    )
    assert {f for f in facts(text, "2025-08-10") if f[0] == "ranking"} == {("ranking", "", 3, "rank")}


def test_a_wish_that_exports_reach_an_amount_is_no_figure_in_urdu():
    text = "وزیر مملکت نے کہا کہ حکومت نے رواں مالی سال کے لیے آئی ٹی برآمدات کا ہدف ساڑھے تین ارب ڈالر رکھا ہے، تاہم ان کی خواہش ہے کہ یہ حجم 4 ارب ڈالر تک پہنچ جائے۔"
    assert not any(f[0] != "other" for f in facts(text, "2024-08-20"))


def test_a_titles_undated_figure_the_body_dates_further_down_is_one_figure():
    title = "ایک ماہ میں 23 ہزار سے زائد نئے وی پی این رجسٹر: چیئرمین پی ٹی اے"
    text = (
        "پی ٹی اے کے چیئرمین نے سینیٹ کی قائمہ کمیٹی کو بریفنگ دی۔ "
        "انہوں نے بتایا کہ نومبر کے دوران 23 ہزار سے زائد نئے وی پی این رجسٹر کیے گئے۔"
    )
    assert {f for f in facts(text, "2024-12-03", title) if f[0] == "vpn_registrations"} == {("vpn_registrations", "2024-11", 23000, "count")}


def test_a_floor_held_over_months_is_no_months_figure():
    text = "The minister said IT exports in October had climbed to $330 million, up 24 percent from a year earlier, and that the monthly figure had not fallen below $300 million since March."
    monthly = {f for f in facts(text, "2024-11-19") if f[0] == "it_exports_monthly" and f[3] == "USD_million"}
    assert monthly == {("it_exports_monthly", "2024-10", 330, "USD_million")}
    # nor the quarter's: "stayed above" is a floor
    text = "Monthly IT exports stayed above $300 million in the first quarter, SBP data showed."
    assert not any(f[0] != "other" for f in facts(text, "2024-11-19"))
    # (what a list holds "over" is a count: "the whitelist now holds over 35,000 VPNs")
    assert ("vpn_registrations", "", 35000, "count") in facts("The authority's whitelist now holds over 35,000 VPNs, an official said.", "2024-11-19")


@pytest.mark.parametrize("text", [
    "گزشتہ مالی سال آئی ٹی برآمدات تین ارب اسّی کروڑ ڈالر رہیں۔",  # the shadd on "اسّی" (80)
    "گزشتہ مالی سال آئی ٹی برآمدات تین ارب اسـی کروڑ ڈالر رہیں۔",  # a tatweel stretching it
])
def test_a_number_word_with_a_vowel_mark_or_a_tatweel_in_urdu(text):
    found = extract_facts("", text, "2025-07-22")
    assert [(f.series, f.period, f.value) for f in found] == [("it_exports_annual", "FY2024-25", 3800)]
    assert "کروڑ ڈالر" in found[0].quote and found[0].quote in text  # quoted as written


def test_a_part_of_a_count_said_of_a_month_alone_is_the_months_count():
    text = "By the end of November, 41,000 VPNs had been registered with the authority, 17,400 of them in November alone."
    assert ("vpn_registrations", "2024-11", 17400, "count") in facts(text, "2024-12-05")
    # (a part by who registered stays a part)
    text = "By the end of November, 41,000 VPNs had been registered with the authority, 17,400 of them by freelancers."
    assert not any(f[2] == 17400 and f[0] != "other" for f in facts(text, "2024-12-05"))


def test_a_rise_in_them_names_back_the_exports_before_in_urdu():
    text = (
        "نومبر 2022 میں آئی ٹی برآمدات 21 کروڑ 40 لاکھ ڈالر رہیں۔ "
        "اکتوبر کے 20 کروڑ 60 لاکھ ڈالر کے مقابلے میں البتہ ان میں 3.9 فیصد اضافہ ہوا۔"
    )
    assert {("it_exports_monthly", "2022-10", 206, "USD_million"), ("it_exports_monthly", "2022-11", 3.9, "percent")} <= facts(text, "2022-12-20")


def test_that_is_opening_an_urdu_sentence_names_back_the_figures_before():
    text = (
        "مالی سال 2025-26 میں آئی ٹی برآمدات 4 ارب 38 کروڑ ڈالر رہیں جبکہ اس سے پچھلے مالی سال میں یہ حجم 3 ارب 80 کروڑ ڈالر تھا۔ "
        "یعنی ایک سال میں 15.3 فیصد اضافہ ہوا۔"
    )
    assert ("it_exports_annual", "FY2025-26", 15.3, "percent") in facts(text, "2026-07-22")


def test_a_months_share_of_the_whole_is_that_months_figure():
    text = "مالی سال 2022 کے پہلے گیارہ ماہ میں آئی ٹی برآمدات 2 ارب 36 کروڑ ڈالر رہیں، جن میں سے صرف مئی کے مہینے کا حصہ 21 کروڑ 50 لاکھ ڈالر تھا۔"
    assert {("it_exports_cumulative", "FY2021-22:Jul-May", 2360, "USD_million"), ("it_exports_monthly", "2022-05", 215, "USD_million")} <= facts(text, "2022-06-20")
    text = "IT exports were $2.36 billion in the first eleven months of FY22, of which May's share was $215 million."
    assert {("it_exports_cumulative", "FY2021-22:Jul-May", 2360, "USD_million"), ("it_exports_monthly", "2022-05", 215, "USD_million")} <= facts(text, "2022-06-20")
    # (a province's share stays a part, and the words of the part are not the whole's)
    text = "IT exports were $2.36 billion in the first eleven months of FY22, of which Punjab's share was $1,215 million."
    assert {f for f in facts(text, "2022-06-20") if f[0] != "other"} == {("it_exports_cumulative", "FY2021-22:Jul-May", 2360, "USD_million")}


def test_month_on_month_said_in_urdu_is_the_rates_basis():
    text = "اکتوبر 2025 میں آئی ٹی برآمدات 38 کروڑ 60 لاکھ ڈالر رہیں (ماہ بہ ماہ 4 فیصد اور سال بہ سال 19 فیصد اضافہ)۔"
    assert rates(text, "2025-11-18") == {4.0: "mom", 19.0: "yoy"}


def test_a_count_registered_by_a_weekday_is_a_running_total():
    text = "The PTA said 25,138 VPNs had been registered by Friday, up from about 20,000 at the end of October."
    assert facts(text, "2024-11-30") == {("vpn_registrations", "", 25138, "count"), ("vpn_registrations", "2024-10", 20000, "count")}
    text = "پی ٹی اے کے مطابق جمعہ تک 25 ہزار 138 وی پی اینز رجسٹر ہو چکے تھے، جبکہ اکتوبر کے آخر تک یہ تعداد تقریباً 20 ہزار تھی۔"
    assert ("vpn_registrations", "", 25138, "count") in facts(text, "2024-11-30")


def test_an_officials_it_may_be_noted_that_is_no_possibility():
    text = "It may be noted that the country's IT exports have grown from US$ 2.11 Billion (FY 2020-21) to US$ 2.61 Billion (FY 2021-22) and US$ 3.21 Billion (FY 2023-24)."
    assert {f for f in facts(text, "2024-09-04") if f[0] != "other"} == {
        ("it_exports_annual", "FY2020-21", 2110, "USD_million"), ("it_exports_annual", "FY2021-22", 2610, "USD_million"), ("it_exports_annual", "FY2023-24", 3210, "USD_million"),
    }
    # (a "may" of what is to come still looks ahead)
    assert not any(f[0] != "other" for f in facts("The country's IT exports may reach US$ 4.5 Billion in FY 2025-26.", "2025-09-04"))


def test_a_hashtag_names_the_exports_a_post_gives():
    text = 'In a post on X, the ministry said: "#ITExports for Jan 2025 clocked in at US$ 332M, up 38% YoY. Jul-Jan FY25: US$ 2.18B."'
    assert {("it_exports_monthly", "2025-01", 332, "USD_million"), ("it_exports_cumulative", "FY2024-25:Jul-Jan", 2180, "USD_million")} <= facts(text, "2025-02-18")
    # (the tags a post ends on name nothing: the rate before them stays the exports')
    text = "آئی ٹی ایکسپورٹس 5MFY26 میں 1.75 ارب ڈالر، پچھلے سال اسی عرصے میں 1.51 ارب ڈالر تھیں، یعنی +16% YoY #ITExports #Pakistan"
    assert ("it_exports_cumulative", "FY2025-26:Jul-Nov", 16, "percent") in facts(text, "2025-12-17")


def test_a_line_opening_on_a_period_and_a_colon_goes_on_about_the_line_before():
    text = "IT exports for April 2026: US$ 372.4M (+26.1% YoY). Jul-Apr FY26: US$ 3.64B (+16.3% YoY)."
    assert {("it_exports_cumulative", "FY2025-26:Jul-Apr", 3640, "USD_million"), ("it_exports_cumulative", "FY2025-26:Jul-Apr", 16.3, "percent")} <= facts(text, "2026-05-15")
    # (not after a line that gave no figure of its own)
    assert not facts("IT exports are released monthly. Jul-Apr FY26: US$ 3.64B.", "2026-05-15") - {("other", "FY2025-26:Jul-Apr", 3640, "USD_million")}


def test_a_total_after_which_in_urdu_is_a_running_total():
    text = "پی ٹی اے نے بتایا کہ نومبر کے دوران 19 ہزار 850 وی پی اینز رجسٹر کیے گئے جس کے بعد رجسٹرڈ وی پی اینز کی مجموعی تعداد 41 ہزار سے تجاوز کر گئی ہے۔"
    assert facts(text, "2024-12-03") == {("vpn_registrations", "2024-11", 19850, "count"), ("vpn_registrations", "", 41000, "count")}


def test_a_charts_months_take_their_year_from_the_fiscal_year_its_heading_gives():
    text = "Month-wise IT exports (US$ Million) FY 2022-23: Jul 215.0, Aug 236.2, Jan 280.1, Total 731.3."
    assert {("it_exports_monthly", "2022-07", 215, "USD_million"), ("it_exports_monthly", "2022-08", 236.2, "USD_million"), ("it_exports_monthly", "2023-01", 280.1, "USD_million")} <= facts(text, "2023-12-30")


def test_what_a_whole_named_before_included_is_a_part_of_it():
    text = "According to the PTA, the registrations during November included 19,840 VPNs registered on behalf of freelancers."
    assert not any(f[0] != "other" for f in facts(text, "2024-12-04"))


def test_a_trailing_twelve_months_is_no_fiscal_years_figure():
    text = "On a trailing twelve-month basis, IT exports now stand at $4.17 billion, compared with $3.80 billion for the whole of FY25."
    assert {f for f in facts(text, "2025-08-18") if f[0] != "other"} == {("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_the_amount_the_it_industry_earned_is_the_sectors_not_the_freelancers():
    text = "Freelancers sent home $417 million in FY25, an increase of 19 percent, which works out to just 11 percent of the $3.8 billion the IT industry earned."
    found = facts(text, "2025-08-18")
    assert {("freelancer_earnings", "FY2024-25", 417, "USD_million"), ("it_exports_annual", "FY2024-25", 3800, "USD_million")} <= found
    assert not any(f[0] == "freelancer_earnings" and f[2] == 3800 for f in found)


@pytest.mark.parametrize("text, published, place", [
    ("Mobile speeds tell the same story: the Speedtest Global Index placed Pakistan 97th among 111 countries in January 2023, and 100th among 111 in April 2025.", "2025-06-02", ("ranking", "2025-04", 100, "rank")),
    # ("سروسز", services, holds no "روس", Russia; "2025 کی فہرست", the 2025 list, dates the place)
    ("کیئرنی کے گلوبل سروسز لوکیشن انڈیکس میں پاکستان 2021 میں 37 ویں نمبر پر تھا اور 2025 کی فہرست میں 31 ویں نمبر پر آ گیا۔", "2026-03-09", ("ranking", "2025", 31, "rank")),
])
def test_a_place_in_a_clause_opening_on_and_goes_on_with_pakistans_places(text, published, place):
    assert place in facts(text, published)


def test_a_place_after_and_with_another_country_named_is_not_pakistans():
    assert ("ranking", "2025-04", 100, "rank") not in facts("The index placed Pakistan 97th in January 2023, and India 100th in April 2025.", "2025-06-02")


def test_urdu_amounts_listed_by_two_digit_fiscal_year_with_the_currency_said_once():
    text = "پانچ سال میں آئی ٹی برآمدات دگنی سے زیادہ: مالی سال 20 میں ایک ارب 62 کروڑ، مالی سال 25 میں 3 ارب 80 کروڑ ڈالر"
    assert facts("", "2025-07-21", title=text) >= {("it_exports_annual", "FY2019-20", 1620, "USD_million"), ("it_exports_annual", "FY2024-25", 3800, "USD_million")}


def test_a_sector_sized_amount_is_no_freelancers_earnings():
    text = "Pakistani firms and freelancers picked up the work. In FY22 they reached $2.62bn."
    assert not any(f[0] == "freelancer_earnings" for f in facts(text, "2024-08-12"))
    # (their own year's size stays theirs)
    assert ("freelancer_earnings", "FY2023-24", 350, "USD_million") in facts("Freelancers sent home $350 million in FY24, a record.", "2024-08-12")


def test_a_sentence_on_the_sector_that_names_a_year_passes_that_year_on():
    text = (
        "مالی سال 2022-23 میں آئی ٹی برآمدات 2 ارب 59 کروڑ ڈالر رہیں۔ مالی سال 2023-24 کا بجٹ اس شعبے کے لیے نسبتاً خوشگوار رہا۔ "
        "اس سال آئی ٹی برآمدات 24 فیصد بڑھ کر 3 ارب 22 کروڑ ڈالر ہو گئیں۔"
    )
    assert {("it_exports_annual", "FY2023-24", 3220, "USD_million"), ("it_exports_annual", "FY2023-24", 24, "percent")} <= facts(text, "2025-06-24")


@pytest.mark.parametrize("text", [
    "IT exports were $1.44 billion in FY19. The next year they rose to $1.62 billion.",
    # (after a year the sentence before looked back to, and with "these rose to" in Urdu)
    "مالی سال 2023-24 میں آئی ٹی برآمدات 3 ارب 22 کروڑ ڈالر رہیں۔ مالی سال 2018-19 میں یہ برآمدات ایک ارب 44 کروڑ ڈالر تھیں۔ اگلے سال، جب کورونا آیا، یہ بڑھ کر ایک ارب 62 کروڑ ڈالر ہو گئیں۔",
])
def test_the_following_year_is_the_year_after_the_one_told_before(text):
    found = facts(text, "2024-08-12")
    assert ("it_exports_annual", "FY2019-20", 1620, "USD_million") in found
    assert not any(f[2] == 1620 and f[1] != "FY2019-20" for f in found)


def test_the_following_year_of_a_hope_is_no_years_figure():
    found = facts("IT exports were $3.2 billion in FY24. The ministry expects them to reach $4 billion the following year.", "2024-08-12")
    assert {f for f in found if f[0] != "other"} == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}


def test_a_sentence_whose_figures_are_no_ones_keeps_the_subject_for_the_sector_after_it():
    text = (
        "The State Bank put exports of IT and IT-enabled services at $1.73 billion in July-February FY22. "
        "February on its own brought in $213 million, a little less than January's $228 million. "
        "Those are healthy numbers. The sector earned $1.44 billion in FY20 and $2.12 billion in FY21."
    )
    assert {("it_exports_annual", "FY2019-20", 1440, "USD_million"), ("it_exports_annual", "FY2020-21", 2120, "USD_million")} <= facts(text, "2022-03-21")
    # (one that names something else does not: "Remittances ... The sector" is not IT's)
    text = "IT exports were $1.73 billion in July-February FY22. Workers' remittances came to $20 billion. Those are healthy numbers. The sector earned $1.44 billion in FY20."
    assert ("it_exports_annual", "FY2019-20", 1440, "USD_million") not in facts(text, "2022-03-21")


def test_it_exporters_named_before_are_the_sector_a_later_sentence_names_back():
    text = (
        "Pakistan's IT exporters need a predictable tax regime far more than new incentives, a think tank said ahead of the federal budget. "
        "The brief notes that the sector's exports stood at $2.15 billion in July-April FY23, down 1.4 percent from $2.18 billion a year earlier."
    )
    assert {("it_exports_cumulative", "FY2022-23:Jul-Apr", 2150, "USD_million"), ("it_exports_cumulative", "FY2021-22:Jul-Apr", 2180, "USD_million")} <= facts(text, "2023-06-05")
    # (not "the ICT sector" named with its surplus, before its parts)
    text = (
        "The Survey notes that the ICT sector, with a trade surplus of $1,901 million, was the highest net exporter among services. "
        "Computer services remained the largest contributor, with exports of $1,836 million."
    )
    assert not any(f[0].startswith("it_exports") and f[2] == 1836 for f in facts(text, "2024-06-11"))


@pytest.mark.parametrize("text, published, wrong", [
    ("Freelancers' remittances in July-December FY23 were $149 million, the State Bank said, correcting a figure of $194 million shown in a ministry presentation.", "2023-02-15", 194),
    ("Correction: the PTA has registered 25,300 VPNs so far, not 253,000 as stated in Monday's edition.", "2025-03-02", 253000),
    ("IT exports were $325 million in February, not $352 million as some outlets reported.", "2025-03-19", 352),
    ("پی ٹی اے کے مطابق اب تک 56 ہزار 400 وی پی اینز رجسٹر کیے جا چکے ہیں، جبکہ اتھارٹی نے 4 لاکھ رجسٹریشنز کی خبر کو بے بنیاد قرار دیا ہے۔", "2025-03-12", 400000),
])
def test_a_figure_corrected_denied_or_called_baseless_is_no_fact(text, published, wrong):
    found = facts(text, published)
    assert not any(f[2] == wrong and f[0] != "other" for f in found)
    assert any(f[0] != "other" for f in found)  # (the right one stays)


@pytest.mark.parametrize("text, published, want", [
    ("The final figure for FY22 IT exports came in at $2.62 billion, a shade above the provisional $2.61 billion reported in July, and 23.6 percent more than in FY21.", "2022-08-20", ("it_exports_annual", "FY2021-22", 23.6, "percent")),
    ("According to PSEB's revised data, freelancers brought in $412 million in FY25, up from the provisional figure of $398 million released in July.", "2025-08-20", ("freelancer_earnings", "FY2024-25", 398, "USD_million")),
    # (Urdu: "the early figures released last month")
    ("اسٹیٹ بینک کے مطابق مالی سال 21-2020 میں آئی ٹی برآمدات 2 ارب 12 کروڑ ڈالر رہیں، جبکہ گزشتہ ماہ جاری ہونے والے ابتدائی اعداد میں یہ حجم 2 ارب 10 کروڑ ڈالر بتایا گیا تھا۔", "2021-08-18", ("it_exports_annual", "FY2020-21", 2120, "USD_million")),
])
def test_the_month_a_figure_was_released_in_is_not_its_period(text, published, want):
    found = facts(text, published)
    assert want in found
    assert not any(re.fullmatch(r"\d{4}-\d\d", f[1]) for f in found if f[0] != "other")


def test_may_before_a_past_tense_is_the_month():
    assert ("it_exports_monthly", "2025-05", 331, "USD_million") in facts("", "2025-07-17", title="SBP: IT exports $338m in June; May revised to $331m")
    assert not any(f[0] != "other" for f in facts("IT exports May reach $4 billion this year.", "2025-07-17"))


def test_a_release_named_by_its_month_dates_nothing():
    assert facts("IT exports in the first quarter stood at $855 million in the October release.", "2024-11-25") == {("it_exports_cumulative", "FY2024-25:Q1", 855, "USD_million")}


def test_for_the_year_names_back_the_fiscal_year_told_before():
    text = (
        "IT exports reached $2.12 billion in FY21. The ministry had announced on July 2, before the June numbers were available, "
        "that exports had reached $2.1 billion. Freelancers' remittances for the year came to $181 million."
    )
    assert ("freelancer_earnings", "FY2020-21", 181, "USD_million") in facts(text, "2021-07-20")


def test_the_figure_revised_to_another_from_is_superseded():
    found = facts("Freelancers' earnings in the April-June quarter of FY22 were revised to $79 million from $64 million.", "2022-09-20")
    assert ("freelancer_earnings", "FY2021-22:Q4", 79, "USD_million") in found
    assert not any(f[2] == 64 and f[0] != "other" for f in found)


@pytest.mark.parametrize("text, published, wrong", [
    ("حقائق کی جانچ: وفاقی وزیر کا یہ دعویٰ درست نہیں کہ پاکستان فری لانسنگ میں دنیا میں دوسرے نمبر پر ہے؛ رپورٹ میں پاکستان کا نمبر چوتھا ہے۔", "2025-02-10", 2),
    ("The minister falsely claimed that IT exports had reached $4 billion in FY24.", "2024-08-10", 4000),
])
def test_a_claim_said_to_be_untrue_gives_no_fact(text, published, wrong):
    assert not any(f[2] == wrong and f[0] != "other" for f in facts(text, published))


def test_a_count_revised_since_is_superseded_by_the_one_it_was_revised_to():
    text = "The PTA's tally of registered VPNs, put at 27,000 last week, has been revised to 25,300 after duplicate applications were removed."
    assert facts(text, "2024-12-05") == {("other", "", 27000, "count"), ("vpn_registrations", "", 25300, "count")}


def test_a_posts_closing_tags_do_not_end_its_subject():
    text = (
        'In a post on X, the ministry said: "#ITExports for April 2026: US$ 372.4M (+26.1% YoY). The momentum continues! #DigitalNation #MoITT"\n\n'
        "According to the figures shared by the ministry, the exports in April were 4.3 percent lower than US$ 389.0 Million in March 2026."
    )
    assert {("it_exports_monthly", "2026-03", 389, "USD_million"), ("it_exports_monthly", "2026-04", -4.3, "percent")} <= facts(text, "2026-05-15")


def test_the_it_sector_had_fetched_an_amount_is_its_exports():
    text = "The IT sector had fetched $2.12 billion in the fiscal year that ended in June 2021, a jump of 47 percent over the year before."
    assert {("it_exports_annual", "FY2020-21", 2120, "USD_million"), ("it_exports_annual", "FY2020-21", 47, "percent")} <= facts(text, "2021-12-14")


def test_a_base_before_a_rate_in_urdu_words_is_the_earlier_month():
    text = "ستمبر کے مہینے میں آئی ٹی خدمات کی برآمدات 24 کروڑ 60 لاکھ ڈالر رہیں جو اگست کے 23 کروڑ 50 لاکھ ڈالر سے تقریباً پانچ فیصد زیادہ ہیں۔"
    found = facts(text, "2023-10-20")
    assert {("it_exports_monthly", "2023-09", 246, "USD_million"), ("it_exports_monthly", "2023-08", 235, "USD_million"), ("it_exports_monthly", "2023-09", 5, "percent")} <= found
    assert not any(f[1] == "2023-08" and f[2] in (246, 5) for f in found)


@pytest.mark.parametrize("text", [
    "Pakistan's information technology exports reached 3.8 billion U.S. dollars in the fiscal year 2024-25, the ministry said on Monday.",
    "Pakistan's information technology exports reached 3.8 billion US dollars in the fiscal year 2024-25, the ministry said on Monday.",
])
def test_us_dollars_with_or_without_the_points(text):
    assert ("it_exports_annual", "FY2024-25", 3800, "USD_million") in facts(text, "2025-07-15")


@pytest.mark.parametrize("title, text, published, expected", [
    ("Pakistan's IT exports hit record $3.2 bln in year to June", "", "2024-07-17", ("it_exports_annual", "FY2023-24", 3200, "USD_million")),
    ("", "مالی سال جو جون میں ختم ہوا، اس میں پاکستان کی آئی ٹی برآمدات 2.59 بلین ڈالر رہیں۔", "2023-07-20", ("it_exports_annual", "FY2022-23", 2590, "USD_million")),
    ("", "مالی سال، جو 30 جون کو ختم ہوا، آئی ٹی برآمدات کے لیے بہتر رہا اور یہ 3 ارب 80 کروڑ ڈالر رہیں۔", "2025-08-01", ("it_exports_annual", "FY2024-25", 3800, "USD_million")),
])
def test_the_year_to_june_is_the_fiscal_year_just_closed(title, text, published, expected):
    assert expected in facts(text, published, title=title)


def test_a_tables_rows_with_cells_apart_are_its_subjects_figures():
    text = (
        "Pakistan's IT and IT-enabled services exports grew in every month of fiscal year 2023-24. "
        "The table below sets out the monthly figures against the previous year.\n\n"
        "Month | FY24 ($m) | FY23 ($m) | YoY\n\nJul | 214 | 197 | +9%\n\nAug | 236 | 227 | -4%\n\nTotal | 450 | 424 | +6%\n\n"
        "December remains the seasonal peak."
    )
    found = extract_facts("", text, "2024-07-24")
    assert {(f.series, f.period, f.value, f.unit, f.basis) for f in found} >= {
        ("it_exports_monthly", "2023-07", 214, "USD_million", ""),
        ("it_exports_monthly", "2022-07", 197, "USD_million", ""),
        ("it_exports_monthly", "2023-07", 9, "percent", "yoy"),
        ("it_exports_monthly", "2023-08", -4, "percent", "yoy"),
        # (the total of the months above it: July-August's, not the year's)
        ("it_exports_cumulative", "FY2023-24:Jul-Aug", 450, "USD_million", ""),
        ("it_exports_cumulative", "FY2022-23:Jul-Aug", 424, "USD_million", ""),
        ("it_exports_cumulative", "FY2023-24:Jul-Aug", 6, "percent", "yoy"),
    }
    assert next(f for f in found if f.value == 214).quote == "Jul | 214 | 197 | +9%"


def test_a_table_with_its_periods_down_the_side_takes_its_unit_from_the_caption():
    text = "IT exports, $bn (change YoY)\nFY19 | 1.21 | +2%\nFY20 | 1.44 | +19%"
    assert {("it_exports_annual", "FY2018-19", 1210, "USD_million"), ("it_exports_annual", "FY2019-20", 19, "percent")} <= facts(text, "2021-08-02")


@pytest.mark.parametrize("text", [
    # a look-alike's table, under an article on IT exports
    "IT exports rose 24 percent in FY24.\n\nWorkers' remittances, $m\n\nMonth | FY24 | FY23\n\nJul | 2,029 | 2,524\n\nAug | 2,094 | 2,715",
    # a table of destinations: its rows are no periods
    "IT exports by destination ($m)\n\nCountry | FY24 | FY23\n\nUSA | 1,100 | 950\n\nUAE | 420 | 380",
    # numbers with no unit anywhere
    "IT exports month by month\n\nMonth | FY24 | FY23\n\nJul | 214 | 197\n\nAug | 236 | 227",
])
def test_a_table_gives_no_figure_it_cannot_place(text):
    assert not any(f[0] != "other" and f[3] != "percent" for f in facts(text, "2024-07-24"))


def test_an_urdu_table_with_dashes_between_its_cells():
    text = (
        "گزشتہ پانچ برسوں میں پاکستان کی آئی ٹی برآمدات بڑھی ہیں۔ ذیل میں سال بہ سال کارکردگی دی گئی ہے۔\n\n"
        "مالی سال 2021-22 — 2 ارب 62 کروڑ ڈالر — 24 فیصد اضافہ\n"
        "مالی سال 2022-23 — 2 ارب 59 کروڑ ڈالر — 1 فیصد کمی\n"
    )
    found = {(f.series, f.period, f.value, f.unit, f.basis) for f in extract_facts("", text, "2025-07-24")}
    assert {
        ("it_exports_annual", "FY2021-22", 2620, "USD_million", ""),
        ("it_exports_annual", "FY2021-22", 24, "percent", "yoy"),
        ("it_exports_annual", "FY2022-23", 2590, "USD_million", ""),
        ("it_exports_annual", "FY2022-23", -1, "percent", "yoy"),
    } <= found


def test_a_boxs_figure_on_its_line_is_read_with_its_caption_below():
    text = (
        "Here is the year in figures, from State Bank and PSEB data.\n\n"
        "$3.8bn\nICT exports in FY25, up 18pc from $3.22bn in FY24\n\n"
        "$338m\nExports in June 2025, 13pc higher than in June 2024\n\n"
        "2.37m\nFreelancers working from Pakistan, according to PSEB"
    )
    found = extract_facts("By the numbers: IT's record year", text, "2025-07-22")
    assert {(f.series, f.period, f.value, f.unit) for f in found} >= {
        ("it_exports_annual", "FY2024-25", 3800, "USD_million"),
        ("it_exports_annual", "FY2024-25", 18, "percent"),
        ("it_exports_annual", "FY2023-24", 3220, "USD_million"),
        ("freelancer_count", "", 2370000, "count"),
        ("it_exports_monthly", "2025-06", 338, "USD_million"),
        ("it_exports_monthly", "2025-06", 13, "percent"),
    }
    assert next(f for f in found if f.value == 3800).quote == "$3.8bn\nICT exports in FY25, up 18pc from $3.22bn in FY24"


def test_a_boxs_figure_before_its_caption_after_a_dash():
    assert ("it_exports_monthly", "2025-03", 342, "USD_million") in facts("$342m — ICT exports in March, the second-highest monthly figure on record", "2025-04-17")


def test_a_timelines_year_on_its_line_is_no_figure():
    text = "Key dates\n\n2024\nThe PTA opened VPN registration to freelancers and firms.\n\n2025\nX was restored after 15 months."
    assert not any(f[0] != "other" for f in facts(text, "2025-06-01"))


@pytest.mark.parametrize("sent", [
    "The UAE is home to about 1.7 million Pakistanis, who sent $4.6 billion in remittances to their home country in the last fiscal year.",
    "Expatriates sent $4.6 billion in remittances last year.",
])
def test_what_pakistanis_abroad_sent_home_is_not_the_it_exports_named_before(sent):
    found = facts(f"IT exports rose to $2.6 billion in FY23. {sent}", "2023-11-20")
    assert ("it_exports_annual", "FY2022-23", 2600, "USD_million") in found
    assert not any(f[2] == 4600 and f[0] != "other" for f in found)


@pytest.mark.parametrize("text, expected", [
    ("The PTA has registered more than 40,000 VPNs, it told a parliamentary committee last month.", ("vpn_registrations", "", 40000, "count")),
    ("Tariq is one of about 2.37 million freelancers in Pakistan, many of whom say they have been hit hard by internet slowdowns since mid-July.", ("freelancer_count", "", 2370000, "count")),
])
def test_when_a_count_was_told_or_since_when_others_suffered_does_not_date_it(text, expected):
    assert expected in facts(text, "2025-05-10")


@pytest.mark.parametrize("days", ["between November 1 and 17", "from November 1 to 17", "from Nov 1st till 17"])
def test_the_last_day_of_a_span_of_days_is_no_count(days):
    found = facts(f"The PTA registered 21,740 VPNs {days}.", "2024-11-25")
    assert any(f[2] == 21740 for f in found) and not any(f[2] == 17 for f in found)


def test_this_rise_and_their_total_volume_refer_back_in_urdu():
    text = (
        "اکتوبر میں آئی ٹی برآمدات 33 کروڑ ڈالر رہیں، جو گزشتہ سال اکتوبر کے مقابلے میں 27 فیصد زیادہ ہیں۔ "
        "ستمبر کے مقابلے میں یہ اضافہ 13 فیصد رہا۔ رواں مالی سال کے پہلے چار ماہ میں ان کا مجموعی حجم ایک ارب 20 کروڑ ڈالر رہا۔"
    )
    assert {("it_exports_monthly", "2024-10", 13, "percent"), ("it_exports_cumulative", "FY2024-25:Jul-Oct", 1200, "USD_million")} <= facts(text, "2024-11-19")


@pytest.mark.parametrize("text", [
    "The Gulf is now the third-largest market for Pakistani IT services after the US and the UK.",
    "خلیجی ممالک اب امریکہ اور برطانیہ کے بعد پاکستانی آئی ٹی کمپنیوں کے لیے تیسری بڑی منڈی ہیں۔",
])
def test_a_market_ranked_among_pakistans_buyers_is_no_ranking_of_pakistan(text):
    assert not any(f[0] == "ranking" for f in facts(text, "2024-03-10"))


@pytest.mark.parametrize("text", ["Pakistan is the fourth-largest freelance market in the world.", "پاکستان فری لانسنگ کی چوتھی بڑی مارکیٹ ہے۔"])
def test_pakistan_as_a_market_among_countries_is_ranked(text):
    assert ("ranking", "", 4, "rank") in facts(text, "2024-03-10")


@pytest.mark.parametrize("text, expected", [
    ("the country's IT exports had crossed 3 arab 22 crore dollars during the last fiscal year.", ("it_exports_annual", "FY2023-24", 3220, "USD_million")),
    ("IT exports were 28 crore 60 lakh dollars in July.", ("it_exports_monthly", "2024-07", 286, "USD_million")),
    ("IT exports were one arab six crore dollars in the first quarter.", ("it_exports_cumulative", "FY2024-25:Q1", 1060, "USD_million")),
])
def test_amounts_in_arab_crore_and_lakh_written_in_english(text, expected):
    assert expected in facts(text, "2024-10-20" if "quarter" in text else "2024-08-20")


@pytest.mark.parametrize("text", ["آئی ٹی ایکسپورٹس جولائی میں 35 کروڑ 40 لاکھ ڈالرز، 24 پرسنٹ گروتھ", "جولائی میں آئی ٹی ایکسپورٹس میں 24 فیصد گروتھ ہوئی"])
def test_growth_borrowed_into_urdu_is_a_rise(text):
    assert ("it_exports_monthly", "2025-07", 24, "percent") in facts(text, "2025-08-19")


@pytest.mark.parametrize("text", ["01:15 VPN رجسٹریشن کیوں ضروری ہے", "3:10 pm — Correction: an earlier update said the PTA had registered 13,200 VPNs."])
def test_a_time_mark_is_no_count(text):
    assert not any(f[2] in (15, 10) for f in facts(text, "2024-11-20"))


@pytest.mark.parametrize("bullet", ["▪️", "🔹", "✅"])
def test_emoji_bullets_go_on_with_the_subject_of_the_item_before(bullet):
    text = f"{bullet} اپریل میں آئی ٹی ایکسپورٹس 32 کروڑ 90 لاکھ ڈالرز ریکارڈ\n\n{bullet} مارچ کے 34 کروڑ 20 لاکھ ڈالرز کے مقابلے میں اپریل میں 4 فیصد کمی"
    assert {("it_exports_monthly", "2025-03", 342, "USD_million"), ("it_exports_monthly", "2025-04", -4, "percent")} <= facts(text, "2025-05-20")


def test_as_compare_to_in_untidy_copy_is_a_comparison():
    text = (
        "The ministry told the house that freelancers earnings has been increased by 8.6 percent in the first half of the current "
        "fiscal year as compare to same period of last year and stood at US$ 210 million."
    )
    found = facts(text, "2023-02-15")
    assert {("freelancer_earnings", "FY2022-23:H1", 210, "USD_million"), ("freelancer_earnings", "FY2022-23:H1", 8.6, "percent")} <= found
    assert ("freelancer_earnings", "FY2021-22:H1", 210, "USD_million") not in found


def test_a_table_with_months_across_the_top_and_a_change_row():
    text = (
        "Here is how the country's IT exports moved over the last four months, according to SBP:\n"
        " | Sep-24 | Oct-24 | Nov-24 | Dec-24\n"
        "IT exports ($ mn) | 292 | 330 | 318 | 348\n"
        "MoM change | -2% | 13% | -4% | 9%"
    )
    found = {(f.series, f.period, f.value, f.unit, f.basis) for f in extract_facts("", text, "2025-01-17")}
    assert {("it_exports_monthly", "2024-10", 330, "USD_million", ""), ("it_exports_monthly", "2024-11", -4, "percent", "mom")} <= found


def test_a_table_in_aligned_columns_with_years_down_the_side():
    text = (
        "IT exports trend\n"
        "IT exports (USD m)     Jul     Aug     4M\n"
        "FY23                   199     227     840\n"
        "FY22                   196     213     846\n"
        "YoY                    2%      7%      -1%"
    )
    assert {
        ("it_exports_monthly", "2022-07", 199, "USD_million"), ("it_exports_monthly", "2021-08", 213, "USD_million"),
        ("it_exports_cumulative", "FY2022-23:Jul-Oct", 840, "USD_million"), ("it_exports_monthly", "2022-08", 7, "percent"),
        ("it_exports_cumulative", "FY2022-23:Jul-Oct", -1, "percent"),
    } <= facts(text, "2022-11-18")


def test_a_wide_table_reads_each_rows_subject_and_each_rates_level():
    text = (
        "Apr-24 snapshot (US$mn)\n"
        "Item | Apr-24 | Apr-23 | YoY | Mar-24 | MoM | 10MFY24 | 10MFY23 | YoY\n"
        "IT exports | 310 | 198 | 57% | 306 | 1% | 2,636 | 2,069 | 27%\n"
        "Remittances | 2,812 | 2,198 | 28% | 2,951 | -5% | 23,845 | 22,739 | 5%"
    )
    found = {(f.series, f.period, f.value, f.unit, f.basis) for f in extract_facts("", text, "2024-05-16")}
    assert {
        ("it_exports_monthly", "2024-04", 57, "percent", "yoy"), ("it_exports_monthly", "2024-04", 1, "percent", "mom"),
        ("it_exports_cumulative", "FY2023-24:Jul-Apr", 27, "percent", "yoy"), ("it_exports_monthly", "2024-03", 306, "USD_million", ""),
    } <= found
    assert not any(f[2] in (2812, 28, 23845) for f in found)  # the remittances' row


def test_a_tables_quarter_on_quarter_change_is_not_kept():
    text = "Quarterly IT exports (US$ mn)\nQuarter | IT exports | YoY | QoQ\n1QFY25 | 876 | 26% | -2%\n2QFY25 | 996 | 24% | 14%"
    found = facts(text, "2025-10-20")
    assert {("it_exports_cumulative", "FY2024-25:Q2", 996, "USD_million"), ("it_exports_cumulative", "FY2024-25:Q2", 24, "percent")} <= found
    assert not any(f[2] in (-2, 14) for f in found)


def test_a_table_of_vpn_registrations_by_month():
    text = (
        "The total number of registered VPNs reached 58,420. The table shows the monthly trend:\n"
        "Month | Registrations | Change\nSeptember 2024 | 4,120 | 7%\nOctober 2024 | 6,870 | 67%"
    )
    found = {(f.series, f.period, f.value, f.unit, f.basis) for f in extract_facts("", text, "2024-12-05")}
    assert {("vpn_registrations", "2024-10", 6870, "count", ""), ("vpn_registrations", "2024-10", 67, "percent", "mom")} <= found


def test_an_urdu_table_with_its_unit_in_the_caption_and_a_total_of_some_months():
    text = (
        "پہلی سہ ماہی میں آئی ٹی برآمدات، ملین ڈالر (ماخذ: اسٹیٹ بینک)\n"
        "مہینہ | 2025-26 | 2024-25\nجولائی | 354 | 286\nاگست | 338 | 298\nستمبر | 366 | 292\nکل | 1,058 | 876"
    )
    assert {
        ("it_exports_monthly", "2025-07", 354, "USD_million"), ("it_exports_monthly", "2024-08", 298, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:Q1", 1058, "USD_million"), ("it_exports_cumulative", "FY2024-25:Q1", 876, "USD_million"),
    } <= facts(text, "2025-10-20")


def _series_of(text, published="2024-07-20"):
    return {(f.series, f.value) for f in extract_facts("", text, published)}


@pytest.mark.parametrize(
    "text, claimed, kept",
    [
        ("PTA denied reports that 800,000 VPNs had been registered in June, saying the number was 31,000.", 800000, ("vpn_registrations", 31000)),
        ("Some social media accounts claimed that 90,000 VPNs were registered in June, but PTA put the count at 12,500.", 90000, ("vpn_registrations", 12500)),
        ("سوشل میڈیا پر دعویٰ کیا گیا کہ فری لانسرز نے گزشتہ مالی سال ایک ارب ڈالر کمائے، مگر اسٹیٹ بینک کے مطابق فری لانسرز کی آمدن 35 کروڑ ڈالر رہی۔", 1000, ("freelancer_earnings", 350)),
        ("پاشا نے ان خبروں کی تردید کی ہے کہ جون میں آئی ٹی برآمدات 20 فیصد کم ہوئیں۔", -20, None),
        ("فیکٹ چیک: جون میں 5 لاکھ وی پی این رجسٹر ہونے کا دعویٰ غلط، پی ٹی اے کے مطابق تعداد 24 ہزار", 500000, ("vpn_registrations", 24000)),
    ],
)
def test_a_claim_said_to_be_untrue_or_passed_round_is_no_reported_figure(text, claimed, kept):
    found = _series_of(text)
    assert not any(value == claimed and series != "other" for series, value in found)
    if kept:
        assert kept in found


def test_a_headline_that_calls_a_claim_false_reports_no_figure():
    found = {(f.series, f.value) for f in extract_facts("Viral post falsely claims Pakistani freelancers earned $1 billion in 2024", "", "2025-01-20")}
    assert not any(series != "other" for series, _ in found)


@pytest.mark.parametrize(
    "text, claimed",
    [
        ("Monthly IT exports have never reached $500 million.", 500),
        ("Fact check: IT exports did not double to $6bn in FY24.", 6000),
        ("ICT exports stay below $300mn in June, clock in at $285mn", 300),
        ("Did IT exports reach $450 million in June?", 450),
        ("کیا جون میں آئی ٹی برآمدات 40 فیصد بڑھ گئیں؟", 40),
        ("Unofficial estimates put the number of Pakistani freelancers at four million.", 4000000),
        ("غیر سرکاری اندازوں کے مطابق ملک میں فری لانسرز کی تعداد 40 لاکھ ہے۔", 4000000),
        ("To reach $3.5 billion, IT exports need $390 million in June.", 390),
        ("Correction: A story in yesterday's edition stated that IT exports in May were $329 million.", 329),
        ("IT exports in May were $292 million (not $329 million, as first printed).", 329),
    ],
)
def test_a_figure_negated_asked_about_or_guessed_is_no_reported_figure(text, claimed):
    assert not any(value == claimed and series != "other" for series, value in _series_of(text))


@pytest.mark.parametrize(
    "text, kept",
    [
        ("جون میں آئی ٹی برآمدات 45 کروڑ ڈالر نہیں بلکہ 38 کروڑ ڈالر رہیں۔", ("it_exports_monthly", 380)),
        ("جون میں آئی ٹی برآمدات میں اضافہ 30 فیصد نہیں بلکہ 12 فیصد رہا۔", ("it_exports_monthly", 12)),
    ],
)
def test_an_urdu_figure_put_aside_by_a_negation_leaves_the_one_reported(text, kept):
    found = _series_of(text)
    assert kept in found and len([f for f in found if f[0] != "other"]) == 1


@pytest.mark.parametrize(
    "text, kept",
    [
        # a claim nobody calls untrue is reported as it is made
        ("The minister claimed that IT exports reached $3.2 billion in FY24.", ("it_exports_annual", 3200)),
        # what follows a denial and a comma is the speaker's own figure
        ("The chairman rejected claims that the slowdown had hurt exports, pointing out that IT exports earned $1.2bn in July-March.", ("it_exports_cumulative", 1200)),
        # "assuming charge" supposes nothing
        ("After assuming charge, the minister was told that IT exports had reached $2.6 billion in July-May.", ("it_exports_cumulative", 2600)),
        ("Pakistan was ranked third in the freelancing index.", ("ranking", 3)),
    ],
)
def test_claims_and_look_alikes_of_doubt_keep_a_reported_figure(text, kept):
    assert kept in _series_of(text)


def test_a_footnote_mark_after_a_stop_ends_the_sentence():
    text = (
        "During July-March FY2024, ICT exports grew 24.0 percent to US$ 2,283 million against US$ 1,841 million "
        "in the same period last year.² The share of ICT in services exports rose to 41.2 percent."
    )
    assert {("it_exports_cumulative", "FY2023-24:Jul-Mar", 2283, "USD_million"), ("it_exports_cumulative", "FY2022-23:Jul-Mar", 1841, "USD_million")} <= facts(text, "2024-06-11")


@pytest.mark.parametrize(
    "text, kept",
    [
        # a cause told after the figures says nothing of what they are
        ("ICT exports for FY 2022-23 stood at US$ 2.6 billion, marginally lower than the US$ 2.62 billion of FY 2021-22, owing largely to the retention of proceeds abroad.", ("it_exports_annual", "FY2022-23", 2600, "USD_million")),
        # nor what is worked out from them
        ("The plan envisages raising IT exports from US$ 3.2 billion in FY2024 to US$ 10 billion by FY2029, implying average annual growth of about 25 percent.", ("it_exports_annual", "FY2023-24", 3200, "USD_million")),
        # "percent of GDP" sizes the figure; GDP is not its subject
        ("Exports of telecommunication, computer, and information services rose by 24 percent y/y in FY24 to US$3.2 billion, about 0.9 percent of GDP, and now make up 41 percent of services exports.", ("it_exports_annual", "FY2023-24", 3200, "USD_million")),
    ],
)
def test_words_after_a_figure_that_tell_its_cause_or_size_leave_it_kept(text, kept):
    assert kept in facts(text, "2024-10-11")


def test_the_current_account_in_urdu_is_a_look_alike():
    text = "پہلی سہ ماہی میں آئی ٹی برآمدات 1 ارب 7 کروڑ ڈالر رہیں، جبکہ اسی عرصے میں کرنٹ اکاؤنٹ 59 کروڑ 40 لاکھ ڈالر خسارے میں رہا۔"
    found = facts(text, "2025-10-20")
    assert ("it_exports_cumulative", "FY2025-26:Q1", 1070, "USD_million") in found
    assert not any(f[2] == 594 for f in found)


def test_an_urdu_provisional_figure_is_the_figure_unless_a_revision_is_told():
    alone = "مالی سال 2021 کے جولائی تا اپریل کے دوران آئی ٹی برآمدات عبوری طور پر 1 ارب 70 کروڑ ڈالر رہیں۔"
    assert ("it_exports_cumulative", "FY2020-21:Jul-Apr", 1700, "USD_million") in facts(alone, "2021-05-28")
    revised = "نظرثانی شدہ اعداد کے مطابق اپریل میں آئی ٹی برآمدات 24 کروڑ ڈالر رہیں جو عبوری طور پر 23 کروڑ ڈالر بتائی گئی تھیں۔"
    assert ("it_exports_monthly", "2021-04", 230, "USD_million") not in facts(revised, "2021-05-28")


@pytest.mark.parametrize(
    "text, period",
    [
        ("مالی سال دو ہزار بائیس میں آئی ٹی برآمدات دو ارب باسٹھ کروڑ ڈالر رہیں۔", "FY2021-22"),
        ("مالی سال دو ہزار بائیس تئیس میں آئی ٹی برآمدات دو ارب ساٹھ کروڑ ڈالر رہیں۔", "FY2022-23"),
    ],
)
def test_an_urdu_fiscal_year_in_words(text, period):
    assert any(f[0] == "it_exports_annual" and f[1] == period for f in facts(text, "2023-08-20"))


def test_an_urdu_rate_below_one_in_words_is_the_later_years():
    text = "مالی سال 2022-23 میں آئی ٹی برآمدات 2 ارب 60 کروڑ ڈالر رہیں، جو مالی سال 2021-22 کے 2 ارب 61 کروڑ 70 لاکھ ڈالر سے صفر اعشاریہ چھ فیصد کم ہیں۔"
    assert ("it_exports_annual", "FY2022-23", -0.6, "percent") in facts(text, "2023-08-20")


def test_could_not_tells_what_happened():
    text = "IT exports in March 2023 could not surpass last year's level, falling 7 percent to $219 million from $236 million in March 2022."
    assert {("it_exports_monthly", "2023-03", 219, "USD_million"), ("it_exports_monthly", "2023-03", -7, "percent")} <= facts(text, "2023-04-18")


def test_calendar_and_a_year_is_that_calendar_year():
    assert ("freelancer_earnings", "2024", 600, "USD_million") in facts("Freelancers' earnings in calendar 2024 were about $600 million.", "2025-01-20")


def test_last_years_level_with_no_figure_dates_no_later_figure():
    text = "IT exports in March 2023 did not match last year's level, falling 7 percent to $219 million from $236 million in March 2022."
    found = facts(text, "2023-04-18")
    assert {("it_exports_monthly", "2023-03", 219, "USD_million"), ("it_exports_monthly", "2022-03", 236, "USD_million")} <= found


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Q: How did IT exports do in February? A: We did $318 million, up 12 percent year-on-year.", ("it_exports_monthly", "2025-02", 318, "USD_million")),
        ("سوال: فروری میں آئی ٹی برآمدات کتنی رہیں؟ جواب: 31 کروڑ 80 لاکھ ڈالر، جو پچھلے سال سے 12 فیصد زیادہ ہیں۔", ("it_exports_monthly", "2025-02", 318, "USD_million")),
    ],
)
def test_an_answer_goes_on_about_what_its_question_asked(text, kept):
    assert kept in facts(text, "2025-03-20")


@pytest.mark.parametrize(
    "text, fact",
    [
        ("In the first seven months, IT exports increased to 2 point 12 billion dollars.", ("it_exports_cumulative", "FY2024-25:Jul-Jan", 2120, "USD_million")),
        ("In the first half, the IT exports remained one billion 86 crore dollars.", ("it_exports_cumulative", "FY2024-25:H1", 1860, "USD_million")),
        ("In the month of November 18 thousand 500 VPNs were registered.", ("vpn_registrations", "2024-11", 18500, "count")),
        ("He said the number of freelancers in the country is about 23 lakh 70 thousand.", ("freelancer_count", "", 2370000, "count")),
        ("In November 18,500 VPNs were registered.", ("vpn_registrations", "2024-11", 18500, "count")),
        ("He said Pakistan is on the fourth number in the world in freelancing.", ("ranking", "", 4, "rank")),
    ],
)
def test_translated_copys_numbers_and_places(text, fact):
    assert fact in facts(text, "2025-03-20")


def test_translated_urdu_spells_mom_and_yoy():
    text = "جنوری 2025 میں آئی ٹی برآمدات 259 ملین امریکی ڈالر رہیں، جو ایم او ایم 8 فیصد کم اور وائی او وائی 39 فیصد زیادہ ہیں۔"
    found = {(f.series, f.period, f.value, f.basis) for f in extract_facts("", text, "2025-02-20")}
    assert {("it_exports_monthly", "2025-01", -8, "mom"), ("it_exports_monthly", "2025-01", 39, "yoy")} <= found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In August IT exports were $357 million and in July $354 million.", {("it_exports_monthly", "2025-08", 357, "USD_million"), ("it_exports_monthly", "2025-07", 354, "USD_million")}),
        ("In the month of November 21,000 new VPNs were registered, after which the number of registered VPNs has crossed 45 thousand.", {("vpn_registrations", "2024-11", 21000, "count"), ("vpn_registrations", "", 45000, "count")}),
    ],
)
def test_and_in_a_month_and_after_which_open_clauses_of_their_own(text, expected):
    assert expected <= facts(text, "2025-10-17" if "August" in text else "2024-12-05")


@pytest.mark.parametrize(
    "text, fact",
    [
        ('"We are number four in the world in freelance growth," the PSEB managing director told the host.', ("ranking", "", 4, "rank")),
        ("On the Online Labour Index, Pakistan has been third for two years.", ("ranking", "", 3, "rank")),
        # the part named after the whole leaves the whole its own
        ("The minister told the house there were around 2.37 million freelancers in the country, of whom about 9,000 had registered with PSEB.", ("freelancer_count", "", 2370000, "count")),
    ],
)
def test_places_and_counts_as_speakers_give_them(text, fact):
    assert fact in facts(text, "2024-05-09")


@pytest.mark.parametrize(
    "text",
    [
        "HOST: How did IT exports do in January? MINISTER: We did $392 million, up 25 percent year-on-year.",
        "اینکر: جنوری میں آئی ٹی برآمدات کتنی رہیں؟ وزیر: ہم نے 39 کروڑ 20 لاکھ ڈالر کمائے۔",
    ],
)
def test_a_speakers_answer_after_a_question_goes_on_about_it(text):
    assert ("it_exports_monthly", "2026-01", 392, "USD_million") in facts(text, "2026-02-20")


@pytest.mark.parametrize(
    "text, fact",
    [
        ('Asked whether IT exports had slipped in December, the minister said they had not. "December was 234 million dollars," he said.', ("it_exports_monthly", "2022-12", 234, "USD_million")),
        ("IT exports kept rising. March was a record $342m, 28 percent above March last year.", ("it_exports_monthly", "2022-03", 342, "USD_million")),
    ],
)
def test_a_month_said_to_be_an_amount_goes_on_about_the_subject_before(text, fact):
    assert fact in facts(text, "2023-01-19")


def test_a_month_said_to_be_an_amount_keeps_another_subject_out():
    assert not {f for f in facts("Workers' remittances rose. December was $3.1 billion.", "2023-01-19") if f[0] != "other"}


def test_an_amount_of_the_exports_said_without_its_currency_is_in_dollars():
    text = "Q: IT exports hit a record in March? A: They did: 342 million, 4 percent more than February and 28 percent above March last year."
    assert ("it_exports_monthly", "2025-03", 342, "USD_million") in facts(text, "2025-04-17")
    # what follows the number is what it counts
    assert ("freelancer_count", "", 2400000, "count") in facts("IT exports are growing, and the country has 2.4 million freelancers.", "2025-04-17")


@pytest.mark.parametrize(
    "text, fact",
    [
        # a list of kinds that takes in the freelancers is every registrant, the whole
        ("PTA registered 9,356 VPNs of software houses, call centres and freelancers in FY23.", ("vpn_registrations", "FY2022-23", 9356, "count")),
        ("PTA registered 9,356 VPNs of freelancers, call centres and software houses in FY23.", ("vpn_registrations", "FY2022-23", 9356, "count")),
        # one kind, or a list without them, is a part
        ("The registrations included 11,200 VPNs of software houses and call centres and 9,870 of individual freelancers.", ("other", "", 11200, "count")),
    ],
)
def test_vpns_of_a_list_of_registrants(text, fact):
    assert fact in facts(text, "2023-08-10")


def test_a_rate_after_an_amount_and_what_it_is_of_is_the_amounts():
    text = "December brought in $396 million in ICT exports, up 14 percent from a year earlier, taking the first half of FY26 to $2.2 billion."
    found = facts(text, "2026-02-15")
    assert ("it_exports_monthly", "2025-12", 14, "percent") in found
    assert ("it_exports_cumulative", "FY2025-26:H1", 14, "percent") not in found


def test_who_said_a_figure_and_where_say_nothing_of_what_it_is():
    text = (
        "ICT exports rose to $386 million in December, up 11 percent from a year earlier, while the first half of FY26 closed at $2.1 billion, "
        "Punjab's IT minister told a ceremony in Lahore where 5,000 e-Rozgaar graduates received certificates."
    )
    assert ("it_exports_cumulative", "FY2025-26:H1", 2100, "USD_million") in facts(text, "2026-01-20")


@pytest.mark.parametrize(
    "text",
    [
        "Khyber Pakhtunkhwa has around 210,000 active freelancers, according to the KP IT Board.",
        "Across the border in Bangladesh, which says it has some 650,000 active freelancers, the government pays a cash incentive.",
    ],
)
def test_a_provinces_or_another_countrys_count_of_freelancers_is_not_the_countrys(text):
    assert not {f for f in facts(text, "2024-05-01") if f[0] == "freelancer_count"}
    # the country's, beside them, is
    assert ("freelancer_count", "", 2370000, "count") in facts(text + " Pakistan has 2.37 million freelancers.", "2024-05-01")


def test_the_countrys_exports_in_a_which_clause_after_a_provinces_share_are_the_countrys():
    text = "Karachi-based companies contribute around 30 percent of the country's IT exports, which amounted to $1.3 billion in the first half of the current fiscal year."
    assert ("it_exports_cumulative", "FY2021-22:H1", 1300, "USD_million") in facts(text, "2022-02-10")
    # the province's own figure stays the province's
    assert not {f for f in facts("Karachi-based companies exported $400 million in the first half of the current fiscal year.", "2022-02-10") if f[0] != "other"}


def test_a_timelines_entry_goes_on_about_the_series_of_the_piece():
    text = (
        "IT exports ended FY25 at a record $3.83 billion. Here is how the year unfolded.\n"
        "July 2024: The year opened at $286 million, up 24 percent year-on-year.\n"
        "August 2024: $298 million."
    )
    found = facts(text, "2025-07-21")
    assert {("it_exports_monthly", "2024-07", 286, "USD_million"), ("it_exports_monthly", "2024-07", 24, "percent"), ("it_exports_monthly", "2024-08", 298, "USD_million")} <= found
    # an entry of a month alone may be of another year than the date gives: it needs figures just before
    assert not {f for f in facts("IT exports ended FY25 at $3.83 billion. Here is how the year unfolded.\nJuly: The year opened at $286 million.", "2025-07-21") if f[1] == "2025-07"}


def test_a_threads_posts_and_a_spans_total_go_on_about_the_series_before():
    text = (
        "1/ December IT exports: $386m. That's a new monthly record, +11% YoY vs $348m in Dec 2024, and +9% MoM.\n\n"
        "2/ H1FY26 (Jul-Dec) total: $2.14bn, up 15% from $1.86bn in H1FY25."
    )
    found = facts(text, "2026-01-20")
    assert {
        ("it_exports_monthly", "2025-12", 11, "percent"),
        ("it_exports_monthly", "2025-12", 9, "percent"),
        ("it_exports_cumulative", "FY2025-26:H1", 2140, "USD_million"),
        ("it_exports_cumulative", "FY2025-26:H1", 15, "percent"),
    } <= found
    assert ("it_exports_cumulative", "FY2024-25:Jul-Feb", 2450, "USD_million") in facts("February IT exports came to $305m. 8MFY25 total now $2.45bn, up 25%.", "2025-03-18")


@pytest.mark.parametrize(
    "headline, fact",
    [
        ("IT exports clock $3.5 billion in 10MFY26, April inflows at $372 million", ("it_exports_monthly", "2026-04", 372, "USD_million")),
        ("IT exports slip to $2.6bn in FY23; June inflows at $226 million", ("it_exports_monthly", "2023-06", 226, "USD_million")),
    ],
)
def test_a_months_inflows_beside_the_series_are_its(headline, fact):
    assert fact in facts("", "2026-05-19" if "10MFY26" in headline else "2023-07-19", title=headline)


def test_a_months_inflows_beside_another_series_are_not_ours():
    assert not {f for f in facts("Workers' remittances rose in June; June inflows stood at $3.1 billion.", "2023-07-19") if f[0] != "other"}



def test_the_writers_own_firms_figure_is_no_series_figure():
    text = "IT exports rose 24% to $3.2 billion in FY24. At our company we grew export revenue 40% to $6.5 million in the same year."
    assert ("it_exports_annual", "FY2023-24", 40, "percent") not in facts(text, "2024-08-01")


def test_an_urdu_amount_every_month_is_no_months_figure():
    urdu = "جون میں آئی ٹی برآمدات 33 کروڑ ڈالر رہیں۔ یعنی جب تک ہم ہر مہینے 40 کروڑ ڈالر کو معمول نہیں بناتے، 5 ارب ڈالر کا خواب خواب ہی رہے گا۔"
    assert not {f for f in facts(urdu, "2025-07-10") if f[2] == 400 and f[0] != "other"}


def test_a_count_of_the_last_24_hours_is_a_rate_not_the_total():
    found = facts("The PTA registered 1,430 new VPNs in the last 24 hours, taking the total to 31,700.", "2024-11-20")
    assert ("vpn_registrations", "", 1430, "count") not in found
    assert ("vpn_registrations", "", 31700, "count") in found
    assert ("vpn_registrations", "", 1430, "count") not in facts("پی ٹی اے کے مطابق گزشتہ 24 گھنٹوں میں 1,430 نئے وی پی این رجسٹر کیے گئے۔", "2024-11-20")
