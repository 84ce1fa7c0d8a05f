"""Rules as data (`intents/rules.yml`): intent, optional active-form condition -> actions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import INTENTS_DIR
from bot.yamlfile import read_yaml

ANY_LOOP = object()


@dataclass(frozen=True)
class Rule:
    name: str
    intents: frozenset[str]
    active_loop: object  # a form name, None (no form open), or ANY_LOOP (no condition)
    actions: tuple[str, ...]


class RuleError(ValueError):
    """A rule file the engine cannot read; says which rule."""


def _parse(item: dict[str, Any]) -> Rule:
    name = str(item.get("rule", "?"))
    loop: object = ANY_LOOP
    for condition in item.get("condition") or []:
        if "active_loop" in condition:
            loop = condition["active_loop"]
    steps = item.get("steps") or []
    if not steps:
        raise RuleError(f"rule {name!r} has no steps")
    first = steps[0]
    if "intent" in first:
        intents = frozenset([str(first["intent"])])
    elif "or" in first:
        intents = frozenset(str(s["intent"]) for s in first["or"])
    else:
        raise RuleError(f"rule {name!r} must start with an intent (or a list of them)")
    actions = tuple(str(step["action"]) for step in steps[1:] if "action" in step)
    if not actions:
        raise RuleError(f"rule {name!r} names no action")
    return Rule(name=name, intents=intents, active_loop=loop, actions=actions)


class RulePolicy:
    """Picks the actions for an intent; rules that name the active form win."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules

    @classmethod
    def load(cls, path: Path = INTENTS_DIR / "rules.yml") -> RulePolicy:
        data: Any = read_yaml(path)
        return cls([_parse(item) for item in data.get("rules") or []])

    def actions_for(self, intent: str, active_loop: str | None) -> tuple[str, ...] | None:
        unconditioned = None
        for rule in self.rules:
            if intent not in rule.intents:
                continue
            if rule.active_loop is ANY_LOOP:
                unconditioned = unconditioned or rule.actions
            elif rule.active_loop == active_loop:
                return rule.actions
        return unconditioned

    @property
    def intents(self) -> frozenset[str]:
        return frozenset(i for rule in self.rules for i in rule.intents)

    @property
    def actions(self) -> frozenset[str]:
        return frozenset(a for rule in self.rules for a in rule.actions)
