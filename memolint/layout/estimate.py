"""A quick page estimate from page setup and typography.

This stands in until the full layout engine (per-character advance widths,
widow control, keep-with-next) lands. It is still layout, not a word budget:
it fills lines of the real text width at the block's font size with an
average character advance, stacks line heights and paragraph spacing down
the real text height, and honours explicit page breaks. On the default memo
page (Letter, 1 in margins, Calibri 11 pt) that is ~100 characters a line
and ~52 lines a page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from memolint.document import Block, Document, PageSetup

#: Average advance of a character of English prose, spaces included, in em
#: (Carlito: a-z average 0.456 em, space 0.226 em, ~17 % spaces).
AVERAGE_ADVANCE_EM = 0.43
MONOSPACE_ADVANCE_EM = 0.6
#: Single line height as a multiple of the font size (Calibri ascent+descent).
LINE_HEIGHT_EM = 1.22
LIST_INDENT_PT = 18.0


@dataclass(frozen=True)
class PageModel:
    """How to lay out a document that has no typography of its own (Markdown)."""

    setup: PageSetup = field(default_factory=PageSetup)
    size_pt: float = 11.0
    line_spacing: float = 1.0
    space_before_pt: float = 0.0
    space_after_pt: float = 6.0
    heading_sizes_pt: tuple[float, ...] = (16.0, 13.0, 12.0)
    title_size_pt: float = 20.0
    code_size_pt: float = 10.0


PAGE_SIZES_IN = {
    "letter": (8.5, 11.0), "a4": (8.27, 11.69), "legal": (8.5, 14.0), "a5": (5.83, 8.27),
}


def page_model_from_config(page: dict) -> PageModel:
    """The page model described by a ``[page]`` config table."""
    width_in, height_in = PAGE_SIZES_IN.get(str(page.get("size", "letter")).lower(), (8.5, 11.0))
    width_in = page.get("width_in", width_in)
    height_in = page.get("height_in", height_in)
    margin = page.get("margins_in", 1.0)
    setup = PageSetup(
        width_pt=width_in * 72,
        height_pt=height_in * 72,
        margin_top_pt=page.get("margin_top_in", margin) * 72,
        margin_bottom_pt=page.get("margin_bottom_in", margin) * 72,
        margin_left_pt=page.get("margin_left_in", margin) * 72,
        margin_right_pt=page.get("margin_right_in", margin) * 72,
    )
    defaults = PageModel()
    return PageModel(
        setup=setup,
        size_pt=page.get("size_pt", defaults.size_pt),
        line_spacing=page.get("line_spacing", defaults.line_spacing),
        space_before_pt=page.get("space_before_pt", defaults.space_before_pt),
        space_after_pt=page.get("space_after_pt", defaults.space_after_pt),
        heading_sizes_pt=tuple(page.get("heading_sizes_pt", defaults.heading_sizes_pt)),
        title_size_pt=page.get("title_size_pt", defaults.title_size_pt),
        code_size_pt=page.get("code_size_pt", defaults.code_size_pt),
    )


def estimate_pages(document: Document, model: PageModel, split_at: int) -> tuple[float, float]:
    """(total pages, pages before block ``split_at``), as fractions of a page."""
    setup = document.page_setups[0] if document.format == "docx" else model.setup
    width = (setup.width_pt - setup.margin_left_pt - setup.margin_right_pt) / max(setup.columns, 1)
    height = (setup.height_pt - abs(setup.margin_top_pt) - abs(setup.margin_bottom_pt)) * max(
        setup.columns, 1
    )
    width, height = max(width, 72.0), max(height, 72.0)
    used = 0.0
    body = None
    for index, block in enumerate(document.blocks):
        if index == split_at:
            body = used / height
        if block.kind == "page_break" or (block.typography and block.typography.page_break_before):
            used = math.ceil(used / height - 1e-9) * height if used else 0.0
            if block.kind == "page_break":
                continue
        used += _block_height(block, model, width)
    total = used / height
    return round(total, 2), round(total if body is None else body, 2)


def _block_height(block: Block, model: PageModel, width: float) -> float:
    """Vertical space a block takes: its lines plus spacing, in points."""
    size, advance = _font(block, model)
    typo = block.typography
    spacing = model.line_spacing
    if typo and typo.line_spacing:
        spacing = typo.line_spacing if typo.line_rule == "auto" else typo.line_spacing / size
    line_height = size * LINE_HEIGHT_EM * spacing
    indent = LIST_INDENT_PT * block.depth if block.kind == "list_item" else 0.0
    chars_per_line = max((width - indent) / (size * advance), 10.0)
    if block.kind == "table":
        lines = sum(
            max((_lines(cell, chars_per_line / max(len(row), 1)) for cell in row), default=1)
            for row in block.rows
        )
    elif block.kind == "code":
        lines = len(block.text.splitlines()) or 1
    else:
        lines = _lines(block.text, chars_per_line)
    before = typo.space_before_pt if typo and typo.space_before_pt is not None else None
    after = typo.space_after_pt if typo and typo.space_after_pt is not None else None
    if before is None:
        before = 12.0 if block.kind == "heading" else model.space_before_pt
    if after is None:
        after = model.space_after_pt
    pictures = sum(h for _, h in block.images)
    return lines * line_height + before + after + pictures


def _font(block: Block, model: PageModel) -> tuple[float, float]:
    """Font size and average advance (em) for a block."""
    typo = block.typography
    if typo and typo.size_pt:
        return typo.size_pt, AVERAGE_ADVANCE_EM
    if block.kind == "code":
        return model.code_size_pt, MONOSPACE_ADVANCE_EM
    if block.kind == "heading":
        if block.level == 0:
            return model.title_size_pt, AVERAGE_ADVANCE_EM
        sizes = model.heading_sizes_pt
        return (sizes[block.level - 1] if block.level <= len(sizes) else model.size_pt), 0.46
    return model.size_pt, AVERAGE_ADVANCE_EM


def _lines(text: str, chars_per_line: float) -> int:
    """Lines a text wraps to: each hard line break starts a new line."""
    return sum(max(math.ceil(len(part) / chars_per_line), 1) for part in text.split("\n")) or 1
