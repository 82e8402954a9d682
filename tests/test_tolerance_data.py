"""Issue #12, the data side: tolerant in what we receive, exact in what we send.

One test (or a few) per numbered item of the issue; the item is named in each test's name.
"""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ocpi_sdk import packages, schemas
from ocpi_sdk.converter import format_datetime
from ocpi_sdk.credentials import (
    CredentialsHandler,
    CredentialsRequest,
    MemoryPartnerStore,
    Party,
    PartyRole,
    credentials_payload,
)
from ocpi_sdk.errors import PayloadError
from tests.examples import EXAMPLES, Full, load
from tests.network import Network, party

LOCATION = {
    "2.1.1": "inline/mod_locations_14_example.json",
    "2.2.1": "location_example.json",
    "2.3.0": "location_example.json",
}
EMSP_ROLE = PartyRole("EMSP", "NL", "MSP", "Example eMSP")
VERSIONS = ("2.1.1", "2.2.1", "2.3.0")
FULL = [
    (v, f, u.name)
    for v, files in EXAMPLES.items()
    for f, u in files.items()
    if isinstance(u, Full) and hasattr(packages.package(v), u.name)
]


def _handler(store: MemoryPartnerStore, net: Network | None = None, **options: Any) -> Any:
    return CredentialsHandler(
        versions_url="http://us.test/ocpi/versions",
        roles=[PartyRole("CPO", "NL", "CPO", "Us")],
        store=store,
        role="CPO",
        async_client=httpx.AsyncClient(transport=net) if net else None,
        **options,
    )


def _registration(version: str, **ids: str) -> tuple[Any, MemoryPartnerStore, CredentialsRequest]:
    """A partner on the in-process network and its POST of Credentials to us."""
    net = Network()
    emsp = party(net, "emsp", "EMSP", (version,))
    store = MemoryPartnerStore()
    token_a = store.issue_token_a()
    body = credentials_payload(version, Party(emsp.issue_token(), emsp.versions_url, [EMSP_ROLE]))
    encoded = base64.b64encode(token_a.encode()).decode() if version != "2.1.1" else token_a
    request = CredentialsRequest("POST", version, f"Token {encoded}", body, **ids)
    return net, store, request


# ---- item 3: null in optional fields, request ids ------------------------------------------


@pytest.mark.parametrize("version", ["2.2.1", "2.3.0"])
def test_item3_registration_with_null_website_succeeds(version: str) -> None:
    net, store, request = _registration(version)
    request.body["roles"][0]["business_details"]["website"] = None
    request.body["roles"][0]["business_details"]["logo"] = None
    reply = asyncio.run(_handler(store, net).ahandle(request))
    assert reply.body["status_code"] == 1000, reply.body
    assert reply.partner is not None


def test_item3_registration_with_null_website_succeeds_on_2_1_1() -> None:
    net, store, request = _registration("2.1.1")
    request.body["business_details"]["website"] = None
    reply = asyncio.run(_handler(store, net).ahandle(request))
    assert reply.body["status_code"] == 1000, reply.body


@pytest.mark.parametrize("version", VERSIONS)
def test_item3_optional_fields_may_be_null_and_star_lists_null_empty_or_absent(
    examples_dir: Path, version: str
) -> None:
    location = load(version, LOCATION[version])
    for field, value in (
        ("operator", None),
        ("facilities", None),
        ("facilities", []),
        ("directions", None),
    ):
        payload = {**location, field: value}
        assert schemas.validate(payload, "Location", version=version) == []
    without = {k: v for k, v in location.items() if k != "facilities"}
    assert schemas.validate(without, "Location", version=version) == []
    # a required field is still required, null or absent
    assert [
        (p.path, p.rule)
        for p in schemas.validate({**location, "id": None}, "Location", version=version)
    ] == [("$.id", "type")]


def test_item2_invalid_object_report_lists_only_real_problems(examples_dir: Path) -> None:
    package = packages.package("2.2.1")
    location = load("2.2.1", "location_example.json")
    location.update(operator=None, facilities=None, directions=None, country_code="NLD")
    location["evses"][0]["floor_level"] = None
    with pytest.raises(PayloadError) as caught:
        package.loads(json.dumps(location), package.Location)
    assert [(p.path, p.rule) for p in caught.value.problems] == [("$.country_code", "maxLength")]
    assert "null" not in str(caught.value)


def test_item3_request_without_ids_is_served_with_generated_ids_and_recorded() -> None:
    net, store, request = _registration("2.2.1")
    reply = asyncio.run(_handler(store, net).ahandle(request))
    assert reply.body["status_code"] == 1000
    assert set(reply.headers) == {"X-Request-ID", "X-Correlation-ID"}
    assert all(reply.headers.values())
    assert len(reply.tolerated) == 2
    assert "no X-Request-ID header" in reply.tolerated[0]


def test_item3_request_ids_given_are_echoed_and_nothing_is_tolerated() -> None:
    net, store, request = _registration("2.2.1", request_id="req-1", correlation_id="cor-1")
    reply = asyncio.run(_handler(store, net).ahandle(request))
    assert reply.body["status_code"] == 1000
    assert reply.headers == {"X-Request-ID": "req-1", "X-Correlation-ID": "cor-1"}
    assert reply.tolerated == ()


def test_item3_strict_option_refuses_a_request_without_ids() -> None:
    net, store, request = _registration("2.2.1", request_id="req-1")
    reply = _handler(store, net, require_request_ids=True).handle(request)
    assert reply.http_status == 400
    assert reply.body["status_code"] == 2001
    assert "X-Correlation-ID" in reply.body["status_message"]
    assert reply.partner is None


def test_item3_2_1_1_has_no_request_ids_to_echo() -> None:
    net, store, request = _registration("2.1.1")
    reply = asyncio.run(_handler(store, net, require_request_ids=True).ahandle(request))
    assert reply.body["status_code"] == 1000
    assert reply.headers == {} and reply.tolerated == ()


# ---- item 11: DateTimes within string(25) -------------------------------------------------


def test_item11_datetimes_are_written_at_most_to_the_millisecond() -> None:
    moment = datetime(2018, 1, 1, 1, 8, 1, 123456, tzinfo=UTC)
    text = format_datetime(moment)
    assert text == "2018-01-01T01:08:01.123Z"
    assert len(text) <= 25
    assert format_datetime(moment.replace(microsecond=999)) == "2018-01-01T01:08:01Z"
    assert format_datetime(moment.replace(microsecond=100000)) == "2018-01-01T01:08:01.1Z"
    package = packages.package("2.2.1")
    now = datetime.now(UTC).replace(microsecond=654321)
    geo = package.GeoLocation(latitude="52.1", longitude="4.2")
    body = json.loads(
        package.dumps(package.StatusSchedule(period_begin=now, status=package.Status.AVAILABLE))
    )
    assert body["period_begin"].endswith(".654Z")
    assert schemas.validate(body, "StatusSchedule", version="2.2.1") == []
    assert package.loads(package.dumps(geo), package.GeoLocation) == geo


# ---- item 12: PATCH bodies carry last_updated ---------------------------------------------


@pytest.mark.parametrize("version", ["2.2.1", "2.3.0"])
def test_item12_patch_bodies_must_carry_last_updated(version: str) -> None:
    assert schemas.patch_required("Location", version=version) == ("last_updated",)
    missing = schemas.check_patch({"name": "Gent"}, "Location", version=version)
    assert [(p.path, p.rule) for p in missing] == [("$.last_updated", "required")]
    partial = schemas.validate({"name": "Gent"}, "Location", version=version, partial=True)
    assert [(p.path, p.rule) for p in partial] == [("$.last_updated", "required")]
    body = {"name": "Gent", "last_updated": "2019-06-24T12:39:09Z"}
    assert schemas.check_patch(body, "Location", version=version) == []
    wrong = schemas.check_patch({**body, "name": 5}, "Location", version=version)
    assert [(p.path, p.rule) for p in wrong] == [("$.name", "type")]


def test_item12_2_1_1_patch_bodies_need_no_last_updated() -> None:
    assert schemas.patch_required("Location", version="2.1.1") == ()
    assert schemas.check_patch({"name": "Gent"}, "Location", version="2.1.1") == []


# ---- item 13: numbers exact end to end ----------------------------------------------------


def test_item13_numbers_are_read_from_their_text_and_written_back_exactly() -> None:
    package = packages.package("2.2.1")
    text = b'{"excl_vat": 0.1234567890123456789, "incl_vat": 2.50}'
    price = package.loads(text, package.Price)
    assert price.excl_vat == Decimal("0.1234567890123456789")
    assert str(price.incl_vat) == "2.50"
    assert package.dumps(price) == text.replace(b": ", b":").replace(b", ", b",")
    assert package.dumps(attrs.evolve(price, excl_vat=Decimal("1E+3"))).startswith(
        b'{"excl_vat":1000,'
    )
    assert package.dumps(attrs.evolve(price, excl_vat=Decimal("1E-7"))).startswith(
        b'{"excl_vat":0.0000001,'
    )
    assert (
        package.dumps(attrs.evolve(price, excl_vat=1e-07))
        == b'{"excl_vat":0.0000001,"incl_vat":2.50}'
    )


def test_item13_integers_of_any_size_are_kept() -> None:
    from ocpi_sdk.converter import parse_json

    big = 10**40 + 1
    assert parse_json(f'{{"n": {big}, "d": 123456789012345678901234567890.5}}') == {
        "n": big,
        "d": Decimal("123456789012345678901234567890.5"),
    }


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_item13_nan_and_infinity_are_rejected_at_their_json_path(literal: str) -> None:
    package = packages.package("2.2.1")
    with pytest.raises(PayloadError) as caught:
        package.loads(f'{{"excl_vat": 1, "incl_vat": [{literal}]}}', package.Price)
    assert [(p.path, p.rule) for p in caught.value.problems] == [("$.incl_vat[0]", "json")]
    assert literal.lstrip("-") in caught.value.problems[0].message


def _number_texts(text: str) -> list[str]:
    found: list[str] = []

    def keep(value: str) -> int:
        found.append(value)
        return 0

    json.loads(text, parse_float=keep, parse_int=keep)
    return sorted(found)


@pytest.mark.parametrize(("version", "file", "name"), FULL, ids=[f"{v}/{f}" for v, f, _ in FULL])
def test_item13_dumps_of_loads_keeps_every_number_of_the_spec_examples(
    examples_dir: Path, version: str, file: str, name: str
) -> None:
    package = packages.package(version)
    text = (examples_dir / version / file).read_text(encoding="utf-8")
    out = package.dumps(package.loads(text, getattr(package, name))).decode()
    assert _number_texts(out) == _number_texts(text)


# ---- item 14: to_dict output loads; Payments activation; Hours ----------------------------


@pytest.mark.parametrize(("version", "file", "name"), FULL, ids=[f"{v}/{f}" for v, f, _ in FULL])
def test_item14_to_dict_output_is_accepted_by_loads(
    examples_dir: Path, version: str, file: str, name: str
) -> None:
    package = packages.package(version)
    cls = getattr(package, name)
    obj = package.loads(json.dumps(load(version, file)), cls)
    assert package.loads(package.to_dict(obj), cls) == obj
    assert package.loads(package.to_dict([obj]), list[cls]) == [obj]


def test_item14_terminal_activation_may_leave_out_terminal_id(examples_dir: Path) -> None:
    package = packages.package("2.3.0")
    body = {
        k: v
        for k, v in load("2.3.0", "payment_terminal_activate.json").items()
        if k != "terminal_id"
    }
    assert schemas.validate(body, "TerminalActivation", version="2.3.0") == []
    activation = package.loads(json.dumps(body), package.TerminalActivation)
    assert activation.terminal_id is None
    assert [(p.path, p.rule) for p in schemas.validate(body, "Terminal", version="2.3.0")] == [
        ("$.terminal_id", "required")
    ]
    operation = next(
        op
        for i in schemas.interfaces("2.3.0")
        for op in i.operations
        if op.name == "activate_terminal"
    )
    assert operation.request_body is not None
    assert operation.request_body.object == "TerminalActivation"


@pytest.mark.parametrize("version", ["2.2.1", "2.3.0"])
def test_item14_twentyfourseven_with_empty_regular_hours_is_accepted(version: str) -> None:
    package = packages.package(version)
    for hours in (
        {"twentyfourseven": True, "regular_hours": []},
        {"twentyfourseven": True, "regular_hours": None},
        {"twentyfourseven": True},
    ):
        assert schemas.validate(hours, "Hours", version=version) == [], hours
        assert package.loads(json.dumps(hours), package.Hours).twentyfourseven is True
    period = {"weekday": 1, "period_begin": "08:00", "period_end": "18:00"}
    full = {"twentyfourseven": True, "regular_hours": [period]}
    assert [p.rule for p in schemas.validate(full, "Hours", version=version)] == ["maxItems"]


@settings(max_examples=300, deadline=None)
@given(
    number=st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**30), max_value=10**30)
)
def test_item13_any_number_text_round_trips_exactly(number: Decimal) -> None:
    package = packages.package("2.2.1")
    text = format(number, "f")
    assume(text != "-0")  # JSON's -0 is the integer 0
    price = package.loads(f'{{"excl_vat": {text}}}', package.Price)
    assert str(price.excl_vat) == str(Decimal(text))
    assert package.dumps(price) == f'{{"excl_vat":{text}}}'.encode()
