"""Inline suppressions: parsing the directives and applying them to findings.

The syntax follows markdownlint, which memo writers in doc repos already know::

    <!-- memolint-disable B001 long-sentence -->   ... until enabled again
    <!-- memolint-enable B001 -->                  (no codes: enable all)
    <!-- memolint-disable-next-line R001 -->
    <!-- memolint-disable-line R001 -->            (trailing, same line)
    <!-- memolint-disable-file -->

DOCX documents say the same words in a Word comment anchored on a paragraph.
Codes and names may be separated by spaces or commas; none means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from memolint.document import Suppression

_DIRECTIVE = re.compile(
    r"memolint-(?P<action>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<codes>[^>]*?)(?:-->|$)",
    re.IGNORECASE,
)


def parse_directives(text: str, line: int) -> list[Suppression]:
    """Every directive in a comment's text, standing at ``line``."""
    found = []
    for match in _DIRECTIVE.finditer(text):
        codes = frozenset(c for c in re.split(r"[\s,]+", match["codes"].strip()) if c)
        found.append(Suppression(match["action"].lower(), codes, line))  # type: ignore[arg-type]
    return found


def build_filter(
    suppressions: Iterable[Suppression], resolve: Callable[[str], str | None]
) -> SuppressionFilter:
    """The suppression filter of one document (see :class:`SuppressionFilter`)."""
    return SuppressionFilter(suppressions, resolve)


class SuppressionFilter:
    """``filter(code, line)`` says whether a finding is silenced, and remembers why.

    ``resolve`` turns a code or name as written into a rule code (or ``None``
    when unknown). Ranges are evaluated in line order, so a later ``enable``
    ends an earlier ``disable`` of the same code. Every directive that silences
    at least one finding is marked used, so :meth:`unused` can report the
    stale ones (the ``unused-suppression`` rule), as ruff's RUF100 does.
    """

    def __init__(self, suppressions: Iterable[Suppression],
                 resolve: Callable[[str], str | None]) -> None:
        #: (directive, resolved codes or None for "all") for every directive.
        self.directives: list[tuple[Suppression, frozenset[str] | None]] = []
        for s in sorted(suppressions, key=lambda s: s.line):
            codes = frozenset(c for c in (resolve(x) for x in s.codes) if c) if s.codes else None
            self.directives.append((s, codes))
        self._used: set[int] = set()

    def __call__(self, code: str, line: int) -> bool:
        """Whether a finding of ``code`` starting on ``line`` is silenced."""
        responsible = self._single(code, line)
        responsible += self._file_wide(code)
        ranged = self._range(code, line)
        if ranged is not None:
            responsible.append(ranged)
        self._used.update(responsible)
        return bool(responsible)

    def unused(self) -> list[tuple[Suppression, frozenset[str] | None]]:
        """Disabling directives that silenced nothing (``enable`` never counts)."""
        return [(s, codes) for i, (s, codes) in enumerate(self.directives)
                if i not in self._used and s.action != "enable"]

    def _matches(self, codes: frozenset[str] | None, code: str) -> bool:
        return codes is None or code in codes

    def _single(self, code: str, line: int) -> list[int]:
        found = []
        for i, (s, codes) in enumerate(self.directives):
            if s.action in ("disable-next-line", "disable-line") and self._matches(codes, code):
                target = s.target_line or (
                    s.line + 1 if s.action == "disable-next-line" else s.line)
                if target == line:
                    found.append(i)
        return found

    def _file_wide(self, code: str) -> list[int]:
        return [i for i, (s, codes) in enumerate(self.directives)
                if s.action == "disable-file" and self._matches(codes, code)]

    def _range(self, code: str, line: int) -> int | None:
        """The ``disable`` directive whose range covers the line, if any."""
        state: int | None = None
        for i, (s, codes) in enumerate(self.directives):
            if s.line > line:
                break
            if s.action in ("disable", "enable") and self._matches(codes, code):
                state = i if s.action == "disable" else None
        return state
