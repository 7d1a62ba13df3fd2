"""Layout engine: font metrics, line breaking, pagination rules, page model, saved count."""

from __future__ import annotations

import io

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Pt

from memolint.document import PageSetup, Typography
from memolint.layout import exact
from memolint.layout.engine import layout_document
from memolint.layout.fonts import face, resolve
from memolint.layout.linebreak import Measure, count_lines
from memolint.layout.model import PageModel, page_model_from_config
from memolint.layout.saved import saved_pages
from memolint.readers.docx import read_docx
from memolint.readers.markdown import read_markdown
from tests.builders import block, document

#: Default page model: 648 pt of text height; Carlito 11 pt lines are 13.45 pt,
#: so one-line paragraphs with 6 pt after fill 33 to a page (33*13.45 + 32*6 = 635.85).
PER_PAGE = 33


def one_liners(count: int, **fields) -> list:
    return [block("paragraph", f"Line {n}.", n + 1, **fields) for n in range(count)]


# fonts ---------------------------------------------------------------------

def test_line_heights_match_libreoffice_measurements():
    # Measured on LibreOffice 7.4 PDFs: baseline-to-baseline distance at 11 pt.
    assert face("Carlito").line_height(11) == pytest.approx(13.45)
    assert face("Liberation Sans").line_height(11) == pytest.approx(12.65)
    assert face("Liberation Serif").line_height(11) == pytest.approx(12.65)
    assert face("Liberation Mono").line_height(11) == pytest.approx(12.45)
    assert face("DejaVu Sans").line_height(11) == pytest.approx(12.80)


def test_advance_widths_come_from_the_font_tables():
    # Carlito: 16,903 units of 2048 for "The quick brown fox" (fontTools hmtx).
    assert face("Carlito").text_width_em("The quick brown fox") * 11 == pytest.approx(90.79, 0.01)
    assert face("Carlito", bold=True).text_width_em("The quick brown fox") * 11 == pytest.approx(
        93.01, 0.01)
    mono = face("Liberation Mono")
    assert mono.text_width_em("iiii") == mono.text_width_em("MMMM")


def test_font_names_resolve_to_twins_substitutes_or_the_fallback():
    assert (resolve("Calibri").family, resolve("Calibri").how) == ("Carlito", "metric-compatible")
    assert resolve("times new roman").family == "Liberation Serif"
    verdana = resolve("Verdana")
    assert (verdana.family, verdana.how) == ("DejaVu Sans", "substituted")
    assert "LibreOffice substitutes" in verdana.describe()
    assert (resolve("Zapf Fancy").family, resolve("Zapf Fancy").how) == ("DejaVu Sans", "unknown")
    assert resolve("Acme Mono").family == "DejaVu Sans Mono"
    assert resolve(None).family == "Liberation Serif"  # Word's own fallback font


# line breaking ---------------------------------------------------------------

def test_greedy_breaking_at_spaces_hyphens_and_inside_long_words():
    measure = Measure(face("Liberation Mono"), 10.0)  # every character is 6 pt
    assert count_lines("aaaa bbbb", measure, 54, 54) == 1           # 9 chars = 54 pt
    assert count_lines("aaaa bbbbb", measure, 54, 54) == 2
    assert count_lines("well-known thing", measure, 36, 36) == 3    # "well-" "known" "thing"
    assert count_lines("x" * 25, measure, 60, 60) == 3              # broken between characters
    assert count_lines("one\ntwo\n", measure, 600, 600) == 3        # hard breaks; empty last line
    assert count_lines("", measure, 600, 600) == 1                  # the paragraph mark


def test_first_line_indent_and_condensed_spacing_change_the_fit():
    plain = Measure(face("Liberation Mono"), 10.0)
    assert count_lines("aaaa bbbb", plain, 54, 30) == 2
    condensed = Measure(face("Liberation Mono"), 10.0, spacing_pt=-1.0)
    assert count_lines("aaaa bbbbb", condensed, 54, 54) == 1        # 10 chars x 5 pt


# pagination ------------------------------------------------------------------

def test_paragraphs_fill_the_page_model_and_break_to_the_next_page():
    layout = layout_document(document(*one_liners(PER_PAGE + 1)), PageModel())
    assert layout.page_of(PER_PAGE - 1) == 1
    assert layout.page_of(PER_PAGE) == 2
    assert layout.page_count == 2
    assert 1.0 < layout.pages < 1.05


def test_explicit_page_breaks_and_page_break_before():
    blocks = [block("paragraph", "One.", 1), block("page_break", "", 2),
              block("paragraph", "Two.", 3)]
    assert layout_document(document(*blocks), PageModel()).page_of(2) == 2
    docx_doc = document(block("paragraph", "One.", 1, typography=Typography(size_pt=11)),
                        block("paragraph", "Two.", 2, typography=Typography(
                            size_pt=11, page_break_before=True)), path="m.docx")
    docx_doc.format = "docx"
    assert layout_document(docx_doc, PageModel()).page_of(1) == 2


def test_heading_keeps_with_the_next_paragraph():
    blocks = [*one_liners(PER_PAGE - 1), block("heading", "Plan", 40, level=2),
              block("paragraph", "First line.", 41)]
    layout = layout_document(document(*blocks), PageModel())
    assert layout.page_of(PER_PAGE - 1) == 2   # the heading moved down with its paragraph
    assert layout.page_of(PER_PAGE) == 2


def test_widow_and_orphan_control_moves_short_paragraphs_whole():
    three_lines = " ".join(["word"] * 60)       # wraps to three lines at 468 pt
    blocks = [*one_liners(PER_PAGE - 1), block("paragraph", three_lines, 40)]
    layout = layout_document(document(*blocks), PageModel())
    assert layout.page_of(PER_PAGE - 1) == 2


def docx_doc(*blocks, setups=None):
    doc = document(*blocks, path="m.docx")
    doc.format = "docx"
    if setups:
        doc.page_setups = setups
    return doc


def test_docx_line_rules_and_autospacing():
    exact_rule = Typography(font="Calibri", size_pt=11, line_rule="exact", line_spacing=24.0)
    layout = layout_document(docx_doc(*one_liners(28, typography=exact_rule)), PageModel())
    assert layout.page_of(26) == 1 and layout.page_of(27) == 2    # 27 x 24 = 648
    auto = Typography(font="Calibri", size_pt=11, space_before_pt=14.0, space_after_pt=14.0)
    layout = layout_document(docx_doc(*one_liners(3, typography=auto)), PageModel())
    # HTML-style auto spacing collapses to 14 pt between paragraphs, not 28.
    assert layout.spans[2][0] * 648 == pytest.approx(14 + 2 * (13.45 + 14) + 0, abs=0.1)


def test_sections_start_on_a_new_page_unless_continuous():
    blocks = one_liners(2, typography=Typography(size_pt=11))
    setups = [PageSetup(first_block=0), PageSetup(first_block=1)]
    assert layout_document(docx_doc(*blocks, setups=setups), PageModel()).page_of(1) == 2
    setups = [PageSetup(first_block=0), PageSetup(first_block=1, start="continuous")]
    assert layout_document(docx_doc(*blocks, setups=setups), PageModel()).page_of(1) == 1


def test_body_pages_stop_at_the_appendix():
    blocks = [*one_liners(PER_PAGE * 2), block("heading", "Appendix", 99, level=1)]
    layout = layout_document(document(*blocks), PageModel())
    assert 1.9 < layout.pages_before(len(blocks) - 1) <= 2.0
    assert layout.pages_before(0) == 0.0


def test_empty_docx_paragraphs_take_a_line_each():
    def build(empties: int) -> bytes:
        out = docx.Document()
        for _ in range(empties):
            out.add_paragraph()
        out.add_paragraph("Text after the gap.")
        data = io.BytesIO()
        out.save(data)
        return data.getvalue()

    gap = read_docx(build(10), "gap.docx")
    assert len(gap.blocks) == 1 and len(gap.blocks[0].spacers) == 10
    assert layout_document(gap, PageModel()).spans[0][0] > layout_document(
        read_docx(build(0), "none.docx"), PageModel()).spans[0][0] + 0.15


def test_page_model_from_config():
    model = page_model_from_config({"size": "a4", "margins_in": 0.5, "size_pt": 12,
                                    "heading_sizes_pt": [18, 14], "pages": "exact"})
    assert model.setup.width_pt == pytest.approx(595.44)
    assert model.setup.margin_left_pt == 36.0
    assert model.size_pt == 12 and model.heading_sizes_pt == (18, 14)
    assert model.pages == "exact"
    smaller = layout_document(read_markdown(b"# T\n\n" + b"Some words here.\n\n" * 80, "m.md"),
                              PageModel())
    bigger = layout_document(read_markdown(b"# T\n\n" + b"Some words here.\n\n" * 80, "m.md"),
                             page_model_from_config({"size_pt": 14}))
    assert bigger.pages > smaller.pages


def test_unknown_fonts_are_reported_by_the_layout():
    typo = Typography(font="Verdana", size_pt=11)
    layout = layout_document(docx_doc(block("paragraph", "Hi.", 1, typography=typo)), PageModel())
    assert [(c.name, c.family) for c in layout.fonts] == [("Verdana", "DejaVu Sans")]


def test_saved_pages_only_when_marks_and_app_xml_agree():
    marked = docx_doc(block("paragraph", "A", 1), block("paragraph", "B", 2,
                                                         rendered_page_breaks=2))
    marked.stated_pages = 3
    assert saved_pages(marked) == 3
    marked.stated_pages = 1   # python-docx and many generators write 1
    assert saved_pages(marked) is None
    assert saved_pages(document(block("paragraph", "A", 1))) is None


# exact mode's clear error (the rendering itself: test_layout_exact.py) ------

def test_pages_exact_without_libreoffice_is_a_clear_error(monkeypatch, tmp_path):
    from memolint.cli import main

    monkeypatch.setattr(exact.shutil, "which", lambda name: None)
    memo = tmp_path / "memo.md"
    memo.write_text("# Memo\n\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--pages", "exact", "--no-cache", str(memo)])
    assert result.exit_code == 2
    assert "needs LibreOffice" in result.output and "--pages layout" in result.output


def test_pages_option_sets_the_page_source(tmp_path):
    import json

    from memolint.cli import main

    memo = tmp_path / "memo.md"
    memo.write_text("# Memo\n\nText.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--pages", "layout", "--format", "json",
                                       "--no-cache", str(memo)])
    metrics = json.loads(result.output)["files"][0]["metrics"]
    assert metrics["page_source"] == "layout"
    assert metrics["pages_saved"] is None
    assert 0 < metrics["pages"] < 0.2


def test_docx_typography_scales_the_count():
    def build(size: float) -> bytes:
        out = docx.Document()
        out.styles["Normal"].font.size = Pt(size)
        for _ in range(60):
            out.add_paragraph("A sentence of ordinary memo prose that runs on for a while.")
        data = io.BytesIO()
        out.save(data)
        return data.getvalue()

    small = layout_document(read_docx(build(9), "s.docx"), PageModel()).pages
    large = layout_document(read_docx(build(14), "l.docx"), PageModel()).pages
    assert large > small * 1.2
