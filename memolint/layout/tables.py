"""Tables as a renderer sets them: grid columns, cell margins, rows that split.

A DOCX table's column widths come from its grid (``w:tblGrid``), scaled to
its preferred width when it has one (``w:tblW``, a width or a share of the
text area); a cell that spans grid columns gets their sum. Inside a cell the
text wraps at that width less the cell's left and right margins, and each
paragraph keeps its own font, size and spacing. A row is as tall as its
tallest cell (plus top and bottom margins and the border line), never less
than a ``w:trHeight`` "at least" and exactly an "exact" one.

Rows may break across pages between lines unless marked ``w:cantSplit``, as
in Word and LibreOffice; such a row becomes its tallest cell's lines at the
row's average pitch, so the page-filling loop can split it. Header rows
(``w:tblHeader``) repeat on every page the table continues on: their height
is returned so the flow can start each continuation page below them.
"""

from __future__ import annotations

from collections.abc import Callable

from memolint.document import CellLayout, RowLayout, TableLayout, Typography

#: A cell paragraph ``(text, typography)`` set ``width`` points wide:
#: (space before, height of its lines, space after, line count).
ParagraphHeight = Callable[[str, Typography | None, float], tuple[float, float, float, int]]
#: Narrowest text column a cell is given, so degenerate grids still wrap sanely.
MIN_CELL_TEXT_PT = 12.0


def column_widths(table: TableLayout, available_pt: float) -> list[float]:
    """Grid column widths in points, scaled to the table's preferred width."""
    grid = list(table.grid_pt)
    total = sum(grid)
    if not grid or total <= 0:
        return []
    target = table.width_pt or (table.width_share * available_pt if table.width_share else None)
    scale = target / total if target else 1.0
    return [column * scale for column in grid]


def _cell_widths(row: RowLayout, columns: list[float], available_pt: float) -> list[float]:
    """Each cell's outer width: its spanned grid columns, or an equal share without a grid."""
    start = row.grid_before
    widths = []
    for cell in row.cells:
        spanned = columns[start:start + cell.span]
        widths.append(sum(spanned) if len(spanned) == cell.span else 0.0)
        start += cell.span
    if not columns or not all(widths):
        return [available_pt / max(len(row.cells), 1)] * len(row.cells)
    return widths


def cell_content_height(cell: CellLayout, text_width: float, measure: ParagraphHeight) -> float:
    """Height of a cell's (or a header's) paragraphs and pictures, spacing included."""
    return _cell_height(cell, text_width, measure)[0]


def _cell_height(cell: CellLayout, text_width: float,
                 measure: ParagraphHeight) -> tuple[float, int]:
    """Content height of one cell (paragraph spacing included) and its line count.

    Between two paragraphs the larger of the space after and the space before
    applies, as in the body flow (see ``_Flow.gap``).
    """
    height = 0.0
    lines = 0
    after = 0.0
    for index, (text, typo) in enumerate(cell.paragraphs or (("", None),)):
        before, body, space_after, count = measure(text, typo, text_width)
        height += (before if index == 0 else max(after, before)) + body
        after = space_after
        lines += count
    pictures = sum(cell.image_heights_pt)
    return height + after + pictures, max(lines, 1)


def table_rows(table: TableLayout, available_pt: float,
               measure: ParagraphHeight) -> tuple[list[tuple[float, int]], float]:
    """Row runs ``(height, count)`` for the flow, and the height of the repeated header."""
    columns = column_widths(table, available_pt)
    top, left, bottom, right = table.cell_margins_pt
    runs: list[tuple[float, int]] = []
    header = 0.0
    in_header = True
    for row in table.rows:
        tallest, lines = 0.0, 1
        for cell, width in zip(row.cells, _cell_widths(row, columns, available_pt), strict=True):
            if cell.merged:
                continue
            margins = cell.margins_pt or (None, None, None, None)
            side = (margins[1] if margins[1] is not None else left) + (
                margins[3] if margins[3] is not None else right)
            content, count = _cell_height(cell, max(width - side, MIN_CELL_TEXT_PT), measure)
            content += (margins[0] if margins[0] is not None else top) + (
                margins[2] if margins[2] is not None else bottom)
            if content > tallest:
                tallest, lines = content, count
        if row.height_pt is not None:
            tallest = row.height_pt if row.height_rule == "exact" else max(tallest, row.height_pt)
        height = tallest + row.border_pt
        in_header = in_header and row.header
        if in_header:
            header += height
        if row.cant_split or row.header or lines <= 1:
            runs.append((height, 1))
        else:
            runs.append((height / lines, lines))
    return runs, header
