"""A result cache, so re-linting unchanged memos costs a read and a hash.

As in ruff, an entry is keyed by everything that can change a file's result:
the file's bytes and the name it is shown under, memolint's version and the
size and time of every file of its code, the resolved settings, the contents
of every rule pack and profile in play, the NLP pipeline the settings resolve
to, and the installed spaCy and Pyphen (their files' size and time).
Anything else (a third-party kind package upgraded in place) needs
``--no-cache`` or deleting the folder.

Looking an entry up imports nothing heavy: no spaCy, Pyphen, python-docx or
memolint's analysis, so a warm re-run stays in the time of a plain CLI start.
Entries are written atomically (a temporary file, then ``os.replace``), so a
concurrent run sees an old entry or a new one, never half of one; an entry
that does not parse or whose key does not match is ignored and rewritten.
Results that say memolint itself failed are never stored.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from memolint import __version__
from memolint.config import Settings
from memolint.diagnostics import Diagnostic
from memolint.engine import FileResult
from memolint.nlp import resolve_model
from memolint.packs import builtin_root

CACHE_DIR_NAME = ".memolint_cache"
#: Bump when the entry layout changes.
SCHEMA = 1
#: Error kinds that describe memolint failing, not the input: never cached.
UNCACHED_ERRORS = frozenset({"internal", "crash"})
#: Libraries whose version can change sentences or scores.
_LIBRARIES = ("spacy", "pyphen")
_PACKAGE_DIR = Path(__file__).resolve().parent
_MARKERS = {
    "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
                    "# This folder is memolint's result cache; see https://bford.info/cachedir/\n",
    ".gitignore": "# Created by memolint.\n*\n",
}


class ResultCache:
    """Lint results on disk, one JSON file per key.

    ``directory`` is ``--cache-dir``; without it each file's entries go to
    ``.memolint_cache`` in the folder of the config that applies to it (the
    current directory when there is none).
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory
        self._settings_keys: dict[int, tuple[Settings, Any]] = {}
        self._ready: set[Path] = set()

    def key(self, data: bytes, display: str, settings: Settings) -> str:
        """The entry key of one input under one configuration."""
        digest = self._settings_digest(settings).copy()
        digest.update(display.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(hashlib.sha256(data).digest())
        return digest.hexdigest()

    def load(self, key: str, settings: Settings) -> FileResult | None:
        """The stored result, or None when absent, unreadable or not ours."""
        try:
            with open(self._entry(key, settings), encoding="utf-8") as handle:
                entry = json.load(handle)
            if entry.get("schema") != SCHEMA or entry.get("key") != key:
                return None
            return _result_from_json(entry["result"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def store(self, key: str, settings: Settings, result: FileResult) -> None:
        """Write an entry atomically; a cache that cannot be written is skipped."""
        if result.error and result.error.get("kind") in UNCACHED_ERRORS:
            return
        target = Path(self._entry(key, settings))
        try:
            payload = json.dumps({"schema": SCHEMA, "key": key,
                                  "result": result._asdict()})
            self._prepare(target.parents[1])
            target.parent.mkdir(exist_ok=True)
            import tempfile

            descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    handle.write(payload)
                os.replace(temporary, target)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, TypeError, ValueError):
            return

    def root_for(self, settings: Settings) -> Path:
        """The cache folder used for files under these settings."""
        return self.directory or settings.root / CACHE_DIR_NAME

    def _entry(self, key: str, settings: Settings) -> str:
        # One string join, not Path operations: this runs once per file.
        return os.path.join(self.root_for(settings), f"v{SCHEMA}", key[:2], f"{key}.json")

    def _prepare(self, version_dir: Path) -> None:
        """Create the cache folder with its tags (once per run and folder)."""
        if version_dir in self._ready:
            return
        version_dir.mkdir(parents=True, exist_ok=True)
        for name, text in _MARKERS.items():
            marker = version_dir.parent / name
            if not marker.exists():
                marker.write_text(text, encoding="utf-8")
        self._ready.add(version_dir)

    def _settings_digest(self, settings: Settings) -> Any:
        """The hash of everything but the file, made once per settings object of the run."""
        known = self._settings_keys.get(id(settings))
        if known is None or known[0] is not settings:
            packs = [*settings.packs]
            if settings.profile.endswith(".toml"):
                packs.append(Path(settings.profile))
            text = "\n".join((
                self._fixed_key,
                repr(settings),
                resolve_model(settings.nlp_model),
                _contents_key(packs),
            ))
            known = (settings, hashlib.sha256(text.encode()))
            self._settings_keys[id(settings)] = known
        return known[1]

    @cached_property
    def _fixed_key(self) -> str:
        """What is the same for every file of the run: code and data, rules, libraries."""
        start = len(str(_PACKAGE_DIR)) + 1  # a slice, not os.path.relpath: ~200 files a run
        code = sorted(
            (path[start:], stat.st_size, stat.st_mtime_ns)
            for path, stat in _stats(str(_PACKAGE_DIR), (".py", ".json", ".toml", ".gz"))
        )
        rules = sorted(Path(p) for p, _ in _stats(str(builtin_root()), (".toml",)))
        return repr((__version__, code, _contents_key(rules), _libraries()))


def _stats(root: str, suffixes: tuple[str, ...]) -> Iterable[tuple[str, os.stat_result]]:
    """Files below ``root`` with one of the suffixes, and their stat (strings, not Paths:
    this walks memolint's whole package on every cached run)."""
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith(suffixes):
                path = os.path.join(folder, name)
                yield path, os.stat(path)


def _contents_key(paths: Iterable[Path]) -> str:
    """A digest of some files' paths and bytes (a missing file is part of the key)."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def _libraries() -> tuple[tuple[str, int, int] | str, ...]:
    """Where spaCy and Pyphen are and when they were installed, found without importing."""
    found: list[tuple[str, int, int] | str] = []
    for name in _LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.origin:
            found.append(f"{name} missing")
            continue
        stat = os.stat(spec.origin)
        found.append((spec.origin, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


def _result_from_json(data: dict[str, Any]) -> FileResult:
    diagnostics = [Diagnostic(**item) for item in data.pop("diagnostics")]
    return FileResult(**data, diagnostics=diagnostics)
