"""Whether a TariffElement's restrictions hold at a moment of the session, and which price
component is active for a dimension.

Rules (OCPI 2.2.1 mod_tariffs, TariffRestrictions; 2.1.1 has the same fields minus current and
reservation):

- all restrictions set must hold (logical AND);
- ``start_time`` inclusive, ``end_time`` exclusive, local time of the Location; ``end_time`` before
  ``start_time`` wraps past midnight; ``end_time`` 00:00 means the end of the day; equal times
  mean the whole day;
- ``start_date`` inclusive, ``end_date`` exclusive, local date; ``day_of_week`` is the local
  day of the moment itself (a 22:00-06:00 range on FRIDAY does not reach into Saturday morning);
- ``min_kwh`` inclusive, ``max_kwh`` exclusive, energy charged so far in the session;
- ``min_duration`` inclusive, ``max_duration`` exclusive, seconds since the session started;
- ``min_power``/``min_current`` hold when the lowest value of the piece is at least the minimum,
  ``max_power``/``max_current`` when the highest value is below the maximum; a piece without such
  data does not satisfy them (noted). Parking and reservation pieces draw 0 kW and 0 A.
  Reading (the spec says only "When the EV is charging with more than, or equal to, the defined
  amount of power, this TariffElement is/becomes active"): when a period gives only ``MAX_POWER``
  (or only ``MIN_POWER``), or only the average ``POWER``, the value it gives stands in for the one
  it does not (lowest: ``MIN_``, else the average, else ``MAX_``; highest the other way round);
  with no power at all, the average ``ENERGY / TIME`` of the period. The notes say so whenever a
  power or current restriction was judged that way.

The active component of a dimension is that of the first element in list order that has a
component of the dimension and whose restrictions hold. Elements with a ``reservation``
restriction apply only to reservation time, others only outside it; for a reservation that
expired unused, ``RESERVATION_EXPIRES`` elements come before ``RESERVATION`` ones (spec note on
ReservationRestrictionType).
"""

from __future__ import annotations

from datetime import datetime, time
from decimal import Decimal

import attrs

from ocpi_sdk.tariffs.model import Component, Element, Reservation, Restrictions, TariffView
from ocpi_sdk.tariffs.periods import Measure, Phase

__all__ = ["Moment", "active_component", "holds"]

_MIDNIGHT = time(0, 0)


@attrs.frozen
class Moment:
    """The state of the session at the start of a piece."""

    phase: Phase
    local: datetime | None
    energy_so_far: Decimal
    seconds_so_far: Decimal
    power: Measure
    current: Measure
    expired_reservation: bool = False


def _in_time_range(start: time | None, end: time | None, now: time) -> bool:
    if start is None and end is None:
        return True
    if start is None:
        return end is None or end == _MIDNIGHT or now < end
    if end is None or end == _MIDNIGHT:
        return now >= start
    if start < end:
        return start <= now < end
    if end < start:
        return now >= start or now < end
    return True


def _within(
    low_limit: Decimal | None,
    high_limit: Decimal | None,
    measure: Measure,
    what: str,
    notes: set[str],
) -> bool:
    if low_limit is None and high_limit is None:
        return True
    if measure.stand_in is not None and (measure.low is not None or measure.high is not None):
        notes.add(f"{what} restrictions (reading): a period without MIN_/MAX_ values was judged "
                  f"with {measure.stand_in}")  # fmt: skip
    if low_limit is not None:
        if measure.low is None:
            notes.add(f"no {what} data in a period: elements restricted on {what} did not apply")
            return False
        if measure.low < low_limit:
            return False
    if high_limit is not None:
        if measure.high is None:
            notes.add(f"no {what} data in a period: elements restricted on {what} did not apply")
            return False
        if measure.high >= high_limit:
            return False
    return True


def holds(restrictions: Restrictions | None, moment: Moment, notes: set[str]) -> bool:
    """Whether every restriction (except ``reservation``, see :func:`active_component`) holds at
    ``moment``; reasons a restriction could not be judged are added to ``notes``."""
    r = restrictions
    if r is None:
        return True
    if r.local:
        local = moment.local
        if local is None:
            notes.add("local-time restrictions could not be judged without a time zone")
            return False
        if not _in_time_range(r.start_time, r.end_time, local.time()):
            return False
        if r.start_date is not None and local.date() < r.start_date:
            return False
        if r.end_date is not None and local.date() >= r.end_date:
            return False
        if r.days is not None and local.isoweekday() not in r.days:
            return False
    if r.min_kwh is not None and moment.energy_so_far < r.min_kwh:
        return False
    if r.max_kwh is not None and moment.energy_so_far >= r.max_kwh:
        return False
    if r.min_duration is not None and moment.seconds_so_far < r.min_duration:
        return False
    if r.max_duration is not None and moment.seconds_so_far >= r.max_duration:
        return False
    return _within(r.min_power, r.max_power, moment.power, "power", notes) and _within(
        r.min_current, r.max_current, moment.current, "current", notes
    )


def _candidates(tariff: TariffView, moment: Moment) -> list[Element]:
    def kind(element: Element) -> Reservation | None:
        return element.restrictions.reservation if element.restrictions else None

    if moment.phase is not Phase.RESERVATION:
        return [e for e in tariff.elements if kind(e) is None]
    ordered = [e for e in tariff.elements if kind(e) is Reservation.RESERVATION]
    if moment.expired_reservation:
        expires = [e for e in tariff.elements if kind(e) is Reservation.RESERVATION_EXPIRES]
        ordered = expires + ordered
    return ordered


def active_component(
    tariff: TariffView, dimension: str, moment: Moment, notes: set[str]
) -> tuple[Element, Component] | None:
    """The element and price component pricing ``dimension`` at ``moment``, or ``None`` when no
    element applies (then the dimension costs nothing)."""
    for element in _candidates(tariff, moment):
        component = element.component(dimension)
        if component is not None and holds(element.restrictions, moment, notes):
            return element, component
    return None
