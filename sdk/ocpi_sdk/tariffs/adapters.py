"""One small adapter per OCPI version: generated models in, engine views (:mod:`.model`) out.

This is the only module of the engine that knows the field names of each version (2.1.1
``stop_date_time``/``location``/plain-number totals, 2.2.1 ``end_date_time``/``cdr_location``/
Price totals). :data:`RULES` holds the few rules that differ between versions as data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import attrs

from ocpi_sdk import v2_1_1, v2_2_1
from ocpi_sdk.tariffs.errors import TariffError
from ocpi_sdk.tariffs.model import (
    Component,
    Element,
    Money,
    PeriodView,
    Reservation,
    Restrictions,
    TariffView,
    UsageView,
)

__all__ = [
    "RULES",
    "VersionRules",
    "location_facts",
    "tariff_view",
    "usage_view",
    "version_of",
]

_DAYS = {
    "MONDAY": 1,
    "TUESDAY": 2,
    "WEDNESDAY": 3,
    "THURSDAY": 4,
    "FRIDAY": 5,
    "SATURDAY": 6,
    "SUNDAY": 7,
}
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
_DATE = re.compile(r"[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")


@attrs.frozen
class VersionRules:
    """What differs between versions when pricing.

    - ``vat``: totals are Price objects with ``incl_vat`` (2.2.1), or plain numbers excluding VAT
      (2.1.1).
    - ``step_groups``: the groups of dimensions that ``step_size`` rounds once per session; each is
      ``(reservation, dimensions)``. In 2.2.1 TIME and PARKING_TIME form one group (only the
      dimension of the last priced time-based period is rounded, mod_cdrs "step_size"); 2.1.1 says
      only "billed in step_size blocks", which we read as each dimension's session total.
    """

    version: str
    vat: bool
    step_groups: tuple[tuple[bool, frozenset[str]], ...]


RULES: dict[str, VersionRules] = {
    "2.1.1": VersionRules(
        "2.1.1",
        vat=False,
        step_groups=(
            (False, frozenset({"ENERGY"})),
            (False, frozenset({"TIME"})),
            (False, frozenset({"PARKING_TIME"})),
        ),
    ),
    "2.2.1": VersionRules(
        "2.2.1",
        vat=True,
        step_groups=(
            (False, frozenset({"ENERGY"})),
            (False, frozenset({"TIME", "PARKING_TIME"})),
            (True, frozenset({"TIME"})),
        ),
    ),
}


def _time(value: str | None, tariff_id: str, name: str) -> time | None:
    if value is None:
        return None
    if not _TIME.fullmatch(value):
        raise TariffError(f"tariff {tariff_id!r}: {name} {value!r} is not a 24h time HH:MM")
    return time(int(value[:2]), int(value[3:]))


def _date(value: str | None, tariff_id: str, name: str) -> date | None:
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise TariffError(f"tariff {tariff_id!r}: {name} {value!r} is not a date YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise TariffError(f"tariff {tariff_id!r}: {name} {value!r} is no such date") from None


def _money(price: Any) -> Money | None:
    if price is None:
        return None
    return Money(price.excl_vat, price.incl_vat)


def _restrictions(raw: Any, tariff_id: str) -> Restrictions | None:
    if raw is None:
        return None
    reservation = getattr(raw, "reservation", None)
    days = raw.day_of_week
    return Restrictions(
        start_time=_time(raw.start_time, tariff_id, "start_time"),
        end_time=_time(raw.end_time, tariff_id, "end_time"),
        start_date=_date(raw.start_date, tariff_id, "start_date"),
        end_date=_date(raw.end_date, tariff_id, "end_date"),
        min_kwh=raw.min_kwh,
        max_kwh=raw.max_kwh,
        min_current=getattr(raw, "min_current", None),
        max_current=getattr(raw, "max_current", None),
        min_power=raw.min_power,
        max_power=raw.max_power,
        min_duration=raw.min_duration,
        max_duration=raw.max_duration,
        days=frozenset(_DAYS[str(d)] for d in days) if days else None,
        reservation=Reservation(str(reservation)) if reservation is not None else None,
    )


def tariff_view(tariff: v2_2_1.Tariff | v2_1_1.Tariff) -> TariffView:
    """The engine's view of a Tariff of either version."""
    if not isinstance(tariff, v2_2_1.Tariff | v2_1_1.Tariff):
        raise TariffError(f"not an OCPI Tariff model: {type(tariff).__name__}")
    raw_elements: list[Any] = list(tariff.elements)
    elements = tuple(
        Element(
            index=index,
            components=tuple(
                Component(str(c.type), c.price, getattr(c, "vat", None), c.step_size)
                for c in element.price_components
            ),
            restrictions=_restrictions(element.restrictions, tariff.id),
        )
        for index, element in enumerate(raw_elements)
    )
    return TariffView(
        id=tariff.id,
        currency=tariff.currency,
        elements=elements,
        min_price=_money(getattr(tariff, "min_price", None)),
        max_price=_money(getattr(tariff, "max_price", None)),
        start=getattr(tariff, "start_date_time", None),
        end=getattr(tariff, "end_date_time", None),
    )


def _periods(periods: Sequence[Any] | None) -> tuple[PeriodView, ...]:
    return tuple(
        PeriodView(
            start=p.start_date_time,
            dims={str(d.type): d.volume for d in p.dimensions},
            tariff_id=getattr(p, "tariff_id", None),
        )
        for p in periods or ()
    )


def _flatten(name: str, value: Any, into: dict[str, Decimal]) -> None:
    if value is None:
        return
    if isinstance(value, Decimal | int):
        into[name] = Decimal(value)
        return
    into[f"{name}.excl_vat"] = value.excl_vat
    if value.incl_vat is not None:
        into[f"{name}.incl_vat"] = value.incl_vat


_CDR_TOTALS = (
    "total_cost",
    "total_fixed_cost",
    "total_energy",
    "total_energy_cost",
    "total_time",
    "total_time_cost",
    "total_parking_time",
    "total_parking_cost",
    "total_reservation_cost",
)


def _reported(obj: Any, names: Sequence[str]) -> dict[str, Decimal]:
    into: dict[str, Decimal] = {}
    for name in names:
        _flatten(name, getattr(obj, name, None), into)
    return into


def _session_end(
    start: datetime, end: datetime | None, last_updated: datetime
) -> tuple[datetime, tuple[str, ...]]:
    if end is not None:
        return end, ()
    moment = max(start, last_updated)
    return moment, (f"the session has no end yet: priced until last_updated {moment.isoformat()}",)


def _cdr_221(cdr: v2_2_1.CDR) -> UsageView:
    return UsageView(
        kind="CDR",
        id=cdr.id,
        start=cdr.start_date_time,
        end=cdr.end_date_time,
        currency=cdr.currency,
        periods=_periods(cdr.charging_periods),
        tariffs=tuple(tariff_view(t) for t in cdr.tariffs or ()),
        total_energy=cdr.total_energy,
        country=cdr.cdr_location.country,
        reported=_reported(cdr, _CDR_TOTALS),
    )


def _cdr_211(cdr: v2_1_1.CDR) -> UsageView:
    return UsageView(
        kind="CDR",
        id=cdr.id,
        start=cdr.start_date_time,
        end=cdr.stop_date_time,
        currency=cdr.currency,
        periods=_periods(cdr.charging_periods),
        tariffs=tuple(tariff_view(t) for t in cdr.tariffs or ()),
        total_energy=cdr.total_energy,
        time_zone=cdr.location.time_zone,
        country=cdr.location.country,
        reported=_reported(cdr, _CDR_TOTALS),
    )


def _session_221(session: v2_2_1.Session) -> UsageView:
    end, notes = _session_end(session.start_date_time, session.end_date_time, session.last_updated)
    return UsageView(
        kind="Session",
        id=session.id,
        start=session.start_date_time,
        end=end,
        currency=session.currency,
        periods=_periods(session.charging_periods)
        or (PeriodView(session.start_date_time, {"ENERGY": session.kwh}),),
        tariffs=(),
        total_energy=session.kwh,
        reported=_reported(session, ("total_cost",)),
        notes=notes,
    )


def _session_211(session: v2_1_1.Session) -> UsageView:
    end, notes = _session_end(session.start_datetime, session.end_datetime, session.last_updated)
    return UsageView(
        kind="Session",
        id=session.id,
        start=session.start_datetime,
        end=end,
        currency=session.currency,
        periods=_periods(session.charging_periods)
        or (PeriodView(session.start_datetime, {"ENERGY": session.kwh}),),
        tariffs=(),
        total_energy=session.kwh,
        time_zone=session.location.time_zone,
        country=session.location.country,
        reported=_reported(session, ("total_cost",)),
        notes=notes,
    )


_USAGE: dict[type, tuple[str, Callable[[Any], UsageView]]] = {
    v2_2_1.CDR: ("2.2.1", _cdr_221),
    v2_2_1.Session: ("2.2.1", _session_221),
    v2_1_1.CDR: ("2.1.1", _cdr_211),
    v2_1_1.Session: ("2.1.1", _session_211),
}
_OTHER: dict[type, str] = {
    v2_2_1.Tariff: "2.2.1",
    v2_1_1.Tariff: "2.1.1",
    v2_2_1.Location: "2.2.1",
    v2_1_1.Location: "2.1.1",
}


def version_of(obj: object) -> str:
    """The OCPI version of a CDR, Session, Tariff or Location model, or :class:`TariffError`."""
    kind = type(obj)
    if kind in _USAGE:
        return _USAGE[kind][0]
    if kind in _OTHER:
        return _OTHER[kind]
    raise TariffError(
        f"cannot price with a {kind.__name__}: expected an OCPI 2.1.1 or 2.2.1 CDR, Session, "
        "Tariff or Location model (load JSON with ocpi_sdk.v2_2_1.loads)"
    )


def usage_view(obj: object) -> UsageView:
    """The engine's view of a CDR or Session of either version."""
    entry = _USAGE.get(type(obj))
    if entry is None:
        raise TariffError(
            f"cannot price a {type(obj).__name__}: expected an OCPI 2.1.1 or 2.2.1 CDR or Session"
        )
    return entry[1](obj)


def location_facts(location: v2_2_1.Location | v2_1_1.Location) -> tuple[str | None, str]:
    """``(time_zone, country)`` of a Location of either version."""
    if not isinstance(location, v2_2_1.Location | v2_1_1.Location):
        raise TariffError(f"not an OCPI Location model: {type(location).__name__}")
    return location.time_zone, location.country
