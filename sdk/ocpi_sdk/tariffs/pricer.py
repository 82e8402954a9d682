"""Price a Session or CDR with its tariffs: :func:`price`.

The steps: the document's charging periods become segments (:mod:`.periods`), cut wherever a
restriction of any candidate tariff can change its answer; each piece gets the tariff valid then
and, per dimension, the first matching element's price component (:mod:`.restrictions`); FLAT is
billed once per session (and once for a reservation); ``step_size`` is applied once per session
to the total of a dimension, with the step of the last price component used, and the amount it
adds is billed at that component's price (mod_cdrs "step_size"); ``min_price``/``max_price`` of the
tariff in force when the session started clamp ``total_cost``, excl. and incl. VAT (2.3.0: before
and after taxes) separately, each only when that side of the total is known.

Taxes (how each line's cost before and after taxes follows from its price, ``vat`` and, in 2.3.0,
the tariff's ``tax_included``) are described at :class:`~ocpi_sdk.tariffs.result.PriceResult`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, time, timedelta, tzinfo
from decimal import ROUND_CEILING, Decimal, DecimalException, localcontext
from typing import Any

import attrs

from ocpi_sdk.tariffs import adapters, periods, zones
from ocpi_sdk.tariffs.errors import TariffError, TimeZoneRequired
from ocpi_sdk.tariffs.model import ZERO, Money, TariffView, UsageView
from ocpi_sdk.tariffs.periods import Phase, Segment
from ocpi_sdk.tariffs.restrictions import Moment, active_component
from ocpi_sdk.tariffs.result import Line, PriceResult, quantize, sum_money

__all__ = ["price"]

PRECISION = 100
_NOISE = Decimal("1e-12")
"""Digits of the Decimal arithmetic: inputs have at most 28 significant digits and are below
10**28 (:func:`ocpi_sdk.tariffs.adapters.number`), so products of a few of them stay exact."""


def price(
    tariff: Any,
    session_or_cdr: Any,
    *,
    tariffs: Sequence[Any] | None = None,
    time_zone: str | None = None,
    location: Any = None,
) -> PriceResult:
    """Price ``session_or_cdr`` (an OCPI 2.1.1, 2.2.1 or 2.3.0 ``CDR`` or ``Session`` model).

    ``tariff`` is a Tariff model, a list of them, or ``None``; ``tariffs`` adds more. With none
    given, the CDR's own ``tariffs`` are used. When several tariffs are given, each moment is
    priced with the one its charging period names (2.2.1/2.3.0 ``tariff_id``) or else the first one
    valid then (``start_date_time``/``end_date_time``).

    ``time_zone`` (an IANA name) or ``location`` (a Location model) say in which local time the
    time-of-day, date and day-of-week restrictions are read; see :mod:`ocpi_sdk.tariffs.zones`
    for what happens without them.

    Raises :class:`~ocpi_sdk.tariffs.errors.TimeZoneRequired` when a tariff needs local time and
    no zone can be found, :class:`~ocpi_sdk.tariffs.errors.TariffError` for other impossible
    inputs.
    """
    with localcontext(prec=PRECISION):
        try:
            return _price(tariff, session_or_cdr, tariffs, time_zone, location)
        except DecimalException as exc:  # inputs are checked; this is the last guard
            raise TariffError(f"the amounts cannot be computed exactly: {exc!r}") from None


def _price(
    tariff: Any,
    session_or_cdr: Any,
    tariffs: Sequence[Any] | None,
    time_zone: str | None,
    location: Any,
) -> PriceResult:
    usage = adapters.usage_view(session_or_cdr)
    version = adapters.version_of(session_or_cdr)
    rules = adapters.RULES[version]
    candidates = _candidates(tariff, tariffs, usage, version)
    notes: list[str] = list(usage.notes)
    unverifiable: list[str] = []
    for view in candidates:
        notes.extend(view.notes)
        if view.currency.strip().upper() != usage.currency.strip().upper():
            unverifiable.append(
                f"tariff {view.id} is in {view.currency}, the {usage.kind} in {usage.currency}"
            )

    location_zone, country = None, usage.country
    if location is not None:
        location_zone, location_country = adapters.location_facts(location)
        country = country or location_country
    instants = [usage.start, usage.end, *(p.start for p in usage.periods)]
    choice = zones.resolve(
        time_zone=time_zone,
        location_zone=location_zone,
        document_zone=usage.time_zone,
        country=country,
        instants=instants,
    )
    needing = [t.id for t in candidates if t.needs_local_time]
    if needing and choice.zone is None:
        raise TimeZoneRequired(needing, choice.reason, choice.candidates)
    if choice.zone is not None:
        notes.append(f"time zone {choice.name}: {choice.reason}")

    pieces = periods.segments(usage.periods, usage.start, usage.end, usage.total_energy, notes)
    energy_given = any(("ENERGY" in p.dims or "ENERGY_IMPORT" in p.dims) for p in usage.periods)
    if not energy_given and usage.total_energy:
        notes.append("no period gives ENERGY: total_energy spread evenly over the charging time")
    pieces = periods.cut_at(pieces, _instants(candidates, usage, choice.zone if needing else None))
    pieces = periods.cut_at_energy(pieces, _kwh_levels(candidates))

    pick = _TariffPicker(candidates, usage, notes, unverifiable)
    lines, first_tariff = _price_pieces(pieces, usage, pick, choice.zone, rules.vat, notes)
    lines = _apply_step_size(lines, rules, notes)
    breakdown = _merge(lines)
    notes.extend(_readings(breakdown, pieces, candidates, usage))
    result = _result(breakdown, pieces, first_tariff or candidates[0], usage, rules, notes, choice)
    return attrs.evolve(result, unverifiable=tuple(unverifiable))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def _candidates(
    tariff: Any, tariffs: Sequence[Any] | None, usage: UsageView, version: str
) -> tuple[TariffView, ...]:
    given = _as_list(tariff) + _as_list(tariffs)
    for item in given:
        other = adapters.version_of(item)
        if other != version:
            raise TariffError(
                f"tariff {getattr(item, 'id', '?')!r} is OCPI {other}, the {usage.kind} is "
                f"OCPI {version}: price with models of one version"
            )
    views = tuple(adapters.tariff_view(t) for t in given) or usage.tariffs
    if not views:
        raise TariffError(
            f"no tariff to price {usage.kind} {usage.id!r} with: give one, or a CDR with tariffs"
        )
    return views


def _instants(
    candidates: Iterable[TariffView], usage: UsageView, zone: tzinfo | None
) -> list[datetime]:
    """Every instant a restriction or a tariff's validity can start or stop applying."""
    instants: list[datetime] = []
    day_points: set[time] = set()
    for view in candidates:
        instants += [m for m in (view.start, view.end) if m is not None]
        for element in view.elements:
            r = element.restrictions
            if r is None:
                continue
            for limit in (r.min_duration, r.max_duration):
                if limit is not None:
                    instants.append(usage.start + timedelta(seconds=limit))
            if r.local:
                day_points.update(t for t in (r.start_time, r.end_time) if t is not None)
                day_points.add(time(0, 0))
    if zone is not None and day_points:
        first = usage.start.astimezone(zone).date() - timedelta(days=1)
        last = usage.end.astimezone(zone).date() + timedelta(days=1)
        day = first
        while day <= last:
            for point in day_points:
                # both occurrences of a repeated local time (fold 0 and 1); a skipped one is
                # covered by the DST change itself, below
                for fold in (0, 1):
                    local = datetime.combine(day, point.replace(fold=fold), tzinfo=zone)
                    instants.append(local.astimezone(UTC))
            day += timedelta(days=1)
        instants += offset_changes(zone, usage.start - _DAY, usage.end + _DAY)
    return instants


_DAY = timedelta(days=1)
_STEP = timedelta(hours=6)
_SECOND = timedelta(seconds=1)


def offset_changes(zone: tzinfo, start: datetime, end: datetime) -> list[datetime]:
    """The instants between ``start`` and ``end`` at which ``zone`` changes its UTC offset (DST
    changes), to the second: local wall time jumps there, so a restriction can change its answer
    (a boundary in the skipped hour applies from the change). Offsets are sampled every 6 hours,
    which no zone's changes are closer than."""
    out: list[datetime] = []
    moment = start.astimezone(UTC).replace(microsecond=0)
    while moment < end:
        after = min(moment + _STEP, end)
        if moment.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            low, high = moment, after
            while high - low > _SECOND:
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle <= low:
                    middle = low + _SECOND
                same = middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset()
                low, high = (middle, high) if same else (low, middle)
            out.append(high)
        moment = after
    return out


def _kwh_levels(candidates: Iterable[TariffView]) -> list[Decimal]:
    levels: list[Decimal] = []
    for view in candidates:
        for element in view.elements:
            r = element.restrictions
            if r is not None:
                levels += [v for v in (r.min_kwh, r.max_kwh) if v is not None]
    return levels


class _TariffPicker:
    """Which tariff applies to a piece: the one its period names; else the first one valid at
    the piece's start; else the one valid when the session started (mod_tariffs, note on
    ``start_date_time``: "a driver accepts the tariff which is valid when they start their
    charging session"). When no tariff was valid then either, the first one is used and the
    result cannot verify a CDR (``unverifiable``)."""

    def __init__(
        self,
        candidates: Sequence[TariffView],
        usage: UsageView,
        notes: list[str],
        unverifiable: list[str],
    ):
        self.candidates = candidates
        self.notes = notes
        self.unverifiable = unverifiable
        self.by_id: dict[str, TariffView] = {}
        for view in candidates:
            self.by_id.setdefault(view.id, view)
        self.at_start = next((v for v in candidates if v.valid_at(usage.start)), None)
        named = {p.tariff_id for p in usage.periods if p.tariff_id}
        self.use_ids = bool(named) and named <= self.by_id.keys()
        if named and not self.use_ids:
            missing = ", ".join(sorted(named - self.by_id.keys()))
            notes.append(
                f"charging periods name tariff {missing}, which is not among the tariffs used: "
                "tariffs chosen by their validity instead"
            )
        self._said: set[str] = set()

    def _note(self, text: str, into: list[str] | None = None) -> None:
        if text not in self._said:
            self._said.add(text)
            (self.notes if into is None else into).append(text)

    def __call__(self, piece: Segment) -> TariffView | None:
        if self.use_ids:
            if piece.tariff_id is None:
                self._note("a charging period has no tariff_id: no tariff applies to it (free)")
                return None
            view = self.by_id[piece.tariff_id]
            if not view.valid_at(piece.start):
                self._note(f"tariff {view.id}, named by a charging period, is not valid at "
                           f"{piece.start.isoformat()}", self.unverifiable)  # fmt: skip
            return view
        for view in self.candidates:
            if view.valid_at(piece.start):
                return view
        if self.at_start is not None:
            self._note(
                f"no tariff is valid at {piece.start.isoformat()}: tariff {self.at_start.id}, "
                "valid when the session started, still applies"
            )
            return self.at_start
        first = self.candidates[0]
        self._note(f"no tariff is valid at {piece.start.isoformat()} (tariff {first.id} "
                   "priced it anyway)", self.unverifiable)  # fmt: skip
        return first


def _price_pieces(
    pieces: Sequence[Segment],
    usage: UsageView,
    pick: _TariffPicker,
    zone: tzinfo | None,
    vat: bool,
    notes: list[str],
) -> tuple[list[Line], TariffView | None]:
    found: set[str] = set()
    expired = not any(p.phase is not Phase.RESERVATION for p in pieces)
    lines: list[Line] = []
    flat_done = {True: False, False: False}
    first_tariff: TariffView | None = None
    so_far = ZERO
    for piece in pieces:
        reservation = piece.phase is Phase.RESERVATION
        tariff = pick(piece)
        moment = Moment(
            phase=piece.phase,
            local=None,
            energy_so_far=so_far,
            seconds_so_far=periods.seconds(piece.start - usage.start),
            power=piece.power,
            current=piece.current,
            expired_reservation=expired,
        )
        so_far += piece.energy
        if tariff is None:
            continue
        if first_tariff is None and not reservation:
            first_tariff = tariff
        if zone is not None:
            moment = attrs.evolve(moment, local=piece.start.astimezone(zone))
        volumes: dict[str, Decimal] = {}
        if piece.phase is Phase.CHARGING:
            if piece.energy < 0:
                found.add("negative ENERGY (fed back to the grid) is not billed")
            volumes["ENERGY"] = max(piece.energy, ZERO) * 1000
            volumes["TIME"] = piece.billed
        elif piece.phase is Phase.PARKING:
            volumes["PARKING_TIME"] = piece.billed
        else:
            volumes["TIME"] = piece.billed
        if not flat_done[reservation]:
            volumes = {"FLAT": Decimal(1), **volumes}
        for dimension, base in volumes.items():
            hit = active_component(tariff, dimension, moment, found)
            if hit is None:
                continue
            element, component = hit
            if dimension == "FLAT":
                flat_done[reservation] = True
            elif base <= 0:
                continue
            lines.append(
                Line(
                    start=piece.start,
                    end=piece.end if dimension != "FLAT" else piece.start,
                    tariff_id=tariff.id,
                    element=element.index,
                    dimension=dimension,
                    base_volume=base,
                    price=component.price,
                    vat=component.vat if vat else None,
                    step_size=component.step_size,
                    reservation=reservation,
                    tax_included=component.tax_included,
                    other_taxes=component.other_taxes,
                )
            )
    notes.extend(sorted(found))
    return lines, first_tariff


def _apply_step_size(
    lines: list[Line], rules: adapters.VersionRules, notes: list[str]
) -> list[Line]:
    """step_size once per session per group of dimensions (see :data:`adapters.RULES`): the
    total of the last line's dimension is rounded up with the last line's step_size and the
    amount added is billed at the last line's price."""
    result = list(lines)
    for reservation, dimensions in rules.step_groups:
        group = [
            line
            for line in result
            if line.reservation == reservation and line.dimension in dimensions
        ]
        if not group:
            continue
        last = group[-1]
        step = Decimal(last.step_size)
        billable = sum((g.base_volume for g in group if g.dimension == last.dimension), ZERO)
        # proportional splits leave noise far below a microsecond or a milliwatt-hour: without
        # it, 5730 s split in three must not round up to 5731
        billable = billable.quantize(_NOISE)
        rounded = (billable / step).to_integral_value(rounding=ROUND_CEILING) * step
        if rounded > billable:
            extra = attrs.evolve(last, base_volume=rounded - billable, step=True)
            result.insert(result.index(last) + 1, extra)
            notes.extend(_step_readings(group, last, rules, result))
    return result


def _step_readings(
    group: Sequence[Line], last: Line, rules: adapters.VersionRules, lines: Sequence[Line]
) -> list[str]:
    dims = [line.dimension for line in group]
    stretches = sum(
        1 for i, d in enumerate(dims) if d == last.dimension and (i == 0 or dims[i - 1] != d)
    )
    times = {"TIME", "PARKING_TIME"}
    both = times <= {line.dimension for line in lines if not line.reservation}
    if rules.version == "2.1.1" and last.dimension in times and both:
        return [f"step_size (2.1.1 reading): the session total of {last.dimension} is rounded "
                "on its own, TIME and PARKING_TIME each"]  # fmt: skip
    if stretches > 1:
        return [f"step_size (reading): {last.dimension} comes in {stretches} stretches "
                f"(e.g. charge, park, charge): their total is rounded once, at the last one's "
                "step_size and price"]  # fmt: skip
    return []


def _readings(
    breakdown: Sequence[Line],
    pieces: Sequence[Segment],
    candidates: Sequence[TariffView],
    usage: UsageView,
) -> list[str]:
    """Notes naming the reading applied where the spec allows two and the result depends on it
    (see the package docstring)."""
    notes = []
    used = {line.tariff_id for line in breakdown if not line.reservation}
    flat = [
        v.id
        for v in candidates
        if v.id in used and any(e.component("FLAT") for e in v.elements if not _reserving(e))
    ]
    billed = [line.tariff_id for line in breakdown if line.dimension == "FLAT"]
    if len(flat) > 1 and billed:
        others = ", ".join(t for t in flat if t != billed[0])
        notes.append(f"FLAT (reading): billed once per session, by tariff {billed[0]} in force "
                     f"first; the FLAT of tariff {others} is not billed again")  # fmt: skip
    reserved = any(p.phase is Phase.RESERVATION for p in pieces)
    durations = any(
        e.restrictions is not None
        and (e.restrictions.min_duration is not None or e.restrictions.max_duration is not None)
        for v in candidates
        for e in v.elements
    )
    if reserved and durations:
        notes.append(f"min_duration/max_duration (reading): counted from the {usage.kind}'s "
                     "start_date_time, the start of the reservation")  # fmt: skip
    return notes


def _reserving(element: Any) -> bool:
    return element.restrictions is not None and element.restrictions.reservation is not None


def _merge(lines: Sequence[Line]) -> tuple[Line, ...]:
    """Join consecutive lines of the same tariff element, dimension and price."""
    out: list[Line] = []
    open_lines: dict[tuple[Any, ...], int] = {}
    for line in lines:
        key = (line.tariff_id, line.element, line.dimension, line.reservation, line.step,
               line.price, line.vat)  # fmt: skip
        index = open_lines.get(key)
        if index is not None and out[index].end == line.start and line.dimension != "FLAT":
            prev = out[index]
            out[index] = attrs.evolve(
                prev, end=line.end, base_volume=prev.base_volume + line.base_volume
            )
            continue
        open_lines[key] = len(out)
        out.append(line)
    return tuple(sorted(out, key=lambda line: line.start))


def _result(
    breakdown: tuple[Line, ...],
    pieces: Sequence[Segment],
    tariff: TariffView,
    usage: UsageView,
    rules: adapters.VersionRules,
    notes: list[str],
    choice: zones.ZoneChoice,
) -> PriceResult:
    vat = rules.vat

    def cost(dimension: str | None, reservation: bool) -> Money:
        return sum_money(
            [
                line
                for line in breakdown
                if line.reservation == reservation
                and (dimension is None or line.dimension == dimension)
            ],
            vat,
        )

    total = sum_money(breakdown, vat)
    total = _clamp(total, tariff, rules, usage.currency, notes)

    def hours(*phases: Phase) -> Decimal:
        secs = sum((p.billed for p in pieces if p.phase in phases), ZERO)
        return quantize(secs / 3600)

    energy = sum((p.energy for p in pieces if p.phase is not Phase.RESERVATION), ZERO)
    return PriceResult(
        version=rules.version,
        currency=usage.currency,
        total_cost=total,
        total_fixed_cost=cost("FLAT", False),
        total_energy_cost=cost("ENERGY", False),
        total_time_cost=cost("TIME", False),
        total_parking_cost=cost("PARKING_TIME", False),
        total_reservation_cost=cost(None, True),
        total_energy=quantize(energy),
        total_time=hours(Phase.CHARGING, Phase.PARKING),
        total_parking_time=hours(Phase.PARKING),
        breakdown=breakdown,
        notes=tuple(notes),
        time_zone=choice.zone,
        vat=vat,
        names=rules.names,
    )


def _clamp(
    total: Money, tariff: TariffView, rules: adapters.VersionRules, currency: str, notes: list[str]
) -> Money:
    """``total`` within the tariff's ``min_price`` and ``max_price``: each side (excl./incl. VAT,
    before/after taxes) against the same side of the limits, as the spec's notes on min_price and
    max_price say ("they both apply")."""
    low = tariff.min_price or Money(None, None)
    high = tariff.max_price or Money(None, None)
    before, after = rules.names.labels
    excl = _limit(total.excl_vat, low.excl_vat, high.excl_vat, before, tariff.id, currency, notes)
    incl = total.incl_vat
    if rules.vat:
        incl = _limit(
            total.incl_vat, low.incl_vat, high.incl_vat, after, tariff.id, currency, notes
        )
        for name, limit in (("min_price", tariff.min_price), ("max_price", tariff.max_price)):
            sides = (total.excl_vat != excl, total.incl_vat != incl)
            given = (None, None) if limit is None else (limit.excl_vat, limit.incl_vat)
            if any(sides) and None in given:
                side = after if given[1] is None else before
                notes.append(f"{name} (reading): tariff {tariff.id} gives no limit {side}, so "
                             f"the total {side} is left as computed")  # fmt: skip
    return Money(excl, incl)


def _limit(
    value: Decimal | None,
    floor: Decimal | None,
    ceiling: Decimal | None,
    label: str,
    tariff_id: str,
    currency: str,
    notes: list[str],
) -> Decimal | None:
    if value is None:
        if floor is not None or ceiling is not None:
            notes.append(f"min_price/max_price of tariff {tariff_id}: the total {label} is "
                         "unknown, so its limit is not applied")  # fmt: skip
        return None
    if floor is not None and value < floor:
        notes.append(f"min_price of tariff {tariff_id}: total {label} {value} raised to "
                     f"{floor} {currency}")  # fmt: skip
        value = floor
    if ceiling is not None and value > ceiling:
        notes.append(f"max_price of tariff {tariff_id}: total {label} {value} lowered to "
                     f"{ceiling} {currency}")  # fmt: skip
        value = ceiling
    return quantize(value)
