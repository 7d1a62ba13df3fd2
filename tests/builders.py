"""Small builders for tests that need a Document without a reader."""

from __future__ import annotations

from memolint.document import Block, Document, Position, SourceMap


def block(kind: str, text: str, line: int, **fields) -> Block:
    """A block on one source line starting at column 1."""
    return Block(kind=kind, text=text, source=SourceMap.at(line),  # type: ignore[arg-type]
                 end=Position(line, len(text) + 1), **fields)


def document(*blocks: Block, path: str = "memo.md", **fields) -> Document:
    """A Markdown-like document made of the given blocks."""
    return Document(path=path, format="markdown", blocks=list(blocks),
                    line_count=max((b.end.line for b in blocks), default=0), **fields)
