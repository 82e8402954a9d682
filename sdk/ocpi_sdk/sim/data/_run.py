"""``ChargingRun``: one simulated charging session, its Session snapshots and its CDR."""

from __future__ import annotations

import math
import random
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ocpi_sdk.sim.data._dialects import Dialect, Party, PeriodState, RunContext, SessionState
from ocpi_sdk.sim.data._facts import PHASES

__all__ = ["ChargingRun"]

JSON = dict[str, Any]

PERIOD = 900  # seconds: charging periods end on the quarter hours of the UTC clock
STEP = 60  # seconds: resolution of the simulated power curve
_ID = re.compile(r"^[\x20-\x7E]{1,36}$")


@dataclass(frozen=True, slots=True)
class _Step:
    """A slice of the charge: ``seconds`` long from ``offset`` seconds after the start."""

    offset: int
    seconds: int
    wh: float
    kw: float


@dataclass(frozen=True, slots=True)
class _Segment:
    """A charging period of the whole run: ``[begin, end)`` in seconds after the start."""

    begin: int
    end: int
    charging: bool


class ChargingRun:
    """A charging session at one connector: a power curve, its periods, Sessions and CDR.

    Built by :meth:`NetworkData.session <ocpi_sdk.sim.data.NetworkData.session>`. AC charges at
    the flat power of the car's on-board charger (at most the connector's power). DC charges at
    the lower of the car's and the charger's peak power until 80 % state of charge, then tapers
    linearly to a fifth of the peak at 100 %. Energy is metered in 15-minute charging periods on
    the quarter hours of the UTC clock; after charging the car may stay parked, which is one
    more period with only parking time. All values are whole seconds and whole Wh, so a
    Session's ``kwh`` is exactly the sum of its periods' ENERGY.
    """

    def __init__(
        self,
        *,
        dialect: Dialect,
        cpo: Party,
        token: JSON,
        location: JSON,
        evse: JSON,
        connector: JSON,
        tariffs: tuple[JSON, ...],
        start: datetime,
        kwh_target: float,
        session_id: str,
        rng: random.Random,
        parking: timedelta | None = None,
    ) -> None:
        if not _ID.match(session_id):
            raise ValueError(
                f"session_id must be 1 to 36 printable ASCII characters: {session_id!r}"
            )
        if not 0 < kwh_target <= 250:
            raise ValueError(f"kwh_target must be above 0 and at most 250 kWh, got {kwh_target}")
        if start.tzinfo is None:
            start = start.replace(tzinfo=UTC)
        self._dialect = dialect
        self.session_id = session_id
        self.start = start.astimezone(UTC).replace(microsecond=0)
        """When the session started (UTC, whole seconds)."""
        power_type, voltage, amperage = dialect.connector_power(connector)
        self.dc = power_type == "DC"
        self._steps = self._simulate(
            rng, voltage * amperage * PHASES.get(power_type, 1), kwh_target
        )
        self._charge_seconds = sum(step.seconds for step in self._steps)
        self._step_starts = [step.offset for step in self._steps]
        self._step_ends = [step.offset + step.seconds for step in self._steps]
        self._cumulative_wh: list[float] = []
        running = 0.0
        for step in self._steps:
            running += step.wh
            self._cumulative_wh.append(running)
        if parking is None:
            parked = rng.random() < (0.3 if self.dc else 0.6)
            seconds = rng.randint(120, 900) if self.dc else rng.randint(600, 4 * 3600)
            parking = timedelta(seconds=seconds if parked else 0)
        self._parking_seconds = max(0, int(parking.total_seconds()))
        self.charging_end = self.start + timedelta(seconds=self._charge_seconds)
        """When the car stopped drawing power."""
        self.end = self.charging_end + timedelta(seconds=self._parking_seconds)
        """When the session ended (the car left)."""
        self._segments = self._split()
        self._cdr_delay = timedelta(seconds=rng.randint(30, 900))
        kind = dialect.token_kind(token)
        methods = dialect.auth_methods(kind)
        method = methods[0] if len(methods) == 1 or rng.random() < 0.7 else methods[1]
        reference = None
        if method != "WHITELIST" and dialect.version != "2.1.1":
            reference = f"AR{rng.getrandbits(40):010X}"
        tariff_ids = tuple(str(t["id"]) for t in tariffs)
        self._tariff_id = tariff_ids[0] if tariff_ids else None
        self._run = RunContext(
            session_id=session_id,
            cpo=cpo,
            start=self.start,
            token=token,
            location=location,
            evse=evse,
            connector=connector,
            tariffs=tariffs,
            auth_method=method,
            authorization_reference=reference,
            meter_id=f"EM{rng.randrange(10**8):08d}",
            currency=str(tariffs[0]["currency"]) if tariffs else "EUR",
        )

    # -- the power curve -------------------------------------------------------------------

    def _simulate(self, rng: random.Random, connector_w: int, kwh_target: float) -> list[_Step]:
        connector_kw = connector_w / 1000
        if self.dc:
            car_kw = rng.choice((50.0, 100.0, 135.0, 170.0, 250.0))
            capacity = rng.choice((58.0, 64.0, 77.0, 82.0, 100.0))
        else:
            car_kw = rng.choice((7.4, 11.0, 11.0, 22.0))
            capacity = rng.choice((40.0, 58.0, 64.0, 77.0))
        peak = min(car_kw, connector_kw)
        soc = rng.uniform(0.08, 0.4)
        capacity = max(capacity, math.ceil(kwh_target / (0.97 - soc)))  # the target always fits
        target_wh = round(kwh_target * 1000)
        steps: list[_Step] = []
        delivered = 0.0
        offset = 0
        first = STEP - self.start.second  # align the steps with the minutes of the clock
        while delivered < target_wh:
            charged = soc + delivered / 1000 / capacity
            if self.dc and charged > 0.8:
                kw = peak * max(0.2, 1 - 4 * (charged - 0.8))
            else:
                kw = peak * rng.uniform(0.97, 1.0)
            kw = round(kw, 2)
            seconds = first if offset == 0 else STEP
            wh = kw * seconds / 3.6
            if delivered + wh >= target_wh:  # the meter stops at the target
                wh = target_wh - delivered
                seconds = max(1, math.ceil(wh * 3.6 / kw))
            steps.append(_Step(offset, seconds, wh, kw))
            delivered += wh
            offset += seconds
        return steps

    def _split(self) -> list[_Segment]:
        """Quarter-hour charging periods, then one parking period."""
        segments: list[_Segment] = []
        begin = 0
        first = PERIOD - (int(self.start.timestamp()) % PERIOD)
        while begin < self._charge_seconds:
            end = min(self._charge_seconds, first if begin == 0 else begin + PERIOD)
            segments.append(_Segment(begin, end, True))
            begin = end
        if self._parking_seconds:
            segments.append(_Segment(begin, begin + self._parking_seconds, False))
        return segments

    def _wh_until(self, second: int) -> int:
        """Energy delivered in the first ``second`` seconds, rounded to whole Wh."""
        done = bisect_right(self._step_ends, second)  # steps wholly before ``second``
        total = self._cumulative_wh[done - 1] if done else 0.0
        if done < len(self._steps) and self._steps[done].offset < second:
            step = self._steps[done]
            total += step.wh * (second - step.offset) / step.seconds
        return round(total)

    def _max_kw(self, begin: int, end: int) -> float:
        first = bisect_right(self._step_ends, begin)
        last = bisect_left(self._step_starts, end)
        return max((step.kw for step in self._steps[first:last]), default=0.0)

    def _state(self, second: int, status: str, total_cost: Any) -> SessionState:
        periods: list[PeriodState] = []
        for seg in self._segments:
            if seg.begin >= second:
                break
            end = min(seg.end, second)
            periods.append(
                PeriodState(
                    start=self.start + timedelta(seconds=seg.begin),
                    charging_seconds=end - seg.begin if seg.charging else 0,
                    parking_seconds=0 if seg.charging else end - seg.begin,
                    wh=self._wh_until(end) - self._wh_until(seg.begin) if seg.charging else 0,
                    max_kw=self._max_kw(seg.begin, end) if seg.charging else 0.0,
                    tariff_id=self._tariff_id,
                )
            )
        finished = status == "COMPLETED"
        return SessionState(
            status=status,
            end=self.start + timedelta(seconds=second) if finished else None,
            wh=self._wh_until(second),
            periods=tuple(periods),
            last_updated=self.start + timedelta(seconds=second),
            total_cost=total_cost,
        )

    # -- public API ------------------------------------------------------------------------

    @property
    def kwh(self) -> float:
        """Energy delivered by the whole run, in kWh (whole Wh)."""
        return self._wh_until(self._charge_seconds) / 1000

    @property
    def tariffs(self) -> list[JSON]:
        """The Tariffs the session is charged by (the connector's first tariff id)."""
        return list(self._run.tariffs)

    @property
    def power_curve(self) -> list[tuple[datetime, float]]:
        """The simulated power: ``(moment, kW)`` at the start of each slice (mostly a minute)."""
        return [(self.start + timedelta(seconds=step.offset), step.kw) for step in self._steps]

    @property
    def period_starts(self) -> list[datetime]:
        """When each charging period starts: the moments a CPO would send a Session update."""
        return [self.start + timedelta(seconds=seg.begin) for seg in self._segments]

    @property
    def periods(self) -> list[JSON]:
        """The ChargingPeriods of the completed session, as the Session carries them."""
        return self.session()["charging_periods"]  # type: ignore[no-any-return]

    def session_at(self, moment: datetime, *, total_cost: Any = None) -> JSON:
        """The Session as the CPO knows it at ``moment``: ACTIVE until the end, then COMPLETED.

        Energy, periods and ``last_updated`` are as of ``moment`` (a running period ends
        there). ``total_cost`` (a Price in 2.2.1 and 2.3.0, a number in 2.1.1) is included when
        given; in 2.3.0 it may also be ``{"before_taxes", "after_taxes"}`` as :meth:`cdr` takes.
        """
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        second = int((moment - self.start).total_seconds())
        if second < 0:
            raise ValueError(f"{moment.isoformat()} is before the session start")
        total = int((self.end - self.start).total_seconds())
        status = "COMPLETED" if second >= total else "ACTIVE"
        return self._dialect.session(self._run, self._state(min(second, total), status, total_cost))

    def session(self, status: str = "COMPLETED", *, total_cost: Any = None) -> JSON:
        """The Session with ``status``: COMPLETED is the final state with every period.

        Any other status of the version (ACTIVE, PENDING, ...) gives the Session as created at
        the start: no energy yet and no periods.
        """
        if status not in self._dialect.session_statuses:
            known = ", ".join(self._dialect.session_statuses)
            raise ValueError(
                f"{status!r} is not a SessionStatus of {self._dialect.version}: {known}"
            )
        if status == "COMPLETED":
            second = int((self.end - self.start).total_seconds())
            return self._dialect.session(self._run, self._state(second, status, total_cost))
        return self._dialect.session(self._run, self._state(0, status, total_cost))

    def cdr(self, total_cost_fields: Mapping[str, Any], *, cdr_id: str | None = None) -> JSON:
        """The CDR of the completed session, with the costs the caller priced.

        ``total_cost_fields`` holds ``total_cost`` and optionally the other ``total_*_cost``
        fields: Price dicts ``{"excl_vat": ..., "incl_vat": ...}`` in 2.2.1, ``{"before_taxes":
        ..., "taxes": [...]}`` in 2.3.0, plain numbers in 2.1.1 (whose CDR has only
        ``total_cost``; other cost fields are left out). The output of
        ``ocpi_sdk.tariffs.price(...).ocpi_totals()`` can be passed as it is: in 2.3.0 its
        ``{"before_taxes": ..., "after_taxes": ...}`` become Prices whose one tax, VAT, is the
        difference (at the rate of the run's tariffs when they agree on one). Times, energy,
        periods, token, location and tariffs come from the run, so they equal the completed
        Session's; any ``total_energy``/``total_time``/``total_parking_time`` passed in is
        ignored. A name that is no CDR total raises ValueError. ``cdr_id`` defaults to the
        session id.
        """
        second = int((self.end - self.start).total_seconds())
        state = self._state(second, "COMPLETED", None)
        return self._dialect.cdr(
            self._run,
            state,
            total_cost_fields,
            cdr_id or self.session_id,
            self.end + self._cdr_delay,
        )
