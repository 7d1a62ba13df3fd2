"""The cluster pattern's possessive quantifiers change no match.

:data:`memolint.segmenter._CLUSTER` is compiled with possessive quantifiers
(Python 3.11+) so the engine gives up a chunk without a terminal at once;
:func:`memolint.segmenter._cluster_source` argues that no match changes. Here
the possessive pattern and the backtracking one are run at every position of
texts built from the pieces that make sentence boundaries hard.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memolint import segmenter

PIECES = ["U.S.", "e.g.", "B.", "3.5", "...", "\u2026", ".", "!", "?", "?!", '"', "'", "(", ")",
          "\u201c", "\u201d", "\u00ab", "\u00bb", "The", "we", "a.b", "x", " ", "  ", "\n", "\t",
          "\u00a0", " \n"]
_ALPHABET = ".!?\u2026\"'()[]{}\u00ab\u00bb\u201c\u201d \n\t\u00a0aBT1-"
texts = (st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
         | st.text(alphabet=_ALPHABET, max_size=60))

BACKTRACKING = re.compile(segmenter._cluster_source(""))


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int] | None, ...]]:
    """What ``match`` and ``search`` find from every position of ``text``."""
    found = []
    for position in range(len(text) + 1):
        matched, searched = pattern.match(text, position), pattern.search(text, position)
        found.append((matched and matched.span(), searched and searched.span()))
    return found


@pytest.mark.skipif(sys.version_info < (3, 11), reason="possessive quantifiers need 3.11")
def test_the_cluster_pattern_is_possessive_where_python_has_it():
    assert "*+" in segmenter._CLUSTER.pattern
    assert segmenter._CLUSTER.pattern.replace("+", "") == BACKTRACKING.pattern.replace("+", "")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_possessive_clusters_match_as_backtracking_ones(text):
    assert spans(segmenter._CLUSTER, text) == spans(BACKTRACKING, text)


@pytest.mark.parametrize("text", [
    "We grew in the U.S. We hired.", "option B. Option C.", 'He said "Stop." Then left.',
    "Wait... and see!  (Really?) Yes.", "a.b.c. d", "x.\n\u201cY\u201d z", "end.",
])
def test_possessive_clusters_match_on_examples(text):
    assert spans(segmenter._CLUSTER, text) == spans(BACKTRACKING, text)
