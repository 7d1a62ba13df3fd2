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

  A closed quote followed by a quotative verb (``'괜찮을까…' 하고 생각했다``)
  also stays in its sentence.

``?``, ``!`` and their full-width forms always end a sentence before white
space; the CJK full stop ``。`` and full-width ``?``/``!`` also without it, and
so does a period typed with no space between a final ending and the next
sentence (``줄었다.하지만``), a common slip in Korean prose.

Line breaks. A paragraph's last sentence needs no closing punctuation: report
style writes ``…증가함`` at the end of a bullet or a table-like line, and the
end of a block always ends a sentence. Inside a block a soft line break (a
Markdown paragraph typed over several lines) is a space as in English, except
where Korean report style puts one clause per line without punctuation
(``○ 문의가 20% 증가함`` / ``○ 인력은 동결됨``): a line that ends in a
sentence-final ending (``다``, ``요``, ``함``, ``됨``, ...; not nouns such as
``다음``), or is followed by a line that starts with a list marker (``○``,
``□``, ``※``, ``-``, ``1.``, ``가.``), ends a sentence there. Hard-wrapped
prose that breaks mid-sentence never ends a line in such an ending, so it
stays one sentence.
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

from memolint.document import SourceMap
from memolint.language import visible_characters
from memolint.nlp import Sentence, count_words
from memolint.segmenter import NEVER_FINAL

#: Opening mark → its closing mark. Straight double quotes pair with themselves.
_PAIRS = {"(": ")", "[": "]", "{": "}", "\uff08": "\uff09", "\u300c": "\u300d",
          "\u300e": "\u300f", "\u300a": "\u300b", "\u3008": "\u3009", "\u3010": "\u3011",
          "\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
_OPENED = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_MARKS = re.compile("[" + re.escape("".join(set(_PAIRS) | set(_CLOSING))) + "]")
#: A run of terminal punctuation (ASCII, full-width and CJK forms, ellipses).
_TERMINAL = re.compile(r"[.?!\u3002\uff0e\uff1f\uff01\u2026]+")
#: Terminals that end a sentence even with no white space after them.
_CJK_FINAL = frozenset("\u3002\uff1f\uff01")
_QUESTION_OR_BANG = frozenset("?!\uff1f\uff01")
#: Dates written with points: "2026. 3. 15." or "2026.3." (year. month. [day.]).
_DATE = re.compile(r"\b\d{2,4}\.\s?\d{1,2}\.(?:\s?\d{1,2}\.)?")
#: A list label typed at the start of a block: "1.", "12.", "가.", "IV.", "a.".
_LABEL = re.compile(r"[0-9]{1,3}|[가-하]|[ivxIVX]{1,4}|[a-zA-Z]|[\u2160-\u216b\u2170-\u217b]")
#: Syllables that close a sentence-final ending (했다, 해요, 할까, 하죠, 함, 임 ...).
_FINAL_SYLLABLES = frozenset("다요까죠네자라군함음임됨")
#: Endings that may close a sentence typed with no space after its period ("줄었다.하지만").
_UNSPACED_FINAL = frozenset("다요까죠")
#: Common words ending in a final syllable that are not sentence ends at a line break.
_NOT_FINAL_WORDS = frozenset({"다음", "처음", "지금", "조금", "마음", "모임", "게임", "포함",
                              "함께", "모두", "다", "또는", "및", "등"})
#: Quotative verbs after a closed quote: the quote is part of the sentence ("…' 하고 생각했다").
_QUOTATIVE = frozenset({"하고", "하며", "하면서", "하는", "하던", "하자", "라고", "라며", "라는",
                        "이라고", "이라는", "고", "며"})
#: What starts a list line in Korean reports: a marker glyph or a typed label.
_LINE_MARKER = re.compile(r"[○◦□■▪●•※◇◆▶►▷·\-\u2013*]\s|(?:[0-9]{1,3}|[가-하])[.)]\s|\(\w{1,2}\)\s")
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


def _period_ends(text: str, start: int, line_starts: frozenset[int]) -> bool:
    """Whether a single period at ``start`` ends a sentence (white space follows it)."""
    token_start, token = _token_before(text, start)
    token = _OPENED.split(token)[-1]  # "미국(U.S." is judged as "U.S."
    if not token:
        return True
    last = token[-1]
    if (token_start == 0 or token_start in line_starts) and _LABEL.fullmatch(token):
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


def _ends(text: str, start: int, run: str, line_starts: frozenset[int]) -> bool:
    """Whether a terminal run at ``start`` ends a sentence, judged from its run and context."""
    if any(c in _QUESTION_OR_BANG for c in run):
        return True
    if run in (".", "\uff0e"):
        return _period_ends(text, start, line_starts)
    before = text[start - 1] if start else ""
    return before in _FINAL_SYLLABLES  # an ellipsis ends a sentence after a final ending


def _unspaced_end(text: str, start: int, end: int, run: str) -> bool:
    """A period typed between a final ending and the next sentence's Hangul ("다.하지만")."""
    return (run == "." and end == start + 1 and start > 0 and text[start - 1] in _UNSPACED_FINAL
            and end < len(text) and _is_hangul(text[end]))


def _quotative_follows(text: str, end: int) -> bool:
    """Whether the eojeol after ``end`` is a quotative verb ("하고", "라며")."""
    match = _NON_SPACE.search(text, end)
    if not match:
        return False
    rest = text[match.start():].split(maxsplit=1)[0]
    return rest.rstrip(".,?!") in _QUOTATIVE


def _line_break_ends(text: str, line_start: int) -> int | None:
    """Offset just past a sentence that ends, unpunctuated, at the line break before ``line_start``.

    None when the line goes on with the same sentence or already ends in punctuation.
    """
    end = len(text[:line_start].rstrip())
    if not end or not _WORD_CHARACTER.match(text[end - 1]):
        return None
    _, word = _token_before(text, end)
    if _LINE_MARKER.match(text, line_start):
        return end
    final = _is_hangul(word[-1]) and word[-1] in _FINAL_SYLLABLES
    return end if final and len(word) > 1 and word not in _NOT_FINAL_WORDS else None


def boundaries(text: str, line_starts: frozenset[int] = frozenset()) -> list[int]:
    """Offsets just past each sentence end (after its closing quotes and brackets).

    ``line_starts``: offsets where a source line begins inside the block (a
    soft line break read as a space), where report-style clauses may end.
    """
    pairs = enclosures(text)
    closes = {close for _, close in pairs}
    found: list[int] = []
    length = len(text)
    for match in _TERMINAL.finditer(text):
        start, end, run = match.start(), match.end(), match.group()
        while end < length and end in closes:
            end += 1
        unspaced = _unspaced_end(text, start, end, run)
        if end < length and not text[end].isspace() and not _CJK_FINAL & set(run) and not unspaced:
            continue
        if any(o < start and c >= end for o, c in pairs):
            continue  # inside a quote or bracket that goes on after this terminal
        if end > match.end() and _quotative_follows(text, end):
            continue  # "'괜찮을까…' 하고 생각했다": the quote is the verb's object
        if unspaced or _ends(text, start, run, line_starts):
            found.append(end)
    for line_start in sorted(line_starts):
        end = _line_break_ends(text, line_start)
        if end is not None and not any(o < end <= c for o, c in pairs):
            found.append(end)
    return sorted(set(found))


def line_starts(source: SourceMap) -> frozenset[int]:
    """Offsets in a block's text where a new source line begins (soft line breaks)."""
    found = set()
    previous = None
    for offset, line, _ in source.anchors:
        if previous is not None and line > previous and offset:
            found.add(offset)
        previous = line
    return frozenset(found)


def sentence_spans(text: str, line_starts: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, white space trimmed; none without a word."""
    spans = []
    start = 0
    for end in [*boundaries(text, line_starts), len(text)]:
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
    """Characters other than white space (공백 제외 글자 수): the count of
    :func:`memolint.language.visible_characters`, which memo metrics use too."""
    return visible_characters(text)


def korean_sentences(block_index: int, text: str,
                     line_starts: frozenset[int] = frozenset()) -> list[Sentence]:
    """The sentences of one Korean block, with their eojeol counts as words."""
    found = []
    for start, end in sentence_spans(text, line_starts):
        piece = text[start:end]
        found.append(Sentence(block_index, start, end, piece, eojeol_count(piece)))
    return found
