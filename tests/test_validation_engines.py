"""The fast engine (jsonschema-rs) and the reference (jsonschema) agree on every verdict and on
every problem (path, rule, message), errors and notes, in both modes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk import schemas
from ocpi_sdk.schemas._validation import LONG_LIST
from tests.examples import EXAMPLES, Fragment, Full, Partial, SpecError, fragment_body, load
from tests.mutations import mutations

CASES = [
    (v, f, u)
    for v, files in EXAMPLES.items()
    for f, u in files.items()
    if isinstance(u, Full | Partial | Fragment | SpecError)
]


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
@pytest.mark.parametrize(("version", "file", "use"), CASES, ids=[f"{v}/{f}" for v, f, _ in CASES])
def test_same_verdict_on_examples_and_mutations(
    examples_dir: Path,
    version: str,
    file: str,
    use: Full | Partial | Fragment | SpecError,
    strict: bool,
) -> None:
    partial = isinstance(use, Partial | Fragment) or (isinstance(use, SpecError) and use.partial)
    payload = load(version, file)
    if isinstance(use, Fragment):
        payload = fragment_body(payload)
    candidates = [payload]
    if isinstance(use, Full):
        candidates += [m.payload for m in mutations(version, use.name, payload)]
    fast = schemas.fast_validator(use.name, version=version, strict=strict, partial=partial)
    slow = schemas.reference_validator(use.name, version=version, strict=strict, partial=partial)
    candidates.append({**payload, "x_partner_field": {"a": 1}})
    if isinstance(payload, dict):
        candidates.append(_unknown_inside(payload))
    for candidate in candidates:
        assert fast.is_valid(candidate) == slow.is_valid(candidate)
        options = {"version": version, "strict": strict, "partial": partial}
        ours = schemas.check(candidate, use.name, **options)
        reference = schemas.reference_check(candidate, use.name, **options)
        assert ours == reference


def _unknown_inside(payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` with an unknown field in each object it holds (one level down, and in the
    first object of each list of objects)."""
    out = dict(payload)
    for key, value in payload.items():
        if isinstance(value, dict):
            out[key] = {**value, "x_partner_field": 1}
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            out[key] = [{**value[0], "x_partner_field": 1}, *value[1:]]
    return out


@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_lists_longer_than_long_list_are_walked_item_by_item_with_the_same_problems(
    examples_dir: Path, strict: bool
) -> None:
    """A list past ``LONG_LIST`` items is validated item by item (bounded work), nested in
    another long list too, and reported as the reference reports it."""
    payload = load("2.2.1", "location_example.json")
    count = LONG_LIST + 1
    evse = payload["evses"][0]
    connectors = [evse["connectors"][0]] * count
    connectors[5] = {**connectors[5], "standard": "NO_SUCH_PLUG", "x_partner_field": 1}
    evses = [evse] * count
    evses[3] = {**evse, "status": "BROKEN"}
    evses[-1] = {**evse, "connectors": connectors}
    facilities = ["HOTEL"] * count
    facilities[7] = 12345
    candidate = {**payload, "evses": evses, "facilities": facilities}
    options = {"version": "2.2.1", "strict": strict}
    ours = schemas.check(candidate, "Location", **options)
    assert ours == schemas.reference_check(candidate, "Location", **options)
    assert {p.path for p in ours.errors} >= {
        "$.evses[3].status",
        f"$.evses[{count - 1}].connectors[5].standard",
        "$.facilities[7]",
    }
