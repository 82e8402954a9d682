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
from ocpi_sdk.tariffs.periods import ADDITIVE, combine

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
_DIGITS = 28
_MAX_SECONDS = 10**10  # about 317 years: any duration beyond is not a real one


def number(value: Any, where: str, *, negative: bool = True) -> Decimal:
    """``value`` (a Decimal or int the engine reads) checked: finite, at most 28 significant
    digits and below 10**28 (what Decimal arithmetic keeps exact), and not negative unless
    ``negative``; otherwise :class:`TariffError` naming the field ``where``."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TariffError(f"{where}: {value!r} is not a number")
    amount = Decimal(value)
    if not amount.is_finite():
        raise TariffError(f"{where}: {value} is not a finite number")
    digits = "".join(map(str, amount.as_tuple().digits)).strip("0")
    if len(digits) > _DIGITS or amount.adjusted() >= _DIGITS:
        raise TariffError(
            f"{where}: {value} has more than {_DIGITS} significant digits or is 10**{_DIGITS} "
            "or more: it cannot be priced exactly"
        )
    if not negative and amount < 0:
        raise TariffError(f"{where}: {value} is negative")
    return amount


def _maybe(value: Any, where: str, *, negative: bool = True) -> Decimal | None:
    return None if value is None else number(value, where, negative=negative)


def _seconds(value: int | None, where: str) -> int | None:
    if value is None:
        return None
    number(value, where, negative=False)
    if value > _MAX_SECONDS:
        raise TariffError(f"{where}: {value} seconds is more than {_MAX_SECONDS}")
    return value


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


def _money(price: Any, where: str) -> Money | None:
    """A Price or PriceLimit of any version as :class:`Money` (see :data:`_PRICES`), its
    numbers checked (:func:`number`)."""
    if price is None:
        return None
    for name in ("excl_vat", "incl_vat", "before_taxes", "after_taxes"):
        _maybe(getattr(price, name, None), f"{where}.{name}")
    for index, tax in enumerate(getattr(price, "taxes", None) or ()):
        number(tax.amount, f"{where}.taxes[{index}].amount")
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


def _restrictions(raw: Any, tariff_id: str, where: str) -> Restrictions | None:
    if raw is None:
        return None
    reservation = getattr(raw, "reservation", None)
    days = raw.day_of_week

    def limit(name: str) -> Decimal | None:
        return _maybe(getattr(raw, name, None), f"tariff {tariff_id!r}: {where}.{name}")

    def duration(name: str) -> int | None:
        return _seconds(getattr(raw, name), f"tariff {tariff_id!r}: {where}.{name}")

    return Restrictions(
        start_time=_time(raw.start_time, tariff_id, "start_time"),
        end_time=_time(raw.end_time, tariff_id, "end_time"),
        start_date=_date(raw.start_date, tariff_id, "start_date"),
        end_date=_date(raw.end_date, tariff_id, "end_date"),
        min_kwh=limit("min_kwh"),
        max_kwh=limit("max_kwh"),
        min_current=limit("min_current"),
        max_current=limit("max_current"),
        min_power=limit("min_power"),
        max_power=limit("max_power"),
        min_duration=duration("min_duration"),
        max_duration=duration("max_duration"),
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


def _component(raw: Any, reading: TaxReading, where: str) -> Component:
    vat = _maybe(getattr(raw, "vat", None), f"{where}.vat", negative=False)
    step = raw.step_size
    number(step, f"{where}.step_size", negative=False)
    return Component(
        str(raw.type),
        number(raw.price, f"{where}.price"),
        vat if reading.vat else None,
        max(step, 1),
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
    name = f"tariff {tariff.id!r}"
    elements = tuple(
        Element(
            index=index,
            components=tuple(
                _component(c, reading, f"{name}: elements[{index}].price_components[{number_}]")
                for number_, c in enumerate(element.price_components)
            ),
            restrictions=_restrictions(
                element.restrictions, tariff.id, f"elements[{index}].restrictions"
            ),
        )
        for index, element in enumerate(raw_elements)
    )
    raw = [c for element in raw_elements for c in element.price_components]
    notes = _tax_notes(tariff.id, key, reading, raw, elements)
    if any(c.step_size == 0 for c in raw):
        notes.append(f"{name}: step_size 0 read as 1 (no rounding)")
    start, end = getattr(tariff, "start_date_time", None), getattr(tariff, "end_date_time", None)
    if start is not None and end is not None and end <= start:
        raise TariffError(
            f"{name}: end_date_time {end.isoformat()} is not after start_date_time "
            f"{start.isoformat()}"
        )
    return TariffView(
        id=tariff.id,
        currency=tariff.currency,
        elements=elements,
        min_price=_money(getattr(tariff, "min_price", None), f"{name}: min_price"),
        max_price=_money(getattr(tariff, "max_price", None), f"{name}: max_price"),
        start=start,
        end=end,
        notes=tuple(notes),
    )


_NEVER_NEGATIVE = frozenset({"TIME", "PARKING_TIME", "RESERVATION_TIME"})


def _periods(periods: Sequence[Any] | None, notes: list[str]) -> tuple[PeriodView, ...]:
    """The charging periods, each volume checked (:func:`number`; a negative TIME, PARKING_TIME
    or RESERVATION_TIME is an error) and repeated dimensions combined
    (:func:`ocpi_sdk.tariffs.periods.combine`)."""
    out = []
    for index, period in enumerate(periods or ()):
        values = []
        for position, dimension in enumerate(period.dimensions):
            kind = str(dimension.type)
            where = f"charging_periods[{index}].dimensions[{position}].volume ({kind})"
            negative = kind not in _NEVER_NEGATIVE
            values.append((kind, number(dimension.volume, where, negative=negative)))
        dims, repeated = combine(values)
        for kind in dict.fromkeys(repeated):
            how = "added up" if kind in ADDITIVE else "the extreme value kept"
            notes.append(f"charging_periods[{index}] lists {kind} more than once: {how}")
        out.append(
            PeriodView(
                start=period.start_date_time,
                dims=dims,
                tariff_id=getattr(period, "tariff_id", None),
                index=index,
            )
        )
    return tuple(out)


def _flatten(name: str, value: Any, names: PriceNames, into: dict[str, Decimal]) -> None:
    if value is None:
        return
    if isinstance(value, Decimal | int):
        into[name] = number(value, name)
        return
    money = _money(value, name) or Money(None)
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
    notes: list[str] = []
    return UsageView(
        kind="CDR",
        id=cdr.id,
        start=cdr.start_date_time,
        end=cdr.end_date_time,
        currency=cdr.currency,
        periods=_periods(cdr.charging_periods, notes),
        tariffs=tuple(tariff_view(t) for t in cdr.tariffs or ()),
        total_energy=_maybe(cdr.total_energy, "total_energy"),
        country=cdr.cdr_location.country,
        reported=_reported(cdr, _CDR_TOTALS, rules),
        notes=tuple(notes),
    )


def _cdr_211(cdr: v2_1_1.CDR, rules: VersionRules) -> UsageView:
    notes: list[str] = []
    return UsageView(
        kind="CDR",
        id=cdr.id,
        start=cdr.start_date_time,
        end=cdr.stop_date_time,
        currency=cdr.currency,
        periods=_periods(cdr.charging_periods, notes),
        tariffs=tuple(tariff_view(t) for t in cdr.tariffs or ()),
        total_energy=_maybe(cdr.total_energy, "total_energy"),
        time_zone=cdr.location.time_zone,
        country=cdr.location.country,
        reported=_reported(cdr, _CDR_TOTALS, rules),
        notes=tuple(notes),
    )


def _session(session: v2_3_0.Session | v2_2_1.Session, rules: VersionRules) -> UsageView:
    end, said = _session_end(session.start_date_time, session.end_date_time, session.last_updated)
    notes = list(said)
    return UsageView(
        kind="Session",
        id=session.id,
        start=session.start_date_time,
        end=end,
        currency=session.currency,
        periods=_periods(session.charging_periods, notes)
        or (PeriodView(session.start_date_time, {"ENERGY": number(session.kwh, "kwh")}),),
        tariffs=(),
        total_energy=number(session.kwh, "kwh"),
        reported=_reported(session, ("total_cost",), rules),
        notes=tuple(notes),
    )


def _session_211(session: v2_1_1.Session, rules: VersionRules) -> UsageView:
    end, said = _session_end(session.start_datetime, session.end_datetime, session.last_updated)
    notes = list(said)
    return UsageView(
        kind="Session",
        id=session.id,
        start=session.start_datetime,
        end=end,
        currency=session.currency,
        periods=_periods(session.charging_periods, notes)
        or (PeriodView(session.start_datetime, {"ENERGY": number(session.kwh, "kwh")}),),
        tariffs=(),
        total_energy=number(session.kwh, "kwh"),
        time_zone=session.location.time_zone,
        country=session.location.country,
        reported=_reported(session, ("total_cost",), rules),
        notes=tuple(notes),
    )


_END_START = {
    ("2.1.1", "CDR"): ("stop_date_time", "start_date_time"),
    ("2.1.1", "Session"): ("end_datetime", "start_datetime"),
}
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
    view = read(obj, RULES[version])
    if view.end < view.start:
        names = _END_START.get((version, view.kind), ("end_date_time", "start_date_time"))
        raise TariffError(
            f"{view.kind} {view.id!r}: {names[0]} {view.end.isoformat()} is before "
            f"{names[1]} {view.start.isoformat()}"
        )
    return view


def location_facts(
    location: v2_3_0.Location | v2_2_1.Location | v2_1_1.Location,
) -> tuple[str | None, str]:
    """``(time_zone, country)`` of a Location of any version."""
    if not isinstance(location, v2_3_0.Location | v2_2_1.Location | v2_1_1.Location):
        raise TariffError(f"not an OCPI Location model: {type(location).__name__}")
    return location.time_zone, location.country
