"""The text of documents linked from watched pages: PDFs, and HTML pages.

PDFs are read with pypdf in a child process (``python -m monitor.documents``), so that a
hostile or broken file cannot hold up or exhaust the poll: the child is killed after
``seconds``, limits its own memory to ``memory`` bytes, reads at most ``pages`` pages and keeps
at most ``chars`` characters. The size of what is read is already limited by the fetch
(``fetch.max_bytes``). Lines broken by the PDF's layout are joined back into paragraphs.

HTML documents (a notification published as a page) go through the article extractor
(:func:`monitor.extract.extract`). Anything else is not read.

:func:`read_document` returns an :class:`~monitor.models.Article` or raises
:class:`~monitor.errors.ExtractionError` with a short reason: ``timeout``, ``encrypted``,
``not_pdf`` (a broken file), ``no_text`` (a scan without a text layer), ``too_large`` (over
the memory limit) or ``unsupported`` (a Word or Excel file, say).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass

from .errors import ExtractionError
from .extract import extract
from .models import Article
from .text import counted


@dataclass(frozen=True)
class DocumentLimits:
    seconds: float = 30.0  # wall time for reading one PDF
    pages: int = 50  # pages read of one PDF
    chars: int = 200_000  # characters kept of one document
    memory: int = 1024 * 1024 * 1024  # bytes of memory the reading process may use


def is_pdf(content: bytes, content_type: str | None = None) -> bool:
    return content[:1024].lstrip().startswith(b"%PDF-") or (content_type or "").split(";")[0].strip().lower() == "application/pdf"


def is_html(content: bytes, content_type: str | None = None) -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml") or (not kind and re.search(rb"<(?:!doctype\s+html|html[\s>])", content[:2048], re.I) is not None)


def read_document(content: bytes, *, url: str, content_type: str | None = None, limits: DocumentLimits = DocumentLimits()) -> tuple[Article, str]:
    """The text of one linked document, and what it was (``PDF, 3 pages``; ``web page``);
    see the module docstring."""
    if is_pdf(content, content_type):
        title, text, pages, total = pdf_text(content, limits)
        read = counted(total, "page") if pages >= total else f"first {pages} of {total} pages read"
        return Article(url=url, title=title, text=text), f"PDF, {read}"
    if is_html(content, content_type):
        article = extract(content, url=url, content_type=content_type)
        if len(article.text) > limits.chars:
            article = Article(url, article.title, article.text[: limits.chars], article.published, article.author, article.lang)
        return article, "web page"
    kind = (content_type or "unknown type").split(";")[0].strip()
    raise ExtractionError("unsupported", f"{kind} is not read (only PDF and HTML)")


def pdf_text(content: bytes, limits: DocumentLimits = DocumentLimits()) -> tuple[str | None, str, int, int]:
    """``(title, text, pages read, pages in all)`` of a PDF, read in a child process within ``limits``."""
    command = [sys.executable, "-m", "monitor.documents", str(limits.pages), str(limits.chars), str(limits.memory)]
    try:
        done = subprocess.run(command, input=content, capture_output=True, timeout=limits.seconds, check=False)
    except subprocess.TimeoutExpired:
        raise ExtractionError("timeout", f"reading the PDF took more than {limits.seconds:g}s") from None
    try:
        answer = json.loads(done.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        raise ExtractionError("too_large" if "MemoryError" in tail[0] else "not_pdf", f"the PDF reader stopped: {tail[0]}") from None
    if "error" in answer:
        raise ExtractionError(answer["error"], answer.get("detail", ""))
    if not answer["text"].strip():
        raise ExtractionError("no_text", f"no text in {answer['pages']} pages (a scan without a text layer?)")
    return answer.get("title"), answer["text"], answer["pages"], answer["total_pages"]


# --------------------------------------------------------------------------- in the child process


_FILE_TITLE = re.compile(r"^(?:microsoft (?:word|excel|powerpoint) - )|\.(?:docx?|xlsx?|pptx?|pdf|odt|rtf)$", re.I)
_LIST_START = re.compile(r"^(?:[\-•*▪◦]|\(?[0-9ivxlc]{1,4}[.)]|\(?[a-z][.)])\s", re.I)
_SENTENCE_END = re.compile(r"[.:;!?۔؟]['\"”’)]*$")
#: A line shorter than this share of the page's longest line ends its paragraph.
SHORT_LINE = 0.6


def reflow(text: str) -> str:
    """Join lines that the PDF's layout broke in the middle of a sentence into paragraphs.

    A new paragraph begins after a blank line, after a line that ends a sentence, at the
    start of a list item, and after a short line (under :data:`SHORT_LINE` of the longest)
    unless the next one goes on in lower case: headings and paragraphs' last lines are
    short. A word hyphenated at a line's end is joined.
    """
    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    longest = max((len(line) for line in lines), default=0)
    paragraphs: list[str] = []
    current = ""
    short = False
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        goes_on = current and not _SENTENCE_END.search(current) and not _LIST_START.match(line) and (not short or line[:1].islower())
        if goes_on:
            current = current[:-1] + line if re.search(r"[a-z]-$", current) and line[:1].islower() else f"{current} {line}"
        else:
            if current:
                paragraphs.append(current)
            current = line
        short = len(line) < SHORT_LINE * longest
    if current:
        paragraphs.append(current)
    return "\n".join(paragraphs)


def _title(metadata: object) -> str | None:
    title = str(getattr(metadata, "title", None) or "").strip() if metadata is not None else ""
    if not title or _FILE_TITLE.search(title) or len(title) < 4:
        return None
    return " ".join(title.split())


def _child(pages: int, chars: int, memory: int) -> dict:
    """Read the PDF on stdin: the answer :func:`pdf_text` expects."""
    import logging
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    logging.disable(logging.WARNING)  # pypdf logs every oddity of a real-world file
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    data = sys.stdin.buffer.read()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return {"error": "encrypted", "detail": "the PDF needs a password"}
            except (DependencyError, NotImplementedError) as e:
                return {"error": "encrypted", "detail": f"the PDF is encrypted: {e}"}
        total = len(reader.pages)
        texts: list[str] = []
        size = 0
        read = 0
        for page in reader.pages[:pages]:
            try:  # layout mode keeps the blank lines between paragraphs
                raw = page.extract_text(extraction_mode="layout")
            except Exception:  # noqa: BLE001 - some fonts defeat it; the plain mode still reads them
                raw = page.extract_text()
            text = reflow(raw or "")
            read += 1
            texts.append(text)
            size += len(text)
            if size >= chars:
                break
        return {"title": _title(reader.metadata), "text": "\n".join(t for t in texts if t)[:chars], "pages": read, "total_pages": total}
    except FileNotDecryptedError as e:
        return {"error": "encrypted", "detail": str(e)}
    except MemoryError:
        return {"error": "too_large", "detail": f"reading the PDF needs more than {memory // (1024 * 1024)} MB"}
    except Exception as e:  # noqa: BLE001 - a broken file fails in many ways; this process only reads it
        return {"error": "not_pdf", "detail": f"{type(e).__name__}: {e}"[:300]}


def main(argv: list[str]) -> None:
    pages, chars, memory = (int(a) for a in argv[:3])
    sys.stdout.write(json.dumps(_child(pages, chars, memory), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
