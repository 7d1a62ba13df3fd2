"""Layout of what DOCX renderers really show: table grids, header rows, tracked
deletions, keep rules from the paragraph format."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.shared import Pt

from memolint.layout.engine import layout_document
from memolint.layout.model import PageModel
from memolint.layout.tables import column_widths
from memolint.readers.docx import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SENTENCE = "The committee reviewed every line of the budget before the vote. "


def _save(out: docx.document.Document) -> bytes:
    data = io.BytesIO()
    out.save(data)
    return data.getvalue()


def _table_docx(grid_twips: tuple[int, int], text: str, rows: int = 1,
                header: bool = False) -> bytes:
    """A two-column table whose grid is ``grid_twips``; ``text`` in the first column."""
    out = docx.Document()
    table = out.add_table(rows=rows, cols=2)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(docx.oxml.ns.qn("w:gridCol")), grid_twips, strict=True):
        col.set(docx.oxml.ns.qn("w:w"), str(width))
    for index, row in enumerate(table.rows):
        row.cells[0].text = text
        row.cells[1].text = "x"
        if header and index == 0:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {W}/>"))
    return _save(out)


def _table_height(data: bytes) -> float:
    document = read_docx(data, "t.docx")
    start, end = layout_document(document, PageModel()).spans[0]
    return end - start


def test_reader_records_the_grid_spans_and_cell_paragraphs():
    table = read_docx(_table_docx((1440, 7200), "Left cell"), "t.docx").blocks[0]
    geometry = table.table_layout
    assert geometry is not None and geometry.grid_pt == (72.0, 360.0)
    cell = geometry.rows[0].cells[0]
    assert cell.span == 1 and cell.paragraphs[0][0] == "Left cell"
    assert cell.paragraphs[0][1] is not None  # each cell paragraph keeps its typography


def test_a_narrow_grid_column_wraps_more_than_an_equal_split_would():
    text = SENTENCE * 3
    narrow = _table_height(_table_docx((1440, 7200), text))  # first column 1 in wide
    wide = _table_height(_table_docx((7200, 1440), text))  # first column 5 in wide
    assert narrow > 2.5 * wide


def test_column_widths_scale_the_grid_to_a_percentage_width():
    table = read_docx(_table_docx((1440, 4320), "a"), "t.docx").blocks[0].table_layout
    assert table is not None
    scaled = column_widths(type(table)(grid_pt=(72.0, 216.0), width_share=1.0), 468.0)
    assert scaled == [117.0, 351.0]
    assert column_widths(table, 468.0) == [72.0, 216.0]  # no preferred width: the grid as is


def test_header_rows_repeat_on_every_page_the_table_continues_on():
    rows = 120
    plain = read_docx(_table_docx((4320, 4320), "Row", rows), "p.docx")
    header = read_docx(_table_docx((4320, 4320), "Row", rows, header=True), "h.docx")
    assert header.blocks[0].table_layout.rows[0].header
    plain_pages = layout_document(plain, PageModel()).pages
    header_pages = layout_document(header, PageModel()).pages
    assert plain_pages > 2
    # every continuation page starts below a copy of the one-line header row
    assert header_pages > plain_pages + 0.02


def _tracked(deleted_words: int) -> bytes:
    out = docx.Document()
    paragraph = out.add_paragraph("Kept text.")
    deleted = " ".join(["struck"] * deleted_words)
    paragraph._p.append(parse_xml(
        f'<w:del {W} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve"> {deleted}</w:delText></w:r></w:del>'))
    whole = out.add_paragraph()
    whole._p.append(parse_xml(
        f'<w:del {W} w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:delText>{deleted}</w:delText></w:r></w:del>'))
    out.add_paragraph("After.")
    return _save(out)


def test_tracked_deletions_take_space_but_are_not_text():
    document = read_docx(_tracked(400), "tracked.docx")
    kept = document.blocks[0]
    assert kept.text == "Kept text." and kept.words == 2
    assert kept.layout_text is not None and kept.layout_text.count("struck") == 400
    after = document.blocks[1]
    assert after.text == "After." and after.spacer_texts[0].count("struck") == 400
    small = layout_document(read_docx(_tracked(1), "small.docx"), PageModel()).pages
    assert layout_document(document, PageModel()).pages > small + 0.4


def _clause_docx(keep_lines: bool) -> bytes:
    out = docx.Document()
    for _ in range(20):  # three quarters of a page
        out.add_paragraph("Filler line.")
    clause = out.add_paragraph(SENTENCE * 30, style="Heading 2")
    clause.runs[0].font.size = Pt(11)
    clause.paragraph_format.keep_with_next = False
    clause.paragraph_format.keep_together = keep_lines
    return _save(out)


def test_an_outline_level_paragraph_splits_unless_it_keeps_its_lines():
    split = read_docx(_clause_docx(False), "split.docx")
    kept = read_docx(_clause_docx(True), "kept.docx")
    assert split.blocks[-1].kind == "heading" and kept.blocks[-1].typography.keep_lines
    split_start = layout_document(split, PageModel()).spans[-1][0]
    kept_start = layout_document(kept, PageModel()).spans[-1][0]
    assert split_start < 1.0 <= kept_start
