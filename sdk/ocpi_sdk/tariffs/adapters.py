"""One small adapter per OCPI version: generated models in, engine views (:mod:`.model`) out.

This is the only module of the engine that knows the field names of each version (2.1.1
``stop_date_time``/``location``/plain-number totals, 2.2.1 ``end_date_time``/``cdr_location``/
Price totals with ``excl_vat``/``incl_vat``, 2.3.0 the same with Price ``before_taxes``/``taxes``,
PriceLimit and ``tax_included``). :data:`RULES` holds the few rules that differ between versions
as data; the tables at the end map each version's model classes to their readers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

import attrs

from ocpi_sdk import v2_1_1, v2_2_1, v2_3_0
from ocpi_sdk.tariffs.errors import TariffError
from ocpi_sdk.tariffs.model import (
    BEFORE_AFTER_TAXES,
    EXCL_INCL_VAT,
    Component,
    Element,
    Money,
    PeriodView,
    PriceNames,
    Reservation,
    Restrictions,
    TariffView,
    UsageView,
)

__all__ = [
    "RULES",
    "TaxReading",
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
class TaxReading:
    """How the prices of a tariff relate to taxes (one value of OCPI 2.3.0 ``tax_included``).

    - ``included``: the prices include the taxes; the part before taxes is
      ``price / (1 + vat / 100)``.
    - ``vat``: the ``vat`` of the price components applies (``False``: no taxes at all, ``vat``
      is ignored and noted).
    - ``unknown_without_vat``: a component without ``vat`` still bears taxes, at a rate the tariff
      does not give (North-American sales taxes), so the other side of its price is unknown;
      ``False``: no ``vat`` means no VAT, as in 2.2.1 ("If omitted, no VAT is applicable").
    """

    included: bool
    vat: bool = True
    unknown_without_vat: bool = False


_VAT_ON_TOP = TaxReading(included=False)


@attrs.frozen
class VersionRules:
    """What differs between versions when pricing.

    - ``vat``: totals are Price objects with two amounts (2.2.1, 2.3.0), or plain numbers
      excluding VAT (2.1.1).
    - ``names``: what the two amounts are called (``excl_vat``/``incl_vat`` in 2.2.1,
      ``before_taxes``/``after_taxes`` in 2.3.0).
    - ``step_groups``: the groups of dimensions that ``step_size`` rounds once per session; each is
      ``(reservation, dimensions)``. In 2.2.1 and 2.3.0 TIME and PARKING_TIME form one group (only
      the dimension of the last priced time-based period is rounded, mod_cdrs "step_size"); 2.1.1
      says only "billed in step_size blocks", which we read as each dimension's session total.
    - ``taxes``: how a tariff's prices relate to taxes, by its ``tax_included`` value (``None``
      for versions without that field: prices exclude VAT, the component's ``vat`` is added).
    """

    version: str
    vat: bool
    step_groups: tuple[tuple[bool, frozenset[str]], ...]
    names: PriceNames = EXCL_INCL_VAT
    taxes: Mapping[str | None, TaxReading] = attrs.field(factory=lambda: {None: _VAT_ON_TOP})


_ONE_TIME_GROUP = (
    (False, frozenset({"ENERGY"})),
    (False, frozenset({"TIME", "PARKING_TIME"})),
    (True, frozenset({"TIME"})),
)

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
    "2.2.1": VersionRules("2.2.1", vat=True, step_groups=_ONE_TIME_GROUP),
    "2.3.0": VersionRules(
        "2.3.0",
        vat=True,
        step_groups=_ONE_TIME_GROUP,
        names=BEFORE_AFTER_TAXES,
        taxes={
            "YES": TaxReading(included=True, unknown_without_vat=True),
            "NO": TaxReading(included=False, unknown_without_vat=True),
            "N/A": TaxReading(included=False, vat=False),
        },
    ),
}

_KNOWN = f"{', '.join(list(RULES)[:-1])} or {list(RULES)[-1]}"


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
    """A Price or PriceLimit of any version as :class:`Money` (see :data:`_PRICES`)."""
    if price is None:
        return None
    return _PRICES[type(price)](price)


def _price_230(price: v2_3_0.Price) -> Money:
    """A 2.3.0 Price: ``before_taxes``, and after taxes only when it lists its taxes."""
    if price.taxes is None:
        return Money(price.before_taxes)
    return Money(price.before_taxes, price.before_taxes + sum(t.amount for t in price.taxes))


_PRICES: dict[type, Callable[[Any], Money]] = {
    v2_2_1.Price: lambda p: Money(p.excl_vat, p.incl_vat),
    v2_3_0.Price: _price_230,
    v2_3_0.PriceLimit: lambda p: Money(p.before_taxes, p.after_taxes),
}


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


def _tax_reading(tariff: Any, rules: VersionRules) -> tuple[str | None, TaxReading]:
    raw = getattr(tariff, "tax_included", None)
    key = None if raw is None else str(raw)
    reading = rules.taxes.get(key)
    if reading is None:
        raise TariffError(f"tariff {tariff.id!r}: tax_included {key!r} is not known")
    return key, reading


def _component(raw: Any, reading: TaxReading) -> Component:
    vat: Decimal | None = getattr(raw, "vat", None)
    return Component(
        str(raw.type),
        raw.price,
        vat if reading.vat else None,
        raw.step_size,
        tax_included=reading.included,
        other_taxes=reading.unknown_without_vat and vat is None,
    )


def _tax_notes(
    tariff_id: str,
    key: str | None,
    reading: TaxReading,
    raw: Sequence[Any],
    elements: Sequence[Element],
) -> list[str]:
    notes = []
    if not reading.vat and any(getattr(c, "vat", None) is not None for c in raw):
        notes.append(f"tariff {tariff_id}: no taxes apply (tax_included {key}): vat ignored")
    if any(c.other_taxes and c.price != 0 for e in elements for c in e.components):
        side, word = ("before", "include") if reading.included else ("after", "exclude")
        notes.append(
            f"tariff {tariff_id}: prices {word} taxes (tax_included {key}) at a rate it does "
            f"not give (no vat): the cost {side} taxes is unknown"
        )
    return notes


def tariff_view(tariff: v2_3_0.Tariff | v2_2_1.Tariff | v2_1_1.Tariff) -> TariffView:
    """The engine's view of a Tariff of any version.

    With 2.3.0 ``tax_included`` YES the components are marked ``tax_included`` (their price
    includes the taxes); without ``vat`` under YES or NO they are marked ``other_taxes``; under
    N/A their ``vat`` is dropped. See :class:`TaxReading`.
    """
    version = _OTHER.get(type(tariff))
    if version is None or not isinstance(tariff, v2_3_0.Tariff | v2_2_1.Tariff | v2_1_1.Tariff):
        raise TariffError(f"not an OCPI Tariff model: {type(tariff).__name__}")
    key, reading = _tax_reading(tariff, RULES[version])
    raw_elements: list[Any] = list(tariff.elements)
    elements = tuple(
        Element(
            index=index,
            components=tuple(_component(c, reading) for c in element.price_components),
            restrictions=_restrictions(element.restrictions, tariff.id),
        )
        for index, element in enumerate(raw_elements)
    )
    raw = [c for element in raw_elements for c in element.price_components]
    return TariffView(
        id=tariff.id,
        currency=tariff.currency,
        elements=elements,
        min_price=_money(getattr(tariff, "min_price", None)),
        max_price=_money(getattr(tariff, "max_price", None)),
        start=getattr(tariff, "start_date_time", None),
        end=getattr(tariff, "end_date_time", None),
        notes=tuple(_tax_notes(tariff.id, key, reading, raw, elements)),
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


def _flatten(name: str, value: Any, names: PriceNames, into: dict[str, Decimal]) -> None:
    if value is None:
        return
    if isinstance(value, Decimal | int):
        into[name] = Decimal(value)
        return
    money = _PRICES[type(value)](value)
    for field, amount in zip(names.fields, (money.excl_vat, money.incl_vat), strict=True):
        if amount is not None:
            into[f"{name}.{field}"] = amount


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


def _reported(obj: Any, fields: Sequence[str], rules: VersionRules) -> dict[str, Decimal]:
    into: dict[str, Decimal] = {}
    for name in fields:
        _flatten(name, getattr(obj, name, None), rules.names, into)
    return into


def _session_end(
    start: datetime, end: datetime | None, last_updated: datetime
) -> tuple[datetime, tuple[str, ...]]:
    if end is not None:
        return end, ()
    moment = max(start, last_updated)
    return moment, (f"the session has no end yet: priced until last_updated {moment.isoformat()}",)


def _cdr(cdr: v2_3_0.CDR | v2_2_1.CDR, rules: VersionRules) -> UsageView:
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
        reported=_reported(cdr, _CDR_TOTALS, rules),
    )


def _cdr_211(cdr: v2_1_1.CDR, rules: VersionRules) -> UsageView:
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
        reported=_reported(cdr, _CDR_TOTALS, rules),
    )


def _session(session: v2_3_0.Session | v2_2_1.Session, rules: VersionRules) -> UsageView:
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
        reported=_reported(session, ("total_cost",), rules),
        notes=notes,
    )


def _session_211(session: v2_1_1.Session, rules: VersionRules) -> UsageView:
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
        reported=_reported(session, ("total_cost",), rules),
        notes=notes,
    )


_USAGE: dict[type, tuple[str, Callable[[Any, VersionRules], UsageView]]] = {
    v2_3_0.CDR: ("2.3.0", _cdr),
    v2_3_0.Session: ("2.3.0", _session),
    v2_2_1.CDR: ("2.2.1", _cdr),
    v2_2_1.Session: ("2.2.1", _session),
    v2_1_1.CDR: ("2.1.1", _cdr_211),
    v2_1_1.Session: ("2.1.1", _session_211),
}
_OTHER: dict[type, str] = {
    v2_3_0.Tariff: "2.3.0",
    v2_2_1.Tariff: "2.2.1",
    v2_1_1.Tariff: "2.1.1",
    v2_3_0.Location: "2.3.0",
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
        f"cannot price with a {kind.__name__}: expected an OCPI {_KNOWN} CDR, Session, "
        "Tariff or Location model (load JSON with ocpi_sdk.v2_3_0.loads, for example)"
    )


def usage_view(obj: object) -> UsageView:
    """The engine's view of a CDR or Session of any version."""
    entry = _USAGE.get(type(obj))
    if entry is None:
        raise TariffError(
            f"cannot price a {type(obj).__name__}: expected an OCPI {_KNOWN} CDR or Session"
        )
    version, read = entry
    return read(obj, RULES[version])


def location_facts(
    location: v2_3_0.Location | v2_2_1.Location | v2_1_1.Location,
) -> tuple[str | None, str]:
    """``(time_zone, country)`` of a Location of any version."""
    if not isinstance(location, v2_3_0.Location | v2_2_1.Location | v2_1_1.Location):
        raise TariffError(f"not an OCPI Location model: {type(location).__name__}")
    return location.time_zone, location.country
