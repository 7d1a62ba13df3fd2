"""The text report: one line per finding, then one verdict line per file.

``path:line:col: CODE [severity] message`` is the shape editors, terminals
and grep already understand (for DOCX, ``line`` is the paragraph number).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from memolint.engine import FileResult
from memolint.report import ReportOptions

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    """Findings and verdicts for every file."""
    lines: list[str] = []
    for result in results:
        if result.error:
            lines.append(_paint(f"error: {result.error['message']}", "red", options, bold=True))
            continue
        if not options.quiet:
            for d in result.diagnostics:
                where = f"{result.path}:{d.line}:{d.column}:"
                tag = _paint(f"{d.code} [{d.severity}]", _COLORS[d.severity], options)
                lines.append(f"{_paint(where, None, options, bold=True)} {tag} {d.message}")
        lines.append(verdict(result))
    return "\n".join(lines) + ("\n" if lines else "")


def verdict(result: FileResult) -> str:
    """``memo.md: 5.4 of 6 pages, 2 errors, 3 warnings`` (body pages)."""
    metrics = result.metrics
    counts = Counter(d.severity for d in result.diagnostics)
    parts = [f"{metrics['body_pages']:.1f} of {metrics['max_pages']:g} pages"]
    for severity in ("error", "warning", "info"):
        if counts[severity]:
            n = counts[severity]
            parts.append(f"{n} {severity}{'s' if n != 1 else ''}" if severity != "info"
                         else f"{n} info")
    if not result.diagnostics:
        parts.append("no findings")
    return f"{result.path}: {', '.join(parts)}"


def _paint(text: str, color: str | None, options: ReportOptions, bold: bool = False) -> str:
    if not options.color:
        return text
    import click  # only for color: a cached re-run into a pipe never imports it

    return click.style(text, fg=color, bold=bold)
