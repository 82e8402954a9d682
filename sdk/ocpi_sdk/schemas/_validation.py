"""Validating payloads against the registry, with every problem named by its JSON path.

``jsonschema`` is the reference implementation and produces every message. ``jsonschema-rs``
answers the common question -- "is this payload valid?" -- on the hot path; only a payload it
rejects is walked again by ``jsonschema`` to say why. ``tests/test_validation_engines.py`` proves
both return the same verdict on every spec example and every mutation of it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, Literal

import attrs
import jsonschema
import jsonschema_rs
import referencing
from referencing.jsonschema import DRAFT202012

from ocpi_sdk.schemas._registry import version_schemas
from ocpi_sdk.schemas._variants import OPEN_ENUM, PARTIAL_SUFFIX, Mode, derive

Severity = Literal["error", "note"]
ENVELOPE = "Response"


@attrs.frozen
class Problem:
    """One thing wrong with (``severity="error"``) or worth knowing about (``"note"``) a payload.

    ``path`` is a JSON path into the payload (``$.evses[0].connectors[1].standard``); for a missing
    field it names the field that should be there. ``rule`` is the JSON Schema keyword broken
    (``required``, ``enum``, ``maxLength``, ...).
    """

    path: str
    message: str
    rule: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@attrs.frozen
class Report:
    """The outcome of :func:`check`: ``errors`` make the payload invalid, ``notes`` do not."""

    errors: tuple[Problem, ...] = ()
    notes: tuple[Problem, ...] = ()

    @property
    def valid(self) -> bool:
        return not self.errors


def json_path(parts: Iterable[str | int], root: str = "$") -> str:
    """``['evses', 0, 'uid']`` -> ``$.evses[0].uid``."""
    out = root
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{json.dumps(part)}]"
    return out


class _Compiled:
    """The validators of one version and mode, built on first use and kept."""

    def __init__(self, version: str, mode: Mode) -> None:
        schemas = version_schemas(version)
        self.schemas = schemas
        self.documents = [derive(doc, mode) for doc in schemas.files.values()]
        self.registry: referencing.Registry[Any] = referencing.Registry().with_resources(
            (doc["$id"], DRAFT202012.create_resource(doc)) for doc in self.documents
        )
        self.rs_registry = jsonschema_rs.Registry(
            [(doc["$id"], doc) for doc in self.documents], draft=jsonschema_rs.Draft202012
        )
        self._fast: dict[str, Any] = {}
        self._slow: dict[str, jsonschema.Draft202012Validator] = {}
        self._lock = threading.Lock()

    def _root(self, name: str, partial: bool) -> dict[str, Any]:
        target = self.schemas.uri(name)
        if partial and "properties" in self.schemas.definition(name):
            target += PARTIAL_SUFFIX
        return {"$ref": target}

    def fast(self, name: str, partial: bool) -> Any:
        key = f"{name}/{partial}"
        validator = self._fast.get(key)
        if validator is None:
            with self._lock:
                validator = jsonschema_rs.Draft202012Validator(
                    self._root(name, partial), registry=self.rs_registry
                )
                self._fast[key] = validator
        return validator

    def slow(self, name: str, partial: bool) -> jsonschema.Draft202012Validator:
        key = f"{name}/{partial}"
        validator = self._slow.get(key)
        if validator is None:
            with self._lock:
                validator = jsonschema.Draft202012Validator(
                    self._root(name, partial), registry=self.registry
                )
                self._slow[key] = validator
        return validator


@cache
def _compiled(version: str, mode: Mode) -> _Compiled:
    return _Compiled(version, mode)


def reference_validator(
    name: str, *, version: str, strict: bool = False, partial: bool = False
) -> jsonschema.Draft202012Validator:
    """The plain ``jsonschema`` validator the SDK uses to explain a rejection (for comparisons)."""
    return _compiled(version, "strict" if strict else "lenient").slow(name, partial)


def fast_validator(name: str, *, version: str, strict: bool = False, partial: bool = False) -> Any:
    """The ``jsonschema-rs`` validator of the hot path (for comparisons)."""
    return _compiled(version, "strict" if strict else "lenient").fast(name, partial)


def _shape(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _declared_properties(schema: dict[str, Any]) -> set[str]:
    found = set(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, []):
            if isinstance(branch, dict):
                found |= _declared_properties(branch)
    return found


def _explain(error: jsonschema.ValidationError, prefix: str, severity: Severity) -> list[Problem]:
    rule = str(error.validator)
    parts = list(error.absolute_path)
    value: Any = error.validator_value
    instance: Any = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    title = schema.get("title")
    what = f" {title}" if title else ""
    if rule == "required":
        missing = [name for name in value if isinstance(instance, dict) and name not in instance]
        return [
            Problem(json_path([*parts, name], prefix), "required field is missing", rule, severity)
            for name in missing
        ]
    if rule in ("unevaluatedProperties", "additionalProperties"):
        declared = _declared_properties(schema)
        unknown = [key for key in instance if key not in declared]
        owner = f"{title} " if title else ""
        return [
            Problem(
                json_path([*parts, key], prefix),
                f"unknown field, not part of the OCPI {owner}object",
                rule,
                severity,
            )
            for key in unknown
        ]
    path = json_path(parts, prefix)
    if rule == "type":
        expected = value if isinstance(value, str) else " or ".join(value)
        message = f"expected {expected}, got {_shape(instance)} {_short(instance)}"
    elif rule == "enum":
        allowed = ", ".join(str(v) for v in value)
        message = f"{_short(instance)} is not a valid{what} value; allowed: {allowed}"
    elif rule == "maxLength":
        message = f"{len(instance)} characters, more than the{what} maximum of {value}"
    elif rule == "minLength":
        message = f"{len(instance)} characters, fewer than the minimum of {value}"
    elif rule == "minItems":
        message = "must not be empty" if value == 1 else f"fewer than {value} items"
    elif rule == "maxItems":
        message = f"{len(instance)} items, more than the maximum of {value}"
    elif rule == "pattern":
        kind = title or "value"
        message = f"{_short(instance)} is not a valid {kind} (must match {value})"
    elif rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        message = f"{_short(instance)} breaks {rule} {value}"
    elif rule in ("oneOf", "anyOf"):
        reasons = sorted({f"{json_path(e.absolute_path, prefix)}: {e.message}" for e in error.context})
        detail = "; ".join(reasons[:3])
        message = f"matches none of the allowed forms ({detail})" if detail else error.message
    else:
        message = error.message
    return [Problem(path, message, rule, severity)]


def _is_open_enum_miss(error: jsonschema.ValidationError) -> bool:
    return error.validator == "enum" and bool(
        isinstance(error.schema, dict) and error.schema.get(OPEN_ENUM)
    )


def _sorted(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(sorted(set(problems), key=lambda p: (p.path, p.rule, p.message)))


def check(
    payload: Any,
    name: str,
    *,
    version: str,
    partial: bool = False,
    strict: bool = False,
    path: str = "$",
) -> Report:
    """Validate ``payload`` as the OCPI object ``name`` and report errors and notes.

    Unknown-field policy, the same for every object: fields the spec does not define are allowed
    and each is reported as a note (partners add fields of their own); with ``strict=True`` they
    are errors. Values outside an *open* enum (``x-open-enum`` in the schema) are notes in both
    modes. ``partial=True`` validates a PATCH body: any subset of the top-level fields, each
    field present fully valid. ``path`` is the JSON path of ``payload`` within a larger document.
    """
    exact = _compiled(version, "exact")
    if exact.fast(name, partial).is_valid(payload):
        return Report()
    mode: Mode = "strict" if strict else "lenient"
    compiled = _compiled(version, mode)
    errors: list[Problem] = []
    if not compiled.fast(name, partial).is_valid(payload):
        for error in compiled.slow(name, partial).iter_errors(payload):
            errors.extend(_explain(error, path, "error"))
    notes: list[Problem] = []
    error_paths = {p.path for p in errors}
    for error in exact.slow(name, partial).iter_errors(payload):
        if error.validator == "unevaluatedProperties" or _is_open_enum_miss(error):
            notes.extend(p for p in _explain(error, path, "note") if p.path not in error_paths)
    return Report(_sorted(errors), _sorted(notes))


def validate(
    payload: Any, name: str, *, version: str, partial: bool = False, strict: bool = False
) -> list[Problem]:
    """Validate ``payload`` as the OCPI object ``name``; return its errors (empty when valid).

    Each error has ``.path`` (a JSON path such as ``$.evses[0].connectors[1].standard``),
    ``.message`` in plain words and ``.rule``, the schema keyword broken. See :func:`check` for
    the unknown-field policy and for the notes this function leaves out.
    """
    return list(check(payload, name, version=version, partial=partial, strict=strict).errors)


def check_envelope(
    payload: Any, name: str | None, *, version: str, partial: bool = False, strict: bool = False
) -> Report:
    """Validate a whole OCPI response: the envelope, then ``data`` as ``name`` or a list of it."""
    report = check(payload, ENVELOPE, version=version, strict=strict)
    errors, notes = list(report.errors), list(report.notes)
    if name is not None and isinstance(payload, dict) and payload.get("data") is not None:
        data = payload["data"]
        items: Sequence[tuple[str, Any]] = (
            [(f"$.data[{i}]", item) for i, item in enumerate(data)]
            if isinstance(data, list)
            else [("$.data", data)]
        )
        for item_path, item in items:
            sub = check(item, name, version=version, partial=partial, strict=strict, path=item_path)
            errors.extend(sub.errors)
            notes.extend(sub.notes)
    return Report(_sorted(errors), _sorted(notes))


