"""A party acts only as itself, with its own objects: the server kit (a CPO) refuses a command
that carries another party's token, a Token whose ``?type=`` contradicts its body, and reads a
Sessions list without ``date_from`` (the spec's own example) from the beginning."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from ocpi_sdk.credentials import MemoryPartnerStore, PartyRole
from ocpi_sdk.server import ListPage, OcpiServer, key
from ocpi_sdk.server.starlette import create_app
from ocpi_sdk.v2_2_1 import CommandResponse
from ocpi_sdk.v2_2_1.server import (
    CommandsReceiverHandler,
    SessionsSenderHandler,
    TokensReceiverHandler,
)
from tests.examples import load
from tests.server_kit import add_partner, client, headers


class Commands(CommandsReceiverHandler):
    def __init__(self) -> None:
        self.started: list[Any] = []

    async def start_session(self, ctx: Any, start_session: Any) -> Any:
        self.started.append(start_session)
        return CommandResponse(result="ACCEPTED", timeout=30)

    async def reserve_now(self, ctx: Any, reserve_now: Any) -> Any:
        self.started.append(reserve_now)
        return CommandResponse(result="ACCEPTED", timeout=30)


class Tokens(TokensReceiverHandler):
    def __init__(self) -> None:
        self.stored: dict[tuple[str, ...], Any] = {}

    async def put_token(
        self, ctx: Any, country_code: str, party_id: str, token_uid: str, token: Any, *, type: Any
    ) -> None:
        self.stored[key(country_code, party_id, token_uid)] = token


class Sessions(SessionsSenderHandler):
    def __init__(self) -> None:
        self.asked: list[datetime] = []

    async def list_sessions(
        self, ctx: Any, *, date_from: datetime, date_to: Any, offset: int, limit: int
    ) -> ListPage[Any]:
        self.asked.append(date_from)
        return ListPage([], 0)


@pytest.fixture
def cpo() -> tuple[OcpiServer, Commands, Tokens, Sessions]:
    store = MemoryPartnerStore()
    add_partner(store, "msp", ("EMSP", "NL", "MSP"), ("EMSP", "NL", "MS2"))
    add_partner(store, "hub", ("HUB", "DE", "HUB"))
    server = OcpiServer(
        parties=[PartyRole("CPO", "BE", "BEC", "Example")], tokens=store, role="CPO"
    )
    handlers = Commands(), Tokens(), Sessions()
    for handler in handlers:
        server.mount(handler)
    return (server, *handlers)


async def call(
    server: OcpiServer, method: str, path: str, body: Any, token: str, **extra: str
) -> Any:
    async with client(create_app(server), "http://cpo.test") as http:
        raw = json.dumps(body).encode() if body is not None else None
        return await http.request(method, path, content=raw, headers=headers(token, **extra))


def start(owner: tuple[str, str]) -> dict[str, Any]:
    token = {**load("2.2.1", "token_example_2_full_rfid.json")}
    token.update(country_code=owner[0], party_id=owner[1])
    return {"response_url": "http://msp.test/cb/1", "token": token, "location_id": "LOC1"}


async def test_a_command_with_the_callers_own_token_is_handled(cpo: Any) -> None:
    server, commands, _, _ = cpo
    for owner in (("NL", "MSP"), ("nl", "ms2")):  # any of the caller's parties, any case
        answer = await call(server, "POST", "/2.2.1/commands/START_SESSION", start(owner), "msp")
        assert answer.status_code == 200, answer.text
    assert len(commands.started) == 2


@pytest.mark.parametrize("command", ["START_SESSION", "RESERVE_NOW"])
async def test_a_command_with_another_partys_token_is_refused_403(cpo: Any, command: str) -> None:
    server, commands, _, _ = cpo
    body = start(("DE", "OTH"))
    if command == "RESERVE_NOW":
        body.update(expiry_date="2030-01-01T00:00:00Z", reservation_id="R1")
    answer = await call(server, "POST", f"/2.2.1/commands/{command}", body, "msp")
    assert answer.status_code == 403, answer.text
    assert answer.json()["status_code"] == 2000
    assert "DE*OTH" in answer.json()["status_message"]
    assert commands.started == []


async def test_through_a_hub_the_token_belongs_to_the_party_the_hub_speaks_for(cpo: Any) -> None:
    server, commands, _, _ = cpo
    routing = {
        "OCPI_from_country_code": "NL",
        "OCPI_from_party_id": "EVL",
        "OCPI_to_country_code": "BE",
        "OCPI_to_party_id": "BEC",
    }
    path = "/2.2.1/commands/START_SESSION"
    answer = await call(server, "POST", path, start(("NL", "EVL")), "hub", **routing)
    assert answer.status_code == 200, answer.text
    answer = await call(server, "POST", path, start(("NL", "MSP")), "hub", **routing)
    assert answer.status_code == 403 and len(commands.started) == 1


async def test_a_token_whose_type_contradicts_the_url_is_refused(cpo: Any) -> None:
    server, _, tokens, _ = cpo
    token = {**load("2.2.1", "token_example_2_full_rfid.json"), "country_code": "NL"}
    token["party_id"] = "MSP"
    path = f"/2.2.1/tokens/NL/MSP/{token['uid']}"
    answer = await call(server, "PUT", path + "?type=APP_USER", token, "msp")
    assert answer.status_code == 400 and answer.json()["status_code"] == 2001
    assert "type" in answer.json()["status_message"] and tokens.stored == {}
    for query in ("?type=RFID", ""):
        answer = await call(server, "PUT", path + query, token, "msp")
        assert answer.status_code == 200, answer.text


async def test_a_sessions_list_without_date_from_is_read_from_the_beginning(cpo: Any) -> None:
    server, _, _, sessions = cpo
    answer = await call(server, "GET", "/2.2.1/sessions?offset=0", None, "msp")
    assert answer.status_code == 200, answer.text
    assert sessions.asked == [datetime.fromisoformat("1970-01-01T00:00:00+00:00")]
    assert any("date_from" in note for note in server.tolerated)


async def test_an_emsp_refuses_a_session_or_cdr_that_is_not_for_it() -> None:
    from ocpi_sdk.v2_2_1.server import CdrsReceiverHandler, SessionsReceiverHandler

    class Sessions(SessionsReceiverHandler):
        stored: list[Any] = []

        async def put_session(self, ctx: Any, *args: Any) -> None:
            self.stored.append(args[-1])

    class Cdrs(CdrsReceiverHandler):
        async def post_cdr(self, ctx: Any, cdr: Any) -> Any:
            return "https://emsp.test/cdrs/1"

    store = MemoryPartnerStore()
    add_partner(store, "cpo", ("CPO", "NL", "STK"))
    server = OcpiServer(
        parties=[PartyRole("EMSP", "NL", "EXA", "Example")], tokens=store, role="EMSP"
    )
    server.mount(Sessions(), Cdrs())
    session = load("2.2.1", "session_example_1_simple_start.json")
    cdr = load("2.2.1", "cdr_example.json")
    for owner, status in ((("nl", "exa"), 200), (("NL", "TST"), 400)):
        session["cdr_token"].update(country_code=owner[0], party_id=owner[1])
        answer = await call(server, "PUT", "/2.2.1/sessions/NL/STK/101", session, "cpo")
        assert answer.status_code == status, answer.text
        cdr["cdr_token"].update(country_code=owner[0], party_id=owner[1])
        cdr.update(country_code="NL", party_id="STK")
        answer = await call(server, "POST", "/2.2.1/cdrs", cdr, "cpo")
        assert answer.status_code == status, answer.text
    assert "not for us" in answer.json()["status_message"]
    assert len(Sessions.stored) == 1
