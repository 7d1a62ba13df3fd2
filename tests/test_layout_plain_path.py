"""The plain-text line path must break exactly where the general path breaks.

Most paragraphs (one Latin font, no hyphen) skip the general path's
leading-space and width lists: their running sums come from remembered
"space + word" widths. These tests compare the two on texts built to hit the
edges (leading whitespace, words wider than the line, every whitespace the
split knows, first and later sight of each word), and check that the width
memos stay bounded without changing any count.
"""

from __future__ import annotations

import random
from itertools import accumulate
from operator import add

from memolint.layout import linebreak
from memolint.layout.fonts import face
from memolint.layout.linebreak import (
    Measure,
    _extra_lines,
    _plain_extra_lines,
    count_lines,
    part_widths,
)

BODY = Measure(face("Carlito"), 11.0)
#: Condensed and scaled, so that spaces and words are not the plain face's widths.
SQUEEZED = Measure(face("Liberation Serif", italic=True), 9.5, spacing_pt=-0.3, scale=0.85)
PIECES = ("a", "Zb", "word", "memo", "longerword", "é", "x" * 40, "W" * 12, ".", ",",
          " ", " ", " ", "  ", "\t", "\xa0", "\u2009")
WIDTHS = ((30.0, 30.0), (60.0, 45.0), (120.0, 120.0), (468.0, 432.0), (1.0, 1.0))


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 60))) for _ in range(count)]


def _general_extra_lines(part: str, measure: Measure, avail: float, width: float) -> int:
    """What the general path (lead and width lists, summed pairwise) counts."""
    lead, widths = part_widths(part, 0, measure)
    if not widths:
        return 0
    cum = list(accumulate(map(add, lead, widths), initial=0.0))
    return _extra_lines(cum, lead, widths.__getitem__, avail, width)


def _forget(measure: Measure) -> None:
    measure.known.plain.clear()
    measure.known.spaced.clear()


def test_plain_path_counts_the_general_paths_lines_cold_and_warm():
    texts = _texts(1500, seed=11)
    for measure in (BODY, SQUEEZED):
        _forget(measure)  # the first round learns each word, the second looks it up
        for _round in range(2):
            for text in texts:
                for width, first in WIDTHS:
                    assert _plain_extra_lines(text, measure, first, width) == \
                        _general_extra_lines(text, measure, first, width), (repr(text), width)


def test_leading_whitespace_and_wide_words_on_the_plain_path():
    mono = Measure(face("Liberation Mono"), 10.0)  # 6 pt per character
    assert count_lines("\tword word", mono, 24, 24) == 2        # the tab takes no room
    assert count_lines("aaaa bbbb", mono, 54, 54) == 1          # 24 + 6 + 24 = 54 fits
    assert count_lines("aaaa bbbbb", mono, 54, 54) == 2         # 60 does not
    assert count_lines("x" * 20 + " y", mono, 36, 36) == 4      # 120 pt in 36s, 12 + 6 + 6 left
    assert count_lines("x" * 22 + " yy", mono, 36, 36) == 5     # 24 + 6 + 12 left: a line more
    assert count_lines("   ", mono, 36, 36) == 1                # spaces alone: the paragraph mark


def test_width_memos_stay_bounded_and_counts_do_not_change(monkeypatch):
    measure = Measure(face("Carlito", bold=True), 10.5)
    texts = [" ".join(f"w{n}x{k}" for k in range(n % 40 + 1)) for n in range(300)]
    _forget(measure)
    unbounded = [count_lines(text, measure, 200.0, 180.0) for text in texts]
    assert len(measure.known.plain) > 500
    monkeypatch.setattr(linebreak, "WIDTHS_LIMIT", 50)
    _forget(measure)
    bounded = []
    for text in texts:
        bounded.append(count_lines(text, measure, 200.0, 180.0))
        assert len(measure.known.plain) <= 50
        assert len(measure.known.spaced) <= len(measure.known.plain)
    assert bounded == unbounded
    assert max(unbounded) > 1


def test_short_texts_fit_one_line_without_being_measured(monkeypatch):
    """Texts too short to fill the line even in their widest character are one line,
    unmeasured; at every width around that bound the count is the measured one."""
    spaced = Measure(face("Carlito", bold=True), 16.0, spacing_pt=0.4, scale=1.1)
    measured = []

    def counting(part: str, measure: Measure, avail: float, width: float) -> int:
        measured.append(part)
        return _plain_extra_lines(part, measure, avail, width)

    monkeypatch.setattr(linebreak, "_plain_extra_lines", counting)
    rng = random.Random(5)
    short = ("W", "M", "—", "é", "i", " ", "\xa0", "\t", "Wm", "memo")
    for measure in (BODY, SQUEEZED, spaced):
        widest = measure.known.widest
        for _ in range(800):
            text = "".join(rng.choice(short) for _ in range(rng.randint(0, 12)))
            bound = (len(text) + 1) * widest
            for avail in (bound, bound + 1e-9, bound - 1e-9, bound / 2, bound * 3 + 7, 1.0):
                if avail == float("inf"):
                    continue
                assert count_lines(text, measure, avail, avail) == \
                    1 + _general_extra_lines(text, measure, max(avail, 1.0), max(avail, 1.0)), \
                    (repr(text), avail)
    assert BODY.known.widest < 30 and SQUEEZED.known.widest == float("inf")
    measured.clear()
    assert count_lines("Introduction", BODY, 468.0, 468.0) == 1
    assert count_lines("W" * 40, BODY, 468.0, 468.0) == 1
    assert measured == ["W" * 40]  # the heading needed no measuring; forty W's did
