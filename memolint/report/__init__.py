"""Reporters: each turns the run's results into text for one audience.

A reporter is a function ``render(results, options) -> str``. The CLI picks
one by ``--format``; adding a format means adding a module and a line here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from memolint.engine import FileResult


@dataclass(frozen=True)
class ReportOptions:
    """How the user asked to see results."""

    color: bool = False
    quiet: bool = False


Reporter = Callable[[Sequence[FileResult], ReportOptions], str]


def get_reporter(name: str) -> Reporter:
    """The reporter for a ``--format`` value."""
    if name == "json":
        from memolint.report.json import render
    else:
        from memolint.report.text import render
    return render


FORMATS = ("text", "json")
