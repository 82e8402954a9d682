"""The simulated hub, attacked by a registered party (Mallory, an eMSP): each test is the request
a dishonest party sends and the refusal it must get."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from ocpi_sdk.credentials import Party, aregister
from ocpi_sdk.sim import Platform, SimConfig
from tests.network import Network, party

V = "2.2.1"


async def join(net: Network, member: Platform, hub: Platform) -> str:
    """``member`` registers with the hub through the SDK; returns its token C at the hub."""
    us = Party(member.issue_token(), member.versions_url, member.party_roles())
    async with net.client() as http:
        registration = await aregister(
            hub.versions_url, hub.issue_token(), us, role=member.role, versions=[V], client=http
        )
    member.accept_partner(
        incoming=us.token,
        outgoing=registration.connection.token,
        connection=registration.connection,
        credentials={"roles": [{"role": "HUB", "country_code": "NL", "party_id": "HUB"}]},
    )
    member.peer = ("NL", "CPO") if member.role == "EMSP" else ("NL", "MSP")
    return registration.connection.token


@pytest.fixture
def network() -> Any:
    net = Network()
    hub = party(net, "hub", "HUB", (V,))
    cpo = party(net, "cpo", "CPO", (V,), command_delay=0.0)
    emsp = party(net, "emsp", "EMSP", (V,))
    mallory = party(net, "mallory", "EMSP", (V,), party_id="EVL")
    tokens = {}
    for member in (cpo, emsp, mallory):
        tokens[member.config.party_id] = asyncio.run(join(net, member, hub))
    return net, hub, cpo, emsp, mallory, tokens


def headers(
    token: str, frm: tuple[str, str] | None = None, to: tuple[str, str] | None = None
) -> dict[str, str]:
    out = {
        "Authorization": "Token " + base64.b64encode(token.encode()).decode(),
        "X-Request-ID": str(uuid.uuid4()),
        "X-Correlation-ID": str(uuid.uuid4()),
    }
    if frm:
        out.update({"OCPI-from-country-code": frm[0], "OCPI-from-party-id": frm[1]})
    if to:
        out.update({"OCPI-to-country-code": to[0], "OCPI-to-party-id": to[1]})
    return out


def send(net: Network, method: str, url: str, token: str, body: Any = None, **routing: Any) -> Any:
    async def go() -> Any:
        async with net.client() as http:
            content = json.dumps(body).encode() if body is not None else None
            return await http.request(
                method, url, content=content, headers=headers(token, **routing)
            )

    return asyncio.run(go())


def mallory_token(net_tokens: dict[str, str]) -> str:
    return net_tokens["EVL"]


def test_a_party_cannot_act_as_another_with_routing_headers(network: Any) -> None:
    net, hub, _, _, _, tokens = network
    url = hub.endpoint_url(V, "locations", "SENDER")
    answer = send(net, "GET", url, tokens["EVL"], frm=("NL", "MSP"), to=("NL", "CPO"))
    assert answer.status_code == 403 and answer.json()["status_code"] == 2001
    assert "not the party of this token" in answer.json()["status_message"]
    honest = send(net, "GET", url, tokens["EVL"], frm=("NL", "EVL"), to=("NL", "CPO"))
    assert honest.status_code == 200 and honest.json()["status_code"] == 1000


def test_credentials_are_never_forwarded_nor_reached_by_dot_segments(network: Any) -> None:
    net, hub, _, _, _, tokens = network
    before = len(net.requests)
    for path in ("/ocpi/2.2.1/tokens/receiver/%2E%2E/%2E%2E/credentials",):
        answer = send(
            net, "GET", "http://hub.test" + path, tokens["EVL"], frm=("NL", "EVL"), to=("NL", "CPO")
        )
        assert answer.status_code == 404 and answer.json()["status_code"] == 2000, path
    own = send(net, "GET", hub.endpoint_url(V, "credentials"), tokens["EVL"], to=("NL", "CPO"))
    assert own.json()["data"]["token"] == tokens["EVL"]  # the hub's credentials for Mallory only
    forwarded = [r for r in net.requests[before:] if r.url.host != "hub.test"]
    assert forwarded == []


def test_a_party_cannot_write_or_read_another_partys_tokens(
    network: Any, examples_dir: Path
) -> None:
    net, hub, cpo, emsp, _, tokens = network
    token = (
        json.loads((examples_dir / V / "token_example_1_app_user.json").read_text())
        if (examples_dir / V / "token_example_1_app_user.json").exists()
        else None
    )
    token = token or next(iter(emsp.store.all(f"{V}/tokens")), None) or _a_token()
    token = {**token, "country_code": "NL", "party_id": "MSP"}
    url = f"{hub.endpoint_url(V, 'tokens', 'RECEIVER')}/NL/MSP/{token['uid']}"
    write = send(net, "PUT", url, tokens["EVL"], body=token, frm=("NL", "EVL"), to=("NL", "CPO"))
    assert write.status_code == 403 and "only on its own objects" in write.json()["status_message"]
    read = send(net, "GET", url, tokens["EVL"], frm=("NL", "EVL"), to=("NL", "CPO"))
    assert read.status_code == 403 and "data" not in read.json()
    assert cpo.store.get(f"{V}/tokens", ("NL", "MSP", token["uid"])) is None


def _a_token() -> dict[str, Any]:
    from ocpi_sdk.sim.data import NetworkData

    return dict(NetworkData(V, seed=0).tokens(1)[0])


def test_only_the_hub_writes_hubclientinfo(network: Any) -> None:
    net, hub, _, _, _, tokens = network
    info = {
        "party_id": "CPO",
        "country_code": "NL",
        "role": "CPO",
        "status": "SUSPENDED",
        "last_updated": "2030-01-01T00:00:00Z",
    }
    url = f"{hub.endpoint_url(V, 'hubclientinfo')}/NL/CPO"
    answer = send(net, "PUT", url, tokens["EVL"], body=info)
    assert answer.status_code in (404, 405) and answer.json()["status_code"] == 2000
    stored = hub.store.get(f"{V}/hubclientinfo", ("NL", "CPO", "NLCPO"))
    assert stored is not None and stored["status"] == "CONNECTED"


def _start(emsp_base: str, uid: str = "0102030405") -> dict[str, Any]:
    from ocpi_sdk.sim.data import NetworkData

    token = dict(NetworkData(V, seed=0).tokens(1)[0])
    token.update(country_code="NL", party_id="EVL")  # the caller's own token
    return {"response_url": emsp_base, "token": token, "location_id": "NOPE"}


def test_a_response_url_on_another_partys_origin_is_refused(network: Any) -> None:
    net, hub, cpo, _, _, tokens = network
    url = f"{hub.endpoint_url(V, 'commands', 'RECEIVER')}/START_SESSION"
    victim = cpo.endpoint_url(V, "tokens") + "/steal"
    answer = send(
        net, "POST", url, tokens["EVL"], body=_start(victim), frm=("NL", "EVL"), to=("NL", "CPO")
    )
    assert answer.status_code == 400 and "response_url" in answer.json()["status_message"]


def test_every_response_url_is_replaced_by_a_hub_url(network: Any) -> None:
    net, hub, _, _, mallory, tokens = network
    own = f"{mallory.endpoint_url(V, 'commands', 'SENDER')}/command_result/k1"
    before = len(net.requests)
    url = f"{hub.endpoint_url(V, 'commands', 'RECEIVER')}/START_SESSION"
    send(net, "POST", url, tokens["EVL"], body=_start(own), frm=("NL", "EVL"), to=("NL", "CPO"))
    profile = {
        "charging_profile": {
            "charging_rate_unit": "W",
            "charging_profile_period": [{"start_period": 0, "limit": 11000}],
        },
        "response_url": mallory.endpoint_url(V, "chargingprofiles", "SENDER")
        + "/charging_profile_result/k2",
    }
    put = f"{hub.endpoint_url(V, 'chargingprofiles', 'RECEIVER')}/S1"
    answer = send(net, "PUT", put, tokens["EVL"], body=profile, frm=("NL", "EVL"), to=("NL", "CPO"))
    assert answer.json()["status_code"] == 1000, answer.text
    at_cpo = [
        json.loads(r.content)
        for r in net.requests[before:]
        if r.url.host == "cpo.test" and r.content
    ]
    urls = [b["response_url"] for b in at_cpo if "response_url" in b]
    assert len(urls) == 2 and all(u.startswith("http://hub.test/") for u in urls), urls


def test_only_the_party_a_command_went_to_may_post_its_result(network: Any) -> None:
    net, hub, _, _, mallory, tokens = network
    own = f"{mallory.endpoint_url(V, 'commands', 'SENDER')}/command_result/k1"
    before = len(net.requests)
    url = f"{hub.endpoint_url(V, 'commands', 'RECEIVER')}/START_SESSION"
    send(net, "POST", url, tokens["EVL"], body=_start(own), frm=("NL", "EVL"), to=("NL", "CPO"))
    relay = next(
        json.loads(r.content)["response_url"]
        for r in net.requests[before:]
        if r.url.host == "cpo.test" and r.content
    )
    forged = send(
        net,
        "POST",
        relay,
        tokens["MSP"],
        body={"result": "ACCEPTED"},
        frm=("NL", "MSP"),
        to=("NL", "EVL"),
    )
    assert forged.status_code == 403 and "another party" in forged.json()["status_message"]


def test_one_token_a_registers_exactly_one_party() -> None:
    net = Network()
    hub = party(net, "hub", "HUB", (V,))
    first = party(net, "one", "CPO", (V,), party_id="ONE")
    second = party(net, "two", "CPO", (V,), party_id="TWO")
    token_a = hub.issue_token()

    async def register(member: Platform) -> Any:
        us = Party(member.issue_token(), member.versions_url, member.party_roles())
        async with net.client() as http:
            return await aregister(
                hub.versions_url, token_a, us, role="CPO", versions=[V], client=http
            )

    async def both() -> list[Any]:
        return await asyncio.gather(register(first), register(second), return_exceptions=True)

    outcomes = asyncio.run(both())
    assert sum(not isinstance(o, BaseException) for o in outcomes) == 1, outcomes
    assert len(hub.partners.partners) == 1 and token_a not in hub.partners.pending


def test_a_2_1_1_hub_is_refused_at_start_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="no routing headers"):
        Platform(SimConfig(role="HUB", versions=("2.1.1",)))


def test_restart_with_a_database_keeps_objects_registrations_and_tokens(tmp_path: Path) -> None:
    db = tmp_path / "hub.sqlite"
    net = Network()
    hub = party(net, "hub", "HUB", (V,), db_path=str(db))
    cpo = party(net, "cpo", "CPO", (V,))
    token_c = asyncio.run(join(net, cpo, hub))
    spare = hub.issue_token()
    hub.store.close()
    again = Network()
    restarted = party(again, "hub", "HUB", (V,), db_path=str(db))
    record = restarted.partners.partner(token_c)
    assert record is not None and record.versions_url == cpo.versions_url
    assert record.endpoints and record.endpoints[0].module
    assert restarted.partners.is_token_a(spare)
    assert restarted.store.get(f"{V}/hubclientinfo", ("NL", "CPO", "NLCPO")) is not None
    again.add("cpo", cpo)
    answer = send(
        again,
        "GET",
        restarted.endpoint_url(V, "locations", "SENDER"),
        token_c,
        frm=("NL", "CPO"),
        to=("NL", "CPO"),
    )
    assert answer.status_code == 200, answer.text


def test_a_session_is_stopped_only_by_the_party_it_is_for(network: Any) -> None:
    net, hub, cpo, emsp, mallory, tokens = network
    from ocpi_sdk.sim.seed import seed_platform

    seed_platform(cpo)
    url = f"{hub.endpoint_url(V, 'commands', 'RECEIVER')}"
    location = cpo.store.all(f"{V}/locations")[0]
    start = _start(f"{emsp.endpoint_url(V, 'commands', 'SENDER')}/command_result/k1")
    start["token"].update(country_code="NL", party_id="MSP")
    start["location_id"] = location["id"]
    answer = send(
        net,
        "POST",
        f"{url}/START_SESSION",
        tokens["MSP"],
        body=start,
        frm=("NL", "MSP"),
        to=("NL", "CPO"),
    )
    assert answer.json()["data"]["result"] == "ACCEPTED", answer.text
    (session_id,) = cpo.charging

    def stop(member: Platform, key: str) -> Any:
        """STOP_SESSION sent by ``member`` through the hub, its own response_url."""
        own = f"{member.endpoint_url(V, 'commands', 'SENDER')}/command_result/{key}"
        party_id = member.config.party_id or ""
        body = {"response_url": own, "session_id": session_id}
        return send(
            net,
            "POST",
            f"{url}/STOP_SESSION",
            tokens[party_id],
            body=body,
            frm=("NL", party_id),
            to=("NL", "CPO"),
        )

    answer = stop(mallory, "k2")
    assert answer.json().get("data", {}).get("result") == "REJECTED", answer.text
    assert not cpo.charging[session_id].stop.is_set()
    answer = stop(emsp, "k3")
    assert answer.json()["data"]["result"] == "ACCEPTED"
    assert cpo.charging[session_id].stop.is_set()


def test_each_emsp_lists_only_the_sessions_and_cdrs_that_are_its_own(network: Any) -> None:
    from tests.examples import load

    net, hub, cpo, _, _, tokens = network
    for module, file in (
        ("sessions", "session_example_1_simple_start.json"),
        ("cdrs", "cdr_example.json"),
    ):
        example = load(V, file)
        for owner in ("MSP", "EVL"):
            obj = {**example, "id": f"{module}-{owner}"}
            obj["cdr_token"] = {**example["cdr_token"], "country_code": "NL", "party_id": owner}
            cpo.store.put(f"{V}/{module}", ("NL", "CPO", obj["id"]), obj)
    for owner in ("MSP", "EVL"):
        for module in ("sessions", "cdrs"):
            url = f"{hub.endpoint_url(V, module, 'SENDER')}?date_from=2000-01-01T00:00:00Z"
            answer = send(net, "GET", url, tokens[owner], frm=("NL", owner), to=("NL", "CPO"))
            assert answer.status_code == 200, answer.text
            assert [o["id"] for o in answer.json()["data"]] == [f"{module}-{owner}"]
            assert answer.headers["X-Total-Count"] == "1"
