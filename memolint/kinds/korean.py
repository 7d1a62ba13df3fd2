"""Korean kinds: sentence length by characters, and Korean word lists.

The English readability and wording rules count words and match English
phrases; on Korean they are skipped (X002). These kinds do the same jobs for
Korean prose, on the sentences :mod:`memolint.ko.segment` finds: a long
sentence is measured in characters (the Korean writer's unit), and vague,
hedged and undated words are matched as Korean stems with their particles
and endings (:mod:`memolint.ko.terms`), the lists being rule options.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from memolint.diagnostics import Finding
from memolint.kinds import RuleContext, kind
from memolint.kinds.scope import sentence_finding, sentences
from memolint.ko.segment import character_count
from memolint.ko.terms import NUMBER, SPELLED_NUMBER, term_pattern
from memolint.nlp import Sentence
from memolint.wordlists import wordlist

#: A number right after a time word makes it a period, not a vague time: "향후 3년".
_NUMBER_AFTER = re.compile(rf"\s+(?:\d|{SPELLED_NUMBER})")


def _find(ctx: RuleContext, option: str, text: str) -> list[re.Match[str]]:
    """Matches of one of the rule's Korean term lists in ``text``."""
    pattern = term_pattern(ctx.options[option], wordlist("korean")["particles"])
    return list(pattern.finditer(text))


def _terms(found: list[re.Match[str]]) -> str:
    return ", ".join(dict.fromkeys(f'"{m.group(0)}"' for m in found))


@kind("ko_long_sentence")
def ko_long_sentence(ctx: RuleContext) -> Iterator[Finding]:
    """Korean sentences longer than ``max_chars`` characters (white space not counted)."""
    limit = ctx.options["max_chars"]
    for sentence in sentences(ctx):
        chars = character_count(sentence.text)
        if chars > limit:
            yield sentence_finding(
                sentence,
                f"sentence of {chars} characters, {sentence.words} eojeol (limit {limit} "
                f"characters): split it, one idea per sentence",
            )


def _graded(sentence: Sentence, found: list[re.Match[str]], mild: bool, what: str,
            advice: str) -> Finding:
    """A sentence finding: info when ``mild`` (a number backs it), else a warning."""
    return sentence_finding(sentence, f"{what} {_terms(found)}: {advice}",
                            severity="info" if mild else "warning")


@kind("ko_weasel_words")
def ko_weasel_words(ctx: RuleContext) -> Iterator[Finding]:
    """Korean vague quantifiers and intensifiers: a warning without a number, info with one."""
    for sentence in sentences(ctx):
        found = _find(ctx, "words", sentence.text)
        if found:
            yield _graded(sentence, found, bool(NUMBER.search(sentence.text)), "vague",
                          "give the number (\"고객의 87%\", not \"대부분의 고객\")")


@kind("ko_hedges")
def ko_hedges(ctx: RuleContext) -> Iterator[Finding]:
    """Korean hedges; first-person belief is info, other hedges warn without a number."""
    for sentence in sentences(ctx):
        beliefs = _find(ctx, "beliefs", sentence.text)
        others = _find(ctx, "phrases", sentence.text)
        if beliefs or others:
            mild = not others or bool(NUMBER.search(sentence.text))
            yield _graded(sentence, beliefs + others, mild, "hedged",
                          "state the claim and the evidence for it, or say what would settle it")


@kind("ko_vague_time")
def ko_vague_time(ctx: RuleContext) -> Iterator[Finding]:
    """Korean vague time words (곧, 추후, 조만간): each one, unless a number follows it."""
    for sentence in sentences(ctx):
        for match in _find(ctx, "phrases", sentence.text):
            if _NUMBER_AFTER.match(sentence.text, match.end()):
                continue  # "향후 3년", "최근 두 달": a period, not a vague time
            yield Finding(
                block_index=sentence.block_index, start=sentence.start + match.start(),
                end=sentence.start + match.end(),
                message=(f"vague time \"{match.group(0)}\": give the date or the period "
                         f"(\"6월 30일까지\", \"3개월 전\")"),
            )
