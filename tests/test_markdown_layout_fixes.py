"""Markdown constructs that change the page count the way pandoc + LibreOffice set them.

Each case was measured on a pandoc 2.17 DOCX (the corpus reference document)
rendered by LibreOffice 7.4: thematic breaks take a body line and its space
after, code keeps every space (tabs become spaces to the next multiple of 4
columns), bold and italic text is set in those faces, and a hard line break
starts a new line. Each fires on a small text with its line or page effect,
next to a text that must lay out as before.
"""

from __future__ import annotations

import pytest

from memolint.document import Position
from memolint.layout.engine import layout_document
from memolint.layout.model import PageModel
from memolint.readers.markdown import read_markdown

#: Text-area height of the default page model, and one body line + 6 pt after
#: (Carlito 11 pt), the pitch of one-line paragraphs.
PAGE_PT = 648.0
LINE_PT = 13.45
PITCH_PT = LINE_PT + 6.0
CODE_LINE_PT = 11.33  # Liberation Mono 10 pt


def read(text: str):
    return read_markdown(text.encode(), "memo.md")


def heights(text: str) -> list[tuple[str, float]]:
    """Each block's kind and height in points (within a page), to 0.1 pt."""
    document = read(text)
    layout = layout_document(document, PageModel())
    return [(block.kind, pytest.approx((end - start) * PAGE_PT, abs=0.1))
            for block, (start, end) in zip(document.blocks, layout.spans, strict=True)]


def starts(text: str) -> list[tuple[int, float]]:
    """Each block's page (1-based) and top in points from the text area's top."""
    layout = layout_document(read(text), PageModel())
    return [(int(start) + 1, start % 1 * PAGE_PT) for start, _ in layout.spans]


def paragraphs(count: int) -> str:
    return "\n\n".join(f"Paragraph number {n} here." for n in range(1, count + 1))


# thematic breaks ------------------------------------------------------------

def test_thematic_break_is_a_block_without_words_or_prose():
    document = read("Before.\n\n---\n\n> ***\n\nAfter.\n")
    breaks = [b for b in document.blocks if b.kind == "thematic_break"]
    assert [(b.text, b.words, b.is_prose, b.quoted) for b in breaks] == [
        ("", 0, False, False), ("", 0, False, True)]
    assert [(b.start.line, b.start.column) for b in breaks] == [(3, 1), (5, 3)]


def test_thematic_break_takes_a_body_line_and_its_space_after():
    assert starts("One.\n\n---\n\nTwo.\n")[2] == (1, pytest.approx(2 * PITCH_PT))
    assert heights("One.\n\n***\n\nTwo.\n")[1] == ("thematic_break", LINE_PT)


def test_thematic_break_at_a_page_top_and_between_headings():
    # Measured: 33 one-line paragraphs fill page 1, the rule opens page 2, and the
    # paragraph after it stands one pitch below (LibreOffice: 19.8 pt); a rule
    # between two headings sits under the first (keep-with-next still holds).
    text = paragraphs(33) + "\n\n---\n\nAfter.\n\n# One\n\n---\n\n## Two\n\nText.\n"
    places = starts(text)
    assert places[33] == (2, pytest.approx(0.0))
    assert places[34] == (2, pytest.approx(PITCH_PT))
    assert places[36][1] - places[35][1] == pytest.approx(25.5, abs=0.2)  # H1 + 6 pt after
    assert places[37][1] - places[36][1] == pytest.approx(23.5, abs=0.2)  # line + 10 pt before


def test_setext_underline_is_a_heading_not_a_thematic_break():
    document = read("Title text\n---\n\nBody.\n")
    assert [b.kind for b in document.blocks] == ["heading", "paragraph"]


# code blocks ---------------------------------------------------------------

#: 79 characters with its double spaces (474 pt in Liberation Mono 10 pt, over
#: the 468 pt line), 74 once they are folded (444 pt).
LONG_CODE = 'strconv.ParseInt("0b1100",  2, 0)   // error: fixed base cannot use base prefix'


def test_code_keeps_every_space_and_wraps_where_libreoffice_does():
    assert heights(f"```\n{LONG_CODE}\n```\n")[0] == ("code", 2 * CODE_LINE_PT)


def test_code_with_single_spaces_keeps_one_line():
    folded = " ".join(LONG_CODE.split())
    assert heights(f"```\n{folded}\n```\n")[0] == ("code", CODE_LINE_PT)


def test_code_indentation_takes_room():
    # 70 characters fit (420 pt); 8 columns of indentation push them past 468 pt.
    line = "x" * 35 + " " + "y" * 34
    assert heights(f"```\n{line}\n```\n")[0] == ("code", CODE_LINE_PT)
    assert heights(f"```\n        {line}\n```\n")[0] == ("code", 2 * CODE_LINE_PT)


def test_code_tabs_are_spaces_to_the_next_multiple_of_four():
    # pandoc writes "\tx\ty" as "    x   y": 2 tabs of 74 characters plus 2
    # letters are 76 columns (fits, 456 pt); 3 tabs are over 468 pt.
    two = "\t" + "a" * 70 + "\tb"
    three = "\t\t" + "a" * 70 + "\tb"
    assert heights(f"```\n{two}\n```\n")[0] == ("code", CODE_LINE_PT)
    assert heights(f"```\n{three}\n```\n")[0] == ("code", 2 * CODE_LINE_PT)


# bold and italic -------------------------------------------------------------

QUESTION = "What steps should be taken if SLOs are not being met to determine the problem?"


def test_bold_text_is_measured_in_the_bold_face():
    # Measured: regular Carlito 430.4 pt fits the item's 432 pt, bold 437.8 pt does not.
    assert heights(f"- **{QUESTION}** Not applicable\n")[0] == ("list_item", 2 * LINE_PT)


def test_same_text_without_emphasis_keeps_one_line():
    assert heights(f"- {QUESTION} Not applicable\n")[0] == ("list_item", LINE_PT)


def test_nested_emphasis_becomes_disjoint_runs_and_keeps_text_and_positions():
    plain = read("a b c d e\n").blocks[0]
    styled = read("a **b *c* d** _e_\n").blocks[0]
    assert styled.text == plain.text
    assert [(s, e, t.bold, t.italic) for s, e, t in styled.font_spans] == [
        (2, 4, True, False), (4, 5, True, True), (5, 7, True, False), (8, 9, False, True)]
    assert styled.source.position(8).column == 16  # "e" inside _e_


def test_bold_inline_code_is_set_in_bold_code_font():
    model = PageModel()
    block = read("x **`code`** y\n").blocks[0]
    [(start, end, typo)] = model.styled_runs(block)
    assert (start, end, typo.font, typo.bold) == (2, 6, model.code_font, True)


# hard line breaks ------------------------------------------------------------

def test_hard_line_breaks_start_new_lines():
    text = "Russ Cox\\\nRobert Griesemer  \nThird line\n"
    block = read(text).blocks[0]
    assert block.text == "Russ Cox Robert Griesemer Third line"
    assert block.layout_text == "Russ Cox\nRobert Griesemer\nThird line"
    assert block.source.position(block.text.index("Robert")) == Position(2, 1)
    assert block.source.position(block.text.index("Third")) == Position(3, 1)
    assert heights(text)[0] == ("paragraph", 3 * LINE_PT)


def test_soft_line_breaks_stay_spaces():
    block = read("Russ Cox\nRobert Griesemer\n").blocks[0]
    assert block.layout_text is None
    assert heights("Russ Cox\nRobert Griesemer\n")[0] == ("paragraph", LINE_PT)


# exact mode writes the same -------------------------------------------------

def test_exact_mode_docx_has_the_bold_runs_and_line_breaks(tmp_path):
    import docx

    from memolint.layout.docx_writer import write_docx

    target = tmp_path / "memo.docx"
    write_docx(read("Plain **bold** and *it*\\\nnext\n"), PageModel(), target)
    [paragraph] = docx.Document(str(target)).paragraphs
    assert [(run.text, run.bold, run.italic) for run in paragraph.runs if run.text] == [
        ("Plain ", False, False), ("bold", True, False), (" and ", False, False),
        ("it", False, True), ("\n", False, False), ("next", False, False)]
    assert paragraph._p.xml.count("<w:br/>") == 1  # the "\n" run holds the line break
