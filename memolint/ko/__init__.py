"""Korean text: sentences, eojeol and character counts, and word lists.

spaCy's Korean language class (``spacy.blank("ko")``) tokenizes with
mecab-ko, mecab-ko-dic and natto-py, native packages that are not on PyPI
wheels and cannot be installed offline: on this project's environment it
raises ``ImportError`` at construction. Its rule-based fallback
(``spacy.Tokenizer.v1`` with the sentencizer) splits on every ``.``, so it
glues an opening quote to the sentence before (``늘었다. "``) and never splits
at an ellipsis, and it still pays spaCy's start-up. memolint therefore
segments Korean with its own rules (:mod:`memolint.ko.segment`) in plain
Python, and matches Korean word lists with eojeol-aware patterns
(:mod:`memolint.ko.terms`). Nothing here imports spaCy.
"""

from memolint.ko.segment import (
    character_count,
    eojeol_count,
    korean_sentences,
    line_starts,
    sentence_spans,
)
from memolint.ko.terms import term_pattern

__all__ = [
    "character_count", "eojeol_count", "korean_sentences", "line_starts",
    "sentence_spans", "term_pattern",
]
