"""The built-in rule packs ship inside the wheel and a non-editable install finds them."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_non_editable_install_finds_the_builtin_rules(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("memolint-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "memolint/_rules/packs/bullets.toml" in names
    assert "memolint/_rules/profiles/six-pager.toml" in names
    assert "memolint/data/syllables.txt" in names  # readability's syllable table
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    code = ("import memolint.packs as p, memolint.registry as r\n"
            "print(p.builtin_root())\nprint(sorted(r.Registry.load().rules))\n")
    # Run from tmp_path with the installed copy first on the path: not the source tree.
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True, text=True,
                         capture_output=True, env={"PYTHONPATH": str(target)})
    root, codes = out.stdout.splitlines()
    assert Path(root) == target / "memolint" / "_rules"
    assert "'B001'" in codes and "'B006'" in codes
