"""The interfaces data files: valid against their schema and consistent with the object schemas."""

from __future__ import annotations

import re

import pytest

from ocpi_sdk import schemas

VERSIONS = schemas.versions()


@pytest.mark.parametrize("version", VERSIONS)
def test_interfaces_load_and_name_known_objects(version: str) -> None:
    interfaces = schemas.interfaces(version)
    names = set(schemas.names(version))
    assert interfaces
    for interface in interfaces:
        seen: set[str] = set()
        for op in interface.operations:
            assert op.name not in seen, f"{interface.module}.{interface.role}: {op.name} twice"
            seen.add(op.name)
            placeholders = re.findall(r"{(\w+)}", op.path)
            assert placeholders == [p.name for p in op.path_params], op.name
            for body in (op.request_body, op.response_data):
                assert body is None or body.object in names
            if op.paginated:
                assert {"offset", "limit"} <= {q.name for q in op.query_params}
            if op.target != "endpoint":
                assert op.path == ""


# Modules a version's chapters define that its ModuleID table forgot (an open enum from 2.3.0).
MODULE_ID_GAPS = {"2.3.0": {"payments"}}


@pytest.mark.parametrize("version", VERSIONS)
def test_every_module_of_version_details_has_interfaces(version: str) -> None:
    module_ids = set(schemas.get(version, "ModuleID")["enum"])
    described = {i.module for i in schemas.interfaces(version)} - {"versions"}
    assert described == module_ids | MODULE_ID_GAPS.get(version, set())


def test_2_2_1_locations_sender_and_receiver_paths() -> None:
    ops = {
        (i.role, o.name): o
        for i in schemas.interfaces("2.2.1")
        if i.module == "locations"
        for o in i.operations
    }
    assert ops[("SENDER", "list")].paginated
    assert ops[("SENDER", "get_evse")].path == "{location_id}/{evse_uid}"
    receiver_patch = ops[("RECEIVER", "patch_connector")]
    assert (
        receiver_patch.path == "{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}"
    )
    assert receiver_patch.request_body is not None and receiver_patch.request_body.partial
