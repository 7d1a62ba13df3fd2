"""memolint: a linter for narrative memos (six-pagers and PR/FAQs) in Markdown and DOCX."""

__version__ = "0.1.0"
