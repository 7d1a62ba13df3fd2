"""How fast memolint is, side by side with proselint on the same files.

Usage::

    python bench/speed.py [--workdir DIR] [--files 100] [--many 1000] [--no-proselint]

Generates seeded six-page memos (Markdown and DOCX, bench/memogen.py) and
prints: the light commands; the spaCy floor (``import spacy; spacy.blank``)
and cold ``memolint check memo.md`` above it; warm per-file time in one
process for the full default rules and for ``--select B``; throughput for
100 and 1,000 files with ``--jobs 1`` and ``--jobs auto`` (CPU use > 100 %
means both cores worked); a cached re-run; peak memory (max RSS of the
largest process, as ``/usr/bin/time -v`` shows it). proselint is installed
from PyPI into a throwaway venv under the workdir (``pip install proselint``)
and timed on the same Markdown files in the same run, so the ratios hold on
a noisy machine even when absolute times do not. Warm times are also printed
scaled to the speed of the machine issue 8 set its targets on, by proselint's
time per file over the same 100 memos timed right after them (101 ms there),
in ``--repeat`` rounds (the medians are printed: the host's speed drifts).
memolint runs with the blank spaCy pipeline (``[nlp] model = "blank"``), as in
the targets.

This is a measurement script, not a test: it prints numbers and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import memogen  # noqa: E402

PYTHON = sys.executable
MEMOLINT = [PYTHON, "-m", "memolint"]
CONFIG = '[nlp]\nmodel = "blank"\n'
FLOOR_COMMAND = [PYTHON, "-c", "import spacy; spacy.blank('en')"]
#: proselint's time per file over 100 memos in one call on the machine issue 8
#: set its targets on (the issue's peer table). The host is shared and its
#: speed swings 2x with other tenants' load; proselint is CPU-bound Python as
#: memolint's warm lint is, so warm times are also printed scaled by it:
#: wall x 101 ms / proselint's per-file time timed next to them in this run.
PROSELINT_REFERENCE_MS = 101.0


def timed(command: list[str], cwd: Path, repeat: int = 1) -> tuple[float, float, float]:
    """(median wall s, CPU s of the last run, peak RSS MB of the largest process)."""
    walls = []
    cpu = peak = 0.0
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(process.pid, 0)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        peak = usage.ru_maxrss / 1024
    return statistics.median(walls), cpu, peak


def proselint_command(workdir: Path, skip: bool) -> list[str] | None:
    """proselint from PyPI in a throwaway venv (created once under the workdir)."""
    if skip:
        return None
    venv = workdir / "proselint-venv"
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        print("installing proselint from PyPI into", venv, flush=True)
        subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True)
        done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"],
                              check=False)
        if done.returncode:
            print("  could not install proselint; skipping it")
            return None
    help_text = subprocess.run([str(exe), "--help"], capture_output=True, text=True).stdout
    return [str(exe), "check"] if " check" in help_text else [str(exe)]


#: Warm per-file time, measured in a child so this process stays small: a
#: child's peak RSS on Linux starts from its parent's size at fork.
WARM = """
import json, sys, time
from memolint.config import Settings
from memolint.engine import lint_file
from memolint.registry import Registry
select = tuple(sys.argv[1].split(",")) if sys.argv[1] else None
settings, registry = Settings(nlp_model="blank", select=select), Registry.load()
paths = sys.argv[2:]
lint_file(paths[0], settings, registry)
timings = []
for path in paths[1:]:
    start = time.perf_counter()
    result = lint_file(path, settings, registry)
    timings.append((time.perf_counter() - start, result.metrics.get("words", 0)))
print(json.dumps(timings))
"""


def warm_timings(paths: list[Path], select: str = "") -> list[tuple[float, int]]:
    """(seconds, words) of each file but the first, linted in one process after it."""
    out = subprocess.run([PYTHON, "-c", WARM, select, *map(str, paths)], capture_output=True,
                         text=True, check=True, cwd=BENCH.parent)
    return [tuple(item) for item in json.loads(out.stdout.strip().splitlines()[-1])]


def warm_per_file(paths: list[Path], select: str) -> float:
    """Median seconds per file, linted in one process after one warm-up file."""
    return statistics.median(seconds for seconds, _ in warm_timings(paths, select))


def proselint_per_file(proselint: list[str] | None, paths: list[Path], work: Path
                       ) -> float | None:
    """proselint's seconds per file over these memos in one call, as issue 8's peer
    table timed it: the host's speed right now, for scaling the warm rows."""
    if not proselint:
        return None
    return timed([*proselint, *map(str, paths)], work)[0] / len(paths)


def warm_real(folders: list[Path], memo_words: int) -> None:
    """Warm time on real documents: generated memos repeat their phrasing, so
    per-text caches (sentence clusters, word widths) hit more often than on prose
    written by people. Printed per file and scaled to the generated memo's words."""
    for suffix in (".md", ".docx"):
        paths = sorted(p for folder in folders for p in folder.rglob(f"*{suffix}"))
        if len(paths) < 2:
            continue
        timings = warm_timings(paths)
        per_thousand = statistics.median(s / w * 1000 for s, w in timings if w)
        row(f"{len(paths) - 1} real {suffix} files, median per file",
            statistics.median(s for s, _ in timings),
            f"median {statistics.median(w for _, w in timings):.0f} words; "
            f"{per_thousand * 1000:.1f} ms per 1,000 words = "
            f"{per_thousand * memo_words:.1f} ms per {memo_words}-word memo")


def ms(milliseconds: float) -> str:
    """A figure in ms as the rows print it."""
    return f"{milliseconds:.1f} ms"


def row(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<52} {seconds * 1000:9.1f} ms  {extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "memolint-bench")
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--many", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-proselint", action="store_true")
    parser.add_argument("--real", type=Path, nargs="*", default=[], metavar="FOLDER",
                        help="also time warm linting of the .md/.docx files under these "
                             "folders (e.g. ../shared/corpus/files); read only")
    args = parser.parse_args()
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    # Time memolint as installed: with its bytecode compiled (pip writes .pyc files at
    # install). A checkout run with PYTHONDONTWRITEBYTECODE recompiles every module
    # on every start; the cache goes to the workdir, so the source tree stays clean.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    (work / ".memolint.toml").write_text(CONFIG, encoding="utf-8")
    print(f"generating memos in {work} ...", flush=True)
    few = memogen.write_set(work / "few", args.files, docx_too=True)
    memogen.write_set(work / "many", args.many)
    one_md, one_docx = few[0], few[0].with_suffix(".docx")
    words = len(one_md.read_text(encoding="utf-8").split())
    print(f"memo: {words} words of Markdown; {args.files} and {args.many} files; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} (noisy if > 0.5)")
    print('pipeline: blank spaCy English + memolint\'s segmenter ([nlp] model = "blank" in '
          f"{work / '.memolint.toml'}); the installed model, if any, is not used")
    proselint = proselint_command(work, args.no_proselint)
    check = [*MEMOLINT, "check", "-q", "--no-cache"]
    r = args.repeat

    print("\nlight commands (target <= 150 ms, no spaCy import)")
    timed([*MEMOLINT, "rules"], work)  # compiles the bytecode and fills the rule cache
    row("python -c pass (interpreter start)", timed([PYTHON, "-c", "pass"], work, r)[0])
    for command in (["--version"], ["rules"], ["rule", "B001"]):
        row(f"memolint {' '.join(command)}", timed([*MEMOLINT, *command], work, r)[0])

    print("\ncold single file (floor and checks interleaved, median of repeats)")
    cold = {"floor": [], ".md": [], ".docx": []}
    peaks = {}
    for _ in range(r):
        cold["floor"].append(timed(FLOOR_COMMAND, work)[0])
        for path in (one_md, one_docx):
            wall, _, peaks[path.suffix] = timed([*check, str(path)], work)
            cold[path.suffix].append(wall)
    floor = statistics.median(cold["floor"])
    row("floor: python -c 'import spacy; spacy.blank(\"en\")'", floor)
    for suffix in (".md", ".docx"):
        wall = statistics.median(cold[suffix])
        above = statistics.median(c - f for c, f in zip(cold[suffix], cold["floor"],
                                                        strict=True))
        row(f"memolint check {suffix}", wall,
            f"{above:+.3f} s above floor (median of paired runs; target <= +0.4 s), "
            f"{wall / floor:.2f}x, {peaks[suffix]:.0f} MB")
    if proselint:
        wall = timed([*proselint, str(one_md)], work, r)[0]
        row("proselint (cold, one .md)", wall)

    print("\nwarm, per six-page memo in one process (target <= 15 ms, blank pipeline;\n"
          f"  median of {r} rounds, each the four rows then proselint over {len(few)} memos)")
    md_paths = few[:40]
    docx_paths = [p.with_suffix(".docx") for p in few[:40]]
    warm: dict[tuple[str, str], list[float]] = {}
    hosts = []
    for _ in range(r):
        for label, select in (("full default rules", ""), ("--select B", "B")):
            for paths in (md_paths, docx_paths):
                warm.setdefault((label, paths[0].suffix), []).append(
                    warm_per_file(paths, select))
        hosts.append(proselint_per_file(proselint, few, work))
    for (label, suffix), seconds in warm.items():
        scaled = ("" if None in hosts else "= " + ms(statistics.median(
            s / host * PROSELINT_REFERENCE_MS for s, host in zip(seconds, hosts, strict=True)))
                  + " at the issue's machine speed (median of the rounds' ratios)")
        row(f"{label}, {suffix}", statistics.median(seconds), scaled)
    if None not in hosts:
        print(f"  (scaled by proselint: {ms(statistics.median(hosts) * 1000)} per file here, "
              f"{PROSELINT_REFERENCE_MS:.0f} ms in issue 8's peer table)")
    memo_words = round(statistics.median(w for _, w in warm_timings(md_paths[:5])))
    warm_real(args.real, memo_words)

    print("\nthroughput (one call over a folder; CPU % > 100 means more than one core)")
    per_file: dict[str, float] = {}
    for folder, count in (("few", args.files), ("many", args.many)):
        target = work / folder
        for jobs in ("1", "auto"):
            files = "*.md" if folder == "few" else "."
            command = [*check, "--jobs", jobs, *(
                [str(p) for p in sorted(target.glob(files))] if folder == "few" else [str(target)])]
            wall, cpu, peak = timed(command, work)
            per_file[f"{folder}-{jobs}"] = wall / count
            row(f"{count} .md files, --jobs {jobs}", wall,
                f"{wall / count * 1000:.1f} ms/file, CPU {cpu / wall * 100:.0f} %, "
                f"peak {peak:.0f} MB (target <= 250 MB)")
        if proselint:
            paths = [str(p) for p in sorted(target.glob("*.md"))]
            wall, _, peak = timed([*proselint, *paths], work)
            per_file[f"{folder}-proselint"] = wall / count
            row(f"{count} .md files, proselint", wall,
                f"{wall / count * 1000:.1f} ms/file, peak {peak:.0f} MB")

    print("\ncache (target: re-run of 100 unchanged files <= 300 ms)")
    cache_dir = work / "cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    cached = [*MEMOLINT, "check", "-q", "--cache-dir", str(cache_dir), str(work / "few")]
    timed(cached, work)
    wall, _, peak = timed(cached, work, r)
    row(f"{args.files * 2} files (.md + .docx), warm cache", wall, f"peak {peak:.0f} MB")
    cached_md = [*cached[:-1], *map(str, few)]
    row(f"{args.files} .md files, warm cache", timed(cached_md, work, r)[0])

    print(f"\nload average at the end: {os.getloadavg()[0]:.1f}")
    if proselint:
        print("\nratios, memolint / proselint (same run; < 1 means memolint is faster)")
        for folder, count in (("few", args.files), ("many", args.many)):
            base = per_file[f"{folder}-proselint"]
            for jobs in ("1", "auto"):
                ratio = per_file[f"{folder}-{jobs}"] / base
                print(f"  {count} files, --jobs {jobs:<4}  {ratio:6.2f}")


if __name__ == "__main__":
    main()
