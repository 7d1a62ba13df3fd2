"""The Markdown reader's tuned parser gives exactly the tokens of the plain one.

``_parser()`` skips work markdown-it would do for nothing: block rules a
line's first character rules out, and the inline parser for content that is
plain text. These tests compare its tokens, children included, with
``_configured_parser()``, which tries every rule everywhere; and check that
a front matter title still reads with its line endings and NULs normalised
(the parser's own ``normalize`` rule is off, as the reader decodes first).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from memolint.readers.markdown import _configured_parser, _parser, read_markdown
from tests.test_fuzz import PIECES

#: One sample of every construct the reader tells apart, in containers too.
SAMPLES = [
    "---\ntitle: Plan\n---\n# Head\n\nText *em* and `code`.\n",
    "Setext\n===\n\nSub\n---\n\n***\n\n- - -\n",
    "- one\n- two\n\n  more of two\n\n1. first\n2) other\n10. ten\n",
    "> quoted\n> - item\n>\n> ```py\n> code\n> ```\n",
    "    indented code\n\n\tcode with a tab\n\n- item\n\n      code in item\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 \\| 3 |\n\nx | y\n--|--\n1 | 2\n",
    "Text[^n] and [link](http://x.y) and ![alt](p.png).\n\n[^n]: The note.\n\n    More.\n",
    "[ref]: /url 'title'\n\n[ref] and <http://a.b> and <b>html</b> &amp; \\*.\n",
    "<div>\nblock html\n</div>\n\n<!-- memolint-disable B001 -->\n",
    "~~~\nfence\n~~~\n\n```\nopen fence\n",
    "Para\n# interrupting heading\n- interrupting item\n> interrupting quote\n",
    "+ plus\n* star\n- dash\n\n- [ ] task\n- [x] done\n",
    "#no heading\n\n#\n\n####### seven\n\n-not a list\n\n1.not a list\n",
    "  \u00a0indented\u3000text\n\n\x0c\nform feed\n",
    "A paragraph with no markup at all, only words. And a second sentence\n",
    "",
]


def tokens(parser, text: str) -> list[dict]:
    return [token.as_dict() for token in parser.parse(text)]


def test_the_tuned_parser_gives_the_plain_parsers_tokens_on_every_construct():
    reference = _configured_parser()
    for text in SAMPLES:
        assert tokens(_parser(), text) == tokens(reference, text), text


#: Text as the reader hands it to the parser: line endings made "\n", no NUL.
decoded_text = st.lists(
    st.sampled_from([*PIECES, "[^1]", "[^1]: ", "    ", "~~~", "title: x\n"])
    | st.text(max_size=4),
    max_size=60,
).map(lambda t: "".join(t).replace("\r\n", "\n").replace("\r", "\n").replace("\0", ""))


@settings(max_examples=150, deadline=None)
@given(decoded_text)
def test_the_tuned_parser_gives_the_plain_parsers_tokens_on_any_text(text):
    assert tokens(_parser(), text) == tokens(_configured_parser(), text)


def test_a_title_with_escaped_line_endings_and_nul_reads_as_markdown_it_normalises_it():
    doc = read_markdown(b'---\ntitle: "One\\r\\ntwo\\rthree\\0four"\n---\n', "memo.md")
    (title,) = doc.blocks
    assert (title.kind, title.level) == ("heading", 0)
    assert title.text == "One two three\ufffdfour"
    assert title.start.line == 2 and title.start.column == 9
