"""The work of ``memolint check``, without the command line library.

:mod:`memolint.cli` calls these after click has parsed the options, and
:mod:`memolint.__main__` calls the same functions for the plain forms of
``check`` it parses itself (:mod:`memolint.quickcheck`), so a cached re-run
skips click's import yet prints, writes to the cache and exits exactly as the
command line does. Nothing heavy is imported here: the runner imports spaCy
and the rules only when a file is not answered from the cache.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from memolint.engine import FileResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def overrides(**options: Any) -> dict[str, Any]:
    """CLI options that override config, validated like config values."""
    from memolint.config import parse_table

    table = {key: list(value) if isinstance(value, tuple) else value
             for key, value in options.items() if value not in (None, ())}
    return parse_table(table, "command line", Path.cwd())


def use_color(flag: bool | None) -> bool:
    """``--color/--no-color``, else color when stdout is a terminal and NO_COLOR is unset."""
    if flag is not None:
        return flag
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def lint(paths: list[str], settings: dict[str, Any], config_path: Path | None,
         stdin_filename: str | None, jobs: str, no_cache: bool,
         cache_dir: Path | None) -> list[FileResult]:
    """Every document's result: from the cache where it holds one, else linted."""
    from memolint.cache import ResultCache
    from memolint.runner import resolve_jobs, run

    if settings.get("pages") == "exact":
        from memolint.layout.exact import find_soffice

        find_soffice()
    cache = None if no_cache else ResultCache(cache_dir)
    return run(paths, settings, config_path, stdin_filename, jobs=resolve_jobs(jobs),
               cache=cache)


def render(results: list[FileResult], output_format: str, color: bool, quiet: bool) -> str:
    """The report in any format but ``html`` (which reads the memos again)."""
    from memolint.report import ReportOptions, get_reporter

    return get_reporter(output_format)(results, ReportOptions(color, quiet))


def exit_code(results: list[FileResult], exit_zero: bool) -> int:
    """2 when a file could not be linted, 1 for findings at or above ``fail-on``, else 0."""
    from memolint.diagnostics import SEVERITY_RANK

    if any(r.error for r in results):
        return EXIT_ERROR
    failing = any(
        SEVERITY_RANK[d.severity] >= SEVERITY_RANK[r.fail_on]
        for r in results for d in r.diagnostics
    )
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_OK
