"""Language detection, the language setting, and rules that declare their languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from memolint.analysis import Analysis
from memolint.config import Settings, load_config_file
from memolint.engine import lint_document, lint_file
from memolint.errors import ConfigError
from memolint.language import detect_language, language_weights
from memolint.packs import builtin_pack_paths, load_pack, load_profile
from memolint.readers.markdown import read_markdown
from memolint.registry import Registry
from memolint.tomlcompat import tomllib
from tests.memos import cli

BLANK = Settings(nlp_model="blank")

#: 36 eojeol in one sentence: R001 would fire if it counted eojeol as English words.
KO_LONG = ("우리는 지난 분기에 세 팀이 각자 다른 도구로 같은 고객의 문의를 처리하면서 중복 응답이 "
           "늘었고 고객이 같은 질문을 여러 번 반복해야 했으며 상담원은 다른 팀의 기록을 볼 수 "
           "없어서 매번 처음부터 다시 확인해야 했기 때문에 평균 응답 시간이 크게 늘어났고 만족도 "
           "점수도 함께 떨어졌다는 사실을 확인했습니다.")
KO_MEMO = f"""# 고객 지원 통합 제안

이 문서는 세 개의 고객 지원 팀이 하나의 티켓 시스템을 함께 쓰도록 승인을 요청합니다.

{KO_LONG}

## 배경

- 응답 시간 단축
- 상담원 교육 비용 절감
"""
#: 34 words, one sentence (R001's limit is 30).
EN_LONG = ("We propose that the three support teams move to one shared ticketing system this "
           "year because customers now repeat the same question to several agents and the "
           "backlog keeps growing every single week of the quarter.")
EN_MEMO = f"# Support proposal\n\n{EN_LONG}\n\nWe will decide by June and report the result.\n"
EN_MORE = ("The shared system costs less than the three tools we pay for today, and the "
           "vendor moves our old tickets at no charge.")
#: An English memo (most letters) with a Korean paragraph and Korean list items.
MIXED_MEMO = f"""# Support proposal

{EN_LONG}

{EN_MORE} We will decide by June and report the result to the leadership team in July.

Each team keeps its own queue today, so agents never see the history of a customer who wrote
to another team first. The new system shows every ticket of a customer in one place.

{KO_LONG}

- 응답 시간 단축
- Faster onboarding
"""


def lint(markdown: str, settings: Settings = BLANK):
    document = read_markdown(markdown.encode(), "memo.md")
    return lint_document(document, settings, Registry.load())


def analysis(markdown: str, language: str = "auto") -> Analysis:
    return Analysis(read_markdown(markdown.encode(), "memo.md"), load_profile("six-pager"),
                    "blank", language=language)


def english_only_codes(registry: Registry) -> set[str]:
    return {c for c, r in registry.rules.items() if r.languages == ("en",)}


# -- detection -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("We will launch the new service in March and report what it costs.", "en"),
    ("이번 분기에 새로운 서비스를 출시하고 비용을 보고하겠습니다.", "ko"),
    ("Wir werden den neuen Dienst im März starten und die Kosten nennen.", "de"),
    ("新しいサービスを三月に開始し、費用を報告します。", "ja"),
    ("我们将在三月推出新服务并报告成本。", "zh"),
    ("Мы запустим новый сервис в марте и сообщим о затратах.", "ru"),  # noqa: RUF001
    ("Nous lancerons le nouveau service en mars et nous publierons les coûts.", "fr"),
])
def test_short_samples_are_detected(text, expected):
    assert detect_language(text) == expected


def test_korean_with_english_terms_stays_korean():
    assert detect_language("이번 분기에 AWS Lambda 기반 API를 출시했습니다.") == "ko"


@pytest.mark.parametrize("text", ["", "Q3 Revenue", "Lower cost per pick", "네", "12 345 %"])
def test_too_little_text_is_undetermined(text):
    assert detect_language(text) == "und"


def test_each_block_has_its_language_and_the_memo_the_largest():
    facts = analysis(MIXED_MEMO)
    blocks = facts.document.blocks
    by_text = {b.text[:12]: facts.block_language(i) for i, b in enumerate(blocks)}
    assert by_text[EN_LONG[:12]] == "en"
    assert by_text[KO_LONG[:12]] == "ko"
    assert by_text["응답 시간 단축"] == "ko"
    assert by_text["Faster onboarding"[:12]] == "en"  # "und" alone: the memo's language
    assert facts.language == "en"
    assert list(facts.language_shares) == ["en", "ko"]
    assert facts.metrics()["language"] == "en"
    assert facts.metrics()["languages"] == facts.language_shares


def test_a_set_language_applies_to_every_block():
    facts = analysis(MIXED_MEMO, language="ko")
    assert facts.language == "ko"
    assert {facts.block_language(i) for i in range(len(facts.document.blocks))} == {"ko"}


# -- the setting: config, front matter, command line -----------------------------

def test_config_key_language_is_read_and_checked(tmp_path):
    config = tmp_path / ".memolint.toml"
    config.write_text('language = "ko"\n', encoding="utf-8")
    assert load_config_file(config).language == "ko"
    config.write_text('language = "Korean"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config_file(config)
    assert str(config) in str(error.value)
    assert "language: 'Korean' is not \"auto\" or a two-letter" in str(error.value)


def test_front_matter_sets_the_language(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text(f"---\nmemolint:\n  language: ko\n---\n{EN_MEMO}", encoding="utf-8")
    result = lint_file(str(memo), Settings(nlp_model="blank", root=tmp_path), Registry.load())
    assert result.metrics["language"] == "ko"
    assert [d.code for d in result.diagnostics if d.code == "X002"] == ["X002"]


def test_command_line_language_overrides_detection(tmp_path):
    memo = tmp_path / "memo.md"
    memo.write_text(KO_MEMO, encoding="utf-8")
    (tmp_path / ".memolint.toml").write_text('[nlp]\nmodel = "blank"\n', encoding="utf-8")
    detected = json.loads(cli("check", "--no-cache", "--format", "json", str(memo)).output)
    forced = json.loads(cli("check", "--no-cache", "--format", "json", "--language", "en",
                            str(memo)).output)
    assert detected["files"][0]["metrics"]["language"] == "ko"
    assert forced["files"][0]["metrics"]["language"] == "en"
    assert "R001" in {d["code"] for d in forced["files"][0]["diagnostics"]}
    assert cli("check", "--language", "kor", str(memo)).exit_code == 2


# -- rules declare languages -----------------------------------------------------

def test_every_builtin_rule_declares_its_languages():
    for path in builtin_pack_paths():
        with open(path, "rb") as handle:
            rules = tomllib.load(handle).get("rules", [])
        missing = [r["code"] for r in rules if "languages" not in r]
        assert missing == [], f"{path.name}: rules without languages: {missing}"


def test_pack_rule_without_languages_runs_on_any(tmp_path):
    source = Path(builtin_pack_paths()[0]).read_text(encoding="utf-8")
    pack = tmp_path / "team.toml"
    pack.write_text(source.replace('languages = ["*"]\n', "").replace('languages = ["en"]\n', ""),
                    encoding="utf-8")
    assert {r.languages for r in load_pack(pack)} == {("*",)}
    bad = tmp_path / "bad.toml"
    bad.write_text(source.replace('languages = ["*"]', 'languages = ["english"]', 1),
                   encoding="utf-8")
    with pytest.raises(ConfigError, match="languages must be"):
        load_pack(bad)


def test_rule_docs_show_languages():
    assert "Languages: en" in cli("rule", "R001").output
    assert "Languages: any" in cli("rule", "B001").output
    listing = json.loads(cli("rules", "--format", "json").output)
    assert {r["code"]: r["languages"] for r in listing}["R003"] == ["en"]


# -- the engine ------------------------------------------------------------------

def test_korean_memo_gets_one_note_and_no_english_finding():
    registry = Registry.load()
    result = lint(KO_MEMO, Settings(nlp_model="blank", select=("ALL",)))
    notes = [d for d in result.diagnostics if d.code == "X002"]
    assert [(d.line, d.column, d.severity) for d in notes] == [(1, 1, "info")]
    skipped = sorted(c for c, r in registry.rules.items()
                     if "en" in r.languages and "ko" not in r.languages)
    message = notes[0].message
    assert message.startswith(f"Language is ko (detected): skipped {len(skipped)} rules")
    assert all(f"{c} {registry.rules[c].name}" in message for c in skipped)
    assert "B001" not in message
    assert not {d.code for d in result.diagnostics} & english_only_codes(registry)


def test_english_rules_fire_on_the_korean_memo_when_told_it_is_english():
    """The test above can fail: these rules do fire on the same text, run as English."""
    result = lint(KO_MEMO, Settings(nlp_model="blank", select=("ALL",), language="en"))
    codes = {d.code for d in result.diagnostics}
    assert "R001" in codes and "X002" not in codes


def test_english_memo_gets_no_note():
    result = lint(EN_MEMO, Settings(nlp_model="blank", select=("ALL",)))
    assert "X002" not in {d.code for d in result.diagnostics}
    assert result.metrics["language"] == "en"


def test_note_survives_select_but_not_ignore():
    selected = lint(KO_MEMO, Settings(nlp_model="blank", select=("R001",)))
    assert [(d.code, d.message.split(":")[1]) for d in selected.diagnostics] == [
        ("X002", " skipped 1 rule not made for it (R001 long-sentence); if that is wrong, set `language` in config or front matter, or pass --language")]  # noqa: E501
    ignored = lint(KO_MEMO, Settings(nlp_model="blank", select=("R001",), ignore=("X002",)))
    assert ignored.diagnostics == []


def test_directive_for_a_skipped_rule_is_not_stale():
    memo = f"<!-- memolint-disable-next-line R001 -->\n{KO_MEMO}"
    result = lint(memo, Settings(nlp_model="blank", select=("R001", "X001")))
    assert [d.code for d in result.diagnostics] == ["X002"]


def test_mixed_memo_runs_english_rules_only_on_english_blocks():
    result = lint(MIXED_MEMO, Settings(nlp_model="blank", select=("R001", "B004")))
    found = [(d.code, d.line, d.column, d.end_line) for d in result.diagnostics]
    # the English long sentence (line 3) and the English fragment item (line 13);
    # nothing on the Korean paragraph (line 10) or the Korean item (line 12)
    assert found == [("R001", 3, 1, 3), ("B004", 13, 3, 13)]


def test_mixed_memo_scores_only_english_sentences():
    facts = analysis(MIXED_MEMO)
    english = facts.sentences_for(("en",))
    assert english and all(facts.block_language(s.block_index) == "en" for s in english)
    assert len(english) < len(facts.sentences)
    assert facts.sentences_for(("*",)) == facts.sentences


def test_korean_memo_with_english_paragraphs_checks_those_paragraphs():
    """Korean holds most letters here, English a third: R001 runs, on English blocks only."""
    memo = f"# 제안\n\n{KO_LONG}\n\n{KO_LONG}\n\n{EN_LONG}\n"
    facts = analysis(memo)
    assert facts.language == "ko" and list(facts.language_shares) == ["ko", "en"]
    result = lint(memo, Settings(nlp_model="blank", select=("R001",)))
    assert [(d.code, d.line, d.column, d.end_line) for d in result.diagnostics] == [
        ("R001", 7, 1, 7)]


def test_language_setting_is_part_of_the_cache_key(tmp_path):
    from memolint.cache import ResultCache

    cache = ResultCache(tmp_path)
    data = KO_MEMO.encode()
    assert cache.key(data, "memo.md", Settings(language="ko")) != cache.key(
        data, "memo.md", Settings())


def test_ascii_text_counts_its_non_space_characters_as_latin_letters():
    # ASCII text takes a shortcut; the count is the one of every other text.
    text = "We\tship the importer\x1cby June,\x0bnot later\r\n than Q3 - with   the team."
    letters = len("".join(text.lower().split()))
    assert language_weights(text) == {"en": letters}
    assert language_weights(text + " caf\u00e9") == {"en": letters + 4}
