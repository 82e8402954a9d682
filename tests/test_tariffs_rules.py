"""The pricing rules one by one, with tariffs written here (each test says its arithmetic)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ocpi_sdk import v2_2_1
from ocpi_sdk.errors import OcpiError
from ocpi_sdk.tariffs import TariffError, TimeZoneRequired, price, zones_for_country
from tests.test_tariffs_support import (
    D,
    cdr,
    charge,
    component,
    custom,
    park,
    priced,
    tariff,
    total,
)

START = "2024-01-15T08:30:00Z"  # a Monday


@pytest.fixture(autouse=True)
def _examples(examples_dir: Path) -> None:
    """Skip (or fail under CI) when the spec examples are missing."""


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# --- step_size --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        # mod_tariffs step_size note: 115.2 Wh at 0.25/kWh.
        (1, "0.029"),  # 116 Wh * 0.25 / 1000 = 0.029
        (25, "0.0313"),  # 125 Wh = 0.03125, rounded to 4 decimals (the spec prints 0.031)
        (500, "0.125"),  # 500 Wh
    ],
)
def test_energy_step_size_note(step: int, expected: str) -> None:
    energy = custom([{"price_components": [component("ENERGY", "0.25", step)]}])
    assert priced(energy, START, [charge(1, "0.1152")]).total_cost.excl_vat == D(expected)


def test_step_size_on_the_energy_total_with_the_last_components_step() -> None:
    # mod_cdrs: 0.20/kWh before 17:00, 0.27 after, both step 500 Wh; 4.3 kWh before, 1.1 after:
    # total 5.4 -> 5.5 kWh; the extra 0.1 kWh is billed at the later price.
    # 4.3 * 0.20 + 1.2 * 0.27 = 0.86 + 0.324 = 1.184 (not 1.5 kWh after 17:00)
    two_prices = custom(
        [
            {
                "price_components": [component("ENERGY", "0.20", 500)],
                "restrictions": {"end_time": "17:00"},
            },
            {"price_components": [component("ENERGY", "0.27", 500)]},
        ]
    )
    result = priced(two_prices, "2024-01-15T15:00:00Z", [charge(60, "4.3"), charge(30, "1.1")],
                    time_zone="Europe/Amsterdam")  # fmt: skip
    assert result.total_cost.excl_vat == D("1.184")


def test_time_step_size_total_not_per_element() -> None:
    # mod_cdrs: 5/h before 17:00, 7/h after, step 600; 6 min before, 22 after: 28 -> 30 min;
    # 6 min * 5/h = 0.50, 24 min * 7/h = 2.80: 3.30
    two_prices = custom(
        [
            {
                "price_components": [component("TIME", 5, 600)],
                "restrictions": {"start_time": "00:00", "end_time": "17:00"},
            },
            {"price_components": [component("TIME", 7, 600)]},
        ]
    )
    result = priced(two_prices, "2024-01-15T15:54:00Z", [charge(28, 3)],
                    time_zone="Europe/Amsterdam")  # fmt: skip
    assert result.total_cost.excl_vat == D("3.30")


def test_only_parking_rounded_when_time_is_followed_by_parking() -> None:
    # mod_cdrs: TIME 1.00/h and PARKING 2.00/h, both step 600; 21 min charging (not rounded):
    # 0.35; 16 min parking -> 20 min: 0.6667. Total 1.016666.. -> 1.0167
    both = custom(
        [{"price_components": [component("TIME", 1, 600), component("PARKING_TIME", 2, 600)]}]
    )
    result = priced(both, START, [charge(21, 5), park(16)])
    assert result.total_time_cost.excl_vat == D("0.35")
    assert result.total_parking_cost.excl_vat == D("0.6667")
    assert result.total_cost.excl_vat == D("1.0167")


def test_time_rounded_when_charging_resumes_after_parking() -> None:
    # charge 10 min, park 5, charge 11 (last time-based period is TIME): TIME total 21 -> 30 min
    # (step 600) = 0.50; parking 5 min not rounded = 2.00 * 5/60 = 0.1667. Total 0.6667
    both = custom(
        [{"price_components": [component("TIME", 1, 600), component("PARKING_TIME", 2, 600)]}]
    )
    result = priced(both, START, [charge(10, 1), park(5), charge(11, 1)])
    assert result.total_time_cost.excl_vat == D("0.50")
    assert result.total_parking_cost.excl_vat == D("0.1667")


# --- time of day, midnight and time zones -----------------------------------------------------

NIGHT = [
    {
        "price_components": [component("TIME", 1, 1)],
        "restrictions": {"start_time": "22:00", "end_time": "06:00"},
    },
    {"price_components": [component("TIME", 2, 1)]},
]


def test_time_range_wrapping_past_midnight() -> None:
    # 21:00 -> 07:00 UTC: 1 h at 2.00, 8 h (22-06) at 1.00, 1 h at 2.00: 2 + 8 + 2 = 12.00
    result = priced(custom(NIGHT), "2024-01-15T21:00:00Z", [charge(600, 50)], time_zone="UTC")
    assert result.total_cost.excl_vat == D("12.00")
    assert [(line.start.hour, line.price) for line in result.breakdown] == [
        (21, D(2)),
        (22, D(1)),
        (6, D(2)),
    ]


def test_end_time_midnight_means_end_of_day() -> None:
    # tariff_14: 23:30 -> 00:30 local charging: 30 min at 2.40 (20:00-00:00) = 1.20, then 30 min at
    # 1.20 (00:00-17:00) = 0.60; TIME total 60 min is a multiple of the last step 1800: 1.80
    result = priced(tariff("2.2.1", "tariff_14_step_size.json"), "2024-01-15T22:30:00Z",
                    [charge(60, 5)], time_zone="Europe/Amsterdam")  # fmt: skip
    assert result.total_cost.excl_vat == D("1.80")


def test_same_session_two_time_zones() -> None:
    # tariff_14, charging 15:35Z-16:10Z (35 min).
    # London (UTC+0): 15:35-16:10, all before 17:00 at 1.20/h, step 1800: 35 -> 60 min = 1.20
    # Amsterdam (UTC+1): 16:35-17:10: spec example #2 = 1.30
    fourteen = tariff("2.2.1", "tariff_14_step_size.json")
    steps = [charge(35, 5)]
    london = priced(fourteen, "2024-01-15T15:35:00Z", steps, time_zone="Europe/London")
    amsterdam = priced(fourteen, "2024-01-15T15:35:00Z", steps, time_zone="Europe/Amsterdam")
    assert london.total_cost.excl_vat == D("1.20")
    assert amsterdam.total_cost.excl_vat == D("1.30")


def test_day_of_week_and_dates_in_local_time() -> None:
    # Sunday 23:30 UTC is Monday 00:30 in Amsterdam. Element: MONDAY only, 1.00/h, from date
    # 2024-01-15 (inclusive) to 2024-01-16 (exclusive); fallback 3.00/h.
    # Amsterdam: all 60 min on Monday the 15th: 1.00. UTC: 30 min Sunday (3.00) + 30 min Monday
    # (1.00): 1.50 + 0.50 = 2.00
    days = custom(
        [
            {
                "price_components": [component("TIME", 1)],
                "restrictions": {
                    "day_of_week": ["MONDAY"],
                    "start_date": "2024-01-15",
                    "end_date": "2024-01-16",
                },
            },
            {"price_components": [component("TIME", 3)]},
        ]
    )
    steps = [charge(60, 5)]
    assert priced(days, "2024-01-14T23:30:00Z", steps, time_zone="Europe/Amsterdam").total_cost \
        .excl_vat == D("1.00")  # fmt: skip
    assert priced(days, "2024-01-14T23:30:00Z", steps, time_zone="UTC").total_cost.excl_vat == 2


def test_summer_time_shifts_the_boundary() -> None:
    # 14:30Z-15:30Z in July is 16:30-17:30 CEST in Amsterdam: 30 min at 1.20/h (before 17:00)
    # + 30 min at 2.40/h; TIME 60 min multiple of the step 900: 0.60 + 1.20 = 1.80
    result = priced(tariff("2.2.1", "tariff_14_step_size.json"), "2024-07-15T14:30:00Z",
                    [charge(60, 5)], time_zone="Europe/Amsterdam")  # fmt: skip
    assert result.total_cost.excl_vat == D("1.80")


# --- elements switching inside a period -------------------------------------------------------


def test_max_duration_crossed_inside_one_period() -> None:
    # tariffrestriction_example_max_duration: one 90 min period, 9 kWh evenly (6 kW).
    # 0-30 min: 3 kWh free; 30-60: 3 kWh * 0.25 = 0.75; 60-90: 3 kWh * 0.40 = 1.20. Total 1.95
    result = priced(tariff("2.2.1", "tariffrestriction_example_max_duration.json"), START,
                    [charge(90, 9)])  # fmt: skip
    assert result.total_cost.excl_vat == D("1.95")
    lines = [(line.element, line.start, line.end, line.volume) for line in result.breakdown]
    begin = utc(START)
    assert lines == [
        (0, begin, begin + timedelta(minutes=30), D(3)),
        (1, begin + timedelta(minutes=30), begin + timedelta(minutes=60), D(3)),
        (2, begin + timedelta(minutes=60), begin + timedelta(minutes=90), D(3)),
    ]


def test_max_kwh_crossed_inside_one_period() -> None:
    # 0.30/kWh below 10 kWh, 0.20 from 10 kWh on (min_kwh inclusive); 20 kWh in 2 h evenly:
    # crossing at 1 h; 10 * 0.30 + 10 * 0.20 = 5.00
    kwh = custom(
        [
            {"price_components": [component("ENERGY", "0.30")], "restrictions": {"max_kwh": 10}},
            {"price_components": [component("ENERGY", "0.20")], "restrictions": {"min_kwh": 10}},
        ]
    )
    result = priced(kwh, START, [charge(120, 20)])
    assert result.total_cost.excl_vat == D("5.00")
    first, second = result.breakdown
    assert first.end == second.start == utc(START) + timedelta(hours=1)
    assert (first.volume, second.volume) == (D(10), D(10))


def test_min_duration_inclusive() -> None:
    # parking costs only from 60 min into the session (min_duration 3600 inclusive):
    # charge 50 min, park 30 min: 20 min billable * 6.00/h = 2.00
    late = custom(
        [
            {
                "price_components": [component("PARKING_TIME", 6)],
                "restrictions": {"min_duration": 3600},
            }
        ]
    )
    assert priced(late, START, [charge(50, 5), park(30)]).total_cost.excl_vat == D("2.00")


def test_no_element_matches_costs_nothing() -> None:
    only_fast = custom(
        [{"price_components": [component("ENERGY", 1)], "restrictions": {"min_power": 50}}]
    )
    assert priced(only_fast, START, [charge(60, 11)]).total_cost.excl_vat == 0


# --- several tariffs --------------------------------------------------------------------------


def _pair():
    old = custom([{"price_components": [component("ENERGY", "0.20")]}], id="OLD",
                 end_date_time="2024-01-15T09:30:00Z")  # fmt: skip
    new = custom([{"price_components": [component("ENERGY", "0.30")]}], id="NEW",
                 start_date_time="2024-01-15T09:30:00Z")  # fmt: skip
    return old, new


def test_tariff_switch_by_validity_mid_period() -> None:
    # 08:30-10:30Z, 10 kWh evenly; OLD until 09:30, NEW from then: 5 * 0.20 + 5 * 0.30 = 2.50
    old, new = _pair()
    result = priced([new, old], START, [charge(120, 10)])
    assert result.total_cost.excl_vat == D("2.50")
    assert [line.tariff_id for line in result.breakdown] == ["OLD", "NEW"]


def test_tariff_switch_by_period_tariff_id() -> None:
    # the periods name the tariffs: 4 kWh under OLD (0.80), 6 kWh under NEW (1.80): 2.60
    old, new = _pair()
    record = cdr(START, [charge(60, 4), charge(60, 6)], tariff_ids=["OLD", "NEW"])
    assert price([old, new], record).total_cost.excl_vat == D("2.60")


# --- time zones -------------------------------------------------------------------------------


def test_zone_from_single_zone_country_is_noted() -> None:
    result = priced(tariff("2.2.1", "tariff_14_step_size.json"), START, [charge(10, 1)],
                    country="BEL")  # fmt: skip
    assert "time zone Europe/Brussels: the only time zone of country BEL" in result.notes


def test_zone_for_germany_agrees_over_the_session() -> None:
    result = priced(tariff("2.2.1", "tariff_14_step_size.json"), START, [charge(10, 1)],
                    country="DEU")  # fmt: skip
    assert result.time_zone is not None and str(result.time_zone) == "Europe/Berlin"


def test_time_zone_required_for_several_zones() -> None:
    with pytest.raises(TimeZoneRequired) as caught:
        priced(tariff("2.2.1", "tariff_4_complex.json"), START, [charge(10, 1)], country="USA")
    assert isinstance(caught.value, OcpiError)
    assert "America/New_York" in caught.value.candidates
    assert "time_zone" in str(caught.value)


def test_time_zone_not_needed_without_local_restrictions() -> None:
    result = priced(tariff("2.2.1", "tariff_8_simple_025kwh.json"), START, [charge(60, 4)],
                    country="USA")  # fmt: skip
    assert result.total_cost.excl_vat == 1


def test_session_priced_with_location_zone() -> None:
    from tests.examples import load

    session = v2_2_1.loads(load("2.2.1", "session_example_2_short_finished.json"), v2_2_1.Session)
    complex_ = tariff("2.2.1", "tariff_4_complex.json")
    with pytest.raises(TimeZoneRequired):
        price(complex_, session)
    location = v2_2_1.loads(load("2.2.1", "location_example.json"), v2_2_1.Location)
    result = price(complex_, session, location=location)
    assert result.total_fixed_cost.excl_vat == D("2.50")
    assert f"time zone {location.time_zone}: time_zone of the Location given" in result.notes


def test_unknown_zone_name() -> None:
    with pytest.raises(TariffError, match="unknown time zone"):
        priced(tariff("2.2.1", "tariff_8_simple_025kwh.json"), START, [charge(1, 1)],
               time_zone="Mars/Olympus")  # fmt: skip


def test_zones_for_country() -> None:
    assert zones_for_country("NLD") == ("Europe/Amsterdam",)
    assert zones_for_country("nl") == ("Europe/Amsterdam",)
    assert zones_for_country("XXX") == ()
    assert len(zones_for_country("ESP")) == 3


# --- errors -----------------------------------------------------------------------------------


def test_versions_cannot_be_mixed() -> None:
    old = custom([{"price_components": [component("TIME", 1)]}], version="2.1.1")
    with pytest.raises(TariffError, match=r"OCPI 2\.1\.1"):
        priced(old, START, [charge(1, 1)])


def test_no_tariff_at_all() -> None:
    with pytest.raises(TariffError, match="no tariff"):
        price(None, cdr(START, [charge(1, 1)]))


def test_not_a_model() -> None:
    with pytest.raises(TariffError, match="CDR or Session"):
        price(None, {"id": "x"})


def test_bad_time_restriction() -> None:
    bad = custom(
        [{"price_components": [component("TIME", 1)], "restrictions": {"start_time": "7:00"}}]
    )
    with pytest.raises(TariffError, match="HH:MM"):
        priced(bad, START, [charge(1, 1)], time_zone="UTC")


def test_breakdown_table_is_readable() -> None:
    result = priced(tariff("2.2.1", "tariff_10_025kwh_parking_start.json"), START,
                    [charge(120, 20), park(40)])  # fmt: skip
    text = str(result)
    assert "PARKING_TIME (step)" in text
    assert "total_cost:             7.0000 excl. VAT, 7.9000 incl. VAT EUR" in text
    assert total(result) == (D(7), D("7.9"))
