"""The OPC package reader: parts found by relationship, parsed lazily and safely."""

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from memolint.errors import InputError
from memolint.readers.docx import read_docx
from memolint.readers.opc import (
    PACKAGE,
    STYLES,
    WORD_MAIN_TYPE,
    Package,
    PackageError,
    parse_xml,
)
from tests.test_docx_reader import build, edit_part, rezip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = f"{OD}/header"
CUSTOM = f"{OD}/customXml"
HYPERLINK = f"{OD}/hyperlink"
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "six-pager-good.docx"


def rels(*rows: tuple[str, str, str] | tuple[str, str, str, str]) -> bytes:
    """A ``.rels`` part from (id, type, target[, mode]) rows."""
    body = "".join(
        f'<Relationship Id="{row[0]}" Type="{row[1]}" Target="{row[2]}"'
        + (f' TargetMode="{row[3]}"' if len(row) > 3 else "") + "/>" for row in rows)
    return ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{body}</Relationships>').encode()


def types(main_type: str = WORD_MAIN_TYPE) -> bytes:
    return ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
            "</Types>").encode()


def part(tag: str, text: str = "") -> bytes:
    return f'<w:{tag} xmlns:w="{W}"><w:t>{text}</w:t></w:{tag}>'.encode()


def package(document_rels: bytes, extra: dict[str, bytes] | None = None) -> Package:
    """A package with a main part, its relationships ``document_rels`` and ``extra`` members."""
    members = {
        "[Content_Types].xml": types(),
        "_rels/.rels": rels(("rId1", f"{OD}/officeDocument", "word/document.xml")),
        "word/document.xml": part("document"),
        "word/_rels/document.xml.rels": document_rels,
    } | (extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    return Package(archive)


MAIN = "/word/document.xml"


def test_relative_absolute_and_parent_targets_resolve_to_part_names():
    opc = package(
        rels(("rId1", STYLES, "styles.xml"), ("rId2", HEADER, "/word/header1.xml"),
             ("rId3", CUSTOM, "../customXml/item1.xml")),
        {"word/styles.xml": part("styles", "S"), "word/header1.xml": part("hdr", "H"),
         "customXml/item1.xml": part("item", "C")})
    assert opc.main_part() == MAIN
    assert opc.related(MAIN, STYLES) == "/word/styles.xml"
    assert opc.related_by_id(MAIN, "rId2") == "/word/header1.xml"
    assert opc.related(MAIN, CUSTOM) == "/customXml/item1.xml"
    assert opc.element(opc.related(MAIN, CUSTOM)).findtext(f"{{{W}}}t") == "C"


def test_a_missing_target_or_id_is_none_not_an_error():
    opc = package(rels(("rId1", STYLES, "styles.xml"), ("rId2", HEADER, "header1.xml")))
    assert opc.related(MAIN, STYLES) is None
    assert opc.related_by_id(MAIN, "rId2") is None
    assert opc.related_by_id(MAIN, "rId9") is None
    assert opc.related_by_id(MAIN, None) is None
    assert opc.element(None) is None


def test_external_targets_are_never_opened():
    opc = package(rels(("rId1", STYLES, "file:///etc/passwd", "External"),
                       ("rId2", HYPERLINK, "styles.xml", "External")),
                  {"word/styles.xml": part("styles")})
    assert opc.related(MAIN, STYLES) is None
    assert opc.related_by_id(MAIN, "rId2") is None


def test_two_relationships_of_one_type_mean_none_as_in_python_docx():
    opc = package(rels(("rId1", STYLES, "styles.xml"), ("rId2", STYLES, "styles.xml")),
                  {"word/styles.xml": part("styles")})
    assert opc.related(MAIN, STYLES) is None
    assert opc.related_by_id(MAIN, "rId2") == "/word/styles.xml"


def test_parts_are_parsed_only_when_asked_and_once():
    opc = package(rels(("rId1", STYLES, "styles.xml"), ("rId2", HEADER, "header1.xml")),
                  {"word/styles.xml": part("styles"), "word/header1.xml": b"<broken"})
    styles = opc.element(opc.related(MAIN, STYLES))
    assert opc.element("/word/styles.xml") is styles
    with pytest.raises(etree.XMLSyntaxError):
        opc.element(opc.related_by_id(MAIN, "rId2"))


@pytest.mark.parametrize(("root_rels", "content_types", "words"), [
    (rels(), types(), "no relationship of type"),
    (rels(("rId1", f"{OD}/officeDocument", "word/gone.xml")), types(), "missing"),
    (None, types("application/vnd.ms-word.document.macroEnabled.main+xml"), "macroEnabled"),
])
def test_the_main_part_must_exist_and_be_a_word_document(root_rels, content_types, words):
    extra = {"[Content_Types].xml": content_types}
    if root_rels is not None:
        extra["_rels/.rels"] = root_rels
    opc = package(rels(), extra)
    with pytest.raises(PackageError, match=words):
        opc.main_part()


def test_the_parser_neither_expands_nor_fetches_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-42", encoding="utf-8")
    xml = (f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
           '<!ENTITY inner "EXPANDED">]><x>&xxe;&inner;</x>').encode()
    root = parse_xml(xml)
    assert "TOPSECRET" not in etree.tostring(root, encoding="unicode")
    assert "EXPANDED" not in "".join(root.itertext())


def test_a_part_with_a_dtd_is_refused_before_any_parse():
    data = edit_part(build(lambda d: d.add_paragraph("Hello")), "word/settings.xml",
                     lambda xml: xml.replace(b"?>", b'?><!DOCTYPE s [<!ENTITY e "x">]>', 1))
    with pytest.raises(InputError) as error:
        read_docx(data, "memo.docx")
    assert error.value.kind == "unsafe"


def test_absolute_relationship_targets_read_like_relative_ones():
    data = FIXTURE.read_bytes()
    name = "word/_rels/document.xml.rels"
    absolute = edit_part(data, name, lambda xml: xml.replace(b'Target="', b'Target="/word/'))
    assert b'Target="/word/styles.xml"' in zipfile.ZipFile(io.BytesIO(absolute)).read(name)
    assert repr(read_docx(absolute, "memo.docx")) == repr(read_docx(data, "memo.docx"))


def test_a_damaged_header_is_a_corrupt_file_not_a_crash():
    def fill(document):
        document.add_paragraph("Body text.")
        document.sections[0].header.add_paragraph("Header text")
    data = build(fill)
    header = next(n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "header" in n
                  and n.endswith(".xml"))
    with pytest.raises(InputError) as error:
        read_docx(rezip(data, {header: b"<w:hdr"}), "memo.docx")
    assert error.value.kind == "corrupt"


def test_checking_a_docx_does_not_import_python_docx(tmp_path):
    (tmp_path / ".memolint.toml").write_text('[nlp]\nmodel = "blank"\n', encoding="utf-8")
    (tmp_path / "memo.docx").write_bytes(FIXTURE.read_bytes())
    code = ("import sys\nfrom memolint.__main__ import run\n"
            "sys.argv = ['memolint', 'check', '--no-cache', 'memo.docx']\n"
            "try:\n    run()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'docx'"
            " or m == 'memolint.readers.docx'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, check=True)
    assert "memo.docx" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "['memolint.readers.docx']"


def test_package_relationships_are_read_from_the_root_rels():
    opc = package(rels())
    assert [rel.target for rel in opc.relationships(PACKAGE).by_id.values()] == [MAIN]


def zipped(members: dict[str, bytes]) -> tuple[zipfile.ZipFile, bytes]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    data = out.getvalue()
    return zipfile.ZipFile(io.BytesIO(data)), data


def test_a_part_shared_by_two_packages_is_built_once():
    built = []

    def build_once(root):
        built.append(root)
        return object()

    styles = part("styles", "template")
    first = Package(*zipped({"word/styles.xml": styles, "a.xml": b"<a/>"}))
    second = Package(*zipped({"other.xml": b"<b/>", "word/styles.xml": styles}))
    changed = Package(*zipped({"word/styles.xml": part("styles", "templatf")}))
    value = first.shared("/word/styles.xml", build_once)
    assert second.shared("/word/styles.xml", build_once) is value
    assert changed.shared("/word/styles.xml", build_once) is not value
    assert len(built) == 2


def test_a_part_that_fails_to_build_is_not_remembered():
    attempts = []

    def build(root):
        attempts.append(root)
        if len(attempts) == 1:
            raise ValueError("first attempt")
        return "built"

    opc = Package(*zipped({"word/styles.xml": part("styles", "fails once")}))
    with pytest.raises(ValueError):
        opc.shared("/word/styles.xml", build)
    assert opc.shared("/word/styles.xml", build) == "built"
    assert len(attempts) == 2


def test_without_the_zip_bytes_nothing_is_shared():
    archive, _ = zipped({"word/styles.xml": part("styles")})
    opc = Package(archive)
    assert opc.fingerprint("/word/styles.xml") is None
    assert opc.shared("/word/styles.xml", lambda root: [root]) is not opc.shared(
        "/word/styles.xml", lambda root: [root])
