"""Korean sentences and counts, by rule (no morphological analyser).

Korean prose ends its sentences with a final ending and punctuation:
``…합니다.``, ``…했다.``, ``…일까?``, report style ``…증가함.`` or a bare noun
``…12% 증가.``. A period after a Hangul syllable is therefore always a
boundary (Korean writes no abbreviations with periods); the hard cases are the
periods that are not:

* numbers: decimals (``3.5``) have no space after the point and are never
  candidates; dates written with points (``2026. 3. 15.``) and a list label at
  the start of a block (``1.``, ``가.``) do not end a sentence;
* Latin abbreviations in Korean text (``e.g.``, ``vs.``, ``U.S.``, an initial
  before a capital) reuse the English segmenter's list of never-final ones;
* an ellipsis (``…``, ``...``) ends a sentence only after a sentence-final
  ending (``했다…``, ``-요…``); after anything else (``그게… 사실은``) the
  writer trails off inside the sentence;
* quotes and brackets: a terminator inside ``"…"``, ``“…”``, ``「…」``,
  ``(…)`` does not end the outer sentence (``"좋다. 가자." 그는 말했다.`` is two
  sentences, the quote being one), except when it is the quote's own end and
  white space follows (``그는 말했다. "이번엔 다르다." 그리고``): then the
  closing mark stays with the sentence it closes. A quote followed by a
  particle (``"정말일까?"라고 물었다``) never splits: no white space follows.

``?``, ``!`` and their full-width forms always end a sentence before white
space; the CJK full stop ``。`` and full-width ``?``/``!`` also without it.
Everything is linear in the length of the text; a six-page Korean memo takes
a few milliseconds.

Counts: an *eojeol* (어절) is a white-space separated unit, what Korean word
processors count as a word; :func:`eojeol_count` counts those with a letter or
digit, exactly as :func:`memolint.nlp.count_words` counts English words, so
sentence and block word counts agree across languages. Characters are
counted without white space (공백 제외), the usual Korean length measure.
"""

from __future__ import annotations

import re

from memolint.nlp import Sentence, count_words
from memolint.segmenter import NEVER_FINAL

#: Opening mark → its closing mark. Straight double quotes pair with themselves.
_PAIRS = {"(": ")", "[": "]", "{": "}", "\uff08": "\uff09", "\u300c": "\u300d",
          "\u300e": "\u300f", "\u300a": "\u300b", "\u3008": "\u3009", "\u3010": "\u3011",
          "\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(set(_PAIRS) | set(_CLOSING))) + "]")
#: A run of terminal punctuation (ASCII, full-width and CJK forms, ellipses).
_TERMINAL = re.compile(r"[.?!\u3002\uff0e\uff1f\uff01\u2026]+")
#: Terminals that end a sentence even with no white space after them.
_CJK_FINAL = frozenset("\u3002\uff1f\uff01")
_QUESTION_OR_BANG = frozenset("?!\uff1f\uff01")
#: Dates written with points: "2026. 3. 15." or "2026.3." (year. month. [day.]).
_DATE = re.compile(r"\b\d{2,4}\.\s?\d{1,2}\.(?:\s?\d{1,2}\.)?")
#: A list label typed at the start of a block: "1.", "12.", "가.", "IV.", "a.".
_LABEL = re.compile(r"[0-9]{1,3}|[가-하]|[ivxIVX]{1,4}|[a-zA-Z]")
#: Syllables that close a sentence-final ending (했다, 해요, 할까, 하죠, 함, 임 ...).
_FINAL_SYLLABLES = frozenset("다요까죠네자라군함음임됨")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_NON_SPACE = re.compile(r"\S")
_WORD_CHARACTER = re.compile(r"\w")
_PUNCTUATION_ONLY = re.compile(r"(?<!\S)[^\s\w]+(?!\S)")


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def enclosures(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the balanced quotes and brackets in ``text``.

    A closing mark with no matching opener ("1)" as a list label) and an
    opener never closed are ignored, so they cannot swallow the rest of a block.
    """
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for match in _MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if mark == '"' and stack and stack[-1][0] == '"':
            pairs.append((stack.pop()[1], at))
        elif mark in _PAIRS:
            stack.append((mark, at))
        elif any(m == _CLOSING[mark] for m, _ in stack):
            while stack:  # close the nearest matching opener; drop unclosed inner ones
                opened, start = stack.pop()
                if opened == _CLOSING[mark]:
                    pairs.append((start, at))
                    break
    return pairs


def _token_before(text: str, end: int) -> tuple[int, str]:
    """Start offset and text of the run of non-space characters ending at ``end``."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start, text[start:end]


def _next_char(text: str, index: int) -> str:
    """The first character at or after ``index`` that is not white space ("" at the end)."""
    match = _NON_SPACE.search(text, index)
    return match.group() if match else ""


def _in_date(text: str, index: int) -> bool:
    """Whether the point at ``index`` belongs to a date written with points."""
    window = _DATE.finditer(text, max(0, index - 12), index + 12)
    return any(m.start() <= index < m.end() for m in window)


def _period_ends(text: str, start: int) -> bool:
    """Whether a single period at ``start`` ends a sentence (white space follows it)."""
    token_start, token = _token_before(text, start)
    token = token.lstrip("".join(_PAIRS))
    if not token:
        return True
    last = token[-1]
    if token_start == 0 and _LABEL.fullmatch(token):
        return False  # "1. 목적", "가. 배경": a list label typed at the start
    if _is_hangul(last) or not last.isalnum():
        return True
    if last.isdigit():
        if _in_date(text, start):
            return False
        return not (token.isdigit() and _next_char(text, start + 1)[:1].isdigit())
    lowered = token.lower() + "."
    if lowered in NEVER_FINAL or _DOTTED.fullmatch(token.lower()):
        return False
    following = _next_char(text, start + 1)
    return not (len(token) == 1 and token.isupper() and following[:1].isupper())


def _ends(text: str, start: int, run: str) -> bool:
    """Whether a terminal run at ``start`` ends a sentence, judged from its run and context."""
    if any(c in _QUESTION_OR_BANG for c in run):
        return True
    if run in (".", "\uff0e"):
        return _period_ends(text, start)
    before = text[start - 1] if start else ""
    return before in _FINAL_SYLLABLES  # an ellipsis ends a sentence after a final ending


def boundaries(text: str) -> list[int]:
    """Offsets just past each sentence end (after its closing quotes and brackets)."""
    pairs = enclosures(text)
    closes = {close for _, close in pairs}
    found: list[int] = []
    length = len(text)
    for match in _TERMINAL.finditer(text):
        start, end, run = match.start(), match.end(), match.group()
        while end < length and end in closes:
            end += 1
        if end < length and not text[end].isspace() and not _CJK_FINAL & set(run):
            continue
        if any(o < start and c >= end for o, c in pairs):
            continue  # inside a quote or bracket that goes on after this terminal
        if _ends(text, start, run):
            found.append(end)
    return found


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, white space trimmed; none without a word."""
    spans = []
    start = 0
    for end in [*boundaries(text), len(text)]:
        piece = text[start:end]
        stripped = piece.strip()
        if _WORD_CHARACTER.search(stripped):
            first = start + len(piece) - len(piece.lstrip())
            spans.append((first, first + len(stripped)))
        start = end
    return spans


def eojeol_count(text: str) -> int:
    """Eojeol (white-space separated units holding a letter or digit), URLs left out.

    The same count as :func:`memolint.nlp.count_words`, three times faster on
    text without web or e-mail addresses: every white-space unit, less the
    units of punctuation only ("—", "·").
    """
    if "@" in text or "://" in text or "www." in text:
        return count_words(text)
    return len(text.split()) - len(_PUNCTUATION_ONLY.findall(text))


def character_count(text: str) -> int:
    """Characters other than white space (공백 제외 글자 수)."""
    return len("".join(text.split()))


def korean_sentences(block_index: int, text: str) -> list[Sentence]:
    """The sentences of one Korean block, with their eojeol counts as words."""
    found = []
    for start, end in sentence_spans(text):
        piece = text[start:end]
        found.append(Sentence(block_index, start, end, piece, eojeol_count(piece)))
    return found
