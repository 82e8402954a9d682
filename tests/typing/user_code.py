"""What a user writes, type-checked with ``mypy --strict`` by ``nox -s typecheck``.

Not a test module: it is never run, only checked, so a change that loses a type in the public
API (a client method returning ``Any``, a model field's type) fails the typecheck session.
"""

from __future__ import annotations

from decimal import Decimal

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
