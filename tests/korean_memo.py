"""Seeded Korean memos for page-layout tests and ``bench/pages_korean.py``.

The prose is generated here from small word lists (original text, no corpus),
so a test can make the same document on any machine: headings, paragraphs of
sentences built from noun phrases, particles and predicates, a few bullets,
and the odd English term or number, as Korean business memos have.
"""

from __future__ import annotations

import io
import random

import docx
from docx.oxml.ns import qn
from docx.shared import Pt

_NOUNS = ("고객", "제품", "서비스", "매출", "비용", "일정", "목표", "전략", "팀", "시장", "데이터",
          "품질", "운영", "배송", "재고", "가격", "경쟁사", "계획", "지표", "위험", "투자", "기능",
          "사용자", "플랫폼", "협력사", "예산", "성과", "문제", "개선", "결정")
_MODIFIERS = ("새로운", "핵심", "주요", "전체", "다음 분기의", "지난해의", "장기적인", "작은",
              "구체적인", "측정 가능한", "우리의", "현재의")
_PARTICLES = ("은", "는", "이", "가", "을", "를", "에서", "으로", "와", "의")
_PREDICATES = ("늘어났습니다", "줄어들었습니다", "필요합니다", "검토하고 있습니다",
               "개선해야 합니다", "확인했습니다", "제안합니다", "결정했습니다", "유지하겠습니다",
               "측정합니다", "목표로 합니다", "우선합니다")
_TERMS = ("API", "AWS", "KPI", "Q3", "2024년", "15%", "3.2배", "NPS", "(가칭)", "「신규」")
_HEADINGS = ("목적", "배경", "현황", "목표", "원칙", "전략적 우선순위", "계획", "위험과 대응",
             "교훈", "자주 묻는 질문", "부록")


def sentence(rng: random.Random) -> str:
    """One declarative sentence of six to fourteen eojeol."""
    words = []
    for _ in range(rng.randint(2, 5)):
        if rng.random() < 0.4:
            words.append(rng.choice(_MODIFIERS))
        noun = rng.choice(_TERMS) if rng.random() < 0.08 else rng.choice(_NOUNS)
        words.append(noun + rng.choice(_PARTICLES))
    words.append(rng.choice(_PREDICATES))
    text = " ".join(words)
    return text.replace("습니다", "습니다.", 1) if text.endswith("습니다") else text + "."


def memo(seed: int, sections: int) -> list[tuple[str, str]]:
    """``(kind, text)`` blocks: "heading", "paragraph" or "bullet"."""
    rng = random.Random(seed)
    blocks = [("title", "신규 서비스 출시 계획")]
    for index in range(sections):
        blocks.append(("heading", _HEADINGS[index % len(_HEADINGS)]))
        for _ in range(rng.randint(2, 4)):
            blocks.append(("paragraph", " ".join(sentence(rng) for _ in range(rng.randint(3, 7)))))
        if rng.random() < 0.5:
            blocks += [("bullet", sentence(rng)) for _ in range(rng.randint(2, 4))]
    return blocks


def markdown(blocks: list[tuple[str, str]]) -> str:
    """The memo as Markdown."""
    marks = {"title": "# ", "heading": "## ", "bullet": "- ", "paragraph": ""}
    return "\n\n".join(marks[kind] + text for kind, text in blocks) + "\n"


def docx_bytes(blocks: list[tuple[str, str]], east_asian_font: str,
               language: str = "ko-KR") -> bytes:
    """The memo as DOCX: Calibri 11 pt for Latin, ``east_asian_font`` for Hangul.

    Fonts and language sit in the document defaults (``w:docDefaults``), as
    Korean Word writes them; headings are bold 14 pt (title 18 pt).
    """
    out = docx.Document()
    defaults = out.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = defaults.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    fonts.set(qn("w:ascii"), "Calibri")
    fonts.set(qn("w:hAnsi"), "Calibri")
    fonts.set(qn("w:eastAsia"), east_asian_font)
    rpr.find(qn("w:lang")).set(qn("w:eastAsia"), language)
    normal = out.styles["Normal"].paragraph_format
    normal.space_after, normal.line_spacing = Pt(6), 1.0
    sizes = {"title": 18, "heading": 14}
    for kind, text in blocks:
        paragraph = out.add_paragraph()
        run = paragraph.add_run(("\u2022 " if kind == "bullet" else "") + text)
        if kind in sizes:
            run.font.size, run.font.bold = Pt(sizes[kind]), True
            paragraph.paragraph_format.keep_with_next = True
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
