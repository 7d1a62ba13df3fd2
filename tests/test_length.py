"""Length family: page budgets measured by the layout engine, with where the limit falls."""

from __future__ import annotations

from memolint.config import Settings
from memolint.engine import lint_document
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry


def memo(paragraphs: int, appendix: int = 0, title: str = "Memo") -> str:
    """A memo of one-line paragraphs (33 fill a page of the default model)."""
    body = "".join(f"Paragraph {n} of the body.\n\n" for n in range(paragraphs))
    text = f"# {title}\n\n{body}"
    if appendix:
        text += "# Appendix\n\n" + "".join(f"Table row {n}.\n\n" for n in range(appendix))
    return text


def lint(markdown: str, *select: str, profile: str = "six-pager"):
    doc = read_markdown(markdown.encode(), "memo.md")
    settings = Settings(nlp_model="blank", select=select or None, profile=profile)
    return lint_document(doc, settings, Registry.load())


def found(markdown: str, code: str, profile: str = "six-pager"):
    result = lint(markdown, code, profile=profile)
    return [(d.code, d.line, d.end_line, d.severity) for d in result.diagnostics]


def messages(markdown: str, code: str, profile: str = "six-pager") -> list[str]:
    return [d.message for d in lint(markdown, code, profile=profile).diagnostics]


# L001 page-limit ---------------------------------------------------------------

def test_page_limit_errors_over_six_pages_and_says_where_page_six_ends():
    text = memo(215)
    assert found(text, "L001") == [("L001", 395, 431, "error")]
    message = messages(text, "L001")[0]
    assert message.startswith("the memo runs 6.6 pages, 0.6 over the 6-page limit")
    assert "page 6 ends at line 395 'Paragraph 196 of the…'" in message


def test_page_limit_info_near_the_limit_and_silent_well_under():
    assert found(memo(193), "L001") == [("L001", 387, 387, "info")]
    assert "page to spare" in messages(memo(193), "L001")[0]
    assert found(memo(150), "L001") == []


def test_page_limit_counts_only_the_body_before_the_appendix():
    assert found(memo(150, appendix=200), "L001") == []
    assert lint(memo(150, appendix=200), "L001").metrics["pages"] > 10


def test_page_limit_follows_a_configured_budget():
    doc = read_markdown(memo(80).encode(), "memo.md")
    settings = Settings(nlp_model="blank", select=("L001",),
                        rules=(("L001", (("max_pages", 2),)),))
    result = lint_document(doc, settings, Registry.load())
    assert [(d.code, d.severity) for d in result.diagnostics] == [("L001", "error")]
    assert "over the 2-page limit" in result.diagnostics[0].message


# L002 press-release-length, L003 faq-length ---------------------------------------

def prfaq(release: int, faq: int) -> str:
    text = "# Press Release\n\n" + "".join(f"Launch line {n}.\n\n" for n in range(release))
    text += "# FAQ\n\n" + "".join(f"Answer {n}.\n\n" for n in range(faq))
    return text


def test_press_release_warns_over_a_page_and_errors_over_one_and_a_half():
    assert found(prfaq(20, 10), "L002", "prfaq") == []
    assert found(prfaq(40, 10), "L002", "prfaq") == [("L002", 1, 81, "warning")]
    assert found(prfaq(60, 10), "L002", "prfaq") == [("L002", 1, 121, "error")]
    assert "1.5 pages in, it reaches line" in messages(prfaq(60, 10), "L002", "prfaq")[0]


def test_faq_over_five_pages_warns():
    assert found(prfaq(10, 150), "L003", "prfaq") == []
    result = found(prfaq(10, 200), "L003", "prfaq")
    assert [(code, line, severity) for code, line, _, severity in result] == [
        ("L003", 23, "warning")]


# L004 reading-time ---------------------------------------------------------------

def test_reading_time_info_when_reading_eats_the_discussion():
    assert found(memo(150), "L004") == []
    assert found(memo(240), "L004") == [("L004", 481, 481, "info")]
    assert "reading the body takes about 22 minutes" in messages(memo(240), "L004")[0]
