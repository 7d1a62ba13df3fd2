"""The DOCX reader: structure, text, positions, typography, pages, and bad input.

Documents are built with python-docx from its default template (Normal is
Cambria 11 pt from the theme, 1.15 lines, 10 pt after; Heading 1 is Calibri
14 pt bold). Where python-docx has no API, WordprocessingML is written by hand.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Mm, Pt

from memolint.document import Block, Document, PageSetup, Position, Suppression
from memolint.errors import InputError
from memolint.readers import read_document
from memolint.readers.docx import read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'


# --- builders -------------------------------------------------------------


def build(fill: Callable[[docx.document.Document], None]) -> bytes:
    """A DOCX made by ``fill`` on python-docx's default template."""
    document = docx.Document()
    fill(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read(fill: Callable[[docx.document.Document], None]) -> Document:
    return read_docx(build(fill), "memo.docx")


def add_xml(document: docx.document.Document, xml: str) -> None:
    """Append a body element written as XML, before the final ``w:sectPr``."""
    document.element.body.sectPr.addprevious(parse_xml(xml))


def paragraph(body: str) -> str:
    """A ``w:p`` element's XML with ``body`` as its content."""
    return f"<w:p {nsdecls('w', 'wp', 'a', 'r')} {MC} {WPS} {V}>{body}</w:p>"


def run(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """``data`` with members replaced or added (``None`` drops one).

    Members get a fixed time stamp: with the clock's, two packages made a
    second apart differ in every member's header, and parts that the reader
    shares between identical packages would not be identical.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {name: source.read(name) for name in source.namelist()} | replace
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            if content is not None:
                target.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), content,
                                zipfile.ZIP_DEFLATED)
    return out.getvalue()


def edit_part(data: bytes, name: str, edit: Callable[[bytes], bytes]) -> bytes:
    return rezip(data, {name: edit(zipfile.ZipFile(io.BytesIO(data)).read(name))})


def kinds(document: Document) -> list[str]:
    return [b.kind for b in document.blocks]


def only(document: Document, kind: str) -> list[Block]:
    return [b for b in document.blocks if b.kind == kind]


def add_numbering(document: docx.document.Document, xml: str) -> None:
    """Add ``w:abstractNum``/``w:num`` definitions to the numbering part."""
    numbering = document.part.numbering_part.element
    for element in reversed(parse_xml(f"<w:numbering {nsdecls('w')}>{xml}</w:numbering>")):
        if element.tag == f"{{{W_NS}}}abstractNum":
            numbering.insert(0, element)
        else:
            numbering.append(element)


# --- headings -------------------------------------------------------------


def test_headings_come_from_outline_levels_style_names_and_title():
    def fill(d):
        d.add_heading("The Title", 0)
        d.add_heading("Intro", 1)
        d.add_heading("Detail", 3)
        add_xml(d, paragraph('<w:pPr><w:outlineLvl w:val="1"/></w:pPr>' + run("Direct outline")))
        add_xml(d, paragraph('<w:pPr><w:outlineLvl w:val="9"/></w:pPr>' + run("Body level")))
        d.add_paragraph("Plain body")

    doc = read(fill)
    assert [(b.level, b.text) for b in doc.headings] == [
        (0, "The Title"),
        (1, "Intro"),
        (3, "Detail"),
        (2, "Direct outline"),
    ]
    assert kinds(doc)[-2:] == ["paragraph", "paragraph"]


def test_heading_level_from_localized_style_id_and_body_text_override():
    def fill(d):
        styles = d.styles.element
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="berschrift2">'
                '<w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>'
            )
        )
        styles.append(
            parse_xml(
                f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="Quiet">'
                '<w:name w:val="Quiet Heading"/><w:basedOn w:val="Heading1"/>'
                '<w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>'
            )
        )
        add_xml(d, paragraph('<w:pPr><w:pStyle w:val="berschrift2"/></w:pPr>' + run("Lokal")))
        add_xml(d, paragraph('<w:pPr><w:pStyle w:val="Quiet"/></w:pPr>' + run("Not a heading")))

    doc = read(fill)
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 2), ("paragraph", 0)]


# --- lists ------------------------------------------------------------------

CUSTOM_LIST = """
<w:abstractNum w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/>
    <w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>
  <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val=" "/></w:lvl>
</w:abstractNum>
<w:num w:numId="50"><w:abstractNumId w:val="90"/></w:num>
<w:num w:numId="51"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="lowerRoman"/>
    <w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride>
</w:num>
"""


def numbered(num_id: int, ilvl: int, text: str, style: str = "") -> str:
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    return paragraph(
        f'<w:pPr>{style_xml}<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
        f"</w:numPr></w:pPr>" + run(text)
    )


def test_list_items_from_styles_and_direct_numbering():
    def fill(d):
        add_numbering(d, CUSTOM_LIST)
        d.add_paragraph("Bullet from style", style="List Bullet")
        d.add_paragraph("Number from style", style="List Number")
        add_xml(d, numbered(50, 0, "Direct bullet"))
        add_xml(d, numbered(50, 1, "Direct number, level 2"))
        add_xml(d, numbered(51, 0, "Overridden level"))

    items = only(read(fill), "list_item")
    assert [(b.text, b.depth, b.ordered, b.list_id) for b in items] == [
        ("Bullet from style", 1, False, 1),
        ("Number from style", 1, True, 5),
        ("Direct bullet", 1, False, 50),
        ("Direct number, level 2", 2, True, 50),
        ("Overridden level", 1, True, 51),
    ]


def test_paragraphs_without_a_visible_label_are_not_list_items():
    def fill(d):
        add_numbering(d, CUSTOM_LIST)
        add_xml(d, numbered(50, 2, "numFmt none"))
        add_xml(d, numbered(50, 3, "blank lvlText"))
        add_xml(d, numbered(0, 0, "numbering switched off", style="ListBullet"))
        add_xml(d, numbered(999, 0, "undefined list"))
        add_xml(d, numbered(50, 7, "undefined level"))

    doc = read(fill)
    assert kinds(doc) == ["paragraph"] * 5


def test_empty_list_items_make_no_block_but_keep_their_number():
    def fill(d):
        d.add_paragraph("", style="List Bullet")
        d.add_paragraph("Second", style="List Bullet")

    doc = read(fill)
    assert [(b.kind, b.start) for b in doc.blocks] == [("list_item", Position(2, 1))]
    assert doc.line_count == 2


def test_numbered_heading_stays_a_heading():
    def fill(d):
        add_numbering(d, CUSTOM_LIST)
        add_xml(d, numbered(50, 1, "1. Background", style="Heading1"))

    assert [(b.kind, b.level) for b in read(fill).blocks] == [("heading", 1)]


def test_list_level_indent_goes_into_typography():
    def fill(d):
        add_numbering(d, CUSTOM_LIST)
        add_xml(d, numbered(50, 0, "Indented by the level"))

    typo = read(fill).blocks[0].typography
    assert (typo.indent_left_pt, typo.indent_first_pt) == (36.0, -18.0)


# --- manual bullets -----------------------------------------------------------


def test_typed_bullets_are_flagged_and_keep_their_glyph():
    def fill(d):
        d.add_paragraph("• typed bullet")
        d.add_paragraph("\uf0a7\u00a0\u00a0symbol font bullet")
        add_xml(d, paragraph(run("o") + "<w:r><w:tab/></w:r>" + run("letter o and a tab")))
        add_xml(
            d,
            paragraph(
                '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:tab/></w:r>' + run("sym first")
            ),
        )
        d.add_paragraph("--> an arrow, not a bullet")
        d.add_paragraph("-5 degrees is cold")
        d.add_paragraph("•")

    doc = read(fill)
    assert [b.manual_bullet for b in doc.blocks] == [True, True, True, True, False, False, False]
    assert doc.blocks[0].words == 3
    assert doc.blocks[2].text == "o letter o and a tab"
    assert doc.blocks[3].text.startswith("\uf0fc ")
    assert all(b.kind == "paragraph" for b in doc.blocks)


# --- visible text ---------------------------------------------------------------


def test_visible_text_follows_the_final_view():
    begin, separate, end = (
        f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>' for kind in ("begin", "separate", "end")
    )
    # An IF field whose code holds a nested PAGE field: the nested result is code too.
    fld = (
        begin
        + '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
        + begin
        + "<w:r><w:instrText>PAGE</w:instrText></w:r>"
        + separate
        + run("3")
        + end
        + '<w:r><w:instrText xml:space="preserve"> = 3 "7" "" </w:instrText></w:r>'
        + separate
        + run("7")
        + end
    )
    body = (
        run("Kept")
        + '<w:ins w:id="1" w:author="a">'
        + run(" inserted")
        + "</w:ins>"
        + '<w:del w:id="2" w:author="a"><w:r><w:delText> deleted</w:delText></w:r></w:del>'
        + '<w:moveFrom w:id="3" w:author="a">'
        + run(" moved away")
        + "</w:moveFrom>"
        + run(" hidden", "<w:vanish/>")
        + run(" shown", '<w:vanish w:val="0"/>')
        + "<w:r><w:tab/><w:t>tabbed</w:t><w:br/><w:t>broken</w:t><w:cr/><w:t>non</w:t>"
        + "<w:noBreakHyphen/><w:t>breaking</w:t></w:r>"
        + '<w:r><w:footnoteReference w:id="1"/></w:r>'
        + '<w:hyperlink r:id="rId99">'
        + run(" link")
        + "</w:hyperlink>"
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + run(" control")
        + "</w:sdtContent></w:sdt>"
        + run(" page ")
        + fld
        + '<w:fldSimple w:instr="NUMPAGES">'
        + run(" of 9")
        + "</w:fldSimple>"
    )
    doc = read(lambda d: add_xml(d, paragraph(body)))
    assert doc.blocks[0].text == (
        "Kept inserted shown tabbed\nbroken\nnon-breaking link control page 7 of 9"
    )


def test_text_box_counts_once_as_its_own_paragraph_after_the_host():
    box = "<w:txbxContent><w:p><w:r><w:t>Box text</w:t></w:r></w:p></w:txbxContent>"
    drawing = (
        '<w:drawing><wp:anchor><wp:extent cx="1270000" cy="635000"/><a:graphic>'
        f"<a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData>"
        "</a:graphic></wp:anchor></w:drawing>"
    )
    host = paragraph(
        run("Host")
        + '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
        + drawing
        + "</mc:Choice>"
        + f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        + "</mc:Fallback></mc:AlternateContent></w:r>"
    )

    def fill(d):
        add_xml(d, host)
        d.add_paragraph("After")

    doc = read(fill)
    assert [(b.text, b.start.line) for b in doc.blocks] == [
        ("Host", 1),
        ("Box text", 2),
        ("After", 3),
    ]
    assert doc.blocks[0].images == ((100.0, 50.0),)
    assert doc.line_count == 3


def test_block_level_content_controls_are_transparent():
    sdt = (
        f"<w:sdt {nsdecls('w')}><w:sdtPr/><w:sdtContent>"
        "<w:p><w:r><w:t>Inside a control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    doc = read(lambda d: add_xml(d, sdt))
    assert [(b.kind, b.text) for b in doc.blocks] == [("paragraph", "Inside a control")]


# --- positions and tables ---------------------------------------------------------


def test_lines_number_every_paragraph_and_columns_skip_leading_space():
    def fill(d):
        d.add_paragraph("First")
        d.add_paragraph("")
        d.add_paragraph("  Indented")

    doc = read(fill)
    assert [(b.start, b.end) for b in doc.blocks] == [
        (Position(1, 1), Position(1, 6)),
        (Position(3, 3), Position(3, 11)),
    ]
    assert doc.blocks[1].source.position(4) == Position(3, 7)
    assert doc.line_count == 3


def test_table_is_one_block_whose_cells_keep_their_paragraph_numbers():
    def fill(d):
        d.add_paragraph("Before")
        table = d.add_table(rows=2, cols=2)
        for index, cell in enumerate(table._cells):
            cell.text = "abcd"[index]
        table.cell(1, 1).add_paragraph("d2")
        inner = table.cell(0, 1).add_table(rows=1, cols=1)
        inner.cell(0, 0).text = "nested"
        d.add_paragraph("After")

    doc = read(fill)
    assert kinds(doc) == ["paragraph", "table", "paragraph"]
    table = doc.blocks[1]
    assert table.rows == (("a", "b\nnested"), ("c", "d\nd2"))
    assert table.text == "a\nb\nnested\nc\nd\nd2"
    # paragraphs: 1 Before, 2 a, 3 b, 4 nested, 5 (empty after nested table), 6 c, 7 d, 8 d2
    assert table.start == Position(2, 1)
    assert table.source.position(table.text.index("c")) == Position(6, 1)
    assert table.source.position(table.text.index("d2") + 1) == Position(8, 2)
    assert table.end == Position(8, 3)
    assert doc.blocks[2].start == Position(9, 1)


# --- page breaks and sections -------------------------------------------------------


def test_hard_page_breaks_become_blocks_before_or_after_the_text():
    def fill(d):
        add_xml(d, paragraph(run("Ends a page") + '<w:r><w:br w:type="page"/></w:r>'))
        add_xml(d, paragraph('<w:r><w:br w:type="page"/></w:r>' + run("Starts a page")))
        add_xml(d, paragraph('<w:r><w:br w:type="page"/></w:r>'))
        d.add_paragraph("Last").paragraph_format.page_break_before = True

    doc = read(fill)
    assert kinds(doc) == [
        "paragraph",
        "page_break",
        "page_break",
        "paragraph",
        "page_break",
        "paragraph",
    ]
    assert [b.start.line for b in doc.blocks] == [1, 1, 2, 2, 3, 4]
    assert doc.blocks[-1].typography.page_break_before
    assert not doc.blocks[0].typography.page_break_before


def test_rendered_page_breaks_are_counted_and_carried_past_empty_paragraphs():
    def fill(d):
        add_xml(d, paragraph("<w:r><w:lastRenderedPageBreak/><w:t>Top of page</w:t></w:r>"))
        add_xml(d, paragraph("<w:r><w:lastRenderedPageBreak/></w:r>"))
        d.add_paragraph("After an empty one")

    doc = read(fill)
    assert [b.rendered_page_breaks for b in doc.blocks] == [1, 1]


def test_sections_give_page_setups_from_their_first_block():
    def fill(d):
        d.add_paragraph("Letter page")
        section = d.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.left_margin = section.right_margin = Pt(54)
        section.gutter = Pt(18)
        cols = section._sectPr.find(qn("w:cols"))
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "360")
        d.add_paragraph("A4 landscape, two columns")

    doc = read(fill)
    first, second = doc.page_setups
    assert (first.width_pt, first.height_pt, first.margin_left_pt) == (612.0, 792.0, 90.0)
    assert (first.first_block, first.orientation, first.columns) == (0, "portrait", 1)
    assert second.orientation == "landscape"
    assert second.width_pt == pytest.approx(841.9, abs=0.1)
    assert (second.margin_left_pt, second.gutter_pt) == (54.0, 18.0)
    assert (second.columns, second.column_space_pt) == (2, 18.0)
    assert doc.blocks[second.first_block].text == "A4 landscape, two columns"


def test_missing_section_properties_default_to_letter_with_a_note():
    def fill(d):
        d.add_paragraph("No sectPr")
        d.element.body.remove(d.element.body.sectPr)

    doc = read(fill)
    assert doc.page_setups == [PageSetup()]
    assert any("sectPr" in note for note in doc.notes)


# --- typography -----------------------------------------------------------------


def test_default_typography_resolves_theme_fonts_and_document_defaults():
    doc = read(lambda d: d.add_paragraph("Body"))
    typo = doc.default_typography
    assert (typo.font, typo.size_pt) == ("Cambria", 11.0)
    assert (typo.line_rule, typo.line_spacing, typo.space_after_pt) == ("auto", 1.15, 10.0)
    assert doc.blocks[0].typography == typo


def test_heading_typography_comes_from_its_style():
    typo = read(lambda d: d.add_heading("Heading", 1)).blocks[0].typography
    assert (typo.font, typo.size_pt, typo.bold) == ("Calibri", 14.0, True)
    assert typo.keep_with_next
    assert typo.space_before_pt == 24.0


def test_run_formatting_is_weighted_by_characters():
    def fill(d):
        p = d.add_paragraph()
        big = p.add_run("Most of the text is here")
        big.font.size, big.font.name, big.bold = Pt(14), "Georgia", True
        small = p.add_run(" tiny")
        small.font.size, small.italic = Pt(8), True

    typo = read(fill).blocks[0].typography
    assert (typo.font, typo.size_pt, typo.bold, typo.italic) == ("Georgia", 14.0, True, False)


def test_paragraph_formatting_spacing_indents_and_character_spacing():
    def fill(d):
        p = d.add_paragraph("Formatted")
        f = p.paragraph_format
        f.line_spacing, f.space_before, f.space_after = 1.5, Pt(6), Pt(3)
        f.left_indent, f.right_indent, f.first_line_indent = Pt(36), Pt(12), Pt(-18)
        f.keep_with_next = True
        exact = d.add_paragraph("Exact")
        exact.paragraph_format.line_spacing = Pt(14)
        add_xml(
            d,
            paragraph(
                '<w:pPr><w:spacing w:beforeAutospacing="1" w:before="100"/><w:contextualSpacing/>'
                "</w:pPr>" + run("Spaced", '<w:spacing w:val="20"/><w:w w:val="90"/>')
            ),
        )

    doc = read(fill)
    first, exact, spaced = (b.typography for b in doc.blocks)
    assert (first.line_rule, first.line_spacing) == ("auto", 1.5)
    assert (first.space_before_pt, first.space_after_pt) == (6.0, 3.0)
    assert (first.indent_left_pt, first.indent_right_pt, first.indent_first_pt) == (
        36.0,
        12.0,
        -18.0,
    )
    assert first.keep_with_next
    assert (exact.line_rule, exact.line_spacing) == ("exact", 14.0)
    assert (spaced.space_before_pt, spaced.contextual_spacing) == (14.0, True)
    assert (spaced.character_spacing_pt, spaced.character_scale_pct) == (1.0, 90.0)


# --- suppressions, metadata -------------------------------------------------------


def test_comment_directives_become_suppressions_on_their_paragraph():
    def fill(d):
        d.add_paragraph("One")
        two = d.add_paragraph("Two")
        three = d.add_paragraph("Three")
        d.add_comment(two.runs, text="memolint-disable-next-line R001", author="me")
        d.add_comment(three.runs, text="memolint-disable B001, long-sentence", author="me")
        d.add_comment(d.paragraphs[0].runs, text="just a remark", author="me")

    doc = read(fill)
    assert doc.suppressions == [
        Suppression("disable-next-line", frozenset({"R001"}), 2, target_line=2),
        Suppression("disable", frozenset({"B001", "long-sentence"}), 3),
    ]


def test_document_metadata():
    doc = read(lambda d: d.add_paragraph("Memo"))
    assert (doc.format, doc.path, doc.stated_pages, doc.line_count) == ("docx", "memo.docx", 1, 1)
    no_pages = edit_part(
        build(lambda d: None), "docProps/app.xml", lambda xml: xml.replace(b"<Pages>1</Pages>", b"")
    )
    assert read_docx(no_pages, "memo.docx").stated_pages is None


def test_tracked_changes_are_noted():
    body = '<w:ins w:id="1" w:author="a">' + run("new") + "</w:ins>"
    doc = read(lambda d: add_xml(d, paragraph(body)))
    assert any("tracked change" in note for note in doc.notes)


def test_read_document_dispatches_docx(tmp_path):
    path = tmp_path / "memo.docx"
    path.write_bytes(build(lambda d: d.add_paragraph("Dispatched")))
    assert read_document(str(path)).blocks[0].text == "Dispatched"


# --- bad and hostile input ----------------------------------------------------------


def error_kind(data: bytes) -> InputError:
    with pytest.raises(InputError) as caught:
        read_docx(data, "bad.docx")
    assert "bad.docx" in caught.value.message
    return caught.value


def test_truncated_zip_is_corrupt():
    data = build(lambda d: d.add_paragraph("x"))
    assert error_kind(data[: len(data) // 2]).kind == "corrupt"


def test_random_bytes_are_corrupt():
    assert error_kind(random.Random(0).randbytes(4096)).kind == "corrupt"


def test_old_word_doc_is_reported_as_old_format():
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(4088)
    error = error_kind(ole)
    assert error.kind == "old-format"
    assert ".doc" in error.message


def test_encrypted_package_is_reported_as_encrypted():
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + struct.pack("<H", 34)
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(1016) + entry + bytes(3000)
    assert error_kind(ole).kind == "encrypted"


def test_declared_size_over_the_limit_is_a_zip_bomb():
    data = bytearray(build(lambda d: d.add_paragraph("x")))
    entry = data.index(b"PK\x01\x02")  # first central directory entry
    data[entry + 24 : entry + 28] = struct.pack("<I", 250 * 1024 * 1024)
    assert error_kind(bytes(data)).kind == "zip-bomb"


def test_extreme_compression_ratio_is_a_zip_bomb():
    data = rezip(build(lambda d: None), {"word/media/filler.bin": bytes(11 * 1024 * 1024)})
    assert error_kind(data).kind == "zip-bomb"


def test_zip_without_main_part_is_corrupt():
    data = rezip(build(lambda d: None), {"word/document.xml": None})
    error = error_kind(data)
    assert error.kind == "corrupt"
    assert "word/document.xml" in error.message


def test_malformed_xml_is_corrupt():
    data = rezip(build(lambda d: None), {"word/document.xml": b"<w:document><w:body>"})
    assert error_kind(data).kind == "corrupt"


def test_strict_open_xml_is_unsupported():
    strict = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    data = edit_part(
        build(lambda d: d.add_paragraph("x")),
        "word/document.xml",
        lambda xml: xml.replace(W_NS.encode(), strict),
    )
    error = error_kind(data)
    assert error.kind == "unsupported"
    assert "Strict" in error.message


def test_external_entities_are_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42")
    doctype = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>').encode()

    def inject(xml: bytes) -> bytes:
        declaration_end = xml.index(b"?>") + 2
        xml = xml[:declaration_end] + doctype + xml[declaration_end:]
        return xml.replace(b"MARKER", b"&xxe;")

    data = edit_part(build(lambda d: d.add_paragraph("MARKER")), "word/document.xml", inject)
    try:
        doc = read_docx(data, "xxe.docx")
    except InputError as error:
        assert "TOPSECRET" not in error.message
    else:
        assert all("TOPSECRET" not in b.text for b in doc.blocks)


def test_list_bullet_n_styles_nest_by_their_number(tmp_path):
    """Word's "List Bullet 2" is its own level-0 list, shown nested by indent."""
    import docx as python_docx

    from memolint.readers.docx import read_docx

    document = python_docx.Document()
    document.add_paragraph("Top item one", style="List Bullet")
    document.add_paragraph("Nested item", style="List Bullet 2")
    document.add_paragraph("Numbered nested", style="List Number 3")
    path = tmp_path / "nested.docx"
    document.save(path)
    blocks = read_docx(path.read_bytes(), str(path)).blocks
    assert [(b.kind, b.depth, b.ordered) for b in blocks] == [
        ("list_item", 1, False), ("list_item", 2, False), ("list_item", 3, True)]
