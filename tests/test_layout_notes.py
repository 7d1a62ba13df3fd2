"""Footnotes at the page foot, endnotes after the body, and DOCX runs in their own font.

Each DOCX is built here with python-docx plus raw WordprocessingML for the
notes parts (python-docx cannot write notes). Expected pages are derived
from the rule the engine models (measured on LibreOffice 7.4): a footnote
takes its lines plus the separator from the foot of the page where the line
with its reference lands.
"""

from __future__ import annotations

import io
import math
import re

import docx
import docx.document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from memolint.layout.engine import ENDNOTE_MARGIN_PT, FOOTNOTE_SEPARATOR_PT
from memolint.layout.estimate import layout_document
from memolint.layout.fonts import face, resolve
from memolint.layout.linebreak import Measure, count_lines
from memolint.layout.model import PageModel
from memolint.readers import read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
#: US Letter with 1 in top and bottom margins, as python-docx's template sets it.
TEXT_HEIGHT = 792.0 - 2 * 72.0
_MARK = re.compile(r"\[(fn|en)(\d+)\]")
_KINDS = {"fn": "footnote", "en": "endnote"}


def _line(font: str, size: float) -> float:
    """Single-spaced line height of a font, as the engine measures it."""
    return face(resolve(font).family, False, False).line_height(size)


def _notes_part(kind: str, notes: list[str]) -> bytes:
    """A footnotes or endnotes part: Word's two separator notes, then one note per text."""
    separators = "".join(
        f'<w:{kind} w:type="{sep}" w:id="{i - 1}"><w:p><w:r><w:{sep}/></w:r></w:p></w:{kind}>'
        for i, sep in enumerate(("separator", "continuationSeparator")))
    body = "".join(
        f'<w:{kind} w:id="{i}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        f'<w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r>'
        f"</w:p></w:{kind}>"
        for i, text in enumerate(notes, 1))
    return f"<w:{kind}s {W}>{separators}{body}</w:{kind}s>".encode()


def _new_document() -> docx.document.Document:
    """An empty document whose Normal style is Calibri 11 pt, single spaced, no spacing."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    return document


def _memo(paragraphs: list[str], footnotes: list[str] = (), endnotes: list[str] = ()) -> bytes:
    """Calibri 11 pt, single spaced, no paragraph spacing; ``[fn1]``/``[en1]`` in a
    paragraph is a reference to that footnote or endnote."""
    document = _new_document()
    note_style = document.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    note_style.base_style = document.styles["Normal"]
    note_style.font.size = Pt(10)
    for text in paragraphs:
        paragraph = document.add_paragraph()
        for piece in _MARK.split(text):
            if piece in _KINDS:
                kind = _KINDS[piece]
            elif piece.isdigit():
                paragraph._p.append(parse_xml(
                    f'<w:r {W}><w:{kind}Reference w:id="{piece}"/></w:r>'))
            elif piece:
                paragraph.add_run(piece)
    for kind, notes, reltype in (("footnote", footnotes, RT.FOOTNOTES),
                                 ("endnote", endnotes, RT.ENDNOTES)):
        if notes:
            part = Part(PackURI(f"/word/{kind}s.xml"),
                        f"application/vnd.openxmlformats-officedocument.wordprocessingml."
                        f"{kind}s+xml", _notes_part(kind, list(notes)), document.part.package)
            document.part.relate_to(part, reltype)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _layout(data: bytes):
    document = read_document("memo.docx", data)
    return document, layout_document(document, PageModel())


BODY = _line("Calibri", 11)
NOTE = _line("Calibri", 10)
#: Body lines a page holds without notes.
FULL = int(TEXT_HEIGHT // BODY)


def test_reader_attaches_note_text_but_keeps_it_out_of_the_words():
    plain, _ = _layout(_memo(["Growth came from new sellers."]))
    noted, _ = _layout(_memo(["Growth came from new sellers.[fn1]"],
                             footnotes=["Source: the seller survey, May."]))
    block = noted.blocks[0]
    assert block.text == plain.blocks[0].text
    assert block.words == plain.blocks[0].words == 5
    assert block.footnotes == ("Source: the seller survey, May.",)
    (ref,) = block.note_refs
    assert (ref.kind, ref.offset) == ("footnote", len(block.text))
    (shown,) = ref.content.paragraphs
    assert shown[1].size_pt == 10.0  # the Footnote Text style's size


def test_a_footnote_takes_its_lines_and_the_separator_from_the_page():
    lines = [f"Line {n}" for n in range(FULL + 5)]
    lines[0] += "[fn1]"
    _, without = _layout(_memo([line.replace("[fn1]", "") for line in lines]))
    _, with_note = _layout(_memo(lines, footnotes=["A note of one line."]))
    fits = int((TEXT_HEIGHT - FOOTNOTE_SEPARATOR_PT - NOTE) // BODY)
    assert fits < FULL
    assert without.page_of(fits) == 1
    assert with_note.page_of(fits - 1) == 1
    assert with_note.page_of(fits) == 2


def test_two_notes_on_a_page_share_one_separator():
    lines = [f"Line {n}" for n in range(FULL + 5)]
    lines[0] += "[fn1][fn2]"
    _, layout = _layout(_memo(lines, footnotes=["First note.", "Second note."]))
    fits = int((TEXT_HEIGHT - FOOTNOTE_SEPARATOR_PT - 2 * NOTE) // BODY)
    assert layout.page_of(fits - 1) == 1
    assert layout.page_of(fits) == 2


def test_the_line_with_the_reference_moves_on_when_its_note_does_not_fit():
    lines = [f"Line {n}" for n in range(FULL + 5)]
    last = FULL - 1  # the last line that fits on page 1 without the note
    assert FULL * BODY + FOOTNOTE_SEPARATOR_PT + NOTE > TEXT_HEIGHT
    lines[last] += "[fn1]"
    _, layout = _layout(_memo(lines, footnotes=["A note of one line."]))
    assert layout.page_of(last - 1) == 1
    assert layout.page_of(last) == 2


def test_a_note_on_the_last_page_fills_it_to_the_foot():
    _, layout = _layout(_memo(["Short memo.[fn1]"], footnotes=["A note."]))
    assert layout.pages == 1.0


def test_endnotes_go_on_a_page_of_their_own_after_the_body():
    body = ["Short memo.[en1]"]
    _, plain = _layout(_memo(["Short memo."]))
    _, layout = _layout(_memo(body, endnotes=["An endnote of one line."]))
    assert plain.page_count == 1
    assert layout.page_count == 2
    assert layout.pages == round(1 + NOTE / (792.0 - 2 * ENDNOTE_MARGIN_PT), 3)


def _runs_memo(mono: bool) -> bytes:
    """One paragraph of 60 words, its second half in Courier New when ``mono``."""
    document = _new_document()
    paragraph = document.add_paragraph()
    half = " ".join(["measure"] * 30)
    paragraph.add_run(half + " ")
    paragraph.add_run(half).font.name = "Courier New" if mono else None
    paragraph.add_run(" " + half)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_runs_in_another_font_are_measured_in_it():
    document, layout = _layout(_runs_memo(mono=True))
    _, calibri = _layout(_runs_memo(mono=False))
    block = document.blocks[0]
    (span,) = block.font_spans
    start, end, typo = span
    assert block.text[start:end] == " ".join(["measure"] * 30)
    assert typo.font == "Courier New" and typo.size_pt == 11.0
    setup = document.page_setups[0]
    width = setup.width_pt - setup.margin_left_pt - setup.margin_right_pt
    sans = Measure(face(resolve("Calibri").family, False, False), 11.0)
    mono = Measure(face(resolve("Courier New").family, False, False), 11.0)
    expected = count_lines(block.text, sans, width, width, ((start, end, mono),))
    assert expected > count_lines(block.text, sans, width, width)
    lines = round((layout.spans[0][1] - layout.spans[0][0]) * TEXT_HEIGHT / BODY)
    calibri_lines = round((calibri.spans[0][1] - calibri.spans[0][0]) * TEXT_HEIGHT / BODY)
    assert lines == expected
    assert calibri_lines == count_lines(block.text, sans, width, width)


def test_a_paragraph_in_one_format_has_no_spans():
    document, _ = _layout(_runs_memo(mono=False))
    assert document.blocks[0].font_spans == ()


def test_the_footnote_page_count_rounds_up_past_a_full_page():
    lines = [f"Line {n}" for n in range(FULL)]
    lines[0] += "[fn1]"
    _, layout = _layout(_memo(lines, footnotes=["A note."]))
    assert layout.page_count == 2
    assert math.ceil(layout.pages) == 2
