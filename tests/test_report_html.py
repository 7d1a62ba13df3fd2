"""The HTML report, parsed back: escaping, one highlight per finding, nothing external."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from memolint.config import ConfigResolver
from memolint.report.html import render_report
from memolint.report.html_marks import Marker, Span
from memolint.runner import run
from memolint.stats import card_for
from tests.memos import ROOT, cli

BLANK = {"nlp_model": "blank"}
HOSTILE_MD = (
    "# Plan <script>window.__pwned = 1</script>\n\n"
    "We ship `<script>window.__pwned = 2</script>` and `<img src=x onerror=\"window.__pwned=3\">`"
    " today, obviously.\n\n"
    "Click `[x](javascript:window.__pwned=4)` or read `</style><b>bold</b>` very clearly.\n"
)
HOSTILE_DOCX = (
    "<script>window.__pwned = 5</script> is what we obviously type.",
    '<img src=x onerror="window.__pwned=6"> and <a href="javascript:window.__pwned=7">x</a>',
    "</style><style>body{display:none}</style> must stay text, clearly.",
)


class Page(HTMLParser):
    """Tags, attributes and the text inside each finding's marks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open_marks: list[str] = []
        self.mark_text: dict[str, str] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if tag == "mark":
            self.open_marks.append(values.get("data-f") or "")
            self.mark_text.setdefault(self.open_marks[-1], "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for finding in self.open_marks:
            self.mark_text[finding] += data


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    return parser


def report(*paths: Path):
    """(page, results) for some files, linted and rendered with the blank pipeline."""
    results = run([str(p) for p in paths], BLANK, None, None)
    return render_report(results, ConfigResolver(None, BLANK)), results


def hostile_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("<script>window.__pwned = 8</script> Plan", level=1)
    for text in HOSTILE_DOCX:
        document.add_paragraph(text)
    document.save(path)
    return path


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    memo = tmp_path / "hostile.md"
    memo.write_text(HOSTILE_MD, encoding="utf-8")
    return memo, hostile_docx(tmp_path / "hostile.docx")


def test_hostile_text_is_escaped(hostile: tuple[Path, Path]) -> None:
    page, _ = report(*hostile)
    parsed = parse(page)
    tags = [tag for tag, _ in parsed.tags]
    assert tags.count("script") == 1 and tags.count("style") == 1
    assert "img" not in tags and "b" not in tags
    for _, attrs in parsed.tags:
        assert not [name for name in attrs if name.startswith("on")]
        assert not any((value or "").lower().startswith("javascript:") for value in attrs.values())
    text = "".join(parsed.text)
    for needle in ("<script>window.__pwned = 2</script>", 'onerror="window.__pwned=3"',
                   "javascript:window.__pwned=4", "</style><b>bold</b>",
                   "<script>window.__pwned = 5</script>", 'onerror="window.__pwned=6"',
                   "</style><style>body{display:none}</style>"):
        assert needle in text
    assert "__pwned" not in page.split("<script>")[-1]  # the page's own script is ours


def test_no_external_urls_and_a_strict_policy(hostile: tuple[Path, Path]) -> None:
    page, _ = report(*hostile, ROOT / "fixtures" / "edge-cases.md")
    parsed = parse(page)
    for tag, attrs in parsed.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed")
        assert "src" not in attrs
        for name in ("href", "action", "xlink:href"):
            assert attrs.get(name) is None or attrs[name].startswith("#"), (tag, attrs)
    styles_and_script = re.findall(r"<(style|script)>(.*?)</\1>", page, re.S)
    for _, body in styles_and_script:
        assert not re.search(r"url\(|@import|https?://|//[a-z]", body)
    policy = next(attrs["content"] for tag, attrs in parsed.tags
                  if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none';")
    assert "unsafe-inline" not in policy and "script-src 'sha256-" in policy


@pytest.mark.parametrize("name", ["edge-cases.md", "bullet-heavy.docx", "bullet-heavy.md"])
def test_one_highlight_per_finding_on_its_words(name: str) -> None:
    page, results = report(ROOT / "fixtures" / name)
    parsed = parse(page)
    primary = [attrs["id"] for tag, attrs in parsed.tags if tag == "mark" and attrs.get("id")]
    diagnostics = results[0].diagnostics
    assert diagnostics and len(primary) == len(set(primary)) == len(diagnostics)
    for number, diagnostic in enumerate(diagnostics, 1):
        marked = " ".join(parsed.mark_text[str(number)].split())
        assert marked.startswith(diagnostic.snippet.rstrip("…")), (diagnostic, marked)


def test_page_bar_matches_stats_and_page_ends_are_drawn(tmp_path: Path) -> None:
    long = tmp_path / "long.md"
    paragraph = ("Our support teams answer the same customer three times because each "
                 "system keeps its own history, and that costs us a day per ticket. ") * 6
    long.write_text("# Plan\n\n" + "\n\n".join([paragraph] * 40) + "\n", encoding="utf-8")
    page, _ = report(long)
    card = card_for(str(long), BLANK, None)
    body, limit = card["pages"]["body"], card["pages"]["max"]
    assert body > limit
    assert f"{body:.1f} of {limit:g} body pages, {body - limit:.1f} over" in page
    pages = [int(p) for p in re.findall(r'class="page-end[^"]*" role="separator" '
                                        r'data-page="(\d+)"', page)]
    assert pages == list(range(1, int(body) + (0 if body == int(body) else 1)))
    assert page.count('class="page-end limit"') == 1
    assert "page 6 ends here: the end of the 6-page budget" in page


def test_marks_nest_and_continue() -> None:
    tags = []

    def open_tag(n: int, primary: bool) -> str:
        tags.append((n, primary))
        return f'<mark data-f="{n}"{" id" if primary else ""}>'

    marker = Marker(open_tag)
    out = marker.text("abcdefgh", 0, 8, [Span(1, 0, 5), Span(2, 3, 8), Span(3, 4, 4)],
                      {6: "|"})
    assert out == ('<mark data-f="1" id>abc<mark data-f="2" id>d<mark data-f="3" id></mark>'
                   'e</mark></mark><mark data-f="2">f</mark>|<mark data-f="2">gh</mark>')
    assert [n for n, primary in tags if primary] == [1, 2, 3]
    assert marker.placed == {1, 2, 3}


def test_report_command_writes_a_page(tmp_path: Path) -> None:
    (tmp_path / ".memolint.toml").write_text('[nlp]\nmodel = "blank"\n', encoding="utf-8")
    memo = tmp_path / "memo.md"
    memo.write_text(HOSTILE_MD, encoding="utf-8")
    target = tmp_path / "out" / "report.html"
    result = cli("report", str(memo), "-o", str(target))
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    checked = cli("check", "--format", "html", "--output-file", str(tmp_path / "c.html"),
                  "--no-cache", str(memo), str(tmp_path / "missing.md"))
    assert checked.exit_code == 2
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert '<nav class="files"' in page and "Could not be read" in page


def test_cached_results_keep_their_highlights(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text((ROOT / "fixtures" / "edge-cases.md").read_text(encoding="utf-8"),
                    encoding="utf-8")
    pages = []
    for _ in range(2):  # the second run answers from the result cache
        out = tmp_path / "r.html"
        assert cli("check", "--format", "html", "--output-file", str(out), "--cache-dir",
                   str(tmp_path / "cache"), str(memo)).exit_code == 1
        pages.append(out.read_text(encoding="utf-8"))
    assert (tmp_path / "cache").is_dir()
    assert len(re.findall(r'<mark [^>]*id="f\d+"', pages[1])) > 0
    assert pages[0] == pages[1]


def test_thematic_break_is_drawn_as_a_rule_not_an_empty_paragraph(tmp_path: Path) -> None:
    memo = tmp_path / "rules.md"
    memo.write_text("# Plan\n\nFirst part of the plan.\n\n---\n\nSecond part.\n", encoding="utf-8")
    page, _ = report(memo)
    rules = [attrs for tag, attrs in parse(page).tags if tag == "hr"]
    assert [attrs.get("data-block") for attrs in rules] == ["2"]
    assert "<p></p>" not in page
