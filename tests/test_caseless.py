"""Caseless patterns: matching the lower-cased text finds what IGNORECASE finds."""

import re
import sys

import pytest

from memolint.wordlists import Caseless

#: Every code point but the surrogates and the three that fold unlike ``str.lower``.
UNSAFE = "\u0130\u0131\u017f"
ALL = "".join(chr(i) for i in range(sys.maxunicode + 1)
              if not 0xD800 <= i <= 0xDFFF and chr(i) not in UNSAFE)


@pytest.mark.parametrize("source", [
    r"[a-z]", r"\w+", r"\s+", r"\d+", r"[\w-]", "k", "s", "i", r"\bq[1-4]\b",
    "we[\u2019']ll", r"\d+\s*(?:%|x\b|\u00d7)", r"(?<![\w-])(?P<w>a|ss|ki)(?![\w-])",
])
def test_same_spans_as_ignorecase_over_every_code_point(source):
    caseless = Caseless(source)
    assert caseless._plain is not None  # the fast path is the one under test
    expected = list(re.compile(source, re.IGNORECASE).finditer(ALL))
    found = list(caseless.finditer(ALL))
    assert [m.span() for m in found] == [m.span() for m in expected]
    assert [m.group() for m in found] == [m.group() for m in expected]  # the original case
    groups = caseless.pattern.groupindex
    assert [[f.group(g) for g in groups] for f in found] == \
        [[m.group(g) for g in groups] for m in expected]


def test_text_with_an_unsafe_character_goes_to_the_ignorecase_pattern():
    caseless = Caseless(r"\bsome\b")
    text = "\u017fome KEY and Some"
    assert [m.group() for m in caseless.finditer(text)] == ["\u017fome", "Some"]
    assert caseless.search(text).group() == "\u017fome"


def test_search_returns_the_original_text():
    assert Caseless(r"\bq[1-4]\b").search("Ship by Q3 2025").group() == "Q3"
    assert Caseless(r"\bnever\b").search("Not in this one") is None


@pytest.mark.parametrize("source", [r"Q[1-4]", r"\S+", "naïve", r"\x41",
                                    r"\N{LATIN SMALL LETTER A}"])
def test_patterns_that_may_fold_differently_keep_ignorecase(source):
    caseless = Caseless(source)
    assert caseless._plain is None
    assert [m.span() for m in caseless.finditer("NAÏVE q1 A a")] == \
        [m.span() for m in re.compile(source, re.IGNORECASE).finditer("NAÏVE q1 A a")]


def test_groups_read_the_original_text_as_ignorecase_matches_do():
    source = r"(?P<lead>we\s+)?(?P<verb>ship|will)\b(?P<tail>\s+it)?"
    caseless = Caseless(source)
    text = "WE Ship it. Will they? we  will IT"
    expected = list(re.compile(source, re.IGNORECASE).finditer(text))
    found = list(caseless.finditer(text))
    for group in (0, "lead", "verb", "tail", 1, 3):
        assert [f.group(group) for f in found] == [m.group(group) for m in expected]
        assert [f.span(group) for f in found] == [m.span(group) for m in expected]
        assert [(f.start(group), f.end(group)) for f in found] == \
            [(m.start(group), m.end(group)) for m in expected]
    assert caseless.search(text).span("tail") == expected[0].span("tail")


def test_the_ignorecase_pattern_is_compiled_only_when_a_text_needs_it():
    caseless = Caseless(r"\bsoon\b")
    assert caseless.search("Soon, SOON and soon").group() == "Soon"
    assert caseless._ignorecase is None  # ASCII texts never need it
    assert caseless.search("\u0130 soon").group() == "soon"
    assert caseless._ignorecase is not None
