"""Readability scores computed on memolint's own sentences.

Syllables are counted as textstat 0.7.8 counts them (the version the tests
pin): punctuation removed as textstat removes it, then each word's count
from CMUdict's first pronunciation, or from Pyphen's hyphenation points for
words the dictionary lacks. Loading CMUdict costs about a second, so the
dictionary's counts ship precomputed in ``memolint/data/syllables.txt``
(written by ``tools/gen_syllables.py``) and textstat itself is not needed at
run time; a test compares the counts with textstat's. A memo uses about a
thousand distinct words of the table's 125,000, so the table is never built:
its words are looked up in the sorted text (:class:`_Counts`). The Flesch
formulas are applied here to memolint's sentence and word counts, so
headings, code, tables and list labels never distort the score.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from memolint.nlp import without_urls

if TYPE_CHECKING:
    from memolint.nlp import Sentence


#: The languages the Flesch formulas were fitted to: every score (check,
#: stats, the HTML heat) is taken over these languages' sentences only.
LANGUAGES = ("en",)


class Scores(NamedTuple):
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

    Building a dict of all 125,000 words costs ~100 ms per process (allocating
    their strings), while a memo uses about a thousand. So the shipped text of
    ``<word> <count>`` lines, sorted by word, is kept as one string with a
    sparse index (the first word of every ~:data:`_CHUNK` characters), and a
    word is found by bisecting the index, then searching that chunk alone.
    Each word is looked up once: its count, from the text or from Pyphen, is
    kept in this dict (emptied past :data:`_MAX_WORDS` entries), so warm runs
    read plain dict entries.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        #: The lines with a line feed before the first, so every line is "\n<word> <count>".
        text = self._text = "\n" + text
        starts = [1]
        end = text.find("\n", 1 + _CHUNK)
        while 0 <= end < len(text) - 1:
            starts.append(end + 1)
            end = text.find("\n", end + 1 + _CHUNK)
        #: Where each chunk's first line starts, and its word (the sparse index).
        self._starts = starts
        self._keys = [text[start:text.index(" ", start)] for start in starts]

    def __missing__(self, word: str) -> int:
        if len(self) >= _MAX_WORDS:
            self.clear()
        found = self.listed(word)
        count = self[word] = _undictionaried(word) if found is None else found
        return count

    def listed(self, word: str) -> int | None:
        """CMUdict's count for ``word`` (lower case, no white space), or None if it lacks it."""
        chunk = bisect_right(self._keys, word)
        if not chunk:
            return None
        end = self._starts[chunk] if chunk < len(self._starts) else len(self._text)
        at = self._text.find(f"\n{word} ", self._starts[chunk - 1] - 1, end)
        if at == -1:
            return None
        at += len(word) + 2
        return int(self._text[at:self._text.index("\n", at)])


#: Characters between the sparse index's words: ~1,300 index entries, ~60 lines per search.
_CHUNK = 1024
#: Words kept by :class:`_Counts`: a memo's thousand or so many times over (a few MB at most).
_MAX_WORDS = 65536


@cache
def _dictionary() -> _Counts:
    """Syllables by word over CMUdict's counts, read once per process."""
    data = (Path(__file__).parent / "data" / "syllables.txt").read_bytes()
    return _Counts(data.decode("utf-8"))


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
    The marks are digit characters, as the patterns hold them: for single
    digits ``max`` picks the same mark among characters as among numbers.
    """
    patterns, longest = _hyphenation()
    pointed = f".{word}."
    marks = ["0"] * (len(pointed) + 1)
    for i in range(len(pointed) - 1):
        for j in range(i + 1, min(i + longest, len(pointed)) + 1):
            found = patterns.get(pointed[i:j])
            if found:
                window = slice(i, i + len(found))
                marks[window] = map(max, found, marks[window])
    # Pyphen keeps points at least two characters from either end.
    return sum(1 for i, mark in enumerate(marks) if mark in _ODD and 2 <= i - 1 <= len(word) - 2)


#: The marks that allow a hyphen (Liang: odd values).
_ODD = frozenset("13579")


@cache
def _hyphenation() -> tuple[dict[str, str], int]:
    """Pyphen's en_US patterns as its ``HyphDict`` parses them, and the longest key.

    Each pattern's values are one string of digits, from the pattern's first
    character (Pyphen's start offset as leading zeros). Kept in the
    per-machine cache (:func:`memolint.tomlcache.remembered`) under the
    dictionary file's path, size and time, so a new Pyphen parses again; kept
    as one text of patterns and values on alternate lines (Pyphen reads one
    pattern a line, so none holds a line feed), since splitting it costs
    less than a quarter of decoding 11,000 ``[start, [values]]`` JSON lists.
    """
    from memolint.tomlcache import remembered

    path = _pyphen_dictionary()
    stat = path.stat()

    def parse() -> list:
        import pyphen

        parsed = pyphen.HyphDict(path)
        return ["\n".join(f"{key}\n{'0' * start}{''.join(map(str, values))}"
                          for key, (start, values) in parsed.patterns.items()), parsed.maxlen]

    text, longest = remembered("hyphenation", f"lines|{path}|{stat.st_size}|{stat.st_mtime_ns}",
                               parse)
    lines = text.split("\n")
    return dict(zip(lines[::2], lines[1::2], strict=True)), longest


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
    return flesch_scores(sum(sentence.words for sentence in found), len(found),
                         sum(syllable_counts([sentence.text for sentence in found])))


def syllable_counts(texts: list[str]) -> list[int]:
    """The syllables of each text; those not counted yet are counted together first.

    For sums over parts of a memo (its sections, its paragraphs) without
    looking each sentence up again for each part.
    """
    if not all(map(_COUNTED.__contains__, texts)):
        count_sentences(texts)
    return list(map(_COUNTED.__getitem__, texts))


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
