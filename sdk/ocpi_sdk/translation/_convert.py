"""``convert``: an OCPI object from one version to another, with the list of what was lost.

Adjacent versions are converted by their pair module's rules; 2.1.1 <-> 2.3.0 goes through 2.2.1,
composing the two steps (losses of the second step are named by their path in the original).
"""

from __future__ import annotations

import importlib
import itertools
import json
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import ModuleType
from typing import Any

import attrs

from ocpi_sdk import schemas
from ocpi_sdk.schemas import parse_path
from ocpi_sdk.translation import v2_1_1__v2_2_1, v2_2_1__v2_3_0
from ocpi_sdk.translation._core import (
    Loss,
    NotRepresentableError,
    Path,
    Step,
    StrictModeError,
    UnsupportedObjectError,
    map_path,
    render,
    under,
)
from ocpi_sdk.translation._fit import fit
from ocpi_sdk.translation._walk import Rule, Rules, run

VERSIONS: tuple[str, ...] = ("2.1.1", "2.2.1", "2.3.0")
PAIRS: tuple[ModuleType, ...] = (v2_1_1__v2_2_1, v2_2_1__v2_3_0)

__all__ = ["VERSIONS", "Conversion", "convert", "objects", "parse_path"]


@attrs.frozen
class Conversion:
    """The outcome of :func:`convert`: ``value`` in the target version and the ``losses``.

    Unpacks as ``value, losses = convert(...)``. ``supplied`` lists the paths of the result whose
    value came from the caller's context. :meth:`source_of` names the source path of any path of
    the result (fields renamed or moved between versions).
    """

    value: Any
    losses: tuple[Loss, ...]
    source: str
    target: str
    supplied: tuple[str, ...] = ()
    moves: Mapping[Path, Path] = attrs.field(factory=dict, repr=False)

    def __iter__(self) -> Any:
        return iter((self.value, self.losses))

    def source_of(self, path: str) -> str:
        """The JSON path in the source of ``path`` (a JSON path in the result)."""
        return render(map_path(parse_path(path), self.moves))


def objects(source: str, target: str) -> list[str]:
    """The names of the objects :func:`convert` takes from ``source`` to ``target``: those
    defined in every version on the way."""
    names = set(schemas.names(source))
    for version in _route(source, target)[1:]:
        names &= set(schemas.names(version))
    return sorted(n for n in names if schemas.kind(source, n) in ("object", "class"))


def _route(source: str, target: str) -> list[str]:
    for version in (source, target):
        if version not in VERSIONS:
            raise UnsupportedObjectError(
                f"OCPI version {version!r} cannot be converted; known: {', '.join(VERSIONS)}"
            )
    a, b = VERSIONS.index(source), VERSIONS.index(target)
    step = 1 if b >= a else -1
    return [VERSIONS[i] for i in range(a, b + step, step)]


def _pair(source: str, target: str) -> tuple[ModuleType, bool]:
    """The pair module between two adjacent versions, and whether ``source`` is its lower one."""
    for pair in PAIRS:
        if (source, target) == (pair.LOWER, pair.UPPER):
            return pair, True
        if (source, target) == (pair.UPPER, pair.LOWER):
            return pair, False
    raise UnsupportedObjectError(f"no rules from {source} to {target}")  # pragma: no cover


def _rules(source: str, target: str) -> Rules:
    pair, up = _pair(source, target)
    rules: Rules = pair.UP if up else pair.DOWN
    return rules


def _counterparts(source: str, target: str) -> Mapping[tuple[str, str], Rule]:
    pair, up = _pair(source, target)
    table: Mapping[tuple[str, str], Rule] = pair.COUNTERPARTS_UP if up else pair.COUNTERPARTS_DOWN
    return table


def _model_version(obj: Any) -> tuple[str, str] | None:
    module = type(obj).__module__
    match = re.match(r"ocpi_sdk\.v(\d+)_(\d+)_(\d+)\.", module)
    if not attrs.has(type(obj)) or match is None:
        return None
    return ".".join(match.groups()), type(obj).__name__


def _package(version: str) -> Any:
    return importlib.import_module("ocpi_sdk.v" + version.replace(".", "_"))


def convert(
    obj: Any,
    to: str,
    *,
    object_name: str | None = None,
    from_version: str | None = None,
    context: Mapping[str, Any] | None = None,
    strict: bool = False,
    partial: bool = False,
    as_object: str | None = None,
) -> Conversion:
    """Convert an OCPI object (a generated model, or its JSON as parsed data) to version ``to``.

    A model knows its version and object; plain JSON needs ``from_version`` and ``object_name``
    (``"Location"``, ``"CDR"``, ...). A list converts item by item; an item the target cannot hold
    is left out (one loss). A model comes back as the target version's model, JSON as JSON.

    ``context`` gives what the target needs and the source cannot say: ``country_code`` and
    ``party_id`` of the owner (2.1.1 -> 2.2.1), ``cdr_token`` (or ``cdr_token.uid``, ...),
    ``time_zone``, ``tax_included`` (2.2.1 -> 2.3.0), the 2.1.1 ``location`` of a Session or CDR,
    ``role`` for Credentials and Endpoints, ``timeout`` of a CommandResponse; a missing one raises
    :class:`ContextError` naming the field and the keys that would give it.

    ``partial=True`` converts a PATCH body: fields the target requires are not asked for, and
    nothing the body does not name is added.

    ``as_object`` names the target's object when it plays the same part under another name: a
    2.1.1 command result is a ``CommandResponse``, a 2.2.1 one a ``CommandResult``
    (``convert(result, "2.2.1", as_object="CommandResult")``).

    Returns a :class:`Conversion` (``value, losses = convert(...)``). With ``strict=True`` any
    loss raises :class:`StrictModeError`. Raises :class:`NotRepresentableError` for an object
    the target cannot hold at all, :class:`UnsupportedObjectError` for one that is not in both
    versions.
    """
    found = None if isinstance(obj, (dict, list)) else _model_version(obj)
    if isinstance(obj, list) and obj and _model_version(obj[0]) is not None:
        found = _model_version(obj[0])
    if found is not None:
        source, name = found
        data = json.loads(_package(source).dumps(obj), parse_float=Decimal)
    else:
        if from_version is None or object_name is None:
            raise UnsupportedObjectError(
                "plain JSON needs from_version and object_name (e.g. '2.2.1', 'Location')"
            )
        source, name, data = from_version, object_name, obj
    names = _names(name, source, to, as_object or name)
    given = context or {}
    if isinstance(data, list):
        value, losses, moves, supplied = _convert_many(data, names, source, to, given, partial)
    else:
        value, losses, moves, supplied = _convert_one(data, names, source, to, given, partial)
    if strict and losses:
        raise StrictModeError(losses)
    if found is not None:
        package = _package(to)
        cls: Any = getattr(package, names[-1])
        value = package.loads(value, list[cls] if isinstance(value, list) else cls)
    return Conversion(value, losses, source, to, tuple(render(p) for p in supplied), moves)


def _names(name: str, source: str, target: str, wanted: str) -> list[str]:
    """The object's name in each version from ``source`` to ``target``: ``name`` throughout, or
    ``wanted`` from the step whose counterparts table renames it; raises
    :class:`UnsupportedObjectError` when that is not how OCPI goes from one to the other."""
    route = _route(source, target)
    names = [name]
    for here, there in itertools.pairwise(route):
        current = names[-1]
        if current != wanted and (current, wanted) in _counterparts(here, there):
            names.append(wanted)
        elif current in objects(here, there):
            names.append(current)
        else:
            break
    if len(names) != len(route) or names[-1] != wanted:
        shown = repr(name) if name == wanted else f"{name!r} as {wanted!r}"
        raise UnsupportedObjectError(
            f"{shown} is not an object of both OCPI {source} and {target}; "
            f"convertible: {', '.join(objects(source, target))}"
        )
    return names


def _convert_one(
    data: Any,
    names: list[str],
    source: str,
    target: str,
    context: Mapping[str, Any],
    partial: bool = False,
) -> tuple[Any, tuple[Loss, ...], dict[Path, Path], list[Path]]:
    route = _route(source, target)
    moves: dict[Path, Path] = {}
    supplied: list[Path] = []
    losses: list[tuple[Path, Any, str, str]] = []
    value = data
    for index, (here, there) in enumerate(itertools.pairwise(route)):
        step = Step(here, there, context, partial=partial)
        name, next_name = names[index], names[index + 1]
        if name == next_name:
            value = run(step, _rules(here, there), value, name)
        else:  # a counterpart: its rule reshapes it, the target's object fits it
            value = fit(
                step, _counterparts(here, there)[(name, next_name)](step, value, ()), next_name
            )
        losses.extend((map_path(p, moves), k, r, s) for p, k, r, s in step.losses)
        moves = {**moves, **{t: map_path(s, moves) for t, s in step.moves.items()}}
        supplied.extend(step.supplied)
    return value, _unique(losses), moves, supplied


def _convert_many(
    data: Sequence[Any],
    names: list[str],
    source: str,
    target: str,
    context: Mapping[str, Any],
    partial: bool = False,
) -> tuple[list[Any], tuple[Loss, ...], dict[Path, Path], list[Path]]:
    out: list[Any] = []
    supplied: list[Path] = []
    losses: list[Loss] = []
    moves: dict[Path, Path] = {}
    for index, item in enumerate(data):
        prefix = f"$[{index}]"
        try:
            value, item_losses, item_moves, item_supplied = _convert_one(
                item, names, source, target, context, partial
            )
        except NotRepresentableError as exc:
            losses.append(Loss(prefix, "dropped", exc.why, exc.spec))
            continue
        for target_path, source_path in item_moves.items():
            moves[(len(out), *target_path)] = (index, *source_path)
        if len(out) != index:
            moves.setdefault((len(out),), (index,))
        supplied.extend((len(out), *p) for p in item_supplied)
        out.append(value)
        losses.extend(attrs.evolve(loss, path=prefix + loss.path[1:]) for loss in item_losses)
    return out, tuple(losses), moves, supplied


def _unique(losses: list[tuple[Path, Any, str, str]]) -> tuple[Loss, ...]:
    """Losses in path order, without repeats or losses inside a dropped field."""
    dropped = [p for p, kind, _, _ in losses if kind == "dropped"]
    seen: set[tuple[Path, str]] = set()
    out: list[tuple[Path, Loss]] = []
    for path, kind, reason, spec in losses:
        if any(under(path, d) and path != d for d in dropped) or (path, kind) in seen:
            continue
        seen.add((path, kind))
        out.append((path, Loss(render(path), kind, reason, spec)))
    out.sort(
        key=lambda item: [(0, str(p)) if isinstance(p, str) else (1, f"{p:09d}") for p in item[0]]
    )
    return tuple(loss for _, loss in out)
