"""The engine: rule selection, options, severities, crashes and ordering."""

from pathlib import Path

import pytest

from memolint.config import Settings
from memolint.engine import lint_document, select_rules
from memolint.errors import ConfigError
from memolint.kinds import kind
from memolint.packs import load_profile
from memolint.registry import Registry
from tests.builders import block, document

BLANK = Settings(nlp_model="blank")


def long_list_doc():
    items = [block("list_item", f"Item number {n} is written as a sentence.", 3 + n, depth=1,
                   list_id=1) for n in range(9)]
    return document(block("heading", "Plan", 1, level=1),
                    block("paragraph", "We plan the work in one list. " * 6, 2), *items)


def codes(result):
    return [(d.code, d.line) for d in result.diagnostics]


def test_profile_selects_its_packs_and_rules_are_sorted_by_position():
    result = lint_document(long_list_doc(), BLANK, Registry.load())
    assert ("B005", 3) in codes(result)
    lines = [d.line for d in result.diagnostics]
    assert lines == sorted(lines)


def test_ignore_by_name_and_select_by_family():
    registry = Registry.load()
    ignored = lint_document(long_list_doc(), BLANK._replace(ignore=("long-list",)),
                            registry)
    assert "B005" not in {c for c, _ in codes(ignored)}
    only = BLANK._replace(select=("B005",))
    assert {c for c, _ in codes(lint_document(long_list_doc(), only, registry))} == {"B005"}


def test_unknown_selector_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown rule 'Z999'"):
        select_rules(BLANK._replace(select=("Z999",)), load_profile("six-pager"),
                     Registry.load(), "memo.md")


def test_rule_options_and_severity_override():
    settings = BLANK._replace(rules=(("long-list", (("max_items", 20),)),))
    assert "B005" not in {c for c, _ in codes(lint_document(long_list_doc(), settings,
                                                           Registry.load()))}
    louder = BLANK._replace(rules=(("B005", (("severity", "error"),)),))
    result = lint_document(long_list_doc(), louder, Registry.load())
    assert [d.severity for d in result.diagnostics if d.code == "B005"] == ["error"]


@pytest.mark.parametrize("override, message", [
    ((("max_itemz", 3),), "unknown option 'max_itemz'; allowed: severity, exempt_roles"),
    ((("max_items", "three"),), "max_items: expected int"),
    ((("severity", "fatal"),), "severity 'fatal' is not one of"),
])
def test_bad_rule_options_are_config_errors(override, message):
    settings = BLANK._replace(rules=(("B005", override),))
    with pytest.raises(ConfigError, match=message):
        lint_document(long_list_doc(), settings, Registry.load())


def test_per_file_ignores_match_relative_globs(tmp_path):
    settings = BLANK._replace(root=tmp_path, select=("B",),
                                   per_file_ignores=(("drafts/*.md", ("B",)),))
    doc = long_list_doc()
    doc.path = str(tmp_path / "drafts" / "memo.md")
    assert codes(lint_document(doc, settings, Registry.load())) == []
    doc.path = str(tmp_path / "final" / "memo.md")
    assert codes(lint_document(doc, settings, Registry.load())) != []


def test_crashing_rule_becomes_internal_error_and_others_still_run(tmp_path):
    @kind("test_crash")
    def crash(ctx):
        raise ValueError("boom")
        yield  # pragma: no cover

    pack = tmp_path / "crash.toml"
    pack.write_text(
        '[[rules]]\ncode = "B901"\nname = "crashes"\nkind = "test_crash"\n'
        '[rules.docs]\nwhat = "x"\nwhy = "x"\nsource = "x"\nstrength = "x"\nbad = "x"\n'
        'good = "x"\n', encoding="utf-8")
    registry = Registry.load([pack])
    settings = BLANK._replace(extend_select=("B901",))
    result = lint_document(long_list_doc(), settings, registry)
    internal = [d for d in result.diagnostics if d.code == "X000"]
    assert len(internal) == 1 and "B901 (crashes) crashed: ValueError: boom" in internal[0].message
    assert "B005" in {d.code for d in result.diagnostics}


def test_team_pack_reuses_a_kind_with_its_own_options(tmp_path):
    pack = tmp_path / "team.toml"
    pack.write_text(
        '[[rules]]\ncode = "B101"\nname = "short-lists"\nkind = "long_list"\n'
        'severity = "warning"\n[rules.options]\nmax_items = 3\nexempt_roles = []\n'
        '[rules.docs]\nwhat = "x"\nwhy = "x"\nsource = "x"\nstrength = "our own"\nbad = "x"\n'
        'good = "x"\n[rules.docs.options]\nmax_items = "x"\nexempt_roles = "x"\n',
        encoding="utf-8")
    result = lint_document(long_list_doc(), BLANK._replace(select=("B101",)),
                           Registry.load([pack]))
    assert [(d.code, d.name, d.line) for d in result.diagnostics] == [("B101", "short-lists", 3)]


def test_pack_validation_names_the_file_and_problem(tmp_path):
    pack = tmp_path / "bad.toml"
    pack.write_text('[[rules]]\ncode = "B1"\nname = "x"\nkind = "long_list"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.toml: rule B1: code must be"):
        Registry.load([pack])


def test_duplicate_codes_are_rejected(tmp_path):
    builtin = Path(__file__).resolve().parent.parent / "rules" / "packs" / "bullets.toml"
    with pytest.raises(ConfigError, match="B001 is defined twice"):
        Registry.load([builtin])


def test_third_party_kind_from_an_entry_point(tmp_path, monkeypatch):
    """An installed package's ``memolint.kinds`` entry point provides a kind."""
    import importlib
    import sys

    from memolint import kinds

    (tmp_path / "teamkinds.py").write_text(
        "from memolint.diagnostics import Finding\n"
        "def shouting(ctx):\n"
        "    for i, b in enumerate(ctx.document.blocks):\n"
        "        if b.text.isupper():\n"
        "            yield Finding(i, 'do not shout')\n", encoding="utf-8")
    dist = tmp_path / "teamkinds-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: teamkinds\nVersion: 1.0\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text("[memolint.kinds]\nshouting = teamkinds:shouting\n",
                                           encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    kinds._load_installed.cache_clear()
    for module in kinds._BUILTIN_MODULES:  # registered before _KINDS is swapped for a copy
        importlib.import_module(module)
    monkeypatch.setattr(kinds, "_KINDS", dict(kinds._KINDS))
    pack = tmp_path / "team.toml"
    pack.write_text(
        '[[rules]]\ncode = "W901"\nname = "no-shouting"\nkind = "shouting"\n'
        '[rules.docs]\nwhat = "x"\nwhy = "x"\nsource = "x"\nstrength = "x"\nbad = "x"\n'
        'good = "x"\n', encoding="utf-8")
    doc = document(block("paragraph", "WE MUST ACT NOW", 1), block("paragraph", "Calm text.", 2))
    result = lint_document(doc, BLANK._replace(select=("W901",)),
                           Registry.load([pack]))
    kinds._load_installed.cache_clear()
    sys.modules.pop("teamkinds", None)
    assert [(d.code, d.line, d.message) for d in result.diagnostics] == [
        ("W901", 1, "do not shout")]


def test_built_in_rules_do_not_scan_installed_packages():
    """Entry points are scanned only for a kind that is not built in (a cold-start cost)."""
    from memolint import kinds

    kinds._load_installed.cache_clear()
    doc = document(block("paragraph", "Calm text.", 1))
    lint_document(doc, BLANK, Registry.load())
    assert kinds._load_installed.cache_info().misses == 0


def test_an_english_memo_imports_no_korean_code(tmp_path):
    """Kind modules load as their kinds are asked for: Korean rules are skipped
    for an English memo, so its run never imports the Korean kinds or segmenter."""
    import subprocess
    import sys

    memo = tmp_path / "memo.md"
    memo.write_text("# Purpose\n\nWe ship the tool in May. It saves each team two hours.\n",
                    encoding="utf-8")
    code = ("import sys\nfrom memolint.config import Settings\n"
            "from memolint.engine import lint_file\nfrom memolint.registry import Registry\n"
            f"result = lint_file({str(memo)!r}, Settings(nlp_model='blank'), Registry.load())\n"
            "print(result.metrics['words'], sorted(m for m in sys.modules "
            "if m.startswith(('memolint.ko', 'memolint.kinds.korean'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[-2] == "13 []"
