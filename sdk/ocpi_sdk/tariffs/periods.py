"""Charging periods as timed segments, cut wherever a restriction may start or stop applying.

What is billed are the volumes the document states; its timestamps only place them in time (for
restrictions, time of day and power). OCPI 2.2.1 mod_cdrs CdrDimensionType: ``TIME`` is "Time
charging in this ChargingPeriod", ``PARKING_TIME`` "Time in this ChargingPeriod during which the
vehicle is not requesting power"; ChargingPeriod ``start_date_time``: "A period ends when the next
period starts. The last period ends when the session ends."

:func:`segments` turns each period into at most one charging and one parking :class:`Segment`
(or one reservation segment):

- the period's place in time is from its start to the next later period start, or the session's
  end, bounded by the session: a period that starts before the session starts is placed from the
  session start, one that starts after the session ends is placed, with no length, at its end
  (noted; its volumes are still billed);
- ``TIME`` and ``PARKING_TIME`` stated are billed as stated (when they add up to the period's
  length within a second, they are that length: hours with 4 decimals are exact to 0.36 s, the
  timestamps to the microsecond). A period that states neither is billed its length from the
  timestamps: as charging, or as parking when it states ``ENERGY`` 0. A period that states only
  ``PARKING_TIME`` charged for the rest of its length (none when its ``ENERGY`` is 0); one that
  states only ``TIME`` parked for none of it (what is neither is not billed);
- charging is placed first, parking right after it; when the stated time is longer than the
  period both are squeezed into it in proportion, when shorter the rest is left unbilled; either
  way a note says the volumes and the timestamps disagree (by more than a second);
- ``ENERGY`` is placed in the charging time only (a period with energy and no charging time gets
  a charging segment of no length);
- ``RESERVATION_TIME`` alone (no charging or parking time, no energy): reservation.

Periods with the same start (and ``tariff_id``) are one period whose volumes add up; a dimension
listed twice in a period is added up too (``MIN_``/``MAX_`` dimensions: the lowest/highest). Both
are noted.

:func:`cut_at` and :func:`cut_at_energy` then split the segments at every instant a restriction
can change its answer (local times of day and midnights, DST changes, tariff validity bounds,
duration thresholds, kWh thresholds), so each piece is judged as a whole by its state at its
start. A split divides a segment's energy and billed time in proportion (energy is spread evenly
over the charging time); a kWh threshold splits a segment exactly at that energy.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

import attrs

from ocpi_sdk.tariffs.model import ZERO, PeriodView

__all__ = [
    "ADDITIVE",
    "Measure",
    "Phase",
    "Segment",
    "combine",
    "cut_at",
    "cut_at_energy",
    "seconds",
    "segments",
]

_MICRO = Decimal("0.000001")
_SLACK = Decimal(1)  # seconds: volumes in hours with 4 decimals are exact to 0.36 s
ADDITIVE = frozenset(
    {"ENERGY", "ENERGY_IMPORT", "ENERGY_EXPORT", "TIME", "PARKING_TIME", "RESERVATION_TIME"}
)


class Phase(enum.StrEnum):
    """What the EVSE is doing during a segment."""

    RESERVATION = "RESERVATION"
    CHARGING = "CHARGING"
    PARKING = "PARKING"


@attrs.frozen
class Measure:
    """The lowest and highest value of power (kW) or current (A, summed over phases) known for a
    segment; ``None`` when the period does not say. ``stand_in`` names the dimensions used in
    place of a missing ``MIN_``/``MAX_`` one (reading of the spec, see :mod:`.restrictions`)."""

    low: Decimal | None = None
    high: Decimal | None = None
    stand_in: str | None = None

    @classmethod
    def of(cls, dims: Mapping[str, Decimal], kind: str) -> Measure:
        """From a period's ``MIN_<kind>``, ``<kind>`` (average) and ``MAX_<kind>`` dimensions.

        For the low value the minimum is preferred, then the average, then the maximum; the other
        way round for the high value.
        """
        names = (f"MIN_{kind}", kind, f"MAX_{kind}")
        low_name = next((n for n in names if n in dims), None)
        high_name = next((n for n in reversed(names) if n in dims), None)
        if low_name is None or high_name is None:
            return cls()
        used = [
            f"{name} for {wanted}"
            for name, wanted in ((low_name, names[0]), (high_name, names[2]))
            if name != wanted
        ]
        return cls(dims[low_name], dims[high_name], "; ".join(used) or None)


IDLE = Measure(ZERO, ZERO)


@attrs.frozen
class Segment:
    """A stretch of the session in one phase: placed in time from ``start`` to ``end``, with the
    time it bills (``billed``, seconds, the stated volume) and the energy charged in it (kWh)."""

    start: datetime
    end: datetime
    phase: Phase
    billed: Decimal = ZERO
    energy: Decimal = ZERO
    power: Measure = IDLE
    current: Measure = IDLE
    tariff_id: str | None = None

    @property
    def seconds(self) -> Decimal:
        """Length in time in seconds, exact (not the billed time)."""
        return seconds(self.end - self.start)


def seconds(delta: timedelta) -> Decimal:
    """A timedelta as an exact Decimal number of seconds."""
    return Decimal(delta.days * 86400 + delta.seconds) + Decimal(delta.microseconds) * _MICRO


def _delta(secs: Decimal) -> timedelta:
    return timedelta(microseconds=int((secs / _MICRO).to_integral_value()))


def combine(values: Iterable[tuple[str, Decimal]]) -> tuple[dict[str, Decimal], list[str]]:
    """Dimensions ``(type, volume)`` as one mapping: repeated additive ones summed, ``MIN_``
    ones the lowest, others (``MAX_``, averages) the highest; the names repeated are returned."""
    dims: dict[str, Decimal] = {}
    repeated: list[str] = []
    for name, value in values:
        if name not in dims:
            dims[name] = value
            continue
        repeated.append(name)
        if name in ADDITIVE:
            dims[name] += value
        elif name.startswith("MIN_"):
            dims[name] = min(dims[name], value)
        else:
            dims[name] = max(dims[name], value)
    return dims, repeated


def _merged(periods: Sequence[PeriodView], notes: list[str]) -> list[PeriodView]:
    ordered = sorted(periods, key=lambda p: p.start)
    out: list[PeriodView] = []
    for period in ordered:
        last = out[-1] if out else None
        if last is not None and last.start == period.start and last.tariff_id == period.tariff_id:
            dims, _ = combine([*last.dims.items(), *period.dims.items()])
            out[-1] = attrs.evolve(last, dims=dims)
            notes.append(
                f"charging periods {last.label} and {period.label} start at the same time "
                f"({period.start.isoformat()}): their volumes are added up"
            )
            continue
        out.append(period)
    return out


def _hours(dims: Mapping[str, Decimal], name: str) -> Decimal | None:
    value = dims.get(name)
    return None if value is None else value * 3600


def _h(secs: Decimal) -> str:
    return f"{(secs / 3600).quantize(Decimal('0.0001'))} h"


def segments(
    periods: Sequence[PeriodView],
    start: datetime,
    end: datetime,
    total_energy: Decimal | None = None,
    notes: list[str] | None = None,
) -> list[Segment]:
    """The periods as segments (see the module docstring), in time order; what was assumed or
    did not add up is appended to ``notes``.

    When no period has an ENERGY dimension, ``total_energy`` (the document's total, kWh) is spread
    over the charging time evenly.
    """
    said: list[str] = [] if notes is None else notes
    ordered = _merged(periods, said)
    starts = sorted({p.start for p in ordered})
    result: list[Segment] = []
    for period in ordered:
        later = [s for s in starts if s > period.start]
        stop = later[0] if later else end
        begin = min(max(period.start, start), end)
        finish = min(max(stop, begin), end)
        if period.start < start:
            said.append(f"charging period {period.label} starts before the session "
                        f"({start.isoformat()}): placed from the session's start")  # fmt: skip
        if period.start > end:
            said.append(f"charging period {period.label} starts after the session ends "
                        f"({end.isoformat()}): its volumes are placed at the end")  # fmt: skip
        result += _period_segments(period, begin, finish, said)
    has_energy = any("ENERGY" in p.dims or "ENERGY_IMPORT" in p.dims for p in periods)
    if not has_energy and total_energy:
        result = _spread(result, total_energy)
    return sorted(result, key=lambda s: s.start)


def _period_segments(
    period: PeriodView, begin: datetime, finish: datetime, notes: list[str]
) -> list[Segment]:
    dims = period.dims
    length = seconds(finish - begin)
    energy = dims.get("ENERGY", dims.get("ENERGY_IMPORT"))
    charging, parking = _hours(dims, "TIME"), _hours(dims, "PARKING_TIME")
    reservation = _hours(dims, "RESERVATION_TIME")
    tariff_id = period.tariff_id
    if reservation is not None and charging is None and parking is None and not energy:
        if abs(reservation - length) <= _SLACK:
            reservation = length
        place = min(reservation, length)
        _disagree(period, length, reservation, notes, "RESERVATION_TIME")
        return [Segment(begin, begin + _delta(place), Phase.RESERVATION, reservation,
                        tariff_id=tariff_id)]  # fmt: skip
    idle = energy is not None and energy == 0
    if charging is None and parking is None:
        if idle:
            parking = length
        else:
            charging = length
    elif charging is None:
        rest = length - (parking or ZERO)
        charging = rest if rest > _SLACK and not idle else ZERO
    charging = charging or ZERO
    parking = parking or ZERO
    stated = charging + parking
    if stated > 0 and abs(stated - length) <= _SLACK:
        # the same time as the timestamps, rounded to the volume's 4 decimals of an hour
        if parking == 0:
            charging = length
        else:
            charging = charging * length / stated
            parking = length - charging
        stated = length
    _disagree(period, length, stated, notes, "TIME + PARKING_TIME")
    if energy and charging == 0:
        notes.append(f"charging period {period.label} has ENERGY {energy} kWh but no charging "
                     "time: the energy is billed at the period's start")  # fmt: skip
    scale = length / stated if stated > length else Decimal(1)
    split = begin + _delta(charging * scale)
    out: list[Segment] = []
    if charging > 0 or energy:
        power = Measure.of(dims, "POWER")
        if power.low is None and energy is not None and charging > 0:
            average = energy * 3600 / charging
            power = Measure(average, average, "the average power ENERGY / TIME")
        out.append(Segment(begin, split, Phase.CHARGING, charging, energy or ZERO, power,
                           Measure.of(dims, "CURRENT"), tariff_id))  # fmt: skip
    if parking > 0:
        stop = min(split + _delta(parking * scale), finish)
        out.append(Segment(split, stop, Phase.PARKING, parking, tariff_id=tariff_id))
    return out


def _disagree(
    period: PeriodView, length: Decimal, stated: Decimal, notes: list[str], what: str
) -> None:
    if abs(length - stated) <= _SLACK:
        return
    if stated > length:
        how = "placed in the period in proportion"
    else:
        how = f"the other {_h(length - stated)} is not billed"
    notes.append(
        f"charging period {period.label} lasts {_h(length)} by its timestamps but states "
        f"{what} {_h(stated)}: the stated volumes are billed, {how}"
    )


def _spread(pieces: list[Segment], total_energy: Decimal) -> list[Segment]:
    charging = [i for i, s in enumerate(pieces) if s.phase is Phase.CHARGING]
    total_s = sum((pieces[i].billed for i in charging), ZERO)
    if not charging or total_s <= 0:
        return pieces
    result = list(pieces)
    left = total_energy
    for n, i in enumerate(charging):
        piece = pieces[i]
        energy = left if n == len(charging) - 1 else total_energy * piece.billed / total_s
        left -= energy
        power = piece.power
        if power.low is None and piece.billed > 0:
            average = energy * 3600 / piece.billed
            power = Measure(average, average, "the average power ENERGY / TIME")
        result[i] = attrs.evolve(piece, energy=energy, power=power)
    return result


def _split(segment: Segment, at: datetime, fraction: Decimal) -> list[Segment]:
    """``segment`` cut at ``at``; the first part gets ``fraction`` of its energy and billed time."""
    energy = segment.energy * fraction
    billed = segment.billed * fraction
    return [
        attrs.evolve(segment, end=at, energy=energy, billed=billed),
        attrs.evolve(segment, start=at, energy=segment.energy - energy,
                     billed=segment.billed - billed),
    ]  # fmt: skip


def cut_at(pieces: Iterable[Segment], instants: Iterable[datetime]) -> list[Segment]:
    """Split the pieces at each of ``instants`` that falls strictly inside one."""
    moments = sorted(set(instants))
    result: list[Segment] = []
    for piece in pieces:
        rest = piece
        for moment in moments:
            if moment <= rest.start:
                continue
            if moment >= rest.end:
                break
            fraction = seconds(moment - rest.start) / rest.seconds
            first, rest = _split(rest, moment, fraction)
            result.append(first)
        result.append(rest)
    return result


def cut_at_energy(pieces: Iterable[Segment], thresholds: Iterable[Decimal]) -> list[Segment]:
    """Split the pieces where the energy charged so far in the session reaches each threshold
    (kWh); the first part of a split carries exactly the energy up to the threshold."""
    levels = sorted(set(thresholds))
    result: list[Segment] = []
    so_far = ZERO
    for piece in pieces:
        rest = piece
        for level in levels:
            if rest.energy <= 0 or not so_far < level < so_far + rest.energy:
                continue
            needed = level - so_far
            fraction = needed / rest.energy
            at = rest.start + _delta(rest.seconds * fraction)
            whole = rest.energy
            first, rest = _split(rest, at, fraction)
            result.append(attrs.evolve(first, energy=needed))
            rest = attrs.evolve(rest, energy=whole - needed)
            so_far = level
        result.append(rest)
        so_far += rest.energy
    return result
