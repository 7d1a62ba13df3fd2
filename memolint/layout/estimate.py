"""The layout package's stable entry points for the rest of memolint.

Callers import from here; the engine, fonts and line breaking behind it are
free to change. ``pages`` counts from the layout engine, or from LibreOffice
when the page model asks for exact mode (see ``Analysis.layout``).
"""

from __future__ import annotations

from memolint.layout.engine import Layout, layout_document
from memolint.layout.model import PageModel, page_model_from_config

__all__ = ["Layout", "PageModel", "layout_document", "page_model_from_config"]
