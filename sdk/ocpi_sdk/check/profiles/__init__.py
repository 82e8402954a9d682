"""Profiles of ``ocpi check``: data files naming extra rules, each with its source.

``default.json`` is the spec alone. Another profile lists the ``profile`` checks it turns on
(with their parameters) and the ``recommended`` checks it makes ``required``, each with the
public document the stricter rule comes from. Adding a profile is adding a JSON file here.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import attrs


@attrs.frozen
class Rule:
    """A check a profile turns on or makes stricter, its parameters and the rule's source."""

    check: str
    source: str
    params: dict[str, Any] = attrs.field(factory=dict)
    severity: str = "profile"


@attrs.frozen
class Profile:
    name: str
    description: str
    rules: tuple[Rule, ...] = ()

    def rule(self, check_id: str) -> Rule | None:
        return next((r for r in self.rules if r.check == check_id), None)

    def params(self, check_id: str) -> dict[str, Any]:
        rule = self.rule(check_id)
        return dict(rule.params) if rule else {}


class UnknownProfileError(LookupError):
    """No profile of that name ships with the SDK."""


def names() -> list[str]:
    """The profiles shipped, by name."""
    folder = resources.files(__name__)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


def load(name: str) -> Profile:
    """The profile ``name`` (``default`` when None)."""
    if name not in names():
        raise UnknownProfileError(f"unknown profile {name!r}; known: {', '.join(names())}")
    data = json.loads(resources.files(__name__).joinpath(f"{name}.json").read_text("utf-8"))
    rules = tuple(
        Rule(r["check"], r["source"], dict(r.get("params", {})), r.get("severity", "profile"))
        for r in data.get("rules", [])
    )
    return Profile(data["name"], data["description"], rules)
