"""The command line as users and CI meet it: output, exit codes, bad input."""

import json
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner

from memolint.cli import main

PROSE = ("We propose one ticketing system for all three support teams because it cuts the "
         "backlog by a third within two quarters and needs no new headcount.")
CLEAN = f"# Proposal\n\n{PROSE}\n\n{PROSE}\n"
BULLETY = f"# Plan\n\n{PROSE}\n\n- Faster onboarding\n  - EU first\n- Lower cost\n"


@pytest.fixture()
def memos(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".memolint.toml").write_text('[nlp]\nmodel = "blank"\n', encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "bullety.md").write_text(BULLETY, encoding="utf-8")
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_clean_file_exits_0_with_a_verdict(memos):
    result = run("check", "clean.md")
    assert result.exit_code == 0, result.output
    assert result.output.strip().startswith("clean.md: ") and "no findings" in result.output


def test_findings_exit_1_with_located_lines(memos):
    result = run("check", "--no-color", "bullety.md")
    assert result.exit_code == 1
    assert "bullety.md:6:5: B003 [warning] list nested 2 levels deep" in result.output
    assert result.output.splitlines()[-1].startswith("bullety.md: ")


def test_fail_on_and_exit_zero(memos):
    assert run("check", "--fail-on", "error", "bullety.md").exit_code == 0
    assert run("check", "--exit-zero", "bullety.md").exit_code == 0
    assert run("check", "--select", "B004", "--fail-on", "info", "bullety.md").exit_code == 1
    assert run("check", "--select", "B004", "bullety.md").exit_code == 0  # info < warning


def test_json_contract(memos):
    result = run("check", "--format", "json", "bullety.md", "clean.md")
    payload = json.loads(result.output)
    assert payload["memolint"] == "0.1.0"
    first = payload["files"][0]
    assert {"path", "format", "profile", "error", "metrics", "diagnostics"} <= set(first)
    assert first["format"] == "markdown" and first["profile"] == "six-pager"
    metrics = first["metrics"]
    for key in ("pages", "body_pages", "max_pages", "page_source", "words", "body_words",
                "appendix_words", "sentences", "paragraphs", "list_items", "manual_bullets",
                "bullet_word_share", "tables", "flesch_reading_ease", "flesch_kincaid_grade",
                "headings"):
        assert key in metrics
    assert metrics["list_items"] == 3 and metrics["headings"][0] == {
        "level": 1, "text": "Plan", "line": 1, "role": "body"}
    diag = first["diagnostics"][0]
    assert set(diag) == {"code", "name", "severity", "message", "line", "column", "end_line",
                         "end_column", "snippet", "fix"}


@pytest.mark.parametrize("name, data, kind", [
    ("broken.docx", b"PK\x03\x04 this is not really a zip", "corrupt"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old-format"),
    ("binary.md", b"\x00\x01\x02 binary", "binary"),
    ("latin1.md", "Caf\xe9 memo".encode("latin-1"), "encoding"),
    ("empty.md", b"", "empty"),
])
def test_bad_input_exits_2_and_other_files_are_still_linted(memos, name, data, kind):
    (memos / name).write_bytes(data)
    result = run("check", "--format", "json", name, "bullety.md")
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert files[0]["error"]["kind"] == kind and name in files[0]["error"]["message"]
    assert files[1]["error"] is None and files[1]["diagnostics"]
    text = run("check", name)
    assert text.exit_code == 2 and len(text.output.strip().splitlines()) == 1
    assert "Traceback" not in text.output


def test_zip_bomb_is_refused(memos):
    with zipfile.ZipFile(memos / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    result = run("check", "--format", "json", "bomb.docx")
    assert result.exit_code == 2
    assert json.loads(result.output)["files"][0]["error"]["kind"] == "zip-bomb"


def test_missing_file_and_unknown_suffix(memos):
    assert run("check", "nope.md").exit_code == 2
    (memos / "notes.txt").write_text("hello", encoding="utf-8")
    result = run("check", "notes.txt")
    assert result.exit_code == 2 and "memolint reads .md, .markdown and .docx" in result.output


def test_config_error_is_one_line_and_exit_2(memos):
    (memos / ".memolint.toml").write_text('profil = "x"\n', encoding="utf-8")
    result = run("check", "clean.md")
    assert result.exit_code == 2
    assert "unknown key 'profil'" in result.output and "Traceback" not in result.output


def test_directory_walk_respects_exclude(memos):
    (memos / "drafts").mkdir()
    (memos / "drafts" / "draft.md").write_text(BULLETY, encoding="utf-8")
    (memos / "node_modules").mkdir()
    (memos / "node_modules" / "x.md").write_text(BULLETY, encoding="utf-8")
    result = run("check", "--format", "json", ".")
    paths = [f["path"] for f in json.loads(result.output)["files"]]
    assert paths == ["bullety.md", "clean.md", "drafts/draft.md"]
    (memos / ".memolint.toml").write_text('exclude = ["drafts/"]\n[nlp]\nmodel = "blank"\n',
                                          encoding="utf-8")
    result = run("check", "--format", "json", ".")
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["bullety.md", "clean.md"]


def test_stdin_with_filename(memos):
    result = run("check", "-", "--stdin-filename", "memo.md", input=BULLETY)
    assert result.exit_code == 1 and "memo.md:6:5: B003" in result.output


def test_front_matter_selects_profile(memos):
    (memos / "pr.md").write_text("---\nmemolint:\n  profile: prfaq\n---\n" + CLEAN,
                                 encoding="utf-8")
    payload = json.loads(run("check", "--format", "json", "pr.md").output)
    assert payload["files"][0]["profile"] == "prfaq"


def test_inputs_are_never_modified(memos):
    before = (memos / "bullety.md").read_bytes()
    run("check", "bullety.md")
    assert (memos / "bullety.md").read_bytes() == before


def test_inspect_shows_blocks_sentences_and_metrics(memos):
    result = run("inspect", "bullety.md")
    assert result.exit_code == 0
    assert "list_item d2" in result.output and "sentences:" in result.output
    data = json.loads(run("inspect", "--format", "json", "bullety.md").output)
    assert [b["kind"] for b in data["blocks"]] == ["heading", "paragraph", "list_item",
                                                   "list_item", "list_item"]
    assert data["sentences"][0]["line"] == 3


def test_rule_docs_and_listing():
    listing = run("rules")
    assert listing.exit_code == 0 and "B001  bullet-density" in listing.output
    page = run("rule", "bullet-density")
    for heading in ("What it checks:", "Why:", "Source:", "Strength of the source:",
                    "Options", "Bad:", "Good:"):
        assert heading in page.output
    assert run("rule", "Z999").exit_code == 2


def test_light_commands_do_not_import_spacy():
    code = ("import sys\nfrom click.testing import CliRunner\nfrom memolint.cli import main\n"
            "for args in (['--version'], ['rules'], ['rule', 'B001']):\n"
            "    assert CliRunner().invoke(main, args).exit_code == 0\n"
            "print(sorted(m for m in ('spacy', 'textstat', 'docx') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_python_dash_m_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "memolint", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "memolint, version 0.1.0"


def test_quiet_prints_only_verdicts_and_color_is_opt_in(memos):
    quiet = run("check", "--quiet", "bullety.md")
    assert quiet.exit_code == 1 and quiet.output.strip().splitlines() == [
        quiet.output.strip()] and quiet.output.startswith("bullety.md: ")
    assert "\x1b[" not in run("check", "bullety.md").output  # not a terminal: no color
    assert "\x1b[" in run("check", "--color", "bullety.md").output
