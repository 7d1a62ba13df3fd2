"""Inline suppression directives: parsing and applying them."""

from memolint.document import Suppression
from memolint.suppressions import build_filter, parse_directives

CODES = {"B001": "B001", "bullet-density": "B001", "B004": "B004", "R001": "R001"}


def resolve(name: str) -> str | None:
    return CODES.get(name) or CODES.get(name.upper())


def test_parse_directives_reads_action_codes_and_line():
    found = parse_directives(" memolint-disable B001, bullet-density  R001 ", 7)
    assert found == [Suppression("disable", frozenset({"B001", "bullet-density", "R001"}), 7)]


def test_parse_directives_without_codes_means_all():
    assert parse_directives("memolint-disable-file", 1)[0].codes == frozenset()
    assert parse_directives("memolint-enable", 3)[0].action == "enable"


def test_parse_ignores_other_comments():
    assert parse_directives("TODO: tidy this section", 2) == []


def test_range_disable_then_enable():
    directives = [*parse_directives("memolint-disable B001", 5),
                  *parse_directives("memolint-enable B001", 10)]
    is_suppressed = build_filter(directives, resolve)
    assert not is_suppressed("B001", 4)
    assert is_suppressed("B001", 6)
    assert not is_suppressed("B004", 6)
    assert not is_suppressed("B001", 11)


def test_disable_by_name_matches_code():
    is_suppressed = build_filter(parse_directives("memolint-disable bullet-density", 1), resolve)
    assert is_suppressed("B001", 2)


def test_enable_all_ends_every_range():
    directives = [*parse_directives("memolint-disable B001 B004", 1),
                  *parse_directives("memolint-enable", 5)]
    is_suppressed = build_filter(directives, resolve)
    assert is_suppressed("B004", 3) and not is_suppressed("B004", 6)


def test_disable_next_line_only_silences_that_line():
    is_suppressed = build_filter(parse_directives("memolint-disable-next-line B004", 8), resolve)
    assert is_suppressed("B004", 9)
    assert not is_suppressed("B004", 10)
    assert not is_suppressed("B001", 9)


def test_docx_comment_targets_its_own_paragraph():
    directive = Suppression("disable-next-line", frozenset({"B004"}), 12, target_line=12)
    is_suppressed = build_filter([directive], resolve)
    assert is_suppressed("B004", 12) and not is_suppressed("B004", 13)


def test_disable_file_and_unknown_codes():
    assert build_filter(parse_directives("memolint-disable-file", 40), resolve)("R001", 1)
    only_unknown = build_filter(parse_directives("memolint-disable NOPE", 1), resolve)
    assert not only_unknown("B001", 2)


def lint_md(text: str, *select: str):
    from memolint.config import Settings
    from memolint.engine import lint_document
    from memolint.readers.markdown import read_markdown
    from memolint.registry import Registry

    settings = Settings(nlp_model="blank", select=select or None)
    return lint_document(read_markdown(text.encode(), "memo.md"), settings, Registry.load())


FRAGMENTS = ("We chose this plan because it cuts the backlog by a third within two quarters "
             "and needs no new headcount at all.\n\n- We cut onboarding to two days.\n")


def test_unused_suppression_reports_stale_and_unknown_directives():
    text = (FRAGMENTS + "  <!-- memolint-disable-next-line B004 -->\n- Faster onboarding\n\n"
            "<!-- memolint-disable-next-line B004 -->\nA plain sentence that is fine.\n\n"
            "<!-- memolint-disable B0X9 -->\n")
    found = [(d.code, d.line, d.message) for d in lint_md(text, "B004", "X001").diagnostics]
    assert found == [
        ("X001", 7, "memolint-disable-next-line silences no finding: remove it"),
        ("X001", 10, "memolint-disable names no known rule (B0X9): remove it"),
    ]


def test_directive_for_a_rule_that_did_not_run_is_not_stale():
    text = FRAGMENTS + "<!-- memolint-disable-next-line B004 -->\nA plain sentence.\n"
    assert [d.code for d in lint_md(text, "B001", "X001").diagnostics] == []
    assert [d.code for d in lint_md(text, "B004", "X001").diagnostics] == ["X001"]


def test_add_suppressions_baselines_markdown_and_silences_everything(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from memolint.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".memolint.toml").write_text('[nlp]\nmodel = "blank"\n', encoding="utf-8")
    memo = tmp_path / "memo.md"
    source = ("---\ntitle: Plan\n---\n\n" + FRAGMENTS + "- Faster onboarding\n"
              "  - Nested detail\n").replace("\n", "\r\n")
    memo.write_bytes(source.encode())
    before = CliRunner().invoke(main, ["check", "--no-cache", "memo.md"])
    assert before.exit_code == 1
    added = CliRunner().invoke(main, ["check", "--no-cache", "--add-suppressions", "memo.md"])
    assert added.exit_code == 0 and "memolint: added" in added.output
    text = memo.read_bytes().decode()
    assert text.startswith("---\r\ntitle: Plan\r\n---\r\n")  # front matter untouched
    assert "- Faster onboarding <!-- memolint-disable-line" in text
    assert text.count("\r\n") == source.count("\r\n")  # no line added, endings kept
    after = CliRunner().invoke(main, ["check", "--no-cache", "memo.md"])
    assert after.exit_code == 0, after.output
