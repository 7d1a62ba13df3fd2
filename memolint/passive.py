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
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from memolint.wordlists import Caseless, Match, WordGate, wordlist, words_of

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
    """Finds the first passive construction in a sentence."""

    def __init__(self, adjectives: Iterable[str]) -> None:
        data = wordlist("passive")
        self.adjectives = frozenset(a.lower() for a in adjectives)
        self.not_participles = frozenset(data["not_participles"])
        self.irregular = frozenset(data["irregular"])
        irregular = "|".join(sorted(self.irregular, key=len, reverse=True))
        tail = rf"{_ADVERB}{{0,3}}\s+(?P<part>\w+ed|{irregular})(?![\w{_APOS}-])"
        # Lower case (the word list is), so both run on the lower-cased text.
        self._be = Caseless(_BE + tail)
        self._get = Caseless(_GET + tail)

    #: Texts holding a word :meth:`in_text` needs to find a passive.
    gate = WordGate([key] for key in sorted(BE_KEYS | GET_KEYS))

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
        found = ([m for m in self._be.finditer(text) if self._keep(m, text)]
                 if words is None or not words.isdisjoint(BE_KEYS) else [])
        if words is None or not words.isdisjoint(GET_KEYS):
            found += [m for m in self._get.finditer(text) if self._keep_get(m, text)]
        if not found:
            return None
        first = min(found, key=lambda m: m.start())
        return first.start(), first.end()

    def _keep(self, match: Match, text: str) -> bool:
        word = match.group("part")
        lowered = word.lower()
        if lowered in self.not_participles or not word[0].islower():
            return False
        return lowered not in self.adjectives or bool(_AGENT.match(text, match.end()))

    def _keep_get(self, match: Match, text: str) -> bool:
        word = match.group("part").lower()
        return (self._keep(match, text) and word not in _GET_IDIOMS
                and bool(_GET_END.match(text, match.end())))

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
