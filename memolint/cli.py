"""The command line: thin. Parse options, find config, lint, report, exit.

Exit codes (contract): 0 nothing at or above ``--fail-on``; 1 findings; 2 a
usage, config or input error (the other files are still linted). Heavy
modules (spaCy, textstat, python-docx) are imported only by commands that read
documents, so ``--version``, ``rules`` and ``rule`` answer at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from memolint import __version__
from memolint.errors import ConfigError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
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


def _color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    return "NO_COLOR" not in os.environ and sys.stdout.isatty()


def _overrides(**options: Any) -> dict[str, Any]:
    """CLI options that override config, validated like config values."""
    from memolint.config import parse_table

    table = {key: list(value) if isinstance(value, tuple) else value
             for key, value in options.items() if value not in (None, ())}
    return parse_table(table, "command line", Path.cwd())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
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
def check(paths: tuple[str, ...], output_format: str, select: tuple[str, ...],
          extend_select: tuple[str, ...], ignore: tuple[str, ...], profile: str | None,
          fail_on: str | None, exit_zero: bool, quiet: bool, color: bool | None,
          config_path: Path | None, stdin_filename: str | None) -> None:
    """Lint memos: files, directories (searched for .md, .markdown, .docx) or '-'."""
    from memolint.diagnostics import SEVERITY_RANK
    from memolint.report import ReportOptions, get_reporter
    from memolint.runner import run

    if not paths:
        raise click.UsageError("give at least one file or directory (or '-' for stdin)")
    overrides = _overrides(select=select, **{"extend-select": extend_select},
                           ignore=ignore, profile=profile, **{"fail-on": fail_on})
    results = run(list(paths), overrides, config_path, stdin_filename)
    use_color = _color(color)
    report = get_reporter(output_format)(results, ReportOptions(use_color, quiet))
    click.echo(report, nl=False, color=use_color)
    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    failing = any(
        SEVERITY_RANK[d.severity] >= SEVERITY_RANK[r.fail_on]
        for r in results for d in r.diagnostics
    )
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


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
