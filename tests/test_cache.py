"""The result cache: hits only for the same bytes, name, settings, packs and code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import memolint.engine
from memolint.cache import CACHE_DIR_NAME, ResultCache
from memolint.cli import main
from memolint.packs import load_pack
from memolint.runner import run

PROSE = ("We propose one ticketing system for all three support teams because it cuts the "
         "backlog by a third within two quarters and needs no new headcount.")
BULLETY = f"# Plan\n\n{PROSE}\n\n- Faster onboarding\n  - EU first\n- Lower cost\n"
CONFIG = 'select = ["B"]\n[nlp]\nmodel = "blank"\n'
PACK = """
[[rules]]
code = "B901"
name = "team-bullets"
kind = "nested_bullets"
summary = "Team rule."
options = { max_depth = 1, exempt_roles = [] }
[rules.docs]
what = "w"
why = "y"
source = "s"
strength = "our own choice"
bad = "b"
good = "g"
[rules.docs.options]
max_depth = "m"
exempt_roles = "r"
"""


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".memolint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.md").write_text(BULLETY, encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# Plan\n\n{PROSE}\n", encoding="utf-8")
    return tmp_path


def lint(*paths: str, cache: ResultCache | None = None, **overrides):
    return [r.to_json() for r in run(list(paths), overrides, None, None, cache=cache)]


def refuse_linting(monkeypatch) -> None:
    """Make any real lint fail loudly, so only cache hits can succeed."""
    def refuse(*args, **kwargs):
        raise AssertionError("linted although the cache should have answered")

    monkeypatch.setattr(memolint.engine, "lint_file", refuse)


def entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR_NAME).rglob("*.json"))


def test_second_run_is_answered_from_the_cache(repo, monkeypatch):
    first = lint("a.md", "b.md", cache=ResultCache())
    assert len(entries(repo)) == 2
    assert (repo / CACHE_DIR_NAME / "CACHEDIR.TAG").read_text().startswith("Signature: ")
    assert (repo / CACHE_DIR_NAME / ".gitignore").read_text().endswith("*\n")
    refuse_linting(monkeypatch)
    assert lint("a.md", "b.md", cache=ResultCache()) == first
    assert first[0]["diagnostics"] and first[0]["metrics"]["list_items"] == 3


def test_changed_bytes_settings_or_name_miss(repo):
    cache = ResultCache()
    lint("a.md", cache=cache)
    (repo / "a.md").write_text(BULLETY + "\nMore.\n", encoding="utf-8")
    lint("a.md", cache=cache)
    assert len(entries(repo)) == 2
    lint("a.md", cache=ResultCache(), ignore=("B001",))
    assert len(entries(repo)) == 3
    lint(str(repo / "a.md"), cache=ResultCache())  # shown under another name
    assert len(entries(repo)) == 4


def test_extra_pack_contents_are_part_of_the_key(repo):
    pack = repo / "team.toml"
    pack.write_text(PACK, encoding="utf-8")
    (repo / ".memolint.toml").write_text('packs = ["team.toml"]\nextend-select = ["B901"]\n'
                                         + CONFIG, encoding="utf-8")
    [first] = lint("a.md", cache=ResultCache())
    assert "B901" in {d["code"] for d in first["diagnostics"]}
    pack.write_text(PACK.replace("max_depth = 1", "max_depth = 2"), encoding="utf-8")
    load_pack.cache_clear()  # a new CLI run is a new process
    [second] = lint("a.md", cache=ResultCache())
    assert "B901" not in {d["code"] for d in second["diagnostics"]}


def test_corrupt_or_foreign_entries_are_ignored_and_rewritten(repo):
    [good] = lint("a.md", cache=ResultCache())
    [entry] = entries(repo)
    for damage in (b"{not json", b"", json.dumps({"schema": 1, "key": "0" * 64}).encode(),
                   json.dumps({"schema": 1, "key": entry.stem, "result": {"path": 1}}).encode()):
        entry.write_bytes(damage)
        assert lint("a.md", cache=ResultCache()) == [good]
        assert json.loads(entry.read_text())["key"] == entry.stem
    assert not [p for p in entry.parent.iterdir() if p.name.startswith(".tmp-")]


def test_internal_failures_are_not_stored(repo, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(memolint.engine, "lint_file", crash)
    [result] = lint("a.md", cache=ResultCache())
    assert result["error"]["kind"] == "internal" and "boom" in result["error"]["message"]
    assert entries(repo) == []


def test_input_errors_are_cached_like_results(repo, monkeypatch):
    (repo / "bad.md").write_bytes(b"caf\xe9\n")
    first = lint("bad.md", cache=ResultCache())
    assert first[0]["error"]["kind"] == "encoding" and len(entries(repo)) == 1
    refuse_linting(monkeypatch)
    assert lint("bad.md", cache=ResultCache()) == first


def test_cli_no_cache_and_cache_dir(repo):
    runner = CliRunner()
    assert runner.invoke(main, ["check", "--no-cache", "a.md"]).exit_code == 1
    assert not (repo / CACHE_DIR_NAME).exists()
    elsewhere = repo / "elsewhere"
    assert runner.invoke(main, ["check", "--cache-dir", str(elsewhere), "a.md"]).exit_code == 1
    assert not (repo / CACHE_DIR_NAME).exists() and list(elsewhere.rglob("*.json"))


def test_cache_lives_beside_the_config_file(repo, monkeypatch):
    (repo / "sub").mkdir()
    monkeypatch.chdir(repo / "sub")
    assert CliRunner().invoke(main, ["check", "../a.md"]).exit_code == 1
    assert entries(repo) and not (repo / "sub" / CACHE_DIR_NAME).exists()


def test_unwritable_cache_folder_is_skipped(repo):
    blocker = repo / "blocker"
    blocker.write_text("a file where the cache folder should go", encoding="utf-8")
    assert lint("a.md", cache=ResultCache(blocker / "cache"))[0]["diagnostics"]


def test_cached_rerun_imports_nothing_heavy(repo):
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom memolint.cli import main\n"
        "result = CliRunner().invoke(main, ['check', '--format', 'json', 'a.md', 'b.md'])\n"
        "assert result.exit_code == 1, result.output\n"
        "heavy = ('spacy', 'textstat', 'pyphen', 'docx', 'lxml', 'markdown_it', 'yaml',\n"
        "  'memolint.analysis', 'memolint.document', 'memolint.kinds', 'memolint.registry',\n"
        "  'memolint.suppressions', 'memolint.readers.markdown', 'memolint.readers.docx',\n"
        "  'memolint.layout')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, cwd=repo)
    again = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                           text=True, cwd=repo)
    assert again.stdout.strip() == "[]"
