"""Write the demo's sample of SBP's trade in services workbook: ``ecodata/dt.xls``.

The sample has the layout of SBP's ``dt.xls`` (sheet ``EBOPS ``, see README.md, "Official
figures") as it stood for the release of July 2025, published in the demo week (2025-W34):
June 2025 revised, July 2025 provisional, and July of FY25 and FY26 as year to date.
Run it again after changing a figure (it needs xlwt, a test extra):

    .venv/bin/python monitor/demo_site/sbp/make_dt_xls.py

Figures are US$ thousands, credit (exports). Those marked ``# published`` are the figures
SBP released and the demo's articles quote: IT & ITeS exports (line 9) of $338m in June 2025,
$354m in July 2025 and $286m in July 2024; computer services $311m and software consultancy
$104m (June $96m) in July 2025; services $745.5m in July 2025. The others are illustrative,
chosen so that the lines add up: they are not SBP's figures.
"""

from __future__ import annotations

from pathlib import Path

import xlwt

HEADERS = ("Jun-25 (R)", "Jul-25 (P)", "Jul, FY25", "Jul, FY26 (P)")
NBSP = "\u00a0"

# label: (Jun-25, Jul-25, Jul FY25); Jul FY26 is Jul-25 (July is the year so far)
LINES = {
    "Services": (702_400, 745_500, 630_200),  # published: July 2025
    f"9.{NBSP}Telecommunications, Computer and information services": (338_000, 354_000, 286_000),  # published
    "9.1 Telecommunications services": (41_500, 42_700, 38_900),
    "   9.1.1 Call centres": (12_100, 12_600, 10_800),
    "9.2 Computer services": (296_200, 311_000, 246_800),  # published: July 2025
    "   9.2.1 Hardware consultancy services": (900, 950, 800),
    f"   9.2.2{NBSP}Software consultancy services": (96_000, 104_000, 82_400),  # published: June and July 2025
    "   9.2.3 Maintenance & repairs of computer": (2_400, 2_500, 2_100),
    "   9.2.4 Export / Import of Computer Software": (47_300, 49_800, 41_200),
    "   9.2.5 Freelance of Computer and Information Services ": (82_600, 90_400, 56_700),
    "   9.2.6 Other Computer services": (67_000, 63_350, 63_600),
    "9.3 Information services": (300, 300, 300),
    "10. Other business services": (176_900, 187_400, 160_100),
}


def write(path: Path) -> None:
    book = xlwt.Workbook()
    sheet = book.add_sheet("EBOPS ")
    for row, text in enumerate(("State Bank of Pakistan", "Statistics & Data Warehouse Department", "Pakistan's Trade in Services (EBOPS 2010)", "(Thousand US$)")):
        sheet.write(row, 0, text)
    sheet.write(6, 0, "Trade in Services")
    sheet.write(6, 1, 45869)  # a date serial, as in SBP's header row
    for n, header in enumerate(HEADERS):
        sheet.write(6, 4 + 3 * n, header)
        for k, label in enumerate(("Credit", "Debit", "Net")):
            sheet.write(7, 4 + 3 * n + k, label)
    for r, (label, (june, july, july_before)) in enumerate(LINES.items()):
        sheet.write(8 + r, 0, label)
        for n, credit in enumerate((june, july, july_before, july)):
            debit = round(credit * 0.31)  # illustrative
            for k, value in enumerate((credit, debit, credit - debit)):
                sheet.write(8 + r, 4 + 3 * n + k, value)
    book.save(str(path))


if __name__ == "__main__":
    out = Path(__file__).resolve().parent / "ecodata" / "dt.xls"
    out.parent.mkdir(exist_ok=True)
    write(out)
    print(out)
