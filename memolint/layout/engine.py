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
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple

from memolint.document import Block, CellLayout, Document, HeaderFooter, PageSetup, Typography
from memolint.layout.fonts import EastAsianChoice, Face, FontChoice, face, resolve
from memolint.layout.fonts import resolve_east_asian as resolve_asian
from memolint.layout.linebreak import Measure, Run, count_lines, has_asian
from memolint.layout.model import PageModel
from memolint.layout.tables import cell_content_height, table_rows
from memolint.records import MutableRecord

#: Word's paragraph defaults for anything neither style nor paragraph sets.
_WORD_DEFAULTS = Typography(font="Times New Roman", size_pt=10.0, line_spacing=1.0,
                            space_before_pt=0.0, space_after_pt=0.0, indent_left_pt=0.0,
                            indent_right_pt=0.0, indent_first_pt=0.0)
#: Columns per tab stop in Markdown code: pandoc turns tabs into spaces (``--tab-stop``).
PANDOC_TAB_STOP = 4
#: Table cell margins (Word's default 0.08 in left and right).
CELL_MARGIN_PT = 5.4
#: Widow/orphan control keeps at least this many lines of a paragraph together.
MIN_LINES = 2
#: Room the footnote separator takes above a page's first footnote, in points:
#: measured on LibreOffice 7.4's PDFs of DOCX files (18.4 pt reserved for one
#: 14.04 pt note line), the same whatever the separator note holds.
FOOTNOTE_SEPARATOR_PT = 4.4
#: LibreOffice sets DOCX endnotes on pages of their own after the body, in its
#: "Endnote" page style: the last section's page size with 2 cm margins.
ENDNOTE_MARGIN_PT = 56.7
_EPSILON = 0.01
#: Page models kept in :data:`_MARKDOWN_FORMATS` before it starts afresh.
_MODELS_KEPT = 8


class Box(MutableRecord):
    """One block, ready to pour: spacing, lines and the keep rules (the engine
    adds the footnotes after making it)."""

    _fields = ("before", "after", "rows", "keep_with_next", "keep_together", "widow_control",
               "page_break_before", "page_break", "contextual_key", "repeat", "notes",
               "note_trail")
    __slots__ = _fields

    def __init__(self, before: float, after: float, rows: list[tuple[float, int]],
                 keep_with_next: bool = False, keep_together: bool = False,
                 widow_control: bool = True, page_break_before: bool = False,
                 page_break: bool = False, contextual_key: tuple | None = None,
                 repeat: float = 0.0, notes: Sequence[tuple[int, float]] = (),
                 note_trail: float = 0.0) -> None:
        self.before = before
        self.after = after
        #: (height, count) runs of unbreakable rows: text lines, pictures, table rows.
        self.rows = rows
        self.keep_with_next = keep_with_next
        self.keep_together = keep_together
        self.widow_control = widow_control
        self.page_break_before = page_break_before
        self.page_break = page_break
        #: Paragraphs with contextual spacing and the same key drop the space between them.
        self.contextual_key = contextual_key
        #: Height repeated at the top of each page the box continues on (table header rows).
        self.repeat = repeat
        #: Footnotes: ``(line, height)``, the box's line (counted across its rows)
        #: holding the reference, and the note's height, in line order (a list of its
        #: own, made only for a box with notes).
        self.notes = notes
        #: Space after the notes' last paragraph: LibreOffice leaves it out below the
        #: page's last note (measured: notes in a 6 pt-after style end flush at the margin).
        self.note_trail = note_trail

    @property
    def height(self) -> float:
        return sum(h * n for h, n in self.rows)


class Layout(NamedTuple):
    """Where everything landed."""

    #: Whole document in pages: pages before the last + used share of the last.
    pages: float
    #: Per block: (start, end) positions in pages (0-based page + fraction).
    spans: list[tuple[float, float]]
    fonts: Sequence[FontChoice | EastAsianChoice] = ()
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
        self.fonts: dict[str, FontChoice | EastAsianChoice] = {}
        self._measures: dict[tuple[Typography, bool], Measure] = {}
        #: Per block format (see :meth:`style`) and per paragraph (see :meth:`count`).
        self._styles: dict[object, _Style] = {}
        #: Markdown block formats made by any document under this page model.
        self._shared: dict[object, Any] = {}
        if self.markdown:
            self._shared = _markdown_formats(model)
            # Markdown notes carry no format of their own: they take the page model's.
            self.defaults = self._shared.get("notes") or self._shared.setdefault(
                "notes", model.note_typography())
        else:
            self.defaults = _merge(document.default_typography, _WORD_DEFAULTS)
        self._line_counts: dict[tuple[str, int, float, float], int] = {}
        #: Endnotes met so far, for the pages after the body.
        self.endnotes: list[HeaderFooter] = []

    def style(self, block: Block) -> _Style:
        """The block's typography, measure and line height, made once per format.

        Keyed by what the format depends on: a Markdown block's kind, level,
        depth and quoting (the page model sets it, so the format is made once
        per page model and process and only its fonts are noted per document),
        a DOCX block's own format (see :meth:`format_style`).
        """
        if not self.markdown:
            return self.format_style(block.typography)
        key = (block.kind, block.level, block.depth, block.quoted)
        style = self._styles.get(key)
        if style is None:
            style = self._shared.get(key)
            if style is None:
                style = self._shared[key] = self._new_style(None, self.model.typography(block))
            else:
                self._note_fonts(style.fonts)
            self._styles[key] = style
        return style

    def format_style(self, typography: Typography | None) -> _Style:
        """A paragraph's own format over the defaults, made once per Typography object.

        Keyed by identity: the DOCX reader shares one object per style, and
        merging and hashing all its fields per paragraph was a sizeable share
        of layout time.
        """
        style = self._styles.get(id(typography))
        if style is None:
            style = self._styles[id(typography)] = self._new_style(
                typography, _merge(typography, self.defaults))
        return style

    def _new_style(self, source: Typography | None, typo: Typography) -> _Style:
        measure, fonts = _new_measure(typo, False)
        self._note_fonts(fonts)
        return _Style(source, typo, measure, _line_height(typo, measure),
                      typo.space_before_pt or 0.0, typo.space_after_pt or 0.0,
                      typo.indent_left_pt or 0.0, typo.indent_right_pt or 0.0,
                      typo.indent_first_pt or 0.0, fonts)

    def _note_fonts(self, fonts: Sequence[tuple[str, FontChoice | EastAsianChoice]]) -> None:
        """Record the fonts a measure takes, for :attr:`Layout.fonts`."""
        for name, choice in fonts:
            self.fonts.setdefault(name, choice)

    def text_measure(self, style: _Style, text: str) -> tuple[Measure, float]:
        """The measure and line height of ``text`` in ``style``: the style's own unless
        the text has east-Asian characters."""
        if not has_asian(text):
            return style.measure, style.line
        measure = self.measure(style.typography, True)
        return measure, _line_height(style.typography, measure, text)

    def count(self, text: str, measure: Measure, width: float, first: float,
              runs: tuple[Run, ...] = ()) -> int:
        """:func:`count_lines`, remembered for the document: list items, table cells and
        boilerplate repeat, and a paragraph in one font wraps the same each time."""
        if runs:
            return count_lines(text, measure, width, first, runs)
        key = (text, id(measure), width, first)
        lines = self._line_counts.get(key)
        if lines is None:
            lines = self._line_counts[key] = count_lines(text, measure, width, first)
        return lines

    def code_lines(self, text: str, measure: Measure, width: float) -> int:
        """Lines of a code block: every space takes room, as pandoc writes them all
        (``xml:space="preserve"``), and a Markdown tab is spaces up to the next
        multiple of 4 columns, as pandoc's reader expands it (measured on its DOCX)."""
        if self.markdown:
            text = text.expandtabs(PANDOC_TAB_STOP)
        return count_lines(text, measure, width, width, keep_spaces=True)

    def measure(self, typo: Typography, asian: bool = False) -> Measure:
        """How text in ``typo`` is measured; with its east-Asian font when the text has
        east-Asian characters (``asian``, see :func:`has_asian`)."""
        key = (typo, asian)
        known = self._measures.get(key)
        if known is None:
            known, fonts = _new_measure(typo, asian)
            self._note_fonts(fonts)
            self._measures[key] = known
        return known

    def runs(self, block: Block, asian: bool) -> tuple[Run, ...]:
        """Stretches in a font of their own: a Markdown block's inline code in the code
        font and its bold and italic text in those faces, a DOCX paragraph's runs in
        their own format (not when tracked deletions make the shown text differ from
        the text the offsets count in). ``asian``: the block's text has east-Asian
        characters."""
        if self.markdown:
            if not block.font_spans:
                if not block.code_spans:
                    return ()
                measure = self.measure(self.model.code_typography(block), asian)
                return tuple((start, end, measure) for start, end in block.code_spans)
            return tuple((start, end, self.measure(typo, asian))
                         for start, end, typo in self.model.styled_runs(block))
        if not block.font_spans or block.layout_text:
            return ()
        return tuple((start, end, self.measure(typo, asian))
                     for start, end, typo in block.font_spans)

    def spacer_boxes(self, block: Block, width: float) -> list[Box]:
        """Paragraphs before a DOCX block that carry no text: empty ones take one line
        at their own size; all-deleted ones their struck-through lines."""
        boxes = []
        texts = block.spacer_texts
        for index, spacer in enumerate(block.spacers):
            style = self.format_style(spacer)
            typo = style.typography
            text = texts[index] if index < len(texts) else ""
            measure, line = self.text_measure(style, text)
            lines = self._lines(text, typo, measure, width) if text else 1
            boxes.append(Box(typo.space_before_pt or 0.0, typo.space_after_pt or 0.0,
                             [(line, lines)], page_break_before=typo.page_break_before))
        return boxes

    def _lines(self, text: str, typo: Typography, measure: Measure, width: float) -> int:
        """Lines of a paragraph ``width`` wide less its indents."""
        inner = width - (typo.indent_left_pt or 0.0) - (typo.indent_right_pt or 0.0)
        return self.count(text, measure, inner, inner - (typo.indent_first_pt or 0.0))

    def box(self, block: Block, width: float) -> Box:
        """The block's box, with the footnotes it references (endnotes are kept aside)."""
        box = self._box(block, width)
        if not block.note_refs:
            return box
        notes: list[tuple[int, float]] = []
        for ref in block.note_refs:
            if ref.kind == "endnote":
                self.endnotes.append(ref.content)
                continue
            lines = box.rows[0][1] if box.rows and block.kind != "table" else 1
            line = min(ref.offset * lines // max(len(block.text), 1), lines - 1)
            notes.append((line, self._furniture(ref.content, width)))
            if ref.content.paragraphs:
                last = _merge(ref.content.paragraphs[-1][1], self.defaults)
                box.note_trail = last.space_after_pt or 0.0
        box.notes = notes
        return box

    def endnote_pages(self, setup: PageSetup) -> float:
        """Pages the endnotes fill on the endnote pages (share of the last one included)."""
        width = setup.width_pt - 2 * ENDNOTE_MARGIN_PT
        height = setup.height_pt - 2 * ENDNOTE_MARGIN_PT
        total = sum(self._furniture(content, width) for content in self.endnotes)
        full, rest = divmod(total, height)
        return full + rest / height

    def _box(self, block: Block, width: float) -> Box:
        kind = block.kind
        if kind == "page_break":
            return Box(0.0, 0.0, [], page_break=True)
        style = self.style(block)
        typo = style.typography
        text = block.layout_text or block.text
        measure, line = ((style.measure, style.line) if text.isascii()  # as has_asian(text)
                         else self.text_measure(style, text))
        left = style.left
        inner = width - left - style.right
        rows: list[tuple[float, int]]
        if kind == "table" and block.table_layout is not None:
            rows, header = table_rows(block.table_layout, width, self._cell_paragraph)
            return Box(0.0, 0.0, rows, repeat=header)
        if kind == "table":
            rows = self._table_rows(block, typo, measure, line, inner)
        elif kind == "image" and not self.markdown:
            rows = []
        elif kind == "code":
            rows = [(line, self.code_lines(text, measure, inner))]
        else:
            first = inner if kind == "list_item" else inner - style.first
            runs = (self.runs(block, measure.asian is not None)  # as has_asian(text)
                    if block.font_spans or block.code_spans else ())
            rows = [(line, self.count(text, measure, inner, first, runs))]
        if block.images and not self.markdown:
            rows += [(min(h, 10_000.0), 1) for _, h in block.images if h > 0]
        # Keep rules come from the paragraph's own format: a DOCX paragraph that
        # merely has an outline level (a numbered clause) still splits across
        # pages in Word and LibreOffice unless its style says keepNext/keepLines.
        # All positional: keywords to a class make a dict per call (a share of layout).
        return Box(style.before, 0.0 if kind == "table" else style.after, rows,
                   typo.keep_with_next, typo.keep_lines, True, typo.page_break_before, False,
                   (kind, typo.font, typo.size_pt, left) if typo.contextual_spacing else None)

    def body_heights(self, setup: PageSetup) -> tuple[float, float]:
        """Text-area height on the section's first page and on its other pages.

        LibreOffice imports a Word header as a frame between the header
        distance and the top margin that grows with its content: a header
        taller than that gap pushes the body down (likewise the footer, up).
        A negative ("exact") margin holds the body where it is.
        """
        width = setup.width_pt - setup.margin_left_pt - setup.margin_right_pt
        rest = _body_height(setup, self._furniture(setup.header, width),
                            self._furniture(setup.footer, width))
        if not setup.title_page:
            return rest, rest
        return _body_height(setup, self._furniture(setup.first_header, width),
                            self._furniture(setup.first_footer, width)), rest

    def _furniture(self, content: HeaderFooter | None, width: float) -> float:
        """Height of a header's or footer's content (0 when there is none)."""
        if content is None:
            return 0.0
        height = cell_content_height(CellLayout(content.paragraphs), width,
                                     self._cell_paragraph) if content.paragraphs else 0.0
        for table in content.tables:
            height += sum(h * n for h, n in table_rows(table, width, self._cell_paragraph)[0])
        return height + sum(content.image_heights_pt)

    def _cell_paragraph(self, text: str, typography: Typography | None,
                        width: float) -> tuple[float, float, float, int]:
        """One table-cell paragraph under its own typography (see :mod:`.tables`)."""
        style = self.format_style(typography)
        typo = style.typography
        measure, line = self.text_measure(style, text)
        lines = self._lines(text, typo, measure, width)
        return (typo.space_before_pt or 0.0, lines * line, typo.space_after_pt or 0.0, lines)

    def _table_rows(self, block: Block, typo: Typography, measure: Measure, line: float,
                    width: float) -> list[tuple[float, int]]:
        """One unbreakable row each: the tallest cell's paragraphs plus their spacing."""
        spacing = (typo.space_before_pt or 0.0) + (typo.space_after_pt or 0.0)
        rows = []
        for cells in block.rows or ((block.text,),):
            cell_width = max(width / max(len(cells), 1) - 2 * CELL_MARGIN_PT, 12.0)
            tallest = max(
                sum(self.count(p, measure, cell_width, cell_width) * line + spacing
                    for p in (cell.split("\n") if cell else [""]))
                for cell in cells
            ) if cells else line
            rows.append((tallest + 1.0, 1))
        return rows


class _Style(NamedTuple):
    """A block format as the boxer uses it (see :meth:`_Boxer.style`)."""

    #: The block's own Typography, kept so that its identity (the key) stays unique.
    source: Typography | None
    typography: Typography
    measure: Measure
    line: float
    #: The typography's spacing and indents, unset ones 0 (read per block).
    before: float
    after: float
    left: float
    right: float
    first: float
    #: The fonts :attr:`measure` takes, by name (see :func:`_new_measure`).
    fonts: tuple[tuple[str, FontChoice | EastAsianChoice], ...]


#: Markdown formats (see :meth:`_Boxer.style`) and the notes' typography ("notes") per
#: page model: every Markdown memo under a model is set in the same few formats, and
#: making them (hashing the model and each Typography) was a share of its layout.
_MARKDOWN_FORMATS: dict[PageModel, dict[object, Any]] = {}


def _markdown_formats(model: PageModel) -> dict[object, Any]:
    """The formats made so far under ``model`` (a handful of models at most are kept)."""
    formats = _MARKDOWN_FORMATS.get(model)
    if formats is None:
        if len(_MARKDOWN_FORMATS) >= _MODELS_KEPT:
            _MARKDOWN_FORMATS.clear()
        formats = _MARKDOWN_FORMATS[model] = {}
    return formats


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


@lru_cache(maxsize=1024)
def _new_measure(typo: Typography, asian: bool) -> tuple[
        Measure, tuple[tuple[str, FontChoice | EastAsianChoice], ...]]:
    """How text in ``typo`` is measured, and the fonts that takes, by name.

    Memoized across documents: every Markdown memo is set in the same few
    formats, and resolving fonts and faces for each was a share of its layout.
    """
    choice = resolve(typo.font)
    scale = (typo.character_scale_pct or 100.0) / 100.0
    measure = Measure(face(choice.family, typo.bold, typo.italic), typo.size_pt or 10.0,
                      typo.character_spacing_pt or 0.0, scale)
    if not asian:
        return measure, ((choice.name, choice),)
    korean = (typo.east_asian_language or "").lower().startswith("ko")
    east = resolve_asian(typo.east_asian_font or typo.font, korean)
    return Measure(measure.face, measure.size_pt, measure.spacing_pt, scale,
                   asian=face(east.family, typo.bold, typo.italic),
                   asian_glyphs=face(east.glyphs, typo.bold, typo.italic), word_wrap=korean), (
        (choice.name, choice), (f"{east.name} (east Asian)", east))


def _body_height(setup: PageSetup, header: float, footer: float) -> float:
    """The text area's height between a header and a footer of the given heights."""
    top, bottom = setup.margin_top_pt, setup.margin_bottom_pt
    if setup.gutter_at_top:
        top = math.copysign(abs(top) + setup.gutter_pt, top)
    if top >= 0 and header:
        top = max(top, setup.header_distance_pt + header)
    if bottom >= 0 and footer:
        bottom = max(bottom, setup.footer_distance_pt + footer)
    return max(setup.height_pt - abs(top) - abs(bottom), 72.0)


def _line_height(typo: Typography, measure: Measure, text: str = "") -> float:
    """Height of one line of ``text`` under the paragraph's line-spacing rule."""
    return _spaced_line(typo.line_rule, typo.line_spacing, measure.line_face(text),
                        measure.size_pt)


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

    Footnotes take room from the foot of the page where their reference's
    line lands (``reserved``, with the separator above the first). A line whose
    note does not fit below it moves to the next page with its note, as
    LibreOffice moves it; only a note too tall for the page that its line
    starts is split, the rest continuing at the next page's foot (``carry``).
    Not modelled: LibreOffice splitting a long note rather than moving the line.
    """

    def __init__(self, setup: PageSetup, heights: tuple[float, float] = (0.0, 0.0)) -> None:
        self.page = 0
        self.y = 0.0
        self.after = 0.0
        self.context: tuple | None = None
        #: The page began where the previous one ran full (not at a break).
        self.flowed = False
        #: Footnote room taken on this page, and what a split note takes on the next.
        self.reserved = 0.0
        self.carry = 0.0
        #: The last page with footnotes at its foot (-1: none).
        self.note_page = -1
        self.set_geometry(setup, heights)

    def set_geometry(self, setup: PageSetup, heights: tuple[float, float] | None = None) -> None:
        """Take a section's columns and, unless ``heights`` is None, its text-area heights
        (first page, other pages). A continuous section keeps the page it starts on, as
        LibreOffice keeps the page style there: only the width and columns change."""
        columns = max(setup.columns, 1)
        self.share = 1.0 / columns
        if heights is not None:
            self.height, self.rest_height = heights
        text_width = setup.width_pt - setup.margin_left_pt - setup.margin_right_pt
        text_width -= 0.0 if setup.gutter_at_top else setup.gutter_pt
        gaps = setup.column_space_pt * (columns - 1)
        self.width = max((text_width - gaps) / columns, 36.0)

    @property
    def at_top(self) -> bool:
        return self.y <= _EPSILON

    @property
    def position(self) -> float:
        """Where the cursor stands, in pages."""
        return self.page + min(self.y / self.height, 1.0)

    def next_page(self, flowed: bool = False) -> None:
        """Start a new page: at a break, or (``flowed``) because the last one is full."""
        self.flowed = flowed
        self.page += 1
        self.height = self.rest_height
        self.y = 0.0
        self.after = 0.0
        self.reserved = self.carry + (FOOTNOTE_SEPARATOR_PT * self.share if self.carry else 0.0)
        self.carry = 0.0
        if self.reserved:
            self.note_page = self.page

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
        if self.flowed and self.at_top:
            return 0.0  # space before is dropped at the top of a page text flowed onto
        after, before = self.after, box.before
        return (before if before > after else after) * self.share  # max(), without the call

    def pour(self, box: Box) -> tuple[float, float]:
        """Place ``box``; return its start and end positions in pages."""
        if box.page_break:
            self.next_page()
            return self.position, self.position
        if box.page_break_before and not self.at_top:
            self.next_page()
        gap = self.gap(box)
        rows = box.rows
        if len(rows) == 1 and not box.notes:
            placed = self._place_whole(box, rows[0], gap)
            if placed is not None:
                return placed
        start: float | None = None
        line = 0  # the box's next line, counted across its rows
        #: The page was just turned for this box: nothing above but a repeated header.
        turned = False
        for row_height, count in box.rows:
            height = row_height * self.share
            remaining = count
            while remaining:
                room = self.height - self.reserved - self.y - gap + _EPSILON
                fits = int(room // height) if height else count
                take = min(fits, remaining)
                if box.notes and take > 0 and height:
                    take = self._with_notes(box, line, take, height, gap)
                if take < remaining and box.widow_control and row_height < self.height / 4:
                    take = self._widow_orphan(take, remaining, box)
                if take <= 0:
                    # Nothing fits on a page this box has to itself: renderers then set
                    # what fits (a keep-together block taller than the page is split),
                    # and at least one line (a table row taller than the page below its
                    # repeated header); turning the page again would never end. (With a
                    # note carried over at its foot, the page after may have the room.)
                    if not (self.at_top or (turned and not self.reserved)):
                        self._continue(box, start is not None)
                        gap = 0.0
                        turned = True
                        continue
                    take = max(min(fits, remaining), 1)
                turned = False
                if start is None:
                    start = self.page + min((self.y + gap) / self.height, 1.0)
                self.y += gap + height * take
                gap = 0.0
                if box.notes:
                    self._reserve(box, line, take)
                line += take
                remaining -= take
                if remaining:
                    self._continue(box, True)
                    turned = True
        self.after = box.after
        self.context = box.contextual_key
        if start is None:
            start = self.position
        return start, self.position

    def _place_whole(self, box: Box, row: tuple[float, int],
                     gap: float) -> tuple[float, float] | None:
        """Place a box of one run of rows without notes that fits below the cursor as
        :meth:`pour` places it, by the same arithmetic; ``None`` if it does not fit.

        Nearly every paragraph is such a box: its lines then need no page turn,
        widow control or footnote room, which the general loop checks per line run.
        """
        row_height, count = row
        height = row_height * self.share
        y, page_height = self.y, self.height
        if not count or (height and int(
                (page_height - self.reserved - y - gap + _EPSILON) // height) < count):
            return None
        # min(share, 1.0) as :attr:`position` takes it, without the calls
        start = (y + gap) / page_height
        start = 1.0 if start > 1.0 else start
        self.y = y = y + (gap + height * count)
        end = y / page_height
        self.after = box.after
        self.context = box.contextual_key
        return self.page + start, self.page + (1.0 if end > 1.0 else end)

    def _with_notes(self, box: Box, first: int, take: int, height: float, gap: float) -> int:
        """How many of ``take`` lines (from line ``first``) fit with the footnotes they
        reference: up to, not including, the first line whose note leaves it no room."""
        reserved = self.reserved
        for line, note in box.notes:
            if line < first:
                continue
            if line >= first + take:
                break
            first_note = FOOTNOTE_SEPARATOR_PT - box.note_trail
            reserved += (note + (0.0 if reserved else first_note)) * self.share
            room = int((self.height - reserved - self.y - gap + _EPSILON) // height)
            if room <= line - first:
                return line - first
            take = min(take, room)
        return take

    def _reserve(self, box: Box, first: int, take: int) -> None:
        """Take room at the page foot for the notes of the ``take`` lines just placed."""
        for line, note in box.notes:
            if first <= line < first + take:
                separator = (0.0 if self.reserved or self.carry
                             else FOOTNOTE_SEPARATOR_PT - box.note_trail)
                needed = (note + separator) * self.share
                placed = min(needed, max(self.height - self.reserved - self.y, 0.0))
                self.reserved += placed
                self.carry += needed - placed
                self.note_page = self.page

    def _continue(self, box: Box, started: bool) -> None:
        """Go on to the next page; a table already begun repeats its header rows there."""
        self.next_page(flowed=True)
        if started and box.repeat < self.height / 2:
            self.y = box.repeat * self.share

    @staticmethod
    def _widow_orphan(take: int, total: int, box: Box) -> int:
        """Lines to leave on this page so that neither part is a lone line."""
        if box.keep_together or total < 2 * MIN_LINES or take < MIN_LINES:
            return 0
        return min(take, total - MIN_LINES)

    def fits_with_next(self, boxes: list[Box]) -> bool:
        """Whether a chain of keep-with-next boxes and the next one's first lines fit here.

        Spacing between them collapses to the larger side, as :meth:`gap` pours it.
        """
        chain, last = boxes[:-1], boxes[-1]
        needed = self.gap(chain[0]) / self.share + chain[0].height
        for previous, box in pairwise(chain):
            needed += max(previous.after, box.before) + box.height
        if last.rows:
            height, count = last.rows[0]
            needed += max(chain[-1].after, last.before) + height * min(count, MIN_LINES)
        return self.y + needed * self.share <= self.height + _EPSILON


def layout_document(document: Document, model: PageModel) -> Layout:
    """Lay the document out and say where every block lands."""
    setups = document.page_setups if document.format == "docx" else [model.setup]
    setups = sorted(setups or [PageSetup()], key=lambda s: s.first_block)
    boxer = _Boxer(document, model)
    heights = {s.first_block: boxer.body_heights(s) for s in setups}
    flow = _Flow(setups[0], heights[setups[0].first_block])
    section_starts = {s.first_block: s for s in setups[1:]}
    boxes: list[Box] = []
    spacers: list[Sequence[Box]] = []
    for index, block in enumerate(document.blocks):
        if index in section_starts:
            flow.set_geometry(section_starts[index])
        boxes.append(boxer.box(block, flow.width))
        spacers.append(boxer.spacer_boxes(block, flow.width) if block.spacers else ())
    flow = _Flow(setups[0], heights[setups[0].first_block])
    spans: list[tuple[float, float]] = []
    for index, box in enumerate(boxes):
        if index in section_starts:
            new_page = section_starts[index].start != "continuous"
            if new_page and not flow.at_top:
                flow.next_page()
            flow.set_geometry(section_starts[index], heights[index] if new_page else None)
        for spacer in spacers[index]:
            flow.pour(spacer)
        if box.keep_with_next and not flow.at_top:
            chain = _keep_chain(boxes, index)
            if len(chain) > 1 and not flow.fits_with_next(chain):
                flow.next_page(flowed=True)
        spans.append(flow.pour(box))
    pages = max((end for _, end in spans), default=0.0)
    if flow.note_page >= 0:
        pages = max(pages, flow.note_page + 1.0)  # the notes stand at the page's foot
    if boxer.endnotes:
        pages = max(math.ceil(pages - 1e-6), 1) + boxer.endnote_pages(setups[-1])
    return Layout(pages=round(pages, 3), spans=spans,
                  fonts=[boxer.fonts[name] for name in sorted(boxer.fonts)])


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
