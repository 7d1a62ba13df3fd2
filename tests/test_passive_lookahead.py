"""The passive finder's verb patterns and participle check find what the full patterns find.

The finder spells no participle out in its patterns: it stops at each "be"
or "get" and asks the word lists about the word after the adverbs. The full
patterns (participles spelled out) define the matches; these tests build
texts from every piece that could make the two differ (every adverb and
irregular participle, look-alikes, contractions, hyphens and apostrophes,
adverb runs longer than three, a verb form where the participle stands).
"""

from __future__ import annotations

import random

from memolint.passive import _ADVERBS, finder
from memolint.wordlists import words_of
from tests.test_rule_matchers import _slow_passive as _full


def test_no_adverb_is_a_participle():
    # What lets the finder take the first word after the adverbs as the only candidate.
    passive = finder(())
    assert not [a for a in _ADVERBS if a in passive.irregular or a.endswith("ed")]
    assert not [word for word in passive.irregular if word.endswith("ly")]


def test_the_finder_matches_the_full_patterns_on_every_text():
    passive = finder(("interested", "excited"))
    pieces = ["am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
              "gotten", "getting", "we're", "I'm", "isn't", "wasn't", "n't", "n\u2019t",
              "reviewed", "need", "hundred", "ed", "red", "started", "married", "interested",
              "by", "legal", "quickly", "early", "Written", "United", ".", ",", "-", "'",
              *_ADVERBS, *sorted(passive.irregular)]
    rng = random.Random(5)
    for _ in range(6000):
        glue = rng.choice([" ", " ", " ", "  ", "\n", "'", "-", ""])
        text = glue.join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for variant in (text, text.upper(), text.capitalize()):
            assert passive.scan(variant, words_of(variant)) == _full(passive, variant), variant


def test_a_verb_form_after_the_adverbs_leaves_the_next_verb_its_match():
    passive = finder(())
    # "is not is": the first "is" takes no participle; the second "is done" is passive.
    assert passive.in_text("It is not is done.") == (10, 17)
    assert passive.in_text("It was not never always being done.") == (24, 34)
