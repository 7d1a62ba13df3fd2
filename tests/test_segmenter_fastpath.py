"""The blank pipeline's sentence ranges match a full tokenization of the text.

:func:`memolint.segmenter.sentence_ranges` tokenizes only the clusters of
text around terminal punctuation and caches each cluster's decisions. The
reference here tokenizes the whole text and runs the splitter over every
token, as the pipeline component does; the two must agree on any text,
whether the clusters come from the cache or from the tokenizer.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memolint import segmenter
from memolint.nlp import load_pipeline
from memolint.segmenter import (
    EXTRA_ABBREVIATIONS,
    NEVER_FINAL,
    USUALLY_FINAL,
    boundaries,
    sentence_ranges,
    sentence_ranges_of,
)


def reference(text: str) -> list[tuple[int, int]]:
    """Sentence ranges from every token of the whole text."""
    doc = load_pipeline("blank").make_doc(text)
    starts = boundaries([t.text for t in doc], [t.whitespace_ for t in doc])
    firsts = [0, *(token.idx for token, start in zip(doc[1:], starts[1:], strict=True) if start)]
    return list(zip(firsts, [*firsts[1:], len(text)], strict=True))


def check(text: str, forget: bool = True) -> None:
    """From the tokenizer (the cache emptied first), then from the cache: as the reference."""
    make_doc = load_pipeline("blank").make_doc
    if forget:
        segmenter._cache_of(make_doc).clear()
    expected = reference(text)
    assert sentence_ranges(text, make_doc) == expected
    assert sentence_ranges(text, make_doc) == expected


DOCSTRING_EXAMPLES = [
    "Latency fell to approx. five ms.",
    "We tried vendors, etc. Next we built it.",
    "We waited... and waited. Then it shipped.",
    "Support tickets fell (see Appendix B.) Refunds fell too.",
    "Prices vary, e.g. Europe. Costs fall, i.e. Support costs. Plan A vs. Plan B.",
    "Ask Dr. Patel on St. Clair Ave. Today.",
    "Acme Inc. The vendor. We ship in Jan. We tried No. Seven.",
    "the U.S. Army uses it.",
    "We grew in the U.S. We hired.",
    "option B. Option C costs more.",
    "John F. Kennedy spoke.",
    "Version v2.1 shipped at 3.5 points.",
    "Wait... ... Next one.",
    'He said "a safe bet." Two weeks later.',
    'We wrote a memo. "Why now?" was asked.',
    "Really?! Yes. Wait... and then? No\u2026 Done.",
    "It ended.The next one began.",
    "See https://example.com/a.b. Then e-mail ops@example.com. Thanks.",
    "etc.! Odd. ... Start. ?. !",
]
EDGE_CASES = [
    "", " ", ".", "  . ", "a.", "A. B.", "x\u00a0.", "\n.\n", ". A", " . A", "\t. A",
    "We chose. option B. Option C.",  # the word before "B." ends an earlier cluster
    "We chose.\noption B. Option C.",  # other white space before a cluster: search
    "x\nB. Option", "x  B. Option", "x \nB. Option", "x\n B. Option", "option\u00a0B. Option",
    "a\nb. C", "a.\nb. C\td. E\u3000f. G", "one.\u00a0Two. Three\u3000four. Five",
    "Lists:\n- one.\n- Two.\n\nNew paragraph. (Aside.) [Note.] Fin.",
    '"Done." "Next." \u201cQuoted.\u201d \u2018Single.\u2019 \u00abGuillemets.\u00bb Last.',
    'It ended. " ( [ Next', "It ended. ) Next", "It ended.) Next", "It ended. ...  \u2026 Next",
    "It ended.  ", "It ended.\n", "It ended. (", "e.g. ... The end. etc. ... The end.",
    "Costs fell 3.5%. The U.S. Army. In the U.S. The team.",
]


@pytest.mark.parametrize("text", DOCSTRING_EXAMPLES + EDGE_CASES)
def test_examples_match_the_full_tokenization(text):
    check(text)


def test_the_examples_split_where_the_docstring_says():
    """The reference itself splits as documented (so agreeing with it means something)."""
    text = "option B. Option C costs more. The U.S. Army uses it. We grew in the U.S. We hired."
    assert [text[a:b].strip() for a, b in sentence_ranges(text, load_pipeline("blank").make_doc)] \
        == ["option B.", "Option C costs more.", "The U.S. Army uses it.",
            "We grew in the U.S.", "We hired."]


#: Pieces that exercise the splitter's decisions and the tokenizer's rules.
_ABBREVIATIONS = sorted({form for word in (*EXTRA_ABBREVIATIONS, *NEVER_FINAL, *USUALLY_FINAL)
                         for form in (word, word.capitalize(), word.upper())})
PIECES = [
    *_ABBREVIATIONS, "U.S.", "e.g.", "i.e.", "Jan.", "B.", "F.", "a.", "3.5", "v2.1", "2.4x",
    "https://example.com/a.b", "ops@example.com", "example.com.", "...", "\u2026", ".", "!", "?",
    "?!", '"', "'", "(", ")", "[", "]", "{", "}", "\u00ab", "\u00bb", "\u201c", "\u201d",
    "\u2018", "\u2019", "The", "We", "In", "Option", "option", "the", "we", "sales", "A", "x",
    "12", "Acme", "it's", "don't", "U.K", "Mr", "-", "--", ",", ";", ":", "%", "$", "&",
    " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u3000", " \n", "\n ",
]
_ALPHABET = ".!?\u2026\"'()[]{}\u00ab\u00bb\u201c\u201d\u2018\u2019 \n\t\u00a0aAbBTe1x-,"
texts = (st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
         | st.text(alphabet=_ALPHABET, max_size=60)
         | st.lists(st.sampled_from(PIECES) | st.text(alphabet=_ALPHABET, max_size=3),
                    max_size=30).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_any_text_matches_the_full_tokenization(text):
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(texts, min_size=2, max_size=5))
def test_a_cluster_decides_the_same_in_any_text(parts):
    """Clusters seen in one text and met again in others give the same decisions."""
    segmenter._cache_of(load_pipeline("blank").make_doc).clear()
    for text in (" ".join(parts), "\n".join(parts), "".join(parts), *parts):
        check(text, forget=False)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=6))
def test_texts_decided_in_one_batch_split_as_each_alone(batch):
    """One tokenizer call for several texts: a cluster ending one text is not read as
    followed by the next text's clusters."""
    make_doc = load_pipeline("blank").make_doc
    segmenter._cache_of(make_doc).clear()
    assert sentence_ranges_of(batch, make_doc) == [reference(text) for text in batch]


def test_a_text_ending_at_a_terminal_does_not_end_before_the_next_texts_word():
    make_doc = load_pipeline("blank").make_doc
    segmenter._cache_of(make_doc).clear()
    batch = ["We grew in the U.S.", "Today.", "We chose plan B.", "Option C."]
    assert sentence_ranges_of(batch, make_doc) == [[(0, 19)], [(0, 6)], [(0, 16)], [(0, 9)]]


def test_the_cache_is_bounded_and_stays_correct(monkeypatch):
    make_doc = load_pipeline("blank").make_doc
    monkeypatch.setattr(segmenter, "CACHE_LIMIT", 5)
    cache = segmenter._cache_of(make_doc)
    cache.clear()
    sizes = []
    for number in range(40):
        text = f"Item {number}. Costs {number}. We grew {number} times. Fin."
        assert sentence_ranges(text, make_doc) == reference(text)
        sizes.append(len(cache))
    assert max(sizes) <= 5
    assert min(sizes) < 5  # it was emptied, not merely full
    text = "Item 39. Costs 39. We grew 39 times. Fin."  # its clusters were cached last
    assert sentence_ranges(text, make_doc) == reference(text)


def test_the_cache_belongs_to_the_pipeline():
    """Another tokenizer (here a plain function) gets a cache of its own."""
    nlp = load_pipeline("blank")
    assert segmenter._cache_of(nlp.make_doc) is segmenter._cache_of(nlp.make_doc)

    def make_doc(text):
        return nlp.make_doc(text)

    assert segmenter._cache_of(make_doc) is not segmenter._cache_of(nlp.make_doc)
    text = "We chose Plan B. It costs less."
    assert sentence_ranges(text, make_doc) == reference(text)


def test_tokenizer_rules_never_span_white_space():
    """What makes clusters independent: no special case joins two chunks.

    A rule key holding white space is white space alone (one token of its own).
    """
    rules = load_pipeline("blank").tokenizer.rules
    assert rules
    assert all(key.isspace() or not re.search(r"\s", key) for key in rules)


def test_regex_white_space_is_the_tokenizers():
    """Clusters are cut with ``\\s``; spaCy cuts chunks with ``str.isspace``."""
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert "".join(re.findall(r"\s", everything)) == "".join(c for c in everything if c.isspace())
