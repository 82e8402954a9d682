"""Issue 13: the engine bills the CDR's stated volumes, bounds periods by the session, places
local boundaries right across DST, refuses unusable numbers with a TariffError naming the field
and never lets a CDR it cannot verify pass. Each test works its total out by hand; the "old"
figure in a comment is what the engine before the fix returned."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ocpi_sdk import v2_2_1
from ocpi_sdk.tariffs import CannotVerify, TariffError, check_cdr, price
from ocpi_sdk.tariffs.loading import UnusableInput, is_priced, load_for_pricing
from tests.examples import load
from tests.test_tariffs_check_cli import ocpi  # noqa: F401  (fixture)

D = Decimal
AMS = "Europe/Amsterdam"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

pytestmark = pytest.mark.usefixtures("examples_dir")


def tariff(elements: list[dict[str, Any]], **fields: Any) -> v2_2_1.Tariff:
    data: dict[str, Any] = {
        "country_code": "NL",
        "party_id": "TST",
        "id": "T",
        "currency": "EUR",
        "elements": elements,
        "last_updated": "2024-01-01T00:00:00Z",
    }
    data.update(fields)
    return v2_2_1.loads(data, v2_2_1.Tariff)


def pc(kind: str, price_: Any, step: int = 1, vat: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": kind, "price": D(str(price_)), "step_size": step}
    if vat is not None:
        out["vat"] = D(str(vat))
    return out


def cdr_data(start: str, end: str, periods: list[tuple[str, list[tuple[str, Any]]]], **fields: Any):
    data: dict[str, Any] = {
        "country_code": "NL",
        "party_id": "TST",
        "id": "C",
        "start_date_time": start,
        "end_date_time": end,
        "cdr_token": {
            "country_code": "NL",
            "party_id": "EMS",
            "uid": "U",
            "type": "RFID",
            "contract_id": "C1",
        },
        "auth_method": "WHITELIST",
        "cdr_location": {
            "id": "L",
            "address": "a",
            "city": "c",
            "country": "NLD",
            "coordinates": {"latitude": "52.373056", "longitude": "4.892222"},
            "evse_uid": "E",
            "evse_id": "E",
            "connector_id": "1",
            "connector_standard": "IEC_62196_T2",
            "connector_format": "SOCKET",
            "connector_power_type": "AC_3_PHASE",
        },
        "currency": "EUR",
        "charging_periods": [
            {
                "start_date_time": s,
                "dimensions": [{"type": k, "volume": D(str(v))} for k, v in dims],
            }
            for s, dims in periods
        ],
        "total_cost": {"excl_vat": 0},
        "total_energy": 0,
        "total_time": 0,
        "last_updated": end,
    }
    data.update(fields)
    return data


def cdr(*args: Any, **fields: Any) -> v2_2_1.CDR:
    return v2_2_1.loads(cdr_data(*args, **fields), v2_2_1.CDR)


def excl(result: Any) -> Decimal:
    return result.total_cost.excl_vat


TIME_2 = [{"price_components": [pc("TIME", 2)]}]
ENERGY_025 = [{"price_components": [pc("ENERGY", "0.25")]}]


# --- bug 1: the stated TIME and PARKING_TIME volumes are billed --------------------------------


def test_bug1_parking_time_stated_in_a_charging_period() -> None:
    # 2.2.1 mod_tariffs "Tariff example EUR 0.25 per kWh + parking fee + start fee" with
    # mod_cdrs CdrDimensionType PARKING_TIME: one period 10:00-12:40 with ENERGY 20 and
    # PARKING_TIME 0.6667 h (40 min). FLAT 0.50 (20%: 0.60) + 20 kWh * 0.25 = 5.00 (10%: 5.50)
    # + 40 min parking at 2.00/h, step 900 s -> 45 min = 1.50 (20%: 1.80) = 7.00 / 7.90.
    # Old: the whole 2 h 40 min billed as parking (160 -> 165 min = 5.50): 11.00 / 12.70.
    t10 = v2_2_1.loads(load("2.2.1", "tariff_10_025kwh_parking_start.json"), v2_2_1.Tariff)
    one = cdr(
        "2024-01-15T10:00:00Z",
        "2024-01-15T12:40:00Z",
        [("2024-01-15T10:00:00Z", [("ENERGY", 20), ("PARKING_TIME", "0.6667")])],
    )
    result = price(t10, one)
    assert (result.total_cost.excl_vat, result.total_cost.incl_vat) == (D("7.00"), D("7.90"))
    assert result.total_parking_time == D("0.6667")


def test_bug1_time_shorter_than_the_period_bills_the_stated_time() -> None:
    # mod_cdrs CdrDimensionType TIME "Time charging in this ChargingPeriod": a 2 h period that
    # states TIME 1 h at 2.00/h: 1 * 2.00 = 2.00 (old: 2 h from the timestamps, 4.00); noted.
    result = price(
        tariff(TIME_2),
        cdr(
            "2024-01-15T10:00:00Z",
            "2024-01-15T12:00:00Z",
            [("2024-01-15T10:00:00Z", [("ENERGY", 5), ("TIME", 1)])],
        ),
    )
    assert excl(result) == D("2.00")
    assert any("states TIME + PARKING_TIME 1.0000 h" in n for n in result.notes)


def test_bug1_energy_is_placed_in_the_charging_time_not_over_parking() -> None:
    # mod_cdrs CdrDimensionType: ENERGY is charged while charging; PARKING_TIME is time "not
    # requesting power". One period 08:00-10:00 UTC (09:00-11:00 Amsterdam) with TIME 1, PARKING
    # 1, ENERGY 10; energy 0.20/kWh before 10:00 local, 0.40 after. Charging 09:00-10:00 local:
    # 10 * 0.20 = 2.00 (spread over both hours it would be 5 * 0.20 + 5 * 0.40 = 3.00).
    cheap_morning = tariff(
        [
            {"price_components": [pc("ENERGY", "0.20")], "restrictions": {"end_time": "10:00"}},
            {"price_components": [pc("ENERGY", "0.40")]},
        ]
    )
    one = cdr(
        "2024-01-15T08:00:00Z",
        "2024-01-15T10:00:00Z",
        [("2024-01-15T08:00:00Z", [("ENERGY", 10), ("TIME", 1), ("PARKING_TIME", 1)])],
    )
    assert excl(price(cheap_morning, one, time_zone=AMS)) == D("2.00")


# --- bug 2: periods bounded by the session, no volume lost -------------------------------------

HOUR = ("2024-01-15T10:00:00Z", "2024-01-15T11:00:00Z")


def test_bug2_a_period_after_the_end_does_not_stretch_the_session() -> None:
    # mod_cdrs ChargingPeriod start_date_time: "The last period ends when the session ends."
    # 10:00-11:00 CDR, periods at 10:00 (ENERGY 5, no TIME) and 11:30 (ENERGY 0): the first
    # ends at the session end: 1 h * 2.00 = 2.00 (old 1.5 h: 3.00); the second is noted.
    result = price(
        tariff(TIME_2),
        cdr(
            *HOUR,
            [("2024-01-15T10:00:00Z", [("ENERGY", 5)]), ("2024-01-15T11:30:00Z", [("ENERGY", 0)])],
        ),
    )
    assert excl(result) == D("2.00")
    assert any("starts after the session ends" in n for n in result.notes)


def test_bug2_a_period_before_the_start_is_placed_from_the_start() -> None:
    # same rule: a period starting 09:30 in a 10:00-11:00 CDR lasts 10:00-11:00: 2.00 (old 3.00)
    result = price(tariff(TIME_2), cdr(*HOUR, [("2024-01-15T09:30:00Z", [("ENERGY", 5)])]))
    assert excl(result) == D("2.00")
    assert any("starts before the session" in n for n in result.notes)


def test_bug2_periods_with_the_same_start_add_up() -> None:
    # two periods at 10:00 with ENERGY 5 and 3: 8 kWh * 0.25 = 2.00 (old: the first dropped,
    # 3 * 0.25 = 0.75); noted.
    result = price(
        tariff(ENERGY_025),
        cdr(
            *HOUR,
            [
                ("2024-01-15T10:00:00Z", [("ENERGY", 5), ("TIME", "0.5")]),
                ("2024-01-15T10:00:00Z", [("ENERGY", 3), ("TIME", "0.5")]),
            ],
        ),
    )
    assert excl(result) == D("2.00")
    assert result.total_energy == D(8)
    assert any("start at the same time" in n for n in result.notes)


def test_bug2_a_dimension_listed_twice_adds_up() -> None:
    # ENERGY 5 and ENERGY 3 in one period: 8 * 0.25 = 2.00 (old: the last one only, 0.75)
    result = price(
        tariff(ENERGY_025),
        cdr(*HOUR, [("2024-01-15T10:00:00Z", [("ENERGY", 5), ("ENERGY", 3), ("TIME", 1)])]),
    )
    assert excl(result) == D("2.00")
    assert any("lists ENERGY more than once: added up" in n for n in result.notes)


def test_bug2_zero_length_session_with_energy() -> None:
    # start = end, one period with ENERGY 10: the energy is billed, 10 * 0.25 = 2.50 (old 0.00)
    result = price(
        tariff(ENERGY_025),
        cdr(
            "2024-01-15T10:00:00Z",
            "2024-01-15T10:00:00Z",
            [("2024-01-15T10:00:00Z", [("ENERGY", 10)])],
        ),
    )
    assert excl(result) == D("2.50")
    assert any("no charging time" in n for n in result.notes)


def test_bug2_stated_time_longer_than_the_period_is_billed_and_noted() -> None:
    # periods at 10:00 (TIME 0.75) and 10:30 (TIME 0.5): 1.25 h * 2.00 = 2.50 (old: the
    # timestamps, 1 h: 2.00); the first period's 45 min are squeezed into its 30 min (noted).
    result = price(
        tariff(TIME_2),
        cdr(
            *HOUR,
            [
                ("2024-01-15T10:00:00Z", [("ENERGY", 5), ("TIME", "0.75")]),
                ("2024-01-15T10:30:00Z", [("ENERGY", 5), ("TIME", "0.5")]),
            ],
        ),
    )
    assert excl(result) == D("2.50")
    assert any("placed in the period in proportion" in n for n in result.notes)


# --- bug 3: DST ---------------------------------------------------------------------------------


def _two_rates(start: str, end: str) -> v2_2_1.Tariff:
    return tariff(
        [
            {
                "price_components": [pc("TIME", 2)],
                "restrictions": {"start_time": start, "end_time": end},
            },
            {"price_components": [pc("TIME", 1)]},
        ]
    )


def test_bug3_boundary_in_the_repeated_hour() -> None:
    # mod_tariffs TariffRestrictions start_time/end_time are local times. 2024-10-27 Amsterdam:
    # 03:00 CEST -> 02:00 CET at 01:00Z. 22:00Z-03:00Z is local 00:00-02:59 (CEST), 02:00-04:00
    # (CET). 00:00-02:30 local at 2.00: 22:00Z-00:30Z (2.5 h) and 01:00Z-01:30Z (0.5 h, the
    # second 02:00-02:30): 3 h * 2 = 6; 2 h * 1 = 2. Total 8.00 (old 7.50).
    one = cdr(
        "2024-10-26T22:00:00Z",
        "2024-10-27T03:00:00Z",
        [("2024-10-26T22:00:00Z", [("ENERGY", 10), ("TIME", 5)])],
    )
    assert excl(price(_two_rates("00:00", "02:30"), one, time_zone=AMS)) == D("8.00")


def test_bug3_boundary_in_the_skipped_hour() -> None:
    # 2024-03-31 Amsterdam: 02:00 CET -> 03:00 CEST at 01:00Z; 02:30 never happens, so the
    # 02:30-06:00 element applies from the change. 00:00Z-01:00Z (01:00-02:00 local) at 1.00,
    # 01:00Z-03:00Z (03:00-05:00 local) at 2.00: 1 + 4 = 5.00 (old 4.50).
    one = cdr(
        "2024-03-31T00:00:00Z",
        "2024-03-31T03:00:00Z",
        [("2024-03-31T00:00:00Z", [("ENERGY", 10), ("TIME", 3)])],
    )
    assert excl(price(_two_rates("02:30", "06:00"), one, time_zone=AMS)) == D("5.00")


def _in_range(start: time, end: time, now: time) -> bool:
    # mod_tariffs: start_time inclusive, end_time exclusive, end before start wraps midnight,
    # end 00:00 the end of the day, equal times the whole day
    if start == end:
        return True
    if end == time(0):
        return now >= start
    if start < end:
        return start <= now < end
    return now >= start or now < end


DST_DAYS = [
    ("Europe/Amsterdam", "2024-03-31T00:00:00"),
    ("Europe/Amsterdam", "2024-10-26T23:00:00"),
    ("America/New_York", "2024-03-10T05:00:00"),
    ("America/New_York", "2024-11-03T04:00:00"),
    ("Australia/Lord_Howe", "2024-04-06T14:00:00"),  # DST of 30 minutes
    ("Australia/Lord_Howe", "2024-10-05T15:00:00"),
]
quarter = st.integers(0, 95).map(lambda q: time(q // 4, q % 4 * 15))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    day=st.sampled_from(DST_DAYS),
    shift=st.integers(-300, 300),
    minutes=st.integers(1, 600),
    start=quarter | st.integers(0, 1439).map(lambda m: time(m // 60, m % 60)),
    end=quarter,
    days=st.frozensets(st.integers(1, 7), min_size=1),
)
def test_bug3_every_minute_against_brute_force(
    day: tuple[str, str], shift: int, minutes: int, start: time, end: time, days: frozenset[int]
) -> None:
    # the reference: look at the local time and weekday of every minute and add its price
    zone_name, around = day
    zone = ZoneInfo(zone_name)
    begin = datetime.fromisoformat(around).replace(tzinfo=UTC) + timedelta(minutes=shift)
    stop = begin + timedelta(minutes=minutes)
    names = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]
    restrictions = {
        "start_time": start.strftime("%H:%M"),
        "end_time": end.strftime("%H:%M"),
        "day_of_week": [names[d - 1] for d in sorted(days)],
    }
    rated = tariff(
        [
            {"price_components": [pc("TIME", 3)], "restrictions": restrictions},
            {"price_components": [pc("TIME", 1)]},
        ]
    )
    iso = "%Y-%m-%dT%H:%M:%SZ"
    one = cdr(
        begin.strftime(iso),
        stop.strftime(iso),
        [(begin.strftime(iso), [("ENERGY", 1), ("TIME", D(minutes) / 60)])],
    )
    expected = D(0)
    for n in range(minutes):
        local = (begin + timedelta(minutes=n)).astimezone(zone)
        hit = _in_range(start, end, local.time()) and local.isoweekday() in days
        expected += D(3 if hit else 1) / 60
    assert excl(price(rated, one, time_zone=zone_name)) == expected.quantize(D("0.0001"))


# --- bug 4: unusable numbers are TariffErrors naming the field ---------------------------------

BASE_PERIODS = [("2024-01-15T10:00:00Z", [("ENERGY", 5), ("TIME", 1)])]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("NaN", "NaN is not a finite number"),
        ("Infinity", "Infinity is not a finite number"),
        ("-Infinity", "-Infinity is not a finite number"),
        ("123456789012345678901234567890", "more than 28 significant digits"),
        ("0.12345678901234567890123456789", "more than 28 significant digits"),
        ("1E+30", "10**28 or more"),
    ],
)
def test_bug4_bad_price_is_a_tariff_error_naming_the_field(value: str, words: str) -> None:
    # old: decimal.InvalidOperation from the engine (or from rounding for 30 digits)
    bad = tariff([{"price_components": [pc("ENERGY", value)]}])
    with pytest.raises(TariffError) as caught:
        price(bad, cdr(*HOUR, BASE_PERIODS))
    assert "elements[0].price_components[0].price" in str(caught.value)
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            lambda d: d["charging_periods"][0]["dimensions"][0].update(volume=D("NaN")),
            "charging_periods[0].dimensions[0].volume (ENERGY)",
        ),
        (lambda d: d.update(total_cost={"excl_vat": D("NaN")}), "total_cost.excl_vat"),
        (lambda d: d.update(total_energy=D("Infinity")), "total_energy"),
    ],
)
def test_bug4_bad_cdr_numbers_in_price_and_check_cdr(change: Any, field: str) -> None:
    # old: decimal.InvalidOperation from price() and check_cdr()
    data = cdr_data(*HOUR, BASE_PERIODS)
    change(data)
    bad = v2_2_1.loads(data, v2_2_1.CDR)
    for call in (
        lambda: price(tariff(ENERGY_025), bad),
        lambda: check_cdr(bad, [tariff(ENERGY_025)]),
    ):
        with pytest.raises(
            TariffError, match=field.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")
        ):
            call()


def test_bug4_cli_exit_2_without_traceback(ocpi, tmp_path: Path, capsys) -> None:  # noqa: F811
    # a tariff whose price is NaN (Python's json writes it; the CLI reads JSON as the SDK does):
    # exit 2, the field named (old: exit 1 with a decimal.InvalidOperation traceback)
    bad = {
        "country_code": "NL",
        "party_id": "TST",
        "id": "T",
        "currency": "EUR",
        "elements": [
            {"price_components": [{"type": "ENERGY", "price": float("nan"), "step_size": 1}]}
        ],
        "last_updated": "2024-01-01T00:00:00Z",
    }
    (tmp_path / "t.json").write_text(json.dumps(bad))
    (tmp_path / "c.json").write_text(json.dumps(cdr_data(*HOUR, BASE_PERIODS), default=float))
    argv = [
        "price",
        "--version",
        "2.2.1",
        "--cdr",
        str(tmp_path / "c.json"),
        "--tariff",
        str(tmp_path / "t.json"),
    ]
    assert ocpi(argv) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "InvalidOperation" not in err
    assert "NaN is not a JSON number (at $.elements[0].price_components[0].price)" in err


# --- bug 5: CDRs that cannot be verified never pass ---------------------------------------------

RIGHT = {"total_cost": {"excl_vat": D("1.25")}, "total_energy": 5, "total_time": 1}


def test_bug5_currency_mismatch_cannot_be_verified() -> None:
    # 5 kWh * 0.25 = 1.25, what the CDR says, but the tariff is in USD and the CDR in EUR: the
    # numbers cannot be compared (old: [], "matches")
    usd = tariff(ENERGY_025, currency="USD")
    with pytest.raises(CannotVerify, match="tariff T is in USD, the CDR in EUR"):
        check_cdr(cdr(*HOUR, BASE_PERIODS, **RIGHT), [usd])


def test_bug5_tariff_not_valid_at_the_session_time() -> None:
    # mod_tariffs Tariff start_date_time: the tariff starts in 2025, the session is in 2024
    # (old: [], "matches")
    later = tariff(ENERGY_025, start_date_time="2025-01-01T00:00:00Z")
    with pytest.raises(CannotVerify, match="no tariff is valid at 2024-01-15T10:00:00"):
        check_cdr(cdr(*HOUR, BASE_PERIODS, **RIGHT), [later])


def test_bug5_tariff_ending_mid_session_still_applies() -> None:
    # mod_tariffs note on start_date_time/end_date_time: "a driver accepts the tariff which is
    # valid when they start their charging session": 5 kWh * 0.25 = 1.25, noted, verified
    ending = tariff(ENERGY_025, end_date_time="2024-01-15T10:30:00Z")
    one = cdr(*HOUR, BASE_PERIODS, **RIGHT)
    assert check_cdr(one, [ending]) == []
    assert any("valid when the session started" in n for n in price(ending, one).notes)


def test_bug5_end_before_start() -> None:
    # mod_cdrs end_date_time before start_date_time: no session to price (old: 0.00, compared)
    backwards = cdr("2024-01-15T10:00:00Z", "2024-01-15T09:00:00Z", BASE_PERIODS, **RIGHT)
    with pytest.raises(TariffError, match=r"end_date_time .* is before start_date_time"):
        check_cdr(backwards, [tariff(ENERGY_025)])


def test_bug5_negative_time_volume() -> None:
    # TIME -1 h: no such time (old: priced from the timestamps, 2.00)
    with pytest.raises(TariffError, match=r"dimensions\[1\]\.volume \(TIME\): -1 is negative"):
        price(tariff(TIME_2), cdr(*HOUR, [("2024-01-15T10:00:00Z", [("ENERGY", 5), ("TIME", -1)])]))


def test_bug5_negative_step_size() -> None:
    # mod_tariffs PriceComponent step_size -500: no such rounding (old: ignored, "matches")
    bad = tariff([{"price_components": [pc("ENERGY", "0.25", -500)]}])
    with pytest.raises(TariffError, match=r"price_components\[0\]\.step_size: -500 is negative"):
        check_cdr(cdr(*HOUR, BASE_PERIODS, **RIGHT), [bad])


def test_cli_cannot_verify_exits_2(ocpi, tmp_path: Path, capsys) -> None:  # noqa: F811
    data = load("2.2.1", "cdr_example.json")
    data["currency"] = "USD"
    (tmp_path / "c.json").write_text(json.dumps(data))
    assert ocpi(["price", "--version", "2.2.1", "--cdr", str(tmp_path / "c.json")]) == 2
    captured = capsys.readouterr()
    assert "cannot verify CDR '12345': tariff 12 is in EUR, the CDR in USD" in captured.err
    assert "total_cost" in captured.out  # the computed totals are still shown


# --- leniency -------------------------------------------------------------------------------


def _defective() -> tuple[dict[str, Any], dict[str, Any]]:
    record = load("2.2.1", "cdr_example.json")
    record["cdr_location"]["coordinates"]["latitude"] = "52.123"  # three decimals
    del record["cdr_location"]["evse_uid"]
    record["tariffs"][0].pop("party_id")
    return record, load("2.2.1", "tariff_10_025kwh_parking_start.json")


def test_leniency_prices_despite_defects_pricing_does_not_read() -> None:
    record, _ = _defective()
    model, notes = load_for_pricing(v2_2_1, record, "CDR")
    assert check_cdr(model) == []  # the spec CDR's 4.00 / 4.40
    assert any("$.cdr_location.evse_uid: required field is missing" in n for n in notes)
    assert any("$.tariffs[0].party_id" in n for n in notes)
    with pytest.raises(UnusableInput):
        load_for_pricing(v2_2_1, record, "CDR", strict=True)


def test_leniency_refuses_a_priced_field() -> None:
    record, _ = _defective()
    record["charging_periods"][0]["dimensions"][0]["volume"] = "1.973"
    with pytest.raises(UnusableInput) as caught:
        load_for_pricing(v2_2_1, record, "CDR")
    assert [p.path for p in caught.value.problems] == ["$.charging_periods[0].dimensions[0].volume"]
    assert is_priced("$.tariffs[0].elements[0].price_components[0].price", "CDR")
    assert not is_priced("$.tariffs[0].party_id", "CDR")


def test_cli_leniency_and_strict(ocpi, tmp_path: Path, capsys) -> None:  # noqa: F811
    record, _ = _defective()
    (tmp_path / "c.json").write_text(json.dumps(record))
    argv = ["price", "--version", "2.2.1", "--cdr", str(tmp_path / "c.json")]
    assert ocpi(argv) == 0
    out = capsys.readouterr().out
    assert "note: " in out and "evse_uid: required field is missing (not read by pricing)" in out
    assert ocpi([*argv, "--strict"]) == 2
    assert "not a valid OCPI 2.2.1 CDR" in capsys.readouterr().err


# --- properties ------------------------------------------------------------------------------

FILES = [
    "tariff_1_simple_2hour.json",
    "tariff_4_complex.json",
    "tariff_10_025kwh_parking_start.json",
    "tariff_12_025kwh_min_price.json",
    "tariff_13_simple_3hour_5parking.json",
    "tariff_14_step_size.json",
    "tariffrestriction_example_max_duration.json",
    "tariffrestriction_example_max_power.json",
]
# without power, current, kWh or duration restrictions (where more energy or time may rightly
# choose a cheaper element)
PLAIN = [
    "tariff_1_simple_2hour.json",
    "tariff_10_025kwh_parking_start.json",
    "tariff_12_025kwh_min_price.json",
    "tariff_13_simple_3hour_5parking.json",
    "tariff_14_step_size.json",
    "tariff_6_025kwh_start_max_price.json",
]


def _step_one(file: str) -> v2_2_1.Tariff:
    data = load("2.2.1", file)
    for element in data["elements"]:
        for component in element["price_components"]:
            component["step_size"] = 1
    return v2_2_1.loads(data, v2_2_1.Tariff)


starts = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2024, 12, 31)).map(
    lambda m: m.replace(second=0, microsecond=0, tzinfo=UTC)
)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _session(begin: datetime, periods: list[tuple[int, dict[str, Decimal]]]) -> v2_2_1.CDR:
    """A CDR of consecutive periods, each ``(seconds, dims)``."""
    moment, out = begin, []
    for secs, dims in periods:
        out.append((_iso(moment), list(dims.items())))
        moment += timedelta(seconds=secs)
    return cdr(_iso(begin), _iso(moment), out)


@SETTINGS
@given(
    file=st.sampled_from(FILES),
    begin=starts,
    seconds=st.integers(2, 5 * 3600),
    rate=st.decimals(min_value=0, max_value=D("0.02"), places=4),
    amps=st.integers(1, 96),
    cut=st.floats(0.0, 1.0),
    parking=st.booleans(),
    parked=st.integers(0, 3600),
)
def test_splitting_a_period_at_any_instant_keeps_the_total(
    file: str,
    begin: datetime,
    seconds: int,
    rate: Decimal,
    amps: int,
    cut: float,
    parking: bool,
    parked: int,
) -> None:
    # a charging (or parking) period of `seconds` split at any whole second, its volumes divided
    # in proportion (rate is kWh per second, so both halves' energy is exact)
    tariff_ = _step_one(file)
    head = max(1, min(seconds - 1, round(seconds * cut)))

    def dims(secs: int) -> dict[str, Decimal]:
        if parking:
            return {"PARKING_TIME": D(secs) / 3600}
        return {
            "ENERGY": rate * secs,
            "TIME": D(secs) / 3600,
            "MIN_CURRENT": D(amps),
            "MAX_CURRENT": D(amps),
        }

    tail = [(parked, {"PARKING_TIME": D(parked) / 3600})] if parked else []
    lead = [(600, {"ENERGY": D(2), "TIME": D(600) / 3600})] if parking else []
    whole = price(tariff_, _session(begin, [*lead, (seconds, dims(seconds)), *tail]), time_zone=AMS)
    split = price(
        tariff_,
        _session(begin, [*lead, (head, dims(head)), (seconds - head, dims(seconds - head)), *tail]),
        time_zone=AMS,
    )
    assert whole.total_cost == split.total_cost
    assert whole.total_energy == split.total_energy
    assert whole.total_time == split.total_time


@SETTINGS
@given(
    file=st.sampled_from(PLAIN),
    begin=starts,
    minutes=st.integers(1, 600),
    kwh=st.decimals(min_value=0, max_value=80, places=3),
    more=st.decimals(min_value=0, max_value=50, places=3),
    extra=st.integers(1, 300),
    parks=st.booleans(),
)
def test_more_energy_or_time_never_costs_less(
    file: str, begin: datetime, minutes: int, kwh: Decimal, more: Decimal, extra: int, parks: bool
) -> None:
    tariff_ = _step_one(file)

    def session(energy: Decimal, added: int) -> v2_2_1.CDR:
        periods = [(minutes * 60, {"ENERGY": energy, "TIME": D(minutes) / 60})]
        if added:
            kind = (
                {"PARKING_TIME": D(added) / 60}
                if parks
                else {"ENERGY": D(0), "TIME": D(added) / 60}
            )
            periods.append((added * 60, kind))
        return _session(begin, periods)

    base = excl(price(tariff_, session(kwh, 0), time_zone=AMS))
    assert base <= excl(price(tariff_, session(kwh + more, 0), time_zone=AMS))
    assert base <= excl(price(tariff_, session(kwh, extra), time_zone=AMS))


# --- readings of the ambiguities: a note says which one was applied ----------------------------


def test_reading_flat_once_when_the_tariff_changes() -> None:
    # mod_tariffs: "a FLAT fee is a fixed amount that has to be paid for any Charging Session".
    # Tariff A (until 10:30, FLAT 1.00) then B (from 10:30, FLAT 2.00): FLAT 1.00 once, plus
    # 5 kWh * 0.25 = 1.25 (2.5 kWh in each tariff at the same price): 2.25
    a = tariff(
        [{"price_components": [pc("FLAT", 1), pc("ENERGY", "0.25")]}],
        id="A",
        end_date_time="2024-01-15T10:30:00Z",
    )
    b = tariff(
        [{"price_components": [pc("FLAT", 2), pc("ENERGY", "0.25")]}],
        id="B",
        start_date_time="2024-01-15T10:30:00Z",
    )
    result = price([a, b], cdr(*HOUR, BASE_PERIODS))
    assert excl(result) == D("2.25")
    assert any(
        n.startswith("FLAT (reading): billed once per session, by tariff A") for n in result.notes
    )


def test_reading_one_sided_min_price() -> None:
    # mod_tariffs min_price note, "they both apply", read side by side: min_price excl. VAT 5.00
    # and no incl_vat; 4 kWh * 0.25 = 1.00 excl. (raised to 5.00), 10% VAT: 1.10 incl. (as is)
    floor = tariff(
        [{"price_components": [pc("ENERGY", "0.25", vat=10)]}], min_price={"excl_vat": 5}
    )
    result = price(floor, cdr(*HOUR, [("2024-01-15T10:00:00Z", [("ENERGY", 4), ("TIME", 1)])]))
    assert (result.total_cost.excl_vat, result.total_cost.incl_vat) == (D("5.00"), D("1.10"))
    assert any(n.startswith("min_price (reading)") for n in result.notes)


def test_reading_charge_park_charge_step() -> None:
    # 2.2.1 mod_cdrs step_size: TIME 1.00/h and PARKING_TIME 2.00/h, both step 900 s; charge 10,
    # park 10, charge 10 min: the last time-based period is TIME, its session total 20 -> 30 min
    # (0.50); parking 10 min is not rounded (0.3333). Total 0.8333
    stepped = tariff([{"price_components": [pc("TIME", 1, 900), pc("PARKING_TIME", 2, 900)]}])
    result = price(
        stepped,
        cdr(
            "2024-01-15T10:00:00Z",
            "2024-01-15T10:30:00Z",
            [
                ("2024-01-15T10:00:00Z", [("ENERGY", 1), ("TIME", D(10) / 60)]),
                ("2024-01-15T10:10:00Z", [("PARKING_TIME", D(10) / 60)]),
                ("2024-01-15T10:20:00Z", [("ENERGY", 1), ("TIME", D(10) / 60)]),
            ],
        ),
    )
    assert excl(result) == D("0.8333")
    assert any("TIME comes in 2 stretches" in n for n in result.notes)


def test_reading_power_with_only_a_maximum() -> None:
    # mod_tariffs min_power "When the EV is charging with more than, or equal to, the defined
    # amount of power": a period with only MAX_POWER 30 is read as at least 30 kW, so the
    # min_power 20 element applies: 10 kWh * 0.50 = 5.00 (noted)
    fast = tariff(
        [
            {"price_components": [pc("ENERGY", "0.50")], "restrictions": {"min_power": 20}},
            {"price_components": [pc("ENERGY", "0.25")]},
        ]
    )
    result = price(
        fast,
        cdr(*HOUR, [("2024-01-15T10:00:00Z", [("ENERGY", 10), ("TIME", 1), ("MAX_POWER", 30)])]),
    )
    assert excl(result) == D("5.00")
    assert any("judged with MAX_POWER for MIN_POWER" in n for n in result.notes)
