"""``--add-suppressions``: baseline an existing doc repo, like ruff's ``--add-noqa``.

Each Markdown line where a finding starts gets a trailing
``<!-- memolint-disable-line CODES -->``. A trailing inline comment changes
nothing a reader sees and cannot split a paragraph or end a list, which a
comment on a line of its own could. Files are rewritten atomically (a temp
file in the same folder, then a rename), keep their permissions and line
endings, and are only touched when the user asks. DOCX files are left alone:
their directives live in Word comments, which memolint does not write.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from memolint.engine import INTERNAL_CODE, FileResult

_LINE_END = re.compile(r"(\r\n|\r|\n)?$")


def add_suppressions(results: Sequence[FileResult], never: frozenset[str]) -> tuple[int, int]:
    """Write directives for every finding; return (directives added, files changed).

    ``never`` holds codes that must not be suppressed this way (internal
    errors, and the unused-suppression rule, which would chase its own tail).
    """
    added = changed = 0
    for result in results:
        if result.format != "markdown" or result.error or not os.path.isfile(result.path):
            continue
        codes_by_line: dict[int, set[str]] = defaultdict(set)
        for d in result.diagnostics:
            if d.code not in never and d.code != INTERNAL_CODE:
                codes_by_line[d.line].add(d.code)
        if codes_by_line:
            added += _rewrite(Path(result.path), codes_by_line)
            changed += 1
    return added, changed


def _rewrite(path: Path, codes_by_line: dict[int, set[str]]) -> int:
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines(keepends=True)
    skip = _front_matter_lines(lines)
    count = 0
    for number, codes in codes_by_line.items():
        index = number - 1
        if index >= len(lines) or index in skip:
            continue
        line = lines[index]
        ending = _LINE_END.search(line).group(1) or ""  # type: ignore[union-attr]
        body = line[: len(line) - len(ending)]
        lines[index] = f"{body} <!-- memolint-disable-line {' '.join(sorted(codes))} -->{ending}"
        count += 1
    text = "".join(lines).encode("utf-8")
    _write_atomically(path, (b"\xef\xbb\xbf" if bom else b"") + text)
    return count


def _front_matter_lines(lines: list[str]) -> set[int]:
    """Indices of YAML front matter lines, where a comment would break the YAML."""
    if not lines or lines[0].strip() != "---":
        return set()
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return set(range(index + 1))
    return set()


def _write_atomically(path: Path, data: bytes) -> None:
    mode = path.stat().st_mode
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
