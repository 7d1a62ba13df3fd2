"""Turn the command line's paths into lint results, one per document.

Directories are searched for Markdown and DOCX files, skipping the usual
tool and dependency folders and the config's ``exclude`` patterns
(gitignore syntax, relative to the config file). A file named explicitly is
always linted. Results come back in a stable order: arguments as given,
files within a directory sorted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from memolint.config import ConfigResolver, Settings
from memolint.engine import FileResult, lint_file
from memolint.errors import ConfigError
from memolint.readers import SUPPORTED_SUFFIXES
from memolint.registry import Registry

#: Folders never searched: VCS data, environments, caches, dependencies.
SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
    ".memolint_cache", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".tox", "build", "dist",
})


def run(paths: list[str], overrides: dict[str, Any], config: Path | None,
        stdin_filename: str | None) -> list[FileResult]:
    """Lint every document the paths name."""
    resolver = ConfigResolver(config, overrides)
    registries: dict[tuple[Path, ...], Registry] = {}
    results = []
    for path, data, display in _documents(paths, resolver, stdin_filename):
        settings = resolver.settings_for(Path(display))
        registry = registries.get(settings.packs)
        if registry is None:
            registry = registries[settings.packs] = Registry.load(settings.packs)
        results.append(lint_file(path, settings, registry, data, display))
    return results


def _documents(paths: list[str], resolver: ConfigResolver, stdin_filename: str | None
               ) -> Iterator[tuple[str, bytes | None, str]]:
    for argument in paths:
        if argument == "-":
            name = stdin_filename or "stdin.md"
            yield name, sys.stdin.buffer.read(), name
        elif os.path.isdir(argument):
            for found in _walk(Path(argument), resolver):
                yield str(found), None, str(found)
        else:
            yield argument, None, argument


def _walk(root: Path, resolver: ConfigResolver) -> Iterator[Path]:
    """Memo files below ``root``, sorted, minus skipped folders and excludes."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        for name in files:
            path = Path(folder) / name
            is_memo = path.suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith("~$")
            if is_memo and not _excluded(path, resolver.settings_for(path)):
                found.append(path)
    yield from sorted(found)


def _excluded(path: Path, settings: Settings) -> bool:
    if not settings.exclude:
        return False
    import pathspec

    try:
        relative = path.resolve().relative_to(settings.root.resolve())
    except ValueError:
        return False
    try:
        spec = pathspec.GitIgnoreSpec.from_lines(settings.exclude)
    except ValueError as exc:
        raise ConfigError(f"{settings.source}: exclude: bad pattern ({exc})") from None
    return spec.match_file(relative.as_posix())
