"""The memo as a reader sees it, in HTML, with findings and page ends in place.

Headings, paragraphs, lists, tables, code and quotes are rendered from the
document model, so Markdown and DOCX look alike. Three things are drawn into
the text: each finding's highlight (:mod:`memolint.report.html_marks`), a
line where each estimated page ends (from the same layout the page rules
use), and a readability chip beside each paragraph (its Flesch-Kincaid grade
as a heat color).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from memolint.analysis import Analysis
from memolint.diagnostics import Anchor
from memolint.document import Block
from memolint.readability import LANGUAGES as FLESCH_LANGUAGES
from memolint.readability import scores_of
from memolint.report.html_marks import Marker, Span

#: Flesch-Kincaid grade ceilings of the heat classes g0..g5 (g5 is anything above).
GRADE_STEPS = (8.0, 10.0, 12.0, 14.0, 16.0)
#: Kinds whose page end can fall between words (others get a line after the block).
_FLOWING = frozenset({"paragraph", "list_item", "quote"})


@dataclass(frozen=True)
class PageEnd:
    """Where page ``page`` ends: before block ``block``, or at ``offset`` in its text."""

    block: int
    offset: int | None
    page: int
    after: bool = False


def page_ends(analysis: Analysis) -> list[PageEnd]:
    """Every page end but the last, located in the text by the layout.

    A block that straddles a page end is cut in proportion to its height,
    snapped forward to a space: an estimate of the line, as good as the
    layout's own (which knows lines but not which words are on them).
    """
    layout, blocks = analysis.layout, analysis.document.blocks
    ends: list[PageEnd] = []
    for page in range(1, layout.page_count):
        for index, (start, end) in enumerate(layout.spans):
            if end <= page:
                continue
            if start >= page or end <= start:
                ends.append(PageEnd(index, None, page))
            elif blocks[index].kind in _FLOWING:
                ends.append(PageEnd(index, _cut(blocks[index].text, (page - start) / (end - start)),
                                    page))
            else:
                ends.append(PageEnd(index, None, page, after=True))
            break
    return ends


def _cut(text: str, share: float) -> int | None:
    """The offset of the first space at or after ``share`` of the text, or None at its end."""
    at = text.find(" ", int(len(text) * share))
    return at + 1 if 0 < at < len(text) - 1 else None


def paragraph_grades(analysis: Analysis) -> dict[int, float]:
    """Flesch-Kincaid grade of each English paragraph or quote with prose, by block index.

    The formulas are English-only: a Korean or German paragraph gets no grade
    (its chip stays empty) rather than a number without meaning.
    """
    by_block = defaultdict(list)
    for sentence in analysis.sentences_for(FLESCH_LANGUAGES):
        by_block[sentence.block_index].append(sentence)
    grades = {}
    for index, sentences in by_block.items():
        scores = scores_of(sentences)
        if scores and analysis.document.blocks[index].kind in ("paragraph", "quote"):
            grades[index] = scores.flesch_kincaid_grade
    return grades


def grade_class(grade: float) -> str:
    """The heat class of a grade: ``g0`` (easy) to ``g5`` (hard)."""
    return f"g{sum(1 for step in GRADE_STEPS if grade > step)}"


class MemoWriter:
    """Writes one document's blocks as HTML."""

    def __init__(self, analysis: Analysis, spans: dict[int, list[Span]], marker: Marker,
                 limit: float) -> None:
        self.analysis = analysis
        self.blocks = analysis.document.blocks
        self.spans = spans
        self.marker = marker
        self.grades = paragraph_grades(analysis)
        self.limit = limit
        self.ends: dict[int, list[PageEnd]] = defaultdict(list)
        for end in page_ends(analysis):
            self.ends[end.block].append(end)
        self.lists: list[str] = []  # open list tags, outermost first

    def render(self) -> str:
        """The memo's HTML."""
        out: list[str] = []
        appendix = self.analysis.appendix_start
        for index, block in enumerate(self.blocks):
            if block.kind != "list_item":
                out.append(self._close_lists(0))
            if index == appendix and index > 0:
                out.append('<div class="appendix-start" role="separator">appendix: not counted '
                           "in the page budget</div>")
            out.extend(self._page_line(e) for e in self.ends[index] if e.offset is None
                       and not e.after)
            out.append(self._block(index, block))
            out.extend(self._page_line(e) for e in self.ends[index] if e.after)
        out.append(self._close_lists(0))
        return "".join(out)

    # -- page ends -------------------------------------------------------
    def _page_label(self, end: PageEnd) -> str:
        body = end.block < self.analysis.appendix_start or end.offset is not None
        if end.page == self.limit and body:
            return f"page {end.page} ends here: the end of the {self.limit:g}-page budget"
        where = "in the block above" if end.after else "here"
        return f"page {end.page} ends {where}"

    def _page_line(self, end: PageEnd, inline: bool = False) -> str:
        label = html.escape(self._page_label(end))
        limit = " limit" if "budget" in label else ""
        tag = "span" if inline else "div"
        return (f'<{tag} class="page-end{limit}" role="separator" data-page="{end.page}">'
                f"<span>{label}</span></{tag}>")

    # -- blocks ----------------------------------------------------------
    def _text(self, index: int, lo: int = 0, hi: int | None = None) -> str:
        block = self.blocks[index]
        breaks = {e.offset: self._page_line(e, inline=True)
                  for e in self.ends[index] if e.offset is not None}
        return self.marker.text(block.text, lo, len(block.text) if hi is None else hi,
                                self.spans.get(index, ()), breaks)

    def _block(self, index: int, block: Block) -> str:
        kind = block.kind
        role = html.escape(self.analysis.roles[index])
        if kind == "heading":
            level = min(block.level + 3, 6)
            title = ' class="memo-title"' if block.level == 0 else ""
            return f'<h{level}{title} data-block="{index}">{self._text(index)}</h{level}>'
        if kind == "list_item":
            return self._list_item(index, block)
        if kind == "table":
            return self._table(index, block)
        if kind == "code":
            return f'<pre class="code" data-block="{index}"><code>{self._text(index)}</code></pre>'
        if kind == "page_break":
            return f'<div class="page-break" data-block="{index}">{self._text(index)}' \
                   "<span>page break</span></div>"
        if kind == "thematic_break":
            return f'<hr data-block="{index}">'
        if kind == "image":
            return f'<div class="image" data-block="{index}">{self._text(index)}[picture]</div>'
        grade = self.grades.get(index)
        chip = (f'<span class="grade {grade_class(grade)}" title="Flesch-Kincaid grade '
                f'{grade:.1f}"><span class="sr">reading grade </span>{grade:.0f}</span>'
                if grade is not None else '<span class="grade none"></span>')
        inner = f"<p>{self._text(index)}</p>"
        if kind == "quote" or block.quoted:
            inner = f"<blockquote>{inner}</blockquote>"
        manual = " manual" if block.manual_bullet else ""
        return (f'<div class="para{manual}" data-block="{index}" data-role="{role}">'
                f"{chip}{inner}</div>")

    def _list_item(self, index: int, block: Block) -> str:
        out = [self._close_lists(block.depth)]
        if len(self.lists) == block.depth and self._list_changed(index):
            out.append(self._close_lists(block.depth - 1))
        while len(self.lists) < block.depth:
            tag = "ol" if block.ordered else "ul"
            out.append(f'<li class="sub"><{tag}>' if self.lists else f"<{tag}>")
            self.lists.append(tag)
        out.append(f'<li data-block="{index}">{self._text(index)}</li>')
        return "".join(out)

    def _list_changed(self, index: int) -> bool:
        """Whether item ``index`` starts a new list at the current depth."""
        previous = self.blocks[index - 1] if index else None
        block = self.blocks[index]
        return (previous is None or previous.kind != "list_item"
                or (previous.depth == block.depth and previous.list_id != block.list_id)
                or ("ol" if block.ordered else "ul") != self.lists[-1])

    def _close_lists(self, depth: int) -> str:
        out = []
        while len(self.lists) > max(depth, 0):
            tag = self.lists.pop()
            out.append(f"</{tag}></li>" if self.lists else f"</{tag}>")
        return "".join(out)

    def _table(self, index: int, block: Block) -> str:
        cells = _cell_ranges(block)
        if cells is None:  # the rows do not match the text: show the text as it is
            return f'<pre class="table-text" data-block="{index}">{self._text(index)}</pre>'
        rows = []
        for number, row in enumerate(cells):
            tag = "th" if number == 0 else "td"
            scope = ' scope="col"' if number == 0 else ""
            rows.append("<tr>" + "".join(f"<{tag}{scope}>{self._text(index, lo, hi)}</{tag}>"
                                         for lo, hi in row) + "</tr>")
        return (f'<div class="table-wrap" data-block="{index}"><table>{"".join(rows)}'
                "</table></div>")


def _cell_ranges(block: Block) -> list[list[tuple[int, int]]] | None:
    """Each cell's (start, end) in the table's text, found in order; None if one is missing."""
    ranges: list[list[tuple[int, int]]] = []
    cursor = 0
    for row in block.rows:
        found = []
        for cell in row:
            at = block.text.find(cell, cursor) if cell else cursor
            if at < 0:
                return None
            found.append((at, at + len(cell)))
            cursor = at + len(cell)
        ranges.append(found)
    return ranges


def spans_by_block(anchored: Sequence[tuple[int, Anchor]], blocks: Sequence[Block]
                   ) -> dict[int, list[Span]]:
    """Per block, the spans of (finding number, anchor) pairs.

    A finding over several blocks covers the rest of its first block and the
    blocks of the same kind up to its last, so a long-list or bullet-density
    finding lights up list items, not the headings and prose between them.
    """
    spans: dict[int, list[Span]] = defaultdict(list)
    for finding, anchor in anchored:
        first, last = anchor.block_index, max(anchor.block_index, anchor.end_block)
        for index in range(first, min(last, len(blocks) - 1) + 1):
            if index != first and blocks[index].kind != blocks[first].kind:
                continue
            length = len(blocks[index].text)
            lo = anchor.start if index == first else 0
            hi = anchor.end if index == last == first and anchor.end is not None else length
            spans[index].append(Span(finding, min(lo, length), min(hi, length)))
    return spans
