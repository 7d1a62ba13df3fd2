"""Rules and profiles as plain records, and pack validation without regular expressions.

``Rule`` and ``Profile`` are plain classes (``memolint rules`` skips importing
``dataclasses``), so these tests pin the frozen-dataclass behavior callers
rely on: keyword construction with defaults, value equality, immutability,
repr, pickling (worker processes started with ``spawn``), and that the
built-in packs are read the same whether named by string or by Path.
"""

import json
import pickle
import re
from pathlib import Path

import pytest

from memolint.errors import ConfigError
from memolint.packs import (
    Profile,
    Rule,
    builtin_pack_files,
    builtin_pack_paths,
    builtin_root,
    load_pack,
    load_profile,
)
from memolint.registry import Registry

DOCS = ('[rules.docs]\nwhat = "x"\nwhy = "x"\nsource = "x"\nstrength = "x"\nbad = "x"\n'
        'good = "x"\n')


def rule(**changes) -> Rule:
    values = {"code": "B001", "name": "bullet-density", "kind": "k", "severity": "warning",
              "summary": "s", "options": {"max": 1}, "docs": {"what": "w"},
              "option_docs": {"max": "m"}, "pack": "p"}
    return Rule(**{**values, **changes})


def test_a_rule_has_value_equality_defaults_and_a_dataclass_repr():
    assert rule() == rule() and rule() != rule(code="B002")
    assert rule().languages == ("*",) and rule(languages=("en",)).languages == ("en",)
    assert rule() != object() and rule() != Profile("p", "", 6.0, ())
    assert repr(rule()) == (
        "Rule(code='B001', name='bullet-density', kind='k', severity='warning', summary='s', "
        "options={'max': 1}, docs={'what': 'w'}, option_docs={'max': 'm'}, pack='p', "
        "languages=('*',))")
    assert rule().family == "bullets" and rule(code="Q001").family == "other"


def test_records_are_frozen_and_unhashable_like_frozen_dataclasses_with_dict_fields():
    with pytest.raises(AttributeError, match="frozen"):
        rule().code = "B002"
    with pytest.raises(AttributeError, match="frozen"):
        del rule().code
    with pytest.raises(TypeError, match="unhashable"):
        hash(rule())
    profile = Profile("p", "d", 6.0, ("bullets",))
    assert (profile.roles, profile.rules, profile.sections) == ({}, {}, ())
    assert profile.roles is not Profile("q", "d", 6.0, ()).roles  # no shared default
    with pytest.raises(AttributeError):
        profile.max_pages = 2.0


def test_rules_and_profiles_survive_pickling():
    registry = Registry.load()
    assert pickle.loads(pickle.dumps(registry)).rules == registry.rules
    profile = load_profile("six-pager")
    assert pickle.loads(pickle.dumps(profile)) == profile


def test_builtin_packs_by_string_and_by_path_give_the_same_rules():
    files = builtin_pack_files()
    assert [Path(f) for f in files] == builtin_pack_paths()
    assert all(Path(f).parent == builtin_root() / "packs" for f in files)
    assert [load_pack(f) for f in files] == [load_pack(p) for p in builtin_pack_paths()]


CODE = re.compile(r"[A-Z][0-9]{3}")
NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
CANDIDATES = ["B001", "Z999", "b001", "B01", "B0001", "BB01", "B00x", "B\u0660\u0660\u0661",
              "\uff22001", "B001\n", "", "-", "a", "a1", "1a", "bullet-density", "bullet--density",
              "bullet-", "-bullet", "bullet-2x", "bullet-2", "a-b-c", "Bullet", "bullet_density",
              "bullet density", "bullét", "bullet-density\n", "x-1-y"]


@pytest.mark.parametrize("text", CANDIDATES)
def test_codes_and_names_are_checked_as_the_patterns_say(tmp_path, text):
    """The set tests equal the documented patterns (whole string, ASCII only)."""
    for field, pattern, good, message in (("code", CODE, {"name": "x-y"}, "code must be"),
                                          ("name", NAME, {"code": "B901"}, "kebab-case")):
        pack = tmp_path / f"{field}.toml"
        other = next(iter(good.items()))
        pack.write_text(f'[[rules]]\n{field} = {text!r}\n{other[0]} = "{other[1]}"\n'
                        f'kind = "long_list"\n{DOCS}'.replace("'", '"'), encoding="utf-8")
        load_pack.cache_clear()
        if pattern.fullmatch(text):
            assert getattr(load_pack(pack)[0], field) == text
        else:
            with pytest.raises(ConfigError, match=message):
                load_pack(pack)


def test_languages_must_be_two_small_ascii_letters(tmp_path):
    for value, ok in (('["en", "ko"]', True), ('["*"]', True), ('["EN"]', False),
                      ('["eng"]', False), ('["é1"]', False), ("[1]", False), ("[]", False)):
        pack = tmp_path / "lang.toml"
        pack.write_text(f'[[rules]]\ncode = "B901"\nname = "x"\nkind = "k"\nlanguages = {value}\n'
                        f"{DOCS}", encoding="utf-8")
        load_pack.cache_clear()
        if ok:
            assert load_pack(pack)[0].languages == tuple(json.loads(value))
        else:
            with pytest.raises(ConfigError, match="languages must be"):
                load_pack(pack)
