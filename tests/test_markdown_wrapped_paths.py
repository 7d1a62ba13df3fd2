"""Shortcuts for wrapped Markdown change nothing but speed.

Real Markdown wraps its paragraphs: each line of a paragraph is asked whether
it starts a block that interrupts it (the terminator chains), and wrapped
text goes through the inline parser for its line breaks alone. The tuned
parser asks only the terminator rules a line's first character allows, and
makes the tokens of wrapped plain text itself; these tests compare its
tokens and Documents with the untuned parser's (``_configured_parser()``).
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.readers import markdown
from memolint.readers.markdown import _configured_parser, _parser, read_markdown

#: Line starts that may interrupt a paragraph, list, quote or table, and ones that may not.
STARTS = ["", "", "", "  ", "    ", "\t", "> ", "- ", "* ", "+ ", "1. ", "2) ", "# ", "## ",
          "```", "~~~", "---", "***", "___", "===", "<div>", "<!-- c -->", "[^1]: ",
          "[a]: /u", "| ", "|-|-|", "a | b", "-", "#"]
#: Line bodies: plain words, trailing spaces and tabs (hard and soft breaks), markup.
BODIES = ["words", "more words", "wide\u3000space", "end ", "end  ", "end   ", "tab\t",
          "tab\t  ", " lead", "\tlead", "é accent", "*em*", "`code`", "a\\", "[x](y)",
          "a_b", "x: y", "", "\u00a0nbsp"]

lines = st.tuples(st.sampled_from(STARTS), st.sampled_from(BODIES)).map("".join)
documents = st.lists(lines, max_size=25).map("\n".join)


def tokens(parser, text: str) -> list[dict]:
    return [token.as_dict() for token in parser.parse(text)]


def test_a_wrapped_paragraph_takes_the_line_break_shortcut():
    text = "One wrapped  \n   line and\tanother \nlast line.\n"
    with mock.patch.object(markdown, "_line_break_children",
                           wraps=markdown._line_break_children) as shortcut:
        assert tokens(_parser(), text) == tokens(_configured_parser(), text)
    assert shortcut.call_count == 1
    children = _parser().parse(text)[1].children
    assert [(c.type, c.content) for c in children] == [
        ("text", "One wrapped"), ("hardbreak", ""), ("text", "line and\tanother"),
        ("softbreak", ""), ("text", "last line.")]


def test_markup_on_a_later_line_leaves_the_text_to_the_inline_parser():
    text = "plain\nwith *em* here\n"
    with mock.patch.object(markdown, "_line_break_children",
                           wraps=markdown._line_break_children) as shortcut:
        assert tokens(_parser(), text) == tokens(_configured_parser(), text)
    assert not shortcut.called
    assert [c.type for c in _parser().parse(text)[1].children] == [
        "text", "softbreak", "text", "em_open", "text", "em_close", "text"]


def test_each_terminator_chain_asks_only_the_rules_for_its_first_character():
    ruler = _parser().block.ruler
    for chain in ("paragraph", "reference", "blockquote", "list"):
        assert len(ruler.getRules(chain)) == 1  # one dispatcher stands for the chain
    assert ruler.getRules("no such chain") == []
    text = "Para line\n> quote interrupts\n\nPara\n- list interrupts\n\nPara\n# heading\n"
    assert tokens(_parser(), text) == tokens(_configured_parser(), text)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_wrapped_text_gives_the_untuned_tokens_and_document(text):
    assert tokens(_parser(), text) == tokens(_configured_parser(), text)
    with mock.patch.object(markdown, "_parser", _configured_parser):
        untuned = read_markdown(text.encode(), "memo.md")
    assert read_markdown(text.encode(), "memo.md") == untuned
