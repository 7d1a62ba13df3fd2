"""Word lists as data: loaded from ``rules/wordlists/`` and compiled once.

Wording rules keep their terms in TOML (a rule's options, or a file under
``rules/wordlists/``) so a team can edit them without Python. Matching is one
compiled regular expression per list, cached for the process: a six-page memo
is scanned in C, never word by word in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from memolint.errors import ConfigError
from memolint.packs import builtin_root
from memolint.tomlcompat import tomllib


@cache
def wordlist(name: str) -> dict[str, Any]:
    """A built-in word-list file, ``rules/wordlists/<name>.toml``, parsed once."""
    path = builtin_root() / "wordlists" / f"{name}.toml"
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list ({exc})") from None


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any phrase as whole words.

    Spaces in a phrase match any run of white space; longer phrases win over
    their prefixes ("nearly all" before "all"). An empty list matches nothing.
    """
    return _compile(tuple(sorted({p.strip().lower() for p in phrases if p.strip()})))


@lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...]) -> re.Pattern[str]:
    if not phrases:
        return re.compile(r"(?!)")
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for unit in _units(phrase):
            node = node.setdefault(unit, {})
        node[""] = {}
    return re.compile(rf"(?<![\w-])(?:{_trie_regex(trie)})(?![\w-])", re.IGNORECASE)


def _units(phrase: str) -> list[str]:
    """A phrase as regex units: each character escaped, each space ``\\s+``."""
    return [r"\s+" if c == " " else re.escape(c) for c in " ".join(phrase.split())]


def _trie_regex(node: dict[str, dict]) -> str:
    """A regex for a character trie: shared prefixes are tried once.

    Python's engine tries alternatives one by one; a list of 80 phrases as a
    flat alternation costs 80 attempts at every position, a trie about one.
    Longer continuations come first, so "nearly all" wins over "nearly".
    """
    ends = "" in node
    branches = [unit + _trie_regex(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")
