

def test_a_line_in_capitals_is_written_in_title_case_with_its_short_names_kept_and_its_length():
    from monitor.text import in_ordinary_case

    text = "Markets\nICT EXPORTS HIT $367M IN NOVEMBER, UP 21PC YOY\nPAKISTAN'S PTA REGISTERS 22,000 VPNS"
    got = in_ordinary_case(text)
    assert got == "Markets\nICT Exports Hit $367M In November, Up 21PC YoY\nPakistan's PTA Registers 22,000 VPNs"
    assert len(got) == len(text)
    # a line in ordinary case, even with a name in capitals, and a short one are left alone
    assert in_ordinary_case("IT exports rose, PSEB said.\nSBP DATA") == "IT exports rose, PSEB said.\nSBP DATA"


def test_text_as_the_stages_read_it_has_left_entities_decoded_and_no_tatweel():
    from monitor.text import readable

    # a feed that escaped its escaped title: after the parser's decoding, references are left
    assert readable("IT exports rose to $269&nbsp;million in July&ndash;June &amp; PSEB&#8217;s count") == "IT exports rose to $269\u00a0million in July–June & PSEB’s count"
    assert readable("آئی ٹی بــرآمــدات میں ۱۲ فیصد کمــی") == "آئی ٹی برآمدات میں ۱۲ فیصد کمی"
    assert readable("قال لـ«الصباح»") == "قال لـ«الصباح»"  # (one joining a prefix to a mark stays)
    # an ampersand that starts no reference stays
    assert readable("P&L and R&D; AT&T") == "P&L and R&D; AT&T"


def test_a_thin_or_no_break_space_between_digit_groups_is_read_as_the_comma():
    from monitor.text import normalise_digits

    assert normalise_digits("21\u2009240 VPNs, US$ 3\u202f482 million, ۱\u00a0۰۲\u2009۸۹۰") == "21,240 VPNs, US$ 3,482 million, 1,02,890"
    # a plain space is a table's cell boundary, not a separator
    assert normalise_digits("Jul-23 215 Aug-23 236") == "Jul-23 215 Aug-23 236"
