"""Heading matches shared by the template kinds: once per memo, never across memos.

S001, S002, S007 and S011 all need each heading's template section; they
share one match per analysis (``heading_specs``). Run together they must
report exactly what each reports alone, and a second memo linted with the
same registry must get its own matches.
"""

from __future__ import annotations

import gc
import weakref

from memolint.analysis import Analysis
from memolint.config import Settings
from memolint.engine import lint_document
from memolint.kinds import RuleContext
from memolint.kinds.structure import heading_specs
from memolint.packs import load_profile
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry

PROSE = "We chose this plan because it cuts the backlog by a third within two quarters."
TEMPLATE_CODES = ("S001", "S002", "S007", "S011")


def _lint(markdown: str, *codes: str):
    doc = read_markdown(markdown.encode(), "memo.md")
    settings = Settings(nlp_model="blank", select=list(codes), profile="op-plan")
    found = lint_document(doc, settings, REGISTRY).diagnostics
    return [(d.code, d.line, d.column, d.end_line) for d in found]


REGISTRY = Registry.load()
# Goals out of order, State of the Business and Lessons Learned missing, Tenets empty.
FIRST = (f"# Introduction\n\n{PROSE}\n\n# Tenets\n\n# Strategic Priorities\n\n{PROSE}\n\n"
         f"# Goals\n\n{PROSE}\n\n# Appendix\n\n{PROSE}\n")
# Everything in order; only Lessons Learned is empty.
SECOND = "".join(f"# {t}\n\n{'' if t == 'Lessons Learned' else PROSE}\n\n" for t in (
    "Introduction", "Goals", "Tenets", "State of the Business", "Lessons Learned",
    "Strategic Priorities", "Appendix"))


def test_template_kinds_together_report_what_each_reports_alone():
    for text in (FIRST, SECOND, FIRST):
        together = _lint(text, *TEMPLATE_CODES)
        alone = sorted(d for code in TEMPLATE_CODES for d in _lint(text, code))
        assert sorted(together) == alone
    assert {d[0] for d in _lint(FIRST, *TEMPLATE_CODES)} == {"S001", "S002", "S007"}
    assert _lint(SECOND, *TEMPLATE_CODES) == [("S007", 17, 3, 17)]


def test_heading_matches_belong_to_one_analysis_and_go_with_it():
    profile = load_profile("op-plan")
    gc.collect()
    analysis = Analysis(read_markdown(FIRST.encode(), "memo.md"), profile, "blank")
    ctx = RuleContext(analysis.document, analysis, None, {})  # type: ignore[arg-type]
    specs = heading_specs(ctx)
    names = {i: profile.sections[s].name for i, s in specs.items() if s is not None}
    assert list(names.values()) == ["Introduction", "Tenets", "Strategic Priorities", "Goals",
                                    "Appendix"]
    assert heading_specs(ctx) is specs
    other = Analysis(read_markdown(SECOND.encode(), "memo.md"), profile, "blank")
    assert heading_specs(RuleContext(other.document, other, None, {})) != specs  # type: ignore[arg-type]
    gone = weakref.ref(analysis)
    del ctx, analysis
    gc.collect()
    assert gone() is None
