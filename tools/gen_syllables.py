"""Generate memolint/data/syllables.txt: CMUdict syllable counts as textstat reads them.

Usage::

    python tools/gen_syllables.py [--check]

memolint's readability scores must equal textstat 0.7.8's (the version
pyproject pins for tests), which counts a word's syllables as the stressed
vowels of its first CMUdict pronunciation and asks Pyphen about words the
dictionary lacks. Loading CMUdict costs about a second per process, so this
script precomputes the counts once from the very dictionary textstat uses
(``textstat.backend.utils.get_cmudict``) and writes them as one line per
word, ``<word> <count>``, sorted by word (code point order, as Python
compares strings), so the same dictionary gives the same bytes. The file is
plain text because memolint never loads all of it: it reads the file, finds
a line start every kilobyte or so and looks a memo's words up in those
chunks by bisection (``memolint.readability``); decompressing it would cost
more than the lookups. Only words textstat can look up are kept: after its
punctuation removal a word holds letters, digits, underscores and
apostrophes, never ``.``, ``-`` or white space.

``--check`` exits 1 when the committed file differs from what would be
generated (run it after upgrading cmudict or textstat).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "memolint" / "data" / "syllables.txt"
#: What survives textstat's ``remove_punctuation`` (apostrophes are kept).
_LOOKUP_WORD = re.compile(r"[\w']+")


def counts() -> dict[str, int]:
    """word → syllables, exactly as textstat 0.7.8's ``count_syllables`` finds them."""
    from textstat.backend.utils import get_cmudict

    dictionary = get_cmudict("en_US")
    return {
        word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        for word, pronunciations in dictionary.items()
        if pronunciations and _LOOKUP_WORD.fullmatch(word)
    }


def render(table: dict[str, int]) -> bytes:
    """The file: ``<word> <count>`` lines sorted by word (deterministic)."""
    return "".join(f"{word} {count}\n" for word, count in sorted(table.items())).encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed file instead of writing it")
    args = parser.parse_args()
    data = render(counts())
    if args.check:
        same = TARGET.is_file() and TARGET.read_bytes() == data
        print(f"{TARGET}: {'up to date' if same else 'OUT OF DATE; run tools/gen_syllables.py'}")
        return 0 if same else 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_bytes(data)
    print(f"wrote {TARGET} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
