"""Text helpers shared by the analysis stages: digits and sentences."""

from __future__ import annotations

import re
from typing import Iterator

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬", "01234567890123456789.,")
_ABBREVIATIONS = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|No|Nos|Rs|Co|Ltd|Inc|Gen|Lt|Col|Maj|Capt|Engr|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|viz)|\b[A-Z]|\b(?:i\.e|e\.g|I\.e|E\.g))\.$")
_SENTENCE_END = re.compile(r"[.!?؟۔;]+[\"'”’)\]]*\s+")


def normalise_digits(text: str) -> str:
    """Urdu and Arabic-Indic digits and separators as ASCII, one character for one."""
    return text.translate(_DIGITS)


def split_sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """``(paragraph, start, end)`` of each sentence; paragraphs are lines, counted from 0."""
    offset = 0
    for number, line in enumerate(text.split("\n")):
        start = 0
        for m in _SENTENCE_END.finditer(line):
            if _ABBREVIATIONS.search(line[start : m.start() + 1]):
                continue
            if line[start : m.end()].strip():
                yield number, offset + start, offset + m.end()
            start = m.end()
        if line[start:].strip():
            yield number, offset + start, offset + len(line)
        offset += len(line) + 1
