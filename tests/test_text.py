

def test_a_line_in_capitals_is_written_in_title_case_with_its_short_names_kept_and_its_length():
    from monitor.text import in_ordinary_case

    text = "Markets\nICT EXPORTS HIT $367M IN NOVEMBER, UP 21PC YOY\nPAKISTAN'S PTA REGISTERS 22,000 VPNS"
    got = in_ordinary_case(text)
    assert got == "Markets\nICT Exports Hit $367M In November, Up 21PC YoY\nPakistan's PTA Registers 22,000 VPNs"
    assert len(got) == len(text)
    # a line in ordinary case, even with a name in capitals, and a short one are left alone
    assert in_ordinary_case("IT exports rose, PSEB said.\nSBP DATA") == "IT exports rose, PSEB said.\nSBP DATA"
