"""Highlights in running text: nested ``<mark>`` elements, one primary per finding.

Findings overlap (a long sentence holds a weasel word; a bullet-density
finding covers a whole list), and HTML elements must nest. The text is cut at
every span boundary; each piece is wrapped in the marks that cover it, outer
(earlier, longer) first. When a span ends while a later one is still open,
the later one is closed and reopened: the reopened piece is a *continuation*.
The first piece of each finding, in document order, is its *primary* mark:
the one with the id a panel entry scrolls to, and the one the tests count.
All text is escaped here; nothing from the memo reaches the page unescaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise


@dataclass(frozen=True)
class Span:
    """A finding's range in one block's text; ``start == end`` is a point."""

    finding: int
    start: int
    end: int


#: Renders an opening tag for a finding: (finding number, is primary) -> ``<mark ...>``.
OpenTag = Callable[[int, bool], str]


@dataclass
class Marker:
    """Renders text windows of one document, remembering which findings it has placed."""

    open_tag: OpenTag
    placed: set[int] = field(default_factory=set)

    def text(self, text: str, lo: int, hi: int, spans: Iterable[Span],
             breaks: dict[int, str] | None = None) -> str:
        """``text[lo:hi]`` escaped, with marks for the spans and HTML at ``breaks``.

        A break (an offset → HTML, e.g. a page-end line) closes every open
        mark and reopens it after, so the inserted element is never inside one.
        """
        breaks = {k: v for k, v in (breaks or {}).items() if lo < k < hi}
        ranges = [s for s in spans if s.start < s.end and s.start < hi and s.end > lo]
        points = [s for s in spans if s.start >= s.end and lo <= s.start <= hi]
        cuts = sorted({lo, hi, *breaks, *(s.start for s in points),
                       *(max(s.start, lo) for s in ranges),
                       *(min(s.end, hi) for s in ranges)})
        out: list[str] = []
        stack: list[Span] = []
        for a, b in pairwise(cuts):
            if a in breaks:
                out.append("</mark>" * len(stack) + breaks[a])
                stack = []
            out.extend(self._points(points, a))
            active = sorted((s for s in ranges if s.start <= a and s.end >= b),
                            key=lambda s: (s.start, -s.end, s.finding))
            keep = 0
            while keep < min(len(stack), len(active)) and stack[keep] == active[keep]:
                keep += 1
            out.append("</mark>" * (len(stack) - keep))
            for span in active[keep:]:
                out.append(self.open_tag(span.finding, span.finding not in self.placed))
                self.placed.add(span.finding)
            stack = active
            out.append(html.escape(text[a:b]))
        out.append("</mark>" * len(stack))
        out.extend(self._points(points, hi))
        return "".join(out)

    def _points(self, points: list[Span], at: int) -> list[str]:
        """Empty primary marks for point findings at ``at`` not yet placed."""
        out = []
        for span in points:
            if span.start == at and span.finding not in self.placed:
                self.placed.add(span.finding)
                out.append(self.open_tag(span.finding, True) + "</mark>")
        return out
