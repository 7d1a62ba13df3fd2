"""Rule kinds: the Python half of a rule (the TOML pack is the other half).

A kind is a function ``check(ctx) -> Iterable[Finding]`` registered under a
name with :func:`kind`. Many rules may share one kind with different options.
Third-party packages add kinds through the entry-point group
``memolint.kinds`` (each entry point is a module that registers kinds when
imported, or a function registered under the entry point's name).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from memolint.errors import ConfigError

if TYPE_CHECKING:
    from memolint.analysis import Analysis
    from memolint.diagnostics import Finding
    from memolint.document import Document
    from memolint.packs import Rule

_BUILTIN_MODULES = ("memolint.kinds.bullets", "memolint.kinds.structure", "memolint.kinds.prfaq",
                    "memolint.kinds.length", "memolint.kinds.docx_format",
                    "memolint.kinds.readability", "memolint.kinds.wording", "memolint.kinds.korean")
ENTRY_POINT_GROUP = "memolint.kinds"


class RuleContext(NamedTuple):
    """What a kind sees: the document, its analysis, the rule and its options."""

    document: Document
    analysis: Analysis
    rule: Rule
    options: Mapping[str, Any]


Check = Callable[[RuleContext], Iterable["Finding"]]
_KINDS: dict[str, Check] = {}


def kind(name: str) -> Callable[[Check], Check]:
    """Register a function as the kind ``name``."""

    def register(check: Check) -> Check:
        _KINDS[name] = check
        return check

    return register


def _load_builtin(name: str) -> None:
    """Import built-in kind modules, in order, until one has registered ``name``.

    Importing is a dictionary lookup for a module already loaded, and a memo
    needs only the modules of the kinds its rules use: an English memo never
    pays for the Korean kinds and their patterns.
    """
    for module in _BUILTIN_MODULES:
        if name in _KINDS:
            return
        importlib.import_module(module)


@cache
def _load_installed() -> None:
    """Load third-party kinds from entry points (once per process, on a miss).

    Scanning the installed packages' metadata costs tens of ms of every cold
    run, and built-in kinds win over installed ones anyway, so it happens
    only when a rule names a kind that is not built in.
    """
    from importlib.metadata import entry_points

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry.load()
        if callable(loaded) and entry.name not in _KINDS:
            _KINDS[entry.name] = loaded


def get_kind(name: str) -> Check:
    """The check function of a kind; unknown kinds are a config error."""
    if name not in _KINDS:
        _load_builtin(name)
    if name not in _KINDS:
        _load_installed()
    try:
        return _KINDS[name]
    except KeyError:
        raise ConfigError(
            f"unknown rule kind {name!r}; built-in kinds: {', '.join(sorted(_KINDS))}, "
            f"or install a package that provides it (entry point group {ENTRY_POINT_GROUP!r})"
        ) from None
