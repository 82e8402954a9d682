"""Fitting a reshaped object to the target version's schema, recording what does not fit.

After a pair's rules have renamed and rebuilt what changed between two versions, the object is
walked against the target's definition (the schemas of ``schemas/<version>/``, which follow the
spec's tables):

- a field the target object does not define is dropped;
- a string longer than the target's ``maxLength`` is truncated; an identifier cannot be, and the
  object cannot be represented;
- a value of a closed enum the target does not list is dropped where the field is optional or the
  value is one item of a list, and makes the object unrepresentable where it is required;
- an item of a list that cannot be represented is dropped from the list;
- a required field that is missing is taken from the caller's context (keys tried in order: the
  dotted path ``cdr_token.uid``, ``CdrToken.uid``, then ``uid``), or a :class:`ContextError`
  names it.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

from ocpi_sdk import schemas
from ocpi_sdk.schemas._registry import version_schemas
from ocpi_sdk.translation._core import (
    ContextError,
    NotRepresentableError,
    Path,
    Step,
    render,
    under,
)

# Objects that belong to another party than the object holding them: the context's plain
# ``country_code``/``party_id`` (the owner of the converted object) must not fill them.
OTHER_PARTY = frozenset({"CdrToken"})
OPEN_ENUM = "x-open-enum"


@cache
def chapter(version: str, name: str) -> str:
    """``mod_locations.asciidoc`` (or ``.md`` for 2.1.1): the spec chapter defining ``name``."""
    registry = version_schemas(version)
    file_name, _ = registry.locations[name]
    document = registry.files[file_name]
    return str(document.get("x-ocpi-chapter", file_name))


def defines(version: str, name: str) -> bool:
    return name in schemas.names(version)


def _target_of(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def _max_length(version: str, schema: dict[str, Any]) -> int | None:
    if "maxLength" in schema:
        return int(schema["maxLength"])
    target = _target_of(schema)
    if target is None:
        return None
    return _max_length(version, schemas.get(version, target))


def _pattern(version: str, schema: dict[str, Any]) -> str | None:
    if "pattern" in schema:
        return str(schema["pattern"])
    target = _target_of(schema)
    if target is None:
        return None
    return _pattern(version, schemas.get(version, target))


ASCII_ONLY = "^[\\x20-\\x7E]*$"


def ascii_fold(text: str) -> str:
    """``Malmö`` -> ``Malmo``: accents taken off, other non-ASCII characters as ``?``."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c if " " <= c <= "~" else "?" for c in plain)


def is_identifier(field: str) -> bool:
    return field in ("id", "uid", "token") or field.endswith(("_id", "_uid", "_ids", "_uids"))


def _context_keys(path: Path, owner: str, field: str) -> tuple[str, ...]:
    dotted = ".".join(str(p) for p in path if isinstance(p, str))
    keys = [dotted, f"{owner}.{field}"]
    if owner not in OTHER_PARTY:
        keys.append(field)
    return tuple(dict.fromkeys(keys))


class Fitter:
    """Walks one result against the target version's definitions."""

    def __init__(self, step: Step) -> None:
        self.step = step
        self.version = step.target

    def spec(self, name: str) -> str:
        return f"OCPI {self.version} {chapter(self.version, name)}: {name}"

    def object(self, value: Any, name: str, path: Path) -> Any:
        if not isinstance(value, dict):
            return value
        definition = schemas.get(self.version, name)
        properties: dict[str, Any] = definition.get("properties", {})
        out: dict[str, Any] = {}
        for field, item in value.items():
            here = (*path, field)
            if field not in properties:
                self.step.loss_at_result(
                    here,
                    "dropped",
                    f"OCPI {self.version} {name} has no field {field!r}",
                    self.spec(name),
                )
                continue
            if item is None:
                out[field] = item
                continue
            try:
                out[field] = self.value(item, properties[field], here, field, name)
            except NotRepresentableError as exc:
                if field in definition.get("required", ()):
                    raise
                self.drop(here, exc)
        for field in definition.get("required", ()) if self.step.whole(path) else ():
            if out.get(field) is None:
                out[field] = self.fill(path, name, field, properties[field])
        return {key: out[key] for key in _ordered(out, properties)}

    def fill(self, path: Path, owner: str, field: str, schema: dict[str, Any]) -> Any:
        here = (*path, field)
        keys = _context_keys(here, owner, field)
        value = self.step.lookup(keys)
        if value is None:
            raise ContextError(
                f"OCPI {self.version} {owner} {render(here)}",
                keys,
                f"required in {self.version} and not given by the {self.step.source} source",
            )
        self.step.supply(here)
        return self.value(value, schema, here, field, owner)

    def drop(self, path: Path, exc: NotRepresentableError) -> None:
        origin = self.step.origin(path)
        self.step.losses[:] = [loss for loss in self.step.losses if not under(loss[0], origin)]
        self.step.loss(origin, "dropped", exc.why, exc.spec)

    def value(self, value: Any, schema: dict[str, Any], path: Path, field: str, owner: str) -> Any:
        target = _target_of(schema)
        if target is not None:
            kind = schemas.kind(self.version, target)
            definition = schemas.get(self.version, target)
            if kind in ("object", "class"):
                return self.object(value, target, path)
            if kind == "enum":
                return self.enum(value, definition, path, target, owner)
        if schema.get("type") == "array" and isinstance(value, list):
            return self.array(value, schema, path, field, owner)
        if isinstance(value, str):
            return self.string(value, schema, path, field, owner)
        return value

    def enum(
        self, value: Any, definition: dict[str, Any], path: Path, name: str, owner: str
    ) -> Any:
        allowed = definition.get("enum")
        if definition.get(OPEN_ENUM) or not allowed or value in allowed:
            return value
        raise NotRepresentableError(
            render(self.step.origin(path)),
            f"{value!r} is not a {name} of OCPI {self.version}",
            self.spec(name),
        )

    def array(
        self, value: list[Any], schema: dict[str, Any], path: Path, field: str, owner: str
    ) -> list[Any]:
        items_schema: dict[str, Any] = schema.get("items", {})
        kept: list[tuple[int, Any]] = []
        for index, item in enumerate(value):
            here = (*path, index)
            try:
                kept.append((index, self.value(item, items_schema, here, field, owner)))
            except NotRepresentableError as exc:
                self.drop(here, exc)
        if len(kept) != len(value):
            self.step.renumber(path, [index for index, _ in kept])
        minimum = int(schema.get("minItems", 0))
        if len(kept) < minimum:
            raise NotRepresentableError(
                render(self.step.origin(path)),
                f"{field} would keep {len(kept)} of its items; OCPI {self.version} "
                f"{owner} needs at least {minimum}",
                self.spec(owner),
            )
        return [item for _, item in kept]

    def string(self, value: str, schema: dict[str, Any], path: Path, field: str, owner: str) -> str:
        if _pattern(self.version, schema) == ASCII_ONLY and not value.isascii():
            if is_identifier(field):
                raise NotRepresentableError(
                    render(self.step.origin(path)),
                    f"{field} is not ASCII, as OCPI {self.version} {owner}.{field} must be",
                    self.spec(owner),
                )
            value = ascii_fold(value)
            self.step.loss_at_result(
                path,
                "approximated",
                f"OCPI {self.version} strings are printable ASCII: written {value!r}",
                f"OCPI {self.version} types: string",
            )
        limit = _max_length(self.version, schema)
        if limit is None or len(value) <= limit:
            return value
        origin = render(self.step.origin(path))
        if is_identifier(field):
            raise NotRepresentableError(
                origin,
                f"{field} has {len(value)} characters; OCPI {self.version} {owner}.{field} "
                f"holds {limit} and an identifier cannot be cut",
                self.spec(owner),
            )
        self.step.loss_at_result(
            path,
            "truncated",
            f"{len(value)} characters; OCPI {self.version} {owner}.{field} holds {limit}",
            self.spec(owner),
        )
        return value[:limit]


def _ordered(out: dict[str, Any], properties: dict[str, Any]) -> list[str]:
    """Fields in the spec's order (the order of the definition's table)."""
    order = {name: index for index, name in enumerate(properties)}
    return sorted(out, key=lambda key: order.get(key, len(order)))


def fit(step: Step, value: Any, name: str) -> Any:
    """``value`` (already reshaped by the rules) fitted to OCPI ``step.target``'s ``name``."""
    return Fitter(step).object(value, name, ())
