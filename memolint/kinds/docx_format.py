"""DOCX format kinds: the ways people squeeze a memo into six pages.

A smaller font, tighter line spacing, narrow margins and condensed letters all
buy room without cutting a word, and all make the page harder to read. These
kinds read the typography the DOCX reader resolved (style chain, direct
formatting, document defaults); Markdown has none and is never checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from memolint.diagnostics import Finding
from memolint.document import Typography
from memolint.kinds import RuleContext, kind
from memolint.layout.fonts import face, resolve

#: Blocks whose text is body text for size and spacing checks.
_BODY_TEXT = frozenset({"paragraph", "list_item", "quote"})
#: Exact line heights this much under single spacing still count as single.
_TOLERANCE = 0.97


def _runs(ctx: RuleContext, problem: Callable[[Typography], str | None]
          ) -> Iterator[tuple[int, int, str]]:
    """(first, last, problem) for each run of body paragraphs sharing one problem.

    Headings, tables and pictures between them neither break nor join a run:
    a memo set in 9 pt gives one finding, not one per section.
    """
    if ctx.document.format != "docx":
        return
    exempt = frozenset(ctx.options.get("exempt_roles", ()))
    current: tuple[int, int, str] | None = None
    for index, block in enumerate(ctx.document.blocks):
        if block.kind not in _BODY_TEXT or block.typography is None or not block.text:
            continue
        found = None if ctx.analysis.roles[index] in exempt else problem(block.typography)
        if current is not None and found == current[2]:
            current = (current[0], index, current[2])
            continue
        if current is not None:
            yield current
        current = (index, index, found) if found is not None else None
    if current is not None:
        yield current


def _report(ctx: RuleContext, problem: Callable[[Typography], str | None], advice: str
            ) -> Iterator[Finding]:
    """One finding per run: "3 paragraphs set in 9 pt, ...: <advice>"."""
    for first, last, what in _runs(ctx, problem):
        count = last - first + 1
        yield Finding(
            block_index=first, end_block_index=last,
            message=f"{count} paragraph{'s' if count > 1 else ''} {what}{advice}",
        )


@kind("docx_font_size")
def font_size(ctx: RuleContext) -> Iterator[Finding]:
    """Body text set smaller than the minimum size."""
    minimum = ctx.options["min_size_pt"]

    def small(typo: Typography) -> str | None:
        size = typo.size_pt
        if size is None or size >= minimum:
            return None
        return f"set in {size:g} pt, under the {minimum:g} pt minimum for body text"

    yield from _report(ctx, small, ": cut words instead of shrinking type")


def _single_line(typo: Typography) -> float:
    choice = resolve(typo.font)
    return face(choice.family, typo.bold, typo.italic).line_height(typo.size_pt or 10.0)


@kind("docx_line_spacing")
def line_spacing(ctx: RuleContext) -> Iterator[Finding]:
    """Line spacing tighter than single."""
    minimum = ctx.options["min_multiple"]

    def tight(typo: Typography) -> str | None:
        value = typo.line_spacing
        if value is None:
            return None
        if typo.line_rule == "auto" and value < minimum:
            return f"at {value:.2g} times single line spacing"
        if typo.line_rule == "exact" and value < _single_line(typo) * minimum * _TOLERANCE:
            return (f"with exact {value:g} pt line spacing (single is "
                    f"{_single_line(typo):.1f} pt)")
        return None

    yield from _report(ctx, tight, ", tighter than single: lines this close are hard to "
                       "read and annotate")


@kind("docx_margins")
def margins(ctx: RuleContext) -> Iterator[Finding]:
    """Page margins narrower than the minimum."""
    if ctx.document.format != "docx" or not ctx.document.blocks:
        return
    minimum_in = ctx.options["min_inches"]
    last_block = len(ctx.document.blocks) - 1
    for setup in ctx.document.page_setups:
        sides = {"top": abs(setup.margin_top_pt), "bottom": abs(setup.margin_bottom_pt),
                 "left": setup.margin_left_pt, "right": setup.margin_right_pt}
        narrow = {side: pt / 72 for side, pt in sides.items() if pt / 72 < minimum_in - 1e-6}
        if not narrow:
            continue
        listed = ", ".join(f"{side} {inches:.2f} in" for side, inches in narrow.items())
        yield Finding(
            block_index=min(setup.first_block, last_block),
            message=(f"narrow page margins ({listed}; minimum {minimum_in:g} in): no documented "
                     "Amazon margin exists, Word's default is 1 in"),
        )


@kind("docx_condensed_text")
def condensed_text(ctx: RuleContext) -> Iterator[Finding]:
    """Negative character spacing or horizontal scale under 100 %."""

    def condensed(typo: Typography) -> str | None:
        if typo.character_spacing_pt is not None and typo.character_spacing_pt < 0:
            return f"condensed by {-typo.character_spacing_pt:g} pt per character"
        if typo.character_scale_pct is not None and typo.character_scale_pct < 100:
            return f"scaled to {typo.character_scale_pct:g} % width"
        return None

    yield from _report(ctx, condensed, ": squeezed letters fit more on a page and read worse; "
                       "cut words instead")
