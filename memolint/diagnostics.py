"""Findings: what a rule reports and what a reporter prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

#: Severity order, lowest first; ``--fail-on`` compares against it.
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    """What a rule kind yields: a message about a span of one block.

    ``start``/``end`` are offsets into ``block.text``; ``end=None`` means the
    whole block. A kind may raise or lower the rule's severity for one finding
    (e.g. bullet density: warning above 20 %, error above 40 %).
    """

    block_index: int
    message: str
    start: int = 0
    end: int | None = None
    severity: Severity | None = None
    fix: str | None = None
    #: For findings that span several blocks: the last block's index.
    end_block_index: int | None = None


@dataclass
class Diagnostic:
    """A located finding, ready for filters and reporters (the JSON contract)."""

    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str = ""
    fix: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[int, int, str]:
        """Findings are ordered by position, then code, as linters do."""
        return (self.line, self.column, self.code)

    def to_json(self) -> dict[str, Any]:
        """The diagnostic object of the JSON output contract."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "snippet": self.snippet,
            "fix": self.fix,
        }
