"""Properties of the tariff engine over generated sessions (hypothesis)."""

from __future__ import annotations

import copy
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocpi_sdk import v2_2_1
from ocpi_sdk.tariffs import price
from tests.examples import examples_root, load
from tests.test_tariffs_support import cdr, charge, park

pytestmark = pytest.mark.usefixtures("examples_dir")

AMS = "Europe/Amsterdam"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TARIFF_FILES = [
    "tariff_1_simple_2hour.json",
    "tariff_3_alt_url.json",
    "tariff_4_complex.json",
    "tariff_10_025kwh_parking_start.json",
    "tariff_12_025kwh_min_price.json",
    "tariff_13_simple_3hour_5parking.json",
    "tariff_14_step_size.json",
    "tariffrestriction_example_max_duration.json",
    "tariffrestriction_example_max_power.json",
]
ENERGY_ONLY = [
    "tariff_3_alt_url.json",
    "tariff_8_simple_025kwh.json",
    "tariff_12_025kwh_min_price.json",
    "tariffrestriction_example_max_duration.json",
    "tariffrestriction_example_max_power.json",
]


def _tariff(file: str, step_one: bool = False) -> v2_2_1.Tariff:
    data: dict[str, Any] = copy.deepcopy(load("2.2.1", file))
    if step_one:
        for element in data["elements"]:
            for component in element["price_components"]:
                component["step_size"] = 1
    return v2_2_1.loads(data, v2_2_1.Tariff)


# a start within 2024 (UTC), on the minute
starts = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2024, 12, 31)).map(
    lambda moment: moment.strftime("%Y-%m-%dT%H:%M:00Z")
)
kwh = st.decimals(min_value=0, max_value=80, places=3)
currents = st.integers(1, 96)


@st.composite
def steps(draw: st.DrawFn) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(1, 5))):
        minutes = draw(st.integers(1, 300))
        if draw(st.booleans()):
            amps = draw(currents)
            out.append(charge(minutes, draw(kwh), MIN_CURRENT=amps, MAX_CURRENT=amps))
        else:
            out.append(park(minutes))
    return out


if examples_root() is not None:

    @SETTINGS
    @given(file=st.sampled_from(TARIFF_FILES), start=starts, session=steps())
    def test_cost_never_negative(file: str, start: str, session: list[dict[str, Any]]) -> None:
        result = price(_tariff(file), cdr(start, session), time_zone=AMS)
        assert result.total_cost.excl_vat >= 0
        assert result.total_cost.incl_vat is not None and result.total_cost.incl_vat >= 0
        assert all(line.cost.excl_vat >= 0 for line in result.breakdown)

    @SETTINGS
    @given(
        file=st.sampled_from(ENERGY_ONLY),
        start=starts,
        minutes=st.integers(1, 600),
        first=kwh,
        extra=st.decimals(min_value=0, max_value=50, places=3),
    )
    def test_monotone_in_energy(
        file: str, start: str, minutes: int, first: Decimal, extra: Decimal
    ) -> None:
        tariff = _tariff(file)
        less = price(tariff, cdr(start, [charge(minutes, first)]), time_zone=AMS)
        more = price(tariff, cdr(start, [charge(minutes, first + extra)]), time_zone=AMS)
        assert less.total_cost.excl_vat <= more.total_cost.excl_vat

    @SETTINGS
    @given(
        file=st.sampled_from(TARIFF_FILES),
        start=starts,
        minutes=st.integers(2, 400),
        rate=st.decimals(min_value=0, max_value=1, places=3),
        amps=currents,
        cut=st.floats(0.01, 0.99),
        parked=st.integers(0, 60),
    )
    def test_splitting_a_period_keeps_the_total_with_step_size_one(
        file: str, start: str, minutes: int, rate: Decimal, amps: int, cut: float, parked: int
    ) -> None:
        # rate is kWh per minute, so both halves carry exact energies
        tariff = _tariff(file, step_one=True)
        head = max(1, min(minutes - 1, round(minutes * cut)))
        tail = minutes - head
        parking = [park(parked)] if parked else []

        def piece(m: int) -> dict[str, Any]:
            return charge(m, rate * m, MIN_CURRENT=amps, MAX_CURRENT=amps)

        whole = price(tariff, cdr(start, [piece(minutes), *parking]), time_zone=AMS)
        split = price(tariff, cdr(start, [piece(head), piece(tail), *parking]), time_zone=AMS)
        assert whole.total_cost == split.total_cost
        assert whole.total_energy == split.total_energy


def test_examples_present_for_properties(examples_dir: Path) -> None:
    assert (examples_dir / "2.2.1" / TARIFF_FILES[0]).is_file()
