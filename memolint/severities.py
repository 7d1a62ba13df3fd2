"""Severity names and their order, for findings and for rule packs.

Kept apart from :mod:`memolint.diagnostics` so that reading the packs
(``memolint rules``) does not import ``dataclasses`` and ``typing``.
"""

#: Severity order, lowest first; ``--fail-on`` compares against it.
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
