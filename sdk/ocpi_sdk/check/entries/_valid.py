"""Validation as the checks use it: JSON null in an optional field is the field left out (the
spec's terminology chapter allows both), so only real errors are reported, each with its path."""

from __future__ import annotations

from typing import Any

from ocpi_sdk import schemas


def without_nulls(value: Any) -> Any:
    """``value`` with every object member whose value is null removed (list items kept)."""
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def problems(obj: Any, name: str, version: str, prefix: str = "$") -> list[str]:
    """``path: message`` for each error of ``obj`` as the object ``name`` of ``version``."""
    return [
        f"{prefix}{p.path[1:]}: {p.message}"
        for p in schemas.validate(without_nulls(obj), name, version=version)
    ]
