"""Hypothesis strategies that generate payloads from our schemas.

Written for the conventions of ``schemas/README.md`` (objects, arrays, enums, typed strings with
``maxLength`` and ``pattern``, numbers, integers, booleans). Combinators (``oneOf``, ``anyOf``,
``if``/``then``) are not generated from; the test filters generated payloads through the
validator instead, so every payload it keeps is valid.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import strategies as st

from ocpi_sdk import schemas

# Calendar-safe DateTimes: the schema's pattern admits 2015-02-31, which is not a date (the
# models rightly reject it).
DATETIME = (
    r"\A20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5]"
    r"[0-9](\.[0-9]{1,3})?Z?\Z"
)
PRINTABLE_ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"), max_codepoint=0x2FFF)


def _string(schema: dict[str, Any], base: str | None, own_pattern: str | None) -> Any:
    limit = schema.get("maxLength", 40)
    if base == "DateTime":
        return st.from_regex(DATETIME, fullmatch=True)
    pattern = own_pattern or (schema.get("pattern") if base is None else None)
    if pattern:
        regex = r"\A" + pattern.removeprefix("^").removesuffix("$") + r"\Z"
        return st.from_regex(regex, fullmatch=True).filter(lambda s: len(s) <= limit)
    ascii_only = schema.get("pattern") == "^[\\x20-\\x7E]*$"
    return st.text(PRINTABLE_ASCII if ascii_only else PRINTABLE, max_size=min(limit, 40))


def _resolve(version: str, schema: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Merge a ``$ref`` with its siblings; return the merged schema and the target name."""
    ref = schema.get("$ref")
    if not ref:
        return schema, None
    target = ref.rsplit("/", 1)[-1]
    base, _ = _resolve(version, schemas.get(version, target))  # URL -> String -> string
    merged = {**base, **{k: v for k, v in schema.items() if k != "$ref"}}
    return merged, target


def for_schema(version: str, schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Any]:
    own_pattern = schema.get("pattern") if "$ref" in schema else None
    schema, target = _resolve(version, schema)
    if target in ("Number",):
        return st.decimals(min_value=-100000, max_value=100000, places=4, allow_nan=False).map(
            float
        )
    if target is not None and schemas.kind(version, target) in ("object", "class"):
        return for_object(version, target, depth + 1)
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "string":
        return _string(schema, target, own_pattern)
    if kind == "integer":
        return st.integers(
            min_value=schema.get("minimum", -(2**31)), max_value=schema.get("maximum", 2**31)
        )
    if kind == "boolean":
        return st.booleans()
    if kind == "array":
        items = for_schema(version, schema.get("items", {}), depth)
        minimum = schema.get("minItems", 0)
        return st.lists(items, min_size=minimum, max_size=max(minimum, 0 if depth > 2 else 2))
    if kind == "object":
        return st.fixed_dictionaries({})
    return st.none()


@cache
def for_object(version: str, name: str, depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    definition = schemas.get(version, name)
    required = set(definition.get("required", []))
    fields = {
        key: for_schema(version, prop, depth) for key, prop in definition["properties"].items()
    }
    return st.fixed_dictionaries(
        {k: v for k, v in fields.items() if k in required},
        optional={k: v for k, v in fields.items() if k not in required and depth <= 3},
    )
