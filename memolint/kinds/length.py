"""Length kinds: the page budget, measured by the layout engine.

"We moved to writing narratives with a maximum of six pages in the body"
(Jassy, 2024). The body ends where the appendix begins; the PR/FAQ has its
own budgets for the press release and the FAQ. Every message says by how
much and where the limit falls, so the writer knows what to cut.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from memolint.diagnostics import Finding
from memolint.document import Block
from memolint.kinds import RuleContext, kind

_PREVIEW_WORDS = 4
_PREVIEW_CHARS = 40


def _where(block: Block, docx: bool) -> str:
    """A short pointer to a block: "¶41 'Our next step…'" (DOCX) or "line 41 '…'"."""
    words = block.text.split()
    preview = " ".join(words[:_PREVIEW_WORDS])[:_PREVIEW_CHARS]
    if len(words) > _PREVIEW_WORDS or len(preview) == _PREVIEW_CHARS:
        preview += "…"
    label = f"¶{block.start.line}" if docx else f"line {block.start.line}"
    return f"{label} '{preview}'" if preview else label


def _limit_block(ctx: RuleContext, limit: float, first: int, last: int) -> int | None:
    """The block in ``first..last`` (inclusive) in which the ``limit``-th page fills up."""
    layout = ctx.analysis.layout
    for index in range(first, last + 1):
        if ctx.document.blocks[index].kind != "page_break" and layout.spans[index][1] > limit:
            return index
    return None


def _page_end(ctx: RuleContext, limit: float, first: int, last: int) -> str:
    """"page 6 ends at ¶41 'Our next step…'" for the block where the limit falls."""
    index = _limit_block(ctx, limit, first, last)
    if index is None:
        return ""
    page = math.ceil(limit)
    block = ctx.document.blocks[index]
    return f"; page {page} ends at {_where(block, ctx.document.format == 'docx')}"


def _last_content(ctx: RuleContext, end: int) -> int | None:
    """The last block before ``end`` that is not a page break."""
    blocks = ctx.document.blocks
    return next((i for i in range(end - 1, -1, -1) if blocks[i].kind != "page_break"), None)


def _source_note(ctx: RuleContext) -> str:
    return " (LibreOffice)" if ctx.analysis.layout.source == "exact" else ""


@kind("page_limit")
def page_limit(ctx: RuleContext) -> Iterator[Finding]:
    """Body pages (before the appendix) over the profile's page budget."""
    limit = float(ctx.options.get("max_pages") or ctx.analysis.profile.max_pages)
    _, body = ctx.analysis.pages
    end = ctx.analysis.appendix_start
    last = _last_content(ctx, end)
    if last is None:
        return
    where = "the body" if end < len(ctx.document.blocks) else "the memo"
    if body > limit:
        first = _limit_block(ctx, limit, 0, last)
        yield Finding(
            block_index=first if first is not None else last,
            end_block_index=last,
            severity="error",
            message=(f"{where} runs {body:.1f} pages{_source_note(ctx)}, {body - limit:.1f} over "
                     f"the {limit:g}-page limit{_page_end(ctx, limit, 0, last)}: cut, or move "
                     "reference material to an appendix"),
        )
    elif body > limit - ctx.options["near_pages"]:
        yield Finding(
            block_index=last,
            severity="info",
            message=(f"{where} runs {body:.1f} of {limit:g} pages{_source_note(ctx)}: "
                     f"{limit - body:.2f} page to spare; a font or printer change can push "
                     "it over"),
        )


def _role_spans(ctx: RuleContext, roles: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) block ranges of the sections whose role is in ``roles``."""
    return [(s.start, s.end) for s in ctx.analysis.sections if s.role in roles and s.end > s.start]


def _pages_of(ctx: RuleContext, spans: list[tuple[int, int]]) -> float:
    layout = ctx.analysis.layout
    return sum(layout.pages_before(end) - layout.pages_before(start) for start, end in spans)


def _role_length(ctx: RuleContext, roles: frozenset[str], warn: float, error: float | None,
                 name: str) -> Iterator[Finding]:
    """One finding when the sections of ``roles`` together run over ``warn`` pages."""
    spans = _role_spans(ctx, roles)
    if not spans:
        return
    pages = _pages_of(ctx, spans)
    if pages <= warn:
        return
    severity = "error" if error is not None and pages > error else "warning"
    limit = error if severity == "error" else warn
    start, end = spans[0][0], spans[-1][1]
    layout = ctx.analysis.layout
    offset = layout.pages_before(start)
    index = _limit_block(ctx, offset + limit, start, end - 1)
    where = ""
    if index is not None:
        where = f"; {limit:g} page{'s' if limit != 1 else ''} in, it reaches " + _where(
            ctx.document.blocks[index], ctx.document.format == "docx")
    yield Finding(
        block_index=start,
        end_block_index=end - 1,
        severity=severity,
        message=(f"the {name} runs {pages:.1f} pages{_source_note(ctx)}, {pages - limit:.1f} over "
                 f"its {limit:g}-page limit{where}"),
    )


@kind("press_release_length")
def press_release_length(ctx: RuleContext) -> Iterator[Finding]:
    """The press release of a PR/FAQ: about a page, never more than a page and a half."""
    yield from _role_length(ctx, frozenset(ctx.options["roles"]), ctx.options["warn_pages"],
                            ctx.options["error_pages"], "press release")


@kind("faq_length")
def faq_length(ctx: RuleContext) -> Iterator[Finding]:
    """All FAQ sections together: five pages or less."""
    yield from _role_length(ctx, frozenset(ctx.options["roles"]), ctx.options["max_pages"],
                            None, "FAQ")


@kind("reading_time")
def reading_time(ctx: RuleContext) -> Iterator[Finding]:
    """Silent-reading time of the body against the meeting's reading budget."""
    _, body = ctx.analysis.pages
    minutes = body * ctx.options["minutes_per_page"]
    budget = ctx.options["meeting_minutes"] * ctx.options["reading_share"]
    last = _last_content(ctx, ctx.analysis.appendix_start)
    if last is None or minutes <= budget:
        return
    yield Finding(
        block_index=last,
        message=(f"reading the body takes about {minutes:.0f} minutes ({body:.1f} pages at "
                 f"{ctx.options['minutes_per_page']:g} min each), more than the "
                 f"{budget:.0f} minutes of a {ctx.options['meeting_minutes']:g}-minute meeting "
                 "set aside for reading; "
                 "shorten it or book a longer meeting"),
    )
