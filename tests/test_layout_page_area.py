"""The page's text area and spacing at page tops, as LibreOffice sets them.

Every document here uses Letter paper, 1 in margins and paragraphs with an
exact 24 pt line and no spacing unless a test says otherwise, so the numbers
follow from the rule under test alone: a 648 pt text area holds 27 lines.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.shared import Pt

from memolint.layout.engine import layout_document
from memolint.layout.model import PageModel
from memolint.readers.docx import read_docx

LINE = 24.0


def _format(paragraph, before: float = 0.0, after: float = 0.0, keep: bool = False) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing = Pt(LINE)  # a Length means an exact line height
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep


def _lines(container, count: int, text: str = "Line", **spacing: float) -> None:
    for index in range(count):
        _format(container.add_paragraph(f"{text} {index}"), **spacing)


def _new(header_lines: int = 0, footer_lines: int = 0) -> docx.document.Document:
    """A Letter page, 1 in margins, header and footer 0.5 in from the edge."""
    out = docx.Document()
    section = out.sections[0]
    section.page_height, section.page_width = Pt(792), Pt(612)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Pt(72))
    section.header_distance = section.footer_distance = Pt(36)
    for part, count in ((section.header, header_lines), (section.footer, footer_lines)):
        if count:
            part.paragraphs[0].text = "Running head"
            _format(part.paragraphs[0])
            _lines(part, count - 1)
    return out


def _layout(out: docx.document.Document):
    data = io.BytesIO()
    out.save(data)
    return layout_document(read_docx(data.getvalue(), "t.docx"), PageModel())


def test_a_header_taller_than_its_margin_pushes_the_body_down():
    # 3 header lines end 36 + 72 = 108 pt down: the body starts there, not at 72,
    # leaving 792 - 108 - 72 = 612 pt, 25 lines.
    out = _new(header_lines=3)
    _lines(out, 30)
    layout = _layout(out)
    assert layout.page_of(24) == 1 and layout.page_of(25) == 2


def test_a_footer_taller_than_its_margin_pushes_the_body_up():
    out = _new(footer_lines=3)
    _lines(out, 30)
    layout = _layout(out)
    assert layout.page_of(24) == 1 and layout.page_of(25) == 2


def test_a_header_that_fits_its_margin_takes_nothing_from_the_body():
    out = _new(header_lines=1)  # ends at 36 + 24 = 60 pt, above the 72 pt margin
    _lines(out, 30)
    layout = _layout(out)
    assert layout.page_of(26) == 1 and layout.page_of(27) == 2


def test_a_title_page_uses_its_own_empty_header():
    # w:titlePg with no first-page header: page 1 holds 27 lines, later pages 25.
    out = _new(header_lines=3)
    out.sections[0].different_first_page_header_footer = True
    _lines(out, 60)
    layout = _layout(out)
    assert layout.page_of(26) == 1 and layout.page_of(27) == 2
    assert layout.page_of(51) == 2 and layout.page_of(52) == 3


def test_a_continuous_section_keeps_the_page_it_starts_on():
    # The second section's taller header would shrink its pages, but a
    # continuous section does not start a page, so page 1 keeps 27 lines.
    out = _new()
    _lines(out, 5)
    section = out.add_section(WD_SECTION.CONTINUOUS)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Second head"
    _format(section.header.paragraphs[0])
    _lines(section.header, 2)
    _lines(out, 30)
    layout = _layout(out)
    assert layout.page_of(26) == 1 and layout.page_of(27) == 2


def test_gutter_at_top_adds_to_the_top_margin_and_not_to_the_width():
    out = _new()
    out.sections[0].gutter = Pt(36)
    out.settings.element.append(OxmlElement("w:gutterAtTop"))
    _lines(out, 30)
    document_layout = _layout(out)
    # 792 - (72 + 36) - 72 = 612 pt: 25 lines.
    assert document_layout.page_of(24) == 1 and document_layout.page_of(25) == 2


def test_space_before_is_dropped_at_the_top_of_a_page_text_flowed_onto():
    # 20 pt before each line: page 1 keeps it even for the first paragraph
    # (14 x 44 = 616 <= 648 < 660); page 2, reached by overflow, drops it for
    # its first paragraph (24 + 14 x 44 = 640 <= 648): 15 paragraphs.
    out = _new()
    _lines(out, 40, before=20)
    layout = _layout(out)
    assert layout.page_of(13) == 1 and layout.page_of(14) == 2
    assert layout.page_of(28) == 2 and layout.page_of(29) == 3
    assert layout.spans[14][0] == 1.0


def test_space_before_is_kept_after_a_hard_page_break():
    out = _new()
    _lines(out, 2)
    out.paragraphs[-1].runs[0].add_break(docx.enum.text.WD_BREAK.PAGE)
    _lines(out, 1, before=20)
    layout = _layout(out)
    after_break = layout.spans[-1][0]
    assert int(after_break) == 1
    assert (after_break - 1) * 648 == pytest.approx(20.0)  # starts 20 pt down


def test_keep_with_next_counts_collapsed_spacing():
    # 24 lines fill 576 pt, leaving 72. The kept paragraph (24) and the next
    # one's first line (24) need 66 pt with the 18 pt between them collapsed
    # (the larger of 12 after and 18 before); adding both sides (78) would
    # wrongly push the pair to page 2.
    out = _new()
    _lines(out, 24)
    _format(out.add_paragraph("Kept with the next"), after=12, keep=True)
    _format(out.add_paragraph("Next"), before=18)
    layout = _layout(out)
    assert layout.page_of(24) == 1 and layout.page_of(25) == 1
