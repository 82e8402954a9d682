"""Page GETs of the simulated CPO (``ocpi sim cpo``) with 100 and with 10,000 stored Locations,
next to a trivial Starlette endpoint returning the same bytes, all in one run and through the same
in-process ASGI transport.

The store keeps objects ordered by ``last_updated`` with their JSON bytes, so a page costs
O(page), whatever the store holds. Aims (issue #15): the two store sizes within 1.5x of each
other; the simulator at least 0.3x the trivial endpoint (which does no authentication, routing,
envelope or pagination work).
"""

from __future__ import annotations

import asyncio
import base64
import copy
import os
import sys
import time
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.sim import Platform, SimConfig, build_app
from ocpi_sdk.sim.data import NetworkData
from ocpi_sdk.sim.handlers import object_key

V = "2.2.1"
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
TOKEN = "bench-token-c"
HEADERS = {
    "Authorization": "Token " + base64.b64encode(TOKEN.encode()).decode(),
    "X-Request-ID": "r",
    "X-Correlation-ID": "c",
}


def cpo(size: int) -> Platform:
    platform = Platform(SimConfig(role="CPO", versions=(V,), data=False, page_limit=50))
    platform.base_url = "http://cpo.bench"
    base = NetworkData(V, seed=1).locations(100)
    for index in range(size):
        location = copy.deepcopy(base[index % len(base)])
        location["id"] = f"LOC{index:06d}"
        day = 1 + index % 28
        location["last_updated"] = f"2024-01-{day:02d}T{index % 24:02d}:{index % 60:02d}:00Z"
        platform.store.put(f"{V}/locations", object_key(location), location)
    credentials = {"roles": [{"role": "EMSP", "country_code": "NL", "party_id": "MSP"}]}
    record = PartnerRecord(TOKEN, "b", "http://emsp.bench/versions", V, (), credentials)
    platform.partners.register(record, replacing=None)
    return platform


async def rates(targets: dict[str, tuple[Any, str]]) -> dict[str, float]:
    """Pages per second of each (app, url): the best of ``ROUNDS`` rounds, the targets taking
    turns within each round so that the machine's load falls on all of them alike."""
    clients = {
        name: httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://cpo.bench")
        for name, (app, _) in targets.items()
    }
    best = dict.fromkeys(targets, float("inf"))
    per_round = max(REQUESTS // ROUNDS, 1)
    for name, (_, url) in targets.items():
        first = await clients[name].get(url, headers=HEADERS)
        assert first.status_code == 200, first.text
    for _ in range(ROUNDS):
        for name, (_, url) in targets.items():
            start = time.perf_counter()
            for _ in range(per_round):
                await clients[name].get(url, headers=HEADERS)
            best[name] = min(best[name], time.perf_counter() - start)
    for client in clients.values():
        await client.aclose()
    return {name: per_round / seconds for name, seconds in best.items()}


def trivial(body: bytes, headers: dict[str, str]) -> Starlette:
    async def endpoint(request: Request) -> Response:
        return Response(body, headers=headers, media_type="application/json")

    return Starlette(routes=[Route("/ocpi/2.2.1/locations", endpoint)])


async def main() -> int:
    targets: dict[str, tuple[Any, str]] = {}
    body = b""
    page_headers: dict[str, str] = {}
    for size in (100, 10_000):
        app = build_app(cpo(size))
        url = f"/ocpi/2.2.1/locations?offset={size // 2}&limit=50"
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://cpo.bench") as http:
            sample = await http.get(url, headers=HEADERS)
        body = sample.content
        page_headers = {
            k: v for k, v in sample.headers.items() if k.lower().startswith("x-") or k == "link"
        }
        targets[f"sim {size}"] = (app, url)
    # the same request (query string included) to an endpoint that only returns the bytes
    targets["trivial"] = (trivial(body, page_headers), url)
    results = await rates(targets)
    for name, value in results.items():
        print(f"{name:12} {value:8.0f} pages/s  ({len(body)} bytes a page of 50)")
    sizes = results["sim 100"] / results["sim 10000"]
    versus = results["sim 10000"] / results["trivial"]
    print(f"100 vs 10,000 stored: {sizes:.2f}x (aim: within 1.5x)")
    print(f"sim (10,000) vs trivial endpoint: {versus:.2f}x (aim: at least 0.3x)")
    return 0 if 1 / 1.5 <= sizes <= 1.5 and versus >= 0.3 else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
