"""Readability family: each rule fires at its place, not elsewhere, and agrees with textstat."""

import pytest
import textstat

from memolint.analysis import Analysis
from memolint.config import Settings
from memolint.engine import lint_document
from memolint.packs import load_profile
from memolint.readability import scores_of
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry

SHORT = "We ship in May. It saves money. Agents like it."
LONG = ("Because the three ticketing systems were bought by different teams at different "
        "times and each one stores customer history in its own format, our agents spend a "
        "large part of every call looking for context that one system would show at once.")
PLAIN = ("We run three ticket tools today. Each team picked its own. Agents switch between "
         "them on every call. They lose time and make mistakes. One tool would fix both. ")
DENSE = ("Notwithstanding considerable organizational heterogeneity, consolidation "
         "substantially ameliorates operational inefficiencies attributable to fragmented "
         "infrastructure and duplicative licensing arrangements across geographically "
         "distributed departments. ")


def lint(markdown: str, *select: str, **settings):
    doc = read_markdown(markdown.encode(), "memo.md")
    return lint_document(doc, Settings(nlp_model="blank", select=select or None, **settings),
                         Registry.load())


def found(markdown: str, code: str, **settings):
    return [(d.code, d.line, d.column, d.end_line, d.end_column, d.severity)
            for d in lint(markdown, code, **settings).diagnostics]


# R001 long-sentence ----------------------------------------------------------

def test_long_sentence_spans_exactly_that_sentence():
    text = f"# Why\n\n{SHORT} {LONG}\n"
    start = len(SHORT) + 2
    assert found(text, "R001") == [("R001", 3, start, 3, start + len(LONG), "warning")]
    assert "42 words (limit 30)" in lint(text, "R001").diagnostics[0].message


def test_short_sentences_code_and_tables_are_not_long_sentences():
    words = " ".join(["word"] * 40)
    text = f"{SHORT}\n\n```\n{words}\n```\n\n| a | b |\n|---|---|\n| {words} | x |\n"
    assert found(text, "R001") == []


def test_strict_profile_lowers_the_sentence_limit():
    sentence = "We chose the plan because it cuts the backlog by a third within two quarters."
    assert found(sentence + "\n", "R001") == []
    assert [f[0] for f in found(sentence + "\n", "R001", profile="strict")] == []
    longer = sentence[:-1] + " and without new headcount or a second vendor contract."
    assert found(longer + "\n", "R001") == []
    assert found(longer + "\n", "R001", profile="strict")[0][:3] == ("R001", 1, 1)


# R002 sentence-length-average --------------------------------------------------

def test_section_average_points_at_the_heading():
    text = f"# Short\n\n{SHORT}\n\n# Long\n\n{LONG} {LONG} {LONG} {SHORT}\n"
    assert found(text, "R002") == [("R002", 5, 3, 5, 7, "warning")]
    assert "section 'Long' averages" in lint(text, "R002").diagnostics[0].message


def test_section_with_too_few_sentences_is_not_averaged():
    assert found(f"# Long\n\n{LONG}\n", "R002") == []


# R003 reading-grade, R004 reading-ease ------------------------------------------

def test_grade_and_ease_report_the_memo_and_the_hard_section():
    text = f"# Plain\n\n{PLAIN * 6}\n\n# Dense\n\n{DENSE * 5}\n"
    grade = found(text, "R003")
    assert [(g[1], g[2]) for g in grade] == [(3, 1), (5, 3)]  # memo, then section 'Dense'
    messages = [d.message for d in lint(text, "R003").diagnostics]
    assert messages[0].startswith("the memo's prose reads at Flesch-Kincaid grade")
    assert messages[1].startswith("section 'Dense' reads at")
    assert [(e[1], e[2]) for e in found(text, "R004")] == [(3, 1), (5, 3)]


def test_plain_memo_passes_grade_and_ease():
    text = f"# Plain\n\n{PLAIN * 6}\n\n# More\n\n{PLAIN * 6}\n"
    assert found(text, "R003") == [] and found(text, "R004") == []


def test_strict_profile_uses_grade_8():
    text = f"{PLAIN}{LONG} {LONG} {LONG}\n"
    assert found(text, "R003") == []
    assert [f[0] for f in found(text, "R003", profile="strict")] == ["R003"]


def test_scores_agree_with_textstat_on_the_same_prose():
    text = PLAIN * 3 + DENSE + "Our agents answer forty tickets a day in three time zones."
    doc = read_markdown(f"# Plan\n\n{text}\n\n```\nnot prose at all\n```\n".encode(), "m.md")
    analysis = Analysis(doc, load_profile("six-pager"), "blank")
    ours = scores_of(analysis.sentences)
    assert analysis.readability == ours
    assert ours.flesch_reading_ease == pytest.approx(textstat.flesch_reading_ease(text), abs=0.06)
    assert ours.flesch_kincaid_grade == pytest.approx(textstat.flesch_kincaid_grade(text),
                                                      abs=0.06)


# R005 hard-paragraph ------------------------------------------------------------

def test_hard_paragraph_points_at_its_hardest_sentence():
    text = f"{PLAIN * 3}\n\n{PLAIN * 3}\n\nWe need one tool. {DENSE * 2}\n"
    result = found(text, "R005")
    column = len("We need one tool. ") + 1
    assert result == [("R005", 5, column, 5, column + len(DENSE) - 1, "info")]
    assert "hardest sentence" in lint(text, "R005").diagnostics[0].message


def test_paragraph_like_the_rest_is_not_hard():
    assert found(f"{PLAIN * 3}\n\n{PLAIN * 3}\n", "R005") == []


# R006 long-paragraph ------------------------------------------------------------

def test_long_paragraph_by_sentences_and_by_words():
    eight = " ".join(f"Point {n} is short." for n in range(8))
    assert found(f"{eight}\n\n{SHORT}\n", "R006") == [("R006", 1, 1, 1, len(eight) + 1, "info")]
    words = " ".join([LONG] * 4)
    assert [f[1] for f in found(f"{SHORT}\n\n{words}\n", "R006")] == [3]


def test_list_items_are_not_paragraphs():
    eight = " ".join(f"Point {n} is short." for n in range(8))
    assert found(f"{SHORT}\n\n- {eight}\n", "R006") == []
