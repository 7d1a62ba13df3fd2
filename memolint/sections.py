"""Sections: the document cut at its headings, each with a role.

The role (``body``, ``appendix``, ``faq``, ``press_release``, ...) comes from the
profile's section template: a heading whose text starts with one of a role's
aliases starts a section of that role, and its sub-sections inherit it. The
appendix is special: from the first appendix heading to the end of the memo,
everything is appendix, because that is what the page budget excludes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from memolint.document import Block

APPENDIX = "appendix"
BODY = "body"

_NUMBERING = re.compile(r"^(?:(?:\d+|[ivxlc]+|[a-z])[.)]\s*)+(?:\d+[.)]?\s*)*", re.IGNORECASE)


@dataclass(frozen=True)
class Section:
    """Blocks from one heading (or the document start) to the next heading."""

    heading: int | None  # index of the heading block, None before the first heading
    level: int
    title: str
    role: str
    start: int  # first block index (the heading itself, if any)
    end: int  # one past the last block index


def normalize_heading(text: str) -> str:
    """Lower-case, accents and numbering removed, punctuation as spaces.

    "2. Goals:" and "GOALS" both become "goals", so aliases match whatever the
    writer typed.
    """
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = _NUMBERING.sub("", text)
    text = re.sub(r"[^\w\s]+", " ", text)
    return " ".join(text.split())


def role_for_heading(text: str, roles: dict[str, tuple[str, ...]]) -> str | None:
    """The role whose alias starts the heading, as whole words; else None."""
    words = normalize_heading(text).split()
    best: tuple[int, str] | None = None
    for role, aliases in roles.items():
        for alias in aliases:
            alias_words = normalize_heading(alias).split()
            matches = alias_words and words[: len(alias_words)] == alias_words
            if matches and (best is None or len(alias_words) > best[0]):
                best = (len(alias_words), role)
    return best[1] if best else None


def split_sections(blocks: list[Block], roles: dict[str, tuple[str, ...]]) -> list[Section]:
    """Cut the blocks into sections and give each its role."""
    starts = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    sections: list[Section] = []
    if not starts or starts[0] > 0:
        sections.append(Section(None, 0, "", BODY, 0, starts[0] if starts else len(blocks)))
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
        inherited = stack[-1][1] if stack else BODY
        role = APPENDIX if in_appendix else (own or inherited)
        if level > 0:
            stack.append((level, own or inherited))
        sections.append(Section(start, level, heading.text, role, start, end))
    return sections
