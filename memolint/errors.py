"""Errors that end the processing of one input or of the whole run.

Both carry a message written for the user: it names the file and says what to
do. The CLI prints them on one line and exits 2; it never shows a traceback.
"""

from __future__ import annotations


class MemolintError(Exception):
    """Base class: an expected failure with a user-facing message."""


class InputError(MemolintError):
    """A document could not be read. ``kind`` is a stable short word for JSON."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class ConfigError(MemolintError):
    """A config file, rule pack or command-line option is invalid."""
