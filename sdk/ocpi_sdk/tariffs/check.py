"""Check the totals a CDR states against the price computed from its tariffs."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from ocpi_sdk.tariffs import adapters
from ocpi_sdk.tariffs.pricer import price
from ocpi_sdk.tariffs.result import PriceResult

__all__ = ["Difference", "check_cdr", "compare"]


@attrs.frozen
class Difference:
    """A total on which the CDR and the computation disagree by more than the tolerance.

    ``field`` is flattened like ``total_cost.incl_vat`` (2.2.1) or ``total_cost`` (2.1.1).
    """

    field: str
    cdr: Decimal
    computed: Decimal

    def __str__(self) -> str:
        return f"{self.field}: CDR says {self.cdr}, computed {self.computed}"


def compare(
    result: PriceResult, cdr: Any, *, tolerance: Decimal = Decimal("0.01")
) -> list[Difference]:
    """The totals of ``cdr`` that differ from ``result`` by more than ``tolerance``.

    Only the totals the CDR states are compared (optional ones it leaves out are skipped): the
    costs, ``total_energy`` (kWh), ``total_time`` and ``total_parking_time`` (hours), all with the
    same ``tolerance``.
    """
    computed = result.fields()
    differences = []
    for name, stated in adapters.usage_view(cdr).reported.items():
        value = computed.get(name)
        if value is not None and abs(stated - value) > tolerance:
            differences.append(Difference(name, stated, value))
    return differences


def check_cdr(
    cdr: Any,
    tariffs: Sequence[Any] | None = None,
    *,
    tolerance: Decimal = Decimal("0.01"),
    time_zone: str | None = None,
    location: Any = None,
) -> list[Difference]:
    """Price ``cdr`` (2.1.1 or 2.2.1 model) with ``tariffs`` (default: the CDR's own) and return
    the totals it gets wrong; an empty list means the CDR is right within ``tolerance``.

    Raises what :func:`ocpi_sdk.tariffs.price` raises.
    """
    result = price(None, cdr, tariffs=tariffs, time_zone=time_zone, location=location)
    return compare(result, cdr, tolerance=tolerance)
