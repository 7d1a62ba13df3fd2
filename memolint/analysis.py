"""Analysis: everything computed from a Document, once, on demand.

Rules ask for what they need (sections, sentences, tags, readability, page
estimate); each is computed at the first request and cached, so a run that
selects only structure rules never loads spaCy or the syllable table.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

from memolint.document import Block, Document
from memolint.language import (
    UNDETERMINED,
    Weights,
    combine,
    dominant,
    language_weights,
    shares,
    visible_characters,
)
from memolint.layout.estimate import Layout, PageModel, layout_document
from memolint.layout.saved import saved_pages
from memolint.lazy import cached_property
from memolint.nlp import (
    Ranges,
    Sentence,
    has_tags,
    load_pipeline,
    resolve_model,
    sentences_in,
    split,
)
from memolint.packs import Profile
from memolint.readability import LANGUAGES as FLESCH_LANGUAGES
from memolint.readability import Scores, scores_of
from memolint.sections import APPENDIX, Section, split_sections

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Block kinds whose words count as body prose or lists for bullet shares.
_PROSE_OR_LIST = frozenset({"paragraph", "quote", "list_item"})

#: Runs without white space longer than this are no prose; spaCy's tokenizer
#: splits a run of punctuation one character at a time, in quadratic time.
_LONGEST_TAME_RUN = 100
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{_LONGEST_TAME_RUN + 1},}}")  # from a run's start only


def _tame_long_runs(text: str) -> str:
    """``text`` with the middle of each very long run replaced by ``x``.

    Offsets and lengths stay the same, and so do the first character and the
    last three, so a URL's closing bracket and full stop still end a sentence.
    """
    return _LONG_RUN.sub(lambda m: m[0][0] + "x" * (len(m[0]) - 4) + m[0][-3:], text)


_T = TypeVar("_T")


class _Docs(dict[int, "Doc"]):
    """spaCy docs by block index; a block left out of the batch is parsed when asked for."""

    def __init__(self, analysis: Analysis) -> None:
        super().__init__()
        self._analysis = analysis

    def __missing__(self, index: int) -> Doc:
        self[index] = doc = self._analysis.nlp(self._analysis.tamed_text(index))
        return doc


class Analysis:
    """Lazy, cached facts about one document under one profile."""

    def __init__(
        self, document: Document, profile: Profile, nlp_model: str = "auto",
        page_model: PageModel | None = None, language: str = "auto",
    ) -> None:
        self.document = document
        self.profile = profile
        self.nlp_setting = nlp_model
        self.page_model = page_model or PageModel()
        #: ``Settings.language``: "auto" to detect, else the language to assume.
        self.language_setting = language
        self._sentences_by_languages: dict[tuple[str, ...], list[Sentence]] = {}
        self._sentences_in_scope: dict[tuple[tuple[str, ...], frozenset[str]], list[Sentence]] = {}
        self._tamed: dict[int, str] = {}
        self._shared: dict[Hashable, Any] = {}

    def shared(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """What ``build()`` makes, made once per analysis and kept under ``key``.

        For per-memo work several rules of a kind module need (a template
        match, the memo's word sets, scored scopes): it lives and dies with
        the analysis. What is kept must not refer back to the analysis.
        """
        try:
            return self._shared[key]  # type: ignore[no-any-return]
        except KeyError:
            found = self._shared[key] = build()
            return found

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

    # -- which language ---------------------------------------------------
    @cached_property
    def _language_weights(self) -> dict[int, Weights]:
        """Weighted letters by language of each text block (prose, typed bullets)."""
        return {i: language_weights(b.text, b.lower_runs)
                for i, b in enumerate(self.document.blocks) if b.is_prose or b.manual_bullet}

    @cached_property
    def language(self) -> str:
        """The memo's language: the setting unless "auto", else the most letters' language.

        Detected over the prose blocks together (headings, tables and code are
        left out), so a Korean memo quoting English product names is Korean.
        """
        if self.language_setting != "auto":
            return self.language_setting
        return dominant(self._memo_weights)

    @cached_property
    def _memo_weights(self) -> Weights:
        return combine(self._language_weights.values())

    @cached_property
    def language_shares(self) -> dict[str, float]:
        """Languages holding at least ``MIXED_SHARE`` of the prose; two or more: mixed."""
        if self.language_setting != "auto":
            return {self.language_setting: 1.0}
        return shares(self._memo_weights)

    def covers(self, languages: tuple[str, ...]) -> bool:
        """Whether a rule for ``languages`` runs on this memo at all.

        It does when it takes any language ("*"), when the memo's language is
        undetermined (nothing says the rule is wrong), or when one of its
        languages holds at least ``MIXED_SHARE`` of the prose (the memo's
        language always does); it then sees only the blocks in its languages.
        """
        present = self._present_languages
        return "*" in languages or UNDETERMINED in present or not present.isdisjoint(languages)

    @cached_property
    def _present_languages(self) -> frozenset[str]:
        return frozenset({self.language, *self.language_shares})

    def block_language(self, index: int) -> str:
        """A block's language: its own for a prose block long enough to tell.

        Headings, tables, code and blocks too short to tell ("und") take the
        memo's language; with the language set (not "auto") every block has it.
        """
        return self._block_languages.get(index, self.language)

    @cached_property
    def _block_languages(self) -> dict[int, str]:
        """Each text block's own language, where it can be told and is not set."""
        if self.language_setting != "auto":
            return {}
        found = {i: dominant(w) for i, w in self._language_weights.items()}
        return {i: language for i, language in found.items() if language != UNDETERMINED}

    def in_languages(self, index: int, languages: tuple[str, ...]) -> bool:
        """Whether a rule for ``languages`` applies to a block.

        "*" is every language; an undetermined language ("und": too little
        text to tell) keeps every rule, since nothing says the rule is wrong there.
        """
        if "*" in languages:
            return True
        language = self.block_language(index)
        return language == UNDETERMINED or language in languages

    # -- language processing ---------------------------------------------
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
        """spaCy docs of the prose blocks, by block index.

        With a model, the docs of one batch over the blocks; with the blank
        pipeline, each is made when first asked for (sentences never need
        them). Korean blocks are left out of the batch (memolint's English
        pipeline has nothing to say about them, and an all-Korean memo never
        loads spaCy); a rule that still asks for one gets it parsed on demand.
        """
        docs = _Docs(self)
        docs.update(self._split[0])
        return docs

    @cached_property
    def _split(self) -> tuple[dict[int, Doc], dict[int, Ranges]]:
        """(docs made, sentence ranges) of the non-Korean text blocks, by block index."""
        indices = [i for i, b in enumerate(self.document.blocks)
                   if (b.is_prose or b.manual_bullet) and i not in self._korean_blocks]
        if not indices:
            return {}, {}
        docs, ranges = split(self.nlp, [self.tamed_text(i) for i in indices])
        made = {} if docs is None else dict(zip(indices, docs, strict=True))
        return made, dict(zip(indices, ranges, strict=True))

    def tamed_text(self, index: int) -> str:
        """A block's text as spaCy gets it (see :func:`_tame_long_runs`), made once."""
        text = self._tamed.get(index)
        if text is None:
            block = self.document.blocks[index]
            text = block.text
            if block.longest_run > _LONGEST_TAME_RUN:
                text = _tame_long_runs(text)
            self._tamed[index] = text
        return text

    @cached_property
    def _korean_blocks(self) -> frozenset[int]:
        """Text blocks in Korean: segmented by :mod:`memolint.ko`, not by spaCy."""
        return frozenset(i for i, b in enumerate(self.document.blocks)
                         if (b.is_prose or b.manual_bullet) and self.block_language(i) == "ko")

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of all prose blocks, in document order (Korean: eojeol as words)."""
        found: list[Sentence] = []
        korean = self._korean_blocks
        ranges = self._split[1]
        for index, block in enumerate(self.document.blocks):
            if not block.is_prose:
                continue
            if index in korean:
                from memolint.ko import korean_sentences, line_starts  # Korean memos only

                found.extend(korean_sentences(index, block.text, line_starts(block.source)))
            else:
                found.extend(sentences_in(index, self.tamed_text(index), ranges[index]))
        return found

    def sentences_for(self, languages: tuple[str, ...]) -> list[Sentence]:
        """The sentences a rule for ``languages`` may see: those of its languages' blocks.

        Sums and averages over them (Flesch scores, passive share) then
        measure only the text the rule was made for. Made once per set of
        languages and shared by every caller: read it, never change it.
        """
        if "*" in languages:
            return self.sentences
        found = self._sentences_by_languages.get(languages)
        if found is None:
            found = self.sentences
            outside = {i for i in {s.block_index for s in found}
                       if not self.in_languages(i, languages)}
            if outside:
                found = [s for s in found if s.block_index not in outside]
            self._sentences_by_languages[languages] = found
        return found

    def sentences_in_scope(self, languages: tuple[str, ...],
                           exempt_roles: frozenset[str]) -> list[Sentence]:
        """:meth:`sentences_for` ``languages``, less those in sections of ``exempt_roles``.

        What the prose rules iterate over (:func:`memolint.kinds.scope.sentences`);
        made once per (languages, roles) and shared: read it, never change it.
        """
        key = (languages, exempt_roles)
        found = self._sentences_in_scope.get(key)
        if found is None:
            found = self.sentences_for(languages)
            if exempt_roles:
                roles = self.roles
                found = [s for s in found if roles[s.block_index] not in exempt_roles]
            self._sentences_in_scope[key] = found
        return found

    # -- measures --------------------------------------------------------
    def words_in(self, blocks: list[Block]) -> int:
        """Visible words in some blocks."""
        return sum(b.words for b in blocks)

    @cached_property
    def _block_words(self) -> list[int]:
        """Each block's :attr:`Block.words`, counted once (it splits the text every time)."""
        return [b.words for b in self.document.blocks]

    def list_word_share(self, exempt_roles: frozenset[str]) -> tuple[float, int, int]:
        """(share, list words, prose+list words) over body blocks not exempt.

        The share of running text that sits in list items is what a reader
        feels as "this memo is bullets": headings, tables and code do not
        count on either side.
        """
        list_words = total = 0
        words = self._block_words
        for index, block in enumerate(self.document.blocks[: self.appendix_start]):
            if block.kind not in _PROSE_OR_LIST or self.roles[index] in exempt_roles:
                continue
            total += words[index]
            if block.kind == "list_item" or block.manual_bullet:
                list_words += words[index]
        return (list_words / total if total else 0.0), list_words, total

    @cached_property
    def readability(self) -> Scores | None:
        """Flesch scores over the English prose sentences (None when there are none).

        The Flesch formulas were fitted to English syllables and words; on
        Korean or German text they yield numbers without meaning.
        """
        return scores_of(self.sentences_for(FLESCH_LANGUAGES))

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
        words = self._block_words
        body_words = sum(words[: self.appendix_start])
        appendix_words = sum(words[self.appendix_start :])
        pages, body_pages = self.pages
        share, _, _ = self.list_word_share(frozenset())
        scores = self.readability
        return {
            "pages": pages,
            "body_pages": body_pages,
            "max_pages": self.profile.max_pages,
            "language": self.language,
            "languages": self.language_shares,
            "page_source": self.layout.source,
            "pages_saved": saved_pages(self.document),
            "words": body_words + appendix_words,
            # One count over all the blocks' text: the separators are white space.
            "characters": visible_characters(" ".join(b.text for b in blocks)),
            "body_words": body_words,
            "appendix_words": appendix_words,
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
