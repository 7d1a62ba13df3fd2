"""Readers turn a file's bytes into a :class:`~memolint.document.Document`.

This module picks the reader by file name and applies the checks every input
gets before parsing (size, emptiness), so that bad input always becomes an
:class:`~memolint.errors.InputError` with a message naming the file.
"""

from __future__ import annotations

from pathlib import Path

from memolint.document import Document
from memolint.errors import InputError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | DOCX_SUFFIXES

#: Largest input read at all. A six-page memo is ~30 KB of Markdown or a few
#: hundred KB of DOCX with pictures; 50 MB leaves room for image-heavy files.
MAX_INPUT_BYTES = 50 * 1024 * 1024


def format_for(name: str) -> str | None:
    """``"markdown"``, ``"docx"`` or ``None`` for a file name we do not read."""
    suffix = Path(name).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix == ".doc":
        return "doc"
    return None


def read_document(path: str, data: bytes | None = None) -> Document:
    """Read ``path`` (or ``data`` standing in for it) into a Document.

    Raises InputError for anything that is not a readable memo.
    """
    kind = format_for(path)
    if kind is None:
        raise InputError(
            "unsupported",
            f"{path}: not a Markdown or DOCX file; memolint reads .md, .markdown and .docx",
        )
    if kind == "doc":
        raise InputError(
            "old-format",
            f"{path}: old Word .doc format is not supported; save it as .docx and lint that",
        )
    if data is None:
        data = _read_bytes(path)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            "too-large",
            f"{path}: file is {len(data) // (1024 * 1024)} MB, larger than the "
            f"{MAX_INPUT_BYTES // (1024 * 1024)} MB memolint reads; is it really a memo?",
        )
    if not data.strip():
        raise InputError("empty", f"{path}: file is empty; nothing to lint")
    if kind == "markdown":
        from memolint.readers.markdown import read_markdown

        return read_markdown(data, path)
    from memolint.readers.docx import read_docx

    return read_docx(data, path)


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError("not-found", f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError("unreadable", f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError("unreadable", f"{path}: cannot read file ({exc.strerror})") from None
