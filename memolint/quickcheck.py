"""``memolint check`` without click, for the forms pre-commit hooks and CI use.

A re-run over unchanged memos is answered from the result cache in tens of
milliseconds, and importing click would be a large share of that. So the
plain forms of ``check`` are parsed here: file and folder paths, and the
options ``-q/--quiet``, ``--format`` (every format but ``html``),
``--select``, ``--extend-select``, ``--ignore``, ``--profile``,
``--fail-on``, ``--exit-zero``, ``--color/--no-color``, ``--config``,
``--jobs/-j``, ``--no-cache``, ``--cache-dir``, ``--pages`` and
``--language``, each as ``--opt value`` or ``--opt=value``. Anything else
(``--help``, ``-``, ``--diff``, ``--output-file``, ``--stdin-filename``,
``--add-suppressions``, ``--``, combined short flags, an option value that
starts with ``-``, a value click would refuse) returns None and the caller
hands the command line to :mod:`memolint.cli`. So does a ``ConfigError``,
which is raised before anything is printed or linted: click then reports it
in its own words. The work itself is :mod:`memolint.checking`, shared with
the CLI, so output, cache use and exit codes are the CLI's by construction.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from pathlib import Path
from typing import Any

#: Flags → (option, value).
_FLAGS: dict[str, tuple[str, Any]] = {
    "-q": ("quiet", True), "--quiet": ("quiet", True),
    "--exit-zero": ("exit_zero", True), "--no-cache": ("no_cache", True),
    "--color": ("color", True), "--no-color": ("color", False),
}
#: Options that take a value → (option, allowed values or None for any).
_VALUES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "--format": ("output_format", ("text", "json", "json-lines", "sarif", "github", "junit")),
    "--profile": ("profile", None),
    "--fail-on": ("fail_on", ("error", "warning", "info")),
    "--config": ("config_path", None),
    "--jobs": ("jobs", None), "-j": ("jobs", None),
    "--cache-dir": ("cache_dir", None),
    "--pages": ("pages", ("layout", "exact")),
    "--language": ("language", None),
}
#: Options that may be given many times.
_MULTIPLE = {"--select": "select", "--extend-select": "extend_select", "--ignore": "ignore"}
_DEFAULTS: dict[str, Any] = {
    "output_format": "text", "profile": None, "fail_on": None, "config_path": None,
    "jobs": "auto", "cache_dir": None, "pages": None, "language": None, "quiet": False,
    "exit_zero": False, "no_cache": False, "color": None,
    "select": (), "extend_select": (), "ignore": (),
}


def quick_check(args: list[str]) -> int | None:
    """Run ``check`` with these arguments and return its exit code, or None for the CLI."""
    options = parse(args)
    if options is None:
        return None
    from memolint import checking
    from memolint.errors import ConfigError

    try:
        settings = checking.overrides(
            select=options["select"], **{"extend-select": options["extend_select"]},
            ignore=options["ignore"], profile=options["profile"],
            **{"fail-on": options["fail_on"]}, pages=options["pages"],
            language=options["language"])
        results = checking.lint(options["paths"], settings, options["config_path"], None,
                                options["jobs"], options["no_cache"], options["cache_dir"])
        color = checking.use_color(options["color"])
        report = checking.render(results, options["output_format"], color, options["quiet"])
        _echo(report, color)
    except ConfigError:  # raised before anything is printed
        return None
    except (EOFError, KeyboardInterrupt):
        return _aborted()
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        _silence_stdout()  # as click does for a closed pipe: no traceback, exit 1
        return 1
    return checking.exit_code(results, options["exit_zero"])


def parse(args: list[str]) -> dict[str, Any] | None:
    """The options of a plain ``check`` command line, or None for any other form."""
    options = dict(_DEFAULTS)
    multiple: dict[str, list[str]] = {name: [] for name in _MULTIPLE.values()}
    paths: list[str] = []
    rest = iter(args)
    for arg in rest:
        if not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, value = arg.partition("=")
        if arg in _FLAGS:
            key, flag = _FLAGS[arg]
            options[key] = flag
            continue
        if name not in _VALUES and name not in _MULTIPLE:
            return None  # --help, '-', '--', --diff, -qj2, an unknown option, ...
        if not equals:
            value = next(rest, "")
        if not value or value.startswith("-"):
            return None
        if name in _MULTIPLE:
            multiple[_MULTIPLE[name]].append(value)
            continue
        key, allowed = _VALUES[name]
        if allowed is not None and value not in allowed:
            return None
        options[key] = value
    if not paths or "" in paths or not all(map(_readable_or_absent, paths)):
        return None
    if not _paths_acceptable(options):
        return None
    options.update({key: tuple(values) for key, values in multiple.items()}, paths=paths)
    return options


def _paths_acceptable(options: dict[str, Any]) -> bool:
    """Check ``--config`` and ``--cache-dir`` as click's Path types do; make them Paths."""
    config, cache_dir = options["config_path"], options["cache_dir"]
    if config is not None:
        if not (os.path.isfile(config) and os.access(config, os.R_OK)):
            return False
        options["config_path"] = Path(config)
    if cache_dir is not None:
        if os.path.exists(cache_dir) and not (os.path.isdir(cache_dir)
                                              and os.access(cache_dir, os.R_OK)):
            return False
        options["cache_dir"] = Path(cache_dir)
    return True


def _readable_or_absent(path: str) -> bool:
    """What click's Path type accepts for a path argument: absent, or readable."""
    return not os.path.exists(path) or os.access(path, os.R_OK)


def _echo(report: str, color: bool) -> None:
    """Write the report as ``click.echo(report, nl=False, color=color)`` would.

    Plain text that stdout can encode is written as is; anything click
    treats specially (ANSI codes it would strip, text the stream cannot
    encode, Windows consoles) goes through click itself.
    """
    stream = sys.stdout
    if stream is None:
        return
    plain = "\x1b" not in report and sys.platform != "win32"
    try:
        report.encode(stream.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        plain = False
    if not plain:
        import click

        click.echo(report, nl=False, color=color)
        return
    if report:
        stream.write(report)
    stream.flush()


def _aborted() -> int:
    """Ctrl-C: the blank line and ``Aborted!`` that click prints, exit 1."""
    sys.stderr.write("\nAborted!\n")
    sys.stderr.flush()
    return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, AttributeError, ValueError):  # no real stdout: nothing to do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
