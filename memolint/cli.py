"""The command line: thin. Parse options, find config, lint, report, exit.

Exit codes (contract): 0 nothing at or above ``--fail-on``; 1 findings; 2 a
usage, config or input error (the other files are still linted). Heavy
modules (spaCy, Pyphen, python-docx) are imported only by commands that read
documents, so ``--version``, ``rules`` and ``rule`` answer at once.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from memolint import __version__
from memolint.checking import EXIT_ERROR, EXIT_OK
from memolint.checking import overrides as _overrides
from memolint.checking import use_color as _color
from memolint.errors import ConfigError
from memolint.report import FORMATS

_CONFIG_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


class _Group(click.Group):
    """Turn any expected error into one line on stderr and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            click.echo(f"memolint: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="memolint")
def main() -> None:
    """Lint narrative memos (six-pagers, PR/FAQs) in Markdown and DOCX."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="Report format.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of stdout (exit code unchanged).")
@click.option("--diff", "diff_ref", metavar="REF",
              help="Only findings on lines changed since this git revision (DOCX: whole files "
                   "that changed).")
@click.option("--select", multiple=True,
              help="Rules to run instead of the profile's (code, name, family letter or ALL).")
@click.option("--extend-select", multiple=True, help="Rules to run in addition to the profile's.")
@click.option("--ignore", multiple=True, help="Rules not to run.")
@click.option("--profile", help="Memo type: six-pager (default), prfaq, ... or a profile .toml.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print only verdicts and errors, not findings.")
@click.option("--color/--no-color", default=None,
              help="Colorize text output [default: when a terminal; NO_COLOR respected].")
@click.option("--config", "config_path", type=_CONFIG_FILE,
              help="Use this config file instead of searching for one.")
@click.option("--stdin-filename",
              help="Name for the document read from '-' (its suffix picks the format).")
@click.option("--jobs", "-j", default="auto", show_default=True, metavar="N|auto",
              help="Processes to lint with when there are more than a handful of files.")
@click.option("--no-cache", is_flag=True, help="Lint every file again; do not read or write "
                                               "the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Result cache folder [default: .memolint_cache beside the config file, "
                   "or in the current directory].")
@click.option("--pages", type=click.Choice(["layout", "exact"]),
              help="Page count from the layout engine, or exact: render with LibreOffice "
                   "(soffice must be installed; ~1-2 s a file) [default: layout].")
@click.option("--language", metavar="CODE",
              help="The memos' language, an ISO 639-1 code (en, ko, de, ...), instead of "
                   "detecting it: rules not made for it are skipped [default: auto].")
@click.option("--add-suppressions", is_flag=True,
              help="Baseline: append a memolint-disable-line comment to every Markdown line "
                   "with findings (files are rewritten), then exit 0.")
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], profile: str | None,
          fail_on: str | None, exit_zero: bool, quiet: bool, color: bool | None,
          config_path: Path | None, stdin_filename: str | None, output_file: Path | None,
          diff_ref: str | None, jobs: str, no_cache: bool, cache_dir: Path | None,
          pages: str | None, language: str | None, add_suppressions: bool) -> None:
    """Lint memos: files, directories (searched for .md, .markdown, .docx) or '-'."""
    from memolint import checking

    if not paths:
        raise click.UsageError("give at least one file or directory (or '-' for stdin)")
    overrides = _overrides(select=select, **{"extend-select": extend_select},
                           ignore=ignore, profile=profile, **{"fail-on": fail_on}, pages=pages,
                           language=language)
    results = checking.lint(list(paths), overrides, config_path, stdin_filename, jobs,
                            no_cache, cache_dir)
    if diff_ref is not None:
        from memolint.diff import changed_lines, keep_changed

        results = keep_changed(results, changed_lines(diff_ref))
    if add_suppressions:
        _add_suppressions(results)
    use_color = _color(color) and output_file is None
    if output_format == "html":  # it reads the memos again, with this run's settings
        from memolint.report.html import render_with_config

        report = render_with_config(results, config_path, overrides)
    else:
        report = checking.render(results, output_format, use_color, quiet)
    if output_file is not None:
        _write_report(output_file, report)
    else:
        click.echo(report, nl=False, color=use_color)
    sys.exit(checking.exit_code(results, exit_zero))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page [default: memolint-report.html; '-' for stdout].")
@click.option("--profile", help="Memo type: six-pager (default), prfaq, ... or a profile .toml.")
@click.option("--config", "config_path", type=_CONFIG_FILE,
              help="Use this config file instead of searching for one.")
@click.option("--pages", type=click.Choice(["layout", "exact"]),
              help="Page count from the layout engine, or exact (LibreOffice).")
def report(paths: tuple[str, ...], output: Path | None, profile: str | None,
           config_path: Path | None, pages: str | None) -> None:
    """Write a self-contained HTML page: the memo with every finding in place."""
    from memolint.report.html import render_with_config
    from memolint.runner import run

    overrides = _overrides(profile=profile, pages=pages)
    results = run(list(paths), overrides, config_path, None)
    page = render_with_config(results, config_path, overrides)
    if output is not None and str(output) == "-":
        click.echo(page, nl=False)
    else:
        target = output or Path("memolint-report.html")
        _write_report(target, page)
        found = sum(len(r.diagnostics) for r in results)
        click.echo(f"memolint: wrote {target} ({found} finding{'s' if found != 1 else ''} "
                   f"in {len(results)} file{'s' if len(results) != 1 else ''}); "
                   "open it in a browser", err=True)
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_OK)


def _add_suppressions(results: list) -> None:
    """Write the baseline directives, say how many, and exit (2 if a file was unreadable)."""
    from memolint.baseline import add_suppressions

    added, files = add_suppressions(results, never=frozenset({"X001"}))
    click.echo(f"memolint: added {added} suppression{'s' if added != 1 else ''} "
               f"to {files} file{'s' if files != 1 else ''}", err=True)
    for result in results:
        if result.error:
            click.echo(f"error: {result.error['message']}", err=True)
    sys.exit(EXIT_ERROR if any(r.error for r in results) else EXIT_OK)


@main.command()
@click.argument("path", type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--profile", help="Profile whose section template assigns roles.")
@click.option("--config", "config_path", type=_CONFIG_FILE)
def inspect(path: str, output_format: str, profile: str | None, config_path: Path | None) -> None:
    """Show the document as memolint sees it: blocks, sentences, metrics."""
    from memolint.inspect import inspect_file

    overrides = _overrides(profile=profile)
    text, ok = inspect_file(path, overrides, config_path, output_format)
    click.echo(text, nl=False)
    sys.exit(EXIT_OK if ok else EXIT_ERROR)


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def list_rules(output_format: str) -> None:
    """List every rule: code, name, family, default severity, summary."""
    from memolint.ruledocs import rules_listing

    click.echo(rules_listing(output_format), nl=False)


@main.command()
@click.argument("code_or_name")
def rule(code_or_name: str) -> None:
    """Print a rule's documentation: what, why, source, options, examples."""
    from memolint.ruledocs import rule_page

    click.echo(rule_page(code_or_name), nl=False)


def _write_report(path: Path, report: str) -> None:
    """Write a report file; a path that cannot be written is a usage error (exit 2)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"--output-file {path}: cannot write it ({exc.strerror})") from None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--profile", help="Memo type whose page limit and sections apply.")
@click.option("--config", "config_path", type=_CONFIG_FILE)
@click.option("--color/--no-color", default=None,
              help="Colorize [default: when a terminal; NO_COLOR respected].")
def stats(paths: tuple[str, ...], output_format: str, profile: str | None,
          config_path: Path | None, color: bool | None) -> None:
    """A memo's report card: pages against the limit, words, sections, readability."""
    from memolint.stats import stats_files

    use_color = _color(color) and output_format == "text"
    text, ok = stats_files(paths, _overrides(profile=profile), config_path, output_format,
                           use_color)
    click.echo(text, nl=False, color=use_color)
    sys.exit(EXIT_OK if ok else EXIT_ERROR)


@main.command()
@click.option("--profile", default="six-pager", show_default=True,
              help="Memo type to configure: six-pager, prfaq, ... or a profile .toml.")
@click.option("--file", "target", type=click.Choice(["auto", "pyproject.toml", ".memolint.toml"]),
              default="auto", show_default=True,
              help="Where to write: auto = pyproject.toml when there is one, else .memolint.toml.")
@click.option("--dir", "directory", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=".", help="Project directory [default: the current one].")
def init(profile: str, target: str, directory: Path) -> None:
    """Write a commented memolint config; never overwrites an existing one."""
    from memolint.init import init_config

    written = init_config(directory, profile, target)
    section = "[tool.memolint] to" if written.name == "pyproject.toml" else "memolint config to"
    click.echo(f"memolint: wrote {section} {written} (profile {profile}); "
               f"edit it, then run `memolint check`")
