"""Format family: DOCX typography that squeezes a memo, and what must not fire."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from memolint.config import Settings
from memolint.engine import lint_document
from memolint.readers.docx import read_docx
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry

PROSE = "We chose this plan because it cuts the support backlog by a third."


def build(fill: Callable[[docx.document.Document], None]) -> bytes:
    out = docx.Document()
    out.styles["Normal"].font.size = Pt(11)
    fill(out)
    data = io.BytesIO()
    out.save(data)
    return data.getvalue()


def found(data: bytes, code: str):
    doc = read_docx(data, "memo.docx")
    result = lint_document(doc, Settings(nlp_model="blank", select=(code,)), Registry.load())
    return [(d.code, d.line, d.end_line, d.severity) for d in result.diagnostics]


def prose(out, count: int = 3) -> None:
    out.add_heading("Plan", level=1)
    for _ in range(count):
        out.add_paragraph(PROSE)


def test_font_size_under_ten_points_is_one_error_per_run():
    def small(out):
        out.styles["Normal"].font.size = Pt(9)
        prose(out)

    assert found(build(small), "F001") == [("F001", 2, 4, "error")]
    assert found(build(prose), "F001") == []


def test_font_size_exempts_the_appendix():
    def appendix(out):
        prose(out)
        out.add_heading("Appendix", level=1)
        out.add_paragraph(PROSE).runs[0].font.size = Pt(8)

    assert found(build(appendix), "F001") == []


def test_line_spacing_under_single_multiple_or_exact():
    def multiple(out):
        prose(out)
        out.paragraphs[2].paragraph_format.line_spacing = 0.9

    def exact(out):
        prose(out)
        out.paragraphs[3].paragraph_format.line_spacing = Pt(11)   # single is 13.4 pt

    def generous(out):
        prose(out)
        out.paragraphs[1].paragraph_format.line_spacing = 1.15

    assert found(build(multiple), "F002") == [("F002", 3, 3, "error")]
    assert found(build(exact), "F002") == [("F002", 4, 4, "error")]
    assert found(build(generous), "F002") == []


def test_margins_under_three_quarters_of_an_inch_warn():
    def narrow(out):
        out.sections[0].left_margin = Inches(0.5)
        prose(out)

    assert found(build(narrow), "F003") == [("F003", 1, 1, "warning")]
    assert found(build(prose), "F003") == []


def test_condensed_or_scaled_text_warns():
    def condensed(out):
        prose(out)
        rpr = out.paragraphs[1].runs[0]._r.get_or_add_rPr()
        spacing = rpr.makeelement(qn("w:spacing"), {qn("w:val"): "-10"})
        rpr.append(spacing)

    def scaled(out):
        prose(out)
        rpr = out.paragraphs[3].runs[0]._r.get_or_add_rPr()
        rpr.append(rpr.makeelement(qn("w:w"), {qn("w:val"): "90"}))

    assert found(build(condensed), "F004") == [("F004", 2, 2, "warning")]
    assert found(build(scaled), "F004") == [("F004", 4, 4, "warning")]
    assert found(build(prose), "F004") == []


def test_markdown_is_never_checked():
    doc = read_markdown(b"# Plan\n\nText.\n", "memo.md")
    settings = Settings(nlp_model="blank", select=("F",))
    assert lint_document(doc, settings, Registry.load()).diagnostics == []
