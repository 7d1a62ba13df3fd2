"""The SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

One run, with memolint as the tool driver: every known rule is described
(name, summary, the rule docs as help text and Markdown, default level, a
help URI when the package declares where its docs live), and every finding is
a result with a physical location relative to ``%SRCROOT%`` (the working
directory). DOCX findings are located by paragraph: the region's lines are
paragraph numbers, and the region's message says "paragraph N". Files that
could not be read become tool execution notifications, and the invocation is
then not successful.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from memolint import __version__
from memolint.diagnostics import Diagnostic
from memolint.engine import FileResult
from memolint.packs import Rule
from memolint.registry import Registry
from memolint.report import ReportOptions
from memolint.report.locations import located_message, paragraph_note, uri_for
from memolint.ruledocs import render_rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
#: Project-URL labels, in order of preference, that can host the rule docs.
_DOC_URL_LABELS = ("documentation", "docs", "homepage", "repository", "source")


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    """The SARIF log as indented JSON."""
    return json.dumps(sarif_log(results), indent=2, ensure_ascii=False) + "\n"


def sarif_log(results: Sequence[FileResult]) -> dict[str, Any]:
    """The SARIF log object: one run over all results."""
    rules = _rule_descriptors(results)
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for result in results:
        location = _artifact_location(result.path, len(artifacts))
        artifacts.append({"location": dict(location), **_artifact_extras(result)})
        if result.error:
            notifications.append({
                "level": "error",
                "message": {"text": f"{result.path}: {result.error['message']}"},
                "locations": [{"physicalLocation": {"artifactLocation": location}}],
                "properties": {"kind": result.error["kind"]},
            })
        sarif_results += [_result(result, d, location, index[d.code]) for d in result.diagnostics]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "memolint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": _docs_url() or "https://pypi.org/project/memolint/",
            "rules": rules,
        }},
        "invocations": [{
            "executionSuccessful": not notifications,
            "toolExecutionNotifications": notifications,
        }],
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _artifact_location(path: str, index: int) -> dict[str, Any]:
    uri, relative = uri_for(path)
    location: dict[str, Any] = {"uri": uri, "index": index}
    if relative:
        location["uriBaseId"] = SRCROOT
    return location


def _artifact_extras(result: FileResult) -> dict[str, Any]:
    if result.format == "docx":
        return {"mimeType":
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    if result.format == "markdown":
        return {"mimeType": "text/markdown", "sourceLanguage": "markdown"}
    return {}


def _result(result: FileResult, d: Diagnostic, location: dict[str, Any], rule_index: int
            ) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": d.line, "startColumn": d.column,
        "endLine": max(d.end_line, d.line),
        "endColumn": d.end_column if d.end_line > d.line else max(d.end_column, d.column),
    }
    if d.snippet:
        region["snippet"] = {"text": d.snippet}
    note = paragraph_note(result, d)
    if note:
        region["message"] = {"text": note}
    sarif: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": located_message(result, d)},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "properties": {"name": d.name, "severity": d.severity},
    }
    if d.fix:
        sarif["properties"]["fix"] = d.fix
    return sarif


def _rule_descriptors(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    """Every built-in rule, then any other rule a result names (team packs, X000)."""
    known = Registry.load().sorted_rules()
    descriptors = [_describe(rule) for rule in known]
    seen = {rule.code for rule in known}
    for d in (d for r in results for d in r.diagnostics):
        if d.code not in seen:
            seen.add(d.code)
            descriptors.append({"id": d.code, "name": d.name,
                                "shortDescription": {"text": d.name},
                                "defaultConfiguration": {"level": LEVELS[d.severity]}})
    return descriptors


def _describe(rule: Rule) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": " ".join(rule.docs["what"].split())},
        "help": {"text": render_rule(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["memo", rule.family], "strength": rule.docs["strength"]},
    }
    base = _docs_url()
    if base:
        descriptor["helpUri"] = f"{base}#{rule.code.lower()}-{rule.name}"
    return descriptor


def help_markdown(rule: Rule) -> str:
    """A rule's docs as Markdown, as code scanning shows them next to an alert."""
    docs = rule.docs
    parts = [f"**{rule.code} {rule.name}**: {rule.summary}", "",
             "### What it checks", _paragraphs(docs["what"]), "",
             "### Why", _paragraphs(docs["why"]), "",
             f"**Source** ({docs['strength']}): {_paragraphs(docs['source'])}", ""]
    if rule.options:
        parts.append("### Options")
        parts += [f"- `{key}` = `{json.dumps(default)}`: {rule.option_docs.get(key, '')}"
                  for key, default in rule.options.items()]
        parts.append("")
    for title, key in (("Bad", "bad"), ("Good", "good")):
        parts += [f"### {title}", "", "```markdown", docs[key].strip("\n"), "```", ""]
    parts.append(f"Run `memolint rule {rule.code}` for these docs in a terminal.")
    return "\n".join(parts)


def _paragraphs(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n"))


@cache
def _docs_url() -> str | None:
    """Where the rule docs live, from the installed package's Project-URL metadata."""
    try:
        entries = metadata.metadata("memolint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    urls = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    return next((urls[label] for label in _DOC_URL_LABELS if urls.get(label)), None)
