"""An in-process network for tests: requests to ``http://<name>.test`` go to that party's ASGI
app through httpx's ASGI transport, no sockets involved."""

from __future__ import annotations

from typing import Any

import httpx

from ocpi_sdk.sim import Platform, SimConfig, build_app


class Network(httpx.AsyncBaseTransport):
    """Routes each request by host to the ASGI app registered for it."""

    def __init__(self) -> None:
        self.apps: dict[str, httpx.ASGITransport] = {}
        self.requests: list[httpx.Request] = []

    def add(self, name: str, platform: Platform) -> Platform:
        platform.base_url = f"http://{name}.test"
        platform.transport = self
        self.apps[f"{name}.test"] = httpx.ASGITransport(app=build_app(platform))
        return platform

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        app = self.apps.get(request.url.host)
        if app is None:
            raise httpx.ConnectError(f"no host {request.url.host} on this network", request=request)
        return await app.handle_async_request(request)

    def client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self)


def party(
    network: Network, name: str, role: str, versions: tuple[str, ...], **options: Any
) -> Platform:
    return network.add(name, Platform(SimConfig(role=role, versions=versions, **options)))
