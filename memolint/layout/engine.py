"""The layout engine: flow a document's blocks down its pages and count them.

Each block becomes a *box*: space before, lines of one height, pictures,
space after, and the keep rules a word processor honours (keep with next,
keep lines together, widow/orphan control). Boxes are then poured into the
page's text area column by column, page by page, honouring explicit page and
section breaks. The result says on which page every block starts and ends,
as fractions of a page, which is what ``metrics.pages`` and the length rules
report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from memolint.document import Block, Document, PageSetup, Typography
from memolint.layout.fonts import Face, FontChoice, face, resolve
from memolint.layout.linebreak import Measure, count_lines
from memolint.layout.model import PageModel
from memolint.layout.tables import table_rows

#: Word's paragraph defaults for anything neither style nor paragraph sets.
_WORD_DEFAULTS = Typography(font="Times New Roman", size_pt=10.0, line_spacing=1.0,
                            space_before_pt=0.0, space_after_pt=0.0, indent_left_pt=0.0,
                            indent_right_pt=0.0, indent_first_pt=0.0)
#: Table cell margins (Word's default 0.08 in left and right).
CELL_MARGIN_PT = 5.4
#: Widow/orphan control keeps at least this many lines of a paragraph together.
MIN_LINES = 2
_EPSILON = 0.01


@dataclass
class Box:
    """One block, ready to pour: spacing, lines and the keep rules."""

    before: float
    after: float
    #: (height, count) runs of unbreakable rows: text lines, pictures, table rows.
    rows: list[tuple[float, int]]
    keep_with_next: bool = False
    keep_together: bool = False
    widow_control: bool = True
    page_break_before: bool = False
    page_break: bool = False
    #: Paragraphs with contextual spacing and the same key drop the space between them.
    contextual_key: tuple | None = None
    #: Height repeated at the top of each page the box continues on (table header rows).
    repeat: float = 0.0

    @property
    def height(self) -> float:
        return sum(h * n for h, n in self.rows)


@dataclass
class Layout:
    """Where everything landed."""

    #: Whole document in pages: pages before the last + used share of the last.
    pages: float
    #: Per block: (start, end) positions in pages (0-based page + fraction).
    spans: list[tuple[float, float]]
    fonts: list[FontChoice] = field(default_factory=list)
    #: "layout" (this engine) or "exact" (LibreOffice rendered it).
    source: str = "layout"

    @property
    def page_count(self) -> int:
        """Whole pages a renderer prints (an empty document is one page)."""
        return max(1, math.ceil(self.pages - 1e-6))

    def page_of(self, index: int) -> int:
        """1-based page on which block ``index`` starts."""
        return int(self.spans[index][0]) + 1

    def pages_before(self, index: int) -> float:
        """Pages filled before block ``index`` (the whole document when past the end)."""
        if index >= len(self.spans):
            return self.pages
        previous = [end for _, end in self.spans[:index] if end > 0]
        return previous[-1] if previous else 0.0


class _Boxer:
    """Turns blocks into boxes under the document's typography or the page model."""

    def __init__(self, document: Document, model: PageModel) -> None:
        self.markdown = document.format != "docx"
        self.model = model
        self.defaults = _merge(document.default_typography, _WORD_DEFAULTS)
        self.fonts: dict[str, FontChoice] = {}
        self._measures: dict[Typography, Measure] = {}

    def typography(self, block: Block) -> Typography:
        if self.markdown or block.typography is None:
            return self.model.typography(block) if self.markdown else self.defaults
        return _merge(block.typography, self.defaults)

    def measure(self, typo: Typography) -> Measure:
        known = self._measures.get(typo)
        if known is None:
            known = self._measures[typo] = self._new_measure(typo)
        return known

    def _new_measure(self, typo: Typography) -> Measure:
        choice = resolve(typo.font)
        self.fonts.setdefault(choice.name, choice)
        scale = (typo.character_scale_pct or 100.0) / 100.0
        return Measure(face(choice.family, typo.bold, typo.italic), typo.size_pt or 10.0,
                       typo.character_spacing_pt or 0.0, scale)

    def spacer_boxes(self, block: Block, width: float) -> list[Box]:
        """Paragraphs before a DOCX block that carry no text: empty ones take one line
        at their own size; all-deleted ones their struck-through lines."""
        boxes = []
        texts = block.spacer_texts
        for index, spacer in enumerate(block.spacers):
            typo = _merge(spacer, self.defaults)
            measure = self.measure(typo)
            text = texts[index] if index < len(texts) else ""
            lines = self._lines(text, typo, measure, width) if text else 1
            boxes.append(Box(typo.space_before_pt or 0.0, typo.space_after_pt or 0.0,
                             [(_line_height(typo, measure), lines)],
                             page_break_before=typo.page_break_before))
        return boxes

    @staticmethod
    def _lines(text: str, typo: Typography, measure: Measure, width: float) -> int:
        """Lines of a paragraph ``width`` wide less its indents."""
        inner = width - (typo.indent_left_pt or 0.0) - (typo.indent_right_pt or 0.0)
        return count_lines(text, measure, inner, inner - (typo.indent_first_pt or 0.0))

    def box(self, block: Block, width: float) -> Box:
        typo = self.typography(block)
        if block.kind == "page_break":
            return Box(0.0, 0.0, [], page_break=True)
        measure = self.measure(typo)
        line = _line_height(typo, measure)
        left = typo.indent_left_pt or 0.0
        inner = width - left - (typo.indent_right_pt or 0.0)
        rows: list[tuple[float, int]]
        if block.kind == "table" and block.table_layout is not None:
            rows, header = table_rows(block.table_layout, width, self._cell_paragraph)
            return Box(0.0, 0.0, rows, repeat=header)
        if block.kind == "table":
            rows = self._table_rows(block, typo, measure, line, inner)
        elif block.kind == "image" and not self.markdown:
            rows = []
        else:
            first = inner if block.kind == "list_item" else inner - (typo.indent_first_pt or 0.0)
            rows = [(line, count_lines(block.layout_text or block.text, measure, inner, first))]
        rows += [(min(h, 10_000.0), 1) for _, h in block.images if h > 0 and not self.markdown]
        # Keep rules come from the paragraph's own format: a DOCX paragraph that
        # merely has an outline level (a numbered clause) still splits across
        # pages in Word and LibreOffice unless its style says keepNext/keepLines.
        return Box(
            before=typo.space_before_pt or 0.0,
            after=0.0 if block.kind == "table" else typo.space_after_pt or 0.0,
            rows=rows,
            keep_with_next=typo.keep_with_next,
            keep_together=typo.keep_lines,
            page_break_before=typo.page_break_before,
            contextual_key=(block.kind, typo.font, typo.size_pt, left)
            if typo.contextual_spacing else None,
        )

    def _cell_paragraph(self, text: str, typography: Typography | None,
                        width: float) -> tuple[float, float, float, int]:
        """One table-cell paragraph under its own typography (see :mod:`.tables`)."""
        typo = _merge(typography, self.defaults)
        measure = self.measure(typo)
        lines = self._lines(text, typo, measure, width)
        return (typo.space_before_pt or 0.0, lines * _line_height(typo, measure),
                typo.space_after_pt or 0.0, lines)

    def _table_rows(self, block: Block, typo: Typography, measure: Measure, line: float,
                    width: float) -> list[tuple[float, int]]:
        """One unbreakable row each: the tallest cell's paragraphs plus their spacing."""
        spacing = (typo.space_before_pt or 0.0) + (typo.space_after_pt or 0.0)
        rows = []
        for cells in block.rows or ((block.text,),):
            cell_width = max(width / max(len(cells), 1) - 2 * CELL_MARGIN_PT, 12.0)
            tallest = max(
                sum(count_lines(p, measure, cell_width, cell_width) * line + spacing
                    for p in (cell.split("\n") if cell else [""]))
                for cell in cells
            ) if cells else line
            rows.append((tallest + 1.0, 1))
        return rows


@lru_cache(maxsize=4096)
def _merge(typo: Typography | None, base: Typography) -> Typography:
    """``typo`` with every unset (``None``) field taken from ``base``.

    Memoized: a document has a handful of distinct formats, and building a
    Typography per paragraph was a sizeable share of layout time.
    """
    if typo is None:
        return base
    values = {k: (v if v is not None else getattr(base, k)) for k, v in vars(typo).items()}
    return Typography(**values)


def _line_height(typo: Typography, measure: Measure) -> float:
    """Height of one line under the paragraph's line-spacing rule."""
    return _spaced_line(typo.line_rule, typo.line_spacing, measure.face, measure.size_pt)


@lru_cache(maxsize=1024)
def _spaced_line(rule: str, spacing: float | None, font: Face, size_pt: float) -> float:
    """Line height for a rule ("auto" multiple, "exact", "atLeast") and a face and size."""
    single = font.line_height(size_pt)
    spacing = spacing if spacing is not None else 1.0
    if rule == "exact":
        return spacing
    if rule == "atLeast":
        return max(spacing, single)
    return single * spacing


class _Flow:
    """A cursor pouring boxes down pages.

    Text in several columns is treated as balanced, as LibreOffice and Word
    balance the columns of a section that ends on the page: each line then
    takes ``1 / columns`` of its height from the page.
    """

    def __init__(self, setup: PageSetup) -> None:
        self.page = 0
        self.y = 0.0
        self.after = 0.0
        self.context: tuple | None = None
        self.set_geometry(setup)

    def set_geometry(self, setup: PageSetup) -> None:
        columns = max(setup.columns, 1)
        self.share = 1.0 / columns
        self.height = max(setup.height_pt - abs(setup.margin_top_pt)
                          - abs(setup.margin_bottom_pt), 72.0)
        text_width = setup.width_pt - setup.margin_left_pt - setup.margin_right_pt
        text_width -= setup.gutter_pt
        gaps = setup.column_space_pt * (columns - 1)
        self.width = max((text_width - gaps) / columns, 36.0)

    @property
    def at_top(self) -> bool:
        return self.y <= _EPSILON

    @property
    def position(self) -> float:
        """Where the cursor stands, in pages."""
        return self.page + min(self.y / self.height, 1.0)

    def next_page(self) -> None:
        self.page += 1
        self.y = 0.0
        self.after = 0.0

    def gap(self, box: Box) -> float:
        """Space between the previous paragraph and ``box``.

        LibreOffice, which renders the corpus truth and exact mode, separates
        paragraphs by the larger of the space after and the space before, not
        their sum: measured on its PDFs (6 pt after a paragraph and 10 pt
        before a heading leave a 10 pt gap). That also collapses Word's HTML
        auto spacing (14 pt each side) to 14 pt.
        """
        if box.contextual_key is not None and box.contextual_key == self.context:
            return 0.0
        return max(self.after, box.before) * self.share

    def pour(self, box: Box) -> tuple[float, float]:
        """Place ``box``; return its start and end positions in pages."""
        if box.page_break:
            self.next_page()
            return self.position, self.position
        if box.page_break_before and not self.at_top:
            self.next_page()
        gap = self.gap(box)
        start: float | None = None
        for row_height, count in box.rows:
            height = row_height * self.share
            remaining = count
            while remaining:
                fits = int((self.height - self.y - gap + _EPSILON) // height) if height else count
                take = min(fits, remaining)
                if take < remaining and box.widow_control and row_height < self.height / 4:
                    take = self._widow_orphan(take, remaining, box)
                if take <= 0:
                    if not self.at_top:
                        self._continue(box, start is not None)
                        gap = box.before * self.share
                        continue
                    take = 1
                if start is None:
                    start = self.page + min((self.y + gap) / self.height, 1.0)
                self.y += gap + height * take
                gap = 0.0
                remaining -= take
                if remaining:
                    self._continue(box, True)
        self.after = box.after
        self.context = box.contextual_key
        if start is None:
            start = self.position
        return start, self.position

    def _continue(self, box: Box, started: bool) -> None:
        """Go on to the next page; a table already begun repeats its header rows there."""
        self.next_page()
        if started and box.repeat < self.height / 2:
            self.y = box.repeat * self.share

    @staticmethod
    def _widow_orphan(take: int, total: int, box: Box) -> int:
        """Lines to leave on this page so that neither part is a lone line."""
        if box.keep_together or total < 2 * MIN_LINES or take < MIN_LINES:
            return 0
        return min(take, total - MIN_LINES)

    def fits_with_next(self, boxes: list[Box]) -> bool:
        """Whether a chain of keep-with-next boxes and the next one's first lines fit here."""
        needed = 0.0
        after = self.after
        for box in boxes[:-1]:
            needed += after + box.before + box.height
            after = box.after
        last = boxes[-1]
        if last.rows:
            height, count = last.rows[0]
            needed += after + last.before + height * min(count, MIN_LINES)
        return self.y + needed * self.share <= self.height + _EPSILON


def layout_document(document: Document, model: PageModel) -> Layout:
    """Lay the document out and say where every block lands."""
    setups = document.page_setups if document.format == "docx" else [model.setup]
    setups = sorted(setups or [PageSetup()], key=lambda s: s.first_block)
    boxer = _Boxer(document, model)
    flow = _Flow(setups[0])
    section_starts = {s.first_block: s for s in setups[1:]}
    boxes: list[Box] = []
    spacers: list[list[Box]] = []
    for index, block in enumerate(document.blocks):
        if index in section_starts:
            flow.set_geometry(section_starts[index])
        boxes.append(boxer.box(block, flow.width))
        spacers.append(boxer.spacer_boxes(block, flow.width))
    flow = _Flow(setups[0])
    spans: list[tuple[float, float]] = []
    for index, box in enumerate(boxes):
        if index in section_starts:
            if section_starts[index].start != "continuous" and not flow.at_top:
                flow.next_page()
            flow.set_geometry(section_starts[index])
        for spacer in spacers[index]:
            flow.pour(spacer)
        if box.keep_with_next and not flow.at_top:
            chain = _keep_chain(boxes, index)
            if len(chain) > 1 and not flow.fits_with_next(chain):
                flow.next_page()
        spans.append(flow.pour(box))
    ends = [end for _, end in spans]
    return Layout(pages=round(max(ends, default=0.0), 3), spans=spans,
                  fonts=sorted(boxer.fonts.values(), key=lambda c: c.name))


def _keep_chain(boxes: list[Box], index: int) -> list[Box]:
    """The box at ``index``, the boxes it keeps with, and the first one that ends the chain."""
    chain = [boxes[index]]
    position = index
    while chain[-1].keep_with_next and position + 1 < len(boxes):
        position += 1
        if boxes[position].page_break or boxes[position].page_break_before:
            break
        chain.append(boxes[position])
    return chain
