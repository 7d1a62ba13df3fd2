"""Korean: sentences, eojeol and characters, word lists, rules, section aliases, fixtures."""

from pathlib import Path

import pytest

from memolint.analysis import Analysis
from memolint.config import Settings
from memolint.engine import lint_document, lint_file
from memolint.ko import character_count, eojeol_count, sentence_spans, term_pattern
from memolint.ko.segment import enclosures
from memolint.packs import load_profile
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry
from memolint.sections import match_template, normalize_heading

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PARTICLES = ("은", "는", "이", "가", "을", "를", "의", "에", "에서", "도")


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


# -- segmentation ------------------------------------------------------------------

def test_sentences_end_at_final_punctuation_with_offsets():
    text = "매출은 3.5% 늘었다. 비용은 줄었습니까? 네!  다음 분기를 봅니다."
    assert sentence_spans(text) == [(0, 13), (14, 24), (25, 27), (29, 40)]
    assert sentences(text) == ["매출은 3.5% 늘었다.", "비용은 줄었습니까?", "네!",
                               "다음 분기를 봅니다."]


def test_a_quoted_sentence_keeps_its_closing_quote_and_a_quote_inside_does_not_split():
    text = '그는 말했다. "이번에는 다르다." 그리고 떠났다. "좋다. 가자." 그가 답했다.'
    assert sentences(text) == ['그는 말했다.', '"이번에는 다르다."', '그리고 떠났다.',
                               '"좋다. 가자."', '그가 답했다.']


def test_a_quote_followed_by_a_particle_stays_in_its_sentence():
    text = "“정말 그럴까?”라고 물었다. 「좋다.」는 답이 왔다."
    assert sentences(text) == ["“정말 그럴까?”라고 물었다.", "「좋다.」는 답이 왔다."]


def test_brackets_hold_their_sentences_until_they_close():
    text = "표를 보라(부록 A. 월별 현황). (이 수치는 잠정치다.) 다음으로 넘어간다."
    assert sentences(text) == ["표를 보라(부록 A. 월별 현황).", "(이 수치는 잠정치다.)",
                               "다음으로 넘어간다."]


def test_dates_decimals_and_labels_do_not_end_sentences():
    text = "1. 출시일은 2026. 3. 15.로 정했다. 성장률은 12.5%다."
    assert sentences(text) == ["1. 출시일은 2026. 3. 15.로 정했다.", "성장률은 12.5%다."]
    assert sentences("가. 배경은 간단하다. 나머지는 부록에 있다.") == [
        "가. 배경은 간단하다.", "나머지는 부록에 있다."]


def test_ellipsis_ends_a_sentence_only_after_a_final_ending():
    text = "그는 물었다… 그게… 사실은 아니다... 끝이다"
    assert sentences(text) == ["그는 물었다…", "그게… 사실은 아니다...", "끝이다"]


def test_latin_abbreviations_and_cjk_full_stops():
    assert sentences("예를 들어 e.g. 사례를 본다. 이것은 vs. 저것이다. 도구는 Jira. 끝.") == [
        "예를 들어 e.g. 사례를 본다.", "이것은 vs. 저것이다.", "도구는 Jira.", "끝."]
    assert sentences("첫째다。둘째다。") == ["첫째다。", "둘째다。"]


def test_an_unmatched_closer_does_not_swallow_the_block():
    assert enclosures("1) 첫째 (둘째) 「셋째」") == [(6, 9), (11, 14)]
    assert sentences("1) 목표를 정한다. 2) 실행한다.") == ["1) 목표를 정한다.", "2) 실행한다."]


def test_eojeol_and_character_counts():
    text = "상담원 58명이 하루 평균 3,900건을 처리합니다 — 채팅·전화 포함."
    assert eojeol_count(text) == 8  # the dash alone is no eojeol
    assert character_count(text) == len(text.replace(" ", ""))
    assert character_count("가 나\t다\n라") == 4


# -- term lists --------------------------------------------------------------------

def matched(terms: list[str], text: str) -> list[str]:
    return [m.group() for m in term_pattern(terms, PARTICLES).finditer(text)]


def test_terms_take_particles_but_never_match_inside_other_words():
    assert matched(["추후", "곧", "일부", "여러"], "추후에는 곧 일부가 여러 팀에서") == [
        "추후에는", "곧", "일부가", "여러"]
    assert matched(["곧", "일부", "여러", "추후"], "곧바로 일부러 여러분 추후보다") == []


def test_predicate_stems_take_endings_and_their_final_consonant():
    assert matched(["것 같-"], "될 것 같습니다 좋을 것 같아요") == ["것 같습니다", "것 같아요"]
    assert matched(["보이-", "생각해-"], "좋아 보입니다 보인다 생각했다") == [
        "보입니다", "보인다", "생각했다"]
    assert matched(["~지도 모르-"], "될지도 모릅니다 지도 모른다") == ["지도 모릅니다"]


# -- rules -------------------------------------------------------------------------

def lint(markdown: str, *codes: str, **settings):
    doc = read_markdown(markdown.encode(), "memo.md")
    result = lint_document(doc, Settings(nlp_model="blank", select=codes, **settings),
                           Registry.load())
    return [(d.code, d.line, d.column, d.end_column, d.severity) for d in result.diagnostics
            if d.code != "X002"]


LEAD = "이 문서는 계획을 설명합니다. "  # 17 characters: the next sentence starts at column 18
LONG = ("세 채널의 기록이 서로 연결되지 않아서 상담원은 고객이 이전에 채팅으로 남긴 내용을 전화 "
        "상담 중에 확인하려면 다른 프로그램을 열고 주문번호로 다시 검색해야 하며 이 과정이 "
        "문의 한 건마다 평균 1분 40초를 차지하고 있습니다.")


def test_long_korean_sentence_fires_at_the_sentence():
    assert character_count(LONG) > 90
    assert lint(LEAD + LONG, "R101") == [("R101", 1, 18, 18 + len(LONG), "warning")]


def test_long_korean_sentence_limit_is_an_option_and_short_ones_pass():
    assert lint(LEAD + "상담원은 세 개의 티켓 시스템을 씁니다.", "R101") == []
    rules = (("ko-long-sentence", (("max_chars", 200),)),)
    assert lint(LEAD + LONG, "R101", rules=rules) == []


def test_korean_weasel_words_warn_without_a_number_and_are_info_with_one():
    sentence = "대부분의 고객이 매우 만족했습니다."
    assert lint(LEAD + sentence, "W101") == [("W101", 1, 18, 18 + len(sentence), "warning")]
    assert lint("대부분의 고객 1,240명이 답했습니다.", "W101")[0][4] == "info"
    assert lint("여러분께 일부러 알립니다.", "W101") == []


def test_korean_hedges_warn_and_belief_is_info():
    sentence = "새 흐름이 이탈률을 줄일 수 있을 것 같습니다."
    assert lint(LEAD + sentence, "W102") == [("W102", 1, 18, 18 + len(sentence), "warning")]
    assert lint("이 방식이 맞다고 생각합니다.", "W102")[0][4] == "info"
    assert lint("새 흐름은 이탈률을 4.1%에서 3.2%로 낮췄습니다.", "W102") == []


def test_korean_vague_time_points_at_the_word_unless_a_number_follows():
    text = LEAD + "나머지 팀은 추후에 옮깁니다."
    column = text.index("추후에") + 1
    assert lint(text, "W103") == [("W103", 1, column, column + 3, "warning")]
    assert lint("향후 3년 동안 비용이 줄어듭니다. 최근 두 달 동안 늘었습니다.", "W103") == []


def test_korean_rules_stay_off_english_prose_and_english_rules_off_korean():
    assert lint("Most customers will switch soon, we think. " * 2, "W101", "W102", "W103") == []
    assert lint(LEAD + "대부분의 고객이 곧 옮길 것 같습니다.", "W001", "W002", "W003") == []


# -- analysis ----------------------------------------------------------------------

def test_korean_blocks_never_reach_spacy():
    doc = read_markdown(f"{LEAD}{LONG}\n".encode(), "memo.md")
    analysis = Analysis(doc, load_profile("six-pager"), nlp_model="no_such_spacy_model")
    found = analysis.sentences  # would raise ConfigError if the pipeline were loaded
    assert [(s.start, s.end, s.words) for s in found] == [
        (0, 16, 4), (17, 17 + len(LONG), eojeol_count(LONG))]


def test_a_mixed_memo_splits_each_block_with_its_own_segmenter():
    text = "We will ship the console in May. It costs $2 million.\n\n" + LEAD + "곧 옮깁니다.\n"
    doc = read_markdown(text.encode(), "memo.md")
    analysis = Analysis(doc, load_profile("six-pager"), nlp_model="blank")
    assert [(s.block_index, s.text, s.words) for s in analysis.sentences] == [
        (0, "We will ship the console in May.", 7), (0, "It costs $2 million.", 4),
        (1, "이 문서는 계획을 설명합니다.", 4), (1, "곧 옮깁니다.", 2)]


# -- sections ----------------------------------------------------------------------

def test_korean_headings_match_aliases_with_numbering_and_particles():
    template = load_profile("op-plan").sections
    names = [s.name for s in template]
    for heading, name in [("\u2160. 개요", "Introduction"), ("가. 목표와 원칙", "Goals"),
                          ("제3장 현황", "State of the Business"), ("4) 교훈", "Lessons Learned"),
                          ("전략적 우선순위", "Strategic Priorities"),
                          ("자주 묻는 질문(FAQ)", "FAQ"), ("부록 A. 월별 지표", "Appendix")]:
        index = match_template(heading, template)
        assert index is not None and names[index] == name, heading
    assert match_template("목적지 안내", template) is None
    assert normalize_heading("\u2161. 목표") == "목표"


def test_press_release_and_faq_aliases_in_the_prfaq_profile():
    template = load_profile("prfaq").sections
    assert template[match_template("보도자료", template)].role == "press_release"
    assert template[match_template("내부 FAQ", template)].role == "faq"


KOREAN_OP_PLAN = """# 운영 계획

## 1. 목적

이 문서는 내년 운영 계획의 승인을 요청합니다.

## 2. 목표

첫 응답 시간을 40초로 줄입니다.

## 3. 원칙

고객이 같은 설명을 두 번 하지 않게 합니다.

## 4. 현황

상담원 58명이 하루 3,900건을 처리합니다.

## 5. 교훈

교육 기간은 6주가 필요합니다.
{appendix_here}
## 6. 전략적 우선순위

상담 도구를 하나로 통합합니다.
{appendix_last}"""
APPENDIX = "\n## 부록\n\n| 월 | 문의 |\n| --- | --- |\n| 1월 | 118,200 |\n"


def test_required_sections_are_quiet_on_korean_headings():
    memo = KOREAN_OP_PLAN.format(appendix_here="", appendix_last=APPENDIX)
    assert lint(memo, "S001", "S002", "S003", profile="op-plan") == []


def test_appendix_out_of_order_fires_at_the_korean_heading():
    memo = KOREAN_OP_PLAN.format(appendix_here=APPENDIX, appendix_last="")
    line = memo.splitlines().index("## 부록") + 1
    assert lint(memo, "S002", profile="op-plan") == [("S002", line, 4, 6, "warning")]


def test_purpose_first_reads_korean_cues():
    assert lint("## 배경\n\n상담원은 세 개의 시스템을 씁니다.\n", "S003") == [
        ("S003", 3, 1, 20, "warning")]
    assert lint("## 배경\n\n이 문서는 시스템 통합의 승인을 요청합니다.\n", "S003") == []


# -- fixtures ----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["ko-six-pager.md", "ko-prfaq.md", "ko-six-pager.docx",
                                  "ko-prfaq.docx"])
def test_korean_fixtures_get_no_english_only_finding_and_say_what_was_skipped(name):
    registry = Registry.load()
    result = lint_file(str(FIXTURES / name), Settings(nlp_model="blank"), registry)
    assert result.error is None
    english_only = [d.code for d in result.diagnostics
                    if "ko" not in registry.get(d.code).languages
                    and "*" not in registry.get(d.code).languages]
    assert english_only == []
    skip = next(d for d in result.diagnostics if d.code == "X002")
    assert (skip.line, skip.severity) == (1, "info")
    assert "R001 long-sentence" in skip.message and "W001 weasel-words" in skip.message
    assert {"R101", "W101", "W102", "W103"} <= {d.code for d in result.diagnostics}


def test_metrics_count_eojeol_as_words_and_characters_without_spaces():
    doc = read_markdown(f"# 계획\n\n{LEAD}{LONG}\n".encode(), "memo.md")
    metrics = Analysis(doc, load_profile("six-pager"), nlp_model="blank").metrics()
    assert metrics["words"] == 1 + eojeol_count(LEAD + LONG)
    assert metrics["characters"] == 2 + character_count(LEAD + LONG)
    assert metrics["sentences"] == 2


def test_hangul_ranges_match_the_same_with_or_without_ignorecase():
    """Why the term patterns keep their Hangul ranges case-sensitive: compiled
    case-insensitively, the range matches exactly the same characters."""
    import re

    from memolint.ko.terms import _HANGUL

    caseless = re.compile("[\uac00-\ud7a3]", re.IGNORECASE)
    scoped, plain = re.compile(_HANGUL, re.IGNORECASE), re.compile("[\uac00-\ud7a3]")
    text = "".join(map(chr, range(0x10000)))  # every character of the BMP
    assert ([m.start() for m in caseless.finditer(text)]
            == [m.start() for m in scoped.finditer(text)]
            == [m.start() for m in plain.finditer(text)]
            == list(range(0xAC00, 0xD7A4)))
