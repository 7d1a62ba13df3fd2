"""Shortcuts of the wording and readability rules agree with their definitions.

Syllables are counted for many sentences in one pass, the passive finder
skips sentences without a participle, and the commitment rule looks only at
sentences holding all the words of one commitment phrase: each must give
exactly what the one-sentence, ungated path gives.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memolint import readability
from memolint.kinds.wording import _COMMITMENT, _COMMITMENT_GATE
from memolint.nlp import Sentence, count_words
from memolint.passive import finder
from memolint.readability import count_sentences, flesch_scores, scores_of, syllables
from memolint.wordlists import TextSet, words_of

#: Words, contractions, marks, addresses, the batch separator, odd white space,
#: capitals and characters outside ASCII (which take the one-at-a-time path).
SYLLABLE_PIECES = st.sampled_from([
    "the", "readability", "Beautiful", "'", "'s", "'t", "'ve", "'ll", "n't", "don't",
    " ", "  ", "\n", "\x1e", "\x1c", "-", ".", ",", "(", ")", "\u2019", "http://a.b/c",
    "www.d.e", "x@y.com", "42", "cafe\u0301", "\u00e9t\u00e9", "zyxwq", "_",
])
SYLLABLE_TEXTS = st.lists(SYLLABLE_PIECES, max_size=12).map("".join)


@pytest.fixture(autouse=True)
def _nothing_counted():
    """Each test counts from an empty table, as a new process does."""
    readability._COUNTED.clear()
    yield
    readability._COUNTED.clear()


@settings(max_examples=400, deadline=None)
@given(st.lists(SYLLABLE_TEXTS, max_size=8))
def test_counting_sentences_together_gives_each_ones_own_count(texts):
    readability._COUNTED.clear()
    count_sentences(texts)
    assert {t: readability._COUNTED[t] for t in texts} == {t: syllables(t) for t in texts}


def test_a_text_holding_the_separator_is_counted_alone():
    texts = ["one\x1etwo", "three syllables here.", "don't go'"]
    count_sentences(texts)
    assert [readability._COUNTED[t] for t in texts] == [syllables(t) for t in texts]
    assert readability._COUNTED["one\x1etwo"] == 2


def test_scores_of_counts_as_the_definition_does():
    texts = ["We shipped the importer on 3 May.", "Customers adopted it quickly.",
             "Reliability, availability and durability improved.", "We shipped the importer."]
    found = [Sentence(0, 0, len(t), t, count_words(t)) for t in texts]
    expected = flesch_scores(sum(s.words for s in found), len(found),
                             sum(syllables(t) for t in texts))
    assert scores_of(found) == expected
    assert scores_of(iter(found)) == expected  # any iterable, counted or not
    assert scores_of(found[1:2]) == flesch_scores(found[1].words, 1, syllables(texts[1]))


def test_the_table_is_emptied_before_it_outgrows_its_bound(monkeypatch):
    monkeypatch.setattr(readability, "_MAX_COUNTED", 3)
    texts = ["one two.", "three four five.", "six.", "seven eight nine ten."]
    count_sentences(texts)
    assert len(readability._COUNTED) <= 3
    assert readability._COUNTED["one two."] == 2  # counted again on demand
    assert len(readability._COUNTED) <= 3


#: Forms of "be" and "get", participles regular and irregular, look-alikes,
#: capitals, apostrophes and the characters that make lower-cased words unsafe.
PASSIVE_PIECES = st.sampled_from([
    "was", "is", "are", "been", "got", "gets", "not", "quickly", "reviewed", "REVIEWED",
    "written", "Written", "built", "need", "hundred", "interested", "by", "legal", "ed",
    "started", "we", "'re", "\u2019m", "n't", "-", ".", ",", " ", " ", "\u0130", "\u017f",
])
PASSIVE_TEXTS = st.lists(PASSIVE_PIECES, max_size=14).map("".join)


@settings(max_examples=1000, deadline=None)
@given(PASSIVE_TEXTS)
def test_passive_check_skips_only_texts_the_patterns_cannot_match(text):
    passive = finder(("interested",))
    assert passive.in_text(text) == passive.scan(text, words_of(text))


def test_passives_are_still_found_past_the_participle_check():
    passive = finder(())
    assert passive.in_text("The plan was written by Ana.") == (9, 20)
    assert passive.in_text("The plan was reviewed.") == (9, 21)
    assert passive.in_text("The plan was good.") is None


#: The words of every alternative of the commitment pattern, and neighbours.
COMMITMENT_PIECES = st.sampled_from([
    "we", "We", "I", "i", "will", "shall", "are", "going", "to", "plan", "intend", "aim",
    "commit", "be", "shipped", "ll", "'", "\u2019", " ", " ", ",", "-", "\u0131",
])
COMMITMENT_TEXTS = st.lists(COMMITMENT_PIECES, max_size=10).map("".join)


@settings(max_examples=1000, deadline=None)
@given(COMMITMENT_TEXTS)
def test_commitment_gate_admits_every_text_the_pattern_matches(text):
    if _COMMITMENT.search(text):
        assert text in TextSet([text]).holding(_COMMITMENT_GATE)


@pytest.mark.parametrize("text", [
    "We will ship it.", "I shall write.", "We are going to try.", "we plan to go.",
    "I intend to ask.", "We aim to win.", "We commit to it.", "We\u2019ll see.",
    "It will be shipped.",
])
def test_commitment_gate_admits_each_kind_of_commitment(text):
    assert _COMMITMENT.search(text)
    assert text in TextSet([text]).holding(_COMMITMENT_GATE)


@pytest.mark.parametrize("text", ["We know the way.", "It will rain.", "I am going home."])
def test_commitment_gate_turns_away_sentences_with_only_part_of_a_phrase(text):
    assert text not in TextSet([text]).holding(_COMMITMENT_GATE)
