"""Configuration: find it, validate it, and combine it with CLI options.

Config lives in ``.memolint.toml``, ``memolint.toml`` (top-level keys) or
``pyproject.toml`` (``[tool.memolint]``). For each linted file the nearest
directory holding one of them wins, as in ruff; within one directory the order
is ``.memolint.toml``, ``memolint.toml``, ``pyproject.toml``. Options given on
the command line override the file; a Markdown front matter ``memolint:`` table
overrides both for that file.

Every key and value is checked: an unknown key or a bad value is an error that
names the file, the key and what is allowed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from memolint.diagnostics import SEVERITIES
from memolint.errors import ConfigError
from memolint.language import ISO_CODE
from memolint.records import FieldRecord
from memolint.tomlcompat import tomllib

CONFIG_FILES = (".memolint.toml", "memolint.toml", "pyproject.toml")

#: Keys of the page model (the layout engine's input for Markdown).
PAGE_KEYS: dict[str, type | tuple[type, ...]] = {
    "size": str,
    "width_in": (int, float),
    "height_in": (int, float),
    "margins_in": (int, float),
    "margin_top_in": (int, float),
    "margin_bottom_in": (int, float),
    "margin_left_in": (int, float),
    "margin_right_in": (int, float),
    "font": str,
    "size_pt": (int, float),
    "line_spacing": (int, float),
    "space_before_pt": (int, float),
    "space_after_pt": (int, float),
    "heading_sizes_pt": list,
    "title_size_pt": (int, float),
    "code_font": str,
    "code_size_pt": (int, float),
    "east_asian_font": str,
    "east_asian_language": str,
}
NLP_KEYS: dict[str, type | tuple[type, ...]] = {"model": str}


class Settings(FieldRecord):
    """The resolved configuration for one file (``settings._replace(...)`` for a variant)."""

    profile: str = "six-pager"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "warning"
    packs: tuple[Path, ...] = ()
    page: tuple[tuple[str, Any], ...] = ()
    #: rule code or name → {"severity": ..., option: value, ...}
    rules: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    nlp_model: str = "auto"
    #: Page count from the layout engine ("layout") or LibreOffice ("exact").
    pages: str = "layout"
    #: The memo's language: "auto" (detected from the prose) or an ISO 639-1 code.
    language: str = "auto"
    #: The config file these settings came from, if any.
    source: Path | None = None
    #: The directory paths in per-file-ignores and exclude are relative to
    #: (the working directory unless given).
    root: Path

    def __init__(self, **values: Any) -> None:
        if "root" not in values:
            values["root"] = Path.cwd()
        super().__init__(**values)

    def rule_overrides(self) -> dict[str, dict[str, Any]]:
        """``[rules.X]`` tables as plain dicts."""
        return {name: dict(values) for name, values in self.rules}

    def page_model(self) -> dict[str, Any]:
        """``[page]`` as a plain dict, with the page-count mode."""
        return {**dict(self.page), "pages": self.pages}


# Keys as users write them → (attribute, validator)
def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _choice(choices: tuple[str, ...]):
    def check(value: Any, where: str) -> str:
        if value not in choices:
            raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}")
        return value

    return check


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: expected a non-empty string, got {value!r}")
    return value


def _typed_table(allowed: dict[str, type | tuple[type, ...]]):
    def check(value: Any, where: str) -> tuple[tuple[str, Any], ...]:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table, got {value!r}")
        for key, item in value.items():
            if key not in allowed:
                raise ConfigError(
                    f"{where}: unknown key {key!r}; allowed: {', '.join(sorted(allowed))}"
                )
            if not isinstance(item, allowed[key]) or isinstance(item, bool):
                raise ConfigError(f"{where}.{key}: bad value {item!r}")
        return tuple(sorted(value.items()))

    return check


def _per_file_ignores(value: Any, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of glob = [rules], got {value!r}")
    return tuple((glob, _strings(codes, f"{where}.{glob}")) for glob, codes in value.items())


def _rules_table(value: Any, where: str) -> tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where}: expected [rules.<code-or-name>] tables")
    return tuple((name, tuple(sorted(opts.items()))) for name, opts in value.items())


def _language(value: Any, where: str) -> str:
    if not isinstance(value, str) or not (value == "auto" or ISO_CODE.fullmatch(value)):
        raise ConfigError(f"{where}: {value!r} is not \"auto\" or a two-letter lowercase "
                          f"ISO 639-1 code like \"en\" or \"ko\"")
    return value


def _nlp(value: Any, where: str) -> str:
    table = dict(_typed_table(NLP_KEYS)(value, where))
    return table.get("model", "auto")


_KEYS = {
    "profile": ("profile", _string),
    "select": ("select", _strings),
    "extend-select": ("extend_select", _strings),
    "ignore": ("ignore", _strings),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "fail-on": ("fail_on", _choice(SEVERITIES)),
    "packs": ("packs", _strings),
    "page": ("page", _typed_table(PAGE_KEYS)),
    "rules": ("rules", _rules_table),
    "exclude": ("exclude", _strings),
    "nlp": ("nlp_model", _nlp),
    "pages": ("pages", _choice(("layout", "exact"))),
    "language": ("language", _language),
}

#: Keys a single Markdown file may set in its front matter ``memolint:`` table.
FILE_KEYS = ("profile", "select", "extend-select", "ignore", "rules", "language")


def parse_table(table: dict[str, Any], where: str, root: Path, allowed=None,
                confine: Path | None = None) -> dict[str, Any]:
    """Validate a memolint config table; return Settings field values.

    Paths in it (``packs``, a profile ``.toml``) are relative to ``root``; with
    ``confine``, a path that resolves outside that folder is refused, so a
    cloned repository's config cannot make memolint read files elsewhere.
    """
    allowed = tuple(allowed or _KEYS)
    values: dict[str, Any] = {}
    for key, raw in table.items():
        if key not in allowed:
            raise ConfigError(f"{where}: unknown key {key!r}; allowed: {', '.join(allowed)}")
        attribute, check = _KEYS[key]
        values[attribute] = check(raw, f"{where}: {key}")
    if "packs" in values:
        values["packs"] = tuple(_config_path(root / p, confine, f"{where}: packs")
                                for p in values["packs"])
    if values.get("profile", "").endswith(".toml"):
        values["profile"] = str(_config_path(root / values["profile"], confine,
                                             f"{where}: profile"))
    return values


def _config_path(path: Path, confine: Path | None, where: str) -> Path:
    resolved = path.resolve()
    if confine is not None and not resolved.is_relative_to(confine.resolve()):
        raise ConfigError(f"{where}: {path} is outside the repository ({confine}); name it "
                          "with --config or on the command line to use it anyway")
    return resolved


def repository_root(directory: Path) -> Path:
    """The git work tree holding ``directory``, or ``directory`` itself outside git."""
    for folder in (directory, *directory.parents):
        if (folder / ".git").exists():
            return folder
    return directory


def load_config_file(path: Path, explicit: bool = False) -> Settings:
    """Settings from one config file; paths in it stay in its repository unless ``explicit``."""
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("memolint", {})
        where = f"{path}: [tool.memolint]"
    else:
        where = str(path)
    confine = None if explicit else repository_root(path.parent.resolve())
    return Settings(**parse_table(data, where, path.parent, confine=confine), source=path,
                    root=path.parent)


def find_config_file(directory: Path) -> Path | None:
    """The nearest config file at or above ``directory``."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_memolint_table(candidate)):
                return candidate
    return None


def _has_memolint_table(pyproject: Path) -> bool:
    try:
        with open(pyproject, "rb") as handle:
            return "memolint" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def settings_for(path: Path, explicit: Path | None, overrides: dict[str, Any]) -> Settings:
    """Settings for one file: config file (explicit or nearest), then CLI overrides."""
    return ConfigResolver(explicit, overrides).settings_for(path)


class ConfigResolver:
    """Settings for many files in one run, reading each config file once.

    A run over a doc repo asks for the same directories' config again and
    again; the caches live as long as the run, never across runs.
    """

    def __init__(self, explicit: Path | None, overrides: dict[str, Any]) -> None:
        self.explicit = explicit
        self.overrides = overrides
        self._found: dict[str, Path | None] = {}
        self._loaded: dict[Path | None, Settings] = {}

    def settings_for(self, path: Path) -> Settings:
        """Config file (explicit or nearest to ``path``), then CLI overrides."""
        config = self.explicit
        if config is None:
            # A string, not a Path: this runs for every file, also on a cached re-run.
            directory = os.path.dirname(os.path.realpath(path))  # never raises on a link loop
            if directory not in self._found:
                self._found[directory] = find_config_file(Path(directory))
            config = self._found[directory]
        if config not in self._loaded:
            base = load_config_file(config, config == self.explicit) if config else Settings()
            self._loaded[config] = (
                base._replace(**self.overrides) if self.overrides else base
            )
        return self._loaded[config]


def with_file_settings(settings: Settings, table: Any, where: str) -> Settings:
    """Apply a document's own ``memolint:`` settings (front matter)."""
    if not table:
        return settings
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: front matter 'memolint' must be a table")
    values = parse_table(table, where, settings.root, allowed=FILE_KEYS,
                         confine=repository_root(settings.root.resolve()))
    if "rules" in values:
        values["rules"] = settings.rules + values["rules"]
    return settings._replace(**values)
