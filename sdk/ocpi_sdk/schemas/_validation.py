"""Validating payloads against the registry, with every problem named by its JSON path.

``jsonschema-rs`` does the work in one pass: every error with its instance path and keyword
location (an empty list for a valid payload), each worded from the schema itself by the words
:func:`_wording` works out once per keyword. The root's required and unknown fields are checked
in Python (an engine error about the root would copy the whole payload); a list longer than
``LONG_LIST`` is walked item by item (see :func:`bound_lists`), so a report stops growing once
it has listed and counted enough.

The engine reads its own copy of the ``exact`` schemas, rewritten where the verdict and the errors
stay the same and the engine's work shrinks (``schemas._variants``): long lists bounded
(:func:`bound_lists`), closed objects closed with ``additionalProperties`` (:func:`close_plainly`),
a string enum's ``type`` left to the enum (:func:`leave_types_to_enums`: one error where there
were two, the ``type`` one worded here) and references to leaf objects checked with ``is_valid``
before they are walked for errors (:func:`check_leaves_first`).

The pure-Python ``jsonschema`` stays as the reference: :func:`reference_check` words its errors
the same way, and ``tests/test_validation_engines.py`` proves both give the same verdict and the
same problems (path, rule, message) on every spec example and every mutation of it;
``tests/test_validation_differential.py`` on generated payloads broken at random.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import cache
from json.encoder import encode_basestring
from typing import Any, Literal, NamedTuple

import attrs
import jsonschema
import jsonschema_rs
import referencing
from referencing.jsonschema import DRAFT202012

from ocpi_sdk.schemas._registry import version_schemas
from ocpi_sdk.schemas._variants import (
    CLOSED_MARK,
    ENUM_TYPE_MARK,
    LONG_LIST_MARK,
    OPEN_ENUM,
    PARTIAL_SUFFIX,
    PATCH_REQUIRED,
    Mode,
    bound_lists,
    check_leaves_first,
    close_plainly,
    derive,
    leave_types_to_enums,
)

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
    omitted: int = 0
    """Errors found past the ``MAX_LISTED`` listed in ``errors`` (counting stops at
    ``MAX_COUNTED``)."""

    @property
    def valid(self) -> bool:
        return not self.errors


def json_path(parts: Iterable[str | int], root: str = "$") -> str:
    """``['evses', 0, 'uid']`` -> ``$.evses[0].uid`` (a ``bool`` is the index it equals: ``[1]``
    for ``True``)."""
    if type(parts) is list or type(parts) is tuple:
        out = root
        try:  # the segments of payloads' paths recur: most paths come from the table alone
            for part in parts:
                out += _SEGMENTS[part]
            return out
        except KeyError:
            pass
    out = root
    segments = _SEGMENTS
    for part in parts:
        kept = type(part) is str or type(part) is int
        segment = segments.get(part) if kept else None
        if segment is None:
            segment = _segment(part)
            if kept and len(segments) < _MAX_SEGMENTS:
                segments[part] = segment
        out += segment
    return out


def parse_path(path: str) -> tuple[str | int, ...]:
    """``$.evses[0].uid`` -> ``("evses", 0, "uid")``: the inverse of :func:`json_path`."""
    if not path.startswith("$"):
        raise ValueError(f"not a JSON path: {path!r}")
    parts: list[str | int] = []
    rest = path[1:]
    while rest:
        match = _PART.match(rest)
        if match is None:
            raise ValueError(f"not a JSON path: {path!r}")
        name, index, quoted = match.groups()
        parts.append(name if name else int(index) if index else json.loads(quoted))
        rest = rest[match.end() :]
    return tuple(parts)


_PART = re.compile(r'\.([^\W\d]\w*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')
"""One segment as :func:`json_path` writes it: ``.name``, ``[index]`` or ``["any key"]``."""


def _segment(part: str | int) -> str:
    if isinstance(part, int):
        return f"[{int(part)}]"
    if part.isidentifier():
        return f".{part}"
    return f"[{json.dumps(part)}]"


_SEGMENTS: dict[str | int, str] = {}
"""Each path segment as written (field names and indexes recur in every payload), bounded."""
_MAX_SEGMENTS = 4096


class _Compiled:
    """The validators of one version and mode, built on first use and kept."""

    def __init__(self, version: str, mode: Mode) -> None:
        schemas = version_schemas(version)
        self.schemas = schemas
        self.documents = [derive(doc, mode) for doc in schemas.files.values()]
        self.defs: dict[str, dict[str, Any]] = {
            name: definition for doc in self.documents for name, definition in doc["$defs"].items()
        }
        self._at: dict[tuple[str | int, ...], dict[str, Any]] = {}
        rs_documents = self.documents
        if mode == "exact":
            _check_single_pass(version, self.defs)
            for doc in self.documents:
                defs = doc["$defs"]
                for def_name, definition in list(defs.items()):
                    if _plain_object(definition):
                        defs[def_name + _OPEN_SUFFIX] = {
                            k: v for k, v in definition.items() if k not in _ROOT_CHECKS
                        }
            self.defs = {
                name: definition
                for doc in self.documents
                for name, definition in doc["$defs"].items()
            }
            rs_documents = check_leaves_first(
                [
                    leave_types_to_enums(close_plainly(bound_lists(doc, LONG_LIST)))
                    for doc in self.documents
                ]
            )
        self.ids = {name: doc["$id"] for doc in self.documents for name in doc["$defs"]}
        self.rs_defs: dict[str, dict[str, Any]] = {
            name: definition for doc in rs_documents for name, definition in doc["$defs"].items()
        }
        """The definitions as ``jsonschema-rs`` sees them (in ``exact`` mode, with
        :func:`bound_lists`, :func:`close_plainly`, :func:`leave_types_to_enums` and
        :func:`check_leaves_first` applied): what its schema paths lead through."""
        self.rs_registry = jsonschema_rs.Registry(
            [(doc["$id"], doc) for doc in rs_documents], draft=jsonschema_rs.Draft202012
        )
        self._long: dict[tuple[str | int, ...], _LongList] = {}
        self.keywords: dict[str | None, _Keyword] = {}
        """Each keyword ``jsonschema-rs`` reported an error of, by its absolute location."""
        self._fast: dict[str, Any] = {}
        self._slow: dict[str, jsonschema.Draft202012Validator] = {}
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    @functools.cached_property
    def registry(self) -> referencing.Registry[Any]:
        """The documents for the reference engine (built on first use)."""
        return referencing.Registry().with_resources(
            (doc["$id"], DRAFT202012.create_resource(doc)) for doc in self.documents
        )

    def schema_at(self, schema_path: tuple[str | int, ...]) -> dict[str, Any]:
        """The subschema at a ``jsonschema-rs`` schema path (relative to the definition it went
        through last: ``('$defs', 'EVSE', 'properties', 'connectors')``)."""
        found = self._at.get(schema_path)
        if found is None:
            start = max((i for i, p in enumerate(schema_path) if p == "$defs"), default=-1)
            node: Any = {}
            if 0 <= start < len(schema_path) - 1:
                node = self.rs_defs.get(str(schema_path[start + 1]), {})
                for part in schema_path[start + 2 :]:
                    if isinstance(node, dict):
                        node = node.get(part, {})
                    elif isinstance(node, list) and isinstance(part, int) and part < len(node):
                        node = node[part]
                    else:
                        node = {}
            found = node if isinstance(node, dict) else {}
            self._at[schema_path] = found
        return found

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

    def entry(self, name: str, partial: bool) -> _Entry:
        """What :func:`check` needs for ``name``: the ``jsonschema-rs`` validator of the
        definition without its root-level ``required`` and ``unevaluatedProperties`` (those two
        are checked in Python: an engine error at the root would copy the whole payload), and
        what the Python checks need."""
        key = f"{name}/{partial}"
        entry = self._entries.get(key)
        if entry is None:
            root = self._root(name, partial)["$ref"]
            definition = self.defs[root.rsplit("/", 1)[1]]
            if _plain_object(definition):
                root += _OPEN_SUFFIX
                checked: dict[str, Any] | None = definition
            else:
                checked = None
            with self._lock:
                validator = jsonschema_rs.Draft202012Validator(
                    {"$ref": root}, registry=self.rs_registry, mask=_MASK
                )
            required = tuple(definition.get("required", ())) if checked else ()
            entry = _Entry(
                self,
                validator,
                checked,
                required,
                frozenset(required),
                frozenset(_declared_properties(definition)) if checked else frozenset(),
            )
            self._entries[key] = entry
        return entry

    def validator_for(self, pointer: str) -> Any:
        """A ``jsonschema-rs`` validator of the subschema at ``pointer`` (an absolute URI)."""
        validator = self._fast.get(pointer)
        if validator is None:
            with self._lock:
                validator = jsonschema_rs.Draft202012Validator(
                    {"$ref": pointer}, registry=self.rs_registry, mask=_MASK
                )
            self._fast[pointer] = validator
        return validator

    def keyword(self, error: Any) -> _Keyword:
        """The keyword a ``jsonschema-rs`` error (of a validator over the registry) broke."""
        schema_path = tuple(error.schema_path)
        rule = schema_path[-1] if schema_path and isinstance(schema_path[-1], str) else ""
        schema = self.schema_at(schema_path[:-1])
        if rule == "additionalProperties" and schema.get(CLOSED_MARK):
            rule = "unevaluatedProperties"  # see close_plainly
        words: Words | None = None
        implied: Words | None = None
        if rule in ("oneOf", "anyOf") or LONG_LIST_MARK in schema:
            filed = _RAW
        else:
            words = _wording(rule, schema)
            if rule == "unevaluatedProperties":
                filed = _UNKNOWN
            elif rule == "enum" and schema.get(OPEN_ENUM):
                filed = _NOTE
            elif rule == "type" and _number_type(schema):
                filed = _NUMBER
            else:
                filed = _ERROR
            if rule == "enum" and ENUM_TYPE_MARK in schema:
                implied = _wording("type", _typed(schema))
        keyword = _Keyword(rule, schema, words, filed, implied)
        location = error.absolute_keyword_location
        if location is not None:
            self.keywords[location] = keyword
        return keyword

    def long_list(self, schema_path: tuple[str | int, ...]) -> _LongList:
        """How to walk a list longer than ``LONG_LIST`` item by item: ``schema_path`` leads to
        the :func:`bound_lists` wrapper of its array schema (``jsonschema-rs`` schema path;
        its error is at ``else/prefixItems/0/not`` below)."""
        found = self._long.get(schema_path)
        if found is None:
            array = self.schema_at((*schema_path, "then"))
            shell = {k: v for k, v in array.items() if k != "items"}
            items = None
            if "items" in array:
                start = max(i for i, p in enumerate(schema_path) if p == "$defs")
                owner = str(schema_path[start + 1])
                pointer = "/".join(
                    _pointer_part(p) for p in (*schema_path[start:], "then", "items")
                )
                items = self.validator_for(f"{self.ids[owner]}#/{pointer}")
            found = _LongList(jsonschema_rs.Draft202012Validator(shell, mask=_MASK), shell, items)
            self._long[schema_path] = found
        return found

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


_OPEN_SUFFIX = "__open"
_ROOT_CHECKS = frozenset({"required", "unevaluatedProperties"})
_APPLICATORS = frozenset(
    {
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "dependentRequired",
        "dependentSchemas",
    }
)
_VERDICT_KEYWORDS = ("anyOf", "oneOf", "not", "if", "contains")
_ANNOTATIONS = frozenset({"$ref", "title", "description"})


@attrs.frozen(slots=False)
class _Entry:
    """What :func:`check` needs for one definition (see :meth:`_Compiled.entry`)."""

    compiled: _Compiled
    validator: Any
    root: dict[str, Any] | None
    required_order: tuple[str, ...]
    required: frozenset[str]
    declared: frozenset[str]

    @functools.cached_property
    def unknown_message(self) -> str:
        """How :func:`_explain` words an unknown field at the root of this definition."""
        title = self.root.get("title") if self.root else None
        owner = f"{title} " if title else ""
        return f"unknown field, not part of the OCPI {owner}object"


_ERROR, _NOTE, _UNKNOWN, _NUMBER, _RAW = range(5)
"""How :func:`check` files the errors of a keyword: as errors, as notes, as unknown fields
(errors with ``strict``, else notes), as errors unless the value is a NaN or an infinity
(see :func:`_nan_as_number`), or through :func:`_raws` (``oneOf``/``anyOf``, long lists)."""


class _Keyword(NamedTuple):
    """A schema keyword ``jsonschema-rs`` reported an error of."""

    rule: str
    schema: dict[str, Any]
    words: Words | None
    filed: int
    implied: Words | None = None
    """For an ``enum`` that :func:`leave_types_to_enums` left the ``type`` to: how that type's
    error is worded (an error whenever the value is not a string)."""


def _typed(schema: dict[str, Any]) -> dict[str, Any]:
    """A schema :func:`leave_types_to_enums` marked, with its ``type`` back."""
    typed = {k: v for k, v in schema.items() if k != ENUM_TYPE_MARK}
    typed["type"] = schema[ENUM_TYPE_MARK]
    return typed


def _implied(raw: _Raw) -> tuple[_Raw, ...]:
    """``raw``, preceded by the ``type`` error its enum stands for when
    :func:`leave_types_to_enums` left that type to the enum and the value is not a string."""
    if raw.rule == "enum" and ENUM_TYPE_MARK in raw.schema and not isinstance(raw.instance, str):
        return (raw._replace(rule="type", schema=_typed(raw.schema)), raw)
    return (raw,)


class _LongList(NamedTuple):
    """A list longer than ``LONG_LIST``: its array keywords but ``items`` (and the schema they
    are read from), and the validator of its items (None when the schema has no ``items``)."""

    shell: Any
    shell_schema: dict[str, Any]
    items: Any


def _pointer_part(part: str | int) -> str:
    return str(part).replace("~", "~0").replace("/", "~1")


def _plain_object(definition: dict[str, Any]) -> bool:
    """An object definition whose root keywords are only properties, required and the
    unknown-field policy (most OCPI objects), so its root can be checked in Python."""
    return "properties" in definition and not _APPLICATORS.intersection(definition)


def _check_single_pass(version: str, defs: dict[str, dict[str, Any]]) -> None:
    """:func:`check` reads errors and notes from one pass over the ``exact`` schemas: lenient
    errors are exact errors minus unknown fields and open-enum values. That holds as long as no
    closed object and no open enum sits where only a verdict counts (under ``anyOf``, ``oneOf``,
    ``not``, ``if``, ``contains``); a schema set that breaks it is refused here, loudly."""

    def verdict_only(schema: Any, seen: set[str]) -> bool:
        if isinstance(schema, list):
            return any(verdict_only(item, seen) for item in schema)
        if not isinstance(schema, dict):
            return False
        if schema.get("unevaluatedProperties") is False or schema.get(OPEN_ENUM):
            return True
        ref = schema.get("$ref")
        if isinstance(ref, str) and "#/$defs/" in ref:
            target = ref.rsplit("/", 1)[1]
            if target not in seen:
                seen.add(target)
                if verdict_only(defs.get(target), seen):
                    return True
        return any(
            verdict_only(value, seen)
            for key, value in schema.items()
            if key not in ("enum", "const")
        )

    def walk(schema: Any) -> None:
        if isinstance(schema, list):
            for item in schema:
                walk(item)
        elif isinstance(schema, dict):
            for key, value in schema.items():
                if key in _VERDICT_KEYWORDS and verdict_only(value, set()):
                    raise ValueError(
                        f"OCPI {version}: a closed object or open enum under {key!r}; "
                        "schemas.check cannot read lenient errors from one pass"
                    )
                if key not in ("enum", "const"):
                    walk(value)

    walk(defs)


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


MAX_LISTED = 100
"""At most this many errors (and as many notes) are listed in one :class:`Report`."""
MAX_COUNTED = 1_000
"""Errors past the listed ones are counted up to this number, then counting stops."""
MAX_DEPTH = 200
"""A payload nested deeper than this is not an OCPI payload; it is reported, not walked."""


class _Raw(NamedTuple):
    """One schema error, whichever engine found it: what ``_explain`` needs to word it."""

    rule: str
    parts: tuple[str | int, ...]
    schema: dict[str, Any]
    instance: Any
    context: tuple[tuple[_Raw, ...], ...] = ()
    multiple: bool = False


def _shape(value: Any) -> str:
    shape = _SHAPES.get(type(value))
    if shape is not None:
        return shape
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    return "object"


_SHAPES = {
    type(None): "null",
    bool: "boolean",
    int: "number",
    float: "number",
    Decimal: "number",
    str: "string",
    list: "array",
    tuple: "array",
    dict: "object",
}


def _short(value: Any, limit: int = 60) -> str:
    """A JSON excerpt of ``value`` of at most ``limit`` characters, whatever its size or depth
    (lone surrogates written as escapes, so the message can always be printed)."""
    kind = type(value)
    if kind is int and value.bit_length() < 64:
        return str(value)
    if kind is str and len(value) <= limit and value.isascii():
        text = encode_basestring(value)
        return text if len(text) <= limit else text[: limit - 3] + "..."
    if not isinstance(value, dict | list | tuple):
        text = _json_text(value)
        return text if len(text) <= limit else text[: limit - 3] + "..."
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    parts: list[str] = []
    size = 0
    stack: list[Any] = [value]
    while stack and size <= limit:
        item = stack.pop()
        if isinstance(item, _Token):
            text = item.text
        elif isinstance(item, dict):
            text = "{"
            entries: list[Any] = []
            for index, (key, sub) in enumerate(item.items()):
                if index:
                    entries.append(_Token(", "))
                entries += [_Token(_json_text(str(key)) + ": "), sub]
                if len(entries) > limit:
                    break
            stack.append(_Token("}"))
            stack.extend(reversed(entries))
        elif isinstance(item, list | tuple):
            text = "["
            entries = []
            for index, sub in enumerate(item):
                if index:
                    entries.append(_Token(", "))
                entries.append(sub)
                if len(entries) > limit:
                    break
            stack.append(_Token("]"))
            stack.extend(reversed(entries))
        else:
            text = _json_text(item)
        parts.append(text)
        size += len(text)
    out = "".join(parts)
    return out if len(out) <= limit and not stack else out[: limit - 3] + "..."


@attrs.frozen
class _Token:
    text: str


def _json_text(value: Any) -> str:
    if isinstance(value, str):
        text = encode_basestring(value[:200])  # what json.dumps(ensure_ascii=False) writes
        if text.isascii():
            return text
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, int):
        return str(value) if value.bit_length() < 200 else f"{str(value)[:60]}..."
    if isinstance(value, Decimal):
        return str(value)[:80]
    if isinstance(value, float):
        return repr(value)
    return f"<{type(value).__name__}>"


def _declared_properties(schema: dict[str, Any]) -> set[str]:
    found = set(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, []):
            if isinstance(branch, dict):
                found |= _declared_properties(branch)
    return found


Words = Callable[[Sequence[str | int], Any, str, Severity], list[Problem]]
"""How the errors of one keyword are worded: ``(parts, instance, prefix, severity)`` to the
problems they stand for (built once per keyword by :func:`_wording`)."""


def _explain(error: _Raw, prefix: str, severity: Severity) -> list[Problem]:
    """The problems one schema error stands for, in the SDK's words (both engines)."""
    rule = error.rule
    if rule in ("oneOf", "anyOf"):
        if error.multiple:
            message = "matches more than one of the allowed forms"
        else:
            reasons = sorted(
                {
                    str(p)
                    for branch in error.context
                    for e in branch
                    for p in _explain(e, prefix, severity)
                }
            )
            detail = "; ".join(reasons[:3])
            message = "matches none of the allowed forms" + (f" ({detail})" if detail else "")
        return [Problem(json_path(error.parts, prefix), message, rule, severity)]
    return _wording(rule, error.schema)(error.parts, error.instance, prefix, severity)


def _wording(rule: str, schema: dict[str, Any]) -> Words:
    """How the errors of keyword ``rule`` of ``schema`` are worded (any rule but ``oneOf`` and
    ``anyOf``, whose words depend on the error): what depends only on the schema is worked out
    here, once."""
    value: Any = schema.get(rule)
    title = schema.get("title")
    what = f" {title}" if title else ""

    if rule == "required":

        def required(parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity) -> Any:
            if not isinstance(instance, dict):
                return []
            return [
                Problem(json_path((*parts, name), prefix), "required field is missing", rule, sev)
                for name in value
                if name not in instance
            ]

        return required
    if rule == "dependentRequired":

        def dependent(parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity) -> Any:
            if not isinstance(instance, dict):
                return []
            return [
                Problem(
                    json_path((*parts, needed), prefix),
                    f"required field is missing (required with {present})",
                    rule,
                    sev,
                )
                for present, needs in value.items()
                if present in instance
                for needed in needs
                if needed not in instance
            ]

        return dependent
    if rule in ("unevaluatedProperties", "additionalProperties"):
        declared = _declared_properties(schema)
        owner = f"{title} " if title else ""
        unknown_message = f"unknown field, not part of the OCPI {owner}object"

        def unknown(parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity) -> Any:
            return [
                Problem(json_path((*parts, key), prefix), unknown_message, rule, sev)
                for key in instance
                if key not in declared
            ]

        return unknown
    # the most frequent rules word their one problem directly (one call less per error)
    if rule == "type":
        expected = value if isinstance(value, str) else " or ".join(value)

        def wrong_type(
            parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity
        ) -> Any:
            if isinstance(instance, float) and not math.isfinite(instance):
                text = f"expected {expected}, got {instance}, which is not a JSON number"
            else:
                text = f"expected {expected}, got {_shape(instance)} {_short(instance)}"
            return [Problem(json_path(parts, prefix), text, rule, sev)]

        return wrong_type
    if rule == "enum":
        allowed = ", ".join(str(v) for v in value)

        def not_allowed(
            parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity
        ) -> Any:
            text = f"{_short(instance)} is not a valid{what} value; allowed: {allowed}"
            return [Problem(json_path(parts, prefix), text, rule, sev)]

        return not_allowed
    if rule == "maxLength":

        def too_long(parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity) -> Any:
            text = f"{len(instance)} characters, more than the{what} maximum of {value}"
            return [Problem(json_path(parts, prefix), text, rule, sev)]

        return too_long
    if rule == "pattern":
        kind = title or "value"

        def no_match(parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity) -> Any:
            text = f"{_short(instance)} is not a valid {kind} (must match {value})"
            return [Problem(json_path(parts, prefix), text, rule, sev)]

        return no_match
    message: Callable[[Any], str]
    if rule == "const":
        const = _short(value)

        def message(instance: Any) -> str:
            return f"{_short(instance)} is not allowed here (must be {const})"

    elif rule == "minLength":

        def message(instance: Any) -> str:
            return f"{len(instance)} characters, fewer than the minimum of {value}"

    elif rule == "minItems":
        fixed = "must not be empty" if value == 1 else f"fewer than {value} items"

        def message(instance: Any) -> str:
            return fixed

    elif rule == "maxItems":

        def message(instance: Any) -> str:
            if value == 0:
                return "must be empty or left out"
            return f"{len(instance)} items, more than the maximum of {value}"

    elif rule in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):

        def message(instance: Any) -> str:
            return f"{_short(instance)} breaks {rule} {value}"

    elif rule == "not":

        def message(instance: Any) -> str:
            return f"{_short(instance)} is not allowed here"

    else:

        def message(instance: Any) -> str:
            return f"{_short(instance)} breaks the rule {rule!r}"

    def one(parts: Sequence[str | int], instance: Any, prefix: str, sev: Severity) -> Any:
        return [Problem(json_path(parts, prefix), message(instance), rule, sev)]

    return one


def _nan_as_number(error: _Raw) -> bool:
    """A NaN/Infinity given (as Python data) where a number belongs: ``jsonschema-rs`` sees a
    null there, the reference engine a number. It is a number to the schema; :func:`parse_json`
    is what refuses NaN in JSON text, and the layer using the number names it."""
    return _non_finite(error.instance) and _number_type(error.schema)


def _non_finite(value: Any) -> bool:
    return (isinstance(value, float) and not math.isfinite(value)) or (
        isinstance(value, Decimal) and not value.is_finite()
    )


def _number_type(schema: dict[str, Any]) -> bool:
    expected = schema.get("type")
    return expected == "number" or (isinstance(expected, list) and "number" in expected)


def _is_open_enum_miss(error: _Raw) -> bool:
    return error.rule == "enum" and bool(error.schema.get(OPEN_ENUM))


def _sorted(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """``problems`` without repeats, by path, rule and message."""
    if type(problems) is list and len(problems) < 3:
        if len(problems) < 2:
            return tuple(problems)
        first, second = problems  # the usual pair: two rules broken by one value
        if first == second:
            return (first,)
        if (second.path, second.rule, second.message) < (first.path, first.rule, first.message):
            return (second, first)
        return (first, second)
    return tuple(sorted(set(problems), key=_order))


def _order(problem: Problem) -> tuple[str, str, str]:
    return (problem.path, problem.rule, problem.message)


def _from_rs(
    error: Any,
    instance: Any,
    compiled: _Compiled,
    prefix: tuple[str | int, ...] = (),
    base: dict[str, Any] | None = None,
) -> _Raw:
    """An error of ``jsonschema-rs`` on ``instance`` (found at ``prefix`` in the payload) as a
    :class:`_Raw`; the instance is read from the payload itself (never copied) and the schema
    from the compiled documents (or from ``base``, the schema of an ad-hoc validator)."""
    if base is None:
        keyword = compiled.keywords.get(error.absolute_keyword_location) or compiled.keyword(error)
        rule, schema = keyword.rule, keyword.schema
    else:
        schema_path = tuple(error.schema_path)
        rule = schema_path[-1] if schema_path and isinstance(schema_path[-1], str) else ""
        if "$defs" not in schema_path:
            schema = base
            for part in schema_path[:-1]:
                schema = schema[part]
        else:
            schema = compiled.schema_at(schema_path[:-1])
    inner = error.instance_path
    context: tuple[tuple[_Raw, ...], ...] = ()
    multiple = False
    if rule in ("oneOf", "anyOf"):
        kind = error.kind
        branches = getattr(kind, "context", None) or []
        context = tuple(
            tuple(r for e in b for r in _implied(_from_rs(e, instance, compiled, prefix, base)))
            for b in branches
        )
        multiple = type(kind).__name__ == "OneOfMultipleValid"
    node = instance
    for part in inner:
        node = node[part]
    return _Raw(rule, (*prefix, *inner), schema, node, context, multiple)


def _raws(
    errors: Iterable[Any],
    instance: Any,
    compiled: _Compiled,
    parts: tuple[str | int, ...] = (),
    base: dict[str, Any] | None = None,
) -> Iterator[_Raw]:
    """``errors`` (of ``jsonschema-rs`` on ``instance``, found at ``parts``) as :class:`_Raw`;
    a list longer than ``LONG_LIST`` (one error under the :func:`bound_lists` mark) is walked
    item by item, so the caller can stop once it has seen enough."""
    for error in errors:
        raw = _from_rs(error, instance, compiled, parts, base)
        if LONG_LIST_MARK in raw.schema:  # on the first item of a long list
            inner = error.instance_path[:-1]
            items = instance
            for part in inner:
                items = items[part]
            here = (*parts, *inner)
            long = compiled.long_list(tuple(error.schema_path)[:-4])
            yield from _raws(
                _errors_of(long.shell, items), items, compiled, here, long.shell_schema
            )
            if long.items is not None:
                for index, item in enumerate(items):
                    if not long.items.is_valid(item):
                        yield from _raws(
                            _errors_of(long.items, item), item, compiled, (*here, index)
                        )
        else:
            yield from _implied(raw)


def _from_reference(error: jsonschema.ValidationError) -> _Raw:
    """An error of the reference ``jsonschema`` as a :class:`_Raw` (for comparisons)."""
    branches: dict[Any, list[_Raw]] = {}
    for sub in error.context or ():
        branches.setdefault(sub.relative_schema_path[0], []).append(_from_reference(sub))
    schema = error.schema if isinstance(error.schema, dict) else {}
    multiple = error.validator == "oneOf" and not error.context
    return _Raw(
        str(error.validator),
        tuple(error.absolute_path),
        schema,
        error.instance,
        tuple(tuple(b) for b in branches.values()),
        multiple,
    )


def _bounded(found: list[Problem]) -> tuple[list[Problem], int]:
    """The first ``MAX_LISTED`` distinct problems of ``found``, and how many others there are
    (at most ``MAX_COUNTED``)."""
    if len(found) <= MAX_LISTED:
        return found, 0
    listed: dict[Problem, None] = {}
    omitted = 0
    for problem in found:
        if problem in listed:
            continue
        if len(listed) < MAX_LISTED:
            listed[problem] = None
        else:
            omitted += 1
    return list(listed), min(omitted, MAX_COUNTED)


def _errors_of(validator: Any, payload: Any) -> Iterator[Any]:
    """The errors of ``validator``, at most ``MAX_COUNTED``."""
    return itertools.islice(validator.iter_errors(payload), MAX_COUNTED)


def _not_json(payload: Any, prefix: str) -> list[Problem]:
    """What makes ``payload`` something no JSON document holds (walked without recursion):
    lone surrogates, NaN/Infinity, values of other Python types, nesting past ``MAX_DEPTH``."""
    found: list[Problem] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(payload, ())]
    while stack and len(found) < MAX_LISTED:
        value, parts = stack.pop()
        if len(parts) > MAX_DEPTH:
            found.append(
                Problem(
                    json_path(parts[:MAX_DEPTH], prefix),
                    f"nested deeper than {MAX_DEPTH} levels",
                    "json",
                )
            )
            continue
        if isinstance(value, dict):
            for key, sub in value.items():
                if not isinstance(key, str):
                    found.append(
                        Problem(
                            json_path(parts, prefix),
                            f"object key {_short(key)} is not a string",
                            "json",
                        )
                    )
                elif _SURROGATE.search(key):
                    found.append(
                        Problem(
                            json_path(parts, prefix),
                            f"object key {_short(key)} is not valid Unicode (lone surrogate)",
                            "json",
                        )
                    )
                else:
                    stack.append((sub, (*parts, key)))
        elif isinstance(value, list | tuple):
            stack.extend((sub, (*parts, index)) for index, sub in enumerate(value))
        elif isinstance(value, str):
            if _SURROGATE.search(value):
                found.append(
                    Problem(
                        json_path(parts, prefix),
                        f"{_short(value)} is not valid Unicode (lone surrogate)",
                        "json",
                    )
                )
        elif isinstance(value, float):
            if not math.isfinite(value):
                found.append(
                    Problem(json_path(parts, prefix), f"{value} is not a JSON number", "json")
                )
        elif isinstance(value, Decimal):
            if not value.is_finite():
                found.append(
                    Problem(json_path(parts, prefix), f"{value} is not a JSON number", "json")
                )
        elif value is not None and not isinstance(value, bool | int):
            found.append(
                Problem(
                    json_path(parts, prefix),
                    f"a {type(value).__name__} is not a JSON value",
                    "json",
                )
            )
    return found


_VALID = Report()
LONG_LIST = 1_000
"""A list longer than this is validated item by item (so its errors stop being built once
``MAX_COUNTED`` are counted): ``iter_errors`` builds every error before it returns the first."""
_SURROGATE = re.compile("[\ud800-\udfff]")
_ENGINE_FAILURES = (ValueError, TypeError, UnicodeError, OverflowError, RecursionError)


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
    modes. A field that is not required may be ``null``. ``partial=True`` validates a PATCH body:
    any subset of the top-level fields (from 2.2.1 on ``last_updated`` is required), each field
    present fully valid. ``path`` is the JSON path of ``payload`` within a larger document.

    Bounded whatever the payload: at most ``MAX_LISTED`` errors are listed, the rest counted in
    ``Report.omitted``; values no JSON document holds (NaN, lone surrogates, nesting past
    ``MAX_DEPTH``, other Python types) are errors with rule ``json``.
    """
    entry = _ENTRIES.get((version, name, partial))
    if entry is None:
        entry = _compiled(version, "exact").entry(name, partial)
        _ENTRIES[(version, name, partial)] = entry
    try:  # one pass: most payloads are valid, or wrong only at their root
        found = list(itertools.islice(entry.validator.iter_errors(payload), MAX_COUNTED))
    except _ENGINE_FAILURES:
        return _not_json_report(payload, path)
    errors: list[Problem] = []
    notes: list[Problem] = []
    if entry.root is not None and type(payload) is dict:
        if not payload.keys() >= entry.required:
            errors += [
                Problem(json_path((key,), path), "required field is missing", "required")
                for key in entry.required_order
                if key not in payload
            ]
        if not entry.declared.issuperset(payload):
            (errors if strict else notes).extend(
                Problem(
                    json_path((key,), path),
                    entry.unknown_message,
                    "unevaluatedProperties",
                    "error" if strict else "note",
                )
                for key in payload
                if key not in entry.declared
            )
    if found:
        compiled = entry.compiled
        keywords = compiled.keywords
        try:
            for error in found:
                keyword = keywords.get(error.absolute_keyword_location) or compiled.keyword(error)
                words = keyword.words
                if words is None:
                    _file_raw(error, payload, compiled, errors, notes, path, strict)
                else:
                    parts = error.instance_path
                    instance = payload
                    for part in parts:
                        instance = instance[part]
                    filed = keyword.filed
                    if keyword.implied is not None and not isinstance(instance, str):
                        errors += keyword.implied(parts, instance, path, "error")
                    if filed == _ERROR or (filed == _NUMBER and not _non_finite(instance)):
                        errors += words(parts, instance, path, "error")
                    elif filed == _NOTE or (filed == _UNKNOWN and not strict):
                        notes += words(parts, instance, path, "note")
                    elif filed == _UNKNOWN:
                        errors += words(parts, instance, path, "error")
                if len(errors) >= _ENOUGH:
                    break
        except _ENGINE_FAILURES:
            return _not_json_report(payload, path)
    elif not errors and not notes:
        return _VALID
    if not notes and len(errors) == 1:
        return Report((errors[0],))
    listed, omitted = _bounded(errors)
    noted, _ = _bounded(notes)
    if noted and listed:
        error_paths = {p.path for p in listed}
        noted = [p for p in noted if p.path not in error_paths]
    return Report(_sorted(listed), _sorted(noted), omitted)


def _file_raw(
    error: Any,
    payload: Any,
    compiled: _Compiled,
    errors: list[Problem],
    notes: list[Problem],
    path: str,
    strict: bool,
) -> None:
    """File an error worded from the whole error (``oneOf``, ``anyOf``) or a long list (walked
    item by item) into ``errors`` and ``notes``, as :func:`check` files the others."""
    for raw in _raws((error,), payload, compiled):
        if raw.rule == "unevaluatedProperties":
            if strict:
                errors += _explain(raw, path, "error")
            else:
                notes += _explain(raw, path, "note")
        elif _is_open_enum_miss(raw):
            notes += _explain(raw, path, "note")
        elif not (raw.rule == "type" and _nan_as_number(raw)):
            errors += _explain(raw, path, "error")
        if len(errors) >= _ENOUGH:
            return


_ENTRIES: dict[tuple[str, str, bool], _Entry] = {}
_MASK = "..."
"""What ``jsonschema-rs`` writes instead of the instance in its own messages: never read (the
SDK words its problems itself), and a payload's values are no business of an engine message."""
_ENOUGH = 2 * (MAX_LISTED + MAX_COUNTED)
"""Problems found after which :func:`check` stops looking (enough to list ``MAX_LISTED`` and
count ``MAX_COUNTED`` more even if some are found twice)."""


def _not_json_report(payload: Any, path: str) -> Report:
    """The report of a payload the engine refused to read (not JSON data)."""
    problems = _not_json(payload, path) or [
        Problem(path, "cannot be validated: not a JSON value", "json")
    ]
    return Report(_sorted(problems))


def reference_check(
    payload: Any,
    name: str,
    *,
    version: str,
    partial: bool = False,
    strict: bool = False,
    path: str = "$",
) -> Report:
    """:func:`check` computed with the pure-Python ``jsonschema`` engine, every error listed.

    Slow; for comparing engines (``tests/test_validation_engines.py``), never on a hot path."""
    mode: Mode = "strict" if strict else "lenient"
    errors: list[Problem] = []
    for error in _compiled(version, mode).slow(name, partial).iter_errors(payload):
        errors.extend(_explain(_from_reference(error), path, "error"))
    notes: list[Problem] = []
    error_paths = {p.path for p in errors}
    for error in _compiled(version, "exact").slow(name, partial).iter_errors(payload):
        raw = _from_reference(error)
        if raw.rule == "unevaluatedProperties" or _is_open_enum_miss(raw):
            notes.extend(p for p in _explain(raw, path, "note") if p.path not in error_paths)
    return Report(_sorted(errors), _sorted(notes))


def patch_required(name: str, *, version: str) -> tuple[str, ...]:
    """The fields every PATCH body of ``name`` must carry in ``version`` (``("last_updated",)``
    from OCPI 2.2.1 on: "Any request to the PATCH method SHALL contain the last_updated field";
    read from ``x-ocpi-patch-required`` in the schema)."""
    return tuple(version_schemas(version).definition(name).get(PATCH_REQUIRED, ()))


def check_patch(body: Any, name: str, *, version: str) -> list[Problem]:
    """What keeps ``body`` from being sent as a PATCH of ``name``: each field of
    :func:`patch_required` it lacks (rule ``required``), then its other errors as a partial
    ``name``. Empty when the body may be sent; a client refuses a non-empty answer."""
    missing = [
        Problem(json_path([field]), "required field is missing in a PATCH body", "required")
        for field in patch_required(name, version=version)
        if not isinstance(body, dict) or body.get(field) is None
    ]
    seen = {p.path for p in missing}
    others = check(body, name, version=version, partial=True).errors
    return missing + [p for p in others if p.path not in seen]


def is_valid(
    payload: Any, name: str, *, version: str, partial: bool = False, strict: bool = False
) -> bool:
    """Whether ``payload`` is a valid ``name`` (the cheapest question; see :func:`check`)."""
    mode: Mode = "strict" if strict else "lenient"
    try:
        return bool(_compiled(version, mode).fast(name, partial).is_valid(payload))
    except _ENGINE_FAILURES:
        return False


def validate(
    payload: Any, name: str, *, version: str, partial: bool = False, strict: bool = False
) -> list[Problem]:
    """Validate ``payload`` as the OCPI object ``name``; return its errors (empty when valid).

    Each error has ``.path`` (a JSON path such as ``$.evses[0].connectors[1].standard``),
    ``.message`` in plain words and ``.rule``, the schema keyword broken. See :func:`check` for
    the unknown-field policy, the bounds and for the notes this function leaves out.
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
