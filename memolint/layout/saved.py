"""The page count Word saved: a second opinion, never the verdict.

Word writes ``w:lastRenderedPageBreak`` where each page began when it last
laid the document out, and ``<Pages>`` in ``docProps/app.xml``. Either alone
misleads: python-docx and many generators write ``<Pages>1</Pages>``, marks go
stale after edits by other tools, and a mark is written once per table cell
on a row that crosses a page. When both agree (marks + 1 == ``<Pages>``) they
come from one real pagination, and that count is worth showing next to ours.
"""

from __future__ import annotations

from memolint.document import Document


def saved_pages(document: Document) -> int | None:
    """Pages as the last paginating editor saved them, when marks and ``<Pages>`` agree."""
    if document.format != "docx" or document.stated_pages is None:
        return None
    marks = sum(block.rendered_page_breaks for block in document.blocks)
    if marks and marks + 1 == document.stated_pages:
        return document.stated_pages
    return None
