"""Property tests: the readers take any input without crashing.

Markdown: any text reads into a Document (or a clean InputError) whose every
position lies inside the file, and line endings never change a finding.
DOCX: a valid package with bytes flipped, cut short or with its XML mangled
reads into a Document or a clean InputError. Example counts stay modest so
the suite stays fast; fuzz/atheris_markdown.py is for long runs.
"""

from __future__ import annotations

import io
import zipfile

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memolint.config import Settings
from memolint.document import Document
from memolint.engine import lint_file
from memolint.errors import InputError
from memolint.readers.docx import read_docx
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry
from tests.test_docx_reader import rezip

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Pieces Markdown is made of, so generated text exercises the parser's paths.
PIECES = ["# ", "## ", "- ", "  - ", "1. ", "> ", "* ", "**", "_", "`", "```", "~~", "[", "](",
          ")", "![", "<!-- ", " -->", "memolint-disable B001", "<br>", "|", "|---|", "\\",
          "&amp;", "---", "\t", " ", "  ", "\n", "\n\n", "\r\n", "\r", "word", "Sentence. ",
          "é", "👍", "\u200b", "http://x.y/z", "[x]: /u", "<b>", "1)", "+ ", "===",
          "\ufeff", "[ ] ", "\x0c"]
markdown_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=60).map("".join)


def read(text: str) -> Document | None:
    try:
        return read_markdown(text.encode("utf-8", "surrogatepass"), "fuzz.md")
    except InputError:
        return None


@FAST
@given(markdown_text)
def test_any_text_reads_and_every_position_is_inside_the_file(text):
    document = read(text)
    if document is None:
        return
    decoded = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = decoded.split("\n")
    for block in document.blocks:
        places = [block.source.position(offset) for offset in range(len(block.text) + 1)]
        for place in [*places, block.end]:
            assert 1 <= place.line <= len(lines), (block, place)
            assert 1 <= place.column <= len(lines[place.line - 1].expandtabs(4)) + 1, (block,
                                                                                          place)


def _findings(text: str, registry: Registry) -> list[tuple]:
    result = lint_file("fuzz.md", Settings(nlp_model="blank"), registry, text.encode())
    if result.error:
        return [result.error["kind"]]
    return [(d.code, d.line, d.column, d.end_line, d.end_column, d.message)
            for d in result.diagnostics]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text.map(lambda t: t.replace("\r", "")))
def test_findings_do_not_depend_on_line_endings(text):
    registry = Registry.load()
    assert _findings(text, registry) == _findings(text.replace("\n", "\r\n"), registry)


def _small_docx() -> bytes:
    document = docx.Document()
    document.add_heading("Proposal", 1)
    document.add_paragraph("We propose one ticketing system for all support teams.")
    document.add_paragraph("Faster onboarding", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "a"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SMALL_DOCX = _small_docx()
MAIN_XML = zipfile.ZipFile(io.BytesIO(SMALL_DOCX)).read("word/document.xml")


def _reads_or_refuses(data: bytes) -> None:
    try:
        read_docx(data, "fuzz.docx")
    except InputError as error:
        assert error.message.startswith("fuzz.docx: ")


@FAST
@given(st.lists(st.tuples(st.integers(0, len(SMALL_DOCX) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))
def test_docx_with_flipped_bytes_reads_or_is_refused(flips):
    data = bytearray(SMALL_DOCX)
    for offset, value in flips:
        data[offset] = value
    _reads_or_refuses(bytes(data))


@FAST
@given(st.integers(0, len(SMALL_DOCX)))
def test_docx_cut_short_reads_or_is_refused(length):
    _reads_or_refuses(SMALL_DOCX[:length])


@FAST
@given(st.integers(0, len(MAIN_XML) - 1), st.integers(0, 40),
       st.sampled_from([b"", b"<", b">", b"&", b"<w:p>", b"</w:p>", b"<w:tbl>", b"\x00",
                        b"<w:numPr><w:numId w:val=\"99\"/></w:numPr>", b'w:val="x"', b"\xff"]))
def test_docx_with_mangled_xml_reads_or_is_refused(offset, cut, insert):
    xml = MAIN_XML[:offset] + insert + MAIN_XML[offset + cut :]
    _reads_or_refuses(rezip(SMALL_DOCX, {"word/document.xml": xml}))
