"""Running one pair's rules over an object, top down, guided by the source version's schema.

A pair module gives, per direction, a table ``{definition name: rule}``. The walk applies the rule
of the object's definition first (it may rename, rebuild or remove fields), then walks every field
the rule left under its source name into the definitions of the source schema; values a rule built
in the target's shape (``step.done``) are not walked again. The result is then fitted to the target
schema (:mod:`._fit`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ocpi_sdk import schemas
from ocpi_sdk.translation._core import NotRepresentableError, Path, Step, under
from ocpi_sdk.translation._fit import fit

Rule = Callable[[Step, dict[str, Any], Path], dict[str, Any]]
Rules = Mapping[str, Rule]


def _child(version: str, schema: dict[str, Any]) -> tuple[str | None, bool]:
    """The definition a property holds (and whether as a list), when it is an object."""
    many = schema.get("type") == "array"
    inner = schema.get("items", {}) if many else schema
    ref = inner.get("$ref")
    if not isinstance(ref, str):
        return None, many
    name = ref.rsplit("/", 1)[-1]
    if schemas.kind(version, name) in ("object", "class"):
        return name, many
    return None, many


def walk(step: Step, rules: Rules, value: Any, name: str, path: Path) -> Any:
    """``value``, a source ``name``, with the rules of its definition and of its parts applied."""
    if not isinstance(value, dict):
        return value
    rule = rules.get(name)
    out = rule(step, dict(value), path) if rule is not None else dict(value)
    properties = schemas.get(step.source, name).get("properties", {})
    for field in list(out):
        here = (*path, field)
        if field not in properties or field not in value or here in step.built:
            continue
        child, many = _child(step.source, properties[field])
        if child is None:
            continue
        item = out[field]
        if many and isinstance(item, list):
            out[field] = _items(step, rules, item, child, here)
        elif isinstance(item, dict):
            try:
                out[field] = walk(step, rules, item, child, here)
            except NotRepresentableError as exc:
                if field in schemas.get(step.source, name).get("required", ()):
                    raise
                del out[field]
                _drop(step, here, exc)
    return out


def _drop(step: Step, path: Path, exc: NotRepresentableError) -> None:
    origin = step.origin(path)
    step.losses[:] = [loss for loss in step.losses if not under(loss[0], origin)]
    step.loss(origin, "dropped", exc.why, exc.spec)


def _items(step: Step, rules: Rules, items: list[Any], child: str, path: Path) -> list[Any]:
    """The items of a list, each walked; an item the target cannot hold is dropped."""
    kept: list[tuple[int, Any]] = []
    for index, item in enumerate(items):
        try:
            kept.append((index, walk(step, rules, item, child, (*path, index))))
        except NotRepresentableError as exc:
            _drop(step, (*path, index), exc)
    if len(kept) != len(items):
        step.renumber(path, [index for index, _ in kept])
    return [item for _, item in kept]


def run(step: Step, rules: Rules, value: Any, name: str) -> Any:
    """One step: ``value`` (source ``name``) walked by ``rules`` and fitted to the target."""
    return fit(step, walk(step, rules, value, name, ()), name)
