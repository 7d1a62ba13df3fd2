"""JUnit XML: one test case per file, read back with the standard library's parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.memos import cli, write_memos


@pytest.fixture()
def memos(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write_memos(tmp_path, docx=True)


def cases(*args: str) -> tuple[ET.Element, dict[str, ET.Element]]:
    result = cli("check", "--format", "junit", *args)
    root = ET.fromstring(result.output.encode("utf-8"))
    return root, {case.get("name"): case for case in root.iter("testcase")}


def test_one_case_per_file_and_failures_match_fail_on(memos):
    root, by_name = cases("bullety.md", "clean.md", "status.docx")
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    assert list(by_name) == ["bullety.md", "clean.md", "status.docx"]
    assert list(by_name["clean.md"]) == []
    failure = by_name["bullety.md"].find("failure")
    assert failure.get("message") == "1 finding at or above warning"
    assert failure.text.startswith("bullety.md:6:5: B003 [warning] list nested")
    assert by_name["bullety.md"].find("system-out").text.count("B004 [info]") == 3
    assert "(paragraphs 18-19)" in by_name["status.docx"].find("failure").text


def test_below_fail_on_is_output_not_failure(memos):
    _, by_name = cases("--fail-on", "error", "bullety.md")
    case = by_name["bullety.md"]
    assert case.find("failure") is None and "B003 [warning]" in case.find("system-out").text


def test_unreadable_file_is_an_error_case(memos):
    (memos / "empty.md").write_bytes(b"")
    root, by_name = cases("empty.md")
    error = by_name["empty.md"].find("error")
    assert error.get("type") == "empty" and "empty.md" in error.get("message")
    assert root.get("errors") == "1"
