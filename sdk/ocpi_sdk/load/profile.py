"""Load profiles: data files naming the requests to make, their weights and their rate."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import attrs

ROLES_UNDER_TEST = ("cpo", "emsp")


@attrs.frozen
class Profile:
    """One profile: per role under test, the task names and weights; its sources and arithmetic."""

    name: str
    description: str
    sources: tuple[str, ...]
    arithmetic: tuple[str, ...]
    rate_per_user: float
    parameters: dict[str, Any]
    against: dict[str, dict[str, int]]

    def tasks(self, role: str) -> dict[str, int]:
        """The weighted tasks that load a system playing ``role`` (``cpo``/``emsp``)."""
        tasks = self.against.get(role)
        if not tasks:
            raise ValueError(
                f"profile {self.name!r} has no load for a {role} under test; "
                f"it loads: {', '.join(sorted(self.against))}"
            )
        return tasks

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Profile:
        against = {
            str(k): {str(t): int(w) for t, w in v.items()} for k, v in data["against"].items()
        }
        for role, tasks in against.items():
            if role not in ROLES_UNDER_TEST:
                raise ValueError(f"profile {data.get('name')!r}: unknown role under test {role!r}")
            if any(w < 1 for w in tasks.values()):
                raise ValueError(f"profile {data.get('name')!r}: task weights must be >= 1")
        return cls(
            name=str(data["name"]),
            description=str(data["description"]),
            sources=tuple(data["sources"]),
            arithmetic=tuple(data["arithmetic"]),
            rate_per_user=float(data["rate_per_user"]),
            parameters=dict(data.get("parameters", {})),
            against=against,
        )


def profile_names() -> list[str]:
    """The names of the profiles shipped with the SDK."""
    folder = resources.files("ocpi_sdk.load") / "profiles"
    return sorted(
        p.name.removesuffix(".json") for p in folder.iterdir() if p.name.endswith(".json")
    )


def load_profile(name_or_path: str) -> Profile:
    """A shipped profile by name (``status-storm``) or a profile JSON file by path."""
    if name_or_path in profile_names():
        text = (resources.files("ocpi_sdk.load") / "profiles" / f"{name_or_path}.json").read_text()
    elif name_or_path.endswith(".json"):
        with open(name_or_path, encoding="utf-8") as handle:
            text = handle.read()
    else:
        raise ValueError(
            f"unknown profile {name_or_path!r}; shipped: {', '.join(profile_names())} "
            "(or give the path of a .json profile)"
        )
    return Profile.from_dict(json.loads(text))
