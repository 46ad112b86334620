"""Turn the raw bytes of an HTML page into text.

The order follows what browsers do, with one correction for the real web: a byte order
mark wins; then, if the bytes are UTF-8 (allowing a few stray bytes), UTF-8 wins over any
declared charset (servers and templates often declare ISO-8859-1 for pages that are really
UTF-8); then the charset declared in the HTTP ``Content-Type`` header or in a ``<meta>``
tag near the top, read as browsers read it (ISO-8859-1 as windows-1252); then statistical
detection (charset-normalizer), which also handles pages that declare UTF-8 but are not;
then UTF-8 with replacement characters. Decoding never raises.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

__all__ = ["decode_html", "declared_charset"]

#: How far into the document a ``<meta>`` charset declaration is looked for.
META_SCAN_BYTES = 8192
#: How much of the document statistical detection looks at.
DETECT_SAMPLE_BYTES = 65536
#: Share of undecodable sequences below which a page declared (or looking like) UTF-8
#: is still read as UTF-8, with replacement characters for the few bad bytes.
UTF8_ERROR_TOLERANCE = 0.02

_ASCII_BYTES = bytes(range(0x80))

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([^\s"';,]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)

#: Python codecs that decode text but are no charset a web page can have.
_NOT_WEB_CHARSETS = frozenset(("idna", "punycode", "unicode-escape", "raw-unicode-escape", "utf-7"))
#: Labels that browsers read as a different, wider encoding (WHATWG Encoding Standard).
_SUPERSETS = {
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}


def decode_html(content: bytes, content_type: str | None = None) -> str:
    """Decode an HTML document's bytes, choosing the charset as a careful browser would.

    ``content_type`` is the HTTP ``Content-Type`` header value, if any. Never raises: bytes
    that fit no charset come back with U+FFFD replacement characters.
    """
    if not content:
        return ""
    bom_charset, body = _strip_bom(content)
    if bom_charset:
        return body.decode(bom_charset, errors="replace")
    if content.isascii():
        return content.decode("ascii")
    if _mostly_utf8(content):
        return content.decode("utf-8", errors="replace")
    declared = _charset_from_header(content_type) or declared_charset(content)
    if declared and not declared.startswith(("utf-8", "utf-16", "utf-32")):
        return _decode(content, declared)
    return _decode_detected(content)


def declared_charset(content: bytes) -> str | None:
    """The charset a ``<meta>`` tag near the top of the document declares, normalised."""
    match = _META_CHARSET.search(content[:META_SCAN_BYTES])
    return _normalise(match.group(1).decode("ascii")) if match else None


def _charset_from_header(content_type: str | None) -> str | None:
    """The charset of a ``Content-Type`` header value, normalised."""
    match = _HEADER_CHARSET.search(content_type or "")
    return _normalise(match.group(1)) if match else None


def _normalise(label: str) -> str | None:
    """The Python text codec for a charset label, widened to what browsers use; None if
    the label names no text encoding."""
    try:
        name = codecs.lookup(label.strip().lower()).name
        b"a".decode(name)
    except (LookupError, UnicodeError):
        return None
    if name in _NOT_WEB_CHARSETS:
        return None
    return _SUPERSETS.get(name, name)


def _strip_bom(content: bytes) -> tuple[str | None, bytes]:
    """The charset a byte order mark names, and the bytes after it."""
    for bom, charset in _BOMS:
        if content.startswith(bom):
            return charset, content[len(bom):]
    return None, content


def _mostly_utf8(content: bytes) -> bool:
    """True when the bytes are UTF-8, or UTF-8 apart from a few stray bytes."""
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return True
    non_ascii = len(content.translate(None, _ASCII_BYTES))
    bad = len(content.decode("utf-8", errors="replace")) - len(content.decode("utf-8", errors="ignore"))
    return bad <= non_ascii * UTF8_ERROR_TOLERANCE


def _decode_detected(content: bytes) -> str:
    """Decode in the charset charset-normalizer finds most likely, else UTF-8."""
    best = from_bytes(content[:DETECT_SAMPLE_BYTES]).best()
    charset = _normalise(best.encoding) if best is not None else None
    return _decode(content, charset or "utf-8")


def _decode(content: bytes, charset: str) -> str:
    """Decode with replacement characters; UTF-8 if the codec cannot decode at all."""
    try:
        return content.decode(charset, errors="replace")
    except (LookupError, UnicodeError):
        return content.decode("utf-8", errors="replace")


#: Share of control or replacement characters in a body's first characters above which it is
#: binary (an image, an archive), not a page.
_BINARY_SHARE = 0.05
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def not_a_page(content: bytes, content_type: str | None = None, text: str | None = None, pdf_advice: str = "") -> str | None:
    """Why a body is no web page to read (a PDF, binary data), or ``None``. ``text`` is the
    body already decoded, when it is; ``pdf_advice`` follows the reason given for a PDF."""
    kind = (content_type or "").split(";")[0].strip().lower()
    if content[:1024].lstrip().startswith(b"%PDF-") or kind == "application/pdf":
        return f"the address answers with a PDF, not a web page{pdf_advice}"
    sample = (text if text is not None else decode_html(content[:4096].removeprefix(b"\xef\xbb\xbf"), content_type))[:4096]
    if len(_CONTROL_CHARS.findall(sample)) > _BINARY_SHARE * len(sample):
        return f"the address answers with binary data{f' ({kind})' if kind else ''}, not a web page"
    return None
