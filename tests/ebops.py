"""Workbooks in the layout of SBP's ``dt.xls`` (sheet ``EBOPS ``), written as real BIFF8 .xls
with xlwt, for the tests: the documented release and the ways a release can drift.

The layout follows SBP's: title rows with the unit, a header row (the 7th) naming the periods
(each heading Credit, Debit and Net columns), a row under it labelling those three, then one
row per EBOPS line, its label numbered and with a non-breaking space where SBP has one, and
values in US$ thousands. The header's second cell is a date serial, as in SBP's file, with a
year-earlier month's figures under it that a reader must leave alone.

Credit values marked ``# SBP`` are SBP's published figures for the release of mid-2026 (May
2026 provisional); the others are filler chosen so that the lines add up.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field, replace

import xlwt

NBSP = "\u00a0"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
HEADERS = ("Apr-26 (R)", "May-26 (P)", "Jul-May, FY25", "Jul-May, FY26 (P)")
DATE_SERIAL = 45808  # what SBP's header row holds in its second cell

LINE_9 = f"9.{NBSP}Telecommunications, Computer and information services"
FREELANCE = "9.2.5 Freelance of Computer and Information Services"

#: (label, {header: credit in US$ thousands}) in the order SBP prints them.
ROWS: tuple[tuple[str, dict[str, float | str]], ...] = (
    ("Services", dict(zip(HEADERS, (904_090, 838_280, 7_750_140, 9_097_020)))),  # SBP
    (LINE_9, dict(zip(HEADERS, (422_260, 373_270, 3_480_460, 4_183_440)))),  # SBP
    ("9.1 Telecommunications services", dict(zip(HEADERS, (75_490, 49_050, 498_770, 640_180)))),  # SBP
    ("   9.1.1 Call centres", dict(zip(HEADERS, (21_300, 19_800, 180_400, 221_900)))),
    ("9.2 Computer services", dict(zip(HEADERS, (346_400, 323_900, 2_961_050, 3_539_020)))),  # SBP: FY26 only
    ("   9.2.1 Hardware consultancy services", dict(zip(HEADERS, (1_150, 980, 10_200, 12_400)))),
    (f"   9.2.2{NBSP}Software consultancy services", dict(zip(HEADERS, (112_600, 104_300, 1_011_730, 1_159_580)))),  # SBP: years only
    ("   9.2.3 Maintenance & repairs of computer", dict(zip(HEADERS, (2_900, 2_700, 25_600, 30_100)))),
    ("   9.2.4 Export / Import of Computer Software", dict(zip(HEADERS, (53_800, 51_200, 539_650, 589_850)))),  # SBP: years only
    (f"   {FREELANCE} ", dict(zip(HEADERS, (102_910, 101_510, 708_050, 1_060_790)))),  # SBP
    ("   9.2.6 Other Computer services", dict(zip(HEADERS, (73_040, 63_210, 665_870, 686_400)))),
    ("9.3 Information services", dict(zip(HEADERS, (370, 320, 20_640, 4_250)))),  # SBP: years only
    ("10. Other business services", dict(zip(HEADERS, (215_800, 201_300, 1_950_300, 2_281_700)))),
)
#: Line 9 for May 2025, under the date serial's column: SBP's figure, and not to be read.
YEAR_EARLIER = {LINE_9: 329_290}


@dataclass(frozen=True)
class Layout:
    """What to write; the defaults are the documented release, each field a way to drift."""

    sheet: str = "EBOPS "
    headers: tuple[str, ...] = HEADERS
    rows: tuple[tuple[str, dict[str, float]], ...] = ROWS
    triplet: tuple[str, ...] = ("Credit", "Debit", "Net")  # the labels under each period
    labelled: bool = True  # the row of Credit, Debit, Net labels is there
    holding: tuple[str, ...] | None = None  # which figure each column holds, when not what its label says
    unit_note: str = "(Thousand US$)"
    scale: float = 1.0  # 0.001 writes US$ millions
    header_row: int = 6
    dates_for_months: bool = False  # write month headers as date cells instead of text
    blank: tuple[tuple[str, str], ...] = field(default=())  # (label, header) cells left empty

    def but(self, **changes) -> "Layout":
        return replace(self, **changes)


def workbook(layout: Layout = Layout()) -> bytes:
    """The workbook as .xls bytes."""
    book = xlwt.Workbook()
    sheet = book.add_sheet(layout.sheet)
    for i, text in enumerate(("State Bank of Pakistan", "Statistics & Data Warehouse Department", "Pakistan's Trade in Services (EBOPS 2010)", layout.unit_note)):
        sheet.write(i, 0, text)
    h = layout.header_row
    sheet.write(h, 0, "Trade in Services")
    sheet.write(h, 1, DATE_SERIAL)
    month_format = xlwt.easyxf(num_format_str="mmm-yy")
    for n, header in enumerate(layout.headers):
        col = 4 + 3 * n
        if layout.dates_for_months and "FY" not in header:  # "May-26 (P)" as a date cell shown as May-26
            month = MONTHS.index(header[:3]) + 1
            sheet.write(h, col, datetime.date(2000 + int(header[4:6]), month, 1), month_format)
        else:
            sheet.write(h, col, header)
    if layout.labelled:
        for block in range(1 + len(layout.headers)):
            col = 1 if block == 0 else 4 + 3 * (block - 1)
            for k, label in enumerate(layout.triplet):
                sheet.write(h + 1, col + k, label)
    # which figure goes under each label; a label that is none of the three (drift) holds the credit
    holds = layout.holding or [name if name in ("Credit", "Debit", "Net") else "Credit" for name in layout.triplet]
    for r, (label, credits) in enumerate(layout.rows):
        row = h + 2 + r
        sheet.write(row, 0, label)
        if label in YEAR_EARLIER:
            sheet.write(row, 1, YEAR_EARLIER[label] * layout.scale)
        for n, header in enumerate(layout.headers):
            if header not in credits or (label, header) in layout.blank:
                continue
            col = 4 + 3 * n
            credit = credits[header]
            if isinstance(credit, str):  # a cell stored as text ("373,270", "-")
                values = {"Credit": credit, "Debit": "", "Net": ""}
            else:
                credit *= layout.scale
                debit = round(credit * 0.27, 3)
                values = {"Credit": credit, "Debit": debit, "Net": credit - debit}
            for offset, name in enumerate(holds):
                sheet.write(row, col + offset, values[name])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_row_inserted(before: str, label: str, credits: dict[str, float]) -> tuple[tuple[str, dict[str, float]], ...]:
    """The rows with a new line inserted before the one labelled ``before``."""
    rows = list(ROWS)
    at = next(i for i, (existing, _) in enumerate(rows) if existing.strip() == before.strip())
    rows.insert(at, (label, credits))
    return tuple(rows)


def relabelled(old: str, new: str) -> tuple[tuple[str, dict[str, float]], ...]:
    return tuple((new if label.strip() == old.strip() else label, credits) for label, credits in ROWS)


def release(headers: tuple[str, ...], credits: dict[str, tuple[float, ...]]) -> Layout:
    """Another release: its headers and, for the lines given (by label), their credits; the
    other lines get filler: the documented May figure under a month (July's year to date
    included), the documented year to date under a longer span."""
    rows = []
    for label, documented in ROWS:
        spans = ["FY" in header and "-" in header.split(",")[0] for header in headers]  # "Jul-Apr, FY26", not "Jul, FY26"
        filler = tuple(documented["Jul-May, FY26 (P)"] if span else documented["May-26 (P)"] for span in spans)
        rows.append((label, dict(zip(headers, credits.get(label.strip()) or filler))))
    return Layout(headers=headers, rows=tuple(rows))
