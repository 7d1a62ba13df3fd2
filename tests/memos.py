"""Memos and a CLI runner shared by the integration-facing tests (reports, diff, stats, init)."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from memolint.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROSE = ("We propose one ticketing system for all three support teams because it cuts the "
         "backlog by a third within two quarters and needs no new headcount.")
CLEAN = f"# Proposal\n\n{PROSE}\n\n{PROSE}\n"
#: B003 at 6:5 (nested list) and B004 fragments at 5:3, 6:5, 7:3 (info).
BULLETY = f"# Plan\n\n{PROSE}\n\n- Faster onboarding\n  - EU first\n- Lower cost\n"
#: Blank NLP (fast, deterministic) and only the bullets family, so these tests
#: keep their meaning as other rule families are added.
CONFIG = 'select = ["B"]\n[nlp]\nmodel = "blank"\n'


def write_memos(folder: Path, docx: bool = False) -> Path:
    """Config, ``clean.md`` and ``bullety.md`` (and ``status.docx``) in ``folder``."""
    (folder / ".memolint.toml").write_text(CONFIG, encoding="utf-8")
    (folder / "clean.md").write_text(CLEAN, encoding="utf-8")
    (folder / "bullety.md").write_text(BULLETY, encoding="utf-8")
    if docx:
        shutil.copy2(ROOT / "fixtures" / "bullet-heavy.docx", folder / "status.docx")
    return folder


def cli(*args: str, input: str | None = None) -> Result:
    """Run the memolint CLI in-process."""
    return CliRunner().invoke(main, list(args), input=input)
