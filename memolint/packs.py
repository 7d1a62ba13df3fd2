"""Rule packs and profiles: rules kept as data (TOML), like Vale's styles.

A *pack* is a TOML file of ``[[rules]]``, each naming a *kind* (Python code in
``memolint/kinds/``) plus its options and docs. A *profile* is a TOML file that
names which packs are on, the page budget and the section template. Built-in
packs live in ``rules/`` of the source tree, shipped in the wheel as
``memolint/_rules``; teams add their own packs by path in config.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from memolint.diagnostics import SEVERITIES
from memolint.errors import ConfigError
from memolint.tomlcompat import tomllib

CODE_PATTERN = re.compile(r"^[A-Z][0-9]{3}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
FAMILIES: dict[str, str] = {
    "L": "length",
    "S": "structure",
    "B": "bullets",
    "R": "readability",
    "W": "wording",
    "F": "docx-format",
}
DOC_FIELDS = ("what", "why", "source", "strength", "bad", "good")


@dataclass(frozen=True)
class Rule:
    """One rule: identity, the kind that checks it, its options and its docs."""

    code: str
    name: str
    kind: str
    severity: str
    summary: str
    options: dict[str, Any]
    docs: dict[str, str]
    option_docs: dict[str, str]
    pack: str

    @property
    def family(self) -> str:
        """The family name, from the code's letter (``B`` → ``bullets``)."""
        return FAMILIES.get(self.code[0], "other")


@dataclass(frozen=True)
class Profile:
    """A named set of packs, a page budget and a section template."""

    name: str
    description: str
    max_pages: float
    packs: tuple[str, ...]
    #: role → heading aliases that start a section of that role.
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: rule code or name → option overrides for this profile.
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)


def builtin_root() -> Path:
    """Where the built-in ``rules/`` directory is.

    An installed wheel carries it as ``memolint/_rules``; a source checkout
    (editable install, tests) has it next to the package.
    """
    shipped = resources.files("memolint") / "_rules"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parent.parent / "rules"


def builtin_pack_paths() -> list[Path]:
    """Every built-in pack file, sorted for a stable rule order."""
    return sorted((builtin_root() / "packs").glob("*.toml"))


def builtin_profile_names() -> list[str]:
    """Names of the profiles memolint ships."""
    return sorted(p.stem for p in (builtin_root() / "profiles").glob("*.toml"))


@cache
def load_pack(path: Path) -> tuple[Rule, ...]:
    """Parse and validate one pack file; errors name the file and the rule."""
    data = _read_toml(path)
    unknown = set(data) - {"pack", "rules"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown top-level key(s) {sorted(unknown)}; allowed: pack, rules"
        )
    pack_name = str(data.get("pack", {}).get("name", path.stem))
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise ConfigError(f"{path}: 'rules' must be an array of tables ([[rules]])")
    return tuple(_parse_rule(entry, path, pack_name) for entry in rules)


def _parse_rule(entry: dict[str, Any], path: Path, pack: str) -> Rule:
    where = f"{path}: rule {entry.get('code', '?')}"
    allowed = {"code", "name", "kind", "severity", "summary", "options", "docs"}
    unknown = set(entry) - allowed
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    code, name = str(entry.get("code", "")), str(entry.get("name", ""))
    if not CODE_PATTERN.match(code):
        raise ConfigError(f"{where}: code must be a letter and three digits, e.g. B001")
    if not NAME_PATTERN.match(name):
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
    )


@cache
def load_profile(name_or_path: str) -> Profile:
    """A built-in profile by name, or a profile TOML file by path."""
    path = Path(name_or_path)
    if path.suffix != ".toml":
        path = builtin_root() / "profiles" / f"{name_or_path}.toml"
        if not path.is_file():
            raise ConfigError(
                f"unknown profile {name_or_path!r}; built-in profiles: "
                f"{', '.join(builtin_profile_names())} (or give a path to a profile .toml)"
            )
    data = _read_toml(path).get("profile", {})
    roles = {role: tuple(aliases) for role, aliases in data.get("roles", {}).items()}
    return Profile(
        name=str(data.get("name", path.stem)),
        description=str(data.get("description", "")),
        max_pages=float(data.get("max_pages", 6)),
        packs=tuple(data.get("packs", ())),
        roles=roles,
        rules={k: dict(v) for k, v in data.get("rules", {}).items()},
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: rule pack or profile not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
