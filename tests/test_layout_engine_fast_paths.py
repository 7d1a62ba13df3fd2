"""The layout engine's per-block shortcuts change nothing but speed.

A box of one run of rows without notes that fits below the cursor is placed
without the general pouring loop, and measures are made once per format for
the whole process rather than once per document. Each is checked against
the general path: the same spans, pages and fonts.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.document import PageSetup, Typography
from memolint.layout import engine
from memolint.layout.engine import Box, _Flow, layout_document
from memolint.layout.fonts import EastAsianChoice
from memolint.layout.model import PageModel
from memolint.readers.markdown import read_markdown
from tests.builders import block, document
from tests.korean_memo import memo as korean_memo

#: Boxes of the shapes the boxer makes: one row or several, empty rows, tall
#: rows, keep rules, notes, breaks, contextual spacing, repeated table headers.
#: Left out, as the boxer never makes them: notes on rows without height, and
#: a repeated header above kept-together or many-line rows or rows that cannot
#: fit below it (the loop would turn pages for ever).
boxes = st.builds(
    Box,
    before=st.sampled_from([0.0, 6.0, 12.0]),
    after=st.sampled_from([0.0, 6.0, 10.0]),
    rows=st.lists(st.tuples(st.sampled_from([0.0, 13.4, 14.65, 200.0, 600.0]),
                            st.integers(0, 60)), min_size=0, max_size=3),
    keep_together=st.booleans(),
    widow_control=st.booleans(),
    page_break_before=st.booleans(),
    page_break=st.sampled_from([False] * 9 + [True]),
    contextual_key=st.sampled_from([None, ("paragraph", "Calibri", 11.0, 0.0)]),
    repeat=st.sampled_from([0.0] * 4 + [20.0]),
    notes=st.sampled_from([(), ((0, 30.0),), ((2, 120.0),)]),
).filter(lambda box: not (box.notes and any(height == 0 for height, _ in box.rows)) and not (
    box.repeat and (box.keep_together or any(h >= 600 or n > 1 for h, n in box.rows))))


def poured(sequence: list[Box], columns: int) -> list[tuple[float, float]]:
    flow = _Flow(PageSetup(columns=columns), (648.0, 700.0))
    spans = [flow.pour(box) for box in sequence]
    return [*spans, (flow.position, flow.y), (flow.reserved, flow.carry)]


@settings(max_examples=300, deadline=None)
@given(st.lists(boxes, max_size=40), st.sampled_from([1, 2]))
def test_placing_a_whole_box_pours_it_as_the_general_loop_does(sequence, columns):
    with mock.patch.object(_Flow, "_place_whole", lambda self, box, row, gap: None):
        general = poured(sequence, columns)
    assert poured(sequence, columns) == general


def test_the_whole_box_shortcut_is_taken_only_when_the_box_fits():
    flow = _Flow(PageSetup(), (100.0, 100.0))
    assert flow._place_whole(Box(0.0, 6.0, [(10.0, 8)]), (10.0, 8), 0.0) == (0.0, 0.8)
    # 6 pt of space and 8 more lines do not fit in the last 20 pt of the page.
    assert flow._place_whole(Box(0.0, 0.0, [(10.0, 8)]), (10.0, 8), 6.0) is None
    assert (flow.y, flow.after) == (80.0, 6.0)
    # The general loop then moves the box on (widow control leaves no line alone).
    assert flow.pour(Box(0.0, 0.0, [(10.0, 8)])) == (1.0, 1.8)


def test_measures_made_for_one_document_still_list_the_next_documents_fonts():
    plain = read_markdown(b"# Memo\n\nPlain text with `code`.\n", "a.md")
    korean = read_markdown("\n\n".join(text for _, text in korean_memo(1, 2)).encode(), "ko.md")
    model = PageModel()
    first = layout_document(plain, model).fonts
    engine._new_measure.cache_clear()
    fresh = layout_document(korean, model).fonts
    # Now every measure of the Korean memo comes from the cache, made above.
    assert layout_document(korean, model).fonts == fresh
    assert layout_document(plain, model).fonts == first
    assert {isinstance(font, EastAsianChoice) for font in fresh} == {True, False}
    assert not any(isinstance(font, EastAsianChoice) for font in first)


def test_a_format_seen_before_is_measured_once_for_the_process():
    text = Typography(font="Calibri", size_pt=11.0)
    engine._new_measure.cache_clear()
    for _ in range(3):
        memo = document(block("paragraph", "Some words", 1, typography=text))
        memo.format = "docx"
        layout_document(memo, PageModel())
    info = engine._new_measure.cache_info()
    assert info.misses >= 1 and info.hits >= 2


def test_markdown_formats_kept_across_documents_change_no_layout():
    """Markdown formats are made once per page model and reused by later documents:
    each document still lists only its own fonts, and lays out as with none kept."""
    code = read_markdown(b"# Memo\n\nText.\n\n```\nx = 1\n```\n\n- an item\n", "code.md")
    plain = read_markdown(b"# Memo\n\nText with no code at all.\n\n> quoted\n", "plain.md")
    korean = read_markdown("\n\n".join(text for _, text in korean_memo(1, 2)).encode(), "k.md")
    memos = (code, plain, korean)
    fresh = []
    for memo in memos:
        engine._MARKDOWN_FORMATS.clear()
        fresh.append(layout_document(memo, PageModel()))
    for memo, expected in zip([*memos, *reversed(memos)], [*fresh, *reversed(fresh)],
                              strict=True):
        assert layout_document(memo, PageModel()) == expected
    assert {font.name for font in fresh[0].fonts} == {"Calibri", "Courier New"}
    assert {font.name for font in fresh[1].fonts} == {"Calibri"}
    assert layout_document(plain, PageModel(font="Arial")).fonts[0].name == "Arial"
