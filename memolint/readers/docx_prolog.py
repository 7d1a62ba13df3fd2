"""Whether an XML part declares a DTD, decided from its prolog.

The XML grammar lets a document type declaration stand only in the prolog,
before the root element (``prolog ::= XMLDecl? Misc* (doctypedecl Misc*)?``,
``Misc`` a comment, a processing instruction or white space), and lxml
(libxml2) follows it: a ``<!DOCTYPE`` after the root's start tag is a syntax
error, never a DTD. So a part's first bytes decide, and the rest of it (a
350 KB styles part, its 440 KB "with effects" twin) need not be inflated.

The prolog is decoded as libxml2 decodes it: by a byte order mark or the
first four bytes (UTF-16, UTF-32), else by the XML declaration's
``encoding`` (UTF-7 and other encodings that spell ``<?xml`` in ASCII),
else as UTF-8. What this cannot vet (an encoding Python does not know, a
declaration that contradicts the byte order mark, anything but prolog and a
start tag, a part that ends inside its prolog) falls back to searching the
whole part's bytes for the marker, as the reader did before.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

_DOCTYPE = "<!DOCTYPE"
#: ``<!DOCTYPE`` in the encodings the whole-part fallback searches raw bytes for.
_ASCII_MARKER = _DOCTYPE.encode("ascii")
_WIDE_MARKERS = (_DOCTYPE.encode("utf-16-le"), _DOCTYPE.encode("utf-16-be"))
#: (first bytes, encoding, length of the byte order mark), as XML 1.0 appendix F detects.
_SIGNATURES = (
    (b"\x00\x00\xfe\xff", "utf-32-be", 4), (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\x00<", "utf-32-be", 0), (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\xef\xbb\xbf", "utf-8", 3), (b"\xfe\xff", "utf-16-be", 2), (b"\xff\xfe", "utf-16-le", 2),
    (b"\x00<\x00?", "utf-16-be", 0), (b"<\x00?\x00", "utf-16-le", 0),
)
_DECLARED = re.compile(r"<\?xml\s[^>]*?\bencoding\s*=\s*([\"'])([A-Za-z][\w.\-]*)\1")
#: Comments, processing instructions (the XML declaration too) and white space.
_MISC = re.compile(r"(?:<\?.*?\?>|<!--.*?-->|[ \t\r\n]+)*", re.DOTALL)
#: What the prolog's next item may begin with, when ``head`` ends before it is whole.
_OPENERS = (_DOCTYPE, "<!--", "<?")
_FIRST_READ = 1024


class _Unvetted(Exception):
    """The prolog cannot be read with certainty: search the whole part instead."""


def declares_dtd(read: Callable[[int], bytes]) -> bool:
    """Whether the part that ``read(n)`` returns, n bytes at a time, declares a DTD.

    A Word part is decided by its first kilobyte; a long prolog is read in
    doubling steps, so the work stays linear in the prolog's length.
    """
    head = b""
    size = _FIRST_READ
    while True:
        chunk = read(size)
        head += chunk
        try:
            verdict = _prolog_verdict(head)
        except _Unvetted:
            return _has_marker(head + _rest(read))
        if verdict is not None:
            return verdict
        if not chunk:
            return _has_marker(head)
        size *= 2


def _rest(read: Callable[[int], bytes]) -> bytes:
    return b"".join(iter(lambda: read(1024 * 1024), b""))


def _has_marker(data: bytes) -> bool:
    """Whether ``<!DOCTYPE`` occurs anywhere, in ASCII or UTF-16 (those only if a NUL is)."""
    return _ASCII_MARKER in data or (
        b"\0" in data and any(marker in data for marker in _WIDE_MARKERS))


def _prolog_verdict(head: bytes) -> bool | None:
    """True: a DTD; False: the root's start tag comes first; None: the prolog goes on."""
    text = _decoded(head)
    if text is None:
        return None
    rest = text[_MISC.match(text).end():]  # type: ignore[union-attr]
    if rest.startswith(_DOCTYPE):
        return True
    if len(rest) > 1 and rest[0] == "<" and _starts_name(rest[1]):
        return False
    if rest.startswith(("<?", "<!--")) or any(opener.startswith(rest) for opener in _OPENERS):
        return None  # an unfinished comment or instruction, or ``head`` ends in an opener
    raise _Unvetted


def _starts_name(char: str) -> bool:
    """Whether an element name can start with ``char`` (U+FFFD: undecodable bytes)."""
    return (char.isalpha() or char in "_:") if char.isascii() else char != "\ufffd"


def _decoded(head: bytes) -> str | None:
    """The part's first characters as libxml2 reads them; None while the declaration is cut."""
    encoding, mark = next(((encoding, mark) for signature, encoding, mark in _SIGNATURES
                           if head.startswith(signature)), ("", 0))
    text = head[mark:].decode(encoding or "utf-8", "replace")
    if not text.startswith("<?xml"):
        return text
    end = text.find("?>")
    if end < 0:
        return None
    match = _DECLARED.match(text, 0, end + 2)
    if match is None:
        return text
    try:
        declared = codecs.lookup(match[2]).name
        if encoding:  # a byte order mark or wide first bytes: the declaration may only agree
            agrees = declared.startswith(encoding[:6])
        else:  # libxml2 switches to the declared encoding
            agrees = b"<?xml".decode(declared, "replace") == "<?xml"
            text = head.decode(declared, "replace")
    except LookupError:  # unknown to Python, or not a text encoding ("base64")
        raise _Unvetted from None
    if not agrees:
        raise _Unvetted
    return text
