"""The pre-commit hook, run by the real pre-commit (``try-repo``) in a fresh git repo.

This is the path a doc repo takes: pre-commit clones the hook repository,
installs it into its own virtualenv with pip (from PyPI, so this test needs
the package index) and runs ``memolint check`` on the staged files its
``files`` pattern matches. The hook repository is a snapshot of this
checkout's package sources committed into a temporary repo, so the test
exercises the working tree, committed or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What pip needs to build and install memolint, plus the hook manifest.
HOOK_SOURCES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "memolint", "rules")
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "memolint tests", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "memolint tests", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

PROSE = ("We propose one ticketing system for all three support teams because it cuts the "
         "backlog by a third within two quarters and needs no new headcount.")
GOOD = f"# Proposal\n\n{PROSE}\n\n{PROSE}\n"
BAD = f"# Plan\n\n{PROSE}\n\n- Faster onboarding\n  - EU first\n    - Paris\n- Lower cost\n"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=GIT_ENV)


def new_repo(path: Path) -> Path:
    path.mkdir()
    git("init", "-q", "-b", "main", cwd=path)
    return path


def commit_all(path: Path) -> None:
    git("add", "-A", cwd=path)
    git("-c", "commit.gpgsign=false", "commit", "-q", "-m", "snapshot", cwd=path)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    repo = new_repo(tmp_path_factory.mktemp("hook") / "memolint")
    for name in HOOK_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, repo / name)
    commit_all(repo)
    return repo


@pytest.fixture(scope="module")
def doc_repo(tmp_path_factory) -> Path:
    repo = new_repo(tmp_path_factory.mktemp("docs") / "docs")
    # Only the bullets family, so the good memo stays good as rule families are added.
    (repo / ".memolint.toml").write_text('select = ["B"]\n', encoding="utf-8")
    (repo / "good.md").write_text(GOOD, encoding="utf-8")
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "notes.txt").write_text(BAD, encoding="utf-8")  # not a memo: never passed
    shutil.copy2(ROOT / "fixtures" / "bullet-heavy.docx", repo / "status.docx")
    git("add", "-A", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def try_repo(hook_repo, doc_repo, tmp_path_factory):
    env = {**GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
           "PRE_COMMIT_COLOR": "never"}

    def run(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "memolint",
             "--verbose", "--files", *files],
            cwd=doc_repo, env=env, capture_output=True, text=True, timeout=600,
        )

    return run


def test_hook_passes_a_good_memo_and_skips_files_that_are_not_memos(try_repo):
    result = try_repo("good.md", "notes.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert "good.md: " in result.stdout and "notes.txt" not in result.stdout


def test_hook_fails_on_a_bad_markdown_memo_and_a_bad_docx(try_repo):
    result = try_repo("good.md", "bad.md", "status.docx")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "bad.md:6:5: B003 [warning]" in result.stdout
    assert "status.docx:" in result.stdout and "B001 [error]" in result.stdout
