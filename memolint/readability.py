"""Readability scores computed on memolint's own sentences.

textstat supplies syllable counts (CMUdict, with Pyphen for unknown words).
It is pinned below 0.7.9: later versions fetch CMUdict through NLTK at run
time, and memolint never touches the network. The dictionary costs ~1 s to
load, so textstat is imported only when a score is needed, and textstat
caches the dictionary for the rest of the process. The Flesch formulas are
applied here to memolint's sentence and word counts, so headings, code,
tables and list labels never distort the score, and textstat's global
language setting is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    """Flesch Reading Ease and Flesch-Kincaid grade for a body of text."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float


def syllables(text: str) -> int:
    """Syllables in ``text`` (English)."""
    import textstat

    return textstat.syllable_count(text)


def flesch_scores(words: int, sentences: int, syllable_count: int) -> Scores | None:
    """The two Flesch scores, or None when there is no prose to score."""
    if not words or not sentences:
        return None
    per_sentence = words / sentences
    per_word = syllable_count / words
    return Scores(
        flesch_reading_ease=round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 1),
        flesch_kincaid_grade=round(0.39 * per_sentence + 11.8 * per_word - 15.59, 1),
    )
