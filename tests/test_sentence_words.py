"""``sentences_in`` counts each range's words as ``count_words`` does, fast path or not.

ASCII blocks without an address are translated once per block and each
range counted in a slice of that translation; these tests hold the result to
the definition: ``count_words`` of the range's own text, and the trimmed
range as the sentence.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.nlp import Sentence, count_words, sentences_in

#: ASCII characters of every kind (white space the ``bytes`` methods do not know,
#: marks, underscores), words, addresses, and non-ASCII for the general path.
PIECES = st.sampled_from([*map(chr, range(128)), "ab", "The", " ", "  ", ". ", "(", ")",
                          "--", "_", "x@y.com", "http://a.b/c", "www.d.e", "caf\u00e9",
                          "\u2014", "\u00a0"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _by_definition(index: int, text: str, ranges: list[tuple[int, int]]) -> list[Sentence]:
    found = []
    for first, last in ranges:
        raw = text[first:last]
        stripped = raw.strip()
        words = count_words(stripped)
        if words:
            start = first + (len(raw) - len(raw.lstrip()))
            found.append(Sentence(index, start, start + len(stripped), stripped, words))
    return found


@st.composite
def texts_and_ranges(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A text and ranges of it: cut points in order (as the splitter makes them), or
    any ranges (overlapping, out of order, with gaps, as no caller makes them)."""
    text = draw(TEXTS)
    offsets = st.integers(0, len(text))
    if draw(st.booleans()):
        cuts = sorted(draw(st.lists(offsets, max_size=6)))
        firsts = [0, *cuts]
        return text, list(zip(firsts, [*cuts, len(text)], strict=True))
    pairs = draw(st.lists(st.tuples(offsets, offsets), max_size=6))
    return text, [(min(a, b), max(a, b)) for a, b in pairs]


@settings(max_examples=1500, deadline=None)
@given(texts_and_ranges())
def test_sentences_in_counts_words_as_count_words_does(case):
    text, ranges = case
    assert sentences_in(3, text, ranges) == _by_definition(3, text, ranges)


def test_marks_between_words_join_them_and_alone_are_no_word():
    text = "It's a co-op -- with (some) notes . Next one: x_y !"
    ranges = [(0, 36), (36, len(text))]
    found = sentences_in(0, text, ranges)
    assert [s.words for s in found] == [6, 3]
    assert [s.text for s in found] == ["It's a co-op -- with (some) notes .", "Next one: x_y !"]
    assert sentences_in(0, " -- ( ) ", [(0, 8)]) == []


def test_a_sentence_cut_inside_a_run_counts_its_own_part():
    text = "Costs rose.Next year"
    found = sentences_in(1, text, [(0, 11), (11, len(text))])
    assert [(s.start, s.end, s.words) for s in found] == [(0, 11, 2), (11, 20, 2)]


def test_addresses_and_non_ascii_take_the_general_path():
    text = "Mail x@y.com today. Caf\u00e9 \u2014 open."
    found = sentences_in(0, text, [(0, 20), (20, len(text))])
    assert [s.words for s in found] == [2, 2]
