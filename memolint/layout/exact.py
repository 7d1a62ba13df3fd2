"""Exact mode: let LibreOffice paginate, and count its pages.

``--pages exact`` trades a second or two per file for the renderer's own
answer. DOCX files are converted as they are; Markdown is first written as a
DOCX under the page model (:mod:`memolint.layout.docx_writer`), so both go
through the same renderer the corpus truth came from. LibreOffice runs with
a fixed argument list, a private throw-away profile (``-env:UserInstallation``,
so ``~/.config`` is untouched and parallel runs do not collide) and a timeout.

Block positions still come from the layout engine, scaled so the document
ends where LibreOffice says: the renderer's PDF does not say which paragraph
landed where.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from memolint.document import Document
from memolint.errors import ConfigError
from memolint.layout.engine import Layout, layout_document
from memolint.layout.model import PageModel

TIMEOUT_SECONDS = 120
_SOFFICE_NAMES = ("soffice", "libreoffice")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
_WORD_BOX = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"')
_PAGE_HEIGHT = re.compile(r'<page width="[\d.]+" height="([\d.]+)"')


def find_soffice() -> str:
    """Path of LibreOffice's ``soffice``; a ConfigError that says what to do when absent."""
    for name in _SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ConfigError(
        "--pages exact needs LibreOffice, but 'soffice' is not on PATH; install it "
        "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui fonts-crosextra-carlito "
        "fonts-crosextra-caladea fonts-liberation) or use --pages layout"
    )


def exact_layout(document: Document, model: PageModel) -> Layout:
    """The document's layout with LibreOffice's page count."""
    soffice = find_soffice()
    estimate = layout_document(document, model)
    with tempfile.TemporaryDirectory(prefix="memolint-exact-") as scratch:
        work = Path(scratch)
        source = _source_docx(document, model, work)
        pdf = render_pdf(soffice, source, work)
        pages = count_pdf_pages(pdf.read_bytes())
        top, bottom = _last_margins(document, model)
        fraction = last_page_fraction(pdf, pages, top, bottom)
    if fraction is None:
        fraction = estimate.pages - int(estimate.pages) if estimate.pages else 0.0
    total = round(max(pages - 1, 0) + fraction, 3)
    ratio = total / estimate.pages if estimate.pages else 1.0
    spans = [(start * ratio, end * ratio) for start, end in estimate.spans]
    return estimate._replace(pages=total, spans=spans, source="exact")


def _source_docx(document: Document, model: PageModel, work: Path) -> Path:
    """The DOCX to render: the file itself, or Markdown written under the page model."""
    if document.format == "docx":
        path = Path(document.path)
        if not path.is_file():
            raise ConfigError(f"{document.path}: --pages exact needs the DOCX file on disk")
        target = work / "document.docx"
        shutil.copyfile(path, target)
        return target
    from memolint.layout.docx_writer import write_docx

    target = work / "document.docx"
    write_docx(document, model, target)
    return target


def render_pdf(soffice: str, source: Path, work: Path) -> Path:
    """Convert ``source`` to PDF with LibreOffice in a private profile."""
    profile = work / "profile"
    out = work / "pdf"
    command = [
        soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", str(out), str(source),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise ConfigError(
            f"LibreOffice did not finish within {TIMEOUT_SECONDS} s; use --pages layout"
        ) from None
    pdf = out / (source.stem + ".pdf")
    if not pdf.is_file():
        raise ConfigError("LibreOffice could not render the document; use --pages layout")
    return pdf


def count_pdf_pages(data: bytes) -> int:
    """Pages of a PDF LibreOffice wrote (its page objects are plain dictionaries)."""
    return len(_PAGE_OBJECT.findall(data))


def last_page_fraction(pdf: Path, pages: int, top: float, bottom: float) -> float | None:
    """Share of the last page's text area used, from word boxes (needs poppler's pdftotext).

    The same measure as the corpus truth: the lowest word between the margins.
    ``None`` when pdftotext is not installed.
    """
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None or pages < 1:
        return None
    result = subprocess.run(
        [pdftotext, "-bbox", "-f", str(pages), "-l", str(pages), str(pdf), "-"],
        capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False,
    )
    height_match = _PAGE_HEIGHT.search(result.stdout)
    if height_match is None:
        return None
    height = float(height_match.group(1))
    lows = [float(y_max) for y_min, y_max in _WORD_BOX.findall(result.stdout)
            if float(y_min) >= top - 2 and float(y_max) <= height - bottom + 2]
    if not lows:
        return 0.0
    return min(max((max(lows) - top) / (height - top - bottom), 0.0), 1.0)


def _last_margins(document: Document, model: PageModel) -> tuple[float, float]:
    setup = document.page_setups[-1] if document.format == "docx" else model.setup
    return abs(setup.margin_top_pt), abs(setup.margin_bottom_pt)
