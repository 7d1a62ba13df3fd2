"""Korean page estimates against LibreOffice renders (exact mode), at test time.

Gated like tests/test_layout_exact.py: skipped only where ``soffice`` is absent
and CI is not set. The Korean font is fonts-nanum (Debian), which .ci/run
installs; the fixtures are rendered as they are, and the page estimate must
land within ``TOLERANCE`` pages of LibreOffice's count (pages - 1 + the used
share of the last page) and on the same whole page count.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from memolint.layout.engine import layout_document
from memolint.layout.exact import exact_layout
from memolint.layout.model import PageModel
from memolint.readers import read_document
from tests.test_layout_exact import needs_soffice

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
#: Measured: ko-six-pager.md 0.093 over, .docx 0.007, ko-prfaq.md and .docx within 0.001.
TOLERANCE = 0.12


@needs_soffice
@pytest.mark.parametrize("name", ["ko-six-pager.md", "ko-six-pager.docx", "ko-prfaq.docx"])
def test_korean_page_estimate_matches_the_libreoffice_render(name):
    document = read_document(str(FIXTURES / name))
    rendered = exact_layout(document, PageModel(pages="exact"))
    estimate = layout_document(document, PageModel())
    assert rendered.source == "exact"
    assert abs(estimate.pages - rendered.pages) <= TOLERANCE
    assert math.ceil(estimate.pages) == rendered.page_count
