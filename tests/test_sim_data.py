"""The seeded data generator: everything validates, is reproducible and is plausible."""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from ocpi_sdk import schemas, v2_1_1, v2_2_1, v2_3_0
from ocpi_sdk.sim.data import ChargingRun, NetworkData

VERSIONS = ("2.1.1", "2.2.1", "2.3.0")
PRICED = ("2.2.1", "2.3.0")  # versions with Price objects, cdr_token and POWER dimensions
SEEDS = (0, 1, 2, 7, 2024)
MODELS: dict[str, Any] = {"2.1.1": v2_1_1, "2.2.1": v2_2_1, "2.3.0": v2_3_0}
START = datetime(2024, 3, 4, 21, 52, 17, tzinfo=UTC)

# (lat min, lat max, lon min, lon max) of each country, generous by a few km
BOXES = {
    "NLD": (50.75, 53.56, 3.35, 7.23),
    "DEU": (47.27, 55.06, 5.86, 15.05),
    "BEL": (49.49, 51.51, 2.54, 6.41),
    "FRA": (41.3, 51.1, -5.2, 9.6),
    "AUT": (46.37, 49.02, 9.53, 17.17),
    "ITA": (35.5, 47.1, 6.6, 18.6),
    "ESP": (36.0, 43.8, -9.3, 3.33),
    "LUX": (49.44, 50.19, 5.73, 6.53),
}
ZONES = {
    "NLD": "Europe/Amsterdam",
    "DEU": "Europe/Berlin",
    "BEL": "Europe/Brussels",
    "FRA": "Europe/Paris",
    "AUT": "Europe/Vienna",
    "ITA": "Europe/Rome",
    "ESP": "Europe/Madrid",
    "LUX": "Europe/Luxembourg",
}
PHASES = {"AC_1_PHASE": 1, "AC_3_PHASE": 3, "DC": 1}
CALLING_CODES = {
    "NLD": "31",
    "DEU": "49",
    "BEL": "32",
    "FRA": "33",
    "AUT": "43",
    "ITA": "39",
    "ESP": "34",
    "LUX": "352",
}


def _price(version: str, excl: float) -> Any:
    incl = round(excl * 1.21, 2)
    if version == "2.1.1":
        return incl
    if version == "2.2.1":
        return {"excl_vat": excl, "incl_vat": incl}
    vat = {"name": "VAT", "percentage": 21.0, "amount": round(incl - excl, 2)}
    return {"before_taxes": excl, "taxes": [vat]}


def _costs(version: str, excl: float = 12.34) -> dict[str, Any]:
    if version == "2.1.1":
        return {"total_cost": _price(version, excl)}
    return {"total_cost": _price(version, excl), "total_energy_cost": _price(version, excl)}


def _voltage(version: str, connector: dict[str, Any]) -> tuple[int, int]:
    if version == "2.1.1":
        return connector["voltage"], connector["amperage"]
    return connector["max_voltage"], connector["max_amperage"]


def _power(version: str, connector: dict[str, Any]) -> int:
    voltage, amperage = _voltage(version, connector)
    return voltage * amperage * PHASES[connector["power_type"]]


def _tariff_ids(version: str, connector: dict[str, Any]) -> list[str]:
    if version == "2.1.1":
        return [connector["tariff_id"]] if "tariff_id" in connector else []
    return list(connector.get("tariff_ids", []))


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _dimension(period: dict[str, Any], kind: str) -> float:
    return sum(d["volume"] for d in period["dimensions"] if d["type"] == kind)


def _start_key(version: str) -> tuple[str, str]:
    return (
        ("start_datetime", "end_datetime")
        if version == "2.1.1"
        else ("start_date_time", "end_date_time")
    )


def _runs(data: NetworkData, seed: int, count: int) -> list[ChargingRun]:
    """Sessions over the first locations, alternating AC and DC where a site has both."""
    locations = data.locations(count)
    tokens = data.tokens(count)
    runs = []
    for n, (location, token) in enumerate(zip(locations, tokens, strict=True)):
        evse = location["evses"][(seed + n) % len(location["evses"])]
        connector = evse["connectors"][n % len(evse["connectors"])]
        runs.append(
            data.session(
                token=token,
                location=location,
                evse_uid=evse["uid"],
                connector_id=connector["id"],
                start=START + timedelta(hours=7 * n, minutes=13 * seed),
                kwh_target=5 + (seed * 7 + n * 11) % 60,
                session_id=f"SES-{seed}-{n}",
            )
        )
    return runs


def _dc_and_ac_connectors(data: NetworkData) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    dc = ac = None
    for location in data.locations(40):
        for evse in location["evses"]:
            connector = evse["connectors"][0]
            if connector["power_type"] == "DC" and _power(data.version, connector) >= 150000:
                dc = dc or (location, evse, connector)
            elif connector["power_type"] != "DC":
                ac = ac or (location, evse, connector)
    if dc is None or ac is None:
        pytest.fail("the first 40 locations should have AC and fast DC connectors")
    return dc, ac


def _run_on(
    data: NetworkData, found: tuple[Any, ...], kwh: float, sid: str, **kw: Any
) -> ChargingRun:
    location, evse, connector = found
    return data.session(
        token=data.tokens(1)[0],
        location=location,
        evse_uid=evse["uid"],
        connector_id=connector["id"],
        start=START,
        kwh_target=kwh,
        session_id=sid,
        **kw,
    )


# -- validity ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("version", VERSIONS)
def test_everything_generated_validates_and_loads(version: str, seed: int) -> None:
    data = NetworkData(version, seed=seed)
    models = MODELS[version]
    objects: list[tuple[str, dict[str, Any]]] = []
    objects += [("Location", o) for o in data.locations(15)]
    objects += [("Tariff", o) for o in data.tariffs()]
    objects += [("Token", o) for o in data.tokens(15)]
    for run in _runs(data, seed, 8):
        objects.append(("Session", run.session()))
        objects.append(("Session", run.session("ACTIVE")))
        objects.append(("Session", run.session_at(run.start + (run.end - run.start) / 3)))
        objects.append(("CDR", run.cdr(_costs(version))))
    problems = []
    for name, payload in objects:
        for problem in schemas.validate(payload, name, version=version, strict=True):
            problems.append(f"{name} {payload.get('id', payload.get('uid'))}: {problem}")
        models.loads(payload, getattr(models, name), strict=True)
    assert not problems, "\n".join(problems[:20])
    assert len(objects) >= 60


# -- reproducibility --------------------------------------------------------------------


def _dump(version: str, seed: int) -> str:
    data = NetworkData(version, seed=seed)
    runs = _runs(data, seed, 4)
    payload = {
        "locations": data.locations(10),
        "tariffs": data.tariffs(),
        "tokens": data.tokens(10),
        "sessions": [run.session() for run in runs],
        "cdrs": [run.cdr(_costs(version)) for run in runs],
    }
    return json.dumps(payload, sort_keys=False, ensure_ascii=False)


@pytest.mark.parametrize("version", VERSIONS)
def test_same_seed_gives_identical_bytes(version: str) -> None:
    assert _dump(version, 11) == _dump(version, 11)


@pytest.mark.parametrize("version", VERSIONS)
def test_different_seeds_give_different_data(version: str) -> None:
    assert _dump(version, 11) != _dump(version, 12)
    assert NetworkData(version, seed=1).tariffs() != NetworkData(version, seed=2).tariffs()
    assert NetworkData(version, seed=1).tokens(5) != NetworkData(version, seed=2).tokens(5)


@pytest.mark.parametrize("version", VERSIONS)
def test_objects_do_not_depend_on_call_order_or_count(version: str) -> None:
    first = NetworkData(version, seed=5)
    second = NetworkData(version, seed=5)
    second.tokens(30)
    second.session  # noqa: B018 -- touching attributes draws nothing
    assert second.locations(20)[:7] == first.locations(7)
    assert second.tokens(3) == first.tokens(3)


@pytest.mark.parametrize("other", ["2.1.1", "2.3.0"])
def test_the_versions_describe_the_same_network(other: str) -> None:
    old, new = NetworkData(other, seed=9), NetworkData("2.2.1", seed=9)
    for a, b in zip(old.locations(10), new.locations(10), strict=True):
        assert a["id"] == b["id"]
        assert [e["evse_id"] for e in a["evses"]] == [e["evse_id"] for e in b["evses"]]
        assert a["coordinates"] == b["coordinates"]
    assert [t["id"] for t in old.tariffs()] == [t["id"] for t in new.tariffs()]


def _drop(payload: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in payload.items() if key not in keys}


def _as_2_2_1(location: dict[str, Any]) -> dict[str, Any]:
    """A 2.3.0 Location without the fields 2.3.0 added."""
    evses = [
        {
            **_drop(evse, "parking"),
            "connectors": [_drop(c, "capabilities") for c in evse["connectors"]],
        }
        for evse in location["evses"]
    ]
    return {**_drop(location, "parking_places", "help_phone"), "evses": evses}


def test_2_3_0_is_2_2_1_with_taxes_and_new_optional_fields() -> None:
    old, new = NetworkData("2.2.1", seed=9), NetworkData("2.3.0", seed=9)
    for a, b in zip(old.locations(25), new.locations(25), strict=True):
        assert _as_2_2_1(b) == a
    for a, b in zip(old.tariffs(), new.tariffs(), strict=True):
        assert b["tax_included"] == "NO"
        limits = ("min_price", "max_price")
        assert _drop(b, "tax_included", "preauthorize_amount", *limits) == _drop(a, *limits)
        assert set(limits) & set(b) == set(limits) & set(a)
        for key in set(limits) & set(a):
            assert b[key] == {
                "before_taxes": a[key]["excl_vat"],
                "after_taxes": a[key]["incl_vat"],
            }
    old_run, new_run = _runs(old, 9, 3), _runs(new, 9, 3)
    for a_run, b_run in zip(old_run, new_run, strict=True):
        assert a_run.session() == b_run.session()
        costs = ("total_cost", "total_energy_cost")
        a_cdr, b_cdr = a_run.cdr(_costs("2.2.1")), b_run.cdr(_costs("2.3.0"))
        assert _drop(b_cdr, *costs, "tariffs") == _drop(a_cdr, *costs, "tariffs")
        assert [t["id"] for t in b_cdr["tariffs"]] == [t["id"] for t in a_cdr["tariffs"]]


# -- plausibility of the network --------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_locations_are_plausible(version: str) -> None:
    data = NetworkData(version, seed=3, country_code="DE", party_id="ABC")
    locations = data.locations(60)
    tariff_ids = {t["id"] for t in data.tariffs()}
    countries, evse_uids, ac_powers, dc_powers = set(), set(), set(), set()
    for location in locations:
        countries.add(location["country"])
        lat, lon = (
            float(location["coordinates"]["latitude"]),
            float(location["coordinates"]["longitude"]),
        )
        lat_min, lat_max, lon_min, lon_max = BOXES[location["country"]]
        assert lat_min <= lat <= lat_max and lon_min <= lon <= lon_max, location["id"]
        assert location["time_zone"] == ZONES[location["country"]]
        assert 1 <= len(location["evses"]) <= 20
        assert location["last_updated"] >= max(e["last_updated"] for e in location["evses"])
        hours = location["opening_times"]
        assert hours.get("twentyfourseven") or hours["regular_hours"]
        for evse in location["evses"]:
            assert re.fullmatch(r"DE\*ABC\*E\d{7}", evse["evse_id"])
            assert evse["uid"] not in evse_uids
            evse_uids.add(evse["uid"])
            for connector in evse["connectors"]:
                assert evse["last_updated"] >= connector["last_updated"]
                ids = _tariff_ids(version, connector)
                assert ids and set(ids) <= tariff_ids
                voltage, amperage = _voltage(version, connector)
                power = _power(version, connector)
                if version != "2.1.1":
                    assert connector["max_electric_power"] == power
                if connector["power_type"] == "DC":
                    assert connector["standard"] in {"IEC_62196_T2_COMBO", "CHADEMO"}
                    assert connector["format"] == "CABLE"
                    dc_powers.add(power)
                else:
                    assert connector["standard"] == "IEC_62196_T2"
                    assert voltage == 230 and amperage in {16, 32}
                    ac_powers.add(power)
    assert len(countries) >= 5
    assert ac_powers <= {7360, 11040, 22080} and 22080 in ac_powers
    assert dc_powers == {50000, 150000, 350000}
    assert max(ac_powers) < min(dc_powers)


@pytest.mark.parametrize("version", VERSIONS)
def test_tariffs_are_plausible(version: str) -> None:
    tariffs = NetworkData(version, seed=4).tariffs()
    assert len({t["id"] for t in tariffs}) == len(tariffs) >= 3
    components = {c["type"] for t in tariffs for e in t["elements"] for c in e["price_components"]}
    assert components == {"ENERGY", "TIME", "FLAT", "PARKING_TIME"}
    restrictions = [e.get("restrictions", {}) for t in tariffs for e in t["elements"]]
    keys = {key for r in restrictions for key in r}
    assert {"start_time", "end_time", "day_of_week", "max_power", "min_power"} <= keys
    assert {"min_duration", "max_duration"} <= keys
    assert any(r.get("start_time", "") > r.get("end_time", "~") for r in restrictions)  # night
    for tariff in tariffs:
        assert tariff["currency"] == "EUR"
        for element in tariff["elements"]:
            for component in element["price_components"]:
                assert 0 <= component["price"] < 20 and component["step_size"] >= 1
                assert ("vat" in component) == (version != "2.1.1")
    if version != "2.1.1":
        assert {t["type"] for t in tariffs} >= {"REGULAR", "AD_HOC_PAYMENT"}


@pytest.mark.parametrize("version", VERSIONS)
def test_tokens_are_plausible(version: str) -> None:
    tokens = NetworkData(version, seed=6, emsp_country_code="BE", emsp_party_id="XYZ").tokens(80)
    app_type = "OTHER" if version == "2.1.1" else "APP_USER"
    assert {t["type"] for t in tokens} == {"RFID", app_type}
    assert len({t["uid"] for t in tokens}) == len(tokens)
    contract_key = "auth_id" if version == "2.1.1" else "contract_id"
    assert len({t[contract_key] for t in tokens}) == len(tokens)
    for token in tokens:
        assert token["valid"] is True
        assert re.fullmatch(r"BE-XYZ-C\d{8}", token[contract_key])
        if token["type"] == "RFID":
            assert re.fullmatch(r"04[0-9A-F]{12}", token["uid"]) and token["whitelist"] == "ALLOWED"
            assert token["visual_number"]
        if version != "2.1.1":
            assert (token["country_code"], token["party_id"]) == ("BE", "XYZ")


# -- charging runs ----------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("version", VERSIONS)
def test_session_energy_is_the_sum_of_its_periods_and_times_are_ordered(
    version: str, seed: int
) -> None:
    start_key, end_key = _start_key(version)
    for run in _runs(NetworkData(version, seed=seed), seed, 6):
        snapshots = [run.session_at(run.start + (run.end - run.start) * k / 5) for k in range(7)]
        snapshots.append(run.session())
        previous_kwh = 0.0
        for session in snapshots:
            periods = session.get("charging_periods", [])
            assert math.isclose(session["kwh"], sum(_dimension(p, "ENERGY") for p in periods))
            assert session["kwh"] >= previous_kwh
            previous_kwh = session["kwh"]
            starts = [_parse(p["start_date_time"]) for p in periods]
            assert starts == sorted(set(starts))
            assert all(run.start <= s < run.end for s in starts)
            assert _parse(session[start_key]) == run.start <= _parse(session["last_updated"])
            if session["status"] == "COMPLETED":
                assert _parse(session[end_key]) == run.end == _parse(session["last_updated"])
            else:
                assert session["status"] == "ACTIVE" and end_key not in session
        final = run.session()
        assert final["kwh"] == run.kwh
        charging = [p for p in final["charging_periods"] if _dimension(p, "ENERGY")]
        assert all(_dimension(p, "TIME") <= 0.25 for p in charging)  # 15-minute periods
        assert math.isclose(
            sum(
                _dimension(p, "TIME") + _dimension(p, "PARKING_TIME")
                for p in final["charging_periods"]
            ),
            (run.end - run.start).total_seconds() / 3600,
            abs_tol=1e-5,
        )


@pytest.mark.parametrize("version", VERSIONS)
def test_session_meets_the_target_and_starts_active(version: str) -> None:
    run = _runs(NetworkData(version, seed=1), 1, 1)[0]
    assert run.session()["kwh"] == 5 + 7 % 60  # the target of the first run of seed 1
    first = run.session("ACTIVE")
    assert first["kwh"] == 0 and "charging_periods" not in first and first["status"] == "ACTIVE"
    assert run.session_at(run.end + timedelta(hours=1))["status"] == "COMPLETED"
    with pytest.raises(ValueError, match="before the session start"):
        run.session_at(run.start - timedelta(seconds=1))
    with pytest.raises(ValueError, match="SessionStatus"):
        run.session("DONE")


@pytest.mark.parametrize("version", PRICED)
def test_dc_tapers_and_ac_is_flat(version: str) -> None:
    data = NetworkData(version, seed=8)
    dc, ac = _dc_and_ac_connectors(data)
    dc_run = _run_on(data, dc, 80.0, "DC-1")
    ac_run = _run_on(data, ac, 30.0, "AC-1")
    dc_powers = [_dimension(p, "POWER") for p in dc_run.periods if _dimension(p, "TIME") == 0.25]
    ac_powers = [_dimension(p, "POWER") for p in ac_run.periods if _dimension(p, "TIME") == 0.25]
    assert max(dc_powers) > 3 * max(ac_powers)
    curve = [kw for _, kw in dc_run.power_curve]
    assert curve[-1] < 0.75 * max(curve)  # tapering after 80 % state of charge
    tapering = curve[next(i for i, kw in enumerate(curve) if kw < 0.96 * max(curve)) :]
    assert tapering == sorted(tapering, reverse=True)
    assert max(ac_powers) <= 22.1 and min(ac_powers) >= 0.96 * max(ac_powers)
    assert dc_run.end - dc_run.start < ac_run.end - ac_run.start


@pytest.mark.parametrize("version", VERSIONS)
def test_parking_time_follows_charging(version: str) -> None:
    data = NetworkData(version, seed=2)
    _, ac = _dc_and_ac_connectors(data)
    parked = _run_on(data, ac, 10.0, "P-1", parking=timedelta(minutes=50))
    last = parked.periods[-1]
    assert [d["type"] for d in last["dimensions"]] == ["PARKING_TIME"]
    assert math.isclose(last["dimensions"][0]["volume"], 50 / 60, abs_tol=1e-6)
    assert parked.end - parked.charging_end == timedelta(minutes=50)
    no_parking = _run_on(data, ac, 10.0, "P-2", parking=timedelta(0))
    assert all(_dimension(p, "PARKING_TIME") == 0 for p in no_parking.periods)
    assert no_parking.end == no_parking.charging_end


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("version", PRICED)
def test_cdr_matches_its_session(version: str, seed: int) -> None:
    for run in _runs(NetworkData(version, seed=seed), seed, 6):
        session, cdr = run.session(), run.cdr(_costs(version))
        assert cdr["start_date_time"] == session["start_date_time"]
        assert cdr["end_date_time"] == session["end_date_time"]
        assert cdr["session_id"] == session["id"]
        assert cdr["total_energy"] == session["kwh"]
        assert cdr["cdr_token"] == session["cdr_token"]
        assert cdr["auth_method"] == session["auth_method"]
        assert cdr["cdr_location"]["id"] == session["location_id"]
        assert cdr["cdr_location"]["evse_uid"] == session["evse_uid"]
        assert cdr["cdr_location"]["connector_id"] == session["connector_id"]
        without_power = [
            {**p, "dimensions": [d for d in p["dimensions"] if d["type"] != "POWER"]}
            for p in session["charging_periods"]
        ]
        assert cdr["charging_periods"] == without_power
        assert {p["tariff_id"] for p in cdr["charging_periods"]} == {
            t["id"] for t in cdr["tariffs"]
        }
        assert cdr["total_cost"] == _costs(version)["total_cost"]
        assert cdr["total_energy_cost"] == _costs(version)["total_energy_cost"]
        hours = (
            _parse(cdr["end_date_time"]) - _parse(cdr["start_date_time"])
        ).total_seconds() / 3600
        assert math.isclose(cdr["total_time"], hours, abs_tol=1e-6)
        parking = sum(_dimension(p, "PARKING_TIME") for p in cdr["charging_periods"])
        assert math.isclose(cdr["total_parking_time"], parking, abs_tol=1e-6)
        assert cdr["last_updated"] > cdr["end_date_time"]
        assert run.session(total_cost=cdr["total_cost"])["total_cost"] == cdr["total_cost"]


@pytest.mark.parametrize("seed", SEEDS)
def test_cdr_2_1_1_matches_its_session(seed: int) -> None:
    for run in _runs(NetworkData("2.1.1", seed=seed), seed, 6):
        session, cdr = run.session(), run.cdr({"total_cost": 9.99})
        assert cdr["start_date_time"] == session["start_datetime"]
        assert cdr["stop_date_time"] == session["end_datetime"]
        assert cdr["total_energy"] == session["kwh"]
        assert cdr["auth_id"] == session["auth_id"]
        assert cdr["location"] == session["location"]
        assert (
            len(cdr["location"]["evses"]) == 1
            and len(cdr["location"]["evses"][0]["connectors"]) == 1
        )
        assert cdr["charging_periods"] == session["charging_periods"]
        assert cdr["total_cost"] == 9.99
        connector = cdr["location"]["evses"][0]["connectors"][0]
        assert [t["id"] for t in cdr["tariffs"]] == [connector["tariff_id"]]


@pytest.mark.parametrize("version", VERSIONS)
def test_cdr_rejects_costs_the_version_does_not_have(version: str) -> None:
    run = _runs(NetworkData(version, seed=0), 0, 1)[0]
    with pytest.raises(ValueError, match="total_cost is required"):
        run.cdr({})
    with pytest.raises(ValueError, match="total_bogus_cost is not a CDR total"):
        run.cdr({**_costs(version), "total_bogus_cost": 1})


@pytest.mark.parametrize("version", VERSIONS)
def test_cdr_priced_by_the_tariff_engine_checks_clean(version: str) -> None:
    from ocpi_sdk.tariffs import check_cdr, price

    models = MODELS[version]
    data = NetworkData(version, seed=4)
    for run, location in zip(_runs(data, 4, 8), data.locations(8), strict=True):
        draft = models.loads(run.cdr({"total_cost": _price(version, 0)}), models.CDR)
        totals = price(None, draft, time_zone=location["time_zone"]).ocpi_totals()
        if version == "2.3.0" and not (
            isinstance(totals["total_cost"], dict) and "before_taxes" in totals["total_cost"]
        ):
            pytest.skip(
                "ocpi_sdk.tariffs PriceResult.ocpi_totals() has no 2.3.0 shape yet: total_cost "
                f"is {totals['total_cost']!r}, not {{'before_taxes': ..., 'after_taxes': ...}}"
            )
        cdr = run.cdr(totals)
        assert cdr["total_energy"] == run.kwh
        assert not schemas.validate(cdr, "CDR", version=version, strict=True)
        assert check_cdr(models.loads(cdr, models.CDR), time_zone=location["time_zone"]) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_runs_are_reproducible_per_session_id(version: str) -> None:
    one = _runs(NetworkData(version, seed=3), 3, 3)
    two = _runs(NetworkData(version, seed=3), 3, 3)
    assert [r.cdr(_costs(version)) for r in one] == [r.cdr(_costs(version)) for r in two]


@pytest.mark.parametrize("version", VERSIONS)
def test_bad_arguments_are_rejected(version: str) -> None:
    with pytest.raises(ValueError, match="unsupported OCPI version"):
        NetworkData("2.0")
    with pytest.raises(ValueError, match="party_id"):
        NetworkData(version, party_id="TOOLONG")
    data = NetworkData(version)
    location, token = data.locations(1)[0], data.tokens(1)[0]
    evse = location["evses"][0]
    args: dict[str, Any] = {
        "token": token,
        "location": location,
        "evse_uid": evse["uid"],
        "connector_id": "1",
        "start": START,
        "kwh_target": 10.0,
        "session_id": "S",
    }
    with pytest.raises(ValueError, match="has no EVSE"):
        data.session(**{**args, "evse_uid": "nope"})
    with pytest.raises(ValueError, match="has no connector"):
        data.session(**{**args, "connector_id": "9"})
    with pytest.raises(ValueError, match="kwh_target"):
        data.session(**{**args, "kwh_target": 0})
    with pytest.raises(ValueError, match="session_id"):
        data.session(**{**args, "session_id": "x" * 37})
    naive = data.session(**{**args, "start": START.replace(tzinfo=None)})
    assert naive.start == START.replace(second=17)


# -- OCPI 2.3.0 -------------------------------------------------------------------------


def test_2_3_0_locations_publish_parking_help_phone_and_plug_and_charge() -> None:
    data = NetworkData("2.3.0", seed=3, country_code="DE", party_id="ABC")
    phones: dict[str, set[str]] = {}
    kinds, plug_and_charge = set(), 0
    for location in data.locations(60):
        country, kind = location["country"], location["parking_type"]
        phone = location["help_phone"]
        assert re.fullmatch(rf"\+{CALLING_CODES[country]} \d{{3}} \d{{3}} \d{{3}}", phone)
        phones.setdefault(country, set()).add(phone)
        places = {p["id"]: p for p in location.get("parking_places", [])}
        links = [link for evse in location["evses"] for link in evse.get("parking", [])]
        assert sorted(places) == sorted(link["parking_id"] for link in links)
        if kind in {"PARKING_GARAGE", "UNDERGROUND_GARAGE"}:
            kinds.add(kind)
            assert len(places) == len(location["evses"])  # one marked bay per EVSE
            for place in places.values():
                assert place["vehicle_types"] == ["PERSONAL_VEHICLE"]
                assert place["roofed"] is True and 180 <= place["max_vehicle_height"] <= 220
        elif kind == "ALONG_MOTORWAY":
            kinds.add(kind)
            (bay,) = places.values()
            assert "PERSONAL_VEHICLE_WITH_TRAILER" in bay["vehicle_types"]
            assert bay["drive_through"] is True and bay["direction"] == "PARALLEL"
            for size in ("max_vehicle_length", "parking_space_length", "max_vehicle_weight"):
                assert bay[size] > 0  # should be given for vehicles other than cars
            assert location["evses"][0]["parking"] == [
                {"parking_id": bay["id"], "evse_position": "RIGHT"}
            ]
        else:
            assert not places
        for evse in location["evses"]:
            for connector in evse["connectors"]:
                offered = connector.get("capabilities", [])
                fast_ccs = (
                    connector["standard"] == "IEC_62196_T2_COMBO"
                    and _power("2.3.0", connector) >= 150000
                )
                assert ("ISO_15118_2_PLUG_AND_CHARGE" in offered) == fast_ccs
                plug_and_charge += bool(offered)
    assert kinds == {"PARKING_GARAGE", "UNDERGROUND_GARAGE", "ALONG_MOTORWAY"}
    assert plug_and_charge and all(len(numbers) == 1 for numbers in phones.values())


def test_2_3_0_tariffs_state_taxes() -> None:
    tariffs = NetworkData("2.3.0", seed=4, country_code="DE", party_id="ABC").tariffs()
    assert {t["tax_included"] for t in tariffs} == {"NO"}
    limits = [t[key] for t in tariffs for key in ("min_price", "max_price") if key in t]
    assert limits
    for limit in limits:
        assert limit["after_taxes"] == round(limit["before_taxes"] * 1.19, 2)  # German VAT
    assert [t["type"] for t in tariffs if "preauthorize_amount" in t] == ["AD_HOC_PAYMENT"]
    vats = {c["vat"] for t in tariffs for e in t["elements"] for c in e["price_components"]}
    assert vats == {19.0}


def test_2_3_0_turns_tax_totals_into_prices() -> None:
    data = NetworkData("2.3.0", seed=0)
    run = _runs(data, 0, 1)[0]
    vat = {"name": "VAT", "percentage": 21.0, "amount": 2.1}
    engine = {"before_taxes": 10, "after_taxes": 12.1}  # ocpi_totals() shape
    cdr = run.cdr({"total_cost": engine, "total_energy_cost": _price("2.3.0", 8.0)})
    assert cdr["total_cost"] == {"before_taxes": 10, "taxes": [vat]}
    assert cdr["total_energy_cost"] == _price("2.3.0", 8.0)  # a Price is taken as it is
    assert not schemas.validate(cdr, "CDR", version="2.3.0", strict=True)
    assert run.session(total_cost=engine)["total_cost"] == cdr["total_cost"]
    unknown = run.cdr({"total_cost": {"before_taxes": 10, "after_taxes": None}})
    assert unknown["total_cost"] == {"before_taxes": 10}
    with pytest.raises(ValueError, match="before taxes"):
        run.cdr({"total_cost": {"before_taxes": None, "after_taxes": 12.1}})

    location = data.locations(1)[0]  # without tariffs the VAT rate is not known
    evse = location["evses"][0]
    bare = {**evse, "connectors": [_drop(c, "tariff_ids") for c in evse["connectors"]]}
    untariffed = data.session(
        token=data.tokens(1)[0],
        location={**location, "evses": [bare]},
        evse_uid=evse["uid"],
        connector_id=evse["connectors"][0]["id"],
        start=START,
        kwh_target=10.0,
        session_id="NO-TARIFF",
    )
    no_tax = untariffed.cdr({"total_cost": {"before_taxes": 5, "after_taxes": 5}})
    assert no_tax["total_cost"] == {"before_taxes": 5, "taxes": []}
    some_tax = untariffed.cdr({"total_cost": {"before_taxes": 5, "after_taxes": 6}})
    assert some_tax["total_cost"] == {"before_taxes": 5, "taxes": [{"name": "VAT", "amount": 1.0}]}
    assert not schemas.validate(some_tax, "CDR", version="2.3.0", strict=True)
