"""Open Packaging Conventions, as much as the DOCX reader needs, without python-docx.

A ``.docx`` is a zip of parts tied together by relationship files
(``_rels/.rels`` for the package, ``word/_rels/document.xml.rels`` for the
main part, ...). python-docx walks that whole graph and parses every XML part
on open, through its own element classes; the reader wants five or six parts
as plain lxml trees, so this module resolves parts by relationship type or id
and parses one only when asked.

It relies on its caller's checks: the caller hands over a zip it has
already validated (sizes, ratios, no DTD in any XML part, see
:func:`memolint.readers.docx.read_docx`), and every part is parsed by
:data:`PARSER`, which loads no DTD, expands no entity and fetches nothing.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
from collections.abc import Callable
from typing import Any, TypeVar

from lxml import etree

#: python-docx's parser options (blank text between elements dropped, so the
#: reader sees the same trees), with every hardening option spelled out. No
#: table of ``xml:id`` attributes is kept (nothing looks elements up by id):
#: a few percent of parsing a 350 KB styles part.
PARSER = etree.XMLParser(
    remove_blank_text=True,
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    huge_tree=False,
    collect_ids=False,
)

_PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELATIONSHIP = f"{{{_PR_NS}}}Relationship"
_OD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MAIN_DOCUMENT = f"{_OD}/officeDocument"
STYLES, NUMBERING, THEME = f"{_OD}/styles", f"{_OD}/numbering", f"{_OD}/theme"
SETTINGS, COMMENTS = f"{_OD}/settings", f"{_OD}/comments"
FOOTNOTES, ENDNOTES = f"{_OD}/footnotes", f"{_OD}/endnotes"
EXTENDED_PROPERTIES = f"{_OD}/extended-properties"
WORD_MAIN_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
#: The package itself, as a source of relationships.
PACKAGE = "/"


class PackageError(Exception):
    """The package's structure is broken: no main part, bad relationships, wrong type."""


def parse_xml(blob: bytes) -> Any:
    """The root element of one XML part, parsed by the hardened :data:`PARSER`."""
    return etree.fromstring(blob, PARSER)


class Relationship:
    """One ``Relationship`` of a ``.rels`` part, its target made an absolute part name."""

    __slots__ = ("external", "reltype", "rid", "target")

    def __init__(self, element: Any, base: str) -> None:
        try:
            self.rid: str = element.attrib["Id"]
            self.reltype: str = element.attrib["Type"]
            target = element.attrib["Target"]
        except KeyError as exc:
            raise PackageError(f"relationship without the required {exc} attribute") from None
        self.external = element.get("TargetMode") == "External"
        #: Relative targets resolve against the source's folder; ``/word/x.xml`` stays.
        self.target = target if self.external else posixpath.normpath(
            posixpath.join(base, target))


class _Relationships:
    """The relationships of one source, as python-docx keeps them.

    By id, a later duplicate replacing an earlier one; and, apart, the
    internal targets by id, where an external duplicate replaces nothing.
    Built from the ``.rels`` part's root (``None``: the source has none) and
    the source's folder, against which relative targets resolve; shared by
    packages through :meth:`Package.shared` and never changed after.
    """

    def __init__(self, root: Any | None, folder: str) -> None:
        self.by_id: dict[str, Relationship] = {}
        self.internal: dict[str, str] = {}
        for element in root.iterfind(_RELATIONSHIP) if root is not None else ():
            rel = Relationship(element, folder)
            self.by_id[rel.rid] = rel
            if not rel.external:
                self.internal[rel.rid] = rel.target

    def of_type(self, reltype: str) -> list[Relationship]:
        return [rel for rel in self.by_id.values() if rel.reltype == reltype]


class _ContentTypes:
    """``[Content_Types].xml``: a part's type by its name, else by its extension.

    The first declaration of a name or an extension counts, as the file is
    read top down. Shared by packages through :meth:`Package.shared`.
    """

    def __init__(self, root: Any | None) -> None:
        if root is None:
            raise PackageError("no [Content_Types].xml in the package")
        self.overrides: dict[str, str | None] = {}
        self.defaults: dict[str, str | None] = {}
        for override in root.iterfind(f"{{{_CT_NS}}}Override"):
            self.overrides.setdefault(override.get("PartName", "").lower(),
                                      override.get("ContentType"))
        for default in root.iterfind(f"{{{_CT_NS}}}Default"):
            self.defaults.setdefault(default.get("Extension", "").lower(),
                                     default.get("ContentType"))

    def of(self, partname: str) -> str | None:
        lowered = partname.lower()
        if lowered in self.overrides:
            return self.overrides[lowered]
        return self.defaults.get(posixpath.splitext(partname)[1][1:].lower())


_T = TypeVar("_T")
#: :meth:`Package.shared` results by (builder, fingerprint, context), least
#: recently used first: a few templates' parts (styles, theme, settings,
#: numbering, relationships, content types, app properties: about eight each;
#: a styles tree is a few MB, the rest are small).
_SHARED: dict[tuple[Any, ...], Any] = {}
_SHARED_MAX = 32

#: A zip local file header: signature, then name and extra field lengths at offset 26.
_LOCAL_HEADER, _LOCAL_HEADER_SIZE = b"PK\x03\x04", 30


def fingerprint(data: bytes, info: zipfile.ZipInfo) -> tuple[Any, ...] | None:
    """All that decides what a zip member inflates to, read without inflating it.

    The central directory's entry and the local header and compressed stream
    zipfile reads (``data`` is the zip's bytes): two members with one
    fingerprint inflate to the same bytes or fail alike, so what was learnt
    from one member's bytes holds for the other's (a template's styles part,
    shared by every memo written from it). ``None`` for a broken header.
    """
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER_SIZE]
    if len(header) < _LOCAL_HEADER_SIZE or not header.startswith(_LOCAL_HEADER):
        return None
    name_length, extra_length = struct.unpack_from("<HH", header, 26)
    end = start + _LOCAL_HEADER_SIZE + name_length + extra_length + info.compress_size
    return (info.filename, info.compress_type, info.flag_bits, info.CRC, info.file_size,
            info.compress_size, data[start:end])


class Package:
    """A validated DOCX zip: parts found through relationships, inflated and parsed on use."""

    def __init__(self, archive: zipfile.ZipFile, data: bytes | None = None,
                 blobs: dict[str, bytes] | None = None,
                 keys: dict[str, tuple[Any, ...] | None] | None = None) -> None:
        self._archive = archive
        #: The zip's own bytes, from which :meth:`fingerprint` slices a part's stream.
        self._data = data
        #: Member bytes by member name, as far as read (the package checks read small parts).
        self._blobs = blobs if blobs is not None else {}
        #: Member :func:`fingerprint` by member name, as far as taken (the checks take
        #: the XML parts'; ``None``: not taken): slicing and hashing a part's stream
        #: again costs more than the lookup of what was learnt from it.
        self._keys = keys if keys is not None else {}
        self._rels: dict[str, _Relationships] = {}
        self._elements: dict[str | None, Any] = {}

    def blob(self, partname: str | None) -> bytes | None:
        """A part's bytes, ``None`` for no part or one the zip does not hold."""
        if partname is None:
            return None
        member = partname[1:]
        blob = self._blobs.get(member)
        if blob is None:
            try:
                blob = self._archive.read(member)
            except KeyError:
                return None
            self._blobs[member] = blob
        return blob

    def fingerprint(self, partname: str | None) -> tuple[Any, ...] | None:
        """The part's :func:`fingerprint`; ``None`` for no part or no zip bytes."""
        if partname is None or self._data is None:
            return None
        member = partname[1:]
        key = self._keys.get(member)  # None: not taken (a big part), or a broken header
        if key is not None:
            return key
        try:
            info = self._archive.getinfo(member)
        except KeyError:
            return None
        key = self._keys[member] = fingerprint(self._data, info)
        return key

    def shared(self, partname: str | None, build: Callable[..., _T], *context: Any) -> _T:
        """``build(root element or None, *context)``, computed once per process per
        distinct part and context.

        Keyed by :meth:`fingerprint`, and kept only once it succeeded, so a
        part that fails to read or parse fails again for every document.
        ``build`` must return a value nobody changes afterwards, and depend
        on nothing but the part and ``context`` (hashable values).
        """
        key = self.fingerprint(partname)
        if key is not None:
            key = (build, key, *context)
            if key in _SHARED:
                _SHARED[key] = _SHARED.pop(key)  # the most recently used is last
                return _SHARED[key]  # type: ignore[no-any-return]
        value = build(self.element(partname), *context)
        if key is not None:
            if len(_SHARED) >= _SHARED_MAX:
                del _SHARED[next(iter(_SHARED))]
            _SHARED[key] = value
        return value

    def element(self, partname: str | None) -> Any | None:
        """A part's root element, parsed once; ``None`` for no part or a missing member."""
        if partname not in self._elements:
            blob = self.blob(partname)
            self._elements[partname] = parse_xml(blob) if blob is not None else None
        return self._elements[partname]

    def relationships(self, source: str) -> _Relationships:
        """The relationships of part ``source`` (``PACKAGE`` for the package)."""
        rels = self._rels.get(source)
        if rels is None:
            folder, name = posixpath.split(source)
            rels = self._rels[source] = self.shared(
                posixpath.join(folder, "_rels", f"{name}.rels"), _Relationships, folder)
        return rels

    def related(self, source: str, reltype: str) -> str | None:
        """The part ``source`` relates to by ``reltype``, if exactly one internal one exists.

        Like python-docx, two relationships of one type, or an external one,
        mean none; so does a target the zip does not hold.
        """
        matching = self.relationships(source).of_type(reltype)
        if len(matching) != 1 or matching[0].external:
            return None
        return self._existing(matching[0].target)

    def related_by_id(self, source: str, rid: str | None) -> str | None:
        """The part ``source`` relates to by relationship id ``rid``, if it exists."""
        target = self.relationships(source).internal.get(rid) if rid else None
        return self._existing(target) if target is not None else None

    def main_part(self) -> str:
        """The main document part's name; PackageError unless it is a Word document."""
        matching = self.relationships(PACKAGE).of_type(MAIN_DOCUMENT)
        if not matching:
            raise PackageError(f"no relationship of type '{MAIN_DOCUMENT}' in collection")
        if len(matching) > 1 or matching[0].external:
            raise PackageError("the package names no single main document part")
        main = matching[0].target
        if self.blob(main) is None:
            raise PackageError(f"the main document part {main} is missing")
        content_type = self.content_type(main)
        if content_type != WORD_MAIN_TYPE:
            raise PackageError(f"not a Word document (main part content type {content_type!r})")
        return main

    def content_type(self, partname: str) -> str | None:
        """A part's content type from ``[Content_Types].xml`` (override, else by extension)."""
        return self.shared("/[Content_Types].xml", _ContentTypes).of(partname)

    def _existing(self, partname: str) -> str | None:
        """``partname`` if the zip holds it (it is read, and checked, when used)."""
        try:
            self._archive.getinfo(partname[1:])
        except KeyError:
            return None
        return partname
