"""The server kit, attacked: each test is the request a dishonest or careless party sends and
the refusal it must get (always an OCPI envelope with the right HTTP status)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from ocpi_sdk.credentials import MemoryPartnerStore, PartyRole
from ocpi_sdk.server import (
    IncomingRequest,
    Limits,
    ListPage,
    OcpiServer,
    RawJson,
    apply_patch,
    key,
    unknown,
)
from ocpi_sdk.server.starlette import create_app
from ocpi_sdk.v2_2_1.server import LocationsReceiverHandler, LocationsSenderHandler
from tests.server_kit import add_partner, client, headers

EXAMPLES = Path("2.2.1") / "location_example.json"


class Receiver(LocationsReceiverHandler):
    def __init__(self) -> None:
        self.stored: dict[tuple[str, ...], Any] = {}

    async def put_location(
        self, ctx: Any, country_code: str, party_id: str, location_id: str, location: Any
    ) -> None:
        self.stored[key(country_code, party_id, location_id)] = location

    async def get_location(
        self, ctx: Any, country_code: str, party_id: str, location_id: str
    ) -> Any:
        return self.stored.get(key(country_code, party_id, location_id))

    async def patch_location(
        self, ctx: Any, country_code: str, party_id: str, location_id: str, changes: Any
    ) -> None:
        found = self.stored.get(k := key(country_code, party_id, location_id))
        if found is None:
            raise unknown(f"location {location_id}")
        self.stored[k] = apply_patch(found, changes)


class Sender(LocationsSenderHandler):
    def __init__(self, items: list[bytes]) -> None:
        self.items = items

    async def list_locations(
        self, ctx: Any, *, date_from: Any, date_to: Any, offset: int, limit: int
    ) -> ListPage[Any]:
        return ListPage([RawJson(b) for b in self.items[offset : offset + limit]], len(self.items))


@pytest.fixture
def location(examples_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((examples_dir / EXAMPLES).read_text())
    return data


@pytest.fixture
def kit() -> tuple[OcpiServer, Receiver, MemoryPartnerStore]:
    store = MemoryPartnerStore()
    add_partner(store, "honest", ("CPO", "BE", "BEC"))
    add_partner(store, "dishonest", ("CPO", "NL", "BAD"))
    receiver = Receiver()
    server = OcpiServer(
        parties=[PartyRole("EMSP", "NL", "EXA", "Example")],
        tokens=store,
        role="EMSP",
        limits=Limits(max_body=100_000, max_depth=32, page_limit=3),
    )
    server.mount(receiver)
    return server, receiver, store


async def call(
    server: OcpiServer,
    method: str,
    path: str,
    token: str = "honest",
    body: Any = None,
    **extra: str,
) -> Any:
    raw = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
    async with client(create_app(server), "http://emsp.test") as http:
        return await http.request(method, path, content=raw, headers=headers(token, **extra))


def envelope(response: Any) -> dict[str, Any]:
    document: dict[str, Any] = response.json()
    assert {"status_code", "status_message", "timestamp"} <= set(document), document
    return document


async def test_an_unknown_token_is_refused_before_the_body_is_read(kit: Any) -> None:
    server, _, _ = kit
    read: list[int] = []

    async def read_body(limit: int) -> bytes:
        read.append(limit)
        return b"x" * 300_000_000

    request = IncomingRequest(
        "PUT",
        "/2.2.1/locations/BE/BEC/LOC1",
        "http://emsp.test",
        "http://emsp.test/2.2.1/locations/BE/BEC/LOC1",
        {"authorization": "Token bm90LWEtdG9rZW4=", "content-length": "300000000"},
        read_body=read_body,
    )
    answer = await server.handle(request)
    assert answer.status == 401 and json.loads(answer.body)["status_code"] == 2000
    assert read == []
    credentials = attrs_evolve(request, path="/2.2.1/credentials", method="POST")
    answer = await server.handle(credentials)
    assert answer.status == 401 and read == []


def attrs_evolve(request: IncomingRequest, **changes: Any) -> IncomingRequest:
    import attrs

    return attrs.evolve(request, **changes)


async def test_a_body_over_the_limit_is_refused_413(kit: Any, location: Any) -> None:
    server, receiver, _ = kit
    big = {**location, "name": "x" * 200_000}
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=big)
    assert answer.status_code == 413 and envelope(answer)["status_code"] == 2001
    assert receiver.stored == {}


async def test_json_nested_5000_deep_is_a_2001_not_a_500(kit: Any) -> None:
    server, _, _ = kit
    answer = await call(
        server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=b"[" * 5000 + b"]" * 5000
    )
    assert answer.status_code == 400 and envelope(answer)["status_code"] == 2001
    assert "deeper" in answer.json()["status_message"]


async def test_nan_and_non_json_are_2001(kit: Any, location: Any) -> None:
    server, receiver, _ = kit
    raw = json.dumps({**location, "coordinates": {"latitude": "NaN", "longitude": 1}}).encode()
    raw = raw.replace(b'"NaN"', b"NaN")
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=raw)
    assert answer.status_code == 400 and envelope(answer)["status_code"] == 2001
    assert receiver.stored == {}


async def test_a_put_for_another_partys_object_is_refused_403(kit: Any, location: Any) -> None:
    server, receiver, _ = kit
    answer = await call(
        server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", token="dishonest", body=location
    )
    assert answer.status_code == 403 and envelope(answer)["status_code"] == 2000
    assert receiver.stored == {}


async def test_reading_another_partys_object_is_refused_403(kit: Any, location: Any) -> None:
    server, _, _ = kit
    await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=location)
    answer = await call(server, "GET", "/2.2.1/locations/BE/BEC/LOC1", token="dishonest")
    assert answer.status_code == 403 and "data" not in envelope(answer)


async def test_routing_headers_naming_another_party_are_refused(kit: Any, location: Any) -> None:
    server, receiver, _ = kit
    own = {**location, "country_code": "NL", "party_id": "BAD"}
    answer = await call(
        server,
        "PUT",
        "/2.2.1/locations/BE/BEC/LOC1",
        token="dishonest",
        body=location,
        OCPI_from_country_code="BE",
        OCPI_from_party_id="BEC",
    )
    assert answer.status_code == 403 and envelope(answer)["status_code"] == 2001
    answer = await call(server, "PUT", "/2.2.1/locations/NL/BAD/LOC1", token="dishonest", body=own)
    assert answer.status_code == 200 and list(receiver.stored) == [("NL", "BAD", "LOC1")]


async def test_url_ids_must_match_the_body(kit: Any, location: Any) -> None:
    server, receiver, _ = kit
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/OTHER", body=location)
    assert answer.status_code == 400 and envelope(answer)["status_code"] == 2001
    assert "$.id" in answer.json()["status_message"]
    other_owner = {**location, "party_id": "XYZ"}
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=other_owner)
    assert answer.status_code == 400 and "$.party_id" in answer.json()["status_message"]
    assert receiver.stored == {}


async def test_cistring_ids_match_case_insensitively(kit: Any, location: Any) -> None:
    server, _, _ = kit
    answer = await call(server, "PUT", "/2.2.1/locations/be/bec/loc1", body=location)
    assert answer.json()["status_code"] == 1000, answer.text
    answer = await call(server, "GET", "/2.2.1/locations/Be/BeC/Loc1")
    assert answer.json()["data"]["id"] == "LOC1"


async def test_a_patch_without_last_updated_or_changing_the_id_is_2001(
    kit: Any, location: Any
) -> None:
    server, receiver, _ = kit
    await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=location)
    answer = await call(server, "PATCH", "/2.2.1/locations/BE/BEC/LOC1", body={"name": "n"})
    assert answer.status_code == 400 and "last_updated" in envelope(answer)["status_message"]
    stamp = "2021-01-01T00:00:00Z"
    answer = await call(
        server, "PATCH", "/2.2.1/locations/BE/BEC/LOC1", body={"id": "LOC2", "last_updated": stamp}
    )
    assert answer.status_code == 400 and "cannot change" in envelope(answer)["status_message"]
    answer = await call(
        server, "PATCH", "/2.2.1/locations/BE/BEC/LOC1", body={"name": "n", "last_updated": stamp}
    )
    assert answer.json()["status_code"] == 1000
    assert receiver.stored[("BE", "BEC", "LOC1")].id == "LOC1"


async def test_invalid_bodies_are_2001_with_json_paths_and_nulls_in_optional_fields_pass(
    kit: Any, location: Any
) -> None:
    server, receiver, _ = kit
    bad = {**location, "coordinates": {"latitude": "north", "longitude": "4.1"}}
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=bad)
    assert (
        answer.status_code == 400 and "$.coordinates.latitude" in envelope(answer)["status_message"]
    )
    nulls = {**location, "name": None, "opening_times": None}
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=nulls)
    assert answer.json()["status_code"] == 1000, answer.text
    assert receiver.stored[("BE", "BEC", "LOC1")].name is None


async def test_unknown_routes_methods_and_dot_segments_answer_envelopes(kit: Any) -> None:
    server, _, _ = kit
    for method, path, http in [
        ("GET", "/2.2.1/nothing", 404),
        ("GET", "/9.9.9/locations", 404),
        ("POST", "/2.2.1/locations/BE/BEC/LOC1", 405),
        ("DELETE", "/versions", 405),
        ("GET", "/", 404),
    ]:
        answer = await call(server, method, path)
        assert answer.status_code == http, (method, path, answer.text)
        assert envelope(answer)["status_code"] == 2000
    request = IncomingRequest(
        "GET",
        "/2.2.1/locations/../credentials",
        "http://emsp.test",
        "http://emsp.test/2.2.1/locations/../credentials",
        {k.lower(): v for k, v in headers("honest").items()},
    )
    answer = await server.handle(request)
    assert answer.status == 404 and json.loads(answer.body)["status_code"] == 2000


async def test_request_ids_are_echoed_generated_or_required(kit: Any, location: Any) -> None:
    server, _, _ = kit
    answer = await call(
        server, "GET", "/2.2.1/locations/BE/BEC/LOC1", X_Request_ID="r-1", X_Correlation_ID="c-1"
    )
    assert answer.headers["X-Request-ID"] == "r-1" and answer.headers["X-Correlation-ID"] == "c-1"
    async with client(create_app(server), "http://emsp.test") as http:
        bare = {"Authorization": headers("honest")["Authorization"]}
        answer = await http.get("/2.2.1/locations/BE/BEC/LOC1", headers=bare)
        assert answer.headers.get("X-Request-ID") and answer.status_code == 404
        assert any("X-Request-ID" in t for t in server.tolerated)
        server.strict_request_ids = True
        answer = await http.get("/2.2.1/locations/BE/BEC/LOC1", headers=bare)
        assert answer.status_code == 400 and envelope(answer)["status_code"] == 2001


async def test_pages_are_capped_and_linked(kit: Any) -> None:
    server, _, _ = kit
    items = [json.dumps({"id": f"L{i}"}).encode() for i in range(7)]
    server.mount(Sender(items))
    answer = await call(
        server, "GET", "/2.2.1/locations/sender?limit=50&date_from=2020-01-01T00:00:00Z"
    )
    assert answer.status_code == 200, answer.text
    assert [o["id"] for o in answer.json()["data"]] == ["L0", "L1", "L2"]
    assert answer.headers["X-Limit"] == "3" and answer.headers["X-Total-Count"] == "7"
    link = answer.headers["Link"]
    assert (
        "offset=3" in link
        and "limit=3" in link
        and "date_from=" in link
        and link.startswith("<http://emsp.test/")
    )
    answer = await call(server, "GET", "/2.2.1/locations/sender?offset=6")
    assert "Link" not in answer.headers and len(answer.json()["data"]) == 1
    answer = await call(server, "GET", "/2.2.1/locations/sender?limit=-1")
    assert answer.status_code == 400 and envelope(answer)["status_code"] == 2001


async def test_a_large_body_is_validated_in_a_worker_thread(
    kit: Any, location: Any, monkeypatch: Any
) -> None:
    server, _, _ = kit
    threads: list[Any] = []
    real = asyncio.to_thread

    async def spy(function: Any, *args: Any) -> Any:
        threads.append(function.__name__)
        return await real(function, *args)

    monkeypatch.setattr(asyncio, "to_thread", spy)
    padded = {
        **location,
        "related_locations": [{"latitude": "52.00000", "longitude": "4.00000"}] * 400,
    }
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=padded)
    assert answer.json()["status_code"] == 1000, answer.text
    assert threads == ["_decode"]


async def test_one_token_a_registers_exactly_one_party() -> None:
    """Two registrations racing with the same token A: one wins, the other finds it spent."""
    import httpx

    partner_store = MemoryPartnerStore()
    partner_store.issue_token_a("token-b")
    partner = OcpiServer(
        parties=[PartyRole("CPO", "NL", "CPO", "cpo")],
        tokens=partner_store,
        base_url="http://cpo.test",
    )
    partner.mount(LocationsSenderHandler())
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(partner)))
    store = MemoryPartnerStore()
    store.issue_token_a("token-a")
    server = OcpiServer(
        parties=[PartyRole("EMSP", "NL", "EXA", "e")],
        tokens=store,
        role="EMSP",
        http_client=http,
        versions=["2.2.1"],
    )
    body = {
        "token": "token-b",
        "url": "http://cpo.test/versions",
        "roles": [
            {
                "role": "CPO",
                "country_code": "NL",
                "party_id": "CPO",
                "business_details": {"name": "c"},
            }
        ],
    }
    answers = await asyncio.gather(
        *(call(server, "POST", "/2.2.1/credentials", token="token-a", body=body) for _ in range(2))
    )
    codes = sorted((a.status_code, envelope(a)["status_code"]) for a in answers)
    assert codes == [(200, 1000), (401, 2000)], [a.text for a in answers]
    assert len(store.partners) == 1 and not store.pending
    await http.aclose()


async def test_a_gzip_body_is_read_and_a_gzip_bomb_stops_at_the_limit(
    kit: Any, location: Any
) -> None:
    import gzip

    server, receiver, _ = kit
    packed = gzip.compress(json.dumps(location).encode())
    answer = await call(
        server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=packed, Content_Encoding="gzip"
    )
    assert answer.status_code == 200, answer.text
    assert receiver.stored[("BE", "BEC", "LOC1")].name == location["name"]
    bomb = gzip.compress(b" " * 50_000_000)  # 50 MB of spaces in about 50 KB
    answer = await call(
        server, "PUT", "/2.2.1/locations/BE/BEC/LOC2", body=bomb, Content_Encoding="gzip"
    )
    assert answer.status_code == 413 and envelope(answer)["status_code"] == 2001
    assert "decoded" in answer.json()["status_message"]


async def test_an_encoding_not_read_is_refused_415_and_a_broken_one_400(
    kit: Any, location: Any
) -> None:
    server, receiver, _ = kit
    raw = json.dumps(location).encode()
    answer = await call(
        server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=raw, Content_Encoding="br"
    )
    assert answer.status_code == 415 and envelope(answer)["status_code"] == 2001
    assert "br" in answer.json()["status_message"]
    answer = await call(
        server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=raw, Content_Encoding="gzip"
    )
    assert answer.status_code == 400 and "not gzip" in envelope(answer)["status_message"]
    assert receiver.stored == {}


async def test_a_byte_order_mark_is_ignored_and_noted_and_utf16_is_named(
    kit: Any, location: Any
) -> None:
    server, receiver, _ = kit
    raw = json.dumps(location).encode()
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=b"\xef\xbb\xbf" + raw)
    assert answer.status_code == 200 and ("BE", "BEC", "LOC1") in receiver.stored
    assert any("byte order mark" in note for note in server.tolerated)
    answer = await call(
        server, "PUT", "/2.2.1/locations/BE/BEC/LOC2", body=json.dumps(location).encode("utf-16")
    )
    assert answer.status_code == 400 and "not UTF-8" in envelope(answer)["status_message"]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("limit=abc", "limit='abc': not a whole number"),
        ("limit=1_0", "limit='1_0': not a whole number"),
        ("offset=%C2%B2", "not a whole number"),
        ("date_from=yesterday", "date_from='yesterday': not a DateTime (RFC 3339"),
        ("date_to=2024-13-01T00:00:00Z", "not a DateTime"),
    ],
)
async def test_a_bad_query_parameter_is_named_in_plain_words(
    kit: Any, query: str, says: str
) -> None:
    server, _, _ = kit
    server.mount(Sender([]))
    answer = await call(server, "GET", f"/2.2.1/locations/sender?{query}")
    assert answer.status_code == 400 and envelope(answer)["status_code"] == 2001
    assert says in answer.json()["status_message"]


async def test_a_body_dripped_in_too_slowly_is_refused_408(kit: Any) -> None:
    server, receiver, _ = kit
    server.limits = attrs.evolve(server.limits, body_seconds=0.2)

    async def drip(limit: int) -> bytes:
        await asyncio.sleep(5)  # a sender that never finishes in time
        return b"{}"

    request = IncomingRequest(
        "PUT",
        "/2.2.1/locations/BE/BEC/LOC1",
        "http://emsp.test",
        "http://emsp.test/2.2.1/locations/BE/BEC/LOC1",
        {k.lower(): v for k, v in headers("honest").items()},
        read_body=drip,
    )
    started = asyncio.get_running_loop().time()
    answer = await server.handle(request)
    assert answer.status == 408 and json.loads(answer.body)["status_code"] == 2000
    assert asyncio.get_running_loop().time() - started < 2 and receiver.stored == {}


async def test_datetimes_with_a_utc_offset_are_read_in_utc_and_noted(
    kit: Any, location: Any
) -> None:
    server, receiver, _ = kit
    body = {**location, "last_updated": "2015-06-29T22:39:09+02:00"}
    body["evses"] = [{**location["evses"][0], "last_updated": "2015-06-29T20:39:09.5+00:00"}]
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=body)
    assert answer.status_code == 200, answer.text
    stored = receiver.stored[("BE", "BEC", "LOC1")]
    assert stored.last_updated.isoformat() == "2015-06-29T20:39:09+00:00"
    assert stored.evses[0].last_updated.isoformat() == "2015-06-29T20:39:09.500000+00:00"
    assert any("$.last_updated" in note and "UTC offset" in note for note in server.tolerated)
    # finer than a millisecond would be cut: refused, not changed
    body = {**location, "last_updated": "2015-06-29T22:39:09.1234567+02:00"}
    answer = await call(server, "PUT", "/2.2.1/locations/BE/BEC/LOC1", body=body)
    assert answer.status_code == 400 and "$.last_updated" in answer.json()["status_message"]
