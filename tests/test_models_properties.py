"""Property tests: payloads generated from each schema load, dump back equal, and still validate."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings

from ocpi_sdk import schemas
from tests.jsonvalues import normalised
from tests.schema_strategies import for_object

OBJECTS = [
    (version, name)
    for version in schemas.versions()
    for name in schemas.names(version)
    if schemas.kind(version, name) in ("object", "class") and name != "Response"
]


@pytest.mark.parametrize(("version", "name"), OBJECTS, ids=[f"{v}-{n}" for v, n in OBJECTS])
def test_generated_payloads_round_trip(version: str, name: str) -> None:
    package = importlib.import_module("ocpi_sdk.v" + version.replace(".", "_"))
    cls = getattr(package, name)

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        database=None,
    )
    @given(for_object(version, name))
    def check(payload: Any) -> None:
        assume(schemas.validate(payload, name, version=version) == [])
        model = package.loads(json.dumps(payload), cls)
        out = json.loads(package.dumps(model))
        assert out == normalised(payload)
        assert schemas.validate(out, name, version=version) == []

    check()


def test_total_cost_never_drifts_through_the_models() -> None:
    from decimal import Decimal

    from ocpi_sdk.v2_2_1 import Price, dumps, loads

    for text in ("0.1", "0.2", "2.50", "1234567.8901", "-0.0001"):
        raw = f'{{"excl_vat": {text}}}'
        price = loads(raw, Price)
        assert price.excl_vat == Decimal(text)
        assert Decimal(json.loads(dumps(price), parse_float=str)["excl_vat"]) == Decimal(text)
