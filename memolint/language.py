"""Which language a text is written in: scripts first, then stopwords.

memolint's English-only rules (word lists, Flesch formulas, passive
heuristics) produce nonsense on other languages, so the engine needs to know
the language of a memo and of each paragraph. A model-based detector would
mean a download or a heavy dependency; a memo paragraph is long enough for a
much simpler test, offline and deterministic:

1. Count the letters of each script. Hangul → ``ko``; kana → ``ja`` (Japanese
   mixes kana with kanji, Chinese has no kana); Han without kana → ``zh``;
   Cyrillic → ``ru``; Greek, Arabic, Hebrew, Thai and Devanagari likewise.
   A Hangul syllable, kana or Han character carries about as much as three
   Latin letters (an English word averages ~4.7 letters, a Korean eojeol ~3
   syllables), so those scripts weigh ``CJK_WEIGHT`` each: a Korean paragraph
   that names "AWS Lambda" and "API" stays Korean.
2. Latin text is split among the languages in :data:`STOPWORDS` by counting
   which of each language's most frequent function words it holds; the most
   win (ties go to the earlier language in the table, English first).

Too little text (under ``MIN_WEIGHT`` weighted letters, or Latin text with
fewer than ``MIN_STOPWORDS`` stopwords of any one language) is ``"und"``
(undetermined, as in BCP 47).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

UNDETERMINED = "und"
#: Weighted letters by language code: a plain dict (one is made per block, and
#: making a ``collections.Counter`` costs an ``isinstance`` test against an ABC).
Weights = dict[str, int]
#: A language as users and packs write it: a two-letter ISO 639-1 code.
ISO_CODE = re.compile(r"[a-z]{2}")
#: Weight of one Hangul, kana or Han character against one Latin letter.
CJK_WEIGHT = 3
#: Fewer weighted letters than this cannot be told apart ("und").
MIN_WEIGHT = 12
#: Latin text names its language only with this many different stopwords of it:
#: one ("per", "a") is as likely a borrowing as evidence.
MIN_STOPWORDS = 2
#: A memo is *mixed* when a second language holds at least this share of its
#: weighted prose letters; ``Analysis.language_shares`` lists those languages.
MIXED_SHARE = 0.1

#: Script → (character class, language, weight). Latin is resolved by stopwords.
_SCRIPTS: tuple[tuple[str, str, str, int], ...] = (
    ("ko", "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f", "ko", CJK_WEIGHT),
    ("kana", "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f", "ja", CJK_WEIGHT),
    ("han", "\u4e00-\u9fff\u3400-\u4dbf", "zh", CJK_WEIGHT),
    ("cyr", "\u0400-\u04ff", "ru", 1),
    ("el", "\u0370-\u03ff", "el", 1),
    ("ar", "\u0600-\u06ff", "ar", 1),
    ("he", "\u0590-\u05ff", "he", 1),
    ("th", "\u0e00-\u0e7f", "th", 1),
    ("hi", "\u0900-\u097f", "hi", 1),
)
_LANGUAGE = {name: (language, weight) for name, _, language, weight in _SCRIPTS}


@cache
def _script_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(any character of a script other than Latin, one run of each script by name).

    Built on the first detection, not at import: compiling these wide character
    classes costs ~10 ms, which the cached re-run (it imports this module
    through the config) must not pay.
    """
    non_latin = re.compile("[" + "".join(chars for _, chars, _, _ in _SCRIPTS) + "]")
    runs = re.compile("|".join(f"(?P<{name}>[{chars}]+)" for name, chars, _, _ in _SCRIPTS))
    return non_latin, runs

#: The most frequent function words of each Latin-script language memolint tells
#: apart (our own short lists, from general knowledge of each language). Words
#: shared by several languages ("in", "a") count for each and so decide nothing.
_STOPWORD_TEXT: dict[str, str] = {
    "en": (
        "the and of to is are was were be been this that with for on we our it not "
        "will would should have has had from by an they their which what when how "
        "you your can about than a in at as or but also more"),
    "de": (
        "der die das und ist nicht ein eine einen dem den des mit für auf wir sich "
        "zu von im wird werden auch als bei sind dass oder aus nach wie über"),
    "fr": (
        "le la les et est des une un du dans pour que qui pas nous sur avec ce sont "
        "au aux par plus ne cette mais ou leur été être"),
    "es": (
        "el la los las y es de que en un una por con para del se al lo como más pero "
        "sus está son nosotros fue este esta también"),
    "pt": (
        "o a os as e é de que em um uma do da dos das para com não por mais se na no "
        "ao como nós foi está são também"),
    "it": (
        "il lo la gli le e è di che un una per con non del della dei nel sono più "
        "anche come questo questa noi alla al ma"),
    "nl": (
        "de het een en is van dat die niet op te voor met zijn wij we ook aan er "
        "maar als bij worden wordt naar dit"),
}
STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split()) for code, words in _STOPWORD_TEXT.items()
}


def language_weights(text: str, lower_runs: list[str] | None = None) -> Weights:
    """Weighted letters by language, the Latin ones credited to the stopword winner.

    Speed matters (every prose block of every memo passes through here), so
    the Latin side is approximate where that cannot change an answer: its
    "letters" are the non-space characters outside the other scripts (digits
    and punctuation included, about 3 % of English prose), and a language's
    score is how many *different* stopwords of it the text holds. Latin text
    with too few stopwords counts under "und": letters of no language memolint
    can name. English prose has no other script: ASCII text never needs the
    search for one. ``lower_runs`` is ``text.lower().split()`` when the caller
    has it already (:attr:`memolint.document.Block.lower_runs`): one split per block.
    """
    weights: Weights = {}
    other = 0
    if lower_runs is None:
        lower_runs = text.lower().split()
    if text.isascii():  # no other script; its letters: all but the white space
        latin = visible_characters(text)
    else:
        non_latin, runs = _script_patterns()
        if non_latin.search(text):
            for match in runs.finditer(text):
                language, weight = _LANGUAGE[match.lastgroup or ""]
                size = len(match.group())
                other += size
                weights[language] = weights.get(language, 0) + weight * size
            if "ja" in weights:  # kana: the Han characters around it are Japanese kanji
                weights["ja"] += weights.pop("zh", 0)
        latin = len("".join(lower_runs)) - other
    if latin > 0:
        key = stopword_language(lower_runs)
        weights[key] = weights.get(key, 0) + latin
    return weights


def stopword_language(lower_runs: Iterable[str]) -> str:
    """The language most of whose stopwords the runs hold ("und" under ``MIN_STOPWORDS``).

    Of equals, the first in :data:`STOPWORDS` wins. Most memos are English, so
    English is scored first: when no other language can hold more of the
    text's stopwords than English does (all of theirs in the text at most),
    English wins the tie-break or outright without the other six counts.
    """
    found = _ANY_STOPWORD.intersection(lower_runs)
    first = len(found & _FIRST_STOPWORDS)
    if first >= len(found & _LATER_STOPWORDS):
        best, most = _FIRST_LANGUAGE, first
    else:
        hits = {code: len(words & found) for code, words in STOPWORDS.items()}
        best = max(hits, key=hits.__getitem__)  # of equals, the first in the table
        most = hits[best]
    return best if most >= MIN_STOPWORDS else UNDETERMINED


def visible_characters(text: str) -> int:
    """Characters other than white space (what ``str.split`` keeps), counted in C for ASCII."""
    if text.isascii():
        return len(text.encode().translate(None, _ASCII_SPACE))
    return len("".join(text.split()))


#: The ASCII characters ``str.split`` splits at.
_ASCII_SPACE = bytes(c for c in range(128) if chr(c).isspace())
#: Every stopword of every language.
_ANY_STOPWORD: frozenset[str] = frozenset().union(*STOPWORDS.values())
#: The first language of the table (English), its stopwords, and all the others' together.
_FIRST_LANGUAGE = next(iter(STOPWORDS))
_FIRST_STOPWORDS = STOPWORDS[_FIRST_LANGUAGE]
_LATER_STOPWORDS: frozenset[str] = frozenset().union(
    *(words for code, words in STOPWORDS.items() if code != _FIRST_LANGUAGE))


def dominant(weights: Mapping[str, int]) -> str:
    """The language with the most weighted letters, or "und" below the minimum."""
    if len(weights) == 1:  # one language or none, the common case: no sums to take
        (code, weight), = weights.items()
        return code if weight >= MIN_WEIGHT else UNDETERMINED
    named = {k: v for k, v in weights.items() if k != UNDETERMINED}
    if sum(weights.values()) < MIN_WEIGHT or not named:
        return UNDETERMINED
    return max(named, key=lambda code: named[code])


def detect_language(text: str) -> str:
    """The language of ``text``: an ISO 639-1 code, or "und" when it cannot tell."""
    return dominant(language_weights(text))


def combine(parts: Iterable[Mapping[str, int]]) -> Weights:
    """The weights of several texts together (a document from its paragraphs)."""
    total: Weights = {}
    for part in parts:
        for code, weight in part.items():
            total[code] = total.get(code, 0) + weight
    return total


def shares(weights: Mapping[str, int]) -> dict[str, float]:
    """Each named language's share of the named letters, those at ``MIXED_SHARE`` or more.

    Two entries or more mean a mixed memo; the largest first.
    """
    named = {k: v for k, v in weights.items() if k != UNDETERMINED}
    total = sum(named.values())
    found = {k: round(v / total, 3) for k, v in named.items() if total and v / total >= MIXED_SHARE}
    return dict(sorted(found.items(), key=lambda item: -item[1]))
