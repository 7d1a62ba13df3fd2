"""Word lists as data: loaded from ``rules/wordlists/`` and compiled once.

Wording rules keep their terms in TOML (a rule's options, or a file under
``rules/wordlists/``) so a team can edit them without Python. Matching is one
compiled regular expression per list, cached for the process: a six-page memo
is scanned in C, never word by word in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache, partial
from itertools import compress
from operator import is_, not_
from typing import Any

from memolint.errors import ConfigError
from memolint.language import STOPWORDS
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


class Found:
    """A match of a :class:`Caseless` pattern: where the lower-cased text matched,
    read on the original text.

    Lower-casing keeps every character where it was (see :class:`Caseless`),
    so a group's span in the lower-cased text is its span in the original, and
    its text is the original's there: what the case-insensitive pattern's
    match would give, without compiling that pattern (Python's compiler is
    slow, and the first lint of a process compiles every list it uses).
    """

    __slots__ = ("_match", "string")

    def __init__(self, match: re.Match[str], string: str) -> None:
        self._match = match
        #: The original text.
        self.string = string

    def group(self, group: int | str = 0) -> str | None:
        """The text of a group, as in the original; None if it took no part."""
        start, end = self._match.span(group)
        return None if start < 0 else self.string[start:end]

    def start(self, group: int | str = 0) -> int:
        """Where a group starts (-1 if it took no part)."""
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        """Where a group ends (-1 if it took no part)."""
        return self._match.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        """``(start, end)`` of a group."""
        return self._match.span(group)


#: What a :class:`Caseless` pattern finds: a real match, or one read through :class:`Found`.
Match = re.Match[str] | Found


class Caseless:
    """A case-insensitive regular expression, run case-sensitively on the lower-cased text.

    Python's engine matches ``re.IGNORECASE`` patterns several times slower
    than plain ones (it folds the case of every character it tries), and the
    wording rules scan every sentence with a dozen such patterns. For a
    pattern written in lower case from ASCII (plus a few caseless marks),
    matching the text case-insensitively and matching ``text.lower()``
    case-sensitively agree character by character, so they find the same
    spans, read on the original text (:class:`Found`). Checked over every
    code point: only U+0130, U+0131 and U+017F break the agreement (they
    change length or fold onto an ASCII letter that ``str.lower`` does not
    give), and a text holding one goes to the case-insensitive pattern. Any
    other pattern always does. The case-insensitive pattern is compiled only
    when such a text (or :attr:`pattern`) asks for it.
    """

    __slots__ = ("_ignorecase", "_plain", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._ignorecase: re.Pattern[str] | None = None
        self._plain = re.compile(source) if _folds_like_ascii(source) else None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The case-insensitive regular expression the matches are defined by."""
        if self._ignorecase is None:
            self._ignorecase = re.compile(self._source, re.IGNORECASE)
        return self._ignorecase

    def finditer(self, text: str) -> Iterator[Match]:
        """Matches in ``text``, with the spans and groups ``self.pattern.finditer(text)`` gives."""
        folded = _folded(text) if self._plain is not None else None
        if folded is None:
            return self.pattern.finditer(text)
        return (Found(found, text) for found in self._plain.finditer(folded))  # type: ignore[union-attr]

    def search(self, text: str) -> Match | None:
        """The first match in ``text``, as ``self.pattern.search(text)`` finds it."""
        folded = _folded(text) if self._plain is not None else None
        if folded is None:
            return self.pattern.search(text)
        found = self._plain.search(folded)  # type: ignore[union-attr]
        return Found(found, text) if found else None


class Gated:
    """A :class:`Caseless` pattern that does not scan texts it cannot match.

    A match needs either a word the (lower-cased) text must hold, which
    ``gate`` checks, or, with ``digits``, a decimal digit, which
    :func:`_has_digit` finds far faster than the pattern would. With
    ``any_digit`` the pattern matches every decimal digit (it has a bare
    ``\\d`` alternative), so a text holding one matches without a scan.
    Texts with a character in :data:`_UNSAFE` are always scanned.
    """

    __slots__ = ("_any_digit", "_caseless", "_digits", "_gate")

    def __init__(self, source: str, gate: WordGate, digits: bool = False,
                 any_digit: bool = False) -> None:
        self._caseless = Caseless(source)
        self._gate = gate
        self._digits = digits
        self._any_digit = any_digit

    @property
    def pattern(self) -> re.Pattern[str]:
        """The case-insensitive regular expression the matches are defined by."""
        return self._caseless.pattern

    def search(self, text: str) -> Match | None:
        """The first match in ``text``, as ``self.pattern.search(text)`` finds it."""
        if not (self._admits(text) or (self._digits and _has_digit(text))):
            return None
        return self._caseless.search(text)

    def holds(self, text: str) -> bool:
        """Whether the pattern matches somewhere in ``text`` (:meth:`search` as a truth value)."""
        if self._any_digit:
            return _has_digit(text) or (self._admits(text)
                                        and self._caseless.search(text) is not None)
        return self.search(text) is not None

    def _admits(self, text: str) -> bool:
        """Whether the gate lets ``text`` through (always, when its words are unsafe)."""
        words = words_of(text)
        return words is None or self._gate.admits(words)


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit (``\\d``): for an ASCII text, whether
    it holds one once every digit is "0" and every other character a space (one
    ``bytes.translate``, then ``find``, both in C), several times faster than the
    pattern's scan, which asks the Unicode tables at each character."""
    if text.isascii():
        return text.encode().translate(_DIGIT_MARKS).find(b"0") >= 0
    return _DIGIT.search(text) is not None


_DIGIT_MARKS = bytes(0x30 if 0x30 <= c <= 0x39 else 0x20 for c in range(256))
_DIGIT = re.compile(r"\d")
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


class WordGate:
    """Which texts may hold one of some phrases: those holding every word of one.

    A phrase matched as whole words (see :class:`Phrases`) can only match a
    text that has each of the phrase's words (runs of word characters) as a
    word of its own. A one-word phrase admits every text holding its word,
    which one set test answers for all of them at once (a longer phrase with
    such a word in it adds nothing); each longer phrase is filed under a key,
    its longest word that is no common English word ("is up" under "up"), so
    a text is compared only with the phrases whose key it holds.
    """

    __slots__ = ("_needs", "keys", "phrase_keys", "singles")

    def __init__(self, phrases_words: Iterable[Iterable[str]]) -> None:
        phrases = {frozenset(words): list(words) for words in phrases_words}
        #: Words each of which admits a text by itself.
        self.singles = frozenset(word for need in phrases if len(need) == 1 for word in need)
        needs: dict[str, list[frozenset[str]]] = {}
        for need, ordered in phrases.items():
            if len(need) > 1 and self.singles.isdisjoint(need):
                needs.setdefault(max(ordered, key=_rarity), []).append(need)
        self._needs = {key: tuple(filed) for key, filed in needs.items()}
        #: Keys of the longer phrases: a text must hold one to hold such a phrase.
        self.phrase_keys = frozenset(self._needs)
        #: Lower-cased words one of which a text must hold to match.
        self.keys = self.singles | self.phrase_keys

    def admits(self, words: frozenset[str]) -> bool:
        """Whether a text with these (lower-cased) words holds every word of some phrase."""
        return not self.singles.isdisjoint(words) or (bool(self._needs)
                                                      and self.admits_phrase(words))

    def admits_phrase(self, words: frozenset[str]) -> bool:
        """Whether a text with these words holds every word of a longer phrase."""
        return any(need <= words for need in self.phrases_under(self.phrase_keys & words))

    def phrases_under(self, keys: Iterable[str]) -> Iterator[frozenset[str]]:
        """The words of each longer phrase filed under one of ``keys`` (of :attr:`phrase_keys`)."""
        for key in keys:
            yield from self._needs[key]


def _rarity(word: str) -> tuple[bool, int]:
    """How rare a word probably is in a memo: a common English word least, then by length."""
    return word not in STOPWORDS["en"], len(word)


class Phrases:
    """A compiled phrase list: :meth:`finditer` as on the regular expression, faster.

    Python's regex engine tries a pattern at every position of a text, so a
    dozen lists over every sentence of a memo cost more than all the rest
    of the wording rules. Most sentences hold none of a list's phrases, and
    a phrase can only match a text holding all of its words (its
    :class:`WordGate`): the pattern demands word boundaries, and what
    separates the words in the phrase separates them in the match. A text
    that fails the gate (its words lower-cased, computed once per text) is
    answered without the engine. Texts with the three characters that match
    an ASCII letter case-insensitively but lower-case to something else
    (U+0130, U+0131, U+017F) go to the engine, and so does every text for a
    list with a non-ASCII phrase or one without a word: results stay
    identical. A text that passes is scanned as :class:`Caseless` does.
    (Trying the pattern only at the words that start a phrase was measured
    slower: listing a sentence's words with their offsets costs more than
    the scan.)
    """

    __slots__ = ("_compiled", "_source", "gate")

    def __init__(self, source: str, gate: WordGate | None) -> None:
        self._source = source
        #: The texts the list may match; None: any text.
        self.gate = gate
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

    def finditer(self, text: str) -> Iterator[Match]:
        """Matches in ``text``, as ``self.pattern.finditer(text)`` finds them."""
        gate = self.gate
        if gate is not None:
            words = words_of(text)
            if words is not None and not gate.admits(words):
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


#: Each ASCII character that is no word character (``\w``) as a space, as a
#: ``bytes.translate`` table: an ASCII text's word runs are then what ``split``
#: finds, several times faster than ``\w+`` (the table is built from that pattern).
_ASCII_WORD_RUNS = bytes(c if c > 127 or _WORD_RUN.match(chr(c)) else 0x20 for c in range(256))


#: The words of the texts asked of lately (see :func:`words_of`): each list and
#: pattern looking at a sentence asks for them; emptied before it holds more than
#: :data:`_WORDS_KEPT` (the sentences of a long memo; ~2 MB), so a run over a
#: thousand memos does not grow with them.
_WORDS: dict[str, frozenset[str] | None] = {}
_WORDS_KEPT = 2048


def words_of(text: str) -> frozenset[str] | None:
    """The lower-cased words (word-character runs) of ``text``, or None when a
    character in :data:`_UNSAFE` makes lower-cased words an unsafe gate."""
    try:
        return _WORDS[text]
    except KeyError:
        return _remember({text: _words(text)})[text]


def _words(text: str) -> frozenset[str] | None:
    """:func:`words_of`, worked out."""
    if text.isascii():
        return frozenset(text.lower().encode().translate(_ASCII_WORD_RUNS).decode().split())
    return None if _UNSAFE.search(text) else frozenset(_WORD_RUN.findall(text.lower()))


def _remember(words: dict[str, frozenset[str] | None]) -> dict[str, frozenset[str] | None]:
    """Keep ``words`` (text: its words) for :func:`words_of`; ``words`` back."""
    if len(_WORDS) + len(words) > _WORDS_KEPT:
        _WORDS.clear()
    _WORDS.update(words)
    return words


#: The separator of the texts :func:`_words_of_all` takes apart together: no word
#: character, and white space to ``str.split`` (so no word holds it).
_APART = "\x1f"
#: :data:`_ASCII_WORD_RUNS` keeping :data:`_APART`.
_ASCII_WORD_RUNS_APART = (_ASCII_WORD_RUNS[:ord(_APART)] + _APART.encode()
                          + _ASCII_WORD_RUNS[ord(_APART) + 1:])


def _words_of_all(texts: list[str]) -> dict[str, frozenset[str] | None]:
    """:func:`words_of` of each of some distinct texts, remembered for it.

    The ASCII texts are lower-cased and translated joined, one C call each
    for all of them, then split apart: per text, only the ``split`` into
    words and the set of them remain, both run by ``map`` in C.
    """
    ascii = list(map(str.isascii, texts))
    plain = list(compress(texts, ascii))
    joined = _APART.join(plain)
    words: dict[str, frozenset[str] | None] = {}
    rest = texts
    if joined.count(_APART) == len(plain) - 1:  # no text holds the separator itself
        runs = joined.lower().encode().translate(_ASCII_WORD_RUNS_APART).decode()
        words.update(zip(plain, map(frozenset, map(str.split, runs.split(_APART))), strict=True))
        rest = list(compress(texts, map(not_, ascii)))
    words.update(zip(rest, map(_words, rest), strict=True))
    return _remember(words)


#: Whether a value is None, in C (for ``map``).
_NONE = partial(is_, None)


class TextSet:
    """Many texts (a memo's sentences) asked which of them may match a list.

    Gating each text against each list (:meth:`Phrases.finditer`) costs a
    few lookups per text, list and rule; over a memo that adds up to more
    than the matching. The words of all the texts are collected once, so a
    list none of whose keys occurs anywhere in the memo is settled with one
    set test, and otherwise the texts are picked out in C (``compress`` over
    ``isdisjoint``): those holding a one-word phrase, then, for each longer
    phrase whose key occurs in the memo, those holding all its words
    (``issubset``); a memo holds the keys of few such phrases.
    """

    __slots__ = ("_all", "_safe", "_unsafe", "_vocabulary")

    def __init__(self, texts: Iterable[str]) -> None:
        words = _words_of_all(list(dict.fromkeys(texts)))
        self._all = frozenset(words)
        self._unsafe = frozenset(compress(words, map(_NONE, words.values())))
        safe = {t: w for t, w in words.items() if w is not None} if self._unsafe else words
        self._safe = (tuple(safe), tuple(safe.values()))
        self._vocabulary = frozenset().union(*self._safe[1])

    def holding(self, gate: WordGate | None) -> frozenset[str]:
        """The texts ``gate`` admits, with their words lower-cased.

        A text with a character in :data:`_UNSAFE` is always included (its
        words may match only case-insensitively), and so is every text when
        ``gate`` is None.
        """
        if gate is None:
            return self._all
        singles = gate.singles & self._vocabulary
        keys = gate.phrase_keys & self._vocabulary
        if not (singles or keys):
            return self._unsafe
        texts, word_sets = self._safe
        kept = set(self._unsafe)
        if singles:
            kept.update(compress(texts, map(not_, map(singles.isdisjoint, word_sets))))
        for need in gate.phrases_under(keys):
            kept.update(compress(texts, map(need.issubset, word_sets)))
        return frozenset(kept)


def phrase_pattern(phrases: Iterable[str]) -> Phrases:
    """One case-insensitive pattern matching any phrase as whole words.

    Spaces in a phrase match any run of white space; longer phrases win over
    their prefixes ("nearly all" before "all"). An empty list matches nothing.
    """
    return _as_written(tuple(phrases))


@lru_cache(maxsize=256)
def _as_written(phrases: tuple[str, ...]) -> Phrases:
    """The pattern of a list as the rule's options hold it: each rule asks once per memo."""
    return _compile(tuple(sorted({p.strip().lower() for p in phrases if p.strip()})))


@lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...]) -> Phrases:
    words = [_WORD_RUN.findall(p) for p in phrases]
    gated = all(p.isascii() for p in phrases) and all(words)
    return Phrases(_regex(phrases), WordGate(words) if gated else None)


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
