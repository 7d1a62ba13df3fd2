"""memolint stats: the report card's numbers, JSON and terminal."""

from __future__ import annotations

import json

import pytest

from memolint.nlp import load_pipeline
from memolint.readability import flesch_scores, syllables
from memolint.stats import sentence_lengths
from tests.memos import PROSE, cli, write_memos

SHORT = "We ship in May. Costs fall."
PASSIVE = "The budget was approved by finance."
MEMO = (f"# Plan\n\n{PROSE}\n\n{SHORT} {PASSIVE}\n\n## Risks\n\n{PROSE} {PROSE}\n\n"
        f"- One risk is cost.\n- Another is time.\n\n## Appendix\n\n{SHORT}\n")


@pytest.fixture()
def memos(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_memos(tmp_path)
    (tmp_path / "plan.md").write_text(MEMO, encoding="utf-8")
    return tmp_path


def card(*args: str) -> dict:
    result = cli("stats", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["files"][0]


def test_sections_words_pages_and_readability(memos):
    data = card("plan.md")
    sections = data["sections"]
    assert [(s["title"], s["role"], s["line"]) for s in sections] == [
        ("Plan", "body", 1), ("Risks", "body", 7), ("Appendix", "appendix", 14)]
    assert sum(s["words"] for s in sections) == data["words"]["total"]
    assert data["words"]["appendix"] == sections[2]["words"]
    assert sum(s["pages"] for s in sections) == pytest.approx(data["pages"]["total"], abs=0.02)
    assert sections[1]["pages"] > sections[0]["pages"] > sections[2]["pages"] > 0
    assert sum(s["page_share"] for s in sections) == pytest.approx(1.0, abs=0.02)
    assert data["pages"]["max"] == 6 and data["pages"]["share_of_limit"] == pytest.approx(
        data["pages"]["body"] / 6, abs=0.001)
    # "Risks" has two long sentences of prose and two list items.
    risks = sections[1]
    assert risks["sentences"] == 4
    nlp = load_pipeline("blank")
    texts = [PROSE, PROSE, "One risk is cost.", "Another is time."]
    words = sum(sum(1 for t in nlp(x) if not t.is_punct) for x in texts)
    expected = flesch_scores(words, 4, syllables(" ".join(texts)))
    assert risks["flesch_kincaid_grade"] == expected.flesch_kincaid_grade
    assert risks["flesch_reading_ease"] == expected.flesch_reading_ease
    assert sections[0]["flesch_kincaid_grade"] > sections[2]["flesch_kincaid_grade"]


def test_shares_and_distribution_match_check(memos):
    data = card("plan.md")
    metrics = json.loads(cli("check", "--format", "json", "plan.md").output)["files"][0]["metrics"]
    assert data["bullet_word_share"] == metrics["bullet_word_share"] > 0
    assert data["readability"]["flesch_kincaid_grade"] == metrics["flesch_kincaid_grade"]
    lengths = data["sentence_lengths"]
    assert lengths["count"] == metrics["sentences"] == 10
    assert sum(b["count"] for b in lengths["histogram"]) == 10
    assert data["passive_sentence_share"] == 0.125  # 1 of the body's 8 (appendix excluded)


def test_sentence_length_distribution():
    summary = sentence_lengths([3, 12, 12, 25, 44, 8, 10, 31, 40, 15])
    assert (summary["count"], summary["mean"], summary["median"], summary["p90"],
            summary["max"]) == (10, 20.0, 12, 40, 44)
    assert [(b["range"], b["count"]) for b in summary["histogram"]] == [
        ("1-10", 3), ("11-20", 3), ("21-30", 1), ("31-40", 2), ("41+", 1)]
    assert sentence_lengths([])["median"] is None


def test_terminal_card_and_color(memos):
    result = cli("stats", "plan.md", "clean.md")
    assert result.exit_code == 0
    text = result.output
    assert "plan.md  (markdown, six-pager)" in text and "clean.md  (markdown" in text
    assert "of 6 body pages" in text and "[#" in text and "\x1b[" not in text
    assert "Risks" in text and "appendix" in text
    assert "passive    12% of the body's sentences" in text
    assert "\x1b[" in cli("stats", "--color", "plan.md").output


def test_over_the_limit_is_shown(memos):
    long_memo = "# Plan\n\n" + "\n\n".join([PROSE * 3] * 120) + "\n"
    (memos / "long.md").write_text(long_memo, encoding="utf-8")
    data = card("long.md")
    assert data["pages"]["body"] > 6 and data["pages"]["share_of_limit"] > 1
    assert "over" in cli("stats", "long.md").output


def test_unreadable_file_is_reported_and_exit_2(memos):
    (memos / "empty.md").write_bytes(b"")
    result = cli("stats", "--format", "json", "empty.md", "clean.md")
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert files[0]["error"]["kind"] == "empty" and files[1]["error"] is None
