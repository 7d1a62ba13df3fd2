"""Built-in TOML (rule packs, profiles, word lists), parsed once per machine.

(And other derived data that is slow to build and cheap to check, through
:func:`remembered`: Pyphen's parsed hyphenation patterns.)

Every command, ``memolint rules`` included, reads all built-in packs, and
parsing them costs more than the rest of a light command's own work. So
the parsed tables are kept in the user's cache folder
(``$XDG_CACHE_HOME/memolint`` or ``~/.cache/memolint``), one file per
memolint version. The TOML stays the source of truth: an entry is keyed by
the exact bytes it was parsed from (the bytes themselves, so no two files
can share a key), so it is used only while a file still holds them, and
every checkout or virtualenv of the same version shares one entry per file
(keyed by path, the cache grew with each place memolint ran from, and every
start-up decodes all of it). The oldest entries beyond :data:`MAX_ENTRIES`
are dropped. A missing, corrupt or unwritable cache, or a table the cache
cannot hold (a TOML date), just means the file is parsed, as it would be
without a cache. Only built-in files are kept; a team's own packs are
parsed each run.

The tables are stored with :mod:`marshal`, built into the interpreter:
``json`` and ``hashlib`` (for a SHA-256 key) would cost a light command more
to import than it spends on its own work, and marshal data decodes faster.
"""

from __future__ import annotations

import marshal
import os

from memolint import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

#: Entries kept: the built-in files several times over (a few versions of
#: each while developing), yet a cache every start-up decodes quickly.
MAX_ENTRIES = 64

#: The cache's entries (source bytes → table) once read in this process.
_loaded: dict[Any, Any] | None = None


def load_toml(path: str | Path, remember: bool) -> dict[str, Any]:
    """The parsed TOML file; ``remember`` keeps it in the per-machine cache.

    Raises what opening and parsing the file raise (``OSError``,
    ``tomllib.TOMLDecodeError``), cache or not. Callers must not change the
    table they get: it is the cached one.
    """
    with open(path, "rb") as handle:
        source = handle.read()
    if not remember:
        return _parse(source)
    entries = _entries()
    cached = entries.get(source)
    if isinstance(cached, dict):  # every TOML document is a table
        return cached
    data = _parse(source)
    entries[source] = data
    if not _save(entries):
        del entries[source]
    return data


def _parse(source: bytes) -> dict[str, Any]:
    from memolint.tomlcompat import tomllib

    return tomllib.loads(source.decode("utf-8"))


def remembered(name: str, key: str, build: Callable[[], Any]) -> Any:
    """``build()``, kept as JSON in the cache folder for as long as ``key`` is the same.

    ``key`` must change whenever the result would (say, a source file's
    path, size and time); the result must survive JSON unchanged.
    """
    import json

    target = os.path.join(_cache_folder(), f"{name}-{__version__}.json")
    try:
        with open(target, encoding="utf-8") as handle:
            stored = json.load(handle)
    except (OSError, ValueError):
        stored = None
    if isinstance(stored, dict) and stored.get("key") == key and "value" in stored:
        return stored["value"]
    value = build()
    try:
        payload = json.dumps({"key": key, "value": value}).encode("utf-8")
    except (TypeError, ValueError):
        return value
    _write(target, payload)
    return value


def _cache_folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "memolint")


def cache_file() -> str:
    """Where the parsed tables of this memolint version are kept."""
    return os.path.join(_cache_folder(), f"toml-tables-{__version__}.marshal")


def _entries() -> dict[Any, Any]:
    """The cache's entries (read once per process); empty when it is unusable."""
    global _loaded
    if _loaded is None:
        try:
            with open(cache_file(), "rb") as handle:
                entries = marshal.loads(handle.read())
        except (OSError, ValueError, EOFError, TypeError):  # missing, corrupt, foreign
            entries = None
        _loaded = entries if isinstance(entries, dict) else {}
    return _loaded


def forget_entries() -> None:
    """Drop this process's copy of the cache, so the next use reads the file (tests)."""
    global _loaded
    _loaded = None


def _save(entries: dict[Any, Any]) -> bool:
    """Write the TOML cache; False when a table cannot be stored (a TOML date).

    The oldest entries beyond :data:`MAX_ENTRIES` are dropped first (a dict
    keeps insertion order, and so does marshal).
    """
    for oldest in list(entries)[: max(0, len(entries) - MAX_ENTRIES)]:
        del entries[oldest]
    try:
        payload = marshal.dumps(entries)
    except ValueError:  # "unmarshallable object"
        return False
    _write(cache_file(), payload)
    return True


def _write(target: str, payload: bytes) -> None:
    """Write a cache file atomically.

    A cache folder that cannot be written is no error: the data is built
    again next time.
    """
    temporary = f"{target}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(payload)
        os.replace(temporary, target)
    except OSError:
        import contextlib

        with contextlib.suppress(OSError):
            os.unlink(temporary)
