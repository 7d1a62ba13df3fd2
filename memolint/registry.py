"""The rule registry: every known rule, found by code or by name.

Codes (``B001``) and names (``bullet-density``) work everywhere a rule is
named: ``--select``, ``--ignore``, config and suppressions. A selector may also
be a family letter (``B``) or ``ALL``, as in ruff.
"""

from __future__ import annotations

from memolint.errors import ConfigError
from memolint.packs import builtin_pack_files, load_pack

TYPE_CHECKING = False
if TYPE_CHECKING:  # `memolint rules` imports neither (start-up time)
    from collections.abc import Iterable
    from pathlib import Path

    from memolint.packs import Rule


class Registry:
    """All rules of the built-in packs plus any extra packs, by code and name."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: dict[str, Rule] = {}
        self._by_name: dict[str, str] = {}
        for rule in rules:
            if rule.code in self.rules:
                other = self.rules[rule.code]
                raise ConfigError(
                    f"rule code {rule.code} is defined twice (packs {other.pack!r} and "
                    f"{rule.pack!r}); give the rule in your pack a code of its own"
                )
            self.rules[rule.code] = rule
            self._by_name[rule.name] = rule.code

    @classmethod
    def load(cls, extra_packs: Iterable[Path] = ()) -> Registry:
        """Built-in packs, then extra packs (paths) in the order given."""
        paths: list[str | Path] = [*builtin_pack_files()]
        if extra_packs:
            from pathlib import Path

            paths += [Path(path) for path in extra_packs]
        return cls(rule for path in paths for rule in load_pack(path))

    def resolve(self, code_or_name: str) -> str | None:
        """The rule code for a code or a name (any case), or None."""
        key = code_or_name.strip()
        if key.upper() in self.rules:
            return key.upper()
        return self._by_name.get(key.lower())

    def get(self, code_or_name: str) -> Rule | None:
        """The rule for a code or name, or None."""
        code = self.resolve(code_or_name)
        return self.rules[code] if code else None

    def expand(self, selector: str, where: str) -> set[str]:
        """Codes a selector stands for; unknown selectors are a config error."""
        key = selector.strip()
        if key.upper() == "ALL":
            return set(self.rules)
        code = self.resolve(key)
        if code:
            return {code}
        prefix = key.upper()
        matches = {c for c in self.rules if c.startswith(prefix)} if prefix[:1].isalpha() else set()
        if matches and len(prefix) < 4:
            return matches
        raise ConfigError(
            f"{where}: unknown rule {selector!r}; use a code (B001), a name "
            f"(bullet-density), a family letter (B) or ALL; `memolint rules` lists them"
        )

    def expand_all(self, selectors: Iterable[str], where: str) -> set[str]:
        """Union of :meth:`expand` over several selectors."""
        codes: set[str] = set()
        for selector in selectors:
            codes |= self.expand(selector, where)
        return codes

    def sorted_rules(self) -> list[Rule]:
        """Rules by code, for listings."""
        return [self.rules[c] for c in sorted(self.rules)]
