"""The syllable table's lookup: the sorted text searched by chunks answers every
word exactly as the full table would, and what it remembers stays bounded."""

import random
import string
from pathlib import Path

import pytest

import memolint
from memolint import readability
from memolint.readability import _Counts, _dictionary, _undictionaried

TEXT = (Path(memolint.__file__).parent / "data" / "syllables.txt").read_text("utf-8")
TABLE = {word: int(count) for word, count in map(str.split, TEXT.splitlines())}


def _absent(words: list[str]) -> list[str]:
    """Strings near the table's words (prefixes, extensions, neighbours) and random ones."""
    rng = random.Random(7)
    near = [w + s for w in words[::11] for s in ("s", "'", "a", "zz", "_")]
    near += [w[:-1] for w in words[::5]] + [w[1:] for w in words[::13]]
    near += ["".join(rng.choice(string.ascii_lowercase + "'_é0") for _ in range(rng.randint(1, 14)))
             for _ in range(20_000)]
    near += ["'", "''", "0", "~", "\x00", "a" * 50, "zzzzzzzzzz", "\u00e9t\u00e9", "\uffff"]
    return [w for w in near if w not in TABLE]


def test_the_table_is_sorted_one_word_a_line_without_white_space_in_words():
    lines = TEXT.splitlines()
    assert TEXT.endswith("\n") and len(lines) == len(TABLE) > 100_000
    assert [line.split(" ")[0] for line in lines] == sorted(TABLE)
    assert all(len(line.split(" ")) == 2 for line in lines)


def test_every_word_of_the_table_is_found_with_its_count():
    counts = _Counts(TEXT)
    assert {word: counts.listed(word) for word in TABLE} == TABLE


def test_words_the_table_lacks_are_not_found():
    counts = _Counts(TEXT)
    absent = _absent(sorted(TABLE))
    assert len(absent) > 30_000
    assert [w for w in absent if counts.listed(w) is not None] == []


@pytest.mark.parametrize("chunk", [1, 5, 17, 64, 10_000])
def test_any_chunk_size_finds_exactly_the_listed_words(monkeypatch, chunk):
    monkeypatch.setattr(readability, "_CHUNK", chunk)
    words = ["'em", "a", "aa", "ab", "abc", "b", "ba", "bb", "c12", "zz"]
    text = "".join(f"{w} {i % 13}\n" for i, w in enumerate(words))
    counts = _Counts(text)
    assert [counts.listed(w) for w in words] == [i % 13 for i in range(len(words))]
    assert [counts.listed(w) for w in ("", "'", "0", "aaa", "abd", "bc", "c1", "c123", "zzz",
                                       "\uffff")] == [None] * 10


def test_looked_up_words_are_remembered_with_the_fallback_for_unlisted_ones():
    counts = _Counts(TEXT)
    assert counts["customer"] == TABLE["customer"]
    assert counts["kubernetes"] == _undictionaried("kubernetes")
    assert dict(counts) == {"customer": TABLE["customer"],
                            "kubernetes": _undictionaried("kubernetes")}


def test_remembered_words_stay_bounded(monkeypatch):
    monkeypatch.setattr(readability, "_MAX_WORDS", 3)
    counts = _Counts(TEXT)
    words = [*sorted(TABLE)[::10_000], "onboarding", "frobnicate"]
    expected = [TABLE[w] if w in TABLE else _undictionaried(w) for w in words]
    assert [counts[w] for w in words] == expected
    assert len(counts) <= 3
    assert [counts[w] for w in words] == expected
    assert len(counts) <= 3


def test_the_process_table_reads_the_shipped_file():
    assert _dictionary().listed("memorandum") == TABLE["memorandum"]


def _pyphen_points(words: list[str]) -> list[int]:
    pyphen = pytest.importorskip("pyphen")
    reference = pyphen.Pyphen(lang="en_US")
    return [len(reference.positions(w)) for w in words]


def test_hyphenation_patterns_in_an_older_cache_shape_are_parsed_again(monkeypatch, tmp_path):
    import json

    from memolint import __version__
    from memolint.readability import _hyphen_points, _hyphenation, _pyphen_dictionary

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = _pyphen_dictionary()
    stat = path.stat()
    stale = tmp_path / "memolint" / f"hyphenation-{__version__}.json"
    stale.parent.mkdir()
    # The shape before values were digit strings, under that shape's key.
    stale.write_text(json.dumps({"key": f"{path}|{stat.st_size}|{stat.st_mtime_ns}",
                                 "value": [{".ach": [2, [2, 0, 4]]}, 4]}), encoding="utf-8")
    words = ["onboarding", "kubernetes", "hyperscaler", "dashboarding", "reprioritization"]
    _hyphenation.cache_clear()
    try:
        assert [_hyphen_points(w) for w in words] == _pyphen_points(words)
        stored = json.loads(stale.read_text(encoding="utf-8"))
        assert stored["key"].startswith("lines|")
        assert all(v.isdigit() for v in stored["value"][0].split("\n")[1::2])
        expected = _pyphen_points(words)
        _hyphenation.cache_clear()  # a new process: the patterns now come from the file
        monkeypatch.setattr("pyphen.HyphDict", None)
        assert [_hyphen_points(w) for w in words] == expected
    finally:
        _hyphenation.cache_clear()
