"""Every spec example loads into its model and dumps back to the same JSON."""

from __future__ import annotations

import importlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk import schemas
from ocpi_sdk.errors import PayloadError
from tests.examples import EXAMPLES, Envelope, Full, Many, load
from tests.jsonvalues import normalised


def package(version: str) -> Any:
    return importlib.import_module("ocpi_sdk.v" + version.replace(".", "_"))


def _round_trip_cases() -> list[tuple[str, str, str, str]]:
    cases = []
    for version, files in EXAMPLES.items():
        for file, use in files.items():
            if isinstance(use, Full | Many):
                cases.append((version, file, use.name, "one" if isinstance(use, Full) else "many"))
            elif isinstance(use, Envelope) and use.name:
                cases.append((version, file, use.name, "envelope"))
    return cases


CASES = _round_trip_cases()


@pytest.mark.parametrize(
    ("version", "file", "name", "shape"), CASES, ids=[f"{c[0]}/{c[1]}" for c in CASES]
)
def test_example_round_trips(
    examples_dir: Path, version: str, file: str, name: str, shape: str
) -> None:
    pkg = package(version)
    cls = getattr(pkg, name)
    payload = load(version, file)
    if shape == "envelope":
        payload = payload["data"]
        shape = "many" if isinstance(payload, list) else "one"
    raw = json.dumps(payload).encode()
    model = pkg.loads(raw, list[cls] if shape == "many" else cls)
    assert json.loads(pkg.dumps(model)) == normalised(payload)
    assert schemas.validate(json.loads(pkg.dumps(model)), name, version=version) == [] or (
        shape == "many"
    )


def test_the_documented_normalisations() -> None:
    from ocpi_sdk.v2_1_1 import Token, dumps, loads

    raw = {
        "uid": "012345678",
        "type": "RFID",
        "auth_id": "DE8ACC12E46L89",
        "issuer": "TheNewMotion",
        "valid": True,
        "whitelist": "ALLOWED",
        "last_updated": "2015-06-29T22:39:09.500",
        "visual_number": None,
    }
    out = json.loads(dumps(loads(raw, Token)))
    assert out["last_updated"] == "2015-06-29T22:39:09.5Z"  # UTC implied, written with Z
    assert "visual_number" not in out  # None fields are left out


def test_money_keeps_its_decimal_value(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import CDR, dumps, loads

    raw = (examples_dir / "2.2.1" / "cdr_example.json").read_bytes()
    cdr = loads(raw, CDR)
    assert isinstance(cdr.total_cost.excl_vat, Decimal)
    total = cdr.total_cost.excl_vat + Decimal("0.1") + Decimal("0.2")
    assert total - cdr.total_cost.excl_vat == Decimal("0.3")  # no float drift
    assert json.loads(dumps(cdr), parse_float=Decimal) == json.loads(
        json.dumps(normalised(json.loads(raw))), parse_float=Decimal
    )


def test_cistring_case_is_kept(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import Location, dumps, loads

    payload = load("2.2.1", "location_example.json")
    payload["party_id"] = "eXa"
    location = loads(payload, Location)
    assert location.party_id == "eXa"
    assert json.loads(dumps(location))["party_id"] == "eXa"


def test_datetimes_are_aware_utc_with_or_without_z() -> None:
    from ocpi_sdk.converter import parse_datetime

    for text in ("2015-06-29T20:39:09Z", "2015-06-29T20:39:09", "2015-06-29T20:39:09.123"):
        parsed = parse_datetime(text)
        assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0


def test_unknown_fields_ignored_by_default_rejected_when_strict(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import Location, loads

    payload = load("2.2.1", "location_example.json")
    payload["x_vendor"] = 1
    payload["evses"][0]["x_other"] = 2
    assert loads(payload, Location).id == payload["id"]
    with pytest.raises(PayloadError) as caught:
        loads(payload, Location, strict=True)
    paths = {(p.path, p.rule) for p in caught.value.problems}
    assert paths == {
        ("$.x_vendor", "unevaluatedProperties"),
        ("$.evses[0].x_other", "unevaluatedProperties"),
    }


@pytest.mark.parametrize(
    ("mutate", "path", "rule"),
    [
        (lambda p: p.pop("city"), "$.city", "required"),
        (
            lambda p: p["evses"][0]["connectors"][0].update(standard="PLUG"),
            "$.evses[0].connectors[0].standard",
            "enum",
        ),
        (lambda p: p.update(publish="yes"), "$.publish", "type"),
        (lambda p: p.update(last_updated="yesterday"), "$.last_updated", "format"),
        (lambda p: p["evses"][1].update(uid="U" * 37), "$.evses[1].uid", "maxLength"),
        (
            lambda p: p["evses"][0]["connectors"][0].update(max_voltage="230"),
            "$.evses[0].connectors[0].max_voltage",
            "type",
        ),
    ],
    ids=["required", "enum", "type", "datetime", "maxLength", "int"],
)
def test_invalid_payloads_raise_with_their_path(
    examples_dir: Path, mutate: Any, path: str, rule: str
) -> None:
    from ocpi_sdk.v2_2_1 import Location, loads

    payload = load("2.2.1", "location_example.json")
    mutate(payload)
    with pytest.raises(PayloadError) as caught:
        loads(payload, Location)
    assert [(p.path, p.rule) for p in caught.value.problems] == [(path, rule)]


def test_every_problem_is_reported_at_once(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import Tariff, loads

    payload = load("2.2.1", "tariff_4_complex.json")
    payload["currency"] = "EURO"
    payload["elements"] = []
    del payload["party_id"]
    with pytest.raises(PayloadError) as caught:
        loads(payload, Tariff)
    found = {(p.path, p.rule) for p in caught.value.problems}
    assert ("$.party_id", "required") in found
    assert ("$.elements", "minItems") in found or ("$.currency", "maxLength") in found
    assert "$.party_id" in str(caught.value)


def test_not_json_is_a_payload_error() -> None:
    from ocpi_sdk.v2_2_1 import Location, loads

    with pytest.raises(PayloadError, match="not JSON"):
        loads(b"{", Location)


def test_models_need_no_asserts() -> None:
    root = Path(__file__).resolve().parent.parent / "sdk" / "ocpi_sdk"
    offenders = [
        p
        for p in root.rglob("*.py")
        if "\nassert " in p.read_text() or "    assert " in p.read_text()
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("field", "path"),
    [("city", "$.city"), ("publish", "$.publish"), ("last_updated", "$.last_updated")],
)
def test_null_in_a_required_field_is_an_error(examples_dir: Path, field: str, path: str) -> None:
    from ocpi_sdk.v2_2_1 import Location, loads

    payload = load("2.2.1", "location_example.json")
    payload[field] = None
    with pytest.raises(PayloadError) as caught:
        loads(payload, Location)
    assert path in {p.path for p in caught.value.problems}


def test_null_in_optional_fields_reads_as_absent(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import Location, dumps, loads

    payload = load("2.2.1", "location_example.json")
    payload.update(name=None, parking_type=None, time_zone="Europe/Brussels")
    payload["evses"][0]["connectors"][0]["max_electric_power"] = None
    location = loads(payload, Location)
    assert location.name is None and location.parking_type is None
    out = json.loads(dumps(location))
    assert "name" not in out and "parking_type" not in out
    payload["evses"][0]["status"] = None  # required enum
    with pytest.raises(PayloadError, match=r"\$\.evses\[0\]\.status"):
        loads(payload, Location)
