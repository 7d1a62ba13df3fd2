"""Readability kinds: sentences, sections, paragraphs and the whole memo.

A memo is read in silence, sentence by sentence, in a meeting that waits for
the slowest reader. These kinds measure the prose only (headings, code,
tables, list labels and URLs never count) with memolint's own sentences and
textstat's syllables, and report where the hard reading is: the sentence,
the section, or the paragraph and its hardest sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from memolint.diagnostics import Finding
from memolint.kinds import RuleContext, kind
from memolint.kinds.scope import by_block, exempt_roles, sentence_finding, sentences, snippet
from memolint.nlp import Sentence
from memolint.readability import Scores, scores_of
from memolint.sections import Section

#: Block kinds that are paragraphs for the paragraph rules (not list items).
_PARAGRAPHS = frozenset({"paragraph", "quote"})


def _where(section: Section) -> str:
    return f"section '{section.title}'" if section.title else "the opening"


def _sections(all_sections: list[Section], found: list[Sentence]
              ) -> Iterator[tuple[Section, list[Sentence]]]:
    """Each section with the in-scope sentences it holds (sections without any skipped)."""
    index = 0
    for section in all_sections:
        inside = []
        while index < len(found) and found[index].block_index < section.end:
            inside.append(found[index])
            index += 1
        if inside:
            yield section, inside


class _Scored(NamedTuple):
    """Sentences with their Flesch scores and word count."""

    sentences: list[Sentence]
    scores: Scores | None
    words: int


class _Scope:
    """The Flesch scores of one rule scope's sentences: the memo's and each section's."""

    def __init__(self, ctx: RuleContext) -> None:
        found = sentences(ctx)
        self.memo = _Scored(found, scores_of(found), sum(s.words for s in found))
        # The sections, not the context: the cache must hold no reference to the analysis.
        self._all_sections = ctx.analysis.sections
        self._sections: list[tuple[Section, _Scored]] | None = None

    @property
    def sections(self) -> list[tuple[Section, _Scored]]:
        """Each section holding sentences in scope, scored (made at the first request)."""
        if self._sections is None:
            self._sections = [
                (section, _Scored(inside, scores_of(inside), sum(s.words for s in inside)))
                for section, inside in _sections(self._all_sections, self.memo.sentences)
            ]
        return self._sections


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
    for section, inside in _sections(ctx.analysis.sections, sentences(ctx)):
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
    found, overall, _ = _scope(ctx).memo
    if overall is None:
        return
    gap, floor = ctx.options["grade_gap"], ctx.options["min_grade"]
    blocks = ctx.document.blocks
    for index, inside in by_block(found).items():
        scores = scores_of(inside)
        if (blocks[index].kind not in _PARAGRAPHS or scores is None
                or sum(s.words for s in inside) < ctx.options["min_words"]):
            continue
        grade = scores.flesch_kincaid_grade
        if grade > floor and grade - overall.flesch_kincaid_grade >= gap:
            worst = max(inside, key=lambda s: scores_of([s]).flesch_kincaid_grade)
            worst_grade = scores_of([worst]).flesch_kincaid_grade
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
