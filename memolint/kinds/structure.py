"""Structure kinds: a memo is an argument with a shape, and the shape is data.

The profile's section template (``[[profile.sections]]``) says which
sections a memo of that kind has, in which order, and which role each plays;
these kinds compare the document's headings with it. Lexicons (purpose cues,
tenets headings, appendix labels) are rule options in the pack, not code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from memolint.diagnostics import Finding
from memolint.document import Block
from memolint.kinds import RuleContext, kind
from memolint.sections import (
    BODY,
    SectionSpec,
    alias_match,
    match_template,
    names_in_language,
    role_for_heading,
)

#: Blocks that are content (a heading followed only by these is not empty).
_CONTENT = frozenset({"paragraph", "list_item", "table", "code", "quote", "image"})


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex matching any cue as whole words."""
    return _cue_pattern(tuple(cues))


@functools.lru_cache(maxsize=64)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """:func:`cue_pattern`, built once per list: a rule asks again for every memo."""
    parts = sorted((re.escape(c.strip()) for c in cues if c.strip()), key=len, reverse=True)
    if not parts:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def headings(blocks: list[Block], start: int = 0) -> Iterator[tuple[int, Block]]:
    """(index, block) of each real heading (titles excluded) from ``start`` on."""
    for index in range(start, len(blocks)):
        if blocks[index].kind == "heading" and blocks[index].level > 0:
            yield index, blocks[index]


def heading_specs(ctx: RuleContext) -> dict[int, int | None]:
    """Template index (None: no section) of each real heading, by block index.

    Matched once per memo: four kinds ask, and the template and headings are
    the analysis's own, the same for every rule that runs on it.
    """
    template = ctx.analysis.profile.sections
    return ctx.analysis.shared("structure.heading_specs", lambda: {
        index: match_template(block.text, template)
        for index, block in headings(ctx.analysis.document.blocks)})


def template_hits(ctx: RuleContext) -> list[tuple[int, int]]:
    """(heading block index, template index) of each template section's first heading."""
    seen: dict[int, int] = {}
    for index, spec in heading_specs(ctx).items():
        if spec is not None and spec not in seen:
            seen[spec] = index
    return sorted((heading, spec) for spec, heading in seen.items())


def subtree_end(blocks: list[Block], heading: int) -> int:
    """One past the last block under a heading (up to the next heading as high)."""
    level = blocks[heading].level
    for index in range(heading + 1, len(blocks)):
        if blocks[index].kind == "heading" and 0 < blocks[index].level <= level:
            return index
    return len(blocks)


def _paragraph_words(blocks: list[Block], start: int, end: int) -> int:
    """Words in the paragraphs (not lists, tables or code) of a block range."""
    return sum(b.words for b in blocks[start:end] if b.kind == "paragraph")


def _tried(spec: SectionSpec, language: str) -> str:
    return ", ".join(f"'{n}'" for n in names_in_language(spec, language))


@kind("required_sections")
def required_sections(ctx: RuleContext) -> Iterator[Finding]:
    """Each required template section with no matching heading, reported alone.

    The finding points where the section belongs: at the heading of the next
    template section the memo has, or at its last block when none follows.
    """
    blocks = ctx.document.blocks
    if not blocks:
        return
    template = ctx.analysis.profile.sections
    hits = template_hits(ctx)
    found = {spec: heading for heading, spec in hits}
    for index, spec in enumerate(template):
        if not spec.required or index in found:
            continue
        after = [found[j] for j in range(index + 1, len(template)) if j in found]
        place = min(after) if after else len(blocks) - 1
        tried = _tried(spec, ctx.analysis.language)
        yield Finding(
            block_index=place,
            end=0 if after else None,
            message=(f"missing required section '{spec.name}' (headings tried: {tried}, "
                     f"any case or level, numbering ignored): add it, or rename the heading "
                     f"that holds it"),
        )


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (patience sort)."""
    tails: list[int] = []
    links: list[int | None] = []
    for position, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            mid = (low + high) // 2
            if values[tails[mid]] < value:
                low = mid + 1
            else:
                high = mid
        links.append(tails[low - 1] if low else None)
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    keep: set[int] = set()
    current: int | None = tails[-1] if tails else None
    while current is not None:
        keep.add(current)
        current = links[current]
    return keep


@kind("section_order")
def section_order(ctx: RuleContext) -> Iterator[Finding]:
    """Ordered template sections that stand out of order, each at its heading.

    The sections kept in order are a longest run already in template order,
    so moving one section reports that section, not everything around it.
    """
    template = ctx.analysis.profile.sections
    hits = [(h, s) for h, s in template_hits(ctx) if template[s].ordered]
    keep = _longest_increasing([s for _, s in hits])
    for position, (heading, spec) in enumerate(hits):
        if position in keep:
            continue
        kept = [s for position_, (_, s) in enumerate(hits) if position_ in keep]
        before = [s for s in kept if s < spec]
        after = [s for s in kept if s > spec]
        if before:
            where = f"it belongs after '{template[max(before)].name}'"
        else:
            where = f"it belongs before '{template[min(after)].name}'" if after else "it moved"
        order = " → ".join(s.name for s in template if s.ordered)
        yield Finding(
            block_index=heading,
            message=f"section '{template[spec].name}' is out of order: {where} "
                    f"(template order: {order})",
        )


@kind("section_length")
def section_length(ctx: RuleContext) -> Iterator[Finding]:
    """Template sections shorter or longer than their min/max words or pages."""
    blocks = ctx.document.blocks
    template = ctx.analysis.profile.sections
    per_page = ctx.options["words_per_page_by_language"].get(
        ctx.analysis.language, ctx.options["words_per_page"])
    for heading, spec_index in template_hits(ctx):
        spec = template[spec_index]
        words = sum(b.words for b in blocks[heading + 1: subtree_end(blocks, heading)]
                    if b.kind != "heading")
        limits = [(spec.min_words, "at least", "words"), (spec.max_words, "at most", "words"),
                  (spec.min_pages, "at least", "pages"), (spec.max_pages, "at most", "pages")]
        for limit, bound, unit in limits:
            if limit is None:
                continue
            allowed = limit * per_page if unit == "pages" else limit
            short = bound == "at least" and words < allowed
            if short or (bound == "at most" and words > allowed):
                yield Finding(
                    block_index=heading,
                    message=f"section '{spec.name}' has {words} words; the template asks for "
                            f"{bound} {limit:g} {unit}"
                            + (f" (about {allowed:g} words)" if unit == "pages" else ""),
                )


def first_paragraph(blocks: list[Block]) -> int | None:
    """The first real paragraph: metadata lists and tables before it do not count."""
    return next((i for i, b in enumerate(blocks) if b.kind in ("paragraph", "quote")
                 and b.depth == 0 and any(c.isalnum() for c in b.text)), None)


def _skipped(blocks: list[Block], names: tuple[str, ...]) -> set[int]:
    """Blocks inside sections whose heading is one of ``names`` (boilerplate)."""
    skipped: set[int] = set()
    for index, block in headings(blocks):
        if alias_match(block.text, names):
            skipped.update(range(index, subtree_end(blocks, index)))
    return skipped


@kind("purpose_first")
def purpose_first(ctx: RuleContext) -> Iterator[Finding]:
    """The opening words (first paragraph or first N words) state the purpose or ask."""
    skipped = _skipped(ctx.document.blocks, tuple(ctx.options["skip_sections"]))
    indices = [i for i in range(len(ctx.document.blocks)) if i not in skipped]
    blocks = [ctx.document.blocks[i] for i in indices]
    first = first_paragraph(blocks)
    if first is None or ctx.analysis.roles[indices[first]] not in ctx.options["roles"]:
        return
    headings = tuple(ctx.options["headings"])
    if any(b.kind == "heading" and b.level > 0 and alias_match(b.text, headings)
           for b in blocks[:first]):
        return
    limit = ctx.options["max_words"]
    words: list[str] = []
    for block in blocks[first:]:
        if len(words) >= limit:
            break
        if block.kind in ("paragraph", "list_item", "quote"):
            words.extend(block.text.split())
    opening = " ".join(words[: max(limit, blocks[first].words)])
    pattern = cue_pattern(ctx.options["cues"])
    if pattern is None or pattern.search(opening):
        return
    yield Finding(
        block_index=indices[first],
        message=(f"the first {limit} words do not say what this memo is for: open with the "
                 f"purpose or the decision you ask for (e.g. \"This memo asks for ...\", "
                 f"\"We propose ...\")"),
    )


def _appendix_heading(ctx: RuleContext) -> int | None:
    start = ctx.analysis.appendix_start
    blocks = ctx.document.blocks
    if start < len(blocks) and blocks[start].kind == "heading":
        return start
    return None


@kind("appendix_last")
def appendix_last(ctx: RuleContext) -> Iterator[Finding]:
    """Body sections (with prose) that come after the appendix has started."""
    blocks = ctx.document.blocks
    first = _appendix_heading(ctx)
    if first is None:
        return
    level = blocks[first].level
    roles = ctx.analysis.profile.roles
    for index, block in headings(blocks, first + 1):
        if block.level > level or role_for_heading(block.text, roles) is not None:
            continue
        if _paragraph_words(blocks, index + 1, subtree_end(blocks, index)) >= ctx.options[
                "min_prose_words"]:
            yield Finding(
                block_index=index,
                message=f"section '{block.text}' comes after the appendix started at "
                        f"'{blocks[first].text}': move body prose above the appendix, or "
                        f"label this section as an appendix",
            )


@kind("appendix_prose")
def appendix_prose(ctx: RuleContext) -> Iterator[Finding]:
    """Long prose paragraphs inside the appendix: appendices hold data, not argument."""
    blocks = ctx.document.blocks
    minimum = ctx.options["min_words"]
    for index in range(ctx.analysis.appendix_start, len(blocks)):
        block = blocks[index]
        if block.kind == "paragraph" and block.depth == 0 and block.words >= minimum:
            yield Finding(
                block_index=index,
                message=f"a {block.words}-word prose paragraph in the appendix: if the reader "
                        f"needs it to follow the argument, move it to the body; keep the "
                        f"appendix for tables, figures and reference lists",
            )


_LABEL = re.compile(r"^\s*(?:appendix|annex|exhibit|attachment)\s+([A-Z]|\d+|[IVX]+)\b",
                    re.IGNORECASE)


@kind("appendix_referenced")
def appendix_referenced(ctx: RuleContext) -> Iterator[Finding]:
    """Each labelled appendix (Appendix A, Annex 2, ...) is mentioned in the body."""
    blocks = ctx.document.blocks
    start = ctx.analysis.appendix_start
    body_text = " ".join(b.text for b in blocks[:start] if b.kind != "heading")
    for index, block in headings(blocks, start):
        label = _LABEL.match(block.text)
        if not label:
            continue
        word = block.text.split()[0]
        reference = re.compile(rf"\b{re.escape(word)}\s+{re.escape(label.group(1))}\b",
                               re.IGNORECASE)
        if not reference.search(body_text):
            yield Finding(
                block_index=index,
                message=f"nothing in the memo refers to '{word} {label.group(1)}': point the "
                        f"reader to it where it matters (\"see {word} {label.group(1)}\"), "
                        f"or drop it",
            )


@kind("empty_section")
def empty_section(ctx: RuleContext) -> Iterator[Finding]:
    """Headings with no content before the next heading of the same or higher level.

    When a whole branch is empty only its top heading is reported; checking the
    nearest enclosing heading suffices, since an empty ancestor means an empty
    parent. One pass with a heading stack and a running content count keeps
    this linear on long documents.
    """
    blocks = ctx.document.blocks
    template = ctx.analysis.profile.sections
    content_before = [0]
    for block in blocks:
        content_before.append(content_before[-1] + (block.kind in _CONTENT))
    ends, parents = _heading_tree(blocks)

    def empty(heading: int) -> bool:
        return content_before[ends[heading]] == content_before[heading + 1]

    specs = heading_specs(ctx)
    for index, block in headings(blocks):
        spec = specs[index]
        if spec is not None and not template[spec].required:
            continue  # the template lets writers leave an optional section empty
        parent = parents[index]
        if empty(index) and (parent is None or not empty(parent)):
            yield Finding(
                block_index=index,
                message=f"section '{block.text}' is empty: write it, or remove the heading",
            )


def _heading_tree(blocks: list[Block]) -> tuple[dict[int, int], dict[int, int | None]]:
    """For each heading: one past its subtree's last block, and its enclosing heading."""
    ends: dict[int, int] = {}
    parents: dict[int, int | None] = {}
    open_headings: list[int] = []
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.level == 0:
            continue
        while open_headings and blocks[open_headings[-1]].level >= block.level:
            ends[open_headings.pop()] = index
        parents[index] = open_headings[-1] if open_headings else None
        open_headings.append(index)
    for heading in open_headings:
        ends[heading] = len(blocks)
    return ends, parents


@kind("heading_only_skeleton")
def heading_only_skeleton(ctx: RuleContext) -> Iterator[Finding]:
    """A body whose sections are lists and tables with no prose: an outline, not a memo."""
    blocks = ctx.document.blocks
    minimum = ctx.options["min_prose_words"]
    exempt = frozenset(ctx.options["exempt_roles"])
    skipped = _skipped(blocks, tuple(ctx.options["skip_sections"]))
    sections = [s for s in ctx.analysis.sections
                if s.heading is not None and s.role not in exempt and s.heading not in skipped
                and any(b.kind in _CONTENT for b in blocks[s.start + 1:s.end])]
    bare = [s for s in sections
            if any(b.kind in ("list_item", "table") for b in blocks[s.start + 1:s.end])
            and not any(b.kind in ("paragraph", "quote") and b.depth == 0
                        and b.words >= minimum for b in blocks[s.start + 1:s.end])]
    if len(sections) < ctx.options["min_sections"] or not bare:
        return
    if len(bare) / len(sections) < ctx.options["max_share"]:
        return
    yield Finding(
        block_index=bare[0].start,
        end_block_index=bare[-1].end - 1,
        message=(f"{len(bare)} of {len(sections)} sections are only lists or tables, with no "
                 f"paragraph of {minimum}+ words: this is an outline; write the argument as "
                 f"prose"),
    )


def _count_items(blocks: list[Block], start: int, end: int) -> tuple[int, int | None]:
    """Tenets under a heading: top-level list items, else sub-headings, else paragraphs."""
    inside = blocks[start:end]
    items = [i for i, b in enumerate(inside, start) if b.kind == "list_item"]
    if items:
        top = min(blocks[i].depth for i in items)
        items = [i for i in items if blocks[i].depth == top]
        return len(items), items[-1]
    subheads = [i for i, b in enumerate(inside, start) if b.kind == "heading"]
    if subheads:
        return len(subheads), subheads[-1]
    paragraphs = [i for i, b in enumerate(inside, start) if b.kind == "paragraph"]
    return len(paragraphs), paragraphs[-1] if paragraphs else None


@kind("tenets_count")
def tenets_count(ctx: RuleContext) -> Iterator[Finding]:
    """More tenets than a team can hold in mind under a Tenets heading."""
    blocks = ctx.document.blocks
    names = tuple(ctx.options["headings"])
    maximum = ctx.options["max_tenets"]
    for index, block in headings(blocks):
        if not alias_match(block.text, names):
            continue
        count, last = _count_items(blocks, index + 1, subtree_end(blocks, index))
        if count > maximum and last is not None:
            yield Finding(
                block_index=index,
                end_block_index=last,
                message=f"{count} tenets under '{block.text}' (limit {maximum}): keep the few "
                        f"that decide real trade-offs",
            )


@kind("title")
def title(ctx: RuleContext) -> Iterator[Finding]:
    """A memo with no title and no heading before its first paragraph."""
    blocks = ctx.document.blocks
    first = first_paragraph(blocks)
    if first is None or any(b.kind == "heading" for b in blocks[:first]):
        return
    yield Finding(
        block_index=first,
        end=0,
        message="the memo has no title or heading before its first paragraph: give it a title "
                "that names the subject (a heading, a DOCX Title, or front matter title:)",
    )


@kind("prose_after_role")
def prose_after_role(ctx: RuleContext) -> Iterator[Finding]:
    """Body sections with prose after a section of a closing role (e.g. the FAQ) began."""
    blocks = ctx.document.blocks
    closing = frozenset(ctx.options["after_roles"])
    opened: int | None = None
    for section in ctx.analysis.sections:
        if section.heading is None:
            continue
        if section.role in closing and opened is None:
            opened = section.heading
            continue
        if opened is None or section.role != BODY or section.level > blocks[opened].level:
            continue
        if _paragraph_words(blocks, section.start + 1, section.end) >= ctx.options[
                "min_prose_words"]:
            yield Finding(
                block_index=section.heading,
                message=f"body section '{section.title}' comes after '{blocks[opened].text}': "
                        f"put the FAQ after the narrative, or make this a question in it",
            )
