"""Rule packs and profiles: rules kept as data (TOML), like Vale's styles.

A *pack* is a TOML file of ``[[rules]]``, each naming a *kind* (Python code in
``memolint/kinds/``) plus its options and docs. A *profile* is a TOML file that
names which packs are on, the page budget and the section template. Built-in
packs live in ``rules/`` of the source tree, shipped in the wheel as
``memolint/_rules``; teams add their own packs by path in config.
"""

from __future__ import annotations

import os

from memolint.errors import ConfigError
from memolint.records import Record
from memolint.severities import SEVERITIES

TYPE_CHECKING = False
if TYPE_CHECKING:  # imported on use: `memolint rules` needs none of them (start-up time)
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from memolint.sections import SectionSpec

FAMILIES: dict[str, str] = {
    "L": "length",
    "S": "structure",
    "B": "bullets",
    "R": "readability",
    "W": "wording",
    "F": "docx-format",
    "X": "meta",
}
DOC_FIELDS = ("what", "why", "source", "strength", "bad", "good")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_NAME_CHARS = _LOWER | _DIGITS | {"-"}


# Codes, names and languages are checked with set tests rather than regular
# expressions: `memolint rules` would otherwise import `re` for three patterns.
def _is_code(text: str) -> bool:
    """An ASCII capital and three ASCII digits (``B001``)."""
    return len(text) == 4 and text[0] in _UPPER and _DIGITS.issuperset(text[1:])


def _is_name(text: str) -> bool:
    """Kebab-case from a small letter on: ``[a-z][a-z0-9]*(-[a-z0-9]+)*`` (``bullet-density``)."""
    return text[:1] in _LOWER and _NAME_CHARS.issuperset(text) and all(text.split("-"))


def _is_iso_code(text: object) -> bool:
    """memolint.language.ISO_CODE (two ASCII small letters), without the detector's tables."""
    return isinstance(text, str) and len(text) == 2 and _LOWER.issuperset(text)


class _Memo:
    """:func:`functools.cache` for a function of one argument, ``cache_clear`` included.

    ``functools`` and the ``collections`` it imports would cost the console
    script's ``memolint rules`` a third of its own work.
    """

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self._function = function
        self._results: dict[Any, Any] = {}
        self.__doc__ = function.__doc__
        self.__wrapped__ = function

    def __call__(self, argument: Any) -> Any:
        if argument not in self._results:
            self._results[argument] = self._function(argument)
        return self._results[argument]

    def cache_clear(self) -> None:
        """Forget every result (a new CLI run is a new process)."""
        self._results.clear()


class Rule(Record):
    """One rule: identity, the kind that checks it, its options and its docs."""

    _fields = ("code", "name", "kind", "severity", "summary", "options", "docs",
               "option_docs", "pack", "languages")
    __slots__ = _fields
    code: str
    name: str
    kind: str
    severity: str
    summary: str
    options: dict[str, Any]
    docs: dict[str, str]
    option_docs: dict[str, str]
    pack: str
    #: Languages the rule is right for (ISO 639-1 codes), or ``("*",)`` for any.
    languages: tuple[str, ...]

    def __init__(self, code: str, name: str, kind: str, severity: str, summary: str,
                 options: dict[str, Any], docs: dict[str, str], option_docs: dict[str, str],
                 pack: str, languages: tuple[str, ...] = ("*",)) -> None:
        self._set(code=code, name=name, kind=kind, severity=severity, summary=summary,
                  options=options, docs=docs, option_docs=option_docs, pack=pack,
                  languages=languages)

    @property
    def family(self) -> str:
        """The family name, from the code's letter (``B`` → ``bullets``)."""
        return FAMILIES.get(self.code[0], "other")


class Profile(Record):
    """A named set of packs, a page budget and a section template."""

    _fields = ("name", "description", "max_pages", "packs", "roles", "rules", "sections")
    __slots__ = _fields
    name: str
    description: str
    max_pages: float
    packs: tuple[str, ...]
    #: role → heading aliases that start a section of that role.
    roles: dict[str, tuple[str, ...]]
    #: rule code or name → option overrides for this profile.
    rules: dict[str, dict[str, Any]]
    #: The section template: expected sections, in order.
    sections: tuple[SectionSpec, ...]

    def __init__(self, name: str, description: str, max_pages: float, packs: tuple[str, ...],
                 roles: dict[str, tuple[str, ...]] | None = None,
                 rules: dict[str, dict[str, Any]] | None = None,
                 sections: tuple[SectionSpec, ...] = ()) -> None:
        self._set(name=name, description=description, max_pages=max_pages, packs=packs,
                  roles={} if roles is None else roles, rules={} if rules is None else rules,
                  sections=sections)


_root: str | None = None


def builtin_root() -> Path:
    """Where the built-in ``rules/`` directory is.

    An installed wheel carries it as ``memolint/_rules``; a source checkout
    (editable install, tests) has it next to the package.
    """
    from pathlib import Path

    return Path(_builtin_root())


def _builtin_root() -> str:
    """:func:`builtin_root` as a string, found once (``memolint rules`` skips pathlib)."""
    global _root
    if _root is None:
        here = os.path.dirname(os.path.realpath(__file__))
        shipped = os.path.join(here, "_rules")
        _root = shipped if os.path.isdir(shipped) else os.path.join(os.path.dirname(here),
                                                                    "rules")
    return _root


def builtin_pack_paths() -> list[Path]:
    """Every built-in pack file, sorted for a stable rule order."""
    from pathlib import Path

    return [Path(path) for path in builtin_pack_files()]


def builtin_pack_files() -> list[str]:
    """:func:`builtin_pack_paths` as strings, for :meth:`Registry.load` without pathlib."""
    folder = os.path.join(_builtin_root(), "packs")
    return [os.path.join(folder, name) for name in sorted(os.listdir(folder))
            if name.endswith(".toml")]


def builtin_profile_names() -> list[str]:
    """Names of the profiles memolint ships."""
    return sorted(p.stem for p in (builtin_root() / "profiles").glob("*.toml"))


@_Memo
def load_pack(path: str | Path) -> tuple[Rule, ...]:
    """Parse and validate one pack file; errors name the file and the rule."""
    data = _read_toml(path)
    unknown = set(data) - {"pack", "rules", "profile"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown top-level key(s) {sorted(unknown)}; allowed: pack, rules, profile"
        )
    stem = os.path.splitext(os.path.basename(path))[0]
    pack_name = str(data.get("pack", {}).get("name", stem))
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise ConfigError(f"{path}: 'rules' must be an array of tables ([[rules]])")
    return tuple(_parse_rule(entry, path, pack_name) for entry in rules)


def _parse_rule(entry: dict[str, Any], path: str | Path, pack: str) -> Rule:
    where = f"{path}: rule {entry.get('code', '?')}"
    allowed = {"code", "name", "kind", "severity", "summary", "options", "docs", "languages"}
    unknown = set(entry) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    code, name = str(entry.get("code", "")), str(entry.get("name", ""))
    if not _is_code(code):
        raise ConfigError(f"{where}: code must be a letter and three digits, e.g. B001")
    if not _is_name(name):
        raise ConfigError(f"{where}: name must be kebab-case, e.g. bullet-density")
    severity = entry.get("severity", "warning")
    if severity not in SEVERITIES:
        raise ConfigError(f"{where}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    if "kind" not in entry:
        raise ConfigError(f"{where}: missing 'kind' (the check that runs this rule)")
    docs = dict(entry.get("docs", {}))
    missing = [f for f in DOC_FIELDS if not str(docs.get(f, "")).strip()]
    if missing:
        raise ConfigError(f"{where}: docs lack {', '.join(missing)}; every rule documents them")
    options = dict(entry.get("options", {}))
    option_docs = docs.pop("options", {})
    undocumented = sorted(set(options) - set(option_docs))
    if undocumented:
        raise ConfigError(f"{where}: [docs.options] lacks {', '.join(undocumented)}")
    return Rule(
        code=code,
        name=name,
        kind=str(entry["kind"]),
        severity=severity,
        summary=str(entry.get("summary", "")),
        options=options,
        docs={k: str(v).strip() for k, v in docs.items()},
        option_docs={k: str(v).strip() for k, v in option_docs.items()},
        pack=pack,
        languages=_languages(entry.get("languages", ["*"]), where),
    )


def _languages(value: Any, where: str) -> tuple[str, ...]:
    """A rule's ``languages``: ["*"] (any; the default) or ISO 639-1 codes like ["en"]."""
    if (not isinstance(value, list) or not value
            or not all(v == "*" or _is_iso_code(v) for v in value)):
        raise ConfigError(f"{where}: languages must be [\"*\"] or a list of two-letter "
                          f"ISO 639-1 codes like [\"en\"] or [\"ko\"], got {value!r}")
    return tuple(value)


PROFILE_KEYS = ("name", "description", "extends", "max_pages", "packs", "opening_role",
                "roles", "rules", "sections")
SECTION_KEYS: dict[str, type | tuple[type, ...]] = {
    "name": str, "aliases": list, "required": bool, "ordered": bool, "role": str,
    "min_words": int, "max_words": int, "min_pages": (int, float), "max_pages": (int, float),
}


@_Memo
def load_profile(name_or_path: str) -> Profile:
    """A built-in profile by name, or a profile TOML file by path.

    A profile may ``extends`` another (built-in name or path): it inherits
    everything it does not set itself. The file may also be a rule pack
    (``[[rules]]`` next to ``[profile]``), so a team keeps its template and
    its rules in one TOML file.
    """
    from pathlib import Path

    from memolint.sections import BODY, Roles, template_roles

    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = builtin_root() / "profiles" / f"{name_or_path}.toml"
        if not path.is_file():
            raise ConfigError(
                f"unknown profile {name_or_path!r}; built-in profiles: "
                f"{', '.join(builtin_profile_names())} (or give a path to a profile .toml)"
            )
    data = _read_toml(path).get("profile", {})
    unknown = sorted(set(data) - set(PROFILE_KEYS))
    if unknown:
        raise ConfigError(f"{path}: [profile] unknown key(s) {unknown}; "
                          f"allowed: {', '.join(PROFILE_KEYS)}")
    base = _base_profile(data.get("extends"), path)
    aliases = {role: tuple(_string_list(a, f"{path}: [profile.roles] {role}"))
               for role, a in data.get("roles", {}).items()}
    if base is not None:
        aliases = {**base.roles, **aliases}
    sections = (tuple(_parse_section(entry, path) for entry in data["sections"])
                if "sections" in data else (base.sections if base else ()))
    opening = str(data.get("opening_role", getattr(base.roles, "opening", BODY) if base
                           else BODY))
    rules = {**(base.rules if base else {}),
             **{k: dict(v) for k, v in data.get("rules", {}).items()}}
    return Profile(
        name=str(data.get("name", path.stem)),
        description=str(data.get("description", base.description if base else "")),
        max_pages=float(data.get("max_pages", base.max_pages if base else 6)),
        packs=tuple(data.get("packs", base.packs if base else ())),
        roles=Roles(template_roles(sections, aliases), opening),
        rules=rules,
        sections=sections,
    )


def _base_profile(extends: Any, path: Path) -> Profile | None:
    if extends is None:
        return None
    if not isinstance(extends, str) or not extends:
        raise ConfigError(f"{path}: [profile] extends must be a profile name or a .toml path")
    from pathlib import Path

    target = extends if not extends.endswith(".toml") else str(path.parent / extends)
    if Path(target).resolve() == path.resolve():
        raise ConfigError(f"{path}: [profile] extends itself")
    return load_profile(target)


def _string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return value


def _parse_section(entry: Any, path: Path) -> SectionSpec:
    """One ``[[profile.sections]]`` table; every key checked, errors name the file."""
    from memolint.sections import BODY, SectionSpec

    if not isinstance(entry, dict):
        raise ConfigError(f"{path}: [[profile.sections]] entries must be tables")
    where = f"{path}: [[profile.sections]] {entry.get('name', '?')!r}"
    unknown = sorted(set(entry) - set(SECTION_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; allowed: {', '.join(SECTION_KEYS)}")
    if not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise ConfigError(f"{where}: 'name' (the canonical heading) is required")
    for key, expected in SECTION_KEYS.items():
        value = entry.get(key)
        if value is not None and (not isinstance(value, expected) or (
                isinstance(value, bool) and expected is not bool)):
            raise ConfigError(f"{where}: {key} has bad value {value!r}")
    numbers = [entry.get(k) for k in ("min_words", "max_words", "min_pages", "max_pages")]
    if any(n is not None and n < 0 for n in numbers):
        raise ConfigError(f"{where}: word and page limits must be 0 or more")
    return SectionSpec(
        name=entry["name"].strip(),
        aliases=tuple(_string_list(entry.get("aliases", []), f"{where}: aliases")),
        required=entry.get("required", True),
        ordered=entry.get("ordered", True),
        role=entry.get("role", BODY),
        min_words=entry.get("min_words"),
        max_words=entry.get("max_words"),
        min_pages=entry.get("min_pages"),
        max_pages=entry.get("max_pages"),
    )


def _read_toml(path: str | Path) -> dict[str, Any]:
    """A pack or profile, parsed; built-in ones come from the per-machine cache."""
    from memolint.tomlcache import load_toml

    try:
        return load_toml(path, remember=_is_builtin(path))
    except FileNotFoundError:
        raise ConfigError(f"{path}: rule pack or profile not found") from None
    except ValueError as exc:  # tomllib.TOMLDecodeError, or bytes that are not UTF-8
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None


def _is_builtin(path: str | Path) -> bool:
    """Whether a file is inside the built-in ``rules/`` (Path.is_relative_to, on strings)."""
    real, root = os.path.realpath(path), _builtin_root()
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)
