"""Derived schema sets: the same files, with the unknown-field and open-enum policy applied.

The schema files never say ``additionalProperties``; the policy is applied here, once, the same way
for every object:

- ``lenient``: unknown fields allowed, unknown values of open enums allowed;
- ``strict``: unknown fields rejected (``unevaluatedProperties: false`` on every object schema),
  unknown values of open enums allowed;
- ``exact``: unknown fields and unknown open-enum values both rejected. A payload valid here is
  valid in every mode and has nothing to report; its failures are where notes come from.

In every mode, a field that is not required may be JSON ``null`` (the spec's terminology chapter:
an optional field may be ``null``, an empty ``*`` list may be ``null``, ``[]`` or left out): its
schema ``S`` becomes ``{"if": {"type": "null"}, "else": S}``, so a value that is not null is
checked by ``S`` and reported exactly as before.

Every object definition ``X`` also gets a sibling ``X__partial`` used to validate PATCH bodies:
no ``required`` but the fields listed in ``x-ocpi-patch-required`` (``last_updated`` from OCPI
2.2.1 on: "Any request to the PATCH method SHALL contain the last_updated field").
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import urljoin

Mode = Literal["lenient", "strict", "exact"]
MODES: tuple[Mode, ...] = ("lenient", "strict", "exact")
PARTIAL_SUFFIX = "__partial"
OPEN_ENUM = "x-open-enum"
PATCH_REQUIRED = "x-ocpi-patch-required"
NULL = {"type": "null"}

# Keywords whose subschemas describe the *same* instance: an object schema reached through them is
# a branch of its parent, and closing it would reject the parent's own properties.
_SAME_INSTANCE = frozenset(
    {"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas"}
)
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})


def _transform(schema: Any, mode: Mode, *, branch: bool) -> Any:
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        inner_branch = key in _SAME_INSTANCE
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: _transform(v, mode, branch=inner_branch) for k, v in value.items()}
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            out[key] = [_transform(v, mode, branch=inner_branch) for v in value]
        elif key in ("items", "not", "if", "then", "else", "additionalProperties", "contains"):
            out[key] = _transform(value, mode, branch=inner_branch)
        else:
            out[key] = value
    if not branch and isinstance(out.get("properties"), dict):
        required = set(out.get("required", ()))
        out["properties"] = {
            name: sub if name in required else nullable(sub)
            for name, sub in out["properties"].items()
        }
    if mode != "exact" and out.get(OPEN_ENUM):
        out.pop("enum", None)
    if mode != "lenient" and "properties" in out and not branch:
        out.setdefault("unevaluatedProperties", False)
    return out


def nullable(schema: Any) -> dict[str, Any]:
    """``schema`` or JSON ``null``; errors of a non-null value are those of ``schema`` itself."""
    return {"if": NULL, "else": schema}


def non_null(schema: Any) -> Any:
    """The schema inside a :func:`nullable` wrapper (``schema`` itself when not wrapped)."""
    if isinstance(schema, dict) and schema.get("if") == NULL and "else" in schema:
        return schema["else"]
    return schema


def derive(document: dict[str, Any], mode: Mode) -> dict[str, Any]:
    """One schema file with ``mode``'s policy applied and ``__partial`` siblings added."""
    result = copy.deepcopy(document)
    defs: dict[str, Any] = result.get("$defs", {})
    for name, definition in list(defs.items()):
        if isinstance(definition, dict) and "properties" in definition:
            partial = {k: v for k, v in definition.items() if k != "required"}
            if definition.get(PATCH_REQUIRED):
                partial["required"] = list(definition[PATCH_REQUIRED])
            defs[name + PARTIAL_SUFFIX] = partial
    result["$defs"] = {
        name: _transform(definition, mode, branch=False) for name, definition in defs.items()
    }
    return result


LONG_LIST_MARK = "x-long-list"
_SCHEMA_VALUES = frozenset(
    {"items", "not", "if", "then", "else", "additionalProperties", "contains", "propertyNames"}
)


def _rewrite(schema: Any, node: Callable[[dict[str, Any]], Any]) -> Any:
    """``schema`` rebuilt bottom-up: every subschema (``$defs``, properties, items, branches...)
    first, then ``node`` applied to each schema object, its subschemas already rewritten. The
    input is not changed."""
    if isinstance(schema, list):
        return [_rewrite(item, node) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {k: _rewrite(v, node) for k, v in value.items()}
        elif key in _SCHEMA_LISTS or key in _SCHEMA_VALUES:
            out[key] = _rewrite(value, node)
        else:
            out[key] = value
    return node(out)


def bound_lists(schema: Any, limit: int) -> Any:
    """``schema`` with every array schema ``A`` in it (``$defs`` included) made
    ``{"if": {"maxItems": limit}, "then": A, "else": {"prefixItems": [LONG]}}`` where ``LONG`` is
    ``{"not": {}, "x-long-list": true}``: a list of at most ``limit`` items is checked by ``A``
    and reported exactly as before; a longer one gives a single error, on its first item, under
    the ``x-long-list`` mark, instead of one error per item (``jsonschema-rs`` builds every error,
    with a copy of the value it is about, before it returns the first), so the caller can walk
    its items itself and stop once it has seen enough."""

    def bounded(out: dict[str, Any]) -> Any:
        kind = out.get("type")
        if kind == "array" or "items" in out or (isinstance(kind, list) and "array" in kind):
            return {
                "if": {"maxItems": limit},
                "then": out,
                "else": {"prefixItems": [{"not": {}, LONG_LIST_MARK: True}]},
            }
        return out

    return _rewrite(schema, bounded)


CLOSED_MARK = "x-closed"
_OTHER_EVALUATORS = frozenset(
    {"allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "$ref"}
)


def close_plainly(schema: Any) -> Any:
    """``schema`` with ``unevaluatedProperties: false`` made ``additionalProperties: false`` (and
    marked ``x-closed``) wherever the two mean the same: an object schema whose properties are
    only those it lists itself (no ``$ref``, ``allOf``, ``if``... beside them). The verdict is
    the same, and ``jsonschema-rs`` reaches it without tracking evaluated properties; its errors
    are reported under ``unevaluatedProperties``, as before."""
    return _rewrite(schema, _closed)


def _closed(out: dict[str, Any]) -> dict[str, Any]:
    if (
        out.get("unevaluatedProperties") is False
        and "additionalProperties" not in out
        and not _OTHER_EVALUATORS.intersection(out)
    ):
        del out["unevaluatedProperties"]
        out["additionalProperties"] = False
        out[CLOSED_MARK] = True
    return out


ENUM_TYPE_MARK = "x-enum-type"


def leave_types_to_enums(schema: Any) -> Any:
    """``schema`` with ``"type": "string"`` taken out of every schema whose ``enum`` lists only
    strings, and the schema marked ``x-enum-type: "string"``: a value that is not a string is
    refused by that enum too, so ``jsonschema-rs`` reports one error there instead of two (each
    error it builds costs more than the check), and the caller words the ``type`` error of the
    mark itself when the value is not a string. The verdict is the same."""
    return _rewrite(schema, _typed_by_enum)


def _typed_by_enum(out: dict[str, Any]) -> dict[str, Any]:
    listed = out.get("enum")
    strings = isinstance(listed, list) and listed and all(isinstance(v, str) for v in listed)
    if out.get("type") == "string" and strings:
        del out["type"]
        out[ENUM_TYPE_MARK] = "string"
    return out


def check_leaves_first(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``documents`` with each reference to a *leaf object* (an object definition whose own
    references lead to no other object definition: GeoLocation, Connector, DisplayText...) made
    ``{"if": {"$ref": R}, "else": {"$ref": R}}``, its sibling keywords kept beside.

    ``jsonschema-rs`` then checks a valid leaf with ``is_valid``, which costs less than walking it
    for errors, and walks an invalid one for its errors as before: the verdict is the same, and
    so are the errors and their schema paths (a schema path starts again at the definition a
    ``$ref`` leads to). Leaves only: in a wrapper inside a wrapper, each failure of the inner one
    would be checked twice over."""
    objects = {
        urljoin(doc["$id"], f"#/$defs/{name}"): definition
        for doc in documents
        for name, definition in doc["$defs"].items()
        if isinstance(definition, dict) and "properties" in definition
    }
    leaves = {
        target
        for target, definition in objects.items()
        if not _references(definition, target).intersection(objects)
    }

    def first(base: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
        def node(out: dict[str, Any]) -> dict[str, Any]:
            ref = out.get("$ref")
            if isinstance(ref, str) and urljoin(base, ref) in leaves and not _BRANCHES & set(out):
                del out["$ref"]
                out["if"] = {"$ref": ref}
                out["else"] = {"$ref": ref}
            return out

        return node

    return [_rewrite(doc, first(doc["$id"])) for doc in documents]


_BRANCHES = frozenset({"if", "then", "else", "unevaluatedProperties", "unevaluatedItems"})
"""Siblings that keep a reference as it is: branches of its own, or keywords that read which
properties or items the reference evaluated (read through ``if``, they would depend on it
passing)."""


def _references(schema: Any, base: str) -> set[str]:
    """The absolute targets of the ``$ref`` keywords in ``schema`` (at ``base``)."""
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                found.add(urljoin(base, ref))
            stack.extend(value for key, value in node.items() if key not in ("enum", "const"))
        elif isinstance(node, list):
            stack.extend(node)
    return found
