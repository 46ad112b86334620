"""Article extraction: text, headline, date, author and language, on pages written for these tests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from monitor.errors import ExtractionError
from monitor.extract import extract, extract_to_dict
from monitor.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def page(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def outcome(content: bytes | str) -> Article | ExtractionError:
    """The article, or the ExtractionError raised; any other exception fails the test."""
    try:
        return extract(content)
    except ExtractionError as error:
        return error


# --- boilerplate-heavy news page -----------------------------------------------------------


@pytest.fixture(scope="module")
def news() -> Article:
    return extract(page("news_boilerplate.html"), url="https://ledger.example.com/news/2024/07/18/it-exports")


def test_news_page_keeps_every_paragraph_in_order(news):
    paragraphs = news.text.split("\n\n")
    assert paragraphs[0].startswith("Pakistan's exports of computer services")
    assert paragraphs[-1].startswith("Connectivity is the other worry.")
    assert "Payments remain the sticking point" in paragraphs
    assert len(paragraphs) == 6


@pytest.mark.parametrize(
    "boilerplate",
    [
        "Technology",  # menu
        "Share on Facebook",  # share bar
        "We use cookies",  # cookie banner
        "Solar tariffs to be revised",  # related links
        "Great news for young coders",  # comments
        "Leave a reply",  # comment form
        "Cheap flights to Dubai",  # ad
        "Sign up for our morning newsletter",  # sidebar
        "All rights reserved",  # footer
        "Tags:",  # tag list
    ],
)
def test_news_page_drops_boilerplate(news, boilerplate):
    assert boilerplate not in news.text


def test_news_page_metadata(news):
    assert news.title == "IT exports climb as freelancers find new markets"
    assert news.published == "2024-07-18T09:30:00+05:00"
    assert news.author == "Sana Qureshi"
    assert news.lang == "en"
    assert news.url == "https://ledger.example.com/news/2024/07/18/it-exports"


def test_headline_is_not_repeated_in_the_text(news):
    assert news.title not in news.text


# --- structured data, Urdu, comments -------------------------------------------------------


def test_json_ld_gives_date_authors_and_headline():
    article = extract(page("jsonld_dated.html"))
    assert article.published == "2024-11-30T08:15:00+05:00"  # datePublished, not dateModified
    assert article.author == "Imran Siddiqui, Hina Baig"
    assert article.title == "Software board opens registration drive"
    assert article.text.startswith("The software export board has opened a registration drive")
    assert article.text.count("\n\n") == 2


def test_urdu_page_survives_intact():
    raw = page("urdu_article.html")
    article = extract(raw)
    assert article.lang == "ur"
    assert article.title == "فری لانسرز کے لیے نئی سہولت"
    assert article.published == "2024-11-30"  # "30 نومبر 2024" printed under the headline
    assert "فری لانسرز کم ٹیکس کی سہولت حاصل کر سکیں گے۔" in article.text
    assert "صفحہ اول" not in article.text  # menu
    assert "جملہ حقوق محفوظ ہیں" not in article.text  # footer
    assert "یہ بھی پڑھیں" not in article.text  # "read also" link line between paragraphs
    assert article.text.count("\n\n") == 2


def test_blog_comments_are_left_out():
    article = extract(page("blog_with_comments.html"))
    assert article.title == "Five lessons from my first year of freelancing"
    assert article.text.startswith("A year ago I left an office job")
    assert "Third, write everything down." in article.text
    assert "Thanks for sharing" not in article.text
    assert "Which payment service do you use?" not in article.text
    assert "thoughts on this post" not in article.text
    assert article.lang == "en"  # from <html lang="en-GB">


def test_str_input_and_dict_output():
    article = extract(page("blog_with_comments.html").decode("utf-8"), url="https://notes.example.com/five-lessons")
    record = extract_to_dict(article)
    assert record["url"] == "https://notes.example.com/five-lessons"
    assert record["title"] == article.title and record["text"] == article.text
    assert set(record) == {"url", "title", "published", "author", "lang", "text"}



def test_a_short_last_sentence_of_the_article_is_kept():
    """A closing paragraph under 60 characters that is a sentence of the article's paragraphs
    ("Freelancers earned $84.4 million in October.") is text; a short line after the article
    that is no sentence ("Published in Daily Example, June 1st, 2025") or page furniture is not."""
    paragraphs = "".join(
        f"<p>Paragraph {n} describes how software exporters in Karachi and Lahore handle payments, "
        f"contracts and tax filings for their foreign clients, in some detail.</p>"
        for n in range(4)
    )
    html = (
        "<html><body><h1>IT exports rise again</h1><article><div>"
        f"{paragraphs}<p>Freelancers earned $84.4 million in October.</p><p>Published in Daily Example, June 1st, 2025</p>"
        "</div></article><footer><p>Share this story with your friends today.</p></footer></body></html>"
    )
    text = extract(html).text
    assert text.endswith("Freelancers earned $84.4 million in October.")
    assert "Published in" not in text and "Share this" not in text



def test_a_tables_row_is_one_line_with_its_cells_apart():
    """A data table reads row by row, as a reader reads it ("Jul | 214 | 197 | +9%"), not a
    paragraph per cell; a layout table's cells, which hold paragraphs, stay paragraphs."""
    paragraphs = "".join(
        f"<p>Paragraph {n} describes how software exporters in Karachi and Lahore handle payments, "
        f"contracts and tax filings for their foreign clients, in some detail.</p>"
        for n in range(3)
    )
    table = (
        "<table><thead><tr><th>Month</th><th>FY24 ($m)</th><th>FY23 ($m)</th><th>YoY</th></tr></thead>"
        "<tbody><tr><td>Jul</td><td><b>214</b></td><td>197</td><td>+9%</td></tr>"
        "<tr><td>Aug</td><td>236</td><td></td><td>+4%</td></tr></tbody></table>"
    )
    html = f"<html><body><h1>IT exports month by month</h1><article>{paragraphs}{table}{paragraphs}</article></body></html>"
    text = extract(html).text
    assert "\n\nMonth | FY24 ($m) | FY23 ($m) | YoY\n\nJul | 214 | 197 | +9%\n\nAug | 236 | | +4%\n\n" in text
    layout = f"<html><body><h1>IT exports month by month</h1><table><tr><td>{paragraphs}</td><td>{paragraphs}</td></tr></table></body></html>"
    text = extract(layout).text
    assert "|" not in text and text.count("Paragraph 0") == 2

# --- dates and titles from the page itself ------------------------------------------------


def simple_page(head: str = "", heading: str = "A heading for the test", before: str = "") -> str:
    body = "".join(
        f"<p>Paragraph {n} describes how software exporters in Karachi and Lahore handle payments, "
        f"contracts and tax filings for their foreign clients, in some detail.</p>"
        for n in range(4)
    )
    return f"<html><head>{head}</head><body><h1>{heading}</h1>{before}<div>{body}</div></body></html>"


def test_date_from_a_url_slug():
    article = extract(simple_page(), url="https://example.com/business/it-exports-rise-2024-11-30")
    assert article.published == "2024-11-30"


def test_date_from_a_dated_url_path():
    article = extract(simple_page(), url="https://example.com/2023/05/07/exports-update/")
    assert article.published == "2023-05-07"


def test_date_printed_near_the_top():
    article = extract(simple_page(before="<p class='byline'>Staff reporter | Published March 3, 2025</p>"))
    assert article.published == "2025-03-03"


def test_date_in_german_format_and_time_element():
    assert extract(simple_page(before="<div>Stand: 05.02.2020, 14:12 Uhr</div>")).published == "2020-02-05"
    assert extract(simple_page(head="", before='<time datetime="2021-06-01">June</time>')).published == "2021-06-01"


@pytest.mark.parametrize("printed, expected", [("21-Aug-2025", "2025-08-21"), ("Dated: 12-Jan-2025", "2025-01-12"), ("12-JAN-25", "2025-01-12"), ("5-September-2024", "2024-09-05")])
def test_date_printed_day_month_year_with_hyphens(printed, expected):
    """How PTA, MoITT and SBP print the date of a press release or circular under its title."""
    assert extract(simple_page(before=f"<p class='date'>{printed}</p>")).published == expected


def test_no_date_at_all():
    assert extract(simple_page()).published is None


def test_title_drops_the_site_name_and_ignores_a_logo_heading():
    head = (
        "<title>Broadband use grows in small towns | Frontier Times</title>"
        "<meta property='og:site_name' content='Frontier Times'>"
    )
    html = simple_page(head=head, heading="Broadband use grows in small towns").replace(
        "<body>", "<body><div class='logo'><h1>Frontier Times</h1></div>"
    )
    assert extract(html).title == "Broadband use grows in small towns"


def test_title_from_title_tag_when_the_page_has_no_heading():
    html = simple_page(head="<title>Call centres hire in Faisalabad - Punjab Post</title>", heading="")
    assert extract(html, url="https://punjabpost.example.com/x").title == "Call centres hire in Faisalabad"


def test_kicker_above_the_headline_is_left_out():
    head = "<meta property='og:title' content='Exports: Software firms sign new contracts'>"
    heading = "<span class='kicker'>Exports</span><span>Software firms sign new contracts</span>"
    assert extract(simple_page(head=head, heading=heading)).title == "Software firms sign new contracts"


# --- robustness ----------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t  ", ""])
def test_empty_documents(content):
    with pytest.raises(ExtractionError) as raised:
        extract(content)
    assert raised.value.reason == "empty"


@pytest.mark.parametrize(
    "content",
    [
        bytes(random.Random(7).randrange(256) for _ in range(20_000)),
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40,
        b"just some words without any markup at all, which is not an HTML page",
    ],
)
def test_binary_garbage_and_plain_text_are_not_html(content):
    with pytest.raises(ExtractionError) as raised:
        extract(content)
    assert raised.value.reason == "not_html"


def test_page_with_only_navigation_has_no_text():
    html = (
        "<html><body><nav><a href='/a'>Home</a> <a href='/b'>World</a></nav><footer>Contact us</footer></body></html>"
    )
    with pytest.raises(ExtractionError) as raised:
        extract(html)
    assert raised.value.reason == "no_text"


def test_five_megabyte_page():
    paragraph = (
        "<p>Remote developers in Hyderabad and Sukkur now bill clients in three continents, the survey found.</p>"
    )
    filler = "<div class='related'><a href='/x'>Another story about something else entirely</a></div>"
    html = "<html><body><article>" + paragraph * 40_000 + "</article>" + filler * 10_000 + "</body></html>"
    assert len(html) > 5_000_000
    article = extract(html.encode())
    assert article.text.count("Remote developers in Hyderabad") == 40_000
    assert "Another story about something else" not in article.text


def test_ten_thousand_nested_divs():
    html = "<html><body>" + "<div>" * 10_000 + simple_page() + "</div>" * 10_000 + "</body></html>"
    article = extract(html)
    assert article.text.count("Paragraph ") == 4


def test_deeply_nested_inline_markup():
    html = (
        "<html><body><p>"
        + "<span><b>" * 5_000
        + "Deeply wrapped words about exporters and clients abroad, " * 3
        + "</b></span>" * 5_000
        + "</p></body></html>"
    )
    assert "Deeply wrapped words" in extract(html).text


def test_latin1_bytes_declared_as_utf8():
    text = (
        "Die Softwarebranche in Pakistan wächst stetig, und immer mehr Entwickler "
        "arbeiten für Kunden in Übersee. Café-Besitzer in Lahore berichten über "
        "Freiberufler, die den ganzen Tag an ihren Rechnern sitzen. "
    ) * 3
    html = f'<html><head><meta charset="utf-8"></head><body><article><p>{text}</p><p>{text}</p></article></body></html>'
    article = extract(html.encode("latin-1"))
    assert "wächst stetig" in article.text
    assert "Übersee" in article.text
    assert "\ufffd" not in article.text


def test_utf8_bytes_declared_as_latin1():
    text = "Freelancers — and software houses — earned more; فری لانسرز کی آمدنی بڑھ گئی۔ " * 4
    html = f"<html><head><meta charset='iso-8859-1'></head><body><p>{text}</p><p>{text}</p></body></html>"
    article = extract(html.encode("utf-8"), content_type="text/html; charset=ISO-8859-1")
    assert "— and software houses —" in article.text
    assert "فری لانسرز کی آمدنی بڑھ گئی۔" in article.text


def test_truncated_and_invalid_utf8_does_not_crash():
    html = simple_page().encode("utf-8")
    broken = html[:200] + b"\xff\xfe\xc3" + html[200:-40]
    result = outcome(broken)
    assert isinstance(result, Article)
    assert "Paragraph 0 describes" in result.text


def test_broken_url_and_deeply_nested_json_ld():
    json_ld = "<script type='application/ld+json'>" + "[" * 50_000 + "]" * 50_000 + "</script>"
    article = extract(simple_page(head=json_ld), url="http://[::1/news/2024/05/06/x")  # a malformed URL, parsed, never fetched
    assert article.text.count("Paragraph ") == 4
    assert article.published is None


@pytest.mark.parametrize(
    "content",
    [
        b"<html><body><p>unclosed <b>tags <i>everywhere",
        b"<<<>>><p></p></></></div>",
        b"<html><body>" + b"<table><tr><td>" * 2_000 + b"cell",
        b"<script>" + b"x" * 10_000,
        b"<html><body><p>" + b"\x00" * 10 + b"nulls inside a paragraph</p></body></html>",
        "<p>lone surrogate \ud800 in text</p>",
        b"<html><head><script type='application/ld+json'>{broken json</script></head><body><p>x</p></body></html>",
    ],
)
def test_malformed_input_gives_an_article_or_an_extraction_error(content):
    result = outcome(content)
    assert isinstance(result, (Article, ExtractionError))
    if isinstance(result, Article):
        assert result.text
