"""The Markdown reader's shortcuts change nothing but speed.

Shortcuts skip work for the most common blocks: a paragraph whose lines start
with letters, a plain tight bullet list and a plain ATX heading (all pushed
as tokens without running markdown-it's rules), and a block of one plain
source line (emitted without the general inline walk); the footnote
plugin's tail rule is skipped when the text holds no ``[^``. These tests build documents line by
line from the shapes those shortcuts accept and from near misses around
them, and compare the tuned reader with the untuned one: the parser's tokens
with ``_configured_parser()``'s, and the whole Document with the one read
through ``_configured_parser()`` and the general walk only.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from memolint.document import Position
from memolint.readers import markdown
from memolint.readers.markdown import _configured_parser, _parser, read_markdown

#: Lines the shortcuts take, and lines that must stop them.
LINES = [
    "", "", "  ", "Plain words here", "Plain words here  ", "é accented start", "word",
    "- item", "- another item", "* star item", "+ plus item", "- é item", "- [ ] task",
    "- [x] done", "- 1 digit", "-nospace", "-\ttab", "- ", "-", "- - -", "---", "***",
    "  - nested", "   - three", "  continued", "    indented code", "\tcode tab",
    "More words", "and more", " one space", "=", "-",
    "## Heading", "# Title", "#nohash", "#", "### Closed ###", "# a # b", "#\tTab",
    "####### seven", "# trailing  ", "#  two spaces", "> quote", "> - quoted item", "1. one",
    "2) two", "===", "| a | b |", "|---|---|", "a | b", "| x \\| y | z |", "|a|b|",
    "> | q | r |", "<div>", "<!-- memolint-disable -->",
    "[^1]: note", "text[^1]", "*em* start", "**bold**", "`code`", "[link](u)", "\x0c",
    "\u00a0nbsp", "word\u00a0", "```", "~~~",
]

documents = st.lists(st.sampled_from(LINES), max_size=30).map("\n".join) | st.lists(
    st.sampled_from(LINES), max_size=30).map(lambda lines: "\n".join(lines) + "\n")


def tokens(parser, text: str) -> list[dict]:
    return [token.as_dict() for token in parser.parse(text)]


def untuned(data: bytes) -> markdown.Document:
    """The Document read with every rule tried everywhere and the general walk only."""
    with mock.patch.object(markdown, "_parser", _configured_parser), mock.patch.object(
            markdown._BlockReader, "_plain_line", lambda self, token, line: False):
        return read_markdown(data, "memo.md")


def test_the_untuned_reference_really_is_untuned():
    # The shortcuts' results must be compared with something that did not take them.
    with mock.patch.object(markdown, "_push_plain_paragraph") as pushed, mock.patch.object(
            markdown, "_push_tight_list") as listed, mock.patch.object(
            markdown, "_push_atx_heading") as heading:
        untuned(b"# Head\n\n- a\n- b\n\nOne line.\n")
    assert not pushed.called and not listed.called and not heading.called


def test_each_shortcut_is_taken_on_the_shapes_it_is_for():
    calls = {}
    for name in ("_push_plain_paragraph", "_push_tight_list", "_push_atx_heading",
                 "footnote_tail"):
        calls[name] = mock.patch.object(markdown, name, wraps=getattr(markdown, name))
    with calls["_push_plain_paragraph"] as line, calls["_push_tight_list"] as listed, \
            calls["_push_atx_heading"] as heading, calls["footnote_tail"] as tail:
        _parser().parse("# Memo\n\nOne line.\n\n- a\n- b\n## Next\n")
        assert line.call_count == 1 and listed.call_count == 1 and heading.call_count == 2
        assert not tail.called
        _parser().parse("Text[^1].\n\n[^1]: Note.\n")
        assert tail.called


def test_a_tight_list_and_one_line_paragraphs_read_as_before():
    text = "# Memo\n\nFirst line.\n\n- one item\n- two items  \n## Plan\n\nLast.\n"
    assert tokens(_parser(), text) == tokens(_configured_parser(), text)
    document = read_markdown(text.encode(), "memo.md")
    assert document == untuned(text.encode())
    items = [b for b in document.blocks if b.kind == "list_item"]
    assert [(b.text, b.start.line, b.start.column, b.end.column) for b in items] == [
        ("one item", 5, 3, 11), ("two items", 6, 3, 12)]
    assert items[0].list_id == items[1].list_id and items[0].depth == 1


def test_a_wrapped_paragraph_and_a_lazy_line_read_as_before():
    text = ("Wrapped over\n  two lines and\n한국어 third.\n\n"
            "> Quoted\nlazy line\n\n- item\nlazy too\n")
    assert tokens(_parser(), text) == tokens(_configured_parser(), text)
    document = read_markdown(text.encode(), "memo.md")
    assert document == untuned(text.encode())
    first, quote, item = document.blocks
    assert first.text == "Wrapped over two lines and 한국어 third."
    assert [first.source.position(first.text.index(word)) for word in ("two", "한국어")] == [
        Position(2, 3), Position(3, 1)]
    assert (quote.kind, quote.text, item.kind, item.text) == (
        "quote", "Quoted lazy line", "list_item", "item lazy too")


@settings(max_examples=300, deadline=None)
@given(documents)
def test_the_shortcuts_give_the_untuned_tokens(text):
    assert tokens(_parser(), text) == tokens(_configured_parser(), text)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_the_shortcuts_give_the_untuned_document(text):
    data = text.encode()
    assert read_markdown(data, "memo.md") == untuned(data)


#: Inline pieces: every character an inline rule may start at, alone and in the
#: constructs that rule reads, between plain words and line breaks.
INLINE = ["word", "more words", " ", "\n", "  \n", "*", "**", "_", "`", "``", "~", "~~", "[",
          "]", "(", ")", "!", "<", ">", "&", "&amp;", "&#35;", "&bogus;", "\\", "\\*", "[^1]",
          "<b>", "</b>", "<br>", "<!-- c -->", "<http://x.y>", "<a@b.c>", ":", "-", "[x](y)",
          "![a](b)", "[x][y]", "é", "\u3000", "#", "|"]
inline_documents = st.lists(st.sampled_from(INLINE), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(inline_documents, st.booleans())
def test_the_inline_dispatch_gives_the_untuned_tokens_and_document(text, notes):
    if notes:  # a definition turns the [^1] references on
        text += "\n\n[^1]: note *em*\n\n[y]: /url\n"
    assert tokens(_parser(), text) == tokens(_configured_parser(), text)
    data = text.encode()
    assert read_markdown(data, "memo.md") == untuned(data)


def test_one_dispatcher_stands_for_the_inline_rules():
    assert len(_parser().inline.ruler.getRules("")) == 1
    assert _parser().inline.ruler.getRules("other") == []
    assert len(_configured_parser().inline.ruler.getRules("")) > 1


def test_tokens_made_without_their_initializer_equal_constructed_ones():
    assert markdown._new_token is markdown._fast_token  # the Token class it was written for
    made, built = markdown._fast_token("text", "", 0), Token("text", "", 0)
    assert made == built and made.as_dict() == built.as_dict()
    made.meta["x"] = 1
    assert markdown._fast_token("text", "", 0).meta == {}  # fresh containers each time
