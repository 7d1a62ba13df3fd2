"""Korean prose unlike the fixtures: gold sentences and eojeol, report headings, English-only
measures kept off Korean text, Korean FAQ cues.

Every text here is original, written for these tests in the styles Korean memos use:
report style with nominal endings (``~함.``, ``~임.``, ``~됨``) with and without a final
period, 합니다체 and 해요체, quotes, dates and amounts written with points and commas,
English names inside Korean, ellipses, questions and line-broken paragraphs. The gold
sentences and eojeol counts were made by hand: an eojeol is a white-space separated unit
holding a letter or digit (a lone ``○`` or ``→`` is none).
"""

from __future__ import annotations

import json

import pytest

from memolint.analysis import Analysis
from memolint.config import Settings
from memolint.engine import lint_document
from memolint.ko import eojeol_count, sentence_spans
from memolint.packs import load_profile
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry
from memolint.report.html_memo import paragraph_grades
from memolint.sections import match_template, normalize_heading
from memolint.stats import report_card

#: (text, [(gold sentence, gold eojeol count), ...]): one block each.
GOLD = [
    # report style, nominal endings with periods
    ("고객 문의가 전년 대비 12% 증가함. 상담 인력은 동결됨. 개선이 시급함.",
     [("고객 문의가 전년 대비 12% 증가함.", 6), ("상담 인력은 동결됨.", 3),
      ("개선이 시급함.", 2)]),
    # 합니다체, a date written with points, amounts with commas and decimals
    ("신규 시스템은 2026. 3. 15. 가동합니다. 구축 비용은 1,000억 원이며 연간 3.5%의 "
     "운영비가 듭니다.",
     [("신규 시스템은 2026. 3. 15. 가동합니다.", 6),
      ("구축 비용은 1,000억 원이며 연간 3.5%의 운영비가 듭니다.", 8)]),
    # 해요체, a question and an exclamation
    ("이번 달에는 어렵겠어요. 다음 달은 어때요? 좋아요! 그럼 그렇게 해요.",
     [("이번 달에는 어렵겠어요.", 3), ("다음 달은 어때요?", 3), ("좋아요!", 1),
      ("그럼 그렇게 해요.", 3)]),
    # quotes: a quoted sentence inside a sentence, a title, a quoted sentence on its own,
    # a thought followed by the quotative verb
    ("팀장은 「올해 안에 끝낸다.」고 말했다. 보고서 『2025 고객 경험 백서』를 참고했다. "
     "“고객은 기다리지 않는다.” 그것이 우리의 원칙이다. 그는 \u2018정말 될까…\u2019 하고 생각했다.",
     [("팀장은 「올해 안에 끝낸다.」고 말했다.", 5),
      ("보고서 『2025 고객 경험 백서』를 참고했다.", 6),
      ("“고객은 기다리지 않는다.”", 3), ("그것이 우리의 원칙이다.", 3),
      ("그는 \u2018정말 될까…\u2019 하고 생각했다.", 5)]),
    # English names and acronyms, parentheses holding Latin text
    ("AWS Lambda와 Amazon S3로 API를 옮겼습니다. 응답 시간(p99)은 120ms에서 80ms로 "
     "줄었습니다. 자세한 내용은 부록 A(월별 지표)를 보십시오.",
     [("AWS Lambda와 Amazon S3로 API를 옮겼습니다.", 6),
      ("응답 시간(p99)은 120ms에서 80ms로 줄었습니다.", 5),
      ("자세한 내용은 부록 A(월별 지표)를 보십시오.", 6)]),
    # ellipses: after a final ending they end the sentence, after a particle they trail off
    ("매출은 늘었다… 그런데 이익은… 글쎄, 줄었다. 다음 분기를 보자...",
     [("매출은 늘었다…", 2), ("그런데 이익은… 글쎄, 줄었다.", 4), ("다음 분기를 보자...", 3)]),
    # questions answered in the next sentence
    ("왜 지금 바꾸는가? 고객 이탈이 석 달째 늘고 있기 때문이다. 무엇을 바꾸는가? "
     "상담 도구를 하나로 합친다.",
     [("왜 지금 바꾸는가?", 3), ("고객 이탈이 석 달째 늘고 있기 때문이다.", 7),
      ("무엇을 바꾸는가?", 2), ("상담 도구를 하나로 합친다.", 4)]),
    # the last sentence of a paragraph needs no period
    ("우리는 상담 도구를 통합한다. 첫 단계는 채팅 기록을 옮기는 것이다",
     [("우리는 상담 도구를 통합한다.", 4), ("첫 단계는 채팅 기록을 옮기는 것이다", 6)]),
    # a period typed without the space after it
    ("비용은 줄었다.하지만 품질은 그대로다.",
     [("비용은 줄었다.", 2), ("하지만 품질은 그대로다.", 3)]),
    # a Roman numeral label at the start, an abbreviation in parentheses
    ("Ⅱ. 현황은 다음과 같다. 미국(U.S.) 시장은 제외한다. 국내만 본다.",
     [("Ⅱ. 현황은 다음과 같다.", 4), ("미국(U.S.) 시장은 제외한다.", 3), ("국내만 본다.", 2)]),
    # a table-like line with no sentence end at all
    ("매출 1,200억 원 달성 (전년 대비 8.3% 증가) → 목표 초과",
     [("매출 1,200억 원 달성 (전년 대비 8.3% 증가) → 목표 초과", 10)]),
]


@pytest.mark.parametrize(("text", "gold"), GOLD, ids=[g[1][0][0][:12] for g in GOLD])
def test_sentences_and_eojeol_match_the_gold_segmentation(text, gold):
    found = [text[a:b] for a, b in sentence_spans(text)]
    assert found == [sentence for sentence, _ in gold]
    assert [eojeol_count(s) for s in found] == [count for _, count in gold]


def analysed(markdown: str, **settings) -> Analysis:
    doc = read_markdown(markdown.encode(), "memo.md")
    return Analysis(doc, load_profile(settings.pop("profile", "six-pager")), nlp_model="blank",
                    **settings)


#: Markdown paragraphs typed over several lines (one block each), with gold sentences.
LINE_BROKEN = [
    # report style: one clause per line under a marker, no periods
    ("□ 추진 배경\n○ 고객 문의가 매년 20% 증가함\n○ 상담 인력은 2년째 동결됨\n",
     [("□ 추진 배경", 2), ("○ 고객 문의가 매년 20% 증가함", 5), ("○ 상담 인력은 2년째 동결됨", 4)]),
    # nominal endings at the line ends, no markers
    ("신규 도구 도입 검토 중임\n예산은 1,000억 원 규모임\n결정은 3월 중 예정\n",
     [("신규 도구 도입 검토 중임", 5), ("예산은 1,000억 원 규모임", 4), ("결정은 3월 중 예정", 4)]),
    # hard-wrapped prose: a line may end inside a sentence, even at "다음"
    ("우리는 상담 도구를 하나로\n통합하고 교육 기간을 6주로 줄인다. 다음\n분기부터 적용한다.\n",
     [("우리는 상담 도구를 하나로 통합하고 교육 기간을 6주로 줄인다.", 9),
      ("다음 분기부터 적용한다.", 3)]),
    # typed list labels at the line starts
    ("가. 채팅 기록을 옮긴다\n나. 전화 기록을 옮긴다\n",
     [("가. 채팅 기록을 옮긴다", 4), ("나. 전화 기록을 옮긴다", 4)]),
]


@pytest.mark.parametrize(("markdown", "gold"), LINE_BROKEN,
                         ids=[g[1][0][0][:8] for g in LINE_BROKEN])
def test_line_broken_paragraphs_end_sentences_only_where_korean_report_style_does(markdown, gold):
    analysis = analysed(markdown)
    assert len(analysis.document.blocks) == 1
    assert [(s.text, s.words) for s in analysis.sentences] == gold


def test_list_items_without_periods_are_one_sentence_each():
    analysis = analysed("- 채팅 기록 이관 완료\n- 전화 기록 이관은 4월 예정임\n")
    assert [(s.block_index, s.text, s.words) for s in analysis.sentences] == [
        (0, "채팅 기록 이관 완료", 4), (1, "전화 기록 이관은 4월 예정임", 5)]


def test_sentence_positions_point_into_the_source_lines():
    markdown = "신규 도구 도입 검토 중임\n예산은 1,000억 원 규모임\n"
    analysis = analysed(markdown)
    block = analysis.document.blocks[0]
    starts = [block.source.position(s.start) for s in analysis.sentences]
    assert [(p.line, p.column) for p in starts] == [(1, 1), (2, 1)]


# -- section detection with Korean report headings -----------------------------------

@pytest.mark.parametrize(("heading", "normalized"), [
    ("1. 배경 및 목적", "배경 및 목적"), ("Ⅱ. 현황 분석", "현황 분석"),
    ("□ 추진 배경", "추진 배경"),
    ("가. 목표", "목표"), ("【부록】", "부록"), ("[첨부]", "첨부"), ("□ 1. 추진 배경", "추진 배경"),
    ("【붙임1】 세부 일정", "붙임 1 세부 일정"), ("① 목표", "목표"), ("(가) 목표", "목표"),
    ("<참고 2> 해외 사례", "참고 2 해외 사례"), ("※ 참고자료", "참고자료"), ("제3장 현황", "현황"),
    ("2026년 계획", "2026년 계획"), ("2. Goals:", "goals"),
])
def test_korean_report_markers_brackets_and_labels_are_stripped(heading, normalized):
    assert normalize_heading(heading) == normalized


@pytest.mark.parametrize("heading", ["【부록】", "[첨부]", "붙임", "붙임 1. 세부 일정", "별첨",
                                     "별첨2 비용 내역", "참고", "참고자료", "※ 참고 자료"])
@pytest.mark.parametrize("profile", ["six-pager", "op-plan", "prfaq", "one-pager"])
def test_korean_attachment_headings_are_the_appendix_in_every_profile(heading, profile):
    template = load_profile(profile).sections
    index = match_template(heading, template)
    assert index is not None and template[index].role == "appendix", heading


KOREAN_REPORT = """# 상담 도구 통합 운영 계획

## 1. 배경 및 목적

{prose}

## □ 목표

{prose}

## 가. 운영 원칙

{prose}

## Ⅱ. 현황 분석

{prose}

## 3) 교훈

{prose}

## ① 전략적 우선순위

{prose}
{tail}"""
PROSE = ("이 문서는 세 개로 나뉜 상담 도구를 하나로 합치는 계획의 승인을 요청합니다. 고객이 같은 "
         "설명을 두 번 하지 않도록 채팅과 전화 기록을 한 화면에 모읍니다. 첫 응답 시간은 지금의 "
         "90초에서 40초로 줄어듭니다.")


def lint(markdown: str, *codes: str, **settings):
    doc = read_markdown(markdown.encode(), "memo.md")
    result = lint_document(doc, Settings(nlp_model="blank", select=codes, **settings),
                           Registry.load())
    return [(d.code, d.line, d.column, d.end_line) for d in result.diagnostics
            if d.code != "X002"]


def test_an_op_plan_with_korean_report_headings_has_every_section_in_order():
    memo = KOREAN_REPORT.format(prose=PROSE, tail="\n## 【붙임】 월별 지표\n\n| 월 | 문의 |\n"
                                                  "| --- | --- |\n| 1월 | 118,200 |\n")
    assert lint(memo, "S001", "S002", "S004", profile="op-plan") == []
    analysis = analysed(memo, profile="op-plan")
    assert analysis.roles[-1] == "appendix"


def test_korean_body_after_the_attachment_is_reported_at_its_heading():
    memo = KOREAN_REPORT.format(prose=PROSE, tail=f"\n## [별첨] 비용 내역\n\n{PROSE}\n\n"
                                                  f"## 맺음말\n\n{PROSE}\n")
    line = memo.splitlines().index("## 맺음말") + 1
    assert lint(memo, "S004", profile="op-plan") == [("S004", line, 4, line)]


def test_missing_korean_section_points_where_it_belongs():
    memo = KOREAN_REPORT.format(prose=PROSE, tail="").replace("## 3) 교훈", "## 3) 기타")
    line = memo.splitlines().index("## ① 전략적 우선순위") + 1
    assert lint(memo, "S001", profile="op-plan") == [("S001", line, 4, line)]


def s001_message(memo: str) -> str:
    doc = read_markdown(memo.encode(), "memo.md")
    result = lint_document(doc, Settings(nlp_model="blank", select=("S001",), profile="op-plan"),
                           Registry.load())
    return next(d.message for d in result.diagnostics if d.code == "S001")


def test_missing_section_message_lists_the_aliases_of_the_memos_script():
    korean = s001_message(KOREAN_REPORT.format(prose=PROSE, tail="").replace("3) 교훈", "3) 기타"))
    assert "'Lessons Learned', '교훈', '배운 점', '회고'," in korean
    assert "'Lessons'" not in korean
    english = s001_message("# Plan\n\n## Introduction\n\nThis memo asks for approval of the "
                           "plan and explains why we need it now.\n")
    assert "'Goals', 'Objectives'" in english and "목표" not in english


# -- English-only measures stay off Korean text ---------------------------------------

MIXED = (f"# 계획\n\n## 배경\n\n{PROSE}\n\n## Risks\n\nThe vendor may slip its delivery by "
         "four weeks. We keep a second supplier ready so that the launch date holds.\n")


def test_stats_score_readability_and_passive_over_english_sentences_only():
    card = report_card(analysed(MIXED))
    sections = {s["title"]: s for s in card["sections"]}
    assert sections["배경"]["flesch_kincaid_grade"] is None
    assert sections["배경"]["sentences"] == 3
    assert sections["Risks"]["flesch_kincaid_grade"] is not None
    korean = report_card(analysed(f"# 계획\n\n{PROSE}\n"))
    assert korean["readability"] == {"flesch_reading_ease": None, "flesch_kincaid_grade": None}
    assert korean["passive_sentence_share"] is None
    assert json.dumps(korean, ensure_ascii=False)  # the card stays serialisable


def test_html_grade_heat_marks_english_paragraphs_only():
    analysis = analysed(MIXED)
    kinds = {i: b.text[:2] for i, b in enumerate(analysis.document.blocks)
             if b.kind == "paragraph"}
    grades = paragraph_grades(analysis)
    assert set(grades) == {i for i, start in kinds.items() if start == "Th"}


# -- Korean FAQ cues ------------------------------------------------------------------

FAQ = """# 동네 보관함 PR/FAQ

## 보도자료

한빛택배는 오늘 아파트 단지 안에서 택배를 찾는 동네 보관함을 출시합니다.

## {first}

### 보관함은 어디에 있습니까?

단지 정문 옆에 있습니다.

## {second}

### 보관함 한 대의 비용은 얼마입니까?

한 대에 1,150만 원입니다.
"""


def test_customer_faq_after_the_internal_faq_fires_on_korean_headings():
    memo = FAQ.format(first="내부 FAQ", second="고객 FAQ")
    line = memo.splitlines().index("## 고객 FAQ") + 1
    assert lint(memo, "S202", profile="prfaq") == [("S202", line, 4, line)]
    assert lint(FAQ.format(first="고객 FAQ", second="사내 FAQ"), "S202", profile="prfaq") == []


def test_hard_question_topics_read_korean_cues():
    memo = FAQ.format(first="고객 FAQ", second="내부 FAQ")
    line = memo.splitlines().index("## 내부 FAQ") + 1
    doc = read_markdown(memo.encode(), "memo.md")
    settings = Settings(nlp_model="blank", select=("S204",), profile="prfaq", language="en")
    result = lint_document(doc, settings, Registry.load())
    [finding] = result.diagnostics
    assert finding.line == line
    assert "cost" not in finding.message  # 비용은 touches cost
    assert "risk, alternatives or competition, launch scope" in finding.message
