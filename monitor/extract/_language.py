"""The language."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser


#: Letters Urdu uses and Arabic does not (Persian shares some, not these).
_URDU_LETTERS = frozenset("ٹڈڑںےۓھ")
_PERSIAN_LETTERS = frozenset("پچژگ")
#: Unicode ranges of scripts that name their language, checked in order.
_SCRIPTS = (
    ("\u0600", "\u06ff", "arabic"),
    ("\u0900", "\u097f", "hi"),
    ("\u0980", "\u09ff", "bn"),
    ("\u0a00", "\u0a7f", "pa"),
    ("\u0b80", "\u0bff", "ta"),
    ("\u0e00", "\u0e7f", "th"),
    ("\u0590", "\u05ff", "he"),
    ("\u0400", "\u04ff", "ru"),
    ("\u0370", "\u03ff", "el"),
    ("\u3040", "\u30ff", "ja"),
    ("\uac00", "\ud7af", "ko"),
    ("\u4e00", "\u9fff", "zh"),
)
_LANGUAGE_SAMPLE = 2000
_ENGLISH_WORDS = frozenset(
    "the a an and or of to in on for with by from at as is are was were be has have that this it".split()
)
#: Share of words that must be English function words for undeclared text to count as English.
ENGLISH_SHARE = 0.15


def _choose_language(tree: LexborHTMLParser, text: str) -> str | None:
    """The language: from the text's script when it is not Latin, else ``<html lang>``,
    else English when English function words are common in the text."""
    sample = text[:_LANGUAGE_SAMPLE]
    by_script = _language_from_script(sample)
    if by_script:
        return by_script
    root = tree.root
    declared = (root.attributes.get("lang") or root.attributes.get("xml:lang") or "") if root else ""
    primary = declared.strip().lower().replace("_", "-").split("-")[0]
    if primary.isalpha() and 2 <= len(primary) <= 3:
        return primary
    words = sample.lower().split()
    if words and sum(word in _ENGLISH_WORDS for word in words) >= ENGLISH_SHARE * len(words):
        return "en"
    return None


def _language_from_script(sample: str) -> str | None:
    """The language a non-Latin script implies, when most letters of the sample are in it."""
    letters = [char for char in sample if char.isalpha()]
    if not letters:
        return None
    counts: dict[str, int] = {}
    for char in letters:
        if char >= "\u0370":
            for low, high, name in _SCRIPTS:
                if low <= char <= high:
                    counts[name] = counts.get(name, 0) + 1
                    break
    if not counts:
        return None
    script, count = max(counts.items(), key=lambda item: item[1])
    if count < len(letters) / 2:
        return None
    if script == "arabic":
        if any(char in _URDU_LETTERS for char in sample):
            return "ur"
        return "fa" if any(char in _PERSIAN_LETTERS for char in sample) else "ar"
    return script
