"""Findings: what a rule reports and what a reporter prints."""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from memolint.records import MutableRecord
from memolint.severities import SEVERITIES, SEVERITY_RANK

Severity = Literal["error", "warning", "info"]
__all__ = ["SEVERITIES", "SEVERITY_RANK", "Anchor", "Diagnostic", "Finding", "Severity"]


class Finding(NamedTuple):
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


class Anchor(NamedTuple):
    """Where a finding sits in the document model, for reporters that show the memo.

    ``block_index`` and ``start``/``end`` (offsets into that block's text,
    ``end=None`` for the rest of it) as the rule found it; ``end_block`` is the
    last block of a finding that spans several. Not part of the JSON contract.
    """

    block_index: int
    start: int
    end: int | None
    end_block: int


class Diagnostic(MutableRecord):
    """A located finding, ready for filters and reporters (the JSON contract)."""

    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    snippet: str
    fix: str | None
    extra: dict[str, Any]
    #: Set by the engine; None for results read back from the cache or JSON.
    #: Not compared: a cached result equals a fresh one.
    anchor: Anchor | None
    _fields = ("code", "name", "severity", "message", "line", "column", "end_line",
               "end_column", "snippet", "fix", "extra", "anchor")
    _compared = _fields[:-1]

    def __init__(self, code: str, name: str, severity: Severity, message: str, line: int,
                 column: int, end_line: int, end_column: int, snippet: str = "",
                 fix: str | None = None, extra: dict[str, Any] | None = None,
                 anchor: Anchor | dict[str, Any] | None = None) -> None:
        self.code = code
        self.name = name
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.snippet = snippet
        self.fix = fix
        self.extra = {} if extra is None else extra
        # The result cache stores diagnostics as dicts (Record._asdict) and
        # reads them back with Diagnostic(**item): the anchor comes back as a dict.
        self.anchor = Anchor(**anchor) if isinstance(anchor, dict) else anchor

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
