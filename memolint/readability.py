"""Readability scores computed on memolint's own sentences.

Syllables are counted as textstat 0.7.8 counts them (the version the tests
pin): punctuation removed as textstat removes it, then each word's count
from CMUdict's first pronunciation, or from Pyphen's hyphenation points for
words the dictionary lacks. Loading CMUdict costs about a second, so the
dictionary's counts ship precomputed in ``memolint/data/syllables.txt.gz``
(written by ``tools/gen_syllables.py``, ~20 ms to load, only when a score is
needed) and textstat itself is not needed at run time; a test compares the
counts with textstat's. The Flesch formulas are applied here to memolint's
sentence and word counts, so headings, code, tables and list labels never
distort the score.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from memolint.nlp import without_urls

if TYPE_CHECKING:
    from memolint.nlp import Sentence


#: The languages the Flesch formulas were fitted to: every score (check,
#: stats, the HTML heat) is taken over these languages' sentences only.
LANGUAGES = ("en",)


@dataclass(frozen=True)
class Scores:
    """Flesch Reading Ease and Flesch-Kincaid grade for a body of text."""

    flesch_reading_ease: float
    flesch_kincaid_grade: float


#: textstat's punctuation removal: apostrophes go unless they start a
#: contraction's ending ("don't", "we've" keep theirs), then every other mark.
#: textstat removes the two in turn; in one pass the result is the same, since
#: the apostrophes' test looks at the original text either way and the other
#: marks are removed wherever they stand.
_PUNCTUATION = re.compile(r"'(?![tsd]|ve|ll|re)|[^\w\s']")
#: The same removal for ASCII text, several times faster: the apostrophes by
#: their own pattern (it looks at the original text, as in one pass), then every
#: other mark as ``bytes.translate`` deletes them (the table is built from the pattern).
_LONE_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_ASCII_MARKS = bytes(c for c in range(128) if c != ord("'") and _PUNCTUATION.match(chr(c)))


def without_punctuation(text: str) -> str:
    """``text`` with punctuation removed as textstat removes it (:data:`_PUNCTUATION`)."""
    if not text.isascii():
        return _PUNCTUATION.sub("", text)
    if "'" in text:
        text = _LONE_APOSTROPHE.sub("", text)
    return text.encode().translate(None, _ASCII_MARKS).decode()


def syllables(text: str) -> int:
    """Syllables in ``text`` (English); URLs and e-mail addresses are not read."""
    words = without_punctuation(without_urls(text)).lower().split()
    return sum(map(_dictionary().__getitem__, words))


class _Counts(dict[str, int]):
    """Syllables by word: CMUdict's counts, and Pyphen's for the words it lacks.

    A word not in the dictionary is answered by :func:`_undictionaried` and
    not stored, so looking words up never grows the table.
    """

    def __missing__(self, word: str) -> int:
        return _undictionaried(word)


@cache
def _dictionary() -> _Counts:
    """CMUdict's syllable counts (word → count), read once per process."""
    data = (Path(__file__).parent / "data" / "syllables.txt.gz").read_bytes()
    table = _Counts()
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        count, *words = line.split(" ")
        table.update(dict.fromkeys(words, int(count)))
    return table


@lru_cache(maxsize=65536)
def _undictionaried(word: str) -> int:
    """Syllables of a word CMUdict lacks: Pyphen's hyphenation points plus one.

    Pyphen never splits within two characters of either end, so shorter
    words (and numbers, which its letter patterns never match) are one
    syllable without loading its patterns.
    """
    if len(word) < 4 or word.isdigit():
        return 1
    return _hyphen_points(word) + 1


def _hyphen_points(word: str) -> int:
    """``len(pyphen.Pyphen(lang="en_US").positions(word))`` for a lower-case word.

    Pyphen's own algorithm (Liang's, over the patterns its ``HyphDict``
    parsed), without importing Pyphen and parsing its dictionary in each
    process (~80 ms): the parsed patterns come from :func:`_hyphenation`.
    """
    patterns, longest = _hyphenation()
    pointed = f".{word}."
    marks = [0] * (len(pointed) + 1)
    for i in range(len(pointed) - 1):
        for j in range(i + 1, min(i + longest, len(pointed)) + 1):
            found = patterns.get(pointed[i:j])
            if found:
                offset, values = found
                window = slice(i + offset, i + offset + len(values))
                marks[window] = map(max, values, marks[window])
    # Pyphen keeps points at least two characters from either end.
    return sum(1 for i, mark in enumerate(marks) if mark % 2 and 2 <= i - 1 <= len(word) - 2)


@cache
def _hyphenation() -> tuple[dict[str, list], int]:
    """Pyphen's en_US patterns as its ``HyphDict`` parses them, and the longest key.

    Kept in the per-machine cache (:func:`memolint.tomlcache.remembered`)
    under the dictionary file's path, size and time, so a new Pyphen parses
    again.
    """
    from memolint.tomlcache import remembered

    path = _pyphen_dictionary()
    stat = path.stat()

    def parse() -> list:
        import pyphen

        parsed = pyphen.HyphDict(path)
        return [{key: [start, list(values)] for key, (start, values) in parsed.patterns.items()},
                parsed.maxlen]

    patterns, longest = remembered("hyphenation", f"{path}|{stat.st_size}|{stat.st_mtime_ns}",
                                   parse)
    return patterns, longest


def _pyphen_dictionary() -> Path:
    """Pyphen's en_US dictionary file, found without importing Pyphen when possible."""
    spec = importlib.util.find_spec("pyphen")
    if spec and spec.origin:
        path = Path(spec.origin).parent / "dictionaries" / "hyph_en_US.dic"
        if path.is_file():
            return path
    import pyphen

    return Path(pyphen.LANGUAGES[pyphen.language_fallback("en_US")])


class _Counted(dict[str, int]):
    """Syllables of the sentences already counted, by text: several rules score
    the same sentences, so a rule never counts one twice. A text not counted yet
    is counted when looked up; the table is emptied when it would pass
    :data:`_MAX_COUNTED` entries (a 600-page memo has ~20,000 sentences; ~15 MB
    at most)."""

    def __missing__(self, text: str) -> int:
        if len(self) >= _MAX_COUNTED:
            self.clear()
        found = self[text] = syllables(text)
        return found


_COUNTED = _Counted()
_MAX_COUNTED = 65536
#: Joins a memo's sentences to count them in one pass: white space to ``str.split``
#: and to the URL pattern's ``\S``, and no mark to :func:`without_punctuation`, so
#: it ends a word, a URL and a contraction's test exactly as the end of a text does.
_SEPARATOR = "\x1e"


def count_sentences(texts: list[str]) -> None:
    """Count the syllables of the texts not counted yet, ASCII ones in one pass.

    URL blanking, punctuation removal and lower-casing act within a text, so
    on the texts joined by :data:`_SEPARATOR` they give each text's words
    between separators; a text holding the separator is counted alone. Past
    the table's bound, the texts that do not fit are left to be counted when
    looked up.
    """
    new = [text for text in dict.fromkeys(texts) if text not in _COUNTED]
    if len(_COUNTED) + len(new) > _MAX_COUNTED:
        _COUNTED.clear()
        del new[_MAX_COUNTED:]
    joined = _SEPARATOR.join(new)
    if len(new) < 2 or not joined.isascii() or joined.count(_SEPARATOR) != len(new) - 1:
        _COUNTED.update(zip(new, map(syllables, new), strict=True))
        return
    pieces = without_punctuation(without_urls(joined)).lower().split(_SEPARATOR)
    lookup = _dictionary().__getitem__
    _COUNTED.update(zip(new, [sum(map(lookup, piece.split())) for piece in pieces],
                        strict=True))


def scores_of(sentences: Iterable[Sentence]) -> Scores | None:
    """Flesch scores of some sentences (a section, a paragraph, one sentence).

    Words per sentence and syllables per word come from the same counts as the
    document score, so a section's score is what textstat gives for its text.
    The sentences not counted yet are counted together first (the memo's, at
    the first score).
    """
    found = sentences if isinstance(sentences, list) else list(sentences)
    texts = [sentence.text for sentence in found]
    if not all(map(_COUNTED.__contains__, texts)):
        count_sentences(texts)
    return flesch_scores(sum(sentence.words for sentence in found), len(found),
                         sum(map(_COUNTED.__getitem__, texts)))


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
