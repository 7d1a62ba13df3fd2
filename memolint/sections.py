"""Sections: the document cut at its headings, each with a role.

The role (``body``, ``appendix``, ``faq``, ``press_release``, ...) comes from the
profile's section template: a heading whose text starts with one of a role's
aliases starts a section of that role, and its sub-sections inherit it. The
appendix is special: from the first appendix heading to the end of the memo,
everything is appendix, because that is what the page budget excludes.

A profile's *section template* (:class:`Template`) is a list of expected
sections, each with a canonical name, aliases, whether it is required and
ordered, word limits and a role. Headings are matched to it the same forgiving
way roles are: any case, any heading level, numbering and punctuation ignored,
the alias as the first whole words of the heading ("2. Goals and non-goals"
is the Goals section). Headings that end in "?" are questions, not sections.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from memolint.document import Block
from memolint.language import STOPWORDS, UNDETERMINED, language_weights

APPENDIX = "appendix"
BODY = "body"

#: Numbering before a heading's words: "2.", "1.2)", "iv." (and "Ⅳ." after NFKC), "a)",
#: the Korean "가." / "나)" and "제3장".
#: (The Hangul range is case-sensitive: it has no case, and compiling it
#: case-insensitively costs a call per character of it.)
_NUMBERING = re.compile(r"^(?:(?:\d+|[ivxlc]+|[a-z]|(?-i:[가-하]))[.)]\s*|제\s?\d+\s?[장절부]\s*)+"
                        r"(?:\d+[.)]?\s*)*", re.IGNORECASE)
#: Marks that open a heading before its number or words: Korean report markers
#: ("□ 추진 배경", "○", "※", "◦"), brackets ("【부록】", "[첨부]", "<붙임>"), "(1)".
_LEADING_MARKS = re.compile(r"^[^\w]+")
#: A character before a digit: one that is Hangul is a number typed onto a Korean
#: word ("붙임1", "참고2"), read as "붙임 1" (:func:`_spaced_hangul`). Hangul is
#: told by code point: a ``[\uac00-\ud7a3]`` class costs ~1.5 ms to compile per process.
_BEFORE_DIGIT = re.compile(r"(\w)(?=\d)")
#: Circled and parenthesized labels ("①", "㉮", "⑴") that NFKC would turn into bare text.
_CIRCLED = re.compile(r"^\s*[\u2460-\u24ff\u3200-\u32ff\u2776-\u2793]\s*")
#: Particles that may join a Korean heading's first words to the next ("목표와 원칙").
_JOINING_PARTICLES = ("와", "과", "의", "및")


class SectionSpec(NamedTuple):
    """One expected section of a template: how to recognize it and what it must be."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = True
    #: Must appear in template order relative to the other ordered sections.
    ordered: bool = True
    role: str = BODY
    min_words: int | None = None
    max_words: int | None = None
    min_pages: float | None = None
    max_pages: float | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name first, then the aliases: every heading text tried."""
        return (self.name, *self.aliases)


class Roles(dict[str, tuple[str, ...]]):
    """Role → heading aliases, plus the role of the text before any role heading.

    ``opening`` lets a PR/FAQ say that whatever comes before its first
    FAQ or appendix heading is the press release, headed or not.
    """

    def __init__(self, aliases: dict[str, tuple[str, ...]] | None = None,
                 opening: str = BODY) -> None:
        super().__init__(aliases or {})
        self.opening = opening


class Section(NamedTuple):
    """Blocks from one heading (or the document start) to the next heading."""

    heading: int | None  # index of the heading block, None before the first heading
    level: int
    title: str
    role: str
    start: int  # first block index (the heading itself, if any)
    end: int  # one past the last block index


@functools.lru_cache(maxsize=4096)  # pure; every heading is compared with every alias
def normalize_heading(text: str) -> str:
    """Lower-case, accents and numbering removed, punctuation as spaces.

    "2. Goals:" and "GOALS" both become "goals", so aliases match whatever the
    writer typed. Korean report headings carry markers and brackets around
    their numbers ("□ 1. 추진 배경", "【붙임1】 세부 일정", "① 목표"): those go too.
    """
    text = _CIRCLED.sub("", text)
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = _NUMBERING.sub("", _LEADING_MARKS.sub("", text))
    text = _LEADING_MARKS.sub("", text)
    if not text.isascii():
        text = _BEFORE_DIGIT.sub(_spaced_hangul, text)
    text = re.sub(r"[^\w\s]+", " ", text)
    return " ".join(text.split())


def _spaced_hangul(before_digit: re.Match[str]) -> str:
    """A Hangul syllable before a digit with a space after it; any other character as it is."""
    char = before_digit[1]
    return f"{char} " if "\uac00" <= char <= "\ud7a3" else char


def _starts_with(words: list[str], alias: list[str]) -> bool:
    """Whether a heading's words start with an alias's, as whole words.

    The alias's last word may carry a Korean joining particle ("목표와 원칙"
    starts with "목표"), since Korean attaches it to the word instead of
    writing "and" between them.
    """
    head = words[: len(alias)]
    if head == alias:
        return True
    if len(head) < len(alias) or head[:-1] != alias[:-1]:
        return False
    last, wanted = head[-1], alias[-1]
    return last.startswith(wanted) and last[len(wanted):] in _JOINING_PARTICLES


class AliasIndex:
    """Groups of aliases (a role's, a template section's), matched against headings.

    Trying every alias of every group on every heading cost more than the rest
    of the structure rules together. An alias can only start a heading whose
    first word is the alias's first word, or, for a one-word alias, that word
    with a joining particle (see :func:`_starts_with`): so the aliases are
    normalised once and filed under their first word, and a heading is
    compared only with the few filed under its own. Answers are kept per
    heading text.
    """

    __slots__ = ("_answers", "_by_first")

    def __init__(self, groups: tuple[tuple[str, ...], ...]) -> None:
        self._by_first: dict[str, list[tuple[list[str], int]]] = {}
        for group, aliases in enumerate(groups):
            for alias in aliases:
                words = normalize_heading(alias).split()
                if words:
                    self._by_first.setdefault(words[0], []).append((words, group))
        self._answers: dict[str, tuple[int, int] | None] = {}

    def best(self, text: str) -> tuple[int, int] | None:
        """(words, group) of the longest alias that starts ``text``; the first group on ties."""
        if text not in self._answers:
            if len(self._answers) >= _ANSWERS_KEPT:
                self._answers.clear()
            self._answers[text] = self._best(normalize_heading(text).split())
        return self._answers[text]

    def _best(self, words: list[str]) -> tuple[int, int] | None:
        if not words:
            return None
        first = words[0]
        candidates = self._by_first.get(first, [])
        if first[-1:] in _JOINING_PARTICLES:
            candidates = candidates + [c for c in self._by_first.get(first[:-1], ())
                                       if len(c[0]) == 1]
        best: tuple[int, int] | None = None
        for alias, group in candidates:
            if _starts_with(words, alias) and (
                    best is None or len(alias) > best[0]
                    or (len(alias) == best[0] and group < best[1])):
                best = (len(alias), group)
        return best


#: Heading texts whose answer an :class:`AliasIndex` keeps (a long memo's headings fit).
_ANSWERS_KEPT = 4096
#: Indexes kept, by the identity of the groups they were built from.
_INDEXES_KEPT = 64
_indexes: dict[int, tuple[object, object, AliasIndex]] = {}


def _index(source: object, groups: Callable[[], tuple[tuple[str, ...], ...]]) -> AliasIndex:
    """The index of ``source`` (a template, a role table), built once.

    Looked up by identity, not equality: hashing a template's specs on every
    heading would cost what the index saves. The source is kept with its
    index, so an identity is never reused while the entry stands; a role
    table, a dict, is also compared item by item, in case it changed.
    """
    snapshot = tuple(source.items()) if isinstance(source, dict) else None
    entry = _indexes.get(id(source))
    if entry is None or entry[0] is not source or entry[1] != snapshot:
        if len(_indexes) >= _INDEXES_KEPT:
            _indexes.clear()
        entry = _indexes[id(source)] = (source, snapshot, AliasIndex(groups()))
    return entry[2]


def role_for_heading(text: str, roles: dict[str, tuple[str, ...]]) -> str | None:
    """The role whose alias starts the heading, as whole words; else None.

    The longest alias wins; between equally long ones, the role listed first.
    """
    names = list(roles)
    found = _index(roles, lambda: tuple(tuple(roles[r]) for r in names)).best(text)
    return names[found[1]] if found else None


def split_sections(blocks: list[Block], roles: dict[str, tuple[str, ...]]) -> list[Section]:
    """Cut the blocks into sections and give each its role.

    Until the first heading that has a role of its own, text takes the
    opening role (``roles.opening`` when ``roles`` is a :class:`Roles`).
    """
    default = getattr(roles, "opening", BODY)
    starts = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    sections: list[Section] = []
    if not starts or starts[0] > 0:
        sections.append(Section(None, 0, "", default, 0, starts[0] if starts else len(blocks)))
    # stack of (level, role) of the enclosing headings
    stack: list[tuple[int, str]] = []
    in_appendix = False
    for n, start in enumerate(starts):
        heading = blocks[start]
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        level = heading.level
        while stack and stack[-1][0] >= level and level > 0:
            stack.pop()
        own = role_for_heading(heading.text, roles) if level > 0 else None
        if own == APPENDIX:
            in_appendix = True
        if own:
            default = BODY
        inherited = stack[-1][1] if stack else default
        role = APPENDIX if in_appendix else (own or inherited)
        if level > 0:
            stack.append((level, own or inherited))
        sections.append(Section(start, level, heading.text, role, start, end))
    return sections


def is_question(text: str) -> bool:
    """A heading that asks something is a FAQ entry, never a template section."""
    return text.rstrip().endswith(("?", "\uff1f"))


def alias_match(text: str, names: tuple[str, ...]) -> int:
    """Words of the longest name that starts ``text`` (whole words); 0 for none."""
    found = _name_index(names).best(text)
    return found[0] if found else 0


@functools.lru_cache(maxsize=256)
def _name_index(names: tuple[str, ...]) -> AliasIndex:
    """The index of one tuple of names, by value: rules build their name tuples per run."""
    return AliasIndex((names,))


def _script_languages(text: str) -> frozenset[str]:
    """Languages of the non-Latin scripts in ``text`` (empty for Latin-only text)."""
    return frozenset(k for k in language_weights(text) if k != UNDETERMINED and k not in STOPWORDS)


def names_in_language(spec: SectionSpec, language: str) -> tuple[str, ...]:
    """The names of ``spec`` a writer of ``language`` would type, canonical name first.

    A message listing every alias of every language ("'FAQ', 'Q&A', '자주 묻는
    질문', ...") is noise: an English memo hears only the Latin-script
    names, a Korean memo the Hangul ones (the canonical name always leads,
    as the section's name). Matching itself still tries every alias.
    """
    if language in STOPWORDS or language == UNDETERMINED:
        wanted: frozenset[str] = frozenset()
        shown = [n for n in spec.aliases if not _script_languages(n)]
    else:
        wanted = frozenset({language})
        shown = [n for n in spec.aliases if _script_languages(n) == wanted]
    return (spec.name, *(n for n in shown if n != spec.name))


def match_template(text: str, template: tuple[SectionSpec, ...]) -> int | None:
    """Index of the template section a heading stands for, or None.

    The longest alias wins, so "Internal FAQ" can be its own section next to
    "FAQ", and "Non-Goals" never counts as "Goals"; between equally long
    ones, the section listed first.
    """
    if is_question(text):
        return None
    found = _index(template, lambda: tuple(spec.names for spec in template)).best(text)
    return found[1] if found else None


def template_roles(template: tuple[SectionSpec, ...],
                   roles: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The role aliases plus every template section whose role is not body.

    Body sections add nothing: a body heading inside a FAQ stays in the FAQ.
    """
    merged = {role: tuple(aliases) for role, aliases in roles.items()}
    for spec in template:
        if spec.role != BODY:
            known = merged.get(spec.role, ())
            merged[spec.role] = known + tuple(n for n in spec.names if n not in known)
    return merged
