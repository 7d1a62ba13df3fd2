"""Readers turn a file's bytes into a :class:`~memolint.document.Document`.

This module picks the reader by file name and applies the checks every input
gets before parsing (a regular file, size, emptiness), so that bad input always
becomes an :class:`~memolint.errors.InputError` with a message naming the file.
It imports no parser: the cache reads inputs through :func:`read_input` without
paying for python-docx or markdown-it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from memolint.errors import InputError

if TYPE_CHECKING:  # the cache reads inputs here without the document model
    from memolint.document import Document

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | DOCX_SUFFIXES

#: Largest input read at all. A six-page memo is ~30 KB of Markdown or a few
#: hundred KB of DOCX with pictures; 50 MB leaves room for image-heavy files.
MAX_INPUT_BYTES = 50 * 1024 * 1024
#: Largest Markdown file parsed. Markdown is all text: 8 MB is ~2,400 pages,
#: and parsing costs ~40x the file in memory, so a 50 MB log renamed ``.md``
#: is refused at once instead of taking minutes and gigabytes.
MAX_MARKDOWN_BYTES = 8 * 1024 * 1024


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
        data = read_input(path)
    limit = _limit(kind)
    if len(data) > limit:
        raise InputError(
            "too-large",
            f"{path}: file is {len(data) / (1024 * 1024):.0f} MB, larger than the "
            f"{limit // (1024 * 1024)} MB memolint reads for this format; is it really a memo?",
        )
    if not data.strip():
        raise InputError("empty", f"{path}: file is empty; nothing to lint")
    if kind == "markdown":
        from memolint.readers.markdown import read_markdown

        return read_markdown(data, path)
    from memolint.readers.docx import read_docx

    return read_docx(data, path)


def _limit(kind: str | None) -> int:
    return MAX_MARKDOWN_BYTES if kind == "markdown" else MAX_INPUT_BYTES


#: Read size for a file that grew after it was measured.
_GROWTH_CHUNK = 1 << 16


def _read_capped(handle: BinaryIO, size: int, cap: int) -> bytes:
    """At most ``cap`` bytes, without allocating ``cap`` up front for a small file.

    ``read(cap)`` reserves a buffer of the full cap (megabytes) for every file;
    reading the stated size first and then whatever the file grew by keeps the
    cap and costs only what the file holds.
    """
    chunks = [handle.read(min(size, cap))]
    taken = len(chunks[0])
    while taken < cap and (more := handle.read(min(cap - taken, _GROWTH_CHUNK))):
        chunks.append(more)
        taken += len(more)
    return b"".join(chunks)


def read_input(path: str) -> bytes:
    """The bytes of ``path``, opened read-only; at most one byte past its format's limit.

    Only regular files are read: a FIFO or device named ``memo.md`` would
    block or never end, so the file is opened without blocking and checked
    before the first read.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            status = os.fstat(descriptor)
            if stat.S_ISDIR(status.st_mode):
                raise InputError("unreadable", f"{path}: is a directory")
            if not stat.S_ISREG(status.st_mode):
                raise InputError("unreadable", f"{path}: not a regular file; nothing to lint")
            return _read_capped(handle, status.st_size, _limit(format_for(path)) + 1)
    except FileNotFoundError:
        raise InputError("not-found", f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError("unreadable", f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError("unreadable", f"{path}: cannot read file ({exc.strerror})") from None
