"""What pricing returns: :class:`PriceResult` with the OCPI totals, a readable breakdown and notes.

Rounding: amounts are computed exactly (Decimal, 28 digits) and only the totals are rounded, to 4
decimals half-up, the precision of the OCPI ``number`` type ("numbers use 4 decimals", types
chapter). The spec leaves price rounding to law and contracts, so nothing is rounded to cents.
Breakdown lines keep their exact values; ``__str__`` prints them with 4 decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

import attrs

from ocpi_sdk.tariffs.model import EXCL_INCL_VAT, ZERO, Money, PriceNames

__all__ = ["Line", "PriceResult", "quantize"]

_PLACES = Decimal("0.0001")
_NOISE = Decimal("1e-30")
_DIGITS = 200
_UNITS = {"ENERGY": "kWh", "TIME": "h", "PARKING_TIME": "h", "FLAT": ""}
_DIVISORS = {"ENERGY": Decimal(1000), "TIME": Decimal(3600), "PARKING_TIME": Decimal(3600)}


def quantize(value: Decimal) -> Decimal:
    """``value`` rounded half-up to 4 decimals, the precision of OCPI numbers.

    It is first rounded to 30 decimals: splitting a period divides its volumes exactly only up
    to the 100 digits the engine computes with, and that noise must not tip an amount that is
    exactly half a unit of the 4th decimal."""
    with localcontext(prec=_DIGITS):
        return value.quantize(_NOISE).quantize(_PLACES, rounding=ROUND_HALF_UP)


@attrs.frozen
class Line:
    """One line of the breakdown: a dimension priced by one price component over a stretch of
    the session.

    ``base_volume`` is in the step_size unit (Wh for ENERGY, seconds for TIME and PARKING_TIME,
    1 for FLAT); ``volume`` in the price unit (kWh, hours). ``element`` is the index (from 0) of
    the TariffElement in ``tariff_id``'s list. ``reservation`` marks reservation costs; ``step``
    marks the amount added by step_size rounding. ``tax_included`` and ``other_taxes`` come from
    the price component (:class:`~ocpi_sdk.tariffs.model.Component`): whether ``price`` includes
    the taxes, and whether taxes at a rate the tariff does not give apply.
    """

    start: datetime
    end: datetime
    tariff_id: str
    element: int
    dimension: str
    base_volume: Decimal
    price: Decimal
    vat: Decimal | None
    step_size: int = 1
    reservation: bool = False
    step: bool = False
    tax_included: bool = False
    other_taxes: bool = False

    @property
    def volume(self) -> Decimal:
        """The volume in the unit the price is per (kWh, hours, or 1 for FLAT)."""
        divisor = _DIVISORS.get(self.dimension)
        return self.base_volume / divisor if divisor else self.base_volume

    @property
    def unit(self) -> str:
        """``kWh``, ``h`` or empty (FLAT)."""
        return _UNITS.get(self.dimension, "")

    @property
    def cost(self) -> Money:
        """``volume * price`` before and after taxes.

        The amount is before taxes and ``vat`` is added on top; with ``tax_included`` it is after
        taxes and the part before is ``amount / (1 + vat / 100)``. Without ``vat`` both sides are
        the amount, unless ``other_taxes``: then the side the amount is not is unknown (``None``).
        A zero amount is zero on both sides.
        """
        amount = self.volume * self.price
        if amount == 0:
            return Money(amount, amount)
        if self.vat is not None:
            rate = 1 + self.vat / 100
            other: Decimal | None = amount / rate if self.tax_included else amount * rate
        else:
            other = None if self.other_taxes else amount
        return Money(other, amount) if self.tax_included else Money(amount, other)

    @property
    def label(self) -> str:
        """The dimension as printed: ``TIME``, ``TIME (reservation)``, ``PARKING_TIME (step)``."""
        extra = [w for w, on in (("reservation", self.reservation), ("step", self.step)) if on]
        return self.dimension + (f" ({', '.join(extra)})" if extra else "")

    def as_json(self, vat: bool, names: PriceNames = EXCL_INCL_VAT) -> dict[str, Any]:
        """This line as JSON-ready data (numbers as JSON numbers, rounded to 4 decimals; ``cost``
        a number without ``vat``, else an object with the two amounts ``names`` gives, ``null``
        when unknown)."""
        cost = self.cost
        data: dict[str, Any] = {
            "start": self.start.isoformat().replace("+00:00", "Z"),
            "end": self.end.isoformat().replace("+00:00", "Z"),
            "tariff_id": self.tariff_id,
            "element": self.element,
            "dimension": self.dimension,
            "reservation": self.reservation,
            "step_size_rounding": self.step,
            "volume": _number(self.volume),
            "unit": self.unit,
            "price": _number(self.price),
            "step_size": self.step_size,
            "cost": _money_json(cost, vat, names),
        }
        if vat:
            data["vat"] = _number(self.vat) if self.vat is not None else None
        return data


def _number(value: Decimal) -> float | int:
    rounded = quantize(value)
    return int(rounded) if rounded == rounded.to_integral_value() else float(rounded)


def _maybe(value: Decimal | None) -> float | int | None:
    return None if value is None else _number(value)


def _money_json(money: Money, vat: bool, names: PriceNames) -> Any:
    if not vat:
        return _maybe(money.excl_vat)
    before, after = names.fields
    return {before: _maybe(money.excl_vat), after: _maybe(money.incl_vat)}


def _text(value: Decimal | None, unknown: str = "?") -> str:
    return unknown if value is None else str(value)


_COST_FIELDS = (
    "total_cost",
    "total_fixed_cost",
    "total_energy_cost",
    "total_time_cost",
    "total_parking_cost",
    "total_reservation_cost",
)
_AMOUNT_FIELDS = ("total_energy", "total_time", "total_parking_time")


@attrs.frozen
class PriceResult:
    """The price of a session or CDR under its tariffs.

    Totals follow the OCPI CDR fields: costs as :class:`Money` (``incl_vat`` is ``None`` for OCPI
    2.1.1, which has no VAT), ``total_energy`` in kWh, ``total_time`` (charging and parking) and
    ``total_parking_time`` in hours; all rounded to 4 decimals. ``total_cost`` includes
    ``min_price``/``max_price``, the per-dimension costs do not. ``breakdown`` lists the lines the
    totals are made of; ``notes`` say which time zone was used and why, and anything assumed.
    ``unverifiable`` gives the reasons, if any, why these totals cannot verify the document's
    (a tariff in another currency, no tariff valid at the session's time):
    :func:`~ocpi_sdk.tariffs.compare` refuses to compare then.

    OCPI 2.3.0 (``names`` is ``before_taxes``/``after_taxes``): each cost is read as
    ``money.before_taxes`` and ``money.after_taxes`` (the same two fields as ``excl_vat`` and
    ``incl_vat``). A price under ``tax_included`` NO is before taxes and its ``vat`` is added on
    top; under YES it is after taxes and the part before is ``price / (1 + vat / 100)``; under N/A
    both are the price. When a component has no ``vat`` under YES or NO, taxes at a rate the
    tariff does not give apply (North-American sales taxes), so the side the price is not is
    ``None`` (unknown), and so is every total that includes it; a note says so. The 2.3.0 totals
    are therefore not OCPI ``Price`` objects (whose tax list the engine cannot know) but the
    ``PriceLimit`` pair of 2.3.0.
    """

    version: str
    currency: str
    total_cost: Money
    total_fixed_cost: Money
    total_energy_cost: Money
    total_time_cost: Money
    total_parking_cost: Money
    total_reservation_cost: Money
    total_energy: Decimal
    total_time: Decimal
    total_parking_time: Decimal
    breakdown: tuple[Line, ...]
    notes: tuple[str, ...]
    time_zone: tzinfo | None = None
    vat: bool = True
    names: PriceNames = EXCL_INCL_VAT
    unverifiable: tuple[str, ...] = ()

    def fields(self) -> dict[str, Decimal]:
        """The totals flattened the way a CDR states them: ``total_cost.excl_vat`` and
        ``total_cost.incl_vat`` in 2.2.1, ``total_cost.before_taxes`` and
        ``total_cost.after_taxes`` in 2.3.0, ``total_cost`` (excl. VAT) in 2.1.1. Unknown amounts
        are left out, so nothing is compared with them."""
        out: dict[str, Decimal] = {}
        for name in _COST_FIELDS:
            money: Money = getattr(self, name)
            amounts = (money.excl_vat, money.incl_vat) if self.vat else (money.excl_vat,)
            keys = [f"{name}.{field}" for field in self.names.fields] if self.vat else [name]
            out.update((k, v) for k, v in zip(keys, amounts, strict=True) if v is not None)
        for name in _AMOUNT_FIELDS:
            out[name] = getattr(self, name)
        return out

    def ocpi_totals(self) -> dict[str, Any]:
        """The totals as JSON-ready data: numbers in 2.1.1, ``{"excl_vat", "incl_vat"}`` (a 2.2.1
        Price) in 2.2.1, ``{"before_taxes", "after_taxes"}`` (the shape of a 2.3.0 PriceLimit,
        ``null`` when unknown) in 2.3.0."""
        out: dict[str, Any] = {
            name: _money_json(getattr(self, name), self.vat, self.names) for name in _COST_FIELDS
        }
        for name in _AMOUNT_FIELDS:
            out[name] = _number(getattr(self, name))
        return out

    def _when(self, moment: datetime) -> str:
        local = moment.astimezone(self.time_zone) if self.time_zone else moment
        return local.strftime("%Y-%m-%d %H:%M:%S")

    def table(self) -> str:
        """The breakdown as a text table, followed by the totals and the notes."""
        zone = str(self.time_zone) if self.time_zone else "UTC"
        head = [f"start ({zone})", "end", "tariff", "el", "dimension", "volume", "price"]
        head += ["vat%", *self.names.fields] if self.vat else ["cost"]
        rows = [head]
        for line in self.breakdown:
            cost = line.cost
            row = [
                self._when(line.start),
                self._when(line.end),
                line.tariff_id,
                str(line.element),
                line.label,
                f"{quantize(line.volume)} {line.unit}".strip(),
                str(quantize(line.price)),
            ]
            amounts = (cost.excl_vat, cost.incl_vat) if self.vat else (cost.excl_vat,)
            if self.vat:
                row.append("-" if line.vat is None else str(line.vat))
            row += [_text(None if a is None else quantize(a)) for a in amounts]
            rows.append(row)
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        numeric = {5, 6, 7, 8, 9}
        text = [
            "  ".join(
                cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
                for i, cell in enumerate(row)
            ).rstrip()
            for row in rows
        ]
        text.insert(1, "  ".join("-" * w for w in widths))
        text.append("")
        before, after = self.names.labels
        for name in _COST_FIELDS:
            money = getattr(self, name)
            value = _text(money.excl_vat, "unknown")
            if self.vat:
                value += f" {before}, {_text(money.incl_vat, 'unknown')} {after}"
            text.append(f"{name + ':':<24}{value} {self.currency}")
        text.append(f"{'total_energy:':<24}{self.total_energy} kWh")
        text.append(f"{'total_time:':<24}{self.total_time} h")
        text.append(f"{'total_parking_time:':<24}{self.total_parking_time} h")
        text.extend(f"note: {note}" for note in self.notes)
        text.extend(f"cannot verify: {reason}" for reason in self.unverifiable)
        return "\n".join(text)

    def __str__(self) -> str:
        return self.table()


def sum_money(lines: Sequence[Line], vat: bool) -> Money:
    """The cost of ``lines``, rounded to 4 decimals (``incl_vat`` ``None`` when ``vat`` is
    false; either side ``None`` when a line's is unknown)."""
    total = sum((line.cost for line in lines), Money(ZERO, ZERO))
    excl, incl = total.excl_vat, total.incl_vat if vat else None
    return Money(None if excl is None else quantize(excl), None if incl is None else quantize(incl))
