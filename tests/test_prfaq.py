"""PR/FAQ (S1xx) and FAQ (S2xx) rules: fire where they must, with positions, and not elsewhere."""

from memolint.config import Settings
from memolint.engine import lint_document
from memolint.kinds.prfaq import has_dateline, sentence_count
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry

GOOD_PR = """# Tallgrass launches Trail Pass, a membership that keeps gear working

*Trail Pass members get free repairs and half-price rentals, so gear bought once keeps working.*

SEATTLE — March 3, 2027 — Tallgrass Outfitters today launched Trail Pass, a yearly membership
for people who camp a few weekends a year.

Occasional campers struggle to keep gear working, and repair shops are scarce outside cities.

Trail Pass solves that: members start a repair in the app and get the item back in ten days.

"Customers want the gear they have to work," said Dana Whitcombe, vice president at Tallgrass.

"My kids outgrow something every spring, and now I swap it," said Marisol Ortega, a member.

Customers can join today in the Tallgrass app or at any store.

## Customer FAQ

### 1. What does Trail Pass cost?

It costs $89 a year.

## Internal FAQ

### 2. What will the program cost us, and what is the biggest risk?

It costs $5.1 million a year; the risk is repair demand, so we cap the launch scope to
three regions rather than building our own rental fleet instead of a partner's.
"""


def lint(markdown: str, *select: str, profile: str = "prfaq"):
    doc = read_markdown(markdown.encode(), "prfaq.md")
    settings = Settings(nlp_model="blank", select=select or None, profile=profile)
    return lint_document(doc, settings, Registry.load())


def found(markdown: str, code: str, profile: str = "prfaq"):
    return [(d.code, d.line, d.column, d.end_line, d.end_column)
            for d in lint(markdown, code, profile=profile).diagnostics]


def messages(markdown: str, code: str):
    return [d.message for d in lint(markdown, code).diagnostics]


def test_a_conforming_prfaq_has_no_structure_findings():
    assert [(d.code, d.line) for d in lint(GOOD_PR, "S").diagnostics] == []


# helpers -------------------------------------------------------------------------------

def test_dateline_needs_a_place_and_a_date_at_the_opening():
    assert has_dateline("SEATTLE — March 3, 2027 — Acme today launched") == (True, True)
    assert has_dateline("Austin, TX — Q3 2027 — Acme") == (True, True)
    assert has_dateline("At COP27 in November 2022, GSF announced") == (True, True)
    assert has_dateline("In July 2022, the foundation released") == (False, True)
    assert has_dateline("Long-needed features are bound to help") == (False, False)
    assert has_dateline("Today, Acme launched") == (False, True)


def test_sentence_count_ignores_initials_and_titles():
    assert sentence_count("Dr. Smith and the U.S. team ship it.") == 1
    assert sentence_count("It repairs gear. It also rents gear.") == 2


# S101 prfaq-elements --------------------------------------------------------------

def test_each_missing_element_is_its_own_finding_at_the_headline():
    text = "# Trail Pass\n\n" + "Trail Pass is a yearly membership for campers. " * 6 + "\n"
    result = lint(text, "S101").diagnostics
    assert {(d.code, d.line, d.column) for d in result} == {("S101", 1, 3)}
    parts = " | ".join(d.message for d in result)
    for part in ("subheading", "dateline", "problem", "solution", "call to action",
                 "leader", "customer"):
        assert part in parts, part
    assert len(result) == 7


def test_dateline_finding_says_what_is_lacking():
    text = GOOD_PR.replace("SEATTLE — March 3, 2027 — ", "")
    assert [m for m in messages(text, "S101")] == [
        "press release lacks a dateline: the summary paragraph should open with a place and a "
        "launch date (lacks a place, e.g. \"SEATTLE — March 3, 2027 —\")"]


def test_unattributed_quotes_do_not_count_and_leader_needs_a_title():
    text = GOOD_PR.replace(", vice president at Tallgrass", "")
    assert [m.split(" (")[0] for m in messages(text, "S101")] == [
        "press release lacks a quote from a company leader"]


def test_no_press_release_and_non_prfaq_profiles():
    assert found("## FAQ\n\n### Why?\n\nBecause.\n", "S101") == [("S101", 1, 4, 1, 5)]
    assert found("# Plan\n\nWe will do it.\n", "S101", profile="six-pager") == []


# S102 subheading-one-sentence ------------------------------------------------------------

def test_subheading_of_two_sentences_is_reported():
    text = GOOD_PR.replace("so gear bought once keeps working.*", "so gear works. It is cheap.*")
    assert found(text, "S102") == [("S102", 3, 2, 3, 89)]
    assert found(GOOD_PR, "S102") == []


# S103 quote-attribution -----------------------------------------------------------------

def test_quote_without_speaker_points_at_the_quote():
    text = GOOD_PR.replace(' said Marisol Ortega, a member.', '')
    assert found(text, "S103") == [("S103", 14, 1, 14, 61)]
    dash = GOOD_PR.replace(' said Marisol Ortega, a member.', ' — Marisol Ortega')
    assert found(dash, "S103") == []


def test_short_quotes_and_next_line_attribution_are_fine():
    text = ('# X\n\nWe call it "the pass" in stores.\n\n'
            '> "Every weekend is ready now because of it."\n>\n> — Sam Lee, member\n')
    assert found(text, "S103") == []


# S104 pr-superlatives ---------------------------------------------------------------------

def test_superlatives_in_the_press_release_only():
    text = GOOD_PR.replace("a yearly membership\n", "a revolutionary, best-in-class membership\n")
    assert found(text, "S104") == [("S104", 5, 77, 5, 90), ("S104", 5, 92, 5, 105)]
    faq = GOOD_PR + "\nOur partner calls it revolutionary.\n"
    assert found(faq, "S104") == []


# S201 faq-question-form --------------------------------------------------------------------

def test_entries_that_are_not_questions_or_ask_two_things():
    text = ("## FAQ\n\n### Pricing\n\nIt costs $9.\n\n### Can I cancel? Will I get a refund?\n\n"
            "Yes.\n\n### Can I use `?` in names?\n\nNo.\n")
    assert found(text, "S201", profile="six-pager") == [
        ("S201", 3, 5, 3, 12), ("S201", 7, 5, 7, 39)]


def test_question_forms_q_prefix_and_answered_lists():
    q_prefix = "## FAQ\n\n**Q: What is it**\n\nA: A pass.\n\n- not a question\n"
    assert found(q_prefix, "S201", profile="six-pager") == [("S201", 3, 3, 3, 16)]
    listed = "## FAQ\n\n1. What is it?\n\n   A pass.\n\n2. Where can I buy it\n\n   In stores.\n"
    assert found(listed, "S201", profile="six-pager") == [("S201", 7, 4, 7, 22)]


# S202 faq-external-internal ------------------------------------------------------------------

def test_internal_faq_before_customer_faq_is_reported():
    text = "## Internal FAQ\n\n### Why?\n\nA.\n\n## Customer FAQ\n\n### How?\n\nB.\n"
    assert found(text, "S202") == [("S202", 7, 4, 7, 16)]
    assert found(GOOD_PR, "S202") == []


# S203 faq-numbering ---------------------------------------------------------------------------

def test_numbering_restarts_and_gaps_are_reported():
    text = GOOD_PR.replace("### 2. What will", "### 1. What will")
    assert found(text, "S203") == [("S203", 26, 5, 26, 6)]
    gap = GOOD_PR.replace("### 2. What will", "### 4. What will")
    assert [m.split(",")[0] for m in messages(gap, "S203")] == ["FAQ question numbered 4"]


def test_unnumbered_faq_is_not_checked_and_mixed_is():
    assert found("## FAQ\n\n### Why?\n\nA.\n\n### How?\n\nB.\n", "S203", profile="six-pager") == []
    mixed = "## FAQ\n\n### 1. Why?\n\nA.\n\n### How?\n\nB.\n"
    assert found(mixed, "S203", profile="six-pager") == [("S203", 7, 5, 7, 9)]


# S204 faq-hard-questions ------------------------------------------------------------------------

def test_internal_faq_missing_hard_topics_is_info_listing_them():
    text = "## Internal FAQ\n\n### Who builds it?\n\nThe platform group builds it.\n"
    result = lint(text, "S204").diagnostics
    assert [(d.code, d.line, d.severity) for d in result] == [("S204", 1, "info")]
    for topic in ("cost or pricing", "risk", "alternatives or competition", "launch scope"):
        assert topic in result[0].message
    assert found(GOOD_PR, "S204") == []


# DOCX ------------------------------------------------------------------------------------------

def test_docx_prfaq_with_profile_from_settings_conforms():
    from pathlib import Path

    from memolint.engine import lint_file

    path = Path(__file__).resolve().parent.parent / "fixtures" / "prfaq-good.docx"
    result = lint_file(str(path), Settings(nlp_model="blank", select=("S",), profile="prfaq"),
                       Registry.load())
    assert result.error is None and result.diagnostics == []
    roles = {h["text"]: h["role"] for h in result.metrics["headings"]}
    assert roles["Press Release"] == "press_release" and roles["Internal FAQ"] == "faq"
