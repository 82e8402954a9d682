"""Version-free views of tariffs and charging sessions: what the engine works on.

The generated models of each OCPI version are turned into these small frozen classes by
:mod:`ocpi_sdk.tariffs.adapters`, so the rest of the engine never asks which version it prices.
Quantities keep the spec's units: energy in kWh, durations in hours in ``PeriodView.dims``;
times are aware UTC datetimes.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal

import attrs

__all__ = [
    "BEFORE_AFTER_TAXES",
    "EXCL_INCL_VAT",
    "Component",
    "Element",
    "Money",
    "PeriodView",
    "PriceNames",
    "Reservation",
    "Restrictions",
    "TariffView",
    "UsageView",
]


class Reservation(enum.StrEnum):
    """The ``reservation`` restriction of OCPI 2.2.1 and 2.3.0."""

    RESERVATION = "RESERVATION"
    RESERVATION_EXPIRES = "RESERVATION_EXPIRES"


@attrs.frozen
class Money:
    """An amount of money before and after taxes.

    OCPI 2.1.1 and 2.2.1 call the two amounts ``excl_vat`` and ``incl_vat``, OCPI 2.3.0 calls them
    ``before_taxes`` and ``after_taxes``; both pairs of names read the same two fields. ``None``
    means not known: ``incl_vat`` in 2.1.1 (no VAT in that version), or, in 2.3.0, the side a
    tariff cannot tell because its taxes are at a rate it does not give (North-American sales
    taxes: ``tax_included`` NO or YES with no ``vat``). OCPI 2.1.1 and 2.2.1 always have
    ``excl_vat``.
    """

    excl_vat: Decimal | None
    incl_vat: Decimal | None = None

    @property
    def before_taxes(self) -> Decimal | None:
        """``excl_vat`` under its OCPI 2.3.0 name."""
        return self.excl_vat

    @property
    def after_taxes(self) -> Decimal | None:
        """``incl_vat`` under its OCPI 2.3.0 name."""
        return self.incl_vat

    def __add__(self, other: Money) -> Money:
        return Money(_add(self.excl_vat, other.excl_vat), _add(self.incl_vat, other.incl_vat))


def _add(one: Decimal | None, other: Decimal | None) -> Decimal | None:
    return None if one is None or other is None else one + other


@attrs.frozen
class PriceNames:
    """How a version names the two amounts of a cost: ``fields`` in JSON and in flattened totals
    (``total_cost.excl_vat``), ``labels`` in text."""

    fields: tuple[str, str]
    labels: tuple[str, str]


EXCL_INCL_VAT = PriceNames(("excl_vat", "incl_vat"), ("excl. VAT", "incl. VAT"))
BEFORE_AFTER_TAXES = PriceNames(("before_taxes", "after_taxes"), ("before taxes", "after taxes"))

ZERO = Decimal(0)


@attrs.frozen
class Component:
    """A PriceComponent: ``dimension`` is ENERGY, FLAT, TIME or PARKING_TIME.

    ``tax_included``: ``price`` already includes the taxes (OCPI 2.3.0 ``tax_included`` YES), so
    the price before taxes is ``price / (1 + vat / 100)``. ``other_taxes``: taxes that ``vat``
    does not give apply at a rate the tariff does not state (OCPI 2.3.0, ``tax_included`` NO or
    YES with no ``vat``), so the other side of the price is unknown.
    """

    dimension: str
    price: Decimal
    vat: Decimal | None
    step_size: int
    tax_included: bool = False
    other_taxes: bool = False


@attrs.frozen
class Restrictions:
    """TariffRestrictions, parsed: times of day as :class:`datetime.time`, dates as
    :class:`datetime.date`, days of the week as ISO numbers (Monday 1 ... Sunday 7)."""

    start_time: time | None = None
    end_time: time | None = None
    start_date: date | None = None
    end_date: date | None = None
    min_kwh: Decimal | None = None
    max_kwh: Decimal | None = None
    min_current: Decimal | None = None
    max_current: Decimal | None = None
    min_power: Decimal | None = None
    max_power: Decimal | None = None
    min_duration: int | None = None
    max_duration: int | None = None
    days: frozenset[int] | None = None
    reservation: Reservation | None = None

    @property
    def local(self) -> bool:
        """True when the restriction depends on the Location's local time."""
        return bool(
            self.start_time or self.end_time or self.start_date or self.end_date or self.days
        )


@attrs.frozen
class Element:
    """A TariffElement with its position in the tariff's list (``index``, from 0)."""

    index: int
    components: tuple[Component, ...]
    restrictions: Restrictions | None = None

    def component(self, dimension: str) -> Component | None:
        """This element's price component of ``dimension`` (the first one), if any."""
        for component in self.components:
            if component.dimension == dimension:
                return component
        return None


@attrs.frozen
class TariffView:
    """A Tariff: its elements in list order, price limits and validity window (UTC).

    ``notes`` say how its taxes were read (OCPI 2.3.0 ``tax_included``), for the result's notes.
    """

    id: str
    currency: str
    elements: tuple[Element, ...]
    min_price: Money | None = None
    max_price: Money | None = None
    start: datetime | None = None
    end: datetime | None = None
    notes: tuple[str, ...] = ()

    @property
    def needs_local_time(self) -> bool:
        """True when some element has a time-of-day, date or day-of-week restriction."""
        return any(e.restrictions is not None and e.restrictions.local for e in self.elements)

    def valid_at(self, moment: datetime) -> bool:
        """Whether ``moment`` lies in ``[start_date_time, end_date_time)``."""
        return (self.start is None or self.start <= moment) and (
            self.end is None or moment < self.end
        )


@attrs.frozen
class PeriodView:
    """A ChargingPeriod: its start, its dimensions by type name, its ``tariff_id`` and its
    position (``index``, from 0) in the document's list."""

    start: datetime
    dims: Mapping[str, Decimal]
    tariff_id: str | None = None
    index: int = 0

    @property
    def label(self) -> str:
        """Where the period is in the document: ``charging_periods[2]``."""
        return f"charging_periods[{self.index}]"


@attrs.frozen
class UsageView:
    """A CDR or Session as the engine needs it.

    ``reported`` holds the totals the document states, flattened (``total_cost.excl_vat``, in
    2.3.0 ``total_cost.before_taxes`` and, when the Price lists its taxes,
    ``total_cost.after_taxes``: ``before_taxes`` plus the tax amounts), for
    :func:`ocpi_sdk.tariffs.check_cdr`. ``time_zone`` and ``country`` come from the location
    embedded in the document, when there is one.
    """

    kind: str
    id: str
    start: datetime
    end: datetime
    currency: str
    periods: tuple[PeriodView, ...]
    tariffs: tuple[TariffView, ...]
    total_energy: Decimal | None
    time_zone: str | None = None
    country: str | None = None
    reported: Mapping[str, Decimal] = attrs.field(factory=dict)
    notes: tuple[str, ...] = ()
