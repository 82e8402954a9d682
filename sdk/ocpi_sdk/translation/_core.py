"""What every translation step shares: losses, errors, paths and the step's bookkeeping.

A *step* converts one object between two adjacent versions. Its rules reshape the JSON and record
two things: every :class:`Loss` (at a path of the step's source) and every *move* (a field of the
result that comes from another place in the source), so that later steps and callers can name the
source path of anything in the result.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from ocpi_sdk.errors import OcpiError
from ocpi_sdk.schemas import json_path

Path = tuple[str | int, ...]
LossKind = Literal["dropped", "truncated", "approximated", "defaulted", "invented"]
KINDS: tuple[LossKind, ...] = ("dropped", "truncated", "approximated", "defaulted", "invented")

__all__ = [
    "KINDS",
    "ContextError",
    "Loss",
    "LossKind",
    "NotRepresentableError",
    "Path",
    "Step",
    "StrictModeError",
    "TranslationError",
    "UnsupportedObjectError",
]


@attrs.frozen
class Loss:
    """One thing a conversion could not carry over exactly.

    ``path`` is a JSON path into the *source* object (``$.evses[0].connectors[1].tariff_ids[1]``);
    for a value the target needed and the source did not have, it is where that value would be.
    ``kind`` says what happened (``dropped``, ``truncated``, ``approximated``, ``defaulted``,
    ``invented``), ``reason`` why, and ``spec`` the changelog entry or spec section behind it.
    """

    path: str
    kind: LossKind
    reason: str
    spec: str

    def as_json(self) -> dict[str, str]:
        return {"path": self.path, "kind": self.kind, "reason": self.reason, "spec": self.spec}

    def __str__(self) -> str:
        return f"{self.path}: {self.kind}: {self.reason} [{self.spec}]"


class TranslationError(OcpiError, ValueError):
    """An object that cannot be converted to the version asked for."""


class UnsupportedObjectError(TranslationError):
    """The object does not exist in both versions (or its version is not known)."""


class ContextError(TranslationError):
    """The target needs a value the source cannot give, and ``context`` does not give it.

    ``field`` is the JSON path of the value in the target, ``keys`` the context keys that would
    supply it.
    """

    def __init__(self, field: str, keys: tuple[str, ...], why: str) -> None:
        self.field = field
        self.keys = keys
        self.why = why
        super().__init__(
            f"{field}: {why}; give it in context as " + " or ".join(repr(key) for key in keys)
        )


class NotRepresentableError(TranslationError):
    """The source holds something the target version cannot express at all (a Location not
    published to everyone, for 2.1.1; an identifier longer than the target allows)."""

    def __init__(self, path: str, why: str, spec: str) -> None:
        self.path = path
        self.why = why
        self.spec = spec
        super().__init__(f"{path}: {why} [{spec}]")


class StrictModeError(TranslationError):
    """``strict=True`` and the conversion would lose something; ``losses`` lists all of it."""

    def __init__(self, losses: tuple[Loss, ...]) -> None:
        self.losses = losses
        lines = "".join(f"\n  {loss}" for loss in losses)
        count = len(losses)
        super().__init__(f"conversion would lose {count} thing{'s' if count != 1 else ''}{lines}")


def render(path: Path) -> str:
    return json_path(path)


def under(path: Path, prefix: Path) -> bool:
    return path[: len(prefix)] == prefix


def map_path(path: Path, moves: Mapping[Path, Path]) -> Path:
    """``path`` of a result as the path of its source, through the longest matching move."""
    for cut in range(len(path), -1, -1):
        origin = moves.get(path[:cut])
        if origin is not None:
            return origin + path[cut:]
    return path


class Step:
    """The bookkeeping of one conversion between adjacent versions."""

    def __init__(
        self, source: str, target: str, context: Mapping[str, Any], *, partial: bool = False
    ) -> None:
        self.source = source
        self.target = target
        self.context = context
        self.partial = partial
        self.losses: list[tuple[Path, LossKind, str, str]] = []
        self.moves: dict[Path, Path] = {}
        self.built: set[Path] = set()
        self.supplied: list[Path] = []

    def supply(self, path: Path) -> None:
        """Record that the result's value at ``path`` came from the caller's context."""
        self.supplied.append(path)

    def whole(self, path: Path) -> bool:
        """Whether the object at ``path`` is whole: all but the top of a PATCH body."""
        return not (self.partial and path == ())

    def done(self, path: Path) -> None:
        """The rules built the value at result path ``path`` in the target's shape already."""
        self.built.add(path)

    def rename(self, obj: dict[str, Any], old: str, new: str, path: Path) -> None:
        """Field ``old`` of the object at result path ``path`` becomes ``new``."""
        if old in obj:
            obj[new] = obj.pop(old)
            self.moved((*path, new), (*self.origin(path), old))

    def renumber(self, path: Path, kept: list[int]) -> None:
        """Items were removed from the list at result path ``path``; ``kept`` are the old indices
        of the items left, in order: their moves follow them to their new indices."""
        moves = self.moves
        depth = len(path)
        origins = {old: self.origin((*path, old)) for old in kept}
        inner = {
            key: moves.pop(key)
            for key in list(moves)
            if len(key) > depth and key[:depth] == path and isinstance(key[depth], int)
        }
        for new, old in enumerate(kept):
            if origins[old] != (*path, new):
                moves[(*path, new)] = origins[old]
            for key, origin in inner.items():
                if key[depth] == old and len(key) > depth + 1:
                    moves[(*path, new, *key[depth + 1 :])] = origin

    def origin(self, path: Path) -> Path:
        """The source path of result path ``path``."""
        return map_path(path, self.moves)

    def moved(self, target: Path, source: Path) -> None:
        """Record that the result's ``target`` holds what the source had at ``source``."""
        if target != source:
            self.moves[target] = source

    def loss(self, path: Path, kind: LossKind, reason: str, spec: str) -> None:
        """Record a loss at source path ``path``."""
        self.losses.append((path, kind, reason, spec))

    def loss_at_result(self, path: Path, kind: LossKind, reason: str, spec: str) -> None:
        """Record a loss at result path ``path`` (mapped to the source)."""
        self.loss(self.origin(path), kind, reason, spec)

    def approximate(
        self,
        obj: dict[str, Any],
        field: str,
        path: Path,
        allowed: Collection[str],
        instead: str,
        why: str,
        spec: str,
    ) -> None:
        """A value the target does not have: field ``field`` of the object at result path
        ``path``, a string not in ``allowed`` (the target's enum), becomes ``instead``, recorded
        as an approximated loss saying ``why`` (formatted with the ``value`` given). Any other
        value is left for the target's validation to judge."""
        value = obj.get(field)
        if isinstance(value, str) and value not in allowed:
            obj[field] = instead
            self.loss_at_result((*path, field), "approximated", why.format(value=value), spec)

    def lookup(self, keys: tuple[str, ...]) -> Any:
        for key in keys:
            if key in self.context and self.context[key] is not None:
                return self.context[key]
        return None

    def need(self, keys: tuple[str, ...], field: Path, why: str) -> Any:
        """The first of ``keys`` in the context, or a :class:`ContextError` naming ``field``."""
        value = self.lookup(keys)
        if value is None:
            raise ContextError(f"OCPI {self.target} {render(field)}", keys, why)
        self.supply(field)
        return value


def number(value: Any) -> Decimal:
    """A JSON number (int, float or Decimal) as an exact Decimal of its shortest text."""
    if isinstance(value, Decimal):
        return value
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def like(template: Any, value: Decimal) -> Any:
    """``value`` in the number type of ``template`` (Decimal stays Decimal, else float/int)."""
    if isinstance(template, Decimal):
        return value
    if value == value.to_integral_value() and isinstance(template, int):
        return int(value)
    return float(value)
