"""Write a Markdown document as DOCX under the page model, for exact mode.

Every paragraph gets its format spelled out directly (font, size, spacing,
indents, keep-with-next) from :meth:`PageModel.typography`, so the result does
not depend on python-docx's template styles and matches what the layout
engine assumes. List labels sit in a hanging indent, as pandoc puts them.
Inline code gets runs of its own in the code font, bold and italic text in
those faces, and a hard line break a line break; every run names the page
model's east-Asian font and language (``w:eastAsia``), so Korean text renders
as the engine lays it out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Pt

from memolint.document import Block, Document, Typography
from memolint.layout.engine import CELL_MARGIN_PT
from memolint.layout.model import LIST_INDENT_PT, PageModel


def write_docx(document: Document, model: PageModel, target: Path) -> None:
    """Save ``document``'s blocks as a DOCX at ``target``."""
    out = docx.Document()
    _page(out.sections[0], model)
    body = out.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    for block in document.blocks:
        typo = model.typography(block)
        if block.kind == "page_break":
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            _table(out, block, typo)
        else:
            _paragraph(out.add_paragraph(), block, typo, model)
    out.save(str(target))


def _page(section: Any, model: PageModel) -> None:
    setup = model.setup
    section.page_width, section.page_height = Pt(setup.width_pt), Pt(setup.height_pt)
    section.top_margin, section.bottom_margin = Pt(setup.margin_top_pt), Pt(setup.margin_bottom_pt)
    section.left_margin, section.right_margin = Pt(setup.margin_left_pt), Pt(setup.margin_right_pt)


def _format(paragraph: Any, typo: Typography) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(typo.space_before_pt or 0.0)
    fmt.space_after = Pt(typo.space_after_pt or 0.0)
    fmt.line_spacing = typo.line_spacing or 1.0
    fmt.left_indent = Pt(typo.indent_left_pt or 0.0)
    fmt.right_indent = Pt(typo.indent_right_pt or 0.0)
    fmt.keep_with_next = typo.keep_with_next


def _paragraph(paragraph: Any, block: Block, typo: Typography, model: PageModel) -> None:
    _format(paragraph, typo)
    label = ""
    if block.kind == "list_item":
        paragraph.paragraph_format.first_line_indent = Pt(-LIST_INDENT_PT / 2)
        label = "1.\t" if block.ordered else "\u2022\t"
        _run(paragraph, label, typo)
    text = block.layout_text or block.text
    position = 0
    for start, end, styled in (*model.styled_runs(block), (len(text), len(text), typo)):
        _lines(paragraph, text[position:start], typo)
        _lines(paragraph, text[start:end], styled)
        position = end


def _lines(paragraph: Any, text: str, typo: Typography) -> None:
    """Runs of ``text`` in ``typo``, a line break for each newline."""
    lines = text.split("\n") if text else []
    for number, line in enumerate(lines):
        run = _run(paragraph, line, typo)
        if number + 1 < len(lines):
            run.add_break()


def _run(paragraph: Any, text: str, typo: Typography) -> Any:
    run = paragraph.add_run(text)
    run.font.name = typo.font
    run.font.size = Pt(typo.size_pt or 11.0)
    run.font.bold = typo.bold
    run.font.italic = typo.italic
    if typo.east_asian_font:
        properties = run._element.get_or_add_rPr()
        properties.get_or_add_rFonts().set(qn("w:eastAsia"), typo.east_asian_font)
        language = properties.makeelement(qn("w:lang"), {
            qn("w:eastAsia"): typo.east_asian_language or "ko-KR"})
        properties.append(language)
    return run


def _table(out: Any, block: Block, typo: Typography) -> None:
    rows = block.rows or ((block.text,),)
    columns = max(len(row) for row in rows)
    table = out.add_table(rows=len(rows), cols=columns)
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=False):
            cell.paragraphs[0].text = ""
            paragraph = cell.paragraphs[0]
            _format(paragraph, typo)
            _run(paragraph, text, typo)
    margins = table._tbl.tblPr
    cell_margins = margins.makeelement(qn("w:tblCellMar"), {})
    for side in ("left", "right"):
        cell_margins.append(cell_margins.makeelement(
            qn(f"w:{side}"), {qn("w:w"): str(round(CELL_MARGIN_PT * 20)), qn("w:type"): "dxa"}))
    margins.append(cell_margins)
