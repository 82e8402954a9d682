"""Every generated method of every client, in every version, sync and async, against a mock
partner: right method, path, headers and body; the same typed result from both twins."""

from __future__ import annotations

import asyncio
import base64
import importlib
import json
from typing import Any

import httpx
import pytest

from ocpi_sdk import schemas
from ocpi_sdk.schemas._interfaces import Interface, Operation
from tests.payloads import minimal

TOKEN = "token-b-1234"
BASE = "https://partner.test/ocpi/module"

CASES = [
    (version, interface, op)
    for version in schemas.versions()
    for interface in schemas.interfaces(version)
    for op in interface.operations
]


def _package(version: str) -> Any:
    return importlib.import_module("ocpi_sdk.v" + version.replace(".", "_"))


class Partner:
    """A mock partner that records each request and answers with a valid envelope."""

    def __init__(self, version: str, op: Operation) -> None:
        self.version = version
        self.op = op
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        data: Any = None
        if self.op.response_data is not None:
            item = minimal(self.version, self.op.response_data.object)
            data = [item] if self.op.response_data.list else item
        body = {"status_code": 1000, "timestamp": "2024-01-01T00:00:00Z"}
        if data is not None:
            body["data"] = data
        return httpx.Response(200, json=body, headers={"X-Total-Count": "1", "X-Limit": "10"})


def _arguments(version: str, op: Operation) -> tuple[list[Any], dict[str, Any], str, Any]:
    """Positional and keyword arguments for ``op``, the URL they must reach and the body sent."""
    package = _package(version)
    args: list[Any] = [f"{p.name[:2].upper()}1" for p in op.path_params]
    kwargs: dict[str, Any] = {}
    path = op.path
    for param, value in zip(op.path_params, args, strict=True):
        path = path.replace("{" + param.name + "}", value)
    url = f"{BASE}/{path}" if path else BASE
    if op.target != "endpoint":
        url = f"https://partner.test/callback/{op.target}"
        kwargs[op.target] = url
    body = None
    if op.request_body is not None:
        payload = minimal(version, op.request_body.object)
        if op.request_body.partial:
            body = payload
        else:
            body = package.loads(payload, getattr(package, op.request_body.object))
        if op.request_body.required:
            args.append(body)
        else:
            kwargs["body"] = body
    for query in op.query_params:
        if query.required:
            kwargs[query.name] = 5 if query.schema.get("type") == "integer" else "https://r.test/x"
    return args, kwargs, url, body


def _clients(version: str, interface: Interface) -> tuple[type, type]:
    module = importlib.import_module(f"ocpi_sdk.v{version.replace('.', '_')}.clients")
    pair: tuple[type, type] = module.CLIENTS[(interface.module, interface.role)]
    return pair


def _invoke_sync(client: Any, op: Operation, args: list[Any], kwargs: dict[str, Any]) -> Any:
    method = getattr(client, op.name)
    result = method(*args, **kwargs)
    return list(result) if op.paginated else result


async def _invoke_async(client: Any, op: Operation, args: list[Any], kwargs: dict[str, Any]) -> Any:
    method = getattr(client, op.name)
    if op.paginated:
        return [item async for item in method(*args, **kwargs)]
    return await method(*args, **kwargs)


@pytest.mark.parametrize(
    ("version", "interface", "op"),
    CASES,
    ids=[f"{v}-{i.module}-{i.role}-{o.name}" for v, i, o in CASES],
)
def test_operation(version: str, interface: Interface, op: Operation) -> None:
    package = _package(version)
    sync_cls, async_cls = _clients(version, interface)
    args, kwargs, url, body = _arguments(version, op)

    partner = Partner(version, op)
    with sync_cls(BASE, TOKEN, client=httpx.Client(transport=httpx.MockTransport(partner))) as c:
        sync_result = _invoke_sync(c, op, args, kwargs)

    async_partner = Partner(version, op)

    async def run() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(async_partner))
        async with async_cls(BASE, TOKEN, client=http) as c:
            return await _invoke_async(c, op, args, kwargs)

    async_result = asyncio.run(run())
    assert sync_result == async_result

    (request,) = partner.requests
    assert request.method == op.method
    assert str(request.url).split("?")[0] == url
    expected_token = base64.b64encode(TOKEN.encode()).decode() if version != "2.1.1" else TOKEN
    assert request.headers["Authorization"] == f"Token {expected_token}"
    if version == "2.1.1":
        assert "X-Request-ID" not in request.headers
    else:
        assert request.headers["X-Request-ID"]
        assert request.headers["X-Correlation-ID"]
    if body is None:
        assert request.content == b""
    else:
        sent = json.loads(request.content)
        expected = body if isinstance(body, dict) else json.loads(package.dumps(body))
        assert sent == expected
        assert request.headers["Content-Type"] == "application/json"
    if op.response_data is None:
        assert sync_result.status_code == 1000
    else:
        cls = getattr(package, op.response_data.object)
        items = sync_result if op.response_data.list else [sync_result]
        assert all(isinstance(item, cls) for item in items)


def test_every_interface_has_a_client_pair() -> None:
    for version in schemas.versions():
        module = importlib.import_module(f"ocpi_sdk.v{version.replace('.', '_')}.clients")
        described = {(i.module, i.role) for i in schemas.interfaces(version)}
        assert set(module.CLIENTS) == described
