"""The readability rules score parts of a memo from sums over ranges of sentences.

Each sentence's words and syllables are looked up once and a section's or a
paragraph's score comes from their sums over its range: it must equal
:func:`memolint.readability.scores_of` over that part's own sentences, with
the parts grouped as the definition groups them (by section end, by block).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.analysis import Analysis
from memolint.kinds import RuleContext
from memolint.kinds.readability import _scope
from memolint.kinds.scope import by_block, sentences
from memolint.packs import load_profile
from memolint.readability import scores_of
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry

SENTENCES = st.sampled_from([
    "We shipped it.", "Customers adopted the importer quickly and reliability improved.",
    "Interoperability considerations notwithstanding, the organisation deliberated.",
    "Go.", "- A list item with words", "Why did availability fall in the third quarter?",
])
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=4).map(" ".join)
SECTIONS = st.tuples(st.sampled_from(["", "## Tenets\n\n", "## Appendix\n\n", "## Plan\n\n"]),
                     st.lists(PARAGRAPHS, max_size=4).map("\n\n".join))


def _context(markdown: str, kind: str) -> RuleContext:
    document = read_markdown(markdown.encode(), "memo.md")
    analysis = Analysis(document, load_profile("six-pager"), nlp_model="blank")
    rule = next(r for r in Registry.load().rules.values() if r.kind == kind)
    return RuleContext(document, analysis, rule, rule.options)


@settings(max_examples=60, deadline=None)
@given(st.lists(SECTIONS, min_size=1, max_size=4))
def test_range_scores_equal_the_scores_of_each_part(sections):
    markdown = "# Memo\n\n" + "\n\n".join(head + body for head, body in sections)
    ctx = _context(markdown, "hard_paragraph")
    scope = _scope(ctx)
    found = sentences(ctx)
    assert scope.memo.sentences is found and scope.memo.scores == scores_of(found)
    expected_sections = []
    for section in ctx.analysis.sections:
        inside = [s for s in found if section.start <= s.block_index < section.end]
        if inside:
            expected_sections.append((section, inside, scores_of(inside)))
    assert [(section, scored.sentences, scored.scores) for section, scored in scope.sections] \
        == expected_sections
    grouped = by_block(found)
    assert [(index, found[start:stop]) for index, start, stop in scope.blocks()] == \
        list(grouped.items())
    for _, start, stop in scope.blocks():
        assert scope.scores(start, stop) == scores_of(found[start:stop])
        assert all(scope.scores(n, n + 1) == scores_of([found[n]]) for n in range(start, stop))
