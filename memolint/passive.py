"""Passive-voice detection: dependency labels with a model, a pattern without.

With a parsing model, a clause is passive when the parser says so
(``auxpass``, ``nsubjpass``, ``csubjpass``) or when a past participle
(``VBN``) has a "be" or "get" auxiliary; adjectival participles ("we are
interested") are dropped unless a "by" agent follows.

Without tags (the blank pipeline), one compiled pattern finds a form of
"be" (or "get", cautiously), up to three adverbs ("was not yet fully"), and a
past participle: a regular "-ed" word or one of the irregular participles in
``rules/wordlists/passive.toml``. It rejects words that only look like
participles ("need", "hundred"), capitalised words (names: "was United
Airlines"), and adjectival participles ("interested", "excited") unless "by"
follows. "Get" counts only when the participle ends the clause or takes a
"by" agent ("got promoted.", "gets reviewed by legal"), since "get started"
and "got married in June" are not what readers call passive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from memolint.wordlists import Caseless, WordGate, wordlist, words_of

if TYPE_CHECKING:
    from spacy.tokens import Span

_ADVERBS = (
    "not", "never", "also", "always", "often", "still", "already", "just", "now", "then",
    "even", "only", "further", "all", "both", "each", "thus", "therefore", "yet", "again",
    "once", "first", "twice", "rarely", "seldom", "later", "long", "well", "being", "soon",
    "much", "less", "more", "most", "very", "too", "so", "either", "neither",
)
#: Straight and typographic apostrophes.
_APOS = "'\u2019"
_ADVERB = rf"(?:\s*n[{_APOS}]t|\s+(?:{'|'.join(_ADVERBS)}|\w+ly))"
_BE_FORMS = ("am", "is", "are", "was", "were", "be", "been", "being")
_GET_FORMS = ("get", "gets", "got", "gotten", "getting")
_BE = rf"(?:(?<![\w{_APOS}-])(?:{'|'.join(_BE_FORMS)})|[{_APOS}](?:re|m))"
_GET = rf"(?<![\w{_APOS}-])(?:{'|'.join(_GET_FORMS)})"
_AGENT = re.compile(r"\s+by\b", re.IGNORECASE)
#: What may follow a "get" participle for the clause to count as passive.
_GET_END = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+by\b", re.IGNORECASE)
_GET_IDIOMS = frozenset({"started", "involved", "used", "rid", "dressed", "married", "lost",
                         "engaged", "acquainted", "done", "tired", "bored", "excited"})
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass", "csubjpass"})


def _keys(forms: Iterable[str]) -> frozenset[str]:
    """Words (runs of word characters) a lower-cased text holds where a verb form matches.

    The form is a whole word: nothing of a word comes before it, and after
    it comes white space or "n't", which joins an "n" to it ("wasn't").
    """
    return frozenset(f + n for f in forms for n in ("", "n"))


#: Words a lower-cased text holds wherever the "be" (with "'re", "'m") or "get" pattern matches.
BE_KEYS = _keys((*_BE_FORMS, "re", "m"))
GET_KEYS = _keys(_GET_FORMS)
#: Found in a lower-cased text wherever a regular participle (``\w+ed`` ending a
#: word) is: a literal-led pattern, which Python's engine scans for quickly.
_ED_END = re.compile(r"ed\b")


class PassiveFinder:
    """Finds the first passive construction in a sentence.

    The patterns are "be" (or "get"), adverbs and a participle; which words are
    participles is asked of the word lists in Python, not spelled out in the
    pattern: an alternation of ~150 irregular participles took each process
    ~25 M instructions to compile, twice. On a text that cannot be lower-cased
    safely (see :class:`~memolint.wordlists.Caseless`) the full patterns run.
    """

    def __init__(self, adjectives: Iterable[str]) -> None:
        data = wordlist("passive")
        self.adjectives = frozenset(a.lower() for a in adjectives)
        self.not_participles = frozenset(data["not_participles"])
        self.irregular = frozenset(data["irregular"])
        # The verb, with the word after its adverbs looked ahead at: each place
        # the full pattern may match, the participle it would take there.
        ahead = rf"(?={_ADVERB}{{0,3}}\s+(?P<part>\w+)(?![\w{_APOS}-]))"
        self._be_word = re.compile(_BE + ahead)
        self._get_word = re.compile(_GET + ahead)

    #: Texts holding a word :meth:`in_text` needs to find a passive.
    gate = WordGate([key] for key in sorted(BE_KEYS | GET_KEYS))

    @cached_property
    def _be(self) -> Caseless:
        """The full "be" pattern (the participles spelled out), for unsafe texts."""
        return Caseless(_BE + self._tail)

    @cached_property
    def _get(self) -> Caseless:
        """The full "get" pattern, as :attr:`_be`."""
        return Caseless(_GET + self._tail)

    @property
    def _tail(self) -> str:
        irregular = "|".join(sorted(self.irregular, key=len, reverse=True))
        return rf"{_ADVERB}{{0,3}}\s+(?P<part>\w+ed|{irregular})(?![\w{_APOS}-])"

    def in_text(self, text: str) -> tuple[int, int] | None:
        """(start, end) of the first passive in ``text``, by the token pattern.

        Each pattern runs only on a text holding one of its key words, and
        neither runs on a text holding no participle: no irregular one among
        its words and no word ending in "ed".
        """
        words = words_of(text)
        if (words is not None and self.irregular.isdisjoint(words)
                and not _ED_END.search(text.lower())):
            return None
        return self.scan(text, words)

    def scan(self, text: str, words: frozenset[str] | None) -> tuple[int, int] | None:
        """:meth:`in_text` without the participle check (``words``: ``words_of(text)``)."""
        found = ([m for m in self._matches(self._be_word, "_be", text, words)
                  if self._keep(m[2], m[1], text)]
                 if words is None or not words.isdisjoint(BE_KEYS) else [])
        if words is None or not words.isdisjoint(GET_KEYS):
            found += [m for m in self._matches(self._get_word, "_get", text, words)
                      if self._keep_get(m[2], m[1], text)]
        if not found:
            return None
        first = min(found, key=lambda m: m[0])
        return first[0], first[1]

    def _matches(self, verbs: re.Pattern[str], full: str, text: str,
                 words: frozenset[str] | None) -> Iterator[tuple[int, int, str]]:
        """``(start, end, participle)`` of each match the full pattern (the attribute
        named ``full``, compiled only when asked for) finds in ``text``.

        Found on the lower-cased text (``words`` is None when that is unsafe):
        the verb pattern stops at each place the full pattern may match, and
        the word it looks ahead at decides, a participle giving the match the
        full pattern makes there (none of the adverbs between is a participle,
        so the full pattern could not backtrack to a match of its own). As the
        full pattern's search, the next match starts past the last one's end.
        """
        if words is None:
            for match in getattr(self, full).finditer(text):
                yield match.start(), match.end(), match.group("part")  # type: ignore[misc]
            return
        lowered = text.lower()
        end = 0
        for match in verbs.finditer(lowered):
            start = match.start()
            first, last = match.span("part")
            part = lowered[first:last]
            # The full pattern's participle: "\w+ed" or an irregular one (look-alikes
            # such as "need" match it too, and are dropped after, as there).
            if start >= end and (part in self.irregular or (len(part) > 2
                                                             and part.endswith("ed"))):
                end = last
                yield start, last, text[first:last]

    def _keep(self, word: str, end: int, text: str) -> bool:
        """Whether a match of participle ``word`` ending at ``end`` of ``text`` is passive."""
        lowered = word.lower()
        if lowered in self.not_participles or not word[0].islower():
            return False
        return lowered not in self.adjectives or bool(_AGENT.match(text, end))

    def _keep_get(self, word: str, end: int, text: str) -> bool:
        """:meth:`_keep` for a "get" passive, which must end its clause or name an agent."""
        return (self._keep(word, end, text) and word.lower() not in _GET_IDIOMS
                and bool(_GET_END.match(text, end)))

    def in_span(self, span: Span) -> tuple[int, int] | None:
        """(start, end) character offsets of the first passive, by dependency labels."""
        for token in span:
            if token.dep_ in PASSIVE_DEPS:
                verb = token.head
            elif token.tag_ == "VBN" and self._participle(token.lower_) and any(
                c.dep_ == "aux" and c.lemma_ in ("be", "get") for c in token.children
            ):
                verb = token
            else:
                continue
            children = list(verb.children)
            if verb.lower_ in self.adjectives and not any(c.dep_ == "agent" for c in children):
                continue
            helpers = [c for c in children if c.dep_ in ("auxpass", "aux") and c.i < verb.i]
            if verb.lower_ in _GET_IDIOMS and any(c.lemma_ == "get" for c in helpers):
                continue
            first = min([verb, *helpers], key=lambda t: t.i)
            return first.idx, verb.idx + len(verb.text)
        return None

    def _participle(self, word: str) -> bool:
        return word in self.irregular or (word.endswith("ed") and word not in self.not_participles)


@lru_cache(maxsize=16)
def finder(adjectives: tuple[str, ...]) -> PassiveFinder:
    """A finder for one adjective list, built once per process."""
    return PassiveFinder(adjectives)
