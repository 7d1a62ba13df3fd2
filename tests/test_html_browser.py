"""The HTML report in real headless Chromium, driven over the DevTools protocol.

Skipped only where Chromium is missing and ``CI`` is not set; CI installs
Debian's ``chromium`` (``.ci/run``), so there these tests always run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import Browser, chromium_binary
from tests.memos import ROOT
from tests.test_report_html import HOSTILE_MD, hostile_docx, report

BINARY = chromium_binary()
pytestmark = pytest.mark.skipif(BINARY is None and not os.environ.get("CI"),
                                reason="chromium is not installed (apt-get install chromium)")

IN_VIEW = ("(() => { const r = document.getElementById({id}).getBoundingClientRect();"
           " return r.top >= 0 && r.bottom <= innerHeight; })()")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert BINARY is not None, "CI is set but chromium is not installed"
    chromium = Browser(BINARY, tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


def open_report(browser: Browser, folder: Path, *memos: Path):
    """Write the report of some memos, open it, and return (its URL, the results)."""
    page, results = report(*memos)
    target = folder / "report.html"
    target.write_text(page, encoding="utf-8")
    return browser.open(target), results


@pytest.mark.parametrize("name", ["edge-cases.md", "bullet-heavy.docx"])
def test_highlights_match_findings_and_nothing_is_fetched(browser: Browser, tmp_path: Path,
                                                          name: str) -> None:
    url, results = open_report(browser, tmp_path, ROOT / "fixtures" / name)
    found = len(results[0].diagnostics)
    assert found > 0
    assert browser.evaluate("document.querySelectorAll('mark.hl[id]').length") == found
    assert browser.evaluate("document.querySelectorAll('.panel li').length") == found
    visible = browser.evaluate("[...document.querySelectorAll('mark.hl[id]')].filter(m =>"
                               " getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)')"
                               ".length")
    assert visible == found
    shot = browser.screenshot(tmp_path / f"{name}.png")
    print(f"screenshot of the {name} report: {shot}")
    assert shot.stat().st_size > 10_000
    assert browser.requested_urls() == [url]


def test_clicking_a_finding_scrolls_its_highlight_into_view(browser: Browser,
                                                            tmp_path: Path) -> None:
    open_report(browser, tmp_path, ROOT / "fixtures" / "bullet-heavy.docx")
    far = browser.evaluate(
        "(() => { window.scrollTo(0, 0); const marks = [...document.querySelectorAll("
        "'mark.hl[id]')]; return marks[marks.length - 1].dataset.f; })()")
    assert browser.evaluate(IN_VIEW.replace("{id}", f"'f{far}'")) is False
    browser.click(f'button[data-goto="{far}"]')
    assert browser.evaluate(IN_VIEW.replace("{id}", f"'f{far}'")) is True
    assert browser.evaluate("document.activeElement.id") == f"f{far}"
    assert browser.evaluate(f"document.getElementById('f{far}').classList.contains('flash')")
    assert browser.evaluate("document.getElementById('tip').hidden") is False
    code = browser.evaluate(f"document.getElementById('p{far}').dataset.code")
    assert browser.evaluate("document.getElementById('tip').textContent").startswith(code)

COUNT = ("[...document.querySelectorAll('{sel}')].filter(el => {test}).length")
SHOWN = "getComputedStyle(el).display !== 'none'"
LIT = "getComputedStyle(el).backgroundColor !== 'rgba(0, 0, 0, 0)'"


def count(browser: Browser, selector: str, test: str) -> int:
    return browser.evaluate(COUNT.replace("{sel}", selector).replace("{test}", test))


def test_filters_hide_what_they_should(browser: Browser, tmp_path: Path) -> None:
    _, results = open_report(browser, tmp_path, ROOT / "fixtures" / "edge-cases.md")
    diagnostics = results[0].diagnostics
    warnings = sum(d.severity == "warning" for d in diagnostics)
    wording = sum(d.code.startswith("W") for d in diagnostics)
    assert 0 < warnings < len(diagnostics) and 0 < wording < len(diagnostics)

    browser.click('input[data-filter="sev"][value="warning"]')
    assert count(browser, ".panel li[data-sev=warning]", SHOWN) == 0
    assert count(browser, "mark.hl[id][data-sev=warning]", LIT) == 0
    assert count(browser, ".panel li", SHOWN) == len(diagnostics) - warnings
    assert count(browser, "mark.hl[id]", LIT) == len(diagnostics) - warnings

    browser.click('input[data-filter="fam"][value="W"]')
    kept = sum(d.severity != "warning" and not d.code.startswith("W") for d in diagnostics)
    assert count(browser, ".panel li", SHOWN) == kept
    assert count(browser, "mark.hl[id]", LIT) == kept

    browser.click('input[data-filter="sev"][value="warning"]')
    browser.click('input[data-filter="fam"][value="W"]')
    assert count(browser, ".panel li", SHOWN) == len(diagnostics)


def test_hostile_memo_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    memo = tmp_path / "hostile.md"
    memo.write_text(HOSTILE_MD, encoding="utf-8")
    url, _ = open_report(browser, tmp_path, memo, hostile_docx(tmp_path / "hostile.docx"))
    assert browser.evaluate("typeof window.__pwned") == "undefined"
    assert browser.evaluate("document.scripts.length") == 1
    assert browser.evaluate("document.querySelectorAll('img, iframe, a[href^=javascript]')"
                            ".length") == 0
    text = browser.evaluate("document.querySelector('main').innerText")
    assert "<script>window.__pwned = 2</script>" in text
    assert "</style><style>body{display:none}</style>" in text
    assert browser.evaluate("getComputedStyle(document.body).display") == "block"
    assert browser.evaluate("getComputedStyle(document.querySelector('.memo')).borderRadius") \
        == "6px"  # the stylesheet still applies after a memo's "</style>"
    assert browser.requested_urls() == [url]
