"""Page estimates for Korean memos against LibreOffice, rendered at run time.

Usage::

    python bench/pages_korean.py

Generates seeded Korean memos (``tests/korean_memo.py``: original prose) of
about 2 to 8 pages, as DOCX naming NanumGothic, as DOCX naming Malgun Gothic
(which LibreOffice substitutes), and as Markdown through the page model.
Each is laid out by memolint and rendered by LibreOffice (exact mode), and
the script prints truth vs estimate in fractional pages. Needs ``soffice``
and ``pdftotext`` (poppler) with fonts-nanum installed; reads nothing from
``../shared``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from memolint.layout.estimate import layout_document
from memolint.layout.exact import exact_layout
from memolint.layout.model import PageModel
from memolint.readers.docx import read_docx
from memolint.readers.markdown import read_markdown
from tests.korean_memo import docx_bytes, markdown, memo

#: (seed, sections): about 2, 4, 6 and 8 pages.
SIZES = ((11, 4), (12, 8), (13, 12), (14, 16))


def documents(work: Path) -> list[tuple[str, object]]:
    """Every generated document, saved in ``work`` and read by memolint: (label, Document)."""
    out = []
    for seed, sections in SIZES:
        blocks = memo(seed, sections)
        for font in ("NanumGothic", "Malgun Gothic"):
            path = work / f"{seed}-{font.replace(' ', '')}.docx"
            path.write_bytes(docx_bytes(blocks, font))
            out.append((f"docx {font} s{seed}", read_docx(path.read_bytes(), str(path))))
        out.append((f"md s{seed}", read_markdown(markdown(blocks).encode(), f"{seed}.md")))
    return out


def main() -> None:
    model = PageModel()
    errors = []
    print(f"{'document':28} {'truth':>7} {'estimate':>8} {'error':>7}")
    with tempfile.TemporaryDirectory() as work:
        rows = documents(Path(work))
        for label, document in rows:
            errors.append(_compare(label, document, model))
    absolute = [abs(e) for e in errors]
    print(f"median |error| {statistics.median(absolute):.3f}, max {max(absolute):.3f}")


def _compare(label: str, document: object, model: PageModel) -> float:
    """Print one document's truth and estimate; return the error in pages."""
    truth = exact_layout(document, model).pages  # type: ignore[arg-type]
    estimate = layout_document(document, model).pages  # type: ignore[arg-type]
    match = "" if _whole(truth) == _whole(estimate) else "  MISS"
    print(f"{label:28} {truth:7.3f} {estimate:8.3f} {estimate - truth:+7.3f}{match}")
    return estimate - truth


def _whole(pages: float) -> int:
    return max(1, -int(-pages // 1))


if __name__ == "__main__":
    main()
