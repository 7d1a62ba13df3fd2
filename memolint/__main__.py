"""Allow ``python -m memolint``."""

from memolint.cli import main

main()
