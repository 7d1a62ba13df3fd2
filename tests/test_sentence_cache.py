"""The fast sentence path gives the same sentences as the spaCy component path.

The blank pipeline's sentences come from :func:`memolint.segmenter.sentence_ranges`
(token texts sliced from the block text, no doc annotations) and are shared
between rules through per-document caches; each must agree with what the
pipeline component and a plain filter give.
"""

from __future__ import annotations

import re

import pytest

from memolint.analysis import Analysis
from memolint.nlp import count_words, load_pipeline, sentences_in, sentences_of, split
from memolint.packs import load_profile
from memolint.readers.markdown import read_markdown
from memolint.segmenter import sentence_ranges
from tests.builders import block, document

TRICKY = [
    "",
    "   ",
    "No terminal punctuation here",
    "We ship in May. Costs fall by 12%, e.g. in support. Then we grow!",
    "  Leading space.  Two spaces between.   Three before the end.   ",
    "Option A costs less than option B. Option B needs two engineers.",
    "We tried three vendors, etc. None met the bar. We grew in the U.S. The team grew.",
    "Support tickets fell (see Appendix B.) Refunds fell too.",
    'He called the plan "a safe bet." Two weeks later it was cancelled.',
    'The team wrote a memo. "Why now?" was the first question.',
    "Really?! Yes. Wait... and then? No\u2026 Done.",
    "It ended.The next one began. Versions v2.1 and 3.5 shipped.",
    "Ask Dr. Patel. John F. Kennedy spoke. Acme Inc. signed.",
    "See https://example.com/a.b. Then e-mail ops@example.com. Thanks.",
    "Lists:\n- one.\n- Two.\n\nNew paragraph. (Aside.) [Note.] Fin.",
    "etc.! Odd. ... Start. ?. !",
    "One sentence.\u00a0Another after a no-break space. A third\u3000one.",
]


def _component_sentences(index: int, text: str):
    return sentences_of(index, load_pipeline("blank")(text), text)


@pytest.mark.parametrize("text", TRICKY)
def test_sentence_ranges_agree_with_the_component(text):
    nlp = load_pipeline("blank")
    fast = sentences_in(7, text, sentence_ranges(text, nlp.make_doc))
    assert fast == _component_sentences(7, text)


def test_blank_split_makes_no_docs_and_skips_the_tokenizer_without_terminals():
    nlp = load_pipeline("blank")
    docs, ranges = split(nlp, ["No full stop here", "One. Two."])
    assert docs is None
    assert ranges[0] == [(0, len("No full stop here"))]
    assert len(ranges[1]) == 2
    calls = []
    sentence_ranges("No full stop here", lambda text: calls.append(text))
    assert calls == []


def test_blank_docs_are_made_on_demand_with_sentence_starts():
    text = "We ship in May. Costs fall. Then we grow!"
    analysis = Analysis(document(block("paragraph", text, 1)), load_profile("six-pager"), "blank")
    assert [s.text for s in analysis.sentences] == [
        "We ship in May.", "Costs fall.", "Then we grow!"]
    doc = analysis.parsed[0]
    expected = load_pipeline("blank")(text)
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in expected]
    assert analysis.parsed[0] is doc  # made once


MEMO = """# Title

## Introduction

We ship in May. Costs fall by 12%, e.g. in support. Then we grow!

## Tenets

Customers first. Then cost.

## Appendix

Extra detail lives here. It is long.

한국어 문단입니다. 고객에게 빠르게 배송합니다. 비용도 줄입니다.
"""


def _analysis() -> Analysis:
    return Analysis(read_markdown(MEMO.encode(), "memo.md"), load_profile("six-pager"),
                    "blank")


def test_memo_sentences_equal_the_component_path():
    analysis = _analysis()
    blocks = analysis.document.blocks
    english = [s for s in analysis.sentences if analysis.block_language(s.block_index) != "ko"]
    expected = [s for i, b in enumerate(blocks) if b.is_prose and analysis.block_language(i) != "ko"
                for s in _component_sentences(i, b.text)]
    assert english == expected
    assert len(english) == 7


@pytest.mark.parametrize("languages", [("en",), ("ko",), ("en", "de"), ("*",)])
def test_sentences_for_equals_a_plain_filter_and_is_made_once(languages):
    analysis = _analysis()
    expected = [s for s in analysis.sentences
                if analysis.in_languages(s.block_index, languages)]
    found = analysis.sentences_for(languages)
    assert found == expected
    assert analysis.sentences_for(languages) is found


@pytest.mark.parametrize("roles", [frozenset(), frozenset({"appendix"}),
                                   frozenset({"appendix", "tenets"})])
def test_sentences_in_scope_equals_a_plain_filter_and_is_made_once(roles):
    analysis = _analysis()
    expected = [s for s in analysis.sentences_for(("en",))
                if analysis.roles[s.block_index] not in roles]
    found = analysis.sentences_in_scope(("en",), roles)
    assert found == expected
    assert analysis.sentences_in_scope(("en",), roles) is found
    if roles:
        assert len(found) < len(analysis.sentences_for(("en",)))


_WORD = re.compile(r"[^\s\w]*\w\S*")  # the definition count_words stands for


@pytest.mark.parametrize("text", [
    "", " ", "a", "— & •", "a — b", "-x- y", "(1) [a] {b}", "e.g. i.e.",
    "\u201cquoted\u201d \u2018word\u2019", "x\u00a0—\u00a0y", "tab\t\u2013\tsep",
    "line\n•\nbreak", "ünï cödé ½ ² ٣", "_ __ a_b", "\u200b x",
    "dash — at the end —", "— dash at the start",
])
def test_count_words_matches_the_word_pattern(text):
    assert count_words(text) == len(_WORD.findall(text))


def test_count_words_matches_the_word_pattern_for_every_latin1_character():
    for code in range(0x100):
        char = chr(code)
        for text in (char, f"a {char} b", f"{char}a", f"-{char}-"):
            assert count_words(text) == len(_WORD.findall(text)), repr(text)
