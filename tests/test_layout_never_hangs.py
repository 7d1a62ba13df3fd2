"""The page flow always ends: a line that fits on no page is set anyway.

A table row taller than the page below its repeated header, or a
keep-together table that fits no page, used to turn pages forever (a DOCX
from a pull request could hang the linter). Each pour runs under an alarm,
so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.document import PageSetup
from memolint.layout.engine import Box, _Flow

PAGE = (648.0, 648.0)


@contextmanager
def deadline(seconds: int = 2):
    def stuck(*_):
        raise AssertionError("the page flow did not end")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_row_taller_than_the_page_below_the_repeated_header_is_set_on_the_next_page():
    flow = _Flow(PageSetup(), PAGE)
    with deadline():
        start, end = flow.pour(Box(0.0, 0.0, [(20.0, 1), (640.0, 1)], repeat=20.0))
    assert (start, flow.page) == (0.0, 1)  # the header row on page 1, the tall row on page 2
    assert end == 2.0  # overfull: it runs to the page's foot


def test_a_keep_together_table_longer_than_a_page_flows_on_with_its_header():
    flow = _Flow(PageSetup(), PAGE)
    with deadline():
        flow.pour(Box(0.0, 0.0, [(20.0, 1), (14.0, 60)], keep_together=True,
                      widow_control=True, repeat=20.0))
    # 60 rows of 14 pt fit no page below the 20 pt header: they flow on from page 2
    assert flow.page == 2 and 0 < flow.y < PAGE[1]


boxes = st.builds(
    Box,
    st.sampled_from([0.0, 6.0, 12.0]),
    st.sampled_from([0.0, 6.0, 10.0]),
    st.lists(st.tuples(st.sampled_from([13.4, 14.65, 200.0, 640.0, 900.0]),
                       st.integers(0, 60)), max_size=3),
    keep_together=st.booleans(),
    widow_control=st.booleans(),
    page_break_before=st.booleans(),
    repeat=st.sampled_from([0.0, 20.0, 300.0]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(boxes, max_size=12), st.sampled_from([1, 2]))
def test_any_boxes_pour_to_an_end(sequence, columns):
    flow = _Flow(PageSetup(columns=columns), PAGE)
    with deadline():
        positions = [flow.pour(box) for box in sequence]
    assert all(start <= end for start, end in positions)
