"""``ocpi price``: price a CDR with its tariffs and check the totals it states.

``--format json`` prints ``computed`` (the totals: numbers in 2.1.1, ``{"excl_vat", "incl_vat"}``
in 2.2.1, ``{"before_taxes", "after_taxes"}`` in 2.3.0 with ``null`` for an amount the tariff
cannot tell), ``breakdown`` (one object per line, ``cost`` shaped like the totals),
``differences`` (``field`` flattened like ``total_cost.after_taxes``), ``notes`` (schema errors in
fields pricing does not read come first) and ``unverifiable`` (why the CDR cannot be checked:
then the exit status is 2).

Without ``--strict``, a CDR, Tariff or Location whose schema errors are all in fields pricing does
not read is priced (:mod:`ocpi_sdk.tariffs.loading`); with it, any schema error refuses.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Any

import attrs

from ocpi_sdk import schemas
from ocpi_sdk.cli._common import UsageError, read_json
from ocpi_sdk.tariffs import CannotVerify, Difference, PriceResult, TariffError, compare, price
from ocpi_sdk.tariffs.loading import UnusableInput, load_for_pricing

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``price`` sub-command to ``commands`` (an argparse sub-parsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "price",
        help="price a CDR with its tariffs and check its totals",
        description=(
            "Compute the cost of the CDR in --cdr under the tariffs in --tariff (default: the "
            "tariffs inside the CDR), print the breakdown and the totals on which the CDR "
            "differs. Exit 0 when the CDR's totals match, 1 when they do not, 2 on bad input "
            "or when the CDR cannot be verified (a tariff in another currency, no tariff valid "
            "at the session's time)."
        ),
    )
    parser.add_argument("--version", required=True, help="OCPI version: 2.1.1, 2.2.1 or 2.3.0")
    parser.add_argument(
        "--tariff",
        action="append",
        metavar="FILE",
        help="a Tariff, or a JSON array of Tariffs; may be repeated (default: the CDR's tariffs)",
    )
    parser.add_argument("--cdr", required=True, metavar="FILE", help="the CDR (- for stdin)")
    zone = parser.add_mutually_exclusive_group()
    zone.add_argument("--time-zone", metavar="ZONE", help="IANA zone, e.g. Europe/Amsterdam")
    zone.add_argument("--location", metavar="FILE", help="the Location, for its time_zone")
    parser.add_argument(
        "--tolerance", default="0.01", help="largest difference accepted (default 0.01)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="refuse any schema error (default: errors in fields pricing does not read are "
        "listed as notes and the CDR is priced)",
    )
    parser.set_defaults(run=run)


def _models(version: str) -> ModuleType:
    known = schemas.versions()
    if version not in known:
        raise UsageError(f"unknown OCPI version {version!r}; known: {', '.join(known)}")
    return importlib.import_module(f"ocpi_sdk.v{version.replace('.', '_')}")


def _load(
    models: ModuleType, payload: Any, name: str, where: str, strict: bool, notes: list[str]
) -> Any:
    try:
        model, tolerated = load_for_pricing(models, payload, name, where=where, strict=strict)
    except UnusableInput as exc:
        for problem in exc.problems:
            print(f"{where}: {problem.path}: {problem.message}", file=sys.stderr)
        count = len(exc.problems)
        version = models.__name__.rsplit(".v", 1)[-1].replace("_", ".")
        where_ = "" if strict else " in fields pricing reads"
        raise UsageError(
            f"{where}: not a valid OCPI {version} {name} "
            f"({count} problem{'s' if count != 1 else ''}{where_})"
        ) from None
    notes.extend(tolerated)
    return model


def _tolerance(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise UsageError(f"--tolerance {text!r} is not a number") from None
    if not value.is_finite() or value < 0:
        raise UsageError(f"--tolerance {text!r} must be a number of at least 0")
    return value


def run(args: argparse.Namespace) -> int:
    """Carry out ``ocpi price``; returns the exit status (0 match, 1 differences)."""
    version: str = args.version
    models = _models(version)
    tolerance = _tolerance(args.tolerance)
    strict: bool = args.strict
    notes: list[str] = []
    cdr = _load(models, read_json(args.cdr), "CDR", args.cdr, strict, notes)
    tariffs = []
    for name in args.tariff or ():
        payload = read_json(name)
        if isinstance(payload, list):
            for index, item in enumerate(payload):
                tariffs.append(_load(models, item, "Tariff", f"{name}[{index}]", strict, notes))
        else:
            tariffs.append(_load(models, payload, "Tariff", name, strict, notes))
    location = None
    if args.location:
        location = _load(models, read_json(args.location), "Location", args.location, strict, notes)
    try:
        result = price(
            None, cdr, tariffs=tariffs or None, time_zone=args.time_zone, location=location
        )
    except TariffError as exc:
        raise UsageError(str(exc)) from None
    result = attrs.evolve(result, notes=(*notes, *result.notes))
    try:
        differences = compare(result, cdr, tolerance=tolerance)
    except CannotVerify as exc:
        _show(result, [], args.format, tolerance)
        raise UsageError(str(exc)) from None
    except TariffError as exc:
        raise UsageError(str(exc)) from None
    _show(result, differences, args.format, tolerance)
    return 1 if differences else 0


def _show(
    result: PriceResult, differences: list[Difference], form: str, tolerance: Decimal
) -> None:
    if form == "json":
        print(json.dumps(_document(result, differences), indent=2))
        return
    print(result.table())
    print()
    if result.unverifiable:
        return
    if differences:
        print(f"the CDR differs from the computed totals (tolerance {tolerance}):")
        for difference in differences:
            print(f"  {difference}")
    else:
        print(f"the CDR's totals match the computed ones (tolerance {tolerance})")


def _number(value: Decimal) -> float | int:
    return int(value) if value == value.to_integral_value() else float(value)


def _document(result: PriceResult, differences: list[Difference]) -> dict[str, Any]:
    return {
        "computed": result.ocpi_totals(),
        "breakdown": [line.as_json(result.vat, result.names) for line in result.breakdown],
        "differences": [
            {"field": d.field, "cdr": _number(d.cdr), "computed": _number(d.computed)}
            for d in differences
        ],
        "notes": list(result.notes),
        "unverifiable": list(result.unverifiable),
    }
