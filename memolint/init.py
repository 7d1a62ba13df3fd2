"""``memolint init``: start a project's configuration, never overwrite one.

Writes a commented memolint table for a chosen profile: appended to an
existing ``pyproject.toml`` as ``[tool.memolint]`` (the rest of the file is
kept byte for byte), or as a new ``.memolint.toml``. If the directory already
has memolint config (either file, or a ``[tool.memolint]`` table, even one
spread over dotted keys or sub-tables), nothing is written. The new text is
parsed and validated before it is written, and written atomically, so a
failed ``init`` leaves the files as they were.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from memolint.config import parse_table
from memolint.errors import ConfigError
from memolint.packs import builtin_profile_names, load_profile
from memolint.tomlcompat import tomllib

PYPROJECT = "pyproject.toml"
DOTFILE = ".memolint.toml"
TARGETS = ("auto", PYPROJECT, DOTFILE)
_OWN_FILES = (".memolint.toml", "memolint.toml")

_TEMPLATE = """\
# memolint: lint narrative memos. Every key is optional;
# `memolint rules` lists the rules, `memolint rule CODE` explains one.
{header}# The memo type: {profiles}, or a path to your own profile .toml.
profile = "{profile}"
# Lowest severity that makes `memolint check` exit 1: "error", "warning" or "info".
fail-on = "warning"
# Rules to skip or to add, by code (B001), name (bullet-density) or family letter (B).
ignore = []
extend-select = []
# Paths a directory walk skips (gitignore syntax, relative to this file).
exclude = []

# Rules to skip for some files, by glob:
# [{prefix}per-file-ignores]
# "notes/*.md" = ["B"]

# A rule's severity and options:
# [{prefix}rules.bullet-density]
# severity = "error"
# warn_share = 0.25

# The page used to estimate the length of Markdown memos (DOCX files carry their own):
# [{prefix}page]
# size = "letter"        # or "a4"
# margins_in = 1.0
# size_pt = 11
"""


def config_text(profile: str, in_pyproject: bool) -> str:
    """The commented table for ``profile``, as pyproject or standalone TOML."""
    load_profile(profile)  # unknown profiles fail here, with the list of known ones
    names = " or ".join(f'"{name}"' for name in builtin_profile_names())
    return _TEMPLATE.format(
        header="[tool.memolint]\n" if in_pyproject else "", profiles=names,
        profile=profile.replace("\\", "\\\\").replace('"', '\\"'),
        prefix="tool.memolint." if in_pyproject else "",
    )


def init_config(directory: Path, profile: str, target: str = "auto") -> Path:
    """Write the config into ``directory``; return the file written."""
    if target not in TARGETS:
        raise ConfigError(f"init: --file must be one of {', '.join(TARGETS)}")
    for name in _OWN_FILES:
        if (directory / name).exists():
            raise ConfigError(f"{directory / name} already configures memolint; "
                              "init changes nothing (edit that file instead)")
    pyproject = directory / PYPROJECT
    existing = _read(pyproject)
    if existing is not None and "memolint" in _parse(existing, pyproject).get("tool", {}):
        raise ConfigError(f"{pyproject} already has a [tool.memolint] table; "
                          "init changes nothing (edit that table instead)")
    use_pyproject = target == PYPROJECT or (target == "auto" and existing is not None)
    path = pyproject if use_pyproject else directory / DOTFILE
    table = config_text(profile, use_pyproject)
    if use_pyproject and existing:
        separator = "\n" if existing.endswith("\n") else "\n\n"
        text = existing + separator + table
    else:
        text = table
    data = _parse(text, path)
    parse_table(data.get("tool", {}).get("memolint", {}) if use_pyproject else data,
                str(path), directory)
    _write_atomically(path, text)
    return path


def _read(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read it ({exc}); init changes nothing") from None


def _parse(text: str, path: Path) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); init changes nothing") from None


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder, keeping the old file's mode."""
    mode = path.stat().st_mode & 0o777 if path.exists() else _new_file_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0o666 less the umask)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask
