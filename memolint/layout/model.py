"""The page model: how a document without typography of its own is set.

Markdown says nothing about pages, so it is laid out the way the memo
convention (and ``reference.docx`` in the calibration corpus) sets it: US
Letter, 1-inch margins, Calibri 11 pt, single spacing, 0 pt before and 6 pt
after paragraphs, bold headings 16/13/12 pt, code in Courier New 10 pt.
Korean (and other east-Asian) text is set in Malgun Gothic, tagged ko-KR, as
Korean Word sets it; LibreOffice on Debian shows NanumGothic for that name.
The paragraph styles below mirror what pandoc writes with that reference
document, so a Markdown memo converted to Word lands on the same pages.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

from memolint.document import Block, PageSetup, Typography

PAGE_SIZES_IN = {
    "letter": (8.5, 11.0), "a4": (8.27, 11.69), "legal": (8.5, 14.0), "a5": (5.83, 8.27),
}
#: Space before headings H1, H2, H3, H4+ (pandoc's reference styles), in points.
HEADING_SPACE_BEFORE_PT = (12.0, 10.0, 8.0, 6.0)
#: pandoc indents each list level by half an inch.
LIST_INDENT_PT = 36.0
#: pandoc's "Block Text" (quotes) indents both sides by a third of an inch.
QUOTE_INDENT_PT = 24.0
TITLE_SPACE_AFTER_PT = 12.0
PAGE_MODES = ("layout", "exact")


class PageModel(NamedTuple):
    """Page and styles for documents that carry none (Markdown).

    A named tuple, not a frozen dataclass, so that no class is generated at
    import; it is hashable (its formats are memoized per model).
    """

    setup: PageSetup = PageSetup()
    font: str = "Calibri"
    size_pt: float = 11.0
    line_spacing: float = 1.0
    space_before_pt: float = 0.0
    space_after_pt: float = 6.0
    heading_sizes_pt: tuple[float, ...] = (16.0, 13.0, 12.0)
    title_size_pt: float = 20.0
    code_font: str = "Courier New"
    code_size_pt: float = 10.0
    #: Font and language of east-Asian text (``w:eastAsia``); text tagged
    #: Korean wraps at spaces.
    east_asian_font: str = "Malgun Gothic"
    east_asian_language: str = "ko-KR"
    #: "layout" (the engine) or "exact" (render with LibreOffice).
    pages: str = "layout"

    def typography(self, block: Block) -> Typography:
        """The paragraph and character format a Markdown block gets."""
        return self._format(block.kind, block.level, block.depth, block.quoted)

    def note_typography(self) -> Typography:
        """Footnote text: pandoc's reference "Footnote Text" style is based on Normal
        and changes nothing, so a note is set like a body paragraph at the left margin."""
        return self._format("paragraph", 0, 0, False)

    def code_typography(self, block: Block) -> Typography:
        """Inline code in ``block``: the block's format in the code font and size."""
        return self._format(block.kind, block.level, block.depth, block.quoted, code=True)

    def styled_runs(self, block: Block) -> list[tuple[int, int, Typography]]:
        """The stretches of ``block`` set other than its body: ``(start, end, typography)``,
        disjoint and in order. Inline code takes the code font, bold and italic text
        (``font_spans``) the bold or italic face of the font around it; both can apply."""
        cuts = sorted({offset for start, end in block.code_spans for offset in (start, end)}
                      | {offset for start, end, _ in block.font_spans for offset in (start, end)})
        runs = []
        key = (block.kind, block.level, block.depth, block.quoted)
        for start, end in pairwise(cuts):
            code = any(first <= start < last for first, last in block.code_spans)
            style = next((t for first, last, t in block.font_spans if first <= start < last), None)
            if not code and style is None:
                continue
            bold, italic = (style.bold, style.italic) if style is not None else (False, False)
            runs.append((start, end, self._format(*key, code, bold, italic)))
        return runs

    @lru_cache(maxsize=256)  # noqa: B019 - the model is immutable and lives for the run
    def _format(self, kind: str, level: int, depth: int, quoted: bool, code: bool = False,
                bold: bool = False, italic: bool = False) -> Typography:
        """The format of a block by the only fields it depends on, in the code font
        (``code``) and made bold or italic (a heading's bold stays bold); memoized."""
        values = self._block_values(kind, level, depth, quoted)
        if code:
            values.update(font=self.code_font, size_pt=self.code_size_pt)
        if bold:
            values["bold"] = True
        if italic:
            values["italic"] = True
        return Typography(**values)

    def _block_values(self, kind: str, level: int, depth: int, quoted: bool) -> dict[str, Any]:
        """The Typography fields a block of ``kind`` gets: the body's, then its kind's."""
        values: dict[str, Any] = {
            "font": self.font, "size_pt": self.size_pt, "line_spacing": self.line_spacing,
            "space_before_pt": self.space_before_pt, "space_after_pt": self.space_after_pt,
            "indent_left_pt": LIST_INDENT_PT * depth, "indent_right_pt": 0.0,
            "indent_first_pt": 0.0, "east_asian_font": self.east_asian_font,
            "east_asian_language": self.east_asian_language,
        }
        if kind == "heading":
            values.update(self._heading(level), indent_left_pt=0.0)
        elif kind == "code":
            values.update(font=self.code_font, size_pt=self.code_size_pt)
        elif kind == "quote" or quoted:
            values["indent_left_pt"] += QUOTE_INDENT_PT
            values["indent_right_pt"] = QUOTE_INDENT_PT
        return values

    def _heading(self, level: int) -> dict[str, Any]:
        if level == 0:
            size, before, after = self.title_size_pt, 0.0, TITLE_SPACE_AFTER_PT
        else:
            sizes = self.heading_sizes_pt
            size = sizes[level - 1] if level <= len(sizes) else self.size_pt
            before = HEADING_SPACE_BEFORE_PT[min(level, len(HEADING_SPACE_BEFORE_PT)) - 1]
            after = self.space_after_pt
        return {"size_pt": size, "bold": True, "space_before_pt": before,
                "space_after_pt": after, "keep_with_next": True, "keep_lines": True}


def page_model_from_config(page: dict[str, Any]) -> PageModel:
    """The page model described by a ``[page]`` config table (validated by config)."""
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
    known = {k: v for k, v in page.items() if k in PageModel._fields}
    if "heading_sizes_pt" in known:
        known["heading_sizes_pt"] = tuple(known["heading_sizes_pt"])
    return PageModel(setup=setup, **known)
