"""Structure family: templates as data, and each S0xx rule fires where it must, only there."""

import pytest

from memolint.config import Settings
from memolint.engine import lint_document
from memolint.errors import ConfigError
from memolint.packs import load_profile
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry
from memolint.sections import match_template, normalize_heading

PROSE = ("We chose this plan because it cuts the support backlog by a third within two "
         "quarters, and it does so without new headcount or a second vendor contract.")


def lint(markdown: str, *select: str, profile: str = "six-pager", **settings):
    doc = read_markdown(markdown.encode(), "memo.md")
    base = Settings(nlp_model="blank", select=select or None, profile=profile, **settings)
    return lint_document(doc, base, Registry.load())


def found(markdown: str, code: str, **settings):
    return [(d.code, d.line, d.column, d.end_line) for d in lint(markdown, code,
                                                                 **settings).diagnostics]


def messages(markdown: str, code: str, **settings):
    return [d.message for d in lint(markdown, code, **settings).diagnostics]


def memo(*titles: str, level: int = 1) -> str:
    """A memo with one prose paragraph under each heading."""
    return "".join(f"{'#' * level} {t}\n\n{PROSE}\n\n" for t in titles)


OP_PLAN = ("Introduction", "Goals", "Tenets", "State of the Business", "Lessons Learned",
           "Strategic Priorities", "Appendix")


# heading matching --------------------------------------------------------------

def test_headings_match_aliases_any_case_level_numbering_and_punctuation():
    template = load_profile("op-plan").sections
    names = [s.name for s in template]
    for heading in ("2. Goals", "GOALS:", "Goals and non-goals", "ii) goals", "Our Goals"):
        assert names[match_template(heading, template)] == "Goals", heading
    assert normalize_heading("3.1 State of the Business —") == "state of the business"
    assert names[match_template("Where we are", template)] == "State of the Business"
    assert match_template("Why did goals slip?", template) is None  # a question
    assert match_template("Goalkeeping", template) is None  # whole words only


# S001 required-sections -----------------------------------------------------------

def test_every_missing_section_is_reported_with_the_aliases_tried():
    text = memo("Introduction", "Tenets", "Lessons Learned", "Strategic Priorities")
    result = found(text, "S001", profile="op-plan")
    # Goals belongs before Tenets (line 5); State of the Business before Lessons Learned
    assert result == [("S001", 5, 3, 5), ("S001", 9, 3, 9)]
    goals, state = messages(text, "S001", profile="op-plan")
    assert "'Goals'" in goals and "'Objectives'" in goals
    assert "'State of the Business'" in state and "'Current State'" in state


def test_missing_last_section_points_at_the_end_and_aliases_satisfy():
    text = memo("Purpose", "2. Context", "The Opportunity")
    assert found(text, "S001", profile="one-pager") == [("S001", 11, 1, 11)]
    assert "'Next Steps'" in messages(text, "S001", profile="one-pager")[0]
    complete = memo("TL;DR", "Background", "Opportunity", "Next steps", level=2)
    assert found(complete, "S001", profile="one-pager") == []


def test_generic_six_pager_requires_no_section():
    assert found(memo("Anything", "Else"), "S001") == []


# S002 section-order -------------------------------------------------------------

def test_a_moved_section_is_reported_alone_at_its_heading():
    order = ["Introduction", "Strategic Priorities", "Goals", "Tenets", "State of the Business",
             "Lessons Learned", "Appendix"]
    result = found(memo(*order), "S002", profile="op-plan")
    assert result == [("S002", 5, 3, 5)]
    assert "belongs after 'Lessons Learned'" in messages(memo(*order), "S002",
                                                         profile="op-plan")[0]


def test_in_order_template_and_appendix_first_are_checked():
    assert found(memo(*OP_PLAN), "S002", profile="op-plan") == []
    text = memo("Appendix", "Introduction")
    assert [d[0] for d in found(text, "S002")] == []  # FAQ/Appendix only: one section
    faq_after = memo("Intro", "Appendix", "FAQ")
    assert found(faq_after, "S002") == [("S002", 5, 3, 5)]
    assert "'Appendix' is out of order: it belongs after 'FAQ'" in messages(faq_after, "S002")[0]


# S003 purpose-first ------------------------------------------------------------

def test_opening_without_purpose_or_ask_is_reported():
    text = "# Ticketing\n\nOur support teams use three ticketing systems that grew apart.\n"
    assert found(text, "S003") == [("S003", 3, 1, 3)]


def test_purpose_cue_purpose_heading_and_boilerplate_are_fine():
    assert found("This memo asks for approval to merge our ticketing systems.\n", "S003") == []
    assert found("# Summary\n\nThree systems become one.\n", "S003") == []
    toc = "# Plan\n\n## Table of Contents\n\nSee below for the list.\n\n## Summary\n\nOne.\n"
    assert found(toc, "S003") == []


def test_purpose_first_skips_a_press_release_opening():
    text = "# Launch\n\nSEATTLE — March 3, 2027 — Tallgrass started a membership.\n\n# FAQ\n"
    assert found(text, "S003", profile="prfaq") == []


# S004 appendix-last, S005 appendix-prose, S006 appendix-referenced -------------------

def test_body_prose_after_the_appendix_is_reported():
    text = memo("Plan", "Appendix A: Costs", "Conclusion")
    assert found(text, "S004") == [("S004", 9, 3, 9)]
    assert found(memo("Plan", "Conclusion", "Appendix A: Costs", "Appendix B: Data"),
                 "S004") == []


def test_long_prose_in_the_appendix_is_info():
    long_text = " ".join([PROSE] * 3)
    text = f"# Plan\n\n{PROSE}\n\n# Appendix\n\n{long_text}\n\n| a | b |\n| - | - |\n| 1 | 2 |\n"
    result = lint(text, "S005").diagnostics
    assert [(d.code, d.line, d.severity) for d in result] == [("S005", 7, "info")]
    assert found(f"# Plan\n\n{long_text}\n\n# Appendix\n\nShort caption.\n", "S005") == []


def test_unreferenced_appendix_is_reported_and_referenced_is_not():
    text = "# Plan\n\nCosts fall (see Appendix A).\n\n# Appendix A\n\nx\n\n# Appendix B\n\ny\n"
    assert found(text, "S006") == [("S006", 9, 3, 9)]


# S007 empty-section, S008 heading-only-skeleton ---------------------------------------

def test_empty_sections_report_the_top_of_an_empty_branch_only():
    text = "# Plan\n\nWe start.\n\n## Risks\n\n### Vendor\n\n## Costs\n\nTwo.\n\n## Notes\n"
    assert found(text, "S007") == [("S007", 5, 4, 5), ("S007", 13, 4, 13)]


def test_sections_with_content_or_subsections_with_content_are_not_empty():
    text = "# Plan\n\n## Risks\n\n### Vendor\n\nThe vendor may slip.\n"
    assert found(text, "S007") == []


def test_outline_memo_is_reported_once_and_prose_memo_is_not():
    outline = "".join(f"## Part {n}\n\n- Point one\n- Point two\n\n" for n in range(5))
    assert found(outline, "S008") == [("S008", 1, 4, 24)]
    assert found(memo("One", "Two", "Three", "Four", "Five"), "S008") == []


# S009 tenets-count, S010 title ----------------------------------------------------

def test_more_than_seven_tenets_is_reported_at_the_heading():
    tenets = "\n".join(f"{n}. Tenet number {n} decides a trade-off." for n in range(1, 10))
    text = f"# Plan\n\n{PROSE}\n\n## Tenets\n\n{tenets}\n"
    assert found(text, "S009") == [("S009", 5, 4, 15)]
    seven = "\n".join(f"- Tenet {n}." for n in range(7))
    assert found(f"## Our tenets\n\n{seven}\n", "S009") == []


def test_memo_without_title_is_info_and_metadata_lists_do_not_count():
    assert [(d.code, d.line, d.severity) for d in lint(f"{PROSE}\n", "S010").diagnostics] == [
        ("S010", 1, "info")]
    assert found(f"- Status: draft\n\n# Summary\n\n{PROSE}\n", "S010") == []
    assert found(f"---\ntitle: Plan\n---\n{PROSE}\n", "S010") == []


# S011 section-length, S012 faq-after-prose -------------------------------------------

def test_template_word_limits(tmp_path):
    profile = tmp_path / "short.toml"
    profile.write_text('[profile]\nname = "short"\npacks = ["structure"]\n'
                       '[[profile.sections]]\nname = "Purpose"\nmax_words = 10\n'
                       '[[profile.sections]]\nname = "Plan"\nmin_pages = 1\n')
    text = memo("Purpose", "Plan")
    assert found(text, "S011", profile=str(profile)) == [("S011", 1, 3, 1), ("S011", 5, 3, 5)]
    assert "about 550 words" in messages(text, "S011", profile=str(profile))[1]


def test_body_prose_after_the_faq_is_reported():
    assert found(memo("Plan", "FAQ", "Next steps"), "S012") == [("S012", 9, 3, 9)]
    assert found(memo("Plan", "FAQ", "Appendix"), "S012") == []


# templates as data ------------------------------------------------------------------

KEP_SECTIONS = (
    ("Summary", ""), ("Motivation", ""), ("Goals", ""), ("Non-Goals", 'aliases = ["Non Goals"]'),
    ("Proposal", ""), ("Design Details", ""),
    ("Alternatives", 'aliases = ["Alternatives Considered"]\nordered = false'),
    ("Appendix", 'required = false\nrole = "appendix"'),
)
#: A KEP-like design-doc template, as a team would write it: TOML only.
KEP = '[profile]\nname = "kep"\nextends = "six-pager"\npacks = ["structure"]\n' + "".join(
    f'\n[[profile.sections]]\nname = "{name}"\n{extra}\n' for name, extra in KEP_SECTIONS)


def test_a_custom_kep_template_in_toml_works_without_python(tmp_path):
    path = tmp_path / "kep.toml"
    path.write_text(KEP)
    good = ("# KEP-1: Faster lists\n\n## Alternatives considered\n\nWe could cache.\n\n"
            + memo("Summary", "Motivation", level=2) + memo("Goals", "Non goals", level=3)
            + memo("1. Proposal", "2. Design details", level=2))
    assert [d.code for d in lint(good, "S001", "S002", profile=str(path)).diagnostics] == []
    broken = (memo("Summary", "Proposal", "Motivation", level=2) + memo("Goals", level=3))
    result = lint(broken, "S001", "S002", profile=str(path)).diagnostics
    # Non-Goals belongs before Proposal (line 5); the last two at the end (line 15)
    assert sorted((d.code, d.line) for d in result) == [
        ("S001", 5), ("S001", 15), ("S001", 15), ("S002", 5)]
    assert {m.message.split("'")[1] for m in result if m.code == "S001"} == {
        "Non-Goals", "Design Details", "Alternatives"}


def test_profile_errors_name_the_file_and_the_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[profile]\nname = "x"\n[[profile.sections]]\nname = "A"\nrequird = true\n')
    with pytest.raises(ConfigError, match=r"bad\.toml.*unknown key.*requird"):
        load_profile(str(bad))
    top = tmp_path / "top.toml"
    top.write_text('[profile]\nname = "x"\nsection = []\n')
    with pytest.raises(ConfigError, match=r"top\.toml.*unknown key.*section"):
        load_profile(str(top))
    typed = tmp_path / "typed.toml"
    typed.write_text('[profile]\n[[profile.sections]]\nname = "A"\nmax_words = "ten"\n')
    with pytest.raises(ConfigError, match=r"typed\.toml.*max_words"):
        load_profile(str(typed))


def test_template_roles_drive_sections_and_profiles_list_future_packs():
    prfaq = load_profile("prfaq")
    assert prfaq.roles.opening == "press_release"
    assert "Internal FAQ" in prfaq.roles["faq"]
    for name in ("six-pager", "op-plan", "business-review", "one-pager", "two-pager", "prfaq"):
        profile = load_profile(name)
        assert {"bullets", "structure"} <= set(profile.packs), name
    assert load_profile("one-pager").max_pages == 1
    assert load_profile("two-pager").max_pages == 2


def test_empty_optional_template_section_is_allowed(tmp_path):
    """A template's optional section may be left empty; a required one may not."""

    from memolint.config import Settings
    from memolint.engine import lint_document
    from memolint.readers.markdown import read_markdown
    from memolint.registry import Registry

    profile = tmp_path / "design.toml"
    profile.write_text(
        '[profile]\nname = "design"\npacks = ["structure"]\n'
        '[[profile.sections]]\nname = "Summary"\n'
        '[[profile.sections]]\nname = "Drawbacks"\nrequired = false\n', encoding="utf-8")
    text = "# Summary\n\nWe propose one queue for all teams.\n\n# Drawbacks\n\n# Notes\n"
    doc = read_markdown(text.encode(), "design.md")
    settings = Settings(nlp_model="blank", profile=str(profile))._replace(select=("empty-section",))
    result = lint_document(doc, settings, Registry.load())
    assert [(d.code, d.line) for d in result.diagnostics] == [("S007", 7)]
