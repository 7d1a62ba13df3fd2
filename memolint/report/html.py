"""The HTML report: one self-contained page that shows the memo itself.

A writer would rather look than read ``line:col`` lists. The page renders
each memo as a reader sees it, highlights every finding in place (color by
severity; rule, message and fix on hover and keyboard focus; a link to the
rule's docs, embedded), lists the findings in a side panel grouped by family
and severity (click one to scroll to it), and draws the page budget: body
pages by section against the limit (the numbers ``memolint stats`` prints),
a line where each estimated page ends, a readability chip per paragraph, and
each section's bullet share.

The page is one file: no external scripts, fonts, styles, images or
requests; it works from ``file://`` and offline. Every piece of document
text is escaped, and a Content-Security-Policy allows only the page's own
stylesheet and script (by hash), so a memo holding ``<script>`` stays text.

Findings come from the run's results; the memo is read again to render it,
with the same settings the run used.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memolint import __version__
from memolint.analysis import Analysis
from memolint.config import ConfigResolver, with_file_settings
from memolint.diagnostics import SEVERITIES, Diagnostic
from memolint.engine import FileResult
from memolint.errors import ConfigError, InputError
from memolint.layout.estimate import page_model_from_config
from memolint.packs import load_profile
from memolint.readers import read_document
from memolint.registry import Registry
from memolint.report import ReportOptions
from memolint.report.html_assets import CSS, JS
from memolint.report.html_marks import Marker
from memolint.report.html_memo import MemoWriter, spans_by_block
from memolint.report.text import verdict
from memolint.stats import report_card

#: Family letter → what a reader calls it (third-party families show their letter).
FAMILIES = {"L": "length", "S": "structure", "B": "bullets", "R": "readability",
            "W": "wording", "F": "DOCX format", "X": "internal"}
#: Rules whose finding means "this section is over its budget".
_BUDGET_RULES = frozenset({"section-length", "press-release-length", "faq-length"})
_BAR_WIDTH = 1000
_SWATCHES = 6


def render(results: Sequence[FileResult], options: ReportOptions) -> str:
    """The report page, reading each memo with its nearest config (the reporter interface)."""
    return render_report(results, ConfigResolver(None, {}))


def render_with_config(results: Sequence[FileResult], config: Path | None,
                       overrides: dict[str, Any]) -> str:
    """The report page, reading each memo with the run's config file and CLI overrides."""
    return render_report(results, ConfigResolver(config, overrides))


@dataclass
class _File:
    """One result and what is needed to draw it."""

    number: int
    result: FileResult
    #: (finding number, diagnostic), numbered across the page.
    findings: list[tuple[int, Diagnostic]]
    analysis: Analysis | None = None
    #: Why the memo text is not shown, when it is not.
    missing: str = ""


def render_report(results: Sequence[FileResult], resolver: ConfigResolver) -> str:
    """The whole page for some results."""
    files: list[_File] = []
    counter = 0
    for number, result in enumerate(results, 1):
        numbered = list(enumerate(result.diagnostics, counter + 1))
        counter += len(numbered)
        files.append(_load(_File(number, result, numbered), resolver))
    registry = Registry.load()
    title = files[0].result.path if len(files) == 1 else f"{len(files)} memos"
    body = [_header(files), '<main id="main">']
    body += [_article(f) for f in files]
    body.append(_rule_docs(files, registry))
    body.append('</main><div id="tip" role="tooltip" hidden></div>')
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{_policy()}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="memolint {__version__}">'
        f"<title>memolint report: {html.escape(title)}</title><style>{CSS}</style></head>"
        f'<body><a class="skip" href="#main">Skip to the report</a>{"".join(body)}'
        f"<script>{JS}</script></body></html>\n"
    )


def _policy() -> str:
    """Allow this page's own style and script, by hash, and nothing else at all."""

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    return (f"default-src 'none'; style-src 'sha256-{digest(CSS)}'; "
            f"script-src 'sha256-{digest(JS)}'; img-src data:; base-uri 'none'; "
            "form-action 'none'")


def _load(item: _File, resolver: ConfigResolver) -> _File:
    """Read the memo again under the run's settings (results carry findings, not text)."""
    result = item.result
    if result.error:
        return item
    try:
        document = read_document(result.path)
        settings = with_file_settings(resolver.settings_for(Path(result.path)),
                                      document.settings, f"{result.path}: front matter memolint")
        item.analysis = Analysis(document, load_profile(settings.profile), settings.nlp_model,
                                 page_model_from_config(settings.page_model()), settings.language)
    except (InputError, ConfigError) as exc:
        item.missing = f"The memo's text cannot be shown: {exc}"
    except OSError as exc:
        item.missing = f"The memo's text cannot be shown: {exc.strerror}"
    return item


# -- page parts ------------------------------------------------------------

def _header(files: list[_File]) -> str:
    found = [d for f in files for _, d in f.findings]
    severities = [s for s in SEVERITIES if any(d.severity == s for d in found)]
    families = sorted({d.code[:1] for d in found})
    boxes = ['<form class="filters" aria-label="Filter findings">']
    for legend, kind, values in (("Severity", "sev", severities),
                                 ("Family", "fam", families)):
        if not values:
            continue
        boxes.append(f"<fieldset><legend>{legend}</legend>")
        for value in values:
            label = value if kind == "sev" else f"{value} {FAMILIES.get(value, '')}".strip()
            boxes.append(f'<label><input type="checkbox" checked data-filter="{kind}" '
                         f'value="{html.escape(value)}"> {html.escape(label)}</label>')
        boxes.append("</fieldset>")
    boxes.append("</form>")
    index = ""
    if len(files) > 1:
        items = "".join(f'<li><a href="#file-{f.number}">{html.escape(f.result.path)}</a> '
                        f"({len(f.findings)} findings)</li>" for f in files)
        index = f'<nav class="files" aria-label="Files"><ol>{items}</ol></nav>'
    return (f'<header class="top"><h1>memolint report</h1>{"".join(boxes)}{index}</header>')


def _article(item: _File) -> str:
    result = item.result
    heading = (f'<article class="file" id="file-{item.number}" aria-labelledby="file-'
               f'{item.number}-h"><h2 id="file-{item.number}-h">{html.escape(result.path)}</h2>')
    if result.error:
        return (f'{heading}<p class="error-box" role="alert">Could not be read: '
                f"{html.escape(result.error['message'])}</p></article>")
    summary = verdict(result).removeprefix(f"{result.path}: ")
    parts = [heading, f'<p class="verdict">{html.escape(summary)}</p>']
    memo = f'<p class="error-box">{html.escape(item.missing)}</p>'
    if item.analysis is not None:
        parts.append(_budget(item))
        memo = _memo(item, item.analysis)
    parts.append(f'<div class="split">{_panel(item)}'
                 f'<div class="memo" aria-label="The memo">{memo}</div></div></article>')
    return "".join(parts)


def _memo(item: _File, analysis: Analysis) -> str:
    anchored = [(n, d.anchor) for n, d in item.findings if d.anchor is not None]
    blocks = analysis.document.blocks
    spans = spans_by_block([(n, a) for n, a in anchored if a.block_index < len(blocks)], blocks)
    severity = {n: d for n, d in item.findings}

    def open_tag(n: int, primary: bool) -> str:
        d = severity[n]
        common = (f'class="hl sev-{d.severity}" data-f="{n}" data-sev="{d.severity}" '
                  f'data-fam="{html.escape(d.code[:1])}"')
        if primary:
            return (f'<mark {common} id="f{n}" tabindex="0" aria-describedby="m{n}">')
        return f'<mark {common} data-cont="1">'

    marker = Marker(open_tag)
    writer = MemoWriter(analysis, spans, marker, analysis.profile.max_pages)
    rendered = writer.render()
    unplaced = [n for n, _ in item.findings if n not in marker.placed]
    if unplaced:
        rendered += ('<p class="verdict">Not in the text (whole-document findings): '
                     + ", ".join(f'<a href="#p{n}">{html.escape(severity[n].code)}</a>'
                                 for n in unplaced) + "</p>")
    return rendered


def _panel(item: _File) -> str:
    """Findings grouped by family, then severity; each a button that scrolls to it."""
    out = [f'<aside class="panel" aria-label="Findings in {html.escape(item.result.path)}">'
           f"<h3>{len(item.findings)} finding{'s' if len(item.findings) != 1 else ''}</h3>"]
    groups: dict[str, dict[str, list[tuple[int, Diagnostic]]]] = defaultdict(
        lambda: defaultdict(list))
    for n, d in item.findings:
        groups[d.code[:1]][d.severity].append((n, d))
    for family in sorted(groups):
        name = FAMILIES.get(family, "")
        out.append(f"<h3>{html.escape(family)} {html.escape(name)}</h3>")
        for severity in SEVERITIES:
            entries = groups[family].get(severity)
            if not entries:
                continue
            out.append(f"<h4>{severity}</h4><ol>")
            out += [_entry(item.result, n, d) for n, d in entries]
            out.append("</ol>")
    out.append("</aside>")
    return "".join(out)


def _entry(result: FileResult, n: int, d: Diagnostic) -> str:
    unit = "paragraph" if result.format == "docx" else "line"
    fix = f'<span class="fix" hidden>{html.escape(d.fix)}</span>' if d.fix else ""
    code = html.escape(d.code)
    return (f'<li id="p{n}" class="sev-{d.severity}" data-f="{n}" data-sev="{d.severity}" '
            f'data-fam="{html.escape(d.code[:1])}" data-code="{code}" '
            f'data-name="{html.escape(d.name)}"><button type="button" data-goto="{n}">'
            f'<span class="code">{code}</span> <span class="msg" id="m{n}">'
            f'{html.escape(d.message)}</span> <span class="where">{unit} {d.line}</span>'
            f'</button>{fix}<a class="docs" href="#rule-{code}" '
            f'aria-label="{code} docs">docs</a></li>')


def _budget(item: _File) -> str:
    """The page bar (body sections against the limit) and the per-section table."""
    analysis = item.analysis
    assert analysis is not None
    card = report_card(analysis)
    pages = card["pages"]
    limit, body = pages["max"], pages["body"]
    over_names = _sections_over(item, analysis)
    sections = card["sections"]
    shares = _bullet_shares(analysis)
    scale = max(limit, body, 0.1) * 1.08
    x = 0.0
    rects = []
    body_sections = [(i, s) for i, s in enumerate(sections) if s["role"] != "appendix"]
    for i, section in body_sections:
        width = section["pages"] / scale * _BAR_WIDTH
        over = " over" if i in over_names else ""
        rects.append(f'<rect class="sec s{i % _SWATCHES}{over}" x="{x:.1f}" y="10" '
                     f'width="{width:.1f}" height="34"><title>{html.escape(section["title"])}: '
                     f'{section["pages"]:.2f} pages</title></rect>')
        x += width
    limit_x = limit / scale * _BAR_WIDTH
    if body > limit:
        rects.append(f'<rect class="overflow" x="{limit_x:.1f}" y="10" '
                     f'width="{(body - limit) / scale * _BAR_WIDTH:.1f}" height="34"/>')
    svg = (f'<svg class="bar" viewBox="0 0 {_BAR_WIDTH} 70" role="img" aria-label="'
           f'{body:.1f} of {limit:g} body pages">'
           f'<rect class="track" x="0" y="10" width="{_BAR_WIDTH}" height="34"/>{"".join(rects)}'
           f'<line class="limit" x1="{limit_x:.1f}" x2="{limit_x:.1f}" y1="2" y2="52"/>'
           f'<text x="{min(limit_x, _BAR_WIDTH - 90):.1f}" y="66">limit {limit:g} pages</text>'
           "</svg>")
    rows = []
    for i, section in enumerate(sections):
        share = shares[i]
        cls = ' class="over"' if i in over_names else ""
        swatch = (f'<span class="sw s{i % _SWATCHES}"></span>' if section["role"] != "appendix"
                  else '<span class="sw"></span>')
        grade = section["flesch_kincaid_grade"]
        rows.append(
            f"<tr{cls}><td>{swatch}{html.escape(section['title'])}</td>"
            f"<td>{html.escape(section['role'])}</td><td class=\"num\">{section['pages']:.2f}</td>"
            f"<td class=\"num\">{section['words']}</td>"
            f"<td class=\"num\">{'-' if grade is None else f'{grade:.1f}'}</td>"
            f"<td class=\"num\">{'-' if share is None else f'{share:.0%}'}</td></tr>")
    state = " over" if body > limit else ""
    over_text = f", {body - limit:.1f} over" if body > limit else ""
    return (f'<section class="budget{state}" aria-label="Page budget"><h3>{body:.1f} of '
            f"{limit:g} body pages{over_text} ({pages['total']:.1f} with appendix)</h3>{svg}"
            '<table class="sections"><thead><tr><th scope="col">section</th>'
            '<th scope="col">role</th><th scope="col">pages</th><th scope="col">words</th>'
            '<th scope="col">grade</th><th scope="col">bullets</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>")


def _sections_over(item: _File, analysis: Analysis) -> set[int]:
    """Indices of sections holding a finding that says the section is over budget."""
    over = set()
    for _, d in item.findings:
        if d.name in _BUDGET_RULES and d.anchor is not None:
            over |= {i for i, s in enumerate(analysis.sections)
                     if s.start <= d.anchor.block_index < s.end}
    return over


def _bullet_shares(analysis: Analysis) -> list[float | None]:
    """Per section, in order: the share of its running words that sit in lists."""
    shares: list[float | None] = []
    for section in analysis.sections:
        running = [b for b in analysis.document.blocks[section.start : section.end]
                   if b.kind in ("paragraph", "quote", "list_item")]
        total = sum(b.words for b in running)
        listed = sum(b.words for b in running if b.kind == "list_item" or b.manual_bullet)
        shares.append(listed / total if total else None)
    return shares


def _rule_docs(files: list[_File], registry: Registry) -> str:
    """Each rule that fired, its full ``memolint rule`` text, folded."""
    from memolint.ruledocs import render_rule

    codes = sorted({d.code for f in files for _, d in f.findings})
    items = []
    for code in codes:
        rule = registry.get(code)
        text = render_rule(rule) if rule else f"{code}: no documentation (memolint internal)."
        items.append(f'<details id="rule-{html.escape(code)}"><summary>{html.escape(code)} '
                     f"{html.escape(rule.name if rule else '')}</summary>"
                     f"<pre>{html.escape(text)}</pre></details>")
    if not items:
        return ""
    return ('<section class="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules in this '
            f"report</h2>{''.join(items)}</section>")
