"""How time and memory grow with document length: 1, 6, 60 and 600 pages.

Usage::

    python bench/scale.py [--workdir DIR] [--pages 1 6 60 600] [--select B]

For each length, seeded memos (bench/memogen.py) in Markdown and DOCX are
linted in a fresh process (blank spaCy pipeline, no cache) that reports the
median lint time after imports and a warm-up file, and its peak RSS. Each
repetition lints a memo with another seed: linting the same text again would
find its sentences in memolint's per-text caches, which flatters short memos
(their sentences all fit) over long ones (theirs do not). Growth must be
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
import json, resource, statistics, sys, time
from memolint.config import Settings
from memolint.engine import lint_file
from memolint.registry import Registry
warm, select, paths = sys.argv[1], sys.argv[2] or None, sys.argv[3:]
settings = Settings(nlp_model="blank", select=(select,) if select else None)
registry = Registry.load()
lint_file(warm, settings, registry)
times = []
for path in paths:
    start = time.perf_counter()
    result = lint_file(path, settings, registry)
    times.append(time.perf_counter() - start)
    assert result.error is None, result.error
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": statistics.median(times), "rss_mb": peak,
                  "pages": result.metrics.get("pages"), "findings": len(result.diagnostics)}))
"""


def measure(paths: list[Path], warm: Path, select: str) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(warm), select, *map(str, paths)],
                         capture_output=True, text=True, check=True, cwd=BENCH.parent)
    return json.loads(out.stdout.strip().splitlines()[-1])


def memos(workdir: Path, pages: int, seeds: range) -> tuple[list[Path], list[Path]]:
    """The Markdown and DOCX memos of one length, one per seed (written once)."""
    md = [workdir / f"memo{pages}-{seed}.md" for seed in seeds]
    for seed, path in zip(seeds, md, strict=True):
        if not path.exists():
            path.write_text(memogen.markdown(seed, pages), encoding="utf-8")
        if not path.with_suffix(".docx").exists():
            memogen.write_docx(path.with_suffix(".docx"), seed, pages)
    return md, [path.with_suffix(".docx") for path in md]


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
    print(f"{'pages':>6} {'format':>6} {'est. pages':>10} {'ms':>10} {'ms/page':>8} {'RSS MB':>7}"
          "   (median of 5 memos; 1 for 600 pages)")
    base: dict[str, float] = {}
    for pages in args.pages:
        for paths in memos(args.workdir, pages, range(7, 8 if pages >= 600 else 12)):
            found = measure(paths, warm, args.select)
            ms = found["seconds"] * 1000
            kind = paths[0].suffix[1:]
            if pages == 6:
                base[kind] = ms
            ratio = f"  {ms / base[kind]:.0f}x 6 pages" if pages > 6 and kind in base else ""
            print(f"{pages:>6} {kind:>6} {found['pages'] or 0:>10.1f} {ms:>10.1f} "
                  f"{ms / pages:>8.2f} {found['rss_mb']:>7.0f}{ratio}", flush=True)


if __name__ == "__main__":
    main()
