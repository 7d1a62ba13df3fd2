"""Fast paths of the prose rules give exactly what the general paths give.

Each shortcut (ASCII word counting, one-word gates, scores shared between
the readability rules) must agree with the definition it stands in for.
"""

from __future__ import annotations

import gc
import re
import weakref

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.analysis import Analysis
from memolint.config import Settings
from memolint.engine import lint_document
from memolint.nlp import Sentence, count_words, without_urls
from memolint.packs import load_profile
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry
from memolint.wordlists import TextSet, WordGate, words_of
from tests.test_readability import DENSE, PLAIN

#: ASCII text, with the odd separators (\x1c-\x1f split in ``str`` but not in ``bytes``),
#: marks, underscores, addresses, and a few non-ASCII characters for the general path.
PIECES = st.sampled_from([*map(chr, range(128)), "ab", " ", " ", "--", "_", "x@y.com",
                          "http://a.b/c", "www.d.e", "caf\u00e9", "\u2014", "\u00a0"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _words_by_definition(text: str) -> int:
    """Runs between white space holding a letter, digit or underscore, URLs left out."""
    return sum(1 for run in without_urls(text).split() if re.search(r"\w", run))


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_count_words_is_runs_holding_a_word_character(text):
    assert count_words(text) == _words_by_definition(text)


def test_count_words_splits_where_str_split_does():
    assert count_words("one\x1ctwo\x1fthree - & four") == 4
    assert count_words("\u2014 em dash \u2014 aside") == 3


def test_sentence_keeps_its_attributes_and_is_immutable():
    sentence = Sentence(2, 5, 9, "We go.", 2)
    assert (sentence.block_index, sentence.start, sentence.end, sentence.text,
            sentence.words) == (2, 5, 9, "We go.", 2)
    assert sentence == Sentence(2, 5, 9, "We go.", 2)
    assert hash(sentence) == hash(Sentence(2, 5, 9, "We go.", 2))
    try:
        sentence.start = 0  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("a Sentence must not change")


WORDS = st.sampled_from(["in", "the", "long", "run", "a", "lot", "soon", "up", "by", "x"])
PHRASES = st.lists(st.lists(WORDS, min_size=1, max_size=4), min_size=1, max_size=8)


@settings(max_examples=500, deadline=None)
@given(PHRASES, st.lists(st.frozensets(WORDS, max_size=6), max_size=12))
def test_gate_admits_exactly_texts_holding_every_word_of_a_phrase(phrases, word_sets):
    gate = WordGate(phrases)
    for words in word_sets:
        assert gate.admits(words) == any(set(p) <= words for p in phrases)


@settings(max_examples=300, deadline=None)
@given(PHRASES, st.lists(st.lists(WORDS, max_size=8).map(" ".join), max_size=12))
def test_text_set_holds_exactly_the_admitted_texts(phrases, texts):
    gate = WordGate(phrases)
    expected = {t for t in texts if any(set(p) <= words_of(t) for p in phrases)}
    assert TextSet(texts).holding(gate) == expected


MEMO = f"# Plain\n\n{PLAIN * 6}\n\n# FAQ\n\n{DENSE * 5}\n"
BLANK = Settings(nlp_model="blank", select=("R003", "R004"))


def _lines(settings: Settings) -> list[tuple[str, int, int, int]]:
    result = lint_document(read_markdown(MEMO.encode(), "memo.md"), settings, Registry.load())
    return [(d.code, d.line, d.column, d.end_line) for d in result.diagnostics]


def test_grade_and_ease_share_scores_only_within_the_same_scope():
    assert _lines(BLANK) == [("R003", 3, 1, 3), ("R004", 3, 1, 3),
                             ("R003", 5, 3, 5), ("R004", 5, 3, 5)]
    # The ease rule skips the FAQ: its memo score and sections differ from the grade rule's.
    ease_without_faq = BLANK._replace(rules=(("R004", (("exempt_roles", ["faq"]),)),))
    assert _lines(ease_without_faq) == [("R003", 3, 1, 3), ("R003", 5, 3, 5)]


def test_shared_scores_do_not_keep_the_analysis_alive():
    document = read_markdown(MEMO.encode(), "memo.md")
    analysis = Analysis(document, load_profile("six-pager"), "blank")
    from memolint.kinds import RuleContext, get_kind

    registry = Registry.load()
    for code in ("R003", "R004", "W001"):
        rule = registry.rules[code]
        list(get_kind(rule.kind)(RuleContext(document, analysis, rule, rule.options)))
    gone = weakref.ref(analysis)
    del analysis
    gc.collect()
    assert gone() is None

