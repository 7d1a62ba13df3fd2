"""Config discovery, validation and precedence."""

from pathlib import Path

import pytest

from memolint.config import find_config_file, load_config_file, settings_for, with_file_settings
from memolint.errors import ConfigError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_read(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.memolint]\nprofile = "prfaq"\nignore = ["B004"]\n')
    settings = settings_for(tmp_path / "memo.md", None, {})
    assert settings.profile == "prfaq"
    assert settings.ignore == ("B004",)
    assert settings.source == tmp_path / "pyproject.toml"


def test_pyproject_without_memolint_table_is_skipped(tmp_path):
    write(tmp_path / ".memolint.toml", 'fail-on = "error"\n')
    write(tmp_path / "docs" / "pyproject.toml", "[tool.black]\nline-length = 80\n")
    found = find_config_file((tmp_path / "docs").resolve())
    assert found == (tmp_path / ".memolint.toml").resolve()


def test_nearest_config_wins(tmp_path):
    write(tmp_path / "memolint.toml", 'profile = "six-pager"\n')
    write(tmp_path / "team" / ".memolint.toml", 'profile = "prfaq"\n')
    assert settings_for(tmp_path / "team" / "a.md", None, {}).profile == "prfaq"
    assert settings_for(tmp_path / "b.md", None, {}).profile == "six-pager"


def test_cli_overrides_beat_the_file(tmp_path):
    write(tmp_path / ".memolint.toml", 'fail-on = "error"\n')
    assert settings_for(tmp_path / "a.md", None, {"fail_on": "info"}).fail_on == "info"


def test_unknown_key_names_file_key_and_allowed(tmp_path):
    path = write(tmp_path / ".memolint.toml", 'profil = "prfaq"\n')
    with pytest.raises(ConfigError) as err:
        load_config_file(path)
    message = str(err.value)
    assert str(path) in message and "'profil'" in message and "profile" in message


def test_bad_value_is_an_error(tmp_path):
    path = write(tmp_path / ".memolint.toml", 'fail-on = "sometimes"\n')
    with pytest.raises(ConfigError, match=r"fail-on.*not one of error, warning, info"):
        load_config_file(path)


def test_bad_page_key_and_type(tmp_path):
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        load_config_file(write(tmp_path / "a" / ".memolint.toml", "[page]\ncolour = 1\n"))
    with pytest.raises(ConfigError, match="size_pt: bad value"):
        load_config_file(write(tmp_path / "b" / ".memolint.toml", '[page]\nsize_pt = "big"\n'))


def test_invalid_toml_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config_file(write(tmp_path / ".memolint.toml", "profile = \n"))


def test_packs_resolve_relative_to_the_config(tmp_path):
    path = write(tmp_path / "cfg" / ".memolint.toml", 'packs = ["team/pack.toml"]\n')
    assert load_config_file(path).packs == ((tmp_path / "cfg" / "team" / "pack.toml").resolve(),)


def test_front_matter_settings_apply_and_are_checked(tmp_path):
    base = settings_for(tmp_path / "a.md", None, {})
    assert with_file_settings(base, {"profile": "prfaq"}, "a.md").profile == "prfaq"
    with pytest.raises(ConfigError, match=r"a\.md.*unknown key 'packs'"):
        with_file_settings(base, {"packs": ["x.toml"]}, "a.md")
