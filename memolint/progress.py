"""A progress line on stderr, for a person waiting at a terminal.

Shown only when more than a few files are linted, stderr is a terminal and
no ``CI`` variable is set: pipes, pre-commit output and CI logs never get
carriage-return noise. The line is erased when the run ends, so the report
that follows reads exactly as without it.
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

#: Fewer files than this finish before a progress line would help.
MIN_FILES = 5


class Progress:
    """``done/total files`` rewritten in place as files finish."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.enabled = (total >= MIN_FILES and _is_terminal(self.stream)
                        and not os.environ.get("CI"))

    def tick(self) -> None:
        """One more file finished."""
        self.done += 1
        if self.enabled:
            self.stream.write(f"\rmemolint: {self.done}/{self.total} files")
            self.stream.flush()

    def close(self) -> None:
        """Erase the line."""
        if self.enabled and self.done:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
