"""Memos of one template share what their styles make of paragraph and run properties.

The reader resolves each distinct ``w:pPr`` and ``w:rPr`` once per styles sheet
and numbering (``reader._resolved``), and documents that share both (the same
template's parts, see ``Package.shared``) share those memos. These tests pin
that a read with memos warmed by other documents gives exactly the document a
cold read gives, that the memos are shared only where the parts are, and that
the package checks' part fingerprints are the ones the package reuses.
"""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from memolint.readers import docx as reader
from memolint.readers import opc
from memolint.readers.docx import read_docx
from tests.test_docx_plain_paragraphs import TEMPLATE, memo
from tests.test_docx_reader import rezip

#: Paragraphs whose properties resolve differently: styles, lists, run formats,
#: an empty styled paragraph (a spacer) and a section break inside a ``w:pPr``.
PARAGRAPHS = [
    '<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Memo title</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Tenets</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Goals</w:t></w:r></w:p>',
    "<w:p><w:r><w:t>Plain body text that says what we will do.</w:t></w:r></w:p>",
    '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>A bullet</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>A step</w:t></w:r></w:p>',
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold lead.</w:t></w:r>"
    '<w:r><w:t xml:space="preserve"> Then plain.</w:t></w:r></w:p>',
    '<w:p><w:r><w:rPr><w:sz w:val="32"/><w:i/></w:rPr><w:t>Big italic</w:t></w:r></w:p>',
    '<w:p><w:pPr><w:spacing w:after="240"/><w:rPr><w:sz w:val="40"/></w:rPr></w:pPr></w:p>',
    '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>- typed dash</w:t></w:r></w:p>',
    "<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:t>shown</w:t></w:r></w:p>",
    '<w:p><w:pPr><w:sectPr><w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/></w:sectPr>'
    "</w:pPr><w:r><w:t>Last of a landscape section</w:t></w:r></w:p>",
]


def cold(data: bytes) -> str:
    """The document read with no memo of resolved properties."""
    reader._RESOLVED.clear()
    return repr(read_docx(data, "memo.docx"))


@pytest.mark.parametrize("seed", range(6))
def test_a_warm_read_gives_what_a_cold_read_gives(seed):
    rng = random.Random(seed)
    documents = [memo(rng.choices(PARAGRAPHS, k=rng.randint(1, 14))) for _ in range(4)]
    expected = [cold(data) for data in documents]
    reader._RESOLVED.clear()
    for data in documents:  # the first warms the memo for the rest
        read_docx(data, "memo.docx")
    assert [repr(read_docx(data, "memo.docx")) for data in reversed(documents)] == expected[::-1]


def _package(data: bytes) -> reader._Package:
    archive = reader._zip(data, "memo.docx")
    keys: dict = {}
    return reader._open(archive, data, reader._check_package(archive, data, "memo.docx", keys),
                        "memo.docx", keys)


def test_documents_of_one_template_share_the_memo_and_others_do_not():
    first = _package(memo(PARAGRAPHS[:3]))
    second = _package(memo(PARAGRAPHS[3:]))
    assert second.resolved is first.resolved
    numbering = zipfile.ZipFile(io.BytesIO(TEMPLATE)).read("word/numbering.xml")
    other = _package(rezip(memo(PARAGRAPHS[:3]), {"word/numbering.xml": numbering + b" "}))
    assert other.resolved is not first.resolved


def test_a_memo_past_its_limit_starts_again(monkeypatch):
    data = memo(PARAGRAPHS)
    expected = cold(data)
    full = _package(data).resolved
    assert full.looks  # the cold read filled it
    monkeypatch.setattr(reader._Resolved, "LIMIT", 1)
    assert full.oversized()
    fresh = _package(data).resolved
    assert fresh is not full and not fresh.looks
    assert repr(read_docx(data, "memo.docx")) == expected


def test_the_memos_kept_are_bounded(monkeypatch):
    monkeypatch.setattr(reader, "_RESOLVED_MAX", 2)
    reader._RESOLVED.clear()
    numbering = zipfile.ZipFile(io.BytesIO(TEMPLATE)).read("word/numbering.xml")
    for spaces in range(4):  # four numbering parts: four sheets and numberings to remember
        _package(rezip(memo(PARAGRAPHS[:2]), {"word/numbering.xml": numbering + b" " * spaces}))
    assert len(reader._RESOLVED) == 2


def test_the_package_reuses_the_fingerprints_the_checks_took(monkeypatch):
    data = memo(PARAGRAPHS[:2])
    archive = reader._zip(data, "memo.docx")
    keys: dict = {}
    reader._check_package(archive, data, "memo.docx", keys)
    assert keys["word/styles.xml"] == opc.fingerprint(data, archive.getinfo("word/styles.xml"))
    package = opc.Package(archive, data, {}, keys)
    monkeypatch.setattr(opc, "fingerprint", lambda data, info: pytest.fail("taken again"))
    assert package.fingerprint("/word/styles.xml") is keys["word/styles.xml"]


def test_a_part_the_checks_took_no_fingerprint_of_gets_one(monkeypatch):
    data = memo(PARAGRAPHS[:2])
    archive = reader._zip(data, "memo.docx")
    package = opc.Package(archive, data, {}, {"word/styles.xml": None})
    assert package.fingerprint("/word/styles.xml") == opc.fingerprint(
        data, archive.getinfo("word/styles.xml"))
