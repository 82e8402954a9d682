"""Every generated route of every version reaches its handler, and the generated clients talk
to the generated handlers (the two halves of one interface)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from ocpi_sdk import packages
from ocpi_sdk.credentials import MemoryPartnerStore, PartyRole
from ocpi_sdk.server import ListPage, OcpiServer, key
from ocpi_sdk.server.starlette import create_app
from tests.server_kit import add_partner, client, headers


@pytest.mark.parametrize("version", packages.sdk_versions())
async def test_unimplemented_operations_answer_501_envelopes(version: str) -> None:
    import importlib

    server_module = importlib.import_module(f"ocpi_sdk.v{version.replace('.', '_')}.server")
    store = MemoryPartnerStore()
    add_partner(store, "tok", ("CPO", "NL", "ABC"), version=version)
    server = OcpiServer(parties=[PartyRole("EMSP", "NL", "EXA", "e")], tokens=store)
    for cls in server_module.HANDLERS.values():
        server.mount(cls())
    details_by_module: dict[tuple[str, str | None], str] = {}
    async with client(create_app(server), "http://emsp.test") as http:
        answer = await http.get(f"/{version}", headers=headers("tok", version))
        endpoints = answer.json()["data"]["endpoints"]
        for endpoint in endpoints:
            details_by_module[(endpoint["identifier"], endpoint.get("role"))] = endpoint["url"]
        seen = 0
        for cls in server_module.HANDLERS.values():
            url = server.endpoint_url(version, cls.module, cls.role, "http://emsp.test")
            for route in cls.routes:
                values = {"country_code": "NL", "party_id": "ABC"}
                path = route.path
                for name in route.path_params:
                    path = path.replace("{" + name + "}", values.get(name, "X1"))
                target = f"{url}/{path}" if path else url
                body = b"{}" if route.body is not None else None
                sample = {int: "60", str: "http://emsp.test/r"}
                params = {
                    q.name: sample.get(q.type, "2020-01-01T00:00:00Z")
                    for q in route.query
                    if q.required
                }
                answer = await http.request(
                    route.method,
                    target,
                    params=params,
                    content=body,
                    headers=headers("tok", version),
                )
                document = answer.json()
                assert "status_code" in document, (route, answer.text)
                expected = (400, 2001) if route.body is not None else (501, 2000)
                assert (answer.status_code, document["status_code"]) == expected, (
                    route,
                    answer.text,
                )
                seen += 1
        assert seen == len(server_module.ROUTES)


async def test_a_generated_client_talks_to_a_generated_handler(examples_dir: Path) -> None:
    from ocpi_sdk.v2_2_1 import Location, converter
    from ocpi_sdk.v2_2_1.clients import AsyncLocationsReceiverClient, AsyncLocationsSenderClient
    from ocpi_sdk.v2_2_1.server import LocationsReceiverHandler, LocationsSenderHandler

    stored: dict[tuple[str, ...], Location] = {}

    class Receiver(LocationsReceiverHandler):
        async def put_location(
            self, ctx: Any, country_code: str, party_id: str, location_id: str, location: Location
        ) -> None:
            stored[key(country_code, party_id, location_id)] = location

    class Sender(LocationsSenderHandler):
        async def list_locations(
            self, ctx: Any, *, date_from: Any, date_to: Any, offset: int, limit: int
        ) -> ListPage[Location]:
            items = list(stored.values())
            return ListPage(items[offset : offset + limit], len(items))

    store = MemoryPartnerStore()
    add_partner(store, "tok", ("CPO", "BE", "BEC"))
    server = OcpiServer(parties=[PartyRole("EMSP", "NL", "EXA", "e")], tokens=store)
    server.mount(Receiver(), Sender())
    raw = (examples_dir / "2.2.1" / "location_example.json").read_bytes()
    location = converter.loads(raw, Location)
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(server)))
    base = "http://emsp.test"
    async with AsyncLocationsReceiverClient(
        server.endpoint_url("2.2.1", "locations", "RECEIVER", base), "tok", client=http
    ) as receiver:
        ack = await receiver.put("BE", "BEC", "LOC1", location)
        assert ack.status_code == 1000
    async with AsyncLocationsSenderClient(
        server.endpoint_url("2.2.1", "locations", "SENDER", base), "tok", client=http
    ) as sender:
        pulled = [item async for item in sender.list()]
    assert pulled == [location]
    assert json.loads(converter.dumps(pulled[0])) == json.loads(raw)
    await http.aclose()
