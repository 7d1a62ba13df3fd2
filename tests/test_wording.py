"""Wording family: each rule fires at the sentence or term, with its severity, and not elsewhere."""

import pytest

from memolint.config import Settings
from memolint.engine import lint_document
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry
from tests.test_nlp import MODEL, model_available

LEAD = "We ship the console in May. "  # 28 characters: the second sentence starts at column 29


def lint(markdown: str, code: str, model: str = "blank", **settings):
    doc = read_markdown(markdown.encode(), "memo.md")
    result = lint_document(doc, Settings(nlp_model=model, select=(code,), **settings),
                           Registry.load())
    return result.diagnostics


def found(markdown: str, code: str, **settings):
    return [(d.code, d.line, d.column, d.end_column, d.severity)
            for d in lint(markdown, code, **settings)]


def at_second_sentence(sentence: str, code: str, severity: str):
    """The finding a sentence-level rule gives for ``sentence`` placed after LEAD."""
    return [(code, 1, 29, 29 + len(sentence), severity)]


# W001 weasel-words ---------------------------------------------------------------

def test_weasel_words_point_at_their_sentence():
    sentence = "Most customers saw significantly shorter waits."
    assert found(LEAD + sentence, "W001") == at_second_sentence(sentence, "W001", "warning")
    message = lint(LEAD + sentence, "W001")[0].message
    assert '"most", "significantly"' in message


def test_weasel_word_next_to_a_number_is_info():
    sentence = "Most of the 40 pilot sites reported fewer errors."
    assert found(sentence, "W001")[0][4] == "info"


def test_exceptions_and_data_are_not_weasel_words():
    assert found("Too many tickets reach tier two. We need at most two engineers.", "W001") == []
    assert found("87% of customers waited under two minutes.", "W001") == []


def test_weasel_list_is_data_a_team_can_replace():
    rules = (("weasel-words", (("words", ["console"]),)),)
    assert [f[0] for f in found(LEAD, "W001", rules=rules)] == ["W001"]


# W002 hedges ------------------------------------------------------------------------

def test_hedge_warns_and_belief_is_info():
    sentence = "The change might help new sellers."
    assert found(LEAD + sentence, "W002") == at_second_sentence(sentence, "W002", "warning")
    assert found("We believe the flow will reduce churn.", "W002")[0][4] == "info"


def test_plain_claim_is_no_hedge():
    assert found("In the May test, the new flow cut churn from 4.1% to 3.2%.", "W002") == []


# W003 vague-time --------------------------------------------------------------------

def test_vague_time_points_at_the_phrase():
    text = "We will migrate the teams in the near future."
    column = text.index("in the near future") + 1
    assert found(text, "W003") == [("W003", 1, column, column + 18, "warning")]
    assert found("We will migrate the four teams by 30 September.", "W003") == []


@pytest.mark.parametrize("text", [
    "One day, we will support every carrier.",
    "One day customers will pick up parcels anywhere.",
    "We plan the lockers so that one day they cover every city.",
])
def test_one_day_as_someday_is_vague(text):
    column = text.lower().index("one day") + 1
    assert found(text, "W003") == [("W003", 1, column, column + 7, "warning")]


@pytest.mark.parametrize("text", [
    "Installation takes one day.",
    "Installation takes one day, and the locker opens the next morning.",
    "The team moves within one day of the cutover.",
    "One day of downtime costs $40,000.",
    "In one day the pilot site handled 900 parcels.",
])
def test_one_day_as_a_duration_is_not_vague(text):
    assert found(text, "W003") == []


# W004 undefined-acronym -------------------------------------------------------------

def test_first_undefined_use_only():
    text = "The SLA is four hours. The SLA was missed twice."
    assert found(text, "W004") == [("W004", 1, 5, 8, "warning")]


@pytest.mark.parametrize("text", [
    "The service level agreement (SLA) is four hours. The SLA was missed twice.",
    "The SLA (service level agreement) is four hours.",
    "The CEO and the VP agreed. See Section III.",
    "THE PLAN WORKS FOR EVERY TEAM IN THE COMPANY.",
])
def test_defined_allowed_and_shouted_terms_are_fine(text):
    assert found(text, "W004") == []


@pytest.mark.parametrize("text", [
    "SEATTLE \u2014 March 3, 2027 \u2014 Corvid opens lockers today.",
    "PORTLAND, OR \u2014 Corvid opens lockers today.",
    "NEW YORK \u2013 Corvid opens lockers today.",
    "SEATTLE - Corvid opens lockers today.",
])
def test_dateline_is_not_an_acronym(text):
    assert found(text, "W004") == []


def test_acronym_after_a_dateline_still_fires():
    text = "SEATTLE \u2014 Corvid cuts the SLA to four hours."
    column = text.index("SLA") + 1
    assert found(text, "W004") == [("W004", 1, column, column + 3, "warning")]


def test_capitals_after_the_paragraph_start_are_no_dateline():
    text = "The rollout starts today. BOISE \u2014 the first lockers open in our warehouses."
    column = text.index("BOISE") + 1
    assert found(text, "W004") == [("W004", 1, column, column + 5, "warning")]


def test_allow_list_is_an_option():
    rules = (("undefined-acronym", (("allow", ["SLA"]),)),)
    assert found("The SLA is four hours.", "W004", rules=rules) == []


# W005 adjectives-without-data ---------------------------------------------------------

def test_adjective_without_data():
    sentence = "The new importer is faster and more reliable."
    assert found(LEAD + sentence, "W005") == [("W005", 1, 29, 29 + len(sentence), "info")]
    assert found("The importer loads a 1 GB file in 40 s, faster than before.", "W005") == []


# W006 metric-without-baseline ---------------------------------------------------------

def test_metric_without_baseline():
    assert [f[:3] for f in found("Conversion increased 40% after the redesign.", "W006")] == [
        ("W006", 1, 1)]


@pytest.mark.parametrize("text", [
    "Conversion rose from 2.5% to 3.5% after the redesign.",
    "Sales grew 25% compared with the same quarter last year.",
    "Sales grew 25% in Q3 2024.",
    "Refund requests make up 38% of all tickets.",
])
def test_metric_with_baseline_or_no_change(text):
    assert found(text, "W006") == []


# W007 wordy-phrases --------------------------------------------------------------------

def test_wordy_phrase_offers_the_fix_in_the_writers_case():
    result = lint("In order to cut costs, we merged due to the fact that licences overlap.",
                  "W007")
    assert [(d.column, d.end_column, d.fix) for d in result] == [(1, 12, "To"),
                                                                   (34, 54, "because")]


def test_concise_sentence_has_no_wordy_phrase():
    assert found("To cut costs, we merged the queues.", "W007") == []


# W008 passive-voice -------------------------------------------------------------------

PASSIVE = "The proposal was approved by the steering committee."


def test_passive_sentence_blank_pipeline():
    assert found(LEAD + PASSIVE, "W008") == at_second_sentence(PASSIVE, "W008", "info")
    assert '"was approved"' in lint(PASSIVE, "W008")[0].message


@pytest.mark.parametrize("text", [
    "We are interested in a second pilot.",
    "The team got started in January.",
    "We need more data before we decide.",
    "The customer was United Airlines.",
    "Revenue has grown every quarter.",
])
def test_not_passive_blank_pipeline(text):
    assert found(text, "W008") == []


@pytest.mark.parametrize("text", [
    "The old system was never fully replaced.",
    "Every pull request gets reviewed by the security team.",
    "An owner has not yet been named.",
    "The product isn't sold outside Europe.",
    "The room was booked for the whole week.",
])
def test_passive_with_adverbs_get_and_irregular_participles(text):
    assert [f[0] for f in found(text, "W008")] == ["W008"]


def test_passive_share_warns_once_per_memo():
    passive = " ".join([PASSIVE] * 3)
    active = " ".join(["The committee approved the proposal."] * 7)
    result = found(f"{passive} {active}\n", "W008")
    assert sorted(f[4] for f in result) == ["info"] * 3 + ["warning"]
    warning = next(d for d in lint(f"{passive} {active}\n", "W008") if d.severity == "warning")
    assert "3 of 10 sentences (30%)" in warning.message and warning.line == 1
    few = found(f"{PASSIVE} {' '.join(['We approved it.'] * 9)} We did.\n", "W008")
    assert [f[4] for f in few] == ["info"]


def test_passive_model_pipeline_uses_dependency_labels():
    model_available()
    text = LEAD + PASSIVE + " We are interested in a second pilot. Costs were cut by a third."
    result = lint(text, "W008", model=MODEL)
    assert [(d.line, d.column) for d in result] == [(1, 29), (1, 119)]
    assert '"was approved"' in result[0].message


# W009 unowned-commitment ---------------------------------------------------------------

def test_commitment_without_owner_or_date():
    sentence = "We will improve the onboarding flow."
    assert found(LEAD + sentence, "W009") == at_second_sentence(sentence, "W009", "info")


@pytest.mark.parametrize("text", [
    "Priya's team will ship the new onboarding flow by 30 June.",
    "We will ship the importer in Q3.",
    "The payments team will own the rollout.",
])
def test_commitment_with_owner_or_date(text):
    assert found(text, "W009") == []


# scope ----------------------------------------------------------------------------------

def test_headings_code_and_exempt_sections_are_not_checked():
    text = ("# Most things are very soon\n\n```\nwe will do many things soon\n```\n\n"
            "# Appendix\n\nMost customers were surveyed.\n")
    for code in ("W001", "W003", "W008", "W009"):
        rules = ((code, (("exempt_roles", ["appendix"]),)),)
        assert found(text, code, rules=rules) == [], code
