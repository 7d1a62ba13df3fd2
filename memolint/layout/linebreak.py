"""Greedy line breaking: how many lines a paragraph's text wraps to.

Word and LibreOffice fill each line with as many words as fit and break at
spaces and after hyphens; a word wider than the line is broken between
characters. Spaces at the end of a line take no room. That greedy rule,
with real advance widths, is all a page count needs.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from memolint.layout.fonts import Face

#: Optional whitespace, then a word or the part of a hyphenated word up to its hyphen.
_TOKEN = re.compile(r"(\s*)([^\s\-\u2010\u2013]*[\-\u2010\u2013]+|[^\s\-\u2010\u2013]+)")
_EPSILON = 0.01


@dataclass(frozen=True)
class Measure:
    """How text is measured: face, size, and the squeezing a writer applied."""

    face: Face
    size_pt: float
    #: Extra advance per character (``w:spacing``; negative condenses), in points.
    spacing_pt: float = 0.0
    #: Horizontal scale (``w:w``), 1.0 is 100 %.
    scale: float = 1.0

    def width(self, token: str) -> float:
        """Width of ``token`` in points."""
        em = self.face.text_width_em(token)
        return em * self.size_pt * self.scale + self.spacing_pt * len(token)


@lru_cache(maxsize=256)
def _widths(measure: Measure) -> dict[str, float]:
    """Token widths already measured under ``measure`` (a memo of a pure function).

    Memos repeat their words; looking a word up once per run instead of summing
    its characters every time makes layout several times faster.
    """
    return {}


def count_lines(text: str, measure: Measure, width_pt: float, first_width_pt: float) -> int:
    """Lines ``text`` wraps to in a column ``width_pt`` wide (first line ``first_width_pt``).

    Each ``\\n`` is a hard line break inside the paragraph; an empty text is
    still one line (the paragraph mark). Greedy filling, computed on running
    sums of the token advances: each line is one binary search for the last
    token that fits, instead of a Python step per word (layout of a six-page
    memo must stay within a few milliseconds).
    """
    width_pt = max(width_pt, 1.0)
    known = _widths(measure)
    space = measure.width(" ")
    lines = 0
    avail = max(first_width_pt, 1.0)
    for part in text.split("\n"):
        lines += 1
        tokens = _TOKEN.findall(part)
        if tokens:
            lines += _extra_lines(tokens, known, measure, space, avail, width_pt)
        avail = width_pt
    return max(lines, 1)


def _extra_lines(tokens: list[tuple[str, str]], known: dict[str, float], measure: Measure,
                 space: float, avail: float, width_pt: float) -> int:
    """Lines beyond the first that one hard-broken part of a paragraph needs.

    ``cum[k]`` is the width of tokens ``0..k-1``, each with its leading space;
    tokens ``i..j-1`` on a line of offset ``base`` take ``base + cum[j] - cum[i]``.
    A line starts with ``base`` = minus its first token's space (a line never
    starts with a space); a word wider than the line is broken between
    characters and what is left of it starts the next line.
    """
    widths = []
    for _, token in tokens:
        word = known.get(token)
        if word is None:
            word = known[token] = measure.width(token)
        widths.append(word)
    cum = list(accumulate((w + space if spaced else w for (spaced, _), w in
                           zip(tokens, widths, strict=True)), initial=0.0))
    count = len(tokens)
    extra = 0
    i = 0
    base = -space if tokens[0][0] else 0.0
    fresh = True  # the line holds nothing yet
    while True:
        j = bisect_right(cum, avail + _EPSILON - base + cum[i]) - 1
        if j >= count:
            return extra
        if j > i or not fresh:
            extra += 1
            avail = width_pt
            i = j
            base = -space if tokens[i][0] else 0.0
            fresh = True
            continue
        word = widths[i]  # alone and still too wide: break it between characters
        pieces = math.ceil(word / avail) - 1
        extra += pieces
        base = word - pieces * avail
        avail = width_pt
        fresh = False
        i += 1
        if i >= count:
            return extra
