"""Korean word lists as data: eojeol-aware patterns for stems and their endings.

A Korean eojeol is a stem with particles (josa) or endings (eomi) attached:
``추후에는``, ``대부분의``, ``것 같습니다``. An English whole-word pattern
would miss every inflected form, and a bare substring search would hit
``곧`` inside ``곧바로`` or ``일부`` inside ``일부러``. A Korean term in a rule's
list is therefore written as a small, documented pattern:

* ``추후`` — a noun or adverb: the whole eojeol, or the term followed by one
  or two particles from the rule's ``particles`` list (``추후에``,
  ``추후에는``), and nothing else (``곧바로`` is not ``곧``);
* ``것 같-`` — a trailing ``-`` marks a predicate stem: any ending may follow
  (``같다``, ``같습니다``, ``같아요``). When the stem's last syllable has no
  final consonant, that consonant may come from the ending
  (``보이-`` matches ``보입니다``, ``보인다``; ``하-`` matches ``합니다``);
  irregular contractions are listed as their own stems (``생각해-``);
* ``~지도 모르-`` — a leading ``~`` marks a unit attached to a preceding
  syllable (an ending written onto a verb: ``될지도 모릅니다``);
* spaces separate eojeol (any run of white space matches).

Every term starts at the start of an eojeol (after white space, punctuation
or a quote) unless it begins with ``~``. The terms are compiled into one
character trie regex with the English word lists' machinery
(:func:`memolint.wordlists.trie_regex`), cached per list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from memolint.wordlists import trie_regex

_SYLLABLES = 11172  # 가 (U+AC00) .. 힣 (U+D7A3)
_FINALS = 28  # final consonants per initial-medial pair, "none" first
#: Any Hangul syllable. Case-sensitive inside the case-insensitive term patterns:
#: Hangul has no case, and a range compiled case-insensitively costs Python's
#: regex compiler one call per character of it (~11,000), tens of ms per pattern.
_HANGUL = "(?-i:[\uac00-\ud7a3])"
#: Korean spelled numbers before a counter: "두 배", "세 달", "한 명".
SPELLED_NUMBER = (r"(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무)\s?"
                  r"(?:배|명|개|곳|달|주|해|번|차례|분기|시간)")
#: A number, in digits or spelled, or a share: the data a vague word should give way to.
NUMBER = re.compile(rf"\d|절반|퍼센트|(?<!{_HANGUL}){SPELLED_NUMBER}")


def _open_syllable(char: str) -> bool:
    """A Hangul syllable without a final consonant (하, 이, 르)."""
    code = ord(char) - 0xAC00
    return 0 <= code < _SYLLABLES and code % _FINALS == 0


def _stem_units(stem: str) -> list[str]:
    """Regex units of a predicate stem: its last open syllable takes any final consonant."""
    units = [re.escape(c) for c in stem]
    if stem and _open_syllable(stem[-1]):
        units[-1] = f"[{stem[-1]}-{chr(ord(stem[-1]) + _FINALS - 1)}]"
    return units


def _term_units(term: str, tail: str) -> list[str]:
    """A term as regex units: start condition, characters, white space, its tail."""
    words = term.split()
    attached = words[0].startswith("~")
    words[0] = words[0].lstrip("~")
    predicate = words[-1].endswith("-") and len(words[-1]) > 1
    units = [f"(?<={_HANGUL})" if attached else r"(?<![\w])"]
    for n, word in enumerate(words):
        if n:
            units.append(r"\s+")
        if n == len(words) - 1 and predicate:
            units += _stem_units(word[:-1])
        else:
            units += [re.escape(c) for c in word]
    units.append(f"{_HANGUL}*(?!\\w)" if predicate else tail)
    return units


def term_pattern(terms: Iterable[str], particles: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any Korean term (see the module docstring for the syntax)."""
    return _compile(tuple(sorted({" ".join(t.split()) for t in terms if t.strip()})),
                    tuple(sorted({p.strip() for p in particles if p.strip()})))


@lru_cache(maxsize=64)
def _compile(terms: tuple[str, ...], particles: tuple[str, ...]) -> re.Pattern[str]:
    if not terms:
        return re.compile(r"(?!)")
    ordered = sorted(particles, key=len, reverse=True)
    joined = "|".join(re.escape(p) for p in ordered)
    tail = f"(?:{joined}){{0,2}}(?!\\w)" if ordered else r"(?!\w)"
    trie: dict[str, dict] = {}
    for term in terms:
        node = trie
        for unit in _term_units(term, tail):
            node = node.setdefault(unit, {})
        node[""] = {}
    return re.compile(trie_regex(trie), re.IGNORECASE)
