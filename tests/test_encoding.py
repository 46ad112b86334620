"""Decoding HTML bytes: BOMs, HTTP and meta charsets, wrong declarations, detection, garbage."""

from __future__ import annotations

import codecs
import random

import pytest

from monitor.encoding import declared_charset, decode_html

URDU = "پاکستان کے فری لانسرز نے اس سال زیادہ زرمبادلہ کمایا۔"
GERMAN = "Die Exporte von Software aus Pakistan wuchsen stärker als erwartet; Übersee-Kunden zahlen pünktlich. "


def html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><p>{body}</p></body></html>"


def test_plain_utf8_and_ascii():
    assert decode_html(html(URDU).encode("utf-8")) == html(URDU)
    assert decode_html(b"<p>plain ascii</p>") == "<p>plain ascii</p>"


def test_empty_bytes():
    assert decode_html(b"") == ""


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_mark_wins(bom, codec):
    page = html(URDU, '<meta charset="windows-1252">')
    assert decode_html(bom + page.encode(codec), "text/html; charset=iso-8859-1") == page


def test_http_charset():
    page = html(GERMAN * 3)
    assert decode_html(page.encode("cp1252"), "text/html; charset=windows-1252") == page


def test_meta_charset_and_http_equiv():
    page = html(GERMAN * 3, '<meta charset="iso-8859-1">')
    assert decode_html(page.encode("latin-1")) == page
    page = html(GERMAN * 3, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    assert decode_html(page.encode("cp1252")) == page


def test_latin1_label_reads_as_windows_1252():
    # Browsers read ISO-8859-1 as windows-1252, where 0x93 and 0x94 are curly quotes.
    raw = b'<meta charset="iso-8859-1"><p>\x93quoted\x94 \xe9t\xe9 ' + GERMAN.encode("latin-1") + b"</p>"
    assert "\u201cquoted\u201d été" in decode_html(raw)


def test_utf8_bytes_declared_latin1_are_read_as_utf8():
    page = html(URDU + " — " + GERMAN, '<meta charset="iso-8859-1">')
    assert decode_html(page.encode("utf-8"), "text/html; charset=ISO-8859-1") == page


def test_latin1_bytes_declared_utf8_are_detected():
    page = html(GERMAN * 4, '<meta charset="utf-8">')
    decoded = decode_html(page.encode("latin-1"), "text/html; charset=utf-8")
    assert "stärker als erwartet; Übersee-Kunden zahlen pünktlich" in decoded
    assert "\ufffd" not in decoded


def test_urdu_in_windows_1256():
    arabic_script = "الحكومة تدعم صادرات البرمجيات وتسهل تحويل الأموال للعاملين عبر الإنترنت. " * 4
    page = html(arabic_script, '<meta charset="windows-1256">')
    assert decode_html(page.encode("cp1256")) == page


def test_a_few_stray_bytes_do_not_spoil_a_utf8_page():
    raw = html(URDU * 20).encode("utf-8").replace(b"<p>", b"<p>\xff", 1)
    decoded = decode_html(raw)
    assert URDU * 20 in decoded
    assert decoded.count("\ufffd") == 1


def test_unknown_declared_charset_is_ignored():
    page = html(GERMAN * 3, '<meta charset="no-such-charset">')
    assert "stärker" in decode_html(page.encode("utf-8"), "text/html; charset=bogus")


@pytest.mark.parametrize("label", ["base64", "undefined", "rot13", "zlib", "punycode", "unicode_escape"])
def test_labels_of_codecs_that_are_not_text_encodings(label):
    raw = html(GERMAN * 3).encode("latin-1")
    decoded = decode_html(raw, f"text/html; charset={label}")
    assert "stärker als erwartet" in decoded


@pytest.mark.parametrize("seed", range(5))
def test_garbage_never_raises(seed):
    noise = bytes(random.Random(seed).randrange(256) for _ in range(5_000))
    decoded = decode_html(noise, "text/html; charset=" + ["utf-8", "latin-1", "utf-16", "", "x"][seed])
    assert isinstance(decoded, str)
    assert decoded


def test_declared_charset():
    assert declared_charset(b'<html><head><meta charset="UTF-8">') == "utf-8"
    assert declared_charset(b"<meta http-equiv='content-type' content='text/html; charset=Shift_JIS'>") == "cp932"
    assert declared_charset(b"<meta charset=latin1>") == "cp1252"
    assert declared_charset(b"<html><head><title>none</title>") is None
