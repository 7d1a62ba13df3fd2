"""How time and memory grow with document length: 1, 6, 60 and 600 pages.

Usage::

    python bench/scale.py [--workdir DIR] [--pages 1 6 60 600] [--select B]

For each length, a seeded memo (bench/memogen.py) in Markdown and DOCX is
linted in a fresh process (blank spaCy pipeline, no cache) that reports its
lint time after imports and a warm-up file, and its peak RSS. Growth must be
linear: ms per page roughly flat, and 600 pages within 100x the time of 6.
This is a measurement script, not a test: it prints numbers and exits 0.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import memogen  # noqa: E402

#: Runs in a child process so each size gets its own peak RSS.
CHILD = """
import json, resource, sys, time
from memolint.config import Settings
from memolint.engine import lint_file
from memolint.registry import Registry
path, warm, select = sys.argv[1], sys.argv[2], sys.argv[3] or None
settings = Settings(nlp_model="blank", select=(select,) if select else None)
registry = Registry.load()
lint_file(warm, settings, registry)
best = float("inf")
for _ in range(int(sys.argv[4])):
    start = time.perf_counter()
    result = lint_file(path, settings, registry)
    best = min(best, time.perf_counter() - start)
assert result.error is None, result.error
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": best, "rss_mb": peak,
                  "pages": result.metrics.get("pages"), "findings": len(result.diagnostics)}))
"""


def measure(path: Path, warm: Path, select: str, repeat: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), str(warm), select, str(repeat)],
                         capture_output=True, text=True, check=True, cwd=BENCH.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "memolint-bench" / "scale")
    parser.add_argument("--pages", type=int, nargs="+", default=[1, 6, 60, 600])
    parser.add_argument("--select", default="", help="e.g. B; default: the full default rules")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    warm = args.workdir / "warm.md"
    warm.write_text(memogen.markdown(99, 1), encoding="utf-8")
    print(f"rules: {'--select ' + args.select if args.select else 'full default set'}")
    print(f"{'pages':>6} {'format':>6} {'est. pages':>10} {'ms':>10} {'ms/page':>8} {'RSS MB':>7}")
    base: dict[str, float] = {}
    for pages in args.pages:
        md = args.workdir / f"memo{pages}.md"
        if not md.exists():
            md.write_text(memogen.markdown(7, pages), encoding="utf-8")
        docx = md.with_suffix(".docx")
        if not docx.exists():
            memogen.write_docx(docx, 7, pages)
        for path in (md, docx):
            found = measure(path, warm, args.select, 1 if pages >= 600 else 3)
            ms = found["seconds"] * 1000
            kind = path.suffix[1:]
            if pages == 6:
                base[kind] = ms
            ratio = f"  {ms / base[kind]:.0f}x 6 pages" if pages > 6 and kind in base else ""
            print(f"{pages:>6} {kind:>6} {found['pages'] or 0:>10.1f} {ms:>10.1f} "
                  f"{ms / pages:>8.2f} {found['rss_mb']:>7.0f}{ratio}", flush=True)


if __name__ == "__main__":
    main()
