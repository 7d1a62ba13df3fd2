"""The fixture memos: each must produce exactly the findings it declares.

Three kinds of checks run over ``fixtures/`` (see ``fixtures/README.md``):

* expectations: the findings of the rule families a fixture declares
  (``<!-- expect-families: B -->``) must equal, as a multiset of
  ``(code, line)``, its ``<!-- expect: ... -->`` comments (Markdown) or its
  ``<name>.docx.expect.json`` sidecar (DOCX). Findings of other families are
  ignored, so adding a rule family never breaks a fixture that predates it.
* golden files: the whole JSON-contract output of every fixture (metrics
  rounded to one decimal) equals ``tests/golden/<fixture>.json``; run
  ``pytest --update-golden`` to accept a deliberate change.
* the DOCX fixtures are what ``fixtures/build_docx.py`` builds, byte for byte.

Everything runs with ``nlp_model="blank"``, so results do not depend on which
spaCy model happens to be installed.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from memolint.config import Settings
from memolint.engine import FileResult, lint_file
from memolint.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

MARKDOWN_FIXTURES = sorted(p for p in FIXTURES.glob("*.md") if p.name != "README.md")
DOCX_FIXTURES = sorted(FIXTURES.glob("*.docx"))
ALL_FIXTURES = MARKDOWN_FIXTURES + DOCX_FIXTURES

_EXPECT = re.compile(r"<!--\s*expect:\s*(?P<codes>[^>]*?)\s*-->")
_FAMILIES = re.compile(r"<!--\s*expect-families:\s*(?P<families>[^>]*?)\s*-->")

Expectation = Counter[tuple[str, int]]


def _param(path: Path) -> Any:
    return pytest.param(path, id=path.name)


@cache
def registry() -> Registry:
    return Registry.load()


@cache
def build_docx() -> ModuleType:
    """``fixtures/build_docx.py`` as a module (fixtures/ is not a package)."""
    name = "memolint_fixtures_build_docx"
    spec = importlib.util.spec_from_file_location(name, FIXTURES / "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def lint(path: Path, data: bytes | None = None) -> FileResult:
    """Lint a fixture as ``memolint check`` would, shown as ``fixtures/<name>``."""
    result = lint_file(str(path), Settings(nlp_model="blank"), registry(), data=data,
                       display=f"fixtures/{path.name}")
    assert result.error is None, result.error
    return result


def families_of(text: str, where: str) -> tuple[str, ...]:
    """The rule-code prefixes a fixture's expectations cover."""
    declared = [f for m in _FAMILIES.finditer(text) for f in m["families"].split()]
    assert declared, f"{where}: no <!-- expect-families: ... --> comment"
    return tuple(declared)


def markdown_expectations(text: str) -> Expectation:
    """``(code, line)`` of every ``<!-- expect: ... -->``: the line after the comment."""
    expected: Expectation = Counter()
    for match in _EXPECT.finditer(text):
        line = text.count("\n", 0, match.end()) + 2
        expected.update((code, line) for code in match["codes"].split())
    return expected


def covered(result: FileResult, families: tuple[str, ...]) -> Expectation:
    """The findings of the declared families, as ``(code, line)``."""
    return Counter((d.code, d.line) for d in result.diagnostics if d.code.startswith(families))


def _check_codes(expected: Expectation, families: tuple[str, ...], where: str) -> None:
    for code, _ in expected:
        assert registry().get(code) is not None, f"{where}: unknown rule code {code}"
        assert code.startswith(families), f"{where}: {code} is outside expect-families"


def _describe(actual: Expectation, expected: Expectation) -> str:
    missing = sorted((expected - actual).elements(), key=lambda e: (e[1], e[0]))
    extra = sorted((actual - expected).elements(), key=lambda e: (e[1], e[0]))
    return f"expected but not found: {missing}; found but not expected: {extra}"


# -- (a) Markdown fixtures against their inline expectations -------------------

@pytest.mark.parametrize("path", [_param(p) for p in MARKDOWN_FIXTURES])
def test_markdown_fixture_findings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    families = families_of(text, path.name)
    expected = markdown_expectations(text)
    _check_codes(expected, families, path.name)
    actual = covered(lint(path), families)
    assert actual == expected, _describe(actual, expected)


# -- (b) DOCX fixtures against their sidecars ---------------------------------

@pytest.mark.parametrize("path", [_param(p) for p in DOCX_FIXTURES])
def test_docx_fixture_findings(path: Path) -> None:
    sidecar = path.with_name(path.name + ".expect.json")
    entries = json.loads(sidecar.read_text(encoding="utf-8"))
    expected: Expectation = Counter((e["code"], e["line"]) for e in entries)
    # A DOCX fixture covers the families its Markdown source declares.
    families = families_of(build_docx().source_text(path.stem), f"source of {path.name}")
    _check_codes(expected, families, sidecar.name)
    actual = covered(lint(path), families)
    assert actual == expected, _describe(actual, expected)


# -- (c) golden JSON output -----------------------------------------------------

def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(item) for item in value]
    return value


def golden_view(result: FileResult) -> dict[str, Any]:
    """The JSON contract object of one file, metrics rounded to one decimal."""
    data = result.to_json()
    data["metrics"] = _rounded(data["metrics"])
    return json.loads(json.dumps(data))


@pytest.mark.parametrize("path", [pytest.param(p, id=p.name) for p in ALL_FIXTURES])
def test_golden_output(path: Path, update_golden: bool) -> None:
    golden = GOLDEN / f"{path.name}.json"
    actual = golden_view(lint(path))
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing; run `pytest --update-golden` to create it"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected, (
        f"output of {path.name} differs from {golden.name}; if the change is intended, "
        f"run `pytest --update-golden` and review the diff"
    )


def test_every_golden_file_has_a_fixture() -> None:
    names = {f"{p.name}.json" for p in ALL_FIXTURES}
    stale = sorted(p.name for p in GOLDEN.glob("*.json") if p.name not in names)
    assert not stale, f"golden files without a fixture: {stale}"


# -- (d) the DOCX fixtures are reproducible ---------------------------------------

def test_docx_build_is_deterministic(tmp_path: Path) -> None:
    module = build_docx()
    module.build_all(tmp_path)
    assert {p.stem for p in DOCX_FIXTURES} == set(module.SOURCES), (
        "fixtures/*.docx and build_docx.SOURCES disagree; run fixtures/build_docx.py"
    )
    for committed in DOCX_FIXTURES:
        built = tmp_path / committed.name
        with zipfile.ZipFile(committed) as old, zipfile.ZipFile(built) as new:
            assert old.read("word/document.xml") == new.read("word/document.xml"), (
                f"{committed.name} is stale; run `python fixtures/build_docx.py`"
            )
            assert old.namelist() == new.namelist()
            for name in old.namelist():
                assert old.read(name) == new.read(name), f"{committed.name}: {name} differs"
        sidecar = committed.name + ".expect.json"
        assert (FIXTURES / sidecar).read_bytes() == (tmp_path / sidecar).read_bytes(), (
            f"{sidecar} is stale; run `python fixtures/build_docx.py`"
        )


def test_docx_build_is_byte_identical_across_runs(tmp_path: Path) -> None:
    module = build_docx()
    first, second = tmp_path / "first", tmp_path / "second"
    module.build_all(first)
    module.build_all(second)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


# -- fixtures that test one reader property ----------------------------------------

def test_crlf_fixture_really_has_crlf_line_endings() -> None:
    data = (FIXTURES / "crlf.md").read_bytes()
    assert data.count(b"\n") >= 10
    assert data.count(b"\r\n") == data.count(b"\n"), "crlf.md lost its CRLF line endings"


def test_crlf_positions_equal_lf_positions() -> None:
    path = FIXTURES / "crlf.md"
    crlf = lint(path)
    lf = lint(path, data=path.read_bytes().replace(b"\r\n", b"\n"))
    assert crlf.diagnostics, "crlf.md should produce a finding"
    assert [d.to_json() for d in crlf.diagnostics] == [d.to_json() for d in lf.diagnostics]
    assert crlf.metrics == lf.metrics


_DIRECTIVE = re.compile(r"<!--\s*memolint-(disable-next-line|disable|enable)\s+([^>]*?)\s*-->")


def test_edge_case_suppressions_silence_real_findings() -> None:
    """Each directive in edge-cases.md hides a finding that fires without it."""
    path = FIXTURES / "edge-cases.md"
    text = path.read_text(encoding="utf-8")
    families = families_of(text, path.name)
    # Neutralize the directives without moving any line.
    bare = re.sub(r"memolint-(disable|enable)", r"memolint-off-\1", text).encode()
    hidden = covered(lint(path, data=bare), families) - covered(lint(path), families)
    assert hidden, "the suppressions in edge-cases.md hide nothing"

    explained: Counter[tuple[str, int]] = Counter()
    ranges: dict[str, int] = {}
    for match in _DIRECTIVE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        action, codes = match[1], match[2].split()
        for code in codes:
            if action == "disable-next-line":
                found = hidden[(code, line + 1)]
                assert found, f"disable-next-line {code} at line {line} hides nothing"
                explained[(code, line + 1)] = found
            elif action == "disable":
                ranges[code] = line
            else:
                start = ranges.pop(code)
                inside = {k: n for k, n in hidden.items() if k[0] == code and start < k[1] < line}
                assert inside, f"disable {code} at lines {start}-{line} hides nothing"
                explained.update(inside)
    assert explained == hidden, _describe(explained, hidden)
