"""DOCX reader: a WordprocessingML package into a :class:`Document`.

Documents arrive from pull requests, so the package is checked before any XML
is parsed: it must be a zip of sane size with a transitional main part. Only
then are its parts found (:mod:`memolint.readers.opc`, which parses a part
only when asked, with an lxml parser that resolves no entities and loads no
DTD), and the body is walked with plain lxml iteration. python-docx is not
used: its eager parse of every part costs more than reading the memo.

Positions: every ``w:p`` in document order gets a number (table-cell and
text-box paragraphs included, empty ones too), so ``line`` is the paragraph
number Word's order gives and ``column`` the character offset + 1. Visible
text follows the corpus definition: the "final" view of tracked changes,
field results without codes, no hidden runs, tabs as spaces.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from memolint.document import (
    Block,
    Document,
    HeaderFooter,
    NoteRef,
    PageSetup,
    Position,
    RowLayout,
    SourceMap,
    Suppression,
    TableLayout,
    Typography,
)
from memolint.errors import InputError
from memolint.readers.docx_prolog import declares_dtd
from memolint.readers.docx_styles import (
    MC_NS,
    ListLevel,
    Numbering,
    RunFormat,
    StyleIndex,
    StyleSheet,
    apply_ppr,
    first_child,
    integer,
    is_on,
    length_pt,
    theme_fonts,
    twips_pt,
    w,
    with_run_format,
)
from memolint.readers.docx_tables import cell_layout, inside_border_pt, row_layout, table_layout
from memolint.readers.opc import (
    COMMENTS,
    ENDNOTES,
    EXTENDED_PROPERTIES,
    FOOTNOTES,
    NUMBERING,
    PACKAGE,
    SETTINGS,
    STYLES,
    THEME,
    Package,
    PackageError,
    fingerprint,
)
from memolint.suppressions import parse_directives

# --- package checks -------------------------------------------------------

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
#: The OLE directory entry of the stream an encrypted OOXML file lives in:
#: 64 bytes of UTF-16LE name, then the name's byte length with terminator.
_ENCRYPTED_ENTRY = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + b"\x22\x00"
MAIN_PART = "word/document.xml"
STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
#: A memo with pictures unpacks to a few MB; refuse anything near a zip bomb.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_MIN_BYTES = 10 * 1024 * 1024
#: How much of the main part is read to find its namespace declarations.
_HEAD_BYTES = 16 * 1024
_NESTED_LIST_STYLE = re.compile(r"^list(?: bullet| number| continue)? ([2-9])$", re.IGNORECASE)


def _zip(data: bytes, path: str) -> zipfile.ZipFile:
    """``data`` opened as a zip; InputError naming what it really is otherwise."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except Exception:
        raise _not_a_zip(data, path) from None


def _check_package(archive: zipfile.ZipFile, data: bytes, path: str,
                   keys: dict[str, Any] | None = None) -> dict[str, bytes]:
    """Check an opened package (sizes, a main part, no DTD anywhere, not Strict).

    Returns the XML parts' bytes the checks inflated whole, and fills ``keys``
    with the parts' fingerprints they took (see :func:`_check_no_dtd`).
    """
    _check_sizes(archive.infolist(), path)
    if MAIN_PART not in archive.namelist():
        raise InputError(
            "corrupt", f"{path}: not a valid DOCX (no {MAIN_PART}); re-save it from Word"
        )
    xml = _check_no_dtd(archive, data, path, {} if keys is None else keys)
    if STRICT_NAMESPACE in _head(archive, xml, path):
        raise InputError(
            "unsupported",
            f"{path}: DOCX is saved as Strict Open XML, which memolint cannot read; "
            "save as a regular Word document (.docx)",
        )
    return xml


def _not_a_zip(data: bytes, path: str) -> InputError:
    """The error for bytes that are not a zip: old .doc, encrypted, another format, or damaged."""
    other = _other_format(data)
    if other:
        return InputError(
            "wrong-format",
            f"{path}: this is {other} named .docx, not a Word document; open it in Word and "
            "save it as .docx",
        )
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTED_ENTRY in data:
            return InputError(
                "encrypted",
                f"{path}: DOCX is encrypted or password-protected; save an unprotected copy",
            )
        return InputError(
            "old-format",
            f"{path}: this is an old Word .doc file, not DOCX; open it in Word and save as .docx",
        )
    return InputError(
        "corrupt",
        f"{path}: not a valid DOCX (not a zip archive); the file may be truncated or damaged, "
        "re-save it from Word",
    )


#: Leading bytes of formats that get saved or renamed as ``.docx`` by mistake.
_OTHER_FORMATS = ((b"{\\rtf", "an RTF file"), (b"%PDF-", "a PDF file"),
                  (b"<!doctype html", "an HTML file"), (b"<html", "an HTML file"))


def _other_format(data: bytes) -> str | None:
    """What a non-zip file really is, when that is recognizable."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for magic, name in _OTHER_FORMATS:
        if head.startswith(magic):
            return name
    if b"\x00" not in head and not head.startswith(b"pk"):  # a zip cut short is damaged
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.start < len(head) - 3:  # not just a character cut at the end
                return None
        return "a plain text file"
    return None


_XML_SUFFIXES = (".xml", ".rels", ".vml")
#: XML parts up to this size are inflated whole by the DTD check and kept for
#: the reader (most are parsed); of larger ones only the prolog is inflated.
_WHOLE_PART_BYTES = 64 * 1024
#: Fingerprints of parts that passed the DTD check (and inflated whole, or
#: to their prolog, without error), least recently used first: a few
#: templates' parts, each at most ``_PASSED_PART_BYTES`` compressed.
_PASSED: dict[tuple[Any, ...], None] = {}
_PASSED_MAX = 64
_PASSED_PART_BYTES = 256 * 1024


def _check_no_dtd(archive: zipfile.ZipFile, data: bytes, path: str,
                  keys: dict[str, Any]) -> dict[str, bytes]:
    """Refuse any XML part with a DTD: Word never writes one (OPC forbids it).

    A DTD is how entity bombs and external entities (XXE) get in; the parser
    would not expand or fetch them, but refusing is clearer than guessing.
    Only a prolog can hold one (:mod:`memolint.readers.docx_prolog`), so a
    big part (a 350 KB styles part and its twin) is not inflated past it,
    and a part that passed before (same :func:`fingerprint`: a template's
    theme, fonts, styles) is not opened again. Returns the small parts'
    bytes that were read, which the reader would inflate again; the
    fingerprints go into ``keys`` by member name, for the package's shared
    parts (:meth:`memolint.readers.opc.Package.shared`) to reuse.
    """
    xml: dict[str, bytes] = {}
    for member in archive.infolist():
        if not member.filename.lower().endswith(_XML_SUFFIXES):
            continue
        key = fingerprint(data, member) if member.compress_size <= _PASSED_PART_BYTES else None
        keys[member.filename] = key  # the last of a duplicate name counts, as in getinfo()
        if key is not None and key in _PASSED:
            _PASSED[key] = _PASSED.pop(key)  # the most recently used is last
            continue
        try:
            if member.file_size <= _WHOLE_PART_BYTES:
                blob = xml[member.filename] = archive.read(member)
                unsafe = declares_dtd(io.BytesIO(blob).read)
            else:
                with archive.open(member) as part:
                    unsafe = declares_dtd(part.read)
        except Exception as exc:
            raise _corrupt(path, exc) from exc
        if unsafe:
            raise InputError(
                "unsafe",
                f"{path}: DOCX part {member.filename} declares a DTD (<!DOCTYPE>), "
                "which Word never writes and which can carry entity bombs or "
                "external file reads; refusing to open it",
            )
        if key is not None:
            if len(_PASSED) >= _PASSED_MAX:
                _PASSED.pop(next(iter(_PASSED)))
            _PASSED[key] = None
    return xml


def _check_sizes(members: list[zipfile.ZipInfo], path: str) -> None:
    """Refuse archives whose declared sizes or ratios look like a zip bomb.

    zipfile never inflates a member past its declared size, so checking the
    declarations bounds what the reader can be made to unpack.
    """
    total = sum(m.file_size for m in members)
    if total > MAX_UNPACKED_BYTES:
        raise InputError(
            "zip-bomb",
            f"{path}: DOCX would unpack to {total // (1024 * 1024)} MB, more than "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB; refusing to open a possible zip bomb",
        )
    for member in members:
        if member.file_size > RATIO_MIN_BYTES and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise InputError(
                "zip-bomb",
                f"{path}: DOCX member {member.filename} is compressed more than "
                f"{MAX_RATIO}:1; refusing to open a possible zip bomb",
            )


def _head(archive: zipfile.ZipFile, xml: dict[str, bytes], path: str) -> bytes:
    """The start of the main part, where the root element declares its namespaces."""
    if MAIN_PART in xml:
        return xml[MAIN_PART][:_HEAD_BYTES]
    try:
        with archive.open(MAIN_PART) as part:
            return part.read(_HEAD_BYTES)
    except Exception as exc:
        raise _corrupt(path, exc) from exc


def _corrupt(path: str, exc: Exception) -> InputError:
    detail = f"{type(exc).__name__}: {exc}"
    if len(detail) > 120:
        detail = detail[:117] + "..."
    return InputError("corrupt", f"{path}: not a valid DOCX ({detail}); re-save it from Word")


# --- opening ------------------------------------------------------------

_EXTENDED_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_BODY = w("body")


@dataclass
class _Package:
    """The parts the reader needs, parsed by the OPC module's safe parser."""

    body: Any
    styles: StyleSheet
    numbering: Numbering
    comments: Any | None
    stated_pages: int | None
    #: The package, through which headers, footers and notes are found.
    opc: Package
    #: The main document part's name, the source of those relationships.
    main: str
    #: What the styles and numbering make of property elements, shared by the
    #: documents that share both (see :func:`_resolved`).
    resolved: _Resolved
    #: ``w:gutterAtTop`` in settings.xml: every section's gutter is at the top.
    gutter_at_top: bool = False
    #: The footnotes and endnotes parts' names, by note kind (parsed when a note is referenced).
    note_parts: dict[str, str | None] = field(default_factory=dict)


class _Resolved:
    """What one styles sheet and numbering make of property elements, by :func:`_signature`.

    Each value depends on nothing but the element's signature, the sheet and
    the numbering, so memos of one template (one shared sheet and numbering,
    see :meth:`memolint.readers.opc.Package.shared`) share these memos too,
    and a warm read resolves no paragraph or run properties at all.
    """

    __slots__ = ("looks", "paragraph_styles", "run_formats", "spacers")

    #: Entries a memo may hold before it is emptied: a bound for a long run over
    #: documents with ever new properties, far above a template's few dozen.
    LIMIT = 4096

    def __init__(self) -> None:
        #: By signature of a ``w:pPr`` (``None``: no ``w:pPr``): the paragraph
        #: style it names and whether it holds a ``w:sectPr``.
        self.paragraph_styles: dict[Any, tuple[str | None, bool]] = {}
        #: Resolved paragraph properties by signature of the ``w:pPr``.
        self.looks: dict[Any, _Look] = {}
        #: An empty paragraph's typography, by signature of its ``w:pPr``.
        self.spacers: dict[Any, Typography] = {}
        #: Run formats by (paragraph style, signature of ``w:rPr``, ``None`` for
        #: none); ``None``: hidden.
        self.run_formats: dict[Any, RunFormat | None] = {}

    def oversized(self) -> bool:
        return any(len(memo) > self.LIMIT for memo in (
            self.looks, self.paragraph_styles, self.run_formats, self.spacers))


#: :class:`_Resolved` memos by (sheet, numbering), least recently used first. Both
#: are hashed by identity: the shared objects of a template, kept alive here.
_RESOLVED: dict[tuple[StyleSheet, Numbering], _Resolved] = {}
_RESOLVED_MAX = 8


def _resolved(styles: StyleSheet, numbering: Numbering) -> _Resolved:
    """The memo for ``styles`` and ``numbering``, emptied when it grew past its limit."""
    key = (styles, numbering)
    memo = _RESOLVED.pop(key, None)
    if memo is None or memo.oversized():
        memo = _Resolved()
        if len(_RESOLVED) >= _RESOLVED_MAX:
            del _RESOLVED[next(iter(_RESOLVED))]
    _RESOLVED[key] = memo  # the most recently used is last
    return memo


def _open(archive: zipfile.ZipFile, data: bytes, xml: dict[str, bytes], path: str,
          keys: dict[str, Any] | None = None) -> _Package:
    """Find and parse the parts the reader needs; any failure means a damaged package.

    ``xml`` and ``keys``: the parts' bytes and fingerprints the checks took.
    """
    try:
        opc = Package(archive, data, xml, keys)
        main = opc.main_part()
        body = opc.element(main).find(_BODY)
        if body is None:  # e.g. the w: namespace misspelt: nothing would be read
            raise PackageError(f"no w:body in the main document part {main}")
        styles = opc.shared(opc.related(main, STYLES), StyleIndex).sheet(
            opc.shared(opc.related(main, THEME), theme_fonts))
        numbering = opc.shared(opc.related(main, NUMBERING), Numbering, styles)
        return _Package(
            body=body,
            styles=styles,
            numbering=numbering,
            comments=opc.element(opc.related(main, COMMENTS)),
            stated_pages=opc.shared(opc.related(PACKAGE, EXTENDED_PROPERTIES), _stated_pages),
            opc=opc,
            main=main,
            resolved=_resolved(styles, numbering),
            gutter_at_top=opc.shared(opc.related(main, SETTINGS), _gutter_at_top),
            note_parts={"footnote": opc.related(main, FOOTNOTES),
                        "endnote": opc.related(main, ENDNOTES)},
        )
    except InputError:
        raise
    except Exception as exc:
        raise _corrupt(path, exc) from exc


def _gutter_at_top(settings: Any | None) -> bool:
    """Whether the document setting ``w:gutterAtTop`` is on."""
    element = settings.find(w("gutterAtTop")) if settings is not None else None
    return element is not None and is_on(element)


def _stated_pages(app: Any | None) -> int | None:
    """``<Pages>`` from ``docProps/app.xml``, the count the last editor saved."""
    pages = app.find(f"{{{_EXTENDED_NS}}}Pages") if app is not None else None
    return integer(pages.text) if pages is not None else None


# --- walking the body -----------------------------------------------------

_WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_V_NS = "urn:schemas-microsoft-com:vml"
_EMU_PER_PT = 12700

P, R, T, TBL, TR, TC = w("p"), w("r"), w("t"), w("tbl"), w("tr"), w("tc")
PPR, RPR, SECT_PR = w("pPr"), w("rPr"), w("sectPr")
SDT, SDT_CONTENT, CUSTOM_XML = w("sdt"), w("sdtContent"), w("customXml")
BR, CR, TAB, PTAB, SYM = w("br"), w("cr"), w("tab"), w("ptab"), w("sym")
NO_BREAK_HYPHEN, FLD_CHAR, FLD_CHAR_TYPE = w("noBreakHyphen"), w("fldChar"), w("fldCharType")
LAST_RENDERED = w("lastRenderedPageBreak")
COMMENT_START, COMMENT_REFERENCE = w("commentRangeStart"), w("commentReference")
TXBX_CONTENT = w("txbxContent")
MC_ALTERNATE, MC_CHOICE, MC_FALLBACK = (
    f"{{{MC_NS}}}AlternateContent",
    f"{{{MC_NS}}}Choice",
    f"{{{MC_NS}}}Fallback",
)
WP_EXTENT = f"{{{_WP_NS}}}extent"
WP_INLINE = f"{{{_WP_NS}}}inline"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
#: ``w:sectPr`` children that name a header or footer part.
_FURNITURE_REFERENCES = {w("headerReference"): "header", w("footerReference"): "footer"}
V_IMAGEDATA = f"{{{_V_NS}}}imagedata"
#: Run children that reference a note, by note kind.
_NOTE_REFERENCES = {w("footnoteReference"): "footnote", w("endnoteReference"): "endnote"}
W_ID, W_TYPE, VANISH = w("id"), w("type"), w("vanish")

#: Inline content that is never shown: properties, deletions, fallback copies.
_NOT_SHOWN = frozenset({PPR, RPR, w("del"), w("moveFrom"), w("sdtPr"), w("sdtEndPr"), MC_FALLBACK})
#: Run children that carry pictures or text boxes rather than text.
_EMBEDS = frozenset({w("drawing"), w("pict"), w("object"), MC_ALTERNATE})
_TRACKED = (w("ins"), w("del"), w("moveFrom"), w("moveTo"))
_DELETIONS = frozenset({w("del"), w("moveFrom")})
DEL_TEXT = w("delText")
_SIMPLE_TEXT = {CR: "\n", TAB: "\t", PTAB: "\t", NO_BREAK_HYPHEN: "-"}

#: Typed glyphs that make a paragraph a manual bullet (corpus definition).
BULLET_GLYPHS = frozenset("•·◦▪■□●○►▸▶➢➤✓✔\u2043∙-\u2013\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf06e")


class _Text:
    """The visible text of one paragraph, collected run by run."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0
        #: Whether the first visible character came from a ``w:sym``.
        self.starts_with_sym: bool | None = None
        self.breaks_before = 0
        self.breaks_after = 0
        self.rendered_breaks = 0
        self.images: list[tuple[float, float]] = []
        self.textboxes: list[Any] = []
        #: Characters per run format, to find the paragraph's dominant format.
        self.formats: dict[RunFormat, int] = {}
        #: ``[start, end, format]`` of each stretch of one run format, in order.
        self.spans: list[list[Any]] = []
        #: ``(kind, id, offset)`` of each note reference mark.
        self.note_marks: list[tuple[str, str | None, int]] = []
        #: The text as a renderer shows it: visible pieces plus struck-through deletions.
        self.shown: list[str] = []
        self.struck = False

    def add(self, piece: str, sym: bool = False) -> None:
        if self.starts_with_sym is None and piece.strip():
            self.starts_with_sym = sym
        self.pieces.append(piece)
        self.shown.append(piece)
        self.length += len(piece)

    def formatted(self, start: int, fmt: RunFormat) -> None:
        """The text from ``start`` to here is in ``fmt`` (one run's worth)."""
        _add_format(self.formats, self.spans, start, self.length, fmt)

    def add_struck(self, piece: str) -> None:
        """Deleted text: not read, but printed struck through in the default view."""
        self.shown.append(piece)
        self.struck = True

    @property
    def layout_text(self) -> str | None:
        """What the page shows, when tracked deletions make it differ from the text."""
        return " ".join("".join(self.shown).replace("\t", " ").split()) if self.struck else None

    @property
    def has_text(self) -> bool:
        """Whether anything but whitespace has been added."""
        return self.starts_with_sym is not None

    def page_break(self) -> None:
        """A hard page break: a block before the text if none came yet, else after."""
        if self.has_text:
            self.breaks_after += 1
        else:
            self.breaks_before += 1
        self.add("\n")

    def embed(self, element: Any) -> None:
        """Pictures and text boxes inside a drawing, VML picture or OLE object."""
        images, boxes = _embedded(element)
        self.images.extend(images)
        self.textboxes.extend(boxes)


def _add_format(formats: dict[RunFormat, int], spans: list[list[Any]], start: int, end: int,
                fmt: RunFormat) -> None:
    """Record that the text from ``start`` to ``end`` is in ``fmt``: its characters
    count for ``fmt``, and the span joins the last one when that ends here in ``fmt``."""
    formats[fmt] = formats.get(fmt, 0) + end - start
    if spans and spans[-1][2] == fmt and spans[-1][1] == start:
        spans[-1][1] = end
    else:
        spans.append([start, end, fmt])


#: What :func:`_plain_runs` makes of a paragraph: its ``w:pPr``, its runs'
#: ``(w:rPr, texts)``, and how many rendered page marks they hold.
_PlainRuns = tuple[Any | None, list[tuple[Any | None, list[str]]], int]
#: Run children the general walk reads specially and the plain path leaves to it:
#: comment and note marks, symbols, pictures (a page break is checked apart).
_RUN_MARKS = frozenset({COMMENT_REFERENCE, SYM, *_EMBEDS, *_NOTE_REFERENCES})


def _plain_runs(paragraph: Any, fields: list[bool]) -> _PlainRuns | None:
    """A paragraph of plain runs, read in one pass; ``None`` when it holds anything else.

    Nearly every paragraph of a memo is a few runs of text and properties, and
    the general walk (:meth:`_BodyReader._read_run`: notes, pictures, tracked
    changes, comments) costs several times this. What this accepts, the
    general walk reads the same way: the first ``w:pPr`` and each run's first
    ``w:rPr`` are the properties, ``w:t``, line breaks and the characters of
    :data:`_SIMPLE_TEXT` are text unless inside a field's code (``fields``:
    the reader's open fields, see :func:`_field_char`, updated in
    place as field characters pass), ``w:lastRenderedPageBreak`` is counted,
    run children the walk does not know show nothing, empty markers
    (bookmarks, proofing marks) show nothing, and containers the general walk
    reads through (hyperlinks, insertions, smart tags) are read through
    (:func:`_plain_content`). A page break, a :data:`_RUN_MARKS` child, a
    comment anchor, a deletion or hidden content sends the paragraph to the
    general walk (and ``fields`` must then be thrown away).
    """
    ppr = None
    runs: list[tuple[Any | None, list[str]]] = []
    rendered = 0
    for child in paragraph:
        tag = child.tag
        if tag == PPR:
            if ppr is None:
                ppr = child
            continue
        counted = _plain_content(child, tag, runs, fields)
        if counted is None:
            return None
        rendered += counted
    return ppr, runs, rendered


def _plain_content(element: Any, tag: str, runs: list[tuple[Any | None, list[str]]],
                   fields: list[bool]) -> int | None:
    """Add a paragraph child's plain runs to ``runs``; its rendered page marks, or ``None``.

    Mirrors :meth:`_BodyReader._runs`: a run is read as
    :meth:`_BodyReader._read_run` reads one without :data:`_RUN_MARKS` or page
    breaks (text inside a field's code is not shown), an empty element shows
    nothing, and any other element with content is read through, except the
    ones that walk treats apart (comment anchors, deletions,
    :data:`_NOT_SHOWN`), for which this gives up. One function for runs and
    containers: a call per run is a measurable share of a plain paragraph.
    """
    if tag == R:
        rpr = None
        texts: list[str] = []
        rendered = 0
        hidden = True in fields
        for node in element:
            kind = node.tag
            if kind == T:
                if not hidden:
                    texts.append(node.text or "")
            elif kind == RPR:
                if rpr is None:
                    rpr = node
            elif kind == LAST_RENDERED:
                rendered += 1
            elif kind in _SIMPLE_TEXT:
                if not hidden:
                    texts.append(_SIMPLE_TEXT[kind])
            elif kind == BR:
                if node.get(W_TYPE) == "page":
                    return None
                if not hidden:
                    texts.append("\n")
            elif kind == FLD_CHAR:
                _field_char(fields, node.get(FLD_CHAR_TYPE))
                hidden = True in fields
            elif kind in _RUN_MARKS:
                return None
        runs.append((rpr, texts))
        return rendered
    if tag == COMMENT_START:
        return None
    if not len(element):
        return 0
    if tag in _NOT_SHOWN:
        return None
    rendered = 0
    for child in element:
        counted = _plain_content(child, child.tag, runs, fields)
        if counted is None:
            return None
        rendered += counted
    return rendered


def _field_char(fields: list[bool], kind: str | None) -> None:
    """Track complex fields in ``fields``, one entry per open field: True while in its
    code (between begin and separate), False in its result."""
    if kind == "begin":
        fields.append(True)
    elif kind == "separate" and fields:
        fields[-1] = False
    elif kind == "end" and fields:
        fields.pop()


def _embedded(element: Any) -> tuple[list[tuple[float, float]], list[Any]]:
    """Picture sizes and top-level text boxes under ``element``, in document order.

    ``mc:Fallback`` holds a second copy of the same shape for old readers, so
    it is skipped; text boxes inside text boxes are left to their own box.
    """
    images: list[tuple[float, float]] = []
    boxes: list[Any] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == TXBX_CONTENT:
            boxes.append(node)
            continue
        if tag == MC_FALLBACK:
            continue
        if tag == WP_EXTENT:
            images.append(_emu_size(node))
        elif tag == V_IMAGEDATA:
            images.append(_vml_size(node.getparent()))
        stack.extend(reversed(node))
    return images, boxes


def _emu_size(extent: Any) -> tuple[float, float]:
    width = integer(extent.get("cx")) or 0
    height = integer(extent.get("cy")) or 0
    return width / _EMU_PER_PT, height / _EMU_PER_PT


def _vml_size(shape: Any) -> tuple[float, float]:
    """Width and height from a VML shape's CSS-like ``style`` attribute."""
    style = dict(
        part.split(":", 1) for part in (shape.get("style") or "").split(";") if ":" in part
    )
    width = length_pt(style.get("width", "").strip()) or 0.0
    height = length_pt(style.get("height", "").strip()) or 0.0
    return width, height


def _signature(element: Any) -> tuple[Any, ...]:
    """A property element's tags and attributes: equal for equal properties.

    Each node in document order gives its tag, its number of children (which
    fixes the nesting) and its attributes as ``(name, value)`` pairs; one
    flat pass, as a recursive one costs twice as much for a rich ``w:pPr``.
    """
    found: list[Any] = []
    for node in element.iter():
        found.append(node.tag)
        found.append(len(node))
        found.extend(node.items())
    return tuple(found)


class _Look:
    """What one distinct ``w:pPr`` makes of a paragraph with text, before its runs."""

    __slots__ = ("fields", "formatted", "kind", "typography")

    def __init__(self, kind: str, fields: dict[str, Any], typography: Typography) -> None:
        #: The block kind: "heading", "list_item" or "paragraph".
        self.kind = kind
        #: Block fields for a heading or list item (a paragraph's depend on its text).
        self.fields = fields
        #: The paragraph formatting, without the character formatting.
        self.typography = typography
        #: :meth:`with_run_format`'s results, by format (read directly by the reader).
        self.formatted: dict[RunFormat, Typography] = {}

    def with_run_format(self, fmt: RunFormat) -> Typography:
        """The paragraph's typography with its dominant character format ``fmt``."""
        typo = self.formatted.get(fmt)
        if typo is None:
            typo = self.formatted[fmt] = with_run_format(self.typography, fmt)
        return typo


class _Para:
    """One scanned ``w:p``: its number, its block (if it shows anything), and extras.

    A plain class, as is :class:`_Table`: making a dataclass costs about a
    millisecond of every process's first DOCX read.
    """

    __slots__ = ("block", "breaks_after", "breaks_before", "number", "rendered_breaks",
                 "sect_pr", "spacer", "struck_text", "textboxes")

    def __init__(self, number: int, block: Block | None, breaks_before: int = 0,
                 breaks_after: int = 0, rendered_breaks: int = 0, sect_pr: Any | None = None,
                 textboxes: list[Any] | None = None, spacer: Typography | None = None,
                 struck_text: str = "") -> None:
        self.number = number
        self.block = block
        self.breaks_before = breaks_before
        self.breaks_after = breaks_after
        self.rendered_breaks = rendered_breaks
        self.sect_pr = sect_pr
        self.textboxes = textboxes if textboxes is not None else []
        #: Typography of an empty paragraph (no block): it still takes a line.
        self.spacer = spacer
        #: Tracked-deleted text of a paragraph with no other text (shown struck through).
        self.struck_text = struck_text


#: A scanned table: rows of cells, each cell its paragraphs (nested tables flattened).
_Rows = list[list[list[_Para]]]


class _Table:
    """A scanned table: its rows of cell paragraphs and the geometry a renderer uses."""

    __slots__ = ("layout", "rows")

    def __init__(self, rows: _Rows, layout: TableLayout) -> None:
        self.rows = rows
        self.layout = layout


def _children(element: Any) -> Iterator[Any]:
    """Block-level children, looking through content controls and custom XML."""
    for child in element:
        tag = child.tag
        if tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content)
        elif tag == CUSTOM_XML:
            yield from _children(child)
        elif tag == MC_ALTERNATE:
            choice = child.find(MC_CHOICE)
            if choice is not None:
                yield from _children(choice)
        else:
            yield child


class _BodyReader:
    """Walks ``w:body`` once, numbering paragraphs and building blocks."""

    def __init__(self, package: _Package) -> None:
        self.package = package
        self.styles = package.styles
        self.numbering = package.numbering
        self.resolved = package.resolved
        self.number = 0
        self.blocks: list[Block] = []
        self.page_setups: list[PageSetup] = []
        self.notes: list[str] = []
        #: Comment id -> paragraph number where the comment is anchored.
        self.comment_lines: dict[str, int] = {}
        self._pending_comments: list[str] = []
        #: One entry per open field: True while in its code, False in its result.
        self._fields: list[bool] = []
        self._pending_rendered = 0
        self._pending_spacers: list[tuple[Typography, str]] = []
        self._section_start = 0
        #: Header/footer in force per (reference kind, type): sections inherit them.
        self._furniture: dict[tuple[str, str], HeaderFooter | None] = {}
        #: Per note kind, the notes' elements by id (separators left out), indexed on first use.
        self._note_index: dict[str, dict[str | None, Any]] = {}

    # scanning: paragraphs and tables in document order

    def scan(self, container: Any) -> Iterator[_Para | _Table]:
        """Paragraphs (text-box paragraphs after their host) and tables of ``container``."""
        for child in _children(container):
            tag = child.tag
            if tag == P:
                para = self._scan_paragraph(child)
                yield para
                for box in para.textboxes:
                    yield from self.scan(box)
            elif tag == TBL:
                yield self._scan_table(child)
            elif tag == COMMENT_START:
                self._pending_comments.append(child.get(W_ID))

    def _scan_table(self, table: Any) -> _Table:
        rows: _Rows = []
        geometry: list[RowLayout] = []
        border = inside_border_pt(table, self.styles)
        for row in _children(table):
            if row.tag != TR:
                continue
            cells = [cell for cell in _children(row) if cell.tag == TC]
            rows.append([self._scan_cell(cell) for cell in cells])
            shown = tuple(cell_layout(cell, _shown_paragraphs(paras), _image_heights(paras))
                          for cell, paras in zip(cells, rows[-1], strict=True))
            geometry.append(row_layout(row, shown, border))
        return _Table(rows, table_layout(table, self.styles, tuple(geometry)))

    def _scan_cell(self, cell: Any) -> list[_Para]:
        paras: list[_Para] = []
        for item in self.scan(cell):
            if isinstance(item, _Para):
                paras.append(item)
            else:
                paras.extend(para for row in item.rows for cell in row for para in cell)
        return paras

    def _scan_paragraph(self, paragraph: Any) -> _Para:
        self.number += 1
        if self._pending_comments:
            for comment_id in self._pending_comments:
                self.comment_lines.setdefault(comment_id, self.number)
            self._pending_comments.clear()
        fields = self._fields.copy() if self._fields else []  # kept only if the path holds
        plain = _plain_runs(paragraph, fields)
        if plain is None:
            return self._scan_marked_up(paragraph)
        self._fields = fields
        ppr, runs, rendered = plain
        key, style_id, sect_pr = self._paragraph_properties(ppr)
        pieces: list[str] = []
        formats: dict[RunFormat, int] = {}
        spans: list[list[Any]] = []
        length = 0
        for rpr, texts in runs:
            piece = "".join(texts)
            fmt = self._run_format(style_id, rpr) if piece else None
            if fmt is not None:
                pieces.append(piece)
                _add_format(formats, spans, length, length + len(piece), fmt)
                length += len(piece)
        block = self._text_block(key, ppr, style_id, "".join(pieces), formats, spans, False)
        return _Para(
            self.number, block, rendered_breaks=rendered,
            spacer=self._mark_typography(key, ppr, style_id) if block is None else None,
            sect_pr=sect_pr,
        )

    def _paragraph_properties(self, ppr: Any | None) -> tuple[Any, str | None, Any | None]:
        """A paragraph's ``w:pPr`` as ``(key, style id, w:sectPr)``.

        The key is its :func:`_signature` (``None`` for no ``w:pPr``), by which
        :meth:`_look` and :meth:`_mark_typography` find what it makes of the
        paragraph; the style, and whether a section ends here, are found once
        per key, so one pass over the element serves them all.
        """
        key = _signature(ppr) if ppr is not None else None
        known = self.resolved.paragraph_styles.get(key)
        if known is None:
            known = self.resolved.paragraph_styles[key] = (
                self.styles.paragraph_style(ppr),
                ppr is not None and first_child(ppr, SECT_PR) is not None)
        return key, known[0], first_child(ppr, SECT_PR) if known[1] else None

    def _scan_marked_up(self, paragraph: Any) -> _Para:
        """A paragraph :func:`_plain_runs` leaves to the general walk, run by run."""
        ppr = first_child(paragraph, PPR)
        key, style_id, sect_pr = self._paragraph_properties(ppr)
        text = _Text()
        for run, deleted in self._runs(paragraph):
            if deleted:
                self._read_deleted(run, text)
            else:
                self._read_run(run, style_id, text)
        block = self._paragraph_block(key, ppr, style_id, text)
        if block is not None:
            block.layout_text = text.layout_text
        return _Para(
            number=self.number,
            block=block,
            spacer=self._mark_typography(key, ppr, style_id) if block is None else None,
            struck_text=(text.layout_text or "") if block is None else "",
            breaks_before=text.breaks_before,
            breaks_after=text.breaks_after,
            rendered_breaks=text.rendered_breaks,
            sect_pr=sect_pr,
            textboxes=text.textboxes,
        )

    def _runs(self, container: Any, deleted: bool = False) -> Iterator[tuple[Any, bool]]:
        """The runs of a paragraph, each with whether it is a tracked deletion.

        Insertions are text; deletions are not, but renderers print them struck
        through, so the layout engine still needs them.
        """
        for child in container:
            tag = child.tag
            if tag == R:
                yield child, deleted
            elif tag == COMMENT_START:
                self.comment_lines.setdefault(child.get(W_ID), self.number)
            elif tag in _DELETIONS and len(child):
                yield from self._runs(child, True)
            elif tag not in _NOT_SHOWN and len(child):
                yield from self._runs(child, deleted)

    def _read_deleted(self, run: Any, text: _Text) -> None:
        """A deleted run's text, for layout only (``w:delText``; tabs as spaces)."""
        if any(self._fields):
            return
        for child in run:
            if child.tag == DEL_TEXT:
                text.add_struck(child.text or "")
            elif child.tag in _SIMPLE_TEXT:
                text.add_struck(_SIMPLE_TEXT[child.tag])

    def _read_run(self, run: Any, style_id: str | None, text: _Text) -> None:
        fmt = self._run_format(style_id, first_child(run, RPR))
        vanished = fmt is None
        hidden = vanished or any(self._fields)
        start = text.length
        for child in run:
            tag = child.tag
            if tag == T:
                if not hidden:
                    text.add(child.text or "")
            elif tag == FLD_CHAR:
                _field_char(self._fields, child.get(FLD_CHAR_TYPE))
                hidden = vanished or any(self._fields)
            elif tag == LAST_RENDERED:
                text.rendered_breaks += 1
            elif tag == COMMENT_REFERENCE:
                self.comment_lines.setdefault(child.get(W_ID), self.number)
            elif tag in _EMBEDS:
                text.embed(child)
            elif hidden:
                continue
            elif tag in _NOTE_REFERENCES:
                text.note_marks.append((_NOTE_REFERENCES[tag], child.get(W_ID), text.length))
            elif tag == BR:
                if child.get(W_TYPE) == "page":
                    text.page_break()
                else:
                    text.add("\n")
            elif tag == SYM:
                text.add(_sym_char(child), sym=True)
            elif tag in _SIMPLE_TEXT:
                text.add(_SIMPLE_TEXT[tag])
        if fmt is not None and text.length > start:  # a hidden run adds no text
            text.formatted(start, fmt)

    # classifying one paragraph

    def _list_depth(self, level: ListLevel, style_id: str | None) -> int:
        """Nesting as the reader sees it.

        Word's built-in "List Bullet 2", "List Number 3", ... styles each point
        at a list of their own at level 0 and show their nesting by indent, so
        the style's number is the depth; otherwise the level (``ilvl``) is.
        """
        named = _NESTED_LIST_STYLE.match(self.styles.name(style_id))
        return max(level.ilvl + 1, int(named[1])) if named else level.ilvl + 1

    def _paragraph_block(self, key: Any, ppr: Any | None, style_id: str | None,
                         text: _Text) -> Block | None:
        """The block of a paragraph read run by run: its text, pictures and note marks."""
        raw = "".join(text.pieces)
        block = self._text_block(key, ppr, style_id, raw, text.formats, text.spans,
                                 bool(text.starts_with_sym))
        if block is None:
            if not text.images:
                return None
            lead = len(raw) - len(raw.lstrip())
            return Block("image", "", SourceMap.at(self.number, lead + 1),
                         Position(self.number, lead + 1), images=tuple(text.images))
        block.images = tuple(text.images)
        if text.note_marks:
            stripped = raw.strip()
            block.note_refs = self._note_refs(text.note_marks, len(raw) - len(raw.lstrip()),
                                              len(stripped))
            block.footnotes = tuple(_note_text(note.content) for note in block.note_refs)
        return block

    def _text_block(self, key: Any, ppr: Any | None, style_id: str | None, raw: str,
                    formats: dict[RunFormat, int], spans: list[list[Any]],
                    starts_with_sym: bool) -> Block | None:
        """A paragraph's block from its visible text ``raw`` and its runs' formats
        (``spans``, see :func:`_add_format`); ``None`` when the text is blank. ``key``:
        the ``w:pPr``'s, see :meth:`_paragraph_properties`."""
        stripped = raw.strip()
        if not stripped:
            return None
        lead = len(raw) - len(raw.lstrip())
        look = self.resolved.looks.get(key) or self._look(key, ppr, style_id)
        fmt = (next(iter(formats)) if len(formats) == 1 else _dominant(formats)) if formats \
            else self.styles.base_run_format(style_id, None)
        typography = look.formatted.get(fmt) or look.with_run_format(fmt)
        number = self.number
        source = _new_tuple(SourceMap, (((0, number, lead + 1),),))
        end = _new_tuple(Position, (number, lead + len(stripped) + 1))
        text = stripped.replace("\t", " ")
        if look.kind == "paragraph":
            block = Block("paragraph", text, source, end, typography=typography,
                          manual_bullet=is_manual_bullet(stripped, starts_with_sym))
        else:
            block = Block(look.kind, text, source, end, typography=typography, **look.fields)
        if len(formats) > 1:
            block.font_spans = _font_spans(spans, typography, lead, len(stripped))
        return block

    def _note_refs(self, marks: list[tuple[str, str | None, int]], lead: int,
                   length: int) -> tuple[NoteRef, ...]:
        """The notes a paragraph's reference marks point at, offsets into its stripped text."""
        refs = []
        for kind, note_id, offset in marks:
            index = self._note_index.get(kind)
            if index is None:
                index = self._note_index[kind] = _notes_by_id(
                    self.package.opc.element(self.package.note_parts.get(kind)), kind)
            note = index.get(note_id)
            if note is not None:
                content = _BodyReader(self.package).furniture(note)
                refs.append(NoteRef(kind, min(max(offset - lead, 0), length), content))  # type: ignore[arg-type]
        return tuple(refs)

    def _look(self, key: Any, ppr: Any | None, style_id: str | None) -> _Look:
        """What the paragraph's ``w:pPr`` makes of a paragraph with text, found once per
        distinct ``w:pPr`` (``key``; most paragraphs of a memo share one of a few)."""
        look = self.resolved.looks.get(key)
        if look is None:
            heading = self.styles.heading_level(style_id, ppr)
            level = self.numbering.paragraph_level(ppr, style_id)
            kind, fields = "paragraph", {}
            if heading is not None:
                kind, fields = "heading", {"level": heading}
            elif level is not None and level.labelled:
                kind, fields = "list_item", {"depth": self._list_depth(level, style_id),
                                             "ordered": level.ordered, "list_id": level.num_id}
            typo = self.styles.paragraph_typography(style_id, level.ppr if level else None)
            look = self.resolved.looks[key] = _Look(kind, fields, apply_ppr(typo, ppr))
        return look

    def _mark_typography(self, key: Any, ppr: Any | None, style_id: str | None) -> Typography:
        """An empty paragraph's typography: its height comes from the paragraph mark's font.

        Found once per distinct ``w:pPr`` (``key``, which names the style), like :meth:`_look`.
        """
        typo = self.resolved.spacers.get(key)
        if typo is None:
            mark = first_child(ppr, RPR) if ppr is not None else None
            fmt = self.styles.run_format(style_id, mark)
            typo = self.styles.paragraph_typography(style_id, None)
            typo = self.resolved.spacers[key] = with_run_format(apply_ppr(typo, ppr), fmt)
        return typo

    def _run_format(self, style_id: str | None, rpr: Any | None) -> RunFormat | None:
        """A run's format after styles, ``None`` for hidden text (``w:vanish``).

        Found once per paragraph style and distinct ``w:rPr``: Word repeats the
        same few properties on most runs, and resolving them costs several
        passes over the element's children.
        """
        key = (style_id, _signature(rpr) if rpr is not None else None)
        cache = self.resolved.run_formats
        fmt = cache.get(key, _UNKNOWN)
        if fmt is _UNKNOWN:
            fmt = cache[key] = (None if rpr is not None and _is_vanished(rpr)
                                else self.styles.run_format(style_id, rpr))
        return fmt  # type: ignore[return-value]

    # emitting blocks

    def read(self, body: Any) -> None:
        """Walk the body, emitting blocks and closing sections as they end."""
        for item in self.scan(body):
            if isinstance(item, _Para):
                self._emit_paragraph(item)
            else:
                self._emit(_table_block(item, self.number))
        self._close_section(body.find(SECT_PR))

    def _emit_paragraph(self, para: _Para) -> None:
        self._pending_rendered += para.rendered_breaks
        for _ in range(para.breaks_before):
            self._emit(_page_break(para.number, 1))
        if para.block is not None:
            self._emit(para.block)
        elif para.spacer is not None and para.sect_pr is None:
            self._pending_spacers.append((para.spacer, para.struck_text))
        for _ in range(para.breaks_after):
            end = para.block.end if para.block is not None else Position(para.number, 1)
            self._emit(_page_break(end.line, end.column))
        if para.sect_pr is not None:
            self._close_section(para.sect_pr)

    def _emit(self, block: Block) -> None:
        """Append a block; page marks seen in empty paragraphs before it count for it."""
        if block.kind != "page_break":
            block.rendered_page_breaks += self._pending_rendered
            self._pending_rendered = 0
        if self._pending_spacers:
            block.spacers = (*block.spacers, *(typo for typo, _ in self._pending_spacers))
            block.spacer_texts = (*block.spacer_texts, *(t for _, t in self._pending_spacers))
            self._pending_spacers.clear()
        self.blocks.append(block)

    def _close_section(self, sect_pr: Any | None) -> None:
        if sect_pr is None:
            self.notes.append(
                "no section properties (w:sectPr) for the last section; "
                "assuming US Letter with 1 in margins"
            )
            self.page_setups.append(PageSetup(first_block=self._section_start))
        else:
            self.page_setups.append(_page_setup(sect_pr, self._section_start,
                                                self._headers_footers(sect_pr)))
        self._section_start = len(self.blocks)

    def _headers_footers(self, sect_pr: Any) -> dict[str, Any]:
        """The section's headers and footers; one it does not name is the previous section's."""
        for reference in sect_pr:
            kind = _FURNITURE_REFERENCES.get(reference.tag)
            if kind is not None:
                package = self.package
                part = package.opc.element(package.opc.related_by_id(package.main,
                                                                     reference.get(_R_ID)))
                self._furniture[kind, reference.get(W_TYPE, "default")] = (
                    _BodyReader(package).furniture(part) if part is not None else None)
        title = sect_pr.find(w("titlePg"))
        return {
            "header": self._furniture.get(("header", "default")),
            "footer": self._furniture.get(("footer", "default")),
            "first_header": self._furniture.get(("header", "first")),
            "first_footer": self._furniture.get(("footer", "first")),
            "title_page": title is not None and is_on(title),
            "gutter_at_top": self.package.gutter_at_top,
        }

    def furniture(self, root: Any) -> HeaderFooter:
        """A header or footer part's content: top-level paragraphs, tables, inline pictures."""
        paragraphs = []
        tables = []
        images: list[float] = []
        for child in _children(root):
            if child.tag == P:
                para = self._scan_paragraph(child)
                inline = [_emu_size(extent)[1] for frame in child.iter(WP_INLINE)
                          for extent in frame.iterfind(WP_EXTENT)]
                if inline and para.block is not None and para.block.kind == "image":
                    images.extend(inline)  # a picture line; floating shapes take no room
                else:
                    paragraphs.extend(_shown_paragraphs([para]))
            elif child.tag == TBL:
                tables.append(self._scan_table(child).layout)
        return HeaderFooter(tuple(paragraphs), tuple(tables), tuple(images))


#: What a cache lookup gives for a key it does not hold (``None`` is a value there).
_UNKNOWN = object()
#: Named tuples (:class:`Position`, :class:`SourceMap`) made as their own ``_make``
#: makes them, without the generated Python ``__new__``: each block of a DOCX
#: needs two, and that call costs as much as the rest of making the pair.
_new_tuple = tuple.__new__


def _is_vanished(rpr: Any) -> bool:
    vanish = first_child(rpr, VANISH)
    return vanish is not None and is_on(vanish)


def _sym_char(sym: Any) -> str:
    """The character a ``w:sym`` shows (Symbol-font codes stay in the private-use area)."""
    code = sym.get(w("char"), "")
    try:
        return chr(int(code, 16))
    except (ValueError, OverflowError):
        return ""


def is_manual_bullet(text: str, starts_with_sym: bool) -> bool:
    """Whether stripped paragraph text (tabs kept) begins with a typed bullet, space, text.

    The space matters: ``-->`` or ``-5 degrees`` start with a glyph but are not bullets.
    """
    glyph = text[0] in BULLET_GLYPHS or starts_with_sym or text.startswith("o\t")
    return glyph and len(text) > 2 and text[1].isspace()


def _notes_by_id(root: Any | None, kind: str) -> dict[str | None, Any]:
    """A notes part's notes by ``w:id``; separators and continuation notices are not notes.

    The part is parsed on the first reference to one of its notes.
    """
    if root is None:
        return {}
    return {note.get(W_ID): note for note in root.iterfind(w(kind))
            if note.get(W_TYPE, "normal") == "normal"}


def _note_text(content: HeaderFooter) -> str:
    """A note's paragraphs as text, one line each."""
    return "\n".join(text for text, _ in content.paragraphs if text)


def _font_spans(spans: list[list[Any]], typography: Typography, lead: int,
                length: int) -> tuple[tuple[int, int, Typography], ...]:
    """Runs set in another font, size or style than the paragraph's dominant one.

    Offsets move from the raw text to the stripped one. Asked only of a
    paragraph in several formats: one in a single format (nearly all) has
    none, and the line breaker keeps its fast path.
    """
    dominant = RunFormat(*(getattr(typography, name) for name in RunFormat._fields))
    found = []
    for start, end, fmt in spans:
        start, end = max(start - lead, 0), min(end - lead, length)
        if fmt != dominant and end > start:
            found.append((start, end, with_run_format(typography, fmt)))
    return tuple(found)


def _dominant(formats: dict[RunFormat, int]) -> RunFormat:
    """Per attribute, the value carried by most characters of the paragraph."""
    if len(formats) == 1:
        return next(iter(formats))
    values = []
    for index in range(len(RunFormat._fields)):
        weights: Counter[Any] = Counter()
        for fmt, chars in formats.items():
            weights[fmt[index]] += chars
        values.append(weights.most_common(1)[0][0])
    return RunFormat(*values)


def _page_break(line: int, column: int) -> Block:
    return Block("page_break", "", SourceMap.at(line, column), Position(line, column))


def _shown_paragraphs(paras: list[_Para]) -> tuple[tuple[str, Typography | None], ...]:
    """A cell's paragraphs as the layout engine sets them: shown text and typography.

    A paragraph holding only pictures is left out: the cell's picture heights
    (:func:`_image_heights`) stand for its line.
    """
    return tuple(
        (para.block.layout_text or para.block.text, para.block.typography)
        if para.block is not None else (para.struck_text, para.spacer)
        for para in paras if para.block is None or para.block.kind != "image"
    )


def _image_heights(paras: list[_Para]) -> tuple[float, ...]:
    """Heights of the pictures in a cell's paragraphs."""
    return tuple(h for p in paras if p.block is not None for _, h in p.block.images if h > 0)


def _table_block(table: _Table, last_number: int) -> Block:
    """One block for a whole table; cell paragraphs keep their own positions."""
    rows = table.rows
    paras = [para for row in rows for cell in row for para in cell]
    texts = [p.block for p in paras if p.block is not None and p.block.text]
    anchors = []
    offset = 0
    for block in texts:
        anchors.append((offset, block.start.line, block.start.column))
        offset += len(block.text) + 1
    first = paras[0].number if paras else last_number
    return Block(
        "table",
        "\n".join(block.text for block in texts),
        SourceMap(tuple(anchors)) if anchors else SourceMap.at(first),
        texts[-1].end if texts else Position(paras[-1].number if paras else first, 1),
        rows=tuple(tuple(_cell_text(cell) for cell in row) for row in rows),
        images=tuple(i for p in paras if p.block is not None for i in p.block.images),
        rendered_page_breaks=sum(p.rendered_breaks for p in paras),
        typography=texts[0].typography if texts else None,
        table_layout=table.layout,
        footnotes=tuple(note for block in texts for note in block.footnotes),
        note_refs=tuple(note for block in texts for note in block.note_refs),
    )


def _cell_text(paras: list[_Para]) -> str:
    return "\n".join(p.block.text for p in paras if p.block is not None and p.block.text)


#: PageSetup field -> (sectPr child, attribute), all twips.
_PAGE_MEASURES = {
    "width_pt": (w("pgSz"), w("w")),
    "height_pt": (w("pgSz"), w("h")),
    "margin_top_pt": (w("pgMar"), w("top")),
    "margin_bottom_pt": (w("pgMar"), w("bottom")),
    "margin_left_pt": (w("pgMar"), w("left")),
    "margin_right_pt": (w("pgMar"), w("right")),
    "header_distance_pt": (w("pgMar"), w("header")),
    "footer_distance_pt": (w("pgMar"), w("footer")),
    "gutter_pt": (w("pgMar"), w("gutter")),
    "column_space_pt": (w("cols"), w("space")),
}
_PG_SZ, _COLS, _ORIENT, _NUM, _VAL = w("pgSz"), w("cols"), w("orient"), w("num"), w("val")


def _page_setup(sect_pr: Any, first_block: int, furniture: dict[str, Any]) -> PageSetup:
    """A section's page, with its headers and footers (``furniture``); anything the
    section leaves out keeps Word's default."""
    children: dict[Any, Any] = {}
    for child in sect_pr:
        children.setdefault(child.tag, child)  # the first of a kind counts, as find() has it
    values: dict[str, Any] = {}
    for name, (tag, attr) in _PAGE_MEASURES.items():
        element = children.get(tag)
        value = twips_pt(element.get(attr)) if element is not None else None
        if value is not None:
            values[name] = value
    size = children.get(_PG_SZ)
    if size is not None and size.get(_ORIENT) == "landscape":
        values["orientation"] = "landscape"
    cols = children.get(_COLS)
    columns = integer(cols.get(_NUM)) if cols is not None else None
    if columns:
        values["columns"] = max(columns, 1)
    start = children.get(W_TYPE)
    if start is not None and start.get(_VAL):
        values["start"] = start.get(_VAL)
    return PageSetup(**values, **furniture, first_block=first_block)


# --- comments, notes, entry point -------------------------------------------


def _suppressions(comments: Any | None, lines: dict[str, int]) -> list[Suppression]:
    """Directives in Word comments, standing on the paragraph the comment marks.

    ``disable-next-line`` in a comment silences the paragraph it is anchored
    on: a comment cannot stand on an empty line of its own as HTML can.
    """
    found: list[Suppression] = []
    if comments is None:
        return found
    for comment in comments.iterfind(w("comment")):
        line = lines.get(comment.get(W_ID))
        text = "\n".join("".join(t.text or "" for t in p.iter(T)) for p in comment.iter(P))
        if line is None or "memolint-" not in text.lower():
            continue
        for directive in parse_directives(text, line):
            if directive.action == "disable-next-line":
                directive = directive._replace(target_line=line)
            found.append(directive)
    return found


def _tracked_note(body: Any) -> list[str]:
    changes = sum(1 for _ in body.iter(*_TRACKED))
    if not changes:
        return []
    return [f"{changes} tracked changes read as accepted (insertions kept, deletions dropped)"]


def read_docx(data: bytes, path: str) -> Document:
    """Read a DOCX file's bytes into a Document; InputError for anything unreadable."""
    with _zip(data, path) as archive:
        keys: dict[str, Any] = {}
        package = _open(archive, data, _check_package(archive, data, path, keys), path, keys)
        reader = _BodyReader(package)
        try:
            reader.read(package.body)
        except (etree.XMLSyntaxError, PackageError) as exc:  # a header or notes part
            raise _corrupt(path, exc) from exc
    return Document(
        path=path,
        format="docx",
        blocks=reader.blocks,
        page_setups=reader.page_setups,
        suppressions=_suppressions(package.comments, reader.comment_lines),
        stated_pages=package.stated_pages,
        default_typography=package.styles.default_typography(),
        notes=reader.notes + _tracked_note(package.body),
        line_count=reader.number,
    )
