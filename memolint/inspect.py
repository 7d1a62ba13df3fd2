"""``memolint inspect``: the document as memolint sees it.

Users of prose linters keep asking "why did (or didn't) this fire?". This view
answers it: every block with its kind, position, section and role, every
sentence with its position and word count, the reader's notes and the
metrics. It runs the same reader and analysis as ``check``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from memolint.analysis import Analysis
from memolint.config import settings_for, with_file_settings
from memolint.errors import InputError
from memolint.layout.estimate import page_model_from_config
from memolint.packs import load_profile
from memolint.readers import read_document

_PREVIEW = 70


def inspect_file(path: str, overrides: dict[str, Any], config: Path | None,
                 output_format: str) -> tuple[str, bool]:
    """The inspect report, and whether the file could be read."""
    try:
        document = read_document(path)
    except InputError as exc:
        return f"error: {exc.message}\n", False
    settings = settings_for(Path(path), config, overrides)
    settings = with_file_settings(settings, document.settings, f"{path}: front matter memolint")
    analysis = Analysis(document, load_profile(settings.profile), settings.nlp_model,
                        page_model_from_config(settings.page_model()), settings.language)
    view = _view(analysis)
    if output_format == "json":
        return json.dumps(view, indent=2, ensure_ascii=False) + "\n", True
    return _text(view), True


def _view(analysis: Analysis) -> dict[str, Any]:
    document = analysis.document
    blocks = []
    for index, block in enumerate(document.blocks):
        start = block.start
        section = analysis.section_of(index)
        entry: dict[str, Any] = {
            "index": index, "kind": block.kind, "line": start.line, "column": start.column,
            "end_line": block.end.line, "section": section.title, "role": analysis.roles[index],
            "words": block.words, "page": analysis.layout.page_of(index), "text": block.text,
        }
        if block.kind == "heading":
            entry["level"] = block.level
        if block.kind == "list_item":
            entry.update(depth=block.depth, ordered=block.ordered)
        if block.manual_bullet:
            entry["manual_bullet"] = True
        if block.typography:
            entry["typography"] = {k: v for k, v in vars(block.typography).items() if v}
        blocks.append(entry)
    sentences = []
    for sentence in analysis.sentences:
        position = document.blocks[sentence.block_index].source.position(sentence.start)
        sentences.append({"line": position.line, "column": position.column,
                          "words": sentence.words, "text": sentence.text})
    return {
        "path": document.path, "format": document.format, "profile": analysis.profile.name,
        "nlp": analysis.nlp.meta.get("name", "blank") if analysis.has_tags else "blank",
        "page_setups": [vars(p) for p in document.page_setups],
        "notes": document.notes + _page_notes(analysis), "blocks": blocks,
        "sentences": sentences,
        "metrics": analysis.metrics(),
    }


def _page_notes(analysis: Analysis) -> list[str]:
    """How the page count was made: fonts laid out with, and Word's saved count if it differs."""
    layout = analysis.layout
    notes = [f"font {choice.describe()}" for choice in layout.fonts]
    saved = analysis.metrics()["pages_saved"]
    if saved is not None and saved != layout.page_count:
        notes.append(f"Word saved this document as {saved} pages; the {layout.source} count is "
                     f"{layout.page_count} (Word and LibreOffice can differ by a page)")
    return notes


def _text(view: dict[str, Any]) -> str:
    out = [f"{view['path']} ({view['format']}, profile {view['profile']}, nlp {view['nlp']})"]
    out += [f"note: {note}" for note in view["notes"]]
    out.append("")
    out.append("blocks:")
    for b in view["blocks"]:
        kind = b["kind"] + (f"{b['level']}" if "level" in b else "")
        kind += f" d{b['depth']}" if "depth" in b else ""
        text = " ".join(b["text"].split())
        text = text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"
        out.append(f"  {b['line']:>5}:{b['column']:<3} p{b['page']:<3} {kind:<14} {b['role']:<9} "
                   f"{text}")
    out.append("")
    out.append("sentences:")
    for s in view["sentences"]:
        text = s["text"] if len(s["text"]) <= _PREVIEW else s["text"][: _PREVIEW - 1] + "…"
        out.append(f"  {s['line']:>5}:{s['column']:<3} {s['words']:>3}w  {text}")
    out.append("")
    out.append("metrics:")
    for key, value in view["metrics"].items():
        if key != "headings":
            out.append(f"  {key}: {value}")
    return "\n".join(out) + "\n"
