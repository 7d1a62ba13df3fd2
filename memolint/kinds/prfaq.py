"""PR/FAQ and FAQ kinds: the press release's fixed anatomy and the FAQ's form.

The press release is the text whose role is ``press_release`` (in the
``prfaq`` profile, everything before the first FAQ or appendix heading).
Its parts are found by position (headline, subheading, summary) and by cue
words kept in the pack (problem, solution, call to action, leader titles).
FAQ entries are found in sections whose role is ``faq``, in whichever form
the writer used: "Q:" paragraphs, question headings, or list items with
their answers nested under them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from memolint.diagnostics import Finding
from memolint.document import Block
from memolint.kinds import RuleContext, kind
from memolint.kinds.structure import cue_pattern
from memolint.sections import role_for_heading

PRESS_RELEASE = "press_release"
FAQ = "faq"

_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
           r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: A dateline date (the source of a pattern :func:`_dateline_patterns` compiles).
_DATE = (
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTHS}"
    rf"(?:\s+\d{{4}})?|{_MONTHS}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}"
    rf"|Q[1-4]\s+\d{{4}}|today|tomorrow)\b"
)
#: Dashes (em, en), closing and opening quotation marks, as escapes for readability.
_DASH = "\u2014\u2013"
_CLOSE = "\"\u201d\u2019)"
_OPEN = "\"\u201c("
#: A dateline place: "SEATTLE \u2014", "Austin, TX \u2013", "(Boise, Idaho) \u2014", "At COP27"
#: (the source of a pattern, as :data:`_DATE`).
_CAPS = "[A-Z][\\w.'\u2019-]*(?:\\s+[A-Z][\\w.'\u2019-]*)*"
_PLACE = (
    rf"^\s*(?:\(?{_CAPS}(?:,\s*{_CAPS})?\)?(?:\s*[{_DASH}]|\s+--?\s)"
    r"|[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*,"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*,\s*[A-Z]{2}\b"
    rf"|(?:At|In|From)\s+(?!(?i:{_MONTHS})\b)[A-Z])"
)
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bvs)(?<!\bInc)(?<!\bCo)"
    rf"[.!?\u2026]+[{_CLOSE}]*\s+(?=[{_OPEN}]?[A-Z0-9])"
)
_QUOTED = re.compile("[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|explains|explained|adds|added|notes|noted|according to|commented|"
    rf"shared|remarked)\b|[{_DASH}-]+\s*[*_]?[A-Z]", re.IGNORECASE,
)
_QUESTION_PREFIX = re.compile(r"^\s*(?:Q(?:uestion)?\s*\d*\s*[:.)]|Q\d+\b)\s*", re.IGNORECASE)
_ANSWER_PREFIX = re.compile(r"\s+A(?:nswer)?\s*:\s")
#: A question mark that ends a question (not one quoted inside it, as in "use ? like Rust").
_ASKS = re.compile(rf"\?+(?=\s+[{_OPEN}]?[A-Z0-9]|[{_CLOSE}]*\s*$)")
_NUMBER = re.compile(r"^\s*(?:Q(?:uestion)?\s*)?(\d+)\s*[.):]", re.IGNORECASE)


def _has_hangul(text: str) -> bool:
    """Whether ``text`` holds a Hangul syllable (a cue or title written in Korean).

    Compared by code point: the class ``[\uac00-\ud7a3]`` costs ~1.5 ms to
    compile in every process (``re`` fills its charset map one code point at
    a time), more than a linter ever spends testing the few short texts.
    """
    return not text.isascii() and any("\uac00" <= char <= "\ud7a3" for char in text)


def sentence_count(text: str) -> int:
    """Sentences by terminal punctuation before a capital (no NLP needed)."""
    stripped = text.strip()
    return len(_SENTENCE_BREAK.findall(stripped)) + 1 if stripped else 0


def _is_prose(block: Block) -> bool:
    """A top-level paragraph or quote with at least one letter or digit."""
    return (block.kind in ("paragraph", "quote") and block.depth == 0
            and not block.manual_bullet and any(c.isalnum() for c in block.text))


# -- press release ---------------------------------------------------------------

class PressRelease(NamedTuple):
    """The press release's parts, by block index (None when missing)."""

    blocks: list[int]
    headline: int | None
    subheading: int | None
    summary: int | None
    paragraphs: list[int]


def has_dateline(text: str, words: int = 25) -> tuple[bool, bool]:
    """(place, date) at the opening of a summary paragraph."""
    opening = " ".join(text.split()[:words])
    place, date = _dateline_patterns()
    return bool(place.match(opening)), bool(date.search(opening))


@cache
def _dateline_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:data:`_PLACE` and :data:`_DATE` compiled at the first press release
    (~3 ms per process that memos of other kinds never need)."""
    return re.compile(_PLACE), re.compile(_DATE, re.IGNORECASE)


def press_release(ctx: RuleContext) -> PressRelease | None:
    """Locate the press release and its positional parts."""
    blocks = ctx.document.blocks
    roles = ctx.analysis.roles
    area = [i for i, r in enumerate(roles) if r == PRESS_RELEASE]
    if not area:
        return None
    profile_roles = ctx.analysis.profile.roles
    paragraphs = [i for i in area if _is_prose(blocks[i])]
    first = paragraphs[0] if paragraphs else area[-1] + 1
    headline = next((i for i in reversed(area) if i < first and blocks[i].kind == "heading"
                     and (blocks[i].level == 0
                          or role_for_heading(blocks[i].text, profile_roles) is None)), None)
    subheading = None
    rest = paragraphs
    if paragraphs:
        place, date = has_dateline(blocks[paragraphs[0]].text)
        if not (place or date) and blocks[paragraphs[0]].words <= ctx.options[
                "subheading_max_words"]:
            subheading, rest = paragraphs[0], paragraphs[1:]
    # the summary: the first real paragraph after the subheading ("FOR IMMEDIATE
    # RELEASE" and other short lines are skipped)
    summary = next((i for i in rest if blocks[i].words >= ctx.options["summary_min_words"]),
                   None)
    return PressRelease(area, headline, subheading, summary, paragraphs)


class Quote(NamedTuple):
    """A quoted passage in the press release and who says it."""

    block_index: int
    start: int
    end: int
    speaker: str  # the paragraph's text outside quotation marks


def pr_quotes(ctx: RuleContext, area: list[int]) -> list[Quote]:
    """Quoted passages of at least ``min_quote_words`` words in prose blocks."""
    blocks = ctx.document.blocks
    found: list[Quote] = []
    for index in area:
        block = blocks[index]
        if not _is_prose(block):
            continue
        outside = _QUOTED.sub(" ", block.text)
        for match in _QUOTED.finditer(block.text):
            if len(match.group(1).split()) >= ctx.options["min_quote_words"]:
                found.append(Quote(index, match.start(), match.end(), outside))
    return found


def _attributed(quote: Quote) -> bool:
    return bool(_ATTRIBUTION.search(quote.speaker))


def _has_cue(ctx: RuleContext, pr: PressRelease, option: str) -> bool:
    pattern = cue_pattern(ctx.options[option])
    blocks = ctx.document.blocks
    return pattern is not None and any(pattern.search(blocks[i].text) for i in pr.blocks
                                       if blocks[i].kind != "code")


@kind("prfaq_elements")
def prfaq_elements(ctx: RuleContext) -> Iterator[Finding]:
    """Each missing part of the press release, as its own finding."""
    blocks = ctx.document.blocks
    if not blocks or PRESS_RELEASE not in ctx.analysis.profile.roles:
        return
    pr = press_release(ctx)
    if pr is None:
        yield Finding(block_index=0, end=0, message=(
            "no press release found: a PR/FAQ opens with a press release (headline, "
            "subheading, dated summary, problem, solution, quotes, how to start) before the FAQ"))
        return
    at = pr.headline if pr.headline is not None else pr.blocks[0]
    missing: list[str] = []
    if pr.headline is None:
        missing.append("a headline (a heading that names the product for its customer)")
    if pr.subheading is None:
        missing.append("a one-sentence subheading under the headline (who it is for and "
                       "the benefit)")
    if pr.summary is None:
        missing.append("a summary paragraph")
    else:
        place, date = has_dateline(blocks[pr.summary].text)
        if not (place and date):
            lacking = " and ".join(w for w, ok in (("a place", place), ("a launch date", date))
                                   if not ok)
            missing.append(f"a dateline: the summary paragraph should open with a place and "
                           f"a launch date (lacks {lacking}, e.g. \"SEATTLE — March 3, 2027 —\")")
    for option, label in (("problem_cues", "the customer's problem"),
                          ("solution_cues", "the solution"),
                          ("call_to_action_cues", "how to get started (a call to action)")):
        if not _has_cue(ctx, pr, option):
            missing.append(label)
    quotes = [q for q in pr_quotes(ctx, pr.blocks) if _attributed(q)]
    leader = cue_pattern(ctx.options["leader_cues"])
    leaders = [q for q in quotes if leader is not None and leader.search(q.speaker)]
    if not leaders:
        missing.append("a quote from a company leader (attributed, with a title)")
    if not [q for q in quotes if q not in leaders]:
        missing.append("a quote from a customer (attributed)")
    for part in missing:
        yield Finding(block_index=at, message=f"press release lacks {part}")


@kind("subheading_one_sentence")
def subheading_one_sentence(ctx: RuleContext) -> Iterator[Finding]:
    """The subheading under the press release headline is one sentence."""
    pr = press_release(ctx)
    if pr is None or pr.subheading is None:
        return
    count = sentence_count(ctx.document.blocks[pr.subheading].text)
    if count > 1:
        yield Finding(block_index=pr.subheading, message=(
            f"the subheading has {count} sentences: say who it is for and the benefit in one"))


@kind("quote_attribution")
def quote_attribution(ctx: RuleContext) -> Iterator[Finding]:
    """Quotes in the given roles with no speaker named next to them."""
    roles = ctx.analysis.roles
    area = [i for i, r in enumerate(roles) if r in ctx.options["roles"]]
    blocks = ctx.document.blocks
    for quote in pr_quotes(ctx, area):
        if _attributed(quote):
            continue
        following = quote.block_index + 1
        if following < len(blocks) and _ATTRIBUTION.match(blocks[following].text.strip()):
            continue
        yield Finding(block_index=quote.block_index, start=quote.start, end=quote.end,
                      message="quote without a speaker: attribute it (\"...,\" said Name, "
                              "Title) so the reader knows whose promise it is")


@kind("pr_superlatives")
def pr_superlatives(ctx: RuleContext) -> Iterator[Finding]:
    """Marketing superlatives in the given roles, each occurrence."""
    pattern = cue_pattern(ctx.options["words"])
    if pattern is None:
        return
    roles = ctx.analysis.roles
    for index, block in enumerate(ctx.document.blocks):
        if roles[index] not in ctx.options["roles"] or block.kind in ("code", "table"):
            continue
        for match in pattern.finditer(block.text):
            yield Finding(block_index=index, start=match.start(), end=match.end(), message=(
                f"'{match.group()}' is a claim, not a fact: say what the customer gets, "
                f"with a number if you have one"))


# -- FAQ -------------------------------------------------------------------------

class FaqGroup(NamedTuple):
    """A FAQ section (heading matched by a FAQ alias) and its questions."""

    heading: int | None
    title: str
    questions: list[tuple[int, str]]  # (block index, question text)


def _question_text(block: Block) -> str:
    text = _QUESTION_PREFIX.sub("", block.text, count=1)
    answer = _ANSWER_PREFIX.search(text)
    return (text[: answer.start()] if answer else text).strip()


def _answers(block: Block, depth: int) -> bool:
    """A block that answers the list item before it: its continuation or a sub-list."""
    if block.kind == "list_item":
        return block.depth > depth
    return block.kind != "heading" and block.depth >= depth > 0


def _questions(blocks: list[Block], indices: list[int],
               group_headings: set[int]) -> list[tuple[int, str]]:
    """Questions in one FAQ group, in the first form that the group uses."""
    prefixed = [i for i in indices if blocks[i].kind in ("paragraph", "list_item")
                and _QUESTION_PREFIX.match(blocks[i].text)]
    if prefixed:
        return [(i, _question_text(blocks[i])) for i in prefixed]
    headings = [i for i in indices if blocks[i].kind == "heading" and i not in group_headings]
    if headings:
        return [(i, blocks[i].text.strip()) for i in headings]
    items = [i for i in indices if blocks[i].kind == "list_item"]
    top = min((blocks[i].depth for i in items), default=0)
    answered = [i for i in items if blocks[i].depth == top and i + 1 in indices
                and _answers(blocks[i + 1], top)]
    if answered:
        return [(i, blocks[i].text.strip()) for i in answered]
    return [(i, blocks[i].text.strip()) for i in indices
            if _is_prose(blocks[i]) and blocks[i].text.rstrip().endswith("?")]


def faq_groups(ctx: RuleContext) -> list[FaqGroup]:
    """FAQ sections in order, each with its questions."""
    blocks = ctx.document.blocks
    roles = ctx.analysis.roles
    aliases = ctx.analysis.profile.roles
    starts = [i for i, b in enumerate(blocks) if roles[i] == FAQ and b.kind == "heading"
              and b.level > 0 and role_for_heading(b.text, aliases) == FAQ]
    leading = [i for i in range(len(blocks)) if roles[i] == FAQ and (not starts or i < starts[0])]
    groups: list[FaqGroup] = []
    spans = ([(None, leading)] if leading else []) + [
        (start, [i for i in range(start + 1, starts[n + 1] if n + 1 < len(starts) else len(blocks))
                 if roles[i] == FAQ])
        for n, start in enumerate(starts)]
    for heading, indices in spans:
        title = blocks[heading].text if heading is not None else ""
        groups.append(FaqGroup(heading, title, _questions(blocks, indices, set(starts))))
    return groups


@kind("faq_question_form")
def faq_question_form(ctx: RuleContext) -> Iterator[Finding]:
    """Each FAQ question ends with "?" and asks one thing."""
    for group in faq_groups(ctx):
        for index, text in group.questions:
            marks = len(_ASKS.findall(text))
            if not text.endswith("?"):
                yield Finding(block_index=index, message=(
                    "FAQ entry is not phrased as a question: end it with \"?\" so the reader "
                    "sees what is asked"))
            elif marks > 1:
                yield Finding(block_index=index, message=(
                    f"FAQ entry asks {marks} questions: ask one thing per entry and answer "
                    f"only that"))


def _mentions(text: str, cues: list[str]) -> bool:
    """Whether ``text`` holds any cue of a list that mixes English and Korean cues.

    English cues match as whole words (:func:`cue_pattern`); Korean cues use
    the Korean term syntax (:mod:`memolint.ko.terms`: ``비용-`` is the eojeol
    ``비용`` with any particle or ending, ``비용은``, ``비용이``), since Korean
    attaches them to the word. A Korean cue can only match Hangul, so its
    pattern (costly to compile) is built and searched only for text holding some.
    """
    english = cue_pattern(c for c in cues if not _has_hangul(c))
    if english and english.search(text):
        return True
    if not _has_hangul(text):
        return False
    from memolint.ko.terms import term_pattern  # text holding Hangul only

    korean = [c for c in cues if _has_hangul(c)]
    return bool(korean) and term_pattern(korean, ()).search(text) is not None


def _kind_of(ctx: RuleContext, title: str) -> str | None:
    for option, label in (("internal_cues", "internal"), ("external_cues", "external")):
        if _mentions(title, ctx.options[option]):
            return label
    return None


@kind("faq_external_internal")
def faq_external_internal(ctx: RuleContext) -> Iterator[Finding]:
    """The external (customer) FAQ comes before the internal FAQ."""
    internal_seen: FaqGroup | None = None
    for group in faq_groups(ctx):
        if group.heading is None:
            continue
        side = _kind_of(ctx, group.title)
        if side == "internal" and internal_seen is None:
            internal_seen = group
        elif side == "external" and internal_seen is not None:
            yield Finding(block_index=group.heading, message=(
                f"'{group.title}' comes after '{internal_seen.title}': put the customer "
                f"FAQ first, then the internal FAQ"))


@kind("faq_numbering")
def faq_numbering(ctx: RuleContext) -> Iterator[Finding]:
    """Typed question numbers (1., Q3:) run on without gaps across all FAQ sections."""
    questions = [(i, t, _NUMBER.match(ctx.document.blocks[i].text))
                 for g in faq_groups(ctx) for i, t in g.questions]
    numbered = [q for q in questions if q[2]]
    if not numbered:
        return
    expected = 1
    for index, _, match in questions:
        if match is None:
            yield Finding(block_index=index, message=(
                "this FAQ question has no number while others do: number every question"))
            continue
        number = int(match.group(1))
        if number != expected:
            yield Finding(block_index=index, start=match.start(1), end=match.end(1), message=(
                f"FAQ question numbered {number}, expected {expected}: number questions "
                f"continuously across the customer and internal FAQ so each can be cited"))
        expected = number + 1


@kind("faq_hard_questions")
def faq_hard_questions(ctx: RuleContext) -> Iterator[Finding]:
    """Internal FAQs that never touch a hard topic (cost, risk, alternatives, scope)."""
    blocks = ctx.document.blocks
    roles = ctx.analysis.roles
    groups = [g for g in faq_groups(ctx)
              if g.heading is not None and _kind_of(ctx, g.title) == "internal"]
    for group in groups:
        end = next((i for i in range(group.heading + 1, len(blocks))
                    if roles[i] != FAQ or (blocks[i].kind == "heading"
                                           and role_for_heading(blocks[i].text,
                                                                ctx.analysis.profile.roles))),
                   len(blocks))
        text = " ".join(b.text for b in blocks[group.heading + 1:end])
        uncovered = [topic for topic, cues in ctx.options["topics"].items()
                     if any(c.strip() for c in cues) and not _mentions(text, cues)]
        if uncovered:
            yield Finding(block_index=group.heading, message=(
                f"'{group.title}' never touches {', '.join(uncovered)}: the internal FAQ is "
                f"where the hard questions get asked and answered"))
