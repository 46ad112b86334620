"""Fact rules found by reading the extractor's output on real text it had not seen. Each case is
written for these tests in its own words; the figures are real."""

from __future__ import annotations

from monitor.facts import extract_facts


def named(text: str, published: str | None = "2025-08-18", title: str = "") -> set[tuple[str, str, float, str]]:
    """``(series, period, value, unit)`` of every fact outside the ``other`` series."""
    return {(f.series, f.period, f.value, f.unit) for f in extract_facts(title, text, published) if f.series != "other"}


def rates(text: str, published: str) -> set[tuple[str, str, float, str]]:
    """``(series, period, value, basis)`` of every growth rate outside the ``other`` series."""
    return {(f.series, f.period, f.value, f.basis) for f in extract_facts("", text, published) if f.unit == "percent" and f.series != "other"}


# --------------------------------------------------------------------------- periods


def test_same_period_of_a_fiscal_year_named_after_relative_words():
    # "the same period of the last financial year FY23" is FY23's July-November, not all of FY23
    text = "Software and IT services exports were $1.152 billion in July-November FY24, against $1.088 billion in the same period of the last financial year FY23."
    assert named(text, "2023-12-19") == {
        ("it_exports_cumulative", "FY2023-24:Jul-Nov", 1152, "USD_million"),
        ("it_exports_cumulative", "FY2022-23:Jul-Nov", 1088, "USD_million"),
    }


def test_fiscal_year_that_ended_in_june_is_that_fiscal_year():
    # June here ends a fiscal year: it is not the month of June
    assert named("IT exports reached $1.06 billion in the fiscal year that ended in June.", "2018-09-16") == {
        ("it_exports_annual", "FY2017-18", 1060, "USD_million")
    }
    assert named("IT exports reached $1.06 billion in the fiscal year that ended in June.", "2019-03-02") == {
        ("it_exports_annual", "FY2017-18", 1060, "USD_million")
    }
    # with a year, the year says which ("ended June 30, 2024"): unchanged
    assert named("IT exports were $3.2bn in the fiscal year that ended June 30, 2024.", "2025-08-01") == {
        ("it_exports_annual", "FY2023-24", 3200, "USD_million")
    }


def test_period_named_but_not_placeable_gives_no_fact():
    # with no publication date, "December" and "the current fiscal year" cannot be placed: no
    # fact, rather than an undated one that would read as a standing claim
    assert named("December's IT exports came in at $303 million, 17 percent above November on a month-on-month basis.", None) == set()
    assert named("Freelancers brought home $557 million in the first half of the current fiscal year.", None) == set()
    # the same sentence with a date is a fact
    assert ("freelancer_earnings", "FY2025-26:H1", 557, "USD_million") in named(
        "Freelancers brought home $557 million in the first half of the current fiscal year.", "2026-02-10"
    )
    # an undated count stays a standing claim
    assert named("Pakistan has 2.37 million freelancers.", None) == {("freelancer_count", "", 2370000, "count")}


def test_relative_fiscal_year_with_no_date_is_not_the_sentence_befores():
    text = "Freelance income should pass $500 million in the current fiscal year (FY25), a body said. Freelance exports earned more than $400 million in the last fiscal year, it added."
    assert named(text, None) == set()
    assert named("Freelance exports earned more than $400 million in the last fiscal year.", "2025-08-01") == {
        ("freelancer_earnings", "FY2024-25", 400, "USD_million")
    }


def test_year_before_fiscal_year_and_fiscal_before_year_name_a_fiscal_year():
    assert named("IT exports expanded 19 percent in the 2025 fiscal year, officials told the meeting.", "2025-08-09") == {
        ("it_exports_annual", "FY2024-25", 19, "percent")
    }
    assert named("IT exports rose 21 percent in fiscal 2021 to $2.1 billion.", "2021-08-09") == {
        ("it_exports_annual", "FY2020-21", 21, "percent"),
        ("it_exports_annual", "FY2020-21", 2100, "USD_million"),
    }


def test_lowest_since_a_month_is_no_period_of_the_figure():
    assert rates("January 2023 IT exports fell 23 percent month-on-month, the weakest since May 2022.", "2023-02-23") == {
        ("it_exports_monthly", "2023-01", -23, "mom")
    }
    # with no month of its own, the rate keeps no period rather than the reference point's
    assert rates("IT exports slid 23% on a monthly basis, the weakest since May 2022.", "2023-02-23") == {("it_exports_monthly", "", -23, "mom")}


def test_since_a_month_which_was_keeps_the_month_for_its_figure():
    # "the weakest since May 2022, which was $184m": May 2022 is that figure's month, not January's
    text = "IT exports for January 2023 came to $190 million, the weakest since May 2022, which was $184 million."
    assert ("it_exports_monthly", "2023-01", 184, "USD_million") not in named(text, "2023-02-23")


def test_corresponding_period_this_year_is_a_year_after_the_base_named_before():
    text = "Against $185.698 million in July-December FY21, freelancers' earnings for the corresponding period this year grew 16.74 percent."
    assert rates(text, "2022-02-01") == {("freelancer_earnings", "FY2021-22:H1", 16.74, "yoy")}


def test_one_month_is_a_length_not_the_first_month():
    text = "ستمبر 2025 کے اعداد و شمار میں صرف ایک ماہ کے دوران آئی سی ٹی برآمدات 25 فیصد بڑھ کر 366 ملین ڈالر ہو گئیں۔"
    assert named(text, "2025-10-20") == {
        ("it_exports_monthly", "2025-09", 25, "percent"),
        ("it_exports_monthly", "2025-09", 366, "USD_million"),
    }


# --------------------------------------------------------------------------- Urdu periods


def test_urdu_month_right_after_last_fiscal_year_is_that_years_month():
    text = "پچھلے مالی سال جولائی میں آئی ٹی برآمدات 214 ملین ڈالر رہیں جبکہ اس مالی سال کے پہلے مہینے میں یہ 286 ملین ڈالر ہو گئیں۔"
    assert named(text, "2024-08-20") == {
        ("it_exports_monthly", "2023-07", 214, "USD_million"),
        ("it_exports_monthly", "2024-07", 286, "USD_million"),
    }


def test_period_restated_after_ie_is_the_same_period():
    urdu = (
        "رواں مالی سال کے پہلے 4 ماہ میں آئی ٹی برآمدات ایک ارب 20 کروڑ ڈالر رہیں۔ "
        "پچھلے مالی سال کے اسی عرصہ یعنی جولائی سے اکتوبر تک آئی ٹی برآمدات 89 کروڑ ڈالر تھیں۔"
    )
    assert named(urdu, "2024-11-20") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Oct", 1200, "USD_million"),
        ("it_exports_cumulative", "FY2023-24:Jul-Oct", 890, "USD_million"),
    }
    english = "IT exports were $1.2 billion in the first four months of FY25, against $891 million in the same period last year, i.e. July to October 2023."
    assert ("it_exports_cumulative", "FY2023-24:Jul-Oct", 891, "USD_million") in named(english, "2024-11-20")


def test_urdu_clause_ends_on_its_past_verb():
    # two statements run together with no stop: the month after "تھیں" is the next one's, and
    # "گذشتہ مالی" (the last fiscal's) is the same period of the year before
    text = "ایک اہلکار کے مطابق گذشتہ مالی کے اسی عرصہ یعنی جولائی سے اکتوبر تک آئی ٹی برآمدات 89 کروڑ ڈالر تھیں اکتوبر 2024 میں آئی ٹی برآمدات 30 کروڑ ڈالر رہیں۔"
    assert named(text, "2024-11-20") == {
        ("it_exports_cumulative", "FY2023-24:Jul-Oct", 890, "USD_million"),
        ("it_exports_monthly", "2024-10", 300, "USD_million"),
    }


def test_urdu_base_never_reaches_back_over_the_verb_before_and():
    # the $1.523bn closes its clause ("رہیں اور"): the comparison after "اور" is the rate's
    text = "رواں مالی سال کے پہلے 7 ماہ میں آئی ٹی برآمدات 1.523 ارب ڈالر رہیں اور گزشتہ مالی سال کے اسی عرصے کے مقابلے میں 2.35 فیصد اضافہ ہوا۔"
    assert named(text, "2023-02-20") == {
        ("it_exports_cumulative", "FY2022-23:Jul-Jan", 1523, "USD_million"),
        ("it_exports_cumulative", "FY2022-23:Jul-Jan", 2.35, "percent"),
    }


# --------------------------------------------------------------------------- Urdu numbers


def test_urdu_hundreds_in_words():
    text = "آئی ٹی برآمدات پچھلے سال چھ سو چوراسی ملین ڈالر تھیں جو اس سال کی پہلی ششماہی میں بڑھ کر نوسواٹھاون ملین ڈالر ہو گئیں۔"
    assert named(text, "2021-01-20") == {
        ("it_exports_cumulative", "FY2019-20:H1", 684, "USD_million"),
        ("it_exports_cumulative", "FY2020-21:H1", 958, "USD_million"),
    }


def test_urdu_decimal_in_words_and_zaid_as_a_rise():
    assert named("اکتوبر میں آئی ٹی برآمدات اڑتیس اعشاریہ چھ فیصد زائد رہیں۔", "2024-11-20") == {("it_exports_monthly", "2024-10", 38.6, "percent")}


# --------------------------------------------------------------------------- ranks


def test_rank_belongs_to_the_country_named_last_before_it():
    # another country in the clause no longer hides Pakistan's own place ...
    assert named("On the freelancing table, Pakistan ranked fourth and India seventh.") == {("ranking", "", 4, "rank")}
    assert named("Pakistan moved up to the fourth position in freelancing, ahead of India.") == {("ranking", "", 4, "rank")}
    # ... and the other country's place is never taken for Pakistan's
    assert named("In freelancing, India ranks third, ahead of Pakistan.") == set()
    assert named("فری لانسنگ کی نئی درجہ بندی میں پاکستان چوتھے اور بھارت ساتویں نمبر پر ہے۔") == {("ranking", "", 4, "rank")}
    assert named("فری لانسنگ کی نئی فہرست میں پاکستان کا چوتھا نمبر جبکہ بھارت کا ساتواں نمبر ہے۔") == {("ranking", "", 4, "rank")}


def test_top_n_of_a_list_is_its_length_not_a_place():
    assert named("A payments company published its rankings of the top 10 countries in freelancing.") == set()
    assert named("ادائیگی کمپنی نے فری لانسنگ میں سرفہرست 10 ممالک کی فہرست جاری کی۔") == set()
    # being among the top five is a place (the labels' rule: rank 5)
    assert named("Pakistan is among the top five countries for freelancing.") == {("ranking", "", 5, "rank")}


def test_sector_ranked_among_sources_is_no_country_rank():
    assert named("The IT sector was the country's third-largest source of foreign exchange in FY25.", "2025-10-27") == set()


def test_relative_clause_after_a_rank_does_not_make_it_a_projection():
    text = "In freelancing, Pakistan stands third among nations, earning around $1 billion, which is expected to increase."
    assert ("ranking", "", 3, "rank") in named(text)
    assert named("Pakistan is expected to rank third in freelancing.") == set()


def test_place_as_number_n_is_a_rank():
    assert named("The growth kept Pakistan's place as number 4 in the freelancing countries ranking for 2021.") == {("ranking", "2021", 4, "rank")}


def test_rank_takes_the_year_of_its_own_ranking():
    text = "The freelancers' share grew to 48 percent in 2020-2021, keeping Pakistan's place as number 4 in the freelancing countries ranking for 2021."
    assert ("ranking", "2021", 4, "rank") in named(text)


# --------------------------------------------------------------------------- freelancers


def test_freelancer_rate_is_earnings_only_when_money_is_named():
    # more freelancers is no rise in what they earn
    assert named("The index found a 42 percent increase in Pakistani freelancers over the year.") == set()
    assert named("فری لانسرز کی تعداد میں 20 فیصد اضافہ ہوا۔") == set()
    # the same rates said of their revenue or earnings are earnings growth
    assert named("The index found 47 percent growth in Pakistani freelancers' revenue.") == {("freelancer_earnings", "", 47, "percent")}
    assert named("فری لانسرز کی برآمدات میں 71 فیصد اضافہ ہوا۔") == {("freelancer_earnings", "", 71, "percent")}


def test_people_counted_are_freelancers_when_their_clause_says_so():
    assert named("A news report says around 3 million Pakistanis offer their services online as freelancers.") == {("freelancer_count", "", 3000000, "count")}
    # another clause's freelancers do not make the people counted freelancers
    assert named("About 3 million Pakistanis work abroad, while freelancers at home earn dollars.") == set()


def test_words_of_a_relative_clause_after_a_count_say_nothing_of_it():
    text = "The country counts over 1.5 million freelancers, which accounts for a large share of platform work."
    assert ("freelancer_count", "", 1500000, "count") in named(text)


# --------------------------------------------------------------------------- growth rates


def test_rate_in_a_clause_without_words_shares_the_verb_before():
    up = "October's IT exports rose to $330 million, higher by 17 percent month-on-month, and 23 percent year-on-year."
    assert rates(up, "2024-11-20") == {("it_exports_monthly", "2024-10", 17, "mom"), ("it_exports_monthly", "2024-10", 23, "yoy")}
    down = "IT exports were $265 million in January, down 13 percent month-on-month, and 5 percent year-on-year."
    assert rates(down, "2024-02-20") == {("it_exports_monthly", "2024-01", -13, "mom"), ("it_exports_monthly", "2024-01", -5, "yoy")}
    # a share in such a clause is still no growth rate
    share = "IT exports were $265 million in January, down 13 percent month-on-month, and 5 percent of services exports."
    assert rates(share, "2024-02-20") == {("it_exports_monthly", "2024-01", -13, "mom")}


def test_rate_after_a_base_is_the_growth_since_not_the_bases():
    text = "IT exports were $635 million in the first quarter of FY22. Exports were $445 million in the same period last year, an increase of 42 percent."
    assert rates(text, "2021-10-22") == {("it_exports_cumulative", "FY2021-22:Q1", 42, "yoy")}
    assert ("it_exports_cumulative", "FY2020-21:Q1", 445, "USD_million") in named(text, "2021-10-22")
    urdu = (
        "اس سال پہلی سہ ماہی میں آئی ٹی برآمدات 635 ملین ڈالر رہیں۔ پچھلے سال اسی عرصے میں یہ برآمدات "
        "445 ملین ڈالر تھیں، یوں سالانہ بنیاد پر 42 فیصد اضافہ ہوا۔"
    )
    assert rates(urdu, "2021-10-22") == {("it_exports_cumulative", "FY2021-22:Q1", 42, "yoy")}


def test_rise_in_a_part_of_ict_is_the_parts_and_yearly_is_a_basis():
    text = "With an 8% yearly rise in telecom services, January 2023 IT exports grew 2% yearly."
    assert rates(text, "2023-02-23") == {("it_exports_monthly", "2023-01", 2, "yoy")}
    assert rates("IT exports for January 2023 fell 23% monthly.", "2023-02-23") == {("it_exports_monthly", "2023-01", -23, "mom")}
    # a part named after the whole's rate does not take it
    assert rates("IT exports rose 20 percent in October 2024, led by growth in computer services.", "2024-11-20") == {
        ("it_exports_monthly", "2024-10", 20, "unknown")
    }


def test_trend_rate_is_no_reported_growth():
    assert named("IT exports keep growing at an annual pace of 20%, officials say.", "2025-05-30") == set()
    assert named("IT exports have grown at a CAGR of 25 percent.", "2025-05-30") == set()
    # a headline's undated rate is still the latest release's growth (the labels' rule)
    assert named("", "2025-05-30", title="Pakistan's IT exports surge 23pc") == {("it_exports_cumulative", "", 23, "percent")}


def test_sentence_opening_on_this_takes_the_subject_before_for_figures_without_one():
    text = "IT exports rose to $366 million in September 2025. This marks a 25 percent year-on-year and 9 percent month-on-month gain, the highest monthly export figure yet."
    assert rates(text, "2025-10-27") == {("it_exports_monthly", "2025-09", 25, "yoy"), ("it_exports_monthly", "2025-09", 9, "mom")}


# --------------------------------------------------------------------------- bases


def test_previous_fiscal_year_as_a_base_is_before_the_year_compared():
    # written after FY2024-25 ended, "the previous fiscal year" of a base is FY2023-24, never the
    # year it is compared with
    assert named("IT exports reached $3.8 billion in FY2024-25, up from $3.2 billion in the previous fiscal year.", "2025-08-20") == {
        ("it_exports_annual", "FY2024-25", 3800, "USD_million"),
        ("it_exports_annual", "FY2023-24", 3200, "USD_million"),
    }
    # alone, it is counted from the article's date as before
    assert named("IT exports were $3.2 billion in the previous fiscal year.", "2024-08-20") == {("it_exports_annual", "FY2023-24", 3200, "USD_million")}


def test_sentence_opening_on_this_figure_refers_back():
    text = "Freelancers earned $400 million in foreign exchange during FY2024-25. This figure is up from $350.15 million in the previous fiscal year."
    assert named(text, "2025-07-20") == {
        ("freelancer_earnings", "FY2024-25", 400, "USD_million"),
        ("freelancer_earnings", "FY2023-24", 350.15, "USD_million"),
    }


def test_previous_months_base_needs_the_month_it_is_compared_with():
    # the month before the article's is no stand-in for the month before the figure's
    assert named("IT exports came to $238 million, against the previous month's $206 million.", "2023-11-20") == set()
    # nor is a span of months carried from the sentence before
    text = "IT exports reached $1.2 billion in the first four months of FY24. The exports came to $238 million, against the previous month's $206 million."
    assert named(text, "2023-11-20") == {("it_exports_cumulative", "FY2023-24:Jul-Oct", 1200, "USD_million")}
    # with the month named, both are dated
    assert named("IT exports were $238 million in October 2023, against the previous month's $206 million.", "2023-11-20") == {
        ("it_exports_monthly", "2023-10", 238, "USD_million"),
        ("it_exports_monthly", "2023-09", 206, "USD_million"),
    }


def test_a_month_ago_is_the_month_before_the_one_compared():
    text = "May's IT exports were $183 million, below $249 million a month ago, central bank data showed."
    assert named(text, "2022-06-22") == {
        ("it_exports_monthly", "2022-05", 183, "USD_million"),
        ("it_exports_monthly", "2022-04", 249, "USD_million"),
    }
    assert named("IT exports came to $183 million, below $249 million a month ago.", "2022-06-22") == set()


def test_sentences_own_base_dates_it_over_the_sentence_before():
    # the base (December 2019) dates this sentence a year on: a month, not the span before
    text = "IT exports grew in the first five months of FY21. They stood at $225 million compared to $180 million in December 2019."
    assert named(text, "2021-01-03") == {
        ("it_exports_monthly", "2020-12", 225, "USD_million"),
        ("it_exports_monthly", "2019-12", 180, "USD_million"),
    }
    # total exports taken up from an IT sentence are too large for a month of IT exports: dropped
    text = "IT exports grew in the first five months of FY21. Total shipments came to $2.357 billion, against $1.993 billion in December 2019."
    assert named(text, "2021-01-03") == set()


# --------------------------------------------------------------------------- targets, thresholds, parts


def test_figure_named_as_a_target_is_one_even_when_compared_with():
    assert named("Last fiscal year the ministry beat its IT export target of $3.8 billion.", "2025-08-09") == set()
    assert named("IT exports reached $3.8 billion in FY25, beating the target of $3.5 billion.", "2025-08-09") == {
        ("it_exports_annual", "FY2024-25", 3800, "USD_million")
    }


def test_projection_and_aim_are_no_actuals():
    # Urdu: "by experts' estimate ... may reach four billion dollars"
    assert named("ماہرین کے اندازے کے مطابق اس سال آئی ٹی برآمدات چار ارب ڈالر تک ہو سکتی ہیں۔", "2024-04-02") == set()
    assert named("The minister set a $5 billion export aim for FY23.", "2023-02-23") == set()
    # the plural "ڈالرز" is read whole, so a difference after it is seen as one
    assert named("آئی ٹی برآمدات گزشتہ سال کے مقابلے میں 26 کروڑ ڈالرز زیادہ ہیں۔", "2024-04-02") == set()
    assert named("پچھلے مالی سال جولائی میں آئی ٹی برآمدات 214 ملین ڈالرز تھیں۔", "2024-08-20") == {("it_exports_monthly", "2023-07", 214, "USD_million")}


def test_urdu_difference_with_its_rate_in_brackets_and_potential():
    text = "آئی سی ٹی برآمدات پہلی سہ ماہی میں 1.057 ارب ڈالر رہیں، یہ پچھلے سال سے 180 ملین ڈالر (20.5 فیصد) زیادہ ہے۔"
    assert ("it_exports_cumulative", "FY2025-26:Q1", 1057, "USD_million") in named(text, "2025-10-20")
    assert not any(v == 180 for _, _, v, _ in named(text, "2025-10-20"))
    # "could earn over a billion dollars a year": a potential, not earnings; the count stands
    text = "ملک میں فری لانسرز کی تعداد 23 لاکھ ہو گئی ہے اور یہ لوگ سالانہ ایک ارب ڈالر سے زائد کمانے کی صلاحیت رکھتے ہیں۔"
    assert named(text) == {("freelancer_count", "", 2300000, "count")}


def test_round_figure_crossed_for_the_first_time_is_a_threshold():
    text = "Pakistan's IT exports crossed $400 million in December for the first time, reaching $437 million."
    assert named(text, "2026-01-20") == {("it_exports_monthly", "2025-12", 437, "USD_million")}
    assert named("", "2026-01-20", title="IT exports crossed $400 million in December for first time") == set()
    assert named("ملکی تاریخ میں پہلی بار دسمبر میں آئی ٹی برآمدات 40 کروڑ ڈالر سے زائد رہیں۔", "2026-01-20") == set()
    # a figure reached, not crossed, is the value
    assert named("IT exports reached $437 million in December 2025 for the first time.", "2026-01-20") == {("it_exports_monthly", "2025-12", 437, "USD_million")}


def test_months_so_far_hold_no_more_than_their_months_at_the_monthly_ceiling():
    # remittances taken up after an IT sentence: far too large for four months of IT exports,
    # and the rate of that figure goes with it
    text = "IT remittances are over 20 percent of overall IT exports. Remittances slipped 2% to $7.47 billion over July-October of fiscal year 2020."
    assert named(text, "2019-11-26") == set()
    # a true four-month figure stays
    assert named("IT exports reached $1.2 billion in the first four months of FY25.", "2024-11-20") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Oct", 1200, "USD_million")
    }


def test_sentence_opening_on_a_part_of_the_figure_before_gives_parts():
    text = "The regulator has approved 20,437 VPNs. Out of these, 19,840 VPNs belong to companies, while 180 VPNs were registered by freelancers."
    assert named(text, "2024-08-27") == {("vpn_registrations", "", 20437, "count")}


def test_other_business_services_are_not_ict_exports():
    text = "جنوری 2023 میں آئی ٹی کی برآمدی ترسیلات 19 کروڑ ڈالر رہیں۔ دیگر بزنس سروسز کی برآمدات 942 ملین ڈالر رہیں۔"
    assert named(text, "2023-02-20") == {("it_exports_monthly", "2023-01", 190, "USD_million")}
    english = "IT exports were $190 million in January 2023. Exports of other business services were $942 million."
    assert named(english, "2023-02-20") == {("it_exports_monthly", "2023-01", 190, "USD_million")}


# --------------------------------------------------------------------------- other countries


def test_article_on_another_countrys_figures_keeps_only_what_it_says_of_pakistan():
    text = (
        "Bangladesh's IT exports rose 36 percent in the first half of the current fiscal year. "
        "Local IT firms earned $282.77 million over July-December, against $208.09 million a year earlier. "
        "Pakistan's ICT exports were worth $2.62 billion in FY22."
    )
    assert named(text, "2023-02-20") == {("it_exports_annual", "FY2021-22", 2620, "USD_million")}
    # the same with a headline naming the other country, and a lead that says "from Bangladesh"
    assert named("Local IT firms earned $592 million in FY22.", "2023-02-20", title="Bangladesh's IT export surges") == set()
    assert named("Exports of IT services from Bangladesh grew 36 per cent in the first half of the fiscal year.", "2023-02-20") == set()
    # a Pakistani article that names another country in passing keeps its figures
    assert named("IT exports rose 20 percent to $1.2 billion in the first four months of FY25.", "2024-11-20", title="IT exports outpace India's growth") == {
        ("it_exports_cumulative", "FY2024-25:Jul-Oct", 20, "percent"),
        ("it_exports_cumulative", "FY2024-25:Jul-Oct", 1200, "USD_million"),
    }
