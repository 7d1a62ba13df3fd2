"""Rule documentation for ``memolint rules`` and ``memolint rule CODE``.

The text comes from the packs (rules as data), so the docs a user reads are
the docs the rule ships with, options and defaults included.
"""

from __future__ import annotations

from memolint.errors import ConfigError
from memolint.registry import Registry

TYPE_CHECKING = False
if TYPE_CHECKING:
    from memolint.packs import Rule


def rules_listing(output_format: str) -> str:
    """One line per rule, or a JSON array."""
    rules = Registry.load().sorted_rules()
    if output_format == "json":
        import json  # imported on use: the text listing is the common one (start-up time)

        return json.dumps([
            {"code": r.code, "name": r.name, "family": r.family, "severity": r.severity,
             "summary": r.summary, "options": r.options, "languages": list(r.languages)}
            for r in rules
        ], indent=2) + "\n"
    width = max(len(r.name) for r in rules)
    lines = [f"{r.code}  {r.name:<{width}}  {r.family:<11}  {r.severity:<7}  {r.summary}"
             f"{'' if r.languages == ('*',) else ' [' + ', '.join(r.languages) + ']'}"
             for r in rules]
    return "\n".join(lines) + "\n"


def rule_page(code_or_name: str) -> str:
    """The full documentation of one rule."""
    registry = Registry.load()
    rule = registry.get(code_or_name)
    if rule is None:
        raise ConfigError(f"unknown rule {code_or_name!r}; `memolint rules` lists them")
    return render_rule(rule)


def languages_text(languages: tuple[str, ...]) -> str:
    """A rule's languages for people: "any" for ``*``, else the codes."""
    if "*" in languages:
        return "any (the rule does not depend on the memo's language)"
    return (", ".join(languages) + " (runs only on text in these languages; see "
            "`memolint rule X002`)")


def render_rule(rule: Rule) -> str:
    """A rule's docs as plain text, in the ruff/sqlfluff order."""
    import json
    import textwrap

    docs = rule.docs
    out = [f"{rule.code} {rule.name} ({rule.family}, default severity: {rule.severity})",
           "", rule.summary, "", f"Languages: {languages_text(rule.languages)}", ""]

    def section(title: str, body: str, indent: str = "  ") -> None:
        out.append(f"{title}:")
        for paragraph in body.strip().split("\n\n"):
            out.append(textwrap.fill(" ".join(paragraph.split()), 78, initial_indent=indent,
                                     subsequent_indent=indent))
        out.append("")

    section("What it checks", docs["what"])
    section("Why", docs["why"])
    section("Source", docs["source"])
    out += [f"Strength of the source: {docs['strength']}", ""]
    if rule.options:
        out.append("Options (set in [tool.memolint.rules." + rule.code + "]):")
        for key, default in rule.options.items():
            out.append(f"  {key} = {json.dumps(default)}")
            out.append(textwrap.fill(rule.option_docs.get(key, ""), 78, initial_indent="      ",
                                     subsequent_indent="      "))
        out.append("")
    for title, key in (("Bad", "bad"), ("Good", "good")):
        out.append(f"{title}:")
        out += [("    " + line).rstrip() for line in docs[key].strip("\n").splitlines()]
        out.append("")
    return "\n".join(out)
