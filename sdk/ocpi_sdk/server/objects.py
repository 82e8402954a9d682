"""Small helpers for handlers that keep objects: CiString keys and PATCH merging."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, TypeVar

import orjson

T = TypeVar("T")


def key(*ids: str) -> tuple[str, ...]:
    """A store key from CiString ids (``country_code``, ``party_id``, an object id): compared
    case-insensitively, as the spec's CiString type says."""
    return tuple(i.upper() for i in ids)


def apply_patch(obj: T, changes: Mapping[str, Any]) -> T:
    """``obj`` (a generated model) with the top-level fields of a validated PATCH body
    replaced (a list in a PATCH replaces the whole list, as the spec says)."""
    package = importlib.import_module(type(obj).__module__.rsplit(".", 1)[0])
    converter = package.converter
    merged = {**orjson.loads(converter.dumps(obj)), **changes}
    result: T = converter.structure(merged, type(obj))
    return result
