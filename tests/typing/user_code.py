"""What a user writes, type-checked with ``mypy --strict`` by ``nox -s typecheck``.

Not a test module: it is never run, only checked, so a change that loses a type in the public
API (a client method returning ``Any``, a model field's type) fails the typecheck session.
"""

from __future__ import annotations

from decimal import Decimal

import ocpi_sdk
from ocpi_sdk.credentials import Party, PartyRole, register
from ocpi_sdk.negotiation import Connection
from ocpi_sdk.transport import Page
from ocpi_sdk.v2_2_1 import Location, Tariff, loads
from ocpi_sdk.v2_2_1.clients import AsyncLocationsSenderClient, LocationsSenderClient


async def pull(url: str, token: str) -> list[str]:
    ids: list[str] = []
    async with AsyncLocationsSenderClient(url, token) as client:
        async for location in client.list():
            ids.append(location.id)
        page: Page[Location] = await client.list_page(limit=10)
        ids.extend(loc.id for loc in page.items)
    return ids


def pull_sync(connection: Connection) -> int:
    with connection.open(LocationsSenderClient) as client:
        evses = sum(len(location.evses or []) for location in client.list())
        one: Location = client.get("LOC1")
    return evses + len(one.id)


def onboard() -> Connection:
    us = Party(
        "token-b", "https://us.example/ocpi/versions", [PartyRole("EMSP", "NL", "EXA", "Us")]
    )
    return register("https://cpo.example/ocpi/versions", "token-a", us, role="EMSP").connection


def money(raw: bytes) -> Decimal:
    tariff = loads(raw, Tariff)
    return sum((c.price for e in tariff.elements for c in e.price_components), Decimal(0))


def top_level(url: str, token: str) -> str:
    """The names ``import ocpi_sdk`` gives, lazily at run time, typed for mypy."""
    connection: ocpi_sdk.Connection = ocpi_sdk.connect(url, token, role="EMSP")
    us = ocpi_sdk.Party("b", url, [ocpi_sdk.PartyRole("EMSP", "NL", "EXA", "Us")])
    registration = ocpi_sdk.register(url, token, us, role="EMSP")
    location: ocpi_sdk.v2_2_1.Location = ocpi_sdk.v2_2_1.loads(b"{}", ocpi_sdk.v2_2_1.Location)
    problems: list[ocpi_sdk.schemas.Problem] = ocpi_sdk.schemas.validate({}, "CDR", version="2.3.0")
    error: type[ocpi_sdk.errors.OcpiError] = ocpi_sdk.errors.PayloadError
    return (
        connection.version
        + registration.connection.token
        + location.id
        + str(problems)
        + str(error)
    )
