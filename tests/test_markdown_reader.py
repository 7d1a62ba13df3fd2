"""Tests for the Markdown reader: blocks, visible text, suppressions, positions."""

from __future__ import annotations

import re
import string
import time

import pytest

from memolint.document import Block, Document, Position
from memolint.errors import InputError
from memolint.readers.markdown import read_markdown

#: A memo that uses every construct the reader places text from. The
#: position tests below assert exact places in it, so edit with care.
RICH = """\
---
title: Quarterly *plan*
memolint:
  max_pages: 6
---
# Overview of the plan ##

   ## Indented heading

Setext heading line
with *second* line
===================

Plain text with *emphasis*, __strong__, ***both*** and `inline code` here.
A [link with **bold** text](https://example.com/path "Title words") follows,
then [a reference][ref], a [collapsed][] one, a [shortcut] and <https://auto.example>.
Escaped \\*stars\\* and an &amp; entity and ~~struck~~ words.
Hard break follows\x20\x20
next line\\
last line with ``double `tick` code`` and `split
code` span.

Text\twith tabs and Café naïve 日本語 words.

An ![inline image alt](pic.png) sits in prose with <span>inline html</span> inside.

![Standalone picture alt](big.png)

[![Linked badge alt](badge.svg)](https://ci.example)

- First bullet item
lazy continuation
- Second bullet with [link](https://x.example)
  - Nested bullet item
    1. Deep ordered item
- Third item

  Continuation paragraph in third item.
-\tTabbed bullet item

1. One ordered
2. Two ordered

> Quoted paragraph text
> over two lines.
>
> > Doubly quoted words here.
>
> - Quoted list item
>
> ## Quoted heading

| Name | Value *em* |
|------|-----------|
| alpha | has \\| pipe |
| `beta` | [gamma](https://g.example) |

```python
def code_is_not_prose():
    return 1
```

    indented code block

<div>
<!-- memolint-disable R001 -->
</div>

Final paragraph.<!-- memolint-disable-line B002 --> Done.

[ref]: https://ref.example
[collapsed]: https://c.example
[shortcut]: https://s.example
"""


def read(text: str | bytes, path: str = "memo.md") -> Document:
    return read_markdown(text.encode() if isinstance(text, str) else text, path)


def source_lines(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def block_with(doc: Document, word: str) -> Block:
    return next(b for b in doc.blocks if word in b.text)


def position_of(doc: Document, word: str) -> Position:
    block = block_with(doc, word)
    return block.source.position(block.text.index(word))


def kinds(doc: Document) -> list[str]:
    return [b.kind for b in doc.blocks]


# --------------------------------------------------------------------------
# Blocks


def test_heading_levels_atx_and_setext():
    doc = read("# One\n\n###### Six\n\nTwo\n---\n\nOne again\n=========\n")
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "One"),
        ("heading", 6, "Six"),
        ("heading", 2, "Two"),
        ("heading", 1, "One again"),
    ]


def test_list_items_depth_ordered_and_list_id():
    doc = read("- a\n- b\n  1. c\n  2. d\n- e\n\ntext\n\n- f\n")
    items = [(b.text, b.depth, b.ordered, b.list_id) for b in doc.blocks if b.kind == "list_item"]
    assert [(t, d, o) for t, d, o, _ in items] == [
        ("a", 1, False),
        ("b", 1, False),
        ("c", 2, True),
        ("d", 2, True),
        ("e", 1, False),
        ("f", 1, False),
    ]
    ids = [i for *_, i in items]
    assert ids[0] == ids[1] == ids[4]
    assert ids[2] == ids[3] != ids[0]
    assert ids[5] not in (ids[0], ids[2])


def test_list_item_continuation_paragraph_keeps_item_context():
    doc = read("1. first\n\n   more of first\n2. second\n")
    assert [(b.kind, b.text, b.depth, b.ordered) for b in doc.blocks] == [
        ("list_item", "first", 1, True),
        ("paragraph", "more of first", 1, True),
        ("list_item", "second", 1, True),
    ]
    assert doc.blocks[0].list_id == doc.blocks[1].list_id == doc.blocks[2].list_id


def test_empty_list_item_produces_no_block():
    doc = read("- a\n-\n- b\n")
    assert [b.text for b in doc.blocks] == ["a", "b"]


def test_heading_inside_list_item_is_a_heading_with_list_context():
    doc = read("- #### Question?\n\n  Answer.\n")
    assert [(b.kind, b.level, b.depth) for b in doc.blocks] == [
        ("heading", 4, 1),
        ("list_item", 0, 1),
    ]


def test_task_list_boxes_render_as_ballot_boxes():
    doc = read("- [ ] todo item\n- [x] done item\n- [link](u) not a task\n")
    assert [b.text for b in doc.blocks] == ["☐ todo item", "☒ done item", "link not a task"]
    assert position_of(doc, "todo") == Position(1, 7)
    assert doc.blocks[1].start == Position(2, 3)


def test_quotes_and_quoted_list_items_and_headings():
    doc = read("> said\n>\n> - quoted item\n>\n> # Quoted head\n\nplain\n")
    assert [(b.kind, b.quoted) for b in doc.blocks] == [
        ("quote", True),
        ("list_item", True),
        ("heading", True),
        ("paragraph", False),
    ]


def test_sole_image_paragraph_is_image_block_and_inline_image_is_alt_text():
    doc = read(
        "![A chart](c.png)\n\n[![Badge](b.svg)](https://ci)\n\nSee ![the map](m.png) here.\n"
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("image", "A chart"),
        ("image", "Badge"),
        ("paragraph", "See the map here."),
    ]


def test_code_blocks_are_code_with_info_and_not_prose():
    doc = read("```python extra\nx = 1\n\ny = 2\n```\n\n    indented\n    code\n\nprose\n")
    fenced, indented, prose = doc.blocks
    assert (fenced.kind, fenced.info, fenced.text) == ("code", "python", "x = 1\n\ny = 2")
    assert (indented.kind, indented.info, indented.text) == ("code", "", "indented\ncode")
    assert not fenced.is_prose and not indented.is_prose and prose.is_prose
    assert indented.start == Position(7, 5)
    assert fenced.source.position(fenced.text.index("y")) == Position(4, 1)


def test_table_rows_and_text():
    doc = read("| H1 | H2 *em* |\n|---|---|\n| a \\| b | [c](u) |\n| `d` |\n")
    (table,) = doc.blocks
    assert table.kind == "table"
    assert table.rows == (("H1", "H2 em"), ("a | b", "c"), ("d", ""))
    assert table.text == "H1 H2 em\na | b c\nd"


# --------------------------------------------------------------------------
# Visible text


def test_markup_urls_and_html_are_not_visible_text():
    doc = read(
        'A [link](https://example.com "title") and <b>bold</b> &amp; `code` '
        "*em* ~~old~~ \\* end<br>next\n"
    )
    assert doc.blocks[0].text == "A link and bold & code em old * end next"


def test_softbreak_and_hardbreak_read_as_one_space():
    doc = read("one\ntwo  \nthree\\\nfour\n")
    assert doc.blocks[0].text == "one two three four"


def test_html_blocks_are_dropped():
    doc = read("<div>\nhidden words\n</div>\n\nshown\n")
    assert [b.text for b in doc.blocks] == ["shown"]


def test_blocks_have_no_surrounding_whitespace():
    doc = read("<span></span> padded text <b></b>\n")
    block = doc.blocks[0]
    assert block.text == "padded text"
    assert block.start == Position(1, 15)


# --------------------------------------------------------------------------
# Front matter


def test_front_matter_settings_and_title_heading():
    doc = read('---\nauthor: Me\ntitle:   "The *Big* Plan"\nmemolint:\n  max_pages: 4\n---\n# H\n')
    assert doc.front_matter["author"] == "Me"
    assert doc.settings == {"max_pages": 4}
    title = doc.blocks[0]
    assert (title.kind, title.level, title.text) == ("heading", 0, "The Big Plan")
    assert title.start == Position(3, 11)
    assert title.source.position(title.text.index("Plan")) == Position(3, 21)
    assert [h.text for h in doc.headings] == ["The Big Plan", "H"]


def test_front_matter_without_title_or_settings():
    doc = read("---\ntitle: 42\n---\ntext\n")
    assert doc.front_matter == {"title": 42}
    assert doc.settings == {}
    assert kinds(doc) == ["paragraph"]


def test_malformed_front_matter_is_a_note_not_an_error():
    doc = read("---\ntitle: [unclosed\n---\nbody text\n")
    assert doc.front_matter == {}
    assert len(doc.notes) == 1 and "YAML" in doc.notes[0]
    assert [b.text for b in doc.blocks] == ["body text"]


def test_front_matter_that_is_not_a_mapping_is_a_note():
    doc = read("---\n- a\n- b\n---\nbody\n")
    assert doc.front_matter == {} and doc.settings == {}
    assert "mapping" in doc.notes[0]


def test_memolint_settings_that_are_not_a_mapping_are_a_note():
    doc = read("---\nmemolint: strict\n---\nbody\n")
    assert doc.settings == {}
    assert doc.front_matter == {"memolint": "strict"}
    assert "memolint" in doc.notes[0]


# --------------------------------------------------------------------------
# Suppressions


def test_comment_directives_become_suppressions_with_their_lines():
    doc = read(
        "intro\n\n<!-- memolint-disable B001, long-sentence -->\n\n"
        "text <!-- memolint-disable-line R001 --> more\n\n"
        "<!--\nnote\nmemolint-disable-next-line -->\nnext\n\n"
        "<!-- memolint-enable -->\n"
    )
    found = [(s.action, s.codes, s.line) for s in doc.suppressions]
    assert found == [
        ("disable", frozenset({"B001", "long-sentence"}), 3),
        ("disable-line", frozenset({"R001"}), 5),
        ("disable-next-line", frozenset(), 9),
        ("enable", frozenset(), 12),
    ]


def test_inline_comment_on_a_later_paragraph_line():
    doc = read("first line\nsecond <!-- memolint-disable-line X1 -->\n")
    assert [(s.codes, s.line) for s in doc.suppressions] == [(frozenset({"X1"}), 2)]


def test_inline_comment_spanning_lines_stands_on_the_directive_line():
    doc = read("text <!-- a note\nmemolint-disable-line X2 --> more\n")
    assert [(s.codes, s.line) for s in doc.suppressions] == [(frozenset({"X2"}), 2)]
    assert doc.blocks[0].text == "text more"


def test_directives_in_code_are_not_suppressions():
    doc = read("```\n<!-- memolint-disable -->\n```\n\n`<!-- memolint-disable -->`\n")
    assert doc.suppressions == []


def test_ordinary_comments_are_not_suppressions():
    doc = read("<!-- TODO: tidy up -->\n\ntext\n")
    assert doc.suppressions == []


# --------------------------------------------------------------------------
# Decoding and document facts


def test_invalid_utf8_is_an_encoding_error_naming_the_file():
    with pytest.raises(InputError) as caught:
        read(b"caf\xe9 au lait\n", "notes/latin1.md")
    assert caught.value.kind == "encoding"
    assert "notes/latin1.md" in caught.value.message
    assert "UTF-8" in caught.value.message


def test_nul_bytes_are_a_binary_error_naming_the_file():
    with pytest.raises(InputError) as caught:
        read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "pic.md")
    assert caught.value.kind == "binary"
    assert "pic.md" in caught.value.message


def test_utf16_with_a_bom_is_decoded_and_without_one_is_named():
    assert read("# Title\n".encode("utf-16"), "wide.md").blocks[0].text == "Title"
    with pytest.raises(InputError) as caught:
        read("# Title\n".encode("utf-16-le"), "wide.md")
    assert caught.value.kind == "binary"
    assert "wide.md" in caught.value.message and "UTF-16" in caught.value.message


def test_document_facts():
    doc = read("# T\n\ntext\n", "a/b.md")
    assert (doc.path, doc.format, doc.line_count) == ("a/b.md", "markdown", 3)
    assert all(b.typography is None for b in doc.blocks)
    assert len(doc.page_setups) == 1
    assert read("one\ntwo").line_count == 2
    assert read("one\n\n\n").line_count == 3


def test_bom_is_stripped_and_columns_start_at_one():
    doc = read(b"\xef\xbb\xbf# Title\n\nBody text\n")
    assert doc.blocks[0].text == "Title"
    assert doc.blocks[0].start == Position(1, 3)
    assert position_of(doc, "text") == Position(3, 6)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(newline):
    doc = read(f"# Title{newline}{newline}first line{newline}second line{newline}")
    assert [b.text for b in doc.blocks] == ["Title", "first line second line"]
    assert position_of(doc, "second") == Position(4, 1)
    assert doc.blocks[1].end == Position(4, 12)
    assert doc.line_count == 4


# --------------------------------------------------------------------------
# Positions: exact places in RICH


@pytest.fixture(scope="module")
def rich() -> Document:
    return read(RICH)


@pytest.mark.parametrize(
    ("word", "line", "column"),
    [
        ("Quarterly", 2, 8),  # YAML title value
        ("plan", 2, 19),  # inside *...* in the YAML title
        ("Overview", 6, 3),  # ATX heading with closing #'s
        ("Indented", 8, 7),  # heading indented 3 spaces
        ("Setext", 10, 1),
        ("second", 11, 7),  # emphasis on the second line of a setext heading
        ("emphasis", 14, 18),
        ("strong", 14, 31),
        ("both", 14, 44),
        ("inline code", 14, 57),
        ("bold", 15, 16),  # strong inside link text
        ("follows", 15, 69),  # after a link with a title
        ("reference", 16, 9),
        ("collapsed", 16, 29),
        ("shortcut", 16, 50),
        ("https://auto.example", 16, 65),  # autolink text
        ("stars", 17, 11),  # after an escape
        ("entity", 17, 32),  # after &amp;
        ("struck", 17, 45),  # strikethrough
        ("next line", 19, 1),  # after a two-space hard break
        ("last line", 20, 1),  # after a backslash hard break
        ("double `tick` code", 20, 18),  # double-backtick span with padding
        ("split", 20, 44),  # code span running onto the next line
        ("span.", 21, 7),
        ("with tabs", 23, 6),  # after a tab
        ("日本語", 23, 31),  # non-ASCII counted in characters
        ("inline image alt", 25, 6),  # alt text of an inline image
        ("inline html", 25, 58),  # text between inline HTML tags
        ("Standalone", 27, 3),
        ("Linked badge", 29, 4),
        ("lazy continuation", 32, 1),
        ("Nested bullet", 34, 5),
        ("Deep ordered", 35, 8),
        ("Continuation paragraph", 38, 3),
        ("Tabbed bullet", 39, 3),  # tab after the list marker
        ("Two ordered", 42, 4),
        ("over two lines", 45, 3),  # second line of a block quote
        ("Doubly quoted", 47, 5),  # nested > >
        ("Quoted list item", 49, 5),
        ("Quoted heading", 51, 6),
        ("Value", 53, 10),  # table header cell
        ("pipe", 55, 18),  # after an escaped pipe in a cell
        ("beta", 56, 4),  # inline code in a cell
        ("gamma", 56, 13),  # link in a cell
        ("def code_is_not_prose", 59, 1),
        ("return 1", 60, 5),
        ("indented code block", 63, 5),
        ("Done.", 69, 53),  # after an inline comment
    ],
)
def test_exact_positions(rich, word, line, column):
    position = position_of(rich, word)
    assert position == Position(line, column)
    assert source_lines(RICH)[line - 1][column - 1 :].startswith(word.split()[0])


def test_table_block_positions_cover_every_cell(rich):
    table = block_with(rich, "alpha")
    for cell in ("Name", "alpha", "has", "pipe", "beta", "gamma"):
        position = table.source.position(table.text.index(cell))
        assert source_lines(RICH)[position.line - 1][position.column - 1 :].startswith(cell)


def test_block_start_and_end(rich):
    heading = block_with(rich, "Overview")
    assert (heading.start, heading.end) == (Position(6, 3), Position(6, 23))
    quote = block_with(rich, "Quoted paragraph")
    assert (quote.start, quote.end) == (Position(44, 3), Position(45, 18))
    code = block_with(rich, "code_is_not_prose")
    assert (code.start, code.end) == (Position(59, 1), Position(60, 13))


def test_rich_document_blocks(rich):
    assert kinds(rich).count("list_item") == 9
    assert [(h.level, h.text) for h in rich.headings] == [
        (0, "Quarterly plan"),
        (1, "Overview of the plan"),
        (2, "Indented heading"),
        (1, "Setext heading line with second line"),
        (2, "Quoted heading"),
    ]
    assert [(s.action, s.line) for s in rich.suppressions] == [
        ("disable", 66),
        ("disable-line", 69),
    ]


# --------------------------------------------------------------------------
# Positions: every word of every block, in several encodings of RICH


def _variants() -> list[bytes]:
    lf = RICH.encode()
    return [
        lf,
        RICH.replace("\n", "\r\n").encode(),
        RICH.replace("\n", "\r").encode(),
        b"\xef\xbb\xbf" + lf,
        re.sub(r"(?m)^(#|[A-Z])", r"  \1", RICH.split("---\n", 2)[2]).encode(),
    ]


@pytest.mark.parametrize("data", _variants(), ids=["lf", "crlf", "cr", "bom", "indented"])
def test_every_word_maps_to_its_source(data):
    doc = read(data)
    text = data.decode("utf-8-sig")
    lines = source_lines(text)
    checked = 0
    for block in doc.blocks:
        for match in re.finditer(r"\S+", block.text):
            word = match.group().strip(string.punctuation)
            if not word or word not in text:
                continue
            offset = match.start() + match.group().index(word)
            position = block.source.position(offset)
            found = lines[position.line - 1][position.column - 1 :]
            assert found.startswith(word), (block.kind, word, position, found)
            checked += 1
    assert checked > 120


def test_every_visible_character_maps_to_itself(rich):
    """Stronger than the word check: words split by markup (``**b**old``) too."""
    lines = source_lines(RICH)
    for block in rich.blocks:
        for offset, char in enumerate(block.text):
            if char.isspace():
                continue
            position = block.source.position(offset)
            assert lines[position.line - 1][position.column - 1] == char, (block.text, offset)


def test_words_split_by_markup_map_each_part():
    doc = read("un**break**able and [lin*k*](u)ed\n")
    block = doc.blocks[0]
    assert block.text == "unbreakable and linked"
    assert block.source.position(block.text.index("able")) == Position(1, 12)
    assert block.source.position(block.text.index("ed")) == Position(1, 32)


def test_text_after_a_link_title_is_not_placed_inside_the_title():
    doc = read('See [docs](https://e.com "the word") word here.\n')
    block = doc.blocks[0]
    assert block.text == "See docs word here."
    assert block.source.position(block.text.index("word")) == Position(1, 38)


def test_code_span_padding_and_code_inside_alt_text():
    doc = read("Run `` `x` `` now and ![the `y` alt](p.png) too.\n")
    block = doc.blocks[0]
    assert block.text == "Run `x` now and the y alt too."
    assert block.source.position(block.text.index("`x`")) == Position(1, 8)
    assert block.source.position(block.text.index("y")) == Position(1, 30)
    assert block.source.position(block.text.index("alt")) == Position(1, 33)


def test_table_inside_block_quote():
    doc = read("> | Key | Val |\n> |---|---|\n> | k1 | v1 |\n>\n> a | b\n> --|--\n> c | d\n")
    first, second = doc.blocks
    assert first.rows == (("Key", "Val"), ("k1", "v1")) and first.quoted
    assert first.source.position(first.text.index("k1")) == Position(3, 5)
    assert first.source.position(first.text.index("Val")) == Position(1, 11)
    assert second.rows == (("a", "b"), ("c", "d"))
    assert second.source.position(second.text.index("d")) == Position(7, 7)


def test_table_starting_on_a_list_item_line():
    doc = read("- | a | b |\n  |---|---|\n  | c | d |\n")
    (table,) = doc.blocks
    assert (table.kind, table.depth, table.rows) == ("table", 1, (("a", "b"), ("c", "d")))
    assert table.start == Position(1, 5)
    assert table.source.position(table.text.index("d")) == Position(3, 9)


# --------------------------------------------------------------------------
# Performance


def _best_time(data: bytes) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        read(data)
        best = min(best, time.perf_counter() - start)
    return best


def test_reading_time_grows_linearly():
    body = RICH.split("---\n", 2)[2]
    small = (body * 4).encode()
    large = (body * 32).encode()
    read(small)
    assert _best_time(large) < 20 * _best_time(small)


def test_lines_holding_only_a_form_feed_before_a_paragraph_are_skipped():
    # markdown-it-py strips them off the paragraph (str.strip), CommonMark keeps the line.
    doc = read("\x0c\n**bold** word\n")
    block = doc.blocks[0]
    assert block.text == "bold word"
    assert block.start == Position(2, 3)
    assert block.source.position(block.text.index("word")) == Position(2, 10)


def test_form_feed_line_inside_a_list_item_before_its_text():
    doc = read("- \x0c\n  item\n")
    assert [(b.kind, b.text, b.start) for b in doc.blocks] == [
        ("list_item", "item", Position(2, 3))]
