"""The OpenAPI 3.1 documents: valid for an independent validator, built from the schemas and
interfaces data (nothing rewritten, version differences from the transport rules), served by the
simulators and written by ``ocpi openapi``."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx
import jsonschema
import pytest
import referencing
from openapi_spec_validator import validate as validate_openapi
from referencing.jsonschema import DRAFT202012

from ocpi_sdk import openapi, schemas
from ocpi_sdk.cli import main
from ocpi_sdk.schemas._interfaces import raw_interfaces
from ocpi_sdk.schemas._registry import version_schemas
from ocpi_sdk.schemas._variants import derive
from ocpi_sdk.sim.platform import Platform, SimConfig
from ocpi_sdk.sim.serve import RunningServer
from tests.examples import load

VERSIONS = tuple(schemas.versions())
ROLES = (*openapi.ROLES, None)
METHODS = ("get", "put", "post", "patch", "delete")


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(path or webhook name, method, operation) of every operation of ``doc``."""
    out = []
    for section in ("paths", "webhooks"):
        for where, item in doc.get(section, {}).items():
            out += [(where, m, op) for m, op in item.items() if m in METHODS]
    return out


def operation(doc: dict[str, Any], operation_id: str) -> tuple[str, str, dict[str, Any]]:
    return next(found for found in operations(doc) if found[2]["operationId"] == operation_id)


def resolve(doc: dict[str, Any], ref: str) -> Any:
    node: Any = doc
    for part in ref.removeprefix("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("version", VERSIONS)
def test_document_is_valid_openapi_3_1(version: str, role: str | None) -> None:
    doc = openapi.document(version, role)
    assert doc["openapi"] == "3.1.0"
    validate_openapi(doc)  # openapi-spec-validator: the 3.1 meta-schema, refs, parameters


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("version", VERSIONS)
def test_every_served_operation_is_in_the_document_once(version: str, role: str | None) -> None:
    doc = openapi.document(version, role)
    expected = sorted(
        (i.module, i.role or "", op.name)
        for i in openapi.served_interfaces(version, role)
        for op in i.operations
    )
    ids = [op["operationId"] for _, _, op in operations(doc)]
    assert len(ids) == len(set(ids)) == len(expected)
    for interface in openapi.served_interfaces(version, role):
        for op in interface.operations:
            where, method, found = operation(
                doc,
                "_".join(
                    p for p in (interface.module, (interface.role or "").lower(), op.name) if p
                ),
            )
            assert method == op.method.lower()
            assert [p["name"] for p in found.get("parameters", []) if p.get("in") == "path"] == [
                p.name for p in op.path_params
            ]
            if op.target == "endpoint":
                assert where.startswith(f"/{version}/{interface.module}")
                assert where.endswith(op.path)


def test_roles_serve_what_their_interfaces_say() -> None:
    cpo = {(i.module, i.role) for i in openapi.served_interfaces("2.2.1", "cpo")}
    emsp = {(i.module, i.role) for i in openapi.served_interfaces("2.2.1", "emsp")}
    hub = {(i.module, i.role) for i in openapi.served_interfaces("2.2.1", "hub")}
    assert ("locations", "SENDER") in cpo and ("locations", "RECEIVER") not in cpo
    assert ("locations", "RECEIVER") in emsp and ("tokens", "SENDER") in emsp
    assert {("locations", "SENDER"), ("locations", "RECEIVER"), ("hubclientinfo", "SENDER")} <= hub
    assert ("credentials", None) in cpo & emsp & hub
    with pytest.raises(openapi.OpenApiError, match="role must be one of"):
        openapi.document("2.2.1", "nsp")


@pytest.mark.parametrize("version", VERSIONS)
def test_schemas_are_embedded_unchanged_and_referenced(version: str) -> None:
    """Each schema file is in components/schemas as the registry validates with it (lenient:
    open enums open), same keywords and values, its $id
    kept as x-ocpi-schema-id, each $ref pointing at the same definition inside the document."""
    doc = openapi.document(version)
    files = {name: derive(d, "lenient") for name, d in version_schemas(version).files.items()}
    for name, original in files.items():
        embedded = doc["components"]["schemas"][name.removesuffix(".json")]
        assert embedded["x-ocpi-schema-id"] == original["$id"]
        pairs = [(original, embedded)]
        while pairs:
            left, right = pairs.pop()
            if isinstance(left, dict):
                assert set(left) - {"$id", "$schema"} == set(right) - {"x-ocpi-schema-id"}
                for key, value in left.items():
                    if key == "$ref":
                        target = urljoin(original["$id"], value)
                        file_id, _, pointer = target.partition("#")
                        stem = next(n for n, d in files.items() if d["$id"] == file_id)
                        assert right[key] == f"#/components/schemas/{stem[:-5]}{pointer}"
                        found, meant = resolve(doc, right[key]), resolve(files[stem], "#" + pointer)
                        assert found.keys() == meant.keys() and found.get("title") == meant.get(
                            "title"
                        )
                    elif key not in ("$id", "$schema"):
                        pairs.append((value, right[key]))
            elif isinstance(left, list):
                assert len(left) == len(right)
                pairs.extend(zip(left, right, strict=True))
            else:
                assert left == right


def _validator(doc: dict[str, Any], schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    resource = DRAFT202012.create_resource(doc)
    registry: referencing.Registry[Any] = referencing.Registry().with_resource("urn:doc", resource)
    return jsonschema.Draft202012Validator(
        {"$ref": "urn:doc#/" + _pointer_to(doc, schema)}, registry=registry
    )


def _pointer_to(doc: dict[str, Any], target: Any) -> str:
    stack: list[tuple[str, Any]] = [("", doc)]
    while stack:
        path, node = stack.pop()
        if node is target:
            return path.lstrip("/")
        if isinstance(node, dict):
            stack += [
                (f"{path}/{k.replace('~', '~0').replace('/', '~1')}", v) for k, v in node.items()
            ]
        elif isinstance(node, list):
            stack += [(f"{path}/{i}", v) for i, v in enumerate(node)]
    raise LookupError("not in the document")


def test_response_schemas_take_the_spec_examples_in_an_envelope(examples_dir: Path) -> None:
    doc = openapi.document("2.2.1", "cpo")
    _, _, get = operation(doc, "locations_sender_get")
    schema = get["responses"]["200"]["content"]["application/json"]["schema"]
    validator = _validator(doc, schema)
    location = load("2.2.1", "location_example.json")
    body = {"data": location, "status_code": 1000, "timestamp": "2024-01-01T00:00:00Z"}
    assert list(validator.iter_errors(body)) == []
    for broken in (
        {**body, "status_code": 4001 + 999},  # not a status code of the version
        {k: v for k, v in body.items() if k != "data"},  # success without data
        {**body, "data": {k: v for k, v in location.items() if k != "coordinates"}},
    ):
        assert list(validator.iter_errors(broken)), broken
    _, _, listing = operation(doc, "locations_sender_list")
    page = listing["responses"]["200"]
    assert {"X-Total-Count", "X-Limit", "Link"} <= set(page["headers"])
    names = [p.get("name") for p in listing["parameters"]]
    assert {"date_from", "date_to", "offset", "limit"} <= set(names)


def test_patch_bodies_are_partial_objects_requiring_last_updated() -> None:
    doc = openapi.document("2.2.1", "emsp")
    _, _, patch = operation(doc, "locations_receiver_patch_evse")
    schema = patch["requestBody"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["last_updated"]
    validator = _validator(doc, schema)
    assert (
        list(validator.iter_errors({"status": "CHARGING", "last_updated": "2024-01-01T00:00:00Z"}))
        == []
    )
    assert list(validator.iter_errors({"status": "CHARGING"}))  # no last_updated
    assert list(validator.iter_errors({"status": "FLYING", "last_updated": "2024-01-01T00:00:00Z"}))
    _, _, put = operation(doc, "locations_receiver_put_evse")
    assert put["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/locations/$defs/EVSE"
    }
    assert "links" in put["responses"]["200"]  # PUT then GET, for stateful testing


@pytest.mark.parametrize("version", VERSIONS)
def test_transport_rules_come_from_the_interfaces_data(version: str) -> None:
    rules = raw_interfaces(version)["transport"]
    doc = openapi.document(version, "cpo")
    scheme = doc["components"]["securitySchemes"]["ocpiToken"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "Authorization")
    assert ("base64" in scheme["description"]) == (rules["token_encoding"] == "base64")
    _, _, listing = operation(doc, "locations_sender_list")
    refs = {p.get("$ref", "").rsplit("/", 1)[-1] for p in listing["parameters"]}
    assert ("X-Request-ID" in refs and "X-Correlation-ID" in refs) == rules["request_ids"]
    assert ("OCPI-to-party-id" in refs) == rules["routing_headers"]
    _, _, credentials = operation(doc, "credentials_get")
    assert not any("OCPI-" in p.get("$ref", "") for p in credentials.get("parameters", []))
    codes = doc["components"]["schemas"]["StatusCode"]["enum"]
    assert {1000, 2001, 3000} <= set(codes) and ((4001 in codes) == rules["routing_headers"])


def test_results_sent_to_given_urls_are_webhooks() -> None:
    doc = openapi.document("2.2.1", "emsp")
    assert "post" in doc["webhooks"]["commands_sender_command_result"]
    assert "get" in doc["webhooks"]["cdrs_receiver_get"]
    assert "webhooks" not in openapi.document("2.2.1", "cpo")


def test_cli_writes_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cpo.json"
    assert main(["openapi", "--version", "2.2.1", "--role", "cpo", "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == openapi.document("2.2.1", "cpo")
    assert main(["openapi", "--version", "2.1.1"]) == 0
    assert json.loads(capsys.readouterr().out) == openapi.document("2.1.1")
    assert main(["openapi", "--version", "9.9"]) == 2
    assert "unknown OCPI version 9.9" in capsys.readouterr().err


def test_simulator_serves_its_own_document() -> None:
    platform = Platform(SimConfig(role="EMSP", versions=("2.1.1", "2.3.0")))
    with RunningServer(platform) as server:
        newest = httpx.get(server.url + "/openapi.json").json()
        older = httpx.get(server.url + "/openapi.json?version=2.1.1").json()
        missing = httpx.get(server.url + "/openapi.json?version=2.2.1")
    root = server.url + "/ocpi"
    assert newest == openapi.document("2.3.0", "emsp", server=root)
    assert older == openapi.document("2.1.1", "emsp", server=root)
    assert missing.status_code == 404 and missing.json()["versions"] == ["2.1.1", "2.3.0"]


def test_document_is_a_fresh_copy() -> None:
    doc = openapi.document("2.2.1", "cpo")
    before = copy.deepcopy(openapi.document("2.2.1", "cpo"))
    doc["components"]["schemas"]["locations"]["$defs"].clear()
    assert openapi.document("2.2.1", "cpo") == before
    assert schemas.get("2.2.1", "Location")["properties"]
