"""Table geometry for the DOCX reader: what a renderer needs to lay a table out.

Word and LibreOffice size a table's columns from its grid (``w:tblGrid``),
scaled to the table's preferred width (``w:tblW``); a cell spans one or more
grid columns (``w:gridSpan``); text wraps inside the cell minus its margins
(``w:tcMar`` over ``w:tblCellMar`` over the table style's, Word's default
0.08 in left and right). Rows marked ``w:tblHeader`` repeat on every page the
table continues on, and each row's border line adds its width to the row.
This module reads those facts; :mod:`memolint.layout.engine` uses them.
"""

from __future__ import annotations

from typing import Any

from memolint.document import CellLayout, RowLayout, TableLayout
from memolint.readers.docx_styles import (
    StyleSheet,
    first_child,
    integer,
    is_on,
    number,
    twips_pt,
    w,
)

#: Word's default cell margins: none above and below, 0.08 in (108 twips) at the sides.
DEFAULT_CELL_MARGINS = (0.0, 5.4, 0.0, 5.4)
_SIDES = (("top",), ("left", "start"), ("bottom",), ("right", "end"))
#: ``w:sz`` of a border is in eighths of a point.
_EIGHTHS = 8.0
_NO_BORDER = frozenset({"nil", "none"})
#: Multi-line borders take their width once per line and once per gap between lines.
_MULTI_LINE = {"double": 3, "triple": 5}
_VAL = w("val")
_TC_PR = w("tcPr")


def _margins(container: Any | None) -> tuple[float | None, ...] | None:
    """(top, left, bottom, right) from a ``w:tblCellMar`` or ``w:tcMar``; ``None`` if absent."""
    if container is None:
        return None
    values: list[float | None] = []
    for names in _SIDES:
        found = None
        for name in names:
            side = first_child(container, w(name))
            if side is not None and side.get(w("type"), "dxa") == "dxa":
                found = twips_pt(side.get(w("w")))
                break
        values.append(found)
    return tuple(values)


def _border_pt(borders: Any | None, side: str) -> float | None:
    """Width of one border of a ``w:tblBorders``/``w:tcBorders``; ``None`` if unset."""
    element = first_child(borders, w(side)) if borders is not None else None
    if element is None:
        return None
    style = element.get(_VAL, "nil")
    if style in _NO_BORDER:
        return 0.0
    lines = _MULTI_LINE.get(style, 1)
    return (number(element.get(w("sz"))) or 0.0) / _EIGHTHS * lines


def _table_properties(tbl_pr: Any | None, styles: StyleSheet) -> list[Any]:
    """The table's own ``w:tblPr`` and its style chain's, nearest first."""
    found = [tbl_pr] if tbl_pr is not None else []
    style = first_child(tbl_pr, w("tblStyle")) if tbl_pr is not None else None
    for element in styles.chain(style.get(_VAL) if style is not None else None):
        props = first_child(element, w("tblPr"))
        if props is not None:
            found.append(props)
    return found


def table_layout(tbl: Any, styles: StyleSheet, rows: tuple[RowLayout, ...]) -> TableLayout:
    """The geometry of ``tbl`` (a ``w:tbl``) with its already scanned ``rows``."""
    tbl_pr = first_child(tbl, w("tblPr"))
    props = _table_properties(tbl_pr, styles)
    margins = list(DEFAULT_CELL_MARGINS)
    for element in reversed(props):
        for index, value in enumerate(_margins(first_child(element, w("tblCellMar"))) or ()):
            if value is not None:
                margins[index] = value
    grid = first_child(tbl, w("tblGrid"))
    columns = tuple(twips_pt(col.get(w("w"))) or 0.0 for col in grid.iterchildren(w("gridCol"))) \
        if grid is not None else ()
    width_pt, share = _preferred_width(
        first_child(tbl_pr, w("tblW")) if tbl_pr is not None else None)
    return TableLayout(grid_pt=columns, width_pt=width_pt, width_share=share,
                       cell_margins_pt=(margins[0], margins[1], margins[2], margins[3]),
                       rows=rows)


def _preferred_width(tbl_w: Any | None) -> tuple[float | None, float | None]:
    """``w:tblW`` as (points, share of the text width); auto or absent is neither."""
    if tbl_w is None:
        return None, None
    kind, value = tbl_w.get(w("type"), "dxa"), tbl_w.get(w("w"), "")
    if kind == "pct":
        share = number(value)
        if share is None or share <= 0:
            return None, None
        return None, share / 100 if value.strip().endswith("%") else share / 5000
    if kind == "dxa":
        width = twips_pt(value)
        return (width, None) if width else (None, None)
    return None, None


def inside_border_pt(tbl: Any, styles: StyleSheet) -> float:
    """Width of the lines between rows: ``insideH`` of the table or its style."""
    for props in _table_properties(first_child(tbl, w("tblPr")), styles):
        width = _border_pt(first_child(props, w("tblBorders")), "insideH")
        if width is not None:
            return width
    return 0.0


def row_layout(tr: Any, cells: tuple[CellLayout, ...], table_border_pt: float) -> RowLayout:
    """One ``w:tr``'s placement rules, with its scanned ``cells``."""
    tr_pr = first_child(tr, w("trPr"))
    header = cant_split = False
    height = None
    rule = "atLeast"
    grid_before = 0
    if tr_pr is not None:
        header = _flag(tr_pr, "tblHeader")
        cant_split = _flag(tr_pr, "cantSplit")
        tr_height = first_child(tr_pr, w("trHeight"))
        if tr_height is not None:
            height = twips_pt(tr_height.get(_VAL))
            rule = tr_height.get(w("hRule"), "atLeast")
        before = first_child(tr_pr, w("gridBefore"))
        grid_before = integer(before.get(_VAL)) or 0 if before is not None else 0
    borders = [_border_pt(_cell_props(tc, "tcBorders"), "top") for tc in tr.iterchildren(w("tc"))]
    own = [b for b in borders if b is not None]
    return RowLayout(cells=cells, header=header, cant_split=cant_split, height_pt=height,
                     height_rule=rule, grid_before=grid_before,
                     border_pt=max(own) if own else table_border_pt)


def _flag(parent: Any, name: str) -> bool:
    element = first_child(parent, w(name))
    return element is not None and is_on(element)


def _cell_props(tc: Any, name: str) -> Any | None:
    return _cell_prop(first_child(tc, _TC_PR), name)


def _cell_prop(tc_pr: Any | None, name: str) -> Any | None:
    """One property of a cell's ``w:tcPr`` (``None`` if it has none)."""
    return first_child(tc_pr, w(name)) if tc_pr is not None else None


def cell_layout(tc: Any, paragraphs: tuple[tuple[str, Any], ...],
                images: tuple[float, ...]) -> CellLayout:
    """One ``w:tc``: its span, margins and vertical-merge state, with its content."""
    tc_pr = first_child(tc, _TC_PR)
    span = _cell_prop(tc_pr, "gridSpan")
    merge = _cell_prop(tc_pr, "vMerge")
    return CellLayout(
        paragraphs=paragraphs,
        image_heights_pt=images,
        span=max(integer(span.get(_VAL)) or 1, 1) if span is not None else 1,
        margins_pt=_margins(_cell_prop(tc_pr, "tcMar")),  # type: ignore[arg-type]
        merged=merge is not None and merge.get(_VAL, "continue") != "restart",
    )
