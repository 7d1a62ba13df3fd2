"""Wording kinds: words that stand where data, owners and dates should be.

"Replace adjectives with data" is the most repeated piece of Amazon writing
advice. These kinds match word lists kept as data in the rule packs (a team
edits them in config) against memolint's sentences, one compiled pattern per
list, and report the sentence (or, for a single replaceable term, the term)
with what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from operator import attrgetter

from memolint.diagnostics import Finding
from memolint.kinds import RuleContext, kind
from memolint.kinds.scope import sentence_finding, sentences
from memolint.nlp import Sentence
from memolint.passive import _APOS, finder
from memolint.wordlists import Caseless, Gated, Match, TextSet, WordGate, phrase_pattern

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|half|third|"
    "quarter|dozen|double|doubled|twice|triple|tripled|halved|percent"
)
_MONTHS = ("january|february|march|april|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|today|tomorrow|tonight"


def _gate(*alternatives: str) -> WordGate:
    """A gate admitting texts that hold one of some words (``|``-separated lists)."""
    return WordGate([word] for words in alternatives for word in words.split("|"))


# The case-insensitive patterns below are written in lower case, so that
# :class:`Caseless` can run them on the lower-cased sentence (several times faster);
# each gate holds the words a match without a digit needs.
#: A number, spelled or in digits: the data a vague word should give way to.
NUMBER = Gated(rf"\d|\b(?:{_NUMBER_WORDS})\b", _gate(_NUMBER_WORDS), digits=True, any_digit=True)
#: A date or period: a month, quarter, half, fiscal or calendar year, weekday.
DATE = Gated(
    rf"\b(?:{_MONTHS}|q[1-4]|h[12]|fy\s?\d+|(?:19|20)\d\d|{_DAYS}"
    rf"|next\s+(?:week|month|quarter|year)|this\s+"
    rf"(?:week|month|quarter|year)|end\s+of\s+(?:the\s+)?(?:week|month|quarter|year))\b",
    _gate(_MONTHS, _DAYS, "next|this|end"), digits=True,
)


def _has_data(text: str) -> bool:
    return NUMBER.holds(text) or DATE.holds(text)


_TEXT = attrgetter("text")


def _holding(ctx: RuleContext, *gates: WordGate | None) -> list[Sentence]:
    """The rule's sentences, in order, that one of ``gates`` admits (see :meth:`TextSet.holding`).

    A pattern behind those gates can match no other sentence, so a rule
    looks only at these: most sentences of a memo hold none of a list's words.
    """
    # The memo's sentence texts, collected once for all the wording rules.
    texts = ctx.analysis.shared("wording.texts",
                                lambda: TextSet(map(_TEXT, ctx.analysis.sentences)))
    hits = frozenset().union(*(texts.holding(g) for g in gates))
    if not hits:
        return []
    scope = sentences(ctx)
    return list(compress(scope, map(hits.__contains__, map(_TEXT, scope))))


class _Lists:
    """The rule's phrase lists, compiled once per run (not once per sentence)."""

    def __init__(self, ctx: RuleContext, *options: str) -> None:
        self.ctx = ctx
        self.patterns = {name: phrase_pattern(ctx.options[name]) for name in options}
        self.exceptions = phrase_pattern(ctx.options.get("exceptions", ()))

    def sentences(self, *options: str) -> list[Sentence]:
        """The rule's sentences in which one of these lists may match."""
        return _holding(self.ctx, *(self.patterns[o].gate for o in options))

    def find(self, option: str, text: str) -> list[Match]:
        """Matches of one list in ``text`` that are not inside an exception phrase."""
        found = list(self.patterns[option].finditer(text))
        if found:
            spans = [m.span() for m in self.exceptions.finditer(text)]
            found = [m for m in found if not any(a <= m.start() and m.end() <= b
                                                 for a, b in spans)]
        return found


def _terms(found: list[Match]) -> str:
    return ", ".join(dict.fromkeys(f'"{m.group(0).lower()}"' for m in found))


def _term_finding(sentence: Sentence, match: Match, message: str,
                  fix: str | None = None) -> Finding:
    """A finding on one matched term inside a sentence."""
    return Finding(block_index=sentence.block_index, start=sentence.start + match.start(),
                   end=sentence.start + match.end(), message=message, fix=fix)


@kind("weasel_words")
def weasel_words(ctx: RuleContext) -> Iterator[Finding]:
    """Vague quantifiers and intensifiers: a warning without a number, info with one."""
    lists = _Lists(ctx, "words")
    for sentence in lists.sentences("words"):
        found = lists.find("words", sentence.text)
        if not found:
            continue
        has_number = NUMBER.holds(sentence.text)
        yield sentence_finding(
            sentence,
            f"vague {_terms(found)}: "
            + ("say how much with the number, not the adjective" if has_number
               else "replace with the number (\"87% of customers\", not \"most customers\")"),
            severity="info" if has_number else "warning",
        )


@kind("hedges")
def hedges(ctx: RuleContext) -> Iterator[Finding]:
    """Hedged claims; first-person belief is info, other hedges warn without data."""
    lists = _Lists(ctx, "beliefs", "phrases")
    for sentence in lists.sentences("beliefs", "phrases"):
        beliefs = lists.find("beliefs", sentence.text)
        others = lists.find("phrases", sentence.text)
        if not (beliefs or others):
            continue
        mild = not others or NUMBER.holds(sentence.text)
        yield sentence_finding(
            sentence,
            f"hedged {_terms(beliefs + others)}: state the claim and the evidence for it, "
            f"or say what would settle it",
            severity="info" if mild else "warning",
        )


#: "one day" means "someday" only where it opens a clause: at the start of the
#: sentence or after a conjunction, followed by a comma or the clause's subject
#: ("One day, we ...", "so that one day they ..."). Anywhere else it is a
#: duration ("installation takes one day", "within one day").
_SOMEDAY_BEFORE = re.compile(r"(?:^|(?:\band|\bbut|\bso|\bthat|,)\s+)$", re.IGNORECASE)
_SOMEDAY_AFTER = re.compile(
    r",|\s+(?:we|they|it|you|I|he|she|our|their|customers|people|everyone)\b", re.IGNORECASE)


def _is_duration(text: str, match: Match) -> bool:
    """Whether a matched "one day" is a quantity of time rather than "someday"."""
    if " ".join(match.group(0).lower().split()) != "one day":
        return False
    return not (_SOMEDAY_BEFORE.search(text[: match.start()])
                and _SOMEDAY_AFTER.match(text, match.end()))


@kind("vague_time")
def vague_time(ctx: RuleContext) -> Iterator[Finding]:
    """Vague time words ("soon", "recently"): each one, with the date it hides."""
    lists = _Lists(ctx, "phrases")
    for sentence in lists.sentences("phrases"):
        for match in lists.find("phrases", sentence.text):
            if _is_duration(sentence.text, match):
                continue
            yield _term_finding(
                sentence, match,
                f"vague time \"{match.group(0)}\": give the date or the period "
                f"(\"by 30 June\", \"three months ago\")",
            )


def _same_case(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


@lru_cache(maxsize=16)
def _replacements(items: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Wordy phrase (lower case, single spaces) → replacement, built once per table."""
    return {" ".join(k.lower().split()): v for k, v in items}


@kind("wordy_phrases")
def wordy_phrases(ctx: RuleContext) -> Iterator[Finding]:
    """Wordy phrases with a shorter replacement, offered as the fix."""
    table = _replacements(tuple(ctx.options["replacements"].items()))
    pattern = phrase_pattern(table)
    for sentence in _holding(ctx, pattern.gate):
        for match in pattern.finditer(sentence.text):
            phrase = match.group(0)
            better = _same_case(phrase, table[" ".join(phrase.lower().split())])
            shown = f'"{better}"' if better else "nothing (delete it)"
            yield _term_finding(sentence, match, f"wordy \"{phrase}\": write {shown}",
                                fix=better)


@kind("adjectives_without_data")
def adjectives_without_data(ctx: RuleContext) -> Iterator[Finding]:
    """Evaluative adjectives in sentences with no number, unit or date."""
    lists = _Lists(ctx, "adjectives")
    for sentence in lists.sentences("adjectives"):
        found = lists.find("adjectives", sentence.text)
        if found and not _has_data(sentence.text):
            yield sentence_finding(
                sentence,
                f"{_terms(found)} with no number or date: replace the adjective with the "
                f"measurement (\"p90 latency fell from 10 ms to 1 ms\", not \"much faster\")",
            )


_RELATIVE = Gated(
    r"\d+(?:[.,]\d+)?\s*(?:%|percent\b|pct\b|x\b|\u00d7|bps\b|basis\s+points\b|points?\b)"
    r"|\b(?:doubled|tripled|halved)\b", _gate("doubled|tripled|halved"), digits=True,
)


@kind("metric_without_baseline")
def metric_without_baseline(ctx: RuleContext) -> Iterator[Finding]:
    """A relative change ("up 40%") with no baseline, comparison or period."""
    lists = _Lists(ctx, "change_words", "baselines")
    for sentence in lists.sentences("change_words"):
        text = sentence.text
        if not (_RELATIVE.holds(text) and lists.find("change_words", text)):
            continue
        if lists.find("baselines", text) or DATE.holds(text):
            continue
        yield sentence_finding(
            sentence,
            "change with no baseline: say from what to what, compared with what, or over "
            "which period (\"from 12% to 17% between Q1 and Q3\")",
        )


_COMMITTING = ("will", "shall", "are going to", "plan to", "intend to", "aim to", "commit to")
_VERBS = "|".join(verb.replace(" ", r"\s+") for verb in _COMMITTING)
_COMMITMENT = Caseless(
    rf"\b(?:we|i)\s+(?:{_VERBS})\b"
    rf"|\bwe[{_APOS}]ll\b|\bwill\s+be\s+\w+ed\b"
)
#: A lower-cased text holds every word of one of these wherever :data:`_COMMITMENT`
#: matches it (each alternative's words stand between word boundaries): far fewer
#: sentences than those holding "we" or "will".
_COMMITMENT_GATE = WordGate([[subject, *verb.split()] for subject in ("we", "i")
                             for verb in _COMMITTING] + [["we", "ll"], ["will", "be"]])
#: A named owner: a capitalised word after the first one that is not a date
#: word, or a role or team noun.
_OWNER = re.compile(
    r"(?<=\s)(?!(?:I|We|Our)\b)[A-Z][a-z]+|\b(?:team|owner|owns|lead|leads|led\s+by|"
    r"manager|director|engineer|DRI|PM|TPM|SDM)\b",
)


@kind("unowned_commitment")
def unowned_commitment(ctx: RuleContext) -> Iterator[Finding]:
    """Commitments ("we will ...") that name neither an owner nor a date."""
    for sentence in _holding(ctx, _COMMITMENT_GATE):
        text = sentence.text
        if (_COMMITMENT.search(text) and not _has_data(text)
                and not _OWNER.search(text)):
            yield sentence_finding(
                sentence,
                "commitment with no owner or date: say who will do it and by when "
                "(\"Priya's team ships the importer by 30 June\")",
            )


@kind("passive_voice")
def passive_voice(ctx: RuleContext) -> Iterator[Finding]:
    """Passive sentences (info each); a warning when their share is too high."""
    passive = finder(tuple(ctx.options["adjectives"]))
    found = sentences(ctx)
    parsed = ctx.analysis.parsed if ctx.analysis.has_tags else None
    flagged = []
    for sentence in found if parsed is not None else _holding(ctx, passive.gate):
        if parsed is not None:
            span = parsed[sentence.block_index].char_span(
                sentence.start, sentence.end, alignment_mode="expand")
            where = passive.in_span(span) if span is not None else None
            offset = 0
        else:
            where = passive.in_text(sentence.text)
            offset = sentence.start
        if where is None:
            continue
        flagged.append(sentence)
        text = ctx.document.blocks[sentence.block_index].text
        phrase = text[where[0] + offset : where[1] + offset]
        yield sentence_finding(
            sentence,
            f"passive \"{phrase}\" hides who acts: name the actor and make it the subject",
        )
    share = len(flagged) / len(found) if found else 0.0
    if len(found) >= ctx.options["min_sentences"] and share > ctx.options["max_share"]:
        yield Finding(
            block_index=flagged[0].block_index,
            severity="warning",
            message=(
                f"{len(flagged)} of {len(found)} sentences ({share:.0%}) are passive (limit "
                f"{ctx.options['max_share']:.0%}): rewrite them so the actor is the subject"
            ),
        )


_ACRONYM = re.compile(r"(?<![\w&-])[A-Z][A-Z0-9&]*[A-Z](?:s)?(?![\w&-])")
#: What every acronym holds (:func:`_holds_capitals` looks for it).
_CAPITALS = re.compile(r"[A-Z][A-Z0-9&]*[A-Z]")
#: ``bytes.translate`` table: each ASCII capital as "A", small letter as "a",
#: digit and "&" as "0", any other byte (of a non-ASCII character too) as a space.
_CLASSES = bytes(0x41 if 0x41 <= c <= 0x5A else 0x61 if 0x61 <= c <= 0x7A
                 else 0x30 if 0x30 <= c <= 0x39 or c == 0x26 else 0x20 for c in range(256))


def _classes(text: str) -> bytes:
    """``text`` as :data:`_CLASSES` sees it: one C pass over its UTF-8, far cheaper
    than scanning it with a pattern that asks a class at each character in turn."""
    return text.encode("utf-8", "surrogatepass").translate(_CLASSES)


def _holds_capitals(classes: bytes, text: str) -> bool:
    """Whether :data:`_CAPITALS` matches ``text`` (``classes``: :func:`_classes` of it).

    Two capitals in a row match; a capital followed by a digit or "&" may,
    and only then is the pattern asked. (``find``, not ``in``: ``in`` first
    tries to read the bytes as a number, and failing costs more than the find.)
    """
    if classes.find(b"AA") >= 0:
        return True
    return classes.find(b"A0") >= 0 and _CAPITALS.search(text) is not None


def _in_capitals(classes: bytes) -> bool:
    """Whether a text (``classes``: :func:`_classes` of it) has more ASCII capitals
    than small letters: a headline in capitals."""
    return classes.count(b"A") > classes.count(b"a")


_ROMAN = re.compile(r"^[IVXLCDM]+$")
#: A press-release dateline opening a paragraph: a place in capitals, perhaps a
#: two-letter state code, then a dash ("SEATTLE — ", "PORTLAND, OR — ").
#: A hyphen counts only after a space, so "SLA-backed" is no dateline.
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:, [A-Z]{2})?(?:\s*[\u2014\u2013]|\s+-)")
_LONG_FORM_BEFORE = re.compile(rf"\w[\w{_APOS}-]*\s+\w[\w{_APOS}-]*\s*$")
_LONG_FORM_AFTER = re.compile(rf"\s*\(\s*\w[\w{_APOS}-]*\s+\w[^)]*\)")


def _defined_here(text: str, start: int, end: int) -> bool:
    """Whether an acronym is written as "Long Form (LF)" or "LF (Long Form)" here."""
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return bool(_LONG_FORM_BEFORE.search(text, 0, start - 1))
    return bool(_LONG_FORM_AFTER.match(text, end))


@kind("undefined_acronym")
def undefined_acronym(ctx: RuleContext) -> Iterator[Finding]:
    """The first use of each all-capitals term, unless spelled out there."""
    allowed = {a.upper() for a in ctx.options["allow"]}
    seen: set[str] = set()
    for sentence in sentences(ctx):
        text = sentence.text
        classes = _classes(text)
        if not _holds_capitals(classes, text) or _in_capitals(classes):
            continue  # no acronym, or a headline in capitals
        dateline = _DATELINE.match(text) if sentence.start == 0 else None
        for match in _ACRONYM.finditer(text):
            if dateline and match.end() <= dateline.end():
                continue
            term = match.group(0)
            bare = term[:-1] if term.endswith("s") else term
            if bare in seen or bare in allowed or _ROMAN.match(bare):
                continue
            seen.add(bare)
            if not _defined_here(text, match.start(), match.end()):
                yield _term_finding(
                    sentence, match,
                    f"\"{bare}\" is not spelled out at its first use: write \"Long Form "
                    f"({bare})\" the first time, or add it to the allow list",
                )
