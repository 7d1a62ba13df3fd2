"""``memolint stats``: a memo's report card, in the terminal or as JSON.

Findings say what to fix; the report card says where the memo stands: how
much of the page budget it uses, where the pages go (each section's share),
how hard each section reads, how much of it is bullets, and how long its
sentences run. It reads the document with the same reader and analysis as
``check``, so its numbers are the numbers the rules judge.

Passive share uses the detector of the ``passive-voice`` rule (its default
adjective list), with the parser when a model is installed and the token
pattern otherwise, over the body's sentences (appendix excluded). Both it
and the Flesch scores are English measures: they are taken over the English
sentences only (blocks of another language are left out, as the rules leave
them out), and are empty on a memo with no English prose.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from memolint import __version__
from memolint.analysis import Analysis
from memolint.config import settings_for, with_file_settings
from memolint.errors import InputError
from memolint.layout.estimate import page_model_from_config
from memolint.nlp import Sentence
from memolint.packs import load_profile
from memolint.readability import LANGUAGES as FLESCH_LANGUAGES
from memolint.readability import scores_of
from memolint.readers import format_for, read_document
from memolint.registry import Registry

#: Sentence-length buckets, in words: (label, lowest, highest or None).
BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("1-10", 1, 10), ("11-20", 11, 20), ("21-30", 21, 30), ("31-40", 31, 40), ("41+", 41, None),
)
BAR_WIDTH = 30
PASSIVE_KIND = "passive_voice"


def stats_files(paths: Sequence[str], overrides: dict[str, Any], config: Path | None,
                output_format: str, color: bool) -> tuple[str, bool]:
    """The report cards of all files, and whether every file could be read."""
    cards = [card_for(path, overrides, config) for path in paths]
    ok = all(card["error"] is None for card in cards)
    if output_format == "json":
        payload = {"memolint": __version__, "files": cards}
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n", ok
    return "\n".join(render_card(card, color) for card in cards), ok


def card_for(path: str, overrides: dict[str, Any], config: Path | None) -> dict[str, Any]:
    """One file's report card (or its read error)."""
    try:
        document = read_document(path)
    except InputError as exc:
        return {"path": path, "format": format_for(path), "profile": None,
                "error": {"kind": exc.kind, "message": exc.message}}
    settings = with_file_settings(settings_for(Path(path), config, overrides), document.settings,
                                  f"{path}: front matter memolint")
    analysis = Analysis(document, load_profile(settings.profile), settings.nlp_model,
                        page_model_from_config(settings.page_model()), settings.language)
    return report_card(analysis)


def report_card(analysis: Analysis) -> dict[str, Any]:
    """The report card's numbers for an analysed document."""
    metrics = analysis.metrics()
    total_pages, body_pages = analysis.pages
    limit = analysis.profile.max_pages
    is_passive = _passive_detector(analysis)
    english = analysis.sentences_for(FLESCH_LANGUAGES)
    body = [s for s in english if s.block_index < analysis.appendix_start]
    passive = sum(1 for s in body if is_passive(s))
    return {
        "path": analysis.document.path,
        "format": analysis.document.format,
        "profile": analysis.profile.name,
        "error": None,
        "pages": {"body": body_pages, "total": total_pages, "max": limit,
                  "share_of_limit": round(body_pages / limit, 3) if limit else None},
        "words": {"total": metrics["words"], "body": metrics["body_words"],
                  "appendix": metrics["appendix_words"]},
        "readability": {key: metrics[key]
                        for key in ("flesch_reading_ease", "flesch_kincaid_grade")},
        "bullet_word_share": metrics["bullet_word_share"],
        "passive_sentence_share": round(passive / len(body), 3) if body else None,
        "sentence_lengths": sentence_lengths([s.words for s in analysis.sentences]),
        "sections": _sections(analysis, total_pages),
    }


def _passive_detector(analysis: Analysis) -> Callable[[Sentence], bool]:
    """Whether a sentence is passive, as the ``passive-voice`` rule decides it."""
    from memolint.passive import finder

    rule = next((r for r in Registry.load().rules.values() if r.kind == PASSIVE_KIND), None)
    passive = finder(tuple(rule.options.get("adjectives", ())) if rule else ())
    parsed = analysis.parsed if analysis.has_tags else None

    def is_passive(sentence: Sentence) -> bool:
        if parsed is None:
            return passive.in_text(sentence.text) is not None
        span = parsed[sentence.block_index].char_span(sentence.start, sentence.end,
                                                      alignment_mode="expand")
        return span is not None and passive.in_span(span) is not None

    return is_passive


def _readability(sentences: Sequence[Sentence]) -> dict[str, float | None]:
    scores = scores_of(sentences)
    return {"flesch_reading_ease": scores.flesch_reading_ease if scores else None,
            "flesch_kincaid_grade": scores.flesch_kincaid_grade if scores else None}


def _sections(analysis: Analysis, total_pages: float) -> list[dict[str, Any]]:
    """Each section with its words, pages (layout estimate), share and readability."""
    document, sections = analysis.document, analysis.sections
    boundaries = [s.start for s in sections] + [len(document.blocks)]
    layout = analysis.layout  # laid out once; every section boundary reads from it
    page_marks = [round(layout.pages_before(b), 3) for b in boundaries]
    by_section: list[list[Sentence]] = [[] for _ in sections]
    for sentence in analysis.sentences:
        by_section[bisect.bisect_right(boundaries, sentence.block_index) - 1].append(sentence)
    out = []
    for n, section in enumerate(sections):
        pages = round(max(page_marks[n + 1] - page_marks[n], 0.0), 2)
        blocks = document.blocks[section.start : section.end]
        out.append({
            "title": section.title or "(before the first heading)",
            "level": section.level,
            "role": section.role,
            "line": blocks[0].start.line if blocks else None,
            "words": analysis.words_in(blocks),
            "pages": pages,
            "page_share": round(pages / total_pages, 3) if total_pages else 0.0,
            "sentences": len(by_section[n]),
            **_readability([s for s in by_section[n]
                            if analysis.in_languages(s.block_index, FLESCH_LANGUAGES)]),
        })
    return out


def sentence_lengths(lengths: Sequence[int]) -> dict[str, Any]:
    """Count, mean, median, 90th percentile, longest and a bucketed histogram."""
    ordered = sorted(lengths)
    count = len(ordered)

    def rank(share: float) -> int | None:
        return ordered[max(math.ceil(share * count) - 1, 0)] if count else None

    histogram = []
    for label, low, high in BUCKETS:
        n = sum(1 for x in ordered if x >= low and (high is None or x <= high))
        histogram.append({"range": label, "count": n,
                          "share": round(n / count, 3) if count else 0.0})
    return {"count": count, "mean": round(sum(ordered) / count, 1) if count else None,
            "median": rank(0.5), "p90": rank(0.9), "max": ordered[-1] if count else None,
            "histogram": histogram}


# -- terminal rendering ----------------------------------------------------

def render_card(card: dict[str, Any], color: bool) -> str:
    """The card as aligned text, colored when ``color``."""

    def paint(text: str, fg: str | None = None, bold: bool = False) -> str:
        return click.style(text, fg=fg, bold=bold) if color else text

    if card["error"]:
        return paint(f"{card['path']}: error: {card['error']['message']}", "red", True) + "\n"
    pages, words, grade = card["pages"], card["words"], card["readability"]
    lines = [paint(f"{card['path']}", bold=True) + f"  ({card['format']}, {card['profile']})"]
    share = pages["share_of_limit"] or 0.0
    tone = "green" if share <= 0.9 else "yellow" if share <= 1.0 else "red"
    filled = min(round(share * BAR_WIDTH), BAR_WIDTH)
    bar = paint("#" * filled, tone) + "-" * (BAR_WIDTH - filled)
    over = f", {pages['body'] - pages['max']:.1f} over" if share > 1.0 else ""
    lines.append(f"  pages      [{bar}] {pages['body']:.1f} of {pages['max']:g} body pages"
                 f"{over} ({pages['total']:.1f} with appendix)")
    lines.append(f"  words      {words['total']:,} (body {words['body']:,}, "
                 f"appendix {words['appendix']:,})")
    lines.append(f"  reading    {_grade_text(grade)}")
    lines.append(f"  bullets    {card['bullet_word_share']:.0%} of the body's running text "
                 "is in lists")
    passive = card["passive_sentence_share"]
    lines.append("  passive    " + (f"{passive:.0%} of the body's sentences"
                                    if passive is not None else "no English sentences to judge"))
    lengths = card["sentence_lengths"]
    if lengths["count"]:
        lines.append(f"  sentences  {lengths['count']}: mean {lengths['mean']} words, median "
                     f"{lengths['median']}, 90th percentile {lengths['p90']}, "
                     f"longest {lengths['max']}")
        most = max(b["count"] for b in lengths["histogram"]) or 1
        for bucket in lengths["histogram"]:
            width = round(bucket["count"] / most * 20)
            bar = paint("#" * width, "cyan") + " " * (20 - width)
            lines.append(f"    {bucket['range']:>5} words  {bar} {bucket['count']:>4}  "
                         f"{bucket['share']:>4.0%}")
    lines.append("  sections" + " " * 30 + "role        pages  share  words  grade   ease")
    for section in card["sections"]:
        title = "  " * max(section["level"] - 1, 0) + section["title"]
        title = title if len(title) <= 34 else title[:33] + "…"
        grade_s = _number(section["flesch_kincaid_grade"])
        ease_s = _number(section["flesch_reading_ease"])
        lines.append(f"    {title:<36}{section['role']:<11}{section['pages']:>6.2f}"
                     f"{section['page_share']:>7.0%}{section['words']:>7}{grade_s:>7}{ease_s:>7}")
    return "\n".join(lines) + "\n"


def _grade_text(scores: dict[str, float | None]) -> str:
    if scores["flesch_kincaid_grade"] is None:
        return "no English prose to score (the Flesch formulas are English-only)"
    return (f"Flesch-Kincaid grade {scores['flesch_kincaid_grade']}, "
            f"Flesch reading ease {scores['flesch_reading_ease']}")


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"
