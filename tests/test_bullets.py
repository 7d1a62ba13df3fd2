"""Bullets family: each rule fires where it must, with its position, and not elsewhere."""


import pytest

from memolint.config import Settings
from memolint.engine import lint_document
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry

PROSE = ("We chose this plan because it cuts the support backlog by a third within two "
         "quarters, and it does so without new headcount or a second vendor contract.")


def lint(markdown: str, *select: str, **settings):
    doc = read_markdown(markdown.encode(), "memo.md")
    base = Settings(nlp_model="blank", select=select or None, **settings)
    return lint_document(doc, base, Registry.load())


def found(markdown: str, code: str, **settings):
    result = lint(markdown, code, **settings)
    return [(d.code, d.line, d.column, d.end_line, d.severity) for d in result.diagnostics]


# B001 bullet-density -------------------------------------------------------

def listy(items: int, paragraphs: int) -> str:
    body = "\n\n".join([PROSE] * paragraphs)
    bullets = "\n".join(f"- Item {n} explains one more reason to act now." for n in range(items))
    return f"# Plan\n\n{body}\n\n{bullets}\n"


def test_bullet_density_warns_and_errors_by_share():
    warn = listy(items=6, paragraphs=4)      # ~48 list words of ~172
    assert found(warn, "B001") == [("B001", 11, 3, 16, "warning")]
    error = listy(items=20, paragraphs=3)
    assert found(error, "B001")[0][4] == "error"


def test_bullet_density_quiet_for_prose_and_exempt_appendix():
    assert found(listy(items=2, paragraphs=6), "B001") == []
    appendix = listy(items=0, paragraphs=6) + "\n# Appendix\n\n" + "\n".join(
        f"- Reference row {n} with a figure." for n in range(30))
    assert found(appendix, "B001") == []


def test_bullet_density_thresholds_are_options():
    text = listy(items=6, paragraphs=4)
    rules = (("B001", (("warn_share", 0.5), ("error_share", 0.9))),)
    assert found(text, "B001", rules=rules) == []


# B002 bullets-without-prose ---------------------------------------------------

def test_list_without_backing_prose_points_at_the_list():
    text = f"# Why\n\n{PROSE}\n\n## Risks\n\nTwo risks.\n\n- Vendor delay\n- Price rise\n"
    assert found(text, "B002") == [("B002", 9, 3, 10, "warning")]


def test_list_backed_by_a_paragraph_is_fine():
    text = f"## Risks\n\n{PROSE}\n\n- Vendor delay\n- Price rise\n"
    assert found(text, "B002") == []


# B003 nested-bullets ----------------------------------------------------------

def test_nested_list_reported_at_the_sub_list():
    text = f"{PROSE}\n\n- Growth comes from two places.\n  - The EU market.\n  - New pricing.\n"
    assert found(text, "B003") == [("B003", 4, 5, 5, "warning")]


def test_flat_list_and_appendix_nesting_are_fine():
    assert found(f"{PROSE}\n\n- One point.\n- Two points.\n", "B003") == []
    assert found("# Appendix\n\n- A\n  - B\n", "B003") == []


# B004 fragment-bullets (blank pipeline heuristic) -------------------------------

def test_fragments_reported_per_item():
    text = f"{PROSE}\n\n- Faster onboarding\n- We cut onboarding from nine days to two.\n"
    assert found(text, "B004") == [("B004", 3, 3, 3, "info")]


def test_short_punctuated_item_is_a_sentence():
    assert found(f"{PROSE}\n\n- Costs fall.\n- Revenue grows.\n", "B004") == []


# B005 long-list -----------------------------------------------------------------

def test_long_list_counts_top_level_items():
    items = "\n".join(f"- Region {n} grew by {n} percent this year." for n in range(8))
    assert found(f"{PROSE}\n\n{items}\n", "B005") == [("B005", 3, 3, 10, "info")]
    seven = "\n".join(f"- Region {n} grew." for n in range(7))
    assert found(f"{PROSE}\n\n{seven}\n  - One nested note.\n", "B005") == []


# B006 manual-bullets ----------------------------------------------------------------

def test_typed_bullets_in_docx_are_reported_as_one_run():
    from tests.builders import block, document

    doc = document(
        block("paragraph", PROSE, 1),
        block("paragraph", "• Launch in Q3", 2, manual_bullet=True),
        block("paragraph", "• Hire two engineers", 3, manual_bullet=True),
        block("paragraph", PROSE, 4),
    )
    result = lint_document(doc, Settings(nlp_model="blank", select=("B006",)), Registry.load())
    assert [(d.code, d.line, d.end_line) for d in result.diagnostics] == [("B006", 2, 3)]
    assert "2 paragraphs start with a typed '•'" in result.diagnostics[0].message
    clean = document(block("paragraph", PROSE, 1))
    assert lint_document(clean, Settings(nlp_model="blank", select=("B006",)),
                         Registry.load()).diagnostics == []


@pytest.mark.parametrize("code", ["B001", "B002", "B003", "B004", "B005", "B006"])
def test_every_bullet_rule_is_silent_on_pure_prose(code):
    text = "# Purpose\n\n" + "\n\n".join([PROSE] * 5) + "\n"
    assert found(text, code) == []


def test_suppression_comment_silences_a_finding():
    text = (f"{PROSE}\n\n- We cut onboarding to two days.\n"
            "  <!-- memolint-disable-next-line fragment-bullets -->\n- Faster onboarding\n")
    assert found(text, "B004") == []
    assert lint(text.replace("disable-next-line", "note"), "B004").diagnostics[0].line == 5
