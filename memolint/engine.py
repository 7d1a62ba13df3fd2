"""The engine: one straight line from a path to located, filtered findings.

read → Document → Analysis → each selected rule → Diagnostics → suppressions,
per-file ignores, severity overrides → sorted. A rule that raises is a bug in
memolint, not in the memo: it becomes one ``X000 internal-error`` finding for
that file and the other rules still run.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from memolint.config import Settings, with_file_settings
from memolint.diagnostics import SEVERITIES, Anchor, Diagnostic, Finding
from memolint.errors import ConfigError, InputError
from memolint.records import MutableRecord

if TYPE_CHECKING:
    # Imported on use: reporters and the cache need FileResult, and a cached
    # re-run must not pay for the document model, packs, kinds or analysis.
    from memolint.analysis import Analysis
    from memolint.document import Document
    from memolint.packs import Profile, Rule
    from memolint.registry import Registry
    from memolint.suppressions import SuppressionFilter

SNIPPET_CHARS = 80


class FileResult(MutableRecord):
    """Everything known about one input after linting it."""

    path: str
    format: str | None
    profile: str | None
    error: dict[str, str] | None
    metrics: dict[str, Any]
    diagnostics: list[Diagnostic]
    fail_on: str
    _fields = ("path", "format", "profile", "error", "metrics", "diagnostics", "fail_on")

    def __init__(self, path: str, format: str | None, profile: str | None = None,
                 error: dict[str, str] | None = None, metrics: dict[str, Any] | None = None,
                 diagnostics: list[Diagnostic] | None = None, fail_on: str = "warning") -> None:
        self.path = path
        self.format = format
        self.profile = profile
        self.error = error
        self.metrics = {} if metrics is None else metrics
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.fail_on = fail_on

    def to_json(self) -> dict[str, Any]:
        """The per-file object of the JSON output contract."""
        return {
            "path": self.path,
            "format": self.format,
            "profile": self.profile,
            "error": self.error,
            "metrics": self.metrics,
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


class ActiveRule(NamedTuple):
    """A selected rule with its effective severity and options.

    A named tuple, as the other small records a cold run defines: a frozen
    dataclass costs 1 to 2 ms to create at import (its methods are generated
    and compiled in each process).
    """

    rule: Rule
    severity: str | None  # a user override, or None to keep per-finding severity
    options: dict[str, Any]


def lint_file(path: str, settings: Settings, registry: Registry, data: bytes | None = None,
              display: str | None = None) -> FileResult:
    """Read and lint one file; input problems become ``FileResult.error``."""
    from memolint.readers import read_document

    shown = display or path
    try:
        document = read_document(path, data)
        document.path = shown
        settings = with_file_settings(settings, document.settings,
                                      f"{shown}: front matter memolint")
        return lint_document(document, settings, registry)
    except InputError as exc:
        return _error_result(shown, exc.kind, exc.message, settings.fail_on)
    except ConfigError as exc:
        return _error_result(shown, "config", str(exc), settings.fail_on)


def _error_result(path: str, kind: str, message: str, fail_on: str) -> FileResult:
    from memolint.readers import format_for

    return FileResult(path, format_for(path), error={"kind": kind, "message": message},
                      fail_on=fail_on)


def lint_document(document: Document, settings: Settings, registry: Registry) -> FileResult:
    """Run the selected rules over a document."""
    from memolint.analysis import Analysis
    from memolint.layout.estimate import page_model_from_config
    from memolint.packs import load_profile
    from memolint.suppressions import build_filter

    profile = load_profile(settings.profile)
    active = select_rules(settings, profile, registry, document.path)
    analysis = Analysis(document, profile, settings.nlp_model,
                        page_model_from_config(settings.page_model()), settings.language)
    running = [a for a in active if analysis.covers(a.rule.languages)]
    diagnostics = _skipped_for_language(active, running, analysis, settings.language)
    for item in running:
        if item.rule.kind not in ENGINE_KINDS:
            diagnostics.extend(_run_rule(item, document, analysis))
    is_suppressed = build_filter(document.suppressions, registry.resolve)
    kept = [d for d in diagnostics if d.code == INTERNAL_CODE or not is_suppressed(d.code, d.line)]
    kept.extend(_unused_suppressions(is_suppressed, running))
    kept.sort(key=Diagnostic.sort_key)
    return FileResult(
        path=document.path,
        format=document.format,
        profile=profile.name,
        metrics=analysis.metrics(),
        diagnostics=kept,
        fail_on=settings.fail_on,
    )


def select_rules(settings: Settings, profile: Profile, registry: Registry, path: str
                 ) -> list[ActiveRule]:
    """Rules on for this file: profile or ``select``, plus extend, minus ignores."""
    where = str(settings.source or "command line")
    if settings.select is None:
        codes = {c for c, r in registry.rules.items() if r.pack in profile.packs}
    else:
        codes = registry.expand_all(settings.select, where)
    codes |= registry.expand_all(settings.extend_select, where)
    codes |= {c for c, r in registry.rules.items() if r.kind == LANGUAGE_SKIP_KIND}  # never silent
    codes -= registry.expand_all(settings.ignore, where)
    codes -= _per_file_ignored(settings, registry, path, where)
    overrides = _resolve_overrides(profile.rules, registry, f"profile {profile.name}")
    for code, values in _resolve_overrides(
        settings.rule_overrides(), registry, f"{where}: rules"
    ).items():
        overrides.setdefault(code, {}).update(values)
    return [
        _activate(registry.rules[code], overrides.get(code, {}), where) for code in sorted(codes)
    ]


def _per_file_ignored(settings: Settings, registry: Registry, path: str, where: str) -> set[str]:
    if not settings.per_file_ignores:
        return set()
    try:
        relative = PurePosixPath(Path(path).resolve().relative_to(settings.root.resolve()))
    except ValueError:
        relative = PurePosixPath(path)
    ignored: set[str] = set()
    for pattern, selectors in settings.per_file_ignores:
        if fnmatch.fnmatch(str(relative), pattern) or fnmatch.fnmatch(relative.name, pattern):
            ignored |= registry.expand_all(selectors, f"{where}: per-file-ignores")
    return ignored


def _resolve_overrides(tables: dict[str, dict[str, Any]], registry: Registry, where: str
                       ) -> dict[str, dict[str, Any]]:
    resolved: dict[str, dict[str, Any]] = {}
    for name, values in tables.items():
        code = registry.resolve(name)
        if code is None:
            raise ConfigError(f"{where}: unknown rule {name!r}; `memolint rules` lists them")
        resolved.setdefault(code, {}).update(values)
    return resolved


def _activate(rule: Rule, override: dict[str, Any], where: str) -> ActiveRule:
    """Merge and type-check a rule's option overrides."""
    options = dict(rule.options)
    severity = None
    for key, value in override.items():
        if key == "severity":
            if value not in SEVERITIES:
                raise ConfigError(f"{where}.{rule.code}: severity {value!r} is not one of "
                                  f"{', '.join(SEVERITIES)}")
            severity = value
            continue
        if key not in rule.options:
            allowed = ", ".join(["severity", *sorted(rule.options)])
            raise ConfigError(f"{where}.{rule.code}: unknown option {key!r}; allowed: {allowed}")
        options[key] = _check_option_type(rule, key, value, where)
    return ActiveRule(rule, severity, options)


def _check_option_type(rule: Rule, key: str, value: Any, where: str) -> Any:
    default = rule.options[key]
    numeric = (int, float)
    ok = (isinstance(value, numeric) and not isinstance(value, bool)
          if isinstance(default, numeric) and not isinstance(default, bool)
          else isinstance(value, type(default)))
    if not ok:
        raise ConfigError(f"{where}.{rule.code}.{key}: expected {type(default).__name__} "
                          f"like {default!r}, got {value!r}")
    return value


INTERNAL_CODE = "X000"
#: The kind the engine runs itself, after filtering: only then is it known
#: which suppression directives silenced nothing.
UNUSED_SUPPRESSION_KIND = "unused_suppression"
#: The kind the engine runs itself, before the rules: the note on rules skipped
#: for the memo's language. It is on under any ``select`` (only ``ignore`` turns
#: it off), so skipping a rule is never silent.
LANGUAGE_SKIP_KIND = "rules_skipped_for_language"
ENGINE_KINDS = frozenset({UNUSED_SUPPRESSION_KIND, LANGUAGE_SKIP_KIND})
#: memolint's base language: skipped rules that support it are the ones a
#: writer expects to have run, so the note names them; rules made only for
#: other languages (Korean rules on an English memo) are skipped without a note.
BASE_LANGUAGE = "en"


def _skipped_for_language(active: list[ActiveRule], running: list[ActiveRule],
                          analysis: Analysis, setting: str) -> list[Diagnostic]:
    """One info finding naming the base-language rules skipped for this memo's language."""
    item = next((a for a in active if a.rule.kind == LANGUAGE_SKIP_KIND), None)
    ran = {a.rule.code for a in running}
    skipped = [a.rule for a in active
               if a.rule.code not in ran and BASE_LANGUAGE in a.rule.languages]
    if item is None or not skipped:
        return []
    how = "set" if setting != "auto" else "detected"
    names = ", ".join(f"{r.code} {r.name}" for r in skipped)
    return [Diagnostic(
        code=item.rule.code, name=item.rule.name,
        severity=item.severity or item.rule.severity,  # type: ignore[arg-type]
        message=f"Language is {analysis.language} ({how}): skipped {len(skipped)} "
                f"rule{'s' if len(skipped) != 1 else ''} not made for it ({names}); if that "
                f"is wrong, set `language` in config or front matter, or pass --language",
        line=1, column=1, end_line=1, end_column=1,
    )]


def _unused_suppressions(used: SuppressionFilter, active: list[ActiveRule]) -> list[Diagnostic]:
    """Findings for directives that silenced nothing, like ruff's RUF100.

    A directive is only stale when every rule it names ran: under
    ``--select R`` a ``disable B004`` is not stale, merely idle.
    """
    item = next((a for a in active if a.rule.kind == UNUSED_SUPPRESSION_KIND), None)
    if item is None:
        return []
    ran = {a.rule.code for a in active}
    found = []
    for directive, codes in used.unused():
        if codes is not None and codes and not codes <= ran:
            continue
        if codes is not None and not codes:
            what = f"names no known rule ({', '.join(sorted(directive.codes))})"
        else:
            what = "silences no finding"
        found.append(Diagnostic(
            code=item.rule.code, name=item.rule.name,
            severity=item.severity or item.rule.severity,  # type: ignore[arg-type]
            message=f"memolint-{directive.action} {what}: remove it",
            line=directive.line, column=1, end_line=directive.line, end_column=1,
        ))
    return found


def _run_rule(item: ActiveRule, document: Document, analysis: Analysis) -> list[Diagnostic]:
    """A rule's findings, less those in blocks of a language it was not made for.

    In a mixed memo this keeps English rules off the Korean paragraphs
    wherever a kind looks (blocks, list items, quotes); the sentences the
    prose kinds sum and average over were already narrowed to the rule's
    languages by ``Analysis.sentences_for``.
    """
    # Not ``from memolint.kinds import``: that runs importlib's Python
    # ``_handle_fromlist`` for every rule of every memo.
    import memolint.kinds as kinds

    rule = item.rule
    check = kinds.get_kind(rule.kind)
    context = kinds.RuleContext(document, analysis, rule, item.options)
    try:
        return [_locate(f, item, document) for f in check(context)
                if analysis.in_languages(f.block_index, rule.languages)]
    except Exception as exc:  # a crashing rule must not take the file down
        import traceback

        last = traceback.extract_tb(exc.__traceback__)[-1]
        return [Diagnostic(
            code=INTERNAL_CODE, name="internal-error", severity="error",
            message=f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc} "
                    f"at {Path(last.filename).name}:{last.lineno}; please report this bug",
            line=1, column=1, end_line=1, end_column=1,
        )]


def _locate(finding: Finding, item: ActiveRule, document: Document) -> Diagnostic:
    """Turn block offsets into source positions and a snippet."""
    block = document.blocks[finding.block_index]
    start = block.source.position(finding.start)
    if finding.end_block_index is not None:
        end = document.blocks[finding.end_block_index].end
    elif finding.end is None:
        end = block.end
    else:
        last = block.source.position(max(finding.end - 1, finding.start))
        end = type(last)(last.line, last.column + 1)
    text = block.text[finding.start : finding.end] if finding.end else block.text[finding.start :]
    snippet = " ".join(text.split())
    if len(snippet) > SNIPPET_CHARS:
        snippet = snippet[: SNIPPET_CHARS - 1] + "…"
    return Diagnostic(
        code=item.rule.code,
        name=item.rule.name,
        severity=item.severity or finding.severity or item.rule.severity,  # type: ignore[arg-type]
        message=finding.message,
        line=start.line,
        column=start.column,
        end_line=end.line,
        end_column=end.column,
        snippet=snippet,
        fix=finding.fix,
        anchor=Anchor(finding.block_index, finding.start, finding.end,
                      finding.block_index if finding.end_block_index is None
                      else finding.end_block_index),
    )
