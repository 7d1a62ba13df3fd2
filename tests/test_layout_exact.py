"""Exact mode: LibreOffice renders the document and its pages are counted.

These tests need ``soffice``. They are skipped only where it is absent and CI
is not running; in CI (``CI`` set) a missing LibreOffice makes them fail, so
the exact path is always exercised where it is supposed to be installed.
"""

from __future__ import annotations

import io
import os
import shutil

import docx
import pytest
from docx.enum.text import WD_BREAK

from memolint.layout.exact import count_pdf_pages, exact_layout
from memolint.layout.model import PageModel
from memolint.readers.docx import read_docx
from memolint.readers.markdown import read_markdown

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed and CI is not set",
)


def test_pdf_page_objects_are_counted_not_the_pages_tree():
    pdf = (b"%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R] /Count 2>> endobj\n"
           b"2 0 obj <</Type /Page /Parent 1 0 R>> endobj\n"
           b"3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n")
    assert count_pdf_pages(pdf) == 2


@needs_soffice
def test_markdown_is_rendered_under_the_page_model():
    text = "# Memo\n\n" + "".join(f"Paragraph {n} of the memo.\n\n" for n in range(50))
    document = read_markdown(text.encode(), "memo.md")
    layout = exact_layout(document, PageModel(pages="exact"))
    assert layout.source == "exact"
    assert layout.page_count == 2        # 33 one-line paragraphs fill a page
    assert len(layout.spans) == len(document.blocks)


@needs_soffice
def test_docx_is_rendered_as_saved(tmp_path):
    out = docx.Document()
    for page in range(3):
        out.add_paragraph(f"Page {page + 1} text.")
        if page < 2:
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    path = tmp_path / "three.docx"
    out.save(str(path))
    document = read_docx(path.read_bytes(), str(path))
    layout = exact_layout(document, PageModel(pages="exact"))
    assert layout.page_count == 3
    assert 2.0 < layout.pages < 2.2


@needs_soffice
def test_exact_mode_needs_the_docx_on_disk():
    from memolint.errors import ConfigError

    data = io.BytesIO()
    docx.Document().save(data)
    document = read_docx(data.getvalue(), "stdin.docx")
    with pytest.raises(ConfigError, match="needs the DOCX file on disk"):
        exact_layout(document, PageModel(pages="exact"))
