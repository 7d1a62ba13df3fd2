"""Readability kinds: sentences, sections, paragraphs and the whole memo.

A memo is read in silence, sentence by sentence, in a meeting that waits for
the slowest reader. These kinds measure the prose only (headings, code,
tables, list labels and URLs never count) with memolint's own sentences and
textstat's syllables, and report where the hard reading is: the sentence,
the section, or the paragraph and its hardest sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from itertools import groupby
from typing import NamedTuple

from memolint.diagnostics import Finding
from memolint.kinds import RuleContext, kind
from memolint.kinds.scope import by_block, exempt_roles, sentence_finding, sentences, snippet
from memolint.nlp import Sentence
from memolint.readability import Scores, flesch_scores, syllable_counts
from memolint.sections import Section

#: Block kinds that are paragraphs for the paragraph rules (not list items).
_PARAGRAPHS = frozenset({"paragraph", "quote"})


def _where(section: Section) -> str:
    return f"section '{section.title}'" if section.title else "the opening"


def _sections(all_sections: list[Section], found: list[Sentence]
              ) -> Iterator[tuple[Section, int, int]]:
    """Each section with the range of ``found`` (sentences in document order) it
    holds, as (section, start, stop); sections without any are skipped."""
    blocks = [sentence.block_index for sentence in found]
    start = 0
    for section in all_sections:
        stop = bisect_left(blocks, section.end, start)
        if stop > start:
            yield section, start, stop
        start = stop


class _Scored(NamedTuple):
    """Sentences with their Flesch scores and word count."""

    sentences: list[Sentence]
    scores: Scores | None
    words: int


class _Scope:
    """The Flesch scores of one rule scope's sentences: the memo's, each section's,
    each block's. Each sentence's words and syllables are looked up once; a part's
    score comes from their sums over its range of sentences."""

    def __init__(self, ctx: RuleContext) -> None:
        found = sentences(ctx)
        self.words = [sentence.words for sentence in found]
        self._syllables = syllable_counts([sentence.text for sentence in found])
        self.memo = _Scored(found, self.scores(0, len(found)), sum(self.words))
        # The sections, not the context: the cache must hold no reference to the analysis.
        self._all_sections = ctx.analysis.sections
        self._sections: list[tuple[Section, _Scored]] | None = None

    def scores(self, start: int, stop: int) -> Scores | None:
        """The Flesch scores of the sentences ``start`` to ``stop`` (exclusive)."""
        return flesch_scores(sum(self.words[start:stop]), stop - start,
                             sum(self._syllables[start:stop]))

    @property
    def sections(self) -> list[tuple[Section, _Scored]]:
        """Each section holding sentences in scope, scored (made at the first request)."""
        if self._sections is None:
            found = self.memo.sentences
            self._sections = [
                (section, _Scored(found[start:stop], self.scores(start, stop),
                                  sum(self.words[start:stop])))
                for section, start, stop in _sections(self._all_sections, found)
            ]
        return self._sections

    def blocks(self) -> Iterator[tuple[int, int, int]]:
        """Each block holding sentences in scope, as (block index, start, stop)."""
        start = 0
        for index, inside in groupby(s.block_index for s in self.memo.sentences):
            stop = start + sum(1 for _ in inside)
            yield index, start, stop
            start = stop


def _scope(ctx: RuleContext) -> _Scope:
    """The scored scope of the rule's sentences, shared by the rules with the same
    scope (languages, exempt roles): the grade and the ease rules (and the
    paragraph rule's baseline) score the same sentences."""
    key = ("readability.scope", ctx.rule.languages, exempt_roles(ctx))
    return ctx.analysis.shared(key, lambda: _Scope(ctx))


@kind("long_sentence")
def long_sentence(ctx: RuleContext) -> Iterator[Finding]:
    """Sentences longer than ``max_words`` words."""
    limit = ctx.options["max_words"]
    for sentence in sentences(ctx):
        if sentence.words > limit:
            yield sentence_finding(
                sentence,
                f"sentence of {sentence.words} words (limit {limit}): split it, one idea "
                f"per sentence",
            )


@kind("sentence_length_average")
def sentence_length_average(ctx: RuleContext) -> Iterator[Finding]:
    """Sections whose sentences average more than ``max_average`` words."""
    limit, minimum = ctx.options["max_average"], ctx.options["min_sentences"]
    found = sentences(ctx)
    for section, start, stop in _sections(ctx.analysis.sections, found):
        inside = found[start:stop]
        average = sum(s.words for s in inside) / len(inside)
        if len(inside) >= minimum and average > limit:
            yield Finding(
                block_index=section.start,
                message=(
                    f"{_where(section)} averages {average:.1f} words per sentence over "
                    f"{len(inside)} sentences (limit {limit}): break up its longest sentences"
                ),
            )


def _score_findings(
    ctx: RuleContext, value: Callable[[Scores], float], too_hard: Callable[[float], bool],
    describe: Callable[[float], str],
) -> Iterator[Finding]:
    """Document-level, then per-section findings for one Flesch measure."""
    scope = _scope(ctx)
    found, overall, words = scope.memo
    if overall is None:
        return
    minimum = ctx.options["min_words"]
    if words >= minimum and too_hard(value(overall)):
        yield Finding(block_index=found[0].block_index,
                      message=f"the memo's prose {describe(value(overall))}")
    if not ctx.options["per_section"]:
        return
    sections = scope.sections
    for section, (_, scores, words) in sections if len(sections) > 1 else ():
        if scores and words >= minimum and too_hard(value(scores)):
            yield Finding(block_index=section.start,
                          message=f"{_where(section)} {describe(value(scores))}")


@kind("reading_grade")
def reading_grade(ctx: RuleContext) -> Iterator[Finding]:
    """Flesch-Kincaid grade above ``max_grade`` for the memo and per section."""
    limit = ctx.options["max_grade"]
    yield from _score_findings(
        ctx, lambda s: s.flesch_kincaid_grade, lambda v: v > limit,
        lambda v: f"reads at Flesch-Kincaid grade {v:.1f} (limit {limit:g}): use shorter "
                  f"sentences and plainer words",
    )


@kind("reading_ease")
def reading_ease(ctx: RuleContext) -> Iterator[Finding]:
    """Flesch Reading Ease below ``min_ease`` for the memo and per section."""
    limit = ctx.options["min_ease"]
    yield from _score_findings(
        ctx, lambda s: s.flesch_reading_ease, lambda v: v < limit,
        lambda v: f"has Flesch Reading Ease {v:.1f} (at least {limit:g} wanted): use "
                  f"shorter sentences and plainer words",
    )


@kind("hard_paragraph")
def hard_paragraph(ctx: RuleContext) -> Iterator[Finding]:
    """Paragraphs far harder than the memo around them, at their hardest sentence."""
    scope = _scope(ctx)
    found, overall, _ = scope.memo
    if overall is None:
        return
    gap, floor = ctx.options["grade_gap"], ctx.options["min_grade"]
    blocks = ctx.document.blocks

    def grade_of(n: int) -> float:
        return scope.scores(n, n + 1).flesch_kincaid_grade  # type: ignore[union-attr]

    for index, start, stop in scope.blocks():
        if blocks[index].kind not in _PARAGRAPHS:
            continue
        scores = scope.scores(start, stop)
        if scores is None or sum(scope.words[start:stop]) < ctx.options["min_words"]:
            continue
        grade = scores.flesch_kincaid_grade
        if grade > floor and grade - overall.flesch_kincaid_grade >= gap:
            hardest = max(range(start, stop), key=grade_of)
            worst, worst_grade = found[hardest], grade_of(hardest)
            yield sentence_finding(
                worst,
                f"paragraph reads at grade {grade:.1f}, {grade - overall.flesch_kincaid_grade:.1f}"
                f" above the memo's {overall.flesch_kincaid_grade:.1f}; its hardest sentence "
                f"(grade {worst_grade:.1f}) is \"{snippet(worst.text)}\": rewrite that first",
            )


@kind("long_paragraph")
def long_paragraph(ctx: RuleContext) -> Iterator[Finding]:
    """Paragraphs over ``max_words`` words or ``max_sentences`` sentences."""
    max_words, max_sentences = ctx.options["max_words"], ctx.options["max_sentences"]
    blocks = ctx.document.blocks
    for index, inside in by_block(sentences(ctx)).items():
        words = sum(s.words for s in inside)
        if blocks[index].kind in _PARAGRAPHS and (
            words > max_words or len(inside) > max_sentences
        ):
            yield Finding(
                block_index=index,
                message=(
                    f"paragraph of {words} words in {len(inside)} sentences (limits "
                    f"{max_words} words, {max_sentences} sentences): split it where the "
                    f"topic turns"
                ),
            )
