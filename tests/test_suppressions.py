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
