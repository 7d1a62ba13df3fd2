"""Layout fast paths: they must count exactly the lines the general paths count.

The line breaker finds Latin tokens by a whitespace split instead of the
token pattern, measures runs only where they reach, and the engine remembers
formats and line counts per document. Each shortcut is checked here against
the general path it stands in for, on texts built to hit the edge cases
(runs of mixed whitespace, no-break spaces, hyphens of every kind, words
wider than the line).
"""

from __future__ import annotations

import random

from memolint.document import Typography
from memolint.layout import engine
from memolint.layout.engine import layout_document
from memolint.layout.fonts import face
from memolint.layout.linebreak import (
    Measure,
    _mixed_tokens,
    _spaced_tokens,
    _token_pattern,
    _tokens,
    count_lines,
    part_widths,
)
from memolint.layout.model import PageModel
from tests.builders import block, document

BODY = Measure(face("Carlito"), 11.0)
CODE = Measure(face("Liberation Mono"), 10.0)
BOLD = Measure(face("Carlito", bold=True), 11.0, spacing_pt=-0.5, scale=0.9)
#: Pieces that texts are built from: words, every whitespace the pattern knows
#: (tab, no-break and thin spaces, a control separator), hyphens and dashes.
PIECES = ("a", "Zb", "word", "longerword", "é", "x" * 40, " ", " ", "  ", "\t", "\xa0",
          "\u2009", "\x1c", "-", "\u2010", "\u2013", "--", "\u2014", ".")


def _texts(count: int, seed: int, newlines: bool = False) -> list[str]:
    rng = random.Random(seed)
    pieces = PIECES + (("\n",) if newlines else ())
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
            for _ in range(count)]


def _runs(text: str, rng: random.Random) -> tuple[tuple[int, int, Measure], ...]:
    """Sorted, non-overlapping runs over ``text``, as the readers record them."""
    runs = []
    position = 0
    while position < len(text) and rng.random() < 0.6:
        start = rng.randint(position, len(text))
        end = rng.randint(start, len(text))
        runs.append((start, end, rng.choice((CODE, BOLD))))
        position = end
    return tuple(runs)


def test_whitespace_split_finds_the_tokens_the_pattern_finds():
    for text in [*_texts(3000, seed=1), "", "   ", "well-known", "- x -", "a--b\u2013c", " l"]:
        matches = _token_pattern().findall(text)
        words, spaced = _tokens(text, True, False)
        assert words == [word for _, word in matches], repr(text)
        assert spaced == [bool(spaces) for spaces, _ in matches], repr(text)
        assert _spaced_tokens(text) == ([word for _, word in matches],
                                        [spaces for spaces, _ in matches]), repr(text)


def test_runs_on_the_fast_path_measure_as_the_general_path_does():
    rng = random.Random(2)
    for text in _texts(2000, seed=3):
        runs = _runs(text, rng)
        for measure in (BODY, BOLD):
            assert part_widths(text, 0, measure, runs) == _mixed_tokens(text, 0, measure, runs), \
                (repr(text), runs)


def test_a_run_measures_the_spaces_and_word_pieces_it_covers():
    text = "call  well-known\u00a0api now"
    start = text.index("known")
    lead, widths = part_widths(text, 0, BODY, ((start, start + 9, CODE),))  # "known\xa0api"
    assert widths == [BODY.width("call"), BODY.width("well-"), CODE.width("known"),
                      CODE.width("api"), BODY.width("now")]
    # "known" follows its hyphen with no space; the space before "now" is outside the run.
    assert lead == [0.0, BODY.width(" "), 0.0, CODE.width(" "), BODY.width(" ")]


def test_hyphenated_and_spaced_text_breaks_at_the_same_points():
    mono = Measure(face("Liberation Mono"), 10.0)  # 6 pt per character
    assert count_lines("well-known  thing", mono, 36, 36) == 3      # "well-" "known" "thing"
    assert count_lines("a\u2013b\u2010c d", mono, 12, 12) == 4      # a piece per dash, then "d"
    assert count_lines("\tword", mono, 24, 24) == 1                 # a leading tab takes no room
    assert count_lines("x" * 10 + "-" + "y" * 10, mono, 36, 36) == 4  # both pieces broken


def test_the_line_count_cache_gives_the_uncached_lines(monkeypatch):
    """Repeated list items and cells are counted once per document, with the same result."""
    item = "Repeated item text that wraps over more than one line of the page " * 3
    blocks = [block("list_item", item, n + 1, depth=1) for n in range(40)]
    blocks += [block("paragraph", f"Paragraph {n}: " + item, n + 41) for n in range(20)]
    doc = document(*blocks)
    cached = layout_document(doc, PageModel())
    calls = []

    def counting(*args, **kwargs):
        calls.append(args[0])
        return count_lines(*args, **kwargs)

    monkeypatch.setattr(engine, "count_lines", counting)
    assert layout_document(doc, PageModel()) == cached
    assert calls.count(item) == 1  # 40 items, one count
    monkeypatch.setattr(engine._Boxer, "count", lambda self, text, measure, width, first,
                        runs=(): count_lines(text, measure, width, first, runs))
    uncached = layout_document(doc, PageModel())
    assert uncached == cached
    assert cached.pages > 1


def test_docx_formats_lay_out_alike_shared_or_not():
    """Formats are remembered per Typography object: blocks sharing one object (as the
    DOCX reader shares them per style) lay out as blocks with equal objects of their own,
    and two formats in turn are not mixed up."""
    def arial() -> Typography:
        return Typography(font="Arial", size_pt=12.0, line_spacing=1.15, space_after_pt=8.0)

    def times() -> Typography:
        return Typography(font="Times New Roman", size_pt=10.0, space_before_pt=3.0)

    text = "A paragraph that wraps onto a second line at this width, in either font. " * 2
    shared = (arial(), times())

    def docx(formats) -> object:
        blocks = [block("paragraph", text, n + 1, typography=formats(n)) for n in range(80)]
        return document(*blocks)._replace(path="memo.docx", format="docx")

    one_each = layout_document(docx(lambda n: (arial, times)[n % 2]()), PageModel())
    assert layout_document(docx(lambda n: shared[n % 2]), PageModel()) == one_each
    all_arial = layout_document(docx(lambda n: shared[0]), PageModel())
    assert all_arial.pages != one_each.pages
