"""GitHub workflow commands, parsed back; and the composite action's lint step, run for real."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from memolint.diagnostics import Diagnostic
from memolint.engine import FileResult
from memolint.report import ReportOptions
from memolint.report.github import render
from tests.memos import ROOT, cli, write_memos

COMMAND = re.compile(r"^::(?P<name>\w+) (?P<props>[^:]*)::(?P<message>.*)$")


def unescape(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def parse(output: str) -> list[dict[str, str]]:
    """Workflow commands back into dicts, as the Actions runner reads them."""
    commands = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = dict(item.split("=", 1) for item in match["props"].split(","))
        commands.append({"command": match["name"], "message": unescape(match["message"]),
                         **{key: unescape(value) for key, value in props.items()}})
    return commands


@pytest.fixture()
def memos(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_memos(tmp_path, docx=True)


def test_annotations_round_trip(memos):
    result = cli("check", "--format", "github", "bullety.md", "clean.md", "status.docx")
    assert result.exit_code == 1
    commands = parse(result.output)
    nested = commands[1]
    assert nested == {"command": "warning", "file": "bullety.md", "line": "6", "endLine": "6",
                      "col": "5", "endColumn": "12", "title": "B003 nested-bullets",
                      "message": nested["message"]}
    assert nested["message"].startswith("list nested 2 levels deep")
    assert commands[0]["command"] == "notice"  # info → notice
    docx = [c for c in commands if c["file"] == "status.docx"]
    assert docx[0]["command"] == "error" and docx[0]["message"].endswith("(paragraphs 5-56)")
    assert "endColumn" not in docx[0]  # spans several paragraphs


def test_escaping_cannot_break_out_of_a_command():
    nasty = Diagnostic(code="B001", name="bullet-density", severity="warning",
                       message="100% bullets:\nline two\r::error::injected, yes",
                       line=3, column=1, end_line=3, end_column=4)
    result = FileResult(path="a,b:c.md", format="markdown", diagnostics=[nasty])
    output = render([result], ReportOptions())
    assert output.count("\n") == 1 and output.startswith("::warning file=a%2Cb%3Ac.md,")
    (command,) = parse(output)
    assert command["file"] == "a,b:c.md" and command["message"] == nasty.message


def test_unreadable_file_is_an_error_annotation(memos):
    (memos / "empty.md").write_bytes(b"")
    (command,) = parse(cli("check", "--format", "github", "empty.md").output)
    assert command["command"] == "error" and command["file"] == "empty.md"
    assert "empty" in command["message"]


# -- action.yml --------------------------------------------------------------

ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(inputs|github)\.([\w-]+)\s*\}\}")


def step_env(step: dict, inputs: dict[str, str]) -> dict[str, str]:
    """The step's env with ``${{ inputs.x }}`` / ``${{ github.action_path }}`` evaluated."""
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    values.update(inputs)

    def evaluate(match: re.Match) -> str:
        scope, name = match.groups()
        return values[name] if scope == "inputs" else {"action_path": str(ROOT)}[name]

    return {key: EXPRESSION.sub(evaluate, str(value)) for key, value in step["env"].items()}


def test_action_is_composite_with_the_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "profile", "fail-on", "format", "sarif-file", "diff"} <= set(ACTION["inputs"])
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step["run"], "inputs must reach scripts through env only"


def test_action_lint_step_annotates_and_writes_sarif(memos, tmp_path):
    (lint,) = [s for s in ACTION["runs"]["steps"] if s.get("id") == "lint"]
    outputs = tmp_path / "github_output"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_OUTPUT": str(outputs),
           **step_env(lint, {"paths": "bullety.md\nclean.md", "sarif-file": "out/memolint.sarif"})}
    done = subprocess.run(["bash", "-c", lint["run"]], cwd=memos, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert parse(done.stdout)[1]["title"] == "B003 nested-bullets"
    log = json.loads((memos / "out" / "memolint.sarif").read_text("utf-8"))
    assert len(log["runs"][0]["results"]) == 4
    assert outputs.read_text("utf-8") == "sarif-file=out/memolint.sarif\n"
    clean = step_env(lint, {"paths": "clean.md", "fail-on": "error"})
    ok = subprocess.run(["bash", "-c", lint["run"]], cwd=memos, env={**env, **clean},
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0 and ok.stdout == ""
