"""Markdown footnotes: GFM ``[^label]`` references and ``[^label]: text`` definitions.

pandoc (which renders the corpus truth and exact mode) sets each reference's
note at the foot of the page where the reference lands, in the reference
document's "Footnote Text" style (Normal: the body format). The reader gives
the referencing block its notes the way the DOCX reader does: their text in
``Block.footnotes`` (not body words) and their content in ``Block.note_refs``
at the reference's offset; the definitions are not blocks.
"""

from __future__ import annotations

from memolint.analysis import Analysis
from memolint.document import Document, PageSetup, Position
from memolint.layout.engine import FOOTNOTE_SEPARATOR_PT
from memolint.layout.estimate import layout_document
from memolint.layout.fonts import face, resolve
from memolint.layout.model import PageModel
from memolint.packs import load_profile
from memolint.readers.markdown import read_markdown

FOOTNOTED = """\
# Plan

We cache results[^cache] so reads stay fast.

- Owners sign off[^owners] first.

[^cache]: Measured on *three* regions.

    The second paragraph of the note.

[^owners]: One per service.

[^unused]: Never referenced.

Closing words cite [^cache] again and [^missing] stays literal.
"""


def read(text: str) -> Document:
    return read_markdown(text.encode(), "memo.md")


def test_notes_attach_to_the_referencing_blocks_at_the_reference():
    doc = read(FOOTNOTED)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "list_item", "paragraph"]
    paragraph, item, closing = doc.blocks[1:]
    assert paragraph.text == "We cache results so reads stay fast."
    assert paragraph.footnotes == ("Measured on three regions.\nThe second paragraph of the note.",)
    (ref,) = paragraph.note_refs
    assert ref.kind == "footnote"
    assert ref.offset == len("We cache results")
    assert [text for text, _ in ref.content.paragraphs] == [
        "Measured on three regions.", "The second paragraph of the note."]
    assert item.text == "Owners sign off first."
    assert item.footnotes == ("One per service.",)
    assert item.note_refs[0].offset == len("Owners sign off")
    # A second reference to a note sets it again (pandoc copies it); an
    # undefined label is no reference and shows as written. The spaces around
    # a mark both stay, as in the DOCX pandoc writes.
    assert closing.text == "Closing words cite  again and [^missing] stays literal."
    assert closing.footnotes == (paragraph.footnotes[0],)
    assert closing.note_refs[0].offset == len("Closing words cite ")


def test_note_text_is_not_body_words_and_definitions_are_not_blocks():
    doc = read(FOOTNOTED)
    texts = " ".join(b.text for b in doc.blocks)
    assert "Measured" not in texts and "Never referenced" not in texts
    words = Analysis(doc, load_profile("six-pager"), nlp_model="blank").metrics()["words"]
    assert words == sum(len(b.text.split()) for b in doc.blocks) == 20


def test_positions_after_a_reference_and_after_definitions_stay_exact():
    doc = read(FOOTNOTED)
    paragraph, item, closing = doc.blocks[1:]
    # "We cache results[^cache] so": "so" is on line 3 after the 8-character mark.
    assert paragraph.source.position(paragraph.text.index("so")) == Position(3, 26)
    assert item.source.position(item.text.index("first")) == Position(5, 28)
    assert closing.start == Position(15, 1)
    assert closing.source.position(closing.text.index("stays")) == Position(15, 50)
    assert closing.end == Position(15, 64)


def test_a_note_in_a_table_cell_and_a_task_item_keeps_its_offset():
    doc = read("- [ ] Check it[^n] now\n\n| a | b[^n] |\n|---|---|\n| x | y |\n\n[^n]: Note.\n")
    item, table = doc.blocks
    assert item.text == "☐ Check it now"
    assert item.note_refs[0].offset == len("☐ Check it")
    assert table.text == "a b\nx y"
    assert table.note_refs[0].offset == len("a b")


def _text_height() -> float:
    return 792.0 - 2 * 72.0


def _line() -> float:
    return face(resolve("Calibri").family, False, False).line_height(11.0)


def _page_of_lines(lines: int) -> str:
    """Paragraphs of one short line each (no wrapping), ``lines`` of them."""
    return "\n\n".join(f"Line {i}." for i in range(lines)) + "\n"


def test_notes_take_room_at_the_foot_of_the_page():
    line, after = _line(), 6.0
    per_page = int((_text_height() + after) // (line + after))
    body = _page_of_lines(per_page)
    plain = layout_document(read(body), PageModel())
    assert plain.page_count == 1
    # A five-line note referenced from the first line pushes the last lines on.
    noted = body.replace("Line 0.", "Line 0.[^a]", 1) + "\n[^a]: " + " ".join(
        ["Footnote words fill the note across several lines."] * 8) + "\n"
    layout = layout_document(read(noted), PageModel())
    assert layout.page_count == 2
    assert layout.page_of(0) == 1


def _fitting(lines: int, note_lines: int, slack: float) -> tuple[str, PageModel]:
    """``lines`` one-line paragraphs, the first referencing a note of ``note_lines``
    one-line paragraphs, on a page whose text area leaves ``slack`` points when the
    space after the note's last paragraph is not counted."""
    line, after = _line(), 6.0
    body = lines * line + (lines - 1) * after
    notes = FOOTNOTE_SEPARATOR_PT + note_lines * line + (note_lines - 1) * after
    height = body + notes + slack
    note = "\n\n".join(f"    Note line {i}." for i in range(1, note_lines))
    text = (_page_of_lines(lines).replace("Line 0.", "Line 0.[^a]", 1)
            + "\n[^a]: Note line 0.\n\n" + note + "\n")
    return text, PageModel(setup=PageSetup(height_pt=height + 2 * 72.0))


def test_the_space_after_the_last_note_is_left_out_at_the_page_foot():
    """LibreOffice ends a page's notes flush at the bottom margin (measured on pandoc
    DOCX whose Footnote Text has 6 pt after): only the lines count, not that space."""
    text, model = _fitting(20, 3, slack=3.0)
    assert layout_document(read(text), model).page_count == 1
    text, model = _fitting(20, 3, slack=-1.0)
    assert layout_document(read(text), model).page_count == 2


def test_note_format_follows_the_page_model():
    """Notes are set in the page model's body format (Calibri 11 pt, 6 pt after by
    default), not in Word's built-in defaults: ten body lines and a thirty-paragraph
    note overflow the page under the default model but fit in 9 pt with no spacing."""
    text = _page_of_lines(10).replace("Line 0.", "Line 0.[^a]", 1) + (
        "\n[^a]: Note line 0.\n\n"
        + "\n\n".join(f"    Note line {i}." for i in range(1, 30)) + "\n")
    assert layout_document(read(text), PageModel()).page_count == 2
    tight = PageModel(size_pt=9.0, space_after_pt=0.0)
    assert layout_document(read(text), tight).page_count == 1
