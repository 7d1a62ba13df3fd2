"""What the prose rules look at: sentences outside exempt sections.

Readability and wording kinds share these helpers so that every one of them
honours ``exempt_roles`` the same way and reports a sentence the same way: a
finding that starts at the sentence's first character and ends at its last.
"""

from __future__ import annotations

from collections import defaultdict

from memolint.diagnostics import Finding, Severity
from memolint.kinds import RuleContext
from memolint.nlp import Sentence

SNIPPET = 60


def exempt_roles(ctx: RuleContext) -> frozenset[str]:
    """Section roles the rule skips (option ``exempt_roles``, default none)."""
    return frozenset(ctx.options.get("exempt_roles", ()))


def sentences(ctx: RuleContext) -> list[Sentence]:
    """Prose sentences, in document order, outside exempt sections, in the rule's languages.

    The list is shared by every rule with the same languages and exempt roles:
    read it, never change it.
    """
    return ctx.analysis.sentences_in_scope(ctx.rule.languages, exempt_roles(ctx))


def by_block(found: list[Sentence]) -> dict[int, list[Sentence]]:
    """Sentences grouped by the block they belong to, blocks in order."""
    grouped: dict[int, list[Sentence]] = defaultdict(list)
    for sentence in found:
        grouped[sentence.block_index].append(sentence)
    return dict(grouped)


def sentence_finding(sentence: Sentence, message: str, severity: Severity | None = None,
                     fix: str | None = None) -> Finding:
    """A finding that spans exactly one sentence."""
    return Finding(block_index=sentence.block_index, start=sentence.start, end=sentence.end,
                   message=message, severity=severity, fix=fix)


def snippet(text: str, limit: int = SNIPPET) -> str:
    """A sentence shortened for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
