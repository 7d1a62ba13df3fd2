"""Phrase lists: the word-key gate never changes what the regular expression finds."""

import random
import re

import pytest

from memolint import wordlists
from memolint.packs import builtin_pack_paths, load_pack
from memolint.wordlists import TextSet, WordGate, _words, phrase_pattern, words_of

#: Characters that case-fold onto ASCII letters, hyphens, apostrophes, odd spaces.
TRICKY = ["\u0130t", "\u0131t", "\u017fome", "\u212aey", "many-", "-many", "many_", "Many'",
          "\u2014many", "\uff2dany", "MANY", "e.g.", "don't", "\u00a0", "x" * 120]


def _lists() -> list[tuple[str, tuple[str, ...]]]:
    found = []
    for path in builtin_pack_paths():
        for rule in load_pack(path):
            for name, value in rule.options.items():
                if isinstance(value, dict) or (isinstance(value, list) and value
                                               and all(isinstance(v, str) for v in value)):
                    found.append((f"{rule.code}.{name}", tuple(value)))
    return found


@pytest.mark.parametrize(("where", "phrases"), _lists(), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_gated_matches_equal_the_patterns_matches(where, phrases):
    compiled = phrase_pattern(phrases)
    for variant in _texts(where, phrases):
        assert [m.span() for m in compiled.finditer(variant)] == \
            [m.span() for m in compiled.pattern.finditer(variant)], (where, variant)


def _texts(where: str, phrases: tuple[str, ...]) -> list[str]:
    """Texts glued from a list's words and marks and :data:`TRICKY`, in three cases."""
    pieces = [p for phrase in phrases for p in re.split(r"(\W)", phrase) if p] + TRICKY
    rng = random.Random(where)
    texts = []
    for _ in range(300):
        glue = rng.choice([" ", "  ", "\n", "-", ".", "'", ""])
        text = glue.join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        texts += [text, text.upper(), text.title()]
    return texts


def test_a_text_without_any_key_word_is_not_scanned_and_one_with_it_is():
    compiled = phrase_pattern(["in the long run", "a lot"])
    assert [m.group() for m in compiled.finditer("We grew A  LOT, in the long run.")] == \
        ["A  LOT", "in the long run"]
    assert list(compiled.finditer("The longer run of lots.")) == []
    non_ascii = phrase_pattern(["naïve"])
    assert [m.group() for m in non_ascii.finditer("A NAÏVE plan.")] == ["NAÏVE"]


@pytest.mark.parametrize(("where", "phrases"), _lists(), ids=lambda v: v if isinstance(v, str)
                         else "")
def test_a_text_set_keeps_every_text_a_list_matches(where, phrases):
    compiled = phrase_pattern(phrases)
    texts = _texts(where, phrases)
    kept = TextSet(texts).holding(compiled.gate)
    matched = {t for t in texts if compiled.pattern.search(t)}
    assert matched <= kept, sorted(matched - kept)[:3]


def test_a_text_set_drops_texts_missing_a_word_of_every_phrase():
    gate = phrase_pattern(["in the long run", "a lot"]).gate
    texts = ["We grew a lot.", "The long run of lots.", "In the LONG run.", "\u0130t ran long"]
    assert TextSet(texts).holding(gate) == {"We grew a lot.", "In the LONG run.",
                                            "\u0130t ran long"}
    assert TextSet(texts).holding(None) == frozenset(texts)
    assert TextSet(texts[1:2]).holding(WordGate([["nothing"]])) == frozenset()


def test_words_of_ascii_text_are_the_word_runs_of_its_lower_case():
    rng = random.Random(8)
    alphabet = [chr(c) for c in range(128)] + ["ab", "Don't", "e.g.", "_id", "Q3"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert _words(text) == frozenset(re.findall(r"\w+", text.lower())), text


def test_a_text_set_holds_exactly_the_texts_its_gate_admits():
    gate = phrase_pattern(["in the long run", "a lot", "soon", "run"]).gate
    pieces = ["in", "the", "long", "run", "a", "lot", "soon", "SOON", "lots", "\u0130t", "-",
              ".", " ", "  ", "runs", "caf\u00e9"]
    rng = random.Random(9)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(400)]
    expected = {t for t in texts if words_of(t) is None or gate.admits(words_of(t))}
    assert TextSet(texts).holding(gate) == expected
    assert TextSet(texts).holding(WordGate([["absent"]])) == {t for t in texts
                                                               if words_of(t) is None}


def test_the_words_of_texts_taken_together_are_each_texts_own():
    rng = random.Random(10)
    alphabet = [chr(c) for c in range(128)] + ["ab", "Don't", "\u0130t", "caf\u00e9", "\u2014",
                                               "\x1f", "\x1e", "Q3", "\ud800"]
    for _ in range(300):
        texts = list(dict.fromkeys("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
                                   for _ in range(rng.randint(0, 8))))
        together = wordlists._words_of_all(texts)
        assert together == {t: _words(t) for t in texts}, texts
        assert all(words_of(t) == together[t] for t in texts), texts


def test_a_text_set_over_memo_like_sentences_equals_the_plain_pattern():
    """Sentences glued from the built-in lists' words (ASCII, with a separator, with
    marks and unsafe characters): every list's kept texts are those it may match."""
    rng = random.Random(11)
    lists = [phrase_pattern(phrases) for _, phrases in _lists()]
    pieces = [word for compiled in lists if compiled.gate
              for word in sorted(compiled.gate.keys)[:12]] + TRICKY + ["\x1f", "\u2019s"]
    for _ in range(40):
        texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
                 for _ in range(rng.randint(1, 40))]
        texts += [t.title() for t in texts[:5]]
        kept_by = TextSet(texts)
        for compiled in lists:
            kept = kept_by.holding(compiled.gate)
            assert kept == {t for t in texts if compiled.gate is None or words_of(t) is None
                            or compiled.gate.admits(words_of(t))}
            assert {t for t in texts if compiled.pattern.search(t)} <= kept


def test_words_are_forgotten_before_they_outgrow_their_bound(monkeypatch):
    monkeypatch.setattr(wordlists, "_WORDS", {})
    monkeypatch.setattr(wordlists, "_WORDS_KEPT", 5)
    TextSet([f"text {n}" for n in range(4)])
    assert len(wordlists._WORDS) == 4
    TextSet(["one more", "and another"])
    assert set(wordlists._WORDS) == {"one more", "and another"}
    assert words_of("text 1") == frozenset({"text", "1"})
