"""Korean page layout: Hangul metrics, east-Asian font fallback, Korean line breaking."""

from __future__ import annotations

import math

import pytest

from memolint.document import Typography
from memolint.layout import engine, fonts
from memolint.layout.engine import layout_document
from memolint.layout.fonts import face, resolve_east_asian
from memolint.layout.linebreak import Measure, break_units, count_lines
from memolint.layout.model import PageModel
from memolint.readers.docx import read_docx
from memolint.readers.markdown import read_markdown
from tests.korean_memo import docx_bytes, memo

NANUM = face("NanumGothic")


def korean(size: float = 10.0, word_wrap: bool = True) -> Measure:
    return Measure(face("Carlito"), size, asian=NANUM, asian_glyphs=NANUM, word_wrap=word_wrap)


# metrics -------------------------------------------------------------------

def test_hangul_syllables_have_the_fonts_advances():
    # From the fonts' hmtx tables: NanumGothic 940/1000 em, Noto Sans CJK KR 920/1000.
    assert NANUM.advance(ord("가")) == 940
    assert NANUM.advance(ord("힣")) == 940
    assert face("Noto Sans CJK KR").advance(ord("한")) == 920
    assert face("NanumMyeongjo", bold=True).advance(ord("한")) == 973
    assert NANUM.text_width_em("한국") == pytest.approx(1.88)


def test_korean_line_heights_match_libreoffice_measurements():
    # Baseline-to-baseline at 11 pt on LibreOffice 7.4 PDFs of Hangul-only paragraphs.
    assert NANUM.line_height(11) == pytest.approx(12.65)
    assert face("Noto Sans CJK KR").line_height(11) == pytest.approx(15.9)


def test_korean_table_is_not_loaded_for_english_text():
    for cached in (fonts._cjk_table, fonts.face, fonts.resolve_east_asian, engine._new_measure):
        cached.cache_clear()
    layout_document(read_markdown(b"# Plan\n\nPlain English text only.\n", "e.md"), PageModel())
    assert fonts._cjk_table.cache_info().currsize == 0
    layout_document(read_markdown("# 계획\n\n한국어 문장입니다.\n".encode(), "k.md"), PageModel())
    assert fonts._cjk_table.cache_info().currsize == 1


# fallback ------------------------------------------------------------------

def test_korean_font_named_but_missing_is_substituted_by_nanum_gothic():
    choice = resolve_east_asian("Malgun Gothic", korean=True)
    assert (choice.family, choice.glyphs, choice.how) == ("NanumGothic", "NanumGothic",
                                                          "substituted")
    assert "LibreOffice substitutes" in choice.describe()


def test_untagged_text_falls_back_like_libreoffice_without_korean_language():
    # Not tagged Korean: the name becomes DejaVu Sans, Hangul comes from Noto Sans CJK.
    choice = resolve_east_asian("Malgun Gothic", korean=False)
    assert (choice.family, choice.glyphs) == ("DejaVu Sans", "Noto Sans CJK KR")


def test_latin_font_as_east_asian_font_takes_hangul_from_the_fallback():
    choice = resolve_east_asian("Calibri", korean=True)
    assert (choice.family, choice.glyphs) == ("Carlito", "NanumGothic")
    assert resolve_east_asian("나눔고딕", korean=False).how == "metric-compatible"


def test_inspect_lists_the_east_asian_fallback():
    data = docx_bytes([("paragraph", "한국어 문장입니다.")], "Malgun Gothic")
    layout = layout_document(read_docx(data, "k.docx"), PageModel())
    described = [choice.describe() for choice in layout.fonts]
    assert any(d.startswith("Malgun Gothic (east Asian): not available") for d in described)


# measuring mixed scripts ---------------------------------------------------

def test_each_script_is_measured_in_its_own_font():
    measure = korean(size=10.0)
    carlito = face("Carlito")
    assert measure.width("API를") == pytest.approx(
        carlito.text_width_em("API") * 10 + 9.4)
    # A space takes the script of the word before it.
    assert measure.space_after("합니다.") == pytest.approx(2.8)
    assert measure.space_after("API") == pytest.approx(carlito.text_width_em(" ") * 10)


def test_punctuation_brings_the_latin_line_height():
    measure = korean(size=11.0)
    assert measure.line_face("한국어 문장") is NANUM
    assert measure.line_face("한국어 문장입니다.") is face("Carlito")


# line breaking -------------------------------------------------------------

def test_break_units_follow_kinsoku_rules():
    assert break_units("가나다.") == ["가", "나", "다."]
    # No line ends with an opening bracket, none starts with a closing one.
    assert break_units("「신규」를") == ["「신", "규」", "를"]
    assert break_units("(가나)") == ["(가", "나)"]
    assert break_units("API를") == ["API", "를"]


def test_korean_wraps_by_eojeol_and_other_text_by_character():
    text = "가나다 라마바사아자차카"
    width = 6 * 9.4 + 0.05  # six syllables at 10 pt
    # Tagged Korean: "가나다" alone, then the 8-syllable eojeol broken by width.
    assert count_lines(text, korean(word_wrap=True), width, width) == 3
    # Character wrapping: "가나다 라마" / "바사아자차카".
    assert count_lines(text, korean(word_wrap=False), width, width) == 2


def test_a_closing_mark_stays_with_its_syllable():
    width = 3 * 9.4 + 0.05
    # "가나다" fills the line; "라." cannot start with "." so moves whole.
    assert count_lines("가나다라.", korean(word_wrap=False), width, width) == 2
    assert count_lines("가나다", korean(word_wrap=False), width, width) == 1


# page estimate against LibreOffice -----------------------------------------

#: LibreOffice 7.4.7 (Debian 12, fonts-nanum) rendering of ``memo(13, 12)`` as
#: DOCX naming NanumGothic, measured with ``python bench/pages_korean.py``
#: (row "docx NanumGothic s13"): 5 pages, pages - 1 + last page's used share.
TRUTH_S13_PAGES = 4.474


@pytest.mark.parametrize("font", ["NanumGothic", "Malgun Gothic"])
def test_korean_memo_page_estimate_matches_libreoffice(font):
    document = read_docx(docx_bytes(memo(13, 12), font), "k.docx")
    pages = layout_document(document, PageModel()).pages
    assert abs(pages - TRUTH_S13_PAGES) <= 0.1
    assert math.ceil(pages) == 5


def test_page_model_sets_korean_in_malgun_gothic_tagged_korean():
    typo = PageModel().typography(read_markdown("한국어.\n".encode(), "k.md").blocks[0])
    assert (typo.east_asian_font, typo.east_asian_language) == ("Malgun Gothic", "ko-KR")
    assert Typography().east_asian_font is None


def test_east_asian_characters_are_the_ranges_of_the_pattern_everywhere():
    """The range test that replaced a compiled ``[ASIAN]`` class agrees with it on
    every code point, and ``has_asian`` with a search of the pattern."""
    import re

    from memolint.layout.linebreak import ASIAN, _is_asian, has_asian

    pattern = re.compile(f"[{ASIAN}]")
    assert [c for c in map(chr, range(0x110000))
            if (pattern.match(c) is not None) != _is_asian(c)] == []
    for text in ("plain ASCII", "caf\u00e9 \u2014 na\u00efve", "\ud55c\uae00", "x\u3002",
                 "\uff21 full width", "\u10ff\u11ff", "\U0001f600"):
        assert has_asian(text) == (pattern.search(text) is not None)
