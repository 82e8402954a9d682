"""Systematic mutations of valid payloads, each with the (path, rule) it must be reported at.

The walker follows the schema alongside the payload (resolving ``$ref`` through the registry) and,
for every field it meets, derives the mutations the issue asks for: a required field removed, an
enum value that is not in the enum, a string one character over its ``maxLength``, a malformed
DateTime, a value of the wrong JSON type, and an empty array where the spec says ``+``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import attrs
from referencing._core import Resolver

from ocpi_sdk.schemas import json_path
from ocpi_sdk.schemas._validation import _compiled
from ocpi_sdk.schemas._variants import OPEN_ENUM, non_null


@attrs.frozen
class Mutation:
    kind: str
    path: str
    rule: str
    payload: Any


def _resolve(
    schema: dict[str, Any], resolver: Resolver[Any]
) -> tuple[dict[str, Any], Resolver[Any]]:
    """Merge a ``$ref`` target with the keywords beside it (``maxLength`` next to ``CiString``)."""
    merged: dict[str, Any] = {}
    schema = non_null(schema)
    while "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        siblings = {k: v for k, v in schema.items() if k != "$ref"}
        merged = {**siblings, **merged}
        resolver = resolved.resolver
        schema = resolved.contents
    return {**schema, **merged}, resolver


def _set(payload: Any, parts: list[str | int], value: Any) -> Any:
    out = copy.deepcopy(payload)
    target = out
    for part in parts[:-1]:
        target = target[part]
    target[parts[-1]] = value
    return out


def _delete(payload: Any, parts: list[str | int]) -> Any:
    out = copy.deepcopy(payload)
    target = out
    for part in parts[:-1]:
        target = target[part]
    del target[parts[-1]]
    return out


WRONG_TYPE = {
    "string": 12345,
    "number": "12.5",
    "integer": "12",
    "boolean": "true",
    "object": [],
    "array": {},
}


def _walk(
    root: Any, value: Any, schema: dict[str, Any], resolver: Resolver[Any], parts: list[str | int]
) -> Iterator[Mutation]:
    schema, resolver = _resolve(schema, resolver)
    path = json_path(parts)
    kind = schema.get("type")
    if (
        parts
        and isinstance(kind, str)
        and kind in WRONG_TYPE
        and not isinstance(value, bool | type(None))
    ) or (parts and kind == "boolean"):
        yield Mutation("wrong type", path, "type", _set(root, parts, WRONG_TYPE[kind]))
    if "enum" in schema and parts and not schema.get(OPEN_ENUM):
        yield Mutation("enum", path, "enum", _set(root, parts, "NOT_AN_OCPI_VALUE"))
    if "maxLength" in schema and isinstance(value, str) and parts:
        too_long = (value or "A") * (schema["maxLength"] + 1)
        yield Mutation(
            "maxLength", path, "maxLength", _set(root, parts, too_long[: schema["maxLength"] + 1])
        )
    if schema.get("title") == "DateTime" and parts:
        yield Mutation("DateTime", path, "pattern", _set(root, parts, "2015-06-29 20:39:09+02:00"))
    if isinstance(value, dict) and "properties" in schema:
        for name in schema.get("required", []):
            if name in value:
                yield Mutation(
                    "required", json_path([*parts, name]), "required", _delete(root, [*parts, name])
                )
        for name, sub in schema["properties"].items():
            if name in value and value[name] is not None:
                yield from _walk(root, value[name], sub, resolver, [*parts, name])
    if isinstance(value, list) and "items" in schema:
        if schema.get("minItems") == 1 and parts:
            yield Mutation("empty +", path, "minItems", _set(root, parts, []))
        for index, item in enumerate(value[:2]):
            yield from _walk(root, item, schema["items"], resolver, [*parts, index])


def mutations(version: str, name: str, payload: Any) -> list[Mutation]:
    """Every mutation of ``payload`` (a valid ``name``) with the path and rule it must fail at."""
    compiled = _compiled(version, "lenient")
    uri = compiled.schemas.uri(name)
    resolver = compiled.registry.resolver(base_uri=uri)
    return list(_walk(payload, payload, {"$ref": uri}, resolver, []))
