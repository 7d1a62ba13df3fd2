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
) -> Callable[[str, int], bool]:
    """Return ``is_suppressed(code, line)`` for one document.

    ``resolve`` turns a code or name as written into a rule code (or ``None``
    when unknown, in which case the directive names nothing we can match).
    Ranges are evaluated in line order, so a later ``enable`` ends an earlier
    ``disable`` of the same code.
    """
    ordered = sorted(suppressions, key=lambda s: s.line)
    file_wide: set[str] = set()
    file_all = False
    single_lines: dict[int, set[str] | None] = {}
    # (line, codes or None for all, disable?) events for range directives
    events: list[tuple[int, frozenset[str] | None, bool]] = []
    for s in ordered:
        codes = frozenset(c for c in (resolve(x) for x in s.codes) if c) if s.codes else None
        if s.codes and not codes:
            continue
        if s.action == "disable-file":
            if codes is None:
                file_all = True
            else:
                file_wide |= codes
        elif s.action in ("disable-next-line", "disable-line"):
            target = s.target_line or (s.line + 1 if s.action == "disable-next-line" else s.line)
            _add_line(single_lines, target, codes)
        else:
            events.append((s.line, codes, s.action == "disable"))

    def is_suppressed(code: str, line: int) -> bool:
        if file_all or code in file_wide:
            return True
        if line in single_lines:
            on_line = single_lines[line]
            if on_line is None or code in on_line:
                return True
        disabled = False
        for at, codes, disable in events:
            if at > line:
                break
            if codes is None or code in codes:
                disabled = disable
        return disabled

    return is_suppressed


def _add_line(lines: dict[int, set[str] | None], line: int, codes: frozenset[str] | None) -> None:
    if codes is None or lines.get(line, set()) is None:
        lines[line] = None
    else:
        lines.setdefault(line, set()).update(codes)  # type: ignore[union-attr]
