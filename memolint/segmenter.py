"""Sentence boundaries for business prose, as a spaCy pipeline component.

spaCy's rule-based sentencizer ends a sentence at every ``.``, ``!`` or ``?``
token, so it splits "approx. five", keeps "etc. Next" together, and glues an
opening quote to the previous sentence. This component decides each
candidate boundary from the tokens around it, in one linear pass:

* a run of terminal punctuation (``.``, ``!``, ``?``, ``...``, ``…``) ends a
  sentence unless the next word starts in lower case ("we waited... and");
* closing quotes and brackets written right after the terminal stay with the
  sentence they close (and make an abbreviation before them final: "(see
  Appendix B.) Refunds"); an opening quote after a space starts the next one;
* abbreviations that introduce something ("e.g.", "i.e.", "vs.", "approx.",
  "Dr.", "St.") never end a sentence; "etc." ends one before any capital;
  other words with a trailing period ("Inc.", "U.S.", "Jan.", "No.", "B.")
  end one only before a word that typically starts a sentence ("The", "We",
  "In", ...), so "the U.S. Army" stays whole and "in the U.S. We" splits;
  a single capital ("B.") after a lower-case word ("option B. Option C
  costs more") ends one before any capital, while an initial after a name
  ("John F. Kennedy") does not;
* decimals, versions ("v2.1"), URLs and dotted names are single tokens and
  never candidates.

The tokenizer gets special cases for abbreviations spaCy's English
exceptions lack ("approx.", "etc.", "incl.", "Fig.", "No.", ...), so they stay
one token on both the blank and the model pipelines.

The blank pipeline needs only the decisions, not a doc: :func:`sentence_ranges`
tokenizes just the few words around each terminal (spaCy's tokenizer cuts a
text at white space and tokenizes each piece on its own), and remembers each
such cluster's decisions, so a warm process rarely tokenizes at all.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import filterfalse
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

COMPONENT = "memolint_sentences"

#: Abbreviations spaCy's tokenizer would split off their period.
EXTRA_ABBREVIATIONS = (
    "approx.", "etc.", "incl.", "cf.", "esp.", "viz.", "resp.", "ca.", "est.", "dept.",
    "fig.", "figs.", "no.", "nos.", "vol.", "sec.", "ch.", "pp.", "avg.", "min.", "max.",
    "wk.", "yr.", "yrs.", "mo.", "mos.", "qty.", "ref.", "corp.", "ltd.", "llc.", "inc.",
    "ave.", "blvd.", "mon.", "tue.", "tues.", "wed.", "thu.", "thurs.", "fri.",
)
#: Abbreviations that precede what they introduce: never the end of a sentence.
NEVER_FINAL = frozenset({
    "e.g.", "i.e.", "vs.", "v.s.", "cf.", "approx.", "viz.", "esp.", "resp.", "incl.", "ca.",
    "dr.", "mr.", "mrs.", "ms.", "messrs.", "prof.", "st.", "mt.", "gen.", "gov.", "sen.",
    "rep.", "rev.", "adm.", "fig.", "figs.", "no.", "nos.", "vol.", "sec.", "ch.", "pp.",
    "ave.", "blvd.",
})
#: Abbreviations that end a sentence before any capitalised word.
USUALLY_FINAL = frozenset({"etc."})
#: Capitalised words that typically open a sentence (closed-class words).
_STARTERS = """
a an the this that these those it its we our us i my he she his her they their there
then in on at for if when while but and so as by with to from after before since once
each every all most some many no not what why how who which where today yesterday
tomorrow last next however yet still because although though also both one two three
four five six seven eight nine ten our your you first second finally instead overall
meanwhile during without unless until over under only even here now let please
"""
SENTENCE_STARTERS = frozenset(_STARTERS.split())

_TERMINAL = re.compile(r"^(?:[.!?…]+|\.{2,})$")
_CLOSERS = frozenset('"\')]}\u00bb\u201d\u2019')
_OPENERS = frozenset('"\'([{\u00ab\u201c\u2018')
_TERMINAL_ENDS = (".", "!", "?", "\u2026")
_TERMINALS = frozenset(_TERMINAL_ENDS)
_TERMINAL_CHAR = re.compile("[.!?\u2026]")


def add_special_cases(nlp: Language) -> None:
    """Keep the extra abbreviations one token each (lower and title case)."""
    from spacy.symbols import ORTH

    for abbreviation in EXTRA_ABBREVIATIONS:
        for form in {abbreviation, abbreviation.capitalize(), abbreviation.upper()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def boundaries(words: Sequence[str], spaces: Sequence[object]) -> list[bool]:
    """Sentence starts for tokens given their texts and trailing white space.

    ``spaces[i]`` is true when token ``i`` is followed by white space.

    A pure function of two lists, so the bench and the tests can call it
    without spaCy; linear in the number of tokens.
    """
    starts = [False] * len(words)
    for index in _start_indices(words, spaces, range(len(words))):
        starts[index] = True
    return starts


def _start_indices(words: Sequence[str], spaces: Sequence[object],
                   candidates: Iterable[int]) -> list[int]:
    """Indices of the sentence starts (see :func:`boundaries`).

    Only the ``candidates`` (ascending) can end a sentence: all tokens, or
    just those ending in terminal punctuation when the caller knows them, so
    that ``words`` may fetch a token's text only when it is asked for.
    """
    count = len(words)
    found = [0] if count else []
    index = 0
    for candidate in candidates:
        if candidate < index:
            continue
        index = candidate
        text = words[index]
        if not text.endswith(_TERMINAL_ENDS):
            continue
        nxt = _after_terminal(words, spaces, index + 1)
        if nxt < count:
            following = _first_word(words, nxt, count)
            first = following[:1]
            # Nothing ends before a word in lower case: the cheap test comes first.
            if (first.isupper() or first.isdigit()) and (
                    # An abbreviation closed by a bracket or quote ends its sentence too.
                    _TERMINAL.match(text) or (nxt > index + 1 and words[index + 1] in _CLOSERS)
                    or _abbreviation_ends(text, following, words[index - 1] if index else "")):
                found.append(nxt)
        index = max(nxt, index + 1)
    return found


def _after_terminal(words: Sequence[str], spaces: Sequence[object], index: int) -> int:
    """First token after a terminal, its attached closers and white space."""
    count = len(words)
    while index < count:
        text = words[index]
        attached = not spaces[index - 1]
        if (attached and text in _CLOSERS) or _TERMINAL.match(text) or text.isspace():
            index += 1
        else:
            break
    return index


def _first_word(words: Sequence[str], index: int, count: int) -> str:
    """The first token at or after ``index`` (of ``count``) that is not an opening mark."""
    word = words[index]
    while index < count - 1 and word in _OPENERS:
        index += 1
        word = words[index]
    return word


def _abbreviation_ends(token: str, following: str, previous: str) -> bool:
    """Whether a sentence ends at a word with a trailing period, between ``previous``
    and ``following`` (which starts with a capital or a digit)."""
    lowered = token.lower()
    if lowered in NEVER_FINAL or not following[:1].isupper():
        return False
    if lowered in USUALLY_FINAL or (len(token) == 2 and previous[:1].islower()):
        return True
    return following.lower() in SENTENCE_STARTERS


def set_sentences(doc: Doc) -> Doc:
    """The component: mark every token as a sentence start (1) or not (-1).

    Only tokens ending in terminal punctuation can end a sentence, and a
    lexeme flag (computed once per word of the vocabulary, in C) finds them;
    the texts of those and their neighbours are then fetched one by one.
    Asking every token for its text would cost more than the tokenizer.
    """
    count = len(doc)
    if not count:
        return doc
    import numpy
    from spacy.attrs import SENT_START, SPACY

    flags, spaces = doc.to_array([_terminal_flag(doc.vocab), SPACY]).T.tolist()
    candidates = [index for index, flag in enumerate(flags) if flag]
    marks = numpy.full(count, _NOT_A_START, dtype="uint64")
    marks[_start_indices(_TokenTexts(doc), spaces, candidates)] = 1
    doc.from_array(SENT_START, marks)
    return doc


#: ``SENT_START`` -1 ("not a start") as the unsigned value ``Doc.from_array`` takes.
_NOT_A_START = 2**64 - 1


def sentence_ranges(text: str, make_doc: Callable[[str], Doc]) -> list[tuple[int, int]]:
    """The sentences the component would mark in ``text``, as character ranges.

    A range runs from a sentence's first token (the first one from 0) to the
    next sentence's first token or the end of ``text``, so it may hold white
    space at either end. See :func:`sentence_ranges_of` for how.
    """
    return sentence_ranges_of([text], make_doc)[0]


def sentence_ranges_of(texts: list[str], make_doc: Callable[[str], Doc]
                       ) -> list[list[tuple[int, int]]]:
    """:func:`sentence_ranges` of each text, with one tokenizer call for them all.

    A text without terminal punctuation is one sentence. Otherwise only the
    clusters around terminals are looked at (see :func:`_clusters`), and each
    cluster's decisions are remembered by its text: ``make_doc`` (the
    tokenizer) runs once, on the clusters none of the texts' predecessors
    had, and nothing is written into a doc.
    """
    found = [_clusters(text) for text in texts]
    cache = _cache_of(make_doc)
    missing = [key for _, keys in found for key in filterfalse(cache.__contains__, keys)]
    if missing:
        missing = list(dict.fromkeys(missing))
        if len(cache) + len(missing) > CACHE_LIMIT:  # start afresh, but keep these texts'
            kept = {key: cache[key] for _, keys in found for key in keys if key in cache}
            cache.clear()
            cache.update(kept)
        cache.update(_decide(missing, make_doc))
    ranges = []
    decided = cache.__getitem__
    for text, (starts, keys) in zip(texts, found, strict=True):
        # Where each sentence after the first starts, then the text's end; each
        # range runs from one start (the first from 0) to the next.
        ends = [start + offset for start, offsets in zip(starts, map(decided, keys), strict=True)
                for offset in offsets]
        ends.append(len(text))
        ranges.append(list(zip([0, *ends], ends, strict=False)))
    return ranges


def _cluster_source(possessive: str) -> str:
    """The pattern of :data:`_CLUSTER`, with ``possessive`` ("+" or "") after each quantifier.

    A cluster is a chunk (run without white space) holding a terminal, the
    chunks after it that hold a terminal or only marks the splitter looks
    past (terminals, closers, openers), and the chunk after those, where the
    next word is. Each piece starts a chunk and ends one.

    Possessive quantifiers match the same: what one would give back could
    never let the rest match (a run of non-terminals given back holds no
    terminal, white space given back starts no chunk), and after the first
    chunk every piece is optional, so the greedy match is the match. The
    engine then drops a chunk without a terminal at once instead of
    backtracking through it character by character.
    """
    p = possessive
    word = rf"[^\s.!?\u2026]*{p}[.!?\u2026]\S*{p}"  # a chunk holding a terminal
    marks = re.escape("".join(sorted(_TERMINALS | _CLOSERS | _OPENERS)))
    return rf"(?<!\S){word}(?:\s+{p}(?:[{marks}]+{p}(?!\S)|{word}))*{p}(?:\s+{p}\S+{p})?{p}"


#: See :func:`_cluster_source`; possessive where Python has that (3.11).
_CLUSTER = re.compile(_cluster_source("+" if sys.version_info >= (3, 11) else ""))


def _clusters(text: str) -> tuple[list[int], list[str]]:
    """Where the stretches of ``text`` that decide its sentence boundaries start,
    and their texts (the keys of the decisions' cache).

    The splitter decides at each token ending in a terminal from that token,
    the tokens it skips after it (white space, closers, terminals, openers)
    and the first word after those, which the last chunk of a cluster holds:
    no decision looks past a cluster, so each can be decided on its own.
    The one look back, at the word before a two-character token such as
    "B." ("option B. Option"), is kept by starting the cluster one chunk
    earlier when that word is one space before it (a chunk without a
    terminal, so it adds no decision of its own).
    """
    starts: list[int] = []
    keys: list[str] = []
    end = 0
    # Full stops are found by ``str.find``, several times faster than a
    # regular expression; the other terminals are rare.
    only_stops = not ("!" in text or "?" in text or "\u2026" in text)
    position = text.find(".") if only_stops else _first_terminal(text, 0)
    while position >= 0:
        # The cluster starts at the chunk holding the terminal: after the last
        # space before it, unless other white space comes later (then search).
        start = text.rfind(" ", end, position) + 1 or end
        cluster = _CLUSTER.match(text, start) or _CLUSTER.search(text, end)
        start, end = cluster.span()  # type: ignore[union-attr]
        if (text[start + 1:start + 2] in _TERMINALS and start > 1 and text[start - 1] == " "
                and not text[start - 2].isspace()):
            start -= 1
            while start and not text[start - 1].isspace():
                start -= 1
        starts.append(start)
        keys.append(text[start:end])
        position = text.find(".", end) if only_stops else _first_terminal(text, end)
    return starts, keys


def _first_terminal(text: str, position: int) -> int:
    """Where the first terminal at or after ``position`` is, or -1."""
    found = _TERMINAL_CHAR.search(text, position)
    return found.start() if found else -1


#: Between clusters decided together: each starts after white space, as a
#: text's first token does, and a lower-case word stands between them. Every
#: cluster ends with the word its last decision stops at, but one that ends
#: its text: the splitter sees that one followed by the lower-case word,
#: before which no sentence ends, as it sees nothing after a text's end.
_SEPARATOR = "\nx\n"
#: Clusters remembered per pipeline; the cache is emptied when it would grow past this.
CACHE_LIMIT = 20_000
_CACHES: WeakKeyDictionary[object, dict[str, tuple[int, ...]]] = WeakKeyDictionary()


def _cache_of(make_doc: Callable[[str], Doc]) -> dict[str, tuple[int, ...]]:
    """The decisions cached for a pipeline's ``make_doc``, by cluster text.

    A bound method is made afresh at each attribute access, so the cache
    belongs to its owner (the pipeline, held weakly), which must not change
    its tokenizer rules afterwards (memolint's are fixed when it is loaded).
    """
    owner = getattr(make_doc, "__self__", make_doc)
    cache = _CACHES.get(owner)
    if cache is None:
        cache = _CACHES[owner] = {}
    return cache


def _decide(clusters: list[str], make_doc: Callable[[str], Doc]) -> dict[str, tuple[int, ...]]:
    """Each cluster's sentence starts (offsets in it), from one tokenizer call for all
    (see :data:`_SEPARATOR`)."""
    bases = []
    base = 0
    for cluster in clusters:
        bases.append(base)
        base += len(cluster) + len(_SEPARATOR)
    starts: list[list[int]] = [[] for _ in clusters]
    for offset in _token_starts(_SEPARATOR.join(clusters), make_doc):
        index = bisect_right(bases, offset) - 1
        starts[index].append(offset - bases[index])
    return dict(zip(clusters, map(tuple, starts), strict=True))


def _token_starts(text: str, make_doc: Callable[[str], Doc]) -> list[int]:
    """Where the sentences after the first start in ``text``, from all its tokens.

    Token texts are slices of ``text``, far cheaper than the Token objects
    the component has to ask for.
    """
    from spacy.attrs import IDX, SPACY

    spaces, offsets = make_doc(text).to_array([SPACY, IDX]).T.tolist()
    words = _TextSlices(text, offsets, spaces)
    # A token ends in terminal punctuation when a terminal is its last character.
    candidates = []
    for match in _TERMINAL_CHAR.finditer(text):
        index = bisect_right(offsets, match.start()) - 1
        if words.end(index) == match.end():
            candidates.append(index)
    return [offsets[index] for index in _start_indices(words, spaces, candidates)[1:]]




def _ends_in_terminal(text: str) -> bool:
    """The lexeme flag: a word that ends in terminal punctuation."""
    return text.endswith(_TERMINAL_ENDS)


#: The flag's bit, by the vocabulary it was added to (``id``, checked on use).
_FLAGS: dict[int, int] = {}


def _terminal_flag(vocab: Vocab) -> int:
    """The bit of :func:`_ends_in_terminal` in this vocabulary, added on first use."""
    flag = _FLAGS.get(id(vocab))
    if flag is None or vocab.lex_attr_getters.get(flag) is not _ends_in_terminal:
        flag = _FLAGS[id(vocab)] = vocab.add_flag(_ends_in_terminal)
    return flag


class _TokenTexts(Sequence[str]):
    """A doc's token texts as a sequence that looks each one up only when asked."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self._doc[index].text


class _TextSlices(Sequence[str]):
    """Token texts as slices of the doc's text, from the tokens' offsets and spaces."""

    def __init__(self, text: str, offsets: list[int], spaces: list[int]) -> None:
        self._text = text
        self._offsets = offsets
        #: Where each token's text and trailing space end: the next token's offset.
        self._nexts = [*offsets[1:], len(text)]
        self._spaces = spaces

    def __len__(self) -> int:
        return len(self._offsets)

    def end(self, index: int) -> int:
        """Where token ``index`` ends (its one trailing space left out)."""
        return self._nexts[index] - self._spaces[index]

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self._text[self._offsets[index] : self._nexts[index] - self._spaces[index]]


def register() -> None:
    """Register the component with spaCy (idempotent)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=set_sentences)
