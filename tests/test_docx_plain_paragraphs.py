"""The DOCX reader's plain-paragraph path and shared parts read like the general walk.

Most paragraphs of a memo are runs of plain text, read in one pass by
``_plain_runs``; everything else goes run by run through the general walk.
These tests pin that both read a paragraph the same way (the general walk is
the reference: the fast path is switched off to get it), that anything the
fast path does not know sends the paragraph to the general walk, and that
parts shared between documents of one template are built once.
"""

from __future__ import annotations

import io
import zipfile
from unittest import mock

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memolint.document import Document
from memolint.errors import InputError
from memolint.readers import docx as reader
from memolint.readers.docx import read_docx
from memolint.readers.opc import parse_xml
from tests.test_docx_reader import rezip

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _template() -> bytes:
    """python-docx's default template, whose styles hold headings and list styles."""
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


TEMPLATE = _template()


def document_xml(paragraphs: list[str]) -> bytes:
    body = "".join(paragraphs)
    return (f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}'
            '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>'
            ).encode()


def memo(paragraphs: list[str]) -> bytes:
    return rezip(TEMPLATE, {"word/document.xml": document_xml(paragraphs)})


def general_walk(data: bytes) -> str:
    """The document as the general walk reads it (the plain path switched off)."""
    with mock.patch.object(reader, "_plain_runs", lambda paragraph, fields: None):
        return repr(read_docx(data, "memo.docx"))


def read_on_both_paths(paragraphs: list[str]) -> Document:
    """A memo of these paragraphs as read, after checking the general walk reads it alike."""
    data = memo(paragraphs)
    document = read_docx(data, "memo.docx")
    assert repr(document) == general_walk(data)
    return document


# --- pieces a generated paragraph is made of --------------------------------

RUN_PROPERTIES = ["", "<w:rPr/>", "<w:rPr><w:b/></w:rPr>",
                  '<w:rPr><w:i/><w:sz w:val="28"/></w:rPr>', "<w:rPr><w:vanish/></w:rPr>",
                  '<w:rPr><w:vanish w:val="0"/></w:rPr>',
                  '<w:rPr><w:rFonts w:ascii="Arial"/><w:b w:val="false"/></w:rPr>',
                  '<w:rPr><w:rStyle w:val="Strong"/></w:rPr>']
TEXTS = ["Plain words.", "  leading space", "trailing  ", "", " ", "\u2022", "- dash",
         "o", "Second sentence here.", "\u00e9t\u00e9 caf\u00e9"]
#: Run children: the plain path reads the first five kinds, the rest send it away.
RUN_PIECES = [
    st.sampled_from(TEXTS).map(lambda t: f'<w:t xml:space="preserve">{t}</w:t>'),
    st.just("<w:tab/>"), st.just("<w:cr/>"), st.just("<w:noBreakHyphen/>"),
    st.just("<w:lastRenderedPageBreak/>"),
    st.just("<w:br/>"), st.just('<w:br w:type="page"/>'), st.just("<w:softHyphen/>"),
    st.just('<w:br w:type="textWrapping" w:clear="all"/>'), st.just('<w:br w:type="column"/>'),
    st.just("<!-- a comment -->"),
    st.just("<w:rPr><w:b/></w:rPr>"), st.just('<w:sym w:font="Symbol" w:char="F0B7"/>'),
    st.just('<w:fldChar w:fldCharType="begin"/>'), st.just("<w:instrText>PAGE</w:instrText>"),
    st.just('<w:fldChar w:fldCharType="separate"/>'), st.just('<w:fldChar w:fldCharType="end"/>'),
    st.just('<w:footnoteReference w:id="1"/>'), st.just('<w:commentReference w:id="7"/>'),
]
PARAGRAPH_PROPERTIES = ["", '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
                        '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>',
                        '<w:pPr><w:pStyle w:val="Title"/><w:spacing w:after="0"/></w:pPr>',
                        '<w:pPr><w:ind w:left="720" w:hanging="360"/><w:rPr><w:sz w:val="40"/>'
                        "</w:rPr></w:pPr>",
                        '<w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr>']
#: Paragraph children other than runs: empty markers the plain path skips, and
#: containers and anchors it leaves to the general walk.
MARKERS = ['<w:bookmarkStart w:id="1" w:name="here"/>', '<w:bookmarkEnd w:id="1"/>',
           '<w:proofErr w:type="spellStart"/>', '<w:commentRangeStart w:id="7"/>',
           '<w:hyperlink r:id="rId99"><w:r><w:t>link text</w:t></w:r></w:hyperlink>',
           "<w:ins><w:r><w:t>inserted</w:t></w:r></w:ins>",
           "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>",
           '<w:hyperlink r:id="rId99"><w:bookmarkStart w:id="2" w:name="in"/><w:r><w:rPr><w:b/>'
           '</w:rPr><w:t xml:space="preserve"> bold link </w:t></w:r><w:bookmarkEnd w:id="2"/>'
           "</w:hyperlink>",
           '<w:hyperlink r:id="rId99"><w:commentRangeStart w:id="8"/><w:r><w:t>anchored</w:t>'
           "</w:r></w:hyperlink>",
           '<w:hyperlink r:id="rId99"><w:r><w:t>a</w:t><w:br/></w:r></w:hyperlink>',
           '<w:smartTag w:uri="urn:x" w:element="place"><w:smartTagPr><w:attr w:name="n" '
           'w:val="v"/></w:smartTagPr><w:r><w:t>Seattle</w:t></w:r></w:smartTag>',
           '<w:fldSimple w:instr="PAGE"><w:r><w:t>7</w:t></w:r></w:fldSimple>',
           "<w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden insert</w:t></w:r></w:ins>",
           "<w:ins><w:del><w:r><w:delText>both</w:delText></w:r></w:del></w:ins>",
           "<w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr>"]


@st.composite
def runs(draw: st.DrawFn) -> str:
    """A ``w:r``: mostly plain text pieces, sometimes something the plain path refuses."""
    plain = st.lists(st.sampled_from(RUN_PIECES[:5]).flatmap(lambda s: s), max_size=4)
    mixed = st.lists(st.sampled_from(RUN_PIECES).flatmap(lambda s: s), max_size=4)
    pieces = draw(st.one_of(plain, plain, mixed))
    return f"<w:r>{draw(st.sampled_from(RUN_PROPERTIES))}{''.join(pieces)}</w:r>"


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    children = draw(st.lists(st.one_of(runs(), runs(), st.sampled_from(MARKERS)), max_size=5))
    return f"<w:p>{draw(st.sampled_from(PARAGRAPH_PROPERTIES))}{''.join(children)}</w:p>"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraphs(), min_size=1, max_size=6))
def test_plain_path_reads_every_paragraph_as_the_general_walk_does(paras):
    read_on_both_paths(paras)


def test_a_memo_of_plain_and_marked_up_paragraphs_reads_alike_on_both_paths():
    paras = [
        '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Tenets</w:t></w:r></w:p>',
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r>'
        "<w:r><w:t>then plain</w:t><w:tab/><w:t>tabbed.</w:t></w:r></w:p>",
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF</w:instrText>'
        "</w:r></w:p>",
        "<w:p><w:r><w:t>inside the field code</w:t></w:r></w:p>",
        '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>after</w:t></w:r></w:p>',
        "<w:p/>",
        '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>An item</w:t></w:r></w:p>',
    ]
    document = read_on_both_paths(paras)
    assert [(b.kind, b.text, b.start.line) for b in document.blocks] == [
        ("heading", "Tenets", 1), ("paragraph", "Bold then plain tabbed.", 2),
        ("paragraph", "after", 5), ("list_item", "An item", 7)]


def _paragraph(xml: str):
    return parse_xml(f'<w:p xmlns:w="{W_NS}">{xml}</w:p>'.encode())


def test_plain_runs_collects_properties_texts_and_rendered_marks():
    ppr, found, rendered = reader._plain_runs(_paragraph(
        '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="0" w:name="a"/>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t>One</w:t><w:tab/><w:lastRenderedPageBreak/>'
        "<w:t>two</w:t></w:r><w:proofErr/><w:r><w:t/><w:noBreakHyphen/></w:r>"), [])
    assert ppr is not None and ppr.tag == reader.PPR
    assert [(rpr is not None, texts) for rpr, texts in found] == [
        (True, ["One", "\t", "two"]), (False, ["", "-"])]
    assert rendered == 1


@pytest.mark.parametrize("xml", [
    '<w:r><w:t>a</w:t><w:br w:type="page"/></w:r>',
    '<w:r><w:footnoteReference w:id="2"/></w:r>',
    '<w:r><w:endnoteReference w:id="2"/></w:r>',
    '<w:r><w:commentReference w:id="2"/></w:r>',
    '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>',
    '<w:r><w:drawing/></w:r>',
    '<w:commentRangeStart w:id="1"/><w:r><w:t>a</w:t></w:r>',
    '<w:hyperlink><w:commentRangeStart w:id="1"/><w:r><w:t>a</w:t></w:r></w:hyperlink>',
    '<w:hyperlink><w:r><w:t>a</w:t><w:br w:type="page"/></w:r></w:hyperlink>',
    '<w:ins><w:del><w:r><w:delText>a</w:delText></w:r></w:del></w:ins>',
    '<w:del><w:r><w:delText>a</w:delText></w:r></w:del><w:r><w:t>a</w:t></w:r>',
    '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:r><w:t>a</w:t></w:r>'
    '</w:sdtContent></w:sdt>',
])
def test_anything_but_plain_runs_goes_to_the_general_walk(xml):
    assert reader._plain_runs(_paragraph(xml), []) is None


def test_plain_runs_read_line_breaks_and_skip_what_the_general_walk_does_not_know():
    ppr, found, rendered = reader._plain_runs(_paragraph(
        '<w:r><w:t>a</w:t><w:br/><w:t>b</w:t><w:br w:type="textWrapping"/>'
        '<w:br w:type="column"/><w:rPr><w:b/></w:rPr><w:softHyphen/><!-- note --></w:r>'
        "<w:r><w:rPr/><w:t>c</w:t><w:rPr><w:i/></w:rPr></w:r>"), [])
    assert ppr is None
    assert [(rpr is not None and len(rpr), texts) for rpr, texts in found] == [
        (1, ["a", "\n", "b", "\n", "\n"]), (0, ["c"])]
    assert rendered == 0


def test_plain_runs_hide_field_codes_and_carry_open_fields():
    fields: list[bool] = []
    _, found, _ = reader._plain_runs(_paragraph(
        '<w:r><w:t xml:space="preserve">Page </w:t><w:fldChar w:fldCharType="begin"/>'
        '<w:instrText>PAGE</w:instrText><w:t>code</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/><w:t xml:space="preserve"> of </w:t>'
        '<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC</w:instrText>'
        '<w:br/><w:tab/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'), fields)
    assert [texts for _, texts in found] == [["Page "], ["7"], [" of "], [], []]
    assert fields == [False]  # the second field's result goes on in the next paragraph
    _, found, _ = reader._plain_runs(_paragraph(
        '<w:r><w:t>entry</w:t><w:fldChar w:fldCharType="end"/><w:t>!</w:t></w:r>'), fields)
    assert [texts for _, texts in found] == [["entry", "!"]]
    assert fields == []


def test_a_field_spanning_paragraphs_reads_alike_on_both_paths():
    paras = [
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>TOC \\o</w:instrText>'
        '</w:r></w:p>',
        "<w:p><w:r><w:t>still the code</w:t><w:br/></w:r></w:p>",
        '<w:p><w:r><w:fldChar w:fldCharType="separate"/><w:t>Tenets</w:t><w:br/>'
        "<w:t>Goals</w:t></w:r></w:p>",
        '<w:p><w:r><w:t>Plan</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        "<w:p><w:r><w:t>Body</w:t></w:r></w:p>",
    ]
    document = read_on_both_paths(paras)
    assert [(b.text, b.start.line) for b in document.blocks] == [
        ("Tenets\nGoals", 3), ("Plan", 4), ("Body", 5)]


def test_plain_runs_reads_through_hyperlinks_insertions_and_smart_tags():
    ppr, found, rendered = reader._plain_runs(_paragraph(
        '<w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink><w:r><w:rPr><w:b/></w:rPr>'
        "<w:t>the link</w:t><w:lastRenderedPageBreak/></w:r></w:hyperlink><w:ins>"
        '<w:r><w:t xml:space="preserve">, added</w:t></w:r></w:ins><w:smartTag><w:smartTagPr>'
        '<w:attr w:name="n" w:val="v"/></w:smartTagPr><w:r><w:t> in Seattle</w:t></w:r>'
        "</w:smartTag>"), [])
    assert ppr is None
    assert [(rpr is not None, texts) for rpr, texts in found] == [
        (False, ["See "]), (True, ["the link"]), (False, [", added"]), (False, [" in Seattle"])]
    assert rendered == 1


def _opened(data: bytes) -> reader._Package:
    archive = reader._zip(data, "memo.docx")
    return reader._open(archive, data, reader._check_package(archive, data, "memo.docx"),
                        "memo.docx")


def test_numbering_relationships_and_content_types_are_shared_by_one_template():
    first = _opened(memo(["<w:p><w:r><w:t>one</w:t></w:r></w:p>"]))
    second = _opened(memo(["<w:p><w:r><w:t>two</w:t></w:r></w:p>"]))
    assert second.numbering is first.numbering
    assert second.opc.relationships(second.main) is first.opc.relationships(first.main)
    numbering = zipfile.ZipFile(io.BytesIO(TEMPLATE)).read("word/numbering.xml")
    other = _opened(rezip(memo(["<w:p/>"]), {"word/numbering.xml": numbering + b" "}))
    assert other.numbering is not first.numbering


def test_a_main_part_without_a_body_is_a_damaged_file():
    broken = rezip(TEMPLATE, {"word/document.xml": f'<w:document xmlns:w="{W_NS}"/>'.encode()})
    with pytest.raises(InputError) as caught:
        read_docx(broken, "memo.docx")
    assert caught.value.kind == "corrupt"
    assert "no w:body" in caught.value.message
