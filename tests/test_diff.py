"""--diff REF on a real git history: changed Markdown lines only, changed DOCX whole."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from memolint.diff import parse_patch
from tests.memos import BULLETY, PROSE, ROOT, cli, write_memos

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    write_memos(tmp_path, docx=True)
    shutil.copy2(ROOT / "fixtures" / "manual-bullets.docx", tmp_path / "freight.docx")
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("-c", "commit.gpgsign=false", "commit", "-q", "-m", "first")
    return tmp_path


def findings(*args: str) -> dict[str, list[tuple[str, int]]]:
    result = cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return {f["path"]: [(d["code"], d["line"]) for d in f["diagnostics"]]
            for f in json.loads(result.output)["files"]}


def test_only_findings_on_changed_markdown_lines(repo):
    # Edit the memo: a new nested list after the old one (lines 8-9), old lines untouched.
    (repo / "bullety.md").write_text(BULLETY + "\nMore.\n\n- Ship it\n  - Now\n", "utf-8")
    everything = findings("bullety.md")["bullety.md"]
    assert ("B003", 6) in everything and ("B003", 12) in everything
    assert findings("--diff", "HEAD", "bullety.md") == {
        "bullety.md": [("B004", 11), ("B003", 12), ("B004", 12)]}


def test_unchanged_files_are_dropped_and_exit_code_follows(repo):
    assert findings("--diff", "HEAD", ".") == {}
    assert cli("check", "--diff", "HEAD", "bullety.md").exit_code == 0
    assert cli("check", "bullety.md").exit_code == 1


def test_committed_changes_since_an_older_revision_count(repo):
    (repo / "clean.md").write_text(f"# Proposal\n\n{PROSE}\n\n- Ask\n  - Now\n", "utf-8")
    git("-c", "commit.gpgsign=false", "commit", "-q", "-am", "second")
    assert findings("--diff", "HEAD", ".") == {}
    assert findings("--diff", "HEAD~1", "clean.md") == {"clean.md": [("B004", 5), ("B003", 6),
                                                                      ("B004", 6)]}
    assert findings("--diff", "HEAD~1...HEAD", "clean.md") == findings("--diff", "HEAD~1",
                                                                         "clean.md")


def test_changed_docx_is_checked_whole(repo):
    shutil.copy2(repo / "freight.docx", repo / "status.docx")  # replace the Word file
    result = findings("--diff", "HEAD", "status.docx", "freight.docx")
    assert list(result) == ["status.docx"]
    assert result["status.docx"] == findings("freight.docx")["freight.docx"] != []


def test_untracked_memo_counts_as_wholly_new(repo):
    (repo / "new.md").write_text(BULLETY, "utf-8")
    assert findings("--diff", "HEAD", ".") == {"new.md": findings("new.md")["new.md"]}


def test_bad_revision_and_no_repository_are_exit_2(repo, tmp_path_factory, monkeypatch):
    result = cli("check", "--diff", "no-such-branch", "bullety.md")
    assert result.exit_code == 2 and "no-such-branch" in result.output
    option_like = cli("check", "--diff=--output=x", "bullety.md")
    assert option_like.exit_code == 2 and "is not a git revision" in option_like.output
    outside = tmp_path_factory.mktemp("not-a-repo")
    write_memos(outside)
    monkeypatch.chdir(outside)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.parent))
    result = cli("check", "--diff", "HEAD", "bullety.md")
    assert result.exit_code == 2 and "--diff" in result.output


def test_parse_patch_reads_hunks_and_quoted_names():
    patch = """\
diff --git a/memo.md b/memo.md
--- a/memo.md
+++ b/memo.md
@@ -3 +3 @@
-old
+new
@@ -10,0 +11,2 @@
+a
+b
@@ -20,2 +22,0 @@
-gone
-gone
diff --git "a/caf\\303\\251 \\"x\\".md" "b/caf\\303\\251 \\"x\\".md"
--- "a/caf\\303\\251 \\"x\\".md"
+++ "b/caf\\303\\251 \\"x\\".md"
@@ -0,0 +1,3 @@
+one
diff --git a/gone.md b/gone.md
--- a/gone.md
+++ /dev/null
@@ -1,2 +0,0 @@
"""
    assert parse_patch(patch.splitlines()) == {"memo.md": {3, 11, 12},
                                               'café "x".md': {1, 2, 3}}
