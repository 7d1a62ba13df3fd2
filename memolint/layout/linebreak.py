"""Greedy line breaking: how many lines a paragraph's text wraps to.

Word and LibreOffice fill each line with as many words as fit and break at
spaces and after hyphens; a word wider than the line is broken between
characters. Spaces at the end of a line take no room. That greedy rule,
with real advance widths, is all a page count needs.

East-Asian text (:class:`Measure` with an ``asian`` face) is measured by
script, as LibreOffice does: Hangul and ideographs in the east-Asian font's
glyph face, Latin letters in the Latin face, and spaces, digits and
punctuation in the face of the script before them. Text tagged Korean wraps
at spaces (by eojeol); other east-Asian text, and Korean that is not tagged
so, wraps between any two characters (both measured on LibreOffice 7.4's
PDFs). Either way the kinsoku rules hold: no line starts with closing
punctuation and none ends with an opening bracket. A paragraph whose runs
differ in font or size (inline code) is measured run by run (``runs``).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache, lru_cache
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple, TypeVar

from memolint.layout.fonts import Face
from memolint.records import Record

T = TypeVar("T")

#: Characters a line may break after: hyphen-minus, hyphen, en dash.
HYPHENS = "-\u2010\u2013"
#: Every hyphen as a hyphen-minus (see :func:`_one_hyphen`).
_ONE_HYPHEN = str.maketrans(dict.fromkeys(HYPHENS, "-"))
_WHITESPACE = re.compile(r"\s+")
#: Leading-space width by the whitespace matched: none for "", else the default (a space).
_UNSPACED = {"": 0.0}
_EPSILON = 0.01
#: East-Asian script: Hangul (jamo, compatibility jamo, syllables), CJK symbols
#: and punctuation, kana, ideographs, full-width forms.
ASIAN = ("\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3130-\u318f\u3190-\u31ff"
         "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
         "\ufe30-\ufe4f\uff00-\uffef")
#: :data:`ASIAN` as sorted bounds (each range's first code point and the one after
#: its last): a character is east-Asian when an odd number of bounds are at or below
#: it. A ``[...]`` pattern of these ranges costs ~3 ms to compile in each process
#: (``re`` marks its ~50,000 code points one at a time), an English memo's whole
#: need for them.
_ASIAN_BOUNDS = tuple(
    bound for first, last in zip(ASIAN[::3], ASIAN[2::3], strict=True)
    for bound in (ord(first), ord(last) + 1))
#: Kinsoku: characters that never start a line, and that never end one.
NO_LINE_START = frozenset(".,!?:;%)]}\u2019\u201d\u2026\u00b7~\u3001\u3002\u3009\u300b"
                          "\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301c\u30fb"
                          "\uff01\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff3d\uff5d")
NO_LINE_END = frozenset("([{\u2018\u201c\u3008\u300a\u300c\u300e\u3010\u3014\u3016"
                        "\u3018\u301a\uff08\uff3b\uff5b")


@cache
def _token_pattern() -> re.Pattern[str]:
    """Optional whitespace, then a word or the part of a hyphenated word up to its hyphen.

    Only east-Asian text is tokenized by it (Latin text takes :func:`_tokens`), so
    it is compiled on the first such text (some 4 M instructions per process).
    """
    return re.compile(r"(\s*)([^\s\-\u2010\u2013]*[\-\u2010\u2013]+|[^\s\-\u2010\u2013]+)")


def has_asian(text: str) -> bool:
    """Whether ``text`` has east-Asian characters (fast for ASCII text)."""
    return not text.isascii() and any(map(_is_asian, set(text)))


def _is_asian(char: str) -> bool:
    return char >= "\u1100" and bisect_right(_ASIAN_BOUNDS, ord(char)) % 2 == 1


def break_units(word: str) -> list[str]:
    """``word`` cut where a line may break inside it when east-Asian text wraps by character.

    A break is allowed next to an east-Asian character, except before a
    character that may not start a line or after one that may not end it.
    """
    units = []
    start = 0
    for index in range(1, len(word)):
        before, char = word[index - 1], word[index]
        if ((_is_asian(before) or _is_asian(char))
                and char not in NO_LINE_START and before not in NO_LINE_END):
            units.append(word[start:index])
            start = index
    units.append(word[start:])
    return units


class Measure(Record):
    """How text is measured: face, size, and the squeezing a writer applied.

    Immutable, equal and hashed by its fields (not :attr:`known`), so that
    equal measures share one :class:`Widths`.
    """

    _fields = ("face", "size_pt", "spacing_pt", "scale", "asian", "asian_glyphs", "word_wrap")
    __slots__ = (*_fields, "known")
    face: Face
    size_pt: float
    #: Extra advance per character (``w:spacing``; negative condenses), in points.
    spacing_pt: float
    #: Horizontal scale (``w:w``), 1.0 is 100 %.
    scale: float
    #: The run's east-Asian font (spaces and punctuation after east-Asian text,
    #: and line height), and the face Hangul and ideographs come from; ``None``
    #: for text without east-Asian characters.
    asian: Face | None
    asian_glyphs: Face | None
    #: Korean wraps at spaces (text tagged Korean); otherwise between characters.
    word_wrap: bool
    #: Widths of the tokens measured so far, and of a space (see :func:`_widths`),
    #: shared by equal measures and looked up here without hashing the measure.
    known: Widths

    def __init__(self, face: Face, size_pt: float, spacing_pt: float = 0.0, scale: float = 1.0,
                 asian: Face | None = None, asian_glyphs: Face | None = None,
                 word_wrap: bool = True) -> None:
        self._set(face=face, size_pt=size_pt, spacing_pt=spacing_pt, scale=scale, asian=asian,
                  asian_glyphs=asian_glyphs, word_wrap=word_wrap)
        self._set(known=_widths(self))

    def width(self, token: str) -> float:
        """Width of ``token`` in points."""
        if self.asian is None or token.isascii():
            em = self.face.text_width_em(token)
        else:
            em = self._mixed_em(token)
        return em * self.size_pt * self.scale + self.spacing_pt * len(token)

    def cached_width(self, token: str) -> float:
        """:meth:`width`, remembered in :attr:`known`."""
        known = self.known.plain
        width = known.get(token)
        if width is None:
            _bound(self.known)
            width = known[token] = self.width(token)
        return width

    def _mixed_em(self, token: str) -> float:
        """Ems of text mixing scripts: each character in its script's face.

        Weak characters (spaces, digits, punctuation) take the script of the
        strong character before them, or after them at the start.
        """
        asian = self.asian_script(token, last=False)
        total = 0.0
        for char in token:
            if _is_asian(char):
                asian = True
                total += self.asian_glyphs.advance(ord(char)) / self.asian_glyphs.upm  # type: ignore[union-attr]
                continue
            if char.isalpha():
                asian = False
            face = self.asian if asian else self.face
            total += face.advance(ord(char)) / face.upm  # type: ignore[union-attr]
        return total

    @staticmethod
    def asian_script(token: str, last: bool = True) -> bool:
        """Whether the last (or first) strong character of ``token`` is east-Asian."""
        for char in reversed(token) if last else token:
            if _is_asian(char):
                return True
            if char.isalpha():
                return False
        return False

    def space_after(self, token: str) -> float:
        """Width of a space that follows ``token`` (it takes the token's script)."""
        if self.asian is not None and not token.isascii() and self.asian_script(token):
            return self.asian.advance(32) / self.asian.upm * self.size_pt * self.scale \
                + self.spacing_pt
        return self.width(" ")

    def line_face(self, text: str) -> Face:
        """The face whose height sets the lines of ``text``: the taller of the two.

        Measured on LibreOffice's PDFs: Hangul and spaces alone take the
        east-Asian font's height; once punctuation, digits or Latin letters
        join them (any real sentence), the Latin font's height counts too.
        """
        if self.asian is None or not has_asian(text):
            return self.face
        if all(ch.isspace() or _is_asian(ch) for ch in text):
            return self.asian
        return max(self.face, self.asian, key=lambda f: f.line_height(self.size_pt))


class Widths(NamedTuple):
    """Token widths already measured under one measure (memos of a pure function).

    Memos repeat their words; looking a word up once per paragraph instead of
    summing its characters every time makes layout several times faster.
    """

    #: Token -> its width.
    plain: dict[str, float]
    #: The width of a space.
    space: float
    #: Token -> a space plus its width (``space + plain[token]``, the same float the
    #: general path adds): a line of plain text sums these without a pass adding spaces.
    spaced: dict[str, float]
    #: No character is wider than this (its advance and spacing); infinite when spacing
    #: is negative, as a condensed word may then be narrower than its characters' sum.
    widest: float


#: Tokens remembered per measure; past that both memos start afresh, so that a huge
#: or hostile document cannot grow them without bound.
WIDTHS_LIMIT = 1 << 16


@lru_cache(maxsize=256)
def _widths(measure: Measure) -> Widths:
    """The token-width memos of ``measure``, shared by equal measures."""
    face = measure.face
    if measure.spacing_pt < 0 or measure.scale < 0:
        widest = math.inf
    else:
        units = max(face.default_width, *face.widths.values(), *(w for *_, w in face.blocks))
        widest = units / face.upm * measure.size_pt * measure.scale + measure.spacing_pt
    return Widths({}, measure.width(" "), {}, widest)


def _bound(widths: Widths) -> None:
    """Empty the memos of one measure once they hold :data:`WIDTHS_LIMIT` tokens
    (called by :meth:`Measure.cached_width`, the one way into them: every token in
    :attr:`Widths.spaced` went through it, so that memo is never the larger)."""
    if len(widths.plain) >= WIDTHS_LIMIT:
        widths.plain.clear()
        widths.spaced.clear()


#: A stretch of a paragraph in a font of its own: ``(start, end, measure)``,
#: offsets into the paragraph's text (inline code, DOCX runs).
Run = tuple[int, int, Measure]


def count_lines(text: str, measure: Measure, width_pt: float, first_width_pt: float,
                runs: tuple[Run, ...] = (), keep_spaces: bool = False) -> int:
    """Lines ``text`` wraps to in a column ``width_pt`` wide (first line ``first_width_pt``).

    Each ``\\n`` is a hard line break inside the paragraph; an empty text is
    still one line (the paragraph mark). ``keep_spaces``: every space takes
    room, as in code, instead of a run of them counting as one (see
    :func:`kept_space_widths`). Greedy filling, computed on running
    sums of the token advances: each line is one binary search for the last
    token that fits, instead of a Python step per word (layout of a six-page
    memo must stay within a few milliseconds); see :func:`part_widths`. Most
    parts, in one Latin font and without hyphens, take :func:`_plain_extra_lines`, and
    need no measuring at all when they are short: a word and the space before it take
    at most :attr:`Widths.widest` per character, so a text of ``n`` characters sums to at
    most ``(n + 1) * widest``; at or under the line's width it is one line (the breaker
    allows :data:`_EPSILON` more, far above the sums' rounding).
    """
    # max(width, 1.0) without the calls: a sizeable share of a short paragraph's count
    width_pt = 1.0 if width_pt < 1.0 else width_pt
    avail = 1.0 if first_width_pt < 1.0 else first_width_pt
    plain = measure.asian is None and not keep_spaces
    if plain and not runs and "\n" not in text and not _hyphenated(text):  # most paragraphs
        if (len(text) + 1) * measure.known.widest <= avail:
            return 1  # a heading, a short item: even at its widest it fits the line
        return 1 + _plain_extra_lines(text, measure, avail, width_pt)
    lines = 0
    offset = 0
    for part in text.split("\n") if "\n" in text else (text,):
        lines += 1
        end = offset + len(part)
        if plain and not _hyphenated(part) and not (
                runs and any(start < end and stop > offset for start, stop, _ in runs)):
            lines += _plain_extra_lines(part, measure, avail, width_pt)
        else:
            if keep_spaces and measure.asian is None:
                lead, widths = kept_space_widths(part, measure)
            else:
                lead, widths = part_widths(part, offset, measure, runs)
            if widths:
                cum = list(accumulate(map(add, lead, widths), initial=0.0))
                lines += _extra_lines(cum, lead, widths.__getitem__, avail, width_pt)
        avail = width_pt
        offset = end + 1
    return max(lines, 1)


def _plain_extra_lines(part: str, measure: Measure, avail: float, width_pt: float) -> int:
    """Lines beyond the first of a part in one Latin font with no hyphen to break at.

    The same running sums as the general path (:func:`part_widths`) with two
    passes fewer: each word's width with the space before it comes from
    :attr:`Widths.spaced`, the very float the general path adds, summed as
    it is looked up, so the sums and the breaks are identical.
    """
    words = part.split()
    if not words:
        return 0
    known = measure.known
    space = known.space
    spaced = part[0].isspace()
    try:
        if spaced:
            cum = list(accumulate(map(known.spaced.__getitem__, words), initial=0.0))
        else:  # the first word has no space before it: its spaced width is skipped
            sizes = map(known.spaced.__getitem__, words)
            next(sizes)  # (cheaper than an islice, which costs a step per word)
            cum = [0.0, *accumulate(sizes, initial=known.plain[words[0]])]
    except KeyError:  # a word not met before (testing for None costs a comparison per word)
        sized = _learn_spaced(words, measure)
        if not spaced:
            sized[0] = measure.cached_width(words[0])
        cum = list(accumulate(sized, initial=0.0))
    # The loop of _extra_lines for lines that each take a word or more, every word
    # after the first led by one space: the same sums and comparisons, fewer steps.
    count = len(words)
    limit = avail + _EPSILON - -(space if spaced else 0.0)
    line_limit = width_pt + _EPSILON - -space
    extra = 0
    i = 0
    while True:
        j = bisect_right(cum, limit + cum[i]) - 1
        if j >= count:
            return extra
        if j <= i:  # a word wider than the line: the general loop breaks it
            lead = [space] * count
            lead[0] = space if spaced else 0.0
            return extra + _extra_lines(cum, lead, lambda k: measure.cached_width(words[k]),
                                        avail if i == 0 else width_pt, width_pt, i)
        extra += 1
        i = j
        limit = line_limit


def _learn_spaced(words: list[str], measure: Measure) -> list[float]:
    """Each word's width with a space before it, remembering the words not yet in
    :attr:`Widths.spaced` there (and in :attr:`Widths.plain`)."""
    known = measure.known
    spaced = known.spaced
    sized = list(map(spaced.get, words))
    for index, width in enumerate(sized):
        if width is None:
            word = words[index]
            sized[index] = spaced[word] = known.space + measure.cached_width(word)
    return sized  # type: ignore[return-value]


def part_widths(part: str, offset: int, measure: Measure,
                runs: tuple[Run, ...] = ()) -> tuple[list[float], list[float]]:
    """Leading-space and token widths of one hard-broken ``part`` (at ``offset`` in the text).

    Latin text takes the fast path: tokens by a whitespace split, widths looked
    up all at once, and only the tokens under a run (if one reaches into the
    part) measured again. East-Asian text is measured token by token.
    """
    if measure.asian is not None:
        return _mixed_tokens(part, offset, measure, runs)
    space = measure.known.space
    end = offset + len(part)
    if runs and any(start < end and stop > offset for start, stop, _ in runs):
        words, spaces = _spaced_tokens(part)
        lead = list(map(_UNSPACED.get, spaces, repeat(space)))
        widths = _token_widths(words, measure)
        _apply_runs(spaces, words, lead, widths, offset, runs, measure)
        return lead, widths
    words, lead = _tokens(part, space, 0.0)
    return lead, _token_widths(words, measure)


def kept_space_widths(part: str, measure: Measure) -> tuple[list[float], list[float]]:
    """Leading-space and token widths of a part in which every space counts (code).

    A run of spaces between words is as wide as its spaces; indentation is
    part of the first token, as it takes room on the line and, unlike the
    spaces at a break, is not left hanging past a line's end.
    """
    words, spaces = _spaced_tokens(part)
    if not words:
        return [], []
    space = measure.known.space
    lead = [len(gap) * space for gap in spaces]
    widths = _token_widths(words, measure)
    widths[0] += lead[0]
    lead[0] = 0.0
    return lead, widths


def _tokens(part: str, spaced: T, unspaced: T) -> tuple[list[str], list[T]]:
    """The tokens :func:`_token_pattern` finds in ``part``, each with ``spaced`` or ``unspaced``
    for whether whitespace leads it (a width, or the whitespace itself).

    Found faster than by the pattern: a whitespace split (``str.split`` and
    ``\\s`` agree on what whitespace is), every word but a leading one preceded
    by whitespace; only the words with a hyphen are cut at their hyphens, the
    pieces after the first unspaced.
    """
    words = part.split()
    if not words:
        return [], []
    lead = [spaced] * len(words)
    if not part[0].isspace():
        lead[0] = unspaced
    _cut_hyphens(part, words, lead, unspaced)
    return words, lead


def _spaced_tokens(part: str) -> tuple[list[str], list[str]]:
    """The tokens of ``part`` and the whitespace before each, as :func:`_token_pattern` matches
    them (runs need their offsets); single spaces between words take :func:`_tokens`."""
    words = part.split()
    if not words or part == " ".join(words):
        return _tokens(part, " ", "")
    gaps = _WHITESPACE.findall(part)
    spaces = gaps[:len(words)] if part[0].isspace() else ["", *gaps[:len(words) - 1]]
    _cut_hyphens(part, words, spaces, "")
    return words, spaces


def _hyphenated(part: str) -> bool:
    """Whether ``part`` has any of :data:`HYPHENS` (tested faster than by the pattern)."""
    return "-" in part or "\u2010" in part or "\u2013" in part


def _cut_hyphens(part: str, words: list[str], lead: list[T], unspaced: T) -> None:
    """Cut, in place, the hyphenated ``words`` of ``part`` into pieces, the pieces after
    the first ``unspaced`` in ``lead``."""
    if _hyphenated(part):
        # Cut last to first, so that the indexes of the words before stay valid.
        for index, cut in reversed(_hyphen_cuts(part, words)):
            words[index:index + 1] = cut
            lead[index + 1:index + 1] = [unspaced] * (len(cut) - 1)


def _hyphen_cuts(part: str, words: list[str]) -> list[tuple[int, list[str]]]:
    """Each hyphenated word of ``part`` (``words`` is its split): its index and pieces.

    Found from the hyphens, so that a paragraph with one hyphenated word costs
    no Python step per word: the words between two hyphens are counted by
    splitting the text between them.
    """
    flat = _one_hyphen(part)
    cuts = []
    index = 0  # words[:index] end before ``scanned``
    scanned = 0
    position = flat.find("-")
    while position >= 0:
        head = part[scanned:position].split()
        joined = position > scanned and not part[position - 1].isspace()
        index += len(head) - joined
        word = words[index]
        scanned = (position - len(head[-1]) if joined else position) + len(word)
        cuts.append((index, _pieces(word, flat[scanned - len(word):scanned])))
        index += 1
        position = flat.find("-", scanned)
    return cuts


def _one_hyphen(text: str) -> str:
    """``text`` with each of :data:`HYPHENS` as a hyphen-minus, so that ``str.find``
    finds them all (a pattern of the three costs each process ~3 M instructions
    to compile, as much as a memo's hyphenated words take to cut)."""
    return text.translate(_ONE_HYPHEN) if "\u2010" in text or "\u2013" in text else text


def _pieces(word: str, flat: str) -> list[str]:
    """``word`` cut after each run of hyphens (``flat`` is :func:`_one_hyphen` of it):
    the pieces a line may break between."""
    pieces = []
    start = 0
    end = flat.find("-")
    while end >= 0:
        end += 1
        while end < len(flat) and flat[end] == "-":
            end += 1
        pieces.append(word[start:end])
        start = end
        end = flat.find("-", start)
    if start < len(word):
        pieces.append(word[start:])
    return pieces


def _token_widths(words: list[str], measure: Measure) -> list[float]:
    """Each token's width: looked up all at once, measured only where not yet known."""
    known = measure.known.plain
    try:
        return list(map(known.__getitem__, words))
    except KeyError:  # see _plain_extra_lines
        return list(map(measure.cached_width, words))


def _apply_runs(spaces: list[str], words: list[str], lead: list[float], widths: list[float],
                offset: int, runs: tuple[Run, ...], measure: Measure) -> None:
    """Re-measure, in place, the tokens and spaces of a Latin part that runs cover.

    The part (its tokens' leading ``spaces`` and ``words``) was measured in the
    paragraph's font; only the few tokens under a run (inline code) are
    measured again, piece by piece.
    """
    ends = list(accumulate(map(add, map(len, spaces), map(len, words))))
    run_ends = [end for _, end, _ in runs]
    for run_start, run_end, run in runs:
        index = bisect_right(ends, run_start - offset)
        while index < len(words):
            spaced, word = spaces[index], words[index]
            word_start = offset + ends[index] - len(word)
            if word_start - len(spaced) >= run_end:
                break
            widths[index] = _run_width(word, word_start, runs,
                                       bisect_right(run_ends, word_start), measure)
            if spaced and run_start < word_start <= run_end:
                lead[index] = run.known.space
            index += 1


def _mixed_tokens(part: str, offset: int, measure: Measure,
                  runs: tuple[Run, ...]) -> tuple[list[float], list[float]]:
    """Leading-space and token widths of a part whose tokens differ in font or script.

    Each piece of a token is measured under the run it falls in; a space under
    the run it stands in, in the script of the token before it. East-Asian text
    not tagged Korean is cut into :func:`break_units`, each a token without a
    leading space. Runs are sorted and walked once alongside the tokens.
    """
    lead: list[float] = []
    widths: list[float] = []
    previous = ""
    first = 0  # the first run that may still cover a token
    for match in _token_pattern().finditer(part):
        spaced, word = match.group(1, 2)
        start = offset + match.start(2)
        while first < len(runs) and runs[first][1] < start:
            first += 1
        covering = runs[first:first + 1] if first < len(runs) else ()
        space_measure = (covering[0][2] if covering and covering[0][0] < start
                         else measure)
        space = space_measure.space_after(previous) if spaced else 0.0
        asian = space_measure.asian is not None and not space_measure.word_wrap
        for unit in break_units(word) if asian and has_asian(word) else (word,):
            lead.append(space)
            widths.append(_run_width(unit, start, runs, first, measure))
            start += len(unit)
            space = 0.0
        previous = word
    return lead, widths


def _run_width(token: str, start: int, runs: tuple[Run, ...], first: int,
               measure: Measure) -> float:
    """Width of ``token`` (at ``start`` in the text), each piece under its own run.

    ``runs[first:]`` are the runs that do not end before ``start``.
    """
    end = start + len(token)
    if first >= len(runs) or runs[first][0] >= end:
        return measure.cached_width(token)
    total = 0.0
    position = start
    for run_start, run_end, run in runs[first:]:
        if run_start >= end:
            break
        if run_start > position:
            total += measure.cached_width(token[position - start:run_start - start])
        stop = min(run_end, end)
        if stop > position:
            total += run.cached_width(token[max(run_start, position) - start:stop - start])
            position = stop
    if position < end:
        total += measure.cached_width(token[position - start:])
    return total


def _extra_lines(cum: list[float], lead: list[float], width_of: Callable[[int], float],
                 avail: float, width_pt: float, start: int = 0) -> int:
    """Lines beyond the first that one hard-broken part of a paragraph needs (from a
    line that starts at token ``start``, ``avail`` wide).

    ``cum[k]`` is the width of tokens ``0..k-1``, each with its leading space
    (``lead``); tokens ``i..j-1`` on a line of offset ``base`` take
    ``base + cum[j] - cum[i]``. A line starts with ``base`` = minus its first
    token's space (a line never starts with a space); a word wider than the
    line (``width_of`` its index, asked only then) is broken between characters
    and what is left of it starts the next line.
    """
    count = len(lead)
    extra = 0
    i = start
    base = -lead[i]
    fresh = True  # the line holds nothing yet
    while True:
        j = bisect_right(cum, avail + _EPSILON - base + cum[i]) - 1
        if j >= count:
            return extra
        if j > i or not fresh:
            extra += 1
            avail = width_pt
            i = j
            base = -lead[i]
            fresh = True
            continue
        word = width_of(i)  # alone and still too wide: break it between characters
        pieces = math.ceil(word / avail) - 1
        extra += pieces
        base = word - pieces * avail
        avail = width_pt
        fresh = False
        i += 1
        if i >= count:
            return extra
