"""memolint init: a commented config that memolint accepts, never clobbering one."""

from __future__ import annotations

import json

import pytest

from memolint.config import load_config_file
from memolint.errors import ConfigError
from memolint.init import init_config
from tests.memos import BULLETY, cli

PYPROJECT = '[project]\nname = "docs"\n\n[tool.ruff]\nline-length = 100\n'


@pytest.fixture()
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_appends_to_an_existing_pyproject_and_memolint_reads_it(project):
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    result = cli("init", "--profile", "prfaq")
    assert result.exit_code == 0, result.output
    assert "pyproject.toml" in result.output
    text = (project / "pyproject.toml").read_text("utf-8")
    assert text.startswith(PYPROJECT) and "\n[tool.memolint]\n" in text
    assert "# [tool.memolint.rules.bullet-density]" in text  # commented examples
    settings = load_config_file(project / "pyproject.toml")
    assert settings.profile == "prfaq" and settings.fail_on == "warning"
    (project / "memo.md").write_text(BULLETY, encoding="utf-8")
    payload = json.loads(cli("check", "--format", "json", "memo.md").output)
    assert payload["files"][0]["profile"] == "prfaq"


def test_never_clobbers_an_existing_table(project):
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    assert cli("init").exit_code == 0
    before = (project / "pyproject.toml").read_bytes()
    again = cli("init", "--profile", "prfaq")
    assert again.exit_code == 2 and "already has a [tool.memolint] table" in again.output
    assert (project / "pyproject.toml").read_bytes() == before


@pytest.mark.parametrize("existing", [
    "[tool.memolint.rules.bullet-density]\nseverity = \"error\"\n",
    "tool.memolint.profile = \"prfaq\"\n",
])
def test_sub_tables_and_dotted_keys_count_as_existing(project, existing):
    (project / "pyproject.toml").write_text(existing, encoding="utf-8")
    with pytest.raises(ConfigError, match="already has"):
        init_config(project, "six-pager")
    assert (project / "pyproject.toml").read_text("utf-8") == existing


def test_writes_dotfile_without_pyproject_and_refuses_twice(project):
    result = cli("init")
    assert result.exit_code == 0 and ".memolint.toml" in result.output
    path = project / ".memolint.toml"
    assert "[tool.memolint]" not in path.read_text("utf-8")
    assert load_config_file(path).profile == "six-pager"
    assert not (project / "pyproject.toml").exists()
    before = path.read_bytes()
    assert cli("init", "--profile", "prfaq").exit_code == 2
    assert cli("init", "--file", "pyproject.toml").exit_code == 2  # would be shadowed
    assert path.read_bytes() == before and not (project / "pyproject.toml").exists()


def test_explicit_targets_and_directory(project):
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    assert cli("init", "--file", ".memolint.toml").exit_code == 0
    assert (project / "pyproject.toml").read_text("utf-8") == PYPROJECT
    sub = project / "docs"
    sub.mkdir()
    assert cli("init", "--dir", "docs", "--file", "pyproject.toml").exit_code == 0
    assert load_config_file(sub / "pyproject.toml").profile == "six-pager"


def test_bad_profile_or_broken_pyproject_writes_nothing(project):
    result = cli("init", "--profile", "novel")
    assert result.exit_code == 2 and "unknown profile 'novel'" in result.output
    assert list(project.iterdir()) == []
    (project / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    result = cli("init")
    assert result.exit_code == 2 and "not valid TOML" in result.output
    assert (project / "pyproject.toml").read_text("utf-8") == "[project\n"
    assert sorted(p.name for p in project.iterdir()) == ["pyproject.toml"]


def test_file_without_final_newline_and_mode_are_kept(project):
    path = project / "pyproject.toml"
    path.write_text('[project]\nname = "x"', encoding="utf-8")
    path.chmod(0o640)
    assert cli("init").exit_code == 0
    assert path.read_text("utf-8").startswith('[project]\nname = "x"\n\n# memolint')
    assert path.stat().st_mode & 0o777 == 0o640
