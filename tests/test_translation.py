"""``convert``: the rules that need one, models in and out, context, strict mode, composition."""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk import schemas, v2_1_1, v2_2_1, v2_3_0
from ocpi_sdk.translation import (
    ContextError,
    NotRepresentableError,
    StrictModeError,
    UnsupportedObjectError,
    convert,
    parse_path,
)
from tests.examples import load
from tests.translation_support import CONTEXT, LOCATION_211

SESSION_211 = "inline/mod_sessions_21_simple_session_example_of_a_short_finished_session.json"


@pytest.fixture(autouse=True)
def _examples(examples_dir: Path) -> None:
    """Skips (or fails under CI) without the spec examples."""


def _kinds(losses: Any) -> dict[str, str]:
    return {loss.path: loss.kind for loss in losses}


def test_a_model_comes_back_as_the_target_versions_model() -> None:
    cdr = v2_2_1.loads(load("2.2.1", "cdr_example.json"), v2_2_1.CDR)
    result = convert(cdr, "2.3.0", context={"tax_included": "NO"})
    assert isinstance(result.value, v2_3_0.CDR)
    plain = convert(
        load("2.2.1", "cdr_example.json"),
        "2.3.0",
        from_version="2.2.1",
        object_name="CDR",
        context={"tax_included": "NO"},
    )
    assert v2_3_0.to_dict(result.value) == v2_3_0.to_dict(v2_3_0.loads(plain.value, v2_3_0.CDR))
    assert result.losses == plain.losses


def test_vat_becomes_one_tax_and_comes_back_exactly() -> None:
    cdr = load("2.2.1", "cdr_example.json")
    up = convert(
        cdr, "2.3.0", from_version="2.2.1", object_name="CDR", context={"tax_included": "NO"}
    )
    assert up.value["total_cost"] == {
        "before_taxes": 4.0,
        "taxes": [{"name": "VAT", "amount": 0.4}],
    }
    assert up.losses == ()
    down = convert(up.value, "2.2.1", from_version="2.3.0", object_name="CDR")
    assert down.value["total_cost"] == cdr["total_cost"]
    assert down.losses == ()


def test_taxes_other_than_vat_are_counted_in_incl_vat_as_an_approximation() -> None:
    price = {
        "before_taxes": Decimal("10.00"),
        "taxes": [
            {"name": "GST", "percentage": 5, "amount": Decimal("0.50")},
            {"name": "QST", "amount": Decimal("1.00")},
        ],
    }
    session = {**_session_230(), "total_cost": price}
    result = convert(session, "2.2.1", from_version="2.3.0", object_name="Session")
    assert result.value["total_cost"] == {
        "excl_vat": Decimal("10.00"),
        "incl_vat": Decimal("11.50"),
    }
    assert _kinds(result.losses) == {
        "$.total_cost.taxes[0]": "approximated",
        "$.total_cost.taxes[1]": "approximated",
    }


def _session_230() -> dict[str, Any]:
    session: dict[str, Any] = load("2.2.1", "session_example_2_short_finished.json")
    session["total_cost"] = {"before_taxes": session["total_cost"]["excl_vat"]}
    return session


def test_2_1_1_to_2_2_1_needs_the_owner_and_names_the_missing_field() -> None:
    token = load("2.1.1", "inline/mod_tokens_32_example.json")
    with pytest.raises(ContextError) as caught:
        convert(token, "2.2.1", from_version="2.1.1", object_name="Token")
    assert caught.value.field == "OCPI 2.2.1 Token $.country_code"
    assert "country_code" in caught.value.keys
    result = convert(
        token,
        "2.2.1",
        from_version="2.1.1",
        object_name="Token",
        context={"country_code": "DE", "party_id": "TNM"},
    )
    assert result.value["contract_id"] == token["auth_id"]
    assert result.source_of("$.contract_id") == "$.auth_id"
    assert result.supplied == ("$.country_code", "$.party_id")


def test_the_cdr_token_party_is_not_taken_from_the_owners_country_code() -> None:
    session = load("2.1.1", SESSION_211)
    context = {"country_code": "NL", "party_id": "EXA", "cdr_token": {"uid": "1", "type": "RFID"}}
    with pytest.raises(
        ContextError, match=re.escape("'cdr_token.country_code' or 'CdrToken.country_code'")
    ):
        convert(session, "2.2.1", from_version="2.1.1", object_name="Session", context=context)


def test_tax_included_comes_from_the_context() -> None:
    tariff = load("2.2.1", "tariff_1_simple_2hour.json")
    with pytest.raises(ContextError, match="tax_included"):
        convert(tariff, "2.3.0", from_version="2.2.1", object_name="Tariff")
    result = convert(
        tariff, "2.3.0", from_version="2.2.1", object_name="Tariff", context={"tax_included": "NO"}
    )
    assert result.value["tax_included"] == "NO"


def test_2_1_1_session_to_2_3_0_composes_both_steps_and_names_source_paths() -> None:
    session = load("2.1.1", SESSION_211)
    result = convert(session, "2.3.0", from_version="2.1.1", object_name="Session", context=CONTEXT)
    assert schemas.validate(result.value, "Session", version="2.3.0") == []
    assert result.value["end_date_time"] == session["end_datetime"]
    assert result.value["total_cost"] == {"before_taxes": session["total_cost"]}
    assert result.value["cdr_token"]["contract_id"] == session["auth_id"]
    assert result.source_of("$.end_date_time") == "$.end_datetime"
    assert result.source_of("$.total_cost.before_taxes") == "$.total_cost"
    assert result.source_of("$.evse_uid") == "$.location.evses[0].uid"
    assert result.source_of("$.cdr_token.contract_id") == "$.auth_id"


def test_a_2_1_1_location_with_several_evses_needs_to_be_told_which() -> None:
    session = load("2.1.1", SESSION_211)
    evse = copy.deepcopy(session["location"]["evses"][0])
    evse["uid"] = "OTHER"
    session["location"]["evses"].append(evse)
    with pytest.raises(ContextError, match="evse_uid"):
        convert(session, "2.2.1", from_version="2.1.1", object_name="Session", context=CONTEXT)
    result = convert(
        session,
        "2.2.1",
        from_version="2.1.1",
        object_name="Session",
        context={**CONTEXT, "evse_uid": "OTHER"},
    )
    assert result.value["evse_uid"] == "OTHER"


def test_a_2_1_1_session_gets_its_location_from_the_context() -> None:
    session = load("2.2.1", "session_example_1_simple_start.json")
    with pytest.raises(ContextError, match="'location'"):
        convert(session, "2.1.1", from_version="2.2.1", object_name="Session")
    location = copy.deepcopy(LOCATION_211)
    location["id"] = session["location_id"]
    location["evses"][0]["uid"] = session["evse_uid"]
    location["evses"][0]["connectors"][0]["id"] = session["connector_id"]
    location["evses"].append({**location["evses"][0], "uid": "NOT-THIS-ONE"})
    result = convert(
        session,
        "2.1.1",
        from_version="2.2.1",
        object_name="Session",
        context={"location": location},
    )
    assert [e["uid"] for e in result.value["location"]["evses"]] == [session["evse_uid"]]
    assert result.value["auth_id"] == session["cdr_token"]["contract_id"]
    assert result.source_of("$.location.evses[0].uid") == "$.evse_uid"


def test_connector_tariff_ids_keep_the_first_and_name_the_rest() -> None:
    connector = load("2.2.1", "location_example.json")["evses"][0]["connectors"][0]
    connector["tariff_ids"] = ["A", "B", "C"]
    result = convert(connector, "2.1.1", from_version="2.2.1", object_name="Connector")
    assert result.value["tariff_id"] == "A"
    assert result.value["voltage"] == connector["max_voltage"]
    assert _kinds(result.losses) == {"$.tariff_ids[1]": "dropped", "$.tariff_ids[2]": "dropped"}


def test_coordinates_are_written_with_six_decimals_for_2_1_1() -> None:
    location = load("2.2.1", "location_example.json")
    location["coordinates"] = {"latitude": "51.0474765", "longitude": "3.72953"}
    result = convert(location, "2.1.1", from_version="2.2.1", object_name="Location")
    assert result.value["coordinates"] == {"latitude": "51.047476", "longitude": "3.729530"}
    assert _kinds(result.losses)["$.coordinates.latitude"] == "approximated"


def test_hub_role_becomes_hub_party_id_and_back() -> None:
    credentials = load("2.2.1", "credentials_example.json")
    credentials["roles"].append(
        {
            "role": "HUB",
            "country_code": "NL",
            "party_id": "HUB",
            "business_details": {"name": "Hub"},
        }
    )
    up = convert(credentials, "2.3.0", from_version="2.2.1", object_name="Credentials")
    assert up.value["hub_party_id"] == "NLHUB"
    assert all(role["role"] != "HUB" for role in up.value["roles"])
    assert _kinds(up.losses) == {
        f"$.roles[{len(credentials['roles']) - 1}].business_details": "dropped"
    }
    down = convert(
        up.value,
        "2.2.1",
        from_version="2.3.0",
        object_name="Credentials",
        context={"hub_business_details": {"name": "Hub"}},
    )
    assert down.value == credentials


def test_a_hubs_authorization_id_becomes_authorization_reference() -> None:
    session = load("2.1.1", SESSION_211)
    session["authorization_id"] = "AUTH-1"
    up = convert(session, "2.2.1", from_version="2.1.1", object_name="Session", context=CONTEXT)
    assert up.value["authorization_reference"] == "AUTH-1"
    down = convert(
        up.value,
        "2.1.1",
        from_version="2.2.1",
        object_name="Session",
        context={"location": session["location"]},
    )
    assert "authorization_id" not in down.value
    assert _kinds(down.losses)["$.authorization_reference"] == "dropped"


def test_reservation_ids_must_be_integers_for_2_1_1() -> None:
    command = {
        "response_url": "https://x.example/r",
        "token": load("2.2.1", "token_put_example.json"),
        "expiry_date": "2020-01-01T00:00:00Z",
        "reservation_id": "12",
        "location_id": "L1",
    }
    result = convert(command, "2.1.1", from_version="2.2.1", object_name="ReserveNow")
    assert result.value["reservation_id"] == 12
    command["reservation_id"] = "c1a5-uuid"
    with pytest.raises(NotRepresentableError, match="reservation_id"):
        convert(command, "2.1.1", from_version="2.2.1", object_name="ReserveNow")


def test_objects_2_1_1_cannot_hold_are_refused_and_left_out_of_lists() -> None:
    cdr = load("2.2.1", "cdr_example.json")
    with pytest.raises(NotRepresentableError, match="credit"):
        convert(
            {**cdr, "credit": True},
            "2.1.1",
            from_version="2.2.1",
            object_name="CDR",
            context=CONTEXT,
        )
    public = load("2.2.1", "location_example.json")
    hidden = load("2.2.1", "location_example_uc4_limited_visibility.json")
    result = convert([hidden, public], "2.1.1", from_version="2.2.1", object_name="Location")
    assert [location["id"] for location in result.value] == [public["id"]]
    assert _kinds(result.losses)["$[0]"] == "dropped"
    assert result.source_of("$[0].id") == "$[1].id"


def test_strict_mode_refuses_any_loss() -> None:
    tariff = load("2.2.1", "tariff_12_025kwh_min_price.json")
    with pytest.raises(StrictModeError) as caught:
        convert(tariff, "2.1.1", from_version="2.2.1", object_name="Tariff", strict=True)
    assert "$.min_price" in {loss.path for loss in caught.value.losses}
    token = load("2.2.1", "token_example_1_app_user.json")
    assert (
        convert(token, "2.3.0", from_version="2.2.1", object_name="Token", strict=True).losses == ()
    )


def test_objects_not_in_both_versions_and_unknown_versions_are_refused() -> None:
    with pytest.raises(UnsupportedObjectError, match="'CdrToken'"):
        convert({}, "2.1.1", from_version="2.2.1", object_name="CdrToken")
    with pytest.raises(UnsupportedObjectError, match=re.escape("'3.0'")):
        convert({}, "3.0", from_version="2.2.1", object_name="Location")
    with pytest.raises(UnsupportedObjectError, match="from_version"):
        convert({}, "2.1.1")


def test_a_long_text_is_truncated_and_a_long_id_refused() -> None:
    location = load("2.2.1", "location_example.json")
    location["address"] = "A" * 60
    result = convert(location, "2.1.1", from_version="2.2.1", object_name="Location")
    assert result.value["address"] == "A" * 45
    assert _kinds(result.losses)["$.address"] == "truncated"
    evse = load("2.1.1", "inline/mod_locations_14_example.json")["evses"][0]
    evse["uid"] = "U" * 39
    with pytest.raises(NotRepresentableError, match="identifier cannot be cut"):
        convert(evse, "2.2.1", from_version="2.1.1", object_name="EVSE")


def test_non_ascii_text_is_folded_for_2_1_1() -> None:
    location = load("2.2.1", "location_example_parking_garage_opening_hours.json")
    result = convert(location, "2.1.1", from_version="2.2.1", object_name="Location")
    assert result.value["city"] == "Malmo"
    assert _kinds(result.losses)["$.city"] == "approximated"


def test_parse_path_inverts_json_path() -> None:
    for parts in [("evses", 0, "uid"), (), (3,), ("a b", 1, "c")]:
        assert parse_path(schemas.json_path(parts)) == parts
    with pytest.raises(ValueError, match="not a JSON path"):
        parse_path("evses[0]")


def test_2_1_1_models_go_up_too() -> None:
    token = v2_1_1.loads(load("2.1.1", "inline/mod_tokens_32_example.json"), v2_1_1.Token)
    result = convert(token, "2.3.0", context={"country_code": "DE", "party_id": "TNM"})
    assert isinstance(result.value, v2_3_0.Token)
    assert result.value.contract_id == token.auth_id


def test_authorization_info_needs_the_token_from_2_1_1_and_drops_it_back() -> None:
    info = {
        "allowed": "ALLOWED",
        "location": {"location_id": "L1", "evse_uids": ["E1"], "connector_ids": ["1"]},
    }
    with pytest.raises(ContextError, match="token"):
        convert(info, "2.2.1", from_version="2.1.1", object_name="AuthorizationInfo")
    token = load("2.2.1", "token_example_2_full_rfid.json")
    up = convert(
        info,
        "2.2.1",
        from_version="2.1.1",
        object_name="AuthorizationInfo",
        context={"token": token},
    )
    assert up.value["token"] == token
    assert schemas.validate(up.value, "AuthorizationInfo", version="2.2.1") == []
    assert _kinds(up.losses) == {"$.location.connector_ids": "dropped"}
    down = convert(up.value, "2.1.1", from_version="2.2.1", object_name="AuthorizationInfo")
    assert down.value == {
        "allowed": "ALLOWED",
        "location": {"location_id": "L1", "evse_uids": ["E1"]},
    }


@pytest.mark.parametrize("source", ["2.2.1", "2.3.0"])
@pytest.mark.parametrize("empty", [[], None])
def test_hours_open_24_7_with_an_empty_regular_hours_list_go_down_to_2_1_1(
    source: str, empty: Any
) -> None:
    """2.2.1+ accept ``regular_hours: []`` (or null) beside ``twentyfourseven: true``; 2.1.1 Hours
    are one of the two (found by the property test: the result matched both forms)."""
    result = convert(
        {"twentyfourseven": True, "regular_hours": empty},
        "2.1.1",
        from_version=source,
        object_name="Hours",
    )
    assert result.value == {"twentyfourseven": True}
    assert schemas.validate(result.value, "Hours", version="2.1.1") == []
    assert [(loss.path, loss.kind) for loss in result.losses] == [("$.regular_hours", "dropped")]


@pytest.mark.parametrize(
    ("result", "expected", "approximated"),
    [
        ("ACCEPTED", "ACCEPTED", False),
        ("TIMEOUT", "TIMEOUT", False),
        ("UNKNOWN_SESSION", "REJECTED", True),
    ],
)
@pytest.mark.parametrize("target", ["2.2.1", "2.3.0"])
def test_a_2_1_1_command_result_is_a_commandresult_in_later_versions(
    target: str, result: str, expected: str, approximated: bool
) -> None:
    """2.1.1 POSTs a CommandResponse to the response_url; 2.2.1+ a CommandResult."""
    value, losses = convert(
        {"result": result},
        target,
        from_version="2.1.1",
        object_name="CommandResponse",
        as_object="CommandResult",
    )
    assert value == {"result": expected}
    assert [(loss.path, loss.kind) for loss in losses] == (
        [("$.result", "approximated")] if approximated else []
    )
    assert schemas.validate(value, "CommandResult", version=target) == []


def test_a_commandresult_reaches_2_1_1_as_a_commandresponse() -> None:
    result = v2_3_0.CommandResult(
        result="EVSE_OCCUPIED", message=[v2_3_0.DisplayText(language="en", text="busy")]
    )
    value, losses = convert(result, "2.1.1", as_object="CommandResponse")
    assert value == v2_1_1.CommandResponse(result="REJECTED")
    assert {(loss.path, loss.kind) for loss in losses} == {
        ("$.result", "approximated"),
        ("$.message", "dropped"),
    }


def test_as_object_must_be_a_counterpart() -> None:
    with pytest.raises(UnsupportedObjectError, match="'CommandResponse' as 'Location'"):
        convert(
            {"result": "ACCEPTED"},
            "2.2.1",
            from_version="2.1.1",
            object_name="CommandResponse",
            as_object="Location",
        )


@pytest.mark.parametrize(
    ("source", "target", "kind", "written", "reason"),
    [
        ("2.2.1", "2.1.1", "APP_USER", "OTHER", "2.1.1 has no token type 'APP_USER': OTHER"),
        ("2.3.0", "2.2.1", "EMAID", "OTHER", "2.2.1 has no token type 'EMAID'"),
        ("2.3.0", "2.1.1", "EMAID", "OTHER", "2.2.1 has no token type 'EMAID'"),
        ("2.2.1", "2.1.1", "RFID", "RFID", None),
    ],
)
def test_a_token_type_the_target_lacks_is_written_as_other(
    source: str, target: str, kind: str, written: str, reason: str | None
) -> None:
    token = load(source, "token_example_2_full_rfid.json")
    value, losses = convert(
        {**token, "type": kind}, target, from_version=source, object_name="Token"
    )
    assert value["type"] == written
    found = [(loss.path, loss.kind, loss.reason) for loss in losses if loss.path == "$.type"]
    assert found == ([("$.type", "approximated", reason)] if reason else [])


def test_a_version_2_1_1_does_not_know_is_offered_as_2_1_1() -> None:
    value, losses = convert(
        {
            "version": "2.3.0",
            "endpoints": [
                {"identifier": "locations", "role": "SENDER", "url": "https://cpo.test/locations"}
            ],
        },
        "2.1.1",
        from_version="2.2.1",
        object_name="VersionDetails",
    )
    assert value["version"] == "2.1.1"
    assert (
        "$.version",
        "approximated",
        "2.1.1 has no version '2.3.0': the endpoints are offered as 2.1.1",
    ) in [(loss.path, loss.kind, loss.reason) for loss in losses]
