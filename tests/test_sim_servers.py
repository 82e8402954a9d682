"""The simulators as real HTTP servers on loopback, with the SDK's sync and async clients."""

from __future__ import annotations

import asyncio
import base64
import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from ocpi_sdk import errors
from ocpi_sdk.credentials import Party, PartyRole, register
from ocpi_sdk.negotiation import Connection
from ocpi_sdk.sim.platform import Platform, SimConfig
from ocpi_sdk.sim.serve import RunningServer
from tests.examples import load


@pytest.fixture
def pair(examples_dir: Path) -> Iterator[tuple[RunningServer, RunningServer, Connection]]:
    """A CPO holding 7 Locations and a registered eMSP, both on loopback."""
    cpo = Platform(SimConfig(role="CPO", versions=("2.1.1", "2.2.1"), page_limit=3))
    emsp = Platform(SimConfig(role="EMSP", versions=("2.2.1",)))
    location = load("2.2.1", "location_example.json")
    for index in range(7):
        item = copy.deepcopy(location)
        item["id"] = f"LOC{index}"
        item["last_updated"] = f"2024-01-0{index + 1}T00:00:00Z"
        cpo.store.put("2.2.1/locations", ("BE", "BEC", item["id"]), item)
    with RunningServer(cpo) as cpo_server, RunningServer(emsp) as emsp_server:
        party = Party(emsp.issue_token(), emsp.versions_url, [PartyRole("EMSP", "NL", "MSP", "M")])
        registration = register(cpo.versions_url, cpo.token_a, party, role="EMSP")
        emsp.accept_partner(
            incoming=party.token,
            outgoing=registration.connection.token,
            connection=registration.connection,
            credentials={"country_code": "NL", "party_id": "CPO"},
        )
        yield cpo_server, emsp_server, registration.connection


def test_sync_client_pages_through_a_real_server(pair: Any) -> None:
    _, _, conn = pair
    assert conn.version == "2.2.1"
    with conn.client("locations") as locations:
        ids = [loc.id for loc in locations.list(limit=50)]  # the server caps pages at 3
        assert ids == [f"LOC{i}" for i in range(7)]
        page = locations.list_page(limit=50)
        assert (page.total_count, page.limit, len(page.items)) == (7, 3, 3)
        assert page.next_url is not None and "offset=3" in page.next_url


def test_async_client_gives_the_same_answer(pair: Any) -> None:
    _, _, conn = pair

    async def run() -> list[str]:
        async with conn.async_client("locations") as locations:
            return [loc.id async for loc in locations.list()]

    assert asyncio.run(run()) == [f"LOC{i}" for i in range(7)]


def test_date_filters(pair: Any) -> None:
    from datetime import UTC, datetime

    _, _, conn = pair
    with conn.client("locations") as locations:
        ids = [
            loc.id
            for loc in locations.list(
                date_from=datetime(2024, 1, 3, tzinfo=UTC), date_to=datetime(2024, 1, 5, tzinfo=UTC)
            )
        ]
    assert ids == ["LOC2", "LOC3"]


def test_get_one_object_and_nested_evse(pair: Any) -> None:
    _, _, conn = pair
    with conn.client("locations") as locations:
        location = locations.get("LOC4")
        evse = locations.get_evse("LOC4", location.evses[0].uid)
        assert evse.uid == location.evses[0].uid
        with pytest.raises(errors.NotFoundError):
            locations.get("NOPE")


def test_bad_token_is_refused_with_401(pair: Any) -> None:
    _, _, conn = pair
    url = conn.endpoint("locations").url
    token = base64.b64encode(b"wrong").decode()
    answer = httpx.get(url, headers={"Authorization": f"Token {token}", "X-Request-ID": "1"})
    assert answer.status_code == 401
    assert answer.json()["status_code"] == 2000


def test_invalid_body_is_refused_with_2001_and_paths(pair: Any) -> None:
    _, emsp, _ = pair
    # the CPO pushes a broken Location of its own to the eMSP's Receiver interface
    cpo_token = next(iter(emsp.platform.partners.partners.values())).token_c
    url = emsp.platform.endpoint_url("2.2.1", "locations") + "/NL/CPO/LOC1"
    answer = httpx.put(
        url,
        json={"id": "LOC1", "country_code": "BE"},
        headers={
            "Authorization": "Token " + base64.b64encode(cpo_token.encode()).decode(),
            "X-Request-ID": "r1",
            "X-Correlation-ID": "c1",
        },
    )
    body = answer.json()
    assert answer.status_code == 400 and body["status_code"] == 2001
    assert "$.party_id" in body["status_message"] and "$.coordinates" in body["status_message"]
    assert answer.headers["X-Request-ID"] == "r1"


def test_missing_request_id_is_generated_and_echoed_in_2_2_1(pair: Any) -> None:
    """Some 2.2.1 partners send no X-Request-ID: the simulator answers, with one of its own."""
    cpo, _, conn = pair
    token = base64.b64encode(conn.token.encode()).decode()
    answer = httpx.get(conn.endpoint("locations").url, headers={"Authorization": f"Token {token}"})
    assert answer.status_code == 200 and answer.headers["X-Request-ID"]
    assert any("X-Request-ID" in t for t in cpo.platform.server.tolerated)


def test_state_survives_a_restart_with_sqlite(tmp_path: Path, examples_dir: Path) -> None:
    db = tmp_path / "cpo.sqlite"
    first = Platform(SimConfig(role="CPO", db_path=str(db)))
    first.store.put("2.2.1/locations", ("BE", "BEC", "L1"), load("2.2.1", "location_example.json"))
    first.store.close()
    second = Platform(SimConfig(role="CPO", db_path=str(db)))
    restored = second.store.find("2.2.1/locations", "L1")
    assert restored is not None and restored["id"] == "LOC1"
    assert len(second.store.all("2.2.1/locations")) == 1


def test_event_history_is_bounded() -> None:
    from ocpi_sdk.sim.platform import EVENT_HISTORY

    platform = Platform(SimConfig(role="EMSP", data=False))
    for index in range(EVENT_HISTORY + 500):
        platform.emit("stored", index=index)
    assert len(platform.events) == EVENT_HISTORY
    assert platform.events[-1].detail["index"] == EVENT_HISTORY + 499
