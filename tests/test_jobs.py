"""--jobs: the same results in the same order, and a dying worker costs one file."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

import memolint.engine
from memolint.cli import main
from memolint.errors import ConfigError
from memolint.runner import MIN_FILES_FOR_POOL, resolve_jobs

PROSE = ("We propose one ticketing system for all three support teams because it cuts the "
         "backlog by a third within two quarters and needs no new headcount.")
FILES = MIN_FILES_FOR_POOL + 3


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".memolint.toml").write_text('select = ["B"]\n[nlp]\nmodel = "blank"\n',
                                             encoding="utf-8")
    for number in range(FILES):
        bullets = "".join(f"- point {i}\n" + "  - detail\n" * (number % 2) for i in range(number))
        (tmp_path / f"memo{number:02}.md").write_text(f"# Memo {number}\n\n{PROSE}\n\n{bullets}",
                                                      encoding="utf-8")
    return tmp_path


def check(*args: str):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", *args])
    return result.exit_code, json.loads(result.output)["files"]


def test_parallel_results_equal_serial_ones_in_order(folder):
    serial = check("--jobs", "1", ".")
    parallel = check("--jobs", "2", ".")
    assert parallel == serial
    code, files = serial
    assert code == 1 and [f["path"] for f in files] == sorted(f["path"] for f in files)
    assert len(files) == FILES and any(f["diagnostics"] for f in files)


def test_a_worker_that_dies_costs_only_its_file(folder, monkeypatch):
    real = memolint.engine.lint_file

    def dies_on_memo03(path, *args, **kwargs):
        if path.endswith("memo03.md"):
            os._exit(9)  # what a segfault or the OOM killer looks like to the pool
        return real(path, *args, **kwargs)

    expected = check("--jobs", "1", ".")[1]
    monkeypatch.setattr(memolint.engine, "lint_file", dies_on_memo03)  # workers are forked
    code, files = check("--jobs", "2", ".")
    assert code == 2
    assert [f["path"] for f in files] == [f["path"] for f in expected]
    crashed = files[3]
    assert crashed["error"]["kind"] == "crash" and "memo03.md" in crashed["error"]["message"]
    assert files[:3] + files[4:] == expected[:3] + expected[4:]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_while_linting_is_that_files_error(folder, monkeypatch, jobs):
    real = memolint.engine.lint_file

    def fails_on_memo05(path, *args, **kwargs):
        if path.endswith("memo05.md"):
            raise KeyError("surprise")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(memolint.engine, "lint_file", fails_on_memo05)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--jobs", jobs, "."])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "memo05.md: memolint failed on this file (KeyError: 'surprise')" in result.output
    assert "memo06.md:" in result.output


def test_resolve_jobs():
    assert resolve_jobs("auto") >= 1
    assert resolve_jobs("3") == 3
    for bad in ("0", "-1", "many"):
        with pytest.raises(ConfigError):
            resolve_jobs(bad)


def test_bad_jobs_value_is_a_one_line_usage_error(folder):
    result = CliRunner().invoke(main, ["check", "--jobs", "zero", "."])
    assert result.exit_code == 2
    assert result.output.strip() == ("memolint: error: --jobs: expected a positive number or "
                                     "'auto', got 'zero'")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_loaded_data_is_frozen_from_the_collector_only_while_linting(folder, monkeypatch, jobs):
    import gc

    frozen_while_linting = []
    real = memolint.engine.lint_file

    def noting_freeze(path, *args, **kwargs):
        frozen_while_linting.append(gc.get_freeze_count() > 0)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(memolint.engine, "lint_file", noting_freeze)
    _, files = check("--jobs", jobs, ".")
    assert len(files) == FILES
    if jobs == "1":  # the first file loads what is frozen; the others run frozen
        assert frozen_while_linting == [False] + [True] * (FILES - 1)
    else:  # the parent's warm-up file only: the files are linted in forked workers
        assert frozen_while_linting == [False]
    assert gc.get_freeze_count() == 0  # the caller gets its collector back as it was
