"""Check that a speed change left every finding and metric byte-identical.

Usage::

    python bench/findings_check.py save SNAPSHOT [--memos 300] [--model] [PATH ...]
    python bench/findings_check.py compare SNAPSHOT [--memos 300] [--model] [PATH ...]

Lints the fixtures, ``--memos`` seeded six-page memos (bench/memogen.py) and
any extra files or folders given, with the blank pipeline under the default
rules and under ``--select ALL`` (and, with ``--model``, the installed spaCy
model too), and writes or compares the JSON output of every file. Save a
snapshot before an optimisation and compare after it: any difference is
printed (file, configuration, first differing line) and the exit code is 1.
A measurement aid, not a test.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import memogen  # noqa: E402

from memolint.config import Settings  # noqa: E402
from memolint.engine import lint_file  # noqa: E402
from memolint.readers import SUPPORTED_SUFFIXES  # noqa: E402
from memolint.registry import Registry  # noqa: E402


def inputs(memos: int, extra: list[Path]) -> tuple[list[Path], set[Path]]:
    """Fixtures, generated memos and extra paths in a stable order; the generated ones."""
    found = sorted(p for p in (BENCH.parent / "fixtures").iterdir()
                   if p.suffix in SUPPORTED_SUFFIXES)
    folder = Path(tempfile.gettempdir()) / "memolint-findings-check"
    generated = memogen.write_set(folder, memos)
    found += generated
    for path in extra:
        found += sorted(p for p in path.rglob("*") if p.suffix in SUPPORTED_SUFFIXES) \
            if path.is_dir() else [path]
    return found, set(generated)


def _shown(path: Path) -> str:
    """Files of this checkout by relative name, so two checkouts compare."""
    try:
        return str(path.resolve().relative_to(BENCH.parent.resolve()))
    except ValueError:
        return str(path)


def snapshot(paths: list[Path], generated: int, model: bool) -> dict[str, str]:
    """``"config path"`` → the file's JSON result, for every configuration.

    The model (~0.5 s a memo) reads only the fixtures and extra paths, not
    the ``generated`` memos.
    """
    registry = Registry.load()
    configs = {"default": Settings(nlp_model="blank"),
               "all": Settings(nlp_model="blank", select=("ALL",))}
    if model:
        configs["model"] = Settings(nlp_model="auto", select=("ALL",))
    out = {}
    for name, settings in configs.items():
        for path in paths if name != "model" else [p for p in paths if p not in generated]:
            shown = _shown(path)
            result = lint_file(str(path), settings, registry, display=shown).to_json()
            out[f"{name} {shown}"] = json.dumps(result, indent=1, sort_keys=True)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("save", "compare"))
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--memos", type=int, default=300)
    parser.add_argument("--model", action="store_true")
    args = parser.parse_intermixed_args()
    paths, generated = inputs(args.memos, args.paths)
    current = snapshot(paths, generated, args.model)
    if args.mode == "save":
        args.snapshot.write_text(json.dumps(current), encoding="utf-8")
        print(f"saved {len(current)} results to {args.snapshot}")
        return 0
    saved = json.loads(args.snapshot.read_text(encoding="utf-8"))
    differing = [k for k in sorted(current) if saved.get(k) != current[k]]
    for key in differing:
        print(f"DIFFERS: {key}")
        diff = difflib.unified_diff(saved.get(key, "").splitlines(),
                                    current.get(key, "").splitlines(), lineterm="", n=1)
        print("\n".join(list(diff)[2:14]))
    print(f"{len(current) - len(differing)} of {len(current)} results identical")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
