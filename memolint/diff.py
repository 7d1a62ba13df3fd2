"""``--diff REF``: keep only findings on lines changed since a git revision.

What vale-action users ask for most: in a pull request, comment on the lines
the author touched, not on the whole memo. Git is run with fixed argument
lists (no shell), its output parsed here:

- ``git diff --name-only`` gives the changed files (renames under their new
  name), ``git ls-files --others`` the untracked ones (wholly new);
- ``git diff --unified=0`` gives, per Markdown file, the line numbers of the
  new version that were added or modified. Deleted lines leave nothing to
  point at and select nothing.

DOCX is binary: a changed Word file is checked whole. A Markdown finding is
kept when any line it spans changed. Files that did not change are dropped.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from memolint.engine import FileResult
from memolint.errors import ConfigError

#: A changed file's changed lines; None means "the whole file" (new or binary).
ChangedLines = frozenset[int] | None

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
            '"': '"', "\\": "\\"}
_DIFF_OPTIONS = ("--no-color", "--no-ext-diff", "--no-textconv", "--diff-filter=d")


def changed_lines(ref: str, cwd: Path | None = None) -> dict[Path, ChangedLines]:
    """Every file changed since ``ref`` (resolved paths) with its changed lines."""
    if not ref or ref.startswith("-"):
        raise ConfigError(f"--diff: {ref!r} is not a git revision (e.g. origin/main, HEAD~1)")
    where = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], where).strip())
    changed: dict[Path, ChangedLines] = {}
    names = _git(["diff", "--name-only", "-z", *_DIFF_OPTIONS, ref, "--"], where)
    for name in filter(None, names.split("\0")):
        changed[(top / name).resolve()] = None
    patch = _git(["-c", "core.quotePath=false", "diff", "--unified=0", "--src-prefix=a/",
                  "--dst-prefix=b/", *_DIFF_OPTIONS, ref, "--"], where)
    for name, lines in parse_patch(patch.splitlines()).items():
        changed[(top / name).resolve()] = frozenset(lines)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top)
    for name in filter(None, untracked.split("\0")):
        changed[(top / name).resolve()] = None
    return changed


def parse_patch(lines: Iterable[str]) -> dict[str, set[int]]:
    """Added or modified new-side line numbers per file of a ``--unified=0`` text patch.

    Binary files have no ``+++`` header and so do not appear here.
    """
    found: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in lines:
        if line.startswith("+++ "):
            target = _unquote(line[4:].rstrip("\t"))
            current = found.setdefault(target[2:], set()) if target.startswith("b/") else None
        elif current is not None and (hunk := _HUNK.match(line)):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            current.update(range(start, start + count))
    return found


def keep_changed(results: Sequence[FileResult], changed: dict[Path, ChangedLines]
                 ) -> list[FileResult]:
    """Results of changed files only; Markdown findings only on changed lines."""
    kept = []
    for result in results:
        key = Path(result.path).resolve()
        if key not in changed:
            continue
        lines = changed[key]
        if lines is None or result.error or result.format != "markdown":
            kept.append(result)
            continue
        diagnostics = [d for d in result.diagnostics
                       if any(n in lines for n in range(d.line, max(d.end_line, d.line) + 1))]
        kept.append(result._replace(diagnostics=diagnostics))
    return kept


def _unquote(path: str) -> str:
    """Undo git's C-style quoting of a path with special characters."""
    if not (len(path) >= 2 and path.startswith('"') and path.endswith('"')):
        return path
    body, out, i = path[1:-1], bytearray(), 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            following = body[i + 1]
            if following in "01234567":
                out.append(int(body[i + 1 : i + 4], 8))
                i += 4
                continue
            out += _ESCAPES.get(following, following).encode()
            i += 2
            continue
        out += char.encode()
        i += 1
    return out.decode("utf-8", errors="surrogateescape")


def _git(arguments: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--diff needs git, which is not installed or not on PATH") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = message[-1] if message else f"exit status {done.returncode}"
        raise ConfigError(f"--diff: `git {' '.join(arguments)}` failed in {cwd}: {reason}")
    return done.stdout.decode("utf-8", "surrogateescape")
