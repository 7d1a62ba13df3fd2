"""Compare the readers with the DEV corpus ground truth.

Usage::

    python bench/corpus.py [--corpus ../shared/corpus]

Reads every file in ``<corpus>/files`` with :func:`memolint.readers.read_document`
and compares it with ``truth.json``: headings (level and text) as precision,
recall and F1 over all files; list items, typed bullets and top-level tables
as exact counts per file; words as relative error per file. Files the truth
marks unreadable must raise InputError. This is a measurement script, not a
test: it prints a table and the aggregate lines and always exits 0 unless the
corpus itself is missing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from memolint.document import Document, PageSetup  # noqa: E402
from memolint.errors import InputError  # noqa: E402
from memolint.readers import read_document  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"

TARGET_HEADING_F1 = 0.97
TARGET_LISTS_EXACT = 0.90
TARGET_WORDS_MEDIAN = 0.03


@dataclass
class Result:
    """One file's comparison; counts are ``None`` when the file was not read."""

    file_id: str
    fmt: str
    ms: float = 0.0
    error: str = ""
    expected_error: bool = False
    heading_hits: int = 0
    headings: int = 0
    headings_truth: int = 0
    lists: int | None = None
    lists_truth: int | None = None
    bullets: int | None = None
    bullets_truth: int | None = None
    words: int | None = None
    words_truth: int | None = None
    tables: int | None = None
    tables_truth: int | None = None
    #: DOCX metadata checks: every section's page setup, Normal font and size,
    #: ``<Pages>``; ``None`` when not compared.
    setup_ok: bool | None = None
    normal_ok: bool | None = None
    stated_ok: bool | None = None

    @property
    def read(self) -> bool:
        return not self.error

    @property
    def words_error(self) -> float | None:
        if self.words is None or self.words_truth is None:
            return None
        if self.words_truth == 0:
            return 0.0 if self.words == 0 else 1.0
        return abs(self.words - self.words_truth) / self.words_truth


@dataclass
class Totals:
    """Aggregates over the files of one format."""

    results: list[Result] = field(default_factory=list)

    def heading_scores(self) -> tuple[float, float, float]:
        hits = sum(r.heading_hits for r in self.results)
        predicted = sum(r.headings for r in self.results)
        truth = sum(r.headings_truth for r in self.results)
        precision = hits / predicted if predicted else 1.0
        recall = hits / truth if truth else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def exact_share(self, attr: str) -> tuple[int, int]:
        """(files where ``attr`` equals its truth, files compared)."""
        compared = [r for r in self.results if getattr(r, attr) is not None]
        same = [r for r in compared if getattr(r, attr) == getattr(r, f"{attr}_truth")]
        return len(same), len(compared)

    def words_median(self) -> float | None:
        errors = [r.words_error for r in self.results if r.words_error is not None]
        return statistics.median(errors) if errors else None


def normalize(text: str) -> str:
    return " ".join(text.split())


def expects_error(truth: dict) -> bool:
    """The truth marks a file unreadable: no zip, or python-docx could not open it."""
    readable = truth.get("readable") or {}
    return readable.get("zip") is False or readable.get("python_docx") is False


def compare(file_id: str, path: Path, truth: dict) -> Result:
    fmt = "md" if path.suffix == ".md" else "docx"
    result = Result(file_id, fmt, expected_error=expects_error(truth))
    started = time.perf_counter()
    try:
        document = read_document(str(path))
    except InputError as exc:
        result.error = f"InputError({exc.kind})"
        return result
    except Exception as exc:  # a reader still being written must not stop the run
        result.error = f"{type(exc).__name__}: {exc}"[:60]
        return result
    finally:
        result.ms = (time.perf_counter() - started) * 1000
    fill_counts(result, document, truth)
    return result


def fill_counts(result: Result, document: Document, truth: dict) -> None:
    predicted = Counter((b.level, normalize(b.text)) for b in document.headings)
    expected = Counter((level, normalize(text)) for level, text in truth.get("headings") or [])
    result.heading_hits = sum((predicted & expected).values())
    result.headings = sum(predicted.values())
    result.headings_truth = sum(expected.values())
    result.lists = sum(1 for b in document.blocks if b.kind == "list_item")
    result.lists_truth = truth.get("list_items")
    result.bullets = sum(1 for b in document.blocks if b.manual_bullet)
    result.bullets_truth = truth.get("manual_bullets")
    result.words = sum(b.words for b in document.blocks)
    result.words_truth = truth.get("words")
    result.tables = sum(1 for b in document.blocks if b.kind == "table")
    result.tables_truth = truth.get("tables_top_level", truth.get("tables"))
    if document.format == "docx":
        fill_docx_checks(result, document, truth)


#: truth ``page_setup`` section key -> PageSetup attribute.
SETUP_FIELDS = {
    "page_width_pt": "width_pt",
    "page_height_pt": "height_pt",
    "orientation": "orientation",
    "margin_top_pt": "margin_top_pt",
    "margin_bottom_pt": "margin_bottom_pt",
    "margin_left_pt": "margin_left_pt",
    "margin_right_pt": "margin_right_pt",
    "header_distance_pt": "header_distance_pt",
    "footer_distance_pt": "footer_distance_pt",
    "gutter_pt": "gutter_pt",
    "columns": "columns",
}


def setup_matches(ours: PageSetup, theirs: dict) -> bool:
    return all(
        theirs.get(key) is None or getattr(ours, attr) == theirs[key]
        for key, attr in SETUP_FIELDS.items()
    )


def fill_docx_checks(result: Result, document: Document, truth: dict) -> None:
    """Page setups (fields the truth leaves null are Word defaults), fonts, stated pages."""
    setup = truth.get("page_setup") or {}
    sections = setup.get("sections") or []
    if sections:
        result.setup_ok = len(sections) == len(document.page_setups) and all(
            setup_matches(ours, theirs)
            for ours, theirs in zip(document.page_setups, sections, strict=True)
        )
    typo = document.default_typography
    if typo is not None and "normal_font" in setup:
        result.normal_ok = (typo.font, typo.size_pt) == (
            setup["normal_font"],
            setup["normal_size_pt"],
        )
    result.stated_ok = document.stated_pages == truth.get("stated_pages")


def pair(value: int | None, truth: int | None) -> str:
    if value is None:
        return "-"
    mark = "" if value == truth else "*"
    return f"{value}/{truth}{mark}"


def print_table(results: list[Result]) -> None:
    header = (
        f"{'file':52} {'ms':>6} {'headings':>10} {'lists':>9} {'bullets':>8} "
        f"{'words':>13} {'err%':>6} {'tables':>7}  status"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        if r.read:
            status = "ok" if not r.expected_error else "READ (truth: unreadable)"
        else:
            status = r.error + ("" if r.expected_error else "  UNEXPECTED")
        error = r.words_error
        print(
            f"{r.file_id:52} {r.ms:6.1f} "
            f"{f'{r.heading_hits}/{r.headings}/{r.headings_truth}' if r.read else '-':>10} "
            f"{pair(r.lists, r.lists_truth):>9} {pair(r.bullets, r.bullets_truth):>8} "
            f"{pair(r.words, r.words_truth):>13} "
            f"{f'{100 * error:.1f}' if error is not None else '-':>6} "
            f"{pair(r.tables, r.tables_truth):>7}  {status}"
        )


def print_totals(name: str, totals: Totals) -> None:
    precision, recall, f1 = totals.heading_scores()
    lists_same, lists_n = totals.exact_share("lists")
    bullets_same, bullets_n = totals.exact_share("bullets")
    tables_same, tables_n = totals.exact_share("tables")
    median = totals.words_median()
    errors = [r for r in totals.results if not r.read]
    expected = [r for r in errors if r.expected_error]
    missed = [r for r in totals.results if r.read and r.expected_error]
    print(f"\n[{name}] {len(totals.results)} files, {len(errors)} not read")
    print(
        f"  headings  P={precision:.3f} R={recall:.3f} F1={f1:.3f}"
        f"  (target F1 >= {TARGET_HEADING_F1}: {'met' if f1 >= TARGET_HEADING_F1 else 'MISSED'})"
    )
    if lists_n:
        share = lists_same / lists_n
        print(
            f"  lists     exact on {lists_same}/{lists_n} files ({share:.0%})"
            f"  (target >= {TARGET_LISTS_EXACT:.0%}: "
            f"{'met' if share >= TARGET_LISTS_EXACT else 'MISSED'})"
        )
        print(f"  bullets   exact on {bullets_same}/{bullets_n} files (typed bullets)")
        print(f"  tables    exact on {tables_same}/{tables_n} files (top level)")
    for label, attr in (
        ("page setup", "setup_ok"),
        ("Normal font", "normal_ok"),
        ("stated pages", "stated_ok"),
    ):
        checked = [getattr(r, attr) for r in totals.results if getattr(r, attr) is not None]
        if checked:
            print(f"  {label:12} matches on {sum(checked)}/{len(checked)} files")
    if median is not None:
        print(
            f"  words     median relative error {median:.2%}"
            f"  (target <= {TARGET_WORDS_MEDIAN:.0%}: "
            f"{'met' if median <= TARGET_WORDS_MEDIAN else 'MISSED'})"
        )
    print(
        f"  unreadable as expected: {len(expected)}; read although truth says unreadable: "
        f"{len(missed)}; unexpected errors: {len(errors) - len(expected)}"
    )
    for r in errors:
        print(f"    {r.file_id}: {r.error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    truth_path = args.corpus / "truth.json"
    if not truth_path.is_file():
        print(f"no truth.json under {args.corpus}", file=sys.stderr)
        return 2
    truth = json.loads(truth_path.read_text(encoding="utf-8"))["files"]
    results = []
    for file_id in sorted(truth):
        matches = sorted((args.corpus / "files").glob(f"{file_id}.*"))
        if matches:
            results.append(compare(file_id, matches[0], truth[file_id]))
    print_table(results)
    for fmt in ("docx", "md"):
        print_totals(fmt, Totals([r for r in results if r.fmt == fmt]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
