"""Load a CDR, Tariff or Location for pricing, tolerating defects in fields pricing never reads.

Real tariffs and CDRs arrive with schema defects that do not touch the price: a coordinate with
three decimals, a tariff without ``party_id``, a CDR location without ``evse_uid``. Pricing reads
only the fields in :data:`PRICED`; :func:`load_for_pricing` loads a payload whose schema errors
are all elsewhere, and returns those errors as notes. A missing or unusable field pricing does
not read is given a stand-in value of its type (an empty string, the first enum value, ...) so the
model can be built, and the note says so; a schema error in a field pricing reads is refused
with :class:`UnusableInput`. ``strict=True`` refuses every schema error.
"""

from __future__ import annotations

import enum
import re
import types
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, Union, get_args, get_origin

import attrs

from ocpi_sdk import schemas
from ocpi_sdk.errors import PayloadError
from ocpi_sdk.schemas import Problem
from ocpi_sdk.tariffs.errors import TariffError

__all__ = ["PRICED", "UnusableInput", "is_priced", "load_for_pricing"]

PRICED: dict[str, tuple[str, ...]] = {
    "CDR": (
        "$.start_date_time",
        "$.end_date_time",
        "$.stop_date_time",
        "$.currency",
        "$.charging_periods",
        "$.total_cost",
        "$.total_fixed_cost",
        "$.total_energy",
        "$.total_energy_cost",
        "$.total_time",
        "$.total_time_cost",
        "$.total_parking_time",
        "$.total_parking_cost",
        "$.total_reservation_cost",
        "$.cdr_location.country",
        "$.location.country",
        "$.location.time_zone",
        "$.tariffs",
    ),
    "Tariff": (
        "$.id",
        "$.currency",
        "$.elements",
        "$.min_price",
        "$.max_price",
        "$.start_date_time",
        "$.end_date_time",
        "$.tax_included",
    ),
    "Location": ("$.time_zone", "$.country"),
}
"""The JSON paths pricing reads, per object (anything below them too); a CDR's ``tariffs[n]``
are read as Tariffs."""

_TARIFF_IN_CDR = re.compile(r"\$\.tariffs\[\d+\](.+)")
_KEYS = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


class UnusableInput(TariffError):
    """A payload with schema errors in fields pricing reads (or any, under ``strict``);
    ``problems`` lists them with their JSON paths."""

    def __init__(self, what: str, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__(
            f"{what}: cannot be priced ({count} problem{'s' if count != 1 else ''} "
            + "; ".join(str(p) for p in self.problems[:5])
            + ("; ..." if count > 5 else "")
            + ")"
        )


def is_priced(path: str, name: str) -> bool:
    """Whether the JSON ``path`` (``$.cdr_location.evse_uid``) of an object ``name`` is read
    by pricing, or lies inside something that is."""
    inner = _TARIFF_IN_CDR.fullmatch(path) if name == "CDR" else None
    if inner is not None:
        return is_priced("$" + inner.group(1), "Tariff")
    if path == "$":
        return True
    return any(
        path == p or path.startswith(p + ".") or path.startswith(p + "[")
        for p in PRICED.get(name, ())
    )


def load_for_pricing(
    models: types.ModuleType, payload: Any, name: str, *, where: str = "", strict: bool = False
) -> tuple[Any, list[str]]:
    """``payload`` as the model ``name`` of ``models`` (a version package such as
    ``ocpi_sdk.v2_2_1``), and notes on the schema errors tolerated (see the module docstring).

    Raises :class:`UnusableInput` when a field pricing reads is unusable (any schema error under
    ``strict``).
    """
    version = models.__name__.rsplit(".v", 1)[-1].replace("_", ".")
    label = where or name
    problems = schemas.validate(payload, name, version=version)
    refused = [p for p in problems if strict or is_priced(p.path, name)]
    if refused:
        raise UnusableInput(label, refused)
    cls = getattr(models, name)
    notes = [f"{label}: {p} (not read by pricing)" for p in problems]
    try:
        return models.loads(payload, cls), notes
    except PayloadError as exc:
        first = list(exc.problems)
    repaired, stand_ins = _repair(payload, cls, [*problems, *first], name)
    try:
        model = models.loads(repaired, cls)
    except PayloadError as exc:
        raise UnusableInput(label, list(exc.problems)) from None
    notes += [f"{label}: {path} given a stand-in value to load it" for path in stand_ins]
    return model, notes


def _repair(
    payload: Any, cls: type, problems: Sequence[Problem], name: str
) -> tuple[Any, list[str]]:
    """A copy of ``payload`` with each field named by a problem outside the priced paths set
    to a stand-in of its type; the paths so changed."""
    data = _copy(payload)
    changed: list[str] = []
    for problem in problems:
        if is_priced(problem.path, name) or problem.path in changed:
            continue
        keys: list[str | int] = [k or int(i) for k, i in _KEYS.findall(problem.path)]
        if not keys or not _set(data, cls, keys):
            continue
        changed.append(problem.path)
    return data, changed


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _set(data: Any, cls: Any, keys: Sequence[str | int]) -> bool:
    """Put a stand-in at ``keys`` in ``data`` (shaped like ``cls``); False when it cannot."""
    node, kind = data, cls
    for position, key in enumerate(keys):
        last = position == len(keys) - 1
        kind = _inner(kind, key)
        if kind is _NOWHERE:
            return False
        if last:
            if isinstance(key, int) and isinstance(node, list) and key < len(node):
                node[key] = _stand_in(kind)
                return True
            if isinstance(key, str) and isinstance(node, dict):
                node[key] = _stand_in(kind)
                return True
            return False
        node = node.get(key) if isinstance(key, str) and isinstance(node, dict) else (
            node[key] if isinstance(key, int) and isinstance(node, list) and key < len(node)
            else None
        )  # fmt: skip
        if node is None:
            return False
    return False


_NOWHERE = object()


def _strip_optional(kind: Any) -> Any:
    if get_origin(kind) in (Union, types.UnionType):
        args = [a for a in get_args(kind) if a is not type(None)]
        return args[0] if len(args) == 1 else kind
    return kind


def _inner(kind: Any, key: str | int) -> Any:
    kind = _strip_optional(kind)
    if isinstance(key, int):
        args = get_args(kind)
        return args[0] if get_origin(kind) is list and args else _NOWHERE
    if not attrs.has(kind):
        return _NOWHERE
    fields = attrs.fields_dict(kind)
    field = fields.get(key) or fields.get(key + "_")
    return _NOWHERE if field is None else field.type


def _stand_in(kind: Any) -> Any:
    """The plainest JSON value of ``kind``: ``None`` when optional, else an empty string, 0,
    false, the first enum value, the epoch, an empty list or an object of stand-ins."""
    if get_origin(kind) in (Union, types.UnionType) and type(None) in get_args(kind):
        return None
    kind = _strip_optional(kind)
    if get_origin(kind) is list:
        return []
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return next(iter(kind)).value
    if kind is datetime:
        return "1970-01-01T00:00:00Z"
    if kind is bool:
        return False
    if kind in (int, Decimal):
        return 0
    if attrs.has(kind):
        return {
            f.name.rstrip("_"): _stand_in(f.type)
            for f in attrs.fields(kind)
            if f.default is attrs.NOTHING
        }
    return ""
