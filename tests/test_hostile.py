"""Hostile and broken input: one clear line naming the file, exit 2, the rest linted.

Complements the bad-input cases of test_cli.py (corrupt zip, .doc, binary,
Latin-1, empty) and test_docx_reader.py (encryption, zip bombs, XXE in the
main part). Also the security rules: config paths stay inside the repository,
and the default path runs no subprocess and opens no socket.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from memolint.cli import main
from tests.test_docx_reader import build, edit_part, rezip

PROSE = ("We propose one ticketing system for all three support teams because it cuts the "
         "backlog by a third within two quarters and needs no new headcount.")
GOOD = f"# Plan\n\n{PROSE}\n\n- Faster onboarding\n  - EU first\n- Lower cost\n"
CONFIG = 'select = ["B"]\n[nlp]\nmodel = "blank"\n'
LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol0 "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, 10))
          + b"]>")


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".memolint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    return tmp_path


def check(*args: str):
    return CliRunner().invoke(main, ["check", "--no-cache", *args])


def check_json(*args: str) -> tuple[int, list[dict]]:
    result = check("--format", "json", *args)
    return result.exit_code, json.loads(result.output)["files"]


def small_docx() -> bytes:
    return build(lambda d: d.add_paragraph("Hello MARKER world"))


def with_prolog(data: bytes, part: str, prolog: bytes) -> bytes:
    """``data`` with ``prolog`` after the XML declaration of ``part``."""
    def insert(xml: bytes) -> bytes:
        end = xml.index(b"?>") + 2
        return xml[:end] + prolog + xml[end:]

    return edit_part(data, part, insert)


def secret_doctype(tmp: Path) -> bytes:
    secret = tmp / "secret.txt"
    secret.write_text("TOPSECRET-42", encoding="utf-8")
    return f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'.encode()


COMMENTS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + LAUGHS
            + b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
              b'main"><w:comment w:id="0"><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:comment>'
              b"</w:comments>")

#: name → (writer of the file, error kind, words the message must contain)
HOSTILE: dict[str, tuple[Callable[[Path], object], str, str]] = {
    "page.docx": (lambda p: p.write_bytes(b"<!DOCTYPE html><html><body>memo</body></html>"),
                  "wrong-format", "HTML file"),
    "notes.docx": (lambda p: p.write_text("Just a text memo.\n", encoding="utf-8"),
                   "wrong-format", "plain text"),
    "letter.docx": (lambda p: p.write_bytes(b"{\\rtf1\\ansi hello}"), "wrong-format", "RTF"),
    "laughs-styles.docx": (
        lambda p: p.write_bytes(with_prolog(small_docx(), "word/styles.xml", LAUGHS)),
        "unsafe", "word/styles.xml declares a DTD"),
    "xxe-numbering.docx": (
        lambda p: p.write_bytes(with_prolog(small_docx(), "word/numbering.xml",
                                            secret_doctype(p.parent))),
        "unsafe", "word/numbering.xml"),
    "laughs-comments.docx": (
        lambda p: p.write_bytes(rezip(small_docx(), {"word/comments.xml": COMMENTS})),
        "unsafe", "word/comments.xml"),
    "dtd-app.docx": (
        lambda p: p.write_bytes(with_prolog(small_docx(), "docProps/app.xml", b"<!DOCTYPE a>")),
        "unsafe", "docProps/app.xml"),
    "deep.docx": (
        lambda p: p.write_bytes(edit_part(
            small_docx(), "word/document.xml",
            lambda x: x.replace(b"<w:body>", b"<w:body>" + b"<w:customXml>" * 5000
                                + b"</w:customXml>" * 5000))),
        "corrupt", "depth"),
    "missing-main.docx": (
        lambda p: p.write_bytes(rezip(small_docx(), {"word/document.xml": None})),
        "corrupt", "no word/document.xml"),
    "wide-no-bom.md": (lambda p: p.write_bytes(GOOD.encode("utf-16-le")), "binary",
                       "UTF-16 text without a byte order mark"),
    "huge.md": (lambda p: p.write_bytes(b"All work and no play.\n" * 2_400_000), "too-large",
                "larger than the 8 MB"),
    "fifo.md": (lambda p: os.mkfifo(p), "unreadable", "not a regular file"),
    "loop.md": (lambda p: p.symlink_to(p.name), "unreadable", "symbolic links"),
    "dangling.md": (lambda p: p.symlink_to("gone.md"), "not-found", "no such file"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_one_clear_error_and_the_rest_is_linted(folder, name):
    write, kind, words = HOSTILE[name]
    path = folder / name
    write(path)
    before = path.lstat()
    code, files = check_json(name, "good.md")
    assert code == 2
    error = files[0]["error"]
    assert error["kind"] == kind and name in error["message"] and words in error["message"]
    assert "TOPSECRET" not in error["message"]
    assert files[1]["error"] is None and files[1]["diagnostics"]
    text = check(name)
    assert text.exit_code == 2 and "Traceback" not in text.output
    assert len(text.output.strip().splitlines()) == 1
    after = path.lstat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_unicode_with_a_byte_order_mark_lints_like_utf8(folder, encoding):
    data = GOOD.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (folder / "wide.md").write_bytes(data)
    code, (wide, good) = check_json("wide.md", "good.md")
    assert code == 1 and wide["error"] is None
    assert wide["diagnostics"] == good["diagnostics"]


def test_undecodable_bytes_are_reported_with_offset_and_line(folder):
    (folder / "latin.md").write_bytes(b"# Plan\n\nLe caf\xe9 est pr\xeat.\n")
    result = check("latin.md")
    assert result.exit_code == 2
    assert "latin.md: not UTF-8 text (byte 0xe9 at offset 14, line 3)" in result.output


@pytest.mark.parametrize("text", [
    "> " * 3000 + "deep quote\n",
    "".join("  " * i + "- item\n" for i in range(300)),
    "[" * 3000 + "x" + "]" * 3000 + "\n",
    "*" * 50000 + "\n",
    "<!-- memolint-disable " * 20000 + "\n",
    "|a|\n|-|\n" + "|b|\n" * 5000,
])
def test_pathological_markdown_gives_a_result_or_a_clean_error(folder, text):
    (folder / "odd.md").write_text(text, encoding="utf-8")
    result = check("--format", "json", "odd.md")
    assert result.exit_code in (0, 1, 2) and "Traceback" not in result.output
    [odd] = json.loads(result.output)["files"]
    assert odd["error"] is None or odd["error"]["message"].startswith("odd.md: ")


def test_symlinked_folder_loops_are_not_followed(folder):
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.md").write_text(GOOD, encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder, target_is_directory=True)
    (folder / "sub" / "self").symlink_to(folder / "sub", target_is_directory=True)
    _, files = check_json(".")
    assert [f["path"] for f in files] == ["good.md", "sub/inner.md"]


def test_unreadable_file_is_named(folder, monkeypatch):
    (folder / "secret.md").write_text(GOOD, encoding="utf-8")
    real_open = os.open

    def deny(path, *args, **kwargs):
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", deny)
    code, files = check_json("secret.md", "good.md")
    assert code == 2 and files[1]["diagnostics"]
    assert files[0]["error"] == {"kind": "unreadable",
                                 "message": "secret.md: cannot read file (Permission denied)"}


def test_names_with_spaces_and_non_ascii(folder):
    team = folder / "équipe notes"
    team.mkdir()
    (team / "Q3 plan \u2013 résumé.md").write_text(GOOD, encoding="utf-8")
    document = docx.Document()
    document.add_paragraph(PROSE)
    document.save(team / "übersicht 2024.docx")
    code, files = check_json(".")
    assert code == 1 and all(f["error"] is None for f in files)
    assert [f["path"] for f in files] == [
        "good.md", "équipe notes/Q3 plan \u2013 résumé.md", "équipe notes/übersicht 2024.docx"]
    text = check("équipe notes/Q3 plan \u2013 résumé.md")
    assert text.output.startswith("équipe notes/Q3 plan \u2013 résumé.md:")


def test_undecodable_file_names_are_printed_with_a_replacement_character(folder):
    descriptor = os.open(os.fsencode(folder) + b"/memo-\xff.md", os.O_WRONLY | os.O_CREAT)
    os.write(descriptor, GOOD.encode())
    os.close(descriptor)
    result = check(".")
    assert result.exit_code == 1 and "memo-\ufffd.md:" in result.output


# --- security ---------------------------------------------------------------


def team_pack(where: Path) -> Path:
    where.parent.mkdir(parents=True, exist_ok=True)
    where.write_text('[[rules]]\ncode = "B900"\nname = "team"\nkind = "long_list"\n'
                     'summary = "x"\n[rules.docs]\nwhat = "w"\nwhy = "y"\nsource = "s"\n'
                     'strength = "ours"\nbad = "b"\ngood = "g"\n', encoding="utf-8")
    return where


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "memo.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_packs_inside_the_repository_are_read_relative_to_the_config(repo):
    team_pack(repo / "team" / "pack.toml")
    (repo / "docs" / ".memolint.toml").write_text('packs = ["../team/pack.toml"]\n' + CONFIG,
                                                   encoding="utf-8")
    result = check("docs/memo.md")
    assert result.exit_code == 1, result.output


def test_packs_outside_the_repository_are_refused_unless_explicit(repo, tmp_path):
    outside = team_pack(tmp_path / "elsewhere" / "pack.toml")
    config = repo / "docs" / ".memolint.toml"
    config.write_text(f'packs = ["{outside.as_posix()}"]\n' + CONFIG, encoding="utf-8")
    result = check("docs/memo.md")
    assert result.exit_code == 2 and "outside the repository" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert check("--config", str(config), "docs/memo.md").exit_code == 1


def test_without_git_the_config_folder_is_the_limit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "memo.md").write_text(GOOD, encoding="utf-8")
    team_pack(tmp_path / "pack.toml")
    (tmp_path / "docs" / ".memolint.toml").write_text('packs = ["../pack.toml"]\n' + CONFIG,
                                                      encoding="utf-8")
    assert "outside the repository" in check("docs/memo.md").output


def test_front_matter_profile_cannot_point_outside_the_repository(repo, tmp_path):
    (tmp_path / "evil.toml").write_text('[profile]\nname = "evil"\n', encoding="utf-8")
    (repo / "docs" / "memo.md").write_text(
        "---\nmemolint:\n  profile: ../../evil.toml\n---\n" + GOOD, encoding="utf-8")
    code, [memo] = check_json("docs/memo.md")
    assert code == 2 and "outside the repository" in memo["error"]["message"]


def test_default_path_runs_no_subprocess_and_opens_no_socket(folder, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("memolint must not do this by default")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    document = docx.Document()
    document.add_paragraph(PROSE)
    document.save(folder / "memo.docx")
    code, files = check_json("good.md", "memo.docx")
    assert code == 1 and [f["error"] for f in files] == [None, None]
