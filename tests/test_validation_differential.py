"""The fast engine and the reference agree on payloads nobody wrote by hand: generated from the
schemas, then broken at random places (a value replaced by any JSON value, a field dropped, an
unknown field added), for the main objects of every version, in both modes.

The mutation tests break each field one way; this one breaks several fields at once and in
ways no list foresees, which is where the engine's rewritten schemas (long lists bounded, leaf
objects checked first, a string enum's type left to the enum) would part from the reference."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocpi_sdk import schemas
from tests.schema_strategies import for_object

OBJECTS = {
    "2.1.1": ("Location", "EVSE", "Session", "CDR", "Tariff", "Token"),
    "2.2.1": ("Location", "EVSE", "Session", "CDR", "Tariff", "Token", "ChargingProfile"),
    "2.3.0": ("Location", "EVSE", "Session", "CDR", "Tariff", "Token", "ChargingProfile"),
}
CASES = [(v, n) for v, names in OBJECTS.items() for n in names]

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
    | st.sampled_from(["AVAILABLE", "RFID", "2015-06-29T20:39:09Z", "x" * 300, "", "OTHER"])
)
ANY_JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def _places(value: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in ``value``."""
    if isinstance(value, dict):
        for key, sub in value.items():
            found.append((value, key))
            _places(sub, found)
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            found.append((value, index))
            _places(sub, found)
    return found


@st.composite
def broken(draw: st.DrawFn, version: str, name: str) -> dict[str, Any]:
    payload = draw(for_object(version, name))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        places = _places(payload, [])
        if not places:
            break
        container, key = places[draw(st.integers(min_value=0, max_value=len(places) - 1))]
        how = draw(st.sampled_from(["replace", "drop", "add"]))
        if how == "replace" or isinstance(container, list):
            container[key] = draw(ANY_JSON)
        elif how == "drop":
            del container[key]
        else:
            container[draw(st.sampled_from(["x_partner", "Name", "evse_uid", "type"]))] = draw(
                ANY_JSON
            )
    return payload


@pytest.mark.parametrize(("version", "name"), CASES, ids=[f"{v}-{n}" for v, n in CASES])
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
@given(data=st.data())
def test_engines_agree_on_randomly_broken_payloads(
    version: str, name: str, data: st.DataObject
) -> None:
    payload = data.draw(broken(version, name))
    for strict in (False, True):
        ours = schemas.check(payload, name, version=version, strict=strict)
        reference = schemas.reference_check(payload, name, version=version, strict=strict)
        assert ours == reference
        assert schemas.is_valid(payload, name, version=version, strict=strict) == reference.valid
