"""The model's records behave as the dataclasses they replaced did.

Records (memolint/records.py) are plain classes so a cold run generates no
dataclass; these tests pin what callers rely on: construction with defaults,
value equality and hash, immutability where it was frozen, repr, ``_replace``,
the JSON shape the result cache stores, and pickling (``--jobs`` workers).
"""

import json
import pickle
from pathlib import Path

import pytest

from memolint.config import Settings
from memolint.diagnostics import Anchor, Diagnostic
from memolint.document import Block, Document, PageSetup, Position, SourceMap, Typography
from memolint.engine import FileResult


def diagnostic(**changes) -> Diagnostic:
    values = {"code": "B001", "name": "n", "severity": "warning", "message": "m", "line": 1,
              "column": 2, "end_line": 1, "end_column": 5}
    return Diagnostic(**{**values, **changes})


def test_field_records_take_keywords_with_defaults_and_compare_by_value():
    assert Typography() == Typography() and Typography(bold=True) != Typography()
    assert Typography(bold=True).bold and Typography().line_rule == "auto"
    assert list(vars(Typography(font="Arial"))) == list(Typography._fields)  # vars() works
    assert hash(Typography(size_pt=11.0)) == hash(Typography(size_pt=11.0))
    assert len({Typography(), Typography(), Typography(italic=True)}) == 2
    assert Typography() != PageSetup() and Typography() != object()
    with pytest.raises(TypeError, match="colour"):
        Typography(colour="red")
    with pytest.raises(TypeError):
        Typography("Arial")  # keywords only


def test_frozen_records_refuse_assignment_and_replace_makes_a_copy():
    typo = Typography(font="Arial")
    with pytest.raises(AttributeError, match="frozen"):
        typo.bold = True
    with pytest.raises(AttributeError, match="frozen"):
        del typo.font
    bold = typo._replace(bold=True)
    assert (bold.font, bold.bold, typo.bold) == ("Arial", True, False)
    assert repr(PageSetup(columns=2)).startswith("PageSetup(width_pt=612.0, height_pt=792.0, ")


def test_settings_root_defaults_to_the_working_directory_when_made(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert Settings().root == tmp_path and Settings(root=Path("/x")).root == Path("/x")
    changed = Settings(nlp_model="blank")._replace(select=("B",))
    assert (changed.select, changed.nlp_model, changed.root) == (("B",), "blank", tmp_path)
    with pytest.raises(AttributeError, match="frozen"):
        changed.select = None


def test_mutable_records_assign_compare_and_are_unhashable():
    one, two = diagnostic(), diagnostic()
    assert one == two and one != diagnostic(line=2) and one.extra is not two.extra
    two.anchor = Anchor(0, 0, None, 0)
    assert one == two  # the anchor is not compared, as field(compare=False)
    with pytest.raises(TypeError, match="unhashable"):
        hash(one)
    one.severity = "error"
    assert one.severity == "error"
    block = Block("paragraph", "Two words", SourceMap.at(1), Position(1, 10))
    assert block == Block("paragraph", "Two words", SourceMap.at(1), Position(1, 10))
    assert block.words == 2 and block == Block("paragraph", "Two words", SourceMap.at(1),
                                               Position(1, 10))  # the cached split is no field
    document = Document("m.md", "markdown", [block])
    assert document.page_setups == [PageSetup()] and document.notes == []
    assert document.notes is not Document("m.md", "markdown", []).notes


def test_a_result_serializes_as_dataclasses_asdict_did_and_reads_back():
    anchored = diagnostic(extra={"k": [1]}, anchor=Anchor(3, 0, None, 3))
    result = FileResult("m.md", "markdown", metrics={"pages": 1.5}, diagnostics=[anchored])
    data = result._asdict()
    assert list(data) == ["path", "format", "profile", "error", "metrics", "diagnostics",
                          "fail_on"]
    assert data["diagnostics"][0]["anchor"] == {"block_index": 3, "start": 0, "end": None,
                                                "end_block": 3}
    assert list(data["diagnostics"][0])[-3:] == ["fix", "extra", "anchor"]
    item = json.loads(json.dumps(data))["diagnostics"][0]
    assert Diagnostic(**item).anchor == Anchor(3, 0, None, 3)


def test_records_survive_pickling():
    result = FileResult("m.md", "markdown", diagnostics=[diagnostic(anchor=Anchor(1, 2, 3, 1))])
    back = pickle.loads(pickle.dumps(result))
    assert back == result and back.diagnostics[0].anchor == Anchor(1, 2, 3, 1)
    settings = Settings(nlp_model="blank", root=Path("/r"))
    assert pickle.loads(pickle.dumps(settings)) == settings
    assert pickle.loads(pickle.dumps(Typography(bold=True))) == Typography(bold=True)


def test_positions_order_by_line_then_column():
    assert Position(1, 9) < Position(2, 1) < Position(2, 3)
    assert SourceMap(((0, 1, 1), (5, 2, 1))).position(7) == Position(2, 3)
