"""Small, real PDF files for the tests, written byte by byte.

:func:`make_pdf` writes a PDF 1.4 file with one text page per list of lines, in the standard
Helvetica font, with a correct cross-reference table, so that any PDF reader (pypdf here)
opens it as it would a notification from a government website.
"""

from __future__ import annotations


def _string(text: str) -> bytes:
    """A PDF literal string: ``(text)`` with ``\\``, ``(`` and ``)`` escaped, in WinAnsi."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]], title: str | None = None) -> bytes:
    """A PDF whose page ``n`` shows the lines ``pages[n]``, top to bottom; ``title`` goes in
    the document information dictionary."""
    objects: list[bytes] = []  # object n + 1 is objects[n]
    font = 3 + 2 * len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    for i, lines in enumerate(pages):
        content = 4 + 2 * i  # the page itself is object 3 + 2 * i
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode())
        body = b"BT /F1 11 Tf 14 TL 56 780 Td " + b" ".join(_string(line) + b" Tj T*" for line in lines) + b" ET"
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    info = None
    if title:
        objects.append(b"<< /Title " + _string(title) + b" /Producer (monitor tests) >>")
        info = len(objects)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R" + (f" /Info {info} 0 R" if info else "") + " >>"
    out += b"trailer\n" + trailer.encode() + b"\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
