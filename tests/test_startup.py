"""Start-up paths: ``--version`` before click, and built-in TOML parsed once per machine."""

import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from memolint import tomlcache
from memolint.cli import main
from memolint.packs import builtin_pack_paths
from memolint.tomlcompat import tomllib


@pytest.mark.parametrize("args", [["--version"], ["rules"], ["rules", "--format", "json"],
                                  ["rule", "B001"], ["rule", "bullet-density"]])
def test_light_commands_answer_without_click_exactly_as_the_cli(args):
    code = ("import sys\nfrom memolint.__main__ import run\n"
            f"sys.argv = ['memolint', *{args!r}]\nrun()\n"
            "print(sorted(m for m in ('click', 'memolint.cli', 'spacy') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    fast, imported = out.stdout.rsplit("\n", 2)[:2]
    assert fast + "\n" == CliRunner().invoke(main, args).output
    assert imported == "[]"


@pytest.mark.parametrize(("args", "also"), [
    (["rules"], ("re", "json", "functools", "collections")),  # plain listing: not even these
    (["rules", "--format", "json"], ()), (["rule", "B001"], ())])
def test_light_commands_skip_the_slow_standard_modules(tmp_path, args, also):
    """Their start-up time is mostly imports; a cached listing needs none of these."""
    slow = ("dataclasses", "typing", "pathlib", "hashlib", "tomllib", "inspect", *also)
    code = ("import sys\nbefore = set(sys.modules)\nfrom memolint.__main__ import run\n"
            f"sys.argv = ['memolint', *{args!r}]\nrun()\n"
            f"print(sorted(m for m in {slow!r} if m in sys.modules and m not in before))\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    for _ in range(2):  # the first run fills the cache
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env=env)
    assert out.stdout.rsplit("\n", 2)[1] == "[]"


@pytest.mark.parametrize("args", [["rule", "Z999"], ["rules", "--help"], ["rule", "--help"]])
def test_other_forms_and_errors_go_to_the_cli(args):
    fast = subprocess.run([sys.executable, "-m", "memolint", *args], capture_output=True,
                          text=True)
    cli = CliRunner().invoke(main, args, prog_name="python -m memolint")
    assert (fast.returncode, fast.stdout + fast.stderr) == (cli.exit_code, cli.output)


def _fresh_cache(monkeypatch, folder: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    tomlcache.forget_entries()


@pytest.fixture(autouse=True)
def _forget_test_entries():
    """Entries a test made must not reach the real cache through the in-memory copy."""
    yield
    tomlcache.forget_entries()


def _stored() -> dict:
    """The cache file's entries: the exact bytes of each file → its table."""
    return marshal.loads(Path(tomlcache.cache_file()).read_bytes())


def test_copies_of_a_file_share_one_entry_and_the_cache_stays_bounded(monkeypatch, tmp_path):
    _fresh_cache(monkeypatch, tmp_path / "cache")
    one, two = tmp_path / "one" / "pack.toml", tmp_path / "two" / "pack.toml"
    for path in (one, two):  # two checkouts of the same file
        path.parent.mkdir()
        path.write_text("a = 1\n", encoding="utf-8")
        assert tomlcache.load_toml(path, remember=True) == {"a": 1}
    assert _stored() == {b"a = 1\n": {"a": 1}}
    for number in range(tomlcache.MAX_ENTRIES + 5):
        one.write_text(f"a = {number}\n", encoding="utf-8")
        tomlcache.load_toml(one, remember=True)
    stored = _stored()
    assert len(stored) == tomlcache.MAX_ENTRIES
    assert list(stored.values())[-1] == {"a": tomlcache.MAX_ENTRIES + 4}  # the newest kept


def test_a_cached_table_equals_the_parsed_file_and_is_reused(monkeypatch, tmp_path):
    _fresh_cache(monkeypatch, tmp_path)
    pack = builtin_pack_paths()[0]
    first = tomlcache.load_toml(pack, remember=True)
    assert first == tomllib.loads(pack.read_text(encoding="utf-8"))
    assert _stored()[pack.read_bytes()] == first
    tomlcache.forget_entries()  # a new process reads the cache file
    assert tomlcache.load_toml(pack, remember=True) == first


def test_the_toml_file_stays_the_source_of_truth(monkeypatch, tmp_path):
    _fresh_cache(monkeypatch, tmp_path / "cache")
    path = tmp_path / "pack.toml"
    path.write_text('a = 1\nb = "x"\n', encoding="utf-8")
    assert tomlcache.load_toml(path, remember=True) == {"a": 1, "b": "x"}
    path.write_text('a = 2.0\nb = "x"\n', encoding="utf-8")
    again = tomlcache.load_toml(path, remember=True)
    assert again == {"a": 2.0, "b": "x"} and isinstance(again["a"], float)


def test_a_corrupt_or_foreign_cache_is_ignored_and_replaced(monkeypatch, tmp_path):
    _fresh_cache(monkeypatch, tmp_path / "cache")
    path = tmp_path / "pack.toml"
    path.write_text("a = 1\n", encoding="utf-8")
    target = Path(tomlcache.cache_file())
    target.parent.mkdir(parents=True)
    whole = marshal.dumps({b"a = 1\n": {"a": 1}, b"b = 2\n": {"b": 2}})
    for junk in (b"", b"{not marshal", whole[:-9], marshal.dumps([1, 2]),
                 marshal.dumps({b"a = 1\n": [1]}), marshal.dumps({b"a = 1\n": {"a": 2}})[:-1]):
        target.write_bytes(junk)
        tomlcache.forget_entries()
        assert tomlcache.load_toml(path, remember=True) == {"a": 1}
    assert _stored()[b"a = 1\n"] == {"a": 1}


def test_tables_json_cannot_hold_and_unwritable_caches_still_parse(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    _fresh_cache(monkeypatch, blocker)  # the cache folder would be inside a file
    path = tmp_path / "dated.toml"
    path.write_text("when = 2024-05-01\n", encoding="utf-8")
    assert str(tomlcache.load_toml(path, remember=True)["when"]) == "2024-05-01"
    path.write_text("a = 1\n", encoding="utf-8")
    assert tomlcache.load_toml(path, remember=True) == {"a": 1}
    assert not Path(tomlcache.cache_file()).exists()


def test_remembered_values_are_rebuilt_when_their_key_changes(monkeypatch, tmp_path):
    _fresh_cache(monkeypatch, tmp_path)
    built = []

    def build(value):
        return lambda: built.append(value) or {"v": value}

    assert tomlcache.remembered("thing", "k1", build(1)) == {"v": 1}
    assert tomlcache.remembered("thing", "k1", build(2)) == {"v": 1}
    assert tomlcache.remembered("thing", "k2", build(3)) == {"v": 3}
    assert built == [1, 3]
