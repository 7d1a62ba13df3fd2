"""Page-count accuracy of the layout engine against the DEV corpus truth.

Usage::

    python bench/pages.py [--corpus ../shared/corpus] [--exact] [--repeat 5]

For every corpus file with a LibreOffice page count, lays the document out
with :func:`memolint.layout.estimate.layout_document` (Markdown under the
default page model, which is the corpus's reference model) and compares:
the integer page count (``max(1, ceil(pages))``) with ``pages``, and the
fractional count with ``pages_fractional``. Prints a table, then per format
the share of exact integer matches and the median and p90 absolute error,
and the warm layout time per document (median and best of ``--repeat`` runs
after one warm-up, reading excluded), summarised for memo-sized documents
(2-4k words), the group issue 3's speed target is about. Times are the
process's CPU time, which other work on a shared machine inflates far less
than wall-clock time. ``--exact`` also runs exact mode (LibreOffice) for
comparison (wall-clock: the work happens in another process).
A measurement script, not a test: it exits 0 unless the corpus is missing.
Run it with memolint installed (``pip install -e .``).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from memolint.errors import InputError
from memolint.layout.estimate import layout_document
from memolint.layout.model import PageModel
from memolint.readers import read_document

#: The DEV corpus beside the repository (``../shared/corpus``).
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TARGET_MATCH = 0.90
TARGET_MEDIAN = 0.10
TARGET_P90 = 0.35
TARGET_MS = 10.0


@dataclass
class Row:
    """One file's comparison."""

    file_id: str
    fmt: str
    truth: int
    truth_fraction: float
    pages: float
    #: Layout time, median and best of the timed runs, in milliseconds.
    ms: float
    best_ms: float
    words: int

    @property
    def count(self) -> int:
        return max(1, math.ceil(self.pages - 1e-6))

    @property
    def error(self) -> float:
        return abs(self.pages - self.truth_fraction)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def measure(corpus: Path, repeat: int, exact: bool) -> list[Row]:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))["files"]
    model = PageModel(pages="exact" if exact else "layout")
    rows = []
    for file_id, facts in sorted(truth.items()):
        if facts.get("pages") is None:
            continue
        matches = sorted((corpus / "files").glob(f"{file_id}.*"))
        try:
            document = read_document(str(matches[0]))
        except InputError:
            continue
        if exact:
            from memolint.layout.exact import exact_layout

            started = time.perf_counter()
            layout = exact_layout(document, model)
            times = [(time.perf_counter() - started) * 1000]
        else:
            layout = layout_document(document, model)
            times = []
            for _ in range(repeat):
                started = time.process_time()
                layout = layout_document(document, model)
                times.append((time.process_time() - started) * 1000)
        fmt = "md" if document.format == "markdown" else "docx"
        rows.append(Row(file_id, fmt, facts["pages"], facts["pages_fractional"], layout.pages,
                        statistics.median(times), min(times),
                        sum(b.words for b in document.blocks)))
    return rows


def report(rows: list[Row]) -> None:
    print(f"{'file':<52} {'truth':>5} {'ours':>5} {'frac':>7} {'ours':>7} {'err':>6} {'ms':>6}")
    for row in rows:
        flag = "" if row.count == row.truth else "  MISS"
        print(f"{row.file_id:<52} {row.truth:>5} {row.count:>5} {row.truth_fraction:>7.3f} "
              f"{row.pages:>7.3f} {row.pages - row.truth_fraction:>+6.3f} {row.ms:>6.2f}{flag}")
    print()
    for fmt in ("docx", "md"):
        group = [r for r in rows if r.fmt == fmt]
        if not group:
            continue
        matched = sum(r.count == r.truth for r in group) / len(group)
        errors = [r.error for r in group]
        print(f"{fmt:<4}  integer match {matched:6.1%} (target >= {TARGET_MATCH:.0%})  "
              f"median abs error {statistics.median(errors):.3f} (<= {TARGET_MEDIAN})  "
              f"p90 {_percentile(errors, 0.9):.3f} (<= {TARGET_P90})  n={len(group)}")
    memo = [r for r in rows if 2000 <= r.words <= 4000] or rows
    worst = max(memo, key=lambda r: r.ms)
    print(f"layout time (warm; per document the median of its runs): all documents median "
          f"{statistics.median(r.ms for r in rows):.2f} ms")
    print(f"memo-sized (2-4k words, n={len(memo)}): median "
          f"{statistics.median(r.ms for r in memo):.2f} ms (best runs "
          f"{statistics.median(r.best_ms for r in memo):.2f} ms), worst {worst.ms:.2f} ms "
          f"({worst.file_id}); target <= {TARGET_MS:g} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per file")
    parser.add_argument("--exact", action="store_true", help="measure exact mode (LibreOffice)")
    args = parser.parse_args()
    if not (args.corpus / "truth.json").is_file():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    report(measure(args.corpus, args.repeat, args.exact))
    return 0


if __name__ == "__main__":
    sys.exit(main())
