"""The layout package's stable entry points for the rest of memolint.

Callers import from here; the engine, fonts and line breaking behind it are
free to change. ``pages`` counts from the layout engine, or from LibreOffice
when the page model asks for exact mode.
"""

from __future__ import annotations

from memolint.document import Document
from memolint.layout.engine import Layout, layout_document
from memolint.layout.model import PageModel, page_model_from_config

__all__ = ["Layout", "PageModel", "estimate_pages", "layout_document", "page_model_from_config"]


def estimate_pages(document: Document, model: PageModel, split_at: int) -> tuple[float, float]:
    """(total pages, pages before block ``split_at``), as fractions of a page."""
    layout = layout_document(document, model)
    return layout.pages, round(layout.pages_before(split_at), 3)
