"""Bullet kinds: a memo is prose, and lists that replace argument are flagged.

"If someone builds a list of bullet points in word, that would be just as bad
as powerpoint" (Bezos, 2004). Lists are tolerated when prose backs them and
belong in the appendix when long; these kinds measure exactly that.
"""

from __future__ import annotations

from collections.abc import Iterator

from memolint.diagnostics import Finding
from memolint.document import Block
from memolint.kinds import RuleContext, kind

_SENTENCE_END = (".", "!", "?", ":", ";", "…", '."', '?"', ".)")
#: Penn tags of finite verbs; a bare VB counts when it heads the item (imperative).
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def _has_finite_verb(doc) -> bool:
    """A sentence needs a finite verb; "Faster onboarding" (a gerund) has none."""
    return any(t.tag_ in _FINITE_TAGS or (t.tag_ == "VB" and t.dep_ == "ROOT") for t in doc)


def _exempt(ctx: RuleContext) -> frozenset[str]:
    return frozenset(ctx.options.get("exempt_roles", ()))


def _in_list(block: Block) -> bool:
    """A list item, or a continuation paragraph inside one."""
    return block.kind == "list_item" or (block.kind == "paragraph" and block.depth > 0)


def list_runs(ctx: RuleContext) -> Iterator[tuple[int, int]]:
    """(first, last) block indices of each list in non-exempt sections.

    A list is a run of consecutive list blocks (nested items included); the
    run ends at the first block that is not part of a list.
    """
    blocks, roles, exempt = ctx.document.blocks, ctx.analysis.roles, _exempt(ctx)
    first = None
    for index, block in enumerate([*blocks, None]):
        inside = block is not None and _in_list(block) and roles[index] not in exempt
        if inside and first is None:
            first = index
        elif not inside and first is not None:
            yield first, index - 1
            first = None


def _items(ctx: RuleContext, first: int, last: int) -> list[int]:
    return [i for i in range(first, last + 1) if ctx.document.blocks[i].kind == "list_item"]


@kind("bullet_density")
def bullet_density(ctx: RuleContext) -> Iterator[Finding]:
    """Share of body prose words that sit in list items."""
    share, list_words, total = ctx.analysis.list_word_share(_exempt(ctx))
    if total < ctx.options["min_words"] or share <= ctx.options["warn_share"]:
        return
    runs = list(list_runs(ctx))
    manual = [i for i, b in enumerate(ctx.document.blocks) if b.manual_bullet]
    places = [i for run in runs for i in run] + manual
    if not places:
        return
    severity = "error" if share > ctx.options["error_share"] else "warning"
    limit = ctx.options["error_share" if severity == "error" else "warn_share"]
    yield Finding(
        block_index=min(places),
        end_block_index=max(places),
        severity=severity,
        message=(
            f"{share:.0%} of the body's running text is in list items ({list_words} of "
            f"{total} words; limit {limit:.0%}): turn the lists into paragraphs that argue, "
            f"or move reference lists to an appendix"
        ),
    )


@kind("bullets_without_prose")
def bullets_without_prose(ctx: RuleContext) -> Iterator[Finding]:
    """Lists in sections that have no real paragraph backing them."""
    minimum = ctx.options["min_prose_words"]
    blocks = ctx.document.blocks
    for first, last in list_runs(ctx):
        section = ctx.analysis.section_of(first)
        backed = any(
            blocks[i].kind in ("paragraph", "quote") and not _in_list(blocks[i])
            and not blocks[i].manual_bullet and blocks[i].words >= minimum
            for i in range(section.start, section.end)
        )
        if not backed:
            where = f"section '{section.title}'" if section.title else "the opening"
            yield Finding(
                block_index=first,
                end_block_index=last,
                message=(
                    f"list in {where} has no paragraph of {minimum}+ words around it: "
                    f"back the bullets with sentences that say why they matter"
                ),
            )


@kind("nested_bullets")
def nested_bullets(ctx: RuleContext) -> Iterator[Finding]:
    """Sub-lists deeper than allowed: nesting flattens relative importance."""
    max_depth = ctx.options["max_depth"]
    blocks = ctx.document.blocks
    for first, last in list_runs(ctx):
        start = None
        for index in range(first, last + 2):
            deep = index <= last and blocks[index].kind == "list_item" and (
                blocks[index].depth > max_depth
            )
            if deep and start is None:
                start = index
            elif not deep and start is not None:
                deepest = max(blocks[i].depth for i in range(start, index))
                yield Finding(
                    block_index=start,
                    end_block_index=index - 1,
                    message=(
                        f"list nested {deepest} levels deep (limit {max_depth}): nesting "
                        f"hides how ideas relate; write the sub-points as sentences"
                    ),
                )
                start = None


@kind("fragment_bullets")
def fragment_bullets(ctx: RuleContext) -> Iterator[Finding]:
    """List items that are not sentences."""
    blocks = ctx.document.blocks
    use_tags = ctx.analysis.has_tags
    for first, last in list_runs(ctx):
        for index in _items(ctx, first, last):
            block = blocks[index]
            if use_tags:
                fragment = not _has_finite_verb(ctx.analysis.parsed[index])
                why = "has no finite verb"
            else:
                text = block.text.rstrip()
                fragment = block.words < ctx.options["min_words"] and not text.endswith(
                    _SENTENCE_END
                )
                why = f"is under {ctx.options['min_words']} words with no closing punctuation"
            if fragment:
                yield Finding(
                    block_index=index,
                    message=f"list item {why}: a fragment states a topic, not a claim; "
                    f"write it as a full sentence",
                )


@kind("long_list")
def long_list(ctx: RuleContext) -> Iterator[Finding]:
    """Lists with more items than a reader can weigh."""
    maximum = ctx.options["max_items"]
    blocks = ctx.document.blocks
    for first, last in list_runs(ctx):
        items = _items(ctx, first, last)
        top = min((blocks[i].depth for i in items), default=1)
        count = sum(1 for i in items if blocks[i].depth == top)
        if count > maximum:
            yield Finding(
                block_index=first,
                end_block_index=last,
                message=(
                    f"list of {count} items (limit {maximum}): put long lists in a table "
                    f"or an appendix and keep the argument in the body"
                ),
            )


@kind("manual_bullets")
def manual_bullets(ctx: RuleContext) -> Iterator[Finding]:
    """Paragraphs with a typed bullet glyph instead of list formatting."""
    blocks = ctx.document.blocks
    index = 0
    while index < len(blocks):
        if not blocks[index].manual_bullet:
            index += 1
            continue
        end = index
        while end + 1 < len(blocks) and blocks[end + 1].manual_bullet:
            end += 1
        count = end - index + 1
        glyph = blocks[index].text[:1]
        yield Finding(
            block_index=index,
            end_block_index=end,
            message=(
                f"{count} paragraph{'s' if count > 1 else ''} start with a typed '{glyph}' "
                f"instead of a real list: write them as prose, or use Word's list "
                f"formatting so the structure is visible"
            ),
        )
        index = end + 1
