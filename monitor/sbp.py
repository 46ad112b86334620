"""SBP's trade in services workbook (``dt.xls``) read into official figures.

:func:`read_ebops` is a pure function: the bytes of the workbook in, a tuple of
:class:`~monitor.models.OfficialFact` out, or a :class:`WorkbookError` whose ``reason`` is
the fetch outcome to record. The State Bank publishes the workbook every month; this is
the layout it reads (see README.md, "Official figures"):

* **Sheet** ``EBOPS `` (with a trailing space), found by its name with spaces and case
  aside.
* **Header row**: the row naming the most periods in the sheet's first rows. Months read
  ``May-26 (P)`` or ``Apr-26 (R)`` (``P`` provisional, ``R`` revised, no mark otherwise);
  fiscal year to date reads ``Jul-May, FY26 (P)`` (FY26 runs July 2025 to June 2026), or
  ``Jul, FY26`` in July. Each period heads three columns, Credit, Debit and Net, labelled
  so in a row under the header; the Credit column is the one labelled Credit, in whatever
  order the three come. Other cells of the header (the table's name, a date serial) are
  not periods and are left alone.
* **Rows** are found by their label in the first column, numbered by EBOPS 2010: the number
  is ignored (SBP renumbers when it inserts a line) and the words must match, case,
  punctuation and stray or non-breaking spaces aside (:data:`LINES`).
* **Values** are US$ thousands, stored as ``USD_million``; a number stored as text
  (``373,270``) is read as that number. The Credit column is exports.

Periods follow the facts' forms (:mod:`monitor.facts`): ``2026-05`` for a month,
``FY2025-26:Jul-May`` for fiscal year to date (``FY2025-26:Q1`` and ``:H1`` for July to
September and July to December), ``FY2025-26`` for the whole year; a year to date of July
alone is the month of July. Line 9 becomes ``it_exports_monthly``, ``it_exports_cumulative``
or ``it_exports_annual`` by the kind of period; the other lines keep one series each.

A changed layout never gives a number: a missing sheet, header, label or Credit column (or
no Credit/Debit/Net labels at all, or two columns labelled Credit under one period), a
cell that holds no number, two columns that disagree about one period, or a value far
outside its series' plausible range (a change of unit) raises ``layout_changed`` naming the
file, the sheet and what is missing. An HTML page where the workbook was expected (a moved
file answered by the site's home page) is ``not_a_workbook``; other bytes that are not a
workbook, or a workbook too damaged or cut short to read, are ``parse_error``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import sys
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from python_calamine import CalamineError, CalamineWorkbook

from .facts import PLAUSIBLE, canonical_period, fiscal_year
from .models import OfficialFact

log = logging.getLogger(__name__)

SHEET = "EBOPS"
UNIT = "USD_million"
#: How far outside its series' plausible range (either way) an official value may be before
#: it is taken for a change of unit: a factor of 1,000 is caught, a record month is not.
PLAUSIBLE_SLACK = 5.0
#: Rows searched for the header; the real one is the 7th.
HEADER_SEARCH_ROWS = 40
#: Rows under the header searched for the Credit, Debit, Net labels.
SUBHEADER_ROWS = 3
STATUS = {"P": "provisional", "R": "revised", "": ""}

_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MARK = r"\s*(?:\(\s*(?P<mark>[PR])\s*\))?"
_MONTH_HEADER = re.compile(r"(?P<month>[A-Za-z]{3})[a-z]*\.?\s*[-–/' ]\s*(?P<year>\d{4}|\d{2})" + _MARK, re.IGNORECASE)
_SPAN_HEADER = re.compile(
    r"(?P<first>[A-Za-z]{3})[a-z]*\s*(?:[-–]\s*(?P<last>[A-Za-z]{3})[a-z]*)?\s*,?\s*FY\s*'?(?P<fy>\d{4}|\d{2})" + _MARK, re.IGNORECASE
)
#: A header that names a month and a year, or a fiscal year, whether or not :func:`parse_header` reads it.
_LOOKS_LIKE_PERIOD = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\d{2}|\bFY\s*'?\d{2}", re.IGNORECASE)
_CODE = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s*")
_NUMBER_TEXT = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?")
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2: .xls (BIFF8)
_ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .ods


@dataclass(frozen=True)
class Line:
    """A line of the EBOPS table: its label as SBP prints it and the series it feeds."""

    label: str  # with its EBOPS number, as printed
    series: str  # the series of every period, or of months when the line is line 9
    cumulative: str | None = None  # line 9 only: the series of fiscal year to date
    annual: str | None = None  # line 9 only: the series of a whole fiscal year


#: The lines read. Line 9 is what newspapers call "IT & ITeS exports"; 9.2.5 is what their
#: "freelancers earned" headlines quote.
LINES = (
    Line("9. Telecommunications, Computer and information services", "it_exports_monthly", "it_exports_cumulative", "it_exports_annual"),
    Line("9.1 Telecommunications services", "telecom_exports"),
    Line("9.2 Computer services", "computer_services_exports"),
    Line("9.2.2 Software consultancy services", "software_consultancy_exports"),
    Line("9.2.4 Export / Import of Computer Software", "software_exports"),
    Line("9.2.5 Freelance of Computer and Information Services", "freelancer_earnings"),
)


class WorkbookError(Exception):
    """The bytes are not the workbook, or its layout changed; ``reason`` names the outcome."""

    def __init__(self, reason: str, detail: str):
        self.reason = reason  # not_a_workbook, parse_error or layout_changed
        self.detail = detail
        super().__init__(f"{reason}: {detail}")


@dataclass(frozen=True)
class Column:
    """One period of the header: where its Credit figures are, and what it says."""

    header: str  # as printed
    period: str
    kind: str  # month, cumulative or annual
    status: str
    credit: int  # the column holding its Credit figures


def read_ebops(content: bytes, *, url: str, fetched_at: str, published: str | None = None, content_type: str | None = None) -> tuple[OfficialFact, ...]:
    """The official figures of :data:`LINES` in SBP's trade in services workbook.

    ``url`` is where the bytes came from (after redirects), ``fetched_at`` when (UTC ISO),
    ``published`` the file's Last-Modified time if known; all three go into each fact's
    provenance. Raises :class:`WorkbookError` rather than return a number it is not sure of.
    """
    name = file_name(url)
    rows, sheet = _sheet_rows(content, name, content_type)
    where = f"{name}, sheet '{sheet}'"
    header_row, columns = _header(rows, where)
    _check_unit(rows[:header_row], where)
    facts: dict[tuple[str, str], OfficialFact] = {}
    for line in LINES:
        row = rows[_find_row(rows, header_row, line, where)]
        for column in columns:
            fact = _fact(line, row, column, where, url=url, sheet=sheet, fetched_at=fetched_at, published=published)
            key = (fact.series, fact.period)
            if key in facts and abs(facts[key].value - fact.value) > 0.0005:
                raise WorkbookError("layout_changed", f"{where}: row '{_clean(row[0])}' gives two values for {fact.period}: {facts[key].value:g} under '{facts[key].column_header}' and {fact.value:g} under '{fact.column_header}'")
            facts.setdefault(key, fact)
    return tuple(facts.values())


def file_name(url: str) -> str:
    """The file's name in a URL (``dt.xls``), for messages."""
    path = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return path.rsplit("/", 1)[-1] or url


def newest_period_end(facts: Sequence[OfficialFact]) -> str | None:
    """The last day (``YYYY-MM-DD``) of the newest month the facts cover, or ``None``."""
    months = [f.period for f in facts if re.fullmatch(r"\d{4}-\d\d", f.period)]
    if not months:
        return None
    year, month = map(int, max(months).split("-"))
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(first_of_next.toordinal() - 1).isoformat()


# --------------------------------------------------------------------------- the sheet


def _sheet_rows(content: bytes, name: str, content_type: str | None) -> tuple[list[list[Any]], str]:
    """The cells of the EBOPS sheet, row by row, and the sheet's name as stored."""
    if not content.strip():
        raise WorkbookError("parse_error", f"{name}: the response body is empty")
    if not content.startswith((_XLS_MAGIC, _ZIP_MAGIC)):
        if _looks_like_html(content, content_type):
            title = _title(content)
            raise WorkbookError("not_a_workbook", f"{name}: an HTML page{f' ({title!r})' if title else ''} was answered in place of the workbook; the file may have moved")
        raise WorkbookError("parse_error", f"{name}: not an Excel workbook (it starts with {content[:8]!r})")
    try:
        with _panic_messages_held():
            book = CalamineWorkbook.from_filelike(io.BytesIO(content))
            sheet = next((s for s in book.sheet_names if s.strip().casefold() == SHEET.casefold()), None)
            if sheet is None:
                raise WorkbookError("layout_changed", f"{name}: no sheet named '{SHEET}' (sheets: {', '.join(repr(s) for s in book.sheet_names) or 'none'})")
            return book.get_sheet_by_name(sheet).to_python(skip_empty_area=False), sheet
    except CalamineError as e:
        raise WorkbookError("parse_error", f"{name}: cannot read the workbook: {e}") from None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as e:  # noqa: BLE001 - calamine panics on some damaged files (pyo3's PanicException is no Exception)
        if type(e).__name__ != "PanicException":
            raise
        raise WorkbookError("parse_error", f"{name}: cannot read the workbook: it is damaged or cut short ({e})") from None


_STDERR_LOCK = threading.Lock()
#: The lines the Rust runtime writes for a panic: ``thread '<unnamed>' (123) panicked at
#: src/cfb.rs:305:41:``, its message, then a note or a backtrace (frames and their ``at`` lines).
_PANIC_START = re.compile(rb"^thread '[^']*'.* panicked at ")
_PANIC_TAIL = re.compile(rb"^(?:note: .*RUST_BACKTRACE|stack backtrace:|\s+\d+: |\s+at )")


@contextlib.contextmanager
def _panic_messages_held():
    """Keep the workbook library's panic report off the operator's terminal.

    On some damaged files the library (written in Rust) panics: it writes the panic's
    message, and with ``RUST_BACKTRACE`` set a backtrace of dozens of lines, straight to file
    descriptor 2 before the panic reaches Python, where it becomes this source's one-line
    ``parse_error``. While the library runs, descriptor 2 goes to a temporary file; after
    it, everything written there is passed on to the real stderr except a panic's report,
    which goes to the debug log. Other threads' log lines written meanwhile are passed on,
    not lost.
    """
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (AttributeError, OSError, ValueError):  # no descriptor 2 to hold
        yield
        return
    with _STDERR_LOCK, tempfile.TemporaryFile() as held:
        os.dup2(held.fileno(), 2)
        try:
            yield
        finally:
            with contextlib.suppress(AttributeError, OSError, ValueError):
                sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            held.seek(0)
            passed_on, panic = _split_panic(held.read())
            if panic:
                log.debug("the workbook library panicked:\n%s", panic.decode("utf-8", "replace").rstrip())
            if passed_on:
                with contextlib.suppress(OSError):
                    os.write(2, passed_on)


def _split_panic(written: bytes) -> tuple[bytes, bytes]:
    """What was written to stderr, split into the rest and a Rust panic's report."""
    rest: list[bytes] = []
    panic: list[bytes] = []
    lines = written.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        if _PANIC_START.match(lines[i]):
            panic.append(lines[i])
            i += 1
            if i < len(lines):  # the panic's message
                panic.append(lines[i])
                i += 1
            while i < len(lines) and _PANIC_TAIL.match(lines[i]):
                panic.append(lines[i])
                i += 1
            while rest and not rest[-1].strip():  # the blank line the runtime writes before a panic
                panic.insert(0, rest.pop())
            continue
        rest.append(lines[i])
        i += 1
    return b"".join(rest), b"".join(panic)


def _looks_like_html(content: bytes, content_type: str | None) -> bool:
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<!--")) or b"<html" in head or (content_type or "").lower().startswith(("text/html", "application/xhtml"))


def _title(content: bytes) -> str:
    m = re.search(rb"<title[^>]*>(.*?)</title>", content[:65536], re.IGNORECASE | re.DOTALL)
    return " ".join(m.group(1).decode("utf-8", "replace").split())[:80] if m else ""


def _clean(cell: Any) -> str:
    """A cell as one line of text: non-breaking and other odd spaces as plain ones."""
    return " ".join(str(cell).split()) if cell is not None else ""


def _key(label: Any) -> str:
    """A row label without its EBOPS number, case, punctuation or spacing: the words only."""
    words = re.sub(r"[\W_]+", " ", _CODE.sub("", _clean(label)).casefold())
    return " ".join(words.split())


# --------------------------------------------------------------------------- the header


def parse_header(text: str) -> tuple[str, str, str] | None:
    """``(period, kind, status)`` for a period's column header, or ``None`` for other text.

    ``May-26 (P)`` -> ``("2026-05", "month", "provisional")``;
    ``Jul-May, FY26 (P)`` -> ``("FY2025-26:Jul-May", "cumulative", "provisional")``;
    ``Jul-Jun, FY25`` -> ``("FY2024-25", "annual", "")``; ``Jul, FY26`` -> ``("2025-07", "month", "")``.
    A span that does not start in July (the fiscal year's first month) is not read.
    """
    text = _clean(text)
    if m := _SPAN_HEADER.fullmatch(text):
        first, last = _month(m["first"]), _month(m["last"] or m["first"])
        if first != 7 or last is None:
            return None
        end = _year(m["fy"])
        status = STATUS[(m["mark"] or "").upper()]
        months = (last - 7) % 12 + 1
        if months == 1:
            return f"{end - 1}-07", "month", status
        if months == 12:
            return fiscal_year(end), "annual", status
        return canonical_period(f"{fiscal_year(end)}:Jul-{_MONTH_ABBR[last]}"), "cumulative", status
    if m := _MONTH_HEADER.fullmatch(text):
        month = _month(m["month"])
        if month is None:
            return None
        return f"{_year(m['year'])}-{month:02d}", "month", STATUS[(m["mark"] or "").upper()]
    return None


def _month(name: str | None) -> int | None:
    return _MONTHS.get((name or "")[:3].lower())


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def _header(rows: list[list[Any]], where: str) -> tuple[int, list[Column]]:
    """The header row's index and its period columns (with their Credit columns)."""
    best, found = -1, []
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        periods = [(c, _clean(cell), parsed) for c, cell in enumerate(row) if isinstance(cell, str) and (parsed := parse_header(cell))]
        if len(periods) > len(found):
            best, found = i, periods
    if not found:
        raise WorkbookError("layout_changed", f"{where}: no header row naming periods (such as 'May-26 (P)' or 'Jul-May, FY26') in the first {HEADER_SEARCH_ROWS} rows")
    if not any(kind == "month" for _, _, (_, kind, _) in found):
        raise WorkbookError("layout_changed", f"{where}: the header row (row {best + 1}) names no month (such as 'May-26 (P)')")
    labels = _credit_labels(rows, best)
    if labels is None:  # nothing tells Credit from Debit: the period's own column may be either
        raise WorkbookError("layout_changed", f"{where}: no Credit/Debit/Net labels under '{found[0][1]}' (rows {best + 2}-{best + 1 + SUBHEADER_ROWS}), so its Credit column cannot be told from Debit")
    starts = [c for c, _, _ in found]
    for c, cell in enumerate(rows[best]):  # a period written in a form not read would be skipped, as if unpublished
        if c in labels and c not in starts and isinstance(cell, str) and _LOOKS_LIKE_PERIOD.search(_clean(cell)):
            raise WorkbookError(
                "layout_changed",
                f"{where}: the header row (row {best + 1}) has '{_clean(cell)}' over column {_column_name(c)}'s Credit, Debit and Net,"
                " but it is no period the monitor can read (such as 'May-26 (P)' or 'Jul-May, FY26 (P)'), so that column is not skipped silently",
            )
    columns = []
    for n, (c, header, (period, kind, status)) in enumerate(found):
        end = min(starts[n + 1] if n + 1 < len(starts) else c + 3, c + 3)
        credits = [k for k in range(c, end) if labels.get(k) == "credit"]
        if not credits:
            raise WorkbookError("layout_changed", f"{where}: no Credit column under '{header}' (row {best + 1}, column {_column_name(c)})")
        if len(credits) > 1:
            raise WorkbookError("layout_changed", f"{where}: {len(credits)} columns labelled Credit under '{header}' (columns {', '.join(_column_name(k) for k in credits)})")
        columns.append(Column(header, period, kind, status, credits[0]))
    return best, columns


def _credit_labels(rows: list[list[Any]], header_row: int) -> dict[int, str] | None:
    """The Credit, Debit and Net labels under the header, by column, from the first row under
    it that has any of them; ``None`` when none has."""
    for row in rows[header_row + 1 : header_row + 1 + SUBHEADER_ROWS]:
        labels = {c: _clean(cell).casefold() for c, cell in enumerate(row) if isinstance(cell, str) and _clean(cell).casefold() in ("credit", "debit", "net")}
        if labels:
            return labels
    return None


def _column_name(index: int) -> str:
    """``0`` -> ``A``, ``27`` -> ``AB``: columns as a spreadsheet names them."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _check_unit(rows: list[list[Any]], where: str) -> None:
    """The rows above the header may state the unit; one that says million and not thousand
    means the values are no longer in thousands."""
    text = " ".join(_clean(cell).casefold() for row in rows for cell in row if isinstance(cell, str))
    if "million" in text and "thousand" not in text:
        raise WorkbookError("layout_changed", f"{where}: the sheet states its values in millions, not US$ thousands")


# --------------------------------------------------------------------------- rows and values


def _find_row(rows: list[list[Any]], header_row: int, line: Line, where: str) -> int:
    wanted = _key(line.label)
    found = [i for i in range(header_row + 1, len(rows)) if rows[i] and _key(rows[i][0]) == wanted]
    if not found:
        raise WorkbookError("layout_changed", f"{where}: no row labelled '{line.label}' (SBP may have renamed or removed the line)")
    if len(found) > 1:
        raise WorkbookError("layout_changed", f"{where}: {len(found)} rows labelled '{line.label}' (rows {', '.join(str(i + 1) for i in found)})")
    return found[0]


def _series(line: Line, kind: str) -> str:
    if kind == "cumulative" and line.cumulative:
        return line.cumulative
    if kind == "annual" and line.annual:
        return line.annual
    return line.series


def _fact(line: Line, row: list[Any], column: Column, where: str, *, url: str, sheet: str, fetched_at: str, published: str | None) -> OfficialFact:
    label = str(row[0])
    cell = row[column.credit] if column.credit < len(row) else ""
    if isinstance(cell, str) and _NUMBER_TEXT.fullmatch(_clean(cell)):  # "373,270" stored as text
        cell = float(_clean(cell).replace(",", ""))
    if isinstance(cell, bool) or not isinstance(cell, (int, float)):
        raise WorkbookError("layout_changed", f"{where}: row '{_clean(label)}', column '{column.header}' (Credit, {_column_name(column.credit)}) holds {cell!r}, not a number")
    series = _series(line, column.kind)
    value = round(float(cell) / 1000, 3)
    low, high = PLAUSIBLE.get((series, UNIT), (0.0, float("inf")))
    if not low / PLAUSIBLE_SLACK <= value <= high * PLAUSIBLE_SLACK:
        raise WorkbookError("layout_changed", f"{where}: row '{_clean(label)}', column '{column.header}' reads as US$ {value:,g} million, far outside what {series} can be: are the values still in US$ thousands?")
    return OfficialFact(
        series=series,
        period=column.period,
        value=value,
        unit=UNIT,
        status=column.status,
        url=url,
        sheet=sheet,
        row_label=label,
        column_header=column.header,
        column="Credit",
        fetched_at=fetched_at,
        published=published,
    )
