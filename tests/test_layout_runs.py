"""Per-run fonts: inline code in Markdown is measured in the code font."""

from __future__ import annotations

import io

import docx
import pytest

from memolint.layout.docx_writer import write_docx
from memolint.layout.engine import layout_document
from memolint.layout.fonts import face
from memolint.layout.linebreak import Measure, count_lines
from memolint.layout.model import PageModel
from memolint.readers.markdown import read_markdown

BODY = Measure(face("Carlito"), 11.0)
CODE = Measure(face("Liberation Mono"), 10.0)


def test_markdown_reader_records_inline_code_offsets():
    document = read_markdown(b"  Use `foo bar` and `x` now.\n\n- [ ] a `c` d\n", "m.md")
    paragraph, item = document.blocks
    assert paragraph.code_spans == ((4, 11), (16, 17))
    assert [paragraph.text[s:e] for s, e in paragraph.code_spans] == ["foo bar", "x"]
    assert [item.text[s:e] for s, e in item.code_spans] == ["c"]


def test_a_run_in_a_wider_font_wraps_the_line():
    text = "aaaa bbbbbbbb"
    width = BODY.width("aaaa") + BODY.width(" ") + BODY.width("bbbbbbbb") + 0.3
    assert count_lines(text, BODY, width, width) == 1
    assert CODE.width("bbbbbbbb") > BODY.width("bbbbbbbb") + 0.3
    assert count_lines(text, BODY, width, width, runs=((5, 13, CODE),)) == 2


def test_a_run_covering_part_of_a_word_measures_only_that_part():
    text = "xx" + "i" * 30
    narrow = BODY.width("xx") + BODY.width("i" * 30) + 0.1
    # "iii..." in monospace (6 pt each) is far wider than in Carlito.
    assert count_lines(text, BODY, narrow, narrow) == 1
    assert count_lines(text, BODY, narrow, narrow, runs=((2, 32, CODE),)) > 1


def test_spaces_inside_a_code_span_take_the_code_font():
    words = " ".join(["ab"] * 40)
    width = 200.0
    plain = count_lines(words, BODY, width, width)
    coded = count_lines(words, BODY, width, width, runs=((0, len(words), CODE),))
    code_only = count_lines(words, CODE, width, width)
    assert coded == code_only != plain


def test_inline_code_makes_a_markdown_memo_longer():
    paragraph = " ".join(f"`identifier_{n}`" for n in range(60))
    source = ("# Plan\n\n" + (paragraph + "\n\n") * 20).encode()
    document = read_markdown(source, "m.md")
    with_code = layout_document(document, PageModel()).pages
    for block in document.blocks:
        block.code_spans = ()
    assert layout_document(document, PageModel()).pages < with_code - 0.1


def test_docx_writer_puts_inline_code_in_the_code_font(tmp_path):
    document = read_markdown("Run `make test` 한국어.\n".encode(), "m.md")
    target = tmp_path / "m.docx"
    write_docx(document, PageModel(), target)
    runs = docx.Document(io.BytesIO(target.read_bytes())).paragraphs[0].runs
    assert [(r.text, r.font.name, r.font.size.pt) for r in runs] == [
        ("Run ", "Calibri", 11.0), ("make test", "Courier New", 10.0),
        (" 한국어.", "Calibri", 11.0)]
    fonts = runs[2]._element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") \
        == "Malgun Gothic"


@pytest.mark.parametrize("text", ["", "one", "a b c"])
def test_runs_outside_the_text_change_nothing(text):
    assert count_lines(text, BODY, 100.0, 100.0, runs=((50, 60, CODE),)) == \
        count_lines(text, BODY, 100.0, 100.0)
