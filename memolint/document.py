"""The document model: what every reader produces and every rule reads.

Nothing downstream of a reader knows whether a document came from Markdown or
DOCX, except the layout engine, which reads the page setup and typography the
reader recorded. Positions are 1-based ``(line, column)`` pairs: for Markdown
the source line and character column, for DOCX the paragraph number (document
order, table-cell paragraphs included) and the character offset + 1.
"""

from __future__ import annotations

import bisect
import operator
from typing import Any, Literal, NamedTuple

from memolint.lazy import cached_property
from memolint.records import FieldRecord, MutableRecord

BlockKind = Literal[
    "heading", "paragraph", "list_item", "table", "code", "quote", "page_break", "image",
    "thematic_break",
]

#: Block kinds whose text is running prose (readability, sentences).
PROSE_KINDS: frozenset[str] = frozenset({"paragraph", "list_item", "quote"})
#: The one character whose lowercase is longer than itself: "İ" (U+0130) → "i̇".
_LONGER_LOWER = "\u0130"
#: An anchor's offset in the visible text (anchors are ``(offset, line, column)``).
_anchor_offset = operator.itemgetter(0)


class Position(NamedTuple):
    """A 1-based place in the source: line (or DOCX paragraph) and column.

    Readers make one or two per block and rules one per finding: a named
    tuple, cheap to make, immutable and ordered (line first, then column).
    """

    line: int
    column: int


class SourceMap(NamedTuple):
    """Maps offsets in a block's visible text back to source positions.

    ``anchors`` are ``(text_offset, line, column)`` triples sorted by offset.
    From an anchor on, each character of visible text advances the column by
    one until the next anchor. Readers add an anchor wherever markup or a line
    break interrupts the source, so a finding inside ``**bold**`` or a link
    still points at the exact character, without ever re-finding text by search.
    """

    anchors: tuple[tuple[int, int, int], ...]

    @classmethod
    def at(cls, line: int, column: int = 1) -> SourceMap:
        """A map for text that runs contiguously from one position (DOCX)."""
        return cls(((0, line, column),))

    def position(self, offset: int) -> Position:
        """Source position of the character at ``offset`` in the visible text."""
        anchors = self.anchors
        index = max(bisect.bisect_right(anchors, offset, key=_anchor_offset) - 1, 0) if len(
            anchors) > 1 else 0
        start, line, column = anchors[index]
        return Position(line, column + max(offset - start, 0))


class Typography(FieldRecord):
    """Effective formatting of a block, as the reader resolved it.

    Recorded for the layout engine and the DOCX format rules; ``None`` means
    the source format does not say (Markdown), and the page model decides.
    """

    font: str | None = None
    size_pt: float | None = None
    bold: bool = False
    italic: bool = False
    #: "auto" (a multiple of single), "exact" or "atLeast" (points).
    line_rule: str = "auto"
    line_spacing: float | None = None
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    indent_left_pt: float | None = None
    indent_right_pt: float | None = None
    indent_first_pt: float | None = None
    keep_with_next: bool = False
    #: ``w:keepLines``: the paragraph's lines stay on one page.
    keep_lines: bool = False
    page_break_before: bool = False
    contextual_spacing: bool = False
    character_spacing_pt: float | None = None
    character_scale_pct: float | None = None
    #: Font for east-Asian text (``w:rFonts w:eastAsia``) and its language
    #: (``w:lang w:eastAsia``, e.g. "ko-KR"): Hangul is measured in that font,
    #: and text tagged Korean wraps at spaces.
    east_asian_font: str | None = None
    east_asian_language: str | None = None


class PageSetup(FieldRecord):
    """One document section's page: size, margins and columns, in points."""

    width_pt: float = 612.0
    height_pt: float = 792.0
    margin_top_pt: float = 72.0
    margin_bottom_pt: float = 72.0
    margin_left_pt: float = 72.0
    margin_right_pt: float = 72.0
    header_distance_pt: float = 36.0
    footer_distance_pt: float = 36.0
    gutter_pt: float = 0.0
    #: ``w:gutterAtTop`` (document setting): the gutter adds to the top margin, not the left.
    gutter_at_top: bool = False
    columns: int = 1
    column_space_pt: float = 36.0
    orientation: str = "portrait"
    #: Index of the first block this setup applies to.
    first_block: int = 0
    #: How the section starts (``w:type``): "nextPage", "continuous", "oddPage", ...
    start: str = "nextPage"
    #: Header and footer content (DOCX): a taller one pushes the body off the margin.
    header: HeaderFooter | None = None
    footer: HeaderFooter | None = None
    #: ``w:titlePg``: the section's first page has its own header and footer (these).
    title_page: bool = False
    first_header: HeaderFooter | None = None
    first_footer: HeaderFooter | None = None


class CellLayout(NamedTuple):
    """One table cell as a renderer lays it out (DOCX; read by the layout engine only).

    ``paragraphs`` are the cell's paragraphs as shown, empty ones included
    (each still takes a line): ``(text, typography)``. Margins are
    ``(top, left, bottom, right)`` in points, ``None`` where the cell does not
    override the table's.
    """

    paragraphs: tuple[tuple[str, Typography | None], ...] = ()
    #: Grid columns the cell spans (``w:gridSpan``).
    span: int = 1
    margins_pt: tuple[float | None, float | None, float | None, float | None] | None = None
    #: A continuation of a vertically merged cell (``w:vMerge`` without ``restart``).
    merged: bool = False
    #: Heights of the pictures in the cell, in points (each adds its own line).
    image_heights_pt: tuple[float, ...] = ()


class RowLayout(NamedTuple):
    """One table row: its cells, and how the renderer may place it."""

    cells: tuple[CellLayout, ...] = ()
    #: Repeated at the top of every page the table continues on (``w:tblHeader``).
    header: bool = False
    #: ``w:cantSplit``: the row moves whole to the next page.
    cant_split: bool = False
    #: ``w:trHeight`` in points and its rule ("atLeast" or "exact").
    height_pt: float | None = None
    height_rule: str = "atLeast"
    #: Grid columns skipped before the first cell (``w:gridBefore``).
    grid_before: int = 0
    #: Height of the row's horizontal border line, in points.
    border_pt: float = 0.0


class TableLayout(NamedTuple):
    """A DOCX table's geometry: the column grid, its width and the cell margins."""

    #: ``w:tblGrid/w:gridCol`` widths in points.
    grid_pt: tuple[float, ...] = ()
    #: ``w:tblW``: a fixed width in points, or a share of the text width (1.0 = 100 %).
    width_pt: float | None = None
    width_share: float | None = None
    #: Default cell margins (top, left, bottom, right) in points.
    cell_margins_pt: tuple[float, float, float, float] = (0.0, 5.4, 0.0, 5.4)
    rows: tuple[RowLayout, ...] = ()


class HeaderFooter(NamedTuple):
    """What a page header or footer, or a footnote or endnote, holds, for the height
    it takes (layout only).

    ``paragraphs`` are its top-level paragraphs as shown, ``(text, typography)``;
    floating shapes and text boxes take no room and are left out.
    """

    paragraphs: tuple[tuple[str, Typography | None], ...] = ()
    tables: tuple[TableLayout, ...] = ()
    #: Heights of its inline pictures, in points.
    image_heights_pt: tuple[float, ...] = ()


class NoteRef(NamedTuple):
    """A footnote or endnote a block references (DOCX; layout only).

    Footnotes take room at the foot of the page where ``offset`` (the
    reference mark's place in the block's text) lands; endnotes go to the end.
    """

    kind: Literal["footnote", "endnote"]
    offset: int
    content: HeaderFooter


class Block(MutableRecord):
    """One unit of the document: a heading, paragraph, list item, table, ...

    ``text`` is what a reader sees (no markup, no list label). ``source`` maps
    offsets in it back to the file; ``end`` is the position just past it.
    """

    kind: BlockKind
    text: str
    source: SourceMap
    end: Position
    #: Heading level 1-9; 0 for a title.
    level: int
    #: List depth, 1 for a top-level item.
    depth: int
    ordered: bool
    #: Identifies the list this item belongs to (items of one list share it).
    list_id: int | None
    #: Inside a block quote (Markdown ``>``).
    quoted: bool
    #: A DOCX paragraph that only looks like a bullet: the glyph was typed.
    manual_bullet: bool
    #: Table cells' text, row by row (tables only).
    rows: tuple[tuple[str, ...], ...]
    #: Pictures in the block: (width_pt, height_pt) each, when known.
    images: tuple[tuple[float, float], ...]
    #: DOCX ``w:lastRenderedPageBreak`` marks inside the block.
    rendered_page_breaks: int
    #: Empty paragraphs just before the block (DOCX): no text, but they take a
    #: line each, so the layout engine needs their typography.
    spacers: tuple[Typography, ...]
    #: Text each spacer shows although the reader does not count it: a paragraph
    #: whose text is all tracked deletion, which renderers print struck through.
    #: Parallel to ``spacers`` ("" for an empty paragraph); layout only.
    spacer_texts: tuple[str, ...]
    #: The text as a renderer shows it, when that differs from ``text``: tracked
    #: deletions stay on the page, struck through, in the default view. Layout
    #: only; words and rules use ``text``.
    layout_text: str | None
    #: Footnote and endnote texts referenced from the block (DOCX); not in ``text``.
    footnotes: tuple[str, ...]
    #: The same notes with their content and where they are referenced (layout only).
    note_refs: tuple[NoteRef, ...]
    #: A DOCX table's grid, spans, margins and cell paragraphs (layout only).
    table_layout: TableLayout | None
    typography: Typography | None
    #: Code block language (info string), when given.
    info: str
    #: Inline code: ``(start, end)`` offsets into ``text`` (Markdown; the page
    #: model sets them in the code font). Layout only.
    code_spans: tuple[tuple[int, int], ...]
    #: Runs whose character format differs from ``typography`` (DOCX):
    #: ``(start, end, typography)``, offsets into ``text``; Markdown records bold
    #: and italic text here with only ``bold``/``italic`` set. Layout only.
    font_spans: tuple[tuple[int, int, Typography], ...]
    _fields = ("kind", "text", "source", "end", "level", "depth", "ordered", "list_id", "quoted",
               "manual_bullet", "rows", "images", "rendered_page_breaks", "spacers", "spacer_texts",
               "layout_text", "footnotes", "note_refs", "table_layout", "typography", "info",
               "code_spans", "font_spans")

    def __init__(self, kind: BlockKind, text: str, source: SourceMap, end: Position, level: int = 0,
                 depth: int = 0, ordered: bool = False, list_id: int | None = None,
                 quoted: bool = False, manual_bullet: bool = False,
                 rows: tuple[tuple[str, ...], ...] = (),
                 images: tuple[tuple[float, float], ...] = (), rendered_page_breaks: int = 0,
                 spacers: tuple[Typography, ...] = (), spacer_texts: tuple[str, ...] = (),
                 layout_text: str | None = None, footnotes: tuple[str, ...] = (),
                 note_refs: tuple[NoteRef, ...] = (), table_layout: TableLayout | None = None,
                 typography: Typography | None = None, info: str = "",
                 code_spans: tuple[tuple[int, int], ...] = (),
                 font_spans: tuple[tuple[int, int, Typography], ...] = ()) -> None:
        self.kind = kind
        self.text = text
        self.source = source
        self.end = end
        self.level = level
        self.depth = depth
        self.ordered = ordered
        self.list_id = list_id
        self.quoted = quoted
        self.manual_bullet = manual_bullet
        self.rows = rows
        self.images = images
        self.rendered_page_breaks = rendered_page_breaks
        self.spacers = spacers
        self.spacer_texts = spacer_texts
        self.layout_text = layout_text
        self.footnotes = footnotes
        self.note_refs = note_refs
        self.table_layout = table_layout
        self.typography = typography
        self.info = info
        self.code_spans = code_spans
        self.font_spans = font_spans

    @property
    def start(self) -> Position:
        """Position of the block's first character."""
        return self.source.position(0)

    @property
    def words(self) -> int:
        """Visible words, counted as a word processor does (whitespace split)."""
        return len(self._runs[0])

    @property
    def longest_run(self) -> int:
        """Characters in the longest run without white space (0 for no text)."""
        return self._runs[1]

    @property
    def lower_runs(self) -> list[str]:
        """``text`` lowercased and split at white space (language detection's stopwords)."""
        return self._runs[0]

    @cached_property
    def _runs(self) -> tuple[list[str], int]:
        """(lowercased runs, longest run): the block's one split, made once.

        Rules read the word count hundreds of times per memo, language
        detection matches stopwords against the runs, and the longest run is
        measured while the runs are fresh in the cache (a block's text never
        changes after the reader made it). Lowercasing keeps every white
        space character and makes no new one, so the runs are the text's own;
        it changes a run's length only for U+0130 (İ → i̇).
        tests/test_language_fast_paths.py checks both over all of Unicode.
        """
        runs = self.text.lower().split()
        if not self.text.isascii() and _LONGER_LOWER in self.text:
            return runs, max(map(len, self.text.split()), default=0)
        return runs, max(map(len, runs), default=0)

    @property
    def is_prose(self) -> bool:
        """Running prose: counted by readability and sentence rules."""
        return self.kind in PROSE_KINDS and not self.manual_bullet


class Suppression(NamedTuple):
    """An inline directive that silences findings.

    ``codes`` holds rule codes or names as written; empty means every rule.
    ``line`` is where the directive stands (source line or DOCX paragraph).
    """

    action: Literal["disable", "enable", "disable-next-line", "disable-line", "disable-file"]
    codes: frozenset[str]
    line: int
    #: For ``disable-next-line`` in DOCX: the paragraph the comment is anchored on.
    target_line: int | None = None


class Document(MutableRecord):
    """A parsed memo: blocks in reading order plus what the format told us."""

    path: str
    format: Literal["markdown", "docx"]
    blocks: list[Block]
    page_setups: list[PageSetup]
    #: Front matter (Markdown) as parsed data; not prose.
    front_matter: dict[str, Any]
    #: Per-file settings: front matter ``memolint:`` or DOCX equivalents.
    settings: dict[str, Any]
    suppressions: list[Suppression]
    #: ``docProps/app.xml`` <Pages>, the count the last editor saved.
    stated_pages: int | None
    #: Default typography of body text (DOCX Normal style / docDefaults).
    default_typography: Typography | None
    #: Things the reader noticed that a user may want to know (``inspect``).
    notes: list[str]
    #: Number of lines (Markdown) or paragraphs (DOCX): the last valid line.
    line_count: int
    _fields = ("path", "format", "blocks", "page_setups", "front_matter", "settings",
               "suppressions", "stated_pages", "default_typography", "notes", "line_count")

    def __init__(self, path: str, format: Literal["markdown", "docx"], blocks: list[Block],
                 page_setups: list[PageSetup] | None = None,
                 front_matter: dict[str, Any] | None = None, settings: dict[str, Any] | None = None,
                 suppressions: list[Suppression] | None = None, stated_pages: int | None = None,
                 default_typography: Typography | None = None, notes: list[str] | None = None,
                 line_count: int = 0) -> None:
        self.path = path
        self.format = format
        self.blocks = blocks
        self.page_setups = [PageSetup()] if page_setups is None else page_setups
        self.front_matter = {} if front_matter is None else front_matter
        self.settings = {} if settings is None else settings
        self.suppressions = [] if suppressions is None else suppressions
        self.stated_pages = stated_pages
        self.default_typography = default_typography
        self.notes = [] if notes is None else notes
        self.line_count = line_count

    @property
    def headings(self) -> list[Block]:
        """Heading blocks (titles included), in order."""
        return [b for b in self.blocks if b.kind == "heading"]
