"""Fast matchers find exactly what the plain loops and patterns they replace find.

Heading aliases are looked up by first word instead of tried one by one;
sentences are skipped when they lack the words (or digits) a pattern needs.
Each test compares the fast path with the slow definition on texts built
from the very words, aliases and patterns memolint ships.
"""

import random
import re

import pytest

from memolint.kinds.wording import (
    _ACRONYM,
    _CAPITALS,
    _RELATIVE,
    DATE,
    NUMBER,
    _classes,
    _holds_capitals,
    _in_capitals,
)
from memolint.packs import builtin_profile_names, load_profile
from memolint.passive import PassiveFinder, finder
from memolint.sections import (
    _starts_with,
    alias_match,
    match_template,
    normalize_heading,
    role_for_heading,
)
from memolint.wordlists import _has_digit, words_of

#: Characters that fold unlike ``str.lower``, hyphens, apostrophes, odd spaces and digits.
TRICKY = ["\u0130t", "\u0131s", "\u017fome", "\u212aey", "-", "'", "\u2019", "n't", "\u2014",
          "\u00a0", "\uff2d", "_", "7", "\u0663", "2024", "q3", "fy24", "x", "%"]


def _slow_best(text: str, groups: list[tuple[str, ...]]) -> tuple[int, int] | None:
    """(words, group) of the longest alias starting ``text``, first group on ties.

    Every alias is tried, as before the index.
    """
    words = normalize_heading(text).split()
    best = None
    for group, aliases in enumerate(groups):
        for alias in aliases:
            alias_words = normalize_heading(alias).split()
            if alias_words and _starts_with(words, alias_words) and (
                    best is None or len(alias_words) > best[0]):
                best = (len(alias_words), group)
    return best


def _headings(aliases: list[str], rng: random.Random) -> list[str]:
    """Every alias, as a heading and varied: numbered, cased, extended, joined, cut, mixed."""
    found = []
    for alias in aliases:
        words = alias.split()
        other = rng.choice(aliases)
        found += [alias, alias.upper(), f"2. {alias}:", f"{alias} and more", f"{alias} {other}",
                  f"{alias}와 원칙", f"{alias}의", f"{alias}s", f"{alias}?", f"{words[0]}",
                  f"{words[0]}과 {other}", f"The {alias}", " ".join(words[:-1]), ""]
    return found


PROFILES = [load_profile(name) for name in builtin_profile_names()]


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_headings_match_the_same_template_section_and_role_as_trying_every_alias(profile):
    template = profile.sections
    specs = [spec.names for spec in template]
    roles = list(profile.roles)
    role_aliases = [tuple(profile.roles[r]) for r in roles]
    aliases = [a for names in specs + role_aliases for a in names]
    assert aliases
    for heading in _headings(aliases, random.Random(profile.name)):
        slow = _slow_best(heading, specs)
        expected = None if heading.rstrip().endswith(("?", "\uff1f")) or slow is None else slow[1]
        assert match_template(heading, template) == expected, heading
        slow_role = _slow_best(heading, role_aliases)
        assert role_for_heading(heading, profile.roles) == (
            roles[slow_role[1]] if slow_role else None), heading
        for names in specs:
            slow_names = _slow_best(heading, [names])
            assert alias_match(heading, names) == (slow_names[0] if slow_names else 0), heading


def test_a_changed_role_table_is_matched_as_it_now_is():
    roles = {"faq": ("FAQ",)}
    assert role_for_heading("Appendix A", roles) is None
    roles["appendix"] = ("Appendix",)
    assert role_for_heading("Appendix A", roles) == "appendix"


def test_equally_long_aliases_go_to_the_group_listed_first():
    roles = {"press_release": ("Launch",), "faq": ("Launch",), "appendix": ("Launch notes",)}
    assert role_for_heading("Launch plan", roles) == "press_release"
    assert role_for_heading("Launch notes 2", roles) == "appendix"
    assert role_for_heading("목표와 원칙", {"body": ("목표 원칙",), "faq": ("목표",)}) == "faq"


def _texts(pieces: list[str], seed: str, count: int = 300) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        glue = rng.choice([" ", "  ", "\n", "-", ".", "'", ""])
        text = glue.join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        texts += [text, text.upper(), text.title()]
    return texts


@pytest.mark.parametrize("gated", [NUMBER, DATE, _RELATIVE], ids=["number", "date", "relative"])
def test_gated_patterns_search_as_their_pattern_does(gated):
    source = gated.pattern.pattern
    pieces = [p for p in re.split(r"(\\[a-z]\??|[^a-z0-9]+)", source) if p.isalnum()] + TRICKY
    pieces += ["next week", "end of the year", "this quarter", "12%", "3x", "40 bps", "1.5"]
    for text in _texts(pieces, source, 500):
        expected = gated.pattern.search(text)
        found = gated.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
        assert gated.holds(text) is bool(expected), text


def test_a_digit_is_found_as_the_pattern_finds_one():
    rng = random.Random(5)
    pieces = ["a", " ", "7", "0", "9", "\u0663", "\uff17", "\u00b2", "\u2160", "x", "\u00e9",
              "/", ":"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert _has_digit(text) is bool(re.search(r"\d", text)), text


def _slow_passive(passive: PassiveFinder, text: str) -> tuple[int, int] | None:
    """What :meth:`PassiveFinder.in_text` found before it skipped texts by their words."""
    be, get = passive._be.pattern, passive._get.pattern
    found = [m for m in be.finditer(text) if passive._keep(m.group("part"), m.end(), text)]
    found += [m for m in get.finditer(text)
              if passive._keep_get(m.group("part"), m.end(), text)]
    first = min(found, key=lambda m: m.start()) if found else None
    return (first.start(), first.end()) if first else None


def test_passive_finds_what_both_patterns_find_on_every_text():
    passive = finder(("interested",))
    pieces = ["am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got",
              "gotten", "getting", "we're", "I'm", "isn't", "wasn't", "weren\u2019t", "n't",
              "not", "quickly", "reviewed", "made", "done", "started", "interested", "by",
              "need", "United", "we", "it", ".", ",", *sorted(passive.irregular)[:40], *TRICKY]
    rng = random.Random(8)
    for _ in range(3000):
        glue = rng.choice([" ", " ", "  ", "\n", "'", "-", ""])
        text = glue.join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        for variant in (text, text.upper(), text.capitalize()):
            assert passive.in_text(variant) == _slow_passive(passive, variant), variant
            words = words_of(variant)  # None for a text with a character unsafe to lower
            if passive.in_text(variant) is not None and words is not None:
                assert passive.gate.admits(words), variant


def test_every_acronym_holds_what_the_capitals_gate_looks_for():
    rng = random.Random(4)
    pieces = ["A", "B", "Z", "AB", "A&B", "A1", "7", "-", "&", " ", "s", "x", "Q3", "\u00c9", "_"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        if _ACRONYM.search(text):
            assert _CAPITALS.search(text), text


def test_capitals_and_headlines_are_told_as_the_patterns_tell_them():
    rng = random.Random(6)
    pieces = ["A", "B", "Z", "AB", "A&B", "A1", "7", "-", "&", " ", "s", "x", "Q3", "\u00c9",
              "\u00e9", "_", "\u0130", "\uff21", "\u2014", "@", "[", "`", "{", "\ud800", "\x00"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        classes = _classes(text)
        assert _holds_capitals(classes, text) is bool(_CAPITALS.search(text)), text
        headline = len(re.findall("[A-Z]", text)) > len(re.findall("[a-z]", text))
        assert _in_capitals(classes) is headline, text
