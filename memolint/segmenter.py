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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

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
        # An abbreviation closed by a bracket or quote ends its sentence too.
        terminal = bool(_TERMINAL.match(text)) or (nxt > index + 1 and words[index + 1] in _CLOSERS)
        previous = words[index - 1] if index else ""
        if nxt < count and _ends_here(text, terminal, _first_word(words, nxt), previous):
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


def _first_word(words: Sequence[str], index: int) -> str:
    """The first token at or after ``index`` that is not an opening mark."""
    while index < len(words) - 1 and words[index] in _OPENERS:
        index += 1
    return words[index]


def _ends_here(token: str, terminal: bool, following: str, previous: str) -> bool:
    """Whether a sentence ends at ``token`` between ``previous`` and ``following``."""
    first = following[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if terminal:
        return True
    lowered = token.lower()
    if lowered in NEVER_FINAL or not first.isupper():
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

    candidates = numpy.flatnonzero(doc.to_array(_terminal_flag(doc.vocab))).tolist()
    spaces = doc.to_array(SPACY)
    starts = _start_indices(_TokenTexts(doc), spaces, candidates)
    marks = numpy.full((count, 1), -1, dtype="int64")
    marks[starts] = 1
    doc.from_array([SENT_START], marks.astype("uint64"))
    return doc


_TERMINAL_ENDS = (".", "!", "?", "\u2026")


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


def register() -> None:
    """Register the component with spaCy (idempotent)."""
    from spacy.language import Language

    if COMPONENT not in Language.factories:
        Language.component(COMPONENT, func=set_sentences)
