"""Where a finding is, said the way CI tools need it.

CI formats address files by line and column. For DOCX, memolint's ``line``
is the paragraph number, which a code viewer cannot show in a binary file, so
these reporters also say "paragraph N" in words where a person reads them.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

from memolint.diagnostics import Diagnostic
from memolint.engine import FileResult


def is_docx(result: FileResult) -> bool:
    """Whether the result's lines are DOCX paragraph numbers."""
    return result.format == "docx"


def paragraph_note(result: FileResult, diagnostic: Diagnostic) -> str:
    """``"paragraph 12"`` (or ``"paragraphs 12-14"``) for DOCX; ``""`` otherwise."""
    if not is_docx(result):
        return ""
    if diagnostic.end_line > diagnostic.line:
        return f"paragraphs {diagnostic.line}-{diagnostic.end_line}"
    return f"paragraph {diagnostic.line}"


def located_message(result: FileResult, diagnostic: Diagnostic) -> str:
    """The finding's message, with the DOCX paragraph appended when there is one."""
    note = paragraph_note(result, diagnostic)
    return f"{diagnostic.message} ({note})" if note else diagnostic.message


def relative_posix(path: str) -> str | None:
    """The path relative to the working directory in ``/`` form, or None if outside it."""
    try:
        relative = os.path.relpath(Path(path).resolve(), Path.cwd().resolve())
    except ValueError:  # another drive on Windows
        return None
    if relative == ".." or relative.startswith(".." + os.sep):
        return None
    return Path(relative).as_posix()


def uri_for(path: str) -> tuple[str, bool]:
    """(URI, whether it is relative to the working directory) for a result path."""
    relative = relative_posix(path)
    if relative is not None:
        return quote(relative), True
    return Path(path).resolve().as_uri(), False
