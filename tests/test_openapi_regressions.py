"""What Schemathesis found in the simulators, each replayed over HTTP against a running server, and
each answer checked against the OpenAPI document the server serves: these keep protecting any
server that takes the simulators' place."""

from __future__ import annotations

import re
from typing import Any

import httpx
import jsonschema
import pytest
import referencing
from referencing.jsonschema import DRAFT202012

from tests.openapi_harness import Registered, registered_sim

PRINTABLE_ASCII = re.compile(r"^[\x20-\x7e]*$")


def answer_of(sim: Registered, method: str, path: str, **options: Any) -> httpx.Response:
    """``method`` on ``path`` under the simulator's OCPI root, as the registered partner."""
    headers = sim.headers(**options.pop("headers", {}))
    return httpx.request(method, sim.root + path, headers=headers, timeout=10, **options)


def check_against_document(sim: Registered, path: str, method: str, answer: httpx.Response) -> None:
    """``answer`` is JSON, its HTTP status is documented for the operation, its body valid
    against the schema the server's own document gives for that status."""
    doc = httpx.get(f"{sim.server.url}/openapi.json?version={sim.version}").json()
    responses = doc["paths"][path][method.lower()]["responses"]
    key = str(answer.status_code)
    if key not in responses:
        key = f"{key[0]}XX"
    assert key in responses, f"HTTP {answer.status_code} is not documented for {method} {path}"
    pointer = "/".join(
        part.replace("~", "~0").replace("/", "~1")
        for part in ("paths", path, method.lower(), "responses", key)
    )
    if "$ref" in responses[key]:
        pointer = responses[key]["$ref"].removeprefix("#/")
    pointer += "/content/application~1json/schema"
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(
        "urn:doc", DRAFT202012.create_resource(doc)
    )
    validator = jsonschema.Draft202012Validator({"$ref": f"urn:doc#/{pointer}"}, registry=registry)
    assert answer.headers["content-type"].startswith("application/json")
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(answer.json())]
    assert errors == [], errors


@pytest.fixture(scope="module")
def cpo_221() -> Any:
    with registered_sim("CPO", "2.2.1") as sim:
        yield sim


def test_a_url_no_route_matches_is_answered_with_an_ocpi_envelope(cpo_221: Registered) -> None:
    """Found: a path parameter holding a line feed matched no route, and Starlette answered a
    plain-text 404 (no envelope, undocumented content type)."""
    answer = answer_of(cpo_221, "GET", "/2.2.1/locations/LOC%0A1")
    assert answer.status_code == 404
    assert answer.json()["status_code"] == 2000
    check_against_document(cpo_221, "/2.2.1/locations/{location_id}", "GET", answer)
    wrong_method = answer_of(cpo_221, "DELETE", "/versions")
    assert wrong_method.status_code == 405 and wrong_method.json()["status_code"] == 2000


def test_an_integer_query_parameter_beyond_64_bits_is_no_crash(cpo_221: Registered) -> None:
    """Found: ``duration=-4878155570394917688145193467904`` on GET chargingprofiles made the
    server look up a ``minimum`` the parameter does not have: HTTP 500."""
    path = "/2.2.1/chargingprofiles/{session_id}"
    answer = answer_of(
        cpo_221,
        "GET",
        "/2.2.1/chargingprofiles/S1",
        params={"duration": str(-(10**31)), "response_url": "http://127.0.0.1:9/result"},
    )
    assert answer.status_code < 500
    check_against_document(cpo_221, path, "GET", answer)
    below = answer_of(cpo_221, "GET", "/2.2.1/locations", params={"offset": str(-(10**31))})
    assert below.status_code == 400 and below.json()["status_code"] == 2001
    check_against_document(cpo_221, "/2.2.1/locations", "GET", below)


@pytest.mark.parametrize("version", ["2.1.1", "2.2.1"])
def test_status_messages_quoting_the_request_are_valid_ocpi_strings(version: str) -> None:
    """Found: an error message quoting a received value carried its control characters (and in
    2.1.1, whose string type is printable ASCII, any non-ASCII character): the envelope broke
    the spec's own string type."""
    with registered_sim("CPO", version) as sim:
        answer = answer_of(
            sim,
            "GET",
            f"/{version}/locations",
            params={"date_from": "2024\x85\x1b\u00d6\U0001f600"},
        )
        assert answer.status_code == 400 and answer.json()["status_code"] == 2001
        message = answer.json()["status_message"]
        assert PRINTABLE_ASCII.match(message), message
        assert "\\u00d6" in message and "\\U0001f600" in message  # escaped, not lost
        check_against_document(sim, f"/{version}/locations", "GET", answer)


@pytest.mark.parametrize(("version", "code"), [("2.1.1", 2000), ("2.2.1", 2004)])
def test_an_unknown_token_is_answered_with_a_status_code_of_the_version(
    version: str, code: int
) -> None:
    """Found: real-time authorization of an unknown token answered 2004 in 2.1.1, a code that
    version's status codes chapter does not have."""
    with registered_sim("EMSP", version) as sim:
        path = f"/{version}/tokens/{{token_uid}}/authorize"
        answer = answer_of(sim, "POST", f"/{version}/tokens/NO-SUCH-TOKEN/authorize")
        assert answer.status_code == 404
        assert answer.json()["status_code"] == code
        check_against_document(sim, path, "POST", answer)


def test_the_hub_forwards_ids_that_need_percent_encoding() -> None:
    """Found: the hub put a decoded path (with control characters) into the URL it forwards
    to; httpx refused the URL and the hub answered HTTP 500."""
    with registered_sim("HUB", "2.2.1") as sim:
        path = "/2.2.1/sessions/sender/{session_id}/charging_preferences"
        answer = answer_of(
            sim,
            "PUT",
            "/2.2.1/sessions/sender/%2C%1F%0F/charging_preferences",
            json={"profile_type": "REGULAR"},
        )
        assert answer.status_code < 500
        check_against_document(sim, path, "PUT", answer)
        plain = answer_of(sim, "GET", "/2.2.1/locations/sender/a%20b")
        assert plain.status_code < 500
        check_against_document(sim, "/2.2.1/locations/sender/{location_id}", "GET", plain)


def test_version_details_with_a_module_id_outside_the_enum_match_the_document() -> None:
    """Found: a 2.3.0 CPO lists its ``payments`` endpoint, an id the 2.3.0 ModuleID open enum
    does not list; the document must accept it as the SDK does (open enums are open)."""
    with registered_sim("CPO", "2.3.0") as sim:
        answer = answer_of(sim, "GET", "/2.3.0")
        ids = {endpoint["identifier"] for endpoint in answer.json()["data"]["endpoints"]}
        assert "payments" in ids
        check_against_document(sim, "/2.3.0", "GET", answer)


def test_a_2_1_1_hub_is_refused_at_start_never_answering_500() -> None:
    """Found: a hub serving 2.1.1 looked up the Role enum (2.1.1 has none) to describe itself
    in its credentials: every registration was answered HTTP 500. OCPI 2.1.1 has no routing
    headers, so a hub cannot route it: the simulator now refuses to start one, with a message
    saying why (issue #15), and ``ocpi sim hub`` without --version serves 2.2.1 and 2.3.0."""
    from ocpi_sdk.sim.platform import Platform, SimConfig

    with pytest.raises(ValueError, match="no routing headers"):
        Platform(SimConfig(role="HUB", versions=("2.1.1",)))
    hub = Platform(SimConfig(role="HUB", versions=("2.1.1", "2.2.1")))
    assert hub.versions == ("2.2.1",)
