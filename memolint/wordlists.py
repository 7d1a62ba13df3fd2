"""Word lists as data: loaded from ``rules/wordlists/`` and compiled once.

Wording rules keep their terms in TOML (a rule's options, or a file under
``rules/wordlists/``) so a team can edit them without Python. Matching is one
compiled regular expression per list, cached for the process: a six-page memo
is scanned in C, never word by word in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import Any

from memolint.errors import ConfigError
from memolint.packs import builtin_root
from memolint.tomlcache import load_toml
from memolint.tomlcompat import tomllib


@cache
def wordlist(name: str) -> dict[str, Any]:
    """A built-in word-list file, ``rules/wordlists/<name>.toml``, parsed once."""
    path = builtin_root() / "wordlists" / f"{name}.toml"
    try:
        return load_toml(path, remember=True)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list ({exc})") from None


class Caseless:
    """A case-insensitive regular expression, run case-sensitively on the lower-cased text.

    Python's engine matches ``re.IGNORECASE`` patterns several times slower
    than plain ones (it folds the case of every character it tries), and the
    wording rules scan every sentence with a dozen such patterns. For a
    pattern written in lower case from ASCII (plus a few caseless marks),
    matching the text case-insensitively and matching ``text.lower()``
    case-sensitively agree character by character, so they find the same
    spans; the match objects then come from the case-insensitive pattern at
    those starts, on the original text. Checked over every code point: only
    U+0130, U+0131 and U+017F break the agreement (they change length or fold
    onto an ASCII letter that ``str.lower`` does not give), and a text holding
    one goes to the case-insensitive pattern. Any other pattern always does.
    """

    __slots__ = ("_plain", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source, re.IGNORECASE)
        self._plain = re.compile(source) if _folds_like_ascii(source) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Matches in ``text``, exactly as ``self.pattern.finditer(text)`` finds them."""
        folded = _folded(text) if self._plain is not None else None
        if folded is None:
            return self.pattern.finditer(text)
        return self._matches(text, folded)

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in ``text``, exactly as ``self.pattern.search(text)`` finds it."""
        folded = _folded(text) if self._plain is not None else None
        if folded is None:
            return self.pattern.search(text)
        found = self._plain.search(folded)  # type: ignore[union-attr]
        return self.pattern.match(text, found.start()) if found else None

    def _matches(self, text: str, folded: str) -> Iterator[re.Match[str]]:
        match = self.pattern.match
        for found in self._plain.finditer(folded):  # type: ignore[union-attr]
            yield match(text, found.start())  # type: ignore[misc]


#: Non-ASCII characters of memolint's patterns checked to fold like ASCII ones.
_CASELESS_MARKS = frozenset("\u2019\u00d7")
_ESCAPED_CHARACTER = re.compile(r"\\u([0-9a-f]{4})")
#: Named-group syntax, the one upper-case letter a lower-case pattern may hold.
_NAMED_GROUP = re.compile(r"\(\?P[<=]")


def _folds_like_ascii(source: str) -> bool:
    """Whether a pattern is lower case, from ASCII and :data:`_CASELESS_MARKS` only."""
    source = _NAMED_GROUP.sub("(", source)
    decoded = _ESCAPED_CHARACTER.sub(lambda m: chr(int(m.group(1), 16)), source)
    return (source == source.lower() and "\\x" not in source and "\\N" not in source
            and all(c.isascii() or c in _CASELESS_MARKS for c in decoded))


class Phrases:
    """A compiled phrase list: :meth:`finditer` as on the regular expression, faster.

    Python's regex engine tries a pattern at every position of a text, so a
    dozen lists over every sentence of a memo cost more than all the rest
    of the wording rules. Most sentences hold none of a list's phrases, and
    a phrase can only match a text that has each of the phrase's words
    (runs of word characters) as a word of its own: the pattern demands
    word boundaries, and what separates the words in the phrase separates
    them in the match. So each ASCII phrase has a key, its longest word,
    and a text whose words (lower-cased, computed once per text) hold no
    key is answered without the engine. Texts with the three characters
    that match an ASCII letter case-insensitively but lower-case to
    something else (U+0130, U+0131, U+017F) go to the engine, and so does
    every text for a list with a non-ASCII phrase: results stay identical.
    A text that holds a key is scanned as :class:`Caseless` does. (Trying
    the pattern only at the words that start a phrase was measured slower:
    listing a sentence's words with their offsets costs more than the scan.)
    """

    __slots__ = ("_compiled", "_keys", "_source")

    def __init__(self, source: str, keys: frozenset[str] | None) -> None:
        self._source = source
        self._keys = keys
        self._compiled: Caseless | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The case-insensitive regular expression the matches are defined by."""
        return self._caseless.pattern

    @property
    def _caseless(self) -> Caseless:
        """Compiled at first use: a list whose keys no text holds never pays for
        compiling (tens of ms for the built-in lists)."""
        if self._compiled is None:
            self._compiled = Caseless(self._source)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Matches in ``text``, exactly as ``self.pattern.finditer(text)`` finds them."""
        gate = self._keys
        if gate is not None:
            folded = _folded(text)
            if folded is not None and gate.isdisjoint(_words(folded)):
                return iter(())
        return self._caseless.finditer(text)


#: Characters the engine matches to an ASCII letter that ``str.lower`` does not map to it.
_UNSAFE = re.compile("[\u0130\u0131\u017f]")
_WORD_RUN = re.compile(r"\w+")


@lru_cache(maxsize=2048)
def _folded(text: str) -> str | None:
    """``text.lower()``, or None when the text holds a character in :data:`_UNSAFE`.

    Shared by every list and pattern that looks at the same sentence; enough
    entries for the sentences of a long memo's section, few enough (~4 MB)
    that a run over a thousand memos does not grow with them.
    """
    return None if _UNSAFE.search(text) else text.lower()


@lru_cache(maxsize=2048)
def _words(folded: str) -> frozenset[str]:
    """The word-character runs of a lower-cased text."""
    return frozenset(_WORD_RUN.findall(folded))


def phrase_pattern(phrases: Iterable[str]) -> Phrases:
    """One case-insensitive pattern matching any phrase as whole words.

    Spaces in a phrase match any run of white space; longer phrases win over
    their prefixes ("nearly all" before "all"). An empty list matches nothing.
    """
    return _compile(tuple(sorted({p.strip().lower() for p in phrases if p.strip()})))


@lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...]) -> Phrases:
    keys = [max(_WORD_RUN.findall(p), key=len, default=None) if p.isascii() else None
            for p in phrases]
    return Phrases(_regex(phrases), frozenset(keys) if None not in keys else None)


def _regex(phrases: tuple[str, ...]) -> str:
    if not phrases:
        return r"(?!)"
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for unit in _units(phrase):
            node = node.setdefault(unit, {})
        node[""] = {}
    return rf"(?<![\w-])(?:{trie_regex(trie)})(?![\w-])"


def _units(phrase: str) -> list[str]:
    """A phrase as regex units: each character escaped, each space ``\\s+``."""
    return [r"\s+" if c == " " else re.escape(c) for c in " ".join(phrase.split())]


def trie_regex(node: dict[str, dict]) -> str:
    """A regex for a character trie: shared prefixes are tried once.

    Python's engine tries alternatives one by one; a list of 80 phrases as a
    flat alternation costs 80 attempts at every position, a trie about one.
    Longer continuations come first, so "nearly all" wins over "nearly".
    """
    ends = "" in node
    branches = [unit + trie_regex(child) for unit, child in node.items() if unit]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")
