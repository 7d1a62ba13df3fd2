"""The DTD check reads only a part's prolog, and misses no DTD lxml would see."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from memolint.errors import InputError
from memolint.readers.docx import read_docx
from memolint.readers.docx_prolog import declares_dtd
from memolint.readers.opc import PARSER
from tests.test_docx_reader import build, edit_part, rezip

DECLARATION = '<?xml version="1.0" encoding="{}" standalone="yes"?>'
DTD = '<!DOCTYPE a [<!ENTITY e "expanded">]>'
ROOT = "<a>&e;</a>"
LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
          + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
          + "]>")


def lxml_sees_dtd(part: bytes) -> bool:
    """Whether lxml, with the reader's parser, reads a document type declaration."""
    try:
        tree = etree.fromstring(part, PARSER).getroottree()
    except etree.XMLSyntaxError:
        return False
    return bool(tree.docinfo.doctype) or tree.docinfo.internalDTD is not None


def parses(part: bytes) -> bool:
    try:
        etree.fromstring(part, PARSER)
    except etree.XMLSyntaxError:
        return False
    return True


def check(part: bytes) -> bool:
    return declares_dtd(io.BytesIO(part).read)


#: name -> a part that declares a DTD, each in a place or encoding a byte search could miss.
HOSTILE = {
    "after the declaration": (DECLARATION.format("UTF-8") + DTD + ROOT).encode(),
    "after a long comment": (f"<!--{'x' * 200_000}-->" + DTD + ROOT).encode(),
    "after a comment holding a fake root": ("<!-- <a> - <b/> -->" + DTD + ROOT).encode(),
    "after instructions and blanks": ("<?pi a > b ?>\r\n\t <?other?>" + DTD + ROOT).encode(),
    "billion laughs": (DECLARATION.format("UTF-8") + LAUGHS + "<lolz/>").encode(),
    "utf-8 mark": b"\xef\xbb\xbf" + (DTD + ROOT).encode(),
    "utf-16 with mark": (DTD + ROOT).encode("utf-16"),
    "utf-16-le without mark": (DECLARATION.format("UTF-16") + DTD + ROOT).encode("utf-16-le"),
    "utf-16-be without mark": (DECLARATION.format("UTF-16") + DTD + ROOT).encode("utf-16-be"),
    "utf-32 with mark": (DECLARATION.format("UTF-32") + DTD + ROOT).encode("utf-32"),
    "utf-32-le without mark": (DECLARATION.format("UTF-32") + DTD + ROOT).encode("utf-32-le"),
    # "<!DOCTYPE" spelled "<+ACE-DOCTYPE": no byte search for the marker finds it.
    "utf-7": DECLARATION.format("UTF-7").encode() + (DTD + ROOT).encode("utf-7"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_dtd_lxml_reads_is_found(name):
    part = HOSTILE[name]
    assert lxml_sees_dtd(part), "the case must be one lxml really reads a DTD in"
    assert check(part)


@pytest.mark.parametrize("part", [
    b'<?xml version="1.0"?><a><!-- <!DOCTYPE a> --></a>',
    b"<a><![CDATA[<!DOCTYPE a>]]></a>",
    b"<a/><!-- <!DOCTYPE a> -->",
    '<?xml version="1.0" encoding="UTF-16"?><a>&lt;!DOCTYPE a&gt;</a>'.encode("utf-16"),
])
def test_a_doctype_after_the_root_start_is_no_dtd(part):
    assert not lxml_sees_dtd(part)
    assert not check(part)


def test_only_the_prolog_is_read():
    part = (DECLARATION.format("UTF-8") + "<w:styles>" + "<w:style/>" * 100_000
            + "</w:styles>").encode()
    taken = []

    def read(size: int) -> bytes:
        chunk = part[sum(taken): sum(taken) + size]
        taken.append(len(chunk))
        return chunk

    assert not declares_dtd(read)
    assert sum(taken) <= 1024


@pytest.mark.parametrize(("part", "found"), [
    (b'<?xml version="1.0" encoding="x-unknown"?><!DOCTYPE a><a/>', True),
    (b'<?xml version="1.0" encoding="x-unknown"?><a/>', False),
    (b'<?xml version="1.0" encoding="base64"?><!DOCTYPE a><a/>', True),
    (b"garbage before <!DOCTYPE a><a/>", True),
    ("<!DOCTYPE a><a/>".encode("utf-16-le"), True),  # no mark, no declaration
    (b"<!-- never closed <!DOCTYPE a>", True),
])
def test_what_cannot_be_vetted_is_searched_whole(part, found):
    assert check(part) is found


PIECES = st.sampled_from(["<!-- c -->", "<!---->", "<?pi x?>", " ", "\r\n", "\t",
                          "<!-- <!DOCTYPE b> -->", "<?pi <!DOCTYPE c>?>"])


@settings(max_examples=300, deadline=None)
@given(before=st.lists(PIECES, max_size=4), after=st.lists(PIECES, max_size=3),
       declared=st.booleans(), dtd=st.booleans(),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                 "utf-32-be", "utf-8-sig", "utf-7"]))
def test_the_check_agrees_with_lxml_on_any_prolog(before, after, declared, dtd, encoding):
    name = {"utf-8-sig": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
            "utf-32-be": "UTF-32"}.get(encoding, encoding.upper())
    text = ((DECLARATION.format(name) if declared else "") + "".join(before)
            + (DTD if dtd else "") + "".join(after) + ROOT.replace("&e;", "x"))
    if encoding == "utf-7":
        if not declared:
            return  # without a declaration nothing says UTF-7
        declaration = DECLARATION.format(name)
        part = declaration.encode() + text[len(declaration):].encode("utf-7")
    else:
        part = text.encode(encoding)
    if lxml_sees_dtd(part):
        assert check(part)
    elif not dtd and parses(part):  # what lxml cannot read is searched whole, markers and all
        assert not check(part)


def big_styles(prolog: bytes) -> bytes:
    """A python-docx memo whose styles part is past the whole-read size, with ``prolog``."""
    def edit(xml: bytes) -> bytes:
        end = xml.index(b"?>") + 2
        return xml[:end] + prolog + xml[end:].replace(b"</w:styles>",
                                                      b"<!-- pad -->" * 8000 + b"</w:styles>")
    return edit_part(build(lambda d: d.add_paragraph("Hello")), "word/styles.xml", edit)


def test_a_dtd_after_a_long_comment_in_a_big_part_is_refused():
    prolog = b"<!--" + b"x" * 300_000 + b"-->" + LAUGHS.encode()
    with pytest.raises(InputError) as error:
        read_docx(big_styles(prolog), "memo.docx")
    assert error.value.kind == "unsafe" and "word/styles.xml" in error.value.message


def test_a_utf7_dtd_is_refused():
    settings_xml = DECLARATION.format("UTF-7").encode() + (DTD + "<w:settings/>").encode("utf-7")
    data = rezip(build(lambda d: d.add_paragraph("Hello")), {"word/settings.xml": settings_xml})
    with pytest.raises(InputError) as error:
        read_docx(data, "memo.docx")
    assert error.value.kind == "unsafe"


def test_a_big_part_without_a_dtd_reads_as_before():
    plain = build(lambda d: d.add_paragraph("Hello"))
    assert repr(read_docx(big_styles(b""), "memo.docx").blocks) == repr(
        read_docx(plain, "memo.docx").blocks)


def test_a_part_that_passed_before_does_not_vouch_for_a_changed_one():
    plain = build(lambda d: d.add_paragraph("Hello"))
    hostile = edit_part(plain, "word/styles.xml",
                        lambda xml: xml.replace(b"?>", b"?>" + LAUGHS.encode(), 1))
    first = repr(read_docx(plain, "memo.docx"))
    with pytest.raises(InputError) as error:
        read_docx(hostile, "memo.docx")
    assert error.value.kind == "unsafe"
    assert repr(read_docx(plain, "memo.docx")) == first
