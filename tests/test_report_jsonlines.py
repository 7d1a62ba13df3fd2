"""JSON Lines and --output-file: streamable findings, reports written to files."""

from __future__ import annotations

import json

import pytest

from tests.memos import cli, write_memos


@pytest.fixture()
def memos(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_memos(tmp_path)


def test_one_object_per_finding(memos):
    result = cli("check", "--format", "json-lines", "bullety.md", "clean.md")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert result.exit_code == 1
    assert [(r["path"], r["code"], r["line"], r["column"]) for r in records] == [
        ("bullety.md", "B004", 5, 3), ("bullety.md", "B003", 6, 5),
        ("bullety.md", "B004", 6, 5), ("bullety.md", "B004", 7, 3)]
    full = json.loads(cli("check", "--format", "json", "bullety.md").output)
    assert {k: v for k, v in records[1].items() if k not in ("path", "format")} == \
        full["files"][0]["diagnostics"][1]


def test_unreadable_file_is_one_error_record(memos):
    (memos / "empty.md").write_bytes(b"")
    result = cli("check", "--format", "json-lines", "empty.md")
    assert result.exit_code == 2
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["path"] == "empty.md" and record["error"]["kind"] == "empty"


@pytest.mark.parametrize("fmt", ["text", "json", "json-lines", "sarif", "github", "junit"])
def test_output_file_keeps_the_exit_code(memos, fmt):
    result = cli("check", "--format", fmt, "--color", "--output-file", "out/report", "bullety.md")
    assert result.exit_code == 1 and result.output == ""
    written = (memos / "out" / "report").read_text("utf-8")
    assert "B003" in written and "\x1b[" not in written
    assert cli("check", "--output-file", "report.txt", "clean.md").exit_code == 0


def test_output_file_that_cannot_be_written_is_exit_2(memos):
    (memos / "taken").write_text("", encoding="utf-8")
    result = cli("check", "--output-file", "taken/report.txt", "bullety.md")
    assert result.exit_code == 2 and "--output-file" in result.output
