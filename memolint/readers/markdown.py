"""Markdown reader: CommonMark + pipe tables + front matter into a Document.

What a reader of the rendered memo sees becomes block text: emphasis markers,
link destinations, HTML and front matter are dropped; link text, inline code
and image alt text stay; entities and escapes are decoded. That matches what
pandoc renders (the page model and the word counts are measured on pandoc's
output), without depending on pandoc.

Every block carries a :class:`~memolint.document.SourceMap` that is built while
the text is assembled, never by searching the document for the text afterwards.
markdown-it gives each inline token the raw source of its block (``content``)
and the block's line range; each content line is a suffix of its source line
once container markers (``>``, list indentation) are cut off, which fixes the
column of every content line. Walking the inline children with a cursor into
that content then places every visible character; the few inline rules whose
source extent cannot be read back from their tokens (links, images, autolinks,
code spans) are wrapped to record it in ``token.meta``.

Block decisions:

* The first paragraph of a list item is the ``list_item`` block. Later
  paragraphs of the same item are ``paragraph`` blocks carrying the item's
  ``depth``, ``list_id`` and ``ordered``: they continue the item's prose and
  are not new items (pandoc shows them without a label). Every other block
  inside a list (heading, code, table, quote) carries them too.
* A paragraph whose nearest container is a block quote is a ``quote``; list
  items and headings inside quotes keep their kind with ``quoted=True``.
* A paragraph that holds nothing but an image (optionally linked) is an
  ``image`` block whose text is the alt text, unless it is an item's first
  paragraph (then it is still the ``list_item``).
* A task list item's ``[ ]``/``[x]`` shows as ``☐``/``☒``, as pandoc renders
  it; ``<br>`` reads as a space.
* Blocks without visible text (an empty list item, a paragraph of only HTML)
  are not emitted; block text never starts or ends with whitespace, except
  that code keeps its indentation. A thematic break (``---``) is the one
  exception: a ``thematic_break`` block without text, as pandoc writes it as
  a paragraph of its own that takes a line on the page.
* What the layout needs beyond the text: bold and italic stretches become
  ``font_spans`` (only ``bold``/``italic`` set; the page model gives the
  rest), and a hard line break (a backslash or two spaces at the end of a
  line) reads as a space in ``text`` but as a newline in ``layout_text``.
"""

from __future__ import annotations

import bisect
import codecs
import functools
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, autolink, backtick, image, link
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.footnote.index import footnote_ref, footnote_tail
from mdit_py_plugins.front_matter import front_matter_plugin

from memolint.document import (
    Block,
    Document,
    HeaderFooter,
    NoteRef,
    Position,
    SourceMap,
    Suppression,
    Typography,
)
from memolint.errors import InputError
from memolint.suppressions import parse_directives

if TYPE_CHECKING:
    import yaml

#: Whitespace as CommonMark trims it (markdown-it's ``mdTrim``); ``str.strip()``
#: alone would also cut characters markdown-it keeps, breaking suffix checks.
_TRIM = MD_TRIM_CHARS

#: What may stand before a block's text on its line: indentation, block quote
#: markers, list labels and ATX heading markers.
_LINE_PREFIX = re.compile(r"[ \t>#*+\-\d.)]*")

#: Block quote markers and list labels before a table row inside containers.
_CONTAINER_MARKERS = re.compile(r"(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))*[ \t]*")
_INDENT = re.compile(r"[ \t]*")


#: ``<br>`` reads as a line break; other inline HTML tags show nothing.
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)

#: A GFM task list item's box, which pandoc renders as a ballot box glyph.
_TASK_BOX = re.compile(r"\[([ xX])\](?=\s|$)")

#: Byte order marks and their encodings; UTF-32 first, as its LE mark starts like UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: The first characters (after indentation) a block of these kinds can start
#: with; each of these block rules refuses a line that starts otherwise. The
#: other rules (paragraphs, setext headings, tables, indented code, front
#: matter) can start at any character.
_BLOCK_STARTS = {
    "fence": "`~", "blockquote": ">", "hr": "*-_", "list": "*-+0123456789",
    "footnote_def": "[", "reference": "[", "html_block": "<", "heading": "#",
}

#: Emphasis tokens that open a stretch set in another face: bold, or italic.
_STYLE_OPEN = {"strong_open": True, "em_open": False}
_STYLE_CLOSE = frozenset({"strong_close", "em_close"})
#: The faces of emphasised text, by (bold, italic); the page model sets the rest.
_STYLED = {(bold, italic): Typography(bold=bold, italic=italic)
           for bold in (False, True) for italic in (False, True)}

#: Inline rules whose full source extent is recorded on their last token.
_SPAN_RULES = {
    "link": link, "image": image, "autolink": autolink, "backticks": backtick,
    "footnote_ref": footnote_ref,
}


def read_markdown(data: bytes, path: str) -> Document:
    """Parse a Markdown file's bytes into a Document.

    Raises InputError when the bytes are not text (see :func:`_decode`).
    """
    text = _decode(data, path)
    lines = text.split("\n")
    tokens = _parser().parse(text)
    reader = _BlockReader(lines)
    front_matter: dict[str, Any] = {}
    settings: dict[str, Any] = {}
    if tokens and tokens[0].type == "front_matter":
        front_matter, settings = reader.front_matter(tokens[0])
    reader.read(tokens)
    return Document(
        path=path,
        format="markdown",
        blocks=reader.blocks,
        front_matter=front_matter,
        settings=settings,
        suppressions=reader.suppressions,
        notes=reader.notes,
        line_count=len(lines) - 1 if text.endswith("\n") else len(lines),
    )


@functools.cache
def _parser() -> MarkdownIt:
    """The one parser of the process (its configuration never changes)."""
    md = _configured_parser()
    _dispatch_block_rules(md)
    _dispatch_inline_rules(md)
    pattern = getattr(md.inline, "terminator_re", None)
    # markdown-it-py >= 4 exposes where plain text stops
    terminators = _terminator_chars(pattern) if pattern is not None else None
    if terminators is not None:
        md.core.ruler.at("inline", _inline_rule(terminators))
    md.core.ruler.at("footnote_tail", _footnote_tail_if_marked)
    return md


def _footnote_tail_if_marked(state: StateCore) -> None:
    """The footnote plugin's ``footnote_tail``, skipped when no note can exist.

    Both a footnote reference and a definition start with ``[^``; without one
    in the source, the rule would only copy the token list unchanged.
    """
    if "[^" in state.src:
        footnote_tail(state)


def _configured_parser() -> MarkdownIt:
    """A parser with the syntax memolint reads, trying every block rule everywhere.

    ``text_join`` is off so escapes and entities stay ``text_special`` tokens
    whose ``markup`` is their source; strikethrough is on because pandoc's
    GFM reads ``~~x~~`` as struck-out text, not as tildes. Footnotes are
    GFM's ``[^label]`` references and ``[^label]: text`` definitions (pandoc
    renders them at the page foot); GFM has no inline ``^[note]``.
    ``normalize`` is off: :func:`_decode` already made every line ending
    ``\\n`` and refused NUL, so it would only copy the text (see :func:`_title`).
    """
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)
    md.use(footnote_plugin, inline=False)
    md.disable(["text_join", "normalize"])
    for name, rule in _SPAN_RULES.items():
        md.inline.ruler.at(name, _recording_span(rule))
    return md


def _dispatch_block_rules(md: MarkdownIt) -> None:
    """Try at each block start only the block rules its first character allows.

    markdown-it tries every block rule in turn wherever a block may start, and
    most of them give up after one look at the line's first character (see
    :data:`_BLOCK_STARTS`). Skipping those calls leaves the tokens unchanged:
    the order of the remaining rules is kept. The chains that decide whether
    a line interrupts a paragraph, list or quote are narrowed the same way
    (:func:`_terminator_chain`): in real Markdown a wrapped paragraph asks
    nine rules about each of its lines.

    The commonest blocks skip the rules altogether: a plain paragraph, a
    plain tight bullet list and a plain ATX heading are pushed as the tokens
    their rule would make (:func:`_push_plain_paragraph`,
    :func:`_push_tight_list`, :func:`_push_atx_heading`), and before a blank
    line the rules that need a second line are not tried. These shortcuts
    are only taken with the rule set they were checked against.
    """
    ruler = md.block.ruler
    named = list(zip(ruler.get_active_rules(), ruler.getRules(""), strict=True))
    anywhere, by_char = _by_first_char(named)
    # The shortcuts below rely on which rules may start anywhere.
    checked = [name for name, _ in named if name not in _BLOCK_STARTS] == _ANYWHERE_RULES
    # Before a blank line (or the end), rules that need a second line refuse
    # any line, and indented code any line indented less than four.
    two_lines = {rule for name, rule in named if name in _NEED_TWO_LINES}
    by_char_alone = {char: [rule for rule in rules if rule not in two_lines]
                     for char, rules in by_char.items()}
    rules_by_name = dict(named)
    heading = rules_by_name.get("heading")
    blocks = checked and heading is not None and {"hr", "list"} <= rules_by_name.keys()

    def dispatch(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[start] + state.tShift[start]
        char = state.src[pos] if pos < state.eMarks[start] else ""
        if char in _BULLETS and blocks and state.parentType == "root" and (
                state.blkIndent == 0 and _push_tight_list(state, start, heading)):
            return True
        following = start + 1
        rules = by_char.get(char, anywhere)
        if checked and not state.is_code_block(start):
            if rules is anywhere and _push_plain_paragraph(state, start):
                return True
            if following >= state.lineMax or state.isEmpty(following):
                if char == "#" and blocks and _push_atx_heading(state, start):
                    return True
                rules = by_char_alone.get(char, rules)
        for rule in rules:  # noqa: SIM110 - no generator per block
            if rule(state, start, end, silent):
                return True
        return False

    names = {rule: name for name, rule in named}
    chains: dict[str, list[Callable[..., bool]]] = {"": [dispatch]}
    for chain in {alt for rule in ruler.__rules__ if rule.enabled for alt in rule.alt}:
        chains[chain] = [_terminator_chain(
            [(names[rule], rule) for rule in ruler.getRules(chain)])]
    ruler.getRules = lambda name="": chains.get(name, [])  # type: ignore[method-assign]


def _by_first_char(named: Sequence[tuple[str, Callable[..., bool]]],
                   starts: dict[str, str] = _BLOCK_STARTS) -> tuple[
        list[Callable[..., bool]], dict[str, list[Callable[..., bool]]]]:
    """Rules (in order) that may start anywhere, and by first character (see
    :data:`_BLOCK_STARTS`, :data:`_INLINE_STARTS`) those that may start at it."""
    anywhere = [rule for name, rule in named if name not in starts]
    by_char = {
        char: [rule for name, rule in named if char in starts.get(name, char)]
        for char in set("".join(starts.values()))
    }
    return anywhere, by_char


#: The characters each inline rule can start at; each refuses any other before
#: it changes anything. ``text`` (plain text up to the next terminator) may
#: start anywhere.
_INLINE_STARTS = {
    "newline": "\n", "escape": "\\", "backticks": "`", "strikethrough": "~", "emphasis": "*_",
    "link": "[", "image": "!", "footnote_ref": "[", "autolink": "<", "html_inline": "<",
    "entity": "&",
}
#: The inline rules :data:`_INLINE_STARTS` was checked against, in markdown-it's order.
_INLINE_RULES = ["text", "newline", "escape", "backticks", "strikethrough", "emphasis", "link",
                 "image", "footnote_ref", "autolink", "html_inline", "entity"]


def _dispatch_inline_rules(md: MarkdownIt) -> None:
    """Try at each inline position only the inline rules its character allows.

    markdown-it tries its inline rules in turn at every character where plain
    text stops (markup, but also ``-`` or ``:`` in prose), and most of them
    give up after one look at that character. Skipping those calls, as for
    block rules (:func:`_dispatch_block_rules`), leaves the tokens unchanged:
    the order of the remaining rules is kept. Only with the rule set checked.
    """
    ruler = md.inline.ruler
    if ruler.get_active_rules() != _INLINE_RULES:
        return
    anywhere, by_char = _by_first_char(
        list(zip(_INLINE_RULES, ruler.getRules(""), strict=True)), _INLINE_STARTS)

    def dispatch(state: StateInline, silent: bool) -> bool:
        for rule in by_char.get(state.src[state.pos], anywhere):  # noqa: SIM110
            if rule(state, silent):
                return True
        return False

    chain = [dispatch]
    ruler.getRules = lambda name="": chain if name == "" else []  # type: ignore[method-assign]


def _terminator_chain(named: Sequence[tuple[str, Callable[..., bool]]]) -> Callable[..., bool]:
    """One rule standing for a chain of terminator rules: whether any of them takes
    the line, trying only those its first character allows.

    Every caller of a chain (paragraph, setext heading, list, quote, table,
    reference) stops at the first rule that takes the line, so the chain is
    one yes-or-no question, asked of fewer rules.
    """
    anywhere, by_char = _by_first_char(named)

    def terminates(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        pos = state.bMarks[start] + state.tShift[start]
        char = state.src[pos] if pos < state.eMarks[start] else ""
        for rule in by_char.get(char, anywhere):  # noqa: SIM110 - no generator per line
            if rule(state, start, end, silent):
                return True
        return False

    return terminates


#: The block rules that may start at any character, in markdown-it's order.
_ANYWHERE_RULES = ["front_matter", "table", "code", "lheading", "paragraph"]
#: Rules that refuse a line followed by a blank one (or the end) unless it is
#: indented code: a table and a setext heading need a second line.
_NEED_TWO_LINES = frozenset({"table", "code", "lheading"})


#: Bullet list markers.
_BULLETS = frozenset("-*+")


def _push_tight_list(state: StateBlock, start: int, heading: Callable[..., bool]) -> bool:
    """Push the tokens markdown-it's ``list`` rule makes of a plain tight bullet list.

    Only for the simplest list, at the top level: from line ``start`` on,
    unindented items of one line each, ``marker``, one space and a letter
    (so the item's text is one plain paragraph: no other block starts with a
    letter, and the next item or the end interrupts it), on consecutive lines.
    The list must then clearly end: at a blank line followed by an unindented
    line without the marker (which would continue the list, loose), or at
    the end, or at an ATX heading right after the last item. Anything else
    is left to markdown-it (``False``).
    """
    src, begins, ends, counts = state.src, state.bMarks, state.eMarks, state.sCount
    marker, last = src[begins[start]], state.lineMax
    line = start
    while line < last and counts[line] == 0 and ends[line] - begins[line] > 2 and (
            src[begins[line]] == marker and src[begins[line] + 1] == " "
            and src[begins[line] + 2].isalpha()):
        line += 1
    if line == start:
        return False
    after = line
    if after < last and not state.isEmpty(after):
        if counts[after] != 0 or not heading(state, after, last, True):
            return False
    else:
        while after < last and state.isEmpty(after):
            after += 1
        if after < last and (counts[after] != 0 or src[begins[after]] == marker):
            return False
    opening = _push(state, "bullet_list_open", "ul", 1)
    opening.markup, opening.map = marker, [start, after]
    for item in range(start, line):
        token = _push(state, "list_item_open", "li", 1)
        token.markup, token.map = marker, [item, item + 1 if item + 1 < line else after]
        content = src[begins[item] + 2 : ends[item]].rstrip(_TRIM)
        _push_paragraph(state, item, item + 1, content, hidden=True)
        _push(state, "list_item_close", "li", -1).markup = marker
    _push(state, "bullet_list_close", "ul", -1).markup = marker
    state.line = after
    return True


def _push_atx_heading(state: StateBlock, start: int) -> bool:
    """Push the tokens markdown-it's ``heading`` rule makes of a plain ATX heading.

    For line ``start`` before a blank line (or the end; else a table could
    take it as its header row): one to six ``#``, a space, and text that ends
    in neither ``#``, a space nor a tab, so there is no closing sequence to
    cut. Other headings are left to markdown-it (``False``).
    """
    src, pos, end = state.src, state.bMarks[start] + state.tShift[start], state.eMarks[start]
    text = pos
    while text < end and src[text] == "#":
        text += 1
    level = text - pos
    if level > 6 or end - text < 2 or src[text] != " " or src[end - 1] in "# \t":
        return False
    state.line = start + 1
    tag, markup = f"h{level}", "#" * level
    opening = _push(state, "heading_open", tag, 1)
    opening.markup, opening.map = markup, [start, start + 1]
    token = _push(state, "inline", "", 0)
    token.content, token.map, token.children = src[text:end].strip(_TRIM), [start, start + 1], []
    _push(state, "heading_close", tag, -1).markup = markup
    return True


def _push_plain_paragraph(state: StateBlock, start: int) -> bool:
    """Push the tokens markdown-it's ``paragraph`` rule makes of a plain paragraph.

    For a paragraph from line ``start`` (no indented code, starting with no
    block marker) whose following lines each start with a letter, or are
    ones the rule passes over unchecked (indented four more, or a block
    quote's lazy line), up to a blank line or the end: no rule can interrupt
    it at such a line (all start with a marker; a table also needs a
    delimiter row, which starts with ``|``, ``-`` or ``:``), nor make it a
    setext heading (whose underline starts with ``=`` or ``-``), and front
    matter starts with ``-``. Other paragraphs are left to markdown-it
    (``False``).
    """
    src, begins, shifts, ends, counts = (
        state.src, state.bMarks, state.tShift, state.eMarks, state.sCount)
    following, last, indent = start + 1, state.lineMax, state.blkIndent
    while following < last:
        pos = begins[following] + shifts[following]
        if pos >= ends[following]:
            break
        if 0 <= counts[following] <= indent + 3 and not src[pos].isalpha():
            return False
        following += 1
    state.line = following
    content = state.getLines(start, following, indent, False).strip(_TRIM)
    _push_paragraph(state, start, following, content)
    return True


def _push_paragraph(state: StateBlock, start: int, end: int, content: str, *,
                    hidden: bool = False) -> None:
    """The three tokens of a paragraph on lines ``start`` to ``end`` (exclusive),
    as markdown-it's ``paragraph`` rule pushes them (``hidden`` in a tight list)."""
    opening = _push(state, "paragraph_open", "p", 1)
    opening.map, opening.hidden = [start, end], hidden
    token = _push(state, "inline", "", 0)
    token.content, token.map, token.children = content, [start, end], []
    _push(state, "paragraph_close", "p", -1).hidden = hidden


#: Token's fields, in order, as :func:`_fast_token` fills them; checked at import.
_TOKEN_FIELDS = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content",
                 "markup", "info", "meta", "block", "hidden")

_new_object = object.__new__


def _fast_token(kind: str, tag: str, nesting: int) -> Token:
    """``Token(kind, tag, nesting)``, made without the dataclass's ``__init__``.

    The generated initializer takes every field as a keyword with a default
    and calls ``__post_init__`` to convert ``attrs``: half the cost of a block
    shortcut's tokens. Each field gets the value the initializer would give it.
    """
    token = _new_object(Token)
    token.type = kind
    token.tag = tag
    token.nesting = nesting  # type: ignore[assignment]
    token.attrs = {}
    token.map = None
    token.level = 0
    token.children = None
    token.content = token.markup = token.info = ""
    token.meta = {}
    token.block = token.hidden = False
    return token


#: The fast constructor, only with the Token class it was written for.
_new_token: Callable[[str, str, int], Token] = (
    _fast_token if tuple(f.name for f in fields(Token)) == _TOKEN_FIELDS
    else Token)  # type: ignore[assignment]


def _push(state: StateBlock, kind: str, tag: str, nesting: int) -> Token:
    """``state.push(kind, tag, nesting)`` with the token made by :data:`_new_token`."""
    token = _new_token(kind, tag, nesting)
    token.block = True
    if nesting < 0:
        state.level -= 1
    token.level = state.level
    if nesting > 0:
        state.level += 1
    state.tokens.append(token)
    return token


def _terminator_chars(terminators: re.Pattern[str]) -> str | None:
    """The characters of markdown-it's terminator class, ``[`` + escaped characters
    + ``]``; ``None`` for a pattern of any other shape (then nothing is shortcut).
    """
    pattern = terminators.pattern
    chars = re.sub(r"\\(.)", r"\1", pattern[1:-1], flags=re.DOTALL)
    if pattern != "[" + "".join(map(re.escape, chars)) + "]" or "\n" not in chars:
        return None
    return chars


def _inline_rule(terminators: str) -> Callable[[StateCore], None]:
    """markdown-it's ``inline`` core rule, building plain text's tokens directly.

    Most paragraphs hold no character at which any inline rule can start (the
    inline parser's ``terminators``): parsed, such content becomes exactly one
    text token, so that token is made here without the inline parser's setup
    and post-processing passes. Wrapped plain text, whose only such character
    is the line break, gets its tokens here too (:func:`_line_break_children`).
    Everything else is parsed as before. Looking for each character in turn
    (``in``, a ``memchr``) costs a tenth of the terminator regex's search,
    which tests every character of the text against the class.
    """
    markup = terminators.replace("\n", "")

    def inline(state: StateCore) -> None:
        parse = state.md.inline.parse
        for token in state.tokens:
            if token.type != "inline":
                continue
            content = token.content
            if content:
                for char in markup:
                    if char in content:
                        break
                else:
                    token.children = (_line_break_children(content) if "\n" in content
                                      else [_text_token(content)])
                    continue
            if token.children is None:
                token.children = []
            parse(content, state.md, state.env, token.children)

    return inline


def _text_token(content: str) -> Token:
    """An inline ``text`` token."""
    token = _new_token("text", "", 0)
    token.content = content
    return token


def _line_break_children(content: str) -> list[Token]:
    """The tokens markdown-it's inline parser makes of lines of plain text, which
    hold no character where an inline rule may start but the line breaks.

    The ``newline`` rule makes each line break a ``softbreak``, or a
    ``hardbreak`` when two or more spaces end the line (they are dropped; a
    single space is dropped too), and skips the next line's leading spaces
    and tabs; the text between becomes one ``text`` token each.
    """
    lines = content.split("\n")
    children: list[Token] = []
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if index:
            line = line.lstrip(" \t")
        text = line.rstrip(" ") if index < last else line
        if text:
            children.append(_text_token(text))
        if index < last:
            children.append(_new_token(
                "hardbreak" if len(line) - len(text) >= 2 else "softbreak", "br", 0))
    return children


def _recording_span(rule: Callable[[StateInline, bool], bool]) -> Callable[..., bool]:
    """Wrap an inline rule to store ``(start, end)`` of its source on its last token."""

    def recorded(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent and len(state.tokens) > count:
            state.tokens[-1].meta["span"] = (start, state.pos)
        return matched

    return recorded


def _decode(data: bytes, path: str) -> str:
    """Text with the BOM removed and every line ending made ``\\n``.

    UTF-8 is the default; a UTF-16 or UTF-32 byte order mark (what Windows
    editors write for "Unicode") selects that encoding instead. Bytes that do
    not decode are reported with their offset and line.
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-8" and b"\x00" in data:
        raise InputError("binary", f"{path}: {_binary_reason(data)}")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            "encoding",
            f"{path}: not {encoding.upper()} text (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}, line {line}); re-save the file as UTF-8",
        ) from None
    if "\x00" in text:
        raise InputError("binary", f"{path}: looks like a binary file, not Markdown")
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary_reason(data: bytes) -> str:
    """Why NUL bytes were found: UTF-16 without a byte order mark, or binary data."""
    head = data[:200]
    zeros = max(head[1::2].count(0), head[0::2].count(0))
    if len(head) >= 8 and zeros >= 0.9 * (len(head) // 2):
        return "looks like UTF-16 text without a byte order mark; re-save the file as UTF-8"
    return "looks like a binary file, not Markdown"


# --------------------------------------------------------------------------
# Source positions


class _ContentMap:
    """Source ``(line, column)`` of every offset in one token's content.

    Segments start where the content stops running contiguously in the source:
    at each content line and after each character the parser removed.
    """

    __slots__ = ("_offsets", "_places")

    def __init__(self, offsets: list[int], places: list[tuple[int, int]]) -> None:
        """Segments start at ``offsets`` (ascending, the first 0), in source at ``places``."""
        self._offsets = offsets
        self._places = places

    @classmethod
    def at(cls, line: int, column: int) -> _ContentMap:
        """Map content that runs contiguously from one source position."""
        return cls([0], [(line, column)])

    @classmethod
    def of_lines(cls, content: str, first_line: int, lines: Sequence[str]) -> _ContentMap:
        """Map content whose ``i``-th line is (a suffix of) source line ``first_line + i``."""
        offsets: list[int] = []
        places: list[tuple[int, int]] = []
        offset = 0
        for index, piece in enumerate(content.split("\n")):
            line = min(first_line + index, len(lines))
            for relative, column in _line_columns(lines[line - 1], piece):
                offsets.append(offset + relative)
                places.append((line, column))
            offset += len(piece) + 1
        return cls(offsets, places)

    @classmethod
    def of_columns(cls, line: int, columns: Sequence[int]) -> _ContentMap:
        """Map content whose ``i``-th character stands at ``columns[i]`` on ``line``."""
        if not columns:
            return cls.at(line, 1)
        if columns[-1] - columns[0] == len(columns) - 1:  # ascending, so without gaps
            return cls.at(line, columns[0])
        starts = [i for i, column in enumerate(columns) if i == 0 or column != columns[i - 1] + 1]
        return cls(starts, [(line, columns[i]) for i in starts])

    def place(self, offset: int) -> tuple[int, int]:
        """Line and column of the character at ``offset``."""
        index = max(bisect.bisect_right(self._offsets, offset) - 1, 0)
        line, column = self._places[index]
        return line, column + max(offset - self._offsets[index], 0)

    def anchor(self, out: _TextBuilder, offset: int, length: int) -> None:
        """Anchor in ``out``, from its end on, ``length`` chars that stand at ``offset``:
        where the first one stands and where each later segment starts."""
        offsets, places, at = self._offsets, self._places, out.length - offset
        index = bisect.bisect_right(offsets, offset)
        first = index - 1 if index else 0
        line, column = places[first]
        out.anchor(at + offset, line, column + max(offset - offsets[first], 0))
        end = offset + length
        while index < len(offsets) and offsets[index] < end:
            line, column = places[index]
            out.anchor(at + offsets[index], line, column)
            index += 1


def _line_columns(source: str, piece: str) -> list[tuple[int, int]]:
    """Where one content line starts in its source line: ``[(offset, column)]``.

    Normally the content line is a suffix of the source line (markdown-it cuts
    container markers and indentation off the front). Two cases differ: a tab
    in the indentation comes back as spaces, so only the part after leading
    whitespace is compared; and an ATX heading loses its closing ``#``s, so
    the text is looked up after the line's markers instead.
    """
    core = piece.rstrip(_TRIM)
    stripped = core.lstrip(_TRIM)
    lead = len(core) - len(stripped)
    tail = source.rstrip(_TRIM)
    if not stripped:
        return [(0, max(len(source) - len(piece), 0) + 1)]
    if tail.endswith(stripped):
        start = len(tail) - len(stripped)
    else:
        start = _after_prefix(source, stripped)
    return [(0, max(start - lead, 0) + 1), (lead, start + 1)] if lead else [(0, start + 1)]


def _after_prefix(source: str, text: str) -> int:
    """Index of ``text`` in ``source`` where only line markers stand before it."""
    limit = _LINE_PREFIX.match(source).end()  # type: ignore[union-attr]
    index = source.find(text)
    while 0 <= index <= limit:
        if _LINE_PREFIX.fullmatch(source, 0, index):
            return index
        index = source.find(text, index + 1)
    return min(limit, len(source))


class _TextBuilder:
    """Visible text assembled piece by piece, with its source anchors."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int, int]] = []
        self.length = 0
        #: Inline code spans, ``(start, end)`` in the text (the layout sets them in code font).
        self.code: list[tuple[int, int]] = []
        #: Footnote references: ``(offset in the text, footnote id)``.
        self.notes: list[tuple[int, int]] = []
        #: Closed emphasis, ``(start, end, bold)`` (bold, else italic), and the open ones.
        self.styles: list[tuple[int, int, bool]] = []
        self._open_styles: list[tuple[int, bool]] = []
        #: Offsets of the spaces that stand for hard line breaks.
        self.hard_breaks: list[int] = []

    def add(self, text: str, where: _ContentMap, offset: int) -> None:
        """Append ``text`` that stands at ``offset`` of the content ``where`` maps."""
        if not text:
            return
        where.anchor(self, offset, len(text))
        self.parts.append(text)
        self.length += len(text)

    def add_break(self, where: _ContentMap, offset: int) -> None:
        """A line break reads as one space, unless a space already ends the text."""
        if self.parts and not self.ends_with_space():
            self.add(" ", where, offset)

    def add_hard_break(self, where: _ContentMap, offset: int) -> None:
        """A hard line break: a space in the text, remembered as a break for the layout."""
        self.add_break(where, offset)
        if self.parts:
            self.hard_breaks.append(self.length - 1)

    def open_style(self, bold: bool) -> None:
        """Bold (or italic) text starts here."""
        self._open_styles.append((self.length, bold))

    def close_style(self) -> None:
        """The innermost open bold or italic text ends here (markdown-it balances them)."""
        if self._open_styles:
            start, bold = self._open_styles.pop()
            self.styles.append((start, self.length, bold))

    def ends_with_space(self) -> bool:
        return bool(self.parts) and self.parts[-1][-1:].isspace()

    def replace_start(self, count: int, replacement: str) -> None:
        """Replace the first ``count`` characters by ``replacement`` in place."""
        source = SourceMap(tuple(self.anchors))
        start, rest = source.position(0), source.position(count)
        shift = len(replacement) - count
        self.code = [(start + shift, end + shift) for start, end in self.code]
        self.styles = [(start + shift, end + shift, bold) for start, end, bold in self.styles]
        self.notes = [(max(at + shift, 0), note) for at, note in self.notes]
        anchors = self.anchors
        text = self.text
        self.parts, self.anchors, self.length = [], [], 0
        self.anchor(0, start.line, start.column)
        self.anchor(len(replacement), rest.line, rest.column)
        for at, line, column in anchors:
            if at > count:
                self.anchor(at + shift, line, column)
        self._append(replacement + text[count:])

    def add_gap(self, text: str) -> None:
        """Append a separator that has no source of its own (between table cells)."""
        self._append(text)

    def extend(self, other: _TextBuilder) -> None:
        """Append everything another builder assembled."""
        self.notes += [(self.length + at, note) for at, note in other.notes]
        for at, line, column in other.anchors:
            self.anchor(self.length + at, line, column)
        self._append(other.text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def anchor(self, at: int, line: int, column: int) -> None:
        """Add an anchor unless the previous one already implies this position."""
        if self.anchors:
            last_at, last_line, last_column = self.anchors[-1]
            if last_line == line and last_column + at - last_at == column:
                return
            if last_at == at:
                self.anchors.pop()
        self.anchors.append((at, line, column))


def _finish(
    builder: _TextBuilder, fallback: tuple[int, int], *, trim: bool = True
) -> tuple[str, SourceMap, Position, int] | None:
    """Block text, its map, its end and the count of leading whitespace trimmed.

    ``None`` when nothing is visible. Trimming drops the anchors of the cut
    whitespace and shifts the rest.
    """
    text = builder.text
    kept = text.strip()
    if not kept:
        return None
    anchors = builder.anchors
    if not anchors or anchors[0][0] != 0:
        anchors = [(0, *fallback), *anchors]
    lead = 0
    if trim:
        lead = len(text) - len(text.lstrip())
        end = lead + len(kept)
        if lead:
            anchors = [(0, *_place(anchors, lead))] + [
                (at - lead, line, column) for at, line, column in anchors if lead < at < end]
        elif anchors[-1][0] >= end:
            anchors = [anchor for anchor in anchors if anchor[0] < end]
        text = kept
    line, column = _place(anchors, len(text) - 1)
    return text, SourceMap(tuple(anchors)), Position(line, column + 1), lead


_anchor_offset = operator.itemgetter(0)


def _place(anchors: Sequence[tuple[int, int, int]], offset: int) -> tuple[int, int]:
    """Line and column of ``offset`` by anchors sorted by offset, as
    :meth:`SourceMap.position` reads them, without building the map first."""
    index = max(bisect.bisect_right(anchors, offset, key=_anchor_offset) - 1, 0)
    at, line, column = anchors[index]
    return line, column + max(offset - at, 0)


# --------------------------------------------------------------------------
# Inline content


class _Inline:
    """One inline token's walk: its content, the content's map, what it found."""

    __slots__ = ("after_html", "content", "out", "suppressions", "where")

    def __init__(self, content: str, where: _ContentMap, out: _TextBuilder) -> None:
        self.content = content
        self.where = where
        self.out = out
        self.suppressions: list[Suppression] = []
        #: The previous token was inline HTML, which shows nothing.
        self.after_html = False

    def walk(self, children: Sequence[Token], cursor: int = 0, base: int = 0) -> int:
        """Append the children's visible text; return the cursor after them.

        ``base`` is where the content the children were parsed from starts in
        ``self.content`` (image alt text is parsed on its own).
        """
        for token in children:
            cursor = self._visit(token, cursor, base)
            self.after_html = token.type == "html_inline"
        return cursor

    def _visit(self, token: Token, cursor: int, base: int) -> int:
        kind = token.type
        if kind == "text":
            at = self._locate(token.content, cursor)
            # "a <b></b> b" shows one space between the words, not two.
            skip = int(self.after_html and self.out.ends_with_space() and token.content[:1] == " ")
            self.out.add(token.content[skip:], self.where, at + skip)
            return at + len(token.content)
        if kind == "text_special":
            at = self._locate(token.markup, cursor)
            self.out.add(token.content, self.where, at + _shown_from(token))
            return at + len(token.markup)
        if kind == "softbreak":
            self.out.add_break(self.where, cursor)
            return self._next_line(cursor)
        if kind == "hardbreak":
            self.out.add_hard_break(self.where, cursor)
            return self._next_line(cursor)
        if kind in _STYLE_OPEN:
            self.out.open_style(_STYLE_OPEN[kind])
        elif kind in _STYLE_CLOSE:
            self.out.close_style()
        if kind == "code_inline":
            start, end = _span(token, base)
            fence = len(token.markup)
            # markdown-it strips one space inside each backtick run when both exist.
            padding = (end - start - 2 * fence - len(token.content)) // 2
            begin = self.out.length
            self.out.add(token.content, self.where, start + fence + padding)
            self.out.code.append((begin, self.out.length))
            return end
        if kind == "footnote_ref":
            self.out.notes.append((self.out.length, token.meta["id"]))
            return _span(token, base)[1]
        if kind == "image":
            start, end = _span(token, base)
            self.walk(token.children or [], start + 2, start + 2)
            return end
        if kind == "link_open":
            return cursor + 1
        if kind == "link_close":
            return _span(token, base)[1]
        if kind == "html_inline":
            at = self._locate(token.content, cursor)
            if _LINE_BREAK_TAG.fullmatch(token.content):
                self.out.add_break(self.where, at)
            self.suppressions += _comment_directives(
                token.content, lambda i: self.where.place(at + i)[0]
            )
            return at + len(token.content)
        if token.markup:
            return self._locate(token.markup, cursor) + len(token.markup)
        return cursor

    def _locate(self, source: str, cursor: int) -> int:
        """Where ``source`` stands: at the cursor, else later on the same line.

        Markup is skipped exactly, so the cursor is nearly always right; the
        search only covers tokens whose text differs from their source
        (an autolink's decoded URL). Checking the cursor first keeps long
        lines linear.
        """
        if self.content.startswith(source, cursor):
            return cursor
        line_end = self.content.find("\n", cursor)
        found = self.content.find(source, cursor, None if line_end < 0 else line_end)
        return cursor if found < 0 else found

    def _next_line(self, cursor: int) -> int:
        """Cursor past a line break and the next line's indentation."""
        end = self.content.find("\n", cursor)
        if end < 0:
            return cursor
        end += 1
        while end < len(self.content) and self.content[end] in " \t":
            end += 1
        return end


def _shown_from(token: Token) -> int:
    """Offset in an escape's or entity's source where its visible text starts.

    ``\\*`` shows ``*`` (offset 1); ``\\q`` is no escape and shows both
    characters (offset 0); an entity shows a character its source does not
    contain, so it is placed at the ``&``.
    """
    if token.markup.endswith(token.content):
        return len(token.markup) - len(token.content)
    return 0


def _span(token: Token, base: int) -> tuple[int, int]:
    start, end = token.meta["span"]
    return start + base, end + base


def _comment_directives(html: str, line_of: Callable[[int], int]) -> list[Suppression]:
    """Suppression directives in the HTML comments of ``html``.

    ``line_of`` turns an offset in ``html`` into a source line; a directive
    stands on the line of its ``memolint-`` word.
    """
    found: list[Suppression] = []
    for start, comment in _comments(html):
        word = comment.lower().find("memolint-")
        if word >= 0:
            found += parse_directives(comment, line_of(start + word))
    return found


def _comments(html: str) -> Iterator[tuple[int, str]]:
    """``(offset, text)`` of each complete ``<!-- ... -->`` comment.

    A plain scan rather than a lazy regex, which would rescan the rest of the
    text from every unclosed ``<!--`` (quadratic on hostile input).
    """
    start = html.find("<!--")
    while start >= 0:
        end = html.find("-->", start + 4)
        if end < 0:
            return
        yield start, html[start : end + 3]
        start = html.find("<!--", end + 3)


def _render_task_box(builder: _TextBuilder) -> None:
    """Show a task list item's ``[ ]``/``[x]`` as pandoc does: ``☐``/``☒``."""
    box = _TASK_BOX.match(builder.text)
    if box:
        builder.replace_start(3, "☐" if box[1] == " " else "☒")


def _is_sole_image(children: Sequence[Token]) -> bool:
    """A paragraph that is one picture, possibly wrapped in a link."""
    kinds = [
        t.type
        for t in children
        if t.type not in ("softbreak", "hardbreak") and (t.type != "text" or t.content.strip())
    ]
    return kinds in (["image"], ["link_open", "image", "link_close"])


# --------------------------------------------------------------------------
# Tables


def _split_row(source: str, nested: bool) -> list[tuple[str, Sequence[int]]]:
    """A table row's cells as markdown-it splits them: ``(text, columns)`` each.

    Mirrors markdown-it's ``escapedSplit``: ``\\|`` is a literal pipe and
    loses its backslash, so each cell records the source column of every
    character it keeps. Container markers before the row (``> ``, or a list
    label when the table starts on an item's first line) stay in the first
    cell, and callers match cells by suffix; but as markdown-it drops an
    empty first cell, they are skipped to see whether the row starts with a
    pipe. ``nested`` says the table is inside a quote or list.
    """
    cells = _escaped_cells(source) if "\\" in source else _plain_cells(source)
    prefix = (_CONTAINER_MARKERS if nested else _INDENT).match(source).end()  # type: ignore[union-attr]
    if source.startswith("|", prefix):
        cells.pop(0)
    return cells


def _plain_cells(source: str) -> list[tuple[str, Sequence[int]]]:
    """A row without backslashes split at every pipe, each cell's columns a range."""
    cells: list[tuple[str, Sequence[int]]] = []
    column = 1
    for text in source.split("|"):
        cells.append((text, range(column, column + len(text))))
        column += len(text) + 1
    return cells


def _escaped_cells(source: str) -> list[tuple[str, Sequence[int]]]:
    """A row split at pipes that no backslash escapes; ``\\|`` keeps only the pipe."""
    cells: list[tuple[str, Sequence[int]]] = []
    text: list[str] = []
    columns: list[int] = []
    escaped = False
    for index, char in enumerate(source):
        if char == "|" and not escaped:
            cells.append(("".join(text), columns))
            text, columns = [], []
        elif char == "|":
            text[-1], columns[-1] = char, index + 1
        else:
            text.append(char)
            columns.append(index + 1)
        escaped = char == "\\"
    cells.append(("".join(text), columns))
    return cells


def _cell_map(line: int, cell: tuple[str, Sequence[int]] | None, content: str) -> _ContentMap:
    """Map of one cell's content (markdown-it trims it) on its row's line."""
    if cell is None or not content:
        return _ContentMap.at(line, 1)
    text, columns = cell
    kept = text.rstrip(_TRIM)
    if kept.endswith(content):
        start = len(kept) - len(content)
    else:
        start = len(text) - len(text.lstrip(_TRIM))
    return _ContentMap.of_columns(line, columns[start:])


# --------------------------------------------------------------------------
# Blocks

_OPEN_LISTS = frozenset({"bullet_list_open", "ordered_list_open"})
_CLOSE_CONTAINERS = frozenset(
    {"bullet_list_close", "ordered_list_close", "list_item_close", "blockquote_close"}
)
_CONTAINER_TOKENS = _OPEN_LISTS | _CLOSE_CONTAINERS | {"list_item_open", "blockquote_open"}
#: Tokens that tell the reader nothing (the inline token between them holds the text).
_PASSED_OVER = frozenset({"paragraph_open", "paragraph_close", "heading_close"})


class _Container:
    """An open block quote, list or list item while walking the tokens."""

    __slots__ = ("has_text", "kind", "list_id", "ordered")

    def __init__(self, kind: str, list_id: int | None = None, ordered: bool = False) -> None:
        self.kind = kind  # "quote", "list" or "item"
        self.list_id = list_id
        self.ordered = ordered
        #: An item's first paragraph has been emitted (later ones continue it).
        self.has_text = False


class _BlockReader:
    """Turns markdown-it's flat token stream into Blocks, tracking containers."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.blocks: list[Block] = []
        self.suppressions: list[Suppression] = []
        self.notes: list[str] = []
        self._stack: list[_Container] = []
        #: What the stack means for the next block, kept up to date by
        #: :meth:`_track_container` (blocks far outnumber container changes).
        self._list_attrs: dict[str, Any] = {}
        self._quoted = False
        self._nearest: _Container | None = None
        self._lists = 0
        self._heading_level = 0
        #: Blocks that reference footnotes, with ``(offset, footnote id)`` marks;
        #: the notes' text comes at the end of the token stream.
        self._note_marks: list[tuple[Block, tuple[tuple[int, int], ...]]] = []

    def read(self, tokens: list[Token]) -> None:
        """Emit the blocks of a whole token stream, in order."""
        stream = iter(tokens)
        for token in stream:
            kind = token.type
            if kind == "inline":
                self._inline_block(token)
            elif kind in _PASSED_OVER:
                continue
            elif kind in _CONTAINER_TOKENS:
                self._track_container(token)
            elif kind == "heading_open":
                self._heading_level = int(token.tag[1:])
            elif kind in ("fence", "code_block"):
                self._code(token)
            elif kind == "html_block":
                self._html_block(token)
            elif kind == "hr":
                self._thematic_break(token)
            elif kind == "table_open":
                self._table(token, stream)
            elif kind == "footnote_block_open":
                self._attach_notes(self._footnotes(stream))

    def _track_container(self, token: Token) -> None:
        """Open or close a list, list item or block quote."""
        kind = token.type
        if kind in _OPEN_LISTS:
            self._lists += 1
            self._stack.append(_Container("list", self._lists, kind == "ordered_list_open"))
        elif kind == "list_item_open":
            parent = self._stack[-1]
            self._stack.append(_Container("item", parent.list_id, parent.ordered))
        elif kind == "blockquote_open":
            self._stack.append(_Container("quote"))
        else:
            self._stack.pop()
        depth, innermost, nearest, quoted = 0, None, None, False
        for container in reversed(self._stack):  # one pass: no generator per token
            if container.kind == "list":
                depth += 1
                innermost = innermost or container
            else:
                nearest = nearest or container
                quoted = quoted or container.kind == "quote"
        self._list_attrs = {} if innermost is None else {
            "depth": depth, "list_id": innermost.list_id, "ordered": innermost.ordered}
        self._quoted = quoted
        self._nearest = nearest

    # -- front matter -----------------------------------------------------

    def front_matter(self, token: Token) -> tuple[dict[str, Any], dict[str, Any]]:
        """Parse YAML front matter into ``(front_matter, settings)``.

        A malformed or non-mapping front matter is a note, not an error: the
        memo is still linted. A string ``title`` becomes a level-0 heading.
        PyYAML is imported here, not with the module: most memos have no front
        matter, and the import costs a cold run ~15 ms.
        """
        import yaml

        try:
            data = yaml.safe_load(token.content)
            tree = yaml.compose(token.content, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark else ""
            self.notes.append(f"front matter is not valid YAML{where}; it was ignored")
            return {}, {}
        if data is None:
            return {}, {}
        if not isinstance(data, dict):
            self.notes.append("front matter is not a mapping of keys to values; it was ignored")
            return {}, {}
        settings = data.get("memolint", {})
        if not isinstance(settings, dict):
            self.notes.append("front matter 'memolint' is not a mapping; it was ignored")
            settings = {}
        if isinstance(data.get("title"), str):
            self._title(data["title"], tree)
        return data, settings

    def _title(self, title: str, tree: yaml.MappingNode) -> None:
        """The YAML title as a level-0 heading, anchored where its value starts.

        pandoc reads metadata strings as Markdown, so the title is rendered
        like heading text (``*x*`` shows as ``x``). Positions are exact for a
        one-line plain or quoted value without escapes, approximate otherwise.
        """
        # Front matter content starts on line 2, after the opening "---".
        line, column = 2, 1
        value = next((v for k, v in tree.value if k.value == "title"), None)
        if value is not None:  # None: the title came in through a YAML merge key
            quoted = value.style in ("'", '"')
            line, column = value.start_mark.line + 2, value.start_mark.column + 1 + quoted
        builder = _TextBuilder()
        inline = _Inline(title, _ContentMap.at(line, column), builder)
        # A YAML escape can put a CR or NUL in the title, which the parser's
        # disabled ``normalize`` rule would have replaced.
        normalized = title.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
        for token in _parser().parseInline(normalized):
            inline.walk(token.children or [])
        self._emit("heading", builder, line=line, level=0)

    # -- blocks -----------------------------------------------------------

    def _inline_block(self, token: Token) -> None:
        """A heading or a paragraph (list item, quote, image) from its inline token."""
        line = _first_line(token) + _lines_stripped_before(token, self.lines)
        if self._plain_line(token, line):
            return
        builder = _TextBuilder()
        where = _ContentMap.of_lines(token.content, line, self.lines)
        self._walk_inline(token, where, builder)
        if self._heading_level:
            level, self._heading_level = self._heading_level, 0
            self._emit("heading", builder, line=line, level=level)
            return
        kind = self._paragraph_kind(token.children or [])
        if kind == "list_item":
            _render_task_box(builder)
        self._emit(kind, builder, line=line)

    def _plain_line(self, token: Token, line: int) -> bool:
        """Emit a block that is one source line of plain text; ``False`` if it is not one.

        Most blocks are such a line: their text is the content itself and one
        anchor places it, so the general walk (text builder, content map,
        trimming) would build the same block from many more objects.
        """
        content, children = token.content, token.children
        if (not children or len(children) != 1 or children[0].type != "text"
                or children[0].content != content or "\n" in content
                or content.strip() != content):
            return False
        level = self._heading_level
        kind = "heading" if level else self._container_kind()
        if kind == "list_item" and _TASK_BOX.match(content):
            return False
        source = self.lines[min(line, len(self.lines)) - 1]
        tail = source.rstrip(_TRIM)
        # The content is a suffix of its source line, unless a heading lost closing #s.
        if tail.endswith(content):
            column = len(tail) - len(content) + 1
        else:
            ((_, column),) = _line_columns(source, content)
        self._heading_level = 0
        self._block(kind, content, SourceMap(((0, line, column),)),
                    Position(line, column + len(content)), {"level": level})
        return True

    def _walk_inline(self, token: Token, where: _ContentMap, builder: _TextBuilder) -> None:
        """Append an inline token's visible text to ``builder``, collecting directives."""
        children = token.children or []
        if len(children) == 1 and children[0].type == "text" and (
                children[0].content == token.content):
            builder.add(token.content, where, 0)  # plain text, as most paragraphs are
            return
        inline = _Inline(token.content, where, builder)
        inline.walk(children)
        self.suppressions += inline.suppressions

    def _paragraph_kind(self, children: Sequence[Token]) -> str:
        """``list_item``, ``image``, ``quote`` or ``paragraph`` by the nearest container."""
        kind = self._container_kind()
        return "image" if kind != "list_item" and _is_sole_image(children) else kind

    def _container_kind(self) -> str:
        """``list_item``, ``quote`` or ``paragraph``: a paragraph's kind by its container."""
        nearest = self._nearest
        if nearest is not None and nearest.kind == "item" and not nearest.has_text:
            return "list_item"
        return "quote" if nearest is not None and nearest.kind == "quote" else "paragraph"

    def _code(self, token: Token) -> None:
        """A fenced or indented code block: its content, kept as written."""
        # A fence's content starts on the line after the opening fence.
        line = _first_line(token) + (token.type == "fence")
        content = token.content.rstrip("\n")
        builder = _TextBuilder()
        builder.add(content, _ContentMap.of_lines(content, line, self.lines), 0)
        language = token.info.split()[0] if token.info.strip() else ""
        self._emit("code", builder, line=line, trim=False, info=language)

    def _thematic_break(self, token: Token) -> None:
        """A ``---`` line: no text, but pandoc gives it a paragraph (a line) of its own."""
        line = _first_line(token)
        source = self.lines[line - 1] if line <= len(self.lines) else ""
        column = (_CONTAINER_MARKERS if self._stack else _INDENT).match(source).end() + 1  # type: ignore[union-attr]
        self.blocks.append(Block("thematic_break", "", SourceMap.at(line, column),
                                 Position(line, column), quoted=self._quoted,
                                 **self._list_attrs))

    def _html_block(self, token: Token) -> None:
        """Raw HTML is not prose; only its comments matter (suppressions)."""
        first = _first_line(token)
        self.suppressions += _comment_directives(
            token.content, lambda i: first + token.content.count("\n", 0, i)
        )

    def _table(self, opening: Token, stream: Iterator[Token]) -> None:
        """A pipe table, consumed up to its close: cells joined by spaces, rows by newlines."""
        builder = _TextBuilder()
        rows: list[tuple[str, ...]] = []
        cells: list[_TextBuilder] = []
        split: list[tuple[str, Sequence[int]]] = []
        line = 0
        for token in stream:
            if token.type == "table_close":
                break
            if token.type == "tr_open":
                line = _first_line(token)
                split, cells = _split_row(self.lines[line - 1], bool(self._stack)), []
            elif token.type == "inline":
                cell = split[len(cells)] if len(cells) < len(split) else None
                cells.append(_TextBuilder())
                self._walk_inline(token, _cell_map(line, cell, token.content), cells[-1])
            elif token.type == "tr_close":
                if rows:
                    builder.add_gap("\n")
                rows.append(tuple(c.text.strip() for c in cells))
                for index, cell_builder in enumerate(cells):
                    if index:
                        builder.add_gap(" ")
                    builder.extend(cell_builder)
        self._emit("table", builder, line=_first_line(opening), rows=tuple(rows))

    def _footnotes(self, stream: Iterator[Token]) -> dict[int, tuple[str, ...]]:
        """Each footnote's paragraphs as shown, by footnote id, up to the block's close.

        markdown-it moves the definitions of referenced notes to the end of the
        stream (unreferenced ones are dropped, as pandoc drops them). A code
        block in a note keeps its lines.
        """
        notes: dict[int, list[str]] = {}
        current: list[str] = []
        for token in stream:
            kind = token.type
            if kind == "footnote_block_close":
                break
            if kind == "footnote_open":
                current = notes.setdefault(token.meta["id"], [])
            elif kind == "inline":
                builder = _TextBuilder()
                line = _first_line(token) + _lines_stripped_before(token, self.lines)
                self._walk_inline(token, _ContentMap.of_lines(token.content, line, self.lines),
                                  builder)
                current.append(" ".join(builder.text.split()))
            elif kind in ("fence", "code_block"):
                current += token.content.rstrip("\n").split("\n")
        return {note: tuple(p for p in paragraphs if p) for note, paragraphs in notes.items()}

    def _attach_notes(self, notes: dict[int, tuple[str, ...]]) -> None:
        """Give each referencing block its notes: their text (not counted as body words,
        as for DOCX) and their content for the layout, at the reference's place."""
        contents = {note: HeaderFooter(tuple((text, None) for text in paragraphs))
                    for note, paragraphs in notes.items()}
        for block, marks in self._note_marks:
            refs = tuple(NoteRef("footnote", at, contents[note]) for at, note in marks
                         if note in contents)
            block.footnotes = tuple("\n".join(notes[note]) for _, note in marks
                                    if note in contents)
            block.note_refs = refs

    def _emit(
        self, kind: str, builder: _TextBuilder, *, line: int, trim: bool = True, **attrs: Any
    ) -> None:
        """Append a block of ``kind`` with the current container context.

        ``line`` places the block when no visible character anchors its start.
        """
        finished = _finish(builder, (line, 1), trim=trim)
        if finished is None:
            return
        text, source, end, lead = finished
        if builder.code:
            attrs["code_spans"] = tuple(
                (max(start - lead, 0), min(stop - lead, len(text))) for start, stop in builder.code
                if stop - lead > 0 and start - lead < len(text))
        if builder.styles:
            attrs["font_spans"] = _style_spans(builder.styles, lead, len(text))
        if builder.hard_breaks:
            attrs["layout_text"] = _with_line_breaks(text, builder.hard_breaks, lead)
        block = self._block(kind, text, source, end, attrs)
        if builder.notes:
            self._note_marks.append((block, tuple(
                (min(max(at - lead, 0), len(text)), note) for at, note in builder.notes)))

    def _block(self, kind: str, text: str, source: SourceMap, end: Position,
               attrs: dict[str, Any]) -> Block:
        """Append a finished block, in the current container context."""
        if self._list_attrs:
            attrs.update(self._list_attrs)
        if kind == "list_item":
            self._nearest.has_text = True  # type: ignore[union-attr]  # an item's first text
        block = Block(kind, text, source, end, quoted=self._quoted, **attrs)  # type: ignore[arg-type]
        self.blocks.append(block)
        return block


def _style_spans(styles: Sequence[tuple[int, int, bool]], lead: int,
                 length: int) -> tuple[tuple[int, int, Typography], ...]:
    """Bold and italic stretches as disjoint ``(start, end, typography)`` runs in order.

    ``styles`` are offsets into the built text, which lost ``lead`` leading
    characters and is ``length`` long. Emphasis nests (``**bold *both***``):
    the text is cut wherever a stretch starts or ends, and each piece takes
    every face that covers it.
    """
    spans = [(max(start - lead, 0), min(end - lead, length), bold)
             for start, end, bold in styles]
    cuts = sorted({offset for start, end, _ in spans for offset in (start, end)})
    runs: list[tuple[int, int, Typography]] = []
    for start, end in pairwise(cuts):
        covering = [bold for first, last, bold in spans if first <= start < last]
        if not covering:
            continue
        typo = _STYLED[any(covering), not all(covering)]
        if runs and runs[-1][1] == start and runs[-1][2] is typo:
            runs[-1] = (runs[-1][0], end, typo)
        else:
            runs.append((start, end, typo))
    return tuple(runs)


def _with_line_breaks(text: str, breaks: Sequence[int], lead: int) -> str:
    """``text`` with the spaces at ``breaks`` (offsets before trimming ``lead``)
    made newlines: the same length, so offsets into it stay those of ``text``."""
    chars = list(text)
    for at in breaks:
        if 0 <= at - lead < len(chars) and chars[at - lead] == " ":
            chars[at - lead] = "\n"
    return "".join(chars)


def _first_line(token: Token) -> int:
    """1-based source line where a block token starts."""
    return token.map[0] + 1 if token.map else 1


def _lines_stripped_before(token: Token, lines: Sequence[str]) -> int:
    """Source lines at the top of an inline token that its content lost.

    markdown-it-py trims a paragraph with Python's ``str.strip()``, which also
    eats lines holding only a form feed or another Unicode space, although
    CommonMark does not call them blank; the content then starts lines below
    ``token.map``.
    """
    if not token.map or token.map[1] - token.map[0] <= 1:  # one line: nothing to lose
        return 0
    lost = token.map[1] - token.map[0] - 1 - token.content.count("\n")
    dropped = 0
    while dropped < lost and token.map[0] + dropped < len(lines):
        source = lines[token.map[0] + dropped]
        if source[_LINE_PREFIX.match(source).end() :].strip():  # type: ignore[union-attr]
            break
        dropped += 1
    return dropped
