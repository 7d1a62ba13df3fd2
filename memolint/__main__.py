"""The ``memolint`` command and ``python -m memolint``.

Editors and pre-commit ask ``--version`` on every start, and people browse
``rules`` and ``rule CODE`` interactively; importing the command line library
would be most of their time. So their plain forms (``--version``, ``rules``,
``rules --format text|json``, ``rule CODE``) are answered here, with the
same output as :mod:`memolint.cli`; every other form, ``--help`` and every
error (an unknown rule) goes to :mod:`memolint.cli`, which owns the wording.
Plain ``check`` command lines, run by pre-commit and CI over mostly cached
memos, are likewise run without click by :mod:`memolint.quickcheck`.
"""

from __future__ import annotations

import sys


def run() -> None:
    """Entry point of the ``memolint`` script."""
    args = sys.argv[1:]
    text = _light(args)
    if text is not None and _writable(text):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if args[:1] == ["check"]:
        from memolint.quickcheck import quick_check

        code = quick_check(args[1:])
        if code is not None:
            sys.exit(code)
    from memolint.cli import main

    main()


def _light(args: list[str]) -> str | None:
    """The output of a light command in a plain form, or None to ask the CLI."""
    if args == ["--version"]:
        from memolint import __version__

        return f"memolint, version {__version__}\n"
    listing = args == ["rules"] or (
        len(args) == 3 and args[:2] == ["rules", "--format"] and args[2] in ("text", "json"))
    page = len(args) == 2 and args[0] == "rule" and not args[1].startswith("-")
    if not (listing or page):
        return None
    from memolint import ruledocs
    from memolint.errors import ConfigError

    try:
        return ruledocs.rules_listing(args[2] if len(args) == 3 else "text") if listing \
            else ruledocs.rule_page(args[1])
    except ConfigError:
        return None


def _writable(text: str) -> bool:
    """Whether stdout can take the text as is (else click's echo copes with it)."""
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


if __name__ == "__main__":
    run()
