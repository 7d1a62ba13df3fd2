"""The JSON Lines report: one finding per line, for grep, jq and log pipelines.

Each line is the diagnostic object of the JSON contract plus ``path`` and
``format``; a file that could not be read is one line with ``path`` and
``error``. Unlike ``--format json``, nothing is buffered into one document,
so consumers can stream it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from memolint.engine import FileResult
from memolint.report import ReportOptions


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    """One compact JSON object per line."""
    records: list[dict[str, Any]] = []
    for result in results:
        if result.error:
            records.append({"path": result.path, "format": result.format, "error": result.error})
        records += [{"path": result.path, "format": result.format, **d.to_json()}
                    for d in result.diagnostics]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
