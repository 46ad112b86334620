"""Canonical URLs: every variant of one article's link maps to one key."""

from __future__ import annotations

import pytest

from monitor.canonical import canonical_url, is_redirect, site

ARTICLE = "https://dawn.com/news/1912345"


@pytest.mark.parametrize(
    "variant",
    [
        "https://dawn.com/news/1912345",
        "http://dawn.com/news/1912345",
        "http://www.dawn.com/news/1912345",
        "https://www.dawn.com/news/1912345",
        "HTTPS://WWW.DAWN.COM/news/1912345",
        "https://www.dawn.com./news/1912345",
        "https://www.dawn.com:443/news/1912345",
        "http://www.dawn.com:80/news/1912345",
        "https://www.dawn.com/news/1912345/",
        "https://www.dawn.com/news/1912345#comments",
        "  https://www.dawn.com/news/1912345\n",
        "https://m.dawn.com/news/1912345",
        "//www.dawn.com/news/1912345",
    ],
)
def test_scheme_host_port_slash_and_fragment_variants_are_one_key(variant: str) -> None:
    assert canonical_url(variant) == ARTICLE


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.dawn.com/news/1912345?utm_source=twitter&utm_medium=social&utm_campaign=x",
        "https://www.dawn.com/news/1912345?fbclid=IwAR0abc",
        "https://www.dawn.com/news/1912345?gclid=Cj0KCQ",
        "https://www.dawn.com/news/1912345?mc_cid=1a2b&mc_eid=3c4d",
        "https://www.dawn.com/news/1912345?UTM_Source=newsletter",
        "https://www.dawn.com/news/1912345?msclkid=9&_ga=2.1&igshid=x",
        "https://www.dawn.com/news/1912345?",
    ],
)
def test_tracking_parameters_are_dropped(variant: str) -> None:
    assert canonical_url(variant) == ARTICLE


def test_remaining_parameters_are_kept_and_sorted() -> None:
    a = canonical_url("https://www.brecorder.com/news/view?page=2&id=40351234&utm_source=rss")
    b = canonical_url("https://brecorder.com/news/view?id=40351234&page=2")
    assert a == b == "https://brecorder.com/news/view?id=40351234&page=2"


def test_a_different_parameter_value_is_a_different_article() -> None:
    assert canonical_url("https://x.pk/story?id=1") != canonical_url("https://x.pk/story?id=2")


def test_blank_parameters_survive() -> None:
    assert canonical_url("https://x.pk/print?view") == "https://x.pk/print?view="


@pytest.mark.parametrize(
    "variant,expected",
    [
        ("https://tribune.com.pk/story/2551234/sbp-keeps-rate/amp", "https://tribune.com.pk/story/2551234/sbp-keeps-rate"),
        ("https://tribune.com.pk/story/2551234/sbp-keeps-rate/amp/", "https://tribune.com.pk/story/2551234/sbp-keeps-rate"),
        ("https://www.geo.tv/amp/612345-pta-vpn", "https://geo.tv/612345-pta-vpn"),
        ("https://propakistani.pk/2025/08/18/pseb-registrations/?amp=1", "https://propakistani.pk/2025/08/18/pseb-registrations"),
        ("https://propakistani.pk/2025/08/18/pseb-registrations/?amp", "https://propakistani.pk/2025/08/18/pseb-registrations"),
        ("https://www.thenews.com.pk/print/1234567-freelancers.amp", "https://thenews.com.pk/print/1234567-freelancers"),
        ("https://edition.example.com/2025/08/18/index.amp.html", "https://edition.example.com/2025/08/18/index.html"),
        ("https://amp.dawn.com/news/1912345", "https://dawn.com/news/1912345"),
        ("https://www-dawn-com.cdn.ampproject.org/c/s/www.dawn.com/news/1912345", "https://dawn.com/news/1912345"),
        ("https://www.google.com/amp/s/www.dawn.com/news/1912345/amp", "https://dawn.com/news/1912345"),
    ],
)
def test_amp_variants_resolve_to_the_article(variant: str, expected: str) -> None:
    assert canonical_url(variant) == expected


def test_words_that_merely_contain_amp_are_kept() -> None:
    url = "https://x.pk/news/campaign-amplifies-exports/example"
    assert canonical_url(url) == url


def test_rel_canonical_wins_over_the_link() -> None:
    got = canonical_url("https://www.dawn.com/news/1912345/sbp-keeps-policy-rate?ref=home", "https://www.dawn.com/news/1912345")
    assert got == ARTICLE


def test_relative_rel_canonical_is_resolved_against_the_link() -> None:
    assert canonical_url("https://www.dawn.com/news/1912345/amp", "/news/1912345") == ARTICLE


def test_rel_canonical_to_the_home_page_is_ignored() -> None:
    assert canonical_url("https://x.pk/news/55/title", "https://x.pk/") == "https://x.pk/news/55/title"


def test_cross_site_rel_canonical_points_a_reprint_at_the_original() -> None:
    assert canonical_url("https://reprints.example.org/app-story-7", "https://www.app.com.pk/national/story-7/") == "https://app.com.pk/national/story-7"


def test_percent_encoding_is_normalised() -> None:
    raw = "https://www.express.pk/story/2712345/فری-لانسر"
    encoded = "https://express.pk/story/2712345/%d9%81%d8%b1%db%8c-%d9%84%d8%a7%d9%86%d8%b3%d8%b1"
    assert canonical_url(raw) == canonical_url(encoded)
    assert canonical_url("https://x.pk/a%2Db") == "https://x.pk/a-b"  # unreserved: decoded
    assert canonical_url("https://x.pk/a%2fb") == "https://x.pk/a%2Fb"  # reserved: kept, upper-case


def test_other_ports_and_paths_are_kept() -> None:
    assert canonical_url("http://localhost:8080/feed/item/3") == "https://localhost:8080/feed/item/3"
    assert canonical_url("https://x.pk/News/1") != canonical_url("https://x.pk/news/1")


def test_non_http_identifiers_come_back_unchanged() -> None:
    assert canonical_url(" tag:dawn.com,2025:1912345 ") == "tag:dawn.com,2025:1912345"
    assert canonical_url("urn:uuid:1234") == "urn:uuid:1234"


def test_old_google_news_links_with_a_target_resolve() -> None:
    got = canonical_url("https://news.google.com/news/url?sa=t&url=https://www.dawn.com/news/1912345?utm_source=gn")
    assert got == ARTICLE


def test_opaque_google_news_links_are_redirects_and_stay_distinct() -> None:
    a = "https://news.google.com/rss/articles/CBMiWkFVX3lxTE1abc?oc=5"
    b = "https://news.google.com/rss/articles/CBMiWkFVX3lxTE1xyz?oc=5"
    assert is_redirect(a) and is_redirect("https://news.google.com/read/CBMiabc")
    assert canonical_url(a) != canonical_url(b)
    assert not is_redirect(ARTICLE) and not is_redirect(None) and not is_redirect("https://news.google.com/topics/x")


def test_site_is_the_canonical_host() -> None:
    assert site("http://www.dawn.com/news/1") == "dawn.com"
    assert site("https://amp.tribune.com.pk/story/1") == "tribune.com.pk"
    assert site(None) == "" and site("tag:x") == ""


def test_canonical_url_is_idempotent() -> None:
    for url in ("http://www.dawn.com/news/1/amp?utm_source=x&b=2&a=1", "https://x.pk/print?view", "https://x.pk/a%2fb"):
        once = canonical_url(url)
        assert canonical_url(once) == once


def test_without_tracking_keeps_the_address_as_given_but_for_tracking_parameters():
    from monitor.canonical import without_tracking

    assert without_tracking("https://www.dawn.com/news/1?utm_source=x&page=2&fbclid=y") == "https://www.dawn.com/news/1?page=2"
    assert without_tracking("http://Dawn.com/news/1?b=2&a=1") == "http://Dawn.com/news/1?b=2&a=1"  # nothing else changes
