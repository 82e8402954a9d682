"""Charging periods as timed segments, cut wherever a restriction may start or stop applying.

A ChargingPeriod lasts from its ``start_date_time`` until the next period starts (the last one
until the session ends). :func:`segments` turns each period into one or two :class:`Segment` s with
a phase (charging, parking or reservation), the energy charged and the power and current seen:

- ``RESERVATION_TIME`` alone: reservation;
- ``TIME`` and ``PARKING_TIME`` both: charging for ``TIME`` hours, then parking for the rest;
- ``PARKING_TIME`` alone: parking; ``TIME`` alone: charging;
- neither: charging, unless ``ENERGY`` is given and is 0 (then parking).

Durations are taken from the timestamps (exact to the microsecond), not from the rounded volumes.

:func:`cut_at` and :func:`cut_at_energy` then split the segments at every instant a restriction
can change its answer (local times of day and midnights, tariff validity bounds, duration
thresholds, kWh thresholds), so each piece is judged as a whole by its state at its start. Energy
is spread evenly over a segment's time; a kWh threshold splits a segment exactly at that energy.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from decimal import Decimal

import attrs

from ocpi_sdk.tariffs.model import ZERO, PeriodView

__all__ = ["Measure", "Phase", "Segment", "cut_at", "cut_at_energy", "seconds", "segments"]

_MICRO = Decimal("0.000001")


class Phase(enum.StrEnum):
    """What the EVSE is doing during a segment."""

    RESERVATION = "RESERVATION"
    CHARGING = "CHARGING"
    PARKING = "PARKING"


@attrs.frozen
class Measure:
    """The lowest and highest value of power (kW) or current (A, summed over phases) known for a
    segment; ``None`` when the period does not say."""

    low: Decimal | None = None
    high: Decimal | None = None

    @classmethod
    def of(cls, dims: Mapping[str, Decimal], kind: str) -> Measure:
        """From a period's ``MIN_<kind>``, ``<kind>`` (average) and ``MAX_<kind>`` dimensions.

        For the low value the minimum is preferred, then the average, then the maximum; the other
        way round for the high value.
        """
        low, avg, high = dims.get(f"MIN_{kind}"), dims.get(kind), dims.get(f"MAX_{kind}")
        first_low = next((v for v in (low, avg, high) if v is not None), None)
        first_high = next((v for v in (high, avg, low) if v is not None), None)
        return cls(first_low, first_high)


IDLE = Measure(ZERO, ZERO)


@attrs.frozen
class Segment:
    """A stretch of the session in one phase, with the energy charged in it (kWh)."""

    start: datetime
    end: datetime
    phase: Phase
    energy: Decimal = ZERO
    power: Measure = IDLE
    current: Measure = IDLE
    tariff_id: str | None = None

    @property
    def seconds(self) -> Decimal:
        """Length in seconds, exact."""
        return seconds(self.end - self.start)


def seconds(delta: timedelta) -> Decimal:
    """A timedelta as an exact Decimal number of seconds."""
    return Decimal(delta.days * 86400 + delta.seconds) + Decimal(delta.microseconds) * _MICRO


def _delta(secs: Decimal) -> timedelta:
    return timedelta(microseconds=int((secs / _MICRO).to_integral_value()))


def _hours(dims: dict[str, Decimal], name: str) -> Decimal | None:
    value = dims.get(name)
    return None if value is None else value * 3600


def segments(
    periods: Sequence[PeriodView], end: datetime, total_energy: Decimal | None = None
) -> list[Segment]:
    """The periods as segments (see the module docstring); periods are taken in time order and
    empty ones (starting at or after the next one, or the session end) are left out.

    When no period has an ENERGY dimension, ``total_energy`` (the document's total, kWh) is spread
    over the charging time evenly.
    """
    ordered = sorted(periods, key=lambda p: p.start)
    result: list[Segment] = []
    for index, period in enumerate(ordered):
        stop = ordered[index + 1].start if index + 1 < len(ordered) else end
        if stop <= period.start:
            continue
        dims = dict(period.dims)
        energy = dims.get("ENERGY", dims.get("ENERGY_IMPORT"))
        time_s, parking_s = _hours(dims, "TIME"), _hours(dims, "PARKING_TIME")
        reservation = "RESERVATION_TIME" in dims
        total = seconds(stop - period.start)
        tariff_id = period.tariff_id
        if reservation and time_s is None and parking_s is None and not energy:
            result.append(Segment(period.start, stop, Phase.RESERVATION, tariff_id=tariff_id))
            continue
        charging_s: Decimal
        if time_s is not None and parking_s is not None:
            charging_s = min(max(time_s, ZERO), total)
        elif parking_s is not None:
            charging_s = ZERO
        elif time_s is not None or energy is None or energy != 0:
            charging_s = total
        else:
            charging_s = ZERO
        split = period.start + _delta(charging_s)
        if charging_s > 0:
            power = Measure.of(dims, "POWER")
            if power.low is None and energy is not None:
                average = energy * 3600 / charging_s
                power = Measure(average, average)
            result.append(
                Segment(
                    period.start,
                    split,
                    Phase.CHARGING,
                    energy=energy or ZERO,
                    power=power,
                    current=Measure.of(dims, "CURRENT"),
                    tariff_id=tariff_id,
                )
            )
        if split < stop:
            leftover = ZERO if charging_s > 0 else energy or ZERO
            result.append(Segment(split, stop, Phase.PARKING, energy=leftover, tariff_id=tariff_id))
    has_energy = any("ENERGY" in p.dims or "ENERGY_IMPORT" in p.dims for p in periods)
    if not has_energy and total_energy:
        result = _spread(result, total_energy)
    return result


def _spread(pieces: list[Segment], total_energy: Decimal) -> list[Segment]:
    charging = [i for i, s in enumerate(pieces) if s.phase is Phase.CHARGING]
    total_s = sum((pieces[i].seconds for i in charging), ZERO)
    if not charging or total_s <= 0:
        return pieces
    result = list(pieces)
    left = total_energy
    for n, i in enumerate(charging):
        piece = pieces[i]
        energy = left if n == len(charging) - 1 else total_energy * piece.seconds / total_s
        left -= energy
        power = piece.power
        if power.low is None:
            average = energy * 3600 / piece.seconds
            power = Measure(average, average)
        result[i] = attrs.evolve(piece, energy=energy, power=power)
    return result


def _split(segment: Segment, at: datetime, energy: Decimal | None = None) -> list[Segment]:
    """``segment`` cut at ``at``; the first part gets ``energy`` (default: pro rata time)."""
    if not segment.start < at < segment.end:
        return [segment]
    if energy is None:
        energy = segment.energy * seconds(at - segment.start) / segment.seconds
    return [
        attrs.evolve(segment, end=at, energy=energy),
        attrs.evolve(segment, start=at, energy=segment.energy - energy),
    ]


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
            first, rest = _split(rest, moment)
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
            at = rest.start + _delta(rest.seconds * needed / rest.energy)
            parts = _split(rest, at, needed)
            if len(parts) == 2:
                result.append(parts[0])
                so_far += parts[0].energy
                rest = parts[1]
        result.append(rest)
        so_far += rest.energy
    return result
