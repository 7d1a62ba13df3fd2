"""SARIF 2.1.0: valid against the official OASIS schema, rules documented, findings located."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from memolint.report import sarif
from tests.memos import cli, write_memos

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0.json").read_text("utf-8"))


@pytest.fixture()
def memos(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_memos(tmp_path, docx=True)


def sarif_of(*paths: str) -> dict:
    result = cli("check", "--format", "sarif", *paths)
    assert result.exit_code in (0, 1, 2), result.output
    log = json.loads(result.output)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def test_log_is_valid_and_describes_every_rule(memos):
    log = sarif_of("bullety.md", "clean.md", "status.docx")
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "memolint" and driver["version"] == "0.1.0"
    rules = {r["id"]: r for r in driver["rules"]}
    b001 = rules["B001"]
    assert b001["name"] == "bullet-density"
    assert b001["defaultConfiguration"]["level"] == "warning"
    assert "share of the body's running text" in b001["fullDescription"]["text"]
    assert "Why:" in b001["help"]["text"] and "### Why" in b001["help"]["markdown"]
    assert "`warn_share` = `0.2`" in b001["help"]["markdown"]


def test_markdown_results_have_physical_locations(memos):
    run = sarif_of("bullety.md", "clean.md")["runs"][0]
    results = run["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("B004", "note"), ("B003", "warning"), ("B004", "note"), ("B004", "note")]
    nested = results[1]
    location = nested["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "bullety.md"
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["region"] == {"startLine": 6, "startColumn": 5, "endLine": 6,
                                  "endColumn": 13, "snippet": {"text": "EU first"}}
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rule_ids[nested["ruleIndex"]] == "B003"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == memos.resolve().as_uri() + "/"
    assert run["invocations"][0]["executionSuccessful"] is True


def test_docx_results_are_located_by_paragraph(memos):
    results = sarif_of("status.docx")["runs"][0]["results"]
    nested = next(r for r in results if r["ruleId"] == "B003")
    region = nested["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"]) == (18, 19)
    assert region["message"]["text"] == "paragraphs 18-19"
    assert nested["message"]["text"].endswith("(paragraphs 18-19)")
    fragment = next(r for r in results if r["ruleId"] == "B004")
    assert fragment["locations"][0]["physicalLocation"]["region"]["message"]["text"] == \
        "paragraph 10"


def test_unreadable_file_is_a_notification_and_still_valid(memos):
    (memos / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    log = sarif_of("broken.docx", "bullety.md")
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error" and "broken.docx" in note["message"]["text"]
    assert len(log["runs"][0]["results"]) == 4


def test_paths_outside_the_working_directory_are_absolute_uris(tmp_path, monkeypatch):
    write_memos(tmp_path)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    log = sarif_of(str(tmp_path / "bullety.md"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == (tmp_path / "bullety.md").resolve().as_uri()
    assert "uriBaseId" not in location["artifactLocation"]


def test_help_uri_comes_from_the_documentation_url(memos, monkeypatch):
    monkeypatch.setattr(sarif, "_docs_url", lambda: "https://docs.example/memolint/rules")
    rules = sarif_of("bullety.md")["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["helpUri"] == "https://docs.example/memolint/rules#b001-bullet-density"
