"""GitHub Actions workflow commands: each finding becomes an annotation.

``::error file=memo.md,line=12,endLine=12,col=3,endColumn=40,title=B004 fragment-bullets::msg``
GitHub shows these on the pull request's changed files. Values are escaped
as the Actions runner expects (``%``, CR and LF everywhere; ``:`` and ``,``
inside properties too), so a message can never end a command early or
inject another one. ``info`` findings become notices. A file that could not
be read becomes one error annotation on that file.
"""

from __future__ import annotations

from collections.abc import Sequence

from memolint.engine import FileResult
from memolint.report import ReportOptions
from memolint.report.locations import located_message, relative_posix

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    """One workflow command per finding (and per unreadable file)."""
    lines: list[str] = []
    for result in results:
        file = relative_posix(result.path) or result.path
        if result.error:
            lines.append(command("error", {"file": file, "title": "memolint: cannot read file"},
                                 result.error["message"]))
            continue
        for d in result.diagnostics:
            properties = {"file": file, "line": str(d.line), "endLine": str(d.end_line),
                          "col": str(d.column), "title": f"{d.code} {d.name}"}
            if d.end_line == d.line and d.end_column > d.column:
                properties["endColumn"] = str(d.end_column - 1)  # GitHub's end is inclusive
            lines.append(command(COMMANDS[d.severity], properties, located_message(result, d)))
    return "".join(line + "\n" for line in lines)


def command(name: str, properties: dict[str, str], message: str) -> str:
    """A workflow command line, every part escaped."""
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def escape_data(value: str) -> str:
    """Escape a command's message (the runner's ``escapeData``)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (the runner's ``escapeProperty``)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
