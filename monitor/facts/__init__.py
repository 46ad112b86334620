"""Figures about the watched subjects, as dated facts.

:func:`extract_facts` reads an article sentence by sentence and turns each figure that is
about a watched subject into a :class:`~monitor.models.Fact`:

* **Figures.** Money (``$354m``, ``$348Mn``, ``$1.3bln``, ``US$ 2.616 billion``,
  ``$1,941.350 million``, ``Rs30 billion``, ``700 million USD``, Urdu ``38 کروڑ 60 لاکھ ڈالر``),
  percentages (``24pc``, ``23.7 per cent``, ``24%``, ``24 فیصد``), counts (``2.37 million
  freelancers``, ``23 lac``) and ranks (``ranks 4th``, ``fourth-largest``, ``top five``).
  Money becomes ``USD_million`` or ``PKR_million``; Urdu digits are read as digits, and a
  line in capitals ("ICT EXPORTS HIT $367M IN NOVEMBER, UP 21PC YOY") as a title in ordinary
  case would write it (:func:`monitor.text.in_ordinary_case`). Tables written in lines and
  a chart's pairs of a period and a bare number ("IT exports ($bn): FY21 2.07, FY22 2.55") take
  the unit of their heading (:func:`table_lines`, :func:`chart_rows`); a table with its cells
  apart ("Jul | 214 | 197 | +9%") is read row by row under its heading row and caption
  (:func:`pipe_rows`), and a box's figure on its line with the caption under it
  (:func:`box_lines`). Amounts
  listed with their currency said once, after the last (``352 million and 188 million
  dollars``, ``2 ارب 62 کروڑ، 3 ارب 22 کروڑ اور 3 ارب 80 کروڑ ڈالر``), are all in it.
* **Subjects.** Each figure belongs to the nearest subject named before it in its clause
  (clauses end at ", while", ", and", ";" ...), else to one named just after it, else to the
  nearest before it in the sentence (else, in a clause about "this increase", to the first
  named after it): IT/ICT exports, freelancers, VPNs, parts of ICT exports (computer or
  telecom services, kept as ``other``), or a subject the monitor does not track (total
  exports, workers' remittances, imports, GDP...), named only so that its figures are not
  taken for ours. A subject owned by another country by name ("Bangladesh's IT exports") is
  not ours, nor is a clause led by another country ("Bangladesh earned $1.3bn from IT
  exports"), nor, in an article whose headline or lead makes another country the owner, a
  sentence that names nothing Pakistani. A rank is the country's named last before it or in
  it ("placed Pakistan 95th"), never one named as ranked ahead ("after India and Bangladesh").
  A list's item number ("2. ", "۲۔ ") is no sentence, and a ticker's cells ("Jan: $345mn |
  MoM: -14.2%") are clauses, a rate's label its basis. Figures given "respectively" (بالترتیب) pair with their subjects or periods in
  order, and none is kept when the counts differ. A clause that says "also" (بھی) goes on from
  the one before it, and an item of a bulleted list with no subject from the item before it
  (a key-figures box: "• March IT exports at $398m" then "• 9MFY26 tally at $3.25bn"). A sentence that names no subject but refers back (``they``, ``the
  sector``, ``exports``) inherits the subject and period of the sentence before it.
* **Periods.** ``2025-07`` (a month; a month without a year is the latest such month on or
  before the article's date), ``2024`` (a calendar year), ``FY2024-25`` (July to June),
  ``FY2024-25:Jul-Mar`` (months so far: ``9MFY25``, ``Jul-Mar``, ``first nine months``),
  ``FY2025-26:Q1`` and ``FY2025-26:H1`` (also for ``Jul-Sep`` and ``Jul-Dec``); or ``""``
  when the text gives none. A fiscal year still running at the article's date (named,
  inferred from its base, or "FYTD") is its months so far, unless the sentence looks ahead. A
  figure dated only by a period that cannot be resolved ("last year" with nothing to be a year
  before) is no fact, and neither is a count over months of a year not named fiscal. A figure takes the period of its clause, else one
  that frames the sentence. Bases of comparisons (``compared to FY23``, ``from $345m in
  March``, ``same period last year``, Urdu ``جو ... تھیں``) date only the comparison figure,
  never the headline one (a rate only when it opens the comparison: "compared to 9pc growth
  in February"), and a period that labels the figure after it ("$3.79bn (FY24: $3.22bn)") is
  that figure's; a growth rate without a period takes that of the sentence before, if about
  the same subject. Counts and ranks are never dated by the sentence before.
  A period named but not placeable (a month or "the current fiscal year" with no date) gives
  no fact; "the lowest since May 2022" names no period of the figure; a period restated after
  "i.e." (یعنی) is the one before it; "the fiscal year that ended in June", "the 2025 fiscal
  year" and "fiscal 2021" are fiscal years; "the previous fiscal year" of a base is the year
  before the one compared with; a sentence's own base dates it over the sentence before.
* **Series.** ``it_exports_monthly`` / ``_cumulative`` / ``_annual`` by the kind of period,
  ``freelancer_earnings``, ``freelancer_count``, ``vpn_registrations``, ``ranking`` (a rank
  in a clause about freelancing, IT or an index, and not another country's). Percentages on
  a series are growth rates (declines negative); shares are not. Targets, projections,
  changes ("up by $20m", "10 لاکھ کا اضافہ", "37pc, or $84m"), averages, allocations, taxes, losses, programme claims, memberships
  and counts of something else ("4.6 million students") about a watched subject go to
  ``other``; counts under 1,000 in ``other`` are dropped.
* **Plausibility.** Each series accepts one unit and a range of values
  (:data:`PLAUSIBLE`); a figure outside it (say "$1.46 million" of monthly exports, where
  billion was meant) is logged on ``monitor.facts`` at INFO with its quote and dropped; a
  level too large for its series ("remittances rose 30pc to $3.1bn in March") takes the
  rates of that series and period in its sentence with it.

:func:`same_fact` and :func:`is_revision` tell whether two facts are the same figure from
different outlets, or a revision of an earlier one; :func:`relation` applies them to a new
report and the known figures the archive looks up by :func:`fact_key`, and :func:`relations`
replays them over a series' reports in the order found.

The package's modules, each testable alone: ``_numbers`` (figures), ``_periods`` (the
fiscal calendar and period forms), ``_subjects``, ``_classify`` (series), ``_extract``
(sentence by sentence) and ``_series`` (series, units, plausible ranges, same figure or
revision). Sentences are split by :mod:`monitor.text`.
"""

from __future__ import annotations

from ..text import normalise_digits, split_sentences
from ._classify import classify
from ._extract import MAX_QUOTE, extract_facts
from ._numbers import Figure, find_figures
from ._periods import Period, canonical_period, find_periods, fiscal_year, period_end, shift_period
from ._series import (
    BASIS_LABELS,
    PLAUSIBLE,
    REVISION_TOLERANCE,
    SAME_TOLERANCE,
    SERIES,
    UNITS,
    fact_key,
    is_revision,
    related_values,
    relation,
    relations,
    same_fact,
)
from ._subjects import Subject, find_subjects

__all__ = [
    "BASIS_LABELS",
    "MAX_QUOTE",
    "PLAUSIBLE",
    "REVISION_TOLERANCE",
    "SAME_TOLERANCE",
    "SERIES",
    "UNITS",
    "Figure",
    "Period",
    "Subject",
    "canonical_period",
    "period_end",
    "classify",
    "extract_facts",
    "fact_key",
    "find_figures",
    "find_periods",
    "find_subjects",
    "fiscal_year",
    "is_revision",
    "normalise_digits",
    "related_values",
    "relation",
    "relations",
    "same_fact",
    "shift_period",
    "split_sentences",
]
