"""Seeded, realistic-looking narrative memos for the benchmarks.

A six-page memo here has ~3,400 words like the measured peers' input: a
title, ten sections (tenets, state of the business, lessons, plan, risks,
FAQ, appendix), prose paragraphs of varied sentences, a few bullets and one
table. Pages scale linearly with ``pages``. The text is generated from word
pools, never copied from a real memo.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS_PER_PAGE = 570
SECTIONS = ("Introduction", "Tenets", "State of the Business", "Lessons Learned",
            "Strategic Priorities", "Plan", "Risks and Mitigations", "Resources",
            "Frequently Asked Questions", "Appendix")
SUBJECTS = ("Our support team", "The onboarding flow", "This proposal", "The pilot in Ireland",
            "Weekly active sellers", "The new pricing tier", "Customer churn", "The backlog",
            "Our largest partner", "The finance review", "Latency at the 99th percentile")
VERBS = ("grew by", "fell by", "cost us", "saved", "needs", "depends on", "replaces",
         "reduces", "doubles", "explains", "delays", "unblocks")
OBJECTS = ("a third of the tickets", "two engineers for a quarter", "four million dollars",
           "the renewal rate", "every new seller in Europe", "the manual review step",
           "our forecast for the second half", "the same dashboard", "twelve percent",
           "the contract we signed in March", "the rollout plan")
TAILS = ("because the old process had no owner", "which we measured over eight weeks",
         "although the sample is still small", "and we expect the trend to hold",
         "so we propose to stop doing it", "when traffic peaks before the holidays",
         "as the appendix shows in detail", "")


def sentence(rng: random.Random) -> str:
    """One declarative sentence of 8 to 30 words."""
    parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS)]
    text = " ".join(p for p in parts if p)
    if rng.random() < 0.3:
        text += f", and {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return text + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))


def outline(seed: int, pages: float = 6) -> list[tuple[str, str]]:
    """``(kind, text)`` blocks: ``title``, ``heading``, ``para``, ``bullet``, ``table``."""
    rng = random.Random(seed)
    budget = int(pages * WORDS_PER_PAGE)
    blocks: list[tuple[str, str]] = [("title", f"Memo {seed}: one ticketing system")]
    words = 0
    repeats = max(1, round(pages / 6))
    for round_ in range(repeats):
        for name in SECTIONS:
            heading = name if repeats == 1 else f"{name} ({round_ + 1})"
            blocks.append(("heading", heading))
            for _ in range(rng.randint(2, 5)):
                if words >= budget * (round_ + 1) / repeats:
                    break
                text = paragraph(rng)
                blocks.append(("para", text))
                words += len(text.split())
            if rng.random() < 0.3:
                for _ in range(rng.randint(2, 4)):
                    blocks.append(("bullet", sentence(rng)))
            if name == "Appendix" and round_ == repeats - 1:
                blocks.append(("table", "Quarter|Tickets|Cost\nQ1|1200|40k\nQ2|980|35k"))
    return blocks


def markdown(seed: int, pages: float = 6) -> str:
    lines = []
    for kind, text in outline(seed, pages):
        if kind == "title":
            lines.append(f"# {text}\n")
        elif kind == "heading":
            lines.append(f"## {text}\n")
        elif kind == "bullet":
            lines.append(f"- {text}")
        elif kind == "table":
            rows = [row.split("|") for row in text.split("\n")]
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * len(rows[0]))
            lines.extend("| " + " | ".join(r) + " |" for r in rows[1:])
            lines.append("")
        else:
            lines.append(text + "\n")
    return "\n".join(lines) + "\n"


def write_docx(path: Path, seed: int, pages: float = 6) -> None:
    """The memo as Word would save it: Calibri 11 pt, US Letter, 1-inch margins."""
    import docx
    from docx.shared import Inches, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(11)
    for section in document.sections:
        section.page_width, section.page_height = Inches(8.5), Inches(11)
        section.left_margin = section.right_margin = Inches(1)
        section.top_margin = section.bottom_margin = Inches(1)
    for kind, text in outline(seed, pages):
        if kind == "title":
            document.add_heading(text, 0)
        elif kind == "heading":
            document.add_heading(text, 1)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "table":
            rows = [row.split("|") for row in text.split("\n")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(text)
    document.save(path)


def write_set(folder: Path, count: int, docx_too: bool = False, pages: float = 6) -> list[Path]:
    """``count`` Markdown memos (and DOCX twins) in ``folder``, seeds 0..count-1."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(count):
        path = folder / f"memo{seed:04}.md"
        if not path.exists():
            path.write_text(markdown(seed, pages), encoding="utf-8")
        paths.append(path)
        if docx_too and not path.with_suffix(".docx").exists():
            write_docx(path.with_suffix(".docx"), seed, pages)
    return paths
