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

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from memolint.nlp import URL

if TYPE_CHECKING:
    from memolint.nlp import Sentence


@dataclass(frozen=True)
class Scores:
    """Flesch Reading Ease and Flesch-Kincaid grade for a body of text."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float


def syllables(text: str) -> int:
    """Syllables in ``text`` (English); URLs and e-mail addresses are not read."""
    import textstat

    return textstat.syllable_count(URL.sub(" ", text))


@lru_cache(maxsize=65536)  # a 600-page memo has ~20,000 sentences; ~15 MB at most
def sentence_syllables(text: str) -> int:
    """Syllables of one sentence, memoised: several rules score the same sentences.

    textstat's own cache holds 128 texts, fewer than a memo has sentences.
    """
    return syllables(text)


def scores_of(sentences: Iterable[Sentence]) -> Scores | None:
    """Flesch scores of some sentences (a section, a paragraph, one sentence).

    Words per sentence and syllables per word come from the same counts as the
    document score, so a section's score is what textstat gives for its text.
    """
    words = count = syllable_count = 0
    for sentence in sentences:
        words += sentence.words
        count += 1
        syllable_count += sentence_syllables(sentence.text)
    return flesch_scores(words, count, syllable_count)


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
