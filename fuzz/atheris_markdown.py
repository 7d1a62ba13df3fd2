"""Coverage-guided fuzzing of the readers with atheris (optional, for long runs).

Usage::

    pip install atheris
    python fuzz/atheris_markdown.py -max_total_time=3600 [corpus_dir]
    python fuzz/atheris_markdown.py --docx -max_total_time=3600 [corpus_dir]

Any bytes must read into a Document or raise InputError naming the file;
anything else (an exception, a hang caught by ``-timeout``, a memory blow-up
caught by ``-rss_limit_mb``) is a bug and atheris keeps the input that caused
it. Seed the corpus with fixtures/*.md (or *.docx) for a head start.
The pytest suite runs a short hypothesis version of the same property
(tests/test_fuzz.py); this harness is not part of the test suite.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports():
    from memolint.errors import InputError
    from memolint.readers import read_document

NAME = "fuzz.docx" if "--docx" in sys.argv else "fuzz.md"


def one_input(data: bytes) -> None:
    """Read the bytes; only InputError with the file's name is an allowed failure."""
    try:
        read_document(NAME, data)
    except InputError as error:
        if not error.message.startswith(f"{NAME}: "):
            raise AssertionError(f"error does not name the file: {error.message}") from None


def main() -> None:
    arguments = [a for a in sys.argv if a != "--docx"]
    atheris.Setup(arguments, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
