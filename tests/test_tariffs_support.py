"""Builders for the tariff engine tests: CDRs and Sessions made from a few numbers.

A session is a list of steps, :func:`charge` and :func:`park` (and :func:`reserve` for 2.2.1),
each lasting some minutes; :func:`cdr` turns them into a CDR of either version with consecutive
charging periods, so each test states its session in one readable line. ``version="2.3.0"``
builds the 2.2.1 CDR with 2.3.0's Price totals (``{"before_taxes": ...}``). No tests live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from ocpi_sdk import v2_1_1, v2_2_1, v2_3_0
from ocpi_sdk.tariffs import price
from ocpi_sdk.tariffs.result import PriceResult
from tests.examples import load

D = Decimal
MODELS = {"2.1.1": v2_1_1, "2.2.1": v2_2_1, "2.3.0": v2_3_0}


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def charge(minutes: float, kwh: float | str | None = None, **dims: Any) -> dict[str, Any]:
    """A charging period of ``minutes`` with ``kwh`` charged and any other dimensions."""
    values = {"TIME": D(str(minutes)) / 60}
    if kwh is not None:
        values["ENERGY"] = D(str(kwh))
    values.update({k: D(str(v)) for k, v in dims.items()})
    return {"minutes": minutes, "dims": values}


def park(minutes: float) -> dict[str, Any]:
    """A parking period (not charging) of ``minutes``."""
    return {"minutes": minutes, "dims": {"PARKING_TIME": D(str(minutes)) / 60}}


def reserve(minutes: float) -> dict[str, Any]:
    """Reservation time (2.2.1) of ``minutes``."""
    return {"minutes": minutes, "dims": {"RESERVATION_TIME": D(str(minutes)) / 60}}


def _periods(start: datetime, steps: Sequence[dict[str, Any]], tariff_ids: Sequence[str | None]):
    periods, moment = [], start
    for index, step in enumerate(steps):
        period: dict[str, Any] = {
            "start_date_time": iso(moment),
            "dimensions": [
                {"type": name, "volume": float(value)} for name, value in step["dims"].items()
            ],
        }
        if index < len(tariff_ids) and tariff_ids[index] is not None:
            period["tariff_id"] = tariff_ids[index]
        periods.append(period)
        moment += timedelta(seconds=round(float(step["minutes"]) * 60))
    return periods, moment


def _totals(steps: Sequence[dict[str, Any]]) -> tuple[float, float]:
    energy = sum(float(s["dims"].get("ENERGY", 0)) for s in steps)
    hours = sum(float(s["minutes"]) for s in steps if "RESERVATION_TIME" not in s["dims"]) / 60
    return energy, hours


def cdr(
    start: str,
    steps: Sequence[dict[str, Any]],
    *,
    version: str = "2.2.1",
    tariffs: Sequence[dict[str, Any]] = (),
    country: str = "NLD",
    tariff_ids: Sequence[str | None] = (),
    time_zone: str | None = None,
    **totals: Any,
) -> Any:
    """A CDR model: ``start`` is UTC (``2024-01-15T08:30:00Z``); ``totals`` override the stated
    totals (default: total_cost 0, the real energy and time)."""
    begin = datetime.fromisoformat(start.replace("Z", "+00:00"))
    periods, end = _periods(begin, steps, tariff_ids)
    energy, hours = _totals(steps)
    if version in ("2.2.1", "2.3.0"):
        data: dict[str, Any] = {
            "country_code": "NL",
            "party_id": "TST",
            "id": "CDR1",
            "start_date_time": iso(begin),
            "end_date_time": iso(end),
            "cdr_token": {
                "country_code": "NL",
                "party_id": "EMS",
                "uid": "U1",
                "type": "RFID",
                "contract_id": "NL-EMS-C1",
            },
            "auth_method": "WHITELIST",
            "cdr_location": {
                "id": "LOC1",
                "address": "Street 1",
                "city": "Town",
                "country": country,
                "coordinates": {"latitude": "52.373056", "longitude": "4.892222"},
                "evse_uid": "E1",
                "evse_id": "NL*TST*E1",
                "connector_id": "1",
                "connector_standard": "IEC_62196_T2",
                "connector_format": "SOCKET",
                "connector_power_type": "AC_3_PHASE",
            },
            "currency": "EUR",
            "charging_periods": periods,
            "total_cost": {"excl_vat": 0} if version == "2.2.1" else {"before_taxes": 0},
            "total_energy": energy,
            "total_time": hours,
            "last_updated": iso(end),
        }
        if tariffs:
            data["tariffs"] = list(tariffs)
        data.update(totals)
        return MODELS[version].loads(data, MODELS[version].CDR)
    location: dict[str, Any] = {
        "id": "LOC1",
        "type": "ON_STREET",
        "address": "Street 1",
        "city": "Town",
        "postal_code": "1000",
        "country": country,
        "coordinates": {"latitude": "52.373056", "longitude": "4.892222"},
        "last_updated": iso(begin),
    }
    if time_zone:
        location["time_zone"] = time_zone
    data = {
        "id": "CDR1",
        "start_date_time": iso(begin),
        "stop_date_time": iso(end),
        "auth_id": "NL-EMS-C1",
        "auth_method": "WHITELIST",
        "location": location,
        "currency": "EUR",
        "charging_periods": periods,
        "total_cost": 0,
        "total_energy": energy,
        "total_time": hours,
        "last_updated": iso(end),
    }
    if tariffs:
        data["tariffs"] = list(tariffs)
    data.update(totals)
    return v2_1_1.loads(data, v2_1_1.CDR)


def tariff(version: str, file: str, **changes: Any) -> Any:
    """A spec example Tariff as a model, with ``changes`` applied to the loaded dict."""
    data = load(version, file)
    data.update(changes)
    return MODELS[version].loads(data, MODELS[version].Tariff)


def tariff_dict(version: str, file: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = load(version, file)
    data.update(changes)
    return data


def custom(elements: list[dict[str, Any]], version: str = "2.2.1", **fields: Any) -> Any:
    """A Tariff model with the given elements."""
    data: dict[str, Any] = {
        "id": fields.pop("id", "T"),
        "currency": "EUR",
        "elements": elements,
        "last_updated": "2024-01-01T00:00:00Z",
    }
    if version != "2.1.1":
        data.update({"country_code": "NL", "party_id": "TST"})
    data.update(fields)
    return MODELS[version].loads(data, MODELS[version].Tariff)


def component(kind: str, price_: float | str, step: int = 1, vat: float | None = None):
    out: dict[str, Any] = {"type": kind, "price": float(price_), "step_size": step}
    if vat is not None:
        out["vat"] = vat
    return out


def total(result: PriceResult) -> tuple[Decimal, Decimal | None]:
    return result.total_cost.excl_vat, result.total_cost.incl_vat


def priced(tariffs: Any, start: str, steps: Sequence[dict[str, Any]], **options: Any):
    """Price a 2.2.1 (or ``version=``) CDR of ``steps`` with ``tariffs``."""
    build = {k: options.pop(k) for k in ("version", "country", "tariff_ids") if k in options}
    return price(tariffs, cdr(start, steps, **build), **options)
