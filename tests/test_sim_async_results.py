"""Asynchronous results from the CPO simulator: charging profiles, charging preferences."""

from __future__ import annotations

import asyncio
from typing import Any

from ocpi_sdk.credentials import Party, PartyRole, aregister
from ocpi_sdk.v2_2_1 import SetChargingProfile, loads
from tests.network import Network, party


async def _connected() -> tuple[Network, Any, Any, Any]:
    net = Network()
    cpo = party(net, "cpo", "CPO", ("2.2.1",), command_delay=0.0)
    emsp = party(net, "emsp", "EMSP", ("2.2.1",))
    us = Party(emsp.issue_token(), emsp.versions_url, [PartyRole("EMSP", "NL", "MSP", "M")])
    async with net.client() as http:
        registration = await aregister(cpo.versions_url, cpo.token_a, us, role="EMSP", client=http)
    emsp.accept_partner(
        incoming=us.token,
        outgoing=registration.connection.token,
        connection=registration.connection,
        credentials={"country_code": "NL", "party_id": "CPO"},
    )
    return net, cpo, emsp, registration.connection


async def _wait(emsp: Any, key: str) -> Any:
    for _ in range(200):
        for event in emsp.events:
            if event.kind == "result" and event.detail.get("key") == key:
                return event.detail
        await asyncio.sleep(0.01)
    raise AssertionError(f"no result {key} at the eMSP")


def test_charging_profile_put_and_get_post_their_results() -> None:
    async def scenario() -> None:
        net, _, emsp, conn = await _connected()
        base = emsp.endpoint_url("2.2.1", "chargingprofiles", "SENDER")
        async with net.client() as http:
            profiles: Any = conn.async_client("chargingprofiles", client=http)
            assert type(profiles).__name__ == "AsyncChargingProfilesReceiverClient"
            body = loads(
                {
                    "charging_profile": {
                        "charging_rate_unit": "W",
                        "charging_profile_period": [{"start_period": 0, "limit": 11000}],
                    },
                    "response_url": f"{base}/charging_profile_result/k1",
                },
                SetChargingProfile,
            )
            answer = await profiles.put("S1", body)
            assert str(answer.result) == "ACCEPTED" and answer.timeout == 30
            result = await _wait(emsp, "k1")
            assert result["body"] == {"result": "ACCEPTED"}
            active = await profiles.get(
                "S1", duration=900, response_url=f"{base}/active_charging_profile_result/k2"
            )
            assert str(active.result) == "ACCEPTED"
            result = await _wait(emsp, "k2")
            assert result["body"]["profile"]["charging_profile"]["charging_rate_unit"] == "W"
            cleared = await profiles.delete("S1", response_url=f"{base}/clear_profile_result/k3")
            assert str(cleared.result) == "ACCEPTED"
            assert (await _wait(emsp, "k3"))["body"] == {"result": "ACCEPTED"}

    asyncio.run(scenario())


def test_charging_preferences_for_an_unknown_session() -> None:
    from ocpi_sdk.v2_2_1 import ChargingPreferences

    async def scenario() -> None:
        net, _, _, conn = await _connected()
        async with net.client() as http:
            sessions: Any = conn.async_client("sessions", client=http)
            preferences = loads(
                {"profile_type": "FAST", "departure_time": "2024-01-01T18:00:00Z"},
                ChargingPreferences,
            )
            answer = await sessions.set_charging_preferences("NOPE", preferences)
            assert str(answer) == "NOT_POSSIBLE"

    asyncio.run(scenario())
