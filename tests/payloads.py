"""Small valid payloads of any object or enum, found by Hypothesis from the schema strategies.

``minimal(version, name)`` is deterministic (``derandomize``): the same schema always gives the
same payload.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import HealthCheck, Phase, find, settings

from ocpi_sdk import schemas
from tests.schema_strategies import for_object


@cache
def minimal(version: str, name: str) -> Any:
    definition = schemas.get(version, name)
    if "enum" in definition:
        return definition["enum"][0]
    return find(
        for_object(version, name),
        lambda payload: schemas.validate(payload, name, version=version) == [],
        settings=settings(
            database=None,
            derandomize=True,
            phases=[Phase.generate],
            max_examples=1000,
            suppress_health_check=list(HealthCheck),
        ),
    )
