"""OCPI-level outcomes of a load run: status codes seen, objects validated and invalid,
tolerances met. Counted per process, merged on the Locust master."""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs

NAMES = (
    "status_codes",
    "objects_valid",
    "objects_invalid",
    "tolerated",
    "errors",
    "command_results",
)


@attrs.define
class Outcomes:
    """Counters of what the partner answered, beyond Locust's request statistics."""

    status_codes: Counter[str] = attrs.field(factory=Counter)
    objects_valid: Counter[str] = attrs.field(factory=Counter)
    objects_invalid: Counter[str] = attrs.field(factory=Counter)
    tolerated: Counter[str] = attrs.field(factory=Counter)
    errors: Counter[str] = attrs.field(factory=Counter)
    command_results: Counter[str] = attrs.field(factory=Counter)

    def merge(self, data: dict[str, Any]) -> None:
        """Add the counters of :meth:`to_dict` (a worker's report) to these."""
        for name in NAMES:
            getattr(self, name).update(data.get(name, {}))

    def to_dict(self) -> dict[str, dict[str, int]]:
        return {
            "status_codes": dict(self.status_codes),
            "objects_valid": dict(self.objects_valid),
            "objects_invalid": dict(self.objects_invalid),
            "tolerated": dict(self.tolerated),
            "errors": dict(self.errors),
            "command_results": dict(self.command_results),
        }

    def take(self) -> dict[str, dict[str, int]]:
        """The counters so far, reset to zero (what a worker sends the master)."""
        data = self.to_dict()
        for name in NAMES:
            getattr(self, name).clear()
        return data

    @property
    def invalid(self) -> int:
        return sum(self.objects_invalid.values())


def summary_text(result: dict[str, Any]) -> str:
    """The OCPI outcomes and Locust totals of a run (as written by the master) as text."""
    outcomes = Outcomes()
    outcomes.merge(result.get("ocpi", {}))
    lines = ["", "OCPI outcomes"]

    def counts(title: str, counter: Counter[str]) -> None:
        shown = ", ".join(f"{k}: {v}" for k, v in sorted(counter.items())) or "none"
        lines.append(f"  {title:20} {shown}")

    counts("OCPI status codes", outcomes.status_codes)
    counts("objects validated", outcomes.objects_valid)
    counts("objects invalid", outcomes.objects_invalid)
    counts("tolerances met", outcomes.tolerated)
    counts("command responses", outcomes.command_results)
    counts("errors", outcomes.errors)
    total = result.get("total", {})
    lines.append(
        f"  {'requests':20} {total.get('requests', 0)} ({total.get('rps', 0.0):.1f}/s), "
        f"failures {total.get('failures', 0)}, p50 {total.get('p50', 0)} ms, "
        f"p95 {total.get('p95', 0)} ms, p99 {total.get('p99', 0)} ms"
    )
    return "\n".join(lines)
