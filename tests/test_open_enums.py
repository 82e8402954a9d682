"""Open enums (2.3.0 ``_OpenEnum_``): unknown values are notes and survive the models; closed
enums still reject them. The mechanism is the schema marker ``x-open-enum``, nothing else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocpi_sdk import schemas
from ocpi_sdk.errors import PayloadError
from tests.examples import load


@pytest.fixture
def location(examples_dir: Path) -> dict:  # type: ignore[type-arg]
    return load("2.3.0", "location_example.json")


def test_unknown_connector_type_survives_load_and_dump(location: dict) -> None:  # type: ignore[type-arg]
    from ocpi_sdk.v2_3_0 import Location, dumps, loads

    location["evses"][0]["connectors"][0]["standard"] = "NEW_SUPER_PLUG"
    model = loads(location, Location)
    standard = model.evses[0].connectors[0].standard
    assert standard == "NEW_SUPER_PLUG" and not standard.known
    assert json.loads(dumps(model)) == json.loads(dumps(loads(location, Location)))
    assert json.loads(dumps(model))["evses"][0]["connectors"][0]["standard"] == "NEW_SUPER_PLUG"


def test_unknown_open_enum_value_is_a_note_not_an_error(location: dict) -> None:  # type: ignore[type-arg]
    location["evses"][0]["connectors"][0]["standard"] = "NEW_SUPER_PLUG"
    report = schemas.check(location, "Location", version="2.3.0")
    assert report.errors == ()
    assert [(n.path, n.rule) for n in report.notes] == [
        ("$.evses[0].connectors[0].standard", "enum")
    ]
    strict = schemas.check(location, "Location", version="2.3.0", strict=True)
    assert strict.errors == ()  # strict rejects unknown fields, not open-enum values


def test_unknown_closed_enum_value_is_rejected_with_its_path(location: dict) -> None:  # type: ignore[type-arg]
    from ocpi_sdk.v2_3_0 import Location, loads

    location["evses"][1]["status"] = "SLEEPING"
    errors = schemas.validate(location, "Location", version="2.3.0")
    assert [(e.path, e.rule) for e in errors] == [("$.evses[1].status", "enum")]
    with pytest.raises(PayloadError) as caught:
        loads(location, Location)
    assert [(p.path, p.rule) for p in caught.value.problems] == [("$.evses[1].status", "enum")]


def test_the_same_value_is_an_error_in_2_2_1_where_the_enum_is_closed(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import Location, loads

    location = load("2.2.1", "location_example.json")
    location["evses"][0]["connectors"][0]["standard"] = "NEW_SUPER_PLUG"
    with pytest.raises(PayloadError, match=r"connectors\[0\]\.standard"):
        loads(location, Location)


def test_2_3_0_imports() -> None:
    from ocpi_sdk.v2_3_0 import Location, Terminal
    from ocpi_sdk.v2_3_0.clients import PaymentsReceiverClient, PaymentsSenderClient

    assert Location.__module__ == "ocpi_sdk.v2_3_0.locations"
    assert Terminal.__module__ == "ocpi_sdk.v2_3_0.payments"
    assert PaymentsSenderClient.__name__ == "PaymentsSenderClient"
    assert PaymentsReceiverClient.profile.token_encoding == "base64"
