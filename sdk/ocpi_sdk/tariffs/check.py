"""Check the totals a CDR states against the price computed from its tariffs."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, DecimalException, localcontext
from typing import Any

import attrs

from ocpi_sdk.tariffs import adapters
from ocpi_sdk.tariffs.errors import CannotVerify, TariffError
from ocpi_sdk.tariffs.pricer import PRECISION, price
from ocpi_sdk.tariffs.result import PriceResult

__all__ = ["Difference", "check_cdr", "compare"]


@attrs.frozen
class Difference:
    """A total on which the CDR and the computation disagree by more than the tolerance.

    ``field`` is flattened like ``total_cost.incl_vat`` (2.2.1), ``total_cost.before_taxes`` or
    ``total_cost.after_taxes`` (2.3.0) or ``total_cost`` (2.1.1). A 2.3.0 CDR's ``after_taxes`` is
    its Price's ``before_taxes`` plus the ``amount`` of each of its ``taxes``.
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

    Raises :class:`~ocpi_sdk.tariffs.errors.CannotVerify` (a :class:`TariffError`) when
    ``result.unverifiable`` says the totals cannot be checked (a tariff in another currency, no
    tariff valid at the session's time), and :class:`TariffError` for an unusable CDR field.

    Only the totals the CDR states are compared (optional ones it leaves out are skipped): the
    costs, ``total_energy`` (kWh), ``total_time`` and ``total_parking_time`` (hours), all with the
    same ``tolerance``.

    OCPI 2.3.0 Prices: ``before_taxes`` is always compared; ``after_taxes`` (``before_taxes`` plus
    the sum of the ``taxes`` amounts) only when the Price lists ``taxes`` (an empty list means no
    taxes). A side the tariff cannot tell (taxes at a rate it does not give, see
    :class:`~ocpi_sdk.tariffs.result.PriceResult`) is not compared: for a tariff with
    ``tax_included`` NO and no ``vat`` only ``before_taxes`` is checked, with YES and no ``vat``
    only ``after_taxes``.
    """
    if not tolerance.is_finite() or tolerance < 0:
        raise TariffError(f"tolerance {tolerance} must be a finite number of at least 0")
    usage = adapters.usage_view(cdr)
    if result.unverifiable:
        raise CannotVerify(usage.id, result.unverifiable)
    computed = result.fields()
    differences = []
    with localcontext(prec=PRECISION):
        try:
            for name, stated in usage.reported.items():
                value = computed.get(name)
                if value is not None and abs(stated - value) > tolerance:
                    differences.append(Difference(name, stated, value))
        except DecimalException as exc:  # inputs are checked; this is the last guard
            raise TariffError(f"the totals cannot be compared exactly: {exc!r}") from None
    return differences


def check_cdr(
    cdr: Any,
    tariffs: Sequence[Any] | None = None,
    *,
    tolerance: Decimal = Decimal("0.01"),
    time_zone: str | None = None,
    location: Any = None,
) -> list[Difference]:
    """Price ``cdr`` (2.1.1, 2.2.1 or 2.3.0 model) with ``tariffs`` (default: the CDR's own) and
    return the totals it gets wrong; an empty list means the CDR is right within ``tolerance``.

    Raises what :func:`ocpi_sdk.tariffs.price` raises.
    """
    result = price(None, cdr, tariffs=tariffs, time_zone=time_zone, location=location)
    return compare(result, cdr, tolerance=tolerance)
