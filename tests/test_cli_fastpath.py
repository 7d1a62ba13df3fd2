"""``memolint check`` without click (memolint.quickcheck): the CLI's output, exit code and
cache use for every form it accepts, and the CLI itself for every other form."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import memolint.checking
from memolint.cli import main
from memolint.quickcheck import _echo, parse, quick_check
from tests.test_cache import BULLETY, PROSE, refuse_linting

FILES = {
    ".memolint.toml": '[nlp]\nmodel = "blank"\n',
    "other.toml": 'select = ["B"]\nfail-on = "error"\n[nlp]\nmodel = "blank"\n',
    "bad.toml": "colour = true\n",
    "a.md": BULLETY,
    "memos/b.md": f"# Plan\n\n{PROSE}\n",
    "memos/c.md": f"{PROSE} It is very good.\n",
    "memos/broken.docx": "not a zip",
}


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def fast(args: list[str], capsys) -> tuple[str, int | None]:
    capsys.readouterr()
    code = quick_check(args)
    return capsys.readouterr().out, code


FORMS = [
    ["a.md", "memos"],
    ["-q", "a.md", "memos"],
    ["--format", "json", "a.md", "memos"],
    ["--format=json-lines", "memos", "a.md"],
    ["--format", "sarif", "a.md", "memos"],
    ["--format", "github", "a.md", "memos"],
    ["--format", "junit", "a.md", "memos"],
    ["--select", "B", "--select=W", "a.md", "memos/b.md"],
    ["--ignore", "B001", "--extend-select", "W", "a.md"],
    ["--config", "other.toml", "a.md", "memos"],
    ["a.md", "--fail-on", "info", "--exit-zero"],
    ["--fail-on=error", "--no-color", "-j", "1", "a.md", "memos/c.md"],
    ["--profile", "prfaq", "--language", "en", "--pages", "layout", "a.md"],
]


@pytest.mark.parametrize("args", FORMS)
def test_cached_rerun_prints_and_exits_exactly_as_the_cli(repo, monkeypatch, capsys, args):
    cli = CliRunner().invoke(main, ["check", *args])
    assert cli.exception is None or isinstance(cli.exception, SystemExit), cli.output
    refuse_linting(monkeypatch)  # the CLI's run filled the cache: the fast path only reads it
    out, code = fast(args, capsys)
    assert (out, code) == (cli.stdout, cli.exit_code)
    assert out


@pytest.mark.parametrize("args", [FORMS[2], FORMS[9], ["a.md", "missing.md"]])
def test_uncached_run_prints_exits_and_stores_as_the_cli(repo, monkeypatch, capsys, args):
    out, code = fast(["--no-cache", *args], capsys)
    assert not (repo / ".memolint_cache").exists()
    cli = CliRunner().invoke(main, ["check", "--cache-dir", "elsewhere", *args])
    assert (out, code) == (cli.stdout, cli.exit_code)
    first = fast(["--cache-dir", "mine", *args], capsys)
    if "missing.md" not in args:  # a file that cannot be read is not cached
        refuse_linting(monkeypatch)
    assert fast(["--cache-dir", "mine", *args], capsys) == first == (out, code)


@pytest.mark.parametrize("args", [
    [], ["--help"], ["-h", "a.md"], ["-"], ["a.md", "-"], ["--", "a.md"], ["-qj2", "a.md"],
    ["-j2", "a.md"], ["a.md", "--diff", "HEAD"], ["--output-file", "out.txt", "a.md"],
    ["--stdin-filename", "x.md", "a.md"], ["--add-suppressions", "a.md"],
    ["--format", "html", "a.md"], ["--format", "xml", "a.md"], ["--format", "JSON", "a.md"],
    ["--select", "-x", "a.md"], ["--select=", "a.md"], ["a.md", "--select"],
    ["--quiet=yes", "a.md"], ["--fail-on", "fatal", "a.md"], ["--pages", "pdf", "a.md"],
    ["--config", "missing.toml", "a.md"], ["--config", "memos", "a.md"],
    ["--cache-dir", "a.md", "a.md"], ["--colour", "a.md"], ["", "a.md"],
])
def test_other_forms_are_left_to_the_cli(repo, args):
    assert parse(args) is None


def test_accepted_form_is_parsed_like_click(repo):
    options = parse(["--format=json", "a.md", "-q", "--select", "B", "--select=W", "-j", "2",
                     "--format", "sarif", "--config", "other.toml", "--cache-dir", "c", "memos",
                     "--color", "--no-color"])
    assert options is not None
    assert options["paths"] == ["a.md", "memos"]
    assert options["output_format"] == "sarif"  # the last one wins, as in click
    assert options["select"] == ("B", "W") and options["ignore"] == ()
    assert (options["quiet"], options["color"], options["jobs"]) == (True, False, "2")
    assert options["config_path"] == Path("other.toml") and options["cache_dir"] == Path("c")


@pytest.mark.parametrize("args", [["--language", "english", "a.md"], ["--jobs", "0", "a.md"],
                                  ["--jobs", "many", "a.md"], ["--config", "bad.toml", "a.md"]])
def test_errors_are_left_to_the_cli_before_anything_is_printed(repo, capsys, args):
    assert fast(args, capsys) == ("", None)
    cli = CliRunner().invoke(main, ["check", *args])
    assert cli.exit_code == 2 and "memolint: error:" in cli.output


def test_text_click_would_change_goes_through_click(capsys):
    _echo("plain\n", False)
    _echo("red \x1b[31mword\x1b[0m\n", False)  # click strips ANSI codes when not coloring
    _echo("red \x1b[31mword\x1b[0m\n", True)
    assert capsys.readouterr().out == "plain\nred word\nred \x1b[31mword\x1b[0m\n"


def test_memolint_check_rerun_imports_neither_click_nor_spacy(repo):
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.stderr.write(repr(sorted(m for m in ('click', "
            "'memolint.cli', 'spacy', 'pyphen', 'memolint.registry') if m in sys.modules))))\n"
            "from memolint.__main__ import run\n"
            "sys.argv = ['memolint', 'check', '--format', 'json', 'a.md', 'memos']\n"
            "run()\n")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "'spacy'" in first.stderr  # linted (spaCy imports click itself)
    assert again.stderr.endswith("[]")
    assert (again.stdout, again.returncode) == (first.stdout, first.returncode) == (
        first.stdout, 2)  # broken.docx cannot be read
    cli = subprocess.run([sys.executable, "-m", "memolint", "check", "--format", "json",
                          "--help"], capture_output=True, text=True)
    assert cli.returncode == 0 and "Usage:" in cli.stdout  # the CLI answered


def test_interrupt_ends_as_in_the_cli(repo, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(memolint.checking, "lint", interrupted)
    assert quick_check(["a.md"]) == 1
    cli = CliRunner().invoke(main, ["check", "a.md"])
    assert (capsys.readouterr().err, cli.exit_code) == (cli.stderr, 1) == ("\nAborted!\n", 1)


def test_fast_path_options_agree_with_the_click_command():
    """Every option the fast path parses is the CLI's option, with the same choices.

    The two parsers live apart (one must not import click); this keeps them
    from drifting: a renamed option, a new choice or a flag turned into a
    value would fail here rather than behave differently on a cached run.
    """
    from memolint import quickcheck
    from memolint.cli import main

    params = {opt: param for param in main.commands["check"].params
              for opt in (*param.opts, *param.secondary_opts)}
    for opt, (name, _value) in quickcheck._FLAGS.items():
        assert params[opt].name == name and params[opt].is_flag, opt
    for opt, (name, choices) in quickcheck._VALUES.items():
        param = params[opt]
        assert param.name == name and not param.is_flag and not param.multiple, opt
        click_choices = tuple(getattr(param.type, "choices", ()) or ())
        if choices is None:
            assert not click_choices, opt
        else:
            assert set(choices) == set(click_choices) - {"html"}, opt
    for opt, name in quickcheck._MULTIPLE.items():
        assert params[opt].name == name and params[opt].multiple, opt
    import click

    command = main.commands["check"]
    context = click.Context(command)
    for name, default in quickcheck._DEFAULTS.items():
        param = next(p for p in command.params if p.name == name)
        click_default = param.get_default(context)
        if click_default is not None and type(click_default).__name__ == "Sentinel":
            click_default = None  # click >= 8.3 marks "no default" with a sentinel
        assert (tuple(click_default or ()) if param.multiple else click_default) == default, name
