"""Reporters: each turns the run's results into text for one audience.

A reporter is a function ``render(results, options) -> str``. The CLI picks
one by ``--format``; adding a format means adding a module and a line here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the CLI reads FORMATS without loading the engine
    from memolint.engine import FileResult


class ReportOptions(NamedTuple):
    """How the user asked to see results."""

    color: bool = False
    quiet: bool = False


Reporter = Callable[[Sequence["FileResult"], ReportOptions], str]


#: ``--format`` value → module of ``memolint.report`` that renders it (imported on use).
_MODULES = {
    "text": "text",
    "json": "json",
    "json-lines": "jsonlines",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}
FORMATS = tuple(_MODULES)


def get_reporter(name: str) -> Reporter:
    """The reporter for a ``--format`` value."""
    module = importlib.import_module(f"memolint.report.{_MODULES[name]}")
    return module.render
