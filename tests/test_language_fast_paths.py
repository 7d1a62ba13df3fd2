"""Shortcuts of language detection and word counting give what their definitions give.

One lowercased split per block (:attr:`Block.lower_runs`) stands in for
``text.split()`` in the word count and the longest run; English scored first
stands in for counting every language's stopwords; a one-language weight
stands in for the general dominant-language sums. Each must agree with the
definition, on any text.
"""

from __future__ import annotations

import sys
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.document import Block, Position, SourceMap
from memolint.language import (
    MIN_STOPWORDS,
    MIN_WEIGHT,
    STOPWORDS,
    UNDETERMINED,
    dominant,
    language_weights,
    stopword_language,
    visible_characters,
)

#: Every stopword, a few words of no list, and characters that test the split:
#: the odd ASCII separators, non-ASCII spaces, İ (whose lowercase is longer),
#: final sigma, Hangul and kana.
_VOCABULARY = sorted(set().union(*STOPWORDS.values()))
PIECES = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.sampled_from(["The", "DER", "Und", "memo", "launch", "x1", "caf\u00e9", "\u0130stanbul",
                     "\u0130", "\u03a3\u039f\u03a3", "\uac00\ub098", "\u3072\u3089", "\u6f22"]),
    st.sampled_from([" ", "  ", "\n", "\t", "\x1c", "\x1f", "\u00a0", "\u3000", "\u2028",
                     ".", ","]),
)
TEXTS = st.lists(PIECES, max_size=40).map(" ".join) | st.text(max_size=40)


def _block(text: str) -> Block:
    return Block("paragraph", text, SourceMap.at(1), Position(1, len(text) + 1))


def test_lowercasing_keeps_white_space_and_lengths_but_for_dotted_capital_i():
    """The facts :attr:`Block.lower_runs` rests on, over every code point."""
    every = [chr(c) for c in range(sys.maxunicode + 1)]
    assert [c for c in every if len(c.lower()) != 1] == ["\u0130"]
    spaces = [c for c in every if c.isspace()]
    assert all(c.lower() == c for c in spaces)
    lowered = "".join(c.lower() for c in every if not c.isspace())
    assert lowered.split() == [lowered]  # no letter lowercases to white space


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_block_words_and_longest_run_are_the_plain_split(text):
    block = _block(text)
    runs = text.split()
    assert block.words == len(runs)
    assert block.longest_run == max(map(len, runs), default=0)
    assert block.lower_runs == text.lower().split()


def test_longest_run_counts_dotted_capital_i_once():
    block = _block("\u0130\u0130\u0130\u0130 ok")
    assert len(block.lower_runs[0]) == 8  # each İ lowercases to i + combining dot
    assert (block.words, block.longest_run) == (2, 4)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_visible_characters_are_the_non_space_characters(text):
    assert visible_characters(text) == len("".join(text.split()))


def _stopword_language_by_definition(runs: list[str]) -> str:
    """Every language's count of different stopwords; the first of the most wins."""
    found = set(runs)
    hits = {code: len(words & found) for code, words in STOPWORDS.items()}
    best = max(hits, key=hits.__getitem__)
    return best if hits[best] >= MIN_STOPWORDS else UNDETERMINED


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*_VOCABULARY, "memo", "launch"]), max_size=25))
def test_english_first_scoring_matches_counting_every_language(runs):
    assert stopword_language(runs) == _stopword_language_by_definition(runs)


def test_english_first_scoring_cases():
    assert stopword_language(["the", "plan", "and", "a", "goal"]) == "en"
    assert stopword_language(["as", "a"]) == "en"  # a tie with Portuguese: English first
    assert stopword_language(["a", "o", "e"]) == "pt"  # English one, Portuguese three
    assert stopword_language(["der", "und", "die"]) == "de"
    assert stopword_language(["the", "launch"]) == UNDETERMINED


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_weights_from_the_block_split_equal_weights_from_the_text(text):
    assert language_weights(text, _block(text).lower_runs) == language_weights(text)


def _dominant_by_definition(weights: dict[str, int]) -> str:
    named = {k: v for k, v in weights.items() if k != UNDETERMINED}
    if sum(weights.values()) < MIN_WEIGHT or not named:
        return UNDETERMINED
    return max(named, key=lambda code: named[code])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["en", "de", "ko", "ja", UNDETERMINED]),
                       st.integers(1, 40), max_size=4))
def test_dominant_one_language_shortcut_matches_the_sums(weights):
    assert dominant(Counter(weights)) == _dominant_by_definition(weights)
