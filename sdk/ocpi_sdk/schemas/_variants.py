"""Derived schema sets: the same files, with the unknown-field and open-enum policy applied.

The schema files never say ``additionalProperties``; the policy is applied here, once, the same way
for every object:

- ``lenient``: unknown fields allowed, unknown values of open enums allowed;
- ``strict``: unknown fields rejected (``unevaluatedProperties: false`` on every object schema),
  unknown values of open enums allowed;
- ``exact``: unknown fields and unknown open-enum values both rejected. A payload valid here is
  valid in every mode and has nothing to report; its failures are where notes come from.

Every object definition ``X`` also gets a sibling ``X__partial`` without ``required``, used to
validate PATCH bodies.
"""

from __future__ import annotations

import copy
from typing import Any, Literal

Mode = Literal["lenient", "strict", "exact"]
MODES: tuple[Mode, ...] = ("lenient", "strict", "exact")
PARTIAL_SUFFIX = "__partial"
OPEN_ENUM = "x-open-enum"

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
    if mode != "exact" and out.get(OPEN_ENUM):
        out.pop("enum", None)
    if mode != "lenient" and "properties" in out and not branch:
        out.setdefault("unevaluatedProperties", False)
    return out


def derive(document: dict[str, Any], mode: Mode) -> dict[str, Any]:
    """One schema file with ``mode``'s policy applied and ``__partial`` siblings added."""
    result = copy.deepcopy(document)
    defs: dict[str, Any] = result.get("$defs", {})
    for name, definition in list(defs.items()):
        if isinstance(definition, dict) and "properties" in definition:
            partial = {k: v for k, v in definition.items() if k != "required"}
            defs[name + PARTIAL_SUFFIX] = partial
    result["$defs"] = {
        name: _transform(definition, mode, branch=False) for name, definition in defs.items()
    }
    return result
