"""``ocpi price``: price a CDR with its tariffs and check the totals it states.

``--format json`` prints ``computed`` (the totals: numbers in 2.1.1, ``{"excl_vat", "incl_vat"}``
in 2.2.1, ``{"before_taxes", "after_taxes"}`` in 2.3.0 with ``null`` for an amount the tariff
cannot tell), ``breakdown`` (one object per line, ``cost`` shaped like the totals),
``differences`` (``field`` flattened like ``total_cost.after_taxes``) and ``notes``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Any

from ocpi_sdk import schemas
from ocpi_sdk.cli._common import UsageError, read_json
from ocpi_sdk.errors import PayloadError
from ocpi_sdk.tariffs import Difference, PriceResult, TariffError, compare, price

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add the ``price`` sub-command to ``commands`` (an argparse sub-parsers object)."""
    parser: argparse.ArgumentParser = commands.add_parser(
        "price",
        help="price a CDR with its tariffs and check its totals",
        description=(
            "Compute the cost of the CDR in --cdr under the tariffs in --tariff (default: the "
            "tariffs inside the CDR), print the breakdown and the totals on which the CDR "
            "differs. Exit 0 when the CDR's totals match, 1 when they do not, 2 on bad input."
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
    parser.set_defaults(run=run)


def _models(version: str) -> ModuleType:
    known = schemas.versions()
    if version not in known:
        raise UsageError(f"unknown OCPI version {version!r}; known: {', '.join(known)}")
    return importlib.import_module(f"ocpi_sdk.v{version.replace('.', '_')}")


def _load(models: ModuleType, payload: Any, name: str, version: str, where: str) -> Any:
    problems = schemas.validate(payload, name, version=version)
    if not problems:
        try:
            return models.loads(payload, getattr(models, name))
        except PayloadError as exc:
            problems = list(exc.problems)
    for problem in problems:
        print(f"{where}: {problem.path}: {problem.message}", file=sys.stderr)
    count = len(problems)
    raise UsageError(
        f"{where}: not a valid OCPI {version} {name} ({count} problem{'s' if count != 1 else ''})"
    )


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
    cdr = _load(models, read_json(args.cdr), "CDR", version, args.cdr)
    tariffs = []
    for name in args.tariff or ():
        payload = read_json(name)
        if isinstance(payload, list):
            for index, item in enumerate(payload):
                tariffs.append(_load(models, item, "Tariff", version, f"{name}[{index}]"))
        else:
            tariffs.append(_load(models, payload, "Tariff", version, name))
    location = None
    if args.location:
        location = _load(models, read_json(args.location), "Location", version, args.location)
    try:
        result = price(
            None, cdr, tariffs=tariffs or None, time_zone=args.time_zone, location=location
        )
    except TariffError as exc:
        raise UsageError(str(exc)) from None
    differences = compare(result, cdr, tolerance=tolerance)
    if args.format == "json":
        print(json.dumps(_document(result, differences), indent=2))
    else:
        print(result.table())
        print()
        if differences:
            print(f"the CDR differs from the computed totals (tolerance {tolerance}):")
            for difference in differences:
                print(f"  {difference}")
        else:
            print(f"the CDR's totals match the computed ones (tolerance {tolerance})")
    return 1 if differences else 0


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
    }
