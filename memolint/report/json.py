"""The JSON report: the machine-readable contract (see DESIGN, JSON output)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from memolint import __version__
from memolint.engine import FileResult
from memolint.report import ReportOptions


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    """One JSON object: the version and one entry per file, in input order."""
    payload = {"memolint": __version__, "files": [r.to_json() for r in results]}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
