"""Built-in TOML (rule packs, profiles, word lists), parsed once per machine.

(And other derived data that is slow to build and cheap to check, through
:func:`remembered`: Pyphen's parsed hyphenation patterns.)

Every command, ``memolint rules`` included, reads all built-in packs, and
parsing them costs more than the rest of a light command's own work. So
the parsed tables are kept as JSON in the user's cache folder
(``$XDG_CACHE_HOME/memolint`` or ``~/.cache/memolint``), one file per
memolint version. The TOML stays the source of truth: an entry is keyed by
the SHA-256 of the exact bytes it was parsed from, so it is used only while
a file still holds them, and every checkout or virtualenv of the same
version shares one entry per file (keyed by path, the cache grew with each
place memolint ran from, and every start-up decodes all of it). The oldest
entries beyond :data:`MAX_ENTRIES` are dropped. A missing, corrupt or
unwritable cache, or a table JSON cannot hold (a TOML date), just means the
file is parsed, as it would be without a cache. Only built-in files are
kept; a team's own packs are parsed each run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from memolint import __version__

#: Entries kept: the built-in files several times over (a few versions of
#: each while developing), yet a cache every start-up decodes quickly.
MAX_ENTRIES = 64


def load_toml(path: Path, remember: bool) -> dict[str, Any]:
    """The parsed TOML file; ``remember`` keeps it in the per-machine cache.

    Raises what opening and parsing the file raise (``OSError``,
    ``tomllib.TOMLDecodeError``), cache or not. Callers must not change the
    table they get: it is the cached one.
    """
    with open(path, "rb") as handle:
        source = handle.read()
    if not remember:
        return _parse(source)
    key = hashlib.sha256(source).hexdigest()
    entries = _entries()
    cached = entries.get(key)
    if isinstance(cached, dict):  # every TOML document is a table
        return cached
    data = _parse(source)
    entries[key] = data
    if not _save(entries):
        del entries[key]
    return data


def _parse(source: bytes) -> dict[str, Any]:
    from memolint.tomlcompat import tomllib

    return tomllib.loads(source.decode("utf-8"))


def remembered(name: str, key: str, build: Callable[[], Any]) -> Any:
    """``build()``, kept as JSON in the cache folder for as long as ``key`` is the same.

    ``key`` must change whenever the result would (say, a source file's
    path, size and time); the result must survive JSON unchanged.
    """
    stored = _read_json(_cache_folder() / f"{name}-{__version__}.json")
    if isinstance(stored, dict) and stored.get("key") == key and "value" in stored:
        return stored["value"]
    value = build()
    _write_json(_cache_folder() / f"{name}-{__version__}.json", {"key": key, "value": value})
    return value


def _cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "memolint"


def cache_file() -> Path:
    """Where the parsed tables of this memolint version are kept."""
    return _cache_folder() / f"toml-tables-{__version__}.json"


def _read_json(path: Path) -> Any:
    """A JSON file's value; None when it is missing or unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


@cache
def _entries() -> dict[str, Any]:
    """The cache's entries (read once per process); empty when it is unusable."""
    entries = _read_json(cache_file())
    return entries if isinstance(entries, dict) else {}


def _save(entries: dict[str, Any]) -> bool:
    """Write the TOML cache; False when a table is not JSON (a TOML date).

    The oldest entries beyond :data:`MAX_ENTRIES` are dropped first (a dict
    keeps insertion order, and so does the JSON file).
    """
    for oldest in list(entries)[: max(0, len(entries) - MAX_ENTRIES)]:
        del entries[oldest]
    return _write_json(cache_file(), entries)


def _write_json(target: Path, value: Any) -> bool:
    """Write a cache file atomically; False when the value is not JSON.

    A cache folder that cannot be written is no error: the data is built
    again next time.
    """
    try:
        payload = json.dumps(value)
    except (TypeError, ValueError):
        return False
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(payload, encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return True
