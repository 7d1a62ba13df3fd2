"""The JUnit XML report: one test case per file, for CI test dashboards.

A file "fails" when it has findings at or above its ``fail-on`` severity, the
same rule that sets the exit code, so a dashboard and the exit code agree.
Findings below that level are listed in ``system-out``. An unreadable file is
an ``error`` test case. The XML is built with the standard library, so
every message is escaped correctly.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from memolint.diagnostics import SEVERITY_RANK, Diagnostic
from memolint.engine import FileResult
from memolint.report import ReportOptions
from memolint.report.locations import located_message

SUITE_NAME = "memolint"


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    """A ``testsuites`` document with one ``testsuite`` and one case per file."""
    suite = ET.Element("testsuite", name=SUITE_NAME)
    failures = errors = 0
    for result in results:
        case = ET.SubElement(suite, "testcase", name=result.path, classname=SUITE_NAME,
                             file=result.path)
        if result.error:
            errors += 1
            ET.SubElement(case, "error", message=result.error["message"],
                          type=result.error["kind"]).text = result.error["message"]
            continue
        threshold = SEVERITY_RANK[result.fail_on]
        failing = [d for d in result.diagnostics if SEVERITY_RANK[d.severity] >= threshold]
        others = [d for d in result.diagnostics if SEVERITY_RANK[d.severity] < threshold]
        if failing:
            failures += 1
            summary = f"{len(failing)} finding{'s' if len(failing) != 1 else ''} at or above " \
                      f"{result.fail_on}"
            ET.SubElement(case, "failure", message=summary, type="memolint").text = \
                _listing(result, failing)
        if others:
            ET.SubElement(case, "system-out").text = _listing(result, others)
    suite.set("tests", str(len(results)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    suite.set("skipped", "0")
    root = ET.Element("testsuites", name=SUITE_NAME, tests=str(len(results)),
                      failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _listing(result: FileResult, diagnostics: list[Diagnostic]) -> str:
    return "\n".join(f"{result.path}:{d.line}:{d.column}: {d.code} [{d.severity}] "
                     f"{located_message(result, d)}" for d in diagnostics)
