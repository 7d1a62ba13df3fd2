"""The progress line: for a terminal only, never in pipes or CI logs."""

import io

import pytest

from memolint.progress import Progress
from memolint.runner import run


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_files_and_erases_itself(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    progress = Progress(6, stream)
    for _ in range(6):
        progress.tick()
    progress.close()
    out = stream.getvalue()
    assert "\rmemolint: 1/6 files" in out and "\rmemolint: 6/6 files" in out
    assert out.endswith("\r\x1b[K")


@pytest.mark.parametrize("stream, ci, total", [
    (io.StringIO(), None, 50),   # a pipe
    (Terminal(), "true", 50),    # CI log
    (Terminal(), None, 2),       # too few files to bother
])
def test_progress_stays_silent(monkeypatch, stream, ci, total):
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    progress = Progress(total, stream)
    progress.tick()
    progress.close()
    assert stream.getvalue() == ""


def test_run_ticks_once_per_linted_file(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    (tmp_path / ".memolint.toml").write_text('[nlp]\nmodel = "blank"\n', encoding="utf-8")
    for n in range(5):
        (tmp_path / f"m{n}.md").write_text(f"# Memo {n}\n\nWe ship in May.\n", encoding="utf-8")
    results = run([str(tmp_path)], {}, None, None, jobs=1, cache=None)
    assert len(results) == 5
    assert "memolint: 5/5 files" in terminal.getvalue()
