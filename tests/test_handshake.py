"""Negotiation and the credentials handshake between two in-process parties (ASGI transport)."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import httpx
import pytest

from ocpi_sdk import errors
from ocpi_sdk.credentials import (
    CredentialsHandler,
    CredentialsRequest,
    MemoryPartnerStore,
    Party,
    PartyRole,
    aregister,
    aunregister,
    aupdate,
    credentials_payload,
)
from ocpi_sdk.negotiation import (
    Connection,
    ModuleNotOfferedError,
    NoCommonVersionError,
    aconnect,
    choose_version,
)
from tests.network import Network, party

EMSP_ROLE = PartyRole("EMSP", "NL", "MSP", "Example eMSP")


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def our_party(emsp: Any, token: str | None = None) -> Party:
    return Party(token or emsp.issue_token(), emsp.versions_url, [EMSP_ROLE])


@pytest.mark.parametrize(
    ("cpo_versions", "emsp_versions", "expected"),
    [
        (("2.2.1",), ("2.2.1",), "2.2.1"),
        (("2.1.1",), ("2.1.1",), "2.1.1"),
        (("2.1.1", "2.2.1"), ("2.1.1",), "2.1.1"),  # mixed pair: one side only 2.1.1
        (("2.1.1",), ("2.1.1", "2.2.1"), "2.1.1"),
        (("2.1.1", "2.2.1"), ("2.1.1", "2.2.1"), "2.2.1"),
        (("2.1.1", "2.2.1", "2.3.0"), ("2.1.1", "2.2.1", "2.3.0"), "2.3.0"),
        (("2.2.1", "2.3.0"), ("2.1.1", "2.2.1"), "2.2.1"),  # the partner lacks 2.3.0
        (("2.3.0",), ("2.3.0",), "2.3.0"),
        (("2.1.1",), ("2.1.1", "2.2.1", "2.3.0"), "2.1.1"),
    ],
)
def test_register_negotiates_and_exchanges_tokens(
    cpo_versions: tuple[str, ...], emsp_versions: tuple[str, ...], expected: str
) -> None:
    async def scenario() -> None:
        net = Network()
        cpo = party(net, "cpo", "CPO", cpo_versions)
        emsp = party(net, "emsp", "EMSP", emsp_versions)
        token_a = cpo.token_a
        async with net.client() as http:
            registration = await aregister(
                cpo.versions_url,
                token_a,
                our_party(emsp),
                role="EMSP",
                versions=emsp_versions,
                client=http,
            )
        conn = registration.connection
        assert conn.version == expected
        assert conn.token != token_a and conn.token == registration.credentials.token
        assert cpo.partners.partner(conn.token) is not None  # token C works at the CPO
        assert not cpo.partners.is_token_a(token_a)  # token A stops working
        async with net.client() as http:
            with pytest.raises(errors.UnauthorizedError):
                await aconnect(cpo.versions_url, token_a, role="EMSP", client=http)
            # the eMSP calls the CPO's Sender interface: a LocationsSenderClient
            locations = conn.async_client("locations", client=http)
            assert type(locations).__name__ == "AsyncLocationsSenderClient"
            assert [loc async for loc in locations.list()] == []

    run(scenario())


def test_register_the_other_way_round() -> None:
    """The CPO starts the handshake with an eMSP."""

    async def scenario() -> None:
        net = Network()
        cpo = party(net, "cpo", "CPO", ("2.2.1",))
        emsp = party(net, "emsp", "EMSP", ("2.2.1",))
        cpo_party = Party(cpo.issue_token(), cpo.versions_url, [PartyRole("CPO", "NL", "CPO", "C")])
        async with net.client() as http:
            registration = await aregister(
                emsp.versions_url, emsp.token_a, cpo_party, role="CPO", client=http
            )
        conn = registration.connection
        assert emsp.partners.partner(conn.token) is not None
        locations = conn.async_client("locations")
        assert type(locations).__name__ == "AsyncLocationsReceiverClient"
        await locations.aclose()

    run(scenario())


def test_put_rotates_the_token_and_delete_unregisters() -> None:
    async def scenario() -> None:
        net = Network()
        cpo = party(net, "cpo", "CPO", ("2.2.1",))
        emsp = party(net, "emsp", "EMSP", ("2.2.1",))
        async with net.client() as http:
            first = await aregister(
                cpo.versions_url, cpo.token_a, our_party(emsp), role="EMSP", client=http
            )
            second = await aupdate(first.connection, our_party(emsp), client=http)
            old, new = first.connection.token, second.connection.token
            assert old != new
            assert cpo.partners.partner(old) is None and cpo.partners.partner(new) is not None
            with pytest.raises(errors.UnauthorizedError):
                await aupdate(first.connection, our_party(emsp), client=http)
            await aunregister(second.connection, client=http)
            assert cpo.partners.partner(new) is None
            with pytest.raises(errors.UnauthorizedError):
                await aunregister(second.connection, client=http)

    run(scenario())


def test_post_twice_is_405() -> None:
    async def scenario() -> None:
        net = Network()
        cpo = party(net, "cpo", "CPO", ("2.2.1",))
        emsp = party(net, "emsp", "EMSP", ("2.2.1",))
        async with net.client() as http:
            first = await aregister(
                cpo.versions_url, cpo.token_a, our_party(emsp), role="EMSP", client=http
            )
            body = credentials_payload("2.2.1", our_party(emsp))
            token = base64.b64encode(first.connection.token.encode()).decode()
            answer = await http.post(
                cpo.endpoint_url("2.2.1", "credentials"),
                json=body,
                headers={"Authorization": f"Token {token}", "X-Request-ID": "1"},
            )
        assert answer.status_code == 405

    run(scenario())


def _handler(
    store: MemoryPartnerStore, transport: httpx.AsyncBaseTransport | None = None
) -> CredentialsHandler:
    return CredentialsHandler(
        versions_url="http://us.test/ocpi/versions",
        roles=[PartyRole("CPO", "NL", "CPO", "Us")],
        store=store,
        role="CPO",
        async_client=httpx.AsyncClient(transport=transport) if transport else None,
    )


def _request(
    token: str,
    body: dict[str, Any] | None,
    method: str = "POST",
    version: str = "2.2.1",
    plain: bool = False,
) -> CredentialsRequest:
    value = token if plain else base64.b64encode(token.encode()).decode()
    return CredentialsRequest(method, version, f"Token {value}", body)


def test_handler_3001_when_the_partner_cannot_be_reached() -> None:
    store = MemoryPartnerStore()
    token_a = store.issue_token_a()

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    handler = _handler(store, httpx.MockTransport(down))
    body = credentials_payload("2.2.1", Party("tok-b", "http://them.test/versions", [EMSP_ROLE]))
    reply = run(handler.ahandle(_request(token_a, body)))
    assert reply.body["status_code"] == 3001
    assert "cannot use the client's API" in reply.body["status_message"]
    assert store.is_token_a(token_a)  # nothing changed


def test_handler_3002_when_no_common_version() -> None:
    async def scenario() -> Any:
        net = Network()
        emsp = party(net, "emsp", "EMSP", ("2.1.1",))
        store = MemoryPartnerStore()
        token_a = store.issue_token_a()
        handler = _handler(store, net)
        body = credentials_payload(
            "2.2.1", Party(emsp.issue_token(), emsp.versions_url, [EMSP_ROLE])
        )
        return await handler.ahandle(_request(token_a, body))

    reply = run(scenario())
    assert reply.body["status_code"] == 3002


def test_handler_3003_when_required_endpoints_are_missing() -> None:
    async def scenario() -> Any:
        net = Network()
        emsp = party(net, "emsp", "EMSP", ("2.2.1",))
        store = MemoryPartnerStore()
        token_a = store.issue_token_a()
        handler = _handler(store, net)
        handler.required_modules = ("chargingprofiles_that_no_one_has",)
        body = credentials_payload(
            "2.2.1", Party(emsp.issue_token(), emsp.versions_url, [EMSP_ROLE])
        )
        return await handler.ahandle(_request(token_a, body))

    reply = run(scenario())
    assert reply.body["status_code"] == 3003
    assert "chargingprofiles_that_no_one_has" in reply.body["status_message"]


def test_handler_accepts_a_plain_token_on_2_2_1_and_says_so() -> None:
    async def scenario() -> Any:
        net = Network()
        emsp = party(net, "emsp", "EMSP", ("2.2.1",))
        store = MemoryPartnerStore()
        token_a = store.issue_token_a()
        handler = _handler(store, net)
        body = credentials_payload(
            "2.2.1", Party(emsp.issue_token(), emsp.versions_url, [EMSP_ROLE])
        )
        return await handler.ahandle(_request(token_a, body, plain=True))

    reply = run(scenario())
    assert reply.body["status_code"] == 1000
    assert reply.token_encoding == "plain"


@pytest.mark.parametrize(
    ("method", "token", "http_status"),
    [("POST", "unknown", 401), ("PUT", "pending", 405), ("DELETE", "pending", 405)],
)
def test_handler_refuses_bad_tokens_and_wrong_methods(
    method: str, token: str, http_status: int
) -> None:
    store = MemoryPartnerStore()
    pending = store.issue_token_a()
    handler = _handler(store)
    reply = run(handler.ahandle(_request(pending if token == "pending" else token, None, method)))
    assert reply.http_status == http_status


def test_handler_2001_on_an_invalid_credentials_body() -> None:
    store = MemoryPartnerStore()
    token_a = store.issue_token_a()
    reply = run(_handler(store).ahandle(_request(token_a, {"token": "x"})))
    assert reply.body["status_code"] == 2001
    assert "$.url" in reply.body["status_message"]


@pytest.mark.parametrize(
    ("offered", "supported", "expected"),
    [
        ({"2.1.1": "a", "2.2.1": "b"}, ["2.1.1", "2.2.1"], ("2.2.1", "2.2.1", "b")),
        ({"2.1": "a", "2.2": "b"}, ["2.1.1", "2.2.1"], ("2.2.1", "2.2", "b")),
        ({"2.0": "a", "2.1": "b"}, ["2.1.1", "2.2.1"], ("2.1.1", "2.1", "b")),
        ({"2.2": "a", "2.2.1": "b"}, ["2.2.1"], ("2.2.1", "2.2.1", "b")),
        ({"2.2.1": "a"}, ["2.1.1"], None),
    ],
)
def test_choose_version(offered: dict[str, str], supported: list[str], expected: Any) -> None:
    if expected is None:
        with pytest.raises(NoCommonVersionError, match=r"offers 2\.2\.1; we support 2\.1\.1"):
            choose_version(offered, supported)
    else:
        assert choose_version(offered, supported) == expected


def test_connection_round_trips_through_a_dict_and_names_missing_modules() -> None:
    async def scenario() -> Connection:
        net = Network()
        cpo = party(net, "cpo", "CPO", ("2.2.1",))
        async with net.client() as http:
            return await aconnect(cpo.versions_url, cpo.token_a, role="EMSP", client=http)

    conn = run(scenario())
    restored = Connection.from_dict(conn.to_dict())
    assert restored == conn
    assert conn.token not in repr(conn)
    with pytest.raises(ModuleNotOfferedError, match=r"payments.*it offers: .*locations"):
        conn.client("payments")


def test_open_gives_the_exact_client_class_and_checks_the_version() -> None:
    from ocpi_sdk.negotiation import NegotiationError
    from ocpi_sdk.v2_1_1.clients import LocationsSenderClient as Locations211
    from ocpi_sdk.v2_2_1.clients import LocationsSenderClient

    async def scenario() -> Connection:
        net = Network()
        cpo = party(net, "cpo", "CPO", ("2.2.1",))
        async with net.client() as http:
            return await aconnect(cpo.versions_url, cpo.token_a, role="EMSP", client=http)

    conn = run(scenario())
    with conn.open(LocationsSenderClient) as locations:
        assert type(locations) is LocationsSenderClient
        assert locations.url == "http://cpo.test/ocpi/2.2.1/locations"
    with pytest.raises(NegotiationError, match=r"2\.1\.1 client; this connection speaks 2\.2\.1"):
        conn.open(Locations211)


def test_module_clients_are_reused_and_closed() -> None:
    async def scenario() -> Connection:
        net = Network()
        cpo = party(net, "cpo", "CPO", ("2.2.1",))
        async with net.client() as http:
            return await aconnect(cpo.versions_url, cpo.token_a, role="EMSP", client=http)

    with run(scenario()) as conn:
        first = conn.locations
        assert conn.locations is first
        assert type(first).__name__ == "LocationsSenderClient"
    assert first.http.is_closed
